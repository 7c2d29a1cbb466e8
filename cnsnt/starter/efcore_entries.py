"""EF Core `DbContext` classes without a model snapshot, and the entries `cnsnt init` proposes for them.

A database-first project (or one that calls `EnsureCreated()`) has a `DbContext` but no
`<Context>ModelSnapshot.cs`: its model is read from the code. A context's entity
classes often live in another project of the solution (`src/Core/Entities` beside
`src/Infrastructure/Data`), so the entry is the common folder of the files the
context's model is read from: `<folder>/*.cs` when they share one folder, else
`<folder>/**/*.cs`. The reader passes over the other C# files (controllers, services)
without parsing them. A context with a snapshot keeps its snapshot entry.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from cnsnt.errors import SourceError
from cnsnt.evidence import SourceProblem
from cnsnt.sources.base import Limits, read_text
from cnsnt.sources.schemas.csharp import csharp_parser, csharp_syntax
from cnsnt.sources.schemas.efcore_code import contexts
from cnsnt.sources.schemas.efcore_files import context_files, derives_marker, select
from cnsnt.sources.schemas.grammars import SourceFile


def efcore_code_entries(
    files: list[Path], snapshots: list[Path], root: Path, left_out: set[Path]
) -> tuple[list[tuple[str, int]], list[str]]:
    """`(pattern, files read)` per context without a snapshot, and notes on those not proposed."""
    cs = [p for p in files if p.suffix.lower() == ".cs" and p not in left_out and p not in snapshots]
    texts: dict[Path, str] = {}
    for path in cs:
        try:
            texts[path] = read_text(path, str(path), limits=Limits())
        except SourceError:
            continue
    if not any(derives_marker(text) for text in texts.values()):
        return [], []
    try:
        parser = csharp_parser()
    except SourceError:
        return [], []
    entries: list[tuple[str, int]] = []
    notes: list[str] = []
    groups = _solutions(files, texts, root)
    for home, group in sorted(groups.items()):
        mine = [p for p in snapshots if next(d for d in p.parents if d in groups or d == root) == home]
        shown = [(p.relative_to(root).as_posix(), texts[p]) for p in group]
        _group_entries(shown, parser, mine, root, entries, notes)
    return entries, notes


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
    snapshots: list[Path],
    root: Path,
    entries: list[tuple[str, int]],
    notes: list[str],
) -> None:

    def parse(shown: str, text: str) -> tuple[Any, SourceFile, SourceProblem | None]:
        source = text.encode("utf-8")
        tree = parser.parse(source)
        file = SourceFile(source, shown)
        return tree, file, csharp_syntax(tree, file)

    chosen = select(texts, parse)
    with_snapshot = {p.name.removesuffix("ModelSnapshot.cs") for p in snapshots}
    snapshot_dirs = {p.parent for p in snapshots}
    for context in contexts(chosen.decls):
        if context.name in with_snapshot:
            continue
        used = sorted(root / f for f in context_files(chosen.decls, context))
        pattern, folder = _pattern(used, root)
        if any(d == folder or (folder in d.parents and "**" in pattern) for d in snapshot_dirs):
            notes.append(
                f"EF Core context {context.name} ({context.file.shown}) has no model snapshot, but its "
                f"classes share {pattern} with another context's snapshot: not proposed"
            )
            continue
        if any(_covers(other, pattern) for other, _ in entries):
            continue
        entries[:] = [(p, n) for p, n in entries if not _covers(pattern, p)]
        entries.append((pattern, len(used)))


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


def efcore_code_note(pattern: str, count: int) -> str:
    """What a proposed code entry is read from."""
    return (
        f"EF Core DbContext without a model snapshot: its model is read from the code in {pattern} "
        f"({count} file{'s' if count != 1 else ''}: the context, its entity and configuration classes)"
    )
