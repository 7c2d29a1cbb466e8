"""review36: classifier errors two first-use reviewers found on real projects (brief cls30d).

Every schema here is written for these tests, read through the SQL reader as `cnsnt init`
reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from tests.unit.schema_entry import schema_verdicts as _verdicts

# R36a D2, R36b D7: a register of patients, its consent, contact preferences and fiscal code
REGISTER = """
CREATE TABLE pazienti (id INT PRIMARY KEY, nome VARCHAR(80), cognome VARCHAR(80),
  consenso_privacy BOOLEAN, flag_sms BOOLEAN, flagEMail BIT, fiscal_code VARCHAR(16),
  hobby VARCHAR(80), parent_kinship VARCHAR(40));
CREATE TABLE visite (id INT PRIMARY KEY, paziente_id INT REFERENCES pazienti(id),
  data_visita DATE, esito VARCHAR(200));
"""


def test_a_consent_in_a_register_of_patients_is_a_privacy_choice(tmp_path: Path) -> None:
    got = _verdicts(tmp_path, REGISTER)["pazienti.consenso_privacy"]
    assert got.personal and got.category == "user.privacy_preferences", got


def test_a_contact_channel_flag_of_a_patient_is_a_contact_preference(tmp_path: Path) -> None:
    verdicts = _verdicts(tmp_path, REGISTER)
    for column in ("flag_sms", "flagEMail"):
        got = verdicts[f"pazienti.{column}"]
        assert got.personal and got.category == "user.privacy_preferences", (column, got)


def test_an_english_fiscal_code_is_a_national_id(tmp_path: Path) -> None:
    got = _verdicts(tmp_path, REGISTER)["pazienti.fiscal_code"]
    assert got.personal and got.category == "user.government_id.national_identification_number", got


def test_an_unknown_column_of_a_register_of_patients_is_theirs_not_health(tmp_path: Path) -> None:
    verdicts = _verdicts(tmp_path, REGISTER)
    for column in ("hobby", "parent_kinship"):
        got = verdicts[f"pazienti.{column}"]
        assert got.personal and not (got.category or "").startswith("user.health"), (column, got)


def test_an_unknown_column_of_a_care_record_stays_health(tmp_path: Path) -> None:
    got = _verdicts(tmp_path, REGISTER)["visite.esito"]
    assert got.personal and (got.category or "").startswith("user.health"), got


def test_a_register_that_charts_health_keeps_its_unknown_columns_care(tmp_path: Path) -> None:
    ddl = """
    CREATE TABLE patients (id INT PRIMARY KEY, name VARCHAR(80), allergies TEXT,
      weight DECIMAL(5,2), blood_group VARCHAR(3), cpap BOOLEAN);
    """
    got = _verdicts(tmp_path, ddl)["patients.cpap"]
    assert got.personal and (got.category or "").startswith("user.health"), got


# R36a D1: a table named for organisations (`projects`) keyed to a patient is the patient's
TREATMENT_PLANS = """
CREATE TABLE patients (id VARCHAR(36) PRIMARY KEY, first_name VARCHAR(80), last_name VARCHAR(80));
CREATE TABLE projects (id VARCHAR(36) PRIMARY KEY, title VARCHAR(100), medical_history TEXT,
  patient_id VARCHAR(36) REFERENCES patients(id));
CREATE TABLE visits (id VARCHAR(36) PRIMARY KEY, diagnosis TEXT, treatment TEXT,
  project_id VARCHAR(36) REFERENCES projects(id));
CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(80), email VARCHAR(80));
CREATE TABLE agencies (id INT PRIMARY KEY, name VARCHAR(80), phone VARCHAR(20),
  customer_id INT REFERENCES customers(id));
"""


def test_a_key_to_a_patient_beats_an_organisation_name(tmp_path: Path) -> None:
    verdicts = _verdicts(tmp_path, TREATMENT_PLANS)
    for column in ("projects.medical_history", "visits.treatment"):
        got = verdicts[column]
        assert got.personal and (got.category or "").startswith("user.health"), (column, got)


def test_a_key_to_a_customer_keeps_an_organisation_its_own(tmp_path: Path) -> None:
    got = _verdicts(tmp_path, TREATMENT_PLANS)["agencies.phone"]
    assert not got.personal, got


# R36a D4: a yes/no holds no date, whatever a time word in its name says
def test_a_yes_no_named_with_a_time_word_gives_no_date_reason(tmp_path: Path) -> None:
    ddl = """
    CREATE TABLE clienti (id INT PRIMARY KEY, nome VARCHAR(80), cognome VARCHAR(80),
      rifiuta_ts BIT, deleted BOOLEAN);
    """
    verdicts = _verdicts(tmp_path, ddl)
    got = verdicts["clienti.rifiuta_ts"]
    assert got.personal and "date or time" not in got.reason, got
    # a record's own word in a yes/no is the row's state, still no personal datum
    deleted = verdicts["clienti.deleted"]
    assert not deleted.personal and "date or time" not in deleted.reason, deleted


# R36a D7: Polish audit columns are the row's bookkeeping, as `created_by`/`created_at` are
def test_polish_who_and_when_added_are_the_rows_bookkeeping(tmp_path: Path) -> None:
    ddl = """
    CREATE TABLE klienci (id INT PRIMARY KEY, imie VARCHAR(50), nazwisko VARCHAR(50),
      KtoDodal INT, KiedyDodal DATETIME, KtoZmienil INT, KiedyZmienil DATETIME,
      kto_zmodyfikowal VARCHAR(50));
    """
    verdicts = _verdicts(tmp_path, ddl)
    for column in ("KtoDodal", "KiedyDodal", "KtoZmienil", "KiedyZmienil"):
        got = verdicts[f"klienci.{column}"]
        assert not got.personal and got.confidence.value == "high", (column, got)
    # written out, who changed the row is their login, as `created_by varchar` is: no fact
    # about the client
    got = verdicts["klienci.kto_zmodyfikowal"]
    assert got.category == "user.account.username" and "created or changed" in got.reason, got


# R36a D3: Portuguese, Spanish and Turkish senses of Italian words in an Italian schema
INVOICES = """
CREATE TABLE clienti (id INT PRIMARY KEY, nome VARCHAR(80), cognome VARCHAR(80),
  codice_fiscale VARCHAR(16));
CREATE TABLE fatture (id INT PRIMARY KEY, id_cliente INT REFERENCES clienti(id),
  tipo_documento VARCHAR(4), data_documento DATE, rif_fattura VARCHAR(20),
  modificato_il DATETIME, importo DECIMAL(10,2));
"""


def test_an_italian_document_type_and_reference_are_no_identity_document(tmp_path: Path) -> None:
    verdicts = _verdicts(tmp_path, INVOICES)
    for column in ("tipo_documento", "data_documento", "rif_fattura", "modificato_il"):
        got = verdicts[f"fatture.{column}"]
        assert not (got.category or "").startswith(("user.government_id", "user.contact")), (column, got)


# R36b D2, D7: a place's geolocation, the settings' contacts, a code sent by e-mail
SITE = """
CREATE TABLE venues (id INT PRIMARY KEY, naam VARCHAR(100), postcode VARCHAR(10),
  geolocatie POINT);
CREATE TABLE settings (id INT PRIMARY KEY, site_title VARCHAR(100), email VARCHAR(100),
  fax VARCHAR(30));
CREATE TABLE users (id INT PRIMARY KEY, username VARCHAR(50), email VARCHAR(100),
  email_code VARCHAR(20));
"""


def test_a_places_geolocation_is_the_places(tmp_path: Path) -> None:
    got = _verdicts(tmp_path, SITE)["venues.geolocatie"]
    assert not got.personal, got


def test_the_settings_email_and_fax_are_the_applications(tmp_path: Path) -> None:
    verdicts = _verdicts(tmp_path, SITE)
    for column in ("email", "fax"):
        got = verdicts[f"settings.{column}"]
        assert not got.personal, (column, got)


def test_a_code_sent_by_email_is_a_secret_not_an_address(tmp_path: Path) -> None:
    verdicts = _verdicts(tmp_path, SITE)
    got = verdicts["users.email_code"]
    assert got.personal and got.category == "user.authorization.credentials", got
    assert verdicts["users.email"].category == "user.contact.email"


def test_a_yes_no_of_an_allergy_in_a_register_of_patients_is_health(tmp_path: Path) -> None:
    ddl = """
    CREATE TABLE pazienti (id INT PRIMARY KEY, cognome VARCHAR(80), allergico CHAR(1),
      is_allergic CHAR(1));
    """
    verdicts = _verdicts(tmp_path, ddl)
    for column in ("allergico", "is_allergic"):
        got = verdicts[f"pazienti.{column}"]
        assert got.personal and (got.category or "").startswith("user.health"), (column, got)
