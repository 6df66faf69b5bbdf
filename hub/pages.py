"""Checks and completes every Markdown page: front matter, sources, review date."""
from __future__ import annotations

import datetime as dt
from typing import Any

LABELS = {
    "nl": {"sources": "Bronnen", "reviewed": "Laatst nagekeken"},
    "fr": {"sources": "Sources", "reviewed": "Dernière vérification"},
    "en": {"sources": "Sources", "reviewed": "Last reviewed"},
}
REQUIRED = ("title", "summary", "reviewed", "sources")


class PageError(ValueError):
    pass


def check_front_matter(meta: dict[str, Any], where: str, source: str | None = None) -> None:
    if not meta and source and source.startswith("---"):
        # MkDocs drops front matter it cannot parse; say why instead of "title missing".
        import yaml

        block = source.split("---", 2)[1]
        try:
            yaml.safe_load(block)
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            line = mark.line + 2 if mark else 1
            raise PageError(f"{where}, line {line}, field (front matter): not valid YAML ({getattr(err, 'problem', err)}); "
                            "put a value that contains ': ' in quotes") from None
    for key in REQUIRED:
        if key not in meta or meta[key] in (None, "", []):
            raise PageError(f"{where}, line 1, field {key}: missing in the front matter (needed: {', '.join(REQUIRED)})")
    reviewed = meta["reviewed"]
    if isinstance(reviewed, str):
        try:
            dt.date.fromisoformat(reviewed)
        except ValueError:
            raise PageError(f"{where}, line 1, field reviewed: expected a date like 2026-11-23, got {reviewed!r}") from None
    elif not isinstance(reviewed, dt.date):
        raise PageError(f"{where}, line 1, field reviewed: expected a date like 2026-11-23")
    if not isinstance(meta["sources"], list) or not all(isinstance(s, str) and s.strip() for s in meta["sources"]):
        raise PageError(f"{where}, line 1, field sources: expected a list of texts (one source per line, starting with '- ')")


def sources_block(meta: dict[str, Any], lang: str) -> str:
    labels = LABELS[lang]
    lines = ["", "", f'<section class="hub-sources" markdown>', "", f"## {labels['sources']}", ""]
    lines += [f"- {source}" for source in meta["sources"]]
    lines += ["", f"<p class=\"hub-reviewed\">{labels['reviewed']}: {meta['reviewed']}</p>", "", "</section>", ""]
    return "\n".join(lines)
