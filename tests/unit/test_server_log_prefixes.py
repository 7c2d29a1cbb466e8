"""Server logs as real servers write them, beyond the Debian prefix (logs37).

Every line here is written by us, in the shape PostgreSQL 15 and MariaDB 10.11
wrote it when probed: Amazon RDS's default prefix `%t:%r:%u@%d:[%p]:` puts the
severity after a colon, not a blank; a prefix may pad an escape (`%-12u`); a
MariaDB slow log opens with a `mariadbd, Version:` banner, and repeats it after
each restart.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.evidence import Evidence, Table
from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.queries.formats import detect
from cnsnt.sources.queries.formats.base import Settings
from cnsnt.sources.queries.formats.postgres_stderr import PostgresStderr
from cnsnt.sources.queries.reader import read_queries
from cnsnt.sources.schemas.ddl import read_ddl

SCHEMA = """
CREATE TABLE customers (id INT PRIMARY KEY, email TEXT, phone TEXT, allergies TEXT);
CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, total NUMERIC);
"""
ROLES = {"mailer": ("marketing",), "billing_app": ("billing",)}


@pytest.fixture
def tables(tmp_path: Path) -> list[Table]:
    path = tmp_path / "schema.sql"
    path.write_text(SCHEMA)
    spec = SourceSpec("schemas", path.name, tmp_path, Location("cnsnt.yaml"), "postgres")
    return read_ddl(path, spec, SourceContext(base_dir=tmp_path)).tables


def read(path: Path, tables: list[Table], fmt: str | None = None,
         prefix: str | None = None) -> Evidence:
    ctx = SourceContext(base_dir=path.parent, tables=list(tables), jobs=1,
                        policy_purposes=("marketing", "billing"), roles=dict(ROLES))
    spec = SourceSpec("queries", path.name, path.parent, Location("cnsnt.yaml", 3),
                      format=fmt, log_line_prefix=prefix)
    return read_queries(path, spec, ctx)


def rows(ev: Evidence) -> list[tuple[int | None, str | None, str]]:
    return [(q.location.line, q.role, q.text.split(" WHERE")[0]) for q in ev.queries]


RDS_PREFIX = "%t:%r:%u@%d:[%p]:"
RDS = """\
2026-11-30 22:00:00 UTC::@:[411]:LOG:  checkpoint starting: time
2026-11-30 22:00:01 UTC:10.0.4.7(51022):mailer@shop:[4242]:LOG:  statement: SELECT email
\t  FROM customers
\t WHERE id = 1
2026-11-30 22:00:01 UTC:10.0.4.7(51022):mailer@shop:[4242]:LOG:  duration: 0.120 ms
2026-11-30 22:00:02 UTC:[local]:billing_app@shop:[4243]:LOG:  execute <unnamed>: SELECT total FROM orders WHERE customer_id = $1
2026-11-30 22:00:02 UTC:[local]:billing_app@shop:[4243]:DETAIL:  parameters: $1 = '42'
2026-11-30 22:00:03 UTC:2001:db8::5(40000):analyst@shop:[4244]:LOG:  statement: SELECT allergies FROM customers
2026-11-30 22:00:03 UTC:2001:db8::5(40000):analyst@shop:[4244]:ERROR:  syntax error at or near "SELEC" at character 1
2026-11-30 22:00:03 UTC:2001:db8::5(40000):analyst@shop:[4244]:STATEMENT:  SELEC phone FROM customers
"""
RDS_ROWS = [
    (2, "mailer", "SELECT email FROM customers"),
    (6, "billing_app", "SELECT total FROM orders"),
    (8, "analyst", "SELECT allergies FROM customers"),
]


def test_an_rds_log_is_detected_as_stderr(tmp_path: Path) -> None:
    """The severity after a colon (`...:[4242]:LOG:  `) was not found: read as SQL, all lost."""
    path = tmp_path / "postgresql.log.2026-11-30-22"
    path.write_text(RDS)
    assert detect(path) == "postgres_stderr"


@pytest.mark.parametrize("prefix", [None, RDS_PREFIX])
@pytest.mark.parametrize("fmt", [None, "postgres_stderr"])
def test_an_rds_log_gives_every_statement_at_its_line_and_user(
    tmp_path: Path, tables: list[Table], fmt: str | None, prefix: str | None
) -> None:
    """Guessed, the user was `UTC:10.0.4.7(51022):mailer`; with the prefix, `01 UTC:...`."""
    path = tmp_path / "postgresql.log"
    path.write_text(RDS)
    ev = read(path, tables, fmt, prefix)
    assert rows(ev) == RDS_ROWS
    assert ev.problems == []


def test_the_rds_prefix_reads_client_and_user_apart() -> None:
    reader = PostgresStderr(Settings(log_line_prefix=RDS_PREFIX))
    for client in ("10.0.4.7(51022)", "[local]", "2001:db8::5(40000)"):
        m = reader.split(f"2026-11-30 22:00:01 UTC:{client}:mailer@shop:[4242]:LOG:  statement: SELECT 1")
        assert m is not None
        fields, severity, _ = m
        assert (fields["client"], fields["user"], fields["database"], severity) == (client, "mailer", "shop", "LOG")


@pytest.mark.parametrize(
    ("prefix", "line"),
    [
        ("%m %-12u %d ", "2026-11-30 22:00:01.512 UTC mailer       shop LOG:  statement: SELECT 1"),
        ("%m %12u@%d ", "2026-11-30 22:00:01.512 UTC       mailer@shop LOG:  statement: SELECT 1"),
        ("%m [%-6p] %u@%d ", "2026-11-30 22:00:01.512 UTC [4242  ] mailer@shop LOG:  statement: SELECT 1"),
    ],
)
def test_a_padded_escape_is_read_without_its_padding(prefix: str, line: str) -> None:
    """`%-12u` (PostgreSQL pads an escape to a width) was read as `%-` and a literal `12u`:
    no line matched, and every record was skipped."""
    split = PostgresStderr(Settings(log_line_prefix=prefix)).split(line)
    assert split is not None
    fields, severity, message = split
    assert (fields["user"], fields["database"], severity, message) == (
        "mailer", "shop", "LOG", "statement: SELECT 1")


def test_a_padded_prefix_log_is_read(tmp_path: Path, tables: list[Table]) -> None:
    path = tmp_path / "pg.log"
    path.write_text(
        "2026-11-30 22:00:01.512 UTC mailer       shop LOG:  statement: SELECT email FROM customers\n"
        "2026-11-30 22:00:02.001 UTC billing_app  shop LOG:  execute S_1: SELECT total FROM orders\n"
    )
    ev = read(path, tables, "postgres_stderr", "%m %-12u %d ")
    assert rows(ev) == [(1, "mailer", "SELECT email FROM customers"),
                        (2, "billing_app", "SELECT total FROM orders")]
    assert ev.problems == []


MARIADB_SLOW = """\
mariadbd, Version: 10.11.19-MariaDB-0+deb12u1-log (Debian 12). started with:
Tcp port: 0  Unix socket: /run/mysqld/mysqld.sock
Time\t\t    Id Command\tArgument
# Time: 261130 22:00:01
# User@Host: mailer[mailer] @ localhost []
# Thread_id: 4  Schema: shop  QC_hit: No
# Query_time: 0.000582  Lock_time: 0.000436  Rows_sent: 0  Rows_examined: 0
# Rows_affected: 0  Bytes_sent: 83
use `shop`;
SET timestamp=1796508001;
SELECT email
  FROM customers;
mariadbd, Version: 10.11.19-MariaDB-0+deb12u1-log (Debian 12). started with:
Tcp port: 0  Unix socket: /run/mysqld/mysqld.sock
Time\t\t    Id Command\tArgument
# User@Host: billing_app[billing_app] @ localhost []
# Thread_id: 5  Schema: shop  QC_hit: No
# Query_time: 0.000035  Lock_time: 0.000021  Rows_sent: 0  Rows_examined: 0
SET timestamp=1796508002;
SELECT total FROM orders WHERE customer_id = 7;
"""


def test_a_mariadb_slow_log_banner_is_no_statement_and_no_warning(tmp_path: Path,
                                                                  tables: list[Table]) -> None:
    """MariaDB's banner (`mariadbd, Version:`, not MySQL's `/usr/sbin/mysqld, Version:`) was
    a skipped record at the top, and after a restart was glued to the statement before it:
    `SELECT email FROM customers; mariadbd, Version: ...` did not parse."""
    path = tmp_path / "slow.log"
    path.write_text(MARIADB_SLOW)
    assert detect(path) == "mysql_slow"
    ev = read(path, tables)
    assert [(q.role, q.text.split(" WHERE")[0]) for q in ev.queries] == [
        ("mailer", "SELECT email FROM customers;"), ("billing_app", "SELECT total FROM orders")]
    assert ev.problems == []


def test_a_slow_log_statement_is_at_its_own_line_not_its_header(tmp_path: Path,
                                                               tables: list[Table]) -> None:
    """A finding pointed at the record's `# Time:` or `# User@Host:` line, up to eight lines
    above the statement it is about."""
    path = tmp_path / "slow.log"
    path.write_text(MARIADB_SLOW)
    ev = read(path, tables)
    assert [q.location.line for q in ev.queries] == [11, 20]


def test_a_pgaudit_cursor_logged_as_its_select_and_its_declare_counts_once(
    tmp_path: Path, tables: list[Table]
) -> None:
    """pgAudit 1.7 logs a server-side cursor (psycopg's, Django's) twice under one statement
    id: its SELECT as substatement 1 and the DECLARE as substatement 2, with the same text;
    it was counted as two runs. Two runs of the same text have two statement ids."""
    audit = "2026-11-30 22:00:0{s}.000 UTC [17756] mailer@shop LOG:  AUDIT: SESSION,{s},{sub},READ,"
    declare = '"DECLARE ""cur1"" CURSOR FOR SELECT phone FROM customers WHERE id > $1",0\n'
    log = "".join(
        audit.format(s=s, sub=1) + "SELECT,TABLE,public.customers," + declare
        + audit.format(s=s, sub=2) + "DECLARE CURSOR,,," + declare
        for s in (1, 2)
    )
    path = tmp_path / "audit.log"
    path.write_text(log)
    ev = read(path, tables)
    assert [(q.location.line, q.role, q.calls) for q in ev.queries] == [(1, "mailer", 2)]
    assert ev.problems == []


SYSLOG = """\
Nov 30 22:00:01 db1 postgres[4242]: [14-1] user=mailer,db=shop LOG:  statement: SELECT email
Nov 30 22:00:01 db1 postgres[4243]: [7-1] user=billing_app,db=shop LOG:  execute S_1: SELECT total FROM orders WHERE customer_id = $1
Nov 30 22:00:01 db1 postgres[4242]: [14-2] #011  FROM customers
Nov 30 22:00:01 db1 postgres[4242]: [14-3] #011 WHERE id = 1
Nov 30 22:00:01 db1 postgres[4243]: [8-1] user=billing_app,db=shop DETAIL:  parameters: $1 = '42'
Nov 30 22:00:02 db1 postgres[4242]: [15-1] user=mailer,db=shop LOG:  duration: 0.120 ms
Nov 30 22:00:02 db1 kernel: [ 812.4] eth0: link up
2026-11-30T22:00:03.512345+00:00 db1 postgres[4244]: [3-1] user=analyst,db=shop LOG:  statement: SELECT allergies FROM customers
"""


def test_a_log_written_through_syslog_joins_its_continuation_lines(tmp_path: Path,
                                                                  tables: list[Table]) -> None:
    """`log_destination = syslog`: each line of a message is a syslog line `[14-2]`, another
    backend's lines between them, a tab written `#011`. Read as stderr, the statement was cut
    to `SELECT email` (a CN001 'could not be resolved') and its other lines skipped."""
    path = tmp_path / "postgresql.log"
    path.write_text(SYSLOG)
    assert detect(path) == "postgres_syslog"
    ev = read(path, tables)
    assert [(q.location.line, q.role, " ".join(q.text.split())) for q in ev.queries] == [
        (1, "mailer", "SELECT email FROM customers WHERE id = 1"),
        (2, "billing_app", "SELECT total FROM orders WHERE customer_id = $1"),
        (8, "analyst", "SELECT allergies FROM customers"),
    ]
    [problem] = ev.problems  # the kernel's line is no PostgreSQL record, and it is said
    assert problem.location.line == 7
    assert problem.message.startswith("1 record (1 line) skipped as postgres_syslog")


def test_pgbadgers_stderr_prefix_is_not_taken_for_syslog(tmp_path: Path, tables: list[Table]) -> None:
    """pgBadger's `%t [%p]: [%l-1] ` writes `[17804]: [2-1]` as syslog does: its tab-indented
    continuation lines belong to a stderr log."""
    path = tmp_path / "postgresql.log"
    path.write_text(
        "2026-11-30 22:00:01 UTC [17804]: [2-1] user=mailer,db=shop,app=psql,client=[local] "
        "LOG:  statement: SELECT email\n\t  FROM customers\n"
    )
    assert detect(path) == "postgres_stderr"
    assert rows(read(path, tables)) == [(1, "mailer", "SELECT email FROM customers")]


def test_a_syslog_line_longer_than_900_bytes_is_joined_where_postgresql_cut_it(
        tmp_path: Path, tables: list[Table]) -> None:
    """PostgreSQL cuts a line longer than 900 bytes into chunks `[14-2]`, `[14-3]` (at a blank,
    which starts the next chunk, or mid-word where there is none): a chunk is no new line,
    only one that starts with PostgreSQL's tab (`#011`) is. Joined by a newline, `IN(1000,...`
    cut inside `1178` was a parse error and the statement was lost (codereview37)."""
    ids = ",".join(str(i) for i in range(1000, 1400))
    head = "Nov 30 22:00:01 db1 postgres[4242]: "
    line = f"user=mailer,db=shop LOG:  statement: SELECT email FROM customers WHERE id IN({ids})"
    first, rest = line[:line.index(" IN(")], line[line.index(" IN("):]
    chunks = [first, rest[:900], rest[900:1800], rest[1800:]]
    assert rest[899].isdigit() and rest[900].isdigit()  # cut inside a number, as PostgreSQL does
    path = tmp_path / "postgresql.log"
    path.write_text("".join(f"{head}[14-{n}] {c}\n" for n, c in enumerate(chunks, 1))
                    + f"{head}[15-1] user=mailer,db=shop LOG:  statement: SELECT phone\n"
                    + f"{head}[15-2] #011FROM customers\n")
    ev = read(path, tables, "postgres_syslog")
    assert [(q.location.line, " ".join(q.text.split())[:50]) for q in ev.queries] == [
        (1, "SELECT email FROM customers WHERE id IN(1000,1001,"),  # the shown text is shortened
        (5, "SELECT phone FROM customers"),
    ]
    assert ev.problems == []
