"""`cnsnt init --update`: new fields join the entry of their category nobody has decided about.

A starter lists `name` and `national_identification_number` without purposes; a
second national id column or a `nome_social` found later used to make
`government_id_national_identification_number` and `name_2` beside them, with the
same labels, so a notice listed "Name" twice.
"""

from __future__ import annotations

import difflib
import shutil
from io import StringIO
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from cnsnt.api import audit_path
from cnsnt.classify import read_tables
from cnsnt.cli import app
from cnsnt.collect import collect_evidence
from cnsnt.engine import classify
from cnsnt.notices import render_notice
from cnsnt.policy.loader import load_policy
from tests.conftest import EXAMPLES

runner = CliRunner()
ENV = {"COLUMNS": "100", "NO_COLOR": "1"}
EXAMPLE_POLICIES = sorted(EXAMPLES.glob("*/cnsnt.yaml"))


def run(*args: str):
    return runner.invoke(app, list(args), env=ENV, catch_exceptions=False)


def cn101(path: Path) -> set[str]:
    return {f.subject for f in audit_path(path).findings if f.rule == "CN101"}


def changed_lines(before: str, after: str) -> list[str]:
    """Lines of `before` that `after` no longer has as they were."""
    return [d[2:] for d in difflib.ndiff(before.splitlines(), after.splitlines()) if d.startswith("- ")]


@pytest.fixture
def school(tmp_path: Path) -> Path:
    """A school's tables, written here: guardians with a national id, pupils with a name."""
    root = tmp_path / "school"
    (root / "db").mkdir(parents=True)
    (root / "db" / "schema.sql").write_text(
        "CREATE TABLE responsavel (\n  id INT PRIMARY KEY,\n  nome VARCHAR(255),\n  cpf VARCHAR(11),\n"
        "  email VARCHAR(200)\n);\n"
        "CREATE TABLE aluno (\n  id INT PRIMARY KEY,\n  nome VARCHAR(255),\n"
        "  responsavel_id INT REFERENCES responsavel(id)\n);\n"
    )
    return root


def _grow(root: Path) -> None:
    """A second national id column, a social name and a form asking for the e-mail."""
    schema = root / "db" / "schema.sql"
    text = schema.read_text()
    text = text.replace("  email VARCHAR(200)\n", "  email VARCHAR(200),\n  cpf_conjuge VARCHAR(11)\n")
    text = text.replace("  nome VARCHAR(255),\n  responsavel_id", "  nome VARCHAR(255),\n  nome_social VARCHAR(255),\n  responsavel_id")
    schema.write_text(text)
    (root / "templates").mkdir()
    (root / "templates" / "contato.html").write_text(
        '<form id="contato"><input type="email" name="email"><button>Enviar</button></form>\n'
    )
    policy = root / "cnsnt.yaml"
    # the form is a new source: --update reads the sources the policy lists
    policy.write_text(
        policy.read_text().replace("sources:\n", 'sources:\n  forms:\n    - {path: "templates/*.html"}\n', 1)
    )


def test_new_fields_join_the_open_entry_of_their_category(school: Path) -> None:
    assert run("init", str(school)).exit_code == 0
    target = school / "cnsnt.yaml"
    _grow(school)
    original = target.read_text()
    before = set(load_policy(target).data)
    result = run("init", str(school), "--update")
    assert result.exit_code == 0, result.stderr
    updated = target.read_text()
    # every line, comment and key order kept; only the joined entries' counts say what they hold now
    assert changed_lines(original, updated) == [
        "  email:                                # 1 field found by cnsnt init",
        "  national_identification_number:       # 1 field found by cnsnt init",
        "  name:                                 # 2 fields found by cnsnt init",
    ]
    assert "  email:                                # 2 fields found by cnsnt init\n" in updated
    assert "  national_identification_number:       # 2 fields found by cnsnt init\n" in updated
    assert "  name:                                 # 3 fields found by cnsnt init\n" in updated
    policy = load_policy(target)
    assert set(policy.data) == before  # no name_2, no government_id_national_identification_number
    national_id = [d for d in policy.data.values() if d.category.endswith("national_identification_number")]
    assert len(national_id) == 1
    assert {"responsavel.cpf", "responsavel.cpf_conjuge"} <= set(national_id[0].columns)
    names = [d for d in policy.data.values() if d.category == "user.name"]
    assert len(names) == 1 and "aluno.nome_social" in names[0].columns
    email = policy.data["email"]
    assert email.form_fields == ("contato.email",)  # a form_fields: block the entry lacked
    assert "added by cnsnt init --update; name 'cpf_conjuge'" in updated
    assert "existing data entries without purposes" in result.stderr
    # no new entry: the fields were added to existing ones, said without a dangling "in"
    assert "personal fields added to " in result.stderr and " in added to" not in result.stderr
    assert cn101(school) == set()
    # a notice lists each datum once
    text = render_notice(policy, draft=True).text
    labels = [d.label.any() for d in policy.data.values() if d.label is not None]
    assert all(text.count(f"| {label} |") <= 1 for label in labels)
    # idempotent
    again = run("init", str(school), "--update")
    assert "nothing changed" in again.stderr and target.read_text() == updated


def test_new_fields_beside_a_decided_entry_make_one_with_its_own_label(school: Path) -> None:
    assert run("init", str(school)).exit_code == 0
    target = school / "cnsnt.yaml"
    text = target.read_text()
    at = text.index("\n  name:")
    text = text[:at] + text[at:].replace("purposes: []", "purposes: [enrolment]", 1)
    text = text.replace(
        "purposes: {}", "purposes:\n  enrolment: {description: To enrol your child., basis: public_task}\n#", 1
    )
    target.write_text(text)
    _grow(school)
    assert run("init", str(school), "--update").exit_code == 0
    policy = load_policy(target)
    assert policy.data["name"].columns == ("aluno.nome", "responsavel.nome")  # decided: left alone
    assert policy.data["name_2"].columns == ("aluno.nome_social",)
    assert policy.data["name_2"].label is not None and policy.data["name"].label is not None
    assert policy.data["name_2"].label.any() == "Name (2)" != policy.data["name"].label.any()


def _open_example(policy_path: Path) -> tuple[str, str, str]:
    """An entry of the example and a column of it the classifier files under its category."""
    policy = load_policy(policy_path)
    evidence = collect_evidence(policy, jobs=1)
    classify(evidence, read_tables(evidence.tables))
    verdicts = {key.casefold(): verdict for key, verdict in evidence.classified.items()}
    for name, datum in policy.data.items():
        for column in datum.columns:
            verdict = verdicts.get(column.casefold())
            if "*" not in column and verdict is not None and verdict.category == datum.category:
                return name, column, datum.category
    raise AssertionError(f"{policy_path}: no entry holds a column of its own category")


@pytest.mark.parametrize("policy", EXAMPLE_POLICIES, ids=lambda p: p.parent.name)
def test_update_fills_an_open_entry_of_each_example_policy(policy: Path, tmp_path: Path) -> None:
    root = tmp_path / policy.parent.name
    shutil.copytree(policy.parent, root)
    target = root / "cnsnt.yaml"
    name, column, category = _open_example(target)
    # The entry has no purposes yet and lost a column: the update must give it back there.
    yaml = YAML(typ="rt")
    yaml.width = 4096
    doc = yaml.load(target.read_text(encoding="utf-8"))
    datum = doc["data"][name]
    datum["purposes"] = []
    datum["columns"].remove(column)
    for other in doc["data"].values():  # no other open entry of the category to choose from
        if other is not datum and other.get("category") == category:
            other["category"] = "user"
    out = StringIO()
    yaml.dump(doc, out)
    target.write_text(out.getvalue(), encoding="utf-8")
    original = target.read_text(encoding="utf-8")
    entries = set(load_policy(target).data)
    result = run("init", str(root), "--update")
    assert result.exit_code == 0, result.stderr
    updated = target.read_text(encoding="utf-8")
    changed = changed_lines(original, updated)
    # only a flow list (`columns: [a, b]`) is written again, with the column added at its end
    assert all(line.lstrip().startswith("columns: [") for line in changed), changed
    loaded = load_policy(target)
    assert column in loaded.data[name].columns  # back in its entry, no new entry holds it
    assert [n for n, d in loaded.data.items() if column in d.columns] == [name]
    assert set(entries) <= set(loaded.data)  # new entries only for the example's deliberate gaps
    assert column not in cn101(root)
    again = run("init", str(root), "--update")
    assert again.exit_code == 0 and target.read_text(encoding="utf-8") == updated
