"""Must the organisation carry out a data protection impact assessment (DPIA) for one processing operation?

Art. 35(1) GDPR requires a DPIA, before the processing starts, for processing "likely to result in
a high risk". The wizard looks at ONE processing operation (Art. 35(1) speaks of "a type of
processing"), so it asks about that operation, not about the organisation as a whole. The grounds
are examined in this order; the first that holds decides (engine rule):

1. The Belgian DPA's list under Art. 35(4): decision 01/2019 of the GBA/APD General Secretariat,
   in force since 1 April 2019 (`be:gba.dpia-list`). Processing on that list always needs a DPIA:
   a ticked item is REQUIRED, whatever the European criteria say.
2. Art. 35(3)(a): systematic and extensive evaluation of personal aspects based on automated
   processing, including profiling, with decisions that have legal or similarly significant effects.
3. Art. 35(3)(b): large-scale processing of Art. 9(1) data or Art. 10 data.
4. Art. 35(3)(c): systematic monitoring of a publicly accessible area on a large scale.
5. Exception of Recital 91 (see below): the ordinary file of an individual practitioner.
6. Routine staff administration organised by law (see below).
7. WP248 rev.01 (`edpb:wp248`), endorsed by the EDPB: nine criteria. Two or more -> DPIA required.
8. Exactly one WP248 criterion -> not required, with the advice to write down why (outcome
   `one_criterion`).
Otherwise (no criterion, no ground) -> not required. Every ground then appears in the record with
status "no", which is the written "why" that WP248 asks the controller to keep.

Reading choices and points where sources disagree:
- GBA list, items read and not read (issue 10, point 6). The official text in the Belgian Official
  Gazette (22 March 2019, per timelex.eu) was not read: our copies of timelex.eu ("Official DPIA list
  of Belgian Data Protection Authority"), Loyens & Loeff and Mondaq all break off inside item 6.
  Items 1-5 and the start of item 6 come from those three concordant summaries (legal-facts DP-4).
  Items 7 (large-scale or systematic processing of communication data, metadata or location data,
  e.g. wifi tracking, not strictly necessary for a service the person asked for) and 8 (large-scale
  systematic observation, collection, recording or influencing of behaviour by automated means,
  including for advertising) rest on the independent review of issue 10 and on memory (DP-5); with
  them the list has eight items, which matches Alis Advocaten's count ("8 verwerkingen", DP-6).
  Item 6's end (a qualifier "to analyse or predict" people's situation or behaviour, as the review
  says) could not be read: the wizard keeps the broader wording, and the help says so. Either way
  such processing meets two WP248 criteria (large scale, new technology), so the verdict is the same.
  The citation's address is the GBA's DPIA page (gegevensbeschermingsautoriteit.be), which presents
  the list; the Gazette text itself has no stable address we could check.
- No Belgian Art. 35(5) "white list" of processing exempt from a DPIA was found (DP-7: only a 2018
  draft). The exceptions below are the project's reading of WP248, not a list.
- The profile questions `special_categories` / `criminal_data` are not reused: they describe the
  whole organisation (an employee's sick note counts), whereas Art. 35(3)(b) is about the one
  processing operation assessed here.
- Art. 35(3)(a)-(c) overlap with the WP248 criteria. We keep both: the GDPR cases are a legal
  obligation ("shall in particular be required"); the criteria catch the remaining high-risk
  processing under Art. 35(1). The criteria help asks the visitor to tick what was already said.
- One criterion (issue 10, point 7). WP248: "In most cases" two criteria -> DPIA; "in some cases" one
  criterion can suffice; and a controller who concludes there is no high risk "should justify and
  document the reasons". WP248's own table of examples puts single-criterion cases on the "no DPIA"
  side (e.g. an online magazine sending a daily digest from a mailing list; a webshop with limited
  profiling on its own purchases). So one criterion -> NOT REQUIRED, with the actions "write down
  why" and "do one anyway if that one criterion weighs heavily". "It depends" stays for the cases
  where the visitor marked a named fact "not sure" (the engine's rule).
- Recital 91 (issue 10, point 9) says processing of patients' or clients' data by an individual
  physician, other health care professional or lawyer is not "large scale" and a DPIA "should not
  be mandatory". WP248's table puts exactly this case (sensitive data + vulnerable data subjects,
  i.e. TWO criteria) on the "no DPIA" side. The exception covers only that ordinary file: the rule
  applies with exactly two criteria and NOT with three or more, because a third criterion (new
  technology, monitoring, matching datasets, large scale...) means it is no longer the ordinary
  file. With one criterion the result is "not required" anyway, so the question is not asked. Issue 22:
  the rule tests the pair itself (sensitive data + vulnerable people, `ORDINARY_PAIR`), not any two
  ticks: systematic monitoring of staff + employees is WP248's own example of a processing that needs
  a DPIA. Systematic exchange of health data with other organisations is item 5 of the GBA list,
  which is examined first. The logic counts ticks, not which boxes, so the two-criteria ceiling is
  the test; the help names what must be answered "no". A pharmacist is treated as an "other health
  care professional". The exception does not set aside the GDPR cases or the GBA list, which come
  first.
- Routine staff administration (issue 10, point 8). Staff sick notes, payroll and the absences
  file meet two criteria by their nature (health data + employees as vulnerable data subjects), so
  the two-criteria rule made every employer "carry out a DPIA". Art. 35(1) turns on a LIKELY HIGH
  risk; WP248 says two criteria require a DPIA "in most cases" and lets the controller conclude
  otherwise with documented reasons. The project's reading: processing that employment and
  social-security law itself organises and frames (what is collected, why, who receives it), done
  in the ordinary way, is not likely to result in a high risk; the same reasoning that puts the
  practitioner's file on WP248's "no DPIA" side. So rule `routine_staff` (exactly two criteria and
  "yes" to the routine question) ends in NOT REQUIRED, outcome `exempt_routine`, whose texts tell
  the visitor to keep these reasons. A third criterion (monitoring staff, a new technology such as
  a fingerprint clock, profiling performance, large scale) takes it out, as do new purposes or
  sharing beyond legal duties (the help says "no" then). Only the pair sensitive + vulnerable
  qualifies: monitoring + employees is another pair and stays "required". No GBA text on HR and
  DPIAs was read.
- Both exceptions are the project's reading, which the controller must document; the outcome says so
  and states beside it that the Belgian Privacy Commission's recommendation 01/2018 (the GBA's
  predecessor) reads two criteria as requiring a DPIA (legal-facts DP-8, a secondary source; the
  recommendation itself was not read).
- One camera at a shop's till: seeds/001 calls it systematic observation, but not large scale.
  So 35(3)(c) does not apply and one WP248 criterion (systematic monitoring) is met: not required,
  write down why. Consistent with the cameras guide, which says Art. 35(3)(c) is "usually not the
  case" for one camera in a small shop. If the camera also systematically films staff, employees
  are vulnerable data subjects (WP248 criterion 7), which makes two criteria: a DPIA.
- Prior consultation: if the DPIA shows a high residual risk that the controller cannot reduce,
  the GBA/APD must be consulted before the processing starts (Art. 36(1)); that is an action of
  the `required` outcome.
"""
from __future__ import annotations

from wizards.engine.logic import AllOf, Is, Ticked, TickedAll, TickedExactly
from wizards.engine.model import Action, Checklist, Choice, Outcome, Rule, Verdict, Wizard

UNSURE_TOO = ("yes", "no", "unsure")

# The eight items of the GBA/APD list (decision 01/2019), summarised. Items 1-6 from three concordant
# summaries, 7-8 from the issue-10 review and memory (see the module text); the Gazette was not read.
GBA_LIST_ITEMS = (
    "biometric_public",  # 1 biometric identification in a public or publicly accessible place
    "third_party_refusal",  # 2 third-party data used to refuse or end a service contract
    "implant_health",  # 3 health data collected by an active implantable medical device
    "third_party_prediction",  # 4 large-scale third-party data to analyse or predict people
    "sensitive_exchange",  # 5 systematic exchange of sensitive or very personal data between controllers
    "iot_large_scale",  # 6 large-scale processing of data from connected sensors (IoT)
    "communication_location",  # 7 communication data, metadata or location data, not strictly needed
    "behaviour_observation",  # 8 large-scale systematic observation or influencing of behaviour
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

# The two criteria the ordinary file and routine staff administration meet by their nature. The
# exceptions test this pair itself: any other pair (staff monitoring + employees, WP248's own example
# of a processing that needs a DPIA) is not the ordinary case.
ORDINARY_PAIR = ("sensitive", "vulnerable")

WIZARD = Wizard(
    id="dpia",
    version="2026-12-02",
    questions=(
        Checklist("gba_list", GBA_LIST_ITEMS, cites=("be:gba.dpia-list", "gdpr:35.4")),
        Choice("automated_evaluation", UNSURE_TOO, cites=("gdpr:35.3.a", "edpb:wp248")),
        Choice("sensitive_data", UNSURE_TOO, cites=("gdpr:9.1", "gdpr:10")),
        Choice("sensitive_large_scale", UNSURE_TOO, cites=("gdpr:35.3.b", "gdpr:recital.91", "edpb:wp248")),
        Choice("public_monitoring", UNSURE_TOO, cites=("gdpr:35.3.c", "edpb:wp248")),
        Choice("public_large_scale", UNSURE_TOO, cites=("gdpr:35.3.c", "edpb:wp248")),
        Checklist("criteria", WP248_CRITERIA, cites=("edpb:wp248", "gdpr:35.1")),
        Choice("individual_practice", UNSURE_TOO, cites=("gdpr:recital.91", "edpb:wp248")),
        Choice("routine_staff", UNSURE_TOO, cites=("gdpr:35.1", "edpb:wp248")),
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
        # Recital 91: only the ordinary file (sensitive + vulnerable); a third criterion means something more.
        # With one criterion the answer is "not required" anyway, so the question is not asked then.
        Rule(
            "individual_practice",
            AllOf(TickedExactly("criteria", 2), TickedAll("criteria", ORDINARY_PAIR), Is("individual_practice")),
            "exempt_routine",
            cites=("gdpr:recital.91", "edpb:wp248", "be:cpvp.01-2018"),
        ),
        # Routine staff administration that the law organises: sensitive + vulnerable and nothing more.
        Rule(
            "routine_staff",
            AllOf(TickedExactly("criteria", 2), TickedAll("criteria", ORDINARY_PAIR), Is("routine_staff")),
            "exempt_routine",
            cites=("gdpr:35.1", "edpb:wp248", "be:cpvp.01-2018"),
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
                Action("do_dpia", link="wizards/dpia-builder.md"),
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
            Verdict.NOT_REQUIRED,
            cites=("gdpr:35.1", "gdpr:5.2", "edpb:wp248"),
            actions=(
                Action("write_down"),
                Action("weigh"),
                Action("one_heavy"),
                Action("recheck"),
            ),
        ),
        Outcome(
            "exempt_routine",
            Verdict.NOT_REQUIRED,
            cites=("gdpr:35.1", "gdpr:5.2", "gdpr:recital.91", "edpb:wp248", "be:cpvp.01-2018"),
            actions=(
                Action("write_down_routine"),
                Action("new_means_new_test"),
                Action("basics", link="guide/principles.md"),
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
