"""PostgreSQL `stderr` logs (log_destination = stderr), with any `log_line_prefix`.

Each record is a prefix, a severity and a message; PostgreSQL writes a
multi-line message with a tab after each newline, so continuation lines start
with a tab. Executions are `statement: ...`, `execute NAME: ...` (extended
protocol; its `DETAIL: parameters:` line is a record of its own and is not a
statement) and the same after `duration: N ms` (log_min_duration_statement).

With the entry's `log_line_prefix` the prefix is read exactly: `%u` user,
`%d` database, `%a` application, `%r`/`%h` client (an escape may be padded,
`%-12u`). Without it the prefix is everything before the severity (after a
blank, or a colon as in Amazon RDS's `%t:%r:%u@%d:[%p]:`), and `user=`, `db=`,
`app=`, `client=`/`host=` or a `user@database` word (the Debian default
`%m [%p] %q%u@%d `; between colons in RDS's) are read from it.

The session (`%c`, else `%p`; guessed from `pid=`, `session=` or the first bracketed
id) is read too: pgAudit's statement ids count per session.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import ClassVar, NamedTuple

from cnsnt.sources.queries.formats.base import (
    AUDIT,
    Audited,
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
#: A severity after a blank, or after a colon (RDS: `...:[4242]:LOG:  `).
_SNIFF_MESSAGE = re.compile(rf"(?:^|[\s:])(?:{SEVERITIES}):  ")

_TIME = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"
_ZONE = r"(?: [\w+-]++)?"
#: What each `log_line_prefix` escape prints. The fields are lazy; the others are pinned to
#: what PostgreSQL writes, so a field next to them is cut where the server cut it (with
#: `%t:%r:%u`, a lazy time took `2026-11-30 22` and the user `01 UTC:[local]:mailer`).
_NAME = r".{0,63}?"  # a user, database or application name: at most NAMEDATALEN - 1 bytes
_HOST = r"\S{0,262}?"  # a host name is at most 255 characters, a port 5 digits
#: The most characters an escape prints (without its padding): names, hosts, times.
_LONGEST = {"u": 63, "d": 63, "a": 63, "r": 262, "h": 262, "t": 64, "m": 64, "s": 64,
            "%": 1}
_LONGEST_OTHER = 64
#: Escapes whose text is pinned (digits, times): the others are free text.
_PINNED = frozenset("tmsnpPlxcveQ%")
_ESCAPES = {
    "u": rf"(?P<user>{_NAME})",
    "d": rf"(?P<database>{_NAME})",
    "a": rf"(?P<application>{_NAME})",
    # host(port), [local], or a bare host (IPv6 holds colons: its port's parenthesis ends it)
    "r": rf"(?P<client>\[local\]|[^\s()]{{1,255}}\(\d{{1,5}}\)|{_HOST})",
    "h": rf"(?P<client>{_HOST})",
    "t": _TIME + r"(?:\.\d++)?" + _ZONE,  # a fraction or not: `%t` for `%m` is a common slip
    "m": _TIME + r"(?:\.\d++)?" + _ZONE,
    "s": _TIME + _ZONE,
    "n": r"\d++\.\d++",
    "p": r"(?P<pid>\d*+)",
    "P": r"\d*+",
    "l": r"\d++",
    "x": r"\d*+",
    "c": r"(?P<session>[0-9a-f]++\.[0-9a-f]++)",
    "v": r"(?:\d++/\d++)?",
    "e": r"[0-9A-Z]{5}",
    "Q": r"-?\d++",
    "%": "%",
}
#: `%` with an optional width (`%-12u` pads on the right, `%12u` on the left) and a letter.
_ESCAPE = re.compile(r"%(-?)(\d*)(.)", re.S)
#: Where a line's severity may stand, at most, with a `log_line_prefix`: a server's prefix
#: is short (each field is bounded, names at most 63 bytes).
MAX_PREFIX_CHARS = 4096
_FIELDS = ("user", "database", "application", "client")
#: What a record's fields hold: the prefix's fields and the session (`%c`, else `%p`).
FIELDS = (*_FIELDS, "session")
_KEYS = {
    "user": "user", "usr": "user", "db": "database", "database": "database",
    "dbname": "database", "app": "application", "application": "application",
    "appname": "application", "client": "client", "host": "client", "remote": "client",
    "pid": "session", "session": "session",
}
_KEY = re.compile(r"(?<![\w.])(" + "|".join(_KEYS) + r")=")
#: Bracketed ids of a prefix looked at, at most (a prefix brackets one or two).
_MOST_IDS = 4
_SEVERITY_SET = frozenset(SEVERITIES.replace("DEBUG[1-5]?", "DEBUG|DEBUG1|DEBUG2|DEBUG3|"
                                             "DEBUG4|DEBUG5").split("|"))
#: The lengths of the severities, shortest (`LOG`) first: no severity ends with another.
_SEVERITY_LENGTHS = tuple(sorted({len(s) for s in _SEVERITY_SET}))


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
        blank = max(space, line.rfind("\t", space + 1, at))
        # or after a colon within that word (RDS's `...:[4242]:LOG:  `)
        word = line[max(blank, line.rfind(":", blank + 1, at)) + 1:at]
        if word in _SEVERITY_SET:
            return at - len(word), at + 3, word
        at = line.find(":  ", at + 1)
    return None


class Prefix(NamedTuple):
    """A `log_line_prefix` as a regex for the text before a severity, and its longest text.

    A longer text is no prefix of this server: the regex need not be tried.
    """

    pattern: re.Pattern[str]
    longest: int
    padded: bool = False
    """Whether an escape is padded (`%-12u`): its value is then read without the blanks."""


def prefix_pattern(prefix: str) -> Prefix:
    """A `log_line_prefix` as a regex for the text before a severity.

    It is matched whole (`fullmatch`) on that text, never run over a whole line.
    """
    longest = 0
    out: list[str] = []
    seen: set[str] = set()
    optional = 0
    free = 0  # the most characters of the free escapes just before (none: 0)
    padded = False
    i = 0
    while i < len(prefix):
        escape = _ESCAPE.match(prefix, i) if prefix[i] == "%" else None
        if escape is None:
            out.append(re.escape(prefix[i]))
            longest += 1
            free = 0
            i += 1
            continue
        left, width, code = escape.groups()
        i = escape.end()
        if code == "q":  # the rest is printed only by session processes
            out.append("(?:")
            optional += 1
            free = 0
            continue
        most = _LONGEST.get(code, _LONGEST_OTHER) + int(width or 0)
        longest += most
        if code not in _PINNED:
            if free:  # `%u%d`: no text tells where one ends, and the cuts tried multiply
                out[-1] = f".{{0,{free + most}}}?"
                free += most
                continue
            free = most
        else:
            free = 0
        piece = _ESCAPES.get(code, _NAME)  # %i command tag, %b backend type: short words
        group = re.match(r"\(\?P<(\w+)>", piece)
        if group and group.group(1) in seen:
            piece = "(?:" + piece[len(group.group(0)):]
        elif group:
            seen.add(group.group(1))
        padded = padded or bool(width)
        if width:  # padded with spaces to the width: after the value (`%-12u`) or before
            piece = piece + " *" if left else " *" + piece
        out.append(piece)
    out.append(")?" * optional)
    return Prefix(re.compile("".join(out), re.S), longest, padded)


def _guess(prefix: str, nth: int = 0) -> dict[str, str | None]:
    """The fields a prefix names, without a `log_line_prefix`: `key=value` or `user@db`.

    Without `=` only the first word holding `@` matters (the prefixes of a log differ
    in their timestamp and pid, not in that word), so its reading is cached by word.
    The session is the first bracketed process or session id (`_bracketed_session`).
    """
    if "=" not in prefix:
        before, at, after = prefix.partition("@")
        if not at:
            return {"user": None, "database": None, "application": None, "client": None,
                    "session": _bracketed_session(prefix, nth)}
        # The whitespace-separated word around the first `@`, as `str.split()` cuts it:
        # between spaces, when it is printable (every other blank is not).
        word = before.rpartition(" ")[2] + at + after.partition(" ")[0]
        if not word.isprintable():
            left = "" if not before or before[-1].isspace() else before.rsplit(None, 1)[-1]
            word = (left + at + after).split(None, 1)[0]
        user, database = _user_at_database(word)
        return {"user": user, "database": database, "application": None, "client": None,
                "session": _bracketed_session(prefix, nth)}
    return _guess_keys(prefix, nth)


def _bracketed_session(prefix: str, nth: int = 0) -> str | None:
    """The `nth` (else the first) `[4242]` (`%p`) or `[6570a1b2.1092]` (`%c`) of a prefix, else None.

    Every common prefix writes the process id in brackets: Debian's `%m [%p] `, RDS's
    `...:[%p]:`, pgBadger's `%t [%p]: [%l-1] ` (whose `[14-1]` is no id), the pgAudit
    README's `%m %u %d [%p]: `; `[local]` (`%r`) is skipped. A prefix that brackets its line
    number too (`[%l] [%p] `) has the session in the bracket `session_bracket` tells.
    """
    if nth:
        ids = bracketed_ids(prefix, nth + 1)
        return (ids[nth] if nth < len(ids) else ids[0]) if ids else None
    opening = prefix.find("[")  # the first, found without a list (once per record)
    while opening != -1:
        closing = prefix.find("]", opening)
        if closing == -1:
            return None
        inside = prefix[opening + 1:closing]
        if inside.isdigit() or _is_session_id(inside):
            return inside
        opening = prefix.find("[", closing)
    return None


def bracketed_ids(prefix: str, most: int = _MOST_IDS) -> list[str]:
    """The first `most` bracketed ids of a prefix: numbers (`%p`, `%l`) and `%c` session ids."""
    out: list[str] = []
    opening = prefix.find("[")
    while opening != -1 and len(out) < most:
        closing = prefix.find("]", opening)
        if closing == -1:
            break
        inside = prefix[opening + 1:closing]
        if inside.isdigit() or _is_session_id(inside):
            out.append(inside)
        opening = prefix.find("[", closing)
    return out


def session_bracket(head: list[str]) -> int:
    """Which bracketed id of the head's prefixes is the session: the first that is no line number.

    `%l`, a session's line number, goes up by one on each of its lines while its process id
    stays, and starts at 1: of two numbers, the line number is the one that steps up by one
    more often among the lines sharing the other's value (a process id never repeats there),
    the smaller one on a tie (process ids beside it also step by one when sessions start one
    after another). With no session of two lines in the head, a number that is the same on
    every line while another changes is a line number restarting at each new session. Else
    (one id, or nothing tells): the first, as without `%l`.
    """
    rows: list[list[str]] = []
    for line in head:
        found = find_severity(line)
        if found is not None and len(ids := bracketed_ids(line[:found[0]])) >= 2:
            rows.append(ids)
    width = min((len(r) for r in rows), default=0)
    numbers = [p for p in range(width) if all(r[p].isdigit() for r in rows)]  # `%c` counts nothing
    best: tuple[tuple[int, int], int] | None = None
    for p in numbers:
        score = max(_steps(rows, p, q) for q in range(width) if q != p)
        middle = sorted(int(r[p]) for r in rows)[len(rows) // 2]
        if score > 0 and (best is None or (score, -middle) > best[0]):
            best = (score, -middle), p
    if best is not None:
        counter = best[1]
    else:
        constant = [p for p in numbers if len({r[p] for r in rows}) == 1]
        varies = [p for p in range(width) if len({r[p] for r in rows}) > 1]
        counter = constant[0] if constant and varies else -1
    return 1 if counter == 0 else 0


def _steps(rows: list[list[str]], p: int, q: int) -> int:
    """Steps of one up of number `p` among rows of one `q` value, less the times it stays."""
    last: dict[str, int] = {}
    score = 0
    for r in rows:
        value, before = int(r[p]), last.get(r[q])
        if before is not None:
            score += 1 if value == before + 1 else -1 if value == before else 0
        last[r[q]] = value
    return score


def _is_session_id(text: str) -> bool:
    """Whether a text is a `%c` session id: two hexadecimal numbers joined by a dot.

    The first is the session's start in seconds, at most 8 hexadecimal digits until 2106:
    a `%n` Unix epoch (`[1764583201.123]`, ten decimal digits) is no session.
    """
    start, dot, pid = text.partition(".")
    return bool(dot and start and pid) and len(start) <= 8 and all(c in _HEX for c in start + pid)


_HEX = frozenset("0123456789abcdef")


@lru_cache(maxsize=4096)
def _user_at_database(word: str) -> tuple[str | None, str | None]:
    """(user, database) of a `%u@%d` word (the Debian default prefix).

    In RDS's `%t:%r:%u@%d:[%p]:` it stands between colons: `UTC:10.0.4.7(51022):mailer@shop:[4242]:`.
    """
    user, _, database = word.partition("@")
    if ":" in word:
        user, database = user.rpartition(":")[2], database.partition(":")[0]
    user, database = user.strip("[]()"), database.strip("[]():,")
    return (user, database or None) if user else (None, None)


def _guess_keys(prefix: str, nth: int = 0) -> dict[str, str | None]:
    """`_guess` of a prefix with `=`: `user=`, `db=`, `app=`, `client=`, `pid=`, `session=`.

    Then a `%u@%d` word for the user, and a bracketed id for the session.
    """
    found: dict[str, str | None] = dict.fromkeys(FIELDS)
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
    if found["session"] is None:
        found["session"] = _bracketed_session(prefix, nth)
    return found


class PostgresStderr(LogFormat):
    """PostgreSQL stderr log lines."""

    name: ClassVar[str] = "postgres_stderr"
    dialect: ClassVar[str] = "postgres"

    def __init__(self, settings: Settings = Settings()) -> None:  # noqa: B008 - frozen
        super().__init__(settings)
        self._prefix = (
            prefix_pattern(settings.log_line_prefix) if settings.log_line_prefix else None
        )
        self._nth = settings.session_bracket
        self.audited = Audited(self.name)

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
            return self._split_prefixed(line)
        found = find_severity(line)
        if found is None:
            return None
        end, message, severity = found
        return _guess(line[:end], self._nth), severity, line[message:]

    def _split_prefixed(self, line: str) -> tuple[dict[str, str | None], str, str] | None:
        """`split` with the entry's `log_line_prefix`: the severity is the first `SEVERITY:  `.

        The prefix pattern is matched once, on the text before it, and each of its fields
        is bounded (run over a whole line, its lazy fields tried every cut: a line of 16,000
        `@` took 1.3 s with `%m [%p] %q%u@%d `, and RDS's `%t:%r:%u@%d:[%p]:` did not end
        on 2,000 characters).
        """
        assert self._prefix is not None
        at = line.find(":  ", 0, MAX_PREFIX_CHARS)
        while at != -1:
            end = next((at - n for n in _SEVERITY_LENGTHS
                        if n <= at and line[at - n:at] in _SEVERITY_SET), -1)
            if end >= 0:
                m = self._prefix.pattern.fullmatch(line, 0, end) \
                    if end <= self._prefix.longest else None
                if m is None:
                    return None
                groups = m.groupdict()
                if self._prefix.padded:
                    fields = {k: ((groups.get(k) or "").strip() or None) for k in _FIELDS}
                else:
                    fields = {k: (groups.get(k) or None) for k in _FIELDS}
                fields["session"] = groups.get("session") or groups.get("pid") or None
                return fields, line[end:at], line[at + 3:]
            at = line.find(":  ", at + 1, MAX_PREFIX_CHARS)
        return None

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
        nth = self._nth
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
                        yield start, 1, _guess(line[:end], nth), line[begin + len(marker):]
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
                if message.startswith(AUDIT):
                    self.audited.seen(start)
                continue
            yield Record(start, statement, fields["user"], fields["database"],
                         fields["application"], fields["client"])

    def notes(self) -> list[tuple[int, int, str]]:
        """The pgAudit messages passed over (the log wants `format: pgaudit`)."""
        return self.audited.notes()
