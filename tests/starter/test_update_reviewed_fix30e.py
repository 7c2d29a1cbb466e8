"""One datum, one answer: a column and the form field init filed with it move together (fix30e).

1. A row that moves a column (another category, or `false` to `ignore:`) takes along the form
   field init filed with it (review36 R36a D6); a row on the field takes its column when that
   is as simple; a line a person edited stays, said.
2. A refusal names its real reason, not "a person has edited" (review36 R36b D4).
3. A `true` pattern row declares no column cnsnt reads as a key (fix30b's report).
4. The first line says what a list that added no field wrote (`3 items put under ignore:`).

Written here: a clinic's `patients` table whose `locker_code` init files as health data (a
column of a health-record table) and whose `tax_ref` it files as another system's id, each
with the intake form's field of that name ("filed with it"), and a `visits` table of keys and
complaints.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from cnsnt.classify.classifier import _WHY
from cnsnt.errors import UsageError
from cnsnt.policy.loader import load_policy
from cnsnt.starter import run as starter_run
from cnsnt.starter.key_columns import IDENTIFIER
from cnsnt.starter.run import draft_update
from tests.starter.cli_run import review_file as review
from tests.starter.cli_run import reviewed as update
from tests.starter.cli_run import run

CLINIC = """\
CREATE TABLE patients (
  id INTEGER PRIMARY KEY,
  given_name VARCHAR(80),
  allergies TEXT,
  diagnosis TEXT,
  medication TEXT,
  tax_ref VARCHAR(20),
  locker_code VARCHAR(8)
);
"""
INTAKE = """\
<form method="post" action="/intake">
  <input name="given_name">
  <input name="tax_ref">
  <input name="locker_code">
  <textarea name="allergies"></textarea>
</form>
"""
#: A second form with a `tax_ref`: two fields filed with one column.
RENEWAL = """\
<form method="post" action="/renewal">
  <input name="tax_ref">
</form>
"""
VISITS = """\
CREATE TABLE patients (
  id INTEGER PRIMARY KEY,
  full_name VARCHAR(120)
);
CREATE TABLE rooms (
  id INTEGER PRIMARY KEY,
  label VARCHAR(20)
);
CREATE TABLE visits (
  visit_id INTEGER PRIMARY KEY,
  patient_id INTEGER REFERENCES patients(id),
  room_id INTEGER,
  complaint TEXT,
  triage_colour VARCHAR(10)
);
"""
ID = "user.government_id.national_identification_number"


def started(root: Path, schema: str = CLINIC, **forms: str) -> Path:
    """A project with the starter policy `cnsnt init` writes for `schema` and its forms."""
    (root / "db").mkdir(parents=True)
    (root / "templates").mkdir()
    (root / "db" / "schema.sql").write_text(schema, encoding="utf-8")
    for name, text in (forms or {"intake": INTAKE}).items():
        (root / "templates" / f"{name}.html").write_text(text, encoding="utf-8")
    result = run("init", str(root))
    assert result.exit_code == 0, result.stderr
    return root / "cnsnt.yaml"


def entry_of(policy: Path, key: str) -> list[str]:
    """The data entries that declare `key` (a column or a form field), by name."""
    loaded = load_policy(policy)
    return [name for name, d in loaded.data.items() if key in (*d.columns, *d.form_fields)]


def line_of(text: str, item: str) -> str:
    return next(x for x in text.splitlines() if x.lstrip().startswith(f"- {item} "))


def test_the_starter_files_each_field_with_its_column(tmp_path: Path) -> None:
    policy = started(tmp_path)
    text = policy.read_text(encoding="utf-8")
    assert entry_of(policy, "patients.locker_code") == entry_of(policy, "intake.locker_code") == ["health"]
    assert entry_of(policy, "patients.tax_ref") == entry_of(policy, "intake.tax_ref") == ["unique_id"]
    assert "fills the column 'patients.locker_code' (the only column of the schema named like it): filed with it" in (
        line_of(text, "intake.locker_code")
    )


# --- 1. a column's row takes the field init filed with it -------------------------------------


def test_a_category_on_the_column_takes_its_field_into_the_new_entry(tmp_path: Path) -> None:
    """R36a D6: the column went to the national id's entry, its field stayed under health data."""
    policy = started(tmp_path)
    result = update(tmp_path, review(tmp_path, f"column,personal,category\npatients.locker_code,true,{ID}\n"))
    assert entry_of(policy, "patients.locker_code") == entry_of(policy, "intake.locker_code") == [
        "national_identification_number"
    ]
    assert entry_of(policy, "intake.allergies") == ["health"]  # filed by its own kind: stays
    assert (
        "review.csv:2: patients.locker_code moved from data entry health, where cnsnt init had put it, into data "
        f"entry national_identification_number ({ID}), and with it the form field intake.locker_code, which "
        "init filed with it"
    ) in result.stderr.splitlines()
    assert result.stderr.splitlines()[0].startswith(
        "cnsnt init: 0 new personal fields and 2 re-filed under another category, in 1 data entry"
    )
    assert "review.csv: 1 row reviewed: 1 re-filed under another category" in result.stderr
    # the field's comment still names its column: a later row on the column takes it again
    field = line_of(policy.read_text(encoding="utf-8"), "intake.locker_code")
    assert "# marked personal in review.csv:2; cnsnt said: personal (low) because field 'locker_code' is " \
        "filled in by a person; kind unknown; fills the column 'patients.locker_code'" in field
    later = update(tmp_path, review(tmp_path, "column,personal\npatients.locker_code,false\n", "later.csv"))
    assert load_policy(policy).ignore == ("patients.locker_code", "intake.locker_code")
    assert "removed data entry national_identification_number, which cnsnt wrote; its fields " \
        "patients.locker_code, intake.locker_code were all moved" in later.stderr


def test_a_false_on_the_column_puts_its_field_under_ignore_too(tmp_path: Path) -> None:
    policy = started(tmp_path)
    before = policy.read_text(encoding="utf-8")
    result = update(tmp_path, review(tmp_path, "column,personal\npatients.locker_code,false\n"))
    loaded = load_policy(policy)
    assert loaded.ignore == ("patients.locker_code", "intake.locker_code")
    assert entry_of(policy, "intake.locker_code") == []
    assert "patients.locker_code" not in loaded.data["health"].columns
    assert "patients.allergies" in loaded.data["health"].columns
    after = policy.read_text(encoding="utf-8")
    assert "# marked not personal in review.csv:2; was in data entry health, with the column patients.locker_code" in (
        after
    )
    assert "and with it the form field intake.locker_code, which init filed with it" in result.stderr
    assert result.stderr.splitlines()[0].startswith("cnsnt init: 2 items put under ignore:, written to ")
    # only the two lines went, and the header's count
    gone = [d[2:] for d in difflib.ndiff(before.splitlines(True), after.splitlines(True)) if d.startswith("- ")]
    assert [x.split("#")[0].strip() for x in gone] == [
        "health:", "- patients.locker_code", "- intake.locker_code", "ignore: []"
    ]


def test_the_fields_own_row_changed_answers_it(tmp_path: Path) -> None:
    """A row of the field's own that the reviewer changed wins: the field goes its own way."""
    policy = started(tmp_path)
    update(tmp_path, review(
        tmp_path, f"column,personal,category\npatients.locker_code,true,{ID}\nintake.locker_code,false,\n"
    ))
    assert entry_of(policy, "patients.locker_code") == ["national_identification_number"]
    assert "intake.locker_code" in load_policy(policy).ignore


def test_the_fields_row_left_as_written_follows_the_column(tmp_path: Path) -> None:
    """The list as explain-column writes it, the column's category changed: the field's `true` row stays."""
    policy = started(tmp_path)
    listing = run("explain-column", "*", "--undecided", "--verdict", "personal", "--confidence", "low",
                  "--format", "csv", str(tmp_path)).stdout
    assert "\nintake.locker_code," in listing
    edited = re.sub(r"(patients\.locker_code,db/schema\.sql:\d+:3,true,)user\.health,", rf"\g<1>{ID},", listing)
    assert edited != listing
    result = update(tmp_path, review(tmp_path, edited))
    assert entry_of(policy, "intake.locker_code") == ["national_identification_number"]
    assert "by hand" not in result.stderr


def test_a_field_line_a_person_edited_stays_and_is_said(tmp_path: Path) -> None:
    policy = started(tmp_path)
    text = policy.read_text(encoding="utf-8")
    line = line_of(text, "intake.locker_code")
    # a person's words after init's (`unsure, check` gone): the line is theirs, never moved
    mine = line.replace("# unsure, check: ", "# ") + "; Ana: the locker key"
    policy.write_text(text.replace(line, mine), encoding="utf-8")
    result = update(tmp_path, review(tmp_path, f"column,personal,category\npatients.locker_code,true,{ID}\n"))
    assert entry_of(policy, "patients.locker_code") == ["national_identification_number"]
    assert entry_of(policy, "intake.locker_code") == ["health"]
    said = [x for x in result.stderr.splitlines() if "stays" in x]
    assert said and said[0].startswith(
        "review.csv:2: patients.locker_code moved, but the form field intake.locker_code init filed with it stays "
        "in data entry health: a person edited its line; move line "
    )
    assert said[0].endswith("`- intake.locker_code` into entry national_identification_number by hand if it is one datum")
    assert "1 to change by hand (each said above)" in result.stderr


def test_a_row_on_the_field_takes_its_column_when_it_is_the_only_field_filed_with_it(tmp_path: Path) -> None:
    policy = started(tmp_path)
    result = update(tmp_path, review(tmp_path, f"column,personal,category\nintake.tax_ref,true,{ID}\n"))
    assert entry_of(policy, "intake.tax_ref") == entry_of(policy, "patients.tax_ref") == [
        "national_identification_number"
    ]
    assert "unique_id" not in load_policy(policy).data  # init's entry, emptied, goes
    assert "and with it the column patients.tax_ref, which it fills" in result.stderr
    column = line_of(policy.read_text(encoding="utf-8"), "patients.tax_ref")
    assert "filled by the form field 'intake.tax_ref': filed with it" in column


def test_a_row_on_one_of_two_fields_filed_with_a_column_leaves_the_column_and_says_why(tmp_path: Path) -> None:
    policy = started(tmp_path, intake=INTAKE, renewal=RENEWAL)
    assert sorted(entry_of(policy, "renewal.tax_ref") + entry_of(policy, "intake.tax_ref")) == ["unique_id"] * 2
    result = update(tmp_path, review(tmp_path, "column,personal\nintake.tax_ref,false\n"))
    assert "intake.tax_ref" in load_policy(policy).ignore
    assert entry_of(policy, "patients.tax_ref") == ["unique_id"]
    assert (
        "review.csv:2: intake.tax_ref moved, but the column patients.tax_ref it fills stays in data entry unique_id: "
        "other form fields are filed with it too; add patients.tax_ref under ignore: and remove line "
    ) in result.stderr


def test_the_read_back_check_still_guards_a_field_moved_with_its_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A splice that took the next line too is refused, nothing written."""
    policy = started(tmp_path)
    drop = starter_run.drop_lines

    def greedy(text, rows, unignored=()):  # type: ignore[no-untyped-def]
        return drop(text, [*rows, max(rows) + 1], unignored)

    monkeypatch.setattr(starter_run, "drop_lines", greedy)
    before = policy.read_text(encoding="utf-8")
    with pytest.raises(UsageError, match="not written: "):
        draft_update(policy, reviewed=review(tmp_path, "column,personal\npatients.locker_code,false\n"))
    assert policy.read_text(encoding="utf-8") == before


# --- 2. the real reason -----------------------------------------------------------------------


def test_an_untouched_entry_of_a_column_and_its_field_both_move_no_person_blamed(tmp_path: Path) -> None:
    """R36b D4: "which a person has edited" when nobody had; the entry also held the field."""
    policy = started(tmp_path)
    result = update(tmp_path, review(tmp_path, "column,personal,category\npatients.tax_ref,true,user.financial\n"))
    assert "a person" not in result.stderr and "by hand" not in result.stderr
    assert "unique_id" not in load_policy(policy).data
    assert entry_of(policy, "patients.tax_ref") == entry_of(policy, "intake.tax_ref") == ["financial"]
    assert "review.csv:2: removed data entry unique_id, which init wrote; its fields patients.tax_ref, " \
        "intake.tax_ref were all moved" in result.stderr.splitlines()


def test_the_policys_only_entry_is_said_so_not_blamed_on_a_person(tmp_path: Path) -> None:
    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "schema.sql").write_text(
        "CREATE TABLE patients (\n  id INTEGER PRIMARY KEY,\n  locker_code VARCHAR(8)\n);\n", encoding="utf-8"
    )
    assert run("init", str(tmp_path)).exit_code == 0
    policy = tmp_path / "cnsnt.yaml"
    (only,) = list(load_policy(policy).data)
    result = update(tmp_path, review(tmp_path, "column,personal\npatients.locker_code,false\n"))
    assert (
        f"review.csv:2: patients.locker_code is the only column of data entry {only}, the policy's only data entry, "
        f"which cnsnt does not remove: left there; add patients.locker_code under ignore: and remove entry {only}"
    ) in result.stderr.splitlines()
    assert "a person" not in result.stderr


# --- 3. a pattern row's true spares keys ------------------------------------------------------


def test_a_true_pattern_row_declares_no_key(tmp_path: Path) -> None:
    policy = started(tmp_path, VISITS, visit="<form method=\"post\"><input name=\"full_name\"></form>\n")
    result = update(tmp_path, review(tmp_path, "column,personal,category\nvisits.*,true,user.health\n"))
    health = load_policy(policy).data["health"].columns
    assert {"visits.complaint", "visits.triage_colour"} <= set(health)
    declared = {c for d in load_policy(policy).data.values() for c in d.columns}
    assert not {"visits.visit_id", "visits.patient_id", "visits.room_id"} & declared
    assert (
        "review.csv:2: visits.* left out 3 columns cnsnt reads as keys (visits.visit_id, visits.patient_id, "
        "visits.room_id): a pattern row's true declares no key; give a key a row of its own, marked true, to "
        "declare it"
    ) in result.stderr.splitlines()


def test_a_keys_own_row_changed_to_true_still_declares_it(tmp_path: Path) -> None:
    policy = started(tmp_path, VISITS, visit="<form method=\"post\"><input name=\"full_name\"></form>\n")
    result = update(tmp_path, review(
        tmp_path, "column,personal,category\nvisits.*,true,user.health\nvisits.patient_id,true,\n"
    ))
    declared = {c for d in load_policy(policy).data.values() for c in d.columns}
    assert "visits.patient_id" in declared and "visits.visit_id" not in declared
    assert "left out 2 columns cnsnt reads as keys (visits.visit_id, visits.room_id)" in result.stderr


def test_a_pattern_of_keys_alone_is_said_not_called_a_pattern_matching_nothing(tmp_path: Path) -> None:
    policy = started(tmp_path, VISITS, visit="<form method=\"post\"><input name=\"full_name\"></form>\n")
    before = policy.read_text(encoding="utf-8")
    result = update(tmp_path, review(tmp_path, "column,personal\nvisits.*_id,true\n"))
    assert "matches no column" not in result.stderr
    assert "visits.*_id left out 3 columns cnsnt reads as keys" in result.stderr
    assert policy.read_text(encoding="utf-8") == before


def test_the_key_words_are_the_classifiers() -> None:
    assert _WHY["identifier"] == IDENTIFIER


# --- 4. the first line ------------------------------------------------------------------------


def test_the_first_line_says_what_a_list_of_falses_wrote(tmp_path: Path) -> None:
    started(tmp_path)
    result = update(tmp_path, review(tmp_path, "column,personal\nvisits_unknown.x,\nintake.given_name,false\n"))
    assert result.stderr.splitlines()[0].startswith("cnsnt init: 1 item put under ignore:, written to ")
    assert "no personal field added" not in result.stderr
