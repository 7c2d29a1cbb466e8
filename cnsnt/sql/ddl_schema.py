"""Schema statements applied to the tables they define: CREATE, ALTER TABLE, COMMENT ON, DROP.

Each statement that can hold schema is parsed by sqlglot and its tree applied in file
order; a statement sqlglot cannot parse goes to `ddl_recover` for its columns, and is
reported as a `DDLProblem` when nothing can be recovered. A `DROP TABLE`/`DROP VIEW` and
an `ALTER TABLE ... DROP [COLUMN] c` take their tables and columns away (`ddl_drops`).
"""

from __future__ import annotations

import bisect
import dataclasses
import sys
from collections.abc import Set as AbstractSet

from sqlglot import exp
from sqlglot.dialects.dialect import Dialect
from sqlglot.errors import ErrorLevel, ParseError, TokenError
from sqlglot.generator import Generator
from sqlglot.parser import Parser
from sqlglot.tokenizer_core import Token, TokenType

from cnsnt.sql.client_lines import is_oracle
from cnsnt.sql.ddl_drops import (
    NOT_COLUMNS,
    SetUnused,
    bare_column_renames,
    command_drop,
    dropped_kind,
    refers_to,
    renamed_references,
    set_unused,
    without_column,
    without_references,
)
from cnsnt.sql.ddl_enums import EnumTypes
from cnsnt.sql.ddl_known import opens_plsql_unit, outside_plsql_units, unknown_statement
from cnsnt.sql.ddl_recover import (
    COLUMN_OPTIONS,
    core_create,
    is_name,
    is_table_element,
    paren_elements,
    recover_column,
    recover_table,
    split_commas,
    token_foreign_keys,
)
from cnsnt.sql.ddl_result import DDLForeignKey, DDLProblem
from cnsnt.sql.ddl_session import (
    TEMP_SCHEMA,
    Session,
    session_change,
    temporary_schemas,
    temporary_scratch,
    transactional_path,
)
from cnsnt.sql.ddl_split import (
    Statement,
    alter_adds,
    alter_matters,
    alter_target,
    classify,
    keyword,
    label,
    mentions_schema,
)
from cnsnt.sql.ddl_tables import ColumnBuilder, TableBuilder, name_key, set_default
from cnsnt.sql.ddl_text import keywords, shorten
from cnsnt.sql.namespaces import name_lookup
from cnsnt.sql.parse_reason import plain_reason
from cnsnt.sql.placeholders import drop_token_placeholders
from cnsnt.sql.unparsed import MAX_PARENTHESES, crash_reason, deepest_parenthesis, too_deep_reason

#: A table's key: its schema's and its name's `name_key` ("" for no schema).
_Key = tuple[str, str]


def tsql_temporary(table: exp.Table) -> bool:
    """Whether a name is T-SQL's `#t` or `##t`, which sqlglot reads as `t` marked temporary.

    Such a table is a session's scratch (never held: `_store`), whatever real table has its name.
    """
    ident = table.this
    marked = isinstance(ident, exp.Identifier) and (ident.args.get("temporary") or ident.args.get("global_"))
    return bool(marked)


class SchemaBuilder:
    """Applies schema statements in file order: CREATE, then ALTERs and COMMENTs."""

    def __init__(self, dia: Dialect) -> None:
        self.dialect = dia
        self.parser: Parser = dia.parser(error_level=ErrorLevel.RAISE)
        self.generator: Generator = dia.generator()
        self.tables: dict[tuple[str, str], TableBuilder] = {}
        self._schemas_of: dict[str, dict[str, None]] = {}
        """The schema keys of the tables of each name key that `_store` made (kept through
        renames and drops): what `_on_path` and `_key` look a name up in, never every table."""
        self._referrers: dict[str, dict[int, TableBuilder]] = {}
        """The tables that have held a foreign key to each name key (some may hold it no
        more): what a RENAME or a DROP rewrites, never every table's keys."""
        self._made = 0
        """How many tables `_store` has placed: the next one's `TableBuilder.place`."""
        self.unit_ends: list[int] = []
        """Where Oracle PL/SQL units may end (SQL*Plus `/` lines), from `scan_lines`."""
        self._unit_end = -1
        self._oracle = is_oracle(dia)
        self.enums = EnumTypes()
        """PostgreSQL's `CREATE TYPE ... AS ENUM` types: their columns are typed by their values."""
        self.defined: set[tuple[str, str]] = set()
        """The keys of every table stored so far, dropped since or not."""
        self.dropped: list[TableBuilder] = []
        """Tables dropped without `CASCADE`: the keys to them wait for the end of the file."""
        self._unknown_drops: list[tuple[int, str, tuple[str, str]]] = []
        """DROPs of a table not defined before them: (offset, what, its key), judged at the end."""
        default = name_lookup(type(dia).__name__.lower()).default
        self.session = Session(default, transactional=transactional_path(dia))
        """The file's search path (`SET search_path`, `USE`), as `follow_session` reads it."""
        self._temporary_scratch = temporary_scratch(dia)
        """Whether a TEMP table is its session's scratch (all but Oracle's global temporary table)."""
        self.temporary_schemas = temporary_schemas(dia)
        """The schema names that qualify a TEMP table (`pg_temp`)."""
        self._temporaries: set[_Key] = set()
        """The keys of the TEMP tables held (under `TEMP_SCHEMA`): what a session's end forgets."""

    def sql(self, node: exp.Expr) -> str:
        """SQL text in the source dialect; one generator, no copy: the trees are ours."""
        return self.generator.generate(node, copy=False)

    def type_text(self, kind: exp.DataType) -> str:
        """A column's type as the source dialect writes it, but a declared BOOLEAN stays one.

        SQLite has no boolean type, so its generator writes INTEGER; the database keeps
        the declared name (and a live read shows BOOLEAN), and it says the column is a flag.
        """
        if kind.this == exp.DataType.Type.BOOLEAN:
            return "BOOLEAN"
        return self.placed_type(self.sql(kind))

    def placed_type(self, text: str) -> str:
        """A column's type, an unqualified enum type qualified by the schema the search path finds it in."""
        order = self.session.order()
        return text if order is None or not self.enums.types else self.enums.placed(text, order)

    # -- entry point

    def follow_session(self, stmt: Statement) -> None:
        """Follow a statement of the file's own session that changes where unqualified names go.

        Only the file's top-level statements run in its session: a routine's body runs
        when it is called.
        """
        if stmt.error is None and stmt.tokens:
            change = session_change(stmt.tokens, stmt.sql, self.parser, self.dialect)
            if change is not None:
                self.session.follow(change)

    def apply(self, stmt: Statement) -> list[DDLProblem]:
        """Use one statement; returns its problems (never raises)."""
        if stmt.error is not None:
            return [
                DDLProblem(
                    stmt.base,
                    "could not be split into SQL tokens (an unterminated string, quoted name or "
                    "comment, or text of another SQL dialect?); skipped up to the next line "
                    "ending in ';'",
                    may_hold_schema=mentions_schema(stmt.sql),
                )
            ]
        if outside_plsql_units(stmt.tokens):
            self._unit_end = -1  # DDL is no piece of a PL/SQL unit: the unit ended before it
        if self.enums.apply(stmt.tokens, self.session.creates_in(), self.session.order()):
            return []
        kind = classify(stmt.tokens)
        if kind is None and dropped_kind(stmt) is not None:
            return self._drop(stmt)
        if kind is None:
            return self._other(stmt)
        unused = set_unused(stmt.tokens) if kind == "alter" else None
        if unused is not None:
            return self._set_unused(stmt, unused)
        if kind == "alter" and not alter_matters(stmt.tokens):
            return []
        tokens = drop_token_placeholders(stmt.tokens)
        problems = self._parse_and_apply(stmt, kind, tokens)
        unknown = _unknown_quote(tokens) if kind in ("table", "alter") and not problems else None
        if unknown is not None:
            problems.append(
                DDLProblem(
                    stmt.base + unknown.start,
                    f"{label(kind, tokens)}: {unknown.text!r} quotes no name in this SQL dialect, "
                    "so columns named in it may be lost; is this MySQL text?",
                )
            )
        escaped = _backslash_quote(tokens)
        if escaped is not None:
            problems.append(
                DDLProblem(
                    stmt.base + escaped.start,
                    f"{label(kind, tokens)}: a string ends in a backslash and more text follows it "
                    "(in MySQL `\\'` is a quote inside the string): columns after it may be lost; "
                    "is this MySQL text?",
                )
            )
        return problems

    def _other(self, stmt: Statement) -> list[DDLProblem]:
        """A statement that holds no schema: skipped, and reported only if cnsnt does not know it.

        In Oracle SQL, the pieces of a PL/SQL unit, which `;` cut up up to the `/` that
        ends it or, without one, to the end of the file or the next DDL statement
        (`CURSOR c IS ...`, `PROCEDURE p;` in a package, `WHEN OTHERS THEN RAISE`), are not
        statements.
        """
        if self._oracle and opens_plsql_unit(stmt.tokens):
            # SQL*Plus runs a unit up to its `/`; without one, the rest of the script is in it
            later = bisect.bisect_left(self.unit_ends, stmt.offset)
            end = self.unit_ends[later] if later < len(self.unit_ends) else sys.maxsize
            self._unit_end = max(self._unit_end, end)
            return []
        if stmt.offset < self._unit_end:
            return []
        not_known = unknown_statement(stmt, self.dialect)
        return [] if not_known is None else [not_known]

    def _parse_and_apply(self, stmt: Statement, kind: str, tokens: list[Token]) -> list[DDLProblem]:
        """Parse one schema statement and apply it (recovering what sqlglot cannot parse)."""
        if deepest_parenthesis(tokens)[0] > MAX_PARENTHESES:
            return self._too_deep(stmt, kind, tokens)
        try:
            parsed = self.parser.parse(tokens, stmt.sql)
        except (ParseError, TokenError) as exc:
            return self._unparsed(stmt, kind, tokens, _parse_error(exc, stmt))
        except RecursionError:
            return self._too_deep(stmt, kind, tokens)
        except Exception as exc:  # noqa: BLE001 - a sqlglot bug on one statement
            # why, in the user's terms (T-SQL `[dbo].[t]` in another dialect), not sqlglot's text
            reason = crash_reason(exc, tokens, self.dialect)
            return self._unparsed(stmt, kind, tokens, reason)
        tree = parsed[0] if parsed else None
        try:
            if isinstance(tree, exp.Create):
                return self._create(stmt, kind, tokens, tree)
            if isinstance(tree, exp.Alter):
                return self._alter(stmt, tree)
            if isinstance(tree, exp.Comment):
                return self._comment(stmt, tree)
        except RecursionError:  # parsed, but too deep to write back (a view's SELECT)
            return self._too_deep(stmt, kind, tokens)
        except Exception as exc:  # noqa: BLE001 - an unexpected tree shape
            return [DDLProblem(stmt.offset, f"{label(kind, tokens)} not understood ({exc}); skipped")]
        return self._unparsed(stmt, kind, tokens, "sqlglot keeps it only as an opaque command")

    # -- CREATE

    def _create(self, stmt: Statement, kind: str, tokens: list[Token], tree: exp.Create) -> list[DDLProblem]:
        builder = self._build_create(stmt, tree)
        if builder is None:
            return self._unparsed(stmt, kind, tokens, "no table name found")
        if builder.is_view and not isinstance(tree.expression, exp.Query):
            return self._unparsed(stmt, kind, tokens, "no SELECT found")
        if builder.columns or builder.is_view:
            missing = self._missing_sources(tree)
            self._store(builder)
            if not missing:
                return []
            return [
                DDLProblem(
                    stmt.offset,
                    f"{label(kind, tokens)}: the columns it takes from {', '.join(missing)} cannot be told "
                    "from this file (a table it does not define)",
                )
            ]
        # No columns: either they come from elsewhere, or sqlglot lost the column list.
        source = None
        if isinstance(tree.expression, exp.Query):
            source = "AS SELECT *"
        properties = tree.args.get("properties")
        for prop in properties.expressions if isinstance(properties, exp.Properties) else ():
            if isinstance(prop, (exp.LikeProperty, exp.PartitionedOfProperty)):
                source = f"{'LIKE' if isinstance(prop, exp.LikeProperty) else 'PARTITION OF'} "
                source += f"{self.sql(prop.this)}, a table this file does not define"
        if source is None:
            return self._unparsed(stmt, kind, tokens, "no column list found")
        self._store(builder)
        return [
            DDLProblem(
                stmt.offset,
                f"{label(kind, tokens)}: its columns cannot be told from this file ({source})",
            )
        ]

    def _missing_sources(self, tree: exp.Create) -> list[str]:
        """The tables a CREATE takes columns from that this file has not defined.

        PostgreSQL's `LIKE u` element of a column list and `INHERITS (u, ...)`.
        """
        target = tree.this
        sources = [
            ("LIKE", element.this)
            for element in (target.expressions if isinstance(target, exp.Schema) else ())
            if isinstance(element, exp.LikeProperty)
        ]
        properties = tree.args.get("properties")
        for prop in properties.expressions if isinstance(properties, exp.Properties) else ():
            if isinstance(prop, exp.InheritsProperty):
                sources.extend(("INHERITS", parent) for parent in prop.expressions)
        return [
            f"{word} {self.sql(table)}"
            for word, table in sources
            if isinstance(table, exp.Table) and self._find(table.name, table.db or None) is None
        ]

    def _store(self, builder: TableBuilder) -> None:
        """Record a table; a later CREATE of the same name replaces it, as DROP+CREATE does.

        T-SQL `#temp` tables (met inside procedure batches) are not schema. A TEMP table
        (`CREATE TEMP TABLE`, `CREATE TABLE pg_temp.t`) is held under `TEMP_SCHEMA`, apart
        from the real table of its name, which an unqualified name finds after it
        (`_key`); it is no table of the schema left behind (`ordered_tables`).
        """
        if not builder.name.startswith("#"):
            if builder.schema is None:
                self.session.made_unqualified()
            if self.is_scratch(builder.temporary, builder.schema):
                builder.temporary = True
                builder.schema = TEMP_SCHEMA
            elif builder.schema is None:
                builder.schema = self.session.creates_in()
            self.put((name_key(builder.schema or ""), name_key(builder.name)), builder)
            builder.foreign_keys = [self.through_path(k) for k in builder.foreign_keys]  # itself too

    def is_scratch(self, temporary: bool, schema: str | None) -> bool:
        """Whether a table made `temporary` (or in `schema`) is a session's TEMP table."""
        return (temporary and self._temporary_scratch) or (
            schema is not None and name_key(schema) in self.temporary_schemas
        )

    def forget_temporary(self) -> None:
        """The session ends: its TEMP tables go (Flyway and sqitch give each migration its own)."""
        for key in sorted(self._temporaries):
            if key in self.tables:
                self._forget(key, cascade=False)
        self._temporaries.clear()

    def put(self, key: tuple[str, str], builder: TableBuilder) -> None:
        """Hold a table under `key`, indexed for lookups by name and for the keys it holds.

        One that replaces a table of the same key takes its place in the file's order.
        """
        earlier = self.tables.get(key)
        if earlier is not None:
            builder.place = earlier.place
        else:
            builder.place = self._made
            self._made += 1
        self.tables[key] = builder
        self._schemas_of.setdefault(key[1], {})[key[0]] = None
        self.defined.add(key)
        if key[0] == TEMP_SCHEMA:
            self._temporaries.add(key)
        for fk in builder.foreign_keys:
            self._refer(builder, fk)

    def ordered_tables(self) -> list[tuple[tuple[str, str], TableBuilder]]:
        """The tables in the order the file made them (a renamed one keeps its place).

        Not the TEMP tables: the session that made them ends with the file.
        """
        kept = (item for item in self.tables.items() if item[0][0] != TEMP_SCHEMA)
        return sorted(kept, key=lambda item: item[1].place)

    def _refer(self, builder: TableBuilder, key: DDLForeignKey) -> None:
        """Note that `builder` holds a foreign key to `key.ref_table` (for `_referring`)."""
        self._referrers.setdefault(name_key(key.ref_table), {})[id(builder)] = builder

    def _referring(self, name: str) -> list[TableBuilder]:
        """The tables that may hold foreign keys to a table named `name` (a superset)."""
        return list(self._referrers.get(name_key(name), {}).values())

    def _add_key(self, builder: TableBuilder, key: DDLForeignKey) -> None:
        """Give a table a foreign key an ALTER adds, its table found through the search path."""
        placed = self.through_path(key)
        builder.add_foreign_key(placed)
        self._refer(builder, placed)

    def through_path(self, key: DDLForeignKey) -> DDLForeignKey:
        """`key` naming the schema of the table the file's search path finds for it.

        A key that names its schema, or one made where no path is set, is left as it is;
        so is one whose table the path does not find among the tables defined so far.
        """
        if key.ref_schema is not None or self.session.order() is None:
            return key
        found = self._on_path(key.ref_table)
        schema = self.tables[found].schema if found is not None else None
        if schema is None or self.session.is_default(schema):
            return key
        return dataclasses.replace(key, ref_schema=schema)

    def _on_path(self, name: str, hidden: AbstractSet[_Key] = frozenset()) -> _Key | None:
        """The key of the table an unqualified `name` finds through the search path, if any.

        Looked for among the tables of that name, each placed by the path's `order`: a
        lookup costs the tables of its name, not the length of the path. The tables at
        `hidden` are not there to it.
        """
        order = self.session.order()
        if order is None:
            return None
        named = name_key(name)
        placed = [
            (order[schema], schema)
            for schema in self._schemas_of.get(named, ())
            if schema in order and (schema, named) in self.tables and (schema, named) not in hidden
        ]
        return (min(placed)[1], named) if placed else None

    def _build_create(self, stmt: Statement, tree: exp.Create) -> TableBuilder | None:
        """The table or view a parsed CREATE defines; None when it names none."""
        target = tree.this
        table = target.this if isinstance(target, exp.Schema) else target
        if not isinstance(table, exp.Table) or not table.name:
            return None
        # T-SQL `#t` / `##t`: sqlglot drops the `#` and marks the name; `_store` skips it
        temporary = tsql_temporary(table)
        builder = TableBuilder(("#" if temporary else "") + table.name, table.db or None, stmt.offset)
        builder.is_view = str(tree.args.get("kind") or "").upper() == "VIEW"
        properties = tree.args.get("properties")
        builder.temporary = isinstance(properties, exp.Properties) and any(
            isinstance(p, exp.TemporaryProperty) for p in properties.expressions
        )
        if isinstance(target, exp.Schema):
            self._schema_elements(builder, target, stmt.base)
        query = tree.expression
        if builder.is_view and isinstance(query, exp.Expr):
            builder.view_sql = self.sql(query)
        if isinstance(query, exp.Query) and not builder.columns:
            for projection in query.selects:
                name = projection.alias_or_name
                if name and not isinstance(projection, exp.Star) and name != "*":
                    builder.add(ColumnBuilder(name, _offset(projection, stmt)))
        for prop in properties.expressions if isinstance(properties, exp.Properties) else ():
            if isinstance(prop, exp.SchemaCommentProperty):
                builder.comment = _string(prop.this)
            elif isinstance(prop, (exp.LikeProperty, exp.PartitionedOfProperty)) and isinstance(
                prop.this, exp.Table
            ):
                # CREATE TABLE t LIKE u / PARTITION OF u: t gets u's columns (at u's places)
                source = self._find(prop.this.name, prop.this.db or None)
                for col in source.columns.values() if source and not builder.columns else ():
                    builder.add(dataclasses.replace(col))
            elif isinstance(prop, exp.InheritsProperty):
                # PostgreSQL `INHERITS (u)`: u's columns come first; one the table states again
                # is merged into it, at its place
                inherited: dict[str, ColumnBuilder] = {}
                for parent in prop.expressions:
                    for col in self._columns_of(parent):
                        inherited.setdefault(name_key(col.name), col)
                builder.columns = {**inherited, **builder.columns}
            elif isinstance(prop, exp.ModuleProperty) and not builder.columns:
                # SQLite CREATE VIRTUAL TABLE t USING fts4(a, b): the arguments are columns
                for arg in prop.expressions:
                    if isinstance(arg, exp.Identifier):
                        builder.add(ColumnBuilder(arg.name, stmt.base + _meta_start(arg)))
        return builder

    def _columns_of(self, table: object) -> list[ColumnBuilder]:
        """Copies of the columns of a table defined earlier (none when it is not)."""
        source = self._find(table.name, table.db or None) if isinstance(table, exp.Table) else None
        return [dataclasses.replace(col) for col in source.columns.values()] if source else []

    def _schema_elements(self, builder: TableBuilder, schema: exp.Schema, base: int) -> None:
        primary: list[str] = []
        for element in schema.expressions:
            if isinstance(element, exp.ColumnDef) and _is_index(element):
                continue
            if isinstance(element, exp.ColumnDef):
                builder.add(self.column(element, base))
                for key in _column_references(element):
                    builder.add_foreign_key(key)
            elif isinstance(element, exp.Identifier):
                # a view's column list: CREATE VIEW v (a, b) AS ...
                builder.add(ColumnBuilder(element.name, base + _meta_start(element)))
            elif isinstance(element, exp.LikeProperty) and isinstance(element.this, exp.Table):
                # PostgreSQL `CREATE TABLE t (LIKE u INCLUDING ALL, c int)`: u's columns, here
                for copied in self._columns_of(element.this):
                    builder.add(copied)
            else:
                primary.extend(_primary_key_names(element))
                for key in _foreign_keys(element):
                    builder.add_foreign_key(key)
                _mark_unique(builder, element)
        for name in primary:
            col = builder.columns.get(name_key(name))
            if col is not None:
                col.primary_key = True

    def column(self, cdef: exp.ColumnDef, base: int) -> ColumnBuilder:
        """The column a parsed column definition describes; `base` is its statement's offset."""
        kind = cdef.args.get("kind")
        col = ColumnBuilder(
            cdef.name,
            base + _meta_start(cdef.this if isinstance(cdef.this, exp.Expr) else cdef),
            type=self.type_text(kind) if isinstance(kind, exp.DataType) else None,
        )
        for constraint in cdef.args.get("constraints") or ():
            ckind = constraint.args.get("kind")
            if isinstance(ckind, exp.CommentColumnConstraint):
                col.comment = _string(ckind.this)
            elif isinstance(ckind, exp.PrimaryKeyColumnConstraint):
                col.primary_key = True
            elif isinstance(ckind, exp.UniqueColumnConstraint):
                col.unique = True
            elif isinstance(ckind, exp.DefaultColumnConstraint):
                col.take_default(ckind.this)
                named = constraint.this  # T-SQL `c varchar(12) CONSTRAINT DF_t_c DEFAULT ...`
                col.default_constraint = named.name if isinstance(named, exp.Identifier) else None
        return col

    # -- ALTER TABLE

    def _alter(self, stmt: Statement, tree: exp.Alter) -> list[DDLProblem]:
        table = tree.this
        if not isinstance(table, exp.Table) or tsql_temporary(table):
            return []  # `ALTER TABLE #users` alters the session's scratch, not `users`
        builder = self._find(table.name, table.db or None)
        problems: list[DDLProblem] = []
        shown = shorten(self.sql(table), 80)
        for action in bare_column_renames(tree, list(tree.args.get("actions") or ())):
            elements = action.expressions if isinstance(action, exp.Schema) else [action]
            for element in elements:
                if isinstance(element, exp.ColumnDef):
                    if builder is None:
                        builder = TableBuilder(table.name, table.db or None, stmt.offset, altered_only=True)
                        self._store(builder)
                    if adds_nothing(stmt, element, builder):
                        continue
                    builder.add(self.column(element, stmt.base))
                    for key in _column_references(element):
                        self._add_key(builder, key)
                elif drops_columns(element) or opaque_drop(element):
                    problems.extend(self._drop_columns(stmt, tree, builder, element, shown))
                elif builder is None:
                    continue
                elif isinstance(element, exp.Drop) and str(element.args.get("kind")) == "CONSTRAINT":
                    for constraint in element.args.get("tables") or ():
                        builder.drop_constraint(constraint.name)
                elif isinstance(element, exp.RenameColumn):
                    new = element.args.get("to")
                    if isinstance(new, exp.Expr):
                        builder.rename(element.this.name, new.name)
                elif isinstance(element, exp.AlterRename):
                    problems.extend(self._renamed(stmt, builder, element.this))
                elif isinstance(element, exp.ModifyColumn) and isinstance(element.this, exp.ColumnDef):
                    # MySQL CHANGE old new TYPE / MODIFY col TYPE: the column keeps its place
                    old = element.args.get("rename_from")
                    if isinstance(old, exp.Identifier):
                        builder.rename(old.name, element.this.name)
                    col = builder.columns.get(name_key(element.this.name))
                    if col is not None:
                        changed = self.column(element.this, stmt.base)
                        col.type = changed.type or col.type
                        col.comment = changed.comment or col.comment
                        col.take_default_of(changed)
                elif isinstance(element, exp.AlterColumn):
                    col = builder.columns.get(name_key(element.this.name))
                    if col is not None:
                        set_default(col, element)
                else:
                    for name in _primary_key_names(element):
                        col = builder.columns.get(name_key(name))
                        if col is not None:
                            col.primary_key = True
                    for key in _foreign_keys(element):
                        self._add_key(builder, key)
                    _mark_unique(builder, element)
        return problems

    def _renamed(self, stmt: Statement, builder: TableBuilder, new: object) -> list[DDLProblem]:
        """`ALTER TABLE new_t RENAME TO t`: the table takes the name, and the keys to it follow.

        The last step of SQLite's rebuild (`CREATE TABLE new_t`, copy, `DROP TABLE t`,
        rename), which the other tables' keys to `t` survive by name.
        """
        if not isinstance(new, exp.Table) or not new.name:
            return []  # PostgreSQL's `RENAME a TO b`, a column, came as one (`bare_column_renames`)
        old_key = (name_key(builder.schema or ""), name_key(builder.name))
        referring = self._referring(builder.name)
        renamed_references(referring, builder, new.name)
        now_named = self._referrers.setdefault(name_key(new.name), {})
        for table in referring:  # their keys name the new name now (a superset: some may not)
            now_named[id(table)] = table
        old_name = builder.name
        builder.name = new.name
        builder.schema = new.db or builder.schema
        new_key = (name_key(builder.schema or ""), name_key(builder.name))
        replaced = self.rekey(old_key, new_key)
        if not replaced:
            return []
        return [
            DDLProblem(
                stmt.offset,
                f"RENAME {shorten(old_name, 80)} TO {shorten(new.name, 80)}: "
                "a table of that name already exists; replaced",
                may_hold_schema=False,
            )
        ]

    def rekey(self, old: tuple[str, str], new: tuple[str, str]) -> bool:
        """Hold the table at `old` under `new`, in its place; True when it replaced another.

        Popped and put back, not the whole dict rebuilt: a file of thousands of renames
        stays linear (`ordered_tables` keeps the order).
        """
        if new == old:
            return False
        builder = self.tables.pop(old)
        self._unindex(old)
        replaced = self.tables.pop(new, None) is not None
        self.tables[new] = builder
        self._schemas_of.setdefault(new[1], {})[new[0]] = None
        self.defined.add(new)
        if new[0] == TEMP_SCHEMA:
            self._temporaries.add(new)
        return replaced

    def _drop_columns(
        self, stmt: Statement, tree: exp.Alter, builder: TableBuilder | None, element: exp.Expr, shown: str
    ) -> list[DDLProblem]:
        """`DROP [COLUMN] [IF EXISTS] a` (MySQL and PostgreSQL let `COLUMN` out), T-SQL's `DROP COLUMN a, b`.

        A column that is not there is a warning unless the statement says `IF EXISTS` or
        runs guarded in a routine body: the dump drops what this file does not define.
        Oracle's `DROP (a, b)`, which sqlglot keeps as an opaque command, is read from its
        tokens; another DROP it cannot parse is reported (the columns stay read).
        """
        if isinstance(element, exp.Command):
            text = str(element.args.get("expression") or "")
            names = command_drop(text, self.dialect)
            if names is None:
                return [
                    DDLProblem(
                        stmt.offset,
                        f"ALTER TABLE {shown} DROP {shorten(text.strip(), 80)}: "
                        "could not be parsed (sqlglot keeps it only as an opaque command), so the "
                        "columns it drops are still read",
                        may_hold_schema=False,
                    )
                ]
            if_exists = False
        else:
            names = [col.name for col in element.args.get("tables") or ()]
            if_exists = bool(element.args.get("exists"))
        quiet = if_exists or stmt.guarded or bool(tree.args.get("exists"))
        return self._drop_named(stmt, builder, names, shown, quiet=quiet)

    def _set_unused(self, stmt: Statement, unused: SetUnused) -> list[DDLProblem]:
        """Oracle's `SET UNUSED (a, b)` / `SET UNUSED COLUMN a`: the columns go, as `DROP (a, b)`'s go.

        One that cannot be read is reported (the columns stay read), as an opaque DROP is.
        """
        shown = shorten(".".join(unused.table), 80)
        if unused.columns is None:
            rest = stmt.tokens[unused.start :]
            what = stmt.sql[rest[0].start : rest[-1].end + 1] if rest else ""
            return [
                DDLProblem(
                    stmt.offset,
                    f"ALTER TABLE {shown} SET UNUSED {shorten(what, 80)}: could not be read, so the "
                    "columns it sets unused are still read",
                    may_hold_schema=False,
                )
            ]
        builder = self._find(unused.table[-1], unused.table[-2] if len(unused.table) > 1 else None)
        return self._drop_named(stmt, builder, unused.columns, shown, quiet=stmt.guarded, what="SET UNUSED")

    def _drop_named(
        self,
        stmt: Statement,
        builder: TableBuilder | None,
        names: list[str],
        shown: str,
        *,
        quiet: bool,
        what: str = "DROP",
    ) -> list[DDLProblem]:
        """Drop the named columns of a table; one it does not have is a warning unless `quiet`."""
        problems: list[DDLProblem] = []
        for name in names:
            if builder is not None and builder.columns.pop(name_key(name), None) is not None:
                self._column_dropped(builder, name)
            elif not quiet:
                problems.append(self._no_dropped_column(stmt, shown, name, builder is not None, what))
        return problems

    def _column_dropped(self, builder: TableBuilder, name: str) -> None:
        """What else goes with a dropped column: the foreign keys it is part of."""
        without_column(builder, name)

    def _no_dropped_column(
        self, stmt: Statement, table: str, column: str, known: bool, what: str = "DROP"
    ) -> DDLProblem:
        """The warning for a DROP (`what`) of a column this file has not defined (nothing is dropped)."""
        where = (
            f"table '{table}' has no column '{shorten(column, 80)}'"
            if known
            else (f"no table '{table}' is defined")
        )
        return DDLProblem(
            stmt.offset,
            f"ALTER TABLE {table} {what} {shorten(column, 80)}: {where} before it in this file; "
            "nothing dropped",
            may_hold_schema=False,
        )

    # -- DROP TABLE / VIEW

    def _drop(self, stmt: Statement) -> list[DDLProblem]:
        """`DROP TABLE a, b` / `DROP VIEW v` (`IF EXISTS`, `CASCADE`, names qualified or quoted).

        The tables are gone, and the foreign keys to them (`_forget`). A DROP of a table not defined
        before it is judged at the end (`unknown_drop_problems`): a clean-up before the
        CREATE (`DROP TABLE x; CREATE TABLE x`) is no finding, a table never defined is.
        """
        what = dropped_kind(stmt) or "TABLE"
        tokens = drop_token_placeholders(stmt.tokens)
        try:
            parsed = self.parser.parse(tokens, stmt.sql)
        except (ParseError, TokenError) as exc:
            return [self._unparsed_drop(stmt, what, _parse_error(exc, stmt))]
        except Exception as exc:  # noqa: BLE001 - a sqlglot bug on one statement
            return [self._unparsed_drop(stmt, what, crash_reason(exc, tokens, self.dialect))]
        tree = parsed[0] if parsed else None
        if not isinstance(tree, exp.Drop):
            return [self._unparsed_drop(stmt, what, "sqlglot keeps it only as an opaque command")]
        if str(tree.args.get("kind") or "").upper() not in ("TABLE", "VIEW"):
            return []
        problems: list[DDLProblem] = []
        for table in tree.args.get("tables") or ():
            if not isinstance(table, exp.Table) or not table.name or tsql_temporary(table):
                continue  # `DROP TABLE #users` drops the session's scratch, never `users`
            key = self._key(table.name, table.db or None)
            if key is not None:
                self._forget(key, cascade=bool(tree.args.get("cascade")))
            elif not tree.args.get("exists"):
                problem = self._unknown_drop(stmt, f"DROP {what} {shorten(self.sql(table), 80)}", table)
                if problem is not None:
                    problems.append(problem)
        return problems

    def _unparsed_drop(self, stmt: Statement, what: str, reason: str) -> DDLProblem:
        return DDLProblem(
            stmt.offset,
            f"DROP {what} could not be parsed ({reason}), so the tables it drops are still read",
            may_hold_schema=False,
        )

    def _forget(self, key: tuple[str, str], *, cascade: bool) -> None:
        """Take a dropped table away; with `CASCADE` the foreign keys other tables had to it too.

        Without it they wait for the end of the file (`forget_dropped_references`), by name:
        SQLite's rebuild renames the new table to it next.
        """
        dropped = self.tables.pop(key)
        self._unindex(key)
        if key[0] == TEMP_SCHEMA:
            return  # no real table holds a key to a session's scratch: every key stays
        if cascade:
            self._forget_references(dropped)
        else:
            self.dropped.append(dropped)

    def _unindex(self, key: tuple[str, str]) -> None:
        """Take a table's key out of `_schemas_of` (it was dropped or renamed)."""
        schemas = self._schemas_of.get(key[1])
        if schemas is not None:
            schemas.pop(key[0], None)

    def _forget_references(self, dropped: TableBuilder) -> None:
        """Forget the foreign keys other tables have to a dropped table."""
        without_references(self._referring(dropped.name), dropped)

    def forget_dropped_references(self) -> None:
        """The keys to a table dropped without `CASCADE` that no table took the name of since."""
        for dropped in self.dropped:
            named = name_key(dropped.name)
            holders = (self.tables.get((schema, named)) for schema in self._schemas_of.get(named, ()))
            keys = (DDLForeignKey((), t.name, (), t.schema) for t in holders if t is not None)
            if not any(refers_to(key, dropped) for key in keys):
                self._forget_references(dropped)

    def _unknown_drop(self, stmt: Statement, what: str, table: exp.Table) -> DDLProblem | None:
        """A DROP of a table not defined before it: kept to judge at the end of the file."""
        self._unknown_drops.append((stmt.offset, what, (name_key(table.db or ""), name_key(table.name))))
        return None

    def unknown_drop_problems(self) -> list[DDLProblem]:
        """Warnings for the DROPs of tables this file never defines (before or after them)."""
        names = {name for _, name in self.defined}
        return [
            DDLProblem(offset, f"{what}: this file defines no such table; nothing dropped", False)
            for offset, what, (_, name) in self._unknown_drops
            if name not in names
        ]

    def _key(
        self,
        name: str,
        schema: str | None,
        hidden: AbstractSet[_Key] = frozenset(),
        *,
        temporary: bool | None = None,
    ) -> _Key | None:
        """The key of a table, as `_find` finds it: without a matching schema, the only one.

        A TEMP table of the name comes first, unqualified or qualified by `pg_temp`, as
        PostgreSQL searches the session's `pg_temp` before the path; `temporary` True
        looks for it only, False never (where a `CREATE ... IF NOT EXISTS` would make the
        table). The tables at `hidden` are not there to it (what `CREATE TABLE IF NOT
        EXISTS` does not see): passed over by name, never taken out of `tables` and put
        back, which cost every table per lookup.
        """
        temp = (TEMP_SCHEMA, name_key(name))
        names_temp = schema is None or name_key(schema) in self.temporary_schemas
        if temporary is not False and names_temp and temp in self.tables and temp not in hidden:
            return temp
        if temporary:
            return None
        on_path = self._on_path(name, hidden) if schema is None else None
        if on_path is not None:
            return on_path
        direct = (name_key(schema or ""), name_key(name))
        if direct in self.tables and direct not in hidden and direct[0] != TEMP_SCHEMA:
            return direct
        same = [
            s
            for s in self._schemas_of.get(direct[1], ())
            if (s, direct[1]) in self.tables and (s, direct[1]) not in hidden and s != TEMP_SCHEMA
        ]
        return (same[0], direct[1]) if len(same) == 1 else None

    # -- COMMENT ON

    def _comment(self, stmt: Statement, tree: exp.Comment) -> list[DDLProblem]:
        text = _string(tree.expression)
        target = tree.this
        if str(tree.args.get("kind") or "").upper() == "COLUMN" and isinstance(target, exp.Column):
            builder = self._find(target.table, target.db or None)
            col = builder.columns.get(name_key(target.name)) if builder else None
            if col is None:
                return [
                    DDLProblem(
                        stmt.offset,
                        f"COMMENT ON COLUMN {self.sql(target)}: no such column defined earlier in this file",
                        may_hold_schema=False,
                    )
                ]
            col.comment = text
        elif isinstance(target, exp.Table):
            builder = self._find(target.name, target.db or None)
            if builder is not None:
                builder.comment = text
        return []

    # -- what sqlglot could not parse

    def _too_deep(self, stmt: Statement, kind: str, tokens: list[Token]) -> list[DDLProblem]:
        """A statement nested deeper than cnsnt parses, or than Python's recursion let sqlglot go.

        A table's columns are still read from its tokens (not parsed again whole: sqlglot's
        T-SQL writer spends about the cube of the depth on a view); anything else is
        reported at its deepest parenthesis.
        """
        _, deepest = deepest_parenthesis(tokens)
        at = stmt.base + deepest.start if deepest is not None else None
        return self._unparsed(stmt, kind, tokens, too_deep_reason(tokens), at=at, again=False)

    def _unparsed(
        self,
        stmt: Statement,
        kind: str,
        tokens: list[Token],
        reason: str,
        at: int | None = None,
        *,
        again: bool = True,
    ) -> list[DDLProblem]:
        """Recover a CREATE TABLE/VIEW sqlglot could not parse, or report the statement.

        First the statement is re-parsed without what usually defeats sqlglot (options
        between CREATE and TABLE/VIEW, table options after the column list, a view's
        trailing WITH clause), unless `again` is False; then a table's column list is read
        element by element. A statement not recovered is reported at `at` (its start when None).
        """
        if again and kind in ("table", "view"):
            core = core_create(tokens, kind)
            tree = None
            if core is not None:
                try:
                    parsed = self.parser.parse(core, stmt.sql)
                    tree = parsed[0] if parsed else None
                except Exception:  # noqa: BLE001 - try the next way
                    tree = None
            if isinstance(tree, exp.Create):
                try:
                    builder = self._build_create(stmt, tree)
                except Exception:  # noqa: BLE001 - an unexpected tree shape
                    builder = None
                if builder is not None and (
                    builder.columns or (builder.is_view and isinstance(tree.expression, exp.Query))
                ):
                    self._store(builder)
                    return []
        if kind == "table":
            unread: list[Token] = []
            cut: list[Token] = []
            recovered = recover_table(tokens, stmt, self, unread, cut)
            if recovered is not None:
                self._store(recovered)
                problems: list[DDLProblem] = []
                if unread:
                    many = "s" if len(unread) > 1 else ""
                    problems.append(
                        DDLProblem(
                            stmt.base + unread[0].start,
                            f"{label(kind, tokens)}: {len(unread)} element{many} of its column list "
                            f"could not be read (the first starts with {unread[0].text!r}, a quote "
                            "this SQL dialect does not know?); columns may be lost",
                        )
                    )
                if cut:
                    count = len(recovered.columns)
                    kept = f"the {count} columns read are kept" if count > 1 else "the column read is kept"
                    problems.append(
                        DDLProblem(
                            stmt.base + cut[0].start,
                            f"{label(kind, tokens)}: the column list opened here is never closed with "
                            f"')' (a statement cut short, or a ')' missing?); {kept}, the last may be "
                            "incomplete and any after it are lost",
                        )
                    )
                return problems
        may_hold = kind in ("table", "view") or (kind == "alter" and alter_adds(tokens))
        if kind == "alter" and not may_hold:
            self._alter_primary_key(tokens)
            self._alter_foreign_keys(tokens)
            self._alter_defaults(tokens, stmt)
            undropped = self._alter_drops(tokens)
            problems = self._alter_modify(tokens, stmt)
            if undropped:
                problems.append(
                    DDLProblem(
                        stmt.offset,
                        f"{label(kind, tokens)} could not be parsed ({reason}), so the columns it "
                        f"drops ({', '.join(shorten(n, 40) for n in undropped[:5])}) are still read",
                        may_hold_schema=False,
                    )
                )
            return problems
        added = kind == "alter" and self._alter_add_columns(tokens, stmt)
        # after the columns: T-SQL's `ADD e int, CONSTRAINT DF_t_e DEFAULT user_name() FOR e`;
        # `ADD DEFAULT (0) FOR c` alone adds a default, no column, and is read too
        if kind == "alter" and (self._alter_defaults(tokens, stmt) or added):
            # the keys the same ALTER adds (`ADD (e int), ADD CONSTRAINT f FOREIGN KEY (e) ...`)
            self._alter_primary_key(tokens)
            self._alter_foreign_keys(tokens)
            return self._alter_modify(tokens, stmt)
        return [
            DDLProblem(
                stmt.offset if at is None else at,
                f"{label(kind, tokens)} could not be parsed ({reason}); skipped",
                may_hold_schema=may_hold,
            )
        ]

    def _alter_add_columns(self, tokens: list[Token], stmt: Statement) -> bool:
        """Read the columns of `ALTER TABLE t ADD [COLUMN] c type` / `ADD (c type, ...)`.

        For ALTERs sqlglot cannot parse (MySQL `ADD (a int, b int)`); True if any was read.
        """
        name, i = alter_target(tokens)
        if not name:
            return False
        schema = name[-2] if len(name) > 1 else None
        builder = self._find(name[-1], schema)
        new = builder is None
        target = builder or TableBuilder(name[-1], schema, stmt.offset, altered_only=True)
        found = adding = False
        for action in split_commas(tokens[i:]):
            if keyword(action[0]) == "ADD" and len(action) > 1:
                adding = True
                rest = action[2:] if keyword(action[1]) == "COLUMN" else action[1:]
            elif (
                adding
                and keyword(action[0]) not in _ALTER_ACTIONS
                and not (len(action) > 1 and action[1].token_type == TokenType.EQ)
            ):
                rest = action  # T-SQL's `ADD a int, b int`: one ADD for several columns
            else:
                adding = False
                continue
            paren = bool(rest) and rest[0].token_type == TokenType.L_PAREN
            for part in paren_elements(rest, 0) if paren else [rest]:
                # T-SQL `ADD DEFAULT (0) FOR [col]` names a default, not a column
                if part and is_name(part[0]) and keyword(part[0]) != "DEFAULT" and not is_table_element(part):
                    target.add(recover_column(part, stmt, self))
                    found = True
        if found and new:
            self._store(target)
        return found

    def _alter_primary_key(self, tokens: list[Token]) -> None:
        """Read `ALTER TABLE t ... PRIMARY KEY [CLUSTERED] (a, b)` from tokens.

        T-SQL's `WITH NOCHECK ADD CONSTRAINT ... ON [PRIMARY]` defeats sqlglot.
        """
        words = [keyword(t) for t in tokens]
        builder, _ = self._altered(tokens)
        if "PRIMARY" not in words or builder is None:
            return
        i = words.index("PRIMARY") + 1
        while i < len(tokens) and tokens[i].token_type != TokenType.L_PAREN:
            i += 1
        for tok in tokens[i + 1 :]:
            if tok.token_type == TokenType.R_PAREN:
                break
            col = builder.columns.get(name_key(tok.text))
            if col is not None:
                col.primary_key = True

    def _alter_defaults(self, tokens: list[Token], stmt: Statement) -> bool:
        """Read T-SQL's `ALTER TABLE t ADD [CONSTRAINT d] DEFAULT (expr) FOR c, ...` from tokens.

        SQL Server scripts give defaults this way, after the CREATE; sqlglot cannot parse it.
        True when the ALTER gives any (of a table this file defines or not).
        """
        builder, i = self._altered(tokens)
        found = False
        for action in split_commas(tokens[i:]):
            words = [keyword(t) for t in action]
            if "DEFAULT" not in words or "FOR" not in words:
                continue
            found = True
            if builder is None:
                continue
            start = words.index("DEFAULT") + 1
            end = len(words) - 1 - words[::-1].index("FOR")
            col = builder.columns.get(name_key(action[end + 1].text)) if end + 1 < len(action) else None
            if col is None or end <= start:
                continue
            named = words.index("CONSTRAINT") + 1 if "CONSTRAINT" in words[:start] else start
            col.default_constraint = action[named].text if named < start - 1 else None
            try:
                parsed = self.parser.parse_into(exp.Condition, action[start:end], stmt.sql)
            except Exception:  # noqa: BLE001 - a default sqlglot cannot read says nothing
                continue
            col.take_default(parsed[0] if parsed else None)
        return found

    def _alter_modify(self, tokens: list[Token], stmt: Statement) -> list[DDLProblem]:
        """Read `ALTER TABLE t MODIFY (c [type] [DEFAULT expr] ..., ...)` / `MODIFY c ...` from tokens.

        Oracle's MODIFY, which sqlglot cannot parse, changes only what it states: the
        type, the default (`DEFAULT USER` is the writer's login), a constraint. In other
        dialects MODIFY states the column anew (MySQL), as the parsed ALTER applies it.
        An element that names no column is reported.
        """
        builder, i = self._altered(tokens)
        if builder is None:
            return []
        problems: list[DDLProblem] = []
        for element in _modified_columns(tokens, i):
            if not is_name(element[0]):
                problems.append(
                    DDLProblem(
                        stmt.base + element[0].start,
                        f"{label('alter', tokens)}: the MODIFY element starting with {element[0].text!r} "
                        "names no column; skipped",
                    )
                )
                continue
            col = builder.columns.get(name_key(element[0].text))
            if col is None:
                continue
            changed = recover_column(element, stmt, self)
            words = [keyword(t) for t in element]
            if len(words) > 1 and words[1] not in _NO_TYPE and changed.type:
                col.type = changed.type
            if "DEFAULT" in words or not self._oracle:
                col.take_default_of(changed)
        return problems

    def _alter_drops(self, tokens: list[Token]) -> list[str]:
        """Read the DROP lists of an ALTER sqlglot cannot parse whole; the columns it could not drop.

        T-SQL's `ALTER TABLE t DROP CONSTRAINT a, b` / `DROP COLUMN c, d, CONSTRAINT e`:
        in a DROP list each name is a constraint's (`CONSTRAINT` is optional) until
        `COLUMN` switches to columns, `CONSTRAINT` back. A default constraint dropped
        takes its column's default with it; a column dropped is gone. In other dialects a
        name right after DROP is a column's (`DROP c`), which is not guessed from a
        statement sqlglot could not read: it is returned, to be reported.
        """
        builder, i = self._altered(tokens)
        tsql = type(self.dialect).__name__.lower() == "tsql"
        unread: list[str] = []
        dropping: str | None = None  # what the names of the current DROP list are
        for action in split_commas(tokens[i:]):
            words = [keyword(t) for t in action]
            j = 0
            if words[0] == "DROP":
                dropping, j = ("CONSTRAINT" if tsql else "COLUMN?"), 1
            elif dropping is None or words[0] in _ALTER_ACTIONS:
                dropping = None
                continue
            if words[j : j + 1] in (["COLUMN"], ["CONSTRAINT"]):
                dropping, j = words[j], j + 1
            elif j == 1 and words[j : j + 1] and words[j] in NOT_COLUMNS:
                dropping = None  # `DROP PRIMARY KEY`, `DROP INDEX i`
                continue
            if words[j : j + 2] == ["IF", "EXISTS"]:
                j += 2
            if j >= len(action):
                continue
            name = action[j].text
            if dropping == "CONSTRAINT" and builder is not None:
                builder.drop_constraint(name)
            elif dropping == "COLUMN" and tsql and builder is not None:
                if builder.columns.pop(name_key(name), None) is not None:
                    self._column_dropped(builder, name)
            elif dropping in ("COLUMN", "COLUMN?"):
                unread.append(name)
        return unread

    def _alter_foreign_keys(self, tokens: list[Token]) -> None:
        """Read `ALTER TABLE t ... FOREIGN KEY (a) REFERENCES u (b)` from tokens.

        For the ALTERs sqlglot cannot parse (T-SQL `WITH CHECK ADD CONSTRAINT`).
        """
        builder, _ = self._altered(tokens)
        if builder is not None:
            for key in token_foreign_keys(tokens):
                self._add_key(builder, key)

    def _altered(self, tokens: list[Token]) -> tuple[TableBuilder | None, int]:
        """The known table an ALTER TABLE read from tokens changes, and where its actions start."""
        name, i = alter_target(tokens)
        return (self._find(name[-1], name[-2] if len(name) > 1 else None) if name else None), i

    def _find(self, name: str, schema: str | None) -> TableBuilder | None:
        """A table by name; without a matching schema, the only table of that name."""
        key = self._key(name, schema)
        return None if key is None else self.tables[key]


#: Words that open an ALTER TABLE action other than ADD (what ends T-SQL's `ADD a int, b int`).
_ALTER_ACTIONS = keywords("ADD DROP ALTER MODIFY CHANGE RENAME SET WITH CHECK NOCHECK ENABLE DISABLE")


#: What may follow `MODIFY` in Oracle other than columns (`MODIFY CONSTRAINT c ENABLE`,
#: `MODIFY PARTITION p ...`, `MODIFY DEFAULT ATTRIBUTES ...`).
_MODIFY_OTHERS = keywords(
    "CONSTRAINT PARTITION SUBPARTITION DEFAULT LOB NESTED VARRAY PRIMARY UNIQUE OPAQUE CLUSTERING"
)
#: Words that may follow a column's name in Oracle's MODIFY in place of a type: the type is kept.
_NO_TYPE = COLUMN_OPTIONS | keywords("NULL VISIBLE INVISIBLE ENCRYPT DECRYPT SUBSTITUTABLE DROP")


def _modified_columns(tokens: list[Token], start: int) -> list[list[Token]]:
    """The column elements of each `MODIFY [COLUMN] (a ..., b ...)` or `MODIFY a ...` from `start` on.

    Without parentheses the element ends at the next comma or ALTER action (`ADD`, `DROP`...).
    """
    out: list[list[Token]] = []
    depth = 0
    for k in range(start, len(tokens)):
        kind = tokens[k].token_type
        if kind in (TokenType.L_PAREN, TokenType.R_PAREN):
            depth += 1 if kind == TokenType.L_PAREN else -1
            continue
        if depth or keyword(tokens[k]) != "MODIFY":
            continue
        j = k + 2 if k + 1 < len(tokens) and keyword(tokens[k + 1]) == "COLUMN" else k + 1
        if j >= len(tokens) or keyword(tokens[j]) in _MODIFY_OTHERS:
            continue
        if tokens[j].token_type == TokenType.L_PAREN:
            out.extend(paren_elements(tokens, j))
            continue
        end, inner = j + 1, 0
        while end < len(tokens):
            kind = tokens[end].token_type
            inner += 1 if kind == TokenType.L_PAREN else -1 if kind == TokenType.R_PAREN else 0
            if inner == 0 and (kind == TokenType.COMMA or keyword(tokens[end]) in _ALTER_ACTIONS):
                break
            end += 1
        out.append(tokens[j:end])
    return out


def drops_columns(element: exp.Expr) -> bool:
    """Whether an ALTER action sqlglot parsed drops columns: `DROP [COLUMN] c`."""
    return isinstance(element, exp.Drop) and str(element.args.get("kind") or "").upper() == "COLUMN"


def opaque_drop(element: exp.Expr) -> bool:
    """Whether an ALTER action is a DROP sqlglot keeps as an opaque command (Oracle's `DROP (a, b)`)."""
    return isinstance(element, exp.Command) and str(element.this).upper() == "DROP"


def adds_nothing(stmt: Statement, cdef: exp.ColumnDef, builder: TableBuilder) -> bool:
    """Whether `ADD COLUMN IF NOT EXISTS` (or a guarded one, from a routine body) meets its column.

    Then the column keeps its type, key and place: the statement changes nothing.
    """
    guarded = stmt.guarded or bool(cdef.args.get("exists"))
    return guarded and name_key(cdef.name) in builder.columns


def _offset(node: exp.Expr, stmt: Statement) -> int:
    ident = node.args.get("alias") if isinstance(node, exp.Alias) else None
    if not isinstance(ident, exp.Identifier):
        ident = node.find(exp.Identifier)
    if isinstance(ident, exp.Identifier) and "start" in ident.meta:
        return stmt.base + int(ident.meta["start"])
    return stmt.offset


def _meta_start(node: exp.Expr) -> int:
    return int(node.meta.get("start", 0))


def _string(node: object) -> str | None:
    if isinstance(node, exp.Literal):
        return str(node.this)
    if isinstance(node, exp.Expr):
        return node.name or None
    return None


def _is_index(cdef: exp.ColumnDef) -> bool:
    """MySQL `INDEX name (a, b)` / `KEY name (a)` as a dialect without them parses it.

    sqlglot's generic SQL reads it as a column `INDEX` of a user-defined type `name(a, b)`.
    """
    kind = cdef.args.get("kind")
    ident = cdef.this
    return (
        isinstance(ident, exp.Identifier)
        and not ident.quoted
        and ident.name.upper() in ("INDEX", "KEY")
        and isinstance(kind, exp.DataType)
        and kind.this == exp.DataType.Type.USERDEFINED
        and bool(kind.expressions)
    )


def _key_part_name(part: object) -> str:
    """The column a key names: `a`, `[a] ASC` (sqlglot wraps it in `Ordered`), `t.a`."""
    if isinstance(part, exp.Ordered):
        part = part.this
    return part.name if isinstance(part, exp.Expr) else ""


def _primary_key_names(node: exp.Expr) -> list[str]:
    """The columns of table-level primary keys under `node`.

    `PRIMARY KEY (a, b DESC)`, and T-SQL's `PRIMARY KEY [NON]CLUSTERED (a ASC)`, which
    sqlglot keeps as a bare primary-key marker followed by a clustering constraint that
    holds the columns.
    """
    names: list[str] = []
    for pk in node.find_all(exp.PrimaryKey):
        names.extend(n for n in map(_key_part_name, pk.expressions) if n)
    for constraint in node.find_all(exp.Constraint):
        parts = constraint.expressions
        for first, second in zip(parts, parts[1:], strict=False):
            if isinstance(first, exp.PrimaryKeyColumnConstraint) and isinstance(
                second, (exp.ClusteredColumnConstraint, exp.NonClusteredColumnConstraint)
            ):
                columns = second.this if isinstance(second.this, list) else [second.this]
                names.extend(n for n in map(_key_part_name, columns) if n)
    return names


def _mark_unique(builder: TableBuilder, node: exp.Expr) -> None:
    """Mark the column a one-column table-level `[CONSTRAINT x] UNIQUE (a)` under `node` holds.

    A constraint over several columns (`UNIQUE (a, b)`) makes no one of them unique.
    """
    for found in node.find_all(exp.UniqueColumnConstraint):
        schema = found.this
        parts = schema.expressions if isinstance(schema, exp.Schema) else []
        if len(parts) == 1 and (name := _key_part_name(parts[0])):
            col = builder.columns.get(name_key(name))
            if col is not None:
                col.unique = True


def _reference(columns: list[str], ref: object) -> DDLForeignKey | None:
    """The foreign key `columns REFERENCES table [(ref_columns)]`, from sqlglot's tree."""
    if not isinstance(ref, exp.Reference) or not columns:
        return None
    target = ref.this
    ref_columns: tuple[str, ...] = ()
    if isinstance(target, exp.Schema):
        ref_columns = tuple(e.name for e in target.expressions if isinstance(e, exp.Expr))
        target = target.this
    if not isinstance(target, exp.Table) or not target.name:
        return None
    return DDLForeignKey(tuple(columns), target.name, ref_columns, target.db or None)


def _column_references(cdef: exp.ColumnDef) -> list[DDLForeignKey]:
    """`col type REFERENCES t (id)` (T-SQL: `CONSTRAINT fk FOREIGN KEY REFERENCES t`)."""
    keys: list[DDLForeignKey] = []
    for constraint in cdef.args.get("constraints") or ():
        kind = constraint.args.get("kind")
        if isinstance(kind, exp.ForeignKey):
            kind = kind.args.get("reference")
        key = _reference([cdef.name], kind)
        if key is not None:
            keys.append(key)
    return keys


def _foreign_keys(node: exp.Expr) -> list[DDLForeignKey]:
    """Table-level `[CONSTRAINT x] FOREIGN KEY (a, b) REFERENCES t (c, d)` under `node`."""
    keys: list[DDLForeignKey] = []
    for fk in node.find_all(exp.ForeignKey):
        columns = [e.name for e in fk.expressions if isinstance(e, exp.Expr) and e.name]
        key = _reference(columns, fk.args.get("reference"))
        if key is not None:
            keys.append(key)
    return keys


#: What may follow a string literal in DDL; a bare word or another string right after a
#: string that ends in a backslash means the backslash escaped the quote (MySQL text).
_AFTER_ESCAPED = frozenset({TokenType.VAR, TokenType.STRING, TokenType.NUMBER})


def _unknown_quote(tokens: list[Token]) -> Token | None:
    """A backquote the dialect's tokenizer does not know (MySQL text read as another SQL).

    The column list is then read element by element, and an element that starts with it
    (`` `key` varchar(255)``, a name that needs quoting) is no column to the reader.
    """
    for tok in tokens:
        if tok.token_type == TokenType.UNKNOWN and tok.text == "`":
            return tok
    return None


def _backslash_quote(tokens: list[Token]) -> Token | None:
    r"""The string token that a dialect without backslash escapes ended at a `\'`, if any.

    `COMMENT 'it\'s on'` read without MySQL's escapes ends the string early and pairs
    every later quote wrongly: whole column definitions then hide inside strings, and
    the statement still parses, with columns silently missing.
    """
    for tok, nxt in zip(tokens, tokens[1:], strict=False):
        if (
            tok.token_type == TokenType.STRING
            and tok.text.endswith("\\")
            and not tok.text.endswith("\\\\")
            and nxt.token_type in _AFTER_ESCAPED
        ):
            return tok
    return None


def _parse_error(exc: ParseError | TokenError, stmt: Statement) -> str:
    """The reason sqlglot gives, without the quoted SQL (it may hold personal data).

    Its line and column count from the start of the text it was given: kept only when
    that is the whole file.
    """
    errors = getattr(exc, "errors", None) or []
    if errors and isinstance(errors[0], dict) and errors[0].get("description"):
        reason = plain_reason(str(errors[0]["description"]))  # no `<Token ...>` or `<class ...>` repr
        if stmt.base == 0 and errors[0].get("line"):
            reason += f" at line {errors[0]['line']}, column {errors[0].get('col')}"
        return shorten(reason, 160)
    return "sqlglot could not parse it"


def _first_line(message: str) -> str:
    line = message.strip().splitlines()[0] if message.strip() else "unknown error"
    return shorten(line, 160)
