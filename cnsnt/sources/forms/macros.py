"""Controls drawn by Twig, Jinja and Nunjucks macros, read through the call's literal arguments.

`{{ form.input('login', 'Login', user.login) }}` draws whatever the macro
`input` of the imported file draws: `<input name="{{ name }}">` with `name`
bound to `'login'` is the field `login`. This module finds a template's
macros and imports, binds a call's arguments to the macro's parameters, and
expands the macro's body into markup: each `{{ expr }}` whose value the
literal arguments decide is printed, each `{% if %}` they decide keeps only
its branch; what they do not decide stays template code. The reader
(`html_form`) then reads that markup as it reads any template, and places
what it finds at the call.

Each piece of template code (an import, a macro signature, a call, a
condition) is parsed with Jinja2's own parser, which reads Twig's expressions
too; a whole Twig file often is not Jinja2 (`?:`, `{% elseif %}`, named
`{% endmacro x %}`), so the files themselves are cut into pieces by the
template scanner (`templates`). A piece Jinja2 cannot parse decides nothing:
its call stays unread (and reported) as before. Nothing is ever rendered.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import html
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from jinja2 import nodes

from cnsnt.errors import SourceError
from cnsnt.sources.base import SKIP_DIRS, SourceContext, outside_problem, read_text
from cnsnt.sources.forms.template_php import blank_php
from cnsnt.sources.forms.templates import BRANCH, CLOSE, EXPR, IF, OPEN, RENDER, STMT, Scanner, Token

#: Parses pieces of template code; never renders (autoescape set as the standard asks).
_ENV = jinja2.Environment(autoescape=True)
#: Suffixes of files an import may name, indexed when it is not found beside the template.
_TEMPLATE_SUFFIXES = (".twig", ".html", ".htm", ".jinja", ".jinja2", ".j2", ".njk", ".tpl")
#: At most this many files are indexed (a huge tree is searched no further).
_MAX_INDEXED = 200_000
#: Macro calls expanded inside a macro's body, at most this deep.
MAX_DEPTH = 3
#: `if`/`for` blocks of a macro body read inside one another, at most (deeper: kept as
#: written, so a hostile nest costs neither the stack nor time squared).
MAX_BLOCK_DEPTH = 64
#: Macro calls expanded for one source file, nested ones included (a bound on the work).
MAX_EXPANSIONS = 5_000
#: A decided value larger than this (characters of its strings plus its items) is not
#: decided: `{% set a = a ~ a %}` repeated doubles a string, `[a, a]` a nested list.
MAX_VALUE = 100_000
_MAX_VALUE_DEPTH = 32
#: A value printed into the expanded markup must not open template code or a tag.
_UNSAFE = frozenset("{}<>%")


class _Unknown:
    """A value the literal arguments do not decide."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = _Unknown()


@dataclass(frozen=True)
class _Unread:
    """An argument written as a variable (`trad.login`), not as a literal.

    Unknown when evaluated; printed between tags as that variable, as the caller's
    template prints it.
    """

    source: str
#: A key a literal hash does not have (null in Twig, but not `defined`).
_MISSING = object()


@dataclass(frozen=True)
class Macro:
    """One `{% macro name(params) %}`: its parameters, their default values, its body."""

    name: str
    params: tuple[str, ...]
    defaults: dict[str, object]
    body_start: int
    body_end: int


@dataclass
class MacroFile:
    """A template's macros and imports, and its text and tokens for expanding a body."""

    path: Path
    shown: str
    code: str
    tokens: list[Token]
    macros: dict[str, Macro] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    """`{% import 'x' as f %}`: alias -> the template named ('' for `_self`)."""
    imported: dict[str, tuple[str, str]] = field(default_factory=dict)
    """`{% from 'x' import a as b %}`: b -> (template named, macro a)."""

    def in_macro(self, offset: int) -> bool:
        """True when `offset` lies in the body of a macro: what it draws, its calls draw."""
        return any(m.body_start <= offset < m.body_end for m in self.macros.values())


@dataclass(frozen=True)
class Expansion:
    """A call's macro body as markup: what the reader reads for the call."""

    text: str
    path: Path
    shown: str
    callee: str
    calls: MacroCalls
    """Macro calls inside the body, resolved in the file that defines it."""


@functools.lru_cache(maxsize=1024)
def _parse(code: str) -> tuple[nodes.Node, ...] | None:
    """The nodes of a piece of template code, or None when Jinja2 cannot parse it.

    Cached: a macro's body is expanded once per call, its pieces parsed once (the nodes
    are only read, never changed).
    """
    try:
        return tuple(_ENV.parse(code).body)
    except (jinja2.TemplateSyntaxError, RecursionError, ValueError):
        return None


def _inner(code: str) -> str:
    """A `{% ... %}` tag's code without its delimiters and whitespace control."""
    return code[2:-2].strip().strip("-+~").strip()


def _keyword(code: str) -> str:
    inner = _inner(code)
    end = 0
    while end < len(inner) and (inner[end].isalnum() or inner[end] == "_"):
        end += 1
    return inner[:end].lower()


def scan(text: str, path: Path, shown: str) -> MacroFile:
    """The macros and imports of a template (its text scanned as the reader scans it)."""
    code, php_tokens = blank_php(text)
    tokens = Scanner(code, smarty=False, razor=False).run()
    return macro_file(code, sorted(php_tokens + tokens, key=lambda t: t.start), path, shown)


def macro_file(code: str, tokens: list[Token], path: Path, shown: str) -> MacroFile:
    """The macros and imports among a scanned template's tokens."""
    found = MacroFile(path, shown, code, tokens)
    open_macro: tuple[str, tuple[str, ...], dict[str, object], int] | None = None
    for tok in tokens:
        piece = code[tok.start : tok.end]
        if tok.kind != STMT or not piece.startswith("{%"):
            continue
        word = _keyword(piece)
        if word == "macro" and open_macro is None:
            parsed = _parse(piece + "{% endmacro %}")
            node = parsed[0] if parsed and len(parsed) == 1 else None
            if isinstance(node, nodes.Macro):
                params = tuple(a.name for a in node.args)
                first = len(params) - len(node.defaults)
                defaults = {params[first + i]: _literal(d, {}) for i, d in enumerate(node.defaults)}
                open_macro = (node.name, params, defaults, tok.end)
        elif word == "endmacro" and open_macro is not None:
            name, params, defaults, start = open_macro
            found.macros.setdefault(name, Macro(name, params, defaults, start, tok.start))
            open_macro = None
        elif word in ("import", "from"):
            for node in _parse(piece) or ():
                _note_import(found, node)
    return found


def _note_import(found: MacroFile, node: nodes.Node) -> None:
    if isinstance(node, nodes.Import | nodes.FromImport):
        template = node.template
        if isinstance(template, nodes.Name) and template.name == "_self":
            name = ""
        elif isinstance(template, nodes.Const) and isinstance(template.value, str):
            name = template.value
        else:
            return  # a template chosen at run time
        if isinstance(node, nodes.Import):
            found.aliases.setdefault(node.target, name)
            return
        for item in node.names:
            macro, alias = item if isinstance(item, tuple) else (item, item)
            found.imported.setdefault(alias, (name, macro))


# ---------------------------------------------------------------- values of expressions


def _truth(value: object) -> bool | _Unknown:
    """PHP's (and so Twig's) truth: null, false, 0, '', '0' and an empty array are false."""
    if value is UNKNOWN:
        return UNKNOWN
    if value is _MISSING or value is None:
        return False
    if isinstance(value, str):
        return value not in ("", "0")
    if isinstance(value, bool | int | float):
        return bool(value)
    if isinstance(value, list | dict):
        return bool(value)
    return UNKNOWN


def _equal(a: object, b: object) -> bool | _Unknown:
    """Equality of two decided values, where Twig's loose comparison is not in doubt."""
    if a is UNKNOWN or b is UNKNOWN:
        return UNKNOWN
    a = None if a is _MISSING else a
    b = None if b is _MISSING else b
    if a is None or b is None:
        other = b if a is None else a
        return other is None or _truth(other) is False
    if isinstance(a, bool) or isinstance(b, bool):
        return _truth(a) == _truth(b)
    if isinstance(a, int | float) and isinstance(b, int | float):
        return a == b
    if isinstance(a, str) and isinstance(b, str):
        return a == b
    if isinstance(a, int | float) or isinstance(b, int | float):
        text = b if isinstance(a, int | float) else a
        num = a if isinstance(a, int | float) else b
        try:
            return float(str(text)) == num
        except ValueError:
            return UNKNOWN  # PHP 7 and 8 differ here
    return UNKNOWN


def _literal(node: nodes.Node, scope: dict[str, object]) -> object:
    """The value of an expression given the decided names in `scope`, else UNKNOWN."""
    if isinstance(node, nodes.Const):
        return node.value
    if isinstance(node, nodes.Name):
        if node.name in scope:
            value = scope[node.name]
            return UNKNOWN if isinstance(value, _Unread) else value
        return None if node.name in ("null", "none") else UNKNOWN
    if isinstance(node, nodes.Getattr | nodes.Getitem):
        base = _literal(node.node, scope)
        if isinstance(node, nodes.Getattr):
            key: object = node.attr
        else:
            key = _literal(node.arg, scope)
        if base is UNKNOWN or key is UNKNOWN:
            return UNKNOWN
        if base is None or base is _MISSING:
            return _MISSING
        if isinstance(base, dict):
            return base.get(key, _MISSING) if isinstance(key, str | int) else UNKNOWN
        if isinstance(base, list) and isinstance(key, int) and not isinstance(key, bool):
            return base[key] if -len(base) <= key < len(base) else _MISSING
        if isinstance(base, list) and not base:
            return _MISSING  # `options = []` is Twig's empty hash as well
        return UNKNOWN
    if isinstance(node, nodes.Dict | nodes.List | nodes.Tuple | nodes.Concat):
        value = _built(node, scope)
        return value if _size(value, MAX_VALUE) <= MAX_VALUE else UNKNOWN
    if isinstance(node, nodes.Filter):
        return _filtered(node, scope)
    if isinstance(node, nodes.CondExpr):
        test = _truth(_literal(node.test, scope))
        if test is UNKNOWN:
            return UNKNOWN
        if test:
            return _literal(node.expr1, scope)
        return _literal(node.expr2, scope) if node.expr2 is not None else None
    if isinstance(node, nodes.Not):
        inner = _truth(_literal(node.node, scope))
        return UNKNOWN if inner is UNKNOWN else not inner
    if isinstance(node, nodes.And | nodes.Or):
        left = _truth(_literal(node.left, scope))
        right = _truth(_literal(node.right, scope))
        stop = isinstance(node, nodes.Or)  # the value that decides alone
        if left is stop or right is stop:
            return stop
        return UNKNOWN if UNKNOWN in (left, right) else not stop
    if isinstance(node, nodes.Compare):
        return _compare(node, scope)
    if isinstance(node, nodes.Test):
        return _test(node, scope)
    if isinstance(node, nodes.Call):
        value = _dict_call(node, scope)
        return value if _size(value, MAX_VALUE) <= MAX_VALUE else UNKNOWN
    return UNKNOWN


def _dict_call(node: nodes.Call, scope: dict[str, object]) -> object:
    """Jinja's `dict(hash, key=value, **other)`: the hashes merged, a later key over an earlier.

    Pug's `+inner()(required)&attributes(attributes)` hands a mixin's attributes on so (`pug`).
    """
    named_dict = isinstance(node.node, nodes.Name) and node.node.name == "dict"
    if not named_dict or node.dyn_args or len(node.args) > 1:
        return UNKNOWN
    out: dict[object, object] = {}
    for part in (*node.args, node.dyn_kwargs):
        if part is None:
            continue
        value = _literal(part, scope)
        if not isinstance(value, dict):
            return UNKNOWN
        out.update(value)
    for kw in node.kwargs:
        out[kw.key] = _literal(kw.value, scope)
    return out


def _built(node: nodes.Node, scope: dict[str, object]) -> object:
    """A hash, list or `~` concatenation of decided values (`_literal` bounds its size)."""
    if isinstance(node, nodes.Dict):
        out: dict[object, object] = {}
        for pair in node.items:
            if isinstance(pair.key, nodes.Name):
                k: object = pair.key.name  # Twig's `{name: 'x'}`: the key is the word
            else:
                k = _literal(pair.key, scope)
            if not isinstance(k, str | int) or isinstance(k, bool):
                return UNKNOWN
            out[k] = _literal(pair.value, scope)
        return out
    if isinstance(node, nodes.List | nodes.Tuple):
        return [_literal(item, scope) for item in node.items]
    if isinstance(node, nodes.Concat):
        parts = [_printed(_literal(n, scope)) for n in node.nodes]
        if any(p is None for p in parts) or sum(len(p or "") for p in parts) > MAX_VALUE:
            return UNKNOWN
        return "".join(p or "" for p in parts)
    return UNKNOWN


def _size(value: object, budget: int) -> int:
    """The size of a decided value, counted no further than just past `budget`.

    Iterative, and a list or hash nested deeper than `_MAX_VALUE_DEPTH` counts as too large
    (`{% set a = [a] %}` repeated nests without growing much; readers recurse into it).
    """
    total = 0
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack and total <= budget:
        item, depth = stack.pop()
        if isinstance(item, str):
            total += len(item)
        elif isinstance(item, list | dict):
            if depth >= _MAX_VALUE_DEPTH:
                return budget + 1
            total += 1
            items = (*item.keys(), *item.values()) if isinstance(item, dict) else item
            stack.extend((i, depth + 1) for i in items)
        else:
            total += 1
    return total

def _printed(value: object) -> str | None:
    """What `{{ value }}` prints: null prints nothing; None when not decided or not text."""
    if value is None or value is _MISSING:
        return ""
    if isinstance(value, bool):
        return "1" if value else ""
    if isinstance(value, str | int | float):
        return str(value)
    return None


def _filtered(node: nodes.Filter, scope: dict[str, object]) -> object:
    if node.node is None:
        return UNKNOWN
    base = _literal(node.node, scope)
    if node.name in ("e", "escape", "raw"):
        return base  # escaping is done when the value is printed into the markup
    if node.name == "default":
        if base is UNKNOWN:
            return UNKNOWN
        empty = base is None or base is _MISSING or base == "" or base == [] or base == {}
        if not empty:
            return base
        return _literal(node.args[0], scope) if node.args else ""
    if node.name == "trim" and not node.args and isinstance(base, str):
        return base.strip()
    return UNKNOWN


def _compare(node: nodes.Compare, scope: dict[str, object]) -> object:
    left = _literal(node.expr, scope)
    result: bool | _Unknown = True
    for op in node.ops:
        right = _literal(op.expr, scope)
        if op.op in ("eq", "ne"):
            same = _equal(left, right)
            one = same if same is UNKNOWN or op.op == "eq" else not same
        elif op.op in ("in", "notin") and isinstance(right, list):
            hits = [_equal(left, item) for item in right]
            found: bool | _Unknown = True if True in hits else UNKNOWN if UNKNOWN in hits else False
            one = found if found is UNKNOWN or op.op == "in" else not found
        else:
            return UNKNOWN
        if one is False:
            return False
        if one is UNKNOWN:
            result = UNKNOWN
        left = right
    return result


def _test(node: nodes.Test, scope: dict[str, object]) -> object:
    value = _literal(node.node, scope)
    if value is UNKNOWN:
        return UNKNOWN
    if node.name == "defined":
        return value is not _MISSING
    if node.name in ("null", "none"):
        return value is None or value is _MISSING
    if node.name == "empty":
        return value is None or value is _MISSING or value in ("", [], {})
    if node.name == "iterable":
        return isinstance(value, list | dict)
    return UNKNOWN


def _expression(code: str) -> nodes.Expr | None:
    """The one expression of `{{ ... }}`, or None.

    Twig's `a ?: b` and `a ?? b`, which Jinja2 does not know, are read when one of them
    joins expressions Jinja2 parses: `a ?: b` is `a if a else b`.
    """
    parsed = _parse(code)
    if parsed and len(parsed) == 1 and isinstance(parsed[0], nodes.Output):
        exprs = [n for n in parsed[0].nodes if not isinstance(n, nodes.TemplateData)]
        if len(exprs) == 1:
            return exprs[0]
        return None
    inner = code[2:-2].strip().strip("-~").strip()
    for op in ("?:", "??"):
        parts = _split_top(inner, op)
        if parts is None:
            continue
        pieces = [_expression("{{ " + part + " }}") for part in parts]
        if any(p is None for p in pieces):
            return None
        expr = pieces[-1]
        for piece in reversed(pieces[:-1]):
            assert piece is not None and expr is not None
            test: nodes.Expr = piece
            if op == "??":
                test = nodes.And(
                    nodes.Test(piece, "defined", [], [], None, None),
                    nodes.Not(nodes.Test(piece, "none", [], [], None, None)),
                )
            expr = nodes.CondExpr(test, piece, expr)
        return expr
    return None


def _split_top(code: str, op: str) -> list[str] | None:
    """`code` cut at each `op` outside quotes and brackets; None when there is none."""
    parts: list[str] = []
    depth, quote, i, last = 0, "", 0, 0
    while i < len(code):
        c = code[i]
        if quote:
            if c == "\\":
                i += 2
                continue
            if c == quote:
                quote = ""
        elif c in "'\"":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif depth == 0 and code.startswith(op, i):
            parts.append(code[last:i])
            i += len(op)
            last = i
            continue
        i += 1
    if not parts:
        return None
    return [*parts, code[last:]]


def _condition(code: str) -> nodes.Expr | None:
    """The test of `{% if x %}` / `{% elseif x %}` / `{% elif x %}`."""
    inner = _inner(code)
    word = _keyword(code)
    return _expression("{{ " + inner[len(word) :] + " }}")


# ---------------------------------------------------------------- expanding a body


class _Expander:
    """Print a macro body with what its scope decides; keep the rest as template code."""

    def __init__(self, found: MacroFile, start: int, end: int) -> None:
        self.code = found.code
        first = bisect.bisect_left(found.tokens, start, key=lambda t: t.start)
        last = bisect.bisect_left(found.tokens, end, lo=first, key=lambda t: t.start)
        self.tokens = [t for t in found.tokens[first:last] if t.end <= end]
        self.start, self.end = start, end
        self.in_tag = False
        """Whether the markup printed so far ends inside a start tag (`<input name="`)."""
        self.nesting = 0
        """`if`/`for` blocks open around the current one; deeper ones are kept as written."""

    def _text(self, out: list[str], text: str) -> None:
        """Markup of the body, printed as written."""
        lt, gt = text.rfind("<"), text.rfind(">")
        if lt != gt:
            self.in_tag = lt > gt
        out.append(text)

    def run(self, scope: dict[str, object]) -> str:
        """The body as markup."""
        out: list[str] = []
        self._span(0, len(self.tokens), self.start, self.end, dict(scope), out)
        return "".join(out)

    def _block(self, i: int, hi: int) -> tuple[list[int], int]:
        """For the IF/OPEN token i: its branch tokens and its closing token (hi: unclosed)."""
        depth, branches = 0, []
        syntax = self.tokens[i].name.partition(":")[0]
        for j in range(i + 1, hi):
            t = self.tokens[j]
            if t.name.partition(":")[0] != syntax:
                continue
            if t.kind in (IF, OPEN):
                depth += 1
            elif t.kind == BRANCH and depth == 0:
                branches.append(j)
            elif t.kind == CLOSE:
                if depth == 0:
                    return branches, j
                depth -= 1
        return branches, hi

    def _span(self, lo: int, hi: int, start: int, end: int, scope: dict[str, object], out: list[str]) -> None:
        """Tokens lo..hi (exclusive), lying between offsets start and end."""
        code, pos, i = self.code, start, lo
        while i < hi:
            t = self.tokens[i]
            self._text(out, code[pos : t.start])
            piece = code[t.start : t.end]
            block = t.kind in (IF, OPEN) and t.name in ("jinja:if", "jinja:for")
            if block and self.nesting < MAX_BLOCK_DEPTH:
                branches, close = self._block(i, hi)
                self.nesting += 1
                try:
                    if t.name == "jinja:if":
                        self._if(i, branches, close, hi, end, scope, out)
                    else:
                        self._for(i, close, hi, end, scope, out)
                finally:
                    self.nesting -= 1
                pos = self.tokens[close].end if close < hi else end
                i = close + 1
                continue
            if t.kind in (EXPR, RENDER) and piece.startswith("{{"):
                out.append(_print(piece, scope, in_tag=self.in_tag))
            else:
                if t.kind == STMT and _keyword(piece) == "set":
                    expr = _assigned(piece)
                    for name in _stored(piece) or _stored(piece + "{% endset %}"):
                        scope[name] = _literal(expr, scope) if expr is not None else UNKNOWN
                out.append(piece)
            pos = t.end
            i += 1
        self._text(out, code[pos:end])

    def _tag(self, j: int, hi: int) -> str:
        return self.code[self.tokens[j].start : self.tokens[j].end] if j < hi else ""

    def _body(
        self, head: int, stop: int, hi: int, end: int, scope: dict[str, object], out: list[str]
    ) -> None:
        body_end = self.tokens[stop].start if stop < hi else end
        self._span(head + 1, stop, self.tokens[head].end, body_end, scope, out)

    def _for(self, i: int, close: int, hi: int, end: int, scope: dict[str, object], out: list[str]) -> None:
        """A loop: its variables shadow the macro's; its tags are kept."""
        piece = self._tag(i, hi)
        inner = dict(scope)
        for name in (*_stored(piece + "{% endfor %}"), "loop"):
            inner[name] = UNKNOWN
        out.append(piece)
        self._body(i, close, hi, end, inner, out)
        out.append(self._tag(close, hi))

    def _if(
        self,
        i: int,
        branches: list[int],
        close: int,
        hi: int,
        end: int,
        scope: dict[str, object],
        out: list[str],
    ) -> None:
        """An `if`: only its decided branch, else every branch with its tags kept."""
        heads = [i, *branches]
        stops = [*branches, close]
        decided: int | None = None
        for k, head in enumerate(heads):
            piece = self._tag(head, hi)
            if _keyword(piece) == "else":
                decided = k
                break
            cond = _condition(piece)
            truth = _truth(_literal(cond, scope)) if cond is not None else UNKNOWN
            if truth is UNKNOWN:
                break
            if truth:
                decided = k
                break
        else:
            return  # every test false and no else: nothing is printed
        if decided is not None:
            self._body(heads[decided], stops[decided], hi, end, scope, out)
            return
        for k, head in enumerate(heads):
            out.append(self._tag(head, hi))
            self._body(head, stops[k], hi, end, dict(scope), out)
        out.append(self._tag(close, hi))


def _stored(code: str) -> list[str]:
    """Names a `{% set %}` or `{% for %}` tag assigns."""
    parsed = _parse(code)
    node = parsed[0] if parsed else None
    target = getattr(node, "target", None)
    if isinstance(target, nodes.Name):
        return [target.name]
    if isinstance(target, nodes.Tuple):
        return [n.name for n in target.items if isinstance(n, nodes.Name)]
    return []


def _assigned(code: str) -> nodes.Expr | None:
    parsed = _parse(code)
    node = parsed[0] if parsed else None
    if isinstance(node, nodes.Assign) and isinstance(node.node, nodes.Expr):
        return node.node
    return None


def _print(piece: str, scope: dict[str, object], *, in_tag: bool) -> str:
    """`{{ expr }}` printed when the scope decides it, else left as template code.

    Text between tags that an argument not written as a literal (or a loop variable)
    prints is unknown: it is printed as nothing, so the reader takes no label from the
    parameter's name.
    """
    expr = _expression(piece)
    if expr is None:
        return piece
    if isinstance(expr, nodes.Filter) and expr.name == "xmlattr" and expr.node is not None and in_tag:
        return _xmlattr(expr.node, scope) or piece
    call = expr.node if isinstance(expr, nodes.Filter) else expr
    if isinstance(call, nodes.Call):
        return _call_text(call, scope) or piece
    bare = expr.node if isinstance(expr, nodes.Filter) and expr.name in ("e", "escape") else expr
    unread = scope.get(bare.name) if isinstance(bare, nodes.Name) else None
    if isinstance(unread, _Unread) and not in_tag:
        return "{{ " + unread.source + " }}"
    text = _printed(_literal(expr, scope))
    if text is None:
        names = [expr, *expr.find_all(nodes.Name)]
        from_call = any(isinstance(n, nodes.Name) and n.name in scope for n in names)
        return "" if from_call and not in_tag else piece
    if any(ch in _UNSAFE for ch in text):
        return piece
    return html.escape(text, quote=True)


#: Attributes HTML reads by presence, written bare when true (`required`), else left out.
_PRESENCE = frozenset(
    {"checked", "selected", "disabled", "readonly", "required", "multiple", "hidden", "autofocus"}
)


def _xmlattr(node: nodes.Expr, scope: dict[str, object]) -> str | None:
    """`{{ attrs|xmlattr }}` in a tag, the hash decided: its attributes written out; None when not.

    Jinja's filter writes a hash as attributes (`{'name': 'email', 'required': true}` ->
    ` name="email" required`); Pug's `&attributes(attributes)` is written as it (`pug`), so
    a mixin call's attributes reach the tag. An entry no literal decides stays template code.
    """
    value = _literal(node, scope)
    if not isinstance(value, dict):
        return None
    source = node.name if isinstance(node, nodes.Name) else None
    out: list[str] = []
    for key, item in value.items():
        if not isinstance(key, str) or not key or any(c in key for c in "\"'<>/= \t\r\n{}%"):
            continue
        if item is True or (key.lower() in _PRESENCE and item == key):
            out.append(f" {key}")
        elif item is False or item is None or item is _MISSING:
            continue
        elif isinstance(item, str | int | float) and not any(ch in _UNSAFE for ch in str(item)):
            out.append(f' {key}="{html.escape(str(item), quote=True)}"')
        elif source is None:
            return None
        elif key.lower() in _PRESENCE:
            out.append(f" {{% if {source}['{key}'] %}}{key}{{% endif %}}")
        else:
            out.append(f' {key}="{{{{ {source}[\'{key}\'] }}}}"')
    return "".join(out) or " "


def _call_text(call: nodes.Call, scope: dict[str, object]) -> str | None:
    """A call inside a body, its arguments written as the values the scope gives them.

    `{{ _self.inner(n ~ '_x') }}` with n = 'a' is `{{ _self.inner('a_x') }}`, for the
    reader to expand in turn; None when the callee is not a plain name.
    """
    callee = _dotted(call.node)
    if callee is None or call.dyn_args or call.dyn_kwargs:
        return None
    args = [_argument(a, scope) for a in call.args]
    args += [f"{kw.key}={_argument(kw.value, scope)}" for kw in call.kwargs]
    return "{{ " + callee + "(" + ", ".join(args) + ") }}"


#: A name no scope binds: an argument whose value is not decided.
_UNREAD = "_cnsnt_unread_"


def _argument(node: nodes.Expr, scope: dict[str, object]) -> str:
    """An argument of a call inside a body, as the nested call is given it."""
    bound = scope.get(node.name) if isinstance(node, nodes.Name) else None
    if isinstance(bound, _Unread):
        return bound.source
    return _source(_literal(node, scope))


def _source(value: object) -> str:
    """A decided value written as a template literal; `_UNREAD` for the rest."""
    if value is None or value is _MISSING:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str) and not any(ch in _UNSAFE for ch in value):
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
    if isinstance(value, list):
        return "[" + ", ".join(_source(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_source(k)}: {_source(v)}" for k, v in value.items()) + "}"
    return _UNREAD


# ---------------------------------------------------------------- calls and imports


class MacroCalls:
    """Resolve the macro calls of one template and expand them."""

    def __init__(
        self, found: MacroFile, ctx: SourceContext, depth: int = 0, budget: list[int] | None = None
    ) -> None:
        self.found = found
        self.ctx = ctx
        self.depth = depth
        self.budget = budget if budget is not None else [MAX_EXPANSIONS]
        """Expansions left for the whole source file, shared with the nested calls."""

    @property
    def spent(self) -> bool:
        """True once the file's bound on expansions is reached: later calls are not read."""
        return self.budget[0] <= 0

    def expand(self, code: str) -> Expansion | None:
        """The markup the `{{ call(...) }}` in `code` draws, or None when it is no known macro."""
        found = self.found
        if (
            self.depth >= MAX_DEPTH
            or self.budget[0] <= 0
            or not (found.macros or found.aliases or found.imported)
            or not code.startswith("{{")
            or "(" not in code
        ):
            return None
        expr = _expression(code)
        while isinstance(expr, nodes.Filter) and expr.node is not None:
            expr = expr.node  # `{{ form.input(...)|raw }}`
        if not isinstance(expr, nodes.Call) or expr.dyn_args or expr.dyn_kwargs:
            return None
        target = self._target(expr.node)
        if target is None:
            return None
        where, macro = target
        scope: dict[str, object] = {p: macro.defaults.get(p) for p in macro.params}
        for name, arg in zip(macro.params, expr.args, strict=False):
            scope[name] = _bound(arg)
        for kw in expr.kwargs:
            if kw.key in scope:
                scope[kw.key] = _bound(kw.value)
        if len(expr.args) > len(macro.params):
            scope["varargs"] = UNKNOWN
        self.budget[0] -= 1
        text = _Expander(where, macro.body_start, macro.body_end).run(scope)
        callee = _dotted(expr.node) or macro.name
        nested = MacroCalls(where, self.ctx, self.depth + 1, self.budget)
        return Expansion(text, where.path, where.shown, callee, nested)

    def _target(self, node: nodes.Node) -> tuple[MacroFile, Macro] | None:
        found = self.found
        where: MacroFile | None
        if isinstance(node, nodes.Name):
            if node.name in found.imported:
                template, macro = found.imported[node.name]
                where = self._load(template)
                return (where, where.macros[macro]) if where and macro in where.macros else None
            return (found, found.macros[node.name]) if node.name in found.macros else None
        if isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name):
            alias = node.node.name
            if alias == "_self":
                where = found
            elif alias in found.aliases:
                where = self._load(found.aliases[alias])
            else:
                return None
            if where is not None and node.attr in where.macros:
                return where, where.macros[node.attr]
        return None

    def _load(self, template: str) -> MacroFile | None:
        """The file an import names, scanned once per audit; None when not found or unreadable."""
        if template == "":
            return self.found
        path = _find_template(template, self.found.path, self.ctx)
        if path is None:
            return None
        key = f"macros:file:{path}"
        memo = self.ctx.memo
        if key not in memo:
            memo[key] = None  # unreadable: its calls stay unread and are reported as before
            shown = self.ctx.shown(path)
            with contextlib.suppress(SourceError):
                memo[key] = scan(read_text(path, shown, limits=self.ctx.limits), path, shown)
        loaded = memo[key]
        return loaded if isinstance(loaded, MacroFile) else None


def _bound(arg: nodes.Expr) -> object:
    """A parameter's value from the call's argument: a literal's value, else the variable."""
    value = _literal(arg, {})
    source = _dotted(arg) if value is UNKNOWN else None
    return _Unread(source) if source and source != _UNREAD else value


def _dotted(node: nodes.Node) -> str | None:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        base = _dotted(node.node)
        return f"{base}.{node.attr}" if base else None
    return None


def _find_template(template: str, importer: Path, ctx: SourceContext) -> Path | None:
    """The file `{% import 'x' %}` names, or None.

    Beside the importer or in a folder above it (up to the project), else the file of
    the project whose path ends so, nearest the importer.
    """
    name = template.strip().replace("\\", "/")
    if name.startswith("@"):  # a Twig namespace (`@App/forms.html.twig`): its folder is configured
        name = name.partition("/")[2]
    name = name.lstrip("/")
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if not parts or ".." in parts:
        return None
    root = ctx.base_dir.resolve()
    allow = ctx.limits.allow_outside
    here = importer.resolve().parent
    for folder in (here, *here.parents):
        candidate = folder.joinpath(*parts)
        if candidate.is_file() and outside_problem(candidate, root, allow) is None:
            return candidate
        if folder == root:
            break
    matches = [
        p
        for p in _index(ctx).get(parts[-1], ())
        if p.parts[-len(parts) :] == tuple(parts) and outside_problem(p, root, allow) is None
    ]
    if not matches:
        return None

    def nearness(p: Path) -> tuple[int, str]:
        shared = 0
        for a, b in zip(p.parts, importer.resolve().parts, strict=False):
            if a != b:
                break
            shared += 1
        return -shared, p.as_posix()

    return min(matches, key=nearness)


def _index(ctx: SourceContext) -> dict[str, list[Path]]:
    """Template files of the project by file name, listed once per audit."""
    memo = ctx.memo
    index = memo.get("macros:index")
    if isinstance(index, dict):
        return index
    found: dict[str, list[Path]] = {}
    for path in _walk(ctx.base_dir.resolve()):
        found.setdefault(path.name, []).append(path)
    memo["macros:index"] = found
    return found


def _walk(root: Path) -> Iterator[Path]:
    count = 0
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
        for name in sorted(files):
            if name.lower().endswith(_TEMPLATE_SUFFIXES):
                count += 1
                if count > _MAX_INDEXED:
                    return
                yield Path(folder, name)
