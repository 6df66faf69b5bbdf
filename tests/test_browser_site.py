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
