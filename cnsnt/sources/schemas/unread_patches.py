"""SQL files beside the audited schema that add columns to its tables and are read by no source.

A policy `cnsnt init` wrote a year ago reads `supabase/schema.sql`; since then 16 patch
files in `supabase/migrations/` added 34 columns to its tables with `ALTER TABLE ... ADD
COLUMN` (a consent timestamp, a national id, children's health notes). No `sources:`
entry named them, so the audit read none of those columns and said nothing (review35
R35b D1). The audit now looks at the `.sql` files in and below the folders of the SQL
schema files it reads, replays those no schema entry reads (in name order), and names
each file that adds a column (or, beside such a column, a table) that no audited source
has: a CN001 warning, the file's columns not read.

Only columns added to a table an audited source has count: a file that creates the
table itself (an old copy or an older version of the schema, which init leaves out on
purpose) is the table's own history, and a table no audited source has is someone
else's unless a file that adds to the audited tables makes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.evidence import SourceProblem, Table
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import Limits, SourceContext, expand, line_col, read_text
from cnsnt.sources.schemas.migration_order import natural_key
from cnsnt.sql.ddl import UnknownDialectError
from cnsnt.sql.migrations import MigrationFile, ReplayTable, replay_migrations

#: Larger files are not read here: a patch is small, a dump that large creates its tables.
_TEXT_LIMIT = 1024 * 1024
#: How many of a file's columns its warning names before "and N more".
_SHOWN = 5

FIX = (
    "add the file under sources: schemas: beside the schema it adds to (cnsnt init --update "
    "--sources does when that schema lacks most of what its patches add); if the columns were "
    "dropped since or are made elsewhere, accept this with a CN001 waiver"
)


def _sql_folders(schema_files: Iterable[tuple[Path, SourceSpec]]) -> list[Path]:
    """The folders of the SQL schema files read, none below another of them."""
    sql = {p.parent for p, _ in schema_files if p.suffix.lower() == ".sql"}
    folders = sorted(sql, key=lambda f: (len(f.parts), f.as_posix()))
    kept: list[Path] = []
    for folder in folders:
        if not any(folder.is_relative_to(k) for k in kept):
            kept.append(folder)
    return kept


def _candidates(folders: list[Path], read: set[Path], ctx: SourceContext) -> list[tuple[Path, str]]:
    """(file, text) of the `.sql` files below `folders` no schema entry reads that alter a table."""
    out: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for folder in folders:
        pattern = (folder / "**" / "*.sql").as_posix()
        where = Location(ctx.shown(folder))
        spec = SourceSpec(kind="schemas", pattern=pattern, base_dir=ctx.base_dir, location=where)
        for path in expand(spec, ctx)[0]:
            real = path.resolve()
            if real in read or real in seen:
                continue
            seen.add(real)
            try:
                text = read_text(path, ctx.shown(path), limits=Limits(file_bytes=_TEXT_LIMIT))
            except (OSError, SourceError):
                continue  # not a source: what cannot be read here is no one's patch
            folded = text.casefold()
            if "alter" in folded and "add" in folded:  # no ALTER ... ADD: nothing to add
                out.append((path, text))
    return sorted(out, key=lambda pt: natural_key(ctx.shown(pt[0])))


def unread_patches(
    schema_files: Sequence[tuple[Path, SourceSpec]], tables: Sequence[Table], ctx: SourceContext
) -> list[SourceProblem]:
    """A CN001 warning per unread SQL file that adds columns to the audited tables."""
    folders = _sql_folders(schema_files)
    if not folders:
        return []
    read = {p.resolve() for p, _ in schema_files}
    files = _candidates(folders, read, ctx)
    if not files:
        return []
    dialects = {s.dialect for p, s in schema_files if p.suffix.lower() == ".sql" and s.dialect}
    dialect = ctx.dialect or (min(dialects) if len(dialects) == 1 else None)
    try:
        replayed = replay_migrations([MigrationFile(ctx.shown(p), t) for p, t in files], dialect).tables
    except UnknownDialectError:
        return []  # the schema entry's own reading says so
    held: dict[str, set[str]] = {}
    for audited in tables:
        if not audited.is_view:
            held.setdefault(audited.name.casefold(), set()).update(c.name.casefold() for c in audited.columns)
    lacked: dict[int, list[tuple[str, int]]] = {}  # file -> (name, offset) of what no audited source has
    patches: set[int] = set()
    for table in replayed:
        known = held.get(table.name.casefold())
        if known is None or not table.altered_only or table.is_view or table.temporary:
            continue
        for column in table.columns:
            patches.add(column.where.file)
            if column.name.casefold() not in known:
                named = (f"{table.name}.{column.name}", column.where.offset)
                lacked.setdefault(column.where.file, []).append(named)
    for made in _new_tables(replayed, held, patches):
        lacked.setdefault(made.where.file, []).append((made.name, made.where.offset))
    return [_problem(files[index], named, ctx) for index, named in sorted(lacked.items())]


def _new_tables(
    replayed: Sequence[ReplayTable], held: dict[str, set[str]], patches: set[int]
) -> list[ReplayTable]:
    """Tables no audited source has, made by a file that adds to the audited tables."""
    return [
        t
        for t in replayed
        if t.name.casefold() not in held
        and not (t.altered_only or t.is_view or t.temporary)
        and t.where.file in patches
    ]


def _problem(file: tuple[Path, str], named: list[tuple[str, int]], ctx: SourceContext) -> SourceProblem:
    """The warning on one file: what it adds that no audited source has, first place first."""
    path, text = file
    shown = ctx.shown(path)
    named = sorted(named, key=lambda n: n[1])
    columns = sum(1 for name, _ in named if "." in name)
    tables = len(named) - columns
    what = " and ".join(
        f"{n} {word}{'s' if n != 1 else ''}" for n, word in ((columns, "column"), (tables, "table")) if n
    )
    names = [name for name, _ in named]
    listed = ", ".join(names[:_SHOWN]) + (f" and {len(names) - _SHOWN} more" if len(names) > _SHOWN else "")
    line, column = line_col(text, named[0][1])
    return SourceProblem(
        f"{shown} adds {what} that no audited source has ({listed}), and no sources: entry reads it "
        "as a schema: not read",
        Location(shown, line, column),
        shown,
        severity=Severity.WARNING,
        fix=FIX,
    )
