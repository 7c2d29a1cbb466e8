"""T-SQL statements written one after another with no `;` between them.

SQL Server needs no terminator: a batch of `INSERT ... VALUES (...)` lines, one per
row and none ended by `;` (as SQL Server Management Studio scripts data), is valid
T-SQL, but sqlglot parses one statement per `;` and gives up on the batch at the
second `INSERT`, so every row of it went unread. A batch it cannot parse is cut,
from its tokens, before each `INSERT`, `UPDATE` or `DELETE` that starts a statement
(outside parentheses, and not a clause of another statement: `THEN UPDATE` in a
MERGE, `ON DELETE CASCADE`, a trigger's `FOR INSERT, UPDATE`, `GRANT ... DELETE`),
and before each `IF` that starts one, whose condition's statement stays with it
(`IF NOT EXISTS (...) INSERT ...`); the cut is kept only when every piece then parses.
"""

from __future__ import annotations

from sqlglot.dialects.dialect import Dialect
from sqlglot.errors import SqlglotError
from sqlglot.tokenizer_core import TokenType

#: Statements that start with these words, and are cut before them.
_STARTS = frozenset({TokenType.INSERT, TokenType.UPDATE, TokenType.DELETE})
#: Words after which those words are a clause of the statement, not a new one.
_CLAUSE_AFTER = frozenset(
    {"THEN", "ON", "FOR", "AFTER", "BEFORE", "OF", "INSTEAD", ",", "GRANT", "REVOKE", "DENY", "AS", "ELSE"}
)
#: Words after which `IF` is a clause (`DROP TABLE IF EXISTS`), not a statement's start.
_IF_CLAUSE_AFTER = frozenset(
    {"TABLE", "VIEW", "INDEX", "PROCEDURE", "PROC", "FUNCTION", "TRIGGER", "SCHEMA", "DATABASE"}
    | {"SEQUENCE", "TYPE", "USER", "ROLE", "STATISTICS", "COLUMN", "CONSTRAINT", "SYNONYM", "IF"}
)
#: Statements read from one batch, at most (a batch of many rows is read a piece at a time).
MAX_PIECES = 10_000


def unterminated_pieces(text: str, dialect: str | None) -> list[str] | None:
    """The statements of a T-SQL batch that holds several without `;`, or None.

    None unless the dialect is T-SQL, the batch has a place to cut, and sqlglot's
    tokenizer reads it; the pieces are the batch's text, cut, each to be parsed alone.
    """
    if dialect != "tsql":
        return None
    try:
        tokens = Dialect.get_or_raise(dialect).tokenize(text)
    except SqlglotError:
        return None
    cuts: list[int] = []
    depth = 0
    previous = ""
    condition = False  # an `IF` began the piece and its statement has not come yet
    for token in tokens:
        kind = token.token_type
        if kind == TokenType.L_PAREN:
            depth += 1
        elif kind == TokenType.R_PAREN:
            depth = max(depth - 1, 0)
        elif depth == 0 and token.text.upper() == "IF" and previous not in _IF_CLAUSE_AFTER:
            if previous and previous != "ELSE":
                cuts.append(token.start)
            condition = True
        elif kind in _STARTS and depth == 0 and condition:
            condition = False  # `IF NOT EXISTS (...) INSERT ...`: the condition's statement
        elif kind in _STARTS and depth == 0 and previous and previous not in _CLAUSE_AFTER:
            cuts.append(token.start)
            if len(cuts) >= MAX_PIECES:
                return None
        previous = token.text.upper() if kind != TokenType.COMMA else ","
    if not cuts:
        return None
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if text[a:b].strip()]
