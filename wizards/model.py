"""The building blocks a wizard is declared with.

A wizard is data: its questions, its rules (one per legal ground, in the order the law reads them),
and its outcomes. Nothing here decides anything; `engine.py` walks these declarations. Keeping the
declarations plain data is what lets us list every path, draw the flowchart and test them all.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Union

from .logic import Condition


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


Question = Union[Choice, Number, Checklist]


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

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)

    def outcome(self, outcome_id: str) -> Outcome:
        for outcome in self.outcomes:
            if outcome.id == outcome_id:
                return outcome
        raise KeyError(outcome_id)

    def text_ns(self, question: Question) -> str:
        return question.ns or self.id
