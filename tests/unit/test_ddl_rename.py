"""A table rebuilt as SQLite rebuilds it keeps its name, its columns and the keys to it.

SQLite cannot drop or retype a column in place, so a schema file (and Django's SQLite
migrations) rebuild the table: `CREATE TABLE new_t`, copy, `DROP TABLE t`, `ALTER TABLE
new_t RENAME TO t`. With DROP applied (review37 D2), the file must apply the RENAME too,
or the table ends under its scratch name; and the other tables' keys to `t`, which
SQLite keeps by name through the DROP, must still point at it.
"""

from __future__ import annotations

import pytest

from cnsnt.sql.ddl import parse_ddl
from cnsnt.sql.migrations import MigrationFile, replay_migrations

REBUILD = """\
CREATE TABLE members (id INTEGER PRIMARY KEY, email VARCHAR(100), nickname VARCHAR(20));
CREATE TABLE bookings (id INTEGER PRIMARY KEY, member_id INTEGER REFERENCES members(id), starts DATE);
CREATE TABLE new_members (id INTEGER PRIMARY KEY, email VARCHAR(100), phone VARCHAR(20));
INSERT INTO new_members SELECT id, email, NULL FROM members;
DROP TABLE members;
ALTER TABLE new_members RENAME TO members;
ALTER TABLE members RENAME COLUMN phone TO mobile;
"""


def _read(text: str, dialect: str, how: str):  # noqa: ANN202 - a DDLResult either way
    if how == "ddl":
        return parse_ddl(text, dialect)
    return replay_migrations([MigrationFile("V1__all.sql", text)], dialect)


@pytest.mark.parametrize("how", ["ddl", "migrations"])
@pytest.mark.parametrize("dialect", ["sqlite", "mysql", "postgres"])
def test_a_rebuilt_table_keeps_its_name_and_the_keys_to_it(dialect: str, how: str) -> None:
    result = _read(REBUILD, dialect, how)
    tables = {t.name: t for t in result.tables}
    assert sorted(tables) == ["bookings", "members"]
    assert [c.name for c in tables["members"].columns] == ["id", "email", "mobile"]
    assert [(k.columns, k.ref_table) for k in tables["bookings"].foreign_keys] == [(("member_id",), "members")]


def test_a_keys_target_renamed_follows_it() -> None:
    text = (
        "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT);\n"
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, person_id INTEGER REFERENCES people(id));\n"
        "ALTER TABLE people RENAME TO persons;\n"
    )
    tables = {t.name: t for t in parse_ddl(text, "sqlite").tables}
    assert sorted(tables) == ["notes", "persons"]
    assert [k.ref_table for k in tables["notes"].foreign_keys] == ["persons"]


def test_postgres_rename_of_a_column_without_the_word_column_renames_no_table() -> None:
    # `ALTER TABLE t RENAME a TO b` renames a column in PostgreSQL (COLUMN is optional)
    text = "CREATE TABLE members (id INTEGER PRIMARY KEY, phone TEXT);\nALTER TABLE members RENAME phone TO mobile;\n"
    tables = {t.name: [c.name for c in t.columns] for t in parse_ddl(text, "postgres").tables}
    assert tables == {"members": ["id", "mobile"]}


def test_a_drop_cascade_takes_the_keys_to_the_table() -> None:
    text = (
        "CREATE TABLE people (id INTEGER PRIMARY KEY);\n"
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, person_id INTEGER REFERENCES people(id));\n"
        "DROP TABLE people CASCADE;\n"
    )
    tables = {t.name: t for t in parse_ddl(text, "postgres").tables}
    assert list(tables) == ["notes"]
    assert tables["notes"].foreign_keys == ()


@pytest.mark.parametrize("how", ["ddl", "migrations"])
def test_a_rename_that_changes_only_the_case_keeps_the_table(how: str) -> None:
    # names compare case-insensitively, so `Members` and `members` share a key: the
    # migrations replay dropped the entry it was moving (both builders share one helper now)
    text = "CREATE TABLE Members (id INT PRIMARY KEY, email TEXT);\nALTER TABLE Members RENAME TO members;\n"
    tables = {t.name: [c.name for c in t.columns] for t in _read(text, "postgres", how).tables}
    assert tables == {"members": ["id", "email"]}


@pytest.mark.parametrize("how", ["ddl", "migrations"])
def test_a_self_referencing_table_renamed_keeps_its_key_to_itself(how: str) -> None:
    """A key to the table itself (a manager is staff too) moves with the table, once."""
    text = (
        "CREATE TABLE staff (id INTEGER PRIMARY KEY, manager_id INTEGER REFERENCES staff(id), email TEXT);\n"
        "CREATE TABLE shifts (id INTEGER PRIMARY KEY, staff_id INTEGER REFERENCES staff(id));\n"
        "ALTER TABLE staff RENAME TO employees;\n"
        "ALTER TABLE employees RENAME TO Workers;\n"
    )
    tables = {t.name: t for t in _read(text, "postgres", how).tables}
    assert sorted(tables) == ["Workers", "shifts"]
    assert [(k.columns, k.ref_table) for k in tables["Workers"].foreign_keys] == [(("manager_id",), "Workers")]
    assert [(k.columns, k.ref_table) for k in tables["shifts"].foreign_keys] == [(("staff_id",), "Workers")]
