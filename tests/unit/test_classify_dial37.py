"""dial37: a key's table is found the way each database finds it; where it cannot be known, none is guessed."""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.classify import classify_tables
from cnsnt.classify.tables import read_tables
from cnsnt.evidence import Classification, Table
from cnsnt.sql.namespaces import name_lookup
from tests.unit.schema_entry import read_entry, write_files


def _tables(base: Path, dialect: str, ddl: str) -> list[Table]:
    write_files(base, {"schema.sql": ddl})
    tables = list(read_entry(base, "schema.sql", dialect=dialect).tables)
    assert {t.dialect for t in tables} == {dialect}
    return tables


def _target(tables: list[Table], table: str, column: str) -> str | None:
    """The key of the table `table.column`'s key points at, as the classifier reads it."""
    reading = read_tables(tables)
    owner = next(t for t in reading.tables if t.key.casefold() == table.casefold())
    key = next(k for k in owner.foreign_keys if k.columns[0].casefold() == column.casefold())
    found = reading.target(owner, key)
    return found.key.casefold() if found is not None else None


def _verdicts(base: Path, dialect: str, ddl: str) -> dict[str, Classification]:
    return {k.casefold(): v for k, v in classify_tables(_tables(base, dialect, ddl)).items()}


# -- 1: a key that names no schema, from a schema that has a table of the name too

# `ward.grade` is written first: the table seen first must not win
_GRADES = """
CREATE TABLE ward.grade (id INT PRIMARY KEY, label VARCHAR(40));
CREATE TABLE {default}grade (id INT PRIMARY KEY, label VARCHAR(40));
CREATE TABLE ward.nurses (id INT PRIMARY KEY, first_name VARCHAR(60), grade_id INT REFERENCES grade(id));
"""


@pytest.mark.parametrize(
    ("dialect", "default", "found"),
    [
        # the session's schema: the search path, the default schema, the current schema
        ("postgres", "", "grade"),
        ("redshift", "", "grade"),
        ("redshift", "public.", "public.grade"),
        ("tsql", "dbo.", "dbo.grade"),
        ("snowflake", "", "grade"),
        ("snowflake", "PUBLIC.", "public.grade"),
        # Oracle: the session user's own schema, where an unqualified CREATE TABLE puts it
        ("oracle", "", "grade"),
        # a key stays in its own schema (a MySQL database, a SQLite file, a DuckDB schema)
        ("mysql", "", "ward.grade"),
        ("sqlite", "", "ward.grade"),
        ("duckdb", "", "ward.grade"),
    ],
)
def test_an_unqualified_key_is_found_where_its_database_looks(
    tmp_path: Path, dialect: str, default: str, found: str
) -> None:
    """Redshift, Snowflake and Oracle read `ward.nurses.grade_id REFERENCES grade` in the row's
    own schema before (`ward.grade`), as only PostgreSQL and SQL Server were known to look
    in the session's (dial37)."""
    tables = _tables(tmp_path, dialect, _GRADES.format(default=default))
    assert _target(tables, "ward.nurses", "grade_id") == found


@pytest.mark.parametrize(("dialect", "main"), [("sqlite", "main."), ("duckdb", "main."), ("sqlite", "")])
def test_a_key_from_the_main_schema_stays_there(tmp_path: Path, dialect: str, main: str) -> None:
    """`nurses` (no schema: `main`) `REFERENCES grade`, with an attached `aux.grade` read first:
    SQLite and DuckDB keep a key in its schema, `main.grade`; the first `grade` seen won (dial37)."""
    ddl = f"""
    CREATE TABLE aux.grade (id INT PRIMARY KEY, label VARCHAR(40));
    CREATE TABLE {main}grade (id INT PRIMARY KEY, label VARCHAR(40));
    CREATE TABLE nurses (id INT PRIMARY KEY, first_name VARCHAR(60), grade_id INT REFERENCES grade(id));
    """
    assert _target(_tables(tmp_path, dialect, ddl), "nurses", "grade_id") == f"{main}grade"


def test_the_default_schema_is_spelt_as_the_dialect_folds_it() -> None:
    """sqlglot's normalization: Snowflake's default schema is `PUBLIC`, PostgreSQL's `public`."""
    assert name_lookup("snowflake").default == "PUBLIC" and name_lookup("postgres").default == "public"
    assert name_lookup("oracle").session and name_lookup("oracle").default is None
    assert not name_lookup("mysql").session and name_lookup(None) == name_lookup("mysql")


# -- 2: where the database's choice cannot be known, no table is guessed

_TWO_ACCOUNTS = """
CREATE TABLE crm.accounts (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60), email VARCHAR(200));
CREATE TABLE ledger.accounts (id INT PRIMARY KEY, code VARCHAR(20), label VARCHAR(80));
CREATE TABLE billing.invoices (id INT PRIMARY KEY, account_id INT REFERENCES accounts(id), amount DECIMAL(10,2),
  note VARCHAR(200), booked_on DATE);
"""


@pytest.mark.parametrize("dialect", ["mysql", "postgres", "oracle"])
def test_a_name_two_schemas_hold_points_at_neither(tmp_path: Path, dialect: str) -> None:
    """`billing.invoices.account_id REFERENCES accounts`, with `crm.accounts` (people) and
    `ledger.accounts`: MySQL would look in `billing`, PostgreSQL in `public`, Oracle in the
    session's schema, and the schema read holds none of them. The first `accounts` seen won:
    a guess (dial37)."""
    assert _target(_tables(tmp_path, dialect, _TWO_ACCOUNTS), "billing.invoices", "account_id") is None


def test_a_row_keyed_to_an_unknown_one_of_two_tables_is_linked_to_no_one(tmp_path: Path) -> None:
    """Nor is the row linked to a person because one `accounts` describes people; it is where
    both do, whichever its database finds."""
    got = _verdicts(tmp_path, "mysql", _TWO_ACCOUNTS)
    for column in ("amount", "note", "booked_on"):
        assert not got[f"billing.invoices.{column}"].personal, got[f"billing.invoices.{column}"]
    both = _TWO_ACCOUNTS.replace("code VARCHAR(20), label VARCHAR(80)", "first_name VARCHAR(60), email VARCHAR(200)")
    got = _verdicts(tmp_path, "mysql", both)
    assert got["billing.invoices.note"].personal, got["billing.invoices.note"]


def test_a_person_s_key_to_one_of_two_tables_says_it_cannot_be_known(tmp_path: Path) -> None:
    """In a person's own row, `rank_id REFERENCES ranks` with `hr.ranks` and `crm.ranks`: the
    reason names both and says which one is not known, rather than "a table the schema does not
    show" (it shows two)."""
    ddl = """
    CREATE TABLE hr.ranks (id INT PRIMARY KEY, label VARCHAR(40));
    CREATE TABLE crm.ranks (id INT PRIMARY KEY, label VARCHAR(40));
    CREATE TABLE staff.employees (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      birth_date DATE, email VARCHAR(200), rank_id INT REFERENCES ranks(id));
    """
    got = _verdicts(tmp_path, "mysql", ddl)["staff.employees.rank_id"]
    assert not got.personal and got.confidence.value == "low", got
    assert "'hr.ranks' or 'crm.ranks'" in got.reason and "not known" in got.reason, got.reason
    assert "does not show" not in got.reason


# -- 3: a lookup of the same name is no person's table


_LEDGER = """
CREATE TABLE crm.accounts (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
  email VARCHAR(200), birth_date DATE);
CREATE TABLE ledger.accounts (id INT PRIMARY KEY, code VARCHAR(10), label VARCHAR(80));
CREATE TABLE ledger.entries (id INT PRIMARY KEY, account_id INT REFERENCES {ref}accounts(id),
  amount DECIMAL(10,2), note VARCHAR(200), city VARCHAR(80), booked_on DATE);
"""


@pytest.mark.parametrize(("dialect", "ref"), [("mysql", ""), ("duckdb", ""), ("postgres", "ledger.")])
def test_a_key_to_a_ledger_s_accounts_is_no_key_to_people(tmp_path: Path, dialect: str, ref: str) -> None:
    """`ledger.entries.account_id` points at `ledger.accounts` (its own schema's, or named so):
    a chart of accounts. `crm.accounts` describing people made the entry a person's, its
    amount, note, city and date theirs, as a key matched any table of its bare name (dial37)."""
    got = _verdicts(tmp_path, dialect, _LEDGER.format(ref=ref))
    for column in ("amount", "note", "city", "booked_on"):
        assert not got[f"ledger.entries.{column}"].personal, got[f"ledger.entries.{column}"]


def test_a_key_to_the_person_table_of_a_shared_name_names_its_schema(tmp_path: Path) -> None:
    """`crm.notes.account_id REFERENCES accounts` in MySQL is `crm.accounts`, people: the note
    is theirs, and the reason says which `accounts` (dial37)."""
    ddl = _LEDGER.format(ref="") + (
        "CREATE TABLE crm.notes (id INT PRIMARY KEY, account_id INT REFERENCES accounts(id), note VARCHAR(200));"
    )
    got = _verdicts(tmp_path, "mysql", ddl)["crm.notes.note"]
    assert got.personal and "'crm.accounts', which describes people" in got.reason, got
