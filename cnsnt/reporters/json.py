"""The JSON report: the stable contract of SPEC §3."""

from __future__ import annotations

from typing import Any

from cnsnt import __version__
from cnsnt.model import AuditResult, Severity
from cnsnt.reporters.base import RenderOptions, Reporter
from cnsnt.textsafe import json_dumps


def report_dict(result: AuditResult) -> dict[str, Any]:
    """The report as plain data (also used by other machine formats' tests)."""
    return {
        "cnsnt": "1",
        "version": __version__,
        "policy": result.policy_path,
        "findings": [f.to_json() for f in result.findings],
        "suppressed": [f.to_json() for f in result.suppressed],
        "skipped_rules": [{"rule": s.rule, "reason": s.reason} for s in result.skipped],
        "summary": {
            "error": result.count(Severity.ERROR),
            "warning": result.count(Severity.WARNING),
            "info": result.count(Severity.INFO),
            "suppressed": len(result.suppressed),
            "sources": result.sources,
        },
    }


class JsonReporter(Reporter):
    """`--format json`."""

    format = "json"

    def render(self, result: AuditResult, options: RenderOptions) -> str:
        """Pretty, key-order-stable JSON."""
        return json_dumps(report_dict(result), indent=2, ensure_ascii=False) + "\n"
