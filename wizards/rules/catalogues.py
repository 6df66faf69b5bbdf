"""Curated catalogues (common cookies, common suppliers) shipped as TOML inside the package."""
from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any


def entries(filename: str, table: str) -> list[dict[str, Any]]:
    """The `[[table]]` entries of a catalogue file next to this module."""
    text = resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")
    return list(tomllib.loads(text)[table])
