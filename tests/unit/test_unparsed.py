"""A statement the SQL parser crashes on is named by what it is and why, and costs only itself.

The construct: T-SQL's bracket-quoted dotted names (`[dbo].[add_person]`) read in a dialect
where `[` opens an array (every dialect but T-SQL's and SQLite's).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.evidence import Evidence
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.queries.reader import read_queries
from cnsnt.sources.schemas.ddl import read_ddl
from cnsnt.sql.unparsed import crash_message

#: A stored procedure as SQL Server Data Tools projects keep them, then a plain query.
PROCEDURE = (
    "-- adds a person\n"
    "CREATE PROCEDURE [dbo].[add_person]\n"
    "    @email nvarchar(200)\n"
    "AS\n"
    "BEGIN\n"
    "    INSERT INTO [dbo].[people] ([email]) VALUES (@email)\n"
    "END;\n"
    "  SELECT email FROM people WHERE id = 1;\n"
)


def _queries(tmp_path: Path, dialect: str | None) -> Evidence:
    path = tmp_path / "add_person.sql"
    path.write_text(PROCEDURE, encoding="utf-8")
    spec = SourceSpec("queries", path.name, tmp_path, Location("cnsnt.yaml", 1), dialect)
    return read_queries(path, spec, SourceContext(base_dir=tmp_path))


@pytest.mark.parametrize("dialect", [None, "postgres", "mysql"])
def test_a_tsql_procedure_read_in_another_dialect_is_named_with_its_place(
    tmp_path: Path, dialect: str | None
) -> None:
    ev = _queries(tmp_path, dialect)
    # the procedure is stored code: the INSERT inside it is read at its own place, and what
    # the dialect cannot read is named there, with the dialect that reads it
    unreadable = [p for p in ev.problems if "[brackets]" in p.message]
    assert len(unreadable) == 1
    problem = unreadable[0]
    assert problem.location == Location("add_person.sql", 6, 5)
    assert problem.severity is Severity.WARNING  # stored code: its routine explains the gap
    assert "dialect: tsql" in problem.message
    # the rest of the file is still audited
    assert [(q.location.line, q.location.column) for q in ev.queries] == [(8, 3)]


def test_read_as_tsql_the_same_file_has_no_parse_problem(tmp_path: Path) -> None:
    ev = _queries(tmp_path, "tsql")
    assert not [p for p in ev.problems if "[brackets]" in p.message or "cannot parse" in p.message]


def test_a_schema_file_names_the_bracketed_table_and_keeps_the_next_one(tmp_path: Path) -> None:
    path = tmp_path / "schema.sql"
    path.write_text(
        "CREATE TABLE [dbo].[people] ([email] nvarchar(200));\nCREATE TABLE pets (owner_id int);\n",
        encoding="utf-8",
    )
    spec = SourceSpec("schemas", path.name, tmp_path, Location("cnsnt.yaml", 1), "postgres")
    ev = read_ddl(path, spec, SourceContext(base_dir=tmp_path))
    assert [t.name for t in ev.tables] == ["pets"]
    assert [(p.location.line, p.location.column) for p in ev.problems] == [(1, 1)]
    assert "[brackets]" in ev.problems[0].message and "dialect: tsql" in ev.problems[0].message


def test_another_crash_names_the_statement_and_never_quotes_its_values() -> None:
    message = crash_message(
        RuntimeError("boom"), "INSERT INTO people (email) VALUES ('ann@example.org')", None
    )
    assert (
        message
        == "cannot parse this INSERT (INSERT INTO people (email) VALUES): the SQL parser failed on it (RuntimeError)"
    )
