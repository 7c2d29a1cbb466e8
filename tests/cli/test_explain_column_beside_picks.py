"""`--beside-personal` keeps a join table of a person's picks (trial L defect 2, fix32b).

A row that links a person's row to a fact and holds nothing else (`member_needs(member_id,
need_id)`, `member_faults(member_id, fault_id)`) has no declared column, and its keys are
"not personal" with high confidence: neither low list nor the third one showed it, though
the key beside the person's is the fact (a need, a fault). The third list now keeps such a
table when one of its keys links a table the policy declares a column of (without a policy,
one cnsnt calls a column of personal), and its other columns are keys and bookkeeping (its
own id, when and by whom the row was made or changed). A table with another column (a
booking's seats) or one key alone (a member's card) stays off, as does a join table of no person's,
whoever made its rows.
The schema is written here.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app

runner = CliRunner()
ENV = {"COLUMNS": "200", "NO_COLOR": "1"}

SCHEMA = """\
CREATE TABLE members (
  id INTEGER PRIMARY KEY,
  full_name VARCHAR(100),
  email VARCHAR(200),
  created_at TIMESTAMP
);
CREATE TABLE needs (id INTEGER PRIMARY KEY, label VARCHAR(80));
CREATE TABLE member_needs (
  id INTEGER PRIMARY KEY,
  member_id INTEGER REFERENCES members(id),
  need_id INTEGER REFERENCES needs(id),
  created_by INTEGER,
  created_at TIMESTAMP,
  updated_at TIMESTAMP
);
CREATE TABLE member_faults (
  member_id INTEGER,
  fault_id INTEGER,
  deleted_at TIMESTAMP,
  PRIMARY KEY (member_id, fault_id)
);
CREATE TABLE member_cards (
  id INTEGER PRIMARY KEY,
  member_id INTEGER REFERENCES members(id),
  created_at TIMESTAMP
);
CREATE TABLE rooms (id INTEGER PRIMARY KEY, label VARCHAR(40), floor INTEGER);
CREATE TABLE room_features (
  room_id INTEGER REFERENCES rooms(id),
  feature_id INTEGER,
  PRIMARY KEY (room_id, feature_id)
);
CREATE TABLE roles (id INTEGER PRIMARY KEY, label VARCHAR(40));
CREATE TABLE role_rooms (
  role_id INTEGER REFERENCES roles(id),
  room_id INTEGER REFERENCES rooms(id),
  created_by INTEGER REFERENCES members(id),
  PRIMARY KEY (role_id, room_id)
);
CREATE TABLE bookings (
  id INTEGER PRIMARY KEY,
  member_id INTEGER REFERENCES members(id),
  room_id INTEGER REFERENCES rooms(id),
  seats INTEGER
);
"""
THIRD = ("--undecided", "--verdict", "not-personal", "--beside-personal")


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env=ENV, catch_exceptions=False)


def project(root: Path, init: bool = True) -> Path:
    (root / "db").mkdir(parents=True)
    (root / "db" / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    if init:
        result = run("init", str(root))
        assert result.exit_code == 0, result.stderr
    return root


def listed(root: Path, *flags: str) -> list[dict[str, str]]:
    result = run("explain-column", "*", str(root), *flags, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def tables(rows: list[dict[str, str]]) -> list[str]:
    """The tables of the rows, each once, in the list's order."""
    out: list[str] = []
    for row in rows:
        table = row["column"].split(".")[0]
        if table not in out:
            out.append(table)
    return out


def test_the_third_list_keeps_a_join_table_of_a_persons_picks(tmp_path: Path) -> None:
    root = project(tmp_path)
    rows = listed(root, *THIRD)
    columns = [row["column"] for row in rows]
    # the keys that are the facts: a need (a declared key), a fault (a key by its name alone)
    assert "member_needs.need_id" in columns and "member_faults.fault_id" in columns
    # a table's rows together, in the sources' order, the tables about or linked to people first
    assert tables(rows) == ["members", "member_needs", "member_faults"]
    assert [c for c in columns if c.startswith("member_needs.")] == [
        "member_needs.id", "member_needs.member_id", "member_needs.need_id", "member_needs.created_by",
        "member_needs.created_at", "member_needs.updated_at",
    ]  # fmt: skip
    # one key alone (a member's card), another column (a booking's seats), no person's key, a person's
    # key only in who made the row (role_rooms.created_by): not kept
    assert not {"member_cards", "bookings", "room_features", "role_rooms", "rooms", "needs"} & set(tables(rows))


def test_init_counts_the_join_tables_rows_in_the_third_lists_line(tmp_path: Path) -> None:
    root = tmp_path / "club"
    (root / "db").mkdir(parents=True)
    (root / "db" / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    result = run("init", str(root))
    assert result.exit_code == 0, result.stderr
    line = next(x for x in result.stderr.splitlines() if x.endswith("--beside-personal"))
    counted = int(line.split(" ", 1)[0])
    rows = listed(root, *THIRD)
    assert counted == sum(1 for row in rows if row["confidence"] != "low") == 11


def test_without_a_policy_a_join_table_beside_a_personal_column_is_kept(tmp_path: Path) -> None:
    root = project(tmp_path, init=False)
    rows = listed(root, "--verdict", "not-personal", "--beside-personal")
    assert tables(rows) == ["members", "member_needs", "member_faults"]


def test_a_join_table_leaves_the_list_once_answered(tmp_path: Path) -> None:
    """Answered (a need is the member's), the table's rows are judged: nothing of it is listed again."""
    root = project(tmp_path)
    rows = [row for row in listed(root, *THIRD) if row["column"].startswith("member_needs.")]
    out = io.StringIO()
    writer = csv.DictWriter(out, list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, "personal": "true" if row["column"] == "member_needs.need_id" else "false"})
    (root / "third.csv").write_text(out.getvalue(), encoding="utf-8")
    result = run("init", "--update", "--reviewed", str(root / "third.csv"), str(root))
    assert result.exit_code == 0, result.stderr
    assert "member_needs" not in tables(listed(root, *THIRD))
    explained = run("explain-column", "member_needs.need_id", str(root), "--undecided")
    assert "member_needs.need_id" not in explained.stdout
