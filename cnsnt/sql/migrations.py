"""Replay a folder of SQL migrations, in order, as one script: the schema they leave behind.

`parse_ddl` reads one dump; a migrations folder is a history. Here every file's
statements are applied to one set of tables, in the order the caller gives (see
`cnsnt.sources.schemas.migration_order`), and the ALTERs a dump reader can ignore are
applied too: `ADD/DROP/RENAME COLUMN`, `ALTER COLUMN ... TYPE`, `RENAME TO`,
`DROP TABLE/VIEW`, `ADD CONSTRAINT ... FOREIGN KEY`, and `COMMENT ON` (all from sqlglot's
trees, `exp.Alter` and its actions), and from their tokens the statements sqlglot keeps as
opaque commands: MySQL `RENAME TABLE a TO b` and T-SQL `EXEC sp_rename`. The passes of
`parse_ddl` (placeholders, client lines, tokenizer split, statement choice by first
tokens) run per file, so INSERT data in a migration is tokenized but never parsed.

Places: a column is reported where it got its current name, the `CREATE TABLE` or
`ADD COLUMN` that made it, or the `RENAME COLUMN` that renamed it (the line that shows
the name a report uses); a type change (MySQL's `CHANGE x x` too) or comment keeps
that place. A table is placed at its CREATE, or at the `RENAME TO` that gave its current
name.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from sqlglot import exp
from sqlglot.dialects.dialect import Dialect
from sqlglot.errors import ErrorLevel, ParseError, TokenError
from sqlglot.tokenizer_core import TokenType

from cnsnt.sql.client_lines import scan_lines
from cnsnt.sql.ddl import quiet_sqlglot, resolve_dialect
from cnsnt.sql.ddl_drops import bare_column_renames
from cnsnt.sql.ddl_result import DDLForeignKey, DDLProblem
from cnsnt.sql.ddl_schema import SchemaBuilder, adds_nothing, drops_columns, opaque_drop, tsql_temporary
from cnsnt.sql.ddl_session import default_schema_change
from cnsnt.sql.ddl_split import (
    Statement,
    alter_target,
    classify,
    dotted_name,
    keyword,
    tokenize_statements,
)
from cnsnt.sql.ddl_tables import TableBuilder, name_key, set_default
from cnsnt.sql.ddl_text import shorten
from cnsnt.sql.placeholders import OffsetMap, drop_token_placeholders, remove_placeholders
from cnsnt.sql.routine_bodies import body_statements

__all__ = [
    "Link",
    "MigrationBuilder",
    "MigrationFile",
    "ReplayColumn",
    "ReplayForeignKey",
    "ReplayProblem",
    "ReplayResult",
    "ReplayTable",
    "Where",
    "replay_migrations",
]


@dataclass(frozen=True)
class MigrationFile:
    """One migration's text, already cut to what runs going up (no `down` section)."""

    name: str
    text: str
    own_session: bool = False
    """The tool runs it in a session of its own (Flyway, sqitch): a `SET search_path` of
    the file before it does not reach it. False: one session runs the files one after
    another (golang-migrate, dbmate, goose, Liquibase), so the path carries on."""
    autocommit: bool = False
    """The tool runs it statement by statement (sqitch's psql, goose's `NO TRANSACTION`
    files): a `SET LOCAL` or a savepoint outside BEGIN does nothing. False: the tool runs
    the file in one transaction (Flyway, dbmate, goose, Liquibase open one; golang-migrate,
    Prisma and dbmate's `transaction:false` send one multi-statement query)."""
    schema: str | None = None
    """The schema the tool makes the file's unqualified names in before it runs (Flyway's
    configured default schema, as written); None: the database's default, or the path
    the file before left (`own_session`)."""


@dataclass(frozen=True)
class Where:
    """A place in one of the migrations: the file's index and a character offset in it."""

    file: int
    offset: int


@dataclass(frozen=True)
class ReplayColumn:
    """A column of the final schema and the place that gave it its current name."""

    name: str
    where: Where
    type: str | None = None
    comment: str | None = None
    primary_key: bool = False
    login_default: bool = False


@dataclass(frozen=True)
class ReplayForeignKey:
    """A declared reference, with the names it has after every rename."""

    columns: tuple[str, ...]
    ref_table: str
    ref_columns: tuple[str, ...] = ()
    ref_schema: str | None = None


@dataclass(frozen=True)
class ReplayTable:
    """A table or view the migrations leave behind."""

    name: str
    where: Where
    schema: str | None = None
    columns: tuple[ReplayColumn, ...] = ()
    comment: str | None = None
    is_view: bool = False
    view_sql: str | None = None
    foreign_keys: tuple[ReplayForeignKey, ...] = ()
    altered_only: bool = False
    """No migration creates it: it is known from the ALTERs that change it (made elsewhere)."""
    temporary: bool = False
    """Made by `CREATE TEMP TABLE`: scratch of the session that made it, not the schema."""


@dataclass(frozen=True)
class ReplayProblem:
    """A statement that could not be used, or that did not fit the schema so far."""

    where: Where
    message: str
    may_hold_schema: bool = True
    """False for warnings: nothing was lost that the files define."""
    info: bool = False
    """A note, not a warning: a SQL*Plus `@script` the migration runs."""
    includes: tuple[str, ...] = ()
    """The file names that `@script` may be, as written (`DDLProblem.includes`)."""


@dataclass(frozen=True)
class ReplayResult:
    """The schema after the last migration, and what could not be applied."""

    tables: tuple[ReplayTable, ...]
    problems: tuple[ReplayProblem, ...]
    statements: int


@dataclass
class Link:
    """A foreign key while migrations still rename and drop things."""

    columns: list[str]
    ref_table: str
    ref_schema: str | None
    ref_columns: list[str] = field(default_factory=list)
    name: str | None = None
    """The constraint's name, when the migration gave one (`DROP CONSTRAINT` finds it)."""


def replay_migrations(files: Sequence[MigrationFile], dialect: str | None = None) -> ReplayResult:
    """Apply the files in the given order; never raises for bad SQL.

    Raises `cnsnt.sql.ddl.UnknownDialectError` for a dialect sqlglot does not know.
    """
    dia = resolve_dialect(dialect)
    builder = MigrationBuilder(dia)
    bases: list[int] = []
    maps: list[OffsetMap] = []
    problems: list[ReplayProblem] = []
    statements = 0
    base = 0
    with quiet_sqlglot():
        for index, migration in enumerate(files):
            stripped, offsets = remove_placeholders(migration.text, dia)
            bases.append(base)
            maps.append(offsets)
            scan = scan_lines(stripped, dia)
            # a PL/SQL unit runs to its `/`, and at most to the end of its file
            builder.unit_ends = [*(base + end for end in scan.unit_ends), base + len(stripped)]
            if migration.own_session:
                builder.forget_temporary()  # the session before it ended, and its TEMP tables
            start = default_schema_change(migration.schema, dia) if migration.schema else None
            transaction = not migration.autocommit
            builder.session.next_file(fresh=migration.own_session, transaction=transaction, start=start)
            problems.extend(
                ReplayProblem(
                    Where(index, offsets.original(p.offset)), p.message, p.may_hold_schema, p.info, p.includes
                )
                for p in scan.problems
            )
            for stmt in tokenize_statements(scan.text, dia):
                statements += 1 if stmt.tokens else 0
                stmt.base += base  # offsets of all files live on one line, file after file
                builder.follow_session(stmt)
                for p in builder.apply(stmt):
                    problems.append(_problem(p, bases, maps))
                for inner in body_statements(stmt, dia, dialect):  # schema a PL/pgSQL body or DO block makes
                    problems.extend(_problem(p, bases, maps) for p in builder.apply(inner))
            statements += scan.routines
            base += len(stripped) + 1
        problems.extend(_problem(p, bases, maps) for p in builder.unknown_alter_problems())
        builder.forget_dropped_references()

    def where(offset: int) -> Where:
        return _where(offset, bases, maps)

    tables = []
    for key, t in builder.ordered_tables():
        tables.append(
            ReplayTable(
                name=t.name,
                where=where(t.offset),
                schema=t.schema,
                columns=tuple(
                    ReplayColumn(
                        c.name,
                        where(c.offset),
                        builder.enums.resolve(c.type),
                        c.comment,
                        c.primary_key,
                        c.login_default,
                    )
                    for c in t.columns.values()
                ),
                comment=t.comment,
                is_view=t.is_view,
                view_sql=t.view_sql,
                altered_only=t.altered_only,
                temporary=t.temporary,
                foreign_keys=tuple(  # the same reference added twice is one reference
                    dict.fromkeys(
                        ReplayForeignKey(
                            tuple(link.columns), link.ref_table, tuple(link.ref_columns), link.ref_schema
                        )
                        for link in builder.links.get(key, [])
                    )
                ),
            )
        )
    ordered = sorted(problems, key=lambda p: (p.where.file, p.where.offset))
    return ReplayResult(tables=tuple(tables), problems=tuple(ordered), statements=statements)


def _where(offset: int, bases: list[int], maps: list[OffsetMap]) -> Where:
    index = max(0, bisect.bisect_right(bases, offset) - 1)
    return Where(index, maps[index].original(offset - bases[index]))


def _problem(p: DDLProblem, bases: list[int], maps: list[OffsetMap]) -> ReplayProblem:
    return ReplayProblem(_where(p.offset, bases, maps), p.message, p.may_hold_schema, p.info, p.includes)


_Key = tuple[str, str]
_STRINGS = frozenset({TokenType.STRING, TokenType.NATIONAL_STRING})


class MigrationBuilder(SchemaBuilder):
    """`SchemaBuilder` that also applies what only a history holds: drops and renames."""

    def __init__(self, dia: Dialect) -> None:
        super().__init__(dia)
        self.links: dict[_Key, list[Link]] = {}
        """Foreign keys per table key (the keys of `self.tables`)."""
        self._links_to: dict[str, dict[int, tuple[Link, TableBuilder]]] = {}
        """The links that have named each table name key, with the table holding each (some
        may be gone since): what a RENAME or a DROP rewrites, never every table's links."""
        self._created: dict[int, tuple[TableBuilder, list[Link]]] = {}
        self._alter_parser = self.dialect.parser(error_level=ErrorLevel.RAISE)
        self.unknown_alters: dict[str, tuple[int, str, int]] = {}
        """Skipped ALTERs of a table no migration created, by name: (offset of the first,
        its message, how many): one warning per table, not one per statement (patches)."""

    # -- dispatch

    def apply(self, stmt: Statement) -> list[DDLProblem]:
        """Use one statement of a migration; returns its problems (never raises)."""
        if stmt.error is not None or not stmt.tokens:
            return super().apply(stmt)
        kind = classify(stmt.tokens)
        first = keyword(stmt.tokens[0])
        try:
            if kind == "alter":
                return self._migrate_alter(stmt)
            if kind is None and first == "RENAME":
                return self._rename_tables(stmt)
            if kind is None and first in ("EXEC", "EXECUTE") and len(stmt.tokens) > 2:
                return self._sp_rename(stmt)
            if kind in ("table", "view") and self._exists_already(stmt):
                return []
        except Exception as exc:  # noqa: BLE001 - an unexpected tree shape on one statement
            return [DDLProblem(stmt.offset, f"statement not understood ({_short(exc)}); skipped")]
        return super().apply(stmt)

    def _parse(self, stmt: Statement) -> exp.Expr | None:
        tokens = drop_token_placeholders(stmt.tokens)
        try:
            parsed = self._alter_parser.parse(tokens, stmt.sql)
        except (ParseError, TokenError):
            return None
        return parsed[0] if parsed else None

    # -- CREATE: remember its foreign keys; IF NOT EXISTS of a known table changes nothing

    def _exists_already(self, stmt: Statement) -> bool:
        """Whether a `CREATE ... IF NOT EXISTS` meets a table it sees: then it changes nothing."""
        words = [keyword(t) for t in stmt.tokens[:40]]
        for i in range(len(words) - 2):
            if words[i : i + 3] == ["IF", "NOT", "EXISTS"]:
                name, _ = dotted_name(stmt.tokens, i + 3)
                if name:
                    schema = name[-2] if len(name) > 1 else None
                    temporary = self.is_scratch(bool({"TEMP", "TEMPORARY"} & set(words[:i])), schema)
                    unseen = self.unseen_by_if_not_exists()
                    return self._key(name[-1], schema, unseen, temporary=temporary) is not None
        return False

    def unseen_by_if_not_exists(self) -> AbstractSet[_Key]:
        """The keys of tables `CREATE TABLE IF NOT EXISTS` does not see (none: it sees every one)."""
        return frozenset()

    def _build_create(self, stmt: Statement, tree: exp.Create) -> TableBuilder | None:
        builder = super()._build_create(stmt, tree)
        if builder is not None:
            self._created[id(builder)] = (builder, _create_links(tree))
        return builder

    def _store(self, builder: TableBuilder) -> None:
        super()._store(builder)
        key = (name_key(builder.schema or ""), name_key(builder.name))
        if key not in self.tables or self.tables[key] is not builder:
            return
        made = self._created.pop(id(builder), None)
        self.links[key] = []
        self.add_links(key, made[1] if made is not None and made[0] is builder else [])
        self._created.clear()

    def add_links(self, key: _Key, links: list[Link]) -> None:
        """Give the table at `key` foreign keys, their tables found through the search path."""
        owner = self.tables[key]
        held = self.links.setdefault(key, [])
        for link in links:
            if link.ref_schema is None:
                placed = self.through_path(DDLForeignKey(tuple(link.columns), link.ref_table))
                link.ref_schema = placed.ref_schema
            held.append(link)
            self._note_link(link, owner)

    def _note_link(self, link: Link, owner: TableBuilder) -> None:
        self._links_to.setdefault(name_key(link.ref_table), {})[id(link)] = (link, owner)

    def _links_referring(self, table: TableBuilder) -> list[tuple[Link, TableBuilder]]:
        """The links (with their tables) that name `table`, found by its name, not among all."""
        named = self._links_to.get(name_key(table.name), {})
        return [(link, owner) for link, owner in named.values() if self._refers_to(link, table)]

    # -- ALTER TABLE

    def _migrate_alter(self, stmt: Statement) -> list[DDLProblem]:
        tree = self._parse(stmt)
        if not isinstance(tree, exp.Alter) or not isinstance(tree.this, exp.Table):
            # Not parsed (MySQL `ADD (a, b)`, pg `OWNER TO`): the dump reader's recovery.
            return super().apply(stmt)
        table = tree.this
        if tsql_temporary(table):
            return []  # `ALTER TABLE #users` alters the session's scratch, not `users`
        key = self._key(table.name, table.db or None)
        shown = shorten(".".join(alter_target(stmt.tokens)[0]) or table.name, 80)
        actions = bare_column_renames(tree, list(tree.args.get("actions") or ()))
        if key is None:
            adds = any(_adds(a) for a in actions)
            if tree.args.get("exists") and not adds:
                return []
            message = f"ALTER TABLE {shown}: no earlier migration creates table '{shown}'; "
            if not adds:
                first = self.unknown_alters.get(shown.casefold())
                if first is None:
                    self.unknown_alters[shown.casefold()] = (stmt.offset, message + "skipped", 1)
                else:
                    self.unknown_alters[shown.casefold()] = (first[0], first[1], first[2] + 1)
                return []  # said once per table, at the end (`unknown_alter_problems`)
            problem = DDLProblem(
                stmt.offset,
                message + "its new columns are recorded as a table of their own",
                may_hold_schema=False,
            )
            super()._store(TableBuilder(table.name, table.db or None, stmt.offset, altered_only=True))
            key = self._key(table.name, table.db or None)
            assert key is not None
            self.links[key] = []
            self._apply_actions(stmt, tree, key, actions, shown)
            return [problem]
        return self._apply_actions(stmt, tree, key, actions, shown)

    def unknown_alter_problems(self) -> list[DDLProblem]:
        """One warning per table whose ALTERs were skipped (no migration created it)."""
        problems = []
        for offset, message, count in self.unknown_alters.values():
            if count > 1:
                message += f" (and {count - 1} more statement{'s' if count > 2 else ''} changing it)"
            problems.append(DDLProblem(offset, message, may_hold_schema=False))
        return problems

    def _apply_actions(
        self, stmt: Statement, tree: exp.Alter, key: _Key, actions: list[exp.Expr], shown: str
    ) -> list[DDLProblem]:
        problems: list[DDLProblem] = []
        for action in actions:
            builder = self.tables[key]
            elements = action.expressions if isinstance(action, exp.Schema) else [action]
            for element in elements:
                if drops_columns(element) or opaque_drop(element):
                    problems.extend(self._drop_columns(stmt, tree, builder, element, shown))
                    continue
                problem = self._apply_one(stmt, key, builder, element, shown)
                if problem is not None:
                    problems.append(problem)
                key = self._key(builder.name, builder.schema) or key  # after RENAME TO
        return problems

    def _apply_one(
        self, stmt: Statement, key: _Key, builder: TableBuilder, element: exp.Expr, shown: str
    ) -> DDLProblem | None:
        if isinstance(element, exp.ColumnDef):
            if adds_nothing(stmt, element, builder):
                return None
            builder.add(self.column(element, stmt.base))
            self._links_of_columndef(key, element)
            return None
        drop_kind = str(element.args.get("kind")).upper() if isinstance(element, exp.Drop) else ""
        if drop_kind in ("CONSTRAINT", "FOREIGN KEY"):
            for named in element.args.get("tables") or ():
                self._drop_constraint(key, builder, named.name)
            return None
        if isinstance(element, exp.RenameColumn):
            new = element.args.get("to")
            old = element.this.name
            if not isinstance(new, exp.Expr):
                return None
            col = builder.columns.get(name_key(old))
            if col is None:
                return self._no_column(stmt, "RENAME COLUMN", shown, old)
            builder.rename(old, new.name)
            ident = new.this if isinstance(new.this, exp.Identifier) else new
            col.offset = stmt.base + int(ident.meta.get("start", stmt.tokens[0].start))
            self._rename_column_links(key, old, new.name)
            return None
        if isinstance(element, exp.AlterColumn):
            col = builder.columns.get(name_key(element.this.name))
            if col is None:
                return self._no_column(stmt, "ALTER COLUMN", shown, element.this.name)
            dtype = element.args.get("dtype")
            if isinstance(dtype, exp.DataType):
                col.type = self.placed_type(self.sql(dtype))
            comment = element.args.get("comment")
            if isinstance(comment, exp.Literal):
                col.comment = str(comment.this)
            set_default(col, element)
            return None
        if isinstance(element, exp.AlterRename):
            return self._rename_table(stmt, key, element.this)
        if isinstance(element, exp.ModifyColumn) and isinstance(element.this, exp.ColumnDef):
            old = element.args.get("rename_from")
            target = old.name if isinstance(old, exp.Identifier) else element.this.name
            col = builder.columns.get(name_key(target))
            if col is None:
                return self._no_column(stmt, "MODIFY/CHANGE", shown, target)
            if isinstance(old, exp.Identifier) and old.name != element.this.name:
                # MySQL's `CHANGE x x DATE` restates the type only: the column keeps its place
                builder.rename(old.name, element.this.name)
                col.offset = stmt.base + int(element.this.this.meta.get("start", 0))
                self._rename_column_links(key, old.name, element.this.name)
            changed = self.column(element.this, stmt.base)
            col.type = changed.type or col.type
            col.comment = changed.comment or col.comment
            col.login_default = changed.login_default  # MySQL: the new definition's default or none
            return None
        for fk in element.find_all(exp.ForeignKey):
            link = _link(fk)
            if link is not None:
                self.add_links(key, [link])
        for pk in element.find_all(exp.PrimaryKey):
            for part in pk.expressions:
                found = builder.columns.get(name_key(part.name))
                if found is not None:
                    found.primary_key = True
        return None

    def _no_column(self, stmt: Statement, what: str, table: str, column: str) -> DDLProblem:
        return DDLProblem(
            stmt.offset,
            f"ALTER TABLE {table} {what} {shorten(column, 80)}: "
            f"no earlier migration gives table '{table}' a column '{shorten(column, 80)}'",
            may_hold_schema=False,
        )

    def _links_of_columndef(self, key: _Key, cdef: exp.ColumnDef) -> None:
        for ref in cdef.find_all(exp.Reference):
            link = _reference(ref, [cdef.name])
            if link is not None:
                self.add_links(key, [link])

    def _drop_constraint(self, key: _Key, builder: TableBuilder, name: str) -> None:
        """Forget a foreign key or a default by its name (a key also by PostgreSQL's `<t>_<cols>_fkey`)."""

        def named(link: Link) -> str:
            return link.name or f"{builder.name}_{'_'.join(link.columns)}_fkey"

        self.links[key] = [x for x in self.links.get(key, []) if name_key(named(x)) != name_key(name)]
        builder.drop_constraint(name)

    def _drop_column_links(self, key: _Key, column: str) -> None:
        gone = name_key(column)
        self.links[key] = [x for x in self.links.get(key, []) if gone not in {name_key(c) for c in x.columns}]

    def _rename_column_links(self, key: _Key, old: str, new: str) -> None:
        table = self.tables[key]
        for link in self.links.get(key, []):
            link.columns = [new if name_key(c) == name_key(old) else c for c in link.columns]
        for link, _ in self._links_referring(table):
            link.ref_columns = [new if name_key(c) == name_key(old) else c for c in link.ref_columns]

    def _refers_to(self, link: Link, table: TableBuilder) -> bool:
        return name_key(link.ref_table) == name_key(table.name) and (
            link.ref_schema is None
            or table.schema is None
            or name_key(link.ref_schema) == name_key(table.schema)
        )

    # -- RENAME TO, RENAME TABLE, DROP TABLE

    def _rename_table(self, stmt: Statement, key: _Key, new: object) -> DDLProblem | None:
        if not isinstance(new, exp.Table) or not new.name:
            return None
        builder = self.tables[key]
        links = self.links.get(key, [])
        old_name = builder.name
        old_schema = builder.schema
        for link, owner in self._links_referring(builder):  # its own too: a self-reference moves with it
            link.ref_table = new.name
            self._note_link(link, owner)
        builder.name = new.name
        builder.schema = new.db or old_schema
        ident = new.this if isinstance(new.this, exp.Identifier) else None
        builder.offset = (
            stmt.base + int(ident.meta["start"]) if ident and "start" in ident.meta else (stmt.offset)
        )
        new_key = (name_key(builder.schema or ""), name_key(builder.name))
        replaced = self.rekey(key, new_key)
        if new_key != key:
            self.links.pop(key, None)
            self.links[new_key] = links
        if replaced:
            return DDLProblem(
                stmt.offset,
                f"RENAME {old_name} TO {new.name}: a table '{new.name}' already exists; replaced",
                may_hold_schema=False,
            )
        return None

    def _rename_tables(self, stmt: Statement) -> list[DDLProblem]:
        """MySQL `RENAME TABLE a TO b [, c TO d]` (sqlglot keeps it as an opaque command).

        Read from the statement's tokens: names, `TO` and commas only.
        """
        tokens = stmt.tokens
        if len(tokens) == 2 and tokens[1].token_type == TokenType.STRING:
            # MySQL's tokenizer keeps the rest of a RENAME command as one string
            try:
                tokens = [tokens[0], *self.dialect.tokenize(tokens[1].text)]
            except Exception:  # noqa: BLE001 - TokenError or a tokenizer bug: not a rename we read
                return []
        if len(tokens) < 2 or keyword(tokens[1]) != "TABLE":
            return []
        problems: list[DDLProblem] = []
        i = 2
        while i < len(tokens):
            old, i = dotted_name(tokens, i)
            if i >= len(tokens) or keyword(tokens[i]) != "TO":
                break
            new, i = dotted_name(tokens, i + 1)
            if not old or not new:
                break
            key = self._key(old[-1], old[-2] if len(old) > 1 else None)
            if key is None:
                problems.append(
                    DDLProblem(
                        stmt.offset,
                        f"RENAME TABLE {shorten('.'.join(old), 80)}: no earlier migration creates "
                        "it; skipped",
                        may_hold_schema=False,
                    )
                )
            else:
                target = exp.Table(
                    this=exp.to_identifier(new[-1]),
                    db=exp.to_identifier(new[-2]) if len(new) > 1 else None,
                )
                problem = self._rename_table(stmt, key, target)
                if problem is not None:
                    problems.append(problem)
            if i < len(tokens) and tokens[i].text == ",":
                i += 1
        return problems

    def _sp_rename(self, stmt: Statement) -> list[DDLProblem]:
        """T-SQL `EXEC sp_rename 'dbo.t.old', 'new', 'COLUMN'` (and tables without 'COLUMN').

        Read from tokens: the strings are tokenized again for their bracketed names.
        """
        tokens = stmt.tokens
        if tokens[1].text.lower() not in ("sp_rename", "dbo.sp_rename"):
            return []
        args = [t.text for t in tokens[2:] if t.token_type in _STRINGS]
        if len(args) < 2:
            return []
        try:
            parts = [t.text for t in self.dialect.tokenize(args[0]) if t.token_type != TokenType.DOT]
        except Exception:  # noqa: BLE001 - not a name we can read
            return []
        what = args[2].upper() if len(args) > 2 else "OBJECT"
        if what == "COLUMN" and len(parts) >= 2:
            table, column = parts[-2], parts[-1]
            key = self._key(table, parts[-3] if len(parts) > 2 else None)
            if key is None:
                return [self._unknown(stmt, "sp_rename", table)]
            builder = self.tables[key]
            col = builder.columns.get(name_key(column))
            if col is None:
                return [self._no_column(stmt, "sp_rename", table, column)]
            builder.rename(column, args[1])
            col.offset = stmt.base + tokens[2].start
            self._rename_column_links(key, column, args[1])
            return []
        if what == "OBJECT" and parts:
            key = self._key(parts[-1], parts[-2] if len(parts) > 1 else None)
            if key is None:
                return [self._unknown(stmt, "sp_rename", parts[-1])]
            problem = self._rename_table(stmt, key, exp.Table(this=exp.to_identifier(args[1])))
            return [problem] if problem is not None else []
        return []

    def _unknown(self, stmt: Statement, what: str, table: str) -> DDLProblem:
        return DDLProblem(
            stmt.offset,
            f"{what} {shorten(table, 80)}: no earlier migration creates table '{shorten(table, 80)}'; "
            "skipped",
            may_hold_schema=False,
        )

    def _forget(self, key: _Key, *, cascade: bool) -> None:
        self.links.pop(key, None)
        super()._forget(key, cascade=cascade)

    def _forget_references(self, dropped: TableBuilder) -> None:
        gone: dict[int, set[int]] = {}
        owners: dict[int, TableBuilder] = {}
        for link, owner in self._links_referring(dropped):
            gone.setdefault(id(owner), set()).add(id(link))
            owners[id(owner)] = owner
        for at, ids in gone.items():
            owner = owners[at]
            links = self.links.get((name_key(owner.schema or ""), name_key(owner.name)))
            if links is not None:
                links[:] = [x for x in links if id(x) not in ids]

    def _unknown_drop(self, stmt: Statement, what: str, table: exp.Table) -> DDLProblem | None:
        return DDLProblem(stmt.offset, f"{what}: no earlier migration creates it", may_hold_schema=False)

    def _column_dropped(self, builder: TableBuilder, name: str) -> None:
        key = self._key(builder.name, builder.schema)
        if key is not None:
            self._drop_column_links(key, name)

    def _no_dropped_column(
        self, stmt: Statement, table: str, column: str, known: bool, what: str = "DROP"
    ) -> DDLProblem:
        return self._no_column(stmt, "DROP COLUMN" if what == "DROP" else what, table, column)


def _adds(action: exp.Expr) -> bool:
    elements = action.expressions if isinstance(action, exp.Schema) else [action]
    return any(isinstance(e, exp.ColumnDef) for e in elements)


def _create_links(tree: exp.Create) -> list[Link]:
    """The foreign keys of a CREATE TABLE: column `REFERENCES` and table `FOREIGN KEY`s."""
    target = tree.this
    if not isinstance(target, exp.Schema):
        return []
    links: list[Link] = []
    for element in target.expressions:
        if isinstance(element, exp.ColumnDef):
            for ref in element.find_all(exp.Reference):
                link = _reference(ref, [element.name])
                if link is not None:
                    links.append(link)
        else:
            for fk in element.find_all(exp.ForeignKey):
                link = _link(fk)
                if link is not None:
                    links.append(link)
    return links


def _link(fk: exp.ForeignKey) -> Link | None:
    ref = fk.args.get("reference")
    if not isinstance(ref, exp.Reference):
        return None
    link = _reference(ref, [c.name for c in fk.expressions])
    if link is not None and isinstance(fk.parent, exp.Constraint) and fk.parent.name:
        link.name = fk.parent.name
    return link


def _reference(ref: exp.Reference, columns: list[str]) -> Link | None:
    target = ref.this
    ref_columns: list[str] = []
    if isinstance(target, exp.Schema):
        ref_columns = [c.name for c in target.expressions]
        target = target.this
    if not isinstance(target, exp.Table) or not target.name or not columns:
        return None
    return Link(columns, target.name, target.db or None, ref_columns)


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return shorten(f"{type(exc).__name__}: {text[0] if text else ''}", 160)
