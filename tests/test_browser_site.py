"""Every page of the site, in every language: no request to another host, no cookie, no serious
or critical accessibility violation (axe-core from npm), and the wizard pages start their wizard."""
from urllib.parse import urlparse

import pytest

from hub.npm_assets import file_path

pytestmark = pytest.mark.browser


def audit(served, browser, *, expect_languages=("", "fr/", "en/")):
    axe = file_path("axe-core", "axe.min.js").read_text(encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    foreign, problems = [], []
    page.on("request", lambda request: foreign.append((page.url, request.url))
            if urlparse(request.url).netloc not in ("", urlparse(served.origin).netloc) and not request.url.startswith(("data:", "blob:"))
            else None)
    pages = served.pages()
    for prefix in expect_languages:
        assert any(url == served.url + prefix for url in pages), f"no home page for {prefix or 'nl'}"
    for url in pages:
        page.goto(url)
        page.wait_for_load_state("load")
        if page.locator(".wz[data-wizard]").count():
            page.wait_for_selector(".wz[data-state=ready], .wz[data-state=failed]", timeout=60000)
            assert page.get_attribute(".wz", "data-state") == "ready", url
        page.evaluate(axe)
        violations = page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
            ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))")
        problems += [f"{url}: {v}" for v in violations]
        if len(problems) > 60:
            break
        assert page.evaluate("document.cookie") == "", url
    cookies = context.cookies()
    context.close()
    assert not foreign, f"requests to other hosts: {foreign[:10]}"
    assert cookies == [], f"cookies set: {cookies}"
    assert not problems, "accessibility violations:\n" + "\n".join(problems[:40])
    return pages


def test_hub_every_page_private_and_accessible(hub, browser):
    pages = audit(hub, browser)
    assert len(pages) >= 60


def test_page_weight_of_a_guidance_page(hub):
    """A guidance page must stay light: HTML, CSS and JS it loads, gzip-compressed, under 200 KB."""
    from bench.weight import page_weight

    total, _ = page_weight(hub.folder, "guide/security/")
    assert total < 200_000, f"guidance page weighs {total} bytes compressed"


@pytest.mark.parametrize("lang, word, viewport", [("", "verwerkersovereenkomst", {"width": 1280, "height": 800}),
                                                  ("fr/", "sous-traitant", {"width": 375, "height": 740})])
def test_search_index_waits_for_the_visitor_and_then_finds_pages(hub, browser, lang, word, viewport):
    """The search index (about 1 MB, a second of processing) is fetched only when the search opens."""
    context = browser.new_context(viewport=viewport, service_workers="block")
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(hub.url + lang + "guide/security/")
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    assert not [url for url in requested if "search_index" in url]
    if viewport["width"] < 600:
        page.click("label.md-header__button[for=__search]")
    else:
        page.click("[data-md-component=search-query]")
    page.keyboard.type(word)
    page.wait_for_selector(".md-search-result__item", timeout=20000)
    assert [url for url in requested if "search_index" in url]
    assert page.locator(".md-search-result__item").count() >= 1
    context.close()
