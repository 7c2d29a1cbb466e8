"""What `init --update --reviewed` says, and pattern rows on a generated list (trial30 H, I).

Two reviewers worked both unsure lists on real schemas: the summary counted a column
re-filed under another category as a new personal field and again as moved (38 + 13 +
42 + 51 for 93 rows); the lines on stderr came grouped by kind, out of the list's order;
"removed data entry precise, which init wrote and held only waters.longitude" left out the
latitude the same run had moved; a second run printed zeros; and a pattern row
(`disciplines.*,false`) was overridden by the table's own rows, left as cnsnt wrote them.
Written here: a `members` table about people, `visits` linked to them, `courses` about no one.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from cnsnt.policy.loader import load_policy
from tests.starter.cli_run import reviewed as apply
from tests.starter.cli_run import run

SCHEMA = """\
CREATE TABLE members (
  id INTEGER PRIMARY KEY,
  first_name VARCHAR(80),
  email VARCHAR(120),
  homeless BOOLEAN,
  plan_tier VARCHAR(20),
  turno VARCHAR(10)
);
CREATE TABLE visits (
  id INTEGER PRIMARY KEY,
  member_id INTEGER REFERENCES members(id),
  complaint TEXT,
  smoker BOOLEAN,
  drinker BOOLEAN,
  room VARCHAR(10)
);
CREATE TABLE courses (
  id INTEGER PRIMARY KEY,
  hours_lec INTEGER,
  hours_lab INTEGER,
  semester_num INTEGER
);
"""

PERSONAL = ("*", "--undecided", "--verdict", "personal", "--confidence", "low", "--format", "csv")
NOT_PERSONAL = ("*", "--undecided", "--verdict", "not-personal", "--confidence", "low", "--format", "csv")


def started(root: Path) -> Path:
    """A project with the starter policy `cnsnt init` writes for the schema.

    init declares `members.homeless`, `members.plan_tier` and `visits.room` on its
    `unsure, check` lines, in `other_personal_details`; `members.email` and
    `visits.complaint` on lines it was sure of.
    """
    (root / "db").mkdir(parents=True)
    (root / "db" / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    result = run("init", str(root), "--dialect", "mysql")
    assert result.exit_code == 0, result.stderr
    return root / "cnsnt.yaml"


def generated(root: Path, args: tuple[str, ...], answers: dict[str, tuple[str, str]], extra: str = "") -> Path:
    """The list explain-column writes, with `answers` (column -> personal, category) set and `extra` rows after."""
    listing = run("explain-column", *args, str(root)).stdout
    out = io.StringIO()
    reader = csv.DictReader(io.StringIO(listing))
    assert reader.fieldnames is not None
    writer = csv.DictWriter(out, reader.fieldnames, lineterminator="\n")
    writer.writeheader()
    for row in reader:
        if row["column"] in answers:
            row["personal"], row["category"] = answers[row["column"]]
        writer.writerow(row)
    path = root / "review.csv"
    path.write_text(out.getvalue() + extra, encoding="utf-8")
    return path


MIXED = """\
column,personal,category
members.email,false,
members.plan_tier,false,
visits.room,true,user.behavior
members.homeless,true,user
members.turno,true,
courses.hours_lec,false,
visits.nothing,true,
"""


def summary(stderr: str) -> str:
    return next(line for line in stderr.splitlines() if line.startswith("review.csv: "))


def test_the_summary_counts_each_row_once_and_the_parts_add_up(tmp_path: Path) -> None:
    """H#1, I: a re-filed column was counted as added and as moved; the parts summed to more than the rows."""
    policy = started(tmp_path)
    # a person's line: their own comment on init's email line
    text = policy.read_text(encoding="utf-8")
    policy.write_text(re.sub(r"(- members\.email +# ).*", r"\1ours: the login", text), encoding="utf-8")
    review = tmp_path / "review.csv"
    review.write_text(MIXED, encoding="utf-8")
    result = apply(tmp_path, review)
    said = summary(result.stderr)
    assert said == (
        "review.csv: 7 rows reviewed: 1 newly declared personal, 1 re-filed under another category, "
        "2 put under ignore:, 1 confirmed on lines cnsnt init wrote, 1 to change by hand (each said above), "
        "1 not found in the sources"
    )
    counts = [int(part.split()[0]) for part in said.split("reviewed: ")[1].split(", ")]
    assert sum(counts) == 7 == len(MIXED.splitlines()) - 1
    # the first line: visits.room is re-filed, not a new personal field; the new one joins init's entry
    # of its table's other columns (fix31a); and what else the list wrote, each part (fix31a)
    assert result.stderr.startswith(
        "cnsnt init: 1 new personal field and 1 re-filed under another category, in 1 data entry, and added "
        "to 1 existing one without purposes (other_personal_details), 2 items put under ignore:, 1 line cnsnt "
        "init wrote confirmed, written to "
    )
    loaded = load_policy(policy)
    assert "members.plan_tier" in loaded.ignore and "courses.hours_lec" in loaded.ignore
    assert loaded.data["behavior"].columns == ("visits.room",)


def test_the_lines_on_stderr_come_in_the_lists_row_order(tmp_path: Path) -> None:
    """H#3, I: they came grouped by kind (the not-found row first, the hand edit after the moves)."""
    policy = started(tmp_path)
    text = policy.read_text(encoding="utf-8")
    policy.write_text(re.sub(r"(- members\.email +# ).*", r"\1ours: the login", text), encoding="utf-8")
    review = tmp_path / "review.csv"
    review.write_text(MIXED, encoding="utf-8")
    result = apply(tmp_path, review)
    rows = [int(m.group(1)) for m in re.finditer(r"^(?:warning: )?review\.csv:(\d+): ", result.stderr, re.M)]
    assert rows == [2, 3, 4, 8]
    assert rows == sorted(rows)


def test_a_removed_entry_names_every_field_it_held_before_the_run(tmp_path: Path) -> None:
    """H#2, I: "held only visits.room" when two more had moved out on the rows before it."""
    policy = started(tmp_path)
    review = generated(
        tmp_path, PERSONAL, {c: ("false", "") for c in ("members.homeless", "members.plan_tier", "visits.room")}
    )
    result = apply(tmp_path, review)
    assert "other_personal_details" not in load_policy(policy).data
    assert (
        "review.csv:4: removed data entry other_personal_details, which init wrote; its fields "
        "members.homeless, members.plan_tier, visits.room were all moved"
    ) in result.stderr.splitlines()
    assert "held only" not in result.stderr


def test_a_second_run_says_its_rows_are_already_as_the_policy_says(tmp_path: Path) -> None:
    """H#4: the same file again printed all zeros; each row is applied, already so, or named."""
    policy = started(tmp_path)
    text = policy.read_text(encoding="utf-8")
    policy.write_text(re.sub(r"(- members\.email +# ).*", r"\1ours: the login", text), encoding="utf-8")
    review = tmp_path / "review.csv"
    review.write_text(MIXED, encoding="utf-8")
    apply(tmp_path, review)
    after = policy.read_text(encoding="utf-8")
    again = apply(tmp_path, review)
    assert policy.read_text(encoding="utf-8") == after
    assert summary(again.stderr) == (
        "review.csv: 7 rows reviewed: 5 already as the policy says, 1 to change by hand (each said above), "
        "1 not found in the sources"
    )


def test_a_pattern_row_answers_a_tables_rows_left_as_written(tmp_path: Path) -> None:
    """I: `disciplines.*,false` was overridden by the table's own rows, still as cnsnt wrote them."""
    policy = started(tmp_path)
    review = generated(tmp_path, NOT_PERSONAL, {}, extra="courses.*,,false\n")
    result = apply(tmp_path, review)
    ignore = load_policy(policy).ignore
    assert "courses.*" in ignore
    assert not any(item.startswith("courses.") and item != "courses.*" for item in ignore)
    assert {"members.turno", "visits.drinker"} <= set(ignore)  # the other rows, as written: judged
    assert summary(result.stderr) == (
        "review.csv: 6 rows reviewed: 3 put under ignore:, 3 left as written, answered by a pattern row"
    )


def test_a_row_the_reviewer_changed_still_wins_over_the_pattern(tmp_path: Path) -> None:
    """The pattern is not written as it is, since it would silence the column its row declares (fix31e).

    `ignore:` silences a column a data entry declares (trial K): the pattern's other columns go
    under it one by one, and a line says why.
    """
    policy = started(tmp_path)
    review = generated(tmp_path, NOT_PERSONAL, {"courses.hours_lab": ("true", "user.behavior")}, "courses.*,,false\n")
    result = apply(tmp_path, review)
    loaded = load_policy(policy)
    assert "courses.*" not in loaded.ignore
    assert {"courses.id", "courses.hours_lec", "courses.semester_num"} <= set(loaded.ignore)
    assert "courses.hours_lab" not in loaded.ignore
    assert any("courses.hours_lab" in d.columns for d in loaded.data.values() if d.category == "user.behavior")
    assert "not courses.*, which would silence it too" in result.stderr


def test_a_pattern_row_with_a_category_refiles_inits_unsure_lines(tmp_path: Path) -> None:
    """H#6: `entrevista.*,true,user.health` was to re-file a clinical table's facts, not 38 rows by hand.

    The row left as written (`visits.room,true,user`) yields to it; a line init was sure of
    (`visits.complaint`, private content) keeps its entry, and no hand edit is asked for it.
    """
    policy = started(tmp_path)
    review = generated(tmp_path, PERSONAL, {}, extra="visits.*,,true,user.health\n")
    result = apply(tmp_path, review)
    loaded = load_policy(policy)
    health = [d for d in loaded.data.values() if d.category == "user.health"]
    assert len(health) == 1 and "visits.room" in health[0].columns
    assert "visits.room" not in loaded.data["other_personal_details"].columns
    assert loaded.data["private_content"].columns == ("visits.complaint",)
    assert "by hand" not in result.stderr
    assert "review.csv:5: visits.room moved from data entry other_personal_details, where cnsnt init had put " \
        "it, into data entry health (user.health)" in result.stderr
    said = summary(result.stderr)
    assert said.startswith("review.csv: 4 rows reviewed: 1 re-filed under another category, ")
    assert "1 left as written, answered by a pattern row" in said


def test_a_changed_row_keeps_its_own_category_against_the_pattern(tmp_path: Path) -> None:
    policy = started(tmp_path)
    review = generated(tmp_path, PERSONAL, {"visits.room": ("true", "user.behavior")}, "visits.*,,true,user.health\n")
    apply(tmp_path, review)
    loaded = load_policy(policy)
    assert loaded.data["behavior"].columns == ("visits.room",)


def test_a_form_fields_row_left_as_written_yields_to_a_pattern_row_too() -> None:
    """As a column's: the row explain-column wrote for a field (personal, its kind) does not override `signup.*`."""
    from cnsnt.evidence import FormField
    from cnsnt.model import Location
    from cnsnt.starter.review_marks import match_field_reviews
    from cnsnt.starter.reviewed import Review

    fields = [FormField("signup", name, "text", Location("signup.html", 1), "signup.html") for name in ("a", "b")]
    written = {"signup.a": (True, None), "signup.b": (True, None)}
    as_written = Review("signup.a", True, None, "review.csv:2")
    changed = Review("signup.b", True, "user.behavior", "review.csv:3")
    pattern = Review("signup.*", False, None, "review.csv:4")
    marks = match_field_reviews([as_written, changed, pattern], fields, written)
    assert marks.by_field == {"signup.a": pattern, "signup.b": changed}
    assert marks.yielded == (as_written,)
