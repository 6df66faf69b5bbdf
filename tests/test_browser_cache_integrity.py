"""Issue 24 section 3: what the page's Python worker keeps in Cache Storage is checked before use.

The runtime, the standard library and the wheel against the SHA-256 digests the build wrote into the
page; the memory snapshot against the digest stored beside it when it was made. A copy that differs is
dropped and fetched again, and the visitor gets the wizard the site published, not the changed one.
"""
from __future__ import annotations

import base64
import hashlib
import io
import zipfile

import pytest

from tests.test_browser_dpo import KEPT_SNAPSHOT, first_visit_keeps_a_snapshot, started_from, visit_again
from tests.test_browser_offline import wait_until

pytestmark = pytest.mark.browser

GENUINE = "U moet een DPO aanstellen."
CHANGED = "U hoeft geen DPO aan te stellen."

# Replaces a kept copy (found by the end of its address) with other bytes, keeping its headers.
REPLACE = """async ([suffix, base64, dropSnapshot]) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    let replaced = 0;
    for (const name of await caches.keys()) {
        if (!name.startsWith("gdpr-hub-")) continue;
        const cache = await caches.open(name);
        for (const key of await cache.keys()) {
            if (dropSnapshot && key.url.includes("/local.snapshot")) { await cache.delete(key); continue; }
            if (!key.url.endsWith(suffix)) continue;
            const kept = await cache.match(key);
            await cache.put(key, new Response(bytes, { headers: kept.headers }));
            replaced += 1;
        }
    }
    return replaced;
}"""

# The SHA-256 of the copy kept under an address ending in `suffix`, or null.
KEPT_DIGEST = """async (suffix) => {
    for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const key of await cache.keys()) {
            if (!key.url.endsWith(suffix)) continue;
            const digest = await crypto.subtle.digest("SHA-256", await (await cache.match(key)).arrayBuffer());
            return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
        }
    }
    return null;
}"""

SNAPSHOT_BYTES = """async () => {
    for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        const key = (await cache.keys()).find((r) => r.url.endsWith("/local.snapshot"));
        if (!key) continue;
        const bytes = new Uint8Array(await (await cache.match(key)).arrayBuffer());
        let text = "";
        for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(text);
    }
    return null;
}"""


def built(hub, pattern: str):
    [path] = list(hub.folder.glob(pattern))
    return path


def tampered_wheel(wheel: bytes) -> bytes:
    """The same wheel, a valid zip, whose Dutch DPO verdict says the opposite."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(wheel)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.endswith("dpo.nl.toml"):
                assert GENUINE.encode() in data
                data = data.replace(GENUINE.encode(), CHANGED.encode())
            target.writestr(item, data)
    return out.getvalue()


def verdict_text(page) -> str:
    page.wait_for_selector(".wz-result")
    return page.inner_text(".wz-result")


def test_a_tampered_wheel_is_not_used_and_the_build_s_wheel_is_kept_instead(hub, context):
    wheel = built(hub, "assets/wheels/*/*.whl")
    page = first_visit_keeps_a_snapshot(hub, context)
    changed = base64.b64encode(tampered_wheel(wheel.read_bytes())).decode()
    assert page.evaluate(REPLACE, [".whl", changed, True]) == 1
    page = visit_again(hub, context, page)
    text = verdict_text(page)
    assert GENUINE in text and CHANGED not in text
    assert wheel.name in page.evaluate("() => window.__wzBoot.phases.dropped")
    # The good wheel replaces the changed one, and the snapshot made next is made from it.
    wait_until(page, f"async () => (await ({KEPT_DIGEST})('.whl')) === '{hashlib.sha256(wheel.read_bytes()).hexdigest()}'")
    wait_until(page, KEPT_SNAPSHOT)


def test_a_tampered_snapshot_is_not_used(hub, context):
    page = first_visit_keeps_a_snapshot(hub, context)
    packed = base64.b64decode(page.evaluate(SNAPSHOT_BYTES))
    # Python's memory holds the Dutch texts as they were read: the same verdict, said the other way,
    # in as many bytes. The sizes and the digest stored beside the snapshot are left as they were.
    changed = "Geen DPO nodig, echt niet!".encode()
    assert len(changed) == len(GENUINE.encode()) and GENUINE.encode() in packed
    packed = packed.replace(GENUINE.encode(), changed)
    assert page.evaluate(REPLACE, ["/local.snapshot", base64.b64encode(packed).decode(), False]) == 1
    page = visit_again(hub, context, page)
    text = verdict_text(page)
    assert GENUINE in text and "Geen DPO nodig" not in text
    assert started_from(page) == "network"
    wait_until(page, KEPT_SNAPSHOT)


BUILT = {"pyodide.asm.wasm": "assets/pyodide/*/pyodide.asm.wasm", "stdlib.zip": "assets/wheels/*/stdlib.zip",
         ".whl": "assets/wheels/*/*.whl"}


@pytest.mark.parametrize("suffix, with_snapshot", [("pyodide.asm.wasm", True), ("pyodide.asm.wasm", False),
                                                   ("stdlib.zip", False), (".whl", False)])
def test_a_damaged_runtime_library_or_wheel_is_fetched_again(hub, context, suffix, with_snapshot):
    """Damaged on disk: the same length, a block of zeros in the middle. Before the check, a damaged
    runtime or library failed the wizard on this and every later visit."""
    page = first_visit_keeps_a_snapshot(hub, context)
    plain = built(hub, BUILT[suffix]).read_bytes()
    middle = len(plain) // 2
    damaged = plain[:middle] + bytes(4096) + plain[middle + 4096:]
    assert page.evaluate(REPLACE, [suffix, base64.b64encode(damaged).decode(), not with_snapshot]) == 1
    page = visit_again(hub, context, page)
    assert GENUINE in verdict_text(page)
    assert any(name.endswith(suffix) for name in page.evaluate("() => window.__wzBoot.phases.dropped"))
    wait_until(page, f"async () => (await ({KEPT_DIGEST})('{suffix}')) === '{hashlib.sha256(plain).hexdigest()}'")


@pytest.mark.parametrize("status", [404, 500])
def test_without_wizard_js_the_page_shows_the_outline_and_flowchart(hub, context, status):
    """wizard.js itself failing to load left the page "loading" for ever and Next did nothing."""
    page = context.new_page()
    page.route("**/wizard.js", lambda route: route.fulfill(status=status, body="gone"))
    page.goto(hub.url + "wizards/dpo/")
    page.wait_for_selector(".wz[data-state=failed]", timeout=10000)
    assert page.get_attribute("details.wz-flow", "open") is not None
    assert page.is_visible(".wz-outline")
    assert page.inner_text(".wz-status").strip()


DAMAGE_SCRIPT = """async (suffix) => {
    let damaged = 0;
    for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const key of await cache.keys()) {
            if (!key.url.endsWith(suffix)) continue;
            const kept = await cache.match(key);
            const text = await kept.text();
            await cache.put(key, new Response(text.slice(0, text.length >> 1), { headers: kept.headers }));
            damaged += 1;
        }
    }
    return damaged;
}"""


def test_a_damaged_copy_of_pyodide_s_script_in_the_offline_cache_is_dropped_and_python_starts_again(
        hub, context_with_offline_cache):
    """Pyodide's script is kept by the offline cache, which no digest covers: cut in half, it failed the
    wizard on every later visit. The page drops the kept copies and starts Python once more."""
    from tests.test_browser_offline import visit_until_kept

    page = context_with_offline_cache.new_page()
    visit_until_kept(page, hub.url + "wizards/dpo/")
    assert page.evaluate(DAMAGE_SCRIPT, "/pyodide.asm.mjs") >= 1
    page.close()
    for _ in range(2):  # this visit, and the next one too
        page = context_with_offline_cache.new_page()
        page.goto(hub.url + "wizards/dpo/#public_body=yes")
        page.wait_for_selector(".wz[data-state=ready], .wz[data-state=failed]", timeout=90000)
        assert page.get_attribute(".wz", "data-state") == "ready"
        assert GENUINE in verdict_text(page)
        page.close()


def test_a_changed_copy_of_pyodide_s_scripts_in_the_offline_cache_is_never_run(hub, context_with_offline_cache):
    """The offline cache served its copy of pyodide.mjs and pyodide.asm.mjs unchecked: one still valid but
    changed ran as it was, one cut in half failed the start (which boot.js then retried). Both are now
    checked against the build's digest (written into sw.js) and fetched again past the HTTP cache."""
    from tests.test_browser_offline import visit_until_kept

    page = context_with_offline_cache.new_page()
    visit_until_kept(page, hub.url + "wizards/dpo/")
    script = built(hub, "assets/pyodide/*/pyodide.mjs").read_bytes()
    changed = base64.b64encode(script + b"\nglobalThis.changedCopyRan = true;\n").decode()
    assert page.evaluate(REPLACE, ["/pyodide.mjs", changed, False]) >= 1
    assert page.evaluate(DAMAGE_SCRIPT, "/pyodide.asm.mjs") >= 1
    page.close()
    page = context_with_offline_cache.new_page()
    page.goto(hub.url + "wizards/dpo/#public_body=yes")
    page.wait_for_selector(".wz[data-state=ready], .wz[data-state=failed]", timeout=90000)
    assert page.get_attribute(".wz", "data-state") == "ready"
    assert GENUINE in verdict_text(page)
    assert page.evaluate("() => window.__wzBoot.retried") is False  # started at once, from good copies
    for name in ("pyodide.mjs", "pyodide.asm.mjs"):
        digest = hashlib.sha256(built(hub, f"assets/pyodide/*/{name}").read_bytes()).hexdigest()
        wait_until(page, f"async () => (await ({KEPT_DIGEST})('/{name}')) === '{digest}'")
