"""What a `DbContext`'s code defines that its model snapshot lacks: added, and said once each.

A snapshot is rewritten by `dotnet ef migrations add`, so an entity added since the last
migration, or tables a project makes with `EnsureCreated()` (Ivailo02/DentalClinic: a
snapshot of the Identity tables only), are in the code alone. The database the code
builds has them, so an auditor must see them: tables and columns of shared tables the
code has and the snapshot has not are read from the code, each with a warning at its
place. Where both have a table, the snapshot's facts win (exact names and column types).

A table or column the snapshot has and the code no longer has is kept: the database
still holds it until a migration drops it.
"""

from __future__ import annotations

from dataclasses import replace

from cnsnt.evidence import SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.sources.schemas.common import ModelTable

#: The fixes of the warnings: what was read is audited, so the general "what cannot be
#: read is not audited" would be false; the gap is the migration.
MISSING_COLUMN_FIX = (
    "add a migration for it (`dotnet ef migrations add <Name>`), so the snapshot and the database "
    "have it, or accept the drift with a CN001 waiver; the column is read from the code and audited"
)
MISSING_TABLE_FIX = (
    "add a migration for it (`dotnet ef migrations add <Name>`), or, if `EnsureCreated()` makes it, "
    "accept this with a CN001 waiver; the table is read from the code and audited"
)


def table_key(table: ModelTable) -> str:
    """`schema.name`, case-folded (SQL Server's and SQLite's names are case-insensitive)."""
    return f"{table.schema or ''}.{table.name}".casefold()


def union(
    snapshot: list[ModelTable], code: list[ModelTable], context: str
) -> tuple[list[ModelTable], list[SourceProblem]]:
    """The code's tables the snapshot lacks, and a warning for each; columns it lacks go into its tables.

    `snapshot` holds the tables of the context's snapshots; a column is added to the first
    of them that has its table.
    """
    shared: dict[str, list[ModelTable]] = {}
    for table in snapshot:
        shared.setdefault(table_key(table), []).append(table)
    added: list[ModelTable] = []
    problems: list[SourceProblem] = []
    for table in code:
        mine = shared.get(table_key(table))
        if mine is None:
            shared[table_key(table)] = [table]
            added.append(table)
            what = f"`{_shown(table)}`"
            problems.append(_missing(what, "table", context, table.path, table.line, table.column))
            continue
        mine[0].classes.extend(table.classes)  # `@model Patient` finds the table by the code's class too
        known = {c.name.casefold() for t in mine for c in t.columns}
        for column in table.columns:
            if column.name.casefold() in known:
                continue
            known.add(column.name.casefold())
            path = column.path or table.path
            mine[0].columns.append(replace(column, path=path))
            what = f"`{_shown(table)}.{column.name}`"
            problems.append(_missing(what, "column", context, path, column.line, column.column))
    return added, problems


def _shown(table: ModelTable) -> str:
    return f"{table.schema}.{table.name}" if table.schema else table.name


def _missing(what: str, kind: str, context: str, path: str, line: int, column: int) -> SourceProblem:
    return SourceProblem(
        f"{what} is in `{context}` but not in its model snapshot: a migration may be missing"
        f"{' or the table is made by EnsureCreated' if kind == 'table' else ''}; read from the code",
        Location(path, line, column),
        path,
        severity=Severity.WARNING,
        fix=MISSING_TABLE_FIX if kind == "table" else MISSING_COLUMN_FIX,
    )
