"""C# syntax as the Entity Framework Core readers need it, parsed with tree-sitter's C# grammar.

Only literal values are evaluated (strings, numbers, `null`, `nameof(X)`): EF's model
snapshot writes every name and type as a literal, and an attribute's arguments are
literals in practice. Anything else is `UNRESOLVED`, and the caller decides what the
default is. Fluent calls are flattened into chains (`b.Property<string>("Email")
.HasMaxLength(256)` is `b` with the calls `Property`, `HasMaxLength`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from cnsnt.evidence import SourceProblem
from cnsnt.sources.schemas.grammars import SourceFile, parser, syntax_problem

Node = Any  # tree_sitter.Node: typed loosely so the grammar stays an import-time detail

#: A value that is not a literal (a constant, a method call): the caller's default applies.
UNRESOLVED = object()
#: How deep a value or a chain may nest before it counts as unresolved (real code: a few levels).
_DEPTH = 200


def csharp_parser() -> Any:
    """A tree-sitter parser for C#; a clear `SourceError` when the grammar is not installed."""
    return parser("csharp", "Entity Framework Core models")


def csharp_syntax(tree: Any, file: SourceFile) -> SourceProblem | None:
    """The CN001 problem of a C# file tree-sitter could not parse whole."""
    return syntax_problem(tree, file, "C#", "tables")


def literal(node: Node | None, file: SourceFile, depth: int = 0) -> Any:
    """A literal's value: `str`, `int`, `float`, `bool` or None (`null`); else `UNRESOLVED`."""
    if node is None or depth > _DEPTH:
        return UNRESOLVED
    kind = node.type
    if kind in ("argument", "attribute_argument", "parenthesized_expression"):
        value = node.child_by_field_name("expression") if kind == "argument" else None
        named = [c for c in node.named_children if c.type not in ("identifier", "name_equals", "name_colon")]
        if kind == "attribute_argument" and node.child_by_field_name("name") is not None:
            named = named[-1:]
        return literal(value or (named[-1] if named else None), file, depth + 1)
    if kind == "string_literal":
        return _string(node, file)
    if kind == "verbatim_string_literal":
        return file.text(node)[2:-1].replace('""', '"')
    if kind == "raw_string_literal":
        return "".join(file.text(c) for c in node.named_children if c.type == "raw_string_content")
    if kind == "integer_literal":
        text = file.text(node).rstrip("uUlL").replace("_", "")
        try:
            return int(text, 16) if text[:2].lower() == "0x" else int(text)
        except ValueError:
            return UNRESOLVED
    if kind == "real_literal":
        try:
            return float(file.text(node).rstrip("fFdDmM").replace("_", ""))
        except ValueError:
            return UNRESOLVED
    if kind == "boolean_literal":
        return file.text(node) == "true"
    if kind == "null_literal":
        return None
    if kind == "cast_expression":  # `(string)null`, as the snapshot writes an absent schema
        return literal(node.child_by_field_name("value"), file, depth + 1)
    if kind == "invocation_expression":  # nameof(Customer) / nameof(Customer.Email)
        function = node.child_by_field_name("function")
        arguments = node.child_by_field_name("arguments")
        if function is not None and file.text(function) == "nameof" and arguments is not None:
            args = [a for a in arguments.named_children if a.type == "argument"]
            if len(args) == 1:
                return file.text(args[0]).split(".")[-1].strip()
    return UNRESOLVED


def _string(node: Node, file: SourceFile) -> Any:
    parts: list[str] = []
    for child in node.named_children:
        if child.type == "string_literal_content":
            parts.append(file.text(child))
        elif child.type == "escape_sequence":
            parts.append(_unescape(file.text(child)))
        else:
            return UNRESOLVED
    return "".join(parts)


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", '"': '"', "'": "'", "\\": "\\", "a": "\a", "b": "\b"}


def _unescape(text: str) -> str:
    r"""`\n`, `\"`, `\u00e9`, `\x41` as the character they stand for (a lone surrogate as U+FFFD)."""
    if text[1:2] in ("u", "U", "x"):
        try:
            code = int(text[2:], 16)
            return "\ufffd" if 0xD800 <= code <= 0xDFFF else chr(code)
        except ValueError:
            return text
    return _ESCAPES.get(text[1:2], text)


def text_of(node: Node | None, file: SourceFile) -> str | None:
    """A non-empty string literal's value, else None."""
    value = literal(node, file)
    return value if isinstance(value, str) and value else None


def arguments(node: Node | None) -> list[Node]:
    """The argument nodes of an `argument_list` or `attribute_argument_list`."""
    if node is None:
        return []
    return [c for c in node.named_children if c.type in ("argument", "attribute_argument")]


def lambda_of(argument: Node, file: SourceFile) -> tuple[str, Node] | None:
    """(parameter name, body) of an argument that is a one-parameter lambda (`b => { ... }`)."""
    value = argument.named_children[-1] if argument.named_children else None
    if value is None or value.type != "lambda_expression":
        return None
    params = value.child_by_field_name("parameters")
    body = value.child_by_field_name("body")
    if params is None or body is None:
        return None
    if params.type == "implicit_parameter":
        return file.text(params), body
    names = [p.child_by_field_name("name") for p in params.named_children if p.type == "parameter"]
    if len(names) != 1 or names[0] is None:
        return None
    return file.text(names[0]), body


@dataclass
class Call:
    """One call of a fluent chain: `HasMaxLength(256)` or `Property<string>("Email")`."""

    name: str
    type_args: tuple[str, ...]
    """Generic arguments as written (`Property<string?>` -> `("string?",)`)."""
    args: list[Node]
    node: Node


@dataclass
class Chain:
    """`root.A(...).B(...)`: the root identifier (`b`) and the calls, first call first."""

    root: str
    calls: list[Call]
    node: Node


def chain_of(node: Node, file: SourceFile) -> Chain | None:
    """The chain of an invocation whose innermost receiver is a plain identifier, else None."""
    calls: list[Call] = []
    current = node
    for _ in range(_DEPTH):
        if current.type != "invocation_expression":
            break
        function = current.child_by_field_name("function")
        if function is None or function.type != "member_access_expression":
            return None
        name_node = function.child_by_field_name("name")
        receiver = function.child_by_field_name("expression")
        if name_node is None or receiver is None:
            return None
        name, type_args = _name(name_node, file)
        calls.append(Call(name, type_args, arguments(current.child_by_field_name("arguments")), current))
        current = receiver
    else:
        return None
    if current.type != "identifier" or not calls:
        return None
    calls.reverse()
    return Chain(file.text(current), calls, node)


def _name(node: Node, file: SourceFile) -> tuple[str, tuple[str, ...]]:
    """A member name and its generic arguments (`Property<int>` -> `("Property", ("int",))`)."""
    if node.type != "generic_name":
        return file.text(node), ()
    ident = next((c for c in node.named_children if c.type == "identifier"), None)
    targs = next((c for c in node.named_children if c.type == "type_argument_list"), None)
    args = tuple(file.text(c) for c in targs.named_children) if targs is not None else ()
    return (file.text(ident) if ident is not None else file.text(node)), args


def statements(body: Node) -> Iterator[Node]:
    """The invocations a lambda's body runs: each statement of a block, or the expression itself."""
    if body.type == "invocation_expression":
        yield body
        return
    if body.type != "block":
        return
    for stmt in body.named_children:
        if stmt.type == "expression_statement" and stmt.named_children:
            expr = stmt.named_children[0]
            if expr.type == "invocation_expression":
                yield expr
