"""Guide and sector pages: one check per legal point fixed for issue 10 ("pages and sector data"), in all
three languages, each naming its source. A page that falls back to the old, wrong or dated text fails here.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from hub.sectors import load_all
from wizards.registry import WIZARDS

ROOT = Path(__file__).resolve().parent.parent


def page(path: str, lang: str) -> str:
    folder = ROOT / "docs" / lang if path.startswith("guide/") else ROOT / "sectors"
    rel = path if path.startswith("guide/") else path.replace("{lang}", lang)
    return (folder / rel).read_text(encoding="utf-8")


# (page, {lang: texts that must be there}, {lang: texts that must be gone}, source)
POINTS = [
    ("guide/transfers.md",
     {"nl": ["Brazilië", "2026/179", "Europese Octrooiorganisatie", "C-703/25 P"],
      "fr": ["Brésil", "2026/179", "Organisation européenne des brevets", "C-703/25 P"],
      "en": ["Brazil", "2026/179", "European Patent Organisation", "C-703/25 P"]},
     {"nl": ["Volgens berichten", "zou op"], "fr": ["Selon des informations", "aurait été"], "en": ["According to reports", "reportedly"]},
     "Implementing Decision (EU) 2026/179 of 26 January 2026 (EUR-Lex title, via europalov.no); OJ C/2025/6610: "
     "Case C-703/25 P, appeal lodged 31 October 2025; EPO decision of 15 July 2025 (Agence Europe, 15-07-2025)"),
    ("guide/cameras.md",
     {"nl": ["cao nr. 68, niet de camerawet", "28 mei 2018"], "fr": ["CCT n° 68 qui s'applique, pas la loi caméras", "28 mai 2018", "declarationcamera.be"],
      "en": ["agreement No. 68 applies, not the Camera Act", "28 May 2018", "declarationcamera.be"]},
     {"fr": ["aangiftecamera.be"]},
     "GBA page 'Camerabewaking op de werkplek' (both apply only when both purposes are present); KB 28 May 2018 amending KB 10 February 2008"),
    ("guide/direct-marketing.md",
     {"nl": ["Bel-me-niet-meer", "VI.111", "01/2020"], "fr": ["Ne m'appelez plus", "VI.111", "01/2020"], "en": ["Do-Not-Call", "VI.111", "01/2020"]},
     {}, "Art. VI.111-VI.114 WER (pro.bel-me-niet-meer.be, 'juridisch kader'); GBA recommendation 01/2020 on direct marketing"),
    ("guide/event-photos.md",
     {"nl": ["13 jaar", "art. 7 WVG", "onderscheidingsvermogen"], "fr": ["13 ans", "art. 7 LPD", "discernement"], "en": ["chose 13", "Art. 7 of the Belgian", "discernment"]},
     {"nl": ["overweging 43"], "fr": ["considérant 43"], "en": ["Recital 43"]},
     "Art. 7 WVG (age 13, information society services); GBA pages on the right to one's image; EDPB Guidelines 05/2020 §3.1.1"),
    ("guide/legal-bases.md",
     {"nl": ["art. 10 WVG", "05/2020"], "fr": ["art. 10 LPD", "05/2020"], "en": ["Art. 10 of the Act of 30 July 2018", "05/2020"]},
     {"nl": ["overweging 43"], "fr": ["considérant 43"], "en": ["Recital 43"]},
     "Art. 10 GDPR and Art. 10 WVG; EDPB Guidelines 05/2020 on consent §3.1.1 and WP249 for staff consent"),
    ("guide/staff-monitoring.md", {"nl": ["05/2020"], "fr": ["05/2020"], "en": ["05/2020"]},
     {"nl": ["overweging 43"], "fr": ["considérant 43"], "en": ["Recital 43"]}, "EDPB Guidelines 05/2020 §3.1.1; WP249"),
    ("guide/principles.md",
     {"nl": ["rijksregisternummer", "06/2019", "19 februari 2020"], "fr": ["registre national", "06/2019", "19 février 2020"],
      "en": ["national register number", "06/2019", "19 February 2020"]},
     {}, "GBA Litigation Chamber 06/2019 of 17-09-2019; Markets Court 19-02-2020 (timelex.eu, ifori.be); Act of 8 August 1983"),
    ("guide/rights.md", {"nl": ["eerstelijnsdienst", "bemiddeling", "Geschillenkamer"], "fr": ["première ligne", "médiation", "chambre contentieuse"],
                         "en": ["first-line service", "mediation", "Litigation Chamber"]},
     {}, "Art. 77 GDPR; Act of 3 December 2017 establishing the GBA"),
    # Issue 22: the sample answer to a refusal names the court route beside the complaint (Art. 12(4) GDPR).
    ("guide/rights.md",
     {"nl": ["(https://www.gegevensbeschermingsautoriteit.be)) of naar de rechter stappen."],
      "fr": ["(https://www.autoriteprotectiondonnees.be)) ou saisir un juge."],
      "en": ["(https://www.dataprotectionauthority.be)) or go to court."]},
     {}, "Art. 12(4) GDPR: the reasons for not acting, the possibility of a complaint and of a judicial remedy"),
    ("pharmacies/pages/{lang}/questions.md",
     {"nl": ["klacht kan indienen bij de GBA of naar de rechter kan stappen (art. 12, lid 4 AVG)"],
      "fr": ["plainte auprès de l'APD ou saisir un juge (art. 12, § 4 RGPD)"],
      "en": ["complain to the Belgian DPA or go to court (Art. 12(4) GDPR)"]},
     {}, "Art. 12(4) GDPR: the reasons for not acting, the possibility of a complaint and of a judicial remedy"),
    ("pharmacies/pages/{lang}/questions.md",
     {"nl": ["8 april 2026", "numac 2009018031"], "fr": ["8 avril 2026", "numac 2009018031"], "en": ["8 April 2026", "numac 2009018031"]},
     {"nl": ["Controleer de nummering"], "fr": ["Vérifiez la numérotation"], "en": ["Check the numbering"]},
     "FPS Justice page 'hervorming Strafwetboek' (published 8 April 2024, in force 8 April 2026); wetwijzer.be table of contents of KB 21-01-2009"),
    ("socio-cultural/pages/{lang}/questions.md",
     {"nl": ["Unisoc", "Eén voorwaarde volstaat", "art. 5 WVG"], "fr": ["Unisoc", "Une seule condition suffit", "art. 5 LPD"],
      "en": ["Unisoc", "One condition is enough", "Art. 5 of the Act"]},
     {"nl": ["voor de meeste vzw's niet verplicht"], "fr": ["pas obligatoire pour la plupart des ASBL"], "en": ["not required for most non-profits"]},
     "Art. 5 WVG (public-procurement test, one of three conditions), GBA and Unisoc positions (issue 10 point 4; secondary)"),
    ("insurance-intermediaries/pages/{lang}/questions.md", {"nl": ["art. 128 WEC"], "fr": ["art. 128 LCE"], "en": ["Art. 128"]}, {},
     "Art. 124 and 128 Electronic Communications Act (exceptions to the recording ban)"),
]


@pytest.mark.parametrize("lang", ("nl", "fr", "en"))
@pytest.mark.parametrize("path, present, absent, source", POINTS, ids=[p[0] for p in POINTS])
def test_page_states_the_fixed_point(path, present, absent, source, lang):
    text = page(path, lang)
    for words in present.get(lang, []):
        assert words in text, f"{path} ({lang}) lacks {words!r}; source: {source}"
    for words in absent.get(lang, []):
        assert words not in text, f"{path} ({lang}) still says {words!r}; source: {source}"


def test_accountant_depends_on_the_task_in_every_sector():
    """Guide 'processors' and wizards/rules/suppliers_catalogue.toml: processor for bookkeeping on instructions,
    controller for its own legal duties (AML Act of 18 September 2017)."""
    for sector in load_all():
        roles = {s["supplier"]["en"]: s["role"] for s in sector.data["suppliers"]}
        for name, role in roles.items():
            if "ccountant" in name:
                assert role == "depends", (sector.id, name, role)


def test_staff_administration_has_the_same_basis_in_every_sector():
    """Guide 'legal bases': pay and the employment contract rest on the contract (Art. 6(1)(b)); the returns to
    social security and tax are a legal obligation (Art. 6(1)(c)), named in the purpose."""
    bases = {}
    for sector in load_all():
        for row in sector.data["register"]:
            if "staff" in row["activity"]["en"].lower() and "candidate" not in row["activity"]["en"].lower():
                bases[(sector.id, row["activity"]["en"])] = row["legal_basis"]
                assert "legal obligation" in row["purpose"]["en"].lower(), (sector.id, row["purpose"]["en"])
    assert len(bases) >= 4 and set(bases.values()) == {"contract"}, bases


def test_no_register_row_claims_legitimate_interest_where_it_needs_consent():
    """Art. XII.13 WER: e-mail advertising to people who are not yet customers needs prior consent."""
    for sector in load_all():
        for row in sector.data["register"]:
            if row["legal_basis"] == "legitimate_interests":
                assert "consent" not in row["data_subjects"]["en"].lower(), (sector.id, row["activity"]["en"])


# --- issue 11, item 7: texts that were not true ---------------------------------------------------------

def render_wizard_links(sector, lang):
    from hub.markers import PageContext, render_sector

    ctx = PageContext(lang=lang, root="../../", lang_root="../../", where="test", sector=sector, wheel="w.whl")
    return render_sector("wizards", ctx)


@pytest.mark.parametrize("lang", ("nl", "fr", "en"))
def test_wizard_links_promise_answers_only_where_they_carry_them(lang):
    from hub.markers import SECTOR_TEXT

    words = SECTOR_TEXT[lang]
    for sector in load_all():
        html = render_wizard_links(sector, lang)
        links = html.count("<li>")
        filled = html.count(f"({words['prefilled']})")
        assert filled == html.count('/#'), (sector.id, html)
        assert (words["wizards"] in html) == (filled > 0), (sector.id, html)
        assert links == len(WIZARDS)  # every wizard, the two for bad days included
        index = page(f"{sector.id}/pages/{{lang}}/index.md", lang)
        if filled == 0:
            for claim in ("al ingevuld", "déjà remplis", "already filled in"):
                assert claim not in index, (sector.id, lang, claim)


@pytest.mark.parametrize("lang", ("nl", "fr", "en"))
def test_pages_announce_only_the_positions_they_show(lang):
    # [[sector positions]] shows the positions of the first federation only, under its short name.
    for sector in load_all():
        index = page(f"{sector.id}/pages/{{lang}}/index.md", lang)
        for claim in ("Hun standpunten", "Leurs positions", "Their positions", "van de federaties", "des fédérations", "federations' positions"):
            assert claim not in index, (sector.id, lang, claim)
    hub_intro = {"nl": "Deze editie komt van", "fr": "Cette édition est publiée par", "en": "This edition is published by"}[lang]
    assert hub_intro not in page("socio-cultural/pages/{lang}/index.md", lang)


def test_help_page_points_to_the_review_date_where_it_is_and_the_sector_index_cites_no_file_path():
    assert "bovenaan" not in page("guide/help.md", "nl") and "onderaan" in page("guide/help.md", "nl")
    assert "en haut de chaque page" not in page("guide/help.md", "fr")
    assert "at the top of a page" not in page("guide/help.md", "en")
    from hub.mkdocs_hooks import SECTOR_INDEX

    assert not any("sector.yml" in part for parts in SECTOR_INDEX.values() for part in parts)


# --- issue 22, section 2: the breach guide and the pages that speak of breaches --------------------------------

BREACH_POINTS = [
    ("guide/data-breaches.md",
     {"nl": ["zonder onredelijke vertraging", "zonder onredelijke verdere vertraging", "onverwijld"],
      "fr": ["dans les meilleurs délais", "sans autre retard indu"]},
     {"nl": ["onnodige vertraging"], "fr": ["sans retard injustifié"]},
     "Art. 33(1), (2), (4) and 34(1) GDPR in their Dutch and French wording (EUR-Lex, CELEX 32016R0679)"),
    ("guide/data-breaches.md",
     {"nl": ["redelijk zeker", "9/2022"], "fr": ["certitude raisonnable", "9/2022"], "en": ["reasonable certainty", "9/2022"]},
     {"nl": ["Wacht niet op zekerheid"], "fr": ["N'attendez pas d'être sûr"], "en": ["Do not wait for certainty"]},
     "EDPB Guidelines 9/2022 on awareness: a 'reasonable degree of certainty', not a mere suspicion, starts the 72 hours"),
    ("guide/data-breaches.md",
     {"nl": ["Vlaamse Toezichtcommissie (VTC)", "COC", "meldformulier-voor-gegevenslekken"],
      "fr": ["Commission de contrôle flamande (VTC)", "COC", "meldformulier-voor-gegevenslekken"],
      "en": ["Flemish Supervisory Commission (VTC)", "COC", "meldformulier-voor-gegevenslekken"]},
     {"nl": ["in plaats van de GBA"], "fr": ["au lieu de l'APD"], "en": ["instead of the Belgian DPA"]},
     "legal-facts BE-11 (GBA form page, checked) and BE-13 (VTC for Flemish public bodies and free subsidised schools; secondary)"),
    ("guide/data-breaches.md",
     {"nl": ["onrechtmatig", "rekeningnummer", "als er persoonsgegevens"], "fr": ["illicite", "numéro de compte", "si des données personnelles"],
      "en": ["unlawful", "account number", "if personal data"]},
     {"nl": ["altijd een datalek"], "fr": ["toujours une fuite"], "en": ["always a data breach"]},
     "Art. 4(12) GDPR: accidental or unlawful alteration; a breach only when personal data are affected"),
    ("guide/data-breaches.md",
     {"nl": ["62/2022", "BCC"], "fr": ["62/2022", "Cci"], "en": ["62/2022", "BCC"]}, {},
     "legal-facts BE-14 (GBA Litigation Chamber 62/2022 of 29 April 2022; read only in a gdprhub summary)"),
    ("guide/processors.md", {"nl": ["zonder onredelijke vertraging"], "fr": ["dans les meilleurs délais"]},
     {"nl": ["onnodige vertraging"], "fr": ["sans retard injustifié"]}, "Art. 33(2) GDPR, Dutch and French wording"),
    ("tech/pages/{lang}/index.md", {"fr": ["dans les meilleurs délais"]}, {"fr": ["sans retard injustifié"]},
     "Art. 33(2) GDPR, French wording"),
    ("tech/pages/{lang}/questions.md", {"fr": ["dans les meilleurs délais"]}, {"fr": ["sans retard injustifié"]},
     "Art. 33(2) GDPR, French wording"),
]


# Only the languages a point names: a case with nothing to check is left out, not run empty.
BREACH_CASES = [(path, present, absent, source, lang) for path, present, absent, source in BREACH_POINTS
                for lang in ("nl", "fr", "en") if present.get(lang) or absent.get(lang)]


@pytest.mark.parametrize("path, present, absent, source, lang", BREACH_CASES,
                         ids=[f"{c[0]}-{c[4]}-{i}" for i, c in enumerate(BREACH_CASES)])
def test_breach_page_states_the_fixed_point(path, present, absent, source, lang):
    test_page_states_the_fixed_point(path, present, absent, source, lang)


def test_no_breach_page_quotes_onnodige_vertraging_as_the_law():
    """Dutch GDPR: 'zonder onredelijke vertraging' (33(1), (2)), 'onverwijld' (34(1)); every Dutch page on breaches."""
    pages = [ROOT / "docs" / "nl" / "guide" / "data-breaches.md", ROOT / "docs" / "nl" / "guide" / "processors.md"]
    pages += sorted((ROOT / "sectors").glob("*/pages/nl/*.md"))
    assert not [p.name for p in pages if "onnodige vertraging" in p.read_text(encoding="utf-8")]


def test_no_dutch_or_french_text_quotes_a_delay_the_gdpr_does_not_use():
    """Art. 12(3), 33(1), 33(2), 33(4) and 34(1) GDPR in their Dutch and French versions: 'onverwijld' /
    'zonder onredelijke (verdere) vertraging' and 'dans les meilleurs délais' / 'sans retard injustifié'
    only where the French text says so (33(1)). Every page, sector page and wizard text is read."""
    dutch = sorted((ROOT / "docs" / "nl").rglob("*.md")) + sorted((ROOT / "sectors").glob("*/pages/nl/*.md"))
    dutch += sorted((ROOT / "wizards" / "present" / "texts").glob("*.nl.toml")) + [ROOT / "wizards" / "present" / "texts" / "nl.toml"]
    assert not [p.name for p in dutch if "onnodige vertraging" in p.read_text(encoding="utf-8")]
    rights = (ROOT / "docs" / "fr" / "guide" / "rights.md").read_text(encoding="utf-8")
    assert "sans retard injustifié" not in rights and "dans les meilleurs délais" in rights
