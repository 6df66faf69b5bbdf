"""How much of a file the record page reads: far beyond a small organisation's record, far below
what would freeze a visitor's page. Checked while a table is read, so reading stops at the limit."""
from __future__ import annotations

from wizards.documents.record import MAX_ACTIVITIES, RecordError

MAX_BYTES = 5_000_000            # a record of 2,000 activities exported as JSON is about 3 MB
MAX_UNPACKED = 40_000_000        # what the parts of an .xlsx or .ods may declare, all together
MAX_COLUMNS = 100                # an exported record has 20 columns on its widest sheet
MAX_LINES = 20_000               # empty lines included, in one sheet
MAX_DEPTH = 20                   # a record is 4 levels deep


def check_rows(count: int) -> None:
    """Called while a table is read, so that reading stops at the first row beyond the limit."""
    if count > MAX_ACTIVITIES + 1:
        raise RecordError(f"more than {MAX_ACTIVITIES} rows", "too_many", limit=MAX_ACTIVITIES)


def check_lines(line: int) -> None:
    """Empty lines too take time to read: a sheet styled down to its millionth row is refused early."""
    if line > MAX_LINES:
        raise RecordError(f"more than {MAX_LINES} lines", "too_many", limit=MAX_ACTIVITIES)


def check_columns(count: int, line: int) -> None:
    if count > MAX_COLUMNS:
        raise RecordError(f"line {line}: more than {MAX_COLUMNS} columns", "too_wide", line=line, limit=MAX_COLUMNS)
