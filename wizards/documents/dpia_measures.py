"""The catalogue of common DPIA measures (dpia_measures.toml): which risks each lowers and the sectors
where it matters most. Its words and its source are texts (dpiadoc.measure.* and dpiadoc.measure_source.*)."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from wizards.present.texts import t


@lru_cache(maxsize=None)
def measures() -> dict[str, dict[str, Any]]:
    # Beside this file, not through the package: in the browser it arrives later, in a folder of its own.
    text = Path(__file__).with_name("dpia_measures.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def measure_source(measure_id: str, lang: str) -> str:
    """The article or guideline that asks for a catalogue measure, in the visitor's language."""
    return t(lang, f"dpiadoc.measure_source.{measure_id}") if measure_id in measures() else ""
