"""Shared fixtures: the built site served on 127.0.0.1, and Debian's Chromium driven by Playwright."""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from typing import Iterator

import pytest

from hub.__main__ import QuietHandler, QuietServer, build

CHROMIUM = "/usr/bin/chromium"
# Without these flags Chromium keeps trying to reach Google's services on a closed network. The last
# one stops headless Chromium from preloading its own address-bar popup (a web page of its own UI, in a
# separate renderer) each time a tab opens: on two cores that stole processor time from the page under
# test and made the benchmark's figures jump.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-default-apps", "--disable-quic",
                 "--disable-features=WebUIOmniboxFullPopup,WebUIOmniboxAimPopup,WebUIOmniboxPopup"]


class Served:
    def __init__(self, folder: Path) -> None:
        handler = functools.partial(QuietHandler, directory=str(folder))
        self.server = QuietServer(("127.0.0.1", 0), handler)
        self.folder = folder
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.url = self.origin + "/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def pages(self) -> list[str]:
        """Every HTML page of the site, as URLs."""
        urls = []
        for path in sorted(self.folder.rglob("index.html")):
            rel = path.parent.relative_to(self.folder).as_posix()
            urls.append(self.url + ("" if rel == "." else rel + "/"))
        return urls

    def close(self) -> None:
        self.server.shutdown()


@pytest.fixture(scope="session")
def hub() -> Iterator[Served]:
    served = Served(build(None, quiet=True))
    yield served
    served.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (./run.sh test does it)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def unfold(page) -> None:
    """Opens the folded part of a result (why, sources, answers, log), as a visitor does with a click."""
    page.evaluate("() => document.querySelectorAll('.wz-result details').forEach((d) => { d.open = true; })")


@pytest.fixture
def context(browser):
    ctx = browser.new_context(service_workers="block")
    yield ctx
    ctx.close()


@pytest.fixture
def context_with_offline_cache(browser):
    """A visitor's browser in which the site's offline cache (service worker) runs."""
    ctx = browser.new_context(service_workers="allow")
    yield ctx
    ctx.close()
