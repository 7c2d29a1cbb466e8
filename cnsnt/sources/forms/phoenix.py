"""Phoenix form templates: HEEx function components and Phoenix.HTML's form helpers.

Phoenix writes a form three ways, all read here from the Elixir syntax tree
(tree-sitter's Elixir grammar), never by matching the code with patterns:

- HEEx function components: `<.simple_form for={@form}>` / `<.form for={@changeset}
  :let={f}>` are forms; `<.input field={@form[:email]} type="email" label="Email" />`
  and the project's own field components (`<.text_input field={f[:name]}>`,
  `<.password_input name="password">`, `<.checkbox ...>`: a component whose name says
  input, select, textarea (or `text_area`), checkbox (or `check_box`), radio, toggle or
  switch and that takes a `field`
  or a `name`) are controls. The control's type is its `type` attribute, else its component's name
  (`password_input` -> password), else text.
- Phoenix.HTML's form helpers in EEx (`<%= text_input f, :email %>`) or in HEEx
  braces (`{checkbox(f, :terms)}`): `text_input`, `email_input`, `password_input`,
  `checkbox`, `radio_button`, `textarea`, `select`, ... render one control; `label f,
  :email, "E-mail"` labels the field it names; `submit` is a button.
- Plain `<input name="...">` tags are HTML.

Field names: the field is named by the atom (or string) the form is asked for,
`f[:email]`, `@form[:email]`, `{f, :email}`, `text_input f, :email` -> `email`. Phoenix
submits it as `user[email]` when the form is for a `user` changeset, but which
changeset a template gets is decided at runtime, so the name is the field alone, as
Rails' `f.text_field :email` is named `email` (`widgets`). A field inside
`<.inputs_for :let={af} field={f[:address]}>`, read from its `:let` variable
(`af[:city]`), is posted as `user[address][city]`: it is named `address[city]`, the
attribute of the associated object, so `init` files it with that object's table and
another object's `city` is another field. An explicit literal
`name` (attribute or `name:` option) is the name as submitted. A field that is no
literal (`f[field]`, `@form[@key]`) cannot be named: the control is reported (CN001)
with the code as written.

Pre-ticked boxes: `checked` / `checked={true}` / `checked: true`, or a `value` equal
to the checked value (`checkbox f, :terms, value: true`: Phoenix ticks a box whose
value is its `checked_value`, `true` by default) tick it for everyone; a value the
code computes is the template choosing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cnsnt.sources.forms.common import NO_VALUES
from cnsnt.sources.schemas.grammars import parse_snippet

#: Phoenix.HTML (PhoenixHTMLHelpers) form helpers that render one control -> its type.
HELPERS = {
    "text_input": "text", "email_input": "email", "password_input": "password",
    "hidden_input": "hidden", "number_input": "number", "telephone_input": "tel",
    "url_input": "url", "search_input": "search", "color_input": "color", "range_input": "range",
    "date_input": "date", "time_input": "time", "datetime_local_input": "datetime-local",
    "file_input": "file", "textarea": "textarea", "checkbox": "checkbox",
    "radio_button": "radio", "select": "select", "multiple_select": "select",
    "date_select": "select", "time_select": "select", "datetime_select": "select",
    "submit": "submit", "reset": "reset", "label": "label", "live_file_input": "file",
}  # fmt: skip
#: Words of a function component's name that make it a control (`<.text_input field=...>`).
CONTROL_WORDS = {
    "input": "text", "select": "select", "textarea": "textarea", "checkbox": "checkbox",
    "radio": "radio", "toggle": "checkbox", "switch": "checkbox", "password": "password",
    "email": "email", "date": "date", "number": "number", "phone": "tel", "tel": "tel",
    "hidden": "hidden", "file": "file", "url": "url", "search": "search",
}  # fmt: skip
#: Words of a component's name that make it no control even with a `field` (errors, labels).
NOT_CONTROL_WORDS = frozenset({"error", "errors", "label", "hint", "help", "feedback", "for"})
#: Function components that are forms (`<.form>`, core_components' `<.simple_form>`).
FORM_COMPONENTS = frozenset({"form", "simple_form"})
#: How many pipes of a chain are followed to the first call (`f |> text_input(:x) |> raw()`).
_PIPES = 100
#: Seconds a parse may take, plus one per 50 KB (tree-sitter's error recovery can loop).
_PARSE_SECONDS = 2.0


def phoenix_helper(code: str) -> bool:
    """True when template code calls a Phoenix.HTML form helper (`text_input f, :email`).

    `code` is the code of `<%= ... %>` (with its delimiters) or of a HEEx `{...}`; the
    first identifier decides (`PhoenixHTMLHelpers.Form.text_input(...)`: the last of a
    dotted name).
    """
    return _first_call_name(_piped(_inner(code))) in HELPERS


def helper_name(code: str) -> str:
    """The helper template code calls (`<%= label f, :terms do %>` -> `label`); empty when none."""
    return _first_call_name(_piped(_inner(code)))


def _piped(code: str) -> str:
    """`f |> text_input(:email)` -> `text_input(:email)`: the call a form is piped into.

    Only a form written as a variable (`f`, `@form`, `assigns.form`) is taken off;
    other code is returned as it is.
    """
    left, pipe, right = code.partition("|>")
    operand = left.strip().removeprefix("@")
    if pipe and operand and all(ch.isalnum() or ch in "_." for ch in operand):
        return right.strip()
    return code


def _inner(code: str) -> str:
    """Template code without its delimiters: `<%= x %>` -> `x`, `{x}` -> `x`."""
    if code.startswith("<%"):
        code = code[2:-2] if code.endswith("%>") else code[2:]
        return code.lstrip("=").strip()
    if code.startswith("{") and code.endswith("}"):
        return code[1:-1].strip()
    return code.strip()


def _first_call_name(code: str) -> str:
    """The name a call starts with: `Mod.Sub.name(` / `name ` -> `name`; empty when none."""
    i, n, last = 0, len(code), ""
    while i < n:
        j = i
        while j < n and (code[j].isalnum() or code[j] in "_!?"):
            j += 1
        if j == i:
            return ""
        last = code[i:j]
        if j < n and code[j] == "." and j + 1 < n and code[j + 1].isalpha():
            i = j + 1
            continue
        # a call has arguments: `label` alone (or `label <> x`) is a variable
        called = j < n and (code[j] == "(" or (code[j] in " \t\r\n" and _has_arguments(code, j)))
        return last if called else ""
    return last


def _has_arguments(code: str, pos: int) -> bool:
    """After a name and blanks: an argument starts (a word, `@`, `:`, a quote, a bracket), no operator."""
    while pos < len(code) and code[pos] in " \t\r\n":
        pos += 1
    return pos < len(code) and (code[pos].isalnum() or code[pos] in "_@:\"'[{%~")


# ---------------------------------------------------------------- the Elixir syntax tree


def parse_elixir(code: str) -> Any | None:
    """The syntax tree of a piece of Elixir, None when the grammar is missing or gives up."""
    return parse_snippet("elixir", code, _PARSE_SECONDS)


def _text(node: Any) -> str:
    return bytes(node.text or b"").decode("utf-8", "replace")


def _literal(node: Any | None) -> str | bool | None:
    """An atom's name, a string's text (no interpolation), a boolean; None for anything else."""
    if node is None:
        return None
    if node.type == "atom":
        return _text(node)[1:]
    if node.type == "boolean":
        return _text(node) == "true"
    if node.type in ("string", "quoted_atom", "charlist"):
        parts = node.named_children
        if any(p.type not in ("quoted_content", "escape_sequence") for p in parts):
            return None  # `"#{x}"`: built
        return "".join(_text(p) for p in parts)
    if node.type == "nil":
        return None
    return None


def _expression(code: str) -> Any | None:
    """The single expression a piece of code is (`@form[:email]`), None when it is not one."""
    tree = parse_elixir(code)
    if tree is None or tree.root_node.has_error:
        return None
    nodes = [n for n in tree.root_node.named_children if n.type != "comment"]
    return nodes[0] if len(nodes) == 1 else None


def field_name(code: str) -> str | None:
    """The field a HEEx `field={...}` gives: `@form[:email]`, `f["email"]`, `{f, :email}` -> `email`.

    `code` is the attribute's value as written, braces included. None when the field is no
    literal (`f[field]`).
    """
    node = _expression(_inner(code))
    if node is None:
        return None
    if node.type == "access_call":  # the last key of `@form[:a]` / `f[:address][:city]`
        keys = [c for c in node.named_children[1:] if c.type != "comment"]
        key = _literal(keys[-1]) if keys else None
    elif node.type == "tuple" and len(node.named_children) == 2:  # LiveView 0.17's `{f, :email}`
        key = _literal(node.named_children[1])
    else:  # `field={:twitter}`: a component given the form and the field apart
        key = _literal(node)
    return key if isinstance(key, str) and key else None


def field_owner(code: str) -> str | None:
    """The form variable a HEEx `field={...}` reads its field from: `pf[:city]` -> `pf`.

    `@form[:x]` -> `@form`; None when the field is no access of a variable (`{:twitter}`).
    """
    node = _expression(_inner(code))
    if node is None:
        return None
    if node.type == "access_call" or (node.type == "tuple" and len(node.named_children) == 2):
        target = node.named_children[0]
        if target.type in ("identifier", "unary_operator"):
            return _text(target)
    return None


def let_name(code: str) -> str | None:
    """The variable a HEEx `:let={...}` binds: `{pf}` -> `pf`; None for a pattern (`{%{x: y}}`)."""
    node = _expression(_inner(code))
    return _text(node) if node is not None and node.type == "identifier" else None


def name_value(code: str) -> str | None:
    """The name a HEEx `name={...}` gives, when it is Phoenix's name of a form field.

    `{@form[:email].name}` and `{input_name(f, :email)}` -> `email` (the field, as `field=`
    is named); `{"email"}` -> `email`. None for other code (`{@name}`, `{"x[#{i}]"}`).
    """
    node = _field_access(_expression(_inner(code)))
    if node is None:
        return None
    key: str | bool | None = None
    if node.type == "call" and _call_name(node) == "input_name":
        args = [a for c in node.named_children if c.type == "arguments" for a in c.named_children]
        key = _literal(args[1]) if len(args) == 2 else None
    elif node.type == "dot":  # `@form[:email].name`
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is not None and right is not None and _text(right) == "name":
            return field_name("{" + _text(left) + "}") if left.type == "access_call" else None
    else:
        key = _literal(node)
    return key if isinstance(key, str) and key else None


def upload_name(code: str) -> str | None:
    """The name LiveView submits a `<.live_file_input upload={@uploads.avatar}>` under: `avatar`.

    `code` is the attribute's value as written, braces included; None when the upload is
    no literal key of the uploads (`@uploads[@kind]`).
    """
    return _upload_key(_expression(_inner(code)))


def _upload_key(node: Any | None) -> str | None:
    """`@uploads.avatar` / `@uploads[:avatar]` -> `avatar`."""
    if (
        node is not None
        and node.type == "call"
        and not any(c.type == "arguments" for c in node.named_children)
    ):
        node = node.child_by_field_name("target")  # `a.b` parses as a call of `b` without arguments
    if node is not None and node.type == "dot":
        right = node.child_by_field_name("right")
        return _text(right) if right is not None and right.type == "identifier" else None
    if node is not None and node.type == "access_call":
        keys = [c for c in node.named_children[1:] if c.type != "comment"]
        key = _literal(keys[-1]) if len(keys) == 1 else None
        return key if isinstance(key, str) and key else None
    return None


def from_assigns(code: str) -> bool:
    """A name a function component is given by its caller: `{@name}`, `{@field.name}`, `{@form[@field].name}`.

    Such a control is a field of each call (`<.text_input field={f[:email]}>`), read
    there; in the component's own definition it is no field.
    """
    node = _field_access(_expression(_inner(code)))
    while node is not None and node.type in ("dot", "access_call"):
        node = _field_access(node.child_by_field_name("left" if node.type == "dot" else "target"))
    return node is not None and node.type == "unary_operator" and _text(node).startswith("@")


def _field_access(node: Any | None) -> Any | None:
    """`x.name` (a call without arguments in the grammar) as its `dot` node; other nodes as they are."""
    if node is not None and node.type == "call" and not any(c.type == "arguments" for c in node.children):
        target = node.child_by_field_name("target")
        if target is not None and target.type == "dot":
            return target
    return node


def literal_value(code: str) -> str | bool | None:
    """A HEEx attribute `{...}` that is a literal (`{true}`, `{"x"}`); None for other code."""
    node = _expression(_inner(code))
    return _literal(node) if node is not None else None


@dataclass
class Helper:
    """What one form-helper call renders: Phoenix.HTML's, Rails' or Laravel's.

    `rails_helpers` and `blade_helpers` fill the same record as `helper_call`.
    """

    helper: str
    control: str
    """The control's type (`email`, `checkbox`, `select`), or `label` for `label f, :x, "..."`."""
    field: str | None
    """The field's name (the atom, or a literal `name:`); None when it is no literal."""
    field_code: str
    """The field argument as written, for the message when it cannot be read."""
    label: str | None = None
    label_hint: bool = False
    """The label is only a `placeholder:` or `title:` option: `FormField.label_hint`."""
    required: bool = False
    checked: bool = False
    checked_conditionally: bool = False
    default: str | None = None
    id: str | None = None
    note: str | None = None
    """Said as a CN001 note where the call is: how a call cnsnt guessed at was read."""
    disabled: bool = False
    """A literal `disabled: true` option: the control is rendered disabled, never submitted."""
    readonly: bool = False
    """A literal `readonly: true` option: shown read-only."""


def helper_call(code: str) -> Helper | None:
    """The helper call of `<%= text_input f, :email, ... %>` / `{checkbox(f, :terms)}`, read.

    None when the code is no helper call (`submit "Save"` is one, with no field).
    """
    tree = parse_elixir(_inner(code))
    call = _first_call(tree.root_node) if tree is not None else None
    if call is None:
        # code that starts like a helper call but cannot be parsed is still a control,
        # reported with no readable name; code that parses as something else is none
        broken = tree is None or tree.root_node.has_error
        name = _first_call_name(_piped(_inner(code)))
        kind = HELPERS.get(name, "text")
        return Helper(name, kind, None, code) if broken and kind != "label" else None
    name = _call_name(call)
    control = HELPERS.get(name)
    if control is None:
        return None
    args: list[Any] = []
    piped = _piped_into(call)
    if piped is not None:  # `f |> text_input(:email)` is `text_input(f, :email)`
        args.append(piped)
    options: dict[str, Any] = {}
    for child in call.named_children:
        if child.type != "arguments":
            continue
        for arg in child.named_children:
            if arg.type == "keywords":
                for pair in arg.named_children:
                    key, value = pair.child_by_field_name("key"), pair.child_by_field_name("value")
                    if pair.type == "pair" and key is not None and value is not None:
                        options.setdefault(_text(key).strip().rstrip(":").strip('"'), value)
            elif arg.type != "comment":
                args.append(arg)
    if control in ("submit", "reset"):
        return Helper(name, control, None, "")
    if name == "live_file_input":  # `live_file_input @uploads.avatar`: the upload's name
        upload = args[0] if args else None
        raw = _text(upload if upload is not None else call)
        return Helper(name, control, _upload_key(upload), raw)
    field_node = args[1] if len(args) > 1 else None
    field = _literal(field_node)
    explicit = _literal(options.get("name"))
    helper = Helper(
        name,
        control,
        explicit if isinstance(explicit, str) and explicit else field if isinstance(field, str) else None,
        _text(field_node) if field_node is not None else _text(call),
    )
    if control == "label":
        text = _label_text(args[2]) if len(args) > 2 else None
        helper.label = text or (helper.field.replace("_", " ").capitalize() if helper.field else None)
        return helper
    for key in ("aria_label", "placeholder", "title"):
        option = _literal(options.get(key))
        if isinstance(option, str) and option.strip():
            helper.label = " ".join(option.split())
            helper.label_hint = key != "aria_label"  # example text or an instruction
            break
    helper.required = _literal(options.get("required")) is True
    ident = _literal(options.get("id"))
    helper.id = ident if isinstance(ident, str) else None
    if control in ("checkbox", "radio"):
        _checked(helper, options, args)
    elif control != "hidden":
        key = "selected" if control == "select" else "value"
        value = _literal(options.get(key))
        helper.default = value if isinstance(value, str) and value else None
    return helper


def _checked(helper: Helper, options: dict[str, Any], args: list[Any]) -> None:
    """`checked: true`, or a checkbox whose `value:` is its checked value: ticked for everyone."""
    answer = _literal(args[2]) if helper.control == "radio" and len(args) > 2 else None
    if isinstance(answer, str) and answer.strip().lower() in NO_VALUES:
        return  # `radio_button f, :consent, "no", checked: true`: a "no" ticked gives no consent
    if "checked" in options:
        value = _literal(options["checked"])
        helper.checked = value is not False and _text(options["checked"]) not in ("nil", "false")
        helper.checked_conditionally = helper.checked and value is not True
        return
    if helper.control != "checkbox" or "value" not in options:
        return  # a radio is ticked by the form's data; so is a checkbox without `value:`
    value = _literal(options["value"])
    on = _literal(options["checked_value"]) if "checked_value" in options else True
    if value is None or on is None:
        helper.checked = helper.checked_conditionally = True  # computed: the template chooses
    elif str(value).lower() == str(on).lower():
        helper.checked = True


def _label_text(node: Any) -> str | None:
    """A label's text argument: a string, or the string of `gettext("...")`."""
    value = _literal(node)
    if isinstance(value, str):
        return " ".join(value.split()) or None
    if node.type == "call":
        for child in node.named_children:
            if child.type == "arguments":
                for arg in child.named_children:
                    text = _literal(arg)
                    if isinstance(text, str) and text.strip():
                        return " ".join(text.split())
    return None


def _first_call(root: Any) -> Any | None:
    """The call a piece of code makes: itself, or the right side of `f = form_for(...)`.

    A value piped into calls makes the first of them (`f |> text_input(:email) |> raw()`).
    """
    nodes = [n for n in root.named_children if n.type != "comment"]
    node = nodes[0] if nodes else None
    if node is not None and node.type == "binary_operator":
        for _ in range(_PIPES):  # `a |> b() |> c()` is `(a |> b()) |> c()`: the first pipe is innermost
            left = node.child_by_field_name("left")
            if not (_pipe(node) and left is not None and left.type == "binary_operator" and _pipe(left)):
                break
            node = left
        node = node.child_by_field_name("right")
    return node if node is not None and node.type == "call" else None


def _pipe(node: Any) -> bool:
    operator = node.child_by_field_name("operator")
    return operator is not None and _text(operator) == "|>"


def _piped_into(call: Any) -> Any | None:
    """The value piped into `call` (its first argument), None when it is not piped into."""
    parent = call.parent
    if parent is None or parent.type != "binary_operator" or not _pipe(parent):
        return None
    right = parent.child_by_field_name("right")
    if right is None or right.start_byte != call.start_byte or right.end_byte != call.end_byte:
        return None
    return parent.child_by_field_name("left")


def _call_name(call: Any) -> str:
    target = call.child_by_field_name("target")
    if target is None:
        return ""
    if target.type == "identifier":
        return _text(target)
    if target.type == "dot":
        right = target.child_by_field_name("right")
        return _text(right) if right is not None else ""
    return ""


# ---------------------------------------------------------------- function components


#: Two words of a component's name that make one control word (`text_area`, `check_box`).
_PAIRS = {("text", "area"): "textarea", ("check", "box"): "checkbox"}


def _joined(words: list[str]) -> list[str]:
    """`text`, `area` -> `textarea`: a pair of words that names one control, joined."""
    out: list[str] = []
    for word in words:
        if out and (out[-1], word) in _PAIRS:
            out[-1] = _PAIRS[(out[-1], word)]
        else:
            out.append(word)
    return out


def component_control(name: str, has_field: bool) -> str | None:
    """The control type a function component renders (`input` -> text), None when it is no control.

    `<.input>` is one whatever its attributes; another component is one when it takes a
    `field` or a `name` (`has_field`) and its name says which control (`text_input`,
    `password_input`, `checkbox`). Custom elements of other templates (Blade's
    `<x-text-input>`, Vuetify's `<v-text-field>`) are read by `components`, with these words.
    """
    if name == "input":
        return "text"
    if not has_field or name == "inputs_for":
        return None
    words = _joined(name.lower().split("_"))
    if any(w in NOT_CONTROL_WORDS for w in words):
        return None
    found = [CONTROL_WORDS[w] for w in words if w in CONTROL_WORDS]
    if not found:
        return None
    specific = [c for c in found if c != "text"]
    return specific[0] if specific else "text"


#: What a Phoenix template with a form holds (sniffed by `cnsnt init`): a form component,
#: a field component, a form helper's call, or a plain form tag.
_FORM_MARKS = ("<.form", "<.simple_form", "<.input", "field={", "form_for ", "form_for(", "<form", "<input")
#: Suffixes of Phoenix files that may hold forms: templates, and LiveView modules (`~H`).
PHOENIX_SUFFIXES = frozenset({".heex", ".eex", ".leex", ".ex"})


def has_phoenix_form(head: str, suffix: str) -> bool:
    """Whether the start of a Phoenix file holds a form (an `.ex` module: in a `~H` sigil)."""
    if suffix == ".ex" and '~H"""' not in head:
        return False
    return any(mark in head for mark in _FORM_MARKS)
