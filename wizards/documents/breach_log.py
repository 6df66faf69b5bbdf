"""The breach wizard's extra record: the 72-hour clock, the breach-log entry and who else to tell.

Art. 33(5) GDPR: every breach is documented (facts, effects, remedial action), notified or not, so the
supervisory authority can check compliance. The log entry is written as lines for the record and as
one semicolon-separated spreadsheet row (with its header), the format Belgian spreadsheets open.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from wizards.documents import entries
from wizards.engine import belgian_time
from wizards.engine.walk import Decision
from wizards.present.texts import t

DEADLINE = dt.timedelta(hours=72)
# Art. 33(5) and 33(1), second sentence: the facts of the breach, what was done and when, and the
# reasons for a late notification. Dates of what has not happened yet are left blank to fill in.
LOG_COLUMNS = ("occurred", "aware", "recorded", "what", "data", "people", "consequences", "measures", "assessment",
               "gba", "people_told", "delay", "reasons")
# What each outcome means for the notification to the GBA and for telling the people. A column states
# a duty only when every outcome still open agrees on it.
GBA = {"no_breach": "no_breach", "tell_controller": "processor", "log_only": "not_needed", "notify_gba": "due",
       "notify_gba_exempt": "due", "notify_and_tell": "due", "notify_and_announce": "due"}
PEOPLE = {"no_breach": "no_breach", "tell_controller": "client", "log_only": "no_high_risk",
          "notify_gba": "no_high_risk", "notify_gba_exempt": "exception", "notify_and_tell": "due",
          "notify_and_announce": "public"}


def _agreed(table: dict[str, str], decision: Decision, due: tuple[str, ...] = ("due",)) -> str:
    """The kind every open outcome shares; else "open" when some open outcome makes it due, and
    "not_due" when none does (the reasons differ, the answer does not)."""
    kinds = {table[o] for o in (decision.possible or (decision.outcome,))}
    if len(kinds) == 1:
        return kinds.pop()
    return "open" if kinds & set(due) else "not_due"


def clock(aware_local: dt.datetime, now_utc: dt.datetime) -> tuple[dt.datetime, float]:
    """The deadline (Belgian wall-clock time) 72 real hours after awareness, and the hours left (negative: passed)."""
    aware_utc = belgian_time.to_utc(aware_local)
    deadline_utc = aware_utc + DEADLINE
    left = (deadline_utc - now_utc).total_seconds() / 3600
    return belgian_time.to_local(deadline_utc), left


def colon(lang: str) -> str:
    """French puts a narrow no-break space before the colon."""
    return "\u202f:" if lang == "fr" else ":"


def csv_cell(text: str) -> str:
    """One spreadsheet cell: quoted when needed; a leading = + - @ is neutralised (no formula injection)."""
    if text[:1] in ("=", "+", "-", "@"):
        text = "'" + text
    if any(ch in text for ch in ';"\n\r'):
        text = '"' + text.replace('"', '""') + '"'
    return text


def csv_row(cells: list[str]) -> str:
    return ";".join(csv_cell(c) for c in cells)


def _clock_section(decision: Decision, lang: str) -> dict[str, Any]:
    key = "breach.clock"
    lines: list[str] = []
    if decision.answers.get("is_breach") == "unsure":
        # EDPB 9/2022: the controller becomes aware when it is reasonably certain that a breach
        # compromised personal data; until then it investigates, promptly.
        lines.append(t(lang, f"{key}.unsure_breach"))
    aware = decision.answers.get("aware_at")
    if not isinstance(aware, str):
        lines.append(t(lang, f"{key}.no_date"))
        return {"id": "clock", "title": t(lang, f"{key}.title"), "lines": lines}
    aware_local = dt.datetime.fromisoformat(aware)
    if decision.answers.get("is_breach") == "unsure":
        # No moment of awareness yet: the date given is kept in the log, not shown as the clock's start.
        return {"id": "clock", "title": t(lang, f"{key}.title"), "lines": lines}
    lines.append(t(lang, f"{key}.aware", aware=belgian_time.format_datetime(aware_local, lang, weekday=True)))
    gba = _agreed(GBA, decision)
    if gba == "processor":
        lines.append(t(lang, f"{key}.processor"))
    elif gba in ("due", "open") and decision.answers.get("is_breach") != "unsure":
        deadline, left = clock(aware_local, belgian_time.now_utc())
        deadline_text = belgian_time.format_datetime(deadline, lang, weekday=True)
        lines.append(t(lang, f"{key}.deadline" if gba == "due" else f"{key}.deadline_if", deadline=deadline_text))
        if left < 0:
            lines.append(t(lang, f"{key}.passed", hours=int(-left)))
        else:
            lines.append(t(lang, f"{key}.left", hours=int(left)))
        # On a phone the result shows the deadline and the hours left up front; the rest is folded.
        lead = len(lines)
        # A downloaded or printed record keeps this line: it says when the hours were counted.
        lines.append(t(lang, f"{key}.computed", now=belgian_time.format_datetime(belgian_time.now_local(), lang)))
        if belgian_time.offset_at(belgian_time.to_utc(aware_local)) != belgian_time.offset_at(
                belgian_time.to_utc(aware_local) + DEADLINE):
            lines.append(t(lang, f"{key}.clock_change"))
        return {"id": "clock", "title": t(lang, f"{key}.title"), "lines": lines, "lead": lead}
    elif gba in ("not_needed", "no_breach"):
        lines.append(t(lang, f"{key}.no_notification"))
    return {"id": "clock", "title": t(lang, f"{key}.title"), "lines": lines}


def _late(decision: Decision) -> bool:
    aware = decision.answers.get("aware_at")
    if not isinstance(aware, str):
        return False
    return clock(dt.datetime.fromisoformat(aware), belgian_time.now_utc())[1] < 0


def _log(decision: Decision, lang: str) -> tuple[list[str], list[str]]:
    """The log entry as (labels, values) in LOG_COLUMNS order: facts given, blanks for the rest."""
    fill = t(lang, "breach.log.fill")
    aware = decision.answers.get("aware_at")
    aware_text = belgian_time.format_datetime(dt.datetime.fromisoformat(aware), lang) if isinstance(aware, str) else fill
    titles = [t(lang, f"breach.outcome.{o}.title") for o in (decision.possible or (decision.outcome,))]
    assessment = titles[0] if len(titles) == 1 else t(
        lang, "breach.log.open", outcomes=t(lang, "ui.or").join(title.rstrip(".") for title in titles))
    gba = _agreed(GBA, decision)
    delay = ("late" if _late(decision) else "if_late") if gba == "due" else ("if_late" if gba == "open" else "not_applicable")
    values = {
        "occurred": fill,
        "aware": aware_text,
        "recorded": belgian_time.format_date(dt.date.fromisoformat(decision.date), lang)
        if decision.date[:1].isdigit() else decision.date,
        "what": fill,
        "data": fill,
        "people": fill,
        "consequences": fill,
        "measures": fill,
        "assessment": assessment,
        "gba": t(lang, f"breach.log.gba.{gba}"),
        "people_told": t(lang, f"breach.log.people_told.{_agreed(PEOPLE, decision, ('due', 'public'))}"),
        "delay": t(lang, f"breach.log.delay.{delay}"),
        "reasons": " ".join(t(lang, f"breach.rule.{f.rule}.{f.status.value}") for f in decision.findings),
    }
    labels = [t(lang, f"breach.log.col.{c}") for c in LOG_COLUMNS]
    return labels, [values[c] for c in LOG_COLUMNS]


def extras(decision: Decision, lang: str) -> dict[str, Any]:
    sections = []
    if decision.outcome != "no_breach":
        sections.append(_clock_section(decision, lang))
    labels, values = _log(decision, lang)
    sections.append({"id": "log", "title": t(lang, "breach.log.title"),
                     "lines": [f"{label}{colon(lang)} {value}" for label, value in zip(labels, values)]})
    if decision.outcome != "no_breach":
        sections.append({"id": "parties", "title": t(lang, "breach.parties.title"),
                         "lines": [t(lang, f"breach.parties.{p}") for p in ("police", "insurer", "bank", "ccb")]})
    day = decision.date if decision.date[:1].isdigit() else "undated"
    files = [{
        "name": f"breach-log-{day}.csv",
        "type": "text/csv",
        "label": t(lang, "breach.log.download"),
        # A byte-order mark lets Excel read the accents; the header row names the columns.
        "text": "\ufeff" + csv_row(labels) + "\r\n" + csv_row(values) + "\r\n",
        # What the page's .odt/.docx buttons write; the organisation comes from the page's profile.
        "document": {"name": f"breach-log-{day}", "lang": lang, "organisation": "",
                     "markdown": entries.log_entry(t(lang, "breach.log.title"), labels, values, lang)},
    }]
    return {"sections": sections, "files": files}
