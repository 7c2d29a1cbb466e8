"""The kind a form field gives the column it fills, when the column's own name says none.

`calisanlar.ctckn` is "a fact about the person, kind unknown"; the form field that fills
it is labelled 'TCKN', a national id (review30 D2). They are one datum: the column takes
the field's category, so `init` files both in one entry and `explain-column` says why.
A column of a known kind keeps its own (never downgraded), and fields that disagree
(two forms fill one column, labelled 'TCKN' and 'IBAN') give it none. Nor does a field
give a kind the column's own type cannot hold: a boolean `foreignBorn` is no date of
birth, whatever the field says (review31 D3).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from cnsnt.classify import type_holds
from cnsnt.evidence import Column
from cnsnt.model import Confidence
from cnsnt.starter.form_columns import Fill

#: Most sure a given kind is: the column's own name says nothing, the field's label does.
_AT_MOST = Confidence.MEDIUM
_ORDER = (Confidence.LOW, Confidence.MEDIUM, Confidence.HIGH)


def of_no_kind(category: str | None) -> bool:
    """Whether a verdict's category names no kind: none, or the root `user`."""
    return category in (None, "user")


@dataclass(frozen=True)
class FieldKind:
    """What the classifier says of a form field of a known kind."""

    category: str
    confidence: Confidence
    reason: str


@dataclass(frozen=True)
class Given:
    """The kind a column of no known kind takes from the fields that fill it."""

    category: str
    confidence: Confidence
    fields: tuple[str, ...]
    """The keys of the fields that give it, sorted."""
    reason: str
    """`filled by the form field 'calisan_ekle.ctckn' (how): label 'TCKN' means ...`."""


def column_types(columns: Iterable[Column]) -> dict[str, str | None]:
    """Column key (casefolded) -> its SQL type, the first source's that states one."""
    types: dict[str, str | None] = {}
    for column in columns:
        if types.get(column.key.casefold()) is None:
            types[column.key.casefold()] = column.type
    return types


def given_kinds(
    filled: Mapping[str, Fill], kinds: Mapping[str, FieldKind], types: Mapping[str, str | None]
) -> dict[str, Given]:
    """Column key (casefolded) -> the kind the fields of a known kind that fill it agree on.

    `filled`: form field key -> the column it fills (`cnsnt.starter.form_columns.fills`);
    `kinds`: the fields of a known kind; `types`: column key (casefolded) -> its SQL type.
    The caller gives the kind only to a column of no known kind of its own.
    """
    by_column: dict[str, list[tuple[str, Fill, FieldKind]]] = {}
    for key, fill in sorted(filled.items()):
        kind = kinds.get(key)
        if kind is not None and type_holds(kind.category, types.get(fill.column.casefold())):
            by_column.setdefault(fill.column.casefold(), []).append((key, fill, kind))
    out: dict[str, Given] = {}
    for column, mine in by_column.items():
        if len({kind.category for _, _, kind in mine}) != 1:
            continue  # fields of two kinds fill it: it is not for cnsnt to choose
        key, fill, kind = mine[0]
        more = f" and {len(mine) - 1} more" if len(mine) > 1 else ""
        lowest = min((k.confidence for _, _, k in mine), key=_ORDER.index)
        out[column] = Given(
            kind.category,
            min(lowest, _AT_MOST, key=_ORDER.index),
            tuple(k for k, _, _ in mine),
            f"filled by the form field '{key}'{more} ({fill.how}): {kind.reason}",
        )
    return out


def unheld(
    filled: Mapping[str, Fill], kinds: Mapping[str, str], types: Mapping[str, str | None]
) -> dict[str, str]:
    """Form field key -> the SQL type of the column it fills, when that type cannot hold its kind.

    The other way of `given_kinds`: a Symfony field `indirizzoscolastico` ("a postal
    address" by its name) fills `classi.indirizzoscolastico`, an INTEGER key to a school
    track; the column's type says the name misleads, so the field keeps no kind (review32
    D3). `kinds`: field key -> its category; a column of no stated type vetoes nothing.
    """
    out: dict[str, str] = {}
    for key, fill in filled.items():
        category = kinds.get(key)
        sql = types.get(fill.column.casefold())
        if category is not None and not of_no_kind(category) and sql and not type_holds(category, sql):
            out[key] = sql
    return out
