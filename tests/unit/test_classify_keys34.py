"""keys34: keys in a person's row that point at a table the schema read does not hold.

Every schema here is written for these tests (a volunteer fire brigade's register, a
prison's, a club's), read as `cnsnt init` reads a `schema.sql`; the lists the keys point at
are left out of it, as dumps often leave them.
"""

from __future__ import annotations

from pathlib import Path

from tests.unit.schema_entry import schema_verdicts

_UNSHOWN = "a list the schema does not show"
_UNSURE = "a table the schema does not show"


def test_keys_to_one_code_list_the_schema_leaves_out_pick_the_person_s(tmp_path: Path) -> None:
    """`firefighters.regiment_id` and `pay_band_id`, both `-> codebook`: one list that rows
    pick several facts from is a list of values, and the entry a person's own row picks is
    theirs, personal with low confidence, on the unsure list."""
    ddl = """
    CREATE TABLE firefighters (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      birth_date DATE, regiment_id INT REFERENCES codebook(id), pay_band_id INT REFERENCES codebook(id));
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("firefighters.regiment_id", "firefighters.pay_band_id"):
        assert got[key].personal and got[key].category == "user", got[key]
        assert got[key].confidence.value == "low", got[key]
        assert _UNSHOWN in got[key].reason and "in a person's own row" in got[key].reason, got[key]


def test_a_key_to_a_table_named_for_a_list_picks_the_person_s(tmp_path: Path) -> None:
    """`volunteers.squad_id -> squad_catalogue`: the name says the table lists values."""
    ddl = """
    CREATE TABLE volunteers (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(80), squad_id INT REFERENCES squad_catalogue(id));
    """
    got = schema_verdicts(tmp_path, ddl)
    found = got["volunteers.squad_id"]
    assert found.personal and _UNSHOWN in found.reason, found


def test_a_key_only_its_own_table_names_is_unsure(tmp_path: Path) -> None:
    """`inmates.ruling_id -> rulings`: a table only its own key names may be a record of the
    person's (a judgment), a link, as well as a list: "not personal", but low, on the unsure
    list, where a high verdict would never show it."""
    ddl = """
    CREATE TABLE inmates (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      birth_date DATE, ruling_id INT REFERENCES rulings(id));
    """
    got = schema_verdicts(tmp_path, ddl)
    found = got["inmates.ruling_id"]
    assert not found.personal and found.confidence.value == "low", found
    assert _UNSURE in found.reason, found


def test_in_a_record_about_a_person_such_a_key_is_unsure(tmp_path: Path) -> None:
    """`incidents.office_id -> offices`, in a record about a member: as often the record's
    (the office handling it) as the member's, so "not personal" with low confidence."""
    ddl = """
    CREATE TABLE members (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(80));
    CREATE TABLE incidents (id INT PRIMARY KEY, member_id INT REFERENCES members(id),
      reported_on DATE, closed_on DATE, office_id INT REFERENCES offices(id), summary VARCHAR(200));
    """
    got = schema_verdicts(tmp_path, ddl)
    found = got["incidents.office_id"]
    assert not found.personal and found.confidence.value == "low", found
    assert _UNSURE in found.reason, found


def test_tenants_people_dates_and_joins_stay_links(tmp_path: Path) -> None:
    """A tenant (`organization_id`), a key to a table named for people the schema leaves out
    (`mentor_ref_id -> employees`), a year (`school_year_id`) and a record of any kind
    (`source_id`) pick no fact of the person; a row that only joins a person to a squad is
    their membership, a link between two rows (QUESTIONS 11)."""
    ddl = """
    CREATE TABLE volunteers (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(80), organization_id INT REFERENCES organizations(id),
      mentor_ref_id INT REFERENCES employees(id), school_year_id INT REFERENCES school_years(id),
      source_id INT REFERENCES sources(id));
    CREATE TABLE squad_members (id INT PRIMARY KEY, volunteer_id INT REFERENCES volunteers(id),
      squad_id INT REFERENCES squads(id), joined_on DATE);
    """
    got = schema_verdicts(tmp_path, ddl)
    for column in ("organization_id", "mentor_ref_id", "school_year_id", "source_id"):
        found = got[f"volunteers.{column}"]
        assert not found.personal, found
        assert _UNSHOWN not in found.reason and _UNSURE not in found.reason, found
    joined = got["squad_members.squad_id"]
    assert not joined.personal and joined.confidence.value == "low", joined
    assert "only joins a person" in joined.reason, joined


def test_in_a_record_that_only_joins_a_person_the_key_is_their_membership(tmp_path: Path) -> None:
    """`duty_rosters(member_id, station_id -> stations, remark)`: a record about a member that
    only joins them to a station the schema leaves out is their membership, a link between
    two rows, low; the reason says so rather than calling the station unknown."""
    ddl = """
    CREATE TABLE members (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(80));
    CREATE TABLE duty_rosters (id INT PRIMARY KEY, member_id INT REFERENCES members(id),
      station_id INT REFERENCES stations(id), remark VARCHAR(80));
    """
    got = schema_verdicts(tmp_path, ddl)
    found = got["duty_rosters.station_id"]
    assert not found.personal and found.confidence.value == "low", found
    assert "only joins a person" in found.reason, found
