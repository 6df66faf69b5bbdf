"""The DPIA itself (issue 26 §1, contract part C): its format, what prefill may fill in, the open
points, the Art. 36(1) verdict, the risk map, a re-review and the document's visible blanks."""
import copy
import json
import re
import xml.etree.ElementTree as ET

import pytest

from wizards import browser
from wizards.documents import dpia
from wizards.documents.record import normalise as normalise_record
from wizards.present.texts import LANGUAGES

DATE = "2026-12-06"
SVG = "{http://www.w3.org/2000/svg}"
BLANK_MD = r"\_" * 8


def scored(*pairs):
    """A DPIA whose risks have these (severity, likelihood, residual severity, residual likelihood)."""
    d = dpia.blank()
    d["risks"] = [dict(dpia.blank_risk("access"), severity=s, likelihood=l, residual_severity=rs, residual_likelihood=rl)
                  for s, l, rs, rl in pairs]
    return dpia.normalise(d)


def record():
    return normalise_record({
        "organisation": {"name": "Jeugdhuis De Vonk", "address": "Dorpsstraat 3, 9000 Gent", "email": "info@vonk.example",
                         "phone": "", "dpo": ""},
        "activities": [
            {"activity": "Ledenlijst", "purpose": "Leden beheren", "legal_basis": "contract"},
            {"activity": "Kamp", "purpose": "Het zomerkamp organiseren", "legal_basis": "consent",
             "data_subjects": "Kinderen en ouders", "data_categories": "Naam, geboortedatum, medische fiche",
             "special_data": True, "special_condition": "Uitdrukkelijke toestemming van de ouders (art. 9, lid 2, a) AVG)",
             "recipients": "Kampdokter", "processors": "Cloudopslag X", "transfers": "geen", "retention": "Tot 1 maand na het kamp",
             "retention_source": "Eigen keuze"},
        ],
    })


SCREENING = {"wizard": "dpia", "outcome": "two_criteria", "verdict": "required", "conclusion": "Een DPIA is verplicht.",
             "summary": "Twee criteria van WP248.", "date": "2026-11-30", "language": "nl"}


# -- normalise -------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, field", [
    ({"format": "gdpr-hub-record/1", "activities": []}, "format"),
    ({"wizard": "dpia", "verdict": "required"}, "format"),
    ({**dpia.blank(), "colour": "red"}, "colour"),
    ({**dpia.blank(), "description": {"processing": ["a"]}}, "description.processing"),
    ({**dpia.blank(), "risks": [{"kind": "theft"}]}, "risks[1].kind"),
    ({**dpia.blank(), "risks": [{"kind": "access", "severity": 5}]}, "risks[1].severity"),
    ({**dpia.blank(), "risks": [{"kind": "access", "likelihood": True}]}, "risks[1].likelihood"),
    ({**dpia.blank(), "risks": [{"measures": [{"status": "maybe"}]}]}, "risks[1].measures[1].status"),
    ({**dpia.blank(), "validation": {"decided_on": "6 December"}}, "validation.decided_on"),
    ({**dpia.blank(), "validation": {"views_sought": "perhaps"}}, "validation.views_sought"),
    ({**dpia.blank(), "versions": "v1"}, "versions"),
    ({**dpia.blank(), "example": "yes"}, "example"),
])
def test_normalise_refuses_what_is_no_dpia_naming_the_field(raw, field):
    with pytest.raises(dpia.DpiaError) as caught:
        dpia.normalise(raw)
    assert caught.value.params["field"] == field
    for lang in LANGUAGES:
        assert field in caught.value.message(lang)


def test_normalise_keeps_a_dpia_and_fills_what_is_left_out():
    d = dpia.normalise({"format": dpia.FORMAT, "title": "  Kamp  ", "risks": [{"kind": "loss", "severity": 2}]})
    assert d["title"] == "Kamp" and d["risks"][0]["likelihood"] == 0 and d["validation"]["actions"] == []
    assert dpia.normalise(d) == d
    assert dpia.normalise(json.loads(json.dumps(d))) == d
    given_empty = dpia.normalise({"format": dpia.FORMAT, "risks": [{"kind": "", "measures": [{"text": "x", "status": ""}]}]})
    assert given_empty["risks"][0]["kind"] == "other" and given_empty["risks"][0]["measures"][0]["status"] == "existing"


def test_blank_lists_the_three_standard_risks_and_nothing_else():
    d = dpia.blank()
    assert [r["kind"] for r in d["risks"]] == ["access", "change", "loss"]
    values = [v for part in ("organisation", "screening", "description", "necessity") for v in d[part].values()]
    assert not any(values) and not d["title"] and not d["versions"] and not d["validation"]["actions"]


# -- prefill never invents -------------------------------------------------------------------------

def _texts(value, path=""):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _texts(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _texts(v, f"{path}[{i}]")
    elif isinstance(value, str) and value:
        yield path, value


FIXED = {".format", ".risks[0].kind", ".risks[1].kind", ".risks[2].kind"}


@pytest.mark.parametrize("row", [None, 0, 1])
@pytest.mark.parametrize("screening", [None, SCREENING])
def test_prefill_takes_every_text_from_the_record_row_or_the_screening(row, screening):
    rec = record()
    out = dpia.prefill(dpia.blank(), rec, row, screening)
    allowed = set(rec["organisation"].values())
    if row is not None:
        allowed |= {v for v in rec["activities"][row].values() if isinstance(v, str)}
    if screening:
        allowed |= {v for v in screening.values() if isinstance(v, str)}
    for path, value in _texts(out):
        if path in FIXED or path.endswith(".status"):
            continue
        assert value in allowed, f"{path} = {value!r} comes from neither the record row nor the screening"
    if row == 1:
        assert out["description"]["people"] == "Kinderen en ouders" and out["necessity"]["legal_basis"] == "consent"
        assert out["description"]["systems"] == "" and out["necessity"]["minimisation"] == ""
    if screening:
        assert out["screening"] == {"outcome": "two_criteria", "summary": "Een DPIA is verplicht.", "date": "2026-11-30"}


def test_the_document_names_the_screening_outcome_in_words():
    out = dpia.prefill(dpia.blank(), None, None, {**SCREENING, "outcome": "required"})
    assert out["screening"]["outcome"] == "required"
    text = dpia.to_markdown(out, "en", DATE)
    assert "| Outcome | You must carry out a DPIA before you start. |" in text


def test_prefill_keeps_what_the_visitor_typed():
    d = dpia.blank()
    d["description"]["purposes"] = "Mijn eigen tekst"
    out = dpia.prefill(d, record(), 1, None)
    assert out["description"]["purposes"] == "Mijn eigen tekst" and out["description"]["processing"] == "Kamp"


def test_prefill_refuses_a_row_that_is_not_there_and_a_result_of_another_wizard():
    with pytest.raises(dpia.DpiaError):
        dpia.prefill(dpia.blank(), record(), 5, None)
    with pytest.raises(dpia.DpiaError) as caught:
        dpia.prefill(dpia.blank(), None, None, {"wizard": "dpo", "outcome": "required"})
    assert caught.value.params["field"] == "screening.wizard"


# -- open points and prior consultation ------------------------------------------------------------

def test_open_points_name_each_section_and_disappear_when_filled():
    d = dpia.blank()
    fields = {(p["section"], p["field"]) for p in dpia.open_points(d, "en")}
    assert ("description", "systems") in fields and ("risks", "risks[1].residual_severity") in fields
    assert ("validation", "no_dpo_reason") in fields and ("validation", "views_sought") in fields
    d["description"]["systems"] = "Excel"
    d["validation"]["views_sought"] = "no"
    fields = {(p["section"], p["field"]) for p in dpia.open_points(d, "en")}
    assert ("description", "systems") not in fields and ("validation", "views_reason") in fields
    d["risks"] = d["risks"][:1]
    assert any(p["field"] == "loss" for p in dpia.open_points(d, "fr"))


def test_a_decision_to_proceed_despite_a_high_residual_risk_is_an_open_point():
    d = scored((4, 4, 3, 3))
    d["validation"]["decision"] = "proceed_with_measures"
    assert any(p["field"] == "decision" and "36" in p["message"] for p in dpia.open_points(d, "nl"))


@pytest.mark.parametrize("pairs, expected", [
    ([], "open"),                                            # no risk listed: nothing to go on
    ([(4, 4, 0, 0)], "open"),                                # residual not given
    ([(4, 4, 3, 0)], "open"),                                # half a residual score
    ([(4, 4, 2, 2)], "not_required"),
    ([(4, 4, 4, 2)], "not_required"),                        # grave but unlikely after measures
    ([(4, 4, 2, 4)], "not_required"),                        # likely but slight after measures
    ([(4, 4, 3, 3)], "required"),                            # both at the two highest levels
    ([(4, 4, 4, 4)], "required"),
    ([(1, 1, 1, 1), (4, 4, 3, 4)], "required"),
    ([(4, 4, 3, 3), (2, 2, 0, 0)], "required"),              # one high risk suffices, even with another open
    ([(1, 1, 1, 1), (2, 2, 0, 0)], "open"),
    ([(1, 1, 1, 1), (2, 2, 2, 1), (3, 3, 2, 3)], "not_required"),
])
def test_prior_consultation_path_by_path(pairs, expected):
    assert dpia.prior_consultation(scored(*pairs)) == expected
    words = dpia.to_markdown(scored(*pairs), "en", DATE)
    assert {"required": "Prior consultation: required", "not_required": "Prior consultation: not required",
            "open": "Prior consultation: cannot be said yet"}[expected] in words


def test_the_document_says_how_to_consult_only_when_required():
    required = dpia.to_markdown(scored((4, 4, 3, 3)), "nl", DATE)
    assert "art. 36, lid 3 AVG" in required and "contact@apd-gba.be" in required
    assert "contact@apd-gba.be" not in dpia.to_markdown(scored((4, 4, 1, 1)), "nl", DATE)


# -- the risk map ----------------------------------------------------------------------------------

def _placed(svg):
    root = ET.fromstring(svg)
    cells = {(int(r.get("data-severity")), int(r.get("data-likelihood"))): r for r in root.iter(f"{SVG}rect") if r.get("class") == "cell"}
    placed = {}
    for g in root.iter(f"{SVG}g"):
        circle = g.find(f"{SVG}circle")
        cx, cy = float(circle.get("cx")), float(circle.get("cy"))
        for (severity, likelihood), r in cells.items():
            x, y, w, h = (float(r.get(k)) for k in ("x", "y", "width", "height"))
            if x <= cx - 11 and cx + 11 <= x + w and y <= cy - 11 and cy + 11 <= y + h:
                placed[int(g.find(f"{SVG}text").text)] = (severity, likelihood)
    return root, placed


def test_the_risk_map_places_each_risk_by_number_in_its_cell_before_and_after():
    d = scored((4, 3, 2, 1), (1, 2, 1, 1), (4, 3, 3, 3), (2, 4, 0, 0), (4, 3, 1, 4), (4, 3, 1, 1), (4, 3, 1, 1))
    root, before = _placed(dpia.risk_map_svg(d, "en", "before"))
    assert before == {1: (4, 3), 2: (1, 2), 3: (4, 3), 4: (2, 4), 5: (4, 3), 6: (4, 3), 7: (4, 3)}
    assert root.find(f"{SVG}title").text == "Risk map before the measures"
    assert "Risk 4" in root.find(f"{SVG}desc").text
    _, after = _placed(dpia.risk_map_svg(d, "en", "after"))
    assert after == {1: (2, 1), 2: (1, 1), 3: (3, 3), 5: (1, 4), 6: (1, 1), 7: (1, 1)}  # risk 4 not assessed


def test_the_risk_map_is_self_contained_and_readable_on_a_phone():
    d = scored((3, 3, 1, 1))
    d["risks"][0]["title"] = "Een heel lange titel van een risico " * 4
    for lang in LANGUAGES:
        svg = dpia.risk_map_svg(d, lang, "after")
        root = ET.fromstring(svg)
        assert root.get("viewBox").startswith("0 0 400 ") and root.get("width") == "400"
        assert not re.search(r"<script|href=|url\(|<image", svg)
        sizes = [float(x) for x in re.findall(r'font-size="([\d.]+)"', svg)]
        assert min(sizes) * 360 / 400 >= 10.5 and max(sizes) <= 16  # at 360 px wide
        assert all(len(el.text or "") <= 60 for el in root.iter(f"{SVG}text"))  # the legend wraps


def _luminance(hex_colour):
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_the_numbers_and_text_of_the_map_pass_contrast():
    from wizards.documents import dpia_risk_map as m

    def ratio(a, b):
        la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
        return (la + 0.05) / (lb + 0.05)

    assert ratio(m.DISC_TEXT, m.DISC) >= 7
    assert all(ratio(m.DISC, tint) >= 4.5 and ratio(m.INK, tint) >= 7 for tint in m.TINTS.values())


# -- review keeps the earlier version ----------------------------------------------------------------

def test_review_keeps_the_earlier_decision_and_clears_the_new_one():
    d = dpia.blank()
    d["validation"].update(decision="proceed_with_measures", decided_by="An Peeters", decided_on="2025-12-01",
                           next_review="2026-12-01", dpo_name="Jan")
    once = dpia.review(d, DATE)
    assert once["versions"] == [{"decided_on": "2025-12-01", "decision": "proceed_with_measures", "decided_by": "An Peeters", "summary": ""}]
    assert once["validation"]["decision"] == once["validation"]["decided_on"] == once["validation"]["next_review"] == ""
    assert once["validation"]["dpo_name"] == "Jan"
    once["validation"].update(decision="stop", decided_by="An Peeters", decided_on="2026-12-06")
    twice = dpia.review(once, DATE)
    assert [v["decided_on"] for v in twice["versions"]] == ["2025-12-01", "2026-12-06"]
    text = dpia.to_markdown(twice, "en", DATE)
    assert "| 2025-12-01 | The processing may go ahead with the planned measures | An Peeters |" in text
    assert dpia.review(dpia.blank(), DATE)["versions"] == []  # nothing decided yet, nothing to keep


# -- the document --------------------------------------------------------------------------------------

def test_the_markdown_shows_a_blank_for_each_empty_field():
    d = dpia.blank()
    d["validation"]["actions"] = [{"what": "Back-up testen", "owner": "", "due": ""}]
    text = dpia.to_markdown(d, "nl", DATE)
    empty = (len(dpia.ORGANISATION) + len(dpia.SCREENING) + len(dpia.DESCRIPTION) + len(dpia.NECESSITY)
             + 3 * (1 + 4 + 2 + 1)   # per risk: title, four scores (table), sources, impacts, no measure
             + 2                     # the action's owner and due date
             + 3                     # DPO, its advice, why none
             + 3                     # views sought, summary, reason
             + 4                     # decision, by, on, next review
             + 1)                    # the title
    assert text.count(BLANK_MD) == empty + 1  # + the intro's example of a blank
    assert "Back-up testen" in text


def test_the_markdown_keeps_the_conventions_of_part_a():
    d = scored((3, 3, 2, 1))
    d["example"] = True
    d["risks"][0]["measures"] = [{"id": "encryption", "text": "Versleutelde laptops", "status": "existing"},
                                 {"id": "", "text": "Nieuwe kast", "status": "planned"}]
    d["validation"].update(decided_by="An <b>Peeters</b>", decided_on="2026-12-06")
    text = dpia.to_markdown(d, "nl", DATE)
    assert text.startswith("# ") and "VOORBEELD" in text
    assert "![Risicokaart voor de maatregelen](risk-map-before.svg)" in text
    assert "![Risicokaart na de maatregelen](risk-map-after.svg)" in text
    assert "- [x] Versleutelde laptops (bron: art. 32, lid 1, a) AVG) (bestaat al)" in text
    assert "- [ ] Nieuwe kast (gepland)" in text
    assert "```signature\nNaam: An <b>Peeters</b>\nFunctie: \nDatum: 2026-12-06\nHandtekening: \n```" in text
    assert set(dpia.images(d, "nl")) == {"risk-map-before.svg", "risk-map-after.svg"}


def test_the_html_preview_inlines_both_maps_and_escapes_the_visitors_text():
    d = scored((3, 3, 2, 1))
    d["title"] = "<script>alert(1)</script>"
    html = dpia.to_html(d, "fr", DATE)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count("<svg") == 2 and 'class="signature"' in html and 'class="dpia-blank"' in html


def test_catalogue_gives_the_form_its_scales_measures_and_sections():
    for lang in LANGUAGES:
        c = dpia.catalogue(lang)
        assert [k["id"] for k in c["kinds"]] == list(dpia.KINDS)
        assert [s["level"] for s in c["scales"]["severity"]] == [1, 2, 3, 4]
        assert "CNIL" in c["scales"]["method"]
        assert all(m["source"] and m["text"] for m in c["measures"])
        assert [s["id"] for s in c["sections"]] == ["organisation", "description", "necessity", "risks", "validation"]


# -- the bridge ------------------------------------------------------------------------------------------

def ask(payload, lang="en"):
    return json.loads(browser.step(json.dumps({"lang": lang, **payload})))


def test_bridge_normalise_and_refusal():
    assert ask({"document": "dpia_normalise", "dpia": dpia.blank()})["dpia"] == dpia.blank()
    reply = ask({"document": "dpia_normalise", "dpia": {"format": "gdpr-hub-record/1"}}, "fr")
    assert reply["status"] == "refused" and "format" in reply["message"] and "AIPD" in reply["message"]


def test_bridge_prefill():
    reply = ask({"document": "dpia_prefill", "record": record(), "row": 1, "screening": SCREENING})
    assert reply["status"] == "ok" and reply["dpia"]["description"]["processing"] == "Kamp"
    assert ask({"document": "dpia_prefill", "record": record(), "row": "1"})["status"] == "refused"


def test_bridge_check():
    reply = ask({"document": "dpia_check", "dpia": scored((4, 4, 3, 3))})
    assert reply["prior_consultation"] == "required" and reply["open_points"]
    assert {"section", "field", "message"} == set(reply["open_points"][0])


def test_bridge_markdown_html_and_review():
    d = scored((4, 4, 1, 1))
    d["validation"].update(decision="proceed", decided_on="2026-01-01")
    md = ask({"document": "dpia_markdown", "dpia": d, "date": DATE})
    assert "risk-map-after.svg" in md["text"] and md["images"]["risk-map-after.svg"].startswith("<svg")
    assert ask({"document": "dpia_html", "dpia": d, "date": DATE})["html"].startswith('<article class="dpia-doc"')
    reviewed = ask({"document": "dpia_review", "dpia": d, "date": DATE})["dpia"]
    assert reviewed["versions"][0]["decided_on"] == "2026-01-01" and reviewed["validation"]["decision"] == ""
    assert ask({"document": "dpia_catalogue"})["catalogue"]["format"] == dpia.FORMAT
    assert ask({"document": "dpia_nonsense", "dpia": d})["status"] == "refused"


# -- the sector samples (sectors/<id>/dpia.yml) --------------------------------------------------------

import os  # noqa: E402
import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

from hub.schema import SchemaError  # noqa: E402
from hub.sectors import SECTORS_DIR, load_all, load_dpia_sample, load_sector  # noqa: E402

EXPECTED = Path(__file__).parent / "expected" / "dpia"
SAMPLES = {s.id: s.dpia for s in load_all()}
SAMPLE_SECTORS = ("hr-services", "insurance-intermediaries", "pharmacies", "socio-cultural", "tech")


def test_each_of_the_five_sectors_has_a_sample():
    assert all(SAMPLES[s] for s in SAMPLE_SECTORS)


@pytest.mark.parametrize("sector_id", SAMPLE_SECTORS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_expected_dpia_documents(sector_id, lang):
    """The reviewed sample documents. After a deliberate change, review the diff and rewrite them with
    `WRITE_EXPECTED=1 ... -m pytest tests/test_dpia_doc.py -k expected`."""
    text = dpia.to_markdown(dpia.from_sample(SAMPLES[sector_id], lang), lang, DATE)
    path = EXPECTED / f"{sector_id}.{lang}.md"
    if os.environ.get("WRITE_EXPECTED"):
        EXPECTED.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} missing: review and write it (see this test's docstring)"
    assert text == path.read_text(encoding="utf-8"), f"{path.name} differs from the reviewed file"


@pytest.mark.parametrize("sector_id", SAMPLE_SECTORS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_sample_is_an_example_with_a_source_for_each_risk_and_measure(sector_id, lang):
    d = dpia.from_sample(SAMPLES[sector_id], lang)
    assert d["example"] and d["sector"] == sector_id and dpia.normalise(d) == d
    text = dpia.to_markdown(d, lang, DATE)
    assert {"nl": "VOORBEELD", "fr": "EXEMPLE", "en": "EXAMPLE"}[lang] in text
    source_word = {"nl": "bron", "fr": "source", "en": "source"}[lang]
    for risk in d["risks"]:
        assert risk["kind"] != "other" or f"({source_word}" in risk["impacts"], risk["title"]
        for m in risk["measures"]:
            assert m["id"] in dpia.measures() or f"({source_word}" in m["text"], m["text"]
    # no sample reaches for a text of another language
    other = {"nl": ("the ", " GDPR", " RGPD"), "fr": (" the ", " GDPR", " AVG"), "en": (" AVG", " RGPD", " het ")}[lang]
    for path, value in _texts(d):
        assert not any(word in value for word in other), f"{path}: {value}"


def _copy(tmp_path, sector="pharmacies"):
    folder = tmp_path / sector
    shutil.copytree(SECTORS_DIR / sector, folder)
    return folder / "dpia.yml"


@pytest.mark.parametrize("old, new, field, expected", [
    ("severity: 3\n", "severity: 5\n", "risks[1].severity", "a whole number from 1 to 4"),
    ("  - kind: change\n", "  - kind: theft\n", "risks[2].kind", "one of access"),
    ("      - id: backup\n", "      - id: backups\n", "risks[3].measures[1]", "unknown measure id 'backups'"),
    ("        status: planned\n", "        status: later\n", "risks[1].measures[4].status", "one of existing, planned"),
    ("  - kind: loss\n", "  - kind: access\n", "", "missing kind: loss"),
    ('    source:\n      nl: "art. 7 AVG; eHealth-platform, eHealthConsent"\n      fr: "art. 7 RGPD ; plateforme eHealth, eHealthConsent"\n'
     '      en: "Art. 7 GDPR; eHealth platform, eHealthConsent"\n', "", "risks[4]", "needs its source"),
    ("organisation:\n", "organisatie:\n", "organisatie", "unknown field"),
])
def test_a_broken_sample_fails_the_build_with_file_line_and_field(tmp_path, old, new, field, expected):
    file = _copy(tmp_path)
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(SchemaError) as error:
        load_sector(file.parent)
    message = str(error.value)
    assert "dpia.yml" in message and f"field {field or '(top)'}:" in message and expected in message, message
    assert error.value.line > 0


def test_a_broken_sample_names_its_line(tmp_path):
    file = _copy(tmp_path)
    text = file.read_text(encoding="utf-8").replace("    likelihood: 2\n", '    likelihood: "2"\n', 1)
    file.write_text(text, encoding="utf-8")
    with pytest.raises(SchemaError) as error:
        load_dpia_sample(file.parent)
    assert error.value.line == text[: text.index('likelihood: "2"')].count("\n") + 1


def test_a_sector_without_a_sample_still_loads(tmp_path):
    file = _copy(tmp_path)
    file.unlink()
    assert load_sector(file.parent).dpia is None


def test_a_copied_template_sample_loads_under_the_new_folder(tmp_path):
    folder = tmp_path / "newsector"
    shutil.copytree(SECTORS_DIR / "_template", folder)
    assert load_dpia_sample(folder)["sector"] == "newsector"
