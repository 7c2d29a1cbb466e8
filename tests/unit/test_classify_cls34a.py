"""cls34a: a name, a register number or a web site is the thing's that a word beside it names.

Every schema here is written for these tests (a family-health list of patients, a club's
volunteers, a council's requests, a supplier register), read as `cnsnt init` reads a
`schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from tests.unit.schema_entry import schema_verdicts

# A list of patients kept by a family-health programme: each row names the patient, the
# health facility and the care team that registered them.
_PATIENTS = """
CREATE TABLE lista_pacientes (id INT PRIMARY KEY, paciente_nome VARCHAR(200),
  dt_nascimento DATE, paciente_cpf VARCHAR(11),
  estabelecimento_nome_cadastro VARCHAR(200), nome_estabelecimento_visita VARCHAR(200),
  equipe_nome_cadastro VARCHAR(120), nome_equipe_visita VARCHAR(120),
  equipe_ine_cadastro VARCHAR(20), ine_equipe_visita VARCHAR(20),
  nome_mae VARCHAR(200), nome_responsavel VARCHAR(200), unidade_nome_medico VARCHAR(200),
  equipe_nome_agente VARCHAR(200));
"""


def test_a_name_beside_a_facility_or_a_team_word_is_theirs_not_the_patients(tmp_path: Path) -> None:
    """`estabelecimento_nome_cadastro`, `nome_equipe_visita`: the name of the health facility
    or of the care team, written before or after the name word, not a person's name."""
    got = schema_verdicts(tmp_path, _PATIENTS)
    for key, owner in (
        ("lista_pacientes.estabelecimento_nome_cadastro", "'estabelecimento' beside 'nome'"),
        ("lista_pacientes.nome_estabelecimento_visita", "'estabelecimento' beside 'nome'"),
        ("lista_pacientes.equipe_nome_cadastro", "'equipe' beside 'nome'"),
        ("lista_pacientes.nome_equipe_visita", "'equipe' beside 'nome'"),
    ):
        assert not got[key].personal, (key, got[key])
        assert "is the name of" in got[key].reason and owner in got[key].reason, (key, got[key])
        assert "not a person's" in got[key].reason, (key, got[key])


def test_a_register_number_beside_a_team_word_is_the_teams_not_a_national_id(tmp_path: Path) -> None:
    """`equipe_ine_cadastro`, `ine_equipe_visita`: the care team's national register number
    (Brazil's INE), not the French pupil's number `ine` alone would be."""
    got = schema_verdicts(tmp_path, _PATIENTS)
    for key in ("lista_pacientes.equipe_ine_cadastro", "lista_pacientes.ine_equipe_visita"):
        assert not got[key].personal, (key, got[key])
        assert "is the register number of a team or a unit ('equipe' beside 'ine')" in got[key].reason, (
            key,
            got[key],
        )


def test_a_name_whose_other_word_is_a_person_stays_a_persons_name(tmp_path: Path) -> None:
    """The reverse: `nome_mae`, `nome_responsavel` name a relative or a guardian, and
    `unidade_nome_medico`, `equipe_nome_agente` the unit's doctor and the team's health agent:
    a person word beside the name word keeps it a person's, whatever thing stands on its
    other side."""
    got = schema_verdicts(tmp_path, _PATIENTS)
    for key in (
        "lista_pacientes.paciente_nome",
        "lista_pacientes.nome_mae",
        "lista_pacientes.nome_responsavel",
        "lista_pacientes.unidade_nome_medico",
        "lista_pacientes.equipe_nome_agente",
    ):
        assert got[key].personal and got[key].category == "user.name", (key, got[key])
    assert got["lista_pacientes.paciente_cpf"].category.startswith("user.government_id")


def test_a_company_website_in_a_person_row_is_the_companys_site(tmp_path: Path) -> None:
    """`volunteers.company_website`: the site of the firm the volunteer gave, no personal web
    site or profile; their own `website` and `mother_name` stay theirs."""
    ddl = """
    CREATE TABLE volunteers (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(120), website VARCHAR(200), company_website VARCHAR(200),
      mother_name VARCHAR(120), team_name VARCHAR(80));
    """
    got = schema_verdicts(tmp_path, ddl)
    site = got["volunteers.company_website"]
    assert not site.personal, site
    assert "is the web site of an organisation ('company' beside 'website')" in site.reason, site
    assert got["volunteers.website"].category == "user.contact.social_url", got["volunteers.website"]
    assert got["volunteers.mother_name"].category == "user.name", got["volunteers.mother_name"]
    team = got["volunteers.team_name"]
    assert not team.personal and "a team or a unit ('team' beside 'name')" in team.reason, team


def test_an_office_or_a_facility_name_in_a_record_about_a_person_is_the_places(tmp_path: Path) -> None:
    """A council's request keyed to the citizen (`richieste.cittadino_id`) names the office
    that handles it (`nome_ufficio`); an appointment keyed to a patient names the facility
    (`visit_facility_name`): the office's and the place's names, no one's."""
    ddl = """
    CREATE TABLE cittadini (id INT PRIMARY KEY, nome VARCHAR(60), cognome VARCHAR(60),
      codice_fiscale VARCHAR(16));
    CREATE TABLE richieste (id INT PRIMARY KEY, cittadino_id INT REFERENCES cittadini(id),
      nome_ufficio VARCHAR(120), oggetto TEXT);
    CREATE TABLE patients (id INT PRIMARY KEY, full_name VARCHAR(120), birth_date DATE);
    CREATE TABLE appointments (id INT PRIMARY KEY, patient_id INT REFERENCES patients(id),
      visit_facility_name VARCHAR(120), scheduled_date DATE);
    """
    got = schema_verdicts(tmp_path, ddl)
    office = got["richieste.nome_ufficio"]
    assert not office.personal and "of an organisation ('ufficio' beside 'nome')" in office.reason, office
    place = got["appointments.visit_facility_name"]
    assert not place.personal and "of a place ('facility' beside 'name')" in place.reason, place


def test_an_identity_documents_issuer_and_a_departements_code_keep_their_reading(tmp_path: Path) -> None:
    """Not every thing word owns the number beside it: `doc_org` is who issued the person's
    identity document (part of it), and `department_insee_code` the French département's
    code, an address part (review35 R35a D6)."""
    ddl = """
    CREATE TABLE persons (id INT PRIMARY KEY, surname VARCHAR(60), first_name VARCHAR(60),
      birth_date DATE, doc_org VARCHAR(200), department_insee_code VARCHAR(3));
    """
    got = schema_verdicts(tmp_path, ddl)
    assert got["persons.doc_org"].personal, got["persons.doc_org"]
    assert "not a person's" not in got["persons.doc_org"].reason, got["persons.doc_org"]
    code = got["persons.department_insee_code"]
    assert code.personal and code.category.startswith("user.contact.address"), code
