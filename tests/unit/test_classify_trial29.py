"""trial29: classifier verdicts that reviewers working cnsnt's unsure lists found wrong.

Every schema here is written for these tests after the reviewers' reports (a clinic whose
staff table was read as a register of patients, its till and stock filed as health data),
read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify.tables import LINKED, LOOKUP, ORGANISATION, PEOPLE, table_verdicts
from cnsnt.evidence import Classification
from tests.unit.schema_entry import schema_tables as _tables
from tests.unit.schema_entry import schema_verdicts as _verdicts


def _health(verdict: Classification) -> bool:
    return verdict.personal and str(verdict.category).startswith("user.health")


# -- item 1: one wrong table verdict that spreads (trials C, E, G)

# a small practice: its staff log in, record care keyed to the patient, and run a till
_PRACTICE = """
CREATE TABLE users (id INT PRIMARY KEY, login VARCHAR(50), full_name VARCHAR(100),
  job VARCHAR(30));
CREATE TABLE patients (id INT PRIMARY KEY, first_name VARCHAR(50), last_name VARCHAR(50),
  birth_date DATE);
CREATE TABLE diagnoses (id INT PRIMARY KEY, patient_id INT REFERENCES patients(id),
  user_id INT REFERENCES users(id), code VARCHAR(10), noted_on DATE);
CREATE TABLE prescriptions (id INT PRIMARY KEY, patient_id INT REFERENCES patients(id),
  user_id INT REFERENCES users(id), drug VARCHAR(80), dose VARCHAR(20));
CREATE TABLE vaccinations (id INT PRIMARY KEY, patient_id INT REFERENCES patients(id),
  user_id INT REFERENCES users(id), vaccine VARCHAR(80), given_on DATE);
CREATE TABLE shift_reports (id INT PRIMARY KEY, user_id INT REFERENCES users(id),
  shift VARCHAR(10), opened_at TIME, closed_at TIME, remarks TEXT);
"""


def test_staff_whom_care_records_keyed_to_a_patient_point_at_are_no_patients(tmp_path: Path) -> None:
    """`diagnoses(patient_id, user_id)`: the patient key says whose care it is, so the
    other person it points at recorded it. Their table is no register of patients, and their
    own shift reports are no health data (trial29 E: 182 of 233 rows of a clinic's list)."""
    verdicts = table_verdicts(_tables(tmp_path, _PRACTICE))
    assert "register of patients" not in verdicts["shift_reports"].reason
    assert not verdicts["shift_reports"].context.health
    got = _verdicts(tmp_path, _PRACTICE)
    for key in ("shift_reports.shift", "shift_reports.opened_at", "shift_reports.remarks"):
        assert not _health(got[key]), (key, got[key])
    # the care records themselves stay health data
    assert _health(got["diagnoses.code"]), got["diagnoses.code"]
    assert _health(got["prescriptions.dose"]), got["prescriptions.dose"]


def test_a_table_of_care_givers_is_no_register_of_patients(tmp_path: Path) -> None:
    """`doctors` that diagnoses and prescriptions point at gave the care: their holidays are
    theirs, no care anyone received, though no patient key says so."""
    ddl = """
    CREATE TABLE doctors (id INT PRIMARY KEY, first_name VARCHAR(50), last_name VARCHAR(50));
    CREATE TABLE diagnoses (id INT PRIMARY KEY, doctor_id INT REFERENCES doctors(id), code VARCHAR(10));
    CREATE TABLE prescriptions (id INT PRIMARY KEY, doctor_id INT REFERENCES doctors(id), drug VARCHAR(80));
    CREATE TABLE vaccinations (id INT PRIMARY KEY, doctor_id INT REFERENCES doctors(id), vaccine VARCHAR(80));
    CREATE TABLE doctor_holidays (id INT PRIMARY KEY, doctor_id INT REFERENCES doctors(id),
      starts_on DATE, ends_on DATE, remarks TEXT);
    """
    verdicts = table_verdicts(_tables(tmp_path, ddl))
    assert not verdicts["doctor_holidays"].context.health, verdicts["doctor_holidays"]
    got = _verdicts(tmp_path, ddl)
    assert not _health(got["doctor_holidays.starts_on"]), got["doctor_holidays.starts_on"]


def test_a_patients_row_that_care_records_point_at_beside_the_patient_stays_theirs(tmp_path: Path) -> None:
    """An appointment keyed to its patient and naming them (`agenda(patient_id, name, phone)`)
    is the patient's own row, not staff's: the care records that point at it and at the
    patient still make it a register of patients, so its other rows are care too."""
    ddl = """
    CREATE TABLE patients (id INT PRIMARY KEY, first_name VARCHAR(50), last_name VARCHAR(50));
    CREATE TABLE agenda (id INT PRIMARY KEY, patient_id INT REFERENCES patients(id),
      name VARCHAR(100), mobile_phone VARCHAR(20), slot TIMESTAMP);
    CREATE TABLE anamneses (id INT PRIMARY KEY, patient_id INT REFERENCES patients(id),
      agenda_id INT REFERENCES agenda(id), complaint TEXT);
    CREATE TABLE prescriptions (id INT PRIMARY KEY, patient_id INT REFERENCES patients(id),
      agenda_id INT REFERENCES agenda(id), drug VARCHAR(80));
    CREATE TABLE diagnoses (id INT PRIMARY KEY, patient_id INT REFERENCES patients(id),
      agenda_id INT REFERENCES agenda(id), code VARCHAR(10));
    CREATE TABLE agenda_items (id INT PRIMARY KEY, agenda_id INT REFERENCES agenda(id),
      procedure_code VARCHAR(20), quantity INT);
    """
    verdicts = table_verdicts(_tables(tmp_path, ddl))
    assert verdicts["agenda_items"].context.health, verdicts["agenda_items"]


def test_money_stock_and_messages_keyed_to_a_patient_are_no_care(tmp_path: Path) -> None:
    """A patient's payment, a till session, a stock movement or a message is theirs, not care
    they received (Recital 35): a sum there is `user.financial` at most, in any language."""
    ddl = """
    CREATE TABLE patients (id INT PRIMARY KEY, first_name VARCHAR(50), last_name VARCHAR(50));
    CREATE TABLE payments (id INT PRIMARY KEY, patient_id INT REFERENCES patients(id),
      amount DECIMAL(10,2), method VARCHAR(20), paid_on DATE);
    CREATE TABLE cobros (id INT PRIMARY KEY, paciente_id INT REFERENCES patients(id),
      total DECIMAL(10,2), turno VARCHAR(10));
    CREATE TABLE stok_hareket (id INT PRIMARY KEY, hasta_id INT REFERENCES patients(id),
      miktar INT, hareket_tarihi DATE);
    CREATE TABLE messages (id INT PRIMARY KEY, patient_id INT REFERENCES patients(id),
      body TEXT, sent_at TIMESTAMP);
    CREATE TABLE consultations (id INT PRIMARY KEY, patient_id INT REFERENCES patients(id),
      complaint TEXT, seen_on DATE);
    CREATE TABLE consultation_invoices (id INT PRIMARY KEY,
      consultation_id INT REFERENCES consultations(id), amount DECIMAL(10,2), issued_on DATE);
    """
    verdicts = table_verdicts(_tables(tmp_path, ddl))
    for table in ("payments", "cobros", "stok_hareket", "messages", "consultation_invoices"):
        assert not verdicts[table].context.health, (table, verdicts[table])
    assert "not their care" in verdicts["payments"].reason
    got = _verdicts(tmp_path, ddl)
    for key in (
        "payments.amount", "payments.method", "payments.paid_on", "cobros.total", "cobros.turno",
        "stok_hareket.miktar", "messages.body", "consultation_invoices.amount",
    ):  # fmt: skip
        assert not _health(got[key]), (key, got[key])
    assert got["payments.amount"].category == "user.financial", got["payments.amount"]
    assert got["messages.body"].category == "user.content.private", got["messages.body"]
    # the consultation itself is care
    assert _health(got["consultations.complaint"]), got["consultations.complaint"]


# -- item 2: catalogue, lookup and join tables read as people (trials C, F, G)


def test_a_table_named_for_kinds_or_entries_with_nothing_of_a_person_is_a_lookup(tmp_path: Path) -> None:
    """`tipus_absencia_alumne` lists the kinds of a pupil's absence and `dictionary_member_profiles`
    a catalogue's entries, though a people word follows the head: nothing in them names or
    reaches a person, so they are lookups, and a key to one (a join's) links no one."""
    ddl = """
    CREATE TABLE alumnes (id INT PRIMARY KEY, nom VARCHAR(50), cognoms VARCHAR(80));
    CREATE TABLE tipus_absencia_alumne (idtipus_absencia_alumne INT PRIMARY KEY,
      tipus_absencia VARCHAR(45), comentari VARCHAR(100));
    CREATE TABLE dictionaries (id INT PRIMARY KEY, title VARCHAR(100));
    CREATE TABLE dictionary_member_profiles (profile_id INT PRIMARY KEY,
      dict_id INT REFERENCES dictionaries(id), level_no INT);
    CREATE TABLE dictionary_member_profiles_items (
      dictionary_member_profiles_profile_id INT REFERENCES dictionary_member_profiles(profile_id),
      item_no INT);
    CREATE TABLE members (id INT PRIMARY KEY, first_name VARCHAR(50), last_name VARCHAR(50));
    CREATE TABLE type_member_contacts (id INT PRIMARY KEY, member_id INT REFERENCES members(id),
      email VARCHAR(100), remarks TEXT);
    """
    verdicts = table_verdicts(_tables(tmp_path, ddl))
    for name in ("tipus_absencia_alumne", "dictionary_member_profiles"):
        assert verdicts[name].kind == LOOKUP, (name, verdicts[name])
    assert verdicts["dictionary_member_profiles_items"].kind not in (PEOPLE, LINKED)
    got = _verdicts(tmp_path, ddl)
    assert not got["tipus_absencia_alumne.comentari"].personal, got["tipus_absencia_alumne.comentari"]
    assert not got["dictionary_member_profiles.level_no"].personal
    # a kind-headed name keyed to a person, with an e-mail, stays theirs
    assert verdicts["type_member_contacts"].kind in (PEOPLE, LINKED), verdicts["type_member_contacts"]
    assert got["type_member_contacts.remarks"].personal, got["type_member_contacts.remarks"]


def test_a_unit_of_an_organisation_with_a_phone_is_no_person(tmp_path: Path) -> None:
    """A faculty's or a sector's row (`facultades`, `setores`, `wydzialy`) with its phone and
    e-mail is the unit's; a person's own `setor` still says where they work."""
    ddl = """
    CREATE TABLE facultades (id INT PRIMARY KEY, nombre VARCHAR(100), telefono VARCHAR(20),
      email VARCHAR(100));
    CREATE TABLE setores (id INT PRIMARY KEY, nome_setor VARCHAR(100), email_principal VARCHAR(150),
      telefone VARCHAR(20));
    CREATE TABLE wydzialy (id INT PRIMARY KEY, nazwa VARCHAR(255), telefon VARCHAR(15), fax VARCHAR(15));
    CREATE TABLE funcionarios (id INT PRIMARY KEY, nome VARCHAR(100), cpf VARCHAR(14), setor VARCHAR(50));
    """
    verdicts = table_verdicts(_tables(tmp_path, ddl))
    for name in ("facultades", "setores", "wydzialy"):
        assert verdicts[name].kind == ORGANISATION, (name, verdicts[name])
    got = _verdicts(tmp_path, ddl)
    for key in ("facultades.telefono", "facultades.email", "setores.email_principal", "setores.telefone",
                "wydzialy.telefon", "wydzialy.nazwa"):  # fmt: skip
        assert not got[key].personal, (key, got[key])
    assert got["funcionarios.setor"].personal, got["funcionarios.setor"]


def test_a_health_word_in_a_table_about_places_is_no_ones_health(tmp_path: Path) -> None:
    """A room adapted for disabled people (`habitaciones.discapacidad`) is what the place
    offers: Art. 9 protects a natural person's health, and no person is in the row."""
    ddl = """
    CREATE TABLE habitaciones (id INT PRIMARY KEY, numero VARCHAR(10), discapacidad BOOLEAN, plazas INT);
    CREATE TABLE huespedes (id INT PRIMARY KEY, nombre VARCHAR(50), apellidos VARCHAR(80),
      discapacidad BOOLEAN);
    """
    got = _verdicts(tmp_path, ddl)
    assert not got["habitaciones.discapacidad"].personal, got["habitaciones.discapacidad"]
    assert _health(got["huespedes.discapacidad"]), got["huespedes.discapacidad"]


# -- item 3: word senses reviewers reported


def test_medico_is_a_doctor_in_spanish_and_portuguese_not_health_data(tmp_path: Path) -> None:
    """`monto_medico` is the doctor's pay and `medico_vacaciones` a doctor's holidays in a
    Spanish schema: `medico` is medical only in Italian, where it stays a health word."""
    ddl = """
    CREATE TABLE medicos (id INT PRIMARY KEY, nombre VARCHAR(100), apellido VARCHAR(100),
      correo_electronico VARCHAR(100), fecha_nacimiento DATE, direccion VARCHAR(200));
    CREATE TABLE pacientes (id INT PRIMARY KEY, nombre VARCHAR(100), apellido VARCHAR(100),
      telefono_celular VARCHAR(20), ciudad VARCHAR(80));
    CREATE TABLE medico_vacaciones (id INT PRIMARY KEY, medico_id INT REFERENCES medicos(id),
      desde DATE, hasta DATE, motivo VARCHAR(200));
    CREATE TABLE tarifas_medicos (id INT PRIMARY KEY, medico_id INT REFERENCES medicos(id),
      monto_medico DECIMAL(10,2), porcentaje_medico DECIMAL(5,2));
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("medico_vacaciones.desde", "medico_vacaciones.motivo", "tarifas_medicos.monto_medico",
                "tarifas_medicos.porcentaje_medico"):  # fmt: skip
        assert got[key].personal and not _health(got[key]), (key, got[key])


def test_a_value_in_a_table_of_contacts_is_the_contact(tmp_path: Path) -> None:
    """`contactes_soci(id_tipus_contacte, valor)`: the phone or e-mail a kind column types, no sum."""
    ddl = """
    CREATE TABLE socis (id INT PRIMARY KEY, nom VARCHAR(50), cognoms VARCHAR(80));
    CREATE TABLE contactes_soci (id INT PRIMARY KEY, id_soci INT REFERENCES socis(id),
      id_tipus_contacte INT, valor VARCHAR(145));
    CREATE TABLE quotes_soci (id INT PRIMARY KEY, id_soci INT REFERENCES socis(id), valor DECIMAL(8,2));
    """
    got = _verdicts(tmp_path, ddl)
    assert got["contactes_soci.valor"].category == "user.contact", got["contactes_soci.valor"]
    assert got["quotes_soci.valor"].category == "user.financial", got["quotes_soci.valor"]


def test_pass_before_user_is_a_password_and_pec_is_italian_only(tmp_path: Path) -> None:
    """`passUtilisateur`-style `passUser` is the user's password, not their login; a French
    `numeroPEC` (prise en charge) is no certified e-mail, which `pec` is in Italian only."""
    ddl = """
    CREATE TABLE Utilisateurs (idUser INT PRIMARY KEY, loginUser VARCHAR(50), passUser VARCHAR(255),
      nomUtilisateur VARCHAR(50), prenomUtilisateur VARCHAR(50));
    CREATE TABLE Dossiers (idDossier INT PRIMARY KEY, numeroPEC VARCHAR(30), dateOuverture DATE,
      montantFacture DECIMAL(10,2));
    """
    got = _verdicts(tmp_path, ddl)
    assert got["Utilisateurs.passUser"].category == "user.authorization.password", got["Utilisateurs.passUser"]
    assert got["Dossiers.numeroPEC"].category != "user.contact.email", got["Dossiers.numeroPEC"]
    italian = """
    CREATE TABLE iscritti (id INT PRIMARY KEY, nome VARCHAR(50), cognome VARCHAR(50), pec VARCHAR(100));
    """
    got = _verdicts(tmp_path / "it", italian)
    assert got["iscritti.pec"].category == "user.contact.email", got["iscritti.pec"]


def test_rne_outside_a_portuguese_word_is_no_sure_immigration_document(tmp_path: Path) -> None:
    """`medicos.rne` (Peru's register of medical specialists) is not read at high confidence as
    Brazil's foreigners' register: three letters name other registers elsewhere."""
    ddl = """
    CREATE TABLE medicos (id INT PRIMARY KEY, nombre VARCHAR(100), apellido VARCHAR(100), rne VARCHAR(20));
    CREATE TABLE pedidos (id INT PRIMARY KEY, rne VARCHAR(20), fecha DATE);
    """
    got = _verdicts(tmp_path, ddl)
    assert got["medicos.rne"].confidence.value != "high", got["medicos.rne"]
    assert not got["pedidos.rne"].personal, got["pedidos.rne"]


# -- item 4: records of one person's results (trial D)


def test_a_result_keyed_to_one_person_and_one_assessment_is_theirs(tmp_path: Path) -> None:
    """`resultados_prova(matricula_id, prova_id, nota, parecer)`: one pupil's mark in one test,
    though the test leads to its class's teacher; a row of two records that keeps no results
    (`presencas`, an attendance of an enrolment at a test) is the pupil's through their
    enrolment, the nearer record about a person (cls40a; it was no one's), but its room is not
    a result of theirs."""
    ddl = """
    CREATE TABLE professores (id INT PRIMARY KEY, nome VARCHAR(100), email VARCHAR(100));
    CREATE TABLE periodos (id INT PRIMARY KEY, inicio DATE, fim DATE);
    CREATE TABLE turmas (id INT PRIMARY KEY, professor_id INT REFERENCES professores(id),
      periodo_id INT REFERENCES periodos(id), sala VARCHAR(20));
    CREATE TABLE alunos (id INT PRIMARY KEY, nome VARCHAR(100), data_nascimento DATE);
    CREATE TABLE matriculas (id INT PRIMARY KEY, aluno_id INT REFERENCES alunos(id), ano INT);
    CREATE TABLE provas (id INT PRIMARY KEY, turma_id INT REFERENCES turmas(id),
      periodo_id INT REFERENCES periodos(id), data_prova DATE, peso DOUBLE PRECISION);
    CREATE TABLE resultados_prova (id INT PRIMARY KEY, matricula_id INT REFERENCES matriculas(id),
      prova_id INT REFERENCES provas(id), nota DOUBLE PRECISION, parecer VARCHAR(255));
    CREATE TABLE presencas (id INT PRIMARY KEY, matricula_id INT REFERENCES matriculas(id),
      prova_id INT REFERENCES provas(id), sala VARCHAR(20));
    """
    verdicts = table_verdicts(_tables(tmp_path, ddl))
    assert verdicts["resultados_prova"].kind == LINKED, verdicts["resultados_prova"]
    got = _verdicts(tmp_path, ddl)
    for key in ("resultados_prova.nota", "resultados_prova.parecer"):
        assert got[key].personal, (key, got[key])
    assert verdicts["presencas"].kind == LINKED, verdicts["presencas"]
    assert "'matricula_id' references 'matriculas'" in verdicts["presencas"].reason
    assert not got["presencas.sala"].personal, got["presencas.sala"]
