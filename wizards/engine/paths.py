"""Every path through a wizard, for the committed golden tables (tests/golden/<wizard>.tsv).

Numbers are tried on both sides of each threshold a rule reads; checklists by how many boxes are
ticked, and, where a rule asks for certain boxes (`TickedAll`), with those boxes, with one more, and
with each of them swapped for another. So the table covers every distinct route through the logic.
"""
from __future__ import annotations

from typing import Iterator

from wizards.engine.walk import decide, next_question
from wizards.engine.logic import AllOf, AnyOf, Answer, AtLeast, Condition, Not, Ticked, TickedAll, TickedExactly
from wizards.engine.model import Checklist, Choice, Number, Question, Wizard


def _leaves(cond: Condition) -> Iterator[Condition]:
    if isinstance(cond, (AllOf, AnyOf)):
        for part in cond.conditions:
            yield from _leaves(part)
    elif isinstance(cond, Not):
        yield from _leaves(cond.condition)
    else:
        yield cond


def candidates(wizard: Wizard, question: Question) -> list[Answer]:
    leaves = [leaf for rule in wizard.rules for leaf in _leaves(rule.when) if question.id in leaf.questions()]
    if isinstance(question, Choice):
        return list(question.options)
    if isinstance(question, Number):
        values = {question.minimum}
        for leaf in leaves:
            if isinstance(leaf, AtLeast):
                values |= {leaf.threshold - 1, leaf.threshold}
        return sorted(v for v in values if question.minimum <= v <= question.maximum)
    assert isinstance(question, Checklist)
    sizes = {0}
    for leaf in leaves:
        n = leaf.minimum if isinstance(leaf, Ticked) else leaf.count if isinstance(leaf, TickedExactly) else 1
        sizes |= {n - 1, n, n + 1}
    ticks: set[frozenset[str]] = {frozenset(question.items[:k]) for k in sizes if 0 <= k <= len(question.items)}
    for leaf in leaves:
        if isinstance(leaf, TickedAll):
            wanted = frozenset(leaf.items)
            others = [i for i in question.items if i not in wanted][:1]
            ticks |= {wanted, wanted | set(others)} | {(wanted - {item}) | set(others) for item in wanted}
    order = {item: n for n, item in enumerate(question.items)}
    ranked = sorted(ticks, key=lambda s: (len(s), sorted(order[i] for i in s)))
    return [tuple(i for i in question.items if i in chosen) for chosen in ranked]


def enumerate_paths(wizard: Wizard) -> list[tuple[dict[str, Answer], object]]:
    rows: list[tuple[dict[str, Answer], object]] = []

    def visit(answers: dict[str, Answer]) -> None:
        question = next_question(wizard, answers)
        if question is None:
            rows.append((dict(answers), decide(wizard, answers, today="-")))
            return
        for value in candidates(wizard, question):
            answers[question.id] = value
            visit(answers)
            del answers[question.id]

    visit({})
    return rows


def _fmt(value: Answer) -> str:
    return "[" + ",".join(value) + "]" if isinstance(value, tuple) else str(value)


def table(wizard: Wizard) -> str:
    # possible: the outcomes open now; branches: for each "not sure" that matters, each answer -> the
    # outcomes that answer leaves ("-" where a path has no "not sure" that matters).
    lines = ["answers\tverdict\toutcome\trole\tdepends_on\tpossible\tbranches"]
    for answers, decision in enumerate_paths(wizard):
        path = " ".join(f"{k}={_fmt(v)}" for k, v in answers.items())
        branches = " ".join(f"{b.question}={b.value}>{'|'.join(b.outcomes)}" for b in decision.branches)  # type: ignore[attr-defined]
        lines.append(
            f"{path}\t{decision.verdict.value}\t{decision.outcome}\t{decision.role or '-'}\t"  # type: ignore[attr-defined]
            f"{','.join(decision.open_points) or '-'}\t"  # type: ignore[attr-defined]
            f"{','.join(decision.possible)}\t{branches or '-'}"  # type: ignore[attr-defined]
        )
    return "\n".join(lines) + "\n"
