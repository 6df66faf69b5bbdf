"""Scenario tests for the cookie wizard: one cookie or tracker at a time, consent or exempt.

Sources named per test: Art. 5(3) ePrivacy Directive / Art. 10/2 Act of 30 July 2018, WP29 Opinion
04/2012 (WP194), the GBA cookie page and checklist (legal-facts CK-1, CK-2, CK-3, BE-7) and the seed
article seeds/002 ("Mag u al cookies plaatsen voor de bezoeker op 'accepteren' klikt?").
"""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from wizards.present.citations import known
from wizards.engine.walk import Refused, decide, next_question
from wizards.engine.logic import Tri
from wizards.present.render import to_dict
from wizards.present.texts import LANGUAGES, catalogue, has
from wizards.rules.cookies import WIZARD

CATALOGUE = tomllib.loads(
    (Path(__file__).resolve().parents[1] / "wizards" / "rules" / "cookies_catalogue.toml").read_text(encoding="utf-8")
)["cookie"]


def status(decision, rule: str) -> Tri:
    return {f.rule: f.status for f in decision.findings}[rule]


# --- Exempt: no consent needed -------------------------------------------------------------------

def test_shopping_basket_cookie_needs_no_consent() -> None:
    """seeds/002: a web shop may remember the basket without asking; GBA cookie page (CK-2) names
    the shopping basket as strictly necessary; exemption B of Art. 5(3) (BE-7)."""
    decision = decide(WIZARD, {"purpose": "requested_service", "only_that": "yes"})
    assert decision.verdict.value == "not_required"
    assert decision.outcome == "not_required"
    assert status(decision, "requested_service") is Tri.YES
    assert decision.open_points == ()


def test_language_choice_needs_no_consent() -> None:
    """GBA cookie page (CK-2): temporary storage of the language choice is strictly necessary;
    seeds/002 gives the language preference as an example of a cookie allowed before 'accept'."""
    decision = decide(WIZARD, {"purpose": "requested_service", "only_that": "yes"})
    assert decision.verdict.value == "not_required"


def test_cookie_consent_choice_cookie_needs_no_consent() -> None:
    """GBA cookie page (CK-2): storing the visitor's cookie preferences is strictly necessary;
    otherwise the banner would return on every page."""
    decision = decide(WIZARD, {"purpose": "requested_service", "only_that": "yes"})
    assert decision.verdict.value == "not_required"
    assert [a.id for a in WIZARD.outcome(decision.outcome).actions][0] == "inform"


def test_load_balancer_cookie_is_exempt_under_transmission() -> None:
    """WP194 lists load-balancing session cookies among the exempt cookies; the GBA calls load
    balancing a strictly necessary technical cookie (CK-2). Exemption A is examined first."""
    decision = decide(WIZARD, {"purpose": "transmission", "only_that": "yes"})
    assert decision.verdict.value == "not_required"
    assert status(decision, "transmission") is Tri.YES
    # The first rule that holds decides: exemption B is not examined any more.
    assert [f.rule for f in decision.findings] == ["transmission"]


# --- Consent required -----------------------------------------------------------------------------

def test_first_party_matomo_needs_consent() -> None:
    """GBA's own website (CK-3, be:gba.cookie-own-site): self-hosted Matomo, no data to third parties,
    still only with prior consent. The CNIL's exemption for some audience measurement is not followed."""
    decision = decide(WIZARD, {"purpose": "analytics"})
    assert decision.verdict.value == "required"
    assert decision.outcome == "required"
    assert status(decision, "analytics") is Tri.YES
    analytics = next(f for f in decision.findings if f.rule == "analytics")
    assert "be:gba.cookie-own-site" in analytics.cites
    # The question on lifetime is not asked: statistics are never exempt in Belgium.
    assert decision.answers == {"purpose": "analytics"}


def test_google_analytics_needs_consent() -> None:
    """seeds/002: analytical cookies need active, informed consent; GBA checklist 2023 (CK-1): only
    strictly necessary cookies are exempt. Google Analytics' _ga is a statistics cookie."""
    decision = decide(WIZARD, {"purpose": "analytics"})
    assert decision.verdict.value == "required"
    record = to_dict(WIZARD, decision, "en")
    assert any("CNIL" in r["explanation"] for r in record["reasons"]), "the record says authorities differ"


def test_advertising_pixel_needs_consent() -> None:
    """WP194 (third-party advertising cookies need consent); seeds/002 (marketing and tracking cookies
    only after consent); EDPB Guidelines 2/2023 (pixels are covered as well as cookies)."""
    decision = decide(WIZARD, {"purpose": "advertising"})
    assert decision.verdict.value == "required"
    assert decision.open_points == ()
    # No exemption held: the principle of Art. 5(3) applies (the `otherwise` outcome).
    assert all(f.status is Tri.NO for f in decision.findings)


def test_youtube_embed_needs_consent() -> None:
    """WP194: social plug-in tracking needs consent; a third party's player cookies are not limited to
    playing the video for the session."""
    decision = decide(WIZARD, {"purpose": "social_media"})
    assert decision.verdict.value == "required"


def test_unrequested_personalisation_needs_consent() -> None:
    """WP194: user-interface customisation is exempt only when the visitor asked for it;
    'recommended for you' or A/B tests are not asked for."""
    decision = decide(WIZARD, {"purpose": "personalisation_not_requested"})
    assert decision.verdict.value == "required"


def test_multi_purpose_cookie_needs_consent() -> None:
    """WP194: a cookie with several purposes is exempt only if every purpose is exempt. A login
    cookie that also feeds visitor statistics therefore needs consent."""
    decision = decide(WIZARD, {"purpose": "requested_service", "only_that": "no"})
    assert decision.verdict.value == "required"
    assert status(decision, "requested_service") is Tri.NO


def test_basket_cookie_kept_for_years_needs_consent() -> None:
    """WP194: the lifetime of an exempt cookie must match its purpose and end once it is no longer
    needed; a basket cookie kept far beyond the visit does more than keep the basket."""
    decision = decide(WIZARD, {"purpose": "requested_service", "only_that": "no"})
    assert decision.verdict.value == "required"


def test_required_outcome_carries_the_valid_consent_actions() -> None:
    """CK-1 (prior, free, specific, informed, unambiguous, active), Planet49 (no pre-ticked boxes),
    Art. 7(1) and 7(3) GDPR (proof, withdrawal), CK-5 '?' (phrased as 'check the current text'),
    CK-7 (no renewal period hard-coded)."""
    decision = decide(WIZARD, {"purpose": "advertising"})
    record = to_dict(WIZARD, decision, "en")
    actions = " ".join(a["text"] for a in record["actions"])
    assert "Planet49" in actions and "Art. 7(1)" in actions and "Art. 7(3)" in actions
    assert "check the current text" in actions.lower()
    assert "13 months is a French CNIL figure" in actions
    assert {s["id"] for s in record["sources"]} >= {"cjeu:planet49", "gdpr:4.11", "gdpr:7", "be:gba.cookies"}


# --- It depends ------------------------------------------------------------------------------------

def test_unknown_purpose_depends_on_both_exemptions() -> None:
    """A scan finds a cookie nobody can explain: Art. 5(3) turns on its purpose, so the answer
    depends on whether exemption A or B applies."""
    decision = decide(WIZARD, {"purpose": "unsure", "only_that": "unsure"})
    assert decision.verdict.value == "depends"
    assert decision.outcome == "depends"
    assert decision.open_points[:2] == ("transmission", "requested_service")
    # Each purpose is one way the open answer can go; analytics needs consent too.
    assert {b.value: b.outcomes for b in decision.branches if b.question == "purpose"}["analytics"] == ("required",)


def test_requested_service_with_unknown_extra_use_depends() -> None:
    """Stripe-like case: a payment provider's fraud cookie may serve the payment the visitor asked
    for, but it is not known whether it does only that (WP194 multi-purpose test)."""
    decision = decide(WIZARD, {"purpose": "requested_service", "only_that": "unsure"})
    assert decision.verdict.value == "depends"
    assert decision.open_points == ("requested_service",)


def test_unknown_purpose_but_clearly_more_than_one_use_needs_consent() -> None:
    """WP194: whatever the main purpose, a tracker that does more than one exempt thing (or lives
    longer than needed) is not exempt; no open point remains."""
    decision = decide(WIZARD, {"purpose": "unsure", "only_that": "no"})
    assert decision.verdict.value == "required"
    assert decision.open_points == ()


# --- Questions asked -------------------------------------------------------------------------------

def test_second_question_only_for_exempt_purposes() -> None:
    assert next_question(WIZARD, {}).id == "purpose"
    assert next_question(WIZARD, {"purpose": "requested_service"}).id == "only_that"
    assert next_question(WIZARD, {"purpose": "transmission"}).id == "only_that"
    for purpose in ("analytics", "advertising", "social_media", "personalisation_not_requested"):
        assert next_question(WIZARD, {"purpose": purpose}) is None


def test_answer_off_the_path_is_not_recorded() -> None:
    decision = decide(WIZARD, {"purpose": "advertising", "only_that": "yes"})
    assert decision.answers == {"purpose": "advertising"}


# --- Refusals ---------------------------------------------------------------------------------------

def test_refuses_unknown_purpose() -> None:
    with pytest.raises(Refused) as refused:
        decide(WIZARD, {"purpose": "marketing"})
    assert refused.value.code == "unknown_option"


def test_refuses_unknown_question() -> None:
    with pytest.raises(Refused) as refused:
        decide(WIZARD, {"purpose": "analytics", "third_party": "yes"})
    assert refused.value.code == "unknown_question"


def test_refuses_missing_second_answer() -> None:
    with pytest.raises(Refused) as refused:
        decide(WIZARD, {"purpose": "requested_service"})
    assert refused.value.code == "missing_answer"
    assert refused.value.params["question"] == "only_that"


def test_refuses_wrong_type() -> None:
    with pytest.raises(Refused) as refused:
        decide(WIZARD, {"purpose": ["analytics", "advertising"]})
    assert refused.value.code == "wrong_type"


# --- Catalogue ------------------------------------------------------------------------------------

@pytest.mark.parametrize("entry", CATALOGUE, ids=[e["id"] for e in CATALOGUE])
def test_catalogue_entry_gives_its_verdict(entry: dict) -> None:
    decision = decide(WIZARD, entry["answers"])
    assert decision.verdict.value == entry["verdict"]
    # The catalogue records exactly the answers on the path, nothing more.
    assert decision.answers == entry["answers"]


@pytest.mark.parametrize("entry", CATALOGUE, ids=[e["id"] for e in CATALOGUE])
def test_catalogue_entry_is_complete(entry: dict) -> None:
    for field in ("id", "name", "provider", "purpose", "answers", "verdict", "reason", "sources"):
        assert field in entry, field
    for field in ("purpose", "reason"):
        assert set(entry[field]) == set(LANGUAGES), (entry["id"], field)
        assert all(text.strip() for text in entry[field].values())
    assert entry["sources"] and set(entry["sources"]) <= known()
    for url in entry.get("vendor_docs", []):
        assert url.startswith("https://")


def test_catalogue_ids_are_unique_and_cover_the_brief() -> None:
    ids = [e["id"] for e in CATALOGUE]
    assert len(ids) == len(set(ids))
    assert {"session_id", "shopping_basket", "consent_choice", "language_choice", "load_balancer", "csrf_token",
            "google_analytics", "matomo", "meta_pixel", "youtube_embed", "hotjar", "linkedin_insight",
            "stripe"} <= set(ids)
    verdicts = {e["verdict"] for e in CATALOGUE}
    assert verdicts == {"required", "not_required", "depends"}


# --- Texts, sources, presentation ----------------------------------------------------------------

def test_every_citation_exists() -> None:
    ids = {c for q in WIZARD.questions for c in q.cites}
    ids |= {c for r in WIZARD.rules for c in r.cites}
    ids |= {c for o in WIZARD.outcomes for c in o.cites}
    assert ids <= known()


def test_text_keys_are_the_same_in_every_language() -> None:
    keys = [{k for k in catalogue(lang) if k.startswith("cookies.")} for lang in LANGUAGES]
    assert keys[0] == keys[1] == keys[2]


def test_every_text_key_the_wizard_uses_exists() -> None:
    needed = ["cookies.title", "cookies.intro"]
    for question in WIZARD.questions:
        needed += [f"cookies.q.{question.id}.text", f"cookies.q.{question.id}.help"]
    needed += [f"cookies.q.purpose.o.{o}" for o in WIZARD.question("purpose").options]
    for rule in WIZARD.rules:
        needed += [f"cookies.rule.{rule.id}.{part}" for part in ("title", "yes", "no", "unsure")]
    for outcome in WIZARD.outcomes:
        needed += [f"cookies.outcome.{outcome.id}.title", f"cookies.outcome.{outcome.id}.summary"]
        needed += [f"cookies.action.{action.id}" for action in outcome.actions]
    for lang in LANGUAGES:
        missing = [key for key in needed if not has(lang, key)]
        assert not missing, (lang, missing)


def test_outcomes_have_actions_and_required_ids() -> None:
    assert WIZARD.otherwise == "required" and WIZARD.depends == "depends"
    assert all(outcome.actions for outcome in WIZARD.outcomes)
    links = {a.link for o in WIZARD.outcomes for a in o.actions if a.link}
    assert links <= {"guide/website.md", "guide/legal-bases.md", "guide/help.md"}
