"""The order migration tools run SQL files in, read from their names the way each tool does.

- Flyway: `V<version>__<description>.sql`, the version's parts (split on `.` or `_`)
  compared as numbers, so `V2__` runs before `V10__` and `V1_1__` is 1.1; repeatable
  `R__<description>.sql` run after every versioned one, by description; undo
  `U<version>__` files are not run going up.
- golang-migrate, sqlx: `<version>_<title>.up.sql` (the `.down.sql` twin is not run);
  dbmate, sqlx and Rails/Django-style names: a numeric or timestamp prefix
  (`0001_initial.sql`, `20240131120000_add_email.sql`), compared as a number.
- Liquibase formatted SQL (`--liquibase formatted sql` on the first line): changesets
  run in file order; files by name, as `includeAll` does.

- gobuffalo/pop (Ory Kratos, Hydra): `<version>_<name>.postgres.up.sql` beside a generic
  `<version>_<name>.up.sql`: the variant for the entry's `dialect` runs, else the generic one.
- Prisma Migrate, and tools like it: `<timestamp>_<name>/migration.sql`, where the
  folder carries the version (a file name without one takes its folder's).

File names are matched with regular expressions; the SQL inside is never (that is
`cnsnt.sql`'s job). Files whose name carries no version are run after the versioned
ones, by name with digit runs compared as numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from cnsnt.sql.databases import DATABASES, words_for

_FLYWAY = re.compile(r"^(?P<kind>[VUR])(?P<version>\d+(?:[._]\d+)*)?__(?P<desc>.+)\.sql$", re.I)
_UP_DOWN = re.compile(r"^(?P<stem>.+)\.(?P<dir>up|down)\.sql$", re.I)
_NUMERIC = re.compile(r"^(?P<version>\d+)(?:[-_.](?P<desc>.*))?\.sql$", re.I)
_DIGITS = re.compile(r"(\d+)")


@dataclass(frozen=True)
class Ordered:
    """The files to replay in order, and the ones left out with the reason."""

    run: tuple[Path, ...]
    skipped: tuple[tuple[Path, str], ...]


def version_of(name: str) -> tuple[int, ...] | None:
    """The version a migration file name carries, as numbers; None when it has none."""
    flyway = _FLYWAY.match(name)
    if flyway is not None:
        version = flyway.group("version")
        return tuple(int(p) for p in re.split(r"[._]", version)) if version else None
    up_down = _UP_DOWN.match(name)
    stem = up_down.group("stem") + ".sql" if up_down else name
    numeric = _NUMERIC.match(stem)
    return (int(numeric.group("version")),) if numeric else None


def looks_versioned(name: str) -> bool:
    """Whether a `.sql` file name follows one of the migration tools' naming schemes."""
    flyway = _FLYWAY.match(name)
    if flyway is not None:
        return True
    return version_of(name) is not None


def versioned_name(path: Path) -> str:
    """The name that carries a migration's version: the file's, else its folder's.

    Prisma Migrate writes `20230404095503_initial/migration.sql`: every file has the
    same name and the folder tells the order.
    """
    if looks_versioned(path.name) or not looks_versioned(path.parent.name + ".sql"):
        return path.name
    return path.parent.name + ".sql"


#: What a migration file may be called; others beside them (`migration_lock.toml`) are skipped.
_SQL_SUFFIXES = frozenset({".sql", ".ddl"})

#: Database names in migration file names (gobuffalo/pop, used by Ory: `x.postgres.up.sql`
#: beside a generic `x.up.sql`): the words of `cnsnt.sql.databases`.
_ANY_DATABASE = frozenset(DATABASES)


def _database_variant(name: str) -> tuple[str, str | None]:
    """`x.postgres.up.sql` -> (`x.up.sql`, `postgres`); names without a database unchanged."""
    parts = name.split(".")
    for i in range(1, len(parts) - 1):
        if parts[i].lower() in _ANY_DATABASE:
            return ".".join(parts[:i] + parts[i + 1 :]), parts[i].lower()
    return name, None


def _pick_variants(paths: list[Path], dialect: str | None) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Of each migration written once per database, the one for the entry's dialect.

    A generic file serves every database without its own variant; with no dialect given,
    only generic files run.
    """
    groups: dict[tuple[str, str], list[tuple[Path, str | None]]] = {}
    for path in paths:
        generic, database = _database_variant(path.name)
        groups.setdefault((path.parent.as_posix(), generic), []).append((path, database))
    mine = words_for(dialect)
    keep: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for variants in groups.values():
        if all(db is None for _, db in variants):
            keep.extend(p for p, _ in variants)
            continue
        chosen = [p for p, db in variants if db in mine] or [p for p, db in variants if db is None]
        keep.extend(chosen)
        for path, db in variants:
            if path not in chosen:
                why = "no `dialect:` was given to choose one" if not dialect else "not run on " + dialect
                skipped.append((path, f"a migration for another database ({db or 'generic'}): {why}"))
    return keep, skipped


def order_migrations(paths: list[Path], dialect: str | None = None) -> Ordered:
    """Sort an entry's files the way the migration tools would run them going up.

    `dialect` picks among per-database variants of one migration (`x.mysql.up.sql`).
    """
    keyed: list[tuple[tuple[object, ...], Path]] = []
    others = [(p, "not an SQL file (*.sql)") for p in paths if p.suffix.lower() not in _SQL_SUFFIXES]
    paths, skipped = _pick_variants([p for p in paths if p.suffix.lower() in _SQL_SUFFIXES], dialect)
    skipped = others + skipped
    for path in paths:
        name = _database_variant(versioned_name(path))[0]
        flyway = _FLYWAY.match(name)
        if flyway is not None:
            kind = flyway.group("kind").upper()
            if kind == "U":
                skipped.append((path, "a Flyway undo migration (U...__), not run going up"))
                continue
            if kind == "R":
                keyed.append(((2, (), natural_key(flyway.group("desc")), name), path))
                continue
        up_down = _UP_DOWN.match(name)
        down = up_down is not None and up_down.group("dir").lower() == "down"
        if down or path.name.lower() == "down.sql":  # Diesel's `<version>_x/down.sql` too
            skipped.append((path, "a down migration (*.down.sql), not run going up"))
            continue
        version = version_of(name)
        if version is not None:
            keyed.append(((0, version, natural_key(name), name), path))
        else:
            keyed.append(((1, (), natural_key(name), name), path))
    keyed.sort(key=lambda kp: kp[0])
    return Ordered(tuple(p for _, p in keyed), tuple(skipped))


def own_session(path: Path) -> bool:
    """Whether the tool runs this migration in a session of its own, so a SET before it is gone.

    Flyway restores the connection's state (its schema, PostgreSQL's search_path) after
    each migration; sqitch runs each change's `deploy/*.sql` with a psql of its own (a
    `sqitch.plan` beside `deploy/` names the folder). golang-migrate, dbmate, goose,
    Prisma Migrate and Liquibase run the files one after another on one connection, so a
    `SET search_path` in one holds in the next.
    """
    return run_by_flyway(path) or run_by_psql(path)


def run_by_flyway(path: Path) -> bool:
    """Whether Flyway runs this file (`V1__x.sql`, `R__x.sql`): its default schema holds its names."""
    return _FLYWAY.match(_database_variant(versioned_name(path))[0]) is not None


def run_by_psql(path: Path) -> bool:
    """Whether psql runs the file statement by statement, each committed unless it opens a transaction.

    sqitch does so with each change's `deploy/*.sql` (a `sqitch.plan` beside `deploy/`).
    The other tools run a file in one transaction: Flyway, dbmate, goose and Liquibase open
    one, golang-migrate and Prisma send the file as one query, which PostgreSQL runs as one
    (goose's `NO TRANSACTION` files excepted: `runs_statement_by_statement`).
    """
    return path.parent.name == "deploy" and (path.parent.parent / "sqitch.plan").is_file()


#: goose's annotation for a file run without a transaction (after `--`, in any case).
_GOOSE_NO_TRANSACTION = "+goose no transaction"


def runs_statement_by_statement(text: str) -> bool:
    """Whether goose runs this file statement by statement, each in a transaction of its own.

    A file annotated `-- +goose NO TRANSACTION` (on a line of its own, from its first
    character, anywhere in the file, in any case, as goose reads it): a `SET LOCAL` or a
    savepoint without the file's own `BEGIN` does nothing there. dbmate's
    `transaction:false` is no such file: dbmate sends the whole section as one query, which
    PostgreSQL runs as one transaction all the same.
    """
    if not _mentions_goose(text):
        return False  # the usual case, found at C speed
    lines = text.splitlines()
    return any(line.startswith("--") and line[2:].strip().lower() == _GOOSE_NO_TRANSACTION for line in lines)


def _mentions_goose(text: str) -> bool:
    """Whether a text may hold a goose annotation, which goose reads in any case (`-- +GOOSE UP`)."""
    return "goose" in text or "GOOSE" in text or "Goose" in text


def natural_key(name: str) -> tuple[tuple[int, str], ...]:
    """Sort key that compares digit runs as numbers: `a2` before `a10`."""
    return tuple(
        (int(part), "") if part.isdigit() else (-1, part.casefold())
        for part in _DIGITS.split(name)
        if part
    )


#: Comment lines that open the part of a migration that runs going down (dbmate, goose).
_DOWN_MARKERS = ("-- migrate:down", "-- +goose down")


def up_part(text: str) -> str:
    """A migration's text without its down section (dbmate `-- migrate:down`, goose `Down`).

    The down section is blanked, keeping line breaks, so offsets and lines stay those of
    the file.
    """
    if "migrate:" not in text and not _mentions_goose(text):
        return text  # the usual case, found at C speed
    offset = 0
    for line in text.splitlines(keepends=True):
        if " ".join(line.strip().lower().split()) in _DOWN_MARKERS:
            rest = text[offset:]
            return text[:offset] + "".join("\n" if ch == "\n" else " " for ch in rest)
        offset += len(line)
    return text


def is_liquibase(text: str) -> bool:
    """Whether a file is Liquibase formatted SQL (its first line says so)."""
    for line in text.splitlines():
        if line.strip():
            words = line.strip().lstrip("-").split()
            return [w.lower() for w in words[:3]] == ["liquibase", "formatted", "sql"]
    return False
