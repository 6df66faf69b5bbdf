"""A standard library zip with only what the wizards use, compiled, made and proven at build time.

Pyodide's `python_stdlib.zip` is 2.5 MB (already deflated, so a host's gzip gains nothing) and the
wizards read about a third of its modules. The build runs every path of every wizard through the same
bridge the browser calls (`wizards.browser.step`, in Pyodide under Node, `hub/stdlib.mjs`) and keeps
the files Python imported. It then compiles them ahead of time: parsing and compiling that source was
most of Python's start-up in the browser (about 4.4 s of processor time against 1.7 s, measured under
Node), and without docstrings and line tables the compiled zip is no larger than the source one. Last,
it runs every path again on that zip: the build only uses it when every answer is byte for byte the one
the full library gave. Otherwise it ships the full zip, with a warning.
"""
from __future__ import annotations

import concurrent.futures
import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from . import ROOT
from .cache import cache_dir, locked, publish, staging
from .npm_assets import pinned, unpacked

# Codecs Python may look up for text it did not meet in the build's run (file names, a pasted answer).
EXTRA = ("encodings/ascii.py", "encodings/latin_1.py", "encodings/utf_8.py", "encodings/utf_8_sig.py",
         "encodings/aliases.py",
         # Windows-1252: what Excel writes on many Windows machines; a record import falls back to it.
         "encodings/cp1252.py")
FORMAT = "stdlib-9"  # bump when the payloads or the selection change, so cached zips are remade

# The record page loads the spreadsheet libraries (openpyxl, odfpy: hub/spreadsheet_assets.py) into the
# same Python only when the visitor exports or imports a spreadsheet; the wizard paths never import them,
# so the standard library modules they need are found by writing and reading both formats in CPython,
# and served beside those libraries (spreadsheet_stdlib), not in every wizard page's first download.
_SPREADSHEET_PROBE = r"""
import sys
before = set(sys.modules)  # started with -S: only what the interpreter itself needs
import json
from wizards import browser  # what the page has already imported
from wizards.documents import spreadsheet
record = json.loads(sys.stdin.read())
# Pyodide's Python (3.13) imports importlib.metadata when the page puts the libraries on the path
# (importlib.invalidate_caches); CPython 3.11 does not, so it is named here.
import importlib.metadata
for fmt in ("xlsx", "ods"):
    spreadsheet.read(spreadsheet.write(record, "nl", fmt), fmt)
# The .odt/.docx export of a document: every kind of block, a picture included.
from wizards.documents import blocks, odt, tables
svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10"><title>x</title></svg>'
text = tables.to_markdown(record, "nl", "2026-01-01") + "\n![x](x.svg)\n\n| a |\n|---|\n| [b](https://e.be) |\n\n- [x] c\n1. d\n\n```signature\nA: \n```\n"
odt.write(blocks.from_markdown(text, lang="nl", organisation="o", images={"x.svg": svg}))
blocks.from_markdown(text, lang="nl").to_json()
# The DPIA and GDPR-file pages' Python, not in the wheel either (hub/wheel.py ON_DEMAND): a DPIA with a
# risk and an action, written every way, and a whole file bundled and read back.
from wizards.documents import dpia, gdpr_file
d = dpia.blank()
d["risks"][0].update(severity=3, likelihood=3, residual_severity=2, residual_likelihood=1)
d["validation"]["actions"] = [{"what": "a", "owner": "b", "due": "2026-01-31"}]
dpia.catalogue("nl"), dpia.open_points(d, "fr"), dpia.to_html(d, "nl", "2026-01-01"), dpia.review(d, "2026-01-01")
dpia.prefill(d, record, 0, None)
state = {"record": record, "results": {}, "profile": {}, "dpias": {"format": "gdpr-hub-dpias/1", "items": [d]}}
gdpr_file.summary(state, "nl", "2026-01-01")
gdpr_file.read_bundle(gdpr_file.bundle(state, "nl", "2026-01-01", {}))
print(json.dumps(sorted(set(sys.modules) - before)))
"""


def spreadsheet_modules() -> list[str]:
    """Standard library modules the spreadsheet export and import load on top of the wizards."""
    from hub.sectors import load_all
    from wizards.documents.sample import from_sector

    record = from_sector(load_all()[0].data, "nl")
    import site

    # -S: no site module, so nothing is imported before the probe counts; the libraries' folders are
    # passed on the path instead.
    paths = os.pathsep.join([str(ROOT), *site.getsitepackages()])
    result = subprocess.run([sys.executable, "-S", "-c", _SPREADSHEET_PROBE], input=json.dumps(record), cwd=ROOT,
                            capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONPATH": paths})
    if result.returncode != 0:
        raise RuntimeError("spreadsheet probe: " + result.stderr.strip()[-600:])
    return json.loads(result.stdout)


def module_files(modules: list[str], names: set[str]) -> set[str]:
    """The zip entries of these modules (a module file or a package's __init__), and their parents'."""
    out: set[str] = set()
    for module in modules:
        parts = module.split(".")
        for depth in range(1, len(parts) + 1):
            stem = "/".join(parts[:depth])
            out |= {n for n in (f"{stem}.py", f"{stem}/__init__.py") if n in names}
    return out


def payloads() -> list[dict[str, object]]:
    """Every path of every wizard in Dutch; in French and English every fifth (same code, other texts);
    each path also re-opened at its first question (the "change" button); and refused input."""
    from wizards.engine.paths import enumerate_paths
    from wizards.registry import WIZARDS

    def as_sent(answers: dict[str, object]) -> dict[str, str]:
        return {k: ",".join(v) if isinstance(v, tuple) else str(v) for k, v in answers.items()}

    out: list[dict[str, object]] = []
    for wizard_id, wizard in WIZARDS.items():
        for lang in ("nl", "fr", "en"):
            out.append({"wizard": wizard_id, "lang": lang, "base": "../../", "answers": {}})
        for index, (answers, _) in enumerate(enumerate_paths(wizard)):
            sent = as_sent(answers)
            for lang in ("nl", "fr", "en"):
                if lang == "nl" or index % 5 == 0:
                    out.append({"wizard": wizard_id, "lang": lang, "base": "../../", "answers": sent})
            if sent and index % 5 == 0:
                out.append({"wizard": wizard_id, "lang": "nl", "base": "../../", "answers": sent,
                            "focus": next(iter(sent))})
        first = wizard.questions[0].id
        for bad in ("perhaps", "²", "9" * 50, ""):
            out.append({"wizard": wizard_id, "lang": "fr", "answers": {first: bad}})
        out.append({"wizard": wizard_id, "lang": "en", "answers": {"utm_source": "x"}})
    out.append({"wizard": "no-such-wizard", "lang": "nl", "answers": {}})
    return out


def _run(node: str, runtime: Path, zip_path: Path, wheel: Path, payload_file: Path) -> dict:
    report = payload_file.with_name(payload_file.stem + "-" + zip_path.stem + ".report.json")
    result = subprocess.run([node, str(ROOT / "hub" / "stdlib.mjs"), "run", str(runtime), str(zip_path), str(wheel),
                             str(payload_file), str(report)], capture_output=True, text=True, timeout=900)
    if result.returncode != 0 or not report.exists():
        raise RuntimeError(result.stderr.strip()[-600:] or "no report")
    return json.loads(report.read_text(encoding="utf-8"))


def cache_key(wheel: Path) -> str:
    """The trim's folder in the cache: what it depends on (this code's FORMAT, the runtime, the wizards)."""
    return hashlib.sha256(FORMAT.encode() + pinned()["pyodide"].integrity.encode() + wheel.read_bytes()).hexdigest()[:16]


def trimmed_stdlib(wheel: Path) -> Path:
    """The zip the browser loads: trimmed when proven equal, else Pyodide's own (with a warning)."""
    runtime = unpacked("pyodide")
    full = runtime / "python_stdlib.zip"
    key = cache_key(wheel)
    folder = cache_dir() / "stdlib" / key
    target = folder / "stdlib.zip"
    if target.exists():
        return target
    node = shutil.which("node")
    if node is None:
        print("warning: node not found; the full standard library is shipped (2.5 MB)", file=sys.stderr)
        return full
    with locked(f"stdlib-{key}"):  # the trim takes a while: a second build waits and takes the first one's zip
        if target.exists():
            return target
        work = staging(folder)
        try:
            _trim(node, runtime, full, wheel, work)
        except (RuntimeError, subprocess.TimeoutExpired) as err:
            print(f"warning: standard library not trimmed ({err}); the full one is shipped (2.5 MB)", file=sys.stderr)
            shutil.rmtree(work, ignore_errors=True)
            return full
        publish(work, folder)
    return target


# The standard library files the wizards imported, as the last trim found them: kept in the repository
# (a fresh clone has no cache) and in the cache (the last build on this machine). With such a list the
# candidate zip is made first, so that the run on the full library and the run on the candidate go side
# by side, two processes on two cores. The result is the same as without the list: the candidate is
# used only if the full library's run imported exactly these files, else it is made again from what
# that run found, as before.
KNOWN_MODULES = ROOT / "hub" / "stdlib-modules.txt"


def _known_modules() -> list[str]:
    for path in (cache_dir() / "stdlib" / "last-modules.txt", KNOWN_MODULES):
        if path.exists():
            return path.read_text(encoding="utf-8").split()
    return []


def _trim(node: str, runtime: Path, full: Path, wheel: Path, work: Path) -> None:
    """Writes work/stdlib.zip, or raises RuntimeError when the trimmed library is not proven equal."""
    payload_file = work / "payloads.json"
    payload_file.write_text(json.dumps(payloads()), encoding="utf-8")
    known = _known_modules()
    check = None
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        on_full = pool.submit(_run, node, runtime, full, wheel, payload_file)
        if known:
            try:
                _candidate(node, runtime, full, known, work)
                check = _run(node, runtime, work / "stdlib.zip", wheel, payload_file)
            except RuntimeError:
                check = None
        reference = on_full.result()
    if check is None or sorted(reference["files"]) != sorted(known):
        _candidate(node, runtime, full, reference["files"], work)
        check = _run(node, runtime, work / "stdlib.zip", wheel, payload_file)
    if check["digest"] != reference["digest"]:
        raise RuntimeError("the wizards answered differently with the trimmed library")
    last = cache_dir() / "stdlib" / "last-modules.txt"
    made = staging(last) / last.name
    made.write_text("\n".join(sorted(reference["files"])) + "\n", encoding="utf-8")
    publish(made, last)
    shutil.rmtree(made.parent, ignore_errors=True)


def _candidate(node: str, runtime: Path, full: Path, files: list[str], work: Path) -> None:
    """work/stdlib.zip: these files of the full library and the codecs of EXTRA, compiled ahead of time."""
    with zipfile.ZipFile(full) as source:
        names = set(source.namelist())
        keep = [n for n in source.namelist() if n in set(files) | set(EXTRA)]
        missing = set(files) - names
        if missing:
            raise RuntimeError(f"modules not in the zip: {sorted(missing)[:5]}")
        candidate = work / "stdlib.zip"
        with zipfile.ZipFile(candidate, "w") as out:
            for name in keep:
                info = source.getinfo(name)
                out.writestr(info, source.read(name), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    compiled = work / "compiled.zip"
    result = subprocess.run([node, str(ROOT / "hub" / "stdlib.mjs"), "compile", str(runtime), str(candidate),
                             str(compiled)], capture_output=True, text=True, timeout=900)
    if result.returncode != 0 or not compiled.exists():
        raise RuntimeError("compiling: " + (result.stderr.strip()[-600:] or "no output"))
    compiled.replace(candidate)


SPLIT = "_split_packages.json"


def spreadsheet_stdlib(trimmed: Path, target: Path) -> str:
    """Writes into `target` the standard library files the spreadsheet libraries need beyond the trimmed
    zip, and returns the file's name. Packages that the trimmed zip has but only in part are listed in
    SPLIT: Python keeps a package's folders in its __path__, so the page adds the unpacked folder there
    (wizards/documents/pyodide_libs.py)."""
    full = unpacked("pyodide") / "python_stdlib.zip"
    have = {n.removesuffix("c") for n in zipfile.ZipFile(trimmed).namelist()}  # compiled: x.pyc -> x.py
    with zipfile.ZipFile(full) as source:
        names = set(source.namelist())
        extra = sorted(module_files(spreadsheet_modules(), names) - have)
        split = sorted({".".join(n.split("/")[:depth]) for n in extra for depth in range(1, n.count("/") + 1)
                        if "/".join(n.split("/")[:depth]) + "/__init__.py" in have}, key=lambda p: p.count("."))
        name = "stdlib-spreadsheet.zip"
        target.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target / name, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
            for entry in extra:
                out.writestr(entry, source.read(entry))
            out.writestr(SPLIT, json.dumps(split))
    return name
