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
from functools import cache

from cnsnt.sql.fingerprint import Lexis, lexis
from cnsnt.sql.sqlplus import FIRST_WORDS, SqlPlusKind, SqlPlusLine, evident_sqlplus, sqlplus_line


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
    sqlplus: SqlPlusLine | None = None
    """A SQL*Plus command line (`SET DEFINE OFF`, `@script`): a client command, not SQL."""
    copy_unended: bool = False
    """Not a statement: the `COPY ... FROM stdin` at this line has no `\\.` line, so every
    line after it, to the end of the file, was read as its rows (its text is empty)."""
    comment_unended: bool = False
    """Not a statement: the `/*` comment at this line, between statements, is never closed,
    so the rest of the file is inside it (its text is empty)."""

    @property
    def sqlplus_setting(self) -> bool:
        """A SQL*Plus setting (`SET DEFINE OFF`, `PROMPT text`): no SQL, no data, no finding."""
        return self.sqlplus is not None and self.sqlplus.kind is SqlPlusKind.SETTING


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

    Linear: every branch but the dollar quote and a `#__name` always matches once it starts (an
    unterminated string or comment runs to the end, `\Z`; a backslash that ends the
    text ends the string) and its loops are possessive, so the text a match reads is
    consumed. A dollar quote whose tag is not closed fails after reading its tag (one
    word), which the next match then consumes as a word; a `#__name` fails after reading
    three characters, and the `#` is then one character of its own.
    """
    if lex.backslash_escapes:
        string = r"'(?>(?:[^'\\]++|\\.)*)(?:'|\\?\Z)"
    else:
        string = r"'(?<=[eE]')(?>(?:[^'\\]++|\\.)*)(?:'|\\?\Z)|'(?>(?:[^']++|'')*)(?:'|\Z)"
    comment = r"--[^\n]*+|/\*.*?(?:\*/|\Z)"
    if lex.hash_comments:
        # not Joomla's `#__users` table prefix (`placeholders.TABLE_PREFIX`), which the
        # installer replaces before MySQL reads it: a `#` glued to a word is a comment
        comment += r"|(?:(?<=[\w#])#|#(?!__[^\W_]))[^\n]*+"
    dollar = r"\$(?P<tag>(?:[A-Za-z_]\w*+)?)\$.*?(?:\$(?P=tag)\$|\Z)|" if lex.dollar_quotes else ""
    return re.compile(
        r"(?P<c>"
        + comment
        + r")"
        + r"|(?P<x>"
        + dollar
        + string
        + r'|"(?>(?:[^"]++|"")*)(?:"|\Z)|`[^`]*+(?:`|\Z))'
        + r"|(?P<semi>;)"
        + r"|(?P<w>\s++)"
        + r"|(?P<o>[^\s;'\"`$\-/#]++|.)",
        re.S,
    )


def _comment_body(raw: str) -> str:
    if raw.startswith("/*"):
        return raw[2:-2] if raw.endswith("*/") else raw[2:]
    return raw[2:] if raw.startswith("--") else raw[1:]


#: First words of a statement that may open a PL/SQL block or T-SQL routine: after any
#: other, the words that follow tell nothing (`opens_plsql_block`, `opens_tsql_routine`).
_BLOCK_OPENERS = frozenset({"DECLARE", "BEGIN", "CREATE", "ALTER"})


@cache
def _run_pattern(lex: Lexis, one_line: bool) -> re.Pattern[str]:
    r"""A run of a statement's text that holds no token the splitter acts on, read at once.

    Characters that start no token of their own (not a quote, comment, dollar quote or
    `;`, nor `/` for SQL*Plus) and whole strings and quoted names: only *ended* ones, as
    the lexer (`_pattern`) reads them, so one the text read so far leaves open stops the
    run before it. A string after `E` is read only as an escape string, as the lexer
    does. T-SQL (`one_line`): no line break outside strings, since a `GO` line ends a
    batch. Linear: every branch is possessive, and all but the first begin at a quote.
    """
    plain = r"[^;'\"`$\-/#\n]++" if one_line else r"[^;'\"`$\-/#]++"
    if lex.backslash_escapes:
        string = r"'(?>(?:[^'\\]++|\\.)*)'"
    else:
        string = r"'(?<=[eE]')(?>(?:[^'\\]++|\\.)*)'|'(?<![eE]')(?>(?:[^']++|'')*)'"
    return re.compile(rf"(?>(?:{plain}|{string}|\"(?>(?:[^\"]++|\"\")*)\"|`[^`]*+`)+)", re.S)


#: Dialects whose client tools (sqlcmd, SSMS) end a batch with a `GO` line.
GO_DIALECTS = frozenset({"tsql", "fabric"})
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


#: A row of `COPY ... FROM stdin` data longer than this with no line end in the text read
#: so far is passed over piece by piece (it cannot be the `\.` line that ends the rows).
_SHORT_ROW = 64


def copies_from_stdin(text: str, dialect: str | None = None) -> bool:
    r"""Whether a statement is a `COPY ... FROM stdin` (pg_dump): its rows follow it, up to `\.`.

    Read from the splitter's own tokens, so a `FROM stdin` inside a string or comment
    does not count.
    """
    if text[:4].upper() != "COPY":
        return False
    words = [m.group().upper() for m in _pattern(lexis(dialect)).finditer(text) if m.lastgroup == "o"]
    return words[:1] == ["COPY"] and any(
        w == "FROM" and nxt.rstrip("(").upper() == "STDIN" for w, nxt in zip(words, words[1:], strict=False)
    )


#: Why a `comment_unended` statement is reported.
COMMENT_UNENDED = (
    "comment '/*' never closed: every line after it, to the end of the file, is inside it, "
    "so statements there may be lost"
)
#: Why a `copy_unended` statement is reported (the DDL reader says the same).
COPY_UNENDED = (
    "COPY ... FROM stdin without its '\\.' line: every line after it, to the end of the file, "
    "was read as its rows (data), so statements there may be lost"
)


@dataclass
class _CopyRows:
    """Where a `COPY ... FROM stdin` started, while its data rows are passed over."""

    line: int
    column: int
    rest_of_line: bool = True
    """The rest of the COPY's own line comes first: not a row."""
    long_row: bool = False
    """Part of the current row was passed over already (so it is not the `\\.` line)."""


#: T-SQL: a routine runs to the end of its batch (`GO`); its `;` end its inner statements.
_TSQL_UNITS = frozenset({"PROCEDURE", "PROC", "FUNCTION", "TRIGGER"})
#: MySQL-family dialects, whose client takes `DELIMITER $$` to end statements otherwise.
MYSQL_DIALECTS = frozenset({"mysql", "mariadb", "doris", "starrocks", "singlestore", "tidb"})


def reads_delimiter_routines(dialect: str | None) -> bool:
    """Whether the routines of `DELIMITER` blocks are split out (and read) in this dialect."""
    return dialect is not None and dialect.lower() in MYSQL_DIALECTS


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

    A byte-order mark (U+FEFF) is a blank, as for the DDL reader (`remove_placeholders`):
    a licence header put on top of a file that began with one leaves it before the first
    statement, where it made `\ufeffDELETE` a token no parser knows (trial37).
    """
    lex = lexis(dialect)
    regex = _pattern(lex)
    go_batches = dialect in GO_DIALECTS
    slash_blocks = dialect == "oracle"
    tsql_routines = routines and go_batches
    plain = _run_pattern(lexis(dialect), go_batches)
    delimiters = routines and dialect in MYSQL_DIALECTS
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
    copy: _CopyRows | None = None  # passing over the data rows of a `COPY ... FROM stdin`
    unended: tuple[int, int] | None = None  # a `/*` between statements that the text never closes
    while not eof:
        try:
            buffer += next(iterator).replace("\ufeff", " ")  # one character for one: places kept
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
            if copy is not None:
                # rows of `COPY ... FROM stdin` up to a `\.` line: data, not SQL (as INSERT
                # values are), so not statements either; the DDL reader passes them over too
                end = buffer.find("\n", pos)
                if end < 0 and not final:
                    if size - pos > _SHORT_ROW:
                        copy.long_row = True  # a long row: pass over what there is of it
                        col += size - pos
                        pos = size
                    break
                end = size if end < 0 else end
                if not (copy.rest_of_line or copy.long_row) and buffer[pos:end].strip() == "\\.":
                    copy = None
                else:
                    copy.rest_of_line = copy.long_row = False
                if end < size:
                    line += 1
                    col = 1
                    line_blank = True
                    pos = end + 1
                else:
                    col += end - pos
                    pos = end
                continue
            if (
                pending.size
                and delimiter == ";"
                and not (go_batches and line_blank)
                and (
                    not (slash_blocks or tsql_routines)
                    or len(pending.words) >= PLSQL_OPENING_WORDS
                    or (pending.words and pending.words[0] not in _BLOCK_OPENERS)
                )
            ):
                # inside a statement: a run of text that holds no token the splitter acts on
                # (`_run_pattern`) is added at once, as its tokens one by one would be
                run = plain.match(buffer, pos, size if final else safe)
                if run is not None:
                    token = run.group()
                    pending.size += len(token)
                    if pending.size <= limit:
                        pending.parts.append(token)
                    elif pending.parts:
                        pending.parts.clear()
                    # the same advance as after any token below, kept inline: a call per
                    # token costs the splitter 4-5% (gibbon, opencart, orfeo)
                    newlines = token.count("\n")
                    if newlines:
                        line += newlines
                        col = len(token) - token.rfind("\n")
                        line_blank = not token[token.rfind("\n") + 1 :].strip()
                    else:
                        col += len(token)
                        line_blank = line_blank and not token.strip()
                    pos = run.end()
                    continue
            m = regex.match(buffer, pos)
            if m is None:  # pragma: no cover - the last branch matches any character
                break
            if not final and (m.end() > safe or m.end() >= size):
                if m.end() >= size:
                    waiting_since = size
                break  # the token may continue in the next chunk
            kind = m.lastgroup
            token = m.group()
            if kind == "x" and pending.size and delimiter == ";":
                # a string or quoted name inside a statement: a piece of its text, no more
                # (what the last branch below does with it, without its tests)
                pending.size += len(token)
                if pending.size <= limit:
                    pending.parts.append(token)
                elif pending.parts:
                    pending.parts.clear()
            elif kind == "c":
                comment = Comment(line, _comment_body(token).strip())
                closed = len(token) > 3 and token[-2:] == "*/"
                if eof and m.end() == size and token[:2] == "/*" and not closed:
                    unended = None if pending.parts or pending.size else (line, col)
                (pending.inner if pending.parts or pending.size else pending.leading).append(comment)
                if pending.parts or pending.size:
                    _add(pending, token, max_chars)
            elif kind == "semi" and delimiter != ";":
                if not (pending.parts or pending.size):
                    _start(pending, line, col)
                _add(pending, token, max_chars)
                tail = (tail + token)[-len(delimiter) :]
                if tail == delimiter:
                    if _cut(pending, delimiter).size:
                        yield _finish(pending, max_chars)
                        pending = _Pending()
                    else:  # the delimiter alone (`;;` after a comment): no statement
                        pending = _Pending(leading=pending.leading)
                    tail = ""
            elif kind == "semi":
                if (slash_blocks and opens_plsql_block(pending.words)) or (
                    tsql_routines and opens_tsql_routine(pending.words)
                ):
                    _add(pending, token, max_chars)  # inside a PL/SQL block: read on to `/`
                elif pending.parts or pending.size:
                    stmt = _finish(pending, max_chars)
                    yield stmt
                    pending = _Pending()
                    if copies_from_stdin(stmt.text, dialect):
                        copy = _CopyRows(stmt.line, stmt.column)
                        pos = m.end()
                        col += 1
                        continue
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
                    if lex.hash_comments and kind == "o" and token == "#":
                        # `#__word` where a statement starts: no table name (no statement
                        # starts with one) but a comment line, as `placeholders.prefix_spots`
                        # and so the DDL reader read it
                        end = buffer.find("\n", m.start())
                        if end < 0 and not eof:
                            break
                        end = size if end < 0 else end
                        pending.leading.append(Comment(line, buffer[m.end() : end].strip()))
                        col += end - m.start()
                        pos = end
                        line_blank = False
                        continue
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
                    # SQL*Plus lines in Oracle files only (`cnsnt init` gives an evident
                    # SQL*Plus script `oracle`): elsewhere a half-known one (`spool x` then
                    # `set lines 500`) would leave a SET that swallows the next statement
                    if kind == "o" and slash_blocks and (token[:1] == "@" or token.upper() in FIRST_WORDS):
                        end = buffer.find("\n", m.start())
                        if end < 0 and not eof:
                            break
                        end = size if end < 0 else end
                        text = buffer[m.start() : end].strip()
                        command = sqlplus_line(text, oracle=True)
                        if command is not None:
                            if command.kind is SqlPlusKind.REMARK:
                                pending.leading.append(Comment(line, text[len(token) :].strip()))
                            else:
                                # what the line means for an audit is `cnsnt.sql.sqlplus`'s call
                                yield RawStatement(line, col, text, tuple(pending.leading),
                                                   meta_command=True, sqlplus=command)
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
                        if copies_from_stdin(text.strip()[1:], dialect):  # `\copy t FROM stdin`
                            copy = _CopyRows(line, col)
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
                        if _cut(pending, delimiter).size:
                            yield _finish(pending, max_chars)
                            pending = _Pending()
                        else:  # the delimiter alone: no statement
                            pending = _Pending(leading=pending.leading)
                        tail = ""
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
    if copy is not None:
        yield RawStatement(copy.line, copy.column, "", copy_unended=True)
    if unended is not None:
        yield RawStatement(*unended, "", tuple(pending.leading), comment_unended=True)


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


def comment_spans(text: str, dialect: str | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each comment of a SQL text, found as the splitter finds them."""
    regex = _pattern(lexis(dialect))
    return ((m.start(), m.end()) for m in regex.finditer(text) if m.lastgroup == "c")


def sqlplus_script(text: str) -> bool:
    """Whether SQL text is evidently an Oracle SQL*Plus script.

    A PL/SQL block ended by `/` or a SQL*Plus command (`SET DEFINE OFF`, `PROMPT`): no
    other dialect has them.
    """
    return any(
        (s.plsql_block and s.slash) or (s.sqlplus is not None and evident_sqlplus(s.text))
        for s in split_statements([text], "oracle")
    )
