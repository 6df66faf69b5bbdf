"""Each wizard answered by clicking in Chromium, in Dutch and in French, reaches the same verdict as the
command line for the same answers, and the Markdown download holds what the screen shows."""
import json
import subprocess
import sys

import pytest

from wizards.engine.paths import enumerate_paths
from wizards.registry import WIZARDS

pytestmark = pytest.mark.browser


def sample_paths(wizard_id):
    """The longest path for each distinct verdict: every kind of outcome is clicked through once."""
    best = {}
    for answers, decision in enumerate_paths(WIZARDS[wizard_id]):
        key = decision.verdict.value
        if key not in best or len(answers) > len(best[key]):
            best[key] = answers
    return list(best.values())


def click_through(page, answers):
    for question, value in answers.items():
        form = f"form.wz-step[data-question={question}]"
        page.wait_for_selector(form)
        if isinstance(value, tuple):
            for box in page.query_selector_all(f"{form} input[type=checkbox]"):
                box.set_checked(box.get_attribute("value") in value)
        elif isinstance(value, int):
            page.fill(f"{form} input[type=number]", str(value))
        else:
            page.check(f"{form} input[value={value}]")
        page.click(f"{form} .wz-next")
    page.wait_for_selector(".wz-result")


@pytest.mark.parametrize("lang", ["nl", "fr"])
# breach and requests also ask dates and names after the verdict: tests/test_browser_newwiz.py clicks them.
@pytest.mark.parametrize("wizard_id", sorted(set(WIZARDS) - {"dpo", "breach", "requests"}))
def test_clicked_verdict_equals_command_line(hub, context, wizard_id, lang):
    page = context.new_page()
    prefix = "" if lang == "nl" else f"{lang}/"
    for answers in sample_paths(wizard_id):
        page.goto(hub.url + prefix + f"wizards/{wizard_id}/")
        page.evaluate("() => localStorage.clear()")
        page.reload()
        page.wait_for_selector(".wz[data-state=ready]", timeout=60000)
        click_through(page, answers)
        cli_input = {k: list(v) if isinstance(v, tuple) else v for k, v in answers.items()}
        expected = json.loads(subprocess.run([sys.executable, "-m", "wizards", wizard_id, "--lang", lang],
                                             input=json.dumps(cli_input), capture_output=True, text=True).stdout)
        assert page.get_attribute(".wz-result", "data-verdict") == expected["verdict"], (answers, expected["verdict"])
        shown = page.inner_text(".wz-result")
        assert expected["conclusion"] in shown
        with page.expect_download() as info:
            page.click("button[data-action=download-md]")
        markdown = open(info.value.path(), encoding="utf-8").read()
        assert expected["conclusion"] in markdown and expected["verdict_label"] in markdown


def test_picking_from_the_cookie_catalogue_fills_in_the_wizard(hub, context):
    from wizards.rules.cookies import catalogue

    page = context.new_page()
    page.goto(hub.url + "en/wizards/cookies/")
    page.wait_for_selector(".wz[data-state=ready]", timeout=60000)
    for entry in catalogue()[:3] + [e for e in catalogue() if e["verdict"] == "required"][:1]:
        page.click(f"table.wz-catalogue a:has-text('{entry['name']['en'].split(',')[0]}')")
        page.wait_for_selector(f".wz-result[data-verdict={entry['verdict']}]")


def test_picking_a_supplier_gives_its_usual_role(hub, context):
    from wizards.rules.processor import suppliers

    page = context.new_page()
    page.goto(hub.url + "wizards/processor/")
    page.wait_for_selector(".wz[data-state=ready]", timeout=60000)
    cleaning = next(s for s in suppliers() if s["role"] == "not_personal_data")
    page.click(f"table.wz-catalogue a:has-text('{cleaning['name']['nl']}')")
    page.wait_for_selector(".wz-result[data-verdict=not_required]")


def test_profile_is_asked_once_prefills_wizards_and_joins_the_record(hub, context):
    page = context.new_page()
    page.goto(hub.url + "wizards/")
    page.fill("form.wz-profile input[name=employees]", "3")
    for name in ("public_body", "has_staff", "special_categories", "criminal_data"):
        page.check(f"form.wz-profile input[name={name}][value=no]")
    page.click("form.wz-profile button[type=submit]")
    page.wait_for_selector("form.wz-profile .wz-status:not(:empty)")
    page.goto(hub.url + "wizards/register/")
    page.wait_for_selector(".wz[data-state=ready]", timeout=60000)
    # employees came from the profile: the wizard goes straight to what is left.
    page.wait_for_selector("form.wz-step[data-question=regular_processing]")
    assert "3" in page.inner_text(".wz-answers")
    page.check("form.wz-step input[value=yes]")
    page.click("form.wz-step .wz-next")
    page.wait_for_selector(".wz-result[data-verdict=required]")
    page.goto(hub.url + "wizards/")
    with page.expect_download() as info:
        page.click("form.wz-profile button[data-action=download-all]")
    record = open(info.value.path(), encoding="utf-8").read()
    assert "register" in record.lower()
    # The profile is written in the visitor's words, not as field ids.
    employees_question = page.inner_text("form.wz-profile label[for=profile-employees]").strip()
    public_body_question = page.inner_text("form.wz-profile fieldset:has(input[name=public_body]) legend").strip()
    no_label = page.inner_text("form.wz-profile label:has(input[name=public_body][value=no])").strip()
    assert f"- {employees_question} 3" in record
    assert f"- {public_body_question} {no_label}" in record
    assert "employees:" not in record and "public_body" not in record
