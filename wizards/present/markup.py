"""HTML and Markdown escaping; HTML without the standard library's `html` module.

`html` loads its entity table (`html.entities`, 25 kB compiled) on import; the browser downloads every
module the wizards import (hub/stdlib.py), and escaping needs none of that table.
"""
from __future__ import annotations

import re


def escape(text: str, quote: bool = True) -> str:
    """The same result as html.escape."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;").replace("'", "&#x27;")
    return text


_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")
_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|~&!])")


def md(value: object) -> str:
    """A visitor's text inside a Markdown document: HTML, links, headings or lists typed into a field
    come out as the characters they are, and a line break cannot start a new block. The same rule as
    the "download all results" file of the wizards page (hub/static/wizard.js, mdText)."""
    text = _LINE_BREAKS.sub(" ", str(value)).strip()
    text = _MARKDOWN.sub(r"\\\1", text)
    text = re.sub(r"^([-+=])", r"\\\1", text)
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", text)


def fence(text: str) -> str:
    """A fence longer than any run of backticks in `text`, so the text cannot close it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)
