"""`python -m wizards <name>`: answers as JSON on standard input, the decision as JSON on output.

Exit codes: 0 decided, 2 refused (bad input: the message says why, in the chosen language).
"""
from __future__ import annotations

import argparse
import json
import sys

from .engine import Refused, decide
from .present import refusal_message, to_dict, to_json
from .registry import WIZARDS, get
from .schema import answer_schema
from .texts import DEFAULT_LANGUAGE, LANGUAGES


def _refuse(refused: Refused, lang: str) -> int:
    print(json.dumps({"error": refused.code, "message": refusal_message(refused, lang), **{
        k: v for k, v in refused.params.items() if isinstance(v, (str, int))}}, ensure_ascii=False, indent=2))
    return 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wizards", description=__doc__.splitlines()[0])
    parser.add_argument("wizard", nargs="?", help=f"one of: {', '.join(WIZARDS)}")
    parser.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE)
    parser.add_argument("--schema", action="store_true", help="print the JSON Schema of the answers")
    parser.add_argument("--list", action="store_true", help="list the wizards")
    args = parser.parse_args(argv)
    if args.list or not args.wizard:
        for wizard_id in WIZARDS:
            print(wizard_id)
        return 0
    try:
        wizard = get(args.wizard)
        if args.schema:
            print(json.dumps(answer_schema(wizard, args.lang), ensure_ascii=False, indent=2))
            return 0
        raw = sys.stdin.read()
        try:
            answers = json.loads(raw)
        except json.JSONDecodeError as err:
            raise Refused("not_json", detail=f"line {err.lineno}, column {err.colno}: {err.msg}") from None
        decision = decide(wizard, answers)
    except Refused as refused:
        return _refuse(refused, args.lang)
    print(to_json(to_dict(wizard, decision, args.lang)))
    return 0
