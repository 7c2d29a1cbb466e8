"""Schema evidence from Ecto migrations (`priv/repo/migrations/*.exs`), replayed in version order.

`mix ecto.migrate` runs each `<version>_<name>.exs` file of the folder in the order of
its numeric version (`20230101120000_create_users.exs`); cnsnt replays them so on the
tables built so far (`replay.Replay`). Each file is parsed, never run, with tree-sitter's
Elixir grammar (`tree-sitter-elixir`); the `change` function of each module that
`use`s a migration module is replayed (`up` when there is no `change`; `down` never),
following calls into the module's own functions:

- `create table(:users) do ... end` (and `create_if_not_exists`), with the default
  `id` BIGSERIAL primary key, `primary_key: false` or `primary_key: [name:, type:]`,
  `prefix:` (the table's schema) and `comment:`; `alter table(...) do ... end`;
  `drop table(...)`, `drop_if_exists`; `rename table(:a), to: table(:b)` and
  `rename table(:a), :x, to: :y`;
- in the table block: `add` (and `add_if_not_exists`) with `comment:`, `size:`,
  `precision:`/`scale:`, `primary_key: true` and `references(:t, column:, type:,
  prefix:)` (a foreign key); `modify`, `remove` (and `remove_if_exists`), and
  `timestamps()` (`inserted_at`/`updated_at`, `type:`, renamed or left out with
  `inserted_at:`/`updated_at:`);
- `execute "SQL"` (or `execute "up SQL", "down SQL"`, a heredoc, `~s`): the SQL is
  replayed in its turn (`replay_sql`) in the entry's dialect, PostgreSQL by default,
  each table or column it makes placed at its SQL in the `.exs` file.

Types are those ecto_sql's adapter creates (`ecto_types`): PostgreSQL's, or MySQL's when
the entry says `dialect: mysql`. Names are literal atoms or strings, module attributes
(`@table :users`) or variables set to one; what cannot be read without running the file
is a CN001 problem at its line and column, never a guess: a computed name, schema changes
in a loop (`for`, `Enum.each`: an error) or under a condition (`if`, `case`: a warning),
SQL that is not a literal, a call cnsnt does not know. The repository's
`migration_primary_key`/`migration_timestamps` settings (in `config/*.exs`) are not read:
the defaults above are Ecto's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.evidence import Evidence, ForeignKey
from cnsnt.model import Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import ModelColumn, ModelTable, PlacedText, model_failed
from cnsnt.sources.schemas.ecto_types import column_type, is_mysql, reference_type
from cnsnt.sources.schemas.elixir_syntax import (
    UNKNOWN,
    Atom,
    Call,
    Module,
    Node,
    Value,
    bind,
    call_of,
    elixir_files,
    keyword,
    modules,
    placed_string,
    statements,
    value,
    walk,
)
from cnsnt.sources.schemas.grammars import SourceFile
from cnsnt.sources.schemas.read_fixes import UNLINKED_COLUMN
from cnsnt.sources.schemas.replay import Replay, table_key
from cnsnt.sources.schemas.replay_sql import may_change_schema, one_statement, replay_sql
from cnsnt.sql.ddl import UnknownDialectError, resolve_dialect

#: Ecto's migrator runs `<integer>_<name>.exs` (`Integer.parse` of the name, then `_`).
_VERSIONED = re.compile(r"\A([0-9]+)_(.+)\.exs\Z")
#: Commands that change tables (a loop or condition around one matters).
_COMMANDS = frozenset(
    {"create", "create_if_not_exists", "alter", "drop", "drop_if_exists", "rename", "execute", "execute_file",
     "add", "add_if_not_exists", "modify", "remove", "remove_if_exists", "timestamps"}
)  # fmt: skip
#: Calls that change no table or column (or only data, indexes and output).
_NO_SCHEMA = frozenset(
    {"flush", "require", "import", "alias", "use", "repo", "prefix", "direction", "table", "index",
     "unique_index", "constraint", "references", "fragment", "raise", "IO.puts", "IO.inspect"}
)  # fmt: skip
_CONDITIONS = frozenset({"if", "unless", "case", "cond", "with", "try"})
_LOOPS = frozenset({"for", "while"})
#: How deep calls into the module's own functions are followed.
_MAX_DEPTH = 50
#: How many loop iterations and helper calls one file may replay (`for x <- [...]` over a literal list).
_MAX_LOOPS = 10_000


def is_ecto_migration(head: str) -> bool:
    """Whether a file's text (its start) holds an Ecto migration: it names `Ecto.Migration`."""
    return "Ecto.Migration" in head


def read_ecto_migrations(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables a `priv/repo/migrations` folder leaves behind, files replayed in version order."""
    dialect = ctx.dialect or spec.dialect or "postgres"
    try:
        resolve_dialect(dialect)
    except UnknownDialectError as exc:
        raise SourceError(str(exc), spec.location) from None
    replay = Replay()
    runnable, skipped = replay.in_version_order(
        paths,
        ctx.shown,
        _VERSIONED,
        "not an Ecto migration file name (<version>_<name>.exs): `mix ecto.migrate` does not run it, so it "
        "is not replayed",
    )
    files = migrations = 0
    for shown, file, tree in elixir_files(runnable, ctx, replay.problems):
        replay.shown = shown
        files += 1
        try:
            migrations += _Migration(file, replay, dialect, ctx.limits.statement_bytes).run(tree.root_node)
        except RecursionError:
            replay.too_deep(file, tree.root_node)
        except Exception as exc:  # noqa: BLE001 - one file's bug must not lose the others
            replay.problems.append(model_failed(exc, shown, 1, 1, "this migration"))
    replay.said_once()  # a helper called per table, a loop replayed per item
    return replay.evidence(files, migrations, skipped)


class _Migration:
    """One migration file replayed on the tables built so far."""

    def __init__(self, file: SourceFile, replay: Replay, dialect: str, max_statement: int) -> None:
        self.file = file
        self.replay = replay
        self.dialect = dialect
        self.mysql = is_mysql(dialect)
        self.max_statement = max_statement
        self.module = Module("", None, [])
        self.scope: dict[str, Value] = {}
        self.following: list[str] = []
        self.loops = 0
        self.changing: set[str] = set()
        """The module's functions that change the schema (a call of one in a loop matters)."""

    def place(self, node: Node) -> tuple[int, int]:
        return self.file.place(node)

    def value(self, node: Node | None) -> Value:
        return value(node, self.file, self.scope)

    # -- the file

    def run(self, root: Node) -> int:
        """Replay the `change` (or `up`) of each migration module of the file; how many were replayed."""
        count = 0
        for module in modules(root, self.file):
            if not any(u.endswith("Migration") for u in module.uses):
                continue
            name = "change" if "change" in module.functions else "up" if "up" in module.functions else None
            if name is None:
                continue
            self.module = module
            self.changing = self.changing_functions()
            self.scope = {f"@{k}": v for k, v in module.attributes.items()}
            self.following = [name]
            for function in module.functions[name]:
                self.statements(function.body)
            count += 1
        if not count and not root.has_error:
            self.replay.report(
                "no module that uses Ecto.Migration with a `change` or `up` function in this file: "
                "nothing replayed",
                1,
                1,
                Severity.WARNING,
            )
        return count

    def statements(self, body: list[Node], table: ModelTable | None = None) -> None:
        """Replay each statement of a function body (or, with `table`, of a table block)."""
        for stmt in statements(body):
            call = call_of(stmt, self.file)
            if call is None:
                self.expression(stmt)
            elif table is not None and call.name in _COLUMN_OPS:
                _COLUMN_OPS[call.name](self, table, call)
            elif table is None and call.name in _TABLE_OPS:
                _TABLE_OPS[call.name](self, call)
            else:
                self.other(call, table)

    def expression(self, stmt: Node) -> None:
        """A statement that is no call: a variable set to a literal is kept; schema changes are reported."""
        if stmt.type == "binary_operator" and self.file.text(stmt.child_by_field_name("operator")) == "=":
            left = stmt.child_by_field_name("left")
            if left is not None and left.type == "identifier":
                self.scope[self.file.text(left)] = self.value(stmt.child_by_field_name("right"))
                return
        if self.changes_schema(stmt):
            self.replay.not_replayed(
                f"schema changes in `{_cut(self.file.text(stmt), 40)}`",
                "cnsnt reads only literal migration commands",
                *self.place(stmt),
            )

    def other(self, call: Call, table: ModelTable | None) -> None:
        """A call that is no command here: followed, passed over, or reported."""
        name = call.name
        if name in self.module.functions and "." not in name and table is None:
            self.follow(call)
        elif name.rsplit(".", 1)[-1] in ("query", "query!") and table is None:
            # `repo().query!("ALTER ...")`, `Ecto.Adapters.SQL.query!(repo(), "...")`: run as `execute`
            sql = next((a for a in call.args if a.type in ("string", "sigil")), None)
            self.op_execute(Call(call.node, name, [sql] if sql is not None else [], {}, None))
        elif name in _NO_SCHEMA or name == "for" and self.loop(call, table):
            return
        elif name in _CONDITIONS or name in _LOOPS or "." in name or not name:
            if self.changes_schema(call.node):
                loop = name in _LOOPS or "." in name or not name
                shown = name or _cut(self.file.text(call.node), 30)
                self.replay.not_replayed(
                    f"schema changes {'in' if loop else 'under'} `{shown}`",
                    "cnsnt does not run the migration",
                    *self.place(call.node),
                    None if loop else Severity.WARNING,
                )
        elif name in _COMMANDS:
            where = "outside a table block" if table is None else "inside a table block"
            self.replay.report(f"`{name}` {where}: not replayed", *self.place(call.node), Severity.WARNING)
        else:
            self.replay.report(
                f"`{name}` is not a migration command cnsnt knows: not replayed",
                *self.place(call.node),
                Severity.WARNING,
            )

    def follow(self, call: Call) -> None:
        """A call of the module's own function: its body replayed (once per call, `_MAX_DEPTH` deep)."""
        if call.name in self.following or len(self.following) >= _MAX_DEPTH:
            self.replay.not_replayed(f"`{call.name}`", "a recursive call", *self.place(call.node))
            return
        if self.loops >= _MAX_LOOPS:  # helpers that call helpers twice each: the calls multiply
            self.replay.not_replayed(
                f"`{call.name}`", f"more than {_MAX_LOOPS} calls in one file", *self.place(call.node)
            )
            return
        self.loops += 1
        clauses = self.module.functions[call.name]
        function = clauses[0]
        plain = all(p.type == "identifier" for p in function.params) and len(function.params) == len(
            call.args
        )
        if len(clauses) > 1 or not plain:  # the clause is chosen by matching: cnsnt would have to run it
            if any(self.changes_schema_in(c.body) for c in clauses):
                self.replay.not_replayed(
                    f"`{call.name}(...)`",
                    "a function of several clauses or matching its arguments",
                    *self.place(call.node),
                )
            return
        scope = {f"@{k}": v for k, v in self.module.attributes.items()}
        scope.update(
            (self.file.text(p), self.value(a)) for p, a in zip(function.params, call.args, strict=True)
        )
        saved, self.scope = self.scope, scope
        self.following.append(call.name)
        try:
            self.statements(function.body)
        finally:
            self.following.pop()
            self.scope = saved

    def loop(self, call: Call, table: ModelTable | None) -> bool:
        """`for x <- [a literal list] do ... end`: the body replayed per item; False for other loops."""
        generator = call.args[0] if len(call.args) == 1 and not call.options else None
        if generator is None or call.block is None or generator.type != "binary_operator":
            return False
        if self.file.text(generator.child_by_field_name("operator")) != "<-":
            return False
        pattern = generator.child_by_field_name("left")
        items = self.value(generator.child_by_field_name("right"))
        if not isinstance(items, list):
            return False
        bound = [bind(pattern, item, self.file) for item in items]
        if any(b is None for b in bound):
            return False
        if self.loops + len(items) > _MAX_LOOPS:
            self.replay.not_replayed(
                "`for`", f"more than {_MAX_LOOPS} iterations in one file", *self.place(call.node)
            )
            return True
        self.loops += len(items)
        saved = self.scope
        for names in bound:
            self.scope = {**saved, **(names or {})}
            try:
                self.statements(call.block, table)
            finally:
                self.scope = saved
        return True

    def changes_schema(self, node: Node) -> bool:
        """Whether a node holds a migration command (or a call of a function that does)."""
        for current in walk(node):
            if current.type == "call":
                call = call_of(current, self.file)
                if call is not None and (call.name in _COMMANDS or call.name in self.changing):
                    return True
        return False

    def changing_functions(self) -> set[str]:
        """The module's functions that run a migration command, themselves or through another."""
        calls: dict[str, set[str]] = {}
        changing: set[str] = set()
        for name, clauses in self.module.functions.items():
            called = calls.setdefault(name, set())
            for clause in clauses:
                for stmt in clause.body:
                    for node in walk(stmt):
                        call = call_of(node, self.file) if node.type == "call" else None
                        if call is not None and call.name in _COMMANDS:
                            changing.add(name)
                        elif call is not None:
                            called.add(call.name)
        grown = True
        while grown:  # at most one round per function
            grown = False
            for name, called in calls.items():
                if name not in changing and called & changing:
                    changing.add(name)
                    grown = True
        return changing

    def changes_schema_in(self, body: list[Node]) -> bool:
        """Whether a function body holds a migration command."""
        return any(self.changes_schema(stmt) for stmt in body)

    # -- names

    def table_of(
        self, node: Node | None, what: str, at: Node
    ) -> tuple[str, str | None, dict[str, Value]] | None:
        """`table(:users, prefix: "p")` as (name, schema, options); a CN001 when it is not a literal."""
        call = call_of(node, self.file)
        if call is None or call.name != "table" or not call.args:
            self.replay.not_replayed(f"`{what}`", "its table is not a literal `table(...)`", *self.place(at))
            return None
        name = self.value(call.args[0])
        if not isinstance(name, str) or not name:
            self.replay.not_replayed(f"`{what}`", "the table name is not a literal", *self.place(at))
            return None
        options = {k: self.value(v) for k, v in call.options.items()}
        prefix = options.get("prefix")
        return str(name), str(prefix) if isinstance(prefix, str) and prefix else None, options

    def column_name(self, call: Call) -> str | None:
        name = self.value(call.args[0]) if call.args else UNKNOWN
        if not isinstance(name, str) or not name:
            self.replay.not_replayed(
                f"`{call.name}`", "the column name is not a literal", *self.place(call.node)
            )
            return None
        return str(name)

    # -- table commands

    def op_create(self, call: Call) -> None:
        first = call_of(call.args[0], self.file) if call.args else None
        if first is not None and first.name != "table":
            return  # `create index(...)`, `unique_index`, `constraint`: no column
        found = self.table_of(call.args[0] if call.args else None, call.name, call.node)
        if found is None:
            return
        name, schema, options = found
        if (
            call.name == "create_if_not_exists"
            and self.replay.tables.get(table_key(name, schema)) is not None
        ):
            return
        line, column = self.place(call.node)
        comment = options.get("comment")
        table = ModelTable(
            name,
            self.replay.shown,
            line,
            column,
            schema=schema,
            comment=comment if isinstance(comment, str) else None,
        )
        primary = options.get("primary_key", True)
        if primary is not False:
            settings = keyword(primary)
            key_name = settings.get("name", Atom("id"))
            kind = settings.get("type", Atom("bigserial"))
            table.add(
                ModelColumn(
                    str(key_name) if isinstance(key_name, str) else "id",
                    line,
                    column,
                    column_type(kind, settings, self.mysql),
                    primary_key=True,
                )
            )
        self.replay.create(table)
        if call.block is not None:
            self.statements(call.block, table)

    def op_alter(self, call: Call) -> None:
        found = self.table_of(call.args[0] if call.args else None, call.name, call.node)
        if found is None:
            return
        table = self.replay.find(found[0], found[1], *self.place(call.node), "alter")
        if table is not None and call.block is not None:
            self.statements(call.block, table)

    def op_drop(self, call: Call) -> None:
        first = call_of(call.args[0], self.file) if call.args else None
        if first is not None and first.name != "table":
            return  # `drop index(...)`, `drop constraint(...)`
        found = self.table_of(call.args[0] if call.args else None, call.name, call.node)
        if found is None:
            return
        name, schema, _ = found
        if call.name == "drop_if_exists" and self.replay.tables.get(table_key(name, schema)) is None:
            return
        self.replay.drop(name, schema, *self.place(call.node), call.name)

    def op_rename(self, call: Call) -> None:
        first = call_of(call.args[0], self.file) if call.args else None
        if first is not None and first.name != "table":
            return  # `rename index(...)`
        found = self.table_of(call.args[0] if call.args else None, "rename", call.node)
        if found is None:
            return
        name, schema, _ = found
        to = call.options.get("to")
        place = self.place(call.node)
        if len(call.args) >= 2:  # rename table(:a), :x, to: :y
            old, new = self.value(call.args[1]), self.value(to)
            if not isinstance(old, str) or not isinstance(new, str) or not old or not new:
                self.replay.not_replayed("`rename`", "a column name is not a literal", *place)
                return
            table = self.replay.find(name, schema, *place, "rename")
            if table is not None:
                self.replay.rename_column(table, str(old), str(new), *place, "rename")
            return
        target = self.table_of(to, "rename", call.node)
        if target is not None:
            self.replay.rename_table(name, target[0], schema, *place, "rename")

    def op_execute(self, call: Call) -> None:
        """`execute "SQL"` (the first of up and down SQL): replayed; anything else is reported."""
        node = self.returned(call.args[0]) if call.args else None
        if node is not None and node.type == "anonymous_function" and not self.runs_sql([node]):
            return  # `execute(fn -> Repo.update_all(...) end)`: rows, not tables
        captured = self.captured(node)
        rows_only = captured is not None and captured not in self.changing
        if rows_only and not any(self.runs_sql(c.body) for c in self.module.functions[str(captured)]):
            return  # `execute(&backfill/0)` of a function of the module that changes only rows
        sql = PlacedText()
        literal = (
            node is not None
            and node.type in ("string", "sigil")
            and placed_string(node, self.file, sql, self.scope)
        )
        if not literal:
            held = self.value(node)
            if isinstance(held, str) and node is not None:
                sql = PlacedText()
                sql.add(str(held), *self.place(node), raw=False)
                literal = True
        if not literal:
            if sql.known() and not may_change_schema(sql.text, self.dialect):
                return
            self.replay.report(
                f"`{call.name}`: the SQL is not a literal cnsnt can read (a function, interpolation or a "
                "value from elsewhere); not replayed, so tables or columns it changes may be missing",
                *self.place(call.node),
                Severity.WARNING,
            )
            return
        replay_sql(self.replay, one_statement(sql.text), sql.place, self.dialect, self.max_statement)

    def returned(self, node: Node) -> Node:
        """`related_function()` of the module's own, without arguments: the literal its body ends with."""
        call = call_of(node, self.file)
        clauses = self.module.functions.get(call.name, []) if call is not None and not call.args else []
        if len(clauses) == 1 and not clauses[0].params and clauses[0].body:
            last = clauses[0].body[-1]
            if last.type in ("string", "sigil"):
                return last
        return node

    def captured(self, node: Node | None) -> str | None:
        """`&backfill/0`: the name of the module's own function it captures, else None."""
        if (
            node is None
            or node.type != "unary_operator"
            or self.file.text(node.child_by_field_name("operator")) != "&"
        ):
            return None
        operand = node.child_by_field_name("operand")
        left = (
            operand.child_by_field_name("left")
            if operand is not None and operand.type == "binary_operator"
            else None
        )
        name = self.file.text(left) if left is not None and left.type == "identifier" else ""
        return name if name in self.module.functions else None

    def runs_sql(self, body: list[Node]) -> bool:
        """Whether code may run SQL: a query or execute call, or a string that may change a table."""
        for node in (n for stmt in body for n in walk(stmt)):
            call = call_of(node, self.file) if node.type == "call" else None
            if call is not None and call.name.rsplit(".", 1)[-1] in ("query", "query!", "execute"):
                return True
            if node.type == "string" and may_change_schema(self.file.text(node), self.dialect):
                return True
        return False

    # -- column commands (in a table block)

    def op_add(self, table: ModelTable, call: Call) -> None:
        name = self.column_name(call)
        if name is None:
            return
        if call.name == "add_if_not_exists" and any(
            c.name.casefold() == name.casefold() for c in table.columns
        ):
            return
        line, column = self.place(call.node)
        options = {k: self.value(v) for k, v in call.options.items()}
        col = ModelColumn(name, line, column, primary_key=options.get("primary_key") is True)
        self.typed(table, col, call, options)
        comment = options.get("comment")
        col.comment = comment if isinstance(comment, str) else None
        self.replay.add_column(table, col)

    def typed(self, table: ModelTable, col: ModelColumn, call: Call, options: dict[str, Value]) -> None:
        """Type a column by `add`/`modify`'s second argument; `references(...)` adds a foreign key."""
        kind_node = call.args[1] if len(call.args) > 1 else None
        ref = call_of(kind_node, self.file)
        if ref is not None and ref.name == "references":
            target = self.value(ref.args[0]) if ref.args else UNKNOWN
            settings = {k: self.value(v) for k, v in ref.options.items()}
            col.type = reference_type(settings, self.mysql)
            if not isinstance(target, str) or not target:
                self.replay.report(
                    f"`references`: the table is not a literal; column '{col.name}' is read without its "
                    "foreign key",
                    *self.place(ref.node),
                    Severity.WARNING,
                    UNLINKED_COLUMN,
                )
                return
            ref_column = settings.get("column", Atom("id"))
            prefix = settings.get("prefix")
            self.replay.add_foreign_key(
                table,
                ForeignKey(
                    (col.name,),
                    str(target),
                    (str(ref_column) if isinstance(ref_column, str) else "id",),
                    str(prefix) if isinstance(prefix, str) and prefix else None,
                ),
            )
            return
        col.type = column_type(self.value(kind_node), options, self.mysql)

    def op_modify(self, table: ModelTable, call: Call) -> None:
        name = self.column_name(call)
        if name is None:
            return
        col = self.replay.column(table, name, *self.place(call.node), "modify")
        if col is None:
            return
        options = {k: self.value(v) for k, v in call.options.items()}
        self.typed(table, col, call, options)
        comment = options.get("comment")
        if isinstance(comment, str):
            col.comment = comment

    def op_remove(self, table: ModelTable, call: Call) -> None:
        name = self.column_name(call)
        if name is None:
            return
        if call.name == "remove_if_exists" and not any(
            c.name.casefold() == name.casefold() for c in table.columns
        ):
            return
        self.replay.remove_column(table, name, *self.place(call.node), "remove")

    def op_timestamps(self, table: ModelTable, call: Call) -> None:
        options = {k: self.value(v) for k, v in call.options.items()}
        if call.args:  # timestamps([type: :utc_datetime])
            options.update(keyword(self.value(call.args[0])))
        kind = column_type(options.get("type", Atom("naive_datetime")), {}, self.mysql)
        line, column = self.place(call.node)
        for key in ("inserted_at", "updated_at"):
            name = options.get(key, Atom(key))
            if name is False:
                continue
            if not isinstance(name, str) or not name:
                self.replay.not_replayed(
                    "`timestamps`", f"the name of `{key}` is not a literal", line, column
                )
                continue
            self.replay.add_column(table, ModelColumn(str(name), line, column, kind))


def _cut(text: str, size: int) -> str:
    """Source text quoted in a message: one line, at most `size` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= size else f"{flat[: size - 1]}…"


_TABLE_OPS: dict[str, Callable[[_Migration, Call], None]] = {
    "create": _Migration.op_create,
    "create_if_not_exists": _Migration.op_create,
    "alter": _Migration.op_alter,
    "drop": _Migration.op_drop,
    "drop_if_exists": _Migration.op_drop,
    "rename": _Migration.op_rename,
    "execute": _Migration.op_execute,
}
_COLUMN_OPS: dict[str, Callable[[_Migration, ModelTable, Call], None]] = {
    "add": _Migration.op_add,
    "add_if_not_exists": _Migration.op_add,
    "modify": _Migration.op_modify,
    "remove": _Migration.op_remove,
    "remove_if_exists": _Migration.op_remove,
    "timestamps": _Migration.op_timestamps,
}
