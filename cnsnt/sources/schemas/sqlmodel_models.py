"""Schema evidence from SQLModel models, read with Python's `ast` (never imported).

A class deriving from `SQLModel` is a table when its class statement says `table=True`;
without it, it is a data model (an API's input or output) that makes no table, but lends
its fields to the table classes deriving from it (`class Hero(HeroBase, table=True)`).
A table is named `__tablename__`, else the class name lower-cased, as SQLModel names it.
Its columns are the annotated attributes of the class and its SQLModel bases (`name: str`,
`age: int | None = None`, `Optional[int]`), except `ClassVar`s, private `_names` and
`Relationship(...)` attributes. `Field(...)` may add `primary_key=True`,
`foreign_key="team.id"` (a foreign key), `max_length=`, `max_digits=`/`decimal_places=`,
`sa_type=` (a SQLAlchemy type), `sa_column=Column(...)` (read as the SQLAlchemy reader
reads a column: its name, type, `ForeignKey` and comment), `sa_column_kwargs={"name":
..., "comment": ...}`, and `description=`, the comment when no SQL comment is given.

Types are those SQLModel maps the Python type to, as SQLAlchemy's MySQL dialect writes
them: `str`, `EmailStr`, `Path` and IP addresses `VARCHAR(255)` (SQLModel's `AutoString`
on MySQL) or `VARCHAR(max_length)`, `int` `INTEGER`, `float` `FLOAT`, `bool` `BOOL`,
`datetime` `DATETIME`, `date` `DATE`, `time` `TIME`, `timedelta` `DATETIME`, `bytes`
`BLOB`, `Decimal` `NUMERIC` (`NUMERIC(m, d)`), `UUID` `CHAR(32)`, an `Enum` class
`ENUM`; SQLAlchemy types given with `sa_type=`/`sa_column=` are written the same way
(`DateTime` is `DATETIME`, `Boolean` `BOOL`).

An attribute whose type SQLModel cannot map (`list[str]`, `dict` without `sa_type=`)
makes SQLModel raise at import: it is a CN001 warning at its line, not a column. A
field under `if`/`for`/`try` and a `__tablename__` that is not a literal are CN001
warnings too (the table is then read under SQLModel's default name).
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
    dotted,
    literal_value,
    string_value,
)
from cnsnt.sources.schemas.python_classes import (
    Hierarchy,
    PyClass,
    class_keyword,
    read_model_classes,
    unread_name,
)
from cnsnt.sources.schemas.sqlalchemy_models import column_call, sql_type

#: Python types -> the SQL type SQLModel's `get_sqlalchemy_type` gives them on MySQL.
_PYTHON_TYPES: dict[str, str] = {
    **dict.fromkeys(
        ("str", "EmailStr", "Path", "IPv4Address", "IPv4Network", "IPv6Address", "IPv6Network"), "VARCHAR"
    ),
    "int": "INTEGER",
    "float": "FLOAT",
    "bool": "BOOL",
    "datetime": "DATETIME",
    "date": "DATE",
    "time": "TIME",
    "timedelta": "DATETIME",
    "bytes": "BLOB",
    "Decimal": "NUMERIC",
    "UUID": "CHAR(32)",
}
#: Python types SQLModel has no SQL type for (it raises `ValueError` at import).
_UNMAPPED = frozenset({"list", "dict", "set", "tuple", "frozenset", "List", "Dict", "Set", "Tuple", "Any"})
#: SQLAlchemy's generic type names (as the SQLAlchemy reader gives them) as MySQL writes them.
_MYSQL = {"TIMESTAMP": "DATETIME", "BOOLEAN": "BOOL", "BYTEA": "BLOB", "UUID": "CHAR(32)",
          "DOUBLE PRECISION": "DOUBLE", "INTERVAL": "DATETIME"}  # fmt: skip
_ENUMS = frozenset({"Enum", "StrEnum", "IntEnum"})


def read_sqlmodel(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables the SQLModel `table=True` classes of an entry's files define."""
    return read_model_classes(paths, ctx, "SQLModel table (`table=True`)", _Models)


def _is_field(call: ast.Call) -> bool:
    return dotted(call.func).rpartition(".")[2] == "Field"


def _field_read(stmt: ast.stmt) -> ast.AST | None:
    """What `_Models.table` reads of a class-body statement, for `fields_left_out`."""
    if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
        return stmt
    if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
        return stmt.value
    return None


class _Models:
    def __init__(self, hierarchy: Hierarchy) -> None:
        self.h = hierarchy

    def reads(self, cls: PyClass) -> bool:
        """A table class, or a data model a class of the entry derives from (its fields are read there)."""
        is_table = literal_value(class_keyword(cls.node, "table")) is True
        return self.is_sqlmodel(cls) and (is_table or id(cls) in self.h.subclassed)

    def tables(self, cls: PyClass, problems: list[SourceProblem]) -> list[ModelTable]:
        table = self.table(cls, problems)
        return [table] if table is not None else []

    def is_field(self, call: ast.Call) -> bool:
        return _is_field(call)

    def read(self, stmt: ast.stmt) -> ast.AST | None:
        return _field_read(stmt)

    def is_sqlmodel(self, cls: PyClass) -> bool:
        return self.h.derives(cls, frozenset({"SQLModel"}), lambda _: False)

    def table(self, cls: PyClass, problems: list[SourceProblem]) -> ModelTable | None:
        """The table of a `table=True` class, with the fields of its SQLModel bases."""
        if literal_value(class_keyword(cls.node, "table")) is not True:
            return None
        line, col = cls.place()
        table = ModelTable(self._name(cls, problems), cls.shown, line, col)
        for owner in [*self.h.ancestors(cls), cls]:
            if owner is cls or self.is_sqlmodel(owner):
                for stmt in owner.node.body:
                    if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                        self._column(owner, stmt, stmt.target, table, problems)
        return table

    def _name(self, cls: PyClass, problems: list[SourceProblem]) -> str:
        for stmt in cls.node.body:
            if not isinstance(stmt, ast.Assign | ast.AnnAssign):
                continue
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            value = stmt.value
            if [dotted(t) for t in targets] != ["__tablename__"]:
                continue
            if value is not None:
                name = string_value(value)
                if name:
                    return name
                default = cls.name.lower()
                problems.append(
                    unread_name("`__tablename__`", value, cls.shown, f"the table is read as `{default}`")
                )
        return cls.name.lower()

    def _column(
        self,
        owner: PyClass,
        stmt: ast.AnnAssign,
        target: ast.Name,
        table: ModelTable,
        problems: list[SourceProblem],
    ) -> None:
        attr = target.id
        if attr.startswith("_") or attr == "model_config" or _callee(stmt.value) == "Relationship":
            return
        annotation = _unwrapped(stmt.annotation)
        if _callee(annotation) == "ClassVar":
            return
        call = stmt.value if _callee(stmt.value) == "Field" else None
        kwargs = {k.arg: k.value for k in call.keywords if k.arg} if isinstance(call, ast.Call) else {}
        line, col = target.lineno, target.col_offset + 1
        sa_column = kwargs.get("sa_column")
        python = self._python_type(annotation, kwargs)
        if isinstance(sa_column, ast.Call) and _callee(sa_column) == "Column":
            column_call(sa_column, attr, line, col, table, python)
            made = table.columns[-1]
            made.type = _mysql(made.type) if made.type != python else made.type
            made.comment = made.comment or string_value(kwargs.get("description"))
            return
        sa_type = kwargs.get("sa_type")
        type_ = _mysql(sql_type(_callee(sa_type), sa_type)) if sa_type is not None else python
        if type_ is None and sa_type is None and _callee(annotation) in _UNMAPPED:
            problems.append(
                SourceProblem(
                    f"`{attr}: {ast.unparse(stmt.annotation)}` has no SQL type SQLModel maps: "
                    "SQLModel raises ValueError unless `sa_type=` or `sa_column=` is given; "
                    "not read as a column",
                    Location(owner.shown, line, col),
                    owner.shown,
                    severity=Severity.WARNING,
                )
            )
            return
        extra = kwargs.get("sa_column_kwargs")
        options = literal_value(extra) if isinstance(extra, ast.Dict) else None
        options = options if isinstance(options, dict) else {}
        name = options.get("name") if isinstance(options.get("name"), str) else attr
        comment = options.get("comment") if isinstance(options.get("comment"), str) else None
        primary = literal_value(kwargs.get("primary_key")) is True
        column = ModelColumn(
            str(name), line, col, type_, comment or string_value(kwargs.get("description")), primary
        )
        table.add(column)
        ref = string_value(kwargs.get("foreign_key"))
        if ref and "." in ref:
            ref_table, _, ref_column = ref.rpartition(".")
            schema, _, ref_table = ref_table.rpartition(".")
            table.foreign_keys = [fk for fk in table.foreign_keys if fk.columns != (column.name,)]
            table.foreign_keys.append(ForeignKey((column.name,), ref_table, (ref_column,), schema or None))

    def _python_type(self, annotation: ast.expr, kwargs: dict[str, ast.expr]) -> str | None:
        """The SQL type SQLModel gives an annotation (with `Field`'s length and digits)."""
        name = _callee(annotation)
        base = _PYTHON_TYPES.get(name)
        if base is None and name in self.h.by_name:
            enum = self.h.by_name[name][0]
            if self.h.derives(enum, _ENUMS, lambda last: last in _ENUMS):
                return "ENUM"
        if base == "VARCHAR":
            length = literal_value(kwargs.get("max_length"))
            return f"VARCHAR({length if isinstance(length, int) else 255})"
        if base == "NUMERIC":
            digits, places = (
                literal_value(kwargs.get("max_digits")),
                literal_value(kwargs.get("decimal_places")),
            )
            if isinstance(digits, int):
                return f"NUMERIC({digits}, {places if isinstance(places, int) else 0})"
        return base


def _callee(node: ast.expr | None) -> str:
    """The last name of a call's function, a subscript's value or a name (`sa.Column(...)` -> `Column`)."""
    if isinstance(node, ast.Call):
        node = node.func
    elif isinstance(node, ast.Subscript):
        node = node.value
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.rpartition(".")[2]  # a forward reference: "Team"
    return dotted(node).rpartition(".")[2] if node is not None else ""


def _unwrapped(annotation: ast.expr) -> ast.expr:
    """The type inside `Optional[X]`, `X | None`, `Union[X, None]` and `Annotated[X, ...]`."""
    while True:
        if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
            try:  # a quoted annotation: "Optional[int]"
                annotation = ast.parse(annotation.value, mode="eval").body
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                return annotation
            continue
        if isinstance(annotation, ast.Subscript) and _callee(annotation) in (
            "Optional",
            "Annotated",
            "Union",
        ):
            inner = annotation.slice
            if isinstance(inner, ast.Tuple) and inner.elts:
                kept = [e for e in inner.elts if not _is_none(e)]
                if _callee(annotation) == "Union" and len(kept) != 1:
                    return annotation
                inner = kept[0] if kept else inner.elts[0]
            annotation = inner
        elif isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
            if _is_none(annotation.right):
                annotation = annotation.left
            elif _is_none(annotation.left):
                annotation = annotation.right
            else:
                return annotation
        else:
            return annotation


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _mysql(type_: str | None) -> str | None:
    """A type the SQLAlchemy reader gives (PostgreSQL's names) as MySQL writes it."""
    if type_ is None:
        return None
    base, paren, rest = type_.partition("(")
    return _MYSQL.get(base, base) + paren + rest
