"""cls31f: health and care records read too wide, and what is filed under GDPR Art. 9.

Every schema here is written for these tests (a home-care service's visits, a Turkish care
home's medication orders, a dental practice's patient files, a Brazilian clinic's triage),
read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import Classification
from cnsnt.policy.taxonomy import load_taxonomy
from tests.unit.schema_entry import schema_verdicts as _verdicts

_TAXONOMY = load_taxonomy()


def _special(verdict: Classification) -> bool:
    return verdict.personal and bool(verdict.category) and _TAXONOMY.special_under(str(verdict.category))


# -- item 1: a care record's key to where the care was given


_VISITS = """
CREATE TABLE patients (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
  birth_date DATE);
CREATE TABLE diagnoses (id INT PRIMARY KEY, code VARCHAR(10), label VARCHAR(200));
CREATE TABLE visits (id INT PRIMARY KEY, patient_id INT REFERENCES patients(id),
  location_id INT REFERENCES location(id), facility_id INT REFERENCES facilities(id),
  diagnosis_id INT REFERENCES diagnoses(id), visited_on DATE);
CREATE TABLE ilac_orderleri (id INT PRIMARY KEY, hasta_id INT REFERENCES patients(id),
  kurum_id INT REFERENCES kurumlar(id), ilac VARCHAR(100));
"""


def test_a_care_records_key_to_a_place_or_a_body_is_a_link(tmp_path: Path) -> None:
    """`visits.location_id -> location`, `facility_id -> facilities`, `kurum_id -> kurumlar`:
    the place or institution a visit took place in is there with no patient; the key says
    where the care was given, no datum of it (cls31f: 44 false alarms on the tune half)."""
    got = _verdicts(tmp_path, _VISITS)
    for key in ("visits.location_id", "visits.facility_id", "ilac_orderleri.kurum_id"):
        assert not got[key].personal, got[key]


def test_a_care_records_key_to_a_list_of_care_stays_care(tmp_path: Path) -> None:
    """`visits.diagnosis_id -> diagnoses`: the entry picked is the patient's diagnosis; a key
    named for a place into a list of care items (`site_location_id -> concept`, a body site)
    too: only a key and a table both named for a place or a body are where."""
    ddl = _VISITS + """
    CREATE TABLE concept (id INT PRIMARY KEY, name VARCHAR(200));
    CREATE TABLE test_orders (id INT PRIMARY KEY, patient_id INT REFERENCES patients(id),
      site_location_id INT REFERENCES concept(id), ordered_on DATE);
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("visits.diagnosis_id", "test_orders.site_location_id"):
        assert _special(got[key]), got[key]


# -- item 2: a health record's own state


def test_a_health_records_own_state_is_no_care(tmp_path: Path) -> None:
    """`SilindiMi` (deleted?), `encerrado` (closed), `indFinalizada` (finalised): the record's
    own life, as `deleted` and `is_active` were, no datum of the patient's care (cls31f)."""
    ddl = """
    CREATE TABLE hastalar (id INT PRIMARY KEY, ad VARCHAR(60), soyad VARCHAR(60));
    CREATE TABLE ilac_emirleri (id INT PRIMARY KEY, hasta_id INT REFERENCES hastalar(id),
      doz VARCHAR(40), SilindiMi BOOLEAN);
    CREATE TABLE pacientes (id INT PRIMARY KEY, nome VARCHAR(80), cpf VARCHAR(14));
    CREATE TABLE triagens (id INT PRIMARY KEY, paciente_id INT REFERENCES pacientes(id),
      queixa TEXT, encerrado BOOLEAN, indFinalizada TINYINT(1));
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("ilac_emirleri.SilindiMi", "triagens.encerrado", "triagens.indFinalizada"):
        assert not got[key].personal, got[key]
    assert _special(got["triagens.queixa"]), got["triagens.queixa"]


# -- item 3: who gave the care, named in the record


def test_the_name_of_who_gave_the_care_is_no_health_datum(tmp_path: Path) -> None:
    """`prescriber`, `medico_validatore`: the name of the doctor who prescribed or signed, the
    doctor's personal data but not the patient's health (cls31f: filed as Art. 9 before)."""
    ddl = """
    CREATE TABLE patients (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60));
    CREATE TABLE prescriptions (id INT PRIMARY KEY, patient_id INT REFERENCES patients(id),
      prescriber VARCHAR(60), dosage_notes TEXT);
    CREATE TABLE pazienti (id INT PRIMARY KEY, nome VARCHAR(60), cognome VARCHAR(60),
      codice_fiscale VARCHAR(16));
    CREATE TABLE referti (id INT PRIMARY KEY, paziente_id INT REFERENCES pazienti(id),
      medico_validatore VARCHAR(80), esito TEXT);
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("prescriptions.prescriber", "referti.medico_validatore"):
        assert got[key].personal and got[key].category == "user.name", got[key]
    # the record's own text stays the patient's care
    assert _special(got["referti.esito"]), got["referti.esito"]


# -- item 4: a table one to one with a patient's row


def test_a_table_that_continues_a_patients_row_records_their_care(tmp_path: Path) -> None:
    """`exame_objetivo.codigo_paciente`, its primary key and a key to the patient: one row per
    patient beside their file, their examination (blood pressure, oedema), Art. 9 health data
    as a row keyed to the patient is, not plain facts about them (cls31f)."""
    ddl = """
    CREATE TABLE pacientes (codigo INT PRIMARY KEY, nome VARCHAR(80), cpf VARCHAR(14),
      data_nascimento DATE);
    CREATE TABLE exame_objetivo (codigo_paciente INT PRIMARY KEY REFERENCES pacientes(codigo),
      pressao VARCHAR(20), edema VARCHAR(40), labios VARCHAR(40));
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("exame_objetivo.pressao", "exame_objetivo.edema", "exame_objetivo.labios"):
        assert _special(got[key]), got[key]


def test_a_table_that_continues_a_members_row_is_no_care(tmp_path: Path) -> None:
    """`member_profiles.member_id`: one row per member, no patient in it: their facts stay
    plain personal data."""
    ddl = """
    CREATE TABLE members (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(120));
    CREATE TABLE member_profiles (member_id INT PRIMARY KEY REFERENCES members(id),
      favourite_club VARCHAR(60), shirt_size VARCHAR(4));
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("member_profiles.favourite_club", "member_profiles.shirt_size"):
        assert got[key].personal and not _special(got[key]), got[key]
