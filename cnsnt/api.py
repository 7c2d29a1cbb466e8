"""The library entry points the CLI and tests call: audit, render, explain."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from cnsnt.collect import collect
from cnsnt.engine import rule_meta, run_rules
from cnsnt.errors import UsageError
from cnsnt.model import AuditResult, Location
from cnsnt.policy.loader import find_policy, load_policy
from cnsnt.policy.model import Policy, SourceSpec
from cnsnt.redact import register_env_references
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
    databases = tuple(databases)
    for url in databases:
        register_env_references(url)
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
