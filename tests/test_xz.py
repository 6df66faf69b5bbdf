"""The .xz copies a wizard page downloads instead of the runtime's files (hub/xz.py), and the decoder the
browser unpacks them with (hub/static/unxz.js, run here in Node on the WebAssembly the site serves)."""
from __future__ import annotations

import hashlib
import json
import lzma
import shutil
import subprocess
from pathlib import Path

import pytest

from hub import xz

ROOT = Path(__file__).resolve().parent.parent
NODE = shutil.which("node")


def unpack_in_node(wasm: Path, packed: Path, chunk: int = 65536) -> dict:
    result = subprocess.run([NODE, str(ROOT / "tests" / "js" / "unxz_check.mjs"), str(ROOT / "hub" / "static" / "unxz.js"),
                             str(wasm), str(packed), str(chunk)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def site(hub):
    return hub.folder


def packed_files(site: Path) -> list[Path]:
    return sorted(site.glob("assets/**/*" + xz.SUFFIX))


def test_the_site_has_an_xz_copy_of_each_runtime_file_and_the_page_names_them(site):
    names = sorted(p.name for p in packed_files(site))
    assert names == ["gdpr_hub_wizards-0.1.0-py3-none-any.whl.xz", "pyodide.asm.wasm.xz", "stdlib.zip.xz"], names
    boot = json.loads(__import__("re").search(r'id="wz-boot">(.*?)</script>',
                                              (site / "wizards" / "dpo" / "index.html").read_text(encoding="utf-8")).group(1))
    assert sorted(p + xz.SUFFIX for p in boot["packed"]) == sorted(p.relative_to(site).as_posix() for p in packed_files(site))
    assert boot["bytes"] == sum(p.stat().st_size for p in packed_files(site))
    assert (site / boot["decoder"]).read_bytes()[:4] == b"\0asm"


def test_each_copy_unpacks_to_its_file_in_python_and_is_much_smaller(site):
    for packed in packed_files(site):
        plain = packed.with_name(packed.name.removesuffix(xz.SUFFIX))
        assert lzma.decompress(packed.read_bytes()) == plain.read_bytes(), packed
        # The zips are stored uncompressed so that xz packs them whole: the copy is under a third.
        assert packed.stat().st_size < plain.stat().st_size / 3, packed


def test_the_browsers_decoder_unpacks_each_copy_in_any_chunking(site):
    wasm = next(site.glob("assets/hub/*/unxz.wasm"))
    for packed in packed_files(site):
        plain = packed.with_name(packed.name.removesuffix(xz.SUFFIX)).read_bytes()
        for chunk in (1000, 65536, 1 << 22):
            report = unpack_in_node(wasm, packed, chunk)
            assert report == {"sha256": hashlib.sha256(plain).hexdigest(), "size": len(plain)}, (packed.name, chunk)


@pytest.mark.parametrize("damage, message", [
    (lambda b: b[:-50], "cut short"),
    (lambda b: b[: len(b) // 2], "cut short"),
    (lambda b: b[:300] + bytes([b[300] ^ 0xFF]) + b[301:], "corrupt"),
    (lambda b: b"\0asm" + b[4:], "not an xz file"),
    (lambda b: b + b"more", "cut short"),
])
def test_a_damaged_copy_is_an_error_never_a_quiet_wrong_file(site, tmp_path, damage, message):
    wasm = next(site.glob("assets/hub/*/unxz.wasm"))
    wheel = next(p for p in packed_files(site) if p.name.endswith(".whl.xz"))
    broken = tmp_path / "broken.xz"
    broken.write_bytes(damage(wheel.read_bytes()))
    report = unpack_in_node(wasm, broken)
    assert "sha256" not in report and message in report["error"], report


def test_the_window_is_no_larger_than_the_file(tmp_path):
    """The decoder allocates the window the header declares: 64 MB at preset 9 for a 9 MB file would be
    memory a phone pays for nothing."""
    small = tmp_path / "small.bin"
    small.write_bytes(bytes(range(256)) * 400)  # 100 KB
    packed = xz.pack(small).read_bytes()
    assert lzma.decompress(packed) == small.read_bytes()
    # The LZMA2 filter's one property byte p declares a window of (2 | p & 1) << (p // 2 + 11) bytes.
    prop = _lzma2_dict_property(packed[:32])
    window = (2 | (prop & 1)) << (prop // 2 + 11)
    assert 100 * 1024 <= window <= 256 * 1024, window


def _lzma2_dict_property(header: bytes) -> int:
    # Stream header (12 bytes), then the block header: size, flags, filter id 0x21, property size 1, property.
    block = header[12:]
    assert block[2] == 0x21 and block[3] == 1, block[:6].hex()
    return block[4]
