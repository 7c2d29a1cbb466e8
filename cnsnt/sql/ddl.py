r"""Schema from DDL text: tables, views and their columns, with character offsets.

The only place that hands DDL to sqlglot. Real dumps are not pure SQL, so the text goes
through four passes, each keeping character offsets of the original text:

1. placeholders that would break tokenizing (`{#}` table prefixes) are removed;
2. client-command *lines* (psql `\set`, mysql `source`/`DELIMITER`, T-SQL `GO`,
   SQL*Plus `SET`/`PROMPT`/`REM`/`/`) are blanked out line by line, since they are
   not SQL and would otherwise be glued to the next statement;
3. the sqlglot tokenizer splits statements on `;` (it knows strings and comments);
4. only statements that can hold schema (CREATE TABLE/VIEW, ALTER TABLE, COMMENT ON)
   are parsed, chosen by their first tokens, so INSERT data is never parsed.

Anything that could not be used becomes a `DDLProblem`; the rest of the file still counts.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlglot import exp
from sqlglot.dialects.dialect import Dialect
from sqlglot.errors import ErrorLevel, ParseError, TokenError
from sqlglot.generator import Generator
from sqlglot.parser import Parser
from sqlglot.tokenizer_core import Token, TokenType

__all__ = [
    "DDLColumn",
    "DDLProblem",
    "DDLResult",
    "DDLTable",
    "UnknownDialectError",
    "parse_ddl",
    "resolve_dialect",
]


@dataclass(frozen=True)
class DDLColumn:
    """A column definition, as written."""

    name: str
    offset: int
    """Character offset of the column definition (its name) in the text."""
    type: str | None = None
    """The type as sqlglot writes it in the source dialect, e.g. `VARCHAR(50)`."""
    comment: str | None = None
    primary_key: bool = False


@dataclass(frozen=True)
class DDLTable:
    """A table or view definition, with all later ALTERs and COMMENTs applied."""

    name: str
    offset: int
    """Character offset of the statement that defined it (its CREATE)."""
    schema: str | None = None
    columns: tuple[DDLColumn, ...] = ()
    comment: str | None = None
    is_view: bool = False
    view_sql: str | None = None
    """A view's SELECT in the source dialect (None for tables)."""


@dataclass(frozen=True)
class DDLProblem:
    """A statement or line that could not be used."""

    offset: int
    message: str
    may_hold_schema: bool = True
    """True when a table or column may have been lost (an error); False for harmless
    client commands and routine bodies that cannot hold columns (a warning)."""


@dataclass(frozen=True)
class DDLResult:
    """What one DDL text defines, and what could not be read."""

    tables: tuple[DDLTable, ...]
    problems: tuple[DDLProblem, ...]
    statements: int
    """SQL statements found (client-command lines are not statements)."""


class UnknownDialectError(ValueError):
    """The dialect name is not one sqlglot knows."""


def resolve_dialect(name: str | None) -> Dialect:
    """The sqlglot dialect for a name; None is sqlglot's default (generic ANSI-like) SQL."""
    try:
        return Dialect.get_or_raise(name)
    except (ValueError, KeyError) as exc:
        raise UnknownDialectError(f"unknown SQL dialect '{name}'") from exc


def parse_ddl(text: str, dialect: str | None = None) -> DDLResult:
    """Tables and views a DDL text defines, with offsets into `text`, and its problems.

    Raises `UnknownDialectError` for a dialect sqlglot does not know; never raises for
    bad SQL (each unusable statement becomes a problem).
    """
    dia = resolve_dialect(dialect)
    stripped, offsets = _remove_placeholders(text)
    scan = _scan_lines(stripped, dia)
    statements = _split(scan.text, dia)
    schema = _SchemaBuilder(dia)
    problems = list(scan.problems)
    with _quiet_sqlglot():
        for stmt in statements:
            problems.extend(schema.apply(stmt))
    tables = tuple(t.freeze(offsets.original) for t in schema.tables.values())
    fixed = sorted(
        (DDLProblem(offsets.original(p.offset), p.message, p.may_hold_schema) for p in problems),
        key=lambda p: p.offset,
    )
    count = sum(1 for s in statements if s.tokens) + scan.routines
    return DDLResult(tables=tables, problems=tuple(fixed), statements=count)


# --- pass 1: placeholders ---------------------------------------------------------

#: Template placeholders removed before tokenizing. InstantCMS writes table names as
#: `{#}users` (the installer substitutes a prefix); in MySQL `#` would start a comment.
_TEXT_PLACEHOLDERS = ("{#}",)


@dataclass
class _OffsetMap:
    """Maps offsets in the placeholder-free text back to the original text."""

    starts: list[int] = field(default_factory=list)
    shifts: list[int] = field(default_factory=list)

    def original(self, offset: int) -> int:
        """The original offset of an offset in the edited text."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return offset + (self.shifts[i] if i >= 0 else 0)


def _remove_placeholders(text: str) -> tuple[str, _OffsetMap]:
    """Delete `{#}`-style placeholders, remembering how offsets moved."""
    mapping = _OffsetMap()
    if not any(p in text for p in _TEXT_PLACEHOLDERS):
        return text, mapping
    pattern = re.compile("|".join(re.escape(p) for p in _TEXT_PLACEHOLDERS))
    parts: list[str] = []
    last = 0
    removed = 0
    for m in pattern.finditer(text):
        parts.append(text[last : m.start()])
        mapping.starts.append(m.start() - removed)  # where the edited text resumes
        removed += m.end() - m.start()
        mapping.shifts.append(removed)
        last = m.end()
    parts.append(text[last:])
    return "".join(parts), mapping


# --- pass 2: client-command lines -------------------------------------------------


def _words(text: str) -> frozenset[str]:
    """A keyword set written as one string."""
    return frozenset(text.split())


_GO = re.compile(r"GO(?:\s+\d+)?\s*(?:--.*)?", re.IGNORECASE)
_DELIMITER = re.compile(r"DELIMITER\s+(\S+)", re.IGNORECASE)
_SOURCE = re.compile(r"source\s+\S", re.IGNORECASE)
_ENDS_STATEMENT = re.compile(r";\s*(?:(?:--|#).*)?$")

#: SQL*Plus commands (docs: "SQL*Plus Command Reference"). In Oracle files they stand on
#: their own lines without a `;` and would be glued to the next statement.
_SQLPLUS = _words(
    """ACCEPT APPEND ARCHIVE ATTRIBUTE BREAK BTITLE CLEAR COL COLUMN COMPUTE CONN CONNECT
    COPY DEF DEFINE DEL DESC DESCRIBE DISC DISCONNECT EXEC EXECUTE EXIT HO HOST PAU PAUSE
    PRINT PRO PROMPT QUIT RECOVER REPFOOTER REPHEADER SET SHO SHOW SPO SPOOL STA START
    STORE TIMING TTI TTITLE UNDEF UNDEFINE VAR VARIABLE WHENEVER XQUERY"""
)
#: The SQL*Plus commands no SQL dialect starts a statement with: recognised everywhere.
_SQLPLUS_ANYWHERE = _words(
    "ACCEPT BTITLE PAU PAUSE PRO PROMPT REPFOOTER REPHEADER SPO SPOOL TTI TTITLE WHENEVER"
)
#: Oracle SQL statements that begin with a SQL*Plus word.
_ORACLE_SQL_SET = re.compile(r"SET\s+(?:TRANSACTION|ROLE|CONSTRAINTS?)\b", re.IGNORECASE)
#: SQL*Plus comment lines: comments, not commands, so no problem is reported.
_SQLPLUS_REMARK = frozenset({"REM", "REMARK"})


@dataclass
class _Scan:
    """The text with client lines blanked, and what was found on the way."""

    text: str
    problems: list[DDLProblem]
    routines: int
    """Statements skipped whole inside DELIMITER blocks."""


@dataclass
class _Run:
    """Consecutive client-command lines of one kind, reported as one problem."""

    kind: str
    offset: int
    first: str
    count: int = 1


_RUN_MESSAGES = {
    "psql": "psql meta-command{s} skipped ({what}): a psql client command, not SQL",
    "source": "mysql client command{s} skipped ({what}): the file{s} it loads {are} not audited",
    "sqlplus": "SQL*Plus command{s} skipped ({what}): a client command, not SQL",
    "set": "session setting{s} without ';' skipped ({what}), so the next statement still parses",
    "dashes": (
        "line{s} of dashes skipped ({what}): MySQL reads '--' as a comment only when a space "
        "follows, so the line would break the next statement"
    ),
}


def _is_oracle(dia: Dialect) -> bool:
    return type(dia).__name__.lower() == "oracle"


def _scan_lines(text: str, dia: Dialect) -> _Scan:
    """Blank out client-command lines and DELIMITER routine bodies, keeping offsets.

    Looking at whole lines is safe here because none of these are SQL. A line counts as
    a client command only at the start of a statement (after a line ending in `;`),
    except psql backslash lines, `GO` and `DELIMITER`, which clients take anywhere.
    """
    oracle = _is_oracle(dia)
    tsql = type(dia).__name__.lower() == "tsql"
    dash_needs_space = bool(getattr(dia.tokenizer_class, "DASH_COMMENT_REQUIRES_BOUNDARY", False))
    edits: list[tuple[int, int, str]] = []
    problems: list[DDLProblem] = []
    run: _Run | None = None
    at_start = True
    in_comment = False
    delimiter = ";"
    routine_start: int | None = None
    routines = 0

    def flush() -> None:
        nonlocal run
        if run is not None:
            problems.append(_run_problem(run))
            run = None

    def client(kind: str, start: int, line: str, replacement: str = "") -> None:
        """Blank one client line (optionally leaving a `;`) and add it to the current run."""
        nonlocal run
        end = start + len(line.rstrip("\r\n"))
        lead = len(line) - len(line.lstrip())
        edits.append((start, end, replacement.ljust(end - start)))
        if kind == "set" and tsql:
            return  # `SET ANSI_NULLS ON` needs no `;` in T-SQL: nothing to report
        if run is not None and run.kind == kind:
            run.count += 1
            return
        flush()
        run = _Run(kind, start + lead, line.strip())

    for start, line in _lines(text):
        s = line.strip()
        if in_comment:
            if "*/" in s:
                in_comment = False
            continue
        if not s:
            continue
        upper = s.upper()
        if routine_start is None and s.startswith("/*"):
            rest = s[2:]
            if "*/" not in rest:
                in_comment = True
                continue
            tail = rest.split("*/", 1)[1].strip()
            if not tail:
                continue
        if s.startswith("--"):
            if dash_needs_space and len(s) > 2 and not s[2].isspace():
                client("dashes", start, line)
            continue
        if s.startswith("#") and dash_needs_space:
            continue
        if s.startswith("\\"):
            client("source" if s.startswith("\\.") else "psql", start, line, ";")
            at_start = True
            continue
        if _GO.fullmatch(s):
            edits.append((start + line.index(s[0]), start + line.index(s[0]) + 1, ";"))
            edits.append(_blank(start + line.index(s[0]) + 1, start + len(line.rstrip("\r\n"))))
            flush()
            at_start = True
            continue
        dm = _DELIMITER.match(s) if at_start or routine_start is None else None
        if dm is not None and (at_start or delimiter != ";"):
            edits.append(_blank(start, start + len(line.rstrip("\r\n"))))
            flush()
            delimiter = dm.group(1)
            at_start = True
            continue
        if delimiter != ";":
            # Inside a DELIMITER block: gather a statement up to the custom delimiter.
            if routine_start is None:
                if upper.startswith(("--", "#")):
                    continue
                routine_start = start + line.index(s[0])
            body = line.rstrip()
            if body.endswith(delimiter):
                end = start + len(body)
                routines += _close_routine(text, routine_start, end, delimiter, edits, problems)
                routine_start = None
                flush()
            continue
        if oracle and s == "/":
            edits.append((start + line.index("/"), start + line.index("/") + 1, ";"))
            flush()
            at_start = True
            continue
        command = _client_line(s, oracle) if at_start else None
        if command == "remark":
            edits.append(_blank(start, start + len(line.rstrip("\r\n"))))
            continue
        if command is not None:
            client(command, start, line, ";")
            continue
        flush()
        at_start = bool(_ENDS_STATEMENT.search(s))
    flush()
    if routine_start is not None:
        routines += _close_routine(text, routine_start, len(text), "", edits, problems)
    return _Scan(_apply_edits(text, edits), problems, routines)


def _client_line(s: str, oracle: bool) -> str | None:
    """The kind of client command a line at the start of a statement is, if it is one.

    `remark` (SQL*Plus REM, a comment), `source` (mysql), `sqlplus`, or `set` (a SET
    without `;`, which would swallow the next statement); None for SQL.
    """
    word = re.split(r"[\s;]", s.upper(), maxsplit=1)[0]
    if word in _SQLPLUS_REMARK:
        return "remark"
    if word == "SOURCE" and _SOURCE.match(s):
        return "source"
    if oracle and (word.startswith("@") or (word in _SQLPLUS and not _ORACLE_SQL_SET.match(s))):
        return "sqlplus"
    if word in _SQLPLUS_ANYWHERE:
        return "sqlplus"
    if word == "SET" and not _ENDS_STATEMENT.search(s):
        return "set"
    return None


def _run_problem(run: _Run) -> DDLProblem:
    what = _shorten(run.first)
    if run.count > 1:
        what += f" and {run.count - 1} more line{'s' if run.count > 2 else ''}"
    plural = run.count > 1
    message = _RUN_MESSAGES[run.kind].format(
        s="s" if plural else "", what=what, are="are" if plural else "is"
    )
    return DDLProblem(run.offset, message, may_hold_schema=False)


def _close_routine(
    text: str,
    start: int,
    end: int,
    delimiter: str,
    edits: list[tuple[int, int, str]],
    problems: list[DDLProblem],
) -> int:
    """Handle one statement of a DELIMITER block; returns 1 when it was skipped whole.

    A stored routine or trigger is blanked and reported once as a harmless problem (its
    body is full of `;`); any other statement keeps going, its delimiter turned into `;`.
    """
    body_end = end - len(delimiter)
    body = text[start:body_end]
    if not _is_routine(body):
        if delimiter:
            edits.append((body_end, end, ";".ljust(len(delimiter))))
        return 0
    edits.append(_blank(start, end))
    head = _shorten(" ".join(body.split()[:6]))
    block = f"'DELIMITER {delimiter}' block" if delimiter else "DELIMITER block left open"
    problems.append(
        DDLProblem(
            start,
            f"stored routine or trigger in a {block} skipped ({head}): "
            "its body holds no table columns",
            may_hold_schema=False,
        )
    )
    return 1


_ROUTINES = _words("PROCEDURE FUNCTION TRIGGER EVENT")


def _is_routine(body: str) -> bool:
    """Whether a DELIMITER-block statement defines a procedure, function, trigger or event.

    Read from its first words (mysqldump wraps them in `/*!50003 ... */`), since such
    bodies need not tokenize.
    """
    head = re.sub(r"/\*!\d*|\*/", " ", body[:600])
    words = [w.upper() for w in re.findall(r"[A-Za-z_]+|\(", head)]
    if words[:1] in (["BEGIN"], ["DECLARE"]):
        return True
    if words[:1] != ["CREATE"]:
        return False
    for word in words[1:20]:
        if word in _ROUTINES:
            return True
        if word in ("TABLE", "VIEW", "INDEX", "("):
            return False
    return False


def _lines(text: str) -> Iterator[tuple[int, str]]:
    r"""(offset, line) pairs split on `\n` only, the way `line_col` counts lines."""
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl + 1
        yield pos, text[pos:end]
        pos = end


def _blank(start: int, end: int) -> tuple[int, int, str]:
    return start, end, " " * (end - start)


def _apply_edits(text: str, edits: list[tuple[int, int, str]]) -> str:
    """Apply same-length replacements; newlines inside a replaced span are kept."""
    if not edits:
        return text
    out: list[str] = []
    last = 0
    for start, end, new in sorted(edits):
        if start < last:
            continue
        out.append(text[last:start])
        old = text[start:end]
        out.append("".join(o if o in "\r\n" else c for o, c in zip(old, new, strict=True)))
        last = end
    out.append(text[last:])
    return "".join(out)


def _shorten(s: str, limit: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


# --- pass 3: statements -----------------------------------------------------------


@dataclass
class _Statement:
    """One statement's tokens; token offsets are relative to `base` in the text."""

    tokens: list[Token]
    sql: str
    base: int
    error: str | None = None
    """Set when this piece could not be tokenized at all."""

    @property
    def offset(self) -> int:
        """Where the statement starts in the text."""
        return self.base + (self.tokens[0].start if self.tokens else 0)


def _split(text: str, dia: Dialect) -> list[_Statement]:
    """Statements split on `;` tokens; pieces that cannot be tokenized are kept as errors."""
    try:
        return _split_tokens(dia.tokenize(text), text, 0)
    except TokenError:
        pass
    except Exception:  # noqa: BLE001 - a tokenizer bug must not stop the audit
        pass
    # Degraded mode: cut after lines ending in ';' and tokenize each piece alone, so one
    # unterminated string or comment only costs its own piece.
    out: list[_Statement] = []
    for base, piece in _pieces(text):
        try:
            out.extend(_split_tokens(dia.tokenize(piece), piece, base))
        except Exception:  # noqa: BLE001 - TokenError or a tokenizer bug
            # sqlglot's message quotes the text, which may be personal data: not repeated
            lead = len(piece) - len(piece.lstrip())
            out.append(_Statement([], piece, base + lead, error="untokenizable"))
    return out


_STARTS = frozenset({TokenType.CREATE, TokenType.ALTER, TokenType.COMMENT})


def _split_tokens(tokens: list[Token], sql: str, base: int) -> list[_Statement]:
    """Cut on `;`, and before a schema statement that follows another without one.

    T-SQL needs no `;` (`IF NOT EXISTS (...) CREATE TABLE ...`, several CREATEs in one
    batch); sqlglot would keep such a run as one opaque command and lose all but the first.
    """
    out: list[_Statement] = []
    current: list[Token] = []
    depth = 0
    for i, tok in enumerate(tokens):
        kind = tok.token_type
        if kind == TokenType.SEMICOLON:
            if current:
                out.append(_Statement(current, sql, base))
            current = []
            depth = 0
            continue
        if kind == TokenType.L_PAREN:
            depth += 1
        elif kind == TokenType.R_PAREN:
            depth = max(0, depth - 1)
        elif (
            kind in _STARTS
            and current
            and depth == 0
            and current[-1].token_type != TokenType.OR
            and _classify(tokens[i : i + 40]) is not None
        ):
            out.append(_Statement(current, sql, base))
            current = []
        current.append(tok)
    if current:
        out.append(_Statement(current, sql, base))
    return out


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for offset, line in _lines(text):
        if _ENDS_STATEMENT.search(line.rstrip()):
            end = offset + len(line)
            if text[start:end].strip():
                yield start, text[start:end]
            start = end
    if text[start:].strip():
        yield start, text[start:]


# --- pass 4: schema statements ----------------------------------------------------

#: What else CREATE can make: a statement naming one of these first holds no columns.
_OTHER_OBJECTS = _words(
    """ACCESS AGGREGATE CAST COLLATION CONVERSION DATABASE DOMAIN EVENT EXTENSION FUNCTION
    INDEX LANGUAGE LOGIN OPERATOR PACKAGE PIPE POLICY PROCEDURE PUBLICATION ROLE RULE SCHEMA
    SEQUENCE SERVER STAGE STATISTICS STREAM SUBSCRIPTION SYNONYM TABLESPACE TASK TEXT
    TRIGGER TYPE USER WAREHOUSE"""
)


_QUOTED = frozenset({TokenType.IDENTIFIER, TokenType.STRING, TokenType.NATIONAL_STRING})


def _word(token: Token) -> str:
    """A token's keyword, upper-cased, for comparing with keyword sets.

    The first word of multi-word keywords such as `PRIMARY KEY`; empty for quoted
    identifiers and strings, which are never keywords.
    """
    if token.token_type in _QUOTED:
        return ""
    return token.text.split(" ", 1)[0].upper()


def _classify(tokens: Sequence[Token]) -> str | None:
    """`table`, `view`, `alter`, `comment` for statements that can hold schema, else None."""
    if not tokens:
        return None
    first = _word(tokens[0])
    if first == "CREATE":
        # Modifiers (OR REPLACE, TEMPORARY, MATERIALIZED, MySQL's ALGORITHM=... DEFINER=...
        # SQL SECURITY ...) may stand between CREATE and the object kind.
        for tok in tokens[1:40]:
            word = _word(tok)
            if word in ("TABLE", "VIEW"):
                return word.lower()
            if word in _OTHER_OBJECTS or word in ("ON", "AS", "("):
                return None
        return None
    if first == "ALTER" and len(tokens) > 1 and _word(tokens[1]) == "TABLE":
        return "alter"
    if first == "COMMENT" and len(tokens) > 2 and _word(tokens[1]) == "ON":
        target = _word(tokens[2])
        if target in ("TABLE", "COLUMN", "VIEW", "MATERIALIZED"):
            return "comment"
    return None


def _what(kind: str, tokens: list[Token]) -> str:
    """The statement as messages name it: `CREATE TABLE public.users`, `ALTER TABLE t`."""
    words = [_word(t) for t in tokens]
    if kind == "comment":
        return f"COMMENT ON {words[2]} {'.'.join(_dotted_name(tokens, 3)[0])}".rstrip()
    target = {"table": "TABLE", "view": "VIEW"}.get(kind, "TABLE")
    if target not in words:
        return {"table": "CREATE TABLE", "view": "CREATE VIEW"}.get(kind, "ALTER TABLE")
    if kind == "alter":
        return f"ALTER TABLE {_shorten('.'.join(_alter_target(tokens)[0]), 80)}".rstrip()
    i = words.index(target) + 1
    if words[i : i + 3] == ["IF", "NOT", "EXISTS"]:
        i += 3
    name, _ = _dotted_name(tokens, i)
    head = f"CREATE {target}"
    return f"{head} {_shorten('.'.join(name), 80)}".rstrip()


def _first_line(message: str) -> str:
    line = message.strip().splitlines()[0] if message.strip() else "unknown error"
    return _shorten(line, 160)


@contextmanager
def _quiet_sqlglot() -> Iterator[None]:
    """Silence sqlglot's "falling back to Command" log lines: we report those ourselves."""
    logger = logging.getLogger("sqlglot")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _key(name: str) -> str:
    return name.casefold()


@dataclass
class _ColumnBuilder:
    name: str
    offset: int
    type: str | None = None
    comment: str | None = None
    primary_key: bool = False


@dataclass
class _TableBuilder:
    name: str
    schema: str | None
    offset: int
    columns: dict[str, _ColumnBuilder] = field(default_factory=dict)
    comment: str | None = None
    is_view: bool = False
    view_sql: str | None = None

    def add(self, column: _ColumnBuilder) -> None:
        """Add a column, or replace the one of the same name."""
        self.columns[_key(column.name)] = column

    def rename(self, old: str, new: str) -> None:
        """Rename a column in place, keeping the column order."""
        if _key(old) not in self.columns:
            return
        renamed: dict[str, _ColumnBuilder] = {}
        for key, col in self.columns.items():
            if key == _key(old):
                col.name = new
                key = _key(new)
            renamed[key] = col
        self.columns = renamed

    def freeze(self, original: Callable[[int], int]) -> DDLTable:
        """The finished table, with offsets mapped back to the original text."""
        return DDLTable(
            name=self.name,
            offset=original(self.offset),
            schema=self.schema,
            columns=tuple(
                DDLColumn(c.name, original(c.offset), c.type, c.comment, c.primary_key)
                for c in self.columns.values()
            ),
            comment=self.comment,
            is_view=self.is_view,
            view_sql=self.view_sql,
        )


class _SchemaBuilder:
    """Applies schema statements in file order: CREATE, then ALTERs and COMMENTs."""

    def __init__(self, dia: Dialect) -> None:
        self.dialect = dia
        self.parser: Parser = dia.parser(error_level=ErrorLevel.RAISE)
        self.generator: Generator = dia.generator()
        self.tables: dict[tuple[str, str], _TableBuilder] = {}

    def sql(self, node: exp.Expr) -> str:
        """SQL text in the source dialect; one generator, no copy: the trees are ours."""
        return self.generator.generate(node, copy=False)

    # -- entry point

    def apply(self, stmt: _Statement) -> list[DDLProblem]:
        """Use one statement; returns its problems (never raises)."""
        if stmt.error is not None:
            return [
                DDLProblem(
                    stmt.base,
                    "could not be split into SQL tokens (an unterminated string, quoted name or "
                    "comment, or text of another SQL dialect?); skipped up to the next line "
                    "ending in ';'",
                    may_hold_schema=_mentions_schema(stmt.sql),
                )
            ]
        kind = _classify(stmt.tokens)
        if kind is None or (kind == "alter" and not _alter_matters(stmt.tokens)):
            return []
        tokens = _drop_token_placeholders(stmt.tokens)
        try:
            parsed = self.parser.parse(tokens, stmt.sql)
        except (ParseError, TokenError) as exc:
            return self._unparsed(stmt, kind, tokens, _parse_error(exc, stmt))
        except Exception as exc:  # noqa: BLE001 - a sqlglot bug on one statement
            reason = f"sqlglot failed: {type(exc).__name__}: {_first_line(str(exc))}"
            return self._unparsed(stmt, kind, tokens, reason)
        tree = parsed[0] if parsed else None
        try:
            if isinstance(tree, exp.Create):
                return self._create(stmt, kind, tokens, tree)
            if isinstance(tree, exp.Alter):
                return self._alter(stmt, tree)
            if isinstance(tree, exp.Comment):
                return self._comment(stmt, tree)
        except Exception as exc:  # noqa: BLE001 - an unexpected tree shape
            return [DDLProblem(stmt.offset, f"{_what(kind, tokens)} not understood ({exc}); skipped")]
        return self._unparsed(stmt, kind, tokens, "sqlglot keeps it only as an opaque command")

    # -- CREATE

    def _create(
        self, stmt: _Statement, kind: str, tokens: list[Token], tree: exp.Create
    ) -> list[DDLProblem]:
        builder = self._build_create(stmt, tree)
        if builder is None:
            return self._unparsed(stmt, kind, tokens, "no table name found")
        if builder.is_view and not isinstance(tree.expression, exp.Query):
            return self._unparsed(stmt, kind, tokens, "no SELECT found")
        if builder.columns or builder.is_view:
            self._store(builder)
            return []
        # No columns: either they come from elsewhere, or sqlglot lost the column list.
        source = None
        if isinstance(tree.expression, exp.Query):
            source = "AS SELECT *"
        properties = tree.args.get("properties")
        for prop in properties.expressions if isinstance(properties, exp.Properties) else ():
            if isinstance(prop, (exp.LikeProperty, exp.PartitionedOfProperty)):
                source = f"{'LIKE' if isinstance(prop, exp.LikeProperty) else 'PARTITION OF'} "
                source += f"{self.sql(prop.this)}, a table this file does not define"
        if source is None:
            return self._unparsed(stmt, kind, tokens, "no column list found")
        self._store(builder)
        return [
            DDLProblem(
                stmt.offset,
                f"{_what(kind, tokens)}: its columns cannot be told from this file ({source})",
            )
        ]

    def _store(self, builder: _TableBuilder) -> None:
        """Record a table; a later CREATE of the same name replaces it, as DROP+CREATE does.

        T-SQL `#temp` tables (met inside procedure batches) are not schema.
        """
        if not builder.name.startswith("#"):
            self.tables[(_key(builder.schema or ""), _key(builder.name))] = builder

    def _build_create(self, stmt: _Statement, tree: exp.Create) -> _TableBuilder | None:
        """The table or view a parsed CREATE defines; None when it names none."""
        target = tree.this
        table = target.this if isinstance(target, exp.Schema) else target
        if not isinstance(table, exp.Table) or not table.name:
            return None
        builder = _TableBuilder(table.name, table.db or None, stmt.offset)
        builder.is_view = str(tree.args.get("kind") or "").upper() == "VIEW"
        if isinstance(target, exp.Schema):
            self._schema_elements(builder, target, stmt.base)
        query = tree.expression
        if builder.is_view and isinstance(query, exp.Expr):
            builder.view_sql = self.sql(query)
        if isinstance(query, exp.Query) and not builder.columns:
            for projection in query.selects:
                name = projection.alias_or_name
                if name and not isinstance(projection, exp.Star) and name != "*":
                    builder.add(_ColumnBuilder(name, _offset(projection, stmt)))
        properties = tree.args.get("properties")
        for prop in properties.expressions if isinstance(properties, exp.Properties) else ():
            if isinstance(prop, exp.SchemaCommentProperty):
                builder.comment = _string(prop.this)
            elif isinstance(prop, (exp.LikeProperty, exp.PartitionedOfProperty)) and isinstance(
                prop.this, exp.Table
            ):
                # CREATE TABLE t LIKE u / PARTITION OF u: t gets u's columns (at u's places)
                source = self._find(prop.this.name, prop.this.db or None)
                for col in source.columns.values() if source and not builder.columns else ():
                    builder.add(_ColumnBuilder(col.name, col.offset, col.type, col.comment,
                                               col.primary_key))
            elif isinstance(prop, exp.ModuleProperty) and not builder.columns:
                # SQLite CREATE VIRTUAL TABLE t USING fts4(a, b): the arguments are columns
                for arg in prop.expressions:
                    if isinstance(arg, exp.Identifier):
                        builder.add(_ColumnBuilder(arg.name, stmt.base + _meta_start(arg)))
        return builder

    def _schema_elements(self, builder: _TableBuilder, schema: exp.Schema, base: int) -> None:
        primary: list[str] = []
        for element in schema.expressions:
            if isinstance(element, exp.ColumnDef):
                builder.add(self._column(element, base))
            elif isinstance(element, exp.Identifier):
                # a view's column list: CREATE VIEW v (a, b) AS ...
                builder.add(_ColumnBuilder(element.name, base + _meta_start(element)))
            else:
                primary.extend(_primary_key_names(element))
        for name in primary:
            col = builder.columns.get(_key(name))
            if col is not None:
                col.primary_key = True

    def _column(self, cdef: exp.ColumnDef, base: int) -> _ColumnBuilder:
        kind = cdef.args.get("kind")
        col = _ColumnBuilder(
            cdef.name,
            base + _meta_start(cdef.this if isinstance(cdef.this, exp.Expr) else cdef),
            type=self.sql(kind) if isinstance(kind, exp.DataType) else None,
        )
        for constraint in cdef.args.get("constraints") or ():
            ckind = constraint.args.get("kind")
            if isinstance(ckind, exp.CommentColumnConstraint):
                col.comment = _string(ckind.this)
            elif isinstance(ckind, exp.PrimaryKeyColumnConstraint):
                col.primary_key = True
        return col

    # -- ALTER TABLE

    def _alter(self, stmt: _Statement, tree: exp.Alter) -> list[DDLProblem]:
        table = tree.this
        if not isinstance(table, exp.Table):
            return []
        builder = self._find(table.name, table.db or None)
        for action in tree.args.get("actions") or ():
            elements = action.expressions if isinstance(action, exp.Schema) else [action]
            for element in elements:
                if isinstance(element, exp.ColumnDef):
                    if builder is None:
                        builder = _TableBuilder(table.name, table.db or None, stmt.offset)
                        self._store(builder)
                    builder.add(self._column(element, stmt.base))
                elif builder is None:
                    continue
                elif isinstance(element, exp.Drop) and str(element.args.get("kind")) == "COLUMN":
                    for col in element.args.get("tables") or ():
                        builder.columns.pop(_key(col.name), None)
                elif isinstance(element, exp.RenameColumn):
                    new = element.args.get("to")
                    if isinstance(new, exp.Expr):
                        builder.rename(element.this.name, new.name)
                elif isinstance(element, exp.ModifyColumn) and isinstance(
                    element.this, exp.ColumnDef
                ):
                    # MySQL CHANGE old new TYPE / MODIFY col TYPE: the column keeps its place
                    old = element.args.get("rename_from")
                    if isinstance(old, exp.Identifier):
                        builder.rename(old.name, element.this.name)
                    col = builder.columns.get(_key(element.this.name))
                    if col is not None:
                        changed = self._column(element.this, stmt.base)
                        col.type = changed.type or col.type
                        col.comment = changed.comment or col.comment
                else:
                    for name in _primary_key_names(element):
                        col = builder.columns.get(_key(name))
                        if col is not None:
                            col.primary_key = True
        return []

    # -- COMMENT ON

    def _comment(self, stmt: _Statement, tree: exp.Comment) -> list[DDLProblem]:
        text = _string(tree.expression)
        target = tree.this
        if str(tree.args.get("kind") or "").upper() == "COLUMN" and isinstance(target, exp.Column):
            builder = self._find(target.table, target.db or None)
            col = builder.columns.get(_key(target.name)) if builder else None
            if col is None:
                return [
                    DDLProblem(
                        stmt.offset,
                        f"COMMENT ON COLUMN {self.sql(target)}: "
                        "no such column defined earlier in this file",
                        may_hold_schema=False,
                    )
                ]
            col.comment = text
        elif isinstance(target, exp.Table):
            builder = self._find(target.name, target.db or None)
            if builder is not None:
                builder.comment = text
        return []

    # -- what sqlglot could not parse

    def _unparsed(
        self, stmt: _Statement, kind: str, tokens: list[Token], reason: str
    ) -> list[DDLProblem]:
        """Recover a CREATE TABLE/VIEW sqlglot could not parse, or report the statement.

        First the statement is re-parsed without what usually defeats sqlglot (options
        between CREATE and TABLE/VIEW, table options after the column list, a view's
        trailing WITH clause); then a table's column list is read element by element.
        """
        if kind in ("table", "view"):
            core = _core_create(tokens, kind)
            tree = None
            if core is not None:
                try:
                    parsed = self.parser.parse(core, stmt.sql)
                    tree = parsed[0] if parsed else None
                except Exception:  # noqa: BLE001 - try the next way
                    tree = None
            if isinstance(tree, exp.Create):
                try:
                    builder = self._build_create(stmt, tree)
                except Exception:  # noqa: BLE001 - an unexpected tree shape
                    builder = None
                if builder is not None and (
                    builder.columns or (builder.is_view and isinstance(tree.expression, exp.Query))
                ):
                    self._store(builder)
                    return []
        if kind == "table":
            recovered = _recover_table(tokens, stmt, self)
            if recovered is not None:
                self._store(recovered)
                return []
        may_hold = kind in ("table", "view") or (kind == "alter" and _alter_adds(tokens))
        if kind == "alter" and not may_hold:
            self._alter_primary_key(tokens)
            return []
        if kind == "alter" and self._alter_add_columns(tokens, stmt):
            return []
        return [
            DDLProblem(
                stmt.offset,
                f"{_what(kind, tokens)} could not be parsed ({reason}); skipped",
                may_hold_schema=may_hold,
            )
        ]

    def _alter_add_columns(self, tokens: list[Token], stmt: _Statement) -> bool:
        """Read the columns of `ALTER TABLE t ADD [COLUMN] c type` / `ADD (c type, ...)`.

        For ALTERs sqlglot cannot parse (MySQL `ADD (a int, b int)`); True if any was read.
        """
        name, i = _alter_target(tokens)
        if not name:
            return False
        schema = name[-2] if len(name) > 1 else None
        builder = self._find(name[-1], schema)
        new = builder is None
        target = builder or _TableBuilder(name[-1], schema, stmt.offset)
        found = False
        for action in _split_commas(tokens[i:]):
            if _word(action[0]) != "ADD" or len(action) < 2:
                continue
            rest = action[2:] if _word(action[1]) == "COLUMN" else action[1:]
            paren = bool(rest) and rest[0].token_type == TokenType.L_PAREN
            for part in _elements(rest, 0) if paren else [rest]:
                if part and _is_name(part[0]) and not _is_table_element(part):
                    target.add(_recover_column(part, stmt, self))
                    found = True
        if found and new:
            self._store(target)
        return found

    def _alter_primary_key(self, tokens: list[Token]) -> None:
        """Read `ALTER TABLE t ... PRIMARY KEY [CLUSTERED] (a, b)` from tokens.

        T-SQL's `WITH NOCHECK ADD CONSTRAINT ... ON [PRIMARY]` defeats sqlglot.
        """
        words = [_word(t) for t in tokens]
        name, _ = _alter_target(tokens)
        if "PRIMARY" not in words or not name:
            return
        builder = self._find(name[-1], name[-2] if len(name) > 1 else None)
        i = words.index("PRIMARY") + 1
        while i < len(tokens) and tokens[i].token_type != TokenType.L_PAREN:
            i += 1
        for tok in tokens[i + 1 :] if builder is not None else ():
            if tok.token_type == TokenType.R_PAREN:
                break
            col = builder.columns.get(_key(tok.text)) if builder else None
            if col is not None:
                col.primary_key = True

    def _find(self, name: str, schema: str | None) -> _TableBuilder | None:
        """A table by name; without a matching schema, the only table of that name."""
        found = self.tables.get((_key(schema or ""), _key(name)))
        if found is not None:
            return found
        same = [t for (s, n), t in self.tables.items() if n == _key(name)]
        return same[0] if len(same) == 1 else None


def _offset(node: exp.Expr, stmt: _Statement) -> int:
    ident = node.args.get("alias") if isinstance(node, exp.Alias) else None
    if not isinstance(ident, exp.Identifier):
        ident = node.find(exp.Identifier)
    if isinstance(ident, exp.Identifier) and "start" in ident.meta:
        return stmt.base + int(ident.meta["start"])
    return stmt.offset


def _meta_start(node: exp.Expr) -> int:
    return int(node.meta.get("start", 0))


def _string(node: object) -> str | None:
    if isinstance(node, exp.Literal):
        return str(node.this)
    if isinstance(node, exp.Expr):
        return node.name or None
    return None


def _primary_key_names(node: exp.Expr) -> list[str]:
    names: list[str] = []
    for pk in node.find_all(exp.PrimaryKey):
        for part in pk.expressions:
            names.append(part.name)
    return names


_SCHEMA_LINE = re.compile(
    r"^\s*(?:CREATE\s+(?:\w+\s+){0,4}?(?:TABLE|VIEW)|ALTER\s+TABLE|COMMENT\s+ON)\b",
    re.IGNORECASE | re.MULTILINE,
)


def _mentions_schema(sql: str) -> bool:
    """Whether text that could not be tokenized has a line opening a schema statement."""
    return _SCHEMA_LINE.search(sql) is not None


def _parse_error(exc: ParseError | TokenError, stmt: _Statement) -> str:
    """The reason sqlglot gives, without the quoted SQL (it may hold personal data).

    Its line and column count from the start of the text it was given: kept only when
    that is the whole file.
    """
    errors = getattr(exc, "errors", None) or []
    if errors and isinstance(errors[0], dict) and errors[0].get("description"):
        reason = str(errors[0]["description"])
        if stmt.base == 0 and errors[0].get("line"):
            reason += f" at line {errors[0]['line']}, column {errors[0].get('col')}"
        return _shorten(reason, 160)
    return "sqlglot could not parse it"


def _drop_token_placeholders(tokens: list[Token]) -> list[Token]:
    """Drop OHDSI SqlRender-style `@schema.` prefixes (`@cdmDatabaseSchema.person`).

    `@` glued to a name and a dot is no valid DDL in any dialect; Snowflake even turns
    the whole CREATE TABLE into an opaque command because of it.
    """
    if not any(t.token_type == TokenType.PARAMETER for t in tokens):
        return tokens
    out: list[Token] = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if (
            tok.token_type == TokenType.PARAMETER
            and tok.text == "@"
            and i + 3 < n
            and tokens[i + 1].start == tok.end + 1
            and tokens[i + 2].token_type == TokenType.DOT
            and tokens[i + 2].start == tokens[i + 1].end + 1
        ):
            i += 3
            continue
        out.append(tok)
        i += 1
    return out if len(out) != n else tokens


#: Words after which a column's type has ended.
_COLUMN_OPTIONS = _words(
    """NOT NULL DEFAULT PRIMARY REFERENCES CONSTRAINT UNIQUE CHECK COLLATE COMMENT GENERATED
    AUTO_INCREMENT AUTOINCREMENT IDENTITY AS WITH MASKING TAG ON"""
)
#: Words that open a table-level element of a column list (a key, a constraint).
_TABLE_ELEMENTS = _words("CONSTRAINT PRIMARY FOREIGN CHECK LIKE EXCLUDE PERIOD")
#: Words that open a MySQL index element, or a column of that name (`key varchar(10)`).
_INDEX_ELEMENTS = _words("KEY INDEX UNIQUE FULLTEXT SPATIAL")


def _is_name(token: Token) -> bool:
    """Whether a token can be a column name (a word or a quoted identifier)."""
    text = token.text
    return token.token_type == TokenType.IDENTIFIER or (
        bool(text) and (text[0].isalpha() or text[0] in "_#@$")
    )


def _is_table_element(element: list[Token]) -> bool:
    """Whether a column-list element is a key or constraint rather than a column."""
    head = _word(element[0])
    if head in _TABLE_ELEMENTS:
        return True
    if head not in _INDEX_ELEMENTS or len(element) < 2:
        return False
    second = element[1]
    if _word(second) in ("KEY", "INDEX") or second.token_type == TokenType.L_PAREN:
        return True
    return (
        len(element) > 2
        and element[2].token_type == TokenType.L_PAREN
        and second.token_type not in Parser.TYPE_TOKENS
    )


def _recover_table(
    tokens: list[Token], stmt: _Statement, schema: _SchemaBuilder
) -> _TableBuilder | None:
    """Read `CREATE ... TABLE name (col type ..., ...)` from tokens when sqlglot cannot.

    The column list is split on top-level commas; each element is parsed alone as a
    column definition, or else read as `name type-words`.
    """
    words = [_word(t) for t in tokens]
    try:
        i = words.index("TABLE") + 1
    except ValueError:
        return None
    if words[i : i + 3] == ["IF", "NOT", "EXISTS"]:
        i += 3
    parts = [tokens[i].text] if i < len(tokens) else []
    i += 1
    while i + 1 < len(tokens) and tokens[i].token_type == TokenType.DOT:
        parts.append(tokens[i + 1].text)
        i += 2
    if i + 2 < len(tokens) and _word(tokens[i]) == "USING":
        i += 2  # SQLite `USING fts4(a, b)`: the module's arguments are the columns
    if not parts or i >= len(tokens) or tokens[i].token_type != TokenType.L_PAREN:
        return None
    builder = _TableBuilder(parts[-1], parts[-2] if len(parts) > 1 else None, stmt.offset)
    primary: list[str] = []
    for element in _elements(tokens, i):
        if _is_table_element(element):
            if "PRIMARY" in (_word(t) for t in element):
                primary.extend(
                    t.text for t in element
                    if t.token_type in (TokenType.IDENTIFIER, TokenType.VAR)
                    and _word(t) not in ("KEY", "CONSTRAINT")
                )
            continue
        if not _is_name(element[0]) or any(t.token_type == TokenType.EQ for t in element):
            continue  # not a column; or a module option such as fts5 `tokenize='porter'`
        builder.add(_recover_column(element, stmt, schema))
    if not builder.columns:
        return None
    for name in primary:
        col = builder.columns.get(_key(name))
        if col is not None:
            col.primary_key = True
    return builder


def _alter_target(tokens: list[Token]) -> tuple[list[str], int]:
    """The table name of `ALTER TABLE [ONLY] [IF EXISTS] name ...`, and the index after it."""
    i = 2
    if i < len(tokens) and _word(tokens[i]) == "ONLY":
        i += 1
    if [_word(t) for t in tokens[i : i + 2]] == ["IF", "EXISTS"]:
        i += 2
    return _dotted_name(tokens, i)


def _dotted_name(tokens: list[Token], i: int) -> tuple[list[str], int]:
    """The parts of `a.b.c` starting at token `i`, and the index after it."""
    if i >= len(tokens):
        return [], i
    parts = [tokens[i].text]
    i += 1
    while i + 1 < len(tokens) and tokens[i].token_type == TokenType.DOT:
        parts.append(tokens[i + 1].text)
        i += 2
    return parts, i


def _elements(tokens: list[Token], open_paren: int) -> list[list[Token]]:
    """The comma-separated elements inside the parenthesis at `open_paren`."""
    return _split_commas(tokens[open_paren + 1 : _matching_paren(tokens, open_paren)])


def _split_commas(tokens: list[Token]) -> list[list[Token]]:
    """Tokens split on commas outside parentheses (empty parts dropped)."""
    out: list[list[Token]] = []
    current: list[Token] = []
    depth = 0
    for tok in tokens:
        if tok.token_type == TokenType.L_PAREN:
            depth += 1
        elif tok.token_type == TokenType.R_PAREN:
            depth -= 1
        elif depth == 0 and tok.token_type == TokenType.COMMA:
            if current:
                out.append(current)
            current = []
            continue
        current.append(tok)
    if current:
        out.append(current)
    return out


def _recover_column(
    element: list[Token], stmt: _Statement, schema: _SchemaBuilder
) -> _ColumnBuilder:
    try:
        parsed = schema.parser.parse_into(exp.ColumnDef, element, stmt.sql)
        node = parsed[0] if parsed else None
        if isinstance(node, exp.ColumnDef) and node.name:
            return schema._column(node, stmt.base)
    except Exception:  # noqa: BLE001 - fall back to reading the words
        pass
    type_tokens: list[Token] = []
    for tok in element[1:]:
        if _word(tok) in _COLUMN_OPTIONS:
            break
        type_tokens.append(tok)
    kind: str | None = None
    if type_tokens:
        try:
            node = schema.parser.parse_into(exp.DataType, type_tokens, stmt.sql)[0]
            kind = schema.sql(node) if isinstance(node, exp.DataType) else None
        except Exception:  # noqa: BLE001 - keep the words as written
            kind = _join_words(type_tokens)
    return _ColumnBuilder(element[0].text, stmt.base + element[0].start, kind)


def _join_words(tokens: list[Token]) -> str:
    """Token texts joined the way SQL is written: `numeric(4, 2)`, `public.year`."""
    out = ""
    for tok in tokens:
        text = tok.text
        if not out or text in (")", ",", ".", "(") or out[-1] in "(.":
            out += text if text != "," else ", "
        else:
            out += " " + text
    return out.replace(",  ", ", ")


def _alter_matters(tokens: list[Token]) -> bool:
    """Whether an ALTER TABLE can change what we record: columns, their names, the key.

    pg_dump writes hundreds of `OWNER TO` and foreign-key ALTERs; they are not parsed.
    """
    words = [_word(t) for t in tokens]
    if "PRIMARY" in words or "CHANGE" in words or "MODIFY" in words or _alter_adds(tokens):
        return True
    pairs = zip(words, words[1:], strict=False)
    return any(w in ("DROP", "RENAME") and nxt == "COLUMN" for w, nxt in pairs)


def _alter_adds(tokens: list[Token]) -> bool:
    """Whether an ALTER TABLE may add a column (so failing to read it may lose one)."""
    words = [_word(t) for t in tokens]
    for i, word in enumerate(words[:-1]):
        if word != "ADD":
            continue
        nxt = words[i + 1]
        if nxt == "(" and i + 2 < len(words):
            nxt = words[i + 2]
        if nxt == "COLUMN" or nxt not in _TABLE_ELEMENTS:
            return True
    return False


def _core_create(tokens: list[Token], kind: str) -> list[Token] | None:
    """`CREATE TABLE|VIEW name (...) [AS query]` keeping only what carries columns."""
    target = "TABLE" if kind == "table" else "VIEW"
    words = [_word(t) for t in tokens]
    if target not in words:
        return None
    i = words.index(target)
    core = [tokens[0], tokens[i]]
    i += 1
    if words[i : i + 3] == ["IF", "NOT", "EXISTS"]:
        i += 3
    while i < len(tokens) and tokens[i].token_type not in (TokenType.L_PAREN, TokenType.ALIAS):
        core.append(tokens[i])
        i += 1
    if i < len(tokens) and tokens[i].token_type == TokenType.L_PAREN:
        close = _matching_paren(tokens, i)
        core.extend(tokens[i : close + 1])
        i = close + 1
        if kind == "table":
            return core
    while i < len(tokens) and tokens[i].token_type != TokenType.ALIAS:
        i += 1
    if i >= len(tokens):
        return core if kind == "table" else None
    query = tokens[i + 1 :]
    qwords = words[i + 1 :]
    for j in range(len(query) - 1, 0, -1):
        if qwords[j] == "WITH" and set(qwords[j + 1 : j + 3]) & {"DATA", "NO", "CHECK", "READ",
                                                                  "CASCADED", "LOCAL"}:
            query = query[:j]
            break
    return [*core, tokens[i], *query]


def _matching_paren(tokens: list[Token], open_paren: int) -> int:
    depth = 0
    for j in range(open_paren, len(tokens)):
        if tokens[j].token_type == TokenType.L_PAREN:
            depth += 1
        elif tokens[j].token_type == TokenType.R_PAREN:
            depth -= 1
            if depth == 0:
                return j
    return len(tokens) - 1
