"""The record as .xlsx (openpyxl) and .ods (odfpy), and back.

Both libraries are pure Python and well kept; they are imported only here, when a visitor or a
script asks for a spreadsheet, so the wizards themselves keep needing nothing but the standard
library. Every cell is written as text: a value such as "=1+1" or "0475 12 34 56" must come back
exactly as typed, not as a formula or a number.
"""
from __future__ import annotations

import io
from typing import Any

from wizards.documents.limits import check_columns, check_lines, check_rows
from wizards.documents.record import RecordError
from wizards.documents.tables import SHEETS, from_sheets, sheets

MEDIA_TYPES = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               "ods": "application/vnd.oasis.opendocument.spreadsheet"}


def write(record: dict[str, Any], lang: str, fmt: str) -> bytes:
    book = sheets(record, lang)
    return _xlsx(book) if fmt == "xlsx" else _ods(book)


def read(data: bytes, fmt: str) -> dict[str, Any]:
    return from_sheets(_read_xlsx(data) if fmt == "xlsx" else _read_ods(data))


def _xlsx(book: dict[str, list[list[str]]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    # In the order of tables.SHEETS: the activities first, then the organisation (label, value: no header row).
    for part, (title, rows) in zip(SHEETS, book.items()):
        sheet = workbook.create_sheet(title)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                cell = sheet.cell(row=r, column=c)
                cell.value = value
                cell.data_type = "s"  # text, never a formula, even when it starts with "="
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if r == 1 and part != "organisation":
                    cell.font = Font(bold=True)
        for c in range(1, max((len(r) for r in rows), default=0) + 1):
            sheet.column_dimensions[sheet.cell(row=1, column=c).column_letter].width = 28
        sheet.freeze_panes = "B2" if part == "record" else None
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _read_xlsx(data: bytes) -> dict[str, list[list[Any]]]:
    import openpyxl
    from openpyxl import load_workbook

    if not openpyxl.DEFUSEDXML:  # openpyxl parses with defusedxml only when it found it at import
        raise RecordError("openpyxl runs without defusedxml", "library")
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        book: dict[str, list[list[Any]]] = {}
        for sheet in workbook.worksheets:
            # Read-only mode trusts the sheet's declared <dimension> and drops the rows beyond it;
            # openpyxl's documentation says to reset it when the file may have been written by anyone.
            sheet.reset_dimensions()
            rows = book[sheet.title] = []
            for line, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                values = list(row)
                while values and values[-1] in (None, ""):
                    values.pop()
                check_lines(line)
                if values:
                    check_columns(len(values), line)
                    rows.append(values)
                    check_rows(len(rows))
    except RecordError:
        raise
    except Exception:  # openpyxl and defusedxml raise many kinds on what is not a plain workbook
        raise RecordError("not an .xlsx workbook", "not_spreadsheet") from None
    return book


def _ods(book: dict[str, list[list[str]]]) -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableColumnProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    wide = Style(name="wide", family="table-column")
    wide.addElement(TableColumnProperties(columnwidth="6cm"))
    document.automaticstyles.addElement(wide)
    for title, rows in book.items():
        table = Table(name=title)
        table.addElement(TableColumn(numbercolumnsrepeated=max((len(r) for r in rows), default=1), stylename=wide))
        for row in rows:
            table_row = TableRow()
            for value in row:
                cell = TableCell(valuetype="string")
                for line in value.split("\n"):
                    cell.addElement(P(text=line))
                table_row.addElement(cell)
            table.addElement(table_row)
        document.spreadsheet.addElement(table)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def _read_ods(data: bytes) -> dict[str, list[list[Any]]]:
    from odf.opendocument import load
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    try:
        document = load(io.BytesIO(data))
        tables = document.spreadsheet.getElementsByType(Table)
    except Exception:  # odfpy raises many kinds on a file that is not a spreadsheet
        raise RecordError("not an .ods spreadsheet", "not_spreadsheet") from None
    book: dict[str, list[list[Any]]] = {}
    for table in tables:
        rows: list[list[Any]] = []
        for line, table_row in enumerate(table.getElementsByType(TableRow), start=1):
            cells = []
            for cell in table_row.getElementsByType(TableCell):
                repeat = int(cell.getAttribute("numbercolumnsrepeated") or 1)
                text = "\n".join(_text(p) for p in cell.getElementsByType(P))
                cells += [text] * min(repeat, 100)
            while cells and not cells[-1]:
                cells.pop()
            check_lines(line)
            if cells:
                check_columns(len(cells), line)
                rows.append(cells)
                check_rows(len(rows))
        book[str(table.getAttribute("name"))] = rows
    return book


def _text(node: Any) -> str:
    """All text inside a paragraph, spaces (text:s) included."""
    out = []
    for child in node.childNodes:
        if child.nodeType == child.TEXT_NODE:
            out.append(str(child.data))
        elif getattr(child, "qname", (None, ""))[1] == "s":
            out.append(" " * int(child.getAttribute("c") or 1))
        else:
            out.append(_text(child))
    return "".join(out)
