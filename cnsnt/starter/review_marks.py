"""Which columns of the sources a reviewed verdict list names, and what each answer asks for.

`cnsnt init --update --reviewed FILE` (`cnsnt.starter.reviewed` reads the file): a
row names a column by the key `explain-column` wrote (`[schema.]table.column`),
matched as the audit matches names, case-insensitively; a `table.column` names that
column in any schema. A row that names no column of the sources (renamed, dropped, a
typo) is kept to be said, never dropped in silence; two rows that name one column (its
full key and its `table.column`) with different answers are a usage error, as two rows
spelt the same are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cnsnt.evidence import Classification, Column
from cnsnt.matching import column_matches, is_glob
from cnsnt.starter.reviewed import Review, contradiction, refuse, same_answer


@dataclass(frozen=True)
class Marked:
    """A column a reviewer answered for, where the classifier or the policy says otherwise."""

    key: str
    """The column's key in the sources."""
    review: Review
    entries: tuple[str, ...] = ()
    """The data entries that declare it (a column marked not personal, or with another
    category), the `ignore:` patterns that name it (a column marked personal), or the
    `consent: columns:` patterns that name it (a consent record marked personal)."""
    categories: tuple[str, ...] = ()
    """The categories the data entries in `entries` give it (a column marked with another)."""
    pattern: bool = False
    """`key` is the reviewer's pattern (`*.creazione`), for `ignore:` as written, once."""


@dataclass(frozen=True)
class ReviewMarks:
    """The reviewed rows, by the sources' columns they name."""

    by_column: dict[str, Review]
    """A column key (case-folded) -> the row that names it."""
    not_found: tuple[Review, ...]
    """Rows that name no column of the sources (a pattern: that matches none)."""


@dataclass(frozen=True)
class ReviewOutcome:
    """What `init --update --reviewed` did with a reviewed list beyond adding fields, to be said."""

    source: str
    """The list as the policy's comments name it (`review.csv`)."""
    added: tuple[str, ...] = ()
    """Columns marked personal, added to data entries (the classifier agreeing or not)."""
    ignored: tuple[Marked, ...] = ()
    """Columns marked not personal, added to `ignore:`."""
    left: tuple[Marked, ...] = ()
    """Columns marked not personal, not added: `ignore:` is in another file (`elsewhere`)."""
    elsewhere: str | None = None
    declared: tuple[Marked, ...] = ()
    """Columns marked not personal that data entries declare: left to the user."""
    moved: tuple[Marked, ...] = ()
    """Columns init declared on a line nobody edited, marked not personal (now under `ignore:`)
    or with another category (now in its entry): the line taken out (`entries`: its entry)."""
    last: tuple[Marked, ...] = ()
    """Columns that would have been moved but are the only column of their entry: left there."""
    hidden: tuple[Marked, ...] = ()
    """Columns marked personal that `ignore:` names: left to the user."""
    recategorised: tuple[Marked, ...] = ()
    """Columns marked with a category that data entries declare under another: left to the user."""
    consent: tuple[Marked, ...] = ()
    """Consent records (`consent: columns:`) marked personal: left to the user."""
    not_found: tuple[Review, ...] = ()
    """Rows that name no column of the sources."""


def match_reviews(reviews: Sequence[Review], columns: Iterable[Column]) -> ReviewMarks:
    """Each reviewed row's columns: by full key, else by `table.column` in any schema."""
    full: dict[str, list[str]] = {}
    short: dict[str, list[str]] = {}
    for column in columns:
        key = column.key.casefold()
        full.setdefault(key, []).append(key)
        short.setdefault(f"{column.table}.{column.name}".casefold(), []).append(key)
    by_column: dict[str, Review] = {}
    missing: list[Review] = []
    shorts: list[tuple[Review, list[str]]] = []
    patterns: list[Review] = []
    for review in reviews:
        name = review.column.casefold()
        if name in full:  # first: a column whose own name has a `*` is named as explain-column wrote it
            for key in full[name]:
                by_column.setdefault(key, review)
        elif name in short:
            shorts.append((review, short[name]))
        elif is_glob(review.column):
            patterns.append(review)
        else:
            missing.append(review)
    # a row naming the full key wins over a `table.column` row, when the two agree; when they
    # do not, the reviewer is asked which (codereview28 F2: the first row won in silence)
    bad: list[str] = []
    for review, keys in shorts:
        for key in keys:
            earlier = by_column.setdefault(key, review)
            if not same_answer(earlier, review):
                first, second = sorted((earlier, review), key=_line)
                bad.append(contradiction(second, first))
                break
    if bad:
        refuse(reviews[0].where.rpartition(":")[0], bad)
    # a pattern row (`*.creazione`: the timestamps every table inherits) decides the columns no
    # row names by itself (review34 R34a D1); one that matches none is said
    for review in patterns:
        pattern = review.column.casefold()
        keys = [key for name, keys in full.items() if column_matches(pattern, name) for key in keys]
        if not keys:
            missing.append(review)
        for key in keys:
            by_column.setdefault(key, review)
    return ReviewMarks(by_column, tuple(sorted(missing, key=_line)))


def _line(review: Review) -> int:
    """The line of a reviewed row, from its `file:line`."""
    return int(review.where.rpartition(":")[2])


def reviewer_reason(review: Review, verdict: Classification) -> str:
    """The comment beside a column a reviewer marked personal: who decided, and what cnsnt said."""
    said = "personal" if verdict.personal else "not personal"
    because = f" because {verdict.reason}" if verdict.reason else ""
    return f"marked personal in {review.where}; cnsnt said: {said} ({verdict.confidence.value}){because}"
