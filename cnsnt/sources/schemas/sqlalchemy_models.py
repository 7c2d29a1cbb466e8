"""Schema evidence from SQLAlchemy models, read with Python's `ast` (never imported).

Declarative classes with a `__tablename__` are tables; their columns are the attributes
set to `Column(...)` or `mapped_column(...)`, and the `Mapped[...]` annotations without a
value (SQLAlchemy 2.0). A column's name is the string given first to `Column`/
`mapped_column` (or `name=`), else the attribute's; its type is the SQLAlchemy type given
(`String(255)` is `VARCHAR(255)`), else the one `Mapped[...]` implies (`Mapped[date]`
is `DATE`); `ForeignKey("table.column")` is a foreign key (and lends the referenced
column's type when none is given); `comment=`, else `doc=`, is the comment.
`__table_args__` gives the schema and the table comment. A direct `db.Model` subclass
without `__tablename__` gets Flask-SQLAlchemy's name for it (`PluginStore` is
`plugin_store`). Columns of mixins and
`__abstract__` bases are inherited; a mapped subclass without its own `__tablename__`
adds its columns to its parent's table (single-table inheritance). Module-level
`Table("name", metadata, Column("c", ...), ...)` tables are read as well.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from cnsnt.evidence import Evidence, ForeignKey, SourceProblem
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import (
    ModelColumn,
    ModelTable,
    enum_type,
    fields_left_out,
    lend_reference_types,
    literal_value,
    model_evidence,
    model_failed,
    nested_too_deep,
    nothing_found,
    python_files,
)

#: SQLAlchemy generic types -> the SQL type they stand for (PostgreSQL's names).
_TYPES: dict[str, str] = {
    "String": "VARCHAR",
    "Unicode": "VARCHAR",
    "Text": "TEXT",
    "UnicodeText": "TEXT",
    "Integer": "INTEGER",
    "BigInteger": "BIGINT",
    "SmallInteger": "SMALLINT",
    "Boolean": "BOOLEAN",
    "Date": "DATE",
    "DateTime": "TIMESTAMP",
    "Time": "TIME",
    "Interval": "INTERVAL",
    "Numeric": "NUMERIC",
    "Float": "FLOAT",
    "Double": "DOUBLE PRECISION",
    "LargeBinary": "BYTEA",
    "JSON": "JSON",
    "Uuid": "UUID",
    "Enum": "VARCHAR",
}
#: Python types in `Mapped[...]` -> the SQL type SQLAlchemy's default type map gives them.
_ANNOTATIONS: dict[str, str] = {
    "str": "VARCHAR",
    "int": "INTEGER",
    "float": "FLOAT",
    "bool": "BOOLEAN",
    "bytes": "BYTEA",
    "datetime": "TIMESTAMP",
    "date": "DATE",
    "time": "TIME",
    "timedelta": "INTERVAL",
    "Decimal": "NUMERIC",
    "UUID": "UUID",
    "dict": "JSON",
}
_COLUMN_CALLS = frozenset({"Column", "mapped_column"})


@dataclass
class _Class:
    node: ast.ClassDef
    shown: str
    tablename: str | None
    abstract: bool


def read_sqlalchemy(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables the SQLAlchemy models and `Table(...)`s of an entry's files define."""
    problems: list[SourceProblem] = []
    classes: list[_Class] = []
    tables: list[ModelTable] = []
    per_file: dict[str, int] = {}
    files = 0
    for _, shown, tree in python_files(paths, ctx, problems):
        files += 1
        per_file[shown] = 0
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                classes.append(
                    _Class(node, shown, _string(_class_attr(node, "__tablename__")),
                           _class_attr(node, "__abstract__") is not None
                           and literal_value(_class_attr(node, "__abstract__")) is True)
                )
            else:
                for call in _table_calls(node):
                    args = [ast.Expr(arg) for arg in call.args[1:]]
                    problems.extend(fields_left_out(args, _is_column, _expr_column, shown))
                    table = _table(call, shown)
                    if table is not None:
                        tables.append(table)
                        per_file[shown] += 1
    reader = _Declarative(classes)
    for cls in classes:
        try:
            table = reader.table(cls)
        except RecursionError:
            problems.append(nested_too_deep(cls.node, cls.shown, f"model {cls.node.name} was not read"))
            per_file[cls.shown] += 1  # the file holds a model: no "no model found" beside it
            continue
        except Exception as exc:  # noqa: BLE001 - one model's bug must not lose the others
            problems.append(model_failed(exc, cls.shown, cls.node.lineno, cls.node.col_offset + 1,
                                         f"model {cls.node.name}"))
            continue
        if table is not None:
            tables.append(table)
            per_file[cls.shown] += 1
        problems.extend(fields_left_out(cls.node.body, _is_column, _column_read, cls.shown))
    _class_references(tables, {c.node.name: c.tablename for c in classes if c.tablename})
    lend_reference_types(tables)
    problems.extend(nothing_found(s, "SQLAlchemy model or Table") for s, n in per_file.items() if n == 0)
    return model_evidence(tables, problems, files)


class _Declarative:
    def __init__(self, classes: list[_Class]) -> None:
        self.by_name = {c.node.name: c for c in classes}
        for cls in classes:
            # Flask-SQLAlchemy names the table of a direct `db.Model` subclass itself
            if cls.tablename is None and not cls.abstract and any(
                _dotted(b) == "db.Model" for b in cls.node.bases
            ):
                cls.tablename = snake_case(cls.node.name)

    def mapped_parent(self, cls: _Class, seen: frozenset[str] = frozenset()) -> _Class | None:
        """The nearest base class that has a table of its own."""
        for base in cls.node.bases:
            parent = self.by_name.get(_dotted(base).rpartition(".")[2])
            if parent is None or parent.node.name in seen:
                continue
            if parent.tablename and not parent.abstract:
                return parent
            found = self.mapped_parent(parent, seen | {cls.node.name})
            if found is not None:
                return found
        return None

    def table(self, cls: _Class) -> ModelTable | None:
        if not cls.tablename or cls.abstract:
            return None
        node = cls.node
        schema, comment = _table_args(_class_attr(node, "__table_args__"))
        table = ModelTable(cls.tablename, cls.shown, node.lineno, node.col_offset + 1,
                           schema=schema, comment=comment)
        self._inherited(cls, table, frozenset())
        _columns(node.body, table)
        for sub in self.by_name.values():  # single-table inheritance: columns of subclasses
            if not sub.tablename and self.mapped_parent(sub) is cls:
                _columns(sub.node.body, table)
        return table

    def _inherited(self, cls: _Class, table: ModelTable, seen: frozenset[str]) -> None:
        """Columns of mixins and abstract bases, the farthest base first."""
        for base in reversed(cls.node.bases):
            parent = self.by_name.get(_dotted(base).rpartition(".")[2])
            if parent is None or parent.node.name in seen or (parent.tablename and not parent.abstract):
                continue
            self._inherited(parent, table, seen | {cls.node.name})
            _columns(parent.node.body, table)


def snake_case(name: str) -> str:
    """A class name as Flask-SQLAlchemy turns it into a table name: `PluginStore` -> `plugin_store`."""
    return re.sub(r"((?<=[a-z0-9])[A-Z]|(?!^)[A-Z](?=[a-z]))", r"_\1", name).lower().lstrip("_")


def _columns(body: list[ast.stmt], table: ModelTable) -> None:
    for stmt in body:
        target: ast.expr | None = None
        value: ast.expr | None = None
        annotation: ast.expr | None = None
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target, value = stmt.targets[0], stmt.value
        elif isinstance(stmt, ast.AnnAssign):
            target, value, annotation = stmt.target, stmt.value, stmt.annotation
        elif isinstance(stmt, ast.FunctionDef) and not stmt.name.startswith("__"):
            read = _column_read(stmt)
            if isinstance(read, ast.Call):  # a `@declared_attr` column
                line, col = stmt.lineno, stmt.col_offset + 1
                column_call(read, stmt.name, line, col, table, _mapped_type(stmt.returns))
            continue
        if not isinstance(target, ast.Name) or target.id.startswith("__"):
            continue
        mapped = _mapped_type(annotation)
        value = _unwrapped(value)
        if isinstance(value, ast.Call) and _is_column(value):
            column_call(value, target.id, target.lineno, target.col_offset + 1, table, mapped)
        elif value is None and mapped is not None:
            table.add(ModelColumn(target.id, target.lineno, target.col_offset + 1, mapped))


def _is_column(node: ast.AST | None) -> bool:
    """`Column(...)`, `sa.Column(...)`, `mapped_column(...)`."""
    return isinstance(node, ast.Call) and _dotted(node.func).rpartition(".")[2] in _COLUMN_CALLS


def _unwrapped(value: ast.expr | None) -> ast.expr | None:
    """The column of `deferred(Column(...))` and `column_property(Column(...))`: a column all the same."""
    if (
        isinstance(value, ast.Call)
        and _dotted(value.func).rpartition(".")[2] in ("deferred", "column_property")
        and value.args
        and _is_column(value.args[0])
    ):
        return value.args[0]
    return value


def _declared_attr(node: ast.FunctionDef) -> bool:
    """A mixin's `@declared_attr def owner_id(cls): return Column(...)`: a column named after it."""
    return any("declared_attr" in _dotted(d).split(".") for d in node.decorator_list)


def _returned(node: ast.FunctionDef) -> ast.expr | None:
    """The value of a function whose body is one `return` (after a docstring)."""
    body = node.body[1:] if node.body and isinstance(node.body[0], ast.Expr) else node.body
    return body[0].value if len(body) == 1 and isinstance(body[0], ast.Return) else None


def _expr_column(stmt: ast.stmt) -> ast.AST | None:
    """The `Column(...)` argument of a `Table(...)` that `_table` reads."""
    return stmt.value if isinstance(stmt, ast.Expr) and _is_column(stmt.value) else None


def _column_read(stmt: ast.stmt) -> ast.AST | None:
    """What `_columns` reads of a class-body statement (for `fields_left_out`)."""
    if isinstance(stmt, ast.FunctionDef) and _declared_attr(stmt):
        return _unwrapped(_returned(stmt)) if _is_column(_unwrapped(_returned(stmt))) else None
    if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
        return stmt
    target = stmt.targets[0] if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 else None
    target = stmt.target if isinstance(stmt, ast.AnnAssign) else target
    if isinstance(target, ast.Name) and isinstance(stmt, ast.Assign | ast.AnnAssign):
        value = _unwrapped(stmt.value)
        return value if _is_column(value) else None
    return None


def column_call(
    call: ast.Call, attr: str | None, line: int, col: int, table: ModelTable, mapped: str | None
) -> None:
    """Add the column of a `Column(...)`/`mapped_column(...)` call (and its `ForeignKey`) to `table`.

    Shared with the Alembic reader, whose `sa.Column("name", ...)` calls are the same.
    """
    kwargs = {k.arg: k.value for k in call.keywords if k.arg}
    args = list(call.args)
    name = _string(kwargs.get("name"))
    if args and _string(args[0]) is not None:
        name = _string(args.pop(0))
    name = name or attr
    if not name:
        return
    type_: str | None = None
    orm: str | None = None  # the type's own name (SQLAlchemy-Utils' `EmailType`)
    ref: ForeignKey | None = None
    for arg in [*args, kwargs.get("type_")]:
        if arg is None:
            continue
        callee = arg.func if isinstance(arg, ast.Call) else arg
        kind = _dotted(callee).rpartition(".")[2]
        if kind == "ForeignKey" and isinstance(arg, ast.Call) and arg.args:
            ref = _foreign_key(name, _string(arg.args[0]) or _dotted(arg.args[0]))
        elif type_ is None and kind:
            type_ = sql_type(kind, arg)
            orm = orm or kind
    comment = _string(kwargs.get("comment")) or _string(kwargs.get("doc"))
    primary = literal_value(kwargs.get("primary_key")) is True
    table.add(ModelColumn(name, line, col, type_ or mapped, comment, primary, orm_type=orm))
    if ref is not None:
        table.foreign_keys = [fk for fk in table.foreign_keys if fk.columns != ref.columns]
        table.foreign_keys.append(ref)


def _foreign_key(column: str, target: str | None) -> ForeignKey | None:
    """`ForeignKey("schema.table.column")` as a foreign key of `column`."""
    if not target:
        return None
    parts = target.split(".")
    if len(parts) < 2:
        return None
    return ForeignKey((column,), parts[-2], (parts[-1],), parts[-3] if len(parts) > 2 else None)


def sql_type(kind: str, node: ast.expr) -> str | None:
    """The SQL type of a SQLAlchemy type class or call (`String(80)` is `VARCHAR(80)`).

    `Enum('a', 'b', name='x')` is `enum('a','b') /* x */`: its values say what it holds.
    """
    base = _TYPES.get(kind) or (kind if kind.isupper() else None)
    if base is None:
        return None
    if kind in ("Enum", "ENUM") and isinstance(node, ast.Call) and node.args:
        values = [_string(a) for a in node.args]
        if all(v is not None for v in values):
            name = _string(next((k.value for k in node.keywords if k.arg == "name"), None))
            return enum_type([v for v in values if v is not None], name)
    params = [literal_value(a) for a in node.args] if isinstance(node, ast.Call) else []
    if isinstance(node, ast.Call) and not params:  # String(length=255), Numeric(precision=10, scale=2)
        keywords = {k.arg: k.value for k in node.keywords if k.arg}
        params = [literal_value(keywords.get(k)) for k in ("length", "precision", "scale") if k in keywords]
    numbers = [str(p) for p in params if isinstance(p, int) and not isinstance(p, bool)]
    if numbers and base in ("VARCHAR", "NUMERIC", "CHAR") or (numbers and kind.isupper()):
        return f"{base}({', '.join(numbers)})"
    return base


def _mapped_type(annotation: ast.expr | None) -> str | None:
    """The SQL type of `Mapped[X]` / `Mapped[Optional[X]]` / `Mapped[X | None]`; None if not a column."""
    if not isinstance(annotation, ast.Subscript) or _dotted(annotation.value).rpartition(".")[2] != "Mapped":
        return None
    inner = annotation.slice
    while True:
        if isinstance(inner, ast.Subscript) and _dotted(inner.value).rpartition(".")[2] == "Optional":
            inner = inner.slice
        elif isinstance(inner, ast.BinOp) and isinstance(inner.op, ast.BitOr):
            inner = inner.right if _is_none(inner.left) else inner.left
        else:
            break
    name = _dotted(inner).rpartition(".")[2]
    return _ANNOTATIONS.get(name)


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _class_references(tables: list[ModelTable], by_class: dict[str, str]) -> None:
    """`ForeignKey(Person.id)` names a class: point it at the class's table."""
    names = {t.name for t in tables}
    for table in tables:
        table.foreign_keys = [
            ForeignKey(fk.columns, by_class[fk.ref_table], fk.ref_columns, fk.ref_schema)
            if fk.ref_table in by_class and fk.ref_table not in names
            else fk
            for fk in table.foreign_keys
        ]


def _table_calls(node: ast.stmt) -> list[ast.Call]:
    """`x = Table("name", metadata, ...)` at module level."""
    value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign, ast.Expr)) else None
    if isinstance(value, ast.Call) and _dotted(value.func).rpartition(".")[2] == "Table":
        return [value]
    return []


def _table(call: ast.Call, shown: str) -> ModelTable | None:
    name = _string(call.args[0]) if call.args else None
    if not name:
        return None
    kwargs = {k.arg: k.value for k in call.keywords if k.arg}
    table = ModelTable(name, shown, call.lineno, call.col_offset + 1,
                       schema=_string(kwargs.get("schema")), comment=_string(kwargs.get("comment")))
    for arg in call.args[1:]:
        if isinstance(arg, ast.Call) and _dotted(arg.func).rpartition(".")[2] == "Column":
            column_call(arg, None, arg.lineno, arg.col_offset + 1, table, None)
    return table


def _table_args(node: ast.expr | None) -> tuple[str | None, str | None]:
    """Schema and comment from `__table_args__` (a dict, or a tuple ending in one)."""
    if isinstance(node, ast.Tuple) and node.elts:
        node = node.elts[-1]
    if not isinstance(node, ast.Dict):
        return None, None
    found: dict[str, str | None] = {}
    for key, value in zip(node.keys, node.values, strict=False):
        if key is not None and (k := _string(key)) is not None:
            found[k] = _string(value)
    return found.get("schema"), found.get("comment")


def _class_attr(node: ast.ClassDef, name: str) -> ast.expr | None:
    for stmt in node.body:
        if isinstance(stmt, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in stmt.targets
        ):
            return stmt.value
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.target.id == name:
            return stmt.value
    return None


def _dotted(node: ast.expr | None) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _dotted(node.value)
        return f"{inner}.{node.attr}" if inner else node.attr
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value  # a forward reference: Mapped["date"]
    return ""


def _string(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None
