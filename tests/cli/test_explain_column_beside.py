"""`explain-column --beside-personal`: the third list, the columns beside declared ones (fix30c).

Reviewers who worked both low-confidence lists could not see the misses cnsnt makes at
medium or high confidence, most of them in a table where another column is personal:
they ran `explain-column 'TABLE.*'` by hand, a table at a time. The filter lists only the
columns of the tables in which the policy declares a column under a data entry (without
a policy: in which cnsnt calls one personal), and the fields of the forms in which it
declares a field. The schema, forms and policy are written here.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app

runner = CliRunner()
ENV = {"COLUMNS": "100", "NO_COLOR": "1"}

#: `members` has a declared column; `visits` is linked to members but the policy declares
#: none of its columns; `rooms` is about no one.
SCHEMA = """\
CREATE TABLE members (id INT PRIMARY KEY, full_name TEXT, email TEXT, status TEXT, flarn TEXT,
  created_at TIMESTAMP);
CREATE TABLE visits (id INT PRIMARY KEY, member_id INT REFERENCES members (id), room TEXT, mood TEXT);
CREATE TABLE rooms (id INT PRIMARY KEY, label TEXT, floor INT);
"""
POLICY = """\
cnsnt: 1
sources:
  schemas: [{path: s.sql, dialect: postgres}]
  forms: [{path: "forms/*.html"}]
data:
  contact:
    category: user.contact.email
    columns: [members.email]
    form_fields: [signup.email]
ignore: [members.flarn]
"""


def _project(root: Path, policy: bool = True) -> Path:
    (root / "forms").mkdir(parents=True)
    (root / "s.sql").write_text(SCHEMA, encoding="utf-8")
    (root / "forms" / "signup.html").write_text(
        '<form id="signup" method="post"><input name="full_name"><input type="email" name="email">'
        '<input name="colour"></form>\n',
        encoding="utf-8",
    )
    (root / "forms" / "feedback.html").write_text(
        '<form id="feedback" method="post"><input name="topic"><textarea name="body"></textarea></form>\n',
        encoding="utf-8",
    )
    if policy:
        (root / "cnsnt.yaml").write_text(POLICY, encoding="utf-8")
    return root


def run(*args: str):
    return runner.invoke(app, ["explain-column", *args], env=ENV, catch_exceptions=False)


def _csv(*args: str) -> list[dict[str, str]]:
    result = run(*args, "--format", "csv")
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def _table(column: str) -> str:
    return column.split(".")[0]


def test_only_the_tables_and_forms_with_a_declared_column_are_listed(tmp_path: Path) -> None:
    root = str(_project(tmp_path))
    every = _csv("*", root)
    assert {_table(r["column"]) for r in every} == {"members", "visits", "rooms", "signup", "feedback"}
    beside = _csv("*", root, "--beside-personal")
    # members (email declared) and the signup form (signup.email declared), every row of them,
    # in the whole list's order; visits, linked to people but with nothing declared, is not listed
    assert beside == [r for r in every if _table(r["column"]) in ("members", "signup")]
    text = run("*", root, "--beside-personal")
    assert text.exit_code == 0, text.output
    assert text.stdout.splitlines()[0].startswith("table 'members' describes people")
    assert "  members.status [s.sql:1]: " in text.stdout
    assert "visits." not in text.stdout and "rooms." not in text.stdout and "feedback." not in text.stdout
    assert "form 'signup': form fields, filled in by a person" in text.stdout


def test_with_undecided_it_lists_the_undecided_columns_beside_a_declared_one(tmp_path: Path) -> None:
    """The third list: what nobody has judged in those tables; a column under `ignore:` is judged."""
    root = str(_project(tmp_path))
    rows = _csv("*", root, "--undecided", "--beside-personal")
    columns = [r["column"] for r in rows]
    assert columns == [
        "members.id", "members.full_name", "members.status", "members.created_at",
        "signup.full_name", "signup.colour",
    ]  # not members.email (declared), members.flarn (under ignore:), signup.email (declared)
    left_out = _csv("*", root, "--undecided", "--verdict", "not-personal", "--beside-personal")
    assert [r["column"] for r in left_out] == [r["column"] for r in rows if r["personal"] == "false"]
    assert "members.status" in [r["column"] for r in left_out]
    # --confidence narrows it as it narrows the others
    high = _csv("*", root, "--undecided", "--beside-personal", "--confidence", "high")
    assert [r["column"] for r in high] == [r["column"] for r in rows if r["confidence"] == "high"]


def test_csv_and_json_list_the_same_rows(tmp_path: Path) -> None:
    root = str(_project(tmp_path))
    args = ("*", root, "--undecided", "--verdict", "not-personal", "--beside-personal")
    as_csv = _csv(*args)
    as_json = run(*args, "--format", "json")
    assert as_json.exit_code == 0, as_json.output
    listed = json.loads(as_json.stdout)
    assert [r["column"] for r in listed] == [r["column"] for r in as_csv] and as_csv
    assert all(_table(r["column"]) == "members" and r["personal"] is False for r in listed)


def test_without_a_policy_the_classifiers_personal_columns_choose_the_tables(tmp_path: Path) -> None:
    """Before init there is nothing declared: a table with a column cnsnt calls personal counts."""
    root = str(_project(tmp_path, policy=False))
    every = _csv("*", root)
    personal = {_table(r["column"]) for r in every if r["personal"] == "true" and "form '" not in r["table"]}
    assert "members" in personal and "rooms" not in personal
    beside = _csv("*", root, "--beside-personal")
    columns = [r for r in every if "form '" not in r["table"]]
    assert [r for r in beside if "form '" not in r["table"]] == [
        r for r in columns if _table(r["column"]) in personal
    ]
    # every form field is personal to cnsnt: without a policy no form is left out
    assert [r for r in beside if "form '" in r["table"]] == [r for r in every if "form '" in r["table"]]


def test_a_pattern_naming_no_table_beside_a_declared_one_says_so(tmp_path: Path) -> None:
    root = str(_project(tmp_path))
    result = run("rooms.*", root, "--beside-personal", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout == "column,location,personal,category,confidence,table,reason,type,comment,references,note\n"
    assert "--beside-personal lists nothing" in " ".join(result.stderr.split())
    # a table beside one, but no row of that verdict: the usual note names the filter
    none = run("members.*", root, "--beside-personal", "--undecided", "--verdict", "personal", "--confidence", "low")
    assert none.exit_code == 0 and none.stdout == ""
    assert "beside a personal one (--beside-personal) has that verdict" in " ".join(none.stderr.split())


def test_the_help_names_the_option_and_the_third_list() -> None:
    result = runner.invoke(app, ["explain-column", "--help"], env={**ENV, "COLUMNS": "200"})
    said = " ".join(result.stdout.split())
    assert "--beside-personal" in said
    assert "--undecided --verdict not-personal --beside-personal --format csv" in said
