"""Compares the wizard's warm start of two or more built sites, visit by visit, on localhost.

    .venv/bin/python bench/compare.py [--rounds N] SITE_DIR SITE_DIR ...

On a small shared machine the same build can be 0.1 s faster or slower from one minute to the next, so
two bench runs taken minutes apart cannot tell a 50 ms change. This alternates: each round visits every
site once, so every site meets the same moments. Per round and site: a fresh browser, a first visit until
the offline cache and the snapshot are kept, then the second visit, whose ready time is kept (the
issue's "second visit"), then three later visits. Prints the medians and the worker's marks.
Asserts nothing (figures, not a test). Build a site to compare with `./run.sh build` and copy `site/hub`.
"""
from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.visits import PHASES, PROFILES, visit, wait_kept  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.hosting import Host  # noqa: E402

LATER = 3


def main() -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("sites", nargs="+", type=Path)
    args = parser.parse_args()
    hosts = [Host(site) for site in args.sites]
    for host in hosts:
        host.precompress("assets/**/*")
    second = {site: [] for site in args.sites}
    later = {site: [] for site in args.sites}
    marks = {site: [] for site in args.sites}
    localhost = PROFILES[0]
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for _ in range(args.rounds):
                for site, host in zip(args.sites, hosts):
                    context = browser.new_context(service_workers="allow")
                    page, _cold = visit(context, host.url + "wizards/dpo/", localhost)
                    wait_kept(page)
                    page.wait_for_timeout(300)
                    page.close()
                    page, ready = visit(context, host.url + "wizards/dpo/", localhost)
                    second[site].append(ready)
                    marks[site].append(page.evaluate(PHASES) or {})
                    page.close()
                    for _ in range(LATER):
                        page, ready = visit(context, host.url + "wizards/dpo/", localhost)
                        later[site].append(ready)
                        page.close()
                    context.close()
            browser.close()
    finally:
        for host in hosts:
            host.close()
    for site in args.sites:
        numbers = [m for m in marks[site] if m]
        keys = [k for k in numbers[-1] if isinstance(numbers[-1][k], (int, float))] if numbers else []
        print(f"{site}: second visit median {statistics.median(second[site]):.0f} ms "
              f"[{' '.join(str(round(v)) for v in second[site])}]; "
              f"later visits median {statistics.median(later[site]):.0f} ms")
        print("    " + ", ".join(f"{k} {statistics.median([m[k] for m in numbers if k in m]):.0f}" for k in keys))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
