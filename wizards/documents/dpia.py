"""A data protection impact assessment (DPIA, Art. 35 GDPR) as plain data: its format, checks and
the fields a record and the DPIA wizard's screening fill in.

The sections follow Art. 35(7) GDPR: (a) a systematic description of the processing, (b) its
necessity and proportionality, (c) the risks to the people's rights and freedoms, (d) the measures;
then the validation: the DPO's advice (Art. 35(2)), the views of the people where sought (Art. 35(9)),
the decision and the review (Art. 35(11)), and whether the GBA must be consulted first (Art. 36(1)).
WP248 rev.01, Annex 2 lists the same elements as the criteria for an acceptable DPIA. The risks are
scored on the four-level scale of the CNIL's PIA methodology (dpia_risk.py).

A DPIA is a dict (it travels as JSON between the page, local storage and Python): every text field a
string ("" = not given), every score an int 0..4 (0 = not assessed). Nothing here fills in a fact
the visitor, their record or their screening did not give.
"""
from __future__ import annotations

import re
from typing import Any

from wizards.documents.dpia_measures import measure_source, measures  # noqa: F401  (part of the API)
from wizards.documents.dpia_risk import LEVEL_IDS, LEVELS, prior_consultation  # noqa: F401  (part of the API)
from wizards.documents.record import RecordError
from wizards.documents.text import colon
from wizards.present.texts import has, t

FORMAT = "gdpr-hub-dpia/1"
STORE_FORMAT = "gdpr-hub-dpias/1"
KINDS = ("access", "change", "loss", "other")
STANDARD_KINDS = ("access", "change", "loss")
STATUSES = ("existing", "planned")
VIEWS = ("yes", "no", "")
DECISIONS = ("proceed", "proceed_with_measures", "consult", "stop", "")
STAGES = ("before", "after")

ORGANISATION = ("name", "address", "contact")
SCREENING = ("outcome", "summary", "date")
DESCRIPTION = ("processing", "purposes", "data", "special_data", "people", "recipients", "retention", "systems", "suppliers")
NECESSITY = ("legal_basis", "special_condition", "minimisation", "accuracy", "retention", "information", "rights",
             "processors", "transfers")
RISK_TEXT = ("kind", "title", "sources", "impacts")
SCORES = ("severity", "likelihood", "residual_severity", "residual_likelihood")
MEASURE = ("id", "text", "status")
ACTION = ("what", "owner", "due")
VALIDATION = ("dpo_name", "dpo_advice", "no_dpo_reason", "views_sought", "views_summary", "views_reason",
              "decision", "decided_by", "decided_on", "next_review")
VERSION = ("decided_on", "decision", "decided_by", "summary")
DATE_FIELDS = {"due", "decided_on", "next_review"}
CHOICES = {"kind": KINDS, "status": STATUSES, "views_sought": VIEWS, "decision": DECISIONS}

# Far more than a small organisation's DPIA needs; beyond this a file is refused with the limit named.
MAX_RISKS = 40
MAX_ITEMS = 60
MAX_TEXT = 20_000

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class DpiaError(RecordError):
    """Input that is not a DPIA: `str()` is the English detail, `message(lang)` the visitor's sentence,
    naming the field (e.g. "risks[2].severity")."""

    def message(self, lang: str) -> str:
        key = f"dpiadoc.error.{self.key}"
        if not self.key or not has(lang, key):
            return t(lang, "doc.error.other")
        return t(lang, key, **{k: str(v) for k, v in self.params.items()})

    in_language = message


def blank() -> dict[str, Any]:
    """An empty DPIA with the three risks every DPIA weighs (CNIL, PIA methodology): unauthorised
    access, unwanted change and loss of the data."""
    return {
        "format": FORMAT, "id": "", "title": "", "example": False, "sector": "",
        "organisation": dict.fromkeys(ORGANISATION, ""),
        "screening": dict.fromkeys(SCREENING, ""),
        "description": dict.fromkeys(DESCRIPTION, ""),
        "necessity": dict.fromkeys(NECESSITY, ""),
        "risks": [blank_risk(kind) for kind in STANDARD_KINDS],
        "validation": {"actions": [], **dict.fromkeys(VALIDATION, "")},
        "versions": [],
    }


def blank_risk(kind: str = "other") -> dict[str, Any]:
    return {"kind": kind, "title": "", "sources": "", "impacts": "", "severity": 0, "likelihood": 0,
            "measures": [], "residual_severity": 0, "residual_likelihood": 0}


# -- normalise ---------------------------------------------------------------------------------

def _text(value: Any, where: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise DpiaError(f"{where}: expected text, got {type(value).__name__}", "expected_text", field=where)
    text = str(value).strip()
    if len(text) > MAX_TEXT:
        raise DpiaError(f"{where}: longer than {MAX_TEXT} characters", "too_long", field=where, limit=MAX_TEXT)
    field = where.rsplit(".", 1)[-1].split("[")[0]
    if field in CHOICES and text and text not in CHOICES[field]:  # "" is "not given": the default
        raise DpiaError(f"{where}: expected one of {', '.join(c for c in CHOICES[field] if c)}, got {text!r}",
                        "bad_choice", field=where, value=text[:40])
    if field in DATE_FIELDS and text and not _DATE.fullmatch(text):
        raise DpiaError(f"{where}: expected a date YYYY-MM-DD, got {text!r}", "bad_date", field=where, value=text[:40])
    return text


def _score(value: Any, where: str) -> int:
    if value in (None, ""):
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 4:
        raise DpiaError(f"{where}: expected a score 0 to 4, got {value!r}", "bad_score", field=where, value=str(value)[:40])
    return value


def _object(raw: Any, fields: tuple[str, ...], where: str, default: dict[str, Any]) -> dict[str, Any]:
    """A part's text fields; a part left out or null is empty, unknown fields are refused."""
    if raw is None:
        return default
    if not isinstance(raw, dict):
        raise DpiaError(f"{where}: expected an object", "bad_shape", field=where)
    for key in raw:
        if key not in default:
            name = f"{where}.{key}" if where else str(key)
            raise DpiaError(f"{name}: unknown field; expected one of: {', '.join(default)}", "unknown_field", field=name)
    out = dict(default)
    for key in fields:
        out[key] = _text(raw.get(key), f"{where}.{key}" if where else key)
    return out


def _list(raw: Any, where: str, limit: int) -> list[Any]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise DpiaError(f"{where}: expected a list", "bad_shape", field=where)
    if len(raw) > limit:
        raise DpiaError(f"{where}: more than {limit} items", "too_many", field=where, limit=limit)
    return raw


def normalise(raw: Any) -> dict[str, Any]:
    """Every field present, text stripped, choices, dates and scores checked; unknown fields refused.

    A record, a wizard result or any other JSON is refused with the field that shows it is no DPIA."""
    if not isinstance(raw, dict):
        raise DpiaError("a DPIA is a JSON object", "not_dpia", field="(top)")
    if raw.get("format") != FORMAT:
        raise DpiaError(f"format: expected {FORMAT!r}, got {raw.get('format')!r}", "not_dpia", field="format")
    base = blank()
    top = _object({k: v for k, v in raw.items() if k not in ("example", "organisation", "screening", "description",
                                                           "necessity", "risks", "validation", "versions")},
                  ("format", "id", "title", "sector"), "", {k: base[k] for k in ("format", "id", "title", "sector")})
    dpia = {**base, **top}
    example = raw.get("example", False)
    if not isinstance(example, bool):
        raise DpiaError(f"example: expected true or false, got {example!r}", "bad_shape", field="example")
    dpia["example"] = example
    for part, fields in (("organisation", ORGANISATION), ("screening", SCREENING), ("description", DESCRIPTION),
                         ("necessity", NECESSITY)):
        dpia[part] = _object(raw.get(part), fields, part, base[part])
    dpia["risks"] = [_risk(r, f"risks[{n}]") for n, r in enumerate(_list(raw.get("risks", base["risks"]), "risks", MAX_RISKS), 1)]
    validation = raw.get("validation")
    actions = validation.get("actions") if isinstance(validation, dict) else None
    rest = {k: v for k, v in validation.items() if k != "actions"} if isinstance(validation, dict) else validation
    dpia["validation"] = _object(rest, VALIDATION, "validation", dict.fromkeys(VALIDATION, ""))
    dpia["validation"] = {"actions": [_object(a, ACTION, f"validation.actions[{n}]", dict.fromkeys(ACTION, ""))
                                      for n, a in enumerate(_list(actions, "validation.actions", MAX_ITEMS), 1)],
                          **dpia["validation"]}
    dpia["versions"] = [_object(v, VERSION, f"versions[{n}]", dict.fromkeys(VERSION, ""))
                        for n, v in enumerate(_list(raw.get("versions"), "versions", MAX_ITEMS), 1)]
    return dpia


def _risk(raw: Any, where: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise DpiaError(f"{where}: expected an object", "bad_shape", field=where)
    base = blank_risk()
    texts = {k: v for k, v in raw.items() if k not in SCORES and k != "measures"}
    risk = _object(texts, RISK_TEXT, where, {k: base[k] for k in RISK_TEXT})
    risk["kind"] = risk["kind"] or "other"
    for key in SCORES:
        risk[key] = _score(raw.get(key), f"{where}.{key}")
    risk["measures"] = [_object(m, MEASURE, f"{where}.measures[{n}]", {"id": "", "text": "", "status": "existing"})
                        for n, m in enumerate(_list(raw.get("measures"), f"{where}.measures", MAX_ITEMS), 1)]
    for m in risk["measures"]:
        m["status"] = m["status"] or "existing"
    return {k: risk[k] for k in base}


# -- prefill -----------------------------------------------------------------------------------

# DPIA field <- record activity field: the same fact, so it is never typed twice.
FROM_ROW = {
    ("description", "processing"): "activity", ("description", "purposes"): "purpose",
    ("description", "data"): "data_categories", ("description", "people"): "data_subjects",
    ("description", "recipients"): "recipients", ("description", "retention"): "retention",
    ("description", "suppliers"): "processors", ("necessity", "legal_basis"): "legal_basis",
    ("necessity", "special_condition"): "special_condition", ("necessity", "retention"): "retention_source",
    ("necessity", "processors"): "processors", ("necessity", "transfers"): "transfers",
}


def prefill(dpia: dict[str, Any], record: dict[str, Any] | None, row: int | None,
            screening: dict[str, Any] | None) -> dict[str, Any]:
    """The DPIA with its empty fields taken from a row of the record and the DPIA wizard's result.

    Only empty fields are filled (what the visitor typed stays), and only with a value found there:
    the legal basis is kept as the record's code (shown with its label), nothing is composed."""
    from wizards.documents.record import normalise as normalise_record

    out = normalise(dpia)
    if record is not None:
        rec = normalise_record(record)
        org = rec["organisation"]
        _fill(out["organisation"], "name", org["name"])
        _fill(out["organisation"], "address", org["address"])
        _fill(out["organisation"], "contact", org["email"] or org["phone"])
        _fill(out["validation"], "dpo_name", org["dpo"])
        if row is not None:
            if not 0 <= row < len(rec["activities"]):
                raise DpiaError(f"no row {row + 1} in the record", "no_row", row=row + 1)
            activity = rec["activities"][row]
            if not out["title"]:
                out["title"] = activity["activity"]
            for (part, field), source in FROM_ROW.items():
                _fill(out[part], field, activity[source])
    if screening:
        if not isinstance(screening, dict):
            raise DpiaError("screening: expected the DPIA wizard's result", "bad_shape", field="screening")
        if screening.get("wizard", "dpia") != "dpia":
            raise DpiaError("screening: not a result of the DPIA wizard", "not_screening", field="screening.wizard")
        for field, source in (("outcome", "outcome"), ("summary", "conclusion"), ("date", "date")):
            value = screening.get(source)
            if isinstance(value, str):
                _fill(out["screening"], field, value.strip())
    return normalise(out)


def _fill(part: dict[str, Any], field: str, value: str) -> None:
    if not part[field] and value:
        part[field] = value


# -- what is still open ------------------------------------------------------------------------

REQUIRED = {
    "organisation": ("name",),
    "description": ("processing", "purposes", "data", "people", "recipients", "retention", "systems", "suppliers"),
    "necessity": ("legal_basis", "minimisation", "accuracy", "retention", "information", "rights", "processors", "transfers"),
}


def open_points(dpia: dict[str, Any], lang: str) -> list[dict[str, str]]:
    """What is still to fill in or decide, in the order of the document."""
    points: list[dict[str, str]] = []

    def add(part: str, where: str, key: str, **params: Any) -> None:
        points.append({"section": part, "field": where, "message": t(lang, f"dpiadoc.open.{key}", **params)})

    for section, fields in REQUIRED.items():
        for field in fields:
            if not dpia[section][field]:
                add(section, field, "missing", section=t(lang, f"dpiadoc.section.{section}"),
                    field=t(lang, f"dpiadoc.field.{section}.{field}"))
        if section == "necessity" and dpia["description"]["special_data"] and not dpia["necessity"]["special_condition"]:
            add(section, "special_condition", "special_condition")
    kinds = {r["kind"] for r in dpia["risks"]}
    for kind in STANDARD_KINDS:
        if kind not in kinds:
            add("risks", kind, "kind_missing", kind=t(lang, f"dpiadoc.kind.{kind}"))
    for n, risk in enumerate(dpia["risks"], 1):
        where = f"risks[{n}]"
        name = risk["title"] or t(lang, f"dpiadoc.kind.{risk['kind']}")
        for field in ("severity", "likelihood", "residual_severity", "residual_likelihood"):
            if not risk[field]:
                add("risks", f"{where}.{field}", "score", n=n, risk=name, field=t(lang, f"dpiadoc.field.risk.{field}"))
        for field in ("sources", "impacts"):
            if not risk[field]:
                add("risks", f"{where}.{field}", "risk_text", n=n, risk=name, field=t(lang, f"dpiadoc.field.risk.{field}"))
        if not risk["measures"]:
            add("risks", f"{where}.measures", "no_measure", n=n, risk=name)
    v = dpia["validation"]
    for n, action in enumerate(v["actions"], 1):
        for field in ("what", "owner", "due"):
            if not action[field]:
                add("validation", f"actions[{n}].{field}", "action", n=n, field=t(lang, f"dpiadoc.field.action.{field}"))
    if v["dpo_name"] and not v["dpo_advice"]:
        add("validation", "dpo_advice", "dpo_advice")
    if not v["dpo_name"] and not v["no_dpo_reason"]:
        add("validation", "no_dpo_reason", "dpo_none")
    if not v["views_sought"]:
        add("validation", "views_sought", "views")
    elif v["views_sought"] == "yes" and not v["views_summary"]:
        add("validation", "views_summary", "views_summary")
    elif v["views_sought"] == "no" and not v["views_reason"]:
        add("validation", "views_reason", "views_reason")
    for field in ("decision", "decided_by", "decided_on", "next_review"):
        if not v[field]:
            add("validation", field, "missing", section=t(lang, "dpiadoc.section.validation"),
                field=t(lang, f"dpiadoc.field.validation.{field}"))
    if prior_consultation(dpia) == "required" and v["decision"] in ("proceed", "proceed_with_measures"):
        add("validation", "decision", "consult_first")
    return points


# -- a re-review -------------------------------------------------------------------------------

def review(dpia: dict[str, Any], date: str) -> dict[str, Any]:
    """A new review (Art. 35(11)): the decision so far goes to `versions` with its date, and the
    decision fields are cleared for the new one. Everything else stays to be checked again."""
    out = normalise(dpia)
    v = out["validation"]
    if any(v[f] for f in ("decision", "decided_by", "decided_on")):
        out["versions"].append({"decided_on": v["decided_on"], "decision": v["decision"], "decided_by": v["decided_by"],
                                "summary": ""})
    for field in ("decision", "decided_by", "decided_on", "next_review"):
        v[field] = ""
    del date  # the new review's date is the decision date the visitor gives it when it is decided
    return out


# -- the catalogue the page's form draws from ---------------------------------------------------

def catalogue(lang: str) -> dict[str, Any]:
    """Risk kinds, the four-level scales with their definitions, the measures, and the sections with
    their fields' labels and help: what the page builds its form from."""
    def field(section: str, name: str) -> dict[str, str]:
        key = f"dpiadoc.field.{section}.{name}"
        help_key = f"dpiadoc.help.{section}.{name}"
        return {"id": name, "label": t(lang, key), "help": t(lang, help_key) if has(lang, help_key) else ""}

    return {
        "format": FORMAT,
        "kinds": [{"id": k, "label": t(lang, f"dpiadoc.kind.{k}"), "help": t(lang, f"dpiadoc.kind_help.{k}")} for k in KINDS],
        "scales": {
            "method": t(lang, "dpiadoc.scale.method"),
            "severity": [{"level": n, "id": LEVEL_IDS[n], "label": t(lang, f"dpiadoc.level.{n}"),
                          "definition": t(lang, f"dpiadoc.severity.{n}")} for n in LEVELS],
            "likelihood": [{"level": n, "id": LEVEL_IDS[n], "label": t(lang, f"dpiadoc.level.{n}"),
                            "definition": t(lang, f"dpiadoc.likelihood.{n}")} for n in LEVELS],
            "high_rule": t(lang, "dpiadoc.scale.high_rule"),
        },
        "measures": [{"id": mid, "text": t(lang, f"dpiadoc.measure.{mid}"), "kinds": m["kinds"], "sectors": m["sectors"],
                      "source": measure_source(mid, lang)} for mid, m in measures().items()],
        "statuses": [{"id": s, "label": t(lang, f"dpiadoc.status.{s}")} for s in STATUSES],
        "decisions": [{"id": d, "label": t(lang, f"dpiadoc.decision.{d}")} for d in DECISIONS if d],
        "sections": [
            {"id": "organisation", "title": t(lang, "dpiadoc.section.organisation"), "fields": [field("organisation", f) for f in ORGANISATION]},
            {"id": "description", "title": t(lang, "dpiadoc.section.description"), "cite": t(lang, "dpiadoc.cite.description"),
             "fields": [field("description", f) for f in DESCRIPTION]},
            {"id": "necessity", "title": t(lang, "dpiadoc.section.necessity"), "cite": t(lang, "dpiadoc.cite.necessity"),
             "fields": [field("necessity", f) for f in NECESSITY]},
            {"id": "risks", "title": t(lang, "dpiadoc.section.risks"), "cite": t(lang, "dpiadoc.cite.risks"),
             "fields": [field("risk", f) for f in RISK_TEXT[1:] + SCORES]},
            {"id": "validation", "title": t(lang, "dpiadoc.section.validation"), "cite": t(lang, "dpiadoc.cite.validation"),
             "fields": [field("validation", f) for f in VALIDATION]},
        ],
    }


# -- a sector's sample --------------------------------------------------------------------------

def from_sample(data: dict[str, Any], lang: str) -> dict[str, Any]:
    """A sector's sample DPIA (sectors/<id>/dpia.yml, checked by hub/schema.py) in one language,
    marked as an example. Each risk's and measure's source is written beside it."""
    def pick(value: Any) -> str:
        return value.get(lang, "") if isinstance(value, dict) else ("" if value is None else str(value))

    out = blank()
    out.update(id=f"sample-{data['sector']}", title=pick(data["title"]), example=True, sector=data["sector"])
    for part in ("organisation", "screening", "description", "necessity"):
        for key, value in (data.get(part) or {}).items():
            out[part][key] = pick(value)
    out["risks"] = []
    for raw in data["risks"]:
        risk = blank_risk(raw["kind"])
        risk.update(title=pick(raw["title"]), sources=pick(raw.get("sources")), impacts=pick(raw.get("impacts")))
        if raw.get("source"):
            risk["impacts"] = f"{risk['impacts']} ({t(lang, 'dpiadoc.source')}{colon(lang)} {pick(raw['source'])})".strip()
        for key in SCORES:
            risk[key] = int(raw.get(key, 0))
        for m in raw.get("measures", []):
            if m.get("id"):
                text = t(lang, f"dpiadoc.measure.{m['id']}")
                risk["measures"].append({"id": m["id"], "text": text, "status": m["status"]})
            else:
                text = f"{pick(m['text'])} ({t(lang, 'dpiadoc.source')}{colon(lang)} {pick(m['source'])})"
                risk["measures"].append({"id": "", "text": text, "status": m["status"]})
        out["risks"].append(risk)
    validation = dict(data.get("validation") or {})
    out["validation"]["actions"] = [{k: pick(a.get(k)) for k in ACTION} for a in validation.pop("actions", [])]
    for key, value in validation.items():
        out["validation"][key] = pick(value)
    return normalise(out)


# The document and the map are written by their own modules; they are part of this API.
from wizards.documents.dpia_document import images, to_html, to_markdown  # noqa: E402,F401
from wizards.documents.dpia_risk_map import risk_map_svg  # noqa: E402,F401
