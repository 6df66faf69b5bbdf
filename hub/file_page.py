"""The [[gdpr_file]] marker: the GDPR file page's shell and texts. Its script (hub/static/gdpr-file.js)
reads what this browser keeps and asks Python (the wizards' worker) for the overview, the documents and
the .zip; nothing leaves the browser."""
from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from wizards.documents.file_state import STORAGE_KEYS
from wizards.documents.gdpr_file import MAX_ZIP
from wizards.present.texts import catalogue

STYLE = (
    ".gf [hidden]{display:none!important}.gf-part{margin:.6rem 0}.gf-list{padding-left:1.2rem}"
    ".gf-done::before{content:'\\2713  ';font-weight:700}.gf-todo::before{content:'\\2610  '}"
    ".gf-status{margin:.6rem 0;min-height:1.5em}.gf-actions .md-button{margin:.2rem .4rem .2rem 0}"
)


def render_gdpr_file(lang: str, root: str, lang_root: str, spreadsheet: dict[str, list[str]],
                     hub_assets: str = "assets/hub/") -> str:
    texts = {k[len("file.ui."):]: v for k, v in catalogue(lang).items() if k.startswith("file.ui.")}
    texts["too_big"] = catalogue(lang)["file.error.too_big"]  # said before a huge file is read at all
    data: dict[str, Any] = {
        "lang": lang, "langRoot": lang_root, "texts": texts,
        "keys": STORAGE_KEYS, "maxBytes": MAX_ZIP,
        "colon": "\u202f: " if lang == "fr" else ": ",  # French puts a narrow no-break space before ":"
        # The .docx writer (exports.js, docx-export.js); a fork without it gets the .odt and .md files only.
        "docx": (Path(__file__).parent / "static" / "docx-export.js").exists(),
        # The libraries Python loads on the first download (.odt and .xlsx), as the record page does.
        "libs": {fmt: [f"{root}assets/spreadsheet/{name}" for name in names] for fmt, names in spreadsheet.items()
                 if fmt in ("documents", "xlsx")},
        # This page's own Python (wizards/documents/gdpr_file.py and what it uses), loaded on the first call.
        "pages": [f"{root}assets/spreadsheet/{name}" for name in spreadsheet.get("pages", [])],
    }
    blob = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    e = html.escape
    return (
        f'<div class="gf" id="gf" data-state="loading" data-lang="{lang}">'
        f'<p class="gf-privacy admonition info">{e(texts["private"])}</p>'
        f'<div class="gf-app"></div>'
        f'<noscript><p>{e(texts["no_python"])}</p></noscript></div>\n'
        f'<style>{STYLE}</style>\n'
        f'<script type="application/json" id="gf-data">{blob}</script>\n'
        f'<script type="module" src="{e(root)}{e(hub_assets)}gdpr-file.js"></script>\n'
    )
