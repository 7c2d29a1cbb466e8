"""A TEMP table is its session's scratch, kept apart from the real table of its name (ddl40).

PostgreSQL makes `CREATE TEMP TABLE users` in the session's own `pg_temp` schema, which an
unqualified name finds first: a `DROP TABLE users` or `ALTER TABLE users` then acts on the
temporary table, not on `public.users`. The session ends with the file (or, for Flyway and
sqitch, with each migration), and the temporary table with it: it is never a table of the
schema the file leaves behind.
"""

from __future__ import annotations

from cnsnt.sql.ddl import parse_ddl
from cnsnt.sql.migrations import MigrationFile, replay_migrations

_USERS = "CREATE TABLE users (id int PRIMARY KEY, email text);\n"


def _dump(text: str, dialect: str = "postgres") -> list[tuple[str | None, str, list[str]]]:
    result = parse_ddl(text, dialect)
    assert [p.message for p in result.problems] == []
    return [(t.schema, t.name, [c.name for c in t.columns]) for t in result.tables]


def _replayed(files: list[MigrationFile], dialect: str = "postgres") -> list[tuple[str | None, str, list[str]]]:
    result = replay_migrations(files, dialect)
    assert [p.message for p in result.problems] == []
    return [(t.schema, t.name, [c.name for c in t.columns]) for t in result.tables]


def test_dropping_a_temp_table_leaves_the_real_table_of_its_name() -> None:
    text = _USERS + "CREATE TEMP TABLE users (import_email text);\nDROP TABLE users;\n"
    assert _dump(text) == [(None, "users", ["id", "email"])]
    assert _replayed([MigrationFile("0001_a.up.sql", text)]) == [(None, "users", ["id", "email"])]


def test_an_alter_changes_the_temp_table_while_it_exists_then_the_real_one() -> None:
    text = (
        _USERS + "CREATE TEMPORARY TABLE users (import_email text);\n"
        "ALTER TABLE users ADD COLUMN import_phone text;\n"
        "DROP TABLE users;\n"
        "ALTER TABLE users ADD COLUMN phone text;\n"
    )
    assert _dump(text) == [(None, "users", ["id", "email", "phone"])]
    assert _replayed([MigrationFile("0001_a.up.sql", text)]) == [(None, "users", ["id", "email", "phone"])]


def test_a_qualified_name_finds_the_real_table_beside_a_temp_one() -> None:
    text = (
        "SET search_path TO clinic;\n" + _USERS + "CREATE TEMP TABLE users (import_email text);\n"
        "ALTER TABLE clinic.users ADD COLUMN phone text;\n"
        "COMMENT ON COLUMN clinic.users.email IS 'login';\n"
    )
    assert _dump(text) == [("clinic", "users", ["id", "email", "phone"])]
    assert parse_ddl(text, "postgres").tables[0].columns[1].comment == "login"


def test_a_temp_table_is_no_table_of_the_schema_left_behind() -> None:
    """Neither shown unqualified nor put in the path's schema: it ends with its session."""
    text = "SET search_path TO clinic;\nCREATE TEMP TABLE import_rows (email text);\nCREATE TABLE staff (id int);\n"
    assert _dump(text) == [("clinic", "staff", ["id"])]
    assert _replayed([MigrationFile("0001_a.up.sql", text)]) == [("clinic", "staff", ["id"])]
    assert _dump("CREATE TABLE pg_temp.import_rows (email text);\n") == []  # pg_temp names a temp table too


def test_if_not_exists_looks_where_the_table_would_be_made() -> None:
    """A TEMP table of a real table's name is made; a real one beside a TEMP one too."""
    text = (
        _USERS + "CREATE TEMP TABLE IF NOT EXISTS users (import_email text);\n"
        "ALTER TABLE users ADD COLUMN import_phone text;\n"
        "CREATE TEMP TABLE wards (id int);\n"
        "CREATE TABLE IF NOT EXISTS wards (id int, name text);\n"
        "DROP TABLE wards;\n"
    )
    assert _replayed([MigrationFile("0001_a.up.sql", text)]) == [(None, "users", ["id", "email"]), (None, "wards", ["id", "name"])]


def test_a_temp_table_ends_with_the_session_that_made_it() -> None:
    """golang-migrate runs every file on one connection; Flyway gives each its own session."""
    files = [
        ("1", _USERS),
        ("2", "CREATE TEMP TABLE users (import_email text);\n"),
        ("3", "DROP TABLE users;\n"),
    ]
    one_connection = [MigrationFile(f"000{v}_step.up.sql", text) for v, text in files]
    assert _replayed(one_connection) == [(None, "users", ["id", "email"])]
    own_sessions = [MigrationFile(f"V{v}__step.sql", text, True) for v, text in files]
    assert _replayed(own_sessions) == []


def test_a_mysql_temporary_table_hides_the_real_one_until_dropped() -> None:
    """MySQL too: the real table is hidden while a TEMPORARY one of its name exists."""
    text = "USE shop;\n" + _USERS + "CREATE TEMPORARY TABLE users (import_email text);\nDROP TABLE users;\n"
    assert _dump(text, "mysql") == [(None, "users", ["id", "email"])]


def test_an_oracle_global_temporary_table_is_a_table_of_the_schema() -> None:
    """Its definition stays in the schema; only its rows are the session's."""
    text = "ALTER SESSION SET CURRENT_SCHEMA = hr;\nCREATE GLOBAL TEMPORARY TABLE import_rows (email VARCHAR2(80));\n"
    assert _dump(text, "oracle") == [("hr", "import_rows", ["email"])]
