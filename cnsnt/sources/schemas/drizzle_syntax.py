"""The records and syntax helpers the Drizzle reader's parts share.

`Callee` says what a called function is (a Drizzle export, a table function, a helper
of the project), `Scope` what names are bound while a column is read, and
`DeclaredTable` one table as it is read; the helpers read tree-sitter's TypeScript
nodes (a call's arguments, a function's parameters and what it returns).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cnsnt.sources.schemas.common import ModelTable
from cnsnt.sources.schemas.drizzle_files import Module, Node
from cnsnt.sources.schemas.drizzle_values import DEPTH, Env, Ref, unwrap

FUNCTIONS = frozenset({"arrow_function", "function_declaration", "function_expression", "function"})


@dataclass(frozen=True)
class Callee:
    """What a called function is: a Drizzle export, a table function, a helper of the project..."""

    kind: str
    """`core`, `table`, `view`, `enum`, `custom`, `function`, `schema` or `unknown`."""
    name: str = ""
    schema: str | None = None
    template: tuple[str, str] = ("", "")
    """A table creator's text before and after the name."""
    decl: Ref | None = None


@dataclass
class Scope:
    """Names bound while reading a column: a helper's parameters, a callback's builders."""

    env: Env = field(default_factory=dict)
    builders: frozenset[str] = frozenset()


@dataclass
class DeclaredTable:
    """A table as it is read: its model, its module, and its columns by property key."""

    model: ModelTable
    module: Module
    own: bool
    props: dict[str, str] = field(default_factory=dict)
    """Property key -> column name."""


@dataclass
class Pending:
    """A foreign key whose target is looked up once every table is read."""

    table: DeclaredTable
    columns: list[str]
    targets: list[Ref]
    selves: frozenset[str]
    """Names that mean the table itself (the extra-config callback's parameter, its variable)."""


def arguments(call: Node) -> list[Node]:
    """A call's arguments, comments left out."""
    args = call.child_by_field_name("arguments")
    return [a for a in args.named_children if a.type != "comment"] if args is not None else []


def parameters(function: Node, module: Module) -> list[str]:
    """The names of a function's simple parameters (`(name: string, opts?)` -> name, opts)."""
    params = function.child_by_field_name("parameters")
    if params is None:
        param = function.child_by_field_name("parameter")  # `t => ...`
        return [module.file.text(param)] if param is not None else []
    out: list[str] = []
    for param in params.named_children:
        pattern = param.child_by_field_name("pattern") if param.type != "identifier" else param
        out.append(module.file.text(pattern) if pattern is not None and pattern.type == "identifier" else "")
    return out


def gives(body: Node) -> Node | None:
    """What a function body gives: the expression of an arrow, else its block's first top-level `return`."""
    body = unwrap(body)
    if body.type != "statement_block":
        return body
    for statement in body.named_children:
        if statement.type == "return_statement":
            value = next((c for c in statement.named_children if c.type != "comment"), None)
            return unwrap(value) if value is not None else None
    return None


def returns(body: Node) -> list[Node]:
    """Every value a function body returns, in file order (an arrow's expression is its only one).

    Nested functions are not entered: their returns are theirs.
    """
    body = unwrap(body)
    if body.type != "statement_block":
        return [body]
    out: list[Node] = []
    stack = [body]
    while stack and len(out) < 64:
        node = stack.pop()
        if node.type == "return_statement":
            value = next((c for c in node.named_children if c.type != "comment"), None)
            if value is not None:
                out.append(unwrap(value))
            continue
        if node.type in FUNCTIONS or node.type in ("class_declaration", "method_definition"):
            continue
        stack.extend(reversed(node.named_children))
    return out


def base_call(node: Node) -> Node | None:
    """The first call of a chain: `foreignKey({...})` of `foreignKey({...}).onDelete('cascade')`."""
    for _ in range(DEPTH):
        if node.type != "call_expression":
            return None
        function = node.child_by_field_name("function")
        if function is not None and function.type == "member_expression":
            obj = function.child_by_field_name("object")
            inner = unwrap(obj) if obj is not None else None
            if inner is not None and inner.type == "call_expression":
                node = inner
                continue
        return node
    return None
