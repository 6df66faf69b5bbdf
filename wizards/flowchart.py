"""The wizard drawn from its own rules: a Mermaid flowchart and a plain-HTML outline.

Both come from the same declarations the engine runs on, so the picture cannot drift from the logic.
The outline is readable without JavaScript and is what a screen reader or a printed page shows.
"""
from __future__ import annotations

import html
from itertools import count

from .logic import AllOf, AnyOf, AtLeast, Condition, Is, Not, Ticked, TickedExactly
from .model import Wizard
from .present import option_label, question_text
from .texts import t
from .typography import french


def _m(text: str) -> str:
    """Mermaid label text: quotes and angle brackets would end the label early."""
    return html.escape(text, quote=True).replace("&quot;", "#quot;").replace("&#x27;", "'")


class _Chart:
    def __init__(self, wizard: Wizard, lang: str) -> None:
        self.wizard, self.lang = wizard, lang
        self.lines: list[str] = []
        self.ids = count(1)

    def node(self, label: str, shape: str = "diamond") -> str:
        node_id = f"n{next(self.ids)}"
        opening, closing = {"diamond": ("{", "}"), "box": ("([", "])"), "rect": ("[", "]")}[shape]
        self.lines.append(f'  {node_id}{opening}"{_m(label)}"{closing}')
        return node_id

    def edge(self, a: str, b: str, label: str) -> None:
        self.lines.append(f'  {a} -->|"{_m(label)}"| {b}')

    def emit(self, cond: Condition, yes: str, no: str) -> str:
        w, lang = self.wizard, self.lang
        if isinstance(cond, Is):
            question = w.question(cond.question)
            node = self.node(question_text(w, question, lang))
            for option in question.options:  # type: ignore[union-attr]
                target = yes if option == cond.value else no
                self.edge(node, target, option_label(w, question, option, lang))
            return node
        if isinstance(cond, AtLeast):
            question = w.question(cond.question)
            node = self.node(f"{question_text(w, question, lang)} (≥ {cond.threshold})")
            self.edge(node, yes, f"≥ {cond.threshold}")
            self.edge(node, no, f"< {cond.threshold}")
            return node
        if isinstance(cond, (Ticked, TickedExactly)):
            question = w.question(cond.question)
            n = cond.minimum if isinstance(cond, Ticked) else cond.count
            sign = "≥" if isinstance(cond, Ticked) else "="
            node = self.node(question_text(w, question, lang))
            self.edge(node, yes, f"{sign} {n}")
            self.edge(node, no, t(lang, "ui.otherwise"))
            return node
        if isinstance(cond, Not):
            return self.emit(cond.condition, no, yes)
        if isinstance(cond, AllOf):
            entry = yes
            for part in reversed(cond.conditions):
                entry = self.emit(part, entry, no)
            return entry
        if isinstance(cond, AnyOf):
            entry = no
            for part in reversed(cond.conditions):
                entry = self.emit(part, yes, entry)
            return entry
        raise TypeError(f"cannot draw {cond!r}")


def _spaced(label: str, lang: str) -> str:
    # The label joins two texts with a colon here, so French spacing must be added here too.
    return french(label) if lang == "fr" else label


def mermaid(wizard: Wizard, lang: str) -> str:
    chart = _Chart(wizard, lang)
    outcome_nodes = {
        o.id: chart.node(_spaced(f"{t(lang, f'verdict.{o.verdict.value}')}: {t(lang, f'{wizard.id}.outcome.{o.id}.title')}", lang), "box")
        for o in wizard.outcomes
    }
    entry = outcome_nodes[wizard.otherwise]
    for rule in reversed(wizard.rules):
        entry = chart.emit(rule.when, outcome_nodes[rule.outcome], entry)
    start = chart.node(t(lang, "ui.start"), "box")
    chart.lines.append(f"  {start} --> {entry}")
    return "flowchart TD\n" + "\n".join(chart.lines) + "\n"


def _describe(wizard: Wizard, cond: Condition, lang: str) -> str:
    e = html.escape
    if isinstance(cond, Is):
        question = wizard.question(cond.question)
        return f"{e(question_text(wizard, question, lang))} <strong>{e(option_label(wizard, question, cond.value, lang))}</strong>"
    if isinstance(cond, AtLeast):
        return f"{e(question_text(wizard, wizard.question(cond.question), lang))} <strong>≥ {cond.threshold}</strong>"
    if isinstance(cond, Ticked):
        return f"{e(question_text(wizard, wizard.question(cond.question), lang))} <strong>≥ {cond.minimum}</strong>"
    if isinstance(cond, TickedExactly):
        return f"{e(question_text(wizard, wizard.question(cond.question), lang))} <strong>= {cond.count}</strong>"
    if isinstance(cond, Not):
        return f"{e(t(lang, 'flow.not'))} {_describe(wizard, cond.condition, lang)}"
    key = "flow.all_of" if isinstance(cond, AllOf) else "flow.any_of"
    items = "".join(f"<li>{_describe(wizard, c, lang)}</li>" for c in cond.conditions)
    return f"{e(t(lang, key))}<ul>{items}</ul>"


def outline_html(wizard: Wizard, lang: str) -> str:
    """The rules as an ordered list: what a visitor without JavaScript reads instead of the wizard."""
    e = html.escape
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
