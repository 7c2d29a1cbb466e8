"""Gather evidence from every source a policy names; one broken source never stops the rest."""

from __future__ import annotations

import importlib
import traceback
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.evidence import Evidence, SourceProblem
from cnsnt.model import Location
from cnsnt.policy.model import Policy, SourceSpec
from cnsnt.redact import redact, register_env_references
from cnsnt.sources.base import (
    BudgetSpent,
    Deadline,
    Limits,
    Reader,
    SourceContext,
    budget_message,
    deepest_bracket,
    expand,
    line_col,
    read_text,
    time_budget,
)
from cnsnt.sources.forms.names import qualify_form_names
from cnsnt.sources.forms.symfony_views import settle_rendered_forms
from cnsnt.sources.schemas.model_keys import resolve_model_keys

#: Source kind -> "module:function" of its reader, imported only when used.
READERS: dict[str, str] = {
    "schemas": "cnsnt.sources.schemas.reader:read_schema",
    "forms": "cnsnt.sources.forms.reader:read_forms",
    "queries": "cnsnt.sources.queries.reader:read_queries",
}
#: Kinds whose entries are read as a whole: which reader gets which of the entry's files
#: (a migrations folder is one script; ORM models inherit across files).
PLANNERS: dict[str, str] = {"schemas": "cnsnt.sources.schemas.reader:plan_schemas"}
#: Kinds read first: queries resolve columns against the tables they found.
ORDER = ("schemas", "databases", "forms", "queries")


#: Reads a group of files of one entry at once.
GroupReader = Callable[[list[Path], SourceSpec, SourceContext], Evidence]
#: Splits an entry's files into groups, each with the reader for it.
Planner = Callable[[list[Path], SourceSpec], list[tuple[GroupReader, list[Path]]]]


def _reader(kind: str) -> Reader:
    module, _, func = READERS[kind].partition(":")
    reader: Reader = getattr(importlib.import_module(module), func)
    return reader


def _planner(kind: str) -> Planner:
    module, _, func = PLANNERS[kind].partition(":")
    planner: Planner = getattr(importlib.import_module(module), func)
    return planner


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
    seen: set[tuple[str, str, Path]] = set()
    schema_files: list[tuple[Path, SourceSpec]] = []
    # every file entry's files, found once: a file two paths reach (a symlink) is read under its own name
    expanded = {i: expand(s, ctx) for i, s in enumerate(specs) if s.kind in READERS and s.kind != "queries"}
    linked = _reached_through_links(specs, expanded, ctx.base_dir)
    form_files = [p for i, spec in enumerate(specs) if spec.kind == "forms" for p in expanded[i][0]]
    if form_files:  # a Blade partial asks whether the templates that include it are read
        ctx.memo["forms:read"] = frozenset(p.resolve() for p in form_files)  # blade_includes.FORMS_READ

    def read(reader: Reader, path: Path, spec: SourceSpec) -> None:
        shown = ctx.shown(path)
        if on_source is not None:
            on_source(shown)
        evidence.merge(_read_one(reader, path, shown, spec, ctx, debug, group=[path]))

    def read_group(group_reader: GroupReader, group: list[Path], spec: SourceSpec) -> None:
        shown = ctx.shown(group[0]) if len(group) == 1 else spec.pattern
        if on_source is not None:
            for path in group:
                on_source(ctx.shown(path))

        def whole(_path: Path, spec: SourceSpec, ctx: SourceContext) -> Evidence:
            return group_reader(group, spec, ctx)

        fallback = None if len(group) == 1 else spec.location
        evidence.merge(_read_one(whole, group[0], shown, spec, ctx, debug, fallback, group))

    keyed = False
    for index, spec in enumerate(specs):
        if spec.kind != "schemas" and not keyed:  # every schema entry read: keys across them
            resolve_model_keys(evidence.tables)
            keyed = True
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
        paths, problems = expanded[index]
        evidence.problems.extend(problems)
        fresh: list[Path] = []
        for path in paths:
            # Overlapping globs (`*.sql` and `s.sql`), symlink loops, or a symlink to a file
            # another entry names: read a file once for each format (Gogs's models are GORM's
            # and xorm's in one file, read by both); the SQL formats are one. A file reached
            # under its own name too is read there, not through the link.
            key = (spec.kind, _reading(spec), path.resolve())
            if key in seen or (key in linked and _through_link(path, ctx.base_dir)):
                continue
            seen.add(key)
            fresh.append(path)
        if spec.kind == "schemas":
            schema_files.extend((path, spec) for path in fresh)
        if spec.kind in PLANNERS:
            for group_reader, group in _planner(spec.kind)(fresh, spec):
                read_group(group_reader, group, spec)
            continue
        reader = _reader(spec.kind)
        for path in fresh:
            read(reader, path, spec)
    if not keyed:
        resolve_model_keys(evidence.tables)
    if schema_files:  # patches beside the schema that no entry reads: their columns are named (review35 D1)
        from cnsnt.sources.schemas.unread_patches import unread_patches

        evidence.problems.extend(unread_patches(schema_files, evidence.tables, ctx))
    query_specs = [s for s in specs if s.kind == "queries"]
    read_paths = {p for _, _, p in seen}
    plan: list[tuple[Path, SourceSpec]] = []
    if query_specs:
        from cnsnt.sources.queries.reader import plan_query_sources

        noted = len(evidence.problems)
        plan, problems = plan_query_sources(query_specs, ctx)
        evidence.problems.extend(problems)
        reader = _reader("queries")
        before = len(evidence.queries)
        for path, spec in plan:
            read_paths.add(path.resolve())
            read(reader, path, spec)
        if len(evidence.queries) == before:
            # nothing to tell "never read" by: CN401 would flag every personal column
            evidence.empty.add("queries")
            if len(evidence.problems) == noted:  # read whole, no CN001: they hold no query
                evidence.held_none.add("queries")
    _read_stored_code(schema_files, {p.resolve() for p, _ in plan}, read)
    _drop_notes_on_read_scripts(evidence, read_paths)
    settle_rendered_forms(evidence)  # whole Symfony forms in Twig: read from their form types
    qualify_form_names(evidence)  # two files' forms never share a name taken from their files
    return evidence


def _reached_through_links(
    specs: list[SourceSpec], expanded: dict[int, tuple[list[Path], list[SourceProblem]]], base: Path
) -> set[tuple[str, str, Path]]:
    """The (kind, reading, file) keys reached through a symlink and under the file's own name too."""
    reached: dict[tuple[str, str, Path], set[Path]] = defaultdict(set)
    for index, (paths, _) in expanded.items():
        spec = specs[index]
        for path in paths:
            reached[(spec.kind, _reading(spec), path.resolve())].add(path)
    return {
        key
        for key, paths in reached.items()
        if len(paths) > 1 and any(not _through_link(p, base) for p in paths)
    }


def _through_link(path: Path, base: Path) -> bool:
    """Whether a path reaches its file through a symlink: the file's, or a folder's below `base`."""
    try:
        parts = path.relative_to(base).parts
    except ValueError:
        return path.is_symlink()
    here = base
    for part in parts:
        here = here / part
        if here.is_symlink():
            return True
    return False


#: Schema formats that all read a `.sql` file's DDL: a file two of them reach is read once.
_SQL_FORMATS = frozenset({"", "ddl", "migrations"})


def _reading(spec: SourceSpec) -> str:
    """How an entry reads its files, for reading each once: its format, the SQL ones as one.

    paheko's `src/include/data/*.sql` (`format: migrations`) takes `schema.sql`, a symlink
    to `migrations/1.3/schema.sql`, which another entry names: read by both, its tables
    were defined twice and each of their findings was reported twice.
    """
    fmt = (spec.format or "").lower()
    return "" if spec.kind == "schemas" and fmt in _SQL_FORMATS else fmt


def _drop_notes_on_read_scripts(evidence: Evidence, read_paths: set[Path]) -> None:
    r"""Drop the note on a SQL*Plus `@script` line (a Pug include's problem) when that file is a source too.

    Its tables and statements are audited then, so the note would be noise; it stays
    for a script that is not read (the user may have to add it). Names are compared
    ignoring case: such scripts were often written on Windows (`@@Table\PEOPLE.sql`).
    """
    if any(p.includes for p in evidence.problems):
        read = {str(p).casefold() for p in read_paths}
        evidence.problems = [
            p
            for p in evidence.problems
            if not (p.includes and read.intersection(str(i).casefold() for i in p.includes))
        ]


def _read_stored_code(
    schema_files: list[tuple[Path, SourceSpec]],
    queried: set[Path],
    read: Callable[[Reader, Path, SourceSpec], None],
) -> None:
    """The statements inside the routines of SQL schema files, audited as queries.

    After the tables of every schema are known; a file also read as a query file is not
    read again.
    """
    if not schema_files:
        return
    from cnsnt.sources.queries.reader import read_stored_code
    from cnsnt.sources.schemas.reader import stored_code_files

    for path, spec in stored_code_files(schema_files):
        if path.resolve() not in queried:
            read(read_stored_code, path, spec)


def _read_one(
    reader: Reader,
    path: Path,
    shown: str,
    spec: SourceSpec,
    ctx: SourceContext,
    debug: bool,
    fallback: Location | None = None,
    group: list[Path] | None = None,
) -> Evidence:
    seconds = ctx.limits.source_seconds
    ctx.deadline = Deadline(seconds, shown)
    try:
        with time_budget(seconds):
            return reader(path, spec, ctx)
    except BudgetSpent:
        return Evidence(problems=[SourceProblem(budget_message(seconds), Location(shown), shown)])
    except SourceError as exc:
        location = exc.location or fallback or Location(shown)
        return Evidence(problems=[SourceProblem(exc.message, location, shown)])
    except RecursionError:
        if debug:
            raise
        return Evidence(problems=[_too_deep(group or [path], ctx)])
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
                    fallback or Location(shown),
                    shown,
                )
            ]
        )
    finally:
        ctx.deadline = None


def _too_deep(paths: list[Path], ctx: SourceContext) -> SourceProblem:
    """A reader that recursed deeper than Python goes: said at the file, where it nests deepest.

    A reader of one file names it; one that reads an entry's files together (and loses
    them all) names the file whose brackets nest deepest, never the policy's entry.
    """
    best: tuple[int, str, int, int] | None = None
    for path in paths:
        shown = ctx.shown(path)
        try:
            text = read_text(path, shown, limits=ctx.limits)
        except SourceError:
            continue
        depth, offset = deepest_bracket(text)
        if best is None or depth > best[0]:
            best = (depth, shown, *line_col(text, offset))
    if best is None:
        shown = ctx.shown(paths[0])
        best = (0, shown, 1, 1)
    depth, shown, line, column = best
    where = Location(shown, line, column) if depth > 1 else Location(shown)
    lost = "this file is not read" if len(paths) == 1 else (
        f"the {len(paths)} files of this entry are read together and none is read; this one nests deepest"
    )
    return SourceProblem(
        f"nested too deeply for cnsnt's reader (deeper than Python's recursion goes): {lost}", where, shown
    )


def _read_database(spec: SourceSpec, ctx: SourceContext, debug: bool) -> Evidence:
    from cnsnt.sources.databases.live import read_database

    try:
        return read_database(spec, ctx)
    except SourceError as exc:
        return Evidence(
            problems=[SourceProblem(redact(exc.message), exc.location or spec.location, "database")]
        )
    except Exception as exc:  # noqa: BLE001 - one broken source must not stop the audit
        if debug:
            raise
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return Evidence(
            problems=[
                SourceProblem(
                    redact(
                        f"internal error while reading this database ({type(exc).__name__}: {exc}; "
                        f"at {Path(where.filename).name}:{where.lineno}); please report it, "
                        "run with --debug for the traceback"
                    ),
                    spec.location,
                    "database",
                )
            ]
        )


def collect_evidence(
    policy: Policy,
    *,
    dialect: str | None = None,
    jobs: int = 0,
    databases: Iterable[str] = (),
    sample: int = 0,
    progress: Callable[[str, int, int], None] | None = None,
    on_source: Callable[[str], None] | None = None,
    debug: bool = False,
    limits: Limits | None = None,
    chunk_chars: int = 1 << 20,
    log_ranges: int = 0,
) -> Evidence:
    """Read every source of a loaded policy and the `--db` databases.

    What audit, inventory and init share: one context, secrets in `--db` URLs registered
    for redaction, and a bad `--db` URL a usage error before anything is read.
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
    from cnsnt.sql.ddl import reuse_results  # here: sqlglot is imported only when SQL is read

    with reuse_results():  # a schema kept in several copies is read once
        return collect(policy, ctx, extra=extra, debug=debug, on_source=on_source)
