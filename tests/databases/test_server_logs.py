"""The logs a real PostgreSQL 15 writes (stderr, csvlog, jsonlog), read back by cnsnt (logs37).

A cluster is started with every statement logged (`log_statement = all`,
`log_min_duration_statement = 0`) and Amazon RDS's default `log_line_prefix`
(the severity after a colon); a client runs multi-line statements, bind
parameters (psycopg's `$1` through the extended protocol, unnamed and
prepared), a quoted identifier, a string with a newline and a quote,
`PREPARE`/`EXECUTE`, two statements in one message, and a syntax error. Every
statement that ran must come back at the log line that holds it, under its
user, and nothing may be skipped. Skipped with the reason when PostgreSQL 15 is
not installed.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.queries.formats import detect
from cnsnt.sources.queries.reader import read_queries
from cnsnt.sources.schemas.ddl import read_ddl
from tests.databases.pgcluster import PgCluster, unavailable

PREFIX = "%t:%r:%u@%d:[%p]:"
SCHEMA = """
CREATE TABLE customers (id int PRIMARY KEY, email text, phone text, allergies text,
  "Birth Date" date, newsletter_consent_at timestamptz);
CREATE TABLE orders (id int, customer_id int, note text);
"""
#: What the client runs, and the text each statement is logged with (its first line).
RUN = [
    ("SELECT email\n  FROM customers\n WHERE newsletter_consent_at IS NOT NULL", None),
    ("SELECT phone FROM customers WHERE id = %s", (7,)),
    ('SELECT "Birth Date" FROM customers', None),
    ("INSERT INTO orders (id, customer_id, note) VALUES (1, 2, 'one\nit''s two')", None),
    ("SELECT note FROM orders WHERE note = %s", ("two\nlines 'quoted'",)),
    ("PREPARE byid(int) AS SELECT email, phone FROM customers WHERE id = $1", None),
    ("EXECUTE byid(3)", None),
    ("SELECT id FROM orders; SELECT allergies FROM customers WHERE id = 1", None),
]
PREPARED = "SELECT allergies FROM customers WHERE email = %s"
#: The statements that read or write data: how cnsnt gives them (first words), and what the
#: log line that holds each says (whatever the format quotes).
EXPECTED = [
    ("SELECT email FROM customers", ("statement: SELECT email",)),
    ("SELECT phone FROM customers WHERE id = $1", ("execute <unnamed>: SELECT phone",)),
    ('SELECT "Birth Date" FROM customers', ("statement: SELECT ", "Birth Date")),
    ("INSERT INTO orders", ("statement: INSERT INTO orders",)),
    ("SELECT note FROM orders WHERE note = $1", ("execute <unnamed>: SELECT note",)),
    ("PREPARE byid(int) AS SELECT email", ("statement: PREPARE byid",)),
    ("SELECT id FROM orders; SELECT allergies", ("statement: SELECT id FROM orders; SELECT",)),
    ("SELECT allergies FROM customers WHERE email = $1", ("execute _pg3_0: SELECT allergies",)),
]


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The cluster's stderr, csvlog and jsonlog files after the client's statements."""
    reason = unavailable()
    if reason:
        pytest.skip(reason)
    import psycopg

    cluster = PgCluster({
        "log_statement": "'all'", "log_min_duration_statement": "0",
        "log_destination": "'stderr,csvlog,jsonlog'", "logging_collector": "on",
        "log_directory": "'logs'", "log_filename": "'pg.log'", "log_line_prefix": f"'{PREFIX}'",
    }).start()
    try:
        cluster.execute("CREATE ROLE mailer LOGIN")
        cluster.execute("CREATE DATABASE shop OWNER mailer")
        cluster.execute(SCHEMA + "GRANT ALL ON customers, orders TO mailer;", "shop")
        with psycopg.connect(host=str(cluster.sock), dbname="shop", user="mailer",
                             autocommit=True) as conn:
            for sql, params in RUN:
                conn.execute(sql, params)  # type: ignore[arg-type]
            for email in ("a@b.example", "c@d.example"):  # the second runs the prepared _pg3_0
                conn.execute(PREPARED, (email,), prepare=True)  # type: ignore[arg-type]
            with pytest.raises(psycopg.errors.SyntaxError):
                conn.execute("SELEC email FROM customers")
        folder = cluster.data / "logs"
        deadline = time.monotonic() + 10  # the logging collector writes in its own time
        while time.monotonic() < deadline:
            if all((folder / name).exists() and "SELEC email" in (folder / name).read_text()
                   for name in ("pg.log", "pg.csv", "pg.json")):
                break
            time.sleep(0.1)
        out = tmp_path_factory.mktemp("server-logs")
        for name in ("pg.log", "pg.csv", "pg.json"):
            (out / name).write_bytes((folder / name).read_bytes())
        yield out
    finally:
        cluster.stop()


def _read(path: Path) -> tuple[list[tuple[int | None, str | None, str]], list[str], int]:
    schema = path.parent / "schema.sql"
    schema.write_text(SCHEMA)
    tables = read_ddl(schema, SourceSpec("schemas", schema.name, path.parent, Location("x"),
                                         "postgres"), SourceContext(base_dir=path.parent)).tables
    ctx = SourceContext(base_dir=path.parent, tables=list(tables), jobs=1,
                        policy_purposes=("newsletter",), roles={"mailer": ("newsletter",)})
    spec = SourceSpec("queries", path.name, path.parent, Location("cnsnt.yaml", 3))
    ev = read_queries(path, spec, ctx)
    got = [(q.location.line, q.role, " ".join(q.text.split())) for q in ev.queries]
    return got, [p.message for p in ev.problems], ev.counts["statements"]


def _line_of(lines: list[str], start: str, marks: tuple[str, ...]) -> int:
    """The 1-based line of the first record line that says all of these."""
    return next(i for i, line in enumerate(lines, 1)
                if line.startswith(start) and all(mark in line for mark in marks))


@pytest.mark.parametrize(("name", "start"), [("pg.log", "20"), ("pg.csv", "20"), ("pg.json", "{")])
def test_every_statement_of_a_real_log_at_its_line_and_user(logs: Path, name: str,
                                                            start: str) -> None:
    path = logs / name
    fmt = {"pg.log": "postgres_stderr", "pg.csv": "postgres_csvlog", "pg.json": "postgres_jsonlog"}
    assert detect(path) == fmt[name]
    got, problems, statements = _read(path)
    lines = path.read_text().splitlines()
    mine = [g for g in got if g[1] == "mailer"]
    assert len(mine) == len(EXPECTED), mine
    for (line, _, text), (begins, marks) in zip(mine, EXPECTED, strict=True):
        assert text.startswith(begins)
        assert line == _line_of(lines, start, marks), (text, line)
    assert problems == []
    # the client's 10 statements (the prepared one twice, EXECUTE byid(3) with no shape of its
    # own) besides the setup's
    assert statements - sum(1 for g in got if g[1] != "mailer") >= 10
