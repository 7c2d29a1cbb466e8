"""Laravel form helpers read from the PHP syntax tree: `{!! Form::checkbox('news', 1, true) !!}`.

Many Laravel applications write no `<input>` tags: Laravel Collective's `Form::` facade
(`laravelcollective/html`, and its forks) and spatie/laravel-html's `html()->` builder render
the controls from a Blade echo. The arguments say what the user meets: the name, the
`checked` argument of a box (ticked for everyone when it is a literal, a consent box ticked
in advance), the options array's `required`, `placeholder`, `aria-label` and `id`. They are
read with tree-sitter-php, which the PHP schema readers already use.

Arguments, as the libraries define them:
- Collective: `text(name, value, options)`, `password(name, options)`, `checkbox(name,
  value, checked, options)`, `radio(name, value, checked, options)`, `select(name, list,
  selected, selectAttributes)`, `input(type, name, value, options)`, `label(name, text)`
  (labels the control named `name`; `Name Of Field` when no text);
- spatie: `html()->text(name, value)`, `checkbox(name, checked, value)`, `radio(name,
  checked, value)`, `input(type, name, value)`, `label(text, for)`, then modifiers
  (`->placeholder('...')`, `->required()`, `->checked()`, `->id('x')`, `->name('x')`).
"""

from __future__ import annotations

import re
from typing import Any

from cnsnt.sources.forms.common import NO_VALUES, shorten
from cnsnt.sources.forms.html_page import Control, flat
from cnsnt.sources.forms.phoenix import Helper
from cnsnt.sources.schemas.grammars import parse_snippet

#: Seconds a parse may take (a helper call is a line or two; tree-sitter can loop on garbage).
_PARSE_SECONDS = 2.0
#: Method -> control, for both libraries (`datetimeLocal` is Collective's, lower-cased here).
CONTROLS = {
    "text": "text", "email": "email", "password": "password", "tel": "tel", "number": "number",
    "date": "date", "datetime": "datetime-local", "datetimelocal": "datetime-local",
    "time": "time", "month": "month", "week": "week", "url": "url", "search": "search",
    "color": "color", "range": "range", "file": "file", "hidden": "hidden",
    "textarea": "textarea", "select": "select", "selectrange": "select",
    "selectyear": "select", "selectmonth": "select", "multiselect": "select",
    "checkbox": "checkbox", "radio": "radio", "input": "text",
    "submit": "submit", "button": "submit", "reset": "submit", "image": "submit",
    "label": "label",
}  # fmt: skip
#: Collective: where a method takes its value, checked state and options (None: no such argument).
_COLLECTIVE_ARGS: dict[str, tuple[int | None, int | None, int | None]] = {
    "password": (None, None, 1), "file": (None, None, 1),
    "checkbox": (1, 2, 3), "radio": (1, 2, 3),
    "select": (None, None, 3), "selectrange": (None, None, 4),
    "selectyear": (None, None, 4), "selectmonth": (None, None, 2),
}  # fmt: skip
#: Collective's parameter names, for PHP 8 named arguments (`Form::text(name: 'x')`).
_COLLECTIVE_NAMES = {
    "checkbox": ("name", "value", "checked", "options"),
    "radio": ("name", "value", "checked", "options"),
    "select": ("name", "list", "selected", "selectattributes"),
    "password": ("name", "options"),
    "file": ("name", "options"),
    "label": ("name", "value", "options"),
    "input": ("type", "name", "value", "options"),
}
#: spatie's parameter order for the methods whose arguments are not `(name, value)`.
_SPATIE_NAMES = {
    "checkbox": ("name", "checked", "value"),
    "radio": ("name", "checked", "value"),
    "select": ("name", "options", "value"),
    "multiselect": ("name", "options", "value"),
    "label": ("contents", "for"),
    "input": ("type", "name", "value"),
}
#: The helper's method in an echo the grammar cannot read. Linear: fixed starts, possessive runs.
_METHOD = re.compile(r"(?:::|->)\s*+(\w++)\s*+\(")
#: What a double-quoted string's escapes stand for (a single-quoted one knows `\\'` and `\\\\`).
_ESCAPES = {
    "n": "\n", "t": "\t", "r": "\r", "v": "\v", "f": "\f", "e": "\x1b", "$": "$", '"': '"', "\\": "\\",
}  # fmt: skip
UNKNOWN = object()
"""What `php_literal` gives for code that is no literal (a variable, a call)."""


def _text(node: Any) -> str:
    return bytes(node.text or b"").decode("utf-8", "replace")


def php_literal(node: Any | None) -> Any:
    """A PHP string, number, boolean or null; an array as a list of (key, value); else `UNKNOWN`.

    Parentheses are taken off in a loop: `((((1))))` thousands deep is no recursion.
    """
    while node is not None and node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[0]
    if node is None:
        return UNKNOWN
    kind: str = node.type
    if kind in ("string", "encapsed_string"):
        parts = []
        for child in node.named_children:
            if child.type == "string_content":
                parts.append(_text(child))
            elif child.type == "escape_sequence":
                parts.append(_escape(_text(child), kind == "string"))
            else:
                return UNKNOWN  # `"items[$i]"`: built
        return "".join(parts)
    if kind == "boolean":
        return _text(node).lower() == "true"
    if kind == "null":
        return None
    if kind in ("integer", "float"):
        return _text(node)
    if kind == "array_creation_expression":
        items = []
        for element in node.named_children:
            if element.type == "array_element_initializer" and element.named_children:
                parts = element.named_children
                key = php_literal(parts[0]) if len(parts) == 2 else UNKNOWN
                items.append((key, parts[-1]))
        return items
    return UNKNOWN


def _escape(sequence: str, single: bool) -> str:
    if single:
        return sequence[1:] if sequence in ("\\'", "\\\\") else sequence
    return _ESCAPES.get(sequence[1:], sequence) if len(sequence) == 2 else sequence


def php_truthy(value: Any) -> bool | None:
    """Whether PHP takes a literal for true; None for code that is no literal."""
    if value is UNKNOWN or isinstance(value, list):
        return None if value is UNKNOWN else bool(value)
    if isinstance(value, str):
        try:
            return float(value) != 0  # a number's text, or a numeric string
        except ValueError:
            return value not in ("", "0")
    return bool(value)


def _arguments(call: Any, names: tuple[str, ...]) -> list[Any | None]:
    """The call's arguments by position, PHP 8 named ones put at their parameter's place."""
    node = call.child_by_field_name("arguments")
    positional: list[Any | None] = []
    named: dict[str, Any] = {}
    for arg in node.named_children if node is not None else ():
        if arg.type != "argument" or not arg.named_children:
            continue
        label = arg.child_by_field_name("name")
        if label is not None:
            named[_text(label).lower()] = arg.named_children[-1]
        else:
            positional.append(arg.named_children[-1])
    for key, value in named.items():
        if key in names:
            idx = names.index(key)
            positional.extend([None] * (idx + 1 - len(positional)))
            positional[idx] = value
    return positional


def _at(args: list[Any | None], index: int | None) -> Any | None:
    return args[index] if index is not None and index < len(args) else None


def _options(node: Any | None) -> dict[str, Any]:
    """An options array: `'key' => value` pairs by lower-cased key; a bare `'required'` as True."""
    options: dict[str, Any] = {}
    value = php_literal(node)
    if not isinstance(value, list):
        return options
    for key, item in value:
        if isinstance(key, str):
            options.setdefault(key.lower(), php_literal(item))
        elif key is UNKNOWN:  # `['required']`: a boolean attribute given by its name
            bare = php_literal(item)
            if isinstance(bare, str):
                options.setdefault(bare.lower(), True)
    return options


def parse_php(code: str) -> Any | None:
    """The syntax tree of a Blade echo's PHP (`{!! x !!}`, `{{ x }}`); None when it cannot be read."""
    for open_, close in (("{!!", "!!}"), ("{{", "}}")):
        if code.startswith(open_):
            code = code[len(open_) :].removesuffix(close)
            break
    tree = parse_snippet("php", "<?php " + code.strip() + ";", _PARSE_SECONDS)
    return None if tree is None or tree.root_node.has_error else tree


def unread_blade_helper(start: int, code: str) -> Control | None:
    """The control of a helper call the PHP grammar cannot read, kept with no name.

    A CN001 warning says so: it is never dropped. None for a helper that draws no field
    (`Form::open(`, `Form::label(`, `Form::submit(`).
    """
    m = _METHOD.search(code)
    control = CONTROLS.get(m.group(1).lower()) if m is not None else None
    if control is None or control in ("label", "submit"):
        return None
    ctrl = Control(start, control, None, flat(code))
    ctrl.why = f"is rendered by a Laravel form helper ({shorten(flat(code))}) whose PHP cnsnt cannot parse"
    return ctrl


def _expression(tree: Any) -> Any | None:
    statement = next((n for n in tree.root_node.named_children if n.type == "expression_statement"), None)
    return statement.named_children[0] if statement is not None and statement.named_children else None


def blade_helper(tree: Any) -> Helper | None:
    """The helper call a Blade echo's PHP (`parse_php`) makes, read; None when it draws no control.

    Calls joined with `.` (`Form::label('a', 'A') . Form::text('a')`) draw one control read
    with the label beside it; two controls in one echo are one field whose name is unread.
    """
    expr = _expression(tree)
    if expr is None:
        return None
    if expr.type != "binary_expression":
        return _call(expr)
    operands: list[Any] = []
    stack = [expr]  # `a . b . c`, in order
    while stack:
        node = stack.pop()
        if node.type == "binary_expression" and _text(node.child_by_field_name("operator")) == ".":
            stack.extend([node.child_by_field_name("right"), node.child_by_field_name("left")])
        elif node is not None:
            operands.append(node)
    helpers = [h for h in map(_call, operands) if h is not None]
    controls = [h for h in helpers if h.control not in ("label", "submit")]
    if len(controls) > 1:
        return Helper(controls[0].helper, controls[0].control, None, _text(expr))
    if not controls:
        return helpers[0] if helpers else None
    control = controls[0]
    label = next((h.label for h in helpers if h.control == "label" and h.field == control.field), None)
    control.label = label or control.label
    return control


def _call(expr: Any) -> Helper | None:
    """One helper call (`Form::text(...)`, `html()->email(...)->required()`), read."""
    if expr.type == "scoped_call_expression":
        scope = _text(expr.child_by_field_name("scope")).lstrip("\\")
        if scope not in ("Form", "Collective\\Html\\FormFacade"):
            return None
        return _collective(expr)
    chain: list[Any] = []  # spatie: `html()->email('x')->placeholder('E-mail')`, outermost first
    node = expr
    while node is not None and node.type == "member_call_expression":
        chain.append(node)
        node = node.child_by_field_name("object")
    if node is None or node.type != "function_call_expression" or not chain:
        return None
    if _text(node.child_by_field_name("function")).lstrip("\\") != "html":
        return None
    return _spatie(chain[-1], chain[-2::-1])


def _typed(helper: Helper, args: list[Any | None]) -> list[Any | None]:
    """`input(type, name, ...)`: the control its literal type says; the arguments after it."""
    kind = php_literal(_at(args, 0))
    if isinstance(kind, str) and kind.strip():
        helper.control = CONTROLS.get(kind.strip().lower(), kind.strip().lower())
    return args[1:]


def _method(call: Any) -> str:
    return _text(call.child_by_field_name("name")).lower()


def _named(helper: Helper, node: Any | None) -> None:
    """The field's name from its argument: a literal, else unknown (the code kept for the message)."""
    value = php_literal(node)
    helper.field = value if isinstance(value, str) and value else None
    if node is not None:
        helper.field_code = _text(node)


#: Collective methods that draw no field of their own (`Form::open`, `Form::macro`, ...).
_NO_FIELD = frozenset({
    "open", "model", "close", "token", "macro", "component", "old", "getvalueattribute",
    "getidattribute", "setmodel", "getmodel", "considerrequest", "setsessionstore", "hascomponent",
    "hasmacro", "mixin", "flushmacros", "getsessionstore", "oldinputisempty",
})  # fmt: skip
#: Words of a project macro's name that say it draws no field (a button, a label, a frame).
_DRAWS_NO_FIELD = ("submit", "button", "btn", "label", "error", "open", "close", "group", "help", "hint")
#: Words of a project macro's name that say which control it wraps, most specific first
#: (`normalSelect`, `i18nTextarea`, `normalInput`).
_MACRO_CONTROLS = (
    ("checkbox", "checkbox"), ("radio", "radio"), ("textarea", "textarea"),
    ("select", "select"), ("email", "email"), ("password", "password"), ("date", "date"),
    ("file", "file"), ("number", "number"), ("tel", "tel"), ("phone", "tel"),
    ("input", "text"), ("text", "text"),
)  # fmt: skip


def _macro(call: Any, method: str) -> Helper | None:
    """A project's own `Form::macro` (`Form::normalInput('nombre', ...)`), read from its name.

    Collective lets a project define helpers of its own; their body is the project's, but
    their name says the control they wrap and, by Collective's convention, their first
    argument names the field. Read so, with a CN001 note saying it was a guess; a name that
    says no control is a helper cnsnt does not know, kept unnamed (a CN001 warning).
    """
    if any(word in method for word in _DRAWS_NO_FIELD):
        return None  # `Form::submitBtn()`, `Form::errorMsg('x')`, `Form::openGroup()`
    control = next((c for word, c in _MACRO_CONTROLS if word in method), None)
    args = _arguments(call, ("name",))
    code = _text(call)
    if control is None:
        return Helper(method, "text", None, code)  # kept unnamed: a CN001 warning says so
    helper = Helper(method, control, None, code)
    _named(helper, _at(args, 0))
    if helper.field is not None:
        helper.note = (
            f"`Form::{_text(call.child_by_field_name('name'))}` is no Laravel Collective helper (a macro "
            f"of the project?): read as a {control} field named '{helper.field}', its first argument"
        )
    return helper


def _collective(call: Any) -> Helper | None:
    method = _method(call)
    control = CONTROLS.get(method)
    if control is None:
        # `Form::open`, `Form::model`, `Form::close`, `Form::token`: no field; a project's
        # macro is read from its name
        return None if method in _NO_FIELD else _macro(call, method)
    args = _arguments(call, _COLLECTIVE_NAMES.get(method, ("name", "value", "options")))
    helper = Helper(method, control, None, _text(call))
    if control == "submit":
        return helper
    if method == "input":  # `Form::input('email', 'email')`, `html()->input('email', 'x')`
        args = _typed(helper, args)
        control = helper.control
    _named(helper, _at(args, 0))
    if control == "label":
        text = php_literal(_at(args, 1))
        if isinstance(text, str) and text.strip():
            helper.label = " ".join(text.split())
        elif helper.field is not None:  # Collective's `formatLabel`: `ucwords(str_replace('_', ' ', $name))`
            helper.label = " ".join(w[:1].upper() + w[1:] for w in helper.field.replace("_", " ").split())
        return helper
    value_at, checked_at, options_at = _COLLECTIVE_ARGS.get(method, (1, None, 2))
    options = _options(_at(args, options_at))
    _describe(helper, options)
    value = php_literal(_at(args, value_at))
    if control in ("checkbox", "radio"):
        given = _at(args, checked_at)
        if given is None and "checked" in options:
            _checked(helper, value, options["checked"])
        else:
            _checked(helper, value, php_literal(given) if given is not None else None)
    elif control not in ("hidden", "select", "password", "file"):
        helper.default = value if isinstance(value, str) and value else None
    return helper


def _spatie(call: Any, modifiers: list[Any]) -> Helper | None:
    method = _method(call)
    control = CONTROLS.get(method)
    if control is None:
        return None  # `html()->form(...)->open()`, `html()->a(...)`: no field
    args = _arguments(call, _SPATIE_NAMES.get(method, ("name", "value")))
    helper = Helper(method, control, None, _text(call))
    if control == "submit":
        return helper
    if method == "input":  # `Form::input('email', 'email')`, `html()->input('email', 'x')`
        args = _typed(helper, args)
        control = helper.control
    if control == "label":  # `html()->label('E-mail', 'email')`: the text, then the control's name
        _named(helper, _at(args, 1))
        text = php_literal(_at(args, 0))
        helper.label = " ".join(text.split()) if isinstance(text, str) and text.strip() else None
        return helper
    _named(helper, _at(args, 0))
    checkable = control in ("checkbox", "radio")
    value = php_literal(_at(args, 2 if checkable else 1))
    checked = php_literal(_at(args, 1)) if checkable and len(args) > 1 else None
    options: dict[str, Any] = {}
    for modifier in modifiers:  # `->placeholder('E-mail')->required()`: the attributes they set
        name = _method(modifier)
        given = _arguments(modifier, ())
        first = php_literal(given[0]) if given else True
        if name in ("attribute", "attributeif") and given:
            key = php_literal(given[0])
            if isinstance(key, str):
                options[key.lower()] = php_literal(given[1]) if len(given) > 1 else True
        elif name == "attributes" and given:
            options.update(_options(given[0]))
        elif name == "checked":
            checked = first
        elif name == "value":
            value = first
        elif name == "name":
            _named(helper, given[0] if given else None)
        else:
            options[name.replace("_", "-")] = first
    _describe(helper, options)
    if checkable:
        _checked(helper, value, options.get("checked", checked))
    elif control not in ("hidden", "select", "password", "file"):
        helper.default = value if isinstance(value, str) and value else None
    return helper


def _describe(helper: Helper, options: dict[str, Any]) -> None:
    """Label, id, required and an explicit name from the options (`'required'`, `'required' => true`)."""
    for key in ("aria-label", "placeholder", "title"):
        text = options.get(key)
        if isinstance(text, str) and text.strip():
            helper.label = " ".join(text.split())
            helper.label_hint = key != "aria-label"  # example text or an instruction
            break
    helper.required = php_truthy(options.get("required", False)) is True
    # `'disabled'`, `'readonly' => true`, spatie's `->disabled()`: a literal; code may be false
    helper.disabled = php_truthy(options.get("disabled", False)) is True
    helper.readonly = php_truthy(options.get("readonly", False)) is True
    ident = options.get("id")
    helper.id = ident if isinstance(ident, str) and ident else None
    name = options.get("name")
    if isinstance(name, str) and name:
        helper.field = name


def _checked(helper: Helper, value: Any, checked: Any) -> None:
    """Whether the box is ticked for everyone: a literal true; code (`$user->terms`) only may."""
    if helper.control == "radio" and isinstance(value, str) and value.strip().lower() in NO_VALUES:
        return  # a "no" ticked gives no consent
    ticks = php_truthy(checked)
    if ticks is False:
        return
    helper.checked = True
    helper.checked_conditionally = ticks is None
