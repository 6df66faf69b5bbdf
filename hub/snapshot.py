"""The packed format of the Pyodide memory snapshot that a visitor's browser makes and keeps.

After its first start, the page's Python worker copies the interpreter's memory (about 31 MB, half of
it zeros) and keeps it in the browser's Cache Storage; later visits restore it instead of starting
Python (hub/static/worker.js). It is never made at build time nor downloaded. It is stored *packed*:
only the runs of 4 KB blocks that hold data. This module is the reference the worker's packer and
decoder are tested against (tests/test_snapshot.py). Packed layout, little-endian:

    8 bytes  magic b"GHSNAP1\\0"
    u32      size of the full image
    u32      number of runs N
    N x      (u32 offset, u32 length) of each run in the full image
    ...      the runs' bytes, one after the other
"""
from __future__ import annotations

import struct

MAGIC = b"GHSNAP1\0"
BLOCK = 4096


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
