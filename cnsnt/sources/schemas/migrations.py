"""Schema evidence from a folder of SQL migrations (`format: migrations`, or detected).

The files of one entry are one script: ordered the way the migration tools run them
(`migration_order`), down sections and down/undo files left out, then replayed by
`cnsnt.sql.migrations`, so a column a later migration drops is gone and a renamed one
carries its new name. Every column keeps the file and line where it got its name.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.evidence import Column, Evidence, ForeignKey, SourceProblem, Table
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import LineIndex, SourceContext, read_text
from cnsnt.sources.schemas.common import problem_of
from cnsnt.sources.schemas.flyway_config import flyway_default_schema
from cnsnt.sources.schemas.liquibase_dbms import (
    SQLGLOT_DIALECTS,
    choose_target,
    dbms_names,
    formatted_changesets,
    formatted_for,
)
from cnsnt.sources.schemas.migration_order import (
    is_liquibase,
    order_migrations,
    own_session,
    run_by_flyway,
    run_by_psql,
    runs_statement_by_statement,
    up_part,
)
from cnsnt.sql.ddl import UnknownDialectError
from cnsnt.sql.migrations import MigrationFile, Where, replay_migrations
from cnsnt.sql.sqlplus import script_paths


def read_migrations(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The schema a migrations folder leaves behind, replayed in the tools' order.

    A file that cannot be read is a CN001 problem of its own and the others are still
    replayed. Counts: `schema_files`, `migrations`, `migrations_skipped` (down and undo
    files), `tables`, `views`, `columns`, `statements`.
    """
    dialect = ctx.dialect or spec.dialect
    ordered = order_migrations(paths, dialect)
    problems: list[SourceProblem] = []
    files: list[MigrationFile] = []
    shown_names: list[str] = []
    read_paths: list[Path] = []
    for path in ordered.run:
        shown = ctx.shown(path)
        try:
            text = read_text(path, shown, limits=ctx.limits)
        except SourceError as exc:
            problems.append(problem_of(exc, shown))
            continue
        autocommit = run_by_psql(path) or runs_statement_by_statement(text)
        files.append(MigrationFile(shown, up_part(text), own_session(path), autocommit))
        shown_names.append(shown)
        read_paths.append(path)
    files = _in_flyway_schema(files, read_paths, ctx, problems)
    files, dialect = _for_one_database(files, dialect)
    try:
        result = replay_migrations(files, dialect)
    except UnknownDialectError as exc:
        raise SourceError(str(exc), spec.location) from None

    indexes: dict[int, LineIndex] = {}

    def where(w: Where) -> Location:
        index = indexes.get(w.file)
        if index is None:
            index = indexes[w.file] = LineIndex(files[w.file].text)
        line, column = index.line_col(w.offset)
        return Location(path=shown_names[w.file], line=line, column=column)

    tables: list[Table] = []
    for t in result.tables:
        location = where(t.where)
        tables.append(
            Table(
                name=t.name,
                location=location,
                source=location.path or "",
                schema=t.schema,
                columns=tuple(
                    Column(
                        table=t.name,
                        name=c.name,
                        location=(at := where(c.where)),
                        source=at.path or "",
                        schema=t.schema,
                        type=c.type,
                        comment=c.comment,
                        primary_key=c.primary_key,
                        login_default=c.login_default,
                    )
                    for c in t.columns
                ),
                comment=t.comment,
                is_view=t.is_view,
                view_sql=t.view_sql,
                dialect=dialect,
                altered_only=t.altered_only,
                foreign_keys=tuple(
                    ForeignKey(fk.columns, fk.ref_table, fk.ref_columns, fk.ref_schema)
                    for fk in t.foreign_keys
                ),
            )
        )
    hint = "" if dialect else "; no SQL dialect was given: set `dialect:` on this source"
    for p in result.problems:
        at = where(p.where)
        problems.append(
            SourceProblem(
                message=p.message + (hint if p.may_hold_schema else ""),
                location=at,
                source=at.path or "",
                severity=Severity.INFO if p.info else None if p.may_hold_schema else Severity.WARNING,
                includes=script_paths(p.includes, read_paths[p.where.file], ctx.base_dir),
            )
        )
    if not tables and files and not result.problems:
        problems.append(
            SourceProblem(
                f"the {len(files)} migration(s) of '{spec.pattern}' leave no table behind: "
                "are these the schema's migrations?",
                spec.location,
                spec.pattern,
                severity=Severity.WARNING,
            )
        )
    return Evidence(
        tables=tables,
        problems=problems,
        audited={"schemas"},
        counts={
            "schema_files": len(files),
            "migrations": len(files),
            "migrations_skipped": len(ordered.skipped),
            "tables": sum(1 for t in tables if not t.is_view),
            "views": sum(1 for t in tables if t.is_view),
            "columns": sum(len(t.columns) for t in tables),
            "statements": result.statements,
        },
    )


def _in_flyway_schema(
    files: list[MigrationFile], paths: list[Path], ctx: SourceContext, problems: list[SourceProblem]
) -> list[MigrationFile]:
    """The Flyway files, with the default schema Flyway's configuration names (`flyway_config`).

    Read only when the entry has Flyway files; its notes join the entry's problems.
    """
    flyway = [i for i, path in enumerate(paths) if run_by_flyway(path)]
    if not flyway:
        return files
    found = flyway_default_schema([paths[i] for i in flyway], ctx.base_dir, ctx.shown)
    problems.extend(found.problems)
    if found.schema is None:
        return files
    chosen = set(flyway)
    return [replace(f, schema=found.schema) if i in chosen else f for i, f in enumerate(files)]


def _for_one_database(
    files: list[MigrationFile], dialect: str | None
) -> tuple[list[MigrationFile], str | None]:
    """Liquibase formatted SQL as Liquibase runs it, on one database as XML changelogs are.

    Its own lines and its changesets limited to other databases (`--changeset a:1
    dbms:oracle`) are blanked (`liquibase_dbms.formatted_for`); the target is the entry's
    dialect, else the database the changesets name most, whose dialect then reads the folder.
    """
    formatted = [i for i, f in enumerate(files) if is_liquibase(f.text)]
    if not formatted:
        return files, dialect
    mentions = [
        name
        for i in formatted
        for _, _, dbms in formatted_changesets(files[i].text)
        for name in dbms_names(dbms)
    ]
    target = choose_target(mentions, dialect)
    out = [
        replace(f, text=formatted_for(f.text, target)) if i in formatted else f
        for i, f in enumerate(files)
    ]
    return out, dialect or (SQLGLOT_DIALECTS.get(target) if target else None)
