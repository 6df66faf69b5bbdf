"""What the theme around the pages says (issue 23): the home page's title, the theme switch in the page's
language, French spacing in what a screen reader reads, and a search index without the flowcharts' source."""
import html
import json
import re

import pytest

SITE_NAMES = {"": "AVG-gids voor kmo's en vzw's", "fr/": "Guide RGPD pour PME et ASBL",
              "en/": "GDPR guide for small businesses and non-profits"}


def read(hub, path: str) -> str:
    return (hub.folder / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", list(SITE_NAMES))
def test_the_home_page_title_says_the_site_name_once(hub, lang):
    title = html.unescape(re.search(r"<title>(.*?)</title>", read(hub, lang)).group(1))
    assert title == SITE_NAMES[lang]
    assert html.unescape(re.search(r"<title>(.*?)</title>", read(hub, lang + "guide")).group(1)).endswith(
        " - " + SITE_NAMES[lang]), "other pages keep the site name after their own title"


@pytest.mark.parametrize("lang, dark, light, foreign", [
    ("", "Donker thema", "Licht thema", "Thème"),
    ("fr/", "Thème sombre", "Thème clair", "thema"),
    ("en/", "Dark theme", "Light theme", "thema"),
])
def test_the_theme_switch_speaks_the_page_language(hub, lang, dark, light, foreign):
    for path in (lang, lang + "guide/cameras"):
        page = read(hub, path)
        for name in (dark, light):
            assert f'title="{name}"' in page and f'aria-label="{name}"' in page, (path, name)
        switch = page.split('class="md-header__option"', 1)[1].split("</form>", 1)[0]
        assert foreign not in switch, path


@pytest.mark.parametrize("lang, words", [("", "Vaste link naar dit deel"), ("fr/", "Lien permanent vers cette partie"),
                                         ("en/", "Permanent link")])
def test_heading_anchors_are_named_in_the_page_language(hub, lang, words):
    page = read(hub, lang + "guide/cameras")
    assert f'title="{words}"' in page and (lang == "en/" or "Permanent link" not in page)


def test_french_labels_for_screen_readers_have_french_spacing(hub):
    unspaced = re.compile(r'\s(?:aria-label|title)="([^"]*[^\s\u202f\u00a0]:\s[^"]*)"')
    found = []
    for page in sorted((hub.folder / "fr").rglob("index.html")):
        found += [(page.relative_to(hub.folder).as_posix(), m) for m in unspaced.findall(page.read_text(encoding="utf-8"))]
    assert not found, found[:5]
    footer = read(hub, "fr/guide")
    assert 'aria-label="Suivant\u202f: ' in footer


def test_search_finds_no_flowchart_source(hub):
    for lang in ("nl", "fr", "en"):
        index = json.loads((hub.folder / "search" / f"search_index.{lang}.json").read_text(encoding="utf-8"))
        leaks = [doc["location"] for doc in index["docs"] if "flowchart TD" in doc["text"] or "-->" in doc["text"]]
        assert not leaks, (lang, leaks[:5])


@pytest.mark.browser
@pytest.mark.parametrize("lang, word", [("", "camera"), ("fr/", "caméra"), ("en/", "camera")])
def test_search_ranks_the_cameras_page_first(hub, browser, lang, word):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block")
    page = context.new_page()
    page.goto(hub.url + lang + "guide/security/")
    page.click("[data-md-component=search-query]")
    page.keyboard.type(word)
    page.wait_for_selector(".md-search-result__item", timeout=20000)
    first = page.locator(".md-search-result__item a").first.get_attribute("href")
    context.close()
    assert first.split("?")[0].rstrip("/").endswith("guide/cameras"), first
