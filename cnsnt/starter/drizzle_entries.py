"""Drizzle schema files of a project, the `schemas` entries `cnsnt init` proposes, and drizzle-kit's SQL.

A Drizzle schema is one file (`src/db/schema.ts`) or a folder of them with a barrel
`index.ts`; tables of one file reference tables of another, so one entry holds them all
when one glob under their common folder can say it. drizzle-kit writes the migrations it
generates from the schema into its `out` folder (`drizzle/0000_x.sql`, with
`meta/_journal.json`): as with Prisma Migrate's folder beside `schema.prisma`, the
schema states what they build, so they are left out beside it (reading both would list
every column twice), and proposed as migrations only where no schema is found.
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.drizzle_casing import project_casing
from cnsnt.sources.schemas.drizzle_files import SUFFIXES, imports_drizzle_core
from cnsnt.sources.schemas.drizzle_types import SCHEMAS, TABLE_CREATORS, TABLES
from cnsnt.sources.schemas.ts_decorated import NOT_ENTITIES

#: What a file that declares tables says (a helper or the client imports the module too).
_DECLARES = (*(f"{name}(" for name in (*TABLES, *TABLE_CREATORS, *SCHEMAS)), ".table(")


def drizzle_kind(path: Path, head: str) -> str | None:
    """`drizzle` for a file that imports a Drizzle dialect module and declares tables, else None."""
    name = path.name.lower()
    if (
        path.suffix.lower() not in SUFFIXES
        or name.endswith(NOT_ENTITIES)
        or name.startswith("drizzle.config.")
    ):
        return None
    if not imports_drizzle_core(head):
        return None
    return "drizzle" if any(mark in head for mark in _DECLARES) else None


def drizzle_patterns(paths: list[Path], root: Path) -> list[str]:
    """Globs (relative, POSIX) that read every schema file: one per suffix under their common folder.

    `src/db/schema.ts` alone is itself; `src/db/schema/users.ts` and `.../posts/posts.ts`
    are `src/db/schema/**/*.ts`. When the common folder is the project itself, each top
    folder gets its own glob: a `**` from the project's root would walk `node_modules` too.
    """
    out: list[str] = []
    by_suffix: dict[str, list[Path]] = defaultdict(list)
    for path in paths:
        by_suffix[path.suffix].append(path)
    for suffix, group in sorted(by_suffix.items()):
        common = Path(os.path.commonpath([str(p.parent) for p in group]))
        homes: dict[Path, list[Path]] = defaultdict(list)
        if common == root:
            for path in group:
                parts = path.relative_to(root).parts
                homes[root / parts[0] if len(parts) > 1 else path].append(path)
        else:
            homes[common] = group
        for home, files in sorted(homes.items()):
            if home in files or (len(files) == 1 and files[0].parent == home):
                out.append(files[0].relative_to(root).as_posix())
                continue
            nested = any(p.parent != home for p in files)
            out.append(f"{home.relative_to(root).as_posix()}/{'**/' if nested else ''}*{suffix}")
    return sorted(out)


def journal_homes(files: list[Path]) -> dict[Path, list[Path]]:
    """drizzle-kit's output folders (a `meta/_journal.json` beside `.sql` files) -> their SQL files."""
    homes = {p.parent.parent for p in files if p.name == "_journal.json" and p.parent.name == "meta"}
    out: dict[Path, list[Path]] = defaultdict(list)
    for path in files:
        if path.parent in homes and path.suffix.lower() == ".sql":
            out[path.parent].append(path)
    return dict(out)


def beside_schema(home: Path, schemas: list[Path]) -> bool:
    """Whether drizzle-kit's folder belongs to a package whose schema files cnsnt reads."""
    package = home.parent
    return any(package in p.parents for p in schemas)


def migrations_note(homes: dict[Path, list[Path]], root: Path) -> str:
    """Why drizzle-kit's migrations are not proposed: the schema is read instead."""
    count = sum(len(v) for v in homes.values())
    where = ", ".join(sorted(h.relative_to(root).as_posix() for h in homes))
    return (
        f"left out {count} drizzle-kit migration{'s' if count != 1 else ''} in {where}: SQL generated "
        "from the project's Drizzle schema, which is read instead (reading both would list every column "
        "twice)"
    )


def casing_note(patterns: list[str], paths: list[Path], root: Path) -> str:
    """Which names the reader will give columns written without one, and why (it decides the same way)."""
    where = ", ".join(patterns)
    casing = project_casing(paths, SourceContext(base_dir=root), [])
    if casing is not None:
        return (
            f"Drizzle schema in {where}: columns without a name given are named by their keys "
            f"with casing: '{casing}', as the project's drizzle configuration says"
        )
    return f"Drizzle schema in {where}: columns without a name given are named by their keys as written"
