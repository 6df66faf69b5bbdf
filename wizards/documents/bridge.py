"""The record page's calls into Python, through the same worker message as the wizards
(wizards.browser.step with a "document" field). JSON in, JSON out; bad input gives a message."""
from __future__ import annotations

import base64
import json
from typing import Any

# Imported here, not when first needed: in the browser Python starts from a memory snapshot taken
# after importing this module, and modules of the wheel not imported by then cannot be found later.
from wizards.documents import annexes, notice, pyodide_libs, spreadsheet, tables
from wizards.engine import belgian_time
from wizards.documents.record import RecordError, check, normalise


def handle(payload: dict[str, Any], lang: str) -> str:
    try:
        return json.dumps({"status": "ok", **_run(payload, lang)})
    except RecordError as err:
        return json.dumps({"status": "refused", "message": str(err)})


def _run(payload: dict[str, Any], lang: str) -> dict[str, Any]:
    kind = payload.get("document")
    date = str(payload.get("date") or belgian_time.today().isoformat())
    if kind == "import_csv":
        return {"record": tables.from_csv(str(payload.get("text", "")))}
    if kind == "import_json":
        try:
            return {"record": normalise(json.loads(str(payload.get("text", ""))))}
        except json.JSONDecodeError as err:
            raise RecordError(f"not JSON: line {err.lineno}, column {err.colno}") from None
    if kind == "import_spreadsheet":
        _libraries(payload, str(payload.get("format")))
        return {"record": spreadsheet.read(base64.b64decode(str(payload.get("base64", ""))), str(payload.get("format")))}
    record = normalise(payload.get("record"))
    if kind == "check":
        gaps = check(record)
        return {"gaps": [{"row": g.row, "field": g.field, "level": g.level, "message": g.message(record, lang)} for g in gaps]}
    if kind == "record_md":
        return {"text": tables.to_markdown(record, lang, date)}
    if kind == "record_csv":
        return {"text": tables.to_csv(record, lang)}
    if kind == "spreadsheet":
        fmt = "ods" if payload.get("format") == "ods" else "xlsx"
        _libraries(payload, fmt)
        return {"base64": base64.b64encode(spreadsheet.write(record, lang, fmt)).decode("ascii"),
                "type": spreadsheet.MEDIA_TYPES[fmt]}
    index = int(payload.get("supplier") or 0)
    if kind == "annexes":
        return {"html": annexes.to_html(record, index, lang, date), "text": annexes.to_markdown(record, index, lang, date)}
    if kind == "checklist":
        return {"text": annexes.checklist_markdown(record, index, lang, date)}
    if kind == "notice":
        return {"html": notice.to_html(record, lang, date), "page": notice.to_page(record, lang, date)}
    raise RecordError(f"unknown document {kind!r}")


def _libraries(payload: dict[str, Any], fmt: str) -> None:
    """In the browser the page sends the addresses of the spreadsheet libraries; CPython has them installed."""
    urls = payload.get("libs")
    if urls:
        try:
            pyodide_libs.ensure(fmt, [str(u) for u in urls])
        except (OSError, ImportError) as err:
            raise RecordError(f"the spreadsheet library could not be loaded: {err}") from None
