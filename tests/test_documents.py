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
from wizards.present.texts import LANGUAGES, t

EXPECTED = Path(__file__).parent / "expected" / "documents"
DATE = "2026-12-02"
SECTORS = {s.id: s for s in load_all()}


def complete_record():
    """A record with every field filled in: the checker must find nothing to say about it."""
    row = {f: f"{f} value" for f in ACTIVITY_FIELDS}
    row.update(legal_basis="legitimate_interests", special_data=True, indirect=False, monitoring=False)
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
    record["activities"][1].update(indirect=True, safeguards_copy="=copie sur demande")
    record["suppliers"][0].update(docking=True, authorisation="general", period="30 jours", dpo="+32 dpo@soft.example",
                                  safeguards="Accès « journalisé »; 2 personnes", assistance="- sous 48 h", language="néerlandais",
                                  checklist={"a": True, "h": True, "warn": True})
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


@pytest.mark.parametrize("field, article", [("controller", "30(2)(a)"), ("controller_contact", "30(2)(a)"), ("activity", "30(2)(b)"),
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
    assert "Art. 7(3)" not in notice.to_html(record, "en", DATE)
    record["activities"][0]["legal_basis"] = "consent"
    assert "Art. 7(3) GDPR" in notice.to_html(record, "en", DATE)


# -- issue 22, section 4: a document never states what the visitor did not say -------------------

def _notice(record, lang="en"):
    return notice.to_html(record, lang, DATE)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_notice_names_the_art_9_condition_of_each_sensitive_activity(lang):
    """Issue 22 §4, first point: Art. 9(2) GDPR (9(2)(h) with 9(3) for a pharmacy's care, 9(2)(a) for the shared
    pharmaceutical record) and, for criminal data, Art. 10 GDPR with Art. 10 WVG, in the notice; the samples give them."""
    pharmacy = _notice(from_sector(SECTORS["pharmacies"].data, lang), lang)
    hr = _notice(from_sector(SECTORS["hr-services"].data, lang), lang)
    h, a, wvg = {"en": ("9(2)(h) and 9(3)", "9(2)(a)", "Art. 10 of the Belgian Act of 30 July 2018"),
                 "nl": ("9, lid 2, h) en lid 3", "9, lid 2, a)", "art. 10 WVG"),
                 "fr": ("9, §\u00a02, h) et §\u00a03", "9, §\u00a02, a)", "art. 10 LPD")}[lang]
    assert h in pharmacy.replace("§ ", "§\u00a0") and a in pharmacy.replace("§ ", "§\u00a0")
    assert wvg in hr


def test_a_sensitive_activity_without_its_condition_gets_a_blank_and_a_warning():
    """Issue 22 §4, first point: Art. 9(1) forbids health data unless a condition of Art. 9(2) holds; the notice
    must not stay silent on it and the record check warns."""
    record = complete_record()
    record["activities"][0]["special_condition"] = ""
    assert "[to fill in: the condition of Art. 9(2) GDPR" in _notice(record)
    assert [g.field for g in check(record)] == ["special_condition"]
    assert "Art. 9(1)-(2) and 10 GDPR" in messages(record, "en")[0]
    record["activities"][0]["special_data"] = False
    assert check(record) == [] and "Art. 9(2)" not in _notice(record)


@pytest.mark.parametrize("lang, erase_old, numerous, marketing", [
    ("en", "when we no longer need to keep them", "complex or numerous", "Art. 21(2) and (3) GDPR"),
    ("nl", "als we ze niet meer moeten bewaren", "ingewikkelde of talrijke", "art. 21, leden 2 en 3 AVG"),
    ("fr", "quand nous ne devons plus les garder", "complexes ou nombreuses", "art. 21, §§ 2 et 3 RGPD")])
def test_notice_rights_follow_art_17_1_and_state_direct_marketing_apart(lang, erase_old, numerous, marketing):
    """Issue 22 §4, second point: erasure on the grounds of Art. 17(1), not "when we no longer must keep"; the
    right to object to direct marketing at any time, without reasons, in its own paragraph (Art. 21(2)-(4));
    the extension of Art. 12(3) also for a large number of requests."""
    html = _notice(complete_record(), lang).replace("\u202f", " ").replace("\u00a0", " ")
    assert erase_old not in html
    assert "17(3)" in html or "17, lid 3" in html or "17, § 3" in html
    paragraph = next(p for p in html.split("\n") if marketing in p)
    assert paragraph.startswith("<p><strong>") and "15)" not in paragraph  # its own paragraph, not in the list
    assert numerous in html


def test_notice_says_no_automated_decisions_only_when_the_record_says_none():
    """Issue 22 §4, third point: Art. 13(2)(f) and 14(2)(g) GDPR; without an answer the notice asks, never assumes."""
    record = complete_record()
    record["activities"][0]["automated"] = ""
    html = _notice(record)
    assert "We take no decision about you" not in html and "[to fill in: say whether you take decisions" in html
    assert [g.field for g in check(record)] == ["automated"]
    assert "Write “none”" in messages(record, "en")[0]
    for word, lang in (("none", "en"), ("Geen", "nl"), ("aucune.", "fr")):
        record["activities"][0]["automated"] = word
        assert t(lang, "doc.notice.automated_none")[:20] in notice.to_html(record, lang, DATE).replace("\u202f", " ")
        assert check(record) == []
    record["activities"][0]["automated"] = "Credit check by an external score"
    html = _notice(record)
    assert "Credit check by an external score" in html and "We take no decision about you" not in html


def test_data_from_others_ask_for_their_source_and_say_when_to_inform():
    """Issue 22 §4, fourth point: Art. 14(2)(f) GDPR, the source (and whether it is public), and Art. 14(3), when
    to inform the people; the record check asks for the source and the record keeps the deadline in sight."""
    record = complete_record()
    record["activities"][0].update(indirect=True, source="")
    html = _notice(record)
    assert "[to fill in: where the data come from, and whether from a publicly accessible source]" in html
    assert "Must you give them?" not in html  # Art. 13(2)(e) is for data the person gives
    gaps = check(record)
    assert [g.field for g in gaps] == ["source"] and "Art. 14(3) GDPR" in messages(record, "en")[0]
    record["activities"][0]["source"] = "Your employer"
    assert check(record) == [] and "Your employer" in _notice(record)
    assert "When to inform the people (Art. 14(3) GDPR)" in tables.to_markdown(record, "en", DATE)


def test_a_transfer_says_how_to_get_a_copy_of_its_safeguards():
    """Issue 22 §4, fourth point: Art. 13(1)(f) GDPR, the means to obtain a copy of the safeguards."""
    record = complete_record()
    record["activities"][0].update(transfers="United States: standard contractual clauses", safeguards_copy="")
    assert "[to fill in: the safeguard for this transfer" in _notice(record)
    assert [g.field for g in check(record)] == ["safeguards_copy"]
    for none in ("none", "geen", "Aucun"):
        record["activities"][0]["transfers"] = none
        assert check(record) == [] and "copy of the safeguards" not in _notice(record)


def test_the_gaps_of_the_notice_concern_only_the_rows_it_covers():
    """Art. 13 and 14 GDPR are about the notice: a row the notice leaves out is not asked for them."""
    record = complete_record()
    record["activities"].append({**record["activities"][0], "automated": ""})
    record = normalise(record)
    record["notice"]["activities"] = [0]
    assert check(record) == []
    record["notice"]["activities"] = []
    assert [(g.row, g.field) for g in check(record)] == [(1, "automated")]


@pytest.mark.parametrize("option, says, never", [
    ("specific", "at least 2 weeks before it engages a sub-processor", "in advance, so that the controller can object"),
    ("general", "at least 2 weeks in advance, so that the controller can object", "before it engages")])
def test_annex_period_is_labelled_by_the_option_chosen(option, says, never):
    """Issue 22 §4, fifth point: Clause 7.7(a) of Decision (EU) 2021/915; option 1, the time before engaging a
    sub-processor to ask authorisation; option 2, the notice of an intended change."""
    record = complete_record()
    record["suppliers"][0].update(authorisation=option, period="2 weeks")
    text = annexes.to_markdown(record, 0, "en", DATE)
    assert says in text and never not in text and "notice of changes" not in text


def test_annex_ii_asks_for_the_safeguards_of_sensitive_data_not_their_categories():
    """Issue 22 §4, fifth point: Annex II asks for the restrictions or safeguards applied to sensitive data
    (Clause 7.5 of Decision (EU) 2021/915), not a copy of the categories."""
    record = from_sector(SECTORS["pharmacies"].data, "en")
    text = annexes.to_markdown(record, 0, "en", DATE)
    line = next(x for x in text.splitlines() if x.startswith("**Restrictions or safeguards"))
    assert "[to fill in: for example strict purpose limitation" in line and "(health data)" not in line
    record["suppliers"][0]["safeguards"] = "Only two named engineers see patient data"
    assert "Only two named engineers see patient data" in annexes.to_markdown(record, 0, "en", DATE)


def test_annexes_have_assistance_contact_dpo_signatures_and_language():
    """Issue 22 §4, fifth point: Annex III the processor's assistance measures (Clause 8(d)); Annex I the processor's
    contact person and DPO and a signature line for each party; the language version that prevails."""
    record = complete_record()
    text = annexes.to_markdown(record, 0, "en", DATE)
    # Blanks are escaped in Markdown (issue 24, section 2): they show as "\\[to fill in\\]" once rendered.
    assert "with their scope and extent (Clause 8(d)):** \\[to fill in\\]" in text
    assert "**Contact person of the processor (name, function and contact details):** \\[to fill in\\]" in text
    assert "**Data protection officer of the processor:** \\[to fill in if the processor has one\\]" in text
    # Each party signs in a box of its own (issue 26, contract part A: a ```signature block).
    for party in ("controller", "processor"):
        box = f"**Signature for the {party}**\n\n```signature\nName: \nPosition: \nDate: \nSignature: \n```"
        assert text.count(box) == 1
    assert "\\[to fill in only if you sign in two languages\\]" in text
    record["suppliers"][0].update(contact="Jan Smit, DPO desk", dpo="dpo@soft.example", assistance="Answers within 3 days",
                                  language="Dutch")
    text = annexes.to_markdown(record, 0, "en", DATE)
    assert all(v in text for v in ("Jan Smit, DPO desk", "dpo@soft.example", "Answers within 3 days", "Dutch"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_checklist_adds_art_28_2_28_3_last_subparagraph_and_28_4(lang):
    """Issue 22 §4, sixth point: the duty to warn of an infringing instruction (Art. 28(3), last subparagraph), the
    right to object to new sub-processors (28(2)) and the processor's full liability for them (28(4))."""
    text = annexes.checklist_markdown(complete_record(), 0, lang, DATE).replace("\u202f", " ").replace("\u00a0", " ")
    cites = {"en": ("28(3), last subparagraph", "(Art. 28(2))", "(Art. 28(4))"),
             "nl": ("28, lid 3, laatste alinea", "(art. 28, lid 2)", "(art. 28, lid 4)"),
             "fr": ("28, § 3, dernier alinéa", "(art. 28, § 2)", "(art. 28, § 4)")}[lang]
    assert all(c in text for c in cites) and text.count("- [ ] ") == 11 and text.count("- [x] ") == 1


def test_notice_does_not_print_the_version_of_the_rules():
    """Issue 23, defect 23: a visitor's customers read the notice; the version stays on the record and annexes."""
    record = complete_record()
    assert "documents-1" not in _notice(record) and DATE in _notice(record)
    assert "documents-1" in tables.to_markdown(record, "en", DATE)
    assert "documents-1" in annexes.to_markdown(record, 0, "en", DATE)


def test_a_record_saved_before_the_new_fields_still_loads():
    """The record's format key is unchanged: a record without the fields of issue 22 §4 loads with them empty."""
    old = {"format": "gdpr-hub-record/1", "role": "processor",
           "organisation": {"name": "Soft NV"}, "activities": [{"activity": "Hosting", "controller": "Apotheek X"}],
           "suppliers": [{"name": "Cloud BV", "period": "30 days", "checklist": {"a": True}}], "notice": {"activities": []}}
    record = normalise(old)
    assert record["activities"][0]["controller_contact"] == "" and record["activities"][0]["indirect"] is False
    assert record["suppliers"][0]["safeguards"] == "" and record["suppliers"][0]["checklist"]["liable"] is False
    # An export of that time always had its activities sheet (a workbook without one is refused, issue 24).
    old_sheet = {"Record": [["activity", "controller"], ["Hosting", "Apotheek X"]],
                 "Suppliers": [["name", "period", "checklist.a"], ["Cloud BV", "30 days", "yes"]],
                 "About": [["format", "gdpr-hub-record/1"], ["role", "controller"]]}
    assert tables.from_sheets(old_sheet)["suppliers"][0]["checklist"]["a"] is True


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
    assert bad.returncode == 2 and "The record is not valid JSON: line 1, column 2." in bad.stderr and "Traceback" not in bad.stderr
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
