"""cls34c: when a row that is itself a person's act was written, and a file passed on by an office.

Every schema here is written for these tests (a volunteer association's portal, a faculty's
appointment files, a regional health register), read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.model import Confidence
from tests.unit.schema_entry import schema_verdicts as _verdicts

# -- a log writes its row when the act is done; a comment when its author writes it

PORTAL = """
CREATE TABLE volunteers (id INTEGER PRIMARY KEY, first_name TEXT, last_name TEXT, email TEXT,
  created_at TIMESTAMP, updated_at TIMESTAMP);
CREATE TABLE audit_logs (id INTEGER PRIMARY KEY, volunteer_id INTEGER REFERENCES volunteers(id),
  action TEXT, created_at TIMESTAMP, updated_at TIMESTAMP);
CREATE TABLE islem_loglari (id INTEGER PRIMARY KEY, volunteer_id INTEGER REFERENCES volunteers(id),
  islem TEXT, olusturma_tarihi TIMESTAMP);
CREATE TABLE login_attempts (id INTEGER PRIMARY KEY, volunteer_id INTEGER REFERENCES volunteers(id),
  ip_address TEXT, ts TIMESTAMP);
CREATE TABLE commentaires (id INTEGER PRIMARY KEY, volunteer_id INTEGER REFERENCES volunteers(id),
  texte TEXT, date_creation TIMESTAMP, date_modification TIMESTAMP);
CREATE TABLE sync_log (id INTEGER PRIMARY KEY, volunteer_id INTEGER REFERENCES volunteers(id),
  created_at TIMESTAMP);
CREATE TABLE shift_signups (id INTEGER PRIMARY KEY, volunteer_id INTEGER REFERENCES volunteers(id),
  shift TEXT, created_at TIMESTAMP);
CREATE TABLE allegati (id INTEGER PRIMARY KEY, volunteer_id INTEGER REFERENCES volunteers(id),
  caricato_il TIMESTAMP);
"""


def test_a_logs_or_a_comments_creation_time_is_when_the_person_did_it(tmp_path: Path) -> None:
    """`audit_logs.created_at`, `islem_loglari.olusturma_tarihi` (tr), `login_attempts.ts`,
    `commentaires.date_creation` (fr): the row is written when the act is done, so its
    creation time is the person's act, not bookkeeping (QUESTIONS 13); unsure (low)."""
    got = _verdicts(tmp_path, PORTAL)
    for column in (
        "audit_logs.created_at",
        "islem_loglari.olusturma_tarihi",
        "login_attempts.ts",
        "commentaires.date_creation",
    ):
        verdict = got[column]
        assert verdict.personal, (column, verdict)
        assert verdict.category == "user.behavior", (column, verdict)
        assert verdict.confidence is Confidence.LOW, (column, verdict)
        assert "when the row was written" in verdict.reason, verdict.reason


def test_a_later_change_a_sync_or_an_accounts_creation_stays_the_records(tmp_path: Path) -> None:
    """A log's or a comment's `updated_at` is a later change; a log of the software's
    synchronisations logs no one's act; an account's `created_at` and a sign-up's stay the
    record's (labels: 78 of 81 accounts, 5 of 95 rows pairing a person with a thing); when an
    attachment was uploaded (`caricato_il`, it) is the record's, as `uploaded_at` is."""
    got = _verdicts(tmp_path, PORTAL)
    for column in (
        "audit_logs.updated_at",
        "commentaires.date_modification",
        "sync_log.created_at",
        "volunteers.created_at",
        "shift_signups.created_at",
        "allegati.caricato_il",
    ):
        assert not got[column].personal, (column, got[column])


# -- a file passed on to another office is a step of its procedure

APPOINTMENTS = """
CREATE TABLE candidates (id INTEGER PRIMARY KEY, nom TEXT, prenom TEXT, email TEXT);
CREATE TABLE evaluations (id INTEGER PRIMARY KEY, candidate_id INTEGER REFERENCES candidates(id),
  date_dossier_transmis DATE, date_entretien DATE);
CREATE TABLE cadastro_gestantes (id INTEGER PRIMARY KEY, cidadao_nome TEXT, dt_nascimento DATE,
  cpf TEXT, data_transmissao DATE);
"""


def test_when_a_file_was_passed_on_is_the_procedures_time(tmp_path: Path) -> None:
    """`date_dossier_transmis` (fr), `data_transmissao` (pt): when an office passed the file on,
    as a sending time is, no act of the person's; their interview's date stays theirs."""
    got = _verdicts(tmp_path, APPOINTMENTS)
    for column in ("evaluations.date_dossier_transmis", "cadastro_gestantes.data_transmissao"):
        verdict = got[column]
        assert not verdict.personal, (column, verdict)
        assert "was sent" in verdict.reason, verdict.reason
    assert got["evaluations.date_entretien"].personal
