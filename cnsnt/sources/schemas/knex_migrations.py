"""Schema evidence from Knex migrations (`migrations/20240101120000_create_users.js`), replayed.

Each file exports `up(knex)`, which builds tables with Knex's schema builder:
`knex.schema.createTable('users', (t) => { t.increments(); t.string('email', 255);
t.integer('team_id').references('id').inTable('teams'); t.timestamps(); })`, `alterTable`
(or `table`) with `dropColumn`, `renameColumn`, `.alter()`, then `renameTable`,
`dropTable`, and `knex.raw('SQL')` (replayed as SQL). Chained calls run in the order
written. A name cnsnt cannot read (a loop over column names, an imported constant) is a
warning at its place, and that step is not replayed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from cnsnt.evidence import Evidence, ForeignKey
from cnsnt.model import Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import ModelColumn, ModelTable
from cnsnt.sources.schemas.grammars import SourceFile
from cnsnt.sources.schemas.js_migrations import name_or_warn, read_js_migrations
from cnsnt.sources.schemas.js_syntax import (
    FUNCTIONS,
    Step,
    calls,
    chain,
    exports_up,
    function_body,
    parameters,
)
from cnsnt.sources.schemas.replay import Replay
from cnsnt.sources.schemas.typeorm_migrations import UpReplay
from cnsnt.sources.schemas.typeorm_syntax import Node, Unresolved, evaluate

#: Knex column builders -> the SQL type they create (a length argument is added where it is one).
_TYPES = {
    "increments": "INTEGER", "bigIncrements": "BIGINT", "integer": "INTEGER", "bigInteger": "BIGINT",
    "bigint": "BIGINT", "tinyint": "TINYINT", "smallint": "SMALLINT", "mediumint": "MEDIUMINT",
    "text": "TEXT", "string": "VARCHAR", "float": "FLOAT", "double": "DOUBLE PRECISION",
    "decimal": "DECIMAL", "boolean": "BOOLEAN", "date": "DATE", "datetime": "TIMESTAMP",
    "timestamp": "TIMESTAMP", "time": "TIME", "binary": "BLOB", "enu": "ENUM", "enum": "ENUM",
    "json": "JSON", "jsonb": "JSONB", "uuid": "UUID", "geometry": "GEOMETRY", "geography": "GEOGRAPHY",
    "point": "POINT", "specificType": "", "inet": "INET",
}  # fmt: skip
#: Builders that take a length or a precision as their second argument.
_SIZED = frozenset({"string", "decimal", "float", "double", "binary"})
#: Steps of a column's chain that change nothing cnsnt reads.
_KEYS = frozenset({"increments", "bigIncrements"})


def is_knex_migration(text: str) -> bool:
    """Whether a JavaScript or TypeScript file holds a Knex migration (a quick look before parsing it)."""
    return "knex" in text.lower() and "queryInterface" not in text and exports_up(text)


def read_knex_migrations(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables a folder of Knex migrations leaves behind, replayed in file-name order."""
    return read_js_migrations(paths, spec, ctx, "Knex", ("knex", frozenset({"raw"})), _read_up)


def _read_up(
    file: SourceFile,
    up: Node,
    replay: Replay,
    sql: UpReplay,
    constants: dict[str, Any],
    held: Callable[[Node], bool],
) -> None:
    params = parameters(up, file)
    roots = {p for p in params[:1] if p} | {"knex"}
    _Up(file, replay, sql, constants, roots).run(up, held)


def _a_value(call: Node, file: SourceFile) -> bool:
    """A call passed to another call (`defaultTo(knex.raw('now()'))`): a value, not a statement.

    `Promise.all([knex.schema.createTable(...), ...])` and `.then(() => ...)` still run theirs.
    """
    parent = call.parent
    if parent is not None and parent.type == "array":
        parent = parent.parent
    if parent is None or parent.type != "arguments":
        return False
    outer = parent.parent
    function = outer.child_by_field_name("function") if outer is not None else None
    prop = (
        function.child_by_field_name("property")
        if function is not None and function.type == "member_expression"
        else None
    )
    return not (prop is not None and file.text(prop) in ("all", "allSettled", "then"))


class _Up:
    """One `up` function's schema-builder chains, applied in the order written."""

    def __init__(
        self, file: SourceFile, replay: Replay, sql: UpReplay, constants: dict[str, Any], roots: set[str]
    ) -> None:
        self.file = file
        self.replay = replay
        self.sql = sql
        self.constants = dict(constants)
        self.roots = roots | {f"{r}.schema" for r in roots}
        self.done: set[tuple[int, int]] = set()
        self.held: Callable[[Node], bool] = lambda _: False

    def run(self, up: Node, held: Callable[[Node], bool]) -> None:
        body = function_body(up)
        if body is None:
            return
        self.held = held
        self.remember(body)
        for call in calls(body):
            if (call.start_byte, call.end_byte) in self.done or held(call):
                continue
            root, steps = chain(call, self.file)
            for step in steps:
                self.done.add((step.node.start_byte, step.node.end_byte))
            if root is None or not steps:
                continue
            text = self.file.text(root).replace(" ", "").replace("\n", "")
            if text in self.roots and not _a_value(call, self.file):
                self.schema(steps)

    def remember(self, body: Node) -> None:
        """`const TABLE = 'users'` in `up`: a name the builder calls may use."""
        stack = [body]
        while stack:
            node = stack.pop()
            if node.type == "variable_declarator":
                name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
                if name is not None and value is not None and name.type == "identifier":
                    self.sql.constants[self.file.text(name)] = value
                    try:
                        found = evaluate(value, self.file, self.constants)
                    except Unresolved:
                        found = None
                    if isinstance(found, str):
                        self.constants.setdefault(self.file.text(name), found)
            stack.extend(reversed(node.named_children))

    def name(self, node: Node | None, what: str, step: Step) -> str | None:
        if node is None:
            return None
        return name_or_warn(node, self.file, self.constants, self.replay, what.replace("{", "{{") + "({})")

    def schema(self, steps: list[Step]) -> None:
        """`knex.schema.withSchema('x').createTable(...).alterTable(...)`, step by step."""
        schema: str | None = None
        for step in steps:
            line, column = self.file.place(step.node)
            what = f"knex.schema.{step.method}"
            first = step.args[0] if step.args else None
            if step.method == "raw":
                self.sql.call(step.node)
            elif step.method == "withSchema":
                schema = self.name(first, what, step)
            elif step.method in ("createTable", "createTableIfNotExists"):
                name = self.name(first, what, step)
                if name is None:
                    continue
                if step.method == "createTableIfNotExists" and self.replay.tables.get(
                    (("" if schema is None else schema).casefold(), name.casefold())
                ):
                    continue
                table = ModelTable(name, self.replay.shown, line, column, schema=schema)
                self.build(table, step)
                self.replay.create(table)
            elif step.method in ("alterTable", "table"):
                name = self.name(first, what, step)
                if name is not None:
                    self.build(self.replay.find_or_make(name, schema, line, column, what), step)
            elif step.method in ("dropTable", "dropTableIfExists"):
                name = self.name(first, what, step)
                if name is None:
                    continue
                if (
                    step.method == "dropTableIfExists"
                    and self.replay.tables.get(
                        (("" if schema is None else schema).casefold(), name.casefold())
                    )
                    is None
                ):
                    continue
                self.replay.drop(name, schema, line, column, what)
            elif step.method == "renameTable":
                old = self.name(first, what, step)
                new = self.name(step.args[1] if len(step.args) > 1 else None, what, step)
                if old is not None and new is not None:
                    self.replay.rename_table(old, new, schema, line, column, what)

    def build(self, table: ModelTable, step: Step) -> None:
        """The table builder callback (`(t) => { t.string('email'); ... }`) applied to `table`."""
        callback = next((a for a in step.args[1:] if a.type in FUNCTIONS), None)
        if callback is None:
            if len(step.args) > 1:
                self.replay.not_replayed(
                    f"knex.schema.{step.method}(..., {self.file.text(step.args[1])[:60]})",
                    "a table builder cnsnt cannot find",
                    *self.file.place(step.args[1]),
                    Severity.WARNING,
                )
            return
        params = parameters(callback, self.file)
        builder = params[0] if params and params[0] else None
        body = function_body(callback)
        if builder is None or body is None:
            return
        done: set[tuple[int, int]] = set()
        for call in calls(body):
            if (call.start_byte, call.end_byte) in done or self.held(call):
                continue
            root, steps = chain(call, self.file)
            for each in steps:
                done.add((each.node.start_byte, each.node.end_byte))
            if root is None or not steps:
                continue
            if self.file.text(root) == builder:
                self.column_chain(table, steps)

    def column_chain(self, table: ModelTable, steps: list[Step]) -> None:
        """`t.integer('user_id').unsigned().references('id').inTable('users')` and the table-wide calls."""
        head = steps[0]
        method = head.method
        line, column = self.file.place(head.node)
        what = f"table.{method}"
        first = head.args[0] if head.args else None
        if method in _TYPES:
            default = "id" if method in _KEYS else None
            name = default if first is None else self.name(first, what, head)
            if name is None:
                return
            ctype = self.type_of(method, head)
            alter = any(s.method == "alter" for s in steps[1:])
            existing = table.named(name)
            col = existing if alter and existing is not None else ModelColumn(name, line, column)
            col.type = ctype
            col.primary_key = (
                col.primary_key or method in _KEYS or any(s.method == "primary" for s in steps[1:])
            )
            for each in steps[1:]:
                if each.method == "comment" and each.args:
                    text = self.literal(each.args[0])
                    col.comment = text if isinstance(text, str) else col.comment
            if col is not existing:
                self.replay.add_column(table, col)
            self.references(table, (name,), steps[1:])
        elif method == "timestamps":
            flags = [self.literal(a) for a in head.args]
            camel = len(flags) > 2 and flags[2] is True
            for stamp in ("createdAt", "updatedAt") if camel else ("created_at", "updated_at"):
                self.replay.add_column(table, ModelColumn(stamp, line, column, type="TIMESTAMP"))
        elif method == "dropTimestamps":
            for stamp in ("created_at", "updated_at"):
                if any(c.name == stamp for c in table.columns):
                    self.replay.remove_column(table, stamp, line, column, what)
        elif method in ("dropColumn", "dropColumns"):
            for arg in head.args:
                name = self.name(arg, what, head)
                if name is not None:
                    self.replay.remove_column(table, name, line, column, what)
        elif method == "renameColumn":
            old = self.name(first, what, head)
            new = self.name(head.args[1] if len(head.args) > 1 else None, what, head)
            if old is not None and new is not None:
                self.replay.rename_column(table, old, new, line, column, what)
        elif method == "foreign" and first is not None:
            names = self.names(first, what, head)
            if names:
                self.references(table, names, steps[1:])
        elif method == "dropForeign" and first is not None:
            names = self.names(first, what, head)
            if names:
                folded = tuple(n.casefold() for n in names)
                self.replay.drop_foreign_keys(
                    table, lambda fk: tuple(c.casefold() for c in fk.columns) != folded
                )
        elif method == "comment" and first is not None:
            text = self.literal(first)
            table.comment = text if isinstance(text, str) else table.comment
        elif method == "primary" and first is not None:
            for name in self.names(first, what, head) or ():
                for col in table.columns:
                    col.primary_key = col.primary_key or col.name.casefold() == name.casefold()

    def names(self, node: Node, what: str, step: Step) -> tuple[str, ...] | None:
        """`'user_id'` or `['a', 'b']`."""
        if node.type == "array":
            out = [self.name(n, what, step) for n in node.named_children if n.type != "comment"]
            return tuple(n for n in out if n is not None) if all(out) else None
        found = self.name(node, what, step)
        return (found,) if found else None

    def references(self, table: ModelTable, columns: tuple[str, ...], steps: list[Step]) -> None:
        """`.references('id').inTable('users')` or `.references('users.id')` after a column or `foreign`."""
        target: str | None = None
        ref: str | None = None
        for step in steps:
            value = self.literal(step.args[0]) if step.args else None
            if step.method == "references" and isinstance(value, str):
                target, _, ref = value.rpartition(".") if "." in value else (target or "", "", value)
                target = target or None
            elif step.method in ("inTable", "on") and isinstance(value, str):
                target = value
            elif step.method in ("references", "inTable", "on"):
                self.replay.not_replayed(
                    f"{step.method}({self.file.text(step.args[0])[:60] if step.args else ''})",
                    "a foreign key cnsnt cannot read",
                    *self.file.place(step.node),
                    Severity.WARNING,
                )
                return
        if target is not None and ref is not None:
            self.replay.add_foreign_key(table, ForeignKey(columns, target, (ref,)))

    def type_of(self, method: str, head: Step) -> str:
        if method == "specificType":
            found = self.literal(head.args[1]) if len(head.args) > 1 else None
            return found.upper() if isinstance(found, str) else "UNKNOWN"
        base = _TYPES[method]
        sizes = [self.literal(a) for a in head.args[1:3]] if method in _SIZED else []
        sizes = [s for s in sizes if isinstance(s, int) and not isinstance(s, bool)]
        if method == "string" and not sizes:
            return "VARCHAR(255)"
        return f"{base}({', '.join(str(s) for s in sizes)})" if sizes else base

    def literal(self, node: Node) -> Any:
        try:
            return evaluate(node, self.file, self.constants)
        except Unresolved:
            return None
