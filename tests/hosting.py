"""The built site served as a static host such as GitHub Pages sends it, for the tests and the bench
that count bytes: gzip for the types it compresses, a log of what went over the wire, and a folder that
can be swapped for a new deployment at the same origin.

GitHub does not document which types Pages compresses. Observed (and reported by its users): gzip,
never brotli, for text types (HTML, CSS, JavaScript, JSON, SVG, XML, plain text) and for
application/wasm; never for archives (.zip, .whl) or images that are compressed already. COMPRESSED
follows that; everything else is sent as it is.
"""
from __future__ import annotations

import gzip
import http.server
import mimetypes
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSED = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".map", ".wasm"}
TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript",
         ".whl": "application/zip", ".zip": "application/zip"}


@dataclass(frozen=True)
class Sent:
    path: str
    status: int
    wire: int     # body bytes as sent (gzip where the host compresses)
    raw: int      # the file's own size
    referer: str = ""


class Host:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.log: list[Sent] = []
        self._lock = threading.Lock()
        self._gzipped: dict[tuple[Path, float], bytes] = {}
        host = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

            def do_GET(self) -> None:  # noqa: N802
                host._serve(self)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.url = self.origin + "/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def _file(self, path: str) -> Path | None:
        target = (self.folder / unquote(path).lstrip("/")).resolve()
        if not str(target).startswith(str(self.folder.resolve())):
            return None
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    def _serve(self, request: http.server.BaseHTTPRequestHandler) -> None:
        path = urlsplit(request.path).path
        file = self._file(path)
        if file is not None and file.name == "index.html" and not path.endswith("/") and not path.endswith(".html"):
            request.send_response(301)
            request.send_header("Location", path + "/")
            request.send_header("Content-Length", "0")
            request.end_headers()
            self._record(request, Sent(path, 301, 0, 0))
            return
        if file is None:
            body = b"not found"
            request.send_response(404)
            request.send_header("Content-Type", "text/plain")
            request.send_header("Content-Length", str(len(body)))
            request.end_headers()
            request.wfile.write(body)
            self._record(request, Sent(path, 404, len(body), 0))
            return
        raw = file.read_bytes()
        body = raw
        etag = f'"{file.stat().st_mtime_ns:x}-{len(raw):x}"'
        if request.headers.get("If-None-Match") == etag:  # a revalidation, as GitHub Pages answers it
            request.send_response(304)
            request.send_header("ETag", etag)
            request.send_header("Content-Length", "0")
            request.end_headers()
            self._record(request, Sent(path, 304, 0, len(raw)))
            return
        request.send_response(200)
        request.send_header("ETag", etag)
        if file.suffix in COMPRESSED and "gzip" in request.headers.get("Accept-Encoding", ""):
            body = self.gzipped(file, raw)
            request.send_header("Content-Encoding", "gzip")
        kind = TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        request.send_header("Content-Type", kind)
        request.send_header("Content-Length", str(len(body)))
        request.send_header("Cache-Control", "max-age=600")  # as GitHub Pages sends
        request.end_headers()
        try:
            request.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass
        self._record(request, Sent(path, 200, len(body), len(raw)))

    def gzipped(self, file: Path, raw: bytes) -> bytes:
        key = (file, file.stat().st_mtime)
        if key not in self._gzipped:
            self._gzipped[key] = gzip.compress(raw, compresslevel=6)
        return self._gzipped[key]

    def precompress(self, pattern: str) -> None:
        """Compress ahead, so that the first request for a big file does not wait for this server's gzip."""
        for file in self.folder.glob(pattern):
            if file.is_file() and file.suffix in COMPRESSED:
                self.gzipped(file, file.read_bytes())

    def _record(self, request: http.server.BaseHTTPRequestHandler, sent: Sent) -> None:
        with self._lock:
            self.log.append(Sent(sent.path, sent.status, sent.wire, sent.raw, request.headers.get("Referer", "")))

    def take_log(self) -> list[Sent]:
        with self._lock:
            out, self.log = self.log, []
        return out

    @staticmethod
    def twice(log: list[Sent]) -> list[str]:
        """Paths sent with a body more than once."""
        return sorted(p for p, n in Counter(s.path for s in log if s.status == 200).items() if n > 1)

    def close(self) -> None:
        self.server.shutdown()
