"""Live SQLite files: what introspection finds, the read-only guard, sampling, failures."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import sqlalchemy as sa

from cnsnt.evidence import ForeignKey
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import Limits, SourceContext
from cnsnt.sources.databases.live import read_database
from cnsnt.sources.databases.session import read_only
from cnsnt.sources.databases.url import parse_database_url
from tests.databases.conftest import SCHEMA_SQL, make_sqlite


def read(url: str, base: Path, sample: int = 0, spec_sample: bool = False):
    spec = SourceSpec("databases", url, base, Location("cnsnt.yaml", 4, 5), sample=spec_sample)
    return read_database(spec, SourceContext(base_dir=base, sample=sample))


@pytest.fixture
def clinic(tmp_path: Path) -> Path:
    return make_sqlite(tmp_path / "clinic.db", SCHEMA_SQL.read_text())


def test_tables_views_columns_types_keys(clinic):
    ev = read("sqlite:///clinic.db", clinic.parent)
    assert ev.problems == []
    by_name = {t.name: t for t in ev.tables}
    assert sorted(by_name) == ["appointments", "clinics", "patient_contacts", "patients"]
    patients = by_name["patients"]
    assert [c.name for c in patients.columns] == [
        "id",
        "email",
        "full_name",
        "phone",
        "birth_date",
        "created_at",
    ]
    assert [(c.type, c.primary_key) for c in patients.columns[:2]] == [
        ("INTEGER", True),
        ("VARCHAR(120)", False),
    ]
    # The default schema (`main`) is left out of subjects, as in an unqualified DDL file...
    assert patients.schema is None and patients.columns[1].key == "patients.email"
    # ... but always named in the location.
    assert patients.columns[1].location == Location(
        database="sqlite:///clinic.db", table="main.patients", column_name="email"
    )
    assert set(by_name["appointments"].foreign_keys) == {
        ForeignKey(("patient_id",), "patients", ("id",)),
        ForeignKey(("clinic_id",), "clinics", ("id",)),
    }
    view = by_name["patient_contacts"]
    assert view.is_view and view.dialect == "sqlite"
    assert view.view_sql and "FROM patients" in view.view_sql
    assert [c.name for c in view.columns] == ["id", "email", "phone"]
    assert ev.counts == {"databases": 1, "tables": 3, "views": 1, "columns": 18}


def test_introspection_never_writes_the_file(clinic):
    before = hashlib.sha256(clinic.read_bytes()).hexdigest()
    mtime = clinic.stat().st_mtime_ns
    read("sqlite:///clinic.db", clinic.parent, sample=5)
    assert hashlib.sha256(clinic.read_bytes()).hexdigest() == before
    assert clinic.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in clinic.parent.iterdir()) == ["clinic.db"]  # no journal left


def test_the_read_only_guard_refuses_writes(clinic):
    db = parse_database_url("sqlite:///clinic.db", clinic.parent)
    patients = sa.table("patients", sa.column("email"))
    with read_only(db) as conn, pytest.raises(sa.exc.OperationalError, match="readonly|read-only"):
        conn.execute(sa.insert(patients).values(email="x@y.example"))


def test_a_missing_file_is_cn001_and_is_not_created(tmp_path):
    ev = read("sqlite:///nope/app.db", tmp_path)
    assert [(p.message, p.location) for p in ev.problems] == [
        ("no such SQLite database file", Location(database="sqlite:///nope/app.db"))
    ]
    assert not (tmp_path / "nope").exists()


def test_a_policy_database_file_outside_the_project_is_refused_unless_allowed(tmp_path):
    """A policy's `sqlite:///../elsewhere.db` (or an absolute path, or a link out) was opened
    whatever `--allow-outside` said: a pull request could make the audit list the tables of
    any database on the machine."""
    make_sqlite(tmp_path / "elsewhere.db", SCHEMA_SQL.read_text())
    project = tmp_path / "project"
    project.mkdir()
    (project / "link.db").symlink_to(tmp_path / "elsewhere.db")
    where = Location("cnsnt.yaml", 4, 5)
    for url in (
        "sqlite:///../elsewhere.db",
        f"sqlite:///{tmp_path / 'elsewhere.db'}",
        "sqlite:///link.db",
        "sqlite:///../elsewhere.db?password=Hunter22x",
    ):
        ev = read(url, project)
        assert ev.tables == [] and [p.location for p in ev.problems][-1:] == [where], url
        message = ev.problems[-1].message
        assert "outside the project" in message and "--allow-outside" in message, url
        assert "Hunter22x" not in message
    assert "through a symlink" in read("sqlite:///link.db", project).problems[0].message
    allowed = SourceContext(base_dir=project, limits=Limits(allow_outside=True))
    spec = SourceSpec("databases", "sqlite:///../elsewhere.db", project, where)
    assert read_database(spec, allowed).tables
    # the runner's own --db, in-memory databases and files inside the project are read as before
    outside = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    assert read_database(
        SourceSpec("databases", outside, Path("."), Location("--db")), SourceContext(project)
    ).tables
    assert "outside" not in read("sqlite://", project).problems[0].message
    make_sqlite(project / "app.db", SCHEMA_SQL.read_text())
    assert read("sqlite:///app.db", project).tables


def test_a_file_that_is_not_a_database_is_cn001(tmp_path):
    (tmp_path / "notes.db").write_text("just some text, not SQLite\n" * 50)
    ev = read("sqlite:///notes.db", tmp_path)
    assert len(ev.problems) == 1
    assert "not a database" in ev.problems[0].message
    assert ev.problems[0].location == Location(database="sqlite:///notes.db")


def test_an_empty_database_is_a_warning(tmp_path):
    make_sqlite(tmp_path / "empty.db", "")
    ev = read("sqlite:///empty.db", tmp_path)
    assert [p.severity for p in ev.problems] == [Severity.WARNING]
    assert "no tables or views found" in ev.problems[0].message


def test_virtual_tables_speak_for_their_storage_but_not_for_user_tables_that_share_the_prefix(tmp_path):
    make_sqlite(
        tmp_path / "search.db",
        "CREATE VIRTUAL TABLE posts USING fts5(title, author_email);"  # posts_data, _idx, ...
        "CREATE TABLE posts_stat (visitor_ip TEXT, user_agent TEXT);"  # FTS5 keeps no _stat
        "CREATE VIRTUAL TABLE places USING rtree(id, minx, maxx);"  # places_node, _parent, _rowid
        "CREATE TABLE places_data (owner_name TEXT, home_address TEXT);"
        "CREATE VIRTUAL TABLE Notes USING FTS4(body);",  # Notes_content, _segments, ...
    )
    ev = read("sqlite:///search.db", tmp_path)
    assert ev.problems == []
    assert sorted(t.name for t in ev.tables) == ["Notes", "places", "places_data", "posts", "posts_stat"]


def test_a_view_over_a_dropped_table_costs_that_view_only(tmp_path):
    # SQLite keeps a view when the table it reads is dropped; describing it then fails.
    make_sqlite(
        tmp_path / "shop.db",
        "CREATE TABLE orders (id INTEGER PRIMARY KEY, email TEXT, customer_id INTEGER REFERENCES customers);"
        "CREATE TABLE customers (id INTEGER PRIMARY KEY, phone TEXT);"
        "CREATE VIEW old_report AS SELECT * FROM legacy_orders;",
    )
    ev = read("sqlite:///shop.db", tmp_path)
    assert [(p.message, str(p.location)) for p in ev.problems] == [
        (
            "cannot read the columns of schema 'main': no such table: main.legacy_orders",
            "db://sqlite:///shop.db",
        ),
        (
            "cannot read table 'main.old_report': no such table: main.legacy_orders",
            "db://sqlite:///shop.db/main.old_report",
        ),
    ]
    by_name = {t.name: t for t in ev.tables}
    assert sorted(by_name) == ["customers", "orders"]
    assert [c.name for c in by_name["orders"].columns if c.primary_key] == ["id"]
    assert by_name["orders"].foreign_keys == (ForeignKey(("customer_id",), "customers", ("id",)),)


SEEDED = """
CREATE TABLE tickets (id INTEGER PRIMARY KEY, ref TEXT, reporter TEXT, body TEXT, code INTEGER);
"""


def seed(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    make_sqlite(path, SEEDED)
    import sqlite3

    conn = sqlite3.connect(path)
    conn.executemany("INSERT INTO tickets (ref, reporter, body, code) VALUES (?, ?, ?, 1)", rows)
    conn.commit()
    conn.close()
    return path


ROWS = [(f"T-{i}", f"user{i}@mail.example", f"printer on floor {i} is jammed") for i in range(30)]


def test_sampling_finds_what_names_do_not(tmp_path):
    seed(tmp_path / "t.db", ROWS)
    plain = read("sqlite:///t.db", tmp_path)
    assert plain.classified == {} and "sampled_columns" not in plain.counts
    ev = read("sqlite:///t.db", tmp_path, sample=20)
    assert set(ev.classified) == {"tickets.reporter"}
    verdict = ev.classified["tickets.reporter"]
    assert verdict.personal and verdict.category == "user.contact.email"
    assert verdict.reason == "20 of 20 sampled values are email addresses"
    assert ev.counts["sampled_columns"] == 3  # ref, reporter, body: text and not already sure


def test_a_sampled_value_that_is_not_utf8_is_counted_and_never_quoted(tmp_path):
    import sqlite3

    path = seed(tmp_path / "t.db", ROWS)
    conn = sqlite3.connect(path)
    latin1 = "Hans Müller, Lindenstraße 5, Berlin".encode("latin-1")  # an old program wrote it
    conn.execute(
        "INSERT INTO tickets (ref, reporter, body, code) VALUES ('T-99', 'x@mail.example', CAST(? AS TEXT), 1)",
        (latin1,),
    )
    conn.commit()
    conn.close()
    ev = read("sqlite:///t.db", tmp_path, sample=50)
    assert ev.problems == []
    assert ev.counts["sampled_columns"] == 3
    assert ev.classified["tickets.reporter"].reason == "31 of 31 sampled values are email addresses"
    assert "Lindenstra" not in repr(ev)


def test_policy_sample_true_uses_the_default_size(tmp_path):
    seed(tmp_path / "t.db", ROWS)
    ev = read("sqlite:///t.db", tmp_path, spec_sample=True)
    assert ev.classified["tickets.reporter"].reason == "30 of 30 sampled values are email addresses"


def test_sampling_reads_at_most_n_values(tmp_path):
    seed(tmp_path / "t.db", ROWS)
    db = parse_database_url("sqlite:///t.db", tmp_path)
    statements: list[str] = []
    from cnsnt.sources.databases.introspect import Introspection
    from cnsnt.sources.databases.sampling import read_values, sample_tables

    with read_only(db) as conn:
        live = Introspection(conn, db).read()
        sa.event.listen(
            conn, "before_cursor_execute", lambda c, cur, stmt, params, *a: statements.append((stmt, params))
        )
        sample_tables(conn, db, live, 7)
        assert len(read_values(conn, "main", "tickets", "reporter", 7, ("id",))) == 7
    selects = [(" ".join(s.split()), p) for s, p in statements if s.lstrip().upper().startswith("SELECT")]
    assert selects[:3] == [
        (
            f"SELECT main.tickets.{c} FROM main.tickets WHERE main.tickets.{c} IS NOT NULL "
            "ORDER BY main.tickets.id "
            "LIMIT ? OFFSET ?",
            (7, 0),
        )
        for c in ("ref", "reporter", "body")
    ]


def test_a_runaway_statement_is_interrupted(clinic):
    db = parse_database_url("sqlite:///clinic.db", clinic.parent)
    endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
    with read_only(db, timeout_s=0.2) as conn, pytest.raises(sa.exc.OperationalError, match="interrupted"):
        conn.exec_driver_sql(endless)  # a test's own statement: cnsnt never runs such SQL


def test_a_table_the_catalog_will_not_describe_is_cn001_and_the_rest_counts(clinic, monkeypatch):
    from sqlalchemy.engine.reflection import Inspector

    def refuse(*args, **kwargs):
        raise sa.exc.OperationalError("catalog", {}, Exception("access denied to the catalog"))

    get_columns = Inspector.get_columns

    def columns_except_clinics(self, name, schema=None, **kw):
        if name == "clinics":
            raise sa.exc.OperationalError("catalog", {}, Exception("no privilege on clinics"))
        return get_columns(self, name, schema=schema, **kw)

    monkeypatch.setattr(Inspector, "get_multi_columns", refuse)
    monkeypatch.setattr(Inspector, "get_columns", columns_except_clinics)
    ev = read("sqlite:///clinic.db", clinic.parent)
    assert sorted((t.name, t.is_view) for t in ev.tables) == [
        ("appointments", False),
        ("patient_contacts", True),
        ("patients", False),
    ]
    assert [(p.message, str(p.location)) for p in ev.problems] == [
        (
            "cannot read the columns of schema 'main': access denied to the catalog",
            "db://sqlite:///clinic.db",
        ),
        (
            "cannot read table 'main.clinics': no privilege on clinics",
            "db://sqlite:///clinic.db/main.clinics",
        ),
    ]
