"""Each example project, in each report format, against its golden file.

Regenerate after an intended change with `CNSNT_REGEN=1 python -m pytest tests/e2e`
and review the diff like code.
"""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from cnsnt.cli import app
from tests.conftest import EXAMPLES

FORMATS = {
    "text": "audit.txt",
    "json": "audit.json",
    "sarif": "audit.sarif",
    "markdown": "audit.md",
}
EXAMPLE_NAMES = sorted(p.name for p in EXAMPLES.iterdir() if (p / "cnsnt.yaml").is_file())
REGEN = bool(os.environ.get("CNSNT_REGEN"))


def test_there_are_examples():
    assert {"restaurant", "shop", "clinic", "gym"} <= set(EXAMPLE_NAMES)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_example_matches_golden(name, fmt, monkeypatch):
    monkeypatch.chdir(EXAMPLES / name)  # run as a user would, from the project directory
    result = CliRunner().invoke(
        app,
        ["audit", "--format", fmt, "--jobs", "1"],
        env={"COLUMNS": "100", "NO_COLOR": "1"},
        catch_exceptions=False,
    )
    assert result.exit_code == 1, result.stderr
    golden = EXAMPLES / name / "expected" / FORMATS[fmt]
    if REGEN:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")
