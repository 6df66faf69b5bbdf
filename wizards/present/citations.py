"""Legal sources by short id (`gdpr:37.1.a`), resolved per language from citations.toml.

Every article number the site prints comes from that one file, so it is typed once and checked once.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from wizards.present.typography import french


@dataclass(frozen=True)
class Citation:
    id: str
    label: str
    url: str
    # A title quoted in another language than the label's: (its language, its text as the label has it).
    foreign_title: tuple[str, str] | None = None


@lru_cache(maxsize=None)
def _table() -> dict[str, dict[str, str]]:
    # citations.toml holds the shared sources; citations_<wizard>.toml those one wizard adds.
    table: dict[str, dict[str, str]] = {}
    for entry in sorted(resources.files(__package__).iterdir(), key=lambda p: p.name):
        if entry.name.startswith("citations") and entry.name.endswith(".toml"):
            for key, value in tomllib.loads(entry.read_text(encoding="utf-8")).items():
                if key in table:
                    raise ValueError(f"{entry.name}: citation {key!r} is defined twice")
                table[key] = value
    return table


def known() -> frozenset[str]:
    return frozenset(_table())


def cite(citation_id: str, lang: str) -> Citation:
    entry = _table()[citation_id]
    url = entry.get(f"url_{lang}", entry.get("url", "")).replace("{LANG}", lang.upper())
    label = french(entry[lang]) if lang == "fr" else entry[lang]
    title = entry.get("title")
    foreign = None
    # A label may name the source in its own words instead of quoting the title (Dutch labels do).
    if title and title["lang"] != lang and title["text"] in label:
        foreign = (title["lang"], title["text"])
    return Citation(citation_id, label, url, foreign)
