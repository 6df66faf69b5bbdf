"""Short markers in Markdown, each alone on its line, replaced at build time.

    [[wizard dpo]]          the DPO wizard, its first question already in the HTML
    [[profile]]             the organisation-profile form that pre-fills every wizard
    [[sector wizards]]      links to the five wizards with the sector's usual answers filled in
    [[sector register]]     the sample register table, with its CSV download
    [[sector suppliers]]    typical suppliers and whether an Art. 28 agreement is needed
    [[sector retention]]    retention periods with their legal sources
    [[sector positions]]    the federation's own positions, marked as such
    [[sector contact]]      the federation's contact point
    [[catalogue cookies]]   common cookies and trackers with their verdict, each a link that fills in the wizard
    [[catalogue processor]] common SME suppliers with their usual role, likewise
    [[record]]              the record builder (hub/record_page.py), with the sector samples
    [[dpia-builder]]        the DPIA builder (hub/dpia_page.py), with the sector sample DPIAs
    [[gdpr-file]]           the GDPR file: what this browser keeps, what is missing, one .zip (hub/file_page.py)

An unknown marker stops the build with the file and line: a typo must not ship as literal text.
"""
from __future__ import annotations

import html
import json
import re
import unicodedata
import urllib.parse
from dataclasses import dataclass, field
from typing import Any

from wizards.rules import profile as profile_fields
from wizards.present.flowchart import mermaid, outline_html
from wizards.present.render import question_html
from wizards.registry import WIZARDS
from wizards.present.texts import t

from .sectors import Sector

MARKER = re.compile(r"^\[\[([a-z-]+)(?: ([a-z0-9-]+))?\]\]\s*$", re.M)


class MarkerError(ValueError):
    pass


@dataclass(frozen=True)
class PageContext:
    lang: str
    root: str        # relative path to the site root ("../../")
    lang_root: str   # relative path to this language's home
    where: str       # file name for error messages
    sector: Sector | None
    wheel: str       # path of the wizards wheel under assets/wheels/
    samples: tuple[Sector, ...] = ()  # the sectors whose sample registers the record page offers
    edition: str | None = None
    spreadsheet: dict[str, list[str]] = field(default_factory=dict)  # files under assets/spreadsheet/ per format
    hub_assets: str = "assets/hub/"  # the site's scripts and styles, in a folder named after their contents


SECTOR_TEXT = {
    "nl": {"activity": "Verwerking", "purpose": "Doel", "legal_basis": "Rechtsgrond", "data_subjects": "Betrokkenen",
           "data_categories": "Gegevens", "recipients": "Ontvangers", "retention": "Bewaartermijn",
           "retention_source": "Bron bewaartermijn", "security": "Beveiliging", "csv": "Download het voorbeeldregister (CSV)", "xlsx": "Als Excel-bestand (.xlsx)", "ods": "Als LibreOffice-bestand (.ods)", "build": "Maak uw eigen register vanuit dit voorbeeld",
           "supplier": "Leverancier", "role": "Rol", "agreement": "Verwerkersovereenkomst nodig?", "why": "Waarom",
           "record": "Document", "period": "Termijn", "source": "Bron", "yes": "Ja", "no": "Nee",
           "position": "Standpunt van {fed}: dit is advies van de federatie, geen wet en geen standpunt van de GBA.",
           "contact": "Vragen? Neem contact op met {fed}", "wizards": "Start een wizard. Waar een antwoord in uw sector meestal vastligt, staat het al ingevuld:",
           "wizards_plain": "Start een wizard:", "prefilled": "deels ingevuld",
           "roles": {"processor": "Verwerker", "controller": "Zelfstandige verwerkingsverantwoordelijke",
                     "joint_controller": "Gezamenlijke verwerkingsverantwoordelijke", "not_personal_data": "Verwerkt geen persoonsgegevens voor u",
                     "depends": "Hangt af van de taak"},
           "bases": {"consent": "Toestemming (art. 6, lid 1, a) AVG)", "contract": "Overeenkomst (art. 6, lid 1, b) AVG)",
                     "legal_obligation": "Wettelijke verplichting (art. 6, lid 1, c) AVG)", "vital_interests": "Vitaal belang (art. 6, lid 1, d) AVG)",
                     "public_task": "Taak van algemeen belang (art. 6, lid 1, e) AVG)", "legitimate_interests": "Gerechtvaardigd belang (art. 6, lid 1, f) AVG)"}},
    "fr": {"activity": "Traitement", "purpose": "Finalité", "legal_basis": "Base juridique", "data_subjects": "Personnes concernées",
           "data_categories": "Données", "recipients": "Destinataires", "retention": "Durée de conservation",
           "retention_source": "Source de la durée", "security": "Sécurité", "csv": "Télécharger le registre exemple (CSV)", "xlsx": "En fichier Excel (.xlsx)", "ods": "En fichier LibreOffice (.ods)", "build": "Construire votre propre registre à partir de cet exemple",
           "supplier": "Fournisseur", "role": "Rôle", "agreement": "Contrat de sous-traitance nécessaire ?", "why": "Pourquoi",
           "record": "Document", "period": "Durée", "source": "Source", "yes": "Oui", "no": "Non",
           "position": "Position de {fed} : c'est un conseil de la fédération, ni la loi ni une position de l'APD.",
           "contact": "Des questions ? Contactez {fed}", "wizards": "Lancez un assistant. Quand une réponse est en général acquise dans votre secteur, elle est déjà remplie :",
           "wizards_plain": "Lancez un assistant :", "prefilled": "en partie rempli",
           "roles": {"processor": "Sous-traitant", "controller": "Responsable du traitement distinct",
                     "joint_controller": "Responsable conjoint du traitement", "not_personal_data": "Ne traite pas de données personnelles pour vous",
                     "depends": "Dépend de la tâche"},
           "bases": {"consent": "Consentement (art. 6, § 1, a) RGPD)", "contract": "Contrat (art. 6, § 1, b) RGPD)",
                     "legal_obligation": "Obligation légale (art. 6, § 1, c) RGPD)", "vital_interests": "Intérêts vitaux (art. 6, § 1, d) RGPD)",
                     "public_task": "Mission d'intérêt public (art. 6, § 1, e) RGPD)", "legitimate_interests": "Intérêt légitime (art. 6, § 1, f) RGPD)"}},
    "en": {"activity": "Processing", "purpose": "Purpose", "legal_basis": "Legal basis", "data_subjects": "People concerned",
           "data_categories": "Data", "recipients": "Recipients", "retention": "Retention period",
           "retention_source": "Source of the period", "security": "Security", "csv": "Download the sample register (CSV)", "xlsx": "As an Excel file (.xlsx)", "ods": "As a LibreOffice file (.ods)", "build": "Build your own record from this sample",
           "supplier": "Supplier", "role": "Role", "agreement": "Processing agreement needed?", "why": "Why",
           "record": "Record", "period": "Period", "source": "Source", "yes": "Yes", "no": "No",
           "position": "Position of {fed}: this is the federation's advice, not the law and not a position of the Belgian DPA.",
           "contact": "Questions? Contact {fed}", "wizards": "Start a wizard. Where an answer is usually settled in your sector, it is already filled in:",
           "wizards_plain": "Start a wizard:", "prefilled": "partly filled in",
           "roles": {"processor": "Processor", "controller": "Separate controller",
                     "joint_controller": "Joint controller", "not_personal_data": "Processes no personal data for you",
                     "depends": "Depends on the task"},
           "bases": {"consent": "Consent (Art. 6(1)(a) GDPR)", "contract": "Contract (Art. 6(1)(b) GDPR)",
                     "legal_obligation": "Legal obligation (Art. 6(1)(c) GDPR)", "vital_interests": "Vital interests (Art. 6(1)(d) GDPR)",
                     "public_task": "Public task (Art. 6(1)(e) GDPR)", "legitimate_interests": "Legitimate interests (Art. 6(1)(f) GDPR)"}},
}
REGISTER_COLUMNS = ("activity", "purpose", "legal_basis", "data_subjects", "data_categories", "recipients",
                    "retention", "retention_source", "security")


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _cell(value: Any, lang: str) -> str:
    return value[lang] if isinstance(value, dict) else str(value)


def register_rows(sector: Sector, lang: str) -> list[list[str]]:
    words = SECTOR_TEXT[lang]
    rows = [[words[c] for c in REGISTER_COLUMNS]]
    for entry in sector.data["register"]:
        rows.append([
            words["bases"][entry[c]] if c == "legal_basis" else _cell(entry[c], lang) for c in REGISTER_COLUMNS
        ])
    return rows


def _table(rows: list[list[str]], *, links: list[str] | None = None, link_title: str = "", css: str = "",
           cards: bool = False) -> str:
    """Header row plus body rows, all escaped. With `links`, each body row's first cell links to links[i].

    Each cell carries its column name (data-label): on a narrow screen hub.css shows every row as a card
    with the names beside the values, so nothing scrolls sideways. With `cards`, the rows are cards at
    every width: nine columns do not fit even a wide screen (the register)."""
    head = "".join(f"<th scope=\"col\">{_e(c)}</th>" for c in rows[0])

    def first(i: int, cell: str) -> str:
        if links is None:
            return _e(cell)
        return f'<a href="{_e(links[i])}" title="{_e(link_title)}">{_e(cell)}</a>'

    body = "".join(
        "<tr>" + "".join(f'<td data-label="{_e(rows[0][j])}">{first(i, c) if j == 0 else _e(c)}</td>'
                         for j, c in enumerate(row)) + "</tr>"
        for i, row in enumerate(rows[1:])
    )
    table_class = f' class="{css}"' if css else ""
    layout = "hub-table hub-table--cards" if cards else "hub-table"
    # Wide tables scroll sideways; keyboard users must be able to reach the scroll area.
    return (f'<div class="md-typeset__scrollwrap {layout}" tabindex="0" role="region" aria-label="{_e(rows[0][0])}">'
            f'<div class="md-typeset__table"><table{table_class}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div></div>')


def _sector_folder(ctx: PageContext) -> str:
    """The downloads sit in the sector's folder; a page other than the sector's index is one folder deeper
    (use_directory_urls: register.md is served at <sector>/register/)."""
    return "" if ctx.where.endswith("/index.md") else "../"


def wizard_fragment(answers: dict[str, Any]) -> str:
    """Answers as a URL fragment (#q=a&list=a,b): the same format the wizard page reads and writes."""
    flat = {k: ",".join(v) if isinstance(v, (list, tuple)) else str(v) for k, v in answers.items()}
    return urllib.parse.urlencode(flat, safe=",")


def sector_answers(sector: Sector, wizard_id: str) -> dict[str, Any]:
    wizard = WIZARDS[wizard_id]
    own = {q.id for q in wizard.questions}
    answers = {k: v for k, v in (sector.data.get("profile") or {}).items() if k in own}
    answers.update((sector.data.get("prefill") or {}).get(wizard_id, {}))
    return answers


def render_wizard(wizard_id: str, ctx: PageContext) -> str:
    wizard = WIZARDS.get(wizard_id)
    if wizard is None:
        raise MarkerError(f"{ctx.where}: unknown wizard {wizard_id!r} in [[wizard ...]]; known: {', '.join(WIZARDS)}")
    lang = ctx.lang
    first = wizard.rules[0].when.needed({})[0]
    form = question_html(wizard, wizard.question(first), lang, number=1)
    chart = mermaid(wizard, lang)
    profile_ids = json.dumps(sorted(q.id for q in wizard.questions if q.ns == "profile"))
    # The page reads only these keys from a link's fragment; any other key (utm_source=...) is dropped.
    question_ids = json.dumps([q.id for q in wizard.questions])
    return (
        f'<div class="wz" id="wz-{wizard.id}" data-wizard="{wizard.id}" data-lang="{lang}" data-state="loading" '
        f'data-root="{_e(ctx.root)}" data-lang-root="{_e(ctx.lang_root)}" '
        f"data-profile-fields='{_e(profile_ids)}' data-questions='{_e(question_ids)}' aria-busy=\"false\">"
        f'<p class="wz-privacy">{_e(t(lang, "ui.privacy"))}</p>'
        f'<div class="wz-answers-box"></div>'
        f'<p class="wz-notice" role="status" hidden></p>'
        f'<div class="wz-stage">{form}</div>'
        f'<p class="wz-start-over" hidden><button type="button" class="md-button" data-action="restart">{_e(t(lang, "ui.restart"))}</button></p>'
        f'<p class="wz-status" role="status" aria-live="polite">{_e(t(lang, "ui.loading"))}</p>'
        # Not a live region: a whole result read out at once is too long (about 3,000 characters). The
        # verdict line alone goes to .wz-announce, or is read from the focused heading (wizard.js).
        f'<div class="wz-result-box"></div>'
        f'<p class="wz-announce wz-sr" role="status" aria-live="polite"></p>'
        f'<div class="wz-tools" hidden>'
        f'<button type="button" class="md-button" data-action="download-md">{_e(t(lang, "ui.download_md"))}</button> '
        f'<button type="button" class="md-button" data-action="download-json">{_e(t(lang, "ui.download_json"))}</button> '
        f'<button type="button" class="md-button" data-action="print">{_e(t(lang, "ui.print"))}</button> '
        f'<a class="wz-share" href="#">{_e(t(lang, "ui.share"))}</a> <span class="wz-share-note">{_e(t(lang, "ui.share_note"))}</span>'
        f"</div>"
        f"<noscript><p>{_e(t(lang, 'ui.failed'))}</p></noscript>"
        f"</div>\n\n"
        f'<details class="wz-flow" id="wz-{wizard.id}-flow"><summary>{_e(t(lang, "ui.flowchart"))}</summary>'
        f'<pre class="wz-mermaid-src" hidden data-search-exclude>{_e(chart)}</pre><div class="wz-mermaid" role="region" tabindex="0" '
        # On a phone the chart keeps its drawn width and scrolls in this box: a keyboard reaches it and a
        # screen reader names it (WCAG 2.1.1, 4.1.2).
        f'aria-label="{_e(t(lang, "ui.flowchart"))}"></div>'
        f'<h3>{_e(t(lang, "ui.flowchart_text"))}</h3>{outline_html(wizard, lang)}</details>\n'
    )


def render_profile(ctx: PageContext) -> str:
    lang = ctx.lang
    from wizards.present.render import option_label, question_help, question_text

    class _Profile:  # the profile questions are shared, not owned by one wizard
        id = "profile"

        @staticmethod
        def text_ns(question: Any) -> str:
            return "profile"

    # method="dialog": outside a <dialog> a submit goes nowhere, so without JavaScript (or if the page
    # script stops) the answers are not sent to the server as a query string.
    parts = [f'<form class="wz-profile" method="dialog" data-lang="{lang}" data-root="{_e(ctx.root)}">'
             f'<h2>{_e(t(lang, "profile.title"))}</h2><p>{_e(t(lang, "profile.intro"))}</p>']
    # Who the organisation is and who decides: the combined record names them (optional, kept locally).
    # (The organisation's name is a profile field of its own, wizards/rules/profile.py, asked below.)
    for name, auto in (("decided_by", "off"),):
        parts.append(f'<p><label for="profile-{name}"><strong>{_e(t(lang, f"record.{name}"))}</strong></label><br>'
                     f'<input type="text" class="wz-number" style="width: min(100%, 30rem)" id="profile-{name}" name="{name}" '
                     f'maxlength="200" autocomplete="{auto}"></p>')
    for q in profile_fields.FIELDS:
        field_id = f"profile-{q.id}"
        help_text = question_help(_Profile, q, lang)  # type: ignore[arg-type]
        if q.kind == "text":
            parts.append(f'<p><label for="{field_id}"><strong>{_e(question_text(_Profile, q, lang))}</strong></label><br>'  # type: ignore[arg-type]
                         f'<span class="wz-help" id="{field_id}-help">{_e(help_text or "")}</span><br>'
                         f'<input type="text" class="wz-number" style="width: min(100%, 30rem)" id="{field_id}" '
                         f'name="{q.id}" maxlength="{q.max_length}" autocomplete="{"organization" if q.id == "org_name" else "off"}" aria-describedby="{field_id}-help"></p>')
            continue
        if q.kind == "number":
            parts.append(f'<p><label for="{field_id}"><strong>{_e(question_text(_Profile, q, lang))}</strong></label><br>'  # type: ignore[arg-type]
                         f'<span class="wz-help" id="{field_id}-help">{_e(help_text or "")}</span><br>'
                         f'<input type="number" id="{field_id}" name="{q.id}" min="{q.minimum}" max="{q.maximum}" '
                         f'inputmode="numeric" aria-describedby="{field_id}-help"></p>')
            continue
        kind = "checkbox" if q.kind == "checklist" else "radio"
        values = q.items if q.kind == "checklist" else q.options
        parts.append(f'<fieldset class="wz-fieldset"><legend><strong>{_e(question_text(_Profile, q, lang))}</strong></legend>')  # type: ignore[arg-type]
        if help_text:
            parts.append(f'<p class="wz-help">{_e(help_text)}</p>')
        for v in values:
            parts.append(f'<label class="wz-option"><input type="{kind}" name="{q.id}" value="{_e(v)}"> '
                         f'<span>{_e(option_label(_Profile, q, v, lang))}</span></label>')  # type: ignore[arg-type]
        parts.append("</fieldset>")
    parts.append(f'<p class="wz-status" role="status" aria-live="polite"></p>'
                 f'<button type="submit" class="md-button md-button--primary">{_e(t(lang, "profile.save"))}</button> '
                 f'<button type="button" class="md-button" data-action="clear">{_e(t(lang, "profile.clear"))}</button> '
                 f'<button type="button" class="md-button" data-action="download-all">{_e(t(lang, "profile.download_all"))}</button></form>')
    return "".join(parts)


def _slug(text: str) -> str:
    """A file-name part: no accents, lower case, words joined by hyphens (as record.js does)."""
    plain = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40].rstrip("-")


def render_sector(block: str, ctx: PageContext) -> str:
    sector = ctx.sector
    if sector is None:
        raise MarkerError(f"{ctx.where}: [[sector {block}]] can only be used on a sector page (sectors/<id>/pages/...)")
    lang, data, words = ctx.lang, sector.data, SECTOR_TEXT[ctx.lang]
    federation = data["federations"][0]
    if block == "register":
        # Saved under the document's and the sector's name in the page's language, as the record page names
        # its own downloads (issue 23, defect 22); the address stays register.<ext> for every language.
        saved = f"{t(lang, 'doc.ui.file_record')}-{_slug(data['name'][lang])}"
        links = " ".join(f'<a class="md-button" href="{_sector_folder(ctx)}register.{ext}" download="{_e(saved)}.{ext}">'
                         f'{_e(words[ext])}</a>' for ext in ("csv", "xlsx", "ods"))
        build = f'<a href="{_e(ctx.lang_root)}wizards/record/#sector={sector.id}">{_e(words["build"])}</a>'
        return _table(register_rows(sector, lang), cards=True) + f'\n\n<p>{links}</p>\n<p>{build}</p>\n'
    if block == "suppliers":
        rows = [[words["supplier"], words["role"], words["agreement"], words["why"]]]
        rows += [[s["supplier"][lang], words["roles"][s["role"]], words["yes"] if s["agreement_needed"] else words["no"], s["why"][lang]]
                 for s in data["suppliers"]]
        return _table(rows) + "\n"
    if block == "retention":
        rows = [[words["record"], words["period"], words["source"]]]
        rows += [[r["record"][lang], r["period"][lang], r["source"][lang]] for r in data["retention"]]
        return _table(rows) + "\n"
    if block == "positions":
        out = []
        for position in data.get("positions") or []:
            label = words["position"].format(fed=federation["short"])
            out.append(f'<div class="admonition hub-federation" role="note"><p class="admonition-title">{_e(position["title"][lang])}</p>'
                       f'<p class="hub-federation-label">{_e(label)}</p><p>{_e(position["text"][lang])}</p></div>')
        return "\n".join(out) + "\n"
    if block == "contact":
        contact = data["edition"]["contact"]
        bits = [f"<strong>{_e(contact['name'][lang])}</strong>"]
        if contact.get("email"):
            bits.append(f'<a href="mailto:{_e(contact["email"])}">{_e(contact["email"])}</a>')
        if contact.get("phone"):
            bits.append(_e(contact["phone"]))
        if contact.get("url"):
            bits.append(f'<a href="{_e(contact["url"])}">{_e(contact["url"])}</a>')
        title = words["contact"].format(fed=federation["short"])
        return f'<div class="admonition info hub-contact"><p class="admonition-title">{_e(title)}</p><p>{" · ".join(bits)}</p></div>\n'
    if block == "wizards":
        items = []
        any_answers = False
        for wizard_id in WIZARDS:
            answers = sector_answers(sector, wizard_id)
            any_answers = any_answers or bool(answers)
            fragment = ("#" + wizard_fragment(answers)) if answers else ""
            href = f"{ctx.lang_root}wizards/{wizard_id}/{fragment}"
            # Say which links carry answers: a sector without a profile must not promise pre-filled wizards.
            note = f" ({_e(words['prefilled'])})" if answers else ""
            items.append(f'<li><a href="{_e(href)}">{_e(t(lang, f"{wizard_id}.title"))}</a>{note}</li>')
        intro = words["wizards"] if any_answers else words["wizards_plain"]
        return f"<p>{_e(intro)}</p><ul>{''.join(items)}</ul>\n"
    raise MarkerError(f"{ctx.where}: unknown marker [[sector {block}]]; known: wizards, register, suppliers, retention, positions, contact")


CATALOGUE_TEXT = {
    "nl": {"use": "Vul de wizard in met deze antwoorden", "name": "Naam", "what": "Wat en waarom", "result": "Meestal",
           "depends": "Hangt ervan af"},
    "fr": {"use": "Remplir l'assistant avec ces réponses", "name": "Nom", "what": "Quoi et pourquoi", "result": "En général",
           "depends": "Cela dépend"},
    "en": {"use": "Fill in the wizard with these answers", "name": "Name", "what": "What and why", "result": "Usually",
           "depends": "It depends"},
}


def render_catalogue(kind: str, ctx: PageContext) -> str:
    """A pick-list: each row's link puts its answers in the page's fragment, which the wizard reads."""
    lang, words = ctx.lang, CATALOGUE_TEXT[ctx.lang]
    rows = []
    if kind == "cookies":
        from wizards.rules.cookies import catalogue

        for entry in catalogue():
            label = t(lang, f"verdict.{entry['verdict']}")
            rows.append((f"{entry['name'][lang]} ({entry['provider'][lang]})", f"{entry['purpose'][lang]} {entry['reason'][lang]}",
                         label, entry["answers"]))
    elif kind == "processor":
        from wizards.rules.processor import suppliers

        roles = SECTOR_TEXT[lang]["roles"]
        for entry in suppliers():
            label = roles.get(entry["role"], words["depends"])
            rows.append((entry["name"][lang], entry["reason"][lang], label, entry["answers"]))
    else:
        raise MarkerError(f"{ctx.where}: unknown catalogue {kind!r}; known: cookies, processor")
    table = [[words["name"], words["what"], words["result"]]] + [[name, what, label] for name, what, label, _ in rows]
    links = ["#" + wizard_fragment(answers) for *_, answers in rows]
    return _table(table, links=links, link_title=words["use"], css="wz-catalogue") + "\n"


def expand(markdown: str, ctx: PageContext) -> tuple[str, bool]:
    """Returns the page with its markers replaced, and whether it holds a wizard."""
    has_wizard = False

    def replace(match: re.Match[str]) -> str:
        nonlocal has_wizard
        kind, arg = match.group(1), match.group(2)
        if kind == "wizard" and arg:
            has_wizard = True
            return render_wizard(arg, ctx)
        if kind == "profile" and not arg:
            return render_profile(ctx)
        if kind == "sector" and arg:
            return render_sector(arg, ctx)
        if kind == "catalogue" and arg:
            return render_catalogue(arg, ctx)
        if kind == "record" and not arg:
            from .record_page import render_record
            has_wizard = True  # it needs the Python worker the wizard pages start
            return render_record(ctx.lang, ctx.root, ctx.lang_root, ctx.samples, ctx.edition, ctx.spreadsheet, ctx.hub_assets)
        if kind == "dpia-builder" and not arg:
            from .dpia_page import render_dpia_builder
            has_wizard = True  # like the record page, it needs the Python worker
            return render_dpia_builder(ctx.lang, ctx.root, ctx.lang_root, ctx.samples, ctx.edition, ctx.spreadsheet,
                                       ctx.hub_assets)
        if kind == "gdpr-file" and not arg:
            from .file_page import render_gdpr_file
            has_wizard = True  # it needs the Python worker the wizard pages start
            return render_gdpr_file(ctx.lang, ctx.root, ctx.lang_root, ctx.spreadsheet, ctx.hub_assets)
        line = markdown.count("\n", 0, match.start()) + 1
        raise MarkerError(f"{ctx.where}, line {line}: unknown marker {match.group(0).strip()!r}")

    expanded = MARKER.sub(replace, markdown)
    if expanded != markdown:
        expanded += "\n\n" + _ui_texts(ctx.lang) + "\n"
    return expanded, has_wizard


def _ui_texts(lang: str) -> str:
    """The few interface strings the page script needs before Python has started."""
    keys = {"answer_required": "ui.answer_required", "loading": "ui.loading", "failed": "ui.failed",
            "ready": "ui.ready", "answer_kept": "ui.answer_kept", "date_incomplete": "ui.date_incomplete",
            "refused": "ui.refused", "record_title": "ui.record_title", "profile_title": "profile.title",
            "profile_saved": "profile.saved", "profile_cleared": "profile.cleared",
            "profile_clear_confirm": "profile.clear_confirm",
            "ignored_keys": "notice.ignored_keys", "answer_dropped": "notice.answer_dropped",
            "step_failed": "notice.step_failed", "storage_off": "notice.storage_off", "export_failed": "ui.export_failed",
            # the combined record, written by the page from the stored results
            **{k: f"ui.{k}" for k in ("date", "version", "result", "your_answers", "open_points", "grounds",
                                      "not_examined", "actions", "sources", "record_note", "disclaimer")},
            **{k: f"record.{k}" for k in ("org_name", "no_profile", "no_results", "decision", "decided_by",
                                          "decision_date", "signature", "drawn_up")}}
    texts = {k: t(lang, v) for k, v in keys.items()}
    texts["colon"] = "\u202f: " if lang == "fr" else ": "  # French puts a narrow no-break space before ":"
    data = json.dumps(texts, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/json" id="wz-texts">{data}</script>'
