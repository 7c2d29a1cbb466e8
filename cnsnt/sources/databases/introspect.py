"""Tables, views, columns, keys and comments of a live database, through SQLAlchemy's inspector.

Only the inspector's catalog queries run (one batch per schema where the dialect has
them, so 400 tables cost a handful of round trips). A table the catalog will not
describe becomes a problem with its location; the rest still counts.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import inspect, text
from sqlalchemy.dialects.postgresql.base import PGInspector
from sqlalchemy.engine import Connection, Inspector
from sqlalchemy.engine.reflection import ObjectKind
from sqlalchemy.exc import DBAPIError, SAWarning, SQLAlchemyError
from sqlalchemy.types import Enum, NullType, String, TypeEngine

from cnsnt.evidence import Column, ForeignKey, SourceProblem, Table
from cnsnt.model import Location, Severity
from cnsnt.sources.databases.session import savepoint
from cnsnt.sources.databases.url import DatabaseUrl
from cnsnt.sql.ddl_enums import enum_type
from cnsnt.sql.defaults import default_names_login

T = TypeVar("T")

#: Schemas that hold the server's own catalog, never application data.
_SYSTEM_SCHEMAS = {
    "postgresql": {"information_schema"},
    "mysql": {"information_schema", "mysql", "performance_schema", "sys"},
    "mariadb": {"information_schema", "mysql", "performance_schema", "sys"},
    "mssql": {"information_schema", "sys", "guest"},
    "sqlite": {"temp"},
}
#: Backends where one server holds many unrelated databases as "schemas": read only the
#: one the URL names unless the source entry lists schemas.
_DATABASE_IS_SCHEMA = {"mysql", "mariadb", "oracle"}
#: Backends whose session finds a table through a search path that can start anywhere: a
#: schema is left out of a table's name only when it is `public`, the schema a dump's
#: unqualified `CREATE TABLE` means (`app.users` beside `public.users` are two tables).
_SEARCH_PATH = {"postgresql"}
#: PostgreSQL's default schema: another database's default (`dbo`, `main`) is a schema of its own
#: there (a database moved from SQL Server keeps `dbo` beside `public`).
_PUBLIC = "public"
#: sqlglot's name for each backend's SQL, so view definitions can be traced to tables.
SQL_DIALECTS = {
    "postgresql": "postgres",
    "mysql": "mysql",
    "mariadb": "mysql",
    "sqlite": "sqlite",
    "mssql": "tsql",
    "oracle": "oracle",
    "snowflake": "snowflake",
    "bigquery": "bigquery",
    "duckdb": "duckdb",
}


@dataclass(frozen=True)
class LiveTable:
    """A table as evidence, plus what sampling needs to know about it."""

    table: Table
    schema: str
    """The schema as the database names it (`Table.schema` is None for the default one, see
    `Introspection.shown_schema`)."""
    text_columns: tuple[str, ...] = ()
    """Columns whose type holds free text (the only ones values are sampled from)."""


def driver_reason(exc: BaseException, db: DatabaseUrl) -> str:
    """The driver's own one-line explanation of an error, without credentials."""
    inner = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    text = " ".join(str(inner).split()) or type(inner).__name__
    return db.scrub(text)


def _system(backend: str, schema: str) -> bool:
    name = schema.lower()
    if backend == "postgresql" and name.startswith("pg_"):
        return True
    if backend == "mssql" and name.startswith("db_"):
        return True
    return name in _SYSTEM_SCHEMAS.get(backend, {"information_schema"})


def schemas_to_read(insp: Inspector, db: DatabaseUrl, wanted: Iterable[str]) -> list[str]:
    """The schemas to describe: those the entry lists, else every non-system one."""
    wanted = list(wanted)
    if wanted:
        return wanted
    default = insp.default_schema_name
    if db.backend in _DATABASE_IS_SCHEMA and default:
        return [default]
    return sorted(s for s in insp.get_schema_names() if not _system(db.backend, s))


def type_name(type_: TypeEngine[Any], conn: Connection) -> str | None:
    """The column type as the database spells it (None when the dialect does not know it).

    A PostgreSQL enum type is spelt by its values, `enum('a','b') /* mood */` (its name
    alone says nothing of what it holds), as MySQL spells its inline `ENUM('a','b')`.
    """
    if isinstance(type_, NullType):
        return None
    if isinstance(type_, Enum) and type_.name and type_.enums:
        return enum_type(list(type_.enums), type_.name)
    try:
        return str(type_.compile(dialect=conn.dialect))
    except (SQLAlchemyError, TypeError, NotImplementedError):
        return type(type_).__name__.upper()


def holds_text(type_: TypeEngine[Any]) -> bool:
    """Free text (or, in SQLite, no declared type): values may be sampled."""
    if isinstance(type_, Enum):
        return False
    return isinstance(type_, String | NullType)


_FTS3_SHADOWS = frozenset({"content", "segments", "segdir", "docsize", "stat"})
_RTREE_SHADOWS = frozenset({"node", "parent", "rowid"})
#: Storage tables of SQLite's built-in virtual-table modules (`<virtual>_<suffix>`), per
#: module, as SQLite itself names them shadow tables: an FTS5 table keeps no `_stat`.
_SHADOW_SUFFIXES = {
    "fts3": _FTS3_SHADOWS,
    "fts4": _FTS3_SHADOWS,
    "fts5": frozenset({"config", "content", "data", "docsize", "idx"}),
    "rtree": _RTREE_SHADOWS,
    "rtree_i32": _RTREE_SHADOWS,
    "geopoly": _RTREE_SHADOWS,
}
_VIRTUAL_MODULE = re.compile(r"\ACREATE\s+VIRTUAL\s+TABLE\b.*?\bUSING\s+(\w+)", re.IGNORECASE | re.DOTALL)


def sqlite_shadow_tables(rows: Iterable[tuple[object, object]]) -> set[str]:
    """Of `sqlite_master`'s (name, sql) table rows, those that store a virtual table's data.

    Only the suffixes the virtual table's own module uses count, so a user table that
    merely shares the prefix (`posts_stat` beside an FTS5 `posts`) is read as a table.
    """
    tables = [(str(name), str(sql or "")) for name, sql in rows]
    suffixes: dict[str, frozenset[str]] = {}
    for name, sql in tables:
        module = _VIRTUAL_MODULE.match(sql)
        if module:
            suffixes[name] = _SHADOW_SUFFIXES.get(module[1].lower(), frozenset())
    return {
        name
        for name, _ in tables
        for virtual, owned in suffixes.items()
        if name.startswith(f"{virtual}_") and name[len(virtual) + 1 :] in owned
    }


class Introspection:
    """Describe one database's schemas inside the caller's read-only transaction."""

    def __init__(self, conn: Connection, db: DatabaseUrl) -> None:
        self.conn = conn
        self.db = db
        self.insp: Inspector = inspect(conn)
        self.default = self.insp.default_schema_name
        self.problems: list[SourceProblem] = []
        self.dialect = SQL_DIALECTS.get(db.backend)
        self._visible: dict[str, str | None] = {}

    def shown_schema(self, schema: str) -> str | None:
        """A table's `Table.schema`: None for the database's default schema, as a dump names none.

        In PostgreSQL that is `public`, the schema a dump's unqualified `CREATE TABLE`
        means, wherever the session's search path starts: with `SET search_path = clinic,
        public`, `clinic.accounts` is named, or it and `public.accounts` would be one table
        to every other source (`Table.same_key`) and to the classifier.
        """
        if self.db.backend in _SEARCH_PATH:
            return None if schema == _PUBLIC else schema
        return None if schema == self.default else schema

    def _referred_schema(self, fk: dict[str, Any]) -> str | None:
        """The schema of the table a key points at, as the catalog resolved it when the key was made.

        SQLAlchemy leaves it out where PostgreSQL's search path finds the table from another
        schema than the key's own; the table the search path finds is that one.
        """
        schema: str | None = fk.get("referred_schema")
        if schema is None and self.db.backend in _SEARCH_PATH:
            schema = self._search_path_schema(fk["referred_table"])
        return None if schema is None else self.shown_schema(schema)

    def _search_path_schema(self, name: str) -> str | None:
        """The schema of the table named `name` that the search path finds (catalog query, cached)."""
        if name not in self._visible:
            query = text(
                "SELECT n.nspname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
                "ON n.oid = c.relnamespace WHERE c.oid = to_regclass(:name)"
            )
            quoted = '"' + name.replace('"', '""') + '"'
            try:
                found = self._guarded(lambda: self.conn.execute(query, {"name": quoted}).scalar())
            except SQLAlchemyError:
                found = None
            self._visible[name] = str(found) if found is not None else None
        return self._visible[name]

    def location(self, schema: str, table: str, column: str | None = None) -> Location:
        """`db://url/schema.table[.column]`: where reports point."""
        return Location(database=self.db.shown, table=f"{schema}.{table}", column_name=column)

    def _guarded(self, read: Callable[[], T]) -> T:
        """Run one catalog read so that its failure leaves the transaction usable."""
        with savepoint(self.conn, self.db.backend):
            return read()

    def _problem(
        self,
        message: str,
        location: Location,
        severity: Severity | None = None,
        unread_table: str | None = None,
    ) -> None:
        self.problems.append(
            SourceProblem(message, location, self.db.shown, severity=severity, unread_table=unread_table)
        )

    def read(self, wanted: Iterable[str] = ()) -> list[LiveTable]:
        """Every table and view of the schemas to read, sorted by schema and name."""
        tables: list[LiveTable] = []
        with warnings.catch_warnings():
            # "Did not recognize type 'geometry'": such a column is read with no type,
            # and only cnsnt.cli may write to the terminal.
            warnings.simplefilter("ignore", SAWarning)
            wanted = list(wanted)
            for schema in schemas_to_read(self.insp, self.db, wanted):
                found = self._schema(schema)
                if not found and wanted:
                    self._check_listed(schema)
                tables.extend(found)
        return tables

    def _check_listed(self, schema: str) -> None:
        """A schema an entry lists that has no tables: a problem when the database lacks it.

        Otherwise a misspelt or wrongly cased name (`sales` for `"Sales"`) would read as
        an empty schema and drop it from the audit without a word.
        """
        try:
            known: list[str] = self._guarded(self.insp.get_schema_names)
        except (SQLAlchemyError, NotImplementedError):
            return
        if schema in known:
            return
        near = sorted(k for k in known if k.lower() == schema.lower())
        hint = f"; did you mean '{near[0]}'?" if near else ""
        self._problem(
            f"schema '{schema}' (listed in schemas:) is not in the database, "
            f"or this user may not see it{hint}",
            Location(database=self.db.shown),
        )

    def _multi(self, what: str, read: Callable[[], Any], schema: str) -> dict[Any, Any] | None:
        try:
            found: dict[Any, Any] = self._guarded(read)
            return found
        except NotImplementedError:
            return {}
        except SQLAlchemyError as exc:
            self._problem(
                f"cannot read the {what} of schema '{schema}': {driver_reason(exc, self.db)}",
                Location(database=self.db.shown),
            )
            return None

    def _schema(self, schema: str) -> list[LiveTable]:
        insp = self.insp
        columns = self._multi(
            "columns", lambda: insp.get_multi_columns(schema=schema, kind=ObjectKind.ANY), schema
        )
        if columns is None:
            # The batch failed (and was reported): try table by table, or give up on
            # this schema when even its table list is unreadable.
            columns = self._columns_one_by_one(schema)
            if not columns:
                return []
        pks = self._multi("primary keys", lambda: insp.get_multi_pk_constraint(schema=schema), schema)
        fks = self._multi("foreign keys", lambda: insp.get_multi_foreign_keys(schema=schema), schema)
        comments = self._multi(
            "table comments",
            lambda: insp.get_multi_table_comment(schema=schema, kind=ObjectKind.ANY),
            schema,
        )
        views = set(self._names(schema, insp.get_view_names))
        partitions: set[str] = set()
        if self.db.backend == "postgresql":
            views |= set(self._names(schema, insp.get_materialized_view_names))
            partitions = self._partitions(schema, columns)
        elif self.db.backend == "sqlite":
            partitions = self._sqlite_shadows(schema)
        out = []
        for (_, name), cols in sorted(columns.items(), key=lambda kv: str(kv[0][1])):
            if name in partitions:
                continue
            key = (schema, name)
            out.append(
                self._table(
                    schema,
                    name,
                    cols,
                    (pks or {}).get(key) or {},
                    (fks or {}).get(key) or [],
                    ((comments or {}).get(key) or {}).get("text"),
                    name in views,
                )
            )
        return out

    def _sqlite_shadows(self, schema: str) -> set[str]:
        """The tables SQLite keeps behind a virtual table (FTS3/4/5, R-tree): its storage.

        The virtual table speaks for them, as in a DDL dump where only `CREATE VIRTUAL
        TABLE` is written. Read from `sqlite_master` (a catalog, not user SQL).
        """
        quoted = '"' + schema.replace('"', '""') + '"'
        query = text(f"SELECT name, sql FROM {quoted}.sqlite_master WHERE type = 'table'")
        try:
            rows = self._guarded(lambda: self.conn.execute(query).all())
        except SQLAlchemyError:
            return set()
        return sqlite_shadow_tables((name, sql) for name, sql in rows)

    def _partitions(self, schema: str, columns: dict[Any, list[Any]]) -> set[str]:
        """Partitions: tables that only store rows of a parent with the same columns.

        The parent speaks for them, as in a DDL dump where `CREATE TABLE x PARTITION OF y`
        lists no columns (bare inheritance children are folded the same way).
        """
        options = self._multi(
            "table options", lambda: self.insp.get_multi_table_options(schema=schema), schema
        )
        out = set()
        for (_, name), opts in (options or {}).items():
            parents: tuple[str, ...] = tuple(opts.get("postgresql_inherits") or ())
            if len(parents) != 1 or (schema, parents[0]) not in columns:
                continue
            own = [c["name"] for c in columns.get((schema, name), [])]
            if own == [c["name"] for c in columns[(schema, parents[0])]]:
                out.add(name)
        return out

    def _names(self, schema: str, read: Callable[..., list[str]]) -> list[str]:
        try:
            return self._guarded(lambda: read(schema=schema))
        except NotImplementedError:
            return []
        except SQLAlchemyError as exc:
            self._problem(
                f"cannot list the views of schema '{schema}': {driver_reason(exc, self.db)}",
                Location(database=self.db.shown),
            )
            return []

    def _columns_one_by_one(self, schema: str) -> dict[Any, list[Any]]:
        """Fallback when the batch read fails: describe tables singly, report the unreadable."""
        out: dict[Any, list[Any]] = {}
        listers: list[Callable[..., list[str]]] = [self.insp.get_table_names, self.insp.get_view_names]
        if isinstance(self.insp, PGInspector):
            # Every kind the batch read describes: materialized views and foreign tables too.
            listers += [self.insp.get_materialized_view_names, self.insp.get_foreign_table_names]
        names: list[str] = []
        try:
            for lister in listers:
                # A new list: the inspector caches the one it returns, and its later batch
                # reads (primary keys, foreign keys) would take the views for tables.
                names.extend(self._guarded(lambda f=lister: f(schema=schema)))  # type: ignore[misc]
        except SQLAlchemyError:
            return out
        for name in names:
            try:
                out[(schema, name)] = self._guarded(
                    lambda n=name: self.insp.get_columns(n, schema=schema)  # type: ignore[misc]
                )
            except SQLAlchemyError as exc:
                self._problem(
                    f"cannot read table '{schema}.{name}': {driver_reason(exc, self.db)}",
                    self.location(schema, name),
                    unread_table=name,
                )
        return out

    def _view_sql(self, schema: str, name: str) -> str | None:
        try:
            text = self._guarded(lambda: self.insp.get_view_definition(name, schema=schema))
        except NotImplementedError:
            return None
        except SQLAlchemyError as exc:
            # PostgreSQL locks the tables a view reads to print its definition, so a
            # migration holding one makes this time out: the view's columns still count,
            # but queries through it would silently stop reaching its tables.
            self._problem(
                f"cannot read the definition of view '{schema}.{name}' (queries through it "
                f"are not traced to its tables): {driver_reason(exc, self.db)}",
                self.location(schema, name),
            )
            return None
        return str(text) if text else None

    def _table(
        self,
        schema: str,
        name: str,
        cols: list[Any],
        pk: dict[str, Any],
        fks: list[dict[str, Any]],
        comment: str | None,
        is_view: bool,
    ) -> LiveTable:
        shown_schema = self.shown_schema(schema)
        pk_cols = set(pk.get("constrained_columns") or ())
        columns = tuple(
            Column(
                table=name,
                name=c["name"],
                location=self.location(schema, name, c["name"]),
                source=self.db.shown,
                schema=shown_schema,
                type=type_name(c["type"], self.conn),
                comment=c.get("comment"),
                primary_key=c["name"] in pk_cols or bool(c.get("primary_key")),
                login_default=default_names_login(c.get("default"), self.dialect),
            )
            for c in cols
        )
        foreign_keys = tuple(
            ForeignKey(
                columns=tuple(fk.get("constrained_columns") or ()),
                ref_table=fk["referred_table"],
                ref_columns=tuple(fk.get("referred_columns") or ()),
                ref_schema=self._referred_schema(fk),
            )
            for fk in fks
            if fk.get("referred_table")
        )
        table = Table(
            name=name,
            location=self.location(schema, name),
            source=self.db.shown,
            schema=shown_schema,
            columns=columns,
            comment=comment,
            is_view=is_view,
            view_sql=self._view_sql(schema, name) if is_view else None,
            dialect=self.dialect,
            foreign_keys=foreign_keys,
        )
        text = tuple(c["name"] for c in cols if holds_text(c["type"]))
        return LiveTable(table, schema, text)
