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
    Lines,
    LogFormat,
    Record,
    Skipped,
    grouped,
    pg_statement,
    too_long,
)

_START = re.compile(rb"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")
_MIN_COLUMNS = 23
_USER, _DATABASE, _CLIENT, _SEVERITY, _MESSAGE, _APPLICATION = 1, 2, 4, 11, 13, 22


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

    def is_start(self, line: bytes) -> bool:
        """Tell whether a line begins a record."""
        return _START.match(line) is not None

    def records(self, lines: Lines) -> Iterator[Record | Skipped]:
        """The records of some lines, in order."""
        for start, group, dropped in grouped(lines, self.is_start):
            if dropped:
                yield too_long(start, group, dropped)
                continue
            text = b"".join(group).decode("utf-8", "replace")
            if not text or text.isspace():
                continue
            # One physical line is the common case: no need to split it again.
            physical = [text] if len(group) == 1 else text.splitlines(keepends=True)
            try:
                rows = list(csv.reader(physical, strict=True))
            except csv.Error:
                rows = []
            if len(rows) != 1 or len(rows[0]) < _MIN_COLUMNS:
                yield Skipped(start, "csvlog record with broken CSV quoting or too few columns",
                              len(group))
                continue
            row = rows[0]
            if row[_SEVERITY] != "LOG":
                continue
            statement = pg_statement(row[_MESSAGE])
            if statement is None:
                continue
            yield Record(start, statement, row[_USER] or None, row[_DATABASE] or None,
                         row[_APPLICATION] or None, row[_CLIENT] or None)
