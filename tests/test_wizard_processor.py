"""Scenario tests for the processor wizard: is this supplier a processor, a controller, a joint controller, or none?

Each scenario names its source: an article of the GDPR, EDPB Guidelines 07/2020 (legal-facts GD-12, GD-14),
the project's guide (docs/*/guide/processors.md) or a seed document (/work/shared/reference/seeds/).
"""
from __future__ import annotations

import pytest

from wizards.present import citations, render as present
from wizards.engine.walk import Refused, decide
from wizards.engine.model import Verdict
from wizards.rules.processor import ART_28_3, WIZARD, suppliers
from wizards.present.texts import LANGUAGES, catalogue, has, t

PROCESSOR = {"handles_data": "yes", "purposes": "instructions"}
OWN_CONTROLLER = {"handles_data": "yes", "purposes": "own", "decided_together": "separately"}


def test_payroll_bureau_is_processor():
    """seeds/001 section 3: a brewery has a social secretariat run its payroll on its instructions: processor."""
    decision = decide(WIZARD, PROCESSOR)
    assert decision.role == "processor"
    assert decision.verdict is Verdict.REQUIRED
    assert decision.outcome == "processor"


def test_processor_actions_give_the_art_28_3_checklist_subprocessors_and_transfers():
    """Art. 28(3)(a)-(h), 28(2) and (4), Chapter V (Art. 44-46): the processor outcome lists every point."""
    actions = [a.id for a in WIZARD.outcome("processor").actions]
    for point in ART_28_3:
        assert point in actions
    assert {"supplier_text", "subprocessors", "transfers", "own_use"} <= set(actions)
    links = {a.id: a.link for a in WIZARD.outcome("processor").actions}
    assert links["transfers"] == "guide/transfers.md"


def test_accountant_for_own_legal_duties_is_controller():
    """guide/processors.md; WP29 Opinion 1/2010 ex. 23 (sec.): an accountant doing its own anti-money-laundering
    checks or a statutory audit decides why and how itself (Art. 4(7), 28(10) GDPR): a separate controller."""
    decision = decide(WIZARD, OWN_CONTROLLER)
    assert decision.role == "controller"
    assert decision.verdict is Verdict.NOT_REQUIRED


def test_accountant_doing_only_bookkeeping_on_instructions_is_processor():
    """guide/processors.md: a bookkeeper who only enters your documents on your instructions: processor for that part."""
    decision = decide(WIZARD, PROCESSOR)
    assert (decision.role, decision.verdict) == ("processor", Verdict.REQUIRED)


def test_accountant_role_unknown_depends_on_the_task():
    """Accountants: the role 'can vary depending on the context' (WP29 ex. 23, sec.): unsure -> depends."""
    decision = decide(WIZARD, {"handles_data": "yes", "purposes": "unsure", "decided_together": "separately"})
    assert decision.verdict is Verdict.DEPENDS
    assert decision.role is None
    assert "on_your_behalf" in decision.open_points and "own_purposes" in decision.open_points


def test_joint_marketing_event_is_joint_controller():
    """GD-12 and Art. 26(1): two firms run one marketing event and decide together on the registration list."""
    decision = decide(WIZARD, {"handles_data": "yes", "purposes": "together"})
    assert decision.role == "joint_controller"
    assert decision.verdict is Verdict.NOT_REQUIRED
    assert "decided_together" not in decision.answers


def test_joint_controller_actions_require_an_art_26_arrangement():
    """GD-14, Art. 26(1)-(3): no Art. 28 agreement, but an arrangement whose essence is available to the people."""
    actions = {a.id for a in WIZARD.outcome("joint_controller").actions}
    assert {"art26_required", "essence_public", "rights_each"} <= actions
    assert "REQUIRED" in t("en", "processor.action.art26_required").upper()


def test_converging_decisions_without_data_access_is_joint_controller():
    """GD-12: converging decisions that are inextricably linked make joint controllers, even without access to the
    data (a partner's social-media button placed on your site, used by the partner for its own advertising)."""
    decision = decide(WIZARD, {"handles_data": "yes", "purposes": "own", "decided_together": "together"})
    assert decision.role == "joint_controller"
    assert decision.verdict is Verdict.NOT_REQUIRED


def test_cleaning_firm_does_not_process_personal_data():
    """seeds/002 supplier table: cleaning firm, no processing, no agreement; confidentiality clause advised."""
    decision = decide(WIZARD, {"handles_data": "no"})
    assert decision.role == "not_personal_data"
    assert decision.verdict is Verdict.NOT_REQUIRED
    assert "confidentiality" in {a.id for a in WIZARD.outcome("not_personal_data").actions}
    assert list(decision.answers) == ["handles_data"]


def test_energy_supplier_is_separate_controller():
    """seeds/002: the electricity supplier processes data for its own billing and contract: its own controller."""
    decision = decide(WIZARD, OWN_CONTROLLER)
    assert (decision.role, decision.verdict) == ("controller", Verdict.NOT_REQUIRED)
    actions = {a.id for a in WIZARD.outcome("controller").actions}
    assert {"privacy_notice", "sharing_agreement", "tell_people"} <= actions


def test_courier_delivering_parcels_is_usually_separate_controller():
    """guide/processors.md; Czech DPA position (sec.): delivery is the courier's own service: separate controller."""
    decision = decide(WIZARD, OWN_CONTROLLER)
    assert (decision.role, decision.verdict) == ("controller", Verdict.NOT_REQUIRED)


def test_web_designer_who_only_designs_does_not_process_personal_data():
    """seeds/002 supplier table: web designer (design only): no processing."""
    decision = decide(WIZARD, {"handles_data": "no"})
    assert (decision.role, decision.verdict) == ("not_personal_data", Verdict.NOT_REQUIRED)


def test_web_designer_who_hosts_the_site_with_forms_is_processor():
    """guide/processors.md: a web designer who also manages the site with your contact forms is a processor."""
    decision = decide(WIZARD, PROCESSOR)
    assert (decision.role, decision.verdict) == ("processor", Verdict.REQUIRED)


def test_cloud_crm_is_processor():
    """seeds/002: cloud software (e.g. a CRM) is a processor; an agreement is needed."""
    decision = decide(WIZARD, PROCESSOR)
    assert (decision.role, decision.verdict) == ("processor", Verdict.REQUIRED)


def test_cloud_office_suite_webshop_newsletter_and_it_support_are_processors():
    """seeds/001 section 3 (cloud storage), seeds/004 (helpdesk access is processing), guide/processors.md
    (hosting, IT management, mailing tool): all process on your behalf."""
    for supplier in ("cloud_office_suite", "webshop_platform", "newsletter_service", "it_support"):
        entry = next(s for s in suppliers() if s["id"] == supplier)
        decision = decide(WIZARD, entry["answers"])
        assert (decision.role, decision.verdict) == ("processor", Verdict.REQUIRED), supplier


def test_unsure_whether_supplier_handles_personal_data_depends():
    """Art. 4(7)-(8): roles exist only for personal data; not knowing whether the IT firm can see data -> depends."""
    decision = decide(WIZARD, {"handles_data": "unsure", "purposes": "instructions"})
    assert decision.verdict is Verdict.DEPENDS
    assert decision.outcome == "depends"
    assert decision.open_points == ("no_personal_data",)


def test_all_unsure_depends_on_every_point():
    """A visitor who knows nothing yet about the supplier gets 'depends' with all the factors named."""
    decision = decide(WIZARD, {"handles_data": "unsure", "purposes": "unsure", "decided_together": "unsure"})
    assert decision.verdict is Verdict.DEPENDS
    assert set(decision.open_points) == {r.id for r in WIZARD.rules}


def test_own_purposes_but_unsure_whether_together_depends():
    """GD-12: whether decisions converge decides between separate and joint controllers."""
    decision = decide(WIZARD, {"handles_data": "yes", "purposes": "own", "decided_together": "unsure"})
    # No processor agreement either way (Art. 28 does not apply between controllers): that is certain;
    # the role, and with it an Art. 26 arrangement, is what stays open.
    assert decision.verdict is Verdict.NOT_REQUIRED and decision.outcome == "depends"
    assert set(decision.open_points) == {"converging_decisions", "own_purposes"}
    assert {b.value: b.outcomes for b in decision.branches} == {"together": ("joint_controller",),
                                                                 "separately": ("controller",)}


# --- the catalogue -------------------------------------------------------------------------------------------

ROLES = {"processor", "controller", "joint_controller", "not_personal_data", "depends"}
VERDICT_OF_ROLE = {
    "processor": Verdict.REQUIRED,
    "controller": Verdict.NOT_REQUIRED,
    "joint_controller": Verdict.NOT_REQUIRED,
    "not_personal_data": Verdict.NOT_REQUIRED,
    "depends": Verdict.DEPENDS,
}


def _entries():
    for supplier in suppliers():
        yield supplier["id"], supplier
        for variant in supplier.get("variant", []):
            yield f"{supplier['id']}/{variant['id']}", variant


@pytest.mark.parametrize("entry_id,entry", list(_entries()), ids=[i for i, _ in _entries()])
def test_catalogue_answers_give_the_stated_role(entry_id, entry):
    """Every catalogue entry (and variant) runs through decide() and gives the role the catalogue states."""
    assert entry["role"] in ROLES
    decision = decide(WIZARD, entry["answers"])
    expected_role = None if entry["role"] == "depends" else entry["role"]
    assert decision.role == expected_role, entry_id
    assert decision.verdict is VERDICT_OF_ROLE[entry["role"]], entry_id
    # The answers are exactly the path the visitor would walk: nothing extra, nothing missing.
    assert set(decision.answers) == set(entry["answers"]), entry_id


def test_catalogue_is_complete_and_sourced():
    """Each entry has names and reasons in nl, fr and en, known citation ids and a basis."""
    known = citations.known()
    ids = [s["id"] for s in suppliers()]
    assert len(ids) == len(set(ids))
    expected = {"payroll_bureau", "accountant", "cloud_office_suite", "webshop_platform", "newsletter_service",
                "it_support", "cleaning_firm", "courier", "energy_supplier", "web_designer", "cloud_crm"}
    assert expected <= set(ids)
    for entry_id, entry in _entries():
        assert set(entry["reason"]) == set(LANGUAGES), entry_id
        assert entry["sources"] and set(entry["sources"]) <= known, entry_id
    for supplier in suppliers():
        assert set(supplier["name"]) == set(LANGUAGES)
        assert supplier["basis"]
        assert supplier["certainty"] in {"usual", "task"}
    roles = {s["role"] for s in suppliers()}
    assert roles == ROLES


# --- refusals ------------------------------------------------------------------------------------------------

def test_refuses_an_unknown_option():
    with pytest.raises(Refused) as refused:
        decide(WIZARD, {"handles_data": "yes", "purposes": "maybe"})
    assert refused.value.code == "unknown_option"


def test_refuses_a_missing_answer_on_the_path():
    """Own purposes without the follow-up question cannot be decided (separate or joint controller?)."""
    with pytest.raises(Refused) as refused:
        decide(WIZARD, {"handles_data": "yes", "purposes": "own"})
    assert refused.value.code == "missing_answer"
    assert refused.value.params["question"] == "decided_together"


def test_refuses_an_unknown_question():
    with pytest.raises(Refused) as refused:
        decide(WIZARD, {"handles_data": "yes", "purposes": "instructions", "outside_eea": "yes"})
    assert refused.value.code == "unknown_question"


def test_refuses_a_wrong_type():
    with pytest.raises(Refused) as refused:
        decide(WIZARD, {"handles_data": True})
    assert refused.value.code == "wrong_type"


# --- texts and records ---------------------------------------------------------------------------------------

def test_every_text_key_exists_in_all_languages():
    keys = {f"processor.{k}" for k in ("title", "intro")}
    for q in WIZARD.questions:
        keys |= {f"processor.q.{q.id}.text", f"processor.q.{q.id}.help"}
        keys |= {f"processor.q.{q.id}.o.{o}" for o in q.options if o not in ("yes", "no", "unsure")}
    for r in WIZARD.rules:
        keys |= {f"processor.rule.{r.id}.{part}" for part in ("title", "yes", "no", "unsure")}
    for o in WIZARD.outcomes:
        keys |= {f"processor.outcome.{o.id}.title", f"processor.outcome.{o.id}.summary"}
        keys |= {f"processor.action.{a.id}" for a in o.actions}
    for lang in LANGUAGES:
        missing = [k for k in keys if not has(lang, k)]
        assert not missing, (lang, missing)
    own = [{k for k in catalogue(lang) if k.startswith("processor.")} for lang in LANGUAGES]
    assert own[0] == own[1] == own[2]


def test_every_citation_exists():
    known = citations.known()
    cited = {c for q in WIZARD.questions for c in q.cites}
    cited |= {c for r in WIZARD.rules for c in r.cites}
    cited |= {c for o in WIZARD.outcomes for c in o.cites}
    assert cited <= known, cited - known


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("answers", [
    PROCESSOR,
    OWN_CONTROLLER,
    {"handles_data": "yes", "purposes": "together"},
    {"handles_data": "no"},
    {"handles_data": "unsure", "purposes": "unsure", "decided_together": "unsure"},
])
def test_records_render_in_every_language(lang, answers):
    decision = decide(WIZARD, answers, today="2026-11-23")
    record = present.to_dict(WIZARD, decision, lang)
    markdown = present.to_markdown(record, lang)
    assert record["role"] == decision.role
    assert (record["actions"] or record["branches"]) and all(a["text"] for a in record["actions"])
    assert record["conclusion"] in markdown
    present.result_html(record, lang, "../")


# --- issue 10, points 1 and 2 ------------------------------------------------------------------------------------

def test_cloud_vendor_that_also_uses_data_for_itself_stays_processor_and_needs_art_28():
    """Issue 10 point 1; Art. 28(10) GDPR ('a controller in respect of THAT processing') and EDPB Guidelines
    07/2020: a cloud CRM that also improves its product with your data is your processor for the service (Art. 28
    agreement required) and a controller only for its own use. Before the fix this ended in 'controller: no Art. 28'."""
    decision = decide(WIZARD, {"handles_data": "yes", "purposes": "also_own"})
    assert (decision.outcome, decision.role, decision.verdict) == (
        "processor_and_controller", "processor", Verdict.REQUIRED)
    actions = [a.id for a in WIZARD.outcome("processor_and_controller").actions]
    # What it means for the contract: the extra use is set out, needs a basis (Art. 6(1), 6(4)) and is in the notice.
    assert {"extra_use_contract", "extra_use_basis", "extra_use_notice", *ART_28_3} <= set(actions)
    cites = set(WIZARD.outcome("processor_and_controller").cites)
    assert {"gdpr:28.3", "gdpr:28.10", "gdpr:6.4", "gdpr:13.1.e", "edpb:07-2020"} <= cites
    record = present.to_dict(WIZARD, decision, "en")
    assert "processor" in record["conclusion"] and "controller" in record["conclusion"]


def test_supplier_working_only_for_its_own_purposes_is_a_separate_controller_not_via_art_28_10():
    """Issue 10 point 1 and the 'Citations' bullet: a supplier that only serves its own purposes was never a
    processor, so Art. 28(10) is not its ground; the 'label does not change the role' point is EDPB 07/2020."""
    decision = decide(WIZARD, OWN_CONTROLLER)
    assert decision.outcome == "controller"
    assert "gdpr:28.10" not in WIZARD.outcome("controller").cites
    assert "gdpr:28.10" not in next(r for r in WIZARD.rules if r.id == "own_purposes").cites
    for lang in LANGUAGES:
        assert "07/2020" in t(lang, "processor.action.no_art28")
        assert "28" not in t(lang, "processor.action.no_art28").split("07/2020")[0].split("(")[-1]


def test_ordinary_supplier_that_needs_your_data_for_its_own_service_is_not_a_joint_controller():
    """Issue 10 point 2; EDPB Guidelines 07/2020 on converging decisions: each decision must have a tangible impact
    on purposes and means; mutual benefit, or choosing and paying a supplier, is not enough. The help of the
    question says so in every language, and the 'together' option no longer says 'exists only through both'."""
    for lang in LANGUAGES:
        help_text = t(lang, "processor.q.decided_together.help")
        assert "07/2020" in help_text and "C-40/17" in help_text
        option = t(lang, "processor.q.decided_together.o.together").lower()
        assert "only" not in option and "alleen" not in option and "que par" not in option
    decision = decide(WIZARD, {"handles_data": "yes", "purposes": "own", "decided_together": "separately"})
    assert decision.role == "controller"


def test_record_no_longer_reverses_the_personal_data_ground():
    """Issue 10 point 2: the ground was titled 'Does the supplier process personal data for you?' while its
    status 'yes' meant 'no personal data'. The title now states what 'yes' means."""
    decision = decide(WIZARD, {"handles_data": "no"})
    reason = present.to_dict(WIZARD, decision, "en")["reasons"][0]
    assert reason["status"] == "yes"
    assert reason["title"].startswith("No personal data")
    for lang in LANGUAGES:
        assert not t(lang, "processor.rule.no_personal_data.title").rstrip().endswith("?")
        assert "?" not in t(lang, "processor.rule.no_personal_data.title")
