"""Property tests: any combination of answers gives a verdict or a clear refusal, never an exception."""
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from wizards import browser
from wizards.engine.walk import Decision, Refused, decide
from wizards.present.render import refusal_message, to_dict
from wizards.registry import WIZARDS

values = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**9, max_value=10**9), st.text(max_size=8),
    st.sampled_from(["yes", "no", "unsure"]), st.lists(st.text(max_size=6), max_size=4),
)


@st.composite
def answer_sets(draw):
    wizard_id = draw(st.sampled_from(sorted(WIZARDS)))
    wizard = WIZARDS[wizard_id]
    keys = [q.id for q in wizard.questions] + ["unknown"]
    answers = {}
    for key in draw(st.lists(st.sampled_from(keys), unique=True)):
        question = next((q for q in wizard.questions if q.id == key), None)
        if question is not None and draw(st.booleans()):
            if question.kind == "choice":
                answers[key] = draw(st.sampled_from(question.options))
            elif question.kind == "number":
                answers[key] = draw(st.integers(min_value=-5, max_value=400))
            elif question.kind == "datetime":
                # Real, impossible, skipped-hour and future moments alike.
                answers[key] = draw(st.builds(
                    "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}".format, st.integers(1990, 2110), st.integers(0, 13),
                    st.integers(0, 32), st.integers(0, 25), st.integers(0, 60)))
                if not question.with_time:
                    answers[key] = answers[key][:10]
            elif question.kind == "text":
                answers[key] = draw(st.text(max_size=250))
            else:
                answers[key] = draw(st.lists(st.sampled_from(question.items), unique=True))
        else:
            answers[key] = draw(values)
    return wizard_id, answers


@settings(max_examples=400, deadline=None)
@given(answer_sets(), st.sampled_from(["nl", "fr", "en"]))
def test_decide_gives_a_verdict_or_a_refusal(case, lang):
    wizard_id, answers = case
    wizard = WIZARDS[wizard_id]
    try:
        decision = decide(wizard, answers)
    except Refused as refused:
        assert refusal_message(refused, lang)
        return
    assert isinstance(decision, Decision)
    assert to_dict(wizard, decision, lang)["verdict"] in {"required", "not_required", "recommended", "depends"}


@settings(max_examples=300, deadline=None)
@given(answer_sets(), st.sampled_from(["nl", "fr", "en"]), st.one_of(st.none(), st.text(max_size=10)))
def test_browser_bridge_never_raises(case, lang, focus):
    wizard_id, answers = case
    raw = {k: ",".join(v) if isinstance(v, list) else str(v) for k, v in answers.items()}
    out = json.loads(browser.step(json.dumps({"wizard": wizard_id, "lang": lang, "answers": raw, "focus": focus})))
    assert out["status"] in {"question", "result", "refused"}
    if out["status"] == "refused":
        assert out["message"]
