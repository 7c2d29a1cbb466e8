"""The rest of a DDL session (hard39): migrations folders follow `SET search_path` as their
tool runs them, enum types are placed by the path, `ROLLBACK TO SAVEPOINT` undoes a SET,
and a TEMP table is no table of the path's schema."""

from __future__ import annotations

from pathlib import Path

from cnsnt.sources.schemas.migration_order import own_session, run_by_psql
from cnsnt.sql.ddl import parse_ddl
from cnsnt.sql.embedded import LiveTable, replay_embedded
from cnsnt.sql.migrations import MigrationFile, replay_migrations

_CLINIC = "SET search_path TO clinic;\nCREATE TABLE patients (id int PRIMARY KEY, email text);\n"
_VISITS = (
    "CREATE TABLE visits (id int, patient_id int REFERENCES patients(id));\n"
    "ALTER TABLE patients ADD COLUMN phone text;\n"
)


def _replayed(files: list[MigrationFile]) -> list[tuple[str | None, str, list[tuple[str | None, str]]]]:
    result = replay_migrations(files, "postgres")
    assert [p.message for p in result.problems] == []
    return [(t.schema, t.name, [(k.ref_schema, k.ref_table) for k in t.foreign_keys]) for t in result.tables]


def _dump(text: str, dialect: str = "postgres") -> list[tuple[str | None, str, list[tuple[str | None, str]]]]:
    result = parse_ddl(text, dialect)
    assert [p.message for p in result.problems] == []
    return [(t.schema, t.name, [(k.ref_schema, k.ref_table) for k in t.foreign_keys]) for t in result.tables]


def _types(text: str) -> dict[str, list[str | None]]:
    return {f"{t.schema}.{t.name}": [c.type for c in t.columns] for t in parse_ddl(text, "postgres").tables}


# -- migrations folders


def test_one_connection_carries_the_path_into_the_next_migration() -> None:
    """golang-migrate (and dbmate, goose, Liquibase) run the files on one connection."""
    files = [MigrationFile("0001_clinic.up.sql", _CLINIC), MigrationFile("0002_visits.up.sql", _VISITS)]
    assert _replayed(files) == [("clinic", "patients", []), ("clinic", "visits", [("clinic", "patients")])]


def test_a_migration_run_in_its_own_session_starts_from_the_default_path() -> None:
    """Flyway restores the connection's search_path after each migration: V2's table is
    not in V1's schema (its bare `patients` is still the one table of that name)."""
    files = [MigrationFile("V1__clinic.sql", _CLINIC, True), MigrationFile("V2__visits.sql", _VISITS, True)]
    assert _replayed(files) == [("clinic", "patients", []), (None, "visits", [(None, "patients")])]
    phone = replay_migrations(files, "postgres").tables[0].columns[-1]
    assert phone.name == "phone"


def test_a_set_local_ends_with_its_migration() -> None:
    """A migration's transaction ends with it (the tool commits it): its SET LOCAL too."""
    first = "BEGIN;\nSET LOCAL search_path TO billing;\nCREATE TABLE invoices (id int);\n"
    files = [MigrationFile("0001_a.up.sql", first), MigrationFile("0002_b.up.sql", "CREATE TABLE payers (id int);\n")]
    assert _replayed(files) == [("billing", "invoices", []), (None, "payers", [])]


def test_which_tools_run_each_migration_alone(tmp_path: Path) -> None:
    deploy = tmp_path / "deploy"
    deploy.mkdir()
    (tmp_path / "sqitch.plan").write_text("%project=clinic\n", encoding="utf-8")
    assert own_session(Path("db/migration/V3_1__add_phone.sql"))
    assert own_session(Path("db/migration/R__views.sql"))
    assert own_session(deploy / "patients.sql")
    assert not own_session(tmp_path / "other" / "deploy" / "patients.sql")
    assert not own_session(Path("migrations/000003_add_phone.up.sql"))
    assert not own_session(Path("db/migrations/20240131120000_add_phone.sql"))


# -- enum types


def test_an_enum_type_is_made_and_found_through_the_path() -> None:
    text = (
        "SET search_path TO ward;\n"
        "CREATE TYPE status AS ENUM ('admitted', 'discharged', 'deceased');\n"
        "CREATE TABLE stays (id int, status status);\n"
        "SET search_path TO billing;\n"
        "CREATE TYPE status AS ENUM ('open', 'paid');\n"
        "ALTER TYPE status ADD VALUE 'written_off';\n"
        "CREATE TABLE invoices (id int, status status);\n"
        "RESET search_path;\n"
        "CREATE TABLE audit (a ward.status, b billing.status, c status);\n"
    )
    stay = "enum('admitted','discharged','deceased') /* status */"
    invoice = "enum('open','paid','written_off') /* status */"
    assert _types(text) == {
        "ward.stays": ["INT", stay],
        "billing.invoices": ["INT", invoice],
        "None.audit": [stay, invoice, "status"],  # a bare `status` in public: two schemas, none guessed
    }


def test_an_enum_column_added_by_a_later_migration_finds_its_type_through_the_carried_path() -> None:
    first = "SET search_path TO ward;\nCREATE TYPE bed_state AS ENUM ('free', 'occupied');\nCREATE TABLE beds (id int);\n"
    files = [
        MigrationFile("0001_a.up.sql", first),
        MigrationFile("0002_b.up.sql", "CREATE TYPE public.bed_state AS ENUM ('spare');\n"),
        MigrationFile("0003_c.up.sql", "ALTER TABLE beds ADD COLUMN state bed_state;\n"),
    ]
    beds = replay_migrations(files, "postgres").tables[0]
    assert (beds.schema, [c.type for c in beds.columns]) == ("ward", ["INT", "enum('free','occupied') /* bed_state */"])


# -- savepoints


def test_rollback_to_savepoint_undoes_the_sets_after_it() -> None:
    text = (
        "BEGIN;\n"
        "SAVEPOINT before_ward;\n"
        "SET search_path TO ward;\n"
        "ROLLBACK TO SAVEPOINT before_ward;\n"
        "CREATE TABLE patients (id int);\n"
        "SET search_path TO ward;\n"
        "SAVEPOINT inner_one;\n"
        "SET search_path TO archive;\n"
        "RELEASE SAVEPOINT inner_one;\n"
        "CREATE TABLE beds (id int);\n"
        "SAVEPOINT Two;\n"
        'SET LOCAL search_path TO "Night";\n'
        "ROLLBACK TRANSACTION TO two;\n"
        "CREATE TABLE shifts (id int);\n"
        "COMMIT;\n"
    )
    assert _dump(text) == [(None, "patients", []), ("archive", "beds", []), ("archive", "shifts", [])]


def test_a_savepoint_outside_a_transaction_or_unknown_changes_nothing() -> None:
    text = (
        "SAVEPOINT s;\n"
        "SET search_path TO ward;\n"
        "ROLLBACK TO SAVEPOINT s;\n"
        "CREATE TABLE beds (id int);\n"
        "BEGIN;\nSET search_path TO archive;\nROLLBACK TO SAVEPOINT nowhere;\n"
        "CREATE TABLE shifts (id int);\nCOMMIT;\n"
    )
    assert _dump(text) == [("ward", "beds", []), ("archive", "shifts", [])]


# -- TEMP tables


def test_a_temp_table_is_not_put_in_the_paths_schema() -> None:
    """PostgreSQL makes it in the session's own pg_temp schema, whatever the path says, and
    it ends with the session (ddl40: before, it was shown unqualified)."""
    text = "SET search_path TO clinic;\nCREATE TEMP TABLE import_rows (email text);\nCREATE TABLE staff (id int);\n"
    assert _dump(text) == [("clinic", "staff", [])]
    replayed = replay_migrations([MigrationFile("0001_a.up.sql", text)], "postgres").tables
    assert [(t.schema, t.name, t.temporary) for t in replayed] == [("clinic", "staff", False)]


# -- lookups by name


def test_embedded_sql_finds_a_known_table_of_another_schema_by_its_bare_name() -> None:
    seeded = [LiveTable("patients", "clinic"), LiveTable("notes", None)]
    result = replay_embedded("ALTER TABLE patients ADD COLUMN phone text;\n", seeded, "postgres")
    assert [(t.schema, t.name, [c.name for c in t.columns]) for t in result.tables] == [
        ("clinic", "patients", ["phone"]),
        (None, "notes", []),
    ]


def test_a_mysql_temporary_table_ends_and_an_oracle_one_goes_where_any_table_goes() -> None:
    """MySQL's is the session's, as PostgreSQL's (ddl40: before, it was shown in the database
    USE names); Oracle's global temporary table is an object of the current schema."""
    mysql = "USE shop;\nCREATE TABLE a (id int);\nUSE archive;\nCREATE TEMPORARY TABLE import_rows (email text);\n"
    assert _dump(mysql, "mysql") == [(None, "a", [])]
    oracle = "ALTER SESSION SET CURRENT_SCHEMA = hr;\nCREATE GLOBAL TEMPORARY TABLE import_rows (email VARCHAR2(80));\n"
    assert _dump(oracle, "oracle") == [("hr", "import_rows", [])]


# -- a migration's own transaction


def test_a_set_local_without_begin_holds_to_the_end_of_its_migration() -> None:
    """Flyway, dbmate and goose run each file in a transaction (golang-migrate sends it as
    one multi-statement query, which PostgreSQL runs as one): a bare SET LOCAL holds there."""
    first = "SET LOCAL search_path TO billing;\nCREATE TABLE invoices (id int);\n"
    files = [
        MigrationFile("V1__invoices.sql", first, True),
        MigrationFile("V2__payers.sql", "CREATE TABLE payers (id int);\n", True),
    ]
    assert _replayed(files) == [("billing", "invoices", []), (None, "payers", [])]
    carried = [MigrationFile("0001_a.up.sql", first), MigrationFile("0002_b.up.sql", "CREATE TABLE payers (id int);\n")]
    assert _replayed(carried) == [("billing", "invoices", []), (None, "payers", [])]


def test_a_savepoint_without_begin_works_in_a_migrations_transaction() -> None:
    text = "SAVEPOINT s;\nSET search_path TO ward;\nROLLBACK TO SAVEPOINT s;\nCREATE TABLE beds (id int);\n"
    assert _replayed([MigrationFile("V1__beds.sql", text, True)]) == [(None, "beds", [])]


def test_psql_runs_a_sqitch_change_statement_by_statement(tmp_path: Path) -> None:
    """sqitch's psql commits each statement of a change without BEGIN: a bare SET LOCAL does nothing."""
    first = "SET LOCAL search_path TO billing;\nCREATE TABLE invoices (id int);\n"
    files = [MigrationFile("deploy/invoices.sql", first, True, autocommit=True)]
    assert _replayed(files) == [(None, "invoices", [])]
    deploy = tmp_path / "deploy"
    deploy.mkdir()
    (tmp_path / "sqitch.plan").write_text("%project=clinic\n", encoding="utf-8")
    assert run_by_psql(deploy / "invoices.sql")
    assert not run_by_psql(Path("db/migration/V3_1__add_phone.sql"))
    assert not run_by_psql(Path("migrations/000003_add_phone.up.sql"))


def test_a_rollback_does_not_undo_a_mysql_use_or_an_oracle_current_schema() -> None:
    """Only PostgreSQL's SET is transactional: MySQL's USE and Oracle's ALTER SESSION stay."""
    mysql = (
        "USE app;\nCREATE TABLE staff (id int);\nSTART TRANSACTION;\nSAVEPOINT s;\nUSE archive;\n"
        "ROLLBACK TO SAVEPOINT s;\nCREATE TABLE old_staff (id int);\nUSE app;\nSTART TRANSACTION;\n"
        "USE archive;\nROLLBACK;\nCREATE TABLE old_visits (id int);\n"
    )
    assert _dump(mysql, "mysql") == [(None, "staff", []), ("archive", "old_staff", []), ("archive", "old_visits", [])]
    oracle = "SAVEPOINT s;\nALTER SESSION SET CURRENT_SCHEMA = archive;\nROLLBACK TO SAVEPOINT s;\nCREATE TABLE staff (id int);\n"
    files = [MigrationFile("V1__staff.sql", oracle, True)]
    assert [(t.schema, t.name) for t in replay_migrations(files, "oracle").tables] == [("archive", "staff")]
