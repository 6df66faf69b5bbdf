"""The GDPR file (wizards/documents/gdpr_file.py): the overview from what a browser keeps, the .zip of
every document, and that .zip read back to the same state; hostile zips refused in the page's language."""
import copy
import io
import json
import shutil
import subprocess
import zipfile

import pytest

from hub.sectors import load_all
from wizards.browser import step
from wizards.documents import gdpr_file
from wizards.documents.bridge import handle
from wizards.documents.file_state import FileError, normalise
from wizards.documents.record import RecordError
from wizards.documents.sample import from_sector
from wizards.present.texts import t

DATE = "2026-12-06"
SECTORS = {s.id: s for s in load_all()}


def result(wizard, answers, lang="nl"):
    """A wizard's result as wizard.js keeps it in gdpr-hub.results."""
    reply = json.loads(step(json.dumps({"wizard": wizard, "answers": answers, "lang": lang})))
    assert reply["status"] == "result", reply
    return {"record": json.loads(reply["record_json"]), "lang": lang}


def a_dpia(ident, title, decision="", next_review=""):
    """A DPIA in the contract's format (gdpr-hub-dpia/1), a few fields filled in."""
    risk = lambda kind: {"kind": kind, "title": "", "sources": "", "impacts": "", "severity": 2, "likelihood": 3,  # noqa: E731
                         "measures": [{"id": "", "text": "Toegang met twee stappen", "status": "existing"}],
                         "residual_severity": 2, "residual_likelihood": 1}
    return {"format": "gdpr-hub-dpia/1", "id": ident, "title": title, "example": False, "sector": "pharmacies",
            "organisation": {"name": "Apotheek De Linde", "address": "", "contact": ""},
            "screening": {"outcome": "required", "summary": "", "date": DATE},
            "description": {"processing": f"Verwerking van {title}", "purposes": "Zorg", "data": "Medicatie", "special_data": "gezondheid",
                            "people": "Patiënten", "recipients": "", "retention": "", "systems": "", "suppliers": ""},
            "necessity": {k: "" for k in ("legal_basis", "special_condition", "minimisation", "accuracy", "retention",
                                          "information", "rights", "processors", "transfers")},
            "risks": [risk("access"), risk("change"), risk("loss")],
            "validation": {"actions": [{"what": "Back-up testen", "owner": "An", "due": "2027-01-31"}],
                           "dpo_name": "", "dpo_advice": "", "no_dpo_reason": "", "views_sought": "", "views_summary": "",
                           "views_reason": "", "decision": decision, "decided_by": "An Peeters" if decision else "",
                           "decided_on": DATE if decision else "", "next_review": next_review},
            "versions": []}


def full_state(lang="nl"):
    record = from_sector(SECTORS["pharmacies"].data, lang)
    return {
        "record": record,
        "results": {
            "register": result("register", {"employees": "0", "has_staff": "yes"}, lang),
            "dpo": result("dpo", {"public_body": "yes"}, lang),
            "dpia": result("dpia", {"gba_list": "", "automated_evaluation": "yes"}, lang),
            "processor": result("processor", {"handles_data": "yes", "purposes": "instructions"}, lang),
            "cookies": result("cookies", {"purpose": "transmission", "only_that": "yes"}, lang),
            "breach": result("breach", {"is_breach": "yes", "role": "controller", "unreadable": "no", "high_risk": "no",
                                        "risk": "no", "aware_at": "2026-12-05T10:00"}, lang),
            "requests": result("requests", {"asks": "access", "excessive": "yes", "received_on": "2026-12-01",
                                          "person_language": "nl", "org_name": "Apotheek De Linde", "org_contact": "info@delinde.example"}, lang),
        },
        "profile": {"org_name": "Apotheek De Linde", "employees": "12"},
        "dpias": {"format": "gdpr-hub-dpias/1", "items": [a_dpia("d1", "Gedeeld farmaceutisch dossier", "proceed_with_measures", "2027-12-01"),
                                                          a_dpia("d2", "Camerabewaking")]},
    }


def done_state(lang="nl"):
    """Every part the overview checks is done: nothing must be listed as missing."""
    state = full_state(lang)
    state["record"] = json.loads(json.dumps(__import__("tests.test_documents", fromlist=["x"]).complete_record()))
    supplier = state["record"]["suppliers"][0]
    supplier.update(address="Straat 2, Gent", contact="Jan", nature="hosting", duration="duur van het contract",
                    measures="versleuteling", assistance="binnen 48 uur", period="30 dagen", subprocessors="geen", language="Nederlands", safeguards="twee personen",
                    checklist={p: True for p in supplier["checklist"]})
    state["dpias"]["items"] = [finished_dpia()]
    return state


def finished_dpia():
    """Every field dpia.open_points asks about filled in, decided, next review in the future."""
    done = a_dpia("d1", "Gedeeld farmaceutisch dossier", "proceed", "2027-12-01")
    for part in ("description", "necessity"):
        done[part] = {k: v or f"{k} ingevuld" for k, v in done[part].items()}
    for risk in done["risks"]:
        risk.update(sources="een indringer", impacts="gegevens gelekt")
    done["validation"].update(dpo_name="An Peeters", dpo_advice="akkoord", views_sought="no", views_reason="niet nodig")
    return done


# ---- the overview, path by path ---------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_an_empty_browser_lists_everything_missing(lang):
    summary = gdpr_file.summary({}, lang, DATE)
    links = [m["link"] for m in summary["missing"]]
    assert summary["empty"] and summary["note"] == t(lang, "file.only_here")
    for page in ("wizards/register/", "wizards/dpo/", "wizards/dpia/", "wizards/processor/", "wizards/cookies/",
                 "wizards/record/", "wizards/"):
        assert page in links
    # A breach or a request is no work to do before it happens.
    assert "wizards/breach/" not in links and "wizards/requests/" not in links
    assert not any(w["answered"] for w in summary["wizards"])


def test_a_complete_file_lists_nothing_missing():
    summary = gdpr_file.summary(done_state(), "nl", DATE)
    assert summary["missing"] == [] and not summary["empty"] and summary["broken"] == []
    assert all(w["answered"] and w["date"] and w["verdict"] for w in summary["wizards"])
    assert summary["suppliers"] == [{"name": "Soft NV", "annex": True, "checklist": True, "link": "wizards/record/"}]
    assert summary["dpias"][0]["decision_label"] == t("nl", "file.decision.proceed")
    assert [log["id"] for log in summary["logs"]] == ["breach", "requests"]
    assert summary["logs"][0]["lines"]  # the breach log's clock and row


def test_a_supplier_without_checklist_is_work_to_do():
    state = done_state()
    state["record"]["suppliers"][0]["checklist"]["h"] = False
    summary = gdpr_file.summary(state, "nl", DATE)
    assert summary["suppliers"][0]["checklist"] is False and summary["suppliers"][0]["annex"] is True
    assert summary["missing"] == [{"text": t("nl", "file.todo.checklist", name="Soft NV", n=1, total=12), "link": "wizards/record/"}]


def test_annex_blanks_dpia_open_and_review_due_are_listed():
    state = done_state("en")
    state["record"]["suppliers"][0]["duration"] = ""
    state["dpias"]["items"].append(a_dpia("d2", "Cameras", next_review="2026-01-01"))
    texts = [m["text"] for m in gdpr_file.summary(state, "en", DATE)["missing"]]
    assert t("en", "file.todo.annex", name="Soft NV") in texts
    assert any("Cameras" in text and "2026-01-01" in text for text in texts)
    assert any(text.startswith("DPIA “Cameras”") for text in texts)


def test_a_required_dpia_without_any_dpia_kept_is_work_to_do():
    state = done_state()
    state["dpias"] = None
    assert state["results"]["dpia"]["record"]["verdict"] == "required"
    missing = gdpr_file.summary(state, "nl", DATE)["missing"]
    assert missing == [{"text": t("nl", "file.todo.dpia_none"), "link": "wizards/dpia-builder/"}]


def test_a_broken_part_is_named_and_the_rest_still_shown():
    state = full_state()
    state["results"]["dpo"] = {"record": {"wizard": "dpo"}, "lang": "nl"}
    state["profile"] = ["not", "a", "profile"]
    summary = gdpr_file.summary(state, "nl", DATE)
    assert len(summary["broken"]) == 2 and summary["record"]["present"]
    assert [w["id"] for w in summary["wizards"] if w["answered"]] == ["register", "dpia", "processor", "cookies"]


# ---- the .zip and its round trip ---------------------------------------------------------------------

def test_the_zip_reads_back_to_the_same_state_and_holds_every_document(tmp_path):
    state = full_state()
    docs = gdpr_file.documents(state, "nl", DATE)
    extra = {f"{d['name']}.docx": b"PK docx bytes" for d in docs} | {"../../etc/evil.docx": b"x"}
    data = gdpr_file.bundle(state, "nl", DATE, extra)
    assert gdpr_file.read_bundle(data) == normalise(state)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert {f"{d['name']}.docx" for d in docs} <= set(names)  # each .docx beside its .odt, under the same name
    assert all("/" not in n and ".." not in n for n in names)
    assert {f"{d['name']}.odt" for d in docs} | {f"{d['name']}.md" for d in docs} <= set(names)
    assert {"README.txt", "gdpr-file.json", "verwerkingsregister.xlsx", "evil.docx"} <= set(names)
    kinds = " ".join(names)
    for part in ("verwerkingsregister", "bijlagen", "checklist", "privacyverklaring", "resultaat-dpo", "resultaat-breach",
                 "resultaat-requests", "dpia-gedeeld-farmaceutisch-dossier", "dpia-camerabewaking"):
        assert part in kinds, part
    dpia_md = zipfile.ZipFile(io.BytesIO(data)).read(next(n for n in names if "camerabewaking" in n and n.endswith(".md"))).decode()
    for image in ("risk-map-before.svg", "risk-map-after.svg"):  # each picture beside its .md, under the name it uses
        shown = next(n for n in names if "camerabewaking" in n and n.endswith(image))
        assert f"]({shown})" in dpia_md and zipfile.ZipFile(io.BytesIO(data)).read(shown).startswith(b"<svg")
    readme = zipfile.ZipFile(io.BytesIO(data)).read("README.txt").decode("utf-8")
    assert t("nl", "file.readme.reopen") in readme and "gdpr-file.json" in readme and t("nl", "file.readme.docx_made") in readme


def test_the_zips_odt_files_open_in_libreoffice_with_their_headings(tmp_path):
    """One soffice call converts every .odt of the zip to text; each holds its document's first heading."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is missing: ./run.sh test installs it"
    state = full_state()
    archive = zipfile.ZipFile(io.BytesIO(gdpr_file.bundle(state, "nl", DATE, {})))
    odts = [n for n in archive.namelist() if n.endswith(".odt")]
    archive.extractall(tmp_path / "zip", members=odts)
    out = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "txt:Text",
                          "--outdir", str(tmp_path / "txt"), *[str(tmp_path / "zip" / n) for n in odts]],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    for doc in gdpr_file.documents(state, "nl", DATE):
        text = (tmp_path / "txt" / f"{doc['name']}.txt").read_text(encoding="utf-8-sig")
        heading = gdpr_file._title(doc["markdown"])
        assert heading and heading in text, (doc["name"], heading)
        second = [line[3:].replace("\\", "") for line in doc["markdown"].splitlines() if line.startswith("## ")][:1]
        assert all(h in text for h in second), (doc["name"], second)


def test_an_empty_browser_still_gives_a_zip_that_reads_back():
    data = gdpr_file.bundle({}, "fr", DATE, {})
    assert gdpr_file.read_bundle(data) == normalise({})
    readme = zipfile.ZipFile(io.BytesIO(data)).read("README.txt").decode("utf-8")
    assert "Dossier RGPD" in readme and t("fr", "file.readme.docx_made") not in readme  # no .docx in this one
    assert "- gdpr-file.json\u202f: " in readme  # French spacing in the listing


# ---- hostile zips ------------------------------------------------------------------------------------

def _zip(files):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return out.getvalue()


def _bomb():
    """gdpr-file.json declared (and deflated) at 100 MB of zeros: refused before it is inflated."""
    return _zip({"gdpr-file.json": b"0" * 100_000_000})


HOSTILE = {
    "no_json": lambda: _zip({"README.txt": "hello"}),
    "not_zip": lambda: b"this is not a zip at all",
    "too_big": _bomb,
    "bad_json": lambda: _zip({"gdpr-file.json": "{not json"}),
    "bad_part": lambda: _zip({"gdpr-file.json": json.dumps({"format": "gdpr-hub-file/1", "state": {"record": [1, 2]}})}),
    "bad_result": lambda: _zip({"gdpr-file.json": json.dumps({"format": "gdpr-hub-file/1",
                                                                "state": {"results": {"dpo": {"record": {}, "lang": "nl"}}}})}),
}


@pytest.mark.parametrize("kind", list(HOSTILE))
@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_hostile_zips_are_refused_in_the_pages_language(kind, lang):
    data = HOSTILE[kind]()
    with pytest.raises(RecordError) as refused:  # a FileError, or the record's own refusal naming its field
        gdpr_file.read_bundle(data)
    assert refused.value.key == kind or (kind == "bad_part" and refused.value.key in ("not_record", "bad_part"))
    import base64
    reply = json.loads(handle({"document": "file_read", "base64": base64.b64encode(data).decode()}, lang))
    assert reply["status"] == "refused" and reply["message"] == refused.value.message(lang)
    assert "Traceback" not in reply["message"] and reply["message"]


def test_a_deeply_nested_json_is_refused_without_parsing_it():
    data = _zip({"gdpr-file.json": "[" * 100_000 + "]" * 100_000})
    with pytest.raises(FileError) as refused:
        gdpr_file.read_bundle(data)
    assert refused.value.key == "bad_json"


def test_a_result_with_an_unknown_wizard_or_extra_key_is_refused():
    for results in ({"nope": {"record": {}, "lang": "nl"}}, {"dpo": {"record": {}, "lang": "nl", "html": "<script>"}}):
        with pytest.raises(FileError):
            normalise({"results": results})


# ---- the bridge ----------------------------------------------------------------------------------------

def test_bridge_payloads_summary_documents_bundle_and_read():
    import base64
    state = full_state("en")
    summary = json.loads(handle({"document": "file_summary", "state": state, "date": DATE}, "en"))
    assert summary["status"] == "ok" and summary["summary"]["record"]["present"]
    docs = json.loads(handle({"document": "file_documents", "state": state, "date": DATE}, "en"))
    assert docs["status"] == "ok" and all(set(d) == {"name", "markdown", "images", "organisation"} for d in docs["documents"])
    made = json.loads(handle({"document": "file_bundle", "state": state, "date": DATE,
                              "extra": {"x.docx": base64.b64encode(b"docx").decode()}}, "en"))
    assert made["status"] == "ok" and made["type"] == "application/zip" and made["name"].endswith(".zip")
    back = json.loads(handle({"document": "file_read", "base64": made["base64"]}, "en"))
    assert back["status"] == "ok" and back["state"] == json.loads(json.dumps(normalise(state)))
    assert back["keys"] == {"record": "gdpr-hub.record", "results": "gdpr-hub.results", "profile": "gdpr-hub.profile",
                            "dpias": "gdpr-hub.dpias"}


def test_the_state_given_is_not_changed():
    state = full_state()
    before = copy.deepcopy(state)
    gdpr_file.bundle(state, "nl", DATE, {})
    gdpr_file.summary(state, "nl", DATE)
    assert state == before


def test_a_result_an_earlier_page_kept_as_markdown_is_shown_and_kept():
    """wizard.js once kept {"md": ...}: the overview counts it as answered, the zip keeps it and writes it as text."""
    state = {"results": {"dpo": {"md": "# Resultaat\n\n- Uitkomst: **Verplicht**: u moet een DPO aanstellen\n<script>x</script>"}}}
    summary = gdpr_file.summary(state, "nl", DATE)
    dpo = next(w for w in summary["wizards"] if w["id"] == "dpo")
    assert dpo["answered"] and dpo["verdict"] == "Uitkomst: Verplicht: u moet een DPO aanstellen" and summary["broken"] == []
    data = gdpr_file.bundle(state, "nl", DATE, {})
    assert gdpr_file.read_bundle(data)["results"] == state["results"]
    text = next(d["markdown"] for d in gdpr_file.documents(state, "nl", DATE) if d["name"].endswith("resultaat-dpo"))
    assert "<script>" not in text and "\\<script\\>" in text  # Markdown-escaped: text, never markup
