"""The record as tables: semicolon CSV, Markdown, and the sheets a spreadsheet file holds.

Belgian offices run Excel and LibreOffice with a locale whose list separator is the semicolon, so a
comma CSV opens as one column there; the byte-order mark makes Excel read the file as UTF-8.
Imports accept the column titles of any of the three languages, so a file travels between offices.
"""
from __future__ import annotations

import csv
import io
from typing import Any

from wizards.present.texts import LANGUAGES, t
from wizards.documents.record import (ACTIVITY_FIELDS, AUTHORISATIONS, BOOLEAN_FIELDS, CHECKLIST_POINTS, LEGAL_BASES, ORGANISATION_FIELDS, FORMAT, ROLES,
                                      SUPPLIER_LABELS, Place, RecordError, blank_record, check, normalise)
from wizards.documents.limits import check_columns, check_rows
from wizards.documents.text import cell, colon, md, stamp, yes_no

SUPPLIER_COLUMNS = ("name", "address", "contact", "dpo", "activities", "nature", "duration", "measures", "safeguards",
                    "assistance", "subprocessors", "authorisation", "period", "language", "docking") + tuple(
                    f"checklist.{p}" for p in CHECKLIST_POINTS)
# Cells a spreadsheet would run as a formula; written with a leading apostrophe, read back without.
FORMULA_START = ("=", "+", "-", "@")


def _safe(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


def _unsafe(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:2] in FORMULA_START and value[1:2] else value


def activity_header(lang: str) -> list[str]:
    return [t(lang, f"doc.field.{f}") for f in ACTIVITY_FIELDS]


def activity_rows(record: dict[str, Any], lang: str) -> list[list[str]]:
    return [activity_header(lang)] + [[cell(row, f, lang) for f in ACTIVITY_FIELDS] for row in record["activities"]]


def _field_for_title() -> dict[str, str]:
    titles: dict[str, str] = {}
    for lang in LANGUAGES:
        for f in ACTIVITY_FIELDS:
            titles[t(lang, f"doc.field.{f}").casefold()] = f
    titles.update({f: f for f in ACTIVITY_FIELDS})
    return titles


def _basis_for_label() -> dict[str, str]:
    labels = {code: code for code in LEGAL_BASES}
    for lang in LANGUAGES:
        labels.update({t(lang, f"doc.basis.{code}").casefold(): code for code in LEGAL_BASES})
    return labels


def activities_from_rows(rows: list[list[str]], lines: list[int] | None = None) -> list[dict[str, Any]]:
    """Rows with a header line (titles in any language, or field ids) back to activity dicts.

    `lines` gives each row's line in the file (a CSV cell may span lines), so an error names it."""
    lines = lines or list(range(1, len(rows) + 1))
    kept = [(r, n) for r, n in zip(rows, lines) if any(str(c).strip() for c in r)]
    if not kept:
        return []
    titles, bases = _field_for_title(), _basis_for_label()
    (first, _), body = kept[0], kept[1:]
    header = [str(c).strip().lstrip("\ufeff").casefold() for c in first]
    unknown = [str(first[i]).strip() for i, h in enumerate(header) if h and h not in titles]
    if unknown:
        raise RecordError(f"unknown column {unknown[0]!r}; expected the columns of an exported record",
                          "unknown_column", name=unknown[0][:60])
    fields = [titles.get(h) for h in header]
    if "activity" not in fields:
        raise RecordError("no column for the activity", "no_activity_column")
    out = []
    for raw, n in body:
        row: dict[str, Any] = {}
        extra = [v for v in raw[len(fields):] if str(v if v is not None else "").strip()]
        if extra:
            raise RecordError(f"line {n}: more values than columns", "extra_values", line=n)
        for field, value in zip(fields, raw):
            if field is None:
                continue
            text = _unsafe(str(value if value is not None else "").strip())
            if field == "legal_basis" and text:
                if text.casefold() not in bases:
                    raise RecordError(f"line {n}, {field}: unknown legal basis {text!r}", "unknown_basis",
                                      where=Place("line", n, field), value=text[:40])
                text = bases[text.casefold()]
            row[field] = text
        out.append(row)
    return out


def to_csv(record: dict[str, Any], lang: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows([[_safe(c) for c in row] for row in activity_rows(record, lang)])
    return "\ufeff" + buffer.getvalue()


def from_csv(text: str) -> dict[str, Any]:
    """A CSV holds the activities only; the organisation and suppliers travel in JSON or a spreadsheet.

    Read strictly: a quotation mark never closed would otherwise fold the rest of the file into one
    cell, and the visitor would never know."""
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    rows: list[list[str]] = []
    lines: list[int] = []
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error:
            raise RecordError(f"line {start}: a quotation mark is not closed", "csv_quote", line=start) from None
        check_columns(len(row), start)
        rows.append(row)
        lines.append(start)
        check_rows(len(rows))
    record = blank_record()
    record["activities"] = activities_from_rows(rows, lines)
    return normalise(record)


def with_activities(record: dict[str, Any], activities: list[dict[str, Any]]) -> dict[str, Any]:
    """The record with its activities replaced (a CSV import): a supplier or the notice stays linked
    to an activity when the new list has one of the same name, and loses the link otherwise."""
    names: dict[str, int] = {}
    for i, row in enumerate(activities):
        names.setdefault(row["activity"].casefold(), i)

    def relink(indices: list[int]) -> list[int]:
        old = [record["activities"][i]["activity"].casefold() for i in indices]
        return sorted({names[name] for name in old if name and name in names})

    merged = {**record, "activities": activities,
              "suppliers": [{**s, "activities": relink(s["activities"])} for s in record["suppliers"]],
              "notice": {"activities": relink(record["notice"]["activities"])}}
    return normalise(merged)


def organisation_rows(record: dict[str, Any], lang: str) -> list[list[str]]:
    org = record["organisation"]
    return [[t(lang, f"doc.field.{f}"), org[f]] for f in ORGANISATION_FIELDS]


# Sheet names of files exported before they were in the visitor's language; still read.
SHEETS = ("record", "organisation", "suppliers", "about")
ENGLISH_SHEETS = {"record": "Record", "organisation": "Organisation", "suppliers": "Suppliers", "about": "About"}


def sheet_name(part: str, lang: str) -> str:
    return t(lang, f"doc.sheet.{part}")


def supplier_header(lang: str) -> list[str]:
    return [t(lang, f"doc.{key}") for key in _column_keys().values()]


def supplier_rows(record: dict[str, Any], lang: str) -> list[list[str]]:
    """Suppliers with their Art. 28(3) ticks, every title and value in the visitor's language; any
    language's titles and values (and the field ids of earlier files) read back."""
    rows = [supplier_header(lang)]
    for s in record["suppliers"]:
        line = []
        for col in SUPPLIER_COLUMNS:
            if col == "activities":
                line.append(",".join(str(i + 1) for i in s["activities"]))
            elif col == "docking":
                line.append(yes_no(s["docking"], lang))
            elif col == "authorisation":
                line.append(t(lang, f"doc.annex.option_{s['authorisation']}"))
            elif col.startswith("checklist."):
                line.append(yes_no(s["checklist"][col.split(".", 1)[1]], lang))
            else:
                line.append(s[col])
        rows.append(line)
    return rows


def about_rows(record: dict[str, Any], lang: str) -> list[list[str]]:
    return [[t(lang, "doc.sheet.format"), FORMAT],
            [t(lang, "doc.ui.role"), t(lang, f"doc.ui.role_{record['role']}")],
            [t(lang, "doc.ui.notice_pick"), ",".join(str(i + 1) for i in record["notice"]["activities"])]]


def sheets(record: dict[str, Any], lang: str) -> dict[str, list[list[str]]]:
    """The sheets of a spreadsheet export, in order, named in the visitor's language."""
    return {sheet_name("record", lang): activity_rows(record, lang),
            sheet_name("organisation", lang): organisation_rows(record, lang),
            sheet_name("suppliers", lang): supplier_rows(record, lang),
            sheet_name("about", lang): about_rows(record, lang)}


def _words(keys: dict[str, str]) -> dict[str, str]:
    """{text in any language, casefolded: id} for {id: text key under doc.}; the ids themselves too."""
    out = {k.casefold(): k for k in keys}
    for lang in LANGUAGES:
        out.update({t(lang, f"doc.{key}").casefold(): k for k, key in keys.items()})
    return out


def _sheet(book: dict[str, list[list[Any]]], part: str) -> list[list[Any]] | None:
    names = {sheet_name(part, lang).casefold() for lang in LANGUAGES} | {ENGLISH_SHEETS[part].casefold()}
    return next((rows for name, rows in book.items() if name.strip().casefold() in names), None)


def from_sheets(book: dict[str, list[list[Any]]]) -> dict[str, Any]:
    """The inverse of `sheets`, for a workbook read back by any spreadsheet library."""
    def text(v: Any) -> str:
        return "" if v is None else str(v)

    activity_sheet = _sheet(book, "record")
    if activity_sheet is None:
        raise RecordError(f"no sheet of activities; sheets: {', '.join(book)}", "no_sheet", names=", ".join(book)[:80])
    record = blank_record()
    record["activities"] = activities_from_rows([[text(c) for c in r] for r in activity_sheet])
    org_titles = {t(lang, f"doc.field.{f}").casefold(): f for lang in LANGUAGES for f in ORGANISATION_FIELDS}
    for row in _sheet(book, "organisation") or []:
        if row and text(row[0]).strip().casefold() in org_titles:
            record["organisation"][org_titles[text(row[0]).strip().casefold()]] = _unsafe(text(row[1] if len(row) > 1 else ""))
    columns = _words(_column_keys())
    authorisations = _words({a: f"annex.option_{a}" for a in AUTHORISATIONS})
    supplier_sheet = [[text(c) for c in r] for r in (_sheet(book, "suppliers") or []) if any(text(c) for c in r)]
    if supplier_sheet:
        header = [columns.get(title.strip().casefold(), title) for title in supplier_sheet[0]]
        unknown = [title for title in header if title and title not in SUPPLIER_COLUMNS]
        if unknown:
            raise RecordError(f"unknown column {unknown[0]!r} on the suppliers sheet", "unknown_column", name=unknown[0][:60])
        for raw in supplier_sheet[1:]:
            supplier: dict[str, Any] = {"checklist": {}}
            for col, value in zip(header, raw):
                value = _unsafe(value)
                if col.startswith("checklist."):
                    supplier["checklist"][col.split(".", 1)[1]] = value
                elif col == "activities":
                    supplier[col] = [int(v) - 1 for v in value.split(",") if v.strip().isdigit()]
                elif col == "authorisation":
                    supplier[col] = authorisations.get(value.strip().casefold(), value)
                elif col:
                    supplier[col] = value
            record["suppliers"].append(supplier)
    about_titles = _words({"format": "sheet.format", "role": "ui.role", "notice": "ui.notice_pick"})
    about = {about_titles.get(text(r[0]).strip().casefold(), ""): text(r[1]) for r in _sheet(book, "about") or [] if len(r) >= 2}
    roles = _words({role: f"ui.role_{role}" for role in ROLES})
    role = about.get("role", "").strip()
    record["role"] = roles.get(role.casefold(), role) or "controller"
    record["notice"] = {"activities": [int(v) - 1 for v in about.get("notice", "").split(",") if v.strip().isdigit()]}
    return normalise(record)


def _column_keys() -> dict[str, str]:
    """The text key of each supplier column's title (under doc.)."""
    return {col: ("annex.point." + col.split(".", 1)[1] if col.startswith("checklist.")
                  else SUPPLIER_LABELS.get(col, f"sheet.{col}")) for col in SUPPLIER_COLUMNS}


def to_markdown(record: dict[str, Any], lang: str, date: str) -> str:
    processor = record["role"] == "processor"
    title = t(lang, "doc.record.title_processor" if processor else "doc.record.title")
    lines = [f"# {title}", "", t(lang, "doc.record.intro_processor" if processor else "doc.record.intro"), "",
             f"*{stamp(date, lang)}*", "", f"## {t(lang, 'doc.organisation')}", ""]
    lines += [f"- **{label}{colon(lang)}** {md(value)}" for label, value in organisation_rows(record, lang) if value]
    lines += ["", f"## {t(lang, 'doc.record.activities')}", ""]
    skip = {"controller", "controller_contact"} if not processor else set()
    for n, row in enumerate(record["activities"], start=1):
        lines += [f"### {n}. {md(row['activity'] or t(lang, 'doc.unnamed'))}", ""]
        for f in ACTIVITY_FIELDS[1:]:
            # An unticked "data from others" is no answer, so the record does not print it as "no".
            if f in skip or (not row[f] and (f not in BOOLEAN_FIELDS or f == "indirect")):
                continue
            lines.append(f"- **{t(lang, f'doc.field.{f}')}{colon(lang)}** {md(cell(row, f, lang))}")
        if not processor and (row["indirect"] or row["source"]):  # Art. 14(3): the deadline stays in sight
            lines.append(f"- **{t(lang, 'doc.record.inform')}{colon(lang)}** {t(lang, 'doc.record.inform_text')}")
        lines.append("")
    if record["suppliers"]:
        lines += [f"## {t(lang, 'doc.record.suppliers')}", ""]
        for s in record["suppliers"]:
            lines += [f"### {md(s['name'] or t(lang, 'doc.unnamed'))}", "", f"{t(lang, 'doc.record.checklist')}{colon(lang)}", ""]
            lines += [f"- [{'x' if s['checklist'][p] else ' '}] {t(lang, f'doc.annex.point.{p}')}" for p in CHECKLIST_POINTS]
            lines.append("")
    gaps = check(record)
    lines += [f"## {t(lang, 'doc.missing_title')}", ""]
    lines += [f"- {md(gap.message(record, lang))}" for gap in gaps] or [t(lang, "doc.missing_none")]
    return "\n".join(lines).rstrip() + "\n"
