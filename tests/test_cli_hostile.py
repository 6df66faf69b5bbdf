"""Both command lines on hostile files (tests/hostile/command_line.py): a message in the chosen language, exit 2,
never a traceback, and no file written or changed by a run that failed."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.hostile import command_line as hostile
from wizards.present.texts import t

LANGS = ("nl", "fr", "en")
# A locale that decodes standard input as strict UTF-8, as en_US.UTF-8 does.
STRICT = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}


def documents(args, stdin: bytes, env=None):
    return subprocess.run([sys.executable, "-m", "wizards.documents", *args], input=stdin, capture_output=True,
                          timeout=120, env=env)


def wizards(args, stdin: bytes, env=None):
    return subprocess.run([sys.executable, "-m", "wizards", *args], input=stdin, capture_output=True,
                          timeout=120, env=env)


def refused_in(out, lang: str, key: str) -> str:
    """The message printed on standard error; it must start as the text `key` does in `lang`."""
    err = out.stderr.decode("utf-8")
    assert out.returncode == 2, err
    assert "Traceback" not in err
    opening = t(lang, key, **{p: "\0" for p in ("detail", "path", "count", "document", "formats")}).split("\0")[0]
    assert err.startswith(opening), (err, opening)
    return err


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("make, detail", [
    (hostile.deep, "cli.too_deep"),
    (hostile.long_number, "cli.number_too_long"),
    (hostile.lone_surrogate_value, "cli.lone_surrogate"),
    (hostile.latin1_record, "cli.not_utf8"),
])
def test_documents_refuses_unreadable_input_in_the_chosen_language(tmp_path, lang, make, detail):
    target = tmp_path / "register.md"
    out = documents(["record", "--lang", lang, "-o", str(target)], make(), env=STRICT)
    err = refused_in(out, lang, "cli.documents_not_json")
    assert t(lang, detail, digits=15, position=0).split(" ")[0] in err
    assert list(tmp_path.iterdir()) == []  # no empty or partial file


def test_documents_reads_a_byte_order_mark_and_writes_the_file_whole(tmp_path):
    target = tmp_path / "register.md"
    out = documents(["record", "--lang", "nl", "-o", str(target)], hostile.bom_record())
    assert out.returncode == 0, out.stderr
    assert "Apotheek Café" in target.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["register.md"]


@pytest.mark.parametrize("lang", LANGS)
def test_documents_says_when_the_output_cannot_be_written(tmp_path, lang):
    for target in (tmp_path / "missing" / "register.md", tmp_path):  # no such folder; a folder, not a file
        err = refused_in(documents(["record", "--lang", lang, "-o", str(target)], hostile.record()), lang,
                         "cli.cannot_write")
        assert str(target) in err
    assert list(tmp_path.iterdir()) == []


def test_a_failed_run_leaves_an_existing_output_file_as_it_was(tmp_path):
    target = tmp_path / "register.md"
    target.write_text("the register of last week", encoding="utf-8")
    documents(["record", "-o", str(target)], hostile.lone_surrogate_value())
    assert target.read_text(encoding="utf-8") == "the register of last week"
    assert [p.name for p in tmp_path.iterdir()] == ["register.md"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("supplier", ["0", "3", "-1", "x", "9" * 5000])
def test_documents_refuses_a_supplier_the_record_does_not_list(lang, supplier):
    out = documents(["annexes", "--lang", lang, "--supplier", supplier], hostile.record())
    assert "2" in refused_in(out, lang, "cli.documents_supplier")
    assert out.stdout == b""


def test_documents_supplier_numbers_count_from_one():
    first = documents(["annexes", "--lang", "en", "--supplier", "1"], hostile.record())
    second = documents(["annexes", "--lang", "en", "--supplier", "2"], hostile.record())
    assert b"Boekhouder" in first.stdout and b"Webhost" not in first.stdout
    assert b"Webhost" in second.stdout


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rows", ["0", "3", "1,x", "1;2"])
def test_documents_refuses_rows_the_record_does_not_have(lang, rows):
    out = documents(["notice", "--lang", lang, "--activities", rows], hostile.record())
    refused_in(out, lang, "cli.documents_activities")


def test_documents_a_row_named_twice_is_one_row():
    once = documents(["notice", "--lang", "nl", "--activities", "1", "--date", "2026-12-01"], hostile.record())
    thrice = documents(["notice", "--lang", "nl", "--activities", "1,1,1", "--date", "2026-12-01"], hostile.record())
    assert once.returncode == thrice.returncode == 0
    assert thrice.stdout == once.stdout and once.stdout.count(b"Klantenkaart") >= 1


@pytest.mark.parametrize("lang", LANGS)
def test_documents_says_a_bad_format_in_the_chosen_language(lang):
    refused_in(documents(["notice", "--lang", lang, "--format", "pdf"], hostile.record()), lang,
               "cli.documents_format")


@pytest.mark.parametrize("make", [hostile.lone_surrogate_key, hostile.lone_surrogate_value, hostile.latin1_answers])
@pytest.mark.parametrize("lang", LANGS)
def test_wizards_refuses_text_that_is_no_text(lang, make):
    out = wizards(["dpo", "--lang", lang], make(), env=STRICT)
    assert out.returncode == 2 and b"Traceback" not in out.stderr, out.stderr
    error = json.loads(out.stdout.decode("utf-8"))
    assert error["error"] == "not_json"
    assert error["message"].startswith(t(lang, "error.not_json", detail="\0").split("\0")[0])


def test_wizards_names_a_huge_answer_without_echoing_it():
    out = wizards(["dpo", "--lang", "en"], hostile.huge_answer())
    error = json.loads(out.stdout)
    assert out.returncode == 2 and error["error"] == "unknown_option"
    assert len(out.stdout) + len(out.stderr) < 2000
    assert error["value"] == "x" * 60 + "…"


def test_wizards_reads_answers_that_start_with_a_byte_order_mark():
    out = wizards(["dpo", "--lang", "fr"], hostile.bom_answers())
    assert out.returncode == 0, out.stdout
    assert json.loads(out.stdout)["verdict"] == "required"


def test_the_script_writes_every_hostile_file(tmp_path):
    out = subprocess.run([sys.executable, "-m", "tests.hostile.command_line", str(tmp_path)], capture_output=True, timeout=120)
    assert out.returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(hostile.FILES)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("record", [
    {"activities": [{"special_data": "maybe"}]},
    {"role": "owner" * 10_000},
    {"colour": "red"},
    [],
])
def test_documents_says_what_is_wrong_with_the_record_in_the_chosen_language(lang, record):
    from wizards.documents.record import RecordError, normalise
    err = refused_in(documents(["record", "--lang", lang], json.dumps(record).encode()), lang, "cli.documents_bad_record")
    try:
        normalise(record)
    except RecordError as refusal:
        reason, english = refusal.message(lang), refusal.message("en")
    else:
        raise AssertionError("the record should be refused")
    # The reason itself is in the chosen language, not only its frame, and a long value is cut short.
    assert reason[:40] in err and len(err) < 400
    if lang != "en":
        assert reason != english


def test_documents_a_closed_pipe_gives_no_traceback():
    process = subprocess.Popen([sys.executable, "-m", "wizards.documents", "record", "--lang", "nl"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # like `| head -1` that stops reading
    _, err = process.communicate(hostile.record() * 1, timeout=60)
    assert b"Traceback" not in err and process.returncode == 0


def said(out, lang: str, prog: str, key: str, **params) -> None:
    """Exit 2, nothing on standard output, and on standard error exactly the text `key` and where to find help."""
    assert out.returncode == 2 and out.stdout == b"", out.stderr
    expected = t(lang, key, **params) + " " + t(lang, "cli.usage_help", prog=f"python -m {prog}") + "\n"
    assert out.stderr.decode("utf-8") == expected


@pytest.mark.parametrize("lang", LANGS)
def test_usage_errors_are_said_in_the_chosen_language_even_when_lang_comes_last(lang):
    # argparse's own errors ("unrecognized arguments", "invalid choice", "required") were English.
    said(wizards(["dpo", "--bogus", "--lang", lang], b"{}"), lang, "wizards", "cli.usage_unknown", words="--bogus")
    said(wizards(["dpo", f"--lang={lang}", "--schema", "x"], b""), lang, "wizards", "cli.usage_unknown", words="x")
    said(documents(["recordx", "--lang", lang], hostile.record()), lang, "wizards.documents", "cli.usage_choice",
         option="document", value="'recordx'", choices="'record', 'annexes', 'checklist', 'notice', 'check'")
    said(documents(["--lang", lang], hostile.record()), lang, "wizards.documents", "cli.usage_missing",
         names="document")
    said(documents(["record", "--lang", lang, "--format"], hostile.record()), lang, "wizards.documents",
         "cli.usage_no_value", option="--format")


def test_a_usage_error_with_an_unknown_lang_is_said_in_dutch():
    said(wizards(["--lang", "de"], b""), "nl", "wizards", "cli.usage_choice", option="--lang", value="'de'",
         choices="'nl', 'fr', 'en'")
