"""The command line as the starter tests drive it: `init`, `explain-column`, `init --update --reviewed`.

One copy of the helpers the reviewed-list tests each wrote again: the runner and its
environment (200 columns, so rich does not wrap a line under test; no colour), a run of
the commands, a reviewed list applied, its lines read back.
"""

from __future__ import annotations

import csv
import difflib
import io
from pathlib import Path

from typer.testing import CliRunner, Result

from cnsnt.cli import app

runner = CliRunner()
ENV = {"COLUMNS": "200", "NO_COLOR": "1"}


def run(*args: str) -> Result:
    """`cnsnt ARGS...`, exceptions raised rather than caught (a traceback is a failure to see)."""
    return runner.invoke(app, list(args), env=ENV, catch_exceptions=False)


def reviewed(root: Path, review: Path, *flags: str) -> Result:
    """`cnsnt init --update --reviewed REVIEW ROOT [FLAGS]`, which must succeed."""
    result = run("init", "--update", "--reviewed", str(review), str(root), *flags)
    assert result.exit_code == 0, result.stderr
    return result


def review_file(root: Path, text: str, name: str = "review.csv") -> Path:
    """A reviewed list written in the project."""
    (root / name).write_text(text, encoding="utf-8")
    return root / name


def explained(root: Path, *args: str) -> list[dict[str, str]]:
    """The rows `cnsnt explain-column ARGS ROOT` writes (CSV), which must succeed."""
    result = run("explain-column", *args, str(root))
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def changed(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines taken out and the lines put in."""
    diff = list(difflib.ndiff(before.splitlines(keepends=True), after.splitlines(keepends=True)))
    return [d[2:] for d in diff if d.startswith("- ")], [d[2:] for d in diff if d.startswith("+ ")]
