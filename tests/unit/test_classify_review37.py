"""review37 and trial K: classifier errors a first-use reviewer and a trial reviewer met (brief cls31e).

Every schema here is written for these tests, read through the SQL reader as `cnsnt init`
reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify import classify_field
from cnsnt.classify.tables import read_tables
from tests.unit.schema_entry import read_entry, write_files
from tests.unit.schema_entry import schema_verdicts as _verdicts

# D1: a key's fingerprint identifies its holder; it is no biometric data (GDPR Art. 4(14))
FINGERPRINTS = """
CREATE TABLE members (id INTEGER PRIMARY KEY, email VARCHAR(100), gpgfingerprint VARCHAR(48),
  pgp_fingerprint VARCHAR(48), ssh_key_fingerprint VARCHAR(64), cert_fingerprint VARCHAR(64),
  schluessel_fingerabdruck VARCHAR(64), huella_digital_certificado VARCHAR(64),
  fingerprint VARCHAR(64), fingerprint_template BLOB, huella_dactilar BLOB, odcisk_palca BLOB);
CREATE TABLE hosts (hostid INTEGER PRIMARY KEY, hostname VARCHAR(100), ssh_key_fingerprint VARCHAR(64));
"""


def test_a_key_fingerprint_is_a_personal_identifier_not_biometric_data(tmp_path: Path) -> None:
    verdicts = _verdicts(tmp_path, FINGERPRINTS)
    for column in (
        "gpgfingerprint",
        "pgp_fingerprint",
        "ssh_key_fingerprint",
        "cert_fingerprint",
        "schluessel_fingerabdruck",
        "huella_digital_certificado",
    ):
        got = verdicts[f"members.{column}"]
        assert got.personal and got.category == "user.unique_id", (column, got)


def test_a_bare_fingerprint_is_a_device_digest_not_biometric_data(tmp_path: Path) -> None:
    got = _verdicts(tmp_path, FINGERPRINTS)["members.fingerprint"]
    assert got.personal and got.category == "user.device", got


def test_a_fingerprint_template_is_biometric_data(tmp_path: Path) -> None:
    verdicts = _verdicts(tmp_path, FINGERPRINTS + "CREATE TABLE staff (id INTEGER PRIMARY KEY, fingerprint BLOB);")
    assert verdicts["staff.fingerprint"].category == "user.biometrics", verdicts["staff.fingerprint"]
    for column in ("fingerprint_template", "huella_dactilar", "odcisk_palca"):
        got = verdicts[f"members.{column}"]
        assert got.personal and got.category == "user.biometrics", (column, got)


def test_a_servers_host_key_fingerprint_is_no_ones(tmp_path: Path) -> None:
    got = _verdicts(tmp_path, FINGERPRINTS)["hosts.ssh_key_fingerprint"]
    assert not got.personal, got


# D5: a key named for a table whose plural the language makes otherwise than with an `s`
PLURALS = """
CREATE TABLE patienten (patientid INTEGER PRIMARY KEY, name VARCHAR(50), vorname VARCHAR(50));
CREATE TABLE faelle (fallnummer INTEGER PRIMARY KEY, patientid INTEGER, diagnose TEXT);
CREATE TABLE rechnungen (rechnungid INTEGER PRIMARY KEY, fallid INTEGER, betrag NUMERIC(8,2));
CREATE TABLE mitgliedschaften (mitgliedschaftid INTEGER PRIMARY KEY, bezeichnung VARCHAR(50));
CREATE TABLE mitglieder (mitgliedid INTEGER PRIMARY KEY, vorname VARCHAR(50), mitgliedschaft_id INTEGER);
"""


def test_a_key_finds_its_table_through_the_languages_plural(tmp_path: Path) -> None:
    write_files(tmp_path, {"schema.sql": PLURALS})
    reading = read_tables(list(read_entry(tmp_path, "schema.sql").tables))
    keys = {(t.name, k.columns[0]): k.ref_table for t in reading.tables for k in t.foreign_keys}
    assert keys[("rechnungen", "fallid")] == "faelle", keys
    assert keys[("mitglieder", "mitgliedschaft_id")] == "mitgliedschaften", keys


def test_a_stem_that_cuts_a_derivation_names_no_table(tmp_path: Path) -> None:
    ddl = """
    CREATE TABLE usuaris (id INTEGER PRIMARY KEY, nom VARCHAR(50), cognoms VARCHAR(80));
    CREATE TABLE usuaris_activitat (id INTEGER PRIMARY KEY, usuari_id INTEGER, accio VARCHAR(50));
    CREATE TABLE auditoria (id INTEGER PRIMARY KEY, actor_id INTEGER, accio VARCHAR(50));
    """
    write_files(tmp_path, {"schema.sql": ddl})
    reading = read_tables(list(read_entry(tmp_path, "schema.sql").tables))
    keys = {(t.name, k.columns[0]): k.ref_table for t in reading.tables for k in t.foreign_keys}
    assert ("auditoria", "actor_id") not in keys, keys


# trial K item 7: a sense of a word from a language the schema is not written in, a
# condition of a thing, a thesis, an insurer
BAND = """
CREATE TABLE mitglieder (mitgliedid INTEGER PRIMARY KEY, vorname VARCHAR(50), nachname VARCHAR(50),
  geburtsdatum DATE, lieblingsgenre VARCHAR(50), genre VARCHAR(50), krankenkasse VARCHAR(80),
  gesundheitszustand VARCHAR(200));
CREATE TABLE instrumente (instrumentid INTEGER PRIMARY KEY, bezeichnung VARCHAR(50), zustand VARCHAR(50),
  mitgliedid INTEGER REFERENCES mitglieder(mitgliedid));
"""


def test_a_bare_condition_is_no_health_data(tmp_path: Path) -> None:
    verdicts = _verdicts(tmp_path, BAND)
    got = verdicts["instrumente.zustand"]
    assert not (got.category or "").startswith("user.health"), got
    health = verdicts["mitglieder.gesundheitszustand"]
    assert health.personal and health.category == "user.health", health


def test_french_genre_is_no_gender_in_a_german_schema(tmp_path: Path) -> None:
    got = _verdicts(tmp_path, BAND)["mitglieder.genre"]
    assert got.category != "user.demographic.gender", got


def test_french_genre_is_gender_in_a_french_schema(tmp_path: Path) -> None:
    ddl = "CREATE TABLE eleves (id INTEGER PRIMARY KEY, nom VARCHAR(50), prenom VARCHAR(50), genre VARCHAR(10));"
    got = _verdicts(tmp_path, ddl)["eleves.genre"]
    assert got.personal and got.category == "user.demographic.gender", got


def test_a_polish_thesis_is_no_job_title(tmp_path: Path) -> None:
    ddl = """
    CREATE TABLE studenci (id_student INTEGER PRIMARY KEY, imie VARCHAR(50), nazwisko VARCHAR(50),
      id_praca_dyplomowa INTEGER, praca VARCHAR(200));
    """
    verdicts = _verdicts(tmp_path, ddl)
    for column in ("id_praca_dyplomowa", "praca"):
        got = verdicts[f"studenci.{column}"]
        assert got.category != "user.professional_information.job_title", (column, got)


def test_an_insurer_is_a_financial_fact_not_an_insurance_number(tmp_path: Path) -> None:
    ddl = """
    CREATE TABLE children (id INTEGER PRIMARY KEY, first_name VARCHAR(50), last_name VARCHAR(50),
      insurance_society VARCHAR(80), insurance_company VARCHAR(80), insurance_number VARCHAR(30));
    """
    verdicts = _verdicts(tmp_path, ddl)
    for column in ("insurance_society", "insurance_company"):
        got = verdicts[f"children.{column}"]
        assert got.personal and got.category == "user.financial", (column, got)
    number = verdicts["children.insurance_number"]
    assert number.personal and number.category == "user.health.insurance_beneficiary_id", number
    insurer = _verdicts(tmp_path, BAND)["mitglieder.krankenkasse"]
    assert insurer.personal and insurer.category == "user.financial", insurer


# D7 and the known family: a title on a form of a thing is the thing's
def test_a_title_on_a_fees_or_a_documents_form_is_no_persons_name() -> None:
    for form, name, label, written in (
        ("beitragform", "label", "Titel:", ("de",)),
        ("feeform", "label", "Title:", ("en",)),
        ("documents/document", "title", "Title", ("en",)),
    ):
        got = classify_field(name, label=label, control="text", written=written, form=form)
        assert got.category != "user.name", (form, got)


def test_a_title_on_a_persons_form_stays_part_of_their_name() -> None:
    for form in ("personform", "member-registration"):
        got = classify_field("title", label="Title", control="text", written=("en",), form=form)
        assert got.category == "user.name", (form, got)


def test_a_salutation_is_said_to_be_one_and_filed_with_the_name(tmp_path: Path) -> None:
    ddl = """
    CREATE TABLE natperson (natpersonid INTEGER PRIMARY KEY, anrede VARCHAR(10), name VARCHAR(50),
      vorname VARCHAR(50), geburtsdatum DATE);
    CREATE TABLE clients (id INTEGER PRIMARY KEY, salutation VARCHAR(10), civilite VARCHAR(5),
      first_name VARCHAR(50), last_name VARCHAR(50));
    """
    verdicts = _verdicts(tmp_path, ddl)
    for key in ("natperson.anrede", "clients.salutation", "clients.civilite"):
        got = verdicts[key]
        assert got.personal and got.category == "user.name", (key, got)
        assert "a salutation or courtesy title" in got.reason, (key, got)


# D6: whose the row is; a job's queue times are the job's
ASSOCIATION = """
CREATE TABLE users (userid INTEGER PRIMARY KEY, username VARCHAR(50), password VARCHAR(100));
CREATE TABLE mitglieder (mitgliedid INTEGER PRIMARY KEY, vorname VARCHAR(50), nachname VARCHAR(50));
CREATE TABLE mitgliederrevisions (revisionid INTEGER PRIMARY KEY, userid INTEGER REFERENCES users(userid),
  mitgliedid INTEGER REFERENCES mitglieder(mitgliedid), beitrag NUMERIC(8,2), kommentar TEXT);
CREATE TABLE processes (processid INTEGER PRIMARY KEY, userid INTEGER REFERENCES users(userid),
  progress DOUBLE PRECISION, queued TIMESTAMP, started TIMESTAMP, finished TIMESTAMP);
CREATE TABLE logins (loginid INTEGER PRIMARY KEY, userid INTEGER REFERENCES users(userid), logged_in TIMESTAMP);
"""


def test_a_members_revision_is_the_members_not_the_editors(tmp_path: Path) -> None:
    write_files(tmp_path, {"schema.sql": ASSOCIATION})
    reading = read_tables(list(read_entry(tmp_path, "schema.sql").tables))
    verdict = next(v for k, v in reading.verdicts.items() if k.endswith("mitgliederrevisions"))
    assert verdict.subject == "mitgliedid", verdict
    assert "'mitgliedid' references 'mitglieder'" in verdict.reason, verdict


def test_a_jobs_queue_times_are_the_jobs(tmp_path: Path) -> None:
    verdicts = _verdicts(tmp_path, ASSOCIATION)
    for column in ("queued", "started", "finished", "progress"):
        got = verdicts[f"processes.{column}"]
        assert not got.personal, (column, got)
    # a user's own act in a table that is no job queue stays theirs
    assert verdicts["logins.logged_in"].personal, verdicts["logins.logged_in"]
