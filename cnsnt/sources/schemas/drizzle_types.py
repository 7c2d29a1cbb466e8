r"""Drizzle ORM's column builders as SQL types, and its `casing` option's names.

Written after `drizzle-orm`'s `pg-core`, `mysql-core` and `sqlite-core` column modules
(the SQL each builder's `getSQLType()` writes) and its `casing.ts` (`toSnakeCase`,
`toCamelCase`). The word splitting is a loop over characters, as Drizzle's regular
expression `[\\da-z]+|[A-Z]+(?![a-z])|[A-Z][\\da-z]+` matches.
"""

from __future__ import annotations

from typing import Any

#: The import paths of Drizzle's dialect modules -> the dialect (sqlglot's name).
DIALECTS = {
    "drizzle-orm/pg-core": "postgres",
    "drizzle-orm/mysql-core": "mysql",
    "drizzle-orm/sqlite-core": "sqlite",
}
#: The functions that declare a table, by dialect module.
TABLES = frozenset({"pgTable", "mysqlTable", "sqliteTable"})
#: The functions that make a table function with a name template (`pgTableCreator(...)`).
TABLE_CREATORS = frozenset({"pgTableCreator", "mysqlTableCreator", "sqliteTableCreator"})
#: The functions that declare a schema (`pgSchema('auth').table(...)`).
SCHEMAS = frozenset({"pgSchema", "mysqlSchema"})
#: The functions that declare a PostgreSQL or MySQL enum type.
ENUMS = frozenset({"pgEnum"})
#: Functions that declare views (read only when their columns are written out).
VIEWS = frozenset({"pgView", "pgMaterializedView", "mysqlView", "sqliteView"})
#: Table-level builders of the extra-config argument that declare keys.
KEYS = frozenset({"primaryKey", "foreignKey"})

#: Builders whose SQL type is their own name, in every dialect that has them.
_PLAIN = frozenset(
    {"integer", "smallint", "bigint", "serial", "smallserial", "bigserial", "boolean", "text", "json",
     "jsonb", "uuid", "date", "time", "interval", "inet", "cidr", "macaddr", "macaddr8", "point", "line",
     "real", "blob", "tinyint", "mediumint", "tinytext", "mediumtext", "longtext", "datetime", "year",
     "float", "double", "geometry", "numeric", "decimal", "timestamp", "bytea"}
)  # fmt: skip
#: Builders written in camelCase -> their SQL type.
_NAMED = {
    "doublePrecision": "double precision",
    "int": "int",
    "varbinary": "varbinary",
    "binary": "binary",
}
#: MySQL's number builders that take `unsigned: true`.
_UNSIGNED = frozenset(
    {"int", "tinyint", "smallint", "mediumint", "bigint", "serial", "decimal", "double", "float", "real"}
)
#: Builders whose `length` option is their size (`varchar(255)`).
_SIZED = frozenset({"varchar", "char", "binary", "varbinary"})
#: Builders whose `precision` and `scale` options are written after them.
_DECIMAL = frozenset({"numeric", "decimal"})
#: Builders that carry a vector's `dimensions` (pgvector).
_VECTORS = frozenset({"vector", "halfvec", "sparsevec", "bit"})


def sql_type(builder: str, dialect: str | None, config: dict[str, Any]) -> str | None:
    """The SQL type a core builder writes, given its literal config (`{ length: 255 }`); None if unknown.

    `timestamp` with `withTimezone: true` is `timestamptz`; SQLite's `text`
    with `mode: 'json'` is still `text` (the mode changes the JavaScript value only).
    """
    if config.get("unsigned") is True and builder in _UNSIGNED:
        return f"{_NAMED.get(builder, builder)} unsigned"  # MySQL's `bigint('n', { unsigned: true })`
    if builder in _SIZED:
        length = _number(config.get("length"))
        if dialect == "sqlite" and builder == "varchar":
            return "text"
        return f"{builder}({length})" if length is not None else builder
    if builder in _DECIMAL:
        precision, scale = _number(config.get("precision")), _number(config.get("scale"))
        if precision is not None:
            return f"{builder}({precision},{scale if scale is not None else 0})"
        return builder
    if builder in ("timestamp", "time") and config.get("withTimezone") is True:
        return f"{builder}tz"  # PostgreSQL's `timestamp with time zone`, as the SQL readers name it
    if builder in _VECTORS:
        size = _number(config.get("dimensions"))
        return f"{builder}({size})" if size is not None else builder
    if builder in _PLAIN:
        return builder
    return _NAMED.get(builder)


def _number(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _words(text: str) -> list[str]:
    r"""Drizzle's words of a key: runs of lower case and digits, capitals before a capitalised word.

    `[\\da-z]+ | [A-Z]+(?![a-z]) | [A-Z][\\da-z]+` taken leftmost first, as JavaScript's
    `match(/.../g)` does: `HTMLParser` -> HTML, Parser; `userId2` -> user, Id2. Quotes are
    dropped first; every other character separates words.
    """
    text = text.replace("'", "").replace("\u2019", "")
    out: list[str] = []
    i, size = 0, len(text)

    def lower_or_digit(c: str) -> bool:
        return ("a" <= c <= "z") or ("0" <= c <= "9")

    def upper(c: str) -> bool:
        return "A" <= c <= "Z"

    while i < size:
        c = text[i]
        if lower_or_digit(c):
            j = i
            while j < size and lower_or_digit(text[j]):
                j += 1
            out.append(text[i:j])
            i = j
        elif upper(c):
            j = i
            while j < size and upper(text[j]):
                j += 1
            if j < size and "a" <= text[j] <= "z":
                if j - i > 1:  # `HTMLParser`: `HTML`, then `Parser` starts at the last capital
                    out.append(text[i : j - 1])
                    i = j - 1
                    continue
                k = j
                while k < size and lower_or_digit(text[k]):
                    k += 1
                out.append(text[i:k])
                i = k
            else:
                out.append(text[i:j])
                i = j
        else:
            i += 1
    return out


def snake_case(key: str) -> str:
    """Drizzle's `toSnakeCase`: `firstName` -> `first_name`, `userID` -> `user_id`."""
    return "_".join(w.lower() for w in _words(key))


def camel_case(key: str) -> str:
    """Drizzle's `toCamelCase`: `first_name` -> `firstName`."""
    words = _words(key)
    return "".join(w.lower() if i == 0 else w[0].upper() + w[1:] for i, w in enumerate(words))


def cased(key: str, casing: str | None) -> str:
    """A column's name from its property key under the `casing` option (`snake_case`, `camelCase`)."""
    if casing == "snake_case":
        return snake_case(key) or key
    if casing == "camelCase":
        return camel_case(key) or key
    return key
