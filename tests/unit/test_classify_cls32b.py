"""cls32b: the columns of a person's own row (tables that describe people).

Every schema here is written for these tests (a pupil's register, a volunteer's, a club's
members), read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify import classify_tables
from cnsnt.evidence import Classification, Table
from tests.unit.schema_entry import read_entry, write_files


def _tables(tmp_path: Path, ddl: str) -> list[Table]:
    write_files(tmp_path, {"schema.sql": ddl})
    return list(read_entry(tmp_path, "schema.sql").tables)


def _verdicts(tmp_path: Path, ddl: str) -> dict[str, Classification]:
    return classify_tables(_tables(tmp_path, ddl))


# -- item 1: an `is` yes/no of what the person is


def test_an_is_flag_in_a_person_s_own_row_says_what_they_are(tmp_path: Path) -> None:
    """`pupils.is_orphan boolean`, `IsVolunteer bit`, `is_driver CHAR(1)`: whether the pupil
    is an orphan, a volunteer, a driver; facts about them, not the row's switches."""
    ddl = """
    CREATE TABLE pupils (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      birth_date DATE, is_orphan BOOLEAN, IsVolunteer BIT, is_driver CHAR(1));
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("pupils.is_orphan", "pupils.IsVolunteer", "pupils.is_driver"):
        assert got[key].personal and got[key].category == "user", got[key]
        assert "a yes or no of what they are" in got[key].reason, got[key]


def test_an_is_flag_of_the_row_s_own_state_stays_technical(tmp_path: Path) -> None:
    """`is_active`, `is_deleted`, `is_main`, `is_imported`, `is_completed`, `is_test_user`:
    the row's state, place, origin or progress (`state_flags`, `row_flags`), no trait of its
    person; and in a record that merely points at a person an `is` flag stays the record's."""
    ddl = """
    CREATE TABLE pupils (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      birth_date DATE, is_active BOOLEAN, is_deleted BOOLEAN, is_main BOOLEAN,
      is_imported BOOLEAN, is_completed BOOLEAN, is_test_user BOOLEAN, is_primary CHAR(1));
    CREATE TABLE homework (id INT PRIMARY KEY, pupil_id INT REFERENCES pupils(id),
      is_urgent BOOLEAN);
    """
    got = _verdicts(tmp_path, ddl)
    for column in ("is_active", "is_deleted", "is_main", "is_imported", "is_completed", "is_test_user", "is_primary"):
        key = f"pupils.{column}"
        assert not got[key].personal, got[key]
    assert "a yes or no of what they are" not in got["homework.is_urgent"].reason, got["homework.is_urgent"]


def test_an_is_flag_kept_in_long_text_is_no_yes_or_no(tmp_path: Path) -> None:
    """Only a yes/no or a letter (`CHAR(1)`, `VARCHAR(3)`) holds a yes or no: `is_code
    VARCHAR(40)` is no answer of the person's."""
    ddl = """
    CREATE TABLE pupils (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      birth_date DATE, is_boarder VARCHAR(40));
    """
    got = _verdicts(tmp_path, ddl)
    assert "a yes or no of what they are" not in got["pupils.is_boarder"].reason, got["pupils.is_boarder"]
