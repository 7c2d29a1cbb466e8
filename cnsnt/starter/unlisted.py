"""The schema, form and query files `cnsnt init` would propose today that no `sources:` entry names.

`init --update` read only the files the policy names: a new entity beside a pinned one,
or a new Django app's `models.py`, was never read, and it said "no new personal field
found" (review24 D1). The project is surveyed as `init` surveys it, and each entry it
proposes is kept when it takes a file none of the policy's entries takes.
"""

from __future__ import annotations

import glob
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from cnsnt.matching import is_glob
from cnsnt.model import Location
from cnsnt.policy.model import Policy, SourceSpec
from cnsnt.sources.base import expand
from cnsnt.starter.discover import Found, holds_source, survey
from cnsnt.starter.model_dumps import ModelEntry, schemas_in_databases


@dataclass(frozen=True)
class Unlisted:
    """An entry init proposes today, and its files the policy does not read."""

    entry: Found
    files: tuple[str, ...]
    """POSIX paths relative to the policy's folder, sorted."""


def spec_of(found: Found, policy: Policy, where: str) -> SourceSpec:
    """The `sources:` entry `found` is once written into the policy file `where`."""
    return SourceSpec(
        kind=found.kind,
        pattern=found.pattern,
        base_dir=policy.base_dir,
        location=Location(where),
        format=found.format,
        dialect=found.dialect,
    )


def unlisted(policy: Policy) -> list[Unlisted]:
    """Init's entries for the project of `policy` that take files its `sources:` leaves unread.

    Databases are left to the user (a URL is never guessed). A file counts as read when
    any entry of the policy takes it, in whatever kind or format: the user chose it.
    """
    return surveyed(policy)[0]


def surveyed(policy: Policy) -> tuple[list[Unlisted], list[str]]:
    """`unlisted`, and the notes init writes today on what it leaves out (one survey for both)."""
    root = policy.base_dir
    read = {p.resolve() for s in policy.sources if s.kind != "databases" for p in expand(s)[0]}
    pinned = _pinned_sql(policy)
    databases = [s.pattern for s in policy.sources if s.kind == "databases"]
    found, notes = survey(root, databases)
    out: list[Unlisted] = []
    for entry in found:
        if entry.kind == "databases":
            continue
        paths = expand(spec_of(entry, policy, ""))[0]
        files = sorted(
            p.relative_to(root).as_posix()
            for p in paths
            if p.resolve() not in read and holds_source(entry, p, root)
        )
        if not files:
            continue
        if _plain_sql(entry) and is_glob(entry.pattern) and any(p.resolve() in pinned for p in paths):
            # a folder of SQL files the policy names one by one (init pins the upgrade patches it
            # reads beside an older schema): its new files join them by name, and no glob names
            # the pinned ones a second time (session 29's closing note)
            out.extend(Unlisted(replace(entry, pattern=glob.escape(f)), (f,)) for f in files)
            continue
        out.append(Unlisted(entry, tuple(files)))
    return _not_in_databases(out, databases, root), notes


def _not_in_databases(found: list[Unlisted], databases: list[str], root: Path) -> list[Unlisted]:
    """Leave out the schema entries whose tables the policy's databases hold, as `init --db` does.

    Init left the dump a `--db` database was loaded from out of the policy (review37 D3);
    `--update` must not ask for it back.
    """
    schemas = [u.entry for u in found if u.entry.kind == "schemas"]
    if not databases or not schemas:
        return found
    entries = [ModelEntry(e.pattern, e.format, e.dialect) for e in schemas]
    left, _ = schemas_in_databases(databases, entries, root)
    return [u for u in found if not (u.entry.kind == "schemas" and u.entry.pattern in left)]


def _plain_sql(entry: Found | SourceSpec) -> bool:
    """A `schemas:` entry of SQL files read as SQL (no ORM or migrations format)."""
    return entry.kind == "schemas" and entry.format is None


def _pinned_sql(policy: Policy) -> set[Path]:
    """The SQL files `schemas:` names one by one, each by its own path (no glob)."""
    return {
        p.resolve()
        for s in policy.sources
        if _plain_sql(s) and not is_glob(s.pattern)
        for p in expand(s)[0]
    }


def _files(items: Sequence[Unlisted], shown: int = 5) -> str:
    files = [f for u in items for f in u.files]
    more = len(files) - shown
    return ", ".join(files[:shown]) + (f" and {more} more" if more > 0 else "")


def unlisted_notes(
    added: Sequence[Unlisted], missing: Sequence[Unlisted], sources_file: Path | None = None
) -> list[str]:
    """What `init --update` says of the files `sources:` did not name: added, or left unread."""
    notes: list[str] = []
    if added:
        count = len(added)
        patterns = ", ".join(u.entry.pattern for u in added)
        notes.append(
            f"added {count} entr{'ies' if count != 1 else 'y'} to sources: ({patterns}) for files "
            f"no entry named, now read: {_files(added)}"
        )
    if missing:
        count = sum(len(u.files) for u in missing)
        where = f" in {sources_file.as_posix()}" if sources_file is not None else ""
        how = "" if sources_file is not None else ", or run cnsnt init --update --sources"
        notes.append(
            f"{count} schema, form or query file{'s are' if count != 1 else ' is'} not in sources:, "
            f"so {'their' if count != 1 else 'its'} fields were not read: {_files(missing)}; "
            f"add {'them' if count != 1 else 'it'} under sources:{where}{how}"
        )
    return notes
