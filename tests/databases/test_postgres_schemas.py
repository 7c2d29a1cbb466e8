"""dial37: a real PostgreSQL 15 database of several schemas, read by `cnsnt init` and `cnsnt audit`.

The same table name in two schemas (a clinic's patient accounts, the ledger's chart of
accounts in `public`), keys across schemas, a search path that puts `clinic` first, a
view, a partitioned table and column comments: every table read once with its schema,
each row linked to the person table its key really points at, `schema.table` named in
the findings and in the starter policy. Skipped with a reason where PostgreSQL 15 or
psycopg is missing (the `pg` fixture).
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cnsnt.api import audit_path
from cnsnt.classify.tables import read_tables
from cnsnt.cli import app
from cnsnt.evidence import Evidence
from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.databases.live import read_database

# Made with the search path the database keeps (`clinic, public`): `REFERENCES accounts`
# in `clinic` is `clinic.accounts`; `public.payments` names its schema.
CLINIC = """
CREATE SCHEMA clinic;
CREATE SCHEMA hr;
CREATE TABLE public.accounts (
  id serial PRIMARY KEY,
  code varchar(10) NOT NULL,
  label varchar(80)
);
COMMENT ON COLUMN public.accounts.label IS 'Name of the ledger account';
CREATE TABLE public.payments (
  id serial PRIMARY KEY,
  account_id integer REFERENCES public.accounts (id),
  amount numeric(10, 2),
  note varchar(200),
  booked_on date
);
CREATE TABLE hr.staff (
  id serial PRIMARY KEY,
  first_name varchar(60),
  last_name varchar(60),
  email varchar(200)
);
DO $$ BEGIN
  EXECUTE format('ALTER DATABASE %I SET search_path = clinic, public', current_database());
END $$;
SET search_path = clinic, public;
CREATE TABLE accounts (
  id serial PRIMARY KEY,
  first_name varchar(60),
  last_name varchar(60),
  email varchar(200),
  phone varchar(30),
  birth_date date
);
CREATE TABLE visits (
  id bigserial,
  account_id integer REFERENCES accounts (id),
  doctor_id integer REFERENCES hr.staff (id),
  visited_on date NOT NULL,
  symptoms text,
  PRIMARY KEY (id, visited_on)
) PARTITION BY RANGE (visited_on);
CREATE TABLE visits_2026 PARTITION OF visits FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
COMMENT ON COLUMN visits.symptoms IS 'What the patient reports';
CREATE TABLE invoices (
  id serial PRIMARY KEY,
  account_id integer REFERENCES accounts (id),
  amount numeric(10, 2),
  note varchar(200),
  booked_on date
);
CREATE VIEW patient_contacts AS SELECT id, email, phone FROM accounts;
"""

TABLES = [
    "accounts",
    "clinic.accounts",
    "clinic.invoices",
    "clinic.patient_contacts",
    "clinic.visits",
    "hr.staff",
    "payments",
]

runner = CliRunner()


def _read(url: str) -> Evidence:
    spec = SourceSpec("databases", url, Path("."), Location("--db"))
    return read_database(spec, SourceContext(base_dir=Path(".")))


def test_each_table_is_read_once_with_its_schema(pg_db) -> None:
    """`clinic.accounts` and `public.accounts` are two tables; the partition folds into `visits`.

    The search path's first schema was left out of the names: `accounts` (clinic's) and
    `public.accounts` were then one table to the classifier, which kept one of them.
    """
    ev = _read(pg_db(CLINIC))
    assert ev.problems == []
    assert sorted(t.key for t in ev.tables) == TABLES
    reading = read_tables(ev.tables)
    assert sorted(t.key for t in reading.tables) == TABLES
    tables = {t.key: t for t in ev.tables}
    comments = {c.name: c.comment for c in tables["clinic.visits"].columns}
    assert comments["symptoms"] == "What the patient reports"
    assert tables["clinic.patient_contacts"].is_view


def test_keys_point_at_the_table_the_database_resolved(pg_db) -> None:
    """`clinic.visits.account_id` (made under `clinic, public`) points at `clinic.accounts`,
    `doctor_id` at `hr.staff`, `public.payments.account_id` at the ledger's `accounts`."""
    ev = _read(pg_db(CLINIC))
    reading = read_tables(ev.tables)
    tables = {t.key: t for t in reading.tables}

    def target(table: str, column: str) -> str | None:
        key = next(k for k in tables[table].foreign_keys if k.columns == (column,))
        found = reading.target(tables[table], key)
        return found.key if found is not None else None

    assert target("clinic.visits", "account_id") == "clinic.accounts"
    assert target("clinic.visits", "doctor_id") == "hr.staff"
    assert target("clinic.invoices", "account_id") == "clinic.accounts"
    assert target("payments", "account_id") == "accounts"


def test_rows_are_linked_to_the_right_person_table(pg_db) -> None:
    """An invoice of a patient's account is theirs; a payment booked to a ledger account is
    no one's, though the clinic's `accounts` describe people."""
    from cnsnt.classify import classify_tables

    got = classify_tables(_read(pg_db(CLINIC)).tables)
    assert got["clinic.accounts.email"].personal
    assert got["clinic.visits.symptoms"].personal
    assert got["clinic.visits.symptoms"].category.startswith("user.health"), got["clinic.visits.symptoms"]
    assert got["clinic.invoices.note"].personal, got["clinic.invoices.note"]
    assert "clinic.accounts" in got["clinic.invoices.note"].reason, got["clinic.invoices.note"]
    for column in ("note", "amount", "booked_on"):
        verdict = got[f"payments.{column}"]
        assert not verdict.personal, verdict
    assert not got["accounts.label"].personal


def test_init_and_audit_name_schema_and_table(pg_db, tmp_path: Path) -> None:
    """The starter policy lists `clinic.accounts.email`, never a bare `accounts.email` (the
    ledger's), and the audit of the policy it wrote finds nothing undeclared."""
    url = pg_db(CLINIC)
    result = runner.invoke(app, ["init", str(tmp_path), "--db", url], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    text = (tmp_path / "cnsnt.yaml").read_text(encoding="utf-8")
    for column in ("clinic.accounts.email", "clinic.visits.symptoms", "hr.staff.email", "clinic.invoices.note"):
        assert f"- {column}" in text, text
    assert "- accounts.email" not in text and "- payments.note" not in text, text
    audit = audit_path(tmp_path)
    assert not [f for f in audit.findings if f.rule in ("CN001", "CN101")], [
        (f.rule, f.subject) for f in audit.findings
    ]
    # a finding on the database names the table with its schema
    kept = [ln for ln in text.splitlines(keepends=True) if not ln.strip().startswith("- clinic.accounts.email ")]
    assert len(kept) == len(text.splitlines()) - 1
    (tmp_path / "cnsnt.yaml").write_text("".join(kept), encoding="utf-8")
    audit = audit_path(tmp_path)
    missing = [f for f in audit.findings if f.rule == "CN101"]
    assert [f.subject for f in missing] == ["clinic.accounts.email"], [(f.rule, f.subject) for f in missing]
    assert missing[0].location.table == "clinic.accounts"


# A database moved from SQL Server keeps its `dbo` schema (pgloader does), beside `public`.
MOVED = """
CREATE SCHEMA dbo;
CREATE SCHEMA main;
CREATE TABLE public.members (id serial PRIMARY KEY, email varchar(200));
CREATE TABLE dbo.members (id serial PRIMARY KEY, code varchar(10));
CREATE TABLE main.orders (id serial PRIMARY KEY, member_id integer REFERENCES dbo.members (id));
"""


def test_a_schema_named_dbo_or_main_is_named_in_postgresql(pg_db) -> None:
    """Only `public` is PostgreSQL's default schema: `dbo.members` beside `public.members` is
    a table of its own (codereview37). Every name of a default schema elsewhere (`dbo`,
    `main`) was left out, and the two were two tables `members`, the key lost its schema."""
    ev = _read(pg_db(MOVED))
    assert ev.problems == []
    assert sorted(t.key for t in ev.tables) == ["dbo.members", "main.orders", "members"]
    [orders] = [t for t in ev.tables if t.name == "orders"]
    assert [(k.ref_schema, k.ref_table) for k in orders.foreign_keys] == [("dbo", "members")]
