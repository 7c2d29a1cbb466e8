"""`cnsnt init`, the audit and `--update` with template forms that share a file stem.

Every `_form.html.erb` of a Rails app was the form `_form`: one key declared them all and
`init` listed the first file only. The tree (written in `tests/unit/test_form_names.py`)
has two `_form` partials, a unique template and two `<form id="search">`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from cnsnt.cli import app
from tests.unit.test_form_names import CHILD, POLICY, rails_tree
from tests.unit.test_symfony_forms import write

#: A policy written before forms were renamed by their paths: keys by the old name `_form`.
OLD = POLICY + (
    "controller: {name: A, contact: a@example.com}\n"
    "purposes:\n  care: {description: To care for the children., basis: contract}\n"
    "data:\n"
    "  names:\n    label: Names\n    category: user.name\n"
    "    form_fields: [_form.first_name, _form.last_name]\n"
    "    purposes: [care]\n    retention: P1Y\n"
    "  birth:\n    label: Date of birth\n    category: user.demographic.date_of_birth\n"
    "    form_fields: [\"_form.date_*\"]\n    purposes: [care]\n    retention: P1Y\n"
    "  contact:\n    label: E-mail\n    category: user.contact.email\n"
    "    form_fields: [_contact_form.email]\n    purposes: [care]\n    retention: P1Y\n"
    "ignore: [_form.comments, search.q]\n"
)


def audit(root: Path, *args: str) -> list[dict[str, Any]]:
    out = root / "report.json"
    result = CliRunner().invoke(app, ["audit", str(root), "-f", "json", "-o", str(out), "--fail-on", "never", *args])
    assert result.exit_code == 0, result.output
    findings: list[dict[str, Any]] = json.loads(out.read_text(encoding="utf-8"))["findings"]
    return findings


def of(findings: list[dict[str, Any]], rule: str) -> list[tuple[str, str]]:
    return sorted((f["subject"], f["severity"]) for f in findings if f["rule"] == rule)


def test_init_writes_one_key_per_form_and_names_its_file(tmp_path: Path) -> None:
    rails_tree(tmp_path)
    (tmp_path / "cnsnt.yaml").unlink()
    result = CliRunner().invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "cnsnt.yaml").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if "first_name" in line and line.strip().startswith("- ")]
    assert lines == [
        '- "partners/authorized_family_members/_form.first_name" # name \'first_name\' means a first name (en) '
        "[app/views/partners/authorized_family_members/_form.html.erb:2]",
        '- "partners/children/_form.first_name" # name \'first_name\' means a first name (en) '
        "[app/views/partners/children/_form.html.erb:2]",
    ]
    assert "- _form." not in text and '- "_form.' not in text
    assert "- _contact_form.email" in text  # a stem no other file has stays the form's name
    # the policy init wrote: each form's fields declared, nothing named by an old name
    findings = audit(tmp_path)
    assert of(findings, "CN101") == [] and of(findings, "CN402") == []


def test_a_new_partial_of_the_same_name_is_not_declared_already(tmp_path: Path) -> None:
    """The defect: a policy key `_form.first_name` made any new `_form` declared."""
    rails_tree(tmp_path)
    (tmp_path / "cnsnt.yaml").unlink()
    assert CliRunner().invoke(app, ["init", str(tmp_path)]).exit_code == 0
    write(tmp_path, "app/views/partners/staff/_form.html.erb", CHILD)
    assert of(audit(tmp_path, "--select", "CN101"), "CN101") == [
        ("partners/staff/_form.date_of_birth", "error"),
        ("partners/staff/_form.first_name", "error"),
        ("partners/staff/_form.last_name", "error"),
    ]


def test_an_old_policy_keeps_declaring_what_it_declared_and_is_told_the_keys(tmp_path: Path) -> None:
    rails_tree(tmp_path, OLD)
    findings = audit(tmp_path)
    assert of(findings, "CN101") == []  # nothing it declared is undeclared now
    infos = [f for f in findings if f["rule"] == "CN402"]
    assert sorted((f["subject"], f["severity"], f["location"]["line"]) for f in infos) == [
        ("_form.comments", "info", 27),
        ("_form.date_*", "info", 18),
        ("_form.first_name", "info", 12),
        ("_form.last_name", "info", 12),
    ]
    first = next(f for f in infos if f["subject"] == "_form.first_name")
    assert first["message"] == (
        "data.names names form field _form.first_name by a form name that forms of several files "
        "have, so cnsnt names each by its path: it declares "
        "partners/authorized_family_members/_form.first_name and partners/children/_form.first_name"
    )
    assert "partners/authorized_family_members/_form.first_name" in first["hint"]


def test_update_adds_only_what_the_old_keys_do_not_declare(tmp_path: Path) -> None:
    rails_tree(tmp_path, OLD.replace("_form.last_name", "_form.nothing"))
    before = (tmp_path / "cnsnt.yaml").read_text(encoding="utf-8")
    result = CliRunner().invoke(app, ["init", "--update", str(tmp_path)])
    assert result.exit_code == 0, result.output
    after = (tmp_path / "cnsnt.yaml").read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n").rsplit("\nignore:", 1)[0])
    added = [line.strip().split(" #")[0] for line in after.splitlines() if line not in before.splitlines()]
    assert '- "partners/children/_form.last_name"' in added
    assert not [a for a in added if "first_name" in a or "date_of_birth" in a]


def test_a_waiver_and_the_inventory_read_the_old_name(tmp_path: Path) -> None:
    rails_tree(
        tmp_path,
        OLD.replace("[_form.first_name, _form.last_name]", "[_form.first_name]")
        + "waivers:\n  - {rule: CN101, field: _form.last_name, reason: kept for the paper form}\n",
    )
    assert of(audit(tmp_path, "--select", "CN101"), "CN101") == []
    out = tmp_path / "map.json"
    result = CliRunner().invoke(app, ["inventory", str(tmp_path), "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    names = next(d for d in data["data"] if d["key"] == "names")
    assert sorted(p["key"] for p in names["collected"]) == [
        "partners/authorized_family_members/_form.first_name",
        "partners/children/_form.first_name",
    ]


def test_a_key_for_a_form_that_keeps_the_name_does_not_reach_the_renamed_one(tmp_path: Path) -> None:
    """Akaunting (`dfc1171`): `<x-form id="tax">` in `settings/taxes/`, and a component
    `components/form/group/tax.blade.php` whose controls are named by its file: init wrote
    `tax.*` for the first, which by the old name also declared the component's field."""
    write(
        tmp_path,
        "app/views/settings/taxes/edit.html.erb",
        '<form id="tax">\n  <input name="rate">\n  <input name="kind">\n  <input name="code">\n</form>\n',
    )
    write(tmp_path, "app/views/components/form/group/tax.html.erb", '<input name="vat_number">\n')
    result = CliRunner().invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "cnsnt.yaml").read_text(encoding="utf-8")
    assert "- tax.*" in text and '"components/form/group/tax.vat_number"' in text
    findings = audit(tmp_path)
    assert of(findings, "CN402") == [] and of(findings, "CN101") == []
    # without its own key, the component's field is undeclared: `tax.*` means the form `tax`
    (tmp_path / "cnsnt.yaml").write_text(
        "\n".join(line for line in text.splitlines() if "vat_number" not in line) + "\n", encoding="utf-8"
    )
    assert of(audit(tmp_path), "CN101") == [("components/form/group/tax.vat_number", "error")]
    # a key that names no field of the form `tax` still reads the old name
    (tmp_path / "cnsnt.yaml").write_text(text.replace('"components/form/group/tax.vat_number"', "tax.vat_number"))
    findings = audit(tmp_path)
    assert of(findings, "CN101") == [] and of(findings, "CN402") == [("tax.vat_number", "info")]


def test_a_consent_control_declared_by_the_old_name_is_still_found(tmp_path: Path) -> None:
    box = '<input type="checkbox" name="newsletter" id="n"><label for="n">Send me news</label>\n'
    write(tmp_path, "app/views/partners/children/_form.html.erb", box)
    write(tmp_path, "app/views/partners/families/_form.html.erb", box)
    write(
        tmp_path,
        "cnsnt.yaml",
        POLICY + "purposes:\n  news:\n    description: To send news.\n    basis: consent\n"
        "    consent: {form_fields: [_form.newsletter]}\n",
    )
    findings = audit(tmp_path)
    assert of(findings, "CN201") == [] and of(findings, "CN402") == [("_form.newsletter", "info")]
    info = next(f for f in findings if f["rule"] == "CN402")
    assert info["message"].startswith("purposes.news.consent names form field _form.newsletter")
    assert info["location"]["line"] == 9
