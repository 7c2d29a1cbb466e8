"""A reason never says a table is not about people when the classifier found it linked to them.

A weak word (`name`) in a record linked to a person only through another record is left out,
and the reason says why in terms of that record; before, it said "'booking_items' is not about
people", which contradicts
the table verdict printed above it in `cnsnt explain-column`.
"""

from __future__ import annotations

from pathlib import Path

from tests.unit.schema_entry import schema_verdicts

HELPDESK = """
CREATE TABLE customers (id INTEGER PRIMARY KEY, first_name TEXT, last_name TEXT, email TEXT);
CREATE TABLE bookings (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id),
  starts_at TIMESTAMP);
CREATE TABLE booking_items (id INTEGER PRIMARY KEY, booking_id INTEGER REFERENCES bookings(id),
  name VARCHAR(100));
CREATE TABLE shelves (id INTEGER PRIMARY KEY, title VARCHAR(200));
"""


def test_a_weak_word_in_a_linked_record_is_left_out_without_denying_the_link(tmp_path: Path) -> None:
    got = schema_verdicts(tmp_path, HELPDESK)
    name = got["booking_items.name"]
    assert not name.personal
    assert "is not about people" not in name.reason
    assert "though it sits in a table linked to people" in name.reason


def test_a_table_about_no_one_still_says_so(tmp_path: Path) -> None:
    got = schema_verdicts(tmp_path, HELPDESK)
    assert "'shelves' is not about people" in got["shelves.title"].reason
