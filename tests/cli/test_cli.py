"""The command line as a user runs it: exit codes, streams, atomic output, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from cnsnt.cli import app
from tests.conftest import EXAMPLES

runner = CliRunner()
ENV = {"COLUMNS": "100", "NO_COLOR": "1"}


def run(*args: str):
    return runner.invoke(app, list(args), env=ENV, catch_exceptions=False)


def test_audit_example_exits_1_and_reports_on_stdout():
    result = run("audit", str(EXAMPLES / "restaurant"))
    assert result.exit_code == 1
    assert "templates/booking.html" in result.stdout
    assert "CN203" in result.stdout
    assert "cnsnt: " in result.stderr and "errors" in result.stderr
    assert "cnsnt: " not in result.stdout


def test_fail_on_never_exits_0():
    assert run("audit", str(EXAMPLES / "restaurant"), "--fail-on", "never").exit_code == 0


def test_json_format_is_the_spec_shape():
    result = run("audit", str(EXAMPLES / "restaurant"), "--format", "json")
    data = json.loads(result.stdout)
    assert data["cnsnt"] == "1" and data["policy"].endswith("cnsnt.yaml")
    first = data["findings"][0]
    assert set(first) >= {"rule", "name", "severity", "subject", "message", "hint", "location"}
    assert set(data["summary"]) >= {"error", "warning", "info", "sources"}


def test_output_file_is_written_atomically(tmp_path):
    out = tmp_path / "report.json"
    result = run("audit", str(EXAMPLES / "shop"), "--format", "json", "-o", str(out))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert json.loads(out.read_text())["findings"]
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temp file left


def test_output_to_missing_directory_is_a_usage_error(tmp_path):
    result = run("audit", str(EXAMPLES / "shop"), "-o", str(tmp_path / "no" / "such" / "r.txt"))
    assert result.exit_code == 2
    assert "cannot write" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_also_writes_more_reports_from_the_same_audit(tmp_path):
    """One audit, several reports: each equals what its own run writes."""
    sarif, json_file = tmp_path / "r.sarif", tmp_path / "r.json"
    result = run(
        "audit", str(EXAMPLES / "shop"), "--format", "github",
        "--also", f"sarif={sarif}", "--also", f"JSON={json_file}",
    )
    assert result.exit_code == 1 and "::error" in result.stdout
    alone = run("audit", str(EXAMPLES / "shop"), "--format", "json")
    assert json_file.read_text() == alone.stdout
    assert json.loads(sarif.read_text())["runs"][0]["results"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json", "r.sarif"]


@pytest.mark.parametrize(
    "also",
    [["sarif"], ["pdf=r.pdf"], ["sarif=same.txt", "json=same.txt"], ["json=no/such/dir/r.json"]],
)
def test_bad_also_is_a_usage_error_before_the_audit(tmp_path, monkeypatch, also):
    monkeypatch.chdir(tmp_path)
    args = [a for value in also for a in ("--also", value)]
    result = runner.invoke(app, ["audit", str(EXAMPLES / "shop"), *args], env=ENV, catch_exceptions=False)
    assert result.exit_code == 2
    assert "--also" in result.stderr or "cannot write" in result.stderr
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("fmt", ["sarif", "junit", "github", "markdown", "text", "json"])
def test_every_format_renders_deterministically(fmt):
    first = run("audit", str(EXAMPLES / "shop"), "--format", fmt)
    second = run("audit", str(EXAMPLES / "shop"), "--format", fmt)
    assert first.exit_code == 1 and first.stdout == second.stdout and first.stdout


def test_bad_policy_exits_2_with_location_and_no_traceback(tmp_path):
    (tmp_path / "cnsnt.yaml").write_text("cnsnt: 1\npurposes:\n  a: {basis: nope}\n")
    result = run("audit", str(tmp_path))
    assert result.exit_code == 2
    assert "cnsnt.yaml:3:" in result.stderr and "nothing was audited" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_policy_is_a_usage_error(tmp_path):
    result = run("audit", str(tmp_path))
    assert result.exit_code == 2 and "no policy found" in result.stderr


def test_internal_error_exits_3_and_says_where_to_report(monkeypatch):
    import cnsnt.api

    def boom(*args, **kwargs):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(cnsnt.api, "run_rules", boom)
    result = run("audit", str(EXAMPLES / "restaurant"))
    assert result.exit_code == 3
    assert "internal error: RuntimeError: kaboom" in result.stderr
    assert "Please report it" in result.stderr and "Traceback" not in result.stderr


def test_one_broken_source_does_not_stop_the_others(tmp_path):
    (tmp_path / "bin.sql").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "form.html").write_text('<form id="f"><input name="email"></form>')
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources:\n"
        "  schemas: [{path: missing.sql}, {path: bin.sql}]\n"
        "  forms: [{path: form.html}, {path: 'nothing/*.html'}]\n"
    )
    result = run("audit", str(tmp_path), "--format", "json")
    data = json.loads(result.stdout)
    cn001 = sorted(f["message"] for f in data["findings"] if f["rule"] == "CN001")
    assert cn001 == [
        "'missing.sql' does not exist",
        "'nothing/*.html' matches no file",
        "binary file, not text",
    ]
    assert any(f["rule"] == "CN101" and f["subject"] == "f.email" for f in data["findings"])
    # a path's fix is to fix the path; a file cnsnt cannot read gets the general fix
    hints = {f["message"]: f["hint"] for f in data["findings"] if f["rule"] == "CN001"}
    assert hints["'nothing/*.html' matches no file"].startswith("fix the path (relative to the policy")
    assert hints["'missing.sql' does not exist"] == hints["'nothing/*.html' matches no file"]
    assert hints["binary file, not text"].startswith("fix the source (or its dialect), or accept the gap")


def test_a_cn001_finding_carries_the_fix_its_reader_gives(tmp_path):
    (tmp_path / "form.html").write_text('<form id="f"><input name="{{ field_name }}"></form>')
    (tmp_path / "cnsnt.yaml").write_text("cnsnt: 1\nsources:\n  forms: [{path: form.html}]\n")
    result = run("audit", str(tmp_path), "--format", "json", "--fail-on", "never")
    [finding] = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "CN001"]
    assert finding["message"] == "field at 1:14 has a name cnsnt cannot read ({{ field_name }})"
    assert finding["hint"] == "declare it in the policy as f.NAME"
    text = run("audit", str(tmp_path), "--fail-on", "never", "--no-color")
    assert "fix: declare it in the policy as f.NAME" in text.stdout
    assert "accept the gap" not in text.stdout


def test_baseline_fails_only_on_new_findings(tmp_path):
    baseline = tmp_path / "baseline.json"
    first = run("audit", str(EXAMPLES / "shop"), "--write-baseline", str(baseline))
    assert first.exit_code == 1
    second = run("audit", str(EXAMPLES / "shop"), "--baseline", str(baseline))
    assert second.exit_code == 0
    assert "No findings." in second.stdout and "suppressed" in second.stderr


def test_explain_and_rules():
    rules = run("rules")
    assert rules.exit_code == 0
    for code in ("CN001", "CN101", "CN203", "CN501"):
        assert code in rules.stdout
    explained = run("explain", "cn203")
    assert explained.exit_code == 0
    for heading in (
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## Use instead",
        "## References",
    ):
        assert heading in explained.stdout
    assert run("explain", "CN999").exit_code == 2


def test_schema_prints_the_shipped_json_schema():
    from cnsnt.policy.loader import policy_json_schema

    assert json.loads(run("schema").stdout) == policy_json_schema()


def test_validate(tmp_path):
    good = run("validate", str(EXAMPLES / "restaurant" / "cnsnt.yaml"))
    assert good.exit_code == 1  # policy-only rules find CN206/CN501 in the example
    assert "CN501" in good.stdout
    (tmp_path / "p.yaml").write_text("cnsnt: 1\npurposez: {}\n")
    bad = run("validate", str(tmp_path / "p.yaml"))
    assert bad.exit_code == 2 and "did you mean 'purposes'?" in bad.stderr


def test_unknown_dialect_is_a_usage_error():
    result = run("audit", str(EXAMPLES / "shop"), "--dialect", "cobol")
    assert result.exit_code == 2 and "unknown --dialect" in result.stderr


def test_console_script_runs_and_malformed_policy_fails_cleanly(tmp_path):
    (tmp_path / "cnsnt.yaml").write_text("cnsnt: 1\ndata: [\n")
    proc = subprocess.run(
        [sys.executable, "-m", "cnsnt", "validate", str(tmp_path / "cnsnt.yaml")],
        capture_output=True,
        text=True,
        env={**os.environ, **ENV},
        check=False,
    )
    assert proc.returncode == 2, proc.stderr
    assert "YAML syntax error" in proc.stderr and "Traceback" not in proc.stderr
