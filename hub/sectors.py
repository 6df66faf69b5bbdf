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
from .schema import Bool, Enum, Free, ListOf, Map, SchemaError, Str, load

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

PAGE_NAMES = ("index.md", "register.md", "suppliers.md", "questions.md")


@dataclass(frozen=True)
class Sector:
    id: str
    folder: Path
    data: dict[str, Any]

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
    return Sector(folder.name, folder, data)


def sector_folders(root: Path = SECTORS_DIR, *, include_template: bool = False) -> list[Path]:
    return sorted(
        p for p in root.iterdir()
        if p.is_dir() and not p.name.startswith(".") and (include_template or p.name != TEMPLATE)
    )


def load_all(root: Path = SECTORS_DIR) -> list[Sector]:
    return [load_sector(folder) for folder in sector_folders(root)]


FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
