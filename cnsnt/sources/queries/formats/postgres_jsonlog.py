"""PostgreSQL `jsonlog` (log_destination = jsonlog, PostgreSQL 15+): one JSON object a line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import ClassVar

from cnsnt.sources.queries.formats.base import Lines, LogFormat, Record, Skipped, pg_statement

_DECODER = json.JSONDecoder()


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

    @classmethod
    def sniff(cls, head: list[str]) -> bool:
        """Tell whether these first lines look like this format."""
        first = next((line for line in head if line.strip()), "")
        return first.lstrip().startswith("{") and '"error_severity"' in first

    def records(self, lines: Lines) -> Iterator[Record | Skipped]:
        """The records of some lines, in order."""
        for index, raw in lines:
            if not raw.strip():
                continue
            try:
                # `json.loads` of bytes decodes them as UTF-8 when they start with `{` and
                # no NUL (its encoding guess); doing that here spares its per-call checks.
                obj = (
                    _DECODER.decode(raw.decode("utf-8", "surrogatepass"))
                    if raw[:1] == b"{" and raw[1:2] != b"\x00"
                    else json.loads(raw)
                )
            except ValueError:
                yield Skipped(index, "jsonlog line that is not valid JSON")
                continue
            if not isinstance(obj, dict):
                yield Skipped(index, "jsonlog line that is not a JSON object")
                continue
            if obj.get("error_severity") != "LOG":
                continue
            statement = pg_statement(str(obj.get("message") or ""))
            if statement is None:
                continue
            yield Record(index, statement, *_texts(obj))
