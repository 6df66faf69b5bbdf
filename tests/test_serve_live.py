"""`python -m hub serve` as a federation's editor uses it (issue 23, section 3): a saved page shows in the
served site without a restart, and a broken sector.yml names its file, line and field while the last
good site stays served. Runs on a copy of the repository, so that the real files are never edited."""
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("docs", "sectors", "wizards", "overrides", "hub", "mkdocs.yml", "pyproject.toml")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(check, seconds: float) -> float | None:
    """Seconds until check() held, or None."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if check():
            return time.monotonic() - start
        time.sleep(0.25)
    return None


def copy_of_the_repository(tmp_path: Path) -> Path:
    copy = tmp_path / "repo"
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, copy / name)
    return copy


def start_serving(copy: Path, log: Path, port: int, **env: str) -> subprocess.Popen:
    with open(log, "w") as out:
        return subprocess.Popen([sys.executable, "-m", "hub", "serve", "--edition", "pharmacies", "--port", str(port)],
                                cwd=copy, env={**os.environ, "PYTHONPATH": str(copy), **env},
                                stdout=out, stderr=subprocess.STDOUT)


def test_a_saved_page_is_served_and_a_broken_sector_keeps_the_last_good_site(tmp_path):
    copy = copy_of_the_repository(tmp_path)
    port = free_port()
    log = tmp_path / "serve.log"
    server = start_serving(copy, log, port)
    page_url = f"http://127.0.0.1:{port}/guide/cameras/"
    try:
        assert wait_for(lambda: "Bewakingscamera" in get(page_url), 600) is not None, log.read_text()[-3000:]
        assert '<script src="/.hub-reload.js"></script>' in get(page_url)
        build_before = get(f"http://127.0.0.1:{port}/.hub-build")

        page = copy / "docs" / "nl" / "guide" / "cameras.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nZwartwitfotograaf test.\n", encoding="utf-8")
        took = wait_for(lambda: "Zwartwitfotograaf" in get(page_url), 240)
        assert took is not None, log.read_text()[-3000:]
        print(f"edit served after {took:.1f} s")
        assert wait_for(lambda: get(f"http://127.0.0.1:{port}/.hub-build") not in ("", build_before), 30) is not None, \
            "open pages are told to reload"

        sector = copy / "sectors" / "pharmacies" / "sector.yml"
        text = sector.read_text(encoding="utf-8")
        assert "role: processor" in text
        broken = text.replace("role: processor", "role: boss", 1)
        line = broken[: broken.index("role: boss")].count("\n") + 1
        sector.write_text(broken, encoding="utf-8")
        assert wait_for(lambda: "last good site is still served" in log.read_text(), 240) is not None, log.read_text()[-3000:]
        output = log.read_text()
        assert f"sectors/pharmacies/sector.yml, line {line}" in output and ".role" in output, output[-3000:]
        assert "Traceback" not in output, output[-3000:]
        assert "Zwartwitfotograaf" in get(page_url), "the last good site is still served"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_on_a_fresh_cache_the_site_is_served_before_the_trim_and_rebuilt_after(tmp_path):
    from tests.test_build_side_by_side import fresh_cache

    copy = copy_of_the_repository(tmp_path)
    port = free_port()
    log = tmp_path / "serve.log"
    started = time.monotonic()
    server = start_serving(copy, log, port, GDPR_HUB_CACHE=str(fresh_cache(tmp_path)))
    try:
        served = wait_for(lambda: "Bewakingscamera" in get(f"http://127.0.0.1:{port}/guide/cameras/"), 600)
        assert served is not None, log.read_text()[-3000:]
        print(f"first page served after {time.monotonic() - started:.1f} s")
        assert "a preview is served first" in log.read_text()
        rebuilt = wait_for(lambda: get(f"http://127.0.0.1:{port}/.hub-build") == "2", 900)
        assert rebuilt is not None, log.read_text()[-3000:]
        print(f"trimmed site served after {time.monotonic() - started:.1f} s")
        (zipped,) = (copy / "site" / "pharmacies" / "assets" / "wheels").glob("*/stdlib.zip")
        with zipfile.ZipFile(zipped) as library:
            assert all(name.endswith(".pyc") for name in library.namelist() if name.endswith(".py") or name.endswith(".pyc")), \
                "the rebuilt site has the trimmed library, compiled ahead of time"
    finally:
        server.terminate()
        server.wait(timeout=30)
