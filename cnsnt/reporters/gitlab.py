"""GitLab Code Quality report (`artifacts:reports:codequality`): findings in merge requests."""

from __future__ import annotations

from typing import Any

from cnsnt.model import AuditResult, Finding, Severity
from cnsnt.reporters.base import RenderOptions, Reporter
from cnsnt.textsafe import json_dumps

# GitLab's scale is info, minor, major, critical, blocker.
_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _issue(f: Finding, result: AuditResult, options: RenderOptions) -> dict[str, Any]:
    loc = f.location
    if loc is not None and loc.path is not None:
        path, line = options.ci_path(loc.path), loc.line or 1
    else:  # a policy-level or database finding: GitLab needs a file, so point at the policy
        policy = result.policy_path.rsplit("/", 1)[-1] if result.policy_path else "cnsnt.yaml"
        path, line = options.ci_path(policy), (loc.line if loc is not None and loc.line else 1)
    message = f"{f.message}. Fix: {f.hint}" if f.hint else f.message
    if loc is not None and loc.uri is not None:
        # No file holds a live column: the description says where in which database.
        message = f"{loc.uri}: {message}"
    return {
        "type": "issue",
        "check_name": f"{f.rule} {f.name}",
        "description": f"{f.rule} {message}",
        "categories": ["Security"],
        "severity": _SEVERITY[f.severity],
        "fingerprint": f.fingerprint(),
        "location": {"path": path, "lines": {"begin": line}},
    }


class GitlabReporter(Reporter):
    """`--format gitlab`: a JSON array of Code Quality issues (suppressed findings left out)."""

    format = "gitlab"

    def render(self, result: AuditResult, options: RenderOptions) -> str:
        """The array GitLab reads; paths are relative to the repository root."""
        issues = [_issue(f, result, options) for f in result.findings]
        seen: set[str] = set()
        for issue in issues:  # GitLab merges issues that share a fingerprint: keep each apart
            base, n = issue["fingerprint"], 1
            while issue["fingerprint"] in seen:
                n += 1
                issue["fingerprint"] = f"{base}-{n}"
            seen.add(issue["fingerprint"])
        return json_dumps(issues, indent=2, ensure_ascii=False) + "\n"
