"""A person asks about their data: which right is it, must we do it, by when, and what do we write?

Legal structure (GDPR, Regulation (EU) 2016/679)
- Art. 12(3): act on the request without undue delay and at the latest within one month of receipt;
  two further months where necessary (complexity, number of requests), if the person is told of the
  extension and why within the first month. Art. 12(4): a refusal within the month, with the right to
  complain to a supervisory authority and to go to court. Art. 12(5): free of charge; a manifestly
  unfounded or excessive request (in particular a repetitive one) may be refused or charged a
  reasonable fee, and the controller bears the burden of proof. Art. 12(6): more information to
  confirm identity only where there are reasonable doubts.
- The rights, one group of rules each, in the order of the articles: access (15; limited where the
  copy would adversely affect the rights and freedoms of others, 15(4)), rectification (16), erasure
  (17(1) grounds; 17(3) exceptions such as a legal duty to keep the data, 17(3)(b), or legal claims,
  17(3)(e)), restriction (18(1) grounds), portability (20(1): data the person provided, processed on
  consent or a contract, by automated means; in part when the organisation also holds data it derived
  itself), objection (21(1) to processing on Art. 6(1)(e) or (f),
  unless compelling legitimate grounds or legal claims; 21(2)-(3): direct marketing, always), and a
  decision based solely on automated processing (22(1), safeguards of 22(3)).

Reading choices
- The visitor starts from what the person wrote, not from an article: the options of `asks` are
  phrased as people write them. A person need not name the right or the GDPR (EDPB 01/2022).
- An objection where the organisation relies on consent is read as a withdrawal of consent
  (Art. 7(3)): processing on that consent stops, like an upheld objection.
- The deadline (wizards/documents/requests_log.py) follows EDPB Guidelines 01/2022, which apply Regulation 1182/71:
  the same day of the following month, or the last day of that month when it has no such day.
- Portability (WP242 rev.01, endorsed by the EDPB): "provided by" the person covers what they gave
  knowingly and what was observed from their use of a service or device (order history, usage logs);
  it does not cover data the organisation inferred or derived itself (an assessment by staff, a score,
  a profile). Where both are held the answer is "partly": the file holds the provided data and the
  letter says what is left out and why. The derived data remain open to access (Art. 15).
- Access (Art. 15(1)(c)): recipients are named one by one; categories only where naming them is
  impossible or the request is manifestly unfounded or excessive (CJEU C-154/21, Österreichische Post,
  12 January 2023). The copy also carries the logic of automated decisions (15(1)(h)) and, for a
  transfer outside the EEA, the safeguards of Art. 46 (15(2)).
- The outcome's `role` says whether the request is met in full, in part, or may be refused: two
  outcomes that are both "required" but one only partly must not hide a "not sure".
"""
from __future__ import annotations

from wizards.engine.logic import AllOf, Is, Not
from wizards.engine.model import Action, Choice, Outcome, Rule, Verdict, When, Wizard
from wizards.rules.profile import ORG_CONTACT, ORG_NAME

UNSURE_TOO = ("yes", "no", "unsure")
RIGHTS = ("access", "rectification", "erasure", "restriction", "portability", "marketing", "objection",
          "automated", "unclear")
LETTER = ("received_on", "person_language", "org_name", "org_contact")


def _outcome(id: str, verdict: Verdict, role: str | None, cites: tuple[str, ...], *actions: Action) -> Outcome:
    # dict.fromkeys: an outcome that itself cites Art. 12(3) must not list it twice in the record.
    return Outcome(id, verdict, cites=tuple(dict.fromkeys(cites + ("gdpr:12.3", "gdpr:12.4"))), role=role, details=LETTER,
                   actions=actions + (Action("deadline"), Action("identity"), Action("free"), Action("log")))


WIZARD = Wizard(
    id="requests",
    version="2026-12-02",
    questions=(
        Choice("asks", RIGHTS, cites=("gdpr:12.2", "edpb:01-2022")),
        Choice("excessive", UNSURE_TOO, cites=("gdpr:12.5", "edpb:01-2022")),
        Choice("others_data", UNSURE_TOO, cites=("gdpr:15.4", "edpb:01-2022")),
        Choice("inaccurate", UNSURE_TOO, cites=("gdpr:16", "gdpr:18.1")),
        Choice("erase_ground", UNSURE_TOO, cites=("gdpr:17.1",)),
        Choice("must_keep", UNSURE_TOO, cites=("gdpr:17.3", "be:wer.III.88")),
        Choice("restrict_ground", UNSURE_TOO, cites=("gdpr:18.1",)),
        Choice("portable", UNSURE_TOO, cites=("gdpr:20.1", "edpb:wp242")),
        Choice("derived", UNSURE_TOO, cites=("gdpr:20.1", "edpb:wp242")),
        Choice("basis", ("legitimate", "consent", "contract_or_law", "unsure"), cites=("gdpr:21.1", "gdpr:6.1", "gdpr:7.3")),
        Choice("compelling", UNSURE_TOO, cites=("gdpr:21.1",)),
        Choice("solely_automated", UNSURE_TOO, cites=("gdpr:22.1",)),
        When("received_on", with_time=False, past_only=True, cites=("gdpr:12.3", "edpb:01-2022")),
        Choice("person_language", ("nl", "fr", "en")),
        ORG_NAME,
        ORG_CONTACT,
    ),
    rules=(
        Rule("unclear", Is("asks", "unclear"), "clarify", cites=("gdpr:12.2", "edpb:01-2022")),
        # Art. 21(3) leaves no room: an objection to direct marketing is always followed, so the
        # "manifestly unfounded or excessive" refusal is not offered for it.
        Rule("excessive", AllOf(Not(Is("asks", "marketing")), Is("excessive")), "may_refuse",
             cites=("gdpr:12.5", "edpb:01-2022")),
        Rule("access_others", AllOf(Is("asks", "access"), Is("others_data")), "access_partly",
             cites=("gdpr:15.1", "gdpr:15.3", "gdpr:15.4")),
        Rule("access", Is("asks", "access"), "access_full", cites=("gdpr:15.1", "gdpr:15.3")),
        Rule("rectify", AllOf(Is("asks", "rectification"), Is("inaccurate")), "rectify", cites=("gdpr:16",)),
        Rule("rectify_refuse", Is("asks", "rectification"), "rectify_refuse", cites=("gdpr:16", "gdpr:18.1")),
        Rule("erase_no_ground", AllOf(Is("asks", "erasure"), Is("erase_ground", "no")), "erase_refuse",
             cites=("gdpr:17.1",)),
        Rule("erase_keep", AllOf(Is("asks", "erasure"), Is("must_keep")), "erase_partly",
             cites=("gdpr:17.3", "be:wer.III.88")),
        Rule("erase", Is("asks", "erasure"), "erase", cites=("gdpr:17.1",)),
        Rule("restrict", AllOf(Is("asks", "restriction"), Is("restrict_ground")), "restrict", cites=("gdpr:18.1",)),
        Rule("restrict_refuse", Is("asks", "restriction"), "restrict_refuse", cites=("gdpr:18.1",)),
        Rule("port_derived", AllOf(Is("asks", "portability"), Is("portable"), Is("derived")), "port_partly",
             cites=("gdpr:20.1", "edpb:wp242")),
        Rule("port", AllOf(Is("asks", "portability"), Is("portable")), "port", cites=("gdpr:20.1", "edpb:wp242")),
        Rule("port_refuse", Is("asks", "portability"), "port_refuse", cites=("gdpr:20.1", "gdpr:15.1")),
        Rule("marketing", Is("asks", "marketing"), "stop_marketing", cites=("gdpr:21.2", "gdpr:21.3")),
        Rule("withdraw_consent", AllOf(Is("asks", "objection"), Is("basis", "consent")), "stop_processing",
             cites=("gdpr:7.3",)),
        Rule("no_objection_right", AllOf(Is("asks", "objection"), Is("basis", "contract_or_law")), "objection_no_right",
             cites=("gdpr:21.1", "gdpr:6.1")),
        Rule("compelling", AllOf(Is("asks", "objection"), Is("compelling")), "objection_override", cites=("gdpr:21.1",)),
        Rule("objection", Is("asks", "objection"), "stop_processing", cites=("gdpr:21.1",)),
        Rule("automated", AllOf(Is("asks", "automated"), Is("solely_automated")), "human_review",
             cites=("gdpr:22.1", "gdpr:22.3")),
        Rule("not_automated", Is("asks", "automated"), "not_solely_automated", cites=("gdpr:22.1",)),
    ),
    outcomes=(
        _outcome("clarify", Verdict.DEPENDS, None, ("gdpr:12.2", "edpb:01-2022"), Action("clarify")),
        _outcome("may_refuse", Verdict.NOT_REQUIRED, "refuse", ("gdpr:12.5", "edpb:01-2022"), Action("excessive_prove")),
        _outcome("access_full", Verdict.REQUIRED, "full", ("gdpr:15.1", "gdpr:15.2", "gdpr:15.3", "cjeu:c-154-21", "edpb:01-2022"),
                 Action("access_what"), Action("access_copy")),
        _outcome("access_partly", Verdict.REQUIRED, "partial", ("gdpr:15.1", "gdpr:15.2", "gdpr:15.4", "cjeu:c-154-21",
                                                                 "edpb:01-2022"),
                 Action("access_what"), Action("access_others")),
        _outcome("rectify", Verdict.REQUIRED, "full", ("gdpr:16", "gdpr:19"), Action("rectify_do"), Action("tell_recipients")),
        _outcome("rectify_refuse", Verdict.NOT_REQUIRED, "refuse", ("gdpr:16", "gdpr:18.1"), Action("rectify_explain")),
        _outcome("erase", Verdict.REQUIRED, "full", ("gdpr:17.1", "gdpr:19"), Action("erase_do"), Action("tell_recipients")),
        _outcome("erase_partly", Verdict.REQUIRED, "partial", ("gdpr:17.3", "be:wer.III.88", "be:tax-10y"),
                 Action("erase_keep"), Action("erase_do")),
        _outcome("erase_refuse", Verdict.NOT_REQUIRED, "refuse", ("gdpr:17.1",), Action("erase_explain")),
        _outcome("restrict", Verdict.REQUIRED, "full", ("gdpr:18.1", "gdpr:18.2", "gdpr:19"), Action("restrict_do")),
        _outcome("restrict_refuse", Verdict.NOT_REQUIRED, "refuse", ("gdpr:18.1",), Action("restrict_explain")),
        _outcome("port", Verdict.REQUIRED, "full", ("gdpr:20.1", "gdpr:20.2", "edpb:wp242"), Action("port_do")),
        _outcome("port_partly", Verdict.REQUIRED, "partial", ("gdpr:20.1", "gdpr:20.2", "edpb:wp242", "gdpr:15.1"),
                 Action("port_do"), Action("port_derived")),
        _outcome("port_refuse", Verdict.NOT_REQUIRED, "refuse", ("gdpr:20.1", "gdpr:15.1"), Action("port_access")),
        _outcome("stop_marketing", Verdict.REQUIRED, "full", ("gdpr:21.2", "gdpr:21.3"), Action("marketing_do")),
        _outcome("stop_processing", Verdict.REQUIRED, "full", ("gdpr:21.1", "gdpr:7.3"), Action("stop_do")),
        _outcome("objection_no_right", Verdict.NOT_REQUIRED, "refuse", ("gdpr:21.1", "gdpr:6.1"), Action("no_right_explain")),
        _outcome("objection_override", Verdict.NOT_REQUIRED, "refuse", ("gdpr:21.1",), Action("override_prove")),
        _outcome("human_review", Verdict.REQUIRED, "full", ("gdpr:22.1", "gdpr:22.3"), Action("review_do")),
        _outcome("not_solely_automated", Verdict.NOT_REQUIRED, "refuse", ("gdpr:22.1", "gdpr:15.1"),
                 Action("automated_explain")),
        _outcome("depends", Verdict.DEPENDS, None, ("gdpr:12.3", "edpb:01-2022"), Action("depends_check"),
                 Action("ask_help", link="guide/help.md")),
    ),
    otherwise="clarify",
    depends="depends",
)
