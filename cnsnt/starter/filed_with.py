"""How a comment in a policy says a form field and the column it fills are one datum, read back.

init files a form field that fills a column in the column's data entry, and its comment
says so: `- patient.fiscal_code  # unsure, check: fills the column 'patients.fiscal_code'
(the only column of the schema named like it): filed with it [...]` (`fields._join_columns`).
A reviewed row that moves one moves the other (`fields._Together`), so the comment is read
back here: in init's words, or in a reviewed list's past `cnsnt said:` (a reviewer's note
before it, a JSON string, may say anything).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from cnsnt.starter.review_marks import NOTE_OPEN
from cnsnt.starter.reviewed import row_line

#: How the comment of a line a reviewed list wrote starts (`review_marks.reviewer_reason`),
#: and what follows the row it names.
DECIDED = "marked personal in "
SAID = "; cnsnt said: "
#: How init's comment of a form field filed with its column names it (`fields._join_columns`).
FILLS = "fills the column '"
#: Reads a reviewer's note, a JSON string, in a comment (`past_note`).
_JSON = json.JSONDecoder()


@dataclass(frozen=True)
class FiledLine:
    """A form field's line whose comment says the column it fills: init filed the two in one entry.

    init writes `- patient.fiscal_code   # unsure, check: fills the column
    'patients.fiscal_code' (...): filed with it [...]` (`fields._join_columns`): one datum,
    which a reviewed row on either moves as one (review36 R36a D6, R36b D4).
    """

    entry: str
    pattern: str
    """The item as written: the field's key, escaped."""
    column: str
    """The column's key, as the comment names it."""
    line: int
    """Its line in the text, from 0."""
    fills: str
    """cnsnt's words from `fills the column '...'` on, without the `[file:line]` after them."""
    edited: bool
    """The line is not as init (or a reviewed list) wrote it: a person's, never moved."""


def filled_column(note: str) -> tuple[str, str] | None:
    """The column a field's comment says it fills, and cnsnt's words from `fills the column` on; else None.

    In a reviewed list's comment, only past `cnsnt said:` (a reviewer's note may say anything).
    """
    words = _cnsnt_words(note)
    at = words.find(FILLS)
    if at < 0:
        return None
    rest = words[at + len(FILLS) :]
    end = rest.find("' (")
    if end <= 0:
        return None
    fills = words[at:]
    if fills.endswith("]") and " [" in fills:  # where the field is: the new line says it again
        fills = fills[: fills.rfind(" [")]
    return rest[:end], fills


def _cnsnt_words(note: str) -> str:
    """A comment's words that are cnsnt's: all of init's; a reviewed list's past `; cnsnt said: `."""
    if not note.startswith(DECIDED):
        return note
    rest = note[len(DECIDED) :]
    noted = past_note(rest)
    if noted is not None:
        return noted[1][len(SAID) :] if noted[1].startswith(SAID) else ""
    return rest.partition(SAID)[2]


def past_note(text: str) -> tuple[str, str] | None:
    """`(row, the text after its note)` of `review.csv:3: "note"...`; None when the row has no note.

    The note is a JSON string (`review_marks.quoted_note`): read to its closing quote, so
    nothing a reviewer typed in it (`; cnsnt said: `, a `[file:line]`) is read as cnsnt's words.
    """
    at = text.find(NOTE_OPEN + '"')
    if at < 0 or not is_row(text[:at]):
        return None
    try:
        note, end = _JSON.raw_decode(text, at + len(NOTE_OPEN))
    except ValueError:
        return None
    return (text[:at], text[end:]) if isinstance(note, str) else None


def is_row(where: str) -> bool:
    """Whether `where` is `file:line` (or `file:line (item N)`), as a reviewed row is named."""
    return row_line(where) is not None
