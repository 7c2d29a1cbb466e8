"""Words of SQL only one database writes, telling a query file's dialect where parsing cannot.

A query file the default dialect does not read (paheko's `system | (0x01 << 6)`) is read
whole by MySQL, PostgreSQL, SQLite and others alike; the first of cnsnt's order (MySQL)
took it, in a SQLite project. The project says which: its schema files' dialect, or
words only one database writes (`CREATE VIRTUAL TABLE`, `AUTOINCREMENT`, `ENGINE=`), in
them or in the file itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Per dialect, words of its SQL no other database of cnsnt's list writes so; not words a
#: column may be named (`engine`, `serial`), only in the place the database writes them
#: (`) ENGINE=`, `SERIAL PRIMARY`). Linear: fixed words joined by possessive runs of
#: spaces, anchored at word starts; a line's indent before PRAGMA holds no line break, so
#: no run is taken from every line start of a blank stretch.
_MARKERS: dict[str, re.Pattern[str]] = {
    "sqlite": re.compile(
        r"\bAUTOINCREMENT\b|\bWITHOUT\s++ROWID\b|\bCREATE\s++VIRTUAL\s++TABLE\b|^[ \t]*+PRAGMA\s"
        r"|\b(?:INSERT|UPDATE)\s++OR\s++(?:IGNORE|REPLACE|ABORT|FAIL|ROLLBACK)\b",
        re.IGNORECASE | re.MULTILINE,
    ),
    "mysql": re.compile(
        r"\)\s*+ENGINE\s*+=|\bAUTO_INCREMENT\b|\bUNSIGNED\b|\bDEFAULT\s++CHARSET\b|\bON\s++DUPLICATE\s++KEY\b",
        re.IGNORECASE,
    ),
    "postgres": re.compile(
        r"\b(?:BIG|SMALL)SERIAL\b|\bSERIAL\s++PRIMARY\b|\bJSONB\b|\bTIMESTAMPTZ\b|\bILIKE\b|\bBYTEA\b",
        re.IGNORECASE,
    ),
}


def marked(text: str) -> frozenset[str]:
    """The dialects whose own words the text holds."""
    return frozenset(dialect for dialect, pattern in _MARKERS.items() if pattern.search(text))


def one_marked(texts: Iterable[str]) -> str | None:
    """The one dialect the texts' words name, else None (none, or several)."""
    named: set[str] = set()
    for text in texts:
        named |= marked(text)
        if len(named) > 1:
            return None
    return next(iter(named)) if named else None
