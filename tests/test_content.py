"""Guidance content: every page in every language, front matter complete, plain enough to read.

Readability bar (see README, "Readability"): per page, a mean sentence length of at most 20 words
and at most 25 % long words (10 letters or more). Both are LIX-style counts that need no dictionary,
so they work the same for Dutch and French.
"""
import re
from pathlib import Path

import pytest
import yaml

from hub.pages import REQUIRED
from hub.sectors import PAGE_NAMES, sector_folders

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("nl", "fr", "en")
MAX_SENTENCE_WORDS = 20
LONG_WORD = {"nl": 10, "fr": 10}
MAX_LONG_SHARE = 0.25


def doc_pages(lang):
    return sorted(p.relative_to(ROOT / "docs" / lang).as_posix() for p in (ROOT / "docs" / lang).rglob("*.md"))


def sector_pages():
    return [(folder, lang, name) for folder in sector_folders(include_template=True) for lang in LANGS for name in PAGE_NAMES]


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    assert match, f"{path}: no front matter"
    return yaml.safe_load(match.group(1)), text[match.end():]


@pytest.mark.parametrize("lang", ("fr", "en"))
def test_every_page_exists_in_every_language(lang):
    assert doc_pages(lang) == doc_pages("nl")


def all_pages():
    pages = [ROOT / "docs" / lang / rel for lang in LANGS for rel in doc_pages("nl")]
    pages += [folder / "pages" / lang / name for folder, lang, name in sector_pages()]
    return pages


@pytest.mark.parametrize("path", all_pages(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_front_matter(path):
    meta, body = front_matter(path)
    for key in REQUIRED:
        assert meta.get(key), f"{path}: front matter lacks {key}"
    assert body.lstrip().startswith("# "), f"{path}: the page must start with its title"


def prose(body):
    """Running text only: no code, tables, HTML, markers, links' targets or headings."""
    body = re.sub(r"```.*?```", " ", body, flags=re.S)
    lines = [l for l in body.splitlines() if l.strip() and not l.lstrip().startswith(("|", "<", "[[", "#", "!!!", "???"))]
    text = " ".join(lines)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"\([^)]*\)", " ", text)  # legal references in brackets are not prose
    return text


def readability(text, lang):
    sentences = [s for s in re.split(r"(?<=[.!?:;])\s+|\s+-\s+\[.\]\s+|\s+-\s+", text) if re.search(r"\w", s)]
    words = re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", text)
    if not words:
        return 0.0, 0.0
    long_share = sum(len(w) >= LONG_WORD[lang] for w in words) / len(words)
    return len(words) / max(len(sentences), 1), long_share


READABLE = [p for p in all_pages() if "/nl/" in p.as_posix() or "/fr/" in p.as_posix()]


@pytest.mark.parametrize("path", READABLE, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_dutch_and_french_pages_are_plain(path):
    lang = "nl" if "/nl/" in path.as_posix() else "fr"
    _, body = front_matter(path)
    mean, long_share = readability(prose(body), lang)
    assert mean <= MAX_SENTENCE_WORDS, f"{path}: {mean:.1f} words per sentence (bar {MAX_SENTENCE_WORDS})"
    assert long_share <= MAX_LONG_SHARE, f"{path}: {long_share:.0%} long words (bar {MAX_LONG_SHARE:.0%})"


def test_readability_measure_can_fail():
    heavy = ("De verwerkingsverantwoordelijke die overeenkomstig de toepasselijke wetgeving persoonsgegevens verwerkt "
             "teneinde de uitvoering van contractuele verbintenissen te waarborgen en die daarbij gebruikmaakt van "
             "onderaannemers, draagt de volledige verantwoordelijkheid voor de naleving van alle verplichtingen.")
    mean, long_share = readability(heavy, "nl")
    assert mean > MAX_SENTENCE_WORDS or long_share > MAX_LONG_SHARE
