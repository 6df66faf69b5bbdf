"""The flowchart (the fallback when Python cannot start) gives the wizard's verdict on every path.

The test reads the Mermaid text a visitor would see, not the code that made it: for every path of
every wizard (the golden-table paths), it follows the arrows the answers select from the start box
and compares the box it ends in with the engine's verdict. It also checks that every box can be
reached and every arrow is taken by some path, so the chart has no orphan nodes or dead arrows.
"""
import html
import re

import pytest

from wizards.present.typography import french
from wizards.present.flowchart import mermaid
from wizards.engine.model import Checklist, Choice, Number
from wizards.engine.paths import enumerate_paths
from wizards.present.render import answer_label, option_label, question_text
from wizards.registry import WIZARDS
from wizards.present.texts import LANGUAGES, t

NODE = re.compile(r'^\s*(\w+)(?:\{"(.*)"\}|\(\["(.*)"\]\)|\["(.*)"\])\s*$')
EDGE = re.compile(r'^\s*(\w+)(?:\(\[".*"\]\))?\s*-->(?:\|"(.*)"\|)?\s*(\w+)\s*$')


def _text(label: str) -> str:
    return html.unescape(label.replace("#quot;", '"'))


def parse(chart: str):
    nodes, edges = {}, {}
    for line in chart.splitlines()[1:]:
        edge = EDGE.match(line)
        if edge:
            source, label, target = edge.groups()
            edges.setdefault(source, []).append((_text(label) if label is not None else None, target))
            start_box = re.match(r'^\s*(\w+)\(\["(.*)"\]\)', line)
            if start_box:
                nodes[start_box.group(1)] = _text(start_box.group(2))
            continue
        node = NODE.match(line)
        assert node, f"unreadable flowchart line: {line!r}"
        nodes[node.group(1)] = _text(next(g for g in node.groups()[1:] if g is not None))
    return nodes, edges


def _selects(label: str, question, answer, wizard, lang) -> bool:
    """Whether an arrow's label covers this answer."""
    if isinstance(question, Choice):
        return answer in {o for o in question.options if option_label(wizard, question, o, lang) in label.split(" / ")}
    if not isinstance(question, (Number, Checklist)):  # other answer types are labelled as the record shows them
        return answer_label(wizard, question, answer, lang) in label.split(" / ")
    value = answer if isinstance(question, Number) else len(answer)
    if label == t(lang, "ui.otherwise"):
        return None  # the fallback arrow of a yes/no test: taken when no other arrow fits
    def boxes(which: str) -> bool:
        """A tick count split by which boxes are ticked: "= 2 · A + B" or "= 2 · not all of: A + B"."""
        lack = which.startswith(t(lang, "flow.not_all") + " ")
        names = which[len(t(lang, "flow.not_all")) + 1:] if lack else which
        ticked = {option_label(wizard, question, i, lang) for i in answer}
        return (not set(names.split(" + ")) <= ticked) if lack else set(names.split(" + ")) <= ticked
    def fits(alternative: str) -> bool:
        if " · " in alternative:
            alternative, which = alternative.split(" · ", 1)
            if not boxes(which):
                return False
        ok = True
        for part in alternative.split(","):
            sign, number = part.strip().split(" ")
            n = int(number)
            ok &= {"=": value == n, "≥": value >= n, "<": value < n, "≤": value <= n}[sign]
        return ok
    return any(fits(alternative) for alternative in label.split(" / "))


def walk(wizard, lang, nodes, edges, answers):
    """The outcome box the chart leads to for these answers, and the questions it asked."""
    by_text = {question_text(wizard, q, lang): q for q in wizard.questions}
    current = edges["start"][0][1] if "start" in edges else None
    if current is None:  # older charts named the start box like any other node
        start = next(n for n, text in nodes.items() if text == t(lang, "ui.start"))
        current = edges[start][0][1]
    asked, taken = [], []
    for _ in range(200):
        if current not in edges:
            return nodes[current], asked, taken
        question = by_text.get(nodes[current])
        assert question is not None, f"{wizard.id}: box {nodes[current]!r} is no question of the wizard"
        assert question.id in answers, f"{wizard.id}: the chart asks {question.id}, the wizard did not (answers {answers})"
        asked.append(question.id)
        answer = answers[question.id]
        fits = [(label, target) for label, target in edges[current]
                if _selects(label, question, answer, wizard, lang)]
        if not fits:
            fits = [(label, target) for label, target in edges[current] if label == t(lang, "ui.otherwise")]
        assert len({target for _, target in fits}) == 1, f"{wizard.id}: {question.id}={answer}: arrows {fits}"
        taken.append((current, fits[0][0], fits[0][1]))
        current = fits[0][1]
    raise AssertionError(f"{wizard.id}: the chart loops for {answers}")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("wizard_id", sorted(WIZARDS))
def test_the_flowchart_gives_the_wizards_verdict_on_every_path(wizard_id, lang):
    wizard = WIZARDS[wizard_id]
    nodes, edges = parse(mermaid(wizard, lang))
    used = set()
    for answers, decision in enumerate_paths(wizard):
        # An open result ends in the outcomes still open, under the verdict they share.
        shown = decision.possible if decision.outcome == wizard.depends else (decision.outcome,)
        titles = t(lang, "ui.or").join(t(lang, f"{wizard.id}.outcome.{o}.title") for o in shown)
        expected = f"{t(lang, f'verdict.{decision.verdict.value}')}: {titles}"
        expected = french(expected) if lang == "fr" else expected  # the chart spaces French colons too
        reached, asked, taken = walk(wizard, lang, nodes, edges, answers)
        assert reached == expected, f"{wizard_id} [{lang}] {answers}: chart says {reached!r}, wizard says {expected!r}"
        assert set(asked) == set(answers), f"{wizard_id}: chart asked {asked}, wizard asked {list(answers)}"
        used |= set(taken)
    every_edge = {(s, label, target) for s, out in edges.items() if s != "start" for label, target in out}
    every_edge -= {e for e in every_edge if nodes.get(e[0]) == t(lang, "ui.start")}
    assert every_edge <= used | {e for e in every_edge if e[1] is None}, (
        f"{wizard_id}: arrows no answer takes: {sorted(every_edge - used)[:5]}")
    reached_nodes = {target for _, _, target in used} | {s for s, _, _ in used}
    orphans = set(nodes) - reached_nodes - {"start"} - {n for n, text in nodes.items() if text == t(lang, "ui.start")}
    assert not orphans, f"{wizard_id}: boxes no path reaches: {[nodes[n] for n in orphans]}"


def test_the_walk_can_fail():
    """A chart that sends 'not sure' to 'not required' is caught (the DPO chart before issue 10)."""
    wizard = WIZARDS["dpo"]
    chart = mermaid(wizard, "en")
    nodes, edges = parse(chart)
    answers = {"public_body": "unsure", "monitoring_core": "no", "sensitive_core": "no", "federal_processing": "no",
               "public_task": "no"}
    reached, _, taken = walk(wizard, "en", nodes, edges, answers)
    assert reached.startswith(t("en", "verdict.depends"))
    depends = taken[-1][2]
    broken = chart.replace(f"| {depends}\n", f"| {next(n for n, x in nodes.items() if x.startswith(t('en', 'verdict.not_required')))}\n")
    nodes, edges = parse(broken)
    reached, _, _ = walk(wizard, "en", nodes, edges, answers)
    assert reached.startswith(t("en", "verdict.not_required"))
