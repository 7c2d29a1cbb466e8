"""codereview36: fresh eyes on session 36's merged changes (schemas written for these tests)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.schema_entry import schema_verdicts


def test_a_table_named_for_tip_recipients_in_english_lists_people(tmp_path: Path) -> None:
    """`tip` heads no list of kinds in an English schema (a gratuity): the waiters who share the
    tips are people, as `waiter_recipients` would be. The table verdict read the kind heads of
    the stemmed languages only, none in English, so `tip` still headed kinds there."""
    ddl = """
    CREATE TABLE restaurants (id INT PRIMARY KEY, name VARCHAR(100), street VARCHAR(100),
      city VARCHAR(60));
    CREATE TABLE tip_recipients (id INT PRIMARY KEY, name VARCHAR(60), share_percent DECIMAL(5,2));
    """
    got = schema_verdicts(tmp_path, ddl)
    assert got["tip_recipients.name"].personal, got["tip_recipients.name"]
