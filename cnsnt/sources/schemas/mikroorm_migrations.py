"""Schema evidence from MikroORM migrations (`src/migrations/Migration20240101000000.ts`), replayed.

MikroORM's generated migrations are SQL in TypeScript: a class extending `Migration`
(from `@mikro-orm/migrations`) whose `up()` calls `this.addSql('create table ...')`.
They are read as TypeORM's are (`typeorm_migrations`, one shared reader): the literal
SQL of each `addSql(...)` / `execute(...)` call in `up`, in order, handed to the shared
SQL replay. MikroORM runs migrations in the order of their names, which start (or end,
after `Migration`) with a 14-digit timestamp: that timestamp, from the file name or
else the class name, orders them; SQL built at run time (`this.addSql(helper(...))`)
and knex's schema builder (`createTable`) are CN001 warnings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cnsnt.evidence import Evidence
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.migration_order import natural_key
from cnsnt.sources.schemas.typeorm_migrations import Flavour, read_ts_migrations

#: How many digits MikroORM's migration timestamp has (`YYYYMMDDhhmmss`).
_STAMP = 14
#: knex schema-builder calls a migration may make instead of SQL.
_KNEX = frozenset(
    {"createTable", "createTableIfNotExists", "alterTable", "dropTable", "dropTableIfExists", "renameTable"}
)


def is_mikroorm_migration(text: str) -> bool:
    """Whether a TypeScript file holds a MikroORM migration (a quick look before parsing it)."""
    return "@mikro-orm/migrations" in text and "extends Migration" in text


def _stamp(name: str) -> int | None:
    """The first run of at least 14 digits in a name (`Migration20240101000000`), as a number."""
    run = ""
    for c in f"{name} ":
        if c.isascii() and c.isdigit():
            run += c
            continue
        if len(run) >= _STAMP:
            return int(run[:_STAMP])
        run = ""
    return None


def _order(class_name: str, file_name: str) -> tuple[Any, ...]:
    """MikroORM's order: the timestamp in the file name, else in the class name; else the file name."""
    stamp = _stamp(Path(file_name).stem)
    if stamp is None:
        stamp = _stamp(class_name)
    if stamp is not None:
        return (0, stamp, natural_key(file_name))
    return (1, 0, natural_key(file_name))


MIKROORM = Flavour(
    "MikroORM", "this", frozenset({"addSql", "execute"}), _KNEX, "knex's schema builder is not read", _order
)


def read_mikroorm_migrations(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables a folder of MikroORM migrations leaves behind, migrations replayed in timestamp order."""
    return read_ts_migrations(paths, spec, ctx, MIKROORM)
