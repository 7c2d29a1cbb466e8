"""fin36: account facts in a person's own row.

Every schema here is written for these tests (a club's members, a shop's staff), read as
`cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from tests.unit.schema_entry import schema_verdicts


def test_a_yes_or_no_of_an_account_s_rights_in_a_person_s_row_is_their_account(tmp_path: Path) -> None:
    """`members.is_superuser`, `staff.admin`, `IsAdministrator bit`: what the person's account
    may do, a fact about their account (RULE 2), not the row's switch."""
    ddl = """
    CREATE TABLE members (id INT PRIMARY KEY, username VARCHAR(40), email VARCHAR(120),
      password_hash VARCHAR(255), is_superuser BOOLEAN, admin BOOLEAN, IsAdministrator BIT);
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("members.is_superuser", "members.admin", "members.IsAdministrator"):
        assert got[key].personal and got[key].category == "user.account", got[key]
        assert "their account's rights" in got[key].reason, got[key]


def test_an_account_s_rights_outside_a_person_s_row_stay_the_record_s(tmp_path: Path) -> None:
    """A menu's `admin` (only administrators see it) and a record's `is_active` are no one's
    account: the reading holds only in a person's own row and only for rights words."""
    ddl = """
    CREATE TABLE menu_items (id INT PRIMARY KEY, label VARCHAR(60), url VARCHAR(200),
      admin BOOLEAN);
    CREATE TABLE members (id INT PRIMARY KEY, username VARCHAR(40), email VARCHAR(120),
      is_active BOOLEAN, is_deleted BOOLEAN);
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("menu_items.admin", "members.is_active", "members.is_deleted"):
        assert not got[key].personal, got[key]
