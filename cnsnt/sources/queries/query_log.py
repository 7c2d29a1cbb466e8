"""Query logs: one statement per line (`lines`) and pg_stat_statements CSV exports.

Logs are streamed, never loaded whole. A large `lines` log is cut into byte
ranges at line boundaries and fingerprinted by a process pool (each worker
returns only the unique shapes of its range); the first occurrence of each
shape is read back by offset for parsing. Memory grows with the number of
unique shapes, not with the size of the log.
"""

from __future__ import annotations

import contextlib
import csv
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from cnsnt.errors import SourceError
from cnsnt.evidence import SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import (
    SourceContext,
    WorkerPool,
    budget_message,
    open_source,
    source_encoding,
    text_lines,
)
from cnsnt.sources.queries.common import (
    Annotation,
    Attribution,
    Gathered,
    Note,
    attribution,
    note_problems,
    oversize_problem,
    parse_directives,
    statement_failed,
    unknown_purpose_problems,
    workers,
)
from cnsnt.sources.queries.compressed import LogStream, compression
from cnsnt.sql.ddl import oversize_message
from cnsnt.sql.fingerprint import Fingerprinter
from cnsnt.sql.statements import comments_in

#: Logs smaller than this are fingerprinted in-process.
PARALLEL_BYTES = 32 << 20
_RANGES_PER_WORKER = 4
_MEMO = 4096
_ROLE_COLUMNS = ("rolname", "usename", "userid")

# fingerprint (unannotated: the bytes alone, hashed in C), or fingerprint and
# annotation -> [first line index, count, byte offset, byte length]
_RangeShapes = dict[bytes | tuple[bytes, Annotation], list[int]]


@contextlib.contextmanager
def _open_log(path: Path, shown: str) -> Iterator[BinaryIO | LogStream]:
    """The log's bytes: the file itself, or its `.gz`/`.zst` stream decompressed on the fly.

    `open_source` checks first that it is a regular file (never a FIFO or device).
    """
    with open_source(path, shown) as plain:
        if compression(path) is None:
            yield plain
            return
    stream = LogStream(path, shown)
    try:
        yield stream
    finally:
        stream.close()


def _annotation(text: bytes, dialect: str | None, line: int) -> tuple[Annotation, list[Note]]:
    """Annotations inside one log statement (`/* cnsnt: purpose=x */ SELECT ...`)."""
    if b"cnsnt:" not in text.lower():
        return Annotation(), []
    bodies = comments_in(text.decode("utf-8", "replace"), dialect)
    return parse_directives((line, b) for b in bodies)


class _Spent(Exception):
    """A range worker ran past the source's time budget."""


def _lines(fh: BinaryIO | LogStream, limit: int) -> Iterator[tuple[bytes, int]]:
    """Lines as (bytes, length); a line longer than `limit` comes back empty with its length.

    `readline(n)` never holds more than `limit` bytes of one line: a file with
    no newline at all costs bounded memory.
    """
    cap = limit + 1 if limit > 0 else -1
    while True:
        raw = fh.readline(cap)
        if not raw:
            return
        if cap < 0 or len(raw) < cap or raw.endswith(b"\n"):
            yield raw, len(raw)
            continue
        size = len(raw)
        while not raw.endswith(b"\n"):
            raw = fh.readline(1 << 20)
            if not raw:
                break
            size += len(raw)
        yield b"", size


def _scan_range(
    path: str,
    start: int,
    end: int,
    dialect: str | None,
    limit: int = 0,
    deadline: float | None = None,
) -> tuple[int, _RangeShapes, list[Note]]:
    """Fingerprint the lines that start in [start, end): (line count, shapes, notes).

    Line indexes are relative to the range; the caller adds the lines before it.
    A line over `limit` bytes is a note, not a statement; an error on one line
    costs that line only.
    """
    fp = Fingerprinter(dialect)
    fingerprint = fp.fingerprint
    shapes: _RangeShapes = {}
    notes: list[Note] = []
    empty = Annotation()
    # Identical lines (same literals too) are common in real logs: remember the
    # fingerprints of recent ones. Bounded, so a log of unique lines costs little.
    memo: dict[bytes, bytes] = {}
    index = -1
    offset = start
    with _open_log(Path(path), path) as fh:
        if start:
            fh.seek(start)
        for raw, length in _lines(fh, limit):
            index += 1
            line_offset = offset
            offset += length
            if deadline is not None and index % 4096 == 4095 and time.monotonic() > deadline:
                raise _Spent()
            if not raw:
                if length > 1:
                    notes.append(Note(index, oversize_message(length, limit), error=True))
                if offset >= end:
                    break
                continue
            try:
                if b";" in raw and b";" in raw.rstrip().rstrip(b";"):
                    pieces = fp.split(raw)
                elif b"cnsnt:" in raw:
                    body = raw.rstrip()
                    pieces = [(0, body)] if body.strip(b"; \t") else []
                else:
                    key_fp = memo.get(raw)
                    if key_fp is None:
                        # Without its newline most lines skip _finish's whitespace pass.
                        key_fp = fingerprint(raw.rstrip(b"\r\n"))
                        if len(memo) >= _MEMO:
                            memo.clear()
                        memo[raw] = key_fp
                    if key_fp:
                        entry = shapes.get(key_fp)
                        if entry is None:
                            shapes[key_fp] = [index, 1, line_offset, len(raw)]
                        else:
                            entry[1] += 1
                    if offset >= end:
                        break
                    continue
                for piece_offset, stmt in pieces:
                    annotation = empty
                    if b"cnsnt:" in stmt:
                        annotation, found = _annotation(stmt, dialect, index)
                        notes.extend(found)
                    key: bytes | tuple[bytes, Annotation] = (
                        (fingerprint(stmt), annotation)
                        if annotation.purposes or annotation.ignores
                        else fingerprint(stmt)
                    )
                    entry = shapes.get(key)
                    if entry is None:
                        shapes[key] = [index, 1, line_offset + piece_offset, len(stmt)]
                    else:
                        entry[1] += 1
            except Exception as exc:  # noqa: BLE001 - one odd line costs that line only
                notes.append(Note(index, statement_failed(exc, path, None).message, error=True))
            if offset >= end:
                break
        problem = getattr(fh, "problem", None)
        if problem:
            notes.append(Note(index + 1, f"{problem}: the {index + 1:,} lines before this point "
                                         "were audited, the rest could not be read"))
    return index + 1, shapes, notes


def _ranges(path: Path, shown: str, parts: int, start: int = 0) -> list[tuple[int, int]]:
    """Byte ranges of about equal size, each starting at a line start."""
    cuts = [start]
    with open_source(path, shown) as fh:
        size = os.fstat(fh.fileno()).st_size
        for i in range(1, parts):
            fh.seek(size * i // parts)
            fh.readline()
            pos = fh.tell()
            if cuts[-1] < pos < size:
                cuts.append(pos)
    cuts.append(size)
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def read_lines(
    path: Path, shown: str, spec: SourceSpec, ctx: SourceContext, dialect: str | None
) -> Gathered:
    """A log with one statement per line (`;` may separate several on a line).

    A UTF-16 or UTF-32 log (with a BOM) is first decoded, by the rule every reader
    shares, into a temporary UTF-8 copy that is scanned the same way. A `.gz` or
    `.zst` log is decompressed as it is read, in one pass.
    """
    if compression(path) is None and source_encoding(path, shown) != "utf-8":
        with tempfile.TemporaryDirectory(prefix="cnsnt-") as tmp:
            copy = Path(tmp) / "log.utf8"
            with copy.open("w", encoding="utf-8", newline="") as out:
                for line in text_lines(path, shown, ctx.chunk_chars):
                    out.write(line)
            return _read_lines(copy, shown, spec, ctx, dialect)
    return _read_lines(path, shown, spec, ctx, dialect)


def _read_lines(
    path: Path, shown: str, spec: SourceSpec, ctx: SourceContext, dialect: str | None
) -> Gathered:
    attr = attribution(spec, ctx)
    size = os.stat(path).st_size
    with _open_log(path, shown) as fh:  # decompressed: a `.gz` log's BOM is inside it
        bom = 3 if fh.read(3) == b"\xef\xbb\xbf" else 0  # a UTF-8 BOM is not log text
    jobs = workers(ctx.jobs)
    limit = ctx.limits.statement_bytes
    deadline = ctx.deadline.end if ctx.deadline is not None else None
    if compression(path):
        ranges = [(bom, sys.maxsize)]  # a compressed stream is read in one pass
    elif ctx.log_ranges > 0:
        ranges = _ranges(path, shown, ctx.log_ranges, bom)
    elif jobs > 1 and size >= PARALLEL_BYTES:
        ranges = _ranges(path, shown, jobs * _RANGES_PER_WORKER, bom)
    else:
        ranges = [(bom, size)] if size > bom else []
    results: list[tuple[int, _RangeShapes, list[Note]]] = []
    try:
        if len(ranges) > 1 and jobs > 1:
            with WorkerPool(jobs) as pool:
                futures = [
                    pool.submit(_scan_range, str(path), a, b, dialect, limit, deadline) for a, b in ranges
                ]
                weights = [b - a for a, b in ranges]
                results = pool.results(futures, weights, ctx.progress, "Fingerprinting query log", size)
        else:
            results = [_scan_range(str(path), a, b, dialect, limit, deadline) for a, b in ranges]
    except _Spent:
        raise SourceError(budget_message(ctx.limits.source_seconds, "fingerprinting the log"),
                          Location(shown)) from None
    gathered = Gathered()
    # Shapes are merged over all ranges before anything is reported, so what is
    # reported (and at which line) does not depend on how the log was cut.
    merged: dict[tuple[bytes, Annotation], list[int]] = {}
    empty = Annotation()
    base = 0
    for count, shapes, notes in results:
        for note in notes:
            where = Location(shown, note.line + base + 1)
            if note.error:
                gathered.problems.append(SourceProblem(note.message, where, shown))
            else:
                gathered.problems.extend(note_problems([Note(note.line + base + 1, note.message)],
                                                       shown))
        for shape_key, (index, calls, offset, length) in shapes.items():
            range_key = (shape_key, empty) if isinstance(shape_key, bytes) else shape_key
            entry = merged.get(range_key)
            if entry is None:
                merged[range_key] = [base + index + 1, calls, offset, length]
            else:
                entry[1] += calls
        base += count
    with _open_log(path, shown) as stream:

        def loader(offset: int, length: int) -> Callable[[], str]:
            def load() -> str:
                stream.seek(offset)
                return stream.read(length).decode("utf-8", "replace").strip()

            return load

        for (fingerprint, annotation), (line, calls, offset, length) in merged.items():
            if annotation.purposes:
                gathered.problems.extend(
                    unknown_purpose_problems(annotation.purposes, attr, shown, line)
                )
            key = attr.key(fingerprint, annotation)
            gathered.add(key, line, None, None, calls, load=loader(offset, length))
            gathered.statements += calls - 1
    gathered.problems = _dedupe(gathered.problems)
    return gathered


def _dedupe(problems: list[SourceProblem]) -> list[SourceProblem]:
    seen: dict[tuple[str, str | None, int | None], SourceProblem] = {}
    for p in problems:
        seen.setdefault((p.message, p.location.path, p.location.line), p)
    return list(seen.values())


def _rows(
    path: Path, shown: str, chunk: int = 1 << 20
) -> Iterator[tuple[int, dict[str, str], str | None, int]]:
    """Rows of a CSV export with the line each starts on, streamed (shared decoding).

    The third item says why a row cannot be read as the header names it: broken quoting,
    more fields than the header (a query with unquoted commas, as `psql -A -F,` writes
    it, would be read cut at its first comma) or too few to reach the query. The fourth
    is how many lines the row spans.
    """
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 26))
    lines = text_lines(path, shown, chunk)
    try:
        # Strict: a quote left open or stray is an error of that row (the reader goes on
        # after it), never a field that quietly swallows the rows after it.
        reader = csv.reader(lines, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            raise SourceError("empty pg_stat_statements export (no header row)",
                              Location(shown)) from None
        except csv.Error as exc:
            raise SourceError(f"not a CSV file: {exc}", Location(shown, 1)) from None
        names = [h.strip().lstrip("\ufeff").lower() for h in header]
        if "query" not in names:
            raise SourceError(
                "pg_stat_statements export has no 'query' column "
                f"(columns: {', '.join(names) or 'none'})",
                Location(shown, 1),
            )
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield start, {}, f"malformed CSV ({exc})", reader.line_num - start + 1
                continue
            if not row:
                continue
            odd = None
            if len(row) > len(names) and any(f.strip() for f in row[len(names):]):
                odd = "more fields than the header (a query with unquoted commas?)"
            elif len(row) <= names.index("query"):
                odd = "too few fields to reach the 'query' column"
            yield start, dict(zip(names, row, strict=False)), odd, reader.line_num - start + 1
    finally:
        lines.close()


def read_pg_stat_statements(
    path: Path, shown: str, spec: SourceSpec, ctx: SourceContext, dialect: str | None
) -> Gathered:
    """A pg_stat_statements CSV export: `query`, a role column, optionally `calls`."""
    attr = attribution(spec, ctx)
    fp = Fingerprinter(dialect or "postgres")
    gathered = Gathered()
    limit = ctx.limits.statement_bytes
    odd_rows: dict[str, list[int]] = {}  # why -> [first line, rows, lines]
    for number, (line, row, odd, span) in enumerate(_rows(path, shown, ctx.chunk_chars)):
        if number % 256 == 255:
            ctx.check_time("reading the export")
        if odd is not None:
            gathered.statements += 1
            entry = odd_rows.setdefault(odd, [line, 0, 0])
            entry[1] += 1
            entry[2] += span
            continue
        text = (row.get("query") or "").strip()
        if not text:
            continue
        if 0 < limit < len(text):
            gathered.statements += 1
            gathered.problems.append(oversize_problem(len(text), limit, shown, line))
            continue
        try:
            _row(gathered, attr, fp, row, text, line, shown, dialect)
        except Exception as exc:  # noqa: BLE001 - one odd row costs that row only
            gathered.statements += 1
            gathered.problems.append(statement_failed(exc, shown, line))
    for why, (line, count, lines) in odd_rows.items():
        what = f"{count:,} row{'s' if count != 1 else ''} ({lines:,} line{'s' if lines != 1 else ''})"
        gathered.problems.append(SourceProblem(f"{what} skipped: {why}", Location(shown, line),
                                               shown, severity=Severity.WARNING))
    gathered.problems = _dedupe(gathered.problems)
    return gathered


def _row(
    gathered: Gathered,
    attr: Attribution,
    fp: Fingerprinter,
    row: dict[str, str],
    text: str,
    line: int,
    shown: str,
    dialect: str | None,
) -> None:
    """Record one export row."""
    role = next((row[c].strip() for c in _ROLE_COLUMNS if row.get(c, "").strip()), None)
    calls_raw = (row.get("calls") or "").strip()
    try:
        calls = int(float(calls_raw)) if calls_raw else 1
    except (ValueError, OverflowError):
        gathered.problems.append(
            SourceProblem(f"'calls' is not a number: {calls_raw[:30]!r}; counted once",
                          Location(shown, line), shown, severity=Severity.WARNING)
        )
        calls = 1
    data = text.encode("utf-8", "surrogatepass")
    annotation, notes = _annotation(data, dialect, line)
    gathered.problems.extend(note_problems(notes, shown))
    if annotation.purposes:
        gathered.problems.extend(
            unknown_purpose_problems(annotation.purposes, attr, shown, line)
        )
    key = attr.key(fp.fingerprint(data), annotation, role=role)
    gathered.add(key, line, None, text, max(calls, 0))


__all__ = ["read_lines", "read_pg_stat_statements"]
