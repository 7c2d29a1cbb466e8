"""How Sequelize names tables and columns, and what its data types are in SQL.

Sequelize names a model's table by pluralising the model's name with npm's
`inflection` (a port of Rails' inflector): `User` -> `Users`, `Category` ->
`Categories`, `Person` -> `People`. The Python `inflection` package ports the same
inflector, so the plurals agree (`inflect`, the other candidate, follows English
grammar instead and takes a capitalised word for a proper noun: `Categorys`).
`underscored: true` writes attribute and table names in snake case; association keys
are camelised from the model's singular name and its primary key (`UserId`).
"""

from __future__ import annotations

import inflection

#: Sequelize's data types -> the SQL type they create (PostgreSQL's words; the length is added).
_TYPES = {
    "STRING": "VARCHAR", "CHAR": "CHAR", "TEXT": "TEXT", "TINYTEXT": "TEXT", "MEDIUMTEXT": "TEXT",
    "LONGTEXT": "TEXT", "CITEXT": "CITEXT", "TSVECTOR": "TSVECTOR",
    "INTEGER": "INTEGER", "BIGINT": "BIGINT", "SMALLINT": "SMALLINT", "TINYINT": "TINYINT",
    "MEDIUMINT": "MEDIUMINT", "FLOAT": "FLOAT", "REAL": "REAL", "DOUBLE": "DOUBLE PRECISION",
    "DECIMAL": "DECIMAL", "NUMBER": "NUMERIC", "NUMERIC": "NUMERIC", "BOOLEAN": "BOOLEAN",
    "DATE": "TIMESTAMP WITH TIME ZONE", "DATEONLY": "DATE", "TIME": "TIME", "NOW": "TIMESTAMP",
    "UUID": "UUID", "UUIDV1": "UUID", "UUIDV4": "UUID", "JSON": "JSON", "JSONB": "JSONB",
    "BLOB": "BLOB", "ENUM": "ENUM", "ARRAY": "ARRAY", "INET": "INET", "CIDR": "CIDR",
    "MACADDR": "MACADDR", "GEOMETRY": "GEOMETRY", "GEOGRAPHY": "GEOGRAPHY", "HSTORE": "HSTORE",
    "RANGE": "RANGE",
}  # fmt: skip
#: Types that are no column at all.
VIRTUAL = "VIRTUAL"
#: Names longer than this are kept as written: the inflector runs some 80 patterns per call,
#: and no model is named with a paragraph (a hostile file may be).
_LONGEST = 200


def pluralize(name: str) -> str:
    """A model's name pluralised as Sequelize's default table name (`User` -> `Users`)."""
    return name if len(name) > _LONGEST else str(inflection.pluralize(name))


def singularize(name: str) -> str:
    """The singular Sequelize names associations after (`Users` -> `User`)."""
    return name if len(name) > _LONGEST else str(inflection.singularize(name))


def underscore(name: str) -> str:
    """`firstName` -> `first_name`, as `underscored: true` writes a field or a table."""
    return name if len(name) > _LONGEST else str(inflection.underscore(name))


def camelize(name: str) -> str:
    """Sequelize's own `Utils.camelize`: each run of `-`, `_` or spaces dropped, the next letter upper.

    `User_id` -> `UserId`, `author_id` -> `authorId` (the first letter is left as it is).
    """
    out: list[str] = []
    upper = False
    for c in name.strip():
        if c in "-_ \t\n":
            upper = True
            continue
        out.append(c.upper() if upper else c)
        upper = False
    return "".join(out)


def sql_type(name: str, args: list[str] | None = None) -> str | None:
    """The SQL type of a Sequelize type (`STRING`, ['100'] -> `VARCHAR(100)`); None when virtual.

    An unknown name is kept upper case (`'VARCHAR(20)'` written as a string is itself SQL).
    """
    key = name.upper()
    if key == VIRTUAL:
        return None
    base = _TYPES.get(key, name.upper() if name.isidentifier() else name)
    if key == "STRING" and not args:
        return "VARCHAR(255)"
    if args and key not in ("ENUM", "ARRAY"):
        return f"{base}({', '.join(args)})"
    if key == "ARRAY" and args:
        return f"{args[0]}[]"
    return base
