"""Drizzle's keys: `primaryKey({ columns })`, `.references(() => users.id)`, `foreignKey({ ... })`.

A table's third argument declares its composite keys (`(t) => [primaryKey({ columns:
[t.a, t.b] })]`, or the older object of them); a column's `.references()` and a
`foreignKey()` name the target column through another table's variable, which may be
declared in another module: those are looked up once every table is read.
"""

from __future__ import annotations

from cnsnt.evidence import ForeignKey
from cnsnt.sources.schemas.drizzle_files import Module, Node, Project, resolve
from cnsnt.sources.schemas.drizzle_syntax import (
    Callee,
    DeclaredTable,
    Pending,
    Scope,
    arguments,
    base_call,
    gives,
    parameters,
)
from cnsnt.sources.schemas.drizzle_types import KEYS
from cnsnt.sources.schemas.drizzle_values import Ref, Unresolved, Values, unwrap


class KeyReader:
    """The key half of the Drizzle reader (`drizzle_schema.Reader` is the other)."""

    values: Values
    project: Project
    _pending: list[Pending]

    def warn(self, module: Module, node: Node, what: str) -> None:
        """A warning at `node` (the reader's)."""
        raise NotImplementedError

    def callee(self, ref: Ref, scope: Scope, depth: int = 0) -> Callee:
        """What a called function is (the reader's)."""
        raise NotImplementedError

    def table(self, module: Module, name: str, value: Node) -> DeclaredTable | None:
        """The table a declaration makes (the reader's)."""
        raise NotImplementedError

    def _reference(self, table: DeclaredTable, column: str, arg: Ref) -> None:
        """`.references(() => users.id)`: a key to the column the arrow function returns."""
        node = unwrap(arg.node)
        body = node.child_by_field_name("body") if node.type == "arrow_function" else None
        body = gives(body) if body is not None else None
        if body is None or body.type != "member_expression":
            self.warn(arg.module, node, "a reference cnsnt cannot read (not `() => table.column`)")
            return
        if table.own:
            self._pending.append(Pending(table, [column], [Ref(arg.module, body)], frozenset()))

    def _extra(self, table: DeclaredTable, ref: Ref, variable: str) -> None:
        """The third argument: `primaryKey({ columns })` and `foreignKey({ columns, foreignColumns })`."""
        module, node = ref.module, unwrap(ref.node)
        if node.type != "arrow_function":
            return
        params = parameters(node, module)
        selves = frozenset([*params[:1], variable])
        body = node.child_by_field_name("body")
        body = gives(body) if body is not None else None
        if body is None:
            return
        items: list[Node] = []
        if body.type == "array":
            items = [c for c in body.named_children if c.type != "comment"]
        elif body.type == "object":
            items = [c.child_by_field_name("value") for c in body.named_children if c.type == "pair"]
        for item in items:
            if item is None:
                continue
            call = base_call(unwrap(item))
            if call is None:
                continue
            function = call.child_by_field_name("function")
            callee = (
                self.callee(Ref(module, function), Scope()) if function is not None else Callee("unknown")
            )
            if callee.kind != "core" or callee.name not in KEYS:
                continue
            if callee.name == "primaryKey":
                self._primary_key(table, Ref(module, call), selves)
            else:
                self._foreign_key_config(table, Ref(module, call), selves)

    def _own_columns(self, table: DeclaredTable, refs: list[Ref], selves: frozenset[str]) -> list[str] | None:
        """`[t.a, t.b]` as the table's column names; None (and a warning) when one is not the table's."""
        out: list[str] = []
        for ref in refs:
            node = unwrap(ref.node)
            obj = node.child_by_field_name("object") if node.type == "member_expression" else None
            prop = node.child_by_field_name("property") if node.type == "member_expression" else None
            file = ref.module.file
            if (
                obj is None
                or prop is None
                or file.text(obj) not in selves
                or file.text(prop) not in table.props
            ):
                self.warn(ref.module, node, "a key column cnsnt cannot tell (not a column of this table)")
                return None
            out.append(table.props[file.text(prop)])
        return out

    def _key_lists(self, call: Ref) -> tuple[dict[str, Ref], list[Ref]]:
        args = arguments(call.node)
        if len(args) == 1 and unwrap(args[0]).type == "object":
            try:
                return self.values.object(Ref(call.module, unwrap(args[0])), {}), []
            except Unresolved as exc:
                self.warn(exc.module, exc.node, "a key cnsnt cannot read")
                return {}, []
        return {}, [Ref(call.module, a) for a in args]

    def _list(self, ref: Ref | None) -> list[Ref]:
        if ref is None:
            return []
        try:
            found = self.values.literal(ref, {})
        except Unresolved:
            found = None
        if not isinstance(found, list):
            self.warn(ref.module, ref.node, "a key's columns cnsnt cannot read (not a literal list)")
            return []
        return found

    def _primary_key(self, table: DeclaredTable, call: Ref, selves: frozenset[str]) -> None:
        options, positional = self._key_lists(call)
        refs = self._list(options.get("columns")) if options else positional
        columns = self._own_columns(table, refs, selves)
        for name in columns or []:
            for col in table.model.columns:
                if col.name == name:
                    col.primary_key = True

    def _foreign_key_config(self, table: DeclaredTable, call: Ref, selves: frozenset[str]) -> None:
        options, _ = self._key_lists(call)
        columns = self._own_columns(table, self._list(options.get("columns")), selves)
        targets = self._list(options.get("foreignColumns"))
        if columns and targets and table.own:
            if len(columns) != len(targets):
                self.warn(
                    call.module, call.node, "a foreign key whose columns and foreignColumns differ in number"
                )
                return
            self._pending.append(Pending(table, columns, targets, selves))

    def _foreign_key(self, pending: Pending) -> None:
        """A key's target columns (`users.id`) found: the table through the imports, the column by its key."""
        target: DeclaredTable | None = None
        refs: list[str] = []
        for ref in pending.targets:
            node = unwrap(ref.node)
            obj = node.child_by_field_name("object") if node.type == "member_expression" else None
            prop = node.child_by_field_name("property") if node.type == "member_expression" else None
            if obj is None or prop is None:
                self.warn(ref.module, node, "a referenced column cnsnt cannot read")
                return
            file = ref.module.file
            if file.text(obj) in pending.selves:
                found: DeclaredTable | None = pending.table
            else:
                found = self._table_named(Ref(ref.module, unwrap(obj)))
            if found is None:
                self.warn(ref.module, obj, "a referenced table cnsnt cannot find among the schema's files")
                return
            column = found.props.get(file.text(prop))
            if column is None:
                self.warn(
                    ref.module, prop, f"a referenced column that table {found.model.name} does not declare"
                )
                return
            target = found
            refs.append(column)
        if target is None:
            return
        pending.table.model.foreign_keys.append(
            ForeignKey(tuple(pending.columns), target.model.name, tuple(refs), target.model.schema)
        )

    def _table_named(self, ref: Ref) -> DeclaredTable | None:
        """The table a name stands for (`users`, `schema.users` of `import * as schema`)."""
        node = ref.node
        if node.type == "member_expression":
            prop = node.child_by_field_name("property")
            obj = node.child_by_field_name("object")
            if prop is None or obj is None or unwrap(obj).type != "identifier":
                return None
            spec = ref.module.imports.get(ref.module.file.text(unwrap(obj)))
            if spec is None or spec[1] != "*":
                return None
            path = resolve(spec[0], ref.module.path)
            target = self.project.modules.get(path.resolve()) if path is not None else None
            found = self.project.lookup(target, ref.module.file.text(prop)) if target is not None else None
        elif node.type == "identifier":
            found = self.project.find(ref.module, ref.module.file.text(node))
        else:
            return None
        if found is None:
            return None
        module, value = found
        name = next((n for n, v in module.declarations.items() if v.start_byte == value.start_byte), "")
        return self.table(module, name, value)
