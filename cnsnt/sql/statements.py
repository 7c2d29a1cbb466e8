"""Split SQL text into statements, streaming, keeping line numbers and comments.

The splitter is lexical (strings, quoted identifiers, comments and dollar
quotes are skipped as wholes, so a `;` inside them does not split); sqlglot
parses each statement afterwards. It reads the text in chunks, so a
multi-gigabyte `;`-separated log never sits in memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
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


@dataclass
class _Pending:
    leading: list[Comment] = field(default_factory=list)
    inner: list[Comment] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    line: int = 0
    column: int = 0


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
        r"(?P<c>" + comment + r")"
        + r"|(?P<x>" + dollar + string + r'|"(?:[^"]++|"")*+(?:"|\Z)|`[^`]*+(?:`|\Z))'
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


def split_statements(chunks: Iterable[str], dialect: str | None = None) -> Iterator[RawStatement]:
    """Statements of SQL text given in chunks (a file read piece by piece)."""
    regex = _pattern(lexis(dialect))
    go_batches = dialect in _GO_DIALECTS
    pending = _Pending()
    buffer = ""
    line = 1
    col = 1
    iterator = iter(chunks)
    eof = False
    while not eof:
        try:
            buffer += next(iterator)
        except StopIteration:
            eof = True
        pos = 0
        size = len(buffer)
        while pos < size:
            m = regex.match(buffer, pos)
            if m is None:  # pragma: no cover - the last branch matches any character
                break
            if m.end() >= size and not eof:
                break  # the token may continue in the next chunk
            kind = m.lastgroup
            token = m.group()
            if kind == "c":
                comment = Comment(line, _comment_body(token).strip())
                (pending.inner if pending.parts else pending.leading).append(comment)
                if pending.parts:
                    pending.parts.append(token)
            elif kind == "semi":
                if pending.parts:
                    yield _finish(pending)
                    pending = _Pending()
            elif kind == "w":
                if pending.parts:
                    pending.parts.append(token)
            elif go_batches and token.upper() == "GO" and _alone_on_line(buffer, m.start(), m.end()):
                # `GO [count]` on a line of its own ends a T-SQL batch like `;` (it is not SQL).
                end = buffer.find("\n", m.end())
                if end < 0 and not eof:
                    break
                end = size if end < 0 else end
                if pending.parts:
                    yield _finish(pending)
                    pending = _Pending()
                col += end - m.start()
                pos = end
                continue
            else:
                if not pending.parts:
                    pending.line, pending.column = line, col
                    if token.startswith("\\") and kind == "o":
                        # psql meta-command: the rest of the line, no `;` needed.
                        end = buffer.find("\n", m.start())
                        if end < 0 and not eof:
                            break
                        end = size if end < 0 else end
                        text = buffer[m.start() : end]
                        yield RawStatement(line, col, text.strip(), tuple(pending.leading),
                                           meta_command=True)
                        pending = _Pending()
                        col += end - m.start()
                        pos = end
                        continue
                pending.parts.append(token)
            newlines = token.count("\n")
            if newlines:
                line += newlines
                col = len(token) - token.rfind("\n")
            else:
                col += len(token)
            pos = m.end()
        buffer = buffer[pos:]
    if pending.parts:
        yield _finish(pending)


def _alone_on_line(buffer: str, start: int, end: int) -> bool:
    """Nothing but blanks before the token on its line, and at most a count after it."""
    line_start = buffer.rfind("\n", 0, start) + 1
    return not buffer[line_start:start].strip() and _GO_LINE.match(buffer, end) is not None


def _finish(pending: _Pending) -> RawStatement:
    return RawStatement(
        line=pending.line,
        column=pending.column,
        text="".join(pending.parts).rstrip(),
        leading=tuple(pending.leading),
        inner=tuple(pending.inner),
    )


def comments_in(text: str, dialect: str | None = None) -> list[str]:
    """Bodies of the comments inside one statement (for annotations in log lines)."""
    regex = _pattern(lexis(dialect))
    return [_comment_body(m.group()).strip() for m in regex.finditer(text) if m.lastgroup == "c"]
