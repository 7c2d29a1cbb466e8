"""Schema evidence from Tortoise ORM models, read with Python's `ast` (never imported).

A model is a class deriving from Tortoise's `Model` (`from tortoise import Model`,
`models.Model`, or a project's base class of it). Abstract models (`class Meta: abstract
= True`), the bases other models of the entry subclass, and mixins (plain classes
holding fields) lend their fields and make no table. A table is named `Meta.table`, else
the class name lower-cased, as Tortoise names it; `Meta.table_description` is its
comment. Each `fields.XField(...)` of the class and its bases is a column named after the
attribute (`source_field=` renames it); `description=` is its comment; `pk=True` or
`primary_key=True` makes the primary key, and a model without one gets Tortoise's
implicit `id` `INT`. `ForeignKeyField("models.Team", ...)` and `OneToOneField` are a
column `<name>_id` (or `source_field=`) with a foreign key to the model's primary key
(`to_field=` another column), typed as that key; a `ManyToManyField` is its through
table (`through=`, else `<table>_<other table>`) of the keys `backward_key=` (else
`<table>_id`) and `forward_key=` (else `<other model>_id`).

Types are those Tortoise's MySQL schema generator writes: `CharField` `VARCHAR(n)`,
`TextField` `LONGTEXT`, `IntField` `INT`, `BigIntField` `BIGINT`, `SmallIntField`
`SMALLINT`, `BooleanField` `BOOL`, `DecimalField` `DECIMAL(m, d)`, `DatetimeField`
`DATETIME(6)`, `DateField` `DATE`, `TimeField` `TIME(6)`, `TimeDeltaField` `BIGINT`,
`FloatField` `DOUBLE`, `JSONField` `JSON`, `UUIDField` `CHAR(36)`, `BinaryField`
`LONGBLOB`, `CharEnumField` `VARCHAR`, `IntEnumField` `SMALLINT`.

What is only known by running the code is a CN001 warning at its line and column: a
field under `if`/`for`/`try` or inside an expression, a `Meta.table` that is not a
literal (the table is read under Tortoise's default name), a relation whose model is not
a literal `"app.Model"` or class name.
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

#: Tortoise field class -> the column type its MySQL schema generator writes.
_TYPES: dict[str, str] = {
    "IntField": "INT",
    "BigIntField": "BIGINT",
    "SmallIntField": "SMALLINT",
    "CharField": "VARCHAR",
    "TextField": "LONGTEXT",
    "BooleanField": "BOOL",
    "DecimalField": "DECIMAL",
    "DatetimeField": "DATETIME(6)",
    "DateField": "DATE",
    "TimeField": "TIME(6)",
    "TimeDeltaField": "BIGINT",
    "FloatField": "DOUBLE",
    "JSONField": "JSON",
    "UUIDField": "CHAR(36)",
    "BinaryField": "LONGBLOB",
    "CharEnumField": "VARCHAR",
    "IntEnumField": "SMALLINT",
}
_RELATIONS = frozenset({"ForeignKeyField", "OneToOneField"})


def read_tortoise(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables the Tortoise ORM models of an entry's files define."""
    return read_model_classes(paths, ctx, "Tortoise ORM model", _Models)


def _is_field(call: ast.Call) -> bool:
    """`fields.CharField(...)`, `CharField(...)`, `fields.ForeignKeyField(...)`."""
    return dotted(call.func).rpartition(".")[2].endswith("Field")


def _kind(call: ast.Call) -> str:
    return dotted(call.func).rpartition(".")[2]


class _Models:
    def __init__(self, hierarchy: Hierarchy) -> None:
        self.h = hierarchy

    def is_model(self, cls: PyClass) -> bool:
        return self.h.derives(cls, frozenset({"Model"}), lambda name: name.endswith("Model"))

    def reads(self, cls: PyClass) -> bool:
        """A model, or a mixin: a plain class a model of the entry derives from."""
        return self.is_model(cls) or id(cls) in self.h.subclassed

    def is_field(self, call: ast.Call) -> bool:
        return _is_field(call)

    def read(self, stmt: ast.stmt) -> ast.AST | None:
        return field_read(_is_field)(stmt)

    def is_table(self, cls: PyClass) -> bool:
        return (
            self.is_model(cls) and cls.meta.get("abstract") is not True and id(cls) not in self.h.subclassed
        )

    def table_name(self, cls: PyClass, problems: list[SourceProblem] | None = None) -> str:
        given = cls.meta.get("table")
        if isinstance(given, str) and given:
            return given
        node = meta_value(cls, "table")
        if problems is not None and node is not None and given != "":
            problems.append(
                unread_name("the table name", node, cls.shown, f"the table is read as `{cls.name.lower()}`")
            )
        return cls.name.lower()

    def _fields(self, cls: PyClass) -> list[tuple[PyClass, ast.Name, ast.Call]]:
        """The field statements of a model and of its bases and mixins, the farthest first."""
        return [
            (owner, *found)
            for owner in [*self.h.ancestors(cls), cls]
            for stmt in owner.node.body
            if (found := assigned_field(stmt, _is_field))
        ]

    def primary_key(self, cls: PyClass) -> tuple[str, str | None]:
        """The column name and type of a model's primary key (Tortoise's `id` when none is declared)."""
        key: tuple[str, str | None] = ("id", "INT")
        for _, target, call in self._fields(cls):
            if _flag(call, "pk") or _flag(call, "primary_key"):
                made = _column(target, call)
                key = (made.name, made.type)
        return key

    def tables(self, cls: PyClass, problems: list[SourceProblem]) -> list[ModelTable]:
        """The table of a concrete model and the through tables of its many-to-many fields."""
        if not self.is_table(cls):
            return []
        line, col = cls.place()
        comment = cls.meta.get("table_description")
        table = ModelTable(self.table_name(cls, problems), cls.shown, line, col,
                           comment=comment if isinstance(comment, str) else None)  # fmt: skip
        joins: list[ModelTable] = []
        for owner, target, call in self._fields(cls):
            kind = _kind(call)
            if kind == "ManyToManyField":
                joins.extend(self._through(cls, table, target, call, owner, problems))
                continue
            column = _column(target, call)
            table.add(column)
            if kind in _RELATIONS:
                table.foreign_keys = [fk for fk in table.foreign_keys if fk.columns != (column.name,)]
                ref = self._reference(cls, owner, call, problems)
                if ref is not None:
                    table.foreign_keys.append(ForeignKey((column.name,), ref[0], (ref[1],)))
        if not any(c.primary_key for c in table.columns):
            table.columns.insert(0, ModelColumn("id", line, col, "INT", primary_key=True))
        return [table, *joins]

    def _model(
        self, cls: PyClass, owner: PyClass, call: ast.Call, problems: list[SourceProblem], what: str
    ) -> tuple[str, PyClass | None] | None:
        """The model a relation names (`"models.Team"`, `Team`), and its class when the entry has it."""
        kwargs = {k.arg: k.value for k in call.keywords if k.arg}
        to = kwargs.get("model_name") or (call.args[0] if call.args else None)
        name = (string_value(to) or dotted(to)).rpartition(".")[2] if to is not None else ""
        if string_value(to) is None and name and self.h.find(name, owner) is None:
            name = ""  # a name that is no model of the entry: a constant, an import
        if not name:
            if owner is cls:
                where = to if to is not None else call
                problems.append(
                    unread_name(
                        f"the model of {what}",
                        where,
                        cls.shown,
                        "no key of it is read"
                        if what == "a foreign key"
                        else "its through table is not read",
                    )
                )
            return None
        return name, self.h.find(name, owner)

    def _reference(
        self, cls: PyClass, owner: PyClass, call: ast.Call, problems: list[SourceProblem]
    ) -> tuple[str, str] | None:
        """The table and column a foreign key points to."""
        found = self._model(cls, owner, call, problems, "a foreign key")
        if found is None:
            return None
        name, target = found
        to_field = string_value(next((k.value for k in call.keywords if k.arg == "to_field"), None))
        if target is None:
            return name.lower(), to_field or "id"
        if to_field:
            to_field = next(
                (_column(t, c).name for _, t, c in self._fields(target) if t.id == to_field), to_field
            )
        return self.table_name(target), to_field or self.primary_key(target)[0]

    def _through(
        self,
        cls: PyClass,
        table: ModelTable,
        target: ast.Name,
        call: ast.Call,
        owner: PyClass,
        problems: list[SourceProblem],
    ) -> list[ModelTable]:
        """Tortoise's through table of a `ManyToManyField`: the keys of both models."""
        found = self._model(cls, owner, call, problems, "a many-to-many field")
        if found is None:
            return []
        name, other = found
        other_table = self.table_name(other) if other is not None else name.lower()
        kwargs = {k.arg: k.value for k in call.keywords if k.arg}
        through = string_value(kwargs.get("through")) or f"{table.name}_{other_table}"
        forward = string_value(kwargs.get("forward_key")) or f"{name.lower()}_id"
        backward = string_value(kwargs.get("backward_key")) or f"{table.name}_id"
        if backward == forward and "backward_key" not in kwargs:
            backward = f"{table.name}_rel_id"
        line, col = target.lineno, target.col_offset + 1
        join = ModelTable(through, cls.shown, line, col, comment=string_value(kwargs.get("description")))
        other_key = self.primary_key(other)[0] if other is not None else "id"
        for column, ref, key in (
            (backward, table.name, self.primary_key(cls)[0]),
            (forward, other_table, other_key),
        ):
            join.add(ModelColumn(column, line, col))
            join.foreign_keys.append(ForeignKey((column,), ref, (key,)))
        return [join]


def _flag(call: ast.Call, name: str) -> bool:
    return any(k.arg == name and literal_value(k.value) is True for k in call.keywords)


def _column(target: ast.Name, call: ast.Call) -> ModelColumn:
    """The column of one field: its name, type, comment and whether it is the primary key."""
    kind = _kind(call)
    kwargs = {k.arg: k.value for k in call.keywords if k.arg}
    name = string_value(kwargs.get("source_field"))
    type_: str | None = None
    if kind in _RELATIONS:
        name = name or f"{target.id}_id"
    else:
        type_ = _type(kind, call, kwargs)
    primary = _flag(call, "pk") or _flag(call, "primary_key")
    comment = string_value(kwargs.get("description"))
    return ModelColumn(name or target.id, target.lineno, target.col_offset + 1, type_, comment, primary)


def _type(kind: str, call: ast.Call, kwargs: dict[str, ast.expr]) -> str | None:
    base = _TYPES.get(kind)
    if kind == "CharField":
        length = literal_value(kwargs["max_length"]) if "max_length" in kwargs else None
        if length is None and call.args:
            length = literal_value(call.args[0])
        return f"VARCHAR({length})" if isinstance(length, int) else base
    if kind == "CharEnumField":
        length = literal_value(kwargs.get("max_length"))
        return f"VARCHAR({length})" if isinstance(length, int) else base
    if kind == "DecimalField":
        given = [kwargs.get("max_digits"), kwargs.get("decimal_places")]
        given = [
            g if g is not None else (call.args[i] if len(call.args) > i else None)
            for i, g in enumerate(given)
        ]
        digits, places = (literal_value(g) for g in given)
        return f"DECIMAL({digits}, {places})" if isinstance(digits, int) and isinstance(places, int) else base
    return base
