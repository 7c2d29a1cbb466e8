"""`cnsnt init` reads schemas that live in a database: a SQLite file kept in the project,
and live databases given with `--db` (SQLite and a real PostgreSQL 15), written under
`databases:` with no password in the policy."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cnsnt.api import audit_path
from cnsnt.cli import app
from cnsnt.starter.discover import Found, survey
from tests.databases.conftest import SCHEMA_SQL, make_sqlite

SCHEMA = SCHEMA_SQL.read_text(encoding="utf-8")

runner = CliRunner()


def init(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, ["init", *args], env={"COLUMNS": "200", "NO_COLOR": "1", **(env or {})})


def test_a_sqlite_database_kept_in_the_project_is_proposed_and_read(tmp_path: Path) -> None:
    """uptime-kuma keeps its template database `db/kuma.db` in the repository: its
    `user` table (username, password) was in no starter policy."""
    (tmp_path / "db").mkdir()
    make_sqlite(tmp_path / "db" / "app.db", SCHEMA)
    (tmp_path / "db" / "notes.db").write_text("not a database\n", encoding="utf-8")
    found, _ = survey(tmp_path)
    assert found == [Found("databases", "sqlite:///db/app.db")]
    result = init(str(tmp_path))
    assert result.exit_code == 0, result.output
    text = (tmp_path / "cnsnt.yaml").read_text(encoding="utf-8")
    assert '  databases:\n    - {url: "sqlite:///db/app.db"}\n' in text
    assert "- patients.full_name" in text
    assert "[db://sqlite:///db/app.db/main.patients.full_name]" in text
    # the policy it wrote audits the same database: every field it listed is declared
    audit = audit_path(tmp_path)
    assert not [f for f in audit.findings if f.rule in ("CN001", "CN101")]


def test_init_db_writes_the_url_relative_to_the_policy(tmp_path: Path, monkeypatch) -> None:
    project = tmp_path / "app"
    project.mkdir()
    (project / "data").mkdir()
    make_sqlite(project / "data" / "live.sqlite3", SCHEMA)
    monkeypatch.chdir(tmp_path)
    result = init("app", "--db", "sqlite:///app/data/live.sqlite3", "-o", "-")
    assert result.exit_code == 0, result.output
    assert '    - {url: "sqlite:///data/live.sqlite3"}\n' in result.stdout
    assert result.stdout.count("{url:") == 1  # found and given: written once


def test_init_db_refuses_a_password_in_the_url_and_never_shows_it(tmp_path: Path) -> None:
    result = init(str(tmp_path), "--db", "postgresql://auditor:s3cr3t-pw@db.internal/shop", "-o", "-")
    assert result.exit_code == 2
    assert "s3cr3t-pw" not in result.output and "${PGPASSWORD}" in result.output
    assert not (tmp_path / "cnsnt.yaml").exists()


def test_init_db_refuses_a_sqlite_file_outside_the_project(tmp_path: Path, monkeypatch) -> None:
    make_sqlite(tmp_path / "shop.db", SCHEMA)
    (tmp_path / "app").mkdir()
    monkeypatch.chdir(tmp_path)
    result = init("app", "--db", "sqlite:///shop.db", "-o", "-")
    assert result.exit_code == 2 and "outside the project" in result.output
    assert init("app", "--update", "--db", "sqlite:///shop.db").exit_code == 2


def test_init_db_refuses_a_sqlite_file_outside_the_project_by_its_absolute_path(tmp_path: Path) -> None:
    """review29 D9: `--db sqlite:////abs/path.db` slipped past the check and wrote a starter
    whose `databases:` entry the audit never reads (0 fields, "run cnsnt audit"). Refused
    at once: exit 2, the file and the project named, no policy written."""
    shop = tmp_path / "elsewhere" / "shop.db"
    shop.parent.mkdir()
    make_sqlite(shop, SCHEMA)
    project = tmp_path / "app"
    project.mkdir()
    result = init(str(project), "--db", f"sqlite:///{shop.as_posix()}")
    assert result.exit_code == 2, result.output
    message = " ".join(result.output.split())
    assert f"the SQLite file {shop.as_posix()} is outside the project ({project.resolve().as_posix()})" in message
    assert "no policy written" in message and "copy the database into the project" in message
    assert "Traceback" not in result.output
    assert not (project / "cnsnt.yaml").exists()


def test_init_db_refuses_a_file_uri_outside_the_project(tmp_path: Path) -> None:
    """codereview26 F3: the `file:` URI spelling (`sqlite:///file:/abs.db?uri=true`) skipped the check."""
    shop = tmp_path / "elsewhere" / "shop.db"
    shop.parent.mkdir()
    make_sqlite(shop, SCHEMA)
    project = tmp_path / "app"
    project.mkdir()
    result = init(str(project), "--db", f"sqlite:///file:{shop.as_posix()}?uri=true")
    assert result.exit_code == 2, result.output
    assert "is outside the project" in " ".join(result.output.split())
    assert not (project / "cnsnt.yaml").exists()


def test_init_db_refuses_a_link_out_of_the_project_and_says_where_it_leads(tmp_path: Path) -> None:
    shop = tmp_path / "shop.db"
    make_sqlite(shop, SCHEMA)
    project = tmp_path / "app"
    project.mkdir()
    (project / "shop.db").symlink_to(shop)
    result = init(str(project), "--db", f"sqlite:///{(project / 'shop.db').as_posix()}", "-o", "-")
    assert result.exit_code == 2, result.output
    assert f"(a link to {shop.resolve().as_posix()})" in " ".join(result.output.split())


def test_init_db_writes_an_absolute_path_inside_the_project_relative_to_the_policy(tmp_path: Path) -> None:
    """The policy is committed: an absolute path would name this machine's checkout."""
    (tmp_path / "data").mkdir()
    make_sqlite(tmp_path / "data" / "live.db", SCHEMA)
    result = init(str(tmp_path), "--db", f"sqlite:///{(tmp_path / 'data' / 'live.db').as_posix()}", "-o", "-")
    assert result.exit_code == 0, result.output
    assert '    - {url: "sqlite:///data/live.db"}\n' in result.stdout
    assert result.stdout.count("{url:") == 1  # found and given: written once, by one name
    assert "- patients.full_name" in result.stdout


def test_init_db_reads_a_live_postgresql_database(pg_db, tmp_path: Path) -> None:
    """A real PostgreSQL 15 server (a throwaway cluster on a Unix socket): the URL goes into
    the policy as given, with `${VAR}` references kept for the audit to expand."""
    url = pg_db(SCHEMA)
    host = url.split("?", 1)[1] if "?" in url else ""
    written = url.replace(url.split("?", 1)[0].rsplit("/", 1)[-1], "${SHOP_DB}", 1)
    env = {"SHOP_DB": url.split("?", 1)[0].rsplit("/", 1)[-1]}
    result = init(str(tmp_path), "--db", written, env=env)
    assert result.exit_code == 0, result.output
    text = (tmp_path / "cnsnt.yaml").read_text(encoding="utf-8")
    assert "${SHOP_DB}" in text and host in text
    assert "- patients.full_name" in text and "- appointments.symptoms" in text
    monkey_env = pytest.MonkeyPatch()
    monkey_env.setenv("SHOP_DB", env["SHOP_DB"])
    try:
        audit = audit_path(tmp_path)
    finally:
        monkey_env.undo()
    assert not [f for f in audit.findings if f.rule in ("CN001", "CN101")]
