"""The bridge the browser's Web Worker calls: one JSON string in, one JSON string out.

Keeping the boundary to plain JSON strings means the page's JavaScript holds no legal logic at all:
it shows the HTML this module returns and keeps the visitor's answers in memory and in the URL.
"""
from __future__ import annotations

import json
from typing import Any

from wizards.documents import bridge as documents
from wizards.engine.walk import Refused, coerce, decide, validate, walk
from wizards.present.render import answers_html, question_html, refusal_message, result_html, to_dict, to_json, to_markdown
from wizards.registry import get
from wizards.present.texts import LANGUAGES


def step(payload_json: str) -> str:
    payload: dict[str, Any] = json.loads(payload_json)
    lang = payload.get("lang") if payload.get("lang") in LANGUAGES else "nl"
    base = str(payload.get("base", ""))
    focus = payload.get("focus")
    if "document" in payload:  # the record page (hub/static/record.js) uses the same worker
        return documents.handle(payload, lang)
    try:
        wizard = get(str(payload.get("wizard")))
        raw = payload.get("answers") or {}
        answers = validate(wizard, coerce(wizard, {str(k): str(v) for k, v in raw.items()}))
    except Refused as refused:
        return json.dumps({"status": "refused", "message": refusal_message(refused, lang),
                           "question": refused.params.get("question")})
    asked, upcoming = walk(wizard, answers)
    summary = answers_html(wizard, answers, asked, lang)
    if focus in asked:
        index = asked.index(focus)
        html = question_html(wizard, wizard.question(focus), lang, number=index + 1,
                             current=answers[focus], can_go_back=index > 0)
        return json.dumps({"status": "question", "question": focus, "html": html, "answers_html": summary, "path": asked})
    if upcoming is not None:
        html = question_html(wizard, upcoming, lang, number=len(asked) + 1, can_go_back=bool(asked))
        return json.dumps({"status": "question", "question": upcoming.id, "html": html, "answers_html": summary, "path": asked})
    decision = decide(wizard, {k: answers[k] for k in asked})
    record = to_dict(wizard, decision, lang)
    return json.dumps({
        "status": "result",
        "verdict": decision.verdict.value,
        # On a phone the result comes first; the answers, with their "Change" buttons, fold inside it.
        "html": result_html(record, lang, base, answers=summary),
        "answers_html": "",
        "path": asked,
        "record_md": to_markdown(record, lang),
        "record_json": to_json(record),
        "files": record.get("files", []),
    })
