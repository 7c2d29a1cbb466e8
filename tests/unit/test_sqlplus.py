"""SQL*Plus client commands read once (`cnsnt.sql.sqlplus`), the same in query and schema files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cnsnt.api import audit_path
from cnsnt.model import Finding, Severity
from cnsnt.redact import redact
from cnsnt.reporters import RenderOptions, get_reporter
from cnsnt.sql.ddl import parse_ddl
from cnsnt.sql.sqlplus import SqlPlusKind, sqlplus_line
from cnsnt.sql.statements import split_statements

PASSWORD = "Tr0ub4dor-3x"

#: An install script as Oracle shops write them: settings, a logon, a table, data, a query,
#: another script run from this one and a PL/SQL call.
SCRIPT = (
    "REM people schema and its data\n"
    "SET DEFINE OFF\n"
    "SET ECHO ON\n"
    "WHENEVER SQLERROR EXIT SQL.SQLCODE\n"
    "SPOOL install.log\n"
    f"CONNECT app_owner/{PASSWORD}@//db.example.com:1521/app\n"
    "DEFINE owner = app_owner\n"
    "COLUMN email FORMAT A40\n"
    "TTITLE 'People'\n"
    "PROMPT Creating PEOPLE\n"
    "CREATE TABLE people (id NUMBER PRIMARY KEY, email VARCHAR2(200), full_name VARCHAR2(100))\n"
    "/\n"
    "INSERT INTO people (id, email) VALUES (1, 'ann@example.org');\n"
    "SELECT email FROM people WHERE id = 1;\n"
    "@@people_extra.sql\n"
    "EXEC dbms_stats.gather_table_stats('APP_OWNER', 'PEOPLE')\n"
    "SPOOL OFF\n"
    "EXIT\n"
)
#: What both paths report on SCRIPT: (line, severity, what the message names).
EXPECTED = [
    (15, Severity.INFO, "people_extra.sql"),
    (16, Severity.WARNING, "EXEC"),
]


def _policy(
    tmp_path: Path, schemas: tuple[str, ...] = ("schema.sql",), queries: tuple[str, ...] = ("script.sql",)
) -> Path:
    (tmp_path / "schema.sql").write_text(SCRIPT, encoding="utf-8")
    (tmp_path / "script.sql").write_text(SCRIPT, encoding="utf-8")
    entries = {"schemas": schemas, "queries": queries}
    sources = "".join(
        f"  {kind}:\n" + "".join(f"    - {{path: {name}, dialect: oracle}}\n" for name in names)
        for kind, names in entries.items()
    )
    (tmp_path / "cnsnt.yaml").write_text(
        f"cnsnt: 1\nsources:\n{sources}purposes: {{}}\ndata: {{}}\n", encoding="utf-8"
    )
    return tmp_path


def _unreadable(findings: tuple[Finding, ...], path: str) -> list[Finding]:
    return [f for f in findings if f.rule == "CN001" and f.location.path == path]


def test_one_script_gives_the_same_findings_as_a_schema_and_as_a_query_file(tmp_path: Path) -> None:
    result = audit_path(_policy(tmp_path))
    for path in ("schema.sql", "script.sql"):
        found = _unreadable(result.findings, path)
        assert [(f.location.line, f.severity) for f in found] == [(line, sev) for line, sev, _ in EXPECTED]
        for f, (_, _, named) in zip(found, EXPECTED, strict=True):
            assert named in f.message
    # the settings hold no data, but the table after them is read in both paths
    assert result.sources["tables"] == 1 and result.sources["columns"] == 3
    assert result.sources["queries"] >= 1


def test_a_connect_line_never_shows_its_password(tmp_path: Path) -> None:
    result = audit_path(_policy(tmp_path))
    for fmt in ("json", "text"):
        assert PASSWORD not in get_reporter(fmt).render(result, RenderOptions())
    assert PASSWORD not in json.dumps([f.message for f in result.findings])


@pytest.mark.parametrize("dialect", ["oracle", None])
def test_schema_path_reads_the_settings_in_any_dialect(dialect: str | None) -> None:
    """Without a dialect only commands no SQL dialect has count; the rest still parses."""
    text = "SET DEFINE OFF\nPROMPT people\nCREATE TABLE people (email VARCHAR(200));\nSPOOL OFF\n"
    result = parse_ddl(text, dialect)
    assert [t.name for t in result.tables] == ["people"]
    assert result.problems == ()


def test_query_path_keeps_sql_that_starts_with_a_sqlplus_word() -> None:
    text = "SET TRANSACTION READ ONLY;\nSET NAMES utf8;\nSHOW TABLES;\n"
    mysql = [(s.text, s.sqlplus) for s in split_statements([text], "mysql")]
    assert mysql == [("SET TRANSACTION READ ONLY", None), ("SET NAMES utf8", None), ("SHOW TABLES", None)]
    oracle = [s.sqlplus.kind if s.sqlplus else None for s in split_statements([text], "oracle")]
    assert oracle == [None, SqlPlusKind.SETTING, SqlPlusKind.SETTING]


@pytest.mark.parametrize(
    ("line", "oracle", "kind", "target"),
    [
        ("SET DEFINE OFF;", False, SqlPlusKind.SETTING, ""),
        ("set serveroutput on size 1000000", False, SqlPlusKind.SETTING, ""),
        ("SET TIME ZONE 'UTC'", False, None, ""),  # SQL in PostgreSQL and MySQL
        ("SET autocommit = 0", False, None, ""),
        ("SET search_path TO app", True, SqlPlusKind.SETTING, ""),
        ("SET ROLE admin", True, None, ""),
        ("@hr_cre", True, SqlPlusKind.INCLUDE, "hr_cre"),
        ("@hr_cre", False, None, ""),
        ("@@ people.sql ;", True, SqlPlusKind.INCLUDE, "people.sql"),
        ("@@people.sql", False, None, ""),
        ("START scripts/people.sql", True, SqlPlusKind.INCLUDE, "scripts/people.sql"),
        ("rem a comment", False, SqlPlusKind.REMARK, ""),
        ("CONNECT scott/tiger@db", True, SqlPlusKind.SETTING, ""),
        ("CONNECT scott/tiger@db", False, None, ""),
        ("HOST sqlldr control=people.ctl", True, SqlPlusKind.RUNS, ""),
        ("SELECT 1 FROM dual", True, None, ""),
    ],
)
def test_sqlplus_line(line: str, oracle: bool, kind: SqlPlusKind | None, target: str) -> None:
    got = sqlplus_line(line, oracle=oracle)
    assert (got.kind if got else None) == kind
    if got is not None:
        assert got.target == target


def test_messages_never_quote_a_command_s_arguments() -> None:
    copy = sqlplus_line(f"COPY FROM scott/{PASSWORD}@db1 CREATE people USING SELECT * FROM p", oracle=True)
    exec_ = sqlplus_line("EXEC register('ann@example.org')", oracle=True)
    assert copy is not None and exec_ is not None
    assert PASSWORD not in (copy.message() or "") and "ann@" not in (exec_.message() or "")
    assert sqlplus_line("SET ECHO OFF", oracle=True).message() is None  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        f"CONNECT scott/{PASSWORD}@orcl",
        f"conn scott/{PASSWORD} as sysdba",
        f'CONNECT scott/"{PASSWORD}@x"@orcl',
        f"sqlplus -s scott/{PASSWORD}@//host:1521/pdb @run.sql",
        f"COPY FROM scott/{PASSWORD}@db1 TO hr/{PASSWORD}@db2 CREATE t USING SELECT * FROM e",
    ],
)
def test_redact_masks_oracle_logons(text: str) -> None:
    masked = redact(text)
    assert PASSWORD not in masked and "scott/" in masked


def test_redact_leaves_division_and_connect_by_alone() -> None:
    text = "SELECT a/b FROM t CONNECT BY PRIOR id/2 = parent"
    assert redact(text) == text


@pytest.mark.parametrize("kind", ["schemas", "queries"])
def test_the_note_on_a_script_goes_when_that_script_is_a_source(tmp_path: Path, kind: str) -> None:
    """`@@people_extra.sql` is named while that file is not read; once it is a source of the
    same audit its tables are audited, and the note would only be noise."""
    own = {"schemas": "schema.sql", "queries": "script.sql"}[kind]
    _policy(tmp_path, **{kind: (own, "people_extra.sql")})
    (tmp_path / "people_extra.sql").write_text("CREATE TABLE pets (owner_id NUMBER);\n", encoding="utf-8")
    result = audit_path(tmp_path)
    notes = [f for f in result.findings if f.rule == "CN001" and f.severity is Severity.INFO]
    assert notes == []
    # the EXEC warnings stay, and the script's table is read when it is a schema source
    assert len([f for f in result.findings if f.rule == "CN001"]) == 2
    assert result.sources["tables"] == (2 if kind == "schemas" else 1)


def test_script_names_add_sqlplus_default_extension() -> None:
    assert sqlplus_line("@hr_cre", oracle=True).script_names() == ("hr_cre", "hr_cre.sql")  # type: ignore[union-attr]
    assert sqlplus_line("@@sub/people.sql", oracle=True).script_names() == ("sub/people.sql",)  # type: ignore[union-attr]
    assert sqlplus_line("SET ECHO ON", oracle=True).script_names() == ()  # type: ignore[union-attr]


def test_a_windows_script_path_finds_its_source_whatever_the_case(tmp_path: Path) -> None:
    """SQLTools-style masters written on Windows: `@@Table\\PEOPLE.sql` runs Table/people.sql."""
    (tmp_path / "Table").mkdir()
    (tmp_path / "Table" / "people.sql").write_text("CREATE TABLE people (email VARCHAR2(200));\n")
    (tmp_path / "install.sql").write_text("PROMPT tables\n@@Table\\PEOPLE.sql\n@@Table\\pets\n")
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources:\n  schemas:\n"
        "    - {path: install.sql, dialect: oracle}\n"
        "    - {path: Table/people.sql, dialect: oracle}\n"
        "purposes: {}\ndata: {}\n"
    )
    notes = [f for f in audit_path(tmp_path).findings if f.rule == "CN001"]
    # people.sql is a source: no note; pets.sql is not there: named
    assert [(f.location.line, f.severity) for f in notes] == [(3, Severity.INFO)]
    assert "Table\\pets" in notes[0].message


def test_a_migrations_folder_that_runs_its_own_scripts_has_no_note(tmp_path: Path) -> None:
    """A patch folder replayed as one script (`format: migrations`) whose master runs the
    other files of the folder: they are read, so only the missing one is named."""
    patches = tmp_path / "patches"
    patches.mkdir()
    (patches / "01_update.sql").write_text("PROMPT patch 1\n@@01_01_tables.sql\n@@01_02_gone.sql\n")
    (patches / "01_01_tables.sql").write_text("CREATE TABLE people (email VARCHAR2(200));\n")
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources:\n  schemas:\n"
        '    - {path: "patches/*.sql", dialect: oracle, format: migrations}\n'
        "purposes: {}\ndata: {}\n"
    )
    result = audit_path(tmp_path)
    notes = [f for f in result.findings if f.rule == "CN001"]
    assert [(f.location.path, f.location.line, f.severity) for f in notes] == [
        ("patches/01_update.sql", 3, Severity.INFO)
    ]
    assert "01_02_gone.sql" in notes[0].message and result.sources["tables"] == 1


@pytest.mark.parametrize("line", [f"@hr_main.sql {PASSWORD} users temp", f"START install {PASSWORD}"])
def test_an_include_s_message_names_the_script_not_its_arguments(line: str) -> None:
    """`@hr_main.sql hrpw users temp`: a script's arguments are often a password."""
    got = sqlplus_line(line, oracle=True)
    assert got is not None and got.kind is SqlPlusKind.INCLUDE
    message = got.message() or ""
    assert PASSWORD not in message
    assert ("hr_main.sql" if line.startswith("@") else "install") in message
