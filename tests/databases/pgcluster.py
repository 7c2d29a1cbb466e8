"""A throwaway PostgreSQL 15 cluster on a Unix socket in a temp dir (tests and benchmarks).

PostgreSQL refuses to run as root, so as root the server runs as the `postgres` OS
user through `runuser`; as anyone else it runs as that user. Nothing listens on TCP.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

BIN = Path(os.environ.get("CNSNT_PG_BIN", "/usr/lib/postgresql/15/bin"))


def unavailable() -> str | None:
    """Why a cluster cannot be started here (None: it can)."""
    if not (BIN / "initdb").exists() or not (BIN / "pg_ctl").exists():
        return f"PostgreSQL 15 binaries not found in {BIN} (apt-get install postgresql-15)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' OS user to run the server as"
        if shutil.which("runuser") is None:
            return "running as root and runuser is missing"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install -e '.[test]')"
    return None


class PgCluster:
    """initdb + pg_ctl start in a fresh temp dir; `stop()` removes everything."""

    def __init__(self, settings: dict[str, str] | None = None) -> None:
        """`settings`: postgresql.conf lines (name -> value as written there, quoted)."""
        self.settings = dict(settings or {})
        # /tmp: the postgres user must reach it (a root-only TMPDIR would not do), and a
        # short path keeps the socket name under the 107-byte limit.
        self.root = Path(tempfile.mkdtemp(prefix="cnsnt-pg-", dir="/tmp" if os.path.isdir("/tmp") else None))
        self.data = self.root / "data"
        self.sock = self.root / "sock"
        self.log = self.root / "server.log"
        self.sock.mkdir()
        self._as_root = os.geteuid() == 0
        if self._as_root:
            user = pwd.getpwnam("postgres")
            for path in (self.root, self.sock):
                os.chown(path, user.pw_uid, user.pw_gid)
        self.started = False

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = list(args)
        if self._as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        # cwd: the server user may not be allowed into the checkout (a root-only clone).
        return subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=120, cwd=self.root)

    def start(self) -> PgCluster:
        """Create the cluster (trust auth, no fsync: it is thrown away) and start it."""
        try:
            self._run(
                str(BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--locale=C", "--no-sync",
            )
            if self.settings:
                with (self.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
                    conf.writelines(f"{name} = {value}\n" for name, value in self.settings.items())
            options = f"-k {self.sock} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
            self._run(
                str(BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options,
                "-w", "-t", "60", "start",
            )
        except subprocess.CalledProcessError as exc:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            self.stop()
            raise RuntimeError(f"cannot start PostgreSQL: {exc.stderr}\n{log}") from None
        self.started = True
        return self

    def url(self, dbname: str = "postgres", user: str = "postgres", password: str | None = None) -> str:
        """A SQLAlchemy URL to a database of this cluster over its socket."""
        auth = user + (f":{password}" if password else "")
        return f"postgresql+psycopg://{auth}@/{dbname}?host={self.sock}"

    def execute(self, sql: str, dbname: str = "postgres") -> None:
        """Run fixture SQL we wrote (autocommit): create databases, tables, seed rows."""
        import psycopg

        with psycopg.connect(host=str(self.sock), dbname=dbname, user="postgres", autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[call-overload]

    def create_database(self, dbname: str, ddl: str = "") -> str:
        """A new database, optionally filled by DDL; returns its URL."""
        self.execute(f'CREATE DATABASE "{dbname}"')
        if ddl:
            self.execute(ddl, dbname)
        return self.url(dbname)

    def stop(self) -> None:
        """Stop the server (fast) and delete its files."""
        if self.started:
            with contextlib.suppress(subprocess.CalledProcessError):
                self._run(str(BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
            self.started = False
        shutil.rmtree(self.root, ignore_errors=True)
