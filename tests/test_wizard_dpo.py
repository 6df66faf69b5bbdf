"""DPO wizard (Art. 37 GDPR, Art. 21 Belgian Act of 30 July 2018): scenarios from real cases."""
import pytest

from wizards.engine import Refused, decide
from wizards.dpo import WIZARD

NO_BE = {"federal_processing": "no"}


def verdict(answers):
    return decide(WIZARD, answers)


def test_municipality_must_appoint():
    """Art. 37(1)(a): a public authority always needs a DPO (e.g. a municipality or OCMW/CPAS)."""
    d = verdict({"public_body": "yes"})
    assert (d.verdict.value, d.outcome) == ("required", "required")
    assert [f.rule for f in d.findings] == ["public_body"]


def test_hospital_health_data_is_core_and_large_scale():
    """WP243 §2.1.3 example: a hospital processing patient data is large scale; health data are Art. 9 data."""
    d = verdict({"public_body": "no", "monitoring_core": "no", "sensitive_core": "yes", "sensitive_large_scale": "yes"})
    assert d.verdict.value == "required"
    assert d.findings[-1].rule == "large_scale_sensitive"


def test_single_pharmacy_is_not_large_scale():
    """Recital 91 and WP243: an individual health professional's patient file is not large scale."""
    d = verdict({"public_body": "no", "monitoring_core": "no", "sensitive_core": "yes",
                 "sensitive_large_scale": "no", **NO_BE})
    assert d.verdict.value == "not_required"


def test_shop_with_one_camera_at_the_till():
    """seeds/002 and WP243: one camera at a till is not a core activity of regular, systematic monitoring."""
    d = verdict({"public_body": "no", "monitoring_core": "no", "sensitive_core": "no", **NO_BE})
    assert d.verdict.value == "not_required"
    assert {f.rule for f in d.findings} == {"public_body", "large_scale_monitoring", "large_scale_sensitive", "belgian_federal"}


def test_national_loyalty_programme_monitors_on_large_scale():
    """WP243 examples of regular and systematic monitoring: loyalty programmes, behavioural advertising, on a large scale."""
    d = verdict({"public_body": "no", "monitoring_core": "yes", "monitoring_large_scale": "yes"})
    assert d.verdict.value == "required"


def test_local_hairdresser_booking_app_is_not_large_scale():
    """WP243 §2.1.3 factors (number of people, geography): a local business's own customers are not large scale."""
    d = verdict({"public_body": "no", "monitoring_core": "yes", "monitoring_large_scale": "no",
                 "sensitive_core": "no", **NO_BE})
    assert d.verdict.value == "not_required"


def test_staff_sick_notes_are_ancillary():
    """GBA DPO page (legal-facts BE-12): support activities such as payroll are ancillary, not core."""
    d = verdict({"public_body": "no", "monitoring_core": "no", "sensitive_core": "no", **NO_BE})
    assert d.verdict.value == "not_required"


def test_private_firm_processing_for_federal_authority_with_high_risk():
    """Art. 21 of the Act of 30 July 2018: private body processing for a federal authority, high risk."""
    d = verdict({"public_body": "no", "monitoring_core": "no", "sensitive_core": "no",
                 "federal_processing": "yes", "federal_high_risk": "yes"})
    assert d.verdict.value == "required"
    assert d.findings[-1].rule == "belgian_federal"


def test_federal_processing_without_high_risk():
    """Art. 21 requires both: federal link AND possible high risk (Art. 35 GDPR)."""
    d = verdict({"public_body": "no", "monitoring_core": "no", "sensitive_core": "no",
                 "federal_processing": "yes", "federal_high_risk": "no"})
    assert d.verdict.value == "not_required"


def test_unsure_public_body_gives_it_depends_and_names_the_point():
    """A vzw mainly funded and controlled by government may be a public authority (Art. 5 of the 2018 Act): it depends."""
    d = verdict({"public_body": "unsure", "monitoring_core": "no", "sensitive_core": "no", **NO_BE})
    assert d.verdict.value == "depends"
    assert d.open_points == ("public_body",)


def test_unsure_point_does_not_matter_when_another_ground_applies():
    """If another ground makes the DPO mandatory, an uncertain ground cannot change the outcome."""
    d = verdict({"public_body": "unsure", "monitoring_core": "yes", "monitoring_large_scale": "yes"})
    assert d.verdict.value == "required"
    assert d.open_points == ()


def test_insurer_customer_data_core_large_scale():
    """WP243 §2.1.3 example: an insurance company or bank processing customer data is large scale; GBA BE-12 names insurers."""
    d = verdict({"public_body": "no", "monitoring_core": "no", "sensitive_core": "yes", "sensitive_large_scale": "yes"})
    assert d.verdict.value == "required"


@pytest.mark.parametrize("answers, code", [
    ({"public_body": "maybe"}, "unknown_option"),
    ({"public_body": True}, "wrong_type"),
    ({"employees": 3, "public_body": "no"}, "unknown_question"),
    ({"public_body": "no"}, "missing_answer"),
    ([], "not_an_object"),
])
def test_bad_input_is_refused_with_a_reason(answers, code):
    with pytest.raises(Refused) as refused:
        decide(WIZARD, answers)
    assert refused.value.code == code
