"""Copies of one table from several sources, read as one table (review37 D3).

A live database read beside the dump it was loaded from, or two schema files of the same
tables, give each table twice. Read as two tables, the second copy changed verdicts: a
key the name implies (`contacts.townid` beside `towns`) fits two tables `towns`, so it
pointed at none, and the member's town became "an identifier or key". The classifier
reads one table per `Table.same_key` instead: the last copy that creates the table (not
an `ALTER`-only patch; a later `CREATE OR REPLACE VIEW` replaces an earlier one), with
the columns and keys only the other copies have added after its own. The other copies'
columns get the verdicts of the columns they were read as (`aliases`), so every column
any source gave still has one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from cnsnt.evidence import Table


def merged_copies(tables: Sequence[Table]) -> tuple[list[Table], dict[str, str], dict[str, str]]:
    """(One table per same key, in the order the first copies come; the column aliases; the table aliases).

    The column aliases map the key of each column of another copy to the key of the
    column it was read as, where the two differ (`dbo.users.email` -> `users.email`); the
    table aliases map another copy's `Table.key` to the key of the table read, where they
    differ.
    """
    groups: dict[str, list[Table]] = {}
    for table in tables:
        groups.setdefault(table.same_key, []).append(table)
    if all(len(copies) == 1 for copies in groups.values()):
        return list(tables), {}, {}
    out: list[Table] = []
    column_aliases: dict[str, str] = {}
    table_aliases: dict[str, str] = {}
    for copies in groups.values():
        if len(copies) == 1:
            out.append(copies[0])
            continue
        # the definition read last, as a later patch's `CREATE OR REPLACE VIEW` replaces an
        # earlier one (review35 R35b D7); not an ALTER-only patch's, which adds to it
        main = next((t for t in reversed(copies) if not t.altered_only), copies[-1])
        columns = {c.name.casefold(): c for c in main.columns}
        keys = list(main.foreign_keys)
        for copy in copies:
            if copy is main:
                continue
            if copy.key != main.key:
                table_aliases.setdefault(copy.key, main.key)
            added = set[str]()
            for column in copy.columns:
                name = column.name.casefold()
                if name not in columns:
                    columns[name] = replace(column, table=main.name, schema=main.schema)
                    added.add(name)
                if column.key != columns[name].key:
                    column_aliases.setdefault(column.key, columns[name].key)
            # a key of columns only this copy has: what the copy read lacks, nothing it has
            keys.extend(k for k in copy.foreign_keys if {c.casefold() for c in k.columns} <= added)
        out.append(replace(main, columns=tuple(columns.values()), foreign_keys=tuple(keys)))
    return out, column_aliases, table_aliases
