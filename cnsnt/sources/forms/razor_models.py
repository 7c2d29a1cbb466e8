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

What cnsnt cannot read is said, not skipped (`model_problem`, a CN001 warning at the
directive): a `@model` whose type is no type (`IEnumerable<Patient` left open), and a page
model whose file exists but cannot be read or parsed. A built-in type, a list, an array
and a tuple are readable, and no one object: they stay silent.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cnsnt.errors import SourceError
from cnsnt.evidence import SourceProblem
from cnsnt.model import Severity
from cnsnt.sources.base import SourceContext, not_regular, outside_problem, read_once, read_text
from cnsnt.sources.forms.common import shorten
from cnsnt.sources.forms.html_page import Page
from cnsnt.sources.forms.razor_types import PLAIN, read_type
from cnsnt.sources.forms.templates import STMT
from cnsnt.sources.schemas.grammars import SourceFile, cs_declarations, first_error, parse_bounded, parser

Node = Any  # tree_sitter.Node

#: The Razor file suffixes whose model directive names the object, and that directive: C#'s
#: `@model`, VB.NET's `@ModelType` (`.razor` is Blazor's: `Model=`).
DIRECTIVES = {".cshtml": "model", ".vbhtml": "ModelType"}
#: `.cs` files of a page's folder looked through for its page model when no code-behind has it.
_FOLDER_FILES = 40
#: A page model's members: (property, the simple name of its type).
Members = tuple[tuple[str, str], ...]
#: Said of every model cnsnt cannot read: what is kept, and what is lost.
_LOST = "the fields of this view's forms are read and audited, but filed by their own names"


@dataclass(frozen=True)
class ViewObject:
    """What a Razor view's forms fill, and why cnsnt could not tell when it could not."""

    model: str | None = None
    """The `@model` class (`Patient`; a Razor Page's page model, `CreateModel`), else None."""
    members: Members = ()
    """A Razor Page's (property, class) pairs: `asp-for="Patient.Email"` fills `Patient`."""
    problem: SourceProblem | None = None
    """A model directive or page model that cannot be read (CN001 warning), else None."""


@dataclass(frozen=True)
class _CsFile:
    """One C# file looked through for page models: its classes, and why it was not read whole."""

    classes: dict[str, Members] = field(default_factory=dict)
    error: str | None = None
    """`Create.cshtml.cs:5:43: C# syntax error (...)`, `...: binary file, not text`; None: read whole."""


def directive(page: Page, word: str) -> str | None:
    """The argument of a Razor directive (`@model App.Models.Patient` -> `App.Models.Patient`), else None."""
    found = directive_at(page, word)
    return found[1] if found is not None else None


def directive_at(page: Page, word: str) -> tuple[int, str] | None:
    """Where a Razor directive starts, and its argument; None when the page has none."""
    head = f"@{word}"
    for tok in page.tokens:
        if tok.kind != STMT:
            continue
        text = page.code[tok.start : tok.end]
        if text.startswith(head) and (len(text) == len(head) or text[len(head)].isspace()):
            return tok.start, text[len(head) :].strip()
    return None


def class_name(written: str, *, vb: bool = False) -> str | None:
    """The simple name of a model directive's type: `App.Models.Patient?` -> `Patient`.

    A list (`IEnumerable<Patient>`, `Patient[]`; VB's `IEnumerable(Of Patient)`) or a tuple
    is no one object a form fills: None. Nor is a built-in type (`dynamic`, `object`,
    `string`: `PLAIN`), nor text that is no type (`razor_types.read_type`). The directive may
    end with a `;` and a comment, `//` or Razor's `@* ... *@`, as the Razor compiler allows
    (`@model Patient; @* the patient *@`).
    """
    return read_type(written, vb=vb).name


def readable_type(written: str, *, vb: bool = False) -> bool:
    """Whether a model directive's argument is a type at all (a built-in or a list is one)."""
    return read_type(written, vb=vb).readable


def view_object(page: Page, path: Path, ctx: SourceContext) -> ViewObject:
    """What a Razor view's forms fill: the model class, and a Razor Page's (property, class) pairs.

    Empty for a file that is no Razor view or names no model (a layout). A directive whose
    type is no type, and a page model whose file cannot be read or parsed, are the problem.
    """
    word = DIRECTIVES.get(path.suffix.lower())
    if word is None or f"@{word}" not in page.code:
        return ViewObject()
    found = directive_at(page, word)
    if found is None:
        return ViewObject()
    at, written = found
    vb = word != "model"
    read = read_type(written, vb=vb)
    if not read.readable:
        return ViewObject(problem=_unread_type(page, at, word, written))
    if read.name is None or directive(page, "page") is None:
        return ViewObject(model=read.name)
    members = page_members(path, read.name, ctx)
    if members is not None:
        return ViewObject(read.name, members)
    why = page_model_error(path, read.name, ctx)
    problem = None if why is None else _unread_page_model(page, at, read.name, why)
    return ViewObject(read.name, (), problem)


def _unread_type(page: Page, at: int, word: str, written: str) -> SourceProblem:
    """The warning for a model directive whose argument is no type (`@model IEnumerable<Patient`)."""
    shown = shorten(written, 80)
    said = f"@{word} names no type" if not shown else f"@{word} '{shown}' is no type cnsnt can read"
    return SourceProblem(
        f"{said}: {_LOST}, not with the object the view fills",
        page.location(at),
        page.shown,
        severity=Severity.WARNING,
        fix=f"write the type as the Razor compiler reads it (`@{word} App.Models.Patient`), "
        "or accept this with a CN001 waiver",
    )


def _unread_page_model(page: Page, at: int, name: str, why: str) -> SourceProblem:
    """The warning for a Razor Page whose page-model file exists but cannot be read or parsed."""
    return SourceProblem(
        f"the page model '{name}' cannot be read ({why}): {_LOST}, not with the objects its "
        "properties hold",
        page.location(at),
        page.shown,
        severity=Severity.WARNING,
        fix="fix the C# file (the page does not compile as it is), or accept this with a CN001 waiver",
    )


def page_members(path: Path, name: str, ctx: SourceContext) -> Members | None:
    """The members of the page model `name`: in its code-behind (`Create.cshtml.cs`), else a `.cs` beside it.

    None when no such file declares the class.
    """
    for candidate in _candidates(path, ctx):
        found = _declared(candidate, name, ctx)
        if found is not None:
            return found
    return None


def page_model_error(path: Path, name: str, ctx: SourceContext) -> str | None:
    """Why the page model `name` may be in a file cnsnt could not read whole, else None.

    The code-behind is the page's own: any error of it counts. A file of the folder counts
    when its text names the class (a broken file beside the page may hold something else).
    """
    behind = path.with_name(path.name + ".cs")
    for candidate in _candidates(path, ctx):
        read = _cs_file(candidate, ctx)
        if read is None or read.error is None:
            continue
        if candidate == behind or name in (read_once(candidate, ctx, "razor:cs") or ""):
            return read.error
    return None


def _candidates(path: Path, ctx: SourceContext) -> list[Path]:
    """The files a page's model is looked for in, in order: its code-behind, then its folder's `.cs`."""
    behind = path.with_name(path.name + ".cs")
    beside = [p for p in _folder_files(path.parent, ctx) if p != behind]
    return [behind, *beside[:_FOLDER_FILES]]


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
    read = _cs_file(path, ctx)
    found = read.classes.get(name) if read is not None else None
    return found if isinstance(found, tuple) else None


def _cs_file(path: Path, ctx: SourceContext) -> _CsFile | None:
    """One C# file's classes, read once per audit; None for a file that is not there."""
    key = f"razor:page-model:{path}"
    if key not in ctx.memo:
        ctx.memo[key] = _classes(path, ctx)
    held = ctx.memo[key]
    return held if isinstance(held, _CsFile) else None


def _classes(path: Path, ctx: SourceContext) -> _CsFile | None:
    """Each class of one C# file with its members, and why the file was not read whole.

    None for a file that is not there (or no regular file). One outside the project, one
    that cannot be read as text and one the grammar gives up on hold no class, and say why.
    """
    if not_regular(path):
        return None
    shown = ctx.shown(path)
    outside = outside_problem(path, ctx.base_dir.resolve(), ctx.limits.allow_outside)
    if outside is not None:
        return _CsFile(error=f"{shown} {outside}")
    text = read_once(path, ctx, "razor:cs")
    if text is None:
        return _CsFile(error=f"{shown}: {_why_unread(path, ctx)}")
    if "class" not in text:
        return _CsFile()
    source = text.encode("utf-8")
    try:
        tree = parse_bounded(parser("csharp", "Razor Pages' page models"), source, shown)
    except SourceError as exc:  # no C# grammar, or a parse given up
        return _CsFile(error=f"{shown}: {exc.message}")
    file = SourceFile(source, shown)
    return _CsFile(_class_members(tree.root_node, file), _syntax_error(tree.root_node, file))


def _why_unread(path: Path, ctx: SourceContext) -> str:
    """Why `read_once` found no text in a file (binary, an encoding, too big): its reader's words."""
    try:
        read_text(path, ctx.shown(path), limits=ctx.limits)
    except SourceError as exc:
        return exc.message
    return "cannot be read"


def _syntax_error(root: Node, file: SourceFile) -> str | None:
    """`Create.cshtml.cs:5:43: C# syntax error (...)` at the first error of a tree, else None."""
    if not root.has_error:
        return None
    bad = first_error(root)
    what = f"missing '{bad.type}'" if bad is not None and bad.is_missing else "cannot parse from here"
    line, column = file.place(bad) if bad is not None else (1, 1)
    return f"{file.shown}:{line}:{column}: C# syntax error ({what})"


def _class_members(root: Node, file: SourceFile) -> dict[str, Members]:
    """Each class of a C# tree (nested ones too: `InputModel`) with its members, by simple name."""
    out: dict[str, Members] = {}
    for node in cs_declarations(root):
        name = node.child_by_field_name("name")
        body = node.child_by_field_name("body")
        if name is not None and body is not None:
            out.setdefault(file.text(name), members(body, file))
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
        if written not in PLAIN:
            out.setdefault(file.text(name), written)
    return tuple(out.items())
