"""Turns a Decision into words: a plain dict (JSON), a Markdown record and HTML, in one language."""
from __future__ import annotations

from wizards.present.markup import escape, fence, md

import datetime as _dt
import json
from typing import Any

from wizards.present.citations import cite
from wizards.engine.walk import Decision, Refused
from wizards.engine.logic import Answer
from wizards.engine.belgian_time import format_date, format_datetime
from wizards.engine.model import Action, Checklist, Outcome, Number, Question, Text, When, Wizard
from wizards.present.texts import catalogue, has, t
from wizards.present.typography import french, french_html


def question_text(wizard: Wizard, question: Question, lang: str) -> str:
    return t(lang, f"{wizard.text_ns(question)}.q.{question.id}.text")


def question_help(wizard: Wizard, question: Question, lang: str) -> str | None:
    key = f"{wizard.text_ns(question)}.q.{question.id}.help"
    return t(lang, key) if has(lang, key) else None


def option_label(wizard: Wizard, question: Question, value: str, lang: str) -> str:
    ns = wizard.text_ns(question)
    if isinstance(question, Checklist):
        return t(lang, f"{ns}.q.{question.id}.i.{value}")
    own = f"{ns}.q.{question.id}.o.{value}"
    return t(lang, own) if has(lang, own) else t(lang, f"option.{value}")


def when_label(question: When, answer: str, lang: str) -> str:
    """An ISO answer as a Belgian reader writes it: 2 december 2026 om 14:30."""
    moment = _dt.datetime.fromisoformat(answer)
    return format_datetime(moment, lang) if question.with_time else format_date(moment.date(), lang)


def answer_label(wizard: Wizard, question: Question, answer: Answer, lang: str) -> str:
    if isinstance(question, When):
        return when_label(question, str(answer), lang)
    if isinstance(question, Text):
        return str(answer)
    if isinstance(question, Number):
        return str(answer)
    if isinstance(question, Checklist):
        ticked = [option_label(wizard, question, v, lang) for v in answer]  # type: ignore[union-attr]
        return "; ".join(ticked) if ticked else t(lang, "ui.none_ticked")
    return option_label(wizard, question, str(answer), lang)


def refusal_message(refused: Refused, lang: str) -> str:
    params = dict(refused.params)
    if refused.code in ("impossible_date", "future_date", "skipped_hour"):
        # Only a visitor's date field gets here: the visitor reads the question, not its key, and the
        # date as a Belgian writes it (a date that does not exist stays as it was typed).
        ending = f".q.{params['question']}.text"
        params["question"] = next((text for key, text in catalogue(lang).items() if key.endswith(ending)),
                                  params["question"])
        try:
            moment = _dt.datetime.fromisoformat(str(params["value"]))
            params["value"] = format_datetime(moment, lang) if "T" in str(params["value"]) else format_date(moment.date(), lang)
        except ValueError:
            pass
    if "conflict" in params:
        params["conflict"] = t(lang, params["conflict"])
    # The engine names the kind in English ("whole number"); the message is in the visitor's language.
    kind = f"kind.{str(params.get('expected', '')).replace(' ', '_')}"
    if "expected" in params and has(lang, kind):
        params["expected"] = t(lang, kind)
    return t(lang, f"error.{refused.code}", **params)


def _unsure_text(wizard: Wizard, rule_id: str, answers: dict[str, Answer], lang: str) -> str:
    """Why a rule stayed open. Its own text speaks of every question it reads; when some of them were
    answered, name only those still "not sure" (it must not say "not sure whether sensitive data" to
    someone who answered "yes" to that and "not sure" only to the scale)."""
    asked = [q for q in dict.fromkeys(wizard.rule(rule_id).when.questions()) if q in answers]
    unsure = [q for q in asked if answers[q] == "unsure"]
    if unsure and len(unsure) < len(asked):
        names = "; ".join(question_text(wizard, wizard.question(q), lang) for q in unsure)
        return t(lang, "ui.unsure_on", questions=names)
    return t(lang, f"{wizard.id}.rule.{rule_id}.unsure")


def _open_points(wizard: Wizard, decision: Decision, lang: str) -> list[dict[str, Any]]:
    """Each point the verdict depends on, with the questions answered "not sure" on it and their help:
    the verdict must say what to look at, since the questions themselves are no longer on screen."""
    rules = {r.id: r for r in wizard.rules}
    shown: set[str] = set()
    points = []
    for rule_id in decision.open_points:
        asked = [q for q in rules[rule_id].when.questions() if q in decision.answers]
        unsure = [q for q in asked if decision.answers[q] == "unsure"] or asked
        questions = []
        for qid in dict.fromkeys(unsure):
            # A question shared by several points is listed once, at the first (issue 23, defect 16).
            if qid in shown:
                continue
            question = wizard.question(qid)
            questions.append({"question": qid, "text": question_text(wizard, question, lang),
                              "help": question_help(wizard, question, lang)})
            shown.add(qid)
        if not questions:  # every question of this point was already listed under an earlier one
            continue
        points.append({"rule": rule_id, "point": _unsure_text(wizard, rule_id, decision.answers, lang),
                       "questions": questions})
    return points


def _same_words(conclusion: str, verdict_label: str) -> bool:
    """True when the conclusion opens with the verdict's words ("It depends." after "It depends"): then
    the conclusion alone is shown as the result, so the verdict is not said twice."""
    label = verdict_label.strip().rstrip(".!").casefold()
    return conclusion.strip().casefold().startswith(label)


def _shared_actions(outcomes: list[Outcome]) -> list[Action]:
    """The actions every one of these outcomes has, in the order of the first."""
    if not outcomes:
        return []
    shared = set.intersection(*({a.id for a in o.actions} for o in outcomes))
    return [a for a in outcomes[0].actions if a.id in shared]


def certain_actions(wizard: Wizard, decision: Decision) -> list[Action]:
    """What holds in every outcome still open: the settled outcome's actions, or the actions all open
    outcomes share, in the order of the first. Never an action that no open outcome needs."""
    if decision.outcome != wizard.depends:
        return list(wizard.outcome(decision.outcome).actions)
    return _shared_actions([wizard.outcome(o) for o in decision.possible])


def _branches(wizard: Wizard, decision: Decision, lang: str, certain: list[Action]) -> list[dict[str, Any]]:
    """For each "not sure" that matters: each answer, the outcomes it leaves and what it adds to do."""
    done = {a.id for a in certain}
    shown: set[str] = set()
    out: list[dict[str, Any]] = []
    for branch in decision.branches:
        question = wizard.question(branch.question)
        if branch.question not in shown:
            shown.add(branch.question)
            out.append({"question": branch.question, "text": question_text(wizard, question, lang),
                        "help": question_help(wizard, question, lang),
                        "presumed": getattr(question, "presume", None), "ways": []})
        outcomes = [wizard.outcome(o) for o in branch.outcomes]
        extra = [a for a in _shared_actions(outcomes) if a.id not in done]
        label = option_label(wizard, question, branch.value, lang)
        presumed = branch.value == getattr(question, "presume", None)
        # "As long as you cannot show otherwise", "If you can show ...", or "If the answer is ...".
        key = "ui.if_presumed" if presumed else ("ui.if_shown" if out[-1]["presumed"] else "ui.if_answer")
        out[-1]["ways"].append({
            "value": branch.value,
            "label": label,
            "presumed": presumed,
            "lead": t(lang, key, answer=label),
            "outcomes": [{"id": o.id, "verdict": t(lang, f"verdict.{o.verdict.value}"),
                          "title": t(lang, f"{wizard.id}.outcome.{o.id}.title")} for o in outcomes],
            "actions": [{"text": t(lang, f"{wizard.id}.action.{a.id}"), "link": a.link} for a in extra],
        })
    return out


def to_dict(wizard: Wizard, decision: Decision, lang: str) -> dict[str, Any]:
    """The record as data: what the command line prints and the JSON download holds."""
    outcome = wizard.outcome(decision.outcome)
    certain = certain_actions(wizard, decision)
    is_open = decision.outcome == wizard.depends
    source_ids: list[str] = []
    for finding in decision.findings:
        source_ids += [c for c in finding.cites if c not in source_ids]
    source_ids += [c for c in outcome.cites if c not in source_ids]
    findings = [
        {
            "rule": f.rule,
            "title": t(lang, f"{wizard.id}.rule.{f.rule}.title"),
            "status": f.status.value,
            "explanation": (_unsure_text(wizard, f.rule, decision.answers, lang) if f.status.value == "unsure"
                            else t(lang, f"{wizard.id}.rule.{f.rule}.{f.status.value}")),
            "sources": [cite(c, lang).label for c in f.cites],
        }
        for f in decision.findings
    ]
    record: dict[str, Any] = {
        "wizard": wizard.id,
        "title": t(lang, f"{wizard.id}.title"),
        "language": lang,
        "date": decision.date,
        "version": decision.version,
        "verdict": decision.verdict.value,
        "verdict_label": t(lang, f"verdict.{decision.verdict.value}"),
        "outcome": decision.outcome,
        "role": decision.role,
        "conclusion": t(lang, "ui.open_conclusion") if is_open else t(lang, f"{wizard.id}.outcome.{outcome.id}.title"),
        "summary": t(lang, f"{wizard.id}.outcome.{outcome.id}.summary"),
        # The outcomes still open (one when settled), and per open answer what each way would mean.
        "possible": [{"id": o, "verdict": t(lang, f"verdict.{wizard.outcome(o).verdict.value}"),
                      "title": t(lang, f"{wizard.id}.outcome.{o}.title")} for o in decision.possible],
        "branches": _branches(wizard, decision, lang, certain),
        "answers": [
            {
                "question": key,
                "text": question_text(wizard, wizard.question(key), lang),
                "answer": list(value) if isinstance(value, tuple) else value,
                "answer_label": answer_label(wizard, wizard.question(key), value, lang),
            }
            for key, value in decision.answers.items()
        ],
        "reasons": findings,
        "depends_on": [_unsure_text(wizard, r, decision.answers, lang) for r in decision.open_points],
        "open_points": _open_points(wizard, decision, lang),
        "not_examined": len(findings) < len(wizard.rules),
        "actions": [{"text": t(lang, f"{wizard.id}.action.{a.id}"), "link": a.link} for a in certain],
        "sources": [{"id": c, "label": cite(c, lang).label, "url": cite(c, lang).url} for c in source_ids],
    }
    if wizard.extras is not None:
        # Deadlines, a letter, a log line: {"sections": [{"title", "lines"}], "files": [{"name", "type", "label", "text"}]}
        record.update(wizard.extras(decision, lang))
    return record


def _shown_date(iso: str, lang: str) -> str:
    """The record's date as a Belgian reader writes it (the JSON keeps ISO 8601)."""
    try:
        return format_date(_dt.date.fromisoformat(iso), lang)
    except ValueError:
        return iso


def to_json(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2)


def to_markdown(record: dict[str, Any], lang: str) -> str:
    lines = [
        f"# {t(lang, 'ui.record_title')}: {record['title']}",
        "",
        # As a Belgian reader writes it, with the ISO date kept for search and sorting.
        f"- {t(lang, 'ui.date')}: {_shown_date(record['date'], lang)} ({record['date']})",
        f"- {t(lang, 'ui.version')}: {record['version']}",
        f"- {t(lang, 'ui.result')}: **{record['conclusion']}**" if _same_words(record["conclusion"], record["verdict_label"])
        else f"- {t(lang, 'ui.result')}: **{record['verdict_label']}**: {record['conclusion']}",
        "",
        record["summary"],
    ]
    sections = record.get("sections", [])
    for section in [sec for sec in sections if sec.get("id") == "clock"]:
        lines += ["", f"## {section['title']}", ""] + [f"- {md(line)}" for line in section["lines"]]
    title = "ui.certain_title" if record["branches"] else "ui.actions"
    lines += ["", f"## {t(lang, title)}", ""] + [f"- {a['text']}" for a in record["actions"]]
    if not record["actions"]:
        lines.append(f"- {t(lang, 'ui.nothing_certain')}")
    if record["branches"]:
        lines += ["", f"## {t(lang, 'ui.open_title')}", ""]
        for branch in record["branches"]:
            lines.append(f"- {branch['text']}")
            for way in branch["ways"]:
                titles = t(lang, "ui.or").join(o["title"] for o in way["outcomes"])
                lines.append(f"  - {way['lead']} {titles}")
                lines += [f"    - {a['text']}" for a in way["actions"]]
    lines += ["", f"## {t(lang, 'ui.your_answers')}", ""]
    # An answer typed by the visitor (a name, an address) is escaped; chosen options are the site's words.
    lines += [f"- {a['text']} **{md(a['answer_label']) if a['answer'] == a['answer_label'] else a['answer_label']}**"
              for a in record["answers"]]
    if record["open_points"]:
        lines += ["", f"## {t(lang, 'ui.open_points')}", ""]
        for point in record["open_points"]:
            lines.append(f"- {point['point']}")
            lines += [f"  - {q['text']}" + (f" {q['help']}" if q["help"] else "")
                      for q in point["questions"]]
    lines += ["", f"## {t(lang, 'ui.grounds')}", ""]
    lines += [f"1. **{r['title']}**: {r['explanation']}" for r in record["reasons"]]
    if record["not_examined"]:
        lines += ["", t(lang, "ui.not_examined")]
    for section in [sec for sec in sections if sec.get("id") != "clock"]:
        lines += ["", f"## {section['title']}", ""] + [f"- {md(line)}" for line in section["lines"]]
    for attached in record.get("files", []):
        body = attached["text"].rstrip("\n")
        lines += ["", f"## {attached['label']}", "", fence(body) + "text", body, fence(body)]
    lines += ["", f"## {t(lang, 'ui.sources')}", ""]
    lines += [f"- {s['label']}" + (f" <{s['url']}>" if s["url"] else "") for s in record["sources"]]
    lines += ["", "---", "", t(lang, "ui.record_note"), "", t(lang, "ui.disclaimer"), ""]
    text = "\n".join(lines)
    return french(text) if lang == "fr" else text


def _typeset(fragment: str, lang: str) -> str:
    # Labels and texts are joined here ("Résultat: ..."), so French spacing is applied to the result.
    return french_html(fragment) if lang == "fr" else fragment


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _link(base: str, page: str) -> str:
    # use_directory_urls: guide/help.md is served at guide/help/
    target = page[:-3] + "/" if page.endswith(".md") else page
    if target.endswith("index/"):
        target = target[: -len("index/")]
    return base + target


def _branches_html(record: dict[str, Any], lang: str, base: str) -> list[str]:
    parts = [f'<h3>{_e(t(lang, "ui.open_title"))}</h3><ul class="wz-branches">']
    for branch in record["branches"]:
        parts.append(f'<li><p class="wz-branch-q"><strong>{_e(branch["text"])}</strong></p>')
        if branch["help"]:  # what to look at to find out, since the question is no longer on screen
            parts.append(f'<p class="wz-help">{_e(branch["help"])}</p>')
        parts.append("<ul>")
        for way in branch["ways"]:
            titles = t(lang, "ui.or").join(o["title"] for o in way["outcomes"])
            text = f'{_e(way["lead"])} {_e(titles)}'
            extra = "".join(f"<li>{_action_html(a, base)}</li>" for a in way["actions"])
            parts.append(f'<li data-answer="{_e(way["value"])}">{text}' + (f"<ul>{extra}</ul>" if extra else "") + "</li>")
        parts.append("</ul></li>")
    parts.append("</ul>")
    return parts


def _action_html(action: dict[str, Any], base: str) -> str:
    text = _e(action["text"])
    if action["link"]:
        # The link is named by the action it belongs to, not by an arrow alone.
        text = f'{text} <a href="{_e(_link(base, action["link"]))}" aria-label="{text}">→</a>'
    return text


def result_html(record: dict[str, Any], lang: str, base: str, answers: str = "") -> str:
    """Phone first: the verdict in one line, the deadline, what to do and the downloads; the reasoning,
    the sources, the answers and the log below, folded (opened for printing by the page's script)."""
    # "It depends" as verdict and "It depends." as conclusion would say the same thing twice.
    repeated = _same_words(record["conclusion"], record["verdict_label"])
    sections = record.get("sections", [])
    first = [sec for sec in sections if sec.get("id") == "clock"]
    later = [sec for sec in sections if sec.get("id") != "clock"]
    parts = [
        f'<section class="wz-result" data-verdict="{_e(record["verdict"])}" tabindex="-1">',
        f'<h2 class="wz-result-title">{_e(t(lang, "ui.result"))}: '
        f'<span class="wz-verdict">{_e(record["conclusion"] if repeated else record["verdict_label"])}</span></h2>',
        "" if repeated else f'<p class="wz-conclusion"><strong>{_e(record["conclusion"])}</strong></p>',
    ]
    for section in first:
        lead = section.get("lead", len(section["lines"]))
        parts.append(f'<div class="wz-deadline"><h3>{_e(section["title"])}</h3>'
                     f'<ul class="wz-section" data-section="{_e(section["id"])}">')
        parts += [f"<li>{_e(line)}</li>" for line in section["lines"][:lead]]
        parts.append("</ul></div>")
    title = "ui.certain_title" if record["branches"] else "ui.actions"
    parts.append(f"<h3>{_e(t(lang, title))}</h3><ul class=\"wz-actions\">")
    parts += [f"<li>{_action_html(action, base)}</li>" for action in record["actions"]]
    if not record["actions"]:
        parts.append(f"<li>{_e(t(lang, 'ui.nothing_certain'))}</li>")
    parts.append("</ul>")
    if record["branches"]:
        parts += _branches_html(record, lang, base)
    if record.get("files"):
        parts.append('<p class="wz-files">')
        for i, attached in enumerate(record["files"]):
            parts.append(f'<button type="button" class="md-button" data-action="download-file" data-file="{i}">'
                         f'{_e(attached["label"])}</button> ')
            if attached.get("document"):  # the same letter or log line, to edit in a word processor
                parts += [f'<button type="button" class="md-button" data-action="export-file" data-file="{i}" '
                          f'data-kind="{kind}" aria-label="{_e(attached["label"])}: {_e(t(lang, "ui.download_" + kind))}">'
                          f'{_e(t(lang, "ui.download_" + kind))}</button> ' for kind in ("odt", "docx")]
        parts.append("</p>")
    parts.append(f'<details class="wz-more"><summary>{_e(t(lang, "ui.more"))}</summary>')
    parts.append(f"<p>{_e(record['summary'])}</p>")
    for section in first:  # what the deadline box left out: how it is counted, extensions, clock changes
        rest = section["lines"][section.get("lead", len(section["lines"])):]
        if rest:
            parts.append(f'<ul class="wz-section" data-section="{_e(section["id"])}-more">')
            parts += [f"<li>{_e(line)}</li>" for line in rest]
            parts.append("</ul>")
    if record["open_points"]:
        parts.append(f"<h3>{_e(t(lang, 'ui.open_points'))}</h3><ul class=\"wz-depends\">")
        for point in record["open_points"]:
            parts.append(f"<li><p>{_e(point['point'])}</p><ul class=\"wz-depends-questions\">")
            for q in point["questions"]:
                help_text = f'<br><span class="wz-help">{_e(q["help"])}</span>' if q["help"] else ""
                parts.append(f"<li><strong>{_e(q['text'])}</strong>{help_text}</li>")
            parts.append("</ul></li>")
        parts.append("</ul>")
    parts.append(f"<h3>{_e(t(lang, 'ui.reasons'))}</h3><ol class=\"wz-reasons\">")
    for r in record["reasons"]:
        parts.append(
            f'<li data-status="{_e(r["status"])}"><strong>{_e(r["title"])}</strong>: {_e(r["explanation"])}</li>'
        )
    parts.append("</ol>")
    if record["not_examined"]:
        parts.append(f"<p class=\"wz-note\">{_e(t(lang, 'ui.not_examined'))}</p>")
    for section in later:
        parts.append(f'<h3>{_e(section["title"])}</h3><ul class="wz-section" data-section="{_e(section["id"])}">')
        parts += [f"<li>{_e(line)}</li>" for line in section["lines"]]
        parts.append("</ul>")
    parts.append(f"<h3>{_e(t(lang, 'ui.sources'))}</h3><ul class=\"wz-sources\">")
    for s in record["sources"]:
        label = _e(s["label"])
        parts.append(f'<li><a href="{_e(s["url"])}">{label}</a></li>' if s["url"] else f"<li>{label}</li>")
    parts.append("</ul>")
    if answers:
        parts.append(f'<div class="wz-answers-box-result">{answers}</div>')
    parts.append(
        f'<p class="wz-meta">{_e(t(lang, "ui.date"))}: {_e(_shown_date(record["date"], lang))} · '
        f'{_e(t(lang, "ui.version"))}: {_e(record["version"])}</p>'
    )
    parts.append("</details></section>")
    return _typeset("".join(parts), lang)


def question_html(wizard: Wizard, question: Question, lang: str, *, number: int,
                  current: Answer | None = None, can_go_back: bool = False) -> str:
    """One question as a real form: radio buttons, checkboxes or a number field, with labels."""
    qid = _e(question.id)
    field_id = f"wz-{wizard.id}-{question.id}"
    help_text = question_help(wizard, question, lang)
    # method="dialog": a submit without the page script goes nowhere instead of sending the answer.
    parts = [f'<form class="wz-step" method="dialog" data-question="{qid}" novalidate>']
    if isinstance(question, (When, Text)):
        parts.append(
            f'<p class="wz-count">{_e(t(lang, "ui.question_of", n=number))}</p>'
            f'<label class="wz-q" for="{field_id}">{_e(question_text(wizard, question, lang))}</label>'
        )
        if help_text:
            parts.append(f'<p class="wz-help" id="{field_id}-help">{_e(help_text)}</p>')
        value = "" if current is None else f' value="{_e(current)}"'
        described = f' aria-describedby="{field_id}-help"' if help_text else ""
        if isinstance(question, When):
            kind = "datetime-local" if question.with_time else "date"
            parts.append(f'<input class="wz-when" type="{kind}" id="{field_id}" name="{qid}" required{value}{described}>')
        else:
            parts.append(f'<input class="wz-text" type="text" id="{field_id}" name="{qid}" '
                         f'maxlength="{question.max_length}" required{value}{described}>')
    elif isinstance(question, Number):
        parts.append(
            f'<p class="wz-count">{_e(t(lang, "ui.question_of", n=number))}</p>'
            f'<label class="wz-q" for="{field_id}">{_e(question_text(wizard, question, lang))}</label>'
        )
        if help_text:
            parts.append(f'<p class="wz-help" id="{field_id}-help">{_e(help_text)}</p>')
        value = "" if current is None else f' value="{_e(current)}"'
        described = f' aria-describedby="{field_id}-help"' if help_text else ""
        parts.append(
            f'<input class="wz-number" type="number" id="{field_id}" name="{qid}" inputmode="numeric" '
            f'min="{question.minimum}" max="{question.maximum}" step="1" required{value}{described}>'
        )
    else:
        # The help tied to the group, as it is to a single field: a screen reader says it on entering.
        described = f' aria-describedby="{field_id}-help"' if help_text else ""
        parts.append(f'<fieldset class="wz-fieldset"{described}>')
        parts.append(
            f'<legend><span class="wz-count">{_e(t(lang, "ui.question_of", n=number))}</span> '
            f'<span class="wz-q">{_e(question_text(wizard, question, lang))}</span></legend>'
        )
        if help_text:
            parts.append(f'<p class="wz-help" id="{field_id}-help">{_e(help_text)}</p>')
        values = question.items if isinstance(question, Checklist) else question.options
        kind = "checkbox" if isinstance(question, Checklist) else "radio"
        parts.append('<div class="wz-options">')
        for value in values:
            ticked = (isinstance(current, tuple) and value in current) or current == value
            checked = " checked" if ticked else ""
            parts.append(
                f'<label class="wz-option"><input type="{kind}" name="{qid}" value="{_e(value)}"{checked}> '
                f"<span>{_e(option_label(wizard, question, value, lang))}</span></label>"
            )
        parts.append("</div></fieldset>")
    parts.append('<p class="wz-error" role="alert"></p>')
    parts.append('<div class="wz-nav">')
    if can_go_back:
        parts.append(f'<button type="button" class="md-button wz-back" data-action="back">{_e(t(lang, "ui.back"))}</button>')
    parts.append(f'<button type="submit" class="md-button md-button--primary wz-next">{_e(t(lang, "ui.next"))}</button>')
    parts.append("</div></form>")
    return _typeset("".join(parts), lang)


def answers_html(wizard: Wizard, answers: dict[str, Answer], path: list[str], lang: str) -> str:
    if not path:
        return ""
    parts = [f'<h2 class="wz-answers-title">{_e(t(lang, "ui.your_answers"))}</h2><ol class="wz-answers">']
    for qid in path:
        question = wizard.question(qid)
        parts.append(
            f'<li><span class="wz-answers-q">{_e(question_text(wizard, question, lang))}</span> '
            f'<strong>{_e(answer_label(wizard, question, answers[qid], lang))}</strong> '
            f'<button type="button" class="wz-change" data-action="change" data-question="{_e(qid)}">'
            f'{_e(t(lang, "ui.change"))}<span class="wz-sr"> — {_e(question_text(wizard, question, lang))}</span></button></li>'
        )
    parts.append("</ol>")
    return _typeset("".join(parts), lang)


