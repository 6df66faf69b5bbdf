"""The breach wizard's extra record: the 72-hour clock, the breach-log entry and who else to tell.

Art. 33(5) GDPR: every breach is documented (facts, effects, remedial action), notified or not, so the
supervisory authority can check compliance. The log entry is written as lines for the record and as
one semicolon-separated spreadsheet row (with its header), the format Belgian spreadsheets open.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from wizards.engine import belgian_time
from wizards.engine.walk import Decision
from wizards.present.texts import t

DEADLINE = dt.timedelta(hours=72)
NOTIFY = ("notify_gba", "notify_gba_exempt", "notify_and_tell", "notify_and_announce", "depends")
LOG_COLUMNS = ("aware", "recorded", "what", "data", "people", "consequences", "measures", "assessment",
               "gba", "people_told", "reasons")


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
    aware = decision.answers.get("aware_at")
    key = "breach.clock"
    if not isinstance(aware, str):
        return {"id": "clock", "title": t(lang, f"{key}.title"), "lines": [t(lang, f"{key}.no_date")]}
    aware_local = dt.datetime.fromisoformat(aware)
    aware_text = belgian_time.format_datetime(aware_local, lang, weekday=True)
    lines = [t(lang, f"{key}.aware", aware=aware_text)]
    if decision.outcome == "tell_controller":
        lines.append(t(lang, f"{key}.processor"))
    elif decision.outcome in NOTIFY:
        deadline, left = clock(aware_local, belgian_time.now_utc())
        deadline_text = belgian_time.format_datetime(deadline, lang, weekday=True)
        lines.append(t(lang, f"{key}.deadline", deadline=deadline_text))
        if left < 0:
            lines.append(t(lang, f"{key}.passed", hours=int(-left)))
        else:
            lines.append(t(lang, f"{key}.left", hours=int(left)))
        if belgian_time.offset_at(belgian_time.to_utc(aware_local)) != belgian_time.offset_at(
                belgian_time.to_utc(aware_local) + DEADLINE):
            lines.append(t(lang, f"{key}.clock_change"))
    else:
        lines.append(t(lang, f"{key}.no_notification"))
    return {"id": "clock", "title": t(lang, f"{key}.title"), "lines": lines}


def _log(decision: Decision, lang: str) -> tuple[list[str], list[str]]:
    """The log entry as (labels, values) in LOG_COLUMNS order."""
    aware = decision.answers.get("aware_at")
    aware_text = (belgian_time.format_datetime(dt.datetime.fromisoformat(aware), lang)
                  if isinstance(aware, str) else t(lang, "breach.log.fill"))
    outcome = decision.outcome
    reasons = " ".join(t(lang, f"breach.rule.{f.rule}.{f.status.value}") for f in decision.findings)
    values = {
        "aware": aware_text,
        "recorded": belgian_time.format_date(dt.date.fromisoformat(decision.date), lang)
        if decision.date[:1].isdigit() else decision.date,
        "what": t(lang, "breach.log.fill"),
        "data": t(lang, "breach.log.fill"),
        "people": t(lang, "breach.log.fill"),
        "consequences": t(lang, "breach.log.fill"),
        "measures": t(lang, "breach.log.fill"),
        "assessment": t(lang, f"breach.outcome.{outcome}.title"),
        "gba": t(lang, f"breach.log.gba.{outcome}"),
        "people_told": t(lang, f"breach.log.people_told.{outcome}"),
        "reasons": reasons,
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
    }]
    return {"sections": sections, "files": files}
