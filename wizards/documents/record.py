"""The record of processing activities as plain data, and the check of its required fields.

The fields follow Art. 30(1) GDPR for a controller and Art. 30(2) for a processor. A record is a
dict (so it travels as JSON between the page, local storage and Python); `normalise` turns any
dict a visitor or a federation hands in into one with every field present and of the right type.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wizards.present.texts import has, t

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


# The most a small organisation's record needs, with room to spare: beyond this a file is refused
# with the limit named, rather than freezing the visitor's page (a page draws every activity).
MAX_ACTIVITIES = 2000
MAX_SUPPLIERS = 500

# Field labels of a supplier, as the page shows them (keys under doc.); others are shown as their id.
SUPPLIER_LABELS = {"name": "annex.processor", "address": "field.address", "contact": "annex.contact_person",
                   "dpo": "annex.processor_dpo", "activities": "ui.supplier_rows", "nature": "annex.nature",
                   "duration": "annex.duration", "measures": "annex.iii_extra", "safeguards": "annex.sensitive",
                   "assistance": "annex.iii_assist", "subprocessors": "annex.iv", "authorisation": "ui.authorisation",
                   "period": "annex.period", "language": "annex.language", "checklist": "checklist.title"}

RECORD_LABELS = {"role": "ui.role", "activities": "record.activities", "suppliers": "record.suppliers"}


@dataclass(frozen=True)
class Place:
    """Where in a record something is wrong: a part, the activity or supplier number (from 1) and a field."""

    part: str        # "record", "organisation", "activity", "supplier", "notice", or "line" of a table
    n: int = 0
    field: str = ""

    def __str__(self) -> str:
        base = {"activity": f"activities[{self.n}]", "supplier": f"suppliers[{self.n}]"}.get(self.part, self.part)
        if self.part == "record":
            return self.field or "record"
        return f"{base}.{self.field}" if self.field else base

    def words(self, lang: str) -> str:
        if not self.field:
            return t(lang, f"doc.error.at_{self.part}_whole", n=self.n)
        return t(lang, f"doc.error.at_{self.part}", n=self.n, field=self._label(lang))

    def _label(self, lang: str) -> str:
        if self.part == "supplier":
            key = SUPPLIER_LABELS.get(self.field.split(".")[0])
        elif self.part == "record":
            key = RECORD_LABELS.get(self.field)
        else:
            key = f"field.{self.field}"
        return t(lang, f"doc.{key}") if key and has(lang, f"doc.{key}") else self.field


class RecordError(ValueError):
    """Input that is not a record. `str()` is the English detail (command line, tests); `message(lang)`
    is the one short sentence a visitor reads, in the page's language, naming the row or column."""

    def __init__(self, detail: str, key: str = "", **params: Any) -> None:
        super().__init__(detail)
        self.key = key
        self.params = params

    def message(self, lang: str) -> str:
        if not self.key:
            return t(lang, "doc.error.other")
        return t(lang, f"doc.error.{self.key}", **{k: _shown(v, lang) for k, v in self.params.items()})

    # The command line's name for the same sentence.
    in_language = message


def _shown(value: Any, lang: str) -> Any:
    """A place in words; a size as Belgians write it (5,5 MB in Dutch and French)."""
    if isinstance(value, Place):
        return value.words(lang)
    if isinstance(value, float):
        text = f"{value:g}"
        return text if lang == "en" else text.replace(".", ",")
    return value


def _text(value: Any, where: Place) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise RecordError(f"{where}: expected text, got {type(value).__name__}", "expected_text", where=where)
    return str(value).strip()


TRUE_WORDS = {"true", "1", "yes", "ja", "oui", "y", "x"}
FALSE_WORDS = {"false", "0", "no", "nee", "non", "n", ""}


def _bool(value: Any, where: Place) -> bool:
    if isinstance(value, bool):
        return value
    word = str(value if value is not None else "").strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise RecordError(f"{where}: expected yes or no, got {value!r}", "expected_yes_no", where=where, value=str(value)[:40])


def blank_activity() -> dict[str, Any]:
    return {f: (False if f in BOOLEAN_FIELDS else "") for f in ACTIVITY_FIELDS}


def blank_record() -> dict[str, Any]:
    return {"format": FORMAT, "role": "controller", "organisation": {f: "" for f in ORGANISATION_FIELDS},
            "activities": [], "suppliers": [], "notice": {"activities": []}}


def _indices(value: Any, count: int, where: Place) -> list[int]:
    if value in (None, ""):
        return []
    if not isinstance(value, list) or not all(isinstance(i, int) and not isinstance(i, bool) for i in value):
        raise RecordError(f"{where}: expected a list of row numbers", "bad_rows", where=where)
    wrong = [i for i in value if not 0 <= i < count]
    if wrong:
        raise RecordError(f"{where}: no row {wrong[0] + 1} in the record", "no_row", where=where, row=wrong[0] + 1)
    return sorted(set(value))


def _given(raw: dict[str, Any], key: str, default: Any) -> Any:
    """A part left out or null is empty; any other value must have the part's shape ({} is no list)."""
    value = raw.get(key)
    return default if value is None else value


def normalise(raw: Any) -> dict[str, Any]:
    """Every field present, text stripped, booleans and row numbers checked; unknown fields refused.

    What a visitor or a federation hands in, and what this browser kept, come through here: a value of
    the wrong shape gives a RecordError naming its place, never a TypeError."""
    if not isinstance(raw, dict):
        raise RecordError("a record is a JSON object with organisation, activities and suppliers", "not_record")
    record = blank_record()
    unknown = set(raw) - set(record)
    if unknown:
        name = sorted(map(str, unknown))[0]
        raise RecordError(f"unknown field {name!r}; expected: {', '.join(record)}", "unknown_field", where=Place("record", field=name))
    role = raw.get("role") or "controller"
    if role not in ROLES:
        raise RecordError(f"role: expected one of {', '.join(ROLES)}, got {role!r}", "bad_choice",
                          where=Place("record", field="role"), value=str(role)[:40])
    record["role"] = role
    organisation = _given(raw, "organisation", {})
    if not isinstance(organisation, dict):
        raise RecordError("organisation: expected an object", "bad_shape", where=Place("organisation"))
    for key, value in organisation.items():
        if key not in ORGANISATION_FIELDS:
            raise RecordError(f"organisation.{key}: unknown field; expected one of: {', '.join(ORGANISATION_FIELDS)}",
                              "unknown_field", where=Place("organisation", field=str(key)))
        record["organisation"][key] = _text(value, Place("organisation", field=key))
    activities = _given(raw, "activities", [])
    if not isinstance(activities, list):
        raise RecordError("activities: expected a list", "bad_shape", where=Place("record", field="activities"))
    if len(activities) > MAX_ACTIVITIES:
        raise RecordError(f"more than {MAX_ACTIVITIES} activities", "too_many", limit=MAX_ACTIVITIES)
    for n, row in enumerate(activities, start=1):
        if not isinstance(row, dict):
            raise RecordError(f"activities[{n}]: expected an object", "bad_shape", where=Place("activity", n))
        clean = blank_activity()
        for key, value in row.items():
            where = Place("activity", n, str(key))
            if key not in ACTIVITY_FIELDS:
                raise RecordError(f"{where}: unknown field; expected one of: {', '.join(ACTIVITY_FIELDS)}", "unknown_field", where=where)
            clean[key] = _bool(value, where) if key in BOOLEAN_FIELDS else _text(value, where)
        if clean["legal_basis"] and clean["legal_basis"] not in LEGAL_BASES:
            raise RecordError(f"activities[{n}].legal_basis: expected one of {', '.join(LEGAL_BASES)}, got {clean['legal_basis']!r}",
                              "unknown_basis", where=Place("activity", n, "legal_basis"), value=clean["legal_basis"][:40])
        record["activities"].append(clean)
    count = len(record["activities"])
    suppliers = _given(raw, "suppliers", [])
    if not isinstance(suppliers, list):
        raise RecordError("suppliers: expected a list", "bad_shape", where=Place("record", field="suppliers"))
    if len(suppliers) > MAX_SUPPLIERS:
        raise RecordError(f"more than {MAX_SUPPLIERS} suppliers", "too_many", limit=MAX_SUPPLIERS)
    for n, supplier in enumerate(suppliers, start=1):
        record["suppliers"].append(_supplier(supplier, count, n))
    notice = _given(raw, "notice", {})
    if not isinstance(notice, dict):
        raise RecordError("notice: expected an object with the list of activities it covers", "bad_shape", where=Place("notice"))
    record["notice"] = {"activities": _indices(notice.get("activities"), count, Place("notice"))}
    return record


def _supplier(raw: Any, count: int, n: int) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise RecordError(f"suppliers[{n}]: expected an object", "bad_shape", where=Place("supplier", n))
    clean: dict[str, Any] = {f: "" for f in SUPPLIER_TEXT_FIELDS}
    clean.update(activities=[], authorisation="specific", docking=False, checklist={p: False for p in CHECKLIST_POINTS})
    for key, value in raw.items():
        here = Place("supplier", n, str(key))
        if key not in SUPPLIER_FIELDS:
            raise RecordError(f"{here}: unknown field; expected one of: {', '.join(SUPPLIER_FIELDS)}", "unknown_field", where=here)
        if key == "activities":
            clean[key] = _indices(value, count, here)
        elif key == "docking":
            clean[key] = _bool(value, here)
        elif key == "checklist":
            if not isinstance(value, dict):
                raise RecordError(f"{here}: expected the points {', '.join(CHECKLIST_POINTS)} with true or false", "bad_shape", where=here)
            for point, ticked in value.items():
                if point not in CHECKLIST_POINTS:
                    raise RecordError(f"{here}.{point}: unknown point; expected one of: {', '.join(CHECKLIST_POINTS)}",
                                      "unknown_field", where=Place("supplier", n, f"checklist.{point}"))
                clean[key][point] = _bool(ticked, Place("supplier", n, f"checklist.{point}"))
        elif key == "authorisation":
            if value not in AUTHORISATIONS:
                raise RecordError(f"{here}: expected one of {', '.join(AUTHORISATIONS)}, got {value!r}", "bad_choice",
                                  where=here, value=str(value)[:40])
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
