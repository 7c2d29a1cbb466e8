"""What a reviewed pattern row (`benutzer.*_id`) may change beyond the columns nobody has answered.

A `false` pattern row answers a table's keys in one row (docs/init.md, "A third list"),
but the list shows only the undecided columns, so a reviewer cannot see the declared ones
the pattern also names (trial K: `benutzer.*_id,false` moved init's confident
`benutzer.google_id`, a personal identifier, and an earlier list's `true` on
`benutzer.rolle_id` under `ignore:`). So such a row takes only what nobody has answered
(`fields._Moves.take`, `unsure_only`), and here: the declared columns it passed over are
named once per pattern (`Passed`), and its `ignore:` item becomes the columns it took, one
by one, when the pattern would also name a column still declared (`ignore:` silences a
column a data entry declares: CN301 and the use rules pass over it, CN104 warns).

The other way, a `true` row for the same pattern takes the item a list wrote off
`ignore:` (`released`), even when every column it names is a key the `true` spares.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from cnsnt.matching import is_glob
from cnsnt.starter.review_marks import Marked, Passed
from cnsnt.starter.reviewed import row_order

if TYPE_CHECKING:
    from cnsnt.starter.review_moves import IgnoreLine
    from cnsnt.starter.reviewed import Review


def released(
    reviews: Iterable[Review],
    ignorable: Mapping[str, IgnoreLine],
    names_column: Callable[[str], bool],
    names_field: Callable[[str], bool],
) -> dict[str, tuple[IgnoreLine, Marked]]:
    """The `ignore:` items a list wrote that a `true` row of the same pattern takes out, by item case-folded.

    Only an item as a list wrote it (`# marked not personal in review-3.csv:6`, unedited)
    that names columns only or form fields only: one naming both (a form named like a
    table) is left, and the columns it names are said as `ignore:` naming them. A pattern
    row is the reviewer's own writing, never a cell left as explain-column wrote it, so it
    overturns the earlier answer whatever cnsnt says of the columns.
    """
    out: dict[str, tuple[IgnoreLine, Marked]] = {}
    for review in reviews:
        if not review.personal or not is_glob(review.column):
            continue
        line = ignorable.get(review.column.casefold())
        if line is None or line.decided is None:
            continue
        if names_column(line.pattern) and names_field(line.pattern):
            continue
        marked = Marked(line.pattern, review, pattern=True, was=line.decided)
        out.setdefault(line.pattern.casefold(), (line, marked))
    return out


def passed_over(
    rows: Iterable[Review],
    reach: Mapping[int, Sequence[str]],
    stays: Callable[[str], str | None],
    said: Callable[[str], bool],
    against: dict[str, Marked],
    took: Mapping[str, Sequence[str]],
    *,
    field: bool = False,
) -> list[Passed]:
    """Each `false` pattern row that names a column (or field) still declared after the run, in row order.

    `reach`: every key each row matches (by the row's `id`); `stays`: what declares a key
    once the run is written (`data entry unique_id, where cnsnt init put it`), None when
    nothing does; `said`: a key another line names already (the last of an entry a person
    edited); `against`: the items for `ignore:`, by key or pattern case-folded, whose
    pattern item is replaced here by the keys the row took (`took`, by pattern case-folded).
    """
    out: list[Passed] = []
    for review in sorted(rows, key=lambda r: row_order(r.where)):
        keys = reach.get(id(review), ())
        declared = [(key, what) for key in keys if (what := stays(key)) is not None]
        if not declared:
            continue
        item = review.column.casefold()
        written = against.get(item)
        taken: tuple[str, ...] = ()
        if written is not None and written.pattern:
            # the pattern would silence what stays declared: the columns it took instead
            del against[item]
            for key in dict.fromkeys(took.get(item, ())):
                against.setdefault(_at(key, field), Marked(key, review, field=field))
            # each with its item: those nothing named, and those moved off init's questions
            taken = tuple(
                key for key in keys if (m := against.get(_at(key, field))) is not None and m.review is review
            )
        left = tuple((key, what) for key, what in declared if not said(key))
        out.append(Passed(review, left, taken, field))
    return out


def _at(key: str, field: bool) -> str:
    """How `against` files a column's (or a form field's) item: by its key case-folded."""
    return f"form_field:{key.casefold()}" if field else key.casefold()
