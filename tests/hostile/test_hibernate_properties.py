"""A `hibernate.properties` line that starts with `=` or `:` (an empty key, legal in Java) (codereview28 F4).

Reading its key split an empty string and took the first part: `cnsnt init` and the audit
stopped with "internal error: IndexError". The entity and the settings are written here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.sources.schemas.jpa_naming import jpa_naming
from tests.hostile.conftest import audit_json, project, run

ENTITY = "package app;\nimport jakarta.persistence.*;\n@Entity public class ClubMember { @Id Long id; String lastName; }\n"
SNAKE = "hibernate.physical_naming_strategy=org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy\n"


@pytest.mark.parametrize("odd", ["=oops", ":oops", "   = oops", "="])
def test_an_empty_key_is_passed_over_and_the_setting_after_it_read(tmp_path: Path, odd: str) -> None:
    root = project(
        tmp_path / "p",
        '  schemas: [{path: schema.sql, dialect: postgres}, {path: "src/main/java/**/*.java", format: jpa}]',
        {
            "src/main/java/app/ClubMember.java": ENTITY,
            "src/main/resources/hibernate.properties": f"{odd}\n{SNAKE}",
        },
    )
    started = run("init", "-o", "-", str(root))
    assert started.exit_code == 0, started.stderr
    assert "internal error" not in started.stderr
    assert "names in snake_case (firstName -> first_name), as src/main/resources/hibernate.properties" in started.stdout
    _, findings = audit_json(root)
    assert any(f["subject"] == "club_member.last_name" for f in findings if f["rule"] == "CN101")


def test_a_configuration_file_is_read_within_a_size_cap(tmp_path: Path) -> None:
    """Read as every source is (CONTRIBUTING: `cnsnt/sources/base.py`), not whole whatever its size."""
    entity = tmp_path / "src/main/java/app/ClubMember.java"
    entity.parent.mkdir(parents=True)
    entity.write_text(ENTITY, encoding="utf-8")
    settings = tmp_path / "src/main/resources/hibernate.properties"
    settings.parent.mkdir(parents=True)
    settings.write_text("# padding\n" * 300_000 + SNAKE, encoding="utf-8")  # 3 MB
    assert not jpa_naming([entity], tmp_path).snake
    settings.write_text("# padding\n" * 1_000 + SNAKE, encoding="utf-8")
    assert jpa_naming([entity], tmp_path).snake
