"""Keys to a Django model of another entry, pointed at the table that model's entry read.

`cnsnt init` lists each Django app as an entry of its own. A migration of `invoices`
writes `ForeignKey(to="contacts.contact")`; the `contacts` app is another entry, so the
invoices reader cannot see that `Contact` sets `db_table = "contacts"` and names the
target by Django's default, `contacts_contact`: a table no source read, which every
reason that follows the key then names (review27 D12). Once every schema entry is read,
a key to a table no source read is pointed at the table of the model whose default name
it is (`Table.model`), when exactly one table is that model's; a key to a model no entry
defines keeps Django's default name.
"""

from __future__ import annotations

from dataclasses import replace

from cnsnt.evidence import ForeignKey, Table


def resolve_model_keys(tables: list[Table]) -> None:
    """Point, in place, each key to an unread Django default table name at its model's table."""
    read = {t.name.casefold() for t in tables}
    homes: dict[str, set[str]] = {}
    for t in tables:
        if t.model is not None:
            homes.setdefault(t.model.replace(".", "_"), set()).add(t.name)
    moved = {d: names.pop() for d, names in homes.items() if d not in read and len(names) == 1}
    if not moved:
        return
    for i, table in enumerate(tables):
        keys = tuple(_moved(k, moved) for k in table.foreign_keys)
        if keys != table.foreign_keys:
            tables[i] = replace(table, foreign_keys=keys)


def _moved(key: ForeignKey, moved: dict[str, str]) -> ForeignKey:
    target = moved.get(key.ref_table.casefold()) if key.ref_schema is None else None
    return key if target is None else replace(key, ref_table=target)
