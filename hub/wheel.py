"""The `wizards` package as a pure-Python wheel, the file Pyodide installs in the browser.

`pyodide build` would need to download a cross-build environment, which this project cannot rely on
(offline CI). A pure-Python wheel from the standard PEP 517 build is the same file either way.
"""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from . import ROOT
from .npm_assets import cache_dir


def _source_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted((ROOT / "wizards").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    digest.update((ROOT / "pyproject.toml").read_bytes())
    return digest.hexdigest()[:16]


def build_wheel() -> Path:
    """Builds once per source state; later builds reuse the cached wheel."""
    folder = cache_dir() / "wheels" / _source_digest()
    existing = sorted(folder.glob("*.whl"))
    if existing:
        return existing[0]
    staging = folder.with_suffix(".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    result = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(staging), str(ROOT)],
        capture_output=True, text=True, timeout=600,
    )
    if result.returncode != 0:
        raise RuntimeError(f"Building the wizards wheel failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)
    return sorted(folder.glob("*.whl"))[0]
