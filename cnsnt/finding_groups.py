"""Findings of one kind, told once: a draft's stderr is a to-do list, not a listing.

A fresh starter has the same few gaps in every data entry (no purpose, no retention, no
label in the notice's language), so `cnsnt notice --draft` printed one line per entry:
186 lines for a 52-entry project. Findings of the same severity and rule whose messages
differ only in the entry they name are one kind; the first stands for the rest, which are
counted and the first few named. A refused notice folds them too: its 105 lines on a
38-entry starter (review33 R33a) were the first thing a new user saw.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from cnsnt.model import Finding

#: How many of a fold's other entries its line names (`password, address, city and 12 more`).
SHOWN = 3


@dataclass(frozen=True)
class Fold:
    """Findings of one kind: the first, how many there are, and the entries the others name."""

    first: Finding
    count: int
    others: tuple[str, ...]
    """The entries (or subjects) the other findings name, in order, each once."""

    def more(self) -> str:
        """What follows the first finding's line: `(and 15 more like it: a, b, c and 12 more)`."""
        if self.count <= 1:
            return ""
        shown = ", ".join(self.others[:SHOWN])
        if len(self.others) > SHOWN:
            shown += f" and {len(self.others) - SHOWN} more"
        return f" (and {self.count - 1} more like it{': ' + shown if shown else ''})"


def _names(finding: Finding) -> list[str]:
    """The entry and the subject a finding names (`data.email` -> `email`), those it has."""
    names = []
    if finding.policy_entry and "." in finding.policy_entry:
        names.append(finding.policy_entry.split(".", 1)[1])
    if ":" in finding.subject:
        names.append(finding.subject.split(":", 1)[1])
    return [name for name in names if name]


def kind(finding: Finding) -> tuple[str, str, str]:
    """Severity, rule and the message with the entry (or subject) it names masked."""
    message = finding.message
    for name in _names(finding):
        if name:
            message = re.sub(rf"(?<![\w]){re.escape(name)}(?![\w])", "\0", message)
    return finding.severity.value, finding.rule, message


def group_alike(findings: Iterable[Finding]) -> list[tuple[Finding, int]]:
    """Each kind's first finding and how many findings are of its kind, in first-seen order."""
    return [(f.first, f.count) for f in fold_alike(findings)]


def fold_alike(findings: Iterable[Finding]) -> list[Fold]:
    """Each kind's fold, in first-seen order: its first finding, a count, the others' entries."""
    first: dict[tuple[str, str, str], Finding] = {}
    counts: dict[tuple[str, str, str], int] = {}
    others: dict[tuple[str, str, str], dict[str, None]] = {}
    for finding in findings:
        key = kind(finding)
        counts[key] = counts.get(key, 0) + 1
        if first.setdefault(key, finding) is not finding:
            named = _names(finding)
            if named:
                others.setdefault(key, {})[named[0]] = None
    return [Fold(first[key], counts[key], tuple(others.get(key, {}))) for key in first]
