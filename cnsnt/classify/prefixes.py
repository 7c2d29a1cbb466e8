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
from cnsnt.evidence import Table


class TablePrefixes:
    """The prefixes of the tables of one classification, each computed the first time it is asked for.

    Kept by what they are computed from (the column names, their primary-key flags and the
    languages), not by table: a table with its implied keys added is the same table here.
    """

    def __init__(self) -> None:
        self._shared: dict[tuple[str, ...], str | None] = {}
        self._glued: dict[tuple[tuple[tuple[str, bool], ...], tuple[str, ...] | None], tuple[str, ...]] = {}

    def shared(self, table: Table) -> str | None:
        """`implied.column_prefix` of the table: the first word most of its columns start with, or None."""
        names = tuple(c.name for c in table.columns)
        if names not in self._shared:
            self._shared[names] = column_prefix(table)
        return self._shared[names]

    def glued(self, table: Table, languages: tuple[str, ...] | None) -> tuple[str, ...]:
        """`glued.glued_prefixes` of the table: the letters glued before its column names, longest first."""
        key = (tuple((c.name, c.primary_key) for c in table.columns), languages)
        if key not in self._glued:
            self._glued[key] = glued_prefixes(table, languages, self.shared)
        return self._glued[key]


__all__ = ["TablePrefixes"]
