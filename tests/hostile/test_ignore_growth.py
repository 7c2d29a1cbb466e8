"""Asking whether `ignore:` names a column is one set probe for a literal item (codereview30 F4).

`init --update --reviewed` writes one literal `ignore:` item per `false` row: a 19,904-row
list on a 3,000-table schema left 13,000, and `open_questions` tried each against every
column (99.5 M glob matches, two minutes). Literal items are now looked up, as the data
entries' patterns are; only `*`/`?` items are tried one by one. The policies are made here.
"""

from __future__ import annotations

import json
from pathlib import Path

from cnsnt.matching import PolicyIndex, column_matches
from cnsnt.policy.loader import load_policy
from tests.hostile.growth import assert_linear

COLUMNS = ("id", "status", "label", "amount")
KEYS = (
    "t1.status", "T1.Status", "app.t1.status", "other.t1.status", "t1.label", "t2.status",
    "app.t2.status", "status", "x.y.z.status", "q[1].a", "qty*.n", "qtyx.n", "t1.status.x",
)  # fmt: skip
ITEMS = (
    "T1.STATUS", "app.t2.status", "amount", "q[1].a", "qty\\*.n", "*.created_at", "t9?.label", "x.y.z.w",
)  # fmt: skip


def _policy(path: Path, items: list[str]) -> PolicyIndex:
    listed = "".join(f"  - {json.dumps(item)}\n" for item in items)
    path.write_text(f"cnsnt: 1\nsources: {{}}\ndata: {{}}\nignore:\n{listed}", encoding="utf-8")
    return PolicyIndex(load_policy(path))


def test_literal_and_glob_items_name_the_columns_column_matches_names(tmp_path: Path) -> None:
    index = _policy(tmp_path / "cnsnt.yaml", list(ITEMS))
    assert tuple(index.policy.ignore) == ITEMS
    for key in (*KEYS, "t1.created_at", "s.t1.created_at", "t95.label", "t9.label", "x.y.z.w", "a.x.y.z.w"):
        expected = any(column_matches(p, key) for p in ITEMS)
        assert index.column_ignored(key) is expected, key
    # case aside; a two-part item names the table in any schema, a three-part one pins it
    assert index.column_ignored("t1.status") and index.column_ignored("crm.T1.Status")
    assert index.column_ignored("app.t2.status") and not index.column_ignored("t2.status")
    assert not index.column_ignored("other.t2.status") and index.column_ignored("any.table.amount")
    assert index.column_ignored("qty*.n") and not index.column_ignored("qtyx.n")  # an escaped `*` is literal


def test_asking_whether_ignore_names_each_column_grows_linearly(tmp_path: Path) -> None:
    def make(n: int) -> tuple[PolicyIndex, list[str]]:
        # one item a table, as a reviewed list's `false` rows write them, and two globs
        items = [f"t{i}.{COLUMNS[i % len(COLUMNS)]}" for i in range(n)] + ["*.created_at", "t?.id"]
        keys = [f"t{i}.{name}" for i in range(n) for name in COLUMNS]
        return _policy(tmp_path / f"cnsnt-{n}.yaml", items), keys

    def ask(made: tuple[PolicyIndex, list[str]]) -> None:
        index, keys = made
        # each table's item, and `t?.id` the ids of t0-t9 but t0, t4 and t8 (items already)
        assert sum(index.column_ignored(key) for key in keys) == len(keys) // len(COLUMNS) + 7

    ask(make(12))
    assert_linear(ask, make, 150)


#: Glob items as `init --update --reviewed --key-patterns` writes them (`TABLE.*id`, `TABLE.Id*`),
#: and others: a literal first or last part, or none.
GLOBS = ("t1.*", "app.t2.*us", "T3.Id*", "*.created_at", "x.*.w", "q[1].*", "qty\\*.*", "*tus", "t?.label")


def test_glob_items_name_the_columns_column_matches_names(tmp_path: Path) -> None:
    index = _policy(tmp_path / "cnsnt.yaml", list(GLOBS))
    keys = (
        *KEYS, "t3.IdSocio", "T3.idsede", "s.t3.IdX", "t3.nome", "t1.created_at", "a.b.created_at", "x.y.w",
        "x.y.z.w", "t9.label", "t12.label", "t1", "q[1].b", "qtyx.a", "qty*.a",
    )
    for key in keys:
        assert index.column_ignored(key) is any(column_matches(p, key) for p in GLOBS), key


def test_one_table_pattern_a_table_grows_linearly(tmp_path: Path) -> None:
    """`--key-patterns` writes one `TABLE.*id` item a table (fix31a): each is tried on its table's columns."""

    def make(n: int) -> tuple[PolicyIndex, list[str]]:
        items = [f"t{i}.*id" for i in range(n)] + ["*.created_at"]
        keys = [f"t{i}.{name}" for i in range(n) for name in (*COLUMNS, "member_id")]
        return _policy(tmp_path / f"keys-{n}.yaml", items), keys

    def ask(made: tuple[PolicyIndex, list[str]]) -> None:
        index, keys = made
        assert sum(index.column_ignored(key) for key in keys) == 2 * len(keys) // (len(COLUMNS) + 1)

    ask(make(12))
    assert_linear(ask, make, 150)
