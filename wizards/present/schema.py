"""JSON Schema of a wizard's answers, for federations and tools that call the command line."""
from __future__ import annotations

from typing import Any

from wizards.engine.model import Checklist, Choice, Number, Text, When, Wizard
from wizards.present.render import option_label, question_help, question_text
from wizards.present.texts import t


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
        elif isinstance(q, When):
            prop = ({"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$",
                     "x-format": "Belgian local time (Europe/Brussels), not in the future" if q.past_only else
                     "Belgian local time (Europe/Brussels)"}
                    if q.with_time else {"type": "string", "format": "date"})
        elif isinstance(q, Text):
            prop = {"type": "string", "maxLength": q.max_length}
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
