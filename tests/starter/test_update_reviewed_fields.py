"""Form fields in the unsure-list pass (review34 R34b D7).

Written here: a `members` table, a sign-up form whose unsure fields init declared, and a
contact form added since, which no entry declares. A reviewer found that `explain-column`
listed no form field (`'aidat-ekle.*'` was "no column matches", exit 2), and that a
reviewed `FORM.FIELD` row was "no column ... (renamed, dropped, or misspelt?)".
"""

from __future__ import annotations

import csv
import difflib
import io
import json
from pathlib import Path

import pytest

from cnsnt.cli import app
from cnsnt.errors import UsageError
from cnsnt.policy.loader import load_policy
from cnsnt.starter.splice_check import check_splice
from tests.starter.cli_run import ENV, run, runner

SCHEMA = """\
CREATE TABLE members (
  id INTEGER PRIMARY KEY,
  full_name VARCHAR(100),
  email VARCHAR(200)
);
"""

SIGNUP = """\
<form method="post" action="/signup">
  <label>Your name <input type="text" name="full_name"></label>
  <label>E-mail <input type="email" name="email"></label>
  <label>Favourite colour <input type="text" name="colour"></label>
  <label>Shoe size <input type="text" name="shoe"></label>
  <label>Your pet <input type="text" name="pet"></label>
  <label><input type="checkbox" name="newsletter"> Send me the newsletter</label>
  <button type="submit">Join</button>
</form>
"""

CONTACT = """\
<form method="post" action="/contact">
  <label>Topic <select name="topic"><option>Billing</option></select></label>
  <label>How did you hear of us? <input type="text" name="referral"></label>
</form>
<form method="get" action="/search"><input type="search" name="q"></form>
"""

#: Field lines as init writes them, and one a person wrote (`signup.pet`).
POLICY = """\
cnsnt: 1
sources:
  schemas: [{path: db/schema.sql}]
  forms: [{path: "templates/*.html"}]
purposes: {}
data:
  name:                                 # 2 fields found by cnsnt init
    label: Name
    category: user.name
    columns:
      - members.full_name               # name 'full_name' means a person's name (en) [db/schema.sql:3]
    form_fields:
      - signup.full_name                # name 'full_name' means a person's name (en) [templates/signup.html:2]
    purposes: []
  email:                                # 2 fields found by cnsnt init
    label: E-mail
    category: user.contact.email
    columns: [members.email]
    form_fields: [signup.email]
    purposes: []
  templates_form_input:                 # 3 fields found by cnsnt init
    label: What people enter in the forms
    category: user
    form_fields:
      - signup.colour                   # unsure, check: field 'colour' is filled in by a person; kind unknown [templates/signup.html:4]
      - signup.shoe                     # unsure, check: field 'shoe' is filled in by a person; kind unknown [templates/signup.html:5]
      - signup.pet                      # ours: the pet's name
    purposes: []
ignore: []
"""

FORM_HEADING = "form '{}': form fields, filled in by a person"


def project(root: Path, policy: str = POLICY, *, forms: bool = True) -> Path:
    (root / "db").mkdir(parents=True, exist_ok=True)
    (root / "db" / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / "signup.html").write_text(SIGNUP, encoding="utf-8")
    (root / "templates" / "contact.html").write_text(CONTACT, encoding="utf-8")
    if not forms:
        policy = policy.replace('  forms: [{path: "templates/*.html"}]\n', "")
    (root / "cnsnt.yaml").write_text(policy, encoding="utf-8")
    return root / "cnsnt.yaml"


def test_a_pattern_lists_the_fields_a_person_fills_in_after_the_columns_whose_rows_stay_as_they_were(
    tmp_path: Path,
) -> None:
    project(tmp_path / "columns", forms=False)
    project(tmp_path / "both")
    alone = run("explain-column", "*", str(tmp_path / "columns"), "--format", "csv")
    both = run("explain-column", "*", str(tmp_path / "both"), "--format", "csv")
    assert alone.exit_code == 0 and both.exit_code == 0, both.stderr
    # the header and every column's row, byte for byte; then the fields
    assert both.stdout.startswith(alone.stdout)
    rows = list(csv.DictReader(io.StringIO(both.stdout)))
    fields = [r for r in rows if r["table"].startswith("form ")]
    assert rows[3:] == fields  # members.id, .full_name, .email, then the fields
    # no consent control, button or search box: CN101 never asks to declare them
    assert [r["column"] for r in fields] == [
        "contact.topic", "contact.referral",
        "signup.full_name", "signup.email", "signup.colour", "signup.shoe", "signup.pet",
    ]
    colour = next(r for r in fields if r["column"] == "signup.colour")
    assert colour == {
        "column": "signup.colour",
        "location": "templates/signup.html:4:27",
        "personal": "true",
        "category": "",
        "confidence": "low",
        "table": FORM_HEADING.format("signup"),
        "reason": "field 'colour' is filled in by a person; kind unknown; label 'Favourite colour'",
        "type": "text",  # its control
        "comment": "Favourite colour",  # its label
        "references": "",
        "note": "",  # the reviewer's
    }
    # the verdict a single explain-column gives the field
    single = run("explain-column", "signup.colour", str(tmp_path / "both")).stdout
    assert "verdict: personal, kind unknown (low confidence)" in single
    assert "because field 'colour' is filled in by a person; kind unknown" in single
    email = next(r for r in fields if r["column"] == "signup.email")
    assert (email["category"], email["confidence"]) == ("user.contact.email", "high")
    # JSON: the same rows and keys
    listed = json.loads(run("explain-column", "*", str(tmp_path / "both"), "--format", "json").stdout)
    assert [r["column"] for r in listed][3:] == [r["column"] for r in fields]
    assert list(listed[-1]) == [
        "column", "location", "personal", "category", "confidence", "table", "reason", "type", "comment",
        "references", "note",
    ]
    assert listed[-1]["table"] == FORM_HEADING.format("signup") and listed[-1]["personal"] is True
    # text: each form under a heading that says its rows are form fields, after the tables
    text = run("explain-column", "*", str(tmp_path / "both")).stdout.splitlines()
    assert text.index(FORM_HEADING.format("contact")) > text.index(
        "table 'members' describes people: its name 'members' says it is about people"
    )
    assert "  contact.referral [templates/contact.html:3]: personal, user (low) because field 'referral' is " \
        "filled in by a person; kind unknown; label 'How did you hear of us?'" in text


def test_a_pattern_that_names_only_form_fields_lists_them(tmp_path: Path) -> None:
    project(tmp_path)
    result = run("explain-column", "contact.*", str(tmp_path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert [row.split(",", 1)[0] for row in result.stdout.splitlines()[1:]] == ["contact.topic", "contact.referral"]
    assert result.stderr == ""  # a search form left out (a CN001 info) hides no field
    none = run("explain-column", "contact.*", str(tmp_path), "--verdict", "not-personal")
    assert none.exit_code == 0
    assert "none of the 2 form fields 'contact.*' names has that verdict" in none.stderr
    missing = runner.invoke(app, ["explain-column", "nothing.*", str(tmp_path)], env=ENV)
    assert missing.exit_code == 2
    assert "no column or form field matches 'nothing.*'" in missing.output
    assert "(1 table read, 2 forms)" in missing.output


def test_undecided_leaves_out_the_fields_the_policy_decides(tmp_path: Path) -> None:
    project(tmp_path, POLICY.replace("ignore: []", "ignore: [contact.topic]"))
    result = run("explain-column", "*", str(tmp_path), "--undecided", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    # declared (signup.*), ignored (contact.topic): only contact.referral is still to judge, and
    # the fields init declared as a question (`# unsure, check: ...`), which nobody answered yet
    assert [row.split(",", 1)[0] for row in result.stdout.splitlines()[1:]] == [
        "members.id", "contact.referral", "signup.colour", "signup.shoe"
    ]


REVIEW = """\
column,personal,category
contact.topic,false,
contact.referral,true,
signup.colour,false,
signup.shoe,true,user.demographic.profile
signup.pet,false,
signup.newsletter,false,
signup.nothing,true,
"""


def test_reviewed_form_field_rows_go_into_form_fields_and_under_ignore(tmp_path: Path) -> None:
    policy = project(tmp_path)
    (tmp_path / "review.csv").write_text(REVIEW, encoding="utf-8")
    before = policy.read_text(encoding="utf-8")
    result = run("init", "--update", "--reviewed", str(tmp_path / "review.csv"), str(tmp_path))
    assert result.exit_code == 0, result.stderr
    after = policy.read_text(encoding="utf-8")
    diff = list(difflib.ndiff(before.splitlines(keepends=True), after.splitlines(keepends=True)))
    gone = [line[2:] for line in diff if line.startswith("- ")]
    # init's two lines the answers move, and the header whose count they change; nothing else
    assert [line.split("#")[0].strip() for line in gone] == [
        "templates_form_input:", "- signup.colour", "- signup.shoe", "ignore: []"
    ]
    assert "  templates_form_input:                 # 1 field found by cnsnt init, 1 field marked personal " \
        "in review.csv\n" in after
    # true: into the open entry of its kind (fields of no known kind: the forms' folder's), as init files one
    assert "      - signup.pet                      # ours: the pet's name\n" \
        "      - contact.referral                # added by cnsnt init --update; marked personal in " \
        "review.csv:3; cnsnt said: personal (low) because field 'referral' is filled in by a person; kind " \
        "unknown [templates/contact.html:3]\n" in after
    # false: under ignore:, with the row that decided (and the entry init had put it in)
    assert after.endswith(
        "ignore: [\n"
        + "  contact.topic,".ljust(40) + "# marked not personal in review.csv:2\n"
        + "  signup.colour,".ljust(40) + "# marked not personal in review.csv:4; was in data entry "
        "templates_form_input\n]\n"
    )
    loaded = load_policy(policy)
    assert loaded.data["templates_form_input"].form_fields == ("signup.pet", "contact.referral")
    shoe = next(d for d in loaded.data.values() if "signup.shoe" in d.form_fields)
    assert shoe.category == "user.demographic.profile"
    assert loaded.ignore == ("contact.topic", "signup.colour")
    err = result.stderr
    assert err.count("misspelt") == 1  # the row that names nothing; never a field the sources hold
    assert "warning: review.csv:8: no column or form field signup.nothing in the sources (renamed, dropped, " \
        "or misspelt?): not applied" in err
    assert "warning: review.csv:7: signup.newsletter is a form control a person does not fill in (consent), " \
        "which the audit does not ask to declare: not applied" in err
    assert "review.csv:4: signup.colour moved from data entry templates_form_input, where cnsnt init had put " \
        "it, under ignore:" in err
    assert "review.csv:6: signup.pet is marked not personal but declared in data entry templates_form_input: " \
        "remove it by hand" in err
    # each row once: signup.shoe was declared already, on init's line, and is re-filed (trial30 H#1)
    assert "review.csv: 7 rows reviewed: 1 newly declared personal, 1 re-filed under another category, 2 put " \
        "under ignore:, 1 to change by hand (each said above), 1 not found in the sources, 1 not a field a " \
        "person fills in\n" in err
    # the list shrinks: nothing of the contact form is left to judge
    undecided = run("explain-column", "*", str(tmp_path), "--undecided", "--format", "csv").stdout
    assert "contact." not in undecided
    again = run("init", "--update", "--reviewed", str(tmp_path / "review.csv"), str(tmp_path))
    assert again.exit_code == 0 and policy.read_text(encoding="utf-8") == after


def test_a_field_row_that_names_a_form_and_a_column_alike_is_read_as_the_column(tmp_path: Path) -> None:
    """As explain-column reads a name: the column first (a `signup` table beside a `signup` form)."""
    policy = project(tmp_path)
    schema = tmp_path / "db" / "schema.sql"
    schema.write_text(SCHEMA + "CREATE TABLE signup (id INTEGER PRIMARY KEY, topic VARCHAR(10));\n")
    (tmp_path / "review.csv").write_text("column,personal\nsignup.topic,false\n", encoding="utf-8")
    result = run("init", "--update", "--reviewed", str(tmp_path / "review.csv"), str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert "signup.topic" in load_policy(policy).ignore


def test_the_read_back_check_covers_a_form_field_taken_off_a_line() -> None:
    before = (
        "data:\n  things:\n    category: user\n    form_fields:\n      - a.b\n      - a.c\n    purposes: []\n"
        "ignore: []\n"
    )
    after = before.replace("      - a.b\n", "").replace("ignore: []", "ignore: [a.b]")
    check_splice(before, after, "cnsnt.yaml", ignored=["a.b"], removed={"things": {"form_fields": ["a.b"]}})
    with pytest.raises(UsageError, match="adding to data entry things"):
        check_splice(before, after, "cnsnt.yaml", ignored=["a.b"], removed={"things": {"columns": ["a.b"]}})
    with pytest.raises(UsageError, match="adding to ignore:"):
        check_splice(before, after, "cnsnt.yaml", removed={"things": {"form_fields": ["a.b"]}})


def test_a_note_for_an_ignore_in_another_file_names_fields_and_a_pattern_as_ignore_takes_them() -> None:
    """A pattern row's `*` is the reviewer's wildcard: written as given, not escaped as a name's."""
    from cnsnt.starter.review_marks import Marked, ReviewOutcome
    from cnsnt.starter.review_notes import review_notes
    from cnsnt.starter.reviewed import Review

    outcome = ReviewOutcome(
        "review.csv",
        added_fields=("contact.referral",),
        left=(
            Marked("contact.topic", Review("contact.topic", False, None, "review.csv:2"), field=True),
            Marked("*.creazione", Review("*.creazione", False, None, "review.csv:3"), pattern=True),
        ),
        elsewhere="policy/other.yaml",
        rows=("review.csv:2", "review.csv:3", "review.csv:4"),
        declared_rows=("review.csv:4",),
        ignored_rows=("review.csv:2", "review.csv:3"),
    )
    assert review_notes(outcome) == [
        "2 columns and form fields marked not personal not added: ignore: is in policy/other.yaml, which "
        'cnsnt init --update does not edit; add there: contact.topic, "*.creazione"',
        "review.csv: 3 rows reviewed: 1 newly declared personal, 2 to change by hand (each said above)",
    ]
