"""MySQL's `SELECT ... INTO @a, @b`: the statement without its INTO, for sqlglot to parse.

MySQL stores a SELECT's row in user variables (`SELECT email, phone INTO @mail, @tel FROM
members WHERE id = 1`, or the INTO after the rest: `... WHERE id = 1 INTO @mail, @tel`) or
in a file (`INTO OUTFILE '/tmp/x.csv' FIELDS TERMINATED BY ','`, `INTO DUMPFILE`). sqlglot
30.30 parses neither placement of a list (nor the trailing one of a single variable) in
any dialect setting, and takes `INTO @x` for a new table when it does parse it. The
columns the SELECT reads are what an audit is about, and no target is a table or a column:
the INTO clause is blanked (offsets kept) by reading sqlglot's tokens, and the rest parsed.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlglot.dialects.dialect import Dialect
from sqlglot.tokenizer_core import Token, TokenType

from cnsnt.blanks import blanks
from cnsnt.sql.ddl_split import keyword
from cnsnt.sql.statements import MYSQL_DIALECTS

#: The words that end an INTO clause (the SELECT goes on, or a locking clause follows).
_AFTER_INTO = frozenset(
    {"FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "FOR", "LOCK", "UNION", "WINDOW"}
)
#: Tokens that name a variable after `@` (`@mail`, ``@`mail` ``, `@'mail'`).
_NAMES = frozenset({TokenType.VAR, TokenType.IDENTIFIER, TokenType.STRING})


def without_select_into(sql: str, dialect: str | None) -> str:
    """`sql` with a MySQL SELECT's `INTO` targets blanked; unchanged when it has none.

    Unchanged too in another dialect (T-SQL's and PostgreSQL's `SELECT ... INTO t` makes
    a table), for an INSERT's `INTO`, and when the text cannot be tokenized (the parser
    then says why).
    """
    if (dialect or "").lower() not in MYSQL_DIALECTS or "into" not in sql.casefold():
        return sql
    try:
        tokens = Dialect.get_or_raise(dialect).tokenize(sql)
    except Exception:  # noqa: BLE001 - TokenError or a tokenizer bug: the parser reports it
        return sql
    spans = _into_spans(tokens)
    if not spans:
        return sql
    parts: list[str] = []
    last = 0
    for start, end in spans:
        parts.append(sql[last:start])
        parts.append(blanks(sql[start:end]))
        last = end
    parts.append(sql[last:])
    return "".join(parts)


def _into_spans(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """The [start, end) text spans of the INTO clauses of SELECT statements, at depth 0."""
    spans: list[tuple[int, int]] = []
    depth = 0
    query: bool | None = None
    """Whether the statement is a query (SELECT, WITH); None before its first word."""
    i = 0
    while i < len(tokens):
        token = tokens[i]
        kind = token.token_type
        if kind == TokenType.SEMICOLON:
            depth, query = 0, None
        elif kind == TokenType.L_PAREN:
            depth += 1
        elif kind == TokenType.R_PAREN:
            depth = max(0, depth - 1)
        elif query is None:
            query = keyword(token) in ("SELECT", "WITH")
        elif query and depth == 0 and kind == TokenType.INTO:
            end = _targets_end(tokens, i + 1)
            if end is not None:
                spans.append((token.start, tokens[end - 1].end + 1))
                i = end
                continue
        i += 1
    return spans


def _targets_end(tokens: Sequence[Token], i: int) -> int | None:
    """The index after an INTO's targets starting at `i`: variables, or a file with its options.

    None when they are neither (the statement is left for the parser to judge).
    """
    if i < len(tokens) and keyword(tokens[i]) in ("OUTFILE", "DUMPFILE"):
        j = i + 1
        while j < len(tokens) and not _ends_into(tokens[j]):
            j += 1
        return j
    j = i
    while True:
        if j < len(tokens) and tokens[j].token_type == TokenType.PARAMETER:
            j += 1  # a user variable: `@` and its name
            if j >= len(tokens) or tokens[j].token_type not in _NAMES:
                return None
        elif j >= len(tokens) or tokens[j].token_type not in (TokenType.VAR, TokenType.IDENTIFIER):
            return None  # a routine's local variable is a bare name
        j += 1
        if j < len(tokens) and tokens[j].token_type == TokenType.COMMA:
            j += 1
            continue
        return j if j >= len(tokens) or _ends_into(tokens[j]) else None


def _ends_into(token: Token) -> bool:
    """Whether a token ends an INTO clause."""
    return token.token_type in (TokenType.SEMICOLON, TokenType.R_PAREN) or keyword(token) in _AFTER_INTO
