"""`-o -` writes to stdout in every command, as `cnsnt init -o -` does (review39 D6).

A reviewer's `cnsnt notice PROJECT --lang fr -o -` printed nothing and left a file named
`-` in the working directory ("notice version ... written to -"); so did `audit` and
`inventory`. Policy written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cnsnt.cli import app

POLICY = """\
cnsnt: 1
controller: {name: Fietsclub De Spaak, contact: bestuur@despaak.example}
recipients: []
notice: {automated_decisions: We make no decisions about you by computer alone.}
sources:
  schemas: [{path: schema.sql}]
purposes:
  membership: {description: To keep the list of our members., basis: contract}
data:
  email:
    label: Your email address
    category: user.contact.email
    columns: [leden.email]
    purposes: [membership]
    retention: P2Y
"""


@pytest.mark.parametrize(
    ("args", "starts"),
    [
        (["notice"], "<!-- cnsnt-notice"),
        (["audit", "--format", "json"], "{"),
        (["inventory", "--format", "csv"], "datum"),
        (["inventory", "--ropa"], "# Record of processing activities"),
    ],
)
def test_dash_writes_to_stdout_and_leaves_no_file_named_dash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], starts: str
) -> None:
    project = tmp_path / "club"
    project.mkdir()
    (project / "schema.sql").write_text("CREATE TABLE leden (id INT PRIMARY KEY, email TEXT);\n", encoding="utf-8")
    (project / "cnsnt.yaml").write_text(POLICY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, [*args, str(project), "-o", "-"], env={"NO_COLOR": "1"})
    assert result.exit_code in (0, 1), result.output
    assert result.stdout.lstrip().startswith(starts), result.stdout[:200]
    assert not (tmp_path / "-").exists()
    assert "written to -" not in result.output
