"""The object a Razor view's forms fill: `@model App.Models.Patient`, and a Razor Page's properties.

An ASP.NET Core MVC view names the class its forms fill with `@model`; its `asp-for="Email"`
and `@Html.TextBoxFor(m => m.Email)` controls are that class's properties, posted back into
it. When the class is an EF Core entity, each field fills the column of the entity's table,
as a Rails `form_with model:`, a Laravel `Form::model(...)` or Thymeleaf's `th:object` say
(`Form.model`; `cnsnt init` joins them in `cnsnt.starter.form_columns`).

A Razor Page (`@page`) names its page model instead (`@model CreateModel`), whose properties
hold the objects: `[BindProperty] public Patient Patient { get; set; }` makes
`asp-for="Patient.Email"` fill `Email` of `Patient` (`Form.members`). The page model is read
from the page's code-behind (`Create.cshtml.cs`) or another `.cs` file of its folder, parsed
with tree-sitter's C# grammar, never compiled; a page model cnsnt cannot find leaves the
fields as before, and `cnsnt init` says that no table was found for the object.
"""

from __future__ import annotations

import heapq
from pathlib import Path
from typing import Any

from cnsnt.errors import SourceError
from cnsnt.sources.base import SourceContext, not_regular, outside_problem, read_once
from cnsnt.sources.forms.html_page import Page
from cnsnt.sources.forms.templates import STMT
from cnsnt.sources.schemas.grammars import SourceFile, parse_bounded, parser

Node = Any  # tree_sitter.Node

#: The Razor file suffixes whose `@model` names the object (`.razor` is Blazor's: `Model=`).
SUFFIXES = frozenset({".cshtml"})
#: Types that are no object of their own (a page model's `string Referrer` is a plain field):
#: C#'s built-in types and the framework's value types a property is declared with.
_PLAIN = frozenset(
    {
        "bool", "byte", "sbyte", "char", "decimal", "double", "float", "int", "uint", "long", "ulong",
        "short", "ushort", "string", "object", "dynamic", "nint", "nuint",
        "Boolean", "Byte", "Char", "Decimal", "Double", "Single", "Int16", "Int32", "Int64", "String",
        "Object", "DateTime", "DateTimeOffset", "DateOnly", "TimeOnly", "TimeSpan", "Guid", "Uri",
        "IFormFile", "IFormFileCollection",
    }
)  # fmt: skip
#: `.cs` files of a page's folder looked through for its page model when no code-behind has it.
_FOLDER_FILES = 40
#: How deep classes nest in namespaces and classes before the walk stops (real code: a few).
_NESTING = 16
_CLASSES = ("class_declaration", "record_declaration")
_CONTAINERS = ("namespace_declaration", "file_scoped_namespace_declaration", "declaration_list")
#: A page model's members: (property, the simple name of its type).
Members = tuple[tuple[str, str], ...]


def directive(page: Page, word: str) -> str | None:
    """The argument of a Razor directive (`@model App.Models.Patient` -> `App.Models.Patient`), else None."""
    head = f"@{word}"
    for tok in page.tokens:
        if tok.kind != STMT:
            continue
        text = page.code[tok.start : tok.end]
        if text.startswith(head) and (len(text) == len(head) or text[len(head)].isspace()):
            return text[len(head) :].strip()
    return None


def class_name(written: str) -> str | None:
    """The simple name of a `@model` type: `App.Models.Patient?` -> `Patient`.

    A list (`IEnumerable<Patient>`, `Patient[]`) or a tuple is no one object a form fills:
    None. Nor is a built-in type (`dynamic`, `object`, `string`: `_PLAIN`), nor anything
    that is not a dotted name. The directive may end with a `;` and a comment, `//` or Razor's
    `@* ... *@`, as the Razor compiler allows (`@model Patient; @* the patient *@`).
    """
    name = written.split("//", 1)[0].split("@*", 1)[0].strip().removesuffix(";").rstrip()
    name = name.removesuffix("?").removeprefix("global::")
    parts = name.split(".")
    if not name or not all(p.isidentifier() for p in parts) or parts[-1] in _PLAIN:
        return None
    return parts[-1]


def view_object(page: Page, path: Path, ctx: SourceContext) -> tuple[str | None, Members]:
    """What a `.cshtml` view's forms fill: the `@model` class, and a Razor Page's (property, class) pairs.

    (None, ()) for a file that is no Razor view or names no `@model` (a layout).
    """
    if path.suffix.lower() not in SUFFIXES or "@model" not in page.code:
        return None, ()
    written = directive(page, "model")
    model = class_name(written) if written else None
    if model is None or directive(page, "page") is None:
        return model, ()
    return model, page_members(path, model, ctx) or ()


def page_members(path: Path, name: str, ctx: SourceContext) -> Members | None:
    """The members of the page model `name`: in its code-behind (`Create.cshtml.cs`), else a `.cs` beside it.

    None when no such file declares the class.
    """
    behind = path.with_name(path.name + ".cs")
    found = _declared(behind, name, ctx)
    if found is not None:
        return found
    beside = [p for p in _folder_files(path.parent, ctx) if p != behind]
    for other in beside[:_FOLDER_FILES]:
        ctx.check_time("reading Razor Pages' page models")
        found = _declared(other, name, ctx)
        if found is not None:
            return found
    return None


def _folder_files(folder: Path, ctx: SourceContext) -> list[Path]:
    """The first `.cs` files of a folder, sorted: enough for `page_members` once a code-behind is left out.

    Listed once a folder: listing and sorting it for each page made a folder of N pages without
    a code-behind cost N listings of N entries (4,000 pages: 83 s, codereview31 F2).
    """
    key = f"razor:folder:{folder}"
    if key not in ctx.memo:
        try:
            listed = [p for p in folder.iterdir() if p.suffix.lower() == ".cs"]
        except OSError:
            listed = []
        ctx.memo[key] = heapq.nsmallest(_FOLDER_FILES + 1, listed)
    held = ctx.memo[key]
    return held if isinstance(held, list) else []


def _declared(path: Path, name: str, ctx: SourceContext) -> Members | None:
    """The members of the class `name` as the C# file at `path` declares it, else None."""
    key = f"razor:page-model:{path}"
    if key not in ctx.memo:
        ctx.memo[key] = _classes(path, ctx)
    classes = ctx.memo[key]
    if not isinstance(classes, dict):
        return None
    found = classes.get(name)
    return found if isinstance(found, tuple) else None


def _classes(path: Path, ctx: SourceContext) -> dict[str, Members] | None:
    """Each class of one C# file with its members; None for a file missing, outside the project or unread."""
    if not_regular(path) or outside_problem(path, ctx.base_dir.resolve(), ctx.limits.allow_outside):
        return None
    text = read_once(path, ctx, "razor:cs")
    if text is None or "class" not in text:
        return None
    source = text.encode("utf-8")
    try:
        tree = parse_bounded(parser("csharp", "Razor Pages' page models"), source, ctx.shown(path))
    except SourceError:  # no C# grammar, or a parse given up: the fields stay as they are
        return None
    file = SourceFile(source, ctx.shown(path))
    out: dict[str, Members] = {}
    stack = [(tree.root_node, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > _NESTING:
            continue
        for child in node.named_children:
            if child.type in _CLASSES:
                name = child.child_by_field_name("name")
                body = child.child_by_field_name("body")
                if name is not None and body is not None:
                    out.setdefault(file.text(name), members(body, file))
                    stack.append((body, depth + 1))  # a nested class (`InputModel`)
            elif child.type in _CONTAINERS:
                stack.append((child, depth + 1))
    return out


def members(body: Node, file: SourceFile) -> Members:
    """A page model's public properties that hold an object: (`Patient`, `Patient`), (`Input`, `InputModel`).

    Bound (`[BindProperty]`) or not: `asp-for="Patient.Email"` shows and posts a property of
    the object the property holds, whichever way the handler receives it. A property of a
    plain type (`string`, `int`, `DateTime`), a list or an array is no object.
    """
    out: dict[str, str] = {}
    for member in body.named_children:
        if member.type != "property_declaration":
            continue
        modifiers = {file.text(c) for c in member.named_children if c.type == "modifier"}
        name, kind = member.child_by_field_name("name"), member.child_by_field_name("type")
        if name is None or kind is None or "public" not in modifiers or "static" in modifiers:
            continue
        if kind.type == "nullable_type":
            kind = kind.child_by_field_name("type") or kind
        if kind.type == "qualified_name":
            kind = kind.child_by_field_name("name") or kind
        if kind.type not in ("identifier", "predefined_type"):
            continue  # `List<Patient>`, `Patient[]`, a tuple: no one object
        written = file.text(kind)
        if written not in _PLAIN:
            out.setdefault(file.text(name), written)
    return tuple(out.items())
