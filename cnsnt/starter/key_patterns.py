"""`init --update --reviewed --key-patterns`: a table's keys answered `false` on one line of `ignore:`.

The third list (`explain-column --beside-personal`) is mostly keys (`Id`, `IdEducatore`,
`member_id`), which a reviewer leaves `false`, and each went under `ignore:` as an item of
its own, on a line of its own: a trial's `ignore:` grew from 33 to 67 lines (fix31a).

Asked for, a table's keys a list leaves `false` as they are (two at least) are written on
one line, `bookings.id, bookings.member_id, bookings.room_id,  # ...`, with one comment
naming their rows. The items are the ones each row writes without the option: the option
changes the layout of `ignore:`, never what it names. fix31a wrote one pattern instead
(`bookings.*id`), which `ignore:` reads with a `*` that crosses dots and a table part that
names the table in any schema: it silenced a `payer_national_id` or a `paid` added to the
table later, and a `billing.bookings.payer_tax_id`, which nobody judged and CN101 never
asked about again (codereview31 F1). Listed exactly, a column added later is asked about.

Only keys (`key_columns`) are merged, and only rows applied as they are (no note, no line
moved off a data entry): their comments have nothing the shared one would lose.
"""

from __future__ import annotations

from collections.abc import Sequence

from cnsnt.classify import TableReading
from cnsnt.evidence import Column, Evidence
from cnsnt.starter.key_columns import key_columns
from cnsnt.starter.review_marks import KeyLine, Marked
from cnsnt.starter.reviewed import row_order

#: A table's keys are merged from this many items: one is written as it is.
MERGED_FROM = 2


def key_lines(
    not_personal: Sequence[Marked], evidence: Evidence, reading: TableReading
) -> tuple[KeyLine, ...]:
    """The tables whose keys this run's `false` items put on one line each, in the list's order.

    `not_personal`: what the run puts under `ignore:` (`Undeclared.not_personal`);
    `evidence`: classified.
    """
    keys = key_columns(reading, evidence.classified)
    columns: dict[str, Column] = {}
    for column in evidence.columns:
        columns.setdefault(column.key.casefold(), column)
    plain: dict[str, list[Marked]] = {}  # a table (case-folded) -> its keys' rows applied as they are
    for marked in not_personal:
        folded = marked.key.casefold()
        held = columns.get(folded)
        if held is None or folded not in keys or marked.pattern or marked.field or marked.entries:
            continue
        if marked.was or marked.follows or marked.review.note is not None:
            continue
        plain.setdefault(_table(held).casefold(), []).append(marked)
    out: list[KeyLine] = []
    for rows in plain.values():
        if len(rows) < MERGED_FROM:
            continue
        merged = sorted(rows, key=_row)
        table = _table(columns[merged[0].key.casefold()])
        out.append(KeyLine(table, tuple(m.key for m in merged), tuple(m.review.where for m in merged)))
    return tuple(sorted(out, key=lambda line: row_order(line.rows[0])))


def _row(marked: Marked) -> tuple[int, int]:
    """Where the row that marked it is in the list, for the list's order."""
    return row_order(marked.review.where)


def _table(column: Column) -> str:
    """The column's table as a key names it: `crm.customers`, `bookings`."""
    return f"{column.schema}.{column.table}" if column.schema else column.table
