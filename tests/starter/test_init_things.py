"""`cnsnt init` writes a form field that fills a column about a thing under `ignore:` (review26 D7).

On a fleet manager (TomTom86/portale) the starter listed a company car's engine size
(`cilindrata`), power (`kw`) and tyres as personal data "of kind unknown", ~180
fields burying the names and e-mails. Fixtures written for these tests: a `vehicles`
table and its form, a `users` table and a signup form.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.starter.run import draft_new

SCHEMA = """\
CREATE TABLE users (
  id integer PRIMARY KEY,
  email varchar(255) NOT NULL,
  full_name varchar(100),
  password_hash varchar(100)
);
CREATE TABLE vehicles (
  id integer PRIMARY KEY,
  engine_cc integer,
  kw integer,
  tyre_model varchar(20),
  fuel_type varchar(10),
  colour varchar(20)
);
"""
VEHICLE = """\
<form method="post" action="/vehicles">
  <input type="number" name="engine_cc">
  <input type="number" name="kw">
  <input type="text" name="tyre_model">
  <input type="text" name="fuel_type">
  <button type="submit">Save</button>
</form>
"""
# `colour` is named like a column of `vehicles` too, but no other field of the form is:
# a coincidence, not the form filling that table
SIGNUP = """\
<form method="post" action="/signup">
  <input type="email" name="email">
  <input type="text" name="full_name">
  <input type="password" name="password">
  <input type="text" name="colour">
  <button type="submit">Sign up</button>
</form>
"""
THINGS = ["vehicle.engine_cc", "vehicle.fuel_type", "vehicle.kw", "vehicle.tyre_model"]
DAY = dt.date(2026, 12, 4)


def _project(root: Path) -> None:
    (root / "templates").mkdir()
    (root / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    (root / "templates" / "vehicle.html").write_text(VEHICLE, encoding="utf-8")
    (root / "templates" / "signup.html").write_text(SIGNUP, encoding="utf-8")


def _policy(text: str) -> dict[str, Any]:
    loaded: dict[str, Any] = YAML(typ="safe").load(text)
    return loaded


def _form_fields(policy: dict[str, Any]) -> set[str]:
    return {f for d in policy["data"].values() for f in d.get("form_fields") or []}


def test_a_field_that_fills_a_column_about_a_thing_is_ignored_with_a_comment(tmp_path: Path) -> None:
    _project(tmp_path)
    draft = draft_new(tmp_path, today=DAY)
    policy = _policy(draft.text)
    assert policy["ignore"] == THINGS
    assert not _form_fields(policy) & set(THINGS)
    line = next(x for x in draft.text.splitlines() if x.lstrip().startswith("- vehicle.engine_cc"))
    assert "fills 'vehicles.engine_cc'" in line
    assert "about a thing, not a person: check, and move it to data: if it is someone's" in line
    assert "[templates/vehicle.html:2]" in line
    assert [f.key for f in draft.ignored] == THINGS
    assert draft.fields == 7  # the ignored fields are not counted as personal


def test_the_signup_forms_fields_stay_in_data(tmp_path: Path) -> None:
    _project(tmp_path)
    policy = _policy(draft_new(tmp_path, today=DAY).text)
    assert {"signup.email", "signup.full_name", "signup.password", "signup.colour"} <= _form_fields(policy)


def test_the_audit_reports_no_cn101_for_the_ignored_fields(tmp_path: Path) -> None:
    _project(tmp_path)
    (tmp_path / "cnsnt.yaml").write_text(draft_new(tmp_path, today=DAY).text, encoding="utf-8")
    result = CliRunner().invoke(app, ["audit", str(tmp_path / "cnsnt.yaml"), "--format", "json"])
    findings = json.loads(result.stdout)["findings"]
    assert not [f for f in findings if f["rule"] == "CN101"]
    assert not [f for f in findings if "vehicle." in json.dumps(f)]


def test_update_does_not_add_the_ignored_fields_again(tmp_path: Path) -> None:
    _project(tmp_path)
    text = draft_new(tmp_path, today=DAY).text
    (tmp_path / "cnsnt.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["init", "--update", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "cnsnt.yaml").read_text(encoding="utf-8") == text


def test_the_starter_is_the_same_on_every_run(tmp_path: Path) -> None:
    _project(tmp_path)
    assert draft_new(tmp_path, today=DAY).text == draft_new(tmp_path, today=DAY).text


def test_the_terminal_says_how_many_fields_went_under_ignore(tmp_path: Path) -> None:
    _project(tmp_path)
    result = CliRunner().invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "4 form fields fill a column cnsnt finds not personal" in result.output


def test_explain_column_says_init_writes_it_under_ignore(tmp_path: Path) -> None:
    _project(tmp_path)
    (tmp_path / "cnsnt.yaml").write_text(draft_new(tmp_path, today=DAY).text, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["explain-column", "vehicle.kw", "--policy", str(tmp_path / "cnsnt.yaml")]
    )
    assert "fills the column 'vehicles.kw'" in result.output, result.output
    assert "cnsnt init writes it under ignore:" in result.output


CONTACTS = """\
CREATE TABLE contacts (
  id integer PRIMARY KEY,
  first_name varchar(100),
  last_name varchar(100),
  email varchar(255),
  department varchar(100),
  nickname_colour varchar(20)
);
"""
CONTACT_FORM = """\
<form method="post" action="/contacts">
  <input type="text" name="first_name">
  <input type="email" name="email">
  <input type="text" name="department">
  <input type="text" name="nickname_colour">
</form>
"""


def test_a_field_that_fills_a_persons_own_row_stays_in_data(tmp_path: Path) -> None:
    """review27 D8: `contacts.department` is a column cnsnt cannot name in a table that
    describes people; its form field is the person's own, to be checked in `data:`, not
    hidden under `ignore:` where a user who keeps the starter never sees it again."""
    (tmp_path / "templates").mkdir()
    (tmp_path / "schema.sql").write_text(CONTACTS, encoding="utf-8")
    (tmp_path / "templates" / "contact_edit.html").write_text(CONTACT_FORM, encoding="utf-8")
    policy = _policy(draft_new(tmp_path, today=DAY).text)
    assert not policy.get("ignore")
    assert {"contact_edit.department", "contact_edit.nickname_colour"} <= _form_fields(policy)
    # explain-column says what init does with it, not that it goes under ignore:
    said = CliRunner().invoke(app, ["explain-column", "contact_edit.department", str(tmp_path)])
    assert said.exit_code == 0, said.output
    assert "verdict: personal" in said.stdout and "under ignore:" not in said.stdout
