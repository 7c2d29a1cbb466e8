"""A SQL file of `ALTER TABLE`s that change existing columns (review39 D1).

A grocery co-op's one-line upgrade patch (`ALTER TABLE ... CHANGE COLUMN id id INT NOT NULL
AUTO_INCREMENT`) was proposed under `queries:`; the audit read no query from it and skipped
the use rules "(see CN001)", though no CN001 was in the report. Inputs written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cnsnt.api import audit
from cnsnt.cli import app
from cnsnt.policy.loader import load_policy
from cnsnt.starter.discover import survey

SCHEMA = "CREATE TABLE adherents (id INT PRIMARY KEY, nom VARCHAR(64), courriel VARCHAR(64));\n"
PATCH = (
    "ALTER TABLE `epicerie`.`alertes_stock`\n"
    "CHANGE COLUMN `id_alerte` `id_alerte` INT NOT NULL AUTO_INCREMENT ;\n"
)
POLICY = """\
cnsnt: 1
sources:
  schemas: [{path: db/schema.sql, dialect: mysql}]
  queries: [{path: "db/patch_*.sql", dialect: mysql}]
"""


def _project(root: Path, **patches: str) -> None:
    (root / "db").mkdir()
    (root / "db" / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    for name, text in patches.items():
        (root / "db" / f"{name}.sql").write_text(text, encoding="utf-8")


def test_a_file_of_column_changes_is_no_query_file(tmp_path: Path) -> None:
    _project(
        tmp_path,
        patch_auto_increment=PATCH,
        patch_types="ALTER TABLE adherents MODIFY nom VARCHAR(128) NOT NULL;\n"
        "ALTER TABLE adherents ADD UNIQUE KEY courriel (courriel), AUTO_INCREMENT = 9;\n",
    )
    found, notes = survey(tmp_path)
    assert sorted((f.kind, f.pattern) for f in found) == [("schemas", "db/schema.sql")]
    assert notes == [
        "left out 2 SQL files in db: indexes, sequences, comments and changes to existing columns only "
        "(CREATE INDEX, CREATE SEQUENCE, COMMENT ON, ALTER TABLE ... MODIFY), which add no column and read or "
        "write no one's data",
    ]


def test_an_alter_that_names_a_new_column_is_not_left_out_as_one(tmp_path: Path) -> None:
    """A rename (`CHANGE a b`) or a query beside the change keeps the file what it was."""
    _project(
        tmp_path,
        patch_rename="ALTER TABLE adherents CHANGE nom nom_complet VARCHAR(128);\n",
        patch_query="ALTER TABLE adherents MODIFY nom VARCHAR(128);\nSELECT nom FROM adherents WHERE id = 1;\n",
    )
    found, notes = survey(tmp_path)
    assert ("queries", "db/patch_query.sql") in {(f.kind, f.pattern) for f in found}
    assert "db/patch_rename.sql" in {f.pattern for f in found}
    assert not any("changes to existing columns" in note for note in notes)


def test_the_audit_says_what_a_query_file_of_schema_changes_holds(tmp_path: Path) -> None:
    """No CN001 in the report, so the skip reason does not point at one."""
    _project(tmp_path, patch_auto_increment=PATCH)
    (tmp_path / "cnsnt.yaml").write_text(POLICY, encoding="utf-8")
    result = audit(load_policy(tmp_path / "cnsnt.yaml"))
    assert "CN001" not in {f.rule for f in result.findings}
    skipped = {s.rule: s.reason for s in result.skipped}
    assert skipped["CN301"] == (
        "no query was read from the `queries:` sources: they hold only statements that read and write no "
        "rows (schema changes such as ALTER TABLE, settings)"
    )
    assert "see CN001" not in skipped["CN401"]
    assert skipped["CN401"].endswith("; stored code in schemas does not count")
    out = CliRunner().invoke(app, ["audit", str(tmp_path)])
    assert "skipped CN401: no query was read from the `queries:` sources: they hold only" in out.output


def test_a_query_file_cnsnt_cannot_read_still_points_at_cn001(tmp_path: Path) -> None:
    _project(tmp_path, patch_broken="SELECT nom FROM adherents WHERE\n")
    (tmp_path / "cnsnt.yaml").write_text(POLICY, encoding="utf-8")
    result = audit(load_policy(tmp_path / "cnsnt.yaml"))
    assert "CN001" in {f.rule for f in result.findings}
    skipped = {s.rule: s.reason for s in result.skipped}
    assert skipped["CN301"] == "no query was read from the `queries:` sources (see CN001)"
