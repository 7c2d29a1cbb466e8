"""SQL a framework migration runs itself, applied to the tables its reader has replayed so far.

`cnsnt.sql.embedded` does the SQL (the same statements a folder of SQL migrations
understands); this module hands it the `Replay`'s tables and writes the answer back in
place: a table or column the SQL creates or renames is placed where the SQL says it
(`place`: an offset of the SQL text -> line and column of the current file), the rest
keep theirs. Problems of the SQL are CN001 problems of the current file.
"""

from __future__ import annotations

from collections.abc import Callable

from cnsnt.errors import SourceError
from cnsnt.evidence import ForeignKey
from cnsnt.model import Location, Severity
from cnsnt.sources.schemas.common import ModelColumn, ModelTable
from cnsnt.sources.schemas.replay import Key, Replay, table_key
from cnsnt.sql.ddl import UnknownDialectError
from cnsnt.sql.embedded import LiveColumn, LiveForeignKey, LiveTable, may_change_schema, replay_embedded

__all__ = ["may_change_schema", "one_statement", "replay_sql"]


def one_statement(text: str) -> str:
    """SQL a framework runs as one statement, its `;` written or not (`SET sql_mode = ''`), ended with one."""
    end = len(text.rstrip())
    return text if text[:end].endswith(";") else text[:end] + ";" + text[end:]


def replay_sql(
    replay: Replay,
    text: str,
    place: Callable[[int], tuple[int, int]],
    dialect: str | None,
    max_statement: int = 0,
    borrowed: Callable[[ModelTable], bool] | None = None,
) -> None:
    """Apply one SQL text to the replayed tables, in place; its problems join `replay.problems`.

    `borrowed`: whether a table is another database's, which `IF NOT EXISTS` does not see.

    Raises `SourceError` for a dialect sqlglot does not know (the entry's `dialect:`).
    """
    names: dict[tuple[Key, ForeignKey], str] = {
        (key, fk): name for name, (key, fk) in replay.fk_names.items()
    }
    seeds = [
        LiveTable(
            table.name,
            table.schema,
            [
                LiveColumn(c.name, c.type, c.comment, c.primary_key, c, login_default=c.login_default)
                for c in table.columns
            ],
            table.comment,
            table.is_view,
            [
                LiveForeignKey(fk.columns, fk.ref_table, fk.ref_columns, fk.ref_schema, names.get((key, fk)))
                for fk in table.foreign_keys
            ],
            table,
            borrowed=borrowed(table) if borrowed is not None else False,
            view_sql=table.view_sql,
        )
        for key, table in replay.tables.items()
    ]
    try:
        result = replay_embedded(text, seeds, dialect, max_statement)
    except UnknownDialectError as exc:
        raise SourceError(str(exc), Location(replay.shown)) from None
    tables: dict[Key, ModelTable] = {}
    fk_names: dict[str, tuple[Key, ForeignKey]] = {}
    for live in result.tables:
        table = live.origin if isinstance(live.origin, ModelTable) else None
        at = place(live.placed if live.placed is not None else 0)
        if table is None:
            table = ModelTable(live.name, replay.shown, *at, schema=live.schema)
        elif live.placed is not None:  # renamed here: placed at the rename, as Replay does
            for col in table.columns:
                col.path = col.path or table.path
            table.path, table.line, table.column = replay.shown, *at
        table.name, table.schema, table.comment, table.is_view = (
            live.name,
            live.schema,
            live.comment,
            live.is_view,
        )
        if live.view_sql != table.view_sql:  # (re)defined by this SQL, in its dialect
            table.view_sql, table.dialect = live.view_sql, dialect
        table.columns = [_column(col, replay.shown, place) for col in live.columns]
        key = table_key(table.name, table.schema)
        table.foreign_keys = []
        for link in live.foreign_keys:
            fk = ForeignKey(link.columns, link.ref_table, link.ref_columns, link.ref_schema)
            table.foreign_keys.append(fk)
            if link.name:
                fk_names[link.name.casefold()] = (key, fk)
        tables[key] = table
    replay.tables = tables
    replay.fk_names = fk_names
    for problem in result.problems:
        replay.report(
            problem.message, *place(problem.offset), None if problem.may_hold_schema else Severity.WARNING
        )


def _column(live: LiveColumn, shown: str, place: Callable[[int], tuple[int, int]]) -> ModelColumn:
    column = live.origin if isinstance(live.origin, ModelColumn) else None
    if column is None:
        column = ModelColumn(live.name, *place(live.placed or 0), path=shown)
    elif live.placed is not None:  # renamed here
        column.line, column.column = place(live.placed)
        column.path = shown
    column.name, column.type, column.comment, column.primary_key, column.login_default = (
        live.name,
        live.type,
        live.comment,
        live.primary_key,
        live.login_default,
    )
    return column
