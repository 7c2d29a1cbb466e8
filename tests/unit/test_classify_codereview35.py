"""codereview35: two readings this session's classifier changes widened past what they meant.

Every schema here is written for these tests (an art school's pupils, a members' club),
read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from tests.unit.schema_entry import schema_verdicts


def test_a_table_named_for_art_students_holds_people_no_list_of_kinds(tmp_path: Path) -> None:
    """`art` is a kind in German (`art_mitglied`), but `art_students` in English is pupils of art:
    their row and a booking that points at it are theirs, as before the kind words became one list."""
    ddl = """
    CREATE TABLE art_students (id INT PRIMARY KEY, enrolment_year INT, portfolio_url VARCHAR(200),
      notes TEXT);
    CREATE TABLE workshops (id INT PRIMARY KEY, title VARCHAR(100), starts_on DATE);
    CREATE TABLE workshop_bookings (id INT PRIMARY KEY, workshop_id INT REFERENCES workshops(id),
      art_student_id INT REFERENCES art_students(id), paid_amount DECIMAL(8,2), booked_at TIMESTAMP);
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("art_students.portfolio_url", "art_students.notes", "workshop_bookings.booked_at"):
        assert got[key].personal, got[key]
    assert "lists kinds" not in got["art_students.notes"].reason, got["art_students.notes"]


def test_kind_words_still_head_a_list_of_kinds(tmp_path: Path) -> None:
    """`soort_gebruiker` and `tipo_usuario` still list kinds of user, no users."""
    ddl = """
    CREATE TABLE tipo_usuario (id INT PRIMARY KEY, nombre VARCHAR(40), estatus INT);
    CREATE TABLE soort_gebruiker (id INT PRIMARY KEY, naam VARCHAR(40), actief INT);
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("tipo_usuario.nombre", "soort_gebruiker.naam"):
        assert not got[key].personal, got[key]


def test_when_a_remember_me_ends_is_not_when_the_person_asked_for_it(tmp_path: Path) -> None:
    """`remember_token_expires_at` (restful_authentication) is when the kept sign-in runs out,
    set by the software: the "remember me" rule (cls35a) must not say the person asked then."""
    ddl = """
    CREATE TABLE members (id INT PRIMARY KEY, login VARCHAR(40), email VARCHAR(120),
      crypted_password VARCHAR(40), first_name VARCHAR(60), last_name VARCHAR(60),
      remember_token VARCHAR(40), remember_token_expires_at TIMESTAMP,
      remember_created_at TIMESTAMP);
    """
    got = schema_verdicts(tmp_path, ddl)
    expiry = got["members.remember_token_expires_at"]
    assert "asked to stay signed in" not in expiry.reason, expiry
    assert not expiry.personal, expiry
    assert "asked to stay signed in" in got["members.remember_created_at"].reason


def test_kinds_of_people_beside_a_service_account_are_still_kinds_of_people(tmp_path: Path) -> None:
    """`enum('teacher', 'student', 'parent', 'api')`: three kinds of people and a service account, a
    role of the person; only one person word beside the software (`enum('user', 'system')`) says
    who made the row (review35)."""
    ddl = """
    CREATE TABLE accounts (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(120), account_kind ENUM('teacher','student','parent','api'),
      origin ENUM('user','system'));
    """
    got = schema_verdicts(tmp_path, ddl)
    kind = got["accounts.account_kind"]
    assert kind.personal and "are kinds of people" in kind.reason, kind
    assert "kinds of people" not in got["accounts.origin"].reason, got["accounts.origin"]


def test_a_job_post_s_text_is_no_private_message(tmp_path: Path) -> None:
    """`job_posts.body`: an offer the employer publishes, the text of a post as before review35,
    never a private message; only the row's creation stopped being someone's act."""
    ddl = """
    CREATE TABLE employers (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(120));
    CREATE TABLE job_posts (id INT PRIMARY KEY, employer_id INT REFERENCES employers(id),
      title VARCHAR(120), body TEXT, created_at TIMESTAMP);
    """
    got = schema_verdicts(tmp_path, ddl)
    assert got["job_posts.body"].category != "user.content.private", got["job_posts.body"]
    assert "what someone wrote" not in got["job_posts.created_at"].reason, got["job_posts.created_at"]


def test_posts_by_staff_are_what_they_wrote(tmp_path: Path) -> None:
    """`staff` names people, as `user` does: `staff_posts(staff_id, body)` is what staff members
    wrote, and its creation time their act, like a blog's `user_posts`; no job."""
    ddl = """
    CREATE TABLE staff (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(120));
    CREATE TABLE staff_posts (id INT PRIMARY KEY, staff_id INT REFERENCES staff(id),
      title VARCHAR(200), body TEXT, created_at TIMESTAMP);
    """
    got = schema_verdicts(tmp_path, ddl)
    assert "what someone wrote" in got["staff_posts.created_at"].reason, got["staff_posts.created_at"]
