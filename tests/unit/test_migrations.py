"""Migrations folders: the order the tools run files in, and the schema replaying them leaves."""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.evidence import ForeignKey
from cnsnt.model import Severity
from cnsnt.sources.schemas.migration_order import (
    is_liquibase,
    looks_versioned,
    order_migrations,
    up_part,
    version_of,
)
from cnsnt.sources.schemas.migrations import read_migrations
from cnsnt.sources.schemas.reader import plan_schemas, read_ddl_files
from tests.unit.schema_entry import column, entry_spec, names, read_entry, table, where, write_files

# -- order


def ordered(*names: str) -> list[str]:
    result = order_migrations([Path("m") / n for n in names])
    return [p.name for p in result.run]


def test_flyway_versions_compare_as_numbers_and_repeatables_run_last():
    assert ordered("R__views.sql", "V10__c.sql", "V2__b.sql", "V1__a.sql", "V1_1__a2.sql") == [
        "V1__a.sql",
        "V1_1__a2.sql",
        "V2__b.sql",
        "V10__c.sql",
        "R__views.sql",
    ]


def test_flyway_dotted_versions():
    assert version_of("V1.2.10__x.sql") == (1, 2, 10)
    assert ordered("V1.10__b.sql", "V1.9__a.sql") == ["V1.9__a.sql", "V1.10__b.sql"]


def test_undo_and_down_files_are_skipped_with_a_reason():
    result = order_migrations(
        [Path(n) for n in ("U2__x.sql", "V2__x.sql", "2_users.down.sql", "1_users.up.sql")]
    )
    assert [p.name for p in result.run] == ["1_users.up.sql", "V2__x.sql"]
    reasons = {p.name: why for p, why in result.skipped}
    assert set(reasons) == {"U2__x.sql", "2_users.down.sql"}
    assert "undo" in reasons["U2__x.sql"] and "down" in reasons["2_users.down.sql"]


def test_numeric_and_timestamp_prefixes():
    assert ordered("10_c.up.sql", "9_b.up.sql", "1_a.up.sql") == ["1_a.up.sql", "9_b.up.sql", "10_c.up.sql"]
    assert ordered("20240131120000_b.sql", "20231201090000_a.sql") == [
        "20231201090000_a.sql",
        "20240131120000_b.sql",
    ]
    assert ordered("0002_more.sql", "0001_initial.sql") == ["0001_initial.sql", "0002_more.sql"]


def test_unversioned_names_run_after_versioned_ones_in_natural_order():
    assert ordered("b10.sql", "b9.sql", "V1__a.sql") == ["V1__a.sql", "b9.sql", "b10.sql"]
    assert looks_versioned("V3__x.sql") and looks_versioned("001_x.up.sql")
    assert not looks_versioned("schema.sql") and not looks_versioned("v3.sql")


def test_down_section_of_dbmate_and_goose_is_blanked_keeping_lines():
    text = "-- migrate:up\nCREATE TABLE a (x int);\n-- migrate:down\nDROP TABLE a;\n"
    up = up_part(text)
    assert "DROP" not in up and up.count("\n") == text.count("\n") and len(up) == len(text)
    assert "DROP" not in up_part("-- +goose Up\nCREATE TABLE a (x int);\n-- +goose Down\nDROP TABLE a;")
    assert up_part("CREATE TABLE a (x int);") == "CREATE TABLE a (x int);"


def test_liquibase_header():
    assert is_liquibase("\n--liquibase formatted sql\n--changeset a:1\n")
    assert is_liquibase("-- Liquibase formatted SQL\n")
    assert not is_liquibase("-- a plain dump\n--liquibase formatted sql")


# -- replay


@pytest.fixture
def mig(tmp_path: Path):
    def run(files: dict[str, str], pattern: str = "m/*.sql", fmt: str | None = None):
        write_files(tmp_path, files)
        return read_entry(tmp_path, pattern, fmt)

    return run


def test_add_drop_rename_and_type_change(mig):
    ev = mig(
        {
            "m/V1__init.sql": "CREATE TABLE people (\n  id INT PRIMARY KEY,\n  name TEXT,\n  fax TEXT\n);\n",
            "m/V2__more.sql": "ALTER TABLE people ADD COLUMN birth_date DATE;\n"
            "ALTER TABLE people DROP COLUMN fax;\n"
            "ALTER TABLE people RENAME COLUMN name TO full_name;\n"
            "ALTER TABLE people ALTER COLUMN birth_date TYPE TIMESTAMP;\n",
        }
    )
    assert names(ev, "people") == ["id", "full_name", "birth_date"]
    assert column(ev, "people.birth_date").type == "TIMESTAMP"
    assert where(column(ev, "people.id")) == ("m/V1__init.sql", 2)
    assert where(column(ev, "people.birth_date")) == ("m/V2__more.sql", 1)
    # a renamed column is placed at the RENAME that gave it its name
    renamed = column(ev, "people.full_name")
    assert where(renamed) == ("m/V2__more.sql", 3)
    assert renamed.location.column == len("ALTER TABLE people RENAME COLUMN name TO ") + 1
    assert ev.problems == []
    assert ev.counts["migrations"] == 2 and ev.counts["columns"] == 3


def test_later_file_by_version_wins_not_by_name(mig):
    ev = mig(
        {
            "m/V10__drop.sql": "ALTER TABLE t DROP COLUMN email;",
            "m/V9__add.sql": "ALTER TABLE t ADD COLUMN email TEXT;",
            "m/V1__t.sql": "CREATE TABLE t (id INT);",
        }
    )
    assert names(ev, "t") == ["id"]  # by name V10 sorts before V9: it would have kept email


def test_rename_without_column_keyword_renames_the_column_not_the_table(mig):
    # PostgreSQL lets COLUMN out; sqlglot reads it as a table rename to `created_at`
    ev = mig(
        {
            "m/V1__init.sql": "CREATE TABLE users (id INT, created_at TIMESTAMP);\n",
            "m/V2__rename.sql": "ALTER TABLE users RENAME created_at TO inserted_at;\n",
        }
    )
    assert [t.name for t in ev.tables] == ["users"]
    assert names(ev, "users") == ["id", "inserted_at"]
    assert where(column(ev, "users.inserted_at")) == ("m/V2__rename.sql", 1)
    assert ev.problems == []


def test_rename_table_drop_table_and_comments(mig):
    ev = mig(
        {
            "m/1_a.up.sql": "CREATE TABLE users (id INT, email TEXT);\nCREATE TABLE tmp (x INT);",
            "m/1_a.down.sql": "DROP TABLE users;",
            "m/2_b.up.sql": "ALTER TABLE users RENAME TO customers;\nDROP TABLE IF EXISTS tmp, nothing;\n"
            "COMMENT ON COLUMN customers.email IS 'where receipts go';\n"
            "COMMENT ON TABLE customers IS 'people who bought';",
        }
    )
    assert [t.name for t in ev.tables] == ["customers"]
    assert where(table(ev, "customers")) == ("m/2_b.up.sql", 1)
    assert column(ev, "customers.email").comment == "where receipts go"
    assert where(column(ev, "customers.email")) == ("m/1_a.up.sql", 1)
    assert table(ev, "customers").comment == "people who bought"
    assert ev.counts["migrations_skipped"] == 1


def test_mysql_rename_table_and_change_column(tmp_path):
    write_files(
        tmp_path,
        {
            "m/001_a.sql": "CREATE TABLE a (id INT, mail VARCHAR(10));",
            "m/002_b.sql": "RENAME TABLE a TO b;\nALTER TABLE b CHANGE mail email VARCHAR(200);",
        },
    )
    ev = read_entry(tmp_path, "m/*.sql", dialect="mysql")
    assert names(ev, "b") == ["id", "email"]
    assert column(ev, "b.email").type == "VARCHAR(200)"
    assert where(column(ev, "b.email")) == ("m/002_b.sql", 2)


def test_mysql_change_that_keeps_the_name_keeps_the_place(tmp_path):
    """`CHANGE x x DATE` restates the type: the column stays where it was added (codereview25 F4)."""
    write_files(
        tmp_path,
        {
            "m/001_a.sql": "CREATE TABLE members (id INT);\nALTER TABLE members ADD COLUMN birth_date TEXT;",
            "m/002_b.sql": "ALTER TABLE members CHANGE birth_date birth_date DATE NULL;",
        },
    )
    ev = read_entry(tmp_path, "m/*.sql", dialect="mysql")
    assert column(ev, "members.birth_date").type == "DATE"
    assert where(column(ev, "members.birth_date")) == ("m/001_a.sql", 2)


def test_foreign_keys_follow_renames_and_drops(mig):
    ev = mig(
        {
            "m/V1__a.sql": "CREATE TABLE people (id INT PRIMARY KEY);\n"
            "CREATE TABLE visits (id INT, who INT REFERENCES people (id), clinic INT);\n"
            "CREATE TABLE clinics (id INT);",
            "m/V2__b.sql": "ALTER TABLE visits ADD CONSTRAINT v_clinic FOREIGN KEY (clinic) "
            "REFERENCES clinics (id);\n"
            "ALTER TABLE visits RENAME COLUMN who TO person_id;\n"
            "ALTER TABLE people RENAME TO persons;\n"
            "DROP TABLE clinics;",
        }
    )
    assert table(ev, "visits").foreign_keys == (ForeignKey(("person_id",), "persons", ("id",)),)


def test_drop_column_drops_its_foreign_key(mig):
    ev = mig(
        {
            "m/V1__a.sql": "CREATE TABLE p (id INT);\nCREATE TABLE v (id INT, p_id INT REFERENCES p (id));",
            "m/V2__b.sql": "ALTER TABLE v DROP COLUMN p_id;",
        }
    )
    assert table(ev, "v").foreign_keys == ()


def test_alter_of_an_unknown_table_is_a_warning_and_the_rest_continues(mig):
    ev = mig(
        {
            "m/V1__a.sql": "CREATE TABLE t (id INT);",
            "m/V2__b.sql": "-- no CREATE for ghosts\nALTER TABLE ghosts DROP COLUMN x;\n"
            "ALTER TABLE ghosts2 ADD COLUMN email TEXT;\nALTER TABLE t ADD COLUMN phone TEXT;",
        }
    )
    assert names(ev, "t") == ["id", "phone"]
    assert names(ev, "ghosts2") == ["email"]  # kept: personal data must not vanish
    problems = sorted((p.location.line, p.severity, p.message) for p in ev.problems)
    assert [(line, sev) for line, sev, _ in problems] == [(2, Severity.WARNING), (3, Severity.WARNING)]
    assert all(p.location.path == "m/V2__b.sql" for p in ev.problems)
    assert "no earlier migration creates table 'ghosts'" in problems[0][2]
    assert "recorded as a table of their own" in problems[1][2]


def test_alters_of_one_unknown_table_are_one_warning(mig):
    """A folder of upgrade patches read without its schema: one warning per table, at its first ALTER."""
    ev = mig(
        {
            "m/V1__a.sql": "ALTER TABLE fees ALTER COLUMN amount SET NOT NULL;\nALTER TABLE fees DROP CONSTRAINT fk_x;\n",
            "m/V2__b.sql": "ALTER TABLE fees RENAME COLUMN amount TO total;\nALTER TABLE rates ALTER COLUMN r DROP NOT NULL;\n",
        }
    )
    got = sorted((p.location.path, p.location.line, p.message) for p in ev.problems)
    assert got == [
        ("m/V1__a.sql", 1, "ALTER TABLE fees: no earlier migration creates table 'fees'; skipped "
         "(and 2 more statements changing it)"),
        ("m/V2__b.sql", 2, "ALTER TABLE rates: no earlier migration creates table 'rates'; skipped"),
    ]


def test_dropping_or_renaming_a_missing_column_is_a_warning(mig):
    ev = mig(
        {
            "m/V1__a.sql": "CREATE TABLE t (id INT);",
            "m/V2__b.sql": "ALTER TABLE t DROP COLUMN nope;\nALTER TABLE t DROP COLUMN IF EXISTS gone;\n"
            "ALTER TABLE t RENAME COLUMN old TO new;",
        }
    )
    lines = [(p.location.line, p.severity) for p in ev.problems]
    assert lines == [(1, Severity.WARNING), (3, Severity.WARNING)]
    assert "column 'nope'" in ev.problems[0].message


def test_a_file_of_only_alters_is_not_called_no_schema_in_a_migrations_entry(mig):
    ev = mig(
        {
            "m/V1__a.sql": "CREATE TABLE t (id INT);",
            "m/V2__b.sql": "ALTER TABLE t ADD COLUMN email TEXT;",
        }
    )
    assert ev.problems == []
    assert names(ev, "t") == ["id", "email"]


def test_create_if_not_exists_of_a_known_table_changes_nothing(mig):
    ev = mig(
        {
            "m/V1__a.sql": "CREATE TABLE t (id INT, email TEXT);",
            "m/V2__b.sql": "CREATE TABLE IF NOT EXISTS t (id INT);",
        }
    )
    assert names(ev, "t") == ["id", "email"]


def test_liquibase_formatted_sql_is_replayed_even_as_one_file(mig):
    ev = mig(
        {
            "db/changelog.sql": "--liquibase formatted sql\n\n--changeset ann:1\n"
            "CREATE TABLE t (id INT, fax TEXT);\n--rollback DROP TABLE t;\n\n"
            "--changeset ann:2\nALTER TABLE t DROP COLUMN fax;\n--rollback ALTER TABLE t ADD fax TEXT;\n",
        },
        pattern="db/*.sql",
    )
    assert names(ev, "t") == ["id"]
    assert ev.counts["migrations"] == 1


def test_dbmate_down_section_is_not_replayed(mig):
    ev = mig(
        {
            "m/20240101000000_a.sql": "-- migrate:up\nCREATE TABLE t (id INT, email TEXT);\n\n"
            "-- migrate:down\nDROP TABLE t;\n",
            "m/20240102000000_b.sql": "-- migrate:up\nALTER TABLE t ADD COLUMN phone TEXT;\n"
            "-- migrate:down\nALTER TABLE t DROP COLUMN phone;\n",
        }
    )
    assert names(ev, "t") == ["id", "email", "phone"]


def test_insert_data_is_not_parsed_and_broken_statements_are_located(mig):
    ev = mig(
        {
            "m/V1__a.sql": "CREATE TABLE t (id INT);\nINSERT INTO t VALUES (1), (2);",
            "m/V2__b.sql": "\n\nCREATE TABLE u AS;\nALTER TABLE t ADD COLUMN email TEXT;",
        }
    )
    assert names(ev, "t") == ["id", "email"]
    errors = [p for p in ev.problems if p.severity is None]
    assert [(p.location.path, p.location.line) for p in errors] == [("m/V2__b.sql", 3)]


# -- detection and format


def test_detection_needs_several_versioned_sql_files(tmp_path):
    write_files(tmp_path, {"a/V1__x.sql": "", "a/V2__y.sql": "", "b/V1__x.sql": "", "c/schema.sql": "",
                           "c/V1__x.sql": ""})

    def readers(pattern: str, fmt: str | None = None):
        spec = entry_spec(tmp_path, pattern, fmt)
        paths = sorted(tmp_path.glob(pattern))
        return [(r.__name__, len(g)) for r, g in plan_schemas(paths, spec)]

    assert readers("a/*.sql") == [("read_migrations", 2)]
    assert readers("b/*.sql") == [("read_ddl_files", 1)]  # one file: a dump like any other
    assert readers("c/*.sql") == [("read_ddl_files", 1), ("read_ddl_files", 1)]
    assert readers("b/*.sql", "migrations") == [("read_migrations", 1)]
    assert readers("a/*.sql", "ddl") == [("read_ddl_files", 1), ("read_ddl_files", 1)]
    assert read_migrations.__name__ == "read_migrations" and read_ddl_files.__name__ == "read_ddl_files"


def test_format_ddl_keeps_the_one_file_message_for_alters(tmp_path):
    write_files(tmp_path, {"a/V1__x.sql": "ALTER TABLE t ADD COLUMN x INT;", "a/V2__y.sql": "SELECT 1;"})
    ev = read_entry(tmp_path, "a/*.sql", fmt="ddl")
    assert any("no CREATE TABLE or CREATE VIEW found" in p.message for p in ev.problems)


def test_unreadable_file_is_its_own_problem_and_the_rest_replays(mig, tmp_path):
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "V2__bin.sql").write_bytes(b"\x00\x01binary")
    ev = mig({"m/V1__a.sql": "CREATE TABLE t (id INT);", "m/V3__b.sql": "ALTER TABLE t ADD email TEXT;"})
    assert names(ev, "t") == ["id", "email"]
    assert [(p.location.path, p.message) for p in ev.problems] == [("m/V2__bin.sql", "binary file, not text")]


def test_prisma_migrate_folders_carry_the_version(mig):
    ev = mig(
        {
            "migrations/20240110000000_b/migration.sql": "ALTER TABLE \"User\" ADD COLUMN \"phone\" TEXT;",
            "migrations/20240101000000_a/migration.sql": "CREATE TABLE \"User\" (\"id\" SERIAL, \"email\" TEXT);",
            "migrations/20240201000000_c/migration.sql": "ALTER TABLE \"User\" DROP COLUMN \"email\";",
        },
        pattern="migrations/**/*.sql",
    )
    assert names(ev, "User") == ["id", "phone"]
    assert where(column(ev, "User.phone")) == ("migrations/20240110000000_b/migration.sql", 1)
    assert ev.problems == []
    assert ordered("x/migration.sql") == ["migration.sql"]  # no versioned folder: by name


def test_per_database_variants_run_for_the_entry_dialect(tmp_path):
    write_files(
        tmp_path,
        {
            "m/1_init.up.sql": "CREATE TABLE t (id INT);",
            "m/2_email.up.sql": "ALTER TABLE t ADD COLUMN email TEXT;",
            "m/2_email.mysql.up.sql": "ALTER TABLE t ADD COLUMN email VARCHAR(10);",
            "m/3_phone.postgres.up.sql": "ALTER TABLE t ADD COLUMN phone TEXT;",
            "m/3_phone.mysql.up.sql": "ALTER TABLE t ADD COLUMN phone_mysql TEXT;",
            "m/3_phone.up.sql": "ALTER TABLE t ADD COLUMN phone_generic TEXT;",
        },
    )
    pg = read_entry(tmp_path, "m/*.sql", dialect="postgres")
    assert names(pg, "t") == ["id", "email", "phone"]
    assert column(pg, "t.email").type == "TEXT"
    my = read_entry(tmp_path, "m/*.sql", dialect="mysql")
    assert names(my, "t") == ["id", "email", "phone_mysql"]
    assert column(my, "t.email").type == "VARCHAR(10)"
    generic = order_migrations(sorted((tmp_path / "m").iterdir()))
    assert [p.name for p in generic.run] == ["1_init.up.sql", "2_email.up.sql", "3_phone.up.sql"]
    assert any("no `dialect:`" in why for _, why in generic.skipped)


def test_per_database_variants_know_every_database_init_knows(tmp_path):
    """One table of database words (`cnsnt.sql.databases`) for init's folder hints and the
    migration variants: `x.h2.up.sql` is H2's variant (it ran beside the generic file),
    `x.pgsql.up.sql` PostgreSQL's, and CockroachDB's is not PostgreSQL's though read as it."""
    from cnsnt.sql.databases import DATABASE_WORDS

    write_files(
        tmp_path,
        {
            "m/1_init.up.sql": "CREATE TABLE t (id INT);",
            "m/2_email.up.sql": "ALTER TABLE t ADD COLUMN email TEXT;",
            "m/2_email.h2.up.sql": "ALTER TABLE t ADD COLUMN email_h2 VARCHAR(10);",
            "m/3_phone.pgsql.up.sql": "ALTER TABLE t ADD COLUMN phone TEXT;",
            "m/3_phone.cockroach.up.sql": "ALTER TABLE t ADD COLUMN phone_crdb TEXT;",
        },
    )
    pg = read_entry(tmp_path, "m/*.sql", dialect="postgres")
    assert names(pg, "t") == ["id", "email", "phone"]
    skipped = order_migrations(sorted((tmp_path / "m").iterdir()), "postgres").skipped
    assert sorted(p.name for p, _ in skipped) == ["2_email.h2.up.sql", "3_phone.cockroach.up.sql"]
    assert {p.name.split(".")[1] for p in (tmp_path / "m").iterdir()} - {"up"} <= set(DATABASE_WORDS)


def test_tsql_sp_rename_of_a_column_and_a_table(tmp_path):
    write_files(
        tmp_path,
        {
            "m/V1__a.sql": "CREATE TABLE [dbo].[Users] ([Id] INT, [Email] NVARCHAR(100));",
            "m/V2__b.sql": "EXEC sp_rename N'[dbo].[Users].[Email]', N'EmailAddress', N'COLUMN';\n"
            "EXEC sp_rename 'dbo.Users', 'Customers';\nEXEC sp_rename 'dbo.Nope.x', 'y', 'COLUMN';",
        },
    )
    ev = read_entry(tmp_path, "m/*.sql", dialect="tsql")
    assert names(ev, "dbo.Customers") == ["Id", "EmailAddress"]
    assert where(column(ev, "dbo.Customers.EmailAddress")) == ("m/V2__b.sql", 1)
    [problem] = ev.problems
    assert problem.location.line == 3 and "Nope" in problem.message and problem.severity == Severity.WARNING


def test_files_beside_the_migrations_are_skipped(mig):
    ev = mig(
        {
            "migrations/20240101000000_a/migration.sql": "CREATE TABLE t (id INT);",
            "migrations/20240102000000_b/migration.sql": "ALTER TABLE t ADD COLUMN email TEXT;",
            "migrations/migration_lock.toml": 'provider = "postgresql"\n',
        },
        pattern="migrations/**/*",
    )
    assert names(ev, "t") == ["id", "email"]
    assert ev.problems == [] and ev.counts["migrations_skipped"] == 1


def test_drop_constraint_drops_the_foreign_key(mig):
    ev = mig(
        {
            "m/V1__a.sql": "CREATE TABLE p (id INT);\nCREATE TABLE v (id INT, p_id INT REFERENCES p (id), "
            "q_id INT, CONSTRAINT v_q FOREIGN KEY (q_id) REFERENCES p (id));\n"
            "CREATE TABLE w (id INT, p_id INT);\n"
            "ALTER TABLE w ADD CONSTRAINT w_p FOREIGN KEY (p_id) REFERENCES p (id);",
            "m/V2__b.sql": "ALTER TABLE v DROP CONSTRAINT v_p_id_fkey;\nALTER TABLE w DROP CONSTRAINT w_p;",
        }
    )
    assert table(ev, "v").foreign_keys == (ForeignKey(("q_id",), "p", ("id",)),)
    assert table(ev, "w").foreign_keys == ()


FORMATTED = (
    "--liquibase formatted sql\n\n--changeset ann:1\nCREATE TABLE person (id INT, email TEXT);\n\n"
    "--changeset ann:2 dbms:postgresql\nALTER TABLE person ADD COLUMN pg_only TEXT;\n\n"
    "--changeset ann:3 dbms:mysql,mariadb\nALTER TABLE `person` ADD COLUMN `my_only` TEXT;\n\n"
    "--changeset ann:4 dbms:mysql\nALTER TABLE `person` ADD COLUMN `note` TEXT;\n"
    "--rollback ALTER TABLE `person` DROP COLUMN `note`;\n\n"
    "--changeset ann:5 dbms:!h2\nALTER TABLE person ADD COLUMN phone TEXT;\n"
)


def test_liquibase_formatted_changesets_for_other_databases_are_not_replayed(tmp_path: Path):
    """As in XML changelogs: `--changeset a:1 dbms:mysql` runs on MySQL only, so read for the
    entry's database (or the one the changesets name most, in its dialect) a column each
    database adds its own way is added once, and MySQL's backticks are no problem."""
    write_files(tmp_path, {"db/changelog.sql": FORMATTED})
    pg = read_entry(tmp_path, "db/*.sql", None, "postgres")
    assert names(pg, "person") == ["id", "email", "pg_only", "phone"]
    assert pg.problems == []
    mysql = read_entry(tmp_path, "db/*.sql", None, None)  # MySQL named twice
    assert names(mysql, "person") == ["id", "email", "my_only", "note", "phone"]
    assert mysql.problems == []
    assert where(column(mysql, "person.phone")) == ("db/changelog.sql", 17)  # lines as in the file


def test_a_default_that_fills_in_the_writers_login_is_kept_across_migrations(mig):
    ev = mig(
        {
            "m/V1__init.sql": "CREATE TABLE repairs (id INT, done_by TEXT, note TEXT DEFAULT CURRENT_USER);\n",
            "m/V2__who.sql": "ALTER TABLE repairs ALTER COLUMN done_by SET DEFAULT session_user;\n"
            "ALTER TABLE repairs ALTER COLUMN note DROP DEFAULT;\n"
            "ALTER TABLE repairs RENAME COLUMN done_by TO recorded_by;\n",
        }
    )
    assert [c.name for c in table(ev, "repairs").columns if c.login_default] == ["recorded_by"]


def test_mysql_modify_and_change_give_a_column_the_default_they_state(tmp_path):
    # MODIFY and CHANGE restate the whole column: its default is the one they write, or none
    write_files(
        tmp_path,
        {
            "m/V1__init.sql": "CREATE TABLE repairs (id INT, done_by VARCHAR(9), note VARCHAR(9) DEFAULT (USER()));\n",
            "m/V2__who.sql": "ALTER TABLE repairs MODIFY done_by VARCHAR(80) DEFAULT (CURRENT_USER());\n"
            "ALTER TABLE repairs CHANGE note remark VARCHAR(80);\n",
        },
    )
    ev = read_entry(tmp_path, "m/*.sql", dialect="mysql")
    assert [c.name for c in table(ev, "repairs").columns if c.login_default] == ["done_by"]


def test_dropping_the_constraint_that_gave_a_login_default_drops_it_across_migrations(tmp_path):
    write_files(
        tmp_path,
        {
            "m/V1__init.sql": "CREATE TABLE repairs (id INT, done_by VARCHAR(12) "
            "CONSTRAINT DF_repairs_done_by DEFAULT user_name(), note VARCHAR(12))\nGO\n"
            "ALTER TABLE repairs ADD CONSTRAINT DF_repairs_note DEFAULT (SUSER_SNAME()) FOR note\nGO\n",
            "m/V2__drop.sql": "ALTER TABLE [dbo].[repairs] DROP CONSTRAINT [DF_repairs_done_by]\nGO\n",
        },
    )
    ev = read_entry(tmp_path, "m/*.sql", dialect="tsql")
    assert [c.name for c in table(ev, "repairs").columns if c.login_default] == ["note"]
