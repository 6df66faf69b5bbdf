"""The packed snapshot format: the worker's packer and decoder agree with the reference (hub/snapshot.py)."""
import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from hub.snapshot import BLOCK, pack, unpack

CODEC = Path(__file__).resolve().parent.parent / "hub" / "static" / "snapshot.js"

# Runs the worker's packSnapshot or unpackSnapshot (snapshot.js) in Node on a file, as the browser would.
NODE_CODEC = r"""
const fs = await import("node:fs"), crypto = await import("node:crypto"), { pathToFileURL } = await import("node:url");
const [workerFile, mode, inFile, outFile] = process.argv.slice(1);
const { packSnapshot, unpackSnapshot, unpackRange } = await import(pathToFileURL(workerFile).href);
const bytes = fs.readFileSync(inFile);
try {
  if (mode.startsWith("range")) {  // range:from:to:zeroBelow, into the bytes of outFile as they are
    const [from, to, zeroBelow] = mode.split(":").slice(1).map(Number);
    const target = new Uint8Array(fs.readFileSync(outFile));
    unpackRange(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), from, to, target, zeroBelow);
    fs.writeFileSync(outFile, target);
    console.log(JSON.stringify({ ok: true }));
  } else if (mode === "pack") {
    fs.writeFileSync(outFile, packSnapshot(new Uint8Array(bytes)));
    console.log(JSON.stringify({ ok: true }));
  } else {
    const image = unpackSnapshot(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    console.log(JSON.stringify({ sha256: crypto.createHash("sha256").update(image).digest("hex"), size: image.length }));
  }
} catch (error) {
  console.log(JSON.stringify({ error: String(error.message) }));
}
"""


def memory_like(seed: int) -> bytes:
    """Blocks of data and of zeros, with a partial block at the end, as in Python's memory."""
    rng = random.Random(seed)
    parts = []
    for _ in range(40):
        kind = rng.random()
        length = rng.randint(1, 5) * BLOCK + (rng.randint(1, BLOCK - 1) if kind < 0.2 else 0)
        parts.append(bytes(length) if kind < 0.5 else rng.randbytes(length))
    parts.append(rng.randbytes(123))
    return b"".join(parts)


@pytest.mark.parametrize("seed", range(5))
def test_pack_keeps_every_byte_and_drops_zero_blocks(seed):
    image = memory_like(seed)
    packed = pack(image)
    assert unpack(packed) == image
    assert len(packed) < len(image)


def test_an_image_of_zeros_packs_to_a_header():
    assert unpack(pack(bytes(10 * BLOCK))) == bytes(10 * BLOCK)
    assert len(pack(bytes(10 * BLOCK))) == 16


def test_reference_decoder_refuses_damage():
    packed = pack(memory_like(1))
    with pytest.raises(ValueError):
        unpack(packed[:-1])
    with pytest.raises(ValueError):
        unpack(b"X" + packed[1:])


def run_worker(tmp_path: Path, mode: str, data: bytes, target: bytes | None = None) -> tuple[dict, bytes]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: the build needs it too (./run.sh test installs nodejs)")
    source, out_file = tmp_path / "in.bin", tmp_path / "out.bin"
    source.write_bytes(data)
    if target is not None:
        out_file.write_bytes(target)
    out = subprocess.run([node, "--input-type=module", "-e", NODE_CODEC, str(CODEC), mode, str(source), str(out_file)],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out), (out_file.read_bytes() if out_file.exists() else b"")


@pytest.mark.parametrize("seed", range(3))
def test_the_workers_decoder_rebuilds_the_same_image(tmp_path, seed):
    import hashlib

    image = memory_like(seed)
    result, _ = run_worker(tmp_path, "unpack", pack(image))
    assert result == {"sha256": hashlib.sha256(image).hexdigest(), "size": len(image)}


@pytest.mark.parametrize("seed", range(3))
def test_the_workers_packer_writes_the_reference_format(tmp_path, seed):
    image = memory_like(seed)
    result, packed = run_worker(tmp_path, "pack", image)
    assert result == {"ok": True}
    assert packed == pack(image)
    assert unpack(packed) == image


@pytest.mark.parametrize("damage", ["truncated", "longer", "run outside", "not packed"])
def test_the_workers_decoder_refuses_damage(tmp_path, damage):
    image = memory_like(7)
    packed = pack(image)
    outside = bytearray(packed)
    outside[8:12] = (BLOCK).to_bytes(4, "little")  # an image smaller than its runs
    packed = {"truncated": packed[:-10], "longer": packed + b"\0", "run outside": bytes(outside),
              "not packed": image}[damage]
    result, _ = run_worker(tmp_path, "unpack", packed)
    assert "error" in result


@pytest.mark.parametrize("seed, start, zero_below", [(2, 144, 0), (3, 144, 10 * BLOCK), (4, 5000, 10**9), (5, 0, 3 * BLOCK + 7)])
def test_the_worker_writes_memory_from_the_runs_and_zeros_only_below_what_was_used(tmp_path, seed, start, zero_below):
    """What the worker does on a second visit: the image past Pyodide's header (start) goes straight into
    Python's fresh memory. Blocks with no data are zeros in the image; they are written as zeros only
    below zero_below (the fresh memory's break), and left as they are above it."""
    image = memory_like(seed)
    rng = random.Random(seed)
    fresh = rng.randbytes(len(image) - start)  # as if every byte of fresh memory had been written
    result, written = run_worker(tmp_path, f"range:{start}:{len(image)}:{zero_below}", pack(image), fresh)
    assert result == {"ok": True}
    expected = bytearray(fresh)
    for i in range(len(fresh)):
        block = (start + i) // BLOCK * BLOCK
        if i < zero_below or image[block:block + BLOCK].count(0) != len(image[block:block + BLOCK]):
            expected[i] = image[start + i]
    assert written == bytes(expected)
    if zero_below >= len(fresh):
        assert written == image[start:]
