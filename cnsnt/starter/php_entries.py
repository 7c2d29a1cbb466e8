"""Yii 2 and Phinx (CakePHP) migrations folders, as `cnsnt init` proposes them.

A Yii application keeps its migrations in `migrations/` or `console/migrations/`, and
each module in its own `migrations/` (HumHub: `protected/humhub/modules/*/migrations`);
a Phinx project in `db/migrations/`, a CakePHP application in `config/Migrations/`.
The framework replays every folder's migrations in one order (Yii by the timestamp in
the class name, Phinx by version), so the folders of one kind below a common folder
are one entry, `<common>/**/<folder>/*.php`; folders with nothing in common but the
project (where `**` would reach into every package) are an entry each.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from cnsnt.sources.schemas.phinx_migrations import is_phinx_migration, phinx_version
from cnsnt.sources.schemas.yii_migrations import is_yii_migration, yii_name


def php_migration_kind(path: Path, head: str) -> str | None:
    """`yii`, `phinx` or None for one file: a migration by its name and what it extends."""
    if path.suffix.lower() != ".php":
        return None
    if yii_name(path.stem) and is_yii_migration(head):
        return "yii"
    if phinx_version(path.stem) is not None and is_phinx_migration(head):
        return "phinx"
    return None


def php_migration_entries(
    files: list[Path], root: Path, sniff: Callable[[Path], str]
) -> tuple[list[tuple[str, str]], set[Path]]:
    """The (pattern, format) entries for the Yii and Phinx migrations below root, and their files."""
    homes: dict[str, dict[Path, list[Path]]] = defaultdict(lambda: defaultdict(list))
    for path in files:
        if path.suffix.lower() != ".php":
            continue
        kind = (
            php_migration_kind(path, sniff(path))
            if path.stem[:1].isdigit() or path.stem[:1] in "mM"
            else None
        )
        if kind is not None:
            homes[kind][path.parent].append(path)
    entries: list[tuple[str, str]] = []
    for kind in sorted(homes):
        folders = sorted(homes[kind])
        names = {f.name for f in folders}
        common = folders[0]
        for folder in folders[1:]:
            while common not in (folder, *folder.parents):
                common = common.parent
        if len(folders) > 1 and len(names) == 1 and common != root and common in folders[0].parents:
            rel = common.relative_to(root).as_posix()
            entries.append((f"{rel}/**/{folders[0].name}/*.php", kind))
            continue
        for folder in folders:
            entries.append((f"{folder.relative_to(root).as_posix()}/*.php", kind))
    return entries, {p for by_folder in homes.values() for paths in by_folder.values() for p in paths}
