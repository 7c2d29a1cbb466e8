"""review29 D1, D3 and D4: a hospital's clinical records, admissions, rooms and beds.

Every schema here is written for these tests after the repros of review29 (a Brazilian
hospital's patients, doctors, consultations, admissions and clinical records), read
through the SQL reader as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify import classify_tables, table_verdicts
from cnsnt.evidence import Classification, Table
from tests.unit.schema_entry import read_entry, write_files

PEOPLE = """
CREATE TABLE pacientes (id INT PRIMARY KEY, nome TEXT, cpf TEXT, logradouro TEXT, numero TEXT);
CREATE TABLE medicos (id INT PRIMARY KEY, nome TEXT, cpf TEXT, crm TEXT);
"""


def _read(tmp_path: Path, ddl: str, dialect: str = "postgres") -> list[Table]:
    write_files(tmp_path, {"schema.sql": PEOPLE + ddl})
    return list(read_entry(tmp_path, "schema.sql", dialect=dialect).tables)


def _verdicts(tmp_path: Path, ddl: str, dialect: str = "postgres") -> dict[str, Classification]:
    return classify_tables(_read(tmp_path, ddl, dialect))


# -- D1: the entry a doctor writes in a patient's consultation is the patient's care

CLINICAL = """
CREATE TABLE consultas (id INT PRIMARY KEY, paciente_id INT REFERENCES pacientes(id),
  medico_id INT REFERENCES medicos(id), inicio TIMESTAMP);
CREATE TABLE registros_clinicos (id INT PRIMARY KEY, consulta_id INT REFERENCES consultas(id),
  medico_id INT REFERENCES medicos(id), queixa TEXT, evolucao TEXT, conduta TEXT);
CREATE TABLE anexos_clinicos (id INT PRIMARY KEY,
  registro_clinico_id INT REFERENCES registros_clinicos(id), nome_arquivo TEXT, url_arquivo TEXT);
"""


def test_a_clinical_entry_under_a_consultation_is_the_patients_health_data(tmp_path: Path) -> None:
    """The doctor's key says who wrote it; the consultation it points at says whose care it is."""
    got = _verdicts(tmp_path, CLINICAL)
    for column in ("queixa", "evolucao", "conduta"):
        verdict = got[f"registros_clinicos.{column}"]
        assert verdict.personal and verdict.category == "user.health", verdict
    reason = table_verdicts(_read(tmp_path, CLINICAL))["registros_clinicos"].reason
    assert reason.startswith("'consulta_id' references 'consultas', a person's health or care record"), reason
    assert "who gave or recorded the care, not whom it is about" in reason


def test_the_attachments_of_a_clinical_entry_are_part_of_it(tmp_path: Path) -> None:
    """`anexos_clinicos` points at the entry: its files are the patient's health record too."""
    got = _verdicts(tmp_path, CLINICAL)
    for column in ("nome_arquivo", "url_arquivo"):
        verdict = got[f"anexos_clinicos.{column}"]
        assert verdict.personal and verdict.category == "user.health", verdict


def test_whoever_stands_across_a_patients_care_record_gives_the_care(tmp_path: Path) -> None:
    """`profissionais` is named for no care giver; consultations of patients point at it, so it gives care."""
    ddl = """
    CREATE TABLE profissionais (id INT PRIMARY KEY, nome TEXT, cpf TEXT, registro_conselho TEXT);
    CREATE TABLE atendimentos (id INT PRIMARY KEY, paciente_id INT REFERENCES pacientes(id),
      profissional_id INT REFERENCES profissionais(id), inicio TIMESTAMP);
    CREATE TABLE evolucoes (id INT PRIMARY KEY, atendimento_id INT REFERENCES atendimentos(id),
      profissional_id INT REFERENCES profissionais(id), texto TEXT);
    """
    verdict = _verdicts(tmp_path, ddl)["evolucoes.texto"]
    assert verdict.category == "user.health", verdict


def test_a_record_about_a_doctor_that_points_at_no_care_stays_theirs(tmp_path: Path) -> None:
    """A doctor's own schedule is the doctor's data, not anyone's health."""
    ddl = """
    CREATE TABLE consultas (id INT PRIMARY KEY, paciente_id INT REFERENCES pacientes(id),
      medico_id INT REFERENCES medicos(id), inicio TIMESTAMP);
    CREATE TABLE agendas (id INT PRIMARY KEY, medico_id INT REFERENCES medicos(id), observacao TEXT);
    """
    verdict = _verdicts(tmp_path, ddl)["agendas.observacao"]
    assert verdict.personal and not (verdict.category or "").startswith("user.health"), verdict


def test_a_diagnostic_hypothesis_reads_as_a_diagnosis_in_portuguese(tmp_path: Path) -> None:
    """`hipotesesDiagnosticas`: the adjective is no form of `diagnostico`, so the phrase is a term."""
    ddl = """
    CREATE TABLE prontuarios (id INT PRIMARY KEY, hipoteses_diagnosticas TEXT,
      "hipotesesDiagnosticas" TEXT, queixa_principal TEXT, "exameFisico" TEXT);
    """
    got = _verdicts(tmp_path, ddl)
    for column in ("hipoteses_diagnosticas", "hipotesesDiagnosticas", "queixa_principal", "exameFisico"):
        verdict = got[f"prontuarios.{column}"]
        assert verdict.personal and verdict.category == "user.health", verdict
        assert "means health data (pt)" in verdict.reason, verdict


# -- D3: how an admission went is care, like when it began


def test_the_discharge_date_of_an_admission_is_health_data_like_its_start(tmp_path: Path) -> None:
    """`alta` is a discharge in a care record, not the row's registration (Recital 35)."""
    ddl = """
    CREATE TABLE internacoes (id INT PRIMARY KEY, paciente_id INT REFERENCES pacientes(id),
      data_entrada TIMESTAMP, data_prevista_alta TIMESTAMP, data_efetiva_alta TIMESTAMP,
      status TEXT, usuario_alta TEXT, created_at TIMESTAMP);
    """
    got = _verdicts(tmp_path, ddl)
    for column in ("data_entrada", "data_prevista_alta", "data_efetiva_alta"):
        verdict = got[f"internacoes.{column}"]
        assert verdict.personal and verdict.category == "user.health", verdict
    # a status whose values are unknown may be a workflow's: no "high" that hides it
    assert got["internacoes.status"].confidence.value != "high", got["internacoes.status"]
    # who registered the row, and when the row was written, stay the row's own
    assert got["internacoes.usuario_alta"].category != "user.health", got["internacoes.usuario_alta"]
    assert not got["internacoes.created_at"].personal


def test_alta_outside_a_care_record_is_no_care(tmp_path: Path) -> None:
    """`clientes.data_alta` in a shop's customers: when they were registered, no discharge."""
    ddl = "CREATE TABLE clientes (id INT PRIMARY KEY, nome TEXT, email TEXT, data_alta TIMESTAMP);"
    verdict = _verdicts(tmp_path, ddl)["clientes.data_alta"]
    assert not (verdict.category or "").startswith("user.health"), verdict


def test_a_status_whose_values_say_the_patient_died_is_health_data(tmp_path: Path) -> None:
    """`ENUM('ATIVA', 'CONCLUIDA_ALTA', 'CONCLUIDA_OBITO')`: discharged or dead, how the care went."""
    ddl = """
    CREATE TABLE internacoes (id INT PRIMARY KEY, paciente_id INT REFERENCES pacientes(id),
      data_entrada DATETIME, status ENUM('ATIVA', 'CONCLUIDA_ALTA', 'CONCLUIDA_OBITO'),
      fila ENUM('ABERTA', 'FECHADA'));
    """
    got = _verdicts(tmp_path, ddl, dialect="mysql")
    assert got["internacoes.status"].category == "user.health", got["internacoes.status"]
    assert "CONCLUIDA_ALTA" in got["internacoes.status"].reason
    assert not got["internacoes.fila"].personal, got["internacoes.fila"]


# -- D4: rooms and beds an admission points at are the hospital's, not the patient's

WARDS = """
CREATE TABLE quartos (id INT PRIMARY KEY, numero_quarto TEXT, capacidade INT);
CREATE TABLE leitos (id INT PRIMARY KEY, quarto_id INT REFERENCES quartos(id), identificacao TEXT);
CREATE TABLE internacoes (id INT PRIMARY KEY, paciente_id INT REFERENCES pacientes(id),
  leito_id INT REFERENCES leitos(id), data_entrada TIMESTAMP);
"""


def test_the_rooms_and_beds_an_admission_points_at_are_no_ones_health(tmp_path: Path) -> None:
    """A bed is there with no patient in it: an admission points at it as at a list of values."""
    got = _verdicts(tmp_path, WARDS)
    for key in ("quartos.numero_quarto", "quartos.capacidade", "leitos.identificacao"):
        assert not got[key].personal, (key, got[key])
    assert got["internacoes.data_entrada"].category == "user.health"


def test_a_numbered_thing_a_care_record_points_at_is_no_part_of_it(tmp_path: Path) -> None:
    """`consultorios(numero_consultorio)`: a consulting room by its number, whatever its name."""
    ddl = """
    CREATE TABLE consultorios (id INT PRIMARY KEY, numero_consultorio TEXT, andar TEXT);
    CREATE TABLE consultas (id INT PRIMARY KEY, paciente_id INT REFERENCES pacientes(id),
      consultorio_id INT REFERENCES consultorios(id), inicio TIMESTAMP);
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("consultorios.numero_consultorio", "consultorios.andar"):
        assert not got[key].personal, (key, got[key])


def test_the_findings_a_care_record_points_at_are_still_part_of_it(tmp_path: Path) -> None:
    """An examination that keeps one leg's findings in a row it points at: those are its findings."""
    ddl = """
    CREATE TABLE achados_perna (id INT PRIMARY KEY, comentario TEXT, medida REAL);
    CREATE TABLE exames (id INT PRIMARY KEY, paciente_id INT REFERENCES pacientes(id),
      perna_direita_id INT REFERENCES achados_perna(id), realizado TIMESTAMP);
    """
    got = _verdicts(tmp_path, ddl)
    assert got["achados_perna.comentario"].category == "user.health", got["achados_perna.comentario"]


def test_a_bare_number_beside_the_street_is_the_house_number(tmp_path: Path) -> None:
    """`pacientes(logradouro, numero)`: the number a letter needs, not a datum of care."""
    got = _verdicts(tmp_path, "")
    verdict = got["pacientes.numero"]
    assert verdict.category == "user.contact.address.street", verdict
    assert "beside the street 'logradouro'" in verdict.reason


def test_a_bare_number_with_no_street_stays_a_number_of_theirs(tmp_path: Path) -> None:
    """`socios(nome, numero)`: a member's number, no address."""
    ddl = "CREATE TABLE socios (id INT PRIMARY KEY, nome TEXT, email TEXT, numero TEXT);"
    verdict = _verdicts(tmp_path, ddl)["socios.numero"]
    assert verdict.category == "user.unique_id", verdict
