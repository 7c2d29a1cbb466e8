r"""Client-command lines in DDL dumps, blanked out before the text is tokenized.

psql `\connect`, mysql `source` and `DELIMITER`, T-SQL `GO`, sqlcmd `:setvar` and
SQL*Plus `SET`, `PROMPT`, `REM` and `/` are commands to the client, not SQL; left in,
each would be glued to the next statement and break it. SQL*Plus lines are read by
`cnsnt.sql.sqlplus`, as in query files: settings are no finding, `@script` is named.
They are found line by line and replaced by blanks (or by `;` where they end a
statement) of the same length, so offsets stay those of the text.
Stored routines in DELIMITER blocks are blanked whole: their bodies hold no columns. So
are the rows of a pg_dump `COPY ... FROM stdin;` up to its `\.` line: data, as INSERT
values are, and silent like them. A file that ends before that line is reported at the
COPY (an error: the statements after it, if any, were read as rows).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlglot.dialects.dialect import Dialect
from sqlglot.dialects.mysql import MySQL
from sqlglot.tokenizer_core import TokenType

from cnsnt.sql.ddl_result import DDLProblem
from cnsnt.sql.ddl_split import classify, keyword
from cnsnt.sql.ddl_text import ENDS_STATEMENT, keywords, lines, shorten
from cnsnt.sql.routine_bodies import defines_routine
from cnsnt.sql.sqlplus import SqlPlusKind, sqlplus_line
from cnsnt.sql.statements import COPY_UNENDED, comment_spans

# Client lines, each matched once at a line start. Linear: fixed words, then possessive
# runs of blanks, digits or non-blanks (a run is never given back, so never re-read).
_GO = re.compile(r"GO(?:\s++\d++)?\s*+(?:--.*+)?", re.IGNORECASE)
_DELIMITER = re.compile(r"DELIMITER\s++(\S++)", re.IGNORECASE)
#: Line breaks, which a blanked span keeps (offsets of lines stay where they were).
_LINE_BREAK = re.compile(r"[\r\n]++")
_SOURCE = re.compile(r"source\s++\S", re.IGNORECASE)
#: Where a line's first word ends. Linear: one class, one character.
_WORD_END = re.compile(r"[\s;]")
#: MySQL version comments `/*!50003` and comment ends. Linear: fixed prefix, possessive digits.
_VERSIONED_COMMENT = re.compile(r"/\*!\d*+|\*/")
#: The opening of a MySQL executable comment: `/*!50705` (server version), `/*!`, MariaDB's
#: `/*M!100100`. Linear: fixed prefix, possessive digits.
_EXECUTABLE_COMMENT = re.compile(r"/\*M?!\d*+")
#: Words and `(` of a statement head. Linear: possessive run or one character.
_HEAD_WORD = re.compile(r"[A-Za-z_]++|\(")

#: sqlcmd commands (docs: "sqlcmd utility", commands start with `:`), in SQL Server
#: Data Tools publish scripts: `:setvar DatabaseName "app"`, `:on error exit`.
_SQLCMD = keywords(
    "CONNECT ED ERROR EXIT HELP LIST LISTVAR ON OUT PERFTRACE QUIT R RESET SERVERLIST SETVAR XML"
)


@dataclass
class Scan:
    """The text with client lines blanked, and what was found on the way."""

    text: str
    problems: list[DDLProblem]
    routines: int
    """Statements skipped whole inside DELIMITER blocks."""
    unit_ends: list[int] = field(default_factory=list)
    """Offsets of SQL*Plus `/` lines (Oracle), each the end of a PL/SQL unit, if one ran."""


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
    "sqlcmd": "sqlcmd command{s} skipped ({what}): a client command, not SQL",
    "set": "session setting{s} without ';' skipped ({what}), so the next statement still parses",
    "dashes": (
        "line{s} of dashes skipped ({what}): MySQL reads '--' as a comment only when a space "
        "follows, so the line would break the next statement"
    ),
}


def is_oracle(dia: Dialect) -> bool:
    """Whether the dialect is Oracle's (SQL*Plus scripts: `/` lines, PL/SQL units)."""
    return type(dia).__name__.lower() == "oracle"


def scan_lines(text: str, dia: Dialect) -> Scan:
    """Blank out client-command lines and DELIMITER routine bodies, keeping offsets.

    Looking at whole lines is safe here because none of these are SQL. A line counts as
    a client command only at the start of a statement (after a line ending in `;`),
    except psql backslash lines, `GO` and `DELIMITER`, which clients take anywhere.
    """
    oracle = is_oracle(dia)
    tsql = type(dia).__name__.lower() == "tsql"
    dash_needs_space = bool(getattr(dia.tokenizer_class, "DASH_COMMENT_REQUIRES_BOUNDARY", False))
    edits: list[tuple[int, int, str]] = []
    problems: list[DDLProblem] = []
    run: _Run | None = None
    at_start = True
    in_comment = False
    comment_start = 0
    delimiter = ";"
    routine_start: int | None = None
    routines = 0
    copy_start: int | None = None
    copy_at = 0  # where the COPY whose rows are being read starts
    unit_ends: list[int] = []
    copy_data = False

    dashes: list[_Run] = []  # banners of dashes, one problem for the whole file
    dashes_at = 0  # where in `problems` that one goes: in file order

    def flush() -> None:
        nonlocal run, dashes_at
        if run is not None and run.kind == "dashes":
            if not dashes:
                dashes_at = len(problems)
            dashes.append(run)
        elif run is not None:
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

    for start, line in lines(text):
        s = line.strip()
        if copy_data:
            # rows of `COPY ... FROM stdin` up to `\.`: data, not SQL (as INSERT data is)
            edits.append(_blank(start, start + len(line.rstrip("\r\n"))))
            if s == "\\.":
                copy_data = False
                at_start = True
            continue
        if in_comment:
            if "*/" in s:
                in_comment = False
                if delimiter != ";" and s.rsplit("*/", 1)[1].strip() == delimiter:
                    # SQLyog: `/*!50003 CREATE FUNCTION ...` over lines, then `*/$$`
                    end = start + len(line.rstrip())
                    routines += _close_routine(text, comment_start, end, delimiter, edits, problems, dia)
                    flush()
            continue
        if not s:
            continue
        if routine_start is None and s.startswith("/*"):
            rest = s[2:]
            if "*/" not in rest:
                in_comment = True
                comment_start = start + line.index("/*")
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
        if s[0] in "gG" and _GO.fullmatch(s):
            edits.append((start + line.index(s[0]), start + line.index(s[0]) + 1, ";"))
            edits.append(_blank(start + line.index(s[0]) + 1, start + len(line.rstrip("\r\n"))))
            flush()
            at_start = True
            continue
        dm = _DELIMITER.match(s) if s[0] in "dD" and (at_start or routine_start is None) else None
        if dm is not None and (at_start or delimiter != ";"):
            edits.append(_blank(start, start + len(line.rstrip("\r\n"))))
            flush()
            delimiter = dm.group(1)
            at_start = True
            continue
        if delimiter != ";":
            # Inside a DELIMITER block: gather a statement up to the custom delimiter.
            if routine_start is None:
                if s.startswith(("--", "#")):
                    continue
                routine_start = start + line.index(s[0])
            body = line.rstrip()
            if body.endswith(delimiter):
                end = start + len(body)
                routines += _close_routine(text, routine_start, end, delimiter, edits, problems, dia)
                routine_start = None
                flush()
            continue
        if oracle and s == "/":
            edits.append((start + line.index("/"), start + line.index("/") + 1, ";"))
            unit_ends.append(start + line.index("/"))
            flush()
            at_start = True
            continue
        plus = sqlplus_line(s, oracle=oracle) if at_start else None
        if plus is not None:
            # the reading query files share (`cnsnt.sql.sqlplus`): a remark is a comment, a
            # setting no finding; the line ends the statement before it, as SQL*Plus reads it
            end = start + len(line.rstrip("\r\n"))
            if plus.kind is SqlPlusKind.REMARK:
                edits.append(_blank(start, end))
                continue
            edits.append((start, end, ";".ljust(end - start)))
            flush()
            message = plus.message()
            if message is not None:
                lead = len(line) - len(line.lstrip())
                problems.append(DDLProblem(start + lead, message, may_hold_schema=False,
                                           info=plus.kind is SqlPlusKind.INCLUDE,
                                           includes=plus.script_names()))
            continue
        command = _client_line(s) if at_start else None
        if command is not None:
            client(command, start, line, ";")
            continue
        if run is not None:
            flush()
        if at_start and _WORD_END.split(s.upper(), maxsplit=1)[0] == "COPY":
            copy_start = start
            copy_at = start + line.index(s[0])
        at_start = ";" in s and ENDS_STATEMENT.search(s) is not None
        if at_start and copy_start is not None:
            copy_data = _copies_from_stdin(text[copy_start : start + len(line)], dia)
            copy_start = None
    flush()
    if dashes:
        problems.insert(dashes_at, _dashes_problem(dashes, text))
    if copy_data:
        problems.append(DDLProblem(copy_at, COPY_UNENDED))
    if routine_start is not None:
        routines += _close_routine(text, routine_start, len(text), "", edits, problems, dia)
    out = _apply_edits(text, edits)
    if isinstance(dia, MySQL):
        out = _run_executable_comments(out)
    return Scan(out, problems, routines, unit_ends)


def _run_executable_comments(text: str) -> str:
    """MySQL's executable comments opened: their markers blanked, their SQL kept.

    The server runs what `/*!50705 location GEOMETRY,*/` holds (mysqldump writes views,
    column lists and table options so), so it is SQL, not a comment: left a comment, the
    column or view in it would be lost without a word. Only closed ones: an unclosed
    comment stays one, for the tokenizer to report. Routines in DELIMITER blocks were
    blanked before, so their judgement (`_read_as_stored_code`) still sees the markers.
    """
    if "/*!" not in text and "/*M!" not in text:
        return text
    edits: list[tuple[int, int, str]] = []
    for start, end in comment_spans(text, "mysql"):
        opening = _EXECUTABLE_COMMENT.match(text, start)
        if opening is not None and end - 2 >= opening.end() and text.startswith("*/", end - 2):
            edits.append(_blank(start, opening.end()))
            edits.append(_blank(end - 2, end))
    return _apply_edits(text, edits)


def _client_line(s: str) -> str | None:
    """The kind of client command a line at the start of a statement is, if it is one.

    `source` (mysql), `sqlcmd`, or `set` (a SET without `;`, which would swallow the next
    statement); None for SQL. SQL*Plus lines are `sqlplus_line`'s (asked first).
    """
    word = _WORD_END.split(s.upper(), maxsplit=1)[0]
    if word == "SOURCE" and _SOURCE.match(s):
        return "source"
    if word.startswith(":") and word[1:] in _SQLCMD:
        return "sqlcmd"
    if word == "SET" and not ENDS_STATEMENT.search(s):
        return "set"
    return None


def _run_problem(run: _Run) -> DDLProblem:
    what = shorten(run.first)
    if run.count > 1:
        what += f" and {run.count - 1} more line{'s' if run.count > 2 else ''}"
    plural = run.count > 1
    message = _RUN_MESSAGES[run.kind].format(
        s="s" if plural else "", what=what, are="are" if plural else "is"
    )
    return DDLProblem(run.offset, message, may_hold_schema=False)


#: Lines named in the one problem for a file's banners of dashes, before "and N more".
_DASH_LINES_SHOWN = 5


def _dashes_problem(runs: list[_Run], text: str) -> DDLProblem:
    """One problem for every banner of dashes in a file, at the first.

    A dump that frames each table in `-----` lines (OpenCart's) has a hundred of them:
    one warning per banner buried every other finding of the file.
    """
    if len(runs) == 1:
        return _run_problem(runs[0])
    total = sum(r.count for r in runs)
    starts = [text.count("\n", 0, r.offset) + 1 for r in runs[:_DASH_LINES_SHOWN]]
    where = ", ".join(str(n) for n in starts)
    if len(runs) > _DASH_LINES_SHOWN:
        where += f" and {len(runs) - _DASH_LINES_SHOWN} more places"
    message = (
        f"{total} lines of dashes skipped ({shorten(runs[0].first)}, at lines {where}): MySQL "
        "reads '--' as a comment only when a space follows, so each line would break the next "
        "statement"
    )
    return DDLProblem(runs[0].offset, message, may_hold_schema=False)


def _close_routine(
    text: str,
    start: int,
    end: int,
    delimiter: str,
    edits: list[tuple[int, int, str]],
    problems: list[DDLProblem],
    dia: Dialect,
) -> int:
    """Handle one statement of a DELIMITER block; returns 1 when it was skipped whole.

    A stored routine or trigger is blanked and reported once as a harmless problem (its
    body is full of `;`), except the CREATE TABLE statements in it (a procedure that
    sets up the schema): those are kept for the schema reader. Any other statement keeps
    going, its delimiter turned into `;`.
    """
    body_end = end - len(delimiter)
    body = text[start:body_end]
    if not _is_routine(body):
        if delimiter:
            edits.append((body_end, end, ";".ljust(len(delimiter))))
        return 0
    kept = _created_tables(body, dia)
    last = start
    for first, stop in kept:
        edits.append(_blank(last, start + first))
        last = start + stop
    edits.append(_blank(last, end))
    head = shorten(" ".join(body.split()[:6]))
    block = f"'DELIMITER {delimiter}' block" if delimiter else "DELIMITER block left open"
    if kept:
        many = len(kept) > 1
        what = f"the CREATE TABLE statement{'s' if many else ''} it runs {'are' if many else 'is'} read"
        message = f"stored routine or trigger in a {block} skipped ({head}), but {what}"
    else:
        message = f"stored routine or trigger in a {block} skipped ({head}): its body holds no table columns"
    read = _read_as_stored_code(body, delimiter)
    problems.append(DDLProblem(start, message, may_hold_schema=False, routine=read))
    return 1


def _read_as_stored_code(body: str, delimiter: str) -> bool:
    """Whether the stored-code reader audits this routine's statements (MySQL family).

    Only a closed block's routine that opens with its CREATE: one in a version comment
    (`/*!50003 CREATE ... */`) or a bare BEGIN block is not read there.
    """
    head = body.lstrip()
    return bool(delimiter) and not head.startswith(("/*", "--", "#")) and defines_routine(head, "mysql")


def _created_tables(body: str, dia: Dialect) -> list[tuple[int, int]]:
    """(start, end) in `body` of each `CREATE TABLE ... ;` a routine runs (not TEMPORARY ones).

    Read from the dialect's tokens; a body that does not tokenize keeps nothing.
    """
    try:
        tokens = dia.tokenize(body)
    except Exception:  # noqa: BLE001 - TokenError or a tokenizer bug: blank the whole body
        return []
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.token_type != TokenType.CREATE or classify(tokens[i : i + 40]) != "table":
            i += 1
            continue
        words = []
        for t in tokens[i + 1 : i + 40]:
            words.append(keyword(t))
            if words[-1] == "TABLE":
                break
        depth = 0
        j = i + 1
        while j < len(tokens):
            kind = tokens[j].token_type
            if kind == TokenType.L_PAREN:
                depth += 1
            elif kind == TokenType.R_PAREN:
                depth -= 1
            elif kind == TokenType.SEMICOLON and depth <= 0:
                break
            j += 1
        if j < len(tokens) and not {"TEMPORARY", "TEMP"} & set(words):
            spans.append((tok.start, tokens[j].end + 1))
        i = j + 1
    return spans


_ROUTINES = keywords("PROCEDURE FUNCTION TRIGGER EVENT")


def _is_routine(body: str) -> bool:
    """Whether a DELIMITER-block statement defines a procedure, function, trigger or event.

    Read from its first words (mysqldump wraps them in `/*!50003 ... */`), since such
    bodies need not tokenize.
    """
    head = _VERSIONED_COMMENT.sub(" ", body[:600])
    words = [w.upper() for w in _HEAD_WORD.findall(head)]
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


def _copies_from_stdin(statement: str, dia: Dialect) -> bool:
    r"""Whether a COPY statement reads `FROM stdin` (pg_dump): its rows follow it, up to `\.`."""
    try:
        words = [keyword(t) for t in dia.tokenize(statement)]
    except Exception:  # noqa: BLE001 - TokenError or a tokenizer bug: not a COPY we know
        return False
    return any(w == "FROM" and nxt == "STDIN" for w, nxt in zip(words, words[1:], strict=False))


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
        out.append(_keep_newlines(text[start:end], new))
        last = end
    out.append(text[last:])
    return "".join(out)


def _keep_newlines(old: str, new: str) -> str:
    """`new`, with the line breaks of `old` (same length) where `old` has them.

    Most spans are one line: `new` as it is. A blanked COPY block or routine body spans
    many: cut at its line breaks, not character by character (it was most of the time
    of a schema of large routines).
    """
    if "\n" not in old and "\r" not in old:
        return new
    out: list[str] = []
    last = 0
    for brk in _LINE_BREAK.finditer(old):
        out.append(new[last : brk.start()])
        out.append(brk.group())
        last = brk.end()
    out.append(new[last:])
    return "".join(out)
