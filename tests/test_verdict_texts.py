"""What the verdict says (issue 11, item 10): "it depends" once, and the point it depends on shown with the
question and what to look at, since the question itself is no longer on screen."""
import html
import re

import pytest

from wizards.engine.paths import enumerate_paths
from wizards.present.render import result_html, to_dict, to_markdown
from wizards.registry import WIZARDS
from wizards.present.texts import has, t


def depends_paths(wizard_id):
    return [(answers, decision) for answers, decision in enumerate_paths(WIZARDS[wizard_id])
            if decision.verdict.value == "depends" and decision.open_points]


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
@pytest.mark.parametrize("wizard_id", sorted(WIZARDS))
def test_it_depends_is_said_once_and_each_point_shows_its_question_and_factors(wizard_id, lang):
    wizard = WIZARDS[wizard_id]
    label = t(lang, "verdict.depends").rstrip(".")
    checked = 0
    for _, decision in depends_paths(wizard_id)[:200]:
        record = to_dict(wizard, decision, lang)
        page = result_html(record, lang, "../")
        heading = re.search(r'<h2 class="wz-result-title">(.*?)</h2>', page).group(1)
        after_heading = page.split("</h2>", 1)[1]
        assert heading.count(label) == 1 and label + "." not in after_heading.split("<h3>", 1)[0], page[:400]
        # A point whose questions an earlier point already lists is not repeated (issue 23, defect 16).
        assert 0 < len(record["open_points"]) <= len(decision.open_points)
        for point in record["open_points"]:
            assert point["questions"], (wizard_id, point)
            for question in point["questions"]:
                assert html.escape(question["text"]) in page
                if question["help"]:
                    assert html.escape(question["help"]) in page
        markdown = to_markdown(record, lang)
        assert markdown.count(f"**{label}") == 1
        checked += 1
    can_depend = any(outcome.verdict.value == "depends" for outcome in wizard.outcomes)
    assert checked or not can_depend, f"{wizard_id}: no path ends in 'it depends'"


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_the_next_step_points_up_to_the_open_point_not_down(lang):
    """The open point is shown above the actions: no action may send the visitor 'below' for it."""
    down, point = {"nl": ("hieronder", "onzekere punt"), "fr": ("ci-dessous", "point incertain"),
                   "en": ("below", "uncertain point")}[lang]
    for wizard in WIZARDS.values():
        for outcome in wizard.outcomes:
            for action in outcome.actions:
                text = t(lang, f"{wizard.id}.action.{action.id}").lower()
                assert not (down in text and point in text), (wizard.id, action.id, text)


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_a_help_never_leans_on_a_question_that_may_have_been_skipped(lang):
    """The DPO large-scale help said "the same factors as above" after a question the visitor never saw."""
    phrases = {"nl": "dezelfde factoren", "fr": "mêmes facteurs", "en": "same factors"}[lang]
    for wizard in WIZARDS.values():
        for question in wizard.questions:
            key = f"{wizard.text_ns(question)}.q.{question.id}.help"
            if has(lang, key):
                assert phrases not in t(lang, key).lower(), (wizard.id, question.id)
