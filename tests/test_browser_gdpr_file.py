"""The GDPR file page (wizards/gdpr-file/) in Debian's Chromium: the overview from what the browser
keeps, the whole file downloaded as a .zip, storage cleared, the .zip re-opened to the same keys.
Nothing leaves the browser."""
import io
import json
import zipfile

import pytest

from tests.test_gdpr_file import SECTORS, result
from wizards.documents.sample import from_sector
from wizards.present.texts import t

pytestmark = pytest.mark.browser

KEYS = ("gdpr-hub.record", "gdpr-hub.results", "gdpr-hub.profile", "gdpr-hub.dpias")


def stored(page):
    return page.evaluate(f"() => Object.fromEntries({json.dumps(KEYS)}.map((k) => [k, localStorage.getItem(k)]))")


def test_overview_download_clear_and_reopen(hub, context, tmp_path):
    page = context.new_page()
    errors, foreign = [], []
    page.on("console", lambda m: m.type == "error" and not m.text.startswith("Failed to load resource") and errors.append(m.text))
    page.on("response", lambda r: r.status >= 400 and not r.url.endswith("sitemap.xml") and errors.append(f"{r.status} {r.url}"))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: r.url.startswith(("http://", "https://")) and not r.url.startswith(hub.origin) and foreign.append(r.url))
    page.on("dialog", lambda d: d.accept())

    record = from_sector(SECTORS["pharmacies"].data, "nl")
    results = {"dpo": result("dpo", {"public_body": "yes"})}
    page.goto(hub.url + "wizards/gdpr-file/")
    page.evaluate("([r, s]) => { localStorage.setItem('gdpr-hub.record', r); localStorage.setItem('gdpr-hub.results', s); }",
                  [json.dumps(record), json.dumps(results)])
    page.reload()
    page.wait_for_selector(".gf[data-state=ready]", timeout=120000)

    # Done: the DPO wizard with its verdict and date, the record; missing: the other wizards, with links.
    dpo = page.locator("li[data-wizard=dpo]")
    assert "gf-done" in dpo.get_attribute("class") and results["dpo"]["record"]["date"] in dpo.inner_text()
    assert "gf-todo" in page.locator("li[data-wizard=register]").get_attribute("class")
    missing = page.locator(".gf-missing a")
    hrefs = [missing.nth(i).get_attribute("href") for i in range(missing.count())]
    assert any(h.endswith("wizards/register/") for h in hrefs) and not any(h.endswith("wizards/dpo/") for h in hrefs)
    assert any(h.endswith("wizards/record/") for h in hrefs)  # the sample's open points and suppliers' checklists
    assert "8 verwerkingen" in page.inner_text(".gf-record")
    assert t("nl", "file.only_here") in page.inner_text(".gf-note")
    before = stored(page)

    with page.expect_download(timeout=240000) as download:
        page.click("[data-action=download-file]")
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name.startswith("avg-dossier-") and path.suffix == ".zip"
    names = zipfile.ZipFile(io.BytesIO(path.read_bytes())).namelist()
    assert {"gdpr-file.json", "README.txt", "verwerkingsregister.xlsx", "01-verwerkingsregister.odt"} <= set(names)
    assert any(n.endswith("resultaat-dpo.odt") for n in names)
    docx = [n for n in names if n.endswith(".docx")]  # made in the browser, one per document
    assert "01-verwerkingsregister.docx" in docx and len(docx) == len([n for n in names if n.endswith(".odt")])
    assert all(zipfile.ZipFile(io.BytesIO(zipfile.ZipFile(path).read(n))).testzip() is None for n in docx)

    page.evaluate("() => localStorage.clear()")
    page.reload()
    page.wait_for_selector(".gf[data-state=ready]", timeout=120000)
    assert "gf-todo" in page.locator("li[data-wizard=dpo]").get_attribute("class")
    assert all(v is None for v in stored(page).values())

    page.set_input_files("[data-action=reopen-file]", str(path))
    page.wait_for_selector(f".gf-status:text-is('{t('nl', 'file.ui.reopened')}')", timeout=120000)
    after = stored(page)
    assert {k: json.loads(v) if v else v for k, v in after.items()} == {k: json.loads(v) if v else v for k, v in before.items()}
    assert "gf-done" in page.locator("li[data-wizard=dpo]").get_attribute("class")

    # A .zip that is not a GDPR file: refused in the page's language, before any question, nothing changed.
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("README.txt", "not a GDPR file")
    dialogs = []
    page.on("dialog", lambda d: dialogs.append(d.message))
    page.set_input_files("[data-action=reopen-file]", str(other))
    page.wait_for_selector(f".gf-status:text-is('{t('nl', 'file.error.no_json')}')", timeout=60000)
    assert dialogs == [] and stored(page) == after
    assert errors == [] and foreign == []
