"""Flyway's default schema holds the unqualified names of its migrations (ddl40).

Flyway sets the connection's schema (PostgreSQL's search_path) to its default schema
before each migration: `flyway.defaultSchema` (else the first of `flyway.schemas`) in a
`flyway.conf`, `defaultSchema` in a `flyway.toml`, Spring Boot's
`spring.flyway.default-schema` in an `application.properties` or `.yml`. The nearest such
file above the migrations is read; one that cannot be read is a note, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.model import Severity
from tests.unit.schema_entry import read_entry, write_files

_V1 = "CREATE TABLE patients (id int PRIMARY KEY, email text);\n"
_V2 = "CREATE TABLE visits (id int, patient_id int REFERENCES patients(id));\n"


def _read(tmp_path: Path, files: dict[str, str], pattern: str = "sql/*.sql"):
    write_files(tmp_path, files)
    return read_entry(tmp_path, pattern, "migrations")


def _tables(tmp_path: Path, files: dict[str, str], pattern: str = "sql/*.sql"):
    evidence = _read(tmp_path, files, pattern)
    assert [p.message for p in evidence.problems] == []
    return [(t.schema, t.name, [(k.ref_schema, k.ref_table) for k in t.foreign_keys]) for t in evidence.tables]


@pytest.mark.parametrize(
    ("name", "config"),
    [
        ("flyway.conf", "# the clinic\nflyway.url=jdbc:postgresql://db/clinic\nflyway.defaultSchema=clinic\n"),
        ("flyway.conf", "flyway.schemas=clinic,\\\n    billing\n"),
        ("conf/flyway.conf", "flyway.defaultSchema = clinic\n"),
        ("flyway.toml", '[environments.default]\nurl = "jdbc:postgresql://db/x"\n\n[flyway]\ndefaultSchema = "clinic"\n'),
        ("flyway.toml", '[environments.dev]\nschemas = ["clinic", "billing"]\n\n[flyway]\nenvironment = "dev"\n'),
    ],
)
def test_the_flyway_configuration_beside_the_migrations_names_their_schema(
    tmp_path: Path, name: str, config: str
) -> None:
    files = {name: config, "sql/V1__patients.sql": _V1, "sql/V2__visits.sql": _V2}
    assert _tables(tmp_path, files) == [("clinic", "patients", []), ("clinic", "visits", [("clinic", "patients")])]


def test_a_quoted_flyway_schema_keeps_its_case_and_a_set_in_a_file_still_holds_there(tmp_path: Path) -> None:
    """Flyway quotes the schema it sets; a file's own SET search_path wins in that file only."""
    files = {
        "flyway.toml": '[flyway]\ndefaultSchema = "Clinic"\n',
        "sql/V1__patients.sql": _V1,
        "sql/V2__archive.sql": "SET search_path TO archive;\nCREATE TABLE old_patients (id int);\n",
        "sql/V3__visits.sql": _V2,
    }
    assert _tables(tmp_path, files) == [
        ("Clinic", "patients", []),
        ("archive", "old_patients", []),
        ("Clinic", "visits", [("Clinic", "patients")]),
    ]


@pytest.mark.parametrize(
    ("name", "config"),
    [
        ("application.properties", "spring.datasource.url=jdbc:postgresql://db/clinic\nspring.flyway.default-schema: clinic\n"),
        ("application.properties", "spring.flyway.schemas=clinic\n"),
        # Spring Boot's indexed form of a list (review40b: was not read, the tables stayed in public)
        ("application.properties", "spring.flyway.schemas[1]=billing\nspring.flyway.schemas[0]=clinic\n"),
        ("application.yml", "spring:\n  flyway:\n    default-schema: clinic\n---\nspring:\n  config:\n    activate:\n      on-profile: test\n"),
        ("application.yaml", "spring:\n  flyway:\n    schemas: [clinic, billing]\n"),
    ],
)
def test_spring_boots_flyway_settings_name_the_schema(tmp_path: Path, name: str, config: str) -> None:
    files = {
        f"src/main/resources/{name}": config,
        "src/main/resources/db/migration/V1__patients.sql": _V1,
        "src/main/resources/db/migration/V2__visits.sql": _V2,
    }
    tables = _tables(tmp_path, files, "src/main/resources/db/migration/*.sql")
    assert tables == [("clinic", "patients", []), ("clinic", "visits", [("clinic", "patients")])]


def test_other_tools_migrations_keep_the_database_default(tmp_path: Path) -> None:
    files = {"flyway.conf": "flyway.defaultSchema=clinic\n", "sql/0001_patients.up.sql": _V1}
    assert _tables(tmp_path, files) == [(None, "patients", [])]


@pytest.mark.parametrize(
    ("name", "config", "line"),
    [
        ("flyway.toml", '[flyway]\ndefaultSchema = "clinic\n', 2),
        ("application.yml", "spring:\n  flyway: [default-schema\n", 3),
        ("flyway.conf", "flyway.defaultSchema=${SCHEMA}\n", 1),
    ],
)
def test_a_configuration_that_cannot_be_read_is_a_note(tmp_path: Path, name: str, config: str, line: int) -> None:
    evidence = _read(tmp_path, {name: config, "sql/V1__patients.sql": _V1})
    assert [(t.schema, t.name) for t in evidence.tables] == [(None, "patients")]
    (note,) = evidence.problems
    assert note.severity == Severity.INFO
    assert note.location.path == name and note.location.line == line
    assert "Flyway" in note.message and "default schema" in note.message
