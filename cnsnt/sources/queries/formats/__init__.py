"""Query-log formats beyond `sql`, `lines` and `pg_stat_statements`: the registry and detection.

Server logs (PostgreSQL stderr, syslog, csvlog, jsonlog, pgAudit; MySQL general and
slow logs) are `LogFormat`s scanned by `scan.read_log`; warehouse histories
(Snowflake, BigQuery, Databricks, cnsnt's own `shapes`) are `HISTORIES` read
by `warehouse.read_history`. A `queries:` entry
without `format:` is detected from its first lines (decompressed when
compressed); when nothing matches it is read as `sql`, as before, unless it
is JSON (CN001: it needs its `format:`).
"""

from __future__ import annotations

import json
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.model import Location
from cnsnt.sources.queries.compressed import open_log
from cnsnt.sources.queries.formats.base import LogFormat
from cnsnt.sources.queries.formats.mysql_general import MysqlGeneral
from cnsnt.sources.queries.formats.mysql_slow import MysqlSlow
from cnsnt.sources.queries.formats.pgaudit import PgAudit
from cnsnt.sources.queries.formats.postgres_csvlog import PostgresCsvlog
from cnsnt.sources.queries.formats.postgres_jsonlog import PostgresJsonlog
from cnsnt.sources.queries.formats.postgres_stderr import PostgresStderr
from cnsnt.sources.queries.formats.postgres_syslog import PostgresSyslog
from cnsnt.sources.queries.formats.warehouse import HISTORIES, detect_history
from cnsnt.sources.queries.mybatis import is_mapper

#: Server-log formats, in the order detection tries them (most specific first).
LOG_FORMATS: dict[str, type[LogFormat]] = {
    cls.name: cls
    for cls in (PostgresJsonlog, PostgresCsvlog, PgAudit, MysqlSlow, MysqlGeneral, PostgresSyslog,
                PostgresStderr)
}

_HEAD_BYTES = 64 << 10
_HEAD_LINES = 200


def head_lines(path: Path) -> list[str]:
    """The first lines of a file (decompressed), for detection; a UTF-8 BOM is not text."""
    with open_log(path) as fh:
        data = fh.read(_HEAD_BYTES)
    return data.decode("utf-8-sig", "replace").splitlines()[:_HEAD_LINES]


#: pgAudit is tried first: its lines may be a csvlog's or jsonlog's messages (`PgAudit.reader_for`).
_DETECTED = (PgAudit.name, *(name for name in LOG_FORMATS if name != PgAudit.name))


def detect_log(head: list[str]) -> str | None:
    """The server-log format these lines are written in, if any."""
    for name in _DETECTED:
        if LOG_FORMATS[name].sniff(head):
            return name
    return None


def detect(path: Path) -> str | None:
    """The format of a `queries:` file given without `format:` (None: read it as `sql`)."""
    suffix = path.suffix.lower()
    if suffix == ".sql":
        return None
    if suffix in (".java", ".kt"):  # Kotlin's query annotations are read as Java's
        return "java"
    head = head_lines(path)
    if suffix == ".xml" and is_mapper("\n".join(head)):
        return "mybatis"
    found = detect_log(head) or detect_history(path, head)
    if found is not None:
        return found
    if head:
        header = {c.strip().strip('"').lower() for c in head[0].lstrip("\ufeff").split(",")}
        if "query" in header and header & {"calls", "rolname", "usename", "userid"}:
            return "pg_stat_statements"
    json_kind = _json(head)
    if json_kind:  # never SQL, and read as SQL it gives nothing (not even an error)
        raise SourceError(
            f"{json_kind} matching no query-log or history format; name its format "
            f"(one of: {', '.join((*LOG_FORMATS, *HISTORIES))})",
            Location(path.name),
        )
    return None


def _json(head: list[str]) -> str | None:
    """What JSON the first line opens (`JSON lines (keys: ...)`, `a JSON array`), else None."""
    first = next((line.strip() for line in head if line.strip()), "")
    if first == "[" or first.startswith(("[{", "[ {")):
        return "a JSON array"
    if not first.startswith("{"):
        return None
    try:
        obj = json.loads(first)
    except (ValueError, RecursionError):
        return None
    if not isinstance(obj, dict):
        return None
    keys = ", ".join(str(k) for k in list(obj)[:8]) + (", ..." if len(obj) > 8 else "")
    return f"JSON lines (keys: {keys or 'none'})"


__all__ = ["HISTORIES", "LOG_FORMATS", "detect", "LogFormat", "detect_log", "head_lines"]
