"""`cnsnt audit --db` end to end: one schema as DDL, as a SQLite file and in PostgreSQL
(and MySQL when a server is given) gives the same findings; secrets never show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cnsnt.cli import app
from tests.databases.conftest import SCHEMA_SQL, make_sqlite

runner = CliRunner()
FORMATS = ("text", "json", "sarif", "junit", "github", "markdown")
#: What the test project must yield whichever way its schema is read.
EXPECTED = {
    ("CN101", "patients.full_name"),
    ("CN101", "patients.phone"),
    ("CN101", "patients.birth_date"),
    ("CN101", "appointments.symptoms"),
    ("CN101", "appointments.ip_address"),
    ("CN101", "patient_contacts.phone"),
    ("CN402", "patients.passport"),
    ("CN501", "data:email"),
}


def audit(project: Path, *args: str, env: dict[str, str] | None = None):
    return runner.invoke(
        app,
        ["audit", str(project), *args],
        env={"COLUMNS": "100", "NO_COLOR": "1", **(env or {})},
        catch_exceptions=False,
    )


def findings(result) -> set[tuple[str, str]]:
    assert result.exit_code in (0, 1), result.stderr + result.stdout
    return {(f["rule"], f["subject"]) for f in json.loads(result.stdout)["findings"]}


def add_sources(project: Path, yaml: str) -> None:
    with (project / "cnsnt.yaml").open("a", encoding="utf-8") as fh:
        fh.write("sources:\n" + yaml)


def test_ddl_sqlite_and_postgres_give_the_same_findings(project, pg_db):
    make_sqlite(project / "clinic.db", SCHEMA_SQL.read_text())
    pg_url = pg_db(SCHEMA_SQL.read_text())
    # --db paths are relative to the working directory; this one is absolute.
    from_sqlite = audit(project, "-f", "json", "--db", f"sqlite:///{project / 'clinic.db'}")
    from_pg = audit(project, "-f", "json", "--db", pg_url)
    add_sources(project, "  schemas: [{path: schema.sql, dialect: postgres}]\n")
    from_ddl = audit(project, "-f", "json")
    assert findings(from_ddl) >= EXPECTED
    assert findings(from_sqlite) == findings(from_ddl) == findings(from_pg)
    locations = [f["location"] for f in json.loads(from_pg.stdout)["findings"] if f["rule"] == "CN101"]
    assert all(loc["uri"].startswith("db://postgresql+psycopg://postgres@/") for loc in locations)
    assert {"uri": f"db://sqlite:///{project}/clinic.db/main.patients.phone"}.items() <= next(
        f["location"]
        for f in json.loads(from_sqlite.stdout)["findings"]
        if f["subject"] == "patients.phone"
    ).items()


def test_mysql_gives_the_same_findings(project, mysql_db):
    url = mysql_db(SCHEMA_SQL.read_text())
    from_mysql = audit(project, "-f", "json", "--db", url)
    add_sources(project, "  schemas: [{path: schema.sql, dialect: mysql}]\n")
    assert findings(from_mysql) == findings(audit(project, "-f", "json"))


def test_policy_databases_entry_with_env_reference(project):
    make_sqlite(project / "data.db", SCHEMA_SQL.read_text())
    add_sources(project, '  databases: [{url: "sqlite:///${CLINIC_DB}"}]\n')
    assert findings(audit(project, "-f", "json", env={"CLINIC_DB": "data.db"})) >= EXPECTED
    missing = json.loads(audit(project, "-f", "json").stdout)["findings"]
    cn001 = [f for f in missing if f["rule"] == "CN001"]
    assert [f["message"] for f in cn001] == ["environment variable CLINIC_DB is not set"]
    assert cn001[0]["location"] == {"path": "cnsnt.yaml", "line": 20, "column": 15}


def test_unreachable_database_is_cn001_and_other_sources_still_count(project, tmp_path):
    add_sources(project, "  schemas: [{path: schema.sql, dialect: postgres}]\n")
    url = f"postgresql://app:${{PW}}@/clinic?host={tmp_path}"
    result = audit(project, "-f", "json", "--db", url, env={"PW": "Sup3rS3cret"})
    report = json.loads(result.stdout)
    cn001 = [f for f in report["findings"] if f["rule"] == "CN001"]
    assert len(cn001) == 1 and cn001[0]["message"].startswith("cannot connect to the database: ")
    assert cn001[0]["location"]["database"] == f"postgresql://app:***@/clinic?host={tmp_path}"
    assert "Sup3rS3cret" not in result.stdout + result.stderr
    assert {(f["rule"], f["subject"]) for f in report["findings"]} >= EXPECTED


@pytest.mark.parametrize("fmt", FORMATS)
def test_password_never_appears_in_any_format(project, pg, pg_db, tmp_path, fmt):
    secret = "Sup3rS3cret-pw"
    dbname = pg_db(SCHEMA_SQL.read_text()).split("@/")[1].split("?")[0]
    live = pg.url(dbname, password=secret)  # trust auth: the password is accepted, unused
    dead = f"postgresql://app:{secret}@/nowhere?host={tmp_path}"
    result = audit(
        project, "-f", fmt, "--db", live, "--db", dead, "--db", "postgresql://app:${PW}@/x?host=/nonexistent",
        env={"PW": secret},
    )
    assert result.exit_code == 1
    assert "CN101" in result.stdout and "CN001" in result.stdout
    assert secret not in result.stdout + result.stderr
    assert "***" in result.stdout.replace("\\*", "*")  # Markdown escapes the stars


def test_bad_db_url_exits_2_without_auditing(project):
    result = audit(project, "--db", "clinic.db")
    assert result.exit_code == 2
    assert "--db: 'clinic.db' is not a database URL" in result.stderr
    assert result.stdout == ""
    unknown = audit(project, "--db", "nosuch://app:Pw12345@h/d")
    assert unknown.exit_code == 2 and "unknown database kind 'nosuch'" in unknown.stderr
    assert "Pw12345" not in unknown.stderr
    missing = audit(project, "--db", "postgresql://app:${NOPE_PW}@h/d")
    assert missing.exit_code == 2 and "environment variable NOPE_PW is not set" in missing.stderr


def test_sampling_through_the_cli_never_shows_a_value(project):
    import sqlite3

    db = make_sqlite(project / "desk.db", "CREATE TABLE tickets (id INTEGER PRIMARY KEY, opened_by TEXT, body TEXT);")
    values = [f"visitor{i}@clinic-mail.example" for i in range(12)]
    conn = sqlite3.connect(db)
    conn.executemany("INSERT INTO tickets (opened_by, body) VALUES (?, 'door stuck')", [(v,) for v in values])
    conn.commit()
    conn.close()
    without = audit(project, "-f", "json", "--db", f"sqlite:///{db}")
    assert ("CN101", "tickets.opened_by") not in findings(without)
    for fmt in FORMATS:
        result = audit(project, "-f", fmt, "--db", f"sqlite:///{db}", "--sample", "10")
        assert result.exit_code == 1
        assert "10 of 10 sampled values are email addresses" in " ".join(result.stdout.split())
        assert not any(v in result.stdout + result.stderr for v in values)
        assert "door stuck" not in result.stdout + result.stderr


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_queries_through_a_live_view_reach_its_tables(project, request, kind):
    if kind == "sqlite":
        url = f"sqlite:///{make_sqlite(project / 'clinic.db', SCHEMA_SQL.read_text())}"
        dialect = "sqlite"
    else:
        url = request.getfixturevalue("pg_db")(SCHEMA_SQL.read_text())
        dialect = "postgres"
    (project / "q.sql").write_text("SELECT email, phone FROM patient_contacts;\n")
    add_sources(project, f"  queries: [{{path: q.sql, dialect: {dialect}}}]\n")
    found = findings(audit(project, "-f", "json", "--db", url))
    assert {("CN302", "patients.email"), ("CN302", "patients.phone")} <= found
    assert ("CN401", "patients.phone") not in found and ("CN401", "patients.full_name") in found


def test_a_password_written_in_the_policy_is_a_warning_at_its_line(project):
    make_sqlite(project / "clinic.db", SCHEMA_SQL.read_text())
    add_sources(project, '  databases: [{url: "sqlite:///clinic.db?password=Hunter22x"}]\n')
    report = json.loads(audit(project, "-f", "json").stdout)
    (warning,) = [f for f in report["findings"] if f["rule"] == "CN001"]
    assert warning["severity"] == "warning" and "holds its password" in warning["message"]
    assert warning["location"] == {"path": "cnsnt.yaml", "line": 20, "column": 15}
    assert {(f["rule"], f["subject"]) for f in report["findings"]} >= EXPECTED  # still audited
    assert "Hunter22x" not in json.dumps(report)
