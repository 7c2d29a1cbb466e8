"""cls30a: columns the classifier called a plain fact about a person that are the record's own.

Every schema here is written for these tests (a work-time app's reminders, a school's
lessons), read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.model import Confidence
from tests.unit.schema_entry import schema_verdicts as _verdicts

# -- when a reminder or a notice went out is the sending record's time

REMINDERS = """
CREATE TABLE workers (id INTEGER PRIMARY KEY, first_name TEXT, last_name TEXT, email TEXT,
  confirmation_sent_at TIMESTAMP, reset_password_sent_at TIMESTAMP, last_login_at TIMESTAMP);
CREATE TABLE shifts (id INTEGER PRIMARY KEY, worker_id INTEGER REFERENCES workers(id),
  start_time TIMESTAMP, end_time TIMESTAMP, reminder_sent_at TIMESTAMP);
CREATE TABLE avvisi (id INTEGER PRIMARY KEY, worker_id INTEGER REFERENCES workers(id),
  dt_invio TIMESTAMP, letto_il TIMESTAMP);
CREATE TABLE meldingen (id INTEGER PRIMARY KEY, worker_id INTEGER REFERENCES workers(id),
  verstuurd_op TIMESTAMP);
"""


def test_when_a_reminder_was_sent_is_the_records_time(tmp_path: Path) -> None:
    """`reminder_sent_at`, `dt_invio` (it), `verstuurd_op` (nl), `confirmation_sent_at`: when the
    system sent the person something, no act of theirs; left on the unsure list (low)."""
    got = _verdicts(tmp_path, REMINDERS)
    for column in (
        "shifts.reminder_sent_at",
        "avvisi.dt_invio",
        "meldingen.verstuurd_op",
        "workers.confirmation_sent_at",
    ):
        verdict = got[column]
        assert not verdict.personal, (column, verdict)
        assert verdict.confidence is Confidence.LOW, (column, verdict)
        assert "was sent" in verdict.reason, verdict.reason


def test_a_persons_own_times_beside_a_sending_time_stay_theirs(tmp_path: Path) -> None:
    """The shift's start and end, a login, and the reset a person asked for
    (`reset_password_sent_at`) are still the person's."""
    got = _verdicts(tmp_path, REMINDERS)
    for column in (
        "shifts.start_time",
        "shifts.end_time",
        "workers.last_login_at",
        "workers.reset_password_sent_at",
    ):
        assert got[column].personal, (column, got[column])
