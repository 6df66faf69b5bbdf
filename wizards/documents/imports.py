"""A file a visitor imports on the record page, read without trusting it.

The file may be empty, of another program, saved by Excel in Windows-1252, far too large, or made to
hurt (a zip that inflates to a gigabyte, JSON nested a hundred thousand deep). Each is refused with a
RecordError whose message names the limit, the line or the column, before the parser is given a
chance to freeze the page. A file with no activity is refused too: importing it would empty the
record the visitor keeps in this browser only.
"""
from __future__ import annotations

import io
import json
import re
import zipfile
from itertools import accumulate
from typing import Any

from wizards.documents import spreadsheet
from wizards.documents.limits import MAX_BYTES, MAX_DEPTH, MAX_UNPACKED
from wizards.documents.record import RecordError, normalise
from wizards.documents.tables import from_csv

FORMATS = ("json", "csv", "xlsx", "ods")


def read(data: bytes, fmt: str) -> dict[str, Any]:
    """The record a file holds, normalised; refused when it holds no activity."""
    if fmt not in FORMATS:
        raise RecordError(f"unknown format {fmt!r}", "not_known")
    if len(data) > MAX_BYTES:
        raise RecordError(f"{len(data)} bytes; at most {MAX_BYTES}", "too_big",
                          size=_megabytes(len(data)), limit=_megabytes(MAX_BYTES))
    if fmt == "json":
        record = from_json(text_of(data))
    elif fmt == "csv":
        record = from_csv(text_of(data))
    else:
        check_zip(data, fmt)
        record = spreadsheet.read(data, fmt)
    if not record["activities"]:
        raise RecordError("the file holds no processing activity", "empty")
    return record


def text_of(data: bytes) -> str:
    """UTF-8 (with or without its byte-order mark), else Windows-1252, what Excel writes on many
    Windows machines. Bytes that are neither are refused rather than turned into "�"."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise RecordError("neither UTF-8 nor Windows-1252", "encoding") from None


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def depth(text: str) -> int:
    """How deeply brackets nest outside strings, counted without parsing: Python's parser would
    exhaust the browser's stack on a deep enough file before it said a word."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(accumulate(1 if c in "[{" else -1 for c in brackets), default=0)


def from_json(text: str) -> dict[str, Any]:
    if depth(text) > MAX_DEPTH:
        raise RecordError(f"nested more than {MAX_DEPTH} levels", "too_deep", limit=MAX_DEPTH)
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as err:
        raise RecordError(f"not JSON: line {err.lineno}, column {err.colno}", "not_json",
                          line=err.lineno, column=err.colno) from None
    except RecursionError:
        raise RecordError("nested too deep", "too_deep", limit=MAX_DEPTH) from None
    return normalise(raw)


def check_zip(data: bytes, fmt: str) -> None:
    """An .xlsx or .ods is a zip: its parts' declared sizes are checked before anything is inflated
    (Python's zip reader stops at the declared size, so a part cannot inflate beyond it)."""
    try:
        parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise RecordError("not a zip file", "not_spreadsheet") from None
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED:
        raise RecordError(f"{unpacked} bytes unpacked; at most {MAX_UNPACKED}", "too_big",
                          size=_megabytes(unpacked), limit=_megabytes(MAX_UNPACKED))


def _megabytes(size: int) -> float:
    return round(size / 1_000_000, 1)
