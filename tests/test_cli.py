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


def test_json_error_is_said_in_the_chosen_language():
    for lang, words in (("nl", ("regel", "kolom")), ("fr", ("ligne", "colonne")), ("en", ("line", "column"))):
        out = run(["dpo", "--lang", lang], '{"public_body": }')
        error = json.loads(out.stdout)
        assert error["error"] == "not_json" and (error["line"], error["column"]) == (1, 17)
        assert all(w in error["message"] for w in words)
        # Python's own English reason ("Expecting value") is not passed on into a Dutch or French message.
        assert "Expecting" not in error["message"]


def test_unknown_wizard_lists_the_valid_ones_and_the_closest():
    out = run(["dpoo", "--lang", "nl"], "{}")
    error = json.loads(out.stdout)
    assert out.returncode == 2 and error["known"] == list(WIZARDS) and error["suggestion"] == "dpo"
    assert all(w in error["message"] for w in WIZARDS) and "dpo?" in error["message"]


def test_misspelled_question_gets_a_suggestion():
    out = run(["dpo", "--lang", "en"], '{"public_bdy": "no"}')
    error = json.loads(out.stdout)
    assert error["error"] == "unknown_question" and error["suggestion"] == "public_body"
    assert "Did you mean public_body?" in error["message"]
    # Nothing close: no made-up suggestion.
    assert "suggestion" not in json.loads(run(["dpo"], '{"zzzzzz": "no"}').stdout)


@pytest.mark.parametrize("stdin", ['{"employees": ' + "9" * 5000 + "}", "[" * 100_000, "", "  \n"])
def test_odd_input_is_refused_without_a_traceback(stdin):
    out = run(["register", "--lang", "fr"], stdin)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert json.loads(out.stdout)["error"] in {"not_json", "no_input"}


def test_schema_is_in_one_language():
    nl = json.loads(run(["dpo", "--schema"]).stdout)  # no --lang: Dutch, the default, throughout
    en = json.loads(run(["dpo", "--schema", "--lang", "en"]).stdout)
    assert nl["title"] != en["title"] and nl["description"] != en["description"]
    assert "wizard" in nl["title"] and "Answers" not in nl["title"] and "Only the questions" not in nl["description"]
    assert nl["properties"]["public_body"]["description"] != en["properties"]["public_body"]["description"]


def test_on_a_terminal_it_says_what_it_waits_for():
    import os
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "wizards", "dpo", "--lang", "nl"], stdin=follower,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    os.close(follower)
    try:
        os.write(leader, b'{"public_body": "yes"}\n\x04')  # Ctrl+D ends the input on a terminal
        out, err = process.communicate(timeout=60)
    finally:
        os.close(leader)
    assert "Ctrl+D" in err and "JSON" in err
    assert process.returncode == 0 and json.loads(out)["verdict"] == "required"


def test_a_closed_pipe_gives_no_traceback():
    process = subprocess.Popen([sys.executable, "-m", "wizards", "dpo", "--schema"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    process.stdout.close()  # like `| head -1` that stops reading
    assert "Traceback" not in process.communicate(timeout=60)[1].decode()
