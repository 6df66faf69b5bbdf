"""What this browser keeps for the GDPR file, as one value: the record, the wizards' last results, the
organisation profile and the DPIAs (the localStorage keys of STORAGE_KEYS), each read without trusting it.

The same state comes from the page (read from local storage) and from a .zip a visitor re-opens; both
pass through here. `normalise` is strict (a file that holds anything else is refused, naming the
part); `readable` keeps what it can and names the parts it could not read, so that one broken entry
never hides the rest of the file from its owner.
"""
from __future__ import annotations

import json
from typing import Any

from wizards.documents import dpia, record
from wizards.documents.record import RecordError
from wizards.present.render import to_markdown as result_markdown
from wizards.present.texts import LANGUAGES, t

FORMAT = "gdpr-hub-file/1"
DPIAS_FORMAT = "gdpr-hub-dpias/1"
# The page restores exactly these keys, and nothing else, from a re-opened file.
STORAGE_KEYS = {"record": "gdpr-hub.record", "results": "gdpr-hub.results",
                "profile": "gdpr-hub.profile", "dpias": "gdpr-hub.dpias"}
PARTS = tuple(STORAGE_KEYS)
WIZARD_IDS = ("register", "dpo", "dpia", "processor", "cookies", "breach", "requests")
MAX_PROFILE_VALUE = 2000   # the profile form keeps 200 characters of a name; room for what an older page kept
MAX_DPIAS = 200
MAX_LEGACY = 200_000       # a result kept as Markdown by an earlier page is a few KB
# A result's fields the GDPR file reads or writes back into a document, with their type.
RESULT_TEXT = ("wizard", "title", "language", "date", "version", "verdict", "verdict_label", "conclusion", "summary")


class FileError(RecordError):
    """A refusal of a GDPR file, in the page's language (texts under file.error)."""

    def message(self, lang: str) -> str:
        return t(lang, f"file.error.{self.key}", **self.params)

    in_language = message


def empty() -> dict[str, Any]:
    return {"record": None, "results": {}, "profile": {}, "dpias": None}


def normalise(raw: Any) -> dict[str, Any]:
    """Every part checked; the first part that is not what this site keeps refuses the whole."""
    if not isinstance(raw, dict):
        raise FileError("the state is not an object", "bad_part", part="state")
    unknown = sorted(set(map(str, raw)) - set(PARTS))
    if unknown:
        raise FileError(f"unknown part {unknown[0]!r}", "bad_part", part=unknown[0][:40])
    state = empty()
    for part in PARTS:
        if raw.get(part) is not None:
            state[part] = _PART[part](raw[part])
    return state


def readable(raw: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Each part (and each result, each DPIA) that reads, and the names of those that do not."""
    state, broken = empty(), []
    for part in PARTS:
        value = raw.get(part) if isinstance(raw, dict) else None
        if value is None:
            continue
        if part == "results" and isinstance(value, dict):
            for wizard, entry in value.items():
                try:
                    state["results"].update(_results({wizard: entry}))
                except RecordError:
                    broken.append(f"results.{str(wizard)[:40]}")
            continue
        if part == "dpias" and isinstance(value, dict) and isinstance(value.get("items"), list):
            items = []
            for n, item in enumerate(value["items"], start=1):
                try:
                    items.append(dpia.normalise(item))
                except RecordError:
                    broken.append(f"dpias.{n}")
            state["dpias"] = {"format": DPIAS_FORMAT, "items": items}
            continue
        try:
            state[part] = _PART[part](value)
        except RecordError:
            broken.append(part)
    return state, broken


def _record(raw: Any) -> dict[str, Any]:
    return record.normalise(raw)


def _results(raw: Any) -> dict[str, Any]:
    """{wizard id: {"record": the result as render.to_dict made it, "lang"}}, as wizard.js keeps it.

    A result is kept as it was (it is the written record of a decision, with its date and version);
    it is checked by writing it as Markdown, which reads every field a document uses."""
    if not isinstance(raw, dict):
        raise FileError("results: not an object", "bad_part", part="results")
    out: dict[str, Any] = {}
    for wizard, entry in raw.items():
        if wizard not in WIZARD_IDS:
            raise FileError(f"results: unknown wizard {wizard!r}", "bad_result", wizard=str(wizard)[:40])
        if isinstance(entry, dict) and "record" not in entry and isinstance(entry.get("md"), str):
            # Kept as Markdown by an earlier version of the wizard page: read as plain text only.
            if set(entry) - {"md", "lang"} or entry.get("lang", "nl") not in LANGUAGES or len(entry["md"]) > MAX_LEGACY:
                raise FileError(f"results.{wizard}: not a stored result", "bad_result", wizard=wizard)
            out[wizard] = dict(entry)
            continue
        if (not isinstance(entry, dict) or set(entry) - {"record", "lang"} or entry.get("lang") not in LANGUAGES
                or not isinstance(entry.get("record"), dict)):
            raise FileError(f"results.{wizard}: not a stored result", "bad_result", wizard=wizard)
        result = entry["record"]
        if any(not isinstance(result.get(k), str) for k in RESULT_TEXT) or result["wizard"] != wizard:
            raise FileError(f"results.{wizard}: a result field is missing", "bad_result", wizard=wizard)
        try:
            result_markdown(result, entry["lang"])
        except (KeyError, TypeError, AttributeError, ValueError, IndexError):
            raise FileError(f"results.{wizard}: a result field has the wrong shape", "bad_result", wizard=wizard) from None
        out[wizard] = json.loads(json.dumps(entry))
    return out


def _profile(raw: Any) -> dict[str, str]:
    """The profile form's answers: text only (wizard.js reads nothing else from it)."""
    if not isinstance(raw, dict):
        raise FileError("profile: not an object", "bad_part", part="profile")
    out: dict[str, str] = {}
    for key, value in raw.items():
        if not isinstance(value, str) or len(value) > MAX_PROFILE_VALUE or len(str(key)) > 100:
            raise FileError(f"profile.{key}: not a short text", "bad_part", part="profile")
        out[str(key)] = value
    return out


def _dpias(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict) or raw.get("format") != DPIAS_FORMAT or not isinstance(raw.get("items"), list):
        raise FileError("dpias: not a list of DPIAs", "bad_part", part="dpias")
    if len(raw["items"]) > MAX_DPIAS:
        raise FileError(f"more than {MAX_DPIAS} DPIAs", "bad_part", part="dpias")
    return {"format": DPIAS_FORMAT, "items": [dpia.normalise(item) for item in raw["items"]]}


_PART = {"record": _record, "results": _results, "profile": _profile, "dpias": _dpias}
