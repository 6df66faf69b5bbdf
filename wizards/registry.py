"""All wizards by id, in the order the site lists them. A new wizard is one module with a WIZARD in
`wizards/rules/` and one line here.

The rules declare; the extra parts of a record (the breach log's row and clock, a reply letter) are
written in `wizards/documents/` and attached here, so that a rule module imports nothing but the engine.
"""
from __future__ import annotations

from dataclasses import replace

from wizards.documents import breach_log, requests_log
from wizards.engine.model import Wizard
from wizards.engine.walk import Refused
from wizards.rules import breach, cookies, data_requests, dpia, dpo, processor, register

WIZARDS: dict[str, Wizard] = {w.id: w for w in (
    register.WIZARD, dpo.WIZARD, dpia.WIZARD, processor.WIZARD, cookies.WIZARD,
    replace(breach.WIZARD, extras=breach_log.extras),
    replace(data_requests.WIZARD, extras=requests_log.extras),
)}


def get(wizard_id: str) -> Wizard:
    try:
        return WIZARDS[wizard_id]
    except KeyError:
        raise Refused("unknown_wizard", wizard=wizard_id) from None
