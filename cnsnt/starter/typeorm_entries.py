"""TypeORM entity files of a project, and the `schemas` entries `cnsnt init` proposes for them.

Entities inherit columns from base classes in other folders (`src/common/base.entity.ts`)
and point at entities of other modules, so one entry holds them all when one glob under
a folder can say it; the reader passes over TypeScript files without a TypeORM decorator.
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

from cnsnt.sources.schemas.mikroorm_entities import maps_mikroorm
from cnsnt.sources.schemas.mikroorm_migrations import is_mikroorm_migration
from cnsnt.sources.schemas.ts_decorated import NOT_ENTITIES
from cnsnt.sources.schemas.typeorm_entities import maps_entities
from cnsnt.sources.schemas.typeorm_migrations import is_typeorm_migration
from cnsnt.sources.schemas.typeorm_naming import snake_naming

#: What the files of a NestJS project that holds entities are called.
ENTITY_SUFFIX = ".entity.ts"


def typeorm_kind(path: Path, head: str) -> str | None:
    """`typeorm` / `mikroorm` (entities), `typeorm_migrations` / `mikroorm_migrations` or None.

    An entity file (or a parent class's) imports TypeORM (or `@mikro-orm/...`) and uses
    its decorators; a TypeORM migration implements `MigrationInterface`, a MikroORM one
    extends `Migration` from `@mikro-orm/migrations`.
    """
    name = path.name.lower()
    if not name.endswith(".ts") or name.endswith(NOT_ENTITIES):
        return None
    if is_typeorm_migration(head):
        return "typeorm_migrations"
    if is_mikroorm_migration(head):
        return "mikroorm_migrations"
    if maps_mikroorm(head):
        return "mikroorm"
    return "typeorm" if maps_entities(head) else None


def migration_patterns(paths: list[Path], root: Path) -> list[str]:
    """One `<folder>/*.ts` glob per folder of TypeORM migrations (`src/migrations/*.ts`)."""
    return sorted({f"{p.parent.relative_to(root).as_posix()}/*.ts" for p in paths})


def migrations_note(paths: list[Path], root: Path, orm: str = "TypeORM") -> str:
    """Why a project's migrations are not proposed: its entities are read instead."""
    where = ", ".join(sorted({p.parent.relative_to(root).as_posix() for p in paths}))
    return (
        f"left out {len(paths)} {orm} migration{'s' if len(paths) != 1 else ''} in {where}: the history "
        "of the tables the project's entities map, which are read instead (reading both would list every "
        "column twice)"
    )


def typeorm_patterns(paths: list[Path], root: Path) -> list[str]:
    """Globs (relative, POSIX) that read every entity file: one under their common folder.

    `src/users/user.entity.ts` and `src/common/base.entity.ts` are `src/**/*.entity.ts`
    (`*.ts` when some entity file is named otherwise). When the common folder is the
    project itself, each top folder gets its own glob (`apps/**`, `libs/**`): a `**`
    from the project's root would walk `node_modules` too.
    """
    suffix = ENTITY_SUFFIX if all(p.name.endswith(ENTITY_SUFFIX) for p in paths) else ".ts"
    groups: dict[Path, list[Path]] = defaultdict(list)
    common = Path(os.path.commonpath([str(p.parent) for p in paths])) if paths else root
    if common == root:
        for path in paths:
            parts = path.relative_to(root).parts
            groups[root / parts[0] if len(parts) > 1 else path].append(path)
    else:
        groups[common] = list(paths)
    out: list[str] = []
    for home, group in sorted(groups.items()):
        rel = home.relative_to(root).as_posix()
        if home.suffix == ".ts" and home in group:  # a file at the project's root
            out.append(rel)
            continue
        nested = any(p.parent != home for p in group)
        if not nested and len(group) == 1 and suffix == ".ts":
            out.append(group[0].relative_to(root).as_posix())
            continue
        out.append(f"{rel}/{'**/' if nested else ''}*{suffix}")
    return out


def naming_note(patterns: list[str], paths: list[Path], root: Path, orm: str = "typeorm") -> str:
    """Which names the reader will give the tables and columns, and why (it decides the same way)."""
    where = ", ".join(patterns)
    if orm == "mikroorm":
        return (
            f"MikroORM entities in {where}: names as its default UnderscoreNamingStrategy writes them "
            "(firstName -> first_name, UserProfile -> user_profile)"
        )
    if snake_naming(paths, root):
        return (
            f"TypeORM entities in {where}: names as SnakeNamingStrategy writes them "
            "(firstName -> first_name), since package.json depends on typeorm-naming-strategies"
        )
    return (
        f"TypeORM entities in {where}: names as TypeORM's default naming strategy writes them "
        "(columns as written)"
    )
