"""A memory snapshot of Pyodide with the wizards loaded, made at build time with Node.

Starting Python in the browser takes 2-3 s on a small machine; restoring this snapshot takes a
fraction of that. The snapshot API of Pyodide is marked experimental, so the browser falls back to a
normal start when the snapshot is missing or fails; the build only warns when it cannot make one.
"""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from . import ROOT
from .npm_assets import cache_dir, extract, pinned

def make_snapshot(wheel: Path) -> Path | None:
    asset = pinned()["pyodide"]
    key = hashlib.sha256(asset.integrity.encode() + wheel.read_bytes()).hexdigest()[:16]
    target = cache_dir() / "snapshots" / key / f"wizards-{key}.snapshot"
    if target.exists():
        return target
    node = shutil.which("node")
    if node is None:
        print("warning: node not found; no Pyodide snapshot (the wizards start more slowly)", file=sys.stderr)
        return None
    runtime = cache_dir() / f"pyodide-runtime-{asset.version}"
    extract(asset, runtime)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".tmp")
    result = subprocess.run([node, str(ROOT / "hub" / "snapshot.mjs"), str(runtime), str(wheel), str(partial)],
                            capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not partial.exists():
        print(f"warning: no Pyodide snapshot ({result.stderr.strip()[-300:]}); the wizards start more slowly", file=sys.stderr)
        partial.unlink(missing_ok=True)
        return None
    partial.rename(target)
    return target
