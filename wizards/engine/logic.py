"""Three-valued conditions over a visitor's answers.

A legal test is rarely a plain yes/no for a small business: "is this large scale?" can honestly be
"I am not sure". Conditions therefore evaluate to YES, NO or UNSURE (Kleene logic), or PENDING while
a question they read has not been answered yet. PENDING is what lets the engine skip questions that
can no longer change the outcome.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Mapping, Union

Answer = Union[str, int, tuple[str, ...]]


class Tri(str, Enum):
    YES = "yes"
    NO = "no"
    UNSURE = "unsure"
    PENDING = "pending"


def _all(values: list[Tri]) -> Tri:
    if Tri.NO in values:
        return Tri.NO
    if Tri.PENDING in values:
        return Tri.PENDING
    if Tri.UNSURE in values:
        return Tri.UNSURE
    return Tri.YES


def _any(values: list[Tri]) -> Tri:
    if Tri.YES in values:
        return Tri.YES
    if Tri.PENDING in values:
        return Tri.PENDING
    if Tri.UNSURE in values:
        return Tri.UNSURE
    return Tri.NO


class _Leaf:
    """A condition on one question; it needs that question until it is answered."""

    question: str

    def questions(self) -> tuple[str, ...]:
        return (self.question,)

    def needed(self, answers: Mapping[str, Answer]) -> tuple[str, ...]:
        return () if self.question in answers else (self.question,)


@dataclass(frozen=True)
class Is(_Leaf):
    """The answer to a choice question equals `value`; the option "unsure" makes it UNSURE."""

    question: str
    value: str = "yes"

    def eval(self, answers: Mapping[str, Answer]) -> Tri:
        if self.question not in answers:
            return Tri.PENDING
        given = answers[self.question]
        if given == "unsure":
            return Tri.UNSURE
        return Tri.YES if given == self.value else Tri.NO


@dataclass(frozen=True)
class AtLeast(_Leaf):
    """A number question's answer is at least `threshold`."""

    question: str
    threshold: int

    def eval(self, answers: Mapping[str, Answer]) -> Tri:
        if self.question not in answers:
            return Tri.PENDING
        return Tri.YES if int(answers[self.question]) >= self.threshold else Tri.NO  # type: ignore[arg-type]


@dataclass(frozen=True)
class Ticked(_Leaf):
    """At least `minimum` boxes of a checklist question are ticked."""

    question: str
    minimum: int = 1

    def eval(self, answers: Mapping[str, Answer]) -> Tri:
        if self.question not in answers:
            return Tri.PENDING
        return Tri.YES if len(answers[self.question]) >= self.minimum else Tri.NO  # type: ignore[arg-type]


@dataclass(frozen=True)
class TickedExactly(_Leaf):
    """Exactly `count` boxes of a checklist question are ticked."""

    question: str
    count: int

    def eval(self, answers: Mapping[str, Answer]) -> Tri:
        if self.question not in answers:
            return Tri.PENDING
        return Tri.YES if len(answers[self.question]) == self.count else Tri.NO  # type: ignore[arg-type]


@dataclass(frozen=True)
class TickedAll(_Leaf):
    """Every one of `items` is ticked (other boxes may be too): for a rule that turns on which boxes are
    ticked, not only on how many."""

    question: str
    items: tuple[str, ...]

    def eval(self, answers: Mapping[str, Answer]) -> Tri:
        if self.question not in answers:
            return Tri.PENDING
        return Tri.YES if set(self.items) <= set(answers[self.question]) else Tri.NO  # type: ignore[arg-type]


@dataclass(frozen=True)
class Not:
    condition: "Condition"

    def eval(self, answers: Mapping[str, Answer]) -> Tri:
        inner = self.condition.eval(answers)
        return {Tri.YES: Tri.NO, Tri.NO: Tri.YES}.get(inner, inner)

    def questions(self) -> tuple[str, ...]:
        return self.condition.questions()

    def needed(self, answers: Mapping[str, Answer]) -> tuple[str, ...]:
        return self.condition.needed(answers)


@dataclass(frozen=True, init=False)
class _Group:
    """All or any of several conditions. Once the whole is decided (a NO inside AllOf, a YES inside
    AnyOf), the other parts need not be asked."""

    conditions: tuple["Condition", ...]

    def __init__(self, *conditions: "Condition") -> None:
        object.__setattr__(self, "conditions", conditions)

    def eval(self, answers: Mapping[str, Answer]) -> Tri:
        raise NotImplementedError

    def questions(self) -> tuple[str, ...]:
        return tuple(q for c in self.conditions for q in c.questions())

    def needed(self, answers: Mapping[str, Answer]) -> tuple[str, ...]:
        if self.eval(answers) is not Tri.PENDING:
            return ()
        return tuple(q for c in self.conditions if c.eval(answers) is Tri.PENDING for q in c.needed(answers))


@dataclass(frozen=True, init=False)
class AllOf(_Group):
    conditions: tuple["Condition", ...]


    def eval(self, answers: Mapping[str, Answer]) -> Tri:
        return _all([c.eval(answers) for c in self.conditions])


@dataclass(frozen=True, init=False)
class AnyOf(_Group):
    conditions: tuple["Condition", ...]


    def eval(self, answers: Mapping[str, Answer]) -> Tri:
        return _any([c.eval(answers) for c in self.conditions])


Condition = Union[Is, AtLeast, Ticked, TickedExactly, TickedAll, Not, AllOf, AnyOf]
