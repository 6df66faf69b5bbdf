"""The building blocks a wizard is declared with.

A wizard is data: its questions, its rules (one per legal ground, in the order the law reads them),
and its outcomes. Nothing here decides anything; `engine.py` walks these declarations. Keeping the
declarations plain data is what lets us list every path, draw the flowchart and test them all.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Callable, Union

from wizards.engine.logic import Condition


class Verdict(str, Enum):
    REQUIRED = "required"
    NOT_REQUIRED = "not_required"
    RECOMMENDED = "recommended"
    DEPENDS = "depends"


UNSURE = "unsure"


@dataclass(frozen=True)
class Choice:
    """One answer out of a few options. The option "unsure" is an honest answer, not an error."""

    id: str
    options: tuple[str, ...] = ("yes", "no")
    cites: tuple[str, ...] = ()
    # "profile" for questions of the shared organisation profile (texts under `profile.q.*`).
    ns: str | None = None
    # For a fact the organisation must be able to show before it may rely on it (an exception to a
    # duty, Art. 5(2) GDPR): the answer that holds while the visitor is not sure. What would change
    # once the fact is shown is still reported, as an open point ("if you can show ...").
    presume: str | None = None
    kind: str = field(default="choice", init=False)


@dataclass(frozen=True)
class Number:
    id: str
    minimum: int = 0
    maximum: int = 10_000_000
    cites: tuple[str, ...] = ()
    ns: str | None = None
    # Values the path enumeration tries: one on each side of every threshold a rule uses.
    kind: str = field(default="number", init=False)


@dataclass(frozen=True)
class Checklist:
    """Tick every item that applies; ticking none is a valid answer."""

    id: str
    items: tuple[str, ...]
    cites: tuple[str, ...] = ()
    ns: str | None = None
    kind: str = field(default="checklist", init=False)


@dataclass(frozen=True)
class When:
    """A date, or a date and a time, in Belgian local time (Europe/Brussels).

    Written as ISO 8601 wall-clock time: "2026-12-02T14:30" (with_time) or "2026-12-02". An impossible
    date, an hour skipped when the clocks go forward, or (with past_only) a moment still to come is
    refused. Rules never read it: it feeds a deadline, not a verdict.
    """

    id: str
    with_time: bool = True
    past_only: bool = True
    cites: tuple[str, ...] = ()
    ns: str | None = None
    kind: str = field(default="datetime", init=False)


@dataclass(frozen=True)
class Text:
    """A short free text on one line (a name, an address) that fills in a letter; rules never read it."""

    id: str
    max_length: int = 200
    cites: tuple[str, ...] = ()
    ns: str | None = None
    kind: str = field(default="text", init=False)


Question = Union[Choice, Number, Checklist, When, Text]


@dataclass(frozen=True)
class Rule:
    """A legal ground: when `when` holds, the wizard ends in `outcome`.

    Its texts (`<wizard>.rule.<id>.title/yes/no/unsure`) say in plain words what the ground is and
    what the visitor's answers made of it, so the written record shows every ground examined.
    """

    id: str
    when: Condition
    outcome: str
    cites: tuple[str, ...]


@dataclass(frozen=True)
class Action:
    id: str
    # A page of the site, relative to the language folder (e.g. "guide/processors.md").
    link: str | None = None


@dataclass(frozen=True)
class Outcome:
    id: str
    verdict: Verdict
    cites: tuple[str, ...] = ()
    actions: tuple[Action, ...] = ()
    # Only the processor wizard says what role the supplier has.
    role: str | None = None
    # Questions asked once this outcome is reached (dates, names): they fill in the record, a
    # deadline or a letter, never the verdict.
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class Conflict:
    """A combination of answers that cannot be true at once; it is refused with a reason."""

    id: str
    when: Condition


@dataclass(frozen=True)
class Wizard:
    id: str
    # Date the legal reasoning was last reviewed; printed on every record.
    version: str
    questions: tuple[Question, ...]
    rules: tuple[Rule, ...]
    outcomes: tuple[Outcome, ...]
    # Outcome when no rule holds.
    otherwise: str
    # Outcome when the answer hinges on a point the visitor marked "unsure".
    depends: str
    conflicts: tuple[Conflict, ...] = ()
    # True where an outcome's role is the duty itself (the breach wizard: whom to tell), so that open
    # outcomes that all require something but a different main duty (the role before any "+": "gba" in
    # "gba+people") still leave the duty open ("it depends"). Elsewhere the role is the extent of a
    # duty the verdict states (answer fully or partly).
    duty_in_role: bool = False
    # Extra parts of the record beyond the verdict (a deadline, a letter, a log line): a function
    # (decision, lang) -> {"sections": [...], "files": [...]}, see present.render.to_dict. Attached by
    # wizards/registry.py from wizards/documents/, so that a rule module imports only the engine.
    extras: Callable[..., dict[str, Any]] | None = field(default=None, compare=False)

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def outcome(self, outcome_id: str) -> Outcome:
        for outcome in self.outcomes:
            if outcome.id == outcome_id:
                return outcome
        raise KeyError(outcome_id)

    def text_ns(self, question: Question) -> str:
        return question.ns or self.id
