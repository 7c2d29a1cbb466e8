"""The HTML attributes a Razor HTML helper is given, read with C#'s grammar: `new { @readonly = "readonly" }`.

`@Html.TextBoxFor(m => m.Cpf, new { @class = "form-control", @readonly = "readonly" })`
renders `<input readonly="readonly">`: the anonymous object among the helper's arguments
(`htmlAttributes`; `EditorFor`'s `new { htmlAttributes = new { ... } }`) holds the tag's
attributes. It is read with tree-sitter-c-sharp, which the EF Core readers already use.
"""

from __future__ import annotations

from typing import Any

from cnsnt.sources.schemas.grammars import parse_snippet

#: Seconds a parse may take (a helper call is a line or two; tree-sitter can loop on garbage).
_PARSE_SECONDS = 2.0
_OBJECT = "anonymous_object_creation_expression"


def _text(node: Any) -> str:
    return bytes(node.text or b"").decode("utf-8", "replace")


def _members(obj: Any) -> dict[str, Any]:
    """`name = value` members of an anonymous object by lower-cased name, `@` taken off."""
    members: dict[str, Any] = {}
    children = obj.children
    for idx in range(len(children) - 2):
        name, equals, value = children[idx : idx + 3]
        if name.type == "identifier" and equals.type == "=":
            members.setdefault(_text(name).lstrip("@").lower(), value)
    return members


def _string(node: Any) -> str | None:
    """A string literal's text (`"x"`, `@"x"`); None for an interpolated string or code."""
    if node.type == "verbatim_string_literal":
        return _text(node)[2:-1].replace('""', '"')
    if node.type == "string_literal" and all(c.type == "string_literal_content" for c in node.named_children):
        return "".join(_text(c) for c in node.named_children)
    return None


def html_attributes(code: str) -> dict[str, Any]:
    """The attributes a helper call's anonymous objects give (`@Html.X(..., new { ... })`), by name.

    Empty when the call cannot be parsed: its control is then read without them.
    """
    if "new" not in code:
        return {}  # no anonymous object: nothing to parse
    tree = parse_snippet("csharp", code.strip().lstrip("@") + ";", _PARSE_SECONDS)
    if tree is None or tree.root_node.has_error:
        return {}
    call = tree.root_node
    while call is not None and call.type != "invocation_expression":
        call = call.named_children[0] if call.named_children else None
    arguments = call.child_by_field_name("arguments") if call is not None else None
    attributes: dict[str, Any] = {}
    for argument in arguments.named_children if arguments is not None else ():
        value = argument.named_children[-1] if argument.named_children else None
        if value is None or value.type != _OBJECT:
            continue
        members = _members(value)
        nested = members.get("htmlattributes")  # `EditorFor(m => m.X, new { htmlAttributes = new {...} })`
        if nested is not None and nested.type == _OBJECT:
            members = {**members, **_members(nested)}
        for name, node in members.items():
            attributes.setdefault(name, node)
    return attributes


def stated(attributes: dict[str, Any], name: str) -> bool:
    """A boolean attribute given a literal true: `true`, `"true"` or its own name (`"readonly"`).

    Code (`disabled = Model.Locked`) may be false, and `false` or `""` means the page does not
    want it: the control stays as it is.
    """
    node = attributes.get(name)
    if node is None:
        return False
    if node.type == "boolean_literal":
        return _text(node) == "true"
    text = _string(node)
    return text is not None and text.strip().lower() in ("true", name)
