"""Baselines: accept today's findings so CI fails only on new ones."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from pathlib import Path

from cnsnt.errors import UsageError
from cnsnt.model import AuditResult, Finding, Location

FORMAT = "cnsnt-baseline-1"


def baseline_text(findings: Iterable[Finding]) -> str:
    """The baseline file for these findings (sorted, so it diffs cleanly)."""
    entries = sorted(
        {
            (f.fingerprint(), f.rule, f.subject, str(f.location) if f.location else "")
            for f in findings
        }
    )
    data = {
        "format": FORMAT,
        "findings": [
            {"fingerprint": fp, "rule": rule, "subject": subject, "location": where}
            for fp, rule, subject, where in entries
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def read_baseline(path: Path) -> set[str]:
    """Fingerprints in a baseline file; a bad file is a usage error naming it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot read baseline {path}: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        where = Location(str(path), getattr(exc, "lineno", None), getattr(exc, "colno", None))
        raise UsageError(f"{where}: not a cnsnt baseline (invalid JSON)") from None
    except (ValueError, RecursionError):
        raise UsageError(f"{path}: not a cnsnt baseline (unreadable JSON)") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise UsageError(f'{path}: not a cnsnt baseline (expected "format": "{FORMAT}")')
    entries = data.get("findings", [])
    if not isinstance(entries, list):
        raise UsageError(f'{path}: not a cnsnt baseline ("findings" must be a list)')
    return {
        e["fingerprint"]
        for e in entries
        if isinstance(e, dict) and isinstance(e.get("fingerprint"), str)
    }


def apply_baseline(result: AuditResult, known: set[str]) -> AuditResult:
    """Move findings already in the baseline to the suppressed list."""
    new: list[Finding] = []
    old: list[Finding] = []
    for f in result.findings:
        (old if f.fingerprint() in known else new).append(f)
    suppressed = sorted(
        [*result.suppressed, *(dataclasses.replace(f, suppressed="in baseline") for f in old)],
        key=Finding.sort_key,
    )
    return dataclasses.replace(result, findings=tuple(new), suppressed=tuple(suppressed))
