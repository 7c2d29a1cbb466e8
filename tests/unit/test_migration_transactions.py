"""A migration is read in the transactions its tool runs it in (ddl40).

goose runs a file annotated `-- +goose NO TRANSACTION` statement by statement, each
statement its own transaction: a `SET LOCAL` or a savepoint without a `BEGIN` of the
file's own does nothing there, as under sqitch's psql. dbmate's `transaction:false`
makes no such difference: dbmate sends the whole up section as one query, and
PostgreSQL runs a query of several statements as one (implicit) transaction.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.sources.schemas.migration_order import runs_statement_by_statement
from tests.unit.schema_entry import read_entry, write_files

_BODY = (
    "SET LOCAL search_path TO billing;\n"
    "CREATE TABLE invoices (id int, payer_email text);\n"
    "SAVEPOINT before_ward;\n"
    "SET search_path TO ward;\n"
    "ROLLBACK TO SAVEPOINT before_ward;\n"
    "CREATE TABLE beds (id int, patient_email text);\n"
)


def _tables(tmp_path: Path, files: dict[str, str]) -> list[tuple[str | None, str]]:
    write_files(tmp_path, files)
    evidence = read_entry(tmp_path, "migrations/*.sql", "migrations")
    assert [p.message for p in evidence.problems] == []
    return [(t.schema, t.name) for t in evidence.tables]


def test_goose_no_transaction_runs_the_file_statement_by_statement(tmp_path: Path) -> None:
    """The bare SET LOCAL and the savepoint do nothing: `SET search_path TO ward` holds."""
    text = "-- +goose Up\n-- +goose NO TRANSACTION\n" + _BODY + "\n-- +goose Down\nDROP TABLE beds;\n"
    assert _tables(tmp_path, {"migrations/00001_billing.sql": text}) == [(None, "invoices"), ("ward", "beds")]


def test_goose_runs_a_file_in_one_transaction_otherwise(tmp_path: Path) -> None:
    text = "-- +goose Up\n" + _BODY + "\n-- +goose Down\nDROP TABLE beds;\n"
    assert _tables(tmp_path, {"migrations/00001_billing.sql": text}) == [("billing", "invoices"), ("billing", "beds")]


def test_dbmate_transaction_false_is_still_one_query_and_so_one_transaction(tmp_path: Path) -> None:
    text = "-- migrate:up transaction:false\n" + _BODY + "\n-- migrate:down\nDROP TABLE beds;\n"
    files = {"migrations/20240131120000_billing.sql": text}
    assert _tables(tmp_path, files) == [("billing", "invoices"), ("billing", "beds")]


def test_the_goose_annotation_is_read_as_goose_reads_it() -> None:
    """On a line of its own, from its first character, in any case, even after `Down`."""
    assert runs_statement_by_statement("-- +goose Up\n-- +goose NO TRANSACTION\nSELECT 1;\n")
    assert runs_statement_by_statement("-- +goose up\nSELECT 1;\n-- +goose down\n--  +goose no transaction \r\n")
    assert not runs_statement_by_statement("-- +goose Up\n  -- +goose NO TRANSACTION\nSELECT 1;\n")
    assert not runs_statement_by_statement("-- +goose Up\nSELECT '-- +goose NO TRANSACTION';\n")
    assert not runs_statement_by_statement("-- migrate:up transaction:false\nSELECT 1;\n")


def test_goose_annotations_in_capitals_are_read(tmp_path: Path) -> None:
    """goose reads its annotations in any case; a file that writes them only in capitals
    (`-- +GOOSE UP`) was taken for one without any: its down section ran, and `DROP TABLE
    beds` took the table out of the report (review40b)."""
    text = "-- +GOOSE UP\n-- +GOOSE NO TRANSACTION\n" + _BODY + "\n-- +GOOSE DOWN\nDROP TABLE beds;\n"
    assert _tables(tmp_path, {"migrations/00001_billing.sql": text}) == [(None, "invoices"), ("ward", "beds")]
