"""Walks a wizard's rules over a visitor's answers: validates, picks the next question, decides.

The decision rule, in words a lawyer can check:
1. Rules are examined in their declared order. The first rule that holds decides the outcome.
2. A rule answered "not sure" does not decide; it is remembered, and the walk goes on.
3. Every answer "not sure" on the path is then settled each way it could go (the options the question
   offers). The outcomes reached that way are the outcomes still open.
   - A question marked `presume` is about a fact the organisation must be able to show before relying
     on it (an exception to a duty): while not sure, its presumed answer holds. The outcomes it would
     open once shown are reported as a branch ("if you can show ..."), not as open now.
4. If every open outcome has the same verdict and role, that is the result. Otherwise the result is
   the wizard's "open" outcome, carrying the verdict all open outcomes share (or "it depends" when the
   legal duty itself is open), and for each question that matters, what each answer would lead to.
"""
from __future__ import annotations

import datetime as _dt
import itertools
import re
from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping

from wizards.engine.logic import Answer, Tri
from wizards.engine import belgian_time
from wizards.engine.model import UNSURE, Checklist, Choice, Number, Outcome, Question, Text, Verdict, When, Wizard


class Refused(Exception):
    """Input the wizard will not decide on. `code` selects a message in the texts (`error.<code>`)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Finding:
    rule: str
    status: Tri
    cites: tuple[str, ...]


@dataclass(frozen=True)
class Branch:
    """What one open answer would settle: with `question` answered `value`, these outcomes remain."""

    question: str
    value: str
    outcomes: tuple[str, ...]


@dataclass(frozen=True)
class Decision:
    wizard: str
    version: str
    verdict: Verdict
    outcome: str
    role: str | None
    findings: tuple[Finding, ...]
    # The rules a "not sure" answer left open and that matter to the outcome.
    open_points: tuple[str, ...]
    answers: dict[str, Answer]
    date: str = field(default_factory=lambda: belgian_time.today().isoformat())
    # Every outcome still open now, in the wizard's order: one when the result is settled.
    possible: tuple[str, ...] = ()
    # For each "not sure" answer that matters: each way it could go and what would then remain.
    branches: tuple[Branch, ...] = ()


_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DATETIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?")


def _check_when(question: When, value: object) -> str:
    """Canonical "YYYY-MM-DDTHH:MM" (or "YYYY-MM-DD"), Belgian wall-clock time."""
    expected = "date and time (YYYY-MM-DDTHH:MM)" if question.with_time else "date (YYYY-MM-DD)"
    if not isinstance(value, str):
        raise Refused("wrong_type", question=question.id, expected=expected)
    match = (_DATETIME if question.with_time else _DATE).fullmatch(value.strip())
    if not match:
        raise Refused("wrong_type", question=question.id, expected=expected)
    parts = [int(p) for p in match.groups() if p is not None]
    try:
        moment = _dt.datetime(*parts[:5]) if question.with_time else _dt.datetime(*parts[:3])
    except ValueError:
        raise Refused("impossible_date", question=question.id, value=value) from None
    if not 2000 <= moment.year <= 2100:
        raise Refused("impossible_date", question=question.id, value=value)
    if question.with_time:
        try:
            belgian_time.to_utc(moment)
        except belgian_time.NonexistentTime:
            raise Refused("skipped_hour", question=question.id, value=value) from None
    now = belgian_time.now_local()
    if question.past_only and (moment > now if question.with_time else moment.date() > now.date()):
        raise Refused("future_date", question=question.id, value=value)
    return moment.strftime("%Y-%m-%dT%H:%M" if question.with_time else "%Y-%m-%d")


def check_answer(question: Question, value: object) -> Answer:
    if isinstance(question, When):
        return _check_when(question, value)
    if isinstance(question, Text):
        if not isinstance(value, str):
            raise Refused("wrong_type", question=question.id, expected="text")
        # One line: a letter heading must not be broken up by pasted control characters.
        text = " ".join("".join(ch if ch.isprintable() else " " for ch in value).split())
        if len(text) > question.max_length:
            raise Refused("too_long", question=question.id, maximum=question.max_length)
        return text
    if isinstance(question, Choice):
        if not isinstance(value, str):
            raise Refused("wrong_type", question=question.id, expected="text")
        if value not in question.options:
            raise Refused("unknown_option", question=question.id, value=value, allowed=", ".join(question.options))
        return value
    if isinstance(question, Number):
        # bool is an int in Python; "true" employees is still a wrong answer.
        if isinstance(value, bool) or not isinstance(value, int):
            raise Refused("wrong_type", question=question.id, expected="whole number")
        if not question.minimum <= value <= question.maximum:
            raise Refused("out_of_range", question=question.id, value=value,
                          minimum=question.minimum, maximum=question.maximum)
        return value
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise Refused("wrong_type", question=question.id, expected="list")
    unknown = [v for v in value if v not in question.items]
    if unknown:
        raise Refused("unknown_option", question=question.id, value=unknown[0], allowed=", ".join(question.items))
    if len(set(value)) != len(value):
        raise Refused("duplicate_item", question=question.id)
    # Canonical order, so the same ticks always give the same record.
    return tuple(item for item in question.items if item in value)


def validate(wizard: Wizard, answers: Mapping[str, object]) -> dict[str, Answer]:
    """Checks every answer against its question; refuses unknown questions and impossible combinations."""
    if not isinstance(answers, Mapping):
        raise Refused("not_an_object")
    known = {q.id: q for q in wizard.questions}
    checked: dict[str, Answer] = {}
    for key, value in answers.items():
        if key not in known:
            raise Refused("unknown_question", question=key)
        checked[key] = check_answer(known[key], value)
    for conflict in wizard.conflicts:
        if conflict.when.eval(checked) is Tri.YES:
            raise Refused("conflict", conflict=f"{wizard.id}.conflict.{conflict.id}")
    return checked


# ASCII digits only: str.isdigit() also accepts "²" and "①", which int() then rejects with a crash.
_WHOLE_NUMBER = re.compile(r"-?[0-9]+")
# More digits than any maximum has: int() of a 5,000-digit string raises instead of answering.
_MAX_DIGITS = 15


def _whole_number(question: Number, text: str) -> int:
    text = text.strip()
    if not _WHOLE_NUMBER.fullmatch(text):
        raise Refused("wrong_type", question=question.id, expected="whole number")
    if len(text.lstrip("-")) > _MAX_DIGITS:
        raise Refused("out_of_range", question=question.id, value=text[:_MAX_DIGITS] + "…",
                      minimum=question.minimum, maximum=question.maximum)
    return int(text)


def coerce(wizard: Wizard, raw: Mapping[str, str]) -> dict[str, object]:
    """Turns form or URL-fragment strings into typed answers; the checks stay in `validate`."""
    typed: dict[str, object] = {}
    known = {q.id: q for q in wizard.questions}
    for key, text in raw.items():
        question = known.get(key)
        if question is None:
            raise Refused("unknown_question", question=key)
        if isinstance(question, Number):
            typed[key] = _whole_number(question, text)
        elif isinstance(question, Checklist):
            typed[key] = [item for item in text.split(",") if item]
        else:
            typed[key] = text
    return typed


def next_question(wizard: Wizard, answers: Mapping[str, Answer]) -> Question | None:
    """The first question, in rule order, whose answer can still change the outcome; None when the
    verdict is settled (an outcome's detail questions are asked after that, see `walk`)."""
    for rule in wizard.rules:
        status = rule.when.eval(answers)
        if status is Tri.PENDING:
            return wizard.question(rule.when.needed(answers)[0])
        if status is Tri.YES:
            return None
    return None


def _findings(wizard: Wizard, checked: Mapping[str, Answer]) -> tuple[list[Finding], Outcome]:
    """The rules examined, in order, and the outcome of the first that holds ("not sure" does not hold)."""
    findings: list[Finding] = []
    for rule in wizard.rules:
        status = rule.when.eval(checked)
        if status is Tri.PENDING:
            raise Refused("missing_answer", question=rule.when.needed(checked)[0])
        findings.append(Finding(rule.id, status, rule.cites))
        if status is Tri.YES:
            return findings, wizard.outcome(rule.outcome)
    return findings, wizard.outcome(wizard.otherwise)


def _unsure(wizard: Wizard, checked: Mapping[str, Answer]) -> list[Choice]:
    return [q for q in (wizard.question(k) for k in checked) if isinstance(q, Choice) and checked[q.id] == UNSURE]


def _settled_ways(question: Choice) -> tuple[str, ...]:
    return tuple(o for o in question.options if o != UNSURE)


def _settlings(answers: Mapping[str, Answer], free: list[Choice]) -> Iterator[dict[str, Answer]]:
    """The answers with each question in `free` answered each way it can be."""
    for values in itertools.product(*(_settled_ways(q) for q in free)):
        yield {**answers, **{q.id: v for q, v in zip(free, values)}}


def _duty(outcome: Outcome) -> tuple[Verdict, str | None]:
    return outcome.verdict, outcome.role


def _reachable(wizard: Wizard, checked: Mapping[str, Answer], free: list[Choice]) -> tuple[str, ...]:
    """The outcomes reached when each question in `free` is answered each way it can be, in the
    wizard's order. The walk with "not sure" asked every question any of those ways needs."""
    reached = {_findings(wizard, answers)[1].id for answers in _settlings(checked, free)}
    return tuple(o.id for o in wizard.outcomes if o.id in reached)


def _matters(wizard: Wizard, answers: Mapping[str, Answer], question: Choice, others: list[Choice]) -> bool:
    """True when, however the other open answers go, some answer to `question` leads to another duty
    (verdict or role) than another answer would."""
    for fixed in _settlings(answers, others):
        duties = {_duty(_findings(wizard, {**fixed, question.id: value})[1]) for value in _settled_ways(question)}
        if len(duties) > 1:
            return True
    return False


@dataclass(frozen=True)
class _Open:
    """Where a walk with "not sure" answers stands: what is open now, before any branch is drawn."""

    findings: list[Finding]
    final: Outcome
    now: dict[str, Answer]   # the answers with every presumed exception at its presumed value
    unsure: list[Choice]
    free: list[Choice]       # the "not sure" answers without a presumption
    possible: tuple[str, ...]


def _settle(wizard: Wizard, checked: Mapping[str, Answer]) -> _Open:
    """The findings, the final outcome and the outcomes open now (what the walk needs at every step)."""
    findings, _ = _findings(wizard, checked)
    unsure = _unsure(wizard, checked)
    presumed = {q.id: q.presume for q in unsure if q.presume is not None}
    now = {**checked, **presumed}
    free = [q for q in unsure if q.id not in presumed]
    possible = _reachable(wizard, now, free)
    outcomes = [wizard.outcome(o) for o in possible]
    if len({_duty(o) for o in outcomes}) == 1:
        # Several open outcomes with one verdict and role: the one the walk reached, as before.
        reached = _findings(wizard, now)[1]
        final = reached if reached.id in possible else outcomes[0]
    else:
        final = wizard.outcome(wizard.depends)
    return _Open(findings, final, now, unsure, free, possible)


def _branches(wizard: Wizard, state: _Open) -> tuple[tuple[Branch, ...], tuple[str, ...]]:
    """For each "not sure" that matters, each way it could go and what would then remain; and the
    rules those answers left open. Only the decision needs these, not each step of the walk."""
    branches: list[Branch] = []
    open_questions: list[str] = []
    for question in state.unsure:
        others = [q for q in state.free if q.id != question.id]
        if _matters(wizard, state.now, question, others):
            branches += [Branch(question.id, value, _reachable(wizard, {**state.now, question.id: value}, others))
                         for value in _settled_ways(question)]
            open_questions.append(question.id)
    hinges = tuple(f.rule for f in state.findings if f.status is Tri.UNSURE
                   and any(q in open_questions for q in wizard.rule(f.rule).when.questions()))
    return tuple(branches), hinges


def _verdict(wizard: Wizard, final: Outcome, possible: tuple[str, ...]) -> tuple[Verdict, str | None]:
    """An open result keeps the verdict and role its open outcomes share: "it depends" only where the
    legal duty itself is open."""
    if final.id != wizard.depends:
        return final.verdict, final.role
    outcomes = [wizard.outcome(o) for o in possible]
    verdicts = {o.verdict for o in outcomes}
    roles = {o.role for o in outcomes}
    # A role "gba+people" names a main duty (notify the GBA) and an added one (tell the people): the
    # main duty is what the verdict speaks of.
    duties = {str(role).split("+")[0] for role in roles}
    if len(verdicts) > 1 or (wizard.duty_in_role and verdicts == {Verdict.REQUIRED} and len(duties) > 1):
        return Verdict.DEPENDS, (roles.pop() if len(roles) == 1 else None)
    return verdicts.pop(), (roles.pop() if len(roles) == 1 else None)


def next_detail(wizard: Wizard, answers: Mapping[str, Answer]) -> Question | None:
    """Once the verdict is settled: the first detail question of its outcome not yet answered."""
    final = _settle(wizard, answers).final
    for question_id in final.details:
        if question_id not in answers:
            return wizard.question(question_id)
    return None


def decide(wizard: Wizard, answers: Mapping[str, object], *, today: str | None = None) -> Decision:
    checked = validate(wizard, answers)
    state = _settle(wizard, checked)
    findings, final, possible = state.findings, state.final, state.possible
    branches, hinges = _branches(wizard, state)
    verdict, role = _verdict(wizard, final, possible)
    # Only the answers on the path taken are part of the record, in the order they were asked.
    asked, _ = walk(wizard, checked)
    # Detail answers are optional for the verdict: kept when given, in the outcome's order.
    kept = {k: checked[k] for k in asked}
    kept.update({k: checked[k] for k in final.details if k in checked and k not in kept})
    return Decision(
        wizard=wizard.id,
        version=wizard.version,
        verdict=verdict,
        outcome=final.id,
        role=role,
        findings=tuple(findings),
        open_points=hinges,
        answers=kept,
        possible=possible,
        branches=branches,
        **({"date": today} if today else {}),
    )


def walk(wizard: Wizard, answers: Mapping[str, Answer]) -> tuple[list[str], Question | None]:
    """The questions asked so far, in order, and the next one to ask (None when the wizard is done).

    Answers to questions that are no longer on the path (after an earlier answer changed) are kept
    by the caller but not used: going back never loses what the visitor typed.
    """
    asked: list[str] = []
    known: dict[str, Answer] = {}
    while True:
        question = next_question(wizard, known)
        if question is None:
            question = next_detail(wizard, known)
        if question is None or question.id not in answers:
            return asked, question
        asked.append(question.id)
        known[question.id] = answers[question.id]
