"""Warm ready time with no DevTools client attached while the page loads.

Playwright watches every page and worker it drives: it attaches to each new worker, holds it until its
debugger session is set up, and listens to the network. On this machine that added 30-80 ms to a
wizard's warm start, which is what a visitor's browser does not pay. Here Chromium is started by
hand; tabs are opened through its DevTools HTTP endpoint (no session); Playwright connects only after
the page is ready, reads the page's own `data-ready-at` (ms from navigation, measured by the page),
and disconnects again before the next visit.
"""
from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from bench.visits import wait_kept
from tests.conftest import CHROMIUM, CHROMIUM_ARGS

SETTLE_S = 2.5  # a warm start takes well under a second; the page is left alone this long


class HandStartedChromium:
    def __init__(self) -> None:
        self.profile = Path(tempfile.mkdtemp(prefix="bench-chromium-"))
        self.process = subprocess.Popen(
            [CHROMIUM, "--headless", f"--user-data-dir={self.profile}", "--remote-debugging-port=0",
             *CHROMIUM_ARGS, "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and port_file.read_text().strip()):
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.stop()
                raise RuntimeError(f"{CHROMIUM} did not open its DevTools port")
            time.sleep(0.05)
        self.endpoint = f"http://127.0.0.1:{port_file.read_text().split()[0]}"

    def open_tab(self, url: str) -> str:
        request = urllib.request.Request(f"{self.endpoint}/json/new?{urllib.parse.quote(url, safe=':/')}", method="PUT")
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)["id"]

    def close_tab(self, tab: str) -> None:
        urllib.request.urlopen(f"{self.endpoint}/json/close/{tab}", timeout=10).close()

    def read_page(self, playwright, url: str, until_kept: bool = False) -> float:
        """Connects, reads the ready time of the one open page at `url`, disconnects."""
        browser = playwright.chromium.connect_over_cdp(self.endpoint)
        try:
            page = next(p for c in browser.contexts for p in c.pages if p.url == url)
            page.wait_for_selector(".wz[data-state=ready]", timeout=120000)
            if until_kept:
                if not wait_kept(page):
                    raise RuntimeError(f"{url}: the offline cache was not filled within 120 s")
                page.wait_for_timeout(300)
            return float(page.get_attribute(".wz", "data-ready-at"))
        finally:
            browser.close()  # for a connected browser: disconnects, leaves Chromium and its tabs running

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def warm_starts(playwright, url: str, rounds: int, later: int = 3) -> dict[str, float]:
    """Per round a fresh browser: first visit until kept, then the second visit and `later` more,
    each in a new tab with the previous one closed, as a visitor coming back would."""
    second: list[float] = []
    after: list[float] = []
    for _ in range(rounds):
        chromium = HandStartedChromium()
        try:
            tab = chromium.open_tab(url)
            chromium.read_page(playwright, url, until_kept=True)
            for visit in range(1 + later):
                chromium.close_tab(tab)
                time.sleep(0.3)
                tab = chromium.open_tab(url)
                time.sleep(SETTLE_S)
                (second if visit == 0 else after).append(chromium.read_page(playwright, url))
        finally:
            chromium.stop()
    return {"second": statistics.median(second), "later": statistics.median(after),
            "second_all": second}
