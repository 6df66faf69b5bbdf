"""JSON Schema of a wizard's answers, for federations and tools that call the command line."""
from __future__ import annotations

from typing import Any

from .model import Checklist, Choice, Number, Wizard
from .present import option_label, question_help, question_text
from .texts import t


def answer_schema(wizard: Wizard, lang: str) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for q in wizard.questions:
        description = question_text(wizard, q, lang)
        extra = question_help(wizard, q, lang)
        if extra:
            description += " " + extra
        if isinstance(q, Choice):
            prop: dict[str, Any] = {
                "type": "string",
                "enum": list(q.options),
                "x-labels": {o: option_label(wizard, q, o, lang) for o in q.options},
            }
        elif isinstance(q, Number):
            prop = {"type": "integer", "minimum": q.minimum, "maximum": q.maximum}
        else:
            assert isinstance(q, Checklist)
            prop = {
                "type": "array",
                "uniqueItems": True,
                "items": {"type": "string", "enum": list(q.items)},
                "x-labels": {i: option_label(wizard, q, i, lang) for i in q.items},
            }
        prop["description"] = description
        if q.ns == "profile":
            prop["x-profile"] = True
        properties[q.id] = prop
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": t(lang, "cli.schema_title", wizard=wizard.id),
        "description": t(lang, "cli.schema_description"),
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
