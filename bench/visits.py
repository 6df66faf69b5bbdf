"""A wizard page visited in Chromium, as the benchmarks measure it: the network and processor
profiles, one visit until the wizard is ready, the wait for the offline cache, the worker's marks.

Shared by bench.py, compare.py and unwatched.py, so that none of them imports another.
"""
from __future__ import annotations

import time

from tests.test_browser_offline import KEPT

PROFILES = (  # name, (bits per second, round trip ms) or None, CPU slowdown
    ("localhost", None, 1),
    ("10 Mbit/s, 40 ms", (10_000_000, 40), 1),
    ("1.6 Mbit/s, 150 ms, CPU x4", (1_600_000, 150), 4),
)


# The worker's marks (ms since its start() began), after three of the page's own: when the worker
# was created, when its script began and when its start() began (ms since navigation).
PHASES = """() => {
  const p = window.__wzBoot && window.__wzBoot.phases;
  if (!p) return null;
  const since = (wall) => Math.round(wall - performance.timeOrigin);
  const out = { "page: worker created": since(p.created_at), "page: worker script": since(p.script_at),
                "page: worker start()": since(p.init_at) };
  for (const [k, v] of Object.entries(p)) if (!k.endsWith("_at")) out[k] = v;
  return out;
}"""


def emulate(context, page, profile) -> None:
    _, network, cpu = profile
    cdp = context.new_cdp_session(page)
    if network:
        bits, rtt = network
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": rtt,
                                                      "downloadThroughput": bits / 8, "uploadThroughput": bits / 8})
    if cpu > 1:
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu})


def visit(context, url: str, profile) -> tuple[object, float]:
    page = context.new_page()
    emulate(context, page, profile)
    page.goto(url)
    page.wait_for_selector(".wz[data-state=ready]", timeout=300000)
    return page, float(page.get_attribute(".wz", "data-ready-at"))


def wait_kept(page) -> bool:
    """Waits up to 120 s for the offline cache, the snapshot and the warm-up; says whether they came."""
    if page.query_selector(".wz[data-wizard]") is None:  # the plain-JavaScript baseline keeps nothing
        return True
    deadline = time.monotonic() + 120
    while not (page.evaluate(KEPT) and page.query_selector(".wz[data-warmed]")):
        if time.monotonic() > deadline:
            return False
        page.wait_for_timeout(200)
    return True
