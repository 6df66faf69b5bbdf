"""The record page never loses a visitor's work (issue 24 section 1, issues 23 and 25 on the record
page), in Debian's Chromium: a file that is not a record changes nothing; an import asks first, says
what changes and can be undone; storage that refuses is said at once; another tab's change is shown;
a stored record of the wrong shape does not stop the page; a ticked box or a chosen list item keeps
the visitor's place."""
import json
from pathlib import Path

import pytest

from tests.hostile.make import ACCENTS, make

pytestmark = pytest.mark.browser
KEY = "gdpr-hub.record"


def open_page(context, hub, path="wizards/record/#sector=pharmacies", answer=True):
    """The record page, with every dialog's message kept and answered with `answer` (a list: in turn)."""
    page = context.new_page()
    errors, dialogs = [], []
    answers = list(answer) if isinstance(answer, list) else None
    page.on("console", lambda m: m.type == "error" and not m.text.startswith("Failed to load resource") and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        (dialog.accept if (answers.pop(0) if answers else answer is True) else dialog.dismiss)()

    page.on("dialog", on_dialog)
    page.goto(hub.url + path)
    page.wait_for_selector(".rec[data-state=ready]", timeout=60000)
    return page, errors, dialogs


def stored(page):
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))


def wait_text(page, selector, words, tries=100):
    for _ in range(tries):
        if words in page.inner_text(selector):
            return
        page.wait_for_timeout(100)
    assert words in page.inner_text(selector)


def test_a_bad_file_changes_nothing_and_an_import_asks_first_and_can_be_undone(hub, context, tmp_path):
    files = make(tmp_path)
    page, errors, dialogs = open_page(context, hub, answer=[False, True])
    page.wait_for_selector(".rec[data-gaps]", timeout=60000)
    before = stored(page)
    assert len(before["activities"]) == 8 and before["suppliers"]
    for name, words in (("empty.csv", "geen enkele verwerking"), ("empty-object.json", "geen enkele verwerking"),
                        ("header-only.csv", "geen enkele verwerking"), ("open-quote.csv", "Regel 2"),
                        ("no-record-sheet.xlsx", "geen blad met de verwerkingen"), ("deep.json", "niveaus")):
        page.set_input_files("#rec-import", str(files[name]))
        wait_text(page, ".rec-status", words)
        message = page.inner_text(".rec-status")
        assert "Traceback" not in message and "\n" not in message.strip(), message
        assert page.locator(".rec-row").count() == 8 and stored(page) == before, name
    assert not dialogs  # nothing was about to change, so nothing was asked

    # A Windows-1252 CSV: asked first (refused once), then imported with its accents; the CSV keeps
    # the organisation and suppliers; one click brings the previous record back.
    page.set_input_files("#rec-import", str(files["windows-1252.csv"]))
    wait_text(page, ".rec-status", "Niets veranderd")
    assert "CSV" in dialogs[0] and "8 in deze browser" in dialogs[0], dialogs
    assert stored(page) == before
    page.set_input_files("#rec-import", str(files["windows-1252.csv"]))
    wait_text(page, ".rec-status", "Geïmporteerd")
    after = stored(page)
    assert [row["activity"] for row in after["activities"]] == [ACCENTS]
    assert after["organisation"] == before["organisation"] and len(after["suppliers"]) == len(before["suppliers"])
    page.click("[data-action=undo]")
    assert stored(page) == before and page.locator(".rec-row").count() == 8
    assert not errors, errors


def test_the_undo_of_an_import_outlives_a_reload_until_the_next_change(hub, context, tmp_path):
    files = make(tmp_path)
    page, errors, _ = open_page(context, hub)
    before = stored(page)
    previous = "localStorage.getItem('gdpr-hub.record.previous')"

    def import_csv():
        replaced = stored(page)
        page.set_input_files("#rec-import", str(files["windows-1252.csv"]))
        wait_text(page, ".rec-status", "Geïmporteerd")
        assert json.loads(page.evaluate(previous)) == replaced

    # Undo after a reload brings the replaced record back, and is then gone.
    import_csv()
    page.reload()
    page.wait_for_selector(".rec[data-state=ready]", timeout=60000)
    page.click("[data-action=undo]")
    assert stored(page) == before and page.locator(".rec-row").count() == 8
    assert page.evaluate(previous) is None and page.locator("[data-action=undo]").count() == 0
    # The next change ends the undo, in storage too.
    import_csv()
    page.fill(".rec-org input[name=name]", "Apotheek De Linde")
    assert page.evaluate(previous) is None
    page.reload()
    page.wait_for_selector(".rec[data-state=ready]", timeout=60000)
    assert page.locator("[data-action=undo]").count() == 0
    # "Delete everything" deletes the kept record as well.
    import_csv()
    page.click("[data-action=delete]")
    assert page.evaluate(previous) is None and page.evaluate(f"localStorage.getItem('{KEY}')") is None
    assert not errors, errors


def test_storage_that_refuses_is_said_at_once_with_the_json_export(hub, browser):
    context = browser.new_context(service_workers="block")
    context.add_init_script("""
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (key === "gdpr-hub.record") throw new DOMException("full", "QuotaExceededError");
        return setItem.call(this, key, value);
      };""")
    page, errors, _ = open_page(context, hub)
    alert = page.locator(".rec-alert[role=alert]")
    assert alert.is_visible() and "bewaart het register niet" in alert.inner_text()
    page.fill(".rec-org input[name=name]", "Apotheek De Linde")
    assert alert.is_visible() and "Bewaard in deze browser" not in page.inner_text(".rec")
    with page.expect_download() as download:
        alert.locator("[data-action=export-json-now]").click()
    assert download.value.suggested_filename.startswith("verwerkingsregister-apotheek-de-linde-")
    assert json.loads(Path(download.value.path()).read_text(encoding="utf-8"))["organisation"]["name"] == "Apotheek De Linde"
    assert not errors, errors
    context.close()


@pytest.mark.parametrize("kept", ["[]", "5", "{}", '{"activities": null}', "{not json", '{"activities": [{"special_data": "maybe"}]}'])
def test_a_stored_record_of_the_wrong_shape_does_not_stop_the_page(hub, context, kept):
    page, errors, dialogs = open_page(context, hub, "wizards/record/")
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, kept])
    page.reload()
    page.wait_for_selector(".rec[data-state=ready]", timeout=60000)
    if kept.startswith('{"activities": [{'):
        # The shape is right, a value is not: Python names the field, in the page's language.
        wait_text(page, ".rec-gaps", "Verwerking 1, “Gevoelige")
    else:
        assert "geen leesbaar register" in page.inner_text(".rec-broken")
        with page.expect_download() as download:
            page.click("[data-action=download-broken]")
        assert Path(download.value.path()).read_text(encoding="utf-8") == kept
    page.select_option("#rec-sample", "pharmacies")
    page.click("[data-action=start]")
    assert page.locator(".rec-row").count() == 8 and len(stored(page)["activities"]) == 8
    assert not errors, errors


def test_copying_the_wizards_verdict_takes_the_stored_result_and_never_empties_the_field(hub, context):
    page, errors, _ = open_page(context, hub)
    first = page.locator(".rec-row").first
    first.locator("summary").click()
    verdict = first.locator("textarea[name=processor_verdict]")
    verdict.fill("Mijn eigen notitie")
    first.locator("[data-action=take-processor]").click()
    assert verdict.input_value() == "Mijn eigen notitie"
    assert "nog geen resultaat" in page.inner_text(".rec-status")
    # What wizard.js keeps after a result: the record data (wizards/present/render.py, to_dict).
    page.evaluate("""localStorage.setItem("gdpr-hub.results", JSON.stringify({processor: {lang: "nl", record: {
        verdict_label: "Nodig", conclusion: "Sluit een verwerkersovereenkomst", date: "2026-03-02"}}}))""")
    first.locator("[data-action=take-processor]").click()
    assert verdict.input_value() == "Nodig: Sluit een verwerkersovereenkomst (2026-03-02)"
    assert stored(page)["activities"][0]["processor_verdict"] == verdict.input_value()
    assert not errors, errors


def test_a_change_in_another_tab_is_shown_not_overwritten(hub, context):
    one, errors_one, _ = open_page(context, hub)
    two, errors_two, _ = open_page(context, hub, "wizards/record/")
    two.locator(".rec-row").first.locator("summary").click()
    two.locator(".rec-row").first.locator("[data-action=remove]").click()
    assert len(stored(two)["activities"]) == 7
    for _ in range(50):
        if one.locator(".rec-row").count() == 7:
            break
        one.wait_for_timeout(100)
    assert one.locator(".rec-row").count() == 7 and "ander tabblad" in one.inner_text(".rec-status")
    one.click("[data-action=add]")
    assert len(stored(one)["activities"]) == 8  # the row removed in the other tab did not come back
    assert not errors_one and not errors_two, errors_one + errors_two


def test_ticking_choosing_and_adding_keep_the_visitors_place(hub, context):
    page, errors, _ = open_page(context, hub, "wizards/record/")
    # The picker keeps the sample just loaded, and reads as one sentence.
    page.select_option("#rec-sample", "pharmacies")
    page.click("[data-action=start]")
    assert page.input_value("#rec-sample") == "pharmacies"
    assert page.get_attribute(".rec-org input[name=name]", "autocomplete") == "organization"
    assert page.get_attribute(".rec-org input[name=email]", "autocomplete") == "email"
    assert page.get_attribute(".rec-org input[name=phone]", "autocomplete") == "tel"
    assert page.get_attribute(".rec-gaps", "aria-live") is None
    assert page.locator("#rec-sample option[value=pharmacies]").inner_text().startswith("het voorbeeldregister van ")
    # A point of a supplier's checklist: the block stays open, the box keeps the focus, nothing redrawn.
    supplier = page.locator(".rec-supplier").first
    supplier.locator("summary").click()
    box = supplier.locator("input[type=checkbox][name=a]")
    box.evaluate("node => { node.dataset.mark = 'same' }")
    box.focus()
    page.keyboard.press("Space")
    assert supplier.evaluate("node => node.open") and box.is_checked() and box.get_attribute("data-mark") == "same"
    assert page.evaluate("document.activeElement.name") == "a"
    assert stored(page)["suppliers"][0]["checklist"]["a"] is True
    # The legal-basis list answers ArrowDown more than once, and the row stays open.
    row = page.locator(".rec-row").first
    row.locator("summary").click()
    row.locator("select[name=legal_basis]").focus()
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.name") == "legal_basis"
    assert page.locator(".rec-row").first.evaluate("node => node.open")
    # An added activity takes the focus; the other blocks stay as they were.
    page.click("[data-action=add]")
    assert page.evaluate("document.activeElement.id") == "rec-a8-activity"
    assert page.locator(".rec-supplier").first.evaluate("node => node.open")
    assert not errors, errors


def test_a_french_page_refuses_a_file_in_french(hub, context, tmp_path):
    files = make(tmp_path)
    page, errors, _ = open_page(context, hub, "fr/wizards/record/#sector=pharmacies")
    page.set_input_files("#rec-import", str(files["unknown-column.csv"]))
    wait_text(page, ".rec-status", "Colonne inconnue")
    assert "«\u202fKleur\u202f»" in page.inner_text(".rec-status")
    page.click("[data-action=export-md]")  # a Markdown export works after a refusal
    assert not errors, errors


def test_a_record_of_a_thousand_activities_loads_and_grows_without_freezing(hub, context):
    from tests.hostile.make import small_record

    page, errors, _ = open_page(context, hub, "wizards/record/")
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, json.dumps(small_record(1000))])
    page.reload()
    page.wait_for_selector(".rec[data-state=ready]", timeout=60000)
    # From the start of navigation to drawn, and per added activity. The machine the tests run on is
    # shared, so the bounds are wide: on it the page before this change took 21 s and 1.3-1.9 s.
    drawn = page.evaluate("performance.now()")
    assert page.locator(".rec-row").count() == 1000 and drawn < 8000, drawn
    page.wait_for_selector(".rec[data-gaps]", timeout=60000)
    adds = sorted(page.evaluate("() => { const t = performance.now(); document.querySelector('[data-action=add]').click();"
                                " return performance.now() - t; }") for _ in range(5))
    assert adds[2] < 200, adds  # the median, in milliseconds
    assert len(stored(page)["activities"]) == 1005
    assert page.locator(".rec-gaps li").count() <= 51  # the first 50 gaps and how many more
    assert not errors, errors


def test_an_xlsx_is_read_whole_and_through_defusedxml_in_the_browser(hub, context, tmp_path):
    files = make(tmp_path)
    page, errors, _ = open_page(context, hub, "wizards/record/")
    loaded = []
    page.on("request", lambda r: loaded.append(r.url))
    page.set_input_files("#rec-import", str(files["beyond-dimension.xlsx"]))
    page.wait_for_selector(".rec-row", timeout=120000)
    assert page.locator(".rec-row").count() == 4  # the rows beyond the declared A1:T2 too
    assert any("assets/spreadsheet/defusedxml" in url for url in loaded), loaded
    page.set_input_files("#rec-import", str(files["entities.xlsx"]))
    wait_text(page, ".rec-status", "geen leesbaar .xlsx")
    assert page.locator(".rec-row").count() == 4
    assert not errors, errors


def test_an_import_over_a_record_of_only_the_organisation_asks_first(hub, context, tmp_path):
    files = make(tmp_path)
    page, errors, dialogs = open_page(context, hub, "wizards/record/", answer=False)
    page.select_option("#rec-sample", "")
    page.click("[data-action=start]")
    page.fill(".rec-org input[name=name]", "Apotheek De Linde")
    page.set_input_files("#rec-import", str(files["windows-1252.json"]))
    wait_text(page, ".rec-status", "Niets veranderd")
    assert len(dialogs) == 1 and stored(page)["organisation"]["name"] == "Apotheek De Linde"
    assert not errors, errors
