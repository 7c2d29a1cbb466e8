"""Column lists read from tokens, for CREATE TABLE and ALTER TABLE ADD sqlglot cannot parse.

sqlglot gives up on a whole statement for one option it does not know (a storage
clause, a dialect's column attribute); the columns are still there. These readers cut
the statement down to what carries columns, or split its column list on top-level
commas and read each element alone, so one odd element costs only itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from sqlglot import exp
from sqlglot.parser import Parser
from sqlglot.tokenizer_core import Token, TokenType

from cnsnt.sql.ddl_result import DDLForeignKey
from cnsnt.sql.ddl_split import TABLE_ELEMENTS, Statement, keyword
from cnsnt.sql.ddl_tables import ColumnBuilder, TableBuilder, name_key
from cnsnt.sql.ddl_text import keywords


class ColumnReader(Protocol):
    """What the readers use of the schema builder: its parser and column reading."""

    parser: Parser

    def sql(self, node: exp.Expr) -> str:
        """SQL text in the source dialect."""
        ...

    def column(self, cdef: exp.ColumnDef, base: int) -> ColumnBuilder:
        """The column a parsed column definition describes."""
        ...


#: Words after which a column's type has ended.
COLUMN_OPTIONS = keywords(
    """NOT NULL DEFAULT PRIMARY REFERENCES CONSTRAINT UNIQUE CHECK COLLATE COMMENT GENERATED
    AUTO_INCREMENT AUTOINCREMENT IDENTITY AS WITH MASKING MASKED ENCRYPTED TAG ON"""
)
#: How many of the longest, then of the shortest, ends of a column default `column_default`
#: tries, longest first (a real default is followed by a word or two of an option sqlglot
#: does not know; dozens are a hostile file's, and the default is still among the shortest).
_DEFAULT_ENDS = 32
#: Words that open a MySQL index element, or a column of that name (`key varchar(10)`).
_INDEX_ELEMENTS = keywords("KEY INDEX UNIQUE FULLTEXT SPATIAL")


def is_name(token: Token) -> bool:
    """Whether a token can be a column name (a word or a quoted identifier)."""
    text = token.text
    return token.token_type == TokenType.IDENTIFIER or (
        bool(text) and (text[0].isalpha() or text[0] in "_#@$")
    )


def is_table_element(element: list[Token]) -> bool:
    """Whether a column-list element is a key or constraint rather than a column."""
    head = keyword(element[0])
    if head in TABLE_ELEMENTS:
        return True
    if head not in _INDEX_ELEMENTS or len(element) < 2:
        return False
    second = element[1]
    if keyword(second) in ("KEY", "INDEX") or second.token_type == TokenType.L_PAREN:
        return True
    return (
        len(element) > 2
        and element[2].token_type == TokenType.L_PAREN
        and second.token_type not in Parser.TYPE_TOKENS
    )


def recover_table(
    tokens: list[Token],
    stmt: Statement,
    schema: ColumnReader,
    unread: list[Token] | None = None,
    cut: list[Token] | None = None,
) -> TableBuilder | None:
    """Read `CREATE ... TABLE name (col type ..., ...)` from tokens when sqlglot cannot.

    The column list is split on top-level commas; each element is parsed alone as a
    column definition, or else read as `name type-words`. The first token of each
    element that is neither a column nor a key goes to `unread` (a name in quotes the
    dialect does not know, `[id]` read as generic SQL): the caller reports it. A column
    list that is never closed (the statement is cut short) puts its opening parenthesis in
    `cut`.
    """
    words = [keyword(t) for t in tokens]
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
    if i + 2 < len(tokens) and keyword(tokens[i]) == "USING":
        i += 2  # SQLite `USING fts4(a, b)`: the module's arguments are the columns
    if not parts or i >= len(tokens) or tokens[i].token_type != TokenType.L_PAREN:
        return None
    builder = TableBuilder(parts[-1], parts[-2] if len(parts) > 1 else None, stmt.offset)
    close = _matching_paren(tokens, i)
    if cut is not None and close == len(tokens):
        cut.append(tokens[i])
    primary: list[str] = []
    for element in split_commas(tokens[i + 1 : close]):
        for key in token_foreign_keys(element, None if is_table_element(element) else element[0]):
            builder.add_foreign_key(key)
        if is_table_element(element):
            if "PRIMARY" in (keyword(t) for t in element):
                primary.extend(
                    t.text
                    for t in element
                    if t.token_type in (TokenType.IDENTIFIER, TokenType.VAR)
                    and keyword(t) not in ("KEY", "CONSTRAINT")
                )
            continue
        if len(element) > 1 and element[1].token_type == TokenType.EQ:
            # a module option such as fts5 `tokenize='porter'`; not a column whose options
            # hold a `=` (T-SQL's `ssn char(9) MASKED WITH (FUNCTION = 'default()')`)
            continue
        if not is_name(element[0]):
            if unread is not None:
                unread.append(element[0])
            continue
        builder.add(recover_column(element, stmt, schema))
    if not builder.columns:
        return None
    for name in primary:
        col = builder.columns.get(name_key(name))
        if col is not None:
            col.primary_key = True
    return builder


def token_foreign_keys(tokens: list[Token], column: Token | None = None) -> list[DDLForeignKey]:
    """`FOREIGN KEY (a) REFERENCES s.t (b)` read from tokens sqlglot could not parse.

    `column` is the column an inline `REFERENCES` belongs to (`user_id int REFERENCES
    users`); without it only table-level `FOREIGN KEY (...)` references count.
    """
    words = [keyword(t) for t in tokens]
    keys: list[DDLForeignKey] = []
    start = 0
    for i, word in enumerate(words):
        if word != "REFERENCES":
            continue
        columns: list[str] = []
        for k in range(i - 1, start - 1, -1):
            if words[k] != "FOREIGN":
                continue
            # sqlglot's tokenizer makes one token of `FOREIGN KEY`; allow two as well
            after = k + 2 if words[k + 1] == "KEY" else k + 1
            if after < i and tokens[after].token_type == TokenType.L_PAREN:
                columns = _paren_names(tokens, after)
            break
        if not columns and column is not None:
            columns = [column.text]
        j = i + 1
        parts: list[str] = []
        if j < len(tokens) and is_name(tokens[j]):
            parts.append(tokens[j].text)
            j += 1
            while j + 1 < len(tokens) and tokens[j].token_type == TokenType.DOT:
                parts.append(tokens[j + 1].text)
                j += 2
        ref_columns = (
            _paren_names(tokens, j) if j < len(tokens) and tokens[j].token_type == TokenType.L_PAREN else []
        )
        if columns and parts:
            keys.append(
                DDLForeignKey(
                    tuple(columns),
                    parts[-1],
                    tuple(ref_columns),
                    parts[-2] if len(parts) > 1 else None,
                )
            )
        start = i + 1
    return keys


def _paren_names(tokens: list[Token], open_paren: int) -> list[str]:
    """The plain names in the parenthesis at `open_paren`: `(a, b)`."""
    return [
        part[0].text for part in paren_elements(tokens, open_paren) if len(part) == 1 and is_name(part[0])
    ]


def paren_elements(tokens: list[Token], open_paren: int) -> list[list[Token]]:
    """The comma-separated elements inside the parenthesis at `open_paren`."""
    return split_commas(tokens[open_paren + 1 : _matching_paren(tokens, open_paren)])


def split_commas(tokens: list[Token]) -> list[list[Token]]:
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


def recover_column(element: list[Token], stmt: Statement, schema: ColumnReader) -> ColumnBuilder:
    """One element of a column list as a column: parsed alone, or read as `name type-words`."""
    try:
        parsed = schema.parser.parse_into(exp.ColumnDef, element, stmt.sql)
        node = parsed[0] if parsed else None
        if isinstance(node, exp.ColumnDef) and node.name:
            column = schema.column(node, stmt.base)
            if column.type and not column.type.endswith("]") and _array_word(element):
                column.type += "[]"  # `mood ARRAY`: sqlglot drops the word, and the array with it
            return column
    except Exception:  # noqa: BLE001 - fall back to reading the words
        pass
    type_tokens: list[Token] = []
    for tok in element[1:]:
        if keyword(tok) in COLUMN_OPTIONS:
            break
        type_tokens.append(tok)
    kind: str | None = None
    if type_tokens:
        try:
            node = schema.parser.parse_into(exp.DataType, type_tokens, stmt.sql)[0]
            kind = schema.sql(node) if isinstance(node, exp.DataType) else None
        except Exception:  # noqa: BLE001 - keep the words as written
            kind = _join_words(type_tokens)
    # `id int PRIMARY KEY CLUSTERED` (T-SQL) is one reason the element did not parse
    primary = any(keyword(tok) == "PRIMARY" for tok in element[1:])
    column = ColumnBuilder(element[0].text, stmt.base + element[0].start, kind, primary_key=primary)
    column.take_default(column_default(element, stmt, schema))
    column.default_constraint = _default_name(element)
    return column


def _array_word(element: list[Token]) -> bool:
    """Whether a column element's type is SQL's `ARRAY` spelling of an array (`mood ARRAY`)."""
    for tok in element[2:]:
        if keyword(tok) in COLUMN_OPTIONS:
            return False
        if keyword(tok) == "ARRAY":
            return True
    return False


def _default_name(element: list[Token]) -> str | None:
    """The name of the default constraint in a column element (T-SQL `CONSTRAINT DF_t_c DEFAULT ...`)."""
    words = [keyword(t) for t in element]
    for i in range(2, len(words)):
        if words[i] == "DEFAULT" and words[i - 2] == "CONSTRAINT":
            return element[i - 1].text
    return None


def column_default(element: list[Token], stmt: Statement, schema: ColumnReader) -> exp.Expr | None:
    """The default a column element states (`DEFAULT expr`), read from its tokens.

    For elements sqlglot cannot parse whole: the expression runs from `DEFAULT` (after
    Oracle's `ON NULL [FOR INSERT ONLY | FOR INSERT AND UPDATE]`) to the next column
    option, and is the longest start of that sqlglot parses, so an option it does not
    know (PostgreSQL's `COMPRESSION pglz`) does not hide it. None without a default or
    when none of it parses.
    """
    words = [keyword(t) for t in element]
    start = _top_level(element, lambda i: words[i] == "DEFAULT", 1)
    if start is None:
        return None
    start += 1
    if words[start : start + 2] == ["ON", "NULL"]:
        start += 2
        if words[start : start + 3] == ["FOR", "INSERT", "ONLY"]:
            start += 3
        elif words[start : start + 4] == ["FOR", "INSERT", "AND", "UPDATE"]:
            start += 4
    end = _top_level(element, lambda i: words[i] in COLUMN_OPTIONS, start + 1)
    # a start that leaves a parenthesis open is no default worth reading: only ends outside
    # parentheses are tried, the last few of them and then the first few, so that a default
    # of thousands of words costs a few parses, not one per word (each as long as the
    # default), and one followed by dozens of words no dialect knows is still read
    stops: list[int] = []
    depth = 0
    for i in range(start, end or len(element)):
        kind = element[i].token_type
        depth += 1 if kind == TokenType.L_PAREN else -1 if kind == TokenType.R_PAREN else 0
        if depth <= 0:
            stops.append(i + 1)
    longest = stops[-_DEFAULT_ENDS:]
    shortest = [stop for stop in stops[:_DEFAULT_ENDS] if stop < longest[0]] if longest else []
    for stop in [*reversed(longest), *reversed(shortest)]:
        try:
            parsed = schema.parser.parse_into(exp.Condition, element[start:stop], stmt.sql)
        except Exception:  # noqa: BLE001 - try a shorter start
            continue
        return parsed[0] if parsed and isinstance(parsed[0], exp.Expr) else None
    return None


def _top_level(tokens: list[Token], wanted: Callable[[int], bool], start: int) -> int | None:
    """The index of the first token from `start` on, outside parentheses, that is `wanted`."""
    depth = 0
    for i in range(start, len(tokens)):
        kind = tokens[i].token_type
        if kind == TokenType.L_PAREN:
            depth += 1
        elif kind == TokenType.R_PAREN:
            depth -= 1
        elif depth == 0 and wanted(i):
            return i
    return None


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


def core_create(tokens: list[Token], kind: str) -> list[Token] | None:
    """`CREATE TABLE|VIEW name (...) [AS query]` keeping only what carries columns."""
    target = "TABLE" if kind == "table" else "VIEW"
    words = [keyword(t) for t in tokens]
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
        if qwords[j] == "WITH" and set(qwords[j + 1 : j + 3]) & {
            "DATA",
            "NO",
            "CHECK",
            "READ",
            "CASCADED",
            "LOCAL",
        }:
            query = query[:j]
            break
    return [*core, tokens[i], *query]


def _matching_paren(tokens: list[Token], open_paren: int) -> int:
    """The index of the parenthesis that closes the one at `open_paren`, or `len(tokens)`.

    A statement cut short (a truncated file) has none: every token after the opening
    parenthesis is inside it, the last one included.
    """
    depth = 0
    for j in range(open_paren, len(tokens)):
        if tokens[j].token_type == TokenType.L_PAREN:
            depth += 1
        elif tokens[j].token_type == TokenType.R_PAREN:
            depth -= 1
            if depth == 0:
                return j
    return len(tokens)
