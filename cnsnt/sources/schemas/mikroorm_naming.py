"""MikroORM's default naming: its `UnderscoreNamingStrategy`.

Written after MikroORM's `UnderscoreNamingStrategy` (`packages/core/src/naming-strategy`):
a name is underscored by putting `_` between a lower-case letter and the capital after
it, then lower-casing all (`UserProfile` -> `user_profile`, `HTMLParser` -> `htmlparser`,
as MikroORM's one regular expression does; here a loop over ASCII letters).
"""

from __future__ import annotations


def underscore(name: str) -> str:
    """MikroORM's `underscore`: `firstName` -> `first_name` (`([a-z])([A-Z])` -> `$1_$2`, lower-cased)."""
    out: list[str] = []
    for i, c in enumerate(name):
        if i and "A" <= c <= "Z" and "a" <= name[i - 1] <= "z":
            out.append("_")
        out.append(c)
    return "".join(out).lower()


def table(class_name: str, given: str | None) -> str:
    """`classToTableName`: the `tableName` given, else the class name underscored."""
    return given or underscore(class_name)


def column(prop: str) -> str:
    """`propertyToColumnName`: `firstName` -> `first_name`."""
    return underscore(prop)


def join_column(prop: str, referenced: str) -> str:
    """A to-one relation's key column (`joinKeyColumnName`): `author` + `id` -> `author_id`."""
    return f"{underscore(prop)}_{referenced}"


def join_table(owner_table: str, prop: str) -> str:
    """`joinTableName`: the owner's table and the property, `book` + `tags` -> `book_tags`."""
    return f"{owner_table}_{underscore(prop)}"


def join_key(table_name: str, referenced: str) -> str:
    """A join table's column for one side (`joinKeyColumnName` with its table): `book_id`."""
    return f"{table_name}_{referenced}"
