"""cls30e: classifier verdicts left wrong by trial30's reviewers and review36 R36b.

Every schema here is written for these tests after the reports (a course's open places read
as a student's number, a patient's house number after `End` read as a number of theirs, a
SUS procedure's code in a care record read as the patient's card number), read as
`cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from tests.unit.schema_entry import schema_verdicts as _verdicts

# -- item 1: places beside an identifier word count them


def test_places_beside_an_enrolment_word_are_a_count(tmp_path: Path) -> None:
    """`cursos.matriculas_vagas`: the open places of a course's enrolment, a count, no
    student's number; `posti_liberi`, `MaxPlaces` likewise (trial30 H, J)."""
    ddl = """
    CREATE TABLE cursos (id INT PRIMARY KEY, titulo VARCHAR(80), matriculas_vagas VARCHAR(10),
      professor_id INT REFERENCES professores(id));
    CREATE TABLE professores (id INT PRIMARY KEY, nome VARCHAR(80), email VARCHAR(80));
    CREATE TABLE classi (id INT PRIMARY KEY, posti_liberi INT, docente_id INT REFERENCES docenti(id));
    CREATE TABLE docenti (id INT PRIMARY KEY, nome VARCHAR(80), cognome VARCHAR(80));
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("cursos.matriculas_vagas", "classi.posti_liberi"):
        assert not got[key].personal, got[key]
        assert "count" in got[key].reason, got[key]
    # the enrolment number itself is still a person's
    alone = _verdicts(tmp_path, "CREATE TABLE alunos (id INT PRIMARY KEY, nome VARCHAR(80), matricula VARCHAR(20));")
    assert alone["alunos.matricula"].category == "user.unique_id", alone["alunos.matricula"]


# -- item 4: an address's number, a care record's procedure code


def test_a_number_after_a_short_word_for_address_is_the_house_number(tmp_path: Path) -> None:
    """`pacientes.EndNumero`: `End` is `endereço`, beside the street `Rua` (trial30 H)."""
    ddl = """
    CREATE TABLE pacientes (id INT PRIMARY KEY, Nome VARCHAR(80), CPF VARCHAR(11),
      Rua VARCHAR(80), EndNumero VARCHAR(10), Bairro VARCHAR(60));
    """
    got = _verdicts(tmp_path, ddl)["pacientes.EndNumero"]
    assert got.personal and got.category == "user.contact.address.street", got
    assert "house number" in got.reason, got


def test_a_sus_procedure_code_in_a_care_record_is_the_care(tmp_path: Path) -> None:
    """`atendimentos.codSus`, `descricao_SUS`: the public health system's procedure, done on
    the patient, not the patient's SUS card number, which `pacientes.sus` keeps (trial30 H)."""
    ddl = """
    CREATE TABLE pacientes (id INT PRIMARY KEY, nome VARCHAR(80), cpf VARCHAR(11), sus VARCHAR(20));
    CREATE TABLE atendimentos (id INT PRIMARY KEY, paciente_id INT REFERENCES pacientes(id),
      diagnostico TEXT, codSus TEXT, descricao_SUS TEXT, numero_sus VARCHAR(20));
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("atendimentos.codSus", "atendimentos.descricao_SUS"):
        assert got[key].personal and got[key].category == "user.health.treatment", got[key]
    # a number of the card is still the card's, in the record as in the person's row
    for key in ("atendimentos.numero_sus", "pacientes.sus"):
        assert got[key].category == "user.health.insurance_beneficiary_id", got[key]


# -- item 3: a thing's position, a CAPTCHA


def test_a_commented_position_in_a_table_about_no_one_is_the_things(tmp_path: Path) -> None:
    """`waters.latitude` with the comment "Breedtegraad voor geolocatie": a fishing water's
    position, in a table about no one (trial30 I)."""
    ddl = """
    CREATE TABLE waters (id INT PRIMARY KEY, naam VARCHAR(80),
      latitude DECIMAL(10,7) COMMENT 'Breedtegraad voor geolocatie',
      longitude DECIMAL(10,7) COMMENT 'Lengtegraad voor geolocatie');
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("waters.latitude", "waters.longitude"):
        assert not got[key].personal, got[key]
        assert "about no one" in got[key].reason, got[key]


def test_a_captcha_token_is_no_credential(tmp_path: Path) -> None:
    """`meldingen.captcha_token`: proves a human sent the report, not who (trial30 I)."""
    ddl = """
    CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(80), email VARCHAR(120), password VARCHAR(60));
    CREATE TABLE meldingen (id INT PRIMARY KEY, omschrijving TEXT, captcha_token VARCHAR(255),
      remember_token VARCHAR(100), verwerkt_door INT REFERENCES users(id));
    """
    got = _verdicts(tmp_path, ddl)
    assert not got["meldingen.captcha_token"].personal, got["meldingen.captcha_token"]
    assert got["meldingen.remember_token"].category == "user.authorization.credentials", got[
        "meldingen.remember_token"
    ]


# -- item 2: a programme's profile, a service band, a branch of care


def test_a_profile_column_in_a_table_about_no_one_names_no_one(tmp_path: Path) -> None:
    """`specialties.profile`: a study programme's profile, no person named by role (trial30 I)."""
    ddl = """
    CREATE TABLE specialties (id INT PRIMARY KEY, code VARCHAR(20), name VARCHAR(100),
      profile VARCHAR(100), educ_years INT);
    """
    got = _verdicts(tmp_path, ddl)["specialties.profile"]
    assert not got.personal, got


def test_a_fixed_list_of_choices_is_no_login(tmp_path: Path) -> None:
    """`FasciaUtenza enum('full_time', ...)`: the child's service band, a fact about them, no
    username, though `utenza` names an account (trial30 H)."""
    ddl = """
    CREATE TABLE bambini (id INT PRIMARY KEY, nome VARCHAR(40), cognome VARCHAR(40),
      codice_fiscale CHAR(16),
      FasciaUtenza ENUM('full_time', 'part_time_pomeridiana', 'part_time_mattutina'),
      utenza VARCHAR(40));
    """
    got = _verdicts(tmp_path, ddl)
    band = got["bambini.FasciaUtenza"]
    assert band.personal and band.category == "user", band
    # a login typed as text stays a login
    assert got["bambini.utenza"].category == "user.account.username", got["bambini.utenza"]


def test_a_speciality_in_a_care_record_is_the_care(tmp_path: Path) -> None:
    """`encaminhamentos.especialidade`: the branch of care a patient (keyed by CPF) is referred
    to, not a job title; in a doctor's own row it is their job (trial30 H)."""
    ddl = """
    CREATE TABLE pacientes (id INT PRIMARY KEY, nome VARCHAR(80), cpf VARCHAR(11) UNIQUE);
    CREATE TABLE medicos (id INT PRIMARY KEY, nome VARCHAR(80), crm VARCHAR(20),
      especialidade VARCHAR(60));
    CREATE TABLE encaminhamentos (id INT PRIMARY KEY, cpf VARCHAR(11) REFERENCES pacientes(cpf),
      data DATE, especialidade VARCHAR(60), complexidade VARCHAR(20));
    """
    got = _verdicts(tmp_path, ddl)
    care = got["encaminhamentos.especialidade"]
    assert care.personal and care.category == "user.health.treatment", care
    assert str(got["medicos.especialidade"].category).startswith("user.professional_information"), got[
        "medicos.especialidade"
    ]
