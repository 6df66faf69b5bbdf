"""Is this supplier my processor (Art. 28 agreement required), a controller, a joint controller, or none?

One supplier, and one task of that supplier, at a time: a role belongs to a processing, not to a company.
The wizard follows the definitions in the order the law builds them:

1. Is there personal data at all? Art. 4(7) and 4(8) GDPR only define roles for a processing of
   personal data. A supplier that never handles personal data you are responsible for (a cleaning
   firm, a web designer who only draws the layout) has no role, and Art. 28 does not apply.
2. On whose behalf? A processor is a separate entity that processes on the controller's behalf
   (Art. 4(8)); it can never decide the purpose (EDPB Guidelines 07/2020, fact GD-12). A supplier that
   only follows your instructions is your processor: Art. 28(1)-(4) apply, and the contract of
   Art. 28(3)(a)-(h) is required.
3. Its own purposes? A party that decides why data are processed is a controller (Art. 4(7)). Two cases
   are kept apart (issue 10, point 1):
   - "for you, and also for itself" (a cloud CRM that also uses your data to improve its product, a
     software vendor that trains models on customer data): for the service it performs for you it
     stays your processor, so the Art. 28 agreement is still required; for its own extra use it
     decides the purpose itself and is a controller for that use. Art. 28(10) says a processor that
     determines purposes and means "shall be considered to be a controller in respect of that
     processing": in respect of that processing only, not for the service it performs for you.
     EDPB Guidelines 07/2020 (where a processor goes beyond the controller's instructions) read it
     the same way. What this means for you: the contract must say what extra
     use is allowed (otherwise it is outside your documented instructions, Art. 28(3)(a)); passing
     the data on for that use needs a legal basis of your own (Art. 6(1)) and a purpose compatible
     with yours (Art. 6(4)); and your privacy notice names the supplier as a recipient with that
     purpose (Art. 13(1)(e)). Outcome `processor_and_controller` (verdict REQUIRED, role processor).
   - "only for its own purposes" (an energy supplier billing you, a courier delivering a parcel):
     a separate controller. No Art. 28 agreement. Art. 28(10) is not the ground here (the supplier
     never was your processor); the role follows from the facts, not from the label the parties
     give it (EDPB 07/2020: controller and processor are functional concepts).
4. Together? Where the purposes and means are decided jointly, by a common decision or by
   converging decisions, both are joint controllers (Art. 26(1)). EDPB 07/2020 (the part on joint control):
   converging decisions must complement each other, be necessary for the processing to take place,
   and EACH have a tangible impact on the determination of the purposes and means; that both parties
   benefit, or that the processing needs both of them in the ordinary sense that a supplier needs
   a customer, is not enough. So the third question asks whether a decision of YOURS shapes the
   supplier's own processing (the plug-in and fan-page cases of the CJEU: Fashion ID C-40/17,
   Wirtschaftsakademie C-210/16), and its help says that choosing and paying a supplier, or passing
   it the data its own service needs, is not such a decision (issue 10, point 2). Art. 28 does not
   apply, but Art. 26 requires an arrangement whose essence is made available to the people
   concerned (GD-14).

Questions (three, the third only when the supplier works only for its own purposes):
- `handles_data`: does it handle personal data you are responsible for (access, storage, hosting or
  any other processing, even if only technically)? Remote IT support and hosting count: having
  access is already processing (Art. 4(2); seeds/004, the Dutch government page on helpdesks).
- `purposes`: only on your instructions / for you and also for its own purposes / only for its own
  purposes / decided together with you.
- `decided_together`: asked when it works only for its own purposes: does a decision of yours have a
  tangible impact on why and how it processes (joint), or does it decide alone (separate controller)?

Reading choices and points where sources disagree:
- Joint control is reached by two routes on purpose. A visitor rarely recognises "converging
  decisions" (GD-12) as "deciding together", so a supplier with purposes of its own gets the third
  question, whose help gives the plug-in / social-media-page example (the guide cites CJEU C-210/16).
  GD-12: lack of access to the data does not exclude joint control; the help says so.
- Accountants. seeds/002 lists "boekhouder: verwerker" without nuance; the Article 29 Working Party
  (Opinion 1/2010, example 23, read only as quoted by secondary sources) and the UK ICO say the
  role "can vary depending on the context" and that professionals acting under their own legal or
  professional duties are controllers; the project's guide (guide/processors.md) says "it depends on
  the task" (own anti-money-laundering duties: controller; pure bookkeeping on your instructions:
  processor). The wizard follows the guide: the visitor answers per task, and the catalogue
  (suppliers_catalogue.toml) gives the accountant as "depends", with one variant for each task.
- Couriers and postal services. Some sector lists call a delivery courier a processor; the guide,
  the Czech DPA's published position and the carriers' own statements treat delivery as the
  courier's own service (its own controller). The catalogue says "usually a separate controller";
  a courier that also does tasks for you with the data (printing, packing, returns handling) is a
  processor for that part. The wizard itself does not hard-code suppliers: the answers decide.
- Belgian social secretariats are usually processors for payroll done on your instructions, but
  they also have obligations of their own as approved bodies; the catalogue says "usually
  processor; check". A secretariat that does your payroll and also uses the data for its own
  purposes gets the mixed outcome: processor for your payroll, controller for its own use.
- Transfers outside the EEA do not change the role or the Art. 28 verdict, so they are an action of
  the processor (and controller) outcomes, not a question: every processor gets the same check
  (Chapter V, Art. 44-46; guide/transfers.md). One question fewer for the visitor.
- "I am not sure" is an honest answer. When no rule settles the matter (every definite combination of
  answers reaches one of the four roles), the result is `depends`, and the record names the point
  still to find out. `otherwise` is therefore the `depends` outcome too: it is reached only through
  uncertain answers.
"""
from __future__ import annotations

from typing import Any

from wizards.rules.catalogues import entries
from wizards.engine.logic import AllOf, Is
from wizards.engine.model import Action, Choice, Outcome, Rule, Verdict, Wizard

UNSURE_TOO = ("yes", "no", "unsure")

# The Art. 28(3) points a processing agreement must contain, in the order of the article.
ART_28_3 = ("check_a", "check_b", "check_c", "check_d", "check_e", "check_f", "check_g", "check_h")

WIZARD = Wizard(
    id="processor",
    version="2026-12-02",
    questions=(
        Choice("handles_data", UNSURE_TOO, cites=("gdpr:4.8", "edpb:07-2020")),
        Choice(
            "purposes",
            ("instructions", "also_own", "own", "together", "unsure"),
            cites=("gdpr:4.7", "gdpr:4.8", "gdpr:28.10", "edpb:07-2020"),
        ),
        Choice(
            "decided_together",
            ("together", "separately", "unsure"),
            cites=("gdpr:26.1", "edpb:07-2020"),
        ),
    ),
    rules=(
        Rule("no_personal_data", Is("handles_data", "no"), "not_personal_data", cites=("gdpr:4.7", "gdpr:4.8")),
        Rule(
            "on_your_behalf",
            Is("purposes", "instructions"),
            "processor",
            cites=("gdpr:4.8", "gdpr:28.1", "edpb:07-2020"),
        ),
        # For you AND for itself: still your processor for the service, controller only for the extra use.
        Rule(
            "also_own_purposes",
            Is("purposes", "also_own"),
            "processor_and_controller",
            cites=("gdpr:28.10", "gdpr:28.3", "edpb:07-2020"),
        ),
        Rule(
            "common_decision",
            Is("purposes", "together"),
            "joint_controller",
            cites=("gdpr:26.1", "edpb:07-2020"),
        ),
        Rule(
            "converging_decisions",
            AllOf(Is("purposes", "own"), Is("decided_together", "together")),
            "joint_controller",
            cites=("gdpr:26.1", "edpb:07-2020"),
        ),
        Rule(
            "own_purposes",
            AllOf(Is("purposes", "own"), Is("decided_together", "separately")),
            "controller",
            cites=("gdpr:4.7", "edpb:07-2020"),
        ),
    ),
    outcomes=(
        Outcome(
            "processor",
            Verdict.REQUIRED,
            cites=("gdpr:4.8", "gdpr:28.1", "gdpr:28.2", "gdpr:28.3", "gdpr:28.4", "gdpr:28.10",
                   "gdpr:44", "gdpr:45", "gdpr:46", "edpb:07-2020"),
            actions=(
                Action("guarantees", link="guide/security.md"),
                Action("supplier_text", link="guide/processors.md"),
                Action("contract_basics"),
                *(Action(point) for point in ART_28_3),
                Action("subprocessors", link="guide/processors.md"),
                Action("transfers", link="guide/transfers.md"),
                Action("own_use"),
                Action("exit", link="guide/supplier-bankruptcy.md"),
                Action("keep_processor"),
            ),
            role="processor",
        ),
        Outcome(
            "processor_and_controller",
            Verdict.REQUIRED,
            cites=("gdpr:4.8", "gdpr:28.1", "gdpr:28.3", "gdpr:28.10", "gdpr:6.1", "gdpr:6.4", "gdpr:13.1.e",
                   "gdpr:44", "edpb:07-2020"),
            actions=(
                Action("mixed_roles"),
                Action("extra_use_contract"),
                Action("extra_use_basis", link="guide/legal-bases.md"),
                Action("extra_use_notice", link="guide/principles.md"),
                Action("refuse_extra_use"),
                Action("supplier_text", link="guide/processors.md"),
                Action("contract_basics"),
                *(Action(point) for point in ART_28_3),
                Action("subprocessors", link="guide/processors.md"),
                Action("transfers", link="guide/transfers.md"),
                Action("keep_processor"),
            ),
            # For the service it performs for you it is your processor; the outcome texts add its
            # controller role for the extra use.
            role="processor",
        ),
        Outcome(
            "controller",
            Verdict.NOT_REQUIRED,
            cites=("gdpr:4.7", "edpb:07-2020"),
            actions=(
                Action("no_art28"),
                Action("privacy_notice"),
                Action("sharing_agreement"),
                Action("legal_basis", link="guide/legal-bases.md"),
                Action("tell_people", link="guide/principles.md"),
                Action("transfers_controller", link="guide/transfers.md"),
            ),
            role="controller",
        ),
        Outcome(
            "joint_controller",
            Verdict.NOT_REQUIRED,
            cites=("gdpr:26", "gdpr:26.1", "gdpr:4.7", "edpb:07-2020"),
            actions=(
                Action("art26_required", link="guide/processors.md"),
                Action("arrangement_content"),
                Action("essence_public"),
                Action("rights_each", link="guide/rights.md"),
                Action("joint_scope"),
            ),
            role="joint_controller",
        ),
        Outcome(
            "not_personal_data",
            Verdict.NOT_REQUIRED,
            cites=("gdpr:4.7", "gdpr:4.8"),
            actions=(
                Action("no_agreement"),
                Action("confidentiality", link="guide/security.md"),
                Action("recheck_task"),
            ),
            role="not_personal_data",
        ),
        Outcome(
            "depends",
            Verdict.DEPENDS,
            cites=("gdpr:4.7", "gdpr:4.8", "gdpr:26.1", "edpb:07-2020"),
            actions=(
                Action("ask_supplier"),
                Action("per_task"),
                Action("meanwhile"),
                Action("ask_help", link="guide/help.md"),
            ),
        ),
    ),
    otherwise="depends",
    depends="depends",
)

CATALOGUE_FILE = "suppliers_catalogue.toml"


def suppliers() -> list[dict[str, Any]]:
    """The catalogue of common SME suppliers with their usual role and the answers that lead to it."""
    return entries(CATALOGUE_FILE, "supplier")
