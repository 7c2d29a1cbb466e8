"""The CLI as CI uses it: configuration discovery, rule selection, inline waivers, output
checks, paths from the repository root, colour, completion, help and Ctrl-C."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from cnsnt.cli import app
from tests.cli.ci_project import write_project
from tests.conftest import EXAMPLES

ENV = {"COLUMNS": "100", "NO_COLOR": "", "FORCE_COLOR": "", "GITHUB_STEP_SUMMARY": ""}


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, list(args), env={**ENV, **(env or {})}, catch_exceptions=False)


def rules_of(result) -> list[str]:
    return sorted(f["rule"] for f in json.loads(result.stdout)["findings"])


# ------------------------------------------------------------------ configuration


def test_policy_is_found_by_walking_up(tmp_path, monkeypatch):
    write_project(tmp_path)
    monkeypatch.chdir(tmp_path / "templates")
    result = run("audit", "-f", "json")
    assert result.exit_code == 1, result.stderr
    assert rules_of(result) == ["CN203"]


def test_pyproject_settings_apply_and_the_cli_wins(tmp_path, monkeypatch):
    write_project(tmp_path / "privacy")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.cnsnt]\npolicy = "privacy/cnsnt.yaml"\n'
        'format = "json"\nfail-on = "never"\n'
    )
    monkeypatch.chdir(tmp_path)
    result = run("audit")
    assert result.exit_code == 0  # fail-on = never
    assert rules_of(result) == ["CN203"]  # format = json
    result = run("audit", "--fail-on", "error", "--format", "gitlab")
    assert result.exit_code == 1
    assert [i["check_name"] for i in json.loads(result.stdout)] == ["CN203 pre-ticked-consent"]


def test_pyproject_ignore_setting_uses_rule_names(tmp_path, monkeypatch):
    write_project(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.cnsnt]\nignore = ["pre-ticked-consent"]\n')
    monkeypatch.chdir(tmp_path)
    assert run("audit", "-q").exit_code == 0
    assert run("audit", "-q", "--ignore", "CN602").exit_code == 1  # the CLI replaces the setting


def test_bad_pyproject_setting_names_file_line_and_column(tmp_path, monkeypatch):
    write_project(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.cnsnt]\nformat = "json"\n  fail-when = "x"\n')
    monkeypatch.chdir(tmp_path)
    result = run("audit")
    assert result.exit_code == 2
    assert f"{tmp_path / 'pyproject.toml'}:3:3: tool.cnsnt.fail-when is not a setting" in result.stderr
    (tmp_path / "pyproject.toml").write_text('[tool.cnsnt]\nfail-on = "often"\n')
    result = run("audit")
    assert result.exit_code == 2 and "fail-on must be one of: error, warning" in result.stderr


def test_a_sql_file_is_not_taken_for_the_policy(tmp_path, monkeypatch):
    write_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = run("audit", "db/schema.sql")
    assert result.exit_code == 2
    assert "db/schema.sql is not a policy" in result.stderr
    assert "pass_filenames: false" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_no_policy_anywhere_up_says_where_it_looked(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    result = run("audit")
    assert result.exit_code == 2
    assert "no cnsnt.yaml here or in any parent directory" in result.stderr
    (tmp_path / "sub" / "x.sql").write_text("CREATE TABLE t (email TEXT);\n")
    result = run("validate", "x.sql")
    assert result.exit_code == 2 and "x.sql is not a policy" in result.stderr


# ------------------------------------------------------------------ rule selection


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), ["CN203"]),
        (("--select", "CN2"), ["CN203"]),
        (("--select", "pre-ticked-consent"), ["CN203"]),
        (("--select", "CN1,CN6"), []),
        (("--ignore", "CN20"), []),
        (("--select", "ALL", "--ignore", "pre-ticked-consent"), []),
    ],
)
def test_select_and_ignore_take_codes_prefixes_and_names(tmp_path, args, expected):
    write_project(tmp_path)
    result = run("audit", str(tmp_path), "-f", "json", "--fail-on", "never", *args)
    assert result.exit_code == 0, result.stderr
    assert rules_of(result) == expected


def test_unknown_selector_fails_before_the_audit(tmp_path):
    write_project(tmp_path)
    result = run("audit", str(tmp_path), "--ignore", "no-such-rule")
    assert result.exit_code == 2
    assert "unknown rule selector 'no-such-rule' in --ignore" in result.stderr


def test_html_comment_waives_a_form_field_with_its_reason(tmp_path):
    write_project(tmp_path, waived=True)
    result = run("audit", str(tmp_path), "-f", "json")
    assert result.exit_code == 0, result.stdout
    report = json.loads(result.stdout)
    assert report["findings"] == []
    (waived,) = report["suppressed"]
    assert waived["rule"] == "CN203" and "re-shows the saved choice" in waived["suppressed"]


def test_html_comment_without_a_reason_is_reported_and_not_applied(tmp_path):
    write_project(tmp_path)
    page = tmp_path / "templates" / "signup.html"
    page.write_text(page.read_text().replace("  <label><input", "  <!-- cnsnt: ignore CN203 -->\n  <label><input"))
    result = run("audit", str(tmp_path), "-f", "json")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    assert [f["rule"] for f in findings] == ["CN001", "CN203"]
    assert "needs a reason" in findings[0]["message"] and findings[0]["location"]["line"] == 4


# ------------------------------------------------------------------ output and paths


def test_output_into_a_missing_directory_fails_before_the_audit(tmp_path):
    write_project(tmp_path)
    result = run("audit", str(tmp_path), "-o", str(tmp_path / "missing" / "report.txt"), "--verbose")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr and "reading" not in result.stderr
    assert not (tmp_path / "missing").exists()


def test_ci_paths_are_relative_to_the_repository_root(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()  # the repository root
    write_project(tmp_path / "services" / "web")
    monkeypatch.chdir(tmp_path / "services" / "web")
    sarif = json.loads(run("audit", "-f", "sarif").stdout)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in sarif["runs"][0]["results"]}
    assert uris == {"services/web/templates/signup.html"}
    gitlab = json.loads(run("audit", "-f", "gitlab").stdout)
    assert gitlab[0]["location"]["path"] == "services/web/templates/signup.html"
    github = run("audit", "-f", "github").stdout
    assert "file=services/web/templates/signup.html,line=4" in github
    # the JSON report keeps paths relative to the policy (its stable contract)
    report = json.loads(run("audit", "-f", "json").stdout)
    assert report["findings"][0]["location"]["path"] == "templates/signup.html"


def test_github_format_writes_the_job_summary(tmp_path):
    write_project(tmp_path)
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    result = run("audit", str(tmp_path), "-f", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    text = summary.read_text()
    assert text.startswith("earlier step\n## cnsnt")
    assert "| 1 | 0 | 0 | 0 |" in text and "CN203 pre-ticked-consent" in text


# ------------------------------------------------------------------ colour, help, completion


def test_force_color_colours_the_text_report_without_a_terminal(tmp_path):
    write_project(tmp_path)
    plain = run("audit", str(tmp_path))
    forced = run("audit", str(tmp_path), env={"FORCE_COLOR": "1"})
    assert "\x1b[" not in plain.stdout
    assert "\x1b[" in forced.stdout
    both = run("audit", str(tmp_path), env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[" not in both.stdout  # NO_COLOR wins
    machine = run("audit", str(tmp_path), "-f", "json", env={"FORCE_COLOR": "1"})
    assert "\x1b[" not in machine.stdout


def test_every_help_has_examples_and_readable_metavars():
    from tests.cli.test_docs import command_name

    for command in [None, *app.registered_commands]:
        args = [command_name(command), "--help"] if command else ["--help"]
        result = run(*args)
        assert result.exit_code == 0
        assert re.search(r"Examples:\n\s+cnsnt ", result.stdout), args
    audit_help = run("audit", "--help").stdout
    for metavar in ("--policy FILE|DIR", "-o, --output FILE", "--select RULES", "--jobs N"):
        assert metavar in audit_help


def test_shell_completion_script(monkeypatch: pytest.MonkeyPatch):
    """`--show-completion bash` prints bash's script, whatever shell runs the tests.

    Typer's `--show-completion` is a flag that asks shellingham for the shell the process
    runs under, and ignored `bash`: started from `sh -c` (a CI step, nohup) it detected
    `sh`, which it does not support, and exited 1. With detection off (Typer's own switch,
    read when the command is built) the option takes the shell as its value.
    """
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    result = run("--show-completion", "bash")
    assert result.exit_code == 0, result.output
    assert "_CNSNT_COMPLETE" in result.stdout and "complete " in result.stdout
    assert "COMP_WORDS" in result.stdout and "#compdef" not in result.stdout  # bash's script
    zsh = run("--show-completion", "zsh")
    assert zsh.exit_code == 0 and "#compdef cnsnt" in zsh.stdout  # the shell named is the one used
    assert "--install-completion" in run("--help").stdout


# ------------------------------------------------------------------ Ctrl-C


def test_ctrl_c_exits_130_and_writes_nothing(tmp_path):
    """SIGINT in the middle of a long audit: exit 130, no report, no partial file."""
    project = tmp_path / "shop"
    import shutil

    shutil.copytree(EXAMPLES / "shop", project)
    # Enough distinct query shapes to keep the audit busy for several seconds.
    with (project / "logs" / "app.log").open("w") as log:
        for i in range(20_000):
            log.write(f"SELECT o.id, c.email FROM orders o JOIN customers c ON c.id = o.customer_id "
                      f"GROUP BY o.id, c.email, x{i}\n")
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "cnsnt", "audit", str(project), "--verbose", "-f", "json",
         "-o", str(out / "report.json"), "--jobs", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "NO_COLOR": "1"},
        # a background job of a script (`pytest ... &`) ignores SIGINT, and so did the
        # audit, which inherited it and ran to the end (exit 1): Ctrl-C as a terminal sends it
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stderr is not None
    try:
        for line in proc.stderr:  # wait until the query log is being read
            if "logs/app.log" in line:
                break
        else:
            pytest.fail("the audit ended before it read logs/app.log")
        proc.send_signal(signal.SIGINT)
        # generous: a loaded machine is slow, a hang (a lock left held) is forever
        stdout, stderr = proc.communicate(timeout=180)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail("cnsnt did not exit within 180 s of Ctrl-C")
    assert proc.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    assert stdout == "" and list(out.iterdir()) == []
