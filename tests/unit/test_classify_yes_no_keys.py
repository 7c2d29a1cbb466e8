"""A yes/no links no row: a word of its name read as a key says what it answers (trial M)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.schema_entry import schema_verdicts

DDL = """
CREATE TABLE volunteers (
    id INTEGER PRIMARY KEY,
    first_name VARCHAR(60),
    last_name VARCHAR(60),
    email VARCHAR(120),
    opleidingVoltooid BOOLEAN,
    profiel_orcid BOOLEAN,
    idoneitaServizio BOOLEAN,
    orcid_id INTEGER
);
"""


@pytest.mark.parametrize("column", ["opleidingVoltooid", "profiel_orcid", "idoneitaServizio"])
def test_a_yes_no_in_a_persons_row_is_no_key(tmp_path: Path, column: str) -> None:
    verdict = schema_verdicts(tmp_path, DDL)[f"volunteers.{column}"]
    assert "identifier or key" not in verdict.reason
    assert verdict.personal, verdict.reason


def test_a_number_named_as_a_key_stays_a_key(tmp_path: Path) -> None:
    verdict = schema_verdicts(tmp_path, DDL)["volunteers.orcid_id"]
    assert "identifier or key" in verdict.reason
