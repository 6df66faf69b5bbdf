"""A result a person in a hurry can act on, and the same certain/open split as the command line.

For each of the seven wizards, in Dutch and in French, a path with a "not sure" that leaves the outcome
open is answered up to its last question, which is then clicked as a visitor would. At 360 x 740 the
verdict and the first action must be on screen without scrolling, below the sticky header; the actions
and the open answers must be those the command line gives for the same answers. Each result is
photographed at 360 and 1280 px into build/screenshots/ (or $SCREENSHOT_DIR) to be opened and read.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest

from wizards.engine.model import UNSURE, Choice, Text, When
from wizards.engine.paths import enumerate_paths
from wizards.registry import WIZARDS

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("SCREENSHOT_DIR") or Path(__file__).resolve().parents[1] / "build" / "screenshots")


def open_path(wizard_id: str) -> dict:
    """The shortest path with a "not sure" whose result is still open (the common case to get right)."""
    wizard = WIZARDS[wizard_id]
    paths = [answers for answers, decision in enumerate_paths(wizard)
             if UNSURE in answers.values() and decision.branches and decision.outcome == wizard.depends]
    return min(paths, key=len)


def details(wizard_id: str, answers: dict) -> dict:
    """The dates and names asked after the verdict, so that the last click shows the result."""
    wizard = WIZARDS[wizard_id]
    extra = {}
    for outcome in wizard.outcomes:
        for qid in outcome.details:
            question = wizard.question(qid)
            if isinstance(question, When):
                extra[qid] = "2026-12-01T10:00" if question.with_time else "2026-12-01"
            elif isinstance(question, Text):
                extra[qid] = "Test"
            elif isinstance(question, Choice):
                extra[qid] = question.options[0]
    return extra


def cli(wizard_id: str, answers: dict, lang: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "wizards", wizard_id, "--lang", lang],
                         input=json.dumps(answers), capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stdout + out.stderr
    return json.loads(out.stdout)


def fragment(answers: dict) -> str:
    flat = {k: ",".join(v) if isinstance(v, tuple) else str(v) for k, v in answers.items()}
    return "#" + urllib.parse.urlencode(flat).replace("%2C", ",")


def answer_last(page, question: str, value) -> None:
    form = f"form.wz-step[data-question={question}]"
    page.wait_for_selector(form, timeout=60000)
    if isinstance(value, tuple):
        for box in page.query_selector_all(f"{form} input[type=checkbox]"):
            box.set_checked(box.get_attribute("value") in value)
    else:
        page.check(f"{form} input[value={value}]")
    page.click(f"{form} .wz-next")
    page.wait_for_selector(".wz-result", timeout=60000)


def plain(text: str) -> str:
    """Text as read, without the link arrow and with ordinary spaces (French spacing differs in HTML)."""
    return " ".join(text.replace("→", "").replace("\u00a0", " ").replace("\u202f", " ").split())


def visible(page, selector: str, header: float, whole: bool = True) -> bool:
    """On screen below the sticky header: the whole element, or (a long action) at least its first line."""
    box = page.eval_on_selector(selector, "e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom]; }")
    bottom = box[1] if whole else box[0] + 24
    return box[0] >= header - 1 and bottom <= page.viewport_size["height"]


@pytest.mark.parametrize("lang", ["nl", "fr"])
@pytest.mark.parametrize("wizard_id", sorted(WIZARDS))
def test_open_result_on_a_phone_shows_verdict_and_first_action_and_matches_the_command_line(
        hub, browser, wizard_id, lang):
    answers = open_path(wizard_id)
    *before, (last, value) = list(answers.items())
    given = {**dict(before), **details(wizard_id, answers)}
    expected = cli(wizard_id, {**dict(answers), **details(wizard_id, answers)}, lang)
    prefix = "" if lang == "nl" else f"{lang}/"
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((360, 740), (1280, 800)):
        context = browser.new_context(service_workers="block", viewport={"width": width, "height": height})
        page = context.new_page()
        page.goto(hub.url + prefix + f"wizards/{wizard_id}/" + fragment(given))
        page.wait_for_selector(".wz[data-state=ready]", timeout=60000)
        answer_last(page, last, value)
        page.wait_for_timeout(300)  # the focus moves the result into view
        header = page.eval_on_selector(".md-header", "e => e.getBoundingClientRect().bottom")
        if width == 360:
            assert visible(page, ".wz-result .wz-verdict", header), "verdict not on the first screen"
            assert visible(page, ".wz-result .wz-actions li", header, whole=False), "first action not on the first screen"
        shown_actions = page.eval_on_selector_all(".wz-result .wz-actions > li", "els => els.map(e => e.innerText)")
        wanted = [a["text"] for a in expected["actions"]]
        if wanted:  # with nothing certain, the list says so in one line
            assert [plain(s) for s in shown_actions] == [plain(w) for w in wanted]
        else:
            assert len(shown_actions) == 1
        shown_open = page.eval_on_selector_all(".wz-result .wz-branches > li > p.wz-branch-q", "els => els.map(e => e.innerText)")
        assert [plain(s) for s in shown_open] == [plain(b["text"]) for b in expected["branches"]]
        assert page.get_attribute(".wz-result", "data-verdict") == expected["verdict"]
        # The reasoning, the sources and the answers are folded below, and unfold for printing.
        assert page.eval_on_selector(".wz-result details.wz-more", "d => !d.open")
        # The first screen after the last answer: what a visitor in a hurry sees.
        page.screenshot(path=str(SHOTS / f"{wizard_id}-{lang}-{width}.png"))
        context.close()


def test_printing_unfolds_the_reasoning(hub, context):
    page = context.new_page()
    answers = open_path("dpo")
    page.goto(hub.url + "wizards/dpo/" + fragment(answers))
    page.wait_for_selector(".wz-result", timeout=60000)
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert page.eval_on_selector(".wz-result details.wz-more", "d => d.open")
