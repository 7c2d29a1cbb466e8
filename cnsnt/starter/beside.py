"""The third list of a review pass: the columns beside personal ones (`--beside-personal`).

After a reviewer works through both low-confidence lists, most of the classifier's misses
left are "not personal" at medium or high confidence, and most of those sit in a table
where another column is personal. On the tune half of the labelled set (273 projects),
2,064 of the 2,744 misses at medium or high confidence were in such a table (19,959 rows,
10% personal), 680 elsewhere (12,061 rows, 6%); reviewers found them only by running
`explain-column 'TABLE.*'` by hand, a table at a time.

A table counts when the policy declares one of its columns under a data entry (any line
of `data:`, init's `unsure, check` ones too: the classifier called that column personal);
without a policy (`explain-column` before `init`), when the classifier calls one of its
columns personal. A form counts when the policy declares one of its fields; without a
policy every form does, as every field a person fills in is personal to cnsnt.
"""

from __future__ import annotations

from collections.abc import Iterable

from cnsnt.evidence import Column, Evidence, FormField
from cnsnt.matching import PolicyIndex


def table_of(column: Column) -> str:
    """The key of the column's table, case-folded (`crm.customers`): names match in any case."""
    return (f"{column.schema}.{column.table}" if column.schema else column.table).casefold()


def form_of(field: FormField) -> str:
    """The field's form, case-folded."""
    return field.form.casefold()


def personal_tables(evidence: Evidence, index: PolicyIndex | None) -> frozenset[str]:
    """The tables (`table_of`) with a column a data entry declares; with no policy, one cnsnt calls personal.

    One look-up per column (`PolicyIndex` keeps the literal patterns in a dict), so the
    cost grows with the columns, not with columns times tables. `evidence` is classified.
    """
    out: set[str] = set()
    for column in evidence.columns:
        table = table_of(column)
        if table in out:
            continue
        if index is None:
            verdict = evidence.classified.get(column.key)
            if verdict is not None and verdict.personal:
                out.add(table)
        elif index.data_for_column(column.key):
            out.add(table)
    return frozenset(out)


def personal_forms(fields: Iterable[FormField], index: PolicyIndex | None) -> frozenset[str]:
    """The forms (`form_of`) with a field a data entry declares; with no policy, every form of `fields`."""
    out: set[str] = set()
    for field in fields:
        form = form_of(field)
        if form not in out and (index is None or index.data_for_field(field)):
            out.add(form)
    return frozenset(out)
