"""`init --update --reviewed --key-patterns`: a table's keys answered `false` as one `ignore:` pattern.

The third list (`explain-column --beside-personal`) is mostly keys (`Id`, `IdEducatore`,
`member_id`), which a reviewer leaves `false`, and each went under `ignore:` as an item of
its own: a trial's `ignore:` grew from 33 to 67 items, one per key (fix31a). docs/init.md
told the reviewer to write one pattern row per table instead (`convocazione.Id*,false`),
after checking it names no identifier of a person.

Asked for, that pattern is written for them: when every column cnsnt reads as a key of a
table (`key_columns`) is under `ignore:` once the list is applied, and a pattern of that
table, `TABLE.PREFIX*`, `TABLE.*SUFFIX` (both, when the keys share them) or `TABLE.*`,
names every key and nothing else but what `ignore:` names after the run: no column the
policy declares, the reviewer marked `true`, or nobody judged (a row whose cell was emptied
stays on the `--undecided` list). The most specific such pattern wins. Only rows applied as
they are (no note, no line moved off a data entry) are merged: their comments have nothing
a pattern's would lose. A table named like a form is left as it is: `ignore:` silences a
form's fields by the same pattern (`cnsnt.starter.alike`).

Not the default: the pattern also names a column added to the table later (`*id` names a
future `tax_id`), which the reviewer, answering row by row, never judged.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from cnsnt.classify import TableReading
from cnsnt.evidence import Column, Evidence
from cnsnt.matching import AliasIndex, ColumnParts, PolicyIndex, column_matches, escape
from cnsnt.policy.model import Policy
from cnsnt.starter.key_columns import key_columns
from cnsnt.starter.review_marks import KeyPattern, Marked
from cnsnt.starter.reviewed import row_order

#: A table's keys are merged from this many items: one is written as it is.
MERGED_FROM = 2


def key_patterns(
    not_personal: Sequence[Marked],
    evidence: Evidence,
    reading: TableReading,
    policy: Policy,
    *,
    declared: Collection[str] = (),
    marked_personal: Collection[str] = (),
) -> tuple[KeyPattern, ...]:
    """The tables whose keys this run's `false` items can be written as one pattern, in the list's order.

    `not_personal`: what the run puts under `ignore:` (`Undeclared.not_personal`);
    `evidence`: classified; `policy`: as it was before the run; `declared`: the columns the
    run declares (escaped keys, any case); `marked_personal`: the columns a row marked
    `true` that `ignore:` names already (their keys, any case).
    """
    index = PolicyIndex(policy, AliasIndex(evidence.fields))
    keys = key_columns(reading, evidence.classified)
    columns: dict[str, Column] = {}
    tables: dict[str, list[Column]] = {}
    for column in evidence.columns:
        folded = column.key.casefold()
        if folded not in columns:
            columns[folded] = column
            tables.setdefault(_table(column).casefold(), []).append(column)
    new = {m.key.casefold() for m in not_personal if not m.pattern and not m.field}
    globs = [m.key for m in not_personal if m.pattern and not m.field]
    off_data = {m.key.casefold() for m in not_personal if m.entries and not m.field}  # their lines go
    mine = {key.casefold() for key in (*declared, *marked_personal)}

    def ignored(column: Column) -> bool:
        """Under `ignore:` once the run is written, and by nothing else claimed."""
        key = column.key
        folded = key.casefold()
        if folded in mine or escape(key).casefold() in mine or index.is_consent_column(column):
            return False
        if index.data_for_column(key) and folded not in off_data:
            return False
        return folded in new or index.column_ignored(key) or any(column_matches(g, key) for g in globs)

    plain: dict[str, list[Marked]] = {}  # a table (case-folded) -> its rows applied as they are
    for marked in not_personal:
        held = columns.get(marked.key.casefold())
        if held is None or marked.pattern or marked.field or marked.entries or marked.was:
            continue
        if marked.follows or marked.review.note is not None:
            continue
        plain.setdefault(_table(held).casefold(), []).append(marked)
    forms = _form_keys(evidence)
    parts = ColumnParts(columns[k].key for k in columns)
    out: list[KeyPattern] = []
    for folded, rows in plain.items():
        listed = tables[folded]
        table = _table(listed[0])
        owned = [c for c in listed if c.key.casefold() in keys]
        if sum(1 for m in rows if m.key.casefold() in keys) < MERGED_FROM or not all(map(ignored, owned)):
            continue
        if any(key.startswith(f"{folded}.") for key in forms):
            continue  # its pattern would silence a form's fields too
        pattern = _pattern(table, owned, parts, lambda key: ignored(columns[key.casefold()]))
        if pattern is None:
            continue
        named = {key.casefold() for key in parts.matching(pattern)}
        merged = sorted((m for m in rows if m.key.casefold() in named), key=_row)
        if len(merged) >= MERGED_FROM:
            keys_in, rows_in = tuple(m.key for m in merged), tuple(m.review.where for m in merged)
            out.append(KeyPattern(pattern, table, keys_in, rows_in))
    return tuple(sorted(out, key=lambda p: row_order(p.rows[0])))


def _row(marked: Marked) -> tuple[int, int]:
    """Where the row that marked it is in the list, for the list's order."""
    return row_order(marked.review.where)


def _table(column: Column) -> str:
    """The column's table as a key names it: `crm.customers`, `bookings`."""
    return f"{column.schema}.{column.table}" if column.schema else column.table


def _form_keys(evidence: Evidence) -> list[str]:
    """Every named form field's key, and its key by its form's old name, case-folded."""
    out: list[str] = []
    for field in evidence.fields:
        if field.name is not None:
            out += [key.casefold() for key in dict.fromkeys(field.keys)]
    return out


def _pattern(
    table: str, owned: Sequence[Column], parts: ColumnParts, ignored: Callable[[str], bool]
) -> str | None:
    """The most specific pattern of `table` naming every key in `owned` and nothing `ignored` refuses."""
    names = [c.name for c in owned]
    prefix, suffix = _common(names), _common([n[::-1] for n in names])[::-1]
    shortest = min(len(n) for n in names)
    tried = [
        (prefix, suffix) if prefix and suffix and len(prefix) + len(suffix) <= shortest else None,
        (prefix, "") if prefix else None,
        ("", suffix) if suffix else None,
        ("", ""),
    ]
    head = escape(table)
    for pair in sorted((p for p in tried if p is not None), key=lambda p: -len(p[0] + p[1])):
        pattern = f"{head}.{escape(pair[0])}*{escape(pair[1])}"
        if not all(column_matches(pattern, c.key) for c in owned):
            continue
        if all(ignored(key) for key in parts.matching(pattern)):
            return pattern
    return None


def _common(names: Sequence[str]) -> str:
    """The longest start all `names` share, case aside (as `ignore:` matches), spelt as the first."""
    first = names[0]
    at = 0
    while at < len(first) and all(at < len(n) and n[at].lower() == first[at].lower() for n in names):
        at += 1
    return first[:at]
