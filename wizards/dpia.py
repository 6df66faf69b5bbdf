"""Must the organisation carry out a data protection impact assessment (DPIA) for one processing operation?

Art. 35(1) GDPR requires a DPIA, before the processing starts, for processing "likely to result in
a high risk". The wizard looks at ONE processing operation (Art. 35(1) speaks of "a type of
processing"), so it asks about that operation, not about the organisation as a whole. The grounds
are examined in this order; the first that holds decides (engine rule):

1. The Belgian DPA's list under Art. 35(4): decision 01/2019 of the GBA/APD General Secretariat,
   in force since 1 April 2019 (`be:gba.dpia-list`). Processing on that list always needs a DPIA.
2. Art. 35(3)(a): systematic and extensive evaluation of personal aspects based on automated
   processing, including profiling, with decisions that have legal or similarly significant effects.
3. Art. 35(3)(b): large-scale processing of Art. 9(1) data or Art. 10 data.
4. Art. 35(3)(c): systematic monitoring of a publicly accessible area on a large scale.
5. Exception of Recital 91 (see below), only asked when at least one criterion of step 6 is met.
6. WP248 rev.01 (`edpb:wp248`), endorsed by the EDPB: nine criteria. Two or more -> DPIA required.
7. Exactly one WP248 criterion -> "it depends" (outcome `one_criterion`).
Otherwise (no criterion, no ground) -> not required. Every ground then appears in the record with
status "no", which is the written "why" that WP248 asks the controller to keep.

Reading choices and points where sources disagree:
- GBA list (legal-facts DP-4, marked "?"): the official text in the Belgian Official Gazette was
  not read. Items 1-6 come from three concordant secondary summaries (timelex.eu, Loyens & Loeff,
  Mondaq/Hunton); a timelex.eu summary of the official list confirms the wording of items 1-5.
  The exact number of items is disputed (8 or 10, DP-6) and items 7 and further are known from
  memory only (DP-5), so they are NOT reproduced. The question help says so, and says that the
  WP248 criteria further on catch the rest (e.g. large-scale monitoring of behaviour is
  "systematic monitoring" + "large scale" = two criteria). The list's source has no stable URL
  in citations.toml (empty url), which we leave as it is.
- No Belgian Art. 35(5) "white list" of processing exempt from a DPIA was found (DP-7: only a 2018
  draft). The wizard therefore uses no exemption list; the only exemption is Recital 91.
- The profile questions `special_categories` / `criminal_data` are not reused: they describe the
  whole organisation (an employee's sick note counts), whereas Art. 35(3)(b) is about the one
  processing operation assessed here. A shop with sick notes in its payroll file would otherwise
  be asked about "large scale" for its newsletter.
- Art. 35(3)(a)-(c) overlap with the WP248 criteria. We keep both: the GDPR cases are a legal
  obligation ("shall in particular be required"); the criteria catch the remaining high-risk
  processing under Art. 35(1). The criteria help asks the visitor to tick what was already said.
- WP248: "In most cases" two criteria -> DPIA; "in some cases" one criterion suffices; and a
  controller who meets the criteria but concludes there is no high risk "should justify and
  document the reasons". So two criteria -> REQUIRED, and the rule and action texts say that the
  controller may only decide otherwise with written reasons. One criterion -> DEPENDS.
- How "exactly one criterion" reaches "it depends": a checklist has no "unsure" option, so the
  engine's unsure mechanism cannot produce it. We use a rule `one_criterion` with
  `TickedExactly("criteria", 1)` whose outcome `one_criterion` has Verdict.DEPENDS. It is a
  separate outcome from `depends` (the engine's outcome for "unsure" answers) because its texts
  explain a different thing: not an unanswered point, but the controller's own risk assessment
  (nature, scope, context, purposes; Art. 35(1)). Both carry Verdict.DEPENDS. If an earlier
  ground was answered "unsure" and would have made a DPIA required, the engine turns the result
  into `depends` with that open point, which is what we want.
- Recital 91 says processing of patients' or clients' data by an individual physician, other
  health care professional or lawyer is not "large scale" and a DPIA "should not be mandatory".
  WP248's table of examples puts exactly this case (criteria: sensitive data + vulnerable data
  subjects, i.e. TWO criteria) on the "no DPIA" side. Without an exception the two-criteria rule
  would contradict WP248's own example, so rule 5 precedes rule 6 and ends in `not_required`.
  Reading choice: the logic cannot test which criteria were ticked, only how many, so the scope
  of the exception is put in the question help: the ordinary file of one practitioner; a group
  practice sharing files is "not sure"; new technology, profiling or systematic exchange with
  other organisations means "no" (then the criteria decide). A pharmacist is treated as an "other
  health care professional" in the sense of Recital 91. The exception comes after the GDPR cases
  and the GBA list: it does not set those aside, because Recital 91 only says what is not "large
  scale"; a practitioner whose processing is on the GBA list still needs a DPIA.
- One camera at a shop's till: seeds/001 calls it systematic observation, but not large scale.
  So 35(3)(c) does not apply and one WP248 criterion (systematic monitoring) is met: the wizard
  says "it depends", and the outcome texts say that one criterion usually does not lead to a
  DPIA. This is consistent with the cameras guide, which says Art. 35(3)(c) is "usually not the
  case" for one camera in a small shop. If the camera also systematically films staff, employees
  are vulnerable data subjects (WP248 criterion 7), which makes two criteria.
- Employees count as vulnerable data subjects (WP248 criterion 7; legal-facts GD-8), so
  systematic monitoring of staff meets two criteria (WP248's own example; seeds/001).
- Known over-inclusion: routine processing that ticks two criteria by its nature (e.g. staff sick
  notes: health data + employees) comes out "required" under the two-criteria rule. Some other
  authorities exempt such HR processing in an Art. 35(5) list; Belgium has none (DP-7). The wizard
  follows WP248 and says, in the rule text and the `criteria_reasons` action, that the controller
  may conclude otherwise only with written reasons.
- Prior consultation: if the DPIA shows a high residual risk that the controller cannot reduce,
  the GBA/APD must be consulted before the processing starts (Art. 36(1)); that is an action of
  the `required` outcome.
"""
from __future__ import annotations

from .logic import AllOf, Is, Ticked, TickedExactly
from .model import Action, Checklist, Choice, Outcome, Rule, Verdict, Wizard

UNSURE_TOO = ("yes", "no", "unsure")

# Items 1-6 of the GBA/APD list (decision 01/2019), summarised; the list has further items.
GBA_LIST_ITEMS = (
    "biometric_public",  # 1 biometric identification in a public or publicly accessible place
    "third_party_refusal",  # 2 third-party data used to refuse or end a service contract
    "implant_health",  # 3 health data collected by an active implantable medical device
    "third_party_prediction",  # 4 large-scale third-party data to analyse or predict people
    "sensitive_exchange",  # 5 systematic exchange of sensitive or very personal data between controllers
    "iot_large_scale",  # 6 large-scale processing of data from connected sensors (IoT)
)

# The nine criteria of WP248 rev.01, in the guidelines' order.
WP248_CRITERIA = (
    "evaluation",  # 1 evaluation or scoring, incl. profiling and predicting
    "automated_decision",  # 2 automated decision-making with legal or similar significant effect
    "monitoring",  # 3 systematic monitoring
    "sensitive",  # 4 sensitive data or data of a highly personal nature
    "large_scale",  # 5 data processed on a large scale
    "matching",  # 6 matching or combining datasets
    "vulnerable",  # 7 vulnerable data subjects (employees, children, patients, ...)
    "innovative",  # 8 innovative use or new technological or organisational solutions
    "prevents_right",  # 9 prevents people from exercising a right or using a service or contract
)

WIZARD = Wizard(
    id="dpia",
    version="2026-11-23",
    questions=(
        Checklist("gba_list", GBA_LIST_ITEMS, cites=("be:gba.dpia-list", "gdpr:35.4")),
        Choice("automated_evaluation", UNSURE_TOO, cites=("gdpr:35.3.a", "edpb:wp248")),
        Choice("sensitive_data", UNSURE_TOO, cites=("gdpr:9.1", "gdpr:10")),
        Choice("sensitive_large_scale", UNSURE_TOO, cites=("gdpr:35.3.b", "gdpr:recital.91", "edpb:wp248")),
        Choice("public_monitoring", UNSURE_TOO, cites=("gdpr:35.3.c", "edpb:wp248")),
        Choice("public_large_scale", UNSURE_TOO, cites=("gdpr:35.3.c", "edpb:wp248")),
        Checklist("criteria", WP248_CRITERIA, cites=("edpb:wp248", "gdpr:35.1")),
        Choice("individual_practice", UNSURE_TOO, cites=("gdpr:recital.91", "edpb:wp248")),
    ),
    rules=(
        Rule("gba_list", Ticked("gba_list", 1), "required", cites=("be:gba.dpia-list", "gdpr:35.4")),
        Rule("automated_evaluation", Is("automated_evaluation"), "required", cites=("gdpr:35.3.a",)),
        Rule(
            "large_scale_sensitive",
            AllOf(Is("sensitive_data"), Is("sensitive_large_scale")),
            "required",
            cites=("gdpr:35.3.b", "gdpr:recital.91"),
        ),
        Rule(
            "public_monitoring",
            AllOf(Is("public_monitoring"), Is("public_large_scale")),
            "required",
            cites=("gdpr:35.3.c",),
        ),
        # Recital 91 exception: asked only once a criterion is met, so most visitors never see it.
        Rule(
            "individual_practice",
            AllOf(Ticked("criteria", 1), Is("individual_practice")),
            "not_required",
            cites=("gdpr:recital.91", "edpb:wp248"),
        ),
        Rule("two_criteria", Ticked("criteria", 2), "required", cites=("edpb:wp248", "gdpr:35.1")),
        Rule("one_criterion", TickedExactly("criteria", 1), "one_criterion", cites=("edpb:wp248", "gdpr:35.1")),
    ),
    outcomes=(
        Outcome(
            "required",
            Verdict.REQUIRED,
            cites=("gdpr:35.1", "gdpr:35.7", "gdpr:36.1", "edpb:wp248"),
            actions=(
                Action("do_dpia"),
                Action("measures", link="guide/security.md"),
                Action("ask_dpo"),
                Action("prior_consultation"),
                Action("criteria_reasons"),
                Action("review"),
            ),
        ),
        Outcome(
            "not_required",
            Verdict.NOT_REQUIRED,
            cites=("gdpr:35.1", "gdpr:5.2", "edpb:wp248"),
            actions=(
                Action("keep_analysis"),
                Action("recheck"),
                Action("basics", link="guide/principles.md"),
            ),
        ),
        Outcome(
            "one_criterion",
            Verdict.DEPENDS,
            cites=("gdpr:35.1", "edpb:wp248"),
            actions=(
                Action("weigh"),
                Action("write_down"),
                Action("in_doubt"),
                Action("recheck"),
                Action("ask_help", link="guide/help.md"),
            ),
        ),
        Outcome(
            "depends",
            Verdict.DEPENDS,
            cites=("gdpr:35.1", "edpb:wp248"),
            actions=(
                Action("clarify"),
                Action("in_doubt"),
                Action("keep_analysis"),
                Action("ask_help", link="guide/help.md"),
            ),
        ),
    ),
    otherwise="not_required",
    depends="depends",
)
