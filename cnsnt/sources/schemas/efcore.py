"""Schema evidence from .NET Entity Framework Core projects, parsed with tree-sitter's C# grammar.

The C# is parsed, never compiled or run (`tree-sitter-c-sharp`, kept by the tree-sitter
project, prebuilt wheels): exact places, and the rest of a damaged file is still read.

An entry's model snapshots (`Migrations/<Context>ModelSnapshot.cs`) are EF's own
statement of the schema as of the last migration (`efcore_snapshot`); migrations and
their `.Designer.cs` are its history and are passed over. Each snapshot is one model:
relationships resolve within it.

The code is read as EF builds its model: each `DbContext` subclass, the entity classes
it reaches, their attributes and the fluent API (`efcore_code`); only the files that
hold those are parsed (`efcore_files`). A context without a snapshot in the entry (a
database-first project, or one that calls `EnsureCreated()`) is read from the code
alone. A context with one (`[DbContext(typeof(X))]` names it) is read from both: the
snapshot's tables, and the tables and columns only the code has, each with a warning
(`efcore_union`). An entry whose other files derive no `DbContext` (a `Migrations`
folder) is the snapshot alone: nothing else is parsed.
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
from cnsnt.sources.schemas.efcore_files import derives_marker, select
from cnsnt.sources.schemas.efcore_model import Mapper
from cnsnt.sources.schemas.efcore_snapshot import is_snapshot, snapshot_models
from cnsnt.sources.schemas.efcore_union import table_key, union
from cnsnt.sources.schemas.grammars import SourceFile, deepest_of, parse_bounded


def read_efcore(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables of an entry's EF Core model snapshots, and those only its `DbContext` classes have."""
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
    snapshots, files = _snapshots(texts, parser, problems, ctx)
    tables = [t for _, mine in snapshots for t in mine]
    code = [(shown, text) for shown, text in texts if not is_snapshot(text) and not _migration(text)]
    found = len(snapshots)
    if not snapshots or any(derives_marker(text) for _, text in code):
        more, used, contexts = _code(code, parser, snapshots, problems, ctx)
        tables.extend(more)
        files += used
        found += contexts
    if not found and not any(p.severity is None for p in problems):
        shown = ctx.shown(paths[0]) if paths else spec.pattern
        problems.append(_nothing(shown))
    return model_evidence(tables, problems, files)


def _migration(text: str) -> bool:
    """A migration or its `.Designer.cs`: the model's history, never a context's code."""
    return "MigrationBuilder" in text or "BuildTargetModel" in text


def _parse(parser: Any, shown: str, text: str) -> tuple[Any, SourceFile, SourceProblem | None]:
    source = text.encode("utf-8")
    try:
        tree = parse_bounded(parser, source, shown)
    except SourceError as exc:  # the grammar's error recovery did not end: nothing of it is read
        return parser.parse(b""), SourceFile(b"", shown), problem_of(exc, shown)
    file = SourceFile(source, shown)
    return tree, file, csharp_syntax(tree, file)


def _snapshots(
    texts: list[tuple[str, str]], parser: Any, problems: list[SourceProblem], ctx: SourceContext
) -> tuple[list[tuple[str, list[ModelTable]]], int]:
    """Each snapshot's context and tables, in file order, and how many snapshot files were read."""
    models: list[tuple[str, list[ModelTable]]] = []
    files = 0
    mine: list[SourceProblem] = []
    for shown, text in texts:
        if not is_snapshot(text):
            continue
        ctx.check_time(shown)
        tree, file, broken = _parse(parser, shown, text)
        files += 1
        mine.extend([broken] if broken is not None else [])
        try:
            for context, entities in snapshot_models(tree.root_node, file):
                models.append((context, Mapper(entities).tables()))
        except RecursionError:  # nesting thousands deep: a hostile file, not a snapshot
            mine.append(_too_deep([(file, tree.root_node)], shown, "no table of this file was read"))
        except Exception as exc:  # noqa: BLE001 - a bug of ours costs this file only
            mine.append(model_failed(exc, shown, 1, 1, "an EF Core model snapshot"))
    problems.extend(mine)
    return models, files


def _code(
    texts: list[tuple[str, str]],
    parser: Any,
    snapshots: list[tuple[str, list[ModelTable]]],
    problems: list[SourceProblem],
    ctx: SourceContext,
) -> tuple[list[ModelTable], int, int]:
    """The tables the entry's `DbContext` classes add to its snapshots, files read, contexts read.

    A context with a snapshot adds what the snapshot lacks; one without adds its tables.
    A table two models map is listed once (the snapshot's, else the first context's).
    """
    if not texts:
        return [], 0, 0
    parsed: list[tuple[SourceFile, Any]] = []

    def parse(shown: str, text: str) -> tuple[Any, SourceFile, SourceProblem | None]:
        tree, file, problem = _parse(parser, shown, text)
        parsed.append((file, tree.root_node))
        return tree, file, problem

    try:
        chosen = select(texts, parse, ctx.check_time)
        problems.extend(chosen.problems)
        by_context: dict[str, list[ModelTable]] = {}
        for context, mine in snapshots:
            by_context.setdefault(context, []).extend(mine)
        seen = {table_key(t) for _, mine in snapshots for t in mine}
        tables: list[ModelTable] = []
        found = 0
        for decl, entities in code_models(chosen.decls):
            code = Mapper(entities).tables()
            if decl.name in by_context:
                added, notes = union(by_context[decl.name], code, decl.name)
                problems.extend(notes)
                seen.update(table_key(t) for t in added)
                tables.extend(added)
                continue
            found += 1
            for table in code:
                if table_key(table) not in seen:
                    seen.add(table_key(table))
                    tables.append(table)
        return tables, len(chosen.used), found
    except RecursionError:
        problems.append(_too_deep(parsed, texts[0][0], "no table of the entry's DbContext classes was read"))
    except Exception as exc:  # noqa: BLE001 - a bug of ours costs this entry's code model only
        problems.append(model_failed(exc, texts[0][0], 1, 1, "EF Core entity classes"))
    return [], 0, 0


def _too_deep(parsed: list[tuple[SourceFile, Any]], shown: str, lost: str) -> SourceProblem:
    """Nesting too deep for the reader, said in the file that nests deepest, where it does (`deepest_of`)."""
    where = deepest_of(parsed) or Location(shown)
    return SourceProblem(f"C# nested too deeply to read; {lost}", where, where.path or shown)


def _nothing(shown: str) -> SourceProblem:
    return nothing_found(
        shown, "EF Core model snapshot (a class deriving ModelSnapshot) or DbContext subclass"
    )
