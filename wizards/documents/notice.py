"""A privacy notice (Art. 13 GDPR, and Art. 14 where the data come from someone else) from the record.

Each element of Art. 13(1)-(2) and 14(1)-(2) maps to a field of the record's rows; where the record
is silent the notice says "[to fill in]" instead of guessing (the record's check lists the same
blanks). A notice is what the organisation's customers read, so it carries its date but not the
version of these rules. The visitor picks the activities it covers (`notice.activities`, or all rows
when none is picked).
"""
from __future__ import annotations

from typing import Any

from wizards.present.texts import t
from wizards.documents.record import RecordError, says_none
from wizards.documents.text import basis_label, colon, e, label, md, semicolon


def _rows(record: dict[str, Any], picked: list[int] | None) -> list[dict[str, Any]]:
    chosen = picked if picked is not None else record["notice"]["activities"]
    if any(not 0 <= i < len(record["activities"]) for i in chosen):
        raise RecordError("notice.activities: a row number is outside the record")
    return [record["activities"][i] for i in chosen] if chosen else list(record["activities"])


def _contact(org: dict[str, str], lang: str) -> str:
    return ", ".join(v for v in (org["address"], org["email"], org["phone"]) if v) or t(lang, "doc.notice.to_fill")


def _parts(record: dict[str, Any], lang: str, date: str, picked: list[int] | None) -> list[tuple[str, str, str]]:
    """(element, bold label, text) in reading order; the HTML and the Markdown are drawn from the same list.
    Elements: h1 h2 h3 p li small; neighbouring li make one list."""
    org, rows = record["organisation"], _rows(record, picked)
    name = org["name"] or t(lang, "doc.notice.to_fill")
    contact = _contact(org, lang)
    c = colon(lang)
    out = [("h1", "", t(lang, "doc.notice.title")), ("p", "", t(lang, "doc.notice.intro", name=name)),
           ("p", "", f"{t(lang, 'doc.notice.covers')}{c} {semicolon(lang).join(r['activity'] for r in rows)}"),
           ("h2", "", t(lang, "doc.notice.who")), ("p", "", t(lang, "doc.notice.who_text", name=name)),
           ("p", f"{t(lang, 'doc.notice.contact')}{c}", contact)]
    if org["representative"]:
        out.append(("p", f"{t(lang, 'doc.field.representative')}{c}", org["representative"]))
    if org["dpo"]:
        out.append(("p", f"{t(lang, 'doc.notice.dpo')}{c}", org["dpo"] + (f", {org['dpo_contact']}" if org["dpo_contact"] else "")))
    out.append(("h2", "", t(lang, "doc.notice.what")))
    fill = t(lang, "doc.notice.to_fill")
    for row in rows:
        out.append(("h3", "", row["activity"] or t(lang, "doc.unnamed")))
        out += [("li", label(t(lang, f"doc.notice.{key}"), lang), text) for key, text in _items(row, lang, fill)]
        if row["legal_basis"] == "consent":
            out.append(("li", "", t(lang, "doc.notice.consent")))
    automated = [r["automated"] for r in rows]
    if not all(automated):  # Art. 13(2)(f), 14(2)(g): the visitor has not said, so the notice asks
        out += [("h2", "", t(lang, "doc.notice.automated")), ("p", "", t(lang, "doc.notice.automated_ask"))]
    elif all(says_none(a) for a in automated):
        out += [("h2", "", t(lang, "doc.notice.automated")), ("p", "", t(lang, "doc.notice.automated_none"))]
    # Art. 21(4): the right to object to direct marketing is shown clearly and apart from the other rights.
    out += [("h2", "", t(lang, "doc.notice.rights")), ("p", "", t(lang, "doc.notice.rights_text")),
            ("p", label(t(lang, "doc.notice.marketing"), lang), t(lang, "doc.notice.marketing_text")),
            ("p", "", t(lang, "doc.notice.rights_time")),
            ("p", "", t(lang, "doc.notice.rights_how", contact=org["email"] or contact)),
            ("h2", "", t(lang, "doc.notice.complaint")), ("p", "", t(lang, "doc.notice.complaint_text")),
            ("small", "", f"{t(lang, 'doc.notice.updated')}{c} {date}")]
    return out


def to_html(record: dict[str, Any], lang: str, date: str, picked: list[int] | None = None) -> str:
    """HTML to paste into a website: headings, paragraphs and lists only, no style or script."""
    out = [f'<section class="privacy-notice" lang="{lang}">']
    parts = _parts(record, lang, date, picked)
    for index, (element, bold, text) in enumerate(parts):
        body = (f"<strong>{e(bold)}</strong> " if bold else "") + e(text)
        following = parts[index + 1][0] if index + 1 < len(parts) else ""
        if element == "h3":
            out.append(f"<h3>{body}</h3><ul>")  # every activity's list follows its heading
        elif element == "li":
            out.append(f"<li>{body}</li>")
            if following != "li":
                out.append("</ul>")
        elif element == "small":
            out.append(f"<p><small>{body}</small></p>")
        else:
            out.append(f"<{element}>{body}</{element}>")
    out.append("</section>")
    return "\n".join(out) + "\n"


def to_markdown(record: dict[str, Any], lang: str, date: str, picked: list[int] | None = None) -> str:
    """The same notice as Markdown: what the .odt and .docx downloads are written from."""
    out: list[str] = []
    for element, bold, text in _parts(record, lang, date, picked):
        body = (f"**{md(bold)}** " if bold else "") + md(text)
        if element == "li":
            out.append(f"- {body}")
            continue
        if out and out[-1].startswith("- "):
            out.append("")
        prefix = {"h1": "# ", "h2": "## ", "h3": "### "}.get(element, "")
        out += [prefix + (f"*{body}*" if element == "small" else body), ""]
    return "\n".join(out).rstrip() + "\n"


def _items(row: dict[str, Any], lang: str, fill: str) -> list[tuple[str, str]]:
    """(label key, text) for one activity, in the order of Art. 13 and 14."""
    items = [("purpose", row["purpose"] or fill), ("basis", basis_label(row["legal_basis"], lang) or fill)]
    if row["legal_basis"] == "legitimate_interests":
        items.append(("li", row["legitimate_interest"] or fill))
    if row["special_data"]:  # the Art. 9(2) condition, or Art. 10 GDPR with Art. 10 WVG, beside the Art. 6 basis
        items.append(("special", row["special_condition"] or t(lang, "doc.notice.special_unknown")))
    items.append(("categories", row["data_categories"] or fill))
    from_others = bool(row["source"] or row["indirect"])
    if from_others:  # Art. 14(2)(f)
        items.append(("source", row["source"] or t(lang, "doc.notice.source_unknown")))
    items += [("recipients", row["recipients"] or fill), ("transfers", row["transfers"] or fill)]
    if row["transfers"] and not says_none(row["transfers"]):  # Art. 13(1)(f), 14(1)(f)
        items.append(("safeguards_copy", row["safeguards_copy"] or t(lang, "doc.notice.safeguards_unknown")))
    items.append(("retention", row["retention"] or fill))
    if not from_others:
        items.append(("required", row["required"] or t(lang, "doc.notice.required_unknown")))  # Art. 13(2)(e)
    if row["automated"] and not says_none(row["automated"]):
        items.append(("automated", row["automated"]))
    return items


def to_page(record: dict[str, Any], lang: str, date: str, picked: list[int] | None = None) -> str:
    """A standalone printable page around the notice."""
    body = to_html(record, lang, date, picked)
    return (f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{e(t(lang, "doc.notice.title"))}</title>'
            '<style>body{font-family:sans-serif;max-width:40em;margin:2em auto;line-height:1.5}</style></head>'
            f"<body>\n{body}</body></html>\n")
