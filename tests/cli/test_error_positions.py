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
    assert "cnsnt.yaml:3:2007: nesting is too deep to be a policy" in result.stderr
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
    assert (location["path"], location["line"], location["column"]) == ("db/changelog.yaml", 4, 2015)
