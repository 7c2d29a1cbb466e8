"""The `casing` a Drizzle project names its unnamed columns with, when it says so as a literal.

`drizzle(client, { casing: 'snake_case' })` (the runtime) and `defineConfig({ casing })`
in `drizzle.config.ts` (drizzle-kit) turn a column written `firstName: text()` into
`first_name`. Neither is part of the schema files, so cnsnt looks for them: in the
entry's modules, then in `drizzle.config.*` and the files that call `drizzle(` in each
folder from the schema files up to the project's root, nearest first. Only a literal
`'snake_case'` or `'camelCase'` counts; without one, keys are the columns' names.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from cnsnt.errors import SourceError
from cnsnt.sources.base import SKIP_DIRS, SourceContext, read_text
from cnsnt.sources.schemas.drizzle_files import SUFFIXES, Module
from cnsnt.sources.schemas.grammars import parse_bounded, parser
from cnsnt.sources.schemas.js_syntax import pair_values

#: The values of Drizzle's `casing` option.
CASINGS = frozenset({"snake_case", "camelCase"})
#: How many files beside the schema are looked at (a folder of thousands stops here).
_MAX_FILES = 200
#: How large a file may be to be looked at.
_MAX_BYTES = 256 * 1024
#: How many nodes of one file are visited.
_MAX_NODES = 200_000


def project_casing(paths: Iterable[Path], ctx: SourceContext, modules: Iterable[Module]) -> str | None:
    """The project's literal `casing`, nearest the schema files first; None when none is found."""
    for module in modules:
        if b"casing" in module.file.source:
            found = _casing_in(module.root, module.file.source)
            if found is not None:
                return found
    make = None
    for path in _candidates(paths, ctx.base_dir):
        try:
            text = read_text(path, ctx.shown(path), limits=ctx.limits)
            make = make or parser("typescript", "Drizzle schemas")
            source = text.encode("utf-8")
            root = parse_bounded(make, source, ctx.shown(path)).root_node
        except SourceError:
            continue
        found = _casing_in(root, source)
        if found is not None:
            return found
    return None


def _candidates(paths: Iterable[Path], stop: Path) -> Iterator[Path]:
    """`drizzle.config.*`, then files that call `drizzle(` with a `casing`, folder by folder upwards."""
    top = stop.resolve()
    seen: set[Path] = set()
    count = 0
    for path in sorted(paths):
        directory = path.resolve().parent
        for _ in range(64):
            if directory in seen or not (directory == top or top in directory.parents):
                break
            seen.add(directory)
            try:
                names = sorted(p for p in directory.iterdir() if p.suffix in SUFFIXES and p.is_file())
            except OSError:
                names = []
            configs = [p for p in names if p.name.startswith("drizzle.config.")]
            others = [p for p in names if p not in configs]
            for candidate in [*configs, *others]:
                count += 1
                if count > _MAX_FILES:
                    return
                if _mentions(candidate, candidate in configs):
                    yield candidate
            if directory == top or directory.name in SKIP_DIRS:
                break
            directory = directory.parent


def _mentions(path: Path, config: bool) -> bool:
    try:
        if path.stat().st_size > _MAX_BYTES:
            return False
        head = path.read_bytes()
    except OSError:
        return False
    return b"casing" in head and (config or b"drizzle(" in head)


def _casing_in(root: Any, source: bytes) -> str | None:
    """A `casing: '...'` pair's literal value anywhere in the tree (iteratively, bounded)."""
    for value in pair_values(root, source, "casing", _MAX_NODES):
        text = source[value.start_byte : value.end_byte].decode("utf-8", errors="replace").strip("'\"`")
        if value.type in ("string", "template_string") and text in CASINGS:
            return text
    return None
