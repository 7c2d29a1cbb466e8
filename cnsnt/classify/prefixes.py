"""Each table's column prefixes, worked out once per classification.

A first word most of a table's columns share (`plg` in `plg_FamID`, `implied.column_prefix`)
and the letters glued before its column names (`c` in `ctckn`, `glued.glued_prefixes`) depend
on the column names alone, yet the implied keys, the table survey, the table's context and
the column verdicts each asked for them: four readings of every table's columns for the one,
two for the other. `read_tables` makes one `TablePrefixes` and hands it to each.
"""

from __future__ import annotations

from cnsnt.classify.glued import glued_prefixes
from cnsnt.classify.implied import column_prefix
from cnsnt.evidence import Column, Table


class TablePrefixes:
    """The prefixes of the tables of one classification, each computed the first time it is asked for.

    Kept by the table's tuple of columns, which a table keeps when its implied keys are added
    (`dataclasses.replace` of its keys alone), so both copies are one table here. The tuple is
    kept too: while it lives no other tuple can take its `id`.
    """

    def __init__(self) -> None:
        self._shared: dict[int, tuple[tuple[Column, ...], str | None]] = {}
        self._glued: dict[tuple[int, tuple[str, ...] | None], tuple[tuple[Column, ...], tuple[str, ...]]] = {}

    def shared(self, table: Table) -> str | None:
        """`implied.column_prefix` of the table: the first word most of its columns start with, or None."""
        known = self._shared.get(id(table.columns))
        if known is None:
            known = self._shared[id(table.columns)] = (table.columns, column_prefix(table))
        return known[1]

    def glued(self, table: Table, languages: tuple[str, ...] | None) -> tuple[str, ...]:
        """`glued.glued_prefixes` of the table: the letters glued before its column names, longest first."""
        key = (id(table.columns), languages)
        known = self._glued.get(key)
        if known is None:
            known = self._glued[key] = (table.columns, glued_prefixes(table, languages, self.shared))
        return known[1]


__all__ = ["TablePrefixes"]
