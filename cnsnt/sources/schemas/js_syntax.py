"""JavaScript (and TypeScript) as the Sequelize and Knex readers read it, from tree-sitter's tree.

Sequelize models and sequelize-cli or Knex migrations are CommonJS or ES modules,
written in plain JavaScript as often as in TypeScript. tree-sitter's TypeScript grammar
parses both (JSX aside, which no model file holds), so one parser serves. This module
walks a file's calls in the order they are written, flattens a call chain
(`knex.schema.createTable(...).alterTable(...)`) into its steps, and finds a migration's
`up` function in each of the forms the tools accept.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from cnsnt.evidence import SourceProblem
from cnsnt.sources.schemas.grammars import SourceFile, parser, syntax_problem
from cnsnt.sources.schemas.typeorm_syntax import Node, Unresolved, evaluate

#: How many nodes one walk visits at most (a real model file has a few thousand).
_NODES = 2_000_000
#: What `calls` yields by default.
CALLS = frozenset({"call_expression"})
#: Functions whose bodies are code (a callback passed to `createTable`, `transaction`).
FUNCTIONS = frozenset(
    {"arrow_function", "function_expression", "function_declaration", "function", "generator_function",
     "generator_function_declaration", "method_definition"}
)  # fmt: skip


#: How a migration's `up` export is written (`exports.up = function (knex)`, `async up(queryInterface)`).
UP_MARKS = (
    "exports.up =", "exports.up=", "function up(", "function up (", "const up =", "up: async", "up: function",
    "up: (", "async up(", "async up (", "up = async", "up = function", "up(queryInterface", "up(knex",
)  # fmt: skip


def exports_up(text: str) -> bool:
    """Whether a file's text looks like it exports a migration's `up` (a quick look before parsing).

    A mark that starts with `up` counts only where no name goes on before it (`setup(knex` is none).
    """
    for mark in UP_MARKS:
        start = text.find(mark)
        while start >= 0:
            before = text[start - 1] if start and mark.startswith("up") else " "
            if not (before.isalnum() or before in "_$"):
                return True
            start = text.find(mark, start + 1)
    return False


def javascript_parser() -> Any:
    """A tree-sitter parser for JavaScript and TypeScript (the TypeScript grammar reads both)."""
    return parser("typescript", "Sequelize and Knex sources")


def js_syntax(tree: Any, file: SourceFile) -> SourceProblem | None:
    """The CN001 problem of a file that does not parse whole."""
    return syntax_problem(tree, file, "JavaScript/TypeScript", "tables")


def calls(node: Node, skip: Node | None = None, kinds: frozenset[str] = CALLS) -> Iterator[Node]:
    """Every call expression under `node`, in the order the code is written (outer before inner).

    `skip`: a subtree not to enter (a model's own attributes, read apart); `kinds`: the
    node types yielded (`new_expression` too, for `new Schema(...)`).
    """
    stack = [node]
    seen = 0
    while stack and seen < _NODES:
        current = stack.pop()
        seen += 1
        if current is skip:
            continue
        if current.type in kinds:
            yield current
        stack.extend(reversed(current.named_children))


@dataclass
class Step:
    """One call of a chain: `.method(args)` on what the chain built so far."""

    method: str
    args: list[Node]
    node: Node
    """The call expression (its place is the step's place)."""


def chain(call: Node, file: SourceFile) -> tuple[Node | None, list[Step]]:
    """(the root object, its calls first to last) of `a.b(x).c(y)`: (`a`, [b(x), c(y)]).

    Property reads between calls (`knex.schema.createTable`) stay in the root's text
    only when they come before the first call; the root is None when the chain starts
    with a bare call (`createTable(...)`), which is not a chain. The calls are given
    either way: a caller marks them read, so that a chain of n calls costs n, not n
    squared (each call of it would be walked down to the root again).
    """
    steps: list[Step] = []
    node: Node | None = call
    root: Node | None = None
    while node is not None:
        if node.type == "await_expression" or node.type == "parenthesized_expression":
            node = next(iter(node.named_children), None)
            continue
        if node.type != "call_expression":
            root = node
            break
        function = node.child_by_field_name("function")
        if function is None or function.type != "member_expression":
            break
        prop = function.child_by_field_name("property")
        steps.append(Step(file.text(prop) if prop is not None else "", arguments(node), node))
        node = function.child_by_field_name("object")
    steps.reverse()
    return root, steps


def bound_to(call: Node, file: SourceFile) -> set[str]:
    """The names a call's result is given: `const User = ...`, `db.User = ...`, `exports.User = ...`."""
    node = call.parent
    while node is not None and node.type in ("await_expression", "parenthesized_expression", "as_expression"):
        node = node.parent
    if node is None:
        return set()
    if node.type == "variable_declarator":
        name = node.child_by_field_name("name")
        return {file.text(name)} if name is not None and name.type == "identifier" else set()
    if node.type == "assignment_expression":
        left = node.child_by_field_name("left")
        found = last_name(left, file) if left is not None else None
        return {found} if found else set()
    return set()


def pair_values(root: Node, source: bytes, name: str, limit: int) -> Iterator[Node]:
    """The value of each `name: value` pair in the tree (a quoted key too), in file order.

    Iterative, and at most `limit` nodes are visited: a hostile file cannot make it deep or long.
    """
    wanted = name.encode("utf-8")
    stack = [root]
    visited = 0
    while stack and visited < limit:
        node = stack.pop()
        visited += 1
        if node.type == "pair":
            key, value = node.child_by_field_name("key"), node.child_by_field_name("value")
            if (
                key is not None
                and value is not None
                and source[key.start_byte : key.end_byte].strip(b"'\"") == wanted
            ):
                yield value
        stack.extend(reversed(node.named_children))


def key_name(key: Node, file: SourceFile, constants: dict[str, Any]) -> str | None:
    """The name an object's key gives (`email`, `'email'`, `1`); None for a computed one (`[k]`)."""
    if key.type == "property_identifier":
        return file.text(key)
    if key.type in ("string", "number"):
        return str(evaluate(key, file, constants))
    return None


def arguments(call: Node) -> list[Node]:
    """The arguments of a call, comments left out."""
    args = call.child_by_field_name("arguments")
    return [a for a in args.named_children if a.type != "comment"] if args is not None else []


def callee(call: Node, file: SourceFile) -> tuple[str, str]:
    """(the object's text, the method) of `obj.method(...)`; ('', name) of a bare call."""
    function = call.child_by_field_name("function")
    if function is None:
        return "", ""
    if function.type == "member_expression":
        obj = function.child_by_field_name("object")
        prop = function.child_by_field_name("property")
        return (file.text(obj) if obj is not None else "", file.text(prop) if prop is not None else "")
    return "", file.text(function)


def text_value(node: Node, file: SourceFile, constants: dict[str, Any]) -> str:
    """A string a name is written as (`'users'`, a constant of the file); `Unresolved` otherwise."""
    found = evaluate(node, file, constants)
    if isinstance(found, str) and found:
        return found
    raise Unresolved(node)


def last_name(node: Node, file: SourceFile) -> str | None:
    """The name an identifier or `a.b.C` ends with (`C`); None for anything else."""
    if node.type in ("identifier", "this"):
        return file.text(node)
    if node.type == "member_expression":
        prop = node.child_by_field_name("property")
        return file.text(prop) if prop is not None else None
    if node.type in ("parenthesized_expression", "as_expression", "non_null_expression"):
        inner = next(iter(node.named_children), None)
        return last_name(inner, file) if inner is not None else None
    return None


def parameters(function: Node, file: SourceFile) -> list[str]:
    """The parameter names of a function (`(queryInterface, Sequelize)`, `knex =>`)."""
    single = function.child_by_field_name("parameter")
    if single is not None:
        return [file.text(single)]
    params = function.child_by_field_name("parameters")
    out: list[str] = []
    for param in params.named_children if params is not None else []:
        pattern = param.child_by_field_name("pattern") if param.type != "identifier" else param
        out.append(file.text(pattern) if pattern is not None and pattern.type == "identifier" else "")
    return out


def function_body(function: Node) -> Node | None:
    """The body of a function (a block, or an arrow function's expression)."""
    return function.child_by_field_name("body")


def up_functions(root: Node, file: SourceFile) -> list[Node]:
    """The `up` function of a migration file, in each form sequelize-cli and Knex accept.

    `module.exports = { up: async (...) => ..., async down() {} }`, `exports.up = function`,
    `module.exports.up = ...`, `export async function up(knex)`, `export const up = ...`,
    `export default { up }` with `up` defined in the file.
    """
    found: list[Node] = []
    named: dict[str, Node] = {}
    stack: list[tuple[Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        kind = node.type
        if kind in ("function_declaration", "generator_function_declaration"):
            name = node.child_by_field_name("name")
            if name is not None:
                named[file.text(name)] = node
                if file.text(name) == "up" and depth <= 2:
                    found.append(node)
            continue
        if kind == "variable_declarator":
            name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
            if name is not None and value is not None and value.type in FUNCTIONS:
                named[file.text(name)] = value
                if file.text(name) == "up" and depth <= 3:
                    found.append(value)
                continue
        if kind == "assignment_expression":
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            target = file.text(left).replace(" ", "") if left is not None else ""
            if right is not None and target in ("exports.up", "module.exports.up"):
                found.append(right)
                continue
        if kind == "pair":
            key, value = node.child_by_field_name("key"), node.child_by_field_name("value")
            if key is not None and value is not None and _key(key, file) == "up":
                found.append(value)
                continue
        if kind == "method_definition":
            name = node.child_by_field_name("name")
            if name is not None and _key(name, file) == "up":
                found.append(node)
            continue
        if kind == "shorthand_property_identifier" and file.text(node) == "up":
            found.append(node)  # resolved below, once every named function is known
            continue
        if kind in FUNCTIONS or depth > 12:
            continue
        stack.extend((child, depth + 1) for child in reversed(node.named_children))
    out: list[Node] = []
    for node in found:
        if node.type in ("shorthand_property_identifier", "identifier"):
            node = named.get(file.text(node), node)  # `{ up }`, `exports.up = up`
        if not any(node is seen for seen in out):
            out.append(node)
    return out


def _key(node: Node, file: SourceFile) -> str:
    if node.type == "string":
        return file.text(node)[1:-1]
    return file.text(node)
