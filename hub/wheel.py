"""The `wizards` package as a pure-Python wheel, the file Pyodide installs in the browser.

`pyodide build` would need to download a cross-build environment, which this project cannot rely on
(offline CI). A pure-Python wheel from the standard PEP 517 build is the same file either way.
"""
from __future__ import annotations

import ast
import hashlib
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from . import ROOT
from .cache import cache_dir, locked, publish, staging


def _source_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted((ROOT / "wizards").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    digest.update((ROOT / "pyproject.toml").read_bytes())
    digest.update(Path(__file__).read_bytes())  # how the wheel is packed (_recompress) is part of it too
    return digest.hexdigest()[:16]


def build_wheel() -> Path:
    """Builds once per source state; later builds reuse the cached wheel."""
    folder = cache_dir() / "wheels" / _source_digest()
    with locked(f"wheel-{folder.name}"):
        existing = sorted(folder.glob("*.whl"))
        if existing:
            return existing[0]
        work = staging(folder)
        try:
            result = subprocess.run(
                [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(work), str(ROOT)],
                capture_output=True, text=True, timeout=600,
            )
            if result.returncode != 0:
                raise RuntimeError(f"Building the wizards wheel failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
            for wheel in work.glob("*.whl"):
                _recompress(wheel)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
        shutil.rmtree(folder, ignore_errors=True)  # a folder without a wheel: left by an older build
        publish(work, folder)
    return sorted(folder.glob("*.whl"))[0]


# Modules the browser never imports (the command lines, the build's flowchart and path tables): the
# site's wheel is only for the browser, where they would be bytes downloaded for nothing.
NOT_IN_BROWSER = ("wizards/__main__.py", "wizards/cli.py", "wizards/present/flowchart.py", "wizards/engine/paths.py",
                  "wizards/present/schema.py", "wizards/documents/__main__.py", "wizards/present/arguments.py",
                  # the DPIA page's own words: the build writes them into the page (hub/dpia_page.py)
                  "wizards/present/texts/dpiapage.nl.toml", "wizards/present/texts/dpiapage.fr.toml",
                  "wizards/present/texts/dpiapage.en.toml")
# The DPIA and GDPR-file pages' Python and the .odt writer, with their texts: a wizard page never needs
# them, so they are served apart (hub/spreadsheet_assets.py, pages_zip) and loaded when first used
# (wizards/documents/pyodide_libs.py): a wizard's first visit stays as it was before they existed.
ON_DEMAND = tuple(f"wizards/documents/{name}" for name in (
    "dpia.py", "dpia_document.py", "dpia_risk.py", "dpia_risk_map.py", "dpia_measures.py", "dpia_measures.toml",
    "gdpr_file.py", "file_state.py", "blocks.py", "odt.py")) + tuple(
    f"wizards/present/texts/{name}.{lang}.toml" for name in ("dpia_doc", "gdprfile") for lang in ("nl", "fr", "en"))


def _only_a_docstring(data: bytes) -> bool:
    """A package's __init__.py that only describes its folder to developers (wizards/rules/ and the
    other floors): the browser gets it empty, so the layout costs the first visit no bytes."""
    try:
        body = ast.parse(data).body
    except SyntaxError:
        return False
    return len(body) == 1 and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)


def _recompress(wheel: Path) -> None:
    """The browser's files only, stored uncompressed: the site sends the wheel as one xz stream
    (hub/xz.py), which packs the files together far better than deflate packs each alone (156 KB
    against 222 KB). RECORD drops the lines of the files left out; the other hashes still hold, since
    the files themselves are unchanged (a package file sent empty loses its line too)."""
    packed = wheel.with_suffix(".repacked")
    with zipfile.ZipFile(wheel) as source, zipfile.ZipFile(packed, "w") as out:
        infos = [info for info in source.infolist() if info.filename not in NOT_IN_BROWSER + ON_DEMAND]
        emptied = {info.filename for info in infos
                   if info.filename.endswith("/__init__.py") and _only_a_docstring(source.read(info))}
        dropped = set(NOT_IN_BROWSER) | set(ON_DEMAND) | emptied
        for info in infos:
            data = b"" if info.filename in emptied else source.read(info)
            if info.filename.endswith(".dist-info/RECORD"):
                lines = data.decode("utf-8").splitlines(keepends=True)
                data = "".join(line for line in lines if line.split(",", 1)[0] not in dropped).encode("utf-8")
            out.writestr(info, data, compress_type=zipfile.ZIP_STORED)
    packed.replace(wheel)
