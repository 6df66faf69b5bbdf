"""Front-end runtimes from the npm registry, pinned and integrity-checked, cached outside the repo.

`npm pack` downloads the package tarball exactly as the registry publishes it; we compare its
sha512 with the value pinned in pyproject.toml before reading a single file from it.
"""
from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
import tarfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

from . import ROOT
from .cache import cache_dir, locked, publish, staging

__all__ = ["AssetError", "NpmAsset", "cache_dir", "extract", "file_path", "pinned", "prefetch", "tarball", "unpacked"]


class AssetError(RuntimeError):
    pass


@dataclass(frozen=True)
class NpmAsset:
    name: str
    version: str
    integrity: str
    files: tuple[str, ...]
    target: str


def pinned() -> dict[str, NpmAsset]:
    table = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["gdpr-hub"]["npm"]
    return {
        name: NpmAsset(name, spec["version"], spec["integrity"], tuple(spec["files"]), spec["target"])
        for name, spec in table.items()
    }


def _sri(path: Path) -> str:
    digest = hashlib.sha512(path.read_bytes()).digest()
    return "sha512-" + base64.b64encode(digest).decode()


def tarball(asset: NpmAsset) -> Path:
    """The verified tarball, fetched once with `npm pack` into the cache."""
    cached = cache_dir() / f"{asset.name}-{asset.version}.tgz"
    with locked(f"npm-{asset.name}"):  # a second build waits for the first one's download
        if not cached.exists():
            _fetch(asset, cached)
        actual = _sri(cached)
        if actual != asset.integrity:
            cached.unlink()
            raise AssetError(
                f"Integrity check failed for {asset.name}@{asset.version}: expected {asset.integrity}, got {actual}. "
                "The cached tarball was removed; build again. If it fails again, do not change the pin "
                "in pyproject.toml without checking the registry's published integrity."
            )
    return cached


def _fetch(asset: NpmAsset, cached: Path) -> None:
    npm = shutil.which("npm")
    if npm is None:
        raise AssetError(
            f"Cannot fetch {asset.name}@{asset.version}: npm is not installed. "
            "Install Node.js and npm (Debian: apt-get install nodejs npm), then build again."
        )
    folder = staging(cached)  # this build's own: another build's download is never in the way
    try:
        result = subprocess.run(
            [npm, "pack", f"{asset.name}@{asset.version}", "--silent", "--pack-destination", str(folder)],
            capture_output=True, text=True, timeout=600,
        )
        packed = list(folder.glob("*.tgz"))
        if result.returncode != 0:
            raise AssetError(
                f"Cannot fetch {asset.name}@{asset.version} from the npm registry "
                f"(npm said: {(result.stderr or result.stdout).strip()[-400:] or 'nothing'}). "
                "Check the network connection to the npm registry, or put the tarball "
                f"{asset.name}-{asset.version}.tgz in {cache_dir()} and build again."
            )
        if len(packed) != 1:
            raise AssetError(
                f"npm pack {asset.name}@{asset.version} reported success but left {len(packed)} tarballs "
                f"in {folder} instead of one; nothing was kept. Build again."
            )
        publish(packed[0], cached)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def extract(asset: NpmAsset, destination: Path) -> list[Path]:
    """Copies only the listed files of the package into `destination` (flattened)."""
    destination.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tarfile.open(tarball(asset), "r:gz") as archive:
        for name in asset.files:
            member = archive.getmember(f"package/{name}")
            source = archive.extractfile(member)
            if source is None:
                raise AssetError(f"{asset.name}@{asset.version} has no file {name}")
            target = destination / Path(name).name
            if not target.exists() or target.stat().st_size != member.size:
                # Written beside and renamed: a build reading this file meanwhile sees it whole or not at all.
                folder = staging(target)
                try:
                    (folder / target.name).write_bytes(source.read())
                    publish(folder / target.name, target)
                finally:
                    shutil.rmtree(folder, ignore_errors=True)
            written.append(target)
    return written


def unpacked(name: str) -> Path:
    """The folder in the cache that holds the listed files of a pinned package (unpacked if need be)."""
    asset = pinned()[name]
    folder = cache_dir() / f"{asset.name}-{asset.version}"
    extract(asset, folder)
    return folder


def file_path(name: str, file: str) -> Path:
    """A single file of a pinned package, unpacked into the cache (for tests, e.g. axe-core)."""
    path = unpacked(name) / Path(file).name
    if not path.is_file():
        raise AssetError(f"{name}: {file} is not among the files pyproject.toml lists for it")
    return path


# What a build of the site fetches (axe-core is for the tests only).
SITE = ("pyodide", "mermaid", "xz-decompress", "docx")


def prefetch(names: tuple[str, ...] = SITE) -> None:
    """Fetches the tarballs side by side; run.sh starts it while pip installs the Python packages, with
    the system's Python (this module needs only the standard library). The build waits for a download
    still under way (the cache's lock) and reports any failure itself."""
    import concurrent.futures

    assets = pinned()
    with concurrent.futures.ThreadPoolExecutor(len(names)) as pool:
        for future in [pool.submit(tarball, assets[name]) for name in names]:
            future.exception()
