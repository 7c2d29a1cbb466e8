"""words36: the last language word lists in code are vocabulary; a key's table is found where its database looks."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cnsnt.classify.tables import _by_name, _target
from cnsnt.evidence import ForeignKey
from tests.unit.schema_entry import typed_table

# -- 1: a key that names no schema points at the table its database resolves it to


@pytest.mark.parametrize(
    ("dialect", "own"), [("postgres", False), ("tsql", False), ("mysql", True), (None, True)]
)
def test_an_unqualified_key_finds_the_table_its_database_finds(dialect: str | None, own: bool) -> None:
    """`ward.nurses.grade_id REFERENCES grade`, with a `grade` table in the default schema
    and one in `ward`: PostgreSQL (search path) and SQL Server (default schema) read the
    default one, MySQL (each database a schema) and an unknown dialect the row's own."""
    grade = replace(typed_table("grade", [("id", "INT"), ("label", "VARCHAR(40)")]), dialect=dialect)
    ward_grade = replace(grade, schema="ward")
    nurses = replace(
        typed_table("nurses", [("id", "INT"), ("first_name", "VARCHAR(60)"), ("grade_id", "INT")]),
        schema="ward",
        dialect=dialect,
    )
    by_name = _by_name([grade, ward_grade, nurses])
    key = ForeignKey(("grade_id",), "grade")
    assert _target(key, by_name, nurses) is (ward_grade if own else grade)
    # a key that names its schema is read there, whatever the dialect
    assert _target(replace(key, ref_schema="ward"), by_name, nurses) is ward_grade


@pytest.mark.parametrize("dialect", ["postgres", "tsql"])
def test_an_unqualified_key_finds_the_default_schema_written_out(dialect: str) -> None:
    """`public.grade` / `dbo.grade` written out is the table a bare `REFERENCES grade` means."""
    default = {"postgres": "public", "tsql": "dbo"}[dialect]
    grade = replace(typed_table("grade", [("id", "INT"), ("label", "VARCHAR(40)")]), schema=default, dialect=dialect)
    ward_grade = replace(grade, schema="ward")
    nurses = replace(typed_table("nurses", [("id", "INT"), ("grade_id", "INT")]), schema="ward", dialect=dialect)
    by_name = _by_name([ward_grade, grade, nurses])
    assert _target(ForeignKey(("grade_id",), "grade"), by_name, nurses) is grade
