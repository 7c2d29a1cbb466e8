"""The state a controlled React input is bound to: the field's name when it has no `name`.

`<Form.Control value={formData.pacienteNome} onChange={...} />` gives a browser nothing
to submit: the component keeps the value in its state and sends the state. What the
data is called is the state key the control shows and writes, so a control with neither
a `name` nor a binder is named after it (review25 D1), read from the parsed tree:

- the last member of its `value` (a checkbox's `checked`) expression: `value={email}`,
  `value={formData.pacienteNome}`, `value={form["cpf"]}`, `value={x || ''}`,
  `value={x ?? ''}`, `value={x!}`, `value={x as string}`; a radio's
  `checked={sexo === "F"}` compares the state `sexo` with its option;
- else the key its `onChange` handler writes (`setForm(p => ({...p, pacienteNome: v}))`,
  `setForm({...form, cpf: v})`) or the `useState` setter it calls (`setEmail(v)` ->
  `email`, the state `const [email, setEmail]` names, else the setter's name).

A building block's own props (`value={value}`, `value={props.value}`, `checked={checked}`)
name nothing: the component is named where it is used. A computed key (`values[key]`,
`{...p, [e.target.name]: v}`) or a call (`value={get("x")}`) is not read, and the control
stays a CN001 warning saying so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from cnsnt.sources.schemas.grammars import Node

#: Props a control's shown value is bound through, in the order they are looked at.
VALUE_PROPS = ("value", "checked", "isChecked", "selected")
#: Props a control reports changes through (react-bootstrap, MUI, Chakra, Radix, React Native).
HANDLER_PROPS = ("onChange", "onValueChange", "onCheckedChange", "onChangeText", "onInput")
#: A component's own props: a building block passes them through, it names no datum.
_OWN_PROPS = frozenset({"value", "checked", "isChecked", "selected", "defaultValue"})
#: Wrappers around the bound expression that do not change which state it reads.
_WRAPPERS = frozenset(
    {
        "jsx_expression",
        "parenthesized_expression",
        "non_null_expression",
        "as_expression",
        "satisfies_expression",
    }
)
_FUNCTIONS = frozenset({"arrow_function", "function_expression", "function"})
_FALLBACKS = frozenset({"||", "??"})
_EQUALS = frozenset({"===", "==", "!==", "!="})
_LITERALS = frozenset({"string", "template_string", "number", "true", "false", "null", "undefined"})
#: How many nodes of an `onChange` handler are looked at (a handler is a line or two).
_HANDLER_NODES = 400


@dataclass(frozen=True)
class StateBinding:
    """What a nameless control is bound to: the state key it names, or why none."""

    name: str | None
    raw: str
    """The prop as written (`value={formData.cpf}`), for messages and the field's raw."""
    own_prop: bool = False
    """Bound to the component's own prop (`value={value}`): named where the component is used."""


class _Text(Protocol):
    """What the reader's parsed file gives this module: node text and literal strings."""

    def text(self, node: Node) -> str: ...

    def string(self, node: Node | None, jsx: bool = False) -> str | None: ...


def state_binding(
    attrs: dict[str, Node | None],
    file: _Text,
    setters: dict[str, str],
    shorten: Callable[[str], str],
) -> StateBinding | None:
    """The state a control without `name` is bound to; None when it has no binding prop at all."""
    first: StateBinding | None = None
    for prop in VALUE_PROPS:
        node = attrs.get(prop)
        expr = _unwrap(node)
        if expr is None or expr.type in _LITERALS:
            continue  # a radio's `value="M"` names its option, not its state
        raw = shorten(f"{prop}={file.text(node)}") if node is not None else prop
        name = _bound(expr, file, compare=prop != "value")
        if name is not None and name not in _OWN_PROPS:
            return StateBinding(name, raw)
        first = first or StateBinding(None, raw, own_prop=name is not None)
    for prop in HANDLER_PROPS:
        node = attrs.get(prop)
        handler = _unwrap(node)
        if node is None or handler is None:
            continue
        raw = shorten(f"{prop}={file.text(node)}")
        if handler.type in _FUNCTIONS and (first is None or not first.own_prop):
            name = _written_key(handler, file, setters)
            if name is not None and name not in _OWN_PROPS:
                return StateBinding(name, first.raw if first is not None else raw)
        first = first or StateBinding(None, raw)
    return first


def _unwrap(node: Node | None) -> Node | None:
    """The expression inside `{...}`, parentheses, `x!`, `x as T` (a loop: nesting may be deep)."""
    for _ in range(64):
        if node is None or node.type not in _WRAPPERS:
            return node
        inner = [c for c in node.named_children if c.type != "comment"]
        if not inner:
            return None
        node = inner[0]
    return None


def _bound(expr: Node, file: _Text, compare: bool) -> str | None:
    """The state key an expression reads: `a.b.c` -> `c`, `x || ''` -> `x`; None for any other."""
    for _ in range(16):
        if expr.type == "binary_expression":
            op = expr.child_by_field_name("operator")
            left, right = expr.child_by_field_name("left"), expr.child_by_field_name("right")
            written = file.text(op) if op is not None else ""
            if written in _FALLBACKS and left is not None:
                nxt = left
            elif compare and written in _EQUALS and left is not None and right is not None:
                # `checked={sexo === "F"}`: the state beside the option's literal
                plain_right = _unwrap(right)
                nxt = left if plain_right is not None and plain_right.type in _LITERALS else right
            else:
                return None
            unwrapped = _unwrap(nxt)
            if unwrapped is None:
                return None
            expr = unwrapped
            continue
        break
    if expr.type == "identifier":
        return file.text(expr)
    if expr.type == "member_expression":
        prop = expr.child_by_field_name("property")
        return file.text(prop) if prop is not None and prop.type == "property_identifier" else None
    if expr.type == "subscript_expression":
        index = _unwrap(expr.child_by_field_name("index"))
        key = file.string(index) if index is not None else None
        return key.strip() if key and key.strip() and "." not in key else None
    return None


def _written_key(handler: Node, file: _Text, setters: dict[str, str]) -> str | None:
    """The key an `onChange` handler writes: `{...p, cpf: v}`'s `cpf`, `setEmail(v)`'s `email`.

    The handler's nodes are looked at in file order, a bounded number; the first that
    tells wins. A setter given an object or a function sets the whole state: the object
    (here or in the function) says which key.
    """
    stack = [handler]
    seen = 0
    while stack and seen < _HANDLER_NODES:
        node = stack.pop()
        seen += 1
        if node.type == "object" and any(c.type == "spread_element" for c in node.named_children):
            keys = [c for c in node.named_children if c.type == "pair"]
            if len(keys) != 1:
                return None
            key = keys[0].child_by_field_name("key")
            if key is None or key.type == "computed_property_name":
                return None  # `[e.target.name]`: the handler of many controls
            written = file.string(key) if key.type == "string" else file.text(key)
            return written.strip() if written and written.strip() else None
        if node.type == "call_expression":
            name = _setter_state(node, file, setters)
            if name is not None:
                return name
        stack.extend(reversed(node.named_children))
    return None


def _setter_state(call: Node, file: _Text, setters: dict[str, str]) -> str | None:
    """`setEmail(e.target.value)` -> `email`; None for a setter of the whole state or another call."""
    callee = call.child_by_field_name("function")
    args = call.child_by_field_name("arguments")
    if callee is None or callee.type != "identifier" or args is None or not args.named_child_count:
        return None
    setter = file.text(callee)
    if setter in setters:
        state = setters[setter]
    elif setter.startswith("set") and setter[3:4].isupper():
        rest = setter[3:]
        state = rest.lower() if rest.isupper() else rest[0].lower() + rest[1:]
    else:
        return None
    arg = _unwrap(args.named_children[0])
    if arg is None or arg.type == "object" or arg.type in _FUNCTIONS:
        return None
    return state
