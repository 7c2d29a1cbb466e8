"""Schema evidence from .NET Entity Framework Core projects, parsed with tree-sitter's C# grammar.

The C# is parsed, never compiled or run (`tree-sitter-c-sharp`, kept by the tree-sitter
project, prebuilt wheels): exact places, and the rest of a damaged file is still read.

An entry's model snapshots (`Migrations/<Context>ModelSnapshot.cs`) are EF's own
statement of the whole current schema: when an entry has one, it alone is read
(`efcore_snapshot`), and the other `.cs` files of the entry (migrations, their
`.Designer.cs`, entity classes, the `DbContext`) are the same model again or its
history and are passed over. Each snapshot is one model: relationships resolve within it.

An entry without a snapshot (a database-first project, or one that calls
`EnsureCreated()`) is read from the code as EF builds its model: each `DbContext`
subclass, the entity classes it reaches, their attributes and the fluent API
(`efcore_code`). Only the files that hold those are parsed (`efcore_files`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cnsnt.errors import SourceError
from cnsnt.evidence import Evidence, SourceProblem
from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext, read_text
from cnsnt.sources.schemas.common import ModelTable, model_evidence, model_failed, nothing_found, problem_of
from cnsnt.sources.schemas.csharp import csharp_parser, csharp_syntax
from cnsnt.sources.schemas.efcore_code import models as code_models
from cnsnt.sources.schemas.efcore_files import select
from cnsnt.sources.schemas.efcore_model import Mapper
from cnsnt.sources.schemas.efcore_snapshot import is_snapshot, snapshot_models
from cnsnt.sources.schemas.grammars import SourceFile


def read_efcore(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables of an entry's EF Core model snapshots, or else of its `DbContext` classes."""
    problems: list[SourceProblem] = []
    texts: list[tuple[str, str]] = []
    for path in paths:
        shown = ctx.shown(path)
        ctx.check_time(shown)
        try:
            texts.append((shown, read_text(path, shown, limits=ctx.limits)))
        except SourceError as exc:
            problems.append(problem_of(exc, shown))
    if not texts:
        return model_evidence([], problems, 0)
    try:
        parser = csharp_parser()
    except SourceError as exc:
        problems.append(problem_of(exc, texts[0][0]))
        return model_evidence([], problems, 0)
    tables, files, found = _snapshots(texts, parser, problems, ctx)
    if not found:
        tables, files, found = _code(texts, parser, problems, ctx)
    if not found and not any(p.severity is None for p in problems):
        shown = ctx.shown(paths[0]) if paths else spec.pattern
        problems.append(_nothing(shown))
    return model_evidence(tables, problems, files)


def _parse(parser: Any, shown: str, text: str) -> tuple[Any, SourceFile, SourceProblem | None]:
    source = text.encode("utf-8")
    tree = parser.parse(source)
    file = SourceFile(source, shown)
    return tree, file, csharp_syntax(tree, file)


def _snapshots(
    texts: list[tuple[str, str]], parser: Any, problems: list[SourceProblem], ctx: SourceContext
) -> tuple[list[ModelTable], int, int]:
    tables: list[ModelTable] = []
    files = found = 0
    mine: list[SourceProblem] = []
    for shown, text in texts:
        if not is_snapshot(text):
            continue
        ctx.check_time(shown)
        tree, file, broken = _parse(parser, shown, text)
        files += 1
        mine.extend([broken] if broken is not None else [])
        try:
            models = snapshot_models(tree.root_node, file)
            found += len(models)
            for entities in models:
                tables.extend(Mapper(entities).tables())
        except RecursionError:  # nesting thousands deep: a hostile file, not a snapshot
            mine.append(_too_deep(shown))
        except Exception as exc:  # noqa: BLE001 - a bug of ours costs this file only
            mine.append(model_failed(exc, shown, 1, 1, "an EF Core model snapshot"))
    problems.extend(mine)
    return tables, files, found


def _code(
    texts: list[tuple[str, str]], parser: Any, problems: list[SourceProblem], ctx: SourceContext
) -> tuple[list[ModelTable], int, int]:
    """The tables of the entry's `DbContext` classes (one model each; a table two map is listed once)."""
    try:
        chosen = select(texts, lambda shown, text: _parse(parser, shown, text), ctx.check_time)
        problems.extend(chosen.problems)
        tables: list[ModelTable] = []
        seen: set[str] = set()
        found = 0
        for entities in code_models(chosen.decls):
            found += 1
            for table in Mapper(entities).tables():
                key = f"{table.schema or ''}.{table.name}".casefold()
                if key not in seen:
                    seen.add(key)
                    tables.append(table)
        return tables, len(chosen.used), found
    except RecursionError:
        problems.append(_too_deep(texts[0][0]))
    except Exception as exc:  # noqa: BLE001 - a bug of ours costs this entry's code model only
        problems.append(model_failed(exc, texts[0][0], 1, 1, "EF Core entity classes"))
    return [], 0, 0


def _too_deep(shown: str) -> SourceProblem:
    return SourceProblem(
        "C# nested too deeply to read; no table of this file was read", Location(shown, 1, 1), shown
    )


def _nothing(shown: str) -> SourceProblem:
    return nothing_found(
        shown, "EF Core model snapshot (a class deriving ModelSnapshot) or DbContext subclass"
    )
