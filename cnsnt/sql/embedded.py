"""SQL that a framework migration runs itself, replayed on the schema built so far.

A Laravel migration may mix `Schema::create` with `DB::statement('ALTER TABLE ...')`:
the framework reader replays its own operations and hands each SQL text here, with
the tables it has built so far (`LiveTable`, free of sqlglot types). The text goes
through the same passes and the same `MigrationBuilder` as a folder of SQL migrations
(`cnsnt.sql.migrations`), seeded with those tables, so ADD/DROP/RENAME/CHANGE COLUMN,
RENAME TABLE, DROP TABLE, CREATE TABLE and foreign keys act on them alike; statements
that change no column (`ENGINE = InnoDB`, UPDATE, SET, triggers) change nothing.

The answer keeps the caller's objects (`origin`) so it can update its own tables in
place: a table or column whose `placed` is set got its current name in this text.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace

from sqlglot import exp
from sqlglot.dialects.dialect import Dialect

from cnsnt.sql.client_lines import scan_lines
from cnsnt.sql.ddl import oversize_message, quiet_sqlglot, resolve_dialect
from cnsnt.sql.ddl_result import DDLProblem
from cnsnt.sql.ddl_split import alter_matters, classify, keyword, tokenize_statements
from cnsnt.sql.ddl_tables import ColumnBuilder, TableBuilder, name_key
from cnsnt.sql.migrations import Link, MigrationBuilder
from cnsnt.sql.placeholders import remove_placeholders
from cnsnt.sql.routine_bodies import body_statements

__all__ = ["LiveColumn", "LiveForeignKey", "LiveTable", "may_change_schema", "replay_embedded", "view_head"]

#: The offset of what the caller's tables already held (not placed in this text).
_SEEDED = -1


@dataclass
class LiveColumn:
    """A column before or after the SQL; `origin` is the caller's column it continues."""

    name: str
    type: str | None = None
    comment: str | None = None
    primary_key: bool = False
    origin: object | None = None
    placed: int | None = None
    """Offset in the SQL text where it got its current name (added or renamed); None: as before."""
    login_default: bool = False


@dataclass(frozen=True)
class LiveForeignKey:
    """A reference; `name` is the constraint's when known (`DROP FOREIGN KEY name` finds it)."""

    columns: tuple[str, ...]
    ref_table: str
    ref_columns: tuple[str, ...] = ()
    ref_schema: str | None = None
    name: str | None = None


@dataclass
class LiveTable:
    """A table before or after the SQL; `origin` is the caller's table it continues."""

    name: str
    schema: str | None = None
    columns: list[LiveColumn] = field(default_factory=list)
    comment: str | None = None
    is_view: bool = False
    foreign_keys: list[LiveForeignKey] = field(default_factory=list)
    origin: object | None = None
    placed: int | None = None
    """Offset in the SQL text where it got its current name (created or renamed); None: as before."""
    borrowed: bool = False
    """Another database's table the SQL may change but does not own: `IF NOT EXISTS` does not see it."""
    view_sql: str | None = None
    """A view's defining SELECT (in the dialect of the SQL that created it)."""


class _Builder(MigrationBuilder):
    """`MigrationBuilder` to which borrowed tables do not exist for `CREATE TABLE IF NOT EXISTS`."""

    def __init__(self, dia: Dialect) -> None:
        super().__init__(dia)
        self.borrowed: set[tuple[str, str]] = set()

    def unseen_by_if_not_exists(self) -> AbstractSet[tuple[str, str]]:
        """The borrowed tables: another database's, which the SQL's `IF NOT EXISTS` does not see."""
        return self.borrowed


@dataclass(frozen=True)
class EmbeddedResult:
    """The tables after the SQL, in order, and its problems (offsets into the SQL text)."""

    tables: tuple[LiveTable, ...]
    problems: tuple[DDLProblem, ...]
    statements: int


def replay_embedded(
    text: str, tables: Sequence[LiveTable], dialect: str | None, max_statement: int = 0
) -> EmbeddedResult:
    """Apply one SQL text to `tables`; never raises for bad SQL.

    Raises `cnsnt.sql.ddl.UnknownDialectError` for a dialect sqlglot does not know. A
    statement longer than `max_statement` characters (when > 0) is reported, not parsed.
    """
    dia = resolve_dialect(dialect)
    builder = _Builder(dia)
    tables_of: dict[int, LiveTable] = {}
    columns_of: dict[int, LiveColumn] = {}
    for live in tables:
        table = TableBuilder(
            live.name,
            live.schema,
            _SEEDED,
            comment=live.comment,
            is_view=live.is_view,
            view_sql=live.view_sql,
        )
        for seed in live.columns:
            made = ColumnBuilder(
                seed.name, _SEEDED, seed.type, seed.comment, seed.primary_key, seed.login_default
            )
            columns_of[id(made)] = seed
            table.add(made)
        key = (name_key(live.schema or ""), name_key(live.name))
        builder.put(key, table)
        if live.borrowed:
            builder.borrowed.add(key)
        builder.add_links(
            key,
            [
                Link(list(fk.columns), fk.ref_table, fk.ref_schema, list(fk.ref_columns), fk.name)
                for fk in live.foreign_keys
            ],
        )
        tables_of[id(table)] = live
    stripped, offsets = remove_placeholders(text, dia)
    problems: list[DDLProblem] = []
    count = 0
    with quiet_sqlglot():
        scan = scan_lines(stripped, dia)
        builder.unit_ends = [*scan.unit_ends, len(stripped)]
        problems.extend(scan.problems)
        for stmt in tokenize_statements(scan.text, dia):
            count += 1 if stmt.tokens else 0
            size = stmt.tokens[-1].end - stmt.tokens[0].start + 1 if stmt.tokens else len(stmt.sql)
            if 0 < max_statement < size:
                problems.append(DDLProblem(stmt.offset, oversize_message(size, max_statement)))
                continue
            problems.extend(builder.apply(stmt))
            for inner in body_statements(stmt, dia, dialect):  # schema a PL/pgSQL body or DO block makes
                problems.extend(builder.apply(inner))
        problems.extend(builder.unknown_alter_problems())  # said once per table, at its first ALTER
    count += scan.routines

    def placed(offset: int) -> int | None:
        return None if offset == _SEEDED else offsets.original(offset)

    out: list[LiveTable] = []
    for key, table in builder.ordered_tables():
        before = tables_of.get(id(table))
        columns = []
        for col in table.columns.values():
            was = columns_of.get(id(col))
            columns.append(
                LiveColumn(
                    col.name,
                    col.type,
                    col.comment,
                    col.primary_key,
                    was.origin if was is not None else None,
                    placed(col.offset),
                    col.login_default,
                )
            )
        links = dict.fromkeys(  # the same reference added twice is one reference
            LiveForeignKey(
                tuple(link.columns), link.ref_table, tuple(link.ref_columns), link.ref_schema, link.name
            )
            for link in builder.links.get(key, [])
        )
        out.append(
            LiveTable(
                table.name,
                table.schema,
                columns,
                table.comment,
                table.is_view,
                list(links),
                before.origin if before is not None else None,
                placed(table.offset),
                view_sql=table.view_sql if table.is_view else None,
            )
        )
    fixed = sorted(
        (replace(p, offset=offsets.original(p.offset)) for p in problems),
        key=lambda p: p.offset,
    )
    return EmbeddedResult(tuple(out), tuple(fixed), count)


def may_change_schema(text: str, dialect: str | None) -> bool:
    """Whether SQL of which parts are unknown could add, drop or rename a table or column.

    The caller puts a placeholder name where its text is unknown (a PHP variable): a
    CREATE TABLE/VIEW, an ALTER TABLE that touches columns or keys, a DROP or RENAME of
    a table, `sp_rename` may; UPDATE, SET, an index, a trigger or `ENGINE = InnoDB` do not.
    Text that cannot be tokenized may.
    """
    dia = resolve_dialect(dialect)
    stripped, _ = remove_placeholders(text, dia)
    with quiet_sqlglot():
        scan = scan_lines(stripped, dia)
        for stmt in tokenize_statements(scan.text, dia):
            if stmt.error is not None:
                return True
            if not stmt.tokens:
                continue
            kind = classify(stmt.tokens)
            words = [keyword(t) for t in stmt.tokens[:2]]
            if kind in ("table", "view") or (kind == "alter" and alter_matters(stmt.tokens)):
                return True
            if (
                kind is None
                and len(words) == 2
                and words[0] in ("DROP", "RENAME")
                and words[1]
                in (
                    "TABLE",
                    "VIEW",
                )
            ):
                return True
            if kind is None and words[0] in ("EXEC", "EXECUTE") and "sp_rename" in stmt.sql.lower():
                return True
    return False


def view_head(name: str, schema: str | None, dialect: str | None) -> str:
    """`CREATE VIEW "name" AS `, the name quoted for the dialect, to put before a view's SELECT.

    A framework that states a view as its name and its SELECT (Liquibase's `<createView>`)
    has it read as the same CREATE VIEW in SQL would be; quoted, a name is only a name.
    Raises `cnsnt.sql.ddl.UnknownDialectError` for a dialect sqlglot does not know.
    """
    dia = resolve_dialect(dialect)
    table = exp.Table(
        this=exp.to_identifier(name, quoted=True),
        db=exp.to_identifier(schema, quoted=True) if schema else None,
    )
    return f"CREATE VIEW {dia.generate(table)} AS "
