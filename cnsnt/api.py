"""The library entry points the CLI and tests call: audit, render, explain, fingerprint."""

from __future__ import annotations

import datetime as dt
import functools
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
from cnsnt.sources.base import Limits, SourceContext
from cnsnt.sql.fingerprint import Fingerprinter

POLICY_SUFFIXES = (".yaml", ".yml")


def resolve_policy_path(path: Path | None, policy: Path | None) -> Path:
    """The policy to load: `--policy`, else PATH if it is a file, else `cnsnt.yaml` in PATH."""
    if policy is not None:
        return policy
    start = path or Path(".")
    if start.is_file():
        if start.suffix.lower() not in POLICY_SUFFIXES:
            raise UsageError(
                f"{start.as_posix()} is not a policy: cnsnt audits a project, so give its directory "
                "or its cnsnt.yaml (or none: cnsnt finds cnsnt.yaml by walking up from here). "
                "List schema, form and SQL files under `sources:` in the policy; in pre-commit "
                "use `pass_filenames: false`"
            )
        return start
    if path is None:
        from cnsnt.config import find_project

        project = find_project(Path.cwd())
        if project is not None and project.policy is not None:
            return project.policy
    found = find_policy(start)
    if found is None:
        where = (
            "no cnsnt.yaml here or in any parent directory, and no [tool.cnsnt] policy in a "
            "pyproject.toml"
            if path is None
            else f"{start.as_posix()} has no cnsnt.yaml"
        )
        raise UsageError(
            f"no policy found: {where} "
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
    sample: int = 0,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    on_source: Callable[[str], None] | None = None,
    debug: bool = False,
    today: dt.date | None = None,
    limits: Limits | None = None,
    chunk_chars: int = 1 << 20,
    log_ranges: int = 0,
) -> AuditResult:
    """Collect all evidence for a loaded policy, run the rules, return the result.

    `chunk_chars` and `log_ranges` only say how streamed files are cut up; the
    result never depends on them (tests vary them to prove it).
    """
    ctx = SourceContext(
        base_dir=policy.base_dir,
        dialect=dialect,
        jobs=jobs,
        progress=progress,
        policy_purposes=tuple(policy.purposes),
        roles=dict(policy.roles),
        sample=sample,
        limits=limits or Limits(),
        chunk_chars=chunk_chars,
        log_ranges=log_ranges,
    )
    databases = list(databases)
    for url in databases:
        register_env_references(url)
    if databases:
        from cnsnt.sources.databases.live import check_url

        for url in databases:
            check_url(url, Path("."))
    extra = [
        SourceSpec(kind="databases", pattern=url, base_dir=Path("."), location=Location("--db"))
        for url in databases
    ]
    evidence = collect(policy, ctx, extra=extra, debug=debug, on_source=on_source)
    findings, suppressed, skipped = run_rules(
        policy, evidence, preset=preset, select=select, today=today, ignore=ignore
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


@functools.lru_cache(maxsize=16)
def _fingerprinter(dialect: str | None) -> Fingerprinter:
    return Fingerprinter(dialect)


def fingerprint(statement: str | bytes, dialect: str | None = None) -> str:
    """The normalised shape of one SQL statement: the key cnsnt groups query logs by.

    Literals (strings, numbers, `$1` placeholders) become `?`, IN-lists and
    multi-row VALUES fold to one item, comments go, whitespace runs become one
    space and unquoted text is lower-cased; quoted identifiers are kept. Two
    statements share a fingerprint only when they differ in those alone, so a
    log can be digested anywhere (a Spark job, a warehouse UDF) into one row
    per fingerprint with a count and one sample text, and cnsnt reads that
    (`format: shapes`) as it reads the whole log. `dialect` is a sqlglot dialect
    name (it decides backslash escapes, `#` comments and dollar quotes); the
    result is stable within a cnsnt minor version. Lexing only: nothing is
    parsed or run. An empty result means the text holds no statement.

    >>> fingerprint("SELECT email FROM customers WHERE id = 42 AND name IN ('a', 'b')")
    'select email from customers where id = ? and name in (?)'
    """
    raw = statement if isinstance(statement, bytes) else statement.encode("utf-8", "surrogatepass")
    return _fingerprinter(dialect).fingerprint(raw).decode("utf-8", "surrogateescape")
