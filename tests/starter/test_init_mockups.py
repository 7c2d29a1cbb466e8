"""review30 D5: mock-up and prototype folders in `cnsnt init`, kind by kind.

Seen on HCP `95e0513` (Spanish, Django): its `Maqueta/` ("mock-up") held a first-draft
schema of `mydb.*` tables and static HTML copies of the forms, which init proposed beside
the Django models. The files here are written for the test (the reviewer's repro).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cnsnt.starter.discover import Found, survey
from cnsnt.starter.folders import mockup_folder
from cnsnt.starter.mockups import in_mockups
from cnsnt.starter.run import draft_new

MODELS = """from django.db import models


class Paciente(models.Model):
    nombre = models.CharField(max_length=45)
    sangre = models.CharField(max_length=5)
"""
DRAFT = "CREATE TABLE IF NOT EXISTS mydb.paciente (id INT PRIMARY KEY, nombre VARCHAR(45), tipoSangre VARCHAR(5));\n"
QUERIES = "SELECT nombre, tipoSangre FROM mydb.paciente WHERE id = 1;\n"
MOCK_FORM = '<form method="post"><input name="nombre"><input name="tipo_sangre"></form>\n'
APP_FORM = """{% extends "base.html" %}
{% block content %}
<form method="post">{% csrf_token %}<input name="nombre"><input name="sangre"></form>
{% endblock %}
"""


def _write(root: Path, name: str, text: str) -> None:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    "name",
    [
        "Maqueta", "maquetas", "mockup", "Mockups", "mock-up", "Mock_Ups", "UI-Mockups", "prototype",
        "Prototypes", "wireframes", "maquette", "prototipo", "prototipi", "prototipos", "protótipo",
        "Prototyp", "prototypen", "makieta", "prototip", "maket", "prototípus", "makett", "Макет",
        "прототипы", "maquete",
    ],
)
def test_mockup_folders_are_known_in_every_language(name: str) -> None:
    assert mockup_folder(name)


@pytest.mark.parametrize("name", ["mock", "mocks", "mock_upload", "proto", "protobuf", "market", "src"])
def test_other_folders_are_not_mockups(name: str) -> None:
    assert not mockup_folder(name)


def test_the_reviewers_repro_leaves_the_mockup_schema_out_and_says_so(tmp_path: Path) -> None:
    _write(tmp_path, "backend/app/models.py", MODELS)
    _write(tmp_path, "maqueta/backend/schema.sql", DRAFT)
    found, notes = survey(tmp_path)
    assert found == [Found("schemas", "backend/app/models.py", format="django")]
    assert notes == [
        "left out 1 SQL schema file in mock-up folders (maqueta): maqueta/backend/schema.sql; a mock-up "
        "or prototype folder holds a draft of the application, not the application, which has schemas "
        "of its own; add one under sources: if the application uses it"
    ]
    text = draft_new(tmp_path).text
    assert "  # left out 1 SQL schema file in mock-up folders (maqueta)" in text
    assert "app_paciente.sangre" in text
    assert "tipoSangre" not in text and "mydb" not in text


def test_only_the_kinds_the_application_has_are_left_out(tmp_path: Path) -> None:
    _write(tmp_path, "backend/app/models.py", MODELS)
    _write(tmp_path, "backend/app/templates/app/registro.html", APP_FORM)
    _write(tmp_path, "Maqueta/Backend/schema.sql", DRAFT)
    _write(tmp_path, "Maqueta/Backend/consultas.sql", QUERIES)
    _write(tmp_path, "Maqueta/Frontend/registro.html", MOCK_FORM)
    found, notes = survey(tmp_path)
    # the draft's query file reads the draft's tables: it goes with the draft's schema
    assert found == [
        Found("schemas", "backend/app/models.py", format="django"),
        Found("forms", "backend/app/templates/app/registro.html"),
    ]
    (note,) = notes
    assert note.startswith("left out 1 SQL query file, 1 SQL schema file, 1 form file in mock-up folders")
    for path in ("Maqueta/Backend/schema.sql", "Maqueta/Backend/consultas.sql", "Maqueta/Frontend/registro.html"):
        assert path in note, note
    assert "which has schemas and forms of its own" in note


def test_a_mockup_query_file_is_read_when_the_application_has_no_schema_either(tmp_path: Path) -> None:
    _write(tmp_path, "backend/app/templates/app/registro.html", APP_FORM)
    _write(tmp_path, "Maqueta/Backend/schema.sql", DRAFT)
    _write(tmp_path, "Maqueta/Backend/consultas.sql", QUERIES)
    found, _ = survey(tmp_path)
    assert ("queries", "Maqueta/Backend/consultas.sql") in [(f.kind, f.pattern) for f in found]
    assert ("schemas", "Maqueta/Backend/schema.sql") in [(f.kind, f.pattern) for f in found]


def test_a_project_that_is_all_prototype_keeps_its_sources(tmp_path: Path) -> None:
    _write(tmp_path, "prototype/db/schema.sql", DRAFT)
    _write(tmp_path, "prototype/pages/registro.html", MOCK_FORM)
    _write(tmp_path, "README.md", "# A prototype\n")
    found, notes = survey(tmp_path)
    assert [(f.kind, f.pattern) for f in found] == [
        ("schemas", "prototype/db/schema.sql"),
        ("forms", "prototype/pages/registro.html"),
    ]
    assert notes == []


def test_a_mockup_database_is_left_out_beside_the_applications_schema(tmp_path: Path) -> None:
    _write(tmp_path, "backend/app/models.py", MODELS)
    (tmp_path / "wireframes").mkdir()
    with sqlite3.connect(tmp_path / "wireframes/draft.db") as db:
        db.execute("create table paciente(id integer, nombre text)")
    found, notes = survey(tmp_path)
    assert found == [Found("schemas", "backend/app/models.py", format="django")]
    assert len(notes) == 1
    assert notes[0].startswith(
        "left out 1 SQLite database file in mock-up folders (wireframes): wireframes/draft.db; "
    )


@pytest.mark.parametrize(
    ("pattern", "inside"),
    [
        ("Maqueta/Frontend/**/*.html", True),
        ("sqlite:///prototype/app.db", True),
        ("**/*.html", False),
        ("*/Maqueta/*.html", False),
        ("templates/registro.html", False),
    ],
)
def test_an_entry_is_in_a_mockup_folder_only_when_all_its_files_are(pattern: str, inside: bool) -> None:
    assert in_mockups(pattern) is inside
