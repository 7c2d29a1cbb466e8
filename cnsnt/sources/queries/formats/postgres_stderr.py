"""PostgreSQL `stderr` logs (log_destination = stderr), with any `log_line_prefix`.

Each record is a prefix, a severity and a message; PostgreSQL writes a
multi-line message with a tab after each newline, so continuation lines start
with a tab. Executions are `statement: ...`, `execute NAME: ...` (extended
protocol; its `DETAIL: parameters:` line is a record of its own and is not a
statement) and the same after `duration: N ms` (log_min_duration_statement).

With the entry's `log_line_prefix` the prefix is read exactly: `%u` user,
`%d` database, `%a` application, `%r`/`%h` client. Without it the prefix is
everything before the severity, and `user=`, `db=`, `app=`, `client=`/`host=`
or a `user@database` word (the Debian default `%m [%p] %q%u@%d `) are read
from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import ClassVar

from cnsnt.sources.queries.formats.base import (
    Lines,
    LogFormat,
    Record,
    Settings,
    Skipped,
    decode,
    grouped,
    pg_statement,
    too_long,
)

SEVERITIES = (
    "LOG|ERROR|WARNING|FATAL|PANIC|NOTICE|INFO|DEBUG[1-5]?|DETAIL|HINT|STATEMENT|CONTEXT|"
    "LOCATION|QUERY"
)
_SNIFF_MESSAGE = re.compile(rf"(?:^|\s)(?:{SEVERITIES}):  ")

_ESCAPES = {
    "u": r"(?P<user>.*?)",
    "d": r"(?P<database>.*?)",
    "a": r"(?P<application>.*?)",
    "r": r"(?P<client>.*?)",
    "h": r"(?P<client>.*?)",
    "%": "%",
}
_FIELDS = ("user", "database", "application", "client")
_KEYS = {
    "user": "user", "usr": "user", "db": "database", "database": "database",
    "dbname": "database", "app": "application", "application": "application",
    "appname": "application", "client": "client", "host": "client", "remote": "client",
}
_KEY = re.compile(r"(?<![\w.])(" + "|".join(_KEYS) + r")=")
_SEVERITY_SET = frozenset(SEVERITIES.replace("DEBUG[1-5]?", "DEBUG|DEBUG1|DEBUG2|DEBUG3|"
                                             "DEBUG4|DEBUG5").split("|"))


def find_severity(line: str) -> tuple[int, int, str] | None:
    """(prefix end, message start, severity): the first `SEVERITY:  ` after a blank or at 0.

    A plain scan for the two-space colon PostgreSQL writes, then a set lookup:
    several times cheaper than one alternation regex tried at every position. Linear: the
    word before each `:  ` is found by searching back from it to the last space (the
    previous `:  ` holds one), never by copying the line up to it.
    """
    at = line.find(":  ")
    while at != -1:
        space = line.rfind(" ", 0, at)  # after the last blank: a space, or a tab after it
        word = line[max(space, line.rfind("\t", space + 1, at)) + 1:at]
        if word in _SEVERITY_SET:
            return at - len(word), at + 3, word
        at = line.find(":  ", at + 1)
    return None


def compile_prefix(prefix: str) -> re.Pattern[str]:
    """A regex for lines written with this `log_line_prefix`, severity and message after it."""
    out: list[str] = []
    seen: set[str] = set()
    optional = 0
    i = 0
    while i < len(prefix):
        ch = prefix[i]
        if ch == "%" and i + 1 < len(prefix):
            code = prefix[i + 1]
            i += 2
            if code == "q":  # the rest is printed only by session processes
                out.append("(?:")
                optional += 1
                continue
            piece = _ESCAPES.get(code, r".*?")
            group = re.match(r"\(\?P<(\w+)>", piece)
            if group and group.group(1) in seen:
                piece = r".*?"
            elif group:
                seen.add(group.group(1))
            out.append(piece)
            continue
        out.append(re.escape(ch))
        i += 1
    out.append(")?" * optional)
    return re.compile("".join(out) + rf"(?P<severity>{SEVERITIES}):  (?P<message>.*)", re.S)


def _guess(prefix: str) -> dict[str, str | None]:
    """The fields a prefix names, without a `log_line_prefix`: `key=value` or `user@db`.

    Without `=` only the first word holding `@` matters (the prefixes of a log differ
    in their timestamp and pid, not in that word), so its reading is cached by word.
    """
    if "=" not in prefix:
        before, at, after = prefix.partition("@")
        if not at:
            return dict.fromkeys(_FIELDS)
        # The whitespace-separated word around the first `@`, as `str.split()` cuts it:
        # between spaces, when it is printable (every other blank is not).
        word = before.rpartition(" ")[2] + at + after.partition(" ")[0]
        if not word.isprintable():
            left = "" if not before or before[-1].isspace() else before.rsplit(None, 1)[-1]
            word = (left + at + after).split(None, 1)[0]
        user, database = _user_at_database(word)
        return {"user": user, "database": database, "application": None, "client": None}
    return _guess_keys(prefix)


@lru_cache(maxsize=4096)
def _user_at_database(word: str) -> tuple[str | None, str | None]:
    """(user, database) of a `%u@%d` word (the Debian default prefix)."""
    user, _, database = word.partition("@")
    user, database = user.strip("[]()"), database.strip("[]():,")
    return (user, database or None) if user else (None, None)


def _guess_keys(prefix: str) -> dict[str, str | None]:
    """`_guess` of a prefix with `=`: `user=`, `db=`, `app=`, `client=` (then `%u@%d`)."""
    found: dict[str, str | None] = dict.fromkeys(_FIELDS)
    keys = list(_KEY.finditer(prefix))
    for i, m in enumerate(keys):
        end = keys[i + 1].start() if i + 1 < len(keys) else len(prefix)
        value = prefix[m.end():end]
        for stop in ",;[]":
            value = value.split(stop, 1)[0]
        name = _KEYS[m.group(1)]
        if found[name] is None:
            found[name] = value.strip() or None
    if found["user"] is None and "@" in prefix:
        for word in prefix.split():  # `%u@%d`, the Debian default
            if "@" in word and "=" not in word:
                user, database = _user_at_database(word)
                if user:
                    found["user"] = user
                    found["database"] = found["database"] or database
                break
    return found


class PostgresStderr(LogFormat):
    """PostgreSQL stderr log lines."""

    name: ClassVar[str] = "postgres_stderr"
    dialect: ClassVar[str] = "postgres"

    def __init__(self, settings: Settings = Settings()) -> None:  # noqa: B008 - frozen
        super().__init__(settings)
        self._prefix = (
            compile_prefix(settings.log_line_prefix) if settings.log_line_prefix else None
        )

    @classmethod
    def sniff(cls, head: list[str]) -> bool:
        """Tell whether these first lines look like this format."""
        hits = [line for line in head if _SNIFF_MESSAGE.search(line)]
        if any("statement: " in line or "execute " in line or "duration: " in line
               for line in hits):
            return True
        # No statement yet (connections and checkpoints first, or `log_statement = mod`):
        # a log all of whose record lines are server messages (the last may be cut short).
        records = [line for line in head if line.strip() and line[:1] != "\t"]
        return len(hits) >= 2 and len(hits) >= len(records) - 1

    def is_start(self, line: bytes) -> bool:
        """Tell whether a line begins a record: PostgreSQL indents continuations with a tab."""
        return line[:1] != b"\t"

    def split(self, line: str) -> tuple[dict[str, str | None], str, str] | None:
        """(user/database/application/client, severity, message) of a record's first line."""
        if self._prefix is not None:
            m = self._prefix.match(line)
            if m is None:
                return None
            groups = m.groupdict()
            fields = {k: (groups.get(k) or None) for k in _FIELDS}
            return fields, m.group("severity"), m.group("message")
        found = find_severity(line)
        if found is None:
            return None
        end, message, severity = found
        return _guess(line[:end]), severity, line[message:]

    def message(self, group: list[bytes]) -> tuple[dict[str, str | None], str, str] | None:
        """A whole record: its prefix fields, severity and message (continuations joined)."""
        head = self.split(decode(group[0]))
        if head is None:
            return None
        if len(group) == 1:
            return head
        fields, severity, first = head
        rest = [decode(raw) for raw in group[1:]]
        text = "\n".join([first] + [r[1:] if r.startswith("\t") else r for r in rest])
        return fields, severity, text

    def log_messages(
        self, lines: Lines, marker: str = ""
    ) -> Iterator[tuple[int, int, dict[str, str | None], str] | Skipped]:
        """(start line, line count, prefix fields, message) of each LOG record, in order.

        Records too long, and lines that are no log record, come as `Skipped`; records of
        other severities are passed over. The stderr and pgAudit readers share this. With
        a `marker`, only messages that start with it come, without it (pgAudit: `AUDIT: `),
        and the prefix of the others is not read.
        """
        guessed = self._prefix is None
        for start, group, dropped in grouped(lines, self.is_start):
            if dropped:
                yield too_long(start, group, dropped)
                continue
            if guessed and len(group) == 1:
                # The common record, one line without a `log_line_prefix`: `message` and
                # `split` inline, and the prefix read only for LOG records.
                line = decode(group[0])
                found = find_severity(line)
                if found is not None:
                    end, begin, severity = found
                    if severity == "LOG" and line.startswith(marker, begin):
                        yield start, 1, _guess(line[:end]), line[begin + len(marker):]
                    continue
                parsed = None
            else:
                parsed = self.message(group)
            if parsed is None:
                if any(raw.strip() for raw in group):
                    yield Skipped(start, "lines that are not PostgreSQL log records", len(group))
                continue
            fields, severity, message = parsed
            if severity == "LOG" and message.startswith(marker):
                yield start, len(group), fields, message[len(marker):]

    def records(self, lines: Lines) -> Iterator[Record | Skipped]:
        """The records of some lines, in order."""
        for item in self.log_messages(lines):
            if isinstance(item, Skipped):
                yield item
                continue
            start, _, fields, message = item
            statement = pg_statement(message)
            if statement is None:
                continue
            yield Record(start, statement, fields["user"], fields["database"],
                         fields["application"], fields["client"])
