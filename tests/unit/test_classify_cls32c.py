"""cls32c: columns of tables linked to people (a person's sessions, the errors a row logs).

Every schema here is written for these tests, read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from tests.unit.schema_entry import schema_verdicts

_MEMBERS = """
CREATE TABLE members (id INT PRIMARY KEY, first_name VARCHAR(80), last_name VARCHAR(80),
  email VARCHAR(120));
"""


# -- a web session's id and data


def test_a_web_session_table_keeps_the_visitors_cookie_and_session(tmp_path: Path) -> None:
    """`sessions(id varchar, member_id, payload, last_activity)`, Laravel's table: its id is the
    session cookie's value, its payload what is kept of the visitor (Recital 30)."""
    ddl = _MEMBERS + """
    CREATE TABLE sessions (id VARCHAR(255) PRIMARY KEY, member_id INT REFERENCES members(id),
      ip_address VARCHAR(45), payload TEXT, last_activity INT);
    """
    got = schema_verdicts(tmp_path, ddl)
    assert got["sessions.id"].personal and got["sessions.id"].category == "user.device.cookie_id", got["sessions.id"]
    assert "session" in got["sessions.id"].reason and "cookie" in got["sessions.id"].reason
    assert got["sessions.payload"].personal, got["sessions.payload"]
    assert not got["sessions.member_id"].personal


def test_a_session_table_with_no_user_key_still_keeps_cookies(tmp_path: Path) -> None:
    """`django_session(session_key, session_data, expire_date)`: no key names a person, yet the
    key is a visitor's cookie and the data their logged-in session; the expiry is the session's."""
    ddl = """
    CREATE TABLE django_session (session_key VARCHAR(40) PRIMARY KEY, session_data TEXT NOT NULL,
      expire_date TIMESTAMP NOT NULL);
    """
    got = schema_verdicts(tmp_path, ddl)
    assert got["django_session.session_key"].personal, got["django_session.session_key"]
    assert got["django_session.session_data"].personal, got["django_session.session_data"]
    assert not got["django_session.expire_date"].personal


def test_sessions_of_a_class_or_with_a_token_keep_their_id_technical(tmp_path: Path) -> None:
    """A class's sessions keep no session data (`course_sessions(id INT, topic)`), and where the
    cookie is a token of its own (`auth_sessions(id TEXT, session_token)`) the id is the row's."""
    ddl = _MEMBERS + """
    CREATE TABLE course_sessions (id INT PRIMARY KEY, member_id INT REFERENCES members(id),
      topic VARCHAR(80), held_on DATE);
    CREATE TABLE auth_sessions (id TEXT PRIMARY KEY, session_token TEXT,
      member_id INT REFERENCES members(id), data TEXT, expires TIMESTAMP);
    """
    got = schema_verdicts(tmp_path, ddl)
    assert not got["course_sessions.id"].personal
    assert not got["auth_sessions.id"].personal, got["auth_sessions.id"]


def test_a_session_column_of_a_row_linked_to_a_person_is_theirs(tmp_path: Path) -> None:
    """`login_log.session_hash`, `error_reports.session text`: the person's session, its id a
    cookie, its dump what the application kept of it; its expiry stays the session's."""
    ddl = _MEMBERS + """
    CREATE TABLE login_log (id INT PRIMARY KEY, member_id INT REFERENCES members(id),
      session_hash VARCHAR(64), session_expire TIMESTAMP, logged_in_at TIMESTAMP);
    CREATE TABLE error_reports (id INT PRIMARY KEY, member_id INT REFERENCES members(id),
      session_data TEXT);
    """
    got = schema_verdicts(tmp_path, ddl)
    assert got["login_log.session_hash"].personal, got["login_log.session_hash"]
    assert got["login_log.session_hash"].category == "user.device.cookie_id"
    assert got["error_reports.session_data"].personal, got["error_reports.session_data"]
    assert got["error_reports.session_data"].category == "user.behavior"
    assert not got["login_log.session_expire"].personal


# -- an error the software logged


def test_an_error_a_row_logs_is_the_softwares(tmp_path: Path) -> None:
    """`sms_deliveries.error_message`, `hata_mesaji`, `last_error`: what went wrong sending a
    member's message, the software's trouble, no text the member wrote nor a fact of theirs."""
    ddl = _MEMBERS + """
    CREATE TABLE sms_deliveries (id INT PRIMARY KEY, member_id INT REFERENCES members(id),
      body TEXT, error_message VARCHAR(255), hata_mesaji VARCHAR(255), last_error TEXT,
      sent_at TIMESTAMP);
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("sms_deliveries.error_message", "sms_deliveries.hata_mesaji", "sms_deliveries.last_error"):
        assert not got[key].personal, got[key]
        assert "technical" in got[key].reason
    assert got["sms_deliveries.body"].personal


# -- when the row's matter was resolved or closed


def test_when_a_request_was_resolved_or_closed_is_the_records(tmp_path: Path) -> None:
    """`help_requests.resolved_at`, `callbacks.abgeschlossen`, `alarms.data_chiuso`: a step of
    the record's handling by whoever handles it, as its archiving is; when the member asked
    stays theirs."""
    ddl = _MEMBERS + """
    CREATE TABLE help_requests (id INT PRIMARY KEY, member_id INT REFERENCES members(id),
      question TEXT, asked_at TIMESTAMP, resolved_at TIMESTAMP, closed_at TIMESTAMP);
    CREATE TABLE rueckrufe (id INT PRIMARY KEY, member_id INT REFERENCES members(id),
      abgeschlossen DATE);
    CREATE TABLE allarmi (id INT PRIMARY KEY, member_id INT REFERENCES members(id),
      data_chiuso DATE);
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in (
        "help_requests.resolved_at",
        "help_requests.closed_at",
        "rueckrufe.abgeschlossen",
        "allarmi.data_chiuso",
    ):
        assert not got[key].personal, got[key]
        assert "resolved or closed" in got[key].reason
    assert got["help_requests.asked_at"].personal
    assert got["help_requests.question"].personal


def test_a_closed_flag_in_a_persons_own_row_is_read_as_before(tmp_path: Path) -> None:
    """`members.closed`: in the person's own row the closure rule does not apply (cls32b's
    area); it stays a yes/no of theirs."""
    ddl = """
    CREATE TABLE members (id INT PRIMARY KEY, first_name VARCHAR(80), email VARCHAR(120),
      closed BOOLEAN);
    """
    got = schema_verdicts(tmp_path, ddl)
    assert "resolved or closed" not in got["members.closed"].reason
