"""review33 (R33a D1, D2, D4; R33b D6, D7): column verdicts a first-use review found wrong.

Every schema here is written for these tests after the reviewers' reproductions (a school's
waiting list, a clinic's cash desk and consultations, a club's members), read as
`cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify import classify_tables
from cnsnt.evidence import Classification
from cnsnt.model import Confidence
from tests.unit.schema_entry import read_entry, write_files


def _verdicts(tmp_path: Path, ddl: str) -> dict[str, Classification]:
    write_files(tmp_path, {"schema.sql": ddl})
    return classify_tables(list(read_entry(tmp_path, "schema.sql").tables))


# -- R33a D1: a key read from a name alone is no sure link


def test_a_column_that_only_shares_a_tables_name_is_not_surely_a_link(tmp_path: Path) -> None:
    """`applications.waitlist smallint` beside a table `waitlist`: no key declares it, so it may
    be the applicant's rank on the list; unsure (low), so it reaches the unsure list. A declared
    key to the same table stays a sure link."""
    ddl = """
    CREATE TABLE students (id INTEGER PRIMARY KEY, name TEXT, email TEXT);
    CREATE TABLE waitlist (id INTEGER PRIMARY KEY, student_id INTEGER REFERENCES students(id), note TEXT);
    CREATE TABLE applications (id INTEGER PRIMARY KEY, student_id INTEGER REFERENCES students(id),
      waitlist SMALLINT, boarding BOOLEAN);
    CREATE TABLE offers (id INTEGER PRIMARY KEY, student_id INTEGER REFERENCES students(id),
      spot INTEGER REFERENCES waitlist(id));
    """
    got = _verdicts(tmp_path, ddl)
    rank = got["applications.waitlist"]
    assert not rank.personal and rank.confidence == Confidence.LOW, rank
    assert "a key to a row about a person" not in rank.reason, rank.reason
    spot = got["offers.spot"]
    assert not spot.personal and spot.confidence == Confidence.HIGH, spot
