"""A person's presence kept in an attendance row: `anwesenheit.status`, `obecnosci.czy_obecny`.

A table named for attendance (`attendances`, `Anwesenheit`, `obecnosci`, `frequencia`) and
keyed to a person keeps, one row each, whether that person came. Its `status`, its kind
(`assenza.tipo`, an excused absence) or its yes/no of presence (`is_present`, `czy_obecny`,
`anwesend`) is that: what the person did (`user.behavior`), not the row's own state, as the
labels read it in sixteen projects' rows.
A state of the row's bookkeeping (`sync_status`, a word of the record's life) stays technical.
"""

from __future__ import annotations

from cnsnt.classify import lexicon as lx
from cnsnt.classify import types
from cnsnt.classify.classifier import _TOKENIZER, _table_words
from cnsnt.evidence import Classification, Column
from cnsnt.model import Confidence

# What a presence can be kept in: a yes/no, a code, a text or an enum (a date is when,
# read elsewhere).
_KINDS = frozenset({"boolean", "text", "numeric", "unknown"})
# The row's bookkeeping and counts (`sync_status`, `total_present`): no one's presence.
_TALLY_WORDS = lx.RECORD_WORDS | lx.COUNT_WORDS


def attendance_table(table: str, languages: tuple[str, ...] | None) -> bool:
    """Whether a table's name ends in attendance (`curs_assistencies`, `gs_presenza`).

    Its last word: `attendance_sessions` are the sessions attendance is taken at.
    """
    words = _table_words(table, languages)
    return bool(words) and words[-1] in lx.ATTENDANCE_WORDS


def presence(column: Column, table: str, languages: tuple[str, ...] | None) -> Classification | None:
    """The verdict on a column of an attendance row that says whether its person came, or None.

    Only for a table already linked to a person (the caller's reading) and named for
    attendance; the column is its state or kind (`status`, `tipo`) or a presence word.
    """
    words = set(_TOKENIZER.words(column.name, languages))
    if not words or words & _TALLY_WORDS or types.type_kind(column.type) not in _KINDS:
        return None  # `sync_status`: the row's bookkeeping; `total_present`: a count of people
    if any(lx.NEGATORS.get(w) == "identifier" for w in words):
        return None  # `id_attendance_external`: a number of the row
    said = words & (lx.ATTENDANCE_WORDS | lx.ATTENDANCE_STATES)
    if not said or not attendance_table(table, languages):
        return None
    return Classification(
        True,
        "user.behavior",
        Confidence.LOW,
        f"'{column.name}' is the state of an attendance row keyed to a person ('{sorted(said)[0]}'): "
        "whether they came",
    )


__all__ = ["attendance_table", "presence"]
