"""Read one `schemas` entry the way `collect` does: expand its glob, plan, read each group."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path

from cnsnt.classify import classify_tables
from cnsnt.evidence import Classification, Column, Evidence, ForeignKey, Table
from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext, expand
from cnsnt.sources.schemas.reader import plan_schemas


def entry_spec(base: Path, pattern: str, fmt: str | None = None, dialect: str | None = "postgres"):
    return SourceSpec(
        kind="schemas",
        pattern=pattern,
        base_dir=base,
        location=Location("cnsnt.yaml", 4, 5),
        dialect=dialect,
        format=fmt,
    )


def read_entry(
    base: Path, pattern: str, fmt: str | None = None, dialect: str | None = "postgres"
) -> Evidence:
    spec = entry_spec(base, pattern, fmt, dialect)
    paths, problems = expand(spec)
    assert not problems, problems
    evidence = Evidence()
    ctx = SourceContext(base_dir=base)
    for reader, group in plan_schemas(paths, spec):
        evidence.merge(reader(group, spec, ctx))
    return evidence


def write_files(base: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = base / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def schema_tables(base: Path, ddl: str) -> list[Table]:
    """The tables of a `schema.sql` holding `ddl`, written in `base` and read as `cnsnt init` reads it."""
    write_files(base, {"schema.sql": ddl})
    return list(read_entry(base, "schema.sql").tables)


def schema_verdicts(base: Path, ddl: str) -> dict[str, Classification]:
    """The classifier's verdict on each column of those tables, by `table.column`."""
    return classify_tables(schema_tables(base, ddl))


def table(ev: Evidence, name: str) -> Table:
    found = [t for t in ev.tables if t.key == name]
    assert len(found) == 1, f"{name}: {[t.key for t in ev.tables]}"
    return found[0]


def column(ev: Evidence, key: str) -> Column:
    tname, _, cname = key.rpartition(".")
    found = [c for c in table(ev, tname).columns if c.name == cname]
    assert len(found) == 1, f"{key}: {[c.name for c in table(ev, tname).columns]}"
    return found[0]


def names(ev: Evidence, tname: str) -> list[str]:
    return [c.name for c in table(ev, tname).columns]


def typed_table(
    name: str,
    columns: Iterable[tuple[str, str]],
    keys: tuple[ForeignKey, ...] = (),
    primary: Collection[str] = ("id",),
) -> Table:
    """A table written in a test, all at schema.sql:1:1: (name, type) columns; those in `primary` key it."""
    here = Location("schema.sql", 1, 1)
    return Table(
        name=name,
        location=here,
        source="schema.sql",
        columns=tuple(
            Column(name, c, here, "schema.sql", type=t, primary_key=c in primary) for c, t in columns
        ),
        foreign_keys=keys,
    )


def where(col: Column | Table) -> tuple[str | None, int | None]:
    return col.location.path, col.location.line
