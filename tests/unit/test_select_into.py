"""hard38: MySQL's `SELECT ... INTO @a, @b` (before FROM or after the rest) was a CN001 that
left its columns unaudited: sqlglot 30.30 parses neither placement of a variable list. The
INTO is blanked from sqlglot's tokens and the rest parsed; a variable is no column, no table."""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.api import audit_path
from cnsnt.sql.select_into import without_select_into

SCHEMA = "CREATE TABLE members (id int PRIMARY KEY, email varchar(80), phone varchar(20), birth_date date);\n"


@pytest.mark.parametrize(
    "statement",
    [
        "SELECT email, phone INTO @mail, @tel FROM members WHERE id = 1",
        "SELECT email, phone FROM members WHERE id = 1 INTO @mail, @tel",
        "SELECT email, phone FROM members WHERE id = 1 INTO @`mail`, @'tel' FOR UPDATE",
        "SELECT email, phone INTO OUTFILE '/tmp/members.csv' FIELDS TERMINATED BY ',' FROM members",
    ],
)
def test_the_columns_a_select_into_variables_reads_are_audited(tmp_path: Path, statement: str) -> None:
    (tmp_path / "schema.sql").write_text(SCHEMA)
    (tmp_path / "report.sql").write_text(f"{statement};\nSELECT birth_date FROM members WHERE email = @mail;\n")
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources:\n  schemas: [{path: schema.sql, dialect: mysql}]\n"
        "  queries: [{path: report.sql, dialect: mysql}]\n"
    )
    result = audit_path(tmp_path)
    assert [f.message for f in result.findings if f.rule == "CN001"] == []
    read = {(f.location.line, f.message.split(" reads personal data ")[1].split()[0]) for f in result.findings if f.rule == "CN302"}
    assert read == {(1, "members.email"), (1, "members.phone"), (2, "members.birth_date"), (2, "members.email")}


def test_the_into_clause_is_blanked_in_place() -> None:
    sql = "SELECT email,\n  phone INTO @mail,\n  @tel FROM members"
    out = without_select_into(sql, "mysql")
    assert out == sql.replace("INTO @mail,", " " * 11).replace("  @tel", " " * 6)
    assert len(out) == len(sql)


@pytest.mark.parametrize(
    ("sql", "dialect"),
    [
        ("INSERT INTO members (email) SELECT email FROM staff", "mysql"),  # an INSERT's INTO names a table
        ("SELECT email INTO archive FROM members", "tsql"),  # T-SQL makes a table of it
        ("SELECT email INTO @mail FROM members", "postgres"),
        ("SELECT 'into' FROM members", "mysql"),
    ],
)
def test_other_intos_are_left(sql: str, dialect: str) -> None:
    assert without_select_into(sql, dialect) == sql
