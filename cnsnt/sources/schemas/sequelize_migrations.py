"""Schema evidence from sequelize-cli migrations (`migrations/20240101120000-create-user.js`), replayed.

Each file exports `up(queryInterface, Sequelize)`; its `queryInterface` calls change the
schema: `createTable('Users', { id: {...}, email: { type: Sequelize.STRING } })`,
`addColumn`, `removeColumn`, `renameColumn`, `changeColumn`, `renameTable`, `dropTable`,
`addConstraint` / `removeConstraint` (foreign keys), and `queryInterface.sequelize.query`
runs SQL (replayed as SQL). Columns are named as written (migrations get no `id` or
timestamps of their own); `references: { model: 'Users', key: 'id' }` is a foreign key.
A name cnsnt cannot read (a variable from another module, a loop) is a warning at its
place, and that call is not replayed.
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
from cnsnt.sources.schemas.js_syntax import arguments, callee, calls, exports_up, function_body, parameters
from cnsnt.sources.schemas.replay import Replay
from cnsnt.sources.schemas.sequelize_attributes import (
    Attribute,
    attribute,
    literal,
    options_of,
    read_attributes,
)
from cnsnt.sources.schemas.typeorm_migrations import UpReplay
from cnsnt.sources.schemas.typeorm_syntax import Node, Unresolved, evaluate

#: `queryInterface` methods that change tables and are not read: a warning each.
_UNREAD = frozenset({"dropAllTables", "createSchema", "dropSchema", "dropAllSchemas"})


def is_sequelize_migration(text: str) -> bool:
    """Whether a JavaScript file holds a sequelize-cli migration (a quick look before parsing it)."""
    return ("queryInterface" in text or "sequelize-cli" in text) and exports_up(text)


def read_sequelize_migrations(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables a folder of sequelize-cli migrations leaves behind, replayed in file-name order."""
    return read_js_migrations(
        paths, spec, ctx, "sequelize-cli", ("queryInterface.sequelize", frozenset({"query"})), _read_up
    )


def _read_up(
    file: SourceFile,
    up: Node,
    replay: Replay,
    sql: UpReplay,
    constants: dict[str, Any],
    held: Callable[[Node], bool],
) -> None:
    params = parameters(up, file)
    interface = {params[0]} if params and params[0] else set()
    _Up(file, replay, sql, constants, interface | {"queryInterface"}).run(up, held)


class _Up:
    """One `up` function's `queryInterface` calls, applied in the order written."""

    def __init__(
        self, file: SourceFile, replay: Replay, sql: UpReplay, constants: dict[str, Any], interface: set[str]
    ) -> None:
        self.file = file
        self.replay = replay
        self.sql = sql
        self.constants = dict(constants)
        self.interface = interface

    def run(self, up: Node, held: Callable[[Node], bool]) -> None:
        body = function_body(up)
        if body is None:
            return
        for node in _declarations(body):
            self.remember(node)
        for call in calls(body):
            if held(call):
                continue
            obj, method = callee(call, self.file)
            if method == "query" and (obj.endswith(".sequelize") or obj == "sequelize"):
                self.sql.call(call)
            elif obj in self.interface:
                self.call(call, method)

    def remember(self, node: Node) -> None:
        """`const table = 'users'` inside `up`: a name later calls use (and SQL text for `query`)."""
        for declarator in (c for c in node.named_children if c.type == "variable_declarator"):
            name, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
            if name is None or value is None or name.type != "identifier":
                continue
            self.sql.constants[self.file.text(name)] = value
            try:
                found = evaluate(value, self.file, self.constants)
            except Unresolved:
                continue
            if isinstance(found, str):
                self.constants.setdefault(self.file.text(name), found)

    def warn(self, node: Node, message: str) -> None:
        self.replay.report(message, *self.file.place(node), Severity.WARNING)

    def name(self, node: Node | None, call: Node, method: str) -> tuple[str, str | None] | None:
        """A table name: `'Users'` or `{ tableName: 'Users', schema: 'app' }`; a warning otherwise."""
        if node is None:
            return None
        if node.type == "object":
            options = options_of(node, self.file)
            table, schema = (
                literal(options.get(k), self.file, self.constants) for k in ("tableName", "schema")
            )
            if isinstance(table, str) and table:
                return table, schema if isinstance(schema, str) and schema else None
        else:
            try:
                found = evaluate(node, self.file, self.constants)
            except Unresolved:
                found = None
            if isinstance(found, str) and found:
                return found, None
        self.replay.not_replayed(
            f"queryInterface.{method}({self.file.excerpt(node, 60)}, ...)",
            "a name cnsnt cannot read",
            *self.file.place(node),
            Severity.WARNING,
        )
        return None

    def text(self, node: Node | None, method: str) -> str | None:
        if node is None:
            return None
        call = f"queryInterface.{method}(..., {{}})"
        return name_or_warn(node, self.file, self.constants, self.replay, call)

    def call(self, call: Node, method: str) -> None:
        args = arguments(call)
        line, column = self.file.place(call)
        what = f"queryInterface.{method}"
        warn = self.warn
        table: ModelTable | None = None
        if method == "createTable":
            named = self.name(args[0] if args else None, call, method)
            if named is None or len(args) < 2:
                return
            if args[1].type != "object":
                self.replay.not_replayed(
                    f"{what}({named[0]}, {self.file.text(args[1])[:60]})",
                    "columns cnsnt cannot read",
                    *self.file.place(args[1]),
                    Severity.WARNING,
                )
                return
            created = ModelTable(named[0], self.replay.shown, line, column, schema=named[1])
            options = options_of(args[2], self.file) if len(args) > 2 and args[2].type == "object" else {}
            comment = literal(options.get("comment"), self.file, self.constants)
            created.comment = comment if isinstance(comment, str) else None
            for attr in read_attributes(args[1], self.file, self.constants, warn):
                self.column(created, attr)
            self.replay.create(created)
        elif method in ("dropTable", "dropTableIfExists"):
            named = self.name(args[0] if args else None, call, method)
            if named is not None:
                self.replay.drop(named[0], named[1], line, column, what)
        elif method == "renameTable":
            was = self.name(args[0] if args else None, call, method)
            now = self.name(args[1] if len(args) > 1 else None, call, method)
            if was is not None and now is not None:
                self.replay.rename_table(was[0], now[0], was[1], line, column, what)
        elif method in ("addColumn", "changeColumn"):
            named = self.name(args[0] if args else None, call, method)
            col = self.text(args[1] if len(args) > 1 else None, method)
            if named is None or col is None or len(args) < 3:
                return
            attr = attribute(col, args[1], args[2], self.file, self.constants, warn)
            if method == "addColumn":
                self.column(self.replay.find_or_make(named[0], named[1], line, column, what), attr)
                return
            found = self.replay.find(named[0], named[1], line, column, what)
            existing = self.replay.column(found, col, line, column, what) if found is not None else None
            if found is None or existing is None:
                return
            existing.type = attr.type or existing.type
            existing.comment = attr.comment if attr.comment is not None else existing.comment
            if attr.references is not None:
                self.foreign_key(found, existing.name, attr)
        elif method == "removeColumn":
            named = self.name(args[0] if args else None, call, method)
            col = self.text(args[1] if len(args) > 1 else None, method)
            table = self.replay.find(named[0], named[1], line, column, what) if named else None
            if table is not None and col is not None:
                self.replay.remove_column(table, col, line, column, what)
        elif method == "renameColumn":
            named = self.name(args[0] if args else None, call, method)
            old = self.text(args[1] if len(args) > 1 else None, method)
            new = self.text(args[2] if len(args) > 2 else None, method)
            table = self.replay.find(named[0], named[1], line, column, what) if named else None
            if table is not None and old is not None and new is not None:
                self.replay.rename_column(table, old, new, line, column, what)
        elif method == "addConstraint":
            self.constraint(args, call, method)
        elif method == "removeConstraint":
            name = literal(args[1], self.file, self.constants) if len(args) > 1 else None
            if isinstance(name, str):
                self.replay.drop_named_foreign_key(name)
        elif method in _UNREAD:
            self.replay.not_replayed(f"{what}(...)", "cnsnt does not read it", line, column, Severity.WARNING)

    def column(self, table: ModelTable, attr: Attribute) -> None:
        if attr.virtual:
            return
        name = attr.field or attr.name
        self.replay.add_column(
            table,
            ModelColumn(
                name,
                *self.file.place(attr.node),
                type=attr.type,
                comment=attr.comment,
                primary_key=attr.primary_key,
            ),
        )
        if attr.references is not None:
            self.foreign_key(table, name, attr)

    def foreign_key(self, table: ModelTable, column: str, attr: Attribute) -> None:
        ref = attr.references
        assert ref is not None
        target = ref.table or ref.model
        if target:
            self.replay.add_foreign_key(table, ForeignKey((column,), target, (ref.key or "id",)))

    def constraint(self, args: list[Node], call: Node, method: str) -> None:
        """`addConstraint("Posts", { type: "foreign key", fields: ["userId"], references: {...} })`.

        The older form, `addConstraint('Posts', ['userId'], { type: 'foreign key', ... })`, too.
        """
        options_node = next((a for a in reversed(args) if a.type == "object"), None)
        if options_node is None or not args:
            return
        options = options_of(options_node, self.file)
        kind = literal(options.get("type"), self.file, self.constants)
        if not (isinstance(kind, str) and kind.replace(" ", "").lower() == "foreignkey"):
            return
        named = self.name(args[0], call, method)
        fields_node = options.get("fields") or (
            args[1] if len(args) > 2 and args[1].type == "array" else None
        )
        fields = literal(fields_node, self.file, self.constants) if fields_node is not None else None
        columns = [literal(f, self.file, self.constants) for f in fields] if isinstance(fields, list) else []
        refs_node = options.get("references")
        refs = (
            options_of(refs_node, self.file) if refs_node is not None and refs_node.type == "object" else {}
        )
        ref_table = literal(refs.get("table"), self.file, self.constants)
        ref_field = literal(refs.get("field"), self.file, self.constants)
        if (
            named is None
            or not columns
            or not all(isinstance(c, str) for c in columns)
            or not isinstance(ref_table, str)
        ):
            self.replay.not_replayed(
                f"queryInterface.{method}(...)",
                "a foreign key cnsnt cannot read",
                *self.file.place(call),
                Severity.WARNING,
            )
            return
        line, column = self.file.place(call)
        table = self.replay.find(named[0], named[1], line, column, f"queryInterface.{method}")
        if table is None:
            return
        name = literal(options.get("name"), self.file, self.constants)
        fk = ForeignKey(
            tuple(str(c) for c in columns), ref_table, (ref_field if isinstance(ref_field, str) else "id",)
        )
        self.replay.add_foreign_key(table, fk, name if isinstance(name, str) else None)


def _declarations(body: Node) -> list[Node]:
    """The `const` / `let` declarations of a function body, at any depth, in file order."""
    out: list[Node] = []
    stack = [body]
    while stack and len(out) < 10_000:
        node = stack.pop()
        if node.type in ("lexical_declaration", "variable_declaration"):
            out.append(node)
        stack.extend(reversed(node.named_children))
    return out
