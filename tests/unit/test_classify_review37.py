"""review37 and trial K: classifier errors a first-use reviewer and a trial reviewer met (brief cls31e).

Every schema here is written for these tests, read through the SQL reader as `cnsnt init`
reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify import classify_tables
from cnsnt.classify.tables import read_tables
from cnsnt.evidence import Classification
from tests.unit.schema_entry import read_entry, write_files


def _verdicts(tmp_path: Path, ddl: str) -> dict[str, Classification]:
    write_files(tmp_path, {"schema.sql": ddl})
    return classify_tables(list(read_entry(tmp_path, "schema.sql").tables))


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
    verdicts = _verdicts(tmp_path, FINGERPRINTS)
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
