"""codereview35 (review35): code-review findings of the classifier, each a reading a privacy engineer would
call wrong. Every schema here is written for these tests, read as `cnsnt init` reads a
`schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from tests.unit.schema_entry import schema_verdicts

# -- finding 3: a person or the software, who made a row, is no kind of person


def test_a_person_or_the_system_names_who_acted_not_a_kind_of_person(tmp_path: Path) -> None:
    """`members.joined_via ENUM('user', 'system')`, `socios.origen ENUM('USUARIO', 'SISTEMA')`:
    whether a person or the application made the row, no kind of person the member is."""
    ddl = """
    CREATE TABLE members (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(120), joined_via ENUM('user', 'system'));
    CREATE TABLE socios (id INT PRIMARY KEY, nombre VARCHAR(60), apellidos VARCHAR(60),
      dni VARCHAR(12), origen ENUM('USUARIO', 'SISTEMA'));
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("members.joined_via", "socios.origen"):
        assert "are kinds of people" not in got[key].reason, got[key]


# -- finding 4: two schemas' tables of one name are two lists


def test_keys_to_same_named_tables_of_two_schemas_are_no_shared_list(tmp_path: Path) -> None:
    """`hr.employees.rank_id -> hr.placement`, `crm.customers.segment_id -> crm.placement`:
    two tables the dump leaves out, one in each schema, each behind one key's name; nothing
    says either is a list, so neither key is read as picking a value of the person's."""
    ddl = """
    CREATE TABLE hr.employees (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      birth_date DATE, rank_id INT REFERENCES hr.placement(id));
    CREATE TABLE crm.customers (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      birth_date DATE, segment_id INT REFERENCES crm.placement(id));
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("hr.employees.rank_id", "crm.customers.segment_id"):
        assert "a list the schema does not show" not in got[key].reason, got[key]


def test_keys_of_two_names_to_one_schema_s_table_still_share_a_list(tmp_path: Path) -> None:
    """`hr.employees.rank_id` and `hr.employees.sector_id`, both to `hr.placement`: one list
    the row picks two facts from, in a person's own row theirs."""
    ddl = """
    CREATE TABLE hr.employees (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      birth_date DATE, rank_id INT REFERENCES hr.placement(id),
      sector_id INT REFERENCES hr.placement(id));
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("hr.employees.rank_id", "hr.employees.sector_id"):
        assert got[key].personal and "a list the schema does not show" in got[key].reason, got[key]


# -- finding 5: a nearly even bilingual schema keeps its reading of shared English words


def test_a_few_columns_do_not_flip_an_english_word_s_sense_in_a_bilingual_schema(tmp_path: Path) -> None:
    """`members.denomination` beside a French `adherents` table: English and French are
    nearly even, and one more French column (`lieu_naissance`) must not turn the member's
    church into a form of address (`_own_sense`)."""
    ddl = """
    CREATE TABLE members (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(120), phone VARCHAR(20), birth_date DATE, denomination VARCHAR(40));
    CREATE TABLE adherents (id INT PRIMARY KEY, prenom VARCHAR(60), nom VARCHAR(60),
      courriel VARCHAR(120), ville VARCHAR(60), sexe CHAR(1)%s);
    """
    before = schema_verdicts(tmp_path / "a", ddl % "")["members.denomination"]
    after = schema_verdicts(tmp_path / "b", ddl % ", lieu_naissance VARCHAR(60)")["members.denomination"]
    assert before.category == after.category, (before, after)


# -- finding 2: a job post is a job, not what someone wrote


def test_a_job_post_is_a_job_not_what_someone_wrote(tmp_path: Path) -> None:
    """`job_posts(employer_id, title, created_at)`: the vacancies an employer offers; their
    creation is when the job was published, no person's act, and their text is an offer,
    no one's private message. A blog's `user_posts` stay what their author wrote."""
    ddl = """
    CREATE TABLE employers (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(120));
    CREATE TABLE job_posts (id INT PRIMARY KEY, employer_id INT REFERENCES employers(id),
      title VARCHAR(120), body TEXT, created_at TIMESTAMP);
    CREATE TABLE user_posts (id INT PRIMARY KEY, employer_id INT REFERENCES employers(id),
      body TEXT, created_at TIMESTAMP);
    """
    got = schema_verdicts(tmp_path, ddl)
    assert "what someone wrote" not in got["job_posts.created_at"].reason, got["job_posts.created_at"]
    assert "what someone wrote" in got["user_posts.created_at"].reason, got["user_posts.created_at"]
