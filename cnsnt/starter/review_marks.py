"""Which columns of the sources a reviewed verdict list names, and what each answer asks for.

`cnsnt init --update --reviewed FILE` (`cnsnt.starter.reviewed` reads the file): a
row names a column by the key `explain-column` wrote (`[schema.]table.column`),
matched as the audit matches names, case-insensitively; a `table.column` names that
column in any schema. A row that names no column of the sources (renamed, dropped, a
typo) is kept to be said, never dropped in silence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cnsnt.evidence import Classification, Column
from cnsnt.starter.reviewed import Review


@dataclass(frozen=True)
class Marked:
    """A column a reviewer answered for, where the classifier or the policy says otherwise."""

    key: str
    """The column's key in the sources."""
    review: Review
    entries: tuple[str, ...] = ()
    """The data entries that declare it (a column marked not personal), or the `ignore:`
    patterns that name it (a column marked personal)."""


@dataclass(frozen=True)
class ReviewMarks:
    """The reviewed rows, by the sources' columns they name."""

    by_column: dict[str, Review]
    """A column key (case-folded) -> the row that names it."""
    not_found: tuple[Review, ...]
    """Rows that name no column of the sources."""


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
    hidden: tuple[Marked, ...] = ()
    """Columns marked personal that `ignore:` names: left to the user."""
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
    for review in reviews:
        name = review.column.casefold()
        keys = full.get(name) or short.get(name)
        if not keys:
            missing.append(review)
            continue
        for key in keys:
            by_column.setdefault(key, review)  # a row naming the full key came first, or wins
    return ReviewMarks(by_column, tuple(missing))


def reviewer_reason(review: Review, verdict: Classification) -> str:
    """The comment beside a column a reviewer marked personal: who decided, and what cnsnt said."""
    said = "personal" if verdict.personal else "not personal"
    because = f" because {verdict.reason}" if verdict.reason else ""
    return f"marked personal in {review.where}; cnsnt said: {said} ({verdict.confidence.value}){because}"
