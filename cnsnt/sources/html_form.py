"""Forms in HTML files and server templates: controls, names, labels and roles, with line:column.

Template syntax (Jinja/Django/Twig, Smarty, Handlebars, Razor, ERB/ASP/JSP,
PHP, phpBB) is blanked out with spaces of the same length before the markup
goes to the stdlib HTML parser, so offsets, and so line:column, stay exact and
`{% if %}` or `<!-- IF -->` inside a tag cannot break it. The blanked
constructs are kept as tokens and consulted for what the markup alone cannot
tell: a `checked` printed only under a condition, a name that is an
expression, a partial or helper that renders a control.

The stdlib parser is used because it reports where each tag starts and keeps
`<script>` bodies opaque (a `<form>` in a JS string is not a form); html5lib
and BeautifulSoup report no columns, lxml no columns either.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from cnsnt.evidence import Evidence, FieldRole, Form, FormField, SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import LineIndex, SourceContext, line_col, read_text
from cnsnt.sources.forms import (
    form_evidence,
    form_stem,
    looks_like_consent,
    shorten,
    unnamed_problem,
    words,
)

# Token kinds.
EXPR = "expr"
"""Prints something (`{{ x }}`, `{$x}`, `<%= x %>`)."""
COMMENT = "comment"
STMT = "stmt"
"""Does something without a block (`{% set %}`, `{include}`, `@model`)."""
IF = "if"
"""Opens a conditional block."""
BRANCH = "branch"
"""`else` / `elif` of the innermost block of the same syntax."""
OPEN = "open"
"""Opens a block that is not a condition (loops, blocks, block partials)."""
CLOSE = "close"
RENDER = "render"
"""May render a form control: a partial, widget or form helper."""

#: A construct longer than this is not one (an unclosed `{{` in a script, say).
_MAX_TAG = 20_000
#: How many unreadable spots the HTML parser may skip in one file before giving up.
_MAX_PARSER_RETRIES = 20


@dataclass(frozen=True)
class Token:
    """One template construct, blanked in the markup the HTML parser sees."""

    start: int
    end: int
    kind: str
    name: str = ""
    """`syntax:block` for blocks (`jinja:if`, `hbs:each`, `razor:*`); for RENDER, what renders."""


# ---------------------------------------------------------------- PHP

_PHP_OPEN = re.compile(r"<\?(?:php\b|=|(?=\s))", re.IGNORECASE)
_HTML_IN_STRING = re.compile(r"<[A-Za-z!/]")
_TRANSLATE_CALL = re.compile(r"\b(?:tr|t|__|_|_e|gettext|trans|translate|lang)\s*\(\s*$")
_PHP_INTERPOLATION = re.compile(r"\{\$[^}]*\}|\$[A-Za-z_]\w*(?:->\w+|\[[^\]\n]*\])*")


def _php_code(text: str, pos: int) -> tuple[int, list[tuple[int, int, str, int]]]:
    """Scan PHP code from `pos` to its `?>` (or the end).

    Returns the end offset and the string literals as (opening quote, closing
    quote, quote char, bracket depth), strings and comments being skipped so a
    `?>` inside them does not end the block.
    """
    strings: list[tuple[int, int, str, int]] = []
    depth = 0
    i, n = pos, len(text)
    while i < n:
        c = text[i]
        if c in "'\"":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            strings.append((i, min(j, n), c, depth))
            i = j + 1
            continue
        if text.startswith("?>", i):
            return i + 2, strings
        if text.startswith("//", i) or (c == "#" and not text.startswith("#[", i)):
            while i < n and text[i] != "\n" and not text.startswith("?>", i):
                i += 1
            continue
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
            continue
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif c == ";":
            depth = 0
        i += 1
    return n, strings


def _php_kind(code: str) -> tuple[str, str]:
    """Classify template-style PHP (`<?php if ($x): ?>`, `<?php } else { ?>`, `<?= $x ?>`)."""
    low = code.strip().lower()
    opens_block = low.endswith((":", "{"))
    if re.match(r"\}?\s*(?:else\s*if|elseif|else)\b", low):
        return BRANCH, "php"
    if re.match(r"if\b", low) and opens_block:
        return IF, "php:if"
    m = re.match(r"end(if|foreach|for|while|switch)\b", low)
    if m:
        return CLOSE, f"php:{m.group(1)}"
    m = re.match(r"(foreach|for|while|switch)\b", low)
    if m and opens_block:
        return OPEN, f"php:{m.group(1)}"
    if re.fullmatch(r"\}\s*;?", low):
        return CLOSE, "php:*"
    return (EXPR if low.startswith(("echo", "print", "=")) else STMT), ""


def _php(text: str) -> tuple[str, list[Token]]:
    """Blank PHP blocks; in blocks that echo markup, keep the markup in their strings.

    `echo '<input name="x">';` keeps `<input name="x">` (and `tr('Label')`
    arguments, which are display text); code and other strings are blanked and
    become EXPR tokens. Blocks without markup are template tags: blanked whole
    and classified (if / else / endif ...).
    """
    if "<?" not in text:
        return text, []
    out = list(text)
    tokens: list[Token] = []
    i = 0
    while (m := _PHP_OPEN.search(text, i)) is not None:
        start = m.start()
        end, strings = _php_code(text, m.end())
        i = max(end, m.end())
        markup = [s for s in strings if _HTML_IN_STRING.search(text, s[0] + 1, s[1])]
        if not markup:
            inner = text[m.end() : end - 2 if text.startswith("?>", end - 2) else end]
            kind, name = _php_kind(("=" if m.group(0) == "<?=" else "") + inner)
            tokens.append(Token(start, end, kind, name))
            _blank(out, start, end)
            continue
        keep = [False] * (end - start)
        for qs, qe, quote, depth in strings:
            if depth and not _TRANSLATE_CALL.search(text, max(start, qs - 24), qs):
                continue
            for k in range(qs + 1, qe):
                keep[k - start] = True
            if quote == '"':
                for im in _PHP_INTERPOLATION.finditer(text, qs + 1, qe):
                    for k in range(im.start(), im.end()):
                        keep[k - start] = False
        run = None
        for k in range(start, end + 1):
            kept = k == end or keep[k - start]
            if not kept and run is None:
                run = k
            elif kept and run is not None:
                tokens.append(Token(run, k, EXPR))
                _blank(out, run, k)
                run = None
    return "".join(out), tokens


def _blank(out: list[str], start: int, end: int) -> None:
    """Spaces for every character but line breaks, so offsets and lines stay put."""
    for k in range(start, end):
        if out[k] not in "\r\n":
            out[k] = " "


# ---------------------------------------------------------------- other template syntaxes

_TRIGGERS = re.compile(r"\{|<[%!]")
_TRIGGERS_RAZOR = re.compile(r"[{}@]|<[%!]")
_WIDGET = re.compile(r"\{\[\s*\"")
_PHPBB = re.compile(
    r"<!--\s*(IF|ELSEIF|ELSE|ENDIF|BEGINELSE|BEGIN|END|INCLUDE\w*|EVENT|DEFINE|UNDEFINE|"
    r"ENDPHP|PHP)\b(?:(?!-->)[^\n])*-->"
)
_PHPBB_VAR = re.compile(r"\{(?:[a-z0-9_]+\.)*[A-Z][A-Z0-9_]*\}|\{\$[A-Z][A-Z0-9_]*\}")
_JINJA_IFS = frozenset({"if", "ifequal", "ifnotequal", "ifchanged"})
_SMARTY_CONTROLS = frozenset(
    {"html_options", "html_radios", "html_checkboxes", "html_select_date", "html_select_time"}
)
#: A partial or macro path that renders a control (`cmp-input/input`, `forms/select`).
_CONTROL_PARTIAL = re.compile(
    r"input|select|textarea|text-area|checkbox|radio|toggle|switch|upload|date-?picker|"
    r"text-?field",
    re.IGNORECASE,
)
#: A template function call that renders a control (`form_widget(form.email)`, `FormsSelect(x)`).
_CONTROL_CALL = re.compile(
    r"(?:\w+\.)*(?:form_widget|form_row|\w*(?:select|input|textarea|checkbox|radio)\w*)\s*\(",
    re.IGNORECASE,
)
_RAILS_HELPER = re.compile(
    r"(?:[\w@]+\.)?(text_field|email_field|password_field|telephone_field|phone_field|"
    r"number_field|date_field|datetime_field|datetime_local_field|url_field|search_field|"
    r"color_field|range_field|file_field|hidden_field|text_area|check_box|radio_button|select|"
    r"collection_select|country_select|submit)(_tag)?\b"
)
_RAZOR_BLOCK = re.compile(r"@(if|foreach|for|while|switch|using|lock)\s*\(")
_RAZOR_SECTION = re.compile(r"@section\s+\w+\s*\{")
_RAZOR_CODE = re.compile(r"@(?:code|functions)\s*\{")
_RAZOR_DIRECTIVE = re.compile(
    r"@(?:model|inject|using|page|namespace|inherits|addTagHelper|removeTagHelper|layout|"
    r"implements|attribute|typeparam|preservewhitespace|rendermode|tagHelperPrefix)\b[^\n]*"
)
_RAZOR_IMPLICIT = re.compile(r"@(?:await\s+)?[A-Za-z_]\w*")
_RAZOR_HELPER = re.compile(r"@Html\.(\w+?)(For)?\s*\(")
_RAZOR_ELSE = re.compile(r"\}\s*else\b")


def _balanced(text: str, pos: int, open_: str, close: str) -> int | None:
    """Offset after the bracket matching the one at `pos` (quotes respected), or None."""
    depth = 0
    i, n = pos, min(len(text), pos + _MAX_TAG)
    while i < n:
        c = text[i]
        if c in "'\"":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            continue
        if c == open_:
            depth += 1
        elif c == close:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return None


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


class _Scanner:
    """Find template constructs in a text whose PHP is already blanked."""

    def __init__(self, text: str, *, smarty: bool, razor: bool) -> None:
        self.text = text
        self.smarty = smarty
        self.razor = razor
        self.tokens: list[Token] = []
        self._braces: list[bool] = []
        """Razor: open `{` braces, True for those that opened an `@if`/`@foreach` block."""

    def run(self) -> list[Token]:
        """Scan the whole text once; tokens come out in document order."""
        triggers = _TRIGGERS_RAZOR if self.razor else _TRIGGERS
        i = 0
        while (m := triggers.search(self.text, i)) is not None:
            j = m.start()
            end = self._at(j)
            i = end if end is not None and end > j else j + 1
        return self.tokens

    def _add(self, start: int, end: int, kind: str, name: str = "") -> int:
        self.tokens.append(Token(start, end, kind, name))
        return end

    def _until(self, j: int, close: str, kind: str, name: str = "", skip: int = 2) -> int | None:
        end = self.text.find(close, j + skip, j + _MAX_TAG)
        if end < 0:
            return None
        return self._add(j, end + len(close), kind, name)

    def _at(self, j: int) -> int | None:
        s = self.text
        if s.startswith("{{", j):
            return self._mustache(j)
        if s.startswith("{%", j):
            return self._jinja(j)
        if s.startswith("{#", j):
            return self._until(j, "#}", COMMENT)
        if _WIDGET.match(s, j):
            return self._until(j, "]}", RENDER, "widget")
        if s.startswith("<%", j):
            return self._erb(j)
        if s.startswith("<!--", j):
            return self._phpbb(j)
        if s[j] == "{":
            if self.smarty:
                end = self._smarty(j)
                if end is not None:
                    return end
            m = _PHPBB_VAR.match(s, j)
            if m:
                return self._add(j, m.end(), EXPR)
            if self.razor:
                self._braces.append(False)
            return None
        if s[j] == "}":
            return self._razor_close(j)
        if s[j] == "@":
            return self._razor(j)
        return None

    def _mustache(self, j: int) -> int | None:
        s = self.text
        if s.startswith("{{!--", j):
            return self._until(j, "--}}", COMMENT, skip=5)
        if s.startswith("{{{", j):
            return self._until(j, "}}}", EXPR, skip=3)
        end = s.find("}}", j + 2, j + _MAX_TAG)
        if end < 0:
            return None
        inner = s[j + 2 : end].strip().strip("-~+").strip()
        kind, name = _mustache_kind(inner)
        return self._add(j, end + 2, kind, name)

    def _jinja(self, j: int) -> int | None:
        s = self.text
        end = s.find("%}", j + 2, j + _MAX_TAG)
        if end < 0:
            return None
        end += 2
        inner = s[j + 2 : end - 2].strip().strip("-+~").strip()
        m = re.match(r"[A-Za-z_]+", inner)
        kw = m.group(0).lower() if m else ""
        if kw in ("raw", "verbatim", "comment"):
            close = re.compile(r"\{%[-+~]?\s*end" + kw + r"\s*[-+~]?%\}").search(s, end)
            if kw == "comment":
                return self._add(j, close.end() if close else end, COMMENT)
            self._add(j, end, STMT)
            return self._add(close.start(), close.end(), STMT) if close else end
        if kw in _JINJA_IFS:
            return self._add(j, end, IF, f"jinja:{kw}")
        if kw in ("elif", "elseif", "else", "empty"):
            return self._add(j, end, BRANCH, "jinja")
        if kw.startswith("end") and kw[3:] in _JINJA_IFS:
            return self._add(j, end, CLOSE, f"jinja:{kw[3:]}")
        if kw == "for":
            return self._add(j, end, OPEN, "jinja:for")
        if kw == "endfor":
            return self._add(j, end, CLOSE, "jinja:for")
        return self._add(j, end, STMT)

    def _erb(self, j: int) -> int | None:
        s = self.text
        if s.startswith("<%--", j):
            return self._until(j, "--%>", COMMENT, skip=4)
        end = s.find("%>", j + 2, j + _MAX_TAG)
        if end < 0:
            return None
        end += 2
        inner = s[j + 2 : end - 2]
        if inner.startswith("#"):
            return self._add(j, end, COMMENT)
        if inner.startswith("@"):
            return self._add(j, end, STMT)
        output = inner.startswith(("=", ":"))
        code = inner.lstrip("=:-").strip().rstrip("-").strip()
        low = code.lower()
        if re.match(r"(?:if|unless)\b", low) and not re.search(r"\bend\s*$", low):
            return self._add(j, end, IF, "erb:if")
        if re.match(r"(?:\}\s*)?(?:elsif|elseif|else)\b", low):
            return self._add(j, end, BRANCH, "erb")
        if re.match(r"end\b", low) or low == "}":
            return self._add(j, end, CLOSE, "erb:*")
        if (
            re.search(r"\bdo\s*(?:\|[^|]*\|)?\s*$", low)
            or re.match(r"(?:while|until|for|case|begin)\b", low)
            or low.endswith("{")
        ):
            return self._add(j, end, OPEN, "erb:block")
        if output and _RAILS_HELPER.match(code):
            return self._add(j, end, RENDER, "erb")
        return self._add(j, end, EXPR if output else STMT)

    def _phpbb(self, j: int) -> int | None:
        m = _PHPBB.match(self.text, j)
        if not m:
            return None
        kw = m.group(1)
        if kw == "IF":
            return self._add(j, m.end(), IF, "phpbb:IF")
        if kw in ("ELSEIF", "ELSE", "BEGINELSE"):
            return self._add(j, m.end(), BRANCH, "phpbb")
        if kw == "ENDIF":
            return self._add(j, m.end(), CLOSE, "phpbb:IF")
        if kw == "BEGIN":
            return self._add(j, m.end(), OPEN, "phpbb:BEGIN")
        if kw == "END":
            return self._add(j, m.end(), CLOSE, "phpbb:BEGIN")
        if kw == "PHP":
            close = self.text.find("<!-- ENDPHP -->", m.end())
            return self._add(j, close + 15 if close >= 0 else m.end(), STMT)
        return self._add(j, m.end(), STMT)

    def _smarty(self, j: int) -> int | None:
        s = self.text
        nxt = s[j + 1 : j + 2]
        if not nxt or nxt.isspace() or nxt in "{}":
            return None
        if nxt == "*":
            return self._until(j, "*}", COMMENT)
        if s.startswith("{literal}", j):
            self._add(j, j + 9, STMT)
            close = s.find("{/literal}", j + 9)
            return self._add(close, close + 10, STMT) if close >= 0 else j + 9
        k, n, quote = j + 1, min(len(s), j + 4000), ""
        while k < n:
            c = s[k]
            if quote:
                if c == "\\":
                    k += 1
                elif c == quote:
                    quote = ""
            elif c in "'\"":
                quote = c
            elif c == "}":
                break
            elif c == "{" or c == "\n" and s.count("\n", j, k) > 20:
                return None
            k += 1
        if k >= n:
            return None
        end = k + 1
        m = re.match(r"/?[A-Za-z_]\w*", s[j + 1 : k].strip())
        word = m.group(0).lower() if m else ""
        if word == "if":
            return self._add(j, end, IF, "smarty:if")
        if word in ("elseif", "else", "foreachelse", "sectionelse", "forelse"):
            return self._add(j, end, BRANCH, "smarty")
        if word in ("foreach", "section", "for", "while"):
            return self._add(j, end, OPEN, f"smarty:{word}")
        if word in ("/if", "/foreach", "/section", "/for", "/while"):
            return self._add(j, end, CLOSE, f"smarty:{word[1:]}")
        if word in _SMARTY_CONTROLS:
            return self._add(j, end, RENDER, "smarty")
        return self._add(j, end, EXPR)

    def _razor(self, j: int) -> int | None:
        s = self.text
        if j > 0 and (s[j - 1].isalnum() or s[j - 1] in "._-@"):
            return None  # an e-mail address, not Razor
        if s.startswith("@@", j):
            return j + 2
        if s.startswith("@*", j):
            return self._until(j, "*@", COMMENT)
        if s.startswith("@{", j) or _RAZOR_CODE.match(s, j):
            brace = s.index("{", j)
            end = _balanced(s, brace, "{", "}")
            return self._add(j, end, STMT) if end else None
        if s.startswith("@(", j):
            end = _balanced(s, j + 1, "(", ")")
            return self._add(j, end, EXPR) if end else None
        m = _RAZOR_BLOCK.match(s, j)
        if m:
            after = _balanced(s, m.end() - 1, "(", ")")
            if after is None:
                return None
            k = _skip_space(s, after)
            if k < len(s) and s[k] == "{":
                self._braces.append(True)
                kind = IF if m.group(1) == "if" else OPEN
                return self._add(j, k + 1, kind, f"razor:{m.group(1)}")
            return self._add(j, after, EXPR)
        m = _RAZOR_SECTION.match(s, j)
        if m:
            self._braces.append(True)
            return self._add(j, m.end(), OPEN, "razor:section")
        m = _RAZOR_DIRECTIVE.match(s, j)
        if m:
            return self._add(j, m.end(), STMT)
        m = _RAZOR_IMPLICIT.match(s, j)
        if not m:
            return None
        k = m.end()
        while k < len(s):
            if s[k] == "." and re.match(r"\.[A-Za-z_]", s[k : k + 2]):
                k = re.compile(r"\.[A-Za-z_]\w*").match(s, k).end()  # type: ignore[union-attr]
            elif s[k] in "([":
                end = _balanced(s, k, s[k], ")" if s[k] == "(" else "]")
                if end is None:
                    break
                k = end
            else:
                break
        kind = RENDER if _RAZOR_HELPER.match(s, j) else EXPR
        return self._add(j, k, kind, "razor" if kind == RENDER else "")

    def _razor_close(self, j: int) -> int | None:
        if not self._braces:
            return None
        if not self._braces.pop():
            return j + 1
        s = self.text
        m = _RAZOR_ELSE.match(s, j)
        if m:
            k = _skip_space(s, m.end())
            if s.startswith("if", k):
                paren = _skip_space(s, k + 2)
                after = _balanced(s, paren, "(", ")") if s[paren : paren + 1] == "(" else None
                k = _skip_space(s, after) if after else k
            if k < len(s) and s[k] == "{":
                self._braces.append(True)
                return self._add(j, k + 1, BRANCH, "razor")
        return self._add(j, j + 1, CLOSE, "razor:*")


def _mustache_kind(inner: str) -> tuple[str, str]:
    """Classify a `{{ ... }}`: Handlebars blocks and partials, else a Jinja/Twig/Vue expression."""
    if inner.startswith("!"):
        return COMMENT, ""
    if inner.startswith("#>"):
        return OPEN, "hbs:" + (inner[2:].split() or [""])[0]
    if inner.startswith("#"):
        m = re.match(r"#\*?\s*([^\s}]+)", inner)
        word = m.group(1) if m else ""
        return (IF if word in ("if", "unless") else OPEN), f"hbs:{word}"
    if inner.startswith("/"):
        return CLOSE, "hbs:" + inner[1:].strip()
    if inner.startswith("^"):
        rest = inner[1:].strip()
        return (IF, "hbs:" + rest.split()[0]) if rest else (BRANCH, "hbs")
    if re.match(r"else\b", inner):
        return BRANCH, "hbs"
    if inner.startswith(">"):
        path = (inner[1:].split() or [""])[0]
        return (RENDER, "hbs") if _CONTROL_PARTIAL.search(path) else (EXPR, "")
    if _CONTROL_CALL.match(inner):
        return RENDER, "call"
    return EXPR, ""


# ---------------------------------------------------------------- conditions


@dataclass
class _Block:
    name: str
    conditional: bool
    cur: int
    branches: list[tuple[int, int]] = field(default_factory=list)


def _same_syntax(block: str, token: str) -> bool:
    return block.partition(":")[0] == token.partition(":")[0]


class _Conditions:
    """Where each `if` branch of the template starts and ends."""

    def __init__(self, tokens: Iterable[Token], size: int) -> None:
        stack: list[_Block] = []
        done: list[_Block] = []
        for t in tokens:
            if t.kind in (IF, OPEN):
                stack.append(_Block(t.name, t.kind == IF, t.end))
            elif t.kind == BRANCH:
                for block in reversed(stack):
                    if _same_syntax(block.name, t.name):
                        block.branches.append((block.cur, t.start))
                        block.cur = t.end
                        break
            elif t.kind == CLOSE:
                what = t.name.partition(":")[2]
                for idx in range(len(stack) - 1, -1, -1):
                    name = stack[idx].name
                    if _same_syntax(name, t.name) and what in ("*", name.partition(":")[2]):
                        while len(stack) > idx:
                            block = stack.pop()
                            block.branches.append((block.cur, t.start))
                            done.append(block)
                        break
        while stack:
            block = stack.pop()
            block.branches.append((block.cur, size))
            done.append(block)
        self.branches = sorted(
            (start, end, bid)
            for bid, block in enumerate(done)
            if block.conditional
            for start, end in block.branches
        )

    def innermost(self, pos: int) -> tuple[int, int, int] | None:
        """The innermost `if` branch holding `pos`, as (start, end, block id)."""
        best: tuple[int, int, int] | None = None
        for branch in self.branches:
            if branch[0] > pos:
                break
            if pos < branch[1]:
                best = branch
        return best

    def siblings(self, branch: tuple[int, int, int]) -> list[tuple[int, int, int]]:
        """The other branches of the same `if`."""
        return [b for b in self.branches if b[2] == branch[2] and b != branch]


# ---------------------------------------------------------------- markup


@dataclass(frozen=True)
class _Attr:
    name: str
    value: str | None
    """The value as the parser sees it (template code blanked), entities decoded."""
    raw: str | None
    """The value as written."""
    start: int
    vstart: int
    vend: int
    templated: bool


@dataclass
class _Tag:
    tag: str
    start: int
    end: int
    attrs: dict[str, _Attr]

    def literal(self, name: str) -> str | None:
        """An attribute's value when it is plain text (no template code), else None."""
        attr = self.attrs.get(name)
        if attr is None or attr.value is None or attr.templated:
            return None
        return attr.value


@dataclass
class _Label:
    tag: _Tag
    inner_start: int
    inner_end: int | None = None


@dataclass
class _Control:
    start: int
    control: str
    name: str | None
    raw: str | None
    form: int | None = None
    tag: _Tag | None = None
    ancestors: tuple[_Tag, ...] = ()
    wrapping: _Label | None = None
    label: str | None = None
    required: bool = False
    checked: bool = False
    checked_conditionally: bool = False
    checked_at: int | None = None
    """Offset of a literal `checked` attribute, to decide later whether a condition prints it."""
    default: str | None = None
    role: FieldRole = FieldRole.INPUT
    why: str | None = None
    """Why the name is unknown, for the warning."""
    id: str | None = None

    @property
    def key(self) -> str | None:
        if self.name is not None:
            return self.name
        if self.raw and self.role is not FieldRole.BUTTON:
            return "?" + self.raw
        return None


@dataclass
class _FormTag:
    name: str
    start: int
    end: int
    id: str | None


class _Events(HTMLParser):
    """Record where each start and end tag is; the rest is done on offsets."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self._lines = LineIndex(text)
        self.events: list[tuple[bool, str, int, int]] = []

    def position(self) -> int:
        """Where the parser is, as an offset into the text it was fed."""
        line, col = self.getpos()
        return self._lines.offset(line, col)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Remember a start tag's span."""
        start = self.position()
        self.events.append((True, tag, start, start + len(self.get_starttag_text() or "")))

    def handle_endtag(self, tag: str) -> None:
        """Remember an end tag's offset."""
        start = self.position()
        self.events.append((False, tag, start, start))


_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    | {"track", "wbr", "param", "keygen"}
)
_TAGS = re.compile(r"<[^>]*>")
_STRING = re.compile(r"'((?:[^'\\\n]|\\.)*)'|\"((?:[^\"\\\n]|\\.)*)\"")
_IDENT = re.compile(r"[A-Za-z_$][\w.$]*")
_NOT_LABELS = frozenset({"if", "else", "not", "and", "or", "echo", "print", "lang", "trans", "t"})
_BUTTON_TYPES = frozenset({"submit", "button", "reset", "image"})
_NO_DEFAULT = _BUTTON_TYPES | {"checkbox", "radio", "file", "password"}
_NO_VALUES = frozenset({"", "0", "n", "no", "false", "off", "nein", "non", "nem", "hayır", "нет"})
_REQUIRED_IN_CODE = re.compile(r"['\"]\s*required\b")
_CHECKED_IN_CODE = re.compile(r"['\"]\s*checked\b")
_HIDDEN_CLASS = re.compile(
    r"(?:^|\s)(?:d-none|hidden|hide|is-hidden|u-hidden|visually-hidden|visuallyhidden|"
    r"sr-only|screen-reader-text|invisible|display-none)(?=\s|$)",
    re.IGNORECASE,
)
_HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|(?:left|top)\s*:\s*-\d{3,}", re.IGNORECASE
)
_HONEYPOT_WORDS = re.compile(
    r"honey|hpot|\bhp\b|bot ?field|no ?bots?\b|anti ?spam|spam ?trap|captcha ?trap"
)
_TRAP_NAMES = frozenset({"website", "url", "homepage", "home page", "web site", "web", "fax"})
_ROLE_RANK = {
    FieldRole.CONSENT: 0,
    FieldRole.INPUT: 1,
    FieldRole.HONEYPOT: 2,
    FieldRole.TECHNICAL: 3,
    FieldRole.BUTTON: 4,
}


def _expr_text(code: str) -> str | None:
    """Readable text behind a template expression: its string literal, else its variable."""
    m = _STRING.search(code)
    if m:
        text = (m.group(1) if m.group(1) is not None else m.group(2)).strip()
        if any(ch.isalnum() for ch in text):
            return text
    for m in _IDENT.finditer(code):
        word = m.group(0).strip("$.")
        if word and word.lower() not in _NOT_LABELS and not word.lower().startswith("php"):
            return word
    return None


def _flat(text: str) -> str:
    return " ".join(text.split())


class _Page:
    """One template file: its text, the blanked markup, tokens and conditions."""

    def __init__(self, text: str, path: Path, shown: str) -> None:
        self.text = text
        self.shown = shown
        self.stem = form_stem(path)
        code, php_tokens = _php(text)
        self.code = code
        """The text with PHP code blanked (markup echoed by PHP kept)."""
        suffixes = {s.lower() for s in path.suffixes}
        smarty = bool(suffixes & {".tpl", ".smarty"}) or bool(
            re.search(r"\{/(?:if|foreach|section)\}", code)
        )
        razor = bool(suffixes & {".cshtml", ".vbhtml", ".razor"})
        tokens = _Scanner(code, smarty=smarty, razor=razor).run()
        out = list(code)
        for t in tokens:
            _blank(out, t.start, t.end)
        self.markup = "".join(out)
        self.tokens = sorted(php_tokens + tokens, key=lambda t: t.start)
        self._starts = [t.start for t in self.tokens]
        self.conditions = _Conditions(self.tokens, len(text))
        self.problems: list[SourceProblem] = []
        self.tag_spans: list[tuple[int, int]] = []
        """(start, end) of every start tag, in order: filled by the reader."""

    # -- tokens

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens starting in [start, end)."""
        lo = bisect_right(self._starts, start - 1)
        hi = bisect_right(self._starts, end - 1)
        return self.tokens[lo:hi]

    def token_at(self, pos: int) -> Token | None:
        """The token starting exactly at `pos`."""
        idx = bisect_right(self._starts, pos) - 1
        if idx >= 0 and self._starts[idx] == pos:
            return self.tokens[idx]
        return None

    def inside_tag(self, pos: int) -> bool:
        """True when `pos` lies within a start tag (in an attribute, say)."""
        idx = bisect_right(self.tag_spans, (pos, len(self.text) + 1)) - 1
        return idx >= 0 and self.tag_spans[idx][0] <= pos < self.tag_spans[idx][1]

    def location(self, offset: int) -> Location:
        """File position of an offset, 1-based."""
        line, column = line_col(self.text, offset)
        return Location(self.shown, line, column)

    # -- attributes

    def tag(self, name: str, start: int, end: int) -> _Tag:
        """A start tag with its attributes, read from the blanked markup with raw values."""
        m, src = self.markup, self.text
        attrs: dict[str, _Attr] = {}
        p = start + 1 + len(name)
        while p < end:
            c = m[p]
            if c.isspace() or c in "/\"'=":
                p += 1
                continue
            if c == ">":
                break
            name_start = q = p
            while q < end and not m[q].isspace() and m[q] not in "/>=\"'":
                q += 1
            attr = m[p:q].lower()
            r = _skip_space(m, q)
            value: str | None = None
            vstart = vend = q
            if r < end and m[r] == "=":
                r += 1
                while r < end and src[r].isspace() and self.token_at(r) is None:
                    r += 1
                if r < end and m[r] in "\"'":
                    close = m.find(m[r], r + 1, end)
                    vstart, vend = r + 1, (close if close >= 0 else end - 1)
                    p = vend + 1
                else:
                    vstart = r
                    while r < end:
                        tok = self.token_at(r)
                        if tok is not None:
                            r = tok.end
                        elif m[r].isspace() or m[r] == ">":
                            break
                        else:
                            r += 1
                    vend = r
                    p = r
                value = html.unescape(m[vstart:vend])
            else:
                p = q
            if attr not in attrs:
                templated = bool(self.tokens_in(vstart, vend)) if value is not None else False
                raw = src[vstart:vend] if value is not None else None
                attrs[attr] = _Attr(attr, value, raw, name_start, vstart, vend, templated)
        return _Tag(name, start, end, attrs)

    def attr_text(self, tag: _Tag, name: str) -> str | None:
        """An attribute as readable text (a label, a placeholder), template code decoded."""
        attr = tag.attrs.get(name)
        if attr is None or attr.value is None:
            return None
        if not attr.templated:
            return _flat(attr.value) or None
        plain = _flat(attr.value)
        if any(ch.isalnum() for ch in plain):
            return plain
        for tok in self.tokens_in(attr.vstart, attr.vend):
            if tok.kind == EXPR:
                text = _expr_text(self.text[tok.start : tok.end])
                if text:
                    return text
        return None

    def region_text(self, start: int, end: int) -> str | None:
        """Visible text of a stretch of markup (a label), else the text of its first expression."""
        plain = _flat(html.unescape(_TAGS.sub(" ", self.markup[start:end])))
        if any(ch.isalnum() for ch in plain):
            return plain
        for tok in self.tokens_in(start, end):
            if tok.kind == EXPR and not self.inside_tag(tok.start):
                text = _expr_text(self.text[tok.start : tok.end])
                if text:
                    return text
        return None

    def resolve(self, attr: _Attr) -> str | None:
        """The literal branch of `{% if p %}{{ p }}[x]{% else %}x{% endif %}`: the plain name."""
        toks = self.tokens_in(attr.vstart, attr.vend)
        text = self.text
        if (
            not toks
            or toks[0].kind != IF
            or text[attr.vstart : toks[0].start].strip()
            or toks[-1].kind != CLOSE
            or text[toks[-1].end : attr.vend].strip()
        ):
            return None
        branches: list[tuple[int, int]] = []
        depth, cur = 0, 0
        for t in toks:
            if t.kind in (IF, OPEN):
                depth += 1
                if depth == 1:
                    cur = t.end
            elif t.kind == BRANCH and depth == 1:
                branches.append((cur, t.start))
                cur = t.end
            elif t.kind == CLOSE:
                if depth == 1:
                    branches.append((cur, t.start))
                depth -= 1
        for a, b in branches:
            literal = text[a:b].strip()
            if literal and not self.tokens_in(a, b) and re.fullmatch(r"[^\s\"'<>]+", literal):
                return html.unescape(literal)
        return None

    # -- conditions

    def printed_conditionally(self, pos: int, tag_start: int) -> bool:
        """True when the attribute at `pos` sits in a template condition inside its own tag."""
        branch = self.conditions.innermost(pos)
        return branch is not None and branch[0] > tag_start


def _asp_name(value: str) -> str:
    """ASP.NET names a control after the property path: `Model.Address.City` -> `Address.City`."""
    value = value.strip().lstrip("@")
    return value[6:] if value.startswith("Model.") else value


def _hidden_styled(tag: _Tag) -> bool:
    style = tag.literal("style") or ""
    cls = tag.literal("class") or ""
    return (
        bool(_HIDDEN_CLASS.search(cls) or _HIDDEN_STYLE.search(style))
        or "hidden" in tag.attrs
        or (tag.literal("aria-hidden") or "").lower() == "true"
    )


def _is_honeypot(ctrl: _Control, tag: _Tag) -> bool:
    """Honeypot traps: hidden from people by style, skipped by keyboard, tempting to bots."""
    near = ctrl.ancestors[-3:]
    marks = [ctrl.name, ctrl.raw, tag.attrs["id"].raw if "id" in tag.attrs else None]
    marks += [t.attrs["class"].raw for t in (tag, *near[-2:]) if "class" in t.attrs]
    if any(_HONEYPOT_WORDS.search(words(m)) for m in marks if m):
        return True
    own = _hidden_styled(tag)
    hidden = own or any(_hidden_styled(t) for t in near)
    tab_negative = (tag.literal("tabindex") or "").strip() == "-1"
    name = words(ctrl.name or "")
    trap = name in _TRAP_NAMES or (name.endswith(" confirm") and own)
    autocomplete_off = (tag.literal("autocomplete") or "").lower() in ("off", "nope", "no")
    return (hidden and (tab_negative or trap)) or (own and autocomplete_off)


class _Reader:
    """Turn a `_Page` into forms and fields."""

    def __init__(self, page: _Page) -> None:
        self.page = page
        self.forms: list[_FormTag] = []
        self.controls: list[_Control] = []
        self.labels: list[_Label] = []
        self.legends: dict[int, str] = {}
        """Fieldset start -> its legend's text (a radio group's label)."""

    def read(self) -> tuple[list[Form], list[SourceProblem]]:
        """Parse, collect controls and labels, decide roles and conditions, merge by name."""
        page = self.page
        self._walk(self._parse())
        self._rendered()
        self.controls.sort(key=lambda c: c.start)
        self._finish()
        return self._forms(), page.problems

    def _parse(self) -> list[tuple[bool, str, int, int]]:
        """Tag events; markup the stdlib parser rejects (`<![foo[`) is skipped and reported."""
        page = self.page
        for _ in range(_MAX_PARSER_RETRIES):
            events = _Events(page.markup)
            try:
                events.feed(page.markup)
                events.close()
            except (AssertionError, ValueError, IndexError) as exc:
                offset = events.position()
                page.problems.append(
                    SourceProblem(
                        f"the HTML parser cannot read the markup here ({exc}); it was skipped",
                        page.location(offset),
                        page.shown,
                        severity=Severity.WARNING,
                    )
                )
                bad = page.markup.find("<", offset)
                if bad < 0:
                    return events.events
                page.markup = page.markup[:bad] + " " + page.markup[bad + 1 :]
                continue
            return events.events
        return events.events

    def _walk(self, events: list[tuple[bool, str, int, int]]) -> None:
        page = self.page
        stack: list[_Tag] = []
        open_labels: list[_Label] = []
        current: int | None = None
        select: _Control | None = None
        textarea: _Control | None = None
        legend_start: int | None = None
        for is_start, name, start, end in events:
            if not is_start:
                if name == "form" and current is not None:
                    self.forms[current].end = start
                    current = None
                elif name == "label" and open_labels:
                    open_labels.pop().inner_end = start
                elif name == "select":
                    select = None
                elif name == "legend" and legend_start is not None:
                    fieldset = next((t for t in reversed(stack) if t.tag == "fieldset"), None)
                    text = page.region_text(legend_start, start)
                    if fieldset is not None and text:
                        self.legends.setdefault(fieldset.start, text)
                    legend_start = None
                elif name == "textarea" and textarea is not None and textarea.tag is not None:
                    begin = textarea.tag.end
                    if page.markup[begin:start].strip() and not page.tokens_in(begin, start):
                        textarea.default = page.text[begin:start].strip("\r\n")
                    textarea = None
                for idx in range(len(stack) - 1, -1, -1):
                    if stack[idx].tag == name:
                        del stack[idx:]
                        break
                continue
            tag = page.tag(name, start, end)
            page.tag_spans.append((start, end))
            if name == "form" and current is None:
                fid = tag.literal("id")
                fname = (fid or "").strip() or (tag.literal("name") or "").strip() or page.stem
                self.forms.append(_FormTag(fname, start, len(page.text), fid))
                current = len(self.forms) - 1
            elif name == "legend":
                legend_start = end
            elif name == "label":
                label = _Label(tag, end)
                self.labels.append(label)
                open_labels.append(label)
            elif name in ("input", "select", "textarea", "button"):
                ctrl = self._control(tag, current, tuple(stack), open_labels)
                self.controls.append(ctrl)
                if name == "select":
                    select = ctrl
                elif name == "textarea":
                    textarea = ctrl
            elif (
                name == "option"
                and select is not None
                and select.default is None
                and "selected" in tag.attrs
                and not page.conditions.innermost(start)
            ):
                select.default = tag.literal("value") or None
            if name not in _VOID:
                stack.append(tag)

    def _control(
        self, tag: _Tag, form: int | None, stack: tuple[_Tag, ...], labels: list[_Label]
    ) -> _Control:
        page = self.page
        kind = tag.tag
        control = kind
        if kind == "input":  # no type, or an empty one, is a text box
            control = (tag.literal("type") or "").strip().lower() or "text"
        ctrl = _Control(
            tag.start,
            control,
            None,
            None,
            form,
            tag,
            stack,
            labels[-1] if labels else None,
            id=tag.attrs["id"].raw if "id" in tag.attrs else None,
        )
        name_attr = tag.attrs.get("name")
        asp_for = tag.attrs.get("asp-for")
        in_tag = page.tokens_in(tag.start, tag.end)
        in_values = [(a.vstart, a.vend) for a in tag.attrs.values() if a.value is not None]
        loose = [t for t in in_tag if not any(a <= t.start < b for a, b in in_values)]
        if name_attr is not None and name_attr.raw is not None and name_attr.raw.strip():
            if not name_attr.templated:
                ctrl.name = (name_attr.value or "").strip()
            else:
                ctrl.raw = _flat(name_attr.raw or "")
                ctrl.name = page.resolve(name_attr)
                if ctrl.name is None:
                    ctrl.why = f"has a name cnsnt cannot read ({shorten(ctrl.raw)})"
        elif asp_for is not None and asp_for.raw is not None and asp_for.raw.strip():
            ctrl.raw = f'asp-for="{asp_for.raw}"'
            if asp_for.templated:
                ctrl.why = f"has a name cnsnt cannot read ({shorten(ctrl.raw)})"
            else:
                ctrl.name = _asp_name(asp_for.value or "")
        elif loose and kind != "button" and control not in _BUTTON_TYPES:
            ctrl.raw = _flat(page.text[loose[0].start : loose[0].end])
            ctrl.why = (
                f"has no readable name (template code in the tag may set it: {shorten(ctrl.raw)})"
            )
        elif kind != "button" and control not in _BUTTON_TYPES:
            ident = tag.literal("id")
            ctrl.raw = f'id="{ident}"' if ident else None
            ctrl.why = "has no name" + (f" ({ctrl.raw})" if ctrl.raw else "") + (
                ", so a browser does not submit it unless a script does"
            )
        ctrl.required = (
            "required" in tag.attrs
            or (tag.literal("aria-required") or "").lower() == "true"
            or any(_REQUIRED_IN_CODE.search(page.text[t.start : t.end]) for t in loose)
        )
        type_attr = tag.attrs.get("type")
        checkable = control in ("checkbox", "radio") or (
            type_attr is not None and type_attr.templated
        )
        if kind == "input" and checkable:
            value = tag.literal("value")
            counts = not (control == "radio" and value is not None and value.strip().lower()
                          in _NO_VALUES)
            checked = tag.attrs.get("checked")
            if checked is not None and counts:
                ctrl.checked = True
                ctrl.checked_at = checked.start
                ctrl.checked_conditionally = page.printed_conditionally(checked.start, tag.start)
            elif counts and any(_CHECKED_IN_CODE.search(page.text[t.start : t.end]) for t in loose):
                ctrl.checked = ctrl.checked_conditionally = True
        if kind == "input" and control not in _NO_DEFAULT:
            value = tag.literal("value")
            ctrl.default = value if value else None
        return ctrl

    # -- controls rendered by partials, widgets and helpers

    def _rendered(self) -> None:
        page = self.page
        for tok in page.tokens:
            if tok.kind != RENDER or page.inside_tag(tok.start):
                continue
            code = page.code[tok.start : tok.end]
            ctrl = _render(tok, code)
            if ctrl is None:
                continue
            ctrl.raw = ctrl.raw or _flat(page.text[tok.start : tok.end])
            if ctrl.name is None:
                ctrl.why = (
                    f"is rendered by a partial or helper ({shorten(ctrl.raw)}) "
                    "whose name cnsnt cannot read"
                )
            for idx, form in enumerate(self.forms):
                if form.start <= tok.start < form.end:
                    ctrl.form = idx
            self.controls.append(ctrl)

    # -- second pass: labels, roles, conditional checks

    def _finish(self) -> None:
        page = self.page
        by_for: dict[str, str] = {}
        by_asp: dict[str, str] = {}
        for label in self.labels:
            end = label.inner_end if label.inner_end is not None else label.inner_start
            text = page.region_text(label.inner_start, end)
            for_attr = label.tag.attrs.get("for")
            if text and for_attr is not None and for_attr.raw:
                by_for.setdefault(for_attr.raw, text)
            asp = label.tag.literal("asp-for")
            if asp:
                by_asp.setdefault(asp, text or _asp_name(asp))
        form_ids = {f.id: i for i, f in enumerate(self.forms) if f.id}
        for ctrl in self.controls:
            tag = ctrl.tag
            if tag is None:
                continue
            owner = tag.literal("form")
            if owner and owner in form_ids:
                ctrl.form = form_ids[owner]
            ctrl.label = (
                self._legend(ctrl)
                or (by_for.get(ctrl.id) if ctrl.id else None)
                or self._wrapping_text(ctrl)
                or by_asp.get(tag.literal("asp-for") or "")
                or page.attr_text(tag, "aria-label")
                or page.attr_text(tag, "placeholder")
                or page.attr_text(tag, "title")
            )
            ctrl.role = self._role(ctrl, tag)
        for ctrl in self.controls:
            if ctrl.checked and ctrl.checked_at is not None and not ctrl.checked_conditionally:
                ctrl.checked_conditionally = self._alternative(ctrl)

    def _legend(self, ctrl: _Control) -> str | None:
        """A radio button's own label says "Yes"; the group's question is its fieldset legend."""
        if ctrl.control != "radio":
            return None
        fieldset = next((t for t in reversed(ctrl.ancestors) if t.tag == "fieldset"), None)
        if fieldset is None or fieldset.start not in self.legends:
            return None
        members = [c for c in self.controls if any(t is fieldset for t in c.ancestors)]
        if all(c.control == "radio" and c.key == ctrl.key for c in members):
            return self.legends[fieldset.start]
        return None

    def _wrapping_text(self, ctrl: _Control) -> str | None:
        label = ctrl.wrapping
        if label is None:
            return None
        end = label.inner_end if label.inner_end is not None else ctrl.start
        return self.page.region_text(label.inner_start, end)

    def _role(self, ctrl: _Control, tag: _Tag) -> FieldRole:
        if tag.tag == "button" or ctrl.control in _BUTTON_TYPES:
            return FieldRole.BUTTON
        if ctrl.control == "hidden":
            return FieldRole.TECHNICAL
        if _is_honeypot(ctrl, tag):
            return FieldRole.HONEYPOT
        if ctrl.control in ("checkbox", "radio") and looks_like_consent(
            ctrl.name, ctrl.raw, ctrl.id, ctrl.label
        ):
            return FieldRole.CONSENT
        return FieldRole.INPUT

    def _alternative(self, ctrl: _Control) -> bool:
        """The template picks between this checked control and its twin in another branch."""
        conditions = self.page.conditions
        branch = conditions.innermost(ctrl.start)
        if branch is None or ctrl.key is None:
            return False
        for start, end, _ in conditions.siblings(branch):
            if any(o.key == ctrl.key and start <= o.start < end for o in self.controls):
                return True
        return False

    # -- forms

    def _forms(self) -> list[Form]:
        page = self.page
        groups: dict[str, list[_Control]] = {}
        starts: dict[str, int] = {}
        for form in self.forms:
            groups.setdefault(form.name, [])
            starts.setdefault(form.name, form.start)
        for ctrl in self.controls:
            name = self.forms[ctrl.form].name if ctrl.form is not None else page.stem
            groups.setdefault(name, []).append(ctrl)
            starts.setdefault(name, ctrl.start)
        forms: list[Form] = []
        for name in sorted(groups, key=lambda n: starts[n]):
            fields = []
            for group in _merge(groups[name]):
                fld = self._field(name, group)
                fields.append(fld)
                why = group[0].why
                if fld.name is None and why and fld.role is not FieldRole.BUTTON:
                    page.problems.append(unnamed_problem(fld, why))
            forms.append(Form(name, page.location(starts[name]), page.shown, tuple(fields)))
        return forms

    def _field(self, form: str, group: list[_Control]) -> FormField:
        role = min((c.role for c in group), key=lambda r: _ROLE_RANK[r])
        main = next(c for c in group if c.role is role)
        first = group[0]
        checked = [c for c in group if c.checked]
        return FormField(
            form=form,
            name=first.name,
            control=main.control,
            location=self.page.location(first.start),
            source=self.page.shown,
            role=role,
            label=next((c.label for c in group if c.label), None),
            required=any(c.required for c in group),
            checked=bool(checked),
            checked_conditionally=bool(checked) and all(c.checked_conditionally for c in checked),
            default=next((c.default for c in group if c.default is not None), None),
            raw=first.raw,
        )


def _merge(controls: list[_Control]) -> list[list[_Control]]:
    """Controls of one form grouped by submitted name (radio groups, if/else twins), in order."""
    groups: list[list[_Control]] = []
    by_key: dict[str, list[_Control]] = {}
    for ctrl in controls:
        key = ctrl.key
        if key is None:
            groups.append([ctrl])
        elif key in by_key:
            by_key[key].append(ctrl)
        else:
            by_key[key] = [ctrl]
            groups.append(by_key[key])
    return groups


# ---------------------------------------------------------------- rendered controls

_HASH_ARG = re.compile(r"([\w@.-]+)\s*=\s*(\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|[^\s}]+)")
_WIDGET_PAIR = re.compile(r"\"(\w+)\"\s*:\s*(\"(?:[^\"\\]|\\.)*\"|[-\w.]+)")
_WIDGET_TYPES = {
    "telefono": "tel",
    "ckeditor": "textarea",
    "timestamp": "datetime-local",
    "image": "file",
}
_PLAIN_NAME = re.compile(r"[\w\-.\[\]:]+")


def _args(text: str) -> dict[str, tuple[str, bool]]:
    """`key=value` arguments: value without quotes, and whether it was quoted (a literal)."""
    out: dict[str, tuple[str, bool]] = {}
    for m in _HASH_ARG.finditer(text):
        value = m.group(2)
        quoted = value[:1] in "\"'"
        out.setdefault(m.group(1).lower(), (value[1:-1] if quoted else value, quoted))
    return out


def _control_from_path(path: str) -> str:
    low = path.lower()
    for word, control in (
        ("select", "select"),
        ("textarea", "textarea"),
        ("text-area", "textarea"),
        ("checkbox", "checkbox"),
        ("radio", "radio"),
        ("toggle", "checkbox"),
        ("switch", "checkbox"),
        ("upload", "file"),
        ("date", "date"),
    ):
        if word in low:
            return control
    return "text"


def _render(tok: Token, code: str) -> _Control | None:
    """A control that a partial, widget or helper renders, named when its arguments say how."""
    if tok.name == "hbs":
        body = code.strip("{}~ \n\t").lstrip(">").strip()
        path, _, rest = body.partition(" ")
        args = _args(rest)
        control = args["type"][0] if args.get("type", ("", False))[1] else _control_from_path(path)
        ctrl = _Control(tok.start, control.lower(), None, None)
        return _fill(ctrl, args)
    if tok.name == "smarty":
        body = code.strip("{} \n\t")
        func, _, rest = body.partition(" ")
        args = _args(rest)
        control = {"html_radios": "radio", "html_checkboxes": "checkbox"}.get(func, "select")
        ctrl = _Control(tok.start, control, None, None)
        value, _ = args.get("name", ("", False))
        if value and not value.startswith("$"):
            args["name"] = (value, True)
        return _fill(ctrl, args)
    if tok.name == "widget":
        pairs = {k.lower(): v for k, v in _WIDGET_PAIR.findall(code)}
        args = {k: (v[1:-1], True) if v.startswith('"') else (v, False) for k, v in pairs.items()}
        type_ = args.get("type", ("text", True))[0].strip().lower() or "text"
        ctrl = _Control(tok.start, _WIDGET_TYPES.get(type_, type_), None, None)
        ctrl = _fill(ctrl, args)
        ctrl.required = args.get("required", ("", False))[0].strip() in ("1", "true")
        value = args.get("value", ("", False))[0].strip()
        ctrl.default = value or None
        return ctrl
    if tok.name == "razor":
        m = _RAZOR_HELPER.match(code)
        if m is None:
            return None
        helper = m.group(1)
        if helper == "AntiForgeryToken":
            return _Control(tok.start, "hidden", "__RequestVerificationToken", None,
                            role=FieldRole.TECHNICAL)
        helper_control: str | None = {
            "TextBox": "text", "Password": "password", "TextArea": "textarea",
            "CheckBox": "checkbox", "RadioButton": "radio", "DropDownList": "select",
            "ListBox": "select", "Hidden": "hidden", "Editor": "text",
        }.get(helper)
        if helper_control is None:
            return None
        lam = re.search(r"\w+\s*=>\s*\w+\.([\w.]+)", code) if m.group(2) else None
        lit = _STRING.search(code, m.end())
        name: str | None = None
        if lam:
            name = lam.group(1)
        elif lit:
            name = lit.group(1) if lit.group(1) is not None else lit.group(2)
        ctrl = _Control(tok.start, helper_control, name, None)
        return _fill(ctrl, {})
    if tok.name == "erb":
        m = _RAILS_HELPER.search(code)
        if m is None:
            return None
        helper, is_tag = m.group(1), bool(m.group(2))
        control = {
            "text_area": "textarea", "check_box": "checkbox", "radio_button": "radio",
            "hidden_field": "hidden", "submit": "submit", "email_field": "email",
            "password_field": "password", "telephone_field": "tel", "phone_field": "tel",
            "file_field": "file", "number_field": "number", "date_field": "date",
        }.get(helper, "select" if "select" in helper else "text")
        sym = re.match(r"\s*\(?\s*(?::(\w+)|['\"]([^'\"]+)['\"])", code[m.end() :])
        ctrl = _Control(tok.start, control, None, None)
        if sym and is_tag:
            ctrl.name = sym.group(1) or sym.group(2)
        return _fill(ctrl, {})
    # A template function call: form_widget(form.email), FormsSelect(options).
    m = _CONTROL_CALL.search(code)
    if m is None:
        return None
    args = {k: v for k, v in _args(code).items() if v[1]}
    named = re.search(r"\bname\s*:\s*['\"]([^'\"]+)['\"]", code)
    if named:
        args["name"] = (named.group(1), True)
    ctrl = _Control(tok.start, _control_from_path(m.group(0)), None, None)
    return _fill(ctrl, args)


def _fill(ctrl: _Control, args: dict[str, tuple[str, bool]]) -> _Control:
    """Name, label, required, checked and role from a rendered control's arguments."""
    value, quoted = args.get("name", ("", False))
    if ctrl.name is None and quoted and _PLAIN_NAME.fullmatch(value.strip()):
        ctrl.name = value.strip()
    for k in ("label", "label-text", "labeltext", "title", "placeholder"):
        text, lit = args.get(k, ("", False))
        if lit and any(ch.isalnum() for ch in text):
            ctrl.label = _flat(text)
            break
    ident, lit = args.get("id", ("", False))
    ctrl.id = ident if lit else None
    flag = {"true", "1", "required", "checked", "yes"}
    ctrl.required = args.get("required", ("", False))[0].lower() in flag
    ctrl.checked = args.get("checked", ("", False))[0].lower() in flag
    if ctrl.role is FieldRole.INPUT:
        if ctrl.control in _BUTTON_TYPES:
            ctrl.role = FieldRole.BUTTON
        elif ctrl.control == "hidden":
            ctrl.role = FieldRole.TECHNICAL
        elif ctrl.control in ("checkbox", "radio") and looks_like_consent(
            ctrl.name, ctrl.id, ctrl.label
        ):
            ctrl.role = FieldRole.CONSENT
    return ctrl


# ---------------------------------------------------------------- reader


def read_html_forms(path: Path, spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """Read the forms of one HTML file or server template (a Reader)."""
    shown = ctx.shown(path)
    text = read_text(path, shown)
    page = _Page(text, path, shown)
    forms, problems = _Reader(page).read()
    return form_evidence(forms, problems)
