"""The wizard drawn from its own rules: a Mermaid flowchart and a plain-HTML outline.

The flowchart is the fallback when Python cannot start, so it must give the wizard's verdict on
every path, "not sure" answers included. A chart drawn rule by rule cannot: the engine remembers
every "not sure" and turns the verdict into "it depends" when that point could have changed it.
So the chart is drawn from the engine itself: starting with no answers, it asks the engine which
question comes next, follows every answer (numbers and tick counts by the ranges the rules tell
apart), and ends each route in the outcome `engine.decide` gives. Identical sub-charts are drawn
once, so the chart stays small. The outline lists the rules in plain HTML for readers without
JavaScript.
"""
from __future__ import annotations

from wizards.present.markup import escape

from dataclasses import dataclass

from wizards.engine.walk import decide, next_question
from wizards.engine.logic import AllOf, Answer, AtLeast, Condition, Is, Not, Ticked, TickedAll, TickedExactly
from wizards.engine.model import Checklist, Choice, Number, Question, Wizard
from wizards.engine.paths import _leaves, candidates
from wizards.present.render import answer_label, option_label, question_text
from wizards.present.texts import t
from wizards.present.typography import french

# Several answers that lead to the same place share one arrow, their labels joined by this.
JOIN = " / "


def _m(text: str) -> str:
    """Mermaid label text: quotes and angle brackets would end the label early."""
    return escape(text, quote=True).replace("&quot;", "#quot;").replace("&#x27;", "'")


@dataclass(frozen=True)
class Branch:
    """One way to answer a question, as the chart labels it, with an answer that stands for it."""

    label: str
    answer: Answer
    # Branches that split one tick count by which boxes are ticked share the count's label here, so
    # they can be drawn as one arrow again where the split changes nothing.
    count_label: str | None = None


def _cuts(wizard: Wizard, question: Question) -> list[int]:
    """The numbers at which some rule's reading of this question changes."""
    cuts: set[int] = set()
    for rule in wizard.rules:
        for leaf in _leaves(rule.when):
            if question.id not in leaf.questions():
                continue
            if isinstance(leaf, AtLeast):
                cuts.add(leaf.threshold)
            elif isinstance(leaf, Ticked):
                cuts.add(leaf.minimum)
            elif isinstance(leaf, TickedExactly):
                cuts |= {leaf.count, leaf.count + 1}
    return sorted(cuts)


def branches(wizard: Wizard, question: Question, lang: str) -> list[Branch]:
    if isinstance(question, Choice):
        return [Branch(option_label(wizard, question, o, lang), o) for o in question.options]
    if not isinstance(question, (Number, Checklist)):
        # Any other answer type: the values the path tables try, each labelled as the record shows it.
        return [Branch(answer_label(wizard, question, value, lang), value) for value in candidates(wizard, question)]
    low, high = (question.minimum, question.maximum) if isinstance(question, Number) else (0, len(question.items))
    bounds = [low] + [c for c in _cuts(wizard, question) if low < c <= high]
    out: list[Branch] = []
    for i, start in enumerate(bounds):
        end = bounds[i + 1] - 1 if i + 1 < len(bounds) else high
        if start == end:
            label = f"= {start}"
        elif i + 1 == len(bounds):
            label = f"≥ {start}"
        elif i == 0:
            label = f"< {end + 1}"
        else:
            label = f"≥ {start}, < {end + 1}"
        if isinstance(question, Number):
            out.append(Branch(label, start))
        else:
            out += _by_boxes(wizard, question, label, start, end, lang)
    return out


def _with_boxes(question: Checklist, wanted: tuple[str, ...], count: int, have: bool) -> tuple[str, ...] | None:
    """`count` ticks that include every box of `wanted` (have) or miss at least one (not have); None if impossible."""
    others = [i for i in question.items if i not in wanted]
    pool = list(wanted) + others if have else list(wanted[1:]) + others
    chosen = set(pool[:count])
    if len(chosen) != count or (set(wanted) <= chosen) != have:
        return None
    return tuple(i for i in question.items if i in chosen)


def _by_boxes(wizard: Wizard, question: Checklist, label: str, start: int, end: int, lang: str) -> list[Branch]:
    """One tick-count range; split in two where a rule asks for certain boxes (TickedAll) that fit in it."""
    plain = [Branch(label, tuple(question.items[:start]))]
    for rule in wizard.rules:
        for leaf in _leaves(rule.when):
            if not (isinstance(leaf, TickedAll) and leaf.question == question.id and len(leaf.items) <= end):
                continue
            count = max(start, len(leaf.items))
            have, lack = (_with_boxes(question, leaf.items, count, flag) for flag in (True, False))
            if have is None or lack is None:
                continue
            boxes = " + ".join(option_label(wizard, question, i, lang) for i in leaf.items)
            return [Branch(f"{label} · {boxes}", have, label),
                    Branch(f"{label} · {t(lang, 'flow.not_all')} {boxes}", lack, label)]
    return plain


class _Graph:
    """Question nodes and outcome nodes; a node is identified by everything below it."""

    def __init__(self, wizard: Wizard, lang: str) -> None:
        self.wizard, self.lang = wizard, lang
        self.ids: dict[tuple, str] = {}

    def visit(self, answers: dict[str, Answer]) -> str:
        question = next_question(self.wizard, answers)
        if question is None:
            decision = decide(self.wizard, answers, today="-")
            # An open result ends in what is still possible, with the verdict those outcomes share.
            return self._intern(("outcome", decision.outcome, decision.verdict.value, decision.possible))
        children: list[tuple[str, str]] = []
        for branch in branches(self.wizard, question, self.lang):
            answers[question.id] = branch.answer
            children.append((branch.label, self.visit(answers)))
            del answers[question.id]
        children = _unsplit(self.wizard, question, self.lang, children)
        merged: dict[str, list[str]] = {}
        for label, child in children:
            merged.setdefault(child, []).append(label)
        edges = tuple((JOIN.join(labels), child) for child, labels in merged.items())
        return self._intern(("question", question.id, edges))

    def _intern(self, key: tuple) -> str:
        if key not in self.ids:
            self.ids[key] = f"n{len(self.ids) + 1}"
        return self.ids[key]


def _unsplit(wizard: Wizard, question: Question, lang: str, children: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A tick count split by boxes is drawn as one arrow again when both halves lead to the same place."""
    groups: dict[str, set[str]] = {}
    split = {b.label: b.count_label for b in branches(wizard, question, lang) if b.count_label}
    for label, child in children:
        if label in split:
            groups.setdefault(split[label], set()).add(child)
    out: list[tuple[str, str]] = []
    for label, child in children:
        whole = split.get(label)
        if whole is not None and len(groups[whole]) == 1:
            if (whole, child) not in out:
                out.append((whole, child))
        else:
            out.append((label, child))
    return out


def _spaced(label: str, lang: str) -> str:
    # The label joins two texts with a colon here, so French spacing must be added here too.
    return french(label) if lang == "fr" else label


def mermaid(wizard: Wizard, lang: str) -> str:
    graph = _Graph(wizard, lang)
    entry = graph.visit({})
    # Number the nodes top-down, so the text reads in the order a visitor meets the questions.
    by_id = {node_id: key for key, node_id in graph.ids.items()}
    order: list[str] = []
    queue = [entry]
    while queue:
        node_id = queue.pop(0)
        if node_id in order:
            continue
        order.append(node_id)
        key = by_id[node_id]
        if key[0] == "question":
            queue += [child for _, child in key[2]]
    name = {node_id: f"n{i + 1}" for i, node_id in enumerate(order)}
    lines = ["flowchart TD", f'  start(["{_m(t(lang, "ui.start"))}"]) --> {name[entry]}']
    for node_id in order:
        key = by_id[node_id]
        if key[0] == "outcome":
            _, outcome_id, verdict, possible = key
            titles = [t(lang, f"{wizard.id}.outcome.{o}.title") for o in (possible if outcome_id == wizard.depends else (outcome_id,))]
            label = _spaced(f"{t(lang, f'verdict.{verdict}')}: {t(lang, 'ui.or').join(titles)}", lang)
            lines.append(f'  {name[node_id]}(["{_m(label)}"])')
        else:
            question = wizard.question(key[1])
            lines.append(f'  {name[node_id]}{{"{_m(question_text(wizard, question, lang))}"}}')
            for label, child in key[2]:
                lines.append(f'  {name[node_id]} -->|"{_m(label)}"| {name[child]}')
    return "\n".join(lines) + "\n"


def _describe(wizard: Wizard, cond: Condition, lang: str) -> str:
    e = escape
    if isinstance(cond, Is):
        question = wizard.question(cond.question)
        return f"{e(question_text(wizard, question, lang))} <strong>{e(option_label(wizard, question, cond.value, lang))}</strong>"
    if isinstance(cond, AtLeast):
        return f"{e(question_text(wizard, wizard.question(cond.question), lang))} <strong>≥ {cond.threshold}</strong>"
    if isinstance(cond, Ticked):
        return f"{e(question_text(wizard, wizard.question(cond.question), lang))} <strong>≥ {cond.minimum}</strong>"
    if isinstance(cond, TickedExactly):
        return f"{e(question_text(wizard, wizard.question(cond.question), lang))} <strong>= {cond.count}</strong>"
    if isinstance(cond, TickedAll):
        question = wizard.question(cond.question)
        boxes = " + ".join(option_label(wizard, question, i, lang) for i in cond.items)
        return f"{e(question_text(wizard, question, lang))} <strong>{e(boxes)}</strong>"
    if isinstance(cond, Not):
        return f"{e(t(lang, 'flow.not'))} {_describe(wizard, cond.condition, lang)}"
    key = "flow.all_of" if isinstance(cond, AllOf) else "flow.any_of"
    items = "".join(f"<li>{_describe(wizard, c, lang)}</li>" for c in cond.conditions)
    return f"{e(t(lang, key))}<ul>{items}</ul>"


def outline_html(wizard: Wizard, lang: str) -> str:
    """The rules as an ordered list: what a visitor without JavaScript reads instead of the wizard."""
    e = escape
    parts = ['<ol class="wz-outline">']
    for rule in wizard.rules:
        outcome = wizard.outcome(rule.outcome)
        parts.append(
            f"<li><strong>{e(t(lang, f'{wizard.id}.rule.{rule.id}.title'))}</strong><br>"
            f"{e(t(lang, 'flow.if'))} {_describe(wizard, rule.when, lang)}"
            f"→ <strong>{e(t(lang, f'verdict.{outcome.verdict.value}'))}</strong>: "
            f"{e(t(lang, f'{wizard.id}.outcome.{outcome.id}.title'))}</li>"
        )
    otherwise = wizard.outcome(wizard.otherwise)
    parts.append(
        f"<li>{e(t(lang, 'flow.otherwise'))} → <strong>{e(t(lang, f'verdict.{otherwise.verdict.value}'))}</strong>: "
        f"{e(t(lang, f'{wizard.id}.outcome.{otherwise.id}.title'))}</li>"
    )
    parts.append("</ol>")
    parts.append(f"<p class=\"wz-note\">{e(t(lang, 'flow.unsure'))}</p>")
    return "".join(parts)
