"""The entries `cnsnt init` proposes for EF Core `DbContext` classes: their code, with their snapshot.

A database-first project (or one that calls `EnsureCreated()`) has a `DbContext` but no
`<Context>ModelSnapshot.cs`: its model is read from the code. A project with migrations
has both, and the snapshot may lack tables the code makes (an entity added since the
last migration, tables `EnsureCreated()` makes): the entry then holds the snapshot and
the context's code, and the reader reads both (`efcore_union`). A snapshot's context is
the one its `[DbContext(typeof(X))]` names. A context's entity classes often live in
another project of the solution (`src/Core/Entities` beside `src/Infrastructure/Data`),
so the entry is the common folder of the files the context's model is read from (and
its snapshot): `<folder>/*.cs` when they share one folder, else `<folder>/**/*.cs`. Two
entries of which one holds the other's context or snapshot become one (a context is
then never read without its snapshot). The reader passes over the other C# files
(controllers, services, migrations) without parsing them. A snapshot whose context is
not found keeps its own entry.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cnsnt.errors import SourceError
from cnsnt.evidence import SourceProblem
from cnsnt.sources.base import Limits, read_text
from cnsnt.sources.schemas.csharp import csharp_parser, csharp_syntax
from cnsnt.sources.schemas.efcore_code import contexts
from cnsnt.sources.schemas.efcore_files import context_files, derives_marker, select
from cnsnt.sources.schemas.efcore_snapshot import snapshot_contexts
from cnsnt.sources.schemas.grammars import SourceFile


@dataclass
class CodeEntry:
    """A proposed `format: efcore` entry: the contexts it reads from the code, and their snapshots."""

    pattern: str
    folder: Path
    files: set[Path]
    """The files its models are read from (contexts, entities, configurations, snapshots)."""
    keys: set[Path]
    """The contexts' own files and the snapshots: another entry holding one must be this one."""
    contexts: list[str] = field(default_factory=list)
    snapshots: list[Path] = field(default_factory=list)


def efcore_code_entries(
    files: list[Path], snapshots: list[Path], root: Path, left_out: set[Path]
) -> list[CodeEntry]:
    """An entry per context's code (with its snapshot, if any)."""
    cs = [p for p in files if p.suffix.lower() == ".cs" and p not in left_out and p not in snapshots]
    texts: dict[Path, str] = {}
    for path in cs:
        try:
            texts[path] = read_text(path, str(path), limits=Limits())
        except SourceError:
            continue
    if not any(derives_marker(text) for text in texts.values()):
        return []
    try:
        parser = csharp_parser()
    except SourceError:
        return []
    entries: list[CodeEntry] = []
    groups = _solutions(files, texts, root)
    for home, group in sorted(groups.items()):
        mine = [p for p in snapshots if next(d for d in p.parents if d in groups or d == root) == home]
        shown = [(p.relative_to(root).as_posix(), texts[p]) for p in group if not _migration(texts[p])]
        _group_entries(shown, parser, _contexts_of(mine, parser), root, entries)
    return entries


def _migration(text: str) -> bool:
    """A migration or its `.Designer.cs` (history: never a context's code)."""
    return "MigrationBuilder" in text or "BuildTargetModel" in text


def _contexts_of(snapshots: list[Path], parser: Any) -> dict[str, list[Path]]:
    """Snapshots by the context their `[DbContext(typeof(X))]` names."""
    out: dict[str, list[Path]] = {}
    for path in sorted(snapshots):
        try:
            source = read_text(path, str(path), limits=Limits()).encode("utf-8")
        except SourceError:
            continue
        file = SourceFile(source, str(path))
        for context in snapshot_contexts(parser.parse(source).root_node, file):
            out.setdefault(context, []).append(path)
    return out


def _solutions(files: list[Path], texts: dict[Path, str], root: Path) -> dict[Path, list[Path]]:
    """C# files by solution (nearest folder with a `.sln` or `.slnx`); one without a context joins its parent.

    Classes are found by name within a group: two solutions of one repository (a sample
    beside the product) may each have an `AppDbContext`.
    """
    homes = {p.parent for p in files if p.suffix.lower() in (".sln", ".slnx")} | {root}
    groups: dict[Path, list[Path]] = {}
    for path in texts:
        home = next(d for d in path.parents if d in homes)
        groups.setdefault(home, []).append(path)
    for home in sorted(groups, key=lambda h: -len(h.parts)):
        if home != root and not any(derives_marker(texts[p]) for p in groups[home]):
            parent = next(d for d in home.parents if d in homes)
            groups.setdefault(parent, []).extend(groups.pop(home))
    return {home: sorted(group) for home, group in groups.items()}


def _group_entries(
    texts: list[tuple[str, str]],
    parser: Any,
    snapshots: dict[str, list[Path]],
    root: Path,
    entries: list[CodeEntry],
) -> None:

    def parse(shown: str, text: str) -> tuple[Any, SourceFile, SourceProblem | None]:
        source = text.encode("utf-8")
        tree = parser.parse(source)
        file = SourceFile(source, shown)
        return tree, file, csharp_syntax(tree, file)

    chosen = select(texts, parse)
    for context in contexts(chosen.decls):
        used = {root / f for f in context_files(chosen.decls, context)}
        mine = snapshots.get(context.name, [])
        pattern, folder = _pattern(sorted(used | set(mine)), root)
        keys = {root / context.file.shown, *mine}
        _add(entries, CodeEntry(pattern, folder, used | set(mine), keys, [context.name], list(mine)), root)


def _add(entries: list[CodeEntry], new: CodeEntry, root: Path) -> None:
    """Add an entry; one that holds another's context or snapshot (or is held by it) becomes one with it."""
    while True:
        other = next((e for e in entries if _holds(e, new) or _holds(new, e)), None)
        if other is None:
            entries.append(new)
            return
        entries.remove(other)
        if _covers(other.pattern, new.pattern):
            pattern, folder = other.pattern, other.folder
        elif _covers(new.pattern, other.pattern):
            pattern, folder = new.pattern, new.folder
        else:
            folder = Path(os.path.commonpath([str(other.folder), str(new.folder)]))
            rel = folder.relative_to(root).as_posix()
            pattern = "**/*.cs" if rel == "." else f"{rel}/**/*.cs"
        new = CodeEntry(
            pattern,
            folder,
            other.files | new.files,
            other.keys | new.keys,
            [*other.contexts, *new.contexts],
            [*other.snapshots, *(p for p in new.snapshots if p not in other.snapshots)],
        )


def _holds(outer: CodeEntry, inner: CodeEntry) -> bool:
    """Whether `outer`'s glob matches one of `inner`'s contexts or snapshots, or every file `inner`'s does."""
    if _covers(outer.pattern, inner.pattern):
        return True
    deep = outer.pattern.endswith("**/*.cs")
    return any(p.parent == outer.folder or (deep and outer.folder in p.parents) for p in inner.keys)


def _pattern(paths: list[Path], root: Path) -> tuple[str, Path]:
    folders = {p.parent for p in paths}
    common = Path(os.path.commonpath([str(f) for f in folders]))
    rel = common.relative_to(root).as_posix()
    if len(folders) == 1:
        return ("*.cs" if rel == "." else f"{rel}/*.cs"), common
    return ("**/*.cs" if rel == "." else f"{rel}/**/*.cs"), common


def _covers(outer: str, inner: str) -> bool:
    """Whether glob `outer` (`src/**/*.cs`) matches every file glob `inner` does (`src/Data/*.cs`)."""
    if outer == inner:
        return True
    if not outer.endswith("**/*.cs"):
        return False
    base = outer.removesuffix("**/*.cs")
    return inner.startswith(base)


def efcore_code_note(entry: CodeEntry, root: Path) -> str:
    """What a proposed code entry is read from."""
    count = len(entry.files)
    files = f"{count} file{'s' if count != 1 else ''}"
    if not entry.snapshots:
        return (
            f"EF Core DbContext without a model snapshot: its model is read from the code in {entry.pattern} "
            f"({files}: the context, its entity and configuration classes)"
        )
    named = ", ".join(p.relative_to(root).as_posix() for p in sorted(entry.snapshots))
    return (
        f"EF Core model snapshot {named} read with its DbContext's code in {entry.pattern} ({files}): "
        "a table or column the code has and the snapshot lacks (no migration yet, or EnsureCreated) "
        "is read from the code and reported"
    )
