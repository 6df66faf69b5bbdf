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
from wizards.documents import entries
from wizards.documents.breach_log import colon, csv_row
from wizards.engine.walk import Decision, Finding
from wizards.present.texts import t

LOG_COLUMNS = ("received", "person", "right", "decision", "deadline", "extended", "identity", "identity_in",
               "answered", "reasons")


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


# Letters that answer later (they ask or acknowledge); every other letter is the answer itself and so
# promises no date (issue 23, defect 12: a letter that encloses the copy said "we answer by ...").
INTERIM = ("clarify", "depends")


def _letter_day(decision: Decision) -> dt.date:
    """The day the record and its letter are dated: deadlines are compared with that day, not another."""
    try:
        return dt.date.fromisoformat(decision.date)
    except ValueError:  # the golden tables decide undated ("-")
        return belgian_time.today()


def _may_extend(decision: Decision) -> bool:
    # Art. 12(4) gives one month, without extension, to explain a refusal; an answer still open
    # ("depends") or one that acts on the request may be extended under Art. 12(3).
    return decision.role in ("full", "partial") or decision.outcome == "depends"


def _clock_section(decision: Decision, lang: str) -> dict[str, Any]:
    received = _received(decision)
    title = t(lang, "requests.clock.title")
    if received is None:
        return {"id": "clock", "title": title, "lines": [t(lang, "requests.clock.no_date")]}
    first, extended = deadlines(received)
    lines = [t(lang, "requests.clock.received", received=_day(received, lang)),
             t(lang, "requests.clock.deadline", deadline=_day(first, lang))]
    today = _letter_day(decision)
    if today > first:
        lines.append(t(lang, "requests.clock.passed", days=(today - first).days))
    # On a phone the result shows these first lines up front (the date and whether it has passed); the
    # explanations below them are folded with the reasoning.
    lead = len(lines)
    note = _holiday_note(first, lang)
    if note:
        lines.append(note)
    if today > first:
        lines.append(t(lang, "requests.clock.too_late_to_extend", deadline=_day(first, lang),
                       extended=_day(extended, lang)))
    else:
        lines.append(t(lang, "requests.clock.extension", deadline=_day(first, lang), extended=_day(extended, lang)))
    lines.append(t(lang, "requests.clock.identity"))
    return {"id": "clock", "title": title, "lines": lines, "lead": lead}


def _timing(decision: Decision, lang: str) -> list[str]:
    """What the letter says about time: the date an interim letter promises, or an apology when late."""
    received = _received(decision)
    interim = decision.outcome in INTERIM
    if received is None:
        return [t(lang, "requests.letter.answer_by", deadline=t(lang, "requests.letter.fill"))] if interim else []
    first = deadlines(received)[0]
    first_text = belgian_time.format_date(first, lang)
    if _letter_day(decision) > first:
        return [t(lang, "requests.letter.late_interim" if interim else "requests.letter.late", deadline=first_text)]
    return [t(lang, "requests.letter.answer_by", deadline=first_text)] if interim else []


def _frame(decision: Decision, lang: str, body: list[str]) -> str:
    """The letter around its body: sender, date, subject, greeting, opening; complaint route, closing."""
    answers = decision.answers
    received = _received(decision)
    fill = t(lang, "requests.letter.fill")
    received_text = belgian_time.format_date(received, lang) if received else fill
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
    ]
    for paragraph in body:
        parts += [paragraph, ""]
    parts += [
        t(lang, "requests.letter.complaint"),
        "",
        t(lang, "requests.letter.closing"),
        org_name,
        org_contact,
    ]
    return "\n".join(parts) + "\n"


def _person_language(decision: Decision, ui_lang: str) -> str:
    return str(decision.answers.get("person_language") or ui_lang)


def letter(decision: Decision, ui_lang: str) -> tuple[str, str]:
    """The reply in the person's language, and that language."""
    lang = _person_language(decision, ui_lang)
    body = [t(lang, f"requests.letter.body.{decision.outcome}")] + _timing(decision, lang)
    return _frame(decision, lang, body), lang


def extension_letter(decision: Decision, ui_lang: str) -> tuple[str, str] | None:
    """The letter that extends the time limit (Art. 12(3)): only while the first month runs, and it names
    the new date and the reason without also promising the first date."""
    received = _received(decision)
    if received is None or not _may_extend(decision):
        return None
    first, extended = deadlines(received)
    if _letter_day(decision) > first:
        return None
    lang = _person_language(decision, ui_lang)
    body = [t(lang, "requests.letter.extension", extended=belgian_time.format_date(extended, lang))]
    return _frame(decision, lang, body), lang


def _reasons(decision: Decision, lang: str) -> str:
    """The grounds that decided or stayed open; the rules of other rights ("not applicable") are left out.
    In an "it depends" case the rule that held decides only if the open points turn out "no", so it is
    quoted as such and not as the answer."""
    def said(finding: Finding) -> str:
        return t(lang, f"requests.rule.{finding.rule}.{finding.status.value}")

    if decision.open_points:
        open_ = [said(f) for f in decision.findings if f.rule in decision.open_points]
        held = [f for f in decision.findings if f.status.value == "yes"]
        if held:
            open_.append(t(lang, "requests.log.if_not", then=said(held[-1])))
        return " ".join(open_)
    shown = [f for f in decision.findings if f.status.value != "no"] or list(decision.findings[-1:])
    return " ".join(said(f) for f in shown)


def _log(decision: Decision, lang: str) -> tuple[list[str], list[str]]:
    received = _received(decision)
    fill = t(lang, "requests.log.fill")
    first, extended = deadlines(received) if received else (None, None)
    if first is None or extended is None:
        extended_text = fill
    elif _letter_day(decision) > first:
        # Too late to extend: the date is not shown as if it still applied.
        extended_text = t(lang, "requests.log.no_extension", deadline=belgian_time.format_date(first, lang))
    else:
        extended_text = belgian_time.format_date(extended, lang)
    values = {
        "received": belgian_time.format_date(received, lang) if received else fill,
        "person": fill,
        "right": t(lang, f"requests.q.asks.o.{decision.answers.get('asks', 'unclear')}"),
        "decision": t(lang, f"requests.outcome.{decision.outcome}.title"),
        "deadline": belgian_time.format_date(first, lang) if first else fill,
        "extended": extended_text,
        "identity": fill,
        "identity_in": fill,
        "answered": fill,
        "reasons": _reasons(decision, lang),
    }
    return [t(lang, f"requests.log.col.{c}") for c in LOG_COLUMNS], [values[c] for c in LOG_COLUMNS]


def extras(decision: Decision, lang: str) -> dict[str, Any]:
    labels, values = _log(decision, lang)
    text, letter_lang = letter(decision, lang)
    day = decision.date if decision.date[:1].isdigit() else "undated"
    extension = extension_letter(decision, lang)
    # "document": what the page's .odt/.docx buttons write; a letter is in the person's language.
    organisation = str(decision.answers.get("org_name") or "")
    extra_files = [] if extension is None else [
        {"name": f"extension-{extension[1]}-{day}.txt", "type": "text/plain",
         "label": t(lang, "requests.letter.extension_download"), "text": extension[0],
         "document": {"name": f"extension-{extension[1]}-{day}", "lang": extension[1], "organisation": organisation,
                      "markdown": entries.letter(extension[0], extension[1])}}]
    return {
        "sections": [
            _clock_section(decision, lang),
            {"id": "log", "title": t(lang, "requests.log.title"),
             "lines": [f"{label}{colon(lang)} {value}" for label, value in zip(labels, values)]},
        ],
        "files": [
            {"name": f"reply-{letter_lang}-{day}.txt", "type": "text/plain", "label": t(lang, "requests.letter.download"),
             "text": text,
             "document": {"name": f"reply-{letter_lang}-{day}", "lang": letter_lang, "organisation": organisation,
                          "markdown": entries.letter(text, letter_lang)}},
            *extra_files,
            {"name": f"requests-log-{day}.csv", "type": "text/csv", "label": t(lang, "requests.log.download"),
             "text": "\ufeff" + csv_row(labels) + "\r\n" + csv_row(values) + "\r\n",
             "document": {"name": f"requests-log-{day}", "lang": lang, "organisation": organisation,
                          "markdown": entries.log_entry(t(lang, "requests.log.title"), labels, values, lang)}},
        ],
    }
