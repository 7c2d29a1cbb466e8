"""Schema evidence from Peewee models, read with Python's `ast` (never imported).

A model is a class deriving from peewee's `Model` (usually through a `BaseModel` whose
`class Meta` sets the database). Peewee has no abstract models: a model another model
of the entry subclasses is taken for a base that lends its fields (`BaseModel`), not a
table. A table is named `Meta.table_name` (or the older `db_table`), else the class
name lower-cased, or in snake_case when `legacy_table_names = False` (inherited from a
base's `Meta`, as peewee does; `UserProfile` -> `user_profile`). Each `...Field(...)` of
the class and its model bases is a column (`column_name=`, else the attribute's name);
`help_text=`, else `verbose_name=`, is its comment. `ForeignKeyField(User, ...)` (and
`DeferredForeignKey("User")`) is a column `user_id` (the name itself when it already
ends in `_id`) with a foreign key to the model's primary key, typed as that key; a
`ManyToManyField` is peewee's `<table>_<other>_through` table of two such keys. A model
without a `primary_key=True` field (or an `AutoField`, or `Meta.primary_key`) gets
peewee's implicit `id` AutoField. A field class the entry derives from a peewee field
(`class LongTextField(TextField)`) has its `field_type` when it is a literal, else its
base's type.

Types are those peewee's `MySQLDatabase` creates: `CharField` `VARCHAR(255)` (or its
`max_length`), `FixedCharField` `CHAR`, `TextField` `TEXT`, `IntegerField`/`AutoField`
`INTEGER`, `BigIntegerField`/`BigAutoField` `BIGINT`, `SmallIntegerField` `SMALLINT`,
`BooleanField` `BOOL`, `FloatField` `FLOAT`, `DoubleField` `DOUBLE PRECISION`,
`DecimalField` `NUMERIC(10, 5)` (or its digits), `DateTimeField` `DATETIME`, `DateField`
`DATE`, `TimeField` `TIME`, `TimestampField`/`IPField`/`BitField` `BIGINT`/`INTEGER`,
`UUIDField` `VARCHAR(40)`, `BinaryUUIDField` `VARBINARY(16)`, `BlobField` `BLOB`,
`JSONField` `JSON`.

What is only known by running the code is a CN001 warning at its line and column: a
field under `if`/`for`/`try` or inside an expression, a `table_name` that is not a
literal (the table is read under peewee's default name), a foreign key whose model is
not a name.
"""

from __future__ import annotations

import ast
from pathlib import Path

from cnsnt.evidence import Evidence, ForeignKey, SourceProblem
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import (
    ModelColumn,
    ModelTable,
    assigned_field,
    dotted,
    literal_value,
    string_value,
)
from cnsnt.sources.schemas.python_classes import (
    Hierarchy,
    PyClass,
    field_read,
    meta_value,
    read_model_classes,
    unread_name,
)
from cnsnt.sources.schemas.sqlalchemy_models import snake_case

#: Peewee field class -> the column type its MySQLDatabase creates.
_TYPES: dict[str, str] = {
    "AutoField": "INTEGER",
    "PrimaryKeyField": "INTEGER",
    "IdentityField": "INTEGER",
    "BigAutoField": "BIGINT",
    "IntegerField": "INTEGER",
    "BigIntegerField": "BIGINT",
    "SmallIntegerField": "SMALLINT",
    "BitField": "BIGINT",
    "TimestampField": "INTEGER",
    "IPField": "BIGINT",
    "BooleanField": "BOOL",
    "FloatField": "FLOAT",
    "DoubleField": "DOUBLE PRECISION",
    "DecimalField": "NUMERIC",
    "CharField": "VARCHAR",
    "FixedCharField": "CHAR",
    "TextField": "TEXT",
    "BlobField": "BLOB",
    "BigBitField": "BLOB",
    "UUIDField": "VARCHAR(40)",
    "BinaryUUIDField": "VARBINARY(16)",
    "DateTimeField": "DATETIME",
    "DateField": "DATE",
    "TimeField": "TIME",
    "JSONField": "JSON",
    "BinaryJSONField": "JSONB",
}
#: peewee's names for column types (`field_type = "TEXT"`) as MySQL spells them.
_FIELD_TYPES = {"AUTO": "INTEGER", "BIGAUTO": "BIGINT", "INT": "INTEGER", "DOUBLE": "DOUBLE PRECISION",
                "DECIMAL": "NUMERIC", "UUID": "VARCHAR(40)", "UUIDB": "VARBINARY(16)"}  # fmt: skip
_AUTO = frozenset({"AutoField", "BigAutoField", "PrimaryKeyField", "IdentityField"})
_RELATIONS = frozenset({"ForeignKeyField", "DeferredForeignKey"})
#: Meta options a model takes from its bases' `class Meta` (peewee's `inheritable`).
_INHERITED = ("legacy_table_names", "primary_key", "schema")


def read_peewee(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables the Peewee models of an entry's files define."""
    return read_model_classes(paths, ctx, "Peewee model", _Models)


class _Models:
    def __init__(self, hierarchy: Hierarchy) -> None:
        self.h = hierarchy
        self._kinds: dict[str, str | None] = {}

    def is_model(self, cls: PyClass) -> bool:
        return self.h.derives(cls, frozenset({"Model"}), lambda name: name.endswith("Model"))

    def reads(self, cls: PyClass) -> bool:
        return self.is_model(cls)

    def read(self, stmt: ast.stmt) -> ast.AST | None:
        return field_read(self.is_field)(stmt)

    def is_table(self, cls: PyClass) -> bool:
        return self.is_model(cls) and id(cls) not in self.h.subclassed

    def field_kind(self, name: str) -> str | None:
        """The peewee field class a field class name stands for (a project's subclass: its base's)."""
        if name not in self.h.by_name and (name in _TYPES or name in _RELATIONS or name == "ManyToManyField"):
            return name
        if name not in self._kinds:
            self._kinds[name] = None
            found = self.h.by_name.get(name, [])
            for base in found[0].bases if found else ():
                kind = self.field_kind(base.rpartition(".")[2])
                if kind is not None:
                    self._kinds[name] = kind
                    break
        return self._kinds[name]

    def is_field(self, call: ast.Call) -> bool:
        name = dotted(call.func).rpartition(".")[2]
        return name.endswith("Field") or self.field_kind(name) is not None

    def meta(self, cls: PyClass, key: str) -> object:
        """A Meta option, the class's own or (for peewee's inheritable ones) its nearest base's."""
        if key in cls.meta:
            return cls.meta[key]
        if key in _INHERITED:
            for parent in reversed(self.h.ancestors(cls)):
                if key in parent.meta:
                    return parent.meta[key]
        return None

    def meta_node(self, cls: PyClass, key: str) -> ast.expr | None:
        """The expression of a Meta option, the class's own or its nearest base's."""
        for owner in [cls, *reversed(self.h.ancestors(cls))]:
            node = meta_value(owner, key)
            if node is not None:
                return node
        return None

    def has_meta(self, cls: PyClass, key: str) -> bool:
        return key in cls.meta or any(key in p.meta for p in self.h.ancestors(cls))

    def table_name(self, cls: PyClass, problems: list[SourceProblem] | None = None) -> str:
        for key in ("table_name", "db_table"):
            given = cls.meta.get(key)
            if isinstance(given, str) and given:
                return given
        legacy = self.meta(cls, "legacy_table_names") is not False
        default = cls.name.lower() if legacy else snake_case(cls.name)
        node = meta_value(cls, "table_name") or meta_value(cls, "db_table")
        if problems is not None and node is not None:
            problems.append(
                unread_name("the table name", node, cls.shown, f"the table is read as `{default}`")
            )
        return default

    def _fields(self, cls: PyClass) -> list[tuple[PyClass, ast.Name, ast.Call]]:
        """The field statements of a model and of its model bases, the farthest base first."""
        owners = [p for p in self.h.ancestors(cls) if self.is_model(p)] + [cls]
        return [
            (owner, *found)
            for owner in owners
            for stmt in owner.node.body
            if (found := assigned_field(stmt, self.is_field))
        ]

    def primary_key(self, cls: PyClass) -> tuple[str, str | None] | None:
        """The column name and type of a model's primary key (None for a composite key)."""
        key: tuple[str, str | None] | None = ("id", "INTEGER")
        if self.has_meta(cls, "primary_key"):
            key = None
        for _, target, call in self._fields(cls):
            kind = self.field_kind(dotted(call.func).rpartition(".")[2])
            if _keyword(call, "primary_key") is True or kind in _AUTO:
                made = self._column(target, call, kind)
                key = (made.name, made.type)
        return key

    def tables(self, cls: PyClass, problems: list[SourceProblem]) -> list[ModelTable]:
        """The table of a concrete model and the through tables of its many-to-many fields."""
        if not self.is_table(cls):
            return []
        line, col = cls.place()
        schema = self.meta(cls, "schema")
        table = ModelTable(
            self.table_name(cls, problems),
            cls.shown,
            line,
            col,
            schema=schema if isinstance(schema, str) else None,
        )
        joins: list[ModelTable] = []
        by_field: dict[str, str] = {}
        for owner, target, call in self._fields(cls):
            kind = self.field_kind(dotted(call.func).rpartition(".")[2])
            if kind == "ManyToManyField":
                joins.extend(self._through(cls, table, target, call, owner, problems))
                continue
            column = self._column(target, call, kind)
            table.add(column)
            by_field[target.id] = column.name
            if kind in _RELATIONS:
                table.foreign_keys = [fk for fk in table.foreign_keys if fk.columns != (column.name,)]
                ref = self._reference(cls, owner, call, problems)
                if ref is not None:
                    table.foreign_keys.append(ForeignKey((column.name,), ref[0], (ref[1],)))
        composite = self.meta_node(cls, "primary_key")
        if isinstance(composite, ast.Call) and dotted(composite.func).rpartition(".")[2] == "CompositeKey":
            names = {by_field.get(n, n) for a in composite.args if (n := string_value(a))}
            for column in table.columns:
                column.primary_key = column.primary_key or column.name in names
        key = self.primary_key(cls)
        if key is not None and not any(c.primary_key for c in table.columns):
            table.columns.insert(0, ModelColumn(key[0], line, col, key[1], primary_key=True))
        return [table, *joins]

    def _column(self, target: ast.Name, call: ast.Call, kind: str | None) -> ModelColumn:
        kwargs = {k.arg: k.value for k in call.keywords if k.arg}
        name = string_value(kwargs.get("column_name")) or string_value(kwargs.get("db_column"))
        if name is None and kind in _RELATIONS:
            name = target.id if target.id.endswith("_id") else f"{target.id}_id"
        comment = string_value(kwargs.get("help_text")) or string_value(kwargs.get("verbose_name"))
        primary = literal_value(kwargs.get("primary_key")) is True or kind in _AUTO
        type_ = None if kind in _RELATIONS else self._type(kind, dotted(call.func).rpartition(".")[2], call)
        return ModelColumn(name or target.id, target.lineno, target.col_offset + 1, type_, comment, primary)

    def _type(self, kind: str | None, name: str, call: ast.Call) -> str | None:
        for own in self.h.by_name.get(name, [])[:1]:  # a project's field class: its literal `field_type`
            for owner in [own, *reversed(self.h.ancestors(own))]:
                given = next(
                    (string_value(s.value) for s in owner.node.body
                     if isinstance(s, ast.Assign) and [dotted(t) for t in s.targets] == ["field_type"]),
                    None,
                )  # fmt: skip
                if given:
                    return _FIELD_TYPES.get(given.upper(), given.upper())
        base = _TYPES.get(kind or "")
        if base in ("VARCHAR", "CHAR"):
            length = _argument(call, 0, "max_length")
            return f"{base}({length if isinstance(length, int) else 255})"
        if base == "NUMERIC":
            digits, places = _argument(call, 0, "max_digits"), _argument(call, 1, "decimal_places")
            digits = digits if isinstance(digits, int) else 10
            return f"NUMERIC({digits}, {places if isinstance(places, int) else 5})"
        return base

    def _reference(
        self, cls: PyClass, owner: PyClass, call: ast.Call, problems: list[SourceProblem]
    ) -> tuple[str, str] | None:
        """The table and column a foreign key points to."""
        to = _target(call)
        name = (string_value(to) or dotted(to)).rpartition(".")[2] if to is not None else ""
        if not name:
            if owner is cls:
                where = to if to is not None else call
                problems.append(
                    unread_name("the model of a foreign key", where, cls.shown, "no foreign key is read")
                )
            return None
        target = cls if name == "self" else self.h.find(name, owner)
        if target is None:
            return name.lower(), "id"
        kwargs = {k.arg: k.value for k in call.keywords if k.arg}
        field = kwargs.get("field") or kwargs.get("to_field")
        column = self._field_column(target, field) if field is not None else None
        key = self.primary_key(target)
        return self.table_name(target), column or (key[0] if key else "id")

    def _field_column(self, target: PyClass, field: ast.expr) -> str | None:
        """The column of `field=User.username` (or `field="username"`) on the target model."""
        attr = string_value(field) or dotted(field).rpartition(".")[2]
        for _, name, call in self._fields(target):
            if name.id == attr:
                return self._column(name, call, self.field_kind(dotted(call.func).rpartition(".")[2])).name
        return attr or None

    def _through(
        self,
        cls: PyClass,
        table: ModelTable,
        target: ast.Name,
        call: ast.Call,
        owner: PyClass,
        problems: list[SourceProblem],
    ) -> list[ModelTable]:
        """Peewee's `<table>_<other>_through` table of a `ManyToManyField` without `through_model=`."""
        if any(k.arg == "through_model" for k in call.keywords):
            return []  # the through model is a model of its own
        to = _target(call)
        name = (string_value(to) or dotted(to)).rpartition(".")[2] if to is not None else ""
        other = cls if name == "self" else self.h.find(name, owner) if name else None
        if other is None:
            if to is not None:
                problems.append(
                    unread_name(
                        "the model of a many-to-many field", to, cls.shown, "its through table is not read"
                    )
                )
            return []
        line, col = target.lineno, target.col_offset + 1
        join = ModelTable(f"{table.name}_{self.table_name(other)}_through", cls.shown, line, col)
        for model, ref in ((cls, table.name), (other, self.table_name(other))):
            key = self.primary_key(model) or ("id", None)
            column = f"{model.name.lower()}_id"
            join.add(ModelColumn(column, line, col))
            join.foreign_keys.append(ForeignKey((column,), ref, (key[0],)))
        join.columns.insert(0, ModelColumn("id", line, col, "INTEGER", primary_key=True))
        return [join]


def _target(call: ast.Call) -> ast.expr | None:
    """The model a relation field names: first argument, `model=` (or the older `rel_model=`)."""
    kwargs = {k.arg: k.value for k in call.keywords if k.arg}
    return kwargs.get("model") or kwargs.get("rel_model") or (call.args[0] if call.args else None)


def _keyword(call: ast.Call, name: str) -> object:
    return next((literal_value(k.value) for k in call.keywords if k.arg == name), None)


def _argument(call: ast.Call, index: int, name: str) -> object:
    """A literal argument given by position or by keyword."""
    if name in {k.arg for k in call.keywords}:
        return _keyword(call, name)
    return literal_value(call.args[index]) if len(call.args) > index else None
