"""codereview34: fixes to this session's classifier changes, found in review.

Every schema here is written for these tests (a town's building-permit office, a school's
timetable, a housing survey, a help desk), read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify.types import choice_values, integer, type_kind, type_name
from tests.unit.schema_entry import schema_verdicts as _verdicts

# -- F1: `caricato` (uploaded) is no word inside `incaricato` (appointed, in charge)

PERMITS = """
CREATE TABLE cittadini (id INTEGER PRIMARY KEY, nome TEXT, cognome TEXT, codice_fiscale TEXT);
CREATE TABLE pratiche_edilizie (id INTEGER PRIMARY KEY, cittadino_id INTEGER REFERENCES cittadini(id),
  tecnicoIncaricatoNome TEXT, tecnico_incaricata_nome TEXT, caricato_il TIMESTAMP);
"""


def test_the_name_of_whoever_is_appointed_is_no_uploaders(tmp_path: Path) -> None:
    """`tecnicoIncaricatoNome` (it): the name of the technician the applicant appointed, a
    person's; `incaricato` is one word, not `in` + `caricato` (uploaded, a record word since
    cls34c), which read it as the row's maker. When a file was uploaded stays the record's."""
    got = _verdicts(tmp_path, PERMITS)
    for column in ("pratiche_edilizie.tecnicoIncaricatoNome", "pratiche_edilizie.tecnico_incaricata_nome"):
        assert got[column].personal, (column, got[column])
    assert not got["pratiche_edilizie.caricato_il"].personal


# -- F2: a table of states (`order_statuses`) is no table of posts (Mastodon's `statuses`)

DESK = """
CREATE TABLE members (id INTEGER PRIMARY KEY, first_name TEXT, last_name TEXT, email TEXT);
CREATE TABLE onboarding_statuses (id INTEGER PRIMARY KEY, member_id INTEGER REFERENCES members(id),
  contract_signed BOOLEAN, body TEXT, created_at TIMESTAMP);
CREATE TABLE statuses (id INTEGER PRIMARY KEY, member_id INTEGER REFERENCES members(id),
  body TEXT, created_at TIMESTAMP);
"""


def test_a_table_of_states_is_no_table_of_posts(tmp_path: Path) -> None:
    """`onboarding_statuses`: the steps of a new member's onboarding, kept by the software;
    its `created_at` is no one's act and no reason calls its rows posts. A bare `statuses`
    (Mastodon's posts) stays what someone wrote."""
    got = _verdicts(tmp_path, DESK)
    stamp = got["onboarding_statuses.created_at"]
    assert not stamp.personal, stamp
    for column in ("onboarding_statuses.created_at", "onboarding_statuses.body"):
        assert "posts" not in got[column].reason and "someone wrote" not in got[column].reason, got[column]
    assert got["statuses.created_at"].personal
    assert "what someone wrote ('statuses')" in got["statuses.created_at"].reason


# -- F3: a number of levels (floors, grades offered) is a count, not how far a person got

SURVEY = """
CREATE TABLE occupants (id INTEGER PRIMARY KEY, nom TEXT, prenom TEXT, email TEXT);
CREATE TABLE logements (id INTEGER PRIMARY KEY, occupant_id INTEGER REFERENCES occupants(id),
  nb_niveaux_logement INTEGER, number_of_building_levels INTEGER, edu_level TEXT);
"""


def test_a_number_of_levels_is_no_level_of_theirs(tmp_path: Path) -> None:
    """`nb_niveaux_logement` (fr), `number_of_building_levels`: how many floors the dwelling
    has, a count; the level rule (cls34b) read `nb` and `number` as what the level is of.
    The occupant's level of education (`edu_level`) stays theirs."""
    got = _verdicts(tmp_path, SURVEY)
    for column in ("logements.nb_niveaux_logement", "logements.number_of_building_levels"):
        assert "the level of something of theirs" not in got[column].reason, got[column]
    assert not got["logements.number_of_building_levels"].personal
    studies = got["logements.edu_level"]
    assert studies.personal and "the level of something of theirs" in studies.reason, studies


# -- F4: a table named `login` that holds accounts is no log of logins

LOGINS = """
CREATE TABLE login (id INTEGER PRIMARY KEY, username TEXT, password TEXT, email TEXT,
  created_at TIMESTAMP);
CREATE TABLE login_attempts (id INTEGER PRIMARY KEY, login_id INTEGER REFERENCES login(id),
  ip_address TEXT, created_at TIMESTAMP);
"""


def test_an_accounts_creation_is_the_records_though_its_table_is_named_login(tmp_path: Path) -> None:
    """`login(username, password, email)`: a table of accounts (a school project's, an
    admin panel's), so its `created_at` is when the account was made, the record's, as
    `users.created_at` is (cls34c keeps an account's creation time the record's); a log of
    attempts to log in still logs the person's acts."""
    got = _verdicts(tmp_path, LOGINS)
    made = got["login.created_at"]
    assert not made.personal, made
    assert got["login_attempts.created_at"].personal


# -- F5: a type's name as a model writes it, qualified (`DataTypes.INTEGER`), and a sized
#    multi-word name (`timestamp(6) with time zone`)


def test_a_qualified_or_sized_type_name_reads_as_its_sql_name() -> None:
    """`DataTypes.INTEGER` (Sequelize), `field.Date`, `pg_catalog.int4`: the name after the
    qualifier is the type, a whole number or a date, not text; `timestamp(6) with time
    zone` is `timestamp with time zone` whole, as the unsized spelling is (types.py)."""
    assert type_kind("DataTypes.INTEGER") == "numeric" and integer("DataTypes.INTEGER")
    assert type_kind("DataTypes.BOOLEAN") == "boolean"
    assert type_kind("field.Date") == "temporal" and type_kind("DataTypes.DATEONLY") == "temporal"
    assert type_name("pg_catalog.int4") == "int4" and type_name("DataTypes.STRING(64)") == "string"
    assert choice_values("DataTypes.ENUM('tutor', 'parent')") == ["tutor", "parent"]
    assert type_name("timestamp(6) with time zone") == "timestamp with time zone"
    assert type_name("time(3) without time zone") == "time without time zone"
    assert type_name("character varying(20)") == "character varying"
