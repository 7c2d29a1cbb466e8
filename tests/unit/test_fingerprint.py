"""Statement fingerprints: literals fold, everything else keeps statements apart."""

from __future__ import annotations

import pytest

from cnsnt.sql.fingerprint import Fingerprinter
from cnsnt.sql.statements import split_statements
from tests.conftest import corpus_path

FP = Fingerprinter("postgres")


def fp(sql: str) -> bytes:
    return FP.fingerprint_text(sql)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("SELECT * FROM t WHERE id = 1", "select *   from T where ID = 42"),
        ("SELECT name FROM t WHERE x = 'a'", "SELECT name FROM t WHERE x = 'it''s'"),
        ("SELECT 1.5, 2e3 FROM t", "SELECT 7.25, 9e3 FROM t"),
        ("SELECT a FROM t WHERE id = $1", "SELECT a FROM t WHERE id = $2"),
        ("SELECT a FROM t WHERE id IN (1, 2, 3)", "SELECT a FROM t WHERE id IN (7)"),
        ("SELECT a FROM t WHERE id IN ($1, $2)", "SELECT a FROM t WHERE id IN ($1)"),
        ("INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y')", "INSERT INTO t (a, b) VALUES (3, 'z')"),
        ("SELECT a FROM t; ", "SELECT a FROM t"),
        ("SELECT a FROM t -- a comment", "SELECT a /* other */ FROM t"),
        ("SELECT a FROM t WHERE x = 'a -- b'", "SELECT a FROM t WHERE x = 'c'"),
        ("SELECT a FROM t WHERE x = '/* no */'", "SELECT a FROM t WHERE x = 'c'"),
        ("SELECT a FROM t WHERE x = E'it\\'s'", "SELECT a FROM t WHERE x = E'c'"),
        ("SELECT $$a;'b$$ FROM t", "SELECT $tag$x$tag$ FROM t"),
    ],
)
def test_same_shape(a: str, b: str) -> None:
    assert fp(a) == fp(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("SELECT a FROM t1", "SELECT a FROM t2"),
        ("SELECT a1 FROM t", "SELECT a2 FROM t"),
        ('SELECT "Name" FROM t', 'SELECT "name" FROM t'),
        ('SELECT "30 days" FROM t', 'SELECT "31 days" FROM t'),
        ("SELECT a FROM t WHERE x = 1", "SELECT a FROM t WHERE y = 1"),
        ("SELECT a FROM t WHERE x - 1 > 0", "SELECT a FROM t WHERE x + 1 > 0"),
        ("SELECT a FROM t WHERE x = '--' AND y = 1", "SELECT a FROM t WHERE x = '--'"),
        ("SELECT a FROM t /* ' */ WHERE b = 1", "SELECT a FROM t WHERE b = 1 AND c = 2"),
        ("SELECT a FROM t WHERE x = 'a -- ' AND y = 1", "SELECT a FROM t WHERE x = 'a'"),
    ],
)
def test_different_shape(a: str, b: str) -> None:
    assert fp(a) != fp(b)


def test_comment_holding_a_quote_does_not_swallow_code() -> None:
    assert fp("SELECT a /* it's */ FROM t WHERE b = 'x'") == b"select a from t where b = ?"


def test_fast_and_slow_paths_agree_on_tpc_queries() -> None:
    queries = [" ".join(q.split()) for q in (corpus_path("queries/tpc/tpcds_queries.sql")).read_text().split(";")
               if q.strip()]
    for q in queries:
        assert fp(q) == fp(q + " -- trailing comment"), q[:60]


def test_distinct_tpc_queries_have_distinct_fingerprints() -> None:
    queries = [q for f in ("tpch_queries.sql", "tpcds_queries.sql")
               for q in corpus_path(f"queries/tpc/{f}").read_text().split(";") if q.strip()]
    assert len({fp(q) for q in queries}) == len(queries) == 121


def test_mysql_backslash_escapes_and_hash_comments() -> None:
    my = Fingerprinter("mysql")
    assert my.fingerprint(b"SELECT a FROM t WHERE x = 'it\\'s' # note") == my.fingerprint(
        b"SELECT a FROM t WHERE x = 'c'"
    )


def test_split_line_on_semicolons_outside_strings() -> None:
    pieces = FP.split(b"SELECT 'a;b' FROM t; UPDATE t SET a = 1;\n")
    assert [p for _, p in pieces] == [b"SELECT 'a;b' FROM t", b" UPDATE t SET a = 1"]


def test_split_statements_keeps_lines_and_comments() -> None:
    text = "-- cnsnt: purpose=x\nSELECT 1;\n\n/* two\nlines */ SELECT ';'\n  FROM t;\nSELECT 3"
    chunks = [text[i : i + 5] for i in range(0, len(text), 5)]  # tokens cross chunk ends
    got = list(split_statements(chunks, "postgres"))
    assert [(s.line, s.text) for s in got] == [
        (2, "SELECT 1"), (5, "SELECT ';'\n  FROM t"), (7, "SELECT 3"),
    ]
    assert [c.text for c in got[0].leading] == ["cnsnt: purpose=x"]
    assert [c.text for c in got[1].leading] == ["two\nlines"]
