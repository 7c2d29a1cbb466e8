"""`cnsnt init` on one-folder-per-revision schemas, and reading each schema file once."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from cnsnt.sql import ddl
from cnsnt.starter.discover import survey
from cnsnt.starter.run import draft_new

_TABLES = [
    "CREATE TABLE pupils (id INT PRIMARY KEY, first_name VARCHAR(80), birth_date DATE);",
    "CREATE TABLE teachers (id INT PRIMARY KEY, email VARCHAR(120), phone VARCHAR(30));",
    "CREATE TABLE classes (id INT PRIMARY KEY, label VARCHAR(20), teacher_id INT);",
    "CREATE TABLE rooms (id INT PRIMARY KEY, label VARCHAR(20), seats INT);",
    "CREATE TABLE terms (id INT PRIMARY KEY, starts DATE, ends DATE);",
]


def _revisions(root: Path) -> None:
    """0/, 1/, 2/ and current/: each a full copy; revision 0 still had a table dropped since."""
    for name, extra in (
        ("0", ["CREATE TABLE old_logins (id INT, ip_address VARCHAR(45));"]),
        ("1", []),
        ("2", []),
        ("current", []),
    ):
        folder = root / "schema" / name
        folder.mkdir(parents=True)
        tag = name if name == "current" else f"rev{name}"
        (folder / f"create.{tag}.mysql.sql").write_text("\n".join([*_TABLES, *extra]) + "\n")
        (folder / f"drop.{tag}.mysql.sql").write_text("DELETE FROM terms WHERE id > 100;\n")


def test_older_revision_folders_are_left_out_with_a_note(tmp_path: Path) -> None:
    _revisions(tmp_path)
    found, notes = survey(tmp_path)
    assert sorted(f.pattern for f in found) == [
        "schema/current/create.current.mysql.sql",
        "schema/current/drop.current.mysql.sql",
    ]
    assert notes == [
        "left out 6 SQL files in schema/0, schema/1, schema/2: older revisions of schema/current/, "
        "which holds the same files (one folder per revision, each a full copy)"
    ]
    text = draft_new(tmp_path).text
    assert "# left out 6 SQL files in schema/0, schema/1, schema/2: older revisions" in text
    assert "old_logins" not in text


def test_without_current_the_highest_revision_is_read(tmp_path: Path) -> None:
    for name in ("v2", "v10", "rev9"):
        (tmp_path / name).mkdir()
        (tmp_path / name / f"schema_{name}.sql").write_text("\n".join(_TABLES) + "\n")
    found, notes = survey(tmp_path)
    assert [f.pattern for f in found] == ["v10/schema_v10.sql"]
    assert notes[0].startswith("left out 2 SQL files in v2, rev9: older revisions of v10/")


def test_upgrade_scripts_kept_one_folder_per_version_are_all_read(tmp_path: Path) -> None:
    """Same names, different statements: each version adds tables, none is a copy of another."""
    for version, table in (("1.0", _TABLES[0]), ("1.1", _TABLES[1]), ("1.2", _TABLES[2])):
        (tmp_path / "upgrade" / version).mkdir(parents=True)
        (tmp_path / "upgrade" / version / "upgrade.sql").write_text(table + "\n")
    found, notes = survey(tmp_path)
    assert sorted(f.pattern for f in found) == [
        "upgrade/1.0/upgrade.sql",
        "upgrade/1.1/upgrade.sql",
        "upgrade/1.2/upgrade.sql",
    ]
    assert notes == []


def test_an_older_folder_with_a_file_the_newest_lacks_is_kept(tmp_path: Path) -> None:
    for name in ("1", "2", "3"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "schema.sql").write_text("\n".join(_TABLES) + "\n")
    (tmp_path / "1" / "extra.sql").write_text("CREATE TABLE archive (id INT, email VARCHAR(80));\n")
    found, notes = survey(tmp_path)
    # the folder is kept for its extra file; its schema.sql is an older version of 3/schema.sql
    assert sorted(f.pattern for f in found if f.kind == "schemas") == ["1/extra.sql", "3/schema.sql"]
    assert notes == [
        "left out 1 SQL file in 2: older revisions of 3/, which holds the same files "
        "(one folder per revision, each a full copy)",
        "left out 1 SQL file (1/schema.sql): an older version of 3/schema.sql, the newest full schema "
        "of that name; add one under sources: if the application still uses it",
    ]


def test_init_reads_each_schema_file_once_per_dialect(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reading that chose a file's dialect is the one the audit of the draft uses."""
    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "shop.sql").write_text(
        "CREATE TABLE `customers` (`id` INT PRIMARY KEY, `email` VARCHAR(120), `phone` VARCHAR(30));\n"
    )
    (tmp_path / "db" / "plain.sql").write_text("CREATE TABLE members (id INT, first_name VARCHAR(80));\n")
    readings: Counter[tuple[str, str | None]] = Counter()
    parse = ddl._parse_ddl

    def counted(text: str, dialect: str | None, max_statement: int) -> tuple[ddl.DDLResult, int]:
        readings[(text, dialect)] += 1
        return parse(text, dialect, max_statement)

    monkeypatch.setattr(ddl, "_parse_ddl", counted)
    draft = draft_new(tmp_path)
    assert {f.pattern: f.dialect for f in draft.sources} == {"db/plain.sql": None, "db/shop.sql": "mysql"}
    assert "email" in draft.text and "first_name" in draft.text
    assert readings and max(readings.values()) == 1


def test_a_kept_reading_serves_another_statement_limit_only_when_it_gives_the_same_result() -> None:
    text = "CREATE TABLE members (id INT, email VARCHAR(80), note TEXT);\n"
    with ddl.reuse_results():
        whole = ddl.parse_ddl(text)
        assert ddl.parse_ddl(text, None, 1_000_000) is whole  # the statement is under the limit
        cut = ddl.parse_ddl(text, None, 20)  # over it: reported, not parsed
        assert cut is not whole
        assert not cut.tables and "statement size limit" in cut.problems[0].message
        assert ddl.parse_ddl(text, None, 20) is cut
        assert ddl.parse_ddl(text, "mysql") is not whole
    assert ddl.parse_ddl(text) is not whole  # nothing is kept outside the block
    assert ddl.parse_ddl(text) == whole


def test_past_its_budget_nothing_more_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = "CREATE TABLE a (id INT);\n", "CREATE TABLE b (id INT, email VARCHAR(80));\n"
    monkeypatch.setattr(ddl, "KEEP_CHARS", len(small) + 10)
    with ddl.reuse_results():
        kept = ddl.parse_ddl(small)
        assert ddl.parse_ddl(small) is kept
        first = ddl.parse_ddl(large)  # over the budget: read, not kept
        assert ddl.parse_ddl(large) is not first
        assert ddl.parse_ddl(large) == first
