"""Sector folders: `sectors/<id>/sector.yml` plus Markdown pages per language.

Everything a federation owns lives in its folder; this module reads and checks it. The schema below
is the contract of `sectors/_template/sector.yml`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wizards.engine import walk as engine
from wizards.rules import profile
from wizards.registry import WIZARDS
from wizards.present.texts import LANGUAGES

from . import ROOT
from .schema import Bool, Checked, Enum, Free, Int, ListOf, Map, SchemaError, Str, load

SECTORS_DIR = ROOT / "sectors"
TEMPLATE = "_template"

HEX = Str(r"#[0-9a-fA-F]{6}", hint="a colour like \"#1f5f8b\" (in quotes)")
URL = Str(r"https?://\S+", hint="a web address starting with https://")
LANG = Map({lang: Str(allow_empty=False, hint="text") for lang in LANGUAGES}, name="a text in nl, fr and en")
LEGAL_BASES = ("consent", "contract", "legal_obligation", "vital_interests", "public_task", "legitimate_interests")
# "depends": the role changes with the task (the accountant: processor for bookkeeping on your
# instructions, controller for its own legal duties), as in the guide and the supplier catalogue.
ROLES = ("processor", "controller", "joint_controller", "not_personal_data", "depends")


def _check_profile(value: Any, path: str) -> None:
    if not isinstance(value, dict):
        raise ValueError("expected fields of the organisation profile, e.g. public_body: \"no\"")
    for key, answer in value.items():
        if key not in profile.FIELD_IDS:
            raise ValueError(f"unknown profile field {key!r}; expected one of: {', '.join(sorted(profile.FIELD_IDS))}")
        question = next(f for f in profile.FIELDS if f.id == key)
        try:
            engine.check_answer(question, answer)
        except engine.Refused as refused:
            raise ValueError(f"{key}: {refused.code.replace('_', ' ')} {refused.params}") from None


def _check_prefill(value: Any, path: str) -> None:
    if not isinstance(value, dict):
        raise ValueError("expected a wizard name with its answers, e.g. dpo: {sensitive_core: \"yes\"}")
    for wizard_id, answers in value.items():
        if wizard_id not in WIZARDS:
            raise ValueError(f"unknown wizard {wizard_id!r}; expected one of: {', '.join(WIZARDS)}")
        try:
            engine.validate(WIZARDS[wizard_id], answers)
        except engine.Refused as refused:
            raise ValueError(f"{wizard_id}: {refused.code.replace('_', ' ')} {refused.params}") from None


SECTOR_SCHEMA = Map(
    {
        "id": Str(r"[a-z0-9][a-z0-9-]*", hint="lower-case letters, digits and hyphens, equal to the folder name"),
        "name": LANG,
        "summary": LANG,
        "federations": ListOf(
            Map({"short": Str(allow_empty=False), "name": LANG, "url": Str(r"(https?://\S+)?", hint="a web address or \"\"")},
                name="a federation"),
            min_items=1,
        ),
        "edition": Map(
            {
                "site_name": LANG,
                "logo": Str(r"([\w.-]+\.(svg|png))?", hint="a file name ending in .svg or .png, or \"\""),
                "colors": Map({"primary": HEX, "accent": HEX}, name="colours"),
                "contact": Map(
                    {
                        "name": LANG,
                        "email": Str(r"([^@\s]+@[^@\s]+\.[a-z]{2,})?", hint="an e-mail address or \"\"", optional=True),
                        "url": Str(r"(https?://\S+)?", hint="a web address or \"\"", optional=True),
                        "phone": Str(r"[+0-9 ()./-]*", hint="a phone number in quotes", optional=True),
                    },
                    name="a contact point",
                ),
            },
            name="the edition settings",
        ),
        "positions": ListOf(Map({"title": LANG, "text": LANG}, name="a position"), optional=True),
        "profile": Free(_check_profile, optional=True, hint="organisation-profile answers"),
        "prefill": Free(_check_prefill, optional=True, hint="answers per wizard"),
        "register": ListOf(
            Map(
                {
                    "activity": LANG, "purpose": LANG, "legal_basis": Enum(LEGAL_BASES), "data_subjects": LANG,
                    "data_categories": LANG, "recipients": LANG, "retention": LANG,
                    "retention_source": LANG, "security": LANG,
                    # Flags for the record builder: Art. 9/10 data, and monitoring of people (DPIA link).
                    "special_data": Bool(optional=True), "monitoring": Bool(optional=True),
                    # The Art. 9(2) condition (or Art. 10 GDPR with Art. 10 WVG) of a row with special_data.
                    "special_condition": Map({lang: Str(allow_empty=False, hint="text") for lang in LANGUAGES},
                                             optional=True, name="a text in nl, fr and en"),
                },
                name="a processing activity",
            ),
            min_items=1,
        ),
        "suppliers": ListOf(
            Map({"supplier": LANG, "role": Enum(ROLES), "agreement_needed": Bool(), "why": LANG}, name="a supplier"),
            min_items=1,
        ),
        "retention": ListOf(
            Map({"record": LANG, "period": LANG, "source": LANG}, name="a retention period"),
            min_items=1,
        ),
    },
    name="a sector",
)

def _lang(optional: bool = False) -> Map:
    return Map({lang: Str(allow_empty=False, hint="text") for lang in LANGUAGES}, optional=optional, name="a text in nl, fr and en")


def _check_measure(value: dict[str, Any]) -> None:
    """A measure is one of the catalogue's (by id) or the sample's own words with their source."""
    from wizards.documents.dpia_measures import measures

    if "id" in value:
        if value["id"] not in measures():
            raise ValueError(f"unknown measure id {value['id']!r}; expected one of: {', '.join(measures())}")
        if "text" in value or "source" in value:
            raise ValueError("a catalogue measure (id) takes its text and source from the catalogue: leave out text and source")
    elif "text" not in value or "source" not in value:
        raise ValueError("expected either id (a measure of the catalogue) or text and source (the article or guideline that asks for it)")


def _check_risk(value: dict[str, Any]) -> None:
    if value["kind"] == "other" and "source" not in value:
        raise ValueError("a risk of kind other needs its source (the article or guideline it rests on)")


def _check_sample(value: dict[str, Any]) -> None:
    kinds = {r["kind"] for r in value["risks"]}
    missing = [k for k in ("access", "change", "loss") if k not in kinds]
    if missing:
        raise ValueError(f"every DPIA weighs the three standard risks; missing kind: {', '.join(missing)}")


# The sample DPIA of a sector (sectors/<id>/dpia.yml, issue 26): read by wizards.documents.dpia.from_sample.
DPIA_SCHEMA = Checked(Map(
    {
        "title": LANG,
        "organisation": Map({"name": LANG, "address": _lang(optional=True), "contact": Str(optional=True)}, name="the organisation"),
        "screening": Map({"outcome": Str(allow_empty=False), "summary": LANG, "date": Str(r"\d{4}-\d{2}-\d{2}", hint="a date YYYY-MM-DD", optional=True)},
                         optional=True, name="the screening"),
        "description": Map({f: _lang(optional=f == "special_data") for f in
                            ("processing", "purposes", "data", "special_data", "people", "recipients", "retention", "systems", "suppliers")},
                           name="the description"),
        "necessity": Map({f: _lang(optional=f == "special_condition") for f in
                          ("legal_basis", "special_condition", "minimisation", "accuracy", "retention", "information", "rights",
                           "processors", "transfers")}, name="necessity and proportionality"),
        "risks": ListOf(Checked(Map({
            "kind": Enum(("access", "change", "loss", "other")), "title": LANG, "sources": LANG, "impacts": LANG,
            "source": _lang(optional=True),  # the article, guideline or GBA text the risk rests on
            "severity": Int(1, 4), "likelihood": Int(1, 4), "residual_severity": Int(1, 4), "residual_likelihood": Int(1, 4),
            "measures": ListOf(Checked(Map({
                "id": Str(allow_empty=False, optional=True, hint="a measure id of wizards/documents/dpia_measures.toml"),
                "text": _lang(optional=True), "source": _lang(optional=True),
                "status": Enum(("existing", "planned")),
            }, name="a measure"), _check_measure), min_items=1),
        }, name="a risk"), _check_risk), min_items=3),
        "validation": Map({
            "actions": ListOf(Map({"what": LANG, "owner": LANG, "due": Str(r"(\d{4}-\d{2}-\d{2})?", hint="a date YYYY-MM-DD or \"\"", optional=True)},
                                  name="an action"), optional=True),
            "dpo_name": Str(optional=True), "dpo_advice": _lang(optional=True), "no_dpo_reason": _lang(optional=True),
            "views_sought": Enum(("yes", "no"), optional=True), "views_summary": _lang(optional=True),
            "views_reason": _lang(optional=True),
        }, name="the validation", optional=True),
    },
    name="a sample DPIA",
), _check_sample)

PAGE_NAMES = ("index.md", "register.md", "suppliers.md", "questions.md")


@dataclass(frozen=True)
class Sector:
    id: str
    folder: Path
    data: dict[str, Any]
    dpia: dict[str, Any] | None = None  # the sample DPIA (dpia.yml), when the sector has one

    def pages(self, lang: str) -> list[Path]:
        return sorted((self.folder / "pages" / lang).glob("*.md"))


def load_sector(folder: Path) -> Sector:
    file = folder / "sector.yml"
    if not file.exists():
        raise SchemaError(file, 1, "", "missing: every sector folder needs a sector.yml (copy sectors/_template/sector.yml)")
    data = load(file, SECTOR_SCHEMA)
    if data["id"] != folder.name and folder.name != TEMPLATE:
        raise SchemaError(file, 1, "id", f"must equal the folder name {folder.name!r}, got {data['id']!r}")
    logo = data["edition"]["logo"]
    if logo and not (folder / logo).exists():
        raise SchemaError(file, 1, "edition.logo", f"the file {logo!r} is not in {folder}")
    for lang in LANGUAGES:
        for name in PAGE_NAMES:
            if not (folder / "pages" / lang / name).exists():
                raise SchemaError(folder / "pages" / lang / name, 1, "", f"missing page: every sector has {', '.join(PAGE_NAMES)} in nl, fr and en")
    return Sector(folder.name, folder, data, load_dpia_sample(folder))


def load_dpia_sample(folder: Path) -> dict[str, Any] | None:
    file = folder / "dpia.yml"
    if not file.exists():
        return None
    # The sector is the folder's: a copied template needs no second id to change.
    return {**load(file, DPIA_SCHEMA), "sector": folder.name}


def sector_folders(root: Path = SECTORS_DIR, *, include_template: bool = False) -> list[Path]:
    return sorted(
        p for p in root.iterdir()
        if p.is_dir() and not p.name.startswith(".") and (include_template or p.name != TEMPLATE)
    )


def load_all(root: Path = SECTORS_DIR) -> list[Sector]:
    return [load_sector(folder) for folder in sector_folders(root)]


FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
