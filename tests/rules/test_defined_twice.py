"""CN001: two schema files that define the same table (review22 D5: a stale `schema.prisma` copy)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cnsnt.api import audit
from cnsnt.policy.loader import load_policy

SCHEMA = (
    "model Cliente {\n  id       Int     @id @default(autoincrement())\n  nombre   String\n"
    "  telefono String?\n}\nmodel Nota {\n  id Int @id\n  texto String\n}\n"
)


def _audit(root: Path, schemas: str) -> list:
    (root / "cnsnt.yaml").write_text(f"cnsnt: 1\nsources:\n  schemas: {schemas}\n", encoding="utf-8")
    return audit(load_policy(root / "cnsnt.yaml"), jobs=1, today=dt.date(2026, 12, 4)).findings


def test_a_table_two_files_define_is_a_warning_and_both_keep_their_findings(tmp_path: Path) -> None:
    (tmp_path / "prisma").mkdir()
    (tmp_path / "prisma" / "schema.prisma").write_text(SCHEMA, encoding="utf-8")
    (tmp_path / "backup").mkdir()
    (tmp_path / "backup" / "schema.prisma").write_text(
        SCHEMA.replace("  telefono", "  dni String?\n  telefono"), encoding="utf-8"
    )
    findings = _audit(
        tmp_path, "[{path: prisma/schema.prisma, format: prisma}, {path: backup/schema.prisma, format: prisma}]"
    )
    twice = [f for f in findings if f.rule == "CN001"]
    assert [(f.subject, f.severity.value) for f in twice] == [("backup/schema.prisma:1", "warning")]
    assert twice[0].message.startswith(
        "2 tables of backup/schema.prisma are also defined in prisma/schema.prisma ('Cliente', 'Nota')"
    )
    assert "leave the other out" in twice[0].hint
    undeclared = {f.subject for f in findings if f.rule == "CN101"}
    assert {"Cliente.nombre", "Cliente.dni"} <= undeclared  # the copy's own column is still audited


def test_files_of_different_tables_and_one_glob_of_them_pass(tmp_path: Path) -> None:
    (tmp_path / "a.prisma").write_text(SCHEMA.split("model Nota")[0], encoding="utf-8")
    (tmp_path / "b.prisma").write_text("model Nota {\n  id Int @id\n  texto String\n}\n", encoding="utf-8")
    findings = _audit(tmp_path, '[{path: "*.prisma", format: prisma}]')
    assert [f for f in findings if f.rule == "CN001"] == []


def test_a_default_schema_does_not_make_two_tables_different(tmp_path: Path) -> None:
    """An H2 dump's `"PUBLIC"."MEMBER"` is another file's `member` (review33 R33b D2); `crm.member` is not."""
    (tmp_path / "dump.sql").write_text(
        'CREATE TABLE "PUBLIC"."MEMBER"("ID" INTEGER, "EMAIL" VARCHAR(255));\n'
        'CREATE TABLE "CRM"."NOTE"("ID" INTEGER, "TEXT" VARCHAR(255));\n'
        "CREATE TABLE dbo.visit (id INTEGER);\n",
        encoding="utf-8",
    )
    (tmp_path / "schema.sql").write_text(
        "CREATE TABLE member (id INTEGER, email VARCHAR(255));\nCREATE TABLE note (id INTEGER);\n"
        "CREATE TABLE visit (id INTEGER);\n",
        encoding="utf-8",
    )
    findings = _audit(tmp_path, "[{path: schema.sql, dialect: postgres}, {path: dump.sql, dialect: postgres}]")
    [twice] = [f for f in findings if f.rule == "CN001"]
    assert twice.message.startswith(
        "2 tables of dump.sql are also defined in schema.sql ('PUBLIC.MEMBER', 'dbo.visit')"
    )


def test_a_patch_that_adds_columns_beside_its_schema_defines_nothing_twice(tmp_path: Path) -> None:
    """review35 R35b D1: init reads the patches of a schema older than they are beside it; a patch
    that only adds a column the schema lacks does not define its table again. One that adds a
    column the schema has already does (the column is counted twice)."""
    (tmp_path / "schema.sql").write_text("CREATE TABLE members (id INT PRIMARY KEY, email TEXT);\n", encoding="utf-8")
    (tmp_path / "add-phone.sql").write_text("ALTER TABLE members ADD COLUMN phone TEXT;\n", encoding="utf-8")
    (tmp_path / "add-email.sql").write_text("ALTER TABLE members ADD COLUMN email TEXT;\n", encoding="utf-8")
    findings = _audit(tmp_path, '[{path: schema.sql}, {path: add-phone.sql}, {path: add-email.sql}]')
    twice = [f for f in findings if f.rule == "CN001"]
    assert [f.subject for f in twice] == ["add-email.sql:1"]
