"""A column of a person's own row, not personal by its name, that a form field of no known kind fills.

A pupil's `niveau` (an ENUM of school levels) is "technical" to the classifier, and
`mag_gemaild` "a flag": not personal, unsure. The form that edits the pupil
(`Form::model($pupil)`) has a field of each name, which a person fills in, so init
declared the fields ("kind unknown") and left the columns out: one datum in two places,
on two lists, and a reviewer's answer on one left the other where it was (review36
R36b D3). A field of a known kind joins its column whatever it is (`fields._join_columns`,
`things`); a field of no known kind joined only a personal column.

Such a column, in a table that describes people (or a key to one: `things.set_aside`
keeps such a field in `data:`), is now declared with the field, in one entry, of no known
kind and unsure: init, `explain-column` and the `--undecided` lists ask here, so they say
the same. Only a column the classifier calls not personal with low confidence: a key or a
record's timestamp (high) stays out. A field that fills a column about a thing still goes
under `ignore:` (`things`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

from cnsnt.classify import TableReading
from cnsnt.evidence import Classification, Evidence, FieldRole, FormField
from cnsnt.model import Confidence
from cnsnt.starter.form_columns import Fill, fills
from cnsnt.starter.things import column_tables, set_aside


@dataclass(frozen=True)
class OwnRow:
    """A not-personal column init declares with the fields of no known kind that fill it."""

    column: str
    """The column's key."""
    fields: tuple[str, ...]
    """The keys of the fields that fill it, sorted."""
    reason: str
    """`filled by the form field 'edit.niveau' (how): a person enters it (alone: ...)`."""


def own_rows(
    evidence: Evidence, reading: TableReading, filled: Mapping[str, Fill], unknown: Collection[str]
) -> dict[str, OwnRow]:
    """Column key (casefolded) -> the `OwnRow` it is, for the columns fields of `unknown` fill.

    `filled`: form field key -> the column it fills (`form_columns.fills`); `unknown`: the
    keys of the fields of no known kind. `evidence` is classified.
    """
    tables = column_tables(evidence)
    by_column: dict[str, list[tuple[str, Fill]]] = {}
    for key, fill in sorted(filled.items()):
        if key not in unknown:
            continue
        verdict = evidence.classified.get(fill.column)
        if verdict is None or verdict.personal or verdict.confidence is not Confidence.LOW:
            continue
        if set_aside(fill.column, tables.get(fill.column, ""), reading, evidence) is not None:
            continue  # about a thing: the field goes under ignore: (`things`)
        by_column.setdefault(fill.column.casefold(), []).append((key, fill))
    out: dict[str, OwnRow] = {}
    for folded, mine in by_column.items():
        key, fill = mine[0]
        column = fill.column
        alone = evidence.classified[column].reason or "no personal-data term"
        more = f" and {len(mine) - 1} more" if len(mine) > 1 else ""
        reason = (
            f"filled by the form field '{key}'{more} ({fill.how}), which a person fills in: "
            f"one datum with it (alone: not personal, {alone})"
        )
        out[folded] = OwnRow(column, tuple(k for k, _ in mine), reason)
    return out


def own_rows_of(
    evidence: Evidence, reading: TableReading, judged: Callable[[FormField], Classification]
) -> dict[str, OwnRow]:
    """`own_rows` of evidence that holds the schema and the forms, classified.

    `judged`: each field's verdict as init gives it (`FieldVerdicts`). What `explain-column`
    and its `--undecided` lists ask, so they say what init does.
    """
    if not evidence.tables or not evidence.fields:
        return {}
    unknown = {
        f.key: True
        for f in evidence.fields
        if f.name is not None and f.role is FieldRole.INPUT and judged(f).category is None
    }
    if not unknown:
        return {}
    return own_rows(evidence, reading, fills(evidence, reading, unknown), unknown)
