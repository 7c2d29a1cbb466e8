"""`//` note lines of a `.txt` SQL file: comments its author wrote, blanked before parsing.

A clinic kept its T-SQL views and procedures as `View y SP/*.txt`, each headed by a note
such as `//view historial preclinica` (trial39, Proyecto-Uroanalisis). No SQL dialect but
Snowflake reads `//` as a comment, so the view so headed did not parse (CN001) and its
columns went unaudited. A `.txt` file is a note a person keeps, not a script a database
client runs: there a line whose first non-blank characters are `//` is a comment. A `.sql`
file keeps them as written (an error where its database would fail too).

Blanked in place (`cnsnt.blanks`), so every later line and column is where it was; the
text streams through chunk by chunk, holding back at most one `/` at a chunk's end.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from cnsnt.blanks import blanks

#: The suffix of the files whose `//` lines are notes.
NOTE_SUFFIX = ".txt"
#: Blanks a line may start with before its `//`.
_INDENT = " \t"


def blank_note_lines(chunks: Iterable[str]) -> Iterator[str]:
    """The chunks with each `//` line (after spaces or tabs) blanked up to its line break.

    Linear: each character is looked at once (a search to a line's end, CR or LF, a
    loop over a line's leading blanks only).
    """
    at_start = True  # only blanks seen on this line so far
    in_note = False  # inside a `//` line: blank up to its line break
    held = ""  # a `/` at a chunk's end, at a line's start: a note or not, the next chunk says
    for chunk in chunks:
        text = held + chunk
        held = ""
        out: list[str] = []
        i, n = 0, len(text)
        while i < n:
            if in_note or not at_start:
                end = _line_end(text, i)
                stop = n if end < 0 else end + 1
                out.append(blanks(text[i:stop]) if in_note else text[i:stop])
                if end >= 0:
                    in_note, at_start = False, True
                i = stop
                continue
            j = i
            while j < n and text[j] in _INDENT:
                j += 1
            out.append(text[i:j])
            i = j
            if i == n:
                break
            if text.startswith("//", i):
                in_note = True
            elif text[i] == "/" and i == n - 1:
                held = "/"
                i = n
            else:
                at_start = text[i] in "\r\n"
                if at_start:
                    out.append(text[i])
                    i += 1
                    continue
                at_start = False
        if out:
            yield "".join(out)
    if held:
        yield held


def _line_end(text: str, i: int) -> int:
    """Where the line from `i` ends: its LF (after a CR or not), or a CR alone (old Mac text); else -1.

    Two `str.find`s over the line: 7.7 MB of notes take a fifth more CPU than with one.
    """
    end = text.find("\n", i)
    cr = text.find("\r", i, len(text) if end < 0 else end)
    return end if cr < 0 or cr == end - 1 else cr


def blank_note_text(text: str) -> str:
    """`blank_note_lines` of one whole text."""
    return "".join(blank_note_lines((text,)))
