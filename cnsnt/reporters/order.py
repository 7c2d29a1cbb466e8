"""The order the text and HTML reports list findings in: unread sources first.

A starter policy gives a hundred "fill in the policy" findings; the one error that says a
schema file stopped parsing halfway (its tables from there on not audited) was line 183
of a 200-line report (review23 D7). So a source with a part that could not be read (a
CN001 error) is listed first, and that finding first in it. The JSON report keeps its
order (`Finding.sort_key`), which tools may rely on.
"""

from __future__ import annotations

from collections.abc import Iterable

from cnsnt.model import Finding, Severity
from cnsnt.reporters.base import group_of


def unread(finding: Finding) -> bool:
    """A source, or part of one that may hold data, that could not be read (a CN001 error)."""
    return finding.rule == "CN001" and finding.severity is Severity.ERROR


def report_order(findings: Iterable[Finding]) -> list[Finding]:
    """Findings grouped by source: sources with an unread part first, that part first in them.

    Otherwise by source name and place, as before: deterministic.
    """
    items = list(findings)
    first = {group_of(f) for f in items if unread(f)}
    return sorted(items, key=lambda f: (group_of(f) not in first, group_of(f), not unread(f), f.sort_key()))


def unread_places(findings: Iterable[Finding]) -> list[str]:
    """The sources (files, `db://` databases) with an unread part, sorted."""
    return sorted({group_of(f) for f in findings if unread(f)})
