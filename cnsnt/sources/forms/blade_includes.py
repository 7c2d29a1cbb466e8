"""Blade partials drawn by `@include('view', [...])`: their controls are the including form's.

Laravel apps often build every form from one partial:
`@include('forms.input', ['label' => 'Codice fiscale', 'input_name' => 'cod_fiscale'])`
with `<input name="{{ $input_name }}">` in `resources/views/forms/input.blade.php`.
The partial alone names nothing; each include site names a field of the form it
sits in. This module finds a template's include directives (`@include`,
`@includeIf`, `@includeWhen`, `@includeUnless`, `@includeFirst`, `@component`),
reads their arguments with the PHP grammar (tree-sitter-php, as the Laravel form
helpers are read), resolves the view by Laravel's dotted name under the
`resources/views` folder, and prints the partial with each plain echo of a key
the site gives literally (`{{ $input_name }}`, `{!! $label !!}`,
`{{ $type ?? 'text' }}`) replaced by that value. The form reader (`html_form`)
reads the printed partial as it reads a macro's body, and places what it finds
at the include.

The partial read alone then leaves its controls to the sites (no field is counted
twice, and its `{{ $input_name }}` is no warning there): a site that gives the name
as code (`'input_name' => $x`) or not at all gets the warning, naming its form.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cnsnt.errors import SourceError
from cnsnt.sources.base import SourceContext, outside_problem, read_once, read_text, template_files
from cnsnt.sources.forms.blade_helpers import UNKNOWN, parse_php, php_literal
from cnsnt.sources.forms.template_php import blank_php
from cnsnt.sources.forms.templates import EXPR, Scanner, blank, string_end

#: An include directive up to its `(`. Linear: a try starts only at `@` not after a word
#: character or another `@` (`@@include` prints the text; `a@include.it` is an address);
#: fixed words, one possessive blank run.
_DIRECTIVE = re.compile(
    r"(?<![\w@])@(includeWhen|includeUnless|includeFirst|includeIf|include|component)\s*+\("
)
#: Partials inside partials read at most this deep (a partial that includes itself stops here).
MAX_DEPTH = 4
#: Partials printed for one source file, nested ones included (a bound on the work; a
#: partial counts once more for each `PRINT_UNIT` characters it holds).
MAX_EXPANSIONS = 5_000
PRINT_UNIT = 2_000
#: Files listed when looking for which partials are included (a huge tree is searched no further).
_MAX_INDEXED = 20_000
#: A call's argument list longer than this is not read (a directive never closed).
_MAX_ARGS = 20_000
#: A value printed into the partial must not open template code or a tag.
_UNSAFE = frozenset("{}<>%")
#: Translation helpers whose literal argument is the text a label shows (`'label' => __('Nome')`).
_TRANSLATORS = frozenset({"__", "trans", "trans_choice", "lang", "_t"})


@dataclass(frozen=True)
class Include:
    """One include directive of a template, its arguments as far as they are literals."""

    start: int
    end: int
    directive: str
    views: tuple[str, ...]
    """The view names given literally (`@includeFirst` gives several); () when computed."""
    data: dict[str, str] = field(default_factory=dict)
    """Keys of the data array given literal text (numbers as written)."""
    computed: dict[str, str] = field(default_factory=dict)
    """Keys given as code (`'input_name' => $x`): key -> the code."""
    readable: bool = True
    """False when the arguments are no PHP the grammar reads."""

    @property
    def shown_view(self) -> str:
        """The view as messages name it (the first of `@includeFirst`'s)."""
        return self.views[0] if self.views else "?"


def _text(node: Any) -> str:
    return bytes(node.text or b"").decode("utf-8", "replace")


def _arguments(tree: Any) -> list[Any] | None:
    """The argument expressions of the one call the snippet holds (named ones in order)."""
    root = tree.root_node
    stmt = next((c for c in root.named_children if c.type == "expression_statement"), None)
    call = stmt.named_children[0] if stmt is not None and stmt.named_children else None
    if call is None or call.type != "function_call_expression":
        return None
    args = call.child_by_field_name("arguments")
    if args is None:
        return None
    out = []
    for arg in args.named_children:
        if arg.type != "argument" or not arg.named_children:
            continue
        out.append(arg.named_children[-1])
    return out


def value_text(node: Any) -> str | None:
    """A literal's text (`'nome'`, `3`); a translation helper's literal (`__('Nome')`); else None."""
    value = php_literal(node)
    if isinstance(value, str):
        return value
    if value is UNKNOWN and node is not None and node.type == "function_call_expression":
        fn = node.child_by_field_name("function")
        args = _arguments_of(node)
        if fn is not None and _text(fn).lstrip("\\") in _TRANSLATORS and args:
            first = php_literal(args[0])
            return first if isinstance(first, str) else None
    return None


def _arguments_of(call: Any) -> list[Any]:
    args = call.child_by_field_name("arguments")
    if args is None:
        return []
    return [a.named_children[-1] for a in args.named_children if a.type == "argument" and a.named_children]


def _directive(name: str, code: str, start: int, end: int) -> Include:
    """Read one directive's arguments (`code`: its `(...)`) with the PHP grammar."""
    tree = parse_php("__blade" + code)
    args = _arguments(tree) if tree is not None else None
    if args is None:
        return Include(start, end, name, (), readable=False)
    if name in ("includeWhen", "includeUnless"):
        args = args[1:]  # the condition first
    view = args[0] if args else None
    views: tuple[str, ...] = ()
    if name == "includeFirst":
        listed = php_literal(view)
        if isinstance(listed, list):
            names = [php_literal(v) for _, v in listed]
            if names and all(isinstance(n, str) for n in names):
                views = tuple(str(n) for n in names)
    else:
        literal = php_literal(view)
        if isinstance(literal, str):
            views = (literal,)
    data: dict[str, str] = {}
    computed: dict[str, str] = {}
    items = php_literal(args[1]) if len(args) > 1 else []
    if not isinstance(items, list):  # `compact('x')`, `$data`: nothing decided
        items = []
    for key, node in items:
        if not isinstance(key, str):
            continue
        text = value_text(node)
        if text is None:
            computed.setdefault(key, " ".join(_text(node).split()))
        else:
            data.setdefault(key, text)
    return Include(start, end, name, views, data, computed)


def find_includes(markup: str, text: str) -> list[Include]:
    """The include directives of a template, in order.

    `markup` is the text with template code blanked (a directive in a `{{-- --}}`
    comment is gone there); the arguments are read from `text`, as written. A directive
    whose `(` is never closed is kept unreadable, and the stretch looked through for its
    `)` is not searched again (so a file of unclosed `@include(` costs linear time).
    """
    found = []
    pos = 0
    while (m := _DIRECTIVE.search(markup, pos)) is not None:
        paren = m.end() - 1
        close, reach = _closing(text, paren)
        if close is None:
            found.append(Include(m.start(), m.end(), m.group(1), (), readable=False))
            pos = max(reach, m.end())
            continue
        found.append(_directive(m.group(1), text[paren:close], m.start(), close))
        pos = close
    return found


def _closing(text: str, paren: int) -> tuple[int | None, int]:
    """The offset after the `)` closing the `(` at `paren`, or None; and how far it read."""
    depth = 0
    i, n = paren, min(len(text), paren + _MAX_ARGS)
    while i < n:
        c = text[i]
        if c in "'\"":
            i = string_end(text, i, n) + 1
            continue
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
            if depth == 0:
                return (i + 1 if c == ")" else None), i + 1
        i += 1
    return None, n


def blanked(text: str) -> str:
    """A template's text with its PHP and template code blanked (offsets kept)."""
    code, _ = blank_php(text)
    out = list(code)
    for tok in Scanner(code, smarty=False, razor=False).run():
        blank(out, tok.start, tok.end)
    return "".join(out)


# ---------------------------------------------------------------- views


def is_blade(path: Path) -> bool:
    """A Blade template (`x.blade.php`): only Blade reads `@include`."""
    return path.name.lower().endswith(".blade.php")


def views_root(path: Path, top: Path | None = None) -> Path | None:
    """The views folder a Blade file's dotted view names start from (`resources/views`).

    Never above `top`, the project's folder: a `views` folder the project sits in is
    someone else's.
    """
    here = path.resolve().parent
    limit = top.resolve() if top is not None else None
    if limit is not None and not here.is_relative_to(limit):
        limit = None  # a file the policy reads from outside its folder: its own tree decides
    folders = [here]
    for folder in here.parents:
        if limit is not None and not folder.is_relative_to(limit):
            break
        folders.append(folder)
    for folder in folders:
        if folder.name == "views" and folder.parent.name == "resources":
            return folder
    for folder in folders:
        if folder.name == "views":
            return folder
        if (folder / "resources" / "views").is_dir():
            return folder / "resources" / "views"
    return None


def resolve_view(name: str, root: Path, ctx: SourceContext) -> Path | None:
    """The file of a view name (`forms.input` or `forms/input`), or None.

    A namespaced name (`package::view`) is a package's view: found only where Laravel
    looks for the project's copy of it, `resources/views/vendor/package/`.
    """
    namespace, sep, name = name.strip().rpartition("::")
    if sep:
        if not namespace or "/" in namespace or "\\" in namespace or namespace.startswith("."):
            return None
        root = root / "vendor" / namespace
    parts = [p for p in name.replace("/", ".").split(".") if p]
    if not parts or any(p in ("..", "~") or "\\" in p for p in parts):
        return None
    base = root.joinpath(*parts[:-1])
    for suffix in (".blade.php", ".php"):
        candidate = base / (parts[-1] + suffix)
        if candidate.is_file() and outside_problem(
            candidate, ctx.base_dir.resolve(), ctx.limits.allow_outside
        ) is None:
            return candidate.resolve()
    return None


#: `SourceContext.memo` key: the form templates this audit reads (set by `collect`), so a
#: partial knows whether the templates including it are read too.
FORMS_READ = "forms:read"


def includers(root: Path, ctx: SourceContext) -> dict[Path, tuple[Path, ...]]:
    """Each partial some template of the views folder includes -> those templates, once per audit."""
    key = f"blade:includers:{root}"
    memo = ctx.memo
    known = memo.get(key)
    if isinstance(known, dict):
        return known
    found: dict[Path, set[Path]] = {}
    base = ctx.base_dir.resolve()
    for path in template_files(root, (".blade.php",), _MAX_INDEXED):
        if outside_problem(path, base, ctx.limits.allow_outside) is not None:
            continue  # a template outside the project includes nothing of it
        shown = ctx.shown(path)
        try:
            text = read_text(path, shown, limits=ctx.limits)
        except SourceError:
            continue  # read as a source, it is reported there
        if "@" not in text:
            continue
        for inc in find_includes(blanked(text), text):
            target = next(
                (t for v in inc.views if (t := resolve_view(v, root, ctx)) is not None), None
            )
            if target is not None and target != path.resolve():
                found.setdefault(target, set()).add(path.resolve())
    result = {k: tuple(sorted(v)) for k, v in found.items()}
    memo[key] = result
    return result


# ---------------------------------------------------------------- printing a partial


@dataclass(frozen=True)
class Partial:
    """A partial printed for one include: the markup the reader reads for the site."""

    text: str
    path: Path
    shown: str
    view: str


def load(path: Path, ctx: SourceContext) -> str | None:
    """A partial's text, read once per audit; None when it cannot be read."""
    return read_once(path, ctx, "blade:partial")


def printed(
    text: str, data: dict[str, str], computed: dict[str, str]
) -> tuple[str, list[tuple[int, int]]]:
    """The partial with each plain echo of a key the site gives literally printed as the value.

    `{{ $name }}`, `{{$name}}`, `{!! $name !!}` and `{{ $name ?? 'default' }}` (the default
    when the site does not give the key); any other echo (`{{ old($name) }}`) stays code.
    Also where, in the printed text, each value stands (what the site decided).
    """
    code, _ = blank_php(text)
    tokens = Scanner(code, smarty=False, razor=False).run()
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = size = 0
    for tok in tokens:
        if tok.kind != EXPR:
            continue
        piece = text[tok.start : tok.end]
        if not piece.startswith(("{{", "{!!")) or piece.startswith("{{--"):
            continue
        value = _echo_value(piece, data, computed)
        if value is None or any(ch in _UNSAFE for ch in value):
            continue
        shown = html.escape(value, quote=True)
        size += tok.start - pos
        out.extend((text[pos : tok.start], shown))
        spans.append((size, size + len(shown)))
        size += len(shown)
        pos = tok.end
    out.append(text[pos:])
    return "".join(out), spans


def _echo_value(piece: str, data: dict[str, str], computed: dict[str, str]) -> str | None:
    inner = piece[3:-3] if piece.startswith("{!!") else piece[2:-2]
    if "$" not in inner:
        return None
    shape = _echo_shape(inner.strip())
    if shape is None:
        return None
    var, default = shape
    if var in data:
        return data[var]
    if var in computed:
        return None
    return default


@functools.lru_cache(maxsize=4096)
def _echo_shape(inner: str) -> tuple[str, str | None] | None:
    """An echo that prints one variable: its name and the `??` default's literal, else None.

    Cached: a partial included 300 times holds the same few echoes.
    """
    tree = parse_php(inner)
    if tree is None:
        return None
    stmt = next((c for c in tree.root_node.named_children if c.type == "expression_statement"), None)
    expr = stmt.named_children[0] if stmt is not None and stmt.named_children else None
    if expr is None:
        return None
    if expr.type == "variable_name":
        return _text(expr).lstrip("$"), None
    if expr.type == "binary_expression":
        op = expr.child_by_field_name("operator")
        left = expr.child_by_field_name("left")
        right = expr.child_by_field_name("right")
        if op is not None and _text(op) == "??" and left is not None and left.type == "variable_name":
            return _text(left).lstrip("$"), value_text(right)
    return None
