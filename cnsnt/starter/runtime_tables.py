"""A table a schema file creates only in a comment: made at run time, so never read.

paheko's `schema.sql` holds, where its members table would be, only
`-- CREATE TABLE users (...);` and `-- Organization users table, dynamically created`:
the application builds the table from its settings. cnsnt reads no column of the most
personal table, and said nothing. A line comment that opens with `CREATE TABLE <name>`,
in a schema file init proposes, naming a table no proposed SQL file creates, is named
in a note under `sources:`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.sources.base import Limits, read_text
from cnsnt.starter.listing import first_few

#: Schema files larger than this are not searched (a dump's comments are its own).
TEXT_LIMIT = 4 * 1024 * 1024
#: Line comment openers of SQL: standard and MySQL's.
_OPENERS = ("--", "#")
#: Quotes an identifier may be written in.
_QUOTES = "`\"[]"


def _commented_table(line: str) -> str | None:
    """The table a `-- CREATE TABLE name (...)` comment line names, else None."""
    text = line.strip()
    opener = next((o for o in _OPENERS if text.startswith(o)), None)
    if opener is None:
        return None
    words = text[len(opener):].lstrip("-# \t").replace("(", " (").split()
    if len(words) < 3 or [w.upper() for w in words[:2]] != ["CREATE", "TABLE"]:
        return None
    rest = words[2:]
    if [w.upper() for w in rest[:3]] == ["IF", "NOT", "EXISTS"]:
        rest = rest[3:]
    if not rest:
        return None
    name = rest[0].rstrip(";").split(".")[-1].strip(_QUOTES)
    return name if name and all(c.isalnum() or c in "_$" for c in name) else None


def commented_tables(path: Path) -> list[tuple[str, int]]:
    """(table, line) of each table a file's line comments create, in order."""
    try:
        if path.stat().st_size > TEXT_LIMIT:
            return []
        text = read_text(path, path.name, limits=Limits(file_bytes=TEXT_LIMIT))
    except (OSError, SourceError):
        return []
    found: list[tuple[str, int]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if "create" in line.lower():
            name = _commented_table(line)
            if name is not None:
                found.append((name, number))
    return found


def runtime_tables_note(files: Iterable[Path], created: Callable[[], set[str]], root: Path) -> list[str]:
    """A note naming the tables proposed schema files create in comments only.

    `created`: the tables (case-folded) the proposed SQL files create, asked for only
    when a comment creates one.
    """
    commented = [(name, path, line) for path in files for name, line in commented_tables(path)]
    if not commented:
        return []
    made = created()
    named: dict[str, str] = {}
    for name, path, line in commented:
        if name.casefold() not in made:
            named.setdefault(name.casefold(), f"{name} ({path.relative_to(root).as_posix()}:{line})")
    if not named:
        return []
    shown = sorted(named.values(), key=str.casefold)
    listed = first_few(shown, 5)
    one = len(shown) == 1
    return [
        f"{'a table is' if one else f'{len(shown)} tables are'} created in a comment only, and no schema "
        f"file cnsnt reads creates {'it' if one else 'them'}: {listed}; if the application creates "
        f"{'it' if one else 'them'} at run time, {'its' if one else 'their'} columns are not audited: "
        "describe them in a schema file under sources:, or audit the live database with --db"
    ]
