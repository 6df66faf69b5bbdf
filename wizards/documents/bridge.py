"""The record page's calls into Python, through the same worker message as the wizards
(wizards.browser.step with a "document" field). JSON in, JSON out; bad input gives a message."""
from __future__ import annotations

import base64
import json
from typing import Any

# Imported here, not when first needed: in the browser Python starts from a memory snapshot taken
# after importing this module, and modules of the wheel not imported by then cannot be found later.
# The DPIA, GDPR-file and .odt modules are the exception: they are not in the wheel (hub/wheel.py
# ON_DEMAND), so a wizard's first visit does not carry them; each handler below loads them on first use.
from wizards.documents import annexes, imports, notice, pyodide_libs, spreadsheet, tables
from wizards.engine import belgian_time
from wizards.documents.record import RecordError, check, normalise
from wizards.present.texts import t

IMPORTS = {"import": None, "import_csv": "csv", "import_json": "json", "import_spreadsheet": None}
# Payloads that read a file from outside: a parser's blind spot there is a refusal, not a crash.
READS = {*IMPORTS, "file_read"}


def handle(payload: dict[str, Any], lang: str) -> str:
    """Refusals come back as one short sentence in the page's language, never as a traceback."""
    try:
        return json.dumps({"status": "ok", **_run(payload, lang)})
    except RecordError as err:
        return json.dumps({"status": "refused", "message": err.message(lang), "detail": str(err)})
    except Exception as err:  # a file from outside met a parser's blind spot: refuse it, say so briefly
        if payload.get("document") not in READS:
            raise
        return json.dumps({"status": "refused", "message": t(lang, "doc.error.unreadable"), "detail": type(err).__name__})


def _run(payload: dict[str, Any], lang: str) -> dict[str, Any]:
    kind = payload.get("document")
    date = str(payload.get("date") or belgian_time.today().isoformat())
    if kind in IMPORTS:
        return _import(payload, IMPORTS[kind] or str(payload.get("format")), lang)
    if kind in ("file_summary", "file_documents", "file_bundle", "file_read"):
        return _file(kind, payload, date, lang)
    if kind == "normalise":
        return {"record": normalise(payload.get("record"))}
    if kind in ("odt", "doc_json"):
        return _document(payload, kind, lang)
    if isinstance(kind, str) and kind.startswith("dpia_"):
        return _dpia(kind, payload, lang, date)
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
        return {"html": notice.to_html(record, lang, date), "page": notice.to_page(record, lang, date),
                "text": notice.to_markdown(record, lang, date)}
    raise RecordError(f"unknown document {kind!r}", "not_known")


def _dpia(kind: str, payload: dict[str, Any], lang: str, date: str) -> dict[str, Any]:
    """The DPIA page's calls (issue 26, contract C). A DPIA that is not one is refused naming the field."""
    _pages(payload)
    from wizards.documents import dpia
    if kind == "dpia_prefill":
        row = payload.get("row")
        if row is not None and (isinstance(row, bool) or not isinstance(row, int)):
            raise dpia.DpiaError(f"row: expected a row number, got {row!r}", "bad_shape", field="row")
        source = dpia.normalise(payload["dpia"]) if payload.get("dpia") is not None else dpia.blank()
        return {"dpia": dpia.prefill(source, payload.get("record"), row, payload.get("screening"))}
    if kind == "dpia_blank":
        return {"dpia": dpia.blank()}
    if kind == "dpia_catalogue":
        return {"catalogue": dpia.catalogue(lang)}
    item = dpia.normalise(payload.get("dpia"))
    if kind == "dpia_normalise":
        return {"dpia": item}
    if kind == "dpia_check":
        return {"open_points": dpia.open_points(item, lang), "prior_consultation": dpia.prior_consultation(item)}
    if kind == "dpia_markdown":
        return {"text": dpia.to_markdown(item, lang, date), "images": dpia.images(item, lang)}
    if kind == "dpia_html":
        return {"html": dpia.to_html(item, lang, date)}
    if kind == "dpia_review":
        return {"dpia": dpia.review(item, date)}
    raise dpia.DpiaError(f"unknown document {kind!r}", "not_known")


def _import(payload: dict[str, Any], fmt: str, lang: str) -> dict[str, Any]:
    """The record a file holds and, when the page already keeps one, what importing it would change.

    A CSV holds activities only: the organisation, the suppliers and the notice's choice stay, linked
    to the activities of the same name."""
    if "text" in payload:
        data = str(payload["text"]).encode("utf-8")
    else:
        try:
            data = base64.b64decode(str(payload.get("base64", "")), validate=True)
        except ValueError:
            raise RecordError("not base64", "unreadable") from None
    if fmt in ("xlsx", "ods"):
        _libraries(payload, fmt)
    found = imports.read(data, fmt)
    current = payload.get("current")
    if current is None:
        return {"record": found, "changes": ""}
    try:
        current = normalise(current)
    except RecordError:
        return {"record": found, "changes": t(lang, "doc.import.replace_unreadable")}
    counts = {"old_activities": len(current["activities"]), "old_suppliers": len(current["suppliers"]),
              "activities": len(found["activities"]), "suppliers": len(found["suppliers"])}
    if fmt == "csv":
        merged = tables.with_activities(current, found["activities"])
        kept = sum(len(s["activities"]) for s in merged["suppliers"]) + len(merged["notice"]["activities"])
        links = sum(len(s["activities"]) for s in current["suppliers"]) + len(current["notice"]["activities"])
        text = t(lang, "doc.import.replace_csv", **counts)
        if kept < links:
            text += " " + t(lang, "doc.import.links_lost", n=links - kept)
        return {"record": merged, "changes": text}
    return {"record": found, "changes": t(lang, "doc.import.replace", **counts)}


def _file(kind: str, payload: dict[str, Any], date: str, lang: str) -> dict[str, Any]:
    """The GDPR file page (hub/static/gdpr-file.js): `state` is what this browser keeps, per part."""
    _pages(payload)
    from wizards.documents import gdpr_file
    from wizards.documents.file_state import STORAGE_KEYS
    if kind == "file_read":
        return {"state": gdpr_file.read_bundle(_bytes(payload)), "keys": STORAGE_KEYS}
    state = payload.get("state") or {}
    if kind == "file_summary":
        return {"summary": gdpr_file.summary(state, lang, date)}
    if kind == "file_documents":
        return {"documents": gdpr_file.documents(state, lang, date)}
    libs = payload.get("libs")
    if isinstance(libs, dict):  # in the browser: odfpy, markdown-it-py and openpyxl, loaded on this first use
        for fmt, urls in libs.items():
            _libraries({"libs": urls}, str(fmt))
    extra = payload.get("extra") or {}
    if not isinstance(extra, dict):
        raise RecordError("extra: expected file names with their base64", "unreadable")
    files = {str(name): _bytes({"base64": data}) for name, data in extra.items()}
    name = f"{gdpr_file.slug(t(lang, 'file.readme.title'))}-{date}.zip"
    return {"base64": base64.b64encode(gdpr_file.bundle(state, lang, date, files)).decode("ascii"),
            "type": "application/zip", "name": name}


def _bytes(payload: dict[str, Any]) -> bytes:
    try:
        return base64.b64decode(str(payload.get("base64", "")), validate=True)
    except ValueError:
        raise RecordError("not base64", "unreadable") from None


def _document(payload: dict[str, Any], kind: str, lang: str) -> dict[str, Any]:
    """Any document's Markdown as an .odt file, or as the blocks the browser's .docx writer reads."""
    markdown, images = payload.get("markdown"), payload.get("images") or {}
    if not isinstance(markdown, str) or not isinstance(images, dict):
        raise RecordError("a document is Markdown text with a dict of images", "unreadable")
    _libraries(payload, "documents", "doc_library")
    from wizards.documents import blocks, odt
    doc = blocks.from_markdown(markdown, lang=lang, organisation=str(payload.get("organisation") or ""),
                               images={str(k): str(v) for k, v in images.items()})
    if kind == "doc_json":
        return {"doc": doc.to_json()}
    return {"base64": base64.b64encode(odt.write(doc)).decode("ascii"), "type": odt.MEDIA_TYPE}


def _libraries(payload: dict[str, Any], fmt: str, refusal: str = "library") -> None:
    """In the browser the page sends the addresses of the spreadsheet libraries; CPython has them installed."""
    urls = payload.get("libs")
    if urls:
        try:
            pyodide_libs.ensure(fmt, [str(u) for u in urls])
        except (OSError, ImportError) as err:
            raise RecordError(f"the {fmt} library could not be loaded: {err}", refusal) from None


def _pages(payload: dict[str, Any]) -> None:
    """The DPIA and GDPR-file pages send, with every call, the addresses of their Python (not in the
    wheel); it is loaded once. CPython has it installed."""
    _libraries({"libs": payload.get("pages")}, "pages")
