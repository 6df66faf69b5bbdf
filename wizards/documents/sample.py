"""A sector's sample register (sectors/<id>/sector.yml, already loaded) as the starting record.

Only plain dicts come in, so this runs in the browser too; reading the YAML stays on the build side.
"""
from __future__ import annotations

import re
from typing import Any

from wizards.documents.record import blank_activity, blank_record, normalise

def _pick(value: Any, lang: str) -> str:
    return value.get(lang, "") if isinstance(value, dict) else str(value or "")


def from_sector(data: dict[str, Any], lang: str) -> dict[str, Any]:
    record = blank_record()
    for entry in data.get("register", []):
        row = blank_activity()
        for key in ("activity", "purpose", "data_subjects", "data_categories", "recipients", "retention", "security"):
            row[key] = _pick(entry.get(key), lang)
        row["legal_basis"] = entry.get("legal_basis", "")
        row["retention_source"] = _pick(entry.get("retention_source"), lang)
        row["special_condition"] = _pick(entry.get("special_condition"), lang)
        row["special_data"] = bool(entry.get("special_data", False))
        row["monitoring"] = bool(entry.get("monitoring", False))
        record["activities"].append(row)
    english = [_pick(entry.get("recipients"), "en") for entry in data.get("register", [])]
    for supplier in data.get("suppliers", []):
        if supplier.get("role") == "processor":
            rows = _rows_for(_pick(supplier.get("supplier"), "en"), english)
            name = _pick(supplier.get("supplier"), lang)
            record["suppliers"].append({"name": name, "activities": rows})
            for i in rows:  # the row names its processors, so the page links it to the processor wizard
                row = record["activities"][i]
                row["processors"] = f"{row['processors']}; {name}" if row["processors"] else name
    return normalise(record)


# Words too common in supplier names to tie a supplier to a row.
GENERIC = {"supplier", "suppliers", "company", "service", "services", "provider", "office", "access", "images",
           "instructions", "delivers", "camera", "cameras", "through", "external", "maintenance"}


def _words(text: str) -> set[str]:
    text = text.lower().replace("social security", "")  # the public office, not a security company
    return {w for w in re.findall(r"[a-z]{6,}", text) if w not in GENERIC}


def _rows_for(name: str, recipients: list[str]) -> list[int]:
    """The rows whose recipients name this supplier, matched on the English texts so that every
    language gets the same rows: a shared distinctive word of six letters or more ("software" in
    "Pharmacy software supplier" and "software supplier (processor)"). A starting point only: the
    visitor corrects it on the page, and the annexes list the rows they cover."""
    wanted = _words(name)
    return [i for i, text in enumerate(recipients) if wanted & _words(text)]
