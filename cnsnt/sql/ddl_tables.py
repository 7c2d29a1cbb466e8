"""The tables being built while schema statements are applied, in file order.

Mutable, because later ALTERs and COMMENTs change them; `TableBuilder.freeze` turns one
into the `DDLTable` that `parse_ddl` returns, its offsets mapped back to the original text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from sqlglot import exp

from cnsnt.sql.ddl_result import DDLColumn, DDLForeignKey, DDLTable
from cnsnt.sql.defaults import constant, names_login

_K = TypeVar("_K")
_V = TypeVar("_V")


def name_key(name: str) -> str:
    """The key tables and columns are found by: names compare case-insensitively."""
    return name.casefold()


def renamed_key(mapping: dict[_K, _V], old: _K, new: _K) -> dict[_K, _V]:
    """`mapping` with the entry at `old` under `new`, in its place; what stood at `new` goes.

    Rebuilt rather than popped and re-added, so tables keep the order they were made in; a
    rename that changes only the case of a name (`Members` to `members`) keeps the entry.
    """
    return {(new if k == old else k): v for k, v in mapping.items() if k == old or k != new}


@dataclass
class ColumnBuilder:
    """A column as defined so far."""

    name: str
    offset: int
    type: str | None = None
    comment: str | None = None
    primary_key: bool = False
    login_default: bool = False
    default_constraint: str | None = None
    """The name of the constraint that gave the default (T-SQL `CONSTRAINT DF_t_c DEFAULT ...`):
    dropping that constraint drops the default."""
    default: str | None = None
    """Its DEFAULT when a constant (`0`), as written (see `DDLColumn.default`)."""
    unique: bool = False

    def take_default(self, value: exp.Expr | None) -> None:
        """What a stated default says: the writer's login, or a constant (None: no default)."""
        self.login_default = names_login(value)
        self.default = constant(value)

    def take_default_of(self, changed: ColumnBuilder) -> None:
        """The default of a column stated anew (MySQL's MODIFY, Oracle's MODIFY with DEFAULT)."""
        self.login_default = changed.login_default
        self.default = changed.default


def set_default(column: ColumnBuilder, action: exp.AlterColumn) -> None:
    """Apply `ALTER COLUMN c SET DEFAULT ...` / `DROP DEFAULT` to what the default says."""
    if action.args.get("drop"):
        column.take_default(None)
        column.default_constraint = None
    elif action.args.get("default") is not None:
        column.take_default(action.args["default"])
        column.default_constraint = None


@dataclass
class TableBuilder:
    """A table or view as defined so far, its columns keyed by `name_key`."""

    name: str
    schema: str | None
    offset: int
    columns: dict[str, ColumnBuilder] = field(default_factory=dict)
    comment: str | None = None
    is_view: bool = False
    view_sql: str | None = None
    foreign_keys: list[DDLForeignKey] = field(default_factory=list)
    altered_only: bool = False
    """Known only from ALTER statements: the text changes a table it does not create."""
    temporary: bool = False
    """Made by `CREATE TEMP/TEMPORARY TABLE`: a session's scratch table, in no schema the path names."""
    place: int = 0
    """Where it stands among the tables of its file, in the order they were made (a
    renamed table keeps its place, one that replaces another takes the other's)."""

    def add_foreign_key(self, key: DDLForeignKey) -> None:
        """Record a reference once (a dump may state it inline and again in an ALTER)."""
        if key.columns and key not in self.foreign_keys:
            self.foreign_keys.append(key)

    def add(self, column: ColumnBuilder) -> None:
        """Add a column, or replace the one of the same name."""
        self.columns[name_key(column.name)] = column

    def drop_constraint(self, name: str) -> None:
        """Apply `DROP CONSTRAINT name`: a column whose default it gave has none any more."""
        key = name_key(name)
        for column in self.columns.values():
            if column.default_constraint is not None and name_key(column.default_constraint) == key:
                column.take_default(None)
                column.default_constraint = None

    def rename(self, old: str, new: str) -> None:
        """Rename a column in place, keeping the column order."""
        if name_key(old) not in self.columns:
            return
        renamed: dict[str, ColumnBuilder] = {}
        for key, col in self.columns.items():
            if key == name_key(old):
                col.name = new
                key = name_key(new)
            renamed[key] = col
        self.columns = renamed

    def freeze(
        self, original: Callable[[int], int], typed: Callable[[str | None], str | None] = lambda t: t
    ) -> DDLTable:
        """The finished table, with offsets mapped back to the original text.

        `typed` gives a column's type as shown (an enum type declared apart, by its values).
        """
        return DDLTable(
            name=self.name,
            offset=original(self.offset),
            schema=self.schema,
            columns=tuple(
                DDLColumn(
                    c.name,
                    original(c.offset),
                    typed(c.type),
                    c.comment,
                    c.primary_key,
                    c.login_default,
                    c.default,
                    c.unique,
                )
                for c in self.columns.values()
            ),
            comment=self.comment,
            is_view=self.is_view,
            view_sql=self.view_sql,
            foreign_keys=tuple(self.foreign_keys),
            altered_only=self.altered_only,
        )
