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

A create form binds no model, but where it posts often names one: Collective's
`Form::open(['url' => 'alumnos'])`, `['route' => 'alumnos.store']` (a resource route)
and `['action' => 'AlumnoController@store']` / `[AlumnoController::class, 'store']` name
the resource `alumnos` or the model `Alumno` (`form_target`). That is a weaker word than a
binding: init links the form to it only when a table is named so, and says how.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from cnsnt.errors import SourceError
from cnsnt.sources.base import SourceContext, read_text
from cnsnt.sources.forms.blade_helpers import parse_php, php_literal
from cnsnt.sources.forms.html_page import Page
from cnsnt.sources.forms.templates import RENDER

#: Collective's facade, as a template names it.
_FACADES = frozenset({"Form", "Collective\\Html\\FormFacade"})
#: spatie/laravel-html's methods that bind the form to a model (`html()->modelForm($user)`).
_SPATIE = frozenset({"model", "modelform"})
#: The last word of a route or path that names the action, not the resource (`alumnos.store`).
_ACTIONS = frozenset({"store", "create", "update", "edit", "new", "save", "insert", "add", "index"})
#: A resource's or model's name: a word. Linear: anchored (`fullmatch`), one possessive run.
_WORD = re.compile(r"[A-Za-z][\w-]*+")
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


def echo_target(code: str) -> tuple[str, str] | None:
    """(object, how) of a Blade echo's `Form::open([...])` posting to a resource, else None.

    `'url' => 'alumnos'` (also `'/admin/alumnos'`) and `'route' => 'alumnos.store'` give the
    resource `alumnos`; `'action' => 'AlumnoController@store'` (also namespaced, or
    `[AlumnoController::class, 'store']`) gives the model `Alumno`. A name built in code
    (`'url' => $url`, `url('x')`) gives none.
    """
    if "open" not in code.lower():
        return None
    tree = parse_php(code)
    if tree is None:
        return None
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.type == "scoped_call_expression" and _opens(node):
            arguments = node.child_by_field_name("arguments")
            given = [a for a in arguments.named_children if a.type == "argument"] if arguments else []
            options = given[0].named_children[-1] if given and given[0].named_children else None
            return _target(options) if options is not None else None
        stack.extend(reversed(node.named_children))
    return None


def _opens(node: Any) -> bool:
    """`Form::open(...)`."""
    name, scope = node.child_by_field_name("name"), node.child_by_field_name("scope")
    return (
        name is not None and scope is not None
        and _text(name).lower() == "open" and _text(scope).lstrip("\\") in _FACADES
    )


def _target(options: Any) -> tuple[str, str] | None:
    """The object `Form::open`'s options post to: `url`, else `route`, else `action`."""
    if options.type != "array_creation_expression":
        return None
    found: dict[str, Any] = {}
    for element in options.named_children:
        parts = element.named_children if element.type == "array_element_initializer" else []
        if len(parts) == 2 and parts[0].type == "string":
            found.setdefault(_string(parts[0]) or "", parts[1])
    for key, read in (("url", _from_url), ("route", _from_route), ("action", _from_action)):
        if key in found:
            obj = read(found[key])
            if obj is not None:
                return obj, f"Form::open's '{key}' => {' '.join(_text(found[key]).split())}"
    return None


def _string(node: Any) -> str | None:
    """A PHP string's text, when it has no interpolation (`"{$x}"` is built: None)."""
    if node.type not in ("string", "encapsed_string"):
        return None
    value = php_literal(node)
    return value if isinstance(value, str) else None


def _resource(words: list[str]) -> str | None:
    """The last word that is no action (`alumnos`, `store` -> `alumnos`), when it is a name."""
    while words and words[-1].lower() in _ACTIONS:
        words = words[:-1]
    return words[-1] if words and _WORD.fullmatch(words[-1]) else None


def _from_url(node: Any) -> str | None:
    """`'alumnos'`, `'/admin/alumnos'`, `'alumnos/store'` -> `alumnos`."""
    url = _string(node)
    return _resource([w for w in url.split("?")[0].split("/") if w]) if url else None


def _from_route(node: Any) -> str | None:
    """`'alumnos.store'`, `['admin.alumnos.update', $alumno]` -> `alumnos`."""
    if node.type == "array_creation_expression" and node.named_children:
        first = node.named_children[0].named_children
        node = first[0] if first else node
    route = _string(node)
    return _resource(route.split(".")) if route else None


def _from_action(node: Any) -> str | None:
    """`'AlumnoController@store'`, `[AlumnoController::class, 'store']` -> `Alumno`."""
    if node.type == "array_creation_expression" and node.named_children:
        first = node.named_children[0].named_children
        constant = first[0] if first and first[0].type == "class_constant_access_expression" else None
        scope = constant.named_children[0] if constant is not None else None
        name = _text(scope) if scope is not None else None
    else:
        action = _string(node)
        name = action.split("@")[0] if action and "@" in action else None
    name = name.rsplit("\\", 1)[-1] if name else None
    if not name or not name.endswith("Controller") or name == "Controller":
        return None
    return name.removesuffix("Controller")


def page_target(page: Page) -> tuple[str, str] | None:
    """The one object a Blade template's `Form::open` calls post to, and how, else None (none, or two)."""
    found: dict[str, str] = {}
    for tok in page.tokens:
        if tok.kind == RENDER and tok.name == "blade" and not page.in_comment(tok.start):
            target = echo_target(page.code[tok.start : tok.end])
            if target is not None:
                found.setdefault(target[0], target[1])
    return next(iter(found.items())) if len(found) == 1 else None


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


def includers_target(sites: Iterable[Path], ctx: SourceContext) -> tuple[str, str] | None:
    """Where the templates that include a partial post (`page_target`), when they agree; else None."""
    found: dict[str, str] = {}
    for path in sites:
        key = f"blade:target:{path}"
        if key not in ctx.memo:
            try:
                text = read_text(path, ctx.shown(path), limits=ctx.limits)
                page = Page(text, path, ctx.shown(path)) if "open" in text.lower() else None
                ctx.memo[key] = page_target(page) if page is not None else None
            except SourceError:
                ctx.memo[key] = None  # read as a source, it is reported there
        target = ctx.memo[key]
        if isinstance(target, tuple):
            found.setdefault(target[0], target[1])
    return next(iter(found.items())) if len(found) == 1 else None
