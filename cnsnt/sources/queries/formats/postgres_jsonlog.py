"""PostgreSQL `jsonlog` (log_destination = jsonlog, PostgreSQL 15+): one JSON object a line."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import ClassVar

from cnsnt.sources.queries.formats.base import (
    AUDIT,
    Audited,
    Lines,
    LogFormat,
    Record,
    Settings,
    Skipped,
    pg_statement,
)

#: The C scanner `json.loads` runs (`JSONDecoder.raw_decode` calls it).
_SCAN: Callable[[str, int], tuple[object, int]] = (
    json.JSONDecoder().scan_once  # type: ignore[attr-defined]
)
#: What `json.loads` takes for blanks after the value.
_JSON_BLANKS = " \t\n\r"


def _loads(raw: bytes) -> object:
    """`json.loads(raw)`, raising ValueError where it does.

    `json.loads` of bytes decodes them as UTF-8 when they start with `{` and no NUL (its
    encoding guess); then it scans one value from offset 0 and allows only blanks after
    it. Doing that here spares its per-call checks and two regex calls on every line.
    Unlike `json.loads`, bytes that are not UTF-8 are replaced, not refused.
    """
    try:
        return _parse(raw)
    except RecursionError:
        # a record nested deeper than Python's parser goes is no server's: one bad line
        raise ValueError("nested too deep") from None


def _parse(raw: bytes) -> object:
    if raw[:1] != b"{" or raw[1:2] == b"\x00":
        return json.loads(raw)
    try:
        text = raw.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        # A server whose encoding is not UTF-8 (LATIN1, WIN1252) writes its text's bytes as
        # they are: read them replaced, as the stderr and csvlog readers do.
        text = raw.decode("utf-8", "replace")
    try:
        obj, end = _SCAN(text, 0)
    except StopIteration:
        raise ValueError("Expecting value") from None
    if end != len(text) and text[end:].strip(_JSON_BLANKS):
        raise ValueError("Extra data")
    return obj


def _texts(obj: dict[str, object]) -> tuple[str | None, str | None, str | None, str | None]:
    """User, database, application and client of a record (absent or empty: None)."""
    user, database = obj.get("user"), obj.get("dbname")
    application, client = obj.get("application_name"), obj.get("remote_host")
    return (
        None if user is None or user == "" else str(user),
        None if database is None or database == "" else str(database),
        None if application is None or application == "" else str(application),
        None if client is None or client == "" else str(client),
    )


class PostgresJsonlog(LogFormat):
    """PostgreSQL jsonlog lines."""

    name: ClassVar[str] = "postgres_jsonlog"
    dialect: ClassVar[str] = "postgres"

    def __init__(self, settings: Settings = Settings()) -> None:  # noqa: B008 - frozen
        super().__init__(settings)
        self.audited = Audited(self.name)

    @classmethod
    def sniff(cls, head: list[str]) -> bool:
        """Tell whether these first lines look like this format."""
        first = next((line for line in head if line.strip()), "")
        return first.lstrip().startswith("{") and '"error_severity"' in first

    def records(self, lines: Lines) -> Iterator[Record | Skipped]:
        """The records of some lines, in order."""
        audited = self.audited
        for item in log_objects(lines):
            if isinstance(item, Skipped):
                yield item
                continue
            index, obj = item
            message = str(obj.get("message") or "")
            statement = pg_statement(message)
            if statement is None:
                if message.startswith(AUDIT):
                    audited.seen(index)
                continue
            yield Record(index, statement, *_texts(obj))

    def notes(self) -> list[tuple[int, int, str]]:
        """The pgAudit messages passed over (the log wants `format: pgaudit`)."""
        return self.audited.notes()


def log_objects(lines: Lines) -> Iterator[tuple[int, dict[str, object]] | Skipped]:
    """(line index, object) of each jsonlog line whose severity is LOG, or a `Skipped` line.

    Only LOG messages carry statements; shared with pgAudit's reader of jsonlog logs
    (`pgaudit.PgAuditJsonlog`).
    """
    for index, raw in lines:
        if not raw or raw.isspace():  # `not raw.strip()` without copying the line
            continue
        try:
            obj = _loads(raw)
        except ValueError:
            yield Skipped(index, "jsonlog line that is not valid JSON")
            continue
        if not isinstance(obj, dict):
            yield Skipped(index, "jsonlog line that is not a JSON object")
            continue
        if obj.get("error_severity") == "LOG":
            yield index, obj


def object_fields(obj: dict[str, object]) -> dict[str, str | None]:
    """An object's user, database, application, client and session (`session_id`, else `pid`)."""
    user, database, application, client = _texts(obj)
    session = obj.get("session_id")
    if session is None or session == "":
        session = obj.get("pid")
    return {"user": user, "database": database, "application": application, "client": client,
            "session": None if session is None or session == "" else str(session)}
