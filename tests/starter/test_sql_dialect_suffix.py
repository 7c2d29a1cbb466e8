"""`cnsnt init` finds SQL named for its database (`full.sql.postgres`), as Matrix Synapse keeps it.

The fixtures are written here; the corpus test reads Synapse's own files when the shared
corpus is beside the checkout, and skips saying so when it is not.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from cnsnt.api import audit_path
from cnsnt.starter.discover import Found, discover, suffix_database, survey
from cnsnt.starter.run import draft_new
from tests.conftest import corpus_path

TODAY = dt.date(2026, 1, 2)
#: One schema written twice, as Synapse writes it: PostgreSQL's types, then SQLite's.
POSTGRES = (
    "CREATE TABLE members (\n  id BIGSERIAL PRIMARY KEY,\n  email TEXT NOT NULL,\n  last_ip INET,\n"
    "  verified BOOLEAN DEFAULT FALSE\n);\n"
    "CREATE TABLE member_phones (member_id BIGINT REFERENCES members (id), phone_number TEXT);\n"
)
SQLITE = (
    "CREATE TABLE members (\n  id INTEGER PRIMARY KEY AUTOINCREMENT,\n  email TEXT NOT NULL,\n"
    "  last_ip TEXT,\n  verified INTEGER DEFAULT 0\n);\n"
    "CREATE TABLE member_phones (member_id INTEGER, phone_number TEXT);\n"
)


def _write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "word"),
    [
        ("full.sql.postgres", "postgres"),
        ("full.sql.sqlite", "sqlite"),
        ("full.SQL.MySQL", "mysql"),
        ("tables.sql.mysql8", "mysql"),  # a version after the name, as in folder names
        ("v1.2.sql.pgsql", "pgsql"),
        ("full.sql.bak", None),  # a backup
        ("full.sql.orig", None),  # a merge leftover
        ("full.sql", None),
        ("full.postgres", None),
        (".sql.postgres", None),  # no stem
    ],
)
def test_suffix_database_reads_only_a_database_after_sql(name: str, word: str | None) -> None:
    assert suffix_database(Path("db") / name) == word


def test_a_sql_file_named_for_postgres_is_a_postgres_schema(tmp_path: Path) -> None:
    """The suffix names the dialect, over a folder that names another database."""
    _write(tmp_path, "schema/full.sql.postgres", POSTGRES)
    _write(
        tmp_path, "oracle/tables.sql.postgres", "CREATE TABLE notes (id BIGSERIAL PRIMARY KEY, body TEXT);\n"
    )
    assert discover(tmp_path) == [
        Found("schemas", "oracle/tables.sql.postgres", dialect="postgres"),
        Found("schemas", "schema/full.sql.postgres", dialect="postgres"),
    ]


def test_a_sql_file_named_for_a_database_without_tables_is_a_query_file(tmp_path: Path) -> None:
    _write(tmp_path, "sql/report.sql.postgres", "SELECT email FROM members WHERE last_ip << '10.0.0.0/8';\n")
    assert discover(tmp_path) == [Found("queries", "sql/report.sql.postgres", dialect="postgres")]


def test_a_sqlite_file_alone_is_read_in_sqlite(tmp_path: Path) -> None:
    _write(tmp_path, "schema/full.sql.sqlite", SQLITE)
    found, notes = survey(tmp_path)
    assert found == [Found("schemas", "schema/full.sql.sqlite", dialect="sqlite")]
    assert notes == []


def test_one_schema_in_two_dialects_is_listed_once_the_postgres_one_and_said(tmp_path: Path) -> None:
    _write(tmp_path, "schema/full.sql.sqlite", SQLITE)
    _write(tmp_path, "schema/full.sql.postgres", POSTGRES)
    found, notes = survey(tmp_path)
    assert found == [Found("schemas", "schema/full.sql.postgres", dialect="postgres")]
    assert len(notes) == 1
    assert notes[0].startswith(
        "left out 1 SQL file (schema/full.sql.sqlite): the same SQL as schema/full.sql.postgres, "
        "written for another database"
    )
    text = draft_new(tmp_path, today=TODAY).text
    assert "  # left out 1 SQL file (schema/full.sql.sqlite)" in text
    assert "members.email" in text and "member_phones.phone_number" in text
    assert "full.sql.sqlite:" not in text  # no column is reported from the copy left out
    assert draft_new(tmp_path, today=TODAY).text == text  # same input, same policy


def test_mysql_is_preferred_to_others_and_sqlite_comes_last(tmp_path: Path) -> None:
    _write(tmp_path, "a/full.sql.sqlite", SQLITE)
    _write(tmp_path, "a/full.sql.mysql", "CREATE TABLE members (id INT PRIMARY KEY, email VARCHAR(200));\n")
    _write(
        tmp_path,
        "a/full.sql.oracle",
        "CREATE TABLE members (id NUMBER(10) PRIMARY KEY, email VARCHAR2(200));\n",
    )
    found, notes = survey(tmp_path)
    assert found == [Found("schemas", "a/full.sql.mysql", dialect="mysql")]
    assert notes[0].startswith(
        "left out 2 SQL files (a/full.sql.oracle, a/full.sql.sqlite): the same SQL as a/full.sql.mysql"
    )


def test_copies_named_base_underscore_database_are_one_file_read_once(tmp_path: Path) -> None:
    """SimplCommerce's `ResetToSampleData.sql` (SQL Server's) beside `_MySql`, `_Postgres`,
    `_SQLite` copies: all four were proposed as query files, each use reported four times."""
    data = "UPDATE members SET email = NULL WHERE id = 1;\n"  # a query: rows alone are left out as data
    for name in ("Reset.sql", "Reset_MySql.sql", "Reset_Postgres.sql", "Reset-sqlite.sql"):
        _write(tmp_path, f"sample/{name}", data)
    _write(tmp_path, "sample/Other.sql", "SELECT email FROM members;\n")
    _write(tmp_path, "seed/data.sql", data)
    _write(tmp_path, "seed/data_sqlserver.sql", data.replace("members", "[members]"))
    _write(tmp_path, "seed/pg.sql", data)  # a database's name alone is no copy of another file
    found, notes = survey(tmp_path)
    assert sorted(f.pattern for f in found) == [
        "sample/Other.sql",
        "sample/Reset_Postgres.sql",
        "seed/data.sql",
        "seed/pg.sql",
    ]
    assert sorted(n.split(":")[0] for n in notes if n.startswith("left out")) == [
        "left out 4 SQL files (sample/Reset-sqlite.sql, sample/Reset.sql, sample/Reset_MySql.sql and 1 more)"
    ]


def test_a_backup_beside_a_database_file_is_not_read(tmp_path: Path) -> None:
    _write(tmp_path, "db/a.sql.postgres", POSTGRES)
    _write(tmp_path, "db/b.sql.postgres", "CREATE TABLE notes (id BIGSERIAL PRIMARY KEY, body TEXT);\n")
    _write(tmp_path, "db/a.sql.bak", "CREATE TABLE members (id INT, email TEXT);\n")
    _write(tmp_path, "db/a.sql.orig", "CREATE TABLE members (id INT, email TEXT);\n")
    found, notes = survey(tmp_path)
    assert found == [Found("schemas", "db/*.sql.postgres", dialect="postgres")]
    assert notes == []


def test_a_folder_of_deltas_is_one_glob_the_audit_reads(tmp_path: Path) -> None:
    """Each delta in both dialects: one `*.sql.postgres` glob, and the audit reads its tables."""
    deltas = {
        "01members": (
            "CREATE TABLE members (id BIGSERIAL PRIMARY KEY, email TEXT);\n",
            "CREATE TABLE members (id INTEGER PRIMARY KEY, email TEXT);\n",
        ),
        "02logins": (
            "CREATE TABLE logins (member_id BIGINT, at TIMESTAMPTZ, ip INET);\n",
            "CREATE TABLE logins (member_id INTEGER, at BIGINT, ip TEXT);\n",
        ),
        "03phones": (
            "CREATE TABLE phones (member_id BIGINT, phone_number TEXT);\n",
            "CREATE TABLE phones (member_id INTEGER, phone_number TEXT);\n",
        ),
        "04notes": (
            "CREATE TABLE notes (id BIGSERIAL, body TEXT);\n",
            "CREATE TABLE notes (id INTEGER, body TEXT);\n",
        ),
    }
    for stem, (postgres, sqlite) in deltas.items():
        _write(tmp_path, f"schema/delta/56/{stem}.sql.postgres", postgres)
        _write(tmp_path, f"schema/delta/56/{stem}.sql.sqlite", sqlite)
    found, notes = survey(tmp_path)
    assert found == [Found("schemas", "schema/delta/56/*.sql.postgres", dialect="postgres")]
    assert notes[0].startswith(
        "left out 4 SQL files (schema/delta/56/01members.sql.sqlite, schema/delta/56/02logins.sql.sqlite, "
        "schema/delta/56/03phones.sql.sqlite and 1 more): the same SQL as schema/delta/56/01members.sql.postgres"
    )
    draft = draft_new(tmp_path, today=TODAY)
    draft.path.write_text(draft.text, encoding="utf-8")
    counts = audit_path(tmp_path).sources
    assert counts.get("tables") == 4
    assert counts.get("schema_files") == 4


def test_init_on_synapse_lists_its_postgres_schema_once(tmp_path: Path) -> None:
    """Synapse's own `full_schemas/72`: the PostgreSQL file is read, the SQLite one left out, said."""
    for name in ("full.sql.postgres", "full.sql.sqlite"):
        shutil.copyfile(corpus_path(f"schemas/synapse/{name}"), tmp_path / name)
    found, notes = survey(tmp_path)
    assert found == [Found("schemas", "full.sql.postgres", dialect="postgres")]
    assert notes and notes[0].startswith(
        "left out 1 SQL file (full.sql.sqlite): the same SQL as full.sql.postgres"
    )
    draft = draft_new(tmp_path, today=TODAY)
    draft.path.write_text(draft.text, encoding="utf-8")
    assert "users.name" in draft.text or "user_ips.ip" in draft.text
    assert audit_path(tmp_path).sources.get("tables", 0) > 100


def test_a_glob_keeps_the_case_of_the_files_it_stands_for(tmp_path: Path) -> None:
    """Upper-case `.SQL` files (old Windows exports): the audit's globs are case-sensitive."""
    for name in ("T1.SQL", "T2.SQL", "T3.SQL"):
        _write(tmp_path, f"db/{name}", f"CREATE TABLE {name[:2]} (id INT, email TEXT);\n")
    _write(tmp_path, "db/t8.sql", "CREATE TABLE t8 (id INT, phone TEXT);\n")
    _write(tmp_path, "db/t9.sql", "CREATE TABLE t9 (id INT, phone TEXT);\n")
    found, _ = survey(tmp_path)
    assert found == [Found("schemas", "db/*.SQL"), Found("schemas", "db/*.sql")]
    draft = draft_new(tmp_path, today=TODAY)
    draft.path.write_text(draft.text, encoding="utf-8")
    counts = audit_path(tmp_path).sources
    assert counts.get("schema_files") == 5 and counts.get("tables") == 5
