"""The offline cache's script as the build writes it: a cache name that follows every asset, and the
caches of the page's Python worker that it must keep; the inline-script hashes of the page's policy."""
import json
import re

from hub.mkdocs_hooks import inline_script_hashes, offline_worker

WORKER_CACHES = ["gdpr-hub-runtime-abc", "gdpr-hub-wizards-def"]


def make_site(tmp_path, wizard_js="run()"):
    files = {"assets/hub/1234/wizard.js": wizard_js, "assets/pyodide/abc/pyodide.asm.wasm": "wasm",
             "index.html": "<h1>home</h1>"}
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    return tmp_path


def constants(source):
    cache = re.search(r'const CACHE = "([^"]+)";', source).group(1)
    kept = json.loads(re.search(r"const WORKER_CACHES = (\[.*?\]);", source).group(1))
    return cache, kept


def test_the_worker_caches_are_kept_and_nothing_is_copied_at_install(tmp_path):
    source = offline_worker(make_site(tmp_path), WORKER_CACHES)
    cache, kept = constants(source)
    assert cache.startswith("gdpr-hub-") and cache != "gdpr-hub-dev"
    assert kept == WORKER_CACHES
    # Installing must not download anything: the page's files come from what the page already fetched.
    install = source[source.index('addEventListener("install"'):source.index('addEventListener("activate"')]
    assert "fetch" not in install and "addAll" not in install


def test_a_changed_asset_renames_the_cache_so_returning_visitors_get_it(tmp_path):
    first, _ = constants(offline_worker(make_site(tmp_path / "a"), WORKER_CACHES))
    same, _ = constants(offline_worker(make_site(tmp_path / "b"), WORKER_CACHES))
    changed, _ = constants(offline_worker(make_site(tmp_path / "c", wizard_js="run(2)"), WORKER_CACHES))
    assert first == same
    assert changed != first


def test_inline_scripts_are_hashed_and_data_blocks_are_not():
    html = ('<script>a()</script><script src="x.js"></script><script type="application/json" id="d">{}</script>'
            '<script id="__config" type="application/json">{}</script><script>a()</script><script>b()</script>')
    hashes = inline_script_hashes(html)
    # sha256 of "a()" and of "b()", each once
    assert hashes == ["'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='",
                      "'sha256-cf242PFc/kb7xD0Qzhsmd9vvRkc+cWFmbi+k+YvtdKc='"]


def test_the_offline_cache_knows_the_digest_of_every_script_it_may_keep(tmp_path):
    import hashlib

    site = make_site(tmp_path)
    for name, text in (("pyodide.mjs", "export const a = 1;"), ("pyodide.asm.mjs", "var b = 2;")):
        (site / "assets/pyodide/abc" / name).write_text(text)
    digests = json.loads(re.search(r"const DIGESTS = (\{.*?\});", offline_worker(site, WORKER_CACHES), re.S).group(1))
    assert digests == {path: hashlib.sha256((site / path).read_bytes()).hexdigest() for path in
                       ("assets/hub/1234/wizard.js", "assets/pyodide/abc/pyodide.asm.mjs", "assets/pyodide/abc/pyodide.mjs")}
