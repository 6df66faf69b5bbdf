"""`python -m wizards.documents`: the record, the annexes or the notice from a JSON record on stdin.

    python -m wizards.documents record --lang nl --format csv < record.json > register.csv
    python -m wizards.documents annexes --lang fr --supplier 1 < record.json
    python -m wizards.documents notice --lang nl --activities 1,4 --format page < record.json
    python -m wizards.documents check --lang nl < record.json     (exit 1 while a required field is empty)

A sector's sample record comes from the build side, which reads the sector files:
`python -m hub sample --sector pharmacies --lang nl > record.json`.

Exit codes: 0 done, 1 the check found gaps, 2 bad input (the message names the field).
"""
from __future__ import annotations

import argparse
import datetime
import json
import sys
from typing import Any

from wizards.present.texts import DEFAULT_LANGUAGE, LANGUAGES
from wizards.documents import annexes, notice, tables
from wizards.documents.record import RecordError, messages, normalise

FORMATS = {"record": ("md", "csv", "json", "xlsx", "ods"), "annexes": ("md", "html"), "checklist": ("md",),
           "notice": ("html", "page"), "check": ("text",)}


def _numbers(text: str) -> list[int]:
    try:
        return [int(v) - 1 for v in text.split(",") if v.strip()]
    except ValueError:
        raise RecordError(f"expected row numbers like 1,3 — got {text!r}") from None


def _read_record() -> dict[str, Any]:
    if sys.stdin.isatty():
        raise RecordError("give the record as JSON on standard input, e.g. < record.json")
    raw = sys.stdin.read()
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as err:
        raise RecordError(f"not JSON: line {err.lineno}, column {err.colno}: {err.msg}") from None
    return normalise(data)


def run(args: argparse.Namespace) -> tuple[int, str | bytes]:
    lang, date, kind = args.lang, args.date, args.document
    fmt = args.format or FORMATS[kind][0]
    if fmt not in FORMATS[kind]:
        raise RecordError(f"--format for {kind}: one of {', '.join(FORMATS[kind])}")
    record = _read_record()
    if kind == "check":
        gaps = messages(record, lang)
        return (1 if gaps else 0), "\n".join(gaps) + ("\n" if gaps else "")
    if kind == "record":
        if fmt in ("xlsx", "ods"):
            from wizards.documents import spreadsheet
            return 0, spreadsheet.write(record, lang, fmt)
        if fmt == "csv":
            return 0, tables.to_csv(record, lang)
        if fmt == "json":
            return 0, json.dumps(record, ensure_ascii=False, indent=2) + "\n"
        return 0, tables.to_markdown(record, lang, date)
    if kind in ("annexes", "checklist"):
        index = (args.supplier or 1) - 1
        if not 0 <= index < len(record["suppliers"]):
            raise RecordError(f"--supplier: the record lists {len(record['suppliers'])} supplier(s)")
        if kind == "checklist":
            return 0, annexes.checklist_markdown(record, index, lang, date)
        render = annexes.to_html if fmt == "html" else annexes.to_markdown
        return 0, render(record, index, lang, date)
    picked = _numbers(args.activities) if args.activities else None
    render = notice.to_page if fmt == "page" else notice.to_html
    return 0, render(record, lang, date, picked)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wizards.documents", description=__doc__.splitlines()[0])
    parser.add_argument("document", choices=tuple(FORMATS))
    parser.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE)
    parser.add_argument("--format", help="record: md, csv, json, xlsx, ods; annexes: md, html; notice: html, page")
    parser.add_argument("--supplier", type=int, help="annexes/checklist: the supplier's number in the record (from 1)")
    parser.add_argument("--activities", help="notice: the rows it covers, e.g. 1,3 (default: the record's choice, or all)")
    parser.add_argument("--date", default=datetime.date.today().isoformat(), help="the date printed on the document")
    parser.add_argument("-o", "--output", help="write to this file instead of standard output")
    args = parser.parse_args(argv)
    try:
        code, out = run(args)
    except RecordError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if args.output:
        with open(args.output, "wb") as handle:
            handle.write(out if isinstance(out, bytes) else out.encode("utf-8"))
    elif isinstance(out, bytes):
        sys.stdout.buffer.write(out)
    else:
        sys.stdout.write(out)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
