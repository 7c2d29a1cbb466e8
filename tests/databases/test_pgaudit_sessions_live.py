"""Sessions interleaved by a real PostgreSQL 15, read as pgAudit logs them (pgaudit39).

pgAudit is not installed here, so its records are written by us, in its documented
`AUDIT: SESSION,...` form, from what the real server logged: four connections at once run
each statement twice (a marker comment says which), and PostgreSQL's logging collector
writes their records interleaved as they came. Each pair becomes what pgAudit writes for
one execution: two records of one statement id, one per relation (a join), or two
records with consecutive ids carrying the whole text (a message of two statements). The
prefix (`%m [%p] %c %l %u@%d `) and the order of the lines are the server's.

The same server's multi-line statements (`log_statement = all`, each over 400 lines)
are checked whole: PostgreSQL writes a message in one piece, so no other session's line
falls between its lines.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cnsnt.evidence import Evidence
from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.queries.reader import read_queries
from cnsnt.sources.schemas.ddl import read_ddl
from tests.databases.pgcluster import PgCluster, unavailable

PREFIX = "%m [%p] %c %l %u@%d "
SCHEMA = """
CREATE TABLE customers (id int PRIMARY KEY, email text, phone text);
CREATE TABLE orders (id int, customer_id int, total numeric);
"""
JOIN = "SELECT c.email, o.total FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.id = {i}"
TWO = "SELECT email FROM customers WHERE id = {i}; SELECT total FROM orders WHERE id = {i}"
LONG = "SELECT phone\n  FROM customers\n WHERE id = {i} -- {tag}\n" + "   AND phone <> 'x'\n" * 400
SESSIONS, RUNS = 4, 60
_STATEMENT = re.compile(r"^(?P<prefix>.*?)LOG:  statement: (?P<text>.*?) /\* part (?P<part>[12]) \*/$")
_SESSION = re.compile(r" ([0-9a-f]+\.[0-9a-f]+) ")


@pytest.fixture(scope="module")
def server_log(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The stderr log of four connections running the same statements at once."""
    reason = unavailable()
    if reason:
        pytest.skip(reason)
    import psycopg

    cluster = PgCluster({
        "log_statement": "'all'", "logging_collector": "on", "log_directory": "'logs'",
        "log_filename": "'pg.log'", "log_line_prefix": f"'{PREFIX}'",
    }).start()
    try:
        cluster.execute("CREATE ROLE mailer LOGIN")
        cluster.execute("CREATE DATABASE shop OWNER mailer")
        cluster.execute(SCHEMA + "GRANT ALL ON customers, orders TO mailer;", "shop")

        def client(tag: str) -> None:
            with psycopg.connect(host=str(cluster.sock), dbname="shop", user="mailer",
                                 autocommit=True) as conn:
                for i in range(RUNS):
                    for text in (JOIN, TWO):
                        for part in (1, 2):
                            conn.execute(text.format(i=i) + f" /* part {part} */")  # type: ignore[arg-type]
                    conn.execute(LONG.format(i=i, tag=tag))  # type: ignore[arg-type]

        threads = [threading.Thread(target=client, args=(f"s{n}",)) for n in range(SESSIONS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        log = cluster.data / "logs" / "pg.log"
        deadline = time.monotonic() + 10  # the logging collector writes in its own time
        while time.monotonic() < deadline and log.read_text().count("-- s") < SESSIONS * RUNS:
            time.sleep(0.1)
        out = tmp_path_factory.mktemp("pgaudit-sessions") / "pg.log"
        out.write_bytes(log.read_bytes())
        yield out
    finally:
        cluster.stop()


def as_pgaudit(server: str) -> tuple[str, int]:
    """The server's statement records as pgAudit's SESSION records (other lines dropped),
    and how many pairs have another session's record between their two records."""
    ids: dict[str, int] = {}
    lines: list[str] = []
    open_pair: dict[str, int] = {}
    apart = 0
    for line in server.splitlines():
        m = _STATEMENT.match(line)
        if m is None:
            continue
        prefix, text, part = m.group("prefix"), m.group("text"), m.group("part")
        session = _SESSION.search(prefix)
        assert session is not None, prefix
        key = session.group(1)
        if part == "1":
            ids[key] = ids.get(key, 0) + 1
            open_pair[key] = len(lines)
        elif open_pair.pop(key) != len(lines) - 1:
            apart += 1
        if ";" in text:  # a message of two statements: a statement id each, the whole text
            ids[key] += part == "2"
            obj = ","
        else:  # one statement, one record per relation
            obj = "TABLE,public." + ("customers" if part == "1" else "orders")
        quoted = '"' + text.replace('"', '""') + '"'
        lines.append(f"{prefix}LOG:  AUDIT: SESSION,{ids[key]},1,READ,SELECT,{obj},{quoted},<not logged>")
    return "\n".join(lines) + "\n", apart


def read(path: Path, fmt: str, prefix: str | None) -> Evidence:
    schema = path.parent / "schema.sql"
    schema.write_text(SCHEMA)
    tables = read_ddl(schema, SourceSpec("schemas", schema.name, path.parent, Location("x"),
                                         "postgres"), SourceContext(base_dir=path.parent)).tables
    ctx = SourceContext(base_dir=path.parent, tables=list(tables), jobs=1)
    spec = SourceSpec("queries", path.name, path.parent, Location("cnsnt.yaml", 3),
                      format=fmt, log_line_prefix=prefix)
    return read_queries(path, spec, ctx)


@pytest.mark.parametrize("prefix", [None, PREFIX], ids=["guessed", "configured"])
def test_interleaved_sessions_count_each_statement_once(server_log: Path, prefix: str | None) -> None:
    audit, apart = as_pgaudit(server_log.read_text())
    assert apart > 0  # the server did interleave the sessions' records
    path = server_log.parent / "audit.log"
    path.write_text(audit)
    ev = read(path, "pgaudit", prefix)
    by_start = {q.text.split(" ", 2)[1]: q.calls for q in ev.queries}
    assert by_start == {"c.email,": SESSIONS * RUNS, "email": SESSIONS * RUNS}
    assert ev.problems == []


def test_a_multi_line_statement_keeps_its_lines_among_other_sessions(server_log: Path) -> None:
    ev = read(server_log, "postgres_stderr", PREFIX)
    # one shape: a statement missing lines, or with another's, would be a shape of its own
    assert [q.calls for q in ev.queries if q.text.startswith("SELECT phone")] == [SESSIONS * RUNS]
    assert ev.problems == []
