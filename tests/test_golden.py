"""Every path through every wizard, compared with the reviewed table committed in tests/golden/.

A change of legal logic shows up here as a diff. After reviewing it, regenerate with
`python -m wizards --write-paths tests/golden` and commit the new table with the change.
"""
from pathlib import Path

import pytest

from wizards.engine.paths import enumerate_paths, table
from wizards.registry import WIZARDS

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("wizard_id", sorted(WIZARDS))
def test_every_path_matches_the_reviewed_table(wizard_id):
    expected = (GOLDEN / f"{wizard_id}.tsv").read_text(encoding="utf-8")
    assert table(WIZARDS[wizard_id]) == expected, (
        f"The {wizard_id} wizard's outcomes changed. Review the difference; if it is right, run "
        "`python -m wizards --write-paths tests/golden` and commit the table."
    )


@pytest.mark.parametrize("wizard_id", sorted(WIZARDS))
def test_every_outcome_is_reachable(wizard_id):
    wizard = WIZARDS[wizard_id]
    reached = {decision.outcome for _, decision in enumerate_paths(wizard)}
    assert reached == {o.id for o in wizard.outcomes}


@pytest.mark.parametrize("wizard_id", sorted(WIZARDS))
def test_depends_always_names_what_it_depends_on(wizard_id):
    wizard = WIZARDS[wizard_id]
    for _, decision in enumerate_paths(wizard):
        # An open result names its points and what each answer would mean; "it depends" is always open.
        if decision.outcome == wizard.depends:
            assert decision.open_points and decision.branches, decision
        if decision.verdict.value == "depends":  # open, or an outcome that is "it depends" by itself
            assert decision.outcome == wizard.depends or wizard.outcome(decision.outcome).verdict.value == "depends"
