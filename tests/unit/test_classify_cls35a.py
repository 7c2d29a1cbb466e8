"""cls35a: when a person asked a sign-in to be remembered, in their own row.

Every schema here is written for these tests (a volunteers' site, a lending library's
readers), read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from tests.unit.schema_entry import schema_verdicts


def test_when_a_person_asked_to_be_remembered_is_an_act_of_theirs(tmp_path: Path) -> None:
    """`volunteers.remember_created_at` (Devise's "remember me") and `lezers.rememberme_datum`:
    when the person ticked "remember me", their act, "personal" with low confidence, though
    `created` makes other times the record's own."""
    ddl = """
    CREATE TABLE volunteers (id INT PRIMARY KEY, email VARCHAR(120), encrypted_password VARCHAR(128),
      first_name VARCHAR(60), last_name VARCHAR(60), remember_created_at TIMESTAMP,
      created_at TIMESTAMP);
    CREATE TABLE lezers (id INT PRIMARY KEY, voornaam VARCHAR(60), achternaam VARCHAR(60),
      geboortedatum DATE, rememberme_datum DATE);
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("volunteers.remember_created_at", "lezers.rememberme_datum"):
        assert got[key].personal and got[key].category == "user.behavior", got[key]
        assert got[key].confidence.value == "low", got[key]
        assert "when they asked to stay signed in ('remember" in got[key].reason, got[key]
    # the row's own creation stays the record's
    assert not got["volunteers.created_at"].personal, got["volunteers.created_at"]


def test_a_remember_word_outside_a_time_or_a_person_s_row_changes_nothing(tmp_path: Path) -> None:
    """A remember-me token is a credential, as before; a remember-me time in a table about no
    one (`site_settings.remember_created_at`) and a yes/no of the choice are not read so."""
    ddl = """
    CREATE TABLE volunteers (id INT PRIMARY KEY, email VARCHAR(120), first_name VARCHAR(60),
      last_name VARCHAR(60), remember_token VARCHAR(100), remember_me BOOLEAN);
    CREATE TABLE site_settings (id INT PRIMARY KEY, theme VARCHAR(20), remember_created_at TIMESTAMP);
    """
    got = schema_verdicts(tmp_path, ddl)
    assert got["volunteers.remember_token"].category == "user.authorization.credentials", got[
        "volunteers.remember_token"
    ]
    assert "stay signed in" not in got["volunteers.remember_me"].reason, got["volunteers.remember_me"]
    assert not got["site_settings.remember_created_at"].personal, got["site_settings.remember_created_at"]
