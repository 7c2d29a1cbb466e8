"""Warehouse query histories: Snowflake, BigQuery and Databricks exports, and cnsnt's `shapes`.

All exports here are written by us, in the columns each warehouse documents.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from cnsnt.evidence import Evidence, Table
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.queries.formats import detect
from cnsnt.sources.queries.reader import read_queries, read_query_sources
from cnsnt.sources.schemas.ddl import read_ddl

SCHEMA = """
CREATE TABLE customers (id INT, email TEXT, name TEXT, allergies TEXT);
CREATE TABLE orders (id INT, customer_id INT, total NUMERIC);
"""
ROLES = {"MARKETING_RL": ("marketing",), "billing@example.com": ("billing",)}


@pytest.fixture
def tables(tmp_path: Path) -> list[Table]:
    path = tmp_path / "schema.sql"
    path.write_text(SCHEMA)
    spec = SourceSpec("schemas", path.name, tmp_path, Location("cnsnt.yaml"), "postgres")
    return read_ddl(path, spec, SourceContext(base_dir=tmp_path)).tables


def ctx(tmp: Path, tables: list[Table]) -> SourceContext:
    return SourceContext(base_dir=tmp, tables=list(tables), jobs=1,
                         policy_purposes=("marketing", "billing"), roles=dict(ROLES))


def read(path: Path, tables: list[Table], fmt: str | None) -> Evidence:
    spec = SourceSpec("queries", path.name, path.parent, Location("cnsnt.yaml", 3), format=fmt)
    return read_queries(path, spec, ctx(path.parent, tables))


def got(ev: Evidence) -> list[tuple[int | None, str | None, tuple[str, ...], int]]:
    return [(q.location.line, q.role, q.purposes, q.calls) for q in ev.queries]


def write_csv(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *rows])
    path.write_text(out.getvalue())


SNOWFLAKE_HEADER = ["QUERY_ID", "QUERY_TEXT", "QUERY_PARAMETERIZED_HASH", "USER_NAME",
                    "ROLE_NAME", "START_TIME"]
SNOWFLAKE_ROWS = [
    ["q1", "SELECT email FROM customers WHERE id = 1", "h1", "ANNA", "MARKETING_RL",
     "2026-11-01 10:00:00"],
    ["q2", "SELECT email FROM customers WHERE id = 2", "h1", "ANNA", "MARKETING_RL",
     "2026-11-01 10:00:01"],
    ["q3", "SELECT total\nFROM orders", "h2", "BOB", "ANALYST_RL", "2026-11-01 10:00:02"],
    ["q4", "", "h3", "BOB", "ANALYST_RL", "2026-11-01 10:00:03"],
]


@pytest.mark.parametrize("fmt", ["snowflake", None])
def test_snowflake_query_history_rows(tmp_path: Path, tables: list[Table],
                                      fmt: str | None) -> None:
    path = tmp_path / "history.csv"
    write_csv(path, SNOWFLAKE_HEADER, SNOWFLAKE_ROWS)
    ev = read(path, tables, fmt)
    assert got(ev) == [(2, "MARKETING_RL", ("marketing",), 2), (4, "ANALYST_RL", (), 1)]
    assert ev.counts["statements"] == 3
    [problem] = ev.problems
    assert problem.location.line == 6 and problem.message.startswith("1 row without query text")


def test_snowflake_aggregated_export_counts_calls(tmp_path: Path, tables: list[Table]) -> None:
    path = tmp_path / "shapes.csv"
    write_csv(path, ["QUERY_PARAMETERIZED_HASH", "CALLS", "QUERY_TEXT", "USER_NAME", "ROLE_NAME",
                     "FIRST_SEEN", "LAST_SEEN"],
              [["h1", 1200000, "SELECT email FROM customers WHERE id = 7", "ANNA", "MARKETING_RL",
                "2026-11-01", "2026-11-30"],
               ["h2", 3, "SELECT allergies FROM customers", "BOB", "ANALYST_RL",
                "2026-11-02", "2026-11-03"]])
    ev = read(path, tables, "snowflake")
    assert got(ev) == [(2, "MARKETING_RL", ("marketing",), 1200000), (3, "ANALYST_RL", (), 3)]
    assert ev.counts["statements"] == 1200003


def bigquery_rows() -> list[dict[str, Any]]:
    return [
        {"job_id": "j1", "user_email": "billing@example.com", "statement_type": "SELECT",
         "query": "SELECT total FROM orders WHERE customer_id = 5",
         "query_info": {"query_hashes": {"normalized_literals": "abc"}}},
        {"job_id": "j2", "user_email": "billing@example.com", "statement_type": "SELECT",
         "query": "SELECT total FROM orders WHERE customer_id = 6",
         "query_info": {"query_hashes": {"normalized_literals": "abc"}}},
        {"job_id": "j3", "user_email": "ann@example.com", "statement_type": "SELECT",
         "query": "SELECT name FROM customers",
         "query_info": {"query_hashes": {"normalized_literals": "def"}}},
    ]


@pytest.mark.parametrize("fmt", ["bigquery", None])
def test_bigquery_jobs_export_jsonl_gzip(tmp_path: Path, tables: list[Table],
                                         fmt: str | None) -> None:
    path = tmp_path / "jobs.json.gz"
    text = "".join(json.dumps(r) + "\n" for r in bigquery_rows()) + "{broken\n"
    path.write_bytes(gzip.compress(text.encode()))
    ev = read(path, tables, fmt)
    assert got(ev) == [(1, "billing@example.com", ("billing",), 2), (3, "ann@example.com", (), 1)]
    [problem] = ev.problems
    assert problem.location.line == 4 and "not valid JSON" in problem.message


@pytest.mark.parametrize("fmt", ["databricks", None])
def test_databricks_query_history(tmp_path: Path, tables: list[Table], fmt: str | None) -> None:
    path = tmp_path / "history.csv"
    write_csv(path, ["statement_id", "executed_by", "statement_text", "client_application",
                     "execution_status"],
              [["s1", "ann@example.com", "SELECT email FROM customers", "MARKETING_RL",
                "FINISHED"],
               ["s2", "ann@example.com", "SELECT email FROM customers", "MARKETING_RL",
                "FINISHED"]])
    ev = read(path, tables, fmt)
    # The user is not in roles:, the client application is.
    assert got(ev) == [(2, "MARKETING_RL", ("marketing",), 2)]


def test_broken_csv_quoting_in_an_export_skips_the_row(tmp_path: Path,
                                                       tables: list[Table]) -> None:
    path = tmp_path / "history.csv"
    write_csv(path, SNOWFLAKE_HEADER, SNOWFLAKE_ROWS[:2])
    with path.open("a") as fh:
        fh.write('q9,"SELECT "broken" FROM x,h9,ANNA,MARKETING_RL,2026-11-01\n')
    ev = read(path, tables, "snowflake")
    assert got(ev)[0] == (2, "MARKETING_RL", ("marketing",), 2)
    assert any("malformed CSV" in p.message and p.location.line == 4 for p in ev.problems)


def test_export_without_a_text_column_is_a_cn001_not_a_traceback(tmp_path: Path,
                                                                 tables: list[Table]) -> None:
    path = tmp_path / "history.csv"
    write_csv(path, ["QUERY_ID", "QUERY_PARAMETERIZED_HASH"], [["q1", "h1"]])
    spec = SourceSpec("queries", path.name, path.parent, Location("cnsnt.yaml", 3),
                      format="snowflake")
    ev = read_query_sources([spec], ctx(tmp_path, tables))
    [problem] = ev.problems
    assert problem.severity is None or problem.severity is Severity.ERROR
    assert "snowflake export has no query text column" in problem.message
    assert "query_parameterized_hash" in problem.message


def test_parquet_export(tmp_path: Path, tables: list[Table]) -> None:
    pa = pytest.importorskip("pyarrow", reason="optional extra cnsnt[parquet] not installed")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "jobs.parquet"
    pq.write_table(pa.Table.from_pylist(bigquery_rows()), path)
    assert detect(path) == "bigquery"
    ev = read(path, tables, None)
    assert got(ev) == [(1, "billing@example.com", ("billing",), 2), (3, "ann@example.com", (), 1)]


def test_parquet_with_the_wrong_columns(tmp_path: Path, tables: list[Table]) -> None:
    pa = pytest.importorskip("pyarrow", reason="optional extra cnsnt[parquet] not installed")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "history.parquet"
    pq.write_table(pa.Table.from_pylist([{"id": 1, "when": "2026-11-01"}]), path)
    spec = SourceSpec("queries", path.name, path.parent, Location("cnsnt.yaml", 3),
                      format="databricks")
    ev = read_query_sources([spec], ctx(tmp_path, tables))
    [problem] = ev.problems
    assert "databricks export has no query text column" in problem.message
    assert "found: id, when" in problem.message


def test_truncated_gzip_export_keeps_the_rows_before(tmp_path: Path, tables: list[Table]) -> None:
    rows = bigquery_rows() * 300
    data = gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode())
    path = tmp_path / "jobs.json.gz"
    path.write_bytes(data[: len(data) // 2])
    ev = read(path, tables, "bigquery")
    assert 0 < ev.counts["statements"] < len(rows)
    [problem] = ev.problems
    assert "gzip stream is truncated or corrupt" in problem.message
    assert problem.location.line == ev.counts["statements"] + 1


def test_many_bad_rows_are_one_counted_warning(tmp_path: Path, tables: list[Table]) -> None:
    path = tmp_path / "jobs.json"
    good = "".join(json.dumps(r) + "\n" for r in bigquery_rows())
    path.write_text(good + "{nope\n" * 500 + good)
    ev = read(path, tables, "bigquery")
    assert got(ev)[0] == (1, "billing@example.com", ("billing",), 4)
    [problem] = ev.problems
    assert (problem.location.line, problem.message) == (4, "row skipped: not valid JSON; 500 rows")


def test_parquet_without_a_format_or_known_columns(tmp_path: Path, tables: list[Table]) -> None:
    pa = pytest.importorskip("pyarrow", reason="optional extra cnsnt[parquet] not installed")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "export.parquet"
    pq.write_table(pa.Table.from_pylist([{"id": 1, "sql": "SELECT 1"}]), path)
    spec = SourceSpec("queries", path.name, path.parent, Location("cnsnt.yaml", 3))
    [problem] = read_query_sources([spec], ctx(tmp_path, tables)).problems
    assert problem.location.path == "export.parquet"
    assert problem.message.startswith("Parquet file whose columns match no query-history "
                                      "format (columns: id, sql); name its format:")


def test_parquet_when_pyarrow_is_missing(tmp_path: Path, tables: list[Table],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "export.parquet"
    path.write_bytes(b"PAR1" + b"\0" * 64 + b"PAR1")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    spec = SourceSpec("queries", path.name, path.parent, Location("cnsnt.yaml", 3))
    [problem] = read_query_sources([spec], ctx(tmp_path, tables)).problems
    assert "install the optional 'pyarrow' package" in problem.message


def test_a_jsonl_line_that_is_not_an_object_is_a_cn001(tmp_path: Path, tables: list[Table]) -> None:
    """A line holding an array (rows batched by a tool), a string or null was dropped without
    a word."""
    rows = bigquery_rows()
    lines = [json.dumps(rows[0]), json.dumps([rows[2]]), "null", json.dumps(rows[1])]
    path = tmp_path / "jobs.jsonl"
    path.write_text("\n".join(lines) + "\n")
    ev = read(path, tables, "bigquery")
    assert got(ev) == [(1, "billing@example.com", ("billing",), 2)]
    [problem] = ev.problems
    assert problem.location.line == 2 and problem.severity is Severity.WARNING
    assert problem.message == "row skipped: not a JSON object (a JSON array); 2 rows"


def test_a_history_statement_over_the_size_limit_is_reported_not_parsed(
    tmp_path: Path, tables: list[Table]
) -> None:
    """`--max-statement-size` did not apply to warehouse exports: a 4 MB query text was
    parsed (2 GB of memory, 26 s)."""
    from cnsnt.sources.base import Limits

    long = "SELECT allergies FROM customers WHERE" + " id = 1 OR" * 100 + " id = 2"
    path = tmp_path / "history.csv"
    write_csv(
        path, SNOWFLAKE_HEADER, [*SNOWFLAKE_ROWS[:3], ["q5", long, "h5", "BOB", "ANALYST_RL", "2026-11-01"]]
    )
    limited = SourceContext(
        base_dir=tmp_path,
        tables=list(tables),
        jobs=1,
        policy_purposes=("marketing", "billing"),
        roles=dict(ROLES),
        limits=Limits(statement_bytes=1000),
    )
    spec = SourceSpec("queries", path.name, tmp_path, Location("cnsnt.yaml", 3), format=None)
    ev = read_queries(path, spec, limited)
    assert got(ev) == [(2, "MARKETING_RL", ("marketing",), 2), (4, "ANALYST_RL", (), 1)]
    [problem] = ev.problems
    assert problem.location.line == 6
    assert problem.message.startswith(
        f"statement of {len(long):,} characters is over the statement size limit (1,000): not parsed"
    )
    assert ev.counts["statements"] == 4


def test_a_utf16_export_is_detected_and_read(tmp_path: Path, tables: list[Table]) -> None:
    """A UTF-16 export (Excel's or PowerShell's) was read as UTF-8: no header matched, and it
    went to the SQL reader as one statement that does not parse."""
    path = tmp_path / "history.csv"
    write_csv(path, SNOWFLAKE_HEADER, SNOWFLAKE_ROWS)
    path.write_text(path.read_text(), encoding="utf-16")
    ev = read(path, tables, None)
    assert got(ev) == [(2, "MARKETING_RL", ("marketing",), 2), (4, "ANALYST_RL", (), 1)]


def test_a_row_with_more_fields_than_the_header_is_reported(tmp_path: Path,
                                                            tables: list[Table]) -> None:
    """A query text with unquoted commas shifted the row's fields: read without a word."""
    path = tmp_path / "history.csv"
    write_csv(path, SNOWFLAKE_HEADER, SNOWFLAKE_ROWS[:2])
    with path.open("a") as fh:
        fh.write("q9,SELECT name, allergies FROM customers,h9,BOB,ANALYST_RL,2026-11-01\n")
    ev = read(path, tables, "snowflake")
    assert got(ev) == [(2, "MARKETING_RL", ("marketing",), 2)]
    [problem] = ev.problems
    assert problem.location.line == 4 and problem.severity is Severity.WARNING
    assert problem.message == "row skipped: more fields than the header (7 fields, the header 6)"
