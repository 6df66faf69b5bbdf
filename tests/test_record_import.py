"""Importing a file on the record page (issue 24 sections 1 and 2): what is not a record is refused
in the page's language, naming the line or column, before it can freeze the page; what is a record
comes in whole; and every Markdown export shows a visitor's text as text, never as HTML or a link."""
import base64
import json
import re
import time

import pytest

from tests.hostile.make import ACCENTS, SCRIPTS, files, small_record
from wizards import browser
from wizards.documents import annexes, imports, spreadsheet, tables
from wizards.documents.record import RecordError, normalise

HOSTILE = files()
ENGLISH = re.compile(r"\b(expected|unknown|record|line|column|JSON object|Traceback)\b")


def ask(name_or_bytes, lang="nl", current=None):
    data = HOSTILE[name_or_bytes] if isinstance(name_or_bytes, str) else name_or_bytes
    fmt = name_or_bytes.rsplit(".", 1)[1] if isinstance(name_or_bytes, str) else "json"
    payload = {"document": "import", "lang": lang, "format": fmt, "base64": base64.b64encode(data).decode("ascii")}
    if current is not None:
        payload["current"] = current
    return json.loads(browser.step(json.dumps(payload)))


@pytest.mark.parametrize("name, words", [
    ("empty.csv", "geen enkele verwerking"),
    ("header-only.csv", "geen enkele verwerking"),
    ("empty-object.json", "geen enkele verwerking"),
    ("no-record-sheet.xlsx", "geen blad met de verwerkingen"),
    ("not-text.csv", "UTF-8"),
    ("open-quote.csv", "Regel 2: een aanhalingsteken"),
    ("unknown-column.csv", "Onbekende kolom “Kleur”"),
    ("deep.json", "meer dan 20 niveaus"),
    ("lines-200000.csv", "meer dan 2000 rijen"),
    ("rows-30000.xlsx", "meer dan 2000 rijen"),
    ("bomb.xlsx", "de grens is 40 MB"),
    ("entities.xlsx", "geen leesbaar .xlsx"),
])
def test_a_file_that_is_not_a_record_is_refused_in_the_pages_language(name, words):
    started = time.perf_counter()
    out = ask(name)
    assert out["status"] == "refused" and words in out["message"], out
    assert time.perf_counter() - started < 5, "refused, but only after parsing what it should not have"
    for lang in ("nl", "fr"):
        message = ask(name, lang)["message"]
        assert not ENGLISH.search(message) and "\n" not in message and len(message) < 300, message


def test_french_messages_use_french_typography():
    assert "Colonne inconnue «\u202fKleur\u202f»" in ask("unknown-column.csv", "fr")["message"]


@pytest.mark.parametrize("name", ["windows-1252.csv", "windows-1252.json"])
def test_windows_1252_files_keep_their_accents(name):
    out = ask(name)
    assert out["status"] == "ok", out
    assert out["record"]["activities"][0]["activity"] == ACCENTS


def test_rows_beyond_the_declared_dimension_of_an_xlsx_are_read():
    record = imports.read(HOSTILE["beyond-dimension.xlsx"], "xlsx")
    assert [row["activity"] for row in record["activities"]] == [f"Activity {n}" for n in range(1, 5)]


def test_a_stored_record_of_the_wrong_shape_is_refused_by_name():
    for raw in ([], 5, {"activities": {}}, {"activities": [5]}, {"organisation": "x", "activities": []}):
        out = json.loads(browser.step(json.dumps({"document": "normalise", "lang": "fr", "record": raw})))
        assert out["status"] == "refused" and not ENGLISH.search(out["message"]), out


def test_a_record_of_a_thousand_activities_imports_in_a_second():
    record = small_record(1000)
    started = time.perf_counter()
    for fmt, data in (("json", json.dumps(record).encode()), ("csv", tables.to_csv(record, "nl").encode()),
                      ("xlsx", spreadsheet.write(record, "nl", "xlsx"))):
        assert len(imports.read(data, fmt)["activities"]) == 1000, fmt
    assert time.perf_counter() - started < 10


def test_importing_over_a_record_says_what_changes():
    current = small_record(3)
    current["suppliers"] = [{"name": "Host", "activities": [0, 2]}]
    current["notice"] = {"activities": [1]}
    current = normalise(current)
    whole = ask(json.dumps(small_record(2)).encode(), "nl", current)
    assert "nu 3 verwerkingen en 1 verwerkers" in whole["changes"] and "2 verwerkingen en 0 verwerkers" in whole["changes"]
    # A CSV holds activities only: the organisation and suppliers stay, linked by the activity's name.
    renamed = small_record(3)
    renamed["activities"][2]["activity"] = "Something else"
    payload = {"document": "import", "lang": "en", "format": "csv", "current": current,
               "base64": base64.b64encode(tables.to_csv(renamed, "en").encode()).decode()}
    out = json.loads(browser.step(json.dumps(payload)))
    assert out["record"]["organisation"]["name"] == "Café Noël"
    assert out["record"]["suppliers"][0]["activities"] == [0] and out["record"]["notice"]["activities"] == [1]
    assert "The organisation's details, the 1 suppliers" in out["changes"] and "1 link(s)" in out["changes"]


def test_errors_name_the_place_in_english_for_the_command_line():
    with pytest.raises(RecordError) as err:
        normalise({"activities": [{"legal_basis": "whim"}]})
    assert str(err.value).startswith("activities[1].legal_basis")
    assert err.value.message("nl") == "Verwerking 1, “Rechtsgrond”: onbekende rechtsgrond “whim”."


# -- section 2: what the site writes is safe to open -------------------------------------------------

def _rendered_markdown_is_inert(text):
    import markdown  # mkdocs brings it
    html = markdown.markdown(text, extensions=["fenced_code"])
    assert "<script" not in html and "<img" not in html and "javascript:" not in html.replace("(javascript:", ""), html
    assert not re.search(r'href="javascript', html), html
    assert "<h1>Injected" not in html and "<b>" not in html, html


def test_markdown_exports_escape_what_the_visitor_typed():
    record = normalise(json.loads(HOSTILE["script.json"]))
    for lang in ("nl", "fr", "en"):
        for text in (tables.to_markdown(record, lang, "2026-01-01"), annexes.to_markdown(record, 0, lang, "2026-01-01"),
                     annexes.checklist_markdown(record, 0, lang, "2026-01-01")):
            _rendered_markdown_is_inert(text)
            assert "\\<script\\>" in text or "\\<img" in text


def test_a_wizards_result_in_markdown_escapes_what_the_visitor_typed():
    """The organisation's name and contact are typed on the wizards page and land in a result."""
    from wizards.engine.walk import decide
    from wizards.present.render import to_dict, to_markdown
    from wizards.registry import WIZARDS

    wizard = WIZARDS["requests"]
    decision = decide(wizard, {"asks": "erasure", "erase_ground": "yes", "must_keep": "yes", "excessive": "no",
                               "received_on": "2026-11-20", "person_language": "fr",
                               "org_name": SCRIPTS[1] + " ```", "org_contact": SCRIPTS[2]})
    text = to_markdown(to_dict(wizard, decision, "nl"), "nl")
    _rendered_markdown_is_inert(text)
    assert "\\<img src=x onerror=alert(2)\\>" in text


# -- issue 23 item 5: a spreadsheet speaks the page's language -----------------------------------------

def _full_record():
    record = small_record(2)
    record["role"] = "processor"
    record["suppliers"] = [{"name": "Host", "activities": [1], "docking": True, "authorisation": "general",
                            "checklist": {"a": True}}]
    record["notice"] = {"activities": [0]}
    return normalise(record)


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_every_cell_of_a_spreadsheet_a_person_reads_is_in_the_pages_language(lang):
    book = tables.sheets(_full_record(), lang)
    english = {"Record", "Suppliers", "About",  # "Organisation" is French too "specific", "general", "yes", "no", "format", "role",
               "notice", "name", "address", "docking", "controller", "processor"}
    cells = [name for name in book] + [cell for rows in book.values() for row in rows for cell in row]
    assert not [c for c in cells if c in english or c.startswith("checklist.")], cells
    for fmt in ("xlsx", "ods"):
        assert spreadsheet.read(spreadsheet.write(_full_record(), lang, fmt), fmt) == _full_record()


def test_a_spreadsheet_exported_before_the_change_still_imports():
    """The layout of earlier exports: English sheet names, field ids as titles, yes/no and ids as values."""
    from wizards.documents.record import CHECKLIST_POINTS
    record = _full_record()
    columns = ["name", "address", "contact", "activities", "nature", "duration", "measures", "subprocessors",
               "authorisation", "period", "docking"] + [f"checklist.{p}" for p in CHECKLIST_POINTS]
    supplier = record["suppliers"][0]
    old = {"Record": tables.activity_rows(record, "nl"), "Organisation": tables.organisation_rows(record, "nl"),
           "Suppliers": [columns, ["Host", "", "", "2", "", "", "", "", "general", "", "yes"]
                         + ["yes" if supplier["checklist"][p] else "no" for p in CHECKLIST_POINTS]],
           "About": [["format", "gdpr-hub-record/1"], ["role", "processor"], ["notice", "1"]]}
    assert tables.from_sheets(old) == record
    for fmt, write in (("xlsx", spreadsheet._xlsx), ("ods", spreadsheet._ods)):
        assert spreadsheet.read(write(old), fmt) == record, fmt


def test_a_size_is_written_as_belgians_write_it():
    big = b" " * 5_500_001
    assert "5,5 MB, de grens is 5 MB" in ask(big, "nl")["message"]
    assert "5,5 Mo, la limite est de 5 Mo" in ask(big, "fr")["message"]
    assert "5.5 MB, the limit is 5 MB" in ask(big, "en")["message"]
