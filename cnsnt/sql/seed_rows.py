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

from cnsnt.sql.seed_select import NOT_LITERAL, guarded_literal_rows
from cnsnt.sql.uses import UseProblem, parse_statements


class SeedPart(enum.Enum):
    """What one statement is to a seed script."""

    ROWS = "rows"
    """`INSERT ... VALUES` of literal values only."""
    SETUP = "setup"
    """A session, transaction or table-reset statement that reads no column."""
    DATABASE = "database"
    """A database, schema or account made (`CREATE DATABASE`, `CREATE USER`), or access granted."""
    DROP = "drop"
    """A table, view, index, routine or other object dropped (`DROP TABLE IF EXISTS t CASCADE`):
    it removes what a schema made, and reads or writes no one's data."""
    OBJECT = "object"
    """An index, a sequence or a comment made or changed (`CREATE INDEX`, `CREATE SEQUENCE`,
    `COMMENT ON COLUMN`, `ALTER SEQUENCE`), or a table's existing columns changed (`ALTER
    TABLE t MODIFY a INT`, `ADD INDEX`): DDL that adds no column and reads or writes no
    one's data (an index's expression or `WHERE` names columns, and uses no one's data)."""
    OTHER = "other"
    """Anything else (a query, a placeholder, a statement that does not parse)."""


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
#: What `CREATE`/`DROP` make or drop in a database-setup script (sqlglot's `kind`).
_DATABASE_OBJECTS = frozenset({"DATABASE", "SCHEMA"})
#: What `CREATE` makes in a file of indexes and sequences (sqlglot's `kind`): no column, no row.
_OBJECTS = frozenset({"INDEX", "SEQUENCE"})
#: Opaque commands that make, change or drop an account or database: their first word...
_MAKES = frozenset({"CREATE", "ALTER", "DROP"})
#: ... and the word after it (`CREATE USER 'app'@'%' IDENTIFIED BY ...`, T-SQL's `CREATE LOGIN`).
_ACCOUNTS = frozenset({"USER", "ROLE", "LOGIN", "DATABASE", "SCHEMA"})
#: Opaque commands that grant access (MySQL's `GRANT ... TO 'app'@'%'`) or reload it.
_GRANTS = frozenset({"GRANT", "REVOKE", "FLUSH"})
#: Tokens that make a `SET` command's text more than a setting.
_STATEMENT_TOKENS = frozenset(
    {TokenType.SELECT, TokenType.INSERT, TokenType.UPDATE, TokenType.DELETE, TokenType.PLACEHOLDER}
)


def seed_part(text: str, dialect: str | None) -> SeedPart:
    """What a statement's text is to a seed script: its rows, their setup, or other.

    A text that holds several statements (a T-SQL batch without `;`) is ROWS when it
    inserts rows and the rest is setup, DATABASE when it makes a database or an account
    and the rest is setup; OTHER as soon as one statement is.
    """
    pending = [text]
    seen: set[SeedPart] = set()
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
            seen.add(part)
    order = (SeedPart.ROWS, SeedPart.DATABASE, SeedPart.OBJECT, SeedPart.DROP)
    return next((p for p in order if p in seen), SeedPart.SETUP)


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
        if tree.args.get("from_") or any(e.find(*NOT_LITERAL) for e in tree.expressions):
            return SeedPart.OTHER
        return SeedPart.SETUP
    if isinstance(tree, exp.Command):
        head, rest = str(tree.this).upper(), tree.text("expression")
        if head == "ALTER" and _mysql_column_changes(rest):
            return SeedPart.OBJECT
        return _command(head, rest)
    if _database_setup(tree):
        return SeedPart.DATABASE
    if isinstance(tree, exp.Comment) or (
        isinstance(tree, exp.Create) and str(tree.args.get("kind") or "").upper() in _OBJECTS
    ):
        return SeedPart.OBJECT
    if isinstance(tree, exp.Alter) and _changes_columns(tree):
        return SeedPart.OBJECT
    return SeedPart.DROP if isinstance(tree, exp.Drop) else SeedPart.OTHER


#: `ALTER TABLE` actions that change a table's existing columns, keys or indexes, and name no
#: column the table did not have (a MySQL `MODIFY` or `CHANGE`, checked apart, may rename).
_COLUMN_CHANGES = (exp.AlterColumn, exp.AddConstraint, exp.DropPrimaryKey, exp.Drop)


def _changes_columns(tree: exp.Alter) -> bool:
    """An `ALTER TABLE` that changes what existing columns hold or how they are keyed, and adds none.

    MySQL's `MODIFY a INT` and `CHANGE a a INT ... AUTO_INCREMENT` (the name restated: a
    one-line upgrade patch, review39 D1), `ALTER COLUMN a TYPE text`, `ADD INDEX`, `ADD
    CONSTRAINT`, `DROP INDEX`, table options (`AUTO_INCREMENT = 9`) read and write no one's
    data. `ADD COLUMN` and a rename (`CHANGE a b`, `RENAME COLUMN`, `RENAME TO`) give a name
    the schema may lack: such a file is an upgrade patch, not this.
    """
    if str(tree.args.get("kind") or "").upper() != "TABLE":
        return False
    for action in tree.args.get("actions") or ():
        if isinstance(action, exp.ModifyColumn):
            renamed = action.args.get("rename_from")
            if renamed is not None and renamed.name.lower() != action.this.name.lower():
                return False
        elif not isinstance(action, _COLUMN_CHANGES):
            return False
    return True


def _mysql_column_changes(rest: str) -> bool:
    """An `ALTER TABLE` a dialect kept opaque that MySQL reads as a change of existing columns.

    `MODIFY` and `CHANGE` are MySQL's own: a file whose dialect nothing names is parsed in
    the default one, which keeps them as a command (review39 D1's one-line patch).
    """
    words = rest.split(maxsplit=1)
    if not words or words[0].upper() != "TABLE":
        return False
    parsed = parse_statements(f"ALTER {rest}", "mysql")
    if isinstance(parsed, UseProblem) or len(parsed) != 1:
        return False
    return isinstance(parsed[0], exp.Alter) and _changes_columns(parsed[0])


def _database_setup(tree: exp.Expr) -> bool:
    """A database or schema made or dropped, access granted or revoked, MySQL's `FLUSH PRIVILEGES`.

    What a script run once by an administrator does before the application starts (Spring
    PetClinic's `db/mysql/user.sql`): it reads and writes no table's rows.
    """
    if isinstance(tree, (exp.Grant, exp.Revoke)):
        return True
    if isinstance(tree, (exp.Create, exp.Drop)):
        kind = str(tree.args.get("kind") or "").upper()
        return kind in _DATABASE_OBJECTS and tree.args.get("expression") is None
    # sqlglot reads MySQL's `FLUSH PRIVILEGES` as the column `FLUSH` named `PRIVILEGES`
    return (
        isinstance(tree, exp.Alias)
        and isinstance(tree.this, exp.Column)
        and not tree.this.table
        and tree.this.name.upper() == "FLUSH"
    )


def _literal_rows(insert: exp.Insert) -> bool:
    """An INSERT of literal rows: VALUES (or DEFAULT VALUES), no query, placeholder or column.

    `INSERT IGNORE`, SQLite's `INSERT OR IGNORE` and `ON CONFLICT DO NOTHING` still only
    add rows, and so does their older spelling, a SELECT of literals guarded by `WHERE NOT
    EXISTS` on the row's key (`guarded_literal_rows`); an upsert that updates (`ON
    DUPLICATE KEY UPDATE a = VALUES(a)`), a CTE or `RETURNING` make it a query.
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
    if isinstance(values, exp.Select):
        return guarded_literal_rows(insert)  # `SELECT 'Ana' WHERE NOT EXISTS (... id = 1)`
    return isinstance(values, exp.Values) and not values.find(*NOT_LITERAL)


def _command(head: str, rest: str) -> SeedPart:
    """A statement sqlglot keeps opaque, by its first words.

    A lock, T-SQL's bare `BEGIN` or an `ALTER TABLE` switch is setup; an account or
    database made or changed (`CREATE USER`, `ALTER ROLE`), access granted, `FLUSH` is
    database setup.
    """
    if head in _LOCKS or (head == "BEGIN" and not rest.strip()):
        return SeedPart.SETUP
    first = rest.split(maxsplit=1)[:1]
    if head in _GRANTS or (head in _MAKES and first and first[0].upper() in _ACCOUNTS):
        return SeedPart.DATABASE
    if head == "DROP" and first:  # PostgreSQL's `DROP POLICY p ON t`, which sqlglot keeps opaque
        return SeedPart.DROP
    if head == "ALTER" and first and first[0].upper() in _OBJECTS:  # `ALTER SEQUENCE s RESTART WITH 5`
        return SeedPart.OBJECT
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
