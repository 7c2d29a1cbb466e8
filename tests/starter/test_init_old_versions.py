"""review27 D2, D3: old versions' schemas, upgrade steps, a symlinked schema, a table made at run time.

Seen on paheko/paheko `51fc59b` (SQLite, French): init proposed `archives/*.sql`
(schemas of releases 0.7-1.0), `src/include/data/*.sql` (`1.1.0_schema.sql` with its
1.1.x migrations, and `schema.sql`, a symlink to `migrations/1.3/schema.sql`) beside
`migrations/1.3/schema.sql`: 135 tables read where the application has 44, findings
reported twice. The data-fix patches of `migrations/1.3/` became `queries:` with
`dialect: mysql`. The files here are written for the tests; only the layout follows paheko.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cnsnt.api import audit_path
from cnsnt.sql.ddl import parse_ddl
from cnsnt.starter import patch_gaps
from cnsnt.starter.discover import Found, survey
from cnsnt.starter.folders import old_folder
from cnsnt.starter.patch_gaps import added_gaps
from cnsnt.starter.patch_order import upgrade_order
from cnsnt.starter.run import draft_new
from cnsnt.starter.schema_versions import split_version

CURRENT = (
    "CREATE TABLE config (key TEXT PRIMARY KEY NOT NULL, value TEXT NULL);\n"
    "CREATE TABLE users_categories (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
    "CREATE TABLE members (id INTEGER PRIMARY KEY, email TEXT NULL, phone TEXT NULL);\n"
)
OLD = (
    "CREATE TABLE config (key TEXT PRIMARY KEY NOT NULL, value TEXT NULL);\n"
    "CREATE TABLE membres (id INTEGER PRIMARY KEY, nom TEXT, email TEXT, iban TEXT, secret_otp TEXT);\n"
)


def _write(root: Path, name: str, text: str) -> None:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")


def _schemas(found: list[Found]) -> list[str]:
    return sorted(f.pattern for f in found if f.kind == "schemas")


# D2: folders of old versions


@pytest.mark.parametrize(
    "name", ["archives", "archive", "old", "legacy", "deprecated", "obsolete", "old_schemas", "OldSql",
             "sql-archive", "vecchio", "anciens", "eski", "архив"],
)
def test_folders_of_old_versions_are_known(name: str) -> None:
    assert old_folder(name)


@pytest.mark.parametrize("name", ["src", "threshold", "holdings", "archivos", "arquivos", "db", "golden"])
def test_other_folders_are_not_old(name: str) -> None:
    assert not old_folder(name)


def test_an_archives_folder_is_left_out_with_a_note(tmp_path: Path) -> None:
    """The review's repro: `archives/` is a release's schema and migration, not the live schema."""
    _write(tmp_path, "archives/0.9.0_schema.sql", "CREATE TABLE membres (id INTEGER PRIMARY KEY, nom TEXT, "
           "email TEXT, iban TEXT);\n")
    _write(tmp_path, "archives/0.9.0_migration.sql", "ALTER TABLE membres ADD COLUMN telephone TEXT NULL;\n")
    _write(tmp_path, "src/data/schema.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);\n")
    found, notes = survey(tmp_path)
    assert _schemas(found) == ["src/data/schema.sql"]
    assert notes == [
        "left out 2 SQL schema files in folders of old versions (archives): archives/0.9.0_migration.sql, "
        "archives/0.9.0_schema.sql; a folder named archive, old, legacy, deprecated or obsolete keeps what "
        "the application used before, not the schema it runs now; add one under sources: if the "
        "application uses it"
    ]
    text = draft_new(tmp_path).text
    assert "membres." not in text.split("\ndata:", 1)[1]
    assert "users.email" in text


def test_the_code_of_a_folder_named_old_stays_proposed(tmp_path: Path) -> None:
    """Only SQL and SQLite files are left out there: `archive/` pages are a blog's feature."""
    _write(tmp_path, "templates/archive/search.html", '<form method="post"><input name="email"></form>\n')
    _write(tmp_path, "db/old/dump.sql", OLD)
    _write(tmp_path, "db/schema.sql", CURRENT)
    found, notes = survey(tmp_path)
    assert [f.pattern for f in found if f.kind == "forms"] == ["templates/archive/search.html"]
    assert _schemas(found) == ["db/schema.sql"]
    assert notes[0].startswith("left out 1 SQL schema file in folders of old versions (db/old): db/old/dump.sql;")


def test_a_modules_archive_folder_keeps_its_own_sql(tmp_path: Path) -> None:
    """codereview25 F3: `modules/archive/` is a CMS's archive feature; its `install.sql` is the
    application's own and is proposed. `archive` names old versions only for SQL that says
    its version (`0.9.0_schema.sql`); `legacy/` and `old/` always do."""
    _write(tmp_path, "modules/archive/sql/install.sql",
           "CREATE TABLE archive_subscribers (id INTEGER PRIMARY KEY, email TEXT NOT NULL);\n")
    _write(tmp_path, "modules/archive/sql/0.9.0_install.sql", "CREATE TABLE archive_old (id INTEGER);\n")
    _write(tmp_path, "db/legacy/install.sql", OLD)
    _write(tmp_path, "db/schema.sql", CURRENT)
    found, notes = survey(tmp_path)
    assert "modules/archive/sql/install.sql" in _schemas(found)
    assert not any("0.9.0_install" in p or "legacy" in p for p in _schemas(found))
    assert "archive_subscribers.email" in draft_new(tmp_path).text


# D2: versioned copies of the full schema


def test_split_version_reads_versions_at_either_end() -> None:
    assert split_version("1.1.0_schema") == ("schema", (1, 1, 0))
    assert split_version("schema-v2") == ("schema", (2,))
    assert split_version("V3__schema") == ("schema", (3,))
    assert split_version("1.3.10") == ("", (1, 3, 10))
    assert split_version("schema2") == ("schema2", ())


def test_only_the_newest_full_schema_is_proposed(tmp_path: Path) -> None:
    """paheko-like: 1.1.0's schema with its migrations, and 1.3.0's beside 1.3's current one."""
    _write(tmp_path, "src/data/1.1.0_schema.sql", OLD)
    _write(tmp_path, "src/data/1.1.21_migration.sql", "ALTER TABLE membres ADD COLUMN clef_pgp TEXT NULL;\n")
    _write(tmp_path, "src/data/1.1.25_migration.sql", "UPDATE config SET value = 'x' WHERE key = 'y';\n")
    _write(tmp_path, "src/migrations/1.3/1.3.0_schema.sql", CURRENT.replace(", phone TEXT NULL", ""))
    _write(tmp_path, "src/migrations/1.3/schema.sql", CURRENT)
    found, notes = survey(tmp_path)
    assert _schemas(found) == ["src/migrations/1.3/schema.sql"]
    assert notes == [
        "left out 4 SQL files (src/data/1.1.0_schema.sql, src/data/1.1.21_migration.sql, "
        "src/data/1.1.25_migration.sql and 1 more): older versions of src/migrations/1.3/schema.sql, the "
        "newest full schema of that name; 1 table they create is not in it (membres): renamed or dropped "
        "since; add one under sources: if the application still uses it"
    ]


def test_an_unversioned_dump_does_not_outdate_versioned_migrations(tmp_path: Path) -> None:
    """A Flyway baseline `V1__schema.sql` beside a `schema.sql` with no version: nothing says which is newer."""
    _write(tmp_path, "db/migration/V1__schema.sql", CURRENT)
    _write(tmp_path, "db/migration/V2__phone.sql", "ALTER TABLE members ADD COLUMN mobile TEXT NULL;\n")
    _write(tmp_path, "schema.sql", CURRENT)
    found, _ = survey(tmp_path)
    assert Found("schemas", "db/migration/*.sql", format="migrations") in found


def test_schemas_of_one_name_that_share_no_table_are_both_kept(tmp_path: Path) -> None:
    _write(tmp_path, "billing/v1/schema.sql", "CREATE TABLE invoices (id INTEGER PRIMARY KEY, email TEXT);\n")
    _write(tmp_path, "crm/v2/schema.sql", "CREATE TABLE contacts (id INTEGER PRIMARY KEY, email TEXT);\n")
    found, notes = survey(tmp_path)
    assert _schemas(found) == ["billing/v1/schema.sql", "crm/v2/schema.sql"]
    assert notes == []


# D2: a schema reached through a symlink


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this system")
def test_a_folder_holding_a_symlink_is_proposed_file_by_file(tmp_path: Path) -> None:
    """A `sql/*.sql` glob would take `sql/current.sql`, a link to `db/schema.sql`, proposed too."""
    _write(tmp_path, "db/schema.sql", CURRENT)
    _write(tmp_path, "sql/audit.sql", "CREATE TABLE audit_log (id INTEGER PRIMARY KEY, ip TEXT);\n")
    _write(tmp_path, "sql/mail.sql", "CREATE TABLE mail_queue (id INTEGER PRIMARY KEY, recipient TEXT);\n")
    (tmp_path / "sql" / "current.sql").symlink_to(Path("..") / "db" / "schema.sql")
    found, _ = survey(tmp_path)
    assert _schemas(found) == ["db/schema.sql", "sql/audit.sql", "sql/mail.sql"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this system")
def test_the_audit_reads_a_file_two_entries_reach_once(tmp_path: Path) -> None:
    """paheko's policy: `data/*.sql` (migrations) takes a link to `1.3/schema.sql`, named too."""
    _write(tmp_path, "migrations/1.3/schema.sql", CURRENT)
    _write(tmp_path, "data/1.1.0_schema.sql", OLD)
    _write(tmp_path, "data/1.1.21_migration.sql", "ALTER TABLE membres ADD COLUMN clef_pgp TEXT NULL;\n")
    (tmp_path / "data" / "schema.sql").symlink_to(Path("..") / "migrations" / "1.3" / "schema.sql")
    _write(
        tmp_path,
        "cnsnt.yaml",
        "cnsnt: 1\nsources:\n  schemas:\n"
        '    - {path: "data/*.sql", format: migrations}\n'
        '    - {path: "migrations/1.3/schema.sql"}\n'
        "data: {}\n",
    )
    result = audit_path(tmp_path)
    # members, users_categories and config of 1.3; config and membres of 1.1.0 (the link is not replayed)
    assert result.sources["tables"] == 5
    phone = [f for f in result.findings if f.rule == "CN101" and "members.phone" in f.message]
    assert len(phone) == 1
    assert phone[0].location is not None
    assert phone[0].location.path == "migrations/1.3/schema.sql"  # read under its own name
    assert not [f for f in result.findings if "also defined in" in f.message and "members" in f.message]


# D3: upgrade steps beside their full schema


def _d3(root: Path) -> None:
    """The review's repro: a versioned patch folder that holds its full schema."""
    _write(
        root,
        "db/1.3/schema.sql",
        "CREATE TABLE users_fields (id INTEGER PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, "
        "system INTEGER NOT NULL DEFAULT 0);\n"
        "CREATE TABLE members (id INTEGER PRIMARY KEY, email TEXT NULL, phone TEXT NULL);\n",
    )
    _write(root, "db/1.3/1.3.2.sql", "ALTER TABLE members ADD COLUMN birth_date TEXT NULL;\n")
    _write(
        root,
        "db/1.3/1.3.10.sql",
        "UPDATE users_fields SET type = 'textarea', system = system | (0x01 << 6) "
        "WHERE name = 'address' AND (system & (0x01 << 5));\n",
    )
    _write(root, "db/1.3/1.3.11.sql", "UPDATE members SET email = LOWER(email) WHERE email IS NOT NULL;\n")


def test_data_fix_patches_beside_their_schema_are_upgrade_steps(tmp_path: Path) -> None:
    _d3(tmp_path)
    found, notes = survey(tmp_path)
    assert found == [Found("schemas", "db/1.3/schema.sql")]
    assert notes == [
        "left out 3 SQL files in db/1.3: upgrade patches of db/1.3/schema.sql, which holds their tables; "
        "they add 1 column db/1.3/schema.sql lacks, not read: members.birth_date (db/1.3/1.3.2.sql); "
        "check each: dropped since, made elsewhere (at run time), or the schema is older than the patch "
        "(then add the patch under sources:)"
    ]


def test_the_starter_of_upgrade_steps_gives_no_use_findings(tmp_path: Path) -> None:
    _d3(tmp_path)
    (tmp_path / "cnsnt.yaml").write_text(draft_new(tmp_path).text, encoding="utf-8")
    result = audit_path(tmp_path)
    assert not [f for f in result.findings if f.rule in ("CN302", "CN401")]
    assert "queries" not in result.sources


def test_unversioned_sql_beside_the_schema_stays_proposed(tmp_path: Path) -> None:
    """Only the files named by a version are upgrade steps: `reports.sql` is the application's."""
    _d3(tmp_path)
    _write(tmp_path, "db/1.3/reports.sql", "SELECT email FROM members WHERE id = ?;\n")
    found, _ = survey(tmp_path)
    assert [f.pattern for f in found if f.kind == "queries"] == ["db/1.3/reports.sql"]


def test_what_the_patches_remove_is_history_not_named(tmp_path: Path) -> None:
    """A TEMP table and a column dropped in a clause of another patch are not named.

    A table renamed is named by its new name when the full schema lacks it (codereview25
    F4): `log_archive` is what the patches leave, not `old_log`.
    """
    full = parse_ddl(CURRENT, None).tables
    texts = {
        "a.sql": "ALTER TABLE members ADD COLUMN fax TEXT;\nALTER TABLE members ADD COLUMN pager TEXT;\n",
        "b.sql": "CREATE TEMP TABLE tmp_moves (id INTEGER);\nCREATE TABLE `%TABLE_PREFIX%old_log` (id INTEGER, ip TEXT);\n",
        "c.sql": "-- pager is gone\nALTER TABLE `members` DROP COLUMN pager, ADD x INT;\n"
                 "RENAME TABLE `%TABLE_PREFIX%old_log` TO `%TABLE_PREFIX%log_archive`;\n",
    }
    patches = []
    for name, text in texts.items():
        _write(tmp_path, name, text)
        patches.append((tmp_path / name, parse_ddl(text, "mysql").tables))
    assert [(name, p.name) for name, p in added_gaps(full, patches, "mysql")] == [
        ("log_archive", "c.sql"),
        ("members.fax", "a.sql"),
        ("members.x", "c.sql"),
    ]


# codereview25 F4: the patches are replayed in order, parsed, and their end state compared


def _gaps(root: Path, texts: dict[str, str], dialect: str | None = "mysql") -> list[tuple[str, str]]:
    """`added_gaps` of patches written under `root`, against CURRENT."""
    patches = []
    for name, text in texts.items():
        _write(root, name, text)
        patches.append((root / name, parse_ddl(text, dialect).tables))
    full = parse_ddl(CURRENT, None).tables
    return [(name, p.relative_to(root).as_posix()) for name, p in added_gaps(full, patches, dialect)]


def _review_f4(root: Path) -> None:
    """The review's repro: a type change that keeps the name, a column dropped and added back."""
    _write(root, "db/1.3/schema.sql", "CREATE TABLE members (id INTEGER PRIMARY KEY, email TEXT NULL, phone TEXT NULL);\n")
    _write(root, "db/1.3/1.3.2.sql", "ALTER TABLE members ADD COLUMN birth_date TEXT NULL;\n")
    _write(root, "db/1.3/1.3.3.sql", "ALTER TABLE members CHANGE birth_date birth_date DATE NULL;\n")
    _write(root, "db/1.3/1.3.4.sql", "ALTER TABLE members ADD COLUMN iban TEXT NULL;\n")
    _write(root, "db/1.3/1.3.6.sql", "ALTER TABLE members DROP COLUMN iban;\n")
    _write(root, "db/1.3/1.3.7.sql", "ALTER TABLE members ADD COLUMN iban TEXT NULL;\n")


def test_the_note_names_what_the_patches_leave_in_the_end(tmp_path: Path) -> None:
    """`birth_date` only changes type; `iban` is dropped in 1.3.6 and back in 1.3.7: both are in the end state."""
    _review_f4(tmp_path)
    found, notes = survey(tmp_path)
    assert found == [Found("schemas", "db/1.3/schema.sql")]
    assert notes == [
        "left out 5 SQL files in db/1.3: upgrade patches of db/1.3/schema.sql, which holds their tables; "
        "they add 2 columns db/1.3/schema.sql lacks, not read: members.birth_date (db/1.3/1.3.2.sql), "
        "members.iban (db/1.3/1.3.7.sql); check each: dropped since, made elsewhere (at run time), or the "
        "schema is older than the patch (then add the patch under sources:)"
    ]


def test_a_change_that_keeps_the_name_is_no_removal(tmp_path: Path) -> None:
    assert _gaps(tmp_path, {
        "1.sql": "ALTER TABLE members ADD COLUMN birth_date TEXT NULL;\n",
        "2.sql": "ALTER TABLE members CHANGE birth_date birth_date DATE NULL;\n",
        "3.sql": "ALTER TABLE members CHANGE fax pager TEXT NULL;\n",  # a column no patch added: nothing to rename
    }) == [("members.birth_date", "1.sql")]  # fmt: skip


def test_a_column_dropped_then_added_back_is_named_by_the_patch_that_adds_it_back(tmp_path: Path) -> None:
    assert _gaps(tmp_path, {
        "1.sql": "ALTER TABLE members ADD COLUMN iban TEXT NULL;\n",
        "2.sql": "ALTER TABLE members DROP COLUMN iban;\n",
        "3.sql": "ALTER TABLE members ADD COLUMN iban TEXT NULL;\n",
    }) == [("members.iban", "3.sql")]  # fmt: skip


def test_a_comment_opener_inside_a_string_hides_no_drop(tmp_path: Path) -> None:
    """`'image/*'` is a string: the DROP after it is read, so `fax` is gone at the end."""
    _write(tmp_path, "db/1.3/schema.sql", CURRENT)
    _write(tmp_path, "db/1.3/1.3.2.sql", "ALTER TABLE members ADD COLUMN fax TEXT NULL;\n")
    _write(tmp_path, "db/1.3/1.3.3.sql", "UPDATE files SET mime = 'image/*' WHERE mime = 'img';\n"
           "ALTER TABLE members DROP COLUMN fax;\n")
    _, notes = survey(tmp_path)
    assert notes == [
        "left out 2 SQL files in db/1.3: upgrade patches of db/1.3/schema.sql, which holds their tables"
    ]
    # a comment's `DROP` drops nothing; a `--` inside a string opens no comment
    assert _gaps(tmp_path, {
        "a.sql": "ALTER TABLE members ADD COLUMN pager TEXT;\nALTER TABLE members ADD COLUMN telex TEXT;\n",
        "b.sql": "/* ALTER TABLE members DROP COLUMN pager; */\n"
                 "UPDATE config SET value = '-- x' WHERE key = 'y'; ALTER TABLE members DROP COLUMN telex;\n",
    }) == [("members.pager", "a.sql")]  # fmt: skip


def test_a_table_renamed_to_one_the_schema_has_is_not_named(tmp_path: Path) -> None:
    assert _gaps(tmp_path, {
        "1.sql": "CREATE TABLE old_categories (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n",
        "2.sql": "ALTER TABLE old_categories RENAME TO users_categories;\n",
    }) == []  # fmt: skip


def test_patches_are_replayed_in_version_order(tmp_path: Path) -> None:
    """`1.3.10` runs after `1.3.9`, though it sorts before it by name."""
    assert _gaps(tmp_path, {
        "db/1.3.9.sql": "ALTER TABLE members ADD COLUMN fax TEXT;\n",
        "db/1.3.10.sql": "ALTER TABLE members DROP COLUMN fax;\n",
    }) == []  # fmt: skip


def test_patches_named_from_to_are_replayed_along_their_chain(tmp_path: Path) -> None:
    """osTicket-like signatures: `9a-1b` leads to `1b-2c`, whose cleanup runs after its patch."""
    assert _gaps(tmp_path, {
        "up/1b-2c.cleanup.sql": "ALTER TABLE members DROP COLUMN pager;\n",
        "up/1b-2c.patch.sql": "ALTER TABLE members DROP COLUMN fax;\nALTER TABLE members ADD COLUMN pager TEXT;\n",
        "up/9a-1b.patch.sql": "ALTER TABLE members ADD COLUMN fax TEXT;\n",
    }) == []  # fmt: skip


def test_upgrade_order() -> None:
    def order(*names: str) -> list[str]:
        return [p.name for p in upgrade_order([Path(n) for n in names])]

    assert order("1.3.10.sql", "1.3.9.sql", "1.3.0_schema.sql") == ["1.3.0_schema.sql", "1.3.9.sql", "1.3.10.sql"]
    # numbered names that link no chain are versions: `010-x` after `002-users`
    assert order("010-x.sql", "002-users.sql", "001-init.sql") == ["001-init.sql", "002-users.sql", "010-x.sql"]
    # a chain, with two steps that lead to one signature (osTicket's branches), digits or not
    assert order("86707325-aa.patch.sql", "ff-86707325.patch.sql", "ee-86707325.patch.sql", "aa-bb.cleanup.sql",
                 "aa-bb.patch.sql", "notes.sql") == [
        "ee-86707325.patch.sql", "ff-86707325.patch.sql", "86707325-aa.patch.sql", "aa-bb.patch.sql",
        "aa-bb.cleanup.sql", "notes.sql",
    ]  # fmt: skip
    assert order("b-a.sql", "a-b.sql") == ["a-b.sql", "b-a.sql"]  # a loop: by name


def test_a_patch_too_large_to_replay_is_named_by_what_it_adds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The size limit stays: a patch over it is not replayed, so a later DROP does not reach its column."""
    monkeypatch.setattr(patch_gaps, "_TEXT_LIMIT", 64)
    assert _gaps(tmp_path, {
        "1.sql": "-- a long patch " + "." * 64 + "\nALTER TABLE members ADD COLUMN fax TEXT;\n",
        "2.sql": "ALTER TABLE members DROP COLUMN fax;\n",
        "3.sql": "ALTER TABLE members ADD COLUMN pager TEXT;\n",
    }) == [("members.fax", "1.sql"), ("members.pager", "3.sql")]  # fmt: skip


# Dialect: the project's, not the first that reads the file


def test_a_query_file_takes_the_projects_dialect(tmp_path: Path) -> None:
    """`0x01 << 6` is read by MySQL, SQLite and others alike; the schema says SQLite."""
    _write(
        tmp_path,
        "db/schema.sql",
        "CREATE TABLE users_fields (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, system INTEGER);\n",
    )
    _write(
        tmp_path,
        "app/flags.sql",
        "UPDATE users_fields SET system = system | (0x01 << 6) WHERE name = ?;\n",
    )
    found, _ = survey(tmp_path)
    assert Found("queries", "app/flags.sql", dialect="sqlite") in found


def test_a_query_file_takes_its_own_databases_words(tmp_path: Path) -> None:
    _write(tmp_path, "db/schema.sql", "CREATE TABLE t (id INTEGER PRIMARY KEY, flags INTEGER);\n")
    _write(tmp_path, "app/fix.sql", "INSERT OR IGNORE INTO t (id, flags) SELECT id, flags | (0x01 << 2) FROM t;\n")
    found, _ = survey(tmp_path)
    assert Found("queries", "app/fix.sql", dialect="sqlite") in found


# Step 3: a table created in a comment only


def test_a_table_created_in_a_comment_only_is_named(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "db/schema.sql",
        CURRENT + "\n-- CREATE TABLE users (...);\n-- Members table, created at run time from its fields\n"
        "-- CREATE TABLE config (key TEXT);\n",
    )
    found, notes = survey(tmp_path)
    assert found == [Found("schemas", "db/schema.sql")]
    assert notes == [
        "a table is created in a comment only, and no schema file cnsnt reads creates it: users "
        "(db/schema.sql:5); if the application creates it at run time, its columns are not audited: "
        "describe them in a schema file under sources:, or audit the live database with --db"
    ]
    assert "# a table is created in a comment only" in draft_new(tmp_path).text
