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

import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from . import ROOT
from .npm_assets import cache_dir, extract, pinned

# Codecs Python may look up for text it did not meet in the build's run (file names, a pasted answer).
EXTRA = ("encodings/ascii.py", "encodings/latin_1.py", "encodings/utf_8.py", "encodings/utf_8_sig.py",
         "encodings/aliases.py")
FORMAT = "stdlib-2"  # bump when the payloads or the selection change, so cached zips are remade


def payloads() -> list[dict[str, object]]:
    """Every path of every wizard in Dutch; in French and English every fifth (same code, other texts);
    each path also re-opened at its first question (the "change" button); and refused input."""
    from wizards.paths import enumerate_paths
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


def trimmed_stdlib(wheel: Path) -> Path:
    """The zip the browser loads: trimmed when proven equal, else Pyodide's own (with a warning)."""
    asset = pinned()["pyodide"]
    runtime = cache_dir() / f"pyodide-runtime-{asset.version}"
    extract(asset, runtime)
    full = runtime / "python_stdlib.zip"
    key = hashlib.sha256(FORMAT.encode() + asset.integrity.encode() + wheel.read_bytes()).hexdigest()[:16]
    folder = cache_dir() / "stdlib" / key
    target = folder / "stdlib.zip"
    if target.exists():
        return target
    node = shutil.which("node")
    if node is None:
        print("warning: node not found; the full standard library is shipped (2.5 MB)", file=sys.stderr)
        return full
    work = folder.with_suffix(".tmp")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    payload_file = work / "payloads.json"
    payload_file.write_text(json.dumps(payloads()), encoding="utf-8")
    try:
        reference = _run(node, runtime, full, wheel, payload_file)
        with zipfile.ZipFile(full) as source:
            names = set(source.namelist())
            keep = [n for n in source.namelist() if n in set(reference["files"]) | set(EXTRA)]
            missing = set(reference["files"]) - names
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
        check = _run(node, runtime, candidate, wheel, payload_file)
        if check["digest"] != reference["digest"]:
            raise RuntimeError("the wizards answered differently with the trimmed library")
    except (RuntimeError, subprocess.TimeoutExpired) as err:
        print(f"warning: standard library not trimmed ({err}); the full one is shipped (2.5 MB)", file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)
        return full
    shutil.rmtree(folder, ignore_errors=True)
    (work / "stdlib.zip").parent.rename(folder)
    return target
