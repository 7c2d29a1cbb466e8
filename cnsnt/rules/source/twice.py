"""Tables that two sources define: a stale copy read beside the schema in use, or a database and its dump.

tugabinete's policy read `backend/prisma/schema.prisma` and `backup-gallery/schema.prisma`,
an old copy of 17 of its 18 models: every model was counted twice and a column only the
copy has was audited as stored, with nothing to say so. Both files' findings stay (either
may be the one in use); one CN001 warning per pair of sources names the tables they share.
A live database counts as a source like a file (review37 D3: `init --db` beside the
dump the database was loaded from read all 42 tables twice, with no word): the
classifier reads one copy of each table (`cnsnt.classify.copies`), so the second copy
changes no verdict, but the record of processing names one database once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from cnsnt.evidence import Table
from cnsnt.model import Location

#: How many shared tables a warning names before "and N more".
_SHOWN = 5

TWICE_FIX = (
    "keep under sources: the file the database is built from, or the live database, and "
    "leave the other out (an old copy, a backup, the dump a database was loaded from, the "
    "same schema for another database); if both are in use, accept this with a CN001 waiver"
)


@dataclass(frozen=True)
class Twice:
    """A file whose tables an earlier file defines too."""

    message: str
    location: Location


def defined_twice(tables: list[Table]) -> Iterator[Twice]:
    """One warning per (later source, earlier source) that define tables of the same name.

    A source is a file or a live database. A table a file only alters (an upgrade patch
    read beside the schema that creates it) is defined there only when it adds a column
    the creating file has already.
    """
    first: dict[str, Table] = {}
    shared: dict[tuple[str, str], list[Table]] = {}
    created: dict[str, set[str]] = {}
    for table in tables:
        if not table.altered_only:
            created.setdefault(table.same_key, set()).update(c.name.casefold() for c in table.columns)
    for table in tables:
        source = _source(table)
        key = table.same_key
        if table.altered_only and not created.get(key, set()) & {c.name.casefold() for c in table.columns}:
            continue  # it adds what no file creates: read beside that file on purpose
        earlier = first.setdefault(key, table)
        if _source(earlier) != source:
            shared.setdefault((source, _source(earlier)), []).append(table)
    for (source, other), mine in shared.items():
        names = [t.key for t in mine]
        shown = ", ".join(f"'{n}'" for n in names[:_SHOWN])
        more = f" and {len(names) - _SHOWN} more" if len(names) > _SHOWN else ""
        n = len(names)
        yield Twice(
            f"{n} table{'s' if n != 1 else ''} of {source} {'are' if n != 1 else 'is'} also defined in "
            f"{other} ({shown}{more}): {'their' if n != 1 else 'its'} columns are counted twice, and a "
            "column only one source has is audited as stored; each column's verdict is read from "
            "one copy, the one read last",
            mine[0].location,
        )


def _source(table: Table) -> str:
    """The file (as shown) or the live database (its URL, password hidden) a table was read from."""
    return table.location.path or table.location.database or table.source
