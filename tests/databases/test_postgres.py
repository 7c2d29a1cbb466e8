"""A real PostgreSQL 15 (started by the `pg` fixture): introspection, the read-only
transaction and its timeout, sampling with a limited role, unreachable servers."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from cnsnt.classify import classify_tables
from cnsnt.evidence import ForeignKey
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.databases.live import read_database
from cnsnt.sources.databases.session import read_only
from cnsnt.sources.databases.url import parse_database_url

SHOP = """
CREATE TABLE customers (
  id serial PRIMARY KEY,
  email varchar(200) NOT NULL,
  nickname text,
  last_login inet
);
COMMENT ON TABLE customers IS 'People who buy from us';
COMMENT ON COLUMN customers.nickname IS 'Vorname des Kunden';
CREATE SCHEMA billing;
CREATE TABLE billing.invoices (
  id bigserial PRIMARY KEY,
  customer_id integer REFERENCES customers (id),
  account text,
  amount numeric(10, 2)
);
CREATE VIEW public.customer_emails AS SELECT id, email FROM customers;
CREATE MATERIALIZED VIEW billing.totals AS
  SELECT customer_id, sum(amount) AS total FROM billing.invoices GROUP BY customer_id;
"""


def read(url: str, sample: int = 0, schemas: tuple[str, ...] = ()):
    spec = SourceSpec("databases", url, Path("."), Location("--db"), schemas=schemas)
    return read_database(spec, SourceContext(base_dir=Path("."), sample=sample))


def test_every_user_schema_with_comments_keys_and_views(pg_db):
    url = pg_db(SHOP)
    ev = read(url)
    assert ev.problems == []
    tables = {t.key: t for t in ev.tables}
    assert sorted(tables) == ["billing.invoices", "billing.totals", "customer_emails", "customers"]
    customers = tables["customers"]
    assert customers.comment == "People who buy from us"
    cols = {c.name: c for c in customers.columns}
    assert cols["nickname"].comment == "Vorname des Kunden"
    assert (cols["id"].type, cols["id"].primary_key) == ("INTEGER", True)
    assert cols["last_login"].type == "INET"
    assert cols["email"].location.uri.startswith("db://postgresql+psycopg://postgres@/")
    assert cols["email"].location.uri.endswith("/public.customers.email?host=" + url.split("host=")[1])
    invoices = tables["billing.invoices"]
    assert invoices.columns[2].key == "billing.invoices.account"
    assert invoices.foreign_keys == (ForeignKey(("customer_id",), "customers", ("id",)),)
    view, matview = tables["customer_emails"], tables["billing.totals"]
    assert view.is_view and matview.is_view and view.dialect == "postgres"
    assert "FROM customers" in (view.view_sql or "")
    assert "sum(invoices.amount)" in (matview.view_sql or "")
    assert ev.counts == {"databases": 1, "tables": 2, "views": 2, "columns": 12}


def test_schemas_can_be_chosen(pg_db):
    ev = read(pg_db(SHOP), schemas=("billing",))
    assert sorted(t.key for t in ev.tables) == ["billing.invoices", "billing.totals"]


def test_a_listed_schema_the_database_lacks_is_cn001_not_an_empty_schema(pg_db):
    url = pg_db(
        SHOP + 'CREATE SCHEMA "Support"; CREATE TABLE "Support".tickets (email text); CREATE SCHEMA empty;'
    )
    ev = read(url, schemas=("billing", "support", "empty", "biling"))
    assert sorted(t.key for t in ev.tables) == ["billing.invoices", "billing.totals"]
    assert [(p.message, p.location) for p in ev.problems] == [
        (
            "schema 'support' (listed in schemas:) is not in the database, or this user may not see it; "
            "did you mean 'Support'?",
            Location(database=url),
        ),
        (
            "schema 'biling' (listed in schemas:) is not in the database, or this user may not see it",
            Location(database=url),
        ),
    ]


def test_the_transaction_is_read_only_with_a_timeout(pg_db):
    db = parse_database_url(pg_db(SHOP), Path("."))
    with read_only(db) as conn:
        assert conn.exec_driver_sql("SHOW transaction_read_only").scalar() == "on"
        assert conn.exec_driver_sql("SHOW statement_timeout").scalar() == "30s"
        customers = sa.table("customers", sa.column("email"))
        with pytest.raises(sa.exc.InternalError, match="read-only transaction"):
            conn.execute(sa.insert(customers).values(email="x@y.example"))


def test_a_slow_statement_is_cancelled(pg_db):
    db = parse_database_url(pg_db(), Path("."))
    with (
        read_only(db, timeout_s=0.2) as conn,
        pytest.raises(sa.exc.OperationalError, match="statement timeout"),
    ):
        conn.exec_driver_sql("SELECT pg_sleep(5)")


def test_an_unreachable_server_is_cn001_without_the_password(tmp_path):
    url = f"postgresql://app:${{PW}}@/shop?host={tmp_path}"  # no server on this socket dir
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PW", "Sup3rS3cret")
        ev = read(url)
    assert len(ev.problems) == 1
    problem = ev.problems[0]
    assert problem.message.startswith("cannot connect to the database: ")
    assert "No such file or directory" in problem.message or "connection" in problem.message
    assert problem.location == Location(database=f"postgresql://app:***@/shop?host={tmp_path}")
    assert "Sup3rS3cret" not in repr(ev)


def test_sampling_with_a_role_that_cannot_read_one_table(pg, pg_db):
    url = pg_db(
        "CREATE TABLE tickets (id serial PRIMARY KEY, opened_by text, body text);"
        "INSERT INTO tickets (opened_by, body) "
        "  SELECT 'user' || i || '@mail.example', 'printer jammed' FROM generate_series(1, 40) i;"
        "CREATE TABLE secrets (id serial PRIMARY KEY, label text);"
        "INSERT INTO secrets (label) VALUES ('a'), ('b');"
        "CREATE ROLE auditor LOGIN PASSWORD 'Aud1tor!pw';"
        "GRANT SELECT ON tickets TO auditor;"
    )
    dbname = url.split("@/")[1].split("?")[0]
    ev = read(pg.url(dbname, user="auditor", password="Aud1tor!pw"), sample=25)
    verdict = ev.classified["tickets.opened_by"]
    assert verdict.reason == "25 of 25 sampled values are email addresses"
    literal, unreadable = ev.problems  # the password is written in the URL: a warning first
    assert literal.severity is Severity.WARNING and "holds its password" in literal.message
    assert (unreadable.location.table, unreadable.message.split(":")[0]) == (
        "public.secrets",
        "cannot read table 'public.secrets' to sample its values",
    )
    assert "permission denied" in unreadable.message
    assert ev.counts["sampled_columns"] == 2  # tickets.opened_by and tickets.body
    assert "Aud1tor!pw" not in repr(ev)
    assert {t.name for t in ev.tables} == {"tickets", "secrets"}  # the catalog is still read


def test_unknown_types_are_read_without_a_type_and_without_warnings(pg_db, recwarn):
    url = pg_db(
        "CREATE TYPE address AS (street text, city text);"
        "CREATE TABLE people (id int PRIMARY KEY, home address, email text);"
    )
    ev = read(url)
    (people,) = ev.tables
    assert [(c.name, c.type) for c in people.columns] == [
        ("id", "INTEGER"),
        ("home", None),
        ("email", "TEXT"),
    ]
    assert [str(w.message) for w in recwarn] == []


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("mysql://u:Secr3tpw@127.0.0.1:1/d?foo=bar", "unexpected keyword argument 'foo'"),
        ("postgresql://u:Secr3tpw@127.0.0.1:1/d?foo=bar", 'invalid connection option "foo"'),
        ("postgresql://u@127.0.0.1:1/d?password=Secr3tpw", "Connection refused"),
    ],
)
def test_refused_options_and_ports_are_cn001(url, reason):
    ev = read(url)
    literal, problem = ev.problems  # a password written in the URL is a warning of its own
    assert literal.severity is Severity.WARNING and literal.location == problem.location
    assert problem.message.startswith("cannot connect to the database: ") and reason in problem.message
    assert "Secr3tpw" not in repr(ev)


def test_a_missing_driver_is_cn001_saying_what_to_install(monkeypatch):
    _, problem = read("mssql+pymssql://u:Secr3tpw@h/d").problems
    assert problem.message == (
        "the mssql driver 'pymssql' is not installed (no module 'pymssql'): "
        "install the Python package that provides 'pymssql'"
    )
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if cnsnt[postgres] were not installed
    _, problem = read("postgresql://u:Secr3tpw@h/d").problems
    assert problem.message.endswith("no module 'psycopg'): pip install 'cnsnt[postgres]'")
    assert problem.location == Location(database="postgresql://u:***@h/d")


def test_partitions_are_folded_into_their_parent(pg_db):
    url = pg_db(
        "CREATE TABLE events (id int, email text, at date) PARTITION BY RANGE (at);"
        "CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');"
        "CREATE TABLE people (id int, name text);"
        "CREATE TABLE staff (badge text) INHERITS (people);"  # own columns: a table of its own
    )
    ev = read(url)
    assert sorted(t.name for t in ev.tables) == ["events", "people", "staff"]
    assert [c.name for c in next(t for t in ev.tables if t.name == "staff").columns] == [
        "id",
        "name",
        "badge",
    ]


def test_a_default_that_fills_in_the_writers_login_is_read_from_the_catalog(pg_db):
    url = pg_db(
        "CREATE TABLE repairs (id serial PRIMARY KEY, part text DEFAULT 'user', "
        "recorded_by name DEFAULT CURRENT_USER, checked_by text DEFAULT session_user, at date DEFAULT now(), "
        "approved_by text DEFAULT current_user::text);"  # the catalog says (CURRENT_USER)::text
    )
    ev = read(url)
    (repairs,) = ev.tables
    assert [c.name for c in repairs.columns if c.login_default] == [
        "recorded_by",
        "checked_by",
        "approved_by",
    ]
    assert classify_tables(ev.tables)["repairs.recorded_by"].category == "user.account.username"


def test_a_view_definition_that_cannot_be_read_is_cn001_and_its_columns_still_count(pg, pg_db):
    import psycopg

    from cnsnt.sources.databases.introspect import Introspection

    url = pg_db(
        "CREATE TABLE customers (id int PRIMARY KEY, email text);"
        "CREATE VIEW mailing AS SELECT email FROM customers;"
    )
    db = parse_database_url(url, Path("."))
    dbname = url.split("@/")[1].split("?")[0]
    # A migration holds the view's table: printing the definition must lock it, and waits.
    with psycopg.connect(host=str(pg.sock), dbname=dbname, user="postgres") as migration:
        migration.execute("LOCK TABLE customers IN ACCESS EXCLUSIVE MODE")
        with read_only(db, timeout_s=0.3) as conn:
            intro = Introspection(conn, db)
            tables = {lt.table.name: lt.table for lt in intro.read()}
    mailing = tables["mailing"]
    assert mailing.is_view and mailing.view_sql is None
    assert [c.name for c in mailing.columns] == ["email"]
    (problem,) = intro.problems
    assert problem.location == intro.location("public", "mailing")
    assert problem.message.startswith(
        "cannot read the definition of view 'public.mailing' (queries through it are not traced "
        "to its tables): "
    )


def test_a_sql_ascii_database_is_read(pg):
    # What initdb makes under the C locale; psycopg would hand SQLAlchemy bytes for text.
    pg.execute("CREATE DATABASE legacy_ascii ENCODING 'SQL_ASCII' TEMPLATE template0")
    pg.execute("CREATE TABLE members (id int PRIMARY KEY, email text)", "legacy_ascii")
    ev = read(pg.url("legacy_ascii"))
    assert ev.problems == []
    assert [c.key for t in ev.tables for c in t.columns] == ["members.id", "members.email"]


def test_when_the_batch_read_fails_every_kind_of_relation_is_read_one_by_one(pg_db, monkeypatch):
    from sqlalchemy.engine.reflection import Inspector

    def refuse(*args, **kwargs):
        raise sa.exc.OperationalError(
            "catalog", {}, Exception("canceling statement due to statement timeout")
        )

    url = pg_db(
        SHOP + "CREATE EXTENSION postgres_fdw; CREATE SERVER crm FOREIGN DATA WRAPPER postgres_fdw;"
        "CREATE FOREIGN TABLE crm_contacts (email text, phone text) SERVER crm;"
    )
    monkeypatch.setattr(Inspector, "get_multi_columns", refuse)
    ev = read(url)
    assert sorted(t.key for t in ev.tables) == [
        "billing.invoices",
        "billing.totals",
        "crm_contacts",
        "customer_emails",
        "customers",
    ]
    assert [p.message for p in ev.problems] == [
        f"cannot read the columns of schema '{schema}': canceling statement due to statement timeout"
        for schema in ("billing", "public")
    ]


def test_a_column_of_an_enum_type_is_typed_by_its_values(pg_db):
    url = pg_db(
        "CREATE TYPE admission_status AS ENUM ('admitted', 'discharged', 'deceased');"
        "CREATE TABLE admissions (id int PRIMARY KEY, status admission_status, statuses admission_status[]);"
    )
    (admissions,) = read(url).tables
    assert [(c.name, c.type) for c in admissions.columns] == [
        ("id", "INTEGER"),
        ("status", "enum('admitted','discharged','deceased') /* admission_status */"),
        ("statuses", "admission_status[]"),
    ]
