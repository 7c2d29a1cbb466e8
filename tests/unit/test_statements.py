"""The streaming statement splitter: T-SQL `GO` batches."""

from __future__ import annotations

from cnsnt.sql.statements import split_statements

TSQL = "SELECT email FROM users\nGO\nSELECT id\nFROM users\n  go 2\nSELECT go FROM t;\n"


def test_go_lines_end_tsql_batches():
    found = [(s.line, s.text) for s in split_statements([TSQL], "tsql")]
    assert found == [(1, "SELECT email FROM users"), (3, "SELECT id\nFROM users"), (6, "SELECT go FROM t")]


def test_go_split_across_chunks_is_the_same():
    chunks = [TSQL[i : i + 5] for i in range(0, len(TSQL), 5)]
    assert [s.text for s in split_statements(chunks, "tsql")] == [
        s.text for s in split_statements([TSQL], "tsql")
    ]


def test_go_is_only_a_separator_in_tsql():
    texts = [s.text for s in split_statements(["SELECT 1\nGO\n;"], "postgres")]
    assert texts == ["SELECT 1\nGO"]
