"""codereview34b: review fixes to trial34's rules (an identity document's number, glued failure logs)."""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import Classification
from tests.unit.schema_entry import schema_verdicts


def _category(verdict: Classification) -> str:
    return str(verdict.category) if verdict.personal else ""


# a shop's customers: a stored payment card has an issuer (the bank) and a date of issue too
_SHOP = """
CREATE TABLE customers (id INT PRIMARY KEY, first_name VARCHAR(80), last_name VARCHAR(80),
  email VARCHAR(100));
CREATE TABLE payment_cards (id INT PRIMARY KEY, customer_id INT REFERENCES customers(id),
  number VARCHAR(20), issuer VARCHAR(80), issue_date DATE, expiry_month INT);
CREATE TABLE loyalty_members (id INT PRIMARY KEY, first_name VARCHAR(80), last_name VARCHAR(80),
  street VARCHAR(120), number VARCHAR(10), card_number VARCHAR(20), issuer VARCHAR(80),
  issue_date DATE);
CREATE TABLE couriers (id INT PRIMARY KEY, first_name VARCHAR(80), last_name VARCHAR(80),
  street VARCHAR(120), number VARCHAR(10), issued_by VARCHAR(80), authority VARCHAR(80));
"""


def test_a_payment_cards_issuer_and_date_of_issue_make_no_identity_document(tmp_path: Path) -> None:
    """A card's issuer is a bank: `payment_cards.number` is no government id, nor is a bare
    number beside a row's own card number (`card_number`) and its issuer."""
    got = schema_verdicts(tmp_path, _SHOP)
    for key in ("payment_cards.number", "loyalty_members.number"):
        assert "government_id" not in _category(got[key]), (key, got[key])
    assert _category(got["loyalty_members.number"]) == "user.contact.address.street"


def test_two_issuing_offices_without_a_series_or_date_make_no_document(tmp_path: Path) -> None:
    """The rule wants an issuing office and one more mark (a series, a date of issue); two
    names of an office alone (`issued_by`, `authority`) leave the bare number the house number."""
    got = schema_verdicts(tmp_path, _SHOP)
    assert _category(got["couriers.number"]) == "user.contact.address.street", got["couriers.number"]


_IMPORTS = """
CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(80), email VARCHAR(100));
CREATE TABLE mail_batches (id INT PRIMARY KEY, subject VARCHAR(200), sender_failed VARCHAR(200),
  sent_at TIMESTAMP);
CREATE TABLE import_runs (id INT PRIMARY KEY, file_name VARCHAR(200), user_failed VARCHAR(200),
  customer_failed VARCHAR(200), started_at TIMESTAMP);
CREATE TABLE axes_accessfailurelog (id INT PRIMARY KEY, user_agent VARCHAR(255),
  ip_address VARCHAR(39), username VARCHAR(255), attempt_time DATETIME);
"""


def test_failed_splits_glued_names_but_is_no_empty_glue_word(tmp_path: Path) -> None:
    """`failed` and `failure` split glued names (`axes_accessfailurelog`) but say something:
    `user_failed` is no login and `customer_failed` no one's name by role."""
    got = schema_verdicts(tmp_path, _IMPORTS)
    for key in ("import_runs.user_failed", "import_runs.customer_failed", "mail_batches.sender_failed"):
        assert not got[key].personal, (key, got[key])
    assert got["axes_accessfailurelog.attempt_time"].personal


def test_a_title_beside_a_lecture_is_the_works_in_every_language_listed(tmp_path: Path) -> None:
    """`person_works` listed a lecture in English, French (`lecon`), German (`vorlesung`) and
    Polish (`wyklad`) only: a French `conference`, a German `Vortrag`, a Dutch `lezing` and a
    Polish `tytul_wykladu` (the genitive a title takes) read as the professor's name."""
    ddl = """
    CREATE TABLE professeurs (id INT PRIMARY KEY, nom VARCHAR(80), prenom VARCHAR(80),
      date_naissance DATE, titre_conference VARCHAR(200));
    CREATE TABLE dozenten (id INT PRIMARY KEY, vorname VARCHAR(80), nachname VARCHAR(80),
      geburtsdatum DATE, titel_vortrag VARCHAR(200));
    CREATE TABLE docenten (id INT PRIMARY KEY, voornaam VARCHAR(80), achternaam VARCHAR(80),
      geboortedatum DATE, titel_lezing VARCHAR(200));
    CREATE TABLE wykladowcy (id INT PRIMARY KEY, imie VARCHAR(80), nazwisko VARCHAR(80),
      data_urodzenia DATE, tytul_wykladu VARCHAR(200));
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in (
        "professeurs.titre_conference",
        "dozenten.titel_vortrag",
        "docenten.titel_lezing",
        "wykladowcy.tytul_wykladu",
    ):
        assert got[key].personal and not _category(got[key]).startswith("user.name"), (key, got[key])


def test_a_weak_word_left_out_in_a_table_of_people_says_it_is_one(tmp_path: Path) -> None:
    """The reason for a weak word left out in a table that describes people called it "a
    record linked to people", which the table verdict above it contradicts."""
    ddl = """
    CREATE TABLE contatos (id INT PRIMARY KEY, contato_nome VARCHAR(100), contato_email VARCHAR(100),
      contato_cnpj VARCHAR(20), contato_posto VARCHAR(30));
    """
    got = schema_verdicts(tmp_path, ddl)
    verdict = got["contatos.contato_posto"]
    assert "linked to people" not in verdict.reason, verdict
    assert "in the people table 'contatos'" in verdict.reason, verdict
