"""Query files resolve against the audit's tables, whose specs are built once per audit."""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.collect import collect_evidence
from cnsnt.policy.loader import load_policy
from cnsnt.sources.queries import common


def _project(root: Path, columns: str) -> Path:
    root.mkdir()
    (root / "schema.sql").write_text(f"CREATE TABLE members (id INT PRIMARY KEY, {columns});\n")
    for n in range(3):
        (root / f"q{n}.sql").write_text(f"SELECT email FROM members WHERE id = {n};\n")
    policy = root / "cnsnt.yaml"
    policy.write_text("cnsnt: 1\nsources:\n  schemas: [{path: schema.sql}]\n  queries: [{path: 'q*.sql'}]\n")
    return policy


def test_specs_are_built_once_for_all_query_files_and_again_for_other_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[int] = []
    specs = common.table_specs

    def counted(tables):  # type: ignore[no-untyped-def]
        built.append(len(list(tables)))
        return specs(tables)

    monkeypatch.setattr(common, "table_specs", counted)
    evidence = collect_evidence(load_policy(_project(tmp_path / "a", "email VARCHAR(80)")), jobs=1)
    assert built == [1]
    assert [u.column for q in evidence.queries for u in q.uses if "email" in u.column] == [
        "members.email"
    ] * 3

    # another audit, other tables: the email column is gone, and the queries say so
    evidence = collect_evidence(load_policy(_project(tmp_path / "b", "phone VARCHAR(20)")), jobs=1)
    assert built == [1, 1]
    assert not [u for q in evidence.queries for u in q.uses if "email" in u.column]
    assert any("email" in p.message for p in evidence.problems)
