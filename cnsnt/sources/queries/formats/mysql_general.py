"""MySQL / MariaDB general query log (general_log = ON, log_output = FILE).

Lines are `TIME<tab>ID COMMAND<tab>ARGUMENT` (MySQL 5.7+: ISO time; 5.6 and
MariaDB: `YYMMDD HH:MM:SS`, or no time for a line in the same second); a
multi-line query continues on lines that do not start that way. `Connect`
(and `Change user`, when a pool hands the connection to another user) names
the user of connection ID; its `Query` and `Execute` lines are statements.
The user is per-connection state, so the log is read in one pass (not split
into byte ranges).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from cnsnt.sources.queries.formats.base import Lines, LogFormat, Record, Skipped, decode, grouped, too_long

#: `[time]\t  <id> <Command>\t<argument>` (`\t\t  <id>` when the second repeats). Linear
#: at every offset: a try starts only at the first tab of a blank run (lookbehind), each run
#: is possessive and none can give characters to the next (the command's letters and spaces
#: stop at the tab that must follow).
_LINE = re.compile(
    rb"(?:\d{4}-\d\d-\d\dT[\d:.]++(?:Z|[+-]\d\d:?\d\d)?|\d{6} ++\d{1,2}:\d\d:\d\d)?"
    rb"(?<![\t ])\t[\t ]*+(\d++) ([A-Z][A-Za-z ]*+)\t"
)
#: The banner the server writes when the log starts (told by plain substring tests).
_BANNER = (b", Version: ", b" started with:")
#: `user[user] @ host`: the user name before `@`. Linear: a try starts only at the start of
#: a run without `@` or blanks (lookbehind), and the run is possessive.
_CONNECT_USER = re.compile(r"(?<![^@\s])([^@\s]*+)@")


def _is_header(line: bytes) -> bool:
    """The server's banner lines at the top of a general log (and after each restart)."""
    if all(part in line for part in _BANNER) or line.startswith(b"Tcp port: "):
        return True
    return line.split()[:4] == [b"Time", b"Id", b"Command", b"Argument"]


_STATEMENTS = frozenset({"Query", "Execute"})
#: Commands that name the connection's user from then on: a new connection, and
#: COM_CHANGE_USER (connection pools reuse a connection for another user this way).
_LOGINS = frozenset({"Connect", "Change user"})


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
        return _LINE.match(line) is not None or _is_header(line)

    def records(self, lines: Lines) -> Iterator[Record | Skipped]:
        """The records of some lines, in order."""
        users: dict[bytes, str] = {}
        for start, group, dropped in grouped(lines, self.is_start):
            if dropped:
                yield too_long(start, group, dropped)
                continue
            m = _LINE.match(group[0])
            if m is None:
                if not _is_header(group[0]) and any(raw.strip() for raw in group):
                    yield Skipped(start, "lines that are not MySQL general-log records",
                                  len(group))
                continue
            conn, command = m.group(1), m.group(2).decode()
            argument = "\n".join([decode(group[0][m.end():])] + [decode(r) for r in group[1:]])
            if command in _LOGINS:
                who = _CONNECT_USER.match(argument)
                if who and who.group(1):
                    users[conn] = who.group(1)
                else:  # refused (`Access denied for user ...`): not the earlier user's
                    users.pop(conn, None)
            elif command == "Quit":
                users.pop(conn, None)
            elif command in _STATEMENTS and argument.strip():
                yield Record(start, argument.strip(), users.get(conn))
