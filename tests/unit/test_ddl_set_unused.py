"""Oracle's `ALTER TABLE t SET UNUSED (a, b)` drops the columns as users see the table.

`SET UNUSED` marks columns for a later physical drop (`DROP UNUSED COLUMNS`); from then
on no query can read them and `DESCRIBE` lists them no more. A schema file or a
migration that sets them unused no longer has them, in both formats, as `DROP (a, b)`;
`DROP UNUSED COLUMNS` drops nothing that users still see. sqlglot keeps the statement
as an opaque command, so it is read from its tokens.
"""

from __future__ import annotations

import pytest

from cnsnt.sql.ddl import parse_ddl
from cnsnt.sql.migrations import MigrationFile, replay_migrations
from tests.unit.test_ddl_drops import ddl_columns, ddl_messages, replayed_columns

PATIENTS = """\
CREATE TABLE wards (id NUMBER PRIMARY KEY, name VARCHAR2(40));
CREATE TABLE patients (
  id NUMBER PRIMARY KEY, full_name VARCHAR2(100), email VARCHAR2(100), fax VARCHAR2(20),
  pager VARCHAR2(20), ward_id NUMBER REFERENCES wards (id), "Notes" CLOB
);
"""


def _replayed_messages(text: str) -> list[str]:
    return [p.message for p in replay_migrations([MigrationFile("V1__all.sql", text)], "oracle").problems]


@pytest.mark.parametrize("read", [ddl_columns, replayed_columns], ids=["ddl", "migrations"])
@pytest.mark.parametrize(
    "statement",
    [
        "ALTER TABLE patients SET UNUSED (fax, pager);\nALTER TABLE patients SET UNUSED COLUMN \"Notes\";",
        "ALTER TABLE hr.patients SET UNUSED (fax, pager, \"Notes\") CASCADE CONSTRAINTS INVALIDATE ONLINE;",
        "ALTER TABLE patients SET UNUSED COLUMN fax ONLINE;\n"
        "ALTER TABLE patients SET UNUSED COLUMN pager CASCADE CONSTRAINTS;\n"
        "ALTER TABLE PATIENTS SET UNUSED (\"Notes\");",
    ],
)
def test_columns_set_unused_are_gone(read, statement: str) -> None:
    tables = read(PATIENTS + statement + "\n", "oracle")
    assert tables["patients"] == ["id", "full_name", "email", "ward_id"]


@pytest.mark.parametrize("read", [ddl_columns, replayed_columns], ids=["ddl", "migrations"])
def test_drop_unused_columns_drops_nothing_users_see(read) -> None:
    text = PATIENTS + "ALTER TABLE patients SET UNUSED (fax);\nALTER TABLE patients DROP UNUSED COLUMNS;\n"
    assert read(text, "oracle")["patients"] == ["id", "full_name", "email", "pager", "ward_id", "Notes"]
    text += "ALTER TABLE patients DROP UNUSED COLUMNS CHECKPOINT 250;\n"
    assert read(text, "oracle")["patients"] == ["id", "full_name", "email", "pager", "ward_id", "Notes"]
    assert ddl_messages(text, "oracle") == []


def test_a_column_set_unused_takes_its_foreign_key() -> None:
    text = PATIENTS + "ALTER TABLE patients SET UNUSED COLUMN ward_id;\n"
    (patients,) = [t for t in parse_ddl(text, "oracle").tables if t.name == "patients"]
    assert patients.foreign_keys == ()
    replayed = replay_migrations([MigrationFile("V1__all.sql", text)], "oracle")
    (patients,) = [t for t in replayed.tables if t.name == "patients"]
    assert patients.foreign_keys == ()


def test_a_column_set_unused_that_is_not_there_is_a_warning() -> None:
    text = PATIENTS + "ALTER TABLE patients SET UNUSED (fax, mobile);\n"
    assert ddl_columns(text, "oracle")["patients"] == ["id", "full_name", "email", "pager", "ward_id", "Notes"]
    assert ddl_messages(text, "oracle") == [
        (6, "ALTER TABLE patients SET UNUSED mobile: table 'patients' has no column 'mobile' before it in this "
         "file; nothing dropped", False),
    ]  # fmt: skip
    assert _replayed_messages(text) == [
        "ALTER TABLE patients SET UNUSED mobile: no earlier migration gives table 'patients' a column 'mobile'"
    ]


def test_a_set_unused_cnsnt_cannot_read_is_reported_and_drops_nothing() -> None:
    text = PATIENTS + "ALTER TABLE patients SET UNUSED (fax pager) KEEP;\n"
    assert ddl_columns(text, "oracle")["patients"] == ["id", "full_name", "email", "fax", "pager", "ward_id", "Notes"]
    said = "ALTER TABLE patients SET UNUSED (fax pager) KEEP: could not be read, so the columns it sets unused are still read"
    assert ddl_messages(text, "oracle") == [(6, said, False)]
    assert _replayed_messages(text) == [said]
