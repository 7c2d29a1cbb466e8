"""cls30b: words of Dutch, French, Hungarian and Russian that name a person's datum.

A Dutch register's kind of union (`soort verbintenis`: a marriage or a registered
partnership), a group's `begeleider` (the person who coaches it), a French
`handicapee` (the feminine of `handicape`), a Hungarian employee's `jogviszony` (their
employment relationship) and `szervezeti egyseg` (the unit they work in), a Russian
employee's `подразделение` (their department). Every schema here is written for these
tests, read through the SQL reader as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from tests.unit.schema_entry import schema_verdicts as _verdicts

DUTCH = """
CREATE TABLE ingeschrevenen (id bigint PRIMARY KEY, voornamen varchar(200),
  geslachtsnaam varchar(200), geboortedatum date, verbintenis_soort char(1));
CREATE TABLE cursusgroepen (id bigint PRIMARY KEY, titel varchar(100), startdatum date,
  begeleider text);
"""


def test_a_dutch_kind_of_union_is_a_marital_status(tmp_path: Path) -> None:
    got = _verdicts(tmp_path, DUTCH)["ingeschrevenen.verbintenis_soort"]
    assert got.personal and got.category == "user.demographic.marital_status", got


def test_a_groups_begeleider_names_a_person(tmp_path: Path) -> None:
    got = _verdicts(tmp_path, DUTCH)["cursusgroepen.begeleider"]
    assert got.personal, got


FRENCH = """
CREATE TABLE personnes_signalees (id bigint PRIMARY KEY, nom varchar(100), prenom varchar(100),
  est_handicapee boolean);
"""


def test_the_feminine_handicapee_is_health_data(tmp_path: Path) -> None:
    got = _verdicts(tmp_path, FRENCH)["personnes_signalees.est_handicapee"]
    assert got.personal and (got.category or "").startswith("user.health"), got


HUNGARIAN = """
CREATE TABLE dolgozok (id bigint PRIMARY KEY, nev varchar(200), adoazonosito_jel varchar(10),
  jogviszony_tipusa varchar(50), szervezeti_egyseg varchar(100));
"""


def test_a_hungarian_employment_relationship_and_unit_are_the_employees(tmp_path: Path) -> None:
    got = _verdicts(tmp_path, HUNGARIAN)
    relationship = got["dolgozok.jogviszony_tipusa"]
    assert relationship.personal and relationship.category == "user.professional_information", relationship
    unit = got["dolgozok.szervezeti_egyseg"]
    assert unit.personal and unit.category == "user.professional_information.workplace", unit


RUSSIAN = """
CREATE TABLE сотрудники (id bigint PRIMARY KEY, фамилия varchar(100), имя varchar(100),
  подразделение varchar(200));
"""


def test_a_russian_employees_department_is_their_workplace(tmp_path: Path) -> None:
    got = _verdicts(tmp_path, RUSSIAN)["сотрудники.подразделение"]
    assert got.personal and got.category == "user.professional_information.workplace", got
