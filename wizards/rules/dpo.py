"""Must the organisation designate a data protection officer (DPO)?

Art. 37(1) GDPR lists three cases; Art. 37(4) lets national law add more, which Belgium did in
Art. 21 of the Act of 30 July 2018. Each case is one rule below, in the order of the article.

Reading choices (see the closing note of the wizard issue):
- Art. 37(1)(c) says special categories "and" criminal data; the WP29/EDPB guidelines (WP243) read
  it as "or". We follow the guidelines: one of the two, on a large scale, as a core activity.
- "Core activity" and "large scale" are explained with WP243's factors in the question help;
  a visitor who cannot tell answers "unsure" and gets "it depends" with those factors.
- Public body (Art. 37(1)(a)): the GDPR does not define it; Belgium does in Art. 5 of the Act of
  30 July 2018, with the public-procurement test. Besides the federal state, federated entities,
  local authorities and the public-law bodies that depend on them, it covers any body with legal
  personality created for needs of general interest (not industrial or commercial) that is EITHER
  mainly financed by those authorities, OR under their management supervision, OR has more than
  half of its board appointed by them. The three criteria are alternatives (wording "soit ... soit
  ... soit" as quoted verbatim by eweta.be; gdpr.wolterskluwer.be concurs; primary text on Justel
  not read). The GBA told Unisoc that non-profits meeting this test are public authorities that
  must appoint a DPO; Unisoc contests that reading (Art. 5 would define the term only for the Act
  itself) but "takes note" (unisoc.be, "Toutes les asbl doivent-elles désigner un DPO ?"). The
  wizard follows the supervisory authority (a "yes" makes a DPO required) and names both positions
  in the texts; "unsure" gives "it depends" with the criteria (issue 10, point 4).
- Private bodies with a public task (issue 10, point 5): WP243 (section 2.1.1) recommends, as good
  practice, a DPO for private organisations that carry out public tasks or exercise public
  authority (its examples include public transport, water and energy supply, road infrastructure,
  public broadcasting, public housing and disciplinary bodies of regulated professions; read from
  memory of WP243, not re-read today). Rule `public_task`, after the mandatory grounds, gives
  RECOMMENDED with that reason. Subsidised schools: no Flemish or French Community rule found that
  adds a DPO duty. What was found: Katholiek Onderwijs Vlaanderen writes that, by agreement between
  the network of free subsidised schools and the GBA and the Flemish supervisory commission (VTC),
  a school board need not appoint its own DPO provided each school has an easily reachable
  "contact point for information security" and relies on the network's DPO
  (pro.katholiekonderwijs.vlaanderen, "Stap 1: stel een aanspreekpunt informatieveiligheid aan").
  That treats subsidised schools as needing a DPO, shared. Nothing found for the French Community.
  The help of `public_task` points schools to their network's arrangement; it states no duty.
- Art. 21 of the Act (BE-3): read only in secondary sources (activemind.legal, easygdpr.eu,
  gdpr.wolterskluwer.be, all concordant), never in the official text. The rule is applied, but its
  texts say so and ask the visitor to check the official text, as the pages do (issue 10, "Hedges").
"""
from __future__ import annotations

from wizards.engine.logic import AllOf, Is
from wizards.engine.model import Action, Choice, Outcome, Rule, Verdict, Wizard
from wizards.rules.profile import PUBLIC_BODY

UNSURE_TOO = ("yes", "no", "unsure")

WIZARD = Wizard(
    id="dpo",
    version="2026-12-02",
    questions=(
        PUBLIC_BODY,
        Choice("monitoring_core", UNSURE_TOO, cites=("gdpr:37.1.b", "gdpr:recital.97", "edpb:wp243")),
        Choice("monitoring_large_scale", UNSURE_TOO, cites=("gdpr:37.1.b", "edpb:wp243")),
        Choice("sensitive_core", UNSURE_TOO, cites=("gdpr:37.1.c", "gdpr:9.1", "gdpr:10", "edpb:wp243")),
        Choice("sensitive_large_scale", UNSURE_TOO, cites=("gdpr:37.1.c", "gdpr:recital.91", "edpb:wp243")),
        Choice("federal_processing", UNSURE_TOO, cites=("be:wvg.21",)),
        Choice("federal_high_risk", UNSURE_TOO, cites=("be:wvg.21", "gdpr:35.1")),
        Choice("public_task", UNSURE_TOO, cites=("edpb:wp243",)),
    ),
    rules=(
        Rule("public_body", Is("public_body"), "required", cites=("gdpr:37.1.a", "be:wvg.5", "be:gba.dpo-nonprofits")),
        Rule(
            "large_scale_monitoring",
            AllOf(Is("monitoring_core"), Is("monitoring_large_scale")),
            "required",
            cites=("gdpr:37.1.b", "edpb:wp243"),
        ),
        Rule(
            "large_scale_sensitive",
            AllOf(Is("sensitive_core"), Is("sensitive_large_scale")),
            "required",
            cites=("gdpr:37.1.c", "edpb:wp243"),
        ),
        Rule(
            "belgian_federal",
            AllOf(Is("federal_processing"), Is("federal_high_risk")),
            "required",
            cites=("be:wvg.21", "gdpr:37.4"),
        ),
        # Not mandatory, but recommended by WP243 for private bodies with a public task.
        Rule("public_task", Is("public_task"), "recommended", cites=("edpb:wp243",)),
    ),
    outcomes=(
        Outcome(
            "required",
            Verdict.REQUIRED,
            cites=("gdpr:37.1.a", "gdpr:37.1.b", "gdpr:37.1.c", "be:wvg.21"),
            actions=(
                Action("appoint"),
                Action("publish_contact"),
                Action("no_conflict"),
                Action("involve"),
            ),
        ),
        Outcome(
            "recommended",
            Verdict.RECOMMENDED,
            cites=("edpb:wp243", "gdpr:37.1.a", "be:wvg.5"),
            actions=(
                Action("why_recommended"),
                Action("public_body_check"),
                Action("schools"),
                Action("voluntary"),
                Action("contact_person"),
                Action("keep_analysis"),
            ),
        ),
        Outcome(
            "not_required",
            Verdict.NOT_REQUIRED,
            cites=("gdpr:37.1.a", "gdpr:37.1.b", "gdpr:37.1.c", "edpb:wp243"),
            actions=(Action("keep_analysis"), Action("voluntary"), Action("contact_person"), Action("recheck")),
        ),
        Outcome(
            "depends",
            Verdict.DEPENDS,
            cites=("edpb:wp243", "be:wvg.5"),
            actions=(Action("clarify"), Action("keep_analysis"), Action("ask_help", link="guide/help.md")),
        ),
    ),
    otherwise="not_required",
    depends="depends",
)
