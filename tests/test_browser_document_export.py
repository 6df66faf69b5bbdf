"""Issue 26 §2 in Debian's Chromium: the record page exports the record and a supplier's annexes as
.odt (Python in the page's worker) and .docx (the npm docx package in the page), and LibreOffice reads
the four files back. The export code and its libraries load only when the visitor asks for a file."""
import re
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ORG = "Apotheek De Linde"


def _convert(files, fmt, folder):
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is missing: ./run.sh test installs it (apt-get install libreoffice-writer-nogui)"
    done = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{folder}/lo", "--convert-to", fmt,
                           "--outdir", str(folder / "out"), *map(str, files)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return folder / "out"


def test_record_and_annexes_as_odt_and_docx_read_back_by_libreoffice(hub, context, tmp_path):
    page = context.new_page()
    errors, foreign, loaded = [], [], []
    page.on("console", lambda m: m.type == "error" and not m.text.startswith("Failed to load resource") and errors.append(m.text))
    page.on("response", lambda r: r.status >= 400 and not r.url.endswith("sitemap.xml") and errors.append(f"{r.status} {r.url}"))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: loaded.append(r.url))
    page.on("request", lambda r: r.url.startswith(("http://", "https://")) and not r.url.startswith(hub.origin) and foreign.append(r.url))
    page.on("dialog", lambda d: d.accept())
    page.goto(hub.url + "wizards/record/#sector=pharmacies")
    page.wait_for_selector(".rec[data-state=ready]", timeout=60000)
    page.fill(".rec-org input[name=name]", ORG)
    page.locator(".rec-org input[name=name]").blur()
    assert not [u for u in loaded if re.search(r"assets/docx/|exports\.js|docx-export\.js|assets/spreadsheet/", u)]

    saved = {}

    def save(action, name):
        with page.expect_download(timeout=180000) as download:
            page.click(f"[data-action={action}]")
        saved[name] = tmp_path / name
        download.value.save_as(saved[name])
        return download.value.suggested_filename

    # The file names are in the page's language, like the Markdown downloads.
    assert save("export-odt", "record.odt").startswith("verwerkingsregister-apotheek-de-linde-")
    assert save("export-docx", "record.docx").endswith(".docx")
    page.locator(".rec-supplier summary").first.click()
    page.locator("[data-action=annexes]").first.click()
    page.wait_for_selector(".rec-doc .doc-annexes .doc-signature")  # the preview shows the signature boxes too
    save("annexes-odt", "annexes.odt")
    save("annexes-docx", "annexes.docx")
    assert any("assets/docx/index.mjs" in u for u in loaded) and any("assets/spreadsheet/" in u for u in loaded)
    assert not errors and not foreign, (errors, foreign)

    out = _convert(saved.values(), "txt:Text (encoded):UTF8", tmp_path)
    text = {name: (out / Path(name).with_suffix(".txt").name).read_text(encoding="utf-8-sig") for name in saved}
    for kind in ("odt", "docx"):
        record, annex = text[f"record.{kind}"].splitlines(), text[f"annexes.{kind}"].splitlines()
        assert "Register van verwerkingsactiviteiten" in record and "Verwerkingen" in record
        assert any(ORG in line for line in record), kind  # the visitor's own entry
        assert "Bijlage I: Lijst van partijen" in annex and "Bijlage IV: Lijst van subverwerkers" in annex
        # The signature boxes are tables: their cells come out a line each.
        assert annex.count("Handtekening") == 2 and annex.count("Functie") == 2, kind
    docx = _convert([saved["annexes.docx"]], "html", tmp_path / "html")
    html = (docx / "annexes.html").read_text(encoding="utf-8")
    footer = " ".join(re.sub(r"<[^>]+>", "", html[html.index('<div title="footer">'):]).split())
    assert re.fullmatch(rf"{ORG} · Pagina \d+ / \d+", footer)


def test_reply_letter_of_the_requests_wizard_as_odt_and_docx(hub, context, tmp_path):
    """A wizard's result offers its letter as .odt and .docx beside the .txt; the organisation comes from
    the answers and the sender signs in a box."""
    page = context.new_page()
    errors, loaded = [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and not m.text.startswith("Failed to load resource") and errors.append(m.text))
    page.on("request", lambda r: loaded.append(r.url))
    page.goto(hub.url + "wizards/requests/#asks=access&excessive=no&others_data=no&received_on=2026-11-20"
              "&person_language=nl&org_name=Bakkerij%20Zonnebloem&org_contact=info%40zonnebloem.example")
    page.wait_for_selector(".wz-result", timeout=60000)
    assert not [u for u in loaded if re.search(r"assets/docx/|exports\.js|assets/spreadsheet/", u)]
    saved = {}
    for kind in ("odt", "docx"):
        with page.expect_download(timeout=180000) as download:
            page.click(f".wz-result button[data-action=export-file][data-file='0'][data-kind={kind}]")
        assert re.fullmatch(rf"reply-nl-\d{{4}}-\d\d-\d\d\.{kind}", download.value.suggested_filename)
        saved[kind] = tmp_path / f"letter-{kind}.{kind}"  # two names: LibreOffice writes letter-odt.txt, letter-docx.txt
        download.value.save_as(saved[kind])
    assert any("assets/docx/index.mjs" in u for u in loaded) and not errors, errors
    out = _convert(saved.values(), "txt:Text (encoded):UTF8", tmp_path)
    for kind in saved:
        lines = (out / f"letter-{kind}.txt").read_text(encoding="utf-8-sig").splitlines()
        assert lines[0] == "Bakkerij Zonnebloem" and "info@zonnebloem.example" in lines, kind
        assert "Handtekening" in lines and "Functie" in lines, kind  # the sender's signature box


def test_docx_picture_is_the_svg_with_a_png_drawn_by_the_browser(hub, context):
    """Word 2016 and later show the SVG; older Word and other programs the PNG the page drew from it."""
    import io
    import zipfile

    page = context.new_page()
    page.goto(hub.url + "wizards/record/")
    page.wait_for_selector(".rec[data-state=ready]", timeout=60000)
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150" viewBox="0 0 300 150"><title>Kaart</title>'
           '<rect width="300" height="150" fill="#cc0000"/></svg>')
    doc = {"title": "Kaart", "lang": "nl", "organisation": ORG, "blocks": [
        {"type": "heading", "level": 1, "runs": [{"text": "Kaart", "bold": False, "italic": False, "link": ""}]},
        {"type": "image", "name": "risk-map-before.svg", "svg": svg, "alt": "De risicokaart"}]}
    module = page.get_attribute("script[src$='record.js']", "src").replace("record.js", "docx-export.js")
    data = page.evaluate("""async ([module, doc]) => {
        const { toDocx } = await import(new URL(module, location.href).href);
        return Array.from(await toDocx(doc)); }""", [module, doc])
    package = zipfile.ZipFile(io.BytesIO(bytes(data)))
    media = {n.rsplit(".", 1)[-1]: package.read(n) for n in package.namelist() if n.startswith("word/media/")}
    assert media["svg"].decode("utf-8") == svg
    assert media["png"][:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(media["png"][16:20], "big") == 600  # drawn at twice the size
    body = package.read("word/document.xml").decode("utf-8")
    assert "svgBlip" in body and 'descr="De risicokaart"' in body
