"""The clinic schema of tests/cli/test_schema_equivalence.py, live: the same findings again.

That test audits one schema written six ways (DDL, migrations, Django, SQLAlchemy, Rails,
Prisma). Here the same DDL is loaded into a real SQLite file and a real PostgreSQL
database and audited with `--db` and the same policy: every way a schema can live gives
the same findings (rule and subject; the message names the same column and reason).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app
from tests.cli.test_schema_equivalence import FIXTURE, audit
from tests.databases.conftest import make_sqlite

DDL = (FIXTURE / "ddl" / "schema.sql").read_text(encoding="utf-8")
#: SQLite has no COMMENT ON: the file is built without those statements (comments are
#: not what decides these findings; the PostgreSQL database keeps them).
SQLITE_DDL = re.sub(r"^COMMENT ON [^;]*;\n", "", DDL, flags=re.M)


def live(url: str, tmp_path: Path) -> list[tuple[str, str | None]]:
    policy = tmp_path / "live.yaml"
    policy.write_text((FIXTURE / "policy.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["audit", "--policy", str(policy), "--format", "json", "--fail-on", "never", "--db", url]
    )
    assert result.exit_code == 0, result.stderr
    return sorted((f["rule"], f.get("subject")) for f in json.loads(result.stdout)["findings"])


def dump(tmp_path: Path) -> list[tuple[str, str | None]]:
    return sorted((rule, subject) for rule, subject, _ in audit("ddl", tmp_path))


def test_a_live_sqlite_file_gives_the_findings_of_the_dump(tmp_path: Path):
    db = make_sqlite(tmp_path / "clinic.db", SQLITE_DDL)
    assert live(f"sqlite:///{db}", tmp_path) == dump(tmp_path)


def test_a_live_postgresql_database_gives_the_findings_of_the_dump(tmp_path: Path, pg_db):
    assert live(pg_db(DDL), tmp_path) == dump(tmp_path)
