"""PostgreSQL logs written through syslog (log_destination = syslog), as rsyslog files them.

PostgreSQL sends each line of a message as a syslog message of its own, numbered
`[14-1]`, `[14-2]`, ... (`[1]`, `[2]` with `syslog_sequence_numbers = off`), and
the syslog daemon writes each after its own header (`Nov 30 22:00:01 db1
postgres[4242]: `, or an ISO time). Lines of other backends come between them,
so the lines of a record are gathered by process id; rsyslog writes the tab
PostgreSQL puts after each newline, and any other control character, as `#011`.
The first line is read as a stderr line (`log_line_prefix`, severity, message).
The lines of one message are written together: a record whose process has
written nothing more for `_WINDOW` lines is complete, so records come in the
order of their first lines and few are held at a time.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from cnsnt.sources.queries.formats.base import (
    AUDIT,
    MAX_RECORD_BYTES,
    Lines,
    Record,
    Skipped,
    decode,
    pg_statement,
)
from cnsnt.sources.queries.formats.postgres_stderr import PostgresStderr

#: `]: [14-2] ` after the process id; bounded runs, tried only where `]: [` stands.
_NUMBER = re.compile(r"\[(\d{1,20})(?:-(\d{1,9}))?\] ?")
_MARK = "]: ["
#: Lines after a record's last line when it is taken as complete.
_WINDOW = 4096
_TAB = "#011"


@dataclass
class _Pending:
    """A record being gathered: its first line index, process, sequence number, lines."""

    start: int
    pid: str
    seq: str | None
    parts: list[str] = field(default_factory=list)
    last: int = 0
    size: int = 0
    dropped: int = 0
    done: bool = False


def syslog_line(line: str) -> tuple[str, str | None, int, str] | None:
    """(process id, sequence number, chunk number, text) of a PostgreSQL syslog line."""
    mark = line.find(_MARK)
    if mark == -1:
        return None
    opening = line.rfind("[", 0, mark)
    pid = line[opening + 1:mark]
    # the syslog ident before it (`postgres[4242]`): `%t [%p]: [%l-1] `, pgBadger's
    # log_line_prefix for stderr, has a blank there
    if opening < 1 or not pid.isdigit() or line[opening - 1].isspace():
        return None
    m = _NUMBER.match(line, mark + len(_MARK) - 1)
    if m is None:
        return None
    seq, chunk = (m.group(1), m.group(2)) if m.group(2) else (None, m.group(1))
    return pid, seq, int(chunk), line[m.end():].replace(_TAB, "\t")


class PostgresSyslog(PostgresStderr):
    """PostgreSQL messages in a syslog file."""

    name: ClassVar[str] = "postgres_syslog"
    dialect: ClassVar[str] = "postgres"
    splittable: ClassVar[bool] = False  # a record's lines are gathered by process id

    @classmethod
    def sniff(cls, head: list[str]) -> bool:
        """Tell whether these first lines look like this format."""
        hits = [syslog_line(line) for line in head]
        return any(h is not None and h[2] == 1 and PostgresStderr.sniff([h[3]]) for h in hits)

    def is_start(self, line: bytes) -> bool:
        """Every line is a syslog message of its own."""
        return True

    def records(self, lines: Lines) -> Iterator[Record | Skipped]:
        """The records of some lines, in the order of their first lines."""
        queue: deque[_Pending] = deque()
        open_by_pid: dict[str, _Pending] = {}
        for index, raw in lines:
            line = decode(raw)
            parsed = syslog_line(line)
            if parsed is None:
                if line.strip():
                    yield Skipped(index, "lines that are not PostgreSQL syslog records")
            else:
                pid, seq, chunk, text = parsed
                pending = open_by_pid.get(pid)
                if chunk > 1 and pending is not None and pending.seq == seq:
                    self._add(pending, index, text)
                elif chunk > 1:
                    yield Skipped(index, "a continuation line without its first line "
                                         "(the log starts or was cut inside a message)")
                else:
                    if pending is not None:
                        pending.done = True
                    pending = open_by_pid[pid] = _Pending(index, pid, seq)
                    self._add(pending, index, text)
                    queue.append(pending)
            while queue and (queue[0].done or index - queue[0].last > _WINDOW):
                head = queue.popleft()
                if open_by_pid.get(head.pid) is head:
                    del open_by_pid[head.pid]
                yield from self._record(head)
        for pending in queue:
            yield from self._record(pending)

    @staticmethod
    def _add(pending: _Pending, index: int, text: str) -> None:
        """One more line of a record (past `MAX_RECORD_BYTES` counted, not kept)."""
        pending.last = index
        if pending.size > MAX_RECORD_BYTES:
            pending.dropped += 1
            return
        pending.parts.append(text)
        pending.size += len(text)

    def _record(self, pending: _Pending) -> Iterator[Record | Skipped]:
        """The statement of a gathered record, if it is one."""
        lines = len(pending.parts) + pending.dropped
        if pending.dropped:
            yield Skipped(pending.start, f"record longer than {MAX_RECORD_BYTES >> 20} MiB", lines)
            return
        first_line, *more = _lines(pending.parts)
        head = self.split(first_line)
        if head is None:
            yield Skipped(pending.start, "syslog lines that are not PostgreSQL log records", lines)
            return
        fields, severity, first = head
        if severity != "LOG":
            return
        message = "\n".join([first, *more])
        statement = pg_statement(message)
        if statement is None:
            if message.startswith(AUDIT):  # said in `notes`, as the stderr reader does
                self.audited.seen(pending.start)
        else:
            yield Record(pending.start, statement, fields["user"], fields["database"],
                         fields["application"], fields["client"])


def _lines(parts: list[str]) -> list[str]:
    """The lines of a message from its syslog chunks: a chunk that starts with a tab starts a line.

    PostgreSQL puts a tab after each newline of a message and cuts a line longer than 900
    bytes into chunks of its own (`write_syslog`), before a blank, which then starts the
    next chunk, or inside a word where there is none: such a chunk goes on the same line.
    """
    lines: list[str] = []
    for part in parts:
        if lines and not part.startswith("\t"):
            lines[-1] += part
        else:
            lines.append(part[1:] if lines else part)
    return lines
