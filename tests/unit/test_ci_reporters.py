"""CI formats: GitHub's annotation cap and job summary, GitLab Code Quality, repository paths."""

from __future__ import annotations

import json
from collections import Counter

from cnsnt.api import audit_path
from cnsnt.model import AuditResult, Finding, Location, Severity
from cnsnt.reporters import RenderOptions, get_reporter
from cnsnt.reporters.github import ANNOTATIONS_PER_KIND, job_summary
from tests.conftest import EXAMPLES


def finding(i: int, severity: Severity = Severity.ERROR, path: str | None = "db/schema.sql") -> Finding:
    return Finding(
        rule="CN101", name="undeclared-personal-data", severity=severity,
        subject=f"t.c{i}", message=f"column t.c{i} holds personal data", hint="declare it",
        location=Location(path, i + 1, 1) if path else None,
    )


def result(findings: list[Finding]) -> AuditResult:
    return AuditResult(policy_path="cnsnt.yaml", findings=tuple(findings), suppressed=())


def kinds(lines: list[str]) -> Counter[str]:
    return Counter(line.split(" ", 1)[0] for line in lines if line.startswith("::"))


def test_github_annotates_everything_under_the_cap():
    lines = get_reporter("github").render(result([finding(i) for i in range(10)]),
                                          RenderOptions()).splitlines()
    assert kinds(lines) == {"::error": 10}
    assert [line for line in lines if "more errors" in line] == []


def test_github_caps_each_kind_at_ten_and_says_how_many_more():
    findings = [finding(i) for i in range(25)] + [finding(100 + i, Severity.WARNING) for i in range(3)]
    lines = get_reporter("github").render(result(findings), RenderOptions()).splitlines()
    assert kinds(lines) == {"::error": ANNOTATIONS_PER_KIND, "::warning": 3}
    (overflow,) = [line for line in lines if line.startswith("::error title=cnsnt%3A 16 more errors")]
    assert "job summary" in overflow
    # the 16 findings without an annotation are still in the log, with their place
    plain = [line for line in lines if not line.startswith("::")]
    assert len(plain) == 16 and plain[0].startswith("db/schema.sql:10:1: error CN101")


def test_job_summary_counts_and_lists_the_worst_first():
    findings = [finding(1, Severity.WARNING)] + [finding(i) for i in range(2, 30)]
    text = job_summary(result(findings), RenderOptions(path_prefix="app"), top=5)
    assert "| 28 | 1 | 0 | 0 |" in text
    assert "Top 5 of 29 findings:" in text
    rows = [line for line in text.splitlines() if line.startswith("| app/")]
    assert len(rows) == 5 and all("| error |" in r for r in rows)
    assert job_summary(result([]), RenderOptions()).count("No findings.") == 1


def test_gitlab_code_quality_issues():
    findings = [finding(1), finding(1), finding(2, Severity.INFO, path=None)]
    issues = json.loads(get_reporter("gitlab").render(result(findings), RenderOptions(path_prefix="svc")))
    assert [i["severity"] for i in issues] == ["major", "major", "info"]
    assert issues[0]["location"] == {"path": "svc/db/schema.sql", "lines": {"begin": 2}}
    assert issues[2]["location"]["path"] == "svc/cnsnt.yaml"  # GitLab needs a file: the policy
    assert len({i["fingerprint"] for i in issues}) == 3  # duplicates stay apart
    assert all(set(i) >= {"description", "check_name", "fingerprint", "severity", "location"}
               for i in issues)


def test_gitlab_report_of_an_example_names_real_files():
    shop = audit_path(EXAMPLES / "shop", jobs=1)
    issues = json.loads(get_reporter("gitlab").render(shop, RenderOptions()))
    assert len(issues) == len(shop.findings)
    for issue in issues:
        assert (EXAMPLES / "shop" / issue["location"]["path"]).is_file(), issue["location"]


def test_pyproject_settings_know_every_cli_format():
    from cnsnt.cli import FailOn, Preset, ReportFormat
    from cnsnt.config import FAIL_ON, FORMATS, PRESETS

    assert set(FORMATS) == {f.value for f in ReportFormat}
    assert set(FAIL_ON) == {f.value for f in FailOn}
    assert set(PRESETS) == {p.value for p in Preset}
