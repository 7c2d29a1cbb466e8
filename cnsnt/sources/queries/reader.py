"""The reader registered for `sources.queries`: dispatch on `format`, read overlapping entries once."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.evidence import Evidence, SourceProblem
from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext, expand, source_encoding, text_lines
from cnsnt.sources.queries.common import FORMATS, build_evidence
from cnsnt.sources.queries.compressed import compression
from cnsnt.sources.queries.formats import HISTORIES, LOG_FORMATS, detect
from cnsnt.sources.queries.formats.scan import read_log
from cnsnt.sources.queries.formats.warehouse import read_history
from cnsnt.sources.queries.java_queries import read_java_queries
from cnsnt.sources.queries.kotlin_queries import read_kotlin_queries
from cnsnt.sources.queries.mybatis import read_mybatis
from cnsnt.sources.queries.query_log import read_lines, read_pg_stat_statements
from cnsnt.sources.queries.sql_files import read_sql_file
from cnsnt.sources.schemas.kotlin_syntax import KOTLIN_SUFFIXES
from cnsnt.sql.uses import dialect_problem


def read_queries(path: Path, spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """Reader for `sources.queries` entries: dispatch on `format` (default `sql`).

    A UTF-16 or UTF-32 log or export (with its BOM) is first decoded, by the rule every
    reader shares, into a temporary UTF-8 copy: the log and history readers read bytes as
    UTF-8, and detection reads the copy's first lines.
    """
    shown = ctx.shown(path)
    if _wide(path, shown, spec):
        with tempfile.TemporaryDirectory(prefix="cnsnt-") as tmp:
            copy = Path(tmp) / path.name
            with copy.open("w", encoding="utf-8", newline="") as out:
                for line in text_lines(path, shown, ctx.chunk_chars):
                    out.write(line)
            return _read_queries(copy, shown, spec, ctx)
    return _read_queries(path, shown, spec, ctx)


def _wide(path: Path, shown: str, spec: SourceSpec) -> bool:
    """A UTF-16/32 file that is not read as `sql`, `lines` or `pg_stat_statements` (they decode it)."""
    fmt = (spec.format or "").lower()
    if fmt in FORMATS or (not fmt and path.suffix.lower() == ".sql") or compression(path):
        return False
    try:
        return source_encoding(path, shown) != "utf-8"
    except (OSError, SourceError):  # the reader says why it cannot be read
        return False


def _read_queries(path: Path, shown: str, spec: SourceSpec, ctx: SourceContext) -> Evidence:
    try:
        fmt = (spec.format or detect(path) or "sql").lower()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", Location(shown)) from None
    except SourceError as exc:  # detection found what it is, and that it cannot be read
        raise SourceError(exc.message, Location(shown)) from None
    dialect = ctx.dialect or spec.dialect
    bad_dialect = dialect_problem(dialect)
    if bad_dialect:
        raise SourceError(bad_dialect, spec.location)
    known = (*FORMATS, *LOG_FORMATS, *HISTORIES)
    if fmt not in known:
        raise SourceError(
            f"unknown query format '{spec.format}' (expected one of: {', '.join(known)})",
            spec.location,
        )
    try:
        if fmt == "sql":
            gathered = read_sql_file(path, shown, spec, ctx, dialect)
        elif fmt == "java" and path.suffix.lower() in KOTLIN_SUFFIXES:
            gathered = read_kotlin_queries(path, shown, spec, ctx, dialect)
        elif fmt == "java":
            gathered = read_java_queries(path, shown, spec, ctx, dialect)
        elif fmt == "mybatis":
            gathered = read_mybatis(path, shown, spec, ctx, dialect)
        elif fmt == "lines":
            gathered = read_lines(path, shown, spec, ctx, dialect)
        elif fmt in LOG_FORMATS:
            dialect = dialect or LOG_FORMATS[fmt].dialect
            gathered = read_log(LOG_FORMATS[fmt], path, shown, spec, ctx, dialect)
        elif fmt in HISTORIES:
            dialect = dialect or HISTORIES[fmt].dialect
            gathered = read_history(HISTORIES[fmt], path, shown, spec, ctx, dialect)
        else:
            gathered = read_pg_stat_statements(path, shown, spec, ctx, dialect)
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", Location(shown)) from None
    return build_evidence(gathered, shown, ctx, dialect)


def read_stored_code(path: Path, spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The statements inside the stored code of a schema file, audited as queries.

    A schema dump holds its tables and the functions, procedures and triggers that read
    and write them; the DDL reader takes the tables, this the routines' statements. A
    file without stored code gives nothing (not even "queries audited").
    """
    shown = ctx.shown(path)
    dialect = ctx.dialect or spec.dialect or _tables_dialect(ctx, shown)
    if dialect_problem(dialect):
        return Evidence()
    try:
        gathered = read_sql_file(path, shown, spec, ctx, dialect, stored_only=True)
    except (OSError, SourceError):
        return Evidence()  # the schema reader has said why the file cannot be read
    if not gathered.statements and not gathered.problems:
        return Evidence()
    out = build_evidence(gathered, shown, ctx, dialect)
    # the use rules read these; "queries audited" would also make every stored column that
    # no routine reads look unused (CN401), which only the application's queries can tell
    out.audited = {"stored_code"}
    out.counts.pop("query_files", None)
    out.counts["stored_code_files"] = 1
    return out


def _tables_dialect(ctx: SourceContext, shown: str) -> str | None:
    """The dialect the DDL reader read a schema file's tables in."""
    for table in ctx.tables:
        if table.location.path == shown and table.dialect:
            return table.dialect
    return None


def plan_query_sources(
    specs: Sequence[SourceSpec], ctx: SourceContext | None = None
) -> tuple[list[tuple[Path, SourceSpec]], list[SourceProblem]]:
    """Files of the `queries:` entries, each once, with the entries merged.

    Entries overlap by design (`sql/**/*.sql` for the dialect and
    `sql/marketing/*.sql` for a purpose); reading a file once per entry would
    report each use twice. A later entry's `purpose`, `dialect` and `format`
    override an earlier one's for the files both name.
    """
    merged: dict[Path, SourceSpec] = {}
    problems: list[SourceProblem] = []
    for spec in specs:
        paths, found = expand(spec, ctx)
        problems.extend(found)
        for path in paths:
            key = path.resolve()
            prior = merged.get(key)
            if prior is None:
                merged[key] = spec
            else:
                merged[key] = replace(
                    spec,
                    purpose=spec.purpose or prior.purpose,
                    dialect=spec.dialect or prior.dialect,
                    format=spec.format or prior.format,
                    log_line_prefix=spec.log_line_prefix or prior.log_line_prefix,
                )
    return sorted(((p, s) for p, s in merged.items()), key=lambda ps: str(ps[0])), problems


def read_query_sources(specs: Sequence[SourceSpec], ctx: SourceContext) -> Evidence:
    """Read every `queries:` entry (files once each); a bad file is a CN001 problem."""
    plan, problems = plan_query_sources(specs, ctx)
    out = Evidence(audited={"queries"}, problems=list(problems))
    for path, spec in plan:
        try:
            out.merge(read_queries(path, spec, ctx))
        except SourceError as exc:
            shown = ctx.shown(path)
            out.problems.append(SourceProblem(exc.message, exc.location or Location(shown), shown))
    return out


