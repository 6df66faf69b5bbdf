"""A document as typed blocks, read from the Markdown every document is first written in.

The .odt writer (odt.py) and the browser's .docx writer (hub/static/docx-export.js, through
Doc.to_json) both draw from these blocks, so the two files say the same thing. The conventions
(issue 26, contract part A): an image is named, never fetched (`![alt](name.svg)` looks `name.svg` up
in `images`); a fenced block with info string `signature` holds `Label: value` lines; `- [x]` / `- [ ]`
become ☒ / ☐; a blank the person fills in is written as escaped underscores and stays underscores.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token

CHECKED, UNCHECKED = "☒", "☐"


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    link: str = ""


Runs = tuple[Run, ...]


@dataclass(frozen=True)
class Heading:
    level: int
    runs: Runs


@dataclass(frozen=True)
class Paragraph:
    runs: Runs


@dataclass(frozen=True)
class ListItem:
    runs: Runs
    level: int = 0  # nesting depth: 0 for a top-level item


@dataclass(frozen=True)
class BulletList:
    items: tuple[ListItem, ...]


@dataclass(frozen=True)
class NumberedList:
    items: tuple[ListItem, ...]
    start: int = 1


@dataclass(frozen=True)
class Table:
    header: tuple[Runs, ...]
    rows: tuple[tuple[Runs, ...], ...]


@dataclass(frozen=True)
class Image:
    name: str
    svg: str
    alt: str


@dataclass(frozen=True)
class Signature:
    lines: tuple[tuple[str, str], ...]  # (label, value); "" is a line the person fills in by hand


Block = Union[Heading, Paragraph, BulletList, NumberedList, Table, Image, Signature]


@dataclass(frozen=True)
class Doc:
    title: str
    lang: str
    organisation: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON for the browser's .docx writer: every block a dict with a "type"."""
        return {"title": self.title, "lang": self.lang, "organisation": self.organisation,
                "blocks": [_block_json(b) for b in self.blocks]}


def plain(runs: Runs) -> str:
    return "".join(r.text for r in runs)


def _runs_json(runs: Runs) -> list[dict[str, Any]]:
    return [{"text": r.text, "bold": r.bold, "italic": r.italic, "link": r.link} for r in runs]


def _block_json(block: Block) -> dict[str, Any]:
    if isinstance(block, Heading):
        return {"type": "heading", "level": block.level, "runs": _runs_json(block.runs)}
    if isinstance(block, Paragraph):
        return {"type": "paragraph", "runs": _runs_json(block.runs)}
    if isinstance(block, (BulletList, NumberedList)):
        out: dict[str, Any] = {"type": "bullets" if isinstance(block, BulletList) else "numbered",
                               "items": [{"level": i.level, "runs": _runs_json(i.runs)} for i in block.items]}
        if isinstance(block, NumberedList):
            out["start"] = block.start
        return out
    if isinstance(block, Table):
        return {"type": "table", "header": [_runs_json(c) for c in block.header],
                "rows": [[_runs_json(c) for c in row] for row in block.rows]}
    if isinstance(block, Image):
        return {"type": "image", "name": block.name, "svg": block.svg, "alt": block.alt}
    return {"type": "signature", "lines": [{"label": label, "value": value} for label, value in block.lines]}


def _parser() -> Any:
    # Imported on first use: in the browser markdown-it-py arrives only when a visitor exports
    # (pyodide_libs.py), and this module is imported with the bridge at start-up.
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table")


def from_markdown(markdown: str, *, lang: str, organisation: str = "", images: dict[str, str] | None = None) -> Doc:
    """The document's blocks; its title is the text of the first level-1 heading."""
    tokens = _parser().parse(markdown)
    blocks = _Reader(tokens, images or {}).read()
    title = next((plain(b.runs) for b in blocks if isinstance(b, Heading) and b.level == 1), "")
    return Doc(title=title, lang=lang, organisation=organisation, blocks=tuple(blocks))


def _inline(token: Token) -> list[Run | Image]:
    """A line's runs; an image found in it comes out as its own element, in place."""
    out: list[Run | Image] = []
    bold = italic = 0
    link: list[str] = []
    for child in token.children or []:
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            link.append(str(child.attrs.get("href", "")))
        elif kind == "link_close":
            link.pop()
        elif kind in ("softbreak", "hardbreak"):
            out.append(Run(" " if kind == "softbreak" else "\n", bool(bold), bool(italic), link[-1] if link else ""))
        elif kind == "image":
            out.append(Image(str(child.attrs.get("src", "")), "", child.content))
        elif child.content:  # text, code_inline, html_inline (shown as text: html is off)
            out.append(Run(child.content, bool(bold), bool(italic), link[-1] if link else ""))
    return _merged(out)


def _merged(items: list[Run | Image]) -> list[Run | Image]:
    """Neighbouring runs of the same look become one (markdown-it splits text at every escape)."""
    out: list[Run | Image] = []
    for item in items:
        last = out[-1] if out else None
        if isinstance(item, Run) and isinstance(last, Run) and (last.bold, last.italic, last.link) == (item.bold, item.italic, item.link):
            out[-1] = Run(last.text + item.text, item.bold, item.italic, item.link)
        else:
            out.append(item)
    return out


def _only_runs(items: list[Run | Image]) -> Runs:
    """Where a block cannot hold a picture (a heading, a cell, a list item) its alt text stands in."""
    return tuple(i if isinstance(i, Run) else Run(i.alt) for i in items)


def _task(runs: Runs) -> Runs:
    if runs and runs[0].text[:4].lower() in ("[x] ", "[ ] "):
        first = runs[0]
        mark = CHECKED if first.text[1].lower() == "x" else UNCHECKED
        return (Run(mark + " " + first.text[4:], first.bold, first.italic, first.link), *runs[1:])
    return runs


class _Reader:
    def __init__(self, tokens: list[Token], images: dict[str, str]) -> None:
        self.tokens, self.images, self.pos = tokens, images, 0

    def read(self) -> list[Block]:
        out: list[Block] = []
        while self.pos < len(self.tokens):
            out += self._block()
        return out

    def _next(self) -> Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def _block(self) -> list[Block]:
        token = self._next()
        kind = token.type
        if kind == "heading_open":
            runs = _only_runs(_inline(self._next()))
            self._next()
            return [Heading(int(token.tag[1]), runs)]
        if kind == "paragraph_open":
            items = _inline(self._next())
            self._next()
            return self._paragraphs(items)
        if kind in ("bullet_list_open", "ordered_list_open"):
            items = self._list_items(0)
            if kind == "bullet_list_open":
                return [BulletList(tuple(items))]
            return [NumberedList(tuple(items), int(token.attrs.get("start", 1) or 1))]
        if kind == "table_open":
            return [self._table()]
        if kind == "fence" and token.info.strip() == "signature":
            return [_signature(token.content)]
        if kind in ("fence", "code_block"):
            return [Paragraph((Run(token.content.rstrip("\n")),))]
        # blockquote_open/close, hr, html_block (off): their paragraphs come through as paragraphs
        return []

    def _paragraphs(self, items: list[Run | Image]) -> list[Block]:
        out: list[Block] = []
        runs: list[Run] = []
        for item in items:
            if isinstance(item, Image):
                if runs and plain(tuple(runs)).strip():
                    out.append(Paragraph(tuple(runs)))
                runs = []
                svg = self.images.get(item.name)
                # An image the caller did not give is never fetched: its alt text stands in.
                out.append(Image(item.name, svg, item.alt) if svg else Paragraph((Run(item.alt),)))
            else:
                runs.append(item)
        if runs and plain(tuple(runs)).strip():
            out.append(Paragraph(tuple(runs)))
        return out

    def _list_items(self, level: int) -> list[ListItem]:
        items: list[ListItem] = []
        while self.pos < len(self.tokens):
            token = self._next()
            if token.type in ("bullet_list_close", "ordered_list_close"):
                return items
            if token.type in ("bullet_list_open", "ordered_list_open"):
                items += self._list_items(level + 1)
            elif token.type == "inline":
                items.append(ListItem(_task(_only_runs(_inline(token))), level))
        return items

    def _table(self) -> Table:
        header: list[Runs] = []
        rows: list[list[Runs]] = []
        in_head = False
        while self.pos < len(self.tokens):
            token = self._next()
            if token.type == "table_close":
                break
            if token.type == "thead_open":
                in_head = True
            elif token.type == "thead_close":
                in_head = False
            elif token.type == "tr_open" and not in_head:
                rows.append([])
            elif token.type == "inline":
                cell = _only_runs(_inline(token))
                (header if in_head else rows[-1]).append(cell)
        return Table(tuple(header), tuple(tuple(r) for r in rows))


def _signature(content: str) -> Signature:
    lines = []
    for line in content.splitlines():
        if line.strip():
            label, _, value = line.partition(":")
            lines.append((label.strip(), value.strip()))
    return Signature(tuple(lines))
