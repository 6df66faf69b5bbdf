"""All wizards by id, in the order the site lists them. A new wizard is one module with a WIZARD and one line here."""
from __future__ import annotations

from wizards.rules import breach, cookies, data_requests, dpia, dpo, processor, register
from wizards.engine.model import Wizard

WIZARDS: dict[str, Wizard] = {w.id: w for w in (register.WIZARD, dpo.WIZARD, dpia.WIZARD, processor.WIZARD, cookies.WIZARD,
                                          breach.WIZARD, data_requests.WIZARD)}


def get(wizard_id: str) -> Wizard:
    from wizards.engine.walk import Refused

    try:
        return WIZARDS[wizard_id]
    except KeyError:
        raise Refused("unknown_wizard", wizard=wizard_id) from None
