"""The offline cache: once a wizard has run, the site and the wizard work without a network."""
import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def context_with_offline_cache(browser):
    ctx = browser.new_context(service_workers="allow")
    yield ctx
    ctx.close()


def test_wizard_and_pages_work_offline_after_a_first_visit(hub, context_with_offline_cache):
    context = context_with_offline_cache
    page = context.new_page()
    page.goto(hub.url + "wizards/dpo/")
    page.wait_for_selector(".wz[data-state=ready]", timeout=60000)
    # The offline cache is registered after the wizard is ready and copies the runtime at install.
    cached = page.evaluate("""async () => {
        const registration = await navigator.serviceWorker.ready;
        const names = await caches.keys();
        const cache = await caches.open(names[0]);
        return { names, keys: (await cache.keys()).map((r) => new URL(r.url).pathname) };
    }""")
    assert len(cached["names"]) == 1 and cached["names"][0].startswith("gdpr-hub-")
    assert any(key.endswith(".snapshot") for key in cached["keys"])
    assert any(key.endswith("pyodide.asm.wasm") for key in cached["keys"])
    # The page itself loaded before the offline cache existed; it asks the cache to keep it.
    page.wait_for_function("""async () => {
        for (const name of await caches.keys())
            if (await (await caches.open(name)).match(location.href.split("#")[0])) return true;
        return false;
    }""", timeout=30000, polling=200)
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
