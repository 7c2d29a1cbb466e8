"""`cnsnt init` for Rust projects: Diesel's `schema.rs` and SeaORM's entities.

A Diesel schema is a `.rs` file that calls `table!` and is `diesel print-schema`'s output
(`// @generated automatically by Diesel CLI.`) or is named `schema.rs`: one entry each.
Other `table!` calls (a temporary table's, `information_schema`'s, declared beside the
code that queries them) are not the application's tables. SeaORM's entities
(`DeriveEntityModel`, `DeriveModel`) and the value types their
fields use (`DeriveValueType`, `DeriveActiveEnum`) become one entry under their common
folder (`crates/db/entity/src/*.rs`), so a relation finds the entity it names.

Diesel's migrations (`migrations/<version>_<name>/up.sql`) build the schema `diesel
migration run` then prints to `schema.rs`: where a project has both, the schema is read
and the migrations are left out with a note (reading both would list every table twice).
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.sources.schemas.diesel_schema import calls_table
from cnsnt.starter.python_orm_entries import python_orm_patterns

#: The first line `diesel print-schema` writes.
_GENERATED = "@generated automatically by Diesel CLI"
#: What marks a file of SeaORM entities or of the value types their columns use.
_SEAORM_MARKERS = ("DeriveEntityModel", "DeriveModel", "DeriveValueType", "DeriveActiveEnum")
#: The file names Diesel gives each migration, in a folder named by its version.
DIESEL_MIGRATION_FILES = frozenset({"up.sql", "down.sql"})


def rust_kind(path: Path, head: str) -> str | None:
    """`diesel` for a Diesel schema, `seaorm` for SeaORM entities (or their value types), else None."""
    if path.suffix != ".rs":
        return None
    if calls_table(head) and (_GENERATED in head or path.name == "schema.rs"):
        return "diesel"
    if "sea_orm" in head and any(marker in head for marker in _SEAORM_MARKERS):
        return "seaorm"
    return None


def seaorm_patterns(paths: list[Path], root: Path) -> list[str]:
    """Globs over the common folder of the entity files (one per top folder)."""
    return python_orm_patterns(paths, root)


def diesel_layout(paths: list[Path]) -> bool:
    """Whether a folder of migrations is Diesel's: every file an `up.sql`/`down.sql` in a version folder."""
    return bool(paths) and all(p.name in DIESEL_MIGRATION_FILES for p in paths)


def diesel_migrations_note(homes: list[Path], schemas: list[Path], root: Path) -> str:
    """Which Diesel migrations were left out, and the schema read instead."""
    where = ", ".join(sorted(h.relative_to(root).as_posix() for h in homes))
    read = ", ".join(sorted(p.relative_to(root).as_posix() for p in schemas))
    return (
        f"left out the Diesel migrations in {where}: `diesel migration run` prints the schema they build "
        f"to {read}, which is read instead (reading both would list every table twice; schema.rs is "
        "the state the code is compiled against, with its foreign keys and comments)"
    )
