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


def one_line_row(line: str, limit: int) -> list[str] | None:
    """The CSV fields of one physical line as the csv module reads them, or None to ask it.

    Unquoted runs are cut with `str.split`, each quoted field is found by its closing
    quote (doubled quotes inside are folded), so the per-character work stays in C.
    Whatever the csv module might treat otherwise (a newline or CR inside the line, a
    quote inside an unquoted field, text after a closing quote, an unterminated quote,
    a line past the field size limit) gives None, and the caller reads it with csv.
    """
    line = line.rstrip("\r\n")
    if not line or "\r" in line or "\n" in line or len(line) > limit:
        return None
    if '"' not in line:
        return line.split(",")
    out: list[str] = []
    pos, size = 0, len(line)
    while True:
        quote = line.find('"', pos)
        if quote == -1:
            out += line[pos:].split(",")
            return out
        if quote > pos:
            if line[quote - 1] != ",":  # a quote inside an unquoted field
                return None
            out += line[pos:quote - 1].split(",")
        close = line.find('"', quote + 1)
        doubled = False
        while close != -1 and line.startswith('"', close + 1):
            doubled = True
            close = line.find('"', close + 2)
        if close == -1:
            return None
        field = line[quote + 1:close]
        out.append(field.replace('""', '"') if doubled else field)
        pos = close + 1
        if pos == size:
            return out
        if line[pos] != ",":
            return None
        pos += 1


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
        limit = csv.field_size_limit()
        for start, group, dropped in grouped(lines, self.is_start):
            if dropped:
                yield too_long(start, group, dropped)
                continue
            text = b"".join(group).decode("utf-8", "replace")
            if not text or text.isspace():
                continue
            # One physical line is the common case: cut in C where that reads the same.
            row = one_line_row(text, limit) if len(group) == 1 else None
            if row is not None:
                rows = [row]
            else:
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
