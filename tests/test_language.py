"""What a Dutch or French visitor reads is in their language, with one word per concept and, in French,
the spacing French typography asks for (issue 11, items 8 and 9).

Each check is shown to catch the defect the visitors met: the `*_catches_*` tests feed it the old texts.
"""
from __future__ import annotations

import html
import json
import re
import tomllib
from pathlib import Path

import pytest

from hub.markers import SECTOR_TEXT, register_rows
from hub.sectors import load_sector, sector_folders
from wizards.present.texts import catalogue
from wizards.present.typography import NNBSP, french, french_html

ROOT = Path(__file__).resolve().parent.parent

# --- English words in Dutch and French tables ---------------------------------------------------------

# Words that are English and neither Dutch nor French (not "of", "in", "is", "on", "tools", "code", "cookie",
# "software", "source", "office": those are words of the page's language too).
ENGLISH = frozenset("""
the and for with your you only starting names name similar tracking example embed newsletters
provider providers funding rules check depends shopping basket kept choice language own payroll
keeps records period retention consent staff processor controller agreement by to from which when where
what should must may not needed needs used uses sets decree royal law checked delivers courier hosted
""".split())
# Proper names and technical terms a Dutch or French text uses as they are.
ALLOWED = ("Data Privacy Framework", "Google Analytics", "Google Ads", "Google tag", "Meta Pixel", "LinkedIn Insight Tag",
           "Do Not Call Me", "local storage", "Microsoft Azure", "ASP.NET_SessionId", "Stripe.js", "UserMatchHistory",
           "VISITOR_INFO1_LIVE", "_ga_<container-id>", "eHealthConsent", "self-hosted")


def english_words(text: str) -> list[str]:
    for name in ALLOWED:
        text = text.replace(name, " ")
    return [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text) if w.lower() in ENGLISH]


def test_the_english_check_catches_the_cells_the_visitors_saw():
    # Issue 11, item 8: these were in the Dutch and French tables and CSVs.
    for old in ("Shopping basket cookie (name depends on the shop software)", "Hotjar cookies (names starting with _hj)",
                "Subsidieregels/règles de subvention/funding rules; Art. 5(1)(e) AVG/RGPD/GDPR",
                "Art. 25 KB 8 augustus 1980 / AR 8 août 1980 (controleer / à vérifier / check)"):
        assert english_words(old), old
    assert not english_words("Cookie voor het winkelmandje (naam hangt af van de webshopsoftware)")
    assert not english_words("Cookie du panier (le nom dépend du logiciel de la boutique)")


def sector_tables(folder: Path, lang: str) -> list[str]:
    """Every cell of the register (also the CSV), supplier and retention tables of one sector page."""
    sector = load_sector(folder)
    cells = [cell for row in register_rows(sector, lang) for cell in row]
    words = SECTOR_TEXT[lang]
    for supplier in sector.data["suppliers"]:
        cells += [supplier["supplier"][lang], words["roles"][supplier["role"]], supplier["why"][lang]]
    for period in sector.data["retention"]:
        cells += [period["record"][lang], period["period"][lang], period["source"][lang]]
    return cells


@pytest.mark.parametrize("lang", ("nl", "fr"))
@pytest.mark.parametrize("folder", sector_folders(include_template=True), ids=lambda p: p.name)
def test_no_english_in_dutch_and_french_sector_tables(folder, lang):
    found = {cell: english_words(cell) for cell in sector_tables(folder, lang) if english_words(cell)}
    assert not found, f"{folder.name} ({lang}): English in {found}"


def catalogue_texts(lang: str) -> list[str]:
    texts = []
    for file, table, fields in (("cookies_catalogue.toml", "cookie", ("name", "provider", "purpose", "reason")),
                                ("suppliers_catalogue.toml", "supplier", ("name", "reason"))):
        for entry in tomllib.loads((ROOT / "wizards" / "rules" / file).read_text(encoding="utf-8"))[table]:
            for item in [entry] + entry.get("variant", []):
                for field in fields:
                    value = item.get(field)
                    # Every visible field is per language: a plain string would show the same words on every page.
                    if value is not None:
                        assert isinstance(value, dict), f"{file}: {item['id']}.{field} is not per language"
                        texts.append(value[lang])
    return texts


@pytest.mark.parametrize("lang", ("nl", "fr"))
def test_no_english_in_dutch_and_french_catalogues(lang):
    found = {text[:60]: english_words(text) for text in catalogue_texts(lang) if english_words(text)}
    assert not found, f"{lang}: English in {found}"


# --- French typography ----------------------------------------------------------------------------------

SIGN_AFTER_SPACE = re.compile(r"[ \u00a0][:;?!»]|«[ \u00a0]")
SIGN_WITHOUT_SPACE = re.compile(r"[^\W_][?!;]")


def spacing_faults(text: str) -> list[str]:
    faults = [text[max(m.start() - 20, 0):m.end() + 5] for m in SIGN_AFTER_SPACE.finditer(text)]
    return faults + [text[max(m.start() - 20, 0):m.end() + 5] for m in SIGN_WITHOUT_SPACE.finditer(text)]


def test_the_spacing_check_catches_the_question_the_visitor_saw():
    assert spacing_faults("Dois-je désigner un DPD ?")
    assert spacing_faults("Résultat : Pas obligatoire")
    assert spacing_faults("Dois-je désigner un DPD?")
    assert not spacing_faults(french("Dois-je désigner un DPD ? Résultat : « oui » !"))


def test_french_spacing_leaves_addresses_times_and_other_languages_alone():
    assert french("https://example.be/page?x=1 à 12:15") == "https://example.be/page?x=1 à 12:15"
    assert french("Vraag: wat nu?") == f"Vraag{NNBSP}: wat nu{NNBSP}?"  # the filter itself does not know the language
    html = '<p title="Oui ?">Oui ?</p><script>a ? b : c</script><code>x ?</code><pre class="mermaid">A : B</pre>'
    assert french_html(html) == f'<p title="Oui ?">Oui{NNBSP}?</p><script>a ? b : c</script><code>x ?</code><pre class="mermaid">A : B</pre>'


def test_french_wizard_texts_keep_signs_with_their_word():
    faults = {key: spacing_faults(text) for key, text in catalogue("fr").items() if spacing_faults(text)}
    assert not faults, faults


def test_dutch_and_english_wizard_texts_get_no_french_spacing():
    for lang in ("nl", "en"):
        assert not [key for key, text in catalogue(lang).items() if NNBSP in text], lang


def visible_text(page: str) -> str:
    page = re.sub(r"<(script|style|code|pre|svg|textarea)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<!--.*?-->|<[^>]+>", "", page, flags=re.S)
    return html.unescape(page)


def test_built_french_pages_keep_signs_with_their_word(hub):
    pages = sorted((hub.folder / "fr").rglob("index.html"))
    assert len(pages) > 30
    faults = {}
    for page in pages:
        found = spacing_faults(visible_text(page.read_text(encoding="utf-8")))
        if found:
            faults[page.relative_to(hub.folder).as_posix()] = found[:3]
    assert not faults, faults
    dutch = (hub.folder / "wizards" / "dpo" / "index.html").read_text(encoding="utf-8")
    assert NNBSP not in visible_text(dutch)


# --- one term per concept -------------------------------------------------------------------------------

# Per language: a term that must not appear, and the few places where it may (its introduction as an alias).
OTHER_TERMS = {
    "fr": {r"\bAVG\b": None, r"\bGDPR\b": None, r"\bDPO\b": r"en anglais DPO", r"\bDPIA\b": r"en anglais DPIA", r"\bGBA\b": r"Gegevensbeschermingsautoriteit \(GBA\)|GBA/APD"},
    "nl": {r"\bRGPD\b": None, r"\bGDPR\b": None, r"\bDPD\b": None, r"\bAIPD\b": None, r"\bFG\b": None,
           r"\bGEB\b": r"gegevensbeschermingseffectbeoordeling, GEB", r"\bAPD\b": r"données \(APD\)|GBA/APD"},
    "en": {r"\bAVG\b": None, r"\bRGPD\b": None, r"\bDPD\b": None, r"\bAIPD\b": None, r"\bGBA\b(?!/APD)": r"Gegevensbeschermingsautoriteit \(GBA\)",
           r"(?<!GBA/)\bAPD\b": r"données \(APD\)"},
}


def texts_in(lang: str) -> dict[str, str]:
    """Every text a visitor of `lang` reads that this project writes: pages, sector data, wizard texts, catalogues."""
    texts = {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in (ROOT / "docs" / lang).rglob("*.md")}
    for folder in sector_folders(include_template=True):
        for page in (folder / "pages" / lang).glob("*.md"):
            texts[page.relative_to(ROOT).as_posix()] = page.read_text(encoding="utf-8")
        texts[f"{folder.name}/sector.yml ({lang})"] = "\n".join(sector_tables(folder, lang))
    texts[f"wizard texts ({lang})"] = "\n".join(catalogue(lang).values())
    texts[f"catalogues ({lang})"] = "\n".join(catalogue_texts(lang))
    return texts


def term_faults(text: str, lang: str) -> list[str]:
    faults = []
    for term, alias in OTHER_TERMS[lang].items():
        cleaned = re.sub(alias, " ", text) if alias else text
        faults += [cleaned[max(m.start() - 30, 0):m.end() + 10] for m in re.finditer(term, cleaned)]
    return faults


def test_the_term_check_catches_the_help_page_the_visitor_saw():
    # Issue 11, item 9: the French help page said DPO and DPIA where the wizards say DPD and AIPD.
    assert term_faults("Utilisez les assistants pour le DPO et la DPIA.", "fr")
    assert not term_faults("Le délégué à la protection des données (DPD, en anglais DPO).", "fr")
    assert term_faults("The GBA names the basket as strictly necessary.", "en")


@pytest.mark.parametrize("lang", ("nl", "fr", "en"))
def test_one_term_per_concept(lang):
    faults = {where: term_faults(text, lang) for where, text in texts_in(lang).items() if term_faults(text, lang)}
    assert not faults, faults


def test_a_single_language_source_is_refused_with_file_line_and_field(tmp_path):
    # The schema now asks for the source in nl, fr and en; the old one-string form must say where it is.
    import shutil

    from hub.schema import SchemaError

    folder = tmp_path / "newsector"
    shutil.copytree(ROOT / "sectors" / "_template", folder)
    file = folder / "sector.yml"
    text = file.read_text(encoding="utf-8").replace("id: template", "id: newsector")
    old = ('    retention_source:\n      nl: "Art. 60 WBTW; Art. 315 WIB 92"\n      fr: "Art. 60 Code TVA ; Art. 315 CIR 92"\n'
           '      en: "Art. 60 VAT Code; Art. 315 Income Tax Code 1992"\n')
    assert old in text
    text = text.replace(old, '    retention_source: "Art. 60 WBTW/Code TVA"\n')
    file.write_text(text, encoding="utf-8")
    line = text[: text.index('retention_source: "')].count("\n") + 1
    with pytest.raises(SchemaError) as error:
        load_sector(folder)
    assert error.value.path == "register[1].retention_source", str(error.value)
    assert error.value.line == line and "nl, fr and en" in str(error.value), str(error.value)


FRENCH_WORDS = re.compile(r"\b(les|des|doivent|elles|désigner|toutes|du|une|pour|sur)\b", re.I)


def test_dutch_sources_are_named_in_dutch():
    """A Dutch reader of a verdict's sources gets Dutch words; a source written in French says so in Dutch
    instead of quoting its French title (the DPO wizard cited Unisoc's article by its French title)."""
    labels = {}
    for path in sorted((ROOT / "wizards" / "present").glob("citations*.toml")):
        for key, entry in tomllib.loads(path.read_text(encoding="utf-8")).items():
            labels[f"{path.name}:{key}"] = entry["nl"]
    assert labels
    faults = {where: FRENCH_WORDS.findall(label) for where, label in labels.items() if FRENCH_WORDS.search(label)}
    assert not faults, faults


# A colon after a word or a bracket, then a space: French wants a narrow no-break space before it
# ("(modifié): Identité", "Suivant: Assistants"). Times (12:15) and addresses (https://) are left alone.
BARE_COLON = re.compile(r"[^\s\u202f\u00a0\d/]:(?=\s|$)")
SPOKEN = re.compile(r'\s(?:aria-label|title|alt|placeholder|data-label)="([^"]*)"')
JSON_SCRIPT = re.compile(r'<script[^>]*type="application/json"[^>]*>(.*?)</script>', re.S)


def strings_in(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_in(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings_in(v)]
    return [value] if isinstance(value, str) else []


def french_colon_faults(page: str) -> list[str]:
    """Colons without their space in what a French page shows, what a screen reader reads, and the texts
    its scripts show later (the JSON in the page)."""
    texts = [visible_text(page)] + [html.unescape(v) for v in SPOKEN.findall(page)]
    for block in JSON_SCRIPT.findall(page):
        texts += strings_in(json.loads(block))
    return [text[max(m.start() - 20, 0):m.end() + 12] for text in texts for m in BARE_COLON.finditer(text)]


def test_the_colon_check_catches_what_the_visitors_saw():
    assert french_colon_faults('<p>(modifié): Identité</p>')
    assert french_colon_faults('<a aria-label="Suivant: Assistants">x</a>')
    assert french_colon_faults('<script type="application/json">{"a": ["Refusé: non"]}</script>')
    assert not french_colon_faults(french_html('<p>(modifié) : Identité à 12:15, https://apd.be</p>'))


def test_built_french_pages_put_their_space_before_every_colon(hub):
    pages = sorted((hub.folder / "fr").rglob("index.html"))
    assert len(pages) > 30
    faults = {p.relative_to(hub.folder).as_posix(): f[:3] for p in pages
              if (f := french_colon_faults(p.read_text(encoding="utf-8")))}
    assert not faults, faults


def test_scripts_join_a_label_and_its_text_with_the_page_languages_colon():
    # A script that writes label + ": " + text gives French visitors "Refusé: ..." (texts.colon has the space).
    for script in sorted((ROOT / "hub" / "static").glob("*.js")):
        joins = re.findall(r'.{30}\+\s*": "\s*\+.{10}', script.read_text(encoding="utf-8"))
        assert not joins, (script.name, joins)
