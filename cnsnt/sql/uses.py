"""Which columns a statement reads and writes, resolved against the audited schema.

Resolution is sqlglot's: views are expanded into subqueries, `qualify` binds
every column to its source and expands stars, and `traverse_scope` walks the
scopes (CTEs, derived tables, subqueries, set operations). This module only
follows each column reference to the base table it comes from and decides
whether a star pulled it in without the rest of the query needing it (CN303).

`UPDATE`, `DELETE` and `MERGE` produce no scopes, so their read expressions are
rewritten into a synthetic `SELECT ... FROM target [JOIN source] WHERE ...`
that goes through the same machinery; the columns they set are writes of the
target table.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import sqlglot
from sqlglot import exp
from sqlglot.dialects.dialect import Dialect
from sqlglot.errors import ErrorLevel, OptimizeError, ParseError, SqlglotError, TokenError
from sqlglot.optimizer.qualify import qualify
from sqlglot.optimizer.scope import Scope, ScopeType, traverse_scope
from sqlglot.schema import MappingSchema
from sqlglot.tokenizer_core import TokenType

from cnsnt.evidence import DEFAULT_SCHEMAS, Access, ColumnUse, Table
from cnsnt.sql.managed_tables import managed_problem
from cnsnt.sql.parse_reason import plain_reason
from cnsnt.sql.placeholders import strip_table_prefix
from cnsnt.sql.select_into import without_select_into
from cnsnt.sql.tsql_unterminated import unterminated_pieces
from cnsnt.sql.unparsed import crash_message, dialect_hint

#: Schemas of the database's own catalog: statements reading them touch no personal data.
SYSTEM_SCHEMAS = frozenset(
    {"pg_catalog", "information_schema", "sys", "mysql", "performance_schema", "sqlite_master"}
)
_SYSTEM_PREFIXES = ("pg_", "sqlite_")
_VIEW_DEPTH = 8
_MARK = "cnsnt_explicit"
_NO_SCHEMA = "cnsnt_no_schema"
"""Stands for "no schema" in the MappingSchema, which needs one nesting depth for all."""
_DATA_VERBS = frozenset({"SELECT", "WITH", "INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE"})


class ProblemKind(enum.StrEnum):
    """Why (part of) a statement could not be resolved; sources group problems by it."""

    PARSE = "parse"
    UNKNOWN_TABLE = "unknown-table"
    UNKNOWN_COLUMN = "unknown-column"
    STAR = "star"
    UNSUPPORTED = "unsupported"


@dataclass(frozen=True, order=True)
class UseProblem:
    """One reason a statement's uses are incomplete."""

    kind: ProblemKind
    message: str
    subject: str = ""
    """What the problem is about (a table or column name), for grouping."""


@dataclass(frozen=True)
class StatementUses:
    """The resolved uses of one statement, sorted, and what could not be resolved."""

    uses: tuple[ColumnUse, ...] = ()
    problems: tuple[UseProblem, ...] = ()
    kind: str = "other"
    """`select`, `insert`, `update`, `delete`, `merge`, `create`, or `other` (no data touched);
    a COPY is an `insert` when it loads rows, a `select` when it exports them."""


@dataclass(frozen=True)
class TableSpec:
    """A picklable description of one audited table or view (sent once to each worker)."""

    key: str
    """`Table.key`: `schema.table` or `table`."""
    schema: str | None
    name: str
    columns: tuple[tuple[str, str], ...]
    """(column name, `Column.key`) in declaration order."""
    view_sql: str | None = None
    view_dialect: str | None = None


def table_specs(tables: Iterable[Table]) -> list[TableSpec]:
    """Picklable specs of the audited tables, in a stable order."""
    specs = [
        TableSpec(
            key=t.key,
            schema=t.schema,
            name=t.name,
            columns=tuple((c.name, c.key) for c in t.columns),
            view_sql=t.view_sql if t.is_view else None,
            view_dialect=t.dialect,
        )
        for t in tables
    ]
    return sorted(specs, key=lambda s: s.key.lower())


class _Mode(enum.IntEnum):
    """How a column reference is used; higher wins when one column is used several ways."""

    STAR = 1
    """Only a star projection brought it, and nothing downstream needs it."""
    NEEDED = 2


_OUT = 0
"""Demand of the root query's outputs: delivered, so needed unless a star produced them."""


@dataclass
class _Table:
    spec: TableSpec
    columns: dict[str, str] = field(default_factory=dict)
    """Lower-cased column name -> `Column.key`."""
    view: exp.Query | None = None
    view_failed: bool = False


class QuerySchema:
    """The audited tables as sqlglot needs them: built once per audit (and per worker)."""

    def __init__(self, specs: Sequence[TableSpec], dialect: str | None = None) -> None:
        self.dialect = dialect
        self.specs = tuple(specs)
        self._by_qualified: dict[tuple[str, str], _Table] = {}
        self._by_name: dict[str, list[_Table]] = {}
        mapping: dict[str, object] = {}
        nested: dict[str, dict[str, dict[str, str]]] = {}
        for spec in specs:
            db = (spec.schema or _NO_SCHEMA).lower()
            name = spec.name.lower()
            info = self._by_qualified.get((db, name))
            if info is None:
                # The same table in two schema files (a migration, say): one table, all columns.
                info = self._by_qualified[(db, name)] = _Table(spec)
                self._by_name.setdefault(name, []).append(info)
            for column, key in spec.columns:
                info.columns.setdefault(column.lower(), key)
            tables = nested.setdefault(db, {})
            tables[name] = dict.fromkeys(info.columns, "unknown")
        mapping.update(nested)
        self.mapping = MappingSchema(mapping, dialect=dialect, normalize=False)

    @classmethod
    def from_tables(cls, tables: Iterable[Table], dialect: str | None = None) -> QuerySchema:
        """Build from collected tables and views."""
        return cls(table_specs(tables), dialect)

    def lookup(self, table: exp.Table) -> _Table | None:
        """The audited table a (lower-cased) table reference names, if exactly one."""
        db = table.text("db")
        name = table.name
        if db:
            info = self._by_qualified.get((db, name))
            if info is None and db in DEFAULT_SCHEMAS:
                info = self._by_qualified.get((_NO_SCHEMA, name))
            return info
        found = self._by_name.get(name, [])
        if len(found) == 1:
            return found[0]
        return self._by_qualified.get((_NO_SCHEMA, name))

    def ambiguous(self, table: exp.Table) -> list[str]:
        """Keys of the tables an unqualified name could mean, when more than one."""
        if table.text("db"):
            return []
        found = self._by_name.get(table.name, [])
        if len(found) < 2 or (_NO_SCHEMA, table.name) in self._by_qualified:
            return []
        return sorted(t.spec.key for t in found)

    def view_query(self, info: _Table) -> exp.Query | None:
        """A view's defining query, parsed once and lower-cased (a copy per use)."""
        if info.view is None and not info.view_failed and info.spec.view_sql:
            try:
                parsed = sqlglot.parse_one(
                    info.spec.view_sql,
                    dialect=info.spec.view_dialect or self.dialect,
                    error_level=ErrorLevel.RAISE,
                )
            except SqlglotError:
                parsed = None
            if isinstance(parsed, exp.Create):
                parsed = parsed.expression
            if isinstance(parsed, exp.Query):
                _lower_identifiers(parsed)
                info.view = parsed
            else:
                info.view_failed = True
        return info.view.copy() if info.view is not None else None


# --------------------------------------------------------------------------- parsing


def dialect_problem(dialect: str | None) -> str | None:
    """Why sqlglot does not know this dialect name, or None when it does."""
    if not dialect:
        return None
    try:
        Dialect.get_or_raise(dialect)
    except ValueError as exc:
        return str(exc)
    return None


def parse_statements(sql: str, dialect: str | None) -> list[exp.Expr] | UseProblem:
    """Parse a statement (or a few) with sqlglot; a readable problem when it cannot.

    Joomla's `#__` table prefix is dropped first (`#__users` is the table `users`, as the
    DDL reader reads it); a position in a problem then counts without it.
    """
    try:
        text = without_select_into(strip_table_prefix(sql, dialect), dialect)
        parsed = sqlglot.parse(text, dialect=dialect, error_level=ErrorLevel.RAISE)
    except ParseError as exc:
        pieces = _unterminated(text, dialect)
        if pieces is not None:
            return pieces
        detail = exc.errors[0] if exc.errors else {}
        desc = plain_reason(str(detail.get("description") or "syntax error"))
        where = ""
        if detail.get("line"):
            where = f" near line {detail['line']}, column {detail.get('col')} of it"
        hint = dialect_hint(sql, dialect)
        return UseProblem(
            ProblemKind.PARSE, f"cannot parse statement{where}: {desc}" + (f"; {hint}" if hint else "")
        )
    except TokenError:
        # sqlglot's message quotes the text (raw bytes of a binary file, personal data):
        # not repeated, as the DDL reader does not repeat it.
        return UseProblem(
            ProblemKind.PARSE,
            "cannot split the statement into SQL tokens (an unterminated string, quoted "
            "name or comment, or text of another SQL dialect?)",
        )
    except SqlglotError as exc:  # pragma: no cover - other sqlglot failures
        return UseProblem(ProblemKind.PARSE, f"cannot parse statement: {plain_reason(str(exc))}")
    except RecursionError:
        return UseProblem(ProblemKind.PARSE, "statement is nested too deeply to parse")
    except Exception as exc:  # noqa: BLE001 - a sqlglot bug costs this statement only
        # named by what it is and why (T-SQL `[dbo].[p]` read in another dialect), never
        # by sqlglot's own text
        return UseProblem(
            ProblemKind.PARSE,
            f"{crash_message(exc, sql, dialect)}; it was skipped, the rest of the source is audited",
        )
    return [p for p in parsed if p is not None]


def _unterminated(text: str, dialect: str | None) -> list[exp.Expr] | None:
    """A T-SQL batch of statements with no `;` between them, each parsed; None unless all parse."""
    pieces = unterminated_pieces(text, dialect)
    if pieces is None:
        return None
    parsed: list[exp.Expr] = []
    for piece in pieces:
        try:
            parsed.extend(p for p in sqlglot.parse(piece, dialect=dialect, error_level=ErrorLevel.RAISE) if p)
        except (SqlglotError, RecursionError):
            return None
    return parsed


def analyse(sql: str, schema: QuerySchema) -> StatementUses:
    """Parse one statement text and resolve its uses."""
    parsed = parse_statements(sql, schema.dialect)
    if isinstance(parsed, UseProblem):
        return StatementUses(problems=(parsed,), kind="unparsed")
    results = [analyse_expression(e, schema) for e in parsed]
    if len(results) == 1:
        return results[0]
    return _merge_results(results)


def analyse_expression(statement: exp.Expr, schema: QuerySchema) -> StatementUses:
    """Resolve the uses of one parsed statement (the tree is modified)."""
    collector = _Collector(schema)
    _sqlc_parameters(statement)
    try:
        kind = collector.statement(statement)
    except RecursionError:
        collector.problem(ProblemKind.UNSUPPORTED, "statement is nested too deeply to resolve")
        kind = "other"
    except (OptimizeError, SqlglotError) as exc:
        collector.problem(ProblemKind.UNSUPPORTED, f"cannot resolve columns: {exc}")
        kind = "other"
    except Exception as exc:  # noqa: BLE001 - one odd statement must not stop a whole log
        collector.problem(
            ProblemKind.UNSUPPORTED,
            f"internal error while resolving columns ({type(exc).__name__}: {exc}); please report it",
        )
        kind = "other"
    return collector.result(kind)


#: sqlc's parameter macros (docs.sqlc.dev, "Macros"): `sqlc.arg(name)`, `sqlc.narg(name)`
#: and `sqlc.slice(name)` stand for values the Go code passes, as `?` or `$1` do;
#: `sqlc.embed(t)` selects every column of `t`, as `t.*` does.
_SQLC_PARAMETERS = frozenset({"arg", "narg", "slice"})


def _sqlc_parameters(tree: exp.Expr) -> None:
    """Replace sqlc's parameter macros by placeholders, and `sqlc.embed(t)` by `t.*`, in place.

    Their argument is the parameter's name, not a column: `sqlc.arg("cutoff")` in a
    generic-dialect file read as a column `cutoff` that no table holds (unkey: 151
    CN001 warnings over its sqlc query files).
    """
    for dot in list(tree.find_all(exp.Dot)):
        call, macro = dot.expression, dot.this
        if (
            isinstance(call, exp.Anonymous)
            and isinstance(macro, (exp.Identifier, exp.Column))
            and macro.name.lower() == "sqlc"
            and len(call.expressions) == 1
        ):
            macro_name, argument = str(call.this).lower(), call.expressions[0].name
            if macro_name in _SQLC_PARAMETERS:
                dot.replace(exp.Placeholder(this=argument))
            elif macro_name == "embed" and argument:  # every column of that table: `t.*`
                dot.replace(exp.Column(this=exp.Star(), table=exp.to_identifier(argument)))


def _merge_results(results: Sequence[StatementUses]) -> StatementUses:
    merged: dict[tuple[str, Access], list[bool]] = {}
    problems: set[UseProblem] = set()
    for r in results:
        problems.update(r.problems)
        for u in r.uses:
            flags = merged.setdefault((u.column, u.access), [False, False])
            flags[0] |= u.via_star
            flags[1] |= u.needed
    kinds = [r.kind for r in results if r.kind != "other"]
    kind = kinds[0] if kinds else "other"
    return StatementUses(_sorted_uses(merged), tuple(sorted(problems)), kind)


def _sorted_uses(merged: dict[tuple[str, Access], list[bool]]) -> tuple[ColumnUse, ...]:
    return tuple(
        ColumnUse(column=key, access=access, via_star=flags[0], needed=flags[1])
        for (key, access), flags in sorted(merged.items(), key=_use_order)
    )


def _use_order(item: tuple[tuple[str, Access], list[bool]]) -> tuple[str, str]:
    return item[0][0], item[0][1].value


# --------------------------------------------------------------------------- helpers


def _lower_identifiers(tree: exp.Expr) -> None:
    """Fold every identifier to lower case and mark it quoted.

    Matching is case-insensitive (SPEC §1); quoting stops `qualify` from
    re-normalising names per dialect (Snowflake would upper-case them).
    """
    for ident in tree.find_all(exp.Identifier):
        ident.set("this", ident.this.lower() if isinstance(ident.this, str) else ident.this)
        ident.set("quoted", True)


def _is_star(projection: exp.Expr) -> bool:
    """`*` or `t.*` as a projection (not `COUNT(*)`)."""
    return isinstance(projection, exp.Star) or (
        isinstance(projection, exp.Column) and isinstance(projection.this, exp.Star)
    )


def _table_name(table: exp.Table) -> str:
    """The name as written, for messages.

    T-SQL's `#temp`, `##global` and `@variable` keep their sign, and a table-valued function shows
    its name (`dbo.f(...)`: 'dbo' alone named the schema).
    """
    name = table.name
    this = table.this
    if isinstance(this, exp.Identifier):
        name = ("##" if this.args.get("global_") else "#" if this.args.get("temporary") else "") + name
    elif isinstance(this, exp.Parameter):
        name = f"@{name}"  # a table variable
    elif isinstance(this, exp.Func):
        name = f"{this.sql_name() if not isinstance(this, exp.Anonymous) else this.name}(...)"
    parts = (table.text("catalog"), table.text("db"), name)
    return ".".join(p for p in parts if p and p != _NO_SCHEMA)


#: Where a table is a source of its SELECT (a Subquery: the parentheses of a nested join).
_SOURCE_PARENTS = (exp.From, exp.Join, exp.Subquery)


def _is_scratch(table: exp.Table) -> bool:
    """T-SQL's own scratch tables: a `#temp` or `##global` table, a `@table` variable.

    They live for a session or a batch, in no schema: not unknown tables. What flows
    through them is read (or written) where it comes from (or goes to).
    """
    this = table.this
    if isinstance(this, exp.Parameter):
        return True
    return isinstance(this, exp.Identifier) and bool(this.args.get("temporary") or this.args.get("global_"))


def _declared_rows(table: exp.Table) -> list[str]:
    """The columns of T-SQL's rows made of a value, when a table is one, else [].

    `OPENJSON(@j) WITH (col type, ...)` declares them (`key, value, type` without WITH),
    `STRING_SPLIT(@s, ',')` has `value` (and `ordinal`): no table's data.
    """
    this = table.this
    if isinstance(this, exp.OpenJSON):
        declared = [c.name for c in this.expressions if isinstance(c, exp.OpenJSONColumnDef)]
        return declared if all(declared) and declared else ["key", "value", "type"]
    if isinstance(this, exp.Anonymous) and this.name.upper() == "STRING_SPLIT":
        return ["value", "ordinal"]
    return []


def _is_system(table: exp.Table) -> bool:
    db = table.text("db")
    if db in SYSTEM_SCHEMAS:
        return True
    if table.name.lower() == "dual" or table.name.lower().startswith(("v$", "gv$")):
        return True  # Oracle's one-row DUAL and dynamic performance views (stored code reads them)
    return not db and table.name.startswith(_SYSTEM_PREFIXES)


def _projection_of(column: exp.Expr, select: exp.Expr) -> exp.Expr | None:
    """The projection of `select` that contains `column`, or None when used elsewhere."""
    node = column
    while node.parent is not None and node.parent is not select:
        node = node.parent
    if node.parent is select and node.arg_key == "expressions":
        return node
    return None


def _explicit(projection: exp.Expr) -> bool:
    """Tell a projection the author wrote from one that star expansion produced."""
    if projection.meta.get(_MARK):
        return True
    return isinstance(projection, exp.Alias) and bool(projection.this.meta.get(_MARK))


def _mode(explicit: bool, demand: int | None) -> _Mode:
    if demand == _Mode.NEEDED:
        return _Mode.NEEDED
    if demand == _Mode.STAR:
        return _Mode.STAR
    return _Mode.NEEDED if explicit else _Mode.STAR


class _Collector:
    """Accumulates the uses and problems of one statement."""

    def __init__(self, schema: QuerySchema) -> None:
        self.schema = schema
        self.uses: dict[tuple[str, Access], list[bool]] = {}
        self.problems: set[UseProblem] = set()

    def problem(self, kind: ProblemKind, message: str, subject: str = "") -> None:
        self.problems.add(UseProblem(kind, message, subject))

    def result(self, kind: str) -> StatementUses:
        return StatementUses(_sorted_uses(self.uses), tuple(sorted(self.problems)), kind)

    def use(self, key: str, access: Access, mode: _Mode) -> None:
        flags = self.uses.setdefault((key, access), [False, False])
        if mode is _Mode.STAR:
            flags[0] = True
        else:
            flags[1] = True

    # ----------------------------------------------------------------- statements

    def statement(self, stmt: exp.Expr) -> str:
        if isinstance(stmt, exp.Query):
            self.query(stmt, root_demand=_OUT)
            return "select"
        if isinstance(stmt, exp.Insert):
            self.insert(stmt)
            return "insert"
        if isinstance(stmt, exp.Update):
            self.update(stmt)
            return "update"
        if isinstance(stmt, exp.Delete):
            self.delete(stmt)
            return "delete"
        if isinstance(stmt, exp.IfBlock):
            return self.if_block(stmt)
        if isinstance(stmt, exp.Merge):
            self.merge(stmt)
            return "merge"
        if isinstance(stmt, exp.Copy):
            return self.copy(stmt)
        if isinstance(stmt, exp.Create):
            body = stmt.expression
            kind = str(stmt.args.get("kind") or "").upper()
            if isinstance(body, exp.Query) and kind != "VIEW":
                # CREATE TABLE ... AS SELECT copies what it selects.
                self.query(body, root_demand=_Mode.NEEDED)
                return "create"
            return "other"
        if isinstance(stmt, exp.Command):
            inner = _command_statement(stmt, self.schema.dialect)
            if isinstance(inner, exp.Expr):
                return self.statement(inner)
            head = [inner] if inner else str(stmt.this or "").strip().split(None, 1)
            if head and head[0].upper() in _DATA_VERBS | {"DECLARE", "PREPARE"}:
                self.problem(
                    ProblemKind.UNSUPPORTED,
                    f"{head[0].upper()} statement not understood by the SQL parser",
                )
        return "other"

    def if_block(self, block: exp.IfBlock) -> str:
        """T-SQL's `IF <condition> <statement> [ELSE <statement>]`, read as one statement.

        The condition's reads and each branch's statements: `IF NOT EXISTS (SELECT ...)
        INSERT ...` was a statement of no kind, read as nothing.
        """
        condition = block.this
        if isinstance(condition, exp.Expr) and condition.find(exp.Query):
            # read as `SELECT 1 WHERE <condition>`: an EXISTS reads what it filters on only
            self.query(exp.Select(expressions=[exp.Literal.number(1)]).where(condition.copy()), _Mode.NEEDED)
        kinds: list[str] = []
        for branch in (block.args.get("true"), block.args.get("false")):
            inner = branch.expressions if isinstance(branch, exp.Block) else [branch]
            kinds.extend(self.statement(s) for s in inner if isinstance(s, exp.Expr))
        return next((k for k in kinds if k != "other"), "other")

    def _target(self, table: exp.Expr | None) -> _Table | None:
        """Resolve a DML target; unknown targets are problems."""
        if isinstance(table, exp.Schema):
            table = table.this
        if not isinstance(table, exp.Table):
            return None
        probe = table.copy()
        _lower_identifiers(probe)
        if _is_system(probe) or _is_scratch(probe):
            return None
        info = self.schema.lookup(probe) or self._drop_catalog_lookup(probe)
        if info is None:
            self._unknown_table(probe)
        return info

    def _drop_catalog_lookup(self, table: exp.Table) -> _Table | None:
        if table.text("catalog"):
            bare = table.copy()
            bare.set("catalog", None)
            return self.schema.lookup(bare)
        return None

    def _unknown_table(self, table: exp.Table) -> None:
        name = _table_name(table)
        options = self.schema.ambiguous(table)
        if options:
            self.problem(
                ProblemKind.UNKNOWN_TABLE,
                f"table '{name}' is ambiguous ({', '.join(options)}): qualify it with its schema",
                name,
            )
        else:  # Supabase's `auth.users` is said as what it is, made outside the project
            message = managed_problem(name) or f"table '{name}' is not in any audited schema"
            self.problem(ProblemKind.UNKNOWN_TABLE, message, name)

    def _write(self, info: _Table | None, names: Iterable[str]) -> None:
        if info is None:
            return
        for name in names:
            key = info.columns.get(name.lower())
            if key is None:
                self.problem(
                    ProblemKind.UNKNOWN_COLUMN,
                    f"column '{name}' is not in table '{info.spec.key}'",
                    f"{info.spec.key}.{name}",
                )
            else:
                self.use(key, Access.WRITE, _Mode.NEEDED)

    def _write_all(self, info: _Table | None, count: int | None = None) -> None:
        if info is None:
            return
        keys = list(info.columns.values())
        for key in keys[: count if count is not None else len(keys)]:
            self.use(key, Access.WRITE, _Mode.NEEDED)

    def insert(self, stmt: exp.Insert) -> None:
        target = stmt.this
        info = self._target(target)
        body = stmt.expression
        if isinstance(target, exp.Schema) and target.expressions:
            self._write(info, [c.name for c in target.expressions])
        elif isinstance(body, exp.Values) and body.expressions:
            first = body.expressions[0]
            self._write_all(info, len(first.expressions) if isinstance(first, exp.Tuple) else None)
        else:
            self._write_all(info)
        if isinstance(body, exp.Query):
            with_ = stmt.args.get("with_")
            if with_ is not None and body.args.get("with_") is None:
                body.set("with_", with_)
            self.query(body, root_demand=_Mode.NEEDED)
        conflict = stmt.args.get("conflict")
        reads: list[exp.Expr] = []
        if isinstance(conflict, exp.OnConflict):
            for eq in conflict.expressions:
                if isinstance(eq, exp.EQ):
                    self._write(info, [eq.this.name])
                    reads.append(eq.expression)
            if conflict.args.get("where") is not None:
                reads.append(conflict.args["where"].this)
        returning = stmt.args.get("returning")
        if isinstance(returning, exp.Returning):
            reads.extend(returning.expressions)
        reads = [r for r in reads if not _only_excluded(r)]
        if reads and isinstance(target, exp.Schema | exp.Table):
            table = target.this if isinstance(target, exp.Schema) else target
            self._synthetic(table, reads)

    def update(self, stmt: exp.Update) -> None:
        target = stmt.this
        from_ = stmt.args.get("from_")
        named = _aliased_target(target, from_.this if isinstance(from_, exp.From) else None)
        info = self._target(named or target)
        reads: list[exp.Expr] = []
        for eq in stmt.expressions:
            if isinstance(eq, exp.EQ):
                self._write(info, [eq.this.name])
                reads.append(eq.expression)
        returning = stmt.args.get("returning")
        if isinstance(returning, exp.Returning):
            reads.extend(returning.expressions)
        joins: list[exp.Expr] = list(stmt.args.get("joins") or [])
        where = stmt.args.get("where")
        if named is not None and isinstance(from_, exp.From) and isinstance(from_.this, exp.Table):
            # T-SQL's `UPDATE u SET ... FROM dbo.users u`: the FROM holds the target already
            self._synthetic(from_.this, reads, joins=joins, where=where)
            return
        if isinstance(from_, exp.From):
            joins.insert(0, exp.Join(this=from_.this, kind="CROSS"))
        self._synthetic(target, reads, joins=joins, where=where)

    def delete(self, stmt: exp.Delete) -> None:
        target = stmt.this
        self._target(target)
        using = stmt.args.get("using") or []
        joins: list[exp.Expr] = [exp.Join(this=t, kind="CROSS") for t in using]
        joins.extend(stmt.args.get("joins") or [])
        reads: list[exp.Expr] = []
        returning = stmt.args.get("returning")
        if isinstance(returning, exp.Returning):
            reads.extend(returning.expressions)
        self._synthetic(target, reads, joins=joins, where=stmt.args.get("where"))

    def merge(self, stmt: exp.Merge) -> None:
        target = stmt.this
        info = self._target(target)
        reads: list[exp.Expr] = []
        whens = stmt.args.get("whens")
        for when in whens.expressions if isinstance(whens, exp.Whens) else []:
            if when.args.get("condition") is not None:
                reads.append(when.args["condition"])
            then = when.args.get("then")
            if isinstance(then, exp.Update):
                for eq in then.expressions:
                    if isinstance(eq, exp.EQ):
                        self._write(info, [eq.this.name])
                        reads.append(eq.expression)
            elif isinstance(then, exp.Insert):
                cols = then.this
                if isinstance(cols, exp.Tuple):
                    self._write(info, [c.name for c in cols.expressions])
                elif cols is None:
                    self._write_all(info)
                values = then.expression
                if isinstance(values, exp.Tuple):
                    reads.extend(values.expressions)
        source = stmt.args.get("using")
        joins: list[exp.Expr] = []
        if source is not None:
            joins.append(exp.Join(this=source, on=stmt.args.get("on")))
        self._synthetic(target, reads, joins=joins)

    def copy(self, stmt: exp.Copy) -> str:
        """Uses of a COPY: `FROM` loads rows (writes), `TO` exports them (reads).

        `COPY t (cols) FROM ...` writes those columns (`insert`), as a pg_dump's `COPY ...
        FROM stdin` does; `COPY t (cols) | (query) TO ...` reads them (`select`), every one
        needed, as a CREATE TABLE AS needs its star.
        """
        target = stmt.this
        if stmt.args.get("kind"):
            info = self._target(target)
            if isinstance(target, exp.Schema) and target.expressions:
                self._write(info, [c.name for c in target.expressions])
            else:
                self._write_all(info)
            return "insert"
        if isinstance(target, exp.Subquery) and isinstance(target.this, exp.Query):
            self.query(target.this, root_demand=_Mode.NEEDED)
            return "select"
        table = target.this if isinstance(target, exp.Schema) else target
        if not isinstance(table, exp.Table):
            return "other"
        named = target.expressions if isinstance(target, exp.Schema) else []
        columns: list[exp.Expr] = [exp.Column(this=c.copy()) for c in named] or [exp.Star()]
        select = exp.Select(expressions=columns, from_=exp.From(this=table.copy()))
        self.query(select, root_demand=_Mode.NEEDED)
        return "select"

    def _synthetic(
        self,
        target: exp.Expr | None,
        reads: list[exp.Expr],
        *,
        joins: Sequence[exp.Expr] = (),
        where: exp.Expr | None = None,
    ) -> None:
        """Resolve DML read expressions as a SELECT over the target (and its sources).

        The statement's WITH comes along: a CTE it reads (`WITH src AS (...) MERGE ...
        USING src`) was an unknown table.
        """
        if not isinstance(target, exp.Table):
            return
        if not (reads or joins or where is not None or target.args.get("joins")):
            return  # (T-SQL's `DELETE u FROM users u JOIN ...` hangs its joins off the table)
        select = exp.Select(
            expressions=[r.copy() for r in reads] or [exp.Literal.number(1)],
            from_=exp.From(this=target.copy()),
        )
        statement = target.find_ancestor(exp.Update, exp.Delete, exp.Merge)
        if statement is not None:
            with_ = statement.args.get("with_")
            if isinstance(with_, exp.With):
                select.set("with_", with_.copy())
        if joins:
            select.set("joins", [j.copy() for j in joins])
        if where is not None:
            select.set("where", where.copy())
        self.query(select, root_demand=_Mode.NEEDED)

    # ----------------------------------------------------------------- queries

    def query(self, query: exp.Query, root_demand: int) -> None:
        """Qualify a query and collect the base columns each scope reads."""
        _lower_identifiers(query)
        self._stand_in_scratch(query)
        self._expand_views(query, 0)
        for select in query.find_all(exp.Select):
            for projection in select.expressions:
                if not _is_star(projection):
                    projection.meta[_MARK] = True
        qualify(
            query,
            dialect=self.schema.dialect,
            schema=self.schema.mapping,
            validate_qualify_columns=False,
            quote_identifiers=False,
            identify=False,
        )
        self._check_stars(query)
        self._scopes(traverse_scope(query), root_demand)

    def _stand_in_scratch(self, query: exp.Expr) -> None:
        """Replace each scratch table a query reads by a stand-in with the columns it uses.

        `(SELECT NULL AS col, ...) AS alias`: the columns hold no audited data, and sqlglot
        knows them, so it resolves the other names of the statement around them (an
        unqualified column in a subquery over an unknown source stopped the whole
        statement). Before the views are expanded: `#users` is not the table `users`.
        Their columns are the ones the query names with their alias, and those of their
        SELECT that no other source of it has; under a star that a query around it reads
        (`FROM (SELECT * FROM #t) x`), every name of the query no audited table has.
        T-SQL's `OPENJSON(@j) WITH (id INT)` and `STRING_SPLIT(@s, ',')` are ones too, with
        their own columns: rows of a value.
        """
        scratch = [
            t
            for t in query.find_all(exp.Table)
            if isinstance(t.parent, _SOURCE_PARENTS) and (_is_scratch(t) or _declared_rows(t))
        ]
        if not scratch:
            return
        ctes = {cte.alias_or_name: cte.this for cte in query.find_all(exp.CTE)}
        qualified: dict[str, set[str]] = {}
        for column in query.find_all(exp.Column):
            if column.table and not isinstance(column.this, exp.Star):
                qualified.setdefault(column.table, set()).add(column.name)
        claimed: set[int] = set()  # the SELECTs whose orphan columns a scratch table took
        for number, table in enumerate(scratch):
            declared = _declared_rows(table)
            alias = table.alias or (f"cnsnt_rows_{number}" if declared else table.name)
            columns = dict.fromkeys(declared or sorted(qualified.get(alias, ())))
            select = table.parent_select
            if not declared and isinstance(select, exp.Select) and id(select) not in claimed:
                claimed.add(id(select))
                columns.update(dict.fromkeys(self._orphans(select, ctes)))
                if select is not query and any(_is_star(p) for p in select.expressions):
                    columns.update(dict.fromkeys(self._unowned(query)))
            stand_in = exp.Select(
                expressions=[
                    exp.alias_(exp.Null(), exp.to_identifier(name, quoted=True))
                    for name in (columns or {"cnsnt_scratch": None})
                ]
            )
            subquery = exp.Subquery(
                this=stand_in, alias=exp.TableAlias(this=exp.to_identifier(alias, quoted=True))
            )
            for key in ("joins", "laterals", "pivots"):
                # T-SQL's `FROM @t n JOIN ...` hangs its joins off the table
                subquery.set(key, table.args.get(key))
            table.replace(subquery)

    def _unowned(self, query: exp.Expr) -> list[str]:
        """The column names a query uses that no audited table it names has."""
        owned: set[str] = set()
        for table in query.find_all(exp.Table):
            info = self.schema.lookup(table) if not _is_scratch(table) else None
            if info is not None:
                owned.update(info.columns)
        names = {c.name for c in query.find_all(exp.Column) if not isinstance(c.this, exp.Star)}
        return sorted(names - owned - {""})

    def _orphans(self, select: exp.Select, ctes: dict[str, exp.Expr]) -> list[str]:
        """Unqualified columns of a SELECT that none of its other sources has.

        Its own sources come first, as the database reads a name: `IN (SELECT id FROM #t)`
        is the id of `#t`, not of the table around it.
        """
        known: set[str] = set()
        for source in select.find_all(exp.Table, exp.Subquery):
            if source.parent_select is not select or not isinstance(source.parent, _SOURCE_PARENTS):
                continue
            if isinstance(source, exp.Subquery):
                known.update(getattr(source.this, "named_selects", []))
            elif not source.text("db") and source.name in ctes:
                known.update(getattr(ctes[source.name], "named_selects", []))
            elif isinstance(source, exp.Table) and not _is_scratch(source):
                info = self.schema.lookup(source)
                if info is not None:
                    known.update(info.columns)
        aliases = {p.alias for p in select.expressions if isinstance(p, exp.Alias)}
        return sorted(
            {
                c.name
                for c in select.find_all(exp.Column)
                if not c.table
                and c.parent_select is select
                and c.name not in known | aliases
                and not isinstance(c.this, exp.Star)
            }
        )

    def _expand_views(self, tree: exp.Expr, depth: int) -> None:
        """Replace references to audited views with their defining query, recursively.

        Also pins every resolved table to its schema, so sqlglot finds it even
        when the bare name exists in several schemas.
        """
        ctes = {cte.alias_or_name for cte in tree.find_all(exp.CTE)}
        for table in list(tree.find_all(exp.Table)):
            if not isinstance(table.this, exp.Identifier) or _is_system(table):
                continue
            if not table.text("db") and table.name in ctes:
                continue
            if table.text("catalog") and self.schema.lookup(table) is None:
                bare = self._drop_catalog_lookup(table)
                if bare is not None:
                    table.set("catalog", None)
            info = self.schema.lookup(table)
            if info is None:
                continue
            db = (info.spec.schema or _NO_SCHEMA).lower()
            if table.text("db") != db:  # unqualified, or the default schema (`dbo.users`)
                table.set("db", exp.to_identifier(db, quoted=True))
            if not info.spec.view_sql:
                continue
            if depth >= _VIEW_DEPTH:
                self.problem(
                    ProblemKind.UNSUPPORTED,
                    f"view '{info.spec.key}' nests views too deeply to trace",
                    info.spec.key,
                )
                continue
            view = self.schema.view_query(info)
            if view is None:
                continue
            self._expand_views(view, depth + 1)
            alias_name = table.alias or table.name
            columns = [exp.to_identifier(n.lower(), quoted=True) for n, _ in info.spec.columns]
            named = view.named_selects
            alias = exp.TableAlias(this=exp.to_identifier(alias_name, quoted=True))
            if columns and len(columns) == len(named) and "*" not in named:
                alias.set("columns", columns)
            table.replace(exp.Subquery(this=view, alias=alias))

    def _check_stars(self, query: exp.Expr) -> None:
        """Stars `qualify` could not expand: their source is unknown."""
        for select in query.find_all(exp.Select):
            if any(_is_star(p) for p in select.expressions):
                tables = [t for t in select.find_all(exp.Table) if t.parent_select is select]
                if tables and all(_is_system(t) for t in tables):
                    continue  # the catalog holds no personal data
                sources = [_table_name(t) for t in tables if self.schema.lookup(t) is None]
                what = f" over {', '.join(sorted(set(sources)))}" if sources else ""
                self.problem(
                    ProblemKind.STAR,
                    f"SELECT *{what} cannot be expanded: the columns it reads are unknown",
                    ",".join(sorted(set(sources))),
                )

    def _scopes(self, scopes: list[Scope], root_demand: int) -> None:
        demands: dict[int, dict[str, int]] = {}
        for scope in reversed(scopes):
            expr = scope.expression
            if scope.is_root:
                demand: dict[str, int] | None = None
                default: int | None = root_demand
            elif scope.scope_type is ScopeType.SUBQUERY:
                demand, default = None, _Mode.NEEDED
            else:
                demand, default = demands.get(id(scope)), None
            if isinstance(expr, exp.SetOperation):
                if _recursive_cte(expr):
                    # The recursive branch reads the CTE's own outputs: all are needed.
                    demand, default = None, _Mode.NEEDED
                self._union_demand(scope, demand, default, demands)
                continue
            if not isinstance(expr, exp.Select):
                continue
            in_exists = isinstance(expr.parent, exp.Exists) or (
                isinstance(expr.parent, exp.Subquery) and isinstance(expr.parent.parent, exp.Exists)
            )
            self._scope_columns(scope, expr, demand, default, in_exists, demands)

    def _union_demand(
        self,
        scope: Scope,
        demand: dict[str, int] | None,
        default: int | None,
        demands: dict[int, dict[str, int]],
    ) -> None:
        """Pass a set operation's output demand to its branches, by position."""
        names: list[str] = getattr(scope.expression, "named_selects", [])
        for branch in scope.set_operation_scopes:
            branch_names: list[str] = getattr(branch.expression, "named_selects", [])
            target = demands.setdefault(id(branch), {})
            for i, name in enumerate(branch_names):
                outer = names[i] if i < len(names) else name
                value = demand.get(outer) if demand is not None else default
                if value is None:
                    continue
                target[name] = max(target.get(name, value), value)
            if demand is None and default is not None:
                for name in branch_names:
                    target.setdefault(name, default)

    def _scope_columns(
        self,
        scope: Scope,
        select: exp.Select,
        demand: dict[str, int] | None,
        default: int | None,
        in_exists: bool,
        demands: dict[int, dict[str, int]],
    ) -> None:
        sources = scope.sources
        unknown = False
        for source in sources.values():
            if (
                isinstance(source, exp.Table)
                and isinstance(source.this, exp.Identifier)
                and self.schema.lookup(source) is None
            ):
                unknown = True  # its columns cannot be checked
                if not _is_system(source):
                    self._unknown_table(source)
        for column in scope.columns:
            table_alias = column.table
            if not table_alias:
                # With an unknown table in scope the column is most likely its own.
                if column.name and not unknown and not isinstance(column.this, exp.Star):
                    self.problem(
                        ProblemKind.UNKNOWN_COLUMN,
                        f"column '{column.name}' could not be resolved to a table",
                        column.name,
                    )
                continue
            found = sources.get(table_alias)
            if found is None:
                continue  # a correlated reference: the scope that owns the source counts it
            projection = _projection_of(column, select)
            if projection is None:
                mode = _Mode.NEEDED
            else:
                explicit = _explicit(projection)
                if in_exists and not explicit:
                    continue  # EXISTS (SELECT * ...) reads no columns
                if demand is None:
                    out = default
                elif projection.alias_or_name in demand:
                    out = demand[projection.alias_or_name]
                elif explicit:
                    continue  # an output no outer query consumes is not read
                else:
                    out = _Mode.STAR  # but a star still pulled it in
                mode = _mode(explicit, out)
            if isinstance(found, Scope):
                inner = demands.setdefault(id(found), {})
                inner[column.name] = max(inner.get(column.name, mode), mode)
            elif isinstance(found, exp.Table):
                self._base_use(found, column, mode)

    def _base_use(self, table: exp.Table, column: exp.Column, mode: _Mode) -> None:
        if not isinstance(table.this, exp.Identifier) or _is_system(table):
            return
        info = self.schema.lookup(table)
        if info is None:
            self._unknown_table(table)
            return
        key = info.columns.get(column.name)
        if key is None:
            self.problem(
                ProblemKind.UNKNOWN_COLUMN,
                f"column '{column.name}' is not in table '{info.spec.key}'",
                f"{info.spec.key}.{column.name}",
            )
            return
        self.use(key, Access.READ, mode)


def _aliased_target(target: exp.Expr | None, source: exp.Expr | None) -> exp.Table | None:
    """The table of an UPDATE's FROM that its target names (T-SQL: `UPDATE u ... FROM t u`).

    The target is then that table's alias (or the same table, named again), not a table
    of its own. None when the target is a table the FROM does not hold.
    """
    if not isinstance(target, exp.Table) or not isinstance(source, exp.Table):
        return None
    candidates = [source, *(j.this for j in source.args.get("joins") or [])]
    name, db = target.name.lower(), target.text("db").lower()
    for table in candidates:
        if not isinstance(table, exp.Table):
            continue
        if not db and not target.text("catalog") and table.alias_or_name.lower() == name:
            return table
        if not table.alias and table.name.lower() == name and table.text("db").lower() == db:
            return table
    return None


def _recursive_cte(expr: exp.Expr) -> bool:
    cte = expr.parent
    with_ = cte.parent if isinstance(cte, exp.CTE) else None
    return isinstance(with_, exp.With) and bool(with_.args.get("recursive"))


def _only_excluded(node: exp.Expr) -> bool:
    """`excluded.x` in ON CONFLICT reads the proposed row, not a stored column."""
    columns = list(node.find_all(exp.Column))
    return bool(columns) and all(c.table.lower() == "excluded" for c in columns)


def iter_problems(results: Iterable[StatementUses]) -> Iterator[UseProblem]:
    """Every problem of several results (for tests and summaries)."""
    for r in results:
        yield from r.problems


__all__ = [
    "ProblemKind",
    "QuerySchema",
    "StatementUses",
    "TableSpec",
    "UseProblem",
    "analyse",
    "analyse_expression",
    "dialect_problem",
    "parse_statements",
    "table_specs",
]


#: What a statement held in a command (`_command_statement`) may be.
_HELD = (exp.Query, exp.Insert, exp.Update, exp.Delete, exp.Merge)
#: MySQL's REPLACE options INSERT's grammar in sqlglot does not take, at the start. Linear: anchored,
#: a possessive blank run, fixed words.
_REPLACE_OPTION = re.compile(r"\A\s*+(?:LOW_PRIORITY|DELAYED)\b", re.IGNORECASE)


def _command_statement(command: exp.Command, dialect: str | None) -> exp.Expr | str | None:
    """The data statement a command sqlglot keeps opaque holds, parsed.

    MySQL's and SQLite's `REPLACE [INTO] t ...` has INSERT's syntax (a write, as INSERT
    is); PostgreSQL's and T-SQL's `DECLARE c [NO SCROLL] CURSOR [WITH HOLD] FOR query`
    (Django's and SQLAlchemy's server-side cursors) runs its query, and `PREPARE p
    [(types)] AS statement` (MySQL: `PREPARE p FROM 'statement'`) names the statement its
    EXECUTEs run. The command's verb when
    it holds one that does not parse; None when it holds none.
    """
    head = str(command.this or "").strip().upper()
    rest = command.expression.name if isinstance(command.expression, exp.Literal) else ""
    if head == "REPLACE":
        text = "INSERT " + _REPLACE_OPTION.sub("", rest, count=1)
    elif head in ("DECLARE", "PREPARE"):
        try:
            tokens = Dialect.get_or_raise(dialect).tokenize(rest)
        except SqlglotError:
            tokens = []
        words = [t.text.upper() for t in tokens]
        if head == "DECLARE" and "CURSOR" not in words:
            return None  # a variable, not a cursor
        marker, after = ("FOR", "CURSOR") if head == "DECLARE" else ("AS", "")
        text = ""
        depth = 0
        if head == "PREPARE" and len(tokens) == 3 and words[1] == "FROM" \
                and tokens[2].token_type == TokenType.STRING:
            text = tokens[2].text  # MySQL's `PREPARE p FROM 'statement'`: the text, unquoted
            tokens = []
        for i, token in enumerate(tokens[:-1]):
            depth += (token.token_type == TokenType.L_PAREN) - (token.token_type == TokenType.R_PAREN)
            if depth == 0 and words[i] == marker and (not after or after in words[:i]):
                text = rest[tokens[i + 1].start :]
                break
    else:
        return None
    try:
        parsed = sqlglot.parse(text, dialect=dialect, error_level=ErrorLevel.RAISE) if text else []
    except SqlglotError:
        parsed = []
    return parsed[0] if len(parsed) == 1 and isinstance(parsed[0], _HELD) else head


def opaque(parsed: list[exp.Expr]) -> bool:
    """Whether sqlglot read a statement only as an opaque `Command` (its fallback).

    BigQuery's and Snowflake's scripting let them take `FOR ... LOOP`, `END LOOP` or
    `EXCEPTION WHEN ...` pieces of another dialect's routine for commands they pass
    whole: read so, nothing in the statement is audited.
    """
    return bool(parsed) and all(isinstance(e, exp.Command) for e in parsed)
