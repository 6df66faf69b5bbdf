"""Must the organisation designate a data protection officer (DPO)?

Art. 37(1) GDPR lists three cases; Art. 37(4) lets national law add more, which Belgium did in
Art. 21 of the Act of 30 July 2018. Each case is one rule below, in the order of the article.

Reading choices (see the closing note of the wizard issue):
- Art. 37(1)(c) says special categories "and" criminal data; the WP29/EDPB guidelines (WP243) read
  it as "or". We follow the guidelines: one of the two, on a large scale, as a core activity.
- "Core activity" and "large scale" are explained with WP243's factors in the question help;
  a visitor who cannot tell answers "unsure" and gets "it depends" with those factors.
"""
from __future__ import annotations

from .logic import AllOf, Is
from .model import Action, Choice, Outcome, Rule, Verdict, Wizard
from .profile import PUBLIC_BODY

UNSURE_TOO = ("yes", "no", "unsure")

WIZARD = Wizard(
    id="dpo",
    version="2026-11-23",
    questions=(
        PUBLIC_BODY,
        Choice("monitoring_core", UNSURE_TOO, cites=("gdpr:37.1.b", "gdpr:recital.97", "edpb:wp243")),
        Choice("monitoring_large_scale", UNSURE_TOO, cites=("gdpr:37.1.b", "edpb:wp243")),
        Choice("sensitive_core", UNSURE_TOO, cites=("gdpr:37.1.c", "gdpr:9.1", "gdpr:10", "edpb:wp243")),
        Choice("sensitive_large_scale", UNSURE_TOO, cites=("gdpr:37.1.c", "gdpr:recital.91", "edpb:wp243")),
        Choice("federal_processing", UNSURE_TOO, cites=("be:wvg.21",)),
        Choice("federal_high_risk", UNSURE_TOO, cites=("be:wvg.21", "gdpr:35.1")),
    ),
    rules=(
        Rule("public_body", Is("public_body"), "required", cites=("gdpr:37.1.a", "be:wvg.5")),
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
            "not_required",
            Verdict.NOT_REQUIRED,
            cites=("gdpr:37.1.a", "gdpr:37.1.b", "gdpr:37.1.c", "edpb:wp243"),
            actions=(Action("keep_analysis"), Action("voluntary"), Action("contact_person"), Action("recheck")),
        ),
        Outcome(
            "depends",
            Verdict.DEPENDS,
            cites=("edpb:wp243",),
            actions=(Action("clarify"), Action("keep_analysis"), Action("ask_help", link="guide/help.md")),
        ),
    ),
    otherwise="not_required",
    depends="depends",
)
