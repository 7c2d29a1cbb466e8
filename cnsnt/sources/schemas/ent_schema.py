"""Schema evidence from ent schemas (`entgo.io/ent`), parsed with tree-sitter-go.

An ent schema is Go code that ent's code generator (`entc`) reads: a struct embedding
`ent.Schema` whose methods return its fields, edges, mixins and annotations. cnsnt
reads those methods without running them, as `entc/gen` turns them into tables:

- a table per schema type (an exported struct embedding `ent.Schema` that no `Mixin()`
  names): `entsql.Annotation{Table: "x"}` in `Annotations()` (or the
  older `ent.Config{Table: "x"}` of `Config()`), else `snake(Pluralize(Name))`
  (`entc/gen/type.go` `Table()`: `CardInfo` -> `card_infos`); `snake` as entc's
  (`HTTPCode` -> `http_code`);
- columns: an `id` key (`bigint`) unless a field is named `id`; then the fields of each
  mixin in `Mixin()` (a struct of the entry embedding `mixin.Schema`, read the same way;
  ent's own `mixin.Time` gives `create_time`, `update_time`), then `Fields()`:
  `field.String/Text/Int/Int8/../Uint64/Float/Float32/Bool/Time/Enum/UUID/JSON/Bytes/
  Strings/Ints/Floats/Any/Other("name", ...)`, named by `.StorageKey("col")` or the
  name, with `.Comment("...")`; `.SchemaType(map[string]string{dialect.Postgres: "x"})`
  gives the type; `.Sensitive()` (ent's own mark for a secret: never printed, never
  serialised) is noted in the column's comment. A method may build its list in steps
  (`fields := Base{}.Fields(); fields = append(fields, ...)`): each step is followed;
- edges give the foreign-key columns entc adds (`entc/gen/graph.go` `resolve`): an
  `edge.To("pets", Pet.Type)` without inverse puts `user_pets` in `pets` (O2M), with
  `.Unique()` `user_pets` in `users` (M2O); an inverse `edge.From("owner", User.Type)
  .Ref("pets")` names the column after the assoc edge (`user_pets`), in the table of the
  unique side; non-unique on both sides (and a type's own non-unique edge to itself) is a
  join table `user_groups` of `user_id`, `group_id`; `.Field("owner_id")` makes an
  existing field the key. Each key references the other table's `id`;
- types as ent's PostgreSQL dialect creates them (`dialect/sql/schema/postgres.go`):
  String, Enum -> `varchar`, Text -> `text`, Int, Int64, Uint, Uint32, Uint64 ->
  `bigint`, Int32, Uint16 -> `integer`, Int8, Int16, Uint8 -> `smallint`, Float ->
  `double precision`, Float32 -> `real`, Bool -> `boolean`, Time -> `timestamp with time
  zone`, UUID -> `uuid`, JSON, Strings, Ints, Floats, Any -> `jsonb`, Bytes -> `bytea`.

What cannot be read without running the code (a field name from a variable or a
mixin's setting, a list built in a loop or a condition, a mixin or edge type outside
the entry, an edge whose assoc is not found) is a CN001 warning at its place. Files
named `*_test.go`, generated files and files of `migrations/` folders are passed over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import inflection

from cnsnt.evidence import Evidence, ForeignKey, SourceProblem
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import ModelColumn, ModelTable, model_failed
from cnsnt.sources.schemas.go_models import DEPTH, GoModels, entry_evidence, read_go_files
from cnsnt.sources.schemas.go_syntax import GoFile, GoStruct, evaluate_string, string_value, type_of
from cnsnt.sources.schemas.grammars import Node, SourceFile

#: `field.X(...)` -> the PostgreSQL type ent creates.
FIELD_TYPES = {
    "String": "varchar",
    "Enum": "varchar",
    "Text": "text",
    **dict.fromkeys(("Int", "Int64", "Uint", "Uint32", "Uint64"), "bigint"),
    **dict.fromkeys(("Int32", "Uint16"), "integer"),
    **dict.fromkeys(("Int8", "Int16", "Uint8"), "smallint"),
    "Float": "double precision",
    "Float64": "double precision",
    "Float32": "real",
    "Bool": "boolean",
    "Time": "timestamp with time zone",
    "UUID": "uuid",
    **dict.fromkeys(("JSON", "Strings", "Ints", "Floats", "Any"), "jsonb"),
    "Bytes": "bytea",
    "Other": None,
}
#: ent's own mixins (`entgo.io/ent/schema/mixin`) -> their fields.
BUILTIN_MIXINS = {
    "Time": ("create_time", "update_time"),
    "CreateTime": ("create_time",),
    "UpdateTime": ("update_time",),
}
#: How many list steps one method may take, and how long a list may grow (a hostile chain
#: of appends stops there).
_STEPS = 512
_LONGEST = 4096
_TIME = "timestamp with time zone"


def _no_calls(called: str, operand: str) -> bool:
    return False


def snake(name: str) -> str:
    """A name as entc's `snake` writes it: `UserInfo` -> `user_info`, `HTTPCode` -> `http_code`."""
    out: list[str] = []
    last = 0
    for i, ch in enumerate(name):
        if 0 < i < len(name) - 1 and ch.isupper():
            before, after = name[i - 1], name[i + 1]
            if before.islower() or (last != i - 1 and after.islower() and before.isalpha()):
                last = i
                out.append("_")
        out.append(ch.lower())
    return "".join(out)


def table_name(type_name: str) -> str:
    """The table entc names by default: the type name pluralised, snake_cased (`CardInfo` -> `card_infos`)."""
    return snake(str(inflection.pluralize(type_name)))


def read_ent(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables an entry's ent schemas generate (all files at once: mixins may be elsewhere)."""
    problems: list[SourceProblem] = []
    read, steps = read_go_files(paths, ctx, problems, _no_calls, "ent schemas", ())
    reader = EntReader([go for go, _ in read], [tree for _, tree in read], problems, steps)
    tables = reader.tables()
    what = None if tables else "ent schema (a struct embedding ent.Schema)"
    return entry_evidence(tables, problems, len(read), (paths, spec, ctx), what)


@dataclass
class Field:
    """One `field.X("name")...` of a schema or mixin."""

    name: str
    kind: str
    node: Node
    file: SourceFile
    storage: str | None = None
    comment: str | None = None
    sql: str | None = None
    sensitive: bool = False


@dataclass
class Edge:
    """One `edge.To(...)` / `edge.From(...)` of a schema."""

    owner: Schema
    name: str
    target: str
    inverse: bool
    node: Node
    ref: str | None = None
    unique: bool = False
    field: str | None = None


@dataclass
class Schema:
    """A schema type and what its methods say."""

    struct: GoStruct
    table: ModelTable
    fields: list[Field] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    columns: dict[str, ModelColumn] = field(default_factory=dict)


class EntReader(GoModels):
    """An entry's Go files -> the tables entc generates for its schemas."""

    def __init__(
        self, files: list[GoFile], trees: list[Any], problems: list[SourceProblem], steps: list[GoFile]
    ):
        super().__init__(files, problems, steps)
        self.bodies: dict[tuple[str, str, str], tuple[Node, SourceFile]] = {}
        """(package, receiver type, method) -> the method's body."""
        for go, tree in zip(files, trees, strict=True):
            for node in tree.root_node.named_children:
                if node.type == "method_declaration":
                    self._method(node, go)
        self.schemas: dict[str, Schema] = {}

    def _method(self, node: Node, go: GoFile) -> None:
        receiver = node.child_by_field_name("receiver")
        name = node.child_by_field_name("name")
        body = node.child_by_field_name("body")
        param = (
            next((c for c in receiver.named_children if c.type == "parameter_declaration"), None)
            if receiver
            else None
        )
        kind = param.child_by_field_name("type") if param is not None else None
        if kind is None or name is None or body is None:
            return
        self.bodies.setdefault((go.package, type_of(kind, go.file).name, go.file.text(name)), (body, go.file))

    # ---- schemas

    def _is_schema(self, struct: GoStruct) -> bool:
        """Exported and embedding `ent.Schema` (entc loads the exported types of the schema package)."""
        exported = struct.name[:1].isupper()
        return exported and any(m.name is None and m.type.qualified == "ent.Schema" for m in struct.fields)

    def tables(self) -> list[ModelTable]:
        """Each schema's table with its fields, then the columns and join tables its edges add."""
        mixins = {
            file.text(kind)
            for (_, _, method), (body, file) in self.bodies.items()
            if method == "Mixin"
            for literal in _descendants(body, "composite_literal")
            if (kind := literal.child_by_field_name("type")) is not None
        }  # a schema another one mixes in is no table of its own
        found = [
            s
            for structs in self.by_name.values()
            for s in structs
            if self._is_schema(s) and s.name not in mixins and f"{s.package}.{s.name}" not in mixins
        ]
        found.sort(key=lambda s: (s.file.shown, s.node.start_byte))
        for struct in found:
            line, column = struct.file.place(struct.node)
            schema = Schema(struct, ModelTable(self._table(struct), struct.file.shown, line, column))
            self.schemas.setdefault(struct.name, schema)
        out: list[ModelTable] = []
        for schema in list(self.schemas.values()):
            try:
                self._columns(schema)
            except Exception as exc:  # noqa: BLE001 - one schema's bug must not lose the others
                line, column = schema.struct.file.place(schema.struct.node)
                self.problems.append(
                    model_failed(exc, schema.struct.file.shown, line, column, schema.struct.name)
                )
                continue
            out.append(schema.table)
        joins: list[ModelTable] = []
        for schema in self.schemas.values():
            for edge in schema.edges:
                self._edge(edge, joins)
        return out + joins

    def _table(self, struct: GoStruct) -> str:
        for method, key in (("Annotations", "Table"), ("Config", "Table")):
            found = self.bodies.get((struct.package, struct.name, method))
            if found is None:
                continue
            body, file = found
            for literal in _descendants(body, "keyed_element"):
                parts = [c.named_children[0] for c in literal.named_children if c.named_children]
                if len(parts) == 2 and file.text(parts[0]) == key:
                    value = evaluate_string(parts[1], file, self.constants.get(struct.package, {}))
                    if value:
                        return value
                    self.warn(
                        file,
                        parts[1],
                        f"{struct.name}: table {file.text(parts[1])[:60]} is set from code; "
                        "cnsnt names it as ent does by default",
                    )
            for call in _descendants(body, "call_expression"):
                function = call.child_by_field_name("function")
                if function is not None and file.text(function) == "entsql.Table":
                    args = call.child_by_field_name("arguments")
                    value = (
                        string_value(args.named_children[0], file) if args and args.named_children else None
                    )
                    if value:
                        return value
        return table_name(struct.name)

    def _columns(self, schema: Schema) -> None:
        struct = schema.struct
        fields: list[Field] = []
        for mixin, node, file in self._mixins(struct):
            if isinstance(mixin, str):
                fields.extend(Field(name, "Time", node, file) for name in BUILTIN_MIXINS[mixin])
            else:
                fields.extend(self._list(mixin, "Fields", 0))
                schema.edges.extend(self._edges(schema, mixin))
        fields.extend(self._list(struct, "Fields", 0))
        schema.edges.extend(self._edges(schema, struct))
        table = schema.table
        line, column = table.line, table.column
        if not any(f.name == "id" for f in fields):
            self._add(schema, ModelColumn("id", line, column, "bigint", None, True))
        for item in fields:
            at_line, at_column = item.file.place(item.node)
            sql = item.sql or FIELD_TYPES.get(item.kind)
            comment = item.comment
            if item.sensitive:
                comment = (
                    f"{comment} (ent: Sensitive)" if comment else "ent: Sensitive (a secret ent never prints)"
                )
            col = ModelColumn(
                item.storage or item.name,
                at_line,
                at_column,
                sql,
                comment,
                item.name == "id",
                item.file.shown if item.file.shown != table.path else None,
            )
            self._add(schema, col)

    def _add(self, schema: Schema, col: ModelColumn) -> None:
        schema.table.add(col)
        schema.columns[col.name] = col

    # ---- mixins

    def _mixins(self, struct: GoStruct) -> list[tuple[GoStruct | str, Node, SourceFile]]:
        found = self.bodies.get((struct.package, struct.name, "Mixin"))
        if found is None:
            return []
        body, file = found
        out: list[tuple[GoStruct | str, Node, SourceFile]] = []
        for element in self._elements(body, file, struct):
            if element.type != "composite_literal":
                self.warn(
                    file,
                    element,
                    f"{struct.name}.Mixin(): {file.excerpt(element, 60)} is not read (not a literal)",
                )
                continue
            kind_node = element.child_by_field_name("type")
            kind = type_of(kind_node, file) if kind_node is not None else None
            if kind is not None and kind.package == "mixin" and kind.name in BUILTIN_MIXINS:
                out.append((kind.name, element, file))
                continue
            mixin = self.struct(kind, struct.package) if kind is not None else None
            if mixin is None:
                self.warn(
                    file,
                    element,
                    f"{struct.name}: mixin {file.excerpt(element, 60)} is not a struct of this entry's "
                    "files: its fields and edges are not read",
                )
                continue
            out.append((mixin, element, file))
        return out

    # ---- lists of fields and edges

    def _list(self, struct: GoStruct, method: str, depth: int) -> list[Field]:
        """The fields a type's `Fields()` returns (a mixin's through its own `Fields()`)."""
        found = self.bodies.get((struct.package, struct.name, method))
        if found is None or depth > DEPTH:
            return []
        body, file = found
        out: list[Field] = []
        for element in self._elements(body, file, struct, depth):
            other = self._delegate(element, file, struct, method)
            if other is not None:
                out.extend(self._list(other, method, depth + 1))
                continue
            item = self._field(element, file, struct)
            if item is not None:
                out.append(item)
        return out

    def _delegate(self, node: Node, file: SourceFile, struct: GoStruct, method: str) -> GoStruct | None:
        """`Base{}.Fields()` inside a list: the struct whose own list stands there."""
        function = node.child_by_field_name("function") if node.type == "call_expression" else None
        if function is None or function.type != "selector_expression":
            return None
        operand = function.child_by_field_name("operand")
        name = function.child_by_field_name("field")
        if (
            operand is None
            or name is None
            or file.text(name) != method
            or operand.type != "composite_literal"
        ):
            return None
        kind = operand.child_by_field_name("type")
        other = self.struct(type_of(kind, file), struct.package) if kind is not None else None
        if other is None or other is struct:
            self.warn(
                file, node, f"{struct.name}: {file.excerpt(node, 60)}: that type is not in this entry's files"
            )
        return other if other is not struct else None

    def _elements(self, body: Node, file: SourceFile, struct: GoStruct, depth: int = 0) -> list[Node]:
        """The elements of the list a method returns, through `x := ...; x = append(x, ...)` steps."""
        statements = _statements(body)
        env: dict[str, list[Node]] = {}
        budget = [_STEPS]
        for statement in statements:
            if statement.type in ("short_var_declaration", "assignment_statement"):
                left, right = statement.child_by_field_name("left"), statement.child_by_field_name("right")
                if left is not None and right is not None and left.named_children and right.named_children:
                    name = file.text(left.named_children[0])
                    env[name] = self._value(right.named_children[0], file, struct, env, depth, budget)
            elif statement.type == "var_declaration":
                for spec in _descendants(statement, "var_spec"):
                    for ident in spec.children_by_field_name("name"):
                        env[file.text(ident)] = []
            elif statement.type == "return_statement":
                values = statement.named_children[0] if statement.named_children else None
                if values is not None and values.type == "expression_list" and values.named_children:
                    values = values.named_children[0]
                return self._value(values, file, struct, env, depth, budget) if values is not None else []
            else:
                for inner in _descendants(statement, "call_expression"):
                    if _constructor(inner, file) is not None:
                        where = statement.type.replace("_", " ")
                        self.warn(
                            file,
                            inner,
                            f"{struct.name}: {file.excerpt(inner, 60)} inside {where} is not read: "
                            "whether it is added depends on running the code",
                        )
                        break
        return []

    def _value(
        self,
        node: Node,
        file: SourceFile,
        struct: GoStruct,
        env: dict[str, list[Node]],
        depth: int,
        budget: list[int],
    ) -> list[Node]:
        budget[0] -= 1
        if budget[0] < 0:
            return []
        if node.type == "composite_literal":
            body = node.child_by_field_name("body")
            return (
                [_unwrap(e) for e in body.named_children if e.type != "comment"] if body is not None else []
            )
        if node.type == "identifier" and file.text(node) in env:
            return list(env[file.text(node)])
        if node.type == "variadic_argument" and node.named_children:
            return self._value(node.named_children[0], file, struct, env, depth, budget)
        if node.type == "call_expression":
            function = node.child_by_field_name("function")
            args = node.child_by_field_name("arguments")
            if function is not None and file.text(function) == "append" and args is not None:
                out: list[Node] = []
                for i, arg in enumerate(args.named_children):
                    if i == 0 or arg.type == "variadic_argument":
                        out.extend(self._value(arg, file, struct, env, depth, budget))
                    else:
                        out.append(arg)
                if len(out) > _LONGEST:  # `f = append(f, f...)` again and again doubles it
                    budget[0] = -1
                    self.warn(
                        file, node, f"{struct.name}: a list of over {_LONGEST} entries: the rest is not read"
                    )
                    return out[:_LONGEST]
                return out
            if function is not None and function.type == "selector_expression":
                return [node]  # `Base{}.Fields()`: read by `_field` through the other type's method
        self.warn(file, node, f"{struct.name}: {file.excerpt(node, 60)} is computed: its fields are not read")
        return []

    def _field(self, node: Node, file: SourceFile, struct: GoStruct) -> Field | None:
        chain = _chain(node)
        base = chain[-1] if chain else None
        head = _constructor(base, file) if base is not None else None
        if head is None:
            self._unread(node, file, struct)
            return None
        package, kind = head
        if package != "field" or kind not in FIELD_TYPES:
            self._unread(node, file, struct)
            return None
        args = base.child_by_field_name("arguments") if base is not None else None
        first = args.named_children[0] if args is not None and args.named_children else None
        name = (
            evaluate_string(first, file, self.constants.get(struct.package, {}))
            if first is not None
            else None
        )
        if not name:
            self.warn(
                file,
                node,
                f"{struct.name}: field {file.text(first or node)[:60]} is named from code: not read",
            )
            return None
        item = Field(name, kind, node, file)
        for call in chain[:-1]:
            function = call.child_by_field_name("function")
            method = function.child_by_field_name("field") if function is not None else None
            args = call.child_by_field_name("arguments")
            value = args.named_children[0] if args is not None and args.named_children else None
            called = file.text(method) if method is not None else ""
            if called == "StorageKey" and value is not None:
                item.storage = (
                    evaluate_string(value, file, self.constants.get(struct.package, {})) or item.storage
                )
            elif called == "Comment" and value is not None:
                item.comment = evaluate_string(value, file, self.constants.get(struct.package, {}))
            elif called == "Sensitive":
                item.sensitive = True
            elif called == "SchemaType" and value is not None:
                item.sql = _schema_type(value, file) or item.sql
        return item

    def _unread(self, node: Node, file: SourceFile, struct: GoStruct) -> None:
        self.warn(file, node, f"{struct.name}: {file.excerpt(node, 60)} is not a field.X(...) call: not read")

    # ---- edges

    def _edges(self, schema: Schema, struct: GoStruct) -> list[Edge]:
        found = self.bodies.get((struct.package, struct.name, "Edges"))
        if found is None:
            return []
        body, file = found
        out: list[Edge] = []
        for element in self._elements(body, file, struct):
            chain = _chain(element)
            base = chain[-1] if chain else None
            head = _constructor(base, file) if base is not None else None
            args = base.child_by_field_name("arguments") if base is not None else None
            values = args.named_children if args is not None else []
            if head is None or head[0] != "edge" or head[1] not in ("To", "From") or len(values) < 2:
                self.warn(
                    file, element, f"{struct.name}: {file.excerpt(element, 60)} is not an edge cnsnt reads"
                )
                continue
            name = evaluate_string(values[0], file, self.constants.get(struct.package, {}))
            target = file.text(values[1]).removesuffix(".Type").rpartition(".")[2]
            if not name:
                self.warn(
                    file, element, f"{struct.name}: edge {file.text(values[0])[:40]} is named from code"
                )
                continue
            edge = Edge(schema, name, target, head[1] == "From", element)
            for call in chain[:-1]:
                function = call.child_by_field_name("function")
                method = function.child_by_field_name("field") if function is not None else None
                call_args = call.child_by_field_name("arguments")
                value = (
                    call_args.named_children[0]
                    if call_args is not None and call_args.named_children
                    else None
                )
                called = file.text(method) if method is not None else ""
                if called == "Unique":
                    edge.unique = True
                elif called == "Ref" and value is not None:
                    edge.ref = string_value(value, file)
                elif called == "Field" and value is not None:
                    edge.field = string_value(value, file)
            out.append(edge)
        return out

    def _edge(self, edge: Edge, joins: list[ModelTable]) -> None:
        """The key an edge puts in a table, as entc's `resolve` places it (an assoc edge from its side)."""
        owner = edge.owner
        target = self.schemas.get(edge.target)
        file = edge.owner.struct.file
        if target is None:
            self.warn(
                file,
                edge.node,
                f"{owner.struct.name}.{edge.name}: {edge.target} is not a schema of this entry",
            )
            return
        if edge.inverse:
            assoc = next((e for e in target.edges if not e.inverse and e.name == edge.ref), None)
            if assoc is None:
                self.warn(
                    file,
                    edge.node,
                    f"{owner.struct.name}.{edge.name}: {edge.target} has no edge {edge.ref!r}",
                )
                return
            column = f"{snake(target.struct.name)}_{snake(assoc.name)}"
            given = edge.field or assoc.field
            if edge.unique:  # O2O, or the "many" side of O2M: the inverse side holds the key
                self._key(owner, target, given or column, given is None)
            elif assoc.unique and not edge.unique:  # M2O from the assoc side
                self._key(target, owner, given or column, given is None)
            else:
                self._join(
                    f"{snake(target.struct.name)}_{assoc.name}", target, owner, assoc.name, edge, joins
                )
            return
        if any(e.inverse and e.ref == edge.name and e.target == owner.struct.name for e in target.edges):
            return  # resolved from the inverse edge
        column = edge.field or f"{snake(owner.struct.name)}_{snake(edge.name)}"
        if not edge.unique and target is owner:
            self._join(f"{snake(owner.struct.name)}_{edge.name}", owner, owner, edge.name, edge, joins)
        elif edge.unique:
            self._key(owner, target, column, edge.field is None)
        else:
            self._key(target, owner, column, edge.field is None)

    def _key(self, holder: Schema, referenced: Schema, column: str, new: bool) -> None:
        """`holder.column` references `referenced.id` (a new column unless an edge field names it)."""
        key = referenced.columns.get("id")
        if new and column not in holder.columns:
            table = holder.table
            self._add(holder, ModelColumn(column, table.line, table.column, key.type if key else "bigint"))
        fk = ForeignKey((column,), referenced.table.name, ("id",))
        if column not in holder.columns:
            struct = holder.struct
            self.warn(
                struct.file,
                struct.node,
                f"{struct.name}: edge field {column!r} is not one of its fields; its foreign key is not read",
            )
        elif fk not in holder.table.foreign_keys:
            holder.table.foreign_keys.append(fk)

    def _join(
        self, name: str, left: Schema, right: Schema, edge_name: str, edge: Edge, joins: list[ModelTable]
    ) -> None:
        """A many-to-many join table: `<left>_id`, `<right>_id` (a self-reference: the second by the edge)."""
        if any(t.name == name for t in joins):
            return
        first, second = f"{snake(left.struct.name)}_id", f"{snake(right.struct.name)}_id"
        if first == second:
            second = f"{inflection.singularize(edge.name)}_id"
        line, column = edge.owner.struct.file.place(edge.node)
        table = ModelTable(name, edge.owner.struct.file.shown, line, column)
        for col_name, side in ((first, left), (second, right)):
            key = side.columns.get("id")
            table.add(ModelColumn(col_name, line, column, key.type if key else "bigint", None, True))
            table.foreign_keys.append(ForeignKey((col_name,), side.table.name, ("id",)))
        joins.append(table)


def _statements(body: Node) -> list[Node]:
    """A block's statements in order (`block` -> `statement_list` in tree-sitter-go 0.25)."""
    out: list[Node] = []
    for child in body.named_children:
        out.extend(child.named_children if child.type == "statement_list" else [child])
    return out


def _descendants(node: Node, kind: str) -> list[Node]:
    out: list[Node] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == kind:
            out.append(current)
        stack.extend(reversed(current.named_children))
    return out


def _unwrap(node: Node) -> Node:
    """A slice literal's element as its expression."""
    return node.named_children[0] if node.type == "literal_element" and node.named_children else node


def _chain(node: Node) -> list[Node]:
    """`field.String("a").Optional().Unique()` -> its calls, outermost first, `field.String("a")` last."""
    out: list[Node] = []
    current: Node | None = node
    while current is not None and current.type == "call_expression" and len(out) < 256:
        out.append(current)
        function = current.child_by_field_name("function")
        current = (
            function.child_by_field_name("operand")
            if function is not None and function.type == "selector_expression"
            else None
        )
    return out


def _constructor(call: Node, file: SourceFile) -> tuple[str, str] | None:
    """`field.String(...)` -> (`field`, `String`); None for anything else."""
    function = call.child_by_field_name("function")
    if function is None or function.type != "selector_expression":
        return None
    operand = function.child_by_field_name("operand")
    name = function.child_by_field_name("field")
    if operand is None or name is None or operand.type != "identifier":
        return None
    return file.text(operand), file.text(name)


def _schema_type(node: Node, file: SourceFile) -> str | None:
    """`map[string]string{dialect.Postgres: "char(26)"}` -> `char(26)` (PostgreSQL's, else the first)."""
    found: list[tuple[str, str]] = []
    for element in _descendants(node, "keyed_element"):
        parts = [c.named_children[0] for c in element.named_children if c.named_children]
        value = string_value(parts[1], file) if len(parts) == 2 else None
        if value:
            found.append((file.text(parts[0]), value))
    chosen = next((v for k, v in found if "Postgres" in k), None)
    return (chosen or (found[0][1] if found else None) or "").lower() or None
