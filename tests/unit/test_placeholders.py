"""Joomla's `#__` table prefix in queries: found from sqlglot's tokens, never inside a string or comment."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlglot.dialects.dialect import Dialect

from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.ddl import read_ddl
from cnsnt.sql.fingerprint import Fingerprinter
from cnsnt.sql.placeholders import strip_table_prefix
from cnsnt.sql.statements import split_statements
from cnsnt.sql.uses import QuerySchema, analyse

#: Written for these tests: the prefix bare, backquoted and qualifying a column; inside a
#: string, a `--` comment and a `#` comment; a line of `#____`.
QUERY = (
    "SELECT m.email FROM #__members m JOIN `#__notes` n ON n.member_id = m.id\n"
    " WHERE #__members.id = 1 AND n.body <> '#__kept' -- #__kept too\n"
    " # a comment naming #__kept\n"
    " #____\n"
)


@pytest.mark.parametrize(
    ("dialect", "expected"),
    [
        # MySQL: `#` starts a comment, except where it is the placeholder
        ("mysql", QUERY.replace("#__members", "members").replace("`#__notes`", "`notes`")),
        # elsewhere `#` starts no comment: `#__kept` after `# a comment naming` is code too
        ("postgres", QUERY.replace("#__members", "members").replace("`#__notes`", "`notes`")
         .replace("naming #__kept", "naming kept")),
    ],
)
def test_the_prefix_is_dropped_where_the_tokens_say_it_is(dialect: str, expected: str) -> None:
    assert strip_table_prefix(QUERY, dialect) == expected


def test_a_statement_without_the_prefix_or_that_does_not_tokenize_is_unchanged() -> None:
    assert strip_table_prefix("SELECT '#__x' FROM t", "mysql") == "SELECT '#__x' FROM t"
    assert strip_table_prefix("SELECT a FROM #__t WHERE b = 'open", "postgres") == "SELECT a FROM #__t WHERE b = 'open"


def test_joomla_queries_resolve_against_the_tables_the_ddl_reader_named(tmp_path: Path) -> None:
    """The DDL reader reads `CREATE TABLE #__members` as `members`: queries now match it."""
    ddl = tmp_path / "install.mysql.sql"
    ddl.write_text(
        "CREATE TABLE IF NOT EXISTS `#__members` (`id` INT NOT NULL, `email` VARCHAR(100));\n"
        "CREATE TABLE #__notes (member_id INT, body TEXT);\n"
    )
    spec = SourceSpec("schemas", ddl.name, tmp_path, Location("cnsnt.yaml"), "mysql")
    tables = read_ddl(ddl, spec, SourceContext(base_dir=tmp_path)).tables
    assert sorted(t.name for t in tables) == ["members", "notes"]
    [stmt] = split_statements([QUERY + ";\n"], "mysql")
    assert stmt.text == QUERY.rstrip()
    got = analyse(stmt.text, QuerySchema.from_tables(tables, "mysql"))
    assert got.problems == ()
    assert {(u.column, u.access.value) for u in got.uses} == {
        ("members.email", "read"), ("members.id", "read"), ("notes.member_id", "read"), ("notes.body", "read")
    }


#: Written for these tests: MySQL comment lines that start with `#__`, before the first
#: statement, between two, after a `;` on a statement's line, and one with a quote in it.
COMMENTED_DDL = (
    "#__note the users of the site\n"
    "#__todo: don't forget the profiles\n"
    "CREATE TABLE #__users (\n  id INT NOT NULL,\n  email VARCHAR(100)\n);\n"
    "#__profiles are below\n"
    "CREATE TABLE `#__profiles` (user_id INT, phone VARCHAR(20)); #__phone is optional\n"
    "INSERT INTO #__users (id, email) VALUES (1, '#__kept');\n"
)


def test_a_mysql_comment_line_starting_with_the_prefix_stays_a_comment(tmp_path: Path) -> None:
    """The DDL reader cut every `#__` before a letter from the file's text, so `#__note ...`
    became the SQL `note ...` (CN001: statement not understood): it finds the prefix from
    sqlglot's tokens as the queries do, and a name never starts a statement."""
    ddl = tmp_path / "install.mysql.sql"
    ddl.write_text(COMMENTED_DDL)
    spec = SourceSpec("schemas", ddl.name, tmp_path, Location("cnsnt.yaml"), "mysql")
    ev = read_ddl(ddl, spec, SourceContext(base_dir=tmp_path))
    assert [(t.name, [c.name for c in t.columns]) for t in ev.tables] == [
        ("users", ["id", "email"]),
        ("profiles", ["user_id", "phone"]),
    ]
    users = ev.tables[0]
    assert (users.location.line, users.columns[1].location.line) == (3, 5)  # places unmoved
    assert ev.problems == []
    # the queries' helper reads one statement the same way
    assert strip_table_prefix("#__note: the users\nSELECT email FROM #__users", "mysql") == (
        "#__note: the users\nSELECT email FROM users"
    )
    # where `#` starts no comment the prefix is cut as before
    assert strip_table_prefix("#__x\nSELECT 1", "postgres") == "x\nSELECT 1"


def test_the_splitter_and_fingerprints_keep_the_prefixed_name() -> None:
    """In MySQL `#__users` is no comment: two tables are two statements of two shapes."""
    found = [s.text for s in split_statements(["SELECT a FROM #__users; # note; x\nSELECT a FROM #__content;\n"], "mysql")]
    assert found == ["SELECT a FROM #__users", "SELECT a FROM #__content"]
    # wherever the file's chunks are cut (a cut inside `#__` must not make it a comment)
    text = "SELECT a FROM #__users; # note; x\nSELECT a FROM #__content;\n" + QUERY
    whole = list(split_statements([text], "mysql"))
    for size in range(1, 12):
        assert list(split_statements([text[i : i + size] for i in range(0, len(text), size)], "mysql")) == whole
    fp = Fingerprinter("mysql")
    assert fp.fingerprint_text(found[0]) != fp.fingerprint_text(found[1])
    assert fp.fingerprint_text("SELECT a FROM t # #__x") == b"select a from t"


def test_the_splitter_reads_a_prefix_that_starts_a_statement_as_a_comment_line() -> None:
    """`#__todo: don't ...` was read as code: its quote opened a string that swallowed the
    statements after it. A name never starts a statement, so in MySQL it is a comment line,
    as the DDL reader reads it; wherever the file's chunks are cut."""
    text = (
        "#__note the users\nSELECT a FROM #__users;\n#__todo: don't\nSELECT b FROM #__t;\n"
        "SELECT c FROM t; #__after ; 'x\nSELECT d FROM #__u;\n"
    )
    whole = list(split_statements([text], "mysql"))
    assert [(s.line, s.text) for s in whole] == [
        (2, "SELECT a FROM #__users"),
        (4, "SELECT b FROM #__t"),
        (5, "SELECT c FROM t"),
        (6, "SELECT d FROM #__u"),
    ]
    assert [[c.text for c in s.leading] for s in whole] == [
        ["__note the users"], ["__todo: don't"], [], ["__after ; 'x"]
    ]
    for size in range(1, 12):
        assert list(split_statements([text[i : i + size] for i in range(0, len(text), size)], "mysql")) == whole
    # where `#` starts no comment it stays code, as before
    assert [s.text for s in split_statements(["#__x\nSELECT 1;\n"], "postgres")] == ["#__x\nSELECT 1"]


def test_a_prefix_after_a_comment_is_found_in_mysql() -> None:
    """`INSERT INTO -- the users\\n#__users`: the placeholder shares its gap between tokens
    with a comment; only the gap's first character was looked at, so it stayed `#__users`."""
    sql = "INSERT INTO -- the users\n#__users (id) VALUES (1)"
    assert strip_table_prefix(sql, "mysql") == "INSERT INTO -- the users\nusers (id) VALUES (1)"
    assert strip_table_prefix("SELECT a FROM # c\n#__t", "mysql") == "SELECT a FROM # c\nt"


def test_many_prefixes_are_found_with_one_tokenizing(monkeypatch: pytest.MonkeyPatch) -> None:
    """The text was tokenized again from each `#__` on: quadratic (4,000 names: 1.8 s)."""
    calls: list[int] = []
    real = Dialect.tokenize

    def counted(self: Dialect, sql: str, **kwargs: object) -> object:
        calls.append(len(sql))
        return real(self, sql, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Dialect, "tokenize", counted)
    sql = "SELECT a FROM " + ", ".join(f"#__t{i}" for i in range(200))
    assert strip_table_prefix(sql, "mysql") == "SELECT a FROM " + ", ".join(f"t{i}" for i in range(200))
    assert len(calls) == 1
