"""Of ORM models and a SQL file of the same tables, the models are proposed (review25 D5).

alsimfer/BA maps its 12 tables with Doctrine entities and keeps an old phpMyAdmin dump
(`app/Resources/phpMyAdmin SQL Dump.sql`) of the same database: both proposed, every table
was counted twice, and the first audit of the starter warned 11 times (CN001 "also defined
in"); the dump's `caretaker` table, whose entity was deleted, went into the policy. The
models are what the application maps today, as Prisma's schema is over its migrations: a
SQL file most of whose tables the models define is left out, with a note naming the tables
only it has. A file more than half of whose tables the models lack is another database's
(or the models see only part of it): it stays proposed.

Tables are compared by name as the readers give them: the models' names after their naming
strategy (Doctrine's underscore strategy, Spring Boot's), read by the audit's own readers.

A committed SQLite database is the same case (review31 D9): hrdc-db's `app.db` is the
development database its Alembic revisions built (it even holds `alembic_version`), and
reading both listed every column twice. Its tables are compared with every schema entry
proposed (models, migrations, SQL files), but it is left out only when the schema files
build most of its tables (strictly more than half, CR27 F6): a database of which half or
more is no schema file's holds tables nothing else reads (an audit log, patient notes),
and is kept. A migration tool's own tables (`alembic_version`, `django_migrations`, ...)
are neither the application's nor counted. When a database left out still holds tables of
its own, the note (`TABLES_NOT_READ`) is said on the terminal too, not only in the policy.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cnsnt.errors import CnsntError
from cnsnt.model import Location
from cnsnt.policy.model import Policy, SourceSpec
from cnsnt.sql.ddl_result import DDLTable

#: `format:` values of schema entries that state the tables the application maps today
#: (models, entities, a framework's schema dump), not the history that built them.
MODEL_FORMATS = frozenset(
    {
        *("django", "sqlalchemy", "sqlmodel", "peewee", "tortoise", "rails", "prisma", "jpa"),
        *("doctrine", "xmldb", "efcore", "typeorm", "mikroorm", "sequelize", "gorm", "xorm"),
        *("bun", "ent", "drizzle", "ecto", "diesel", "seaorm", "exposed"),
    }
)
#: `format:` values of migration folders that build the whole database when replayed (a
#: Laravel app's `database/migrations/*.php`): a SQL dump of the same tables beside them is
#: a copy of what they build, as it is of models (trial40: a shop's 64 migrations and its
#: `meneya_vide.sql`, 63 tables read twice).
MIGRATION_FORMATS = frozenset(
    {
        *("laravel", "codeigniter", "yii", "phinx", "rails_migrations", "alembic", "django_migrations"),
        *("typeorm_migrations", "mikroorm_migrations", "sequelize_migrations", "knex_migrations"),
        *("ecto_migrations", "liquibase"),
    }
)
#: The tables a migration tool or SQLite itself keeps in a database it built, case-folded:
#: the database's bookkeeping, which no schema file declares.
_TOOL_TABLES = frozenset(
    {
        *("alembic_version", "django_migrations", "schema_migrations", "ar_internal_metadata"),
        *("sequelizemeta", "sequelizedata", "knex_migrations", "knex_migrations_lock"),
        *("__efmigrationshistory", "flyway_schema_history", "databasechangelog"),
        *("databasechangeloglock", "doctrine_migration_versions", "migration_versions"),
        *("goose_db_version", "_prisma_migrations", "__diesel_schema_migrations"),
        *("seaql_migrations", "phinxlog", "gorp_migrations", "mikro_orm_migrations"),
        *("atlas_schema_revisions", "schema_version", "migrations", "sqlite_sequence"),
        *("sqlite_stat1", "sqlite_stat4"),
    }
)
#: How many table names a note shows before "and N more".
_SHOWN = 5
#: The words of a note on a database left out that name tables only it holds, which no
#: source reads then: `cnsnt init` says such a note on the terminal too (`Draft.alerts`).
TABLES_NOT_READ = "only it holds"
#: The same words for changelogs left out for the entities (`changelog_only_note`).
CHANGELOG_TABLES_NOT_READ = "only the changelogs create"


@dataclass(frozen=True)
class ModelEntry:
    """A schema entry init proposes: its glob, format and dialect (models, or any for databases)."""

    pattern: str
    format: str | None
    dialect: str | None = None


def model_tables(entries: list[ModelEntry], root: Path) -> tuple[frozenset[str], str | None]:
    """(The table names the models map, case-folded, as the audit reads them; why not, or None).

    The survey does not read the models (it only proposes their globs), so this is a read
    of its own, made only when a SQL file shares the project with models; the draft reads
    them again with every other source in one `collect_evidence` (reusing this read would
    need a per-source cache in `collect`). Only cnsnt's own errors (an unreadable source, a
    time limit) are caught, and said: a bug in a reader is a bug, not a silent skip.
    """
    specs = tuple(
        SourceSpec("schemas", e.pattern, root, Location("cnsnt.yaml"), dialect=e.dialect, format=e.format)
        for e in entries
    )
    names, failed = _read_tables(specs, root)
    return frozenset(n.casefold() for n in names), failed


def _read_tables(specs: tuple[SourceSpec, ...], root: Path) -> tuple[frozenset[str], str | None]:
    """The names of the tables (not views) the sources define, or why they could not be read."""
    names, _, failed = _read_listed_tables(specs, root)
    return names, failed


def _read_listed_tables(
    specs: tuple[SourceSpec, ...], root: Path
) -> tuple[frozenset[str], frozenset[str], str | None]:
    """(tables read, tables a database lists but could not read, why the sources could not be read)."""
    from cnsnt.collect import collect_evidence  # the readers import the survey's modules

    try:
        evidence = collect_evidence(Policy(path="cnsnt.yaml", base_dir=root, sources=specs))
    except CnsntError as error:  # sources that cannot be read: the copies stay proposed, said
        return frozenset(), frozenset(), str(error)
    unread = frozenset(p.unread_table for p in evidence.problems if p.unread_table is not None)
    return frozenset(t.name for t in evidence.tables if not t.is_view), unread, None


def _created(tables: tuple[DDLTable, ...]) -> list[str]:
    """The tables a SQL file creates, once each (compared case-folded), in the file's order.

    A migration tool's own table (a Laravel dump's `migrations`) is none: no model or
    migration defines it, and it is not the application's (trial40).
    """
    names: dict[str, str] = {}
    for table in tables:
        if not table.is_view and not table.altered_only and table.name.casefold() not in _TOOL_TABLES:
            names.setdefault(table.name.casefold(), table.name)
    return list(names.values())


def stale_copies(
    ddl: list[Path], tables: dict[Path, tuple[DDLTable, ...]], models: list[ModelEntry], root: Path
) -> tuple[set[Path], list[str]]:
    """(SQL files left out, notes): each file at least half of whose tables the models define.

    Also a note for a file kept though it shares tables with the models: the audit will
    warn of them (CN001), and the user decides.
    """
    if not models or not any(_created(tables.get(path, ())) for path in ddl):
        return set(), []
    mapped, failed = model_tables(models, root)
    where = ", ".join(sorted({f"{e.pattern} ({e.format})" for e in models}))
    what = _what(models)
    if failed is not None:
        return set(), [
            f"could not read the {what} ({where}) to compare them with the SQL files, which stay "
            f"proposed (a dump of the same tables would count them twice): {failed}"
        ]
    if not mapped:
        return set(), []
    left: set[Path] = set()
    notes: list[str] = []
    for path in sorted(ddl):
        created = _created(tables.get(path, ()))
        shared = [n for n in created if n.casefold() in mapped]
        if not shared:
            continue
        new = [n for n in created if n.casefold() not in mapped]
        shown = path.relative_to(root).as_posix()
        n = len(created)
        if 2 * len(new) > n:
            notes.append(
                f"kept {shown}: {len(new)} of its {n} tables {'is' if len(new) == 1 else 'are'} not in the "
                f"{what} ({where}), so it is "
                f"taken for another database; the {len(shared)} it shares with them ({_names(shared)}) "
                "are counted twice, and the audit says so (CN001): if it is an old copy, leave it out"
            )
            continue
        left.add(path)
        lacks = (
            f"; {len(new)} table{'s' if len(new) != 1 else ''} only it defines ({_names(new)}) "
            f"{'are' if len(new) != 1 else 'is'} not read: if that database is in use, add it under schemas:"
            if new
            else ""
        )
        notes.append(
            f"left out {shown}: {len(shared)} of its {n} tables {'is' if len(shared) == 1 else 'are'} "
            f"defined by the {what} in {where}, "
            "which are read instead (a dump of the same database, perhaps an old one: reading both "
            f"would count every table twice){lacks}"
        )
    return left, notes


def _what(entries: list[ModelEntry]) -> str:
    """`models`, `migrations`, or `models and migrations`: what the schema entries are."""
    migrations = [e for e in entries if e.format in MIGRATION_FORMATS]
    if not migrations:
        return "models"
    return "migrations" if len(migrations) == len(entries) else "models and migrations"


def stale_databases(urls: list[str], schemas: list[ModelEntry], root: Path) -> tuple[set[str], list[str]]:
    """(SQLite database URLs left out, notes): each database most of whose tables the schemas define.

    The schema files are what the application's tables are built from (its models, its
    migrations): a committed database of the same tables is a development copy of them,
    perhaps an old one (review31 D9). A database half or more of whose tables no schema
    file defines is kept, and a note names the tables it shares: they are counted twice.
    """
    if not urls or not schemas:
        return set(), []
    defined, failed = model_tables(schemas, root)
    where = ", ".join(sorted({e.pattern + (f" ({e.format})" if e.format else "") for e in schemas}))
    if failed is not None:
        return set(), [
            f"could not read the schema files ({where}) to compare them with {', '.join(urls)}, which "
            f"stay{'s' if len(urls) == 1 else ''} proposed (a database built from them would count every "
            f"table twice): {failed}"
        ]
    left: set[str] = set()
    notes: list[str] = []
    for url in urls if defined else []:
        tables, _ = _read_tables((SourceSpec("databases", url, root, Location("cnsnt.yaml")),), root)
        own = sorted(t for t in tables if t.casefold() not in _TOOL_TABLES)
        shared = [n for n in own if n.casefold() in defined]
        new = [n for n in own if n.casefold() not in defined]
        if not shared:
            continue
        if 2 * len(shared) <= len(own):  # half its tables or more are its own: no mere copy
            notes.append(
                f"kept {url}: {_of(len(new), len(own))} not in the schema files in {where}, "
                f"so it is taken for a database of its own; {_shares(shared)} read from both and counted "
                "twice: if it is a copy of theirs, leave it out"
            )
            continue
        left.add(url)
        built = _built(sorted(set(tables) - set(own)))
        notes.append(
            f"left out {url}: {_of(len(shared), len(own))} defined by the schema files in {where}, which "
            f"are read instead (a development database built from them{built}: reading both would count "
            "every table twice)" + _only_in(new, "add the database under databases:")
        )
    return left, notes


def _unread_note(shown: str, url: str, own: list[str], shared: list[str], blocked: list[str]) -> str:
    """The note on a schema file kept because a `--db` database lists tables of it it cannot read.

    They are in the database (review39 D2: a role without `USAGE` on the schema read 3 of
    10 tables, and the note said the 7 others were "not in" it, "so it is taken for another
    database"): read from the file, they are audited; left out, nowhere.
    """
    twice = f"; {_shares(shared).replace('them', 'it')} read from both and counted twice" if shared else ""
    they = "it is" if len(blocked) == 1 else "they are"
    return (
        f"kept {shown}: {_of(len(blocked), len(own))} in {url}, given with --db, but could not be read "
        f"from it ({_names(blocked)}: the audit says why, CN001), so {they} read from the file{twice}; "
        "once the database can be read in full, leave the file out"
    )


def _of(part: int, whole: int) -> str:
    """`2 of its 3 tables are`, `1 of its 3 tables is`, `its one table is`."""
    if whole == 1:
        return "its one table is"
    return f"{part} of its {whole} tables {'is' if part == 1 else 'are'}"


def _shares(shared: list[str]) -> str:
    """`the 2 tables it shares with them (a, b) are`, `the table it shares with them (a) is`."""
    if len(shared) == 1:
        return f"the table it shares with them ({shared[0]}) is"
    return f"the {len(shared)} tables it shares with them ({_names(shared)}) are"


def _built(tools: list[str]) -> str:
    """What a migration tool's tables in a database say: that the tool built it."""
    if not tools:
        return ""
    many = len(tools) != 1
    return f", as its {_names(tools)} table{'s' if many else ''} {'say' if many else 'says'}"


def _only_in(new: list[str], fix: str) -> str:
    """The tables only a copy left out holds, which are not read then."""
    if not new:
        return ""
    many = len(new) != 1
    return (
        f"; {len(new)} table{'s' if many else ''} {TABLES_NOT_READ} ({_names(new)}) "
        f"{'are' if many else 'is'} not read: if the application uses {'them' if many else 'it'}, {fix}"
    )


def changelog_only_note(new: list[str]) -> str:
    """The end of the note on changelogs left out for the entities: the tables only they create."""
    if not new:
        return ""
    many = len(new) != 1
    return (
        f"; {len(new)} table{'s' if many else ''} {CHANGELOG_TABLES_NOT_READ} ({_names(new)}) "
        f"{'are' if many else 'is'} not read: if the application uses {'them' if many else 'it'} "
        "(by plain SQL), add the changelogs under sources: too (the tables both define are then read "
        "twice, and the audit says so, CN001)"
    )


def _names(names: list[str]) -> str:
    more = len(names) - _SHOWN
    return ", ".join(names[:_SHOWN]) + (f" and {more} more" if more > 0 else "")


def schemas_in_databases(
    urls: list[str], schemas: list[ModelEntry], root: Path
) -> tuple[set[str], list[str]]:
    """(Schema entries left out, notes): each entry most of whose tables a `--db` database holds.

    `cnsnt init --db URL` is an explicit request for the database (review37 D3): beside the
    dump it was loaded from, both were read, every table twice, with no word, and the second
    copy changed verdicts. So the database is kept and a schema entry most of whose tables
    (strictly more than half) it holds gives way, with a note naming the tables only the
    entry defines, which are not read then. An entry that shares fewer is kept, and the
    note names the tables read twice (the audit warns of them too, CN001). So is an entry
    some of whose tables the database lists but cannot read (review39 D2): they are in it,
    not another database's, and are read from the file.
    """
    if not urls or not schemas:
        return set(), []
    held: dict[str, frozenset[str]] = {}
    unread: dict[str, frozenset[str]] = {}
    notes: list[str] = []
    for url in urls:
        tables, listed, failed = _read_listed_tables(
            (SourceSpec("databases", url, root, Location("cnsnt.yaml")),), root
        )
        if failed is not None:
            notes.append(
                f"could not read {url} to compare it with the schema files, which stay proposed "
                f"(a database loaded from them would count every table twice): {failed}"
            )
            continue
        held[url] = frozenset(t.casefold() for t in tables if t.casefold() not in _TOOL_TABLES)
        unread[url] = frozenset(t.casefold() for t in listed)
    left: set[str] = set()
    for entry in schemas if held else []:
        names, failed = _read_tables(
            (SourceSpec("schemas", entry.pattern, root, Location("cnsnt.yaml"), dialect=entry.dialect,
                        format=entry.format),),
            root,
        )
        own = sorted(n for n in names if n.casefold() not in _TOOL_TABLES)
        shown = entry.pattern + (f" ({entry.format})" if entry.format else "")
        for url, tables in held.items():
            shared = [n for n in own if n.casefold() in tables]
            blocked = [n for n in own if n.casefold() in unread[url] and n.casefold() not in tables]
            new = [n for n in own if n.casefold() not in tables and n not in blocked]
            if failed is None and blocked:
                notes.append(_unread_note(shown, url, own, shared, blocked))
                continue
            if failed is not None or not shared:
                continue
            if 2 * len(shared) <= len(own):
                notes.append(
                    f"kept {shown}: {_of(len(new), len(own))} not in {url}, given with --db, so it is "
                    f"taken for another database; {_shares(shared).replace('them', 'it')} read from both "
                    "and counted twice (the audit warns of it, CN001): if the database was built or "
                    "loaded from it, leave it out"
                )
                continue
            left.add(entry.pattern)
            notes.append(
                f"left out {shown}: {_of(len(shared), len(own))} in {url}, given with --db, which is "
                "read instead (the schema the database was built or loaded from: reading both would "
                "count every table twice)" + _only_in(new, "add the file back under schemas:")
            )
            break
    return left, notes
