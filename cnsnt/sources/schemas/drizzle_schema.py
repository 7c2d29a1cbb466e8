"""Schema evidence from Drizzle ORM schemas (TypeScript or JavaScript), parsed with tree-sitter.

The files are parsed with tree-sitter's TypeScript grammar, never compiled or run; the
modules they import and re-export inside the project are followed (`drizzle_files`).
Read from them:

- tables: `pgTable` / `mysqlTable` / `sqliteTable('name', { ... }, (t) => ...)`, a
  schema's `pgSchema('s').table(...)`, a creator's `pgTableCreator((name) => `app_${name}`)`
  tables (the name put in its template), columns given as an object or as a callback
  of builders (`(t) => ({ id: t.integer() })`); a view with its columns written out;
- columns: every dialect's builders as SQL types (`varchar('email', { length: 255 })` is
  `varchar(255)`, `doublePrecision` is `double precision`, `.array()` adds `[]`); a
  `pgEnum`'s columns have its type; a `customType`'s type is its `dataType()` string;
  a column is named by its builder's first argument, else by its key (with the
  project's `casing: 'snake_case'` or `'camelCase'` when a `drizzle(...)` call or a
  `drizzle.config` says so as a literal, `drizzle_casing`);
- column sets spread into tables (`...timestamps`) when they are literal objects of the
  project, and helper functions that return one column (`const id = (name) => varchar(name)`);
- keys: `.primaryKey()` and `primaryKey({ columns: [...] })`; foreign keys
  `.references(() => users.id)` and `foreignKey({ columns, foreignColumns })`, the target
  table found through the imports; `relations(...)` declare no key and are passed over.

A value cnsnt cannot read (a computed name, a spread of a function's result, an unknown
builder) is a warning at its file, line and column; the rest of the table is read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cnsnt.evidence import Evidence, SourceProblem
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import (
    ModelColumn,
    ModelTable,
    enum_type,
    model_evidence,
    model_failed,
    nothing_found,
)
from cnsnt.sources.schemas.drizzle_casing import project_casing
from cnsnt.sources.schemas.drizzle_files import Module, Node, Project, generic_call
from cnsnt.sources.schemas.drizzle_keys import KeyReader
from cnsnt.sources.schemas.drizzle_syntax import (
    FUNCTIONS,
    Callee,
    DeclaredTable,
    Pending,
    Scope,
    arguments,
    gives,
    parameters,
    returns,
)
from cnsnt.sources.schemas.drizzle_types import (
    ENUMS,
    SCHEMAS,
    TABLE_CREATORS,
    TABLES,
    VIEWS,
    cased,
    sql_type,
)
from cnsnt.sources.schemas.drizzle_values import DEPTH, Env, Ref, Unresolved, Values, unwrap
from cnsnt.sources.schemas.grammars import warn_once
from cnsnt.sources.schemas.typeorm_syntax import string_value

#: Column methods that change the column's type (`.array()`).
_ARRAY = "array"


def read_drizzle(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables an entry's Drizzle schema files declare (all files at once: tables reference each other)."""
    problems: list[SourceProblem] = []
    project = Project(ctx, problems)
    project.load(paths)
    casing = project_casing(paths, ctx, list(project.modules.values()))
    reader = Reader(project, casing, problems)
    tables = reader.read()
    if not tables and not any(p.severity is None for p in problems):
        shown = ctx.shown(paths[0]) if paths else spec.pattern
        problems.append(nothing_found(shown, "Drizzle table (pgTable, mysqlTable, sqliteTable)"))
    return model_evidence(tables, problems, sum(1 for m in project.modules.values() if m.own))


class Reader(KeyReader):
    """Drizzle table declarations -> tables, columns and keys."""

    def __init__(self, project: Project, casing: str | None, problems: list[SourceProblem]) -> None:
        self.project = project
        self.values = Values(project)
        self.casing = casing
        self.problems = problems
        self._tables: dict[tuple[Path, int], DeclaredTable | None] = {}
        self._pending: list[Pending] = []
        self._warned: set[tuple[str, int, int]] = set()
        self._quiet = False

    # ---- reports

    def warn(self, module: Module, node: Node, what: str) -> None:
        """A warning at `node`, said once per place (a helper read for many tables)."""
        if self._quiet:
            return
        file = module.file
        warn_once(self.problems, self._warned, file, node, f"{what}: `{file.excerpt(node)}`")

    # ---- tables

    def read(self) -> list[ModelTable]:
        """Each table of the entry's own modules, in file order, then their foreign keys."""
        out: list[ModelTable] = []
        for module in list(self.project.modules.values()):
            if not module.own:
                continue
            for name in module.order:
                value = module.declarations[name]
                try:
                    table = self.table(module, name, value)
                except Exception as exc:  # noqa: BLE001 - one table's bug must not lose the others
                    line, column = module.file.place(value)
                    self.problems.append(model_failed(exc, module.file.shown, line, column, f"table {name}"))
                    continue
                if table is not None:
                    out.append(table.model)
        for pending in self._pending:
            try:
                self._foreign_key(pending)
            except Exception as exc:  # noqa: BLE001 - one key's bug must not lose the others
                line, column = pending.table.model.line, pending.table.model.column
                self.problems.append(
                    model_failed(
                        exc, pending.table.model.path, line, column, f"a key of {pending.table.model.name}"
                    )
                )
        return out

    def table(self, module: Module, name: str, value: Node) -> DeclaredTable | None:
        """The table a declaration makes, read once (other tables' keys look it up too)."""
        key = (module.path, value.start_byte)
        if key in self._tables:
            return self._tables[key]
        self._tables[key] = None  # a declaration that names itself is no table
        quiet, self._quiet = self._quiet, self._quiet or not module.own
        try:
            found = self._table(module, name, value)
        finally:
            self._quiet = quiet
        self._tables[key] = found
        return found

    def _table(self, module: Module, name: str, value: Node) -> DeclaredTable | None:
        call = unwrap(value)
        callee = Callee("unknown")
        for _ in range(DEPTH):  # `pgTable(...).enableRLS()`: the table call under the methods
            if call.type != "call_expression":
                return None
            function = call.child_by_field_name("function")
            if function is None:
                return None
            callee = self.callee(Ref(module, function), Scope())
            if callee.kind in ("table", "view"):
                break
            inner = (
                unwrap(function.child_by_field_name("object"))
                if function.type == "member_expression"
                else None
            )
            if inner is None or inner.type != "call_expression":
                return None
            call = inner
        if callee.kind not in ("table", "view"):
            return None
        args = arguments(call)
        table_name = self._table_name(module, args, name, callee)
        line, column = module.file.place(call)
        model = ModelTable(
            table_name, module.file.shown, line, column, schema=callee.schema, is_view=callee.kind == "view"
        )
        table = DeclaredTable(model, module, module.own)
        if len(args) > 1:
            self._column_set(table, Ref(module, args[1]), Scope(), 0)
        elif callee.kind == "view":
            self.warn(
                module, call, "a Drizzle view whose columns come from its query: cnsnt reads no column of it"
            )
        if len(args) > 2:
            self._extra(table, Ref(module, args[2]), name)
        return table

    def _table_name(self, module: Module, args: list[Node], variable: str, callee: Callee) -> str:
        given: str | None = None
        if args:
            try:
                given = self.values.text(Ref(module, args[0]), {})
            except Unresolved as exc:
                self.warn(
                    exc.module, exc.node, "a table name cnsnt cannot evaluate; the variable's name is used"
                )
        name = given or variable
        before, after = callee.template
        return f"{before}{name}{after}"

    # ---- what a function is

    def callee(self, ref: Ref, scope: Scope, depth: int = 0) -> Callee:
        """What the function of a call is (`pgTable`, `s.table`, `t.text`, a helper, a custom type)."""
        module, node = ref.module, unwrap(ref.node)
        if depth > DEPTH:
            return Callee("unknown")
        if node.type == "identifier":
            text = module.file.text(node)
            if text in module.core and text not in module.declarations:
                return self._core(module.core[text])
            found = self.values.name(Ref(module, node), scope.env, depth)
            if found is None:
                return Callee("unknown", text)
            return self._declared(found, depth)
        if node.type == "member_expression":
            obj, prop = node.child_by_field_name("object"), node.child_by_field_name("property")
            if obj is None or prop is None:
                return Callee("unknown")
            member = module.file.text(prop)
            inner = unwrap(obj)
            if inner.type == "identifier":
                text = module.file.text(inner)
                if text in module.namespaces or text in scope.builders:
                    return self._core(member)
            holder = self._schema_of(Ref(module, inner), scope, depth)
            if holder is not None:
                return self._schema_member(holder, member)
            return Callee("unknown", module.file.text(node))
        return Callee("unknown")

    def _core(self, name: str) -> Callee:
        if name in TABLES:
            return Callee("table", name)
        if name in VIEWS:
            return Callee("view", name)
        return Callee("core", name)

    def _declared(self, ref: Ref, depth: int) -> Callee:
        """A function declared in the project: a creator's table, an enum, a custom type, a helper."""
        node = unwrap(ref.node)
        if node.type in FUNCTIONS:
            return Callee("function", decl=Ref(ref.module, node))
        if node.type in ("identifier", "member_expression"):  # `const table = pgTable`
            return self.callee(Ref(ref.module, node), Scope(), depth + 1)
        if node.type != "call_expression":
            return Callee("unknown")
        function = node.child_by_field_name("function")
        if function is None:
            return Callee("unknown")
        made = self.callee(Ref(ref.module, function), Scope(), depth + 1)
        args = arguments(node)
        if made.kind == "core" and made.name in TABLE_CREATORS and args:
            return Callee("table", made.name, template=self._template(Ref(ref.module, args[0])))
        if made.kind == "core" and made.name == "customType":
            return Callee("custom", decl=Ref(ref.module, node))
        if (made.kind == "core" and made.name in ENUMS) or made.kind == "enum":
            try:
                name = self.values.text(Ref(ref.module, args[0]), {}) if args else None
            except Unresolved:
                name = None
            return Callee("enum", name or "enum", schema=made.schema)
        return Callee("unknown")

    def _schema_of(self, ref: Ref, scope: Scope, depth: int) -> str | None:
        """The schema's name when `ref` is `pgSchema('s')` or a const holding it."""
        node = unwrap(ref.node)
        if node.type == "identifier":
            found = self.values.name(Ref(ref.module, node), scope.env, depth)
            if found is None:
                return None
            ref, node = found, unwrap(found.node)
        if node.type != "call_expression":
            return None
        function = node.child_by_field_name("function")
        if function is None or self.callee(Ref(ref.module, function), Scope(), depth + 1).name not in SCHEMAS:
            return None
        args = arguments(node)
        try:
            return (self.values.text(Ref(ref.module, args[0]), {}) if args else None) or None
        except Unresolved:
            return None

    def _schema_member(self, schema: str, member: str) -> Callee:
        if member == "table":
            return Callee("table", member, schema=schema)
        if member in ("view", "materializedView"):
            return Callee("view", member, schema=schema)
        if member == "enum":
            return Callee("enum", member, schema=schema)
        return Callee("unknown", member)

    def _template(self, ref: Ref) -> tuple[str, str]:
        """`(name) => `app_${name}``: ("app_", "")."""
        node = unwrap(ref.node)
        body = node.child_by_field_name("body") if node.type == "arrow_function" else None
        body = unwrap(body) if body is not None else None
        params = parameters(node, ref.module) if node.type == "arrow_function" else []
        if body is not None and body.type == "identifier" and ref.module.file.text(body) in params[:1]:
            return ("", "")  # `(name) => name`: the names as written
        if body is None or body.type != "template_string":
            self.warn(ref.module, node, "a table creator cnsnt cannot read; table names are used as written")
            return ("", "")
        parts = [c for c in body.named_children if c.type in ("string_fragment", "template_substitution")]
        holes = [i for i, c in enumerate(parts) if c.type == "template_substitution"]
        if len(holes) != 1:
            self.warn(ref.module, node, "a table creator cnsnt cannot read; table names are used as written")
            return ("", "")
        file = ref.module.file
        before = "".join(file.text(c) for c in parts[: holes[0]] if c.type == "string_fragment")
        after = "".join(file.text(c) for c in parts[holes[0] + 1 :] if c.type == "string_fragment")
        return before, after

    # ---- columns

    def _column_set(self, table: DeclaredTable, ref: Ref, scope: Scope, depth: int) -> None:
        """The columns of an object (`{ id: serial() }`), a callback returning one, or a const naming one."""
        module, node = ref.module, unwrap(ref.node)
        if depth > 8:
            self.warn(module, node, "column sets nested too deep: cnsnt reads no further")
            return
        if node.type == "arrow_function":
            params = parameters(node, module)
            body = node.child_by_field_name("body")
            body = gives(body) if body is not None else None
            if body is not None:
                builders = frozenset(params[:1]) | scope.builders
                self._column_set(table, Ref(module, body), Scope(scope.env, builders), depth + 1)
                return
        elif node.type == "object":
            self._object_columns(table, Ref(module, node), scope, depth)
            return
        elif node.type in ("identifier", "member_expression"):
            found = self._object_of(Ref(module, node), scope)
            if found is not None:
                self._column_set(table, found, Scope(builders=scope.builders), depth + 1)
                return
        elif node.type == "call_expression":
            returned = self._helper_result(Ref(module, node), scope)
            if returned is not None:
                self._column_set(table, returned[0], returned[1], depth + 1)
                return
        self.warn(module, node, "columns cnsnt cannot read (not a literal object of the project)")

    def _object_of(self, ref: Ref, scope: Scope) -> Ref | None:
        """The object a name stands for (`timestamps`, `shared.timestamps`), or None."""
        node = unwrap(ref.node)
        if node.type == "identifier":
            return self.values.name(Ref(ref.module, node), scope.env)
        if node.type == "member_expression":
            obj, prop = node.child_by_field_name("object"), node.child_by_field_name("property")
            if obj is None or prop is None:
                return None
            holder = self._object_of(Ref(ref.module, obj), scope)
            if holder is None or unwrap(holder.node).type != "object":
                return None
            try:
                found = self.values.object(Ref(holder.module, unwrap(holder.node)), {})
            except Unresolved:
                return None
            return found.get(ref.module.file.text(prop))
        return None

    def _helper_result(self, ref: Ref, scope: Scope) -> tuple[Ref, Scope] | None:
        """What a call of the project's own helper function returns, its parameters bound to the arguments."""
        node = unwrap(ref.node)
        function = node.child_by_field_name("function")
        if function is None:
            return None
        callee = self.callee(Ref(ref.module, function), scope)
        if callee.kind != "function" or callee.decl is None:
            return None
        decl = callee.decl
        body = decl.node.child_by_field_name("body")
        returned = gives(body) if body is not None else None
        if returned is None:
            return None
        env: Env = {}
        for param, arg in zip(parameters(decl.node, decl.module), arguments(node), strict=False):
            env[param] = Ref(ref.module, arg)
        return Ref(decl.module, returned), Scope(env, scope.builders)

    def _object_columns(self, table: DeclaredTable, ref: Ref, scope: Scope, depth: int) -> None:
        module = ref.module
        file = module.file
        for child in ref.node.named_children:
            if child.type in ("comment", "ERROR"):  # a syntax error is the file's problem, said once
                continue
            if child.type == "pair":
                key_node, value = child.child_by_field_name("key"), child.child_by_field_name("value")
                if key_node is None or value is None:
                    continue
                if key_node.type == "property_identifier":
                    key = file.text(key_node)
                elif key_node.type == "string":
                    key = string_value(key_node, file)
                elif key_node.type == "number":
                    key = file.text(key_node)
                else:
                    self.warn(module, key_node, "a column under a computed key: cnsnt cannot tell its name")
                    continue
                self._column(table, key, child, Ref(module, value), scope)
            elif child.type == "shorthand_property_identifier":
                found = self.values.name(Ref(module, child), scope.env)
                if found is None:
                    self.warn(module, child, "a column cnsnt cannot find the declaration of")
                    continue
                self._column(table, file.text(child), child, found, scope)
            elif child.type == "spread_element":
                inner = next((c for c in child.named_children if c.type != "comment"), None)
                if inner is None:
                    continue
                self._spread(table, Ref(module, inner), child, scope, depth)
            else:
                self.warn(module, child, "a column cnsnt cannot read")

    def _spread(self, table: DeclaredTable, ref: Ref, at: Node, scope: Scope, depth: int) -> None:
        """`...timestamps` / `...timestamps()`: a literal column set of the project, else a warning."""
        node = unwrap(ref.node)
        found: Ref | None = None
        inner_scope = Scope(builders=scope.builders)
        if node.type in ("identifier", "member_expression"):
            found = self._object_of(Ref(ref.module, node), scope)
        elif node.type == "call_expression":
            result = self._helper_result(Ref(ref.module, node), scope)
            if result is not None:
                found, inner_scope = result
        if found is None or unwrap(found.node).type not in ("object", "identifier", "member_expression"):
            self.warn(
                ref.module,
                at,
                "columns spread from a value cnsnt cannot read (not a literal object of the project)",
            )
            return
        self._column_set(table, found, inner_scope, depth + 1)

    def _column(self, table: DeclaredTable, key: str, at: Node, ref: Ref, scope: Scope) -> None:
        """One column: its builder chain read down to the builder call."""
        methods: list[tuple[str, list[Ref]]] = []
        module, node = ref.module, unwrap(ref.node)
        for _ in range(DEPTH):
            generic = generic_call(node, module.file)
            if generic is not None:  # `.$type<import("./x").T>()` as the grammar reads it
                node = unwrap(generic)
                if node.type == "member_expression" and node.child_by_field_name("object") is not None:
                    node = unwrap(node.child_by_field_name("object"))
                continue
            if node.type in ("identifier", "shorthand_property_identifier"):
                found = self.values.name(Ref(module, node), scope.env)
                if found is None:
                    break
                module, node, scope = found.module, unwrap(found.node), Scope(builders=scope.builders)
                continue
            if node.type != "call_expression":
                break
            function = node.child_by_field_name("function")
            if function is None:
                break
            if function.type == "member_expression":
                obj = function.child_by_field_name("object")
                prop = function.child_by_field_name("property")
                inner = unwrap(obj) if obj is not None else None
                if inner is not None and prop is not None and inner.type in ("call_expression", "identifier"):
                    callee = self.callee(Ref(module, function), scope)
                    if callee.kind == "unknown" and not (
                        inner.type == "identifier" and module.file.text(inner) in scope.builders
                    ):
                        methods.append((module.file.text(prop), [Ref(module, a) for a in arguments(node)]))
                        node = inner
                        continue
            callee = self.callee(Ref(module, function), scope)
            if callee.kind == "function":
                result = self._helper_result(Ref(module, node), scope)
                if result is None:
                    break
                (module, node), scope = (result[0].module, unwrap(result[0].node)), result[1]
                continue
            self._builder(table, key, at, ref.module, Ref(module, node), callee, scope, methods)
            return
        self.warn(module, node, "a column cnsnt cannot read (not a Drizzle column builder)")

    def _builder(
        self,
        table: DeclaredTable,
        key: str,
        at: Node,
        home: Module,
        call: Ref,
        callee: Callee,
        scope: Scope,
        methods: list[tuple[str, list[Ref]]],
    ) -> None:
        module = call.module
        args = [Ref(module, a) for a in arguments(call.node)]
        given: str | None = None
        config_ref: Ref | None = None
        rest = args
        if args and unwrap(args[0].node).type != "object":
            try:
                given = self.values.text(args[0], scope.env)
            except Unresolved as exc:
                self.warn(
                    exc.module, exc.node, "a column name cnsnt cannot evaluate; its key is used in its place"
                )
            rest = args[1:]
        config_ref = next((a for a in rest if unwrap(a.node).type == "object"), None)
        config = self.values.options(config_ref, scope.env)
        kind = self._type(table, callee, call, args, config)
        if kind is not None and any(m == _ARRAY for m, _ in methods):
            kind = f"{kind}[]"
        name = given or cased(key, self.casing)
        line, column = home.file.place(at)
        primary = any(m == "primaryKey" for m, _ in methods)
        col = ModelColumn(
            name,
            line,
            column,
            kind,
            None,
            primary,
            home.file.shown if home.file.shown != table.model.path else None,
        )
        table.model.add(col)
        table.props[key] = name
        for method, margs in methods:
            if method == "references" and margs:
                self._reference(table, name, margs[0])

    def _type(
        self, table: DeclaredTable, callee: Callee, call: Ref, args: list[Ref], config: dict[str, Any]
    ) -> str | None:
        dialect = call.module.dialect or table.module.dialect
        if callee.kind == "core":
            if callee.name == "mysqlEnum":
                values = self._enum_values(args)
                return enum_type(values) if values else "enum"
            found = sql_type(callee.name, dialect, config)
            if found is None:
                self.warn(
                    call.module,
                    call.node,
                    f"a Drizzle builder cnsnt does not know ({callee.name}): the column has no type",
                )
            return found
        if callee.kind == "enum":
            return callee.name
        if callee.kind == "custom" and callee.decl is not None:
            return self._custom_type(callee.decl, config)
        self.warn(
            call.module, call.node, "a column builder cnsnt cannot find: the column is read without a type"
        )
        return None

    def _enum_values(self, args: list[Ref]) -> list[str]:
        for arg in args:
            try:
                found = self.values.literal(arg, {})
            except Unresolved:
                continue
            if isinstance(found, list):
                out: list[str] = []
                for item in found:
                    try:
                        value = self.values.literal(item, {})
                    except Unresolved:
                        return []
                    if isinstance(value, str):
                        out.append(value)
                return out
        return []

    def _custom_type(self, decl: Ref, config: dict[str, Any]) -> str | None:
        """`customType({ dataType() { return 'x' } })`: `x`, with `${config.length}` put in when given."""
        args = arguments(decl.node)
        spec = unwrap(args[0]) if args else None
        if spec is None or spec.type != "object":
            return None
        file = decl.module.file
        for member in spec.named_children:
            name = member.child_by_field_name("name") if member.type == "method_definition" else None
            value = member.child_by_field_name("value") if member.type == "pair" else None
            key = member.child_by_field_name("key") if member.type == "pair" else None
            body: Node | None = None
            if name is not None and file.text(name) == "dataType":
                body = member.child_by_field_name("body")
            elif key is not None and value is not None and file.text(key) == "dataType":
                body = unwrap(value).child_by_field_name("body")
            if body is None:
                continue
            for returned in returns(body):  # `if (config?.precision) return ...; return "numeric"`
                found = _template_text(returned, file, config)
                if found is not None:
                    return found
            return None
        return None


def _template_text(node: Node, file: Any, config: dict[str, Any]) -> str | None:
    """A custom type's `dataType()` text; `${config.x}` is the column's option `x` when given."""
    if node.type == "string":
        return _type_only(string_value(node, file))
    if node.type != "template_string":
        return None
    parts: list[str] = []
    for child in node.named_children:
        if child.type == "string_fragment":
            parts.append(file.text(child))
        elif child.type == "template_substitution":
            inner = next(iter(child.named_children), None)
            prop = (
                inner.child_by_field_name("property")
                if inner is not None and inner.type == "member_expression"
                else None
            )
            value = config.get(file.text(prop)) if prop is not None else None
            if value is None or isinstance(value, (dict, list)):
                return None
            parts.append(str(value))
    return _type_only("".join(parts))


def _type_only(text: str) -> str | None:
    """A custom type's SQL without the collation or character set that may follow it."""
    words = text.lower().split()
    for stop in ("collate", "character", "charset"):
        if stop in words:
            words = words[: words.index(stop)]
    return " ".join(words) or None
