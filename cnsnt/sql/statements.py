"""Split SQL text into statements, streaming, keeping line numbers and comments.

The splitter is lexical (strings, quoted identifiers, comments and dollar
quotes are skipped as wholes, so a `;` inside them does not split); sqlglot
parses each statement afterwards. It reads the text in chunks, so a
multi-gigabyte `;`-separated log never sits in memory.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from cnsnt.sql.fingerprint import Lexis, lexis


@dataclass(frozen=True)
class Comment:
    """A comment with the line it starts on."""

    line: int
    text: str
    """Body without the `--`, `#` or `/* */` markers."""


@dataclass(frozen=True)
class RawStatement:
    """One statement as written, with the comments before and inside it."""

    line: int
    column: int
    text: str
    leading: tuple[Comment, ...] = ()
    """Comments between the previous statement and this one."""
    inner: tuple[Comment, ...] = ()
    meta_command: bool = False
    """A psql meta-command line (`\\connect db`), not SQL."""
    oversize: int = 0
    """Characters of a statement longer than the splitter's `max_chars` (its text is then empty)."""
    plsql_block: bool = False
    """An Oracle PL/SQL block (DECLARE/BEGIN, CREATE PACKAGE, PROCEDURE...) read whole to its `/`."""
    slash: bool = False
    """Ended by a SQL*Plus `/` line (Oracle only)."""
    sqlplus_setting: bool = False
    """A SQL*Plus setting (`SET DEFINE OFF`, `PROMPT text`): a client command, no SQL, no data."""


@dataclass
class _Pending:
    leading: list[Comment] = field(default_factory=list)
    inner: list[Comment] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    line: int = 0
    column: int = 0
    size: int = 0
    words: list[str] = field(default_factory=list)
    """Its first words, upper-cased (Oracle only: they tell a PL/SQL block)."""


def _pattern(lex: Lexis) -> re.Pattern[str]:
    r"""The statement splitter's lexer: one token per match, in order.

    Linear: every branch but the dollar quote always matches once it starts (an
    unterminated string or comment runs to the end, `\Z`; a backslash that ends the
    text ends the string) and its loops are possessive, so the text a match reads is
    consumed. A dollar quote whose tag is not closed fails after reading its tag (one
    word), which the next match then consumes as a word.
    """
    if lex.backslash_escapes:
        string = r"'(?:[^'\\]++|\\.)*+(?:'|\\?\Z)"
    else:
        string = r"'(?<=[eE]')(?:[^'\\]++|\\.)*+(?:'|\\?\Z)|'(?:[^']++|'')*+(?:'|\Z)"
    comment = r"--[^\n]*+|/\*.*?(?:\*/|\Z)"
    if lex.hash_comments:
        comment += r"|#[^\n]*+"
    dollar = r"\$(?P<tag>(?:[A-Za-z_]\w*+)?)\$.*?(?:\$(?P=tag)\$|\Z)|" if lex.dollar_quotes else ""
    return re.compile(
        r"(?P<c>"
        + comment
        + r")"
        + r"|(?P<x>"
        + dollar
        + string
        + r'|"(?:[^"]++|"")*+(?:"|\Z)|`[^`]*+(?:`|\Z))'
        + r"|(?P<semi>;)"
        + r"|(?P<w>\s++)"
        + r"|(?P<o>[^\s;'\"`$\-/#]++|.)",
        re.S,
    )


def _comment_body(raw: str) -> str:
    if raw.startswith("/*"):
        return raw[2:-2] if raw.endswith("*/") else raw[2:]
    return raw[2:] if raw.startswith("--") else raw[1:]


#: Dialects whose client tools (sqlcmd, SSMS) end a batch with a `GO` line.
_GO_DIALECTS = frozenset({"tsql", "fabric"})
#: The rest of a `GO [count]` line, matched right after `GO`. Linear: a try cannot start
#: inside a blank or digit run (lookbehind); each run is possessive and the two blank runs
#: cannot trade characters (the former `[ \t]*(?:\d+)?[ \t]*` was quadratic per try on
#: a long run of blanks, and cubic when tried at every offset).
_GO_LINE = re.compile(r"(?<![ \t\d])[ \t]*+(?:\d++[ \t]*+)?(?:\r?\n|\Z)")


#: Oracle: statements that SQL*Plus reads as one PL/SQL block, whose `;` end its inner
#: statements, not the block; a line holding only `/` ends it.
_TRANSACTION_WORDS = frozenset({"TRANSACTION", "TRAN", "WORK", "TRY", "CATCH", "DISTRIBUTED"})
_PLSQL_UNITS = frozenset({"PACKAGE", "PROCEDURE", "FUNCTION", "TRIGGER", "TYPE", "LIBRARY", "JAVA"})
_PLSQL_MODIFIERS = frozenset({"OR", "REPLACE", "EDITIONABLE", "NONEDITIONABLE", "EDITIONING"})


#: SQL*Plus commands: a line of their own, no `;` needed; not SQL (REM is a comment).
_SQLPLUS_COMMANDS = frozenset(
    {"REM", "REMARK", "PROMPT", "SET", "SPOOL", "WHENEVER", "EXEC", "EXECUTE", "DEFINE",
     "UNDEFINE", "SHOW", "CONNECT", "CONN", "DISCONNECT", "PAUSE", "ACCEPT", "VARIABLE",
     "VAR", "PRINT", "COLUMN", "TTITLE", "BTITLE", "CLEAR", "EXIT", "QUIT", "@", "@@"}
)
#: SQL*Plus commands that run code or change the connection: reported when skipped.
_SQLPLUS_RUNS = frozenset({"EXEC", "EXECUTE", "CONNECT", "CONN"})
#: `SET` words that make an SQL statement, not a SQL*Plus setting.
_SQL_SET = frozenset({"TRANSACTION", "ROLE", "CONSTRAINT", "CONSTRAINTS"})


def _sqlplus_command(line: str) -> bool:
    """Whether a line that starts a statement is a SQL*Plus command (`SET DEFINE OFF`)."""
    words = line.split(None, 2)
    if not words:
        return False
    first = words[0].upper().rstrip(";")
    if first.startswith("@"):
        return True
    if first not in _SQLPLUS_COMMANDS:
        return False
    return not (first == "SET" and len(words) > 1 and words[1].upper().rstrip(";") in _SQL_SET)


#: Words read to tell a PL/SQL block: CREATE, its modifiers (`OR REPLACE EDITIONABLE`) and
#: the unit's kind, with room to spare.
PLSQL_OPENING_WORDS = 8


def opens_plsql_block(words: Sequence[str]) -> bool:
    """Whether a statement starting with these upper-cased words opens a PL/SQL block.

    `DECLARE`, `BEGIN` (not `BEGIN;` or `BEGIN TRANSACTION`: no block), `CREATE [OR
    REPLACE] [EDITIONABLE] PROCEDURE|FUNCTION|PACKAGE|TRIGGER|TYPE|LIBRARY|JAVA`: Oracle
    runs it up to a `/` line. The query splitter and the DDL reader both ask this.
    """
    if not words:
        return False
    if words[0] == "DECLARE":
        # T-SQL's `DECLARE @name type` is a statement of its own
        return not (len(words) > 1 and words[1].startswith("@"))
    if words[0] == "BEGIN":
        # `BEGIN;`, `BEGIN TRANSACTION`: another dialect's transaction, not a block
        return len(words) > 1 and words[1] not in _TRANSACTION_WORDS
    if words[0] != "CREATE":
        return False
    for word in words[1:]:
        if word in _PLSQL_UNITS:
            return True
        if word not in _PLSQL_MODIFIERS:
            return False
    return False


#: T-SQL: a routine runs to the end of its batch (`GO`); its `;` end its inner statements.
_TSQL_UNITS = frozenset({"PROCEDURE", "PROC", "FUNCTION", "TRIGGER"})
#: MySQL-family dialects, whose client takes `DELIMITER $$` to end statements otherwise.
_DELIMITER_DIALECTS = frozenset({"mysql", "mariadb", "doris", "starrocks", "singlestore", "tidb"})


def opens_tsql_routine(words: Sequence[str]) -> bool:
    """Whether a T-SQL statement starting with these upper-cased words defines a routine.

    `CREATE|ALTER [OR ALTER] PROCEDURE|PROC|FUNCTION|TRIGGER`: its body runs to the end of
    the batch, `;` or not.
    """
    if not words or words[0] not in ("CREATE", "ALTER"):
        return False
    for word in words[1:]:
        if word in _TSQL_UNITS:
            return True
        if word not in ("OR", "ALTER"):
            return False
    return False


#: A token still open at the end of the text read so far (an unclosed comment or string) is
#: waited for, not cut; past this many characters it is cut where the text ends (memory).
_MAX_UNCUT = 32 << 20


def _may_end(buffer: str, pos: int, since: int) -> bool:
    """Whether the token open at `pos` can have ended in the text added at `since`.

    When it cannot (no `*/`, no closing quote, no newline in the new text), lexing it
    again would give the same unfinished token: skipping that keeps a long comment or
    string linear instead of rescanning it with every chunk. Skipping only delays.
    """
    if buffer.startswith("/*", pos):
        return buffer.find("*/", max(since - 1, pos + 2)) >= 0
    if buffer.startswith(("--", "#"), pos):
        return buffer.find("\n", since) >= 0
    quote = buffer[pos]
    if quote in "'\"`$":
        return buffer.find(quote, since) >= 0
    return True


def _safe_end(buffer: str) -> int:
    """Where tokens may end so that lexing this chunk equals lexing the whole text.

    A token is final only when it ends at or before the chunk's last ASCII
    blank: every pattern that fails and falls back to a shorter token (a
    `$tag$` opener, `--`, `/*`) looks ahead over word characters only, and a
    token that runs to the end of the chunk may go on in the next one.
    """
    return max(buffer.rfind(c) for c in " \n\t\r\f\v")


def split_statements(
    chunks: Iterable[str], dialect: str | None = None, max_chars: int = 0, *, routines: bool = False
) -> Iterator[RawStatement]:
    """Statements of SQL text given in chunks (a file read piece by piece).

    The result does not depend on where the chunks are cut (a property test
    checks it). A statement longer than `max_chars` (when > 0) is yielded with
    `oversize` set and no text, and is never held in memory whole.

    `routines`: keep stored code whole, as its client runs it, for a reader that looks
    inside it: a T-SQL routine to the end of its batch (`GO`), and in MySQL the statements
    a `DELIMITER` line ends otherwise (`END$$`); the `DELIMITER` lines themselves are
    client commands holding no SQL and yield nothing.
    """
    regex = _pattern(lexis(dialect))
    go_batches = dialect in _GO_DIALECTS
    slash_blocks = dialect == "oracle"
    tsql_routines = routines and go_batches
    delimiters = routines and dialect in _DELIMITER_DIALECTS
    delimiter = ";"
    tail = ""  # the last characters of the statement, to find a custom delimiter
    limit = max_chars if max_chars > 0 else sys.maxsize
    pending = _Pending()
    buffer = ""
    line = 1
    col = 1
    line_blank = True  # only blanks so far on the current line (`GO` must stand alone)
    iterator = iter(chunks)
    eof = False
    pos = 0
    waiting_since = -1  # buffer length when the token at `pos` ran to the end of the text
    while not eof:
        try:
            buffer += next(iterator)
        except StopIteration:
            eof = True
        size = len(buffer)
        # `final`: lex to the end of the buffer (end of input, or one token too long to wait for).
        final = eof or size - pos > _MAX_UNCUT
        if waiting_since >= 0 and not final and not _may_end(buffer, pos, waiting_since):
            continue
        waiting_since = -1
        safe = size if final else _safe_end(buffer)
        while pos < size:
            m = regex.match(buffer, pos)
            if m is None:  # pragma: no cover - the last branch matches any character
                break
            if not final and (m.end() > safe or m.end() >= size):
                if m.end() >= size:
                    waiting_since = size
                break  # the token may continue in the next chunk
            kind = m.lastgroup
            token = m.group()
            if kind == "c":
                comment = Comment(line, _comment_body(token).strip())
                (pending.inner if pending.parts or pending.size else pending.leading).append(comment)
                if pending.parts or pending.size:
                    _add(pending, token, max_chars)
            elif kind == "semi" and delimiter != ";":
                _add(pending, token, max_chars)
                tail = (tail + token)[-len(delimiter) :]
                if tail == delimiter:
                    yield _finish(_cut(pending, delimiter), max_chars)
                    pending, tail = _Pending(), ""
            elif kind == "semi":
                if (slash_blocks and opens_plsql_block(pending.words)) or (
                    tsql_routines and opens_tsql_routine(pending.words)
                ):
                    _add(pending, token, max_chars)  # inside a PL/SQL block: read on to `/`
                elif pending.parts or pending.size:
                    yield _finish(pending, max_chars)
                    pending = _Pending()
            elif kind == "w":
                if pending.size:
                    pending.size += len(token)
                    if pending.size <= limit:
                        pending.parts.append(token)
            elif slash_blocks and line_blank and token == "/":
                # SQL*Plus: `/` alone on a line ends (and runs) the statement or PL/SQL block
                end = buffer.find("\n", m.end())
                if end < 0 and not eof:
                    break
                end = size if end < 0 else end
                if buffer[m.end() : end].strip():
                    if not (pending.parts or pending.size):
                        _start(pending, line, col)
                    _add(pending, token, max_chars)
                else:
                    if pending.parts or pending.size:
                        yield _finish(pending, max_chars, slash=True)
                        pending = _Pending()
                    col += end - m.start()
                    pos = end
                    line_blank = False
                    continue
            elif go_batches and line_blank and token.upper() == "GO":
                # `GO [count]` on a line of its own ends a T-SQL batch like `;` (it is not SQL).
                end = buffer.find("\n", m.end())
                if end < 0 and not eof:
                    break
                end = size if end < 0 else end
                if _GO_LINE.match(buffer, m.end()) is None:
                    _start(pending, line, col)
                    _add(pending, token, max_chars)
                else:
                    if pending.parts or pending.size:
                        yield _finish(pending, max_chars)
                        pending = _Pending()
                    col += end - m.start()
                    pos = end
                    line_blank = False
                    continue
            else:
                if not (pending.parts or pending.size):
                    _start(pending, line, col)
                    if delimiters and kind == "o" and token.upper() == "DELIMITER":
                        # mysql's client command: `DELIMITER $$` ends statements with `$$`
                        end = buffer.find("\n", m.start())
                        if end < 0 and not eof:
                            break
                        end = size if end < 0 else end
                        rest = buffer[m.end() : end].split()
                        delimiter = rest[0] if rest else ";"
                        pending, tail = _Pending(leading=pending.leading), ""
                        col += end - m.start()
                        pos = end
                        line_blank = False
                        continue
                    if kind == "o" and slash_blocks and (
                        token.startswith("@") or token.upper() in _SQLPLUS_COMMANDS
                    ):
                        end = buffer.find("\n", m.start())
                        if end < 0 and not eof:
                            break
                        end = size if end < 0 else end
                        text = buffer[m.start() : end].strip()
                        if _sqlplus_command(text):
                            if token.upper() in ("REM", "REMARK"):
                                pending.leading.append(Comment(line, text[len(token) :].strip()))
                            else:
                                # a setting (SET DEFINE OFF, PROMPT) holds no SQL and no data;
                                # a command that runs code (@script, EXEC) is reported
                                runs = token.startswith("@") or token.upper() in _SQLPLUS_RUNS
                                yield RawStatement(line, col, text, tuple(pending.leading),
                                                   meta_command=True, sqlplus_setting=not runs)
                                pending = _Pending()
                            col += end - m.start()
                            pos = end
                            line_blank = False
                            continue
                    if token.startswith("\\") and kind == "o":
                        # psql meta-command: the rest of the line, no `;` needed.
                        end = buffer.find("\n", m.start())
                        if end < 0 and not eof:
                            break
                        end = size if end < 0 else end
                        text = buffer[m.start() : end]
                        yield RawStatement(line, col, text.strip(), tuple(pending.leading), meta_command=True)
                        pending = _Pending()
                        col += end - m.start()
                        pos = end
                        line_blank = False
                        continue
                pending.size += len(token)  # inline `_add`: this is the hot path
                if pending.size <= limit:
                    pending.parts.append(token)
                elif pending.parts:
                    pending.parts.clear()
                if (slash_blocks or tsql_routines) and kind == "o" and (
                    len(pending.words) < PLSQL_OPENING_WORDS
                ):
                    pending.words.append(token.upper())
                if delimiter != ";":
                    tail = (tail + token)[-len(delimiter) :]
                    if tail == delimiter:
                        yield _finish(_cut(pending, delimiter), max_chars)
                        pending, tail = _Pending(), ""
            newlines = token.count("\n")
            if newlines:
                line += newlines
                col = len(token) - token.rfind("\n")
                line_blank = not token[token.rfind("\n") + 1 :].strip()
            else:
                col += len(token)
                line_blank = line_blank and not token.strip()
            pos = m.end()
        # Keep one character before the next token: the E'...' rule looks behind.
        keep = max(pos - 1, 0)
        buffer = buffer[keep:]
        pos -= keep
    if pending.parts or pending.size:
        yield _finish(pending, max_chars)


def _cut(pending: _Pending, delimiter: str) -> _Pending:
    """The statement without the custom delimiter that ended it (MySQL's `END$$`)."""
    if pending.parts:
        text = "".join(pending.parts)
        pending.parts = [text[: len(text) - len(delimiter)]]
    pending.size = max(pending.size - len(delimiter), 0)
    return pending


def _start(pending: _Pending, line: int, col: int) -> None:
    pending.line, pending.column = line, col


def _add(pending: _Pending, token: str, max_chars: int) -> None:
    """Append a token; past `max_chars` only its length is kept (bounded memory)."""
    pending.size += len(token)
    if max_chars <= 0 or pending.size <= max_chars:
        pending.parts.append(token)
    elif pending.parts:
        pending.parts.clear()


def _finish(pending: _Pending, max_chars: int = 0, *, slash: bool = False) -> RawStatement:
    oversize = pending.size if max_chars > 0 and pending.size > max_chars else 0
    text = "" if oversize else "".join(pending.parts).rstrip()
    return RawStatement(
        line=pending.line,
        column=pending.column,
        text=text,
        leading=tuple(pending.leading),
        inner=tuple(pending.inner),
        oversize=oversize,
        plsql_block=opens_plsql_block(pending.words),
        slash=slash,
    )


def comments_in(text: str, dialect: str | None = None) -> list[str]:
    """Bodies of the comments inside one statement (for annotations in log lines)."""
    regex = _pattern(lexis(dialect))
    return [_comment_body(m.group()).strip() for m in regex.finditer(text) if m.lastgroup == "c"]


def sqlplus_script(text: str) -> bool:
    """Whether SQL text is evidently an Oracle SQL*Plus script.

    A PL/SQL block ended by `/` or a SQL*Plus command (`SET DEFINE OFF`, `PROMPT`): no
    other dialect has them.
    """
    return any(
        (s.plsql_block and s.slash) or (s.meta_command and _evident_sqlplus(s.text))
        for s in split_statements([text], "oracle")
    )


#: SQL*Plus commands no other dialect has (`SET NAMES`, `SET client_encoding` are SQL
#: elsewhere, `SET DEFINE OFF` is not).
_EVIDENT_SQLPLUS = frozenset({"PROMPT", "SPOOL", "WHENEVER"})
_EVIDENT_SQLPLUS_SET = frozenset(
    {"DEFINE", "ECHO", "SERVEROUTPUT", "FEEDBACK", "VERIFY", "SQLBLANKLINES", "TERMOUT",
     "HEADING", "PAGESIZE", "LINESIZE", "SCAN", "TIMING", "SQLTERMINATOR"}
)


def _evident_sqlplus(line: str) -> bool:
    words = [w.upper().rstrip(";") for w in line.split(None, 2)]
    if not words:
        return False
    if words[0] in _EVIDENT_SQLPLUS or words[0].startswith("@"):
        return True
    return words[0] == "SET" and len(words) > 1 and words[1] in _EVIDENT_SQLPLUS_SET
