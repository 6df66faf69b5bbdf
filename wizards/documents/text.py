"""Shared wording helpers for the documents: labels, dates, escaping."""
from __future__ import annotations

from typing import Any

from wizards.present.markup import escape, md  # noqa: F401  (md: the documents' Markdown escaping)

from wizards.present.texts import t
from wizards.documents import VERSION


def e(value: object) -> str:
    return escape(str(value), quote=True)


def basis_label(code: str, lang: str) -> str:
    return t(lang, f"doc.basis.{code}") if code else ""


def yes_no(value: bool, lang: str) -> str:
    return t(lang, "doc.yes" if value else "doc.no")


def cell(row: dict[str, Any], field: str, lang: str) -> str:
    """A row's value as a visitor reads it in a table."""
    value = row[field]
    if field == "legal_basis":
        return basis_label(value, lang)
    if isinstance(value, bool):
        return yes_no(value, lang)
    return str(value)


def stamp(date: str, lang: str) -> str:
    return f"{t(lang, 'doc.date')}{colon(lang)} {date} · {t(lang, 'doc.version')}{colon(lang)} {VERSION}"


def eurlex(lang: str) -> str:
    """Decision (EU) 2021/915 on EUR-Lex, in the visitor's language (CELEX 32021D0915)."""
    return f"https://eur-lex.europa.eu/legal-content/{lang.upper()}/TXT/?uri=CELEX:32021D0915"


def colon(lang: str) -> str:
    """French puts a narrow no-break space before the colon."""
    return "\u202f:" if lang == "fr" else ":"


def label(text: str, lang: str) -> str:
    """A label before its value: "Purpose:", "Finalité :", but "Must you give them?" stays as it is."""
    return text if text.endswith("?") else text + colon(lang)


def semicolon(lang: str) -> str:
    return "\u202f; " if lang == "fr" else "; "
