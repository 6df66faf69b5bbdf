"""`python -m wizards <name>`: JSON in, JSON out, clear refusals, never a traceback."""
import json
import subprocess
import sys

import pytest

from wizards.registry import WIZARDS


def run(args, stdin=""):
    return subprocess.run([sys.executable, "-m", "wizards", *args], input=stdin, capture_output=True, text=True, timeout=60)


def test_decides_and_prints_json():
    out = run(["dpo", "--lang", "en"], json.dumps({"public_body": "yes"}))
    assert out.returncode == 0, out.stderr
    record = json.loads(out.stdout)
    assert record["verdict"] == "required"
    assert record["reasons"][0]["status"] == "yes"
    assert any("37(1)(a)" in s["label"] for s in record["sources"])
    assert record["actions"]


@pytest.mark.parametrize("stdin, code", [
    ("not json", "not_json"),
    ('{"public_body": "no"}', "missing_answer"),
    ('{"public_body": "perhaps"}', "unknown_option"),
    ('{"employees": -4}', "unknown_question"),
    ('[1, 2]', "not_an_object"),
])
def test_refuses_bad_input_in_the_chosen_language(stdin, code):
    out = run(["dpo", "--lang", "fr"], stdin)
    assert out.returncode == 2
    assert "Traceback" not in out.stdout + out.stderr
    error = json.loads(out.stdout)
    assert error["error"] == code and error["message"]


def test_unknown_wizard_is_refused():
    out = run(["nope"], "{}")
    assert out.returncode == 2 and json.loads(out.stdout)["error"] == "unknown_wizard"


@pytest.mark.parametrize("wizard_id", sorted(WIZARDS))
def test_schema_documents_every_question(wizard_id):
    out = run([wizard_id, "--schema", "--lang", "nl"])
    schema = json.loads(out.stdout)
    assert set(schema["properties"]) == {q.id for q in WIZARDS[wizard_id].questions}
    assert schema["additionalProperties"] is False
