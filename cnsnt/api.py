"""The library entry points the CLI and tests call: audit, render, explain."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from cnsnt.classify import explain as explain_verdict
from cnsnt.collect import collect
from cnsnt.engine import rule_meta, run_rules
from cnsnt.errors import UsageError
from cnsnt.model import AuditResult, Location
from cnsnt.policy.loader import find_policy, load_policy
from cnsnt.policy.model import Policy, SourceSpec
from cnsnt.rules import all_rules
from cnsnt.sources.base import SourceContext


def resolve_policy_path(path: Path | None, policy: Path | None) -> Path:
    """The policy to load: `--policy`, else PATH if it is a file, else `cnsnt.yaml` in PATH."""
    if policy is not None:
        return policy
    start = path or Path(".")
    if start.is_file():
        return start
    found = find_policy(start)
    if found is None:
        raise UsageError(
            f"no policy found: {start.as_posix()} has no cnsnt.yaml "
            "(name one with --policy; see the README for a starting policy)"
        )
    return found


def audit(
    policy: Policy,
    *,
    dialect: str | None = None,
    jobs: int = 0,
    preset: str | None = None,
    databases: Iterable[str] = (),
    select: Iterable[str] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    on_source: Callable[[str], None] | None = None,
    debug: bool = False,
    today: dt.date | None = None,
) -> AuditResult:
    """Collect all evidence for a loaded policy, run the rules, return the result."""
    ctx = SourceContext(
        base_dir=policy.base_dir,
        dialect=dialect,
        jobs=jobs,
        progress=progress,
        policy_purposes=tuple(policy.purposes),
        roles=dict(policy.roles),
    )
    extra = [
        SourceSpec(kind="databases", pattern=url, base_dir=Path("."), location=Location("--db"))
        for url in databases
    ]
    evidence = collect(policy, ctx, extra=extra, debug=debug, on_source=on_source)
    findings, suppressed, skipped = run_rules(
        policy, evidence, preset=preset, select=select, today=today
    )
    counts = dict(sorted(evidence.counts.items()))
    return AuditResult(
        policy_path=policy.path,
        findings=tuple(findings),
        suppressed=tuple(suppressed),
        skipped=tuple(skipped),
        sources=counts,
        rules=tuple(rule_meta(r) for r in all_rules()),
    )


def audit_path(
    path: Path | None = None, *, policy: Path | None = None, **options: object
) -> AuditResult:
    """Load the policy for PATH and audit it (convenience for scripts and tests)."""
    loaded = load_policy(resolve_policy_path(path, policy))
    return audit(loaded, **options)  # type: ignore[arg-type]


def explain_column(
    subject: str,
    path: Path | None = None,
    *,
    policy: Path | None = None,
    dialect: str | None = None,
) -> list[str]:
    """The classifier's whole reasoning for one column of the project's schema sources.

    `subject` is `table.column` (or `schema.table.column`); every table of the schema
    sources is read, since a link to a people table may sit in another file. One
    block per matching column: where it is defined, the table's verdict with its
    evidence, then the column's verdict and reason. Raises `UsageError` when no
    schema source defines such a column.
    """
    loaded = load_policy(resolve_policy_path(path, policy))
    schemas = tuple(s for s in loaded.sources if s.kind in ("schemas", "databases"))
    ctx = SourceContext(base_dir=loaded.base_dir, dialect=dialect)
    evidence = collect(dataclasses.replace(loaded, sources=schemas), ctx)
    want = subject.casefold()
    lines: list[str] = []
    for table in evidence.tables:
        for column in table.columns:
            key = column.key.casefold()
            short = f"{column.table}.{column.name}".casefold()
            if want not in (key, short):
                continue
            where = column.location
            place = f"{where.path}:{where.line}:{where.column}" if where.path else column.source
            if lines:
                lines.append("")
            lines.append(f"{column.key} ({place})")
            lines.extend(f"  {line}" for line in explain_verdict(evidence.tables, table, column))
    if not lines:
        read = len(evidence.tables)
        problems = len(evidence.problems)
        trouble = (
            f"; {problems} problem{'s' if problems != 1 else ''} reading them (see cnsnt audit)"
            if problems
            else ""
        )
        raise UsageError(
            f"no column {subject!r} in the schema sources of {loaded.path} "
            f"({read} table{'s' if read != 1 else ''} read{trouble}); write it as TABLE.COLUMN"
        )
    return lines
