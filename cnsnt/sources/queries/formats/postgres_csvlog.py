"""PostgreSQL `csvlog` (log_destination = csvlog): one CSV row per record.

Columns are positional (PostgreSQL 13+: 23 or more; 14 added three at the
end). A message with newlines spans several physical lines inside quotes; a
record starts at a line beginning with its timestamp, so each record is
parsed on its own and one with broken quoting is skipped (and reported)
without swallowing the rest of the log.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from typing import ClassVar

from cnsnt.sources.queries.formats.base import (
    AUDIT,
    Audited,
    Lines,
    LogFormat,
    Record,
    Settings,
    Skipped,
    grouped,
    pg_statement,
    too_long,
)

_START = re.compile(rb"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")
_MIN_COLUMNS = 23
_USER, _DATABASE, _PROCESS, _CLIENT, _SESSION = 1, 2, 3, 4, 5
_SEVERITY, _MESSAGE, _APPLICATION = 11, 13, 22


def one_line_row(line: str, limit: int) -> list[str] | None:
    """The CSV fields of one physical line as the csv module reads them, or None to ask it.

    Whatever the csv module might read otherwise (a newline or CR inside the line, a
    quote inside an unquoted field, text after a closing quote, an odd number of
    quotes, a line past the field size limit) gives None, and the caller reads the
    line with csv.
    """
    line = line.rstrip("\r\n")
    if not line or "\r" in line or "\n" in line or len(line) > limit:
        return None
    return _fields(line)


def _fields(text: str) -> list[str] | None:
    """The CSV fields of a line without newlines, or None when csv might read it otherwise.

    Cut at every quote in C: the pieces then alternate between text outside quotes
    (fields cut at commas) and inside (a quoted field; an empty piece between two
    inside pieces is a doubled quote).
    """
    parts = text.split('"')
    count = len(parts)
    if count == 1:
        return text.split(",")
    if not count & 1:  # an odd number of quotes
        return None
    out = parts[0].split(",")
    if out.pop():  # the first quote must open a field
        return None
    last = count - 1
    i = 1
    while True:
        pieces = [parts[i]]
        i += 1
        while i < last and not parts[i]:  # `""` inside the quotes
            pieces.append(parts[i + 1])
            i += 2
        out.append('"'.join(pieces))  # joined once: adding to the field copied it (sweep36b)
        between = parts[i]
        if i == last:  # after the closing quote: the end, or more unquoted fields
            if between:
                if between[0] != ",":
                    return None
                out += between[1:].split(",")
            return out
        # between two quoted fields: `,` alone or `,fields,`
        if between[0] != "," or between[-1] != ",":
            return None
        if len(between) > 1:
            out += between[1:-1].split(",")
        i += 1


class PostgresCsvlog(LogFormat):
    """PostgreSQL csvlog rows."""

    name: ClassVar[str] = "postgres_csvlog"
    dialect: ClassVar[str] = "postgres"

    @classmethod
    def sniff(cls, head: list[str]) -> bool:
        """Tell whether these first lines look like this format."""
        first = next((line for line in head if line.strip()), "")
        if not _START.match(first.encode()):
            return False
        try:
            row = next(csv.reader([first]))
        except (csv.Error, StopIteration):
            return False
        return len(row) >= _MIN_COLUMNS and row[_SEVERITY] in {
            "LOG", "ERROR", "WARNING", "FATAL", "PANIC", "NOTICE", "INFO", "DEBUG1", "DEBUG2",
        }

    def __init__(self, settings: Settings = Settings()) -> None:  # noqa: B008 - frozen
        super().__init__(settings)
        self.audited = Audited(self.name)

    def is_start(self, line: bytes) -> bool:
        """Tell whether a line begins a record."""
        return _START.match(line) is not None

    def records(self, lines: Lines) -> Iterator[Record | Skipped]:
        """The records of some lines, in order."""
        audited = self.audited
        for item in rows(lines):
            if isinstance(item, Skipped):
                yield item
                continue
            start, _, row = item
            if row[_SEVERITY] != "LOG":
                continue
            message = row[_MESSAGE]
            statement = pg_statement(message)
            if statement is None:
                if message.startswith(AUDIT):
                    audited.seen(start)
                continue
            yield Record(start, statement, row[_USER] or None, row[_DATABASE] or None,
                         row[_APPLICATION] or None, row[_CLIENT] or None)

    def notes(self) -> list[tuple[int, int, str]]:
        """The pgAudit messages passed over (the log wants `format: pgaudit`)."""
        return self.audited.notes()


def rows(lines: Lines) -> Iterator[tuple[int, int, list[str]] | Skipped]:
    """(first line index, line count, columns) of each csvlog row, or a `Skipped` span.

    Shared with pgAudit's reader of csvlog logs (`pgaudit.PgAuditCsvlog`).
    """
    limit = csv.field_size_limit()
    for start, group, dropped in grouped(lines, is_row_start):
        if dropped:
            yield too_long(start, group, dropped)
            continue
        text = b"".join(group).decode("utf-8", "replace")
        if not text or text.isspace():
            continue
        # One physical line is the common case: cut in C where that reads the same.
        row = one_line_row(text, limit) if len(group) == 1 else None
        if row is not None:
            found = [row]
        else:
            physical = [text] if len(group) == 1 else text.splitlines(keepends=True)
            try:
                found = list(csv.reader(physical, strict=True))
            except csv.Error:
                found = []
        if len(found) != 1 or len(found[0]) < _MIN_COLUMNS:
            yield Skipped(start, "csvlog record with broken CSV quoting or too few columns",
                          len(group))
            continue
        yield start, len(group), found[0]


def is_row_start(line: bytes) -> bool:
    """Tell whether a line begins a csvlog row (its timestamp)."""
    return _START.match(line) is not None


def row_fields(row: list[str]) -> dict[str, str | None]:
    """A row's user, database, application, client and session (`session_id`, else the process id)."""
    return {"user": row[_USER] or None, "database": row[_DATABASE] or None,
            "application": row[_APPLICATION] or None, "client": row[_CLIENT] or None,
            "session": row[_SESSION] or row[_PROCESS] or None}


def row_message(row: list[str]) -> tuple[str, str]:
    """A row's severity and message."""
    return row[_SEVERITY], row[_MESSAGE]
