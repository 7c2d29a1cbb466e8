"""Rails form helpers read from the Ruby syntax tree: `<%= f.check_box :news, checked: true %>`.

An ERB template seldom writes its controls as tags: a form builder (`form_with ... do |f|`)
renders them, and so do simple_form's and Formtastic's `f.input :email, as: :boolean`. The
options say what the user meets: `checked: true` ticks a box for everyone (a consent box
ticked in advance), `label:` words it, `required:`, `placeholder:`, `value:`. They are read
with tree-sitter-ruby, which the Rails schema readers already use; code the grammar cannot
read falls back to the scanner's pattern (`widgets.rendered_control`).

Positional arguments, as Rails defines them:
- builder: `f.check_box(method, options, checked_value, unchecked_value)`,
  `f.radio_button(method, tag_value, options)`, the rest `f.x_field(method, options)`;
- tags: `check_box_tag(name, value, checked, options)`, `radio_button_tag(name, value,
  checked, options)`, `text_field_tag(name, value, options)`;
- `f.label(method, text)`: labels the control of the same method (humanized when no text).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from cnsnt.sources.forms.common import NO_VALUES
from cnsnt.sources.forms.phoenix import Helper
from cnsnt.sources.schemas.grammars import parse_snippet

#: Seconds a parse may take (a helper call is a line or two; tree-sitter can loop on garbage).
_PARSE_SECONDS = 2.0
#: Method -> control. Builder methods, their `_tag` twins and simple_form/Formtastic inputs.
HELPERS = {
    "text_field": "text", "email_field": "email", "password_field": "password",
    "telephone_field": "tel", "phone_field": "tel", "number_field": "number",
    "date_field": "date", "datetime_field": "datetime-local", "datetime_local_field": "datetime-local",
    "time_field": "time", "month_field": "month", "week_field": "week", "url_field": "url",
    "search_field": "search", "color_field": "color", "range_field": "range",
    "file_field": "file", "hidden_field": "hidden", "text_area": "textarea", "textarea": "textarea",
    "rich_text_area": "textarea", "rich_textarea": "textarea",
    "check_box": "checkbox", "checkbox": "checkbox", "radio_button": "radio",
    "select": "select", "collection_select": "select", "grouped_collection_select": "select",
    "time_zone_select": "select", "country_select": "select", "date_select": "select",
    "datetime_select": "select", "time_select": "select",
    "collection_check_boxes": "checkbox", "collection_checkboxes": "checkbox",
    "collection_radio_buttons": "radio",
    "input": "text", "input_field": "text", "association": "select",
    "submit": "submit", "button": "submit", "label": "label",
}  # fmt: skip
#: Rails' date and time selects drawn with no builder -> the part a lone one posts ('' for the
#: whole date): `select_date d, prefix: "profile[birth_date]"` posts
#: `profile[birth_date][year]`, `[month]` and `[day]` (`prefix:` is "date" when not given),
#: `select_year d, field_name: "born"` posts `date[born]` (`field_name:` is the part when
#: not given). Their first argument is the date shown, never the field.
DATE_HELPERS = {
    "select_date": "", "select_datetime": "", "select_time": "",
    "select_year": "year", "select_month": "month", "select_day": "day",
    "select_hour": "hour", "select_minute": "minute", "select_second": "second",
}  # fmt: skip
#: simple_form's and Formtastic's `as:` -> control.
_AS = {
    "boolean": "checkbox", "check_boxes": "checkbox", "radio_buttons": "radio", "select": "select",
    "text": "textarea", "rich_text_area": "textarea", "password": "password", "email": "email",
    "tel": "tel", "phone": "tel", "url": "url", "hidden": "hidden", "file": "file",
    "date": "date", "datetime": "datetime-local", "time": "time", "country": "select",
    "time_zone": "select", "integer": "number", "float": "number", "decimal": "number",
    "range": "range", "search": "search", "string": "text", "numeric": "number",
}  # fmt: skip
#: Helpers whose block is given a builder for each item: `b.check_box`, `b.label` draw
#: the helper's own field (`contact_type_ids[]`), one box or radio per item.
COLLECTION_HELPERS = frozenset(
    {"collection_check_boxes", "collection_checkboxes", "collection_radio_buttons"}
)
#: Builder methods whose block is given a builder for an associated object:
#: `f.fields_for :address do |a|` (Rails), `f.simple_fields_for` (simple_form),
#: `f.semantic_fields_for` (Formtastic), and the bare `fields_for :profile, @user.profile`.
NESTED_BUILDERS = frozenset({"fields_for", "simple_fields_for", "semantic_fields_for"})
#: An association's name as a nested builder's first argument gives it (`:address`).
#: Linear: anchored, one possessive word run.
_ASSOCIATION = re.compile(r"[A-Za-z_]\w*+")
#: A tag's Ruby that ends by opening a `do` block. Linear: a try starts only at `do` after
#: `\b`, then possessive runs to the end.
_OPENS_BLOCK = re.compile(r"\bdo\s*+(?:\|[^|]*+\|)?\s*+$")
#: Outer calls searched for the helper (`<%= content_tag :p, f.text_field(:x) %>`), at most.
_MAX_NODES = 200


def _text(node: Any) -> str:
    return bytes(node.text or b"").decode("utf-8", "replace")


def _literal(node: Any | None) -> str | bool | None:
    """A symbol's name, a string's text (no interpolation), a boolean or number; else None."""
    if node is None:
        return None
    kind: str = node.type
    if kind in ("simple_symbol", "hash_key_symbol"):
        return _text(node).lstrip(":").rstrip(":")
    if kind in ("true", "false"):
        return kind == "true"
    if kind in ("integer", "float"):
        return _text(node)
    if kind in ("string", "delimited_symbol"):
        parts = node.named_children
        if any(p.type not in ("string_content", "escape_sequence") for p in parts):
            return None  # `"#{x}"`: built
        return "".join(_text(p) for p in parts)
    return None


def literal(node: Any | None) -> str | bool | None:
    """A Ruby literal's value (a symbol's name, a string's text, a boolean or number); else None.

    Haml's attribute hashes (`haml`) are read with it, as the helpers' options are.
    """
    return _literal(node)


def _key(node: Any) -> str | None:
    key = _literal(node)
    return key.replace("-", "_").lower() if isinstance(key, str) else None


def _options(nodes: list[Any]) -> dict[str, Any]:
    """Keyword options (`checked: true`, `:label => "x"`), from bare pairs and hash arguments."""
    options: dict[str, Any] = {}
    for node in nodes:
        pairs = [node] if node.type == "pair" else node.named_children if node.type == "hash" else []
        for pair in pairs:
            if pair.type != "pair":
                continue
            key = _key(pair.child_by_field_name("key"))
            value = pair.child_by_field_name("value")
            if key is not None and value is not None:
                options.setdefault(key, value)
    return options


def _first_call(root: Any, named: Callable[[str], bool]) -> Any | None:
    """The first call, breadth first and outside blocks, whose method's text `named` accepts."""
    queue = [root]
    seen = 0
    while queue and seen < _MAX_NODES:
        node = queue.pop(0)
        seen += 1
        if node.type == "call":
            method = node.child_by_field_name("method")
            if method is not None and named(_text(method)):
                return node
        if node.type in ("block", "do_block"):
            continue  # `f.fields_for :x do |ff|`: the block's controls are tokens of their own
        queue.extend(node.named_children)
    return None


def _helper_call(root: Any) -> Any | None:
    """The first call, breadth first, whose method is a form helper."""
    return _first_call(root, lambda method: _name(method)[0] in HELPERS or method in DATE_HELPERS)


def _name(method: str) -> tuple[str, bool]:
    """(helper, is a tag helper): `check_box_tag` -> (`check_box`, True)."""
    if method.endswith("_tag") and method[:-4] in HELPERS:
        return method[:-4], True
    return method, False


def parse_ruby(code: str) -> Any | None:
    """The syntax tree of an ERB tag's Ruby; None when the grammar is missing or cannot read it.

    `code` is the tag as written: `<%= x %>`, `<%== x -%>`, `<%- x %>`. A tag that opens a
    block (`<%= f.collection_check_boxes(:ids, ...) do |b| %>`, closed by a later `<% end
    %>`) is read with its block closed, so its call parses.
    """
    if code.startswith("<%"):
        code = code[2:-2] if code.endswith("%>") else code[2:]
        code = code.lstrip("=-").removesuffix("-")
    if _OPENS_BLOCK.search(code):
        code += "\nend"
    tree = parse_snippet("ruby", code, _PARSE_SECONDS)
    return None if tree is None or tree.root_node.has_error else tree


def rails_helper(tree: Any) -> Helper | None:
    """The Rails helper call an ERB output tag's Ruby (`parse_ruby`) makes, read; None when none is."""
    call = _helper_call(tree.root_node)
    if call is None:
        return None
    method, tag = _name(_text(call.child_by_field_name("method")))
    arguments = call.child_by_field_name("arguments")
    nodes = [n for n in arguments.named_children if n.type != "comment"] if arguments else []
    args = [n for n in nodes if n.type not in ("pair", "hash", "block_argument")]
    options = _options(nodes)
    if method in DATE_HELPERS and not tag:
        shown = args[0] if args else None
        return _date_select(method, options, shown, _text(shown) if shown is not None else _text(call))
    control = HELPERS[method]
    builder = call.child_by_field_name("receiver") is not None
    if control == "submit":
        return Helper(method, "submit", None, "")
    first = _literal(args[0]) if args else None
    field: str | None = first if isinstance(first, str) and first else None
    if not builder and not tag and len(args) > 1 and field is not None:
        # `text_field(:user, :email)`: object and method give `user[email]`
        second = _literal(args[1])
        field = f"{field}[{second}]" if isinstance(second, str) and second else None
    explicit = _literal(options.get("name"))
    if isinstance(explicit, str) and explicit:
        field = explicit
    helper = Helper(method, control, field, _text(args[0]) if args else _text(call))
    if control == "label":
        text = _literal(args[1]) if len(args) > 1 else _literal(options.get("label"))
        if isinstance(text, str) and text.strip():
            helper.label = " ".join(text.split())
        elif field is not None:
            helper.label = field.replace("_", " ").capitalize()
        return helper
    kind = _literal(options.get("as"))
    if method in ("input", "input_field") and isinstance(kind, str):
        helper.control = control = _AS.get(kind, "text")
    html = _options([options["input_html"]]) if "input_html" in options else {}
    _describe(helper, {**html, **options})
    if control in ("checkbox", "radio"):
        _checked(helper, method, tag, args, {**options, **html})
    elif control not in ("hidden", "select"):
        given = args[1] if tag and len(args) > 1 else options.get("value") or html.get("value")
        value = _literal(given)
        helper.default = value if isinstance(value, str) and value else None
    return helper


def _date_select(method: str, options: dict[str, Any], shown: Any | None, code: str) -> Helper:
    """`select_date d, prefix: "profile[birth_date]"`: the field its selects post, named by its options.

    As Rails' `DateTimeSelector#input_name_from_type` names it: `prefix || "date"`, then
    `[index]` when `index:` is given (`[]` for nil), then `[field_name || part]` with the
    part's position (`(3i)`) under `include_position:`, unless `discard_type:`. A nil or
    false option is one not given; an option given as code leaves the name unread (None).
    The date shown (`profile.birthday`) labels the selects when no option does.
    """
    part = DATE_HELPERS[method]
    prefix = _given(options, "prefix")
    name: str | None = prefix if isinstance(prefix, str) and prefix else "date" if not prefix else None
    if name is not None and "index" in options:
        index = options["index"]
        value = "" if index.type == "nil" else _literal(index)
        name = f"{name}[{value}]" if isinstance(value, str) and not isinstance(value, bool) else None
    discard = _given(options, "discard_type")
    if part and name is not None and discard is _UNREAD:
        name = None
    elif part and name is not None and discard is None:
        given = _given(options, "field_name")
        field = given if isinstance(given, str) and given else part if not given else None
        position = _given(options, "include_position")
        if position is _UNREAD or field is None:
            name = None
        elif position is True or isinstance(position, str):
            name = f"{name}[{field}({_POSITION[part]}i)]"
        else:
            name = f"{name}[{field}]"
    helper = Helper(method, "select", name, code)
    _describe(helper, options)
    if helper.label is None:
        helper.label = _shown_attribute(shown)
    return helper


#: Rails' `DateTimeSelector::POSITION`: the part's place in a multiparameter attribute.
_POSITION = {"year": 1, "month": 2, "day": 3, "hour": 4, "minute": 5, "second": 6}
#: An option given as code: its value is not known.
_UNREAD = object()


def _given(options: dict[str, Any], key: str) -> object:
    """An option's value as Ruby's `||` reads it: None when absent, nil or false; `_UNREAD` for code."""
    node = options.get(key)
    if node is None or node.type in ("nil", "false"):
        return None
    value = _literal(node)
    return _UNREAD if value is None else value


def _shown_attribute(node: Any | None) -> str | None:
    """`Birthday` for the date `profile.birthday` or `@user.birthday` shows, as Rails' `label` words a method.

    A constant's date (`Date.today`, `Time.now`) or any other code says nothing: None.
    """
    if node is None or node.type != "call" or node.child_by_field_name("arguments") is not None:
        return None
    owner, method = node.child_by_field_name("receiver"), node.child_by_field_name("method")
    if owner is None or method is None or owner.type not in ("identifier", "instance_variable"):
        return None
    words = _text(method).rstrip("?!").replace("_", " ").strip()
    return words.capitalize() if words else None


def block_builder(tree: Any) -> str | None:
    """The builder a collection helper's block is given (`b` of `... do |b|`), else None."""
    call = _helper_call(tree.root_node)
    if call is None or _text(call.child_by_field_name("method")) not in COLLECTION_HELPERS:
        return None
    block = call.child_by_field_name("block")
    params = block.child_by_field_name("parameters") if block is not None else None
    names = [_text(n) for n in params.named_children if n.type == "identifier"] if params else []
    return names[0] if names else None


def nested_builder(tree: Any) -> tuple[str, str] | None:
    """(block variable, association) of `f.fields_for :address do |a|` -> (`a`, `address`); else None.

    The block's builder fills the associated object: Rails posts its fields under it
    (`user[address_attributes][street]`, `profile[phone]` for the bare `fields_for
    :profile, @user.profile`). An association given as code (`fields_for name`) or as a
    parameter name (`"user[address]"`) says none.
    """
    call = _block_call(tree.root_node)
    if call is None:
        return None
    arguments = call.child_by_field_name("arguments")
    nodes = arguments.named_children if arguments else []
    args = [n for n in nodes if n.type not in ("comment", "pair", "hash")]
    first = _literal(args[0]) if args else None
    block = call.child_by_field_name("block")
    params = block.child_by_field_name("parameters") if block is not None else None
    names = [_text(n) for n in params.named_children if n.type == "identifier"] if params else []
    if not isinstance(first, str) or not _ASSOCIATION.fullmatch(first) or not names:
        return None
    return names[0], first


def _block_call(root: Any) -> Any | None:
    """The outermost call of an ERB tag's Ruby that is a nested builder with a block."""
    node = _first_call(root, NESTED_BUILDERS.__contains__)
    return node if node is not None and node.child_by_field_name("block") is not None else None


def named_explicitly(tree: Any) -> bool:
    """Whether the helper call gives its field's name itself (`name: "contact[email]"`)."""
    call = _helper_call(tree.root_node)
    arguments = call.child_by_field_name("arguments") if call is not None else None
    nodes = [n for n in arguments.named_children if n.type != "comment"] if arguments else []
    return isinstance(_literal(_options(nodes).get("name")), str)


def receiver(tree: Any) -> str | None:
    """The receiver of the helper call (`b` of `b.check_box(...)`), when it is a plain name."""
    call = _helper_call(tree.root_node)
    node = call.child_by_field_name("receiver") if call is not None else None
    return _text(node) if node is not None and node.type == "identifier" else None


def _describe(helper: Helper, options: dict[str, Any]) -> None:
    """Label, id, required, disabled and readonly from the options (`label: false` hides simple_form's label).

    `disabled:` and `readonly:` count when literally true (`true`, `"disabled"`); code
    (`disabled: !@user.admin?`) may be false, so the control stays as it is.
    """
    aria = options.get("aria")  # `aria: { label: "Search query" }`
    nested = _options([aria]) if aria is not None and aria.type == "hash" else {}
    for key in ("label", "aria_label", "aria", "placeholder", "title"):
        text = _literal(nested.get("label") if key == "aria" else options.get(key))
        if isinstance(text, str) and text.strip():
            helper.label = " ".join(text.split())
            helper.label_hint = key in ("placeholder", "title")  # example text or an instruction
            break
    helper.required = _literal(options.get("required")) in (True, "required", "true")
    helper.disabled = _literal(options.get("disabled")) in (True, "disabled", "true")
    helper.readonly = _literal(options.get("readonly")) in (True, "readonly", "true")
    ident = _literal(options.get("id"))
    helper.id = ident if isinstance(ident, str) else None


def _checked(helper: Helper, method: str, tag: bool, args: list[Any], options: dict[str, Any]) -> None:
    """Whether the box is ticked for everyone (`checked: true`, `check_box_tag "x", "1", true`)."""
    answer: str | bool | None = None
    if helper.control == "radio" and len(args) > 1:
        answer = _literal(args[1])  # `f.radio_button :consent, "no"`; `radio_button_tag "c", "no"`
    if isinstance(answer, str) and answer.strip().lower() in NO_VALUES:
        return  # a "no" ticked gives no consent
    if tag and method in ("check_box", "checkbox", "radio_button") and len(args) > 2:
        node: Any | None = args[2]
    elif "checked" in options:
        node = options["checked"]
    else:
        return  # a builder's box is ticked by the record's value: the form's data decides
    value = _literal(node)
    if value is False or (node is not None and node.type == "nil"):
        return
    if value is not None and not tag and value is not True and value != "checked":
        return  # a builder ticks only for `checked: true` or `"checked"` (Rails' `input_checked?`)
    helper.checked = True
    helper.checked_conditionally = value is None  # a literal ticks for everyone
