"""Must the organisation keep a record of processing activities (Art. 30 GDPR)?

Legal structure
- Art. 30(1) obliges every controller, Art. 30(2) every processor, to keep a record. The record is in
  writing, electronic form included (Art. 30(3)), and is shown to the supervisory authority on
  request (Art. 30(4)).
- Art. 30(5) exempts "an enterprise or an organisation employing fewer than 250 persons", UNLESS the
  processing it carries out is likely to result in a risk to the rights and freedoms of data
  subjects, OR is not occasional, OR includes special categories (Art. 9(1)) or data on criminal
  convictions and offences (Art. 10) (legal-facts GD-3).
- So: 250 persons or more -> record of all processing (rule `large_organisation`). Fewer than 250 ->
  one rule per exception below; the first that holds makes the record mandatory. None holds ->
  not required, but recommended (`otherwise`).

Reading choices and points where sources disagree
- "Or": the three exceptions are alternatives; one suffices (WP29 position paper of 19 April 2018,
  legal-facts GD-4; the GBA page "Zijn er uitzonderingen?" lists the same four cases joined by "OF").
  Texts that put it the other way round (the exemption needs all of: occasional, no risk, nothing
  sensitive) say the same thing; no source read disagrees.
- "Risk" is any risk, not only a high risk (WP29, GD-4). We read it with the examples of Recital 75
  GDPR (children and other vulnerable people, fraud or identity theft, profiling or evaluation,
  professional secrecy, large amounts of data about many people): a real chance of some harm, of any
  severity. A visitor who cannot tell answers "unsure" and gets "it depends" with these examples.
- "Occasional" = not carried out regularly AND outside the regular course of business (WP29,
  footnote citing WP262). Employee data are processed regularly, so an employer is always caught
  (GD-4); the GBA names customer, staff and supplier management as habitual processing. The help
  text of `regular_processing` gives these examples, and seeds/002's: a monthly newsletter or a
  customer database (even in Excel) is not occasional.
- Staff get a question of their own (profile field `has_staff`, rule `staff`, issue 10 point 3):
  an employer with five staff who answered "no" to regular processing used to be told the record
  was only recommended. The headcount cannot stand in for it: `employees` also counts
  self-employed people who work for the organisation, whose data are a supplier's, not staff
  data. A "yes" makes the record mandatory, at least for the staff processing (WP29: only the
  processing types caught). The profile item `activities: staff` is not used, for the reason below.
- seeds/002 says a yearly Christmas card to customers "may be occasional". Under the WP29's two-part
  test it is not: the mailing belongs to the normal customer relationship and uses the customer
  file. The help text says so; a visitor who still doubts answers "unsure" and gets "it depends",
  never a plain exemption.
- Scope: an organisation under 250 that is caught needs a record only of the processing types caught
  (WP29, GD-4; the GBA exceptions page starts to say the same, but our copy of it breaks off).
  The outcome `required_caught` says so, and that in practice this is nearly every SME or
  non-profit with customers, members or staff; it advises recording everything, which is simpler.
- Headcount only. Art. 30(5) counts "persons employed"; it sets no turnover or balance-sheet limit.
  seeds/003 writes that the SME concessions apply to businesses "with fewer than 250 employees and
  a turnover of at most 50 million euro": that is the SME definition of Commission Recommendation
  2003/361/EC, which Recital 13 mentions for the notion of SMEs in general. The operative text of
  Art. 30(5), the WP29 paper and the GBA page use the headcount alone, and the exemption covers
  "an enterprise or an organisation" (e.g. a vzw/ASBL), not only SMEs. So the
  wizard asks no turnover question (an answer "turnover" is refused as an unknown question), and the
  texts correct the myth. We count persons (headcount, the profile question), not full-time
  equivalents, since the article says "persons".
- Order of the exception rules: the three exceptions are alternatives, so their order cannot change
  the verdict (Kleene "or"). Staff come first (a profile question, a plain fact every employer
  knows), then the one that catches most other visitors (regular processing),
  then the profile questions on sensitive and criminal data (often already answered in the profile),
  and the hardest one (risk) last, so most visitors answer two questions.
- Profile question `activities` is not used: it has no "unsure" option, ticking nothing does not
  show that processing is occasional, and rules can only count its ticks (its item "volunteers" can
  also be a one-off event).
- Camera registers under the Camera Act (legal-facts CA-2, CA-5) are a separate duty; the required
  outcomes point to the camera guide.
"""
from __future__ import annotations

from wizards.engine.logic import AtLeast, Is
from wizards.engine.model import Action, Choice, Outcome, Rule, Verdict, Wizard
from wizards.rules.profile import CRIMINAL_DATA, EMPLOYEES, HAS_STAFF, SPECIAL_CATEGORIES

UNSURE_TOO = ("yes", "no", "unsure")

# Art. 30(5): "employing fewer than 250 persons" is exempt, so 250 is the first number caught.
THRESHOLD = 250

WIZARD = Wizard(
    id="register",
    version="2026-12-02",
    questions=(
        EMPLOYEES,
        HAS_STAFF,
        Choice(
            "regular_processing",
            UNSURE_TOO,
            cites=("gdpr:30.5", "edpb:wp29-30.5", "be:gba.ropa-exceptions"),
        ),
        SPECIAL_CATEGORIES,
        CRIMINAL_DATA,
        Choice("risk", UNSURE_TOO, cites=("gdpr:30.5", "edpb:wp29-30.5")),
    ),
    rules=(
        Rule(
            "large_organisation",
            AtLeast("employees", THRESHOLD),
            "required_all",
            cites=("gdpr:30.1", "gdpr:30.2", "gdpr:30.5", "gdpr:recital.13"),
        ),
        # An employer processes staff data as a matter of course: never occasional (WP29, GD-4).
        Rule(
            "staff",
            Is("has_staff"),
            "required_caught",
            cites=("gdpr:30.5", "edpb:wp29-30.5", "be:gba.ropa-exceptions"),
        ),
        Rule(
            "not_occasional",
            Is("regular_processing"),
            "required_caught",
            cites=("gdpr:30.5", "edpb:wp29-30.5", "be:gba.ropa-exceptions"),
        ),
        Rule(
            "special_categories",
            Is("special_categories"),
            "required_caught",
            cites=("gdpr:30.5", "gdpr:9.1"),
        ),
        Rule(
            "criminal_data",
            Is("criminal_data"),
            "required_caught",
            cites=("gdpr:30.5", "gdpr:10"),
        ),
        Rule(
            "risk",
            Is("risk"),
            "required_caught",
            cites=("gdpr:30.5", "edpb:wp29-30.5"),
        ),
    ),
    outcomes=(
        Outcome(
            "required_all",
            Verdict.REQUIRED,
            cites=("gdpr:30.1", "gdpr:30.2", "gdpr:30.3", "gdpr:30.4", "be:gba.ropa-how"),
            actions=(
                Action("record_all"),
                Action("contents", link="guide/principles.md"),
                Action("gba_model"),
                Action("written"),
                Action("processor_part", link="guide/processors.md"),
                Action("use_it", link="guide/rights.md"),
            ),
        ),
        Outcome(
            "required_caught",
            Verdict.REQUIRED,
            cites=("gdpr:30.5", "edpb:wp29-30.5", "be:gba.ropa-exceptions", "gdpr:30.1", "gdpr:30.3",
                   "gdpr:30.4", "be:gba.ropa-how"),
            actions=(
                Action("record_caught"),
                Action("contents", link="guide/principles.md"),
                Action("gba_model"),
                Action("written"),
                Action("processor_part", link="guide/processors.md"),
                Action("cameras", link="guide/cameras.md"),
                Action("use_it", link="guide/rights.md"),
            ),
        ),
        Outcome(
            "recommended",
            Verdict.RECOMMENDED,
            cites=("gdpr:30.5", "edpb:wp29-30.5", "gdpr:5.2", "gdpr:24", "be:gba.ropa-how"),
            actions=(
                Action("why_recommended", link="guide/principles.md"),
                Action("gba_model"),
                Action("use_it", link="guide/rights.md"),
                Action("breaches", link="guide/data-breaches.md"),
                Action("other_rules", link="guide/principles.md"),
                Action("recheck"),
            ),
        ),
        Outcome(
            "depends",
            Verdict.DEPENDS,
            cites=("gdpr:30.5", "edpb:wp29-30.5", "be:gba.ropa-exceptions"),
            actions=(Action("clarify"), Action("gba_model"), Action("ask_help", link="guide/help.md")),
        ),
    ),
    otherwise="recommended",
    depends="depends",
)
