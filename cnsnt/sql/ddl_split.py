"""DDL text cut into statements by the sqlglot tokenizer, and what kind each one is.

The tokenizer knows strings and comments, so `;` inside them does not cut. Which
statements can hold schema (CREATE TABLE/VIEW, ALTER TABLE, COMMENT ON) is read from
their first tokens, without parsing: the splitter needs it to cut T-SQL batches that
have no `;`, and only those statements are parsed later, so INSERT data never is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlglot.dialects.dialect import Dialect
from sqlglot.errors import TokenError
from sqlglot.tokenizer_core import Token, TokenType

from cnsnt.sql.ddl_text import ENDS_STATEMENT, keywords, lines, shorten
from cnsnt.sql.defaults import may_name_login


@dataclass
class Statement:
    """One statement's tokens; token offsets are relative to `base` in the text."""

    tokens: list[Token]
    sql: str
    base: int
    error: str | None = None
    """Set when this piece could not be tokenized at all."""
    guarded: bool = False
    """From a routine body (`body_statements`): it runs under conditions not evaluated, so a
    column it adds that its table already has is left as it was."""

    @property
    def offset(self) -> int:
        """Where the statement starts in the text."""
        return self.base + (self.tokens[0].start if self.tokens else 0)


def tokenize_statements(text: str, dia: Dialect) -> list[Statement]:
    """Statements split on `;` tokens; pieces that cannot be tokenized are kept as errors."""
    try:
        return _split_tokens(dia.tokenize(text), text, 0)
    except TokenError:
        pass
    except Exception:  # noqa: BLE001 - a tokenizer bug must not stop the audit
        pass
    # Degraded mode: cut after lines ending in ';' and tokenize each piece alone, so one
    # unterminated string or comment only costs its own piece.
    out: list[Statement] = []
    for base, piece in _pieces(text):
        try:
            out.extend(_split_tokens(dia.tokenize(piece), piece, base))
        except Exception:  # noqa: BLE001 - TokenError or a tokenizer bug
            # sqlglot's message quotes the text, which may be personal data: not repeated
            lead = len(piece) - len(piece.lstrip())
            out.append(Statement([], piece, base + lead, error="untokenizable"))
    return out


def statement_count(text: str, dialect: str | None) -> int:
    """How many statements a text holds, split on `;` by sqlglot's tokenizer.

    The tokenizer knows strings and comments; a piece that cannot be tokenized counts as one.
    """
    pieces = tokenize_statements(text, Dialect.get_or_raise(dialect))
    return max(1, sum(1 for piece in pieces if piece.tokens or piece.error is not None))


def tokenize_whole(text: str, dia: Dialect) -> list[Statement] | None:
    """`tokenize_statements` when the text tokenizes whole; None when it would be read piece by piece."""
    try:
        return _split_tokens(dia.tokenize(text), text, 0)
    except Exception:  # noqa: BLE001 - TokenError or a tokenizer bug
        return None


_STARTS = frozenset({TokenType.CREATE, TokenType.ALTER, TokenType.COMMENT})


#: The tokens the splitter acts on; it passes over the others (most of a dump's INSERT rows).
_MARKS = frozenset({TokenType.SEMICOLON, TokenType.L_PAREN, TokenType.R_PAREN, *_STARTS})


def _split_tokens(tokens: list[Token], sql: str, base: int) -> list[Statement]:
    """Cut on `;`, and before a schema statement that follows another without one.

    T-SQL needs no `;` (`IF NOT EXISTS (...) CREATE TABLE ...`, several CREATEs in one
    batch); sqlglot would keep such a run as one opaque command and lose all but the first.
    Only the tokens that can cut or nest are visited; a statement is a slice of the rest.
    """
    out: list[Statement] = []
    start = 0  # the current statement's first token
    depth = 0
    for i in [i for i, tok in enumerate(tokens) if tok.token_type in _MARKS]:
        kind = tokens[i].token_type
        if kind == TokenType.SEMICOLON:
            if i > start:
                out.append(Statement(tokens[start:i], sql, base))
            start = i + 1
            depth = 0
        elif kind == TokenType.L_PAREN:
            depth += 1
        elif kind == TokenType.R_PAREN:
            depth = max(0, depth - 1)
        elif (
            i > start
            and depth == 0
            and tokens[i - 1].token_type != TokenType.OR
            and classify(tokens[i : i + 40]) is not None
        ):
            out.append(Statement(tokens[start:i], sql, base))
            start = i
    if start < len(tokens):
        out.append(Statement(tokens[start:], sql, base))
    return out


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for offset, line in lines(text):
        if ENDS_STATEMENT.search(line.rstrip()):
            end = offset + len(line)
            if text[start:end].strip():
                yield start, text[start:end]
            start = end
    if text[start:].strip():
        yield start, text[start:]


#: What else CREATE can make: a statement naming one of these first holds no columns.
_OTHER_OBJECTS = keywords(
    """ACCESS AGGREGATE CAST COLLATION CONVERSION DATABASE DOMAIN EVENT EXTENSION FUNCTION
    INDEX LANGUAGE LOGIN OPERATOR PACKAGE PIPE POLICY PROCEDURE PUBLICATION ROLE RULE SCHEMA
    SEQUENCE SERVER STAGE STATISTICS STREAM SUBSCRIPTION SYNONYM TABLESPACE TASK TEXT
    TRIGGER TYPE USER WAREHOUSE"""
)


_QUOTED = frozenset({TokenType.IDENTIFIER, TokenType.STRING, TokenType.NATIONAL_STRING})


def keyword(token: Token) -> str:
    """A token's keyword, upper-cased, for comparing with keyword sets.

    The first word of multi-word keywords such as `PRIMARY KEY`; empty for quoted
    identifiers and strings, which are never keywords.
    """
    if token.token_type in _QUOTED:
        return ""
    return token.text.split(" ", 1)[0].upper()


def classify(tokens: Sequence[Token]) -> str | None:
    """`table`, `view`, `alter`, `comment` for statements that can hold schema, else None."""
    if not tokens:
        return None
    first = keyword(tokens[0])
    if first == "CREATE":
        # Modifiers (OR REPLACE, TEMPORARY, MATERIALIZED, MySQL's ALGORITHM=... DEFINER=...
        # SQL SECURITY ...) may stand between CREATE and the object kind.
        for tok in tokens[1:40]:
            word = keyword(tok)
            if word in ("TABLE", "VIEW"):
                return word.lower()
            if word in _OTHER_OBJECTS or word in ("ON", "AS", "("):
                return None
        return None
    if first == "ALTER" and len(tokens) > 1 and keyword(tokens[1]) == "TABLE":
        return "alter"
    if first == "COMMENT" and len(tokens) > 2 and keyword(tokens[1]) == "ON":
        target = keyword(tokens[2])
        if target in ("TABLE", "COLUMN", "VIEW", "MATERIALIZED"):
            return "comment"
    return None


def label(kind: str, tokens: list[Token]) -> str:
    """The statement as messages name it: `CREATE TABLE public.users`, `ALTER TABLE t`."""
    words = [keyword(t) for t in tokens]
    if kind == "comment":
        return f"COMMENT ON {words[2]} {'.'.join(dotted_name(tokens, 3)[0])}".rstrip()
    target = {"table": "TABLE", "view": "VIEW"}.get(kind, "TABLE")
    if target not in words:
        return {"table": "CREATE TABLE", "view": "CREATE VIEW"}.get(kind, "ALTER TABLE")
    if kind == "alter":
        return f"ALTER TABLE {shorten('.'.join(alter_target(tokens)[0]), 80)}".rstrip()
    i = words.index(target) + 1
    if words[i : i + 3] == ["IF", "NOT", "EXISTS"]:
        i += 3
    name, _ = dotted_name(tokens, i)
    head = f"CREATE {target}"
    return f"{head} {shorten('.'.join(name), 80)}".rstrip()


def alter_target(tokens: list[Token]) -> tuple[list[str], int]:
    """The table name of `ALTER TABLE [ONLY] [IF EXISTS] name ...`, and the index after it."""
    i = 2
    if i < len(tokens) and keyword(tokens[i]) == "ONLY":
        i += 1
    if [keyword(t) for t in tokens[i : i + 2]] == ["IF", "EXISTS"]:
        i += 2
    return dotted_name(tokens, i)


def dotted_name(tokens: list[Token], i: int) -> tuple[list[str], int]:
    """The parts of `a.b.c` starting at token `i`, and the index after it."""
    if i >= len(tokens):
        return [], i
    parts = [tokens[i].text]
    i += 1
    while i + 1 < len(tokens) and tokens[i].token_type == TokenType.DOT:
        parts.append(tokens[i + 1].text)
        i += 2
    return parts, i


#: Words that open a table-level element of a column list (a key, a constraint).
TABLE_ELEMENTS = keywords("CONSTRAINT PRIMARY FOREIGN CHECK LIKE EXCLUDE PERIOD")


def alter_matters(tokens: list[Token]) -> bool:
    """Whether an ALTER TABLE can change what we record: columns, their names, the keys.

    pg_dump writes hundreds of `OWNER TO` ALTERs; they are not parsed. Foreign-key
    ALTERs are: a reference to a people table tells the classifier whose rows these are.
    """
    words = [keyword(t) for t in tokens]
    if "PRIMARY" in words or "REFERENCES" in words or "CHANGE" in words or "MODIFY" in words:
        return True
    if alter_adds(tokens):
        return True
    if "DEFAULT" in words and any(may_name_login(t.text) for t in tokens if t.token_type != TokenType.STRING):
        # `ALTER COLUMN c SET DEFAULT CURRENT_USER`: the column names who wrote it; the
        # words of quoted names too (`"current_user"()`, as PostgreSQL before 10 wrote it)
        return True
    if "DROP" in words:
        # a column (`DROP c`: MySQL and PostgreSQL let `COLUMN` out), a default, a key
        return True
    # a column (`RENAME COLUMN a TO b`, PostgreSQL's `RENAME a TO b`), the table (`RENAME TO n`:
    # SQLite's rebuild)
    return any(
        w == "RENAME"
        and ("COLUMN" in words[i + 1 : i + 2] or "TO" in words[i + 1 : i + 3] or "AS" in words[i + 1 : i + 2])
        for i, w in enumerate(words)
    )


def alter_adds(tokens: list[Token]) -> bool:
    """Whether an ALTER TABLE may add a column (so failing to read it may lose one)."""
    words = [keyword(t) for t in tokens]
    for i, word in enumerate(words[:-1]):
        if word != "ADD":
            continue
        j = i + 2 if words[i + 1] == "(" and i + 2 < len(words) else i + 1
        nxt = words[j]
        if nxt == "COLUMN" or (nxt not in TABLE_ELEMENTS and not _adds_index(tokens, j)):
            return True
    return False


#: Words that open a MySQL index in `ALTER TABLE t ADD ...`.
_INDEX_WORDS = keywords("INDEX KEY UNIQUE FULLTEXT SPATIAL")


def _adds_index(tokens: list[Token], i: int) -> bool:
    """Whether `ADD` is followed, at token `i`, by an index: `INDEX (a)`, `UNIQUE KEY k (a)`.

    Not a column named `key` or `index` (`ADD key varchar(10)`): an index has its
    column list within its next three tokens, and no type before it.
    """
    if keyword(tokens[i]) not in _INDEX_WORDS:
        return False
    for tok in tokens[i + 1 : i + 4]:
        if tok.token_type == TokenType.L_PAREN:
            return True
        if keyword(tok) not in _INDEX_WORDS and tok.token_type not in (TokenType.VAR, TokenType.IDENTIFIER):
            return False
    return False


#: Linear: a try starts only at a line start (MULTILINE `^`) and its leading blanks stop at
#: the line end (`[^\S\n]`, possessive), so no two tries share them; after a fixed
#: keyword at most five possessive word/blank runs follow (`{0,4}` words), so a try
#: reads at most the next five words, each read by at most five tries.
_SCHEMA_LINE = re.compile(
    r"^[^\S\n]*+(?:CREATE\s++(?:\w++\s++){0,4}?(?:TABLE|VIEW)|ALTER\s++TABLE|COMMENT\s++ON)\b",
    re.IGNORECASE | re.MULTILINE,
)


def mentions_schema(sql: str) -> bool:
    """Whether text that could not be tokenized has a line opening a schema statement."""
    return _SCHEMA_LINE.search(sql) is not None
