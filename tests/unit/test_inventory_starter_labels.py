"""The data map and the Art. 30 record show a label `cnsnt init` wrote as the draft notice does.

Session 22 taught `notice --draft` to show such a label (English words naming code:
`Records kept about User`) as the entry's category, marked as a gap; `cnsnt inventory`
and `--ropa` still printed it as the name of the data. They now show the category (in
the policy's language when cnsnt has it, else English), marked "label not yet written",
and a label a person wrote as written. The policy is written here for these tests.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.policy.init_labels import LABEL_NOTE

ENV = {"COLUMNS": "200", "NO_COLOR": "1"}

POLICY = f"""cnsnt: 1
%(notice)s
purposes:
  care: {{description: Treatment., basis: contract}}
data:
  user_records:
    label: Records kept about User  # {LABEL_NOTE}
    category: user
    purposes: [care]
    retention: P1Y
  email:
    label: User Contact Email  # {LABEL_NOTE}
    category: user.contact.email
    purposes: [care]
  name:
    label: Your full name
    category: user.name
    purposes: [care]
    retention: P1Y
"""

STARTER_WORDS = ("Records kept about User", "User Contact Email")


def _inventory(tmp_path: Path, *args: str, notice: str = "") -> str:
    (tmp_path / "cnsnt.yaml").write_text(POLICY % {"notice": notice}, encoding="utf-8")
    result = CliRunner().invoke(app, ["inventory", str(tmp_path), *args], env=ENV)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv", "json", "dot"])
def test_the_data_map_shows_the_category_for_a_starter_label(tmp_path: Path, fmt: str) -> None:
    out = _inventory(tmp_path, "--format", fmt)
    for words in STARTER_WORDS:
        assert words not in out, words
    assert "Your full name" in out
    if fmt == "json":
        data = {d["key"]: d for d in json.loads(out)["data"]}
        assert (data["user_records"]["label"], data["user_records"]["label_gap"]) == ("Personal data", True)
        assert (data["email"]["label"], data["email"]["label_gap"]) == ("Contact details", True)
        assert data["name"]["label"] == "Your full name" and "label_gap" not in data["name"]
    elif fmt == "csv":
        labels = {row["datum"]: row["label"] for row in csv.DictReader(io.StringIO(out))}
        assert labels["user_records"] == "Personal data [label not yet written]"
        assert labels["name"] == "Your full name"
    else:
        assert "label not yet written" in out.replace("\\n", " ")  # DOT wraps it
        assert "Your full name [" not in out and "Your full name\\ \\[" not in out


def test_the_data_map_names_the_category_in_the_policy_language(tmp_path: Path) -> None:
    out = _inventory(tmp_path, "--format", "json", notice="notice: {languages: [it]}")
    labels = {d["key"]: d["label"] for d in json.loads(out)["data"]}
    assert labels["user_records"] == "Dati personali"
    assert labels["name"] == "Your full name"
    # a language cnsnt has no catalog for: English
    out = _inventory(tmp_path, "--format", "json", notice="notice: {languages: [ja]}")
    assert {d["key"]: d["label"] for d in json.loads(out)["data"]}["user_records"] == "Personal data"


@pytest.mark.parametrize("fmt", ["markdown", "html", "csv", "json"])
def test_the_art30_record_shows_the_category_and_lists_the_gap(tmp_path: Path, fmt: str) -> None:
    out = _inventory(tmp_path, "--ropa", "--format", fmt)
    for words in STARTER_WORDS:
        assert words not in out, words
    assert "Personal data [label not yet written] (user)" in out.replace("\\[", "[").replace("\\]", "]")
    assert "Your full name (user.name)" in out
    if fmt == "json":
        gaps = json.loads(out)["gaps"]
        assert [g.split(":")[0] for g in gaps if ".label:" in g] == [
            "data.user_records.label", "data.email.label",
        ]


def test_a_label_a_person_wrote_in_the_starter_words_is_theirs(tmp_path: Path) -> None:
    (tmp_path / "cnsnt.yaml").write_text(
        (POLICY % {"notice": ""}).replace(f"User Contact Email  # {LABEL_NOTE}", "User Contact Email"),
        encoding="utf-8",
    )
    out = CliRunner().invoke(app, ["inventory", str(tmp_path), "--format", "json"], env=ENV).stdout
    labels = {d["key"]: d["label"] for d in json.loads(out)["data"]}
    assert labels["email"] == "User Contact Email"
