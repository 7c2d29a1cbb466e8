"""The table a foreign key points at, found the way its database finds it.

A key that names no schema is resolved by the dialect (`cnsnt.sql.namespaces`): through
the session's schema in PostgreSQL, Redshift, SQL Server, Snowflake and Oracle, in the
referencing table's own schema in MySQL, SQLite, DuckDB and where the dialect is not
known. Where the tables read do not settle it (`users` in `hr` and in `app`, named from a
third schema in MySQL) no table is guessed: the key's `found` lists both, and the
classifier reads it as pointing at neither (dial37).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from cnsnt.evidence import ForeignKey, Table
from cnsnt.sql.namespaces import name_lookup


class TableIndex(dict[str, Table]):
    """Tables by case-folded `Table.key` (the first of a key), and every table of each bare name."""

    def __init__(self, tables: Iterable[Table] = ()) -> None:
        super().__init__()
        self.named: dict[str, tuple[Table, ...]] = {}
        for table in tables:
            self.setdefault(table.key.casefold(), table)
            name = table.name.casefold()
            if table not in self.named.get(name, ()):
                self.named[name] = (*self.named.get(name, ()), table)

    def names_of(self, table: Table) -> tuple[str, ...]:
        """What a table goes by in the classifier's sets of names (case-folded).

        Its key, and its bare name where no other table has it: `clinic.accounts` beside
        the ledger's `accounts` is not `accounts`, or a key to the ledger would reach the
        clinic's people.
        """
        key, name = table.key.casefold(), table.name.casefold()
        return (key,) if key == name or len(self.named.get(name, ())) > 1 else (name, key)


def candidates(key: ForeignKey, index: TableIndex, table: Table | None) -> tuple[Table, ...]:
    """The tables read that `key` of `table` may point at: one, several where it cannot be known, or none.

    A key that names its schema is read there; one naming a schema the tables read lack
    (`audit.users` beside a dump whose `CREATE TABLE users` names none) the one table of
    its name. A key that names none is read where its dialect looks (`_unqualified`).
    A key the classifier implied points at the very table it was read from.
    """
    ref = key.ref_table.casefold()
    named = index.named.get(ref, ())
    if key.ref_schema:
        found = index.get(f"{key.ref_schema}.{ref}".casefold())
        if found is not None:
            return (found,)
        bare = tuple(t for t in named if t.schema is None)
        return bare[:1] if bare else named
    if key.implied:
        exact = index.get(ref)
        if exact is not None:
            return (exact,)
    return _unqualified(named, table)


def _unqualified(named: tuple[Table, ...], table: Table | None) -> tuple[Table, ...]:
    """Of the tables of a name, those a reference naming no schema finds from `table`.

    In a dialect whose session finds it, the default schema's (a table created without a
    schema, or in the default schema written out: `public.status`); elsewhere the row's own
    schema's, the default one where the row names none. Failing that the one table of
    the name, or all of them when there are several (no guess).
    """
    if len(named) <= 1 or table is None:
        return named
    lookup = name_lookup(table.dialect)
    if lookup.session:
        home = [t for t in named if t.schema is None]
        home = home or [t for t in named if _is_default(t.schema, table.dialect)]
    else:
        home = [t for t in named if _same_schema(t.schema, table.schema, table.dialect)]
    return tuple(home[:1]) if home else named


def _is_default(schema: str | None, dialect: str | None) -> bool:
    """Whether `schema` is the dialect's default one written out (`public`, `dbo`, `main`)."""
    default = name_lookup(dialect).default
    return schema is not None and default is not None and schema.casefold() == default.casefold()


def _same_schema(one: str | None, other: str | None, dialect: str | None) -> bool:
    """Whether two tables' schemas are one: equal, or one left out and the other the default."""
    if one is None or other is None:
        return one == other or _is_default(one or other, dialect)
    return one.casefold() == other.casefold()


def target(key: ForeignKey, index: TableIndex, table: Table | None) -> Table | None:
    """The one table `key` points at, or None where the tables read hold none or several."""
    if key.found is not None:
        return index.get(key.found[0]) if len(key.found) == 1 else None
    found = candidates(key, index, table)
    return found[0] if len(found) == 1 else None


def ambiguous(key: ForeignKey, index: TableIndex, table: Table | None) -> tuple[str, ...]:
    """The keys of the tables `key` may point at where the tables read hold several; else ()."""
    found = key.found
    if found is None:
        found = tuple(t.key.casefold() for t in candidates(key, index, table))
    return found if len(found) > 1 else ()


def list_target(key: ForeignKey, table: Table) -> str:
    """The table a key points at, in its schema where the tables carry one (`hr.status`, case-folded).

    Two schemas' `status` tables are two lists (codereview35): one key to each is no list
    that several facts are picked from. Where a key names no schema, it is the one its
    database resolves: the row's own where a key stays in its schema (MySQL, SQLite,
    DuckDB), the session's default where the session finds it (PostgreSQL, SQL Server,
    Snowflake, Oracle), which the bare name stands for, as a live database's keys to its
    default schema carry none (open36b).
    """
    if key.ref_schema is not None:
        schema = None if _is_default(key.ref_schema, table.dialect) else key.ref_schema
    elif name_lookup(table.dialect).session:
        schema = None
    else:
        schema = None if _is_default(table.schema, table.dialect) else table.schema
    return f"{schema}.{key.ref_table}".casefold() if schema else key.ref_table.casefold()


def resolved(tables: Sequence[Table], index: TableIndex) -> tuple[Table, ...]:
    """The tables with each key's `found` filled in, so every reading of a key agrees."""
    out = []
    for table in tables:
        keys = tuple(_resolved_key(k, index, table) for k in table.foreign_keys)
        out.append(replace(table, foreign_keys=keys) if table.foreign_keys else table)
    return tuple(out)


def _resolved_key(key: ForeignKey, index: TableIndex, table: Table) -> ForeignKey:
    """`key` with the tables it may point at; naming its table's schema where another has the name.

    So a reason says which of two `accounts` a row is linked to (`clinic.accounts`).
    """
    found = candidates(key, index, table)
    resolved_key = replace(key, found=tuple(t.key.casefold() for t in found))
    if len(found) == 1 and found[0].schema and len(index.named.get(found[0].name.casefold(), ())) > 1:
        resolved_key = replace(resolved_key, ref_schema=found[0].schema)
    return resolved_key
