"""The packed snapshot format: the build's packer, the reference decoder and the worker's decoder agree."""
import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from hub.snapshot import BLOCK, pack, unpack

WORKER = Path(__file__).resolve().parent.parent / "hub" / "static" / "worker.js"

# Runs worker.js's unpackSnapshot in Node on a packed file, as the browser's worker would.
NODE_DECODER = r"""
const fs = require("fs"), vm = require("vm"), crypto = require("crypto");
const [workerFile, packedFile, size] = process.argv.slice(1);
const sandbox = { self: {}, performance, TextDecoder, DataView, Uint8Array, console };
vm.runInNewContext(fs.readFileSync(workerFile, "utf8") + "\nself.unpack = unpackSnapshot;", sandbox);
const bytes = fs.readFileSync(packedFile);
const packed = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
try {
  const image = sandbox.self.unpack(packed, new Uint8Array(Number(size)));
  console.log(JSON.stringify({ sha256: crypto.createHash("sha256").update(image).digest("hex") }));
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


def run_worker_decoder(tmp_path: Path, packed: bytes, size: int) -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: the build needs it too (./run.sh test installs nodejs)")
    packed_file = tmp_path / "image.packed"
    packed_file.write_bytes(packed)
    out = subprocess.run([node, "-e", NODE_DECODER, str(WORKER), str(packed_file), str(size)],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


@pytest.mark.parametrize("seed", range(3))
def test_the_workers_decoder_rebuilds_the_same_image(tmp_path, seed):
    import hashlib

    image = memory_like(seed)
    result = run_worker_decoder(tmp_path, pack(image), len(image))
    assert result == {"sha256": hashlib.sha256(image).hexdigest()}


@pytest.mark.parametrize("damage", ["truncated", "longer", "wrong size", "not packed"])
def test_the_workers_decoder_refuses_damage(tmp_path, damage):
    image = memory_like(7)
    packed = pack(image)
    packed, size = {"truncated": (packed[:-10], len(image)), "longer": (packed + b"\0", len(image)),
                    "wrong size": (packed, len(image) + BLOCK), "not packed": (image, len(image))}[damage]
    assert "error" in run_worker_decoder(tmp_path, packed, size)
