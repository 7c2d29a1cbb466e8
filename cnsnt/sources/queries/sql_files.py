"""`.sql` query files (format `sql`): many `;`-separated statements, with annotations.

The file is read in chunks and split lexically, so a large `;`-separated log
works too. A `-- cnsnt: purpose=NAME` comment applies to the statement after
it, or to the whole file when it is the file's first comment; `-- cnsnt:
ignore CODE reason` suppresses one rule on the next statement.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext, decoded_chunks, open_source
from cnsnt.sources.queries.common import (
    Annotation,
    Attribution,
    Gathered,
    attribution,
    note_problems,
    oversize_problem,
    parse_directives,
    statement_failed,
    unknown_purpose_problems,
)
from cnsnt.sql.ddl_text import shorten
from cnsnt.sql.fingerprint import Fingerprinter
from cnsnt.sql.sqlplus import SqlPlusKind, script_paths
from cnsnt.sql.statements import COPY_UNENDED, RawStatement, split_statements


def read_sql_file(
    path: Path, shown: str, spec: SourceSpec, ctx: SourceContext, dialect: str | None
) -> Gathered:
    """Statements of one `.sql` file, grouped by shape and attribution."""
    attr = attribution(spec, ctx)
    fp = Fingerprinter(dialect)
    gathered = Gathered()
    file_purposes: tuple[str, ...] = ()
    first_statement = True
    limit = ctx.limits.statement_bytes
    with open_source(path, shown) as fh:
        chunks = decoded_chunks(fh, shown, ctx.chunk_chars)
        for number, stmt in enumerate(split_statements(chunks, dialect, limit)):
            if number % 256 == 255:
                ctx.check_time("reading statements")
            if stmt.oversize:
                gathered.statements += 1
                gathered.problems.append(oversize_problem(stmt.oversize, limit, shown, stmt.line))
                first_statement = False
                continue
            try:
                file_purposes = _statement(gathered, stmt, first_statement, file_purposes,
                                           attr, fp, shown, (path, ctx.base_dir))
            except Exception as exc:  # noqa: BLE001 - one odd statement costs itself only
                gathered.statements += 1
                gathered.problems.append(statement_failed(exc, shown, stmt.line))
            first_statement = False
    return gathered


def _statement(
    gathered: Gathered,
    stmt: RawStatement,
    first_statement: bool,
    file_purposes: tuple[str, ...],
    attr: Attribution,
    fp: Fingerprinter,
    shown: str,
    where: tuple[Path, Path],
) -> tuple[str, ...]:
    """Record one statement; returns the file's purposes (set by its first comment).

    `where`: the file and the policy's folder, where a SQL*Plus `@script` is looked for.
    """
    leading = [(c.line, c.text) for c in stmt.leading]
    if first_statement and stmt.leading:
        # Only a comment before the first statement can speak for the whole file.
        head, head_notes = parse_directives(leading[:1])
        if head.purposes and not head.ignores:
            file_purposes = head.purposes
            gathered.problems.extend(note_problems(head_notes, shown))
            gathered.problems.extend(
                unknown_purpose_problems(head.purposes, attr, shown, leading[0][0])
            )
            leading = leading[1:]
    if stmt.copy_unended:
        gathered.problems.append(
            SourceProblem(COPY_UNENDED, Location(shown, stmt.line, stmt.column), shown)
        )
        return file_purposes
    if stmt.sqlplus is not None:
        # one reading for query and schema files (`cnsnt.sql.sqlplus`): a setting is no
        # finding, an included script is named (info), a command that runs code is a warning
        message = stmt.sqlplus.message()
        if message is not None:
            info = stmt.sqlplus.kind is SqlPlusKind.INCLUDE
            gathered.problems.append(
                SourceProblem(message, Location(shown, stmt.line, stmt.column), shown,
                              severity=Severity.INFO if info else Severity.WARNING,
                              includes=script_paths(stmt.sqlplus.script_names(), *where))
            )
        return file_purposes
    if stmt.meta_command:
        gathered.problems.append(
            SourceProblem(f"psql meta-command skipped: {stmt.text[:60]}",
                          Location(shown, stmt.line), shown, severity=Severity.WARNING)
        )
        return file_purposes
    if stmt.plsql_block:
        # procedural code: its inner statements use PL/SQL variables and control flow
        # that the SQL parser cannot read, so it is named once instead of failing per `;`
        gathered.problems.append(
            SourceProblem(f"PL/SQL block skipped ({shorten(stmt.text[:200])}): the SQL inside "
                          "procedural code is not audited",
                          Location(shown, stmt.line, stmt.column), shown,
                          severity=Severity.WARNING)
        )
        return file_purposes
    annotation, notes = parse_directives(leading + [(c.line, c.text) for c in stmt.inner])
    gathered.problems.extend(note_problems(notes, shown))
    if annotation.purposes:
        gathered.problems.extend(
            unknown_purpose_problems(annotation.purposes, attr, shown, stmt.line)
        )
    key = attr.key(fp.fingerprint_text(stmt.text), annotation, file_purposes)
    gathered.add(key, stmt.line, stmt.column, stmt.text)
    return file_purposes


__all__ = ["Annotation", "read_sql_file"]
