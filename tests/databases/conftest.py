"""Real databases for the live-database tests: SQLite files, a throwaway PostgreSQL 15
cluster (started once per test session), and MySQL/MariaDB when CNSNT_TEST_MYSQL_URL
names a server (`mysql+pymysql://root:pw@127.0.0.1/`; a scratch database is created)."""

from __future__ import annotations

import itertools
import os
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.databases.pgcluster import PgCluster, unavailable

HERE = Path(__file__).resolve().parent
PROJECT = HERE / "project"
SCHEMA_SQL = PROJECT / "schema.sql"
_names = itertools.count()


def statements(sql: str) -> list[str]:
    """Our own fixture SQL, one statement at a time (it has no `;` inside strings)."""
    out = []
    for part in sql.split(";"):
        lines = [ln for ln in part.splitlines() if not ln.strip().startswith("--")]
        if "".join(lines).strip():
            out.append("\n".join(lines))
    return out


def make_sqlite(path: Path, sql: str) -> Path:
    """A real SQLite file built from fixture SQL."""
    conn = sqlite3.connect(path)
    try:
        conn.executescript(sql)
        conn.commit()
    finally:
        conn.close()
    return path


@pytest.fixture(scope="session")
def pg() -> Iterator[PgCluster]:
    """One PostgreSQL 15 cluster for the session, on a Unix socket in a temp dir."""
    reason = unavailable()
    if reason:
        pytest.skip(reason)
    cluster = PgCluster().start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_db(pg: PgCluster):
    """A factory: a fresh database in the cluster, filled with fixture SQL; returns its URL."""

    def make(sql: str = "") -> str:
        return pg.create_database(f"t{next(_names)}_{uuid.uuid4().hex[:6]}", sql)

    return make


@pytest.fixture
def mysql_db():
    """A factory for scratch MySQL/MariaDB databases, or a skip naming what is missing."""
    server = os.environ.get("CNSNT_TEST_MYSQL_URL")
    if not server:
        pytest.skip("no MySQL/MariaDB server: set CNSNT_TEST_MYSQL_URL=mysql+pymysql://user:pw@host/")
    import sqlalchemy as sa

    engine = sa.create_engine(server)
    try:
        with engine.connect():
            pass
    except sa.exc.SQLAlchemyError as exc:
        pytest.skip(f"MySQL server in CNSNT_TEST_MYSQL_URL not reachable: {type(exc).__name__}")
    created: list[str] = []

    def make(sql: str = "") -> str:
        name = f"cnsnt_t{next(_names)}_{uuid.uuid4().hex[:6]}"
        with engine.begin() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE `{name}`")
        created.append(name)
        url = sa.engine.make_url(server).set(database=name)
        with sa.create_engine(url).begin() as conn:
            for stmt in statements(sql):
                conn.exec_driver_sql(stmt)
        return url.render_as_string(hide_password=False)

    yield make
    with engine.begin() as conn:
        for name in created:
            conn.exec_driver_sql(f"DROP DATABASE `{name}`")
    engine.dispose()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the test project (policy + schema.sql) to audit and write into."""
    dest = tmp_path / "project"
    shutil.copytree(PROJECT, dest)
    return dest
