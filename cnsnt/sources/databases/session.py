"""One read-only transaction with a statement timeout: the only way cnsnt touches a live database.

Each backend gets the strongest guard it has: PostgreSQL and Oracle `SET TRANSACTION READ
ONLY`, MySQL/MariaDB `START TRANSACTION READ ONLY`, SQLite a file opened with `mode=ro`
plus `PRAGMA query_only`. The transaction is always rolled back. Every statement here is
a constant; cnsnt never runs SQL a user wrote.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.pool import NullPool

from cnsnt.sources.databases.url import DatabaseUrl

#: Longest any one statement may run (catalog reads and value samples alike).
STATEMENT_TIMEOUT_S = 30
#: Longest cnsnt waits for a server to answer a connection.
CONNECT_TIMEOUT_S = 10


def _connect_args(db: DatabaseUrl) -> dict[str, Any]:
    """Connection timeouts (and psycopg's text encoding) for the drivers cnsnt ships with.

    Whatever the URL sets itself is left alone.
    """
    driver = db.url.get_driver_name()
    args: dict[str, Any] = {}
    if driver in {"psycopg", "pymysql"} and "connect_timeout" not in db.url.query:
        args["connect_timeout"] = CONNECT_TIMEOUT_S
    if driver == "psycopg" and "client_encoding" not in db.url.query:
        # A database created as SQL_ASCII (initdb under the C locale) would otherwise hand
        # psycopg bytes instead of text, and SQLAlchemy could not even connect.
        args["client_encoding"] = "UTF8"
    return args


@contextmanager
def read_only(db: DatabaseUrl, timeout_s: float = STATEMENT_TIMEOUT_S) -> Iterator[Connection]:
    """A connection inside a read-only transaction; rolled back and closed on exit.

    Connection errors propagate as SQLAlchemy errors (the caller reports them).
    """
    engine = create_engine(db.url, poolclass=NullPool, connect_args=_connect_args(db))
    try:
        with engine.connect() as conn:
            _begin_read_only(conn, db.backend, timeout_s)
            try:
                yield conn
            finally:
                conn.rollback()
    finally:
        engine.dispose()


def savepoint(conn: Connection, backend: str) -> AbstractContextManager[object]:
    """Wrap one read that may fail, so the transaction survives it.

    On PostgreSQL a failed statement aborts the whole transaction unless it ran inside a
    savepoint; other backends carry on by themselves.
    """
    if backend == "postgresql":
        return conn.begin_nested()
    return nullcontext()


def _begin_read_only(conn: Connection, backend: str, timeout_s: float) -> None:
    ms = max(1, int(timeout_s * 1000))
    if backend == "postgresql":
        # Must be the transaction's first statement; SET LOCAL ends with it.
        conn.exec_driver_sql("SET TRANSACTION READ ONLY")
        conn.exec_driver_sql(f"SET LOCAL statement_timeout = {ms}")
    elif backend in {"mysql", "mariadb"}:
        if getattr(conn.dialect, "is_mariadb", False):
            conn.exec_driver_sql(f"SET SESSION max_statement_time = {ms / 1000:.3f}")
        else:
            conn.exec_driver_sql(f"SET SESSION max_execution_time = {ms}")
        # SHOW CREATE TABLE is no SELECT: bound its wait for a metadata lock instead.
        conn.exec_driver_sql(f"SET SESSION lock_wait_timeout = {max(1, round(timeout_s))}")
        conn.exec_driver_sql("START TRANSACTION READ ONLY")
    elif backend == "sqlite":
        conn.exec_driver_sql("PRAGMA query_only = ON")
        _sqlite_timeout(conn, timeout_s)
    elif backend == "oracle":
        conn.exec_driver_sql("SET TRANSACTION READ ONLY")


def _lenient_utf8(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def lenient_text(conn: Connection) -> None:
    """From now on, read SQLite text that is not UTF-8 (Latin-1 from an old program) too.

    For value samples only: sqlite3 would refuse the whole statement with an error that
    quotes the text, so a sampled value would reach the report. (Catalog reads stay
    strict: a name read with a replacement character would name no table.)
    """
    raw = conn.connection.driver_connection
    if raw is not None and hasattr(raw, "text_factory"):
        raw.text_factory = _lenient_utf8


def _sqlite_timeout(conn: Connection, timeout_s: float) -> None:
    """SQLite has no statement timeout: a progress handler interrupts a statement running too long."""
    raw = conn.connection.driver_connection
    if raw is None or not hasattr(raw, "set_progress_handler"):
        return
    deadline = [time.monotonic() + timeout_s]

    def restart(*_: Any) -> None:
        deadline[0] = time.monotonic() + timeout_s

    event.listen(conn, "before_cursor_execute", restart)
    raw.set_progress_handler(lambda: int(time.monotonic() > deadline[0]), 10_000)
