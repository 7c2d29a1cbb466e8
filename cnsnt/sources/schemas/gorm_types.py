"""Go field types -> the SQL types GORM gives their columns (PostgreSQL's names, as the other readers use).

A `type:` tag wins; a `string` is `varchar(size)` with a `size:`, else `text`; a type
that is a struct of the entry is a relation, not a column (unless it has a `Scan`
method); the well-known value types of the standard library and of the libraries
GORM projects use (`sql.NullString`, `uuid.UUID`, `datatypes.JSON`, `decimal.Decimal`,
`null.String`, `pq.StringArray`) are columns of their SQL type.
"""

from __future__ import annotations

#: Go's predeclared types -> SQL type.
BUILTIN: dict[str, str] = {
    "string": "text",
    "int": "bigint",
    "int64": "bigint",
    "uint": "bigint",
    "uint64": "bigint",
    "uintptr": "bigint",
    "int32": "integer",
    "uint32": "bigint",
    "rune": "integer",
    "int16": "smallint",
    "uint16": "integer",
    "int8": "smallint",
    "uint8": "smallint",
    "byte": "smallint",
    "bool": "boolean",
    "float32": "real",
    "float64": "double precision",
    "[]byte": "blob",
}
#: Qualified value types (`package.Name`) -> SQL type.
QUALIFIED: dict[str, str] = {
    "time.Time": "timestamp",
    "time.Duration": "bigint",
    "sql.NullString": "text",
    "sql.NullInt64": "bigint",
    "sql.NullInt32": "integer",
    "sql.NullInt16": "smallint",
    "sql.NullByte": "smallint",
    "sql.NullBool": "boolean",
    "sql.NullFloat64": "double precision",
    "sql.NullTime": "timestamp",
    "sql.RawBytes": "blob",
    "json.RawMessage": "json",
    "gorm.DeletedAt": "timestamp",
    "soft_delete.DeletedAt": "bigint",
    "uuid.UUID": "uuid",
    "uuid.NullUUID": "uuid",
    "datatypes.JSON": "json",
    "datatypes.JSONMap": "json",
    "datatypes.JSONSlice": "json",
    "datatypes.JSONType": "json",
    "datatypes.Date": "date",
    "datatypes.Time": "time",
    "datatypes.UUID": "uuid",
    "datatypes.URL": "text",
    "decimal.Decimal": "decimal",
    "decimal.NullDecimal": "decimal",
    "null.String": "text",
    "null.Int": "bigint",
    "null.Int32": "integer",
    "null.Bool": "boolean",
    "null.Float": "double precision",
    "null.Time": "timestamp",
    "null.Bytes": "blob",
    "zero.String": "text",
    "zero.Int": "bigint",
    "zero.Bool": "boolean",
    "zero.Float": "double precision",
    "zero.Time": "timestamp",
    "pq.StringArray": "text[]",
    "pq.Int64Array": "bigint[]",
    "pq.Int32Array": "integer[]",
    "pq.Float64Array": "double precision[]",
    "pq.BoolArray": "boolean[]",
    "pq.ByteaArray": "blob[]",
    "pq.NullTime": "timestamp",
    "mysql.NullTime": "timestamp",
    "pgtype.UUID": "uuid",
    "pgtype.Text": "text",
    "pgtype.Timestamptz": "timestamptz",
    "pgtype.Timestamp": "timestamp",
    "pgtype.Date": "date",
    "pgtype.JSONB": "jsonb",
    "net.IP": "text",
}
#: Types whose `size:` is their length.
SIZED = frozenset({"text"})
#: The columns `gorm.Model` embeds: (field, Go type, primary key).
GORM_MODEL: tuple[tuple[str, str, bool], ...] = (
    ("ID", "uint", True),
    ("CreatedAt", "time.Time", False),
    ("UpdatedAt", "time.Time", False),
    ("DeletedAt", "gorm.DeletedAt", False),
)


def sql_type(
    go: str, size: str | None, given: str | None, precision: str | None, scale: str | None
) -> str | None:
    """The SQL type of a column of Go type `go` (`string`, `time.Time`), with its tag's settings."""
    if given:
        kind = given.strip().lower()
        if kind in ("decimal", "numeric") and precision and precision.isdigit():
            return f"{kind}({precision},{scale if scale and scale.isdigit() else 0})"
        if kind in ("varchar", "char", "string") and size and size.isdigit():
            return f"{kind}({size})"
        return kind
    kind_found = BUILTIN.get(go) or QUALIFIED.get(go)
    if kind_found == "text" and size and size.isdigit():
        return f"varchar({size})"
    if kind_found == "decimal" and precision and precision.isdigit():
        return f"decimal({precision},{scale if scale and scale.isdigit() else 0})"
    return kind_found
