"""When the visitor is not sure: what is certain and what is open (issue 22, legal review round 3).

The property, checked on every golden path with a "not sure" in all seven wizards, against decisions
taken with the "not sure" answers replaced by real ones (no "not sure" left, so a different route
through the engine):
- the outcomes said to be open are exactly those some way of settling the open answers reaches (an
  answer marked `presume`, an exception the organisation must be able to show, stays at its presumed
  value for what is due now);
- the actions stated as certain are exactly those every open outcome needs;
- each branch "if X, then ..." lists exactly the outcomes reachable with that answer.
"""
from __future__ import annotations

import itertools

import pytest

from wizards.engine.model import UNSURE, Choice, Verdict
from wizards.engine.paths import enumerate_paths
from wizards.engine.walk import decide
from wizards.present.render import certain_actions, to_dict, to_markdown
from wizards.registry import WIZARDS


def settled_ways(question: Choice) -> list[str]:
    return [o for o in question.options if o != UNSURE]


def resolved_outcomes(wizard, answers, fixed: dict[str, str]) -> set[str]:
    """Every outcome reached by answering each remaining "not sure" every way, with `fixed` applied."""
    open_questions = [wizard.question(k) for k, v in answers.items()
                      if v == UNSURE and k not in fixed and isinstance(wizard.question(k), Choice)]
    reached = set()
    for values in itertools.product(*(settled_ways(q) for q in open_questions)):
        settled = {**answers, **fixed, **{q.id: v for q, v in zip(open_questions, values)}}
        reached.add(decide(wizard, settled, today="-").outcome)
    return reached


def presumptions(wizard, answers) -> dict[str, str]:
    return {k: wizard.question(k).presume for k, v in answers.items()
            if v == UNSURE and getattr(wizard.question(k), "presume", None)}


def unsure_paths():
    for wizard_id, wizard in WIZARDS.items():
        for answers, decision in enumerate_paths(wizard):
            if UNSURE in answers.values():
                yield pytest.param(wizard_id, answers, decision, id=f"{wizard_id}:{len(answers)}")


PATHS = list(unsure_paths())


def test_every_wizard_has_paths_with_not_sure():
    assert {p.values[0] for p in PATHS} == set(WIZARDS)


@pytest.mark.parametrize("wizard_id", sorted(WIZARDS))
def test_open_outcomes_and_certain_actions_are_exactly_those_of_every_way_the_answers_can_settle(wizard_id):
    wizard = WIZARDS[wizard_id]
    checked = 0
    for _, answers, decision in (p.values for p in PATHS if p.values[0] == wizard_id):
        now = resolved_outcomes(wizard, answers, presumptions(wizard, answers))
        assert set(decision.possible) == now, answers
        outcomes = [wizard.outcome(o) for o in now]
        if decision.outcome == wizard.depends:
            expected = set.intersection(*({a.id for a in o.actions} for o in outcomes))
        else:
            expected = {a.id for a in wizard.outcome(decision.outcome).actions}
            # A settled result: every way the open answers can go gives the same duty.
            assert len({(o.verdict, o.role) for o in outcomes}) == 1, answers
        assert {a.id for a in certain_actions(wizard, decision)} == expected, answers
        for branch in decision.branches:
            fixed = {**presumptions(wizard, answers), branch.question: branch.value}
            assert set(branch.outcomes) == resolved_outcomes(wizard, answers, fixed), (answers, branch)
        checked += 1
    assert checked > 0


def test_the_verdict_says_it_depends_only_where_the_duty_itself_is_open():
    for _, answers, decision in (p.values for p in PATHS):
        wizard = WIZARDS[decision.wizard]
        verdicts = {wizard.outcome(o).verdict for o in decision.possible}
        roles = {wizard.outcome(o).role for o in decision.possible}
        duty_open = len(verdicts) > 1 or (wizard.duty_in_role and verdicts == {Verdict.REQUIRED}
                                           and len({str(r).split("+")[0] for r in roles}) > 1)
        assert (decision.verdict.value == "depends") == duty_open, answers


def breach(answers, lang="en"):
    wizard = WIZARDS["breach"]
    return to_dict(wizard, decide(wizard, answers), lang)


def action_ids(record):
    return [a["text"] for a in record["actions"]]


def texts(lang, *keys):
    from wizards.present.texts import t
    return [t(lang, f"breach.action.{k}") for k in keys]


def test_breach_processor_not_sure_of_the_breach_never_notifies_the_gba():
    """Art. 33(2) GDPR: a processor tells its controller; it never notifies the GBA itself."""
    record = breach({"is_breach": "unsure", "role": "processor"})
    everything = " ".join(action_ids(record)) + " ".join(
        a["text"] for b in record["branches"] for w in b["ways"] for a in w["actions"])
    assert texts("en", "notify_how")[0] not in everything
    assert record["verdict"] == "depends"
    assert {o["id"] for o in record["possible"]} == {"no_breach", "tell_controller"}


@pytest.mark.parametrize("answers", [
    {"is_breach": "unsure", "role": "controller", "unreadable": "yes"},
    {"is_breach": "unsure", "role": "controller", "unreadable": "no", "high_risk": "no", "risk": "no"},
])
def test_breach_every_branch_log_only_says_no_72_hour_notification(answers):
    """Art. 33(1) GDPR: no notification when the breach is unlikely to result in a risk; here every
    open outcome is 'no breach' or 'log only', so nothing says 'notify within 72 hours'."""
    record = breach({**answers, "aware_at": "2026-12-01T10:00"})
    assert record["verdict"] == "not_required"
    assert texts("en", "notify_how")[0] not in " ".join(action_ids(record))
    clock = next(s for s in record["sections"] if s["id"] == "clock")
    assert not any("Deadline" in line for line in clock["lines"])


def test_breach_role_not_sure_with_unreadable_data_involves_no_gba():
    """Open outcomes 'tell your client' (Art. 33(2)) or 'log only' (Art. 33(1), 33(5)): no GBA."""
    record = breach({"is_breach": "yes", "role": "unsure", "unreadable": "yes"})
    assert {o["id"] for o in record["possible"]} == {"tell_controller", "log_only"}
    assert action_ids(record) == texts("en", "log")
    log = next(s for s in record["sections"] if s["id"] == "log")
    assert not any("72" in line for line in log["lines"])


def test_breach_exception_not_sure_notifies_the_gba_for_certain_and_tells_people_until_shown():
    """Art. 33(1): the GBA notification holds on every branch. Art. 34(3): the controller must be able
    to show an exception; until it can, it tells the people (EDPB 9/2022)."""
    answers = {"is_breach": "yes", "role": "controller", "unreadable": "no", "high_risk": "yes",
               "exception": "unsure", "aware_at": "2026-12-01T10:00"}
    record = breach(answers)
    assert record["verdict"] == "required" and record["outcome"] == "notify_and_tell"
    assert set(texts("en", "notify_how", "tell_people")) <= set(action_ids(record))
    exception = next(b for b in record["branches"] if b["question"] == "exception")
    shown = {w["value"]: [o["id"] for o in w["outcomes"]] for w in exception["ways"]}
    assert shown == {"none": ["notify_and_tell"], "unintelligible": ["notify_gba_exempt"],
                     "mitigated": ["notify_gba_exempt"], "disproportionate": ["notify_and_announce"]}
    log = dict(line.split(": ", 1) for line in next(s for s in record["sections"] if s["id"] == "log")["lines"])
    assert log["Notification to the DPA (date, time, receipt code)"].startswith("[date and time")
    assert "Still to decide" not in " ".join(log.values())


def test_breach_unreadable_not_sure_with_high_risk_tells_the_people_until_shown():
    """Art. 34(3)(a): the controller must be able to show the data were unintelligible; until then it
    notifies and tells the people."""
    record = breach({"is_breach": "yes", "role": "controller", "unreadable": "unsure", "high_risk": "yes",
                     "exception": "none"})
    assert record["outcome"] == "notify_and_tell" and record["verdict"] == "required"
    unreadable = next(b for b in record["branches"] if b["question"] == "unreadable")
    assert {w["value"]: [o["id"] for o in w["outcomes"]] for w in unreadable["ways"]} == {
        "yes": ["log_only"], "no": ["notify_and_tell"]}


def test_breach_high_risk_not_sure_and_risk_yes_states_the_gba_notification_in_the_log():
    """Issue 23 defect 1: the log said 'still to decide' while its own reasoning said to notify."""
    record = breach({"is_breach": "yes", "role": "controller", "unreadable": "no", "high_risk": "unsure",
                     "exception": "none", "risk": "yes", "aware_at": "2026-12-01T10:00"}, "nl")
    log = next(s for s in record["sections"] if s["id"] == "log")["lines"]
    gba = next(line for line in log if line.startswith("Melding aan de GBA"))
    assert "Nog niet beslist" not in gba and "ontvangstcode" in gba


def test_breach_not_sure_it_is_a_breach_starts_no_clock():
    """EDPB Guidelines 9/2022 (awareness): the 72 hours start at reasonable certainty of a breach."""
    record = breach({"is_breach": "unsure", "role": "controller", "unreadable": "no", "high_risk": "yes",
                     "exception": "none", "aware_at": "2026-12-01T10:00"})
    clock = next(s for s in record["sections"] if s["id"] == "clock")["lines"]
    assert any("reasonably certain" in line for line in clock)
    assert not any("Deadline" in line or "hours left" in line or "have passed" in line for line in clock)


def test_breach_log_states_no_outcome_that_has_not_happened(monkeypatch):
    """Art. 33(5) and 33(1), second sentence: a late case must not say 'Yes, within 72 hours'; the
    log has blanks for the notification's date and receipt code and for the reasons for the delay."""
    from wizards.engine import belgian_time
    import datetime as dt
    monkeypatch.setattr(belgian_time, "now_utc", lambda: dt.datetime(2026, 12, 6, 12, 0, tzinfo=dt.timezone.utc))
    record = breach({"is_breach": "yes", "role": "controller", "unreadable": "no", "high_risk": "no",
                     "risk": "yes", "aware_at": "2026-12-01T10:00"})
    log = dict(line.split(": ", 1) for line in next(s for s in record["sections"] if s["id"] == "log")["lines"])
    assert log["Notification to the DPA (date, time, receipt code)"].startswith("[date and time of the notification")
    assert log["Reasons for a late notification"].startswith("[the 72 hours have passed")
    assert log["Date and time of the breach"] == "[to fill in]"


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_the_record_shows_what_is_certain_before_what_is_open(lang):
    record = breach({"is_breach": "yes", "role": "controller", "unreadable": "no", "high_risk": "yes",
                     "exception": "unsure"}, lang)
    from wizards.present.texts import t
    text = to_markdown(record, lang)
    certain, open_ = text.index(t(lang, "ui.certain_title").split(":")[0]), text.index(t(lang, "ui.open_title"))
    assert certain < open_ < text.index(t(lang, "ui.your_answers"))


# -- issue 23: what a visitor read on "not sure" results ---------------------------------------------------

def test_dpia_scale_not_sure_does_not_say_the_sensitive_data_are_uncertain():
    """Issue 23, defect 7: after 'sensitive data: yes', only the scale was 'not sure'."""
    wizard = WIZARDS["dpia"]
    answers = next(a for a, _ in enumerate_paths(wizard)
                   if a.get("sensitive_data") == "yes" and a.get("sensitive_large_scale") == "unsure")
    decision = decide(wizard, answers)
    for lang in ("nl", "fr", "en"):
        record = to_dict(wizard, decision, lang)
        reason = next(r for r in record["reasons"] if r["rule"] == "large_scale_sensitive")
        from wizards.present.texts import t
        assert reason["explanation"] != t(lang, "dpia.rule.large_scale_sensitive.unsure")
        assert "sensitive_large_scale" not in reason["explanation"]
        scale = to_dict(wizard, decision, lang)["answers"]
        assert next(a["text"] for a in scale if a["question"] == "sensitive_large_scale") in reason["explanation"]


def test_breach_reason_never_says_or_or():
    """Issue 23, defect 13: 'of of een uitzondering geldt' even after 'Geen'."""
    wizard = WIZARDS["breach"]
    for answers, decision in enumerate_paths(wizard):
        text = to_markdown(to_dict(wizard, decision, "nl"), "nl")
        assert " of of " not in text, answers


def test_each_open_question_is_explained_once():
    """Issue 23, defect 16: the processor's 'it depends' repeated the same question four times."""
    wizard = WIZARDS["processor"]
    decision = decide(wizard, {"handles_data": "unsure", "purposes": "unsure", "decided_together": "unsure"})
    record = to_dict(wizard, decision, "nl")
    listed = [q["question"] for p in record["open_points"] for q in p["questions"]]
    assert len(listed) == len(set(listed)), listed
    assert len({b["question"] for b in record["branches"]}) == len(record["branches"])


def test_a_downloaded_clock_says_when_its_hours_were_counted(monkeypatch):
    """Issue 23, defect 14: the downloaded Markdown froze "about 45 hours left" without saying when."""
    from wizards.engine import belgian_time
    import datetime as dt
    monkeypatch.setattr(belgian_time, "now_utc", lambda: dt.datetime(2026, 12, 2, 11, 0, tzinfo=dt.timezone.utc))
    record = breach({"is_breach": "yes", "role": "controller", "unreadable": "no", "high_risk": "no", "risk": "yes",
                     "aware_at": "2026-12-01T10:00"}, "nl")
    assert "Deze uren zijn geteld op 2 december 2026 om 12:00" in to_markdown(record, "nl")
