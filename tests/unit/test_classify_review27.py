"""review27 D9 and D11: names read as people where they are not, and categories that missed the data.

Every schema here is written for these tests after the snippets of review27 (a French
association's SQLite schema, a CRM's Django models, a personal CRM's Laravel tables).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from cnsnt.classify import classify_tables, table_verdicts
from cnsnt.evidence import Column, ForeignKey, Table
from tests.unit.schema_entry import read_entry, typed_table, write_files

USERS = typed_table("users", [("id", "INTEGER"), ("email", "TEXT")])


def _verdict(tables: list[Table], key: str) -> tuple[bool, str | None, str]:
    got = classify_tables(tables)[key]
    return got.personal, got.category, got.reason


# -- D9: a people word that qualifies what a table configures


def test_the_fields_of_the_users_form_are_not_rows_about_users() -> None:
    """`config_users_fields`: the definitions of the member form's fields, not members."""
    fields = typed_table(
        "config_users_fields",
        [
            ("id", "INTEGER"),
            ("name", "TEXT"),
            ("label", "TEXT"),
            ("help", "TEXT"),
            ("required", "INTEGER"),
            ("default_value", "TEXT"),
        ],
    )
    verdict = table_verdicts([USERS, fields])["config_users_fields"]
    assert verdict.kind not in ("describes people", "linked to people"), verdict
    for column in ("name", "label", "help", "default_value"):
        personal, _, reason = _verdict([USERS, fields], f"config_users_fields.{column}")
        assert not personal, reason


def test_groups_of_kinds_of_members_are_no_members() -> None:
    """`member_type_groups`: a lookup word in the name makes it a list about members, no member."""
    groups = typed_table("member_type_groups", [("id", "INTEGER"), ("name", "TEXT"), ("discount", "INTEGER")])
    assert table_verdicts([groups])["member_type_groups"].kind == "a lookup table"
    personal, _, reason = _verdict([groups], "member_type_groups.name")
    assert not personal, reason


def test_a_table_named_for_people_s_things_with_a_key_to_them_is_still_theirs() -> None:
    """`user_fields(user_id, ...)`: a key to the person wins over the name's head word."""
    values = typed_table(
        "user_fields",
        [("id", "INTEGER"), ("user_id", "INTEGER"), ("value", "TEXT")],
        (ForeignKey(("user_id",), "users"),),
    )
    personal, _, reason = _verdict([USERS, values], "user_fields.value")
    assert personal, reason


# -- D9: a comment whose people word qualifies another head


def _lead_stage(comment: str) -> Table:
    """A CRM's pipeline stage, with the verbose name Django gives its model as the comment."""
    stage = typed_table(
        "lead_stage",
        [
            ("id", "uuid"),
            ("name", "varchar(100)"),
            ("order", "integer"),
            ("color", "varchar(7)"),
            ("win_probability", "integer"),
        ],
    )
    return replace(stage, comment=comment)


def test_a_comment_that_names_people_still_says_so() -> None:
    """'Anagrafica clienti': a register of clients, whatever the table is called."""
    register = replace(
        typed_table("anagrafica", [("id", "INTEGER"), ("codice", "TEXT"), ("nome", "TEXT")]),
        comment="Anagrafica clienti",
    )
    assert table_verdicts([register])["anagrafica"].kind == "describes people"


# -- D9: a tree's parent row


def test_a_tree_s_parent_outside_a_table_about_people_is_the_row_above() -> None:
    """`web_pages.parent`, `comptes.parent`: the page or the account above, as `parent_id` is."""
    pages = typed_table("web_pages", [("id", "INTEGER"), ("parent", "TEXT"), ("title", "TEXT")])
    accounts = typed_table("comptes", [("id", "INTEGER"), ("code", "TEXT"), ("parent", "TEXT"), ("libelle", "TEXT")])
    for key in ("web_pages.parent", "comptes.parent"):
        personal, _, reason = _verdict([USERS, pages, accounts], key)
        assert not personal, reason


def test_a_pupil_s_parent_is_still_a_person() -> None:
    """In a table that describes people, `parent` names one by role."""
    pupils = typed_table(
        "pupils", [("id", "INTEGER"), ("first_name", "TEXT"), ("last_name", "TEXT"), ("parent", "TEXT")]
    )
    personal, category, reason = _verdict([pupils], "pupils.parent")
    assert personal and category == "user.name", reason


# -- D9: the software's own machinery


def test_a_lock_s_owner_and_a_token_s_driver_are_programs() -> None:
    """Laravel's `cache_locks.owner` (a random lock token) and Socialite's `user_tokens.driver`."""
    locks = typed_table(
        "cache_locks", [("key", "varchar(255)"), ("owner", "varchar(255)"), ("expiration", "integer")], primary=("key",)
    )
    tokens = typed_table(
        "user_tokens",
        [
            ("id", "bigint"),
            ("user_id", "bigint"),
            ("driver_id", "varchar(256)"),
            ("driver", "varchar(50)"),
            ("token", "varchar(4096)"),
        ],
        (ForeignKey(("user_id",), "users"),),
    )
    for key in ("cache_locks.owner", "user_tokens.driver"):
        personal, _, reason = _verdict([USERS, locks, tokens], key)
        assert not personal, reason
    personal, _, reason = _verdict([USERS, locks, tokens], "user_tokens.token")
    assert personal, reason


def test_a_ride_s_driver_is_a_person() -> None:
    """`rides.driver`: a row about a booking names its driver by role."""
    rides = typed_table(
        "rides",
        [("id", "INTEGER"), ("user_id", "INTEGER"), ("driver", "varchar(100)"), ("fare", "DECIMAL(8,2)")],
        (ForeignKey(("user_id",), "users"),),
    )
    personal, category, reason = _verdict([USERS, rides], "rides.driver")
    assert personal and category == "user.name", reason


# -- D9: a whole number that defaults to 0 or 1 is a flag


def test_a_flag_named_user_is_no_key_to_a_user(tmp_path: Path) -> None:
    """`acc_accounts.user INTEGER NOT NULL DEFAULT 0`: added by the user or part of the chart."""
    write_files(
        tmp_path,
        {
            "schema.sql": (
                "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);\n"
                "CREATE TABLE acc_accounts (id INTEGER PRIMARY KEY, code TEXT NOT NULL, label TEXT NOT NULL,"
                " position INTEGER NOT NULL, user INTEGER NOT NULL DEFAULT 0);\n"
                "CREATE TABLE leaves (id INTEGER PRIMARY KEY, employee INTEGER NOT NULL, reason TEXT);\n"
                "CREATE TABLE employees (id INTEGER PRIMARY KEY, first_name TEXT, last_name TEXT);\n"
            )
        },
    )
    tables = list(read_entry(tmp_path, "schema.sql", dialect="sqlite").tables)
    assert column_of(tables, "acc_accounts.user").default == "0"
    for key in ("acc_accounts.label", "acc_accounts.position"):
        personal, _, reason = _verdict(tables, key)
        assert not personal, reason
    # a lone word for a person with no default is still their key
    personal, _, reason = _verdict(tables, "leaves.reason")
    assert personal, reason


def column_of(tables: list[Table], key: str) -> Column:
    name, _, column = key.partition(".")
    return next(c for t in tables if t.name == name for c in t.columns if c.name == column)


# -- D11: a date of a person's life kept in parts


def _dates(name: str = "contact_important_dates") -> list[Table]:
    contacts = typed_table("contacts", [("id", "INTEGER"), ("first_name", "TEXT"), ("last_name", "TEXT")])
    dates = typed_table(
        name,
        [
            ("id", "INTEGER"),
            ("contact_id", "INTEGER"),
            ("label", "TEXT"),
            ("day", "INTEGER"),
            ("month", "INTEGER"),
            ("year", "INTEGER"),
        ],
        (ForeignKey(("contact_id",), "contacts"),),
    )
    return [contacts, dates]


def test_a_birthday_kept_as_day_month_and_year_is_no_behaviour() -> None:
    """A contact's dates kept in parts, the year optional: a birthday or an anniversary."""
    for part in ("day", "month", "year"):
        personal, category, reason = _verdict(_dates(), f"contact_important_dates.{part}")
        assert personal and category == "user.demographic.date_of_birth", reason


def test_a_day_and_a_month_in_a_table_of_other_things_stay_what_they_were() -> None:
    """`timesheets(employee_id, day, month, year)`: the day they worked, not a birthday."""
    personal, category, reason = _verdict(_dates("timesheets"), "timesheets.day")
    assert personal and category == "user.behavior", reason


# -- D11: whom an e-mail goes to, and a queue of e-mails that reaches them


def _queue(name: str = "emails_queue", *extra: tuple[str, str]) -> Table:
    """A queue of e-mails waiting to be sent (after review27's association software)."""
    return typed_table(
        name,
        [
            ("id", "INTEGER"),
            ("sender", "TEXT"),
            ("recipient", "TEXT"),
            ("recipient_hash", "TEXT"),
            ("subject", "TEXT"),
            ("content", "TEXT"),
            *extra,
        ],
    )


def test_the_sender_and_recipient_of_an_e_mail_are_addresses() -> None:
    for column in ("sender", "recipient"):
        personal, category, reason = _verdict([_queue()], f"emails_queue.{column}")
        assert personal and category == "user.contact.email", reason


def test_a_queue_of_e_mails_reaches_the_people_it_lists() -> None:
    """The table verdict agrees with its columns: a row that reaches its recipient is about them."""
    verdict = table_verdicts([_queue()])["emails_queue"]
    assert verdict.kind == "linked to people", verdict
    assert "'recipient'" in verdict.reason, verdict


def test_a_hashed_recipient_address_is_still_their_address() -> None:
    """Recital 26: a hash of an e-mail address is pseudonymous personal data, no credential."""
    personal, category, reason = _verdict([_queue()], "emails_queue.recipient_hash")
    assert personal and category == "user.contact.email", reason


def test_roles_of_a_message_whose_table_says_no_e_mail_stay_names() -> None:
    """`messages.sender` in a chat: a person named by role, not an address."""
    chat = typed_table("messages", [("id", "INTEGER"), ("sender", "TEXT"), ("body", "TEXT")])
    personal, category, reason = _verdict([chat], "messages.sender")
    assert personal and category == "user.name", reason


def test_a_sibling_e_mail_column_says_the_row_is_an_e_mail() -> None:
    """`outbox(sender, recipient, sender_email)`: its roles are addresses too."""
    outbox = typed_table(
        "outbox", [("id", "INTEGER"), ("recipient", "TEXT"), ("sender_email", "TEXT"), ("body", "TEXT")]
    )
    personal, category, reason = _verdict([outbox], "outbox.recipient")
    assert personal and category == "user.contact.email", reason


def test_an_e_mail_s_sending_state_is_the_queue_s() -> None:
    """What the queue keeps about sending (a flag, a context code) is no fact about the recipient."""
    queue = _queue("emails_queue", ("sending", "INTEGER"), ("context", "INTEGER"))
    for column in ("sending", "context"):
        personal, _, reason = _verdict([queue], f"emails_queue.{column}")
        assert not personal, reason
    personal, category, reason = _verdict([queue], "emails_queue.content")
    assert personal and category == "user.content.private", reason


# -- D11: a count is no identifier


def test_a_number_of_things_is_a_count_not_an_id() -> None:
    """`number_of_employees`, `numero_de_hijos`: how many, not a number a person is known by."""
    people = typed_table(
        "clients",
        [
            ("id", "INTEGER"),
            ("first_name", "TEXT"),
            ("last_name", "TEXT"),
            ("number_of_employees", "INTEGER"),
            ("num_employees", "INTEGER"),
            ("numero_de_hijos", "INTEGER"),
            ("number_of_logins", "INTEGER"),
            ("member_number", "TEXT"),
            ("numero_socio", "TEXT"),
            ("num_member", "INTEGER"),
            ("nr_employee", "INTEGER"),
        ],
    )
    for column in ("number_of_employees", "num_employees", "numero_de_hijos"):
        personal, category, reason = _verdict([people], f"clients.{column}")
        assert personal and category == "user.demographic", reason  # how many people: their household
    personal, category, reason = _verdict([people], "clients.number_of_logins")
    assert personal and category == "user.behavior", reason
    # a singular names whose number it is, in English too (codereview25b F2)
    for column in ("member_number", "numero_socio", "num_member", "nr_employee"):
        personal, category, reason = _verdict([people], f"clients.{column}")
        assert personal and category == "user.unique_id", reason


# -- D11: a nickname is a name


def test_a_contact_s_nickname_is_a_name_not_a_login() -> None:
    """A name someone is called by (`nickname`, `soprannome`, `Spitzname`); `nick`, a handle, stays a login."""
    contacts = typed_table(
        "contacts",
        [
            ("id", "INTEGER"),
            ("first_name", "TEXT"),
            ("nickname", "VARCHAR(255)"),
            ("soprannome", "VARCHAR(255)"),
            ("spitzname", "VARCHAR(255)"),
            ("nick", "VARCHAR(50)"),
        ],
    )
    for column in ("nickname", "soprannome", "spitzname"):
        personal, category, reason = _verdict([contacts], f"contacts.{column}")
        assert personal and category == "user.name", reason
    personal, category, reason = _verdict([contacts], "contacts.nick")
    assert personal and category == "user.account.username", reason


# -- D11: a line of an address is the address


def test_the_lines_of_an_address_are_the_address() -> None:
    """`addresses.line_1`: in the address table, what is not a flag or a date is part of the address."""
    addresses = typed_table(
        "addresses",
        [
            ("id", "INTEGER"),
            ("contact_id", "INTEGER"),
            ("line_1", "VARCHAR(255)"),
            ("line_2", "VARCHAR(255)"),
            ("city", "VARCHAR(255)"),
            ("is_primary", "BOOLEAN"),
        ],
    )
    for column in ("line_1", "line_2"):
        personal, category, reason = _verdict([addresses], f"addresses.{column}")
        assert personal and category == "user.contact.address", reason
    _, category, reason = _verdict([addresses], "addresses.is_primary")
    assert category != "user.contact.address", reason


def test_an_address_column_makes_no_table_of_e_mails() -> None:
    """codereview25b F3: `parcels(sender, receiver, sender_email)` is no table of e-mails; its
    sender and receiver are names written out, not addresses."""
    parcels = typed_table(
        "parcels",
        [("id", "INTEGER"), ("sender", "TEXT"), ("receiver", "TEXT"), ("sender_email", "TEXT"), ("weight", "INTEGER")],
    )
    for column in ("sender", "receiver"):
        _, category, reason = _verdict([parcels], f"parcels.{column}")
        assert category != "user.contact.email", reason
