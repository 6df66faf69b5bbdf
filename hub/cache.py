"""The build cache (~/.cache/gdpr-hub, or GDPR_HUB_CACHE), shared by every build on the machine.

Two builds may run at once (`./run.sh serve` beside `./run.sh test`, or two editions). So nothing in
the cache is ever written in place: each build makes a file or folder in a staging place of its own
(`staging`) and moves it to its final name in one step (`publish`), and the slow steps that make the
same thing twice (a download, the standard library trim, the wheel) hold a lock named after what they
make (`locked`), so that the second build waits and then reuses the first one's result.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterator


def cache_dir() -> Path:
    base = os.environ.get("GDPR_HUB_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "gdpr-hub"
    )
    path = Path(base)
    path.mkdir(parents=True, exist_ok=True)
    return path


@contextlib.contextmanager
def locked(name: str) -> Iterator[None]:
    """Holds the cache's lock `name` (an advisory lock the system drops if the build dies)."""
    folder = cache_dir() / ".locks"
    folder.mkdir(exist_ok=True)
    with open(folder / name, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def staging(beside: Path) -> Path:
    """A new empty folder of this build's own next to `beside` (same file system, so `publish` is a rename)."""
    beside.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{beside.name}.", suffix=".tmp", dir=beside.parent))


def publish(made: Path, target: Path) -> Path:
    """Moves `made` (a file or a folder) to `target` in one step. If another build got there first, its
    result is kept (it was made from the same content) and ours is dropped."""
    try:
        os.replace(made, target) if made.is_file() else os.rename(made, target)
    except OSError:
        if not target.exists():
            raise
        if made.is_dir():
            shutil.rmtree(made, ignore_errors=True)
        else:
            made.unlink(missing_ok=True)
    return target


def replace_folder(made: Path, target: Path) -> None:
    """Puts the folder `made` where `target` is, replacing it, for output that is not keyed by content
    (a built site). The old folder is moved aside and then dropped, so that `target` is missing for only
    the moment between two renames, and a build that finishes at the same time cannot make this one fail."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(20):
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
        try:
            os.rename(target, old / "site")
        except FileNotFoundError:
            pass
        try:
            os.rename(made, target)
        except OSError:  # another build published in between: move that one aside too
            shutil.rmtree(old, ignore_errors=True)
            continue
        shutil.rmtree(old, ignore_errors=True)
        return
    raise OSError(f"could not move {made} to {target}: other builds keep replacing it")
