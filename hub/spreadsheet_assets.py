"""The pure-Python spreadsheet libraries the record page loads into Pyodide when a visitor exports
.xlsx or .ods: fetched from PyPI at the pinned versions, checked against their sha256, served from
the site (assets/spreadsheet/). Nothing is fetched from another host by the browser."""
from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

from . import ROOT
from .cache import cache_dir, locked, publish, staging
from .npm_assets import AssetError

# Which files each export needs, in the order they must be importable.
# defusedxml for both: openpyxl uses it when it can import it, and a workbook from outside may hold
# entity bombs (issue 24 s.1 item 11); spreadsheet.py refuses to read an .xlsx without it.
NEEDS = {"xlsx": ("defusedxml", "et-xmlfile", "openpyxl"), "ods": ("defusedxml", "odfpy"),
         # The .odt/.docx export of any document (wizards/documents/blocks.py, odt.py); odfpy imports defusedxml.
         "documents": ("defusedxml", "mdurl", "markdown-it-py", "odfpy")}


def pinned() -> dict[str, tuple[str, str]]:
    """{name: (version, "sha256:...")} from pyproject.toml."""
    table = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["gdpr-hub"]["spreadsheet"]
    return {spec.split("==")[0]: (spec.split("==")[1], digest) for spec, digest in table.items()}


def _fetch(name: str, version: str, digest: str) -> Path:
    folder = cache_dir() / "spreadsheet"
    folder.mkdir(parents=True, exist_ok=True)

    def present(where: Path) -> list[Path]:
        return [p for p in where.iterdir() if p.name.lower().replace("_", "-").startswith(f"{name}-{version}".lower())]

    with locked(f"pip-{name}"):
        found = present(folder)
        if not found:
            # pip writes into a folder of this build's own; the checked file is then moved in whole.
            work = staging(folder / name)
            try:
                requirements = work / f"{name}.txt"
                requirements.write_text(f"{name}=={version} --hash={digest}\n", encoding="utf-8")
                binary = ["--no-binary", ":all:"] if name == "odfpy" else ["--only-binary", ":all:"]
                run = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--require-hashes", *binary,
                                      "-r", str(requirements), "-d", str(work)], capture_output=True, text=True)
                if run.returncode != 0:
                    raise AssetError(f"pip download {name}=={version} failed: {run.stderr.strip()[-400:]}")
                found = [publish(p, folder / p.name) for p in present(work)]
            finally:
                shutil.rmtree(work, ignore_errors=True)
    path = found[0]
    actual = "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    if actual != digest:
        raise AssetError(f"{path.name}: sha256 differs from pyproject.toml ({actual} != {digest})")
    return path


def _odf_zip(archive: Path) -> bytes:
    """The `odf` package out of odfpy's source archive, as a zip Python can import from."""
    out = io.BytesIO()
    with tarfile.open(archive) as tar, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        prefix = archive.name.removesuffix(".tar.gz") + "/"
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            if member.isfile() and member.name.startswith(prefix + "odf/") and member.name.endswith(".py"):
                info = zipfile.ZipInfo(member.name[len(prefix):], date_time=(2020, 1, 1, 0, 0, 0))
                zf.writestr(info, tar.extractfile(member).read())  # type: ignore[union-attr]
    return out.getvalue()


def pages_zip(target: Path) -> str:
    """The modules of hub/wheel.py's ON_DEMAND as a zip Python can unpack beside its path, named by its
    content (a new deployment is a new address, never a stale copy from the visitor's cache). The listing
    tells wizards/documents/pyodide_libs.py which package's folder to add to."""
    from .wheel import ON_DEMAND

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in ON_DEMAND:
            zf.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), (ROOT / name).read_bytes())
        zf.writestr(zipfile.ZipInfo("_split_packages.pages.json", date_time=(2020, 1, 1, 0, 0, 0)), '["wizards.documents"]')
    data = out.getvalue()
    name = f"wizards-pages-{hashlib.sha256(data).hexdigest()[:12]}.zip"
    (target / name).write_bytes(data)
    return name


def copy_into(target: Path) -> dict[str, list[str]]:
    """Writes the files into `target` and returns, per format, the file names to load in order."""
    target.mkdir(parents=True, exist_ok=True)
    names: dict[str, str] = {}
    for name, (version, digest) in pinned().items():
        source = _fetch(name, version, digest)
        if source.name.endswith(".tar.gz"):
            names[name] = f"{name}-{version}.zip"
            (target / names[name]).write_bytes(_odf_zip(source))
        else:
            names[name] = source.name
            shutil.copy(source, target / source.name)
    found = {fmt: [names[n] for n in needs] for fmt, needs in NEEDS.items()}
    pages = pages_zip(target)
    found["documents"].append(pages)
    found["pages"] = [pages]
    return found
