r"""Schema from DDL text: tables, views and their columns, with character offsets.

The only place that hands DDL to sqlglot. Real dumps are not pure SQL, so the text goes
through four passes, each keeping character offsets of the original text:

1. placeholders that would break tokenizing (`{#}` table prefixes) are removed
   (`placeholders`);
2. client-command *lines* (psql `\set`, mysql `source`/`DELIMITER`, T-SQL `GO`,
   SQL*Plus `SET`/`PROMPT`/`REM`/`/`) are blanked out line by line, since they are
   not SQL and would otherwise be glued to the next statement (`client_lines`);
3. the sqlglot tokenizer splits statements on `;` (it knows strings and comments)
   (`ddl_split`);
4. only statements that can hold schema (CREATE TABLE/VIEW, ALTER TABLE, COMMENT ON)
   are parsed, chosen by their first tokens, so INSERT data is never parsed
   (`ddl_schema`, with `ddl_recover` for column lists sqlglot cannot parse); the
   others are skipped, except one cnsnt does not know (`CREATE TABL ...`, `SELEC ...`:
   the rule is in `ddl_known`), which is reported.

Anything that could not be used becomes a `DDLProblem`; the rest of the file still counts.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace

from sqlglot.dialects.dialect import Dialect

from cnsnt.sql.client_lines import Scan, scan_lines
from cnsnt.sql.ddl_result import DDLColumn, DDLForeignKey, DDLProblem, DDLResult, DDLTable
from cnsnt.sql.ddl_schema import SchemaBuilder as _SchemaBuilder
from cnsnt.sql.ddl_split import Statement, tokenize_statements, tokenize_whole
from cnsnt.sql.ddl_text import ENDS_STATEMENT
from cnsnt.sql.placeholders import OffsetMap, remove_placeholders
from cnsnt.sql.routine_bodies import body_statements

__all__ = [
    "DDLColumn",
    "DDLForeignKey",
    "DDLProblem",
    "DDLResult",
    "DDLTable",
    "UnknownDialectError",
    "parse_ddl",
    "parse_ddl_head",
    "quiet_sqlglot",
    "resolve_dialect",
    "reuse_results",
]


class UnknownDialectError(ValueError):
    """The dialect name is not one sqlglot knows."""


def resolve_dialect(name: str | None) -> Dialect:
    """The sqlglot dialect for a name; None is sqlglot's default (generic ANSI-like) SQL."""
    try:
        return Dialect.get_or_raise(name)
    except (ValueError, KeyError) as exc:
        raise UnknownDialectError(f"unknown SQL dialect '{name}'") from exc


@dataclass(frozen=True)
class _Kept:
    """A result `reuse_results` keeps, with what tells whether another size limit changes it."""

    result: DDLResult
    limit: int
    """The `max_statement` it was read with."""
    largest: int
    """The longest statement of the text: a limit at or above it (or none) reports none."""

    def serves(self, limit: int) -> bool:
        """Whether reading with `limit` gives this same result."""
        if limit == self.limit:
            return True
        unlimited = self.limit == 0 or self.largest <= self.limit
        return unlimited and (limit == 0 or self.largest <= limit)


#: (digest of the text, its length, dialect) -> its result, while `reuse_results` is on;
#: None when off. The text itself is not kept: a digest names it.
_KEPT: ContextVar[dict[tuple[bytes, int, str | None], _Kept] | None] = ContextVar(
    "cnsnt_ddl_kept", default=None
)
#: Characters of text `reuse_results` keeps the results of at most (each text once per
#: dialect): the results of a project of gigabytes of SQL are not all held in memory.
KEEP_CHARS = 256 * 1024 * 1024
_KEPT_CHARS: ContextVar[int] = ContextVar("cnsnt_ddl_kept_chars", default=0)


@contextmanager
def reuse_results() -> Iterator[None]:
    """Within the block, `parse_ddl` reads one text in one dialect once.

    `cnsnt init` reads each schema file to choose its dialect, then audits the same file
    in the dialect it chose: the second reading is the first one's result. An audit reads
    a file kept in several copies (one per language or database folder) once. Results
    are kept only for the outermost block (a block within it adds nothing).
    """
    if _KEPT.get() is not None:
        yield
        return
    token = _KEPT.set({})
    chars = _KEPT_CHARS.set(0)
    try:
        yield
    finally:
        _KEPT_CHARS.reset(chars)
        _KEPT.reset(token)


def parse_ddl(text: str, dialect: str | None = None, max_statement: int = 0) -> DDLResult:
    """Tables and views a DDL text defines, with offsets into `text`, and its problems.

    Raises `UnknownDialectError` for a dialect sqlglot does not know; never raises for
    bad SQL (each unusable statement becomes a problem). A statement longer than
    `max_statement` characters (when > 0) is reported, not parsed: parsing costs
    far more memory than the text.
    """
    kept = _KEPT.get()
    if kept is None:
        return _parse_ddl(text, dialect, max_statement)[0]
    key = (_digest(text), len(text), dialect)
    earlier = kept.get(key)
    if earlier is not None and earlier.serves(max_statement):
        return earlier.result
    result, largest = _parse_ddl(text, dialect, max_statement)
    if _KEPT_CHARS.get() + len(text) <= KEEP_CHARS:
        _KEPT_CHARS.set(_KEPT_CHARS.get() + len(text))
        kept[key] = _Kept(result, max_statement, largest)
    return result


def _digest(text: str) -> bytes:
    """What names a text in `reuse_results` (128 bits: two texts never share one)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def parse_ddl_head(text: str, dialect: str | None, chars: int) -> DDLResult | None:
    """`parse_ddl`'s reading of the first statements of a long text, to judge a dialect cheaply.

    The head ends with the first line ending in `;` after `chars` characters. It keeps
    only the problems before its last statement: that one, or a routine or COPY the cut
    left open, may read otherwise in the whole text. None when the text is not longer
    than four heads, when no line ends a statement within twice `chars`, or when the head
    does not tokenize whole (a string or comment the cut left open changes every piece).
    """
    cut = _head_end(text, chars)
    if cut is None:
        return None
    dia = resolve_dialect(dialect)
    stripped, offsets = remove_placeholders(text[:cut], dia)
    scan = scan_lines(stripped, dia)
    statements = tokenize_whole(scan.text, dia)
    if not statements:
        return None
    result, _ = _read_statements(dia, dialect, scan, statements, offsets, 0)
    last = offsets.original(statements[-1].offset)
    return replace(result, problems=tuple(p for p in result.problems if p.offset < last))


def _head_end(text: str, chars: int) -> int | None:
    """Where the head `parse_ddl_head` reads ends: after the first `;` line past `chars`."""
    if len(text) <= 4 * chars:
        return None
    pos = text.find("\n", chars)
    while 0 <= pos < 2 * chars:
        nxt = text.find("\n", pos + 1)
        if nxt < 0:
            return None
        if ENDS_STATEMENT.search(text[pos + 1 : nxt].rstrip()):
            return nxt + 1
        pos = nxt
    return None


def _parse_ddl(text: str, dialect: str | None, max_statement: int) -> tuple[DDLResult, int]:
    """`parse_ddl`'s result, and the length of the text's longest statement."""
    dia = resolve_dialect(dialect)
    stripped, offsets = remove_placeholders(text, dia)
    scan = scan_lines(stripped, dia)
    return _read_statements(dia, dialect, scan, tokenize_statements(scan.text, dia), offsets, max_statement)


def _read_statements(
    dia: Dialect,
    dialect: str | None,
    scan: Scan,
    statements: list[Statement],
    offsets: OffsetMap,
    max_statement: int,
) -> tuple[DDLResult, int]:
    """The tables and problems of split statements, and the length of the longest."""
    schema = _SchemaBuilder(dia)
    schema.unit_ends = scan.unit_ends
    problems = list(scan.problems)
    largest = 0
    with quiet_sqlglot():
        for stmt in statements:
            size = stmt.tokens[-1].end - stmt.tokens[0].start + 1 if stmt.tokens else len(stmt.sql)
            largest = max(largest, size)
            if 0 < max_statement < size:
                problems.append(DDLProblem(stmt.offset, oversize_message(size, max_statement)))
                continue
            schema.follow_session(stmt)
            problems.extend(schema.apply(stmt))
            for inner in body_statements(stmt, dia, dialect):  # schema a PL/pgSQL body or DO block makes
                problems.extend(schema.apply(inner))
        problems.extend(schema.unknown_drop_problems())
        schema.forget_dropped_references()
    tables = tuple(t.freeze(offsets.original, schema.enums.resolve) for _, t in schema.ordered_tables())
    fixed = sorted(
        (replace(p, offset=offsets.original(p.offset)) for p in problems),
        key=lambda p: p.offset,
    )
    count = sum(1 for s in statements if s.tokens) + scan.routines
    return DDLResult(tables=tables, problems=tuple(fixed), statements=count), largest


def oversize_message(size: int, limit: int) -> str:
    """The CN001 text of a statement over the statement size limit."""
    return (
        f"statement of {size:,} characters is over the statement size limit ({limit:,}): "
        "not parsed (raise it with --max-statement-size)"
    )


@contextmanager
def quiet_sqlglot() -> Iterator[None]:
    """Silence sqlglot's "falling back to Command" log lines: we report those ourselves."""
    logger = logging.getLogger("sqlglot")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)
