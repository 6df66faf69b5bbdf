"""A memory snapshot of Pyodide with the wizards loaded, made at build time with Node.

Starting Python in the browser takes 2-3 s on a small machine; restoring this snapshot takes a
fraction of that. The snapshot API of Pyodide is marked experimental, so the browser falls back to a
normal start when the snapshot is missing or fails; the build only warns when it cannot make one.

The raw snapshot is the interpreter's whole memory (about 31 MB), half of it zeros. It is stored
*packed*: only the runs of 4 KB blocks that hold data, so a visitor's browser reads half the bytes
and the worker rebuilds the full image in a buffer allocated up front (`unpackSnapshot` in
hub/static/worker.js). Packed layout, little-endian:

    8 bytes  magic b"GHSNAP1\\0"
    u32      size of the full image
    u32      number of runs N
    N x      (u32 offset, u32 length) of each run in the full image
    ...      the runs' bytes, one after the other
"""
from __future__ import annotations

import hashlib
import shutil
import struct
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from . import ROOT
from .npm_assets import cache_dir, extract, pinned

MAGIC = b"GHSNAP1\0"
BLOCK = 4096


@dataclass(frozen=True)
class Snapshot:
    path: Path  # the packed file
    size: int   # bytes of the full image the browser allocates before the file arrives


def pack(image: bytes) -> bytes:
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for offset in range(0, len(image), BLOCK):
        block = image[offset:offset + BLOCK]
        has_data = block.count(0) != len(block)
        if has_data and start is None:
            start = offset
        elif not has_data and start is not None:
            runs.append((start, offset - start))
            start = None
    if start is not None:
        runs.append((start, len(image) - start))
    header = MAGIC + struct.pack("<II", len(image), len(runs))
    header += b"".join(struct.pack("<II", offset, length) for offset, length in runs)
    return header + b"".join(image[offset:offset + length] for offset, length in runs)


def unpack(packed: bytes) -> bytes:
    """Reference decoder, the specification the worker's decoder is tested against."""
    if packed[:8] != MAGIC:
        raise ValueError("not a packed snapshot")
    size, count = struct.unpack_from("<II", packed, 8)
    image = bytearray(size)
    position = 16 + 8 * count
    for index in range(count):
        offset, length = struct.unpack_from("<II", packed, 16 + 8 * index)
        image[offset:offset + length] = packed[position:position + length]
        position += length
    if position != len(packed):
        raise ValueError("packed snapshot has trailing bytes")
    return bytes(image)


def packed_size(path: Path) -> int:
    with path.open("rb") as file:
        head = file.read(16)
    if head[:8] != MAGIC:
        raise ValueError(f"{path} is not a packed snapshot")
    return struct.unpack_from("<I", head, 8)[0]


def make_snapshot(wheel: Path) -> Snapshot | None:
    asset = pinned()["pyodide"]
    key = hashlib.sha256(MAGIC + asset.integrity.encode() + wheel.read_bytes()).hexdigest()[:16]
    target = cache_dir() / "snapshots" / key / f"wizards-{key}.snapshot"
    if target.exists():
        return Snapshot(target, packed_size(target))
    node = shutil.which("node")
    if node is None:
        print("warning: node not found; no Pyodide snapshot (the wizards start more slowly)", file=sys.stderr)
        return None
    runtime = cache_dir() / f"pyodide-runtime-{asset.version}"
    extract(asset, runtime)
    target.parent.mkdir(parents=True, exist_ok=True)
    raw = target.with_suffix(".raw")
    result = subprocess.run([node, str(ROOT / "hub" / "snapshot.mjs"), str(runtime), str(wheel), str(raw)],
                            capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not raw.exists():
        print(f"warning: no Pyodide snapshot ({result.stderr.strip()[-300:]}); the wizards start more slowly", file=sys.stderr)
        raw.unlink(missing_ok=True)
        return None
    image = raw.read_bytes()
    raw.unlink()
    partial = target.with_suffix(".tmp")
    partial.write_bytes(pack(image))
    partial.rename(target)
    return Snapshot(target, len(image))
