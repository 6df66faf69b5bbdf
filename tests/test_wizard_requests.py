"""Requests wizard (Art. 12-22 GDPR): scenarios from real cases, each with its source."""
import datetime as dt
import json
import subprocess
import sys

import pytest

from wizards.engine import belgian_time
from wizards.registry import WIZARDS

WIZARD = WIZARDS["requests"]
from wizards.engine.walk import Refused, decide
from wizards.present.render import to_dict
from wizards.documents.requests_log import letter

NOW = dt.datetime(2026, 12, 2, 10, 0, tzinfo=dt.timezone.utc)
OK = {"excessive": "no"}


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setattr(belgian_time, "now_utc", lambda: NOW)


def d(**answers):
    return decide(WIZARD, answers)


def test_customer_asks_what_data_you_hold():
    """Art. 15(1) and (3); EDPB 01/2022: a copy of the data and the information, free of charge."""
    decision = d(asks="access", others_data="no", **OK)
    assert (decision.verdict.value, decision.outcome, decision.role) == ("required", "access_full", "full")


def test_former_employee_access_with_colleagues_in_the_emails():
    """Art. 15(4); EDPB 01/2022 on the rights of others: black out, do not refuse everything."""
    decision = d(asks="access", others_data="yes", **OK)
    assert (decision.outcome, decision.role) == ("access_partly", "partial")
    actions = " ".join(a["text"] for a in to_dict(WIZARD, decision, "en")["actions"])
    assert "do not refuse everything" in actions


def test_rejected_candidate_asks_erasure_of_cv():
    """Art. 17(1)(a): the purpose is over; the GBA reprimanded a firm that kept using a candidate's data
    after an erasure request (legal-facts RT-11, secondary source)."""
    decision = d(asks="erasure", erase_ground="yes", must_keep="no", **OK)
    assert (decision.verdict.value, decision.outcome) == ("required", "erase")


def test_former_customer_asks_erasure_but_invoices_must_be_kept():
    """Art. 17(3)(b) with Art. III.88 WER (7 years, legal-facts RT-1): erase the rest, keep the invoices."""
    decision = d(asks="erasure", erase_ground="yes", must_keep="yes", **OK)
    assert (decision.outcome, decision.role) == ("erase_partly", "partial")
    record = to_dict(WIZARD, decision, "nl")
    assert any("III.88" in s["label"] for s in record["sources"])
    assert any("10 jaar" in a["text"] and "boekhouder" in a["text"] for a in record["actions"])


def test_current_customer_with_a_running_contract_asks_erasure_without_a_ground():
    """Art. 17(1): none of the grounds holds while the data are still needed for the contract."""
    assert d(asks="erasure", erase_ground="no", **OK).outcome == "erase_refuse"


def test_webshop_customer_asks_order_history_in_a_file():
    """Art. 20(1): provided by the person, on a contract, by automated means."""
    assert d(asks="portability", portable="yes", **OK).outcome == "port"


def test_employee_asks_tax_data_in_a_portable_file():
    """Art. 20(1): processing on a legal obligation is neither consent nor contract; access remains (Art. 15)."""
    decision = d(asks="portability", portable="no", **OK)
    assert (decision.verdict.value, decision.outcome) == ("not_required", "port_refuse")
    assert "Art. 15" in to_dict(WIZARD, decision, "en")["summary"]


def test_stop_advertising_is_absolute_and_never_refused_as_excessive():
    """Art. 21(2)-(3): an objection to direct marketing is always followed; no Art. 12(5) question is asked."""
    decision = d(asks="marketing")
    assert (decision.verdict.value, decision.outcome) == ("required", "stop_marketing")
    assert "excessive" not in decision.answers
    assert d(asks="marketing", excessive="yes").outcome == "stop_marketing"


def test_objection_to_cctv_when_footage_is_evidence_of_a_theft():
    """Art. 21(1): compelling legitimate grounds or legal claims may override (the controller must show them)."""
    decision = d(asks="objection", basis="legitimate", compelling="yes", **OK)
    assert (decision.verdict.value, decision.outcome) == ("not_required", "objection_override")


def test_objection_to_analysis_on_legitimate_interest_without_compelling_grounds():
    assert d(asks="objection", basis="legitimate", compelling="no", **OK).outcome == "stop_processing"


def test_objection_to_photos_published_on_consent_is_a_withdrawal():
    """Art. 7(3): consent can be withdrawn at any time; processing on it stops."""
    assert d(asks="objection", basis="consent", **OK).outcome == "stop_processing"


def test_objection_to_invoicing_under_the_contract():
    """Art. 21(1) covers only processing on Art. 6(1)(e) or (f)."""
    assert d(asks="objection", basis="contract_or_law", **OK).outcome == "objection_no_right"


def test_customer_reports_a_wrong_address():
    """Art. 16; Art. 19: tell the recipients."""
    decision = d(asks="rectification", inaccurate="yes", **OK)
    assert decision.outcome == "rectify"
    assert "Art. 19 GDPR" in " ".join(s["label"] for s in to_dict(WIZARD, decision, "en")["sources"])


def test_credit_refused_by_a_scoring_system():
    """Art. 22(1) and (3); CJEU C-634/21 (SCHUFA, 7 December 2023): a score that decides can be an automated decision."""
    assert d(asks="automated", solely_automated="yes", **OK).outcome == "human_review"


def test_same_request_every_week_may_be_refused_as_excessive():
    """Art. 12(5); EDPB 01/2022: repetitive requests at short intervals can be excessive (burden of proof on the controller)."""
    decision = d(asks="access", excessive="yes")
    assert (decision.verdict.value, decision.outcome) == ("not_required", "may_refuse")


def test_unclear_message_asks_for_clarification_while_the_clock_runs():
    """Art. 12(2): facilitate the exercise of rights; the person need not name the right."""
    decision = d(asks="unclear", received_on="2026-11-20")
    assert decision.outcome == "clarify"
    clock = to_dict(WIZARD, decision, "en")["sections"][0]["lines"]
    assert any("Sunday 20 December 2026" in line for line in clock)


def test_not_sure_whether_others_are_in_the_copy_depends():
    decision = d(asks="access", others_data="unsure", **OK)
    assert (decision.verdict.value, decision.open_points) == ("depends", ("access_others",))


@pytest.mark.parametrize("received, deadline, extended", [
    ("2026-03-05", "5 april 2026", "5 juni 2026"),           # EDPB 01/2022: same day of the next month
    ("2026-01-31", "28 februari 2026", "28 april 2026"),     # no such day: last day of the month
    ("2026-11-02", "2 december 2026", "2 februari 2027"),
])
def test_deadline_and_extension_in_the_record(received, deadline, extended):
    """Art. 12(3): one month from receipt, two more if the person is told within the first month."""
    record = to_dict(WIZARD, d(asks="access", others_data="no", received_on=received, **OK), "nl")
    clock = " ".join(next(s for s in record["sections"] if s["id"] == "clock")["lines"])
    assert deadline in clock and extended in clock


def clock_text(received, lang="en"):
    record = to_dict(WIZARD, d(asks="access", others_data="no", received_on=received, **OK), lang)
    return " ".join(next(s for s in record["sections"] if s["id"] == "clock")["lines"])


def test_deadline_on_a_saturday_notes_the_next_working_day_without_counting_on_it():
    """Regulation 1182/71, Art. 3(4): hedged, since EDPB 01/2022 does not state it expressly."""
    clock = clock_text("2026-11-05")
    assert "Deadline for your answer: Saturday 5 December 2026" in clock
    assert "runs until Monday 7 December 2026" in clock and "do not say so expressly" in clock


def test_deadline_on_a_working_day_has_no_weekend_note():
    clock = clock_text("2026-11-07")
    assert "Deadline for your answer: Monday 7 December 2026" in clock and "not say so expressly" not in clock


def test_deadline_on_all_saints_sunday_moves_to_monday_in_the_note():
    clock = clock_text("2026-10-01")
    assert "Deadline for your answer: Sunday 1 November 2026" in clock and "That day is a Saturday, Sunday or public holiday" in clock
    assert "until Monday 2 November 2026" in clock
    assert "has passed (31 days ago)" in clock


def test_deadline_on_a_weekday_holiday_moves_to_the_next_working_day():
    clock = clock_text("2026-10-11")  # 11 November: Armistice, a Wednesday
    assert "answer: Wednesday 11 November 2026" in clock and "That day is a Saturday" in clock
    assert "until Thursday 12 November 2026" in clock


def test_letter_in_the_persons_language_with_profile_name_deadline_and_complaint_route():
    decision = d(asks="erasure", erase_ground="yes", must_keep="yes", received_on="2026-11-20", person_language="fr",
                 org_name="Boulangerie Dupont", org_contact="vieprivee@dupont.be", **OK)
    text, lang = letter(decision, "nl")
    assert lang == "fr"
    assert text.startswith("Boulangerie Dupont\nvieprivee@dupont.be\n\n2 décembre 2026\n")
    assert "demande d'effacement" in text and "au plus tard le 20 décembre 2026" in text
    assert "Autorité de protection des données" in text and "art. 77" in text
    assert "[nom]" in text  # the person's own details are not asked: filled in by hand


def test_letter_without_profile_leaves_clear_placeholders():
    text, lang = letter(d(asks="marketing", person_language="en"), "nl")
    assert lang == "en" and "[name of your organisation]" in text and "[to fill in]" in text


def test_identity_is_asked_only_on_reasonable_doubt_never_an_id_card_by_default():
    """Art. 12(6); EDPB 01/2022 warns against asking an identity card copy by default."""
    actions = " ".join(a["text"] for a in to_dict(WIZARD, d(asks="access", others_data="no", **OK), "nl")["actions"])
    assert "redelijke twijfel" in actions and "niet standaard een kopie van de identiteitskaart" in actions


def test_log_entry_is_a_semicolon_row():
    record = to_dict(WIZARD, d(asks="access", others_data="no", received_on="2026-11-20", **OK), "fr")
    csv = next(f for f in record["files"] if f["type"] == "text/csv")
    header, row = csv["text"].lstrip("\ufeff").rstrip("\r\n").split("\r\n")
    assert header.split(";")[0] == "Reçue le" and row.startswith("20 novembre 2026;")
    assert "20 décembre 2026" in row


@pytest.mark.parametrize("answers, code", [
    ({"asks": "everything"}, "unknown_option"),
    ({"asks": "access", "excessive": "no", "others_data": "no", "received_on": "2026-12-03"}, "future_date"),
    ({"asks": "access", "excessive": "no", "others_data": "no", "received_on": "2026-02-29"}, "impossible_date"),
    ({"asks": "access", "excessive": "no", "others_data": "no", "org_name": "x" * 121}, "too_long"),
    ({"asks": "access", "excessive": "no"}, "missing_answer"),
])
def test_bad_input_is_refused_with_a_reason(answers, code):
    with pytest.raises(Refused) as refused:
        decide(WIZARD, answers)
    assert refused.value.code == code


def test_command_line_gives_the_letter_and_schema():
    out = subprocess.run([sys.executable, "-m", "wizards", "requests", "--lang", "en"],
                         input=json.dumps({"asks": "marketing", "received_on": "2026-11-30", "person_language": "nl"}),
                         capture_output=True, text=True, timeout=60)
    record = json.loads(out.stdout)
    assert record["outcome"] == "stop_marketing"
    assert any(f["name"].startswith("reply-nl-") and "Wij sturen u geen reclame meer" in f["text"] for f in record["files"])
    schema = json.loads(subprocess.run([sys.executable, "-m", "wizards", "requests", "--schema"],
                                       capture_output=True, text=True, timeout=60).stdout)
    assert schema["properties"]["received_on"]["format"] == "date"
    assert schema["properties"]["org_name"]["x-profile"] is True


@pytest.mark.parametrize("person", ["nl", "fr", "en"])
def test_every_path_gives_a_complete_letter_in_the_persons_language(person):
    """Every outcome has a letter body; each letter has the deadline and the complaint route (Art. 12(4))."""
    from wizards.engine.paths import enumerate_paths

    route = {"nl": "Gegevensbeschermingsautoriteit", "fr": "Autorité de protection des données",
             "en": "Belgian Data Protection Authority"}[person]
    deadline = {"nl": "uiterlijk op 20 december 2026", "fr": "au plus tard le 20 décembre 2026",
                "en": "by 20 December 2026 at the latest"}[person]
    for answers, _ in enumerate_paths(WIZARD):
        decision = decide(WIZARD, {**answers, "received_on": "2026-11-20", "person_language": person})
        text, lang = letter(decision, "nl")
        assert lang == person and route in text and deadline in text, answers
        assert "{" not in text and "}" not in text
