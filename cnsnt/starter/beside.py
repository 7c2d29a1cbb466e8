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

A table of a person's picks counts too (`picking_tables`): a row that links a person's row
to a fact and holds nothing else (`user_conditions(user_id, condition_id)`,
`expedientes_necesidades(expediente_id, necesidad_id)`). Nothing in it is declared and its
keys are high-confidence "not personal", so no list showed it, though the key it holds is the
fact (a chronic condition, a need), as docs/judging.md labels it (trial L: flaredown's
`user_conditions.condition_id`, Art. 9).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from cnsnt.classify import TableReading
from cnsnt.classify.classifier import _WHY, CHANGED_ROW
from cnsnt.evidence import Classification, Column, Evidence, FormField, Table
from cnsnt.matching import PolicyIndex
from cnsnt.model import Confidence
from cnsnt.starter.key_columns import key_columns

#: Names of a row's own id when no primary key is declared (`id`, `_id`, `uuid`).
_OWN_IDS = frozenset({"id", "uuid", "guid", "ulid"})
#: How the classifier says a column records when or by whom the row was made or changed.
_BOOKKEEPING = (f" is {_WHY['timestamp']} (", f" {CHANGED_ROW}")


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


def third_list_tables(evidence: Evidence, reading: TableReading, index: PolicyIndex | None) -> frozenset[str]:
    """The tables whose columns the third list keeps: `personal_tables`, and the tables of a person's picks.

    `evidence` is classified; `reading` is `evidence.tables` read together (`read_tables`).
    """
    around = personal_tables(evidence, index)
    return around | picking_tables(reading, evidence.classified, around)


def picking_tables(
    reading: TableReading, classified: Mapping[str, Classification], around: frozenset[str]
) -> frozenset[str]:
    """The tables outside `around` whose rows link a row of a table of `around` to another key.

    Such a row holds two keys at least (declared, implied by a name, or a name cnsnt calls a
    key), one of them to a table of `around`, and besides its own id nothing but when and by
    whom it was made or changed: a join table, whose key beside the person's is what it says
    of them. A table with any other column is left out (a visit's room, a note): a column of
    it that is personal is declared or asked about by the other lists.
    """
    keys = key_columns(reading, classified)
    out: set[str] = set()
    for table in reading.tables:
        name = table.key.casefold()
        if name not in around and _picks(table, reading, classified, keys, around):
            out.add(name)
    return frozenset(out)


def _picks(
    table: Table,
    reading: TableReading,
    classified: Mapping[str, Classification],
    keys: frozenset[str],
    around: frozenset[str],
) -> bool:
    """Whether `table` is a join table with a key to a table of `around` (`picking_tables`).

    A key that says who made the row (`created_by`) links no one the row is about.
    """
    made_by = {c.name.casefold() for c in table.columns if _bookkeeping(classified.get(c.key))}
    linked = False
    for key in table.foreign_keys:
        if {name.casefold() for name in key.columns} & made_by:
            continue
        target = reading.target(table, key)
        linked = linked or (target is not None and target.key.casefold() in around)
    if not linked:
        return False
    in_keys = {name.casefold() for key in table.foreign_keys for name in key.columns}
    own = _own_id(table)
    picked = 0
    for column in table.columns:
        verdict = classified.get(column.key)
        if verdict is None or verdict.personal:
            return False
        folded = column.name.casefold()
        if folded == own or _bookkeeping(verdict):
            continue
        if folded not in in_keys and column.key.casefold() not in keys:
            return False
        picked += 1
    return picked >= 2


def _own_id(table: Table) -> str | None:
    """The row's own id, case-folded: its one-column primary key, else a column named `id` (`_id`, `uuid`).

    A primary key of two columns (`member_id, fault_id`) is the pair of keys the row links.
    """
    primary = [column.name.casefold() for column in table.columns if column.primary_key]
    if primary:
        return primary[0] if len(primary) == 1 else None
    return next((c.name.casefold() for c in table.columns if c.name.casefold().strip("_") in _OWN_IDS), None)


def _bookkeeping(verdict: Classification | None) -> bool:
    """Whether cnsnt reads the column, surely, as when or by whom the row was made or changed."""
    return (
        verdict is not None
        and verdict.confidence is Confidence.HIGH
        and any(words in verdict.reason for words in _BOOKKEEPING)
    )
