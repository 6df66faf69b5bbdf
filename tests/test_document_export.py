"""Issue 26 §2: every document as .odt (Markdown -> blocks -> odfpy), read back by LibreOffice.

LibreOffice starts once per format for all the files (each start costs seconds): the documents to
text (headings and the visitor's own entries), and two of them to HTML, which keeps the footer and
draws the picture."""
from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from wizards.documents import annexes, blocks, bridge, notice, odt, tables
from wizards.documents.record import normalise
from wizards.engine import belgian_time
from wizards.engine.walk import decide
from wizards.present.render import to_dict
from wizards.registry import WIZARDS

SOFFICE = shutil.which("soffice")
DATE = "2026-12-02"
ORG = "Bakkerij Zonnebloem"
# A picture as the DPIA's risk map will be (contract part A): self-contained, a title, a viewBox, px sizes.
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200">'
       '<title>Risicokaart</title><rect x="10" y="10" width="200" height="100" fill="#cc0000"/></svg>')


def visitor_record():
    return normalise({
        "organisation": {"name": ORG, "address": "Dorpsstraat 7, 8500 Kortrijk", "email": "info@zonnebloem.example"},
        "activities": [{"activity": "Klantenkaart met spaarpunten", "purpose": "Punten sparen voor vaste klanten",
                        "legal_basis": "contract", "data_subjects": "Vaste klanten", "data_categories": "Naam, e-mail",
                        "retention": "Twee jaar na het laatste gebruik", "automated": "geen"},
                       {"activity": "Loonadministratie", "purpose": "Lonen betalen", "legal_basis": "legal_obligation"}],
        "suppliers": [{"name": "Kassasoft BV", "activities": [0], "checklist": {"a": True}}],
        "notice": {"activities": [0]},
    })


def wizard_files(wizard_id, answers):
    now = dt.datetime(2026, 12, 2, 10, 0, tzinfo=dt.timezone.utc)
    original = belgian_time.now_utc
    belgian_time.now_utc = lambda: now
    try:
        return to_dict(WIZARDS[wizard_id], decide(WIZARDS[wizard_id], answers), "nl")["files"]
    finally:
        belgian_time.now_utc = original


def documents():
    """name -> (markdown, organisation, what the visitor gave that the file must show, signature boxes)."""
    record = visitor_record()
    reply = wizard_files("requests", {"asks": "access", "others_data": "no", "excessive": "no", "received_on": "2026-11-25",
                                      "person_language": "nl", "org_name": ORG, "org_contact": "info@zonnebloem.example"})
    breach = wizard_files("breach", {"is_breach": "yes", "role": "controller", "unreadable": "yes"})
    letter = next(f for f in reply if f["name"].startswith("reply-"))["document"]
    requests_log = next(f for f in reply if f["name"].startswith("requests-log-"))["document"]
    breach_log = next(f for f in breach if f["name"].startswith("breach-log-"))["document"]
    return {
        "record": (tables.to_markdown(record, "nl", DATE), ORG,
                   ["Register van verwerkingsactiviteiten", "Klantenkaart met spaarpunten", "Twee jaar na het laatste gebruik"], 0),
        "annexes": (annexes.to_markdown(record, 0, "nl", DATE), ORG,
                    ["Bijlage I: Lijst van partijen", "Kassasoft BV", "Punten sparen voor vaste klanten"], 2),
        "checklist": (annexes.checklist_markdown(record, 0, "nl", DATE), ORG, ["Kassasoft BV", "☒", "☐"], 0),
        "notice": (notice.to_markdown(record, "nl", DATE), ORG,
                   ["Privacyverklaring", "Wie is verantwoordelijk?", "Klantenkaart met spaarpunten", "info@zonnebloem.example"], 0),
        "letter": (letter["markdown"], letter["organisation"], [ORG, "25 november 2026", "Geachte"], 1),
        "requests-log": (requests_log["markdown"], ORG, ["Regel voor uw register van verzoeken", "25 november 2026"], 0),
        "breach-log": (breach_log["markdown"], ORG, ["Regel voor uw register van datalekken", "Niet melden, wel noteren"], 0),
    }


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("odt")
    out = {}
    for name, (markdown, organisation, _, _) in documents().items():
        doc = blocks.from_markdown(markdown, lang="nl", organisation=organisation)
        out[name] = folder / f"{name}.odt"
        out[name].write_bytes(odt.write(doc))
    picture = blocks.from_markdown("# Kaart\n\n![De risicokaart](risk-map-before.svg)\n", lang="nl", organisation=ORG,
                                   images={"risk-map-before.svg": SVG})
    out["picture"] = folder / "picture.odt"
    out["picture"].write_bytes(odt.write(picture))
    return out


def _soffice(files, fmt, folder):
    # ./run.sh test installs Debian's libreoffice-writer-nogui: a missing program is a failure, not a skip.
    assert SOFFICE is not None, "LibreOffice is missing: ./run.sh test installs it (apt-get install libreoffice-writer-nogui)"
    done = subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{folder}/lo", "--convert-to", fmt,
                           "--outdir", str(folder / "out"), *map(str, files)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return folder / "out"


@pytest.fixture(scope="module")
def as_text(written, tmp_path_factory):
    out = _soffice(written.values(), "txt:Text (encoded):UTF8", tmp_path_factory.mktemp("txt"))
    return {name: (out / f"{name}.txt").read_text(encoding="utf-8-sig") for name in written}


@pytest.fixture(scope="module")
def as_html(written, tmp_path_factory):
    out = _soffice([written["annexes"], written["picture"]], "html", tmp_path_factory.mktemp("html"))
    return out


@pytest.mark.parametrize("name", ["record", "annexes", "checklist", "notice", "letter", "requests-log", "breach-log"])
def test_libreoffice_reads_each_document_with_its_headings_and_the_visitors_entries(name, as_text):
    markdown, _, expected, _ = documents()[name]
    text = as_text[name]
    headings = [blocks.plain(b.runs) for b in blocks.from_markdown(markdown, lang="nl").blocks if isinstance(b, blocks.Heading)]
    assert len(headings) == len(re.findall(r"^#{1,3} ", markdown, re.M))
    for heading in headings:
        assert heading in text.splitlines()
    for entry in expected:
        assert entry in text, f"{entry!r} missing from the {name}"
    assert "\\[" not in text and "\\_" not in text  # Markdown's escapes never reach the reader


@pytest.mark.parametrize("name", ["record", "annexes", "checklist", "notice", "letter", "requests-log", "breach-log"])
def test_signature_boxes_where_the_document_needs_them(name, written):
    _, _, _, boxes = documents()[name]
    content = zipfile.ZipFile(written[name]).read("content.xml").decode("utf-8")
    assert content.count('table:name="Signature') == boxes
    if boxes:
        # A row per line to fill in, each tall enough to write on.
        assert content.count("<text:p text:style-name=\"Signature\">Handtekening</text:p>") == boxes


def test_headings_keep_their_outline_level(written):
    """A table of contents and the navigator in LibreOffice and Word build on the outline levels."""
    content = zipfile.ZipFile(written["annexes"]).read("content.xml").decode("utf-8")
    assert re.search(r'<text:h text:outline-level="1" text:style-name="Heading_20_1">Verwerkersovereenkomst', content)
    assert content.count('text:outline-level="2"') >= 5


def test_footer_has_the_organisation_and_the_page_number(as_html, written):
    html = (as_html / "annexes.html").read_text(encoding="utf-8")
    footer = " ".join(re.sub(r"<[^>]+>", "", html[html.index('<div title="footer">'):]).split())
    assert re.fullmatch(rf"{ORG} · Pagina \d+ / \d+", footer)
    styles = zipfile.ZipFile(written["annexes"]).read("styles.xml").decode("utf-8")
    assert "<text:page-number" in styles and "<text:page-count" in styles


def test_a_markdown_with_an_image_gives_an_odt_that_shows_the_picture(as_html, written):
    package = zipfile.ZipFile(written["picture"])
    pictures = [n for n in package.namelist() if n.startswith("Pictures/")]
    assert len(pictures) == 1 and package.read(pictures[0]).decode("utf-8") == SVG
    html = (as_html / "picture.html").read_text(encoding="utf-8")
    image = re.search(r'<img src="([^"]+)"[^>]*width="(\d+)" height="(\d+)"', html)
    assert image and (image.group(2), image.group(3)) == ("400", "200")
    # LibreOffice drew the SVG: the picture it exports holds the rectangle's red.
    drawn = (as_html / image.group(1)).read_bytes()
    assert b"\xcc\x00\x00" in drawn


def test_table_has_a_header_row_and_borders(tmp_path):
    doc = blocks.from_markdown("| Wie | Wat |\n|---|---|\n| An | **Kassa** |\n", lang="nl", organisation=ORG)
    content = zipfile.ZipFile(io.BytesIO(odt.write(doc))).read("content.xml").decode("utf-8")
    assert "<table:table-header-rows>" in content and 'fo:border="0.5pt solid #000000"' in content


def test_blocks_follow_the_conventions():
    doc = blocks.from_markdown("# T\n\n- [x] klaar\n- [ ] open\n\nVul in: \\_\\_\\_\\_\\_\\_\\_\\_\n\n"
                               "![Kaart](kaart.svg)\n\n![Andere](elders.svg)\n\n```signature\nNaam: \nDatum: 2026-12-02\n```\n",
                               lang="fr", organisation=ORG, images={"kaart.svg": SVG})
    assert [type(b).__name__ for b in doc.blocks] == ["Heading", "BulletList", "Paragraph", "Image", "Paragraph", "Signature"]
    assert [blocks.plain(i.runs) for i in doc.blocks[1].items] == ["☒ klaar", "☐ open"]
    assert blocks.plain(doc.blocks[2].runs) == "Vul in: ________"
    assert doc.blocks[3] == blocks.Image("kaart.svg", SVG, "Kaart")
    assert blocks.plain(doc.blocks[4].runs) == "Andere"  # an image not given is never fetched: its alt text stands in
    assert doc.blocks[5].lines == (("Naam", ""), ("Datum", "2026-12-02"))
    data = doc.to_json()
    assert data["title"] == "T" and data["organisation"] == ORG and data["lang"] == "fr"
    assert data["blocks"][5] == {"type": "signature", "lines": [{"label": "Naam", "value": ""},
                                                                {"label": "Datum", "value": "2026-12-02"}]}


def test_bridge_writes_odt_and_doc_json():
    import base64
    import json

    markdown = "# Brief\n\nTekst met **vet** en [een link](https://www.gegevensbeschermingsautoriteit.be).\n"
    done = json.loads(bridge.handle({"document": "odt", "markdown": markdown, "images": {}, "organisation": ORG}, "nl"))
    assert done["status"] == "ok" and done["type"] == odt.MEDIA_TYPE
    assert zipfile.ZipFile(io.BytesIO(base64.b64decode(done["base64"]))).read("mimetype") == odt.MEDIA_TYPE.encode()
    done = json.loads(bridge.handle({"document": "doc_json", "markdown": markdown, "organisation": ORG}, "fr"))
    assert done["doc"]["blocks"][1]["runs"][1] == {"text": "vet", "bold": True, "italic": False, "link": ""}
    assert done["doc"]["lang"] == "fr"
    refused = json.loads(bridge.handle({"document": "odt", "markdown": 3}, "nl"))
    assert refused["status"] == "refused"


def test_the_notice_markdown_says_what_its_html_says():
    record = visitor_record()
    html = notice.to_html(record, "fr", DATE)
    text = blocks.from_markdown(notice.to_markdown(record, "fr", DATE), lang="fr")
    words = " ".join(blocks.plain(b.runs) if hasattr(b, "runs") else " ".join(blocks.plain(i.runs) for i in b.items)
                     for b in text.blocks)
    shown = re.sub(r"<[^>]+>", "", html).replace("&#x27;", "'").split()
    assert words.split() == shown


def test_the_served_docx_module_brings_its_dependencies_with_it():
    """The page imports one file of the npm docx package: it must import no other module (fflate and
    nanoid are bundled in it), or the browser would ask for files this site does not serve."""
    from hub.npm_assets import file_path, pinned

    assert pinned()["docx"].target == "assets/docx" and pinned()["docx"].files == ("dist/index.mjs",)
    source = file_path("docx", "dist/index.mjs").read_text(encoding="utf-8")
    code = [line for line in source.splitlines() if not line.lstrip().startswith(("*", "//", "/*"))]
    assert not [line for line in code if re.match(r"\s*import\b", line) or re.search(r"\bimport\s*\(|\brequire\s*\(", line)]
    assert re.search(r"^export \{[^}]*\bPacker\b", source, re.M)
