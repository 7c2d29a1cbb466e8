"""An entry's `# holds:` comment describes what init found; `--update --reviewed` keeps it (fix33).

Trial M: after a reviewed list added a column of another table to an entry, its `# holds:`
comment ("tables whose rows point at a person in 'members': visits.") no longer named every
table it holds. docs/init.md promises that `--update` keeps every comment: the comment is
what init (or the list that made the entry) found then, and the columns below it say what
the entry holds now. Written here: a club's members, their visits and their loans.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app

runner = CliRunner()
ENV = {"COLUMNS": "200", "NO_COLOR": "1"}

SCHEMA = """\
CREATE TABLE members (id INTEGER PRIMARY KEY, full_name VARCHAR(100), email VARCHAR(200));
CREATE TABLE visits (id INTEGER PRIMARY KEY, member_id INTEGER REFERENCES members(id), room_code VARCHAR(20));
CREATE TABLE loans (id INTEGER PRIMARY KEY, member_id INTEGER REFERENCES members(id), item_code VARCHAR(20));
"""

HOLDS = (
    "    # holds: facts of a kind cnsnt cannot name, in tables whose rows point at a person in\n"
    "    # 'members': visits.\n"
)


def _reviewed(root: Path, name: str, column: str) -> str:
    review = root / name
    review.write_text(f"column,personal\n{column},true\n", encoding="utf-8")
    result = runner.invoke(app, ["init", "--update", "--reviewed", str(review), str(root)], env=ENV)
    assert result.exit_code == 0, result.output
    return (root / "cnsnt.yaml").read_text(encoding="utf-8")


def test_holds_comment_is_kept_when_a_later_list_adds_another_tables_column(tmp_path: Path) -> None:
    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    assert runner.invoke(app, ["init", str(tmp_path)], env=ENV).exit_code == 0
    first = _reviewed(tmp_path, "r1.csv", "visits.room_code")
    assert HOLDS in first
    second = _reviewed(tmp_path, "r2.csv", "loans.item_code")
    # the column joins the entry of the first list, and its header count is made true
    assert "      - loans.item_code " in second
    assert "1 field marked personal in r1.csv, 1 field marked personal in r2.csv" in second
    # the comment stays as it was written: what was found then, not rewritten to name loans
    assert HOLDS in second
    assert second.count("# holds:") == first.count("# holds:")
