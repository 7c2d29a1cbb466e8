"""Findings of one kind, told once: a draft's stderr is a to-do list, not a listing.

A fresh starter has the same few gaps in every data entry (no purpose, no retention, no
label in the notice's language), so `cnsnt notice --draft` printed one line per entry:
186 lines for a 52-entry project. Findings of the same severity and rule whose messages
differ only in the entry they name are one kind; the first stands for the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cnsnt.model import Finding


def kind(finding: Finding) -> tuple[str, str, str]:
    """Severity, rule and the message with the entry (or subject) it names masked."""
    message = finding.message
    names = []
    if finding.policy_entry and "." in finding.policy_entry:
        names.append(finding.policy_entry.split(".", 1)[1])
    if ":" in finding.subject:
        names.append(finding.subject.split(":", 1)[1])
    for name in names:
        if name:
            message = re.sub(rf"(?<![\w]){re.escape(name)}(?![\w])", "\0", message)
    return finding.severity.value, finding.rule, message


def group_alike(findings: Iterable[Finding]) -> list[tuple[Finding, int]]:
    """Each kind's first finding and how many findings are of its kind, in first-seen order."""
    first: dict[tuple[str, str, str], Finding] = {}
    counts: dict[tuple[str, str, str], int] = {}
    for finding in findings:
        key = kind(finding)
        first.setdefault(key, finding)
        counts[key] = counts.get(key, 0) + 1
    return [(first[key], counts[key]) for key in first]
