"""cls31c: named classifier cases left open in session 30.

Every schema here is written for these tests (a school's lessons keyed to their teacher, a
Laravel Sanctum token table, a school's bookable rooms), read as `cnsnt init` reads a
`schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from tests.unit.schema_entry import schema_verdicts as _verdicts

_TEACHERS = """
CREATE TABLE teachers (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
  email VARCHAR(120));
"""


# -- item 1: a taught thing keyed only to its teacher is the group's


def test_a_lesson_keyed_to_its_teacher_is_no_fact_about_the_teacher(tmp_path: Path) -> None:
    """`lessons.teacher_id`: the teacher runs the lesson; its topic, date and room are the
    class's, not the teacher's data. The same for a timetable and homework, in any language."""
    ddl = _TEACHERS + """
    CREATE TABLE lessons (id INT PRIMARY KEY, teacher_id INT REFERENCES teachers(id),
      topic VARCHAR(200), lesson_date DATE, room VARCHAR(20), description TEXT);
    CREATE TABLE horarios (id INT PRIMARY KEY, idProfesor INT REFERENCES teachers(id),
      dia_semana SMALLINT, hora_inicio TIME, aula VARCHAR(10));
    CREATE TABLE odevler (id INT PRIMARY KEY, ogretmen_id INT REFERENCES teachers(id),
      baslik VARCHAR(100), teslim_tarihi DATE);
    """
    got = _verdicts(tmp_path, ddl)
    for key in (
        "lessons.topic",
        "lessons.lesson_date",
        "lessons.room",
        "lessons.description",
        "horarios.dia_semana",
        "horarios.hora_inicio",
        "odevler.teslim_tarihi",
    ):
        assert not got[key].personal, (key, got[key])
    reasons = " ".join(got["lessons.topic"].reasons)
    assert "'teacher_id' references 'teachers', but it names who teaches or leads" in reasons, reasons


def test_the_teachers_own_records_and_a_pupils_key_still_link(tmp_path: Path) -> None:
    """A teacher's absences are the teacher's; a lesson's attendance keyed to a pupil is the
    pupil's; a table named for the teacher (`teacher_classes`) is their assignment."""
    ddl = _TEACHERS + """
    CREATE TABLE pupils (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60));
    CREATE TABLE absences (id INT PRIMARY KEY, teacher_id INT REFERENCES teachers(id),
      start_date DATE, reason TEXT);
    CREATE TABLE lessons (id INT PRIMARY KEY, teacher_id INT REFERENCES teachers(id),
      pupil_id INT REFERENCES pupils(id), lesson_date DATE, note TEXT);
    CREATE TABLE teacher_classes (id INT PRIMARY KEY, teacher_id INT REFERENCES teachers(id),
      assigned_at TIMESTAMP, academic_year VARCHAR(9));
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("absences.start_date", "lessons.lesson_date", "lessons.note", "teacher_classes.academic_year"):
        assert got[key].personal, (key, got[key])
    assert "'pupil_id' references 'pupils'" in " ".join(got["lessons.note"].reasons)


# -- item 2: an access token's label and grants are its own


def test_a_tokens_name_and_abilities_are_the_tokens(tmp_path: Path) -> None:
    """Laravel Sanctum's `personal_access_tokens(name, abilities)` and OAuth's `scope`: the
    label and the grants the software gives a token; the token itself and when it was last
    used stay its holder's."""
    ddl = """
    CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(80), email VARCHAR(120));
    CREATE TABLE personal_access_tokens (id INT PRIMARY KEY, tokenable_type VARCHAR(255),
      tokenable_id INT REFERENCES users(id), name TEXT, token VARCHAR(64), abilities TEXT,
      last_used_at TIMESTAMP);
    CREATE TABLE oauth_access_tokens (id VARCHAR(100) PRIMARY KEY, user_id INT REFERENCES users(id),
      client_id INT, scope VARCHAR(2000));
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("personal_access_tokens.name", "personal_access_tokens.abilities", "oauth_access_tokens.scope"):
        assert not got[key].personal, (key, got[key])
        assert "access token" in got[key].reason, got[key]
    for key in ("personal_access_tokens.token", "personal_access_tokens.last_used_at"):
        assert got[key].personal, (key, got[key])


# -- item 3: a school's rooms are places


def test_a_table_of_spaces_is_rooms_not_people(tmp_path: Path) -> None:
    """`gibbonSpace(name, capacity, phoneInternal)`: a bookable room with its extension, no
    person; a timetable row that points at it is no one's for that key."""
    ddl = """
    CREATE TABLE gibbonSpace (gibbonSpaceID INT PRIMARY KEY, name VARCHAR(30), type VARCHAR(50),
      capacity INT, projector CHAR(1), phoneInternal VARCHAR(5), phoneExternal VARCHAR(20));
    CREATE TABLE gibbonTTDayRowClass (gibbonTTDayRowClassID INT PRIMARY KEY,
      gibbonSpaceID INT REFERENCES gibbonSpace(gibbonSpaceID), period VARCHAR(20));
    """
    got = _verdicts(tmp_path, ddl)
    for key in (
        "gibbonSpace.name",
        "gibbonSpace.capacity",
        "gibbonSpace.projector",
        "gibbonTTDayRowClass.period",
    ):
        assert not got[key].personal, (key, got[key])
    assert "places" in " ".join(got["gibbonSpace.name"].reasons)
    # `namespace` stays one word, not a name and a room, in a row about a person too
    obs = _verdicts(
        tmp_path,
        """
        CREATE TABLE person (person_id INT PRIMARY KEY, given_name VARCHAR(50), birthdate DATE);
        CREATE TABLE obs (obs_id INT PRIMARY KEY, person_id INT REFERENCES person(person_id),
          form_namespace_and_path VARCHAR(255));
        """,
    )
    assert not obs["obs.form_namespace_and_path"].personal, obs["obs.form_namespace_and_path"]


# -- item 4: an invoice's document number is the invoice's


def test_an_invoices_document_number_is_no_identity_document(tmp_path: Path) -> None:
    """`fatture.numero_documento`: the invoice's own number; in a pupil's row the same name
    is their identity document's."""
    ddl = """
    CREATE TABLE clienti (id INT PRIMARY KEY, nome VARCHAR(80), cognome VARCHAR(80),
      codice_fiscale VARCHAR(16));
    CREATE TABLE fatture (id INT PRIMARY KEY, cliente_id INT REFERENCES clienti(id),
      numero_documento VARCHAR(20), data_documento DATE);
    CREATE TABLE alunni (id INT PRIMARY KEY, nome VARCHAR(80), cognome VARCHAR(80),
      numero_documento VARCHAR(20));
    """
    got = _verdicts(tmp_path, ddl)
    invoice = got["fatture.numero_documento"]
    assert not invoice.personal and "not an identity document" in invoice.reason, invoice
    assert got["alunni.numero_documento"].category == "user.government_id", got["alunni.numero_documento"]
