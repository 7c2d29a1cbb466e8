"""A real schema (Synapse, 134 tables, from ../shared/corpus) gives the same findings
read as a DDL file and read live from PostgreSQL or SQLite after loading that file."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.conftest import corpus_path
from tests.databases.test_cli_live import audit


def corpus_file(name: str) -> Path:
    return corpus_path(f"schemas/synapse/{name}")


def subjects(result) -> set[tuple[str, str]]:
    assert result.exit_code == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert not [f for f in findings if f["rule"] == "CN001"]
    # pg_dump names every table `public.x`; live, the default schema is left out.
    return {(f["rule"], f["subject"].removeprefix("public.")) for f in findings}


def ddl_subjects(tmp_path: Path, schema: Path, dialect: str) -> set[tuple[str, str]]:
    (tmp_path / "cnsnt.yaml").write_text(
        f"cnsnt: 1\nsources:\n  schemas: [{{path: '{schema.resolve()}', dialect: {dialect}}}]\n"
    )
    return subjects(audit(tmp_path, "-f", "json", "--allow-outside"))


def test_synapse_in_postgres(tmp_path, pg):
    schema = corpus_file("full.sql.postgres")
    url = pg.create_database("synapse")
    pg.execute(schema.read_text(encoding="utf-8"), "synapse")
    (tmp_path / "cnsnt.yaml").write_text("cnsnt: 1\n")
    live = subjects(audit(tmp_path, "-f", "json", "--db", url))
    assert ("CN101", "user_ips.ip") in live and ("CN101", "user_threepids.address") in live
    assert live == ddl_subjects(tmp_path, schema, "postgres")


def test_synapse_in_sqlite(tmp_path):
    schema = corpus_file("full.sql.sqlite")
    conn = sqlite3.connect(tmp_path / "synapse.db")
    conn.executescript(schema.read_text(encoding="utf-8"))
    conn.close()
    (tmp_path / "cnsnt.yaml").write_text("cnsnt: 1\n")
    live = subjects(audit(tmp_path, "-f", "json", "--db", f"sqlite:///{tmp_path}/synapse.db"))
    assert ("CN101", "user_ips.ip") in live
    assert live == ddl_subjects(tmp_path, schema, "sqlite")
