"""One glob for the folders of files `init` proposes together (Doctrine entities, Symfony forms, templates).

A class inherits from, uses the traits of, or relates to another file's class; one entry
for all the folders keeps them in one read. `src/Entity` and `src/Entity/Sub` are
`src/Entity/**/*.php`; `src/modules/A/Entity` and `src/modules/B/Entity` are
`src/modules/*/Entity/*.php`. Other files of the suffix in those folders (interfaces,
enums, traits) are matched too: the reader passes over what declares nothing.
Whether a glob may stand for its files is the caller's to say (`chosen_globs`).
"""

from __future__ import annotations

import glob
import os
from collections import defaultdict
from collections.abc import Callable
from fnmatch import fnmatchcase
from pathlib import Path


def spelt(paths: list[Path], suffix: str) -> str:
    """`suffix` (`.php`) as `paths` spell it, for a glob: the audit matches globs case-sensitively.

    `*.php` would miss `User.PHP`; where the files spell it several ways, each letter is
    matched in either case (`.[pP][hH][pP]`).
    """
    spellings = {p.name[-len(suffix) :] for p in paths}
    if len(spellings) == 1:
        return spellings.pop()
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in suffix)


def folder_globs(paths: list[Path], root: Path, suffix: str) -> list[str]:
    """The globs (POSIX, relative to root) that take every folder of `paths`, as few as one can say.

    Each top folder (one no other folder of `paths` is below) is one glob, `**` when the
    others nest in it. Top folders that differ in one path part only and hold no nested
    folder share one glob with a `*` there, the largest such group first.
    """
    dirs = sorted({p.parent for p in paths})
    tops = [d for d in dirs if not any(o != d and o in d.parents for o in dirs)]
    nested = {top: any(top in other.parents for other in dirs) for top in tops}
    rels = {top: tuple(glob.escape(p) for p in top.relative_to(root).parts) for top in tops}
    patterns: dict[Path, str] = {}
    flat = [top for top in tops if not nested[top] and rels[top]]
    while True:
        groups: dict[tuple[str, ...], list[Path]] = defaultdict(list)
        for top in flat:
            if top in patterns:
                continue
            rel = rels[top]
            for i in range(len(rel)):
                groups[(*rel[:i], "*", *rel[i + 1 :])].append(top)
        shared = sorted((-len(members), key) for key, members in groups.items() if len(members) > 1)
        if not shared:
            break
        key = shared[0][1]
        for top in groups[key]:
            patterns[top] = "/".join(key) + f"/*{suffix}"
    for top in tops:
        if top not in patterns:
            prefix = "".join(f"{part}/" for part in rels[top])
            patterns[top] = f"{prefix}{'**/' if nested[top] else ''}*{suffix}"
    return sorted(set(patterns.values()))


def covers(pattern: str, rel: str) -> bool:
    """Whether a glob of `folder_globs` matches a file (POSIX, relative), as the audit expands it."""
    return _match(tuple(rel.split("/")), tuple(pattern.split("/")))


def _match(parts: tuple[str, ...], pattern: tuple[str, ...]) -> bool:
    if not pattern:
        return not parts
    if pattern[0] == "**":
        return any(_match(parts[i:], pattern[1:]) for i in range(len(parts) + 1))
    return bool(parts) and fnmatchcase(parts[0], pattern[0]) and _match(parts[1:], pattern[1:])


def chosen_globs(
    paths: list[Path],
    root: Path,
    suffix: str,
    fits: Callable[[str, list[Path]], bool],
    *,
    split: bool = False,
) -> tuple[list[str], list[Path]]:
    """(globs, paths no glob takes): each glob of `folder_globs` that `fits` (pattern, its paths).

    With `split`, the paths of a glob that does not fit are tried again below it: the
    folder they share on its own, and each folder tree under it, so one folder whose
    other files do not belong in the glob costs its own tree the glob, not its neighbours'.
    """
    kept: list[str] = []
    left: list[Path] = []
    for pattern in folder_globs(paths, root, suffix):
        mine = [p for p in paths if covers(pattern, p.relative_to(root).as_posix())]
        if fits(pattern, mine):
            kept.append(pattern)
            continue
        parts = _below(mine) if split else []
        if len(parts) < 2:
            left.extend(mine)
            continue
        for part in parts:
            globs, loose = chosen_globs(part, root, suffix, fits, split=True)
            kept.extend(globs)
            left.extend(loose)
    return sorted(set(kept)), sorted(set(left))


def _below(paths: list[Path]) -> list[list[Path]]:
    """`paths` split by the folder they share: its own files, then each child folder's tree."""
    dirs = {p.parent for p in paths}
    if len(dirs) < 2:
        return []
    shared = Path(os.path.commonpath(dirs))
    parts: dict[str, list[Path]] = defaultdict(list)
    for path in paths:
        rel = path.parent.relative_to(shared).parts
        parts[rel[0] if rel else ""].append(path)
    return [parts[key] for key in sorted(parts)]


def reaches_out(pattern: str) -> bool:
    """A glob whose first folder is any (`**/*.php`, `*/Form/*.php`): it would take `vendor/` too."""
    first, sep, _ = pattern.partition("/")
    return bool(sep) and "*" in first


def links(directory: Path, suffix: str) -> bool:
    """Whether a folder holds a symlink a `*<suffix>` glob of it would take (the walk skips links).

    Matched as the audit's glob matches: case-sensitively, dot files left out.
    """
    try:
        with os.scandir(directory) as entries:
            return any(
                entry.is_symlink() and entry.name.endswith(suffix) and not entry.name.startswith(".")
                for entry in entries
            )
    except OSError:
        return False
