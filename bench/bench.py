"""Benchmark: prints figures from one run; it asserts nothing (timed tests would be flaky).

    ./run.sh bench        (or: .venv/bin/python bench/bench.py)

Figures: build time; compressed bytes for a guidance page and a wizard page; navigation to first
question visible; wizard ready (cold and warm cache); answer to next question. The same DPO decision
in plain JavaScript (bench/baseline/) runs in the same browser, and our figures are printed as ratios.
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
                cold["page"].close()  # type: ignore[union-attr]
                warm = visit(context, served.url + path, wait_ready=True)
                page = warm["page"]
                steps = []
                for _ in range(7):
                    page.goto(served.url + path)
                    page.wait_for_selector(".wz[data-state=ready]", timeout=60000)
                    steps.append(page.evaluate(STEP_JS))
                results[name] = {"first": cold["first_question_ms"], "cold": cold["ready_ms"], "warm": warm["ready_ms"],
                                 "step": statistics.median(steps), "bytes": cold_bytes}
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
    print(f"navigation -> wizard ready, warm cache          {py['warm']:8.0f} ms  (JS baseline {js['warm']:.0f} ms, ratio {py['warm'] / max(js['warm'], 1):.1f}x)")
    print(f"answer -> next question (median of 7)           {py['step']:8.1f} ms  (JS baseline {js['step']:.1f} ms, ratio {py['step'] / max(js['step'], 0.1):.1f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
