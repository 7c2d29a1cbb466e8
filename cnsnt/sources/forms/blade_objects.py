"""The object a Laravel form fills: Collective's `Form::model($event, [...])`, spatie's `modelForm`.

`Form::model` opens a form bound to a model: each field shows that model's attribute
of the same name and posts it back, so a field fills the column of that model's table
(`events`), as a Django ModelForm's fields, Thymeleaf's `th:object` and a Rails
`form_with model:` do (review36 R36b D1). The object is the variable's name (`$event` is
`event`, `$user->profile` is `profile`; `Auth::user()` and `auth()->user()` are `user`);
init finds its table as for the others (`events`, by Laravel's plural). A partial that
holds the fields (`@include('events.form')`) fills the object of the templates that include
it, when those that say one say the same (an edit view's `Form::model($event)` and a
create view's `Form::open(...)`, which says none).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from cnsnt.errors import SourceError
from cnsnt.sources.base import SourceContext, read_text
from cnsnt.sources.forms.blade_helpers import parse_php
from cnsnt.sources.forms.html_page import Page
from cnsnt.sources.forms.templates import RENDER

#: Collective's facade, as a template names it.
_FACADES = frozenset({"Form", "Collective\\Html\\FormFacade"})
#: spatie/laravel-html's methods that bind the form to a model (`html()->modelForm($user)`).
_SPATIE = frozenset({"model", "modelform"})
#: Calls that give the signed-in user (`Auth::user()`, `auth()->user()`, `$request->user()`).
_USER = "user"


def _text(node: Any) -> str:
    return bytes(node.text or b"").decode("utf-8", "replace")


def echo_object(code: str) -> str | None:
    """The object a Blade echo binds its form to (`{!! Form::model($event) !!}`: `event`), else None."""
    if "model" not in code.lower():
        return None
    tree = parse_php(code)
    if tree is None:
        return None
    stack = [tree.root_node]
    while stack:  # the call may be chained (`html()->modelForm($u)->open()`) or concatenated
        node = stack.pop()
        if _binds(node):
            arguments = node.child_by_field_name("arguments")
            given = [a for a in arguments.named_children if a.type == "argument"] if arguments else []
            return _object(given[0].named_children[-1]) if given and given[0].named_children else None
        stack.extend(reversed(node.named_children))
    return None


def _binds(node: Any) -> bool:
    """`Form::model(...)`, or spatie's `html()->model(...)` / `->modelForm(...)` on `html()`."""
    name = node.child_by_field_name("name")
    if name is None:
        return False
    method = _text(name).lower()
    if node.type == "scoped_call_expression":
        scope = node.child_by_field_name("scope")
        return method == "model" and scope is not None and _text(scope).lstrip("\\") in _FACADES
    if node.type == "member_call_expression" and method in _SPATIE:
        root = node.child_by_field_name("object")
        while root is not None and root.type == "member_call_expression":
            root = root.child_by_field_name("object")
        function = root.child_by_field_name("function") if root is not None else None
        return root is not None and root.type == "function_call_expression" and _text(function) == "html"
    return False


def _object(node: Any) -> str | None:
    """`$event` -> `event`; `$user->profile` -> `profile`; a call that gives the user -> `user`."""
    if node.type == "variable_name":
        name = _text(node).lstrip("$")
        return name if name and name != "this" else None
    if node.type in ("member_access_expression", "nullsafe_member_access_expression"):
        name = node.child_by_field_name("name")
        return _text(name) if name is not None else None
    if node.type in ("member_call_expression", "scoped_call_expression", "function_call_expression"):
        name = node.child_by_field_name("name") or node.child_by_field_name("function")
        return _USER if name is not None and _text(name).lower() == _USER else None
    return None


def page_object(page: Page) -> str | None:
    """The one object a Blade template's `Form::model` calls bind to, else None (none, or two)."""
    found: set[str] = set()
    for tok in page.tokens:
        if tok.kind == RENDER and tok.name == "blade" and not page.in_comment(tok.start):
            obj = echo_object(page.code[tok.start : tok.end])
            if obj is not None:
                found.add(obj)
    return next(iter(found)) if len(found) == 1 else None


def template_object(path: Path, ctx: SourceContext) -> str | None:
    """`page_object` of a template file, read once per audit; None when it cannot be read."""
    key = f"blade:object:{path}"
    if key in ctx.memo:
        known = ctx.memo[key]
        return known if isinstance(known, str) else None
    try:
        text = read_text(path, ctx.shown(path), limits=ctx.limits)
        found = page_object(Page(text, path, ctx.shown(path))) if "model" in text else None
    except SourceError:
        found = None  # read as a source, it is reported there
    ctx.memo[key] = found
    return found


def includers_object(sites: Iterable[Path], ctx: SourceContext) -> str | None:
    """The object of the templates that include a partial: the one those that bind one agree on."""
    found = {obj for path in sites if (obj := template_object(path, ctx)) is not None}
    return next(iter(found)) if len(found) == 1 else None
