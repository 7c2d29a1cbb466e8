"""review31: categories and words the vocabulary got wrong (R31a D4-D6 and minor, R31b D6-D7).

Every schema here is written for these tests after the reviewers' repros (a school's and
a home-care provider's staff, a Brazilian firm's employees and its company addresses),
read through the SQL reader as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import Classification
from tests.unit.schema_entry import schema_verdicts as _verdicts


def _health(verdict: Classification) -> bool:
    return verdict.personal and (verdict.category or "").startswith("user.health")


# -- R31a D4: a condition alone is no medical condition (GDPR Art. 9(1) is exhaustive)

CONDITIONS = """
CREATE TABLE empleados (id bigint PRIMARY KEY, nombre varchar(255), dni varchar(20),
  condicion_laboral varchar(50), condicion_iva varchar(50), condicion_medica varchar(200),
  condiciones_de_salud text);
CREATE TABLE funcionarios (id bigint PRIMARY KEY, nome varchar(255), cpf varchar(14),
  condicao_contratual varchar(50), condicoes_medicas text);
CREATE TABLE dipendenti (id bigint PRIMARY KEY, nome varchar(255), cognome varchar(255),
  condizione_occupazionale varchar(50), condizioni_di_salute text);
CREATE TABLE treballadors (id bigint PRIMARY KEY, nom varchar(255), cognoms varchar(255),
  condicio_laboral varchar(50), condicions_mediques text);
CREATE TABLE employees (id bigint PRIMARY KEY, first_name varchar(255), last_name varchar(255),
  employment_condition varchar(50), weather_conditions varchar(50), medical_conditions text,
  chronic_conditions text);
"""


def test_a_condition_is_health_data_only_beside_a_health_word(tmp_path: Path) -> None:
    got = _verdicts(tmp_path, CONDITIONS)
    for column in (
        "empleados.condicion_laboral",  # a contract type
        "empleados.condicion_iva",  # a VAT status
        "funcionarios.condicao_contratual",
        "dipendenti.condizione_occupazionale",
        "treballadors.condicio_laboral",
        "employees.employment_condition",
        "employees.weather_conditions",
    ):
        assert not _health(got[column]), (column, got[column])
        # still a fact in the person's row, just not a special category
        assert got[column].personal, (column, got[column])
    for column in (
        "empleados.condicion_medica",
        "empleados.condiciones_de_salud",
        "funcionarios.condicoes_medicas",
        "dipendenti.condizioni_di_salute",
        "treballadors.condicions_mediques",
        "employees.medical_conditions",
        "employees.chronic_conditions",
    ):
        assert _health(got[column]), (column, got[column])


# -- R31a D5: physical limitations, therapy and mobility aids are data concerning health

LIMITS = """
CREATE TABLE alumnos (id bigint PRIMARY KEY, nombre varchar(255), dni varchar(20),
  limitaciones_fisicas varchar(255), tratamientos_terapeuticos varchar(255),
  uso_ayudas_movilidad boolean, silla_de_ruedas boolean, discapacidad varchar(255));
CREATE TABLE alunos (id bigint PRIMARY KEY, nome varchar(255), cpf varchar(14),
  limitacoes_fisicas text, tratamentos_terapeuticos text, mobilidade_reduzida boolean);
CREATE TABLE alunni (id bigint PRIMARY KEY, nome varchar(255), cognome varchar(255),
  limitazioni_fisiche text, trattamenti_terapeutici text, sedia_a_rotelle boolean);
CREATE TABLE alumnes (id bigint PRIMARY KEY, nom varchar(255), cognoms varchar(255),
  limitacions_fisiques text, tractaments_terapeutics text, mobilitat_reduida boolean);
CREATE TABLE eleves (id bigint PRIMARY KEY, nom varchar(255), prenom varchar(255),
  limitations_physiques text, traitement_therapeutique text, mobilite_reduite boolean);
CREATE TABLE schueler (id bigint PRIMARY KEY, vorname varchar(255), nachname varchar(255),
  koerperliche_einschraenkungen text, therapeutische_behandlung text, mobilitaetshilfe varchar(50));
CREATE TABLE students (id bigint PRIMARY KEY, first_name varchar(255), last_name varchar(255),
  physical_limitations text, therapeutic_treatment text, mobility_aids varchar(100),
  reduced_mobility boolean);
"""


def test_physical_limitations_therapy_and_mobility_aids_are_health_data(tmp_path: Path) -> None:
    got = _verdicts(tmp_path, LIMITS)
    columns = [
        "alumnos.limitaciones_fisicas",
        "alumnos.tratamientos_terapeuticos",
        "alumnos.uso_ayudas_movilidad",
        "alumnos.silla_de_ruedas",
        "alunos.limitacoes_fisicas",
        "alunos.tratamentos_terapeuticos",
        "alunos.mobilidade_reduzida",
        "alunni.limitazioni_fisiche",
        "alunni.trattamenti_terapeutici",
        "alunni.sedia_a_rotelle",
        "alumnes.limitacions_fisiques",
        "alumnes.tractaments_terapeutics",
        "alumnes.mobilitat_reduida",
        "eleves.limitations_physiques",
        "eleves.traitement_therapeutique",
        "eleves.mobilite_reduite",
        "schueler.koerperliche_einschraenkungen",
        "schueler.therapeutische_behandlung",
        "schueler.mobilitaetshilfe",
        "students.physical_limitations",
        "students.therapeutic_treatment",
        "students.mobility_aids",
        "students.reduced_mobility",
    ]
    missed = [c for c in columns if not _health(got[c])]
    assert missed == [], [(c, got[c].category, got[c].reason) for c in missed]
    # named by a health term, so sure even where the table were unknown
    assert got["alumnos.limitaciones_fisicas"].confidence.value == "high"


# -- R31a D6: `Konto` + `Nummer` is a `Kontonummer`, a bank account number

ACCOUNTS_DE = """
CREATE TABLE Personen (PersonID int PRIMARY KEY, Name1 varchar(80), Geburtsdatum date,
  KontoName varchar(80), KontoNummer varchar(34), KontoInfo varchar(100), Benutzerkonto varchar(50));
CREATE TABLE Sitzungen (id int PRIMARY KEY, user_id int REFERENCES Personen(PersonID), started timestamp);
"""


def test_a_german_compound_written_in_parts_reads_as_the_compound(tmp_path: Path) -> None:
    got = _verdicts(tmp_path, ACCOUNTS_DE)
    number = got["Personen.KontoNummer"]
    assert number.category == "user.financial.bank_account", number
    assert number.confidence.value == "high"  # the strong term `kontonummer`, as `Kontonr` is
    # `Konto` alone is the bank account, not a login; a login's account is a `Benutzerkonto`
    assert got["Personen.KontoInfo"].category == "user.financial.bank_account", got["Personen.KontoInfo"]
    assert got["Personen.Benutzerkonto"].category == "user.account.username"
    assert got["Personen.KontoName"].category == "user.name"  # the account holder
    # only a German or Dutch compound of words of three letters or more: `user` + `id` is
    # no `userid`
    assert not got["Sitzungen.user_id"].personal


# -- R31b D6: an address table keyed only to a company holds the company's addresses

ADDRESSES = """
CREATE TABLE empresas (id integer PRIMARY KEY, nome text, cnpj text);
CREATE TABLE clientes (id integer PRIMARY KEY, nome text, cpf text);
CREATE TABLE departamentos (id integer PRIMARY KEY, nome text);
CREATE TABLE enderecos (id integer PRIMARY KEY, empresa_id integer REFERENCES empresas(id),
  departamento_id integer REFERENCES departamentos(id), logradouro text, cidade text, cep text,
  padrao boolean);
CREATE TABLE enderecos_clientes (id integer PRIMARY KEY, cliente_id integer REFERENCES clientes(id),
  empresa_id integer REFERENCES empresas(id), logradouro text, cidade text, cep text);
"""


def test_an_address_table_owned_only_by_an_organisation_is_not_peoples(tmp_path: Path) -> None:
    got = _verdicts(tmp_path, ADDRESSES)
    for column in ("logradouro", "cidade", "cep", "padrao"):
        verdict = got[f"enderecos.{column}"]
        assert not verdict.personal, verdict
    assert "'empresa_id' references 'empresas'" in got["enderecos.logradouro"].reasons[0]
    # a key to a person as well: a person's address still
    assert got["enderecos_clientes.logradouro"].category == "user.contact.address.street"


# -- R31b D7: a Pix key in either order, an account beside its bank, how many children

EMPLOYEES_PT = """
CREATE TABLE funcionarios (id integer PRIMARY KEY, nome text, cpf text, banco text, agencia text,
  conta text, chave_pix text, pix_chave text, filhos_qtd integer, login_tentativas integer);
CREATE TABLE usuarios (id integer PRIMARY KEY, nome text, email text, conta text);
"""


def test_a_pix_key_either_way_an_account_beside_its_bank_and_a_count_of_children(tmp_path: Path) -> None:
    got = _verdicts(tmp_path, EMPLOYEES_PT)
    assert got["funcionarios.chave_pix"].category == "user.financial.bank_account"
    assert got["funcionarios.pix_chave"].category == "user.financial.bank_account"
    conta = got["funcionarios.conta"]
    assert conta.category == "user.financial.bank_account", conta
    assert "beside the bank 'banco'" in conta.reason
    # with no bank beside it, `conta` says nothing of a bank
    assert got["usuarios.conta"].category != "user.financial.bank_account"
    # the number of one's children is their family situation, not what they did (and not
    # the children's own data either: no child is identified by a count)
    children = got["funcionarios.filhos_qtd"]
    assert children.category == "user.demographic", children
    assert got["funcionarios.login_tentativas"].category in ("user.behavior", None)


# -- R31a minor: a level of schooling in a fee table; a photo's URL; a note about an employee

MINOR = """
CREATE TABLE materias (id bigint PRIMARY KEY, nombre varchar(255), nivel_academico varchar(20));
CREATE TABLE cuotas (id bigint PRIMARY KEY, monto numeric(10,2), nivel_academico varchar(20));
CREATE TABLE personas (id bigint PRIMARY KEY, nombre varchar(255), dni varchar(20),
  nivel_academico varchar(20));
CREATE TABLE Base (BaseID int PRIMARY KEY, Name1 varchar(80), Geburtsdatum date, BildURL varchar(200),
  InfoMitarbeiter varchar(500), Webseite varchar(200));
"""


def test_a_level_of_schooling_a_photo_url_and_a_note_about_an_employee(tmp_path: Path) -> None:
    got = _verdicts(tmp_path, MINOR)
    assert not got["materias.nivel_academico"].personal, got["materias.nivel_academico"]
    assert not got["cuotas.nivel_academico"].personal, got["cuotas.nivel_academico"]
    assert got["personas.nivel_academico"].category == "user.demographic.profile"
    # where the person's photo is kept is the photo, not a website of theirs
    assert got["Base.BildURL"].category == "user.content.self_image", got["Base.BildURL"]
    # information about the employee is text about them, not their name
    assert got["Base.InfoMitarbeiter"].category == "user.content.private", got["Base.InfoMitarbeiter"]
