"""Thymeleaf fragments drawn by `th:replace`/`th:insert`: their controls are the calling form's.

Spring apps (PetClinic is the reference) draw every field of a form with one fragment:
`<input th:replace="~{fragments/inputField :: input ('First Name', 'firstName', 'text')}" />`
with `<th:block th:fragment="input (label, name, type)">` holding
`<input th:field="*{__${name}__}" />` in `templates/fragments/inputField.html`.
The fragment alone names nothing; each call names a field of the form it sits in.

This module reads a call's fragment expression (template, fragment name, arguments),
finds the template under the `templates` folder (Spring Boot's `classpath:/templates/`)
and the element declaring the fragment, and prints that element with each parameter
the call gives literally put where Thymeleaf would put it: `__${name}__`
(preprocessing) becomes `firstName`, `th:for="${name}"` becomes `for="firstName"`,
`th:text="${label}"` the element's text, and a `th:switch="${type}"` keeps only its
matching `th:case`. The form reader (`html_form`) reads the printed fragment as it
reads a Blade partial, and places what it finds at the call. Nothing is evaluated
beyond literals: an argument that is code (`${types}`) leaves its parameter as written.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path

from cnsnt.blanks import blanks
from cnsnt.sources.base import SourceContext, outside_problem, read_once, template_files
from cnsnt.sources.forms.common import VOID_ELEMENTS
from cnsnt.sources.forms.html_page import Page
from cnsnt.sources.forms.templates import string_end

#: The attributes that call a fragment; `th:replace` takes the host element's place.
CALL_ATTRS = ("th:replace", "data-th-replace", "th:insert", "data-th-insert", "th:include", "data-th-include")
REPLACING = frozenset({"th:replace", "data-th-replace"})
_FRAGMENT_ATTRS = ("th:fragment", "data-th-fragment")
#: Fragments inside fragments read at most this deep; fragments printed per source file.
MAX_DEPTH = 4
MAX_EXPANSIONS = 5_000
#: A fragment expression longer than this is not read.
_MAX_CALL = 4_000
#: Files looked through for the templates calling a fragment (a huge tree: no further).
_MAX_INDEXED = 20_000
#: A value printed into the fragment must not open a tag or an expression.
_UNSAFE = frozenset("{}<>$*#@~")
#: A parameter reference: `${name}` or Thymeleaf's preprocessing `__${name}__`.
#: Linear: each try starts at `_` or `$`, then one identifier run and fixed text.
_PARAM_REF = re.compile(r"(?>(?:__)?)\$\{\s*+([A-Za-z_]\w*+)\s*+\}(?>(?:__)?)")


@dataclass(frozen=True)
class Call:
    """One fragment expression, as far as it is literal."""

    template: str | None
    """The template's name (`fragments/inputField`); '' for this file; None when computed."""
    fragment: str | None
    """The fragment's name (`input`); None for a markup selector (`#id`, `div.x`) or code."""
    positional: tuple[str | None, ...] = ()
    """Arguments in order: a literal's text, else None (code)."""
    named: dict[str, str | None] = field(default_factory=dict)
    raw_args: tuple[str, ...] = ()
    """The arguments as written, for messages."""

    @property
    def shown(self) -> str:
        """The fragment as messages name it: `fragments/inputField :: input`."""
        return f"{self.template or 'this'} :: {self.fragment or '?'}"


def parse_call(value: str) -> Call | None:
    """Read `~{fragments/inputField :: input ('Name', 'name', 'text')}` (also without `~{}`).

    None when the value is no fragment expression at all (a bare `${x}` is code).
    """
    text = value.strip()
    if len(text) > _MAX_CALL:
        return Call(None, None)
    if text.startswith("~{") and text.endswith("}"):
        text = text[2:-1].strip()
    elif text.startswith(("${", "*{", "#{", "@{")):
        return Call(None, None)  # a fragment chosen at runtime
    template, sep, selector = text.partition("::")
    template = template.strip()
    if not sep:  # `th:replace="fragments/footer"`: the whole template, no fragment named
        return Call(None if _computed(template) else template, None)
    if _computed(template) or template.startswith(("'", '"')):
        template_name: str | None = None if _computed(template) else template.strip("'\"")
    else:
        template_name = "" if template in ("", "this") else template
    head = _selector(selector)
    if head is None or template_name is None:
        return Call(template_name, None)
    fragment, inner = head
    args = _split(inner) if inner is not None else []
    if args is None:
        return Call(template_name, None)
    positional: list[str | None] = []
    named: dict[str, str | None] = {}
    for arg in args:
        key, sep, rest = arg.partition("=")
        if sep and key.strip().isidentifier() and not rest.startswith("="):
            named[key.strip()] = literal(rest)
        else:
            positional.append(literal(arg))
    return Call(template_name, fragment, tuple(positional), named, tuple(args))


def _selector(text: str) -> tuple[str, str | None] | None:
    """`input ('a', 'b')` -> ('input', "'a', 'b'"); `footer` -> ('footer', None); else None.

    Read with string operations, not a pattern: a selector is untrusted text.
    """
    text = text.strip()
    end = 0
    while end < len(text) and (text[end].isalnum() or text[end] in "_-"):
        end += 1
    name, rest = text[:end], text[end:].strip()
    if not name or not (name[0].isalpha() or name[0] == "_"):
        return None  # `#id`, `.class`, `[attr]`: a markup selector
    if not rest:
        return name, None
    if rest.startswith("(") and rest.endswith(")"):
        return name, rest[1:-1]
    return None


def _computed(text: str) -> bool:
    return any(mark in text for mark in ("${", "*{", "__", "#{", "@{"))


def _split(inner: str) -> list[str] | None:
    """Top-level comma-separated arguments; None when quotes or brackets do not close."""
    out: list[str] = []
    depth, start, i, n = 0, 0, 0, len(inner)
    while i < n:
        c = inner[i]
        if c in "'\"":
            j = string_end(inner, i, n)
            if j >= n:
                return None
            i = j + 1
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            out.append(inner[start:i].strip())
            start = i + 1
        i += 1
    if depth != 0:
        return None
    last = inner[start:].strip()
    if last or out:
        out.append(last)
    return out


def literal(arg: str) -> str | None:
    """A Thymeleaf literal's text: `'First Name'`, `42`, `true`; a message key `#{firstName}`.

    A message expression prints the translation of its key, which cnsnt has not read:
    the key stands for it (as a Symfony translation key stands for its label).
    """
    arg = arg.strip()
    if len(arg) >= 2 and arg[0] == "'" and arg[-1] == "'":
        body = arg[1:-1]
        if "'" in body.replace("\\'", ""):
            return None  # `'a' + 'b'`: an expression
        return body.replace("\\'", "'")
    if arg.startswith("#{") and arg.endswith("}") and _plain_key(arg[2:-1]):
        return arg[2:-1].strip()
    if arg in ("true", "false") or arg.replace(".", "", 1).isdigit():
        return arg
    return None


def _plain_key(key: str) -> bool:
    return bool(key.strip()) and all(ch.isalnum() or ch in "._-" for ch in key.strip())


# ---------------------------------------------------------------- templates


def templates_root(path: Path, top: Path | None) -> list[Path]:
    """The folders a template name may start from, nearest `templates` folder first.

    Spring Boot resolves `fragments/inputField` under `classpath:/templates/`; a project
    with another prefix is tried from each folder above the calling file, never above
    the project's folder.
    """
    here = path.resolve().parent
    limit = top.resolve() if top is not None else None
    if limit is not None and not here.is_relative_to(limit):
        limit = None
    folders = [here]
    for folder in here.parents:
        if limit is not None and not folder.is_relative_to(limit):
            break
        folders.append(folder)
    named = [f for f in folders if f.name == "templates"]
    return named + [f for f in folders if f not in named]


def resolve(call: Call, path: Path, ctx: SourceContext) -> Path | None:
    """The file of a call's template, or None (`''`: the calling file itself)."""
    if call.template == "":
        return path.resolve()
    name = (call.template or "").strip().lstrip("/")
    parts = [p for p in name.split("/") if p]
    if not parts or any(p in ("..", "~") or "\\" in p for p in parts):
        return None
    base = ctx.base_dir.resolve()
    for root in templates_root(path, ctx.base_dir):
        for suffix in ("", ".html", ".htm"):
            candidate = root.joinpath(*parts[:-1], parts[-1] + suffix)
            if candidate.is_file() and outside_problem(candidate, base, ctx.limits.allow_outside) is None:
                return candidate.resolve()
    return None


def load(path: Path, ctx: SourceContext) -> str | None:
    """A template's text, read once per audit; None when it cannot be read."""
    return read_once(path, ctx, "thymeleaf:template")


@dataclass(frozen=True)
class Fragment:
    """A `th:fragment` element: its name, parameters and where it stands in its file."""

    name: str
    params: tuple[str, ...]
    start: int
    end: int
    line: int = 1
    column: int = 1
    """Where it starts in its file: a call reads the fragment's text alone, placed there."""


def signature(value: str) -> tuple[str, tuple[str, ...]] | None:
    """`input (label, name, type)` -> ('input', ('label', 'name', 'type')); None if unreadable."""
    head = _selector(value)
    if head is None:
        return None
    params = tuple(p.strip() for p in (head[1] or "").split(",") if p.strip())
    if not all(p.isidentifier() for p in params):
        return None
    return head[0], params


def fragment_of(attrs: dict[str, str]) -> tuple[str, tuple[str, ...]] | None:
    """The fragment a tag's attributes (name -> value) declare, or None."""
    for key in _FRAGMENT_ATTRS:
        value = attrs.get(key)
        if value is not None:
            return signature(value)
    return None


def call_of(attrs: dict[str, str]) -> tuple[str, str] | None:
    """The fragment call a tag's attributes make: (attribute, value), or None."""
    for key in CALL_ATTRS:
        value = attrs.get(key)
        if value is not None and value.strip():
            return key, value
    return None


# ---------------------------------------------------------------- printing a fragment


@dataclass(frozen=True)
class Element:
    """A start tag of the fragment's file and its attributes, as the printer needs them."""

    start: int
    end: int
    """End of the start tag."""
    close: int | None
    """Start of its end tag; None for a void or unclosed element."""
    after: int
    """End of the whole element."""
    attrs: tuple[tuple[str, str | None, int, int, int, int], ...]
    """(lower-cased name, value as written, attribute start, value start, value end, attribute end)."""




def read_template(page: Page) -> tuple[list[Element], dict[str, Fragment]]:
    """A template's elements (for printing) and the fragments it declares, by name."""
    elements: list[Element] = []
    open_: list[tuple[str, int, int, tuple[tuple[str, str | None, int, int, int, int], ...]]] = []
    text = page.text
    for is_start, name, start, end in page.tag_events():
        if is_start:
            tag = page.tag(name, start, end)
            attrs = tuple(
                (a.name, a.raw, a.start, a.vstart, a.vend, a.vend + (text[a.vend : a.vend + 1] in ("'", '"')))
                for a in tag.attrs.values()
            )
            if name in VOID_ELEMENTS or text[max(start, end - 2) : end] == "/>":
                elements.append(Element(start, end, None, end, attrs))
            else:
                open_.append((name, start, end, attrs))
            continue
        for idx in range(len(open_) - 1, -1, -1):
            if open_[idx][0] == name:
                for _, s, e, a in open_[idx + 1 :]:  # never closed: they end here
                    elements.append(Element(s, e, None, start, a))
                _, s, e, a = open_[idx]
                elements.append(Element(s, e, start, text.find(">", start) + 1 or len(text), a))
                del open_[idx:]
                break
    for _, s, e, a in open_:
        elements.append(Element(s, e, None, len(text), a))
    elements.sort(key=lambda el: el.start)
    fragments: dict[str, Fragment] = {}
    for el in elements:
        declared = fragment_of({n: v for n, v, *_ in el.attrs if v is not None})
        if declared is not None and declared[0] not in fragments:
            name, params = declared
            at = page.location(el.start)
            fragments[name] = Fragment(name, params, el.start, el.after, at.line or 1, at.column or 1)
    return elements, fragments


def bind(fragment: Fragment, call: Call) -> tuple[dict[str, str], dict[str, str]]:
    """Parameters the call gives literally (name -> text), and those it gives as code."""
    given: dict[str, str] = {}
    code: dict[str, str] = {}
    if fragment.params and not call.named:
        pairs = list(zip(fragment.params, call.positional, call.raw_args, strict=False))
        for param, value, raw in pairs:
            if value is None:
                code[param] = raw
            else:
                given[param] = value
        return given, code
    for param, value in call.named.items():
        if value is None:
            code[param] = param
        else:
            given[param] = value
    return given, code


def printed(text: str, elements: list[Element], fragment: Fragment, given: dict[str, str]) -> str:
    """The fragment's element, with each parameter the call gives put where Thymeleaf puts it.

    Only the fragment's own text, from `fragment.start` (its line and column in the file
    are `fragment.line` and `fragment.column`): a call costs the fragment's size, not its
    file's, however many fragments the file holds.
    """
    edits: list[tuple[int, int, str]] = []
    # elements are in document order: find the fragment's by bisection, not by a scan of the file
    first = bisect_left(elements, fragment.start, key=lambda e: e.start)
    last = bisect_left(elements, fragment.end, lo=first, key=lambda e: e.start)
    inside = elements[first:last]
    switches: list[_Switch] = []
    dropped_until = -1
    for el in inside:
        if el.start < dropped_until:
            continue
        while switches and switches[-1].end <= el.start:
            switches.pop()
        attrs = {_thymeleaf_attr(name): value for name, value, *_ in el.attrs}
        case = attrs.get("case")
        if case is not None and switches and not switches[-1].keeps(case):
            edits.append((el.start, el.after, blanks(text[el.start : el.after])))
            dropped_until = el.after
            continue
        switch = attrs.get("switch")
        if switch is not None:
            switches.append(_Switch(el.after, _param_value(switch, given)))
        for name, value, astart, vstart, vend, aend in el.attrs:
            if value is None:
                continue
            plain = _thymeleaf_attr(name)
            whole = _param_value(value, given)
            if plain in ("text", "utext") and whole is not None and el.close is not None:
                edits.append((el.end, el.close, html.escape(whole)))
                continue
            if plain in _PRINTED_ATTRS and whole is not None:
                edits.append((astart, aend, f'{plain}="{html.escape(whole, quote=True)}"'))
                continue
            if "__" in value:
                new = _preprocessed(value, given)
                if new != value:
                    edits.append((vstart, vend, html.escape(new, quote=False).replace('"', "&quot;")))
    out: list[str] = []
    pos = fragment.start
    for start, end, new in sorted(edits):
        if start < pos:
            continue  # inside an element already dropped
        out.append(text[pos:start])
        out.append(_padded(new, text[start:end]))
        pos = end
    out.append(text[pos : fragment.end])
    return "".join(out)


@dataclass
class _Switch:
    """A `th:switch` being printed: the value the call decides, and whether a case took it."""

    end: int
    decided: str | None
    """The literal the switch's parameter is given; None when the call gives code."""
    matched: bool = False

    def keeps(self, case: str) -> bool:
        """Whether a `th:case` of this switch is printed, in document order.

        As Thymeleaf renders: the first case of the decided value, and `*` only when no
        case before it matched (after a match every other case is false). A switch on code
        keeps every case; a case cnsnt cannot read is kept while none has matched.
        """
        if self.decided is None:
            return True
        if self.matched:
            return False
        if case.strip() == "*":
            return True
        value = literal(case)
        if value is None:
            return True
        if value == self.decided:
            self.matched = True
            return True
        return False


#: Thymeleaf's `th:X="${param}"` printed as the plain attribute `X`.
_PRINTED_ATTRS = frozenset(
    {"for", "type", "name", "id", "value", "placeholder", "title", "aria-label", "label"}
)


def _thymeleaf_attr(name: str) -> str | None:
    """`th:for` / `data-th-for` -> `for`; None for a plain attribute."""
    for prefix in ("th:", "data-th-"):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return None


def _param_value(value: str, given: dict[str, str]) -> str | None:
    """The text `${param}` (the whole value) prints when the call gives it literally."""
    m = _PARAM_REF.fullmatch(value.strip())
    if m is None or value.strip().startswith("__"):
        return None
    got = given.get(m.group(1))
    return got if got is not None and not any(ch in _UNSAFE for ch in got) else None


def _preprocessed(value: str, given: dict[str, str]) -> str:
    """`*{__${name}__}` -> `*{firstName}`: Thymeleaf's preprocessing of a literal parameter."""

    def sub(m: re.Match[str]) -> str:
        whole = m.group(0)
        got = given.get(m.group(1))
        if not (whole.startswith("__") and whole.endswith("__")) or got is None:
            return whole
        return whole if any(ch in _UNSAFE for ch in got) else got

    return _PARAM_REF.sub(sub, value)


def _padded(new: str, old: str) -> str:
    """`new` in place of `old`, padded with blanks so the rest of the file keeps its offsets.

    A longer value than the text it replaces shifts what follows on that line only.
    """
    lines = old.count("\n")
    return new + "\n" * lines + " " * max(0, len(old) - len(new) - lines)


# ---------------------------------------------------------------- who calls a fragment


def callers(root: Path, ctx: SourceContext) -> dict[tuple[Path, str], tuple[Path, ...]]:
    """Each (template file, fragment name) some template under `root` calls -> those templates."""
    key = f"thymeleaf:callers:{root}"
    known = ctx.memo.get(key)
    if isinstance(known, dict):
        return known
    found: dict[tuple[Path, str], set[Path]] = {}
    base = ctx.base_dir.resolve()
    for path in template_files(root, (".html", ".htm"), _MAX_INDEXED):
        if outside_problem(path, base, ctx.limits.allow_outside) is not None:
            continue
        text = load(path, ctx)
        if text is None or ("th:" not in text and "data-th-" not in text):
            continue
        for value in _call_values(text):
            call = parse_call(value)
            if call is None or call.fragment is None or call.template is None:
                continue
            target = resolve(call, path, ctx)
            if target is not None:
                found.setdefault((target, call.fragment), set()).add(path.resolve())
    result = {k: tuple(sorted(v)) for k, v in found.items()}
    ctx.memo[key] = result
    return result


#: A call attribute's value, `th:replace` or its HTML5 spelling `data-th-replace` (see
#: `CALL_ATTRS`). Linear: each try starts at `th:` or `data-th-`, fixed words, then a run
#: of non-quote characters that the closing quote ends.
_CALL_VALUE = re.compile(
    r"""(?:\bth:|\bdata-th-)(?:replace|insert|include)\s*+=\s*+(?:"([^"]*+)"|'([^']*+)')"""
)


def _call_values(text: str) -> list[str]:
    return [m.group(1) if m.group(1) is not None else m.group(2) for m in _CALL_VALUE.finditer(text)]

