"""A statement cnsnt cannot parse is said in plain words, not sqlglot's class names (review33 R33b D8).

Found on a German gym's MySQL statement files: `VALUES (?,	--BestellungID--` (no blank
after `--`, so MySQL reads no comment) gave "Required keyword: 'expression' missing for
<class 'sqlglot.expressions.json.JSONBContainsTopKey'>". sqlglot's own wording changes
between versions, so these tests only assert what must never show (`<class`, `sqlglot.`)
and what must (where the statement is, and where in it).
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.api import audit_path
from cnsnt.sql.ddl import parse_ddl
from cnsnt.sql.parse_reason import class_words, plain_reason

POLICY = """cnsnt: 1
sources:
  schemas: [{path: schema.sql, dialect: mysql}]
  queries: [{path: orders.sql, dialect: mysql}]
data: {}
"""
SCHEMA = "CREATE TABLE t (a INT, b INT);\n"
#: Line 3: a statement whose `--a--` is no comment in MySQL; line 6: a LIKE with nothing after it.
QUERIES = "SELECT a FROM t;\n\nINSERT INTO t (a, b) VALUES (\n ?, --a--\n ?);\nSELECT a FROM t WHERE a LIKE\n;\n"


def _parse_findings(root: Path) -> list[tuple[str | None, int | None, int | None, str]]:
    (root / "cnsnt.yaml").write_text(POLICY, encoding="utf-8")
    (root / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    (root / "orders.sql").write_text(QUERIES, encoding="utf-8")
    findings = audit_path(root).findings
    return [
        (f.location.path, f.location.line, f.location.column, f.message)
        for f in findings
        if f.rule == "CN001" and "cannot parse" in f.message
    ]


def test_a_query_parse_error_names_no_parser_class(tmp_path: Path) -> None:
    found = _parse_findings(tmp_path)
    assert [(path, line, column) for path, line, column, _ in found] == [("orders.sql", 3, 1), ("orders.sql", 6, 1)]
    for _, _, _, message in found:
        assert "<class" not in message and "sqlglot." not in message
    dashes, like = (message for *_, message in found)
    assert "near line 3, column 3 of it" in dashes  # the second `?`, where the parser stopped
    assert "a part is missing" in dashes and "near line 1, column 28 of it" in like


def test_a_dash_pair_with_no_blank_after_it_is_pointed_at(tmp_path: Path) -> None:
    dashes = _parse_findings(tmp_path)[0][3]
    assert "-- starts a comment only when a blank follows it" in dashes
    assert "line 2, column 5 of the statement" in dashes


def test_a_schema_statement_parse_error_names_no_parser_class() -> None:
    [problem] = parse_ddl("CREATE VIEW v AS SELECT a FROM t WHERE a LIKE;", "mysql").problems
    assert "<class" not in problem.message and "sqlglot." not in problem.message
    assert problem.message.startswith("CREATE VIEW v could not be parsed (a part is missing")
    assert "at line 1, column 45" in problem.message


def test_class_names_become_words() -> None:
    assert class_words("x.y.JSONBContainsTopKey") == "JSONB contains top key"
    assert class_words("x.core.Like") == "LIKE"
    assert class_words("CurrentTimestamp") == "current timestamp"
    assert plain_reason("Unexpected <class 'a.b.ArrayAgg'> here") == "Unexpected 'array agg' here"
