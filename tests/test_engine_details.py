"""The engine's detail questions (asked once the verdict is settled) and extra record parts stay additive:
a wizard without them behaves exactly as before."""
from wizards.engine.walk import decide, next_question, walk
from wizards.engine.logic import Is
from wizards.engine.model import Choice, Outcome, Rule, Text, Verdict, When, Wizard
from wizards.present.render import to_dict, to_markdown, result_html
from wizards.registry import WIZARDS

TOY = Wizard(
    id="breach", version="test",  # borrows the breach texts for rendering
    questions=(Choice("is_breach", ("yes", "no", "unsure")), When("aware_at"), Text("note", max_length=5)),
    rules=(Rule("not_a_breach", Is("is_breach", "no"), "no_breach", cites=()),),
    outcomes=(Outcome("no_breach", Verdict.NOT_REQUIRED), Outcome("log_only", Verdict.NOT_REQUIRED, details=("aware_at",)),
              Outcome("depends", Verdict.DEPENDS)),
    otherwise="log_only", depends="depends",
)


def test_details_are_asked_after_the_verdict_and_only_for_their_outcome():
    assert next_question(TOY, {"is_breach": "yes"}) is None
    asked, upcoming = walk(TOY, {"is_breach": "yes"})
    assert asked == ["is_breach"] and upcoming.id == "aware_at"
    asked, upcoming = walk(TOY, {"is_breach": "yes", "aware_at": "2026-01-01T10:00"})
    assert asked == ["is_breach", "aware_at"] and upcoming is None
    assert walk(TOY, {"is_breach": "no"}) == (["is_breach"], None)


def test_details_are_optional_for_the_verdict_but_kept_in_the_record_when_given():
    assert decide(TOY, {"is_breach": "yes"}).answers == {"is_breach": "yes"}
    decision = decide(TOY, {"is_breach": "yes", "aware_at": "2026-01-01T10:00"})
    assert decision.answers == {"is_breach": "yes", "aware_at": "2026-01-01T10:00"}
    # A detail of another outcome is not part of this record.
    assert "aware_at" not in decide(TOY, {"is_breach": "no", "aware_at": "2026-01-01T10:00"}).answers


def test_text_answers_are_one_clean_line():
    decision = decide(TOY, {"is_breach": "no", "note": " a\n\tb "})
    assert decision  # validated although not on the path


def test_wizards_without_extras_have_no_extra_keys():
    wizard = WIZARDS["dpo"]
    record = to_dict(wizard, decide(wizard, {"public_body": "yes"}, today="2026-12-02"), "nl")
    assert "sections" not in record and "files" not in record
    assert "- Datum: 2 december 2026 (2026-12-02)" in to_markdown(record, "nl")
    assert "data-action=\"download-file\"" not in result_html(record, "nl", "")


def test_the_record_is_dated_by_the_belgian_calendar_not_the_machines(monkeypatch):
    """In the browser Python's clock is UTC: at 00:30 in Brussels on 1 July it is still 30 June in UTC,
    and a record dated by date.today() would carry yesterday's date. (A past day, never today's.)"""
    import datetime as dt

    from wizards.engine import belgian_time

    monkeypatch.setattr(belgian_time, "now_utc", lambda: dt.datetime(2020, 6, 30, 22, 30, tzinfo=dt.timezone.utc))
    assert decide(WIZARDS["dpo"], {"public_body": "yes"}).date == "2020-07-01"
