"""Record-of-processing wizard (Art. 30 GDPR): scenarios from real cases.

Sources: Art. 30(5) GDPR (legal-facts GD-3), the WP29 position paper of 19 April 2018 (GD-4), the GBA
page "Zijn er uitzonderingen?", and the seed documents in /work/shared/reference/seeds/.
"""
import pytest

from wizards.engine.walk import Refused, decide
from wizards.engine.paths import enumerate_paths
from wizards.rules.register import WIZARD

NOTHING_ELSE = {"special_categories": "no", "criminal_data": "no", "risk": "no"}


def verdict(answers):
    return decide(WIZARD, answers)


def rules(decision):
    return [f.rule for f in decision.findings]


def test_one_person_business_with_monthly_newsletter():
    """seeds/002: a one-person business with a monthly newsletter must keep a record: a periodic
    newsletter is structural, hence not occasional (Art. 30(5) GDPR)."""
    d = verdict({"employees": 1, "has_staff": "no", "regular_processing": "yes"})
    assert (d.verdict.value, d.outcome) == ("required", "required_caught")
    assert rules(d) == ["large_organisation", "staff", "not_occasional"]
    assert d.open_points == ()


def test_sme_with_staff_is_caught_by_employee_data():
    """WP29 position paper 19-04-2018 (GD-4): a small organisation processes employee data regularly,
    so that processing is not occasional and must be in the record."""
    d = verdict({"employees": 12, "has_staff": "yes"})
    assert (d.verdict.value, d.outcome) == ("required", "required_caught")
    # Only the processing caught must be recorded: the record says so (outcome required_caught, not _all).
    assert "special_categories" not in d.answers and "risk" not in d.answers


def test_company_of_300_persons_records_everything():
    """Art. 30(1)-(2) with 30(5): the exemption is only for fewer than 250 persons. One question suffices."""
    d = verdict({"employees": 300})
    assert (d.verdict.value, d.outcome) == ("required", "required_all")
    assert d.answers == {"employees": 300}


@pytest.mark.parametrize("employees, outcome", [(249, "recommended"), (250, "required_all")])
def test_threshold_is_fewer_than_250_persons(employees, outcome):
    """Art. 30(5): 'employing fewer than 250 persons'; 250 itself is not exempt."""
    answers = {"employees": employees, "has_staff": "no", "regular_processing": "no", **NOTHING_ELSE}
    assert verdict(answers).outcome == outcome


def test_one_off_event_without_sensitive_data_is_exempt_but_recommended():
    """Art. 30(5) and WP29 footnote (occasional = not regular AND outside the normal course of activity):
    a neighbourhood committee without staff that keeps one participants' list for a single street party,
    deleted afterwards, nothing sensitive, no risk. Not required, but recommended (Art. 5(2), 24 GDPR)."""
    d = verdict({"employees": 0, "has_staff": "no", "regular_processing": "no", **NOTHING_ELSE})
    assert (d.verdict.value, d.outcome) == ("recommended", "recommended")
    assert rules(d) == ["large_organisation", "staff", "not_occasional", "special_categories", "criminal_data", "risk"]
    actions = [a.id for a in WIZARD.outcome(d.outcome).actions]
    assert {"why_recommended", "gba_model", "use_it"} <= set(actions)


def test_pharmacy_processes_health_data():
    """seeds/000 (APB, pharmacies) and Art. 9(1) GDPR: health data make the record mandatory.
    A pharmacy also keeps a patient and staff administration, so it is caught at once."""
    d = verdict({"employees": 4, "has_staff": "yes"})
    assert d.verdict.value == "required"


def test_sensitive_data_alone_suffice_even_if_regularity_is_unclear():
    """Art. 30(5) and WP29: the exceptions are alternatives. A pharmacist unsure whether the processing is
    'regular' is still caught by the health data (Art. 9(1)); the doubt cannot change the result."""
    d = verdict({"employees": 4, "has_staff": "no", "regular_processing": "unsure", "special_categories": "yes"})
    assert (d.verdict.value, d.outcome) == ("required", "required_caught")
    assert d.open_points == ()
    assert rules(d)[-1] == "special_categories"


def test_one_off_childrens_camp_with_criminal_record_extracts():
    """Art. 10 GDPR via Art. 30(5): a volunteer-run youth non-profit (seeds/000, Scwitch members) asks its
    volunteers for an extract from the criminal record once, for a single camp. Rare, but caught."""
    d = verdict({"employees": 0, "has_staff": "no", "regular_processing": "no", "special_categories": "no", "criminal_data": "yes"})
    assert (d.verdict.value, d.outcome) == ("required", "required_caught")
    assert rules(d)[-1] == "criminal_data"


def test_childrens_data_are_a_risk():
    """seeds/001 (a childcare centre registering children's data must keep a record) and Recital 75
    (children are vulnerable): any risk, not only a high risk, triggers the record (WP29)."""
    d = verdict({"employees": 0, "has_staff": "no", "regular_processing": "no", "special_categories": "no",
                 "criminal_data": "no", "risk": "yes"})
    assert (d.verdict.value, d.outcome) == ("required", "required_caught")
    assert rules(d)[-1] == "risk"


def test_yearly_christmas_card_doubt_gives_depends_not_exemption():
    """seeds/002 says a yearly Christmas card to customers 'may be occasional'; the WP29 test says it is not
    (it belongs to the normal customer relationship). A visitor who stays unsure gets 'it depends'."""
    d = verdict({"employees": 2, "has_staff": "no", "regular_processing": "unsure", **NOTHING_ELSE})
    assert (d.verdict.value, d.outcome) == ("depends", "depends")
    assert d.open_points == ("not_occasional",)


def test_unsure_about_risk_names_the_point():
    """Art. 30(5): 'likely to result in a risk'. Unsure on that point alone: it depends, and on what."""
    d = verdict({"employees": 5, "has_staff": "no", "regular_processing": "no", "special_categories": "no",
                 "criminal_data": "no", "risk": "unsure"})
    assert d.verdict.value == "depends"
    assert d.open_points == ("risk",)


def test_turnover_plays_no_role():
    """seeds/003 claims the SME concessions apply to '< 250 employees and turnover up to 50 million euro'.
    Art. 30(5) counts persons only: the wizard has no turnover question and refuses one."""
    assert not any("turnover" in q.id or "omzet" in q.id for q in WIZARD.questions)
    with pytest.raises(Refused) as refused:
        verdict({"employees": 120, "turnover": 80_000_000})
    assert refused.value.code == "unknown_question"
    # 120 persons with regular processing: caught, whatever the turnover.
    assert verdict({"employees": 120, "has_staff": "no", "regular_processing": "yes"}).outcome == "required_caught"


def test_gba_customer_and_supplier_management_is_habitual():
    """GBA page 'Zijn er uitzonderingen?': customer, staff and supplier management are habitual processing,
    so a small wholesaler with only a supplier and customer file must keep a record."""
    d = verdict({"employees": 0, "has_staff": "no", "regular_processing": "yes"})
    assert d.verdict.value == "required"


def test_every_outcome_is_reachable_and_depends_names_its_point():
    reached = set()
    for _, decision in enumerate_paths(WIZARD):
        reached.add(decision.outcome)
        assert (decision.outcome == "depends") == bool(decision.open_points)
    assert reached == {o.id for o in WIZARD.outcomes}


def test_at_most_six_questions():
    """Headcount, staff, then the three exceptions of Art. 30(5) (sensitive and criminal data are two questions)."""
    assert max(len(answers) for answers, _ in enumerate_paths(WIZARD)) <= 6


@pytest.mark.parametrize("answers, code", [
    ({"employees": -1}, "out_of_range"),
    ({"employees": "12"}, "wrong_type"),
    ({"employees": True}, "wrong_type"),
    ({"employees": 10, "has_staff": "no", "regular_processing": "maybe"}, "unknown_option"),
    ({"employees": 10}, "missing_answer"),
    ({"employees": 10, "has_staff": "no"}, "missing_answer"),
    ({"employees": 10, "has_staff": "no", "regular_processing": "no", "special_categories": "no"}, "missing_answer"),
    ({"public_body": "no", "employees": 10}, "unknown_question"),
    ([], "not_an_object"),
])
def test_bad_input_is_refused_with_a_reason(answers, code):
    with pytest.raises(Refused) as refused:
        decide(WIZARD, answers)
    assert refused.value.code == code


def test_employer_who_says_processing_is_not_regular_still_needs_a_record():
    """Issue 10 point 3; WP29 position paper on Art. 30(5), 19 April 2018 (legal-facts GD-4 ✓): employee data are
    processed regularly, so never 'occasional'. An employer with five staff who answers 'no' to regular
    processing used to be told 'recommended'; the staff question now decides first."""
    d = verdict({"employees": 5, "has_staff": "yes"})
    assert (d.verdict.value, d.outcome) == ("required", "required_caught")
    assert rules(d) == ["large_organisation", "staff"]
    # 'regular_processing' is not even asked any more: the staff data settle it.
    assert "regular_processing" not in d.answers


def test_headcount_of_self_employed_collaborators_is_not_staff():
    """Issue 10 point 3: the profile's headcount also counts self-employed people, so it cannot stand in for
    staff. Five freelancers, no employee, one event list: the exemption can still apply."""
    d = verdict({"employees": 5, "has_staff": "no", "regular_processing": "no", **NOTHING_ELSE})
    assert d.outcome == "recommended"


def test_unsure_about_staff_gives_it_depends_on_staff():
    """Art. 30(5) with WP29: an unsure answer on staff could change the verdict, so it depends, and on what."""
    d = verdict({"employees": 5, "has_staff": "unsure", "regular_processing": "no", **NOTHING_ELSE})
    assert (d.verdict.value, d.open_points) == ("depends", ("staff",))
