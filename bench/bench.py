"""Benchmark: prints figures from one run; it asserts nothing (timed tests would be flaky).

    ./run.sh bench        (or: .venv/bin/python bench/bench.py)

Figures: build time; compressed bytes for a guidance page and a wizard page; navigation to first
question visible; wizard ready (cold and warm cache); answer to next question. The same DPO decision
in plain JavaScript (bench/baseline/) runs in the same browser, and our figures are printed as ratios.

Warm cache means a visitor's second visit: the first visit's page stays open until the offline cache
has finished its copy (as it would while a visitor reads the verdict), then a new tab opens the page.
The worker's own timings of that second visit are printed too (ms since it was asked to start).
"""
from __future__ import annotations

import gzip
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hub.__main__ import build  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, Served  # noqa: E402

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


def transferred(site: Path, urls: list[str]) -> int:
    """Bytes a static host sends with gzip for the same-origin files the browser fetched."""
    total = 0
    for url in set(urls):
        path = urlparse(url).path.lstrip("/")
        file = site / path / "index.html" if path == "" or path.endswith("/") else site / path
        if file.is_file():
            total += len(gzip.compress(file.read_bytes(), compresslevel=6))
    return total


def visit(browser_context, url: str, *, wait_ready: bool) -> dict[str, float]:
    page = browser_context.new_page()
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(url)
    page.wait_for_selector("form.wz-step, article", state="visible")
    first_visible = page.evaluate(
        "() => { const e = performance.getEntriesByName('first-contentful-paint')[0]; return e ? e.startTime : performance.now(); }")
    figures = {"first_question_ms": first_visible}
    if wait_ready:
        page.wait_for_selector(".wz[data-state=ready]", timeout=60000)
        figures["ready_ms"] = float(page.get_attribute(".wz", "data-ready-at"))
    figures["urls"] = fetched  # type: ignore[assignment]
    figures["page"] = page  # type: ignore[assignment]
    return figures


def settle(page) -> None:
    """Wait until the offline cache is active and holds this page, as after a visitor read a verdict."""
    page.evaluate("""async () => {
        if (!("serviceWorker" in navigator) || !document.querySelector(".wz[data-wizard]")) return;
        await Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 20000))]);
        const deadline = Date.now() + 20000;
        while (Date.now() < deadline) {
            for (const name of await caches.keys())
                if (await (await caches.open(name)).match(location.href.split("#")[0])) return;
            await new Promise((r) => setTimeout(r, 100));
        }
    }""")


def main() -> int:
    from playwright.sync_api import sync_playwright

    t0 = time.perf_counter()
    site = build(None, quiet=True)
    build_s = time.perf_counter() - t0

    baseline_dir = Path(tempfile.mkdtemp())
    shutil.copytree(ROOT / "bench" / "baseline", baseline_dir / "baseline")
    ours, base = Served(site), Served(baseline_dir)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            results: dict[str, dict[str, float]] = {}
            for name, served, path in (("python", ours, "wizards/dpo/"), ("javascript", base, "baseline/")):
                context = browser.new_context()
                cold = visit(context, served.url + path, wait_ready=True)
                cold_bytes = transferred(served.folder, cold["urls"])  # type: ignore[arg-type]
                settle(cold["page"])
                cold["page"].close()  # type: ignore[union-attr]
                warm = visit(context, served.url + path, wait_ready=True)
                page = warm["page"]
                phases = page.evaluate("() => window.__wzBoot ? window.__wzBoot.phases : null")
                later = []
                for _ in range(5):
                    again = visit(context, served.url + path, wait_ready=True)
                    later.append(again["ready_ms"])
                    again["page"].close()  # type: ignore[union-attr]
                steps = []
                for _ in range(7):
                    page.goto(served.url + path)
                    page.wait_for_selector(".wz[data-state=ready]", timeout=60000)
                    steps.append(page.evaluate(STEP_JS))
                results[name] = {"first": cold["first_question_ms"], "cold": cold["ready_ms"], "warm": warm["ready_ms"],
                                 "warm_later": statistics.median(later), "step": statistics.median(steps),
                                 "bytes": cold_bytes, "phases": phases}
                context.close()
            context = browser.new_context()
            guide = visit(context, ours.url + "guide/security/", wait_ready=False)
            guide_bytes = transferred(site, [u for u in guide["urls"] if "search_index" not in u])  # type: ignore[union-attr]
            context.close()
            browser.close()
    finally:
        ours.close()
        base.close()

    py, js = results["python"], results["javascript"]
    print(f"build time (hub, 3 languages, all sectors)      {build_s:8.1f} s")
    print(f"guidance page transferred (gzip, no search idx) {guide_bytes / 1024:8.1f} KB")
    print(f"wizard page transferred, cold (gzip)             {py['bytes'] / 1024:8.1f} KB   (JS baseline {js['bytes'] / 1024:.1f} KB)")
    print(f"navigation -> first question visible            {py['first']:8.0f} ms  (JS baseline {js['first']:.0f} ms, ratio {py['first'] / js['first']:.1f}x)")
    print(f"navigation -> wizard ready, cold cache          {py['cold']:8.0f} ms  (JS baseline {js['cold']:.0f} ms, ratio {py['cold'] / max(js['cold'], 1):.1f}x)")
    print(f"navigation -> wizard ready, warm (2nd visit)   {py['warm']:8.0f} ms  (JS baseline {js['warm']:.0f} ms, ratio {py['warm'] / max(js['warm'], 1):.1f}x)")
    print(f"  same, median of the 5 visits after it          {py['warm_later']:8.0f} ms  (JS baseline {js['warm_later']:.0f} ms)")
    if py["phases"]:
        print("  where the second visit's start-up went (worker, ms since asked to start): "
              + ", ".join(f"{k} {v}" for k, v in py["phases"].items() if k != "init_at"))
    print(f"answer -> next question (median of 7)           {py['step']:8.1f} ms  (JS baseline {js['step']:.1f} ms, ratio {py['step'] / max(js['step'], 0.1):.1f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
