"""What a schema file's DROPs take away: `DROP TABLE a, b`, `DROP VIEW v`, `ALTER TABLE t DROP c`.

A dump often ends with its own update history (`DROP TABLE notes;`, `ALTER TABLE doc
DROP kind, DROP fileid;`); a table or column dropped there no longer exists, so it must
not be read. sqlglot parses these (the statement builders apply its trees); this module
holds what the builders share: which DROP statements drop tables, what a DROP sqlglot
keeps as an opaque command names (Oracle's `DROP (a, b)`), the columns Oracle's `SET
UNUSED` takes out of sight (a drop as users see the table), and the keys a dropped
table or column takes with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlglot import exp
from sqlglot.dialects.dialect import Dialect
from sqlglot.tokenizer_core import Token, TokenType

from cnsnt.sql.ddl_result import DDLForeignKey
from cnsnt.sql.ddl_split import Statement, alter_target, keyword
from cnsnt.sql.ddl_tables import TableBuilder, name_key
from cnsnt.sql.ddl_text import keywords

#: What may follow `ALTER TABLE t DROP` other than a column: a key, an index, a constraint,
#: a partition, Oracle's `UNUSED COLUMNS`. A DROP of these drops no column.
NOT_COLUMNS = keywords(
    "PRIMARY UNIQUE KEY INDEX CONSTRAINT FOREIGN CHECK PARTITION SUBPARTITION UNUSED DEFAULT PERIOD "
    "SYSTEM SUPPLEMENTAL FULLTEXT SPATIAL TRIGGER EXPRESSION IDENTITY NOT ROW CLUSTERING"
)


def dropped_kind(stmt: Statement) -> str | None:
    """`TABLE` or `VIEW` when a statement drops tables or views, else None (`DROP INDEX`).

    MySQL's `DROP TEMPORARY TABLE` and PostgreSQL's `DROP MATERIALIZED VIEW` count too.
    """
    words = [keyword(t) for t in stmt.tokens[:3]]
    if len(words) < 2 or words[0] != "DROP":
        return None
    if words[1] in ("TEMPORARY", "MATERIALIZED") and len(words) > 2:
        words = [words[0], *words[2:]]
    return words[1] if words[1] in ("TABLE", "VIEW") else None


def command_drop(text: str, dia: Dialect) -> list[str] | None:
    """The columns a DROP that sqlglot keeps as an opaque command names.

    `text` is what follows DROP. Oracle's `DROP (a, b) [CASCADE CONSTRAINTS]` names `a`
    and `b`; a key, index or constraint (`DROP PRIMARY KEY`, `DROP UNIQUE (a)`) names
    none (an empty list); None when it may name a column that cannot be read (SQLite's
    `DROP c` without `COLUMN`, which SQLite itself refuses): the caller reports it.
    """
    try:
        tokens = dia.tokenize(text)
    except Exception:  # noqa: BLE001 - TokenError or a tokenizer bug: not a list we can read
        return None
    if not tokens:
        return []
    if keyword(tokens[0]) in NOT_COLUMNS:
        return []
    listed = name_list(tokens, 0)
    if listed is None:
        return None
    names, end = listed
    # more actions after the list (`DROP (a), ADD b int`) were swallowed with it
    more = end < len(tokens) and tokens[end].token_type == TokenType.COMMA
    return None if more else names


def name_list(tokens: list[Token], start: int) -> tuple[list[str], int] | None:
    """The names of a parenthesised list `(a, "B", c)` opening at `start`, and the index after it.

    None when no list opens there, or it holds anything but names and commas (`(a b)`).
    """
    if start >= len(tokens) or tokens[start].token_type != TokenType.L_PAREN:
        return None
    names: list[str] = []
    for i in range(start + 1, len(tokens)):
        tok = tokens[i]
        if tok.token_type == TokenType.R_PAREN:
            return (names, i + 1) if names else None
        if (i - start) % 2 == 1 and tok.token_type in (TokenType.VAR, TokenType.IDENTIFIER):
            names.append(tok.text)
        elif (i - start) % 2 == 1 or tok.token_type != TokenType.COMMA:
            return None
    return None


#: What may follow the columns of Oracle's `SET UNUSED`: `CASCADE CONSTRAINTS`, `INVALIDATE`, `ONLINE`.
_UNUSED_OPTIONS = keywords("CASCADE CONSTRAINTS INVALIDATE ONLINE")


@dataclass(frozen=True)
class SetUnused:
    """Oracle's `ALTER TABLE t SET UNUSED (a, b)` / `SET UNUSED COLUMN a`, read from its tokens."""

    table: list[str]
    """The table's name, its parts (`hr.patients`: `["hr", "patients"]`)."""
    columns: list[str] | None
    """The columns it takes out of sight; None when what follows `SET UNUSED` cannot be read."""
    start: int
    """The index of the first token after `SET UNUSED` (for a message that quotes them)."""


def set_unused(tokens: list[Token]) -> SetUnused | None:
    """Oracle's `ALTER TABLE t SET UNUSED ...`, which sqlglot keeps as an opaque command; else None.

    Set unused, a column is gone as users see the table (no query reads it, `DESCRIBE`
    lists it no more), as a dropped one; Oracle removes it from the disk later, with
    `DROP UNUSED COLUMNS`. `{COLUMN a | (a, b)} [CASCADE CONSTRAINTS] [INVALIDATE] [ONLINE]`.
    """
    if len(tokens) < 2 or [keyword(t) for t in tokens[:2]] != ["ALTER", "TABLE"]:
        return None
    name, i = alter_target(tokens)
    if not name or [keyword(t) for t in tokens[i : i + 2]] != ["SET", "UNUSED"]:
        return None
    start = i + 2
    columns: list[str] | None
    if start < len(tokens) and keyword(tokens[start]) == "COLUMN":
        named = tokens[start + 1 : start + 2]
        readable = bool(named) and named[0].token_type in (TokenType.VAR, TokenType.IDENTIFIER)
        columns, end = ([named[0].text], start + 2) if readable else (None, start)
    else:
        listed = name_list(tokens, start)
        columns, end = listed if listed is not None else (None, start)
    if any(keyword(t) not in _UNUSED_OPTIONS for t in tokens[end:]):
        columns = None
    return SetUnused(name, columns, start)


def without_column(builder: TableBuilder, column: str) -> None:
    """Forget the foreign keys a dropped column was part of (they went with it)."""
    gone = name_key(column)
    builder.foreign_keys = [k for k in builder.foreign_keys if gone not in {name_key(c) for c in k.columns}]


def without_references(tables: Iterable[TableBuilder], dropped: TableBuilder) -> None:
    """Forget the foreign keys to a table dropped with `CASCADE`, which drops them.

    Without it the keys stay: PostgreSQL refuses the DROP while they exist, and SQLite and
    MySQL (with `FOREIGN_KEY_CHECKS=0`, as dumps set it) keep them by name, for the table
    that takes the name next (SQLite's rebuild: `DROP TABLE t; ALTER TABLE new_t RENAME TO t`).
    """
    for table in tables:
        table.foreign_keys = [k for k in table.foreign_keys if not refers_to(k, dropped)]


def renamed_references(tables: Iterable[TableBuilder], renamed: TableBuilder, new: str) -> None:
    """Point the foreign keys to a table at its new name (they follow a RENAME)."""
    for table in tables:
        table.foreign_keys = [
            replace(k, ref_table=new) if refers_to(k, renamed) else k for k in table.foreign_keys
        ]


def refers_to(key: DDLForeignKey, table: TableBuilder) -> bool:
    """Whether a reference names a table (by name; by schema when both say one)."""
    return name_key(key.ref_table) == name_key(table.name) and (
        key.ref_schema is None or table.schema is None or name_key(key.ref_schema) == name_key(table.schema)
    )


def bare_column_renames(tree: exp.Alter, actions: list[exp.Expr]) -> list[exp.Expr]:
    """`ALTER TABLE t RENAME c TO d` (PostgreSQL lets `COLUMN` out) as the column rename it is.

    sqlglot reads it as a rename of the table to `c` with a `TO d` option: replayed so,
    the table would take the column's name (Hexpm's `RENAME created_at TO inserted_at`).
    """
    to = [o for o in tree.args.get("options") or () if isinstance(o, exp.ToTableProperty)]
    if len(to) != 1 or not isinstance(to[0].this, exp.Table):
        return actions
    return [
        exp.RenameColumn(this=exp.Column(this=a.this.this.copy()), to=exp.Column(this=to[0].this.this.copy()))
        if isinstance(a, exp.AlterRename) and isinstance(a.this, exp.Table)
        else a
        for a in actions
    ]
