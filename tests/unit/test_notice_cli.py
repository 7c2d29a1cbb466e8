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


def test_notice_to_stdout_with_warnings_on_stderr(monkeypatch):
    result = run(["notice", "--lang", "it", "--layer", "short"], EXAMPLES / "restaurant", monkeypatch)
    assert result.exit_code == 0
    assert result.stdout == (EXAMPLES / "restaurant" / "notices" / "notice.short.it.md").read_text(
        encoding="utf-8"
    )
    assert "CN602" in result.stderr and "CN602" not in result.stdout


def test_notice_written_atomically_and_checked(tmp_path, monkeypatch):
    project = tmp_path / "restaurant"
    shutil.copytree(EXAMPLES / "restaurant", project)
    out = project / "notice.html"
    result = run(["notice", "-f", "html", "--lang", "ru", "-o", str(out), "-q"], project, monkeypatch)
    assert result.exit_code == 0 and result.stderr == ""
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in project.iterdir() if p.name.startswith(".notice")] == []

    ok = run(["notice", "--check", str(out)], project, monkeypatch)
    assert ok.exit_code == 0 and "matches the policy" in ok.stderr

    policy = project / "cnsnt.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("P30D", "P60D"), encoding="utf-8")
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
