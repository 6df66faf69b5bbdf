"""Belgian time without tzdata, calendar months, holidays, and the engine's date/time answer type."""
import datetime as dt
import zoneinfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizards.engine import belgian_time as bt
from wizards.engine.walk import Refused, check_answer, coerce, decide
from wizards.engine.model import When
from wizards.present.render import answer_label
from wizards.registry import WIZARDS

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
NOW = dt.datetime(2026, 12, 2, 10, 0, tzinfo=dt.timezone.utc)  # 11:00 in Brussels


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setattr(bt, "now_utc", lambda: NOW)


@settings(max_examples=3000, deadline=None)
@given(st.datetimes(min_value=dt.datetime(1997, 1, 1), max_value=dt.datetime(2099, 12, 31)))
def test_offset_matches_the_tz_database(moment):
    """The EU rule (last Sunday of March/October, 01:00 UTC) gives the same offset as tzdata's Europe/Brussels."""
    aware = moment.replace(tzinfo=dt.timezone.utc)
    assert bt.offset_at(aware) == aware.astimezone(BRUSSELS).utcoffset()
    assert bt.to_local(aware) == aware.astimezone(BRUSSELS).replace(tzinfo=None)


@pytest.mark.parametrize("year", range(2000, 2040))
def test_every_hour_around_both_changes_matches(year):
    start, end = bt.summer_span_utc(year)
    for edge in (start, end):
        for minutes in range(-180, 181, 15):
            moment = edge + dt.timedelta(minutes=minutes)
            assert bt.offset_at(moment) == moment.astimezone(BRUSSELS).utcoffset(), moment


def test_change_dates_2026():
    start, end = bt.summer_span_utc(2026)
    assert (start.date(), end.date()) == (dt.date(2026, 3, 29), dt.date(2026, 10, 25))


def test_skipped_hour_does_not_exist_and_repeated_hour_takes_summer_time():
    with pytest.raises(bt.NonexistentTime):
        bt.to_utc(dt.datetime(2026, 3, 29, 2, 30))
    # 02:30 on 25 October 2026 happens twice; the first (UTC+2) is the earlier moment.
    assert bt.to_utc(dt.datetime(2026, 10, 25, 2, 30)) == dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.timezone.utc)


def test_72_hours_across_the_spring_change_end_one_wall_clock_hour_later():
    from wizards.documents.breach_log import clock

    deadline, _ = clock(dt.datetime(2026, 3, 27, 10, 0), NOW)
    assert deadline == dt.datetime(2026, 3, 30, 11, 0)
    deadline, _ = clock(dt.datetime(2026, 10, 23, 10, 0), NOW)
    assert deadline == dt.datetime(2026, 10, 26, 9, 0)
    deadline, left = clock(dt.datetime(2026, 12, 1, 9, 15), NOW)
    assert deadline == dt.datetime(2026, 12, 4, 9, 15) and left == pytest.approx(46.25)


@pytest.mark.parametrize("received, expected", [
    (dt.date(2026, 3, 5), dt.date(2026, 4, 5)),      # EDPB 01/2022: same day of the following month
    (dt.date(2026, 1, 31), dt.date(2026, 2, 28)),    # no 31 February: the last day of that month
    (dt.date(2028, 1, 31), dt.date(2028, 2, 29)),    # leap year
    (dt.date(2026, 8, 31), dt.date(2026, 9, 30)),
    (dt.date(2026, 12, 15), dt.date(2027, 1, 15)),   # over the year end
])
def test_one_month_as_the_edpb_counts_it(received, expected):
    assert bt.add_months(received, 1) == expected


def test_extension_counts_two_months_from_the_first_deadline():
    from wizards.documents.requests_log import deadlines

    assert deadlines(dt.date(2026, 1, 31)) == (dt.date(2026, 2, 28), dt.date(2026, 4, 28))
    assert deadlines(dt.date(2026, 10, 31)) == (dt.date(2026, 11, 30), dt.date(2027, 1, 30))


@settings(max_examples=500, deadline=None)
@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 9, 30)), st.integers(0, 24))
def test_add_months_never_skips_a_month(start, months):
    end = bt.add_months(start, months)
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == months
    assert end.day == start.day or end.day < start.day and (end + dt.timedelta(days=1)).day == 1


def test_belgian_holidays_2026():
    days = bt.public_holidays(2026)
    assert bt.easter(2026) == dt.date(2026, 4, 5)
    assert {d for d, name in days.items() if name in ("easter_monday", "ascension", "whit_monday")} == {
        dt.date(2026, 4, 6), dt.date(2026, 5, 14), dt.date(2026, 5, 25)}
    assert len(days) == 10
    assert bt.next_working_day(dt.date(2026, 12, 25)) == dt.date(2026, 12, 28)  # Friday holiday, then weekend
    assert bt.next_working_day(dt.date(2026, 7, 21)) == dt.date(2026, 7, 22)


@pytest.mark.parametrize("lang, text", [
    ("nl", "2 december 2026 om 14:30"),
    ("fr", "2 décembre 2026 à 14\u00a0h\u00a030"),
    ("en", "2 December 2026 at 14:30"),
])
def test_dates_as_a_belgian_reader_writes_them(lang, text):
    assert bt.format_datetime(dt.datetime(2026, 12, 2, 14, 30), lang) == text


def test_first_of_the_month_in_french():
    assert bt.format_date(dt.date(2026, 12, 1), "fr") == "1er décembre 2026"
    assert bt.format_date(dt.date(2026, 12, 1), "fr", weekday=True) == "mardi 1er décembre 2026"


AWARE = When("aware_at")


@pytest.mark.parametrize("value, code", [
    ("2026-02-30T10:00", "impossible_date"),
    ("2026-13-01T10:00", "impossible_date"),
    ("2026-12-01T24:00", "impossible_date"),
    ("1999-12-31T10:00", "impossible_date"),
    ("2026-03-29T02:30", "skipped_hour"),
    ("2026-12-02T11:01", "future_date"),   # one minute after now, Belgian time
    ("2027-01-01T00:00", "future_date"),
    ("2 december 2026", "wrong_type"),
    ("2026-12-01", "wrong_type"),
    (20261201, "wrong_type"),
    (None, "wrong_type"),
])
def test_bad_dates_are_refused_with_a_reason(value, code):
    with pytest.raises(Refused) as refused:
        check_answer(AWARE, value)
    assert refused.value.code == code


def test_good_dates_are_kept_in_canonical_form():
    assert check_answer(AWARE, "2026-12-02T11:00") == "2026-12-02T11:00"   # exactly now is not the future
    assert check_answer(AWARE, " 2026-12-01 09:05:59 ") == "2026-12-01T09:05"
    assert check_answer(When("received_on", with_time=False), "2026-12-02") == "2026-12-02"
    with pytest.raises(Refused):
        check_answer(When("received_on", with_time=False), "2026-12-03")


def test_date_answers_come_through_the_url_fragment_and_show_in_belgian_form():
    wizard = WIZARDS["breach"]
    typed = coerce(wizard, {"is_breach": "yes", "role": "processor", "aware_at": "2026-12-01T09:15"})
    decision = decide(wizard, typed)
    assert decision.answers["aware_at"] == "2026-12-01T09:15"
    assert answer_label(wizard, wizard.question("aware_at"), "2026-12-01T09:15", "fr") == "1er décembre 2026 à 9\u00a0h\u00a015"


def test_cli_refuses_a_future_awareness_date_in_the_chosen_language():
    import json
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "wizards", "breach", "--lang", "en"],
                         input=json.dumps({"is_breach": "yes", "role": "processor", "aware_at": "2099-01-01T10:00"}),
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    reply = json.loads(out.stdout)
    assert reply["error"] == "future_date" and "in the future" in reply["message"]


@settings(max_examples=1000, deadline=None)
@given(st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2090, 1, 1)))
def test_wall_clock_round_trip_and_72_real_hours(moment):
    """Every UTC moment has one wall-clock reading that leads back to it (the repeated October hour
    reads back as its first occurrence), and the breach deadline is always 72 real hours later."""
    from wizards.documents.breach_log import clock

    aware_utc = moment.replace(tzinfo=dt.timezone.utc)
    local = bt.to_local(aware_utc)
    back = bt.to_utc(local)
    assert back == aware_utc or back == aware_utc - dt.timedelta(hours=1)
    deadline, _ = clock(local, NOW)
    assert deadline == bt.to_local(back + dt.timedelta(hours=72))
    # Read back as a wall-clock time, the deadline is never later than 72 hours (the repeated October
    # hour is read as its first occurrence), and at most one hour earlier.
    assert dt.timedelta(hours=71) <= bt.to_utc(deadline) - back <= dt.timedelta(hours=72)


@pytest.mark.parametrize("lang, question, day", [
    ("nl", "Wanneer wist uw organisatie", "7 december 2099 om 10:00"),
    ("fr", "Quand votre organisation", "7 décembre 2099 à 10\u00a0h\u00a000"),
    ("en", "When did your organisation", "7 December 2099 at 10:00"),
])
def test_a_refused_date_names_the_question_in_words_and_the_date_as_a_belgian_writes_it(lang, question, day):
    from wizards.present.render import refusal_message

    with pytest.raises(Refused) as refused:
        decide(WIZARDS["breach"], {"is_breach": "yes", "role": "processor", "aware_at": "2099-12-07T10:00"})
    message = refusal_message(refused.value, lang)
    assert question in message and day in message, message
    assert "aware_at" not in message and "2099-12-07" not in message, message


def test_a_refused_day_without_time_is_written_as_a_date():
    from wizards.present.render import refusal_message

    with pytest.raises(Refused) as refused:
        decide(WIZARDS["requests"], {"asks": "access", "excessive": "no", "others_data": "no", "received_on": "2099-03-01"})
    message = refusal_message(refused.value, "fr")
    assert "1er mars 2099" in message and "received_on" not in message, message
