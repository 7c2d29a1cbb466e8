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

An app may change its tables after peewee creates them from the models, with
`playhouse.migrate` (`migrate(migrator.add_column("user", "phone", CharField(null=True)))`,
also through a function of the file that passes its arguments on, as ragflow's
`alter_db_add_column(migrator, "user", "phone", CharField(...))`). In a file that imports
`playhouse.migrate`, these calls are applied to the model tables in the order they are
written (the file's own functions' calls where they are called): `add_column` (a column
the model already has stays the model's; a table no model makes gets one of its own, with
a warning), `drop_column`, `rename_column` and `rename_table` (when the new name is not
already there), `alter_column_type`; `add_not_null`, indexes and constraints change no
column cnsnt reports.

What is only known by running the code is a CN001 warning at its line and column: a
field under `if`/`for`/`try` or inside an expression, a `table_name` that is not a
literal (the table is read under peewee's default name), a foreign key whose model is
not a name, a `migrator` call whose table or column is not a literal (or a field cnsnt
cannot read: the column without its type), and one that drops, renames or changes a
column under an `if` or a loop, also at a call of a function passing its arguments on, or
in a function the file never calls that takes no arguments (`def down():`) or is a rollback
migration tools run only to undo (`def downgrade(migrator):`, `def rollback(migrator, db):`;
not applied).
"""

from __future__ import annotations

import ast
from pathlib import Path

from cnsnt.evidence import Evidence, ForeignKey, SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import (
    ModelColumn,
    ModelTable,
    assigned_field,
    dotted,
    literal_value,
    model_failed,
    string_value,
)
from cnsnt.sources.schemas.python_classes import (
    Hierarchy,
    PyClass,
    RuntimeChanges,
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
    """The tables the Peewee models of an entry's files define, as `playhouse.migrate` calls change them."""
    return read_model_classes(paths, ctx, "Peewee model", _Models, _migrations)


def _migrations(reader: object) -> RuntimeChanges:
    assert isinstance(reader, _Models)
    return lambda modules, tables, problems: _Migrator(reader, tables, problems).run(modules)


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
        orm = None if kind in _RELATIONS else dotted(call.func).rpartition(".")[2] or None
        return ModelColumn(
            name or target.id, target.lineno, target.col_offset + 1, type_, comment, primary, orm_type=orm
        )

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


#: `playhouse.migrate` operations -> the names of their first arguments (`migrator.add_column(table,
#: column_name, field)`); the rest change no column cnsnt reports (indexes, NOT NULL, defaults).
_OPERATIONS: dict[str, tuple[str, ...]] = {
    "add_column": ("table", "column_name", "field"),
    "drop_column": ("table", "column_name"),
    "rename_column": ("table", "old_name", "new_name"),
    "rename_table": ("old_name", "new_name"),
    "alter_column_type": ("table", "column", "field"),
}
_QUIET = frozenset(
    {"add_not_null", "drop_not_null", "add_column_default", "drop_column_default", "add_index",
     "add_unique", "drop_index", "add_constraint", "drop_constraint", "drop_foreign_key_constraint",
     "add_foreign_key_constraint"}
)  # fmt: skip
#: Statements under which an operation may or may not run.
_CONDITIONS = (ast.If, ast.For, ast.AsyncFor, ast.While, ast.Match, ast.IfExp)
#: How many calls of a file's own functions are followed into each other.
_MAX_DEPTH = 8

#: Functions of a migration file that migration tools run only to undo it, never to migrate:
#: peewee_migrate's `Router.run_one` calls a file's `rollback(migrator, database)` only with
#: `downgrade=True`, from `Router.rollback` (`migrate(migrator, database)` on `run`;
#: github.com/klen/peewee_migrate, peewee_migrate/router.py), and peewee-moves'
#: `DatabaseManager.downgrade()` calls `downgrade(migrator)`, `upgrade()` calls `upgrade(migrator)`
#: (github.com/timster/peewee-moves, docs/usage.rst "Database Downgrade"). Peewee itself has no
#: runner: `playhouse.migrate.migrate(...)` runs its operations where it is called.
_ROLLBACKS = frozenset({"rollback", "downgrade"})

Arg = tuple[object, ast.AST]  # a value read (str, an `ast.Call` of a field, None) and where it is written


class _Migrator:
    """The `playhouse.migrate` calls of an entry's files applied to its model tables.

    Each operation is applied once where it is written, in the file's order, unless a
    table or column of it is a parameter of the function it is in: then at each call of
    that function in the file, its arguments bound.
    """

    def __init__(self, models: _Models, tables: list[ModelTable], problems: list[SourceProblem]) -> None:
        self.models = models
        self.tables = tables
        self.problems = problems
        self.shown = ""
        self.functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = {}
        self.parents: dict[int, ast.AST] = {}
        self.called: set[str] = set()
        self.site: ast.Call | None = None
        """The call of the file being read (a function's, when it passes its arguments on)."""
        self.through: list[ast.Call] = []
        """The calls of the file's functions followed to the operation being applied, outermost first."""
        self.said: set[tuple[int, int, str]] = set()

    def run(self, modules: list[tuple[str, ast.Module]]) -> None:
        """Apply the operations of each file that imports `playhouse.migrate`."""
        for shown, tree in modules:
            if not _imports_migrate(tree):
                continue
            self.shown = shown
            self.functions = {
                n.name: n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
            }
            self.parents = {id(c): n for n in ast.walk(tree) for c in ast.iter_child_nodes(n)}
            calls = sorted(
                (n for n in ast.walk(tree) if isinstance(n, ast.Call)), key=lambda c: (c.lineno, c.col_offset)
            )
            self.called = {c.func.id for c in calls if isinstance(c.func, ast.Name)}
            for call in calls:
                self.site = call
                try:
                    self.call(call, {}, 0)
                except RecursionError:
                    self.unread(call, "its expressions are nested too deep to read")
                except Exception as exc:  # noqa: BLE001 - one file's bug must not lose the others
                    self.problems.append(
                        model_failed(exc, shown, call.lineno, call.col_offset + 1, "this `migrator` call")
                    )

    def call(self, call: ast.Call, bound: dict[str, Arg], depth: int) -> None:
        """An operation, or a call of a function of the file that passes its arguments on to some.

        `bound`: the parameters of the function the call is in, when it is followed from a
        call of it; a call that uses none of them was applied where it is written.
        """
        func = call.func
        operation = func.attr if isinstance(func, ast.Attribute) and func.attr in _OPERATIONS else None
        helper = func.id if isinstance(func, ast.Name) and func.id in self.functions else None
        if operation is None and helper is None:
            return
        function = self.function_of(call)
        params = _parameters(function) if function is not None else set()
        passed = any(isinstance(n, ast.Name) and n.id in params for a in _args(call) for n in ast.walk(a))
        # a function the file never calls (the app may): a helper it calls is followed from here,
        # what it passes of its own arguments unknown
        never_called = passed and not bound and function is not None and function.name not in self.called
        if passed != bool(bound) and not (never_called and helper is not None):
            if never_called and operation is not None:
                self.unread(call, "its table or column is an argument of a function the file never calls")
            return  # applied at each call of its function, or (not passed) where it is written
        if operation is not None:
            self.apply(call, operation, bound)
        elif helper is not None and depth < _MAX_DEPTH:
            target = self.functions[helper]
            binding = self.bind(target, call, bound)
            if not binding:
                return
            inner = [c for c in ast.walk(target) if isinstance(c, ast.Call) and self.function_of(c) is target]
            self.through.append(call)
            try:
                for each in sorted(inner, key=lambda c: (c.lineno, c.col_offset)):
                    self.call(each, binding, depth + 1)
            finally:
                self.through.pop()

    def bind(self, function: ast.FunctionDef | ast.AsyncFunctionDef, call: ast.Call,
             bound: dict[str, Arg]) -> dict[str, Arg]:  # fmt: skip
        """A function's parameters bound to what a call of it passes (read in the caller's scope)."""
        names = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
        binding: dict[str, Arg] = {}
        for name, arg in zip(names, call.args, strict=False):
            if isinstance(arg, ast.Starred):
                break
            binding[name] = self.value(arg, bound)
        for keyword in call.keywords:
            if keyword.arg is not None:
                binding[keyword.arg] = self.value(keyword.value, bound)
        return binding

    def function_of(self, node: ast.AST) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
        """The function of the file a node is written in; None at module level."""
        current = self.parents.get(id(node))
        while current is not None:
            if isinstance(current, ast.FunctionDef | ast.AsyncFunctionDef):
                return current
            current = self.parents.get(id(current))
        return None

    def value(self, node: ast.expr, bound: dict[str, Arg]) -> Arg:
        """What an argument is: a string, a field's call (`CharField(...)`, `User.email`), else None."""
        if isinstance(node, ast.Constant):
            return (node.value if isinstance(node.value, str) else None), node
        if isinstance(node, ast.Name):
            if node.id in bound:
                return bound[node.id]
            assigned = self.assigned(node)
            return self.value(assigned, bound) if assigned is not None else (None, node)
        if isinstance(node, ast.Call) and self.models.is_field(node):
            return node, node
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):  # `User.email`
            for cls in self.models.h.by_name.get(node.value.id, [])[:1]:
                for _, target, call in self.models._fields(cls):
                    if target.id == node.attr:
                        return call, node
        return None, node

    def assigned(self, name: ast.Name) -> ast.expr | None:
        """The value last set to a variable before its use, in the same function (or module)."""
        scope = self.function_of(name)
        found: ast.expr | None = None
        for node in ast.walk(scope if scope is not None else self.root(name)):
            if (
                isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name) and node.targets[0].id == name.id
                and self.function_of(node) is scope and node.lineno < name.lineno
                and (found is None or node.lineno > getattr(found, "lineno", 0))
            ):  # fmt: skip
                found = node.value
        return found

    def root(self, node: ast.AST) -> ast.AST:
        while id(node) in self.parents:
            node = self.parents[id(node)]
        return node

    # -- the operations

    def apply(self, call: ast.Call, operation: str, bound: dict[str, Arg]) -> None:
        """One operation, its arguments read (`bound`: the parameters of the function it is in)."""
        names = _OPERATIONS[operation]
        given = {k.arg: k.value for k in call.keywords if k.arg}
        nodes = [call.args[i] if i < len(call.args) else given.get(n) for i, n in enumerate(names)]
        args: dict[str, Arg] = {}
        for name, node in zip(names, nodes, strict=True):
            if node is None:
                return  # not a `playhouse.migrate` call: those take these arguments
            args[name] = self.value(node, bound)
        texts = {k: v[0] for k, v in args.items() if k != "field"}
        if not all(isinstance(t, str) and t for t in texts.values()):
            self.unread(call, "its table or column is not a literal cnsnt can read")
            return
        if operation != "add_column" and any(self.conditional(c) for c in (call, *self.through)):
            self.unread(call, "it drops, renames or changes a column under a condition or in a loop")
            return
        unrun = self.unrun(self.site if self.site is not None else call)
        if operation != "add_column" and unrun is not None:
            if unrun in _ROLLBACKS:
                where = (
                    "a function this file never calls and migration tools run only to undo a migration "
                    "(peewee_migrate's `rollback`, peewee-moves' `downgrade`)"
                )
            else:
                where = (
                    "a function without arguments this file never calls (a rollback such as "
                    "`def down():`, or a migration another file may run)"
                )
            self.unread(call, f"it drops, renames or changes a column in `{unrun}()`, {where}")
            return
        if operation == "rename_table":
            old, new = str(texts["old_name"]), str(texts["new_name"])
            table = self.find(old)
            if table is not None and self.find(new) is None:
                _rename_table(self.tables, table, new)
            return
        table = self.find(str(texts["table"]))
        if operation == "add_column":
            self.add(table, str(texts["table"]), args["column_name"], args["field"], call)
            return
        if table is None:
            return  # no model makes it: nothing of it to drop, rename or change
        if operation == "drop_column":
            gone = str(texts["column_name"]).casefold()
            table.columns = [c for c in table.columns if c.name.casefold() != gone]
            table.foreign_keys = [
                fk for fk in table.foreign_keys if gone not in (c.casefold() for c in fk.columns)
            ]
        elif operation == "rename_column":
            old, new = str(texts["old_name"]), str(texts["new_name"])
            column = _column_named(table, old)
            if column is not None and _column_named(table, new) is None:
                at = args["new_name"][1]
                column.name, column.path = new, self.shown
                column.line, column.column = _place(at)
                table.foreign_keys = [
                    ForeignKey(tuple(new if c.casefold() == old.casefold() else c for c in fk.columns),
                               fk.ref_table, fk.ref_columns, fk.ref_schema)
                    for fk in table.foreign_keys
                ]  # fmt: skip
        elif operation == "alter_column_type":
            column = _column_named(table, str(texts["column"]))
            field = args["field"][0]
            if column is not None and isinstance(field, ast.Call):
                column.type = self.type_of(field)

    def add(self, table: ModelTable | None, name: str, column: Arg, field: Arg, call: ast.Call) -> None:
        """`add_column`: a column the model already has stays the model's."""
        line, col = _place(column[1])
        if table is None:
            self.warn(
                call,
                f"`migrator.add_column`: no model of the entry makes table '{name}'; its new columns are "
                "recorded as a table of their own",
            )
            table = ModelTable(name, self.shown, line, col)
            self.tables.append(table)
        if _column_named(table, str(column[0])) is not None:
            return
        made = ModelColumn(str(column[0]), line, col, path=self.shown)
        if isinstance(field[0], ast.Call):
            made.type = self.type_of(field[0])
            kwargs = {k.arg: k.value for k in field[0].keywords if k.arg}
            made.comment = string_value(kwargs.get("help_text")) or string_value(kwargs.get("verbose_name"))
            ref = self.reference(field[0])
            if ref is not None:
                table.foreign_keys.append(ForeignKey((made.name,), *ref))
        else:
            self.warn(
                field[1],
                f"`migrator.add_column`: the field of column '{made.name}' is not one cnsnt can read; the "
                "column is read without its type",
            )
        table.add(made)

    def reference(self, field: ast.Call) -> tuple[str, tuple[str]] | None:
        """The table and key a `ForeignKeyField(User)` added by `add_column` points to; None: no relation."""
        if self.models.field_kind(dotted(field.func).rpartition(".")[2]) not in _RELATIONS:
            return None
        to = _target(field)
        name = (string_value(to) or dotted(to)).rpartition(".")[2] if to is not None else ""
        found = self.models.h.by_name.get(name, [])[:1]
        if not found:
            return (name.lower(), ("id",)) if name else None
        key = self.models.primary_key(found[0])
        return self.models.table_name(found[0]), (key[0] if key else "id",)

    def type_of(self, field: ast.Call) -> str | None:
        kind = self.models.field_kind(dotted(field.func).rpartition(".")[2])
        return (
            None
            if kind in _RELATIONS
            else self.models._type(kind, dotted(field.func).rpartition(".")[2], field)
        )

    def find(self, name: str) -> ModelTable | None:
        return next((t for t in self.tables if t.name.casefold() == name.casefold()), None)

    def conditional(self, node: ast.AST) -> bool:
        """Whether a call is under an `if` or in a loop of its function (or module)."""
        current = self.parents.get(id(node))
        while current is not None and not isinstance(current, ast.FunctionDef | ast.AsyncFunctionDef):
            if isinstance(current, _CONDITIONS):
                return True
            current = self.parents.get(id(current))
        return False

    def unrun(self, node: ast.AST) -> str | None:
        """The function a call is in when the file never calls it and it takes no arguments or is a rollback.

        A function without arguments may be a migration an app's runner calls from another
        file (wizarr's `run()`), or a rollback nobody runs (`def down():` beside the `up()`
        the file's `__main__` calls): public code has both, so what it drops may stay. One
        that takes the migrator is run by a migration tool, and a tool runs `rollback` and
        `downgrade` only to undo the migration (`_ROLLBACKS`).
        """
        function = self.function_of(node)
        if function is None or function.name in self.called:
            return None
        if _parameters(function) and function.name not in _ROLLBACKS:
            return None  # a migration a tool runs (`migrate(migrator, database)`, `upgrade(migrator)`)
        return function.name

    def unread(self, call: ast.Call, why: str) -> None:
        """An operation not applied: a warning where it is written, or at the call that passed it on."""
        func = call.func
        what = f"`{dotted(func) or func.attr if isinstance(func, ast.Attribute) else 'migrator'}(...)`"
        site = self.site if self.site is not None else call
        if site is not call:
            what = f"`{dotted(site.func) or 'a function'}(...)`, which runs {what}"
        self.warn(
            site, f"{what}: {why}; not applied, so a column it adds, drops or renames may be missing or kept"
        )

    def warn(self, node: ast.AST, message: str) -> None:
        key = (*_place(node), message)
        if key in self.said:
            return  # a function followed from one call may run the same operation twice
        self.said.add(key)
        self.problems.append(
            SourceProblem(message, Location(self.shown, *_place(node)), self.shown, severity=Severity.WARNING)
        )


def _place(node: ast.AST) -> tuple[int, int]:
    """Line and 1-based column of a node."""
    return getattr(node, "lineno", 1), getattr(node, "col_offset", 0) + 1


def _imports_migrate(tree: ast.Module) -> bool:
    """Whether a file imports `playhouse.migrate` (anywhere: inside a function too)."""
    return any(
        (isinstance(n, ast.ImportFrom) and (n.module or "").startswith("playhouse.migrate"))
        or (isinstance(n, ast.Import) and any(a.name.startswith("playhouse.migrate") for a in n.names))
        for n in ast.walk(tree)
    )


def _parameters(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    a = function.args
    return {p.arg for p in (*a.posonlyargs, *a.args, *a.kwonlyargs)}


def _args(call: ast.Call) -> list[ast.expr]:
    return [*call.args, *(k.value for k in call.keywords)]


def _column_named(table: ModelTable, name: str) -> ModelColumn | None:
    return next((c for c in table.columns if c.name.casefold() == name.casefold()), None)


def _rename_table(tables: list[ModelTable], table: ModelTable, new: str) -> None:
    """Rename a table; foreign keys to it follow."""
    old = table.name
    for other in tables:
        other.foreign_keys = [
            ForeignKey(fk.columns, new, fk.ref_columns, fk.ref_schema)
            if fk.ref_table.casefold() == old.casefold()
            else fk
            for fk in other.foreign_keys
        ]
    table.name = new
