"""The requests wizard's extra record: the deadline, the reply letter and the log line.

Deadline (Art. 12(3) GDPR, as EDPB Guidelines 01/2022 compute it with Regulation 1182/71, Art. 3):
the month starts from receipt and ends on the same day of the following month; when that month has no
such day, on its last day (31 January -> 28 or 29 February). The extension adds two further months to
that end date; we count them from the end of the first month, which can be a day or two earlier than
counting three months from receipt (31 January -> 28 April, not 30 April): the safer reading.

Weekends and holidays: Art. 3(4) of Regulation 1182/71 moves the end of a period that falls on a
Saturday, Sunday or public holiday to the next working day. We did not find this stated in the EDPB
guidelines themselves, so the record gives the calendar date as the deadline and mentions the next
working day only as a note, not as extra time to count on.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from wizards.engine import belgian_time
from wizards.documents.breach_log import colon, csv_row
from wizards.engine.walk import Decision
from wizards.present.texts import t

LOG_COLUMNS = ("received", "person", "right", "decision", "deadline", "extended", "identity", "answered",
               "reasons")


def deadlines(received: dt.date) -> tuple[dt.date, dt.date]:
    """The one-month deadline and the latest extended deadline (two further months)."""
    first = belgian_time.add_months(received, 1)
    return first, belgian_time.add_months(first, 2)


def _day(day: dt.date, lang: str) -> str:
    return belgian_time.format_date(day, lang, weekday=True)


def _holiday_note(day: dt.date, lang: str) -> str | None:
    if belgian_time.is_working_day(day):
        return None
    return t(lang, "requests.clock.not_working_day", next=_day(belgian_time.next_working_day(day), lang))


def _received(decision: Decision) -> dt.date | None:
    value = decision.answers.get("received_on")
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


def _clock_section(decision: Decision, lang: str) -> dict[str, Any]:
    received = _received(decision)
    title = t(lang, "requests.clock.title")
    if received is None:
        return {"id": "clock", "title": title, "lines": [t(lang, "requests.clock.no_date")]}
    first, extended = deadlines(received)
    lines = [t(lang, "requests.clock.received", received=_day(received, lang)),
             t(lang, "requests.clock.deadline", deadline=_day(first, lang))]
    note = _holiday_note(first, lang)
    if note:
        lines.append(note)
    lines.append(t(lang, "requests.clock.extension", deadline=_day(first, lang), extended=_day(extended, lang)))
    today = belgian_time.today()
    if today > first:
        lines.append(t(lang, "requests.clock.passed", days=(today - first).days))
    return {"id": "clock", "title": title, "lines": lines}


def letter(decision: Decision, ui_lang: str) -> tuple[str, str]:
    """The reply in the person's language, and that language."""
    lang = str(decision.answers.get("person_language") or ui_lang)
    answers = decision.answers
    received = _received(decision)
    fill = t(lang, "requests.letter.fill")
    received_text = belgian_time.format_date(received, lang) if received else fill
    deadline_text = belgian_time.format_date(deadlines(received)[0], lang) if received else fill
    today = (belgian_time.format_date(dt.date.fromisoformat(decision.date), lang)
             if decision.date[:1].isdigit() else fill)
    org_name = str(answers.get("org_name") or t(lang, "requests.letter.org_fill"))
    org_contact = str(answers.get("org_contact") or t(lang, "requests.letter.contact_fill"))
    right = t(lang, f"requests.letter.right.{answers.get('asks', 'unclear')}")
    parts = [
        org_name,
        org_contact,
        "",
        today,
        "",
        t(lang, "requests.letter.subject", received=received_text),
        "",
        t(lang, "requests.letter.greeting"),
        "",
        t(lang, "requests.letter.opening", received=received_text, right=right),
        "",
        t(lang, f"requests.letter.body.{decision.outcome}"),
        "",
        t(lang, "requests.letter.deadline", deadline=deadline_text),
        "",
        t(lang, "requests.letter.complaint"),
        "",
        t(lang, "requests.letter.closing"),
        org_name,
        org_contact,
    ]
    return "\n".join(parts) + "\n", lang


def _log(decision: Decision, lang: str) -> tuple[list[str], list[str]]:
    received = _received(decision)
    fill = t(lang, "requests.log.fill")
    first, extended = deadlines(received) if received else (None, None)
    values = {
        "received": belgian_time.format_date(received, lang) if received else fill,
        "person": fill,
        "right": t(lang, f"requests.q.asks.o.{decision.answers.get('asks', 'unclear')}"),
        "decision": t(lang, f"requests.outcome.{decision.outcome}.title"),
        "deadline": belgian_time.format_date(first, lang) if first else fill,
        "extended": belgian_time.format_date(extended, lang) if extended else fill,
        "identity": fill,
        "answered": fill,
        # The grounds that decided or stayed open; the rules of other rights ("not applicable") are left out.
        "reasons": " ".join(t(lang, f"requests.rule.{f.rule}.{f.status.value}") for f in
                            [f for f in decision.findings if f.status.value != "no"] or decision.findings[-1:]),
    }
    return [t(lang, f"requests.log.col.{c}") for c in LOG_COLUMNS], [values[c] for c in LOG_COLUMNS]


def extras(decision: Decision, lang: str) -> dict[str, Any]:
    labels, values = _log(decision, lang)
    text, letter_lang = letter(decision, lang)
    day = decision.date if decision.date[:1].isdigit() else "undated"
    return {
        "sections": [
            _clock_section(decision, lang),
            {"id": "log", "title": t(lang, "requests.log.title"),
             "lines": [f"{label}{colon(lang)} {value}" for label, value in zip(labels, values)]},
        ],
        "files": [
            {"name": f"reply-{letter_lang}-{day}.txt", "type": "text/plain", "label": t(lang, "requests.letter.download"),
             "text": text},
            {"name": f"requests-log-{day}.csv", "type": "text/csv", "label": t(lang, "requests.log.download"),
             "text": "\ufeff" + csv_row(labels) + "\r\n" + csv_row(values) + "\r\n"},
        ],
    }
