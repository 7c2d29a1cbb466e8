"""Query logs: one statement per line (`lines`) and pg_stat_statements CSV exports.

Logs are streamed, never loaded whole. A large `lines` log is cut into byte
ranges at line boundaries and fingerprinted by a process pool (each worker
returns only the unique shapes of its range); the first occurrence of each
shape is read back by offset for parsing. Memory grows with the number of
unique shapes, not with the size of the log.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.evidence import SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.queries.common import (
    Annotation,
    Gathered,
    Note,
    attribution,
    note_problems,
    parse_directives,
    unknown_purpose_problems,
    workers,
)
from cnsnt.sources.queries.compressed import compression, open_log
from cnsnt.sql.fingerprint import Fingerprinter
from cnsnt.sql.statements import comments_in

#: Logs smaller than this are fingerprinted in-process.
PARALLEL_BYTES = 32 << 20
_RANGES_PER_WORKER = 4
_MEMO = 4096
_ROLE_COLUMNS = ("rolname", "usename", "userid")

# fingerprint (no annotation) or (fingerprint, annotation) ->
# [first line index, count, byte offset, byte length]. Bare bytes keys hash in C.
_RangeShapes = dict[bytes | tuple[bytes, Annotation], list[int]]


def _annotation(text: bytes, dialect: str | None, line: int) -> tuple[Annotation, list[Note]]:
    """Annotations inside one log statement (`/* cnsnt: purpose=x */ SELECT ...`)."""
    if b"cnsnt:" not in text.lower():
        return Annotation(), []
    bodies = comments_in(text.decode("utf-8", "replace"), dialect)
    return parse_directives((line, b) for b in bodies)


def _scan_range(
    path: str, start: int, end: int, dialect: str | None
) -> tuple[int, _RangeShapes, list[Note]]:
    """Fingerprint the lines that start in [start, end): (line count, shapes, notes).

    Line indexes are relative to the range; the caller adds the lines before it.
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
    with open_log(path) as fh:
        if start:
            fh.seek(start)
        for raw in fh:
            index += 1
            line_offset = offset
            offset += len(raw)
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
                    (fingerprint(stmt), annotation) if annotation.purposes or annotation.ignores
                    else fingerprint(stmt)
                )
                entry = shapes.get(key)
                if entry is None:
                    shapes[key] = [index, 1, line_offset + piece_offset, len(stmt)]
                else:
                    entry[1] += 1
            if offset >= end:
                break
        if fh.problem:
            notes.append(Note(index + 1, f"{fh.problem}: the {index + 1:,} lines before "
                                         "this point were audited, the rest could not be read"))
    return index + 1, shapes, notes


def _ranges(path: Path, parts: int) -> list[tuple[int, int]]:
    """Byte ranges of about equal size, each starting at a line start."""
    size = path.stat().st_size
    cuts = [0]
    with path.open("rb") as fh:
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
    """A log with one statement per line (`;` may separate several on a line)."""
    attr = attribution(spec, ctx)
    size = path.stat().st_size
    jobs = workers(ctx.jobs)
    if compression(path):
        ranges = [(0, sys.maxsize)]  # a compressed stream is read in one pass
    elif jobs > 1 and size >= PARALLEL_BYTES:
        ranges = _ranges(path, jobs * _RANGES_PER_WORKER)
    else:
        ranges = [(0, size)] if size else []
    results: list[tuple[int, _RangeShapes, list[Note]]] = []
    if len(ranges) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(_scan_range, str(path), a, b, dialect) for a, b in ranges]
            done_bytes = 0
            for (a, b), future in zip(ranges, futures, strict=True):
                results.append(future.result())
                done_bytes += b - a
                if ctx.progress is not None:
                    ctx.progress("Fingerprinting query log", done_bytes, size)
    else:
        results = [_scan_range(str(path), a, b, dialect) for a, b in ranges]
    gathered = Gathered()
    base = 0
    with open_log(path) as fh:

        def loader(offset: int, length: int) -> Callable[[], str]:
            def load() -> str:
                fh.seek(offset)
                return fh.read(length).decode("utf-8", "replace").strip()

            return load

        for count, shapes, notes in results:
            for note in notes:
                gathered.problems.extend(
                    note_problems([Note(note.line + base + 1, note.message)], shown)
                )
            for shape_key, (index, calls, offset, length) in shapes.items():
                fingerprint, annotation = (
                    (shape_key, Annotation()) if isinstance(shape_key, bytes) else shape_key
                )
                line = base + index + 1
                if annotation.purposes:
                    gathered.problems.extend(
                        unknown_purpose_problems(annotation.purposes, attr, shown, line)
                    )
                key = attr.key(fingerprint, annotation)
                gathered.add(key, line, None, None, calls,
                             load=loader(offset, length))
                gathered.statements += calls - 1
            base += count
    gathered.problems = _dedupe(gathered.problems)
    return gathered


def _dedupe(problems: list[SourceProblem]) -> list[SourceProblem]:
    seen: dict[tuple[str, str | None, int | None], SourceProblem] = {}
    for p in problems:
        seen.setdefault((p.message, p.location.path, p.location.line), p)
    return list(seen.values())


def _rows(path: Path, shown: str) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV export with the line each starts on, streamed."""
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 26))
    with path.open("r", encoding="utf-8", errors="replace", newline="") as fh:
        reader = csv.reader(fh)
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
                raise SourceError(f"malformed CSV: {exc}", Location(shown, start)) from None
            if row:
                yield start, dict(zip(names, row, strict=False))


def read_pg_stat_statements(
    path: Path, shown: str, spec: SourceSpec, ctx: SourceContext, dialect: str | None
) -> Gathered:
    """A pg_stat_statements CSV export: `query`, a role column, optionally `calls`."""
    attr = attribution(spec, ctx)
    fp = Fingerprinter(dialect or "postgres")
    gathered = Gathered()
    for line, row in _rows(path, shown):
        text = (row.get("query") or "").strip()
        if not text:
            continue
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
    gathered.problems = _dedupe(gathered.problems)
    return gathered


__all__ = ["read_lines", "read_pg_stat_statements"]
