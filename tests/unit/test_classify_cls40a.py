"""cls40a: which tables are about people when a row hangs on more than one record.

GDPR Art. 4(1) asks whether a row relates to a person, not whether it relates to them
alone: a row keyed to one person's record and to records about no one stays theirs, and a
row that continues a person's record one-to-one says what that record says of them. Every
schema here is written for these tests, read through the SQL reader as `cnsnt init` reads
a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify import table_verdicts
from tests.unit.schema_entry import schema_tables as _read
from tests.unit.schema_entry import schema_verdicts as _verdicts

# a household's payment: keyed to the client's agreement and to the bank that executes it
PAYMENTS = """
CREATE TABLE clients (id INT PRIMARY KEY, first_name TEXT, last_name TEXT, email TEXT);
CREATE TABLE agreements (id INT PRIMARY KEY, client_id INT REFERENCES clients(id), description TEXT);
CREATE TABLE banks (id INT PRIMARY KEY, name TEXT, bic TEXT, phone TEXT);
CREATE TABLE payment_records (id INT PRIMARY KEY, agreement_id INT REFERENCES agreements(id),
  bank_id INT REFERENCES banks(id), amount NUMERIC(10, 2), remarks TEXT, paid_on DATE);
"""


def test_a_row_of_one_persons_record_and_a_banks_is_the_persons(tmp_path: Path) -> None:
    """The payment relates to the client through their agreement, though it relates to a bank too."""
    tables = _read(tmp_path, PAYMENTS)
    verdict = table_verdicts(tables)["payment_records"]
    assert verdict.kind == "linked to people", verdict
    # the reason names both keys, and why the person's wins
    assert "'agreement_id' references 'agreements', which is about a person" in verdict.reason
    assert "'bank_id' references 'banks' too, a record about no person itself" in verdict.reason
    got = _verdicts(tmp_path, PAYMENTS)
    assert got["payment_records.remarks"].personal, got["payment_records.remarks"]
    assert "'bank_id' references 'banks' too" in got["payment_records.remarks"].reason
    # as an order's line, its sum stays the record's
    assert not got["payment_records.amount"].personal, got["payment_records.amount"]


def test_a_row_of_two_peoples_records_stays_unsure(tmp_path: Path) -> None:
    """Keyed to a client's agreement and to a debt case of someone's, the row may be either's: unsure."""
    ddl = PAYMENTS.replace("bank_id INT REFERENCES banks(id)", "case_id INT REFERENCES debt_cases(id)")
    ddl += "CREATE TABLE debt_cases (id INT PRIMARY KEY, client_id INT REFERENCES clients(id), opened_on DATE);\n"
    verdict = table_verdicts(_read(tmp_path, ddl))["payment_records"]
    assert verdict.kind == "not about people", verdict
    assert "a record of more than one thing, not one person's" in verdict.reason


# an employee's contract part, reached through their employment; its hours continue it
CONTRACTS = """
CREATE TABLE employees (id INT PRIMARY KEY, first_name TEXT, last_name TEXT, email TEXT);
CREATE TABLE employments (id INT PRIMARY KEY, employee_id INT REFERENCES employees(id),
  started_on DATE);
CREATE TABLE contract_parts (id INT PRIMARY KEY, employment_id INT REFERENCES employments(id),
  valid_from DATE);
CREATE TABLE contract_part_hours (id INT PRIMARY KEY REFERENCES contract_parts(id),
  weekly_hours NUMERIC(5, 2));
"""


def test_a_row_that_continues_a_record_reached_through_another_says_what_it_says(tmp_path: Path) -> None:
    """The hours of an employee's contract part, one row per part, are the employee's (RULE 2)."""
    verdict = table_verdicts(_read(tmp_path, CONTRACTS))["contract_part_hours"]
    assert "its key is that record's, so each row continues one of them" in verdict.reason
    got = _verdicts(tmp_path, CONTRACTS)
    assert got["contract_part_hours.weekly_hours"].personal, got["contract_part_hours.weekly_hours"]


def test_a_record_found_a_persons_in_the_same_pass_is_not_called_no_ones(tmp_path: Path) -> None:
    """A debt case about a client through their account is a record about a person too.

    It is found so in the same pass that files the payment under the client's agreement (the
    person nearest the row, as cls40a reads it): the reason must not call the case 'a record
    about no person itself'.
    """
    ddl = PAYMENTS.replace("bank_id INT REFERENCES banks(id)", "case_id INT REFERENCES debt_cases(id)")
    ddl += (
        "CREATE TABLE accounts (id INT PRIMARY KEY, client_id INT REFERENCES clients(id), iban TEXT);\n"
        "CREATE TABLE debt_cases (id INT PRIMARY KEY, account_id INT REFERENCES accounts(id), opened_on DATE);\n"
    )
    verdicts = table_verdicts(_read(tmp_path, ddl))
    assert verdicts["debt_cases"].kind == "linked to people", verdicts["debt_cases"]
    verdict = verdicts["payment_records"]
    assert "a record about no person itself" not in verdict.reason, verdict
    assert "'case_id' references 'debt_cases' too, a record that relates to a person only through" in verdict.reason

