"""Sector folders and editions: schema errors name file, line and field; a new sector is just a folder;
every edition builds; a failed build leaves no half-built site."""
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hub.schema import SchemaError
from hub.sectors import SECTORS_DIR, load_sector, sector_folders

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = SECTORS_DIR / "_template"


def copy_template(tmp_path, name="newsector"):
    folder = tmp_path / name
    shutil.copytree(TEMPLATE, folder)
    text = (folder / "sector.yml").read_text(encoding="utf-8").replace("id: template", f"id: {name}")
    (folder / "sector.yml").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("old, new, field, expected", [
    ("legal_basis: contract", "legal_basis: contrat", "register[1].legal_basis", "one of consent"),
    ('primary: "#1f5f8b"', "primary: blue", "edition.colors.primary", "a colour like"),
    ("agreement_needed: true", "agreement_needed: sure", "suppliers[1].agreement_needed", "true or false"),
    ('public_body: "no"', "public_body: maybe", "profile", "unknown option"),
    ("id: newsector", "id: Other Sector", "id", "lower-case"),
    ("summary:\n", "summry:\n", "summry", "unknown field"),
])
def test_mistakes_name_file_line_field(tmp_path, old, new, field, expected):
    folder = copy_template(tmp_path)
    file = folder / "sector.yml"
    text = file.read_text(encoding="utf-8")
    assert old in text
    changed = text.replace(old, new, 1)
    file.write_text(changed, encoding="utf-8")
    line = changed[: changed.index(new)].count("\n") + 1
    with pytest.raises(SchemaError) as error:
        load_sector(folder)
    message = str(error.value)
    assert "sector.yml" in message
    assert error.value.path == field, message
    assert expected in message, message
    assert error.value.line == line, message


def test_a_missing_field_is_named_with_its_block(tmp_path):
    folder = copy_template(tmp_path)
    file = folder / "sector.yml"
    file.write_text(file.read_text(encoding="utf-8").replace("  nl: Voorbeeldsector\n", "", 1), encoding="utf-8")
    with pytest.raises(SchemaError) as error:
        load_sector(folder)
    assert error.value.path == "name.nl" and "missing" in str(error.value)


def test_invalid_yaml_is_reported_with_its_line(tmp_path):
    folder = copy_template(tmp_path)
    (folder / "sector.yml").write_text("id: x\nname: [unclosed\n", encoding="utf-8")
    with pytest.raises(SchemaError, match="line"):
        load_sector(folder)


def test_missing_page_is_named(tmp_path):
    folder = copy_template(tmp_path)
    (folder / "pages" / "fr" / "questions.md").unlink()
    with pytest.raises(SchemaError, match="questions.md"):
        load_sector(folder)


def test_every_sector_folder_is_valid():
    assert {f.name for f in sector_folders()} >= {"pharmacies", "insurance-intermediaries", "hr-services", "tech", "socio-cultural"}
    for folder in sector_folders():
        load_sector(folder)


def build(edition):
    command = [sys.executable, "-m", "hub", "build", *(["--edition", edition] if edition else [])]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)


@pytest.mark.parametrize("edition", ["pharmacies", "insurance-intermediaries", "hr-services", "tech", "socio-cultural"])
def test_every_edition_builds_with_its_branding(edition):
    result = build(edition)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    site = ROOT / "site" / edition
    home = (site / "index.html").read_text(encoding="utf-8")
    data = load_sector(SECTORS_DIR / edition).data
    assert data["edition"]["site_name"]["nl"].replace("'", "&#39;") in home or data["edition"]["site_name"]["nl"] in home
    # The site's own styles sit in a folder named after their contents (assets/hub/<digest>/).
    (edition_css,) = (site / "assets" / "hub").glob("*/edition.css")
    assert data["edition"]["colors"]["primary"] in edition_css.read_text()
    nav = home.split('class="md-tabs__list"', 1)[1]
    assert nav.index(f"sectors/{edition}/") < nav.index("wizards/"), "the edition's sector comes first in the navigation"
    assert (site / "sectors" / edition / "register.csv").exists()
    # Its home page is the edition's own, in every language: its name, its one sector, not the hub's five.
    others = [folder.name for folder in sector_folders() if folder.name != edition]
    for lang, prefix in (("nl", ""), ("fr", "fr/"), ("en", "en/")):
        page = (site / prefix / "index.html").read_text(encoding="utf-8")
        article = page.split('<article', 1)[1].split("</article>", 1)[0]
        name = data["edition"]["site_name"][lang]
        assert re.search(r"<title>(.*?)</title>", page).group(1).replace("&#39;", "'") == name
        assert re.search(r"<h1[^>]*>(.*?)<", article).group(1).replace("&#39;", "'") == name
        assert f"sectors/{edition}/" in article
        assert not [o for o in others if f"sectors/{o}/" in article or load_sector(SECTORS_DIR / o).data["name"][lang] in article]
        hub_title = (ROOT / "docs" / lang / "index.md").read_text(encoding="utf-8").split("\n# ", 1)[1].split("\n", 1)[0]
        assert hub_title not in page.replace("&#39;", "'")
    # The record builder of an edition starts from this sector's sample only (hub/record_page.py).
    record_page = (site / "wizards" / "record" / "index.html").read_text(encoding="utf-8")
    blob = json.loads(record_page.split('id="rec-data">', 1)[1].split("</script>", 1)[0])
    assert blob["edition"] == edition and [s["id"] for s in blob["samples"]] == [edition]


def test_a_new_sector_needs_only_a_folder(tmp_path):
    """Copy the template into sectors/, build its edition, and remove it again: no code change."""
    folder = SECTORS_DIR / "zz-test-sector"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(TEMPLATE, folder)
    text = (folder / "sector.yml").read_text(encoding="utf-8").replace("id: template", "id: zz-test-sector")
    (folder / "sector.yml").write_text(text, encoding="utf-8")
    try:
        result = build("zz-test-sector")
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        assert (ROOT / "site" / "zz-test-sector" / "fr" / "sectors" / "zz-test-sector" / "index.html").exists()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(ROOT / "site" / "zz-test-sector", ignore_errors=True)


def test_a_broken_sector_fails_the_build_and_leaves_no_site():
    folder = SECTORS_DIR / "zz-broken"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(TEMPLATE, folder)
    text = (folder / "sector.yml").read_text(encoding="utf-8").replace("id: template", "id: zz-broken")
    (folder / "sector.yml").write_text(text.replace("role: processor", "role: boss"), encoding="utf-8")
    try:
        result = build("zz-broken")
        assert result.returncode != 0
        output = result.stdout + result.stderr
        assert "sectors/zz-broken/sector.yml, line" in output and "suppliers[1].role" in output
        assert "Traceback" not in output
        assert not (ROOT / "site" / "zz-broken").exists()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.browser
def test_an_edition_passes_the_privacy_and_accessibility_audit(browser):
    from tests.conftest import Served
    from tests.test_browser_site import audit

    result = build("socio-cultural")
    assert result.returncode == 0, result.stderr[-2000:]
    served = Served(ROOT / "site" / "socio-cultural")
    try:
        assert len(audit(served, browser)) >= 20
    finally:
        served.close()


def test_a_sectors_sample_is_saved_under_the_document_and_sector_name(hub):
    """Issue 23, defect 22: every sector's sample downloaded as register.*; now named in the page's language."""
    nl = (hub.folder / "sectors" / "pharmacies" / "register" / "index.html").read_text(encoding="utf-8")
    fr = (hub.folder / "fr" / "sectors" / "pharmacies" / "register" / "index.html").read_text(encoding="utf-8")
    assert 'download="verwerkingsregister-apotheken.xlsx"' in nl
    assert 'download="registre-des-traitements-pharmacies.csv"' in fr
