"""The statements of a T-SQL batch written without `;` between them, each at its offset.

SQL Server needs no terminator: SSMS scripts data as `SET IDENTITY_INSERT t ON`, one
`INSERT` per row, `SET IDENTITY_INSERT t OFF`, then `GO`, and people write `DECLARE @id
int` or `PRINT '...'` on the line before a `SELECT`. sqlglot parses one statement per
`;`: glued SELECTs were one CN001 for the batch, and a batch that starts with a
statement sqlglot keeps opaque (`SET IDENTITY_INSERT`, `PRINT`) became one `Command`
holding the rest, so its INSERTs and SELECTs were read as nothing, with no finding.

sqlglot's parser says where a statement ends: parsing the batch's tokens stops with
"unexpected token" at the first token it cannot take, and when that token starts a
statement (`SELECT`, `INSERT`, `SET`, ... outside parentheses) and the tokens before it
parse alone, the batch is cut there. After a statement sqlglot keeps opaque, the cut is
at the next line that starts with a statement's first word and does not continue the
one before (`UNION`, `AS`, `THEN`, ...). A statement that does not parse is one piece up
to the next line that starts a statement, so it costs itself only (CN001 at its line).
Nothing here reads SQL with a regular expression: the tokens are sqlglot's.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from sqlglot import exp
from sqlglot.dialects.dialect import Dialect
from sqlglot.errors import ErrorLevel, ParseError, SqlglotError
from sqlglot.tokenizer_core import Token, TokenType

#: First words of T-SQL statements (Transact-SQL reference, "Statements"), as a word
#: outside parentheses where one may start; matched on tokens, never on text.
_STATEMENT_WORDS = frozenset(
    {"SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "WITH", "SET", "DECLARE", "PRINT"}
    | {"EXEC", "EXECUTE", "IF", "WHILE", "BEGIN", "END", "COMMIT", "ROLLBACK", "SAVE"}
    | {"CREATE", "ALTER", "DROP", "TRUNCATE", "USE", "GRANT", "REVOKE", "DENY", "RETURN"}
    | {"RAISERROR", "THROW", "OPEN", "FETCH", "CLOSE", "DEALLOCATE", "WAITFOR", "DBCC"}
    | {"BULK", "CHECKPOINT", "RECONFIGURE", "GOTO", "BREAK", "CONTINUE"}
)
#: Words after which a statement's first word continues the statement before it
#: (`UNION SELECT`, `AS SELECT`, `THEN UPDATE`, `FOR INSERT, UPDATE`); a block's
#: statements (`BEGIN ... END`, `BEGIN TRY`) stay with it, as before.
_CONTINUES_AFTER = frozenset(
    {"UNION", "ALL", "EXCEPT", "INTERSECT", "AS", "THEN", "ELSE", "FOR", "AFTER"}
    | {"BEFORE", "OF", "INSTEAD", ",", "GRANT", "REVOKE", "DENY", "(", "BEGIN", "NOT", "OR"}
    | {"AND", "TRY", "CATCH", "=", "IF", "WHILE", "EXISTS", "IN", "OUTPUT", "INTO"}
)
#: After `ON`, these continue the statement (`ON DELETE CASCADE`); any other starts one
#: (`SET IDENTITY_INSERT t ON` then `INSERT`).
_AFTER_ON = frozenset({"DELETE", "UPDATE"})
#: Command words whose glued tail is tokenized again, per batch (`_tokens`).
_RETOKENIZED = 32
#: Line-starting statement words tried as a cut after an opaque statement, at most.
_TRIES = 16
#: Statement words a parse first looks at; doubled while a statement runs past them.
_WINDOW = 8
#: Statements read from one batch, at most; past it the rest is one piece.
MAX_PIECES = 10_000


@dataclass(frozen=True)
class Piece:
    """One statement of a batch: its offset in the batch's text, and its text."""

    offset: int
    text: str


def batch_statements(text: str, dialect: str | None) -> list[Piece] | None:
    """The statements of a T-SQL batch that holds several without `;`, or None.

    None unless the dialect is T-SQL, sqlglot's tokenizer reads the batch, and it holds
    more than one statement; the pieces cover the batch in order.
    """
    if dialect not in ("tsql", "fabric"):
        return None
    try:
        dia = Dialect.get_or_raise(dialect)
        tokens = _tokens(dia, text)
    except SqlglotError:
        return None
    starts = _statement_starts(text, tokens)
    if not starts:
        return None
    cuts = _Cutter(dia, text, tokens, starts).cuts()
    if not cuts:
        return None
    bounds = [0, *cuts, len(tokens)]
    pieces = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        start, end = tokens[a].start, tokens[b - 1].end + 1
        pieces.append(Piece(start, text[start:end]))
    return pieces


def _tokens(dialect: Dialect, text: str) -> list[Token]:
    """The tokens sqlglot reads in a batch, with the tail of a command word tokenized too.

    sqlglot's tokenizer reads everything after a command word (`PRINT`) up to a `;` as one
    string, the statements glued after it included: that tail is tokenized again, in
    place (for the first `_RETOKENIZED` commands of the batch: each costs the rest of it).
    """
    commands = dialect.tokenizer_class.COMMANDS
    tokens: list[Token] = []
    base = 0
    for _ in range(_RETOKENIZED):
        part = dialect.tokenize(text[base:])
        if base:
            part = [_shifted(t, text, base) for t in part]
        cut = next(
            (i for i, t in enumerate(part[:-1])
             if t.token_type in commands and part[i + 1].token_type == TokenType.STRING),
            None,
        )
        if cut is None:
            return tokens + part
        tokens += part[: cut + 1]
        base = part[cut].end + 1
    return tokens + [_shifted(t, text, base) for t in dialect.tokenize(text[base:])]


def _shifted(token: Token, text: str, base: int) -> Token:
    """A token of `text[base:]` placed in `text`: offsets, line and column."""
    lines = text.count("\n", 0, base)
    column = base - text.rfind("\n", 0, base) - 1
    return Token(
        token.token_type,
        token.text,
        token.line + lines,
        token.col + (column if token.line == 1 else 0),
        token.start + base,
        token.end + base,
        token.comments,
    )


@dataclass(frozen=True)
class _Start:
    """A token where a statement may start: its index, and whether it begins a line."""

    index: int
    line_start: bool


def _statement_starts(text: str, tokens: list[Token]) -> list[_Start]:
    """Tokens after the first, outside parentheses, that are a statement's first word."""
    found: list[_Start] = []
    depth = 0
    for i, token in enumerate(tokens):
        kind = token.token_type
        if kind == TokenType.L_PAREN:
            depth += 1
        elif kind == TokenType.R_PAREN:
            depth = max(depth - 1, 0)
        elif i and depth == 0 and _word(text, token) in _STATEMENT_WORDS:
            previous = tokens[i - 1]
            before = _word(text, previous)
            if before not in _CONTINUES_AFTER and not (before == "ON" and _word(text, token) in _AFTER_ON):
                found.append(_Start(i, "\n" in text[previous.end + 1 : token.start]))
    return found


def _word(text: str, token: Token) -> str:
    """A token's text, upper case, when it is written as it reads (not a string nor a `[name]`)."""
    written = text[token.start : token.end + 1].upper()
    return written if written == token.text.upper() else ""


class _Cutter:
    """Finds where each statement of a batch ends, by parsing from where the last one did."""

    def __init__(self, dialect: Dialect, text: str, tokens: list[Token], starts: list[_Start]) -> None:
        self.dialect = dialect
        self.text = text
        self.tokens = tokens
        self.starts = starts
        self.start_at = {s.index: s for s in starts}
        self.indices = [s.index for s in starts]
        self.line_starts = [s.index for s in starts if s.line_start]
        self.by_position = {(t.line, t.col): i for i, t in enumerate(tokens)}

    def cuts(self) -> list[int]:
        cuts: list[int] = []
        i = 0
        while len(cuts) < MAX_PIECES:
            end = self._end(i)
            if end is None:
                break
            cuts.append(end)
            i = end
        return cuts

    def _after(
        self, i: int, *, line_start: bool = False, upto: int | None = None, most: int = 0
    ) -> list[int]:
        """The statement starts after token `i` (that begin a line), up to `upto`, `most` of them.

        `most` 0: all of them.
        """
        indices = self.line_starts if line_start else self.indices
        lo = bisect_right(indices, i)
        hi = len(indices) if upto is None else bisect_right(indices, upto, lo)
        return indices[lo : min(hi, lo + most) if most else hi]

    def _end(self, i: int) -> int | None:
        """Where the statement starting at token `i` ends (the next one's first token), or None."""
        if not self._after(i, most=1):
            return None
        window = _WINDOW
        while True:
            later = self._after(i, most=window + 1)
            stop = later[window] if window < len(later) else len(self.tokens)
            try:
                parsed = self._parse(i, stop)
            except ParseError as exc:
                at = self._error_token(exc)
                head = self._head(i, at) if at is not None and i < at < stop and at in self.start_at else None
                if isinstance(head, exp.Command):
                    return self._after_opaque(i)  # sqlglot read it whole: its end is not known
                if head is not None:
                    return at  # the statement sqlglot read ends before a statement's first word
                if stop < len(self.tokens) and (at is None or at >= stop - 1):
                    window *= 2  # the window may have cut the statement short
                    continue
                return self._after_error(i, at)
            except (SqlglotError, RecursionError):
                return None
            if len(parsed) == 1 and isinstance(parsed[0], exp.Command):
                return self._after_opaque(i)
            if stop >= len(self.tokens):
                return None  # one statement, to the end of the batch
            window *= 2  # the statement may go on past the window

    def _after_error(self, i: int, at: int | None) -> int | None:
        """The end of a statement sqlglot stopped in at token `at`, not a statement's start.

        A line before `at` that starts a statement ends it when what precedes that line is
        whole (sqlglot took `SET` after `VALUES (...)` for an alias); else the statement does
        not parse, and runs to the next line that starts one, so it costs itself only.
        """
        last = len(self.tokens) if at is None else at
        before = self._after(i, line_start=True, upto=last)
        for k in reversed(before[-_TRIES:]):
            head = self._head(i, k)
            if head is not None and not isinstance(head, exp.Command) and not _cut_short(head):
                return k
        return next(iter(self._after(max(last, i + 1) - 1, line_start=True, most=1)), None)

    def _after_opaque(self, i: int) -> int | None:
        """The end of a statement sqlglot keeps opaque: the next line that starts a statement.

        The tokens before it must parse alone, to a statement that is whole: not `UPDATE t`
        before a `SET` line, `INSERT INTO t (a)` before a `SELECT` line, or a view's head.
        """
        for at in self._after(i, line_start=True, most=_TRIES):
            head = self._head(i, at)
            if head is not None and not _cut_short(head):
                return at
        return None

    def _parse(self, i: int, stop: int) -> list[exp.Expr]:
        parser = self.dialect.parser(error_level=ErrorLevel.IMMEDIATE)
        return [e for e in parser.parse(self.tokens[i:stop], self.text) if e is not None]

    def _head(self, i: int, stop: int) -> exp.Expr | None:
        """The one statement tokens `i` to `stop` parse to, or None."""
        try:
            parsed = self._parse(i, stop)
        except (SqlglotError, RecursionError):
            return None
        return parsed[0] if len(parsed) == 1 else None

    def _error_token(self, exc: ParseError) -> int | None:
        detail = exc.errors[0] if exc.errors else {}
        line, col = detail.get("line"), detail.get("col")
        return self.by_position.get((line, col)) if isinstance(line, int) and isinstance(col, int) else None


def _cut_short(tree: exp.Expr) -> bool:
    """A statement that lacks the part its next line would give it (read as a cut too early)."""
    if isinstance(tree, exp.Insert):
        return tree.expression is None and not tree.args.get("default")
    if isinstance(tree, exp.Update):
        return not tree.expressions
    if isinstance(tree, exp.Create):
        return tree.expression is None and str(tree.args.get("kind") or "").upper() != "TABLE"
    return False
