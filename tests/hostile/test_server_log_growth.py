"""Every server-log reader is linear on hostile logs (logs37).

A `log_line_prefix` regex run over a whole line tried every cut of its lazy fields: a
line of `:@` under RDS's `%t:%r:%u@%d:[%p]:` grew with the cube of its length (2,400
characters did not end in minutes). Also: a record continued for many lines, a csvlog
row whose quote never closes, a statement of 1 MB. The logs are made here.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from cnsnt.sources.queries.formats import LOG_FORMATS
from cnsnt.sources.queries.formats.base import Record, Settings, Skipped
from cnsnt.sources.queries.formats.postgres_stderr import PostgresStderr
from tests.hostile.growth import assert_linear

TS = "2026-11-30 22:00:01.512 UTC"
RDS = "%t:%r:%u@%d:[%p]:"
SYSLOG = "Nov 30 22:00:01 db1 postgres[7]: [1-1] user=mailer,db=shop "


def _csv_head() -> str:
    return f'{TS},"mailer","shop",4242,"[local]",65e2.1,1,"SELECT",{TS},3/7,0,LOG,00000,'


def _csv_row(message: str) -> str:
    return _csv_head() + '"' + message.replace('"', '""') + '",,,,,,,,,"app",client backend,,0\n'


def _read(fmt: str, prefix: str | None = None):
    def run(text: str) -> list[Record | Skipped]:
        csv.field_size_limit(max(csv.field_size_limit(), 1 << 27))  # as the scanner sets it
        lines = enumerate(text.encode().splitlines(keepends=True))
        return list(LOG_FORMATS[fmt](Settings(prefix)).records(lines))
    return run


@pytest.mark.parametrize("prefix", [RDS, "%m [%p] %q%u@%d ", "%a%u%d%h "])
def test_a_prefix_is_matched_in_linear_time_on_a_line_that_is_no_record(prefix: str) -> None:
    split = PostgresStderr(Settings(prefix)).split
    assert_linear(split, lambda n: "2026-11-30 22:00:01 UTC:" + ":@" * n + ":LOG:  x", 150)
    assert_linear(split, lambda n: "2026-11-30 22:00:01 UTC [9] " + "@ " * n + "LOG:  x", 20_000)


def test_lines_that_are_no_record_of_the_prefix_are_skipped_in_linear_time() -> None:
    read = _read("postgres_stderr", RDS)
    assert_linear(read, lambda n: (":@" * 100 + ":LOG:  x\n") * n, 200)
    assert read(":@:LOG:  x\n") == [Skipped(0, "lines that are not PostgreSQL log records")]


CONTINUED = {
    "postgres_stderr": lambda n: f"{TS} [1] mailer@shop LOG:  statement: SELECT email\n"
                                 + "\t, email\n" * n,
    "pgaudit": lambda n: f'{TS} [1] mailer@shop LOG:  AUDIT: SESSION,1,1,READ,SELECT,,,"SELECT email\n'
                         + "\t, email\n" * n + '\tFROM customers",<none>\n',
    "postgres_csvlog": lambda n: _csv_row("statement: SELECT email\n" + ", email\n" * n + "FROM customers"),
    "mysql_general": lambda n: "2026-11-30T22:00:01.000000Z\t   11 Query\tSELECT email\n" + ", email\n" * n,
    "postgres_syslog": lambda n: SYSLOG + "LOG:  statement: SELECT email\n"
                                 + "".join(f"Nov 30 22:00:01 db1 postgres[7]: [1-{k}] #011, email\n"
                                           for k in range(2, n + 2)),
    "mysql_slow": lambda n: "# User@Host: mailer[mailer] @ localhost []\nSET timestamp=1;\nSELECT email\n"
                            + ", email\n" * n,
}


@pytest.mark.parametrize("fmt", sorted(CONTINUED))
def test_a_record_continued_for_many_lines_is_read_in_linear_time(fmt: str) -> None:
    read = _read(fmt)
    assert_linear(read, CONTINUED[fmt], 20_000)
    records = read(CONTINUED[fmt](3))
    assert [type(r) for r in records] == [Record]
    assert " ".join(records[0].text.split()).startswith("SELECT email , email , email , email")


ONE_MB = {
    "postgres_stderr": lambda n: f"{TS} [1] mailer@shop LOG:  statement: SELECT " + "email, " * n + "1\n",
    "pgaudit": lambda n: f'{TS} [1] mailer@shop LOG:  AUDIT: SESSION,1,1,READ,SELECT,,,"SELECT '
                         + '""e"", ' * n + '1",<none>\n',
    "postgres_csvlog": lambda n: _csv_row("statement: SELECT " + '"e", ' * n + "1"),
    "postgres_jsonlog": lambda n: json.dumps({"timestamp": TS, "user": "mailer", "dbname": "shop",
                                              "error_severity": "LOG",
                                              "message": "statement: SELECT " + 'e\n", ' * n + "1"}) + "\n",
    "mysql_general": lambda n: "2026-11-30T22:00:01.000000Z\t   11 Query\tSELECT " + "\t 1 Query\t" * n + "\n",
    "postgres_syslog": lambda n: SYSLOG + "LOG:  statement: SELECT " + "e]: [1-2] #011, " * n + "1\n",
    "mysql_slow": lambda n: "# User@Host: mailer[mailer] @ localhost []\nSELECT " + "email, " * n + "1\n",
}


@pytest.mark.parametrize("fmt", sorted(ONE_MB))
def test_a_statement_of_a_megabyte_is_read_in_linear_time(fmt: str) -> None:
    read = _read(fmt)
    assert_linear(read, ONE_MB[fmt], 20_000)
    assert len(ONE_MB[fmt](160_000)) > 1 << 20
    assert [type(r) for r in read(ONE_MB[fmt](160_000))] == [Record]


def test_csvlog_rows_whose_quote_never_closes_are_skipped_in_linear_time() -> None:
    read = _read("postgres_csvlog")
    open_row = _csv_head() + '"statement: SELECT email\n'
    assert_linear(read, lambda n: open_row * n, 5_000)
    assert_linear(read, lambda n: open_row + ', "email\n' * n, 20_000)
    assert [type(r) for r in read(open_row * 3)] == [Skipped] * 3


def test_syslog_lines_of_many_processes_and_stray_continuations_in_linear_time() -> None:
    """Records are gathered by process id: many processes at once, and continuation lines
    whose first line is missing, cost each line once."""
    read = _read("postgres_syslog")
    interleaved = lambda n: "".join(  # noqa: E731
        f"Nov 30 22:00:01 db1 postgres[{p}]: [1-1] user=mailer,db=shop LOG:  statement: SELECT email\n"
        for p in range(n)) + "".join(
        f"Nov 30 22:00:01 db1 postgres[{p}]: [1-2] #011FROM customers\n" for p in range(n))
    assert_linear(read, interleaved, 5_000)
    stray = lambda n: "Nov 30 22:00:01 db1 postgres[7]: [9-2] #011FROM customers\n" * n  # noqa: E731
    assert_linear(read, stray, 20_000)
    assert [type(r) for r in read(stray(2))] == [Skipped, Skipped]


def _audit_message(statement: str) -> str:
    return 'AUDIT: SESSION,1,1,READ,SELECT,,,"' + statement.replace('"', '""') + '",<none>'


AUDITED_IN = {
    "csvlog, continued": lambda n: _csv_row(_audit_message("SELECT email\n" + ", email\n" * n + "FROM customers")),
    "csvlog, a megabyte": lambda n: _csv_row(_audit_message("SELECT " + '"e", ' * n + "1")),
    "jsonlog, a megabyte": lambda n: json.dumps({
        "timestamp": TS, "user": "mailer", "dbname": "shop", "session_id": "65e2.1", "error_severity": "LOG",
        "message": _audit_message("SELECT " + 'e\n", ' * n + "1")}) + "\n",
}


@pytest.mark.parametrize("case", sorted(AUDITED_IN))
def test_pgaudit_in_a_csvlog_or_jsonlog_is_read_in_linear_time(case: str) -> None:
    from cnsnt.sources.queries.formats.pgaudit import PgAuditCsvlog, PgAuditJsonlog

    fmt = PgAuditJsonlog if case.startswith("jsonlog") else PgAuditCsvlog

    def read(text: str) -> list[Record | Skipped]:
        csv.field_size_limit(max(csv.field_size_limit(), 1 << 27))
        return list(fmt().records(enumerate(text.encode().splitlines(keepends=True))))

    assert_linear(read, AUDITED_IN[case], 20_000)
    assert [type(r) for r in read(AUDITED_IN[case](3))] == [Record]


def test_pgaudit_messages_of_many_sessions_let_go_are_scanned_in_linear_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sessions past the bound, each with a message left unfinished: each is let go (and the
    warning counted) in constant time, so the scan stays linear and its memory bounded."""
    from cnsnt.sources.queries.formats import scan

    monkeypatch.setattr(scan, "_SESSIONS", 64)
    two = "SELECT email FROM customers WHERE id = 1; SELECT total FROM orders WHERE id = 2"

    def make(n: int) -> str:
        path = tmp_path / f"audit-{n}.log"
        path.write_text("".join(f'{TS} [{1000 + s}] mailer@shop LOG:  AUDIT: SESSION,1,1,READ,SELECT,,,'
                                f'"{two}",<none>\n' for s in range(n)))
        return str(path)

    def run(path: str) -> scan.RangeResult:
        return scan.scan_range(LOG_FORMATS["pgaudit"], Settings(), path, 0, Path(path).stat().st_size, "postgres")

    assert_linear(run, make, 2_000)
    result = run(make(500))
    assert len(result.messages) == 64
    [(line, count)] = result.notes.values()
    assert (line, count) == (0, 500 - 64)


@pytest.mark.parametrize("fmt", ["pgaudit", "csvlog", "jsonlog"])
def test_pgaudit_keeps_no_memory_per_line_of_other_messages(fmt: str) -> None:
    """A pgAudit log's long stretch of other messages (`duration:`, `connection authorized`)
    between its AUDIT lines: each line's byte offset was kept until the next AUDIT record,
    128 bytes a line, so a log of a few audited statements among millions of lines held
    them all (review40b)."""
    import tracemalloc

    from cnsnt.sources.queries.formats.pgaudit import PgAudit, PgAuditCsvlog, PgAuditJsonlog

    audit = "AUDIT: SESSION,1,1,READ,SELECT,,,SELECT 1,<not logged>"
    reader, line = {
        "pgaudit": (PgAudit, lambda message: f"{TS} [42] mailer@shop LOG:  {message}\n"),
        "csvlog": (PgAuditCsvlog, _csv_row),
        "jsonlog": (PgAuditJsonlog, lambda message: json.dumps(
            {"timestamp": TS, "session_id": "65e2.1", "error_severity": "LOG", "message": message}) + "\n"),
    }[fmt]
    other = line("duration: 0.120 ms").encode()

    def lines(n: int):
        yield 0, line(audit).encode()
        for index in range(1, n):
            yield index, other
        yield n, line(audit.replace(",1,1,", ",2,1,")).encode()

    def peak(n: int) -> int:
        tracemalloc.start()
        try:
            assert [type(r) for r in reader(Settings()).records(lines(n))] == [Record, Record]
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    small, big = peak(20_000), peak(160_000)
    assert big < 2 * small + (1 << 20), f"{small:,} bytes at 20,000 lines, {big:,} at 160,000"
