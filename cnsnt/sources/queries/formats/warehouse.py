"""Warehouse query histories, aggregated where they live: Snowflake, BigQuery, Databricks, shapes.

A history export is a table of statements (or, better, of shapes already
grouped by the warehouse: hash, count, one sample text, user/role, first and
last seen; docs/queries.md gives the query per warehouse). It may be CSV, JSON
lines (nested objects are flattened to dotted names: `query_info.
query_hashes.normalized_literals`) or Parquet (the optional `pyarrow`),
compressed or not. Rows are grouped by the warehouse's own hash when there is
one, so each distinct text is fingerprinted once; a `calls`/`count` column
is the number of executions a row stands for.

`shapes` is cnsnt's own layout (`fingerprint`, `calls`, `query`, `user`,
`role`, `application`), written by the Spark example in `examples/spark/`.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cnsnt.errors import SourceError
from cnsnt.evidence import SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.queries.common import (
    Annotation,
    Gathered,
    attribution,
    note_problems,
    oversize_problem,
    parse_directives,
    unknown_purpose_problems,
)
from cnsnt.sources.queries.compressed import open_log, text_lines
from cnsnt.sql.fingerprint import Fingerprinter
from cnsnt.sql.statements import comments_in

Rows = Generator[tuple[int, dict[str, Any]], None, None]
#: What a JSON line holds when it is not an object (one row of an export each).
_JSON_KINDS: dict[type, str] = {list: "array", str: "string", int: "number", float: "number",
                                bool: "boolean", type(None): "null"}
_COUNTS = ("calls", "count", "executions", "query_count", "execution_count", "n")


@dataclass(frozen=True)
class History:
    """Where one warehouse's export keeps each field (first present column wins)."""

    name: str
    dialect: str | None
    text: tuple[str, ...]
    hash: tuple[str, ...]
    role: tuple[str, ...]
    user: tuple[str, ...]
    application: tuple[str, ...] = ()
    marker: tuple[str, ...] = ()
    """Columns that tell this export apart when `format:` is left out."""


HISTORIES: dict[str, History] = {
    h.name: h
    for h in (
        History("snowflake", "snowflake", ("query_text", "sample_query", "query"),
                ("query_parameterized_hash", "hash"), ("role_name",), ("user_name",),
                marker=("query_parameterized_hash",)),
        History("bigquery", "bigquery", ("query", "sample_query", "query_text"),
                ("query_info.query_hashes.normalized_literals", "normalized_literals", "hash"),
                (), ("user_email", "principal_subject"),
                marker=("query_info.query_hashes.normalized_literals", "normalized_literals",
                        "user_email")),
        History("databricks", "databricks", ("statement_text", "sample_query", "query"),
                ("statement_hash", "hash"), (), ("executed_by", "executed_as"),
                ("client_application",), marker=("statement_text", "executed_by")),
        History("shapes", None, ("query",), ("fingerprint",), ("role",), ("user",),
                ("application",), marker=("fingerprint",)),
    )
}


def _flatten(obj: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in obj.items():
        name = f"{prefix}{str(key).strip().lower()}"
        if isinstance(value, dict):
            out.update(_flatten(value, name + "."))
        else:
            out[name] = value
    return out


def _kind(path: Path) -> str:
    with path.open("rb") as fh:
        if fh.read(4) == b"PAR1":
            return "parquet"
    with open_log(path) as stream:
        head = stream.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    return "jsonl" if head.startswith(b"{") else "csv"


def _problem(shown: str, line: int, message: str) -> SourceProblem:
    return SourceProblem(message, Location(shown, line), shown, severity=Severity.WARNING)


class _Tally:
    """Row problems counted per kind: the first place and how many (bounded however many)."""

    def __init__(self) -> None:
        self.seen: dict[str, list[Any]] = {}

    def add(self, line: int, kind: str, detail: str = "") -> None:
        """Count one problem of a kind; the first one's line and detail are kept."""
        entry = self.seen.get(kind)
        if entry is None:
            self.seen[kind] = [line, 1, detail]
        else:
            entry[1] += 1

    def problems(self, shown: str) -> list[SourceProblem]:
        """One CN001 warning per kind, at its first line, with the count."""
        out = []
        for kind, (line, count, detail) in sorted(self.seen.items(), key=lambda kv: kv[1][0]):
            message = kind + (f" ({detail})" if detail else "")
            out.append(_problem(shown, line, message + (f"; {count:,} rows" if count > 1 else "")))
        return out


def _rows(path: Path, shown: str, problems: _Tally
          ) -> tuple[list[str], Rows]:
    """(column names, rows with the line or row number each starts on), streamed."""
    kind = _kind(path)
    if kind == "parquet":
        return _parquet(path, shown)
    if kind == "jsonl":
        return _jsonl(path, shown, problems)
    return _csv(path, shown, problems)


def _csv(path: Path, shown: str, problems: _Tally
         ) -> tuple[list[str], Rows]:
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 27))
    stream = open_log(path, shown)
    reader = csv.reader(text_lines(stream), strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        stream.close()
        raise SourceError("empty or unreadable export (no header row)", Location(shown, 1)) \
            from None
    names = [h.strip().lstrip("\ufeff").strip('"').lower() for h in header]

    def rows() -> Rows:
        with stream:
            while True:
                start = reader.line_num + 1
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    problems.add(start, "row skipped: malformed CSV", str(exc))
                    continue
                if len(row) > len(names) and any(f.strip() for f in row[len(names):]):
                    # a text with unquoted commas: its fields would be read shifted
                    problems.add(start, "row skipped: more fields than the header",
                                 f"{len(row)} fields, the header {len(names)}")
                    continue
                if row:
                    yield start, dict(zip(names, row, strict=False))
            if stream.problem:
                problems.add(reader.line_num + 1, stream.problem)

    return names, rows()


def _jsonl(path: Path, shown: str, problems: _Tally
           ) -> tuple[list[str], Rows]:
    stream = open_log(path, shown)
    lines = enumerate(stream, 1)
    first: tuple[int, dict[str, Any]] | None = None
    for number, raw in lines:
        if raw.strip():
            try:
                obj = json.loads(raw)
            except (ValueError, RecursionError):
                stream.close()
                raise SourceError("first line is not a JSON object", Location(shown, number)) \
                    from None
            if isinstance(obj, dict):
                first = (number, _flatten(obj))
            break

    def rows() -> Rows:
        number = first[0] if first is not None else 0
        with stream:
            if first is not None:
                yield first
            for number, raw in lines:
                if not raw.strip():
                    continue
                try:
                    obj = json.loads(raw)
                except (ValueError, RecursionError):  # nested deeper than the parser goes
                    problems.add(number, "row skipped: not valid JSON")
                    continue
                if isinstance(obj, dict):
                    yield number, _flatten(obj)
                else:
                    problems.add(number, "row skipped: not a JSON object",
                                 f"a JSON {_JSON_KINDS.get(type(obj), 'value')}")
            if stream.problem:
                problems.add(number + 1, stream.problem)

    return (list(first[1]) if first else []), rows()


def _parquet(path: Path, shown: str) -> tuple[list[str], Rows]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise SourceError("Parquet export: install the optional 'pyarrow' package "
                          "(pip install 'cnsnt[parquet]') or export CSV", Location(shown)) from None
    try:
        pf = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        raise SourceError(f"not a readable Parquet file: {exc}", Location(shown)) from None

    def rows() -> Rows:
        number = 0
        try:
            for batch in pf.iter_batches(batch_size=8192):
                table = pa.Table.from_batches([batch])
                while any(pa.types.is_struct(f.type) for f in table.schema):
                    table = table.flatten()
                for row in table.to_pylist():
                    number += 1
                    yield number, {str(k).lower(): v for k, v in row.items()}
        except (pa.ArrowException, OSError) as exc:
            raise SourceError(f"Parquet file is damaged after row {number}: {exc}",
                              Location(shown, number)) from None

    schema_names: list[str] = []
    for field in pf.schema_arrow:
        schema_names.extend(_struct_names(field, ""))
    return schema_names, rows()


def _struct_names(field: Any, prefix: str) -> list[str]:
    import pyarrow as pa

    name = prefix + field.name.lower()
    if pa.types.is_struct(field.type):
        out: list[str] = []
        for child in field.type:
            out.extend(_struct_names(child, name + "."))
        return out
    return [name]


def detect_history(path: Path, head: list[str]) -> str | None:
    """The warehouse an export comes from, by its columns (None: not a history export)."""
    first = next((line.lower() for line in head if line.strip()), "")
    markers = {m.rsplit(".", 1)[-1] for h in HISTORIES.values() for m in h.marker}
    parquet = _kind(path) == "parquet"
    if not parquet and not any(m in first for m in markers):
        return None  # cheap: never parse a whole log as one broken CSV header
    try:
        names, rows = _rows(path, str(path), _Tally())
    except SourceError:
        if parquet:
            raise  # no pyarrow, or a damaged file: say so rather than read it as SQL
        return None
    rows.close()
    columns = set(names)
    for history in HISTORIES.values():
        if columns & set(history.marker) and columns & set(history.text):
            return history.name
    if parquet:
        raise SourceError(
            "Parquet file whose columns match no query-history format (columns: "
            f"{', '.join(names) or 'none'}); name its format: {', '.join(HISTORIES)}",
            Location(path.name),
        )
    return None


def _pick(row: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = row.get(name)
        if value not in (None, ""):
            return str(value).strip()
    return None


def read_history(
    history: History, path: Path, shown: str, spec: SourceSpec, ctx: SourceContext,
    dialect: str | None,
) -> Gathered:
    """Shapes of one warehouse export, grouped by the warehouse's hash where it has one."""
    attr = attribution(spec, ctx)
    fp = Fingerprinter(dialect)
    gathered = Gathered()
    problems = _Tally()
    limit = ctx.limits.statement_bytes
    names, rows = _rows(path, shown, problems)
    if not set(names) & set(history.text):
        rows.close()
        raise SourceError(
            f"{history.name} export has no query text column (expected one of: "
            f"{', '.join(history.text)}; found: {', '.join(names) or 'none'})",
            Location(shown, 1),
        )
    by_hash: dict[str, bytes] = {}
    empty = Annotation()
    no_text = [0, 0]
    for line, row in rows:
        text = _pick(row, history.text)
        if not text:
            no_text[0] = no_text[0] or line
            no_text[1] += 1
            continue
        raw_calls = _pick(row, _COUNTS)
        try:
            calls = max(int(float(raw_calls)), 0) if raw_calls else 1
        except (ValueError, OverflowError):
            problems.add(line, "'calls' is not a number; counted once", repr(str(raw_calls)[:30]))
            calls = 1
        if 0 < limit < len(text):
            gathered.statements += calls
            gathered.problems.append(oversize_problem(len(text), limit, shown, line))
            continue
        annotation = empty
        if "cnsnt:" in text:
            annotation, notes = parse_directives((line, b) for b in comments_in(text, dialect))
            gathered.problems.extend(note_problems(notes, shown))
            if annotation.purposes:
                gathered.problems.extend(
                    unknown_purpose_problems(annotation.purposes, attr, shown, line))
        key_hash = _pick(row, history.hash)
        fingerprint = by_hash.get(key_hash) if key_hash and annotation is empty else None
        if fingerprint is None:
            fingerprint = fp.fingerprint_text(text)
            if key_hash and annotation is empty:
                by_hash[key_hash] = fingerprint
        if not fingerprint:
            continue
        role_name = _pick(row, history.role)
        user = _pick(row, history.user)
        app = _pick(row, history.application)
        role = next((n for n in (role_name, user, app) if n and attr.listed(n) is not None),
                    role_name or user or app)
        gathered.add(attr.key(fingerprint, annotation, role=role), line, None, text, calls)
        gathered.statements += calls - 1
    if no_text[1]:
        gathered.problems.append(_problem(
            shown, no_text[0], f"{no_text[1]:,} row{'s' if no_text[1] != 1 else ''} without "
            "query text skipped (a customer-managed key or a script may hide the text)"))
    gathered.problems.extend(problems.problems(shown))
    return gathered
