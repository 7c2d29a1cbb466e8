"""Folders that keep every revision of one schema (`0/`, `1/`, ..., `current/`): the newest is read.

Some projects keep a generated schema once per revision, each folder a full copy with the
same files named by their revision (`3/create_schema.rev3.mysql.sql` beside
`current/create_schema.current.mysql.sql`). Reading them all lists each table once per
revision, and `cnsnt init` reads every file in up to eight dialects: twenty revisions cost
twenty times the time. The older folders are left out, with a note that says so.

Only copies are left out: a folder named as a version whose every SQL file has a
counterpart in the newest folder (the same name but for the revision) sharing most of its
lines. Upgrade scripts kept one folder per version (`1.2/upgrade.sql`) differ from one
another, so they are all kept.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.sources.base import Limits, read_text

#: A folder named as a revision: `7`, `v7`, `rev7`, `1.2`, `v1_2`. Linear: possessive digit
#: runs, each part after the first opened by a separator that no digit run takes.
_REVISION = re.compile(r"(?>(?:rev|v|r)?)(\d++(?>(?:[._]\d++)*))", re.IGNORECASE)
#: Folder names that mean the newest revision.
_NEWEST = frozenset({"current", "latest"})
#: Share of an older file's distinct lines its newest counterpart must hold to count as a copy.
SAME_LINES = 0.75
#: Larger files are not compared (and so not left out): the comparison reads them whole.
COMPARE_LIMIT = 8 * 1024 * 1024


def _version(name: str) -> tuple[int, ...] | None:
    """The revision a folder's name gives, None for other names."""
    match = _REVISION.fullmatch(name)
    return None if match is None else tuple(int(n) for n in re.split(r"[._]", match.group(1)))


def _stem(name: str, folder: str) -> str:
    """A file's name without its folder's revision (`create.rev3.sql` in `3/` -> `create.sql`)."""
    version = _REVISION.fullmatch(folder)
    digits = version.group(1).lower() if version else None
    drop = {folder.lower(), *_NEWEST}
    if digits is not None:
        drop |= {digits, f"v{digits}", f"r{digits}", f"rev{digits}"}
    return ".".join(t for t in re.split(r"[._-]", name.lower()) if t not in drop)


def _lines(path: Path) -> set[str] | None:
    """A file's distinct non-blank lines, stripped; None when it cannot be read."""
    try:
        if path.stat().st_size > COMPARE_LIMIT:
            return None
        text = read_text(path, path.name, limits=Limits(file_bytes=COMPARE_LIMIT))
    except (OSError, SourceError):
        return None
    return {s for line in text.splitlines() if (s := line.strip())}


def _copy_of(older: Path, newer: Path) -> bool:
    """Whether `newer` holds most of the lines of `older` (a later copy of it)."""
    old, new = _lines(older), _lines(newer)
    if not old or new is None:
        return False
    return len(old & new) >= SAME_LINES * len(old)


def _newest(folders: list[Path]) -> Path | None:
    """`current/` (or `latest/`) when there is one, else the highest revision."""
    named = [f for f in folders if f.name.lower() in _NEWEST]
    if len(named) == 1:
        return named[0]
    if named:
        return None  # both current/ and latest/: which is newer is not said
    return max(folders, key=lambda f: _version(f.name) or ())


def superseded(files: list[Path], root: Path) -> tuple[set[Path], list[str]]:
    """The `.sql` files of older revision folders, and a note for each series left out."""
    by_folder: dict[Path, list[Path]] = defaultdict(list)
    for path in files:
        if path.suffix.lower() == ".sql":
            by_folder[path.parent].append(path)
    series: dict[Path, list[Path]] = defaultdict(list)
    for folder in by_folder:
        if folder != root and (_version(folder.name) is not None or folder.name.lower() in _NEWEST):
            series[folder.parent].append(folder)
    left: set[Path] = set()
    notes: list[str] = []
    for _, folders in sorted(series.items()):
        if sum(1 for f in folders if _version(f.name) is not None) < 2:
            continue  # one numbered folder beside current/ is no series of revisions
        newest = _newest(folders)
        if newest is None:
            continue
        counterparts = {_stem(p.name, newest.name): p for p in by_folder[newest]}
        older = [
            folder
            for folder in folders
            if folder != newest
            and all(
                (twin := counterparts.get(_stem(p.name, folder.name))) is not None and _copy_of(p, twin)
                for p in by_folder[folder]
            )
        ]
        if not older:
            continue
        older.sort(key=lambda f: _version(f.name) or ())
        count = sum(len(by_folder[f]) for f in older)
        left.update(p for f in older for p in by_folder[f])
        where = ", ".join(f.relative_to(root).as_posix() for f in older)
        notes.append(
            f"left out {count} SQL file{'s' if count != 1 else ''} in {where}: older revisions of "
            f"{newest.relative_to(root).as_posix()}/, which holds the same files (one folder per "
            "revision, each a full copy)"
        )
    return left, notes
