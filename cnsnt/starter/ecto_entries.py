"""The Ecto migrations and schemas of an Elixir (Phoenix) project: the entries `cnsnt init` proposes.

A migrations folder (`priv/repo/migrations`, one per repo) holds `.exs` files that
use `Ecto.Migration`: one `format: ecto_migrations` entry each. The migrations are
preferred to the schemas (`lib/**/*.ex` modules with `schema "table" do`): they are what
built the database, with the columns no schema maps; the schemas are proposed only
when a project has no migrations. When the folder beside them holds `structure.sql`
(`mix ecto.dump`), that dump states the schema the migrations build and is read as SQL
instead. Mix's `deps/` and `_build/` hold other projects' code: passed over.

An entry gets the SQL dialect of its repo's adapter, which decides the column types
(MyXQL's are not PostgreSQL's) and how `execute "SQL"` is read: `use Ecto.Repo, adapter:
Ecto.Adapters.MyXQL` in the repo module (Ecto 3), else `config :app, App.Repo, adapter:
...` in `config/*.exs` (Ecto 2), read with tree-sitter's Elixir grammar. A migrations
folder `priv/<name>/migrations` is the repo whose module ends in that name
(`App.ArchiveRepo` -> `priv/archive_repo`); with no adapter found, `mysql` when `mix.exs`
depends on MyXQL and not on Postgrex.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.sources.schemas.ecto_migrations import is_ecto_migration
from cnsnt.sources.schemas.elixir_syntax import call_of, modules, walk
from cnsnt.sources.schemas.grammars import SourceFile, parse_bounded, parser

#: Folders of Mix's fetched dependencies and build output.
_NOT_OURS = frozenset({"deps", "_build"})
#: Ecto adapters -> the SQL dialect of their database (PostgreSQL, the readers' default, is None).
_ADAPTERS: dict[str, str | None] = {
    "Ecto.Adapters.Postgres": None,
    "Ecto.Adapters.MyXQL": "mysql",
    "Ecto.Adapters.MySQL": "mysql",
    "Ecto.Adapters.SQLite3": "sqlite",
    "Ecto.Adapters.Tds": "tsql",
}


def ecto_entries(
    files: list[Path], root: Path, sniff: Callable[[Path], str]
) -> tuple[list[tuple[str, str, str | None]], list[str], set[Path]]:
    """The (pattern, format, dialect) entries of a project's Ecto code, notes, and the files they hold.

    `sniff`: the start of a file (only `.ex` and `.exs` files are sniffed).
    """
    homes: dict[Path, list[Path]] = defaultdict(list)
    schemas: list[Path] = []
    configured: list[tuple[Path, str]] = []
    for path in files:
        folders = set(path.relative_to(root).parts[:-1])
        if path.suffix not in (".ex", ".exs") or _NOT_OURS & folders:
            continue
        head = sniff(path)
        if "Ecto.Adapters." in head:
            configured.append((path, head))
        if path.suffix == ".exs" and path.parent.name == "migrations" and is_ecto_migration(head):
            homes[path.parent].append(path)
        elif path.suffix == ".ex" and ("use Ecto.Schema" in head or 'schema "' in head):
            schemas.append(path)
    entries: list[tuple[str, str, str | None]] = []
    notes: list[str] = []
    adapters = _repo_adapters(configured, root)
    fallback = _dialect(root)
    for home, paths in sorted(homes.items()):
        rel = home.relative_to(root).as_posix()
        dump = home.parent / "structure.sql"
        if dump.is_file():
            notes.append(
                f"left out {len(paths)} Ecto migration{'s' if len(paths) != 1 else ''} in {rel}: "
                f"{dump.relative_to(root).as_posix()} (mix ecto.dump) states the schema they build"
            )
            continue
        entries.append((f"{rel}/*.exs", "ecto_migrations", _home_dialect(home, root, adapters, fallback)))
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
        known = set(adapters.values())
        entries.append((pattern, "ecto", known.pop() if len(known) == 1 else fallback))
    return entries, notes, held | set(schemas)


def _dialect(root: Path) -> str | None:
    """`mysql` when the project's `mix.exs` depends on MyXQL and not on Postgrex; else None (PostgreSQL)."""
    try:
        mix = (root / "mix.exs").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return "mysql" if ":myxql" in mix and ":postgrex" not in mix else None


def _home_dialect(
    home: Path, root: Path, adapters: dict[tuple[str, str], str | None], fallback: str | None
) -> str | None:
    """The dialect of the repo a migrations folder (`priv/<name>/migrations`) belongs to.

    The repo of that name in the same Mix app (an umbrella's `apps/shop`), else the one
    repo of that name anywhere.
    """
    app = "/".join(home.relative_to(root).parts[:-3])
    if (app, home.parent.name) in adapters:
        return adapters[(app, home.parent.name)]
    named = {dialect for (_, repo), dialect in adapters.items() if repo == home.parent.name}
    if len(named) == 1:
        return named.pop()
    known = set(adapters.values())
    return known.pop() if len(known) == 1 else fallback


def _repo_adapters(files: list[tuple[Path, str]], root: Path) -> dict[tuple[str, str], str | None]:
    """Each repo's dialect by its Mix app and `priv` folder name (`App.Repo` -> `repo`), from its adapter.

    The app is the folder holding the `lib/` or `config/` the file is in (`apps/shop`, `` at
    the root).
    `use Ecto.Repo, adapter: ...` (Ecto 3) wins over `config :app, App.Repo, adapter: ...`
    (Ecto 2). An adapter cnsnt does not know names no dialect. Nothing when the Elixir
    grammar is not installed.
    """
    used: dict[tuple[str, str], str] = {}
    configured: dict[tuple[str, str], str] = {}
    try:
        elixir = parser("elixir", "Ecto repo settings")
    except SourceError:
        return {}
    for path, head in sorted(files):
        shown = path.relative_to(root).as_posix()
        source = head.encode("utf-8")
        try:
            tree = parse_bounded(elixir, source, shown)
        except SourceError:
            continue
        file = SourceFile(source, shown)
        parts = path.relative_to(root).parts
        app = "/".join(parts[: next((i for i, p in enumerate(parts[:-1]) if p in ("lib", "config")), 0)])
        for module in modules(tree.root_node, file):
            for stmt in module.body:
                call = call_of(stmt, file)
                if (
                    call is not None
                    and call.name == "use"
                    and call.args
                    and file.text(call.args[0]) == "Ecto.Repo"
                ):
                    adapter = call.options.get("adapter")
                    if adapter is not None:
                        used.setdefault((app, module.name), file.text(adapter))
        for node in walk(tree.root_node):
            call = call_of(node, file)
            if call is None or call.name != "config" or len(call.args) < 2 or "adapter" not in call.options:
                continue
            if call.args[1].type == "alias":
                configured.setdefault((app, file.text(call.args[1])), file.text(call.options["adapter"]))
    out: dict[tuple[str, str], str | None] = {}
    for (app, repo), adapter in {**configured, **used}.items():
        if adapter in _ADAPTERS:
            out[(app, _underscore(repo.rsplit(".", 1)[-1]))] = _ADAPTERS[adapter]
    return out


def _underscore(name: str) -> str:
    """`ArchiveRepo` -> `archive_repo`, as Elixir's `Macro.underscore` names a repo's `priv` folder."""
    out: list[str] = []
    for i, char in enumerate(name):
        if (
            char.isupper()
            and i
            and (
                name[i - 1].islower()
                or name[i - 1].isdigit()
                or (i + 1 < len(name) and name[i + 1].islower() and name[i - 1].isupper())
            )
        ):
            out.append("_")
        out.append(char.lower())
    return "".join(out)
