"""pgAudit session-audit lines in a PostgreSQL stderr, csvlog or jsonlog log.

In a csvlog or jsonlog the line is the message column (`message` field) of a LOG row, and
the session is the row's own `session_id`; the log's first lines tell which (`reader_for`).

A session line is `AUDIT: SESSION,<statement id>,<substatement id>,<class>,
<command>,<object type>,<object name>,<statement>,<parameter>` after the
usual prefix; the statement is a CSV field (quoted when it holds commas,
quotes or newlines). With `pgaudit.log_relation` a statement is logged once
per relation with the same ids: such repeats count once, as do the
`<previously logged>` records of `pgaudit.log_statement_once` and a server-side
cursor's SELECT and DECLARE (substatements 1 and 2 of one statement, one text). OBJECT lines repeat
what SESSION lines say and are not counted.

A simple-query message of several statements (`SELECT a FROM t; SELECT b FROM u`) is
logged once per statement, each record with its own statement id (sequential, also over
statements pgAudit does not log) and the whole message as its text. Such a record carries
its id and the number of statements of its text (`Record.message`): the scan counts the
message once, at its first record, and the records of its later ids as its statements.

Statement ids count per session, and sessions' records interleave in the log, so both
are told apart by session: the prefix's `%c`, else its `%p` (without a `log_line_prefix`,
the first bracketed id, as in `%m [%p] `). A repeat is its session's own last record, with
other sessions' records between; a message's ids are placed per session. A byte range
first reads the records before it (`read_context`, `context_bytes`) to learn each
session's last record. Where the prefix shows no session, the records are one sequence,
as before, and one warning says how many records that covers.
"""

from __future__ import annotations

import csv
from collections import deque
from collections.abc import Iterator
from dataclasses import replace
from typing import ClassVar

from cnsnt.sources.queries.formats.base import Lines, LogFormat, Record, Settings, Skipped
from cnsnt.sources.queries.formats.postgres_csvlog import (
    PostgresCsvlog,
    is_row_start,
    row_fields,
    row_message,
    rows,
)
from cnsnt.sources.queries.formats.postgres_jsonlog import PostgresJsonlog, log_objects, object_fields
from cnsnt.sources.queries.formats.postgres_stderr import PostgresStderr, session_bracket
from cnsnt.sql.ddl_split import statement_count

_FIELDS = 9
#: Records within which a session's repeat of its last record is taken as one: a statement's
#: records of its relations are written within microseconds, a few other sessions' records
#: between at most. Later, the same id and text is a new session reusing the process id.
_WINDOW = 1 << 12
#: And within half the bytes a byte range reads before it (`PgAudit.context_bytes`), from
#: the end of one record to the start of its repeat: a range then always has the record a
#: repeat repeats in its context, so every `--jobs` counts alike (codereview39c).
_GAP_DIVISOR = 2
#: Line offsets kept before `PgAudit._measured` lets go of those no record to come needs.
_TRIM = 1 << 10
#: Sessions kept before those silent for `_WINDOW` records are let go.
_KEPT = 256
_NO_SESSION = ("pgAudit records whose log_line_prefix shows no session (%p or %c): "
               "statement ids count per session, so a statement whose records another "
               "session's records interleave may count twice")
#: The statement of a record after the first of its statement and substatement, with
#: `pgaudit.log_statement_once = on`: a repeat, counted with the first.
_PREVIOUSLY_LOGGED = "<previously logged>"
#: The statement when `pgaudit.log_statement = off`: there is nothing to audit.
_NOT_LOGGED = "<not logged>"


def session_fields(body: str) -> list[str] | None:
    """The CSV fields of `SESSION,...` (None when its quoting is broken).

    pgAudit quotes a field only when it holds a comma, a quote or a newline, so a
    line without any quote splits on commas exactly as the csv module would read it
    (the statement is then the eighth field, the parameter the rest). The common
    quoted line, where the statement is the only quoted field, is cut at its quotes
    (`_quoted_statement`); any other line goes through the csv module.
    """
    if '"' not in body:
        parts = body.split(",", _FIELDS - 1)
        return parts if len(parts) == _FIELDS else None
    fields = _quoted_statement(body)
    if fields is not None:
        return fields
    try:
        rows = list(csv.reader([body], strict=True))
    except csv.Error:
        return None
    return rows[0] if len(rows) == 1 and len(rows[0]) >= _FIELDS else None


def _quoted_statement(body: str) -> list[str] | None:
    """The fields of a line whose only quoted field is the statement (else None: use csv).

    Seven unquoted fields, `"`, the statement (quotes in it doubled), `",`, then the
    parameter without quotes (kept whole, as the unquoted split does): the csv module
    reads exactly this, newlines inside the quotes included. Anything else (a quote
    elsewhere, a newline outside the quotes, text after the closing quote) is left to
    the csv module and its strict errors. Only searches that skip ahead in C (memchr)
    read the statement: splitting it would walk it character by character.
    """
    opening = body.find('"')
    fields = body[:opening].split(",")
    # Seven fields and the empty start of the quoted one; no quote may follow the
    # statement's, so it closes at the last quote.
    if len(fields) != _FIELDS - 1 or fields.pop():
        return None
    close = body.rfind('"')
    if close == opening or body[close + 1:close + 2] != ",":
        return None
    statement = body[opening + 1:close]
    if '"' in statement:  # inside, quotes pair up from the left (`""`), as csv reads them
        folded = statement.replace('""', '"')
        if folded.count('"') != len(statement) - len(folded):  # one not doubled
            return None
        statement = folded
    if "\n" in body or "\r" in body:  # allowed only between the quotes
        outside = body[:opening] + body[close:]
        if "\n" in outside or "\r" in outside:
            return None
    fields.append(statement)
    fields.append(body[close + 2:])
    return fields


class PgAudit(PostgresStderr):
    """pgAudit SESSION lines (stderr log)."""

    name: ClassVar[str] = "pgaudit"
    dialect: ClassVar[str] = "postgres"
    context_bytes: ClassVar[int] = 1 << 20

    def __init__(self, settings: Settings = Settings()) -> None:  # noqa: B008 - frozen
        super().__init__(settings)
        self._last: dict[str | None, tuple[tuple[object, ...], int, int]] = {}
        """Per session (None: not shown), its last record counted, that record's number
        and the byte its lines end at, for `_WINDOW` records, oldest first."""
        self._seen = 0
        """SESSION records read so far (the context's too)."""
        self._bytes = 0
        """Bytes of the lines read so far (the context's too)."""
        self._offsets: deque[tuple[int, int]] = deque()
        """(line index, the byte it starts at) of the lines read and not yet passed."""
        self._unknown = [0, 0]
        """First line and number of the records whose session the prefix does not show."""

    @classmethod
    def sniff(cls, head: list[str]) -> bool:
        """Tell whether these first lines look like this format."""
        return any("AUDIT: SESSION," in line for line in head)

    @classmethod
    def reader_for(cls, head: list[str]) -> type[LogFormat]:
        """The reader of a log of these first lines: pgAudit in a stderr, csvlog or jsonlog log."""
        if PostgresJsonlog.sniff(head):
            return PgAuditJsonlog
        if PostgresCsvlog.sniff(head):
            return PgAuditCsvlog
        return cls

    @classmethod
    def settle(cls, settings: Settings, head: list[str]) -> Settings:
        """Without a `log_line_prefix`, which bracketed id is the session (`[%l] [%p] `: the second)."""
        if settings.log_line_prefix:
            return settings
        return replace(settings, session_bracket=session_bracket(head))

    _counted: tuple[str, int] = ("", 1)
    """The last text with a `;` and how many statements it holds (its records come together)."""

    def may_cut(self, line: bytes) -> bool:
        """Not at a SESSION line that may hold several statements.

        That is a line with a `;`, or a quoted text going on to the next line: a range
        starting at a repeat of its previous line (another relation of one statement)
        would count that message again.
        """
        if not self.is_start(line):
            return False
        return b"AUDIT: SESSION," not in line or (b";" not in line and line.count(b'"') % 2 == 0)

    def _message(self, statement_id: str, statement: str,
                 session: str | None) -> tuple[int, int, str | None] | None:
        """(statement id, statements, session) of a record whose text holds several statements."""
        if ";" not in statement or not statement_id.isdigit():  # one memchr: most hold one
            return None
        if self._counted[0] != statement:
            self._counted = (statement, statement_count(statement, "postgres"))
        statements = self._counted[1]
        return (int(statement_id), statements, session) if statements > 1 else None

    def read_context(self, lines: Lines) -> None:
        """Learn each session's last record before the range (nothing is counted)."""
        for _ in self._read(lines, counted=False):
            pass

    def records(self, lines: Lines) -> Iterator[Record | Skipped]:
        """The records of some lines, in order."""
        return self._read(lines, counted=True)

    def _read(self, lines: Lines, counted: bool) -> Iterator[Record | Skipped]:
        """`records`; without `counted` (the context before a range) sessions are only learnt."""
        lasts = self._last
        seen = self._seen
        gap = self.context_bytes // _GAP_DIVISOR
        offsets = self._offsets
        offsets.clear()  # a call's line indexes start again at 0
        for item in self.log_messages(self._measured(lines), "AUDIT: "):
            if isinstance(item, Skipped):
                yield item
                continue
            start, count, fields, body = item
            while offsets[0][0] < start:
                offsets.popleft()
            begins = offsets[0][1]
            ends = offsets[count][1] if count < len(offsets) else self._bytes
            if body[:8] != "SESSION,":
                continue
            row = session_fields(body)
            if row is None:
                yield Skipped(start, "pgAudit line with broken CSV quoting", count)
                continue
            statement = row[7].strip()
            seen += 1
            user, database, application = fields["user"], fields["database"], fields["application"]
            session = fields["session"]
            if session is None and counted:
                if not self._unknown[1]:
                    self._unknown[0] = start
                self._unknown[1] += 1
            # The substatement id is not part of it: a cursor's SELECT and its DECLARE
            # are logged with one statement id and one text, as one run. Statement ids
            # count per session: a session's repeat is its own last record, whatever
            # other sessions wrote between.
            same = (user, database, application, row[1], statement)
            if not statement or statement == _PREVIOUSLY_LOGGED:
                continue  # a repeat: counted with the record that carried the text
            if statement == _NOT_LOGGED:
                yield Skipped(start, "pgAudit record without its statement text "
                              "(pgaudit.log_statement = off)", count)
                continue
            # Inline, not in a function: this runs once per record of the log. A repeat
            # moves its session's record on too (a statement of many relations: the window
            # runs from its latest record).
            last = lasts.get(session)
            repeat = (last is not None and last[0] == same and seen - last[1] <= _WINDOW
                      and begins - last[2] <= gap)
            if last is not None:
                del lasts[session]  # to the end: the dict is in order of last use
            lasts[session] = (same, seen, ends)
            if len(lasts) > _KEPT:
                _forget(lasts, seen)
            if repeat:
                continue  # another relation of the statement: counted at its first record
            yield Record(start, statement, user, database, application, fields["client"],
                         message=self._message(row[1], statement, session))
        self._seen = seen

    def _measured(self, lines: Lines) -> Lines:
        """`lines`, each line's first byte kept (a repeat's window is told in bytes too).

        Only while a record may still need them: past `_TRIM` lines kept (a long stretch of
        other messages), the lines before the record that is read next are let go, so
        memory does not grow with the lines between AUDIT records.
        """
        offsets = self._offsets
        is_start = self.is_start
        # The first line of a record seen while trimming: by the next one's, the record
        # being read starts there or later, and every record before it was read.
        cut = -1
        for item in lines:
            offsets.append((item[0], self._bytes))
            self._bytes += len(item[1])
            if len(offsets) > _TRIM and is_start(item[1]):
                while offsets[0][0] < cut:
                    offsets.popleft()
                cut = item[0]
            yield item

    def notes(self) -> list[tuple[int, int, str]]:
        """How many records could not be told apart by session, at the first of them."""
        line, count = self._unknown
        if not count:
            return []
        return [(line, count, _NO_SESSION)]


class PgAuditCsvlog(PgAudit):
    """pgAudit SESSION lines as the messages of a csvlog (log_destination = csvlog).

    Read as csvlog rows are (the csv module, `postgres_csvlog.rows`); the session is the
    row's own `session_id` (else its process id), so no prefix is guessed.
    """

    def is_start(self, line: bytes) -> bool:
        """Tell whether a line begins a record (a csvlog row starts with its timestamp)."""
        return is_row_start(line)

    def log_messages(
        self, lines: Lines, marker: str = ""
    ) -> Iterator[tuple[int, int, dict[str, str | None], str] | Skipped]:
        """(start line, line count, fields, message after `marker`) of each LOG row that starts with it."""
        for item in rows(lines):
            if isinstance(item, Skipped):
                yield item
                continue
            start, count, row = item
            severity, message = row_message(row)
            if severity == "LOG" and message.startswith(marker):
                yield start, count, row_fields(row), message[len(marker):]


class PgAuditJsonlog(PgAudit):
    """pgAudit SESSION lines as the messages of a jsonlog (log_destination = jsonlog).

    Read as jsonlog lines are (`postgres_jsonlog.log_objects`); the session is the object's own
    `session_id` (else its `pid`).
    """

    def is_start(self, line: bytes) -> bool:
        """Every jsonlog line is a record."""
        return True

    def log_messages(
        self, lines: Lines, marker: str = ""
    ) -> Iterator[tuple[int, int, dict[str, str | None], str] | Skipped]:
        """(line, 1, fields, message after `marker`) of each LOG object whose message starts with it."""
        for item in log_objects(lines):
            if isinstance(item, Skipped):
                yield item
                continue
            index, obj = item
            message = obj.get("message")
            if isinstance(message, str) and message.startswith(marker):
                yield index, 1, object_fields(obj), message[len(marker):]


def _forget(lasts: dict[str | None, tuple[tuple[object, ...], int, int]], seen: int) -> None:
    """Let go of the sessions silent for `_WINDOW` records (the dict is in order of last use).

    Called only once more than `_KEPT` sessions are kept, which most logs never reach:
    the window itself is minded where a repeat is told.
    """
    while True:
        oldest = next(iter(lasts))
        if seen - lasts[oldest][1] <= _WINDOW:
            return
        del lasts[oldest]
