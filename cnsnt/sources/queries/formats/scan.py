"""Scan a server log into shapes: byte ranges at record starts, a process pool, one merge.

Each worker returns only the unique shapes of its range (fingerprint, user,
application, annotation -> first line, count, first text), so memory follows
the number of shapes, not the size of the log; ranges are merged in order, so
the result is the same for every `--jobs`. Compressed logs and formats with
per-connection state are read in one pass. pgAudit, whose repeats are told by session,
reads the records just before its range again (`LogFormat.read_context`) to know each
session's last record.
"""

from __future__ import annotations

import csv
import itertools
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cnsnt.evidence import SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext, WorkerPool
from cnsnt.sources.queries.common import (
    Annotation,
    Attribution,
    Gathered,
    Note,
    attribution,
    note_problems,
    oversize_problem,
    parse_directives,
    unknown_purpose_problems,
    workers,
)
from cnsnt.sources.queries.compressed import compression, open_log
from cnsnt.sources.queries.formats.base import Lines, LogFormat, Settings, Skipped
from cnsnt.sources.queries.formats.messages import MessageIds, unfinished
from cnsnt.sql.fingerprint import Fingerprinter
from cnsnt.sql.statements import comments_in

#: The first bytes and lines of a log a format settles its settings from (`LogFormat.settle`).
_HEAD_BYTES = 64 << 10
_HEAD_LINES = 200
#: Logs smaller than this are scanned in-process.
PARALLEL_BYTES = 32 << 20
_RANGES_PER_WORKER = 4

# (fingerprint, user, application, annotation or None)
_Key = tuple[bytes, str | None, str | None, Annotation | None]
#: A shape and the session whose statement ids a message's records count in.
_SessionKey = tuple[_Key, str | None]
#: Sessions whose messages of several statements a range and the merge keep apart (far
#: more than a server's connections at a time); the longest silent is counted and let go.
_SESSIONS = 1 << 16
_LET_GO = ("pgAudit messages of several statements whose session was silent for more than "
           "{sessions:,} other sessions' messages while one of its messages was unfinished (or "
           "began in an earlier byte range): cnsnt keeps that many sessions apart at a time, so "
           "such a message may count twice")


@dataclass(slots=True)
class Seen:
    """A shape in one range: its first line index, how often it ran, its first text."""

    line: int
    calls: int
    text: str


@dataclass
class RangeResult:
    """What one byte range held."""

    lines: int = 0
    shapes: dict[_Key, Seen] = field(default_factory=dict)
    skipped: dict[str, list[int]] = field(default_factory=dict)
    """reason -> [first line index, records, lines]."""
    notes: dict[str, list[int]] = field(default_factory=dict)
    """message -> [first line index, occurrences]: bounded however often it recurs."""
    oversize: list[tuple[int, int]] = field(default_factory=list)
    """(line index, characters) of each statement over the statement size limit."""
    messages: dict[_SessionKey, MessageIds] = field(default_factory=dict)
    """The ids of records that are statements of a message of several (pgAudit), by shape
    and session: counted as messages by the merge."""

    def fold_oldest(self, later: bool) -> None:
        """Count the messages of the session that sent one longest ago, and forget it.

        Memory stays bounded however many sessions a log holds; that session's ids are
        placed as if no earlier range had counted a message of it (it has been silent
        for `_SESSIONS` other sessions' messages). Exact when its last message is whole
        and, in a `later` range, its first ids were placed by the range itself; else a
        later record may count that message again, and a warning says so.
        """
        oldest = next(iter(self.messages))
        ids = self.messages.pop(oldest)
        count, start = ids.place(None)
        seen = self.shapes[oldest[0]]
        seen.calls += count
        if unfinished(start, ids.last, ids.statements) or (later and ids.runs):
            self.note(seen.line, _LET_GO.format(sessions=_SESSIONS))

    def note(self, line: int, message: str) -> None:
        """Count one annotation or stream problem."""
        entry = self.notes.get(message)
        if entry is None:
            self.notes[message] = [line, 1]
        else:
            entry[1] += 1


def _annotation(text: str, dialect: str, line: int) -> tuple[Annotation | None, list[Note]]:
    if "cnsnt:" not in text and "CNSNT:" not in text:  # as the `lines` scan: two plain finds
        return None, []
    annotation, notes = parse_directives((line, body) for body in comments_in(text, dialect))
    return (annotation if annotation.purposes or annotation.ignores else None), notes


def scan_range(
    fmt_cls: type[LogFormat], settings: Settings, path: str, start: int, end: int, dialect: str,
    limit: int = 0, floor: int | None = None,
) -> RangeResult:
    """Shapes of the records that start in [start, end); line indexes relative to the range.

    A statement longer than `limit` characters (0: no limit) is listed, not fingerprinted:
    it would not be parsed. `floor`: where the log's first range starts, when this range
    is a later one (the format reads the records before it, from no earlier than that).
    """
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 27))
    longest = limit if limit > 0 else sys.maxsize
    fmt = fmt_cls(settings)
    fingerprint = Fingerprinter(dialect).fingerprint
    out = RangeResult()
    shapes, skipped = out.shapes, out.skipped
    later = floor is not None and start > floor  # not the log's first range
    if fmt.context_bytes and floor is not None and later:
        fmt.read_context(_context(path, fmt, floor, start))
    with open_log(path) as fh:
        if start:
            fh.seek(start)
        counter = itertools.count()
        to_the_end = end == sys.maxsize or (fh.kind is None and end >= os.path.getsize(path))

        def bounded() -> Iterator[tuple[int, bytes]]:
            offset = start
            for raw in fh:
                if offset >= end and fmt.may_cut(raw):
                    return
                offset += len(raw)
                yield next(counter), raw

        # A range that ends with the file needs no offsets: the lines are numbered in C.
        numbered = zip(counter, fh, strict=False) if to_the_end else bounded()
        for rec in fmt.records(numbered):
            if isinstance(rec, Skipped):
                entry = skipped.get(rec.reason)
                if entry is None:
                    skipped[rec.reason] = [rec.line, 1, rec.lines]
                else:
                    entry[1] += 1
                    entry[2] += rec.lines
                continue
            # `_add`, inline: this runs once per statement of the log.
            text = rec.text
            if len(text) > longest:
                out.oversize.append((rec.line, len(text)))
                continue
            annotation = None
            # One scan in C (memchr) for the colon both spellings need, before the two
            # word searches: most statements have no colon at all.
            if ":" in text and ("cnsnt:" in text or "CNSNT:" in text):
                annotation, notes = _annotation(text, dialect, rec.line)
                for found in notes:
                    out.note(found.line, found.message)
            fp = fingerprint(text.encode("utf-8", "surrogatepass"))
            if not fp:
                continue
            key: _Key = (fp, rec.user, rec.application, annotation)
            seen = shapes.get(key)
            if rec.message is not None:  # counted by the merge, once per message
                if seen is None:
                    shapes[key] = Seen(rec.line, 0, text)
                statement_id, statements, session = rec.message
                ids = out.messages.pop((key, session), None)  # to the end: most recent last
                if ids is None:
                    ids = MessageIds(statements)
                    if len(out.messages) >= _SESSIONS:
                        out.fold_oldest(later)
                out.messages[key, session] = ids
                ids.add(statement_id)
            elif seen is None:
                shapes[key] = Seen(rec.line, rec.calls, text)
            else:
                seen.calls += rec.calls
        for line, count, message in fmt.notes():
            entry = out.notes.setdefault(message, [line, 0])
            entry[1] += count
        # Every format reads all its lines; zip drew one number more at the end of the file.
        out.lines = next(counter) - (1 if to_the_end else 0)
        if fh.problem:
            out.note(out.lines, f"{fh.problem}: the {out.lines:,} lines before this point "
                                "were audited, the rest could not be read")
    return out


def _context(path: str, fmt: LogFormat, floor: int, start: int) -> Lines:
    """The lines before `start` from a record start `fmt.context_bytes` or more back (or `floor`).

    Goes back further while no whole record starts in between (a record longer than that).
    """
    with open(path, "rb") as fh:
        back = start
        while back > floor:
            back = max(floor, back - fmt.context_bytes)
            fh.seek(back)
            if back == floor:
                break
            fh.readline()  # the rest of the line `back` cuts
            pos = fh.tell()
            if pos < start and fmt.is_start(fh.readline()):
                fh.seek(pos)
                break
        offset = fh.tell()
        for index, raw in enumerate(fh):
            if offset >= start:
                return
            offset += len(raw)
            yield index, raw


def _cuts(path: Path, fmt: LogFormat, parts: int, start: int = 0) -> list[tuple[int, int]]:
    """Byte ranges of about equal size from `start`, each starting where the format may be cut."""
    size = path.stat().st_size
    cuts = [start]
    with path.open("rb") as fh:
        for i in range(1, parts):
            fh.seek(max(size * i // parts, cuts[-1]))
            fh.readline()
            while True:
                pos = fh.tell()
                line = fh.readline()
                if not line or fmt.may_cut(line):
                    break
            if cuts[-1] < pos < size:
                cuts.append(pos)
    cuts.append(size)
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def role_of(user: str | None, application: str | None, attr: Attribution) -> str | None:
    """The role `roles:` maps: the database user, else the application, when either is mapped."""
    for name in (user, application):
        if name and attr.listed(name) is not None:
            return name
    return user or application


def read_log(
    fmt_cls: type[LogFormat],
    path: Path,
    shown: str,
    spec: SourceSpec,
    ctx: SourceContext,
    dialect: str | None,
) -> Gathered:
    """Read one server log of a known format into shapes."""
    settings = Settings(log_line_prefix=spec.log_line_prefix)
    dialect = dialect or fmt_cls.dialect
    size = path.stat().st_size
    jobs = workers(ctx.jobs)
    limit = ctx.limits.statement_bytes
    with open_log(path, shown) as fh:
        head = fh.read(_HEAD_BYTES)
    bom = 3 if head.startswith(b"\xef\xbb\xbf") else 0  # a UTF-8 BOM is not log text
    # told once, from the first lines, so every range reads the log alike
    first = head[bom:].decode("utf-8", "replace").splitlines()[:_HEAD_LINES]
    fmt_cls = fmt_cls.reader_for(first)
    settings = fmt_cls.settle(settings, first)
    fmt = fmt_cls(settings)
    if compression(path) or not fmt_cls.splittable:
        ranges = [(bom, sys.maxsize)]
    elif jobs > 1 and size >= PARALLEL_BYTES:
        ranges = _cuts(path, fmt, jobs * _RANGES_PER_WORKER, bom)
    else:
        ranges = [(bom, size)] if size > bom else []
    if len(ranges) > 1:
        with WorkerPool(jobs) as pool:
            futures = [pool.submit(scan_range, fmt_cls, settings, str(path), a, b, dialect, limit,
                                   ranges[0][0] if i else None)
                       for i, (a, b) in enumerate(ranges)]
            weights = [b - a for a, b in ranges]
            results = pool.results(futures, weights, ctx.progress, "Reading query log", size)
    else:
        results = [scan_range(fmt_cls, settings, str(path), a, b, dialect, limit)
                   for a, b in ranges]
    return merge(results, shown, attribution(spec, ctx), fmt_cls.name, limit)


def merge(
    results: list[RangeResult], shown: str, attr: Attribution, name: str, limit: int = 0
) -> Gathered:
    """The ranges' shapes in file order, with absolute lines and roles."""
    gathered = Gathered()
    skipped: dict[str, list[int]] = {}
    notes: dict[str, list[int]] = {}
    oversize: list[SourceProblem] = []
    base = 0
    empty = Annotation()
    carried: dict[_SessionKey, tuple[int | None, bool]] = {}
    """Per shape and session, the first id of the message of several statements counted
    last and whether it may be unfinished (most recent last)."""
    for res in results:
        for message, (index, count) in res.notes.items():
            entry = notes.setdefault(message, [base + index + 1, 0])
            entry[1] += count
        for index, size in res.oversize:
            gathered.statements += 1
            oversize.append(oversize_problem(size, limit, shown, base + index + 1))
        for reason, (index, records, lines) in res.skipped.items():
            entry = skipped.setdefault(reason, [base + index + 1, 0, 0])
            entry[1] += records
            entry[2] += lines
        for (shape, session), ids in res.messages.items():
            before = carried.pop((shape, session), None)
            count, start = ids.place(before[0] if before is not None else None)
            carried[shape, session] = start, unfinished(start, ids.last, ids.statements)
            if len(carried) > _SESSIONS and carried.pop(next(iter(carried)))[1]:
                # a later range's first records of that session may continue it
                entry = notes.setdefault(_LET_GO.format(sessions=_SESSIONS),
                                         [base + res.shapes[shape].line + 1, 0])
                entry[1] += 1
            res.shapes[shape].calls += count
        for (fp, user, application, annotation), seen in res.shapes.items():
            if not seen.calls:
                continue  # only a dropped repeat: the shape is in an earlier range
            line = base + seen.line + 1
            ann = annotation or empty
            if ann.purposes:
                gathered.problems.extend(unknown_purpose_problems(ann.purposes, attr, shown, line))
            key = attr.key(fp, ann, role=role_of(user, application, attr))
            gathered.add(key, line, None, seen.text, seen.calls)
            gathered.statements += seen.calls - 1
        base += res.lines
    gathered.problems.extend(oversize)  # in file order, however the log was cut
    for message, (line, count) in sorted(notes.items(), key=lambda kv: kv[1][0]):
        suffix = f" ({count:,} statements)" if count > 1 else ""
        gathered.problems.extend(note_problems([Note(line, message + suffix)], shown))
    for reason, (line, records, lines) in sorted(skipped.items(), key=lambda kv: kv[1][0]):
        what = f"{records:,} record{'s' if records != 1 else ''} ({lines:,} " \
               f"line{'s' if lines != 1 else ''})"
        gathered.problems.append(SourceProblem(
            f"{what} skipped as {name}: {reason}; the rest of the log was audited",
            Location(shown, line), shown, severity=Severity.WARNING,
        ))
    once: dict[tuple[str, int | None], SourceProblem] = {}
    for problem in gathered.problems:
        once.setdefault((problem.message, problem.location.line), problem)
    gathered.problems = list(once.values())
    return gathered
