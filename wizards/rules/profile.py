"""The organisation profile: asked once, kept in the visitor's browser, pre-fills every wizard.

A wizard question with `ns="profile"` is one of these; its answer carries over between wizards.
"""
from __future__ import annotations

from wizards.engine.model import Checklist, Choice, Number, Text

PUBLIC_BODY = Choice("public_body", ("yes", "no", "unsure"), cites=("gdpr:37.1.a", "be:wvg.5"), ns="profile")
EMPLOYEES = Number("employees", minimum=0, maximum=10_000_000, cites=("gdpr:30.5",), ns="profile")
# Staff under an employment contract. `employees` also counts self-employed people who work for the
# organisation, so it cannot tell whether there is staff data, which is never "occasional" (Art. 30(5)).
HAS_STAFF = Choice("has_staff", ("yes", "no", "unsure"), cites=("gdpr:30.5", "edpb:wp29-30.5"), ns="profile")
SPECIAL_CATEGORIES = Choice("special_categories", ("yes", "no", "unsure"), cites=("gdpr:9.1",), ns="profile")
CRIMINAL_DATA = Choice("criminal_data", ("yes", "no", "unsure"), cites=("gdpr:10",), ns="profile")
ACTIVITIES = Checklist(
    "activities",
    ("staff", "customers", "newsletter", "webshop", "cameras", "website_analytics", "volunteers_members"),
    ns="profile",
)

# For letters the wizards write (e.g. a reply to a person who asks for their data).
ORG_NAME = Text("org_name", max_length=120, ns="profile")
ORG_CONTACT = Text("org_contact", max_length=200, ns="profile")

FIELDS = (PUBLIC_BODY, EMPLOYEES, HAS_STAFF, SPECIAL_CATEGORIES, CRIMINAL_DATA, ACTIVITIES, ORG_NAME, ORG_CONTACT)
FIELD_IDS = frozenset(field.id for field in FIELDS)
