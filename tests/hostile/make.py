"""Hostile and awkward files for the record page's import, made on the fly (nothing binary is kept in
the repository). `make(folder)` writes each and returns {name: path}; the tests in
tests/test_record_import.py and tests/test_browser_record.py feed them to the page and to Python.

    python -m tests.hostile.make /tmp/hostile     (to try them by hand in a browser)
"""
from __future__ import annotations

import io
import json
import re
import sys
import zipfile
from pathlib import Path

from wizards.documents import spreadsheet, tables
from wizards.documents.record import blank_activity, blank_record, normalise

ACCENTS = "Réservations café Noël"


def small_record(activities: int = 3) -> dict:
    record = blank_record()
    record["organisation"]["name"] = "Café Noël"
    for n in range(activities):
        row = blank_activity()
        row.update(activity=f"Activity {n + 1}", purpose="Bookings", data_subjects="Customers")
        record["activities"].append(row)
    return normalise(record)


def xlsx_beyond_dimension() -> bytes:
    """A workbook whose Record sheet declares A1:T2 but holds four activities, as some writers leave it."""
    data = spreadsheet.write(small_record(4), "nl", "xlsx")
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:T2"', content)
            target.writestr(item, content)
    return out.getvalue()


def xlsx_rows(rows: int) -> bytes:
    """A minimal workbook with one sheet, Record, of `rows` rows, written straight as XML."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml",
                      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                      '<Default Extension="xml" ContentType="application/xml"/>'
                      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                      '</Types>')
        book.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                      '</Relationships>')
        book.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                      '<sheet name="Record" sheetId="1" r:id="rId1"/></sheets></workbook>')
        book.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                      '</Relationships>')
        with book.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                        b'<dimension ref="A1:A1"/><sheetData>')
            sheet.write(b'<row r="1"><c r="A1" t="inlineStr"><is><t>activity</t></is></c></row>')
            for r in range(2, rows + 1):
                sheet.write(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>' % (r, r))
            sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()


def zip_bomb(megabytes: int = 200) -> bytes:
    """About 200 KB that inflate to `megabytes` MB: one part of zeros in an otherwise empty .xlsx."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as book:
        with book.open("xl/worksheets/sheet1.xml", "w") as part:
            chunk = b"\0" * 1_000_000
            for _ in range(megabytes):
                part.write(chunk)
    return out.getvalue()


def files() -> dict[str, bytes]:
    # Written as the page writes it: a title holding ";" (the Art. 9(2) column) is quoted.
    header = ";".join(f'"{h}"' if ";" in h else h for h in tables.activity_header("nl"))
    return {
        "empty.csv": b"",
        "header-only.csv": ("\ufeff" + header + "\r\n").encode("utf-8"),
        "empty-object.json": b"{}",
        "windows-1252.csv": f"Verwerking;Doel\r\n{ACCENTS};Boekingen\r\n".encode("cp1252"),
        "windows-1252.json": json.dumps({"activities": [{"activity": ACCENTS}]}, ensure_ascii=False).encode("cp1252"),
        "not-text.csv": b"Verwerking;Doel\r\nA\x81\x8d;b\r\n",  # bytes neither UTF-8 nor Windows-1252 has
        "open-quote.csv": b'Verwerking;Doel\r\nA;"Boekingen\r\nB;Leveringen\r\nC;Facturen\r\n',
        "unknown-column.csv": b"Verwerking;Kleur\r\nA;rood\r\n",
        "deep.json": b"[" * 100_000 + b"]" * 100_000,
        "lines-200000.csv": b"Verwerking\r\n" + b"x\r\n" * 200_000,
        "beyond-dimension.xlsx": xlsx_beyond_dimension(),
        "rows-30000.xlsx": xlsx_rows(30_000),
        "bomb.xlsx": zip_bomb(),
        "no-record-sheet.xlsx": _without_record_sheet(),
        "script.json": json.dumps(_script_record()).encode("utf-8"),
        "entities.xlsx": xlsx_entities(),
    }


def _without_record_sheet() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Blad1"
    book.active["A1"] = "Verwerking"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


SCRIPTS = ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "[x](javascript:alert(3))", "# Injected\n\n<b>bold</b>"]


def _script_record() -> dict:
    record = small_record(2)
    record["organisation"]["name"] = SCRIPTS[0]
    record["activities"][0].update(activity=SCRIPTS[1], purpose=SCRIPTS[2], security=SCRIPTS[3])
    record["suppliers"] = [{"name": SCRIPTS[1], "nature": SCRIPTS[2], "measures": SCRIPTS[3], "activities": [0]}]
    return normalise(record)


def make(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, content in files().items():
        paths[name] = folder / name
        paths[name].write_bytes(content)
    return paths


if __name__ == "__main__":
    for name, path in make(Path(sys.argv[1])).items():
        print(path)


def xlsx_entities() -> bytes:
    """A workbook whose sheet declares nested entities (the "billion laughs") and uses the last one in
    a cell; defusedxml refuses the declarations before anything is expanded."""
    data = spreadsheet.write(small_record(1), "nl", "xlsx")
    source = zipfile.ZipFile(io.BytesIO(data))
    entities = [b'<!ENTITY lol0 "lol">'] + [b'<!ENTITY lol%d "%s">' % (n, b"&lol%d;" % (n - 1) * 10) for n in range(1, 10)]
    doctype = b"<!DOCTYPE worksheet [" + b"".join(entities) + b"]>"
    cell = b'<row r="3"><c r="A3" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = doctype + content.replace(b"</sheetData>", cell + b"</sheetData>", 1)
            target.writestr(item, content)
    return out.getvalue()
