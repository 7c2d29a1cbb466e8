"""review33 (R33a D1, D2, D4; R33b D6, D7): column verdicts a first-use review found wrong.

Every schema here is written for these tests after the reviewers' reproductions (a school's
waiting list, a clinic's cash desk and consultations, a club's members), read as
`cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.classify import classify_field
from cnsnt.model import Confidence
from tests.unit.schema_entry import schema_verdicts as _verdicts

# -- R33a D1: a key read from a name alone is no sure link


def test_a_column_that_only_shares_a_tables_name_is_not_surely_a_link(tmp_path: Path) -> None:
    """`applications.waitlist smallint` beside a table `waitlist`: no key declares it, so it may
    be the applicant's rank on the list; unsure (low), so it reaches the unsure list. A declared
    key to the same table stays a sure link, and so does a whole number named for a table of
    people (`letters.student`: a key to a student, 2% personal on the tune half)."""
    ddl = """
    CREATE TABLE student (id INTEGER PRIMARY KEY, name TEXT, email TEXT);
    CREATE TABLE waitlist (id INTEGER PRIMARY KEY, student_id INTEGER REFERENCES student(id), note TEXT);
    CREATE TABLE applications (id INTEGER PRIMARY KEY, student_id INTEGER REFERENCES student(id),
      waitlist SMALLINT, boarding BOOLEAN);
    CREATE TABLE offers (id INTEGER PRIMARY KEY, student_id INTEGER REFERENCES student(id),
      spot INTEGER REFERENCES waitlist(id));
    CREATE TABLE letters (id INTEGER PRIMARY KEY, student INTEGER, sent DATE);
    """
    got = _verdicts(tmp_path, ddl)
    rank = got["applications.waitlist"]
    assert not rank.personal and rank.confidence == Confidence.LOW, rank
    assert "a key to a row about a person" not in rank.reason, rank.reason
    spot = got["offers.spot"]
    assert not spot.personal and spot.confidence == Confidence.HIGH, spot
    student = got["letters.student"]
    assert not student.personal and student.confidence == Confidence.HIGH, student


# -- R33a D2: a number with decimals holds no identifier; a lookup's code is no one's id

CASH_DESK = """
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT);
CREATE TABLE cajas (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id), monto_apertura FLOAT);
CREATE TABLE cierre_caja (id INTEGER PRIMARY KEY, caja_id INTEGER REFERENCES cajas(id), efectivo FLOAT,
  cubierto_seguro FLOAT, numero_seguro VARCHAR(20));
CREATE TABLE pays (id INTEGER PRIMARY KEY, code_iso2 TEXT, libelle TEXT, num_insee TEXT);
CREATE TABLE patients (id INTEGER PRIMARY KEY, nom TEXT, prenom TEXT, num_insee VARCHAR(15),
  pays_id INTEGER REFERENCES pays(id));
"""


def test_a_sum_with_decimals_is_no_insurance_number(tmp_path: Path) -> None:
    """`cubierto_seguro float`, what insurers covered of the day's takings: a FLOAT holds no number
    an insurer gives (GDPR Art. 9 and CPRA-sensitive would be wrong); `numero_seguro varchar` is one."""
    got = _verdicts(tmp_path, CASH_DESK)
    covered = got["cierre_caja.cubierto_seguro"]
    assert covered.category != "user.health.insurance_beneficiary_id", covered
    assert not (covered.category or "").startswith("user.health"), covered
    number = got["cierre_caja.numero_seguro"]
    assert number.category == "user.health.insurance_beneficiary_id", number


def test_an_amount_of_insurance_is_money(tmp_path: Path) -> None:
    """`monto_seguro` (es: the amount the insurance pays) is a sum, as a form field and as a column."""
    field = classify_field("monto_seguro")
    assert field.category != "user.health.insurance_beneficiary_id", field
    ddl = CASH_DESK.replace("numero_seguro VARCHAR(20)", "monto_seguro VARCHAR(20)")
    column = _verdicts(tmp_path, ddl)["cierre_caja.monto_seguro"]
    assert not column.personal or column.category == "user.financial", column


def test_a_lookup_tables_register_code_is_no_national_id(tmp_path: Path) -> None:
    """`pays.num_insee`, INSEE's code of a country in a list of countries, is no one's; a patient's
    `num_insee` is their social security number."""
    got = _verdicts(tmp_path, CASH_DESK)
    country = got["pays.num_insee"]
    assert not country.personal, country
    patient = got["patients.num_insee"]
    assert patient.category == "user.government_id.national_identification_number", patient


# -- R33a D4: a consultation's findings are health data; kinship is no contact detail

CONSULTATION = """
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT);
CREATE TABLE consulta (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id), sintomas TEXT,
  fecha_sintomas DATE, exploracion_fisica TEXT, estudios_lab TEXT, presion TEXT, presion_arterial TEXT);
CREATE TABLE extra_consultas (id INTEGER PRIMARY KEY, consulta_id INTEGER REFERENCES consulta(id),
  exploracion_fisica TEXT);
CREATE TABLE antecedentes (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id), enfermedad TEXT,
  parentesco VARCHAR(30));
CREATE TABLE alumnos (id INTEGER PRIMARY KEY, nombre TEXT, apellidos TEXT, estudios TEXT);
CREATE TABLE parcoursup_users (id INTEGER PRIMARY KEY, nom TEXT, email TEXT, adresse_api VARCHAR(200),
  adresse VARCHAR(200));
"""


def test_a_consultations_findings_are_health_data(tmp_path: Path) -> None:
    """Lab tests, the physical examination, blood pressure and the date symptoms began (GDPR
    Art. 4(15)); the same column in two tables of one consultation gets one verdict."""
    got = _verdicts(tmp_path, CONSULTATION)
    for key in (
        "consulta.fecha_sintomas",
        "consulta.exploracion_fisica",
        "consulta.estudios_lab",
        "consulta.presion",
        "consulta.presion_arterial",
        "extra_consultas.exploracion_fisica",
    ):
        assert got[key].category == "user.health", (key, got[key].reason)
    # `estudios` alone is still what a person studied
    assert got["alumnos.estudios"].category == "user.demographic.profile", got["alumnos.estudios"]


@pytest.mark.parametrize(
    ("lang", "name"),
    [
        ("pt", "exame_fisico"),
        ("pt", "pressao_arterial"),
        ("fr", "examen_clinique"),
        ("fr", "tension_arterielle"),
        ("it", "esame_obiettivo"),
        ("it", "pressione_arteriosa"),
        ("de", "blutdruck"),
        ("de", "koerperliche_untersuchung"),
        ("en", "physical_examination"),
    ],
)
def test_a_consultations_findings_in_other_languages(tmp_path: Path, lang: str, name: str) -> None:
    ddl = CONSULTATION.replace("exploracion_fisica TEXT, estudios_lab", f"{name} TEXT, estudios_lab", 1)
    got = _verdicts(tmp_path, ddl)[f"consulta.{name}"]
    assert got.category == "user.health", (lang, got.reason)


def test_kinship_is_no_contact_detail(tmp_path: Path) -> None:
    """`antecedentes.parentesco`, which relative had the disease: who they are to the patient."""
    got = _verdicts(tmp_path, CONSULTATION)["antecedentes.parentesco"]
    assert got.personal and got.category == "user.demographic", got
    assert "family relationship" in got.reason, got.reason


def test_an_api_address_is_no_postal_address(tmp_path: Path) -> None:
    """`adresse_api` (a Django `URLField`) is where a service answers; `adresse` is a home's."""
    got = _verdicts(tmp_path, CONSULTATION)
    api = got["parcoursup_users.adresse_api"]
    assert not (api.category or "").startswith("user.contact.address"), api
    assert got["parcoursup_users.adresse"].category == "user.contact.address", got["parcoursup_users.adresse"]


# -- R33b D6, D7: a surname's prefix is part of it; a boolean holds no number

MEMBERS = """
CREATE TABLE members (id INT PRIMARY KEY, first_name VARCHAR(100), last_name_prefix VARCHAR(20),
  last_name VARCHAR(100), "lastNamePrefix" VARCHAR(20), phone_prefix VARCHAR(5), no_magazine BOOLEAN,
  "noMagazine" BOOLEAN, member_no VARCHAR(10));
CREATE TABLE relations (id INT PRIMARY KEY, "relationName" VARCHAR(100), "contactNamePrefix" VARCHAR(20),
  "contactName" VARCHAR(100));
"""


def test_a_surnames_prefix_is_part_of_the_surname(tmp_path: Path) -> None:
    """The Dutch tussenvoegsel ('van', 'de') in `last_name_prefix` is part of the surname (Art. 4(1));
    a phone's prefix is still a dialling code."""
    got = _verdicts(tmp_path, MEMBERS)
    for key in ("members.last_name_prefix", "members.lastNamePrefix"):
        assert got[key].personal and got[key].category == "user.name.last", (key, got[key].reason)
    assert got["relations.contactNamePrefix"].category == "user.name", got["relations.contactNamePrefix"]
    assert not got["members.phone_prefix"].personal, got["members.phone_prefix"]


def test_a_boolean_starting_with_no_is_no_number(tmp_path: Path) -> None:
    """`noMagazine boolean`: the member wants no magazine, a yes/no of theirs, never their number
    ('no'); `member_no varchar` is one."""
    got = _verdicts(tmp_path, MEMBERS)
    for key in ("members.no_magazine", "members.noMagazine"):
        assert got[key].personal, (key, got[key].reason)
        assert got[key].category in ("user", "user.privacy_preferences"), (key, got[key].reason)
    assert got["members.member_no"].category == "user.unique_id", got["members.member_no"]
