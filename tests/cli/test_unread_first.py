"""review23 D7: a source that could not be read in full is not buried under policy findings.

Seen on Avenel/FirstApp `662ddd4`: its `db/schema.rb` (a broken merge, two
`Schema.define ... do`) gave the report's one finding about the code's evidence, at line
183 of 200, after 26 CN602 "is asked from customers" findings the HTML report did not
fold. The files here are written for the test.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app

ENV = {"COLUMNS": "100", "NO_COLOR": "1"}
SCHEMA = (
    "ActiveRecord::Schema.define(version: 1) do\nActiveRecord::Schema.define(version: 0) do\n"
    '  create_table "kunden" do |t|\n    t.string "email"\n  end\nend\n'
)
FIELDS = ("email", "telefon", "vorname", "nachname", "strasse", "geburtsdatum")
PAGE = "<form method='post'>\n" + "".join(f"  <input name='{n}'>\n" for n in FIELDS) + "</form>\n"


def _project(root: Path) -> None:
    (root / "db").mkdir()
    (root / "db/schema.rb").write_text(SCHEMA, encoding="utf-8")
    (root / "templates").mkdir()
    (root / "templates/signup.html").write_text(PAGE, encoding="utf-8")
    data = "".join(
        f"  {n}:\n    label: {n.title()}\n    category: user.contact\n    form_fields: [signup.{n}]\n"
        for n in FIELDS
    )
    (root / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources:\n  schemas:\n    - {path: db/schema.rb, format: rails}\n"
        "  forms:\n    - {path: templates/signup.html}\npurposes: {}\nrecipients: []\n"
        f"data:\n{data}",
        encoding="utf-8",
    )


def _audit(root: Path, *args: str):
    return CliRunner().invoke(app, ["audit", str(root), *args], env=ENV, catch_exceptions=False)


def test_the_summary_line_names_the_source_not_read_in_full(tmp_path: Path) -> None:
    _project(tmp_path)
    result = _audit(tmp_path)
    assert result.exit_code == 1
    summary = [line for line in result.stderr.splitlines() if line.startswith("cnsnt: ")]
    assert summary[0].endswith("; 1 schema file could not be read in full (db/schema.rb): see CN001")


def test_the_text_report_lists_the_unread_source_first(tmp_path: Path) -> None:
    _project(tmp_path)
    lines = _audit(tmp_path).stdout.splitlines()
    assert lines[0] == "db/schema.rb"
    assert lines[1].split()[1:3] == ["error", "CN001"]
    assert "cnsnt.yaml" in lines  # the policy's findings follow


def test_the_json_report_keeps_its_order(tmp_path: Path) -> None:
    _project(tmp_path)
    findings = json.loads(_audit(tmp_path, "--format", "json").stdout)["findings"]
    places = [f["location"]["path"] for f in findings if f.get("location")]
    assert places.index("cnsnt.yaml") < places.index("db/schema.rb")  # by place, as before


def test_the_html_report_says_it_at_the_top_and_folds_the_required_repeats(tmp_path: Path) -> None:
    _project(tmp_path)
    page = _audit(tmp_path, "--format", "html").stdout
    assert '<p class="unread">Not read in full, listed first below (CN001): <code>db/schema.rb</code></p>' in page
    assert page.index("<code>db/schema.rb</code> <span") < page.index("<code>cnsnt.yaml</code> <span")
    assert page.count("is asked from people but the policy does not say") == 1
    assert f"{len(FIELDS) - 1} more like it" in page
