"""Adopting cnsnt in CI, as a user copies it from the README: the GitHub composite action
(its shell steps run here as the runner would), the GitLab job and the pre-commit hooks,
each failing on a seeded violation and passing once it is fixed or waived."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.cli.ci_project import registry_problem, write_project
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
BIN = str(Path(sys.executable).parent)


def readme_yaml(marker: str) -> dict:
    """The first ```yaml block of the README that contains `marker`."""
    for block in re.findall(r"```yaml\n(.*?)```", README, flags=re.S):
        if marker in block:
            return yaml.safe_load(block)
    raise AssertionError(f"no yaml block with {marker!r} in the README")


def sh(command: str | list[str], cwd: Path, env: dict[str, str] | None = None,
       ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, shell=isinstance(command, str), capture_output=True, text=True,
        timeout=600, env={**os.environ, "PATH": BIN + os.pathsep + os.environ["PATH"],
                          "NO_COLOR": "1", **(env or {})},
    )


def git_repo(path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    write_project(path)
    sh(["git", "init", "-q"], path)
    commit(path, "seeded violation")
    return path


def commit(path: Path, message: str) -> None:
    sh(["git", "add", "-A"], path)
    proc = sh(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm",
               message], path)
    assert proc.returncode == 0, proc.stderr


def fix(path: Path) -> None:
    page = path / "templates" / "signup.html"
    page.write_text(page.read_text().replace(" checked>", ">"))


def waive(path: Path) -> None:
    write_project(path, waived=True)


# ------------------------------------------------------------------ GitHub


def test_action_is_a_composite_that_uploads_always_and_fails_last():
    assert ACTION["runs"]["using"] == "composite"
    assert {"path", "format", "fail-on", "baseline"} <= set(ACTION["inputs"])
    steps = ACTION["runs"]["steps"]
    assert steps[0]["uses"].startswith("actions/setup-python@")
    install = next(s for s in steps if "pip install" in s.get("run", ""))
    assert install["env"]["CNSNT_SOURCE"] == "${{ github.action_path }}"  # its own checkout
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert "always()" in upload["if"]
    assert steps[-1]["name"] == "Fail on findings" and "always()" in steps[-1]["if"]
    # inputs reach the shell only through env, never pasted into the script
    for step in steps:
        assert "${{" not in step.get("run", ""), step["name"]


def test_action_install_step_installs_cnsnt_from_its_checkout(tmp_path):
    problem = registry_problem()
    if problem:
        pytest.skip(f"the install step installs dependencies from the registry; {problem}")
    venv = tmp_path / "runner"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    install = next(s for s in ACTION["runs"]["steps"] if "pip install" in s.get("run", ""))
    env = {"CNSNT_SOURCE": str(ROOT), "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    proc = subprocess.run(install["run"], shell=True, cwd=tmp_path, capture_output=True, text=True,
                          timeout=600, env={**os.environ, **env})
    assert proc.returncode == 0, proc.stderr
    version = subprocess.run([str(venv / "bin" / "cnsnt"), "--version"], capture_output=True,
                             text=True, timeout=60)
    assert version.stdout.startswith("cnsnt ")


def run_action(repo: Path, workdir: Path, **inputs: str) -> tuple[subprocess.CompletedProcess[str], dict[str, str], Path]:
    """The action's shell steps as the runner runs them: Audit, then Fail when exit-code != 0."""
    summary, output = workdir / "summary.md", workdir / "output.txt"
    summary.write_text(""), output.write_text("")
    env = {
        "GITHUB_ACTION_PATH": str(ROOT), "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(output),
        **{f"INPUT_{k.upper()}": v for k, v in {
            "path": ACTION["inputs"]["path"]["default"],
            "format": ACTION["inputs"]["format"]["default"],
            "report": ACTION["inputs"]["report"]["default"],
            "fail_on": ACTION["inputs"]["fail-on"]["default"],
            "baseline": "", **inputs}.items()},
    }
    audit_step = next(s for s in ACTION["runs"]["steps"] if s.get("id") == "audit")
    audit = sh(audit_step["run"], repo, env)
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines())
    fail_step = ACTION["runs"]["steps"][-1]
    if outputs.get("exit-code") != "0":
        failed = sh(fail_step["run"], repo, {**env, "EXIT_CODE": outputs.get("exit-code", "")})
        outputs["fail-step"] = str(failed.returncode)
    return audit, outputs, summary


def test_github_workflow_fails_on_a_seeded_violation_and_passes_when_fixed_or_waived(tmp_path):
    workflow = readme_yaml("uses: cnsnt/cnsnt@")
    job = next(iter(workflow["jobs"].values()))
    assert workflow["permissions"] == {"contents": "read", "security-events": "write"}
    uses = [s.get("uses", "") for s in job["steps"]]
    assert uses[0].startswith("actions/checkout@")
    action_step = next(s for s in job["steps"] if s.get("uses", "").startswith("cnsnt/cnsnt@"))
    assert set(action_step.get("with", {})) <= set(ACTION["inputs"])

    repo = git_repo(tmp_path / "repo")
    audit, outputs, summary = run_action(repo, tmp_path, **{
        k.replace("-", "_"): str(v) for k, v in action_step.get("with", {}).items()})
    assert audit.returncode == 0, audit.stderr  # the audit step itself never fails the job
    assert outputs["exit-code"] == "1" and outputs["fail-step"] == "1"
    assert "::error file=templates/signup.html,line=4,col=10,title=CN203 pre-ticked-consent::" in audit.stdout
    assert "| 1 | 0 | 0 | 0 |" in summary.read_text()
    sarif = json.loads((repo / "cnsnt-report.sarif").read_text())
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["CN203"]  # uploaded either way

    fix(repo)
    audit, outputs, summary = run_action(repo, tmp_path)
    assert outputs == {"exit-code": "0"} and "::error" not in audit.stdout
    assert "No findings." in summary.read_text()
    assert json.loads((repo / "cnsnt-report.sarif").read_text())["runs"][0]["results"] == []

    write_project(repo, waived=True)
    audit, outputs, _ = run_action(repo, tmp_path)
    assert outputs == {"exit-code": "0"}


def test_github_action_reports_a_broken_policy_as_exit_2(tmp_path):
    repo = git_repo(tmp_path / "repo")
    (repo / "cnsnt.yaml").write_text("cnsnt: 1\npurposes: [oops\n")
    audit, outputs, _ = run_action(repo, tmp_path)
    assert outputs["exit-code"] == "2" and outputs["fail-step"] == "2"
    assert "cnsnt.yaml:3:1: YAML syntax error" in audit.stderr


# ------------------------------------------------------------------ GitLab


def test_gitlab_job_fails_on_a_seeded_violation_and_passes_when_fixed(tmp_path):
    pipeline = readme_yaml("codequality")
    job = pipeline["cnsnt"]
    reports = job["artifacts"]["reports"]
    assert job["artifacts"]["when"] == "always"
    installs = [c for c in job.get("before_script", []) + job["script"] if c.startswith("pip install")]
    assert len(installs) == 1 and "git+" in installs[0]  # from source: no registry release
    commands = [c for c in job["script"] if not c.startswith("pip install")]

    def run_job(repo: Path) -> int:
        code = 0
        for command in commands:  # GitLab stops at the first failing command
            proc = sh(command, repo)
            code = proc.returncode
            if code:
                break
        return code

    repo = git_repo(tmp_path / "repo")
    assert run_job(repo) == 1
    quality = json.loads((repo / reports["codequality"]).read_text())
    assert [i["check_name"] for i in quality] == ["CN203 pre-ticked-consent"]
    assert quality[0]["location"]["path"] == "templates/signup.html"
    junit = (repo / reports["junit"]).read_text()
    assert "<failure" in junit and "CN203" in junit
    fix(repo)
    assert run_job(repo) == 0
    assert json.loads((repo / reports["codequality"]).read_text()) == []


# ------------------------------------------------------------------ pre-commit


def test_pre_commit_hooks_take_no_file_names():
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"cnsnt", "cnsnt-notice-check"}
    assert all(h["pass_filenames"] is False and h["language"] == "python" for h in hooks.values())
    watched = re.compile(hooks["cnsnt"]["files"])
    for path in ("cnsnt.yaml", "db/schema.sql", "templates/a.html.twig", "forms/x.schema.json",
                 "pyproject.toml", "logs/app.log"):
        assert watched.search(path), path
    assert not watched.search("README.md")


def test_pre_commit_try_repo_runs_the_hooks(tmp_path):
    if not (ROOT / ".git").exists():
        pytest.skip("pre-commit try-repo needs cnsnt as a git checkout")
    problem = registry_problem()
    if problem:
        pytest.skip(f"pre-commit installs the hook's environment from the registry; {problem}")
    repo = git_repo(tmp_path / "repo")
    env = {"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}

    def hook(hook_id: str, *args: str) -> subprocess.CompletedProcess[str]:
        return sh([os.path.join(BIN, "pre-commit"), "try-repo", str(ROOT), hook_id,
                   "--all-files", *args], repo, env)

    seeded = hook("cnsnt")
    assert seeded.returncode == 1, seeded.stdout + seeded.stderr
    assert "CN203" in seeded.stdout and "Failed" in seeded.stdout
    fix(repo)
    commit(repo, "fixed")
    fixed = hook("cnsnt")
    assert fixed.returncode == 0, fixed.stdout
    assert "Passed" in fixed.stdout

    # The README's .pre-commit-config.yaml, pointed at this checkout's committed hooks: the
    # audit and the notice check pass (a waived pre-ticked box included) until the policy
    # changes under the published notice.
    config = readme_yaml("- id: cnsnt-notice-check")
    (entry,) = config["repos"]
    assert entry["repo"] == "https://github.com/cnsnt/cnsnt"
    entry["repo"], entry["rev"] = str(ROOT), sh(["git", "rev-parse", "HEAD"], ROOT).stdout.strip()
    notice = next(h for h in entry["hooks"] if h["id"] == "cnsnt-notice-check")
    args = notice["args"]
    published_at = repo / args[args.index("--check") + 1]
    published_at.parent.mkdir(parents=True, exist_ok=True)
    options = [a for a in args[: args.index("--check")]]
    published = sh(["cnsnt", "notice", *options, "-o", str(published_at)], repo)
    assert published.returncode == 0, published.stderr
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
    write_project(repo, waived=True)
    commit(repo, "notice, hooks, a waived box")
    run = [os.path.join(BIN, "pre-commit"), "run", "--all-files"]
    current = sh(run, repo, env)
    assert current.returncode == 0, current.stdout
    assert current.stdout.count("Passed") == 2
    policy = repo / "cnsnt.yaml"
    policy.write_text(policy.read_text().replace("P2Y", "P3Y"))
    stale = sh(run, repo, env)
    assert stale.returncode == 1, stale.stdout
    assert re.search(r"cnsnt audit\.+Passed", stale.stdout)
    assert re.search(r"cnsnt notice is current\.+Failed", stale.stdout)


def test_readme_install_from_source_commands_are_honest():
    assert "pip install cnsnt" not in README.replace("pip install cnsnt @", "")
    for phrase in ("git clone", "pipx install", "python -m build"):
        assert phrase in README, phrase
