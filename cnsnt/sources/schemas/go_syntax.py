"""Go source read with tree-sitter's Go grammar: the structs, methods, constants and calls models need.

Nothing is compiled or run. A file becomes a `GoFile`: its package, its imports, its
struct types (fields with their types and tags, as written), its other named types
(`type Status string`), its package-level string constants, the string literal each
`TableName()` method returns, and the model types named in `AutoMigrate(...)` /
`CreateTable(...)` calls. Values cnsnt cannot know (a `TableName()` that computes its
name) are kept as the node where they are written, so the reader can say where.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from cnsnt.sources.schemas.grammars import SourceFile

Node = Any  # tree_sitter.Node: typed loosely so the grammar stays an import-time detail

#: How deep expressions are followed (a hostile `"a" + "a" + ...` nests one level a term).
_DEPTH = 64
#: Calls whose arguments name the models a program creates tables for.
MIGRATE_CALLS = frozenset({"AutoMigrate", "CreateTable"})


@dataclass(frozen=True)
class GoType:
    """A field's type as written: a name (qualified or not), behind pointers, slices and arrays."""

    name: str
    """`string`, `User`, `Time` (of `time.Time`), `[]byte` for a byte slice, `map`, `struct`, `func`..."""
    package: str | None = None
    """The package qualifier (`time`, `gorm`, `models`), when written."""
    pointer: bool = False
    slice: bool = False
    """A slice or array of `name` (never `[]byte`, which is a name of its own)."""

    @property
    def qualified(self) -> str:
        """`time.Time`, `string`: the name as a Go programmer writes it."""
        return f"{self.package}.{self.name}" if self.package else self.name


@dataclass
class GoField:
    """One field of a struct (each name of `A, B int` is a field of its own)."""

    name: str | None
    """None for an embedded field (`gorm.Model`, `*Base`)."""
    type: GoType
    tag: str
    """The whole struct tag, unquoted (`gorm:"size:100" json:"name"`)."""
    node: Node


@dataclass
class GoStruct:
    """A named struct type of a file."""

    name: str
    package: str
    file: SourceFile
    node: Node
    fields: list[GoField] = field(default_factory=list)


@dataclass
class GoFile:
    """What a model reader takes from one Go file."""

    file: SourceFile
    package: str
    imports: list[str] = field(default_factory=list)
    structs: list[GoStruct] = field(default_factory=list)
    named: dict[str, GoType] = field(default_factory=dict)
    """Other named types by name (`type Status string` -> `string`)."""
    constants: dict[str, Node] = field(default_factory=dict)
    """Package-level constants by name -> their value expression."""
    table_names: dict[str, Node] = field(default_factory=dict)
    """Receiver type -> the expression its `TableName() string` method returns."""
    methods: dict[str, set[str]] = field(default_factory=dict)
    """Receiver type -> its method names (a `Scan` method makes a struct a column type)."""
    migrated: list[tuple[GoType, Node]] = field(default_factory=list)
    """Types named in `AutoMigrate(...)` / `CreateTable(...)`, with where each is written."""
    unread_migrations: list[Node] = field(default_factory=list)
    """Arguments of those calls that name no type cnsnt can see (`AutoMigrate(all()...)`)."""
    passed_migrations: list[Node] = field(default_factory=list)
    """Arguments that are a helper's own parameter (`models ...any`): named where it is called."""
    naming: list[tuple[str, Node]] = field(default_factory=list)
    """`schema.NamingStrategy{SingularTable: true, TablePrefix: "t_"}`: (key, value expression)."""


#: Whether a call `operand.name(...)` names models (name, operand text): GORM's `AutoMigrate` by default.
Migrates = Callable[[str, str], bool]


def read_go(tree: Any, file: SourceFile, migrates: Migrates | None = None, calls: bool = True) -> GoFile:
    """The declarations of one parsed file (tree-sitter recovers from errors: the rest is still read).

    `migrates` tells the calls whose arguments name the models (xorm's `Sync`, bun's
    `RegisterModel`); without it, GORM's `AutoMigrate` and a `Migrator()`'s `CreateTable`.
    `calls=False`: the file names none of them, and its top-level declarations are all
    that is read (the walk through every expression is the costly part).
    """
    root = tree.root_node
    out = GoFile(file, "")
    variables: dict[str, list[Node]] = {}
    for node in root.named_children:
        kind = node.type
        if kind == "package_clause":
            name = next((c for c in node.named_children if c.type == "package_identifier"), None)
            out.package = file.text(name) if name is not None else ""
        elif kind == "import_declaration":
            out.imports.extend(_imports(node, file))
        elif kind == "type_declaration":
            _types(node, file, out)
        elif kind == "const_declaration":
            for spec in _specs(node, "const_spec"):
                _bind(spec, file, out.constants)
        elif kind == "var_declaration":
            for spec in _specs(node, "var_spec"):
                for name in spec.children_by_field_name("name"):
                    variables.setdefault(file.text(name), []).append(spec)
        elif kind == "method_declaration":
            _method(node, file, out)
    for struct in out.structs:
        struct.package = out.package
    if calls:
        _migrations(root, file, out, variables, migrates or gorm_migrates)
    return out


def _specs(node: Node, kind: str) -> Iterator[Node]:
    """`const X = 1` and `const ( X = 1; Y = 2 )` alike (`var_spec_list` groups them for var)."""
    for child in node.named_children:
        if child.type == kind:
            yield child
        elif child.type.endswith("_list"):
            yield from (c for c in child.named_children if c.type == kind)


def _imports(node: Node, file: SourceFile) -> Iterator[str]:
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "import_spec":
            path = current.child_by_field_name("path")
            if path is not None:
                yield string_value(path, file) or ""
        else:
            stack.extend(current.named_children)


def _bind(spec: Node, file: SourceFile, into: dict[str, Node]) -> None:
    names = spec.children_by_field_name("name")
    value = spec.child_by_field_name("value")
    values = value.named_children if value is not None else []
    for name, expr in zip(names, values, strict=False):
        into.setdefault(file.text(name), expr)


def _types(node: Node, file: SourceFile, out: GoFile) -> None:
    for spec in node.named_children:
        if spec.type not in ("type_spec", "type_alias"):
            continue
        name_node = spec.child_by_field_name("name")
        body = spec.child_by_field_name("type")
        if name_node is None or body is None:
            continue
        name = file.text(name_node)
        if body.type == "struct_type":
            struct = GoStruct(name, out.package, file, spec)
            struct.fields = struct_fields(body, file)
            out.structs.append(struct)
        else:
            out.named.setdefault(name, type_of(body, file))


def struct_fields(struct: Node, file: SourceFile) -> list[GoField]:
    """The fields of a `struct { ... }` in order; an embedded field has no name."""
    fields: list[GoField] = []
    body = next((c for c in struct.named_children if c.type == "field_declaration_list"), None)
    for decl in body.named_children if body is not None else []:
        if decl.type != "field_declaration":
            continue
        kind = decl.child_by_field_name("type")
        if kind is None:
            continue
        tag_node = decl.child_by_field_name("tag")
        tag = (string_value(tag_node, file) or "") if tag_node is not None else ""
        names = decl.children_by_field_name("name")
        written = type_of(kind, file)
        if not names:
            pointer = any(c.type == "*" for c in decl.children)
            fields.append(
                GoField(None, GoType(written.name, written.package, pointer or written.pointer), tag, decl)
            )
        for name in names:
            fields.append(GoField(file.text(name), written, tag, name))
    return fields


def type_of(node: Node, file: SourceFile, depth: int = 0) -> GoType:
    """A type expression as a `GoType` (pointers and slices noted, generics by their base name)."""
    kind = node.type
    if depth > _DEPTH:
        return GoType("?")
    if kind in ("type_identifier", "identifier"):
        return GoType(file.text(node))
    if kind == "qualified_type":
        package = node.child_by_field_name("package")
        name = node.child_by_field_name("name")
        return GoType(
            file.text(name) if name is not None else "?", file.text(package) if package is not None else None
        )
    if kind == "pointer_type":
        inner = _first_named(node)
        found = type_of(inner, file, depth + 1) if inner is not None else GoType("?")
        return GoType(found.name, found.package, True, found.slice)
    if kind in ("slice_type", "array_type"):
        element = node.child_by_field_name("element")
        found = type_of(element, file, depth + 1) if element is not None else GoType("?")
        if found.qualified in ("byte", "uint8") and not found.pointer:
            return GoType("[]byte")
        return GoType(found.name, found.package, found.pointer, True)
    if kind == "generic_type":
        base = node.child_by_field_name("type")
        return type_of(base, file, depth + 1) if base is not None else GoType("?")
    if kind == "parenthesized_type":
        inner = _first_named(node)
        return type_of(inner, file, depth + 1) if inner is not None else GoType("?")
    return GoType(kind.removesuffix("_type"))  # map, struct, interface, channel, function


def _first_named(node: Node) -> Node | None:
    return node.named_children[0] if node.named_children else None


def _method(node: Node, file: SourceFile, out: GoFile) -> None:
    receiver = node.child_by_field_name("receiver")
    name_node = node.child_by_field_name("name")
    if receiver is None or name_node is None:
        return
    param = next((c for c in receiver.named_children if c.type == "parameter_declaration"), None)
    kind = param.child_by_field_name("type") if param is not None else None
    if kind is None:
        return
    owner = type_of(kind, file).name
    name = file.text(name_node)
    out.methods.setdefault(owner, set()).add(name)
    params = node.child_by_field_name("parameters")
    if name != "TableName" or (params is not None and params.named_children):
        return
    body = node.child_by_field_name("body")
    returned = _returned(body) if body is not None else None
    out.table_names.setdefault(owner, returned if returned is not None else name_node)


def _returned(body: Node) -> Node | None:
    """The expression of a body's only `return` (None when it has none or several)."""
    found: list[Node] = []
    stack = [body]
    while stack and len(found) < 2:
        current = stack.pop()
        if current.type == "return_statement":
            exprs = _first_named(current)
            found.append(
                _first_named(exprs) if exprs is not None and exprs.type == "expression_list" else exprs
            )
        elif current.type not in ("func_literal",):
            stack.extend(current.named_children)
    return found[0] if len(found) == 1 else None


def _migrations(
    root: Node, file: SourceFile, out: GoFile, variables: dict[str, list[Node]], migrates: Migrates
) -> None:
    """Types named in `db.AutoMigrate(&User{}, new(Order))` and `Migrator().CreateTable(...)` calls.

    An argument that is a variable (`AutoMigrate(models...)`) is followed to its
    declarations and assignments in the file (`var models = []any{&User{}}`, `models :=
    ...`, `models = append(models, &Order{})`).
    """
    calls: list[Node] = []
    stack = [root]
    while stack:
        current = stack.pop()
        if current.type == "call_expression":
            function = current.child_by_field_name("function")
            if (
                function is not None
                and function.type == "selector_expression"
                and _migrates(function, file, migrates)
            ):
                calls.append(current)
        elif current.type == "composite_literal" and _is_naming(current, file):
            body = current.child_by_field_name("body")
            for element in body.named_children if body is not None else []:
                parts = [c.named_children[0] for c in element.named_children if c.named_children]
                if element.type == "keyed_element" and len(parts) == 2:
                    out.naming.append((file.text(parts[0]), parts[1]))
        elif current.type == "range_clause":  # `for _, t := range tables { db.AutoMigrate(&t) }`
            left = current.child_by_field_name("left")
            right = current.child_by_field_name("right")
            if left is not None and right is not None:
                for name in left.named_children:
                    variables.setdefault(file.text(name), []).append(right)
        elif current.type in ("short_var_declaration", "assignment_statement"):
            # `models := ...`, and `tables = append(tables, new(User), ...)` (Gogs fills its list so)
            left = current.child_by_field_name("left")
            right = current.child_by_field_name("right")
            if left is not None and right is not None:
                for name, value in zip(left.named_children, right.named_children, strict=False):
                    variables.setdefault(file.text(name), []).append(value)
        stack.extend(reversed(current.named_children))
    for call in sorted(calls, key=lambda n: n.start_byte):
        args = call.child_by_field_name("arguments")
        for arg in args.named_children if args is not None else []:
            if arg.type in ("func_literal", "comment"):
                continue  # Gitea's `db.RegisterModel(new(X), initFunc)`: a function names no model
            found = list(_named_types(arg, file))
            target = arg
            while target.type in ("variadic_argument", "unary_expression") and target.named_children:
                target = target.named_children[0]  # `models...`, `&t`
            passed = False
            if not found and target.type == "identifier":
                found, passed = _followed(file.text(target), call, root, file, variables)
            if found:
                out.migrated.extend(found)
            elif passed:
                out.passed_migrations.append(arg)
            else:
                out.unread_migrations.append(arg)


def _migrates(function: Node, file: SourceFile, migrates: Migrates) -> bool:
    name = function.child_by_field_name("field")
    operand = function.child_by_field_name("operand")
    if name is None or operand is None:
        return False
    return migrates(file.text(name), file.text(operand))


def gorm_migrates(called: str, operand: str) -> bool:
    """`x.AutoMigrate`, or `CreateTable` of a `Migrator()` (not a project's own `m.CreateTable(db)`)."""
    if called == "AutoMigrate":
        return True
    return called == "CreateTable" and "migrator" in operand.lower()


def _is_naming(literal: Node, file: SourceFile) -> bool:
    """`schema.NamingStrategy{...}` (GORM's naming settings)."""
    kind = literal.child_by_field_name("type")
    return kind is not None and type_of(kind, file).name == "NamingStrategy"


def _followed(
    name: str, call: Node, root: Node, file: SourceFile, variables: dict[str, list[Node]]
) -> tuple[list[tuple[GoType, Node]], bool]:
    """The types a variable's values name, through variables it is set from (`t` of `range tables`).

    A parameter (or receiver) of a named type (`list Tables`) is followed to the file's
    literals of that type (`var Entities = Tables{...: &User{}}`). The second value: the
    name is a parameter of no such type (`models ...any`), a helper's pass-through whose
    models are named where it is called.
    """
    found: list[tuple[GoType, Node]] = []
    params = _parameters(call, file)
    passed = False
    seen = {name}
    queue = [name]
    while queue and len(seen) < _DEPTH:
        current = queue.pop()
        if current in params:  # a parameter hides the file's other variables of that name
            kind = params[current]
            if kind is not None and kind.name not in ("interface", "any", "?") and not kind.package:
                found.extend(_literals_of(kind.name, root, file))
            else:
                passed = True
            continue
        for value in variables.get(current, []):
            named = list(_named_types(value, file))
            found.extend(named)
            if not named and value.type == "identifier" and file.text(value) not in seen:
                seen.add(file.text(value))
                queue.append(file.text(value))
    return found, passed and not found


def _parameters(node: Node, file: SourceFile) -> dict[str, GoType | None]:
    """The parameters and receivers of the functions around a node, by name, with their types."""
    out: dict[str, GoType | None] = {}
    current = node.parent
    while current is not None:
        if current.type in ("function_declaration", "method_declaration", "func_literal"):
            for field_name in ("receiver", "parameters"):
                params = current.child_by_field_name(field_name)
                for decl in params.named_children if params is not None else []:
                    kind = decl.child_by_field_name("type")
                    written = type_of(kind, file) if kind is not None else None
                    for ident in decl.children_by_field_name("name"):
                        out.setdefault(file.text(ident), written)
        current = current.parent
    return out


def _literals_of(type_name: str, root: Node, file: SourceFile) -> list[tuple[GoType, Node]]:
    """The types named inside the file's composite literals of one type (`Tables{"users": &User{}}`)."""
    found: list[tuple[GoType, Node]] = []
    stack = [root]
    while stack:
        current = stack.pop()
        if current.type == "composite_literal":
            kind = current.child_by_field_name("type")
            body = current.child_by_field_name("body")
            if kind is not None and body is not None and type_of(kind, file).name == type_name:
                found.extend(_named_types(body, file))
                continue
        stack.extend(reversed(current.named_children))
    return found


def named_types(node: Node, file: SourceFile) -> list[tuple[GoType, Node]]:
    """The model types an argument names (`new(User)`, `&User{}`), each with where it is written."""
    return list(_named_types(node, file))


def _named_types(node: Node, file: SourceFile) -> Iterator[tuple[GoType, Node]]:
    """`&User{}`, `User{}`, `&models.User{}`, `new(User)`, `(*User)(nil)` anywhere under a node."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "composite_literal":
            kind = current.child_by_field_name("type")
            if kind is not None and kind.type in ("type_identifier", "qualified_type", "generic_type"):
                yield type_of(kind, file), current
                continue
        if current.type == "call_expression":
            function = current.child_by_field_name("function")
            args = current.child_by_field_name("arguments")
            if (
                function is not None
                and file.text(function) == "new"
                and args is not None
                and args.named_children
            ):
                kind = args.named_children[0]
                if kind.type in ("type_identifier", "qualified_type", "identifier"):
                    yield type_of(kind, file), current
                    continue
            converted = _nil_pointer(function, args)
            if converted is not None:
                yield GoType(file.text(converted).rpartition(".")[2], _qualifier(converted, file)), current
                continue
        stack.extend(reversed(current.named_children))


def _nil_pointer(function: Node | None, args: Node | None) -> Node | None:
    """The type of `(*User)(nil)` (`User`, `models.User`): bun's way to name a model."""
    if function is None or args is None or function.type != "parenthesized_expression":
        return None
    if [a.type for a in args.named_children] != ["nil"]:
        return None
    inner = _first_named(function)
    if inner is None or inner.type != "unary_expression" or not inner.named_children:
        return None
    operand = inner.named_children[0]
    return operand if operand.type in ("identifier", "selector_expression") else None


def _qualifier(node: Node, file: SourceFile) -> str | None:
    if node.type != "selector_expression":
        return None
    operand = node.child_by_field_name("operand")
    return file.text(operand) if operand is not None else None


def string_value(node: Node, file: SourceFile) -> str | None:
    """A Go string literal's value (raw or interpreted); None for anything else or a bad escape."""
    if node.type == "raw_string_literal":
        return "".join(file.text(c) for c in node.named_children if c.type == "raw_string_literal_content")
    if node.type != "interpreted_string_literal":
        return None
    parts: list[str] = []
    for child in node.named_children:
        if child.type == "interpreted_string_literal_content":
            parts.append(file.text(child))
        elif child.type == "escape_sequence":
            escaped = _ESCAPES.get(file.text(child))
            if escaped is None:
                return None
            parts.append(escaped)
    return "".join(parts)


_ESCAPES = {'\\"': '"', "\\\\": "\\", "\\n": "\n", "\\t": "\t", "\\'": "'", "\\r": "\r"}


def tag_value(tag: str, key: str) -> str | None:
    """`reflect.StructTag.Get`: the value of `key` in `gorm:"size:10" json:"name"` (None when absent)."""
    i = 0
    size = len(tag)
    while i < size:
        while i < size and tag[i] == " ":
            i += 1
        start = i
        while i < size and tag[i] > " " and tag[i] != ":" and tag[i] != '"':
            i += 1
        if i == start or i + 1 >= size or tag[i] != ":" or tag[i + 1] != '"':
            return None
        name = tag[start:i]
        i += 2
        value: list[str] = []
        while i < size and tag[i] != '"':
            if tag[i] == "\\" and i + 1 < size:
                i += 1
            value.append(tag[i])
            i += 1
        if i >= size:
            return None
        i += 1
        if name == key:
            return "".join(value)
    return None


#: A package's constants by name -> (value expression, the file it is written in).
Constants = dict[str, tuple[Node, SourceFile]]


#: How many expression nodes one string evaluation may visit, and how long its value may be:
#: constants that double each other (`B = A + A`, `C = B + B`, ...) stop there.
_BUDGET = 2000
_LONGEST = 4096


def evaluate_string(node: Node, file: SourceFile, constants: Constants) -> str | None:
    """A string expression of literals, `+` and package constants; None when it needs running code."""
    return _evaluate(node, file, constants, 0, [_BUDGET])


def _evaluate(node: Node, file: SourceFile, constants: Constants, depth: int, budget: list[int]) -> str | None:  # noqa: E501
    budget[0] -= 1
    if depth > _DEPTH or budget[0] < 0:
        return None
    kind = node.type
    if kind in ("raw_string_literal", "interpreted_string_literal"):
        return string_value(node, file)
    if kind == "parenthesized_expression":
        inner = _first_named(node)
        return _evaluate(inner, file, constants, depth + 1, budget) if inner is not None else None
    if kind == "identifier" and file.text(node) in constants:
        value, home = constants[file.text(node)]
        return _evaluate(value, home, constants, depth + 1, budget)
    if kind == "binary_expression":
        operator = node.child_by_field_name("operator")
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if operator is None or file.text(operator) != "+" or left is None or right is None:
            return None
        a = _evaluate(left, file, constants, depth + 1, budget)
        b = _evaluate(right, file, constants, depth + 1, budget) if a is not None else None
        if a is None or b is None or len(a) + len(b) > _LONGEST:
            return None
        return a + b
    return None
