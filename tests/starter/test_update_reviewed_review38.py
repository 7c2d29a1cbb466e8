"""init's whole-form `form.*` question, answered by its own pattern row and named on the terminal.

A form whose every field is of a kind cnsnt cannot name is one `unsure, check` line
(`- einstellungen.*`). No `--undecided` list shows it, and no summary line counted it, so
after a full pass a reviewer was told nothing was left (review38 D2); a row
`einstellungen.*,false` then left the line, saying it was "a line a person wrote" (D3).
Templates written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.policy.loader import load_policy

runner = CliRunner()
ENV = {"COLUMNS": "250", "NO_COLOR": "1"}

SETTINGS = (
    '<form method="post"><input name="farbe"><input name="schriftart">'
    '<select name="thema"><option>hell</option></select></form>\n'
)
CONTACT = '<form method="post"><input name="email" type="email"><input name="vorname"></form>\n'


def run(*args: str):
    return runner.invoke(app, list(args), env=ENV, catch_exceptions=False)


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "verein"
    root.mkdir()
    (root / "einstellungen.html").write_text(SETTINGS, encoding="utf-8")
    (root / "anmeldung.html").write_text(CONTACT, encoding="utf-8")
    result = run("init", str(root))
    assert result.exit_code == 0
    assert "- einstellungen.*" in (root / "cnsnt.yaml").read_text(encoding="utf-8")
    return root


def test_init_names_its_whole_form_question(tmp_path: Path) -> None:
    root = tmp_path / "verein"
    root.mkdir()
    (root / "einstellungen.html").write_text(SETTINGS, encoding="utf-8")
    (root / "anmeldung.html").write_text(CONTACT, encoding="utf-8")
    result = run("init", str(root))
    assert result.exit_code == 0
    assert (
        "1 whole form declared personal, unsure (einstellungen.*: init's 'unsure, check' line for a "
        "form of fields of no kind cnsnt knows), on no list: answer it with a row such as "
        "'einstellungen.*,false'"
    ) in result.output


def test_a_pattern_row_moves_inits_whole_form_line_under_ignore(tmp_path: Path) -> None:
    root = _project(tmp_path)
    review = root / "review.csv"
    review.write_text("column,personal\neinstellungen.*,false\n", encoding="utf-8")
    result = run("init", "--update", "--reviewed", str(review), str(root / "cnsnt.yaml"))
    assert result.exit_code == 0
    out = result.output
    assert "a line a person wrote" not in out
    assert "review.csv:2: einstellungen.* moved from data entry form_input, where cnsnt init had put it" in out
    assert "review.csv: 1 row reviewed: 1 put under ignore:" in out
    assert "whole form" not in out  # answered: no longer named
    policy = load_policy(root / "cnsnt.yaml")
    assert "einstellungen.*" in policy.ignore
    assert all("einstellungen.*" not in d.form_fields for d in policy.data.values())
    text = (root / "cnsnt.yaml").read_text(encoding="utf-8")
    assert "einstellungen.*,                      # marked not personal in review.csv:2" in text
    # the same list again changes nothing
    again = run("init", "--update", "--reviewed", str(review), str(root / "cnsnt.yaml"))
    assert "1 row reviewed: 1 already as the policy says" in again.output
    assert (root / "cnsnt.yaml").read_text(encoding="utf-8") == text


def test_the_policys_only_entry_names_the_pattern_to_add(tmp_path: Path) -> None:
    root = tmp_path / "verein"
    root.mkdir()
    (root / "einstellungen.html").write_text(SETTINGS, encoding="utf-8")
    assert run("init", str(root)).exit_code == 0
    review = root / "review.csv"
    review.write_text("column,personal\neinstellungen.*,false\n", encoding="utf-8")
    result = run("init", "--update", "--reviewed", str(review), str(root / "cnsnt.yaml"))
    assert (
        "review.csv:2: einstellungen.* is the only form field of data entry form_input, the policy's "
        "only data entry, which cnsnt does not remove: left there; add einstellungen.* under ignore: "
        "and remove entry form_input"
    ) in result.output


def test_a_list_outside_the_project_is_named_by_its_file_name_in_the_policy(tmp_path: Path) -> None:
    """A reviewed list kept outside the project leaves no path of the reviewer's machine in the policy.

    The comments of a committed `cnsnt.yaml` named it as typed (`marked personal in
    /tmp/r38/work/l1m.csv:4`, review38 D6): a local folder, perhaps a user name, in a shared file.
    """
    root = _project(tmp_path)
    outside = tmp_path / "reviewer" / "home" / "lists"
    outside.mkdir(parents=True)
    review = outside / "l1m.csv"
    review.write_text("column,personal\neinstellungen.*,false\n", encoding="utf-8")
    result = run("init", "--update", "--reviewed", str(review), str(root))
    assert result.exit_code == 0, result.output
    policy = (root / "cnsnt.yaml").read_text(encoding="utf-8")
    assert "# marked not personal in l1m.csv:2" in policy
    assert str(outside) not in policy and "reviewer/home" not in policy
    inside = root / "lists" / "l2.csv"
    inside.parent.mkdir()
    inside.write_text("column,personal\nanmeldung.vorname,false\n", encoding="utf-8")
    assert run("init", "--update", "--reviewed", str(inside), str(root)).exit_code == 0
    assert "# marked not personal in lists/l2.csv:2" in (root / "cnsnt.yaml").read_text(encoding="utf-8")
