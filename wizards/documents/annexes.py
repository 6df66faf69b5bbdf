"""The four annexes of the standard contractual clauses between controllers and processors
(Commission Implementing Decision (EU) 2021/915), filled from the record for one supplier.

The clauses themselves are not reproduced: Clause 2 forbids changing them, and the cover text
incorporates them by reference to the official text. Only the annexes, which the parties must
fill in, are assembled here; what the record does not say stays visibly "[to fill in]".
"""
from __future__ import annotations

from typing import Any

from wizards.present.texts import t
from wizards.documents.record import CHECKLIST_POINTS, RecordError
from wizards.documents.entries import signature
from wizards.documents.text import colon, e, eurlex, md, semicolon, stamp

# Annex I is signed by both parties: each gets a box with a line for the name, position, date and signature.
SIGN_LINES = ("name", "role", "date", "signature")


def _activities(record: dict[str, Any], supplier: dict[str, Any]) -> list[dict[str, Any]]:
    # No rows picked means the visitor has yet to say which: the annexes then show "[to fill in]".
    return [record["activities"][i] for i in supplier["activities"]]


def _join(values: list[str], lang: str) -> str:
    """The rows' values, each once, in the record's order."""
    seen: list[str] = []
    for v in values:
        if v and v not in seen:
            seen.append(v)
    return semicolon(lang).join(seen) or t(lang, "doc.annex.to_fill")


def sections(record: dict[str, Any], index: int, lang: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """(heading, [(label, text)]) for the cover and Annexes I to IV; the two renderers share it."""
    if not 0 <= index < len(record["suppliers"]):
        raise RecordError(f"no supplier {index + 1} in the record (it lists {len(record['suppliers'])})")
    supplier, org = record["suppliers"][index], record["organisation"]
    rows = _activities(record, supplier)
    fill = t(lang, "doc.annex.to_fill")
    docking = t(lang, "doc.annex.docking_yes" if supplier["docking"] else "doc.annex.docking_no")
    # Clause 7.7(a): the period means a different thing under each option, so each has its own sentence.
    choices = t(lang, f"doc.annex.choices_{supplier['authorisation']}", docking=docking, period=supplier["period"] or fill)
    contact = ", ".join(v for v in (org["address"], org["email"], org["phone"]) if v) or fill
    sensitive = [r["activity"] or t(lang, "doc.unnamed") for r in rows if r["special_data"]]
    if sensitive:  # Clause 7.5: the restrictions or safeguards the processor applies, not the data again
        sensitive_items = [(t(lang, "doc.annex.sensitive_in"), semicolon(lang).join(sensitive)),
                           (t(lang, "doc.annex.sensitive"), supplier["safeguards"] or t(lang, "doc.annex.sensitive_fill"))]
    else:
        sensitive_items = [(t(lang, "doc.annex.sensitive_in"), t(lang, "doc.annex.sensitive_none"))]
    return [
        (t(lang, "doc.annex.cover_title"), [("", "COVER"), ("", choices),
                                            (t(lang, "doc.annex.language"), supplier["language"] or t(lang, "doc.annex.language_fill"))]),
        (t(lang, "doc.annex.i"), [
            (t(lang, "doc.annex.controller"), f"{org['name'] or fill}, {contact}"
             + (f"; {t(lang, 'doc.field.dpo')}{colon(lang)} {org['dpo']} {org['dpo_contact']}".rstrip() if org["dpo"] else "")),
            ("", "SIGN:controller"),
            (t(lang, "doc.annex.processor"), ", ".join(v for v in (supplier["name"], supplier["address"]) if v) or fill),
            (t(lang, "doc.annex.contact_person"), supplier["contact"] or fill),
            (t(lang, "doc.annex.processor_dpo"), supplier["dpo"] or t(lang, "doc.annex.dpo_fill")),
            ("", "SIGN:processor"),
        ]),
        (t(lang, "doc.annex.ii"), [
            (t(lang, "doc.annex.activities"), _join([r["activity"] for r in rows], lang)),
            (t(lang, "doc.annex.subjects"), _join([r["data_subjects"] for r in rows], lang)),
            (t(lang, "doc.annex.categories"), _join([r["data_categories"] for r in rows], lang)),
            *sensitive_items,
            (t(lang, "doc.annex.nature"), supplier["nature"] or fill),
            (t(lang, "doc.annex.purposes"), _join([r["purpose"] for r in rows], lang)),
            (t(lang, "doc.annex.duration"), supplier["duration"] or fill),
        ]),
        (t(lang, "doc.annex.iii"), [("", t(lang, "doc.annex.iii_intro"))]
         + [(r["activity"], r["security"] or fill) for r in rows]
         + [(t(lang, "doc.annex.iii_extra"), supplier["measures"] or fill),
            (t(lang, "doc.annex.iii_assist"), supplier["assistance"] or fill)]),  # Clause 8(d)
        (t(lang, "doc.annex.iv"), [("", supplier["subprocessors"] or t(lang, "doc.annex.iv_none"))]),
    ]


def to_markdown(record: dict[str, Any], index: int, lang: str, date: str) -> str:
    lines = [f"# {t(lang, 'doc.annex.title')}", "", f"*{stamp(date, lang)}*", ""]
    for heading, items in sections(record, index, lang):
        lines += [f"## {heading}", ""]
        for label, text in items:
            if text.startswith("SIGN:"):
                lines += [f"**{md(t(lang, 'doc.sign.' + text[5:]))}**", "", *signature(lang, SIGN_LINES), ""]
                continue
            if text == "COVER":
                text = t(lang, "doc.annex.cover", url=f"[{t(lang, 'doc.annex.link_text')}]({eurlex(lang)})")
            else:  # a visitor's words, escaped; only the cover's link above is Markdown
                text = md(text)
            lines += [f"**{md(label)}{colon(lang)}** {text}" if label else text, ""]
    return "\n".join(lines).rstrip() + "\n"


def to_html(record: dict[str, Any], index: int, lang: str, date: str) -> str:
    parts = [f'<article class="doc-annexes" lang="{lang}"><h1>{e(t(lang, "doc.annex.title"))}</h1>',
             f'<p class="doc-stamp">{e(stamp(date, lang))}</p>']
    for heading, items in sections(record, index, lang):
        parts.append(f"<h2>{e(heading)}</h2>")
        for label, text in items:
            if text.startswith("SIGN:"):
                rows = "".join(f"<tr><th scope=\"row\">{e(t(lang, 'doc.sign.' + key))}</th><td></td></tr>" for key in SIGN_LINES)
                parts.append(f'<table class="doc-signature"><caption>{e(t(lang, "doc.sign." + text[5:]))}</caption>{rows}</table>')
                continue
            if text == "COVER":
                link = f'<a href="{e(eurlex(lang))}">{e(t(lang, "doc.annex.link_text"))}</a>'
                body = e(t(lang, "doc.annex.cover", url="\0")).replace("\0", link)
            else:
                body = e(text)
            parts.append(f"<p><strong>{e(label)}{colon(lang)}</strong> {body}</p>" if label else f"<p>{body}</p>")
    parts.append("</article>")
    return "\n".join(parts) + "\n"


def checklist_markdown(record: dict[str, Any], index: int, lang: str, date: str) -> str:
    supplier = record["suppliers"][index]
    lines = [f"# {t(lang, 'doc.checklist.title')}", "", f"**{md(supplier['name'])}**", "", f"*{stamp(date, lang)}*", "",
             t(lang, "doc.checklist.intro"), ""]
    lines += [f"- [{'x' if supplier['checklist'][p] else ' '}] {t(lang, f'doc.annex.point.{p}')}" for p in CHECKLIST_POINTS]
    return "\n".join(lines) + "\n"
