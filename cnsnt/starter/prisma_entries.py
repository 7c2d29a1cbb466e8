"""Which of a project's Prisma schemas `cnsnt init` proposes: the one Prisma uses, not a stale copy.

tugabinete keeps `backup-gallery/schema.prisma`, an old copy of 17 of the 18 models of
`backend/prisma/schema.prisma`. Both proposed, every model was counted twice,
`explain-column` answered twice, and a column only in the copy was proposed as collected.
Prisma reads one schema: the path `prisma.config.ts` names (Prisma 6,
`cnsnt.starter.prisma_config`), else the one `package.json` names
(`"prisma": {"schema": ...}`), else `prisma/schema.prisma`. So the schema files are
taken in that order (then the shallowest), and a file most of whose models a file
taken before defines is left out, with a note. A file of other models (a multi-file
schema's `post.prisma` beside `user.prisma`; another app's schema) is kept.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.sources.base import Limits, read_text
from cnsnt.sources.schemas.prisma_schema import model_names
from cnsnt.starter.prisma_config import config_schemas

#: The file name Prisma looks for when `package.json` names none.
_DEFAULT_NAME = "schema.prisma"


def prisma_schemas(paths: list[Path], files: list[Path], root: Path) -> tuple[list[Path], list[str]]:
    """The schema files to propose, and a note for each one left out as a copy of another."""
    config = config_schemas(files, root)
    configured = set(config.named)
    named = _named_by_package(files)
    order = sorted(paths, key=lambda p: _rank(p, root, configured, named))
    kept: list[tuple[Path, frozenset[str]]] = []
    notes = [*config.unread, *(_config_note(s, c, paths, root) for s, c in config.named.items())]
    for path in order:
        mine = _models(path, root)
        held = [(other, mine & theirs) for other, theirs in kept if mine & theirs]
        shared = frozenset().union(*(both for _, both in held)) if held else frozenset()
        if not mine or 2 * len(shared) <= len(mine):
            kept.append((path, mine))
            continue
        other = max(held, key=lambda h: len(h[1]))[0]
        why = _why(other, root, named, config.named)
        notes.append(_note(path, other, len(shared), len(mine), why, root))
    proposed = {k for k, _ in kept}
    return [p for p in paths if p in proposed], notes


def _rank(
    path: Path, root: Path, configured: set[Path], named: set[Path]
) -> tuple[bool, bool, bool, bool, int, str]:
    """Prisma's own choice first: named by prisma.config.ts, then package.json; in `prisma/`; shallow."""
    rel = path.relative_to(root)
    return (
        not _is_named(path, configured),
        not _is_named(path, named),
        "prisma" not in rel.parts[:-1],
        path.name != _DEFAULT_NAME,
        len(rel.parts),
        rel.as_posix(),
    )


def _why(path: Path, root: Path, named: set[Path], configs: dict[Path, Path]) -> str:
    """Why `path` is the schema kept, in the words of the note."""
    for schema, config in configs.items():
        if _is_named(path, {schema}):
            return f"the schema {config.relative_to(root).as_posix()} names"
    if _is_named(path, named):
        return "the schema package.json names for Prisma"
    if "prisma" in path.relative_to(root).parts[:-1]:
        return "the schema in a prisma/ folder, where Prisma looks"
    return "the shallowest of them"


def _config_note(schema: Path, config: Path, paths: list[Path], root: Path) -> str:
    """What a config's `schema:` made of the choice: proposed first, or naming no file found."""
    shown = config.relative_to(root).as_posix()
    where = os.path.relpath(schema, root).replace(os.sep, "/")
    if any(_is_named(p, {schema}) for p in paths):
        first = ", proposed before any other" if len(paths) > 1 else ""
        return f"Prisma schema {where}: the one {shown} names{first}"
    return (
        f"{shown} names the Prisma schema {where}, where no .prisma file was found; "
        "the schema is chosen as without the config"
    )


def _note(path: Path, kept: Path, shared: int, models: int, why: str, root: Path) -> str:
    return (
        f"left out {path.relative_to(root).as_posix()}: {shared} of its {models} Prisma models are "
        f"defined in {kept.relative_to(root).as_posix()}, {why} (an old copy: reading both would count "
        "each model twice); if it is a schema in use, add it under sources:"
    )


def _is_named(path: Path, named: set[Path]) -> bool:
    """The file, or a folder holding it (a multi-file schema), is one package.json names."""
    resolved = Path(os.path.normpath(path))
    return resolved in named or any(parent in named for parent in resolved.parents)


def _named_by_package(files: list[Path]) -> set[Path]:
    """The schema paths `package.json` files name under `"prisma": {"schema": ...}`."""
    named: set[Path] = set()
    for path in files:
        if path.name != "package.json":
            continue
        try:
            data = json.loads(read_text(path, path.as_posix(), limits=Limits()))
        except (SourceError, ValueError):
            continue  # not the package's manifest we can read: Prisma's default applies
        prisma = data.get("prisma") if isinstance(data, dict) else None
        schema = prisma.get("schema") if isinstance(prisma, dict) else None
        if isinstance(schema, str) and schema:
            named.add(Path(os.path.normpath(path.parent / schema)))
    return named


def _models(path: Path, root: Path) -> frozenset[str]:
    try:
        return model_names(read_text(path, path.relative_to(root).as_posix(), limits=Limits()))
    except SourceError:
        return frozenset()  # unreadable: proposed, and the audit says why (CN001)


def prisma_migrations_note(home: Path, migrations: list[Path], schemas: list[Path], root: Path) -> str:
    """Prisma Migrate's folder beside a schema: its history, left out as EF Core's migrations are."""
    beside = sorted(p for p in schemas if p.parent == home.parent)
    n = len(migrations)
    folder = home.parent.relative_to(root).as_posix()
    what = beside[0].relative_to(root).as_posix() if beside else f"in {folder}"
    return (
        f"Prisma schema {what}: read instead of the {n} migration file{'s' if n != 1 else ''} in "
        f"{home.relative_to(root).as_posix()} (their history; reading both would list every column twice)"
    )
