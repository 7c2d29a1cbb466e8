"""Pug (once Jade) templates written out as the HTML markup they draw, each piece placed at its Pug line.

Express and other Node apps write views in Pug: `input(type="email" name="email")`,
`form(method="post" action="/signup")`, nested by indentation. The form reader reads
HTML with template code around it, so a Pug file is first written out as that: a tag
as `<input type="email" name="email">`, an `if` block as `{% if ... %}...{% endif %}`,
an attribute given a JavaScript expression (`name=field.name`) as `name="{{ ... }}"`,
a boolean one (`checked=user.optin`) as `{% if ... %}checked{% endif %}` (the template
choosing, as Pug prints it only when the value is true), `checked=false` not at all.
A mixin is a macro (`{% macro %}`), a call `+field('email')` a macro call, so the
macro reader reads the control a call names with literals. The downstream reader is
the HTML one, so a Pug control and its HTML twin give the same fields and findings.

Every Pug line gives one line of markup (closing tags go at the end of the line
before), and each piece remembers the Pug offset it came from: `PugMarkup.line_col`
turns a markup offset back into the Pug file's line and column.

pypugjs, the one Python parser of Pug, was tried first and left: its nodes carry the
lexer's line after a lookahead (one past the tag on most lines), no column, it
recurses once per nesting level (RecursionError at 400 levels) and it reads the
Python template dialects (`elif`) it converts Pug to. Pug's syntax is a line syntax;
it is read here one line at a time, by hand, with no regular expression but fixed ones.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from cnsnt.evidence import Evidence, SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import LineIndex, SourceContext, outside_problem, read_once, read_text
from cnsnt.sources.forms.common import VOID_ELEMENTS, shorten
from cnsnt.sources.forms.html_form import read_markup
from cnsnt.sources.forms.written import WrittenText, lone_breaks

#: Elements whose text is code, never markup: their text is not written out.
_RAW_TEXT = frozenset({"script", "style"})
#: Attributes HTML reads by presence: Pug prints them only when the value is true.
_BOOLEAN_ATTRS = frozenset(
    {"checked", "selected", "disabled", "readonly", "required", "multiple", "hidden"}
    | {"autofocus", "novalidate", "formnovalidate"}
)
#: Values that make Pug leave an attribute out.
_OMITTED = frozenset({"false", "null", "undefined"})
#: Characters an attribute's expression may end with and go on after a blank (`a +`).
_OPERATORS = frozenset("+-*/%?:|&<>=!.,^~")
#: Characters that go on an expression after a blank (` + b`); `:` only after a `?`.
_CONTINUES = frozenset("+*/%?|&<>=.^")
#: An attribute list longer than this, or on more lines, is taken for one never closed
#: (so a file of unclosed lists reads each character a bounded number of times).
_MAX_ATTRS = 50_000
_MAX_ATTR_LINES = 50
#: Keywords a block expansion's colon may lead to (`when 'post': include address`).
_EXPANDED_WORDS = frozenset({"include", "if", "unless", "each", "for", "while"})
#: Inline tags (`#[strong text]`) read inside one another at most this deep.
_MAX_INLINE = 8
#: Pairs of characters that would open or close template code in the markup written out.
_TEMPLATE_PAIRS = frozenset({"{{", "{%", "{#", "}}", "%}", "#}", "<%", "%>", "<!", "{!", "!!"})
#: Interpolation in text: `#{expr}`, `!{expr}`, `#[tag text]`. Linear: fixed length.
_INTERPOLATION = re.compile(r"[#!][{\[]")
#: Interpolation in a Jade attribute string: `name="#{prefix}_email"`.
_ATTR_INTERPOLATION = re.compile(r"[#!]\{")


@dataclass(frozen=True)
class PugProblem:
    """A part of a Pug file that could not be read (an error): where (an offset) and why."""

    offset: int
    message: str


@dataclass
class PugMarkup(WrittenText):
    """The markup a Pug file draws, where each of its offsets came from, and what could not be read."""

    problems: list[PugProblem] = field(default_factory=list)


#: Reads an included file: (name as written, offset of the include) -> its markup on one
#: line, or None (the caller says why).
Includer = Callable[[str, int], str | None]


def safe_code(code: str) -> str:
    """A JavaScript expression as template code that cannot close or open another piece.

    `}}` in `field({a: {b: 1}})` would end the `{{ ... }}` written around it: a blank is
    put between the two characters of every such pair, and line breaks become blanks.
    """
    out: list[str] = []
    prev = ""
    for c in code:
        if c in "\r\n\t":
            c = " "
        if prev + c in _TEMPLATE_PAIRS:
            out.append(" ")
        out.append(c)
        prev = c
    return "".join(out).strip()


def _string_end(s: str, q: int, end: int) -> int:
    """The offset after the string opened at `q`, or -1 when it is not closed before `end`."""
    quote, j = s[q], q + 1
    while j < end:
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if c == quote:
            return j + 1
        j += 1
    return -1


def _regex_end(s: str, q: int, start: int, limit: int) -> tuple[int, int]:
    """After a regular expression literal opened by the `/` at `q`: (its end, where the search stopped).

    The end is -1 when it is none; the search stops at its line's end when it is never closed.

    A `/` opens one where JavaScript expects a value (at the expression's `start`, or after
    an operator or an opening bracket), not after one (`total / count` divides). Its quotes
    (`/^[^"]+$/`) open no string; a `/` inside `[...]` or after a backslash does not close
    it, and it ends on its line.
    """
    if s.startswith(("//", "/*"), q):
        return -1, q  # a comment
    b = q - 1
    while b >= start and s[b] in " \t":
        b -= 1
    if b >= start and (s[b].isalnum() or s[b] in "_$)]}\"'`"):
        return -1, q  # after a value: a division
    j, in_class = q + 1, False
    while j < limit and s[j] not in "\r\n":
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            in_class = True
        elif c == "]":
            in_class = False
        elif c == "/" and not in_class:
            j += 1
            while j < limit and s[j].isalpha():  # its flags
                j += 1
            return j, j
        j += 1
    return -1, j


def _unescape(body: str) -> str:
    r"""A JavaScript string's body as its value (`\"` is `"`)."""
    if "\\" not in body:
        return body
    out: list[str] = []
    i = 0
    while i < len(body):
        if body[i] == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            out.append({"n": "\n", "t": "\t"}.get(nxt, nxt))
            i += 2
        else:
            out.append(body[i])
            i += 1
    return "".join(out)


def _literal(value: str) -> str | None:
    """The value of an attribute written as one string literal (`"email"`, `` `email` ``), else None."""
    if len(value) < 2 or value[0] not in "\"'`" or value[-1] != value[0]:
        return None
    if _string_end(value, 0, len(value)) != len(value):
        return None  # `"a" + b + "c"`: an expression
    body = value[1:-1]
    if value[0] == "`" and "${" in body:
        return None
    return _unescape(body)


@dataclass
class _Attr:
    """One attribute of a Pug tag as written."""

    name: str
    at: int
    value: str | None
    """The expression as written; None for a bare boolean (`checked`)."""
    escaped: bool = True


@dataclass
class _Open:
    """An element or block the indentation keeps open, and what closes it."""

    indent: int
    close: str
    kind: str = "tag"


@dataclass
class _Writer:
    """Markup written piece by piece, each piece on its Pug line, with where it came from."""

    index: LineIndex
    out: list[str] = field(default_factory=list)
    size: int = 0
    line: int = 1
    gens: list[int] = field(default_factory=list)
    srcs: list[int] = field(default_factory=list)
    spans: list[int] = field(default_factory=list)
    within: tuple[int, int, int] = (0, 0, 1)
    """The Pug line of the last piece: (start, end, number), so a line is looked up once."""

    def to_line(self, line: int) -> None:
        """Break lines until the markup is on Pug line `line`."""
        if line > self.line:
            self.out.append("\n" * (line - self.line))
            self.size += line - self.line
            self.line = line

    def emit(self, text: str, src: int, span: int = 0) -> None:
        """Write `text` for the Pug at `src`; its first `span` characters are the Pug's own."""
        if not text:
            return
        if not self.within[0] <= src < self.within[1]:  # another line: look it up
            line = self.index.line_col(src)[0]
            starts = self.index.starts
            self.within = (starts[line - 1], starts[line] if line < len(starts) else 1 << 62, line)
        self.to_line(self.within[2])
        if "\n" in text or "\r" in text:
            text = text.replace("\r", " ").replace("\n", " ")
        self.gens.append(self.size)
        self.srcs.append(src)
        self.spans.append(span)
        self.out.append(text)
        self.size += len(text)

    def tail(self, text: str) -> None:
        """Write `text` where the markup is (a closing tag), placed with the piece before it."""
        self.out.append(text)
        self.size += len(text)


#: What reading a line gives: the block its deeper lines are (indent, `comment`, `raw` or
#: `text`), if any, and where reading stopped (a tag's attributes may run on several lines).
_Read = tuple[tuple[int, str] | None, int]


class _Reader:
    """Read a Pug text line by line into markup (`pug_markup`)."""

    def __init__(self, source: str, include: Includer | None) -> None:
        self.s = source
        self.index = LineIndex(source)
        self.w = _Writer(self.index)
        self.include = include
        self.problems: list[PugProblem] = []
        self.stack: list[_Open] = []
        self.failed_until = -1
        """Where the last attribute list never closed was looked for a close: a list opened
        before there is looked for on its own line only (so unclosed lists cost linear time)."""
        self.no_regex_until = -1
        """Where a `/` never closed as a regular expression was searched to: a `/` before there
        is a division (so a line of them costs linear time)."""

    # -- the lines

    def run(self) -> PugMarkup:
        s, starts = self.s, self.index.starts
        n = len(starts)
        i = 0
        skip: tuple[int, str] | None = None  # a block's indent and kind: comment, raw, text
        while i < n:
            start = starts[i]
            end = s.find("\n", start)
            end = len(s) if end < 0 else end
            body = start
            while body < end and s[body] in " \t":
                body += 1
            blank = body >= end or s[body] == "\r"
            indent = body - start
            if skip is not None:
                if blank or indent > skip[0]:
                    if skip[1] == "text" and not blank:
                        self.text(body, self._line_end(end), 0)
                    i += 1
                    continue
                skip = None
            if blank:
                i += 1
                continue
            self.close_to(indent, s, body)
            skip, last = self.line(body, self._line_end(end), indent)
            i = max(i + 1, self.index.line_col(last)[0]) if last > end else i + 1
        self.close_to(-1, s, len(s))
        self.w.to_line(n)
        w = self.w
        return PugMarkup("".join(w.out), s, w.gens, w.srcs, w.spans, problems=self.problems)

    def _line_end(self, end: int) -> int:
        r"""The end of a line's text, a `\r` before its break left out."""
        return end - 1 if end > 0 and self.s[end - 1] == "\r" else end

    def close_to(self, indent: int, s: str, body: int) -> None:
        """Close what is open at `indent` or deeper; an `else` continues its `if` (or `each`)."""
        stack = self.stack
        while stack and stack[-1].indent > indent:
            self.w.tail(stack.pop().close)
        if stack and stack[-1].indent == indent and stack[-1].kind in ("if", "each"):
            word = _first_word(s, body)
            if word == "" and s.startswith("-", body):  # `- else`
                word = _first_word(s[body + 1 : body + 40].lstrip(), 0)
            if word == "else":
                return  # `line` writes the branch and keeps the block open
        while stack and stack[-1].indent >= indent:  # `label: input`: both close here
            self.w.tail(stack.pop().close)

    def push(self, indent: int, close: str, kind: str = "tag") -> None:
        self.stack.append(_Open(indent, close, kind))

    def line(self, p: int, e: int, indent: int) -> _Read:
        """Write one line's markup; (the block its deeper lines are, if any; where reading stopped)."""
        s, w = self.s, self.w
        c = s[p]
        if s.startswith("//", p):
            body = s[p + 3 if s.startswith("//-", p) else p + 2 : e].strip()
            if body[:6].lower() == "cnsnt:":  # an inline suppression, as an HTML comment says it
                w.emit(f"<!-- {body.replace('--', '- -')} -->", p)
            return (indent, "comment"), e
        if c == "<":  # a line of plain HTML
            w.emit(s[p:e], p, e - p)
            self.push(indent, "", "block")
            return None, e
        if c == "|":
            self.text(p + 2 if s.startswith("| ", p) else p + 1, e, 0)
            return None, e
        word = _first_word(s, p)
        after = p + len(word)
        if word and (after >= e or s[after] in " \t(" or (word == "default" and s[after] == ":")):
            handled = self.keyword(word, p, after, e, indent)
            if handled is not None:
                return handled
        if c == "-":
            code = s[p + 1 : e].strip()
            if not code:
                return (indent, "raw"), e  # a block of code lines
            self.code_line(code, p, indent)
            return None, e
        if c == "=" or s.startswith("!=", p):
            w.emit("{{ " + safe_code(s[p + (1 if c == "=" else 2) : e]) + " }}", p)
            return None, e
        if c == ":":  # a filter (`:markdown`): its text is no markup
            return (indent, "raw"), e
        if c == "+":
            return self.call(p, e, indent)
        if (c.isalpha() or c in ".#") and not s.startswith(("#[", "#{"), p):
            return self.tag_line(p, e, indent)
        self.text(p, e, 0)  # Pug would refuse it; read as the text it looks like
        return None, e

    def keyword(self, word: str, p: int, after: int, e: int, indent: int) -> _Read | None:
        """A line that starts with a keyword (`if`, `each`, `mixin`, `include`...), or None: a tag."""
        s, w = self.s, self.w
        rest = s[after:e].strip()
        if word in ("if", "unless"):
            cond = safe_code(rest) if word == "if" else f"not ({safe_code(rest)})"
            w.emit("{% if " + cond + " %}", p)
            self.push(indent, "{% endif %}", "if")
            return None, e
        if word == "else":
            top = self.stack[-1] if self.stack else None
            if top is not None and top.indent == indent and top.kind in ("if", "each"):
                tail = rest[2:].strip() if _first_word(rest, 0) == "if" else ""
                w.emit("{% elif " + safe_code(tail) + " %}" if tail else "{% else %}", p)
                return None, e
            self.push(indent, "", "block")  # an `else` without its `if`: its block is read
            return None, e
        if word in ("each", "for"):
            var, _, seq = rest.partition(" in ")
            w.emit("{% for " + safe_code(var or "item") + " in " + safe_code(seq or rest) + " %}", p)
            self.push(indent, "{% endfor %}", "each")
            return None, e
        if word == "while":
            w.emit("{% for _ in " + safe_code(rest) + " %}", p)
            self.push(indent, "{% endfor %}", "each")
            return None, e
        if word in ("case", "block", "append", "prepend"):
            self.push(indent, "", "block")  # their blocks are read where they stand
            return None, e
        if word in ("when", "default"):
            colon = _expansion(s, after, e)
            cond = s[after:colon].strip() if colon >= 0 else rest
            w.emit("{% if " + (safe_code(cond) or "default") + " %}", p)
            self.push(indent, "{% endif %}", "if")
            q = colon + 1
            while 0 < q < e and s[q] in " \t":
                q += 1
            if 0 < q < e:  # `when 'mail': input(...)`: block expansion, a tag (or a call) on the line
                expanded = self.expansion(q, e, indent)
                return expanded if expanded is not None else self.tag_line(q, e, indent)
            return None, e
        if word in ("doctype", "extends", "extend", "yield"):
            return None, e  # the layout is not read here: it is a file of its own
        if word == "mixin":
            name, _, args = rest.partition("(")
            args = safe_code(_without_rest(args.rsplit(")", 1)[0]) if args else "")
            w.emit("{% macro " + _macro_name(name) + "(" + _with_attributes(args) + ") %}", p)
            self.push(indent, "{% endmacro %}", "mixin")
            return None, e
        if word == "include":
            self.included(rest, p)
            return None, e
        return None

    def code_line(self, code: str, p: int, indent: int) -> None:
        """`- if (x)`, `- else`, `- for (...)`: unbuffered JavaScript, read as the blocks it opens."""
        word = _first_word(code, 0)
        if word == "if":
            self.w.emit("{% if " + safe_code(code[2:]) + " %}", p)
            self.push(indent, "{% endif %}", "if")
        elif word == "else":
            top = self.stack[-1] if self.stack else None
            if top is not None and top.indent == indent and top.kind == "if":
                self.w.emit("{% else %}", p)
            else:
                self.push(indent, "", "block")
        elif word in ("for", "while", "each") or code.rstrip().endswith(("{", "=>")):
            self.w.emit("{% for _ in " + safe_code(code) + " %}", p)
            self.push(indent, "{% endfor %}", "each")
        else:
            self.push(indent, "", "block")

    def included(self, rest: str, p: int) -> None:
        """`include partials/field`: the file's markup where it stands (`include:md x`: not markup)."""
        if rest.startswith(":") or self.include is None or not rest:
            return
        markup = self.include(rest, p)
        if markup:
            self.w.emit(markup, p)

    def call(self, p: int, e: int, indent: int) -> _Read:
        """`+field('email', 'E-mail')`: a mixin call, written as the macro call the macro reader reads."""
        s = self.s
        q = p + 1
        while q < e and (s[q].isalnum() or s[q] in "_-$"):  # a `.` after the name is a class
            q += 1
        name = s[p + 1 : q]
        args = ""
        last = e
        if q < len(s) and s[q] == "(" and not _ARGS_ARE_ATTRIBUTES.match(s, _blanks_end(s, q + 1)):
            reach = self.reach(q)
            close = _bracket_end(s, q, reach)
            if close < 0:
                self.failed_until = max(self.failed_until, reach)
                self.problems.append(
                    PugProblem(q, "this mixin call's argument list ( is never closed: the call is not read")
                )
                return None, e
            args = s[q + 1 : close - 1]
            last = q = close
        given = self.call_attributes(q, e)
        if given is None:
            return None, e
        attrs, q = given
        last = max(last, q)
        args = ", ".join(a for a in (safe_code(args), safe_code(attrs)) if a)
        self.w.emit("{{ " + _macro_name(name) + "(" + args + ") }}", p)
        self.push(indent, "", "block")  # the call's block is read where it stands
        return None, max(last, e)

    def call_attributes(self, q: int, e: int) -> tuple[str, int] | None:
        """A mixin call's attributes (`.wide#nick(required)`) as its macro's keyword `attributes={...}`.

        Also where they end; '' when none, None when a list is never closed (said). The macro
        takes them (`_with_attributes`).
        """
        s = self.s
        classes: list[str] = []
        pairs: list[str] = []
        forwarded: list[str] = []  # `&attributes(attributes)`: a hash merged over the rest
        while q < len(s):
            if s.startswith("&attributes(", q):
                close = _bracket_end(s, q + 11, self.reach(q))
                if close < 0:
                    self.problems.append(PugProblem(
                        q, "this mixin call's &attributes( is never closed: the call is not read"
                    ))
                    return None
                code = safe_code(s[q + 12 : close - 1])
                if code:
                    forwarded.append(code if code.isidentifier() else f"({code})")
                q = close
            elif s[q] in ".#" and q + 1 < e and (s[q + 1].isalnum() or s[q + 1] in "-_"):
                r = q + 1
                while r < e and (s[r].isalnum() or s[r] in "-_"):
                    r += 1
                if s[q] == ".":
                    classes.append(s[q + 1 : r])
                else:
                    pairs.append(f"'id': {_jinja_string(s[q + 1 : r])}")
                q = r
            elif s[q] == "(":
                got = self.attributes(q, self.reach(q))
                if got is None:
                    return None
                for a in got[0]:
                    literal = _literal(a.value.strip()) if a.value is not None else None
                    if a.name.lower() == "class" and literal:
                        classes.append(literal)  # `.wide(class='light')`: one class list, as Pug joins them
                    elif a.name != "&attributes":
                        pairs.append(f"{_jinja_string(a.name)}: {_jinja_value(a.value)}")
                q = got[1]
            else:
                break
        if classes:
            pairs.append(f"'class': {_jinja_string(' '.join(classes))}")
        merged = "{" + ", ".join(pairs) + "}" if pairs else ""
        for code in forwarded:  # Pug merges each over the call's own, a later one over an earlier
            merged = f"dict({merged}, **{code})" if merged else code
        return (f"attributes={merged}" if merged else ""), q

    # -- tags

    def tag_line(self, p: int, e: int, indent: int) -> _Read:
        """One or more tags (`label: input(...)`), their text, and what their deeper lines are."""
        block: tuple[int, str] | None = None
        end = e
        while True:
            tag = self.tag(p, e)
            if tag is None:
                self.text(p, e, 0)
                return block, end
            name, q, closes = tag
            s = self.s
            line_end = s.find("\n", q)
            e = self._line_end(len(s) if line_end < 0 else line_end) if q > end else e
            end = max(end, e)
            self.push(indent, f"</{name}>" if closes else "", "tag")
            raw = name in _RAW_TEXT
            if q >= e:
                return block, end
            if s[q] == "." and not s[q + 1 : e].strip():
                return (indent, "raw" if raw else "text"), end
            if s.startswith(": ", q) or s.startswith(":\t", q):
                p = q + 1
                while p < e and s[p] in " \t":
                    p += 1
                if p >= e:
                    return block, end
                expanded = self.expansion(p, e, indent)
                if expanded is None:
                    continue  # `label: input(...)`: the next tag, in this loop
                return expanded[0] or block, max(end, expanded[1])
            if s[q] == "=" or s.startswith("!=", q):
                if not raw:
                    code = s[q + (1 if s[q] == "=" else 2) : e]
                    self.w.emit("{{ " + safe_code(code) + " }}", q)
                return block, end
            if s[q] in " \t" and not raw:
                self.text(q + 1, e, 0)
            return block, end

    def expansion(self, p: int, e: int, indent: int) -> _Read | None:
        """What follows a block expansion's colon when it is no tag, read as on a line of its own.

        A mixin call, an include, a condition or loop, text or code (`label: +field('email')`,
        `when 'post': include address`); None for a tag, which the caller reads.

        `case` and `when` are not taken here, so a line of `when a: when a: ...` is no recursion.
        """
        s = self.s
        word = _first_word(s, p)
        after = p + len(word)
        keyword = word in _EXPANDED_WORDS and (after >= e or s[after] in " \t(")
        if keyword or s[p] in "+=|" or s.startswith("!=", p):
            return self.line(p, e, indent)
        return None

    def reach(self, p: int) -> int:
        """How far a bracket opened at `p` is looked for a close (`_MAX_ATTRS`, `_MAX_ATTR_LINES`)."""
        starts = self.index.starts
        line = self.index.line_col(p)[0] - 1
        last = line + (1 if p < self.failed_until else _MAX_ATTR_LINES)
        end = starts[last] if last < len(starts) else len(self.s)
        return min(end, p + _MAX_ATTRS)

    def tag(self, p: int, e: int, inline: bool = False) -> tuple[str, int, bool] | None:
        """Write one tag's start at `p`: (its name, where its text starts, whether an end tag closes it).

        `inline`: a tag inside text (`#[...]`), whose attributes end by `e`.
        """
        s, w = self.s, self.w
        q = p
        while q < e and (s[q].isalnum() or s[q] in "-_:"):
            q += 1
        name = s[p:q]
        if name.endswith(":"):
            name, q = name[:-1], q - 1  # `label: input`: block expansion
        if not name:
            if s[p] not in ".#":
                return None
            name = "div"
        elif not name[0].isalpha():
            return None
        classes: list[str] = []
        ident: str | None = None
        attrs: list[_Attr] = []
        first_class = -1
        while q < len(s):
            c = s[q]
            if c in ".#" and q + 1 < e and (s[q + 1].isalnum() or s[q + 1] in "-_"):
                r = q + 1
                while r < e and (s[r].isalnum() or s[r] in "-_"):
                    r += 1
                if c == ".":
                    first_class = q if first_class < 0 else first_class
                    classes.append(s[q + 1 : r])
                elif ident is None:
                    ident = s[q + 1 : r]
                q = r
            elif c == "(":
                got = self.attributes(q, e if inline else self.reach(q))
                if got is None:
                    q = e  # read without its attributes
                    break
                attrs.extend(got[0])
                q = got[1]
            elif s.startswith("&attributes(", q):
                close = _bracket_end(s, q + 11, e if inline else self.reach(q))
                if close < 0:
                    q = e
                    break
                attrs.append(_Attr("&attributes", q, s[q + 12 : close - 1]))
                q = close
            else:
                break
        selfclose = q < len(s) and s[q] == "/"
        if selfclose:
            q += 1
        w.emit("<" + name, p)
        if ident is not None:
            w.emit(f' id="{html.escape(ident)}"', p)
        self.write_attrs(attrs, classes, first_class, ident is not None)
        w.tail(" />" if selfclose else ">")
        closes = not selfclose and name.lower() not in VOID_ELEMENTS
        return name, q, closes

    def write_attrs(self, attrs: list[_Attr], classes: list[str], class_at: int, has_id: bool) -> None:
        """Write a tag's attributes as HTML: literals quoted, expressions as template code."""
        w = self.w
        class_code: list[str] = []
        # Pug merges `&attributes` over the tag's own (a later one over an earlier one), and
        # HTML keeps the first of a duplicate attribute: they are written first, last first.
        given = [a for a in attrs if a.name == "&attributes"]
        if given:
            attrs = given[::-1] + [a for a in attrs if a.name != "&attributes"]
        for a in attrs:
            low = a.name.lower()
            value = a.value
            if a.name == "&attributes":  # Jinja's filter for a hash written as attributes
                code = safe_code(value or "")
                code = code if code.isidentifier() else f"({code})"
                w.emit(" {{ " + code + "|xmlattr }}", a.at)
                continue
            if value is not None and value.strip() in _OMITTED:
                continue  # Pug leaves it out
            if value is None or value.strip() == "true":
                if low == "class":
                    continue
                w.emit(" " + a.name, a.at)
                continue
            value = value.strip()
            literal = _literal(value)
            if low == "class":
                class_at = a.at if class_at < 0 else class_at
                if literal is not None:
                    classes.append(literal)
                else:
                    class_code.append("{{ " + safe_code(value) + " }}")
                continue
            if low == "id" and has_id:
                continue
            if literal is not None:
                text = html.escape(literal, quote=True) if a.escaped else literal.replace('"', "&quot;")
                if "#{" in literal or "!{" in literal:
                    text = _interpolated(literal)
                w.emit(f' {a.name}="{text}"', a.at)
            elif low in _BOOLEAN_ATTRS:
                w.emit(" {% if " + safe_code(value) + " %}" + a.name + "{% endif %}", a.at)
            else:
                w.emit(f' {a.name}="{{{{ {safe_code(value)} }}}}"', a.at)
        if classes or class_code:
            joined = " ".join([html.escape(" ".join(classes), quote=True), *class_code]).strip()
            w.emit(f' class="{joined}"', max(class_at, 0))

    def attributes(self, p: int, limit: int) -> tuple[list[_Attr], int] | None:
        """The attributes of the list opened at `p` (`(`) and the offset after its `)`; None: never closed."""
        s = self.s
        out: list[_Attr] = []
        q = p + 1
        while q < limit:
            c = s[q]
            if c in " \t\r\n,":
                q += 1
                continue
            if c == ")":
                return out, q + 1
            at = q
            if c in "\"'":
                close = _string_end(s, q, limit)
                if close < 0:
                    break
                name, q = s[q + 1 : close - 1], close
            else:
                depth = 0
                while q < limit:
                    ch = s[q]
                    if ch in "([":
                        depth += 1
                    elif ch in ")]" and depth > 0:
                        depth -= 1
                    elif ch == ")" or (depth == 0 and (ch in " \t\r\n,=" or s.startswith("!=", q))):
                        break
                    q += 1
                name = s[at:q]
            r = q
            while r < limit and s[r] in " \t":
                r += 1
            escaped = not s.startswith("!=", r)
            if r < limit and (s[r] == "=" or not escaped):
                vstart = r + (1 if escaped else 2)
                vend = self.value_end(vstart, limit)
                if vend < 0:
                    break
                if s[vstart:vend].strip() and _name_ok(name):
                    out.append(_Attr(name, at, s[vstart:vend], escaped))
                q = max(vend, q + 1)
            else:
                if _name_ok(name):
                    out.append(_Attr(name, at, None))
                q = max(q, at + 1)
        self.failed_until = max(self.failed_until, limit)
        self.problems.append(PugProblem(
            p, "this attribute list ( is never closed (or a string in it is not): the tag is read "
            "without its attributes"
        ))
        return None

    def value_end(self, q: int, limit: int) -> int:
        """Where an attribute's JavaScript value ends: a comma, the list's `)`, or a blank it stops at."""
        s = self.s
        while q < limit and s[q] in " \t":
            q += 1
        start, depth, ternary, regex_end = q, 0, False, -1
        while q < limit:
            c = s[q]
            if c in "\"'`":
                close = _string_end(s, q, limit)
                if close < 0:
                    return -1
                q = close
                continue
            if c == "/" and q >= self.no_regex_until:
                regex, searched = _regex_end(s, q, start, limit)
                if regex > 0:
                    q = regex_end = regex  # `pattern=/^[^"]+$/`: its quote opens no string
                    continue
                if searched > q:  # never closed on its line: no later `/` there is looked at so
                    self.no_regex_until = searched
            if c in "([{":
                depth += 1
            elif c in ")]}":
                if depth == 0:
                    return q
                depth -= 1
            elif depth == 0 and c == ",":
                return q
            elif c == "?":
                ternary = True
            elif depth == 0 and c in " \t\r\n":
                r = q
                while r < limit and s[r] in " \t\r\n":
                    r += 1
                before = s[q - 1] if start < q != regex_end else ""  # a regex's `/` ends a value
                nxt = s[r] if r < limit else ""
                goes_on = before in _OPERATORS and not s.startswith(("++", "--"), q - 2)
                if goes_on or nxt in _CONTINUES or (nxt == ":" and ternary):
                    q = r
                    continue
                return q
            q += 1
        return -1

    # -- text

    def text(self, p: int, e: int, depth: int) -> None:
        """Text as markup (Pug's text is HTML), `#{x}` as `{{ x }}`, `#[tag text]` as the tag."""
        s, w = self.s, self.w
        pos = p
        while pos < e:
            m = _INTERPOLATION.search(s, pos, e)
            if m is None:
                break
            at = m.start()
            if at > p and s[at - 1] == "\\":  # `\#{x}`: written as it stands
                w.emit(s[pos : at - 1], pos, at - 1 - pos)
                w.emit(s[at : at + 2], at, 2)
                pos = at + 2
                continue
            close = _bracket_end(s, at + 1, e, strings=s[at + 1] == "{")
            if close < 0:
                break  # never closed: the rest is text
            w.emit(s[pos:at], pos, at - pos)
            if s[at + 1] == "{":
                w.emit("{{ " + safe_code(s[at + 2 : close - 1]) + " }}", at)
            elif depth < _MAX_INLINE:
                self.inline_tag(at + 2, close - 1, depth)
            else:
                w.emit(s[at:close], at, close - at)
            pos = close
        w.emit(s[pos:e], pos, e - pos)

    def inline_tag(self, p: int, e: int, depth: int) -> None:
        """`#[input(type="checkbox" name="x")]` or `#[strong text]` inside text."""
        tag = self.tag(p, e, inline=True)
        if tag is None:
            self.text(p, e, depth + 1)
            return
        name, q, closes = tag
        if q < e and self.s[q] in " \t":
            self.text(q + 1, e, depth + 1)
        if closes:
            self.w.tail(f"</{name}>")


def _name_ok(name: str) -> bool:
    """An attribute name the markup can hold (none of `"'<>/=` or a blank in it)."""
    return bool(name) and not any(c in name for c in "\"'<>/= \t\r\n")


def _first_word(s: str, p: int) -> str:
    """The run of letters at `p` (a keyword, or a tag's name)."""
    q = p
    while q < len(s) and s[q].isalpha():
        q += 1
    return s[p:q]


def _interpolated(value: str) -> str:
    """An attribute string with `#{x}` in it as markup: `{{ x }}` for each, the rest escaped.

    Jade (`.jade`, before Pug 2) interpolated such strings: `name="#{prefix}_email"` is
    template code, as `name="{{ prefix }}_email"` is in the HTML twin, never a field named so.
    """
    out: list[str] = []
    pos = 0
    while (m := _ATTR_INTERPOLATION.search(value, pos)) is not None:
        at = m.start()
        close = _bracket_end(value, at + 1, len(value))
        if close < 0:
            break  # never closed: the rest is text
        out.append(html.escape(value[pos:at], quote=True))
        out.append("{{ " + safe_code(value[at + 2 : close - 1]) + " }}")
        pos = close
    out.append(html.escape(value[pos:], quote=True))
    return "".join(out)


def _expansion(s: str, p: int, e: int) -> int:
    """The offset of the `: ` that ends a `when` expression (`when 'a': input`), -1 if none.

    As Pug reads it: the first colon outside strings and brackets, a blank after it.
    """
    depth = 0
    q = p
    while q < e:
        c = s[q]
        if c in "\"'`":
            q = _string_end(s, q, e)
            if q < 0:
                return -1
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == ":" and depth <= 0 and (q + 1 >= e or s[q + 1] in " \t"):
            return q
        q += 1
    return -1


def _without_rest(params: str) -> str:
    """A mixin's parameters without its rest one (`...items`), which a macro cannot declare.

    With it the macro reader read no macro, and a call drew no field.
    """
    depth, cut, q = 0, -1, 0
    while q < len(params):
        c = params[q]
        if c in "\"'`":
            q = _string_end(params, q, len(params))
            if q < 0:
                return params
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            cut = q
        q += 1
    if params[cut + 1 :].strip().startswith("..."):
        return params[: max(cut, 0)]
    return params


#: A mixin call's first list holds attributes, not arguments, when it starts with `name =`
#: (Pug's own test: `+input(type="email")`), blanks before it passed over by hand. Linear: a
#: try starts only where a name starts (lookbehind), a possessive run, then fixed characters.
_ARGS_ARE_ATTRIBUTES = re.compile(r"(?<![-\w])[-\w]++ *+!?=")
#: A name no template binds: a call's attribute computed by JavaScript, which no literal decides.
_COMPUTED = "_pug_computed_"


def _blanks_end(s: str, q: int) -> int:
    """The offset after the blanks and line breaks at `q`."""
    while q < len(s) and s[q] in " \t\r\n":
        q += 1
    return q


def _with_attributes(params: str) -> str:
    """A mixin's parameters and `attributes={}`, the hash of the attributes a call gives.

    Pug's implicit `attributes`, which `&attributes(attributes)` writes on a tag.
    """
    names = [p.strip().partition("=")[0].strip() for p in params.split(",")]
    if "attributes" in names:
        return params
    return f"{params}, attributes={{}}" if params.strip() else "attributes={}"


def _jinja_string(text: str) -> str:
    """A Jinja string literal of `text`."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _jinja_value(value: str | None) -> str:
    """A call's attribute value as a Jinja literal: a string's, a boolean, or `_COMPUTED` for code."""
    if value is None:
        return "true"
    value = value.strip()
    literal = _literal(value)
    if literal is not None:
        return _jinja_string(literal)
    if value in ("true", "false"):
        return value
    if value in _OMITTED:
        return "false"
    if value.isdigit():
        return value
    return _COMPUTED


def _macro_name(name: str) -> str:
    """A mixin's name as a macro's: `form-input` is `form_input` (a dash is no name's)."""
    return name.strip().replace("-", "_").replace(".", "_") or "mixin"


def _bracket_end(s: str, p: int, limit: int, *, strings: bool = True) -> int:
    """The offset after the bracket matching the one at `p`, -1 if none before `limit`.

    `strings`: code, whose strings are passed over; text (`#[strong Don't]`) has none.
    """
    opens, closes = "([{", ")]}"
    depth = 0
    q = p
    while q < limit:
        c = s[q]
        if strings and c in "\"'`":
            end = _string_end(s, q, limit)
            if end < 0:
                return -1
            q = end
            continue
        if c in opens:
            depth += 1
        elif c in closes:
            depth -= 1
            if depth == 0:
                return q + 1
        q += 1
    return -1


def pug_markup(source: str, include: Includer | None = None) -> PugMarkup:
    """The markup a Pug text draws, line for line, with each piece's Pug position."""
    return _Reader(lone_breaks(source), include).run()


# ---------------------------------------------------------------- the reader

#: Suffixes of Pug templates (Jade is Pug's name until 2016).
PUG_SUFFIXES = frozenset({".pug", ".jade"})
#: Includes read inside one another at most this deep (a file that includes itself stops sooner).
MAX_INCLUDE_DEPTH = 8
#: Included files read for one template, nested ones counted (a bound on the work).
MAX_INCLUDES = 200
#: Suffixes of included files that are markup as they stand.
_HTML_SUFFIXES = frozenset({".html", ".htm"})


#: Why an include past a limit is not followed: said once per template, with how many more.
_TOO_DEEP = f": includes nest deeper than {MAX_INCLUDE_DEPTH} levels; its form fields are not read"
_TOO_MANY = f": more than {MAX_INCLUDES} includes read for this template; its form fields are not read"


def _limits_once(unread: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The includes not followed, each limit said once, at its first include, with how many more.

    A tree of partials that each include the next twice reaches the depth limit along every
    path (2^k of them), and every include after the budget is spent says so again.
    """
    out: list[tuple[int, str]] = []
    first: dict[str, int] = {}
    more: dict[str, int] = {}
    for at, why in unread:
        limit = next((w for w in (_TOO_DEEP, _TOO_MANY) if why.endswith(w)), None)
        if limit is None:
            out.append((at, why))
        elif limit in first:
            more[limit] += 1
        else:
            first[limit], more[limit] = len(out), 0
            out.append((at, why))
    for limit, index in first.items():
        if more[limit]:
            at, why = out[index]
            out[index] = (at, f"{why} (and {more[limit]:,} more includes past the limit)")
    return out


@dataclass(frozen=True)
class IncludedProblem:
    """A part of an included Pug file that could not be read: where in that file, through which includes."""

    at: int
    """The offset of the `include` in the template that reads it."""
    file: Path
    """The included file the problem is in (resolved)."""
    path: str
    """The same file, as shown."""
    line: int
    column: int
    message: str
    via: tuple[str, ...] = ()
    """The includes between: `partials/address.pug at 2:1`, outermost first."""


@dataclass
class _Includes:
    """Where one template's includes are looked for, how many are left, and what was not followed."""

    ctx: SourceContext
    root: Path
    budget: list[int] = field(default_factory=lambda: [MAX_INCLUDES])
    chain: tuple[Path, ...] = ()
    unread: list[tuple[int, str]] = field(default_factory=list)
    """(offset in the template read, why) of each include not followed."""
    errors: list[IncludedProblem] = field(default_factory=list)
    """What the included files read hold that could not be read (said by the template)."""

    def reader(self, here: Path) -> Includer:
        """The includer for the file `here` (an include's path is relative to its file)."""

        def include(name: str, at: int) -> str | None:
            found = self._file(here, name.strip().strip("\"'"))
            if isinstance(found, str):
                if found:
                    self.unread.append((at, f"include {shorten(name.strip(), 60)}{found}"))
                return None
            path, text = found
            if path.suffix.lower() in _HTML_SUFFIXES:
                return text
            inner = _Includes(self.ctx, self.root, self.budget, (*self.chain, path))
            markup = pug_markup(text, inner.reader(path))
            self.unread.extend((at, why) for _, why in inner.unread)  # said at this include
            self._errors(at, path, markup, inner)
            return markup.text

        return include

    def _errors(self, at: int, path: Path, markup: PugMarkup, inner: _Includes) -> None:
        """Keep the problems of the file `path` included at `at` (and its own includes') for the template."""
        shown = self.ctx.shown(path)
        for p in markup.problems:
            self.errors.append(IncludedProblem(at, path, shown, *markup.source_line_col(p.offset), p.message))
        for e in inner.errors:
            line, column = markup.source_line_col(e.at)
            self.errors.append(replace(e, at=at, via=(f"{shown} at {line}:{column}", *e.via)))

    def _file(self, here: Path, name: str) -> tuple[Path, str] | str:
        """The file and text an include names, else why not ('' when nothing needs saying)."""
        if not name or name.startswith("/"):
            return (
                ": a path from the app's basedir, which cnsnt does not know; the file's form "
                "fields are not read here (name it under forms: to read it)"
            )
        path = here.parent / name
        if not path.suffix:
            own = here.suffix if here.suffix.lower() in PUG_SUFFIXES else ".pug"
            path = path.with_name(path.name + own)
        suffix = path.suffix.lower()
        if suffix not in PUG_SUFFIXES and suffix not in _HTML_SUFFIXES:
            return ""  # a script, a style sheet, a text: no form in it
        ctx = self.ctx
        if not _is_file(path) or outside_problem(path, self.root, ctx.limits.allow_outside) is not None:
            shown = shorten(ctx.shown(path), 120)  # a name the system refused may be long
            return f": cnsnt cannot find the file {shown} in the project; its form fields are not read"
        path = path.resolve()
        if path in self.chain:
            return ""  # a file that includes itself: read once, at the outer include
        if len(self.chain) > MAX_INCLUDE_DEPTH:
            return _TOO_DEEP
        if self.budget[0] <= 0:
            return _TOO_MANY
        self.budget[0] -= 1
        text = read_once(path, ctx, "pug:include")
        if text is None:
            return f": cnsnt cannot read the file {ctx.shown(path)}; its form fields are not read"
        return path, text


def _is_file(path: Path) -> bool:
    """Whether `path` is a file; False where the system refuses the name (too long: `OSError`)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def read_pug_forms(path: Path, spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """Read the forms of one Pug template as the HTML reader reads the markup it draws."""
    shown = ctx.shown(path)
    text = read_text(path, shown, limits=ctx.limits)
    includes = _Includes(ctx, ctx.base_dir.resolve(), chain=(path.resolve(),))
    markup = pug_markup(text, includes.reader(path))
    problems = [
        SourceProblem(
            p.message,
            Location(shown, *markup.source_line_col(p.offset)),
            shown,
        )
        for p in markup.problems
    ]
    problems += [
        SourceProblem(why, Location(shown, *markup.source_line_col(at)), shown, severity=Severity.WARNING)
        for at, why in _limits_once(includes.unread)
    ]
    # A partial included along many paths holds one problem: said once, through the first.
    first: dict[tuple[Path, int, int, str], IncludedProblem] = {}
    for e in includes.errors:
        first.setdefault((e.file, e.line, e.column, e.message), e)
    problems += [_included_problem(e, shown, markup) for e in first.values()]
    return read_markup(path, markup.text, ctx, positions=markup.line_col, unread=problems)


def _included_problem(e: IncludedProblem, shown: str, markup: PugMarkup) -> SourceProblem:
    """A problem of an included file, placed in that file and said by the template `shown` that includes it.

    Dropped when the included file is a source of the audit too (`includes`): it says the
    problem itself then, once, not once more for each view that includes it.
    """
    line, column = markup.source_line_col(e.at)
    through = "".join(f" through {step}" for step in e.via)
    why = f"{e.message} (in {e.path}, which {shown} includes at {line}:{column}{through})"
    return SourceProblem(why, Location(e.path, e.line, e.column), shown, includes=(e.file,))
