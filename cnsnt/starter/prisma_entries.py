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

A schema with a datasource but no generator block is one no client is generated from:
a club app (trial37) kept an old hand-written `prisma/schema.prisma` beside
`prisma/schema.club.prisma`, whose generator writes the client its code imports; the
default name won and the schema in use was left out. Such a file is taken after those
with a generator (a multi-file schema's model files, which have no datasource, are not
such files). Models are compared case-folded, as the audit matches tables: `Person` in
a hand-written copy and `person` from `prisma db pull` are one table, counted twice.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.sources.base import Limits, read_text
from cnsnt.sources.schemas.prisma_schema import outline
from cnsnt.starter.prisma_config import config_schemas

#: The file name Prisma looks for when `package.json` names none.
_DEFAULT_NAME = "schema.prisma"


def prisma_schemas(paths: list[Path], files: list[Path], root: Path) -> tuple[list[Path], list[str]]:
    """The schema files to propose, and a note for each one left out as a copy of another."""
    config = config_schemas(files, root)
    configured = set(config.named)
    named = _named_by_package(files)
    outlines = {p: _outline(p, root) for p in paths}
    clientless = {p for p, (_, kinds) in outlines.items() if _no_client(kinds)}
    order = sorted(paths, key=lambda p: _rank(p, root, configured, named, clientless))
    kept: list[tuple[Path, frozenset[str]]] = []
    notes = [*config.unread, *(_config_note(s, c, paths, root) for s, c in config.named.items())]
    for path in order:
        mine = outlines[path][0]
        held = [(other, mine & theirs) for other, theirs in kept if mine & theirs]
        shared = frozenset().union(*(both for _, both in held)) if held else frozenset()
        if not mine or 2 * len(shared) <= len(mine):
            kept.append((path, mine))
            continue
        other = max(held, key=lambda h: len(h[1]))[0]
        why = _why(other, root, named, config.named)
        if path in clientless and other not in clientless and not _is_named(other, {*named, *configured}):
            why = "a schema Prisma generates a client from; this one has a datasource but no generator block"
        notes.append(_note(path, other, len(shared), len(mine), why, root))
    proposed = {k for k, _ in kept}
    return [p for p in paths if p in proposed], notes


def _rank(
    path: Path, root: Path, configured: set[Path], named: set[Path], clientless: set[Path]
) -> tuple[bool, bool, bool, bool, bool, int, str]:
    """Prisma's choice first: named by prisma.config.ts, then package.json; a client; `prisma/`; shallow."""
    rel = path.relative_to(root)
    chosen = _is_named(path, configured) or _is_named(path, named)
    return (
        not _is_named(path, configured),
        not _is_named(path, named),
        path in clientless and not chosen,  # among files Prisma is told to read, their order stays
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


def _outline(path: Path, root: Path) -> tuple[frozenset[str], frozenset[str]]:
    """(The file's model names, case-folded as the audit matches tables; the kinds of its blocks)."""
    try:
        models, kinds = outline(read_text(path, path.relative_to(root).as_posix(), limits=Limits()))
    except SourceError:
        return frozenset(), frozenset()  # unreadable: proposed, and the audit says why (CN001)
    return frozenset(m.casefold() for m in models), kinds


def _no_client(kinds: frozenset[str]) -> bool:
    """A whole schema (its own datasource) from which Prisma generates no client (no generator)."""
    return "datasource" in kinds and "generator" not in kinds


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
