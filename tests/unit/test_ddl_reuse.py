"""An audit reads a schema kept in several identical copies once; `cnsnt init`'s reuse still holds."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from cnsnt.collect import collect_evidence
from cnsnt.sql import ddl
from cnsnt.starter.discover import Found
from cnsnt.starter.run import found_policy

_SCHEMA = "CREATE TABLE pupils (id INT PRIMARY KEY, first_name VARCHAR(80), email VARCHAR(120));\n"


def _count_readings(monkeypatch: pytest.MonkeyPatch) -> Counter[tuple[str, str | None]]:
    readings: Counter[tuple[str, str | None]] = Counter()
    parse = ddl._parse_ddl

    def counted(text: str, dialect: str | None, max_statement: int) -> tuple[ddl.DDLResult, int]:
        readings[(text, dialect)] += 1
        return parse(text, dialect, max_statement)

    monkeypatch.setattr(ddl, "_parse_ddl", counted)
    return readings


def test_an_audit_reads_identical_copies_of_a_schema_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for language in ("ca", "en", "es"):
        (tmp_path / "db" / language).mkdir(parents=True)
        (tmp_path / "db" / language / "schema.sql").write_text(_SCHEMA, encoding="utf-8")
    readings = _count_readings(monkeypatch)
    evidence = collect_evidence(
        found_policy(tmp_path, [Found("schemas", "db/*/schema.sql")], tmp_path / "cnsnt.yaml")
    )
    assert readings == Counter({(_SCHEMA, None): 1})
    # each copy is still its own table, at its own file
    assert sorted(t.location.path for t in evidence.tables) == [
        f"db/{x}/schema.sql" for x in ("ca", "en", "es")
    ]


def test_a_block_within_a_block_keeps_the_outer_readings(monkeypatch: pytest.MonkeyPatch) -> None:
    readings = _count_readings(monkeypatch)
    with ddl.reuse_results():
        first = ddl.parse_ddl(_SCHEMA)
        with ddl.reuse_results():
            assert ddl.parse_ddl(_SCHEMA) is first
        assert ddl.parse_ddl(_SCHEMA) is first  # leaving the inner block dropped nothing
    assert readings == Counter({(_SCHEMA, None): 1})


def test_texts_that_differ_are_read_apart() -> None:
    other = _SCHEMA.replace("email", "phone")
    with ddl.reuse_results():
        assert ddl.parse_ddl(_SCHEMA) != ddl.parse_ddl(other)
