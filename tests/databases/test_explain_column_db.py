"""`cnsnt explain-column --db URL`, as `audit --db` takes it; a password in a URL is fixed by `${VAR}`.

review26 D11: explain-column had no `--db` (it worked only once the URL was in the policy),
and the CN001 for a password written in a database URL carried the generic "fix the
source" though the database was read.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app
from tests.databases.conftest import SCHEMA_SQL, make_sqlite

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(
        app, list(args), env={"COLUMNS": "100", "NO_COLOR": "1", **(env or {})}, catch_exceptions=False
    )


def test_explain_column_reads_a_db_given_on_the_command_line(project: Path) -> None:
    make_sqlite(project / "clinic.db", SCHEMA_SQL.read_text())
    result = run(
        "explain-column", "patients.phone", str(project), "--db", f"sqlite:///{project / 'clinic.db'}"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("patients.phone (sqlite:///")
    assert "verdict: personal, user.contact.phone_number" in result.stdout
    # `${VAR}` expands as in audit --db, and its value is hidden where it shows
    env = {"CLINIC_DB": str(project / "clinic.db")}
    named = run("explain-column", "patients.phone", str(project), "--db", "sqlite:///${CLINIC_DB}", env=env)
    assert named.exit_code == 0, named.output
    assert "verdict: personal, user.contact.phone_number" in named.stdout
    assert str(project / "clinic.db") not in named.output


def test_an_unreadable_db_is_named_without_its_password(project: Path) -> None:
    url = "postgresql://auditor:Hunter22x@127.0.0.1:1/clinic?connect_timeout=2"
    result = run("explain-column", "patients.phone", str(project), "--db", url)
    assert result.exit_code == 2
    assert "cannot connect to the database" in result.output
    assert "Hunter22x" not in result.output and "auditor:***@127.0.0.1" in result.output


def test_a_bad_db_url_is_a_usage_error() -> None:
    result = run("explain-column", "patients.phone", "--db", "nosuchdriver://x")
    assert result.exit_code == 2 and "--db:" in result.output


def test_a_password_in_a_url_is_fixed_by_a_variable(project: Path) -> None:
    make_sqlite(project / "clinic.db", SCHEMA_SQL.read_text())
    with (project / "cnsnt.yaml").open("a", encoding="utf-8") as fh:
        fh.write('sources:\n  databases: [{url: "sqlite:///clinic.db?password=Hunter22x"}]\n')
    report = json.loads(run("audit", str(project), "-f", "json").stdout)
    (warning,) = [f for f in report["findings"] if f["rule"] == "CN001"]
    assert "in the policy's databases: entry with a variable" in warning["hint"]
    assert "fix the source" not in warning["hint"]
    given = run(
        "audit",
        str(project / "cnsnt.yaml"),
        "-f",
        "json",
        "--db",
        f"sqlite:///{project / 'clinic.db'}?password=Hunter22x",
    )
    fixes = [f["hint"] for f in json.loads(given.stdout)["findings"] if "holds its password" in f["message"]]
    assert any("in --db with a variable" in fix for fix in fixes)
    assert "Hunter22x" not in given.stdout
