"""Query files of which cnsnt can parse no statement: left out of a starter, with a note.

A hand-written query sheet with no `;` between its statements (`Consultas.sql`: MySQL
`SELECT`s separated by blank lines and `#` comments) reads as one statement that does
not parse (review30 D4). Proposed under `queries:`, it made the audit read 0 queries,
and CN401 then said every personal column was "read by none of the 0 audited queries".
A file of which some statements parse is kept: the audit reads those and names the rest
(CN001).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.sources.base import Limits, read_text
from cnsnt.sql.routine_bodies import defines_routine
from cnsnt.sql.statements import reads_delimiter_routines, split_statements
from cnsnt.sql.uses import UseProblem, parse_statements

#: Statements read per file: a file whose first this many all fail is judged by them
#: (bounded cost on a large file).
SAMPLE = 64
#: Largest file read (characters), as init reads SQL files to tell their kind.
LIMIT = 8 * 1024 * 1024


def why_unparsed(text: str, dialect: str | None) -> str | None:
    """The first statement's problem when no statement of `text` parses in `dialect`, else None.

    None too for a file with nothing to parse (comments only) or with a block the
    audit reports apart (PL/SQL, a client command, a routine): that is no query sheet.
    """
    delimiters = reads_delimiter_routines(dialect)
    first: str | None = None
    for stmt in islice(split_statements([text], dialect, routines=delimiters), SAMPLE):
        if stmt.meta_command or stmt.plsql_block or (delimiters and defines_routine(stmt.text, dialect)):
            return None
        parsed = parse_statements(stmt.text, dialect)
        if not isinstance(parsed, UseProblem):
            return None
        if first is None:
            first = f"the first, at line {stmt.line}: {parsed.message}"
    return first


def leave_unparsed(
    paths: Sequence[tuple[Path, str | None]], root: Path
) -> tuple[list[tuple[Path, str | None]], list[str]]:
    """The query files to propose, and a note for each one left out (its name and why)."""
    kept: list[tuple[Path, str | None]] = []
    notes: list[str] = []
    for path, dialect in paths:
        try:
            text = read_text(path, path.name, limits=Limits(file_bytes=LIMIT))
        except (OSError, SourceError):
            kept.append((path, dialect))  # the audit says why it cannot read it (CN001)
            continue
        why = why_unparsed(text, dialect)
        if why is None:
            kept.append((path, dialect))
            continue
        read_as = f"in {dialect}" if dialect else "in any dialect"
        notes.append(
            f"left out the query file {path.relative_to(root).as_posix()}: cnsnt can parse none of its "
            f"statements {read_as} ({why}); statements with no ';' between them read as one. "
            "Add it to queries: once they are separated"
        )
    return kept, notes
