"""The reader registered for `sources.schemas`: which reader gets which files of an entry.

`format:` on the entry names the kind (`ddl`, `migrations`, `django`, `sqlalchemy`,
`rails`, `prisma`); without it the kind is told from each file's name and content:

- `.prisma` files are Prisma schemas, `.rb` files Rails `db/schema.rb` dumps;
- `.py` files are Django models when they import `django`, SQLAlchemy models when they
  import `sqlalchemy`;
- `.sql` files are migrations when the entry matches several of them and every name
  carries a migration tool's version (`V2__x.sql`, `0002_x.sql`, `2024..._x.up.sql`,
  Prisma Migrate's `2024..._x/migration.sql`),
  or when one is Liquibase formatted SQL; otherwise each is a DDL file of its own.

A migrations entry is one script and ORM models may inherit across files, so those
readers get all their files at once; DDL files are read one by one, as before.
"""

from __future__ import annotations

import ast
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.evidence import Evidence, SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext, read_text
from cnsnt.sources.schemas.common import EntryReader, parse_python, problem_of
from cnsnt.sources.schemas.ddl import read_ddl
from cnsnt.sources.schemas.django_models import read_django
from cnsnt.sources.schemas.migration_order import is_liquibase, looks_versioned, versioned_name
from cnsnt.sources.schemas.migrations import read_migrations
from cnsnt.sources.schemas.prisma_schema import read_prisma
from cnsnt.sources.schemas.rails_schema import read_rails
from cnsnt.sources.schemas.sqlalchemy_models import read_sqlalchemy

#: `format:` values of a `schemas` entry (the policy schema lists the same).
FORMATS = ("ddl", "migrations", "django", "sqlalchemy", "rails", "prisma")

_GROUP_READERS: dict[str, EntryReader] = {
    "migrations": read_migrations,
    "django": read_django,
    "sqlalchemy": read_sqlalchemy,
    "rails": read_rails,
    "prisma": read_prisma,
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
    sql = kinds.pop("ddl", [])
    plan: list[tuple[EntryReader, list[Path]]] = []
    if _is_migrations(sql):
        plan.append((read_migrations, sql))
    else:
        plan.extend((read_ddl_files, [p]) for p in sql)
    for kind in ("django", "sqlalchemy", "rails", "prisma", "python"):
        if kind in kinds:
            plan.append((_GROUP_READERS.get(kind, _unknown_python), kinds[kind]))
    return plan


def detect(path: Path) -> str:
    """The kind of one schema file from its name and, for Python, its imports."""
    suffix = path.suffix.lower()
    if suffix == ".prisma":
        return "prisma"
    if suffix == ".rb":
        return "rails"
    if suffix == ".py":
        head = _head(path, 200_000)
        if "django" in head:
            return "django"
        if "sqlalchemy" in head:
            return "sqlalchemy"
        return "python"
    return "ddl"


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


def _unknown_python(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """Python files that import neither Django nor SQLAlchemy: say so, per file.

    A file without any class (`# This app has no models.`) can hold no model: a warning.
    """
    problems = []
    for path in paths:
        shown = ctx.shown(path)
        try:
            tree = parse_python(read_text(path, shown, limits=ctx.limits), shown)
        except SourceError as exc:
            problems.append(problem_of(exc, shown))
            continue
        has_class = any(isinstance(node, ast.ClassDef) for node in tree.body)
        problems.append(
            SourceProblem(
                "a Python file that imports neither django nor sqlalchemy: cnsnt cannot tell "
                "which models it holds; set `format: django` or `format: sqlalchemy` on the entry"
                if has_class
                else "a Python file without any class: it defines no model",
                Location(shown, 1, 1),
                shown,
                severity=None if has_class else Severity.WARNING,
            )
        )
    return Evidence(problems=problems, audited={"schemas"})

