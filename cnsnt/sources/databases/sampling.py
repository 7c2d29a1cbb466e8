"""Value sampling (`--sample N`): a second opinion on text columns the names leave in doubt.

For each text column whose name-based verdict is "not personal" or low-confidence, read
at most N non-null values with one `SELECT col FROM t WHERE col IS NOT NULL ORDER BY pk LIMIT N`
built by SQLAlchemy Core, inside the caller's read-only transaction. The values are
only counted by kind (`values.tally`); none is kept, logged or reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import column, select, table
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from cnsnt.classify import classify_column
from cnsnt.evidence import Classification, Column, SourceProblem
from cnsnt.model import Confidence
from cnsnt.sources.databases.introspect import LiveTable, driver_reason
from cnsnt.sources.databases.session import lenient_text, savepoint
from cnsnt.sources.databases.url import DatabaseUrl
from cnsnt.sources.databases.values import Tally, tally

#: Values read per column when a policy entry says `sample: true` and `--sample` is not given.
DEFAULT_SAMPLE = 100
#: Share of sampled values of one kind that makes a column personal.
PERSONAL_SHARE = 0.5
#: ... and the share that makes the verdict sure.
SURE_SHARE = 0.8


def unsure(verdict: Classification) -> bool:
    """Sample when the name says "not personal", or says "personal" only weakly."""
    return not verdict.personal or verdict.confidence is Confidence.LOW


def verdict_from(tally_: Tally, by_name: Classification) -> Classification | None:
    """The values' verdict, or None when they do not change the name's."""
    if tally_.kind is None or tally_.sampled == 0:
        return None
    share = tally_.matched / tally_.sampled
    if share < PERSONAL_SHARE:
        return None
    return Classification(
        personal=True,
        category=tally_.kind.category,
        confidence=Confidence.HIGH if share >= SURE_SHARE else Confidence.MEDIUM,
        reason=tally_.reason,
    )


@dataclass
class Sampled:
    """What sampling found: new verdicts by column key, unreadable columns, counts."""

    verdicts: dict[str, Classification] = field(default_factory=dict)
    problems: list[SourceProblem] = field(default_factory=list)
    columns: int = 0


def sample_tables(
    conn: Connection,
    db: DatabaseUrl,
    tables: Iterable[LiveTable],
    limit: int,
) -> Sampled:
    """Sample the doubtful text columns of base tables (views would recompute their query)."""
    out = Sampled()
    lenient_text(conn)  # a value that is not UTF-8 is counted, never quoted in an error
    for live in tables:
        t = live.table
        if t.is_view:
            continue
        text = set(live.text_columns)
        doubtful = [
            (col, by_name)
            for col in t.columns
            if col.name in text
            and unsure(by_name := classify_column(t.name, col.name, col.type, col.comment))
        ]
        if not doubtful:
            continue
        tallies: list[tuple[Column, Classification, Tally]] = []
        try:
            # One savepoint per table: a missing privilege fails its first column, and
            # the other columns would fail alike.
            with savepoint(conn, db.backend):
                key = tuple(c.name for c in t.columns if c.primary_key)
                for col, by_name in doubtful:
                    values = read_values(conn, live.schema, t.name, col.name, limit, key)
                    tallies.append((col, by_name, tally(values)))
                    del values
        except SQLAlchemyError as exc:
            out.problems.append(
                SourceProblem(
                    f"cannot read table '{live.schema}.{t.name}' to sample its values: "
                    f"{driver_reason(exc, db)}",
                    t.location,
                    db.shown,
                )
            )
        for col, by_name, counted in tallies:
            out.columns += 1
            found = verdict_from(counted, by_name)
            if found is not None:
                out.verdicts[col.key] = found
    return out


def read_values(
    conn: Connection,
    schema: str | None,
    table_name: str,
    column_name: str,
    limit: int,
    order_by: tuple[str, ...] = (),
) -> list[object]:
    """At most `limit` non-null values of one column (identifiers quoted by SQLAlchemy).

    Ordered by the primary key when there is one, so the same data gives the same sample.
    """
    names = dict.fromkeys((column_name, *order_by))
    source = table(table_name, *(column(n) for n in names), schema=schema)
    stmt = (
        select(source.c[column_name])
        .where(source.c[column_name].is_not(None))
        .order_by(*(source.c[n] for n in order_by))
        .limit(limit)
    )
    return list(conn.execute(stmt).scalars())
