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
#: How many table names a note shows before "and N more".
_SHOWN = 5


@dataclass(frozen=True)
class ModelEntry:
    """A schema entry init proposes for models: its glob and format."""

    pattern: str
    format: str


def model_tables(entries: list[ModelEntry], root: Path) -> tuple[frozenset[str], str | None]:
    """(The table names the models map, case-folded, as the audit reads them; why not, or None).

    The survey does not read the models (it only proposes their globs), so this is a read
    of its own, made only when a SQL file shares the project with models; the draft reads
    them again with every other source in one `collect_evidence` (reusing this read would
    need a per-source cache in `collect`). Only cnsnt's own errors (an unreadable source, a
    time limit) are caught, and said: a bug in a reader is a bug, not a silent skip.
    """
    from cnsnt.collect import collect_evidence  # the readers import the survey's modules

    specs = tuple(
        SourceSpec("schemas", e.pattern, root, Location("cnsnt.yaml"), format=e.format) for e in entries
    )
    try:
        evidence = collect_evidence(Policy(path="cnsnt.yaml", base_dir=root, sources=specs))
    except CnsntError as error:  # models that cannot be read: every SQL file stays proposed, said
        return frozenset(), str(error)
    return frozenset(t.name.casefold() for t in evidence.tables if not t.is_view), None


def _created(tables: tuple[DDLTable, ...]) -> list[str]:
    """The tables a SQL file creates, once each (compared case-folded), in the file's order."""
    names: dict[str, str] = {}
    for table in tables:
        if not table.is_view and not table.altered_only:
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
    if failed is not None:
        return set(), [
            f"could not read the models ({where}) to compare them with the SQL files, which stay "
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
                f"kept {shown}: {len(new)} of its {n} tables are not in the models ({where}), so it is "
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
            f"left out {shown}: {len(shared)} of its {n} tables are defined by the models in {where}, "
            "which are read instead (a dump of the same database, perhaps an old one: reading both "
            f"would count every table twice){lacks}"
        )
    return left, notes


def _names(names: list[str]) -> str:
    more = len(names) - _SHOWN
    return ", ".join(names[:_SHOWN]) + (f" and {more} more" if more > 0 else "")
