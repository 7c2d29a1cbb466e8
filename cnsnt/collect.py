"""Gather evidence from every source a policy names; one broken source never stops the rest."""

from __future__ import annotations

import importlib
import traceback
from collections.abc import Callable
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.evidence import Evidence, SourceProblem
from cnsnt.model import Location
from cnsnt.policy.model import Policy, SourceSpec
from cnsnt.redact import redact
from cnsnt.sources.base import (
    BudgetSpent,
    Deadline,
    Reader,
    SourceContext,
    budget_message,
    expand,
    time_budget,
)

#: Source kind -> "module:function" of its reader, imported only when used.
READERS: dict[str, str] = {
    "schemas": "cnsnt.sources.schemas.ddl:read_ddl",
    "forms": "cnsnt.sources.forms.reader:read_forms",
    "queries": "cnsnt.sources.queries.reader:read_queries",
}
#: Kinds read first: queries resolve columns against the tables they found.
ORDER = ("schemas", "databases", "forms", "queries")


def _reader(kind: str) -> Reader:
    module, _, func = READERS[kind].partition(":")
    reader: Reader = getattr(importlib.import_module(module), func)
    return reader


def collect(
    policy: Policy,
    ctx: SourceContext,
    *,
    extra: list[SourceSpec] | None = None,
    debug: bool = False,
    on_source: Callable[[str], None] | None = None,
) -> Evidence:
    """Read every source; failures become CN001 problems with their location."""
    evidence = Evidence()
    specs = sorted(
        [*policy.sources, *(extra or [])],
        key=lambda s: ORDER.index(s.kind) if s.kind in ORDER else 9,
    )
    # Query sources resolve columns against these; merge() extends this same list.
    ctx.tables = evidence.tables
    seen: set[tuple[str, Path]] = set()

    def read(reader: Reader, path: Path, spec: SourceSpec) -> None:
        shown = ctx.shown(path)
        if on_source is not None:
            on_source(shown)
        evidence.merge(_read_one(reader, path, shown, spec, ctx, debug))

    for spec in specs:
        evidence.audited.add(spec.kind)
        if spec.kind == "queries":
            continue  # read together below: overlapping entries must read a file once
        if spec.kind == "databases":
            evidence.merge(_read_database(spec, ctx, debug))
            continue
        if spec.kind not in READERS:
            evidence.problems.append(
                SourceProblem(
                    f"no reader for sources of kind '{spec.kind}'", spec.location, spec.pattern
                )
            )
            continue
        paths, problems = expand(spec, ctx)
        evidence.problems.extend(problems)
        reader = _reader(spec.kind)
        for path in paths:
            # Overlapping globs (`*.sql` and `s.sql`) or symlink loops: read a file once.
            key = (spec.kind, path.resolve())
            if key in seen:
                continue
            seen.add(key)
            read(reader, path, spec)
    query_specs = [s for s in specs if s.kind == "queries"]
    if query_specs:
        from cnsnt.sources.queries.reader import plan_query_sources

        plan, problems = plan_query_sources(query_specs, ctx)
        evidence.problems.extend(problems)
        reader = _reader("queries")
        for path, spec in plan:
            read(reader, path, spec)
    return evidence


def _read_one(
    reader: Reader, path: Path, shown: str, spec: SourceSpec, ctx: SourceContext, debug: bool
) -> Evidence:
    seconds = ctx.limits.source_seconds
    ctx.deadline = Deadline(seconds, shown)
    try:
        with time_budget(seconds):
            return reader(path, spec, ctx)
    except BudgetSpent:
        return Evidence(problems=[SourceProblem(budget_message(seconds), Location(shown), shown)])
    except SourceError as exc:
        location = exc.location or Location(shown)
        return Evidence(problems=[SourceProblem(exc.message, location, shown)])
    except Exception as exc:  # noqa: BLE001 - one broken source must not stop the audit
        if debug:
            raise
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return Evidence(
            problems=[
                SourceProblem(
                    f"internal error while reading this source ({type(exc).__name__}: {exc}; "
                    f"at {Path(where.filename).name}:{where.lineno}); please report it, "
                    f"run with --debug for the traceback",
                    Location(shown),
                    shown,
                )
            ]
        )
    finally:
        ctx.deadline = None


def _read_database(spec: SourceSpec, ctx: SourceContext, debug: bool) -> Evidence:
    try:
        module = importlib.import_module("cnsnt.sources.databases.live")
    except ModuleNotFoundError:
        return Evidence(
            problems=[
                SourceProblem(
                    "live databases are not supported by this version of cnsnt yet; "
                    "audit a schema dump with sources.schemas instead",
                    spec.location,
                    spec.pattern,
                )
            ]
        )
    reader: Callable[[SourceSpec, SourceContext], Evidence] = module.read_database
    try:
        return reader(spec, ctx)
    except SourceError as exc:
        return Evidence(
            problems=[SourceProblem(redact(exc.message), exc.location or spec.location, "database")]
        )
