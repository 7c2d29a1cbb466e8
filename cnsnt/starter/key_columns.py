"""The columns cnsnt reads as keys, which a reviewed pattern row marked `true` leaves out.

`entrevista.*,true,user.health` answers a clinical table's facts in one row, and used to
declare its keys too: `entrevista.id_entrevista` and `id_aluno` as health data (fix30b's
report). A key links rows; [judging.md](../../docs/judging.md) rule 4 reads it as no
datum of its own, and the classifier calls most keys not personal with high confidence,
so no list asks about them. A pattern's `true` is an answer about the table's data, not
about its keys: only a key's own row marked `true` declares it (`review_marks.match_reviews`).
"""

from __future__ import annotations

from collections.abc import Mapping

from cnsnt.classify import TableReading
from cnsnt.classify.classifier import CHANGED_ROW
from cnsnt.evidence import Classification
from cnsnt.model import Confidence

#: How the classifier says a name is a key (`name 'id_aluno' is an identifier or key ('id')`):
#: its words for the `identifier` negators (`classifier._WHY`; a test keeps the two the same).
IDENTIFIER = "an identifier or key"


def key_columns(reading: TableReading, classified: Mapping[str, Classification]) -> frozenset[str]:
    """The keys (case-folded) of the columns cnsnt reads as keys.

    A primary key; a column of a foreign key, declared or implied by its name
    (`paciente_id` beside `pacientes`: `cnsnt.classify.implied`); a column whose name the
    classifier calls an identifier or key, or names who created or changed the row (a
    numeric `created_by`: "a key to them"), with high confidence. docs/judging.md rule 4
    names `created_by` among the keys; before, `--key-patterns` left it off its table's
    line of keys, and a `true` pattern row declared it with the row's data (trial L).
    """
    out: set[str] = set()
    for table in reading.tables:
        keyed = {name.casefold() for key in table.foreign_keys for name in key.columns}
        for column in table.columns:
            if column.primary_key or column.name.casefold() in keyed:
                out.add(column.key.casefold())
    for key, verdict in classified.items():
        if (
            not verdict.personal
            and verdict.confidence is Confidence.HIGH
            and (f" is {IDENTIFIER}" in verdict.reason or f" {CHANGED_ROW}" in verdict.reason)
        ):
            out.add(key.casefold())
    return frozenset(out)
