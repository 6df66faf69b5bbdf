"""The question forms as a screen reader meets them (issue 25, item 9): every question's help text is
tied to the question, whatever kind of question it is."""
import re

import pytest

from wizards.present.render import question_help, question_html
from wizards.registry import WIZARDS

QUESTIONS = [(w, q) for w in WIZARDS.values() for q in w.questions]


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_every_help_text_is_tied_to_its_question(lang):
    checked = 0
    for wizard, question in QUESTIONS:
        if question_help(wizard, question, lang) is None:
            continue
        html = question_html(wizard, question, lang, number=1)
        help_id = re.search(r'<p class="wz-help" id="([^"]+)"', html)
        assert help_id, f"{wizard.id}.{question.id}: the help text has no id"
        # On the fieldset (yes / no and checklist questions) or on the field (dates, names, numbers).
        assert re.search(rf'<(fieldset|input)[^>]* aria-describedby="{re.escape(help_id.group(1))}"', html), \
            f"{wizard.id}.{question.id}: the help text is not tied to the question"
        assert html.count(f'id="{help_id.group(1)}"') == 1
        checked += 1
    assert checked > 20


def test_a_question_without_help_points_to_nothing():
    for wizard, question in QUESTIONS:
        if question_help(wizard, question, "nl") is None:
            assert "aria-describedby" not in question_html(wizard, question, "nl", number=1)
