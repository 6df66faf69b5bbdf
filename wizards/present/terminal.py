"""What both command lines read and write: JSON on standard input, a text or a file on output.

Input is read as bytes and output written as bytes, so the terminal's locale never decides how a
character is read or whether it can be printed. Every failure is an `Unusable` with a code and
parameters; each command line words it in the chosen language (texts `cli.<code>`).
"""
from __future__ import annotations

import codecs
import json
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any, BinaryIO

# More digits than any answer or row number needs; Python refuses to convert an integer string of
# 4,301 digits or more, and says so in English.
MAX_DIGITS = 15
# A refusal quotes at most this many characters of a visitor's value: a 100 MB answer is named, not echoed.
ECHO_LIMIT = 60
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class Unusable(Exception):
    """Input that cannot be read or output that cannot be written; `code` selects the text `cli.<code>`."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise Unusable("number_too_long", digits=MAX_DIGITS)
    return int(text)


def _has_lone_surrogate(data: object) -> bool:
    """True if any key or text holds half of a UTF-16 pair (JSON's "\\ud800"): no character, and no
    UTF-8 file or terminal can hold it. Walked without recursion: the input may be deeply nested."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _LONE_SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def decode(raw: bytes) -> object:
    """The JSON value in `raw`, or `Unusable` saying why not (the first reason found)."""
    # Windows Notepad and Excel start a UTF-8 file with a byte-order mark; it says nothing about the content.
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise Unusable("not_utf8", position=err.start + 1) from None
    if text.strip() == "":
        raise Unusable("no_input")
    try:
        data = json.loads(text, parse_int=_parse_int)
    except json.JSONDecodeError as err:
        raise Unusable("json_position", line=err.lineno, column=err.colno) from None
    except RecursionError:
        raise Unusable("too_deep") from None
    if _has_lone_surrogate(data):
        raise Unusable("lone_surrogate")
    return data


def read_json(stream: BinaryIO | None = None) -> object:
    return decode((stream or sys.stdin.buffer).read())


def shorten(value: object, limit: int = ECHO_LIMIT) -> object:
    """A value fit to quote in a message: long texts are cut, with an ellipsis."""
    if isinstance(value, str) and len(value) > limit:
        return value[:limit] + "…"
    return value


def encode(out: str | bytes) -> bytes:
    if isinstance(out, bytes):
        return out
    try:
        return out.encode("utf-8")
    except UnicodeEncodeError:
        raise Unusable("lone_surrogate") from None


def write(out: str | bytes, path: str | None) -> None:
    """Writes everything or nothing: the bytes are made first, and a file appears under its name only
    once it is complete (an existing file keeps its content if anything fails)."""
    data = encode(out)
    if path is None:
        try:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            # The reader went away (`... | head`): not an error worth a traceback. Python's own flush at
            # exit would fail again, so standard output now leads nowhere.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return
    target = Path(path)
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        # mkstemp makes a private file; the document gets the permissions any new file would get.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except OSError:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)
        raise Unusable("cannot_write", path=path) from None
