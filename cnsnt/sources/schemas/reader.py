r"""The reader registered for `sources.schemas`: which reader gets which files of an entry.

`format:` on the entry names the kind (`ddl`, `migrations`, `django`, `sqlalchemy`,
`rails`, `prisma`, `rails_migrations`, `alembic`, `django_migrations`, `laravel`, `jpa`,
`doctrine`, `xmldb`, `liquibase`, `efcore`, `typeorm`, `typeorm_migrations`, `mikroorm`,
`mikroorm_migrations`, `sequelize`, `sequelize_migrations`, `knex_migrations`, `gorm`, `xorm`,
`bun`, `ent`, `beego`, `drizzle`, `codeigniter`, `sqlmodel`, `peewee`, `tortoise`, `ecto`,
`ecto_migrations`, `yii`, `phinx`, `mongoose`, `diesel`, `seaorm`, `exposed`); without it the
kind is told from each file's name and content:

- `.ts`, `.js` (and `.mts`, `.mjs`, ...) files that import `drizzle-orm/pg-core`,
  `drizzle-orm/mysql-core` or `drizzle-orm/sqlite-core` are Drizzle schemas, and so is
  a barrel that re-exports them (`export * from "./users"`); a `.ts` file beside them
  that names no other ORM goes with them;

- `.java` files are JPA entities (the reader passes over those without a mapping);
- `.kt` files are JetBrains Exposed tables when they import `org.jetbrains.exposed`, else
  JPA entities, read with the entry's Java entities (the reader passes over those without a
  mapping);
- `.cs` files are Entity Framework Core sources (the reader reads their model snapshots
  and passes over the rest);
- `.ts` files are TypeORM migrations when they implement `MigrationInterface`, MikroORM
  migrations when they extend `Migration` from `@mikro-orm/migrations`, MikroORM entities
  when they import `@mikro-orm/...` and use its decorators, else TypeORM entities (the
  reader passes over those without a decorator; in an entry that holds MikroORM
  entities, a `.ts` file that does not name `typeorm` goes with them);
- `.js`, `.cjs`, `.mjs` files (and `.ts` files that name no TypeORM or MikroORM) are Knex
  migrations when their `up` uses `knex.schema`, sequelize-cli migrations when it uses
  `queryInterface`, Sequelize models when they import or require `sequelize` (or are
  sequelize-cli's `(sequelize, DataTypes) =>` module), Mongoose schemas and models when they
  import or require `mongoose`, Typegoose or `@nestjs/mongoose` (other `.js` files beside
  those go with them: an `index.js` that gathers the models, a plugin); other `.js` files
  are reported;
- `.rs` files are Diesel schemas when they call `table!` (`schema.rs`), else SeaORM
  entities (the reader passes over files that do not mention `sea_orm`); an entry that
  holds a Diesel schema and SQL migrations is read from the schema, with a warning
  naming the migrations left out;
- `.go` files are xorm models when they import xorm or tag a field `xorm:"..."` (and
  GORM's do not), bun models when they import bun and tag a field for it or embed
  `bun.BaseModel`, ent schemas when they import ent and embed `ent.Schema` (or a
  mixin's `mixin.Schema`), Beego ORM models when they import Beego's `orm` package (or
  tag fields with Beego's `size(...)`, `column(...)`, `rel(...)`), else GORM models (the
  reader passes over those that mention neither GORM nor `TableName` nor `AutoMigrate`,
  and `*_test.go` files); a Go file that names no ORM
  goes with the other ORM's files of its entry when the entry holds no GORM file;
- `.xml` files whose head holds `<databaseChangeLog` are Liquibase XML changelogs, and
  `.yaml`, `.yml`, `.json` files whose top mapping has `databaseChangeLog` its YAML
  and JSON ones;
- `.prisma` files are Prisma schemas; `.php` files are Yii 2 migrations when they use
  `yii\db\Migration`, Phinx (or CakePHP) migrations when they extend its
  `AbstractMigration`, Laravel migrations when they use
  `Illuminate\Database\Migrations`, CodeIgniter migrations when they extend
  `CI_Migration` or CodeIgniter 4's `Migration`, name a `Migration_` class or use the
  Database Forge (`$this->dbforge`, `$this->forge`), else Doctrine entities (and so are `*.orm.yml`,
  `*.orm.xml`); `.rb` files are Rails migrations when they
  subclass `ActiveRecord::Migration`, else `db/schema.rb` dumps;
- `.xml` files whose root is `<XMLDB` are Moodle XMLDB schemas (`db/install.xml`);
- `.exs` files that use `Ecto.Migration` are Ecto migrations, other `.ex` and `.exs`
  files Ecto schemas (the reader passes over modules without `schema`); an entry that
  holds both is read from the migrations, with a warning naming the schemas left out;
- `.py` files are Alembic revisions when they set `down_revision`, Django migrations
  when they define `class Migration(...)` and mention django, Django models when they
  import `django`, SQLModel models when they name `sqlmodel`, Tortoise ORM models when
  they name `tortoise`, Peewee models when they name `peewee` (or `playhouse`),
  SQLAlchemy models when they import `sqlalchemy`;
- `.sql` files are migrations when the entry matches several of them and every name
  carries a migration tool's version (`V2__x.sql`, `0002_x.sql`, `2024..._x.up.sql`,
  Prisma Migrate's `2024..._x/migration.sql`),
  or when one is Liquibase formatted SQL; otherwise each is a DDL file of its own.

A migrations entry is one script and ORM models may inherit across files, so those
readers get all their files at once; DDL files are read one by one, as before. An
entry that holds both models and the migrations that build them (`**/*.py` over a
Django project) is read from the models, with a warning naming the migrations left out:
reading both would report every column twice. A package's `__init__.py` beside
migrations goes with them (their readers pass it over).
"""

from __future__ import annotations

import ast
from pathlib import Path

from cnsnt.evidence import Evidence, SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.alembic_migrations import read_alembic
from cnsnt.sources.schemas.beego_models import read_beego
from cnsnt.sources.schemas.bun_models import read_bun
from cnsnt.sources.schemas.codeigniter_migrations import is_codeigniter_migration, read_codeigniter_migrations
from cnsnt.sources.schemas.common import EntryReader, python_files
from cnsnt.sources.schemas.ddl import read_ddl
from cnsnt.sources.schemas.diesel_schema import calls_table, read_diesel
from cnsnt.sources.schemas.django_migrations import read_django_migrations
from cnsnt.sources.schemas.django_models import read_django
from cnsnt.sources.schemas.doctrine_entities import read_doctrine
from cnsnt.sources.schemas.drizzle_files import SUFFIXES as SCRIPT_SUFFIXES
from cnsnt.sources.schemas.drizzle_files import imports_drizzle_core, reexports_drizzle
from cnsnt.sources.schemas.drizzle_schema import read_drizzle
from cnsnt.sources.schemas.ecto_migrations import is_ecto_migration, read_ecto_migrations
from cnsnt.sources.schemas.ecto_schemas import ECTO_LEFT_OUT, read_ecto
from cnsnt.sources.schemas.efcore import read_efcore
from cnsnt.sources.schemas.ent_schema import read_ent
from cnsnt.sources.schemas.exposed_tables import read_exposed, uses_exposed
from cnsnt.sources.schemas.go_kinds import GO_KINDS, go_kind
from cnsnt.sources.schemas.gorm_models import read_gorm
from cnsnt.sources.schemas.jpa_entities import read_jpa
from cnsnt.sources.schemas.knex_migrations import is_knex_migration, read_knex_migrations
from cnsnt.sources.schemas.kotlin_syntax import KOTLIN_SUFFIXES
from cnsnt.sources.schemas.laravel_migrations import is_laravel_migration, read_laravel_migrations
from cnsnt.sources.schemas.liquibase_syntax import CHANGELOG_SUFFIXES, is_changelog
from cnsnt.sources.schemas.liquibase_xml import read_liquibase_xml
from cnsnt.sources.schemas.migration_order import is_liquibase, looks_versioned, versioned_name
from cnsnt.sources.schemas.migrations import read_migrations
from cnsnt.sources.schemas.mikroorm_entities import maps_mikroorm, read_mikroorm
from cnsnt.sources.schemas.mikroorm_migrations import is_mikroorm_migration, read_mikroorm_migrations
from cnsnt.sources.schemas.mongoose_schemas import read_mongoose, uses_mongoose
from cnsnt.sources.schemas.moodle_xmldb import is_xmldb, read_xmldb
from cnsnt.sources.schemas.peewee_models import read_peewee
from cnsnt.sources.schemas.phinx_migrations import is_phinx_migration, read_phinx_migrations
from cnsnt.sources.schemas.prisma_schema import read_prisma
from cnsnt.sources.schemas.rails_migrations import read_rails_migrations
from cnsnt.sources.schemas.rails_schema import read_rails
from cnsnt.sources.schemas.seaorm_entities import read_seaorm
from cnsnt.sources.schemas.sequelize_migrations import is_sequelize_migration, read_sequelize_migrations
from cnsnt.sources.schemas.sequelize_models import read_sequelize, uses_sequelize
from cnsnt.sources.schemas.sqlalchemy_models import read_sqlalchemy
from cnsnt.sources.schemas.sqlmodel_models import read_sqlmodel
from cnsnt.sources.schemas.tortoise_models import read_tortoise
from cnsnt.sources.schemas.typeorm_entities import read_typeorm
from cnsnt.sources.schemas.typeorm_migrations import is_typeorm_migration, read_typeorm_migrations
from cnsnt.sources.schemas.xorm_models import read_xorm
from cnsnt.sources.schemas.yii_migrations import is_yii_migration, read_yii_migrations

#: `format:` values of a `schemas` entry (the policy schema lists the same).
FORMATS = (
    "ddl", "migrations", "django", "sqlalchemy", "rails", "prisma",
    "rails_migrations", "alembic", "django_migrations", "laravel", "jpa", "doctrine",
    "xmldb",
    "liquibase",
    "efcore",
    "typeorm",
    "typeorm_migrations",
    "mikroorm",
    "mikroorm_migrations",
    "sequelize",
    "sequelize_migrations",
    "knex_migrations",
    "gorm",
    "xorm",
    "bun",
    "ent",
    "beego",
    "drizzle",
    "codeigniter",
    "sqlmodel",
    "peewee",
    "tortoise",
    "ecto",
    "ecto_migrations",
    "yii",
    "phinx",
    "mongoose",
    "diesel",
    "seaorm",
    "exposed",
)
#: File suffixes of JavaScript modules.
JS_SUFFIXES = (".js", ".cjs", ".mjs")

_GROUP_READERS: dict[str, EntryReader] = {
    "migrations": read_migrations,
    "django": read_django,
    "sqlalchemy": read_sqlalchemy,
    "rails": read_rails,
    "prisma": read_prisma,
    "rails_migrations": read_rails_migrations,
    "alembic": read_alembic,
    "django_migrations": read_django_migrations,
    "laravel": read_laravel_migrations,
    "codeigniter": read_codeigniter_migrations,
    "yii": read_yii_migrations,
    "phinx": read_phinx_migrations,
    "jpa": read_jpa,
    "doctrine": read_doctrine,
    "xmldb": read_xmldb,
    "liquibase": read_liquibase_xml,
    "efcore": read_efcore,
    "typeorm": read_typeorm,
    "typeorm_migrations": read_typeorm_migrations,
    "mikroorm": read_mikroorm,
    "mikroorm_migrations": read_mikroorm_migrations,
    "sequelize": read_sequelize,
    "sequelize_migrations": read_sequelize_migrations,
    "knex_migrations": read_knex_migrations,
    "gorm": read_gorm,
    "xorm": read_xorm,
    "bun": read_bun,
    "ent": read_ent,
    "beego": read_beego,
    "drizzle": read_drizzle,
    "sqlmodel": read_sqlmodel,
    "peewee": read_peewee,
    "tortoise": read_tortoise,
    "ecto": read_ecto,
    "ecto_migrations": read_ecto_migrations,
    "mongoose": read_mongoose,
    "diesel": read_diesel,
    "seaorm": read_seaorm,
    "exposed": read_exposed,
}
#: Migrations kinds -> the models (or schema dump) kind preferred when an entry holds both.
_BUILT_BY = {
    "rails_migrations": "rails",
    "alembic": "sqlalchemy",
    "django_migrations": "django",
    "typeorm_migrations": "typeorm",
    "mikroorm_migrations": "mikroorm",
    "sequelize_migrations": "sequelize",
}
#: What those models are called in the warning.
_MODELS = {
    "rails": "db/schema.rb",
    "sqlalchemy": "SQLAlchemy models",
    "django": "Django models",
    "typeorm": "TypeORM entities",
    "mikroorm": "MikroORM entities",
    "sequelize": "Sequelize models",
    "sqlmodel": "SQLModel models",
}


def read_ddl_files(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """One DDL file (the plan gives DDL files one at a time, so messages stay per file)."""
    evidence = Evidence()
    for path in paths:
        evidence.merge(read_ddl(path, spec, ctx))
    return evidence


def read_schema(path: Path, spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """One schema file alone, with the reader its format or kind calls for."""
    evidence = Evidence()
    for reader, group in plan_schemas([path], spec):
        evidence.merge(reader(group, spec, ctx))
    return evidence


def stored_code_files(files: list[tuple[Path, SourceSpec]]) -> list[tuple[Path, SourceSpec]]:
    """The SQL files of schema entries, which may hold stored code besides their tables."""
    return [
        (path, spec)
        for path, spec in files
        if (spec.format or "").lower() in ("", "ddl", "migrations") and detect(path) == "ddl"
    ]


def plan_schemas(paths: list[Path], spec: SourceSpec) -> list[tuple[EntryReader, list[Path]]]:
    """The readers for one entry's files, each with the files it reads, in a fixed order."""
    fmt = (spec.format or "").lower()
    if fmt == "ddl":
        return [(read_ddl_files, [p]) for p in paths]
    if fmt in _GROUP_READERS:
        return [(_GROUP_READERS[fmt], list(paths))] if paths else []
    kinds: dict[str, list[Path]] = {}
    for path in paths:
        kinds.setdefault(detect(path), []).append(path)
    if "drizzle" in kinds:  # `src/db/*.js`: the client and helpers beside a JavaScript schema go with it
        scripts = [p for p in kinds.get("ddl", []) if p.suffix.lower() in SCRIPT_SUFFIXES]
        kinds["drizzle"].extend([*scripts, *kinds.pop("javascript", [])])
        kinds["ddl"] = [p for p in kinds.get("ddl", []) if p not in scripts]
    if "mongoose" in kinds:  # `models/*.js`: an index that gathers the models, a plugin
        kinds["mongoose"].extend(kinds.pop("javascript", []))
    sql = kinds.pop("ddl", [])
    plan: list[tuple[EntryReader, list[Path]]] = []
    if _is_migrations(sql) and "diesel" in kinds:  # `diesel migration run` writes schema.rs from them
        what = "migration file(s) in this entry beside the Diesel schema.rs they build: "
        plan.append((_left_out(what + "the schema.rs is read, the migrations are not"), sql))
    elif _is_migrations(sql):
        plan.append((read_migrations, sql))
    else:
        plan.extend((read_ddl_files, [p]) for p in sql)
    _package_markers(kinds)
    _mikroorm_neighbours(kinds)
    _go_neighbours(kinds)
    model_kinds = (
        "django", "sqlalchemy", "rails", "prisma", "jpa", "efcore", "typeorm", "mikroorm", "sequelize",
        "gorm", *GO_KINDS[1:], "drizzle",
        "sqlmodel", "peewee", "tortoise", "mongoose", "diesel", "seaorm",
        "exposed",
    )  # fmt: skip
    others = (
        "knex_migrations", "laravel", "codeigniter", "yii", "phinx", "doctrine", "xmldb", "liquibase",
        "python", "javascript",
    )  # fmt: skip
    for kind in (*model_kinds, *_BUILT_BY, *others, "ecto_migrations", "ecto"):
        if kind not in kinds:
            continue
        if kind == "ecto" and "ecto_migrations" in kinds:  # Ecto's migrations are preferred to its schemas
            plan.append((_left_out(ECTO_LEFT_OUT), kinds[kind]))
            continue
        models = "sqlmodel" if kind == "alembic" and "sqlmodel" in kinds else _BUILT_BY.get(kind)
        if models in kinds:
            name = _MODELS[models]
            what = f"migration file(s) in this entry beside the {name} they build: the {name} are read, "
            plan.append((_left_out(what + "the migrations are not"), kinds[kind]))
            continue
        fallback = _unknown_javascript if kind == "javascript" else _unknown_python
        plan.append((_GROUP_READERS.get(kind, fallback), kinds[kind]))
    return plan


def _package_markers(kinds: dict[str, list[Path]]) -> None:
    """`__init__.py` files in a folder of migrations go with those migrations, not to "python"."""
    homes = {p.parent: kind for kind in _BUILT_BY for p in kinds.get(kind, [])}
    folders = {"migrations": "django_migrations", "versions": "alembic"}  # an app without migrations yet
    python = kinds.get("python", [])
    for path in list(python):
        kind = homes.get(path.parent) or folders.get(path.parent.name)
        kind = kind if kind in kinds else None
        if path.name == "__init__.py" and kind is not None:
            python.remove(path)
            kinds[kind].append(path)
    if "python" in kinds and not python:
        del kinds["python"]


def _mikroorm_neighbours(kinds: dict[str, list[Path]]) -> None:
    """`.ts` files beside MikroORM entities (or migrations, or Drizzle schemas) that name no ORM go with them.

    `src/**/*.ts` over a MikroORM or Drizzle project matches services and helpers too:
    read as TypeORM's, they would give a "no @Entity class" warning of their own.
    """
    home = next((k for k in ("mikroorm", "mikroorm_migrations", "drizzle") if k in kinds), None)
    if home is None or "typeorm" not in kinds:
        return
    plain = [p for p in kinds["typeorm"] if "typeorm" not in _head(p, 200_000)]
    kinds[home].extend(plain)
    kinds["typeorm"] = [p for p in kinds["typeorm"] if p not in plain]
    if not kinds["typeorm"]:
        del kinds["typeorm"]


def _go_neighbours(kinds: dict[str, list[Path]]) -> None:
    """Go files that name no ORM (told `gorm`) go with the xorm, bun or ent files of an entry without GORM.

    `server/**/*.go` over a Woodpecker holds the models, and the file whose `Sync` call
    registers them too; read as GORM's, they would give a "no GORM model" warning of their own.
    """
    home = next((k for k in GO_KINDS[1:] if k in kinds), None)
    if home is None or "gorm" not in kinds:
        return
    if any(go_kind(_head(p, 200_000)) == "gorm" for p in kinds["gorm"]):
        return
    kinds[home].extend(kinds.pop("gorm"))


def _left_out(what: str) -> EntryReader:
    """The reader of files an entry holds beside others read instead: a warning (`what` after their count)."""

    def read(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
        shown = ctx.shown(paths[0])
        return Evidence(
            problems=[
                SourceProblem(
                    f"{len(paths)} {what} (give them an entry of their own to read them instead)",
                    Location(shown, 1, 1),
                    shown,
                    severity=Severity.WARNING,
                )
            ],
            audited={"schemas"},
        )

    return read


def detect(path: Path) -> str:
    """The kind of one schema file from its name and, for Python, its imports."""
    suffix = path.suffix.lower()
    if suffix == ".prisma":
        return "prisma"
    if suffix == ".java":
        return "jpa"
    if suffix in KOTLIN_SUFFIXES:
        return "exposed" if uses_exposed(_head(path, 200_000)) else "jpa"
    if suffix == ".cs":
        return "efcore"
    if suffix == ".go":
        return go_kind(_head(path, 200_000)) or "gorm"
    if suffix == ".rs":
        return "diesel" if calls_table(_head(path, 200_000)) else "seaorm"
    if suffix == ".ts":
        head = _head(path, 200_000)
        return "drizzle" if reexports_drizzle(path, head) else _typescript_kind(head)
    if suffix in JS_SUFFIXES:
        head = _head(path, 200_000)
        if imports_drizzle_core(head) or reexports_drizzle(path, head):
            return "drizzle"
        return _javascript_kind(head) or "javascript"
    if suffix == ".php":
        head = _head(path, 200_000)
        if is_yii_migration(head):
            return "yii"
        if is_phinx_migration(head):
            return "phinx"
        if is_laravel_migration(head):
            return "laravel"
        if is_codeigniter_migration(head):
            return "codeigniter"
    if suffix == ".php" or path.name.lower().endswith((".orm.yml", ".orm.yaml", ".orm.xml", ".dcm.xml")):
        return "doctrine"
    if suffix == ".xml" and is_xmldb(_head(path, 4096)):
        return "xmldb"
    if suffix in (".ex", ".exs"):
        return "ecto_migrations" if suffix == ".exs" and is_ecto_migration(_head(path, 200_000)) else "ecto"
    mapping = path.name.lower().endswith((".orm.xml", ".dcm.xml"))
    if suffix in CHANGELOG_SUFFIXES and not mapping and is_changelog(path.name, _head(path, 4096)):
        return "liquibase"
    if suffix == ".rb":
        return "rails_migrations" if "ActiveRecord::Migration" in _head(path, 200_000) else "rails"
    if suffix == ".py":
        head = _head(path, 200_000)
        if "down_revision" in head:
            return "alembic"
        if "django" in head and "class Migration(" in head:
            return "django_migrations"
        if "django" in head:
            return "django"
        if "sqlmodel" in head:
            return "sqlmodel"  # before SQLAlchemy: SQLModel files import its `Column` too
        if "tortoise" in head:
            return "tortoise"
        if "peewee" in head or "playhouse" in head:
            return "peewee"
        if "sqlalchemy" in head:
            return "sqlalchemy"
        return "python"
    return "ddl"


def _typescript_kind(head: str) -> str:
    """TypeORM's or MikroORM's migrations or entities, or a Drizzle schema, from a `.ts` file's text."""
    if imports_drizzle_core(head):
        return "drizzle"
    if is_typeorm_migration(head):
        return "typeorm_migrations"
    if is_mikroorm_migration(head):
        return "mikroorm_migrations"
    if maps_mikroorm(head):
        return "mikroorm"
    if "typeorm" not in head:
        return _javascript_kind(head) or "typeorm"
    return "typeorm"


def _javascript_kind(head: str) -> str | None:
    """Knex's or sequelize-cli's migrations, Sequelize models or Mongoose schemas, from a JavaScript text."""
    if is_knex_migration(head):
        return "knex_migrations"
    if is_sequelize_migration(head):
        return "sequelize_migrations"
    if uses_sequelize(head):
        return "sequelize"
    return "mongoose" if uses_mongoose(head) else None


def _is_migrations(paths: list[Path]) -> bool:
    """Several `.sql` files that all carry a version, or Liquibase formatted SQL.

    Other files beside them (`migration_lock.toml`, a README) do not count; the
    migrations reader skips them.
    """
    sql = [p for p in paths if p.suffix.lower() == ".sql"]
    if len(sql) >= 2 and all(looks_versioned(versioned_name(p)) for p in sql):
        return True
    return any(is_liquibase(_head(p, 4096)) for p in sql)


def _head(path: Path, size: int) -> str:
    """The start of a file for telling its kind; unreadable files are read (and reported) later."""
    try:
        with path.open("rb") as handle:
            return handle.read(size).decode("utf-8", errors="replace")
    except OSError:
        return ""


def _unknown_javascript(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """JavaScript files that are no Sequelize models, Knex or sequelize-cli migrations: a warning each."""
    problems = [
        SourceProblem(
            "a JavaScript file that uses neither sequelize nor mongoose, nor holds a Knex or sequelize-cli "
            "migration: cnsnt reads no table from it (set `format: sequelize`, `mongoose`, "
            "`sequelize_migrations` or `knex_migrations` on the entry if it is one)",
            Location(ctx.shown(path), 1, 1),
            ctx.shown(path),
            severity=Severity.WARNING,
        )
        for path in paths
    ]
    return Evidence(problems=problems, audited={"schemas"})


def _unknown_python(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """Python files that import no ORM cnsnt reads: say so, per file.

    A file without any class (`# This app has no models.`) can hold no model: a warning.
    """
    problems: list[SourceProblem] = []
    for _, shown, tree in python_files(paths, ctx, problems):
        has_class = any(isinstance(node, ast.ClassDef) for node in tree.body)
        problems.append(
            SourceProblem(
                "a Python file that imports no ORM cnsnt reads (django, sqlalchemy, sqlmodel, peewee, "
                "tortoise): cnsnt cannot tell which models it holds; set `format: django`, `sqlalchemy`, "
                "`sqlmodel`, `peewee` or `tortoise` on the entry "
                "(`django_migrations` or `alembic` for migrations)"
                if has_class
                else "a Python file without any class: it defines no model",
                Location(shown, 1, 1),
                shown,
                severity=None if has_class else Severity.WARNING,
            )
        )
    return Evidence(problems=problems, audited={"schemas"})

