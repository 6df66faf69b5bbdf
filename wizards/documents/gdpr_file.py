"""The GDPR file: everything this browser keeps, shown as one overview, written as documents, and
packed as one .zip that the page can read back.

Made only from the stored state (file_state.py); it never says that something is in place unless
the visitor's own data say so, and what is not there is listed as work to do, with the page where it
is done (a path relative to the language's root, as the site's links are).
"""
from __future__ import annotations

import datetime as dt
import io
import json
import re
import unicodedata
import zipfile
from typing import Any

from wizards.documents import annexes, blocks, dpia, notice, odt, spreadsheet, tables
from wizards.documents.file_state import (FORMAT, STORAGE_KEYS, WIZARD_IDS, FileError, normalise, readable)
from wizards.documents.imports import depth
from wizards.documents.limits import MAX_DEPTH
from wizards.documents.record import CHECKLIST_POINTS, check
from wizards.documents.text import colon, md
from wizards.present.render import to_markdown as result_markdown
from wizards.present.texts import t

# The five wizards that answer "what must be in place"; breach and requests are for the days
# something happens, so an unanswered one is no work to do: their last results are the log entries.
IN_PLACE = ("register", "dpo", "dpia", "processor", "cookies")
LOGS = ("breach", "requests")
PAGE = {"register": "wizards/register/", "dpo": "wizards/dpo/", "dpia": "wizards/dpia/", "processor": "wizards/processor/",
        "cookies": "wizards/cookies/", "breach": "wizards/breach/", "requests": "wizards/requests/",
        "record": "wizards/record/", "dpia_builder": "wizards/dpia-builder/", "profile": "wizards/"}
JSON_NAME = "gdpr-file.json"
# A file's whole state is a few MB at most (a record of 2,000 rows is about 3 MB as JSON); the .zip
# around it also holds the documents, so it may be larger, but only gdpr-file.json is ever inflated.
MAX_ZIP = 60_000_000
MAX_JSON = 20_000_000
ODT = "application/vnd.oasis.opendocument.text"


# ---- the overview ----------------------------------------------------------------------------------
def summary(state: dict[str, Any], lang: str, date: str = "") -> dict[str, Any]:
    """What the page shows: each part done or not, and the work still to do, each with its link."""
    state, broken = readable(state)
    today = date or dt.date.today().isoformat()
    missing: list[dict[str, str]] = []
    results = state["results"]

    wizards = []
    for wizard in IN_PLACE:
        entry = results.get(wizard)
        wizards.append({"id": wizard, "title": t(lang, f"{wizard}.title"), "link": PAGE[wizard], "answered": entry is not None,
                        "date": _date(entry), "verdict": _verdict(entry, lang)})
        if entry is None:
            missing.append({"text": t(lang, "file.todo.wizard", title=t(lang, f"{wizard}.title")), "link": PAGE[wizard]})

    if not state["profile"]:
        missing.append({"text": t(lang, "file.todo.profile"), "link": PAGE["profile"]})

    rec = state["record"]
    record_part: dict[str, Any] = {"present": rec is not None, "link": PAGE["record"], "open": []}
    suppliers = []
    if rec is None:
        missing.append({"text": t(lang, "file.todo.record"), "link": PAGE["record"]})
    else:
        gaps = check(rec)
        record_part.update(organisation=rec["organisation"]["name"], activities=len(rec["activities"]),
                           suppliers=len(rec["suppliers"]), open=[g.message(rec, lang) for g in gaps])
        if not rec["activities"]:
            missing.append({"text": t(lang, "file.todo.record_empty"), "link": PAGE["record"]})
        if gaps:
            missing.append({"text": t(lang, "file.todo.record_open", n=len(gaps)), "link": PAGE["record"]})
        for i, supplier in enumerate(rec["suppliers"]):
            name = supplier["name"] or t(lang, "file.unnamed_supplier", n=i + 1)
            annex_done = annex_complete(rec, i, lang)
            unticked = [p for p in CHECKLIST_POINTS if not supplier["checklist"][p]]
            suppliers.append({"name": name, "annex": annex_done, "checklist": not unticked, "link": PAGE["record"]})
            if not annex_done:
                missing.append({"text": t(lang, "file.todo.annex", name=name), "link": PAGE["record"]})
            if unticked:
                missing.append({"text": t(lang, "file.todo.checklist", name=name, n=len(unticked), total=len(CHECKLIST_POINTS)),
                                "link": PAGE["record"]})

    dpias = []
    items = state["dpias"]["items"] if state["dpias"] else []
    for n, item in enumerate(items, start=1):
        title = item["title"] or t(lang, "file.unnamed_dpia", n=n)
        points = dpia.open_points(item, lang)
        decision = item["validation"]["decision"]
        review = item["validation"]["next_review"]
        dpias.append({"title": title, "example": item["example"], "decision": decision,
                      "decision_label": t(lang, f"file.decision.{decision or 'none'}"), "decided_on": item["validation"]["decided_on"],
                      "next_review": review, "open": len(points), "link": PAGE["dpia_builder"]})
        if points:
            missing.append({"text": t(lang, "file.todo.dpia_open", title=title, n=len(points)), "link": PAGE["dpia_builder"]})
        if review and review < today:
            missing.append({"text": t(lang, "file.todo.dpia_review", title=title, date=review), "link": PAGE["dpia_builder"]})
    screening = results.get("dpia")
    if screening and "record" in screening and screening["record"]["verdict"] == "required" and not items:
        missing.append({"text": t(lang, "file.todo.dpia_none"), "link": PAGE["dpia_builder"]})

    logs = []
    for wizard in LOGS:
        entry = results.get(wizard)
        if entry:
            sections = entry["record"].get("sections", []) if "record" in entry else []
            lines = [line for section in sections if isinstance(section, dict)
                     for line in section.get("lines", []) if isinstance(line, str)]
            logs.append({"id": wizard, "title": t(lang, f"{wizard}.title"), "date": _date(entry),
                         "verdict": _verdict(entry, lang), "lines": lines, "link": PAGE[wizard]})

    return {"note": t(lang, "file.only_here"), "wizards": wizards, "record": record_part, "suppliers": suppliers,
            "dpias": dpias, "logs": logs, "missing": missing,
            "broken": [t(lang, "file.broken", part=part) for part in broken],
            "empty": all(state[k] in (None, {}) for k in STORAGE_KEYS)}


def _date(entry: dict[str, Any] | None) -> str:
    return entry["record"]["date"] if entry and "record" in entry else ""


def _verdict(entry: dict[str, Any] | None, lang: str) -> str:
    """The verdict line; of a result an earlier page kept as Markdown, its first line of text."""
    if entry is None:
        return ""
    if "record" in entry:
        return verdict_line(entry["record"], lang)
    lines = [line.strip().lstrip("-* ").replace("*", "") for line in entry["md"].splitlines()]
    return next((line for line in lines if line and not line.startswith("#")), "")[:200]


def verdict_line(result: dict[str, Any], lang: str) -> str:
    """The verdict as the result's heading says it: the label, then the conclusion unless it repeats it."""
    label, conclusion = result["verdict_label"].strip(), result["conclusion"].strip()
    if conclusion.casefold().startswith(label.casefold()):
        return conclusion
    return f"{label}{':' if lang != 'fr' else chr(0x202F) + ':'} {conclusion}" if conclusion else label


def annex_complete(rec: dict[str, Any], index: int, lang: str) -> bool:
    """The annexes need nothing more from the visitor: no "[to fill in]" is left in them (the processor's DPO
    is asked "if it has one", so that blank alone does not count)."""
    keys = ("doc.annex.to_fill", "doc.annex.language_fill", "doc.annex.sensitive_fill", "doc.annex.iv_none")
    blanks = [t(lang, key) for key in keys]
    texts = [text for _, items in annexes.sections(rec, index, lang) for _, text in items]
    return not any(blank in text for blank in blanks for text in texts)


# ---- the documents ---------------------------------------------------------------------------------
def documents(state: dict[str, Any], lang: str, date: str) -> list[dict[str, Any]]:
    """Every document of the file, as Markdown with its images: {name, markdown, images, organisation}.
    A stored part that does not read is left out (the overview names it) rather than blocking the rest."""
    state = readable(state)[0]
    rec = state["record"]
    organisation = (rec["organisation"]["name"] if rec else "") or state["profile"].get("org_name", "")
    docs: list[dict[str, Any]] = []

    def add(name: str, markdown: str, images: dict[str, str] | None = None) -> None:
        docs.append({"name": f"{len(docs) + 1:02d}-{slug(name)}", "markdown": markdown, "images": images or {},
                     "organisation": organisation})

    if rec is not None:
        add(t(lang, "doc.ui.file_record"), tables.to_markdown(rec, lang, date))
        for i, supplier in enumerate(rec["suppliers"]):
            who = supplier["name"] or str(i + 1)
            add(f"{t(lang, 'doc.ui.file_annexes')}-{who}", annexes.to_markdown(rec, i, lang, date))
            add(f"{t(lang, 'doc.ui.file_checklist')}-{who}", annexes.checklist_markdown(rec, i, lang, date))
        if rec["activities"] and rec["role"] == "controller":
            add(t(lang, "doc.ui.file_notice"), notice.to_markdown(rec, lang, date))
    for wizard in WIZARD_IDS:
        entry = state["results"].get(wizard)
        if entry and "record" in entry:
            add(f"{t(lang, 'file.name.result')}-{wizard}", result_markdown(entry["record"], entry["lang"]))
        elif entry:  # kept as Markdown by an earlier page: its text, escaped line by line, under the wizard's title
            text = "\n".join(md(line) for line in entry["md"].splitlines())
            add(f"{t(lang, 'file.name.result')}-{wizard}", f"# {md(t(lang, f'{wizard}.title'))}\n\n{text}\n")
    for n, item in enumerate(state["dpias"]["items"] if state["dpias"] else [], start=1):
        add(f"dpia-{item['title'] or n}", dpia.to_markdown(item, lang, date), dpia.images(item, lang))
    return docs


def slug(text: str) -> str:
    """A file-name part: no accents, lower case, words joined by hyphens (as the record page names files)."""
    plain = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].rstrip("-") or "document"


# ---- the .zip --------------------------------------------------------------------------------------
def bundle(state: dict[str, Any], lang: str, date: str, extra: dict[str, bytes]) -> bytes:
    """The whole file: each document as .odt and .md, the record as .xlsx, the .docx files the browser
    made (`extra`), a README.txt in the visitor's language and gdpr-file.json (the state, to re-open).
    Like documents(), it holds every part that reads."""
    state = readable(state)[0]
    docs = documents(state, lang, date)
    stamp = _zip_time(date)
    out = io.BytesIO()
    listing: list[str] = []
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        def put(name: str, data: bytes | str, what: str = "") -> None:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
            if what:
                listing.append(f"- {name}{colon(lang)} {what}")

        for doc in docs:
            title = _title(doc["markdown"])
            put(f"{doc['name']}.odt", odt.write(blocks.from_markdown(doc["markdown"], lang=lang, organisation=doc["organisation"],
                                                                     images=doc["images"])), title)
            # Beside the .md, each picture under the document's own name, and the .md pointing at it.
            markdown = doc["markdown"]
            for image, svg in doc["images"].items():
                put(f"{doc['name']}-{image}", svg)
                markdown = markdown.replace(f"]({image})", f"]({doc['name']}-{image})")
            put(f"{doc['name']}.md", markdown, title + " (Markdown)")
        for name, data in sorted(extra.items()):
            # The browser names each .docx after its document; anything else in a name is dropped, so a
            # name from the page can never point outside the zip's top folder.
            base = re.sub(r"[^a-z0-9-]", "", name.rsplit("/", 1)[-1].removesuffix(".docx").lower())[:100] or "document"
            if name.endswith(".docx"):
                put(f"{base}.docx", data, t(lang, "file.readme.docx"))
        if state["record"] is not None:
            put(f"{slug(t(lang, 'doc.ui.file_record'))}.xlsx", spreadsheet.write(state["record"], lang, "xlsx"),
                t(lang, "file.readme.xlsx"))
        put(JSON_NAME, json.dumps({"format": FORMAT, "date": date, "state": state}, ensure_ascii=False, indent=1),
            t(lang, "file.readme.json"))
        put("README.txt", readme(lang, date, listing, docx=any(name.endswith(".docx") for name in extra)))
    return out.getvalue()


def readme(lang: str, date: str, listing: list[str], docx: bool) -> str:
    intro = t(lang, "file.readme.intro") + (" " + t(lang, "file.readme.docx_made") if docx else "")
    return "\n".join([t(lang, "file.readme.title"), "", t(lang, "file.readme.date", date=date), "",
                      intro, "", *listing, "", t(lang, "file.readme.reopen"), "",
                      t(lang, "file.readme.private"), ""]).replace("\n", "\r\n")


def _title(markdown: str) -> str:
    first = next((line for line in markdown.splitlines() if line.startswith("# ")), "")
    return first[2:].replace("\\", "").strip()


def _zip_time(date: str) -> tuple[int, int, int, int, int, int]:
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        day = dt.date(1980, 1, 1)
    return (max(day.year, 1980), day.month, day.day, 12, 0, 0)


def read_bundle(data: bytes) -> dict[str, Any]:
    """The state a GDPR file holds. Only gdpr-file.json is read, and only after its declared size is
    checked (Python's zip reader never inflates beyond it); everything in it is normalised again."""
    if len(data) > MAX_ZIP:
        raise FileError(f"{len(data)} bytes; at most {MAX_ZIP}", "too_big", size=_mb(len(data)), limit=_mb(MAX_ZIP))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        info = archive.getinfo(JSON_NAME)
    except KeyError:
        raise FileError(f"no {JSON_NAME} in the zip", "no_json") from None
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise FileError("not a zip file", "not_zip") from None
    if info.file_size > MAX_JSON:
        raise FileError(f"{JSON_NAME}: {info.file_size} bytes unpacked; at most {MAX_JSON}", "too_big",
                        size=_mb(info.file_size), limit=_mb(MAX_JSON))
    try:
        with archive.open(info) as part:
            raw = part.read(MAX_JSON + 1)
        text = raw.decode("utf-8")
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError, RuntimeError, OSError):
        raise FileError(f"{JSON_NAME} cannot be unpacked", "not_zip") from None
    if depth(text) > MAX_DEPTH:
        raise FileError(f"nested more than {MAX_DEPTH} levels", "bad_json")
    try:
        content = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        raise FileError(f"{JSON_NAME} is not JSON", "bad_json") from None
    if not isinstance(content, dict) or content.get("format") != FORMAT or not isinstance(content.get("state"), dict):
        raise FileError(f"{JSON_NAME} is not a GDPR file of this site", "bad_json")
    return normalise(content["state"])


def _mb(size: int) -> float:
    return round(size / 1_000_000, 1)
