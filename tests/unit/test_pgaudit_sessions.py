"""pgAudit records of several sessions interleaved in one log (pgaudit39).

pgAudit numbers statements per session, so a statement's records (one per relation) and
a message's records (one per statement) are told apart by the session the
`log_line_prefix` shows: `%c`, else `%p`. Every line here is written by us in pgAudit's
documented `AUDIT: SESSION,<statement id>,<substatement id>,<class>,<command>,<object
type>,<object name>,<statement>,<parameter>` form after the prefixes PostgreSQL 15
prints (`%m [%p] %u@%d `, `%m %c %u@%d `, `%m %u@%d `).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cnsnt.evidence import Evidence, Table
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.queries.formats import LOG_FORMATS
from cnsnt.sources.queries.formats import scan as scan_module
from cnsnt.sources.queries.formats.base import Settings
from cnsnt.sources.queries.formats.postgres_stderr import PostgresStderr
from cnsnt.sources.queries.reader import read_queries
from cnsnt.sources.schemas.ddl import read_ddl

SCHEMA = """
CREATE TABLE customers (id INT PRIMARY KEY, email TEXT, name TEXT);
CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, total NUMERIC);
"""
TWO = "SELECT email FROM customers WHERE id = 1; SELECT total FROM orders WHERE id = 2"
JOIN = "SELECT c.email, o.total FROM customers c JOIN orders o ON o.customer_id = c.id"


@pytest.fixture
def tables(tmp_path: Path) -> list[Table]:
    path = tmp_path / "schema.sql"
    path.write_text(SCHEMA)
    spec = SourceSpec("schemas", path.name, tmp_path, Location("cnsnt.yaml"), "postgres")
    return read_ddl(path, spec, SourceContext(base_dir=tmp_path)).tables


def read(path: Path, tables: list[Table], jobs: int = 1, prefix: str | None = None) -> Evidence:
    ctx = SourceContext(base_dir=path.parent, tables=list(tables), jobs=jobs)
    spec = SourceSpec("queries", path.name, path.parent, Location("cnsnt.yaml", 3),
                      format="pgaudit", log_line_prefix=prefix)
    return read_queries(path, spec, ctx)


def audit(session: str, statement_id: int, text: str, relation: str = "",
          second: int = 0) -> str:
    """One SESSION record of `mailer` after a prefix showing `session` (`[4242]`, a `%c`
    id, or nothing), at second `second`."""
    obj = f"TABLE,public.{relation}" if relation else ","
    who = f"{session} " if session else ""
    return (f"2026-12-01 10:00:{second:02d}.000 UTC {who}mailer@shop LOG:  AUDIT: SESSION,"
            f"{statement_id},1,READ,SELECT,{obj},\"{text}\",<not logged>\n")


def calls(ev: Evidence) -> list[tuple[int | None, int, str]]:
    return sorted((q.location.line, q.calls, q.text) for q in ev.queries)


def test_two_sessions_interleaving_a_message_of_two_statements_count_it_twice(
    tmp_path: Path, tables: list[Table]
) -> None:
    """Sessions 4242 (ids 1, 2) and 4243 (ids 5, 6) each send the same two-statement
    message; their records alternate. Read as one run of ids, each record was taken for a
    message of its own: 4."""
    path = tmp_path / "audit.log"
    path.write_text(audit("[4242]", 1, TWO) + audit("[4243]", 5, TWO)
                    + audit("[4242]", 2, TWO) + audit("[4243]", 6, TWO))
    ev = read(path, tables)
    assert calls(ev) == [(1, 2, TWO)]
    assert ev.counts["statements"] == 2
    assert ev.problems == []


def test_another_sessions_record_between_two_relations_of_one_statement(
    tmp_path: Path, tables: list[Table]
) -> None:
    """Session 4242 logs its join once per relation; session 4243's record of another
    statement falls between: the join was counted twice."""
    path = tmp_path / "audit.log"
    path.write_text(audit("[4242]", 3, JOIN, "customers")
                    + audit("[4243]", 1, "SELECT name FROM customers", "customers")
                    + audit("[4242]", 3, JOIN, "orders"))
    ev = read(path, tables)
    assert calls(ev) == [(1, 1, JOIN), (2, 1, "SELECT name FROM customers")]


def test_two_sessions_running_one_statement_with_one_id_count_twice(
    tmp_path: Path, tables: list[Table]
) -> None:
    """Two new sessions' first statement (id 1 each), one after the other: the second was
    taken for a repeat of the first and not counted."""
    path = tmp_path / "audit.log"
    path.write_text(audit("[4242]", 1, JOIN, "customers") + audit("[4243]", 1, JOIN, "customers")
                    + audit("[4243]", 1, JOIN, "orders") + audit("[4242]", 1, JOIN, "orders"))
    ev = read(path, tables)
    assert calls(ev) == [(1, 2, JOIN)]


def test_the_session_id_of_a_configured_prefix(tmp_path: Path, tables: list[Table]) -> None:
    """`%c` (session id) tells sessions apart where one process id serves two sessions in
    turn, and a configured `%p` outside brackets is read too."""
    path = tmp_path / "audit.log"
    path.write_text(audit("65a1b2c3.1092", 1, TWO) + audit("65a1b2c9.1092", 1, TWO)
                    + audit("65a1b2c3.1092", 2, TWO) + audit("65a1b2c9.1092", 2, TWO))
    ev = read(path, tables, prefix="%m %c %u@%d ")
    assert calls(ev) == [(1, 2, TWO)]
    path.write_text(audit("4242", 3, JOIN, "customers") + audit("4243", 3, JOIN, "customers")
                    + audit("4242", 3, JOIN, "orders") + audit("4243", 3, JOIN, "orders"))
    ev = read(path, tables, prefix="%m %p %u@%d ")
    assert calls(ev) == [(1, 2, JOIN)]
    assert ev.problems == []


def test_a_prefix_without_a_session_is_read_as_before_and_said_once(
    tmp_path: Path, tables: list[Table]
) -> None:
    """`%m %u@%d `: the records cannot be told apart, so consecutive records of one id and
    text are one statement, as before, and one warning says how many records that covers."""
    path = tmp_path / "audit.log"
    path.write_text(audit("", 3, JOIN, "customers") + audit("", 3, JOIN, "orders")
                    + audit("", 4, "SELECT name FROM customers", "customers"))
    ev = read(path, tables)
    assert calls(ev) == [(1, 1, JOIN), (3, 1, "SELECT name FROM customers")]
    [problem] = ev.problems
    assert problem.severity is Severity.WARNING and problem.location.line == 1
    assert problem.message.startswith("pgAudit records whose log_line_prefix shows no session")
    assert problem.message.endswith("(3 statements)")


def _interleaved(sessions: int, statements: int) -> str:
    """`sessions` sessions, each logging `statements` joins (two relations each) and a
    two-statement message, their records in turn: another session's record between
    any two records of one statement."""
    lines = []
    for i in range(1, statements + 1):
        for relation in ("customers", "orders"):
            lines += [audit(f"[{4000 + s}]", 3 * i, JOIN, relation, i % 60) for s in range(sessions)]
        for offset in (1, 2):
            lines += [audit(f"[{4000 + s}]", 3 * i + offset, TWO, "", i % 60) for s in range(sessions)]
    return "".join(lines)


def test_interleaved_sessions_count_the_same_however_the_log_is_cut(
    tmp_path: Path, tables: list[Table], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Byte ranges start inside interleaved statements: each range reads the records
    just before it to know every session's last record."""
    path = tmp_path / "audit.log"
    path.write_text(_interleaved(3, 100))
    one = read(path, tables, jobs=1)
    assert calls(one) == [(1, 300, JOIN), (7, 300, TWO)]
    monkeypatch.setattr(scan_module, "PARALLEL_BYTES", 1)
    cuts = scan_module._cuts(path, LOG_FORMATS["pgaudit"](), 12)
    with path.open("rb") as fh:  # some range starts at a statement's second relation
        assert any(fh.seek(a) >= 0 and b"public.orders" in fh.readline() for a, _ in cuts[1:])
    for jobs in (2, 3):
        again = read(path, tables, jobs=jobs)
        assert calls(again) == calls(one)
        assert again.counts == one.counts


def test_the_context_before_a_range_goes_back_past_a_long_record(
    tmp_path: Path, tables: list[Table], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A statement longer than the context the range reads before it: the range still
    starts reading at that statement's first line."""
    monkeypatch.setattr(LOG_FORMATS["pgaudit"], "context_bytes", 64)
    long = JOIN + " WHERE c.name IN (" + ", ".join(f"'n{i}'" for i in range(40)) + ")"
    path = tmp_path / "audit.log"
    path.write_text(audit("[4242]", 3, long, "customers") + audit("[4242]", 3, long, "orders"))
    cut = len(audit("[4242]", 3, long, "customers"))
    result = scan_module.scan_range(LOG_FORMATS["pgaudit"], Settings(), str(path), cut,
                                    path.stat().st_size, "postgres", floor=0)
    assert result.shapes == {}  # the second relation's record, a repeat


@pytest.mark.parametrize(("prefix", "session"), [
    ("2026-12-01 10:00:01.000 UTC [4242] mailer@shop ", "4242"),
    ("2026-12-01 10:00:01 UTC:[local]:mailer@shop:[4242]:", "4242"),  # RDS
    ("2026-12-01 10:00:01 UTC [4242]: [14-1] user=mailer,db=shop,app=psql,client=[local] ", "4242"),
    ("2026-12-01 10:00:01.000 UTC mailer shop [4242]: ", "4242"),  # the pgAudit README's
    ("2026-12-01 10:00:01.000 UTC pid=4242 user=mailer ", "4242"),
    ("2026-12-01 10:00:01.000 UTC [65a1b2c3.1092] mailer@shop ", "65a1b2c3.1092"),
    ("2026-12-01 10:00:01.000 UTC mailer@shop ", None),
    ("2026-12-01 10:00:01.000 UTC [local] mailer@shop ", None),
    ("[1764583201.123] [4242] mailer@shop ", "4242"),  # `[%n] [%p] `: a Unix epoch, no %c
])
def test_the_session_of_a_prefix_without_a_log_line_prefix(prefix: str, session: str | None) -> None:
    parsed = PostgresStderr().split(prefix + "LOG:  statement: SELECT 1")
    assert parsed is not None
    assert parsed[0]["session"] == session


def test_a_process_id_taken_again_by_a_later_session_is_a_session_of_its_own(
    tmp_path: Path, tables: list[Table], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new session on a process id used before numbers its statements from 1 again: its
    first statement, the same as the old session's only one, is no repeat of it once
    more than `_WINDOW` records came between (here 2)."""
    from cnsnt.sources.queries.formats import pgaudit

    monkeypatch.setattr(pgaudit, "_WINDOW", 2)
    others = "".join(audit(f"[{4300 + s}]", 1, "SELECT name FROM customers") for s in range(3))
    path = tmp_path / "audit.log"
    path.write_text(audit("[4242]", 1, JOIN, "customers") + others + audit("[4242]", 1, JOIN, "customers"))
    ev = read(path, tables)
    assert calls(ev) == [(1, 2, JOIN), (2, 3, "SELECT name FROM customers")]


def test_messages_of_many_sessions_are_kept_for_a_bounded_number_of_sessions(
    tmp_path: Path, tables: list[Table], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each of 50 short sessions sends one two-statement message: a range keeps the ids of
    at most `_SESSIONS` sessions (here 4), counting the one silent longest when it lets it go."""
    monkeypatch.setattr(scan_module, "_SESSIONS", 4)
    path = tmp_path / "audit.log"
    path.write_text("".join(audit(f"[{5000 + s}]", 1, TWO) + audit(f"[{5000 + s}]", 2, TWO)
                            for s in range(50)))
    result = scan_module.scan_range(LOG_FORMATS["pgaudit"], Settings(), str(path), 0,
                                    path.stat().st_size, "postgres")
    assert len(result.messages) == 4
    ev = read(path, tables)
    assert calls(ev) == [(1, 50, TWO)]
    assert ev.problems == []  # each message was whole when its session was let go: exact


def _unfinished(others: int) -> str:
    """Session 4242 logs the first statement of a two-statement message, `others` sessions
    then send whole messages of their own, and 4242 logs its second statement."""
    return (audit("[4242]", 1, TWO)
            + "".join(audit(f"[{5000 + s}]", 1, TWO) + audit(f"[{5000 + s}]", 2, TWO) for s in range(others))
            + audit("[4242]", 2, TWO))


def test_a_message_unfinished_when_its_session_is_let_go_is_said(
    tmp_path: Path, tables: list[Table], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A session silent for more than `_SESSIONS` (here 4) other sessions' messages while its own
    message was unfinished (a long first statement): its second record starts a message again,
    and the message counts twice. Memory stays bounded, so the count stays so; it was silent,
    now a warning says a message may have counted twice. Fewer sessions between: exact, no word."""
    monkeypatch.setattr(scan_module, "_SESSIONS", 4)
    path = tmp_path / "audit.log"
    path.write_text(_unfinished(3))
    ev = read(path, tables)
    assert calls(ev) == [(1, 4, TWO)]
    assert ev.problems == []
    path.write_text(_unfinished(6))
    ev = read(path, tables)
    assert calls(ev) == [(1, 8, TWO)]
    [problem] = ev.problems
    assert problem.severity is Severity.WARNING and problem.location.line == 1
    assert "silent for more than 4 other sessions' messages" in problem.message
    assert "may count twice" in problem.message


def test_a_statement_of_more_relations_than_the_window_counts_once(
    tmp_path: Path, tables: list[Table], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A statement over many partitions is logged once per relation: the window runs from
    its session's latest record, not its first."""
    from cnsnt.sources.queries.formats import pgaudit

    monkeypatch.setattr(pgaudit, "_WINDOW", 2)
    path = tmp_path / "audit.log"
    path.write_text("".join(audit("[4242]", 7, JOIN, f"orders_p{p}") for p in range(6)))
    assert calls(read(path, tables)) == [(1, 1, JOIN)]


def test_a_process_id_taken_again_far_back_counts_alike_for_every_jobs(
    tmp_path: Path, tables: list[Table], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A session's record and a later one with the same id and text on the same process
    id, more bytes apart than a range reads before it but fewer records than `_WINDOW`:
    a range that starts between them cannot see the first, so no run takes the second
    for its repeat (codereview39c: `--jobs 1` counted 1, `--jobs 2` counted 2)."""
    monkeypatch.setattr(LOG_FORMATS["pgaudit"], "context_bytes", 2048)
    others = "".join(audit(f"[{4300 + s}]", 1, "SELECT name FROM customers", "customers") for s in range(40))
    path = tmp_path / "audit.log"
    path.write_text(audit("[4242]", 1, JOIN, "customers") + others + audit("[4242]", 1, JOIN, "customers"))
    assert len(others) > 2048
    one = read(path, tables, jobs=1)
    assert (1, 2, JOIN) in calls(one)
    monkeypatch.setattr(scan_module, "PARALLEL_BYTES", 1)
    for jobs in (2, 3):
        again = read(path, tables, jobs=jobs)
        assert calls(again) == calls(one)


def _numbered(lines: list[tuple[int, int, int, str, str]]) -> str:
    """pgAudit records after `%m [%l] [%p] %u@%d `: (line number %l, process id %p, statement
    id, text, relation)."""
    return "".join(audit(f"[{n}] [{pid}]", sid, text, relation) for n, pid, sid, text, relation in lines)


def test_a_line_number_before_the_process_id_is_not_taken_for_the_session(
    tmp_path: Path, tables: list[Table]
) -> None:
    """`%m [%l] [%p] ` with no log_line_prefix given: the first bracketed id, `%l` (the session's
    line number, one more on each of its lines), was taken for the session, so every record
    was a session of its own: a join logged once per relation counted twice, and a
    two-statement message twice. The process id is the bracketed id that stays the same
    while the other counts up."""
    path = tmp_path / "audit.log"
    path.write_text(_numbered([
        (1, 4242, 3, JOIN, "customers"), (1, 4243, 1, TWO, ""), (2, 4242, 3, JOIN, "orders"),
        (2, 4243, 2, TWO, ""), (3, 4242, 4, "SELECT name FROM customers", "customers"),
    ]))
    ev = read(path, tables)
    assert calls(ev) == [(1, 1, JOIN), (2, 1, TWO), (5, 1, "SELECT name FROM customers")]
    assert ev.problems == []


def test_a_process_id_before_a_line_number_is_still_the_session(tmp_path: Path, tables: list[Table]) -> None:
    """`%m [%p] [%l] `: the process id first, as before; its line number counts up beside it."""
    path = tmp_path / "audit.log"
    path.write_text("".join(audit(f"[{pid}] [{n}]", sid, text, relation) for n, pid, sid, text, relation in [
        (1, 4242, 3, JOIN, "customers"), (1, 4243, 3, JOIN, "customers"), (2, 4242, 3, JOIN, "orders"),
        (2, 4243, 3, JOIN, "orders"),
    ]))
    assert calls(read(path, tables)) == [(1, 2, JOIN)]


def test_a_line_number_taken_for_the_session_is_told_alike_for_every_jobs(
    tmp_path: Path, tables: list[Table], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bracket that holds the session is told once, from the log's first lines, so a range
    that starts far into the log reads its prefixes as the first range does."""
    rows = []
    for i in range(1, 200):
        for s in range(3):
            rows += [(2 * i - 1, 4000 + s, 3 * i, JOIN, "customers"), (2 * i, 4000 + s, 3 * i, JOIN, "orders")]
    path = tmp_path / "audit.log"
    path.write_text(_numbered(rows))
    one = read(path, tables)
    assert calls(one) == [(1, 597, JOIN)]
    monkeypatch.setattr(scan_module, "PARALLEL_BYTES", 1)
    for jobs in (2, 3):
        assert calls(read(path, tables, jobs=jobs)) == calls(one)


@pytest.mark.parametrize(("brackets", "session"), [
    (["[1] [4242]", "[1] [4243]", "[2] [4242]"], 1),  # %l %p: the line number steps up by one
    (["[4242] [1]", "[4243] [1]", "[4242] [2]"], 0),  # %p %l
    (["[1] [4242]", "[1] [4250]", "[1] [4311]"], 1),  # sessions of one line: %l stays at 1
    (["[17] [65a1b2c3.1092]", "[18] [65a1b2c3.1092]"], 1),  # %l %c
    (["[4242]", "[4243]"], 0),  # one id
    (["[local] [4242]"], 0),
])
def test_which_bracketed_id_of_a_prefix_is_the_session(brackets: list[str], session: int) -> None:
    from cnsnt.sources.queries.formats.postgres_stderr import session_bracket

    head = [f"2026-12-01 10:00:00.000 UTC {b} mailer@shop LOG:  statement: SELECT 1" for b in brackets]
    assert session_bracket(head) == session


def _message(statement_id: int, text: str, relation: str = "") -> str:
    obj = f"TABLE,public.{relation}" if relation else ","
    return f'AUDIT: SESSION,{statement_id},1,READ,SELECT,{obj},"{text}",<not logged>'


#: (process id, session id, statement id, text, relation): two sessions interleaved, a join
#: logged once per relation and a two-statement message logged once per statement.
AUDITED = [
    (4242, "65a1b2c3.1092", 3, JOIN, "customers"), (4243, "65a1b2c4.1093", 1, TWO, ""),
    (4242, "65a1b2c3.1092", 3, JOIN, "orders"), (4243, "65a1b2c4.1093", 2, TWO, ""),
    (4242, "65a1b2c3.1092", 4, "SELECT name FROM customers", "customers"),
]


def _csvlog(rows: list[tuple[int, str, int, str, str]], repeat: int = 1) -> str:
    """PostgreSQL 15's csvlog columns (26): the message column carries pgAudit's line."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for n in range(repeat):
        for line, (pid, session, sid, text, relation) in enumerate(rows, 1):
            writer.writerow([f"2026-12-01 10:00:{n % 60:02d}.000 UTC", "mailer", "shop", pid, "[local]",
                             f"{session}{n}" if repeat > 1 else session, line, "SELECT",
                             "2026-12-01 10:00:00 UTC", "3/2", 0, "LOG", "00000",
                             _message(sid, text, relation), "", "", "", "", "", "", "", "", "psql",
                             "client backend", "", 0])
    return out.getvalue()


def _jsonlog(rows: list[tuple[int, str, int, str, str]]) -> str:
    import json

    return "".join(json.dumps({
        "timestamp": "2026-12-01 10:00:01.000 UTC", "user": "mailer", "dbname": "shop", "pid": pid,
        "remote_host": "[local]", "session_id": session, "line_num": line, "ps": "SELECT",
        "error_severity": "LOG", "message": _message(sid, text, relation), "application_name": "psql",
        "backend_type": "client backend", "query_id": 0,
    }) + "\n" for line, (pid, session, sid, text, relation) in enumerate(rows, 1))


@pytest.mark.parametrize("fmt", ["pgaudit", None])
@pytest.mark.parametrize(("name", "write"), [("audit.csv", _csvlog), ("audit.json", _jsonlog)])
def test_pgaudit_lines_in_a_csvlog_or_jsonlog_are_read_as_pgaudit(
    tmp_path: Path, tables: list[Table], fmt: str | None, name: str,
    write: Callable[[list[tuple[int, str, int, str, str]]], str],
) -> None:
    """pgAudit writes its `AUDIT: SESSION,...` line as the message of a csvlog row or a jsonlog
    object: detected, such a log was read as a plain csvlog or jsonlog, whose reader counts
    `statement:` messages only, and not one statement was audited, without a word; named
    `format: pgaudit`, every line was "not a PostgreSQL log record". Sessions are told by the
    log's own session id."""
    path = tmp_path / name
    path.write_text(write(AUDITED))
    ctx = SourceContext(base_dir=tmp_path, tables=list(tables))
    spec = SourceSpec("queries", name, tmp_path, Location("cnsnt.yaml", 3), format=fmt)
    ev = read_queries(path, spec, ctx)
    assert calls(ev) == [(1, 1, JOIN), (2, 1, TWO), (5, 1, "SELECT name FROM customers")]
    assert ev.problems == []
    assert {q.role for q in ev.queries} == {"mailer"}


def test_pgaudit_in_a_csvlog_counts_alike_however_the_log_is_cut(
    tmp_path: Path, tables: list[Table], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "audit.csv"
    path.write_text(_csvlog(AUDITED, repeat=60))
    spec = SourceSpec("queries", path.name, tmp_path, Location("cnsnt.yaml", 3), format="pgaudit")
    one = read_queries(path, spec, SourceContext(base_dir=tmp_path, tables=list(tables)))
    assert calls(one) == [(1, 60, JOIN), (2, 60, TWO), (5, 60, "SELECT name FROM customers")]
    monkeypatch.setattr(scan_module, "PARALLEL_BYTES", 1)
    for jobs in (2, 3):
        again = read_queries(path, spec, SourceContext(base_dir=tmp_path, tables=list(tables), jobs=jobs))
        assert calls(again) == calls(one)


def _stderr(rows: list[tuple[int, str, int, str, str]]) -> str:
    return "".join(audit(f"[{pid}]", sid, text, relation) for pid, _, sid, text, relation in rows)


def _syslog(rows: list[tuple[int, str, int, str, str]]) -> str:
    """Each record as rsyslog files it, its first line `postgres[pid]: [n-1] ` before the prefix."""
    return "".join(f"Dec  1 10:00:00 db1 postgres[{pid}]: [{n}-1] " + audit(f"[{pid}]", sid, text, relation)
                   for n, (pid, _, sid, text, relation) in enumerate(rows, 1))


@pytest.mark.parametrize(("name", "fmt", "write"), [
    ("audit.csv", "postgres_csvlog", _csvlog), ("audit.json", "postgres_jsonlog", _jsonlog),
    ("audit.log", "postgres_stderr", _stderr), ("syslog.log", "postgres_syslog", _syslog),
])
def test_pgaudit_lines_in_a_log_named_as_plain_csvlog_or_jsonlog_are_said(
    tmp_path: Path, tables: list[Table], name: str, fmt: str,
    write: Callable[[list[tuple[int, str, int, str, str]]], str],
) -> None:
    """A log named `format: postgres_csvlog` whose messages are pgAudit's: its reader counts
    `statement:` messages, so the audit lines are passed over, now with a note, never in silence."""
    path = tmp_path / name
    path.write_text(write(AUDITED))
    spec = SourceSpec("queries", name, tmp_path, Location("cnsnt.yaml", 3), format=fmt)
    ev = read_queries(path, spec, SourceContext(base_dir=tmp_path, tables=list(tables)))
    assert ev.queries == []
    [problem] = ev.problems
    assert problem.location.line == 1
    assert "pgAudit records" in problem.message and "format: pgaudit" in problem.message
