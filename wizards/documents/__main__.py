"""`python -m wizards.documents`: the record, the annexes or the notice from a JSON record on stdin.

    python -m wizards.documents record --lang nl --format csv < record.json > register.csv
    python -m wizards.documents annexes --lang fr --supplier 1 < record.json
    python -m wizards.documents notice --lang nl --activities 1,4 --format page < record.json
    python -m wizards.documents check --lang nl < record.json     (exit 1 while a required field is empty)

A sector's sample record comes from the build side, which reads the sector files:
`python -m hub sample --sector pharmacies --lang nl > record.json`.

Exit codes: 0 done, 1 the check found gaps, 2 bad input or an output that cannot be written (the message,
in the chosen language, names the field or the file; no file is left half written).
"""
from __future__ import annotations

import argparse
import datetime
import json
import sys
from typing import Any

from wizards.present import terminal
from wizards.present.arguments import Parser
from wizards.present.texts import DEFAULT_LANGUAGE, LANGUAGES, t
from wizards.documents import annexes, notice, tables
from wizards.documents.record import RecordError, messages, normalise

FORMATS = {"record": ("md", "csv", "json", "xlsx", "ods"), "annexes": ("md", "html"), "checklist": ("md",),
           "notice": ("html", "page"), "check": ("text",)}


class Refused(Exception):
    """Bad input, said with the text `cli.<code>` in the chosen language."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params


def _row_number(text: str, count: int, code: str) -> int:
    """A 1-based number from the command line as a 0-based index, within the record's `count` rows."""
    text = text.strip()
    if count == 0:
        raise Refused(f"documents_no_{code}")
    if not (text.isascii() and text.isdigit()) or len(text) > terminal.MAX_DIGITS or not 1 <= int(text) <= count:
        raise Refused(f"documents_{code}", count=count)
    return int(text) - 1


def _rows(text: str, count: int) -> list[int]:
    # A row named twice is one row of the notice, in the record's order like the record's own choice.
    return sorted({_row_number(v, count, "activities") for v in text.split(",") if v.strip()})


def _read_record(lang: str) -> dict[str, Any]:
    if sys.stdin.isatty():
        raise Refused("documents_no_input")
    try:
        data = terminal.read_json()
    except terminal.Unusable as err:
        if err.code == "no_input":
            raise Refused("documents_no_input") from None
        raise Refused("documents_not_json", detail=t(lang, f"cli.{err.code}", **err.params)) from None
    return normalise(data)


def run(args: argparse.Namespace) -> tuple[int, str | bytes]:
    lang, date, kind = args.lang, args.date, args.document
    fmt = args.format or FORMATS[kind][0]
    if fmt not in FORMATS[kind]:
        raise Refused("documents_format", document=kind, formats=", ".join(FORMATS[kind]))
    record = _read_record(lang)
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
        index = _row_number(args.supplier or "1", len(record["suppliers"]), "supplier")
        if kind == "checklist":
            return 0, annexes.checklist_markdown(record, index, lang, date)
        render = annexes.to_html if fmt == "html" else annexes.to_markdown
        return 0, render(record, index, lang, date)
    picked = _rows(args.activities, len(record["activities"])) if args.activities else None
    render = notice.to_page if fmt == "page" else notice.to_html
    return 0, render(record, lang, date, picked)


def main(argv: list[str] | None = None) -> int:
    parser = Parser(prog="python -m wizards.documents", description=__doc__.splitlines()[0])
    parser.add_argument("document", choices=tuple(FORMATS))
    parser.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE)
    parser.add_argument("--format", help="record: md, csv, json, xlsx, ods; annexes: md, html; notice: html, page")
    parser.add_argument("--supplier", help="annexes/checklist: the supplier's number in the record (from 1)")
    parser.add_argument("--activities", help="notice: the rows it covers, e.g. 1,3 (default: the record's choice, or all)")
    parser.add_argument("--date", default=datetime.date.today().isoformat(), help="the date printed on the document")
    parser.add_argument("-o", "--output", help="write to this file instead of standard output")
    args = parser.parse_args(argv)
    try:
        code, out = run(args)
        terminal.write(out, args.output)
    except Refused as err:
        return _refuse(args.lang, f"cli.{err.code}", **err.params)
    except terminal.Unusable as err:
        if err.code == "cannot_write":
            return _refuse(args.lang, "cli.cannot_write", **err.params)
        return _refuse(args.lang, "cli.documents_not_json", detail=t(args.lang, f"cli.{err.code}", **err.params))
    except RecordError as err:
        # The reason names the field and may quote the value found there, which is cut short.
        return _refuse(args.lang, "cli.documents_bad_record", detail=terminal.shorten(err.in_language(args.lang), 300))
    return code


def _refuse(lang: str, key: str, **params: Any) -> int:
    print(t(lang, key, **params), file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
