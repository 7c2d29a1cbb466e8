"""What the upgrade patches of a full schema add that the schema lacks, named in init's note.

Upgrade patches are left out because the full schema beside them holds their end state
(osTicket's `install-mysql.sql`, paheko's `migrations/1.3/schema.sql`). A patch may add a
column that schema lacks: dropped since, or the schema is older than the patch, or the
table is made elsewhere (paheko's `users`, created at run time). Left out without a word,
that column was never read (`ALTER TABLE members ADD COLUMN birth_date`), so the note
names each, for the user to check.

The patches are replayed in the order they run (`patch_order`) by the migrations
replayer (`cnsnt.sql.migrations`), which parses them and applies every ADD, DROP,
CHANGE and RENAME; what that end state holds and the full schema lacks is named. A column dropped
and added back is there; one only restated by MySQL's `CHANGE x x DATE` is too; a `/*`
inside a string is text, not a comment.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.sources.base import Limits, read_text
from cnsnt.sql.ddl_result import DDLTable
from cnsnt.sql.migrations import MigrationFile, replay_migrations
from cnsnt.starter.listing import first_few
from cnsnt.starter.patch_order import upgrade_order

#: Patches larger than this are not replayed: what the DDL reader found they add is named
#: as it is, whatever the other patches do to it.
_TEXT_LIMIT = 1024 * 1024


def patch_dialect(full: str | None, patches: Iterable[str | None]) -> str | None:
    """The dialect to replay patches in: the full schema's, else the one most patches were read in.

    The patches upgrade the database the full schema describes; a patch holding only an
    ALTER or an UPDATE says little about its dialect alone.
    """
    if full is not None:
        return full
    counted = Counter(d for d in patches if d is not None).most_common(1)
    return counted[0][0] if counted else None


def _text(path: Path) -> str | None:
    """A patch's text, None when it is unreadable or larger than `_TEXT_LIMIT`."""
    try:
        return read_text(path, path.name, limits=Limits(file_bytes=_TEXT_LIMIT))
    except (OSError, SourceError):
        return None


def added_gaps(
    full: tuple[DDLTable, ...],
    patches: Iterable[tuple[Path, tuple[DDLTable, ...]]],
    dialect: str | None = None,
) -> list[tuple[str, Path]]:
    """(`table.column` or `table`, patch) for each column or table the patches leave that `full` lacks.

    `patches`: every left-out patch with its tables as the DDL reader read it alone (used
    for a patch too large to replay). `dialect`: the one to replay them in (`patch_dialect`).

    A column of a table the full schema has, a table it does not create, or a column
    added to a table no patch creates (`users.otp_recovery_codes`, when `users` is made at
    run time). What the patches remove before the end (a TEMP table, a table or column
    dropped or renamed away) is history, not named; a table renamed is named by its new
    name. Each is named with the patch that gave it its name (the ADD, the CREATE, the
    RENAME), as the replay places it.
    """
    columns: dict[str, set[str]] = {}
    for made in full:
        if not made.altered_only:
            columns.setdefault(made.name.casefold(), set()).update(c.name.casefold() for c in made.columns)
    replayed: list[Path] = []
    texts: list[MigrationFile] = []
    alone: list[tuple[Path, tuple[DDLTable, ...]]] = []
    tables_of = dict(patches)
    for path in upgrade_order(tables_of):
        text = _text(path)
        if text is None:
            alone.append((path, tables_of[path]))
        else:
            replayed.append(path)
            texts.append(MigrationFile(path.name, text))
    found: dict[str, Path] = {}
    for table in replay_migrations(texts, dialect).tables if texts else ():
        if not table.is_view and not table.temporary:  # a TEMP table is gone with its session
            places = [(c.name, replayed[c.where.file]) for c in table.columns]
            _lacked(found, columns, table.name, table.altered_only, replayed[table.where.file], places)
    for path, tables in alone:
        for ddl in (t for t in tables if not t.is_view):
            _lacked(found, columns, ddl.name, ddl.altered_only, path, [(c.name, path) for c in ddl.columns])
    return sorted(found.items(), key=lambda item: item[0].casefold())


def _lacked(
    found: dict[str, Path],
    full: dict[str, set[str]],
    table: str,
    altered_only: bool,
    place: Path,
    columns: list[tuple[str, Path]],
) -> None:
    """Add a table `full` does not create, or its columns `full` lacks, each with its patch.

    A view stores nothing of its own and is never passed here. A table only altered (made
    at run time) is named by its columns, as a table `full` has.
    """
    held = full.get(table.casefold())
    if held is None and not altered_only:
        found.setdefault(table, place)
        return
    for name, where in columns:
        if held is None or name.casefold() not in held:
            found.setdefault(f"{table}.{name}", where)


def lacks_most(
    full: Iterable[DDLTable], patches: Iterable[DDLTable], tables: Iterable[str] | None = None
) -> bool:
    """Whether `full` lacks most of the columns the patches add to its tables: it is older than they are.

    The columns counted are those an `ALTER TABLE ... ADD` gives a table `full` creates
    (of `tables` only, when given, case-folded). A schema that holds them is the patches'
    end state, and they are its history; one that lacks more than half is a baseline the
    patches bring forward, and leaving them out would lose those columns. The one test
    `cnsnt init` uses for a versioned patch folder (GovPay's `patch/3.1.2.sql`) and for
    upgrade patches beside a full schema (review35 R35b D1: a Supabase `schema.sql` that
    lacked 34 of the 36 columns its patch files add).
    """
    whole = [t for t in full if not t.altered_only]
    names = {t.name.casefold() for t in whole}
    if tables is not None:
        names &= set(tables)
    held = {(t.name.casefold(), c.name.casefold()) for t in whole for c in t.columns}
    added = [
        (t.name.casefold(), c.name.casefold())
        for t in patches
        if t.altered_only and t.name.casefold() in names
        for c in t.columns
    ]
    return 2 * sum(1 for a in added if a in held) < len(added)


def brought_forward(
    full: tuple[DDLTable, ...],
    patched: list[tuple[Path, tuple[DDLTable, ...]]],
    gaps: list[tuple[str, Path]],
    proposable: set[Path],
) -> list[Path]:
    """The patches to read beside `full` when it is older than they are (`lacks_most`), else none.

    Those that add what it lacks (each patch a gap is named with), of the `proposable`
    ones (schema files; a data fix or a migrations folder stays left out). Left out, their
    columns were read by nothing, and a later `init --update` never read the patches
    written since either (review35 R35b D1).
    """
    if not gaps or not lacks_most(full, [t for _, tables in patched for t in tables]):
        return []
    named = {path for _, path in gaps}
    return [path for path, _ in patched if path in named and path in proposable]


def gaps_sentence(gaps: list[tuple[str, Path]], full: Path, root: Path) -> str:
    """The end of an upgrade-patches note that names what they add and `full` lacks."""
    shown = first_few([f"{name} ({path.relative_to(root).as_posix()})" for name, path in gaps], 5)
    columns = sum(1 for name, _ in gaps if "." in name)
    tables = len(gaps) - columns
    what = " and ".join(
        f"{n} {word}{'s' if n != 1 else ''}" for n, word in ((columns, "column"), (tables, "table")) if n
    )
    return (
        f"; they add {what} {full.relative_to(root).as_posix()} lacks, not read: {shown}; "
        "check each: dropped since, made elsewhere (at run time), or the schema is older than the patch "
        "(then add the patch under sources:)"
    )
