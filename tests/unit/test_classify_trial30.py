"""trial30 (cls30c): classifier verdicts reviewers working cnsnt's unsure lists found wrong.

Every schema here is written for these tests after the reviewers' reports (a clinic's
appointment book read as the clinic's, a nursery's parent keys not read as links, an
anamnesis whose answers came as plain `user`, a files table's `ext` read as a phone's
extension), read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify.tables import LINKED, ORGANISATION, table_verdicts
from cnsnt.evidence import Classification
from tests.unit.schema_entry import schema_tables as _tables
from tests.unit.schema_entry import schema_verdicts as _verdicts


def _health(verdict: Classification) -> bool:
    return verdict.personal and str(verdict.category).startswith("user.health")


# -- item 5: structural readings


def test_a_clinics_table_naming_a_patients_national_id_is_the_patients(tmp_path: Path) -> None:
    """`consultas_clinica(cpf_paciente, ...)`: a clinic's word in the name, but the row names
    the patient it was booked for by CPF; no company has a patient's CPF (trial30 H)."""
    ddl = """
    CREATE TABLE consultas_clinica (id INT PRIMARY KEY, cpf_paciente VARCHAR(11),
      dia_consulta DATE, sala VARCHAR(20), motivo VARCHAR(60));
    CREATE TABLE clinicas (id INT PRIMARY KEY, nome VARCHAR(80), cnpj VARCHAR(14));
    """
    verdicts = table_verdicts(_tables(tmp_path, ddl))
    assert verdicts["consultas_clinica"].kind == LINKED, verdicts["consultas_clinica"]
    assert "cpf_paciente" in verdicts["consultas_clinica"].reason
    # the clinics' own table stays the organisations'
    assert verdicts["clinicas"].kind == ORGANISATION, verdicts["clinicas"]
    got = _verdicts(tmp_path, ddl)
    assert got["consultas_clinica.motivo"].personal, got["consultas_clinica.motivo"]
    assert got["consultas_clinica.dia_consulta"].personal, got["consultas_clinica.dia_consulta"]


_NURSERY = """
CREATE TABLE profilo (Id INT(11) PRIMARY KEY, Nome VARCHAR(30), Cognome VARCHAR(30),
  Email VARCHAR(50), CodiceFiscale CHAR(16));
CREATE TABLE domandafiglio (Id INT(11) PRIMARY KEY, ProfiloMadre INT(11), Nome VARCHAR(30),
  Cognome VARCHAR(30), DataNascita DATE);
CREATE TABLE versamento (Id INT(11) PRIMARY KEY, Importo DOUBLE, Causale VARCHAR(100),
  ProfiloMadre INT(11));
CREATE TABLE reclamo (Id INT(11) PRIMARY KEY, Domanda INT(11), Motivo TEXT, Esito VARCHAR(20));
CREATE TABLE rinuncia (Id INT(11) PRIMARY KEY, IdDomanda INT(11), Motivazione VARCHAR(200));
CREATE TABLE voce (Id INT(11) PRIMARY KEY, Archivio TINYINT(1), Testo VARCHAR(50));
CREATE TABLE archivio_utenti (Id INT(11) PRIMARY KEY, Nota VARCHAR(50));
"""


def test_a_key_named_for_a_table_and_a_role_is_a_key_to_that_table(tmp_path: Path) -> None:
    """`versamento.ProfiloMadre INT` beside `profilo(Id INT)`: the mother's row of `profilo`, so
    the payment is hers (trial30 H: `AccountGenitore` beside `account`). A table named by a
    word for people is no such table: `client_user` is a client's user, no client."""
    verdicts = table_verdicts(_tables(tmp_path, _NURSERY))
    assert verdicts["versamento"].kind == LINKED, verdicts["versamento"]
    assert "'ProfiloMadre' references 'profilo'" in verdicts["versamento"].reason
    got = _verdicts(tmp_path, _NURSERY)
    assert got["versamento.Importo"].personal, got["versamento.Importo"]


def test_a_bare_key_naming_the_one_thing_kept_of_people_is_a_key_to_it(tmp_path: Path) -> None:
    """`reclamo.Domanda INT`, `rinuncia.IdDomanda` beside `domandafiglio(Id INT)`: no table is
    named just `domanda`, and the one application the schema keeps is a child's (trial30 H:
    `Iscrizione` beside `iscrizionebambino`). A small whole number naming one (`voce.Archivio
    TINYINT(1)` beside `archivio_utenti`) is a flag, no key."""
    verdicts = table_verdicts(_tables(tmp_path, _NURSERY))
    assert verdicts["reclamo"].kind == LINKED, verdicts["reclamo"]
    assert "'Domanda' references 'domandafiglio'" in verdicts["reclamo"].reason
    assert "'IdDomanda' references 'domandafiglio'" in verdicts["rinuncia"].reason
    assert verdicts["voce"].kind != LINKED, verdicts["voce"]
    got = _verdicts(tmp_path, _NURSERY)
    assert got["reclamo.Motivo"].personal, got["reclamo.Motivo"]


def test_an_anamnesis_files_its_answers_as_health_data(tmp_path: Path) -> None:
    """A health questionnaire keyed by the patient's CPF with five different health data:
    its other answers (`fuma`, `cirurgia_previa`, `sangramento`) are their health, not plain
    `user` (trial30 H: 38 rows recategorised by hand)."""
    ddl = """
    CREATE TABLE ficha_inicial (id INT PRIMARY KEY, cpf VARCHAR(11), nome VARCHAR(80),
      telefone VARCHAR(20), doenca VARCHAR(60), medicacao VARCHAR(60), alergia VARCHAR(60),
      gravidez VARCHAR(8), diabetes VARCHAR(3), fuma VARCHAR(3), cirurgia_previa VARCHAR(60),
      sangramento VARCHAR(60));
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("fuma", "cirurgia_previa", "sangramento"):
        verdict = got[f"ficha_inicial.{key}"]
        assert _health(verdict), (key, verdict)
    # who they are stays who they are
    assert got["ficha_inicial.nome"].category == "user.name", got["ficha_inicial.nome"]


def test_a_staff_register_with_a_few_health_columns_is_no_anamnesis(tmp_path: Path) -> None:
    """A personnel file keeps a blood group, a disability and an allergy beside many other
    columns: its other facts (`contract_type`) are not their care."""
    columns = ", ".join(f"extra_{n} VARCHAR(20)" for n in range(40))
    ddl = f"""
    CREATE TABLE employees (id INT PRIMARY KEY, first_name VARCHAR(50), last_name VARCHAR(50),
      birth_date DATE, blood_group VARCHAR(3), disability VARCHAR(30), allergies VARCHAR(60),
      medication VARCHAR(60), diagnosis VARCHAR(60), contract_type VARCHAR(20), {columns});
    """
    got = _verdicts(tmp_path, ddl)
    assert not _health(got["employees.contract_type"]), got["employees.contract_type"]


def test_the_expiry_of_a_thing_in_a_persons_row_is_theirs(tmp_path: Path) -> None:
    """`utente.DataScadenzaContratto DATE`: when the parent's contract ends, a fact about them;
    the row's own expiry (`DataScadenza`) and an access's instant (`access_expires TIMESTAMP`)
    stay technical (trial30 H)."""
    ddl = """
    CREATE TABLE utente (Id INT PRIMARY KEY, Nome VARCHAR(30), Cognome VARCHAR(30),
      CodiceFiscale CHAR(16), DataScadenzaContratto DATE, DataScadenza DATE,
      access_expires TIMESTAMP);
    """
    got = _verdicts(tmp_path, ddl)
    assert got["utente.DataScadenzaContratto"].personal, got["utente.DataScadenzaContratto"]
    assert "contratto" in got["utente.DataScadenzaContratto"].reason
    assert not got["utente.DataScadenza"].personal, got["utente.DataScadenza"]
    assert not got["utente.access_expires"].personal, got["utente.access_expires"]


# -- item 1: a files table's extension


def test_the_extension_of_a_file_is_no_phone_extension(tmp_path: Path) -> None:
    """`uploads_thesis(owner_id, title, ext, path)`: beside where the file is kept, `ext` is its
    extension, no phone's (trial30 I: 4 of the 5 fields of a starter's phone entry). A
    person's `ext` with no file in sight stays a phone extension."""
    ddl = """
    CREATE TABLE lecturers (id INT PRIMARY KEY, first_name VARCHAR(50), last_name VARCHAR(50),
      email VARCHAR(80), ext VARCHAR(6));
    CREATE TABLE uploads_thesis (id INT PRIMARY KEY, lecturer_id INT REFERENCES lecturers(id),
      title VARCHAR(100), ext VARCHAR(10), path TEXT);
    CREATE TABLE allegati (id INT PRIMARY KEY, lecturer_id INT REFERENCES lecturers(id),
      estensione VARCHAR(10), percorso_file TEXT);
    """
    got = _verdicts(tmp_path, ddl)
    assert not got["uploads_thesis.ext"].personal, got["uploads_thesis.ext"]
    assert "extension" in got["uploads_thesis.ext"].reason
    assert not got["allegati.estensione"].personal, got["allegati.estensione"]
    assert got["lecturers.ext"].category == "user.contact.phone_number", got["lecturers.ext"]
