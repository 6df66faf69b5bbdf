"""Documents from the record (wizards/documents): the Art. 30 checks, every export's round trip, and
the annexes and notice of each sector's sample compared with reviewed files in tests/expected/.

After a deliberate change of wording, review the diff and rewrite the expected files with
`WRITE_EXPECTED=1 .venv/bin/python -m pytest tests/test_documents.py -k expected`.
"""
import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hub.sectors import load_all
from wizards.documents import annexes, notice, spreadsheet, tables
from wizards.documents.record import ACTIVITY_FIELDS, RecordError, check, messages, normalise
from wizards.documents.sample import from_sector
from wizards.present.texts import LANGUAGES

EXPECTED = Path(__file__).parent / "expected" / "documents"
DATE = "2026-12-02"
SECTORS = {s.id: s for s in load_all()}


def complete_record():
    """A record with every field filled in: the checker must find nothing to say about it."""
    row = {f: f"{f} value" for f in ACTIVITY_FIELDS}
    row.update(legal_basis="legitimate_interests", special_data=True, monitoring=False)
    return normalise({
        "organisation": {"name": "Apotheek De Linde", "address": "Kerkstraat 1, 9000 Gent", "email": "info@delinde.example",
                         "phone": "09 123 45 67", "dpo": "An Peeters", "dpo_contact": "dpo@delinde.example"},
        "activities": [row],
        "suppliers": [{"name": "Soft NV", "activities": [0], "checklist": {"a": True}}],
        "notice": {"activities": [0]},
    })


def tricky_record():
    record = from_sector(SECTORS["pharmacies"].data, "fr")
    record["organisation"].update(name="=SUM(A1)", phone="0475 12 34 56", address="Rue « Haute » 3;\n1000 Bruxelles")
    record["activities"][0].update(transfers="aucun", automated="- non", source='Fichier "ancien"; 2019')
    record["suppliers"][0].update(docking=True, authorisation="general", period="30 jours",
                                  checklist={"a": True, "h": True})
    record["notice"]["activities"] = [0, 4]
    return normalise(record)


# -- the Art. 30 check -------------------------------------------------------------------------

def test_a_complete_record_has_no_gap():
    assert check(complete_record()) == []


CONTROLLER_FIELDS = [("activity", "30(1)(b)"), ("purpose", "30(1)(b)"), ("data_subjects", "30(1)(c)"),
                     ("data_categories", "30(1)(c)"), ("recipients", "30(1)(d)"), ("transfers", "30(1)(e)"),
                     ("retention", "30(1)(f)"), ("security", "30(1)(g)"), ("legal_basis", "6(1)"),
                     ("legitimate_interest", "13(1)(d)"), ("retention_source", "5(2)")]


@pytest.mark.parametrize("field, article", CONTROLLER_FIELDS)
def test_each_empty_activity_field_is_named_with_its_article(field, article):
    record = complete_record()
    record["activities"][0][field] = ""
    if field == "legal_basis":  # without a basis there is no legitimate interest to ask for
        record["activities"][0]["legitimate_interest"] = ""
    gaps = check(record)
    assert [g.field for g in gaps] == [field]
    assert article in messages(record, "en")[0]
    for lang in LANGUAGES:
        text = messages(record, lang)[0]
        assert "Row 1" in text or "Rij 1" in text or "Ligne 1" in text


@pytest.mark.parametrize("field", ["name", "contact", "dpo_contact"])
def test_each_organisation_field_is_checked(field):
    record = complete_record()
    if field == "contact":
        record["organisation"].update(address="", email="", phone="")
    else:
        record["organisation"][field] = ""
    assert [g.field for g in check(record)] == [field]
    assert "30(1)(a)" in messages(record, "en")[0]


def test_no_dpo_means_no_dpo_contact_asked():
    record = complete_record()
    record["organisation"].update(dpo="", dpo_contact="")
    assert check(record) == []


@pytest.mark.parametrize("field, article", [("controller", "30(2)(a)"), ("activity", "30(2)(b)"),
                                            ("transfers", "30(2)(c)"), ("security", "30(2)(d)")])
def test_a_processor_record_is_checked_against_article_30_2(field, article):
    record = complete_record()
    record["role"] = "processor"
    record["activities"][0]["purpose"] = ""  # not asked of a processor
    record["activities"][0][field] = ""
    assert [g.field for g in check(record)] == [field]
    assert article in messages(record, "en")[0]


def test_french_messages_use_french_typography():
    record = complete_record()
    record["activities"][0]["purpose"] = ""
    assert "\u202f: remplissez «\u202fFinalité\u202f»" in messages(record, "fr")[0]


@pytest.mark.parametrize("bad, where", [
    ({"activities": [{"legal_basis": "whim"}]}, "activities[1].legal_basis"),
    ({"activities": [{"colour": "red"}]}, "activities[1].colour"),
    ({"activities": [{"special_data": "maybe"}]}, "activities[1].special_data"),
    ({"suppliers": [{"activities": [3]}]}, "suppliers[1].activities"),
    ({"role": "owner"}, "role"),
    ([], "record"),
])
def test_bad_records_are_refused_naming_the_field(bad, where):
    with pytest.raises(RecordError) as err:
        normalise(bad)
    assert where in str(err.value)


# -- round trips ----------------------------------------------------------------------------------

@pytest.mark.parametrize("sector_id", sorted(SECTORS))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_sample_round_trips_through_json_csv_xlsx_and_ods(sector_id, lang):
    record = from_sector(SECTORS[sector_id].data, lang)
    assert record["activities"], sector_id
    assert normalise(json.loads(json.dumps(record))) == record
    assert tables.from_csv(tables.to_csv(record, lang))["activities"] == record["activities"]
    for fmt in ("xlsx", "ods"):
        assert spreadsheet.read(spreadsheet.write(record, lang, fmt), fmt) == record, fmt


@pytest.mark.parametrize("fmt", ["xlsx", "ods"])
def test_tricky_values_come_back_exactly(fmt):
    record = tricky_record()
    back = spreadsheet.read(spreadsheet.write(record, "nl", fmt), fmt)
    assert back == record
    assert back["organisation"]["name"] == "=SUM(A1)" and back["organisation"]["phone"] == "0475 12 34 56"


def test_csv_is_semicolon_utf8_with_bom_and_defuses_formulas():
    record = tricky_record()
    text = tables.to_csv(record, "fr")
    assert text.startswith("\ufeffTraitement;Pour le compte de")
    assert "'- non" in text  # a cell starting with "-" would run as a formula in Excel
    assert tables.from_csv(text)["activities"] == record["activities"]
    # A CSV exported in one language imports in another office's language too.
    assert tables.from_csv(tables.to_csv(record, "en"))["activities"] == record["activities"]


def test_xlsx_cells_are_text_not_formulas():
    from openpyxl import load_workbook
    import io

    book = load_workbook(io.BytesIO(spreadsheet.write(tricky_record(), "nl", "xlsx")))
    cell = book["Organisatie"]["B1"]  # the sheet names are in the page's language
    assert cell.value == "=SUM(A1)" and cell.data_type == "s"


def test_markdown_shows_every_value():
    record = tricky_record()
    text = tables.to_markdown(record, "fr", DATE)
    for row in record["activities"]:
        for field in ("activity", "purpose", "data_categories", "recipients", "retention", "security"):
            assert row[field] in text
    assert DATE in text and "documents-1" in text
    assert "[x] " in text and "[ ] " in text  # the Art. 28(3) ticks of the first supplier


# -- the documents of each sector's sample, against reviewed files ------------------------------

def _documents(sector_id, lang):
    record = from_sector(SECTORS[sector_id].data, lang)
    return {
        f"{sector_id}.{lang}.record.md": tables.to_markdown(record, lang, DATE),
        f"{sector_id}.{lang}.annexes.md": annexes.to_markdown(record, 0, lang, DATE),
        f"{sector_id}.{lang}.notice.html": notice.to_html(record, lang, DATE),
    }


@pytest.mark.parametrize("sector_id", sorted(SECTORS))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_expected_documents(sector_id, lang):
    for name, text in _documents(sector_id, lang).items():
        path = EXPECTED / name
        if os.environ.get("WRITE_EXPECTED"):
            path.write_text(text, encoding="utf-8")
        assert path.exists(), f"{path} missing: review and write it (see this file's docstring)"
        assert text == path.read_text(encoding="utf-8"), f"{name} differs from the reviewed file"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_annexes_cite_decision_2021_915_in_the_visitors_language(lang):
    record = from_sector(SECTORS["pharmacies"].data, lang)
    html = annexes.to_html(record, 0, lang, DATE)
    assert f"https://eur-lex.europa.eu/legal-content/{lang.upper()}/TXT/?uri=CELEX:32021D0915" in html
    assert "2021/915" in html and html.count("<h2>") == 5  # cover + Annexes I to IV
    assert "harmac" in html or "apotheek" in html  # the software supplier of the sample


def test_notice_covers_only_the_picked_activities_and_art_14_source():
    record = tricky_record()
    html = notice.to_html(record, "fr", DATE)
    picked = [record["activities"][i]["activity"] for i in (0, 4)]
    others = [r["activity"] for i, r in enumerate(record["activities"]) if i not in (0, 4)]
    assert all(f"<h3>{a}</h3>" in html for a in picked)
    assert not any(f"<h3>{a}</h3>" in html for a in others)
    assert "Fichier &quot;ancien&quot;; 2019" in html  # Art. 14(2)(f): where the data came from
    assert "Autorité de protection des données" in html and "art. 77 RGPD" in html
    assert "<script" not in html and "style=" not in html


def test_notice_mentions_consent_withdrawal_only_for_consent_rows():
    record = complete_record()
    assert "7(3)" not in notice.to_html(record, "en", DATE)
    record["activities"][0]["legal_basis"] = "consent"
    assert "Art. 7(3) GDPR" in notice.to_html(record, "en", DATE)


# -- command line ------------------------------------------------------------------------------

def cli(args, stdin=""):
    return subprocess.run([sys.executable, "-m", "wizards.documents", *args], input=stdin, capture_output=True,
                          text=True, timeout=120)


def test_cli_makes_each_document_from_a_sector_sample():
    sample = subprocess.run([sys.executable, "-m", "hub", "sample", "--sector", "pharmacies", "--lang", "nl"],
                            capture_output=True, text=True, timeout=120)
    assert sample.returncode == 0, sample.stderr
    for args, needle in ((["record", "--format", "csv"], "Verwerking;"), (["annexes"], "Bijlage IV"),
                         (["notice", "--format", "page"], "<!doctype html>"), (["checklist"], "art. 28, lid 3")):
        out = cli([*args, "--lang", "nl", "--date", DATE], sample.stdout)
        assert out.returncode == 0, out.stderr
        assert needle in out.stdout


def test_cli_check_exits_1_with_gaps_and_2_on_bad_input(tmp_path):
    gaps = cli(["check", "--lang", "en"], json.dumps({"activities": [{"activity": "x"}]}))
    assert gaps.returncode == 1 and "Art. 30(1)(b) GDPR" in gaps.stdout
    bad = cli(["record", "--lang", "en"], "{not json")
    assert bad.returncode == 2 and "not JSON: line 1" in bad.stderr and "Traceback" not in bad.stderr
    out = tmp_path / "r.xlsx"
    done = cli(["record", "--format", "xlsx", "-o", str(out)], json.dumps(complete_record()))
    assert done.returncode == 0 and spreadsheet.read(out.read_bytes(), "xlsx") == complete_record()


# -- a real spreadsheet program -------------------------------------------------------------------

SOFFICE = __import__("shutil").which("soffice")


@pytest.mark.parametrize("fmt", ["xlsx", "ods"])
def test_libreoffice_opens_the_spreadsheet_and_reads_the_same_cells(fmt, tmp_path):
    """LibreOffice converts our file's first sheet to CSV; the cells must be those we wrote."""
    import csv

    # ./run.sh test installs Debian's libreoffice-calc-nogui: a missing program is a failure, not a skip.
    assert SOFFICE is not None, "LibreOffice is missing: ./run.sh test installs it (apt-get install libreoffice-calc-nogui)"

    record = tricky_record()
    source = tmp_path / f"record.{fmt}"
    source.write_bytes(spreadsheet.write(record, "fr", fmt))
    out = subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                          "csv:Text - txt - csv (StarCalc):59,34,76", "--outdir", str(tmp_path / "csv"), str(source)],
                         capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr
    rows = list(csv.reader((tmp_path / "csv" / "record.csv").read_text(encoding="utf-8").splitlines(), delimiter=";"))
    assert rows == tables.activity_rows(record, "fr")


# -- build side: the served spreadsheet libraries and the sector downloads -------------------------

def test_served_libraries_are_the_versions_the_build_uses():
    """The browser must load the same openpyxl/odfpy the build writes the sample files with."""
    import tomllib

    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    site_pins = {spec.split("==")[0] for spec in project["project"]["optional-dependencies"]["site"] if "==" in spec}
    served = project["tool"]["gdpr-hub"]["spreadsheet"]
    for spec in served:
        name, version = spec.split("==")
        assert f"{name}=={version}" in project["project"]["optional-dependencies"]["site"] or name not in site_pins
    assert {"openpyxl", "odfpy"} <= {spec.split("==")[0] for spec in served}
    import odf.opendocument  # noqa: F401  (the installed copy must be importable)
    import openpyxl

    assert f"openpyxl=={openpyxl.__version__}" in served


def test_a_library_whose_hash_differs_stops_the_build(tmp_path, monkeypatch):
    from hub import spreadsheet_assets
    from hub.npm_assets import AssetError

    real = spreadsheet_assets.pinned()
    monkeypatch.setattr(spreadsheet_assets, "pinned", lambda: {"openpyxl": (real["openpyxl"][0], "sha256:" + "0" * 64)})
    with pytest.raises(AssetError, match="sha256 differs"):
        spreadsheet_assets.copy_into(tmp_path)


def test_odf_zip_holds_only_the_odf_package(tmp_path):
    import zipfile

    from hub import spreadsheet_assets

    names = spreadsheet_assets.copy_into(tmp_path)
    assert names["xlsx"][-1].startswith("openpyxl-") and names["ods"][-1] == "odfpy-1.4.1.zip"
    listed = zipfile.ZipFile(tmp_path / "odfpy-1.4.1.zip").namelist()
    assert "odf/opendocument.py" in listed and all(n.startswith("odf/") for n in listed)


def test_browser_bridge_answers_in_json_and_refuses_without_traceback():
    from wizards import browser

    good = json.loads(browser.step(json.dumps({"document": "check", "lang": "fr", "record": complete_record()})))
    assert good == {"status": "ok", "gaps": []}
    bad = json.loads(browser.step(json.dumps({"document": "notice", "lang": "nl", "record": {"activities": "x"}})))
    assert bad["status"] == "refused" and "activities" in bad["detail"]
    assert bad["message"] == "“Verwerkingen”: dit deel heeft niet de vorm van een register."  # the page's language
    made = json.loads(browser.step(json.dumps({"document": "spreadsheet", "format": "ods", "lang": "nl",
                                                "record": complete_record()})))
    import base64
    assert spreadsheet.read(base64.b64decode(made["base64"]), "ods") == complete_record()
