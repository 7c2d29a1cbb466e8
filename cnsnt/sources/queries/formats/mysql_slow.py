"""MySQL / MariaDB slow query log (slow_query_log = ON; long_query_time = 0 logs all).

A record is `# Time:` (optional), `# User@Host: user[priv] @ host [ip]`,
`# Query_time: ...`, then `use db;` and `SET timestamp=N;` lines written by
the server, then the statement (possibly on several lines).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from cnsnt.sources.queries.formats.base import Lines, LogFormat, Record, Skipped, decode, grouped, too_long

_USER_HOST = re.compile(r"# User@Host: ([^\[\s]*)\[([^\]]*)\]\s*@\s*(\S*)\s*\[([^\]]*)\]")
_SERVER_LINE = re.compile(r"(?i)(?:use\s+[`\w$]+|SET\s+timestamp\s*=\s*\d+)\s*;\s*$")
_HEADER = (b"# Time:", b"# User@Host:", b"/", b"Tcp port:", b"Time ")


class MysqlSlow(LogFormat):
    """MySQL slow query log records."""

    name: ClassVar[str] = "mysql_slow"
    dialect: ClassVar[str] = "mysql"

    @classmethod
    def sniff(cls, head: list[str]) -> bool:
        """Tell whether these first lines look like this format."""
        return any(line.startswith(("# User@Host:", "# Query_time:")) for line in head)

    def is_start(self, line: bytes) -> bool:
        """Tell whether a line begins a record."""
        if line.startswith(b"/"):
            return b", Version: " in line
        if line.startswith(b"Time "):
            return b"Command" in line
        return line.startswith(_HEADER)

    def records(self, lines: Lines) -> Iterator[Record | Skipped]:
        """The records of some lines, in order."""
        for start, group, dropped in grouped(lines, self.is_start):
            if dropped:
                yield too_long(start, group, dropped)
                continue
            first = decode(group[0])
            if not first.startswith("# User@Host:"):
                if not first.startswith(("# Time:", "/", "Tcp port:", "Time ")) and first.strip():
                    yield Skipped(start, "lines that are not MySQL slow-log records", len(group))
                continue
            who = _USER_HOST.match(first)
            user = host = None
            if who:
                user = who.group(1) or who.group(2) or None
                host = who.group(4) or who.group(3) or None
            body: list[str] = []
            for raw in group[1:]:
                line = decode(raw)
                if not body and (line.startswith("#") or _SERVER_LINE.match(line)):
                    continue
                body.append(line)
            text = "\n".join(body).strip()
            if text and not text.startswith("# administrator command"):
                yield Record(start, text, user, None, None, host)
