"""The engine's rules of decision, independent of any wizard."""
import pytest

from wizards.engine.walk import Refused, coerce, decide, next_question, validate, walk
from wizards.engine.logic import AllOf, AnyOf, AtLeast, Is, Not, Ticked, TickedExactly, Tri
from wizards.engine.model import Checklist, Choice, Number, Outcome, Rule, Verdict, Wizard, Conflict

TOY = Wizard(
    id="toy", version="test",
    questions=(Choice("a", ("yes", "no", "unsure")), Number("n", minimum=0, maximum=100), Checklist("c", ("x", "y", "z"))),
    rules=(
        Rule("first", Is("a"), "yes_out", cites=()),
        Rule("second", AllOf(AtLeast("n", 10), Ticked("c", 2)), "yes_out", cites=()),
    ),
    outcomes=(Outcome("yes_out", Verdict.REQUIRED), Outcome("no_out", Verdict.NOT_REQUIRED), Outcome("dep", Verdict.DEPENDS)),
    otherwise="no_out", depends="dep",
    conflicts=(Conflict("impossible", AllOf(AtLeast("n", 0), TickedExactly("c", 3), Is("a", "no"))),),
)


def test_three_valued_logic():
    assert AllOf(Is("a"), Is("b")).eval({"a": "yes", "b": "no"}) is Tri.NO
    assert AllOf(Is("a"), Is("b")).eval({"a": "unsure", "b": "yes"}) is Tri.UNSURE
    assert AllOf(Is("a"), Is("b")).eval({"a": "no"}) is Tri.NO  # decided without b
    assert AnyOf(Is("a"), Is("b")).eval({"a": "yes"}) is Tri.YES
    assert AnyOf(Is("a"), Is("b")).eval({"a": "no"}) is Tri.PENDING
    assert Not(Is("a")).eval({"a": "unsure"}) is Tri.UNSURE
    assert Not(Is("a")).eval({"a": "no"}) is Tri.YES


def test_questions_that_cannot_matter_are_skipped():
    assert next_question(TOY, {}).id == "a"
    assert next_question(TOY, {"a": "yes"}) is None
    assert next_question(TOY, {"a": "no"}).id == "n"
    assert next_question(TOY, {"a": "no", "n": 5}) is None  # AllOf already false: c is not asked


def test_unsure_leads_to_depends_only_when_it_could_change_the_outcome():
    d = decide(TOY, {"a": "unsure", "n": 5})
    assert (d.verdict, d.open_points) == (Verdict.DEPENDS, ("first",))
    d = decide(TOY, {"a": "unsure", "n": 50, "c": ["x", "y"]})
    assert (d.verdict, d.open_points) == (Verdict.REQUIRED, ())


def test_record_keeps_only_answers_on_the_path():
    d = decide(TOY, {"a": "yes", "n": 3, "c": []})
    assert d.answers == {"a": "yes"}


def test_walk_keeps_later_answers_after_an_earlier_change():
    asked, upcoming = walk(TOY, {"a": "no", "n": 50, "c": ("x",)})
    assert asked == ["a", "n", "c"] and upcoming is None


@pytest.mark.parametrize("answers, code", [
    ({"n": -1, "a": "no"}, "out_of_range"),
    ({"n": 101, "a": "no"}, "out_of_range"),
    ({"n": "3", "a": "no"}, "wrong_type"),
    ({"n": True, "a": "no"}, "wrong_type"),
    ({"c": ["x", "x"], "a": "no", "n": 20}, "duplicate_item"),
    ({"c": ["w"], "a": "no", "n": 20}, "unknown_option"),
    ({"zzz": 1}, "unknown_question"),
    ({"a": "no", "n": 20, "c": ["x", "y", "z"]}, "conflict"),
])
def test_refusals(answers, code):
    with pytest.raises(Refused) as refused:
        validate(TOY, answers)
    assert refused.value.code == code


def test_coerce_reads_form_strings():
    assert coerce(TOY, {"n": "12", "c": "x,y", "a": "no"}) == {"n": 12, "c": ["x", "y"], "a": "no"}
    with pytest.raises(Refused):
        coerce(TOY, {"n": "twelve"})
