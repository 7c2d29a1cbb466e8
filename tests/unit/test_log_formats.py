"""Server-log formats: PostgreSQL stderr/csvlog/jsonlog, pgAudit, MySQL general and slow logs.

Every fixture here is written by us: the same few statements, as each server
would log them, so each format must give the same shapes, counts and roles.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from cnsnt.evidence import Evidence, Table
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.queries.formats import LOG_FORMATS, detect
from cnsnt.sources.queries.formats import scan as scan_module
from cnsnt.sources.queries.formats.base import Settings
from cnsnt.sources.queries.formats.postgres_stderr import PostgresStderr
from cnsnt.sources.queries.reader import read_queries
from cnsnt.sources.schemas.ddl import read_ddl

SCHEMA = """
CREATE TABLE customers (id INT PRIMARY KEY, email TEXT, name TEXT, allergies TEXT);
CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, total NUMERIC);
"""
ROLES = {"mailer": ("marketing",), "billing_app": ("billing",)}

# What every format below must give: (line, role, purposes, calls, text start).
MAILER = ("mailer", ("marketing",), 2, "SELECT email")
BILLING = ("billing_app", ("billing",), 1, "SELECT total FROM orders WHERE customer_id =")
ANALYST = ("analyst", (), 1, "SELECT allergies FROM customers")


@pytest.fixture
def tables(tmp_path: Path) -> list[Table]:
    path = tmp_path / "schema.sql"
    path.write_text(SCHEMA)
    spec = SourceSpec("schemas", path.name, tmp_path, Location("cnsnt.yaml"), "postgres")
    return read_ddl(path, spec, SourceContext(base_dir=tmp_path)).tables


def read(path: Path, tables: list[Table], fmt: str | None, jobs: int = 1,
         prefix: str | None = None) -> Evidence:
    ctx = SourceContext(base_dir=path.parent, tables=list(tables), jobs=jobs,
                        policy_purposes=("marketing", "billing"), roles=dict(ROLES))
    spec = SourceSpec("queries", path.name, path.parent, Location("cnsnt.yaml", 3),
                      format=fmt, log_line_prefix=prefix)
    return read_queries(path, spec, ctx)


def got(ev: Evidence) -> list[tuple[int | None, str | None, tuple[str, ...], int, str]]:
    return [(q.location.line, q.role, q.purposes, q.calls, q.text) for q in ev.queries]


def check(ev: Evidence, lines: list[int], expected: list[tuple[str, tuple[str, ...], int, str]]
          ) -> None:
    rows = got(ev)
    assert [r[0] for r in rows] == lines
    assert [(r[1], r[2], r[3]) for r in rows] == [(e[0], e[1], e[2]) for e in expected]
    for row, e in zip(rows, expected, strict=True):
        assert row[4].startswith(e[3]), row[4]


STDERR = """\
2026-12-01 10:00:00.001 UTC [101] LOG:  database system is ready to accept connections
2026-12-01 10:00:01.002 UTC [202] mailer@shop LOG:  statement: SELECT email
\t  FROM customers
\t  WHERE id = 1
2026-12-01 10:00:01.003 UTC [202] mailer@shop LOG:  duration: 0.120 ms
2026-12-01 10:00:02.000 UTC [203] billing_app@shop LOG:  duration: 0.300 ms  execute S_1: \
SELECT total FROM orders WHERE customer_id = $1
2026-12-01 10:00:02.000 UTC [203] billing_app@shop DETAIL:  parameters: $1 = '42'
2026-12-01 10:00:03.000 UTC [202] mailer@shop LOG:  statement: SELECT email FROM customers \
WHERE id = 2
2026-12-01 10:00:04.000 UTC [204] analyst@shop LOG:  statement: SELECT allergies FROM customers
2026-12-01 10:00:04.100 UTC [204] analyst@shop ERROR:  relation "nope" does not exist
2026-12-01 10:00:04.100 UTC [204] analyst@shop STATEMENT:  SELECT * FROM nope
2026-12-01 10:00:05.000 UTC [203] billing_app@shop LOG:  duration: 0.050 ms  parse S_2: \
SELECT name FROM customers WHERE id = $1
"""


@pytest.mark.parametrize("fmt", ["postgres_stderr", None])
def test_postgres_stderr_debian_prefix(tmp_path: Path, tables: list[Table],
                                       fmt: str | None) -> None:
    path = tmp_path / "postgresql.log"
    path.write_text(STDERR)
    ev = read(path, tables, fmt)
    check(ev, [2, 6, 9], [MAILER, BILLING, ANALYST])
    assert ev.counts["statements"] == 4
    assert ev.problems == []


def test_postgres_stderr_with_its_log_line_prefix(tmp_path: Path, tables: list[Table]) -> None:
    prefix = "%t [%p]: [%l-1] user=%u,db=%d,app=%a,client=%h "
    log = (
        "2026-12-01 10:00:01 UTC [7]: [1-1] user=web,db=shop,app=mailer,client=10.0.0.9 "
        "LOG:  statement: SELECT email FROM customers WHERE id = 1\n"
        "2026-12-01 10:00:02 UTC [8]: [1-1] user=billing_app,db=shop,app=psql,client=[local] "
        "LOG:  execute <unnamed>: SELECT total FROM orders WHERE customer_id = $1\n"
        "2026-12-01 10:00:02 UTC [8]: [2-1] user=billing_app,db=shop,app=psql,client=[local] "
        "DETAIL:  parameters: $1 = '1'\n"
    )
    path = tmp_path / "pg.log"
    path.write_text(log)
    for p in (prefix, None):  # exact, then guessed from user=/app=
        ev = read(path, tables, "postgres_stderr", prefix=p)
        rows = got(ev)
        # The user `web` is not in roles:, the application `mailer` is.
        assert [(r[0], r[1], r[2]) for r in rows] == [
            (1, "mailer", ("marketing",)), (2, "billing_app", ("billing",))]


def test_a_log_line_prefix_reads_percent_escapes() -> None:
    reader = PostgresStderr(Settings(log_line_prefix="%m [%p] %q%u@%d "))
    m = reader.split("2026-12-01 10:00:00.123 UTC [9] app@shop LOG:  statement: SELECT 1")
    assert m is not None and (m[0]["user"], m[0]["database"], m[1]) == ("app", "shop", "LOG")
    bg = reader.split("2026-12-01 10:00:00 UTC [9] LOG:  checkpoint")
    assert bg is not None and bg[0]["user"] is None


CSV_COLUMNS = 26


def csv_row(time: str, user: str, severity: str, message: str, app: str = "psql") -> list[str]:
    row = [""] * CSV_COLUMNS
    row[0], row[1], row[2], row[3], row[4] = time, user, "shop", "202", "10.0.0.5:5000"
    row[11], row[12], row[13], row[22], row[23] = severity, "00000", message, app, "client backend"
    return row


def csvlog(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


CSVLOG = csvlog([
    csv_row("2026-12-01 10:00:00.001 UTC", "", "LOG", "database system is ready"),
    csv_row("2026-12-01 10:00:01.002 UTC", "mailer", "LOG",
            "statement: SELECT email\n  FROM customers\n  WHERE id = 1"),
    csv_row("2026-12-01 10:00:02.000 UTC", "billing_app", "LOG",
            "duration: 0.300 ms  execute S_1: SELECT total FROM orders WHERE customer_id = $1"),
    csv_row("2026-12-01 10:00:03.000 UTC", "mailer", "LOG",
            "statement: SELECT email FROM customers WHERE id = 2"),
    csv_row("2026-12-01 10:00:04.000 UTC", "analyst", "LOG",
            "statement: SELECT allergies FROM customers"),
])


@pytest.mark.parametrize("fmt", ["postgres_csvlog", None])
def test_postgres_csvlog(tmp_path: Path, tables: list[Table], fmt: str | None) -> None:
    path = tmp_path / "postgresql.csv"
    path.write_text(CSVLOG)
    ev = read(path, tables, fmt)
    check(ev, [2, 5, 7], [MAILER, BILLING, ANALYST])
    assert ev.problems == []


def test_csvlog_broken_quoting_is_counted_and_the_rest_read(tmp_path: Path,
                                                            tables: list[Table]) -> None:
    broken = '2026-12-01 10:00:01.500 UTC,"mailer","shop",202,"x",s,1,"",t,3/7,0,LOG,00000,' \
             '"statement: SELECT name FROM customers,,,\n'
    lines = CSVLOG.splitlines(keepends=True)
    path = tmp_path / "postgresql.csv"
    path.write_text("".join(lines[:4] + [broken] + lines[4:]))
    ev = read(path, tables, "postgres_csvlog")
    check(ev, [2, 6, 8], [MAILER, BILLING, ANALYST])
    [problem] = ev.problems
    assert problem.location.line == 5 and problem.severity is Severity.WARNING
    assert problem.message.startswith("1 record (1 line) skipped as postgres_csvlog: csvlog "
                                      "record with broken CSV quoting")


def jsonlog(rows: list[dict[str, object]]) -> str:
    return "".join(json.dumps(r) + "\n" for r in rows)


JSONLOG = jsonlog([
    {"timestamp": "2026-12-01 10:00:00.001 UTC", "pid": 101, "error_severity": "LOG",
     "message": "database system is ready", "backend_type": "postmaster"},
    {"timestamp": "2026-12-01 10:00:01.002 UTC", "user": "mailer", "dbname": "shop",
     "error_severity": "LOG", "message": "statement: SELECT email\n FROM customers WHERE id = 1",
     "application_name": "psql", "remote_host": "10.0.0.5"},
    {"timestamp": "2026-12-01 10:00:02.000 UTC", "user": "billing_app", "dbname": "shop",
     "error_severity": "LOG",
     "message": "execute S_1: SELECT total FROM orders WHERE customer_id = $1"},
    {"timestamp": "2026-12-01 10:00:03.000 UTC", "user": "mailer", "dbname": "shop",
     "error_severity": "LOG", "message": "statement: SELECT email FROM customers WHERE id = 2"},
    {"timestamp": "2026-12-01 10:00:04.000 UTC", "user": "analyst", "dbname": "shop",
     "error_severity": "LOG", "message": "statement: SELECT allergies FROM customers"},
])


@pytest.mark.parametrize("fmt", ["postgres_jsonlog", None])
def test_postgres_jsonlog(tmp_path: Path, tables: list[Table], fmt: str | None) -> None:
    path = tmp_path / "postgresql.json"
    path.write_text(JSONLOG + "{not json\n")
    ev = read(path, tables, fmt)
    check(ev, [2, 3, 5], [MAILER, BILLING, ANALYST])
    [problem] = ev.problems
    assert problem.location.line == 6 and "not valid JSON" in problem.message


PGAUDIT = """\
2026-12-01 10:00:00.001 UTC [101] LOG:  database system is ready to accept connections
2026-12-01 10:00:01.000 UTC [202] mailer@shop LOG:  AUDIT: SESSION,1,1,READ,SELECT,TABLE,\
public.customers,"SELECT email, name
\tFROM customers WHERE id = 1",<not logged>
2026-12-01 10:00:01.000 UTC [202] mailer@shop LOG:  AUDIT: SESSION,1,1,READ,SELECT,TABLE,\
public.orders,"SELECT email, name
\tFROM customers WHERE id = 1",<not logged>
2026-12-01 10:00:02.000 UTC [203] billing_app@shop LOG:  AUDIT: SESSION,1,1,READ,SELECT,,,\
SELECT total FROM orders WHERE customer_id = 3,<not logged>
2026-12-01 10:00:02.500 UTC [203] billing_app@shop LOG:  statement: SELECT name FROM customers
2026-12-01 10:00:03.000 UTC [202] mailer@shop LOG:  AUDIT: SESSION,2,1,READ,SELECT,,,\
"SELECT email, name FROM customers WHERE id = 2",<not logged>
2026-12-01 10:00:03.500 UTC [202] mailer@shop LOG:  AUDIT: OBJECT,2,1,READ,SELECT,TABLE,\
public.customers,"SELECT email, name FROM customers WHERE id = 2",<not logged>
2026-12-01 10:00:04.000 UTC [204] analyst@shop LOG:  AUDIT: SESSION,1,1,READ,SELECT,,,\
"SELECT allergies FROM customers,<not logged>
"""


@pytest.mark.parametrize("fmt", ["pgaudit", None])
def test_pgaudit_session_lines(tmp_path: Path, tables: list[Table], fmt: str | None) -> None:
    path = tmp_path / "audit.log"
    path.write_text(PGAUDIT)
    ev = read(path, tables, fmt)
    rows = got(ev)
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        (2, "mailer", ("marketing",), 2), (6, "billing_app", ("billing",), 1)]
    assert ev.counts["statements"] == 3
    [problem] = ev.problems
    assert problem.location.line == 10 and "broken CSV quoting" in problem.message


MYSQL_HEADER = """\
/usr/sbin/mysqld, Version: 8.0.36 (MySQL Community Server - GPL). started with:
Tcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock
Time                 Id Command    Argument
"""

GENERAL = MYSQL_HEADER + """\
2026-12-01T10:00:00.000001Z\t   11 Connect\tmailer@localhost on shop using TCP/IP
2026-12-01T10:00:00.000002Z\t   11 Query\tSELECT email
FROM customers WHERE id = 1
2026-12-01T10:00:00.000003Z\t   12 Connect\tbilling_app@10.0.0.2 on shop using TCP/IP
2026-12-01T10:00:00.000004Z\t   12 Query\tSELECT total FROM orders WHERE customer_id = 7
2026-12-01T10:00:00.000005Z\t   11 Query\tSELECT email FROM customers WHERE id = 2
2026-12-01T10:00:00.000006Z\t   11 Quit\t
161201 10:00:01\t   13 Connect\tanalyst@localhost on shop
\t\t   13 Query\tSELECT allergies FROM customers
"""


@pytest.mark.parametrize("fmt", ["mysql_general", None])
def test_mysql_general_log(tmp_path: Path, tables: list[Table], fmt: str | None) -> None:
    path = tmp_path / "general.log"
    path.write_text(GENERAL)
    ev = read(path, tables, fmt)
    check(ev, [5, 8, 12], [MAILER, BILLING, ANALYST])
    assert ev.problems == []


def test_mysql_general_log_change_user_names_the_new_user(tmp_path: Path,
                                                          tables: list[Table]) -> None:
    """COM_CHANGE_USER (a pool handing a connection to another user) was not read: the
    statements after it were attributed to the connection's first user."""
    log = MYSQL_HEADER + """\
2026-12-01T10:00:00.000001Z\t   11 Connect\tmailer@localhost on shop using TCP/IP
2026-12-01T10:00:00.000002Z\t   11 Query\tSELECT email FROM customers WHERE id = 1
2026-12-01T10:00:00.000003Z\t   11 Change user\tbilling_app@localhost on shop using TCP/IP
2026-12-01T10:00:00.000004Z\t   11 Query\tSELECT total FROM orders WHERE customer_id = 7
2026-12-01T10:00:00.000005Z\t   11 Change user\tAccess denied for user 'x'@'localhost' (using \
password: YES)
2026-12-01T10:00:00.000006Z\t   11 Query\tSELECT allergies FROM customers
"""
    path = tmp_path / "general.log"
    path.write_text(log)
    ev = read(path, tables, None)
    assert [(q.location.line, q.role, q.purposes) for q in ev.queries] == [
        (5, "mailer", ("marketing",)), (7, "billing_app", ("billing",)), (9, None, ()),
    ]
    assert ev.problems == []


SLOW = MYSQL_HEADER + """\
# Time: 2026-12-01T10:00:00.000001Z
# User@Host: mailer[mailer] @ localhost []  Id:    11
# Query_time: 0.000200  Lock_time: 0.000002 Rows_sent: 1  Rows_examined: 1
use shop;
SET timestamp=1764583200;
SELECT email
FROM customers WHERE id = 1;
# Time: 2026-12-01T10:00:01.000001Z
# User@Host: billing_app[billing_app] @  [10.0.0.2]  Id:    12
# Query_time: 0.000300  Lock_time: 0.000002 Rows_sent: 1  Rows_examined: 1
SET timestamp=1764583201;
SELECT total FROM orders WHERE customer_id = 7;
# User@Host: mailer[mailer] @ localhost []  Id:    11
# Query_time: 0.000100  Lock_time: 0.000001 Rows_sent: 1  Rows_examined: 1
SET timestamp=1764583201;
SELECT email FROM customers WHERE id = 2;
# User@Host: analyst[analyst] @ localhost []  Id:    13
# Query_time: 0.000100  Lock_time: 0.000001 Rows_sent: 1  Rows_examined: 1
SET timestamp=1764583202;
SELECT allergies FROM customers;
# User@Host: analyst[analyst] @ localhost []  Id:    13
# Query_time: 0.000001  Lock_time: 0.000000 Rows_sent: 0  Rows_examined: 0
SET timestamp=1764583203;
# administrator command: Quit;
"""


@pytest.mark.parametrize("fmt", ["mysql_slow", None])
def test_mysql_slow_log(tmp_path: Path, tables: list[Table], fmt: str | None) -> None:
    path = tmp_path / "slow.log"
    path.write_text(SLOW)
    ev = read(path, tables, fmt)
    check(ev, [9, 15, 23], [MAILER, BILLING, ANALYST])  # each statement's line, not its header's
    assert ev.problems == []


def test_detection(tmp_path: Path) -> None:
    cases = {"a.log": STDERR, "b.csv": CSVLOG, "c.json": JSONLOG, "d.log": PGAUDIT,
             "e.log": GENERAL, "f.log": SLOW, "g.log": "SELECT 1\nSELECT 2\n",
             "h.sql": STDERR, "i.csv": "query,calls,rolname\nSELECT 1,3,app\n"}
    found = {}
    for name, text in cases.items():
        (tmp_path / name).write_text(text)
        found[name] = detect(tmp_path / name)
    assert found == {"a.log": "postgres_stderr", "b.csv": "postgres_csvlog",
                     "c.json": "postgres_jsonlog", "d.log": "pgaudit", "e.log": "mysql_general",
                     "f.log": "mysql_slow", "g.log": None, "h.sql": None,
                     "i.csv": "pg_stat_statements"}


def test_a_ten_megabyte_line_is_counted_not_fatal(tmp_path: Path, tables: list[Table]) -> None:
    path = tmp_path / "postgresql.log"
    path.write_text(STDERR.replace("\n2026-12-01 10:00:04.000",
                                   "\n" + "x" * (10 << 20) + "\n2026-12-01 10:00:04.000", 1))
    ev = read(path, tables, "postgres_stderr")
    check(ev, [2, 6, 10], [MAILER, BILLING, ANALYST])
    [problem] = ev.problems
    assert problem.location.line == 9
    assert problem.message.startswith("1 record (1 line) skipped as postgres_stderr")


@pytest.mark.parametrize(("name", "text"), [
    ("pg.log", STDERR), ("pg.csv", CSVLOG), ("pg.json", JSONLOG), ("audit.log", PGAUDIT),
    ("slow.log", SLOW),
])
def test_byte_ranges_give_the_same_evidence_for_every_jobs(
    tmp_path: Path, tables: list[Table], monkeypatch: pytest.MonkeyPatch, name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text * 40)
    one = read(path, tables, None, jobs=1)
    monkeypatch.setattr(scan_module, "PARALLEL_BYTES", 1)
    cuts = scan_module._cuts(path, LOG_FORMATS[str(detect(path))](), 8)
    assert len(cuts) > 1
    two = read(path, tables, None, jobs=2)
    assert got(one) == got(two)
    assert [(p.message, p.location.line) for p in one.problems] == \
        [(p.message, p.location.line) for p in two.problems]
    assert one.counts == two.counts


def test_pgaudit_statement_logged_per_relation_counts_once_however_the_log_is_cut(
    tmp_path: Path, tables: list[Table], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A byte range starting between two relation lines of one statement counted it again:
    2,000 statements were 2,006 calls with --jobs 2 and 2,007 with --jobs 3."""
    line = ("2026-12-01 10:00:0{s}.000 UTC [202] mailer@shop LOG:  AUDIT: SESSION,{i},1,READ,"
            "SELECT,TABLE,public.{t},\"SELECT email FROM customers c JOIN orders o ON "
            "o.customer_id = c.id WHERE c.id = {i}\",<not logged>\n")
    path = tmp_path / "audit.log"
    path.write_text("".join(line.format(s=i % 10, i=i, t=t) for i in range(1, 301)
                            for t in ("customers", "orders")))
    one = read(path, tables, None, jobs=1)
    assert [(q.location.line, q.calls) for q in one.queries] == [(1, 300)]
    monkeypatch.setattr(scan_module, "PARALLEL_BYTES", 1)
    cuts = scan_module._cuts(path, LOG_FORMATS["pgaudit"](), 8)
    with path.open("rb") as fh:  # some range starts at a statement's second relation
        assert any(fh.seek(a) >= 0 and b"public.orders" in fh.readline() for a, _ in cuts)
    for jobs in (2, 3):
        again = read(path, tables, None, jobs=jobs)
        assert got(again) == got(one)
        assert again.counts == one.counts


def test_pgaudit_log_statement_once_and_off(tmp_path: Path, tables: list[Table]) -> None:
    """With `pgaudit.log_statement_once = on` a statement's later relation records carry
    `<previously logged>`: each was counted as a statement of its own and reported as one
    that does not parse (a CN001 error). With `pgaudit.log_statement = off` no record has
    a statement, and they were dropped without a word."""
    audit = "2026-12-01 10:00:0{i}.000 UTC [202] mailer@shop LOG:  AUDIT: SESSION,{i},1,READ,SELECT,TABLE,"
    text = '"SELECT email FROM customers c JOIN orders o ON o.customer_id = c.id",<none>\n'
    log = "".join(
        audit.format(i=i) + "public.customers," + text
        + audit.format(i=i) + "public.orders,<previously logged>,<previously logged>\n"
        for i in range(1, 4)
    ) + audit.format(i=4) + "public.orders,<not logged>,<not logged>\n"
    path = tmp_path / "audit.log"
    path.write_text(log)
    ev = read(path, tables, None)
    assert [(q.location.line, q.role, q.calls) for q in ev.queries] == [(1, "mailer", 3)]
    assert ev.counts["statements"] == 3
    [problem] = ev.problems
    assert problem.location.line == 7 and problem.severity is Severity.WARNING
    assert problem.message.startswith("1 record (1 line) skipped as pgaudit: pgAudit record "
                                      "without its statement text (pgaudit.log_statement = off)")


def test_an_unparseable_statement_is_counted_and_the_rest_audited(tmp_path: Path,
                                                                  tables: list[Table]) -> None:
    bad = "".join(
        f"2026-12-01 10:00:0{i}.000 UTC [205] mailer@shop LOG:  statement: "
        f"SELEC email FRM customers WHERE id = {i}\n" for i in range(3)
    )
    path = tmp_path / "postgresql.log"
    path.write_text(STDERR + bad)
    ev = read(path, tables, "postgres_stderr")
    check(ev, [2, 6, 9], [MAILER, BILLING, ANALYST])
    [problem] = ev.problems
    assert problem.location.line == 13
    assert problem.message.endswith("(3 statements)")
    assert ev.counts["unresolved_statements"] == 3


def test_a_truncated_gzip_server_log(tmp_path: Path, tables: list[Table]) -> None:
    import gzip

    data = gzip.compress((JSONLOG * 200).encode())
    path = tmp_path / "postgresql.json.gz"
    path.write_bytes(data[: len(data) // 2])
    ev = read(path, tables, None)
    assert ev.counts["statements"] > 0
    assert [q.role for q in ev.queries][:2] == ["mailer", "billing_app"]
    [problem] = [p for p in ev.problems if "gzip" in p.message]
    assert "truncated or corrupt" in problem.message and problem.severity is Severity.WARNING


def test_annotations_inside_logged_statements(tmp_path: Path, tables: list[Table]) -> None:
    log = "".join(
        f"2026-12-01 10:00:0{i}.000 UTC [7] mailer@shop LOG:  statement: "
        f"/* cnsnt: purpose=billing */ SELECT email FROM customers WHERE id = {i}\n"
        f"2026-12-01 10:00:0{i}.500 UTC [7] mailer@shop LOG:  statement: "
        f"/* cnsnt: frobnicate */ SELECT name FROM customers WHERE id = {i}\n"
        for i in range(3)
    )
    path = tmp_path / "postgresql.log"
    path.write_text(log)
    ev = read(path, tables, "postgres_stderr")
    assert [(q.location.line, q.purposes, q.purpose_origin, q.calls) for q in ev.queries] == [
        (1, ("billing",), "comment", 3), (2, ("marketing",), "role", 3)]
    [problem] = ev.problems
    assert problem.location.line == 2
    assert problem.message == ("unknown cnsnt annotation 'frobnicate': expected 'purpose=NAME' "
                               "or 'ignore CODE reason' (3 statements)")


def test_the_policy_schema_names_every_registered_format() -> None:
    from cnsnt.policy.loader import policy_json_schema
    from cnsnt.sources.queries.common import FORMATS
    from cnsnt.sources.queries.formats import HISTORIES

    enum = policy_json_schema()["$defs"]["query_source"]["properties"]["format"]["enum"]
    assert sorted(enum) == sorted([*FORMATS, *LOG_FORMATS, *HISTORIES])


def test_an_oversized_multi_line_record_is_skipped_not_kept(
    tmp_path: Path, tables: list[Table], monkeypatch: pytest.MonkeyPatch
) -> None:
    from cnsnt.sources.queries.formats import base

    monkeypatch.setattr(base, "MAX_RECORD_BYTES", 1000)
    huge = ("2026-12-01 10:00:03.500 UTC [9] mailer@shop LOG:  statement: SELECT email\n"
            + "\t, email\n" * 400 + "\tFROM customers\n")
    lines = STDERR.splitlines(keepends=True)
    path = tmp_path / "postgresql.log"
    path.write_text("".join(lines[:8] + [huge] + lines[8:]))
    ev = read(path, tables, "postgres_stderr")
    check(ev, [2, 6, 411], [MAILER, BILLING, ANALYST])
    [problem] = ev.problems
    assert problem.location.line == 9
    assert problem.message.startswith("1 record (402 lines) skipped as postgres_stderr: record "
                                      "longer than")


@pytest.mark.parametrize(
    "body",
    [
        "SESSION,1,1,READ,SELECT,,,SELECT email FROM customers,<not logged>",
        "SESSION,2,1,WRITE,INSERT,TABLE,public.orders,INSERT INTO orders VALUES (1),\"1,2\"",
        'SESSION,3,1,READ,SELECT,,,"SELECT a, b FROM t WHERE c = \'x\'",<not logged>',
        'SESSION,4,1,READ,SELECT,,,"SELECT ""quoted"" FROM t",<none>',
        "SESSION,5,1,READ,SELECT,,,SELECT 1,a,b,c",
    ],
)
def test_pgaudit_fast_split_reads_like_the_csv_module(body: str) -> None:
    import csv

    from cnsnt.sources.queries.formats.pgaudit import session_fields

    expected = next(csv.reader([body], strict=True))
    got = session_fields(body)
    assert got is not None and got[:8] == expected[:8]


def test_pgaudit_broken_quoting_is_none() -> None:
    from cnsnt.sources.queries.formats.pgaudit import session_fields

    assert session_fields('SESSION,1,1,READ,SELECT,,,"SELECT 1') is None
    assert session_fields("SESSION,1,1,READ") is None


# The fast paths below read what the csv and json modules read: each is compared with
# the module on crafted lines and on seeded random ones (quotes, commas, newlines, NULs).

_CSV_PIECES = ['"', '""', ",", "a", "b c", "\x00", "é", "'", '"x"', ',"', '",', ",,", "\r", "\n"]


def _csv_rows(text: str) -> list[list[str]] | None:
    import csv

    try:
        return list(csv.reader([text], strict=True))
    except csv.Error:
        return None


def _random_texts(seed: int, pieces: list[str], count: int, prefix: str = "") -> list[str]:
    import random

    rng = random.Random(seed)
    return [prefix + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
            for _ in range(count)]


@pytest.mark.parametrize(
    "body",
    [
        'SESSION,1,1,READ,SELECT,,,"SELECT a,\nb FROM t",<not logged>',  # newline inside
        'SESSION,1,1,READ,SELECT,,,"SELECT a",<not\nlogged>',  # newline outside: csv error
        'SESSION,1,1,READ,SELECT,,,"SELECT ""a"" """"",<none>',
        'SESSION,1,1,READ,SELECT,,,"SELECT "a"",<none>',  # unpaired quote: csv error
        'SESSION,1,1,READ,SELECT,,,"SELECT 1"x,<none>',  # text after the closing quote
        'SESSION,1,1,READ,SELECT,TABLE,"a,b","SELECT 1",<none>',  # a quoted name first
        'SESSION,1,1,READ,SELECT,,,"SELECT 1","1,""2"""',  # a quoted parameter
        'SESSION,1,1,READ,SELECT,,,"",<none>',
        'SESSION,1,1,READ,SELECT,,,"SELECT 1"',
    ],
)
def test_pgaudit_quoted_statement_reads_like_the_csv_module(body: str) -> None:
    from cnsnt.sources.queries.formats.pgaudit import _quoted_statement, session_fields

    rows = _csv_rows(body)
    expected = rows[0] if rows and len(rows) == 1 and len(rows[0]) >= 9 else None
    got = session_fields(body)
    assert (got is None) == (expected is None)
    assert got is None or expected is None or got[:8] == expected[:8]
    fast = _quoted_statement(body)
    assert fast is None or (expected is not None and fast[:8] == expected[:8])


def test_pgaudit_fast_paths_agree_with_csv_on_random_lines() -> None:
    from cnsnt.sources.queries.formats.pgaudit import _quoted_statement, session_fields

    bodies = _random_texts(12, _CSV_PIECES[:-2] + ["\n", "SELECT 1"], 4000,
                           'SESSION,1,1,READ,SELECT,,,"')
    fast = 0
    for body in bodies:
        rows = _csv_rows(body)
        expected = rows[0] if rows and len(rows) == 1 and len(rows[0]) >= 9 else None
        got = session_fields(body)
        assert (got is None) == (expected is None), body
        assert got is None or expected is None or got[:8] == expected[:8], body
        fast += _quoted_statement(body) is not None
    assert fast > 100  # the fast path was taken, not only the csv module


CSVLOG_LINE = (
    '2026-12-01 10:00:00.000 UTC,"mailer","shop",101,"10.0.0.5:5000",65a1.ca,1,"SELECT",'
    '2026-12-01 10:00:00 UTC,3/7,0,LOG,00000,"statement: SELECT ""Name"", email FROM '
    'customers",,,,,,,,,"psql","client backend",,0\n'
)


@pytest.mark.parametrize(
    "line",
    [CSVLOG_LINE, CSVLOG_LINE.replace("\n", "\r\n"), "a,b,,c", '"a",b', 'a,"b"', '"",""',
     '"a""",b', 'a"b,c', '"a"b,c', '"a", "b"', '"a', "a,b\rc", ",", '""""'],
)
def test_csvlog_line_reads_like_the_csv_module(line: str) -> None:
    import csv

    from cnsnt.sources.queries.formats.postgres_csvlog import one_line_row

    got = one_line_row(line, csv.field_size_limit())
    assert got is None or [got] == _csv_rows(line)


def test_csvlog_fast_split_agrees_with_csv_on_random_lines() -> None:
    import csv

    from cnsnt.sources.queries.formats.postgres_csvlog import one_line_row

    assert one_line_row(CSVLOG_LINE, csv.field_size_limit()) is not None
    fast = 0
    for line in _random_texts(13, _CSV_PIECES, 6000):
        got = one_line_row(line, csv.field_size_limit())
        if got is not None:
            fast += 1
            assert [got] == _csv_rows(line), line
    assert fast > 500
    assert one_line_row("a" * 50, 10) is None  # past the field size limit: the csv module


def test_jsonlog_fast_decode_agrees_with_json_loads() -> None:
    from cnsnt.sources.queries.formats.postgres_jsonlog import _loads

    pieces = [b"{", b"}", b'"a"', b":", b"1", b",", b"\x00", b"\xef\xbb\xbf", b"\xff\xfe",
              b"\xc3\xa9", b" ", b"\n", b"\r", b"\x0b", b"[", b"]", b'"\\ud800"', b"\x80"]
    import random

    rng = random.Random(14)
    for _ in range(4000):
        raw = b"{" + b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        try:
            expected: object = json.loads(raw)
        except ValueError:
            expected = ValueError
        try:
            got: object = _loads(raw)
        except ValueError:
            got = ValueError
        assert got == expected, raw


def test_a_jsonlog_line_of_a_latin1_server_is_read_not_skipped(tmp_path: Path,
                                                               tables: list[Table]) -> None:
    """A server whose encoding is LATIN1 writes its text's bytes into the JSON as they are:
    the line was skipped as 'not valid JSON', its statement lost (stderr and csvlog read
    such bytes replaced)."""
    line = JSONLOG.splitlines(keepends=True)[4].replace(
        "SELECT allergies FROM customers", "SELECT allergies FROM customers WHERE name = 'Jos\u00e9'")
    path = tmp_path / "postgresql.json"
    path.write_bytes(JSONLOG.encode() + line.encode("latin-1"))
    ev = read(path, tables, None)
    assert [(q.location.line, q.role) for q in ev.queries][-2:] == [(5, "analyst"), (6, "analyst")]
    assert ev.queries[-1].text == "SELECT allergies FROM customers WHERE name = 'Jos\ufffd'"
    assert ev.problems == []


@pytest.mark.parametrize(
    ("prefix", "user", "database"),
    [
        ("2026-12-01 10:00:00.001 UTC [7] mailer@shop ", "mailer", "shop"),
        ("2026-12-01 10:00:00 UTC [7] x\u00a0mailer@shop ", "mailer", "shop"),  # NBSP is a blank
        ("[7]\tbilling@shop\t", "billing", "shop"),
        ("[7] (mailer@shop): ", "mailer", "shop"),
        ("[7] @shop ", None, None),
        ("mailer@", "mailer", None),
        ("a@b c@d ", "a", "b"),
        ("[7] a\x1cb@db ", "b", "db"),
    ],
)
def test_stderr_prefix_user_at_database(prefix: str, user: str | None,
                                        database: str | None) -> None:
    from cnsnt.sources.queries.formats.postgres_stderr import _guess

    found = _guess(prefix)
    assert (found["user"], found["database"]) == (user, database)
    assert found["application"] is None and found["client"] is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("ts [1] u@d LOG:  statement: x", (11, 17, "LOG")),
        ("ts [1]\tLOG:  x", (7, 13, "LOG")),
        ("ts [1] NOTE:  x ERROR:  y", (16, 24, "ERROR")),
        ("LOG:  x", (0, 6, "LOG")),
        ("ts xLOG:  x", None),
    ],
)
def test_stderr_severity_is_the_first_word_before_two_spaces(
    line: str, expected: tuple[int, int, str] | None
) -> None:
    from cnsnt.sources.queries.formats.postgres_stderr import find_severity

    assert find_severity(line) == expected


def test_stderr_severity_search_is_linear_on_a_line_of_many_colons() -> None:
    """The word before each `:  ` was found by copying the line up to it: quadratic (4 MB of
    `a:  ` took minutes)."""
    from cnsnt.sources.queries.formats.postgres_stderr import find_severity
    from tests.hostile.growth import assert_linear

    assert_linear(find_severity, lambda n: "a:  " * n, 40_000)
    assert find_severity("a:  " * 1000 + "b\tLOG:  x") == (4002, 4008, "LOG")


ANALYST_TEXT = "SELECT allergies FROM customers"


@pytest.mark.parametrize(
    ("name", "text", "old", "role"),
    [
        ("pg.log", STDERR, ANALYST_TEXT, "analyst"),
        ("pg.csv", CSVLOG, ANALYST_TEXT, "analyst"),
        ("pg.json", JSONLOG, ANALYST_TEXT, "analyst"),
        ("audit.log", PGAUDIT, "SELECT total FROM orders WHERE customer_id = 3", "billing_app"),
        ("general.log", GENERAL, ANALYST_TEXT, "analyst"),
        ("slow.log", SLOW, ANALYST_TEXT, "analyst"),
    ],
)
def test_a_server_log_statement_over_the_size_limit_is_reported_not_parsed(
    tmp_path: Path, tables: list[Table], name: str, text: str, old: str, role: str
) -> None:
    """`--max-statement-size` held for query files and `lines` logs only: a 4 MB statement in
    a server log was parsed (2 GB of memory, 30 s)."""
    from cnsnt.sources.base import Limits

    path = tmp_path / name
    path.write_text(text)
    whole = read(path, tables, None)
    long = "SELECT allergies FROM customers WHERE" + " id = 1 OR" * 100 + " id = 2"
    path.write_text(text.replace(old, long))
    ctx = SourceContext(
        base_dir=tmp_path,
        tables=list(tables),
        jobs=1,
        policy_purposes=("marketing", "billing"),
        roles=dict(ROLES),
        limits=Limits(statement_bytes=1000),
    )
    spec = SourceSpec("queries", path.name, tmp_path, Location("cnsnt.yaml", 3))
    ev = read_queries(path, spec, ctx)
    assert got(ev) == [q for q in got(whole) if q[1] != role]
    [problem] = [p for p in ev.problems if p not in whole.problems]
    assert len(ev.problems) == len(whole.problems) + 1
    assert problem.location.line == next(q[0] for q in got(whole) if q[1] == role)
    assert problem.message.startswith("statement of 1,0")
    assert "over the statement size limit (1,000): not parsed" in problem.message
    assert ev.counts["statements"] == whole.counts["statements"]


@pytest.mark.parametrize(("name", "text", "lines"), [
    ("pg.json", JSONLOG, [2, 3, 5]), ("pg.csv", CSVLOG, [2, 5, 7]),
    ("general.log", GENERAL.replace(MYSQL_HEADER, ""), [2, 5, 9]),
])
@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_a_server_log_with_a_bom_is_detected_and_read_whole(
    tmp_path: Path, tables: list[Table], name: str, text: str, lines: list[int], encoding: str
) -> None:
    """With a BOM (a UTF-8 one, or UTF-16 as PowerShell's `>` writes) detection did not see
    the format: a jsonlog was read as SQL and gave nothing at all, a csvlog one CN001."""
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    ev = read(path, tables, None)
    check(ev, lines, [MAILER, BILLING, ANALYST])
    assert ev.problems == []


def test_json_lines_of_no_known_format_are_a_cn001_not_sql(tmp_path: Path,
                                                           tables: list[Table]) -> None:
    """Read as SQL (the fallback), JSON gave no statement and no problem: silently nothing."""
    from cnsnt.sources.queries.reader import read_query_sources

    (tmp_path / "export.jsonl").write_text('{"sql": "SELECT allergies FROM customers"}\n')
    (tmp_path / "export.json").write_text('[\n  {"sql": "SELECT email FROM customers"}\n]\n')
    specs = [SourceSpec("queries", name, tmp_path, Location("cnsnt.yaml", 3))
             for name in ("export.jsonl", "export.json")]
    ctx = SourceContext(base_dir=tmp_path, tables=list(tables), jobs=1)
    ev = read_query_sources(specs, ctx)
    assert ev.queries == []
    assert [(p.location.path, p.message.split(" matching")[0]) for p in ev.problems] == [
        ("export.json", "a JSON array"), ("export.jsonl", "JSON lines (keys: sql)"),
    ]
    assert all("name its format (one of: postgres_jsonlog" in p.message for p in ev.problems)


def test_a_stderr_log_opening_with_connections_only_is_detected(tmp_path: Path,
                                                                tables: list[Table]) -> None:
    """A log whose first 200 lines held no statement (connections, checkpoints, or
    `log_statement = mod`) was read as SQL: one 'cannot parse' CN001, its statements lost."""
    noise = "".join(
        f"2026-12-01 09:00:{i % 60:02d}.000 UTC [{i}] LOG:  connection received: host=[local]\n"
        f"2026-12-01 09:00:{i % 60:02d}.000 UTC [{i}] mailer@shop LOG:  connection authorized: "
        "user=mailer database=shop\n" for i in range(150)
    )
    path = tmp_path / "postgresql.log"
    path.write_text(noise + STDERR)
    assert detect(path) == "postgres_stderr"
    ev = read(path, tables, None)
    check(ev, [302, 306, 309], [MAILER, BILLING, ANALYST])
    assert ev.problems == []


def _multi_statement_log(pid: int = 202) -> str:
    """One simple-query message of two statements, sent twice by mailer: pgAudit logs a
    SESSION record per statement (ids 5 and 6, then 7 and 8), each with the whole text;
    billing_app's record falls between two of them, and statement 6 touches a second
    relation. A one-statement message sent twice (ids 9 and 10) is two calls. Each `pid`
    is a pair of sessions of their own (statement ids count per session)."""
    audit = f"2026-12-01 10:00:0{{s}}.000 UTC [{pid}] mailer@shop LOG:  AUDIT: SESSION,{{i}},1,READ,SELECT,{{rel}},"
    both = '"SELECT email FROM customers WHERE id = 1; SELECT total FROM orders WHERE id = 2",<none>\n'
    lines = [
        audit.format(s=1, i=5, rel=",") + both,
        f"2026-12-01 10:00:01.500 UTC [{pid + 1}] billing_app@shop LOG:  AUDIT: SESSION,1,1,READ,SELECT,,,"
        "SELECT total FROM orders WHERE customer_id = 3,<none>\n",
        audit.format(s=2, i=6, rel="TABLE,public.orders") + both,
        audit.format(s=2, i=6, rel="TABLE,public.customers") + both,
        audit.format(s=3, i=7, rel=",") + both,
        audit.format(s=3, i=8, rel=",") + both,
        audit.format(s=4, i=9, rel=",") + '"SELECT name FROM customers WHERE id = 4",<none>\n',
        audit.format(s=4, i=10, rel=",") + '"SELECT name FROM customers WHERE id = 4",<none>\n',
    ]
    return "".join(lines)


def test_pgaudit_counts_each_statement_of_a_multi_statement_message_once(
    tmp_path: Path, tables: list[Table]
) -> None:
    """hard38: both records of a two-statement message carry both statements, and each
    was read whole, so every statement was counted twice; the first record is the place."""
    path = tmp_path / "audit.log"
    path.write_text(_multi_statement_log())
    ev = read(path, tables, "pgaudit")
    assert sorted((q.location.line, q.role, q.calls, q.text) for q in ev.queries) == [
        (1, "mailer", 2, "SELECT email FROM customers WHERE id = 1; SELECT total FROM orders WHERE id = 2"),
        (2, "billing_app", 1, "SELECT total FROM orders WHERE customer_id = 3"),
        (7, "mailer", 2, "SELECT name FROM customers WHERE id = 4"),
    ]
    assert ev.counts["statements"] == 5


def test_pgaudit_multi_statement_count_does_not_depend_on_where_the_log_is_cut(
    tmp_path: Path, tables: list[Table], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "audit.log"
    path.write_text("".join(_multi_statement_log(pid) for pid in range(202, 242, 2)))
    one = read(path, tables, "pgaudit", jobs=1)
    assert sum(q.calls for q in one.queries) == 5 * 20
    monkeypatch.setattr(scan_module, "PARALLEL_BYTES", 1)
    for jobs in (2, 3, 5):
        again = read(path, tables, "pgaudit", jobs=jobs)
        assert [(q.location.line, q.calls, q.text) for q in again.queries] == [
            (q.location.line, q.calls, q.text) for q in one.queries
        ]
        assert again.counts == one.counts


def test_pgaudit_message_ids_over_unlogged_statements_and_sessions(tmp_path: Path, tables: list[Table]) -> None:
    """A message of three statements whose middle one pgAudit does not log (a SET with
    `pgaudit.log = read`) still takes three ids: 5 and 7 are one message, 8 and 10 the next;
    another connection starts its ids again (2), which starts a message too. A `;` inside
    a string makes no second statement: ids 11 and 12 are two calls."""
    audit = "2026-12-01 10:00:01.000 UTC [202] mailer@shop LOG:  AUDIT: SESSION,{i},1,READ,SELECT,,,{text},<none>\n"
    three = '"SELECT email FROM customers WHERE id = 1; SET work_mem = \'8MB\'; SELECT total FROM orders"'
    one = "\"SELECT name FROM customers WHERE name = 'a;b'\""
    path = tmp_path / "audit.log"
    path.write_text("".join(audit.format(i=i, text=three) for i in (5, 7, 8, 10, 2, 4))
                    + "".join(audit.format(i=i, text=one) for i in (11, 12)))
    ev = read(path, tables, "pgaudit")
    assert sorted((q.location.line, q.calls) for q in ev.queries) == [(1, 3), (7, 2)]
