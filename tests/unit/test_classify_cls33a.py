"""cls33a: columns no personal-data term names that are still the person's by their row.

Every schema here is written for these tests (a volunteer register, a school's pupils, a
staff list, a help desk), read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from tests.unit.schema_entry import schema_verdicts

# -- a long text in a row about a person


def test_a_long_text_no_term_names_in_a_record_about_a_person_is_theirs(tmp_path: Path) -> None:
    """`request_steps.allegation TEXT`, `request_steps.descricao LONGTEXT`, reached through a
    volunteer's request: what is written there was written by them or about them, whatever
    the column is called."""
    ddl = """
    CREATE TABLE volunteers (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(120));
    CREATE TABLE requests (id INT PRIMARY KEY, volunteer_id INT REFERENCES volunteers(id));
    CREATE TABLE request_steps (id INT PRIMARY KEY, request_id INT REFERENCES requests(id),
      allegation TEXT, descricao LONGTEXT);
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("request_steps.allegation", "request_steps.descricao"):
        assert got[key].personal, got[key]
        assert got[key].category == "user.content.private", got[key]
        assert "is a long text" in got[key].reason, got[key]


def test_a_long_text_about_no_one_or_a_number_kept_as_text_stays_not_personal(tmp_path: Path) -> None:
    """A long text in a table about no one (`courses.syllabus`) is no person's; a number kept
    in a long text (`invoice_number TEXT`) is a number, no free text; a short `VARCHAR`
    is not read as free text by its type alone."""
    ddl = """
    CREATE TABLE volunteers (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(120));
    CREATE TABLE courses (id INT PRIMARY KEY, syllabus TEXT);
    CREATE TABLE invoices (id INT PRIMARY KEY, volunteer_id INT REFERENCES volunteers(id),
      invoice_number TEXT, outcome VARCHAR(20));
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("courses.syllabus", "invoices.invoice_number", "invoices.outcome"):
        assert "is a long text" not in got[key].reason, got[key]
    assert not got["courses.syllabus"].personal, got["courses.syllabus"]
    assert not got["invoices.invoice_number"].personal, got["invoices.invoice_number"]


# -- an organisation in a person's own row


def test_an_organisation_in_a_person_s_own_row_is_where_they_work_or_study(tmp_path: Path) -> None:
    """`staff.department`, `pupils.institucion_procedencia`, `membres.etablissement`: the
    department a member of staff works in, the school a pupil comes from, a member's
    institution; facts about the person, not the organisation's own data."""
    ddl = """
    CREATE TABLE staff (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(120), department VARCHAR(64));
    CREATE TABLE pupils (id INT PRIMARY KEY, nombre VARCHAR(60), apellidos VARCHAR(60),
      fecha_nacimiento DATE, institucion_procedencia VARCHAR(45));
    CREATE TABLE membres (id INT PRIMARY KEY, nom VARCHAR(60), prenom VARCHAR(60),
      email VARCHAR(120), etablissement VARCHAR(128));
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("staff.department", "pupils.institucion_procedencia", "membres.etablissement"):
        assert got[key].personal, got[key]
        assert got[key].category == "user.professional_information", got[key]
        assert "names an organisation" in got[key].reason, got[key]


def test_an_organisation_in_a_record_that_points_at_a_person_stays_the_record_s(tmp_path: Path) -> None:
    """In a row that merely points at a person (`requests.department VARCHAR` beside the
    volunteer's key), the department is the one handling the request, not where they work."""
    ddl = """
    CREATE TABLE volunteers (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(120));
    CREATE TABLE requests (id INT PRIMARY KEY, volunteer_id INT REFERENCES volunteers(id),
      department VARCHAR(64));
    """
    got = schema_verdicts(tmp_path, ddl)
    assert not got["requests.department"].personal, got["requests.department"]


# -- a yes/no of notices in a person's own row


def test_a_yes_or_no_of_notices_in_a_person_s_own_row_is_their_setting(tmp_path: Path) -> None:
    """`users.receive_sms_notifications`, `comment_notify`, `notifications` booleans: whether
    the person wants to be told or sent something, a setting they chose."""
    ddl = """
    CREATE TABLE users (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(120), receive_sms_notifications BOOLEAN, comment_notify BOOLEAN,
      notifications BOOLEAN);
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("users.receive_sms_notifications", "users.comment_notify", "users.notifications"):
        assert got[key].personal, got[key]
        assert got[key].category == "user.settings", got[key]
        assert "want to be notified" in got[key].reason, got[key]


def test_a_notice_s_sending_state_or_a_record_s_flag_stays_technical(tmp_path: Path) -> None:
    """`notification_sent` is the row's sending step; a notice flag in a record that merely
    points at a person (`tasks.notify BOOLEAN`) is the record's."""
    ddl = """
    CREATE TABLE users (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(120), notification_sent BOOLEAN);
    CREATE TABLE tasks (id INT PRIMARY KEY, user_id INT REFERENCES users(id), notify BOOLEAN);
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("users.notification_sent", "tasks.notify"):
        assert "want to be notified" not in got[key].reason, got[key]
