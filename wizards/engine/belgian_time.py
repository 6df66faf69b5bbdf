"""Belgian time and dates, without tzdata.

Pyodide ships no time-zone database, so `zoneinfo` cannot give Europe/Brussels in the browser. The
rule is simple and fixed by EU law (Directive 2000/84/EC): summer time (UTC+2) starts on the last
Sunday of March at 01:00 UTC and ends on the last Sunday of October at 01:00 UTC; the rest of the
year Belgium is on UTC+1. A test checks this against the tz database for every hour of many years.

Also here: how a Belgian reader writes a date (nl/fr/en), calendar months as the EU counts them
(Regulation 1182/71, Art. 3), and the ten Belgian public holidays.
"""
from __future__ import annotations

import datetime as dt

UTC = dt.timezone.utc
WINTER = dt.timedelta(hours=1)
SUMMER = dt.timedelta(hours=2)


def _last_sunday(year: int, month: int) -> dt.date:
    last = dt.date(year, month + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - 6) % 7)


def summer_span_utc(year: int) -> tuple[dt.datetime, dt.datetime]:
    """The moments (UTC) summer time starts and ends in that year."""
    start = dt.datetime.combine(_last_sunday(year, 3), dt.time(1), tzinfo=UTC)
    end = dt.datetime.combine(_last_sunday(year, 10), dt.time(1), tzinfo=UTC)
    return start, end


def offset_at(moment: dt.datetime) -> dt.timedelta:
    """Brussels' offset from UTC at an aware moment."""
    utc = moment.astimezone(UTC)
    start, end = summer_span_utc(utc.year)
    return SUMMER if start <= utc < end else WINTER


def to_local(moment: dt.datetime) -> dt.datetime:
    """An aware moment as naive Brussels wall-clock time."""
    return (moment.astimezone(UTC) + offset_at(moment)).replace(tzinfo=None)


class NonexistentTime(ValueError):
    """A wall-clock time skipped when the clocks go forward (last Sunday of March, 02:00-02:59)."""


def to_utc(local: dt.datetime) -> dt.datetime:
    """Naive Brussels wall-clock time as an aware UTC moment.

    In the repeated hour of the last Sunday of October the first (summer-time) reading is taken: it is
    the earlier moment, so a deadline computed from it is never later than the law's.
    """
    for offset in (SUMMER, WINTER):
        candidate = (local - offset).replace(tzinfo=UTC)
        if to_local(candidate) == local:
            return candidate
    raise NonexistentTime(local.isoformat())


def now_utc() -> dt.datetime:
    """The current moment; tests replace this function to fix the clock."""
    return dt.datetime.now(UTC)


def now_local() -> dt.datetime:
    return to_local(now_utc())


def today() -> dt.date:
    """The calendar day in Belgium. Not date.today(): in the browser Python's clock runs in UTC, so
    between midnight and 1-2 a.m. in Brussels that would still give yesterday."""
    return now_local().date()


# ---- calendar months (Regulation (EEC, Euratom) No 1182/71, Art. 3(2)(c)) -----------------------

def add_months(start: dt.date, months: int) -> dt.date:
    """The same day `months` later; if that month has no such day, its last day.

    EDPB Guidelines 01/2022 on the right of access apply this rule of Regulation 1182/71 to the
    one-month period of Art. 12(3) GDPR.
    """
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    last_day = (following - dt.timedelta(days=1)).day
    return dt.date(year, month, min(start.day, last_day))


def easter(year: int) -> dt.date:
    """Easter Sunday (Gregorian calendar; the anonymous 'Meeus/Jones/Butcher' algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def public_holidays(year: int) -> dict[dt.date, str]:
    """The ten Belgian public holidays (Act of 4 January 1974 on public holidays), by an id for their name."""
    sunday = easter(year)
    return {
        dt.date(year, 1, 1): "new_year",
        sunday + dt.timedelta(days=1): "easter_monday",
        dt.date(year, 5, 1): "labour_day",
        sunday + dt.timedelta(days=39): "ascension",
        sunday + dt.timedelta(days=50): "whit_monday",
        dt.date(year, 7, 21): "national_day",
        dt.date(year, 8, 15): "assumption",
        dt.date(year, 11, 1): "all_saints",
        dt.date(year, 11, 11): "armistice",
        dt.date(year, 12, 25): "christmas",
    }


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)


def next_working_day(day: dt.date) -> dt.date:
    """`day` itself if it is a working day, else the first working day after it (Reg. 1182/71, Art. 3(4))."""
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


# ---- how a Belgian reader writes dates ---------------------------------------------------------

MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}
WEEKDAYS = {
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def format_date(day: dt.date, lang: str, *, weekday: bool = False) -> str:
    """2 december 2026 / 1er décembre 2026 / 2 December 2026 (optionally with the weekday first)."""
    number = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    text = f"{number} {MONTHS[lang][day.month - 1]} {day.year}"
    return f"{WEEKDAYS[lang][day.weekday()]} {text}" if weekday else text


def format_time(moment: dt.time | dt.datetime, lang: str) -> str:
    """14:30 in Dutch and English; 14 h 30 in French (with no-break spaces)."""
    if lang == "fr":
        return f"{moment.hour}\u00a0h\u00a0{moment.minute:02d}"
    return f"{moment.hour}:{moment.minute:02d}"


def format_datetime(moment: dt.datetime, lang: str, *, weekday: bool = False) -> str:
    """2 december 2026 om 14:30 / 2 décembre 2026 à 14 h 30 / 2 December 2026 at 14:30."""
    joiner = {"nl": "om", "fr": "à", "en": "at"}[lang]
    return f"{format_date(moment.date(), lang, weekday=weekday)} {joiner} {format_time(moment, lang)}"
