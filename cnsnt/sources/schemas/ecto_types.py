"""Ecto's column types as its SQL adapters create them: PostgreSQL (Postgrex, the default) and MySQL (MyXQL).

The mapping is ecto_sql's `column_type` of each adapter:

| Ecto              | PostgreSQL        | MySQL             |
|-------------------|-------------------|-------------------|
| `:string`         | VARCHAR(255) (`size:`) | VARCHAR(255) |
| `:text`, `:integer`, `:bigint`, `:boolean`, `:date` | the same name | the same name |
| `:decimal` (`precision:`, `scale:`) | DECIMAL(p, s) | DECIMAL(p, s) |
| `:float`          | FLOAT             | DOUBLE            |
| `:binary`         | BYTEA             | BLOB              |
| `:map`, `{:map, t}` | JSONB           | JSON              |
| `{:array, t}`     | t[]               | JSON              |
| `:binary_id`, `:uuid` | UUID          | BINARY(16)        |
| `:id`             | INTEGER           | INTEGER           |
| `:serial`, `:bigserial` | SERIAL, BIGSERIAL | BIGINT UNSIGNED (auto-increment) |
| `:utc_datetime`, `:naive_datetime` | TIMESTAMP(0) | DATETIME |
| `:utc_datetime_usec`, `:naive_datetime_usec` | TIMESTAMP | DATETIME(6) |
| `:time`, `:time_usec` | TIME(0), TIME | TIME, TIME(6)    |
| `:duration`       | INTERVAL          | -                 |
| any other atom (`:citext`, `:tsvector`, `:"varchar(40)"`) | its name, upper-cased | the same |

A table's default primary key `id` is `:bigserial`; `references(:t)` makes a BIGINT
column (BIGINT UNSIGNED on MySQL), `type: :binary_id` a UUID one. In schemas
(`Ecto.Schema`), whose types are Elixir's, `:id` is the BIGINT its migration made and
`Ecto.Enum` a VARCHAR(255) (its values are stored as strings); a custom `Ecto.Type`
module (`MyApp.EncryptedBinary`) has no known SQL type.
"""

from __future__ import annotations

from cnsnt.sources.schemas.elixir_syntax import Alias, Atom, Value, keyword

_POSTGRES = {
    "id": "INTEGER",
    "identity": "BIGINT",
    "serial": "SERIAL",
    "bigserial": "BIGSERIAL",
    "binary_id": "UUID",
    "uuid": "UUID",
    "bitstring": "VARBIT",
    "binary": "BYTEA",
    "map": "JSONB",
    "time": "TIME(0)",
    "time_usec": "TIME",
    "utc_datetime": "TIMESTAMP(0)",
    "utc_datetime_usec": "TIMESTAMP",
    "naive_datetime": "TIMESTAMP(0)",
    "naive_datetime_usec": "TIMESTAMP",
    "duration": "INTERVAL",
}
_MYSQL = {
    "id": "INTEGER",
    "identity": "BIGINT",
    "serial": "BIGINT UNSIGNED",
    "bigserial": "BIGINT UNSIGNED",
    "binary_id": "BINARY(16)",
    "uuid": "BINARY(16)",
    "float": "DOUBLE",
    "binary": "BLOB",
    "map": "JSON",
    "time": "TIME",
    "time_usec": "TIME(6)",
    "utc_datetime": "DATETIME",
    "utc_datetime_usec": "DATETIME(6)",
    "naive_datetime": "DATETIME",
    "naive_datetime_usec": "DATETIME(6)",
}
#: Schema field types (`Ecto.Schema`) that are no migration type, as the SQL they are stored in.
_SCHEMA_TYPES = {"id": "BIGINT", "Ecto.Enum": "VARCHAR(255)", "Ecto.UUID": "UUID"}


def is_mysql(dialect: str | None) -> bool:
    """Whether the entry's dialect is MySQL's (MyXQL's types), not PostgreSQL's."""
    return (dialect or "").lower() in ("mysql", "mariadb")


def column_type(kind: Value, options: dict[str, Value], mysql: bool) -> str | None:
    """The SQL type of an Ecto migration type (`:string`, `{:array, :text}`); None when not a literal."""
    if isinstance(kind, tuple) and len(kind) == 2 and kind[0] == "array":
        inner = column_type(kind[1], {}, mysql)
        return "JSON" if mysql else (f"{inner}[]" if inner else None)
    if isinstance(kind, tuple) and len(kind) == 2 and kind[0] == "map":
        return "JSON" if mysql else "JSONB"
    if isinstance(kind, Alias) or not isinstance(kind, str):
        return None
    name = str(kind)
    if name == "string":
        size = options.get("size")
        return f"VARCHAR({size if isinstance(size, int) else 255})"
    if name in ("decimal", "numeric"):
        precision, scale = options.get("precision"), options.get("scale")
        if isinstance(precision, int):
            return f"DECIMAL({precision}, {scale})" if isinstance(scale, int) else f"DECIMAL({precision})"
        return "DECIMAL"
    mapped = (_MYSQL if mysql else _POSTGRES).get(name)
    return mapped if mapped is not None else name.upper()


def reference_type(options: dict[str, Value], mysql: bool) -> str | None:
    """The type of the column `references(:t, type: ...)` makes (BIGINT by default)."""
    kind = options.get("type", Atom("bigserial"))
    if kind in ("serial", "bigserial", "identity"):
        return "BIGINT UNSIGNED" if mysql else ("INTEGER" if kind == "serial" else "BIGINT")
    return column_type(kind, options, mysql)


def schema_type(kind: Value, options: dict[str, Value], mysql: bool) -> str | None:
    """The SQL type of an `Ecto.Schema` field type (`:string`, `Ecto.Enum`, `{:array, Ecto.Enum}`)."""
    if isinstance(kind, tuple) and len(kind) == 2 and kind[0] == "array":
        inner = schema_type(kind[1], {}, mysql)
        return "JSON" if mysql else (f"{inner}[]" if inner else None)
    if isinstance(kind, str) and str(kind) in _SCHEMA_TYPES:
        mapped = _SCHEMA_TYPES[str(kind)]
        return "BINARY(16)" if mysql and mapped == "UUID" else mapped
    return column_type(kind, keyword(options), mysql)
