"""The finished DPIA as a document: Markdown (what every export reads, see the conventions of issue 26
part A) and an HTML preview with the risk maps inline. Both are drawn from one list of blocks, so the
preview and the files never disagree. A field the visitor left empty is a visible blank to fill in by
hand (`________`), never a made-up fact.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Union

from wizards.documents.dpia_measures import measure_source
from wizards.documents.dpia_risk import borderline_risks, prior_consultation
from wizards.documents.dpia_risk_map import risk_map_svg, scores
from wizards.documents.record import LEGAL_BASES
from wizards.documents.text import basis_label, colon, e, label, md, stamp
from wizards.present.markup import fence
from wizards.present.texts import has, t

BLANK = "________"
IMAGES = {"before": "risk-map-before.svg", "after": "risk-map-after.svg"}
Text = Union[str, None]  # None: the visitor left it empty


@dataclass
class Heading:
    level: int
    text: str


@dataclass
class Para:
    runs: list[tuple[bool, Text]]  # (bold, text)


@dataclass
class Table:
    header: list[str]
    rows: list[list[Text]]


@dataclass
class Image:
    name: str
    alt: str


@dataclass
class Tasks:
    items: list[tuple[bool, str]]


@dataclass
class Bullets:
    items: list[str]


@dataclass
class Signature:
    lines: list[tuple[str, str]]


Block = Union[Heading, Para, Table, Image, Tasks, Bullets, Signature]


def _v(value: str) -> Text:
    return value or None


def images(dpia: dict[str, Any], lang: str) -> dict[str, str]:
    return {name: risk_map_svg(dpia, lang, stage) for stage, name in IMAGES.items()}


def blocks(dpia: dict[str, Any], lang: str, date: str) -> list[Block]:
    def tr(key: str, **params: Any) -> str:
        return t(lang, f"dpiadoc.{key}", **params)

    def section_table(part: str, fields: tuple[str, ...], values: dict[str, str]) -> Table:
        return Table([tr("doc.col_field"), tr("doc.col_entry")],
                     [[tr(f"field.{part}.{f}"), _v(values[f])] for f in fields])

    out: list[Block] = [Heading(1, tr("doc.title", title=dpia["title"]) if dpia["title"] else tr("doc.title", title=BLANK))]
    if dpia["example"]:
        out.append(Para([(True, tr("doc.example"))]))
    out.append(Para([(False, stamp(date, lang))]))
    out.append(Para([(False, tr("doc.intro"))]))
    org = dpia["organisation"]
    out += [Heading(2, tr("section.organisation")), section_table("organisation", ("name", "address", "contact"), org)]
    s = dict(dpia["screening"])
    # The wizard's outcome is kept as its id; the document names it in the reader's language.
    if has(lang, f"dpia.outcome.{s['outcome']}.title"):
        s["outcome"] = t(lang, f"dpia.outcome.{s['outcome']}.title")
    out += [Heading(2, tr("section.screening")), Para([(False, tr("doc.screening_intro"))]),
            section_table("screening", ("outcome", "summary", "date"), s)]
    out += [Heading(2, tr("section.description") + " " + tr("cite.description_short")),
            section_table("description", tuple(dpia["description"]), dpia["description"])]
    necessity = dict(dpia["necessity"])
    if necessity["legal_basis"] in LEGAL_BASES:
        necessity["legal_basis"] = basis_label(necessity["legal_basis"], lang)
    out += [Heading(2, tr("section.necessity") + " " + tr("cite.necessity_short")),
            section_table("necessity", tuple(necessity), necessity)]
    out += _risks(dpia, lang, tr)
    out += _validation(dpia, lang, tr)
    out += [Heading(2, tr("doc.sources_title")), Bullets([tr("doc.source_35"), tr("doc.source_32"), tr("doc.source_wp248"),
                                                          tr("doc.source_cnil")])]
    out.append(Para([(False, t(lang, "doc.draft_note", date=date))]))
    return out


def _level(n: int, tr: Any) -> Text:
    return tr(f"level.{n}") if n else None


def _risks(dpia: dict[str, Any], lang: str, tr: Any) -> list[Block]:
    out: list[Block] = [Heading(2, tr("section.risks") + " " + tr("cite.risks_short")),
                        Para([(False, tr("scale.method"))]), Para([(False, tr("scale.high_rule"))])]
    rows: list[list[Text]] = []
    for n, risk in enumerate(dpia["risks"], 1):
        rows.append([str(n), _v(risk["title"]), tr(f"kind.{risk['kind']}"), _level(risk["severity"], tr),
                     _level(risk["likelihood"], tr), _level(risk["residual_severity"], tr), _level(risk["residual_likelihood"], tr)])
    out.append(Table(["#", tr("field.risk.title"), tr("field.risk.kind"), tr("field.risk.severity"), tr("field.risk.likelihood"),
                      tr("field.risk.residual_severity"), tr("field.risk.residual_likelihood")], rows))
    for n, risk in enumerate(dpia["risks"], 1):
        name = risk["title"] or tr(f"kind.{risk['kind']}")
        out.append(Heading(3, tr("doc.risk_heading", n=n, risk=name)))
        out.append(Para([(True, label(tr("field.risk.sources"), lang)), (False, " "), (False, _v(risk["sources"]))]))
        out.append(Para([(True, label(tr("field.risk.impacts"), lang)), (False, " "), (False, _v(risk["impacts"]))]))
        if risk["kind"] != "other":
            out.append(Para([(True, label(tr("doc.kind_source"), lang)), (False, " "), (False, tr(f"kind_source.{risk['kind']}"))]))
        out.append(Para([(True, label(tr("field.risk.measures"), lang))]))
        if risk["measures"]:
            items = []
            for m in risk["measures"]:
                text = m["text"] or BLANK
                source = measure_source(m["id"], lang)
                if source and source not in text:
                    text += f" ({tr('source')}{colon(lang)} {source})"
                items.append((m["status"] == "existing", f"{text} ({tr('status.' + m['status'])})"))
            out.append(Tasks(items))
        else:
            out.append(Para([(False, None)]))
    for stage in ("before", "after"):
        out.append(Image(IMAGES[stage], tr(f"map.title_{stage}")))
    return out


def _validation(dpia: dict[str, Any], lang: str, tr: Any) -> list[Block]:
    v = dpia["validation"]
    # Section 4 has a heading of its own, so the document's outline reads 1, 2, 3, 4 and 4.1-4.6 below it.
    out: list[Block] = [Heading(2, tr("section.validation")), Heading(3, tr("section.actions")),
                        Table([tr("field.action.what"), tr("field.action.owner"), tr("field.action.due")],
                              [[_v(a["what"]), _v(a["owner"]), _v(a["due"])] for a in v["actions"]] or [[None, None, None]])]
    out.append(Heading(3, tr("section.dpo")))
    if v["dpo_name"] or not v["no_dpo_reason"]:
        out.append(Para([(True, label(tr("field.validation.dpo_name"), lang)), (False, " "), (False, _v(v["dpo_name"]))]))
        out.append(Para([(True, label(tr("field.validation.dpo_advice"), lang)), (False, " "), (False, _v(v["dpo_advice"]))]))
    if not v["dpo_name"]:
        out.append(Para([(True, label(tr("field.validation.no_dpo_reason"), lang)), (False, " "), (False, _v(v["no_dpo_reason"]))]))
    out.append(Heading(3, tr("section.views")))
    sought = tr(f"views.{v['views_sought']}") if v["views_sought"] else None
    out.append(Para([(True, label(tr("field.validation.views_sought"), lang)), (False, " "), (False, sought)]))
    if v["views_sought"] != "no":
        out.append(Para([(True, label(tr("field.validation.views_summary"), lang)), (False, " "), (False, _v(v["views_summary"]))]))
    if v["views_sought"] != "yes":
        out.append(Para([(True, label(tr("field.validation.views_reason"), lang)), (False, " "), (False, _v(v["views_reason"]))]))
    out.append(Heading(3, tr("section.decision")))
    decision = tr(f"decision.{v['decision']}") if v["decision"] else None
    for field, value in (("decision", decision), ("decided_by", _v(v["decided_by"])), ("decided_on", _v(v["decided_on"])),
                         ("next_review", _v(v["next_review"]))):
        out.append(Para([(True, label(tr(f"field.validation.{field}"), lang)), (False, " "), (False, value)]))
    status = prior_consultation(dpia)
    out.append(Heading(3, tr("section.consultation")))
    out.append(Para([(True, tr(f"consult.{status}"))]))
    if status == "open":
        missing = [str(n) for n, r in enumerate(dpia["risks"], 1) if not all(scores(r, "after"))]
        out.append(Para([(False, tr("consult.open_which", risks=", ".join(missing)) if missing else tr("consult.open_none"))]))
    if status == "depends":
        out.append(Para([(False, tr("consult.depends_which", risks=", ".join(map(str, borderline_risks(dpia)))))]))
        out.append(Para([(False, tr("consult.depends_why"))]))
    if status in ("required", "depends"):
        out += [Para([(False, tr("consult.required_what" if status == "required" else "consult.depends_what"))]),
                Bullets([tr(f"consult.send_{k}") for k in ("a", "b", "c", "d", "e", "f")]),
                Para([(False, tr("consult.required_time"))]), Para([(False, tr("consult.gba_contact"))])]
    if status == "not_required":
        out.append(Para([(False, tr("consult.not_required_keep"))]))
    out.append(Heading(3, tr("section.versions")))
    if dpia["versions"]:
        out.append(Table([tr("field.validation.decided_on"), tr("field.validation.decision"), tr("field.validation.decided_by"),
                          tr("field.version.summary")],
                         [[_v(x["decided_on"]), tr(f"decision.{x['decision']}") if x["decision"] else None, _v(x["decided_by"]),
                           _v(x["summary"])] for x in dpia["versions"]]))
    else:
        out.append(Para([(False, tr("doc.no_versions"))]))
    out.append(Heading(2, tr("section.signature")))
    out.append(Signature([(tr("sign.name"), v["decided_by"]), (tr("sign.role"), ""), (tr("sign.date"), v["decided_on"]),
                          (tr("sign.signature"), "")]))
    return out


# -- Markdown and HTML ---------------------------------------------------------------------------

def _md_text(value: Text) -> str:
    return md(value) if value is not None else md(BLANK)


def _md_runs(runs: list[tuple[bool, Text]]) -> str:
    parts = []
    for bold, text in runs:
        if text == " ":
            parts.append(" ")
            continue
        shown = _md_text(text)
        parts.append(f"**{shown}**" if bold and text is not None else shown)
    return "".join(parts)


def to_markdown(dpia: dict[str, Any], lang: str, date: str) -> str:
    lines: list[str] = []
    for block in blocks(dpia, lang, date):
        if isinstance(block, Heading):
            lines += ["#" * block.level + " " + md(block.text), ""]
        elif isinstance(block, Para):
            lines += [_md_runs(block.runs), ""]
        elif isinstance(block, Table):
            lines.append("| " + " | ".join(md(h) for h in block.header) + " |")
            lines.append("|" + "---|" * len(block.header))
            lines += ["| " + " | ".join(_md_text(c) for c in row) + " |" for row in block.rows]
            lines.append("")
        elif isinstance(block, Image):
            lines += [f"![{md(block.alt)}]({block.name})", ""]
        elif isinstance(block, Tasks):
            lines += [f"- [{'x' if done else ' '}] {md(text)}" for done, text in block.items] + [""]
        elif isinstance(block, Bullets):
            lines += [f"- {md(text)}" for text in block.items] + [""]
        elif isinstance(block, Signature):
            body = "\n".join(f"{name}: {' '.join(value.split())}".rstrip() + ("" if value else " ") for name, value in block.lines)
            mark = fence(body)
            lines += [f"{mark}signature", body, mark, ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _html_text(value: Text) -> str:
    return e(value) if value is not None else f'<span class="dpia-blank">{BLANK}</span>'


def to_html(dpia: dict[str, Any], lang: str, date: str) -> str:
    pictures = images(dpia, lang)
    parts: list[str] = [f'<article class="dpia-doc" lang="{lang}">']
    for block in blocks(dpia, lang, date):
        if isinstance(block, Heading):
            parts.append(f"<h{block.level}>{e(block.text)}</h{block.level}>")
        elif isinstance(block, Para):
            inner = "".join(" " if text == " " else (f"<strong>{e(text)}</strong>" if bold and text is not None else _html_text(text))
                            for bold, text in block.runs)
            parts.append(f"<p>{inner}</p>")
        elif isinstance(block, Table):
            head = "".join(f'<th scope="col">{e(h)}</th>' for h in block.header)
            body = "".join("<tr>" + "".join(f"<td>{_html_text(c)}</td>" for c in row) + "</tr>" for row in block.rows)
            parts.append(f'<div class="dpia-table"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>')
        elif isinstance(block, Image):
            parts.append(f'<figure class="dpia-map">{pictures[block.name]}</figure>')
        elif isinstance(block, Tasks):
            items = "".join(f"<li>{'☒' if done else '☐'} {e(text)}</li>" for done, text in block.items)
            parts.append(f'<ul class="dpia-measures">{items}</ul>')
        elif isinstance(block, Bullets):
            parts.append("<ul>" + "".join(f"<li>{e(text)}</li>" for text in block.items) + "</ul>")
        elif isinstance(block, Signature):
            rows = "".join(f'<div class="sig-line"><span class="sig-label">{e(label(name, lang))}</span> '
                           f'<span class="sig-value">{e(value)}</span></div>' for name, value in block.lines)
            parts.append(f'<div class="signature">{rows}</div>')
    parts.append("</article>")
    return "\n".join(parts)
