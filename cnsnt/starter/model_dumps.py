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


def model_tables(entries: list[ModelEntry], root: Path) -> frozenset[str]:
    """The table names the models of these entries map, case-folded, as the audit reads them."""
    from cnsnt.collect import collect_evidence  # the readers import the survey's modules

    specs = tuple(
        SourceSpec("schemas", e.pattern, root, Location("cnsnt.yaml"), format=e.format) for e in entries
    )
    try:
        evidence = collect_evidence(Policy(path="cnsnt.yaml", base_dir=root, sources=specs))
    except Exception:  # noqa: BLE001 - models that cannot be read: every SQL file stays proposed
        return frozenset()
    return frozenset(t.name.casefold() for t in evidence.tables if not t.is_view)


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
    if not ddl or not models:
        return set(), []
    mapped = model_tables(models, root)
    if not mapped:
        return set(), []
    where = ", ".join(sorted({f"{e.pattern} ({e.format})" for e in models}))
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
