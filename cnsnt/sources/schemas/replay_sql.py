"""SQL a framework migration runs itself, applied to the tables its reader has replayed so far.

`cnsnt.sql.embedded` does the SQL (the same statements a folder of SQL migrations
understands); this module hands it the `Replay`'s tables and writes the answer back in
place: a table or column the SQL creates or renames is placed where the SQL says it
(`place`: an offset of the SQL text -> line and column of the current file), the rest
keep theirs. Problems of the SQL are CN001 problems of the current file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from cnsnt.errors import SourceError
from cnsnt.evidence import ForeignKey
from cnsnt.model import Location, Severity
from cnsnt.sources.schemas.common import ModelColumn, ModelTable
from cnsnt.sources.schemas.replay import Key, Replay, table_key
from cnsnt.sql.ddl import UnknownDialectError
from cnsnt.sql.embedded import (
    EmbeddedResult,
    LiveColumn,
    LiveForeignKey,
    LiveTable,
    may_change_schema,
    replay_embedded,
)

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
    touched = _touched(replay, text)
    if touched is not None and _replay_touched(
        replay, text, place, dialect, max_statement, borrowed, touched
    ):
        return
    _replay_all(replay, text, place, dialect, max_statement, borrowed)


def _words(text: str) -> set[str]:
    """The names a SQL text may mention: its runs of ASCII letters, digits and `_`, casefolded."""
    ascii_text = text.casefold().encode("ascii", "replace").decode("ascii")
    return set(ascii_text.translate(_SEPARATE).split())


#: Every ASCII character but letters, digits and `_` (other characters are `?` by then).
_SEPARATE = str.maketrans({chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")})


def _plain(name: str) -> bool:
    """Whether a casefolded name is one word of `_words` (here: an ASCII identifier, not `2fa`)."""
    return name.isascii() and name.isidentifier()


def _touched(replay: Replay, text: str) -> list[Key] | None:
    """The tables one SQL text may read or change, in order; None when that is all of them.

    A statement finds a table by a name it writes (`ALTER TABLE users`, `REFERENCES users`,
    `RENAME TABLE a TO b`, even in a string: `sp_rename 'users.x'`), and changes other
    tables only through their foreign keys to a table it names (a drop or rename follows
    them): so a table is touched when its name, or the name of a table it refers to, is a
    word of the text. A name that is not one such word (`"my table"`) is always touched.
    """
    if len(replay.tables) < 2:
        return None
    words = _words(text)
    out = [
        key
        for key, table in replay.tables.items()
        if key[1] in words
        or not _plain(key[1])
        or (table.foreign_keys and any(_mentioned(fk.ref_table, words) for fk in table.foreign_keys))
    ]
    return None if len(out) == len(replay.tables) else out


def _mentioned(name: str, words: set[str]) -> bool:
    folded = name.casefold()
    return folded in words or not _plain(folded)


def _seeds(
    replay: Replay, keys: Iterable[Key], borrowed: Callable[[ModelTable], bool] | None
) -> list[LiveTable]:
    """The replayed tables of `keys` as the SQL replay takes them (the caller's objects as origins)."""
    names: dict[tuple[Key, ForeignKey], str] = {
        (key, fk): name for name, (key, fk) in replay.fk_names.items()
    }
    seeds = []
    for key in keys:
        table = replay.tables[key]
        seeds.append(
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
                    LiveForeignKey(
                        fk.columns, fk.ref_table, fk.ref_columns, fk.ref_schema, names.get((key, fk))
                    )
                    for fk in table.foreign_keys
                ],
                table,
                borrowed=borrowed(table) if borrowed is not None else False,
                view_sql=table.view_sql,
            )
        )
    return seeds


def _embedded(
    replay: Replay, text: str, seeds: list[LiveTable], dialect: str | None, max_statement: int
) -> EmbeddedResult:
    try:
        return replay_embedded(text, seeds, dialect, max_statement)
    except UnknownDialectError as exc:
        raise SourceError(str(exc), Location(replay.shown)) from None


def _replay_touched(
    replay: Replay,
    text: str,
    place: Callable[[int], tuple[int, int]],
    dialect: str | None,
    max_statement: int,
    borrowed: Callable[[ModelTable], bool] | None,
    touched: list[Key],
) -> bool:
    """Apply the SQL to the tables it touches only, when it leaves every table in its place.

    Seeding the whole schema costs as much as the schema: a migration of n calls that each
    create a table cost n squared. Only the touched tables are handed over; when each of
    them comes back first, in order, under its key (nothing dropped, renamed or made
    again over it) and the rest is new, the answer is the one the whole schema gives, and
    it is written back in place. Otherwise (False) nothing has been changed, and the
    caller replays the SQL on all tables.
    """
    result = _embedded(replay, text, _seeds(replay, touched, borrowed), dialect, max_statement)
    lives = result.tables
    if len(lives) < len(touched):
        return False
    for key, live in zip(touched, lives, strict=False):  # the first len(touched)
        if live.origin is not replay.tables[key] or table_key(live.name, live.schema) != key:
            return False
    new = lives[len(touched) :]
    new_keys = [table_key(live.name, live.schema) for live in new]
    if any(live.origin is not None for live in new) or any(key in replay.tables for key in new_keys):
        return False
    links = _links(lives)
    # the names of foreign keys: as rebuilding them all from the tables in order would give
    seeded = set(touched)
    last = {at: name for name, at in replay.fk_names.items() if at[0] not in seeded}
    kept = {
        name: at
        for at, name in last.items()
        if at[0] in replay.tables and at[1] in replay.tables[at[0]].foreign_keys
    }
    if any(name in kept for name in links):
        return False  # a name an untouched table's key has too: which one wins depends on their order
    for live in lives:
        table = _write_back(replay, live, place, dialect)
        replay.tables[table_key(table.name, table.schema)] = table  # the same key keeps its place
    replay.fk_names = {**kept, **links}
    _report(replay, result, place)
    return True


def _replay_all(
    replay: Replay,
    text: str,
    place: Callable[[int], tuple[int, int]],
    dialect: str | None,
    max_statement: int,
    borrowed: Callable[[ModelTable], bool] | None,
) -> None:
    """Apply the SQL to all the replayed tables, which are rebuilt, in order, from the answer."""
    result = _embedded(replay, text, _seeds(replay, list(replay.tables), borrowed), dialect, max_statement)
    tables: dict[Key, ModelTable] = {}
    for live in result.tables:
        table = _write_back(replay, live, place, dialect)
        tables[table_key(table.name, table.schema)] = table
    replay.tables = tables
    replay.fk_names = _links(result.tables)
    _report(replay, result, place)


def _links(lives: Iterable[LiveTable]) -> dict[str, tuple[Key, ForeignKey]]:
    """The named foreign keys of tables the SQL replay answered, by name."""
    fk_names: dict[str, tuple[Key, ForeignKey]] = {}
    for live in lives:
        key = table_key(live.name, live.schema)
        for link in live.foreign_keys:
            if link.name:
                fk = ForeignKey(link.columns, link.ref_table, link.ref_columns, link.ref_schema)
                fk_names[link.name.casefold()] = (key, fk)
    return fk_names


def _write_back(
    replay: Replay, live: LiveTable, place: Callable[[int], tuple[int, int]], dialect: str | None
) -> ModelTable:
    """The caller's table updated in place from the answer (a new one for a table the SQL made)."""
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
    table.foreign_keys = [
        ForeignKey(link.columns, link.ref_table, link.ref_columns, link.ref_schema)
        for link in live.foreign_keys
    ]
    return table


def _report(replay: Replay, result: EmbeddedResult, place: Callable[[int], tuple[int, int]]) -> None:
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
