"""The [[record]] marker: the record builder's shell, its texts and the sector samples as JSON.

The page's script (hub/static/record.js) draws the forms from this data and asks Python (through
the wizards' worker) for the checks and the documents; the record itself stays in local storage.
"""
from __future__ import annotations

import html
import json
from typing import Any

from wizards.documents.record import ACTIVITY_FIELDS, BOOLEAN_FIELDS, CHECKLIST_POINTS, LEGAL_BASES, ORGANISATION_FIELDS
from wizards.documents.limits import MAX_BYTES
from wizards.documents.sample import from_sector
from wizards.present.texts import catalogue

from .sectors import Sector

# Fields Art. 30(1) asks of a controller (the checker in wizards/documents/record.py says which are
# "where possible"); the page marks them so the visitor sees them before the check runs.
REQUIRED = ("activity", "purpose", "data_subjects", "data_categories", "recipients", "transfers", "retention", "security")
LONG = ("purpose", "data_categories", "recipients", "security", "legitimate_interest", "transfers", "retention",
        "special_condition", "safeguards_copy", "controller_contact", "automated", "source")


STYLE = (
    ".rec fieldset{min-width:0;border:0;padding:0;margin:0}.rec select{max-width:100%}"
    ".rec-field{display:flex;flex-direction:column;gap:.2rem;margin:.5rem 0}"
    ".rec-field input[type=text],.rec-field textarea,.rec-field select{font:inherit;padding:.3rem;border:1px solid var(--md-default-fg-color--light);border-radius:.2rem;max-width:100%}"
    ".rec-bool{flex-direction:row;align-items:flex-start}.rec-req{color:var(--md-accent-fg-color);text-decoration:none}"
    ".rec-row,.rec-supplier{border:1px solid var(--md-default-fg-color--lightest);border-radius:.3rem;padding:.3rem .6rem;margin:.4rem 0}"
    ".rec-row summary,.rec-supplier summary{cursor:pointer;font-weight:700}.rec-danger{border-color:#b00020;color:#b00020}"
    ".rec-doc{border:1px solid var(--md-default-fg-color--lightest);padding:0 1rem}.rec-print-md{white-space:pre-wrap}"
    # A signature box (contract part A): a line per label, with room to sign by hand, on screen and on paper.
    ".doc-signature{border-collapse:collapse;margin:.6rem 0;min-width:60%}.doc-signature caption{text-align:left;font-weight:700}"
    ".doc-signature th,.doc-signature td{border:1px solid currentColor;padding:.5rem;text-align:left}"
    ".doc-signature td{min-width:14rem;height:2rem}"
    ".rec [hidden]{display:none!important}.rec-alert,.rec-broken{margin:.6rem 0}"
    "@media print{.rec[data-print] .rec-app>*:not(.rec-output),.rec-privacy{display:none!important}}"
)


def render_record(lang: str, root: str, lang_root: str, sectors: tuple[Sector, ...], edition: str | None,
                  spreadsheet: dict[str, list[str]], hub_assets: str = "assets/hub/") -> str:
    texts = {k[len("doc."):]: v for k, v in catalogue(lang).items() if k.startswith("doc.")}
    data: dict[str, Any] = {
        "lang": lang, "langRoot": lang_root, "texts": texts,
        "organisation": list(ORGANISATION_FIELDS), "fields": list(ACTIVITY_FIELDS), "booleans": list(BOOLEAN_FIELDS),
        "required": list(REQUIRED), "long": list(LONG), "bases": list(LEGAL_BASES), "points": list(CHECKLIST_POINTS),
        "samples": [{"id": s.id, "name": s.data["name"][lang], "record": from_sector(s.data, lang)} for s in sectors],
        "edition": edition, "limits": {"bytes": MAX_BYTES},
        "spreadsheet": {fmt: [f"{root}assets/spreadsheet/{name}" for name in names] for fmt, names in spreadsheet.items()},
    }
    blob = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    e = html.escape
    return (
        f'<div class="rec" id="rec" data-state="loading" data-lang="{lang}">'
        f'<p class="rec-privacy admonition warning">{e(texts["ui.privacy"])}</p>'
        f'<div class="rec-app"></div>'
        f'<noscript><p>{e(texts["ui.no_python"])}</p></noscript></div>\n'
        f'<style>{STYLE}</style>\n'
        f'<script type="application/json" id="rec-data">{blob}</script>\n'
        f'<script type="module" src="{e(root)}{e(hub_assets)}record.js"></script>\n'
    )
