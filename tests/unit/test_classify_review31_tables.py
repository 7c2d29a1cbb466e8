"""review31: table links a key to a thing cut, a pivot's audit column, and health words beside day words.

Every schema here is written for these tests after the repros of review31 (a school's
grades, an HR leave table, a case-management client's race and assessment), read
through the SQL reader as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify import classify_tables, table_verdicts
from tests.unit.schema_entry import schema_tables as _read
from tests.unit.schema_entry import schema_verdicts as _verdicts

# -- R31a D2: a key to a catalogue of things cancels no key to a person's record

GRADES = """
CREATE TABLE alumnos (id BIGINT PRIMARY KEY, nombre VARCHAR(255), dni VARCHAR(20));
CREATE TABLE asignaturas (id BIGINT PRIMARY KEY, nombre VARCHAR(255), creado DATE);
CREATE TABLE inscripciones (id BIGINT PRIMARY KEY, alumno_id BIGINT REFERENCES alumnos(id),
  curso INT);
CREATE TABLE notas (id BIGINT PRIMARY KEY, valor VARCHAR(20), comentarios VARCHAR(1000),
  asignatura_id BIGINT REFERENCES asignaturas(id),
  inscripcion_id BIGINT REFERENCES inscripciones(id));
"""


def test_a_key_to_a_subject_does_not_cut_a_grade_from_the_students_enrolment(tmp_path: Path) -> None:
    """A grade keyed to a subject (a thing: a name and a date) and to an enrolment is the student's."""
    tables = _read(tmp_path, GRADES)
    verdict = table_verdicts(tables)["notas"]
    assert verdict.kind == "linked to people", verdict
    assert "'inscripcion_id' references 'inscripciones'" in verdict.reason
    got = classify_tables(tables)
    assert got["notas.comentarios"].personal, got["notas.comentarios"]
    assert table_verdicts(tables)["asignaturas"].kind != "linked to people"


def test_a_subject_whose_keys_lead_to_a_person_still_competes(tmp_path: Path) -> None:
    """`asignaturas.profesor_id`: a subject taught by someone is no mere thing; the grade stays unowned, and says why."""
    ddl = GRADES.replace(
        "creado DATE)", "creado DATE, profesor_id BIGINT REFERENCES profesores(id))"
    )
    ddl = "CREATE TABLE profesores (id BIGINT PRIMARY KEY, nombre VARCHAR(255), dni VARCHAR(20));\n" + ddl
    verdict = table_verdicts(_read(tmp_path, ddl))["notas"]
    assert verdict.kind == "not about people", verdict
    # the verdict shows its evidence: a key to a person's record (the subject is its
    # teacher's), and the other key it hangs on
    assert "'asignatura_id' references 'asignaturas', which is about a person" in verdict.reason
    assert "'inscripcion_id' references 'inscripciones' too" in verdict.reason


def test_a_workspace_key_is_the_tenant_not_whose_the_row_is(tmp_path: Path) -> None:
    """`workspace_id` says which tenant holds the row; with a key to a place only, the event is no one's."""
    ddl = """
    CREATE TABLE users (id INT PRIMARY KEY, first_name TEXT, last_name TEXT, email TEXT);
    CREATE TABLE workspaces (id INT PRIMARY KEY, user_id INT REFERENCES users(id), title TEXT);
    CREATE TABLE districts (id INT PRIMARY KEY, label TEXT, city_code TEXT);
    CREATE TABLE events (id INT PRIMARY KEY, workspace_id INT REFERENCES workspaces(id),
      district_id INT REFERENCES districts(id), starts_on DATE, venue TEXT);
    """
    tables = _read(tmp_path, ddl)
    assert table_verdicts(tables)["workspaces"].kind == "linked to people"
    assert table_verdicts(tables)["events"].kind == "not about people"
    assert not classify_tables(tables)["events.starts_on"].personal


# -- R31b D2: an audit column does not make a pivot of a person and a list two people's

RACE = """
CREATE TABLE staff (id INTEGER PRIMARY KEY, email VARCHAR(120));
CREATE TABLE client (id INTEGER PRIMARY KEY, last_name VARCHAR(40));
CREATE TABLE race (id INTEGER PRIMARY KEY, race VARCHAR(40));
CREATE TABLE client_race (id INTEGER PRIMARY KEY, client_id INTEGER REFERENCES client(id),
  race_id INTEGER REFERENCES race(id), {audit});
"""


def test_a_created_by_key_leaves_a_clients_race_theirs(tmp_path: Path) -> None:
    """Art. 9(1): `client_race.race_id` is the client's origin, whoever entered the row."""
    got = _verdicts(tmp_path, RACE.format(audit="created_by INTEGER REFERENCES staff(id)"))
    verdict = got["client_race.race_id"]
    assert verdict.personal and verdict.category == "user.demographic.race_ethnicity", verdict
    assert not got["client_race.created_by"].personal


def test_an_undeclared_created_by_column_leaves_it_theirs_too(tmp_path: Path) -> None:
    """The same with `created_by`/`updated_by` as plain integers and a creation time."""
    audit = "created_by INTEGER, updated_by INTEGER, created_at TIMESTAMP"
    verdict = _verdicts(tmp_path, RACE.format(audit=audit))["client_race.race_id"]
    assert verdict.personal and verdict.category == "user.demographic.race_ethnicity", verdict


# -- R31a D1: a special-category term beats a day word; a count of days is no date

ABSENCES = """
CREATE TABLE employees (id BIGINT PRIMARY KEY, name VARCHAR(255), birth_date DATE);
CREATE TABLE absences (id BIGINT PRIMARY KEY, employee_id BIGINT REFERENCES employees(id),
  sick_days INT, sickness_days INT, dias_enfermedad INT, Krankentage INT, days_off INT);
"""


def test_a_count_of_sick_days_is_health_data(tmp_path: Path) -> None:
    """Art. 9(1), Art. 4(15): how many days an employee was ill, in any word order or language."""
    got = _verdicts(tmp_path, ABSENCES)
    for column in ("sick_days", "sickness_days", "dias_enfermedad", "Krankentage"):
        verdict = got[f"absences.{column}"]
        assert verdict.personal and verdict.category == "user.health", verdict
        assert "date or time" not in verdict.reason
    # a day word with no special term is not read as health
    assert got["absences.days_off"].category != "user.health"


# -- R31b D4: a row that continues a person's record says what the record says of them

OUTCOMES = """
CREATE TABLE client (id INTEGER PRIMARY KEY, last_name TEXT);
CREATE TABLE assessment (id INTEGER PRIMARY KEY, client_id INTEGER REFERENCES client(id));
CREATE TABLE outcome_matrix (id INTEGER PRIMARY KEY REFERENCES assessment(id), housing INTEGER,
  childcare INTEGER, employment INTEGER, transportation INTEGER, income INTEGER);
"""


def test_a_clients_assessment_scores_are_theirs(tmp_path: Path) -> None:
    """RULE 2: scores about the person; the table's key is the assessment's, one row each."""
    got = _verdicts(tmp_path, OUTCOMES)
    for column in ("housing", "childcare", "employment", "transportation", "income"):
        verdict = got[f"outcome_matrix.{column}"]
        assert verdict.personal, verdict
    # an INTEGER still holds no street address: only the specific category is dropped
    assert got["outcome_matrix.housing"].category == "user"


def test_a_row_that_also_hangs_on_something_else_is_no_continuation(tmp_path: Path) -> None:
    """Sharing the record's key but keyed to a list of things too, the row is a line, not the record."""
    ddl = OUTCOMES.replace(
        "income INTEGER);", "income INTEGER, scale_id INTEGER REFERENCES scales(id));"
    )
    ddl = "CREATE TABLE scales (id INTEGER PRIMARY KEY, label TEXT, created_on DATE);\n" + ddl
    got = _verdicts(tmp_path, ddl)
    assert not got["outcome_matrix.childcare"].personal
