"""Seed rows spelled as `INSERT ... SELECT <literals> WHERE NOT EXISTS (<the row by its key>)`.

PostgreSQL before `ON CONFLICT` (and scripts that must run on any database) make a seed
script idempotent so: Spring PetClinic's `db/postgres/data.sql` holds lines like
`INSERT INTO vets (first_name, last_name) SELECT 'James', 'Carter' WHERE NOT EXISTS
(SELECT * FROM vets WHERE id=1)`. The SELECT reads no table but the one being filled, and
that only to find the row by a key given as a literal: it adds the same row as
`INSERT ... VALUES ... ON CONFLICT DO NOTHING`, and uses no one's data. An `INSERT ...
SELECT` that reads another table, or the filled table by anything but literals, is a
query and stays one.
"""

from __future__ import annotations

from sqlglot import exp

#: Nodes that read something or stand for a value given at run time: a column, a query,
#: a placeholder (`?`, `:name`, `%(name)s`), a parameter or variable (`$1`, `@id`).
NOT_LITERAL = (
    exp.Column,
    exp.Query,
    exp.Subquery,
    exp.Table,
    exp.Star,
    exp.Placeholder,
    exp.Parameter,
    exp.SessionParameter,
)
#: What may be set on the literal SELECT: its values, the guard, MySQL's `FROM DUAL`.
_SELECT_ARGS = frozenset({"expressions", "where", "from_"})
#: What may be set on the guard's SELECT: what it selects, its one table, the key test.
_GUARD_ARGS = frozenset({"expressions", "from_", "where"})
#: What a guard may select: `*`, `1`, a column of the table (nothing that runs a query).
_NOT_IN_GUARD = (exp.Query, exp.Subquery, exp.Placeholder, exp.Parameter, exp.SessionParameter)


def guarded_literal_rows(insert: exp.Insert) -> bool:
    """Whether an INSERT's SELECT is literals from no table, guarded at most by the row's key.

    `SELECT 'Ana', 'Lima'` (no FROM, or MySQL's `FROM DUAL`), with no WHERE or with
    `WHERE NOT EXISTS (SELECT ... FROM <the table filled> WHERE <column> = <literal>
    [AND ...])`.
    """
    select = insert.expression
    if not isinstance(select, exp.Select) or _set_args(select) - _SELECT_ARGS:
        return False
    source = select.args.get("from_")
    if source is not None and not _dual(source.this):
        return False
    if not select.expressions or any(e.find(*NOT_LITERAL) for e in select.expressions):
        return False
    where = select.args.get("where")
    if where is None:
        return True
    target = insert.this.this if isinstance(insert.this, exp.Schema) else insert.this
    return isinstance(target, exp.Table) and _key_guard(where.this, target)


def _set_args(node: exp.Expr) -> set[str]:
    return {k for k, v in node.args.items() if v not in (None, False, [])}


def _dual(table: exp.Expr) -> bool:
    """MySQL's `DUAL`: the one-row table a SELECT of constants names when it has a WHERE."""
    return isinstance(table, exp.Table) and not table.args.get("db") and table.name.upper() == "DUAL"


def _key_guard(test: exp.Expr, target: exp.Table) -> bool:
    """`NOT EXISTS (SELECT ... FROM target WHERE col = literal [AND ...])`."""
    if not isinstance(test, exp.Not) or not isinstance(test.this, exp.Exists):
        return False
    guard = test.this.this
    if not isinstance(guard, exp.Select) or _set_args(guard) - _GUARD_ARGS:
        return False
    source = guard.args.get("from_")
    where = guard.args.get("where")
    if source is None or where is None or not _same_table(source.this, target):
        return False
    if any(e.find(*_NOT_IN_GUARD) for e in guard.expressions):
        return False
    names = {source.this.name.lower(), source.this.alias_or_name.lower()}
    return _key_test(where.this, names)


def _same_table(table: exp.Expr, target: exp.Table) -> bool:
    """The table the row goes into, by name (and by schema when both name one)."""
    if not isinstance(table, exp.Table) or table.name.lower() != target.name.lower():
        return False
    return not (table.db and target.db) or table.db.lower() == target.db.lower()


def _key_test(test: exp.Expr, names: set[str]) -> bool:
    """`col = literal`, or several joined by AND; a column of the guard's table only."""
    if isinstance(test, exp.Paren):
        return _key_test(test.this, names)
    if isinstance(test, exp.And):
        return _key_test(test.this, names) and _key_test(test.expression, names)
    if not isinstance(test, exp.EQ):
        return False
    sides = (test.this, test.expression)
    columns = [s for s in sides if isinstance(s, exp.Column)]
    if len(columns) != 1 or (columns[0].table and columns[0].table.lower() not in names):
        return False
    value = next(s for s in sides if s is not columns[0])
    return not value.find(*NOT_LITERAL)
