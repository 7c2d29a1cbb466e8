"""cls34b: a kind, a level or a category in a person's row, or in a record about one.

Every schema here is written for these tests (an applicant's file, a school's pupils, a
club's members, a care home's staff), read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from tests.unit.schema_entry import schema_verdicts

# -- item 1: the level of something of theirs


def test_a_level_of_something_in_a_person_s_row_is_theirs(tmp_path: Path) -> None:
    """`kandidaten.zwem_niveau` (a swimming level), `kandidaten.nivel_dominio`,
    `aanvragen.edu_level` (a record keyed to its applicant): how far the person got in their
    schooling or a skill, a fact about them, "personal" with low confidence."""
    ddl = """
    CREATE TABLE kandidaten (id INT PRIMARY KEY, voornaam VARCHAR(60), achternaam VARCHAR(60),
      geboortedatum DATE, zwem_niveau VARCHAR(20), nivel_dominio VARCHAR(20));
    CREATE TABLE aanvragen (id INT PRIMARY KEY, kandidaat_id INT REFERENCES kandidaten(id),
      edu_level INT);
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("kandidaten.zwem_niveau", "kandidaten.nivel_dominio", "aanvragen.edu_level"):
        assert got[key].personal and got[key].category == "user", got[key]
        assert got[key].confidence.value == "low", got[key]
        assert "the level of something of theirs" in got[key].reason, got[key]


def test_a_bare_level_a_log_s_and_an_account_s_stay_the_row_s(tmp_path: Path) -> None:
    """A bare `level` (an account's access level), a level of the record or of a step of work
    on it (`approval_level`), a level's code (`level_code`), and a log's level in a table about
    no one stay technical."""
    ddl = """
    CREATE TABLE members (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      birth_date DATE, level INT, approval_level INT, level_code VARCHAR(4));
    CREATE TABLE system_log (id INT PRIMARY KEY, log_level INT, message VARCHAR(200));
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("members.level", "members.approval_level", "members.level_code", "system_log.log_level"):
        assert not got[key].personal, got[key]


# -- item 2: declared values that are kinds of people


def test_declared_values_that_are_kinds_of_people_say_which_one_they_are(tmp_path: Path) -> None:
    """`personale.tipo_utente ENUM('DIRETTORE', 'INFERMIERE', 'EDUCATORE')`, `members.soort
    enum('lid', 'gastlid', 'ereleden')`: which kind of person the row is, whatever word names
    the column; two values of two are enough when one is a kind of person ('DOCTOR')."""
    ddl = """
    CREATE TABLE personale (id INT PRIMARY KEY, nome VARCHAR(60), cognome VARCHAR(60),
      codice_fiscale VARCHAR(16), tipo_utente ENUM('DIRETTORE', 'INFERMIERE', 'EDUCATORE'));
    CREATE TABLE staff (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(120), member_type ENUM('CLERICAL', 'DOCTOR'));
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("personale.tipo_utente", "staff.member_type"):
        assert got[key].personal and got[key].category == "user", got[key]
        assert got[key].confidence.value == "low", got[key]
        assert "are kinds of people" in got[key].reason, got[key]


def test_one_person_word_among_many_values_or_outside_their_row_names_no_kind(tmp_path: Path) -> None:
    """One person word among many states (`'closed_by_manager'`) names no kind of person; a
    record that merely points at a person (a reminder sent to a kind of staff) keeps the
    kind as the record's."""
    ddl = """
    CREATE TABLE customers (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      birth_date DATE,
      status ENUM('booked', 'confirmed', 'cancelled', 'pending', 'closed_by_manager'));
    CREATE TABLE reminders (id INT PRIMARY KEY, customer_id INT REFERENCES customers(id),
      recipient_type ENUM('MANAGER', 'CASHIER', 'DRIVER'));
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("customers.status", "reminders.recipient_type"):
        assert not got[key].personal, got[key]


# -- item 3: the kind of a document of theirs


def test_the_kind_of_a_document_in_a_person_s_row_is_theirs(tmp_path: Path) -> None:
    """`passport_data.type_document`, `sakinler.belge_turu`, `alumnes.tipus_document`: which
    identity document or diploma of theirs it is (QUESTIONS 9), in their own row or a record
    keyed to them."""
    ddl = """
    CREATE TABLE applicants (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      birth_date DATE);
    CREATE TABLE passport_data (id INT PRIMARY KEY, applicant_id INT REFERENCES applicants(id),
      type_document INT);
    CREATE TABLE sakinler (id INT PRIMARY KEY, ad VARCHAR(60), soyad VARCHAR(60),
      dogum_tarihi DATE, belge_turu VARCHAR(40));
    CREATE TABLE alumnes (id INT PRIMARY KEY, nom VARCHAR(60), cognoms VARCHAR(60),
      data_naixement DATE, tipus_document CHAR(1));
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("passport_data.type_document", "sakinler.belge_turu", "alumnes.tipus_document"):
        assert got[key].personal and got[key].category == "user", got[key]
        assert "the kind of a document of theirs" in got[key].reason, got[key]


def test_a_document_kind_in_a_table_about_no_one_or_a_voucher_stays_the_row_s(tmp_path: Path) -> None:
    """A document kind in a list of templates about no one stays technical, and Turkish
    `evrak` (a sale's voucher, `satis_evraklari.evrak_tur`) names no document of the buyer's."""
    ddl = """
    CREATE TABLE musteriler (id INT PRIMARY KEY, ad VARCHAR(60), soyad VARCHAR(60),
      telefon VARCHAR(20));
    CREATE TABLE satis_evraklari (id INT PRIMARY KEY, musteri_id INT REFERENCES musteriler(id),
      evrak_tur INT);
    CREATE TABLE templates (id INT PRIMARY KEY, document_type VARCHAR(20), body TEXT);
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("satis_evraklari.evrak_tur", "templates.document_type"):
        assert "document of theirs" not in got[key].reason, got[key]
        assert not got[key].personal, got[key]
