"""Question, help and explanation texts: one TOML file per language, flat dotted keys.

TOML because it is in the standard library (the package must import nothing else in the browser)
and a translator can edit it without knowing Python.
"""
from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from wizards.present.typography import french

LANGUAGES = ("nl", "fr", "en")
DEFAULT_LANGUAGE = "nl"
# In the browser the DPIA and GDPR-file pages' Python, texts included, arrives after Python started
# (wizards/documents/pyodide_libs.py): its text folder is added here, outside the package's own.
_LATER: list[Path] = []


def add_folder(folder: Path) -> None:
    if folder not in _LATER:
        _LATER.append(folder)
        catalogue.cache_clear()


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        full = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, full + "."))
        else:
            flat[full] = str(value)
    return flat


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict[str, str]:
    if lang not in LANGUAGES:
        raise KeyError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    flat: dict[str, str] = {}
    entries = [*resources.files(__package__).joinpath("texts").iterdir(), *(p for f in _LATER for p in f.iterdir())]
    for entry in sorted(entries, key=lambda p: p.name):
        # texts/<lang>.toml holds the interface; texts/<wizard>.<lang>.toml one wizard each.
        if entry.name == f"{lang}.toml" or entry.name.endswith(f".{lang}.toml"):
            flat.update(_flatten(tomllib.loads(entry.read_text(encoding="utf-8"))))
    if lang == "fr":
        # Writers type ordinary spaces; the visitor gets French spacing that never strands a "?".
        flat = {key: french(text) for key, text in flat.items()}
    return flat


def t(lang: str, key: str, **params: Any) -> str:
    text = catalogue(lang)[key]
    return text.format(**params) if params else text


def has(lang: str, key: str) -> bool:
    return key in catalogue(lang)
