"""How sure a "not personal" verdict is, where labellers often disagree with it.

On the labelled tune half, a flag, a state or a count in a table that describes people is
labelled personal a third of the time or more; a reviewer who trusts a "high" there skips
what most needs a look. Schemas written for these tests.
"""

from __future__ import annotations

from cnsnt.classify import classify_tables
from cnsnt.evidence import ForeignKey, Table
from cnsnt.model import Confidence
from tests.unit.schema_entry import typed_table

MEMBERS = typed_table(
    "members",
    [
        ("id", "INTEGER"),
        ("first_name", "TEXT"),
        ("email", "TEXT"),
        ("role", "VARCHAR(20)"),
        ("status", "VARCHAR(10)"),
        ("is_active", "BOOLEAN"),
        ("created_at", "TIMESTAMP"),
    ],
)
JOBS = typed_table(
    "queue_jobs",
    [("id", "INTEGER"), ("role", "VARCHAR(20)"), ("is_done", "BOOLEAN"), ("attempt_count", "INTEGER")],
)


def _confidence(tables: list[Table], key: str) -> Confidence:
    got = classify_tables(tables)[key]
    assert not got.personal, got.reason
    return got.confidence


def test_a_flag_state_or_count_in_a_persons_own_row_is_not_surely_no_data() -> None:
    # a role there is their account's, personal since cls31a; `is_staff`, what they are, since cls32b
    for column in ("status", "is_active"):
        assert _confidence([MEMBERS], f"members.{column}") is Confidence.LOW, column


def test_a_records_own_date_in_a_persons_row_stays_sure() -> None:
    assert _confidence([MEMBERS], "members.created_at") is Confidence.HIGH


def test_the_same_words_in_a_table_about_no_one_stay_sure() -> None:
    for column in ("role", "is_done", "attempt_count"):
        assert _confidence([MEMBERS, JOBS], f"queue_jobs.{column}") is Confidence.HIGH, column


def test_a_flag_of_a_record_about_a_person_is_half_sure() -> None:
    loans = typed_table(
        "loans",
        [("id", "INTEGER"), ("member_id", "INTEGER"), ("is_returned", "BOOLEAN"), ("status", "VARCHAR(10)")],
        (ForeignKey(("member_id",), "members"),),
    )
    assert _confidence([MEMBERS, loans], "loans.is_returned") is Confidence.MEDIUM
    assert _confidence([MEMBERS, loans], "loans.status") is Confidence.LOW
