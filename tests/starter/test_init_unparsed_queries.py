"""A query file cnsnt cannot parse: init leaves it out, the audit skips CN401 (review30 D4).

A query sheet with no `;` between its statements reads as one statement that does not
parse. init proposed it under `queries:`, the audit read 0 queries, and CN401 said every
personal column was "read by none of the 0 audited queries". Inputs written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cnsnt.api import audit
from cnsnt.cli import app
from cnsnt.policy.loader import load_policy
from cnsnt.starter.run import draft_new
from cnsnt.starter.unparsed_queries import why_unparsed

SCHEMA = "CREATE TABLE clientes (id INTEGER PRIMARY KEY, nombre TEXT, correo TEXT, grupo_sangre TEXT);\n"
NO_SEMICOLONS = (
    "# buscar un cliente\n"
    "SELECT nombre, correo FROM clientes WHERE id = 7\n"
    "\n"
    "# todos\n"
    "SELECT grupo_sangre FROM clientes\n"
)
POLICY = """\
cnsnt: 1
sources:
  schemas: [{path: schema.sql}]
  queries: [{path: "sql/*.sql", dialect: mysql}]
"""


def _project(root: Path, queries: str) -> None:
    (root / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    (root / "sql").mkdir()
    (root / "sql" / "consultas.sql").write_text(queries, encoding="utf-8")


def test_init_leaves_out_a_query_file_of_which_no_statement_parses(tmp_path: Path) -> None:
    _project(tmp_path, NO_SEMICOLONS)
    text = draft_new(tmp_path).text
    sources = text.split("\npurposes:")[0]
    assert "\n  queries:" not in sources
    note = next(line for line in sources.splitlines() if "sql/consultas.sql" in line)
    assert note.lstrip().startswith("# left out the query file sql/consultas.sql")
    assert "cnsnt can parse none of its statements" in note and "at line 2" in note


def test_init_keeps_a_query_file_that_parses(tmp_path: Path) -> None:
    _project(tmp_path, NO_SEMICOLONS.replace("= 7\n", "= 7;\n"))
    sources = draft_new(tmp_path).text.split("\npurposes:")[0]
    assert 'path: "sql/consultas.sql"' in sources and "left out the query file" not in sources


def test_one_statement_that_parses_is_enough() -> None:
    assert why_unparsed(NO_SEMICOLONS, "mysql") is not None
    assert why_unparsed("SELECT nombre FROM clientes;\nSELECT FROM WHERE;\n", "mysql") is None
    assert why_unparsed("-- nothing but a comment\n", "mysql") is None


def test_cn401_is_skipped_when_no_query_was_read(tmp_path: Path) -> None:
    _project(tmp_path, NO_SEMICOLONS)
    (tmp_path / "cnsnt.yaml").write_text(POLICY, encoding="utf-8")
    result = audit(load_policy(tmp_path / "cnsnt.yaml"))
    rules = {f.rule for f in result.findings}
    assert "CN001" in rules  # the file cnsnt cannot read is still named
    assert "CN401" not in rules
    skipped = {s.rule: s.reason for s in result.skipped}
    assert skipped["CN401"].startswith("no query was read from the `queries:` sources (see CN001)")
    out = CliRunner().invoke(app, ["audit", str(tmp_path)])
    assert "skipped CN401: no query was read" in out.output


def test_cn401_runs_when_a_query_was_read(tmp_path: Path) -> None:
    _project(tmp_path, NO_SEMICOLONS.replace("= 7\n", "= 7;\n"))
    (tmp_path / "cnsnt.yaml").write_text(POLICY, encoding="utf-8")
    result = audit(load_policy(tmp_path / "cnsnt.yaml"))
    assert "CN401" not in {s.rule for s in result.skipped}
