"""The `databases:` entries `cnsnt init --db URL` writes: checked, and never holding a password.

A policy is committed and shared, so a URL goes into it only with its password as a
`${VAR}` reference (the audit expands it where it runs). A SQLite path given relative to
the working directory, as `--db` takes it, is written relative to the policy, as
`databases:` reads it (an absolute path inside the project too); a SQLite file outside
the project is refused, as the audit would refuse to read it from a policy.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from cnsnt.errors import UsageError
from cnsnt.sources.databases.url import DatabaseUrl, DatabaseUrlError, parse_database_url
from cnsnt.starter.discover import Found


def database_entries(urls: Sequence[str], root: Path) -> list[Found]:
    """One `databases:` entry per `--db` URL, in the order given (a repeat is written once)."""
    entries: list[Found] = []
    for raw in urls:
        try:
            db = parse_database_url(raw, Path.cwd())  # `--db` paths are the shell's
        except DatabaseUrlError as exc:
            raise UsageError(f"--db: {exc}") from None
        if db.literal_secret:
            raise UsageError(
                f"--db {db.shown}: the URL holds its password, and cnsnt init writes the URL into "
                "the policy; write the password as a variable, ${PGPASSWORD} or any name, and set "
                "that variable where cnsnt runs"
            )
        url = _from_policy(raw, db, root) if db.sqlite_file is not None else raw
        if all(e.pattern != url for e in entries):
            entries.append(Found("databases", url))
    return entries


def _from_policy(raw: str, db: DatabaseUrl, root: Path) -> str:
    """A SQLite URL made relative to the policy, or a usage error when its file is outside it.

    The audit reads no file outside the policy's directory from a policy
    (docs/untrusted-input.md, "The project is the policy's directory"): a URL to one,
    written there, would never be read, and the starter would be empty for no reason the
    terminal gives (review29 D9). So a file outside the project, by an absolute path, a
    relative one or a link, is refused before anything is read or written.
    """
    try:
        url = make_url(raw)
    except ArgumentError:
        return raw
    path = url.database or ""
    if not path or path == ":memory:" or db.sqlite_file is None:
        return raw
    try:
        full = db.sqlite_file.resolve()
        relative = full.relative_to(root.resolve()).as_posix()
    except (OSError, RuntimeError, ValueError):
        raise UsageError(
            f"--db {db.shown}: not read, no policy written: the SQLite file "
            f"{_shown_path(db.sqlite_file)} is outside the project ({root.resolve().as_posix()}), "
            "and the audit reads no file outside the project from a policy; copy the database "
            "into the project and give its new path, or give it to cnsnt audit --db instead"
        ) from None
    if "${" in path or path.startswith("file:"):
        # the audit expands a variable where it runs (its value is not written down); a
        # `file:` URI inside the project keeps its own spelling and options
        return raw
    return raw.split("///", 1)[0] + "///" + relative


def _shown_path(file: Path) -> str:
    """The file as the user named it, and where a link leads when it leads elsewhere."""
    try:
        real = file.resolve()
    except (OSError, RuntimeError):
        return f"{file.as_posix()} (a link that cannot be followed)"
    if real == Path(os.path.abspath(file)):
        return file.as_posix()
    return f"{file.as_posix()} (a link to {real.as_posix()})"
