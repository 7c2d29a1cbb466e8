"""`cnsnt init` on a Flask-SQLAlchemy project: its models, its Alembic revisions, its dev database.

review31 D1: `db.Model` classes that let Flask-SQLAlchemy name their tables (no
`__tablename__`) were not proposed, with no note: a Flask project without migrations got no
schema. review31 D9: a committed SQLite database of the tables the migrations build
(`app.db`, with `alembic_version`) was proposed beside them, and the audit read every
table twice. The files here are written for these tests.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from cnsnt.api import audit_path
from cnsnt.cli import app
from cnsnt.starter.discover import survey
from cnsnt.starter.run import draft_new

#: Flask-SQLAlchemy models: no `__tablename__`, no `sqlalchemy` import (`db` comes from the app).
MODELS = """from app import db


class ClientRelationship(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    last_name = db.Column(db.String(40))


class Kiosk(UserMixin, db.Model):
    id = db.Column(db.Integer, primary_key=True)
"""
REVISION = """import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None


def upgrade():
    op.create_table('client', sa.Column('id', sa.Integer(), primary_key=True),
                    sa.Column('last_name', sa.String(40)), sa.Column('ssn', sa.String(11)))
"""


def _write(root: Path, name: str, text: str) -> None:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")


def _database(path: Path, ddl: str) -> None:
    with sqlite3.connect(path) as db:
        db.executescript(ddl)
    db.close()


def _schemas(root: Path) -> list[tuple[str, str | None]]:
    found, _ = survey(root)
    return [(f.pattern, f.format) for f in found if f.kind in ("schemas", "databases")]


def test_flask_models_without_a_tablename_are_proposed(tmp_path: Path) -> None:
    _write(tmp_path, "app/models.py", MODELS)
    assert _schemas(tmp_path) == [("app/models.py", "sqlalchemy")]
    draft = draft_new(tmp_path)
    assert "client_relationship.last_name" in draft.text


def test_a_file_that_only_names_db_model_is_not_a_models_file(tmp_path: Path) -> None:
    _write(tmp_path, "app/util.py", "from app import db\n\ndef save(obj: db.Model):\n    db.Column(obj)\n")
    assert _schemas(tmp_path) == []


def test_the_alembic_revisions_of_flask_models_are_left_out_with_a_note(tmp_path: Path) -> None:
    _write(tmp_path, "app/models.py", MODELS)
    _write(tmp_path, "migrations/versions/0001_init.py", REVISION)
    found, notes = survey(tmp_path)
    assert [(f.pattern, f.format) for f in found if f.kind == "schemas"] == [("app/models.py", "sqlalchemy")]
    assert (
        "left out the Alembic revisions in migrations/versions/*.py: the models in app/models.py are read "
        "instead, the schema the revisions build (reading both would list every column twice)"
    ) in notes


def _migrations_and_database(root: Path, extra: str = "") -> None:
    _write(root, "migrations/versions/0001_init.py", REVISION)
    _write(root, "config.py", "SQLALCHEMY_DATABASE_URI = 'sqlite:///app.db'\n")
    _database(
        root / "app.db",
        "CREATE TABLE client (id INTEGER PRIMARY KEY, last_name VARCHAR(40), ssn VARCHAR(11));\n"
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);\n" + extra,
    )


def test_a_dev_database_the_migrations_build_is_left_out_with_a_note(tmp_path: Path) -> None:
    _migrations_and_database(tmp_path)
    found, notes = survey(tmp_path)
    assert [(f.kind, f.pattern) for f in found] == [("schemas", "migrations/versions/*.py")]
    assert (
        "left out sqlite:///app.db: its one table is defined by the schema files in migrations/versions/*.py "
        "(alembic), which are read instead (a development database built from them, as its alembic_version "
        "table says: reading both would count every table twice)"
    ) in notes
    draft = draft_new(tmp_path)
    (tmp_path / "cnsnt.yaml").write_text(draft.text, encoding="utf-8")
    counts = audit_path(tmp_path).sources
    assert (counts.get("tables"), counts.get("columns"), counts.get("databases")) == (1, 3, None)


def test_a_database_half_of_whose_tables_are_its_own_is_kept(tmp_path: Path) -> None:
    # CR27 F6: 1 of 2 tables built by the migrations left the database out, and `client_race` unread
    _migrations_and_database(tmp_path, "CREATE TABLE client_race (id INTEGER PRIMARY KEY, race TEXT);\n")
    found, notes = survey(tmp_path)
    assert [(f.kind, f.pattern) for f in found] == [
        ("schemas", "migrations/versions/*.py"),
        ("databases", "sqlite:///app.db"),
    ]
    [note] = [n for n in notes if "sqlite:///app.db" in n]
    assert note.startswith("kept sqlite:///app.db: 1 of its 2 tables is not in the schema files in ")


def test_flask_models_and_a_database_of_as_many_other_tables_keep_the_database(tmp_path: Path) -> None:
    # CR27 F6's project: health notes and IP addresses beside the models' two tables went unaudited
    _write(tmp_path, "app/models.py", MODELS.replace("class Kiosk(UserMixin, db.Model)", "class User(db.Model)"))
    _write(tmp_path, "config.py", "SQLALCHEMY_DATABASE_URI = 'sqlite:///app.db'\n")
    _database(
        tmp_path / "app.db",
        "CREATE TABLE user (id INTEGER PRIMARY KEY);\n"
        "CREATE TABLE client_relationship (id INTEGER PRIMARY KEY, last_name TEXT);\n"
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);\n"
        "CREATE TABLE audit_log (id INTEGER PRIMARY KEY, ip TEXT, who TEXT);\n"
        "CREATE TABLE patient_notes (id INTEGER PRIMARY KEY, diagnosis TEXT, patient_name TEXT);\n",
    )
    assert _schemas(tmp_path) == [("app/models.py", "sqlalchemy"), ("sqlite:///app.db", None)]


TWO_TABLES = REVISION.replace(
    "sa.Column('ssn', sa.String(11)))",
    "sa.Column('ssn', sa.String(11)))\n    op.create_table('visit', sa.Column('id', sa.Integer(), primary_key=True))",
)


def test_the_tables_only_a_database_left_out_holds_are_said_on_the_terminal(tmp_path: Path, monkeypatch) -> None:
    _migrations_and_database(
        tmp_path,
        "CREATE TABLE visit (id INTEGER PRIMARY KEY);\n"
        "CREATE TABLE client_race (id INTEGER PRIMARY KEY, race TEXT);\n",
    )
    _write(tmp_path, "migrations/versions/0001_init.py", TWO_TABLES)
    found, notes = survey(tmp_path)
    assert [f.kind for f in found] == ["schemas"]
    [note] = [n for n in notes if n.startswith("left out sqlite:///app.db")]
    assert note.startswith("left out sqlite:///app.db: 2 of its 3 tables are defined by the schema files in ")
    assert note.endswith(
        "; 1 table only it holds (client_race) is not read: if the application uses it, add the database "
        "under databases:"
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["init"])
    assert result.exit_code == 0, result.output
    assert "1 table only it holds (client_race) is not read" in " ".join(result.output.split())


def test_a_database_of_mostly_other_tables_is_kept_and_the_overlap_said(tmp_path: Path) -> None:
    _migrations_and_database(
        tmp_path, "CREATE TABLE visit (id INTEGER PRIMARY KEY);\nCREATE TABLE note (id INTEGER PRIMARY KEY);\n"
    )
    found, notes = survey(tmp_path)
    assert [(f.kind, f.pattern) for f in found] == [
        ("schemas", "migrations/versions/*.py"),
        ("databases", "sqlite:///app.db"),
    ]
    [note] = [n for n in notes if "sqlite:///app.db" in n]
    assert note == (
        "kept sqlite:///app.db: 2 of its 3 tables are not in the schema files in migrations/versions/*.py "
        "(alembic), so it is taken for a database of its own; the table it shares with them (client) is read "
        "from both and counted twice: if it is a copy of theirs, leave it out"
    )


def test_a_database_without_schema_files_stays_proposed(tmp_path: Path) -> None:
    _database(tmp_path / "app.db", "CREATE TABLE client (id INTEGER PRIMARY KEY, last_name TEXT);")
    found, notes = survey(tmp_path)
    assert [(f.kind, f.pattern) for f in found] == [("databases", "sqlite:///app.db")]
    assert not [n for n in notes if "app.db" in n]


CORE = """from sqlalchemy import Column, ForeignKey, Integer, MetaData, String, Table

metadata = MetaData()
members = Table("members", metadata, Column("id", Integer, primary_key=True),
                Column("first_name", String(100)), Column("email", String(200)))
notes = Table("notes", metadata, Column("id", Integer, primary_key=True),
              Column("member_id", Integer, ForeignKey("members.id")), Column("body", String))
"""


def test_sqlalchemy_core_tables_at_module_level_are_proposed(tmp_path: Path) -> None:
    """init31's note: `Table("members", metadata, Column(...))` was read by the audit but not
    proposed by init, so a project of Core tables got no schema; an Alembic revision is not."""
    _write(tmp_path, "app/db.py", CORE)
    _write(tmp_path, "alembic/versions/0001_init.py", REVISION.replace("op.create_table", "sa.Table"))
    assert _schemas(tmp_path) == [("app/db.py", "sqlalchemy")]
    text = draft_new(tmp_path).text
    assert "members.email" in text and "notes.body" in text
