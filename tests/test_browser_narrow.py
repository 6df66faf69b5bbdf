"""At 360 px wide (issue 23 #17, #24): a wizard that cannot start shows a readable flowchart instead of a
form that leads nowhere, and Material's "back to top" button does not cover the text."""
import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


def test_a_failed_start_hides_the_form_and_keeps_the_chart_readable(hub, browser):
    context = browser.new_context(viewport=PHONE, service_workers="block")
    context.add_init_script("window.Worker = undefined;")  # Python cannot start
    page = context.new_page()
    page.goto(hub.url + "fr/wizards/dpo/")
    page.wait_for_selector(".wz[data-state=failed]", timeout=30000)
    assert not page.is_visible("form.wz-step .wz-next")
    page.wait_for_selector(".wz-mermaid svg", timeout=30000)
    sizes = page.evaluate("""() => {
        const box = document.querySelector(".wz-mermaid"), svg = box.querySelector("svg");
        const label = svg.querySelector(".nodeLabel, foreignObject div, text");
        return {drawn: parseFloat(svg.style.maxWidth), shown: svg.getBoundingClientRect().width,
                font: parseFloat(getComputedStyle(label).fontSize) * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width,
                scrolls: box.scrollWidth > box.clientWidth, page: document.documentElement.scrollWidth};
    }""")
    context.close()
    assert sizes["shown"] >= sizes["drawn"] - 1, sizes
    assert sizes["font"] >= 12, sizes  # px on screen: readable without zooming
    assert sizes["scrolls"] and sizes["page"] <= PHONE["width"], sizes


@pytest.mark.parametrize("viewport, shown", [(PHONE, False), ({"width": 1280, "height": 800}, True)])
def test_back_to_top_stays_out_of_the_way_on_a_phone(hub, browser, viewport, shown):
    context = browser.new_context(viewport=viewport, service_workers="block")
    page = context.new_page()
    page.goto(hub.url + "guide/cameras/")
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(400)
    page.mouse.wheel(0, -400)  # Material shows the button while the visitor scrolls up
    page.wait_for_timeout(600)
    visible = page.evaluate("""() => { const top = document.querySelector(".md-top");
        return !!top && !top.hidden && getComputedStyle(top).display !== "none" && top.getBoundingClientRect().height > 0; }""")
    context.close()
    assert visible is shown
