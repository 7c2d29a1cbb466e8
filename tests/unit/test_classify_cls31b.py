"""cls31b: false alarms in tables linked to people only by who teaches or who made the row.

Every schema here is written for these tests (a school's lessons and homework keyed to their
teacher, a Hungarian client register whose lists name their creator), read as `cnsnt init`
reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from tests.unit.schema_entry import schema_verdicts as _verdicts

# -- item 1: a teacher's key in a table of what they teach


_SCHOOL = """
CREATE TABLE teachers (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
  email VARCHAR(120));
CREATE TABLE lessons (id INT PRIMARY KEY, teacher_id INT REFERENCES teachers(id),
  title VARCHAR(200), description TEXT, lesson_date DATE, start_time TIME);
CREATE TABLE odevler (id INT PRIMARY KEY, ogretmen_id INT, baslik VARCHAR(200),
  aciklama TEXT, teslim_tarihi DATE);
CREATE TABLE ogretmenler (id INT PRIMARY KEY, ad VARCHAR(60), soyad VARCHAR(60));
CREATE TABLE teacher_absences (id INT PRIMARY KEY, teacher_id INT REFERENCES teachers(id),
  reason TEXT, absent_on DATE);
"""


def test_a_teachers_key_in_a_lesson_says_who_gives_it(tmp_path: Path) -> None:
    """`lessons.teacher_id`, `odevler.ogretmen_id`: the lesson and the homework are the class's,
    set by their teacher as an author makes a row; their title, date and time are no fact
    about the teacher (cls31b: a school diary's lessons, homework and timetables)."""
    got = _verdicts(tmp_path, _SCHOOL)
    for key in ("lessons.title", "lessons.description", "lessons.lesson_date", "lessons.start_time",
                "odevler.baslik", "odevler.teslim_tarihi"):
        assert not got[key].personal, got[key]


def test_a_teachers_own_record_stays_theirs(tmp_path: Path) -> None:
    """`teacher_absences.teacher_id`: an absence is the teacher's, named for no taught thing."""
    got = _verdicts(tmp_path, _SCHOOL)
    for key in ("teacher_absences.reason", "teacher_absences.absent_on"):
        assert got[key].personal, got[key]
    # a pupil's key in a lesson still makes the row the pupil's
    ddl = _SCHOOL + """
    CREATE TABLE students (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60));
    CREATE TABLE private_lessons (id INT PRIMARY KEY, teacher_id INT REFERENCES teachers(id),
      student_id INT REFERENCES students(id), lesson_date DATE, progress TEXT);
    """
    got = _verdicts(tmp_path, ddl)
    assert got["private_lessons.progress"].personal, got["private_lessons.progress"]


# -- item 2: who created or changed a row, in Hungarian


def test_a_hungarian_creators_key_links_no_one(tmp_path: Path) -> None:
    """`statusz.letrehozo_id`, `modosito_id`: who created and who changed a list's entry, not
    whom it is about, as `created_by` says; the entry's name is the status's (cls31b)."""
    ddl = """
    CREATE TABLE felhasznalo (id INT PRIMARY KEY, nev VARCHAR(80), email VARCHAR(120));
    CREATE TABLE statusz (id INT PRIMARY KEY, nev VARCHAR(80), sorrend INT,
      letrehozo_id INT REFERENCES felhasznalo(id), modosito_id INT REFERENCES felhasznalo(id));
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("statusz.nev", "statusz.sorrend"):
        assert not got[key].personal, got[key]
