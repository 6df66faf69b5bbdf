"""The page's Python worker is served with its own modules written in (hub/mkdocs_hooks.py,
with_imports_inlined): one request instead of three before its first line runs."""
import re
import shutil
import subprocess

from hub.mkdocs_hooks import STATIC, with_imports_inlined

DECLARED = re.compile(r"^(?:export )?(?:const|let|var|function|async function|class) (\w+)", re.M)


def static_files() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in STATIC.iterdir() if p.is_file()}


def test_the_worker_imports_its_own_modules_and_the_served_one_imports_nothing(tmp_path):
    files = static_files()
    source = files["worker.js"].decode("utf-8")
    imported = re.findall(r'^import \{[^}]*\} from "\./([\w-]+\.js)";$', source, re.M)
    assert sorted(imported) == ["snapshot.js", "unxz.js"], imported
    served = with_imports_inlined(source, files)
    assert not re.search(r"^import [{*\w]+.* from ", served, re.M)
    assert not re.search(r"^export ", served, re.M)
    # Still a valid module (Node parses it as one; the browser tests run it).
    target = tmp_path / "worker.mjs"
    target.write_text(served, encoding="utf-8")
    check = subprocess.run([shutil.which("node"), "--check", str(target)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_the_inlined_modules_share_no_top_level_name_with_the_worker():
    files = static_files()
    names = {}
    for name in ("worker.js", "snapshot.js", "unxz.js"):
        for declared in DECLARED.findall(files[name].decode("utf-8")):
            assert declared not in names, f"{declared} is declared in both {names.get(declared)} and {name}"
            names[declared] = name
    assert {"packSnapshot", "unxzStream", "keptFetch"} <= set(names)
