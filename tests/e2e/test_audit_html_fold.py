"""A folded group of alike findings shows its most telling member (review25 D10).

The page is written here: two nameless controls whose bindings cnsnt cannot read, the
first with nothing to judge it by, the second labelled as a national id. Both are CN001
warnings with the same fix, so the report folds them; the one that says "it looks like
personal data" is the one shown, the plain one behind "1 more like it".
"""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app

PAGE = """\
export function Cadastro({ v, k1, k2 }) {
  return (
    <form id="cadastro">
      <input value={v[k1]} />
      <input value={v[k2]} aria-label="CPF do paciente" />
    </form>
  );
}
"""


def test_a_fold_shows_the_member_that_names_personal_data(tmp_path: Path) -> None:
    (tmp_path / "Cadastro.tsx").write_text(PAGE, encoding="utf-8")
    (tmp_path / "cnsnt.yaml").write_text(
        'cnsnt: 1\nsources:\n  forms:\n    - {path: "Cadastro.tsx"}\n', encoding="utf-8"
    )
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        app, ["audit", str(tmp_path), "-f", "html", "-o", str(out), "-q"], env={"NO_COLOR": "1"}
    )
    assert result.exit_code in (0, 1), result.output
    html = out.read_text(encoding="utf-8")
    folds = re.findall(r'<li class="finding[^"]*rule-cn001[^"]*" data-count="2">(.*?)</li>', html, re.S)
    assert len(folds) == 1, html
    shown = re.search(r'<p class="msg">(.*?)</p>', folds[0], re.S)
    assert shown is not None
    assert "field at 5:7" in shown.group(1) and "it looks like personal data" in shown.group(1)
    assert '<span class="where">5:7</span>' in folds[0]
    assert "1 more like it" in folds[0] and "4:7" in folds[0]
