"""The wizards' letters and log entries as Markdown, for their .odt and .docx downloads.

The letters are written as plain text (what a visitor pastes into an e-mail); these functions give
the same words the structure the document converter (blocks.py) reads, without changing a word.
"""
from __future__ import annotations

from wizards.documents.text import colon, md
from wizards.present.texts import t


def signature(lang: str, labels: tuple[str, ...] = ("name", "role", "date", "signature")) -> list[str]:
    """A signature block (contract part A): every value left blank, for the person to fill in by hand."""
    return ["```signature", *(f"{t(lang, f'doc.sign.{key}')}: " for key in labels), "```"]


def letter(text: str, lang: str) -> str:
    """A plain-text letter: each paragraph keeps its lines; the sender signs below it."""
    parts = []
    for paragraph in text.strip("\n").split("\n\n"):
        lines = [md(line) for line in paragraph.split("\n")]
        parts.append("\\\n".join(line for line in lines if line) if any(lines) else "")
    body = "\n\n".join(p for p in parts if p)
    return body + "\n\n" + "\n".join(signature(lang, ("name", "role", "signature"))) + "\n"


def log_entry(title: str, labels: list[str], values: list[str], lang: str) -> str:
    """One line of a log (breach, requests) as a titled list: label, then the value as the log holds it."""
    lines = [f"# {md(title)}", ""]
    lines += [f"- **{md(label)}{colon(lang)}** {md(value)}" for label, value in zip(labels, values)]
    return "\n".join(lines) + "\n"
