"""MySQL / MariaDB general query log (general_log = ON, log_output = FILE).

Lines are `TIME<tab>ID COMMAND<tab>ARGUMENT` (MySQL 5.7+: ISO time; 5.6 and
MariaDB: `YYMMDD HH:MM:SS`, or no time for a line in the same second); a
multi-line query continues on lines that do not start that way. `Connect`
names the user of connection ID; its `Query` and `Execute` lines are
statements. The user is per-connection state, so the log is read in one pass
(not split into byte ranges).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from cnsnt.sources.queries.formats.base import Lines, LogFormat, Record, Skipped, decode, grouped, too_long

_LINE = re.compile(
    rb"(?:\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)?|\d{6}\s+\d{1,2}:\d\d:\d\d)?"
    rb"\t\s*(\d+) ([A-Z][A-Za-z ]*?)\t"
)
_HEADER = re.compile(rb".*, Version: .* started with:|Tcp port: |Time\s+Id\s+Command\s+Argument")
_CONNECT_USER = re.compile(r"([^@\s]*)@")
_STATEMENTS = frozenset({"Query", "Execute"})


class MysqlGeneral(LogFormat):
    """MySQL general query log lines."""

    name: ClassVar[str] = "mysql_general"
    dialect: ClassVar[str] = "mysql"
    splittable: ClassVar[bool] = False

    @classmethod
    def sniff(cls, head: list[str]) -> bool:
        """Tell whether these first lines look like this format."""
        if any("Id Command" in line and "Argument" in line for line in head):
            return True
        hits = [_LINE.match(line.encode()) for line in head]
        return sum(1 for h in hits if h and h.group(2) in (b"Query", b"Connect")) >= 2

    def is_start(self, line: bytes) -> bool:
        """Tell whether a line begins a record."""
        return _LINE.match(line) is not None or _HEADER.match(line) is not None

    def records(self, lines: Lines) -> Iterator[Record | Skipped]:
        """The records of some lines, in order."""
        users: dict[bytes, str] = {}
        for start, group, dropped in grouped(lines, self.is_start):
            if dropped:
                yield too_long(start, group, dropped)
                continue
            m = _LINE.match(group[0])
            if m is None:
                if _HEADER.match(group[0]) is None and any(raw.strip() for raw in group):
                    yield Skipped(start, "lines that are not MySQL general-log records",
                                  len(group))
                continue
            conn, command = m.group(1), m.group(2).decode()
            argument = "\n".join([decode(group[0][m.end():])] + [decode(r) for r in group[1:]])
            if command == "Connect":
                who = _CONNECT_USER.match(argument)
                if who and who.group(1):
                    users[conn] = who.group(1)
            elif command == "Quit":
                users.pop(conn, None)
            elif command in _STATEMENTS and argument.strip():
                yield Record(start, argument.strip(), users.get(conn))
