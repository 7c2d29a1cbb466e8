"""The `databases:` entries `cnsnt init --db URL` writes: checked, and never holding a password.

A policy is committed and shared, so a URL goes into it only with its password as a
`${VAR}` reference (the audit expands it where it runs). A SQLite path given relative to
the working directory, as `--db` takes it, is written relative to the policy, as
`databases:` reads it; a SQLite file outside the project is refused, as the audit would
refuse to read it from a policy.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from cnsnt.errors import UsageError
from cnsnt.sources.databases.url import DatabaseUrlError, parse_database_url
from cnsnt.starter.discover import Found


def database_entries(urls: Sequence[str], root: Path, cwd: Path | None = None) -> list[Found]:
    """One `databases:` entry per `--db` URL, in the order given (a repeat is written once)."""
    entries: list[Found] = []
    for raw in urls:
        try:
            db = parse_database_url(raw, cwd or Path.cwd())
        except DatabaseUrlError as exc:
            raise UsageError(f"--db: {exc}") from None
        if db.literal_secret:
            raise UsageError(
                f"--db {db.shown}: the URL holds its password, and cnsnt init writes the URL into "
                "the policy; write the password as a variable, ${PGPASSWORD} or any name, and set "
                "that variable where cnsnt runs"
            )
        url = _from_policy(raw, root, cwd or Path.cwd()) if db.backend == "sqlite" else raw
        if all(e.pattern != url for e in entries):
            entries.append(Found("databases", url))
    return entries


def _from_policy(raw: str, root: Path, cwd: Path) -> str:
    """A SQLite URL whose relative path (from the working directory) is made the policy's."""
    try:
        url = make_url(raw)
    except ArgumentError:
        return raw
    path = url.database or ""
    if not path or path == ":memory:" or path.startswith("file:") or os.path.isabs(path):
        return raw
    full = (cwd / path).resolve()
    try:
        relative = full.relative_to(root.resolve()).as_posix()
    except ValueError:
        # the audit reads no file outside the policy's directory from a policy
        # (docs/untrusted-input.md, "The project is the policy's directory"): a URL written
        # there would not be read
        raise UsageError(
            f"--db {raw}: the SQLite file is outside the project ({root.as_posix()}), and the "
            "policy cnsnt init writes may only name files inside it; copy the database into "
            "the project, or give it to cnsnt audit --db"
        ) from None
    return raw.split("///", 1)[0] + "///" + relative
