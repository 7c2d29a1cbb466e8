"""Where each database looks for a table a reference names without its schema.

`REFERENCES status` written in `hr.staff` is `public.status` to PostgreSQL (the search
path), `hr.status` to MySQL (a database is a schema) and to SQLite and DuckDB (a key stays
in its own schema), and whatever schema the session is in to Oracle. The classifier links
rows to people through such keys, so it must find the table the database finds.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass


@dataclass(frozen=True)
class NameLookup:
    """How a dialect finds the table of a reference that names no schema."""

    session: bool
    """Found in the session's schema (a search path, a user's default schema), not in the
    referencing table's: where a DDL file's unqualified `CREATE TABLE` puts a table too."""
    default: str | None
    """The schema unqualified tables are in when no one changed it, spelt as the dialect
    normalizes an unquoted name (Snowflake's `PUBLIC`); None where it is not fixed (Oracle's
    is the session user's own) or a database is a schema (MySQL)."""


#: The dialects whose session finds an unqualified name, by the default schema's unquoted name.
_SESSION_DEFAULTS: dict[str, str | None] = {
    "postgres": "public",
    "redshift": "public",
    "materialize": "public",
    "risingwave": "public",
    "tsql": "dbo",
    "fabric": "dbo",
    "snowflake": "public",
    "oracle": None,
}
#: The dialects that keep a key in its own table's schema, by that schema's unquoted name
#: where a table is created without one: SQLite's parent table "must be in the same
#: database", DuckDB refuses keys across schemas, a MySQL database is a schema.
_OWN_DEFAULTS: dict[str, str | None] = {"sqlite": "main", "duckdb": "main"}


@functools.cache
def name_lookup(dialect: str | None) -> NameLookup:
    """How `dialect` resolves an unqualified table name; an unknown one in the row's own schema."""
    if dialect in _SESSION_DEFAULTS:
        return NameLookup(True, _normalized(_SESSION_DEFAULTS[dialect], dialect))
    return NameLookup(False, _normalized(_OWN_DEFAULTS.get(dialect or ""), dialect))


def _normalized(name: str | None, dialect: str | None) -> str | None:
    """`name` unquoted as `dialect` folds it (`PUBLIC` in Snowflake, `public` in PostgreSQL)."""
    if name is None or dialect is None:
        return name
    # imported here: the classifier asks only where two tables share a name, and importing
    # sqlglot costs a process that reads no SQL (forms, entities) a tenth of a second or more
    from sqlglot import exp
    from sqlglot.dialects.dialect import Dialect
    from sqlglot.errors import SqlglotError

    try:
        return Dialect.get_or_raise(dialect).normalize_identifier(exp.to_identifier(name)).name
    except (SqlglotError, ValueError):
        return name
