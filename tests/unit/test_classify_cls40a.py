"""cls40a: a row that continues a person's record, though the record is reached through another.

GDPR Art. 4(1): a row whose own key is a record's, one row per record, says what that
record says of its person, however the record itself reaches them. Every schema here is
written for these tests, read through the SQL reader as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify import table_verdicts
from tests.unit.schema_entry import schema_tables as _read
from tests.unit.schema_entry import schema_verdicts as _verdicts

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
