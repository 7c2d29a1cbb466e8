"""cls33c (session 33): special categories (GDPR Art. 9) the tune half's errors showed filed wrong.

Every schema here is written for these tests (a care home's residents and their checks, a
gym's members and their measurements, a dental practice's estimates), read as `cnsnt init`
reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import Classification
from tests.unit.schema_entry import schema_verdicts as _verdicts


def _health(verdict: Classification) -> bool:
    return verdict.personal and str(verdict.category).startswith("user.health")


# -- a record of a body's state measured, named in the language of the schema

CARE_HOME = """
CREATE TABLE residentes (id INT PRIMARY KEY, nombre VARCHAR(60), apellido VARCHAR(60),
  fecha_nacimiento DATE);
CREATE TABLE signos_vitales (id INT PRIMARY KEY, residente_id INT REFERENCES residentes(id),
  fecha DATE, sistolica SMALLINT, diastolica SMALLINT, deposiciones VARCHAR(20));
CREATE TABLE epicrisis (id INT PRIMARY KEY, residente_id INT REFERENCES residentes(id),
  egreso DATE, sintesis TEXT);
CREATE TABLE interconsultas (id INT PRIMARY KEY, residente_id INT REFERENCES residentes(id),
  dia DATE, lugar VARCHAR(40), preparacion VARCHAR(50));
"""

GYM = """
CREATE TABLE alunos (id INT PRIMARY KEY, nome VARCHAR(60), email VARCHAR(80));
CREATE TABLE avaliacao_fisica (id INT PRIMARY KEY, aluno_id INT REFERENCES alunos(id),
  data_avaliacao DATE, cintura_cm FLOAT, dobra_abdominal_mm FLOAT);
CREATE TABLE members (id INT PRIMARY KEY, first_name VARCHAR(60), email VARCHAR(80));
CREATE TABLE measurements (id INT PRIMARY KEY, member_id INT REFERENCES members(id),
  taken_on DATE, value NUMERIC(6,2), notes VARCHAR(100));
"""


def test_vital_signs_a_discharge_summary_and_a_referral_are_care(tmp_path: Path) -> None:
    """`signos_vitales`, `epicrisis`, `interconsultas` keyed to a resident: the blood pressure,
    the discharge and the specialist consulted are health data (Art. 4(15)), though no
    column of theirs names a health term."""
    got = _verdicts(tmp_path, CARE_HOME)
    for key in (
        "signos_vitales.sistolica",
        "signos_vitales.deposiciones",
        "signos_vitales.fecha",
        "epicrisis.sintesis",
        "epicrisis.egreso",
        "interconsultas.lugar",
        "interconsultas.preparacion",
    ):
        assert _health(got[key]), (key, got[key])
    assert not _health(got["residentes.nombre"]), got["residentes.nombre"]


def test_a_physical_assessment_and_measurements_of_a_member_are_care(tmp_path: Path) -> None:
    """A gym's `avaliacao_fisica` (waist, skinfolds) and `measurements` keyed to a member
    chart their body: health data, not a plain fact about them."""
    got = _verdicts(tmp_path, GYM)
    for key in (
        "avaliacao_fisica.cintura_cm",
        "avaliacao_fisica.dobra_abdominal_mm",
        "measurements.value",
        "measurements.notes",
    ):
        assert _health(got[key]), (key, got[key])
    assert not _health(got["alunos.email"]), got["alunos.email"]


# -- an estimate of money is no care; the treatment it plans is

DENTAL = """
CREATE TABLE pacientes (id INT PRIMARY KEY, nome VARCHAR(60), cpf VARCHAR(14),
  data_nascimento DATE);
CREATE TABLE consultas (id INT PRIMARY KEY, paciente_id INT REFERENCES pacientes(id),
  data DATE, queixa TEXT);
CREATE TABLE orcamento (id INT PRIMARY KEY, paciente_id INT REFERENCES pacientes(id),
  data_orcamento DATE, valor_total DECIMAL(10,2), entrada DECIMAL(10,2), aprovado TINYINT(1));
CREATE TABLE orcamento_procedimento (id INT PRIMARY KEY,
  orcamento_id INT REFERENCES orcamento(id), procedimento VARCHAR(80), dente VARCHAR(10));
CREATE TABLE descuentos (id INT PRIMARY KEY, paciente_id INT REFERENCES pacientes(id),
  fecha DATE, motivo VARCHAR(100));
"""


def test_an_estimate_or_a_discount_for_a_patient_is_no_care(tmp_path: Path) -> None:
    """`orcamento(paciente_id, valor_total)`, `descuentos(paciente_id, motivo)`: a price quoted
    to the patient or a discount granted is their money, no care they received: not Art. 9."""
    got = _verdicts(tmp_path, DENTAL)
    for key in ("orcamento.data_orcamento", "orcamento.valor_total", "orcamento.entrada", "descuentos.motivo"):
        assert not _health(got[key]), (key, got[key])
    assert got["orcamento.valor_total"].personal, got["orcamento.valor_total"]
    # the consultation stays care
    assert _health(got["consultas.queixa"]), got["consultas.queixa"]


def test_the_procedures_an_estimate_plans_stay_care(tmp_path: Path) -> None:
    """`orcamento_procedimento(procedimento, dente)`: the treatment planned for the patient
    (which tooth, which procedure) is data concerning health, though the estimate is money."""
    got = _verdicts(tmp_path, DENTAL)
    for key in ("orcamento_procedimento.procedimento", "orcamento_procedimento.dente"):
        assert _health(got[key]), (key, got[key])


# -- a baptism's date or place says which church is the person's

PARISH = """
CREATE TABLE persona (id INT PRIMARY KEY, nom VARCHAR(50), cognoms VARCHAR(80),
  data_naixement DATE, data_bateig DATE);
CREATE TABLE membros (id INT PRIMARY KEY, nome VARCHAR(50), cpf VARCHAR(14),
  batismo_em_aguas DATE, local_batismo VARCHAR(100));
CREATE TABLE ogrenci (id INT PRIMARY KEY, ad VARCHAR(50), soyad VARCHAR(50));
CREATE TABLE hafizlik_takip (id INT PRIMARY KEY, ogrenci_id INT REFERENCES ogrenci(id),
  hafizlik_sayfa VARCHAR(10), hafizlik_tarih DATE);
"""


def test_a_baptism_or_learning_the_quran_by_heart_is_a_religious_belief(tmp_path: Path) -> None:
    """`data_bateig`, `batismo_em_aguas DATE`, `local_batismo`: when and where a person was
    baptised, and a Qur'an course's record of what a pupil has learnt by heart (`hafizlik`),
    say what their religion is (Art. 9), not merely when they did something."""
    got = _verdicts(tmp_path, PARISH)
    for key in (
        "persona.data_bateig",
        "membros.batismo_em_aguas",
        "membros.local_batismo",
        "hafizlik_takip.hafizlik_sayfa",
        "hafizlik_takip.hafizlik_tarih",
    ):
        assert got[key].personal and got[key].category == "user.demographic.religious_belief", (key, got[key])
    assert got["persona.data_naixement"].category == "user.demographic.date_of_birth"


# -- a care record's key to its visit or to who gave the care links rows

TRIAL = """
CREATE TABLE patients (id INT PRIMARY KEY, first_name VARCHAR(50), last_name VARCHAR(50),
  birth_date DATE);
CREATE TABLE study_visits (id INT PRIMARY KEY, label VARCHAR(30), week SMALLINT);
CREATE TABLE providers (id INT PRIMARY KEY, label VARCHAR(30));
CREATE TABLE icd_codes (id INT PRIMARY KEY, code VARCHAR(10), label VARCHAR(100));
CREATE TABLE adverse_events (id INT PRIMARY KEY, patient_id INT REFERENCES patients(id),
  visit_id INT REFERENCES study_visits(id), provider_id INT REFERENCES providers(id),
  icd_id INT REFERENCES icd_codes(id), onset DATE, severity SMALLINT);
"""


def test_a_care_records_key_to_its_visit_or_its_provider_is_a_link(tmp_path: Path) -> None:
    """`adverse_events.visit_id -> study_visits`, `provider_id -> providers`: the encounter
    the record belongs to and who gave the care are rows it links to, no diagnosis picked;
    the key to the list of diagnoses (`icd_id`) stays the patient's care."""
    got = _verdicts(tmp_path, TRIAL)
    for key in ("adverse_events.visit_id", "adverse_events.provider_id"):
        assert not got[key].personal, (key, got[key])
    assert _health(got["adverse_events.icd_id"]), got["adverse_events.icd_id"]


SCHOOL_NURSE = """
CREATE TABLE eleves (id INT PRIMARY KEY, nom VARCHAR(50), prenom VARCHAR(50), date_naissance DATE);
CREATE TABLE passages_infirmerie (id INT PRIMARY KEY, eleve_id INT REFERENCES eleves(id),
  date_passage TIMESTAMP, motif VARCHAR(255), orientation VARCHAR(20));
CREATE TABLE residents (id INT PRIMARY KEY, first_name VARCHAR(50), last_name VARCHAR(50));
CREATE TABLE nursing_plans (id INT PRIMARY KEY, resident_id INT REFERENCES residents(id),
  situation TEXT, goal TEXT);
"""


def test_a_visit_to_the_school_nurse_and_a_nursing_plan_are_care(tmp_path: Path) -> None:
    """`passages_infirmerie(motif, orientation)`, `nursing_plans(situation, goal)`: why a
    pupil saw the nurse and what a resident's nursing plan aims at are health data."""
    got = _verdicts(tmp_path, SCHOOL_NURSE)
    for key in ("passages_infirmerie.motif", "passages_infirmerie.orientation", "nursing_plans.situation", "nursing_plans.goal"):
        assert _health(got[key]), (key, got[key])
