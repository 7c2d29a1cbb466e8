"""Form fields that fill a column about a thing: the starter lists them under `ignore:`.

The audit counts every field a person fills in as personal (it is sent under their
identity), and so does init for a field of a kind cnsnt cannot name. But a company
car's engine size (`cilindrata`, `kw`) is not information relating to the employee who
types it in (review26 D7): on a fleet manager, ~180 such fields buried the names and
e-mails among catch-all entries. When such a field fills a column the classifier
finds not personal (`cnsnt.starter.form_columns` joins them) in a table that does not
describe people, init writes it under `ignore:` with a comment that says why and what to
check; a field filling a person's own row stays in `data:`. A field of a known kind
(an e-mail, a name) is moved only when its form says which object it fills (a Django
ModelForm's `Meta.model`, `th:object`, a Symfony `data_class`): it is then that column's
input, and an article's `titolo` (a person's name by its word alone) takes the verdict of
`articoli_articolo.titolo`, as its sibling fields do (review34 R34a D7); a field paired by
its name alone keeps its kind. The audit's rules stay
as they are: CN101 skips the field because the policy ignores it, and `--update` does
not add it again for the same reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from cnsnt.classify import TableReading
from cnsnt.classify.tables import LINKED, PEOPLE
from cnsnt.evidence import Evidence
from cnsnt.matching import escape
from cnsnt.model import Location
from cnsnt.starter.form_columns import Fill

#: How the comment init writes beside a field it sets aside starts, and what it asks: a
#: reviewed `true` answers it, and takes the line off `ignore:` (`review_moves.ignore_lines`).
SET_ASIDE_START = "fills '"
SET_ASIDE_ASK = "check, and move it to data: if it is someone's"


@dataclass(frozen=True)
class IgnoredField:
    """A form field the starter writes under `ignore:`, and why."""

    field: str
    """The field's key (`form.name`)."""
    key: str
    """Its pattern, `*` and `?` escaped as under `data:`."""
    column: str
    """The column it fills."""
    reason: str
    """The comment beside it: the column, why it is not personal, what to check."""
    location: Location


def about(column: str, table: str, reading: TableReading, evidence: Evidence) -> str:
    """What cnsnt finds the column is: about a thing (its table is about no one), else not personal."""
    verdict = reading.verdicts.get(table)
    if verdict is not None and verdict.context.animal:
        return "about an animal, not a person"  # a pet's sex or weight (review29 D2)
    if verdict is None or verdict.kind not in (PEOPLE, LINKED):
        return "about a thing, not a person"
    said = evidence.classified.get(column)
    return f"not personal ({said.reason})" if said is not None and said.reason else "not personal"


def _own_row(table: str, reading: TableReading) -> bool:
    """Whether the table describes people: a field filling it is the person's own (review27 D8).

    `contacts.department` is a column cnsnt cannot name, not a thing's: a field the person
    fills into their own row stays in `data:` to be checked, never hidden under `ignore:`.
    """
    verdict = reading.verdicts.get(table)
    return verdict is not None and verdict.kind == PEOPLE


def column_tables(evidence: Evidence) -> dict[str, str]:
    """Each column's key -> its table's key (`schema.table`), as the table verdicts are keyed."""
    return {c.key: (f"{c.schema}.{c.table}" if c.schema else c.table) for c in evidence.columns}


def set_aside(column: str, table: str, reading: TableReading, evidence: Evidence) -> str | None:
    """What the column is (`about`) when init sets aside a field of no known kind filling it.

    None when init keeps the field in `data:`: the column is personal, or in the person's
    own row. Init's starter and `explain-column` both ask here, so they say the same.
    """
    verdict = evidence.classified.get(column)
    if (
        verdict is None
        or verdict.personal
        or _own_row(table, reading)
        or _keys_a_person(column, table, reading)
    ):
        return None
    return about(column, table, reading, evidence)


def _keys_a_person(column: str, table: str, reading: TableReading) -> bool:
    """Whether the column is a key to a row about a person: whom the record is about (review32 D3).

    A Symfony form's `alunno` select fills `assenze.alunno`, the pupil an absence is about:
    the field names a person, and stays in `data:` to be checked, never under `ignore:`.
    Declared keys and those the column's name implies (`TableReading.tables`) count.
    """
    name = column.rsplit(".", 1)[-1].casefold()
    for mine in reading.tables:
        if mine.key.casefold() != table.casefold():
            continue
        for key in mine.foreign_keys:
            if name not in (c.casefold() for c in key.columns):
                continue
            target = reading.target(mine, key)
            verdict = reading.verdicts.get(target.key) if target is not None else None
            if verdict is not None and verdict.kind == PEOPLE:
                return True
    return False


def things(
    evidence: Evidence,
    reading: TableReading,
    filled: Mapping[str, Fill],
    candidates: Mapping[str, tuple[str, Location]],
    personal_columns: frozenset[str],
) -> list[IgnoredField]:
    """The fields of `candidates` that fill a column cnsnt finds not personal, ordered by key.

    `candidates`: field key -> (its pattern, where it is), the undeclared form fields of
    no known kind; the other fields of `filled` (undeclared, of a known kind) count too
    when their form binds them to the column (`Fill.bound`). `personal_columns`: the
    personal columns' keys, casefolded: a field whose own key is one (a form named like
    a table, `users.nickname`) stays, as its `ignore:` line would hide that column too.
    """
    tables = column_tables(evidence)
    out: list[IgnoredField] = []
    places = {f.key: f.location for f in evidence.fields}
    bound = {
        key: (escape(key), places[key])
        for key, fill in filled.items()
        if fill.bound and key not in candidates and key in places
    }
    for key, (pattern, location) in {**candidates, **bound}.items():
        fill = filled.get(key)
        if fill is None or key.casefold() in personal_columns:
            continue
        what = set_aside(fill.column, tables.get(fill.column, ""), reading, evidence)
        if what is None:
            continue
        reason = f"{SET_ASIDE_START}{fill.column}' ({fill.how}), which cnsnt finds {what}: {SET_ASIDE_ASK}"
        out.append(IgnoredField(key, pattern, fill.column, reason, location))
    return sorted(out, key=lambda f: f.key)
