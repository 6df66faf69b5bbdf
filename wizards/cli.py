"""`python -m wizards <name>`: answers as JSON on standard input, the decision as JSON on output.

Exit codes: 0 decided, 2 refused (bad input: the message says why, in the chosen language).
"""
from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path
from typing import Any

from wizards.engine.paths import table
from wizards.engine.walk import Refused, decide
from wizards.present import terminal
from wizards.present.arguments import Parser
from wizards.present.render import refusal_message, to_dict, to_json
from wizards.registry import WIZARDS, get
from wizards.present.schema import answer_schema
from wizards.present.texts import DEFAULT_LANGUAGE, LANGUAGES, t


_CLI_ONLY = {"no_input"}
_TYPED = {"value", "question", "wizard"}


def _suggest(word: str, choices: list[str]) -> str | None:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return close[0] if close else None


def _refuse(refused: Refused, lang: str, wizard_id: str | None = None) -> int:
    """Prints the refusal as JSON; where a name was mistyped, lists the valid ones or the closest one."""
    # The values a visitor typed are quoted cut short; the texts the wizard itself names are kept whole.
    refused = Refused(refused.code, **{k: terminal.shorten(v) if k in _TYPED else v for k, v in refused.params.items()})
    # Refusals only the command line makes have their texts under cli.*.
    message = (t(lang, f"cli.{refused.code}", **refused.params) if refused.code in _CLI_ONLY
               else refusal_message(refused, lang))
    extra: dict[str, Any] = {}
    if refused.code == "unknown_wizard":
        extra["known"] = list(WIZARDS)
        suggestion = _suggest(str(refused.params.get("wizard", "")), list(WIZARDS))
        message += " " + t(lang, "cli.known_wizards", known=", ".join(WIZARDS))
    elif refused.code == "unknown_question" and wizard_id in WIZARDS:
        suggestion = _suggest(str(refused.params.get("question", "")), [q.id for q in WIZARDS[wizard_id].questions])
    else:
        suggestion = None
    if suggestion:
        extra["suggestion"] = suggestion
        message += " " + t(lang, "cli.did_you_mean", suggestion=suggestion)
    params = {k: v for k, v in refused.params.items() if isinstance(v, (str, int))}
    terminal.write(json.dumps({"error": refused.code, "message": message, **params, **extra},
                              ensure_ascii=False, indent=2) + "\n", None)
    return 2


def _read_answers(wizard_id: str, lang: str) -> object:
    if sys.stdin.isatty():
        # Someone typed the command without a file: say what the program waits for instead of hanging silently.
        print(t(lang, "cli.terminal_hint", wizard=wizard_id), file=sys.stderr, flush=True)
    try:
        return terminal.read_json()
    except terminal.Unusable as err:
        if err.code == "no_input":
            raise Refused("no_input", wizard=wizard_id) from None
        # Python's own reasons ("Expecting value") are English; the message is in the chosen language.
        raise Refused("not_json", detail=t(lang, f"cli.{err.code}", **err.params),
                      **{k: v for k, v in err.params.items() if k in ("line", "column")}) from None


def _paths(folder: str | None) -> int:
    if folder is None:
        for wizard in WIZARDS.values():
            sys.stdout.write(f"# {wizard.id}\n{table(wizard)}")
        return 0
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for wizard in WIZARDS.values():
        (out / f"{wizard.id}.tsv").write_text(table(wizard), encoding="utf-8")
        print(f"wrote {out / (wizard.id + '.tsv')}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = Parser(prog="python -m wizards", description=__doc__.splitlines()[0])
    parser.add_argument("wizard", nargs="?", help=f"one of: {', '.join(WIZARDS)}")
    parser.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE)
    parser.add_argument("--schema", action="store_true", help="print the JSON Schema of the answers")
    parser.add_argument("--list", action="store_true", help="list the wizards")
    parser.add_argument("--paths", action="store_true",
                        help="print every path through every wizard (the golden tables)")
    parser.add_argument("--write-paths", metavar="DIR",
                        help="rewrite the golden tables in DIR after a reviewed change (tests/golden)")
    args = parser.parse_args(argv)
    if args.paths or args.write_paths:
        return _paths(args.write_paths)
    if args.list or not args.wizard:
        for wizard_id in WIZARDS:
            print(wizard_id)
        return 0
    try:
        wizard = get(args.wizard)
        if args.schema:
            terminal.write(json.dumps(answer_schema(wizard, args.lang), ensure_ascii=False, indent=2) + "\n", None)
            return 0
        decision = decide(wizard, _read_answers(wizard.id, args.lang))
    except Refused as refused:
        return _refuse(refused, args.lang, args.wizard)
    terminal.write(to_json(to_dict(wizard, decision, args.lang)) + "\n", None)
    return 0
