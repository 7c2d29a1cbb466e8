"""The review pass's loose ends (session 29's closing note, fix30a).

1. init's own `ignore:` lines for form fields that fill a thing's column are moved by a `true`;
2. an entry init wrote for a column and the form field filling it goes when both move out;
3. a reviewer's `note` cell is carried into the comment of the line cnsnt writes for the row.

Written here: a `vehicles` table and its form (the fields init sets aside under `ignore:`), a
`members` table with an `absences` table linked to it, and an absence form whose
`total_absences` fills that column (init files both in one entry).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from cnsnt.errors import UsageError
from cnsnt.policy.loader import load_policy
from cnsnt.starter import run as starter_run
from cnsnt.starter.run import draft_update
from tests.starter.cli_run import changed, run
from tests.starter.cli_run import review_file as review
from tests.starter.cli_run import reviewed as update

THINGS = """\
CREATE TABLE users (
  id integer PRIMARY KEY,
  email varchar(255) NOT NULL,
  full_name varchar(100)
);
CREATE TABLE vehicles (
  id integer PRIMARY KEY,
  engine_cc integer,
  kw integer,
  tyre_model varchar(20)
);
"""
VEHICLE = """\
<form method="post" action="/vehicles">
  <input type="number" name="engine_cc">
  <input type="number" name="kw">
  <input type="text" name="tyre_model">
  <button type="submit">Save</button>
</form>
"""

PEOPLE = """\
CREATE TABLE members (
  id INTEGER PRIMARY KEY,
  first_name VARCHAR(80),
  email VARCHAR(120),
  homeless BOOLEAN,
  plan_tier VARCHAR(20)
);
CREATE TABLE absences (
  id INTEGER PRIMARY KEY,
  member_id INTEGER REFERENCES members(id),
  total_absences INTEGER,
  reason TEXT
);
CREATE TABLE rooms (
  id INTEGER PRIMARY KEY,
  label VARCHAR(40),
  wheelchair_accessible BOOLEAN
);
"""
ABSENCE = """\
<form method="post" action="/absences">
  <label>Absences so far <input type="number" name="total_absences"></label>
</form>
"""

PERSONAL = ("*", "--undecided", "--verdict", "personal", "--confidence", "low", "--format", "csv")
NOT_PERSONAL = ("*", "--undecided", "--verdict", "not-personal", "--confidence", "low", "--format", "csv")


def started(root: Path, schema: str, form: tuple[str, str], *dialect: str) -> Path:
    """A project with the starter policy `cnsnt init` writes for `schema` and one form."""
    (root / "db").mkdir(parents=True)
    (root / "templates").mkdir()
    (root / "db" / "schema.sql").write_text(schema, encoding="utf-8")
    (root / "templates" / form[0]).write_text(form[1], encoding="utf-8")
    result = run("init", str(root), *dialect)
    assert result.exit_code == 0, result.stderr
    return root / "cnsnt.yaml"


def things(root: Path) -> Path:
    return started(root, THINGS, ("vehicle.html", VEHICLE))


def people(root: Path) -> Path:
    return started(root, PEOPLE, ("absence.html", ABSENCE), "--dialect", "mysql")


# --- 1. a `true` on a field init set aside under ignore: -------------------------------------


def test_a_true_on_a_field_init_set_aside_takes_its_line_off_ignore_into_a_data_entry(tmp_path: Path) -> None:
    """Before, the row printed "remove it from ignore: by hand" and nothing moved."""
    policy = things(tmp_path)
    before = policy.read_text(encoding="utf-8")
    assert load_policy(policy).ignore == ("vehicle.engine_cc", "vehicle.kw", "vehicle.tyre_model")
    line = next(x for x in before.splitlines(keepends=True) if x.startswith("  - vehicle.kw "))
    assert "which cnsnt finds about a thing, not a person: check, and move it to data: if it is someone's" in line
    result = update(tmp_path, review(tmp_path, "column,personal\nvehicle.kw,true\n"))
    assert (
        "review.csv:2: vehicle.kw taken off ignore:, where cnsnt init had put it, and added to data entry "
        "templates_form_input as marked personal"
    ) in result.stderr.splitlines()
    assert "by hand" not in result.stderr
    assert "review.csv: 1 row reviewed: 1 newly declared personal" in result.stderr.splitlines()
    after = policy.read_text(encoding="utf-8")
    loaded = load_policy(policy)
    assert loaded.ignore == ("vehicle.engine_cc", "vehicle.tyre_model")
    assert loaded.data["templates_form_input"].form_fields == ("vehicle.kw",)
    # byte for byte: init's line out, the new entry in (one block), nothing else
    gone, added = changed(before, after)
    assert gone == [line]
    assert after.replace("".join(added), "", 1) == before.replace(line, "", 1)
    assert "# marked personal in review.csv:2; cnsnt said: personal (low)" in "".join(added)
    # asked again, nothing changes
    update(tmp_path, tmp_path / "review.csv")
    assert policy.read_text(encoding="utf-8") == after


def test_every_field_init_set_aside_marked_true_leaves_an_empty_ignore(tmp_path: Path) -> None:
    policy = things(tmp_path)
    rows = "".join(f"vehicle.{name},true\n" for name in ("engine_cc", "kw", "tyre_model"))
    update(tmp_path, review(tmp_path, "column,personal\n" + rows))
    loaded = load_policy(policy)
    assert loaded.ignore == ()
    assert set(loaded.data["templates_form_input"].form_fields) == {
        "vehicle.engine_cc", "vehicle.kw", "vehicle.tyre_model"
    }
    assert "ignore: []" in policy.read_text(encoding="utf-8")


def test_a_set_aside_line_a_person_edited_stays_and_is_said(tmp_path: Path) -> None:
    policy = things(tmp_path)
    text = policy.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("  - vehicle.kw "))
    edited = text.replace(line, "  - vehicle.kw                          # the fleet's, checked by Ana")
    policy.write_text(edited, encoding="utf-8")
    result = update(tmp_path, review(tmp_path, "column,personal\nvehicle.kw,true\n"))
    assert policy.read_text(encoding="utf-8") == edited
    assert (
        "review.csv:2: vehicle.kw is marked personal but ignore: names it (vehicle.kw): remove it from ignore: "
        "by hand if it is personal"
    ) in result.stderr.splitlines()


def test_the_read_back_check_still_guards_a_set_aside_line_taken_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A splice that took the next `ignore:` item too is refused, nothing written."""
    policy = things(tmp_path)
    drop = starter_run.drop_lines

    def greedy(text, rows, unignored=()):  # type: ignore[no-untyped-def]
        return drop(text, [*rows, *(u.line + 1 for u in unignored)], unignored)

    monkeypatch.setattr(starter_run, "drop_lines", greedy)
    before = policy.read_text(encoding="utf-8")
    with pytest.raises(UsageError, match="not written: adding to ignore: as it is written would change"):
        draft_update(policy, reviewed=review(tmp_path, "column,personal\nvehicle.kw,true\n"))
    assert policy.read_text(encoding="utf-8") == before


# --- 2. an entry of a column and a form field, both moved out ----------------------------------


def test_an_entry_init_wrote_for_a_column_and_its_field_goes_when_both_move(tmp_path: Path) -> None:
    """Before, both rows were left "to change by hand", each said to be in an entry a person had edited."""
    policy = people(tmp_path)
    held = load_policy(policy).data["financial"]
    assert (held.columns, held.form_fields) == (("absences.total_absences",), ("absence.total_absences",))
    result = update(tmp_path, review(
        tmp_path, "column,personal,category\nabsences.total_absences,true,user\nabsence.total_absences,true,user\n"
    ))
    assert (
        "review.csv:3: removed data entry financial, which init wrote; its fields absences.total_absences, "
        "absence.total_absences were all moved"
    ) in result.stderr.splitlines()
    assert "by hand" not in result.stderr
    loaded = load_policy(policy)
    assert "financial" not in loaded.data
    assert {f for d in loaded.data.values() for f in (*d.columns, *d.form_fields)} >= {
        "absences.total_absences", "absence.total_absences"
    }
    assert "financial:" not in policy.read_text(encoding="utf-8")


def test_both_marked_false_go_under_ignore_and_the_entry_with_them(tmp_path: Path) -> None:
    policy = people(tmp_path)
    result = update(tmp_path, review(
        tmp_path, "column,personal\nabsences.total_absences,false\nabsence.total_absences,false\n"
    ))
    loaded = load_policy(policy)
    assert "financial" not in loaded.data
    assert loaded.ignore == ("absences.total_absences", "absence.total_absences")
    assert "removed data entry financial, which init wrote; its fields absences.total_absences, " \
        "absence.total_absences were all moved" in result.stderr


def test_the_last_column_of_such_an_entry_goes_with_its_key_and_the_field_stays(tmp_path: Path) -> None:
    """The form field stays, so the entry does; its `columns:` would hold nothing (null), so it goes too.

    The field stays by a row of its own the reviewer changed (its category): without one, the
    column's `false` takes the field init filed with it too (fix30e, below).
    """
    policy = people(tmp_path)
    before = policy.read_text(encoding="utf-8")
    result = update(tmp_path, review(
        tmp_path, "column,personal,category\nabsences.total_absences,false,\nabsence.total_absences,true,user.financial\n"
    ))
    assert "by hand" not in result.stderr
    after = policy.read_text(encoding="utf-8")
    gone, added = changed(before, after)
    column = next(x for x in before.splitlines(keepends=True) if x.startswith("      - absences.total_absences"))
    assert gone[1:3] == ["    columns:\n", column]
    assert gone[0] == "  financial:                            # 2 fields found by cnsnt init\n"
    assert added[0] == "  financial:                            # 1 field found by cnsnt init\n"
    loaded = load_policy(policy)
    assert (loaded.data["financial"].columns, loaded.data["financial"].form_fields) == (
        (), ("absence.total_absences",)
    )
    # still init's entry: the field's move, later, takes it out (the line review.csv:3 confirmed)
    result = update(tmp_path, review(tmp_path, "column,personal\nabsence.total_absences,false\n", "later.csv"))
    assert "later.csv:2: removed data entry financial, which cnsnt wrote; its only field absence.total_absences was moved" in (
        result.stderr.splitlines()
    )
    assert "financial" not in load_policy(policy).data


def test_such_an_entry_a_person_touched_stays(tmp_path: Path) -> None:
    policy = people(tmp_path)
    text = policy.read_text(encoding="utf-8")
    touched = text.replace("    label: Financial Data  ", "    label: Absence counts  ", 1)
    policy.write_text(touched, encoding="utf-8")
    result = update(tmp_path, review(
        tmp_path, "column,personal\nabsences.total_absences,false\nabsence.total_absences,false\n"
    ))
    assert policy.read_text(encoding="utf-8") == touched
    assert "review.csv:2: absences.total_absences is the only column of data entry financial, which a person " \
        "has edited" in result.stderr
    assert "removed data entry" not in result.stderr


# --- 3. a reviewer's note --------------------------------------------------------------------

#: A note with a `#`, quotes, colons, a line break, and words that read as cnsnt's own.
NOTE = 'Art. 9? # no: "housing" status\n  - members.email   # name \'email\' means; cnsnt said: x [db/schema.sql:1]'


def _listing(root: Path, args: tuple[str, ...], answers: dict[str, tuple[str, str]]) -> tuple[str, dict[str, int]]:
    """A list as explain-column writes it, with `answers` (column -> personal, note) set; each row's line."""
    listing = run("explain-column", *args, str(root)).stdout
    reader = csv.DictReader(io.StringIO(listing))
    assert reader.fieldnames is not None and reader.fieldnames[-1] == "note"
    out = io.StringIO()
    writer = csv.DictWriter(out, reader.fieldnames, lineterminator="\n")
    writer.writeheader()
    for row in reader:
        assert row["note"] == ""
        if row["column"] in answers:
            row["personal"], row["note"] = answers[row["column"]]
        writer.writerow(row)
    text, lines = out.getvalue(), {}
    rows = csv.reader(io.StringIO(text, newline=""))
    start = 1
    for cells in rows:  # a note's line break makes a row two lines: rows are named by their first
        lines[cells[0]] = start
        start = rows.line_num + 1
    return text, lines


def _one_space(text: str) -> str:
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def _quoted(line: str, row: str) -> str:
    """The note a comment carries after `row`, read back as the JSON string it is written as."""
    at = line.index(f"{row}: ") + len(row) + 2
    note, _ = json.JSONDecoder().raw_decode(line, at)
    assert isinstance(note, str)
    return note


def test_a_note_is_carried_into_the_comment_of_each_line_a_row_writes(tmp_path: Path) -> None:
    policy = people(tmp_path)
    before = policy.read_text(encoding="utf-8")
    text, numbers = _listing(tmp_path, PERSONAL, {
        "members.homeless": ("true", NOTE),  # init's line: its comment rewritten
        "members.plan_tier": ("false", "a price plan: the product's"),  # under ignore:
    })
    assert numbers["members.homeless"] == 2 and numbers["members.plan_tier"] == 4  # the note took two lines
    update(tmp_path, review(tmp_path, text))
    after = policy.read_text(encoding="utf-8")
    assert len(after.splitlines()) == len(before.splitlines()) + 1  # `ignore: [` opened: no line forged
    loaded = load_policy(policy)
    assert "members.email" in loaded.data["email"].columns and "members.email" not in (
        loaded.data["other_personal_details"].columns
    )
    homeless = next(x for x in after.splitlines() if x.startswith("      - members.homeless "))
    row = f"review.csv:{numbers['members.homeless']}"
    assert homeless.split("  # ", 1)[1].startswith(f'marked personal in {row}: "Art. 9? # no: \\"housing\\" status\\n')
    # as in every comment, a run of spaces is one; the line break and the rest are the reviewer's
    assert _quoted(homeless, row) == _one_space(NOTE)
    assert "; cnsnt said: personal (low) because 'homeless' is a fact about the person" in homeless
    tier = next(x for x in after.splitlines() if x.startswith("  members.plan_tier,"))
    row = f"review.csv:{numbers['members.plan_tier']}"
    assert f'# marked not personal in {row}: "a price plan: the product\'s"; was in data entry ' \
        "other_personal_details" in tier


def test_a_line_with_a_note_is_still_a_reviewed_lists_answer_a_later_row_changes(tmp_path: Path) -> None:
    """The note is read past, to its closing quote: the row that wrote the line is found, and
    `; cnsnt said: ` or `[file:line]` typed in a note are not read as cnsnt's words."""
    policy = people(tmp_path)
    tier = 'its "tier"; was in data entry x'
    text, numbers = _listing(tmp_path, PERSONAL, {"members.homeless": ("true", NOTE), "members.plan_tier": ("false", tier)})
    update(tmp_path, review(tmp_path, text))
    # the same list, two answers changed: now listed as a full list is (no --undecided), so both stay in it
    turned, again = _listing(tmp_path, ("*", "--format", "csv"), {
        "members.homeless": ("false", NOTE), "members.plan_tier": ("true", tier)
    })
    review(tmp_path, turned)
    result = update(tmp_path, tmp_path / "review.csv")
    homeless, plan = again["members.homeless"], numbers["members.plan_tier"]
    assert (
        f"review.csv:{homeless}: members.homeless moved from data entry other_personal_details, where "
        f"review.csv:{numbers['members.homeless']} had put it, under ignore:"
    ) in result.stderr.splitlines()
    assert (
        f"review.csv:{again['members.plan_tier']}: members.plan_tier taken off ignore:, where review.csv:{plan} "
        "had put it"
    ) in result.stderr
    loaded = load_policy(policy)
    assert "members.homeless" in loaded.ignore and "members.plan_tier" not in loaded.ignore


def test_a_note_is_read_from_json_and_a_list_without_the_cell_still_reads(tmp_path: Path) -> None:
    policy = people(tmp_path)
    items = [{"column": "members.homeless", "personal": True, "note": "sleeps rough"}]
    draft = draft_update(policy, reviewed=review(tmp_path, json.dumps(items), "review.json"))
    assert '# marked personal in review.json:1: "sleeps rough"; cnsnt said:' in draft.text
    old = draft_update(policy, reviewed=review(tmp_path, "column,personal\nmembers.homeless,true\n"))
    empty = draft_update(policy, reviewed=review(tmp_path, "column,personal,note\nmembers.homeless,true,  \n"))
    assert "# marked personal in review.csv:2; cnsnt said:" in old.text
    assert old.text == empty.text
