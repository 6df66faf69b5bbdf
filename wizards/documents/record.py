"""The record of processing activities as plain data, and the check of its required fields.

The fields follow Art. 30(1) GDPR for a controller and Art. 30(2) for a processor. A record is a
dict (so it travels as JSON between the page, local storage and Python); `normalise` turns any
dict a visitor or a federation hands in into one with every field present and of the right type.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wizards.present.texts import t

FORMAT = "gdpr-hub-record/1"
LEGAL_BASES = ("consent", "contract", "legal_obligation", "vital_interests", "public_task", "legitimate_interests")
ROLES = ("controller", "processor")

ORGANISATION_FIELDS = ("name", "address", "email", "phone", "dpo", "dpo_contact", "representative")
# Column order of the record table (CSV, spreadsheets, page).
# Fields added later are optional: a record saved before them loads with them empty (or unticked).
ACTIVITY_FIELDS = (
    "activity", "controller", "controller_contact", "purpose", "legal_basis", "legitimate_interest", "data_subjects",
    "data_categories", "special_data", "special_condition", "recipients", "processors", "transfers", "safeguards_copy",
    "retention", "retention_source", "security", "indirect", "source", "required", "automated", "monitoring",
    "processor_verdict", "dpia_verdict",
)
BOOLEAN_FIELDS = ("special_data", "indirect", "monitoring")
SUPPLIER_TEXT_FIELDS = ("name", "address", "contact", "dpo", "nature", "duration", "measures", "safeguards", "assistance",
                        "subprocessors", "period", "language")
SUPPLIER_FIELDS = SUPPLIER_TEXT_FIELDS + ("activities", "authorisation", "docking", "checklist")
# The points Art. 28 GDPR asks of a processor contract: Art. 28(3), its first subparagraph and (a) to (h); the
# duty to warn of an infringing instruction (28(3), last subparagraph); the right to object to a new
# sub-processor under a general authorisation (28(2)); full liability for a sub-processor (28(4)).
CHECKLIST_POINTS = ("subject", "a", "b", "c", "d", "e", "f", "g", "h", "warn", "object", "liable")
AUTHORISATIONS = ("specific", "general")


class RecordError(ValueError):
    """Input that is not a record; the message names the field. Made by `refused`, it also holds a code
    and parameters that word it in any language (texts doc.error.<code>); str() is the English wording."""

    def __init__(self, message: str, code: str | None = None, **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.params = params

    def in_language(self, lang: str) -> str:
        return t(lang, f"doc.error.{self.code}", **self.params) if self.code else str(self)


# A value found in a file is quoted at most this long: a refusal names it, it does not echo it.
_QUOTE_LIMIT = 60


def refused(code: str, **params: Any) -> RecordError:
    quoted = {k: (v[:_QUOTE_LIMIT] + "…" if isinstance(v, str) and len(v) > _QUOTE_LIMIT else v) for k, v in params.items()}
    return RecordError(t("en", f"doc.error.{code}", **quoted), code, **quoted)


def _text(value: Any, where: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise refused("not_text", where=where, got=type(value).__name__)
    return str(value).strip()


TRUE_WORDS = {"true", "1", "yes", "ja", "oui", "y", "x"}
FALSE_WORDS = {"false", "0", "no", "nee", "non", "n", ""}


def _bool(value: Any, where: str) -> bool:
    if isinstance(value, bool):
        return value
    word = str(value if value is not None else "").strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise refused("not_yes_no", where=where, value=repr(value))


def blank_activity() -> dict[str, Any]:
    return {f: (False if f in BOOLEAN_FIELDS else "") for f in ACTIVITY_FIELDS}


def blank_record() -> dict[str, Any]:
    return {"format": FORMAT, "role": "controller", "organisation": {f: "" for f in ORGANISATION_FIELDS},
            "activities": [], "suppliers": [], "notice": {"activities": []}}


def _indices(value: Any, count: int, where: str) -> list[int]:
    if value in (None, ""):
        return []
    if not isinstance(value, list) or not all(isinstance(i, int) and not isinstance(i, bool) for i in value):
        raise refused("not_rows", where=where)
    wrong = [i for i in value if not 0 <= i < count]
    if wrong:
        raise refused("no_row", where=where, row=wrong[0] + 1)
    return sorted(set(value))


def normalise(raw: Any) -> dict[str, Any]:
    """Every field present, text stripped, booleans and row numbers checked; unknown fields refused."""
    if not isinstance(raw, dict):
        raise refused("not_a_record")
    record = blank_record()
    unknown = set(raw) - set(record)
    if unknown:
        raise refused("unknown_top_field", field=repr(sorted(unknown)[0]), expected=", ".join(record))
    role = raw.get("role") or "controller"
    if role not in ROLES:
        raise refused("unknown_value", where="role", expected=", ".join(ROLES), value=repr(role))
    record["role"] = role
    organisation = raw.get("organisation") or {}
    if not isinstance(organisation, dict):
        raise refused("not_object", where="organisation")
    for key, value in organisation.items():
        if key not in ORGANISATION_FIELDS:
            raise refused("unknown_field", where=f"organisation.{key}", expected=", ".join(ORGANISATION_FIELDS))
        record["organisation"][key] = _text(value, f"organisation.{key}")
    activities = raw.get("activities") or []
    if not isinstance(activities, list):
        raise refused("not_list", where="activities")
    for n, row in enumerate(activities, start=1):
        if not isinstance(row, dict):
            raise refused("not_object", where=f"activities[{n}]")
        clean = blank_activity()
        for key, value in row.items():
            where = f"activities[{n}].{key}"
            if key not in ACTIVITY_FIELDS:
                raise refused("unknown_field", where=where, expected=", ".join(ACTIVITY_FIELDS))
            clean[key] = _bool(value, where) if key in BOOLEAN_FIELDS else _text(value, where)
        if clean["legal_basis"] and clean["legal_basis"] not in LEGAL_BASES:
            raise refused("unknown_value", where=f"activities[{n}].legal_basis", expected=", ".join(LEGAL_BASES),
                          value=repr(clean["legal_basis"]))
        record["activities"].append(clean)
    count = len(record["activities"])
    suppliers = raw.get("suppliers") or []
    if not isinstance(suppliers, list):
        raise refused("not_list", where="suppliers")
    for n, supplier in enumerate(suppliers, start=1):
        record["suppliers"].append(_supplier(supplier, count, f"suppliers[{n}]"))
    notice = raw.get("notice") or {}
    if not isinstance(notice, dict):
        raise refused("not_notice")
    record["notice"] = {"activities": _indices(notice.get("activities"), count, "notice.activities")}
    return record


def _supplier(raw: Any, count: int, where: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise refused("not_object", where=where)
    clean: dict[str, Any] = {f: "" for f in SUPPLIER_TEXT_FIELDS}
    clean.update(activities=[], authorisation="specific", docking=False, checklist={p: False for p in CHECKLIST_POINTS})
    for key, value in raw.items():
        here = f"{where}.{key}"
        if key not in SUPPLIER_FIELDS:
            raise refused("unknown_field", where=here, expected=", ".join(SUPPLIER_FIELDS))
        if key == "activities":
            clean[key] = _indices(value, count, here)
        elif key == "docking":
            clean[key] = _bool(value, here)
        elif key == "checklist":
            if not isinstance(value, dict):
                raise refused("not_checklist", where=here, expected=", ".join(CHECKLIST_POINTS))
            for point, ticked in value.items():
                if point not in CHECKLIST_POINTS:
                    raise refused("unknown_point", where=f"{here}.{point}", expected=", ".join(CHECKLIST_POINTS))
                clean[key][point] = _bool(ticked, f"{here}.{point}")
        elif key == "authorisation":
            if value not in AUTHORISATIONS:
                raise refused("unknown_value", where=here, expected=", ".join(AUTHORISATIONS), value=repr(value))
            clean[key] = value
        else:
            clean[key] = _text(value, here)
    return clean


@dataclass(frozen=True)
class Gap:
    """One field still to fill in: where (row index or None for the organisation), which field, how firmly."""

    row: int | None
    field: str
    cite: str        # key under doc.cite
    level: str       # "required", "where_possible" (Art. 30(1)(f)-(g), 30(2)(d)), "advised", or "notice" (Art. 13-14)

    def message(self, record: dict[str, Any], lang: str) -> str:
        if self.row is None:
            where = t(lang, "doc.organisation")
        else:
            name = record["activities"][self.row]["activity"] or t(lang, "doc.unnamed")
            where = t(lang, "doc.row", n=self.row + 1, name=name)
        cite = t(lang, f"doc.cite.{self.cite}")
        if self.field == "contact":
            return t(lang, "doc.check.missing_contact", where=where, cite=cite)
        key = {"required": "missing", "where_possible": "where_possible", "advised": "advised", "notice": "notice"}[self.level]
        text = t(lang, f"doc.check.{key}", where=where, field=t(lang, f"doc.field.{self.field}"), cite=cite)
        if self.field in HINTS:
            text += " " + t(lang, f"doc.check.{self.field}_hint")
        return text


# Fields whose message adds a hint: how to say "none", when to inform (Art. 14(3)), what counts as a copy.
HINTS = ("transfers", "automated", "source", "safeguards_copy")
# "None" as a visitor writes it in any of the three languages: an answer, unlike an empty field.
NONE_WORDS = frozenset({"none", "no", "geen", "nee", "neen", "aucun", "aucune", "néant", "non", "-", "—", "/"})


def says_none(value: str) -> bool:
    return value.strip().rstrip(".").strip().casefold() in NONE_WORDS


def notice_rows(record: dict[str, Any]) -> list[int]:
    """The rows the privacy notice covers: those picked, or every row when none is picked."""
    return record["notice"]["activities"] or list(range(len(record["activities"])))


def _notice_gaps(i: int, row: dict[str, Any]) -> list[Gap]:
    """What the notice needs and the record leaves open: the notice then shows a blank, never a guess."""
    gaps = []
    if row["indirect"] and not row["source"]:
        gaps.append(Gap(i, "source", "source", "notice"))
    if row["transfers"] and not says_none(row["transfers"]) and not row["safeguards_copy"]:
        gaps.append(Gap(i, "safeguards_copy", "safeguards_copy", "notice"))
    if not row["automated"]:
        gaps.append(Gap(i, "automated", "automated", "notice"))
    return gaps


def check(record: dict[str, Any]) -> list[Gap]:
    """Every field Art. 30 asks for that is still empty, in the order of the article."""
    gaps: list[Gap] = []
    org = record["organisation"]
    processor = record["role"] == "processor"
    prefix = "p_" if processor else ""
    if not org["name"]:
        gaps.append(Gap(None, "name", prefix + "name", "required"))
    if not (org["address"] or org["email"] or org["phone"]):
        gaps.append(Gap(None, "contact", prefix + "contact", "required"))
    if org["dpo"] and not org["dpo_contact"]:
        gaps.append(Gap(None, "dpo_contact", prefix + "contact" if processor else "dpo_contact", "required"))
    in_notice = set(notice_rows(record))
    for i, row in enumerate(record["activities"]):
        if processor:
            # Art. 30(2)(a) asks for each controller's name and contact details, not just a name.
            wanted = [("controller", "p_controller", "required"), ("controller_contact", "p_controller", "required"),
                      ("activity", "p_activity", "required"),
                      ("transfers", "p_transfers", "required"), ("security", "p_security", "where_possible")]
        else:
            wanted = [("activity", "activity", "required"), ("purpose", "purpose", "required"),
                      ("legal_basis", "legal_basis", "advised"),
                      ("data_subjects", "data_subjects", "required"), ("data_categories", "data_categories", "required"),
                      ("recipients", "recipients", "required"), ("transfers", "transfers", "required"),
                      ("retention", "retention", "where_possible"), ("retention_source", "retention_source", "advised"),
                      ("security", "security", "where_possible")]
            if row["legal_basis"] == "legitimate_interests":
                wanted.insert(3, ("legitimate_interest", "legitimate_interest", "advised"))
            if row["special_data"]:  # Art. 9(1) and 10 forbid these data unless a condition holds
                wanted.insert(wanted.index(("data_categories", "data_categories", "required")) + 1,
                              ("special_condition", "special_condition", "advised"))
        gaps += [Gap(i, field, cite, level) for field, cite, level in wanted if not row[field]]
        if not processor and i in in_notice:
            gaps += _notice_gaps(i, row)
    return gaps


def messages(record: dict[str, Any], lang: str) -> list[str]:
    return [gap.message(record, lang) for gap in check(record)]
