"""Seed-data statements: rows inserted with literal values, and what a script runs around them.

A seed script (SimplCommerce's `StaticData-*.sql`, go-admin's `config/db.sql`) or a
`pg_dump --inserts` dump restores rows: `INSERT ... VALUES` of literals, between session
and transaction statements. It uses no one's data for a purpose, so `cnsnt init` leaves
a file of such statements out of `queries:`. Each statement is judged on the tree the
query reader parses (`parse_statements`), in the dialect the audit would read it in.
"""

from __future__ import annotations

import enum

from sqlglot import exp
from sqlglot.dialects.dialect import Dialect
from sqlglot.tokenizer_core import TokenType

from cnsnt.sql.uses import UseProblem, parse_statements


class SeedPart(enum.Enum):
    """What one statement is to a seed script."""

    ROWS = "rows"
    """`INSERT ... VALUES` of literal values only."""
    SETUP = "setup"
    """A session, transaction or table-reset statement that reads no column."""
    OTHER = "other"
    """Anything else (a query, a placeholder, a statement that does not parse)."""


#: Nodes that read something or stand for a value given at run time: a column, a query,
#: a placeholder (`?`, `:name`, `%(name)s`), a parameter or variable (`$1`, `@id`).
_NOT_LITERAL = (
    exp.Column,
    exp.Query,
    exp.Subquery,
    exp.Table,
    exp.Star,
    exp.Placeholder,
    exp.Parameter,
    exp.SessionParameter,
)
#: In a SET a variable (`SET @old = @@sql_mode`) or a name (`SET foreign_key_checks = 0`) is
#: what is set: only a query or a placeholder makes it more than a setting.
_NOT_SETTING = (exp.Query, exp.Subquery, exp.Table, exp.Placeholder)
#: Commands sqlglot keeps opaque that only hold a session or lock: `LOCK TABLES t WRITE`
#: (mysqldump), PostgreSQL's `LOCK TABLE t`.
_LOCKS = frozenset({"LOCK", "LOCK TABLES", "UNLOCK", "UNLOCK TABLES"})
#: The ends of `ALTER TABLE t ...` that a dump wraps its rows in: mysqldump's
#: `DISABLE KEYS`, `pg_dump --disable-triggers`' `DISABLE TRIGGER ALL`.
_TABLE_SWITCHES = frozenset(
    {("DISABLE", "KEYS"), ("ENABLE", "KEYS"), ("DISABLE", "TRIGGER", "ALL"), ("ENABLE", "TRIGGER", "ALL")}
)
#: Tokens that make a `SET` command's text more than a setting.
_STATEMENT_TOKENS = frozenset(
    {TokenType.SELECT, TokenType.INSERT, TokenType.UPDATE, TokenType.DELETE, TokenType.PLACEHOLDER}
)


def seed_part(text: str, dialect: str | None) -> SeedPart:
    """What a statement's text is to a seed script: its rows, their setup, or other.

    A text that holds several statements (a T-SQL batch without `;`) is ROWS when it
    inserts rows and the rest is setup; OTHER as soon as one statement is.
    """
    pending = [text]
    rows = False
    while pending:
        parsed = parse_statements(pending.pop(), dialect)
        if isinstance(parsed, UseProblem):
            return SeedPart.OTHER
        for tree in parsed:
            if isinstance(tree, exp.Command) and str(tree.this).upper() == "SET":
                setting, after = _set_command(tree.text("expression"), dialect)
                if not setting:
                    return SeedPart.OTHER
                if after:
                    pending.append(after)
                continue
            part = _part(tree)
            if part is SeedPart.OTHER:
                return part
            rows = rows or part is SeedPart.ROWS
    return SeedPart.ROWS if rows else SeedPart.SETUP


def _part(tree: exp.Expr) -> SeedPart:
    if isinstance(tree, exp.Insert):
        return SeedPart.ROWS if _literal_rows(tree) else SeedPart.OTHER
    if isinstance(tree, (exp.Transaction, exp.Commit, exp.Rollback, exp.Use, exp.TruncateTable)):
        return SeedPart.SETUP
    if isinstance(tree, exp.Set):
        return SeedPart.OTHER if tree.find(*_NOT_SETTING) else SeedPart.SETUP
    if isinstance(tree, exp.Delete):
        # the whole table, before the script fills it again; a WHERE reads columns to
        # choose rows, which is a use of them (the file stays a query file)
        extra = [k for k, v in tree.args.items() if v and k != "this"]
        return SeedPart.OTHER if extra or not isinstance(tree.this, exp.Table) else SeedPart.SETUP
    if isinstance(tree, exp.Select):
        # pg_dump's `SELECT pg_catalog.setval('t_id_seq', 42, true)`: constants, no table
        if tree.args.get("from_") or any(e.find(*_NOT_LITERAL) for e in tree.expressions):
            return SeedPart.OTHER
        return SeedPart.SETUP
    if isinstance(tree, exp.Command):
        return _command(str(tree.this).upper(), tree.text("expression"))
    return SeedPart.OTHER


def _literal_rows(insert: exp.Insert) -> bool:
    """An INSERT of literal rows: VALUES (or DEFAULT VALUES), no query, placeholder or column.

    `INSERT IGNORE`, SQLite's `INSERT OR IGNORE` and `ON CONFLICT DO NOTHING` still only
    add rows; an upsert that updates (`ON DUPLICATE KEY UPDATE a = VALUES(a)`), a CTE
    or `RETURNING` make it a query.
    """
    if any(insert.args.get(k) for k in ("with_", "with", "returning", "where", "is_function")):
        return False
    conflict = insert.args.get("conflict")
    if conflict is not None:
        action = conflict.args.get("action")
        if conflict.expressions or not (isinstance(action, exp.Var) and action.name.upper() == "DO NOTHING"):
            return False
    values = insert.expression
    if values is None:
        return bool(insert.args.get("default"))  # INSERT INTO t DEFAULT VALUES
    return isinstance(values, exp.Values) and not values.find(*_NOT_LITERAL)


def _command(head: str, rest: str) -> SeedPart:
    """A statement sqlglot keeps opaque: a lock, T-SQL's bare `BEGIN`, or an `ALTER TABLE` switch."""
    if head in _LOCKS or (head == "BEGIN" and not rest.strip()):
        return SeedPart.SETUP
    if head == "ALTER":
        words = rest.split()
        if words[:1] and words[0].upper() == "TABLE":
            tail = tuple(w.upper() for w in words[-3:])
            if tail[-2:] in _TABLE_SWITCHES or tail in _TABLE_SWITCHES:
                return SeedPart.SETUP
    return SeedPart.OTHER


def _set_command(rest: str, dialect: str | None) -> tuple[bool, str]:
    """(whether a `SET` command sqlglot keeps opaque is a setting, the statements glued after it).

    T-SQL's `SET IDENTITY_INSERT t ON` needs no `;`, so the INSERT that follows it in a
    batch is read into the same command: the text after its `ON`/`OFF` is returned to be
    judged on its own.
    """
    try:
        tokens = Dialect.get_or_raise(dialect).tokenize(rest)
    except Exception:  # noqa: BLE001 - TokenError or a tokenizer bug: not a setting we can tell
        return False, ""
    for i, token in enumerate(tokens):
        if token.token_type in _STATEMENT_TOKENS:
            return False, ""
        if token.text.upper() in ("ON", "OFF") and i + 1 < len(tokens):
            return True, rest[tokens[i + 1].start :]
    return True, ""
