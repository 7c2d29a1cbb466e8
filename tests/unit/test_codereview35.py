"""codereview35 (review35): code-review findings of the classifier, each a reading a privacy engineer would
call wrong. Every schema here is written for these tests, read as `cnsnt init` reads a
`schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from tests.unit.schema_entry import schema_verdicts

# -- finding 3: a person or the software, who made a row, is no kind of person


def test_a_person_or_the_system_names_who_acted_not_a_kind_of_person(tmp_path: Path) -> None:
    """`members.joined_via ENUM('user', 'system')`, `socios.origen ENUM('USUARIO', 'SISTEMA')`:
    whether a person or the application made the row, no kind of person the member is."""
    ddl = """
    CREATE TABLE members (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(120), joined_via ENUM('user', 'system'));
    CREATE TABLE socios (id INT PRIMARY KEY, nombre VARCHAR(60), apellidos VARCHAR(60),
      dni VARCHAR(12), origen ENUM('USUARIO', 'SISTEMA'));
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("members.joined_via", "socios.origen"):
        assert "are kinds of people" not in got[key].reason, got[key]

