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
    """Art. 20(1): provided by the person, on a contract, by automated means; nothing derived by the shop."""
    assert d(asks="portability", portable="yes", derived="no", **OK).outcome == "port"


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
    """Art. 15(1), 15(4): an answer is due either way; only whether it is whole or partly is open."""
    decision = d(asks="access", others_data="unsure", **OK)
    assert (decision.verdict.value, decision.outcome, decision.open_points) == ("required", "depends", ("access_others",))
    assert {b.value: b.outcomes for b in decision.branches} == {"yes": ("access_partly",), "no": ("access_full",)}


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
    assert "demande d'effacement" in text and "au plus tard" not in text  # the answer itself promises no date
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
    """Every outcome has a letter body and the complaint route (Art. 12(4)); only a letter that answers later
    (a question back, "we are handling it") promises a date: a letter that is the answer promises none."""
    from wizards.documents.requests_log import INTERIM
    from wizards.engine.paths import enumerate_paths

    route = {"nl": "Gegevensbeschermingsautoriteit", "fr": "Autorité de protection des données",
             "en": "Belgian Data Protection Authority"}[person]
    deadline = {"nl": "uiterlijk op 20 december 2026", "fr": "au plus tard le 20 décembre 2026",
                "en": "by 20 December 2026 at the latest"}[person]
    for answers, _ in enumerate_paths(WIZARD):
        decision = decide(WIZARD, {**answers, "received_on": "2026-11-20", "person_language": person})
        text, lang = letter(decision, "nl")
        assert lang == person and route in text, answers
        assert (deadline in text) == (decision.outcome in INTERIM), answers
        assert "{" not in text and "}" not in text


# Received 20 October: the month ended on 20 November, before the fixed clock's 2 December.
LATE = "2026-10-20"
LATE_PROMISES = {"nl": "uiterlijk op 20 november 2026", "fr": "au plus tard le 20 novembre 2026",
                 "en": "by 20 November 2026 at the latest"}
APOLOGY = {"nl": "Onze excuses", "fr": "Nous vous prions de nous excuser", "en": "We apologise"}


@pytest.mark.parametrize("person", ["nl", "fr", "en"])
def test_a_late_letter_apologises_and_never_presents_the_passed_deadline_as_ahead(person):
    """Art. 12(3): one month from receipt. A letter dated 2 December must not promise an answer "by
    20 November"; it apologises for the delay, on every path."""
    from wizards.engine.paths import enumerate_paths

    for answers, _ in enumerate_paths(WIZARD):
        decision = decide(WIZARD, {**answers, "received_on": LATE, "person_language": person})
        text, _ = letter(decision, "en")
        assert LATE_PROMISES[person] not in text, answers
        assert APOLOGY[person] in text and belgian_time.format_date(dt.date(2026, 11, 20), person) in text, answers


def test_the_letter_that_encloses_the_copy_promises_no_later_answer():
    """Issue 23, defect 12: the French letter with the copy also said "nous répondons ... au plus tard le"."""
    text, _ = letter(d(asks="access", others_data="no", received_on="2026-11-20", person_language="fr", **OK), "nl")
    assert "Vous trouverez en annexe une copie" in text and "au plus tard" not in text


def files(decision, lang="en"):
    return {f["name"].split("-")[0]: f["text"] for f in to_dict(WIZARD, decision, lang)["files"]}


def test_the_extension_letter_gives_the_new_date_and_the_reason_but_not_the_first_date():
    """Art. 12(3): two further months where necessary, given complexity and number of requests; the person
    is told within the first month, with the reasons. The first date is not promised beside the new one."""
    decision = d(asks="access", others_data="no", received_on="2026-11-20", person_language="en", **OK)
    extension = files(decision)["extension"]
    assert "by 20 February 2027 at the latest" in extension
    assert "complex" in extension and "number of requests" in extension and "Art. 12(3) GDPR" in extension
    assert "20 December 2026" not in extension


def test_no_extension_letter_once_the_month_has_passed_or_for_a_refusal():
    """An extension must be announced within the first month (Art. 12(3)); a refusal is explained within
    one month (Art. 12(4))."""
    assert "extension" not in files(d(asks="access", others_data="no", received_on=LATE, **OK))
    assert "extension" not in files(d(asks="erasure", erase_ground="no", received_on="2026-11-20", **OK))
    assert "extension" in files(d(asks="access", others_data="unsure", received_on="2026-11-20", **OK))


def log_row(decision, lang="en"):
    record = to_dict(WIZARD, decision, lang)
    header, row = next(f for f in record["files"] if f["type"] == "text/csv")["text"].lstrip("\ufeff").rstrip("\r\n").split("\r\n")
    return dict(zip(header.split(";"), row.split(";")))


def test_the_log_shows_no_extended_deadline_after_the_first_month():
    assert log_row(d(asks="access", others_data="no", received_on="2026-11-20", **OK))["Deadline if extended"] == "20 February 2027"
    late = log_row(d(asks="access", others_data="no", received_on=LATE, **OK))["Deadline if extended"]
    assert "20 December" not in late and late.startswith("none")
    clock = clock_text(LATE)
    assert "Extending is no longer possible" in clock and "Extension: only if" not in clock


def test_the_log_reasoning_in_a_depends_case_does_not_quote_the_last_rule_as_holding():
    """Issue 22: "The person asks for access: you give a copy" read as settled while the copy may show others."""
    reasons = log_row(d(asks="access", others_data="unsure", received_on="2026-11-20", **OK))["Reasoning"]
    assert reasons.startswith("It is not certain whether the copy would show data about others.")
    assert "If not: The person asks for access" in reasons


def test_identity_ask_promptly_and_a_log_column_for_the_day_the_information_came_in():
    """Art. 12(6) and EDPB 01/2022: more information only on reasonable doubt; asked at once."""
    decision = d(asks="access", others_data="no", received_on="2026-11-20", **OK)
    assert "Identity information received on" in log_row(decision)
    record = to_dict(WIZARD, decision, "en")
    assert any("ask at once" in a["text"] for a in record["actions"])
    assert "counts the month from the day you received the request, also while you wait" in clock_text("2026-11-20")


def test_french_salutation_does_not_mix_two_forms():
    text, _ = letter(d(asks="marketing", person_language="fr"), "nl")
    assert "Madame, Monsieur [nom]" not in text and "[Madame / Monsieur] [nom]," in text


def test_access_names_recipients_logic_of_automated_decisions_and_transfer_safeguards():
    """Art. 15(1)(c) as read in CJEU C-154/21 (recipients by name unless impossible), 15(1)(h), 15(2)."""
    decision = d(asks="access", others_data="no", **OK)
    record = to_dict(WIZARD, decision, "en")
    what = next(a["text"] for a in record["actions"] if a["text"].startswith("Give: the data"))
    assert "recipients by name" in what and "C-154/21" in what
    assert "logic involved" in what and "Art. 15(1)(h)" in what and "Art. 15(2)" in what
    assert {"gdpr:15.2", "cjeu:c-154-21"} <= {s["id"] for s in record["sources"]}
    text, _ = letter(decision, "en")
    assert "recipients by name" in text and "Art. 15(2) GDPR" in text and "Art. 15(1)(h) GDPR" in text


def test_portability_with_an_assessment_by_staff_is_partly_and_the_letter_says_what_is_left_out():
    """Art. 20(1) and WP242 rev.01: provided data (also observed from use), not data the organisation derived."""
    decision = d(asks="portability", portable="yes", derived="yes", person_language="en", **OK)
    assert (decision.verdict.value, decision.outcome, decision.role) == ("required", "port_partly", "partial")
    text, _ = letter(decision, "en")
    assert "We did not include" in text and "created those data ourselves" in text and "right of access" in text
    assert d(asks="portability", portable="yes", derived="no", **OK).outcome == "port"
    unsure = d(asks="portability", portable="yes", derived="unsure", **OK)
    assert (unsure.verdict.value, unsure.outcome, unsure.open_points) == ("required", "depends", ("port_derived",))


def test_no_source_is_listed_twice():
    """Issue 23, defect 11: Art. 12(3) appeared twice under "it depends"."""
    from wizards.engine.paths import enumerate_paths

    for answers, _ in enumerate_paths(WIZARD):
        ids = [s["id"] for s in to_dict(WIZARD, decide(WIZARD, answers), "en")["sources"]]
        assert len(ids) == len(set(ids)), answers
