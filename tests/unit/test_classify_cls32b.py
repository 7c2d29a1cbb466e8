"""cls32b: the columns of a person's own row (tables that describe people).

Every schema here is written for these tests (a pupil's register, a volunteer's, a club's
members), read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from tests.unit.schema_entry import schema_verdicts

# -- item 1: an `is` yes/no of what the person is


def test_an_is_flag_in_a_person_s_own_row_says_what_they_are(tmp_path: Path) -> None:
    """`pupils.is_orphan boolean`, `IsVolunteer bit`, `is_driver CHAR(1)`: whether the pupil
    is an orphan, a volunteer, a driver; facts about them, not the row's switches."""
    ddl = """
    CREATE TABLE pupils (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      birth_date DATE, is_orphan BOOLEAN, IsVolunteer BIT, is_driver CHAR(1));
    """
    got = schema_verdicts(tmp_path, ddl)
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
    got = schema_verdicts(tmp_path, ddl)
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
    got = schema_verdicts(tmp_path, ddl)
    assert "a yes or no of what they are" not in got["pupils.is_boarder"].reason, got["pupils.is_boarder"]


# -- item 2: a key in a person's own row named for a kind or a state


def test_a_kind_key_in_a_person_s_own_row_picks_theirs(tmp_path: Path) -> None:
    """`empleados.tipo_contrato_id -> tipos_contrato`, `personel_turu_id`, `voluntario_estado_id`:
    the kind of contract, of staff and the volunteering state the employee's own row picks are
    theirs (QUESTIONS 21), though the schema read leaves the list out (`tipos_contrato`) or a
    people word (`personel`) is in the key's name."""
    ddl = """
    CREATE TABLE personel_turleri (id INT PRIMARY KEY, adi VARCHAR(60));
    CREATE TABLE situaciones (id INT PRIMARY KEY, descripcion VARCHAR(60));
    CREATE TABLE empleados (id INT PRIMARY KEY, nombre VARCHAR(60), apellidos VARCHAR(60),
      dni VARCHAR(12), fecha_nacimiento DATE,
      tipo_contrato_id INT REFERENCES tipos_contrato(id),
      personel_turu_id INT REFERENCES personel_turleri(id),
      voluntario_estado_id INT REFERENCES situaciones(id));
    """
    got = schema_verdicts(tmp_path, ddl)
    for column in ("tipo_contrato_id", "personel_turu_id", "voluntario_estado_id"):
        key = f"empleados.{column}"
        assert got[key].personal, got[key]
        assert "picks a kind or a state" in got[key].reason, got[key]


def test_a_bare_state_key_and_a_contact_s_kind_stay_links(tmp_path: Path) -> None:
    """`status_id` alone is the row's own state (an account's); the kind of a contact or of
    a payment (`contactos.tipo_contacto_id`, `tipo_pago_id -> tipos_pago`) is that record's,
    though the schema read leaves their lists out;
    `kind_id -> kind` (a child, in German) is a key to a person."""
    ddl = """
    CREATE TABLE empleados (id INT PRIMARY KEY, nombre VARCHAR(60), apellidos VARCHAR(60),
      dni VARCHAR(12), fecha_nacimiento DATE, status_id INT REFERENCES estados(id),
      tipo_pago_id INT REFERENCES tipos_pago(id));
    CREATE TABLE contactos (id INT PRIMARY KEY, empleado_id INT REFERENCES empleados(id),
      nombre VARCHAR(60), telefono VARCHAR(20), tipo_contacto_id INT REFERENCES tipos_contacto(id));
    CREATE TABLE kind (id INT PRIMARY KEY, vorname VARCHAR(60), nachname VARCHAR(60), geburtsdatum DATE);
    CREATE TABLE betreuung (id INT PRIMARY KEY, vorname VARCHAR(60), nachname VARCHAR(60),
      geburtsdatum DATE, kind_id INT REFERENCES kind(id));
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("empleados.status_id", "empleados.tipo_pago_id", "contactos.tipo_contacto_id", "betreuung.kind_id"):
        assert "picks a kind or a state" not in got[key].reason, got[key]


# -- item 3: a row that only joins a person to a group, an event or a course


def test_a_membership_row_s_key_to_its_container_is_a_link(tmp_path: Path) -> None:
    """`event_participants(member_id, event_id)`: the row is the member's taking part; the key
    to the event is a link between two rows, as the member's key is (QUESTIONS 11), on the
    unsure list; in the member's own row a key to a thing (`locker_id`) stays theirs, and a
    join's key to a role stays their account's."""
    ddl = """
    CREATE TABLE lockers (id INT PRIMARY KEY, code VARCHAR(10), floor INT, opened DATE);
    CREATE TABLE events (id INT PRIMARY KEY, title VARCHAR(80), held_on DATE, venue VARCHAR(80));
    CREATE TABLE roles (id INT PRIMARY KEY, label VARCHAR(40));
    CREATE TABLE members (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(80), birth_date DATE, locker_id INT REFERENCES lockers(id));
    CREATE TABLE event_participants (id INT PRIMARY KEY, member_id INT REFERENCES members(id),
      event_id INT REFERENCES events(id), signed_up DATE);
    CREATE TABLE member_roles (member_id INT REFERENCES members(id), role_id INT REFERENCES roles(id));
    """
    got = schema_verdicts(tmp_path, ddl)
    joined = got["event_participants.event_id"]
    assert not joined.personal and joined.confidence.value == "low", joined
    assert "only joins a person" in joined.reason, joined
    assert got["members.locker_id"].personal, got["members.locker_id"]
    assert got["member_roles.role_id"].personal, got["member_roles.role_id"]


# -- item 4: a state named for something of the person's


def test_a_state_of_something_of_theirs_in_their_own_row_is_theirs(tmp_path: Path) -> None:
    """`uyeler.aidat_durumu`, `uyeler.katilim_durumu`: the state of the member's dues and of
    their attendance, facts about them; a bare `durum`, the state of their account
    (`uye_durumu`, a people word), of a step of work (`onay_durumu`, an approval) or of the
    request the row is (`basvuru_durumu`) stays the row's."""
    ddl = """
    CREATE TABLE uyeler (id INT PRIMARY KEY, ad VARCHAR(60), soyad VARCHAR(60), tckn VARCHAR(11),
      dogum_tarihi DATE, aidat_durumu VARCHAR(20), katilim_durumu VARCHAR(20), durum VARCHAR(20),
      uye_durumu VARCHAR(20), onay_durumu VARCHAR(20), basvuru_durumu VARCHAR(20));
    """
    got = schema_verdicts(tmp_path, ddl)
    for column in ("aidat_durumu", "katilim_durumu"):
        key = f"uyeler.{column}"
        assert got[key].personal and got[key].category == "user", got[key]
        assert "the state of something of theirs" in got[key].reason, got[key]
    for column in ("durum", "uye_durumu", "onay_durumu", "basvuru_durumu"):
        key = f"uyeler.{column}"
        assert not got[key].personal, got[key]
