"""Bytes a static host would send for one page (gzip, level 6), without the search index."""
from __future__ import annotations

import gzip
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.urls.append(a["src"] or "")
        if tag == "link" and a.get("rel") in ("stylesheet", "icon") and a.get("href"):
            self.urls.append(a["href"] or "")
        if tag == "img" and a.get("src"):
            self.urls.append(a["src"] or "")


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def page_weight(site: Path, page: str, extra: list[str] = ()) -> tuple[int, dict[str, int]]:
    """Compressed bytes of a page's HTML and the scripts, styles and images it references directly."""
    html_path = site / page / "index.html"
    parts = {page: _gz(html_path.read_bytes())}
    parser = _Assets()
    parser.feed(html_path.read_text(encoding="utf-8"))
    base = "http://x/" + page
    for url in list(parser.urls) + list(extra):
        target = urlparse(urljoin(base, url)).path.lstrip("/")
        file = site / target
        if file.is_file() and target not in parts:
            parts[target] = _gz(file.read_bytes())
    return sum(parts.values()), parts


def _module_imports(site: Path, script: str) -> list[str]:
    text = (site / script).read_text(encoding="utf-8")
    return re.findall(r'import\s+[^"\']*["\']([^"\']+)["\']', text)
