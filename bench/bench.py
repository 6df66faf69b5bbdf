"""Benchmark: prints figures from one run; it asserts nothing (timed tests would be flaky).

    ./run.sh bench        (or: .venv/bin/python bench/bench.py)

The site is served as a static host sends it (tests/hosting.py: gzip for the types GitHub Pages
compresses, ETag revalidation, max-age=600), and every byte that leaves the server is counted.

Figures: build time; bytes of a guidance page; for a wizard page, the bytes of a first and of a second
visit, per file, raw and as sent, with a flag on any file sent twice; the wizard's ready time (ms from
navigation) cold (first visit, empty browser) and warm (second visit: the first visit's page stayed
open until the offline cache and the snapshot were kept and Pyodide's scripts compiled once more from
the offline cache (wizard.js, warmCodeCache), as while a visitor reads the first question) on
three profiles: localhost, 10 Mbit/s with 40 ms round trip, and 1.6 Mbit/s with 150 ms round trip and
a 4x slower processor (Chromium's own network and CPU emulation, through the DevTools protocol).
The same DPO decision in plain JavaScript (bench/baseline/) runs beside it on each profile.
Playwright's own watching of pages and workers adds to a warm start, so the warm start on localhost is
also measured with no DevTools client attached while the page loads (bench/unwatched.py), as a
visitor's browser runs it: the median of five fresh browsers.
"""
from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hub.__main__ import build  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.hosting import Host, Sent  # noqa: E402
from bench.unwatched import warm_starts  # noqa: E402
from bench.visits import PHASES, PROFILES, visit, wait_kept  # noqa: E402

UNWATCHED_ROUNDS = 5

STEP_JS = """(question) => new Promise((resolve) => {
  const form = document.querySelector('form.wz-step');
  const t0 = performance.now();
  const observer = new MutationObserver(() => {
    const next = document.querySelector('form.wz-step');
    if (next && next !== form) { observer.disconnect(); resolve(performance.now() - t0); }
  });
  observer.observe(document.body, {subtree: true, childList: true});
  form.querySelector('input[value=no]').checked = true;
  form.querySelector('.wz-next').click();
})"""


def run_site(browser, host: Host, path: str, profile, extra: bool) -> dict:
    context = browser.new_context(service_workers="allow")
    host.take_log()
    page, cold = visit(context, host.url + path, profile)
    first_question = page.evaluate(
        "() => { const e = performance.getEntriesByName('first-contentful-paint')[0]; return e ? e.startTime : 0; }")
    phases_cold = page.evaluate(PHASES)
    wait_kept(page)
    page.wait_for_timeout(300)
    first_log = host.take_log()
    page.close()
    page, warm = visit(context, host.url + path, profile)
    phases_warm = page.evaluate(PHASES)
    page.wait_for_timeout(300)
    second_log = host.take_log()
    out = {"cold": cold, "warm": warm, "first": first_question, "first_log": first_log, "second_log": second_log,
           "phases_cold": phases_cold, "phases_warm": phases_warm}
    if extra:
        page.close()
        later = []
        for _ in range(5):
            again, ready = visit(context, host.url + path, profile)
            later.append(ready)
            again.close()
        page = context.new_page()
        steps = []
        for _ in range(7):
            page.goto(host.url + path)
            page.wait_for_selector(".wz[data-state=ready]", timeout=60000)
            steps.append(page.evaluate(STEP_JS))
        out["warm_later"] = statistics.median(later)
        out["step"] = statistics.median(steps)
    page.close()
    context.close()
    return out


def kb(n: int) -> str:
    return f"{n / 1024:9.1f} KB"


def print_log(title: str, log: list[Sent]) -> None:
    sent = [s for s in log if s.status in (200, 304)]
    twice = set(Host.twice(log))
    print(f"{title}: {len(sent)} responses, {kb(sum(s.wire for s in sent))} sent "
          f"({kb(sum(s.raw for s in sent if s.status == 200))} raw files)"
          + (f"; SENT TWICE: {', '.join(sorted(twice))}" if twice else "; no file sent twice"))
    for s in sorted(sent, key=lambda s: -s.wire):
        if s.wire >= 10_000 or s.path in twice:
            flag = "  <- twice" if s.path in twice else ""
            print(f"    {s.status} {kb(s.raw)} raw {kb(s.wire)} sent  {s.path}{flag}")


def main() -> int:
    from playwright.sync_api import sync_playwright


    started = time.perf_counter()
    t0 = time.perf_counter()
    site = build(None, quiet=True)
    build_s = time.perf_counter() - t0

    baseline_dir = Path(tempfile.mkdtemp())
    shutil.copytree(ROOT / "bench" / "baseline", baseline_dir / "baseline")
    ours, base = Host(site), Host(baseline_dir)
    ours.precompress("assets/**/*")
    results: dict[str, dict[str, dict]] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for profile in PROFILES:
                extra = profile[1] is None
                results[profile[0]] = {
                    "python": run_site(browser, ours, "wizards/dpo/", profile, extra),
                    "javascript": run_site(browser, base, "baseline/", profile, extra),
                }
            unwatched = {"python": warm_starts(p, ours.url + "wizards/dpo/", UNWATCHED_ROUNDS),
                         "javascript": warm_starts(p, base.url + "baseline/", UNWATCHED_ROUNDS)}
            context = browser.new_context(service_workers="block")
            ours.take_log()
            page = context.new_page()
            page.goto(ours.url + "guide/security/")
            page.wait_for_selector("h1")
            page.wait_for_timeout(1000)
            guide = [s for s in ours.take_log() if s.status == 200]
            context.close()
            browser.close()
    finally:
        ours.close()
        base.close()

    local = results["localhost"]["python"]
    print(f"build time (hub, 3 languages, all sectors)        {build_s:8.1f} s")
    print(f"guidance page, bytes sent (gzip where the host compresses) {kb(sum(s.wire for s in guide))}")
    print_log("wizard page, FIRST visit (until the offline cache and the snapshot are kept)", local["first_log"])
    print_log("wizard page, SECOND visit", local["second_log"])
    runtime_again = [s.path for s in local["second_log"] if s.status == 200 and ("/assets/pyodide/" in s.path or "/assets/wheels/" in s.path)]
    print(f"  runtime bytes sent again on the second visit: {sum(s.wire for s in local['second_log'] if s.path in runtime_again)}")
    print()
    print(f"{'wizard ready (ms from navigation)':44} {'cold':>8} {'warm':>8}   {'JS cold':>8} {'JS warm':>8}")
    for name, _, _ in PROFILES:
        py, js = results[name]["python"], results[name]["javascript"]
        print(f"  {name:42} {py['cold']:8.0f} {py['warm']:8.0f}   {js['cold']:8.0f} {js['warm']:8.0f}")
    js = results["localhost"]["javascript"]
    print(f"  localhost, median of 5 more warm visits     {local['warm_later']:8.0f}            {js['warm_later']:8.0f}")
    un_py, un_js = unwatched["python"], unwatched["javascript"]
    print(f"  localhost, no DevTools attached during the visit (bench/unwatched.py), {UNWATCHED_ROUNDS} fresh browsers:")
    print(f"    second visit, median {un_py['second']:8.0f}  [{' '.join(f'{v:.0f}' for v in un_py['second_all'])}]"
          f"   JS {un_js['second']:.0f}")
    print(f"    later visits, median {un_py['later']:8.0f}   JS {un_js['later']:.0f}")
    print(f"navigation -> first question visible (localhost, cold) {local['first']:6.0f} ms  (JS {js['first']:.0f} ms)")
    print(f"answer -> next question (median of 7)                {local['step']:6.1f} ms  (JS {js['step']:.1f} ms)")
    for name, _, _ in PROFILES:
        for when in ("cold", "warm"):
            phases = results[name]["python"][f"phases_{when}"] or {}
            print(f"  worker, {name}, {when}: "
                  + ", ".join(f"{k} {v}" for k, v in phases.items()))
    print(f"(bench run took {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
