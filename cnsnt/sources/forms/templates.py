"""Template syntax found and blanked with offsets kept: the tokens and the scanner.

Server templates mix markup with Jinja/Django/Twig, Smarty, Handlebars, Razor,
ERB/ASP/JSP and phpBB syntax (PHP has its own pass, `template_php`). Each
construct is found here as a `Token` and blanked out with spaces of the same
length, so offsets, and so line:column, stay exact for the HTML parser and
`{% if %}` or `<!-- IF -->` inside a tag cannot break it. The tokens are kept
because they tell what the markup alone cannot: where a condition starts and
ends (`template_conditions`), and which construct may render a form control
(RENDER, read by `widgets`).
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass

from cnsnt.blanks import blanks
from cnsnt.sources.forms.phoenix import phoenix_helper
from cnsnt.sources.forms.rails_helpers import DATE_HELPERS
from cnsnt.sources.forms.rails_helpers import HELPERS as RAILS_HELPERS
from cnsnt.sources.forms.smarty_calls import function_control, read_call
from cnsnt.sources.forms.template_braces import brace_end, raw_text_regions, svelte_kind

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
SMARTY_FUNCTION = "smarty:function"
"""The RENDER name of a Smarty function named like a control (`{input name="email"}`)."""

#: A construct longer than this is not one (an unclosed `{{` in a script, say).
_MAX_TAG = 20_000


@dataclass(frozen=True)
class Token:
    """One template construct, blanked in the markup the HTML parser sees."""

    start: int
    end: int
    kind: str
    name: str = ""
    """`syntax:block` for blocks (`jinja:if`, `hbs:each`, `razor:*`); for RENDER, what renders."""


def blank(out: list[str], start: int, end: int) -> None:
    """Spaces for every character but line breaks, so offsets and lines stay put."""
    out[start:end] = blanks("".join(out[start:end]))


# ---------------------------------------------------------------- syntaxes other than PHP

# Every pattern here is tried by the scanner at many offsets of one file, so each must be
# linear under `search` too (the class test in tests/hostile runs them on hostile text).
#: Linear: fixed length.
_TRIGGERS = re.compile(r"\{|<[%!]")
#: Linear: fixed length.
_TRIGGERS_RAZOR = re.compile(r"[{}@]|<[%!]")
#: Velocity's (`.vm`): a reference's `$`, a directive's or comment's `#`, and the others.
#: Linear: fixed length.
_TRIGGERS_VELOCITY = re.compile(r"[{$#]|<[%!]")
#: A Velocity reference's head: `$name`, `$!name`, `${name`, `$!{name`. Linear: fixed
#: characters, then one possessive run of word characters.
_VELOCITY_REF = re.compile(r"\$!?+(\{?+)[A-Za-z_]\w*+")
#: A Velocity directive: `#if(`, `#{else}`, `#end`. Linear: fixed words after fixed
#: characters, each tried once.
_VELOCITY_DIRECTIVE = re.compile(
    r"#(\{?+)(elseif|else|end|if|foreach|set|macro|define|parse|include|evaluate|break|stop)\b"
)
#: A `.member` after a Velocity reference. Linear: a possessive run.
_VELOCITY_MEMBER = re.compile(r"\.[A-Za-z_]\w*+")
#: Linear: a fixed prefix, a possessive blank run, a quote.
_WIDGET = re.compile(r"\{\[\s*+\"")
#: A phpBB directive comment on one line. Linear: a try starts at `<!--`; its body stops
#: at the line end, at `-->` and at the next `<!--`, so the bodies read by two tries never
#: overlap (reading to the line end from every `<!-- IF` was quadratic).
_PHPBB = re.compile(
    r"<!--\s*+(IF|ELSEIF|ELSE|ENDIF|BEGINELSE|BEGIN|END|INCLUDE\w*+|EVENT|DEFINE|UNDEFINE|"
    r"ENDPHP|PHP)\b(?>(?:(?!-->|<!--)[^\n])*)-->"
)
#: Linear: starts at `{`; the possessive runs hold no `{`, so two tries never overlap;
#: giving back a `name.` item could only put a lower-case letter where `[A-Z]` must be.
_PHPBB_VAR = re.compile(r"\{(?>(?:[a-z0-9_]++\.)*)[A-Z][A-Z0-9_]*+\}|\{\$[A-Z][A-Z0-9_]*+\}")
_JINJA_IFS = frozenset({"if", "ifequal", "ifnotequal", "ifchanged"})
_SMARTY_CONTROLS = frozenset(
    {"html_options", "html_radios", "html_checkboxes", "html_select_date", "html_select_time"}
)
#: A partial or macro path that renders a control (`cmp-input/input`, `forms/select`).
#: Linear: fixed words (at most one optional character each), tried once per offset.
_CONTROL_PARTIAL = re.compile(
    r"input|select|textarea|text-area|checkbox|radio|toggle|switch|upload|date-?picker|"
    r"text-?field",
    re.IGNORECASE,
)
#: A call `a.b.name(`: the name is checked by `control_call`. Linear: a try starts only
#: where a dotted name starts (lookbehind), every run is possessive, and the runs hold no
#: character that could start another try, so no stretch is read twice. (The former
#: `\w*(?:select|...)\w*\s*\(` was cubic on a long word.)
_CALL = re.compile(r"(?<![\w.])(?>(?:\w*+\.)*)(\w++)\s*+\(")
_CONTROL_CALL_WORDS = ("select", "input", "textarea", "checkbox", "radio")
#: A Rails form helper: one of the methods `rails_helpers` reads. Linear: the optional
#: receiver starts only where a run starts (lookbehind) and is possessive; the helper
#: names are fixed words.
RAILS_HELPER = re.compile(
    r"(?:(?<![\w@])[\w@]++\.)?("
    + "|".join(sorted([*RAILS_HELPERS, *DATE_HELPERS], key=lambda name: (-len(name), name)))
    + r")(_tag)?\b"
)
#: A Laravel form helper in a Blade echo: Collective's `Form::text(`, spatie's `html()->email(`.
#: Linear: a try cannot start inside a blank run (lookbehind); fixed words, possessive runs.
BLADE_HELPER = re.compile(
    r"(?<!\s)\s*+(?:\\?(?:Collective\\Html\\FormFacade|Form)\s*+::\s*+\w++|html\(\s*+\)\s*+->\s*+\w++)\s*+\("
)
# Razor: each starts at `@` or `}` with fixed words; every run is possessive. Linear.
_RAZOR_BLOCK = re.compile(r"@(if|foreach|for|while|switch|using|lock)\s*+\(")
_RAZOR_SECTION = re.compile(r"@section\s++\w++\s*+\{")
_RAZOR_CODE = re.compile(r"@(?:code|functions)\s*+\{")
_RAZOR_DIRECTIVE = re.compile(
    r"@(?:model|ModelType|inject|using|page|namespace|inherits|addTagHelper|removeTagHelper|layout|"
    r"implements|attribute|typeparam|preservewhitespace|rendermode|tagHelperPrefix)\b[^\n]*+"
)
_RAZOR_IMPLICIT = re.compile(r"@(?:await\s++)?[A-Za-z_]\w*+")
#: A Blazor directive attribute's name (`@bind-Value="patient.Email"`, `@onclick="Save"`,
#: `@bind-Value:event=`, `@ref=`): markup, not code, so the form reader sees the binding.
#: Linear: fixed words, then possessive runs, then one look at the `=` after blanks.
_BLAZOR_ATTRIBUTE = re.compile(
    r"@(?:bind|on[a-z]\w*+|ref|key|attributes|formname)(?:[-:][\w:-]*+)?(?=\s*+=)"
)
#: Linear: after `@Html.` the lazy name grows one word character per step and each step
#: tries `For` and `(` once; the name cannot leave the word it starts in.
RAZOR_HELPER = re.compile(r"@Html\.(\w+?)(For)?\s*+\(")
_RAZOR_ELSE = re.compile(r"\}\s*+else\b")
#: `.member` after an implicit Razor expression. Linear: a possessive run.
_RAZOR_MEMBER = re.compile(r"\.[A-Za-z_]\w*+")
# Keywords at the start of a tag's code, matched once per tag. Linear: fixed words, `\b`,
# and possessive blank runs; `_ERB_END` and `_ERB_DO` end at `$`, where a try can only
# start at `end` or `do` (after `\b`) and reads the following blanks and `|args|` once.
_JINJA_WORD = re.compile(r"[A-Za-z_]++")
_JINJA_END = {
    kw: re.compile(r"\{%[-+~]?\s*+end" + kw + r"\s*+[-+~]?%\}")
    for kw in ("raw", "verbatim", "comment")
}
_ERB_IF = re.compile(r"(?:if|unless)\b")
_ERB_END_OF_LINE = re.compile(r"\bend\s*+$")
_ERB_BRANCH = re.compile(r"(?:\}\s*+)?(?:elsif|elseif|else)\b")
_ERB_END = re.compile(r"end\b")
_ERB_DO = re.compile(r"\bdo\s*+(?:\|[^|]*+\|)?\s*+$")
_ERB_BLOCK = re.compile(r"(?:while|until|for|case|begin)\b")
_SMARTY_WORD = re.compile(r"/?[A-Za-z_]\w*+")
_HBS_BLOCK = re.compile(r"#\*?\s*+([^\s}]++)")
_HBS_ELSE = re.compile(r"else\b")
#: Go's text/template actions that open a block `{{end}}` closes (`if`, `with` choose).
_GO_BLOCK = re.compile(r"(if|with|range|block|define)\s")


def control_call(code: str, *, at_start: bool = False) -> re.Match[str] | None:
    """The first call in `code` whose name renders a control (`form_widget(`, `FormsSelect(`).

    `at_start`: only a call starting at offset 0 (as `re.match`).
    """
    matches = [_CALL.match(code)] if at_start else _CALL.finditer(code)
    for m in matches:
        if m is None:
            continue
        name = m.group(1).lower()
        if name in ("form_widget", "form_row") or any(w in name for w in _CONTROL_CALL_WORDS):
            return m
    return None


def string_end(text: str, quote: int, end: int, *, line: bool = False) -> int:
    """The offset of the quote closing the string opened at `quote`, or `end` if none comes first.

    A backslash escapes one character; with `line`, a line end closes the string too.
    """
    c, j = text[quote], quote + 1
    while j < end and text[j] != c and not (line and text[j] == "\n"):
        j += 2 if text[j] == "\\" else 1
    return j


def skip_space(text: str, pos: int) -> int:
    """The first offset at or after `pos` that is not whitespace."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def erb_opens_block(code: str) -> bool:
    """Whether an ERB tag's Ruby opens a block an `end` closes (`if x`, `f.fields_for :a do |b|`).

    As the scanner reads a tag (`Scanner._erb`); Haml's translation (`haml`) closes such a
    line's block itself when nothing is nested under it.
    """
    low = code.lower()
    return bool(
        (_ERB_IF.match(low) and not _ERB_END_OF_LINE.search(low))
        or _ERB_DO.search(low)
        or _ERB_BLOCK.match(low)
        or low.endswith("{")
    )


class Scanner:
    """Find template constructs in a text whose PHP is already blanked."""

    def __init__(
        self,
        text: str,
        *,
        smarty: bool,
        razor: bool,
        braces: str | None = None,
        phoenix: bool = False,
        velocity: bool = False,
    ) -> None:
        self.text = text
        self.velocity = velocity
        """A Velocity template (`.vm`): `$name` and `#if(...)` are template code (`_velocity`)."""
        self._pairs: dict[tuple[int, str], int | None] = {}
        """Velocity and Razor: the end of the bracket opened at an offset, or None (`_matched`)."""
        self.smarty = smarty
        self.razor = razor
        self.braces = braces
        """`svelte` or `heex`: single braces are template code (`template_braces`)."""
        self.phoenix = phoenix
        """EEx of a Phoenix template: its form helpers render controls (`phoenix`)."""
        self._raw_text = raw_text_regions(text) if braces else []
        self._raw_next = 0
        self._unclosed_until = 0
        """The end of the stretch read for the last brace never closed; `_closed`: the braces
        closed in it."""
        self._closed: dict[int, int] = {}
        self._next: dict[str | re.Pattern[str], tuple[int, int, int]] = {}
        """Each closer's last search (`_find`): where it started, and the closer's start and end."""
        self.tokens: list[Token] = []
        self._braces: list[bool] = []
        """Razor: open `{` braces, True for those that opened an `@if`/`@foreach` block."""

    def run(self) -> list[Token]:
        """Scan the whole text once; tokens come out in document order."""
        triggers = _TRIGGERS_RAZOR if self.razor else _TRIGGERS_VELOCITY if self.velocity else _TRIGGERS
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
        end = self._find(close, j + skip, j + _MAX_TAG)
        if end < 0:
            return None
        return self._add(j, end + len(close), kind, name)

    def _find(self, close: str, start: int, limit: int | None = None) -> int:
        """`text.find(close, start, limit)`, remembering the closer found for later openers.

        A template may open a tag every few characters and never close it (`{{{{...`,
        `{%{%...`, `{literal}{literal}...`): searching from each opener to the limit (or the
        end) would cost openers x limit, so the closer found by one search answers every
        later search that starts before it (sweep36).
        """
        at, end = self._search(close, start)
        return at if at >= 0 and (limit is None or end <= limit) else -1

    def _search(self, closer: str | re.Pattern[str], start: int) -> tuple[int, int]:
        """Start and end of the first `closer` (a string or pattern) at or after `start`; (-1, -1) if none."""
        known = self._next.get(closer)
        if known is None or not (known[0] <= start and (known[1] < 0 or start <= known[1])):
            if isinstance(closer, str):
                at = self.text.find(closer, start)
                end = at + len(closer) if at >= 0 else -1
            else:
                m = closer.search(self.text, start)
                at, end = (m.start(), m.end()) if m else (-1, -1)
            known = self._next[closer] = (start, at, end)
        return known[1], known[2]

    def _at(self, j: int) -> int | None:
        s = self.text
        if self.velocity and s[j] in "$#":
            return self._velocity(j)
        if self.braces and s[j] == "{":
            return self._brace(j)
        if s.startswith("{{", j):
            return self._mustache(j)
        if s.startswith("{%", j):
            return self._jinja(j)
        if s.startswith("{#", j):
            return self._until(j, "#}", COMMENT)
        if s.startswith("{!!", j):  # Blade's raw echo `{!! $x !!}`; `{!! Form::text('x') !!}`
            kind, name = (RENDER, "blade") if BLADE_HELPER.match(s, j + 3) else (EXPR, "")
            return self._until(j, "!!}", kind, name, skip=3)
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

    def _velocity(self, j: int) -> int | None:
        """A Velocity reference (`$column.javaField`, `${field}`), directive or comment.

        Velocity writes the code generators' templates (RuoYi's `index.vue.vm`): a
        `v-model="scope.row.$javaField"` names no field of its own, so the reference is
        template code, as `{{ x }}` is, and the control's name one cnsnt cannot read (trial36).
        """
        s = self.text
        if s.startswith("##", j):  # a line comment
            end = s.find("\n", j)
            return self._add(j, end if end >= 0 else len(s), COMMENT)
        if s.startswith("#*", j):
            return self._until(j, "*#", COMMENT)
        if s[j] == "$":
            m = _VELOCITY_REF.match(s, j)
            if m is None:
                return None
            if m.group(1):  # `${a.b(c)}`: to its closing brace
                brace = self._matched(s.index("{", j), "{", "}")
                return self._add(j, brace, EXPR) if brace is not None else None
            return self._add(j, self._velocity_tail(m.end()), EXPR)
        m = _VELOCITY_DIRECTIVE.match(s, j)
        if m is None:
            return None
        word, end = m.group(2), m.end()
        if m.group(1):  # `#{else}`
            if not s.startswith("}", end):
                return None
            end += 1
        if word in ("else", "end", "break", "stop"):
            kind, name = {"else": (BRANCH, "velocity"), "end": (CLOSE, "velocity:*")}.get(word, (STMT, ""))
            return self._add(j, end, kind, name)
        paren = skip_space(s, end)
        close = self._matched(paren, "(", ")") if s.startswith("(", paren) else None
        if close is None:
            return None  # `#set` in prose, a CSS `#include` id: no directive
        if word == "if":
            return self._add(j, close, IF, "velocity:if")
        if word == "elseif":
            return self._add(j, close, BRANCH, "velocity")
        if word in ("foreach", "macro", "define"):
            return self._add(j, close, OPEN, f"velocity:{word}")
        return self._add(j, close, STMT)

    def _matched(self, pos: int, open_: str, close: str) -> int | None:
        """Offset after the bracket matching the one at `pos` (quotes respected), or None.

        Every bracket the scan pairs (or leaves open) is remembered: a Velocity reference or
        directive, or a Razor block or expression, may open a bracket every few characters
        (`#if(#if(...`, `$a($a(...`, `@if(@if(...`), and scanning each from scratch to the
        limit would be quadratic, so one scan answers for the brackets inside it too. Each
        bracket is given what a scan of its own would find, within `_MAX_TAG` of it: the
        scan goes on past `pos`'s limit while a bracket opened inside it is still open and
        within its own (a closed `@{ ... }` after an unclosed `@{`, codereview36).
        """
        memo = self._pairs
        if (pos, open_) in memo:
            return memo[pos, open_]
        s, n = self.text, len(self.text)
        if not s.startswith(open_, pos):
            return None
        opened: deque[int] = deque()  # open brackets, outermost first
        i = pos
        while i < n:
            while opened and opened[0] + _MAX_TAG <= i:
                memo[opened.popleft(), open_] = None  # past its own limit
            if not opened and i > pos:
                break
            c = s[i]
            if c in "'\"":
                i = string_end(s, i, min(n, (opened[-1] if opened else pos) + _MAX_TAG), line=True) + 1
                continue
            if c == open_:
                opened.append(i)
            elif c == close and opened:
                memo[opened.pop(), open_] = i + 1
            i += 1
        for at in opened:
            memo[at, open_] = None
        return memo[pos, open_]

    def _velocity_tail(self, pos: int) -> int:
        """The end of a reference's members and calls after its head: `.javaField`, `.get(0)`, `[i]`."""
        s = self.text
        while pos < len(s):
            if s[pos] == "(" or s[pos] == "[":
                end = self._matched(pos, s[pos], ")" if s[pos] == "(" else "]")
                if end is None:
                    return pos
                pos = end
            elif (m := _VELOCITY_MEMBER.match(s, pos)) is not None:
                pos = m.end()
            else:
                return pos
        return pos

    def _brace(self, j: int) -> int | None:
        """A Svelte or HEEx `{...}`; braces in a `<script>` or `<style>` body are skipped."""
        regions = self._raw_text
        while self._raw_next < len(regions) and regions[self._raw_next][1] <= j:
            self._raw_next += 1
        if self._raw_next < len(regions) and regions[self._raw_next][0] <= j:
            return regions[self._raw_next][1]
        heex = self.braces == "heex"
        if j < self._unclosed_until:  # inside the stretch an unclosed brace's pass read
            end = self._closed.get(j)
        else:
            end, closed, reach = brace_end(self.text, j, _MAX_TAG, elixir=heex)
            if end is None:
                self._unclosed_until, self._closed = reach, closed
        if end is None:
            return None
        if heex:
            code = self.text[j + 1 : end - 1]
            kind, name = (RENDER, "phoenix") if phoenix_helper(code) else (EXPR, "")
        else:
            kind, name = svelte_kind(self.text[j + 1 : end - 1])
        return self._add(j, end, kind, name)

    def _mustache(self, j: int) -> int | None:
        s = self.text
        if s.startswith("{{!--", j):
            return self._until(j, "--}}", COMMENT, skip=5)
        if s.startswith("{{{", j):
            return self._until(j, "}}}", EXPR, skip=3)
        end = self._find("}}", j + 2, j + _MAX_TAG)
        if end < 0:
            return None
        inner = s[j + 2 : end].strip().strip("-~+").strip()
        helper = not s.startswith("{{--", j) and BLADE_HELPER.match(inner)  # `{{-- x --}}`: a comment
        kind, name = (RENDER, "blade") if helper else _mustache_kind(inner)
        return self._add(j, end + 2, kind, name)

    def _jinja(self, j: int) -> int | None:
        s = self.text
        end = self._find("%}", j + 2, j + _MAX_TAG)
        if end < 0:
            return None
        end += 2
        inner = s[j + 2 : end - 2].strip().strip("-+~").strip()
        m = _JINJA_WORD.match(inner)
        kw = m.group(0).lower() if m else ""
        if kw in _JINJA_END:
            at, close = self._search(_JINJA_END[kw], end)
            if kw == "comment":
                return self._add(j, close if at >= 0 else end, COMMENT)
            self._add(j, end, STMT)
            return self._add(at, close, STMT) if at >= 0 else end
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
        end = self._find("%>", j + 2, j + _MAX_TAG)
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
        if _ERB_IF.match(low) and not _ERB_END_OF_LINE.search(low):
            return self._add(j, end, IF, "erb:if")
        if _ERB_BRANCH.match(low):
            return self._add(j, end, BRANCH, "erb")
        if _ERB_END.match(low) or low == "}":
            return self._add(j, end, CLOSE, "erb:*")
        if (
            _ERB_DO.search(low)
            or _ERB_BLOCK.match(low)
            or low.endswith("{")
            or (self.phoenix and low.endswith("->"))  # `form_for @cs, path, fn f ->`
        ):
            return self._add(j, end, OPEN, "erb:block")
        if output and self.phoenix and phoenix_helper(code):
            return self._add(j, end, RENDER, "phoenix")
        if output and RAILS_HELPER.match(code):
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
            close = self._find("<!-- ENDPHP -->", m.end())
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
            close = self._find("{/literal}", j + 9)
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
        m = _SMARTY_WORD.match(s[j + 1 : k].strip())
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
        if m is not None and function_control(m.group(0)) and read_call(s[j:end]) is not None:
            # a project's own function named like a control: `{input type="email" name="email"}`
            return self._add(j, end, RENDER, SMARTY_FUNCTION)
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
            end = self._matched(brace, "{", "}")
            return self._add(j, end, STMT) if end else None
        if s.startswith("@(", j):
            end = self._matched(j + 1, "(", ")")
            return self._add(j, end, EXPR) if end else None
        m = _RAZOR_BLOCK.match(s, j)
        if m:
            after = self._matched(m.end() - 1, "(", ")")
            if after is None:
                return None
            k = skip_space(s, after)
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
        m = _BLAZOR_ATTRIBUTE.match(s, j)
        if m:
            return m.end()  # an attribute's name: its value (`"@(person.Phone)"`) is read on
        m = _RAZOR_IMPLICIT.match(s, j)
        if not m:
            return None
        k = m.end()
        while k < len(s):
            if s[k] == "." and (member := _RAZOR_MEMBER.match(s, k)) is not None:
                k = member.end()
            elif s[k] in "([":
                end = self._matched(k, s[k], ")" if s[k] == "(" else "]")
                if end is None:
                    break
                k = end
            else:
                break
        kind = RENDER if RAZOR_HELPER.match(s, j) else EXPR
        return self._add(j, k, kind, "razor" if kind == RENDER else "")

    def _razor_close(self, j: int) -> int | None:
        if not self._braces:
            return None
        if not self._braces.pop():
            return j + 1
        s = self.text
        m = _RAZOR_ELSE.match(s, j)
        if m:
            k = skip_space(s, m.end())
            if s.startswith("if", k):
                paren = skip_space(s, k + 2)
                after = self._matched(paren, "(", ")") if s[paren : paren + 1] == "(" else None
                k = skip_space(s, after) if after else k
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
        m = _HBS_BLOCK.match(inner)
        word = m.group(1) if m else ""
        return (IF if word in ("if", "unless") else OPEN), f"hbs:{word}"
    if inner.startswith("/"):
        return CLOSE, "hbs:" + inner[1:].strip()
    if inner.startswith("^"):
        rest = inner[1:].strip()
        return (IF, "hbs:" + rest.split()[0]) if rest else (BRANCH, "hbs")
    if _HBS_ELSE.match(inner):
        return BRANCH, "hbs"
    go = _GO_BLOCK.match(inner)
    if go:  # Go's html/template: `{{if .X}}checked{{end}}` prints it only when .X is set
        word = go.group(1)
        return (IF if word in ("if", "with") else OPEN), f"hbs:{word}"
    if inner == "end":
        return CLOSE, "hbs:*"
    if inner.startswith(">"):
        path = (inner[1:].split() or [""])[0]
        return (RENDER, "hbs") if _CONTROL_PARTIAL.search(path) else (EXPR, "")
    if control_call(inner, at_start=True):
        return RENDER, "call"
    return EXPR, ""

