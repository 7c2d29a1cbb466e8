"""Schema evidence from JetBrains Exposed DSL tables (Kotlin), parsed with tree-sitter's Kotlin grammar.

The files are parsed, never compiled. Read (as Exposed's `exposed-core` defines them:
`Table.kt`, `dao/id/IdTable.kt`, `ColumnType.kt`, `vendors/DataTypeProvider.kt`):

- an `object` (or a class that is neither `open` nor `abstract`) extending `Table`,
  `IdTable`, `IntIdTable`, `LongIdTable`, `UIntIdTable`, `ULongIdTable`, `UUIDTable`,
  `UuidTable` or `CompositeIdTable`, directly or through a base class of the entry (whose
  columns it inherits), is a table, and so is an object expression (`val t = object :
  Table("t") { ... }`, in a function too). Its name is `override val tableName = "..."`, else
  the constructor's `name` argument (`"auth.users"`: table `users` in schema `auth`), else
  Exposed's `Table.tableName`: the class name minus a `Table` suffix (`object UsersTable :
  Table()` is `Users`; an object expression without a name is a CN001 warning);
- the id tables' implicit key: `id` (or their `columnName` argument), `int`, `bigint` or
  `uuid`, auto-incremented (`serial`/`bigserial` in PostgreSQL);
- each `val x = <column function>("name", ...)...` property is a column, through its call
  chain (`.nullable()`, `.uniqueIndex()`, `.default(...)`, `.autoIncrement()`,
  `.references(Other.id)` or `references Other.id` as a foreign key); `reference("c",
  Other)` and `optReference` are foreign-key columns of the referenced key's type;
  `override val primaryKey = PrimaryKey(a, b)` is the primary key.

SQL types are those of Exposed's `DataTypeProvider` (lower-cased), with PostgreSQL's
where the entry's dialect is PostgreSQL (the default):

| function | type | PostgreSQL |
|---|---|---|
| `byte`, `ubyte`, `short`, `ushort` | `tinyint`, `smallint`, `smallint`, `int` | `smallint`... |
| `integer`, `uinteger`, `long`, `ulong` | `int`, `bigint`, `bigint`, `numeric(20)` | |
| `float`, `double` | `float`, `double precision` | `real` for `float` |
| `decimal(n, p, s)` | `decimal(p,s)` | |
| `char(n)`, `char(n, l)`, `varchar(n, l)` | `char`, `char(l)`, `varchar(l)` | |
| `text`, `mediumText`, `largeText` | `text` | |
| `bool` | `boolean` | |
| `binary`, `blob` | `varbinary(l)`, `blob` | `bytea` |
| `uuid`, `javaUUID` | `binary(16)` | `uuid` |
| `date`, `time`, `datetime`, `timestamp` | `date`, `time`, `datetime`, `datetime` | `timestamp` |
| `timestampWithTimeZone`, `duration` | `timestamp with time zone`, `bigint` | |
| `enumeration`, `enumerationByName(n, l, ...)` | `int`, `varchar(l)` | |
| `customEnumeration(n, sql)` | its `sql` | |
| `json`, `jsonb` | `json`, `jsonb` | |

What cannot be read is a CN001 warning at its line and column: a table or column name
that is not a constant of the entry, a column function cnsnt does not know (the column is
kept, without a type), a base class that is not in the entry, a referenced table not found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cnsnt.evidence import Evidence, ForeignKey, SourceProblem
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import ModelColumn, ModelTable, model_evidence, model_failed, nothing_found
from cnsnt.sources.schemas.grammars import SourceFile, deepest_of, warning
from cnsnt.sources.schemas.jpa_mapping import Unresolved, simple_name
from cnsnt.sources.schemas.kotlin_syntax import (
    body,
    child,
    constants_of,
    declarations,
    evaluate,
    initializer,
    keyword,
    kotlin_files,
    name_of,
    object_literals,
    supertypes,
    type_name,
)

Node = Any  # tree_sitter.Node: typed loosely so the grammar stays an import-time detail

#: Exposed's table classes -> the type of their implicit `id` key (None: no implicit key).
BASES: dict[str, str | None] = {
    "Table": None,
    "IdTable": None,
    "CompositeIdTable": None,
    "IntIdTable": "int",
    "UIntIdTable": "bigint",
    "LongIdTable": "bigint",
    "ULongIdTable": "numeric(20)",
    "UUIDTable": "uuid",
    "UuidTable": "uuid",
}
#: Column functions -> (the SQL type, the PostgreSQL type when it differs).
_TYPES: dict[str, tuple[str, str | None]] = {
    "byte": ("tinyint", "smallint"),
    "ubyte": ("smallint", None),
    "short": ("smallint", None),
    "ushort": ("int", None),
    "integer": ("int", None),
    "uinteger": ("bigint", None),
    "long": ("bigint", None),
    "ulong": ("numeric(20)", None),
    "float": ("float", "real"),
    "double": ("double precision", None),
    "text": ("text", None),
    "mediumText": ("text", None),
    "largeText": ("text", None),
    "bool": ("boolean", None),
    "blob": ("blob", "bytea"),
    "uuid": ("binary(16)", "uuid"),
    "javaUUID": ("binary(16)", "uuid"),
    "date": ("date", None),
    "time": ("time", None),
    "datetime": ("datetime", "timestamp"),
    "timestamp": ("datetime", "timestamp"),
    "timestampWithTimeZone": ("timestamp with time zone", None),
    "duration": ("bigint", None),
    "enumeration": ("int", None),
    "json": ("json", None),
    "jsonb": ("jsonb", None),
}
#: Column functions whose type takes a length (the argument after the name).
_SIZED = {"varchar": "varchar", "char": "char", "binary": "varbinary", "enumerationByName": "varchar"}
_REFERENCES = frozenset({"reference", "optReference"})
#: Calls in a table's body that declare no column.
_NOT_COLUMNS = frozenset({"index", "uniqueIndex", "PrimaryKey", "foreignKey", "check", "lazy"})
#: Auto-incremented key types in PostgreSQL.
_SERIAL = {"int": "serial", "bigint": "bigserial"}


def uses_exposed(text: str) -> bool:
    """Whether a Kotlin file may declare Exposed tables (a quick look before parsing it)."""
    return "org.jetbrains.exposed" in text


@dataclass
class _Column:
    prop: str
    column: ModelColumn
    node: Node
    references: tuple[Node, Node | None] | None = None
    """(the referenced table or column expression, its node) of a foreign key."""


@dataclass
class _Declared:
    """A class or object that extends a table class, with its columns read."""

    name: str
    file: SourceFile
    node: Node
    parent: str
    parent_node: Node
    call: Node | None
    is_table: bool
    columns: list[_Column] = field(default_factory=list)
    key: list[str] = field(default_factory=list)
    key_node: Node | None = None
    renamed: Node | None = None
    """`override val tableName = "..."`: the name given in the body."""
    anonymous: bool = False
    """An `object : Table("t") { ... }` expression, named after the property it is assigned to."""


def read_exposed(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables an entry's Exposed table objects declare (all files at once: bases may be elsewhere)."""
    problems: list[SourceProblem] = []
    constants: dict[str, str] = {}
    found: list[tuple[Node, SourceFile]] = []
    parsed: list[tuple[SourceFile, Node]] = []
    files = 0
    for _, file, tree in kotlin_files(paths, ctx, problems, "tables", uses_exposed):
        files += 1
        parsed.append((file, tree.root_node))
        constants_of(tree.root_node, file, constants)
        found.extend((node, file) for node, _ in declarations(tree.root_node))
        found.extend((node, file) for node in object_literals(tree.root_node))
    postgres = (spec.dialect or ctx.dialect or "postgres").lower() in ("postgres", "postgresql")
    reader = _Reader(constants, problems, postgres)
    try:
        tables = reader.tables(found)
    except RecursionError:  # a hostile nesting, not a model: said in the file, where it nests deepest
        tables = []
        where = deepest_of(parsed) or spec.location
        source = where.path or spec.pattern
        problems.append(SourceProblem("Kotlin nested too deeply to read; no table was read", where, source))
    if not tables and not any(p.severity is None for p in problems):
        shown = ctx.shown(paths[0]) if paths else spec.pattern
        problems.append(nothing_found(shown, "Exposed table object"))
    return model_evidence(tables, problems, files)


class _Reader:
    def __init__(self, constants: dict[str, str], problems: list[SourceProblem], postgres: bool) -> None:
        self.constants = constants
        self.problems = problems
        self.postgres = postgres
        self.declared: dict[str, _Declared] = {}

    def warn(self, file: SourceFile, node: Node, message: str) -> None:
        self.problems.append(warning(file, node, message))

    def value(self, node: Node | None, file: SourceFile, what: str) -> Any:
        """A constant argument, or None with a CN001 warning naming `what` it should have given."""
        if node is None:
            return None
        try:
            return evaluate(node, file, self.constants)
        except Unresolved as exc:
            self.warn(
                file,
                exc.node,
                f"{file.excerpt(exc.node)}: cnsnt cannot evaluate this value, so {what}",
            )
            return None

    # ---- declarations

    def tables(self, found: list[tuple[Node, SourceFile]]) -> list[ModelTable]:
        candidates: list[_Declared] = []
        for node, file in found:
            declared = self._declared(node, file)
            if declared is not None:
                candidates.append(declared)
                self.declared.setdefault(declared.name, declared)
        pairs: list[tuple[_Declared, ModelTable]] = []
        for declared in candidates:
            if not declared.is_table:
                continue
            chain = self._chain(declared)
            if chain is not None and declared.anonymous and not self._named(declared):
                self.warn(
                    declared.file,
                    declared.node,
                    "an object expression extending a table class gives no table name (Exposed names it "
                    "after the JVM's name of the anonymous class): its table is not read",
                )
            elif chain is not None:
                try:
                    pairs.append((declared, self._table(declared, chain)))
                except Exception as exc:  # noqa: BLE001 - one table's bug must not lose the others
                    self._failed(declared, exc)
        by_object: dict[str, list[tuple[_Declared, ModelTable]]] = {}
        for declared, table in pairs:
            by_object.setdefault(declared.name, []).append((declared, table))
        for declared, table in pairs:
            try:
                self._foreign_keys(declared, table, by_object)
            except Exception as exc:  # noqa: BLE001 - its foreign keys only are lost
                self._failed(declared, exc)
        return [t for _, t in pairs]

    def _failed(self, declared: _Declared, exc: Exception) -> None:
        line, column = declared.file.place(declared.node)
        self.problems.append(model_failed(exc, declared.file.shown, line, column, f"table {declared.name}"))

    def _declared(self, node: Node, file: SourceFile) -> _Declared | None:
        kind = keyword(node)
        if kind not in ("class", "object") or node.type == "companion_object":
            return None
        parents = supertypes(node)
        called = [(t, True) for t, is_class in parents if is_class]
        if not called:
            return None
        parent_node = called[0][0]
        parent = type_name(parent_node, file)[0]
        modifiers = child(node, "modifiers")
        mods = file.text(modifiers) if modifiers is not None else ""
        is_table = kind == "object" or not any(w in mods.split() for w in ("open", "abstract"))
        invocation = parent_node.parent
        name = name_of(node)
        anonymous = node.type == "object_literal"
        if anonymous:
            holder = node.parent
            declared_var = child(holder, "variable_declaration") if holder is not None else None
            var = child(declared_var, "identifier") if declared_var is not None else None
            name = file.text(var) if var is not None else ""
        declared = _Declared(name, file, node, parent, parent_node, invocation, is_table, anonymous=anonymous)
        return declared

    def _chain(self, declared: _Declared, report: bool = True) -> list[_Declared] | None:
        """The entry's base classes down to an Exposed table class (`declared` last); None: no table."""
        chain = [declared]
        current = declared
        for _ in range(16):
            if current.parent in BASES:
                return list(reversed(chain))
            base = self.declared.get(current.parent)
            if base is None or base in chain:
                if report and (current.parent.endswith("Table") or _declares_columns(current)):
                    self.warn(
                        current.file,
                        current.parent_node,
                        f"{current.parent}, the base class of {declared.name}, is not in this entry: its "
                        "columns are missing; add its file to the entry",
                    )
                return None
            chain.append(base)
            current = base
        return None

    # ---- a table

    def _table(self, declared: _Declared, chain: list[_Declared]) -> ModelTable:
        file = declared.file
        line, column = file.place(declared.node)
        for owner in chain:
            self._columns(owner)
        name = self._table_name(declared, chain)
        schema = None
        if "." in name and not name.startswith(('"', "`", "[")):  # Exposed: `Table("auth.users")`
            schema, name = name.split(".", 1)
        table = ModelTable(name, file.shown, line, column, schema=schema)
        root = chain[0]
        key_type = BASES.get(root.parent)
        if key_type is not None:
            id_name = self._id_name(chain)
            kline, kcolumn = root.file.place(root.parent_node)
            serial = self.postgres and key_type in _SERIAL
            key = ModelColumn(
                id_name,
                kline,
                kcolumn,
                _SERIAL[key_type] if serial else key_type,
                primary_key=True,
                path=root.file.shown if root.file.shown != file.shown else None,
            )
            table.columns.append(key)
        keys: list[str] = []
        for owner in chain:
            self._columns(owner)
            for col in owner.columns:
                copy = ModelColumn(
                    col.column.name,
                    col.column.line,
                    col.column.column,
                    col.column.type,
                    col.column.comment,
                    col.column.primary_key,
                    owner.file.shown if owner.file.shown != file.shown else None,
                )
                table.add(copy)
            if owner.key:
                keys = owner.key
        for prop in keys:
            found = next((c for o in chain for c in o.columns if c.prop == prop), None)
            target = next(
                (c for c in table.columns if found is not None and c.name == found.column.name), None
            )
            if target is not None:
                target.primary_key = True
        return table

    def _named(self, declared: _Declared) -> bool:
        positional, named = self._arguments(declared.call)
        return bool(positional or "name" in named)

    def _table_name(self, declared: _Declared, chain: list[_Declared]) -> str:
        renamed = next((o for o in reversed(chain) if o.renamed is not None), None)
        if renamed is not None:
            name = self.value(
                renamed.renamed, renamed.file, f"table {declared.name} is given its default name"
            )
            if isinstance(name, str) and name:
                return name
        for owner in reversed(chain):
            args = self._arguments(owner.call)
            node = args[1].get("name") or (args[0][0] if args[0] else None)
            if node is None:
                continue
            name = self.value(node, owner.file, f"table {declared.name} is given its default name")
            if isinstance(name, str) and name:
                return name
            if name is None:
                break
        return declared.name.removesuffix("Table") or declared.name

    def _id_name(self, chain: list[_Declared]) -> str:
        for owner in reversed(chain):
            args = self._arguments(owner.call)
            node = args[1].get("columnName") or (args[0][1] if len(args[0]) > 1 else None)
            if node is not None:
                name = self.value(node, owner.file, "the key column is named id")
                return name if isinstance(name, str) and name else "id"
        return "id"

    @staticmethod
    def _arguments(call: Node | None) -> tuple[list[Node], dict[str, Node]]:
        """A call's positional and named arguments (value nodes)."""
        positional: list[Node] = []
        named: dict[str, Node] = {}
        arguments = child(call, "value_arguments") if call is not None else None
        for arg in arguments.named_children if arguments is not None else ():
            if arg.type != "value_argument" or not arg.named_children:
                continue
            if any(c.type == "=" for c in arg.children) and len(arg.named_children) >= 2:
                named[bytes(arg.named_children[0].text or b"").decode("utf-8", "replace")] = (
                    arg.named_children[-1]
                )
            else:
                positional.append(arg.named_children[-1])
        return positional, named

    # ---- columns

    def _columns(self, owner: _Declared) -> None:
        if owner.columns or owner.key:
            return
        members = body(owner.node)
        for member in members.named_children if members is not None else ():
            if member.type != "property_declaration":
                continue
            declared = child(member, "variable_declaration")
            prop = child(declared, "identifier") if declared is not None else None
            value = initializer(member)
            if prop is None or value is None:
                continue
            self._property(owner, owner.file.text(prop), value)

    def _property(self, owner: _Declared, prop: str, value: Node) -> None:
        file = owner.file
        if prop == "tableName":  # `override val tableName = "users"`
            owner.renamed = value
            return
        root, methods = _unchain(value)
        if root is None or root.type != "call_expression":
            return
        callee = root.named_children[0] if root.named_children else None
        function = simple_name(file.text(callee)) if callee is not None else ""
        positional, named = self._arguments(root)
        if function == "PrimaryKey":
            columns = [a for a in positional if a.type in ("identifier", "navigation_expression")]
            owner.key = [simple_name(file.text(a)) for a in columns]
            owner.key_node = root
            return
        if function in _NOT_COLUMNS:
            return
        name_node = named.get("name") or (positional[0] if positional else None)
        known = function in _TYPES or function in _SIZED or function in _REFERENCES or function in (
            "decimal", "customEnumeration", "registerColumn", "array",
        )  # fmt: skip
        if not known and (name_node is None or name_node.type != "string_literal"):
            return  # not a column (a helper's result, a lazy value)
        line, column = file.place(root)
        name = (
            self.value(name_node, file, f"the column of property {prop} is not read")
            if name_node is not None
            else None
        )
        if not isinstance(name, str) or not name:
            if name_node is None:
                self.warn(file, root, f"{function}(...) of property {prop}: no column name cnsnt can read")
            return
        sql_type = self._type(function, positional, named, file)
        if not known:
            self.warn(
                file,
                callee if callee is not None else root,
                f'{function}("{name}"): a column function cnsnt does not know; the column is read '
                "without its type",
            )
        if any(m == "autoIncrement" for m, _ in methods) and self.postgres and sql_type in _SERIAL:
            sql_type = _SERIAL[sql_type]
        col = _Column(prop, ModelColumn(name, line, column, sql_type), root)
        if function in _REFERENCES:
            target = (
                named.get("foreign")
                or named.get("refColumn")
                or (positional[1] if len(positional) > 1 else None)
            )
            col.references = (target, root) if target is not None else None
        for method, arguments in methods:
            if method == "references" and arguments is not None:
                refs, _ = (
                    self._arguments(arguments) if arguments.type == "call_expression" else ([arguments], {})
                )
                if refs:
                    col.references = (refs[0], arguments)
        owner.columns.append(col)

    def _type(
        self, function: str, positional: list[Node], named: dict[str, Node], file: SourceFile
    ) -> str | None:
        if function in _TYPES:
            base, pg = _TYPES[function]
            return pg if self.postgres and pg else base
        if function in _SIZED:
            size_node = named.get("length") or (positional[1] if len(positional) > 1 else None)
            if size_node is None:
                return {"char": "char", "binary": "bytea" if self.postgres else "varbinary"}.get(function)
            size = self.value(size_node, file, "the length of the column is unknown")
            kind = "bytea" if function == "binary" and self.postgres else _SIZED[function]
            if kind == "bytea":
                return kind
            return f"{kind}({size})" if isinstance(size, int) and not isinstance(size, bool) else kind
        if function == "decimal":
            precision = self.value(
                named.get("precision") or _at(positional, 1), file, "the column's precision is unknown"
            )
            scale = self.value(
                named.get("scale") or _at(positional, 2), file, "the column's scale is unknown"
            )
            if isinstance(precision, int) and isinstance(scale, int):
                return f"decimal({precision},{scale})"
            return "decimal"
        if function == "customEnumeration":
            sql = self.value(named.get("sql") or _at(positional, 1), file, "the column's SQL type is unknown")
            return sql.lower() if isinstance(sql, str) else None
        return None  # a reference: its target's key type, filled in with the foreign key

    # ---- foreign keys

    def _foreign_keys(
        self, declared: _Declared, table: ModelTable, by_object: dict[str, list[tuple[_Declared, ModelTable]]]
    ) -> None:
        chain = self._chain(declared, report=False) or [declared]
        for owner in chain:
            for col in owner.columns:
                if col.references is None:
                    continue
                target_node, at = col.references
                text = "".join(owner.file.text(target_node).split())
                parts = text.split(".")
                named = by_object.get(parts[-2] if len(parts) >= 2 else parts[-1], [])
                # objects of one name in several files (tests, modules): the one of this file first
                mine_first = sorted(named, key=lambda pair: pair[0].file is not owner.file)
                target = mine_first[0][1] if mine_first else None
                if target is None:
                    self.warn(
                        owner.file,
                        target_node,
                        f"{text}: the table column {col.column.name} references is not in this entry; "
                        "its foreign key is not read",
                    )
                    continue
                keys = [c for c in target.columns if c.primary_key]
                if len(parts) < 2:
                    ref = keys[0] if len(keys) == 1 else None
                else:
                    ref = self._column_of(target, parts[-1], parts[-2])
                if ref is None:
                    self.warn(
                        owner.file,
                        target_node,
                        f"{text}: cnsnt cannot tell which column of {target.name} column {col.column.name} "
                        "references; its foreign key is not read",
                    )
                    continue
                mine = next((c for c in table.columns if c.name == col.column.name), None)
                if mine is not None and mine.type is None:
                    mine.type = {"serial": "int", "bigserial": "bigint"}.get(ref.type or "", ref.type)
                table.foreign_keys.append(
                    ForeignKey((col.column.name,), target.name, (ref.name,), target.schema)
                )

    def _column_of(self, table: ModelTable, prop: str, owner: str) -> ModelColumn | None:
        if prop == "id" and table.columns and table.columns[0].primary_key:
            return table.columns[0]
        declared = self.declared.get(owner)
        chain = self._chain(declared, report=False) if declared is not None else None
        for o in chain or []:
            for col in o.columns:
                if col.prop == prop:
                    return next((c for c in table.columns if c.name == col.column.name), None)
        return None


def _declares_columns(declared: _Declared) -> bool:
    """Whether a class's body calls a column function (`val x = integer("x")`): a table on an unknown base."""
    members = body(declared.node)
    for member in members.named_children if members is not None else ():
        value = initializer(member) if member.type == "property_declaration" else None
        root = _unchain(value)[0] if value is not None else None
        callee = root.named_children[0] if root is not None and root.named_children else None
        name = declared.file.text(callee) if callee is not None else ""
        if name in _TYPES or name in _SIZED or name in _REFERENCES:
            return True
    return False


def _at(nodes: list[Node], i: int) -> Node | None:
    return nodes[i] if i < len(nodes) else None


def _unchain(value: Node) -> tuple[Node | None, list[tuple[str, Node | None]]]:
    """`varchar("a", 9).nullable().references(X.id)` -> (the `varchar(...)` call, [(method, call)...]).

    `integer("a") references X.id` (infix) gives ("references", `X.id`). Iterative: a chain
    thousands of calls long is read in linear time.
    """
    methods: list[tuple[str, Node | None]] = []
    node = value
    for _ in range(10_000):
        if node.type == "infix_expression" and len(node.named_children) == 3:
            left, op, right = node.named_children
            methods.append((bytes(op.text or b"").decode(), right))
            node = left
            continue
        if node.type == "call_expression" and node.named_children:
            callee = node.named_children[0]
            if callee.type == "navigation_expression" and len(callee.named_children) == 2:
                receiver, method = callee.named_children
                methods.append((bytes(method.text or b"").decode(), node))
                node = receiver
                continue
            methods.reverse()
            return node, methods
        if node.type == "parenthesized_expression" and node.named_children:
            node = node.named_children[0]
            continue
        return None, methods
    return None, methods
