"""A DDL file's own session: `SET search_path`, pg_dump's `set_config`, Oracle's `ALTER
SESSION SET CURRENT_SCHEMA`, MySQL's `USE` put the unqualified tables after them in a
schema, and a later unqualified `REFERENCES` finds its table through the path (hard38)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.sql.ddl import parse_ddl


def _tables(text: str, dialect: str) -> list[tuple[str | None, str, list[tuple[str | None, str]]]]:
    result = parse_ddl(text, dialect)
    assert [p.message for p in result.problems] == []
    return [(t.schema, t.name, [(k.ref_schema, k.ref_table) for k in t.foreign_keys]) for t in result.tables]


def test_set_search_path_puts_tables_in_its_first_schema_and_keys_find_them() -> None:
    text = (
        "SET search_path TO clinic, public;\n"
        "CREATE TABLE patients (id int PRIMARY KEY, email text);\n"
        "CREATE TABLE visits (id int, patient_id int REFERENCES patients(id));\n"
    )
    assert _tables(text, "postgres") == [
        ("clinic", "patients", []),
        ("clinic", "visits", [("clinic", "patients")]),
    ]


def test_pg_dump_set_config_and_its_empty_path() -> None:
    """`set_config('search_path', 'crm', false)` moves the next `members` to crm, whose key
    finds crm's and not public's; pg_dump's empty path adds nothing (it qualifies every name)."""
    text = (
        "CREATE TABLE members (id int PRIMARY KEY);\n"
        "SELECT pg_catalog.set_config('search_path', 'crm', false);\n"
        "CREATE TABLE members (id int PRIMARY KEY, phone text);\n"
        "CREATE TABLE calls (id int, member_id int REFERENCES members(id));\n"
        "SELECT pg_catalog.set_config('search_path', '', false);\n"
        "CREATE TABLE public.badges (id int, member_id int REFERENCES public.members(id));\n"
    )
    assert _tables(text, "postgres") == [
        (None, "members", []),
        ("crm", "members", []),
        ("crm", "calls", [("crm", "members")]),
        ("public", "badges", [("public", "members")]),
    ]


def test_a_path_of_the_default_schema_changes_no_name() -> None:
    """Old pg_dump's `SET search_path = public, pg_catalog` and `"$user", public`: the
    tables are where they were without it, named as before."""
    text = (
        'SET search_path = "$user", public;\n'
        "CREATE TABLE guests (id int PRIMARY KEY);\n"
        "SET search_path = public, pg_catalog;\n"
        "CREATE TABLE stays (id int, guest_id int REFERENCES guests(id));\n"
    )
    assert _tables(text, "postgres") == [(None, "guests", []), (None, "stays", [(None, "guests")])]


def test_set_local_lasts_to_the_end_of_its_transaction_and_rollback_undoes_a_set() -> None:
    text = (
        "BEGIN;\nSET LOCAL search_path TO billing;\nCREATE TABLE invoices (id int);\nCOMMIT;\n"
        "CREATE TABLE payers (id int);\n"
        "START TRANSACTION;\nSET SESSION search_path = archive;\nROLLBACK;\n"
        "CREATE TABLE receipts (id int);\n"
        "SET LOCAL search_path TO nowhere;\n"  # outside a transaction: PostgreSQL ignores it
        "CREATE TABLE refunds (id int);\n"
    )
    assert [(s, n) for s, n, _ in _tables(text, "postgres")] == [
        ("billing", "invoices"),
        (None, "payers"),
        (None, "receipts"),
        (None, "refunds"),
    ]


def test_search_path_back_to_default() -> None:
    text = (
        "SET search_path TO hr;\nCREATE TABLE staff (id int);\n"
        "SET search_path TO DEFAULT;\nCREATE TABLE rooms (id int);\n"
        "SET search_path TO hr;\nRESET search_path;\nCREATE TABLE desks (id int);\n"
    )
    assert [(s, n) for s, n, _ in _tables(text, "postgres")] == [("hr", "staff"), (None, "rooms"), (None, "desks")]


def test_alter_and_comment_of_an_unqualified_name_find_the_table_on_the_path() -> None:
    text = (
        "CREATE TABLE accounts (id int PRIMARY KEY);\n"
        "SET search_path TO crm, public;\n"
        "CREATE TABLE accounts (id int PRIMARY KEY);\n"
        "CREATE TABLE leads (id int, account_id int);\n"
        "ALTER TABLE leads ADD COLUMN email text;\n"
        "ALTER TABLE leads ADD CONSTRAINT leads_account_fk FOREIGN KEY (account_id) REFERENCES accounts(id);\n"
        "COMMENT ON COLUMN leads.email IS 'where we write to';\n"
    )
    result = parse_ddl(text, "postgres")
    leads = next(t for t in result.tables if t.name == "leads")
    assert leads.schema == "crm"
    assert [(c.name, c.comment) for c in leads.columns][-1] == ("email", "where we write to")
    assert [(k.ref_schema, k.ref_table) for k in leads.foreign_keys] == [("crm", "accounts")]


def test_oracle_alter_session_current_schema() -> None:
    text = "ALTER SESSION SET CURRENT_SCHEMA = hr;\nCREATE TABLE staff (id NUMBER PRIMARY KEY, boss NUMBER REFERENCES staff(id));\n"
    assert _tables(text, "oracle") == [("hr", "staff", [("hr", "staff")])]


def test_mysql_use_names_a_second_database_only() -> None:
    """The database a dump first USEs is the one it is loaded into, which a live read of it
    names no more than a dump without USE does; another one after it qualifies its tables."""
    text = (
        "USE shop;\nCREATE TABLE customers (id int PRIMARY KEY);\n"
        "USE `archive`;\nCREATE TABLE customers (id int PRIMARY KEY);\n"
        "CREATE TABLE orders (id int, customer_id int, FOREIGN KEY (customer_id) REFERENCES customers(id));\n"
        "USE shop;\nCREATE TABLE carts (id int);\n"
    )
    assert _tables(text, "mysql") == [
        (None, "customers", []),
        ("archive", "customers", []),
        ("archive", "orders", [("archive", "customers")]),
        (None, "carts", []),
    ]


def test_tsql_use_changes_the_database_not_the_schema() -> None:
    assert _tables("USE shop;\nCREATE TABLE customers (id int PRIMARY KEY);\n", "tsql") == [(None, "customers", [])]


def test_a_set_inside_a_function_body_is_not_the_files_session() -> None:
    text = (
        "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$\n"
        "BEGIN\n  SET search_path TO elsewhere;\nEND $$;\n"
        "CREATE TABLE guests (id int);\n"
    )
    assert [(t.schema, t.name) for t in parse_ddl(text, "postgres").tables] == [(None, "guests")]


@pytest.mark.parametrize("dialect", ["postgres", "mysql", "oracle", "tsql"])
def test_a_file_without_session_statements_keeps_its_names(dialect: str) -> None:
    text = "CREATE TABLE guests (id int PRIMARY KEY);\nCREATE TABLE stays (id int, guest_id int REFERENCES guests(id));\n"
    assert _tables(text, dialect) == [(None, "guests", []), (None, "stays", [(None, "guests")])]


def test_a_table_moved_to_a_schema_still_matches_a_two_part_policy_column(tmp_path: Path) -> None:
    """`users.email` names `app.users.email` as a two-part pattern names any schema's column
    (docs/schemas.md); the key through the path links notes to people."""
    from cnsnt.api import audit_path

    (tmp_path / "dump.sql").write_text(
        "SET search_path TO app, public;\n"
        "CREATE TABLE users (id int PRIMARY KEY, email text);\n"
        "CREATE TABLE notes (id int, user_id int REFERENCES users(id), body text);\n"
    )
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources:\n  schemas: [{path: dump.sql, dialect: postgres}]\n"
        "purposes:\n  service: {description: To serve you., basis: contract, use: essential.service}\n"
        "data:\n  contact:\n    label: Your email\n    category: user.contact.email\n"
        "    columns: [users.email]\n    purposes: [service]\n    retention: P1Y\n"
    )
    result = audit_path(tmp_path)
    undeclared = {f.subject: f.message for f in result.findings if f.rule == "CN101"}
    assert "app.users.email" not in undeclared
    assert "'app.users'" in undeclared["app.notes.body"]


def test_mysql_use_after_tables_of_the_files_own_database_names_its_database() -> None:
    """codereview38c: tables made before any USE are in the database the file is loaded
    into, so the first USE then names another one; its `members` took the place of the
    first (whose email column was lost)."""
    text = (
        "CREATE TABLE members (id int PRIMARY KEY, email varchar(200));\n"
        "USE archive;\nCREATE TABLE members (id int PRIMARY KEY, phone varchar(40));\n"
    )
    result = parse_ddl(text, "mysql")
    assert [(t.schema, t.name, [c.name for c in t.columns]) for t in result.tables] == [
        (None, "members", ["id", "email"]),
        ("archive", "members", ["id", "phone"]),
    ]
