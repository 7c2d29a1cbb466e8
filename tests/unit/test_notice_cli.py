"""`cnsnt notice`: options, -o, --check and exit codes."""

from __future__ import annotations

import shutil

from typer.testing import CliRunner

from cnsnt.cli import app
from tests.conftest import EXAMPLES

ENV = {"NO_COLOR": "1", "COLUMNS": "100"}


def run(args, cwd, monkeypatch):
    monkeypatch.chdir(cwd)
    return CliRunner().invoke(app, args, env=ENV, catch_exceptions=False)


def test_notice_to_stdout(monkeypatch):
    result = run(["notice", "--lang", "it", "--layer", "short"], EXAMPLES / "shop", monkeypatch)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (EXAMPLES / "shop" / "notices" / "notice.short.it.md").read_text(
        encoding="utf-8"
    )
    assert "error" not in result.stderr


def test_incomplete_policy_writes_no_notice_and_names_each_error(tmp_path, monkeypatch):
    project = tmp_path / "restaurant"
    shutil.copytree(EXAMPLES / "restaurant", project)
    out = project / "notice.md"
    result = run(["notice", "-o", str(out)], project, monkeypatch)
    assert result.exit_code == 1
    assert not out.exists() and result.stdout == ""
    # CN602 (missing elements), CN206 (allergies on a contract basis), CN101 (audit).
    assert "cnsnt.yaml:137:3: CN602 the notice cannot say how long 'phone' is kept" in result.stderr
    assert "CN206" in result.stderr
    assert "db/schema.sql:14:5: CN101 column customers.birth_date" in result.stderr
    assert "notice not written" in result.stderr and "--draft" in result.stderr

    no_audit = run(["notice", "--no-audit"], project, monkeypatch)
    assert no_audit.exit_code == 1 and "CN101" not in no_audit.stderr


def test_draft_is_written_with_a_banner_and_refused_by_check(tmp_path, monkeypatch):
    project = tmp_path / "restaurant"
    shutil.copytree(EXAMPLES / "restaurant", project)
    for fmt, name in [("markdown", "draft.md"), ("html", "draft.html"), ("json", "draft.json")]:
        out = project / name
        result = run(["notice", "--draft", "-f", fmt, "-o", str(out)], project, monkeypatch)
        assert result.exit_code == 0, result.stderr
        text = out.read_text(encoding="utf-8")
        assert "Draft: not for publication" in text and "status=draft" in text or (
            fmt == "json" and '"status": "draft"' in text
        )
        check = run(["notice", "--check", str(out)], project, monkeypatch)
        assert check.exit_code == 1 and "is a draft" in check.stderr


def test_notice_written_atomically_and_checked(tmp_path, monkeypatch):
    project = tmp_path / "shop"
    shutil.copytree(EXAMPLES / "shop", project)
    out = project / "notice.html"
    result = run(["notice", "-f", "html", "--lang", "ru", "-o", str(out), "-q"], project, monkeypatch)
    assert result.exit_code == 0 and result.stderr == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "Draft" not in text and "status=" not in text
    assert [p.name for p in project.iterdir() if p.name.startswith(".notice")] == []

    ok = run(["notice", "--check", str(out)], project, monkeypatch)
    assert ok.exit_code == 0 and "matches the policy" in ok.stderr

    policy = project / "cnsnt.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("P90D", "P60D"), encoding="utf-8")
    stale = run(["notice", "--check", str(out)], project, monkeypatch)
    assert stale.exit_code == 1
    assert "the policy changed and the notice was not republished" in stale.stderr


def test_notice_usage_errors_exit_2(tmp_path, monkeypatch):
    project = EXAMPLES / "shop"
    assert run(["notice", "--lang", "xx"], project, monkeypatch).exit_code == 2
    assert run(["notice", "--format", "pdf"], project, monkeypatch).exit_code == 2
    missing = run(["notice", "--check", str(tmp_path / "nope.md")], project, monkeypatch)
    assert missing.exit_code == 2 and "cannot read" in missing.stderr
    (tmp_path / "cnsnt.yaml").write_text("cnsnt: 1\npurposes: {x: {basis: magic}}\n", encoding="utf-8")
    bad = run(["notice"], tmp_path, monkeypatch)
    assert bad.exit_code == 2 and "Traceback" not in bad.stderr + bad.stdout


def test_special_data_on_a_contract_basis_never_gives_a_publishable_notice(tmp_path, monkeypatch):
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\n"
        "controller: {name: Clinic, contact: privacy@clinic.example, authority: Garante}\n"
        "notice: {automated_decisions: We decide nothing by computer alone.}\n"
        "purposes: {care: {description: To treat you., basis: contract}}\n"
        "data:\n"
        "  health: {label: Your health, category: user.health_and_medical, purposes: [care],\n"
        "           retention: P10Y}\n"
        "recipients: []\n",
        encoding="utf-8",
    )
    from cnsnt.api import notice
    from cnsnt.policy.loader import load_policy

    result = notice(load_policy(tmp_path / "cnsnt.yaml"), with_audit=False)
    assert [b.rule for b in result.blockers] == ["CN206"] and not result.publishable
    for fmt in ("markdown", "html", "json"):
        out = tmp_path / f"n.{fmt}"
        cli = run(["notice", "--no-audit", "-f", fmt, "-o", str(out)], tmp_path, monkeypatch)
        assert cli.exit_code == 1 and not out.exists()
        assert "cnsnt.yaml:6:3: CN206" in cli.stderr


def test_data_for_an_undefined_purpose_or_recipient_never_gives_a_publishable_notice(tmp_path, monkeypatch):
    # The notice can only state purposes and recipients the policy defines: a misspelt
    # one, or none at all, would silently drop from what the customer is told.
    head = (
        "cnsnt: 1\n"
        "controller: {name: Shop, contact: privacy@shop.example, authority: Garante}\n"
        "notice: {automated_decisions: We decide nothing by computer alone.}\n"
        "purposes: {orders: {description: To deliver your order., basis: contract}}\n"
        "recipients: {courier: {name: Fast Courier, country: IT, purposes: [orders]}}\n"
        "data:\n"
    )
    cases = {
        "purpose": (
            "  email: {label: Email, category: user.contact.email, purposes: [orders, profiling],\n"
            "          retention: P1Y, required: true}\n",
            "7:74: CN103",
            "profiling",
        ),
        "recipient": (
            "  email: {label: Email, category: user.contact.email, purposes: [orders],\n"
            "          recipients: [ad_network], retention: P1Y, required: true}\n",
            "8:24: CN103",
            "ad_network",
        ),
        "none": (
            "  email: {label: Email, category: user.contact.email, purposes: [],\n"
            "          retention: P1Y, required: true}\n",
            "7:3: CN102",
            "email",
        ),
    }
    from cnsnt.api import notice
    from cnsnt.policy.loader import load_policy

    for name, (entry, rule, named) in cases.items():
        project = tmp_path / name
        project.mkdir()
        (project / "cnsnt.yaml").write_text(head + entry, encoding="utf-8")
        result = notice(load_policy(project / "cnsnt.yaml"), with_audit=False)
        assert [b.rule for b in result.blockers] == [rule[-5:]], name
        assert named in result.blockers[0].message and not result.publishable
        out = project / "notice.md"
        cli = run(["notice", "--no-audit", "-o", str(out)], project, monkeypatch)
        assert cli.exit_code == 1 and not out.exists()
        assert f"error: cnsnt.yaml:{rule}" in cli.stderr
    # a waiver for a rule that does not exist is the audit's business, not the notice's
    project = tmp_path / "waiver"
    project.mkdir()
    (project / "cnsnt.yaml").write_text(
        head.replace(
            "recipients:",
            "waivers: [{rule: CN999, field: x.y, reason: old, expires: 2099-01-01}]\nrecipients:",
        )
        + "  email: {label: Email, category: user.contact.email, purposes: [orders],\n"
        "          retention: P1Y, required: true}\n",
        encoding="utf-8",
    )
    assert notice(load_policy(project / "cnsnt.yaml"), with_audit=False).blockers == []
