"""The docs stay true: README commands are the ones CI runs, rules docs are fresh."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.docs import rules_markdown
from cnsnt.rules import all_rules
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def command_name(command) -> str:
    return command.name or command.callback.__name__.replace("_", "-")


def bash_blocks(text: str) -> list[str]:
    return [b.strip() for b in re.findall(r"```bash\n(.*?)```", text, flags=re.S)]


def test_readme_opens_with_the_two_setup_commands():
    blocks = bash_blocks(README)
    assert len(blocks) >= 2
    run_example, run_tests = blocks[0], blocks[1]
    assert "pip install" in run_example and "cnsnt audit examples/" in run_example
    assert "pip install" in run_tests and "pytest" in run_tests
    # Nothing but prose stands before them.
    assert README.index(run_example) < README.index("## ")


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert bash_blocks(README)[1] in ci


def test_every_command_is_documented_in_the_readme():
    commands = [command_name(c) for c in app.registered_commands]
    for name in commands:
        assert f"cnsnt {name}" in README, name


def test_every_rule_is_in_the_readme_table():
    for rule in all_rules():
        assert f"| {rule.code} | {rule.name} | {rule.severity.value} |" in README, rule.code


def test_rules_reference_is_fresh():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown(), (
        "regenerate with: cnsnt rules --format markdown > docs/rules.md"
    )


def test_every_rule_doc_has_the_ruff_headings():
    for rule in all_rules():
        doc = rule.doc()
        for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead",
                        "## References"):
            assert heading in doc, (rule.code, heading)


def test_help_runs_for_every_command():
    runner = CliRunner()
    for command in app.registered_commands:
        result = runner.invoke(app, [command_name(command), "--help"])
        assert result.exit_code == 0, command_name(command)
