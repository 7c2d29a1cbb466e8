"""Sequelize or Mongoose models, sequelize-cli or Knex migrations of a Node project, as `cnsnt init` sees it.

A sequelize-cli project keeps its models in `models/` (beside `models/index.js`, which
holds the `define` defaults every model starts from) and its migrations in
`migrations/`; a Knex project its migrations in `migrations/` (or the `directory` its
knexfile names). Each folder is one entry, `<folder>/*.js`. Where the models are read,
the sequelize-cli migrations that build them are left out with a note, as TypeORM's are.
A Mongoose project keeps its schemas and models in `models/` (or `src/models/`): one
entry over them all, since a schema may be used by a model of another file.
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

from cnsnt.sources.schemas.knex_migrations import is_knex_migration
from cnsnt.sources.schemas.mongoose_schemas import uses_mongoose
from cnsnt.sources.schemas.sequelize_migrations import is_sequelize_migration
from cnsnt.sources.schemas.sequelize_models import NOT_MODELS, uses_sequelize
from cnsnt.sources.schemas.sequelize_typescript import maps_sequelize_typescript

#: File suffixes `cnsnt init` looks into for Node models and migrations.
JS_SUFFIXES = (".js", ".cjs", ".mjs", ".ts")
#: What a Mongoose model file (not a connection helper) holds: a schema, a model, a class's paths.
_MONGOOSE_MARKS = ("Schema(", "model(", "model<", "@prop(", "@Prop(")
#: Folders of seed data, whose files look like migrations (sequelize-cli's `seeders/`).
_SEEDS = frozenset({"seeders", "seeds", "seed"})


def js_kind(path: Path, head: str) -> str | None:
    """`sequelize`, `sequelize_migrations`, `knex_migrations`, `mongoose` or None for a JS/TS file.

    A model file defines one (`sequelize.define(`, or `.init(` on a class extending
    `Model`; Mongoose's `Schema(` or `model(`, Typegoose's `@prop(`, NestJS's `@Prop(`); a
    migration exports `up` and uses `queryInterface` or `knex`.
    """
    name = path.name.lower()
    if not name.endswith(JS_SUFFIXES) or name.endswith(NOT_MODELS):
        return None
    if path.parent.name.lower() in _SEEDS:
        return None  # sequelize-cli's seeders export `up` too: rows, not tables
    if is_sequelize_migration(head):
        return "sequelize_migrations"
    if is_knex_migration(head):
        return "knex_migrations"
    if uses_sequelize(head) and (".define(" in head or (".init(" in head and "extends Model" in head)):
        return "sequelize"
    if maps_sequelize_typescript(head) and ("@Table" in head or "@Column" in head):
        return "sequelize"  # a model, or a parent class holding columns (`base/ParanoidModel.ts`)
    if uses_mongoose(head) and any(mark in head for mark in _MONGOOSE_MARKS):
        return "mongoose"
    return None


def model_patterns(paths: list[Path], root: Path) -> list[str]:
    """Globs that read every model file in one entry: models name models and parents in other files.

    `server/models/User.ts` and `server/models/base/IdModel.ts` are `server/models/**/*.ts`;
    when the common folder is the project itself, each top folder gets its own glob (a
    `**` from the root would walk `node_modules`).
    """
    common = Path(os.path.commonpath([str(p.parent) for p in paths])) if paths else root
    groups: dict[Path, list[Path]] = defaultdict(list)
    if common == root:
        for path in paths:
            parts = path.relative_to(root).parts
            groups[root / parts[0] if len(parts) > 1 else root].append(path)
    else:
        groups[common] = list(paths)
    out: set[str] = set()
    for home, group in groups.items():
        rel = home.relative_to(root).as_posix()
        prefix = "" if home == root else f"{rel}/"
        nested = any(p.parent != home for p in group)
        for suffix in {p.suffix for p in group}:
            out.add(f"{prefix}{'**/' if nested else ''}*{suffix}")
    return sorted(out)


def mongoose_note(patterns: list[str]) -> str:
    """How the reader names the models' collections and paths (it decides the same way)."""
    return (
        f"Mongoose models in {', '.join(patterns)}: collections named as Mongoose names them (the model "
        "name lower-cased and pluralised, User -> users, unless `collection`), with _id, and nested "
        "paths named with dots (address.city)"
    )


def folder_patterns(paths: list[Path], root: Path) -> list[str]:
    """One `<folder>/*<suffix>` glob per folder and suffix of the files (`db/migrations/*.js`)."""
    return sorted({f"{p.parent.relative_to(root).as_posix()}/*{p.suffix}" for p in paths})


def sequelize_note(patterns: list[str]) -> str:
    """How the reader names the models' tables (it decides the same way)."""
    return (
        f"Sequelize models in {', '.join(patterns)}: tables named as Sequelize names them (the model's "
        "plural, User -> Users, unless tableName or freezeTableName), with its id and createdAt/updatedAt"
    )
