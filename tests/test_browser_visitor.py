"""The site as a visitor meets it (issue 11): links that work, a console without errors, hidden things
hidden, no sideways scrolling on a phone, tables that read at 360 and 1280 px, search in the page's
language, a language switch that keeps a wizard's answers, and screenshots for a reviewer to look at.

Most checks share one crawl of every page at 360 px wide (the `crawl` fixture), so the file stays fast.
"""
from __future__ import annotations

import html.parser
import json
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "site" / "screenshots"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
PREFIX = {"nl": "", "fr": "fr/", "en": "en/"}


# ---------------------------------------------------------------------------------------------------------
# Links and downloads, from the built files (no browser needed)

class _Page(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.refs.append(value)
            if name in ("id", "name") and value:
                self.ids.add(value)


def broken_links(site: Path) -> list[str]:
    """Every own href and src of every page resolves to a file, and every #fragment to an element of the
    target page. Fragments holding wizard answers (#question=answer) are read by the wizard, not scrolled to."""
    pages: dict[str, _Page] = {}
    for file in site.rglob("*.html"):
        parser = _Page()
        parser.feed(file.read_text(encoding="utf-8", errors="ignore"))
        pages[file.relative_to(site).as_posix()] = parser
    broken = []
    for rel, parser in sorted(pages.items()):
        for ref in parser.refs:
            if ref.startswith(("mailto:", "tel:", "javascript:", "data:")) or ref == "#":
                continue
            url = urlsplit(urljoin("http://site/" + rel, ref))
            if url.netloc != "site":
                continue
            path = unquote(url.path).lstrip("/")
            target = site / path
            if target.is_dir() or path == "":
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{rel}: {ref} (no file {target.relative_to(site)})")
                continue
            if url.fragment and "=" not in url.fragment and target.suffix == ".html":
                ids = pages[target.relative_to(site).as_posix()].ids
                if unquote(url.fragment) not in ids:
                    broken.append(f"{rel}: {ref} (no element #{url.fragment})")
    return broken


def test_every_link_download_and_fragment_of_the_hub_resolves(hub):
    """Catches the sample-register CSV link that pointed into .../register/ (issue 11, item 1)."""
    problems = broken_links(hub.folder)
    assert not problems, f"{len(problems)} broken links, e.g.:\n" + "\n".join(problems[:20])
    csvs = list(hub.folder.glob("**/sectors/*/register.csv"))
    assert len(csvs) >= 15, "every sector in every language offers its sample register"


def test_every_link_download_and_fragment_of_an_edition_resolves():
    """An edition puts its sector first and drops the others: its links must still all resolve."""
    from hub.__main__ import build

    problems = broken_links(build("pharmacies", quiet=True))
    assert not problems, f"{len(problems)} broken links, e.g.:\n" + "\n".join(problems[:20])


# ---------------------------------------------------------------------------------------------------------
# One crawl of every page at phone width

CHECK_PAGE = """() => {
  const visible = (e) => e.checkVisibility({visibilityProperty: true, opacityProperty: true});
  const name = (e) => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '');
  // Computed style, not the attribute: a site rule such as .wz-tools {display: flex} beats [hidden].
  const hiddenShown = [...document.querySelectorAll('[hidden]')].filter(visible).map(name);
  const mustHide = [...document.querySelectorAll('.wz-tools[hidden], .wz-mermaid-src')]
    .filter((e) => getComputedStyle(e).display !== 'none').map(name);
  const wide = [...document.querySelectorAll('.md-content *')]
    .filter((e) => e.getBoundingClientRect().right > innerWidth + 1 && visible(e)
                   && !e.closest('.md-typeset__scrollwrap:not(.hub-table), pre, .highlight, .wz-mermaid'))
    .slice(0, 3).map(name);
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth, hidden: hiddenShown.concat(mustHide), wide};
}"""
# One wizard per language is run and its flowchart drawn (about 4 s each on two cores); on the other wizard
# pages the checks run on the page as loaded, which is what a visitor sees before answering.
FULL_WIZARDS = ("wizards/dpo/", "fr/wizards/processor/", "en/wizards/cookies/")


@pytest.fixture(scope="module")
def crawl(hub, browser):
    """Every page at 360 px: console errors, failed requests, [hidden] elements that show, sideways scroll."""
    context = browser.new_context(viewport=PHONE, service_workers="block", locale="nl-BE")
    page = context.new_page()
    found: dict[str, dict] = {}
    current = {"url": ""}

    def note(kind, text):
        found.setdefault(current["url"], {}).setdefault(kind, []).append(text)

    def failed(request):
        # Leaving a page while its wizard still loads aborts the download: the crawl's doing, not the site's.
        if request.failure == "net::ERR_ABORTED":
            return
        note("failed", f"{request.failure} {request.url}")

    page.on("console", lambda m: note("console", m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: note("console", str(e)))
    page.on("response", lambda r: note("failed", f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("requestfailed", failed)
    for url in hub.pages():
        current["url"] = url
        page.goto(url)
        page.wait_for_load_state("load")
        if url in [hub.url + path for path in FULL_WIZARDS]:
            page.wait_for_selector(".wz[data-state=ready], .wz[data-state=failed]", timeout=60000)
            note("state", page.get_attribute(".wz", "data-state"))
            page.click("details.wz-flow > summary")
            page.wait_for_selector(".wz-mermaid svg", timeout=20000)
        page.wait_for_timeout(100)  # Material's own requests (the sitemap) start after load
        note("layout", page.evaluate(CHECK_PAGE))
    context.close()
    return found


def test_no_console_error_and_no_failed_request_on_any_page(crawl):
    """Catches the three 404s for <page>/sitemap.xml on every page (issue 11, item 6)."""
    bad = [f"{url}: {kind}: {text}" for url, seen in crawl.items() for kind in ("console", "failed")
           for text in seen.get(kind, [])]
    assert len(crawl) >= 60
    assert not bad, f"{len(bad)} problems, e.g.:\n" + "\n".join(bad[:15])


def test_hidden_elements_are_not_visible(crawl):
    """Catches the download/print/restart buttons under question 1 and the raw Mermaid source above the
    flowchart (issue 11, item 2): checked on computed style and visibility, not on the attribute."""
    assert sum(1 for url in crawl if "/wizards/" in url and not url.endswith("/wizards/")) >= 15
    assert [seen["state"] for url, seen in crawl.items() if "state" in seen] == [["ready"]] * len(FULL_WIZARDS)
    shown = [f"{url}: {e}" for url, seen in crawl.items() for e in seen["layout"][-1]["hidden"]]
    assert not shown, "\n".join(shown[:20])


def test_no_page_scrolls_sideways_at_360_px(crawl):
    """Catches the 1,169 px wide wizard page (Mermaid source) and tables wider than a phone (items 2, 11).
    The drawn flowchart is wider on purpose (issue 23 #17: readable) and scrolls in its own box."""
    wide = [f"{url}: {seen['layout'][-1]['scrollWidth']} px {seen['layout'][-1]['wide']}" for url, seen in crawl.items()
            if seen["layout"][-1]["scrollWidth"] > seen["layout"][-1]["innerWidth"] or seen["layout"][-1]["wide"]]
    assert not wide, "\n".join(wide[:20])


# ---------------------------------------------------------------------------------------------------------
# Tables and fields

TABLE_CHECK = """() => {
  const canvas = document.createElement('canvas').getContext('2d');
  const out = [];
  for (const wrap of document.querySelectorAll('.md-content .md-typeset__scrollwrap')) {
    if (wrap.scrollWidth > wrap.clientWidth + 1) out.push('scrolls sideways inside: ' + wrap.getAttribute('aria-label'));
    for (const cell of wrap.querySelectorAll('td, th')) {
      const style = getComputedStyle(cell);
      if (style.display === 'none') continue;
      canvas.font = style.font;
      const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      for (const word of cell.innerText.split(/\\s+/)) {
        if (word && canvas.measureText(word).width > room + 1) { out.push('word broken: ' + word); break; }
      }
    }
  }
  return out.slice(0, 5);
}"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
def test_tables_read_without_sideways_scroll_or_broken_words(hub, browser, viewport):
    """Catches the nine-column register showing four columns at 1280 px with its scroll bar far below, and
    the cookie names broken mid-word ("_pk_se|s") on a phone (issue 11, item 11)."""
    context = browser.new_context(viewport=viewport, service_workers="block", locale="nl-BE")
    page = context.new_page()
    problems = []
    for path in ("sectors/pharmacies/register/", "fr/sectors/socio-cultural/register/", "sectors/tech/suppliers/",
                 "wizards/cookies/", "fr/wizards/processor/"):
        page.goto(hub.url + path)
        problems += [f"{path}: {p}" for p in page.evaluate(TABLE_CHECK)]
    context.close()
    assert not problems, "\n".join(problems)


def test_profile_number_field_has_a_visible_border(hub, context):
    """Catches the white-on-white number field of the organisation profile (issue 11, item 3)."""
    page = context.new_page()
    page.goto(hub.url + "wizards/")
    field = page.locator("form.wz-profile input[type=number]").first
    style = field.evaluate("e => { const s = getComputedStyle(e); return [s.borderTopWidth, s.borderTopStyle, s.borderTopColor, s.backgroundColor]; }")
    width, kind, colour, background = style
    assert float(width.rstrip("px")) >= 1 and kind != "none" and colour != background, style


# ---------------------------------------------------------------------------------------------------------
# Search

def search(page, word):
    page.click("[data-md-component=search-query]")
    page.keyboard.type(word)
    page.wait_for_selector(".md-search-result__item", timeout=20000)
    page.wait_for_timeout(300)
    links = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    return links, page.inner_text(".md-search-result__meta")


@pytest.mark.parametrize("lang, word", [("nl", "camera"), ("fr", "cookie"), ("en", "camera")])
def test_search_returns_only_pages_of_the_current_language(hub, browser, lang, word):
    """Catches the Dutch search ranking the English camera page first (issue 11, item 4)."""
    context = browser.new_context(viewport=DESKTOP, service_workers="block", locale="nl-BE")
    page = context.new_page()
    page.goto(hub.url + PREFIX[lang] + "guide/")
    links, meta = search(page, word)
    context.close()
    assert links, f"no result for {word!r}"
    paths = [urlsplit(link).path.lstrip("/") for link in links]
    if lang == "nl":
        wrong = [p for p in paths if p.startswith(("fr/", "en/"))]
    else:
        wrong = [p for p in paths if not p.startswith(PREFIX[lang])]
    assert not wrong, f"{lang} search shows other languages: {wrong[:5]}"
    assert any(ch.isdigit() for ch in meta), meta


# ---------------------------------------------------------------------------------------------------------
# Language

def test_switching_language_keeps_a_wizards_answers(hub, browser):
    """Catches the language switch dropping the URL fragment, and with it the answers (issue 11, item 5)."""
    context = browser.new_context(viewport=DESKTOP, service_workers="block", locale="nl-BE")
    page = context.new_page()
    page.goto(hub.url + "wizards/dpo/")
    page.wait_for_selector(".wz[data-state=ready]", timeout=60000)
    page.check("form.wz-step[data-question=public_body] input[value=no]")
    page.click("form.wz-step[data-question=public_body] .wz-next")
    page.wait_for_selector("form.wz-step[data-question=monitoring_core]")
    assert "public_body=no" in page.url
    name = page.locator(".hub-lang-name:visible")
    assert name.count() == 1 and name.inner_text().strip() == "Nederlands", "the switch names the language"
    page.click("button.hub-lang")  # the menu opens with its button (issue 25, item 13), not on hover
    page.click("a[data-hub-lang=fr]")
    page.wait_for_selector(".wz[data-state=ready]", timeout=60000)
    assert urlsplit(page.url).path.endswith("/fr/wizards/dpo/") and "public_body=no" in page.url
    page.wait_for_selector("form.wz-step[data-question=monitoring_core]")
    assert "Non" in page.inner_text(".wz-answers-box")
    context.close()


def test_root_offers_the_browsers_language_once_without_a_cookie(hub, browser):
    """The root is Dutch; a French browser gets one offer of French, and the choice is remembered (item 5)."""
    context = browser.new_context(viewport=PHONE, service_workers="block", locale="fr-BE")
    page = context.new_page()
    page.goto(hub.url)
    offer = page.locator(".hub-lang-offer")
    offer.wait_for(state="visible", timeout=5000)
    assert "français" in offer.inner_text()
    offer.locator("a").click()
    page.wait_for_url(hub.url + "fr/")
    page.goto(hub.url)
    page.wait_for_url(hub.url + "fr/")
    assert context.cookies() == []
    context.close()
    dutch = browser.new_context(viewport=PHONE, service_workers="block", locale="nl-BE")
    page = dutch.new_page()
    page.goto(hub.url)
    page.wait_for_load_state("load")
    assert page.locator(".hub-lang-offer").count() == 0 and page.url == hub.url
    dutch.close()


# ---------------------------------------------------------------------------------------------------------
# Wizard texts (issue 11, item 10), as shown in the browser

def depends_fragment() -> str:
    """A complete DPO path that ends in "it depends" on the large-scale question, taken from the engine so
    that a new question does not leave the page waiting for an answer."""
    from hub.markers import wizard_fragment
    from wizards.engine.paths import enumerate_paths
    from wizards.registry import WIZARDS

    paths = [answers for answers, decision in enumerate_paths(WIZARDS["dpo"])
             if decision.open_points == ("large_scale_sensitive",) and answers.get("public_body") == "no"]
    assert paths, "no DPO path depends on the large-scale question alone"
    return wizard_fragment(min(paths, key=lambda answers: list(answers.values()).count("yes")))


def test_depends_verdict_says_it_once_and_shows_what_to_look_at(hub, context):
    page = context.new_page()
    page.goto(hub.url + "en/wizards/dpo/#" + depends_fragment())
    page.wait_for_selector(".wz-result")
    text = page.inner_text(".wz-result")
    assert text.lower().count("it depends") == 1, text  # the verdict once on the first screen
    assert "below" not in page.inner_text(".wz-actions")
    assert "number of people concerned" in page.inner_text(".wz-branches"), "the factors are in the verdict"


# ---------------------------------------------------------------------------------------------------------
# Screenshots for a reviewer (listed in the README)

SHOTS = {
    "home": "",
    "guide": "guide/cameras/",
    "register": "sectors/pharmacies/register/",
    "verdict": "wizards/dpo/#" + depends_fragment(),
}


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_screenshots(hub, browser, lang):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for label, viewport in (("360", PHONE), ("1280", DESKTOP)):
        context = browser.new_context(viewport=viewport, service_workers="block", locale=f"{lang}-BE")
        page = context.new_page()
        for name, path in SHOTS.items():
            page.goto(hub.url + PREFIX[lang] + path)
            page.wait_for_load_state("load")
            target = SCREENSHOTS / f"{name}-{lang}-{label}.png"
            if name == "verdict":
                page.wait_for_selector(".wz-result", timeout=60000)
                page.evaluate("window.scrollTo(0, 0)")  # the wizard scrolled to the result; the header sticks
                page.wait_for_timeout(200)
            page.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 5000
        context.close()
