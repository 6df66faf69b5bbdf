"""`python -m hub build [--edition ID]`, `python -m hub serve [--edition ID]` (rebuilds on every saved change),
`python -m hub editions`.

One command per site: the hub (all sectors) or the edition of one sector. A failed build leaves no
half-built site behind: it builds into a temporary folder and only then replaces the target.
"""
from __future__ import annotations

import argparse
import http.server
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from . import ROOT, live
from .cache import cache_dir, replace_folder, staging
from .schema import SchemaError
from .sectors import load_all
from wizards.documents.sample import from_sector
from wizards.present.texts import DEFAULT_LANGUAGE, LANGUAGES


def site_dir(edition: str | None) -> Path:
    return ROOT / "site" / (edition or "hub")


def build(edition: str | None, *, quiet: bool = False, preview: bool = False) -> Path:
    target = site_dir(edition)
    # Folders of this build's own: a second build at the same time (./run.sh serve beside ./run.sh test)
    # neither deletes nor reads them.
    temporary = staging(target)
    stage = staging(ROOT / "build" / "stage" / (edition or "hub"))
    env = dict(os.environ)
    env.pop("HUB_EDITION", None)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    env["HUB_STAGE"] = str(stage)
    env.pop("HUB_PREVIEW", None)
    if preview:  # hub/mkdocs_hooks.py, _preview
        env["HUB_PREVIEW"] = "1"
    if edition:
        env["HUB_EDITION"] = edition
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(temporary), "--config-file", str(ROOT / "mkdocs.yml")]
    if quiet:
        command.append("--quiet")
    try:
        result = subprocess.run(command, cwd=ROOT, env=env)
        if result.returncode != 0:
            raise SystemExit(f"Build of {'edition ' + edition if edition else 'the hub'} failed; nothing was published to {target}.")
        replace_folder(temporary, target)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
        shutil.rmtree(stage, ignore_errors=True)
    return target


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript"}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """A browser that closes a tab or stops a download mid-file is normal, not an error worth a traceback."""

    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):  # broken pipe, reset, aborted
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


def _sample(sector_id: str, lang: str) -> int:
    sectors = {s.id: s for s in load_all()}
    if sector_id not in sectors:
        print(f"Unknown sector {sector_id!r}; known: {', '.join(sectors)}", file=sys.stderr)
        return 2
    print(json.dumps(from_sector(sectors[sector_id].data, lang), ensure_ascii=False, indent=2))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hub")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("build", "serve"):
        p = sub.add_parser(name)
        p.add_argument("--edition", help="sector id for a federation's edition; without it, the whole hub")
        p.add_argument("--port", type=int, default=8000)
    sub.add_parser("editions", help="list the sector ids that can be built as editions")
    sub.add_parser("check", help="validate every sector folder and stop at the first mistake")
    sample = sub.add_parser("sample", help="a sector's sample record as JSON (input for python -m wizards.documents)")
    sample.add_argument("--sector", required=True, help="the sector folder's id")
    sample.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE)
    args = parser.parse_args(argv)
    if args.command == "editions":
        print("\n".join(s.id for s in load_all()))
        return 0
    if args.command == "check":
        try:
            sectors = load_all()
        except SchemaError as err:
            print(f"Invalid sector file: {err}", file=sys.stderr)
            return 1
        print(f"{len(sectors)} sector folder(s) valid: {', '.join(s.id for s in sectors)}")
        return 0
    if args.command == "sample":
        return _sample(args.sector, args.lang)
    if args.command == "serve":
        return _serve_live(args.edition, args.port)
    build(args.edition)
    return 0


def _serve_live(edition: str | None, port: int) -> int:
    """Builds, serves, and rebuilds on every saved change (hub/live.py); a failed build keeps the last good site.

    On a fresh cache the standard library's trim is most of a build (every wizard path run twice in
    Pyodide under Node), and the xz copies of the runtime much of the rest. So the first build is then a
    preview without them (HUB_PREVIEW, hub/mkdocs_hooks.py), served at once, and the full build follows
    in the background; the open pages reload after it."""
    live.unbuffered()

    def rebuild(preview: bool = False) -> bool:
        try:
            build(edition, quiet=True, preview=preview)
        except SystemExit as failed:
            print(failed, file=sys.stderr, flush=True)
            return False
        return True

    quick = not _trimmed_stdlib_ready()
    if quick:
        print("First build on this machine: a preview is served first (Pyodide's full standard library, no xz "
              "copies); the site is then rebuilt as it is published, in the background.", flush=True)
    if not rebuild(preview=quick) and not (site_dir(edition) / "index.html").exists():
        return 1
    live.serve(site_dir(edition), port, rebuild, QuietServer, rebuild_at_once=quick)
    return 0


def _trimmed_stdlib_ready() -> bool:
    from .stdlib import cache_key
    from .wheel import build_wheel

    try:
        return (cache_dir() / "stdlib" / cache_key(build_wheel()) / "stdlib.zip").exists()
    except Exception:  # noqa: BLE001 - whatever fails here, the build reports it properly
        return True


if __name__ == "__main__":
    raise SystemExit(main())
