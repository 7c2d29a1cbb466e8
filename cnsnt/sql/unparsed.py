"""Say what a statement sqlglot crashed on is, and why, for query and schema files alike.

sqlglot 30.30 (and 30.31) raises `AttributeError` instead of a `ParseError` on T-SQL's
bracket-quoted dotted names (`[dbo].[people]`, reduced: `SELECT [a].[b]`) in every
dialect that reads `[` as an array bracket, which is all but T-SQL's (and SQLite's). No
parser option changes that; the maintainers' answer to such reports is to name the
dialect. So instead of "the parser failed (AttributeError)" the finding names what was not
read (`procedure CREATE PROCEDURE [dbo].[add_customer]`) and, when the statement has such
names, the dialect that reads them.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlglot.dialects.dialect import Dialect
from sqlglot.tokenizer_core import Token, TokenType

from cnsnt.sql.ddl_text import shorten
from cnsnt.sql.parse_reason import dash_hint

#: Words after CREATE/ALTER [OR ALTER | OR REPLACE] that name what a statement defines.
_DEFINES = {
    "PROCEDURE": "procedure",
    "PROC": "procedure",
    "FUNCTION": "function",
    "TRIGGER": "trigger",
    "VIEW": "view",
    "TABLE": "table definition",
    "INDEX": "index",
    "PACKAGE": "package",
    "TYPE": "type",
}
_OPENING = {
    "SELECT": "query",
    "WITH": "query",
    "INSERT": "INSERT",
    "UPDATE": "UPDATE",
    "DELETE": "DELETE",
    "MERGE": "MERGE",
}
#: Tokens a quoted head stops before: a literal may be personal data.
_LITERALS = {TokenType.STRING, TokenType.NUMBER, TokenType.NATIONAL_STRING}
_HEAD_TOKENS = 16


def _word(token: Token) -> str:
    return token.text.upper()


def statement_kind(tokens: Sequence[Token]) -> str:
    """What a statement is, as a message names it: `procedure`, `query`, `INSERT`, `statement`."""
    if not tokens:
        return "statement"
    first = _word(tokens[0])
    if first in ("CREATE", "ALTER"):
        for token in tokens[1:6]:
            kind = _DEFINES.get(_word(token))
            if kind is not None:
                return kind
        return "statement"
    return _OPENING.get(first, "statement")


def statement_head(sql: str, tokens: Sequence[Token]) -> str:
    """The statement's first words as written (`CREATE PROCEDURE [dbo].[p]`).

    At most its first line, and nothing from the first literal on (it may be personal data).
    """
    end = -1
    for token in tokens[:_HEAD_TOKENS]:
        if token.token_type in _LITERALS or token.token_type == TokenType.SEMICOLON:
            break
        if token.line > tokens[0].line:
            break
        end = token.end
    return shorten(sql[tokens[0].start : end + 1].rstrip("( \t")) if tokens and end >= 0 else ""


def bracket_names(tokens: Sequence[Token], dia: Dialect) -> bool:
    """Whether the statement has T-SQL's `[schema].[name]` that this dialect reads as arrays.

    `]` `.` `[` in the dialect's own tokens: the construct sqlglot's array-bracket parser
    crashes on. A dialect whose tokenizer quotes names with `[` reads it as a name.
    """
    quotes = [q[0] if isinstance(q, tuple) else q for q in dia.tokenizer_class.IDENTIFIERS]
    if "[" in quotes:
        return False
    return any(
        a.token_type == TokenType.R_BRACKET
        and b.token_type == TokenType.DOT
        and c.token_type == TokenType.L_BRACKET
        for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False)
    )


def _bracket_hint(dia: Dialect) -> str:
    name = type(dia).__name__.lower()
    reader = "the default SQL dialect" if type(dia) is Dialect else f"the {name} dialect"
    return (
        f"its names are quoted in [brackets] as T-SQL writes them, which {reader} reads "
        "as arrays: set `dialect: tsql` on this source"
    )


def crash_reason(exc: BaseException, tokens: Sequence[Token], dia: Dialect) -> str:
    """Why sqlglot failed on a statement, in the user's terms (never the library's own text)."""
    if isinstance(exc, RecursionError):
        return too_deep_reason(tokens)
    if bracket_names(tokens, dia):
        return _bracket_hint(dia)
    return f"the SQL parser failed on it ({type(exc).__name__})"


#: Parentheses a schema statement may nest, at most, to be parsed (the corpus's deepest: 9).
#: sqlglot's T-SQL writer spends about the cube of the depth on a view (4 s at 300 levels,
#: 22 s at 450, minutes before Python's recursion stops it); 256 is `--max-depth`'s default
#: for JSON and HTML.
MAX_PARENTHESES = 256


def too_deep_reason(tokens: Sequence[Token]) -> str:
    """Why a statement nested too deeply (for cnsnt, or for Python's recursion) was not read."""
    levels, _ = deepest_parenthesis(tokens)
    deep = f": {levels:,} levels of parentheses" if levels > 1 else ""
    over = f", more than the {MAX_PARENTHESES} cnsnt parses" if levels > MAX_PARENTHESES else ""
    return f"nested too deeply{deep}{over}"


def deepest_parenthesis(tokens: Sequence[Token]) -> tuple[int, Token | None]:
    """How deep a statement's parentheses nest, and the first `(` that opens the deepest level.

    One pass over the tokens: where a statement nested too deeply for the parser says so.
    """
    depth = deepest = 0
    opening: Token | None = None
    for token in tokens:
        if token.token_type == TokenType.L_PAREN:
            depth += 1
            if depth > deepest:
                deepest, opening = depth, token
        elif token.token_type == TokenType.R_PAREN and depth:
            depth -= 1
    return deepest, opening


def dialect_hint(sql: str, dialect: str | None) -> str | None:
    """What to set when a statement that failed to parse is plainly of another dialect.

    `INSERT INTO [dbo].[people]` fails as a parse error (not a crash) in some places; the
    fix is the same: name the dialect. A MySQL `--` with no blank after it, which is no
    comment there, is pointed at too (`dash_hint`). None when nothing in the statement says.
    """
    dia = Dialect.get_or_raise(dialect)
    tokens = _tokens(sql, dia)
    return _bracket_hint(dia) if bracket_names(tokens, dia) else dash_hint(sql, tokens, dialect)


def _tokens(sql: str, dia: Dialect) -> list[Token]:
    """The statement's tokens, or none when the tokenizer fails on it too."""
    try:
        return dia.tokenize(sql)
    except Exception:  # noqa: BLE001 - a failed statement: nothing more to learn from it
        return []


def crash_message(exc: BaseException, sql: str, dialect: str | None) -> str:
    """The CN001 text of a statement sqlglot crashed on: what it is, and why it was not read."""
    dia = Dialect.get_or_raise(dialect)
    tokens = _tokens(sql, dia)
    head = statement_head(sql, tokens)
    what = f"this {statement_kind(tokens)}" + (f" ({head})" if head else "")
    return f"cannot parse {what}: {crash_reason(exc, tokens, dia)}"
