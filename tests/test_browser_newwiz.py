"""The breach and requests wizards clicked in Chromium (Dutch and French): the same verdict, deadline, log line
and letter as the command line, dates typed in the browser's own date fields, refusals shown in the page's
language, and nothing wider than a 360 px phone."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("SCREENSHOTS", "site/screenshots"))


def cli(wizard_id, lang, answers):
    out = subprocess.run([sys.executable, "-m", "wizards", wizard_id, "--lang", lang], input=json.dumps(answers),
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stdout + out.stderr
    return json.loads(out.stdout)


def watch(page, errors):
    """Script errors and failed requests. Material's language switch asks each language's sitemap.xml,
    which this build does not serve under page folders (a known 404, another issue): ignored here."""
    page.on("console", lambda m: errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/sitemap.xml") else None)


def open_wizard(context, hub, lang, wizard_id, errors):
    page = context.new_page()
    watch(page, errors)
    page.goto(hub.url + ("" if lang == "nl" else f"{lang}/") + f"wizards/{wizard_id}/")
    page.wait_for_selector(".wz[data-state=ready], .wz[data-state=failed]", timeout=60000)
    assert page.get_attribute(".wz", "data-state") == "ready"
    return page


def click_through(page, answers):
    for question, value in answers.items():
        form = f"form.wz-step[data-question={question}]"
        page.wait_for_selector(form)
        field = page.query_selector(f"{form} input.wz-when, {form} input.wz-text")
        if field is not None:
            field.fill(value)
        else:
            page.check(f"{form} input[value={value}]")
        page.click(f"{form} .wz-next")


def download(page, label):
    with page.expect_download() as info:
        page.click(f".wz-result button[data-action=download-file]:has-text('{label}')")
    # Bytes, not text mode: the CSV line ends in \r\n as spreadsheets expect, and must arrive so.
    return Path(info.value.path()).read_bytes().decode("utf-8")


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_breach_clicked_equals_command_line_with_clock_and_log_line(hub, context, lang):
    errors: list[str] = []
    page = open_wizard(context, hub, lang, "breach", errors)
    answers = {"is_breach": "yes", "role": "controller", "unreadable": "no", "high_risk": "yes",
               "exception": "none", "aware_at": "2026-12-01T09:15"}
    click_through(page, answers)
    page.wait_for_selector(".wz-result")
    expected = cli("breach", lang, answers)
    assert page.get_attribute(".wz-result", "data-verdict") == expected["verdict"] == "required"
    shown = page.inner_text(".wz-result")
    assert expected["conclusion"] in shown
    clock = next(s for s in expected["sections"] if s["id"] == "clock")
    # The deadline line as the command line writes it (the hours-left line may differ by a minute).
    assert clock["lines"][1] in shown
    assert {"nl": "vrijdag 4 december 2026 om 9:15", "fr": "vendredi 4 décembre 2026 à 9\u00a0h\u00a015"}[lang] in shown
    assert page.is_visible(".wz-section[data-section=clock]")  # the deadline is on the first screen
    page.click(".wz-result details.wz-more > summary")
    assert page.is_visible(".wz-section[data-section=parties]")
    csv = download(page, expected["files"][0]["label"])
    assert csv == expected["files"][0]["text"]
    # Art. 33(5) and 33(1): thirteen columns, facts and blanks (breach_log.LOG_COLUMNS).
    assert csv.lstrip("\ufeff").split("\r\n")[1].count(";") == 12
    with page.expect_download() as info:
        page.click("button[data-action=download-md]")
    markdown = Path(info.value.path()).read_text(encoding="utf-8")
    assert expected["conclusion"] in markdown and clock["title"] in markdown
    # The date is in the fragment, so a shared link reproduces it.
    assert "aware_at=2026-12-01T09" in page.url
    assert not errors, errors


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_requests_with_profile_letter_in_the_persons_language_and_log_line(hub, context, lang):
    errors: list[str] = []
    prefix = "" if lang == "nl" else f"{lang}/"
    page = context.new_page()
    page.goto(hub.url + prefix + "wizards/")
    page.fill("form.wz-profile input[name=org_name]", "Bakkerij Janssens")
    page.fill("form.wz-profile input[name=org_contact]", "privacy@janssens.be")
    page.click("form.wz-profile button[type=submit]")
    page.wait_for_selector("form.wz-profile .wz-status:not(:empty)")
    page.close()
    page = open_wizard(context, hub, lang, "requests", errors)
    person = "fr" if lang == "nl" else "nl"
    answers = {"asks": "erasure", "excessive": "no", "erase_ground": "yes", "must_keep": "yes",
               "received_on": "2026-11-20", "person_language": person}
    click_through(page, answers)
    page.wait_for_selector(".wz-result")
    # Name and contact came from the profile: not asked again.
    assert page.query_selector("form.wz-step[data-question=org_name]") is None
    expected = cli("requests", lang, {**answers, "org_name": "Bakkerij Janssens", "org_contact": "privacy@janssens.be"})
    assert page.get_attribute(".wz-result", "data-verdict") == expected["verdict"] == "required"
    shown = page.inner_text(".wz-result")
    assert expected["conclusion"] in shown
    assert {"nl": "zondag 20 december 2026", "fr": "dimanche 20 décembre 2026"}[lang] in shown
    # The reply, then (while the first month runs) the extension letter, then the log line.
    letter_file, csv_file = expected["files"][0], expected["files"][-1]
    letter = download(page, letter_file["label"])
    assert letter == letter_file["text"]
    assert letter.startswith("Bakkerij Janssens\nprivacy@janssens.be\n")
    # This letter is the answer itself: it promises no later date (issue 23, defect 12).
    assert {"fr": "au plus tard le", "nl": "uiterlijk op"}[person] not in letter
    assert {"fr": "Autorité de protection des données", "nl": "Gegevensbeschermingsautoriteit"}[person] in letter
    csv = download(page, csv_file["label"])
    assert csv == csv_file["text"]
    assert not errors, errors


@pytest.mark.parametrize("lang, words", [("nl", "in de toekomst"), ("fr", "dans le futur")])
def test_a_future_awareness_date_is_refused_in_the_page_language(hub, context, lang, words):
    errors: list[str] = []
    page = open_wizard(context, hub, lang, "breach", errors)
    click_through(page, {"is_breach": "yes", "role": "processor", "aware_at": "2099-01-01T10:00"})
    page.wait_for_selector("form.wz-step[data-question=aware_at] .wz-error:not(:empty)")
    assert words in page.inner_text("form.wz-step[data-question=aware_at] .wz-error")
    assert page.query_selector(".wz-result") is None
    assert not errors, errors


def test_result_fits_a_phone_screen(hub, browser):
    context = browser.new_context(viewport={"width": 360, "height": 800}, service_workers="block")
    try:
        page = context.new_page()
        page.goto(hub.url + "fr/wizards/breach/#is_breach=yes&role=controller&unreadable=no&high_risk=yes"
                  "&exception=none&aware_at=2026-12-01T09%3A15")
        page.wait_for_selector(".wz-result", timeout=60000)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "breach-result-fr-360.png"), full_page=True)
        page.goto(hub.url + "wizards/requests/#asks=access&excessive=no&others_data=no")
        page.wait_for_selector("form.wz-step[data-question=received_on]", timeout=60000)
        assert page.is_visible("form.wz-step[data-question=received_on] input[type=date]")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        page.screenshot(path=str(SHOTS / "requests-date-nl-360.png"), full_page=False)
    finally:
        context.close()


@pytest.mark.parametrize("url", [
    "wizards/breach/#is_breach=yes&role=controller&unreadable=no&high_risk=yes&exception=none",
    "fr/wizards/breach/#is_breach=yes&role=controller&unreadable=no&high_risk=yes&exception=none&aware_at=2026-12-01T09%3A15",
    "wizards/requests/#asks=access&excessive=no&others_data=no&received_on=2026-11-20&person_language=fr",
    "fr/wizards/requests/#asks=access&excessive=no&others_data=no&received_on=2026-11-20&person_language=nl"
    "&org_name=Dupont&org_contact=vieprivee%40dupont.be",
])
def test_date_and_text_questions_and_results_have_no_serious_accessibility_violation(hub, context, url):
    """The site-wide audit sees only each page's first question; this checks the date, text and result states."""
    from hub.npm_assets import file_path

    page = context.new_page()
    page.goto(hub.url + url)
    page.wait_for_selector(".wz[data-state=ready]", timeout=60000)
    page.wait_for_selector(".wz-result, input.wz-when, input.wz-text")
    page.evaluate(file_path("axe-core", "axe.min.js").read_text(encoding="utf-8"))
    violations = page.evaluate(
        "async () => (await axe.run(document.querySelector('.wz'), {resultTypes: ['violations']})).violations"
        ".filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id)")
    assert violations == []
