"""cls31d: what the classifier missed on three freshly labelled projects (fr, de, pl).

Every schema here is written for these tests (a child's illnesses in a Django table whose
name glues its words, a club's uploaded documents and to-dos, a role join, an attendance
row, a plural column name), read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify.classifier import _TOKENIZER
from tests.unit.schema_entry import schema_verdicts as _verdicts

# -- item 1: a glued name whose last word is a plural


def test_a_glued_plural_last_word_is_split() -> None:
    """`recordillnesses` (Django's table for `RecordIllnesses`) is `record` + `illness`, as
    `recordillness` is; a particle before a plural is no word (`is` + `merets`)."""
    assert _TOKENIZER.words("camp_recordillnesses", ("en",))[-2:] == ("record", "illness")
    assert _TOKENIZER.words("ismerets", ("hu",)) == ("ismerets",)


def test_yes_no_columns_of_a_table_named_for_a_childs_illnesses_are_health_data(tmp_path: Path) -> None:
    """`camp_recordillnesses(record_id, roseola, croup)`: the illnesses a child has had, each
    a yes/no no term names, under the child's registration file (Art. 9)."""
    ddl = """
    CREATE TABLE camp_child (id INT PRIMARY KEY, first_name VARCHAR(80), last_name VARCHAR(80),
      birth_date DATE);
    CREATE TABLE camp_record (id INT PRIMARY KEY, child_id INT REFERENCES camp_child(id),
      school VARCHAR(80));
    CREATE TABLE camp_recordillnesses (id INT PRIMARY KEY,
      record_id INT UNIQUE REFERENCES camp_record(id), roseola BOOLEAN, croup BOOLEAN);
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("camp_recordillnesses.roseola", "camp_recordillnesses.croup"):
        assert got[key].personal and got[key].category == "user.health", got[key]
    assert not got["camp_recordillnesses.record_id"].personal


# -- item 2: who uploaded a row, who is responsible for it, in every language


def test_an_uploaders_key_says_who_made_the_row(tmp_path: Path) -> None:
    """`dokumente.hochgeladen_von`: who uploaded a club's document, as `uploaded_by` is; the
    document's title and file are the club's, not the uploader's (cls31d, German false alarms)."""
    ddl = """
    CREATE TABLE benutzer (id INT PRIMARY KEY, vorname VARCHAR(80), nachname VARCHAR(80),
      email VARCHAR(120));
    CREATE TABLE dokumente (id INT PRIMARY KEY, titel VARCHAR(200), dateiname VARCHAR(255),
      kategorie VARCHAR(100), hochgeladen_von INT REFERENCES benutzer(id));
    CREATE TABLE archivos (id INT PRIMARY KEY, titulo VARCHAR(200), descripcion TEXT,
      subido_por INT REFERENCES benutzer(id));
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("dokumente.titel", "dokumente.dateiname", "dokumente.kategorie", "archivos.titulo",
                "archivos.descripcion"):
        assert not got[key].personal, got[key]


def test_a_task_keyed_to_whoever_is_responsible_is_no_fact_about_them(tmp_path: Path) -> None:
    """`aufgaben.zustaendig_id`: the member responsible for a festival's to-do handles it, as
    `responsible_id` does; its title and due date are the task's."""
    ddl = """
    CREATE TABLE benutzer (id INT PRIMARY KEY, vorname VARCHAR(80), nachname VARCHAR(80),
      email VARCHAR(120));
    CREATE TABLE aufgaben (id INT PRIMARY KEY, titel VARCHAR(255), beschreibung TEXT,
      faellig_am DATE, zustaendig_id INT REFERENCES benutzer(id));
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("aufgaben.titel", "aufgaben.beschreibung", "aufgaben.faellig_am"):
        assert not got[key].personal, got[key]


# -- item 3: a thing's condition is no one's health


def test_zustand_alone_is_no_health_data(tmp_path: Path) -> None:
    """`instrumente.zustand ENUM('gut', 'defekt')`: the condition of an instrument a member
    holds, not their health (a condition is a medical one only beside a health word, as in
    English); `gesundheitszustand` still is."""
    ddl = """
    CREATE TABLE mitglieder (id INT PRIMARY KEY, vorname VARCHAR(80), nachname VARCHAR(80),
      gesundheitszustand TEXT);
    CREATE TABLE instrumente (id INT PRIMARY KEY, modell VARCHAR(100),
      zustand ENUM('gut', 'schlecht', 'defekt'), mitglied_id INT REFERENCES mitglieder(id));
    """
    got = _verdicts(tmp_path, ddl)
    assert not (got["instrumente.zustand"].category or "").startswith("user.health"), got["instrumente.zustand"]
    assert got["mitglieder.gesundheitszustand"].category == "user.health", got["mitglieder.gesundheitszustand"]


# -- item 4: a join of a person and a role gives their account that role


def test_a_join_of_a_person_and_a_role_is_their_accounts_role(tmp_path: Path) -> None:
    """`benutzer_rollen(benutzer_id, rolle_id -> rollen)`: the role the user's account has
    (`user.account`), though no term names a role; `uprawnienia` likewise. A key to a group
    stays no fact (a folder the person is filed in)."""
    ddl = """
    CREATE TABLE benutzer (id INT PRIMARY KEY, vorname VARCHAR(80), nachname VARCHAR(80),
      email VARCHAR(120));
    CREATE TABLE rollen (id INT PRIMARY KEY, name VARCHAR(100), ist_admin BOOLEAN);
    CREATE TABLE benutzer_rollen (benutzer_id INT REFERENCES benutzer(id),
      rolle_id INT REFERENCES rollen(id), PRIMARY KEY (benutzer_id, rolle_id));
    CREATE TABLE uprawnienia (id INT PRIMARY KEY, kod VARCHAR(50));
    CREATE TABLE benutzer_uprawnienia (id INT PRIMARY KEY, benutzer_id INT REFERENCES benutzer(id),
      uprawnienie_id INT REFERENCES uprawnienia(id));
    CREATE TABLE gruppen (id INT PRIMARY KEY, name VARCHAR(100));
    CREATE TABLE benutzer_gruppen (id INT PRIMARY KEY, benutzer_id INT REFERENCES benutzer(id),
      gruppe_id INT REFERENCES gruppen(id));
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("benutzer_rollen.rolle_id", "benutzer_uprawnienia.uprawnienie_id"):
        assert got[key].personal and got[key].category == "user.account", got[key]
    assert not got["benutzer_gruppen.gruppe_id"].personal, got["benutzer_gruppen.gruppe_id"]
    assert not got["benutzer_rollen.benutzer_id"].personal


# -- item 5: an attendance row's state is whether its person came


def test_the_state_of_an_attendance_row_is_whether_its_person_came(tmp_path: Path) -> None:
    """`anwesenheit(mitglied_id, status ENUM('anwesend', 'abwesend'))`, `obecnosci.czy_obecny`:
    whether the member came to a rehearsal, the student to a class (`user.behavior`); the
    row's sync state and a session's own state stay technical."""
    ddl = """
    CREATE TABLE mitglieder (id INT PRIMARY KEY, vorname VARCHAR(80), nachname VARCHAR(80));
    CREATE TABLE proben (id INT PRIMARY KEY, datum DATE, ort VARCHAR(100));
    CREATE TABLE anwesenheit (id INT PRIMARY KEY, mitglied_id INT REFERENCES mitglieder(id),
      probe_id INT REFERENCES proben(id), status ENUM('zugesagt', 'abgesagt', 'anwesend', 'abwesend'),
      sync_status VARCHAR(10));
    CREATE TABLE student (id_student INT PRIMARY KEY, imie VARCHAR(80), nazwisko VARCHAR(80));
    CREATE TABLE obecnosci (id INT PRIMARY KEY, id_student INT REFERENCES student(id_student),
      czy_obecny BIT(1));
    CREATE TABLE attendance_sessions (id INT PRIMARY KEY, monitor_id INT REFERENCES mitglieder(id),
      status VARCHAR(20));
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("anwesenheit.status", "obecnosci.czy_obecny"):
        assert got[key].personal and got[key].category == "user.behavior", got[key]
    for key in ("anwesenheit.sync_status", "attendance_sessions.status", "anwesenheit.probe_id"):
        assert not got[key].personal, got[key]


# -- item 6: the plurals of phone words that the table lists keep whole are terms


def test_a_plural_column_name_of_a_phone_word_is_a_phone(tmp_path: Path) -> None:
    """`pickup_people.phones`: the phone numbers of those who may fetch a child, though the
    tokenizer keeps `phones` whole (a word of the table lists), as `emails` is; `names` beside
    it is their names (cls31d, uperiscolaire's `recuperater`). A plural is still no term by
    rule (`tokens`, `tratamentos`: codereview25 F1); the vocabulary lists these ones."""
    ddl = """
    CREATE TABLE children (id INT PRIMARY KEY, first_name VARCHAR(80), last_name VARCHAR(80));
    CREATE TABLE records (id INT PRIMARY KEY, child_id INT REFERENCES children(id), school VARCHAR(80));
    CREATE TABLE pickup_people (id INT PRIMARY KEY, record_id INT REFERENCES records(id),
      names VARCHAR(128), phones VARCHAR(128));
    """
    got = _verdicts(tmp_path, ddl)
    assert got["pickup_people.phones"].category == "user.contact.phone_number", got["pickup_people.phones"]
    assert got["pickup_people.names"].category == "user.name", got["pickup_people.names"]
    alone = _verdicts(tmp_path, "CREATE TABLE alunos (id INT PRIMARY KEY, nome VARCHAR(80), telefones VARCHAR(80));")
    assert alone["alunos.telefones"].category == "user.contact.phone_number", alone["alunos.telefones"]
