"""DPIA wizard (Art. 35 GDPR): scenarios from real cases.

Sources: Art. 35(1), 35(3), 35(4) and 36(1) GDPR and Recital 91 (legal-facts GD-6, GD-7); the
Belgian DPA's list, decision 01/2019 (DP-4, items 1-6 from concordant summaries; items 7-8 from the issue-10
review, DP-5); WP248 rev.01 with
its nine criteria and its table of examples (GD-8); and the seed documents in
/work/shared/reference/seeds/.
"""
import pytest

from wizards.rules.dpia import WIZARD
from wizards.engine.walk import Refused, decide, walk
from wizards.present.render import to_dict
from wizards.present.texts import LANGUAGES, catalogue

# The path of an operation that hits none of the legal cases, up to the criteria question.
NO_LEGAL_CASE = {
    "gba_list": [],
    "automated_evaluation": "no",
    "sensitive_data": "no",
    "public_monitoring": "no",
}


def verdict(answers):
    return decide(WIZARD, answers)


def rules(decision):
    return [f.rule for f in decision.findings]


def statuses(decision):
    return {f.rule: f.status.value for f in decision.findings}


def test_monitoring_staff_web_browsing_needs_a_dpia():
    """WP248 table of examples: 'a company systematically monitoring its employees' activities, including
    ... internet activity' meets systematic monitoring + vulnerable data subjects (employees) -> DPIA.
    seeds/001 gives the same example (staff's surfing behaviour, subordinate hence vulnerable position)."""
    d = verdict({**NO_LEGAL_CASE, "criteria": ["monitoring", "vulnerable"], "individual_practice": "no",
                 "routine_staff": "no"})
    assert (d.verdict.value, d.outcome) == ("required", "required")
    assert rules(d)[-1] == "two_criteria"
    assert d.open_points == ()


def test_automated_cv_screening_is_art_35_3_a():
    """seeds/001: a recruitment platform that reads CVs automatically and selects or rejects candidates
    is its example of Art. 35(3)(a) (evaluation with decisions that significantly affect people)."""
    d = verdict({"gba_list": [], "automated_evaluation": "yes"})
    assert (d.verdict.value, d.outcome) == ("required", "required")
    assert rules(d) == ["gba_list", "automated_evaluation"]


def test_automated_cv_screening_via_the_criteria_when_unsure_about_35_3_a():
    """WP248 criteria 1 (evaluation or scoring) and 2 (automated decision with legal or similarly
    significant effect): two criteria -> DPIA. An 'unsure' on Art. 35(3)(a) then changes nothing,
    because both routes lead to 'required'."""
    d = verdict({"gba_list": [], "automated_evaluation": "unsure", "sensitive_data": "no",
                 "public_monitoring": "no", "criteria": ["evaluation", "automated_decision"],
                 "individual_practice": "no", "routine_staff": "no"})
    assert d.verdict.value == "required"
    assert d.open_points == ()
    assert statuses(d)["automated_evaluation"] == "unsure"


def test_one_camera_at_a_shops_till_needs_no_dpia_but_a_written_why():
    """seeds/001: one surveillance camera aimed at the till is systematic observation but not large scale.
    So Art. 35(3)(c) does not apply (it needs large scale), and exactly one WP248 criterion (systematic
    monitoring) is met. WP248: two criteria in most cases; one criterion only in some cases, and its own
    single-criterion examples need no DPIA. Issue 10 point 7: 'not required, write down why' (it said
    'it depends' without naming anything to check)."""
    d = verdict({"gba_list": [], "automated_evaluation": "no", "sensitive_data": "no",
                 "public_monitoring": "yes", "public_large_scale": "no",
                 "criteria": ["monitoring"], "individual_practice": "no"})
    assert (d.verdict.value, d.outcome) == ("not_required", "one_criterion")
    assert d.open_points == ()
    assert statuses(d)["public_monitoring"] == "no"
    assert rules(d)[-1] == "one_criterion"


def test_hospital_health_records_are_art_35_3_b():
    """Art. 35(3)(b): large-scale processing of Art. 9(1) data. WP248's table: a hospital processing its
    patients' genetic and health data -> DPIA; WP243 §2.1.3 (GD-10) names hospital patient data as large scale."""
    d = verdict({"gba_list": [], "automated_evaluation": "no", "sensitive_data": "yes",
                 "sensitive_large_scale": "yes"})
    assert (d.verdict.value, d.outcome) == ("required", "required")
    assert rules(d)[-1] == "large_scale_sensitive"


@pytest.mark.parametrize("practitioner", ["general practitioner", "pharmacist in their own pharmacy"])
def test_individual_practitioners_patient_file_needs_no_dpia(practitioner):
    """Recital 91: an individual physician or other health care professional processing their patients'
    data is not large scale; 'a DPIA should not be mandatory'. WP248's table puts this case (sensitive data
    + vulnerable data subjects, i.e. two criteria) among the examples without a DPIA."""
    d = verdict({"gba_list": [], "automated_evaluation": "no", "sensitive_data": "yes",
                 "sensitive_large_scale": "no", "public_monitoring": "no",
                 "criteria": ["sensitive", "vulnerable"], "individual_practice": "yes"})
    assert (d.verdict.value, d.outcome) == ("not_required", "exempt_routine"), practitioner
    assert rules(d)[-1] == "individual_practice"
    assert statuses(d)["large_scale_sensitive"] == "no"


def test_group_practice_unsure_about_recital_91_depends():
    """Recital 91 speaks of an 'individual' physician. A group practice sharing one file is not clearly
    covered; with two criteria met, the answer turns on that point."""
    d = verdict({"gba_list": [], "automated_evaluation": "no", "sensitive_data": "yes",
                 "sensitive_large_scale": "no", "public_monitoring": "no",
                 "criteria": ["sensitive", "vulnerable"], "individual_practice": "unsure", "routine_staff": "no"})
    assert (d.verdict.value, d.outcome) == ("depends", "depends")
    assert d.open_points == ("individual_practice",)


def test_biometric_entry_in_a_shop_open_to_the_public_is_on_the_gba_list():
    """GBA list, decision 01/2019, item 1 (DP-4): biometric data to identify people in a publicly
    accessible place. A shop that lets customers in with a fingerprint or face scan."""
    d = verdict({"gba_list": ["biometric_public"]})
    assert (d.verdict.value, d.outcome) == ("required", "required")
    assert rules(d) == ["gba_list"]


def test_bad_payer_list_from_another_company_is_on_the_gba_list():
    """GBA list item 2 (DP-4): data collected from third parties used to decide to refuse or end a
    service contract with a natural person."""
    d = verdict({"gba_list": ["third_party_refusal"]})
    assert d.verdict.value == "required"


def test_newsletter_to_500_subscribers_needs_no_dpia_and_says_why():
    """seeds/002 (a small business with a newsletter); WP248's table: an online magazine sending a generic
    digest to its mailing list -> no DPIA. 500 subscribers is not large scale; no criterion is met. Every
    ground is examined and recorded with status 'no': that is the written 'why'."""
    answers = {**NO_LEGAL_CASE, "criteria": []}
    d = verdict(answers)
    assert (d.verdict.value, d.outcome) == ("not_required", "not_required")
    assert rules(d) == [r.id for r in WIZARD.rules]
    assert set(statuses(d).values()) == {"no"}
    asked, upcoming = walk(WIZARD, d.answers)
    assert upcoming is None and len(asked) == 5  # answered in well under two minutes
    record = to_dict(WIZARD, d, "en")
    assert not record["not_examined"]
    assert "none of the nine" in record["reasons"][-1]["explanation"]


def test_webshop_profiling_unsure_about_significant_effects_depends():
    """WP248's table: limited profiling on a webshop (criterion 1 only) -> no DPIA; Art. 35(3)(a) needs
    decisions with legal or similarly significant effects. A webshop that is not sure whether its price
    personalisation has such effects gets 'it depends' on exactly that point."""
    d = verdict({"gba_list": [], "automated_evaluation": "unsure", "sensitive_data": "no",
                 "public_monitoring": "no", "criteria": ["evaluation"], "individual_practice": "no"})
    assert (d.verdict.value, d.outcome) == ("depends", "depends")
    assert d.open_points == ("automated_evaluation",)


def test_shopping_centre_camera_network_is_art_35_3_c():
    """Art. 35(3)(c); WP248 names a shopping centre as a publicly accessible area."""
    d = verdict({"gba_list": [], "automated_evaluation": "no", "sensitive_data": "no",
                 "public_monitoring": "yes", "public_large_scale": "yes"})
    assert d.verdict.value == "required"
    assert rules(d)[-1] == "public_monitoring"


def test_unsure_about_sensitive_data_does_not_matter_when_not_large_scale():
    """Art. 35(3)(b) needs both sensitive (or criminal) data AND large scale. A vzw sports club with 120
    members, not sure whether an 'allergies' field is health data, is not large scale: that doubt is not an
    open point. With one WP248 criterion ticked (sensitive data): not required, write down why."""
    d = verdict({"gba_list": [], "automated_evaluation": "no", "sensitive_data": "unsure",
                 "sensitive_large_scale": "no", "public_monitoring": "no",
                 "criteria": ["sensitive"], "individual_practice": "no"})
    assert (d.verdict.value, d.outcome) == ("not_required", "one_criterion")
    assert d.open_points == ()
    assert statuses(d)["large_scale_sensitive"] == "no"


def test_two_criteria_text_allows_a_documented_exception():
    """WP248: two criteria -> DPIA 'in most cases'; a controller who concludes otherwise must justify and
    document the reasons. The rule text and an action of the outcome say so, in every language."""
    d = verdict({**NO_LEGAL_CASE, "criteria": ["monitoring", "vulnerable"], "individual_practice": "no",
                 "routine_staff": "no"})
    record = to_dict(WIZARD, d, "en")
    assert "write down why" in record["reasons"][-1]["explanation"]
    assert "criteria_reasons" in [a.id for a in WIZARD.outcome("required").actions]


def test_required_outcome_names_prior_consultation_of_the_gba():
    """Art. 36(1): if the DPIA shows a high risk the controller cannot reduce, consult the GBA/APD first."""
    required = WIZARD.outcome("required")
    assert "gdpr:36.1" in required.cites
    assert "prior_consultation" in [a.id for a in required.actions]
    for lang in LANGUAGES:
        assert "36" in catalogue(lang)["dpia.action.prior_consultation"]


@pytest.mark.parametrize("answers, code", [
    ({"gba_list": ["facial_recognition_at_home"]}, "unknown_option"),  # not an item of the list
    ({"gba_list": "biometric_public"}, "wrong_type"),  # a checklist answer must be a list
    ({"gba_list": ["biometric_public", "biometric_public"]}, "duplicate_item"),
    ({"gba_list": [], "automated_evaluation": "maybe"}, "unknown_option"),
    ({"gba_list": []}, "missing_answer"),  # the next ground cannot be examined
    ({**NO_LEGAL_CASE, "criteria": ["monitoring"], "employees": 4}, "unknown_question"),
])
def test_bad_input_is_refused_with_a_reason(answers, code):
    with pytest.raises(Refused) as refused:
        decide(WIZARD, answers)
    assert refused.value.code == code


def test_missing_answer_names_the_next_question():
    with pytest.raises(Refused) as refused:
        decide(WIZARD, {**NO_LEGAL_CASE})
    assert refused.value.params["question"] == "criteria"


# --- issue 10, points 6 to 9 -------------------------------------------------------------------------------------

SICK_NOTES = {"gba_list": [], "automated_evaluation": "no", "sensitive_data": "yes", "sensitive_large_scale": "no",
              "public_monitoring": "no", "criteria": ["sensitive", "vulnerable"], "individual_practice": "no"}


@pytest.mark.parametrize("item", ["communication_location", "behaviour_observation"])
def test_gba_list_items_7_and_8_make_a_dpia_mandatory(item):
    """Issue 10 point 6; GBA decision 01/2019 items 7 (communication, metadata or location data, e.g. wifi tracking)
    and 8 (large-scale systematic observation or influencing of behaviour, incl. advertising): secondary sources
    only (DP-5). A list item means a DPIA is mandatory: one tick decides, without the European criteria."""
    d = verdict({"gba_list": [item]})
    assert (d.verdict.value, d.outcome, rules(d)) == ("required", "required", ["gba_list"])


def test_gba_list_has_eight_items_and_the_no_text_no_longer_defers_to_the_criteria():
    """Issue 10 point 6: the 'no' text said 'the list has further items ... the European criteria cover them'.
    Eight items now (Alis Advocaten counts 8, DP-6), and the citation has an address."""
    from wizards.present.citations import cite
    assert len(WIZARD.question("gba_list").items) == 8
    for lang in LANGUAGES:
        assert "8" in catalogue(lang)["dpia.rule.gba_list.no"] or "eight" in catalogue(lang)["dpia.rule.gba_list.no"] \
            or "acht" in catalogue(lang)["dpia.rule.gba_list.no"] or "huit" in catalogue(lang)["dpia.rule.gba_list.no"]
        assert "criteria" not in catalogue(lang)["dpia.rule.gba_list.no"]
        assert cite("be:gba.dpia-list", lang).url.startswith("https://www.gegevensbeschermingsautoriteit.be/")


def test_webshop_with_limited_profiling_one_criterion_is_not_required():
    """Issue 10 point 7; WP248's table of examples: an e-commerce site with limited profiling on items viewed or
    bought on its own site (criterion 1 only) -> no DPIA. Not required, with 'write down why'; no open point."""
    d = verdict({**NO_LEGAL_CASE, "criteria": ["evaluation"], "individual_practice": "no"})
    assert (d.verdict.value, d.outcome, d.open_points) == ("not_required", "one_criterion", ())
    assert "write_down" in [a.id for a in WIZARD.outcome("one_criterion").actions]


def test_one_criterion_with_an_unsure_legal_case_still_depends_on_that_named_point():
    """Issue 10 point 7: 'it depends' stays where a named fact is unknown (here Art. 35(3)(a))."""
    d = verdict({"gba_list": [], "automated_evaluation": "unsure", "sensitive_data": "no",
                 "public_monitoring": "no", "criteria": ["evaluation"], "individual_practice": "no"})
    assert (d.verdict.value, d.open_points) == ("depends", ("automated_evaluation",))


def test_staff_sick_notes_handled_routinely_need_no_dpia_but_a_written_why():
    """Issue 10 point 8; Art. 35(1) (a LIKELY HIGH risk) and WP248 ('in most cases' two criteria; the controller may
    conclude otherwise and must document why): routine staff administration that the law organises (sick notes:
    sensitive data + employees) is not likely to be high risk. It used to say 'you must carry out a DPIA'."""
    d = verdict({**SICK_NOTES, "routine_staff": "yes"})
    assert (d.verdict.value, d.outcome) == ("not_required", "exempt_routine")
    assert rules(d)[-1] == "routine_staff"
    assert "write_down_routine" in [a.id for a in WIZARD.outcome("exempt_routine").actions]


def test_staff_data_with_something_new_still_need_a_dpia():
    """Issue 10 point 8: new or large-scale staff processing is not routine. A fingerprint time clock adds a third
    criterion (innovative technology): the routine exception is not even asked, two criteria -> DPIA."""
    d = verdict({**SICK_NOTES, "criteria": ["sensitive", "vulnerable", "innovative"]})
    assert (d.verdict.value, d.outcome) == ("required", "required")
    assert "routine_staff" not in d.answers
    d = verdict({**SICK_NOTES, "routine_staff": "no"})
    assert d.verdict.value == "required"


def test_individual_practice_with_new_technology_is_not_exempt():
    """Issue 10 point 9; Recital 91 covers the ordinary file only. A GP who adds a remote-monitoring app (innovative
    technology: a third criterion) no longer gets the exception, even answering 'yes'."""
    d = verdict({"gba_list": [], "automated_evaluation": "no", "sensitive_data": "yes",
                 "sensitive_large_scale": "no", "public_monitoring": "no",
                 "criteria": ["sensitive", "vulnerable", "innovative"], "individual_practice": "yes"})
    assert (d.verdict.value, d.outcome) == ("required", "required")
    assert statuses(d)["individual_practice"] == "no"


def test_individual_practice_sharing_health_data_systematically_is_on_the_gba_list_first():
    """Issue 10 point 9: systematic exchange of health data with other organisations is GBA list item 5, examined
    before Recital 91, so the practitioner exception cannot override it."""
    d = verdict({"gba_list": ["sensitive_exchange"], "individual_practice": "yes"})
    assert (d.verdict.value, rules(d)) == ("required", ["gba_list"])


@pytest.mark.parametrize("exception", ["individual_practice", "routine_staff"])
def test_staff_monitoring_with_employees_is_not_the_ordinary_pair_and_needs_a_dpia(exception):
    """Issue 22, section 5. WP248 rev.01's own example of a processing that needs a DPIA: systematic monitoring
    of employees (criteria 3 + 7). The exceptions test the pair itself (sensitive data + vulnerable people); any
    other two criteria stay "required", even when the visitor would call it routine, and the question is not asked."""
    answers = {**NO_LEGAL_CASE, "criteria": ["monitoring", "vulnerable"], "individual_practice": "no",
               "routine_staff": "no", exception: "yes"}
    d = verdict(answers)
    assert (d.verdict.value, d.outcome, rules(d)[-1]) == ("required", "required", "two_criteria")
    asked, _ = walk(WIZARD, {k: v if not isinstance(v, list) else tuple(v) for k, v in answers.items()})
    assert "individual_practice" not in asked and "routine_staff" not in asked


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_exception_is_worded_as_the_projects_reading_with_the_belgian_recommendation_beside_it(lang):
    """Issue 22, section 5: a documented reading, not a rule; Privacy Commission recommendation 01/2018 (legal-facts
    DP-8, secondary) reads two criteria as requiring a DPIA, and the record says so."""
    record = to_dict(WIZARD, verdict({**SICK_NOTES, "routine_staff": "yes"}), lang)
    words = {"nl": ("lezing van dit project", "01/2018"), "fr": ("lecture de ce projet", "01/2018"),
             "en": ("this project's reading", "01/2018")}[lang]
    assert words[0] in record["conclusion"] and words[1] in record["summary"]
    assert any("01/2018" in s["label"] for s in record["sources"])
