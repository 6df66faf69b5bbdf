"""The DPIA page (wizards/dpia-builder/) in Debian's Chromium: a sector sample completed section by
section, the risk map redrawn after a score changes, saved as .json and opened again, a re-review that
keeps the earlier decision, a broken file refused in the page's language. Nothing leaves the browser."""
import json
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).resolve().parents[1] / "build" / "screenshots"
SECTIONS = ("description", "necessity", "risks", "validation")


def open_page(context, hub, path):
    page = context.new_page()
    errors, foreign = [], []
    page.on("console", lambda m: m.type == "error" and not m.text.startswith("Failed to load resource") and errors.append(m.text))
    page.on("response", lambda r: r.status >= 400 and not r.url.endswith("sitemap.xml") and errors.append(f"{r.status} {r.url}"))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: r.url.startswith(("http://", "https://")) and not r.url.startswith(hub.origin) and foreign.append(r.url))
    page.on("dialog", lambda d: d.accept())
    page.goto(hub.url + path)
    page.wait_for_selector(".dpia[data-state=ready]", timeout=60000)
    return page, errors, foreign


def checked(page, after=0):
    """Waits until Python has checked the DPIA more than `after` times (the page's CSP forbids eval,
    so the wait is in Python); returns the count."""
    for _ in range(600):
        count = int(page.get_attribute("#dpia", "data-checked") or 0)
        if count > after:
            return count
        page.wait_for_timeout(100)
    raise AssertionError("the DPIA was not checked")


def settled(page, after=0):
    """Waits until Python has checked the DPIA after its last change: the count of checks grows past
    `after`, then stays put (each change is checked 300 ms after the typing stops)."""
    count = checked(page, after)
    while True:
        page.wait_for_timeout(800)
        now = int(page.get_attribute("#dpia", "data-checked"))
        if now == count:
            return count
        count = now


def after_map(page):
    return page.inner_html(".dpia-maps figure[data-stage=after]")


def no_sideways_scroll(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def stored(page):
    return json.loads(page.evaluate("localStorage.getItem('gdpr-hub.dpias')"))


def walk_sections(page, width, shot):
    """Every section by the keyboard only: the next-section button, then the focus on its heading."""
    for n, section in enumerate(SECTIONS):
        assert page.get_attribute(".dpia-section", "data-section") == section
        assert page.evaluate("document.activeElement.tagName") == "H2" or n == 0
        # Every field has a label tied to it (a visible <label for>), so a screen reader names it.
        unlabelled = page.evaluate("[...document.querySelectorAll('.dpia-section input, .dpia-section textarea, .dpia-section select')]"
                                   ".filter((f) => !f.labels.length).map((f) => f.id)")
        assert not unlabelled, unlabelled
        no_sideways_scroll(page, width)
        page.locator(".dpia-section h2").scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / f"{shot}-{section}.png"))
        if section != SECTIONS[-1]:
            page.focus(".dpia-section [data-action=next]")
            page.keyboard.press("Enter")


def status_after(page, action):
    """The status line's text once `action` has changed it."""
    page.evaluate("document.querySelector('.dpia-status').textContent = ''")
    action()
    for _ in range(600):
        if page.inner_text(".dpia-status"):
            break
        page.wait_for_timeout(100)
    return page.inner_text(".dpia-status")


def refusals(page, tmp_path):
    """What the page says of a file that is not JSON (the page's own text) and of JSON that is not a
    DPIA (Python's refusal, dpia_normalise); neither changes what is kept."""
    kept = page.evaluate("localStorage.getItem('gdpr-hub.dpias')")
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "gdpr-hub-dpia/1", "risks": [', encoding="utf-8")
    not_json = status_after(page, lambda: page.set_input_files("#dpia-open", str(bad)))
    other = tmp_path / "other.json"
    other.write_text('{"format": "something-else", "risks": "many"}', encoding="utf-8")
    not_dpia = status_after(page, lambda: page.set_input_files("#dpia-open", str(other)))
    assert page.evaluate("localStorage.getItem('gdpr-hub.dpias')") == kept
    return not_json, not_dpia


def test_pharmacy_dpia_in_dutch_saved_opened_and_reviewed(hub, browser, tmp_path):
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(service_workers="block", viewport={"width": 1280, "height": 900})
    page, errors, foreign = open_page(context, hub, "wizards/dpia-builder/#sector=pharmacies")
    loaded = []
    page.on("request", lambda r: loaded.append(r.url))
    count = checked(page)
    assert page.locator(".dpia-maps svg").count() == 2
    assert page.locator(".dpia-verdict").inner_text()
    points = int(page.get_attribute("#dpia", "data-points"))
    walk_sections(page, 1280, "dpia-nl-1280")

    # A field edited by the visitor is kept; a score changed redraws the risk map (after the measures).
    page.click(".dpia-tabs [data-section=description]")
    page.fill("#dpia-description-processing", "Gedeeld farmaceutisch dossier van Apotheek De Linde")
    page.click(".dpia-tabs [data-section=risks]")
    before = after_map(page)
    first = page.locator(".dpia-risk").first
    old = first.locator("select[name=residual_severity]").input_value()
    first.locator("select[name=residual_severity]").select_option("4" if old != "4" else "1")
    first.locator("select[name=residual_likelihood]").select_option("4")
    count = settled(page, count)
    assert after_map(page) != before
    assert page.get_attribute(".dpia-verdict", "data-verdict") == "required"  # a high residual risk: Art. 36(1)
    page.locator(".dpia-summary").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "dpia-nl-1280-risk-map.png"))
    measures = first.locator(".dpia-measure").count()
    first.locator("[data-action=add-measure]").click()
    assert first.locator(".dpia-measure").count() == measures + 1
    # The new measure's text field has the focus (the part was drawn again in place).
    assert page.evaluate("document.activeElement.id") == f"dpia-r0-m{measures}-text"

    page.click(".dpia-tabs [data-section=validation]")
    page.select_option("#dpia-v-decision", "proceed_with_measures")
    page.fill("#dpia-v-decided_by", "Apotheker-titularis")
    page.fill("#dpia-v-decided_on", "2026-12-01")
    page.fill("#dpia-v-next_review", "2027-12-01")
    count = settled(page, count)
    open_points = page.inner_text(".dpia-points")
    assert "Beslist door" not in open_points and int(page.get_attribute("#dpia", "data-points")) < points
    dpia = stored(page)["items"][0]
    assert dpia["description"]["processing"].startswith("Gedeeld farmaceutisch dossier")
    assert dpia["validation"]["decision"] == "proceed_with_measures"

    with page.expect_download() as saved:
        page.click("[data-action=save-json]")
    exported = json.loads(Path(saved.value.path()).read_text(encoding="utf-8"))
    assert exported["validation"]["decided_by"] == "Apotheker-titularis"
    with page.expect_download() as md:
        page.click("[data-action=download-md]")
    text = Path(md.value.path()).read_text(encoding="utf-8")
    assert "Gedeeld farmaceutisch dossier van Apotheek De Linde" in text

    # .odt and .docx (hub/static/exports.js, loaded only now): the visitor's entries and both risk maps are in them.
    # The page's own Python (assets/spreadsheet/wizards-pages-*.zip, with the standard library it needs beyond
    # the wizards') came with the first call; nothing of the export yet.
    own = ("/wizards-pages-", "/stdlib-spreadsheet.zip")
    assert any("/wizards-pages-" in url for url in loaded), loaded
    assert not [url for url in loaded if "exports.js" in url or ("assets/spreadsheet/" in url and not any(o in url for o in own))], loaded
    for kind, body in (("odt", "content.xml"), ("docx", "word/document.xml")):
        with page.expect_download(timeout=180000) as made:
            page.click(f"[data-action=download-{kind}]")
        with zipfile.ZipFile(made.value.path()) as archive:
            names = archive.namelist()
            xml = archive.read(body).decode("utf-8")
        assert made.value.suggested_filename.endswith("." + kind)
        assert "Gedeeld farmaceutisch dossier van Apotheek De Linde" in xml and "Apotheker-titularis" in xml, kind
        folder = "Pictures/" if kind == "odt" else "word/media/"
        assert len([n for n in names if n.startswith(folder) and n.endswith(".svg")]) == 2, names  # before and after
    # Read back as LibreOffice reads them: every section's heading and the visitor's own entries.
    for kind, words in read_back(page, tmp_path, "nl").items():
        assert "Gedeeld farmaceutisch dossier van Apotheek De Linde" in words and "Apotheker-titularis" in words, kind

    page.click("[data-action=delete]")
    assert page.evaluate("localStorage.getItem('gdpr-hub.dpias')") is None
    assert page.locator(".dpia-section h2").count() == 0
    page.set_input_files("#dpia-open", str(Path(saved.value.path())))
    page.wait_for_selector(".dpia-section h2")
    assert stored(page)["items"][0] == exported

    # A re-review keeps the earlier decision among the versions and empties the decision's fields.
    page.click(".dpia-tabs [data-section=validation]")
    page.click("[data-action=review]")
    page.wait_for_selector(".dpia-versions li")
    again = stored(page)["items"][0]
    assert again["versions"][-1]["decided_on"] == "2026-12-01" and again["validation"]["decision"] == ""
    assert "2026-12-01" in page.inner_text(".dpia-versions")

    # Print: the stylesheet shows the document only.
    page.click("[data-action=preview]")
    page.wait_for_selector(".dpia-preview svg")
    page.evaluate("document.getElementById('dpia').dataset.print = 'doc'")
    page.emulate_media(media="print")
    assert not page.locator(".dpia-section").is_visible() and page.locator(".dpia-preview").is_visible()
    page.emulate_media(media="screen")

    not_json, not_dpia = refusals(page, tmp_path)
    assert "geen leesbaar JSON-bestand" in not_json
    assert "geen DPIA van de AVG-gids" in not_dpia  # Python's refusal names the field, in Dutch

    # The sample becomes the visitor's own: the document no longer calls it an example.
    page.click(".dpia-tabs [data-section=description]")
    page.click("[data-action=make-own]")
    assert stored(page)["items"][0]["example"] is False and page.locator("[data-action=make-own]").count() == 0

    # A second DPIA, blank, filled in from a row of the record and from the DPIA wizard's stored result.
    record = {"format": "gdpr-hub-record/1", "role": "controller", "organisation": {"name": "Apotheek De Linde"},
              "activities": [{"activity": "Klantenkaart", "purpose": "Trouwe klanten een korting geven"}],
              "suppliers": [], "notice": {"activities": []}}
    screening = {"wizard": "dpia", "outcome": "required", "conclusion": "Een DPIA is verplicht.", "date": "2026-12-01"}
    page.evaluate("([r, s]) => { localStorage.setItem('gdpr-hub.record', JSON.stringify(r));"
                  " localStorage.setItem('gdpr-hub.results', JSON.stringify({dpia: {record: s, lang: 'nl'}})); }", [record, screening])
    page.select_option("#dpia-sample", "")
    page.click("[data-action=start]")
    assert page.evaluate("document.activeElement.tagName") == "H2"
    assert page.locator("#dpia-pick option").count() == 2
    page.select_option("#dpia-record-row", "0")
    page.click("[data-action=fill-record]")
    for _ in range(100):
        if page.input_value("#dpia-description-purposes"):
            break
        page.wait_for_timeout(100)
    assert page.input_value("#dpia-description-purposes") == "Trouwe klanten een korting geven"
    page.click("[data-action=fill-screening]")
    for _ in range(100):
        if page.locator(".dpia-screening").count():
            break
        page.wait_for_timeout(100)
    second = stored(page)["items"][1]
    assert second["title"] == "Klantenkaart" and second["organisation"]["name"] == "Apotheek De Linde"
    assert second["screening"]["outcome"] == "required" and second["example"] is False
    page.select_option("#dpia-pick", "0")
    assert page.input_value("#dpia-title") == again["title"]

    assert not errors, errors
    assert not foreign, foreign
    context.close()


def read_back(page, tmp_path, lang):
    """Downloads the DPIA as .odt and .docx, has LibreOffice (headless, one start for both) turn them into
    plain text, and returns {kind: text}; each must hold every section's heading."""
    import shutil
    import subprocess

    from wizards.present.texts import t

    files = []
    for kind in ("odt", "docx"):
        with page.expect_download(timeout=180000) as made:
            page.click(f"[data-action=download-{kind}]")
        target = tmp_path / f"dpia-{kind}.{kind}"
        made.value.save_as(target)
        files.append(target)
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is missing: ./run.sh test installs it (apt-get install libreoffice-writer-nogui)"
    done = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "txt:Text",
                           "--outdir", str(tmp_path / "txt"), *map(str, files)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    texts = {f.suffix[1:]: (tmp_path / "txt" / (f.stem + ".txt")).read_text(encoding="utf-8-sig") for f in files}
    for kind, text in texts.items():
        for section in ("description", "necessity", "risks", "validation", "actions", "dpo", "views", "decision",
                        "consultation"):
            assert t(lang, f"dpiadoc.section.{section}") in text, (kind, section)
    return texts


@pytest.mark.parametrize("width", [360, 1280])
def test_tech_dpia_in_french_on_a_phone_and_a_desktop(hub, browser, tmp_path, width):
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(service_workers="block", viewport={"width": width, "height": 800})
    page, errors, foreign = open_page(context, hub, "fr/wizards/dpia-builder/#sector=tech")
    count = checked(page)
    assert "Description" in page.inner_text(".dpia-section h2")
    walk_sections(page, width, f"dpia-fr-{width}")
    page.click(".dpia-tabs [data-section=risks]")
    first = page.locator(".dpia-risk").first
    before = after_map(page)
    first.locator("select[name=residual_severity]").select_option("1")
    first.locator("select[name=residual_likelihood]").select_option("1")
    count = settled(page, count)
    assert after_map(page) != before
    page.click(".dpia-tabs [data-section=necessity]")
    page.fill("#dpia-necessity-minimisation", "Seuls des identifiants pseudonymes sont analysés")
    settled(page, count)
    page.locator(".dpia-maps").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / f"dpia-fr-{width}-risk-map.png"))
    assert stored(page)["items"][0]["necessity"]["minimisation"] == "Seuls des identifiants pseudonymes sont analysés"
    no_sideways_scroll(page, width)
    if width == 1280:  # the files are the same at any width: read back once
        for kind, words in read_back(page, tmp_path, "fr").items():
            assert "Seuls des identifiants pseudonymes sont analysés" in words, kind
    # At rest, as the site-wide audit does (the theme's hover and focus colours are not this page's).
    from hub.npm_assets import file_path
    page.mouse.move(0, 0)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.evaluate(file_path("axe-core", "axe.min.js").read_text(encoding="utf-8"))
    violations = page.evaluate(
        "async () => (await axe.run(document.getElementById('dpia'), {resultTypes: ['violations']})).violations"
        ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
        ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))")
    assert not violations, violations
    not_json, not_dpia = refusals(page, tmp_path)
    assert "pas un fichier JSON lisible" in not_json
    assert "pas une AIPD du guide RGPD" in not_dpia

    # A DPIA kept by an older or tampered page, with parts missing, still opens: the page draws it and
    # Python names what it refuses; the missing parts are empty, not an error.
    page.evaluate("localStorage.setItem('gdpr-hub.dpias', JSON.stringify({format: 'gdpr-hub-dpias/1', items: ["
                  "{format: 'gdpr-hub-dpia/1', id: 'd1', title: 'Ancienne AIPD', risks: [{kind: 'loss'}], validation: {actions: 'x'}}]}))")
    page.reload()
    page.wait_for_selector(".dpia[data-state=ready]")
    assert page.input_value("#dpia-title") == "Ancienne AIPD"
    page.click(".dpia-tabs [data-section=risks]")
    assert page.locator(".dpia-risk").count() == 1
    page.click(".dpia-tabs [data-section=validation]")
    assert page.locator(".dpia-action").count() == 0
    assert not errors, errors
    assert not foreign, foreign
    context.close()
