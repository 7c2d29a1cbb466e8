"""Elixir source read with tree-sitter's Elixir grammar (`tree-sitter-elixir`): modules, calls, literals.

Ecto's migrations and schemas are macro calls with literal arguments (`add :email,
:string, null: false`); this module reads them from the syntax tree, never runs them
and never matches the source with patterns. A value is a Python value when the source
writes a literal (atoms as `Atom`, module names as `Alias`, keyword lists as dicts,
tuples as tuples, module attributes and local variables set to a literal followed),
else `UNKNOWN`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cnsnt.evidence import SourceProblem
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import PlacedText
from cnsnt.sources.schemas.grammars import SourceFile, parsed_files, parser, syntax_problem

Node = Any  # tree_sitter.Node
Value = Any  # Atom | Alias | str | int | float | bool | None | list | tuple | dict | Unknown


class Atom(str):
    """An Elixir atom (`:users`), as its name."""

    __slots__ = ()


class Alias(str):
    """A module name as written (`MyApp.Accounts.User`, `Ecto.Enum`)."""

    __slots__ = ()


class Unknown:
    """A value cnsnt cannot know without running the code (a call, a variable from elsewhere)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = Unknown()

#: Escapes of double-quoted strings and `~s` sigils (`\\#` keeps `#{` literal).
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "s": " ", "e": "\x1b", "0": "\0", "a": "\a", "b": "\b",
            "f": "\f", "v": "\v", "d": "\x7f"}  # fmt: skip
#: How deep nested literals are read (a hostile nesting stops there, as unknown).
_MAX_DEPTH = 100


def elixir_files(
    paths: Iterable[Path], ctx: SourceContext, problems: list[SourceProblem], things: str = "tables"
) -> Iterator[tuple[str, SourceFile, Any]]:
    """Each Elixir file parsed, in the order given; a syntax error is reported, the tree still read."""

    def syntax(tree: Any, file: SourceFile) -> SourceProblem | None:
        return syntax_problem(tree, file, "Elixir", things, blocks=elixir_block)

    return parsed_files(paths, ctx, problems, lambda: parser("elixir", "Ecto migrations and schemas"), syntax)


def elixir_block(token: Node, text: str, parent: Node | None, before: Node | None) -> bool | None:
    """Whether a token opens a block (`do`, not `do:`, and `fn`), closes one (`end`), or neither.

    An `end` the grammar took for a name (after a stray operator: `x =>` then `end`) still closes.
    """
    if token.type in ("do", "fn"):
        return True
    return False if text == "end" and token.type in ("end", "identifier") else None


@dataclass
class Call:
    """One call as Ecto's macros are written: `name args, key: value do ... end`."""

    node: Node
    name: str
    """The local name (`add`), or the dotted one (`Enum.each`); empty for anything else."""
    args: list[Node] = field(default_factory=list)
    """Positional arguments; a trailing keyword list is in `options` instead."""
    options: dict[str, Node] = field(default_factory=dict)
    block: list[Node] | None = None
    """The statements of its `do ... end` block (or `do:` keyword), None without one."""


def call_of(node: Node, file: SourceFile) -> Call | None:
    """The call a node is, None when it is no call (an atom, an operator)."""
    if node is None or node.type != "call":
        return None
    target = node.child_by_field_name("target")
    if target is None:
        return None
    name = file.text(target) if target.type in ("identifier", "dot") else ""
    call = Call(node, name)
    for child in node.named_children:
        if child.type == "arguments":
            for arg in child.named_children:
                if arg.type == "keywords":
                    call.options.update(_pairs(arg, file))
                elif arg.type != "comment":
                    call.args.append(arg)
        elif child.type == "do_block":
            call.block = [c for c in child.named_children if c.type not in ("comment", "do", "end")]
    body = call.options.pop("do", None)
    if body is not None and call.block is None:
        call.block = [body]
    return call


def _pairs(keywords: Node, file: SourceFile) -> dict[str, Node]:
    """`key: value` pairs of a keyword list, by key (`"quoted key": v` keys read as written)."""
    out: dict[str, Node] = {}
    for pair in keywords.named_children:
        key = pair.child_by_field_name("key")
        value = pair.child_by_field_name("value")
        if pair.type != "pair" or key is None or value is None:
            continue
        text = file.text(key).strip()
        text = text[:-1] if text.endswith(":") else text
        out[text.strip('"')] = value
    return out


def statements(nodes: Iterable[Node]) -> list[Node]:
    """The statements of a body: `__block__`s (`a; b`) flattened, comments left out."""
    out: list[Node] = []
    for node in nodes:
        if node.type == "block":
            out.extend(c for c in node.named_children if c.type != "comment")
        elif node.type != "comment":
            out.append(node)
    return out


@dataclass
class Function:
    """One clause of a `def`/`defp`: its parameters (patterns as written) and body."""

    params: list[Node]
    body: list[Node]


@dataclass
class Module:
    """One `defmodule` with its full name, body, attributes and functions."""

    name: str
    node: Node
    body: list[Node]
    attributes: dict[str, Value] = field(default_factory=dict)
    """Module attributes set once to a literal (`@table :users`); set twice: the last one read."""
    functions: dict[str, list[Function]] = field(default_factory=dict)
    """`def`/`defp` clauses by name."""
    uses: list[str] = field(default_factory=list)
    """The modules of its `use X` lines."""


def modules(root: Node, file: SourceFile) -> list[Module]:
    """Every `defmodule` of a file, nested ones named `Outer.Inner`, in file order."""
    out: list[Module] = []
    stack: list[tuple[Node, str]] = [(root, "")]
    while stack:
        node, outer = stack.pop()
        call = call_of(node, file)
        if call is not None and call.name == "defmodule" and call.args and call.block is not None:
            written = file.text(call.args[0]) if call.args[0].type == "alias" else ""
            name = f"{outer}.{written}" if outer and written else written
            module = Module(name, node, statements(call.block))
            _members(module, file)
            out.append(module)
            stack.extend((child, name) for child in reversed(module.body))
            continue
        stack.extend((child, outer) for child in reversed(node.named_children))
    out.sort(key=lambda m: m.node.start_byte)
    return out


def _members(module: Module, file: SourceFile) -> None:
    for stmt in module.body:
        attribute = module_attribute(stmt, file)
        if attribute is not None:
            name, value_node = attribute
            module.attributes[name] = value(value_node, file, module.attributes) if value_node else UNKNOWN
            continue
        call = call_of(stmt, file)
        if call is None:
            continue
        if call.name == "use" and call.args and call.args[0].type == "alias":
            module.uses.append(file.text(call.args[0]))
        elif call.name in ("def", "defp") and call.args and call.block is not None:
            head = call.args[0]
            if head.type == "binary_operator":  # `def f(x) when is_atom(x)`
                head = head.child_by_field_name("left")
            head_call = call_of(head, file)
            name = (
                head_call.name
                if head_call is not None
                else file.text(head)
                if head.type == "identifier"
                else ""
            )
            if name:
                params = head_call.args if head_call is not None else []
                module.functions.setdefault(name, []).append(Function(params, statements(call.block)))


def module_attribute(node: Node, file: SourceFile) -> tuple[str, Node | None] | None:
    """`@name value` as (name, value node); None when the node sets no attribute."""
    if node.type != "unary_operator" or file.text(node.child_by_field_name("operator")) != "@":
        return None
    operand = node.child_by_field_name("operand")
    call = call_of(operand, file)
    if call is None or not call.name or "." in call.name:
        return None
    return call.name, call.args[0] if len(call.args) == 1 and not call.options else None


def value(node: Node | None, file: SourceFile, scope: Mapping[str, Value], depth: int = 0) -> Value:
    """The literal a node writes; `@attr` and variables from `scope` (`@` prefixed for attributes)."""
    if node is None or depth > _MAX_DEPTH:
        return UNKNOWN
    kind = node.type
    if kind == "atom":
        return Atom(file.text(node)[1:])
    if kind == "quoted_atom":
        text = string_value(node, file)
        return Atom(text) if text is not None else UNKNOWN
    if kind in ("string", "sigil"):
        name = next((file.text(c) for c in node.children if c.type == "sigil_name"), "")
        if kind == "sigil" and name in ("w", "W"):
            words = string_value(node, file)
            return [str(w) for w in words.split()] if words is not None else UNKNOWN
        if kind == "sigil" and name not in ("s", "S"):
            return UNKNOWN  # `~r/../`, `~D[..]`: no string
        text = string_value(node, file)
        return text if text is not None else UNKNOWN
    if kind == "integer":
        try:
            return int(file.text(node).replace("_", ""), 0)
        except ValueError:
            return UNKNOWN
    if kind == "boolean":
        return file.text(node) == "true"
    if kind == "nil":
        return None
    if kind == "alias":
        return Alias(file.text(node))
    if kind in ("list", "tuple"):
        items: list[Value] = []
        for child in node.named_children:
            if child.type == "keywords":
                items.extend(
                    (Atom(k), value(v, file, scope, depth + 1)) for k, v in _pairs(child, file).items()
                )
            elif child.type != "comment":
                items.append(value(child, file, scope, depth + 1))
        if kind == "tuple":
            return tuple(items)
        return items
    if kind == "keywords":
        return {k: value(v, file, scope, depth + 1) for k, v in _pairs(node, file).items()}
    if kind == "identifier":
        return scope.get(file.text(node), UNKNOWN)
    if kind == "unary_operator" and file.text(node.child_by_field_name("operator")) == "@":
        operand = node.child_by_field_name("operand")
        if operand is not None and operand.type == "identifier":
            return scope.get("@" + file.text(operand), UNKNOWN)
    if kind == "block" and len(node.named_children) == 1:  # `(expr)`
        return value(node.named_children[0], file, scope, depth + 1)
    return UNKNOWN


def keyword(items: Value) -> dict[str, Value]:
    """A keyword list value (`[type: :x]`, read as a list of pairs) as a dict; {} when it is none."""
    if isinstance(items, dict):
        return items
    if isinstance(items, list) and all(isinstance(i, tuple) and len(i) == 2 for i in items):
        return {str(k): v for k, v in items}
    return {}


def bind(pattern: Node | None, given: Value, file: SourceFile) -> dict[str, Value] | None:
    """The variables a pattern (`x`, `{table, column}`, `_`) takes from a value; None if it does not match."""
    if pattern is None:
        return None
    if pattern.type == "identifier":
        name = file.text(pattern)
        return {} if name.startswith("_") else {name: given}
    if pattern.type == "tuple" and isinstance(given, tuple):
        parts = [c for c in pattern.named_children if c.type != "comment"]
        if len(parts) != len(given):
            return None
        out: dict[str, Value] = {}
        for part, item in zip(parts, given, strict=True):
            found = bind(part, item, file)
            if found is None:
                return None
            out.update(found)
        return out
    return None


def string_value(node: Node, file: SourceFile) -> str | None:
    """The text of a string, quoted atom or sigil without interpolation; None when it has one."""
    out = PlacedText()
    return out.text if placed_string(node, file, out) else None


def placed_string(
    node: Node, file: SourceFile, out: PlacedText, scope: Mapping[str, Value] | None = None
) -> bool:
    """Append a string's text to `out`, each piece at its place; False when it interpolates an unknown.

    `#{table}` of a variable or `@attribute` that `scope` holds as a string, atom or number is its value.
    """
    raw_sigil = node.type == "sigil" and any(
        c.type == "sigil_name" and file.text(c).isupper() for c in node.children
    )
    whole = True
    for part in node.named_children:
        if part.type == "quoted_content":
            out.add(file.text(part), *file.place(part), raw=True)
        elif part.type == "escape_sequence":
            text = file.text(part)
            out.add(text if raw_sigil else _escape(text), *file.place(part), raw=raw_sigil)
        elif part.type == "interpolation":
            inner = [c for c in part.named_children if c.type != "comment"]
            known = value(inner[0], file, scope) if scope is not None and len(inner) == 1 else UNKNOWN
            if raw_sigil:
                out.add(file.text(part), *file.place(part), raw=True)
            elif isinstance(known, (str, int)) and not isinstance(known, bool):
                out.add(str(known), *file.place(part), raw=False)
            else:
                out.add(PlacedText.HOLE, *file.place(part), raw=False)
                whole = False
    return whole


def _escape(sequence: str) -> str:
    r"""The character an escape stands for (`\\n`); unknown ones as the character after the backslash."""
    if len(sequence) == 2:
        return _ESCAPES.get(sequence[1], sequence[1])
    return sequence


def walk(node: Node) -> Iterator[Node]:
    """Every node below (and with) `node`, depth first, without recursion."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.named_children))
