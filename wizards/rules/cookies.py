"""May this one cookie or tracker be placed without consent?

The rule: storing information on a visitor's device, or reading information already stored there,
needs the visitor's prior consent (Art. 5(3) ePrivacy Directive 2002/58/EC). The GBA places the Belgian
rule in Art. 10/2 of the Act of 30 July 2018, which replaced Art. 129 of the Electronic Communications
Act of 13 June 2005 (see the first reading choice below). Art. 5(3) allows two exemptions, which the WP29
Opinion 04/2012 (WP194) explains and the GBA/APD cookie page repeats (legal-facts BE-7 ✓):
  A. the storage or access is used solely to carry out the transmission of a communication over a network;
  B. it is strictly necessary to provide a service the visitor explicitly asked for.
The wizard is asked once per cookie or tracker. The rules below follow that structure: exemption A,
exemption B, and then statistics, which are never exempt in Belgium (a rule of its own, so that the
written record states the GBA's position and that authorities differ). When no exemption applies,
consent is required: that is the principle of Art. 5(3), so it is the `otherwise` outcome. Advertising,
social media and personalisation the visitor did not ask for end there: WP194 lists them among the
cookies that are not strictly necessary, and the GBA exempts only strictly necessary cookies (CK-1 ✓).
(They are deliberately not a rule of their own: every extra rule on the purpose question repeats that
question in the flowchart.)

The rule covers every technique that stores or reads information on the device, not only cookies:
local storage (GBA cookie page, CK-2 ✓), tracking pixels and fingerprinting (EDPB Guidelines 2/2023).
The question help says so.

Reading choices and points where sources differ:
- Where the rule sits in Belgian law. The move from Art. 129 WEC to Art. 10/2 of the Act of 30 July 2018
  is marked '?' in legal-facts (BE-5; its in-force date BE-6 is '?' too). The GBA cookie page itself
  states the exemptions under Art. 10/2 (BE-7 ✓). Every rule that cites `be:wvg.10/2` therefore also
  cites the ePrivacy Directive and the GBA cookie page, and no text gives a date for the move.
- Statistics (audience measurement). The GBA requires consent for analytics cookies, first-party ones
  included: its own website asks consent even for self-hosted Matomo whose data go to no third party
  (CK-3 ✓). WP194 also keeps first-party analytics outside the exemptions, while calling them
  low-risk and suggesting that the law could exempt them. Some other authorities, notably the French
  CNIL, exempt certain audience measurement under strict conditions. This wizard is for Belgium and
  follows the GBA: statistics always need consent.
  The rule text and the question help say that authorities differ on this point.
- Load balancing. WP194 lists load-balancing session cookies among the cookies that need no consent;
  the GBA names load balancing as a strictly necessary technical cookie (CK-2 ✓). Whether one reads it
  under exemption A or B, the result is the same. The option texts place it under "transmission" and
  mention that the GBA sees it as strictly necessary.
- Multi-purpose cookies. WP194: a cookie that serves several purposes is exempt only if every one of
  its purposes is exempt. The second question ("does it do only that?") carries that test.
- Lifetime. WP194 ties the exemption to a lifetime in line with the purpose (often the browser session,
  sometimes a few hours; longer only where the visitor asked for a setting to be remembered). The GBA
  speaks of "temporary" storage of the language choice (CK-2). No source read gives one fixed maximum, so
  the wizard asks whether the tracker is deleted once it is no longer needed, rather than testing a number.
- Social media. WP194 exempts the content-sharing cookies of a social plug-in only for logged-in members
  who use the plug-in, and lists social plug-in tracking among the cookies that need consent. A small
  organisation embedding a share button or a video cannot limit the platform's cookies to sharing or
  playback, so the option "social media and embedded content" leads to consent.
- Security and fraud prevention. WP194 exempts security cookies tied to a service the visitor asked for
  (for example to detect repeated failed logins). No source read says whether broader fraud-prevention
  cookies of a payment provider are strictly necessary; the catalogue marks such cases "it depends".
- Valid consent. The actions rest on Art. 4(11) and 7 GDPR, CJEU Planet49 (C-673/17: no pre-ticked boxes)
  and the GBA's 2023 position that consent must be prior, free, specific, informed, unambiguous and active
  (CK-1 ✓). The GBA checklist points "reject as easy as accept in the first layer" and "no cookie walls"
  are only known from secondary sources (CK-5 '?'): the action says "the GBA's 2023 checklist asks ...,
  check the current text". No renewal period for consent is given (CK-7: none found in GBA sources; the
  13-month figure is the CNIL's).

"unsure" answers: not knowing what a tracker does (or whether it does only that) leads to "it depends",
with the exemptions it turns on. If the visitor does not know the purpose, the engine still asks the
second question (a Kleene AND with an open part stays open); its help tells the visitor to answer "not sure".

A catalogue of common cookies, with the answers to these questions and the resulting verdict, is in
cookies_catalogue.toml; a test runs every entry through this wizard.
"""
from __future__ import annotations

from typing import Any

from wizards.rules.catalogues import entries
from wizards.engine.logic import AllOf, Is
from wizards.engine.model import Action, Choice, Outcome, Rule, Verdict, Wizard

UNSURE_TOO = ("yes", "no", "unsure")

# What the cookie or tracker is for. "unsure" must stay the last option: it is the honest answer
# of a visitor who found a cookie in a scan and does not know what it does.
PURPOSES = (
    "transmission",
    "requested_service",
    "analytics",
    "advertising",
    "social_media",
    "personalisation_not_requested",
    "unsure",
)

WIZARD = Wizard(
    id="cookies",
    version="2026-11-23",
    questions=(
        Choice(
            "purpose",
            PURPOSES,
            cites=("eu:eprivacy.5.3", "be:wvg.10/2", "edpb:wp194", "be:gba.cookies", "be:gba.cookie-own-site",
                   "edpb:02-2023"),
        ),
        Choice("only_that", UNSURE_TOO, cites=("edpb:wp194",)),
    ),
    rules=(
        # Exemption A: solely to carry out the transmission of a communication over a network.
        Rule(
            "transmission",
            AllOf(Is("purpose", "transmission"), Is("only_that")),
            "not_required",
            cites=("eu:eprivacy.5.3", "be:wvg.10/2", "edpb:wp194", "be:gba.cookies"),
        ),
        # Exemption B: strictly necessary for a service the visitor explicitly asked for.
        Rule(
            "requested_service",
            AllOf(Is("purpose", "requested_service"), Is("only_that")),
            "not_required",
            cites=("eu:eprivacy.5.3", "be:wvg.10/2", "edpb:wp194", "be:gba.cookies"),
        ),
        # Statistics are never exempt in Belgium, first-party ones included (GBA; authorities differ).
        Rule(
            "analytics",
            Is("purpose", "analytics"),
            "required",
            cites=("be:gba.cookie-own-site", "be:gba.cookies", "edpb:wp194"),
        ),
    ),
    outcomes=(
        Outcome(
            "required",
            Verdict.REQUIRED,
            cites=("eu:eprivacy.5.3", "be:wvg.10/2", "edpb:wp194", "be:gba.cookies", "gdpr:4.11", "gdpr:7",
                   "cjeu:planet49", "edpb:05-2020"),
            actions=(
                Action("block_before_consent", link="guide/website.md"),
                Action("valid_consent"),
                Action("no_preticked"),
                Action("refuse_easy"),
                Action("proof"),
                Action("withdraw"),
                Action("no_fixed_renewal"),
                Action("gdpr_too", link="guide/legal-bases.md"),
            ),
        ),
        Outcome(
            "not_required",
            Verdict.NOT_REQUIRED,
            cites=("eu:eprivacy.5.3", "be:wvg.10/2", "edpb:wp194", "be:gba.cookies"),
            actions=(
                Action("inform", link="guide/website.md"),
                Action("keep_limited"),
                Action("recheck"),
                Action("keep_analysis"),
            ),
        ),
        Outcome(
            "depends",
            Verdict.DEPENDS,
            cites=("edpb:wp194", "be:gba.cookies"),
            actions=(
                Action("find_out"),
                Action("careful", link="guide/website.md"),
                Action("ask_help", link="guide/help.md"),
            ),
        ),
    ),
    otherwise="required",
    depends="depends",
)


def catalogue() -> list[dict[str, Any]]:
    """The curated catalogue of common cookies and trackers, with the answers that lead to each verdict."""
    return entries("cookies_catalogue.toml", "cookie")
