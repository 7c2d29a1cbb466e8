"""A line break in a form field's name never makes a line of its own on a terminal (codereview29 F7).

A page chooses its fields' names: `<input name="a&#10;b: !!str c">` is the name `a`, a
line feed, `b: !!str c`. `explain-column`'s text rows and the notes of `init --update
--reviewed` are one line each, so such a name printed a forged second line. They show the
break as `\\n` (a line or paragraph separator as `\\u2028`, `\\u2029`); CSV and JSON keep the
name exact. The form is written here.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.textsafe import printable

runner = CliRunner()
ENV = {"COLUMNS": "400", "NO_COLOR": "1"}
FORM = (
    '<form action="/x" method="post">\n'
    '<input name="a&#10;b: !!str c"><input name="d&#x2028;e"><input name="g&#x2029;h"><input name="email">\n'
    "</form>\n"
)
NAMES = ("a\nb: !!str c", "d\u2028e", "g\u2029h", "email")


def run(*args: str):
    return runner.invoke(app, list(args), env=ENV, catch_exceptions=False)


def _project(root: Path) -> Path:
    (root / "forms").mkdir(parents=True)
    (root / "forms" / "f.html").write_text(FORM, encoding="utf-8")
    assert run("init", str(root)).exit_code == 0
    return root


def test_a_line_that_must_stay_one_shows_its_breaks_as_escapes() -> None:
    assert printable("a\nb\u2028c\u2029d\re\x85f\tg", lines=False) == "a\\nb\\u2028c\\u2029d\\x0de\\x85f\tg"
    assert printable("a\nb") == "a\nb"  # a report's text keeps its lines


def test_explain_column_text_gives_one_line_a_field(tmp_path: Path) -> None:
    root = _project(tmp_path)
    result = run("explain-column", "*", str(root))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("form 'f'")
    assert [line.split(" [", 1)[0] for line in lines[1:]] == [
        "  f.a\\nb: !!str c",
        "  f.d\\u2028e",
        "  f.g\\u2029h",
        "  f.email",
    ]
    one = run("explain-column", "f.a\nb: !!str c", str(root))
    assert one.exit_code == 0, one.stderr
    shown = one.stdout.splitlines()
    assert shown[0].startswith("f.a\\nb: !!str c (forms/f.html:2:")
    assert all(line.startswith("  ") for line in shown[1:]), shown


def test_csv_and_json_keep_the_name_exact(tmp_path: Path) -> None:
    root = _project(tmp_path)
    as_csv = run("explain-column", "*", str(root), "--format", "csv").stdout
    assert [row["column"] for row in csv.DictReader(io.StringIO(as_csv))] == [f"f.{n}" for n in NAMES]
    as_json = run("explain-column", "*", str(root), "--format", "json").stdout
    assert [row["column"] for row in json.loads(as_json)] == [f"f.{n}" for n in NAMES]


def test_reviewed_notes_give_one_line_a_row(tmp_path: Path) -> None:
    root = _project(tmp_path)
    rows = list(csv.reader(io.StringIO(run("explain-column", "*", str(root), "--format", "csv").stdout)))
    for row in rows[1:]:
        row[2] = "false"  # each field init declared: a note each, naming it
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    (root / "review.csv").write_text(out.getvalue(), encoding="utf-8")
    result = run("init", str(root), "--update", "--reviewed", str(root / "review.csv"))
    assert result.exit_code == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if not line.startswith(f"{root}")]
    named = [line for line in notes if line.startswith("review.csv:") and " f." in line]
    # one note or more a field (moved, an emptied init entry removed...), each naming it on its line
    assert {line.split(" f.", 1)[1].split(" ", 1)[0] for line in named} >= {"email", "d\\u2028e", "g\\u2029h"}, notes
    assert any(" f.a\\nb: !!str c " in line for line in named)
    assert any(" f.d\\u2028e " in line for line in named) and any(" f.g\\u2029h " in line for line in named)
    assert not [line for line in notes if line.startswith(("b: !!str c", "e ", "h "))], notes


def test_a_refused_reviewed_list_quotes_a_name_on_one_line(tmp_path: Path) -> None:
    root = _project(tmp_path)
    rows = list(csv.reader(io.StringIO(run("explain-column", "*", str(root), "--format", "csv").stdout)))
    twice = [rows[0], rows[1], [*rows[1][:2], "false", *rows[1][3:]]]  # one field, two answers
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(twice)
    (root / "review.csv").write_text(out.getvalue(), encoding="utf-8")
    result = run("init", str(root), "--update", "--reviewed", str(root / "review.csv"))
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    assert "'f.a\\nb: !!str c' is marked not personal here but personal (user.contact.address.street) at review.csv:2" in said, said
    assert not [line for line in result.stderr.splitlines() if line.startswith("b: !!str c")]
