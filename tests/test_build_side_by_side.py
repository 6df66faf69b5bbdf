"""Two builds at once (`./run.sh serve` started beside `./run.sh test` on a fresh machine) both succeed:
each stages in folders of its own, and the slow steps that make the same file wait for each other."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

from hub.cache import cache_dir

ROOT = Path(__file__).resolve().parent.parent


def fresh_cache(tmp_path: Path) -> Path:
    """An empty cache with only the downloads in it (npm tarballs, PyPI files), so that no network is needed
    and every build step that makes something does so for real."""
    fresh = tmp_path / "cache"
    (fresh / "spreadsheet").mkdir(parents=True)
    for tgz in cache_dir().glob("*.tgz"):
        shutil.copy(tgz, fresh / tgz.name)
    for download in (cache_dir() / "spreadsheet").glob("*"):
        if download.suffix in (".whl", ".gz"):
            shutil.copy(download, fresh / "spreadsheet" / download.name)
    return fresh


def test_two_builds_side_by_side_on_a_fresh_cache(tmp_path):
    env = {**os.environ, "GDPR_HUB_CACHE": str(fresh_cache(tmp_path)), "PYTHONPATH": str(ROOT)}
    builds = [subprocess.Popen([sys.executable, "-m", "hub", "build"], cwd=ROOT, env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT) for _ in range(2)]
    outputs = [build.communicate(timeout=900)[0] for build in builds]
    for build, output in zip(builds, outputs):
        assert build.returncode == 0, output[-3000:]
        assert "not trimmed" not in output, output[-3000:]
    assert (ROOT / "site" / "hub" / "index.html").exists()
    assert not list((ROOT / "site").glob(".hub.*")), "a build left its staging folder behind"


def test_the_kept_list_of_standard_library_files_is_current(hub):
    """hub/stdlib-modules.txt lets a fresh clone's build run the two proofs of the trimmed library side by
    side; a stale list still builds the same site, only slower. Update it from the report this names."""
    import json

    from hub import stdlib
    from hub.wheel import build_wheel

    report = cache_dir() / "stdlib" / stdlib.cache_key(build_wheel()) / "payloads-python_stdlib.report.json"
    used = sorted(json.loads(report.read_text(encoding="utf-8"))["files"])
    assert stdlib.KNOWN_MODULES.read_text(encoding="utf-8").split() == used, f"copy the files of {report}"
