"""Legal sources by short id (`gdpr:37.1.a`), resolved per language from citations.toml.

Every article number the site prints comes from that one file, so it is typed once and checked once.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Citation:
    id: str
    label: str
    url: str


@lru_cache(maxsize=None)
def _table() -> dict[str, dict[str, str]]:
    text = resources.files(__package__).joinpath("citations.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def known() -> frozenset[str]:
    return frozenset(_table())


def cite(citation_id: str, lang: str) -> Citation:
    entry = _table()[citation_id]
    url = entry.get(f"url_{lang}", entry.get("url", "")).replace("{LANG}", lang.upper())
    return Citation(citation_id, entry[lang], url)
