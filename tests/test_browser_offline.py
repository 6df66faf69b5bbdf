"""The offline cache: once a wizard has run, the site and the wizard work without a network; a page
never visited says so in its language; query strings are never stored."""
import time

import pytest

pytestmark = pytest.mark.browser

CACHED = """async () => {
    const out = {};
    for (const name of await caches.keys())
        out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search);
    return out;
}"""


# True once the page, the runtime's script and the memory snapshot are kept (also used by the bench).
KEPT = """async () => {
    const keys = [];
    for (const name of await caches.keys()) keys.push(...(await (await caches.open(name)).keys()).map((r) => r.url));
    return keys.includes(location.href.split("#")[0]) && keys.some((k) => k.endsWith("/local.snapshot"))
        && keys.some((k) => k.endsWith("/pyodide.asm.mjs"));
}"""


def visit_until_kept(page, url):
    page.goto(url)
    page.wait_for_selector(".wz[data-state=ready]", timeout=60000)
    # The page loaded before the offline cache existed; it asks the cache to keep it and its files.
    wait_until(page, KEPT)


def wait_until(page, script, arg=None, timeout=60.0):
    """Polls an async page function until it returns true (wait_for_function takes a Promise for true)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(script, arg):
        assert time.monotonic() < deadline, f"not true after {timeout} s: {script}"
        page.wait_for_timeout(200)


def test_wizard_and_pages_work_offline_after_a_first_visit(hub, context_with_offline_cache):
    context = context_with_offline_cache
    page = context.new_page()
    visit_until_kept(page, hub.url + "wizards/dpo/")
    cached = page.evaluate(CACHED)
    # One cache for the pages and files of this deployment, one for Pyodide, one for the wizards.
    assert sorted(name.split("-")[2] for name in cached if name.count("-") == 3) == ["runtime", "wizards"]
    assert len(cached) == 3
    everything = [key for keys in cached.values() for key in keys]
    assert any(key.endswith("pyodide.asm.wasm") for key in everything), cached
    assert any(key.endswith("stdlib.zip") for key in everything)
    page.goto(hub.url + "guide/security/")  # a page visited online is kept too
    page.wait_for_selector("h1")

    context.set_offline(True)
    page.goto(hub.url + "wizards/dpo/#public_body=yes")
    page.wait_for_selector(".wz[data-state=ready], .wz[data-state=failed]", timeout=60000)
    assert page.get_attribute(".wz", "data-state") == "ready"
    assert page.evaluate("() => window.__wzBoot.phases.started_from") == "snapshot"
    page.wait_for_selector(".wz-result")
    assert page.get_attribute(".wz-result", "data-verdict") == "required"
    page.goto(hub.url + "guide/security/")
    assert "security" in page.url and page.inner_text("h1")
    # A page never visited: a page in its language that says so, not the browser's error.
    page.goto(hub.url + "fr/guide/cameras/")
    assert page.inner_text("h1") == "Hors ligne"
    assert "pas encore enregistrée" in page.inner_text("body")
    assert page.get_attribute("a", "href").endswith("/fr/")


def test_query_strings_are_never_stored(hub, context_with_offline_cache):
    context = context_with_offline_cache
    page = context.new_page()
    visit_until_kept(page, hub.url + "wizards/dpo/")
    # Material's search highlight and a form sent without JavaScript put words in the query string.
    for url in ("guide/security/?h=camera", "wizards/dpo/?public_body=no", "guide/rights/?answer=secret"):
        page.goto(hub.url + url)
        page.wait_for_selector("h1")
    page.wait_for_timeout(500)
    everything = [key for keys in page.evaluate(CACHED).values() for key in keys]
    assert not [key for key in everything if "?" in key], everything
    # Offline, the page with a query is still served, from its copy without one.
    context.set_offline(True)
    page.goto(hub.url + "wizards/dpo/?h=dpo")
    page.wait_for_selector(".wz[data-state=ready]", timeout=60000)
