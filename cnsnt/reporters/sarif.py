"""SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from cnsnt import __version__
from cnsnt.model import AuditResult, Finding, Severity
from cnsnt.reporters.base import RenderOptions, Reporter

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
#: Characters a URI may hold as they are (RFC 3986 reserved and unreserved, and `%`).
_URI_SAFE = ":/?#[]@!$&'()*+,;=-._~%"
HELP_URI = "https://github.com/cnsnt/cnsnt/blob/main/docs/rules.md#{code}"


def _result(f: Finding, index: dict[str, int], options: RenderOptions) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "level": _LEVEL[f.severity],
        "message": {"text": f"{f.message}. Fix: {f.hint}" if f.hint else f.message},
        "partialFingerprints": {"cnsnt/v1": f.fingerprint()},
        "properties": {"subject": f.subject, "confidence": f.confidence.value},
    }
    if f.rule in index:
        out["ruleIndex"] = index[f.rule]
    loc = f.location
    if loc is not None and loc.path is not None:
        physical: dict[str, Any] = {
            "artifactLocation": {"uri": options.ci_path(loc.path), "uriBaseId": "%SRCROOT%"}
        }
        if loc.line is not None:
            region: dict[str, Any] = {"startLine": loc.line}
            if loc.column is not None:
                region["startColumn"] = loc.column
            physical["region"] = region
        out["locations"] = [{"physicalLocation": physical}]
    elif loc is not None and loc.uri is not None:
        # A live database: an absolute db:// URI (no %SRCROOT%) and the object it names.
        location: dict[str, Any] = {
            "physicalLocation": {"artifactLocation": {"uri": quote(loc.uri, safe=_URI_SAFE)}}
        }
        name = ".".join(p for p in (loc.table, loc.column_name) if p)
        if name:
            location["logicalLocations"] = [
                {
                    "name": loc.column_name or name,
                    "fullyQualifiedName": name,
                    "kind": "column" if loc.column_name else "table",
                }
            ]
        out["locations"] = [location]
    if f.suppressed is not None:
        out["suppressions"] = [{"kind": "external", "justification": f.suppressed}]
    return out


class SarifReporter(Reporter):
    """`--format sarif`."""

    format = "sarif"

    def render(self, result: AuditResult, options: RenderOptions) -> str:
        """One run with the rule table and every finding (suppressed ones marked as such)."""
        rules = [
            {
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.summary},
                "help": {"text": r.doc, "markdown": r.doc},
                "helpUri": HELP_URI.format(code=r.code.lower()),
                "defaultConfiguration": {"level": _LEVEL[r.severity]},
            }
            for r in result.rules
        ]
        index = {r.code: i for i, r in enumerate(result.rules)}
        log = {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "cnsnt",
                            "version": __version__,
                            "informationUri": "https://github.com/cnsnt/cnsnt",
                            "rules": rules,
                        }
                    },
                    "originalUriBaseIds": {"%SRCROOT%": {"uri": "./"}},
                    "results": [
                        _result(f, index, options) for f in (*result.findings, *result.suppressed)
                    ],
                }
            ],
        }
        return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
