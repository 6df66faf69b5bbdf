"""xz copies of the files a wizard page's first visit downloads, and the decoder the browser unpacks them with.

A static host such as GitHub Pages compresses with gzip only, and only some types (tests/hosting.py).
xz with a large window packs the same files much smaller: Pyodide's runtime 3463 KB gzip -> 2580 KB
xz, and the standard library and the wizards, stored uncompressed inside their zips so that xz packs
each zip whole rather than file by file, 1057 KB -> 713 KB. The browser has no native xz (Chromium's
DecompressionStream knows gzip and deflate only), so the page unpacks them with xz-embedded compiled to
WebAssembly: 13 KB, taken from the npm package `xz-decompress`, pinned and integrity-checked like
Pyodide. It decodes about 40 MB/s while the bytes arrive, so it costs less than it saves even on a
slow phone (measured in bench/bench.py).

The page's worker (hub/static/worker.js) asks for `<file>.xz` and keeps the unpacked file in its cache
under the file's own address; the plain files stay in the site for a browser in which the decoder
cannot start.
"""
from __future__ import annotations

import base64
import hashlib
import lzma
import re
import tarfile
from pathlib import Path

import shutil

from .cache import cache_dir, publish, staging
from .npm_assets import AssetError, pinned, tarball

SUFFIX = ".xz"
# CRC32: the check every xz-embedded build supports. Extreme preset 9: the build does it once per file
# version (cached), the visitor gains every time.
_CHECK = lzma.CHECK_CRC32
_PRESET = 9 | lzma.PRESET_EXTREME


def pack(source: Path) -> Path:
    """The xz copy of `source`, made once per content and cached outside the repository."""
    data = source.read_bytes()
    key = hashlib.sha256(data).hexdigest()[:20]
    target = cache_dir() / "xz" / f"{key}{SUFFIX}"
    if not target.exists():
        # The window no larger than the file: the decoder allocates what the header declares (64 MB at
        # preset 9), which a phone would pay for nothing.
        window = max(1 << 16, 1 << (len(data) - 1).bit_length())
        filters = [{"id": lzma.FILTER_LZMA2, "preset": _PRESET, "dict_size": min(window, 1 << 26)}]
        folder = staging(target)
        try:
            (folder / target.name).write_bytes(lzma.compress(data, format=lzma.FORMAT_XZ, check=_CHECK, filters=filters))
            publish(folder / target.name, target)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return target


def decoder_wasm() -> bytes:
    """xz-embedded as WebAssembly, out of the pinned `xz-decompress` package (which inlines it as a
    data: URL in its script; the site serves it as a file of its own, so no script of the package runs)."""
    asset = pinned()["xz-decompress"]
    with tarfile.open(tarball(asset), "r:gz") as archive:
        member = archive.extractfile(f"package/{asset.files[0]}")
        script = member.read().decode("utf-8") if member else ""
    found = re.search(r'"data:application/wasm;base64,([A-Za-z0-9+/=]+)"', script)
    if not found:
        raise AssetError(f"xz-decompress@{asset.version}: no WebAssembly decoder found in {asset.files[0]}")
    wasm = base64.b64decode(found.group(1))
    if wasm[:4] != b"\0asm":
        raise AssetError(f"xz-decompress@{asset.version}: the decoder in {asset.files[0]} is not WebAssembly")
    return wasm
