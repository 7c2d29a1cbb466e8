"""cls31a: personal columns the classifier missed with no word for them.

Every schema here is written for these tests (a member's registration that counts their
guests, a user's role, a child's yes/no of what they have), read as `cnsnt init` reads a
`schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from tests.unit.schema_entry import schema_verdicts as _verdicts

# -- item 1: a count or a mark in a record keyed to its person


def test_a_count_in_a_record_keyed_to_a_person_is_theirs(tmp_path: Path) -> None:
    """`inschrijvingen.aantal_gasten`: how many guests the member brings; `uitslagen.score`:
    the member's mark. A count in a row keyed to its person is how many or how much of theirs."""
    ddl = """
    CREATE TABLE leden (id INT PRIMARY KEY, voornaam VARCHAR(60), achternaam VARCHAR(60), email VARCHAR(80));
    CREATE TABLE inschrijvingen (id INT PRIMARY KEY, lid_id INT REFERENCES leden(id),
      aantal_gasten INT, opmerking VARCHAR(200));
    CREATE TABLE uitslagen (id INT PRIMARY KEY, lid_id INT REFERENCES leden(id), score INT);
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("inschrijvingen.aantal_gasten", "uitslagen.score"):
        assert got[key].personal and got[key].category == "user.behavior", got[key]
        assert "how many or how much of theirs" in got[key].reason, got[key]


def test_a_thing_s_size_and_a_text_count_stay_the_record_s(tmp_path: Path) -> None:
    """A size or a priority measures the thing, not the person; a count kept as text
    (`check_sum varchar`) is no count of theirs; a line of an order reached through it stays
    the order's (QUESTIONS 7)."""
    ddl = """
    CREATE TABLE leden (id INT PRIMARY KEY, voornaam VARCHAR(60), achternaam VARCHAR(60), email VARCHAR(80));
    CREATE TABLE bestanden (id INT PRIMARY KEY, lid_id INT REFERENCES leden(id), size INT,
      priority INT, check_sum VARCHAR(32));
    CREATE TABLE bestellingen (id INT PRIMARY KEY, lid_id INT REFERENCES leden(id), besteld_op DATE);
    CREATE TABLE regels (id INT PRIMARY KEY, bestelling_id INT REFERENCES bestellingen(id),
      product_id INT, aantal INT);
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("bestanden.size", "bestanden.priority", "bestanden.check_sum", "regels.aantal"):
        assert not got[key].personal, got[key]


# -- item 2: a role in a person's own row


def test_a_role_in_a_person_s_own_row_is_their_account_s(tmp_path: Path) -> None:
    """`utilisateurs.role`: what the person may do in the application; in a record that
    merely points at someone, a role stays the record's."""
    ddl = """
    CREATE TABLE utilisateurs (id INT PRIMARY KEY, nom VARCHAR(60), prenom VARCHAR(60),
      email VARCHAR(80), role VARCHAR(20));
    CREATE TABLE tickets (id INT PRIMARY KEY, utilisateur_id INT REFERENCES utilisateurs(id),
      role VARCHAR(20));
    """
    got = _verdicts(tmp_path, ddl)
    own = got["utilisateurs.role"]
    assert own.personal and own.category == "user.account", own
    assert "role in the application" in own.reason, own
    assert not got["tickets.role"].personal, got["tickets.role"]


# -- item 3: a yes/no of what the person has, in their own row


def test_a_has_flag_in_a_person_s_own_row_is_theirs(tmp_path: Path) -> None:
    """`students.has_siblings boolean`: whether the pupil has siblings, a fact about them; a
    switch of the row (`is_active`) stays its state."""
    ddl = """
    CREATE TABLE students (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      birth_date DATE, has_siblings BOOLEAN, is_active BOOLEAN);
    """
    got = _verdicts(tmp_path, ddl)
    assert got["students.has_siblings"].personal, got["students.has_siblings"]
    assert not got["students.is_active"].personal, got["students.is_active"]
