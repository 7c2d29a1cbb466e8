"""Query sources: `.sql` files, plain query logs and pg_stat_statements exports.

`read_queries` is the reader for `sources.queries`. Every format produces
statement *occurrences*; they are grouped by fingerprint and attribution
(purpose, role, inline ignores) before anything is parsed, so a log line
repeated a million times is parsed once. Unique shapes are then resolved
against the audited schema by sqlglot, in parallel when there are many.

Purpose attribution, most specific first: a `-- cnsnt: purpose=NAME` comment
before (or inside) the statement; the same comment as the file's first
comment (whole file); the database role's purposes from the policy's
`roles:` map; the source entry's `purpose:`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from cnsnt.evidence import Evidence, Query, SourceProblem, Table
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext, WorkerPool
from cnsnt.sql.ddl import oversize_message
from cnsnt.sql.managed_tables import MANAGED_FIX, managed_table
from cnsnt.sql.uses import (
    ProblemKind,
    QuerySchema,
    StatementUses,
    TableSpec,
    analyse,
    table_specs,
)

FORMATS = ("sql", "lines", "pg_stat_statements", "java", "mybatis")
#: Below this many unique shapes a worker pool costs more than it saves: starting one (a
#: fork, and each worker building the schema again) cost about 0.1 s of CPU, as much as
#: reading some thousand simple shapes here (e-admin/alsigm: 46 files of 25 to 585 shapes
#: each took 6.0 s of CPU in pools, 0.8 s without).
POOL_THRESHOLD = 1024
_BATCH = 8
_TEXT_LIMIT = 240
_DATA_KINDS = frozenset({"select", "insert", "update", "delete", "merge", "create"})

# Annotations. Linear: each starts at a fixed word; every run is possessive and followed
# by a character it cannot hold (a name by `,`/blank/end, a code by `\b`), so none is
# given back or re-read.
_DIRECTIVE = re.compile(r"\bcnsnt:\s*+(.*+)", re.I)
_PURPOSE = re.compile(r"purpose\s*+=\s*+([\w.\-]++(?>(?:\s*+,\s*+[\w.\-]++)*))\s*+$", re.I)
_IGNORE = re.compile(r"ignore\s++((?:CN\d{3})(?>(?:\s*+,\s*+CN\d{3}\b)*))\b\s*+(.*+)$", re.I)


# --------------------------------------------------------------------------- annotations


@dataclass(frozen=True)
class Annotation:
    """What `cnsnt:` comments said about one statement."""

    purposes: tuple[str, ...] = ()
    ignores: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Note:
    """A problem with an annotation, found while reading (line, message)."""

    line: int
    message: str
    error: bool = False
    """An error (an unreadable statement), not an annotation warning."""


def parse_directives(comments: Iterable[tuple[int, str]]) -> tuple[Annotation, list[Note]]:
    """Read `cnsnt:` directives from comment bodies given with their lines."""
    purposes: list[str] = []
    ignores: list[tuple[str, str]] = []
    notes: list[Note] = []
    for line, body in comments:
        for offset, text in enumerate(body.splitlines()):
            m = _DIRECTIVE.search(text)
            if m is None:
                continue
            directive = m.group(1).strip().rstrip("*/").strip()
            where = line + offset
            p = _PURPOSE.match(directive)
            if p:
                purposes.extend(x.strip() for x in p.group(1).split(","))
                continue
            i = _IGNORE.match(directive)
            if i:
                codes = [c.strip().upper() for c in i.group(1).split(",")]
                reason = i.group(2).strip()
                if not reason:
                    notes.append(Note(where, f"'cnsnt: ignore {', '.join(codes)}' needs a reason "
                                             "after the rule code; the suppression is not applied"))
                    continue
                ignores.extend((c, reason) for c in codes)
                continue
            notes.append(Note(where, f"unknown cnsnt annotation '{directive}': expected "
                                     "'purpose=NAME' or 'ignore CODE reason'"))
    return Annotation(tuple(dict.fromkeys(purposes)), tuple(ignores)), notes


# --------------------------------------------------------------------------- occurrences


@dataclass(frozen=True)
class ShapeKey:
    """What makes two occurrences the same `Query`: shape and attribution."""

    fingerprint: bytes
    purposes: tuple[str, ...]
    origin: str | None
    role: str | None
    ignores: tuple[tuple[str, str], ...]


@dataclass
class Shape:
    """An accumulated unique shape: its first occurrence and how often it ran."""

    line: int
    column: int | None
    text: str
    calls: int = 1
    name: str | None = None
    """What the code calls the query (`Query.name`)."""


@dataclass
class Gathered:
    """What a format reader found in one file, before analysis."""

    shapes: dict[ShapeKey, Shape] = field(default_factory=dict)
    texts: dict[bytes, str] = field(default_factory=dict)
    """Fingerprint -> statement text to parse (its first occurrence)."""
    problems: list[SourceProblem] = field(default_factory=list)
    statements: int = 0
    embedded: set[bytes] = field(default_factory=set)
    """Fingerprints of statements read inside stored code (a routine, a PL/SQL block)."""
    counts: dict[str, int] = field(default_factory=dict)
    """What a format counts beyond statements (`java_queries`, `unmapped_queries`)."""

    def add(self, key: ShapeKey, line: int, column: int | None, text: str | None,
            calls: int = 1, load: Callable[[], str] | None = None, *, shown_text: str | None = None,
            name: str | None = None) -> None:
        """Count one occurrence; `text` (or `load()`) is only needed for new shapes.

        `shown_text`: what reports show for the shape when it is not the SQL analysed (a
        JPQL query's own text); `name`: what the code calls it (`Query.name`).
        """
        self.statements += 1
        shape = self.shapes.get(key)
        if shape is not None:
            shape.calls += calls
            if line < shape.line:
                shape.line, shape.column = line, column
            return
        if text is None:
            text = load() if load is not None else ""
        self.shapes[key] = Shape(line, column, text if shown_text is None else shown_text, calls, name)
        self.texts.setdefault(key.fingerprint, text)


@dataclass(frozen=True)
class Attribution:
    """File- and source-level attribution in force for a file."""

    source_purpose: str | None
    roles: dict[str, tuple[str, ...]]
    known_purposes: frozenset[str]

    def key(
        self,
        fingerprint: bytes,
        annotation: Annotation,
        file_purposes: tuple[str, ...] = (),
        role: str | None = None,
    ) -> ShapeKey:
        """The shape key of one occurrence, with its purposes by precedence."""
        origin: str | None
        by_role = self.role_purposes(role) if role is not None else ()
        if annotation.purposes:
            purposes, origin = annotation.purposes, "comment"
        elif file_purposes:
            purposes, origin = file_purposes, "file"
        elif by_role:
            purposes, origin = by_role, "role"
        elif self.source_purpose:
            purposes, origin = (self.source_purpose,), "source"
        else:
            purposes, origin = (), None
        return ShapeKey(fingerprint, purposes, origin, role, annotation.ignores)

    @cached_property
    def _folded(self) -> dict[str, str | None]:
        """`roles:` names by their case-folded spelling; None where two fold alike."""
        folded: dict[str, str | None] = {}
        for name in self.roles:
            folded[name.casefold()] = None if name.casefold() in folded else name
        return folded

    def listed(self, name: str) -> str | None:
        """The `roles:` name a log's user, role or application is, or None.

        Snowflake and Oracle upper-case unquoted names (`marketing_rl` runs as
        `MARKETING_RL`); PostgreSQL keeps a quoted role's case, so the exact name wins.
        """
        return name if name in self.roles else self._folded.get(name.casefold())

    def role_purposes(self, role: str) -> tuple[str, ...]:
        """The purposes `roles:` gives a role (see `listed`)."""
        name = self.listed(role)
        return tuple(self.roles[name]) if name is not None else ()

    def unknown(self, purposes: Iterable[str]) -> list[str]:
        """Purposes an annotation names that the policy does not define."""
        if not self.known_purposes:
            return []
        return [p for p in purposes if p not in self.known_purposes]


def attribution(spec: SourceSpec, ctx: SourceContext) -> Attribution:
    """Attribution settings for files of one source entry."""
    return Attribution(
        source_purpose=spec.purpose,
        roles={k: tuple(v) for k, v in ctx.roles.items()},
        known_purposes=frozenset(ctx.policy_purposes),
    )


# --------------------------------------------------------------------------- analysis

_WORKER_SCHEMA: QuerySchema | None = None


def _init_worker(specs: tuple[TableSpec, ...], dialect: str | None) -> None:
    """Build the schema once per worker process."""
    global _WORKER_SCHEMA
    _WORKER_SCHEMA = QuerySchema(specs, dialect)


def _analyse_batch(texts: list[str]) -> list[StatementUses]:
    assert _WORKER_SCHEMA is not None
    return [analyse(t, _WORKER_SCHEMA) for t in texts]


@dataclass
class _AuditTables:
    """The audited tables as the query reader needs them, built once per audit.

    Every query file resolves against the same tables (the schemas are read first).
    Building their specs, or hashing them to find a cached schema, for each file cost
    more than reading the files: 2,752 query files over 7,000 tables spent most of an
    audit there.
    """

    tables: tuple[Table, ...]
    """The tables they were built from."""
    specs: tuple[TableSpec, ...]
    schemas: dict[str | None, QuerySchema] = field(default_factory=dict)

    def schema(self, dialect: str | None) -> QuerySchema:
        """One MappingSchema per audit and dialect, not one per file or statement."""
        if dialect not in self.schemas:
            self.schemas[dialect] = QuerySchema(self.specs, dialect)
        return self.schemas[dialect]


#: Where `_audit_tables` keeps the audit's tables in its memo.
_TABLES_KEY = "queries:audit-tables"


def _audit_tables(ctx: SourceContext) -> _AuditTables:
    """The specs (and schemas) of the audit's tables, built again only when the tables change.

    Kept in the audit's memo, so that nothing of one audit is left for the next.
    """
    now = tuple(ctx.tables)
    last = ctx.memo.get(_TABLES_KEY)
    if not isinstance(last, _AuditTables) or last.tables != now:  # the same objects: at C speed
        last = _AuditTables(now, tuple(table_specs(now)))
        ctx.memo[_TABLES_KEY] = last
    return last


def workers(jobs: int) -> int:
    """`--jobs`: 0 means every core."""
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def analyse_texts(
    texts: Sequence[str],
    ctx: SourceContext,
    dialect: str | None,
    *,
    desc: str = "Analysing query shapes",
) -> list[StatementUses]:
    """Resolve many statements, in a process pool when it pays off; order is kept."""
    audited = _audit_tables(ctx)
    specs = audited.specs
    total = len(texts)
    jobs = min(workers(ctx.jobs), max(1, total // _BATCH))
    results: list[StatementUses] = []
    if jobs <= 1 or total < POOL_THRESHOLD:
        schema = audited.schema(dialect)
        for i, text in enumerate(texts):
            results.append(analyse(text, schema))
            if ctx.progress is not None and (i % 16 == 15 or i + 1 == total):
                ctx.progress(desc, i + 1, total)
        return results
    batches = [list(texts[i : i + _BATCH]) for i in range(0, total, _BATCH)]
    with WorkerPool(jobs, initializer=_init_worker, initargs=(specs, dialect)) as pool:
        futures = [pool.submit(_analyse_batch, batch) for batch in batches]
        for done in pool.results(futures, [len(batch) for batch in batches], ctx.progress, desc):
            results.extend(done)
    return results


_PROBLEM_SEVERITY = {
    ProblemKind.PARSE: None,
    ProblemKind.UNSUPPORTED: Severity.WARNING,
    ProblemKind.UNKNOWN_TABLE: Severity.WARNING,
    ProblemKind.UNKNOWN_COLUMN: Severity.WARNING,
    ProblemKind.STAR: Severity.WARNING,
}


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _TEXT_LIMIT else flat[: _TEXT_LIMIT - 1] + "…"


def build_evidence(
    gathered: Gathered, shown: str, ctx: SourceContext, dialect: str | None
) -> Evidence:
    """Analyse the unique shapes of one file and turn them into `Query` evidence."""
    fingerprints = sorted(gathered.texts)
    results = analyse_texts([gathered.texts[f] for f in fingerprints], ctx, dialect)
    by_fp = dict(zip(fingerprints, results, strict=True))
    queries: list[Query] = []
    # Problems are reported once per reason, at the first statement that has it.
    # (line, column, calls, message): the column says where the statement starts
    problems: dict[tuple[ProblemKind, str], tuple[int, int | None, int, str]] = {}
    # a statement inside stored code that cannot be parsed is a gap the routine around it
    # explains (procedural syntax), not a broken query file: a warning
    embedded_parse: set[tuple[ProblemKind, str]] = set()
    managed: set[tuple[ProblemKind, str]] = set()
    for key, shape in gathered.shapes.items():
        result = by_fp[key.fingerprint]
        for problem in result.problems:
            group: tuple[ProblemKind, str] = (
                (problem.kind, f"{shape.line}:{problem.message}")
                if problem.kind is ProblemKind.PARSE
                else (problem.kind, problem.message)
            )
            if problem.kind is ProblemKind.PARSE and key.fingerprint in gathered.embedded:
                embedded_parse.add(group)
            if problem.kind is ProblemKind.UNKNOWN_TABLE and managed_table(problem.subject):
                managed.add(group)  # Supabase's `auth.users`: how to audit it
            first = problems.get(group)
            if first is None:
                problems[group] = (shape.line, shape.column, shape.calls, problem.message)
            else:
                at = min((first[0], first[1] or 0), (shape.line, shape.column or 0))
                problems[group] = (at[0], at[1] or None, first[2] + shape.calls, first[3])
        if result.kind not in _DATA_KINDS:
            continue
        queries.append(
            Query(
                location=Location(shown, shape.line, shape.column),
                source=shown,
                uses=result.uses,
                purpose=key.purposes[0] if key.purposes else None,
                purposes=key.purposes,
                purpose_origin=key.origin,
                role=key.role,
                calls=shape.calls,
                ignores=key.ignores,
                text=_short(shape.text),
                name=shape.name,
            )
        )
    out = Evidence(audited={"queries"})
    for (kind, where), (line, col, count, message) in sorted(problems.items(), key=lambda kv: kv[1][0]):
        suffix = f" ({count} statements)" if count > 1 else ""
        severity = Severity.WARNING if (kind, where) in embedded_parse else _PROBLEM_SEVERITY[kind]
        if (kind, where) in embedded_parse:
            message = message.replace("cannot parse statement", "cannot parse a statement in stored code", 1)
        out.problems.append(
            SourceProblem(
                message + suffix, Location(shown, line, col), shown, severity=severity,
                fix=MANAGED_FIX if (kind, where) in managed else None,
            )
        )
    out.problems.extend(gathered.problems)
    out.queries = sorted(queries, key=query_sort_key)
    out.counts = {
        "query_files": 1,
        "statements": gathered.statements,
        "unique_shapes": len(fingerprints),
        "queries": len(out.queries),
        "unresolved_statements": sum(
            s.calls for k, s in gathered.shapes.items() if by_fp[k.fingerprint].problems
        ),
        **gathered.counts,
    }
    return out


def query_sort_key(q: Query) -> tuple[object, ...]:
    """Deterministic order of queries: place, then attribution."""
    return (q.location.sort_key(), q.purposes, q.role or "", q.ignores, q.text)


def oversize_problem(size: int, limit: int, shown: str, line: int) -> SourceProblem:
    """A statement over `--max-statement-size`: reported at its line, not parsed."""
    return SourceProblem(oversize_message(size, limit), Location(shown, line), shown)


def statement_failed(exc: BaseException, shown: str, line: int | None) -> SourceProblem:
    """An unexpected error on one statement: it costs that statement only."""
    return SourceProblem(
        f"internal error while reading this statement ({type(exc).__name__}); it was skipped, "
        "the rest of the file is audited; please report it",
        Location(shown, line),
        shown,
    )


def note_problems(notes: Iterable[Note], shown: str) -> Iterator[SourceProblem]:
    """Annotation notes as CN001 warnings."""
    for note in notes:
        where = Location(shown, note.line)
        yield SourceProblem(note.message, where, shown, severity=Severity.WARNING)


def unknown_purpose_problems(
    names: Iterable[str], attr: Attribution, shown: str, line: int
) -> Iterator[SourceProblem]:
    """An annotation naming a purpose the policy lacks: a warning with its place."""
    for name in attr.unknown(names):
        yield SourceProblem(
            f"purpose '{name}' named in a cnsnt annotation is not defined in the policy",
            Location(shown, line), shown, severity=Severity.WARNING,
        )
