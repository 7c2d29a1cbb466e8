"""`init` splits the fields of unknown kind into entries by person and by form folder."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cnsnt.api import audit_path
from cnsnt.classify import read_tables
from cnsnt.cli import app
from cnsnt.evidence import Column, ForeignKey, Table
from cnsnt.model import Confidence, Location
from cnsnt.policy.loader import load_policy
from cnsnt.starter.fields import UNKNOWN_CATEGORY, PersonalField
from cnsnt.starter.groups import FOLDER_MAX, FOLDER_MIN, FORM_MIN, LINKED, people_of, unknown_kind_groups
from cnsnt.starter.run import draft_new

runner = CliRunner()
ENV = {"COLUMNS": "100", "NO_COLOR": "1"}
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")  # the policy schema's `name`

SCHEMA = """\
CREATE TABLE staff (
  id INT PRIMARY KEY,
  firstname VARCHAR(80),
  lastname VARCHAR(80),
  email VARCHAR(200),
  timezone VARCHAR(40),
  onvacation TINYINT,
  backend VARCHAR(40)
);
CREATE TABLE staff_session (
  id INT PRIMARY KEY,
  staff_id INT REFERENCES staff(id),
  stage VARCHAR(20)
);
CREATE TABLE note (
  id INT PRIMARY KEY,
  staff_id INT REFERENCES staff(id),
  topic VARCHAR(80),
  mood VARCHAR(20)
);
CREATE TABLE note_attachment (
  id INT PRIMARY KEY,
  note_id INT REFERENCES note(id),
  inline TINYINT
);
CREATE TABLE guest (
  id INT PRIMARY KEY,
  firstname VARCHAR(80),
  lastname VARCHAR(80),
  timezone VARCHAR(40)
);
CREATE TABLE shelves (code VARCHAR(20) PRIMARY KEY, floor INT);
"""


def _form(form: str, names: list[str]) -> str:
    inputs = "".join(f'<input name="{n}">' for n in names)
    return f'<form id="{form}">{inputs}<input type="submit" name="go" value="Save"></form>\n'


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A helpdesk of our own: a people table, tables linked to it (one through another),
    a second people table with one odd column, and forms in an admin and a client folder."""
    root = tmp_path / "desk"
    (root / "db").mkdir(parents=True)
    (root / "db" / "schema.sql").write_text(SCHEMA)
    admin = root / "templates" / "admin"
    client = root / "templates" / "client"
    admin.mkdir(parents=True)
    client.mkdir(parents=True)
    (admin / "settings.html").write_text(
        _form("desk-settings", ["opening_hour", "closing_hour", "max_renewals", "catalogue_mode"])
    )
    (admin / "queue.html").write_text(_form("queue", ["sort_order", "autorefresh"]))
    (client / "request.html").write_text(
        _form("request", ["isbn", "branch", "pickup_slot", "wishes", "copies"])
    )
    (client / "status.html").write_text(_form("status", ["ticket_ref"]))
    return root


def _entries(policy_path: Path) -> dict[str, tuple[set[str], set[str]]]:
    policy = load_policy(policy_path)  # valid against the policy schema
    return {name: (set(d.columns), set(d.form_fields)) for name, d in policy.data.items()}


def _init(root: Path) -> Path:
    result = runner.invoke(app, ["init", str(root)], env=ENV, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return root / "cnsnt.yaml"


def test_unknown_kinds_are_grouped_by_person_and_by_form_folder(project: Path) -> None:
    target = _init(project)
    entries = _entries(target)
    assert "personal_data" not in entries
    # the people table's own columns, apart from the rows that point at it; a row under
    # a note (`note_attachment.inline`) is the note's, not a fact about the person
    assert entries["staff_details"] == ({"staff.backend", "staff.onvacation", "staff.timezone"}, set())
    assert entries["staff_records"] == (
        {"staff_session.stage", "note.topic", "note.mood"},
        set(),
    )
    assert not any("note_attachment.inline" in columns for columns, _ in entries.values())
    # a person with too few unknown facts to judge apart shares one entry
    assert entries["other_personal_details"][0] == {"guest.timezone"}
    # form fields by the folder of their form: the admin pages apart from the customers'
    # (a form whose every field is of unknown kind stays one `form.*` pattern inside its group)
    assert entries["admin_form_input"] == (
        set(),
        {"desk-settings.*", "queue.sort_order", "queue.autorefresh"},
    )
    assert entries["client_form_input"] == (set(), {"request.*", "status.ticket_ref"})
    assert all(NAME.fullmatch(name) for name in entries)
    # each group says what it holds and what to decide, above its fields
    text = target.read_text(encoding="utf-8")
    block = text[text.index("  client_form_input:") :]
    assert "# holds: fields of a kind cnsnt cannot name" in block.split("label:")[0]
    assert "templates/client/" in block.split("label:")[0]
    assert "# decide:" in block.split("label:")[0]
    records = text[text.index("  staff_records:") :].split("label:")[0]
    assert "note, staff_session" in " ".join(records.replace("#", "").split())
    # every field is still declared: the audit right after init finds nothing undeclared
    assert not [f for f in audit_path(project).findings if f.rule == "CN101"]


def test_the_grouped_starter_is_byte_identical_run_after_run(project: Path) -> None:
    day = dt.date(2026, 12, 2)
    first = draft_new(project, today=day).text
    second = draft_new(project, today=day).text
    assert first == second
    assert "staff_records:" in first


def _grow(project: Path) -> None:
    """A new column of a staff member and a new form in the client area."""
    schema = project / "db" / "schema.sql"
    schema.write_text(
        SCHEMA.replace("  backend VARCHAR(40)\n", "  backend VARCHAR(40),\n  shift_pattern VARCHAR(20)\n")
    )
    (project / "templates" / "client" / "renew.html").write_text(_form("renew", ["loan_ref", "weeks"]))


def test_update_puts_new_fields_under_their_person_and_folder_however_few(project: Path) -> None:
    target = _init(project)
    original = target.read_text(encoding="utf-8")
    _grow(project)
    result = runner.invoke(app, ["init", str(project), "--update"], env=ENV, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    updated = target.read_text(encoding="utf-8")
    # every line stays but the joined entries' headers, whose counts now say what they hold
    recounted = (
        original.replace("  staff_details:                        # 3 fields found by cnsnt init\n",
                         "  staff_details:                        # 4 fields found by cnsnt init\n")
        .replace("  client_form_input:                    # 6 fields found by cnsnt init\n",
                 "  client_form_input:                    # 8 fields found by cnsnt init\n")
    )
    assert recounted != original
    assert [line for line in recounted.splitlines() if line not in updated.splitlines()] == []
    entries = _entries(target)
    # one new column is not merged away: it joins its person's entry, still undecided (no
    # purposes), rather than a second "Other details about staff" beside it
    assert entries["staff_details"][0] == {"staff.backend", "staff.onvacation", "staff.shift_pattern", "staff.timezone"}
    assert entries["client_form_input"][1] >= {"renew.loan_ref", "renew.weeks"}
    assert "staff_details_2" not in entries and "client_form_input_2" not in entries
    assert "2 existing data entries without purposes (staff_details, client_form_input)" in result.stderr
    assert not [f for f in audit_path(project).findings if f.rule == "CN101"]


def test_update_beside_a_decided_group_makes_a_new_entry_told_apart(project: Path) -> None:
    target = _init(project)
    text = target.read_text(encoding="utf-8")
    at = text.index("  staff_details:")
    head, rest = text[:at], text[at:]
    # staff_details has purposes now: a decision was made, new fields do not join it
    rest = rest.replace("purposes: []", "purposes: [support]", 1)
    text = head.replace("purposes: {}", "purposes:\n  support: {description: To help you., basis: contract}\n#") + rest
    target.write_text(text, encoding="utf-8")
    _grow(project)
    result = runner.invoke(app, ["init", str(project), "--update"], env=ENV, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    policy = load_policy(target)
    assert set(policy.data["staff_details_2"].columns) == {"staff.shift_pattern"}
    labels = [d.label.any() for d in policy.data.values() if d.label is not None]
    assert len(labels) == len({label.casefold() for label in labels})
    assert policy.data["staff_details_2"].label.any() == f"{policy.data['staff_details'].label.any()} (2)"


# --- the grouping rules, on fields made here ---------------------------------------------


def _field(form: str, name: str, path: str) -> PersonalField:
    return PersonalField(
        "form_field",
        f"{form}.{name}",
        UNKNOWN_CATEGORY,
        "kind unknown",
        Confidence.LOW,
        Location(path, 1, 1),
        form=form,
    )


def _fields(form: str, path: str, count: int) -> list[PersonalField]:
    return [_field(form, f"f{n}", path) for n in range(count)]


def _grouped(fields: list[PersonalField], **kw: bool) -> dict[str, set[str]]:
    return {g.names[0]: {f.key for f in g.fields} for g in unknown_kind_groups(fields, None, **kw)}


def test_a_small_folder_joins_its_parent_and_small_top_folders_share_one_entry() -> None:
    fields = (
        _fields("panel", "admin/panel.html", FOLDER_MIN)
        + _fields("tiny", "admin/tiny/x.html", FOLDER_MIN - 1)
        + _fields("lone", "misc/lone.html", 1)
        + _fields("top", "index.html", 1)
    )
    got = _grouped(fields)
    assert set(got) == {"admin_form_input", "other_form_input"}
    assert {f.key for f in fields if f.form in ("panel", "tiny")} == got["admin_form_input"]
    assert got["other_form_input"] == {"lone.f0", "top.f0"}
    # without merging (init --update), every folder keeps its own entry
    assert set(_grouped(fields, merge_small=False)) == {
        "admin_form_input",
        "tiny_form_input",
        "misc_form_input",
        "other_form_input",
    }


def test_the_catch_all_entry_names_the_folders_its_forms_are_in() -> None:
    """review24 D9: `informe_add` is in `templates/informe/`, not in the project's top folder."""
    lone = unknown_kind_groups(_fields("informe_add", "templates/informe/informe_add.html", 1), None)
    said = " ".join(" ".join(lone[0].notes).split())
    assert "forms in templates/informe/ (1 form: informe_add)" in said
    assert "top folder" not in said
    fields = _fields("lone", "misc/lone.html", 1) + _fields("top", "index.html", 1)
    said = " ".join(" ".join(unknown_kind_groups(fields, None)[0].notes).split())
    assert "forms in misc/, the project's top folder (2 forms: lone, top)" in said


def test_a_form_field_that_fills_a_column_goes_where_the_column_goes() -> None:
    """review24 D6: `add-payment.musteriKasaBorc` fills `odemeler.musteri_kasa_borc`."""
    column = PersonalField(
        "column", "odemeler.musteri_kasa_borc", UNKNOWN_CATEGORY, "x", Confidence.LOW,
        Location("Odeme.java", 1, 1), table="odemeler",
    )
    filled = replace(_field("add-payment", "musteriKasaBorc", "templates/add-payment.html"), table="odemeler")
    other = _field("add-payment", "notlar", "templates/add-payment.html")
    got = _grouped([column, filled, other])
    assert got == {
        "other_personal_details": {"odemeler.musteri_kasa_borc", "add-payment.musteriKasaBorc"},
        "form_input": {"add-payment.notlar"},
    }


def test_a_one_folder_project_gets_one_entry() -> None:
    fields = _fields("a", "pages/a.html", 3) + _fields("b", "pages/b.html", 4)
    got = _grouped(fields)
    assert list(got) == ["pages_form_input"] and len(got["pages_form_input"]) == 7


def test_a_crowded_folder_gives_its_large_forms_entries_of_their_own() -> None:
    big = _fields("settings-system", "include/staff/settings.php", FORM_MIN)
    rest = [f for n in range(FOLDER_MAX // 5) for f in _fields(f"page{n}", f"include/staff/p{n}.php", 5)]
    got = _grouped(big + rest)
    assert got["staff_settings_system_input"] == {f.key for f in big}
    assert got["staff_form_input"] == {f.key for f in rest}
    # under the limit the folder stays one entry
    assert list(_grouped(big + rest[: FOLDER_MAX - FORM_MIN])) == ["staff_form_input"]


def test_a_large_form_named_by_its_path_is_named_by_its_file_in_its_entry_name() -> None:
    """`staff/settings/edit` (two files' `edit`, renamed by their paths) in its folder."""
    big = _fields("staff/settings/edit", "app/views/staff/settings/edit.html.erb", FORM_MIN)
    rest = [
        f for n in range(FOLDER_MAX // 5) for f in _fields(f"staff/settings/p{n}", f"app/views/staff/settings/p{n}.erb", 5)
    ]
    got = _grouped(big + rest)
    assert got["settings_edit_input"] == {f.key for f in big}  # not `settings_staff_settings_edit_input`


def test_folders_that_end_alike_get_distinct_names() -> None:
    fields = _fields("a", "admin/faltas/a.php", FOLDER_MIN) + _fields("b", "faltas/b.php", FOLDER_MIN)
    got = _grouped(fields)
    assert got == {
        "admin_faltas_form_input": {f.key for f in fields[:FOLDER_MIN]},
        "faltas_form_input": {f.key for f in fields[FOLDER_MIN:]},
    }


@pytest.mark.parametrize(
    ("form", "path"),
    [
        ("2fa", "2024/2fa.html"),
        ('x"\n: y', "weird dir/ünïcode/é.html"),
        ("форма", "шаблоны/ф.html"),
        ("", "templates/x.html"),
    ],
)
def test_names_are_valid_whatever_the_form_and_folder(form: str, path: str) -> None:
    fields = _fields(form, path, FOLDER_MAX + FORM_MIN)
    for found in unknown_kind_groups(fields, None):
        assert found.names and all(NAME.fullmatch(n) for n in found.names), found.names
        assert all("\n" not in note for note in found.notes)


def test_hostile_people_table_names_stay_inside_labels_and_comments(tmp_path: Path) -> None:
    root = tmp_path / "p"
    root.mkdir()
    (root / "schema.sql").write_text(
        'CREATE TABLE "staff\n# injected: true" (id INT PRIMARY KEY, firstname TEXT, lastname TEXT,'
        " email TEXT, timezone TEXT, onvacation INT, backend TEXT);\n"
    )
    target = _init(root)
    policy = load_policy(target)
    assert "injected" not in policy.raw
    details = [d for name, d in policy.data.items() if name.endswith("_details")]
    assert len(details) == 1 and len(details[0].columns) == 3
    assert all(NAME.fullmatch(name) for name in policy.data)


def _linked_table(name: str, count: int) -> str:
    facts = "".join(f",\n  fact{n} VARCHAR(20)" for n in range(count))
    return f"CREATE TABLE {name} (\n  id INT PRIMARY KEY,\n  staff_id INT REFERENCES staff(id){facts}\n);\n"


def test_a_long_list_of_records_gives_its_large_tables_entries_of_their_own(tmp_path: Path) -> None:
    root = tmp_path / "p"
    root.mkdir()
    people = "CREATE TABLE staff (id INT PRIMARY KEY, firstname TEXT, lastname TEXT, email TEXT);\n"
    small = [_linked_table(f"log{n}", 5) for n in range(FOLDER_MAX // 5)]
    (root / "schema.sql").write_text(people + _linked_table("ticket", FORM_MIN) + "".join(small))
    entries = _entries(_init(root))
    assert entries["ticket_records"][0] == {f"ticket.fact{n}" for n in range(FORM_MIN)}
    rest = entries["staff_records"][0]
    assert len(rest) == FOLDER_MAX and not any(c.startswith("ticket.") for c in rest)
    # at the limit the records stay one entry
    (root / "schema.sql").write_text(people + _linked_table("ticket", FORM_MIN) + "".join(small[:-2]))
    (root / "cnsnt.yaml").unlink()
    entries = _entries(_init(root))
    assert "ticket_records" not in entries and len(entries["staff_records"][0]) == FOLDER_MAX


def test_a_record_goes_with_whom_it_is_about_not_with_who_made_it(tmp_path: Path) -> None:
    staff = _table("staff", ["id", "firstname", "lastname", "email"])
    customers = _table("customers", ["id", "firstname", "lastname", "email"])
    tickets = _table(
        "tickets",
        ["id", "created_by", "customer_id", "topic"],
        (ForeignKey(("created_by",), "staff"), ForeignKey(("customer_id",), "customers")),
    )
    assert people_of(read_tables([staff, customers, tickets]))[tickets.key][0] == customers.key


def _table(
    name: str, columns: list[str], keys: tuple[ForeignKey, ...] = (), schema: str | None = None
) -> Table:
    where = Location("s.sql", 1, 1)
    cols = tuple(Column(name, c, where, "s.sql", schema, type="VARCHAR(80)") for c in columns)
    return Table(name=name, location=where, source="s.sql", schema=schema, columns=cols, foreign_keys=keys)


def test_a_key_naming_a_schema_the_tables_lack_finds_the_table_of_its_name() -> None:
    """`REFERENCES crm.customers` when the dump created `customers` with no schema: that table.

    The classifier already calls `tickets` linked to people through that key (it reads
    the bare name), so its records go with the customers, not into a group of their own.
    """
    customers = _table("customers", ["id", "firstname", "lastname", "email"])
    tickets = _table(
        "tickets",
        ["id", "customer_id", "topic"],
        (ForeignKey(("customer_id",), "customers", ref_schema="crm"),),
    )
    reading = read_tables([customers, tickets])
    assert reading.verdicts[tickets.key].kind == "linked to people"
    assert reading.target(tickets, tickets.foreign_keys[0]) == customers
    assert people_of(reading)[tickets.key] == (customers.key, LINKED)
    # the named schema's table wins when it is there, then the row's own schema's
    crm = _table("customers", ["id", "firstname", "lastname", "email"], schema="crm")
    sales = _table("customers", ["id", "firstname", "lastname", "email"], schema="sales")
    own = _table(
        "orders", ["id", "customer_id"], (ForeignKey(("customer_id",), "customers"),), schema="sales"
    )
    reading = read_tables([customers, crm, sales, tickets, own])
    assert reading.target(tickets, tickets.foreign_keys[0]) == crm
    assert reading.target(own, own.foreign_keys[0]) == sales
