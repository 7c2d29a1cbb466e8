"""MySQL / MariaDB slow query log (slow_query_log = ON; long_query_time = 0 logs all).

A record is `# Time:` (optional), `# User@Host: user[priv] @ host [ip]`,
`# Query_time: ...`, then `use db;` and `SET timestamp=N;` lines written by
the server, then the statement (possibly on several lines), which is where the
record is reported. The server's banner (`mysqld, Version: ... started with:`, or
MariaDB's `mariadbd, ...`) opens the log and each restart; it is no record.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from cnsnt.sources.queries.formats.base import Lines, LogFormat, Record, Skipped, decode, grouped, too_long

_USER_HOST = re.compile(r"# User@Host: ([^\[\s]*)\[([^\]]*)\]\s*@\s*(\S*)\s*\[([^\]]*)\]")
_SERVER_LINE = re.compile(r"(?i)(?:use\s+[`\w$]+|SET\s+timestamp\s*=\s*\d+)\s*;\s*$")
#: Record starts beginning with `#`; the other lines a record may start with.
_HASH_HEADER = (b"# Time:", b"# User@Host:")
_OTHER_HEADER = (b"# Time:", b"/", b"Tcp port:", b"Time ")
_HEADER_FIRST = frozenset((b"#", b"/", b"T"))
#: The banner the server writes when the log starts, and after each restart: MySQL's
#: `/usr/sbin/mysqld, Version: ...`, MariaDB's `mariadbd, Version: ...`.
_BANNER = b", Version: "
_BANNER_ENDS = (b"started with:\n", b"started with:\r\n", b"started with:")


def _is_banner(line: bytes) -> bool:
    """Tell whether a line is the server's banner (`..., Version: ... started with:`)."""
    return line.endswith(_BANNER_ENDS) and _BANNER in line
_WHO_CACHE = 4096


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
        first = line[:1]
        if first not in _HEADER_FIRST:  # one test for the common line, which is no header
            return line.endswith(_BANNER_ENDS) and _BANNER in line  # MariaDB's banner
        if first == b"#":
            return line.startswith(_HASH_HEADER)
        if first == b"/":
            return b", Version: " in line
        return line.startswith(b"Tcp port:") or (  # first is b"T"
            line.startswith(b"Time ") and b"Command" in line
        )

    def records(self, lines: Lines) -> Iterator[Record | Skipped]:
        """The records of some lines, in order."""
        # `# User@Host:` lines repeat (one per connection): read each once.
        who: dict[bytes, tuple[str | None, str | None]] = {}
        for start, group, dropped in grouped(lines, self.is_start):
            if dropped:
                yield too_long(start, group, dropped)
                continue
            head = group[0]
            if not head.startswith(b"# User@Host:"):
                if head.startswith(_OTHER_HEADER) or _is_banner(head):
                    continue
                first = decode(head)
                if first.strip():
                    yield Skipped(start, "lines that are not MySQL slow-log records", len(group))
                continue
            found = who.get(head)
            if found is None:
                if len(who) >= _WHO_CACHE:
                    who.clear()
                found = who[head] = _user_host(decode(head))
            user, host = found
            body: list[str] = []
            at = start  # the statement's own line, not its header's
            for offset, raw in enumerate(group[1:], 1):
                if not body and raw.startswith(b"#"):
                    continue
                line = decode(raw)
                if not body and (_SERVER_LINE.match(line) or not line.strip()):
                    continue
                if not body:
                    at = start + offset
                body.append(line)
            text = "\n".join(body).strip()
            if text and not text.startswith("# administrator command"):
                yield Record(at, text, user, None, None, host)


def _user_host(line: str) -> tuple[str | None, str | None]:
    """(user, host) of a `# User@Host:` line."""
    who = _USER_HOST.match(line)
    if who is None:
        return None, None
    return who.group(1) or who.group(2) or None, who.group(4) or who.group(3) or None
