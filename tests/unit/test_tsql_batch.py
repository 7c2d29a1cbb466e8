"""T-SQL statements glued without `;` in a batch are read one by one, each at its own place."""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.evidence import Evidence, Table
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.queries.reader import read_queries
from cnsnt.sources.schemas.ddl import read_ddl
from cnsnt.sql.tsql_batch import batch_statements

SCHEMA = """\
CREATE TABLE [dbo].[Customers] ([Id] int NOT NULL, [Email] nvarchar(200) NULL, [Phone] nvarchar(50) NULL)
CREATE TABLE [dbo].[Notes] ([Id] int NOT NULL, [Body] nvarchar(max) NULL)
GO
"""

#: Written for these tests, in the shape SSMS scripts data and people write batches.
QUERIES = """\
SET IDENTITY_INSERT [dbo].[Customers] ON
INSERT [dbo].[Customers] ([Id], [Email]) VALUES (1, N'a@example.org')
SET IDENTITY_INSERT [dbo].[Customers] OFF
GO
PRINT 'notes'
  SELECT [Body] FROM [dbo].[Notes] WHERE [Id] = 1
DECLARE @id int = 2
-- cnsnt: ignore CN303 the page shows every column
SELECT [Phone] FROM [dbo].[Customers] WHERE [Id] = @id SELECT [Email] FROM [dbo].[Customers]
SELECT [Email] FROM [dbo].[Customers] WHERE
SELECT [Body] FROM [dbo].[Notes]
GO 2
"""


@pytest.fixture
def tables(tmp_path: Path) -> list[Table]:
    path = tmp_path / "schema.sql"
    path.write_text(SCHEMA)
    spec = SourceSpec("schemas", path.name, tmp_path, Location("cnsnt.yaml"), "tsql")
    return read_ddl(path, spec, SourceContext(base_dir=tmp_path)).tables


def read(tmp_path: Path, tables: list[Table], text: str) -> Evidence:
    path = tmp_path / "batch.sql"
    path.write_text(text)
    spec = SourceSpec("queries", path.name, tmp_path, Location("cnsnt.yaml", 3), dialect="tsql")
    return read_queries(path, spec, SourceContext(base_dir=tmp_path, tables=list(tables)))


def test_each_statement_of_a_batch_is_read_at_its_own_line_and_column(
    tmp_path: Path, tables: list[Table]
) -> None:
    """The INSERT after `SET IDENTITY_INSERT ... ON` and the SELECT after `PRINT` were held
    in one opaque command with it, read as nothing and no finding; glued SELECTs were one
    CN001 for the batch."""
    ev = read(tmp_path, tables, QUERIES)
    found = [
        (q.location.line, q.location.column, sorted(f"{u.column}:{u.access.value}" for u in q.uses), q.ignores)
        for q in ev.queries
    ]
    assert found == [
        (2, 1, ["dbo.Customers.Email:write", "dbo.Customers.Id:write"], ()),
        (6, 3, ["dbo.Notes.Body:read", "dbo.Notes.Id:read"], ()),
        (9, 1, ["dbo.Customers.Id:read", "dbo.Customers.Phone:read"],
         (("CN303", "the page shows every column"),)),
        (9, 56, ["dbo.Customers.Email:read"], ()),
        (11, 1, ["dbo.Notes.Body:read"], ()),
    ]
    # the statement that does not parse costs itself only, at its own line
    assert [(p.location.line, p.location.column, p.severity) for p in ev.problems] == [(10, 1, None)]
    assert "cannot parse statement" in ev.problems[0].message


def test_a_batch_of_crlf_lines_keeps_its_places(tmp_path: Path, tables: list[Table]) -> None:
    text = "SELECT [Email] FROM [dbo].[Customers]\r\nSELECT [Body] FROM [dbo].[Notes]\r\nGO\r\n"
    ev = read(tmp_path, tables, text)
    assert [(q.location.line, q.location.column) for q in ev.queries] == [(1, 1), (2, 1)]
    assert ev.problems == []


@pytest.mark.parametrize(
    "text",
    [
        "INSERT INTO t (a)\nSELECT a FROM u",  # INSERT ... SELECT
        "SELECT a FROM t\nUNION ALL\nSELECT a FROM u",
        "UPDATE t\nSET a = 1\nWHERE b = 2",
        "SELECT a FROM t WITH (NOLOCK) WHERE b = 1",
        "ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES u (a)\nON DELETE CASCADE",
        "SELECT CASE WHEN a = 1 THEN 'x'\nELSE 'y'\nEND AS k FROM t",
        "PRINT 'SELECT a FROM t'",
    ],
)
def test_one_statement_over_several_lines_is_not_cut(text: str) -> None:
    assert batch_statements(text, "tsql") is None


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("SET NOCOUNT ON\nSELECT a FROM t", ["SET NOCOUNT ON", "SELECT a FROM t"]),
        ("BEGIN TRAN\nUPDATE t SET a = 1\nCOMMIT", ["BEGIN TRAN", "UPDATE t SET a = 1", "COMMIT"]),
        ("EXEC p @a = 1\nSELECT a FROM t", ["EXEC p @a = 1", "SELECT a FROM t"]),
        ("CREATE TABLE a (id int)\nCREATE TABLE b (id int)", ["CREATE TABLE a (id int)", "CREATE TABLE b (id int)"]),
        (
            "IF NOT EXISTS (SELECT 1 FROM t WHERE a = 1)\nINSERT INTO t (a) VALUES (1)\nINSERT INTO t (a) VALUES (2)",
            ["IF NOT EXISTS (SELECT 1 FROM t WHERE a = 1)\nINSERT INTO t (a) VALUES (1)", "INSERT INTO t (a) VALUES (2)"],
        ),
        (
            "WITH c AS (SELECT a FROM t)\nSELECT a FROM c\nSELECT 3",
            ["WITH c AS (SELECT a FROM t)\nSELECT a FROM c", "SELECT 3"],
        ),
    ],
)
def test_glued_statements_are_cut_where_sqlglot_ends_each(text: str, pieces: list[str]) -> None:
    found = batch_statements(text, "tsql")
    assert found is not None
    assert [p.text for p in found] == pieces
    assert all(text[p.offset : p.offset + len(p.text)] == p.text for p in found)


def test_only_tsql_batches_are_cut() -> None:
    assert batch_statements("SELECT a FROM t\nSELECT b FROM u", "postgres") is None


def test_many_glued_command_lines_are_read_in_bounded_time() -> None:
    text = "PRINT 'x'\nSELECT a FROM t\n" * 2000
    found = batch_statements(text, "tsql")
    assert found is not None and len(found) > 64  # the first commands' tails are read again
    assert "".join(p.text for p in found).replace("\n", "") == text.replace("\n", "")


def test_a_problem_in_one_glued_statement_is_a_warning_or_error_at_its_line(
    tmp_path: Path, tables: list[Table]
) -> None:
    ev = read(tmp_path, tables, "SELECT [Email] FROM [dbo].[Customers]\nSELECT [Nope] FROM [dbo].[Notes]\n")
    assert [q.location.line for q in ev.queries] == [1, 2]
    assert {(p.location.line, p.severity) for p in ev.problems} == {(2, Severity.WARNING)}
