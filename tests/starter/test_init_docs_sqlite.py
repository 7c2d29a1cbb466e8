"""review23 D2: documentation folders in any of cnsnt's languages, and SQLite files by what they are.

Seen on edoardohorse/PPW `602c6a8` (Laravel, Italian): its `Documentazioni/` held a design
draft `temp.sql` (tables with no types) and an ActivePresenter slide project (`.approj`,
SQLite's format), which init proposed as a schema and a live database. The files here
are written for the test; only the layout and the `.approj` extension follow that project.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cnsnt.starter.discover import Found, survey
from cnsnt.starter.folders import doc_folder
from cnsnt.starter.run import draft_new

MIGRATION = """<?php
use Illuminate\\Database\\Migrations\\Migration;
use Illuminate\\Database\\Schema\\Blueprint;
use Illuminate\\Support\\Facades\\Schema;
class CreateUsersTable extends Migration {
    public function up() {
        Schema::create('users', function (Blueprint $table) {
            $table->increments('id');
            $table->string('email');
        });
    }
}
"""
DRAFT = "CREATE TABLE Utente(\n  id_utente,\n  nome,\n  cognome,\n  data_nascita\n)\n"


def _write(root: Path, name: str, text: str) -> None:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")


def _sqlite(root: Path, name: str) -> None:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(root / name) as db:
        db.execute("create table projects(id integer, author text)")


@pytest.mark.parametrize(
    "name",
    [
        "docs", "Docs", "doc", "Documentazioni", "DOCUMENTAZIONE", "documentación", "documentação",
        "Documentatie", "Dokumentation", "dokumentacja", "Dokümantasyon", "dokumentáció",
        "dokumentatsiya", "Документация", "documentació", "project-docs", "DesignDocs",
        "docs_2019",
    ],
)
def test_documentation_folders_are_known_in_every_language(name: str) -> None:
    assert doc_folder(name)


@pytest.mark.parametrize("name", ["documents", "Documenti", "docker", "DocTypes", "doctor", "src"])
def test_other_folders_are_not_documentation(name: str) -> None:
    assert not doc_folder(name)


def test_an_italian_documentation_folder_is_left_out_and_said(tmp_path: Path) -> None:
    _write(tmp_path, "database/migrations/2019_01_01_000000_create_users_table.php", MIGRATION)
    _write(tmp_path, "Documentazioni/temp.sql", DRAFT)
    _sqlite(tmp_path, "Documentazioni/Presentazione/demo.approj")
    found, notes = survey(tmp_path)
    assert found == [Found("schemas", "database/migrations/*.php", format="laravel")]
    assert notes == [
        "left out 1 SQL schema file, 1 SQLite database file in documentation folders (Documentazioni): "
        "Documentazioni/Presentazione/demo.approj, Documentazioni/temp.sql; a documentation folder "
        "describes the application (design drafts, slides, examples), its files are not the "
        "application's own; add one under sources: if the application uses it"
    ]
    text = draft_new(tmp_path).text
    assert "  # left out 1 SQL schema file, 1 SQLite database file in documentation folders" in text
    assert "Utente" not in text and "projects.author" not in text


def test_a_documentation_folder_with_nothing_init_would_read_gets_no_note(tmp_path: Path) -> None:
    _write(tmp_path, "database/migrations/2019_01_01_000000_create_users_table.php", MIGRATION)
    _write(tmp_path, "docs/index.md", "# Help\n")
    assert survey(tmp_path)[1] == []


def test_a_sqlite_file_of_another_program_is_left_out_and_said(tmp_path: Path) -> None:
    _sqlite(tmp_path, "notes/x.approj")
    _sqlite(tmp_path, "maps/tiles.mbtiles")
    _sqlite(tmp_path, "db/app.sqlite3")
    found, notes = survey(tmp_path)
    assert found == [Found("databases", "sqlite:///db/app.sqlite3")]
    assert notes == [
        "left out 2 SQLite-format files (maps/tiles.mbtiles, notes/x.approj): their names do not say a "
        "database (.db, .sqlite, .sqlite3, .db3, ...) and no project config (.env, database.yml, "
        "settings.py, ...) names them: another program's document kept in SQLite's format (a slide "
        "project, map tiles, a browser profile), not the application's database; add it under "
        "databases: as sqlite:///PATH if the application uses it"
    ]


def test_a_sqlite_file_a_config_names_is_the_database(tmp_path: Path) -> None:
    _sqlite(tmp_path, "storage/app.data")
    _write(tmp_path, ".env", "DB_CONNECTION=sqlite\nDB_DATABASE=storage/app.data\n")
    found, notes = survey(tmp_path)
    assert found == [Found("databases", "sqlite:///storage/app.data")]
    assert notes == []


def test_a_config_names_a_sqlite_file_only_as_a_name_of_its_own() -> None:
    """`APP_NAME=sitemap` names no file `map`; `DB_DATABASE=storage/map` does (code review)."""
    from cnsnt.starter.sqlite_files import _names_file

    assert not _names_file("APP_NAME=sitemap\n", "map")
    assert _names_file("DB_DATABASE=storage/map\n", "map")
    assert _names_file('database: "app.data"\n', "app.data")
    assert not _names_file("DB=map.db\n", "map")
