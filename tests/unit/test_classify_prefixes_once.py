"""Classifying reads each table's column prefixes once, whoever asks for them (issue 8's time budget).

The implied keys, the table survey, the table's context and the column verdicts all ask for
a table's shared first word (`implied.column_prefix`) and its glued initials
(`glued.glued_prefixes`); each used to work them out again. The schema is written for this test:
a small office's registers, one with a shared first word, one with glued initials.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest

from cnsnt.classify import classify_tables, glued, implied, tables
from cnsnt.evidence import Column, Table
from cnsnt.model import Location

_HERE = Location("schema.sql", 1, 1)


def _table(name: str, *columns: str) -> Table:
    return Table(
        name,
        _HERE,
        "schema.sql",
        columns=tuple(
            Column(name, c, _HERE, "schema.sql", type="int" if c == "id" else "varchar(80)", primary_key=c == "id")
            for c in columns
        ),
    )


SCHEMA = [
    # a shared first word: `reg_` before every column
    _table("reg_visitors", "reg_id", "reg_first_name", "reg_email", "reg_phone", "reg_badge_id"),
    # glued initials: `m` for *musteri* before the terms
    _table("musteriler", "id", "madi", "msoyadi", "meposta", "mtelefon", "mtckn"),
    _table("offices", "id", "name", "city"),
]


def _counting(monkeypatch: pytest.MonkeyPatch, name: str) -> Counter[str]:
    """Count the calls of `name` per table, wherever a module holds it under that name."""
    calls: Counter[str] = Counter()
    for module in (implied, glued, tables, *_prefix_modules()):
        original = getattr(module, name, None)
        if original is None:
            continue

        def counted(table: Table, *args: object, _original: Callable[..., object] = original) -> object:
            calls[table.key] += 1
            return _original(table, *args)

        monkeypatch.setattr(module, name, counted)
    return calls


def _prefix_modules() -> list[object]:
    try:
        from cnsnt.classify import prefixes
    except ImportError:  # before the prefixes were kept per classification
        return []
    return [prefixes]


def test_each_tables_prefixes_are_worked_out_once_per_classification(monkeypatch: pytest.MonkeyPatch) -> None:
    shared = _counting(monkeypatch, "column_prefix")
    initials = _counting(monkeypatch, "glued_prefixes")
    verdicts = classify_tables(SCHEMA)
    assert verdicts["musteriler.mtckn"].personal  # the glued initial was read past
    assert shared == {t.key: 1 for t in SCHEMA}
    assert initials == {t.key: 1 for t in SCHEMA}


def test_a_second_classification_works_them_out_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing is kept between classifications: a table with other columns gets its own prefixes."""
    shared = _counting(monkeypatch, "column_prefix")
    classify_tables(SCHEMA)
    classify_tables(SCHEMA)
    assert shared == {t.key: 2 for t in SCHEMA}
