"""At 360 px wide (issue 23 #17, #24; issue 25 item 20): a wizard that cannot start shows a readable flowchart
instead of a form that leads nowhere, in a scroll box a keyboard reaches; Material's "back to top" button
covers neither the text nor a field being filled in; WCAG 1.4.12 text spacing makes no page scroll sideways."""
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
    page.focus("details.wz-flow summary")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(300)
    box = page.evaluate("""() => { const box = document.querySelector(".wz-mermaid");
        return {role: box.getAttribute("role"), label: box.getAttribute("aria-label"), tabbed: document.activeElement === box,
                summary: document.querySelector("details.wz-flow summary").textContent.trim(), scrolled: box.scrollLeft}; }""")
    context.close()
    assert sizes["shown"] >= sizes["drawn"] - 1, sizes
    assert sizes["font"] >= 12, sizes  # px on screen: readable without zooming
    assert sizes["scrolls"] and sizes["page"] <= PHONE["width"], sizes
    # The box that scrolls: next after its summary in the tab order, named, and moved by the arrow keys.
    assert box["role"] == "region" and box["label"] == box["summary"] and box["label"], box
    assert box["tabbed"] and box["scrolled"] > 0, box


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


# The text-spacing overrides of WCAG 1.4.12, as the W3C's test bookmarklet sets them.
TEXT_SPACING = ("* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; }"
                " p { margin-bottom: 2em !important; }")
SIDEWAYS = "() => ({scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth})"

# The form field under the back-to-top button once the visitor scrolls up to bring the field there
# (Material shows the button while scrolling up), focused as Tab would; null if no field can be brought there.
FIELD_UNDER_BUTTON = """async () => {
  const top = document.querySelector(".md-top");
  const fields = [...document.querySelectorAll(".rec input[type=text], .rec textarea")].filter((f) => f.getBoundingClientRect().width);
  const field = fields.reverse().find((f) => f.getBoundingClientRect().top < 0);
  if (!field) return null;
  document.activeElement?.blur();  // a field focused before would keep the button out already
  window.scrollBy(0, field.getBoundingClientRect().top - 70);
  await new Promise((r) => setTimeout(r, 600));
  const covers = () => {
    const f = field.getBoundingClientRect(), b = top.getBoundingClientRect();
    const shown = !top.hidden && getComputedStyle(top).display !== "none" && b.height > 0;
    return shown && b.bottom > f.top && b.top < f.bottom && b.right > f.left && b.left < f.right;
  };
  const before = covers();
  field.focus({ preventScroll: true });
  await new Promise((r) => setTimeout(r, 100));
  return {field: field.name, fieldTop: field.getBoundingClientRect().top, before, covers: covers()};
}"""


def test_text_spacing_scrolls_no_page_sideways_and_back_to_top_covers_no_field(hub, browser, tmp_path):
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    wide = []
    for path in ("wizards/dpo/#public_body=yes", "wizards/record/#sector=pharmacies", "guide/cameras/"):
        page.goto(hub.url + path)
        page.wait_for_selector(".wz-result, .rec[data-state=ready], article h1", timeout=60000)
        page.evaluate("() => document.querySelectorAll('main details').forEach((d) => { d.open = true; })")
        page.add_style_tag(content=TEXT_SPACING)
        page.wait_for_timeout(300)
        sizes = page.evaluate(SIDEWAYS)
        if sizes["scroll"] > sizes["client"]:
            wide.append((path, sizes))
    assert not wide, wide
    # The record page, rows open: at 360 px and on a tablet the button never covers the focused field.
    page.goto(hub.url + "wizards/record/#sector=pharmacies")
    page.wait_for_selector(".rec[data-state=ready]", timeout=60000)
    page.evaluate("() => document.querySelectorAll('.rec details').forEach((d) => { d.open = true; })")
    for width in (PHONE["width"], 800):
        page.set_viewport_size({"width": width, "height": 740})
        page.mouse.move(width / 2, 400)
        page.mouse.wheel(0, 4000)
        page.wait_for_timeout(400)
        page.mouse.wheel(0, -100)
        page.wait_for_timeout(600)
        found = page.evaluate(FIELD_UNDER_BUTTON)
        page.screenshot(path=str(tmp_path / f"back-to-top-{width}.png"))  # to look at when it fails
        assert found and 60 <= found["fieldTop"] <= 80 and not found["covers"], (width, found)
        # Below tablet width the button is left out; wider it lies over the field until the field has the focus.
        assert found["before"] is (width > PHONE["width"]), (width, found)
    context.close()
