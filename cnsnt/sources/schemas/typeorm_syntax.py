"""TypeScript classes and decorator values as TypeORM reads them, from tree-sitter's TypeScript tree.

The files are parsed, never compiled or run. This module turns one file's syntax tree
into plain records (`TsClass`, `Field`, `Decorator`) and evaluates the literal values
decorators are given (`'users'`, `{ name: 'x', length: 100 }`, `() => User`);
`typeorm_entities` maps those records to tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cnsnt.evidence import SourceProblem
from cnsnt.sources.schemas.grammars import SourceFile, warning

Node = Any  # tree_sitter.Node: typed loosely so the grammar stays an import-time detail

#: How deep a decorator value may nest (real ones nest 2 or 3 levels).
DEPTH = 100
#: Types a relation's property is wrapped in (`Promise<User>` for lazy relations,
#: `Relation<User>` for ESM projects, MikroORM's `Ref<User>`, `Rel<User>`, `Opt<Date>`):
#: the entity is the type argument.
WRAPPERS = frozenset(
    {"Promise", "Relation", "Lazy", "Ref", "Rel", "Reference", "IdentifiedReference", "Opt", "Hidden"}
)
#: Marker types MikroORM adds to a property's type (`Date & Opt`): no part of the value's type.
MARKERS = frozenset({"Opt", "Hidden", "Config", "DefineConfig"})


class Unresolved(Exception):
    """A decorator value cnsnt cannot evaluate (a call, an imported constant)."""

    def __init__(self, node: Node) -> None:
        super().__init__("unresolved")
        self.node = node


@dataclass(frozen=True)
class Target:
    """`() => User` or `type => User`: the class a relation or an embedded column points at."""

    name: str


@dataclass
class Decorator:
    """`@Name(arg, ...)`: its arguments are still nodes, evaluated on demand."""

    name: str
    node: Node
    file: SourceFile
    args: list[Node] = field(default_factory=list)


@dataclass
class Field:
    """A class property with its decorators."""

    name: str
    type: str | None
    """The TypeScript type as named (`string`, `Date`, `User`), wrappers and `| null` removed."""
    array: bool
    node: Node
    decorators: dict[str, Decorator]


@dataclass
class TsClass:
    """One class of the entry with what TypeORM reads from it."""

    name: str
    file: SourceFile
    node: Node
    decorators: dict[str, Decorator]
    superclass: str | None
    fields: list[Field] = field(default_factory=list)
    unnamed: list[Node] = field(default_factory=list)
    """Decorated properties whose name cannot be read (broken text): where each name should be."""


def _name_of(node: Node, file: SourceFile) -> str:
    """The simple name of an identifier or `a.b.C` (`C`)."""
    return file.text(node).split(".")[-1].strip()


def decorator_of(node: Node, file: SourceFile) -> Decorator | None:
    """`@Column(...)`, `@Column`, `@typeorm.Column(...)`; None for anything else."""
    expr = next((c for c in node.named_children if c.type not in ("comment",)), None)
    if expr is None:
        return None
    if expr.type == "call_expression":
        function = expr.child_by_field_name("function")
        arguments = expr.child_by_field_name("arguments")
        if function is None or function.type not in ("identifier", "member_expression"):
            return None
        args = [a for a in arguments.named_children if a.type != "comment"] if arguments is not None else []
        return Decorator(_name_of(function, file), node, file, args)
    if expr.type in ("identifier", "member_expression"):
        return Decorator(_name_of(expr, file), node, file)
    return None


def _decorators(nodes: list[Node], file: SourceFile) -> dict[str, Decorator]:
    found: dict[str, Decorator] = {}
    for node in nodes:
        deco = decorator_of(node, file)
        if deco is not None:
            found.setdefault(deco.name, deco)
    return found


def type_of(node: Node | None, file: SourceFile) -> tuple[str | None, bool]:
    """(the type's name, whether it is an array) of a type node; None when it names no one type."""
    for _ in range(DEPTH):
        if node is None:
            return None, False
        kind = node.type
        if kind == "type_annotation" or kind == "parenthesized_type":
            node = next(iter(node.named_children), None)
            continue
        if kind in ("predefined_type", "type_identifier", "nested_type_identifier"):
            return _name_of(node, file), False
        if kind == "array_type":
            inner, _ = type_of(next(iter(node.named_children), None), file)
            return inner, True
        if kind == "generic_type":
            name_node = node.child_by_field_name("name")
            name = _name_of(name_node, file) if name_node is not None else None
            args = node.child_by_field_name("type_arguments")
            first = next(iter(args.named_children), None) if args is not None else None
            if name in WRAPPERS:
                node = first
                continue
            if name == "Array" and first is not None:
                return type_of(first, file)[0], True
            return name, False
        if kind == "intersection_type":  # `Date & Opt`: the one member that is not a marker
            members = [m for m in node.named_children if _name_of(m, file) not in MARKERS]
            if len(members) != 1:
                return None, False
            node = members[0]
            continue
        if kind == "union_type":
            members = [m for m in _union_members(node) if not _nullish(m, file)]
            if len(members) != 1:
                return None, False
            node = members[0]
            continue
        return None, False
    return None, False


def _union_members(node: Node) -> list[Node]:
    """`A | B | C` as its members (the grammar nests unions to the left)."""
    out: list[Node] = []
    stack = [node]
    while stack and len(out) < 1000:
        current = stack.pop()
        if current.type == "union_type":
            stack.extend(reversed(current.named_children))
        else:
            out.append(current)
    return out


def _nullish(node: Node, file: SourceFile) -> bool:
    return file.text(node) in ("null", "undefined")


def _field_of(node: Node, file: SourceFile) -> Field | None:
    """A property (`@Column() email: string`), or None for a static or private one, or one without a name."""
    if any(c.type == "static" for c in node.children):
        return None
    name_node = node.child_by_field_name("name")
    if name_node is None or name_node.type not in ("property_identifier", "string"):
        return None
    name = string_value(name_node, file) if name_node.type == "string" else file.text(name_node)
    if name_node.is_missing or not name.strip():
        return None
    ts_type, array = type_of(node.child_by_field_name("type"), file)
    decorators = _decorators([c for c in node.children if c.type == "decorator"], file)
    return Field(name, ts_type, array, node, decorators)


def _class_of(node: Node, outer: list[Node], file: SourceFile, constants: dict[str, Any]) -> TsClass | None:
    """A class declaration; `outer`: decorators written before `export` (`@Entity() export class`).

    Its static string properties are constants (`@JoinTable({ name: Category.joinTable })`).
    """
    name_node = node.child_by_field_name("name")
    if name_node is None:
        return None
    decorators = _decorators([*outer, *(c for c in node.children if c.type == "decorator")], file)
    superclass = None
    for heritage in (c for c in node.children if c.type == "class_heritage"):
        for clause in (c for c in heritage.named_children if c.type == "extends_clause"):
            value = clause.child_by_field_name("value")
            if value is not None and value.type in ("identifier", "member_expression"):
                superclass = _name_of(value, file)
    cls = TsClass(file.text(name_node), file, node, decorators, superclass)
    body = node.child_by_field_name("body")
    for member in body.named_children if body is not None else []:
        if member.type == "public_field_definition":
            found = _field_of(member, file)
            if found is not None:
                cls.fields.append(found)
            elif _nameless(member):
                cls.unnamed.append(_after_decorators(member))
            else:
                _static(member, cls.name, file, constants)
    return cls


def _nameless(node: Node) -> bool:
    """A decorated property whose name the parse did not find (a syntax error there)."""
    name = node.child_by_field_name("name")
    missing = name is None or name.is_missing or name.start_byte == name.end_byte
    return missing and any(c.type == "decorator" for c in node.children)


def _after_decorators(node: Node) -> Node:
    """Where a property's name should be: its first token after the decorators (the member when none)."""
    rest = (c for c in node.children if c.type not in ("decorator", "comment") and not c.is_missing)
    return next(rest, node)


def unnamed_problems(classes: list[TsClass]) -> list[SourceProblem]:
    """A CN001 warning at each decorated property of `classes` whose name cnsnt cannot read.

    Such a property was a column with an empty name on the unsure list (review36 R36a
    D5): it is left out, and said where.
    """
    return [
        warning(cls.file, node, "a decorated property whose name cnsnt cannot read: no column is made of it")
        for cls in classes
        for node in cls.unnamed
    ]


#: Declarations that can stand at the top of a module (or inside `export`, or a namespace).
_CLASSES = ("class_declaration", "abstract_class_declaration")


def classes_of(root: Node, file: SourceFile, constants: dict[str, Any]) -> list[TsClass]:
    """The classes of a file, in file order; top-level string constants and enums go to `constants`."""
    out: list[TsClass] = []
    stack: list[tuple[Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        ordered: list[tuple[Node, int]] = []
        for child in node.named_children:
            decl, outer = child, []
            if child.type == "export_statement":
                outer = [c for c in child.children if c.type == "decorator"]
                decl = child.child_by_field_name("declaration") or next(
                    (c for c in child.named_children if c.type in _CLASSES), child
                )
            if decl.type in _CLASSES:
                cls = _class_of(decl, outer, file, constants)
                if cls is not None:
                    out.append(cls)
            elif decl.type in ("lexical_declaration", "variable_declaration"):
                _constants(decl, file, constants)
            elif decl.type == "enum_declaration":
                _enum(decl, file, constants)
            elif decl.type in ("internal_module", "module") and depth < 8:
                body = decl.child_by_field_name("body")
                if body is not None:
                    ordered.append((body, depth + 1))
            elif decl.type == "expression_statement" and depth < 8:
                inner = next(iter(decl.named_children), None)  # `namespace X {}` is an expression here
                body = (
                    inner.child_by_field_name("body")
                    if inner is not None and inner.type == "internal_module"
                    else None
                )
                if body is not None:
                    ordered.append((body, depth + 1))
        stack.extend(reversed(ordered))
    return out


def _static(node: Node, owner: str, file: SourceFile, constants: dict[str, Any]) -> None:
    """`static joinTable = 'x'` of class `C`: `C.joinTable` is `'x'`."""
    name = node.child_by_field_name("name")
    value = node.child_by_field_name("value")
    if name is None or value is None or name.type != "property_identifier":
        return
    try:
        found = evaluate(value, file, constants)
    except Unresolved:
        return
    if isinstance(found, str):
        constants.setdefault(f"{owner}.{file.text(name)}", found)


def _constants(node: Node, file: SourceFile, constants: dict[str, Any]) -> None:
    """`const USERS = 'users'`: a name a decorator may use for a table or column name."""
    for declarator in (c for c in node.named_children if c.type == "variable_declarator"):
        name = declarator.child_by_field_name("name")
        value = declarator.child_by_field_name("value")
        if name is None or value is None or name.type != "identifier":
            continue
        try:
            found = evaluate(value, file, constants)
        except Unresolved:
            continue
        if isinstance(found, (str, int)):
            constants.setdefault(file.text(name), found)


#: Before an enum's name in `constants`, the key of its members' values in order (a space:
#: no name written in code, whose spaces are dropped, is ever looked up under it).
ENUM_VALUES = "enum "


def _enum(node: Node, file: SourceFile, constants: dict[str, Any]) -> None:
    """`enum Tables { Users = 'users' }`: `Tables.Users` is `'users'`.

    The values of all its members, in order, are `constants[ENUM_VALUES + "Tables"]`: a
    string member's value, else the member's name (`enum Sex { Male, Female }` stores
    numbers, which say nothing); a member cnsnt cannot evaluate leaves them out.
    """
    name = node.child_by_field_name("name")
    body = node.child_by_field_name("body")
    if name is None or body is None:
        return
    values: list[str] | None = []
    for member in (c for c in body.named_children if c.type in ("enum_assignment", "property_identifier")):
        key = member.child_by_field_name("name") if member.type == "enum_assignment" else member
        value = member.child_by_field_name("value")
        if key is None:
            continue
        try:
            found = evaluate(value, file, constants) if value is not None else None
        except Unresolved:
            values = None
            continue
        if isinstance(found, str):
            constants.setdefault(f"{file.text(name)}.{file.text(key)}", found)
        if values is not None:
            values.append(found if isinstance(found, str) else file.text(key).strip("'\""))
    if values:
        constants.setdefault(ENUM_VALUES + file.text(name), values)


# --------------------------------------------------------------------------- values


def enum_values(
    node: Node, file: SourceFile, constants: dict[str, Any]
) -> tuple[list[str], str | None] | None:
    """The values an enum column lists, and the TS enum they are of: `['a']`, `Sex`, `Object.values(Sex)`.

    TypeORM's `enum:` and Sequelize's `values:` take them; None when they are computed.
    """
    function, args = node.child_by_field_name("function"), node.child_by_field_name("arguments")
    if node.type == "call_expression" and function is not None and args is not None:
        inner = [a for a in args.named_children if a.type != "comment"]
        if file.text(function).replace(" ", "") == "Object.values" and len(inner) == 1:
            node = inner[0]
    if node.type in ("identifier", "member_expression"):
        written = file.text(node).replace(" ", "")
        found = constants.get(ENUM_VALUES + written)
        return (list(found), written.rpartition(".")[2]) if found else None
    if node.type != "array":
        return None
    values: list[str] = []
    for item in (c for c in node.named_children if c.type != "comment"):
        try:
            value = evaluate(item, file, constants)
        except Unresolved:
            return None
        if not isinstance(value, str):
            return None
        values.append(value)
    return (values, None) if values else None


#: What `scalar` gives for a node that is no string, number, boolean or null literal.
NOT_SCALAR: Any = object()


def scalar(node: Node, file: SourceFile) -> Any:
    """A string, number, boolean or null literal's value, else `NOT_SCALAR`.

    Raises `ValueError` for one only running code could give: a template with `${...}`,
    a number JavaScript spells in a way Python does not read.
    """
    kind = node.type
    if kind == "string":
        return string_value(node, file)
    if kind == "template_string":
        if any(c.type == "template_substitution" for c in node.named_children):
            raise ValueError("a template with a substitution")
        return string_value(node, file)
    if kind == "number":
        text = file.text(node).replace("_", "")
        try:
            return int(text, 0)
        except ValueError:
            return float(text)
    if kind in ("true", "false"):
        return kind == "true"
    if kind in ("null", "undefined"):
        return None
    return NOT_SCALAR


def evaluate(node: Node, file: SourceFile, constants: dict[str, Any], depth: int = 0) -> Any:
    """A literal value: str, int, float, bool, None, dict (`{...}`, values still nodes), list, Target.

    Raises `Unresolved` for anything that needs running code.
    """
    if depth > DEPTH:
        raise Unresolved(node)
    try:
        value = scalar(node, file)
    except ValueError:
        raise Unresolved(node) from None
    if value is not NOT_SCALAR:
        return value
    kind = node.type
    if kind in ("parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression"):
        inner = next(iter(node.named_children), None)
        if inner is None:
            raise Unresolved(node)
        return evaluate(inner, file, constants, depth + 1)
    if kind == "object":
        return _object(node, file, constants)
    if kind == "array":
        return [c for c in node.named_children if c.type != "comment"]
    if kind == "arrow_function":
        body = node.child_by_field_name("body")
        if body is not None and body.type in ("identifier", "member_expression"):
            return Target(_name_of(body, file))
        if body is not None and body.type in ("string", "template_string"):
            return Target(evaluate(body, file, constants, depth + 1))
        raise Unresolved(node)
    if kind in ("identifier", "member_expression"):
        text = file.text(node).replace(" ", "")
        if text in constants:
            return constants[text]
        if text in ("String", "Number", "Boolean", "Date", "Buffer"):
            return Target(text)
        raise Unresolved(node)
    if kind == "binary_expression":
        op = node.child_by_field_name("operator")
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if op is not None and file.text(op) == "+" and left is not None and right is not None:
            a = evaluate(left, file, constants, depth + 1)
            b = evaluate(right, file, constants, depth + 1)
            if isinstance(a, str) or isinstance(b, str):
                return f"{a}{b}"
        if op is not None and file.text(op) in ("||", "??") and left is not None and right is not None:
            return _fallback(file.text(op), left, right, file, constants, depth)
        raise Unresolved(node)
    raise Unresolved(node)


def _fallback(
    op: str, left: Node, right: Node, file: SourceFile, constants: dict[str, Any], depth: int
) -> Any:
    """`process.env.DB_SCHEMA || "public"`: the left value when it can be read, else the fallback.

    A value from the environment (or any code) cannot be read, and the literal after `||`
    or `??` is what the program uses when it is unset: the schema or name a fresh checkout
    gets (review31 D8: the admin back end's tables were read unqualified, the other back
    end's as `public.*`, and one table was listed twice under two names).
    """
    try:
        value = evaluate(left, file, constants, depth + 1)
    except Unresolved:
        return evaluate(right, file, constants, depth + 1)
    if (value is None) if op == "??" else not value:
        return evaluate(right, file, constants, depth + 1)
    return value


def _object(node: Node, file: SourceFile, constants: dict[str, Any]) -> dict[str, Node]:
    """`{ key: value }` as key -> value node (a spread or a computed key cannot be read: Unresolved)."""
    out: dict[str, Node] = {}
    for child in node.named_children:
        if child.type == "comment":
            continue
        if child.type == "shorthand_property_identifier":
            out[file.text(child)] = child
            continue
        if child.type != "pair":
            raise Unresolved(child)
        key = child.child_by_field_name("key")
        value = child.child_by_field_name("value")
        if key is None or value is None:
            continue
        if key.type == "property_identifier":
            out[file.text(key)] = value
        elif key.type in ("string", "number"):
            out[str(evaluate(key, file, constants))] = value
        else:
            raise Unresolved(key)
    return out


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "b": "\b", "f": "\f", "v": "\v"}


def string_value(node: Node, file: SourceFile) -> str:
    """The value of a string literal (or a template without `${...}`): its fragments, escapes decoded."""
    parts: list[str] = []
    for child in node.named_children:
        if child.type == "string_fragment":
            parts.append(file.text(child))
        elif child.type == "escape_sequence":
            parts.append(unescape(file.text(child)))
    return "".join(parts)


def unescape(text: str) -> str:
    """One escape sequence (backslash n, a quote, u0041, u{1F600}, x41) as its character."""
    body = text[1:]
    if body[:1] in ("u", "x"):
        digits = body[1:].strip("{}")
        try:
            code = int(digits, 16)
            return "\ufffd" if 0xD800 <= code <= 0xDFFF else chr(code)  # a lone surrogate is no text
        except (ValueError, OverflowError):
            return text
    return _ESCAPES.get(body, body)
