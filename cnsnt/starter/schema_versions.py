"""Full schemas of one project kept at several versions: only the newest is proposed.

paheko keeps `src/include/data/1.1.0_schema.sql` (with the 1.1.x migrations beside it)
and `src/include/migrations/1.3/1.3.0_schema.sql` beside the schema it runs,
`src/include/migrations/1.3/schema.sql`. Proposed together, they gave 135 tables where
the application has 44, and fields of tables that no longer exist (`membres.clef_pgp`).

Files are one schema at several versions when they have the same name but for a version
(`1.1.0_schema.sql`, `schema.sql`, `schema-v2.sql`: "schema"), create tables, share one
at least, and one has a version in its name or its folder's (`1.3/`). The version is read
from the file's name, else from its folder's name, the name without one then being the
newest of its folder (`1.3/schema.sql` is newer than `1.3/1.3.0_schema.sql`), and a name
without a version anywhere in its path the current one. A folder of versioned migrations
whose baseline is such an older full schema (`1.1.0_schema.sql` and its 1.1.x patches) is
left out whole when every file of it is older than a schema whose path carries a version:
a Flyway baseline `V1__schema.sql` beside an unversioned `schema.sql` dump is kept, since
nothing says the dump is newer than the migrations' end.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cnsnt.sql.ddl_result import DDLTable
from cnsnt.starter.listing import first_few

#: The version of a name that carries none, in its folder's version: the newest.
CURRENT = sys.maxsize
#: Prefixes of a version word (`v2`, `rev3`, `r7`; Flyway's `V1`).
_PREFIXES = ("rev", "v", "r")


def _version_word(word: str) -> int | None:
    """The number of one word of a name (`12`, `v2`, `rev3`), else None."""
    for prefix in ("", *_PREFIXES):
        rest = word[len(prefix):] if word.startswith(prefix) else None
        if rest and rest.isascii() and rest.isdigit():
            return int(rest)
    return None


def _words(name: str) -> list[str]:
    """The lower-case words of a name split at `.`, `_` and `-` (`1.1.0_schema` -> 1, 1, 0, schema)."""
    words: list[str] = []
    word = ""
    for char in name.lower():
        if char in "._-":
            if word:
                words.append(word)
            word = ""
        else:
            word += char
    if word:
        words.append(word)
    return words


def split_version(name: str) -> tuple[str, tuple[int, ...]]:
    """(base, version) of a file stem or folder name: `1.1.0_schema` -> ("schema", (1, 1, 0)).

    The version is the run of number words at the name's start, else at its end
    (`schema-v2`); the base is the other words, joined by `_`.
    """
    words = _words(name)
    lead = 0
    while lead < len(words) and _version_word(words[lead]) is not None:
        lead += 1
    if lead:
        return "_".join(words[lead:]), tuple(v for w in words[:lead] if (v := _version_word(w)) is not None)
    tail = len(words)
    while tail > 0 and _version_word(words[tail - 1]) is not None:
        tail -= 1
    version = tuple(v for w in words[tail:] if (v := _version_word(w)) is not None)
    return "_".join(words[:tail]), version


def _folder_version(path: Path, root: Path) -> tuple[int, ...]:
    """The version of the nearest folder below root named only by one (`1.3/`, `v2/`), else ()."""
    for folder in reversed(path.relative_to(root).parts[:-1]):
        base, version = split_version(folder)
        if version and not base:
            return version
    return ()


@dataclass(frozen=True)
class Versioned:
    """A file's schema name without its version, the version it is at, and whether its path says one."""

    base: str
    key: tuple[int, ...]
    stated: bool


def versioned(path: Path, root: Path) -> Versioned:
    """The base name and version of a SQL file, as the module docstring reads them."""
    base, own = split_version(path.stem)
    if own:
        return Versioned(base, own, True)
    folder = _folder_version(path, root)
    return Versioned(base, (*folder, CURRENT) if folder else (CURRENT,), bool(folder))


def _created(tables: tuple[DDLTable, ...]) -> frozenset[str]:
    return frozenset(t.name.casefold() for t in tables if not t.altered_only)


@dataclass(frozen=True)
class OlderVersions:
    """What is left out: single files and migration folders, each -> the newest schema read instead."""

    files: dict[Path, Path]
    folders: dict[Path, Path]


def older_versions(
    schemas: dict[Path, tuple[DDLTable, ...]],
    migrations: dict[Path, list[Path]],
    tables_of: dict[Path, tuple[DDLTable, ...]],
    root: Path,
) -> OlderVersions:
    """The full schemas (and migration folders built on one) that a newer version of them supersedes.

    `schemas`: the schema files proposed alone, with their tables; `migrations`: the
    folders of versioned migrations; `tables_of`: the tables of those folders' files
    (those read so far).
    """
    candidates: dict[str, list[tuple[Path, Versioned, frozenset[str]]]] = defaultdict(list)
    for path, tables in schemas.items():
        named, created = versioned(path, root), _created(tables)
        if named.base and created:
            candidates[named.base].append((path, named, created))
    baselines: dict[Path, list[tuple[Path, Versioned, frozenset[str]]]] = defaultdict(list)
    for home, paths in migrations.items():
        for path in paths:
            named, created = versioned(path, root), _created(tables_of.get(path, ()))
            if named.base in candidates and named.stated and created:
                baselines[home].append((path, named, created))
    files: dict[Path, Path] = {}
    for group in candidates.values():
        for path, named, created in group:
            newer = _newest_over(named.key, created, group)
            if newer is not None and named.stated:
                files[path] = newer[0]
    folders: dict[Path, Path] = {}
    for home, found in sorted(baselines.items()):
        top = max(versioned(p, root).key for p in migrations[home])
        for _, named, created in found:
            newer = _newest_over(top, created, [c for c in candidates[named.base] if c[1].stated])
            if newer is not None:
                folders[home] = newer[0]
                break
    return OlderVersions(files, folders)


def _newest_over(
    key: tuple[int, ...], created: frozenset[str], group: Iterable[tuple[Path, Versioned, frozenset[str]]]
) -> tuple[Path, Versioned, frozenset[str]] | None:
    """The newest file of the group that is newer than `key` and shares a table, else None."""
    newer = [c for c in group if c[1].key > key and c[2] & created]
    return max(newer, key=lambda c: (c[1].key, c[0].as_posix())) if newer else None


def older_note(
    left: dict[Path, Path],
    tables_of: dict[Path, tuple[DDLTable, ...]],
    schemas: dict[Path, tuple[DDLTable, ...]],
    root: Path,
) -> list[str]:
    """One note per newest schema: the older versions of it left out, and their tables it lacks."""
    by_newest: dict[Path, list[Path]] = defaultdict(list)
    for path, newest in left.items():
        by_newest[newest].append(path)
    notes: list[str] = []
    for newest, paths in sorted(by_newest.items()):
        shown = first_few(sorted(p.relative_to(root).as_posix() for p in paths))
        held = _created(schemas.get(newest, ()))
        gone = sorted({name for p in paths for name in _created(tables_of.get(p, ())) - held})
        plural = "s" if len(paths) != 1 else ""
        what = "older versions" if plural else "an older version"
        note = (
            f"left out {len(paths)} SQL file{plural} ({shown}): {what} of "
            f"{newest.relative_to(root).as_posix()}, the newest full schema of that name"
        )
        if gone:
            note += (
                f"; {len(gone)} table{'s' if len(gone) != 1 else ''} they create "
                f"{'are' if len(gone) != 1 else 'is'} not in it ({first_few(gone)}): renamed or dropped since"
            )
        notes.append(note + "; add one under sources: if the application still uses it")
    return notes
