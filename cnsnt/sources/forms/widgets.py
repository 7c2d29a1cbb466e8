"""Form controls rendered by partials, widgets and form helpers rather than written as tags.

A template may print a control the HTML parser never sees as a tag:
a Handlebars partial (`{{> cmp-input/input name="email"}}`), a Smarty
`{html_checkboxes}` or a Smarty project's own `{input name="email"}`, a
`{["type": "checkbox", ...]}` widget, a Razor `@Html.TextBoxFor(m => m.Email)`, a
Rails `<%= f.check_box :terms %>` or a template function such as
`form_widget(form.email)`. The scanner marks those
constructs RENDER (`templates`); this module reads the control they render,
named, labelled and given a role when their arguments say so.
"""

from __future__ import annotations

import re
from pathlib import Path

from cnsnt.evidence import FieldRole
from cnsnt.sources.forms.common import NO_VALUES, NOT_READONLY, looks_like_consent, shorten
from cnsnt.sources.forms.html_page import BUTTON_TYPES, Control, first_string_literal, flat, smarty_syntax
from cnsnt.sources.forms.phoenix import Helper
from cnsnt.sources.forms.rails_helpers import DATE_HELPERS
from cnsnt.sources.forms.rails_helpers import HELPERS as RAILS_CONTROLS
from cnsnt.sources.forms.razor_helpers import html_attributes, stated
from cnsnt.sources.forms.smarty_calls import FLAG_KEYS, Argument, FunctionCall, function_control, read_call
from cnsnt.sources.forms.templates import (
    RAILS_HELPER,
    RAZOR_HELPER,
    RENDER,
    SMARTY_FUNCTION,
    Scanner,
    Token,
    control_call,
)

#: `key=value` arguments. Linear: a try starts only where a key run starts (lookbehind);
#: the key, the blanks and each value branch are possessive (a quoted value is one
#: possessive loop of runs and escapes; unclosed, it fails once and the bare branch reads
#: up to the next blank), so no stretch is read by more than a couple of tries.
_HASH_ARG = re.compile(
    r"(?<![\w@.-])([\w@.-]++)\s*+=\s*+"
    r"(\"(?>(?:[^\"\\]++|\\.)*)\"|'(?>(?:[^'\\]++|\\.)*)'|[^\s}]++)"
)
#: `"key": value` pairs of a widget. Linear: starts at a quote, possessive runs; a try
#: that fails reads up to the next quote only.
_WIDGET_PAIR = re.compile(r"\"(\w++)\"\s*+:\s*+(\"(?>(?:[^\"\\]++|\\.)*)\"|[-\w.]++)")
#: Razor's lambda argument: C#'s `m => m.Email`, VB.NET's `Function(m) m.Email` (a
#: `.vbhtml` view). Linear: a try starts only at a word start (or at the fixed word
#: `Function`), and every run is possessive.
_RAZOR_LAMBDA = re.compile(
    r"(?<!\w)(?:\w++\s*+=>|Function\s*+\(\s*+\w++\s*+\))\s*+\w++\.([\w.]++)"
)
#: A Rails helper's first argument (`:email`, `'email'`), matched after the helper's name.
#: Linear: a try cannot start inside a blank run (lookbehind), the runs are possessive
#: and a quoted name stops at the next quote.
_RAILS_SYMBOL = re.compile(r"(?<!\s)\s*+\(?\s*+(?::(\w++)|['\"]([^'\"]++)['\"])")
#: A Rails helper's second argument after its first (`, :email`, `, "email"`). Linear: a
#: try cannot start inside a blank run (lookbehind); a fixed comma between possessive
#: blank runs, then one possessive run.
_RAILS_NEXT = re.compile(r"(?<![ \t])[ \t]*+,[ \t]*+(?::(\w++)|['\"]([^'\"]++)['\"])")
#: `name: 'x'` in a helper call. Linear: starts at a word boundary with a fixed word;
#: the value is one possessive run up to the next quote.
_NAME_OPTION = re.compile(r"\bname\s*+:\s*+['\"]([^'\"]++)['\"]")
_WIDGET_TYPES = {
    "telefono": "tel",
    "ckeditor": "textarea",
    "timestamp": "datetime-local",
    "image": "file",
}
#: Twig form functions that render one field of a Symfony form view.
_FORM_THEME_CALLS = frozenset({"form_widget", "form_row"})
#: The child Symfony adds to a form for its CSRF token (`csrf_field_name`'s default).
_SYMFONY_CSRF = "_token"
#: The field a Twig form function renders (`form.email`, `form[0].nome`,
#: `form.address.city`: the last child named), matched right after the call's `(`.
#: Linear: a try starts only where no word, dot, bracket or blank precedes it (the
#: lookbehind), so not inside a chain or a blank run; each piece is one possessive run.
#: The last `.name` before `,` or `)` is the field; a bare variable (`field` of a loop)
#: has no dot and does not match.
_FORM_VIEW_FIELD = re.compile(
    r"(?<![\w.\[\]\s])\s*+\w++(?>(?:\[\d++\]|\.\w++(?=[.\[]))*)\.(\w++)\s*+[,)]"
)
#: Its `'label': '...'` option. Linear: fixed words, then one possessive run to the quote.
_TWIG_LABEL = re.compile(r"['\"]label['\"]\s*+:\s*+['\"]([^'\"]++)['\"]")
#: Linear: one possessive class run (used with fullmatch).
_PLAIN_NAME = re.compile(r"[\w\-.\[\]:]++")
#: `type=` values of a Smarty project's own control function beyond HTML's, and the
#: control they draw (paheko's `{input type="radio-btn"}`, `type="country"`, `type="list"`,
#: a pop-up list whose choice is sent, `type="boolean"`, a yes/no select, `select_groups`).
_FUNCTION_TYPES = {
    "radio-btn": "radio", "country": "select", "list": "select", "boolean": "select",
    "select_groups": "select", "datetime": "datetime-local",
}  # fmt: skip
#: Controls whose `value=` or `default=` is no text a person was given to keep or change.
_NO_TEXT_DEFAULT = BUTTON_TYPES | {"checkbox", "radio", "file", "password"}
#: Values PHP takes for false, as a literal argument reads (`Argument.flag`: `off`, `no` read `false`).
_PHP_FALSE = frozenset({"", "0", "false"})


def _args(text: str) -> dict[str, tuple[str, bool]]:
    """`key=value` arguments: value without quotes, and whether it was quoted (a literal)."""
    out: dict[str, tuple[str, bool]] = {}
    for m in _HASH_ARG.finditer(text):
        value = m.group(2)
        quoted = value[:1] in "\"'"
        out.setdefault(m.group(1).lower(), (value[1:-1] if quoted else value, quoted))
    return out


def _control_from_path(path: str) -> str:
    low = path.lower()
    for word, control in (
        ("select", "select"),
        ("textarea", "textarea"),
        ("text-area", "textarea"),
        ("checkbox", "checkbox"),
        ("radio", "radio"),
        ("toggle", "checkbox"),
        ("switch", "checkbox"),
        ("upload", "file"),
        ("date", "date"),
    ):
        if word in low:
            return control
    return "text"


def rendered_control(tok: Token, code: str) -> Control | None:
    """A control that a partial, widget or helper renders, named when its arguments say how."""
    if tok.name == "hbs":
        body = code.strip("{}~ \n\t").lstrip(">").strip()
        path, _, rest = body.partition(" ")
        args = _args(rest)
        control = args["type"][0] if args.get("type", ("", False))[1] else _control_from_path(path)
        ctrl = Control(tok.start, control.lower(), None, None)
        return _fill(ctrl, args)
    if tok.name == "smarty":  # `{html_options name=theme options=$themes}`
        call = read_call(code)
        if call is None:
            return None
        control = {"html_radios": "radio", "html_checkboxes": "checkbox"}.get(call.name.lower(), "select")
        return _fill(Control(tok.start, control, None, None), _smarty_args(call))
    if tok.name == SMARTY_FUNCTION:
        return smarty_function_control(tok.start, code)
    if tok.name == "widget":
        pairs = {k.lower(): v for k, v in _WIDGET_PAIR.findall(code)}
        args = {k: (v[1:-1], True) if v.startswith('"') else (v, False) for k, v in pairs.items()}
        type_ = args.get("type", ("text", True))[0].strip().lower() or "text"
        ctrl = Control(tok.start, _WIDGET_TYPES.get(type_, type_), None, None)
        ctrl = _fill(ctrl, args)
        ctrl.required = args.get("required", ("", False))[0].strip() in ("1", "true")
        value = args.get("value", ("", False))[0].strip()
        ctrl.default = value or None
        return ctrl
    if tok.name == "razor":
        m = RAZOR_HELPER.match(code)
        if m is None:
            return None
        helper = m.group(1)
        if helper == "AntiForgeryToken":
            return Control(tok.start, "hidden", "__RequestVerificationToken", None,
                            role=FieldRole.TECHNICAL)
        helper_control: str | None = {
            "TextBox": "text", "Password": "password", "TextArea": "textarea",
            "CheckBox": "checkbox", "RadioButton": "radio", "DropDownList": "select",
            "ListBox": "select", "Hidden": "hidden", "Editor": "text",
        }.get(helper)
        if helper_control is None:
            return None
        lam = _RAZOR_LAMBDA.search(code) if m.group(2) else None
        lit = first_string_literal(code, m.end())
        name: str | None = None
        if lam:
            name = lam.group(1)
        elif lit is not None:
            name = lit
        ctrl = _fill(Control(tok.start, helper_control, name, None), {})
        attributes = html_attributes(code)  # `new { @readonly = "readonly" }`
        return _locked(ctrl, stated(attributes, "disabled"), stated(attributes, "readonly"))
    if tok.name == "erb":
        m = RAILS_HELPER.search(code)
        if m is None:
            return None
        helper, is_tag = m.group(1), bool(m.group(2))
        control = RAILS_CONTROLS.get(helper) or ("select" if helper in DATE_HELPERS else "text")
        if control == "label":
            return None  # a label names a control, it is none
        sym = _RAILS_SYMBOL.match(code, m.end())
        ctrl = Control(tok.start, control, None, None)
        # `f.submit "Save"` / `submit "Save"`: the argument is the button's caption, no field
        if sym and (is_tag or helper != "submit"):
            if is_tag or "." in m.group(0):
                # a tag helper's first argument is the name; a builder names the field after
                # the model attribute it is given (`f.text_field :email`; the form prefixes
                # it, `user[email]`, as Symfony's `form_row(form.email)` does)
                ctrl.name = sym.group(1) or sym.group(2)
            else:
                # `select("job", "supplier_id", ...)`: object and method give `job[supplier_id]`
                method = _RAILS_NEXT.match(code, sym.end())
                if method is not None:
                    ctrl.name = f"{sym.group(1) or sym.group(2)}[{method.group(1) or method.group(2)}]"
        return _fill(ctrl, {})
    # A template function call: form_widget(form.email), FormsSelect(options).
    m = control_call(code)
    if m is None:
        return None
    args = {k: v for k, v in _args(code).items() if v[1]}
    named = _NAME_OPTION.search(code)
    if named:
        args["name"] = (named.group(1), True)
    ctrl = Control(tok.start, _control_from_path(m.group(0)), None, None)
    if m.group(1).lower() in _FORM_THEME_CALLS:
        # Symfony's `form_row(form.email)`: the field is the form view's child it names
        field = _FORM_VIEW_FIELD.match(code, m.end())
        if field is not None and ".vars." not in field.group(0):  # a view variable, no child
            args["name"] = (field.group(1), True)
            if field.group(1) == _SYMFONY_CSRF:
                ctrl.control = "hidden"  # Symfony's CSRF token field renders a hidden input
        label = _TWIG_LABEL.search(code, m.end())
        if label is not None:
            args.setdefault("label", (label.group(1), True))
    return _fill(ctrl, args)


def draws_smarty_control(path: Path, head: str) -> bool:
    """Whether a Smarty template draws a control with a function (sniffed by `cnsnt init`).

    `{html_options name=theme ...}`, or a function named like a control given a `name=`
    (`{input type="email" name="email"}`), read as the audit reads them.
    """
    if "{" not in head or not smarty_syntax(path, head):
        return False
    for tok in Scanner(head, smarty=True, razor=False).run():
        if tok.kind != RENDER or tok.name not in ("smarty", SMARTY_FUNCTION):
            continue
        call = read_call(head[tok.start : tok.end])
        if call is not None and "name" in call.arguments:
            return True
    return False


def _smarty_args(call: FunctionCall) -> dict[str, tuple[str, bool]]:
    """A function tag's arguments as `_fill` reads them: a literal's value, else the code.

    A bare word is itself (`name=no` names `no`), but a boolean where one is meant
    (`FLAG_KEYS`: `required=yes`); a bare `true`, `false` or `null` elsewhere is PHP's
    constant, no name or label: kept as code, so `name=null` is a name cnsnt cannot read.
    """
    out: dict[str, tuple[str, bool]] = {}
    for key, arg in call.arguments.items():
        if key in FLAG_KEYS and arg.flag is not None:
            out[key] = (arg.flag, True)
        elif arg.value is not None and not arg.constant:
            out[key] = (arg.value, True)
        else:
            out[key] = (arg.code, False)
    return out


def smarty_function_control(start: int, code: str) -> Control | None:
    """The control a Smarty project's own function draws, read from its name (a guess).

    `{input type="email" name="email" label="E-mail" required=true}`: an `email` field
    labelled `E-mail`, required. The function's name says the control (`function_control`);
    for a name that fixes no kind (`input`) a literal `type=` does. A name built at run
    time (`name=$field.name`, `name="t[%d]"|args:$i`, `"f_$i"`) leaves the control unnamed
    (a CN001 warning says so). A function given no `name=` at all is no field: nothing
    shows what it submits (as a component with no name or binding).
    """
    call = read_call(code)
    kind = function_control(call.name) if call is not None else None
    if call is None or kind is None:
        return None
    args = call.arguments
    name = args.get("name")
    if name is None and not call.unread:
        return None
    control, fixed = kind
    typed = args.get("type")
    if not fixed and typed is not None and typed.value is not None and typed.value.strip():
        written = typed.value.strip().lower()
        control = _FUNCTION_TYPES.get(written, written)
    ctrl = _fill(Control(start, control, None, None), _smarty_args(call))
    if ctrl.name is None:
        given = f"name={name.code}" if name is not None else f"no name= but {call.unread[0]}"
        ctrl.why = f"is drawn by {{{call.name}}} with a name cnsnt cannot read ({shorten(given)})"
    _smarty_ticked(ctrl, args)
    if ctrl.control not in _NO_TEXT_DEFAULT:
        default = args.get("default") or args.get("value")
        ctrl.default = default.value if default is not None and default.value else None
    disabled, readonly = (args.get(k) for k in ("disabled", "readonly"))
    return _locked(
        ctrl,
        disabled is not None and (disabled.flag or "") not in _PHP_FALSE,
        readonly is not None and (readonly.flag or "") not in _PHP_FALSE,
    )


def _smarty_ticked(ctrl: Control, args: dict[str, Argument]) -> None:
    """Whether a function's box is ticked: `checked=`, or a `default=` equal to its `value=`.

    paheko's `{input type="checkbox" name="news" value=1 default=1}` ticks the box (the
    current value is the box's value); with no `value=`, any true `default=` does. A value
    that is code (`default=$user.news`) is the template choosing: ticked conditionally.
    A radio valued "no" ticked gives no consent, as in HTML.
    """
    if ctrl.control not in ("checkbox", "radio"):
        ctrl.checked = False
        return
    value = args.get("value")
    if ctrl.control == "radio" and value is not None and (value.value or "").strip().lower() in NO_VALUES:
        ctrl.checked = False
        return
    answers = []
    checked = args.get("checked")
    if checked is not None:
        answers.append(None if checked.flag is None else checked.flag not in _PHP_FALSE)
    default = args.get("default")
    if default is not None:
        if default.value is None or (value is not None and value.value is None):
            answers.append(None)
        elif value is None:
            answers.append(default.flag not in _PHP_FALSE)  # a box's `default=yes` is true
        else:
            answers.append(_loosely_equal(default.value, value.value or ""))
    ctrl.checked = any(a is not False for a in answers)
    ctrl.checked_conditionally = ctrl.checked and True not in answers


def _loosely_equal(a: str, b: str) -> bool:
    """PHP's `==` on two literal arguments: booleans by truth, numbers by value, else the text."""
    if a in ("true", "false") or b in ("true", "false"):
        return (a not in _PHP_FALSE) == (b not in _PHP_FALSE)
    try:
        return float(a) == float(b)
    except ValueError:
        return a == b


def _fill(ctrl: Control, args: dict[str, tuple[str, bool]]) -> Control:
    """Name, label, required, checked and role from a rendered control's arguments."""
    value, quoted = args.get("name", ("", False))
    if ctrl.name is None and quoted and _PLAIN_NAME.fullmatch(value.strip()):
        ctrl.name = value.strip()
    for k in ("label", "label-text", "labeltext", "title", "placeholder"):
        text, lit = args.get(k, ("", False))
        if lit and any(ch.isalnum() for ch in text):
            ctrl.label = flat(text)
            ctrl.label_hint = k in ("title", "placeholder")  # example text or an instruction
            break
    ident, lit = args.get("id", ("", False))
    ctrl.id = ident if lit else None
    flag = {"true", "1", "required", "checked", "yes"}
    ctrl.required = args.get("required", ("", False))[0].lower() in flag
    ctrl.checked = args.get("checked", ("", False))[0].lower() in flag
    if ctrl.role is FieldRole.INPUT:
        if ctrl.control in BUTTON_TYPES:
            ctrl.role = FieldRole.BUTTON
        elif ctrl.control == "hidden":
            ctrl.role = FieldRole.TECHNICAL
        elif ctrl.control in ("checkbox", "radio") and looks_like_consent(
            ctrl.name, ctrl.id, ctrl.label
        ):
            ctrl.role = FieldRole.CONSENT
    return ctrl


def helper_control(start: int, helper: Helper) -> Control:
    """The control a form helper renders, as its reader read the call.

    The readers: `phoenix.helper_call`, `rails_helpers.rails_helper`, `blade_helpers.blade_helper`.
    """
    ctrl = Control(start, helper.control, helper.field, None)
    ctrl = _fill(ctrl, {"label": (helper.label, True)} if helper.label else {})
    ctrl.label_hint = helper.label_hint and ctrl.label is not None
    ctrl.id = helper.id
    ctrl.required = helper.required
    ctrl.checked = helper.checked
    ctrl.checked_conditionally = helper.checked_conditionally
    ctrl.default = helper.default
    return _locked(ctrl, helper.disabled, helper.readonly)


def _locked(ctrl: Control, disabled: bool, readonly: bool) -> Control:
    """A helper's literal `disabled` (no collected field) and `readonly` (shown read-only), as a tag's."""
    ctrl.disabled = disabled
    ctrl.readonly = readonly and ctrl.control not in NOT_READONLY
    if disabled and ctrl.role in (FieldRole.INPUT, FieldRole.CONSENT):
        ctrl.role = FieldRole.DISABLED
    return ctrl
