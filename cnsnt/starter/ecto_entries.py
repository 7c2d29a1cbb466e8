"""The Ecto migrations and schemas of an Elixir (Phoenix) project: the entries `cnsnt init` proposes.

A migrations folder (`priv/repo/migrations`, one per repo) holds `.exs` files that
use `Ecto.Migration`: one `format: ecto_migrations` entry each. The migrations are
preferred to the schemas (`lib/**/*.ex` modules with `schema "table" do`): they are what
built the database, with the columns no schema maps; the schemas are proposed only
when a project has no migrations. When the folder beside them holds `structure.sql`
(`mix ecto.dump`), that dump states the schema the migrations build and is read as SQL
instead. Mix's `deps/` and `_build/` hold other projects' code: passed over.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from cnsnt.sources.schemas.ecto_migrations import is_ecto_migration

#: Folders of Mix's fetched dependencies and build output.
_NOT_OURS = frozenset({"deps", "_build"})


def ecto_entries(
    files: list[Path], root: Path, sniff: Callable[[Path], str]
) -> tuple[list[tuple[str, str, str | None]], list[str], set[Path]]:
    """The (pattern, format, dialect) entries of a project's Ecto code, notes, and the files they hold.

    `sniff`: the start of a file (only `.ex` and `.exs` files are sniffed).
    """
    homes: dict[Path, list[Path]] = defaultdict(list)
    schemas: list[Path] = []
    for path in files:
        folders = set(path.relative_to(root).parts[:-1])
        if path.suffix not in (".ex", ".exs") or _NOT_OURS & folders:
            continue
        head = sniff(path)
        if path.suffix == ".exs" and path.parent.name == "migrations" and is_ecto_migration(head):
            homes[path.parent].append(path)
        elif path.suffix == ".ex" and ("use Ecto.Schema" in head or 'schema "' in head):
            schemas.append(path)
    entries: list[tuple[str, str, str | None]] = []
    notes: list[str] = []
    dialect = _dialect(root)
    for home, paths in sorted(homes.items()):
        rel = home.relative_to(root).as_posix()
        dump = home.parent / "structure.sql"
        if dump.is_file():
            notes.append(
                f"left out {len(paths)} Ecto migration{'s' if len(paths) != 1 else ''} in {rel}: "
                f"{dump.relative_to(root).as_posix()} (mix ecto.dump) states the schema they build"
            )
            continue
        entries.append((f"{rel}/*.exs", "ecto_migrations", dialect))
    held = {p for paths in homes.values() for p in paths}
    if schemas and homes:
        where = ", ".join(sorted({p.relative_to(root).parts[0] for p in schemas}))
        notes.append(
            f"left out {len(schemas)} Ecto schema file{'s' if len(schemas) != 1 else ''} in {where}: the "
            "migrations (or their structure.sql) build their tables, with the columns no schema maps"
        )
        return entries, notes, held | set(schemas)
    if schemas:
        common = Path(os.path.commonpath([str(p.parent) for p in schemas]))
        rel = common.relative_to(root).as_posix()
        nested = any(p.parent != common for p in schemas)
        pattern = f"{'' if rel == '.' else rel + '/'}{'**/' if nested else ''}*.ex"
        entries.append((pattern, "ecto", dialect))
    return entries, notes, held | set(schemas)


def _dialect(root: Path) -> str | None:
    """`mysql` when the project's `mix.exs` depends on MyXQL and not on Postgrex; else None (PostgreSQL)."""
    try:
        mix = (root / "mix.exs").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return "mysql" if ":myxql" in mix and ":postgrex" not in mix else None
