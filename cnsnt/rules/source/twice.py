"""Tables that two schema files define: a stale copy read beside the schema in use.

tugabinete's policy read `backend/prisma/schema.prisma` and `backup-gallery/schema.prisma`,
an old copy of 17 of its 18 models: every model was counted twice and a column only the
copy has was audited as stored, with nothing to say so. Both files' findings stay (either
may be the one in use); one CN001 warning per pair of files names the tables they share.
Live databases are left out: a `--db` beside the schema file it was built from is the
same table on purpose.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from cnsnt.evidence import DEFAULT_SCHEMAS, Table
from cnsnt.model import Location

#: How many shared tables a warning names before "and N more".
_SHOWN = 5

TWICE_FIX = (
    "keep under sources: the file the database is built from and leave the other out "
    "(an old copy, a backup, the same schema for another database); if both are in use, "
    "accept this with a CN001 waiver"
)


@dataclass(frozen=True)
class Twice:
    """A file whose tables an earlier file defines too."""

    message: str
    location: Location


def _same_key(table: Table) -> str:
    """The table's name, case-folded, with its schema unless that is a database's default one.

    An H2 dump's `"PUBLIC"."MEMBER"` is the `Member` an entity maps (review33 R33b D2), as
    `cnsnt init` compares them: a default schema does not make two tables different.
    """
    schema = table.schema.casefold() if table.schema else None
    return (table.name if schema is None or schema in DEFAULT_SCHEMAS else table.key).casefold()


def defined_twice(tables: list[Table]) -> Iterator[Twice]:
    """One warning per (later file, earlier file) that define tables of the same name.

    A table a file only alters (an upgrade patch read beside the schema that creates it)
    is defined there only when it adds a column the creating file has already.
    """
    first: dict[str, Table] = {}
    shared: dict[tuple[str, str], list[Table]] = {}
    created: dict[str, set[str]] = {}
    for table in tables:
        if not table.altered_only:
            created.setdefault(_same_key(table), set()).update(c.name.casefold() for c in table.columns)
    for table in tables:
        path = table.location.path
        if path is None:
            continue  # a live database's table
        key = _same_key(table)
        if table.altered_only and not created.get(key, set()) & {c.name.casefold() for c in table.columns}:
            continue  # it adds what no file creates: read beside that file on purpose
        earlier = first.setdefault(key, table)
        if earlier.location.path not in (None, path):
            shared.setdefault((path, earlier.location.path or ""), []).append(table)
    for (path, other), mine in shared.items():
        names = [t.key for t in mine]
        shown = ", ".join(f"'{n}'" for n in names[:_SHOWN])
        more = f" and {len(names) - _SHOWN} more" if len(names) > _SHOWN else ""
        n = len(names)
        yield Twice(
            f"{n} table{'s' if n != 1 else ''} of {path} {'are' if n != 1 else 'is'} also defined in "
            f"{other} ({shown}{more}): {'their' if n != 1 else 'its'} columns are counted twice, and a "
            "column only one file has is audited as stored",
            mine[0].location,
        )
