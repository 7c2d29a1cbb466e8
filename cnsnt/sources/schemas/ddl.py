"""Schema evidence from DDL files (`sources: schemas:`).

The dialect is `--dialect` when given, else the source entry's `dialect`; with neither,
sqlglot's default dialect is used (a permissive ANSI-like SQL that reads most plain
CREATE TABLE statements, but not MySQL backticks, T-SQL brackets or Oracle quirks), so
naming the dialect is recommended.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.evidence import Column, Evidence, ForeignKey, SourceProblem, Table
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import LineIndex, SourceContext, read_text
from cnsnt.sql.ddl import UnknownDialectError, parse_ddl
from cnsnt.sql.sqlplus import script_paths
from cnsnt.sql.statements import reads_delimiter_routines


def read_ddl(path: Path, spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """Tables, views and columns one DDL file defines, each with its file position.

    Raises `SourceError` when the file cannot be read at all or the dialect is unknown;
    statements that cannot be used become `SourceProblem`s and the rest still counts:
    errors where a table may be lost, warnings for client commands and routine bodies.
    Counts: `tables` (views apart, in `views`), `columns` (of both), `statements`.
    """
    shown = ctx.shown(path)
    dialect = ctx.dialect or spec.dialect
    text = read_text(path, shown, limits=ctx.limits)
    try:
        result = parse_ddl(text, dialect, ctx.limits.statement_bytes)
    except UnknownDialectError as exc:
        raise SourceError(str(exc), spec.location) from None

    lines = LineIndex(text)

    def where(offset: int) -> Location:
        line, column = lines.line_col(offset)
        return Location(path=shown, line=line, column=column)

    tables: list[Table] = []
    for t in result.tables:
        columns = tuple(
            Column(
                table=t.name,
                name=c.name,
                location=where(c.offset),
                source=shown,
                schema=t.schema,
                type=c.type,
                comment=c.comment,
                primary_key=c.primary_key,
                login_default=c.login_default,
                default=c.default,
                unique=c.unique,
            )
            for c in t.columns
        )
        tables.append(
            Table(
                name=t.name,
                location=where(t.offset),
                source=shown,
                schema=t.schema,
                columns=columns,
                comment=t.comment,
                is_view=t.is_view,
                view_sql=t.view_sql,
                dialect=dialect,
                altered_only=t.altered_only,
                foreign_keys=tuple(
                    ForeignKey(k.columns, k.ref_table, k.ref_columns, k.ref_schema)
                    for k in t.foreign_keys
                ),
            )
        )
    # Most parse errors on a file without a dialect come from reading it as generic SQL.
    hint = "" if dialect else "; no SQL dialect was given: set `dialect:` on this source"
    problems = [
        SourceProblem(
            message=p.message + (hint if p.may_hold_schema or p.not_understood else ""),
            location=where(p.offset),
            source=shown,
            severity=Severity.INFO if p.info else None if p.may_hold_schema else Severity.WARNING,
            includes=script_paths(p.includes, path, ctx.base_dir),
        )
        for p in result.problems
        # a DELIMITER block's routine: the stored-code reader audits its statements
        if not (p.routine and reads_delimiter_routines(dialect))
    ]
    if not tables and not problems and text.strip():
        # A schema source that defines nothing is probably not SQL DDL (or the wrong file).
        problems.append(
            SourceProblem(
                "no CREATE TABLE or CREATE VIEW found: is this an SQL schema file?",
                Location(shown, 1, 1),
                shown,
                severity=Severity.WARNING,
            )
        )
    return Evidence(
        tables=tables,
        problems=problems,
        audited={"schemas"},
        counts={
            "schema_files": 1,
            "tables": sum(1 for t in tables if not t.is_view),
            "views": sum(1 for t in tables if t.is_view),
            "columns": sum(len(t.columns) for t in tables),
            "statements": result.statements,
        },
    )
