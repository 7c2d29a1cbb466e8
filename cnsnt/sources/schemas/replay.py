"""The schema a folder of framework migrations leaves behind, one operation at a time.

The Rails, Alembic and Django migration readers parse their files (never run them)
and turn each operation they understand into a call on `Replay`: create, drop and
rename tables, add, remove, rename and retype columns, add and drop foreign keys.
What is left at the end is the schema the migrations build, every column placed
where it got its current name, as the SQL migrations reader does. An operation on a
table or column no earlier migration made is a CN001 warning at its place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from cnsnt.evidence import Evidence, ForeignKey, SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.sources.schemas.common import ModelColumn, ModelTable, model_evidence
from cnsnt.sources.schemas.grammars import Node, SourceFile, deepest_opening
from cnsnt.sources.schemas.migration_order import natural_key

Key = tuple[str, str]


def django_loads(path: Path) -> bool:
    """Whether Django's `MigrationLoader` loads a file of a migrations package as a migration.

    It passes over modules whose name starts with `_` or `~` (`__init__.py`, a backup
    `~0002_x.py`): `name[0] not in "_~"` in django/db/migrations/loader.py.
    """
    return path.name[:1] not in ("_", "~")


def alembic_loads(path: Path) -> bool:
    """Whether Alembic's `ScriptDirectory` takes a file of a versions folder as a revision.

    It passes over `__init__` files and Emacs lock files (`.#name.py`): the negative
    lookahead of its `_only_source_rev_file` pattern in alembic/script/base.py.
    """
    return not path.name.startswith(("__init__", ".#"))


def table_key(name: str, schema: str | None = None) -> Key:
    """How tables are looked up: schema and name, case-insensitively."""
    return ((schema or "").casefold(), name.casefold())


class Replay:
    """The tables built so far, and the problems met; `shown` is the file being replayed."""

    def __init__(self) -> None:
        self.tables: dict[Key, ModelTable] = {}
        self.problems: list[SourceProblem] = []
        self.shown = ""
        self.fk_names: dict[str, tuple[Key, ForeignKey]] = {}
        """Named foreign keys (Alembic `create_foreign_key`), so `drop_constraint` can drop them."""
        self.merging = 0
        """Above 0 while the branches of a condition are all replayed: a table made again keeps
        what an earlier branch gave it (the union of the branches)."""

    # -- problems

    def report(self, message: str, line: int, column: int, severity: Severity | None = None,
               fix: str | None = None) -> None:
        """A CN001 problem at a place of the current file (None: the rule's default, error)."""
        self.problems.append(SourceProblem(message, Location(self.shown, line, column), self.shown,
                                           severity=severity, fix=fix))

    def too_deep(self, file: SourceFile, node: Node) -> None:
        """A file nested deeper than the replay's recursion, said where it nests deepest in `node`."""
        self.report(
            "expressions nested too deep to read: the rest of this file is not replayed",
            *deepest_opening(file, node),
        )

    def not_run(self, shown: str, message: str) -> None:
        """A file of the entry the framework does not run (by its name): a warning at its start."""
        self.shown = shown
        self.report(message, 1, 1, Severity.WARNING)

    def no_migration(self, shown: str, missing: str) -> None:
        """A file the tool would load that holds no migration: a warning at its start."""
        self.shown = shown
        self.report(f"no {missing} in this file: not replayed", 1, 1, Severity.WARNING)

    def not_replayed(self, what: str, why: str, line: int, column: int,
                     severity: Severity | None = None) -> None:
        """Something that may change the schema but is not a literal operation: reported, not guessed.

        An error by default (a loop, a computed name: the schema is surely other than read);
        a warning for a condition (most test the database dialect or guard a re-run).
        """
        self.report(f"{what}: {why}; not replayed, so tables or columns it makes may be missing",
                    line, column, severity)

    def in_version_order(
        self, paths: list[Path], shown: Callable[[Path], str], versioned: re.Pattern[str], not_run: str
    ) -> tuple[list[Path], int]:
        """The files a tool runs, in the order of the number their name starts with, and how many it does not.

        `versioned` matches a runnable file's name, its first group the version (Rails'
        `<version>_<name>.rb`, Ecto's `<version>_<name>.exs`); same versions go by name. A
        file it does not match is not run: a warning `not_run` at the file.
        """
        runnable: list[tuple[int, tuple[tuple[int, str], ...], Path]] = []
        skipped = 0
        for path in paths:
            found = versioned.match(path.name)
            if found is None:
                self.shown = shown(path)
                self.report(not_run, 1, 1, Severity.WARNING)
                skipped += 1
                continue
            runnable.append((int(found.group(1)), natural_key(path.name), path))
        runnable.sort(key=lambda item: (item[0], item[1]))
        return [path for _, _, path in runnable], skipped

    def said_once(self) -> None:
        """Keep the first of problems said at the same place in the same words.

        A helper called several times, or a loop replayed per item, says the same thing there each time.
        """
        seen: set[tuple[str | None, int | None, int | None, str]] = set()
        kept: list[SourceProblem] = []
        for problem in self.problems:
            key = (problem.location.path, problem.location.line, problem.location.column, problem.message)
            if key not in seen:
                seen.add(key)
                kept.append(problem)
        self.problems = kept

    # -- tables

    def find(self, name: str, schema: str | None, line: int, column: int, what: str) -> ModelTable | None:
        """A table by name; a warning when no earlier migration creates it."""
        table = self.tables.get(table_key(name, schema))
        if table is None:
            self.report(f"{what}: no earlier migration creates table '{name}'; skipped",
                        line, column, Severity.WARNING)
        return table

    def find_or_make(self, name: str, schema: str | None, line: int, column: int, what: str) -> ModelTable:
        """A table to add columns to; one no earlier migration creates is recorded on its own."""
        table = self.tables.get(table_key(name, schema))
        if table is None:
            self.report(f"{what}: no earlier migration creates table '{name}'; its new columns are "
                        "recorded as a table of their own", line, column, Severity.WARNING)
            table = ModelTable(name, self.shown, line, column, schema=schema)
            self.tables[table_key(name, schema)] = table
        return table

    def create(self, table: ModelTable) -> None:
        """A new table (one of the same name is replaced, as `force: true` or a re-create does).

        While `merging`, the columns and foreign keys of the one replaced that the new one
        lacks are kept, first.
        """
        self.claim(table)
        key = table_key(table.name, table.schema)
        old = self.tables.pop(key, None)
        if old is not None and self.merging:
            have = {c.name.casefold() for c in table.columns}
            table.columns[:0] = [c for c in old.columns if c.name.casefold() not in have]
            table.foreign_keys[:0] = [fk for fk in old.foreign_keys if fk not in table.foreign_keys]
        self.tables[key] = table

    def drop(self, name: str, schema: str | None, line: int, column: int, what: str) -> None:
        """Drop a table and the foreign keys other tables had to it."""
        table = self.find(name, schema, line, column, what)
        if table is None:
            return
        del self.tables[table_key(name, schema)]
        for other in self.tables.values():
            other.foreign_keys = [fk for fk in other.foreign_keys if not _points_at(fk, table)]

    def rename_table(self, old: str, new: str, schema: str | None, line: int, column: int,
                     what: str) -> ModelTable | None:
        """Rename a table, placed at the rename, and point foreign keys to it at the new name."""
        table = self.find(old, schema, line, column, what)
        if table is None:
            return None
        del self.tables[table_key(old, schema)]
        for other in self.tables.values():
            other.foreign_keys = [
                ForeignKey(fk.columns, new, fk.ref_columns, fk.ref_schema) if _points_at(fk, table) else fk
                for fk in other.foreign_keys
            ]
        table.foreign_keys = [
            ForeignKey(fk.columns, new, fk.ref_columns, fk.ref_schema) if _points_at(fk, table) else fk
            for fk in table.foreign_keys
        ]
        for col in table.columns:
            col.path = col.path or table.path
        table.name, table.path, table.line, table.column = new, self.shown, line, column
        self.tables[table_key(new, schema)] = table
        return table

    # -- columns

    def claim(self, table: ModelTable) -> None:
        """Columns just added to a table are written in the current file."""
        for col in table.columns:
            if col.path is None:
                col.path = self.shown

    def claim_added(self, table: ModelTable) -> None:
        """`claim` for a table whose earlier columns are all claimed: the new ones are at its end.

        `ModelTable.add` appends, so a reader that claims after each operation needs to look
        at those only; `claim` looked at every column, n squared over n `add_column` calls.
        """
        for col in reversed(table.columns):
            if col.path is not None:
                break
            col.path = self.shown

    def add_column(self, table: ModelTable, column: ModelColumn) -> None:
        """Add (or replace) a column, written in the current file."""
        column.path = column.path or self.shown
        table.add(column)

    def column(self, table: ModelTable, name: str, line: int, column: int, what: str) -> ModelColumn | None:
        """A column of a table; a warning when no earlier migration gives the table that column."""
        found = table.named(name)
        if found is not None:
            return found
        self.report(f"{what}: no earlier migration gives table '{table.name}' a column '{name}'; skipped",
                    line, column, Severity.WARNING)
        return None

    def remove_column(self, table: ModelTable, name: str, line: int, column: int, what: str) -> None:
        """Drop a column and every foreign key that uses it."""
        col = self.column(table, name, line, column, what)
        if col is None:
            return
        table.columns = [c for c in table.columns if c is not col]
        folded = name.casefold()
        table.foreign_keys = [fk for fk in table.foreign_keys
                              if folded not in (c.casefold() for c in fk.columns)]

    def rename_column(self, table: ModelTable, old: str, new: str, line: int, column: int,
                      what: str) -> None:
        """Rename a column, placed at the rename; foreign keys follow it."""
        col = self.column(table, old, line, column, what)
        if col is None:
            return
        col.name, col.path, col.line, col.column = new, self.shown, line, column

        def renamed(names: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(new if n.casefold() == old.casefold() else n for n in names)

        table.foreign_keys = [ForeignKey(renamed(fk.columns), fk.ref_table, fk.ref_columns, fk.ref_schema)
                              for fk in table.foreign_keys]
        for other in self.tables.values():
            other.foreign_keys = [
                ForeignKey(fk.columns, fk.ref_table, renamed(fk.ref_columns), fk.ref_schema)
                if _points_at(fk, table) else fk
                for fk in other.foreign_keys
            ]

    # -- foreign keys

    def add_foreign_key(self, table: ModelTable, fk: ForeignKey, name: str | None = None) -> None:
        """Add a foreign key (one on the same columns is replaced)."""
        table.foreign_keys = [f for f in table.foreign_keys if f.columns != fk.columns]
        table.foreign_keys.append(fk)
        if name:
            self.fk_names[name.casefold()] = (table_key(table.name, table.schema), fk)

    def drop_foreign_keys(self, table: ModelTable, keep: Callable[[ForeignKey], bool]) -> None:
        """Drop the foreign keys of a table that `keep` refuses."""
        table.foreign_keys = [fk for fk in table.foreign_keys if keep(fk)]

    def drop_named_foreign_key(self, name: str) -> bool:
        """Drop a foreign key by the name it was created with; False when none has it."""
        found = self.fk_names.pop(name.casefold(), None)
        if found is None:
            return False
        key, fk = found
        table = self.tables.get(key)
        if table is not None:
            self.drop_foreign_keys(table, lambda f: f != fk)
        return True

    # -- the result

    def evidence(self, files: int, migrations: int, skipped: int = 0) -> Evidence:
        """The evidence of the replayed schema; counts `migrations` where ORM readers count models."""
        tables = list(self.tables.values())
        for table in tables:
            self.claim(table)
        evidence = model_evidence(tables, self.problems, files)
        evidence.counts.pop("models", None)
        evidence.counts["migrations"] = migrations
        if skipped:
            evidence.counts["migrations_skipped"] = skipped
        return evidence


def _points_at(fk: ForeignKey, table: ModelTable) -> bool:
    return fk.ref_table.casefold() == table.name.casefold() and (
        (fk.ref_schema or "").casefold() == (table.schema or "").casefold() or fk.ref_schema is None
    )
