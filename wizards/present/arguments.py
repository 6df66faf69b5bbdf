"""The command lines' argument parser: a usage error says what is wrong in the chosen language, exit 2.

argparse words its own errors in English and prints them before the program has read `--lang`, so the
language is read from the raw arguments first (`--lang` may come after the word it could not read) and
argparse's message, whose few forms are fixed in the standard library, is worded again in that language.
"""
from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

from wizards.present import terminal
from wizards.present.texts import DEFAULT_LANGUAGE, LANGUAGES, t

# argparse's messages (Lib/argparse.py); anything else gets the general text.
_UNKNOWN = re.compile(r"unrecognized arguments: (?P<words>.*)", re.S)
_MISSING = re.compile(r"the following arguments are required: (?P<names>.*)", re.S)
_CHOICE = re.compile(r"argument (?P<option>[^:]+): invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)", re.S)
_NO_VALUE = re.compile(r"argument (?P<option>[^:]+): expected (one|at least one) argument")
_AMBIGUOUS = re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)", re.S)


def language_in(argv: list[str]) -> str:
    """The `--lang` value among the raw arguments (the last one, as argparse takes it), if it is a known one."""
    lang = DEFAULT_LANGUAGE
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else arg.partition("=")[2] if arg.startswith("--lang=") else None
        if value in LANGUAGES:
            lang = value
    return lang


def _message(lang: str, error: str) -> str:
    # A visitor's words are quoted cut short, as every refusal does.
    for pattern, key in ((_UNKNOWN, "unknown"), (_MISSING, "missing"), (_CHOICE, "choice"),
                         (_NO_VALUE, "no_value"), (_AMBIGUOUS, "ambiguous")):
        found = pattern.fullmatch(error.strip())
        if found:
            params = {k: terminal.shorten(v) for k, v in found.groupdict().items()}
            return t(lang, f"cli.usage_{key}", **params)
    return t(lang, "cli.usage_other")


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are worded in the language `--lang` asks for."""

    def parse_args(self, args=None, namespace=None):  # type: ignore[override]
        self._raw = list(sys.argv[1:] if args is None else args)
        return super().parse_args(self._raw, namespace)

    def error(self, message: str) -> NoReturn:
        lang = language_in(getattr(self, "_raw", sys.argv[1:]))
        text = _message(lang, message) + " " + t(lang, "cli.usage_help", prog=self.prog)
        # An argument the terminal could not decode holds lone surrogates: printed as "?" rather than a traceback.
        sys.stderr.buffer.write((text + "\n").encode("utf-8", errors="replace"))
        sys.stderr.buffer.flush()
        raise SystemExit(2)
