"""The offline cache's script as the build writes it: a cache name that follows the assets, and the
wizard runtime listed for the copy at install."""
import json
import re

from hub.mkdocs_hooks import offline_worker


def make_site(tmp_path, hub_css="body{}"):
    files = {"assets/hub/hub.css": hub_css, "assets/pyodide/pyodide.asm.wasm": "wasm",
             "assets/wheels/abc/wizards.snapshot": "snap", "index.html": "<h1>home</h1>"}
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    return tmp_path


def constants(source):
    cache = re.search(r'const CACHE = "([^"]+)";', source).group(1)
    precache = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", source).group(1))
    return cache, precache


def test_the_runtime_is_listed_for_the_copy_at_install(tmp_path):
    cache, precache = constants(offline_worker(make_site(tmp_path)))
    assert cache.startswith("gdpr-hub-") and cache != "gdpr-hub-dev"
    assert precache == ["assets/pyodide/pyodide.asm.wasm", "assets/wheels/abc/wizards.snapshot"]


def test_a_changed_asset_renames_the_cache_so_returning_visitors_get_it(tmp_path):
    first, _ = constants(offline_worker(make_site(tmp_path / "a")))
    same, _ = constants(offline_worker(make_site(tmp_path / "b")))
    changed, _ = constants(offline_worker(make_site(tmp_path / "c", hub_css="body{color:red}")))
    assert first == same
    assert changed != first
