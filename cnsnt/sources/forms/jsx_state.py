"""The state a controlled React input is bound to: the field's name when it has no `name`.

`<Form.Control value={formData.pacienteNome} onChange={...} />` gives a browser nothing
to submit: the component keeps the value in its state and sends the state. What the
data is called is the state key the control shows and writes, so a control with neither
a `name` nor a binder is named after it (review25 D1), read from the parsed tree:

- the last member of its `value` (a checkbox's `checked`) expression: `value={email}`,
  `value={formData.pacienteNome}`, `value={form["cpf"]}`, `value={x || ''}`,
  `value={x ?? ''}`, `value={x!}`, `value={x as string}`; a radio's
  `checked={sexo === "F"}` compares the state `sexo` with its option. A radio's or a
  checkbox's `value` is never read: it is the option (`options.map(o => <input
  type="radio" value={o.id} checked={gender === o.id} />)` is `gender`, not `id`), and in a
  comparison the side that is a `useState` state (or a member of one) wins, else the left;
- else the key its `onChange` handler writes with the event's value
  (`setForm(p => ({...p, pacienteNome: e.target.value}))`, `setForm({...form, cpf: v})`),
  the state a `useState` setter of the same component is given it by (`setEmail(v)` ->
  `email`), or a form library's field setter's first argument (`setFieldValue("cpf", v)`,
  `setValue("cpf", v)`). A call with a literal (`setError(null)`), a setter no `useState`
  of that component declared, and `useReducer`'s `dispatch` name nothing; when a handler
  writes two different keys with the event's value, none wins (review codereview24 F3).

A building block's own props (`value={value}`, `value={props.value}`, `checked={checked}`)
name nothing: the component is named where it is used. A computed key (`values[key]`,
`{...p, [e.target.name]: v}`) or a call (`value={get("x")}`) is not read, and the control
stays a CN001 warning saying so.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
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
#: Form libraries' field setters, whose first (string) argument is the field: Formik's
#: `setFieldValue("cpf", v)`, react-hook-form's `setValue("cpf", v)`.
_FIELD_SETTERS = frozenset({"setFieldValue", "setValue"})
#: Controls whose `value` is the option they stand for, never the state they write.
CHOICES = frozenset({"radio", "checkbox"})
#: A building block's props object: `props.value` is its own prop.
_PROPS_OBJECTS = frozenset({"props", "this.props"})


@dataclass
class Setters:
    """`const [x, setX] = useState(...)`: setX -> x, within the function that declares it.

    Two components of one file may each have a `setValue` of their own state: a handler
    uses the one of the innermost function around it (review codereview24 F13).
    """

    _scopes: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)

    def add(self, setter: str, state: str, start: int, end: int) -> None:
        """The setter declared in the function spanning bytes `start`..`end` (the file: 0..inf)."""
        insort(self._scopes.setdefault(setter, []), (start, end, state))

    def state(self, setter: str, at: int) -> str | None:
        """The state `setter` writes at byte `at`: the innermost declaring function's, else None."""
        scopes = self._scopes.get(setter, ())
        held = [(end - start, state) for start, end, state in scopes if start <= at < end]
        return min(held)[1] if held else None


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
    known: tuple[Collection[str], Setters],
    shorten: Callable[[str], str],
    kind: str | None = None,
) -> StateBinding | None:
    """The state a control without `name` is bound to; None when it has no binding prop at all.

    `known` is the file's `useState` states and setters; `kind` is the control's (`radio`).
    """
    choice = kind in CHOICES
    states, setters = known
    # a radio's `value`, and a checkbox's beside its `checked`, is the option it stands
    # for; a switch with a `value` alone (`<ViewSwitch value={view}>`) shows its state
    option = choice and (kind == "radio" or any(attrs.get(p) is not None for p in VALUE_PROPS[1:]))
    first: StateBinding | None = None
    for prop in VALUE_PROPS:
        node = attrs.get(prop)
        expr = _unwrap(node)
        if expr is None or expr.type in _LITERALS or (option and prop == "value"):
            continue  # a radio's `value="M"` or `value={o.id}` names its option, not its state
        raw = shorten(f"{prop}={file.text(node)}") if node is not None else prop
        name = _bound(expr, file, states if prop != "value" else None)
        if name is not None and name not in _OWN_PROPS:
            return StateBinding(name, raw)
        first = first or StateBinding(None, raw, own_prop=name is not None and _own(expr, file))
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


def _own(expr: Node, file: _Text) -> bool:
    """`value`, `props.value`, `this.props.value`: the component's own prop, not `opt.value`."""
    for _ in range(16):
        if expr.type != "binary_expression":
            break
        left = expr.child_by_field_name("left")
        unwrapped = _unwrap(left)
        if unwrapped is None:
            return False
        expr = unwrapped
    if expr.type == "identifier":
        return True
    obj = expr.child_by_field_name("object") if expr.type == "member_expression" else None
    return obj is not None and file.text(obj) in _PROPS_OBJECTS


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


def _not_not(expr: Node) -> Node | None:
    """`!!x` -> `x` (a boolean of the same state); None for any other expression."""
    inner = expr
    for _ in range(2):
        op = inner.child_by_field_name("operator") if inner.type == "unary_expression" else None
        argument = inner.child_by_field_name("argument") if op is not None and op.type == "!" else None
        inner = _unwrap(argument) if argument is not None else None
        if inner is None:
            return None
    return inner


def _bound(expr: Node, file: _Text, states: Collection[str] | None) -> str | None:
    """The state key an expression reads: `a.b.c` -> `c`, `x || ''` -> `x`; None for any other.

    With `states` (a `checked` prop), a comparison reads the side that is one of those
    `useState` states or a member of one (`gender === o.id`, `o.id === gender`), else the left.
    """
    for _ in range(16):
        doubled = _not_not(expr)
        if doubled is not None:  # `checked={!!useGuestIndex}`
            expr = doubled
            continue
        if expr.type == "binary_expression":
            op = expr.child_by_field_name("operator")
            left, right = expr.child_by_field_name("left"), expr.child_by_field_name("right")
            written = file.text(op) if op is not None else ""
            if written in _FALLBACKS and left is not None:
                nxt = left
            elif states is not None and written in _EQUALS and left is not None and right is not None:
                # `checked={sexo === "F"}`: the state beside the option
                nxt = right if _stateful(right, file, states) and not _stateful(left, file, states) else left
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


def _stateful(side: Node, file: _Text, states: Collection[str]) -> bool:
    """`gender` or `form.gender` where `gender`/`form` is a `useState` state."""
    expr = _unwrap(side)
    for _ in range(16):
        if expr is None or expr.type != "member_expression":
            break
        expr = _unwrap(expr.child_by_field_name("object"))
    return expr is not None and expr.type == "identifier" and file.text(expr) in states


def _written_key(handler: Node, file: _Text, setters: Setters) -> str | None:
    """The key an `onChange` handler writes with the event's value, or None.

    `{...p, cpf: v}`'s `cpf`, `setEmail(v)`'s `email`, `setFieldValue("cpf", v)`'s `cpf`.
    The handler's nodes are looked at, a bounded number. A setter given an object or a
    function sets the whole state: the object (here or in the function) says which key.
    Every write of the event's value is a candidate; two different keys name nothing.
    """
    params = _derived(handler, file, _parameters(handler, file))
    found: set[str] = set()
    for node in _handler_nodes(handler):
        if node.type == "object" and any(c.type == "spread_element" for c in node.named_children):
            keys = [c for c in node.named_children if c.type == "pair"]
            for pair in (k for k in keys if _carries(k.child_by_field_name("value"), params, file)):
                key = pair.child_by_field_name("key")
                if key is None or key.type == "computed_property_name":
                    return None  # `[e.target.name]`: the handler of many controls
                name = file.string(key) if key.type == "string" else file.text(key)
                if not name or not name.strip():
                    return None
                found.add(name.strip())
        if node.type == "call_expression":
            name = _setter_state(node, file, setters, params)
            if name is not None:
                found.add(name)
    return found.pop() if len(found) == 1 else None


def _handler_nodes(handler: Node) -> Iterator[Node]:
    """A handler's named nodes in file order, at most `_HANDLER_NODES` of them (no recursion)."""
    stack = [handler]
    seen = 0
    while stack and seen < _HANDLER_NODES:
        node = stack.pop()
        seen += 1
        yield node
        stack.extend(reversed(node.named_children))


def _parameters(handler: Node, file: _Text) -> frozenset[str]:
    """The names a handler's parameters bind: `e`, `(e, v)`, `({ target })`, `text`."""
    params = handler.child_by_field_name("parameters") or handler.child_by_field_name("parameter")
    names: set[str] = set()
    stack = [params] if params is not None else []
    while stack and len(names) < 32:
        node = stack.pop()
        if node.type in ("identifier", "shorthand_property_identifier_pattern"):
            names.add(file.text(node))
        elif node.type != "type_annotation":
            stack.extend(node.named_children)
    return frozenset(names)


def _derived(handler: Node, file: _Text, params: frozenset[str]) -> frozenset[str]:
    """The parameters and the handler's variables computed from them, in file order.

    `const value = e.target.value; const n = value === '' ? 0 : Number(value);` then
    `setItem(p => ({...p, quantidade: n}))` writes the event's value through `n`.
    """
    names = set(params)
    for node in _handler_nodes(handler):
        if node.type == "variable_declarator":
            name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
            if name is not None and name.type == "identifier" and _carries(value, frozenset(names), file):
                names.add(file.text(name))
        elif node.type == "assignment_expression":  # `numValue = Number(value)` after `let numValue`
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            if left is not None and left.type == "identifier" and _carries(right, frozenset(names), file):
                names.add(file.text(left))
    return frozenset(names)


def _carries(value: Node | None, params: frozenset[str], file: _Text) -> bool:
    """An expression that mentions one of the handler's parameters: `e.target.value`, `v`, `text.trim()`.

    A literal (`null`, `false`, `undefined`) or a value from elsewhere (`o.id`) is no
    entered datum.
    """
    stack = [value] if value is not None else []
    seen = 0
    while stack and seen < _HANDLER_NODES:
        node = stack.pop()
        seen += 1
        if node.type == "identifier" and file.text(node) in params:
            return True
        if node.type in _FUNCTIONS:
            continue  # a nested function's own parameters are not the event
        stack.extend(node.named_children)
    return False


def _setter_state(call: Node, file: _Text, setters: Setters, params: frozenset[str]) -> str | None:
    """`setEmail(e.target.value)` -> `email`, `setFieldValue("cpf", v)` -> `cpf`; None otherwise.

    None too for a setter of the whole state (its object says the key), a setter no
    `useState` of the enclosing component declared, and an argument that is not the event's.
    """
    callee = call.child_by_field_name("function")
    args = call.child_by_field_name("arguments")
    if callee is None or args is None or not args.named_child_count:
        return None
    arguments = [a for a in args.named_children if a.type != "comment"]
    called = file.text(callee).rsplit(".", 1)[-1]
    if called in _FIELD_SETTERS and len(arguments) > 1:
        key = file.string(_unwrap(arguments[0]))
        if key is not None and key.strip() and _carries(arguments[1], params, file):
            return key.strip()
    if callee.type != "identifier":
        return None
    state = setters.state(file.text(callee), call.start_byte)
    arg = _unwrap(arguments[0]) if arguments else None
    if state is None or arg is None or arg.type == "object" or arg.type in _FUNCTIONS:
        return None
    return state if _carries(arg, params, file) else None
