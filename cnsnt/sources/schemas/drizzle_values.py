"""Literal values of a Drizzle schema, evaluated across its modules without running them.

Table names, column names and builder options are literals in almost every schema
(`varchar('email', { length: 255 })`), sometimes through a constant of another module
(`pgTable(TABLES.users, ...)`) or a helper's parameter (`const id = (name) => varchar(name)`).
`Values.literal` follows those; anything else (a call, arithmetic, `${...}` in a
template) raises `Unresolved` at the node cnsnt cannot read, for the reader to report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cnsnt.sources.schemas.drizzle_files import Module, Node, Project
from cnsnt.sources.schemas.typeorm_syntax import NOT_SCALAR, scalar

#: How deep a value may nest or name another (real schemas: 2 or 3 levels).
DEPTH = 48
#: Wrappers that leave their value as it is (`'x' as const`, `x!`, `(x)`).
TRANSPARENT = frozenset(
    {"parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression"}
)


class Unresolved(Exception):
    """A value cnsnt cannot evaluate: `node` (in `module`) is where it stops."""

    def __init__(self, module: Module, node: Node) -> None:
        super().__init__("unresolved")
        self.module = module
        self.node = node


@dataclass(frozen=True)
class Ref:
    """A node with the module it is written in (objects and arrays hold these)."""

    module: Module
    node: Node


#: A helper function's parameters bound to the arguments of one call.
Env = dict[str, Ref]


def unwrap(node: Node) -> Node:
    """The expression inside parentheses, `as`, `satisfies` and `!`."""
    for _ in range(DEPTH):
        if node.type not in TRANSPARENT:
            return node
        inner = next((c for c in node.named_children if c.type != "comment"), None)
        if inner is None:
            return node
        node = inner
    return node


#: The node types that name a declaration.
NAMES = frozenset({"identifier", "shorthand_property_identifier"})


class Values:
    """Evaluates literals in a project's modules."""

    def __init__(self, project: Project) -> None:
        self.project = project

    def name(self, ref: Ref, env: Env, depth: int = 0) -> Ref | None:
        """What an identifier stands for: a helper's argument, else a declaration of the project."""
        node = ref.node
        if node.type not in NAMES or depth > DEPTH:
            return None
        text = ref.module.file.text(node)
        if text in env:
            return env[text]
        found = self.project.find(ref.module, text)
        return Ref(*found) if found is not None else None

    def literal(self, ref: Ref, env: Env, depth: int = 0) -> Any:
        """str, int, float, bool, None, dict (key -> Ref), list (of Ref); else `Unresolved`."""
        module, node = ref.module, unwrap(ref.node)
        if depth > DEPTH:
            raise Unresolved(module, node)
        kind, file = node.type, module.file
        try:
            value = scalar(node, file)
        except ValueError:
            raise Unresolved(module, node) from None
        if value is not NOT_SCALAR:
            return value
        if kind == "object":
            return self.object(Ref(module, node), env, depth)
        if kind == "array":
            return [Ref(module, c) for c in node.named_children if c.type != "comment"]
        if kind in NAMES:
            target = self.name(Ref(module, node), env, depth)
            if target is None or target.node.type in ("function_declaration", "arrow_function"):
                raise Unresolved(module, node)
            return self.literal(target, {}, depth + 1)
        if kind == "member_expression":
            obj, prop = node.child_by_field_name("object"), node.child_by_field_name("property")
            if obj is None or prop is None:
                raise Unresolved(module, node)
            holder = self.literal(Ref(module, obj), env, depth + 1)
            key = file.text(prop)
            if isinstance(holder, dict) and key in holder:
                return self.literal(holder[key], {}, depth + 1)
            raise Unresolved(module, node)
        if kind == "binary_expression":
            op = node.child_by_field_name("operator")
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            if op is not None and file.text(op) == "+" and left is not None and right is not None:
                a = self.literal(Ref(module, left), env, depth + 1)
                b = self.literal(Ref(module, right), env, depth + 1)
                if isinstance(a, str) or isinstance(b, str):
                    return f"{a}{b}"
        raise Unresolved(module, node)

    def object(self, ref: Ref, env: Env, depth: int = 0) -> dict[str, Ref]:
        """`{ key: value }` as key -> Ref of its value (a spread of a literal object is merged in)."""
        out: dict[str, Ref] = {}
        module = ref.module
        file = module.file
        for child in ref.node.named_children:
            if child.type == "comment":
                continue
            if child.type == "shorthand_property_identifier":
                out[file.text(child)] = Ref(module, child)
                continue
            if child.type == "spread_element":
                inner = next((c for c in child.named_children if c.type != "comment"), None)
                spread = self.literal(Ref(module, inner), env, depth + 1) if inner is not None else None
                if not isinstance(spread, dict):
                    raise Unresolved(module, child)
                out.update(spread)
                continue
            if child.type != "pair":
                raise Unresolved(module, child)
            key, value = child.child_by_field_name("key"), child.child_by_field_name("value")
            if key is None or value is None:
                continue
            if key.type == "property_identifier":
                out[file.text(key)] = Ref(module, value)
            elif key.type in ("string", "number"):
                out[str(self.literal(Ref(module, key), env, depth + 1))] = Ref(module, value)
            else:
                raise Unresolved(module, key)
        return out

    def text(self, ref: Ref | None, env: Env) -> str | None:
        """A string value, or None when the value is no string; `Unresolved` when it cannot be read."""
        if ref is None:
            return None
        found = self.literal(ref, env)
        return found if isinstance(found, str) else None

    def options(self, ref: Ref | None, env: Env) -> dict[str, Any]:
        """An options object with each literal value evaluated (those that cannot be are left out)."""
        if ref is None:
            return {}
        try:
            found = self.literal(ref, env)
        except Unresolved:
            return {}
        if not isinstance(found, dict):
            return {}
        out: dict[str, Any] = {}
        for key, value in found.items():
            try:
                out[key] = self.literal(value, env)
            except Unresolved:
                continue
        return out
