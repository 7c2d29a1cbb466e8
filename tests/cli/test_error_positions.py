"""err36: bad input is reported at its file, line and column through the CLI, never at 1:1 or nowhere."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app

ROOT = Path(__file__).resolve().parents[2]
HEAD = "cnsnt: 1\ncontroller: {name: Tilia Bakery, contact: privacy@tilia.example}\n"


def audit(project: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """`python -m cnsnt audit` run in the project, with this checkout's cnsnt."""
    return subprocess.run(
        [sys.executable, "-m", "cnsnt", "audit", *options],
        cwd=project,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "COLUMNS": "100", "NO_COLOR": "1", "PATH": "/usr/bin:/bin"},
        timeout=120,
        check=False,
    )


def test_nesting_too_deep_is_a_policy_error_at_the_deepest_opening(tmp_path: Path) -> None:
    (tmp_path / "cnsnt.yaml").write_text(HEAD + "notes: " + "[" * 2000 + "]" * 2000 + "\n")
    result = audit(tmp_path)
    assert result.returncode == 2, result.stderr
    # the `[` 1,000 levels deep, where the scan stops (codereview37), not the 2,000th
    assert "cnsnt.yaml:3:1006: nesting is too deep to be a policy" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_alias_bomb_is_a_policy_error_at_its_anchor(tmp_path: Path) -> None:
    lines = [HEAD.rstrip("\n"), "notes:", "  crumb: &crumb [rye, rye, rye, rye, rye, rye, rye, rye]"]
    prev = "crumb"
    for name in ("slice", "loaf", "batch", "oven", "mill", "farm"):
        lines.append(f"  {name}: &{name} [{', '.join('*' + prev for _ in range(8))}]")
        prev = name
    (tmp_path / "cnsnt.yaml").write_text("\n".join(lines) + "\n  shop: [*farm, *farm]\n")
    result = audit(tmp_path)
    assert result.returncode == 2, result.stderr
    assert "cnsnt.yaml:10:9: " in result.stderr and "alias bomb" in result.stderr  # `&farm`
    assert "Traceback" not in result.stderr


def test_a_parse_given_up_is_a_cn001_at_its_line_and_column(tmp_path: Path, monkeypatch) -> None:
    """In process (the parse budget is lowered so the give-up comes at once): a CN001 finding, exit 1."""
    from cnsnt.sources.schemas import grammars

    monkeypatch.setattr(grammars, "PARSE_SECONDS", 0.2)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "db").mkdir()
    stuck = "''[m=>b=le(.array()pableCreator(x:"
    (tmp_path / "db" / "orders.ts").write_text("import 'drizzle-orm/pg-core';\n\n  " + stuck + "\n")
    (tmp_path / "cnsnt.yaml").write_text(HEAD + "sources:\n  schemas: [{path: db/orders.ts}]\n")
    result = CliRunner().invoke(app, ["audit", "--format", "json"], env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    [given_up] = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "CN001"]
    location = given_up["location"]
    assert (location["path"], location["line"]) == ("db/orders.ts", 3)
    assert 3 <= location["column"] <= 3 + len(stuck)


def test_a_changelog_too_deep_to_read_is_a_cn001_at_its_deepest_opening(tmp_path: Path) -> None:
    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "changelog.yaml").write_text(
        "databaseChangeLog:\n  - changeSet:\n      id: 1\n      comment: " + "[" * 2000 + "]" * 2000 + "\n"
    )
    (tmp_path / "cnsnt.yaml").write_text(
        HEAD + "sources:\n  schemas: [{path: db/changelog.yaml, format: liquibase}]\n"
    )
    result = audit(tmp_path, "--format", "json")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    [too_deep] = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "CN001"]
    location = too_deep["location"]
    assert (location["path"], location["line"], location["column"]) == ("db/changelog.yaml", 4, 1011)  # 1,000 levels deep


# ---- err37: the last readers whose bad input said no place, or the wrong one

#: A second entry of every project below: it is still audited when the first cannot be read.
NEWSLETTER = "CREATE TABLE newsletter_subscribers (id integer PRIMARY KEY, email text NOT NULL);\n"


def _project(tmp_path: Path, files: dict[str, str | bytes], entry: str) -> None:
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    (tmp_path / "newsletter.sql").write_text(NEWSLETTER)
    (tmp_path / "cnsnt.yaml").write_text(
        HEAD + f"sources:\n  schemas:\n    - {entry}\n    - {{path: newsletter.sql}}\n"
    )


def _cn001_places(findings: list[dict]) -> list[tuple[str, int, int]]:
    return [
        (f["location"]["path"], f["location"].get("line"), f["location"].get("column"))
        for f in findings
        if f["rule"] == "CN001" and f["severity"] == "error"
    ]


def _still_audited(findings: list[dict]) -> bool:
    """The other entry's table was audited: its e-mail column is undeclared personal data."""
    return any(f["rule"] == "CN101" and "newsletter_subscribers.email" in f["message"] for f in findings)


def _audited(tmp_path: Path, files: dict[str, str | bytes], entry: str) -> list[dict]:
    _project(tmp_path, files, entry)
    result = audit(tmp_path, "--format", "json")
    assert result.returncode == 1, result.stderr  # findings: the documented exit code
    assert "Traceback" not in result.stderr and "internal error" not in result.stdout
    findings = json.loads(result.stdout)["findings"]
    assert _still_audited(findings)
    return findings


def test_python_too_deep_is_a_cn001_at_its_place(tmp_path: Path) -> None:
    models = (
        "from django.db import models\n\n\nclass Tenant(models.Model):\n    email = models.EmailField()\n"
        "    rank = models.IntegerField(default=1" + "+1" * 5000 + ")\n"
    )
    findings = _audited(tmp_path, {"shop/models.py": models}, "{path: 'shop/*.py', format: django}")
    assert _cn001_places(findings) == [("shop/models.py", 6, len("    rank = models.IntegerField(default=") + 1)]


def test_a_yaml_mapping_with_a_character_yaml_refuses_is_a_cn001_at_it(tmp_path: Path) -> None:
    mapping = "Shop\\Entity\\Tenant:\n  type: entity\n  table: tenants\n  fields:\n    email: {type: string, \x07}\n"
    findings = _audited(
        tmp_path, {"config/doctrine/Tenant.orm.yml": mapping}, "{path: 'config/doctrine/*.yml', format: doctrine}"
    )
    assert _cn001_places(findings) == [("config/doctrine/Tenant.orm.yml", 5, 27)]


def test_a_json_changelog_too_deep_is_a_cn001_at_its_deepest_opening(tmp_path: Path) -> None:
    changelog = '{"databaseChangeLog": [\n  {"changeSet": {"id": "1", "labels": ' + "[" * 3000 + "]" * 3000 + "}}\n]}\n"
    findings = _audited(tmp_path, {"db/changelog.json": changelog}, "{path: db/changelog.json, format: liquibase}")
    column = len('  {"changeSet": {"id": "1", "labels": ') + 3000
    assert _cn001_places(findings) == [("db/changelog.json", 2, column)]


def test_a_utf16_schema_that_cannot_be_decoded_is_a_cn001_at_the_place(tmp_path: Path) -> None:
    text = "\ufeffCREATE TABLE members (\n  email text,\n  note tex"
    data = text.encode("utf-16-le") + b"\x00\xd8" + "t\n);\n".encode("utf-16-le")
    findings = _audited(tmp_path, {"db/members.sql": data}, "{path: db/members.sql}")
    assert _cn001_places(findings) == [("db/members.sql", 3, len("  note tex") + 1)]


def test_nesting_too_deep_in_an_entry_read_as_one_is_at_the_deepest_file(tmp_path: Path, monkeypatch) -> None:
    """In process: the readers guard their own depth, so the RecursionError is made (the backstop's place)."""
    from cnsnt.sources.schemas import exposed_tables

    def too_deep(*_args: object) -> None:
        raise RecursionError

    monkeypatch.setattr(exposed_tables._Reader, "tables", too_deep)
    monkeypatch.chdir(tmp_path)
    nest = "(" * 12 + "0" + ")" * 12
    logins = 'import org.jetbrains.exposed.sql.Table\n\nobject Logins : Table("logins") {\n    val email = varchar("email", 200)\n}\n'
    tenants = (
        'import org.jetbrains.exposed.sql.Table\n\nobject Tenants : Table("tenants") {\n'
        '    val rank = integer("rank").default(' + nest + ")\n}\n"
    )
    _project(tmp_path, {"db/Logins.kt": logins, "db/Tenants.kt": tenants}, "{path: 'db/*.kt', format: exposed}")
    result = CliRunner().invoke(app, ["audit", "--format", "json"], env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    findings = json.loads(result.stdout)["findings"]
    column = len('    val rank = integer("rank").default(') + 12
    assert _cn001_places(findings) == [("db/Tenants.kt", 4, column)]
    assert _still_audited(findings)
