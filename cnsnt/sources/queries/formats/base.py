"""What every log format gives the scanner: records with who ran them, or skipped spans.

A format turns the lines of a byte range into `Record`s (one executed
statement each, with the database user, database, application and client
when the log names them) and `Skipped` spans (lines it could not read: they
are counted and reported, never silently dropped). Formats whose records do
not depend on earlier lines are `splittable`: a large plain file is then cut
into byte ranges at record starts (`is_start`) and scanned by a process pool.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar, NamedTuple


class Record(NamedTuple):
    """One executed statement; `line` is its first line's index in the scanned range.

    A named tuple, not a dataclass: one is built per statement of a log, and a tuple
    is built in C.
    """

    line: int
    text: str
    user: str | None = None
    database: str | None = None
    application: str | None = None
    client: str | None = None
    calls: int = 1
    message: tuple[int, int, str | None] | None = None
    """pgAudit: (statement id, statements of the text, session) of one statement's record
    of a message of several, each record carrying the whole text; None for any other
    record. Statement ids count per session (None: the prefix shows none)."""


@dataclass(slots=True, frozen=True)
class Skipped:
    """Lines that could not be read as a record (reported as CN001 with their count)."""

    line: int
    reason: str
    lines: int = 1


@dataclass(frozen=True)
class Settings:
    """Per-entry options a format may need (picklable: sent to scan workers)."""

    log_line_prefix: str | None = None
    session_bracket: int = 0
    """Which bracketed id of a prefix read without `log_line_prefix` is the session (0: the
    first); told once from the log's first lines (`LogFormat.settle`), so every range reads alike."""


Lines = Iterator[tuple[int, bytes]]
"""(line index in the range, raw line with its newline)."""


class LogFormat(ABC):
    """A server-log format: how to find record starts and read records."""

    name: ClassVar[str]
    dialect: ClassVar[str]
    """sqlglot dialect of its statements, unless the entry says otherwise."""
    splittable: ClassVar[bool] = True
    """Records stand alone (no per-connection state), so byte ranges can be scanned apart."""

    def __init__(self, settings: Settings = Settings()) -> None:  # noqa: B008 - frozen
        self.settings = settings

    @classmethod
    @abstractmethod
    def sniff(cls, head: list[str]) -> bool:
        """Tell whether these first lines look like this format."""

    @classmethod
    def reader_for(cls, head: list[str]) -> type[LogFormat]:
        """The reader of a log whose first lines these are (pgAudit: by the log it is written in)."""
        return cls

    @classmethod
    def settle(cls, settings: Settings, head: list[str]) -> Settings:
        """The entry's settings with what the log's first lines tell (the same for every range)."""
        return settings

    def is_start(self, line: bytes) -> bool:
        """Tell whether a line begins a record (byte ranges are cut only there)."""
        return True

    def may_cut(self, line: bytes) -> bool:
        """Tell whether a byte range may start at this line.

        At a record start, unless the format would read that record wrong without the
        lines before it.
        """
        return self.is_start(line)

    @abstractmethod
    def records(self, lines: Lines) -> Iterator[Record | Skipped]:
        """The records of some lines, in order."""

    context_bytes: ClassVar[int] = 0
    """Bytes before a byte range whose records `read_context` is given (0: none needed)."""

    def read_context(self, lines: Lines) -> None:  # noqa: B027 - most formats need none
        """The lines of the records just before this range, read only to learn from them.

        pgAudit logs a statement once per relation, and another session's lines may fall
        between: a range cannot tell that its first records of a session repeat that
        session's last record before it without reading that record again.
        """

    def notes(self) -> list[tuple[int, int, str]]:
        """After `records`: (first line, occurrences, message) of what it could not tell.

        Each is reported once, as a CN001 warning with the occurrences of all ranges.
        """
        return []


#: A multi-line record longer than this is skipped (and reported), not held in memory.
MAX_RECORD_BYTES = 64 << 20


def grouped(
    lines: Lines, is_start: Callable[[bytes], bool]
) -> Iterator[tuple[int, list[bytes], int]]:
    """Multi-line records: each start line with the continuation lines after it.

    Yields (first line index, lines, lines dropped): past `MAX_RECORD_BYTES`
    a record's further lines are counted, not kept, and the caller skips it.
    """
    first = -1
    group: list[bytes] = []
    size = dropped = 0
    for index, raw in lines:
        if not group:
            first, group, size = index, [raw], len(raw)
        elif is_start(raw):
            yield first, group, dropped
            first, group, size, dropped = index, [raw], len(raw), 0
        elif size > MAX_RECORD_BYTES:
            dropped += 1
        else:
            group.append(raw)
            size += len(raw)
    if group:
        yield first, group, dropped


def too_long(start: int, group: list[bytes], dropped: int) -> Skipped:
    """The report of a record past `MAX_RECORD_BYTES`."""
    return Skipped(start, f"record longer than {MAX_RECORD_BYTES >> 20} MiB", len(group) + dropped)


def decode(raw: bytes) -> str:
    """A log line as text (bad bytes replaced: logs mix encodings) without its newline."""
    return raw.decode("utf-8", "replace").rstrip("\r\n")


# PostgreSQL's statement logging messages, shared by stderr, csvlog, jsonlog.
#: `[duration: N ms] statement: ...` / `execute <name>: ...`. Linear at every offset: the
#: runs are possessive, a prepared statement's name is one word (`[^:\s]*+`, so a try reads
#: at most one word past `execute `), and `(.*)` (DOTALL) takes the rest in one step.
_PG_STATEMENT = re.compile(
    r"(?:duration: [\d.]++ ms\s++)?(?:statement|execute (?:fetch from )?[^:\s]*+): (.*)", re.S
)


def pg_statement(message: str) -> str | None:
    """The statement of a PostgreSQL log message (`statement:`, `execute NAME:`), else None.

    `parse`/`bind` messages and a bare `duration:` are not executions, so they give None.
    """
    if message.startswith("statement: "):  # what the pattern reads, without it
        text = message[11:].strip()
        return text or None
    m = _PG_STATEMENT.match(message)
    if m is None:
        return None
    text = m.group(1).strip()
    return text or None


#: How pgAudit's messages start (`AUDIT: SESSION,...`), in any PostgreSQL log.
AUDIT = "AUDIT: "


class Audited:
    """The pgAudit messages a plain PostgreSQL log reader passes over: said once, never in silence."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.first = -1
        self.count = 0

    def seen(self, line: int) -> None:
        """One more, at line index `line`."""
        if not self.count:
            self.first = line
        self.count += 1

    def notes(self) -> list[tuple[int, int, str]]:
        """The note `LogFormat.notes` gives for them, if any."""
        if not self.count:
            return []
        return [(self.first, self.count,
                 f"pgAudit records (AUDIT: ...) in a log read as {self.name}, which counts "
                 "statement: messages only: they are not audited; name the entry's format: pgaudit "
                 "to read them")]


def any_line(head: Iterable[str], pattern: re.Pattern[str]) -> bool:
    """Tell whether a pattern matches at the start of any of the head lines."""
    return any(pattern.match(line) for line in head)
