"""`.sql` query files (format `sql`): many `;`-separated statements, with annotations.

The file is read in chunks and split lexically, so a large `;`-separated log
works too. A `-- cnsnt: purpose=NAME` comment applies to the statement after
it, or to the whole file when it is the file's first comment; `-- cnsnt:
ignore CODE reason` suppresses one rule on the next statement.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path

from cnsnt.evidence import SourceProblem, Table
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
from cnsnt.sql.note_comments import NOTE_SUFFIX, blank_note_lines
from cnsnt.sql.routine_bodies import Routine, defines_routine, read_routine
from cnsnt.sql.sqlplus import SqlPlusKind, script_paths
from cnsnt.sql.statements import (
    COMMENT_UNENDED,
    COPY_UNENDED,
    GO_DIALECTS,
    Comment,
    RawStatement,
    split_statements,
)
from cnsnt.sql.tsql_batch import batch_statements


def read_sql_file(
    path: Path,
    shown: str,
    spec: SourceSpec,
    ctx: SourceContext,
    dialect: str | None,
    *,
    stored_only: bool = False,
) -> Gathered:
    """Statements of one `.sql` file, grouped by shape and attribution.

    `stored_only`: only the statements inside its stored code (a schema file's routines).
    """
    attr = attribution(spec, ctx)
    fp = Fingerprinter(dialect)
    gathered = Gathered()
    file_purposes: tuple[str, ...] = ()
    first_statement = True
    limit = ctx.limits.statement_bytes
    stored = _Stored(dialect, ctx)
    with open_source(path, shown) as fh:
        chunks = decoded_chunks(fh, shown, ctx.chunk_chars)
        if path.suffix.lower() == NOTE_SUFFIX:  # a person's notes: `//` lines are comments
            chunks = blank_note_lines(chunks)
        for number, stmt in enumerate(split_statements(chunks, dialect, limit, routines=True)):
            if number % 256 == 255:
                ctx.check_time("reading statements")
            if stored_only and not (stmt.plsql_block or defines_routine(stmt.text, dialect)):
                first_statement = first_statement and not stmt.text
                continue
            if stmt.oversize:
                gathered.statements += 1
                gathered.problems.append(oversize_problem(stmt.oversize, limit, shown, stmt.line))
                first_statement = False
                continue
            for piece in _batch(stmt, dialect):
                try:
                    file_purposes = _statement(gathered, piece, first_statement, file_purposes,
                                               attr, fp, shown, (path, ctx.base_dir), stored)
                except Exception as exc:  # noqa: BLE001 - one odd statement costs itself only
                    gathered.statements += 1
                    gathered.problems.append(statement_failed(exc, shown, piece.line))
                first_statement = False
    return gathered


def _batch(stmt: RawStatement, dialect: str | None) -> list[RawStatement]:
    """A T-SQL batch's statements written without `;` between them, each at its own place.

    Each is read (and reported) as a statement of its own (`cnsnt.sql.tsql_batch`): a
    comment inside the batch goes with the statement it is in, or else the next one.
    """
    if (
        dialect not in GO_DIALECTS
        or not stmt.text
        or stmt.meta_command
        or stmt.plsql_block
        or defines_routine(stmt.text, dialect)
    ):
        return [stmt]
    pieces = batch_statements(stmt.text, dialect)
    if pieces is None:
        return [stmt]
    text = stmt.text
    places = []
    for piece in pieces:
        lines = text.count("\n", 0, piece.offset)
        column = stmt.column + piece.offset if not lines else piece.offset - text.rfind("\n", 0, piece.offset)
        last = stmt.line + lines + piece.text.count("\n")
        places.append((stmt.line + lines, column, last))
    comments: list[list[Comment]] = [[] for _ in pieces]
    for comment in stmt.inner:
        # in the statement whose lines hold it, else before the next statement
        at = next((k for k, (_, _, last) in enumerate(places) if comment.line <= last), len(pieces) - 1)
        comments[at].append(comment)
    return [
        RawStatement(line, column, piece.text, leading=stmt.leading if k == 0 else (),
                     inner=tuple(comments[k]))
        for k, (piece, (line, column, _)) in enumerate(zip(pieces, places, strict=True))
    ]


def _statement(
    gathered: Gathered,
    stmt: RawStatement,
    first_statement: bool,
    file_purposes: tuple[str, ...],
    attr: Attribution,
    fp: Fingerprinter,
    shown: str,
    where: tuple[Path, Path],
    stored: _Stored | None = None,
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
    if stmt.comment_unended:
        gathered.problems.append(
            SourceProblem(COMMENT_UNENDED, Location(shown, stmt.line, stmt.column), shown)
        )
        return file_purposes
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
    if stored is not None and (stmt.plsql_block or defines_routine(stmt.text, stored.dialect)):
        # stored code: the data statements inside it are audited one by one, each at its place
        routine = read_routine(stmt.text, stored.dialect, stmt.line, stmt.column, stored.columns())
        _routine(gathered, stmt, routine, leading, file_purposes, attr, fp, shown)
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


class _Stored:
    """What reading stored code needs: the dialect and the audited tables' column names."""

    def __init__(self, dialect: str | None, ctx: SourceContext) -> None:
        self.dialect = dialect
        self.ctx = ctx

    def columns(self) -> dict[str, frozenset[str]]:
        """Column names by table name: a variable named like a column is the column."""
        return _columns_by_table(self.ctx)


#: Where `_columns_by_table` keeps its result in the audit's memo.
_COLUMNS_KEY = "queries:columns-by-table"


@dataclass(frozen=True)
class _Columns:
    """The audited tables' columns, with the table list (and its length) they were built from."""

    tables: list[Table]
    count: int
    by_table: dict[str, frozenset[str]]


def _columns_by_table(ctx: SourceContext) -> dict[str, frozenset[str]]:
    """The audited tables' column names (lower case) by table name, for stored code.

    Built once per audit, not once per file, and kept in the audit's memo: the next audit
    (the library used twice in one process) builds its own.
    """
    tables = ctx.tables
    kept = ctx.memo.get(_COLUMNS_KEY)
    if isinstance(kept, _Columns) and kept.tables is tables and kept.count == len(tables):
        return kept.by_table
    found: dict[str, set[str]] = {}
    for table in tables:
        found.setdefault(table.name.lower(), set()).update(c.name.lower() for c in table.columns)
    by_table = {name: frozenset(columns) for name, columns in found.items()}
    ctx.memo[_COLUMNS_KEY] = _Columns(tables, len(tables), by_table)
    return by_table


def _routine(
    gathered: Gathered,
    stmt: RawStatement,
    routine: Routine,
    leading: list[tuple[int, str]],
    file_purposes: tuple[str, ...],
    attr: Attribution,
    fp: Fingerprinter,
    shown: str,
) -> None:
    """Record the data statements inside a routine or PL/SQL block, each at its own place.

    The comments before the routine speak for all of its statements; a comment inside it
    for the first statement at or after its line.
    """
    if routine.failure is not None:
        gathered.problems.append(
            SourceProblem(f"{routine.kind} skipped ({shorten(stmt.text[:200])}): "
                          f"{routine.failure}; the SQL inside it is not audited",
                          Location(shown, stmt.line, stmt.column), shown,
                          severity=Severity.WARNING)
        )
        return
    for unread in routine.unread:
        gathered.problems.append(
            SourceProblem(f"{unread.reason} ({routine.kind} at line {stmt.line}); the SQL it "
                          "runs is not audited",
                          Location(shown, unread.line, unread.column), shown,
                          severity=Severity.WARNING)
        )
    statements = routine.statements
    starts = [s.line for s in statements]
    inner: list[list[tuple[int, str]]] = [[] for _ in statements]
    for comment in stmt.inner:
        at = bisect_left(starts, comment.line)
        if at < len(statements):
            inner[at].append((comment.line, comment.text))
    for embedded, comments in zip(statements, inner, strict=True):
        annotation, notes = parse_directives(leading + comments)
        gathered.problems.extend(note_problems(notes, shown))
        if annotation.purposes:
            gathered.problems.extend(
                unknown_purpose_problems(annotation.purposes, attr, shown, embedded.line)
            )
        key = attr.key(fp.fingerprint_text(embedded.text), annotation, file_purposes)
        gathered.embedded.add(key.fingerprint)
        gathered.add(key, embedded.line, embedded.column, embedded.text)


__all__ = ["Annotation", "read_sql_file"]
