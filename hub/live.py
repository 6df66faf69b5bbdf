"""`python -m hub serve`: the site as a federation's editor works on it, rebuilt on every saved change.

mkdocs' own `serve` reloads one mkdocs build; the hub's build is more than that (sector files, the
wizards' wheel, the trimmed standard library, three languages), and a site that fails to build must
not be replaced. So a small watcher polls the folders a writer edits, runs the same build as
`python -m hub build` (into a folder of its own, which replaces the served one only when it succeeded)
and tells the open pages to reload. A failed build prints why (a sector.yml's file, line and field:
hub/schema.py) and the last good site stays served.

The served pages get one extra script, only from this server: it asks `/.hub-build` every second and
reloads the page when the build changed. It is a file of the site's own origin, so the pages'
Content-Security-Policy needs no change.
"""
from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
import time
from pathlib import Path
from typing import Callable

from . import ROOT

WATCHED = ("docs", "sectors", "wizards", "overrides", "hub", "mkdocs.yml", "pyproject.toml")
POLL_SECONDS = 0.5
RELOAD_SCRIPT = b"""// Added by `python -m hub serve` only: reloads the page once the site was rebuilt.
(() => {
  let seen = null;
  const ask = () => fetch("/.hub-build", { cache: "no-store" }).then((r) => r.text()).then((build) => {
    if (seen !== null && build !== seen) location.reload();
    seen = build;
  }).catch(() => {});
  ask();
  setInterval(ask, 1000);
})();
"""
RELOAD_TAG = b'<script src="/.hub-reload.js"></script>'


def sources_state(root: Path = ROOT) -> dict[str, tuple[int, int]]:
    """Every watched file with its modification time and size (what a save changes)."""
    state: dict[str, tuple[int, int]] = {}
    for name in WATCHED:
        top = root / name
        paths = [top] if top.is_file() else (p for p in top.rglob("*") if p.is_file())
        for path in paths:
            if "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            try:
                info = path.stat()
            except FileNotFoundError:  # deleted while we looked: the next poll sees it
                continue
            state[str(path.relative_to(root))] = (info.st_mtime_ns, info.st_size)
    return state


def changed_files(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> list[str]:
    return sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))


class Builds:
    """The served build's number; a page reloads when it changes."""

    def __init__(self) -> None:
        self.number = 1


class LiveHandler(http.server.SimpleHTTPRequestHandler):
    builds: Builds

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript"}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")  # a rebuilt page is fetched again, not taken from the HTTP cache
        super().end_headers()

    def do_GET(self) -> None:  # noqa: N802
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == "/.hub-build":
            return self._send(str(self.builds.number).encode(), "text/plain")
        if path == "/.hub-reload.js":
            return self._send(RELOAD_SCRIPT, "text/javascript")
        local = Path(self.translate_path(path))
        if local.is_dir() and path.endswith("/"):
            local = local / "index.html"
        if local.suffix == ".html" and local.is_file():
            page = local.read_bytes()
            end = page.rfind(b"</body>")
            if end != -1:
                page = page[:end] + RELOAD_TAG + page[end:]
            return self._send(page, "text/html; charset=utf-8")
        return super().do_GET()

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def watch(rebuild: Callable[[], bool], builds: Builds, stop: threading.Event, root: Path = ROOT,
          rebuild_at_once: bool = False) -> None:
    """Polls the sources; after a change (and half a second without another, so that an editor's
    save-in-several-writes is one build) rebuilds, and counts a build that succeeded."""
    state = sources_state(root)
    while rebuild_at_once or not stop.wait(POLL_SECONDS):
        now = sources_state(root)
        if now == state and not rebuild_at_once:
            continue
        if rebuild_at_once:
            rebuild_at_once = False
            print("Trimming the standard library and rebuilding...", flush=True)
        else:
            time.sleep(POLL_SECONDS)
            now = sources_state(root)
            files = changed_files(state, now)
            shown = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
            print(f"Changed: {shown}. Rebuilding...", flush=True)
        state = now
        started = time.perf_counter()
        if rebuild():
            builds.number += 1
            print(f"Rebuilt in {time.perf_counter() - started:.1f} s; open pages reload.", flush=True)
        else:
            print("The build failed (see above); the last good site is still served. Fix the file and save it again.",
                  flush=True)


def serve(folder: Path, port: int, rebuild: Callable[[], bool], server_class: type[http.server.HTTPServer],
          rebuild_at_once: bool = False) -> None:
    builds = Builds()
    handler = functools.partial(type("Handler", (LiveHandler,), {"builds": builds}), directory=str(folder))
    try:
        server = server_class(("127.0.0.1", port), handler)
    except OSError as err:
        raise SystemExit(f"Cannot serve on port {port}: {err.strerror}. Try another one: --port {port + 1}") from None
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(rebuild, builds, stop, ROOT, rebuild_at_once), daemon=True)
    watcher.start()
    with server:
        print(f"Serving {folder} on http://127.0.0.1:{port}/ (Ctrl+C stops). "
              f"Saved changes in {', '.join(WATCHED[:3])} rebuild the site.", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print("Stopped.")
        finally:
            stop.set()


def unbuffered() -> None:
    """The watcher's lines and the build's show up at once in a terminal or a log."""
    os.environ["PYTHONUNBUFFERED"] = "1"
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(line_buffering=True)
