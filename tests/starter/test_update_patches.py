"""The second pass reads every new schema change: patches, init's note on them, the audit (review35 R35b D1).

A policy `cnsnt init` wrote when a schema had one patch beside it (a note under `sources:`
named the column it left out); a year later two more patches add a national id, health
notes and a consent timestamp. The fixtures are written here, as the review reproduced
them on a Supabase project.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cnsnt.api import audit_path
from cnsnt.cli import app
from cnsnt.starter.discover import Found, survey
from cnsnt.starter.run import draft_new, draft_update

runner = CliRunner()
ENV = {"COLUMNS": "300", "NO_COLOR": "1"}
SCHEMA = "CREATE TABLE members (id serial PRIMARY KEY, first_name text, last_name text, email text);\n"
PHONE = "ALTER TABLE members ADD COLUMN phone text;\n"
MORE = (
    "ALTER TABLE members ADD COLUMN pesel text;\nALTER TABLE members ADD COLUMN health_notes text;\n"
    "ALTER TABLE members ADD COLUMN consent_accepted_at timestamptz;\n"
)
#: The note cnsnt 0.1.0's init wrote on the first pass (schema.sql and add-phone.sql only).
OLD_NOTE = (
    "left out 1 SQL file in db/migrations: upgrade patches of db/schema.sql, which holds their tables; "
    "they add 1 column db/schema.sql lacks, not read: members.phone (db/migrations/add-phone.sql); check "
    "each: dropped since, made elsewhere (at run time), or the schema is older than the patch (then add "
    "the patch under sources:)"
)
#: The first pass's policy as that init wrote it, with a purpose a person filled in.
PASS_ONE = f"""cnsnt: 1
sources:
  # {OLD_NOTE}
  schemas:
    - {{path: "db/schema.sql"}}
purposes:
  membership: {{description: To run your membership., basis: contract}}
data:
  email:                                # 1 field found by cnsnt init
    category: user.contact.email        # check the suggested category
    columns:
      - members.email                   # name 'email' means an email address (en) [db/schema.sql:1]
    purposes: [membership]
    retention: P1Y
  name:
    category: user.name
    columns: [members.first_name, members.last_name]
    purposes: [membership]
    retention: P1Y
ignore: []
"""
NOW_LEFT_OUT = (
    "left out 2 SQL files in db/migrations: upgrade patches of db/schema.sql, which holds their tables; "
    "they add 4 columns db/schema.sql lacks, not read: members.consent_accepted_at (db/migrations/add-more.sql), "
    "members.health_notes (db/migrations/add-more.sql), members.pesel (db/migrations/add-more.sql), "
    "members.phone (db/migrations/add-phone.sql); check each: dropped since, made elsewhere (at run time), "
    "or the schema is older than the patch (then add the patch under sources:)"
)
NOW_READ = (
    "read 2 SQL files in db/migrations beside db/schema.sql: upgrade patches of it that add 4 columns it "
    "lacks (members.consent_accepted_at, members.health_notes, members.pesel, members.phone); db/schema.sql "
    "lacks most of the columns its patches add, so it is older than they are"
)


def _write(root: Path, name: str, text: str) -> None:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")


def _a_year_later(root: Path, policy: str = PASS_ONE) -> Path:
    """The first pass's policy over the project as it is a year later (one more patch file)."""
    _write(root, "db/schema.sql", SCHEMA)
    _write(root, "db/migrations/add-phone.sql", PHONE)
    _write(root, "db/migrations/add-more.sql", MORE)
    _write(root, "cnsnt.yaml", policy)
    return root / "cnsnt.yaml"


def test_init_reads_the_patches_of_a_schema_older_than_they_are(tmp_path: Path) -> None:
    """The schema lacks all 4 columns its patches add: it is older, they are read (the note says so)."""
    _a_year_later(tmp_path)
    found, notes = survey(tmp_path)
    assert found == [Found("schemas", "db/schema.sql"), Found("schemas", "db/migrations/*.sql")]
    assert notes == [NOW_READ]
    text = draft_new(tmp_path, output=tmp_path / "fresh.yaml").text
    assert "members.pesel" in text and "members.health_notes" in text and "members.phone" in text


def test_a_schema_that_holds_most_of_what_its_patches_add_keeps_them_left_out(tmp_path: Path) -> None:
    """osTicket-like: the schema is the patches' end state but for one column: left out, the note names it."""
    _write(tmp_path, "db/schema.sql", SCHEMA.replace("email text", "email text, phone text, fax text"))
    _write(tmp_path, "db/migrations/a.sql", "ALTER TABLE members ADD COLUMN phone text;\n")
    _write(tmp_path, "db/migrations/b.sql", "ALTER TABLE members ADD COLUMN fax text;\nALTER TABLE members ADD x int;\n")
    found, notes = survey(tmp_path)
    assert [f.pattern for f in found] == ["db/schema.sql"]
    assert notes == [
        "left out 2 SQL files in db/migrations: upgrade patches of db/schema.sql, which holds their tables; "
        "they add 1 column db/schema.sql lacks, not read: members.x (db/migrations/b.sql); check each: dropped "
        "since, made elsewhere (at run time), or the schema is older than the patch (then add the patch under "
        "sources:)"
    ]


def test_update_makes_init_s_note_today_s_and_says_it(tmp_path: Path) -> None:
    """Without --sources: the note counts the 2 patches and 4 columns not read, on its own line only."""
    policy = _a_year_later(tmp_path)
    draft = draft_update(policy)
    assert draft.changed
    assert draft.noted == ("db/schema.sql",)
    assert list(draft.alerts) == [NOW_LEFT_OUT]
    assert draft.text == PASS_ONE.replace(OLD_NOTE, NOW_LEFT_OUT)  # every other byte as it was
    assert [f for u in draft.unlisted for f in u.files] == ["db/migrations/add-more.sql", "db/migrations/add-phone.sql"]


def test_update_sources_reads_the_new_column_patches(tmp_path: Path) -> None:
    """The review's repro: `--update --sources` said "no new personal field found; nothing changed"."""
    policy = _a_year_later(tmp_path)
    draft = draft_update(policy, sources=True)
    assert [u.entry for u in draft.added_sources] == [Found("schemas", "db/migrations/*.sql")]
    assert f"  # {NOW_READ}\n" in draft.text and OLD_NOTE not in draft.text
    added = {f.key for e in draft.entries for f in e.columns} | {f.key for j in draft.joined for f in j.fields}
    assert {"members.pesel", "members.health_notes", "members.consent_accepted_at", "members.phone"} <= added
    assert draft.alerts == ()  # nothing is left unread


def test_a_note_a_person_edited_stays_and_today_s_is_added(tmp_path: Path) -> None:
    edited = PASS_ONE.replace(OLD_NOTE, OLD_NOTE + " -- checked by Ana: phone is kept in the CRM")
    policy = _a_year_later(tmp_path, edited)
    text = draft_update(policy).text
    lines = text.splitlines()
    at = lines.index(f"  # {OLD_NOTE} -- checked by Ana: phone is kept in the CRM")
    assert lines[at + 1] == f"  # {NOW_LEFT_OUT}"
    assert text.replace(f"  # {NOW_LEFT_OUT}\n", "", 1) == edited


def test_the_terminal_says_the_note_on_the_second_pass(tmp_path: Path) -> None:
    policy = _a_year_later(tmp_path)
    result = runner.invoke(app, ["init", "--update", str(policy)], env=ENV, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert "updated the note under sources: on the upgrade patches of db/schema.sql" in result.stderr
    assert NOW_LEFT_OUT in " ".join(result.stderr.split())


def test_the_audit_names_the_patches_no_source_reads(tmp_path: Path) -> None:
    """The old policy audited as it is: a CN001 warning per patch file, naming its columns."""
    _a_year_later(tmp_path)
    found = [f for f in audit_path(tmp_path).findings if f.rule == "CN001"]
    assert [(f.location.path, f.location.line, f.severity.value) for f in found if f.location] == [
        ("db/migrations/add-more.sql", 1, "warning"),
        ("db/migrations/add-phone.sql", 1, "warning"),
    ]
    assert found[0].message == (
        "db/migrations/add-more.sql adds 3 columns that no audited source has (members.pesel, "
        "members.health_notes, members.consent_accepted_at), and no sources: entry reads it as a schema: not read"
    )


def test_the_audit_says_nothing_of_patches_the_schema_holds(tmp_path: Path) -> None:
    """A patch whose column the schema has, a file that creates its own copy of a table: no warning."""
    _write(tmp_path, "db/schema.sql", SCHEMA.replace("email text", "email text, phone text"))
    _write(tmp_path, "db/migrations/add-phone.sql", PHONE)
    _write(tmp_path, "db/old/schema-v1.sql", "CREATE TABLE members (id int, fax text);\nALTER TABLE members ADD x int;\n")
    _write(tmp_path, "cnsnt.yaml", 'cnsnt: 1\nsources:\n  schemas:\n    - {path: "db/schema.sql"}\n')
    assert [f for f in audit_path(tmp_path).findings if f.rule == "CN001"] == []


def test_the_note_names_only_the_patches_the_policy_does_not_read(tmp_path: Path) -> None:
    """A policy today's init wrote reads add-phone.sql; a year later add-more.sql is the one left out."""
    _write(tmp_path, "db/schema.sql", SCHEMA)
    _write(tmp_path, "db/migrations/add-phone.sql", PHONE)
    draft = draft_new(tmp_path)
    (tmp_path / "cnsnt.yaml").write_text(draft.text, encoding="utf-8")
    assert '    - {path: "db/migrations/add-phone.sql"}\n' in draft.text
    _write(tmp_path, "db/migrations/add-more.sql", MORE)
    update = draft_update(tmp_path / "cnsnt.yaml")
    assert [str(a) for a in update.alerts] == [
        "left out 1 SQL file in db/migrations: upgrade patches of db/schema.sql, which holds their tables; "
        "they add 3 columns db/schema.sql lacks, not read: members.consent_accepted_at (db/migrations/add-more.sql), "
        "members.health_notes (db/migrations/add-more.sql), members.pesel (db/migrations/add-more.sql); check "
        "each: dropped since, made elsewhere (at run time), or the schema is older than the patch (then add the "
        "patch under sources:)"
    ]
    assert f"  # {update.alerts[0]}\n" in update.text
    assert "  # read 1 SQL file in db/migrations beside db/schema.sql: upgrade patches of it that add 1 column" in (
        update.text
    )


def test_a_patch_beside_one_the_policy_names_alone_joins_it_by_name_not_as_a_glob(tmp_path: Path) -> None:
    """Session 29's closing note: init pins a lone patch it reads (`db/migrations/add-phone.sql`); a year
    later `--update --sources` added `db/migrations/*.sql` for the new one, a glob naming the pinned file a
    second time. The new patch is added by name; the pinned line stays; every patch is read once."""
    _write(tmp_path, "db/schema.sql", SCHEMA)
    _write(tmp_path, "db/migrations/add-phone.sql", PHONE)
    (tmp_path / "cnsnt.yaml").write_text(draft_new(tmp_path).text, encoding="utf-8")
    _write(tmp_path, "db/migrations/add-more.sql", MORE)
    update = draft_update(tmp_path / "cnsnt.yaml", sources=True)
    assert [u.entry for u in update.added_sources] == [Found("schemas", "db/migrations/add-more.sql")]
    lines = [line for line in update.text.splitlines() if line.startswith("    - {path:")]
    assert lines == [
        '    - {path: "db/schema.sql"}',
        '    - {path: "db/migrations/add-phone.sql"}',
        '    - {path: "db/migrations/add-more.sql"} # added by cnsnt init --update',
    ]
    added = {f.key for e in update.entries for f in e.columns} | {f.key for j in update.joined for f in j.fields}
    assert {"members.pesel", "members.health_notes", "members.consent_accepted_at"} <= added
    # a folder no line names by itself still gets its glob (the review's repro, above)
    assert [u.entry for u in draft_update(_a_year_later(tmp_path / "other"), sources=True).added_sources] == [
        Found("schemas", "db/migrations/*.sql")
    ]
