"""Schema evidence from .NET Entity Framework Core projects, parsed with tree-sitter's C# grammar.

The C# is parsed, never compiled or run (`tree-sitter-c-sharp`, kept by the tree-sitter
project, prebuilt wheels): exact places, and the rest of a damaged file is still read.

An entry's model snapshots (`Migrations/<Context>ModelSnapshot.cs`) are EF's own
statement of the whole current schema, and are what is read (`efcore_snapshot`); the
other `.cs` files of the entry (migrations, their `.Designer.cs`, entity classes) are
the same model again or its history and are passed over. Each snapshot is one model:
relationships resolve within it.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import Evidence, SourceProblem
from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import ModelTable, model_evidence, model_failed, nothing_found
from cnsnt.sources.schemas.csharp import csharp_parser, csharp_syntax
from cnsnt.sources.schemas.efcore_model import Mapper
from cnsnt.sources.schemas.efcore_snapshot import is_snapshot, snapshot_models
from cnsnt.sources.schemas.grammars import parsed_files


def read_efcore(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables of an entry's EF Core model snapshots (every `.cs` file of it is looked at)."""
    problems: list[SourceProblem] = []
    tables: list[ModelTable] = []
    files = 0
    found = 0
    for shown, file, tree in parsed_files(
        paths, ctx, problems, csharp_parser, csharp_syntax, wanted=is_snapshot
    ):
        files += 1
        try:
            models = snapshot_models(tree.root_node, file)
            found += len(models)
            for entities in models:
                tables.extend(Mapper(entities).tables())
        except RecursionError:  # nesting thousands deep: a hostile file, not a snapshot
            problems.append(
                SourceProblem(
                    "C# nested too deeply to read; no table of this file was read",
                    Location(shown, 1, 1),
                    shown,
                )
            )
        except Exception as exc:  # noqa: BLE001 - a bug of ours costs this file only
            problems.append(model_failed(exc, shown, 1, 1, "an EF Core model snapshot"))
    if not found and not any(p.severity is None for p in problems):
        shown = ctx.shown(paths[0]) if paths else spec.pattern
        problems.append(_no_snapshot(shown))
    return model_evidence(tables, problems, files)


def _no_snapshot(shown: str) -> SourceProblem:
    return nothing_found(shown, "EF Core model snapshot (a class deriving ModelSnapshot)")
