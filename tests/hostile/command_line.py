"""Hostile input files for the command lines, made rather than stored (one is 100 MB).

    python -m tests.hostile.command_line DIR     writes every file into DIR

Each file is valid enough to get past the first check a careless reader makes, then breaks the next one.
"""
from __future__ import annotations

import codecs
import json
import sys
from pathlib import Path
from typing import Callable

ANSWERS = {"public_body": "yes"}


def _record() -> dict:
    return {"format": "gdpr-hub-record/1", "role": "controller",
            "organisation": {"name": "Apotheek Café"},
            "activities": [{"activity": "Klantenkaart", "legal_basis": "consent"},
                           {"activity": "Personeel", "legal_basis": "legal_obligation"}],
            "suppliers": [{"name": "Boekhouder", "activities": [1]}, {"name": "Webhost", "activities": [0]}]}


def deep() -> bytes:
    return b"[" * 100_000 + b"]" * 100_000


def long_number() -> bytes:
    return b'{"employees": ' + b"9" * 5000 + b"}"


def lone_surrogate_value() -> bytes:
    return b'{"public_body": "\\ud800", "organisation": {"name": "\\ud800"}}'


def lone_surrogate_key() -> bytes:
    return b'{"\\ud800": "yes"}'


def latin1_record() -> bytes:
    return json.dumps(_record(), ensure_ascii=False).encode("latin-1")


def latin1_answers() -> bytes:
    return '{"public_body": "oui, café"}'.encode("latin-1")


def huge_answer() -> bytes:
    return b'{"public_body": "' + b"x" * 100_000_000 + b'"}'


def bom_answers() -> bytes:
    return codecs.BOM_UTF8 + json.dumps(ANSWERS).encode()


def bom_record() -> bytes:
    return codecs.BOM_UTF8 + json.dumps(_record()).encode()


def record() -> bytes:
    return json.dumps(_record(), ensure_ascii=False).encode()


FILES: dict[str, Callable[[], bytes]] = {
    "deep.json": deep, "long-number.json": long_number, "lone-surrogate-value.json": lone_surrogate_value,
    "lone-surrogate-key.json": lone_surrogate_key, "latin1-record.json": latin1_record,
    "latin1-answers.json": latin1_answers, "huge-answer.json": huge_answer, "bom-answers.json": bom_answers,
    "bom-record.json": bom_record, "record.json": record,
}


def write(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, make in FILES.items():
        paths[name] = folder / name
        paths[name].write_bytes(make())
    return paths


if __name__ == "__main__":
    for path in write(Path(sys.argv[1])).values():
        print(path)
