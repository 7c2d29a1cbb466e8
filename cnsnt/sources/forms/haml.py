"""Haml views read as the ERB they render, line for line, with the Haml file's positions kept.

Rails apps write most views in Haml (diaspora's 192, demarches-simplifiees.fr's 759):
`%input{type: "checkbox", name: "newsletter", checked: true}`, `= form_with model: @user
do |f|`, `= f.check_box :marketing, checked: true`. Each Haml line is translated into the
HTML and ERB it stands for at the same line (`<input type="checkbox" name="newsletter"
checked>`, `<%= f.check_box :marketing, checked: true %>`), with the closing tag or `<%
end %>` written where the indentation returns (Haml has none), and the ERB reader reads
the result: a Haml control and its ERB twin give the same fields and findings. Every
output offset keeps the Haml offset it came from (`HamlView.line_col`), so a finding
names the Haml line and column of the control or attribute.

Attribute hashes (`{type: "email", :name => "x", data: {x: 1}}`) are read with
tree-sitter's Ruby grammar; HTML-style attributes (`(type="email" name=@name)`) are no
Ruby and are read here. Filters (`:javascript`, `:css`), silent comments (`-#`) and the
lines nested under them are no markup; an `:erb` filter's body is ERB as it stands, and a
`:plain` one's text (its HTML is markup). A bracket never closed is the one error: Haml
refuses such a view too.

Linear: each line is read once; an attribute hash or a Ruby line that runs on over the
next lines takes them, and they are not read again.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from cnsnt.sources.forms.common import VOID_ELEMENTS
from cnsnt.sources.forms.rails_helpers import literal
from cnsnt.sources.forms.templates import erb_opens_block
from cnsnt.sources.forms.written import WrittenText, lone_breaks
from cnsnt.sources.schemas.grammars import parse_snippet

#: Attributes Haml writes bare when true and leaves out when false or nil (HTML5 format).
_BOOLEAN = frozenset(
    {"checked", "disabled", "readonly", "required", "selected", "multiple", "autofocus", "hidden",
     "novalidate", "formnovalidate", "open", "async", "defer", "autoplay", "controls", "loop",
     "muted", "reversed", "default", "inert", "itemscope", "allowfullscreen", "nomodule"}
)  # fmt: skip
#: Attributes whose nested hash Haml writes as hyphenated attributes (`data: {x_y: 1}` -> `data-x-y`).
_NESTED = frozenset({"data", "aria"})
#: Ruby words that continue the block above at its own indentation (`- else`): no `end` before them.
_BRANCH = re.compile(r"(?:else|elsif|when|in|rescue|ensure)\b")
#: A block's parameters written with blanks (`do | a |`), which Haml does not read as a multiline
#: mark. Linear: anchored at the end; one `[^|]` run between fixed characters.
_BLOCK_WITH_SPACES = re.compile(r"do\s*+\|\s*+[^|]*\s+\|\Z")
#: A tag's name after `%`, a class or id after `.`/`#`. Linear: one possessive class run each.
_TAG_NAME = re.compile(r"[\w:-]++")
_SHORTCUT = re.compile(r"[\w-]++")
#: An HTML-style attribute's name. Linear: one possessive class run.
_HTML_NAME = re.compile(r"[^\s=()\"']++")
#: What the lines nested under a line are: no markup (a filter's, a comment's), text (Slim's `|`,
#: Haml's `:plain`) or ERB as it stands (Haml's `:erb`).
BLANK = "blank"
TEXT = "text"
ERB = "erb"
#: Haml's filters whose body is written out as its text is (HTML in it is markup; `#{...}` output).
_TEXT_FILTERS = frozenset({"plain", "preserve"})
#: Characters an attribute hash or a Ruby line may take over the lines after its own.
_MAX_SPAN = 50_000
#: Seconds a parse of one attribute hash may take (a hash is a line or a few).
_PARSE_SECONDS = 2.0


class HamlError(Exception):
    """A view Haml cannot render (a bracket never closed): its offset and what is wrong."""

    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset
        self.message = message


class HamlView(WrittenText):
    """A Haml (or Slim) view's ERB translation, and where each of its offsets was in the view."""


@dataclass
class TagAttr:
    """One attribute to write: its name, a literal value (True: bare) or Ruby code, and its Haml offset."""

    name: str
    src: int
    value: str | bool | None = None
    code: tuple[int, int] | None = None
    """The Haml span of the Ruby code that computes the value."""


def translate(source: str) -> HamlView:
    """The ERB a Haml view renders, line for line; HamlError when a bracket is never closed."""
    return Translator(source).run()


class Translator:
    """One pass over a Haml view's lines, writing ERB and the offsets it came from."""

    #: Whether a line ending in ` |` runs on to the next ones ending so (Haml's multiline; not Slim's).
    pipes = True

    def __init__(self, source: str) -> None:
        source = lone_breaks(source)  # a `\r` alone ends a line, as in Haml and Slim
        self.source = source
        self.parts: list[str] = []
        self.outs: list[int] = []
        self.srcs: list[int] = []
        self.lengths: list[int] = []
        self.size = 0
        self.lines = _line_spans(source)
        self.multi = [self.pipes and _multiline(source, a, b) for a, b in self.lines]
        self.src = _unpiped(source, self.lines, self.multi)
        """The source with the ` |` of multiline lines blanked: the same offsets, no `|` in the Ruby."""
        self.indents = [_indent(source, a, b) for a, b in self.lines]
        self.stack: list[tuple[int, str, int]] = []
        """Open elements and blocks: (indent, what closes them, Haml offset of their start)."""

    # -- output

    def emit(self, text: str, src: int, verbatim: bool = False) -> None:
        """Write `text`, every character of it placed at `src` (or, verbatim, at its own)."""
        if not text:
            return
        self.parts.append(text)
        self.outs.append(self.size)
        self.srcs.append(src)
        self.lengths.append(len(text) if verbatim else 0)
        self.size += len(text)

    def copy(self, start: int, end: int) -> None:
        """Write the source's `[start, end)` as it is."""
        self.emit(self.src[start:end], start, verbatim=True)

    def copy_code(self, start: int, end: int) -> None:
        """Write Ruby inside an ERB tag: a `%>` in it (a string's) would end the tag, so it is `% `."""
        self.emit(self.src[start:end].replace("%>", "% "), start, verbatim=True)

    def copy_text(self, start: int, end: int) -> None:
        """Write text or HTML: a `<%` in it would open an ERB tag (the view's is text), so it is `< `."""
        self.emit(no_erb(self.src[start:end]), start, verbatim=True)

    def run(self) -> HamlView:
        """Translate every line; what is still open is closed at the end."""
        i, n = 0, len(self.lines)
        skip: int | None = None  # the indent under which lines are no markup, or text (`mode`)
        mode: str | None = None
        while i < n:
            start, end = self.lines[i]
            indent = self.indents[i]
            if indent < 0 or (skip is not None and indent > skip):
                if mode == TEXT and indent >= 0:
                    self._text(start, end)  # Slim's `|` text block: its nested lines are text too
                elif mode == ERB and indent >= 0:
                    self.copy(start, end)  # `:erb`: its body is ERB already, its tags the translation's
                else:
                    self.emit(" " * (end - start), start)  # blank, or a filter's body: blanked
                self.copy(end, self._next_start(i))
                i += 1
                continue
            skip = None
            at = start + indent
            self.copy(start, at)
            self._close(indent, at, branch=self.src.startswith("-", at) and _branch(self.src, at + 1))
            last, mode = self._line(i, at, end)
            if mode is not None:
                skip = indent
            self.copy(self.lines[last][1], self._next_start(last))
            i = last + 1
        self._close(-1, len(self.src), branch=False)
        return HamlView("".join(self.parts), self.source, self.outs, self.srcs, self.lengths)

    def line_of(self, offset: int) -> int:
        """The index of the line an offset is on."""
        return bisect_right(self.lines, (offset, len(self.src) + 1)) - 1

    def _next_start(self, i: int) -> int:
        return self.lines[i + 1][0] if i + 1 < len(self.lines) else len(self.src)

    def _close(self, indent: int, at: int, *, branch: bool) -> None:
        """Close what is open at `indent` or deeper; a `- else` keeps its `- if` open."""
        stack = self.stack
        while stack and stack[-1][0] >= indent:
            if branch and stack[-1][0] == indent and stack[-1][1] == "<% end %>":
                return
            self.emit(stack.pop()[1], at)

    def _children(self, first: int, last: int) -> bool:
        """Whether the line after line `last` (blank lines aside) is indented deeper than line `first`."""
        own = self.indents[first]
        for j in range(last + 1, len(self.lines)):
            if self.indents[j] >= 0:
                return self.indents[j] > own
        return False

    # -- one line

    def _line(self, i: int, at: int, end: int) -> tuple[int, str | None]:
        """Translate the line starting at `at`; (its last line, whether its nested lines are no markup)."""
        s = self.src
        c = s[at]
        if s.startswith("-#", at):
            self.emit(" " * (end - at), at)
            return i, BLANK
        if c == "-":
            return self._ruby(i, at, at + 1, output=False), None
        if s.startswith(("!=", "&="), at) and not s.startswith(("!==", "&=="), at):
            return self._ruby(i, at, at + 2, output=True), None
        if c in "=~" and not s.startswith("==", at):
            return self._ruby(i, at, at + 1, output=True), None
        if c == "/":
            return self._comment(i, at, end)
        if c == ":" and (name := _TAG_NAME.match(s, at + 1)):
            self.emit(" " * (end - at), at)  # `:javascript`, `:css`, `:escaped`: no markup
            kind = name.group()
            return i, ERB if kind == "erb" else TEXT if kind in _TEXT_FILTERS else BLANK
        if s.startswith("!!!", at):
            self.emit(" " * (end - at), at)
            return i, None
        if c == "%" or (c in ".#" and _SHORTCUT.match(s, at + 1)):
            return self._element(i, at, end), None
        last = self._group_end(i)  # text over multiline lines
        end = self.lines[last][1]
        if c == "\\":
            self._text(at + 1, end)
            return last, None
        if s.startswith(("!==", "&=="), at):
            self._text(at + 3, end)
        elif s.startswith("==", at):
            self._text(at + 2, end)
        elif c in "!&" and s[at + 1 : at + 2] in (" ", ""):
            self._text(at + 1, end)
        else:
            self._text(at, end)
        return last, None

    def _ruby(self, i: int, mark: int, code: int, *, output: bool) -> int:
        """`= f.email_field :email` -> `<%= f.email_field :email %>`; `- if x` -> `<% if x %>`.

        A line ending in a comma runs on to the next (Haml's rule); a line with lines nested
        under it opens a block its `<% end %>` closes where the indentation returns, as does
        one a branch follows at its indentation (`- case x` then `- when 1`).
        """
        last = self._run_on(i)
        stop = self.lines[last][1]
        self.emit("<%=" if output else "<%", mark)
        self.copy_code(code, stop)
        self.emit(" %>", stop)
        words = self.src[code:stop].strip()
        nested = self._children(i, last)
        branch = not output and _BRANCH.match(words) is not None  # `- else`: the `- if` stays open
        opens = not branch and erb_opens_block(words) and self._branch_follows(i, last)  # `- case x`
        if (nested and not (branch and self.stack)) or (not nested and opens):
            self.stack.append((self.indents[i], "<% end %>", code))
        elif (nested or erb_opens_block(words)) and not branch:
            self.emit("<% end %>", stop)  # `- @items.each do |x|` with nothing under it
        return last

    #: How a Ruby line that runs on to the next ends: Haml's comma; Slim's backslash too.
    run_on: tuple[str, ...] = (",",)

    def _run_on(self, i: int) -> int:
        """The last line of a Ruby line that runs on with trailing commas or ` |` (a few lines at most)."""
        j, taken = i, 0
        while j + 1 < len(self.lines) and taken < _MAX_SPAN:
            start, end = self.lines[j]
            piped = self.multi[j] and self.multi[j + 1]
            if not piped and not self.src[start:end].rstrip().endswith(self.run_on):
                break
            j += 1
            taken += end - start
        return j

    def _group_end(self, i: int) -> int:
        """The last of the multiline lines (each ending in ` |`) that line `i` starts; else `i`."""
        j = i
        while self.multi[j] and j + 1 < len(self.lines) and self.multi[j + 1]:
            j += 1
        return j

    def _branch_follows(self, i: int, last: int) -> bool:
        """Whether the next line (blank lines aside) is a branch (`- when 1`) at line `i`'s indentation."""
        for j in range(last + 1, len(self.lines)):
            if self.indents[j] >= 0:
                at = self.lines[j][0] + self.indents[j]
                same = self.indents[j] == self.indents[i]
                return same and self.src.startswith("-", at) and _branch(self.src, at + 1)
        return False

    def _comment(self, i: int, at: int, end: int) -> tuple[int, str | None]:
        """`/ text` -> `<!-- text -->`; lines nested under it are commented out (no markup)."""
        body = self.src[at + 1 : end]
        if body.lstrip().startswith("["):  # `/[if IE]`: a conditional comment around its lines
            self.emit(" " * (end - at), at)
            return i, BLANK
        self.emit("<!--", at)
        self.emit(no_erb(body.replace("--", "- ")), at + 1, verbatim=True)
        self.emit(" -->", end)
        return i, BLANK

    def _text(self, start: int, end: int) -> None:
        """Plain text, its `#{...}` interpolations written as ERB output."""
        s, pos = self.src, start
        while (found := s.find("#{", pos, end)) >= 0:
            if found > 0 and s[found - 1] == "\\":
                self.copy_text(pos, found - 1)
                self.copy_text(found, found + 2)
                pos = found + 2
                continue
            close = _interpolation_end(s, found + 2, end)
            if close < 0:
                break
            self.copy_text(pos, found)
            self.emit("<%= ", found)
            self.copy_code(found + 2, close)
            self.emit(" %>", close)
            pos = close + 1
        self.copy_text(pos, end)

    # -- elements

    def _element(self, i: int, at: int, end: int) -> int:
        """`%input{...}(...)`, `.box#id`, with content on the line or nested under it."""
        s = self.src
        name, q = "div", at
        if s[q] == "%":
            m = _TAG_NAME.match(s, q + 1)
            if m is None:
                self._text(at, end)
                return i
            name, q = m.group(), m.end()
        classes: list[TagAttr] = []
        ids: list[TagAttr] = []
        while q < end and s[q] in ".#" and (m := _SHORTCUT.match(s, q + 1)) is not None:
            (classes if s[q] == "." else ids).append(TagAttr(m.group(), q, m.group()))
            q = m.end()
        attrs: list[TagAttr] = []
        loose: list[tuple[int, int]] = []  # Ruby in the tag that may write any attribute
        last = i
        while q < len(s) and s[q] in "{([":
            close = self._bracket_end(q)
            if s[q] == "{":
                self._ruby_attributes(q + 1, close, attrs, loose)
            elif s[q] == "(":
                self._html_attributes(q + 1, close, attrs, loose)
            q = close + 1
            last = self.line_of(q)
            end = self.lines[last][1]
        closing = False
        while q < end and s[q] in "<>/" and not s.startswith("/=", q):
            closing = closing or s[q] == "/"
            q += 1
        void = self._start_tag(name, at, q, (classes, ids, attrs), loose, closing)
        return self._content(i, last, q, end, name, void)

    def _start_tag(
        self,
        name: str,
        at: int,
        q: int,
        given: tuple[list[TagAttr], list[TagAttr], list[TagAttr]],
        loose: list[tuple[int, int]],
        closing: bool,
    ) -> bool:
        """Write a start tag read from `at` to `q`; whether the element has no end tag.

        `given`: its `.class` and `#id` shortcuts and its attributes; `loose`: Ruby that may
        write any attribute. Haml's and Slim's elements are written alike.
        """
        classes, ids, attrs = given
        joined = merged(classes, attrs, "class", " ") + merged(ids, attrs, "id", "_")
        self.emit("<" + name, at)
        for attr in [*joined, *(a for a in attrs if a.name not in ("class", "id"))]:
            self._attribute(attr)
        for a, b in loose:
            self.emit(" <%= ", a)
            self.copy_code(a, b)
            self.emit(" %>", b)
        void = name.lower() in VOID_ELEMENTS
        self.emit("\n" * self.src.count("\n", at, q), q)  # a hash over lines: the lines kept, in the tag
        self.emit(" />" if closing and not void else ">", q)
        return void or closing

    def _content(self, first: int, i: int, q: int, end: int, name: str, void: bool) -> int:
        """An element's content: Ruby or text on its line, or its nested lines (closed later)."""
        s = self.src
        closer = "" if void else f"</{name}>"
        rest = s[q:end]
        if rest.startswith(("!=", "&=")) and not rest.startswith(("!==", "&==")):
            i = self._inline_ruby(first, i, q, q + 2, closer)
        elif rest.startswith(("=", "~")) and not rest.startswith("=="):
            i = self._inline_ruby(first, i, q, q + 1, closer)
        elif rest.strip():
            start = q + 3 if rest.startswith(("!==", "&==")) else q + 2 if rest.startswith("==") else q
            i = self._group_end(i)  # text over multiline lines
            end = self.lines[i][1]
            self._text(start, end)
            self.emit(closer, end)
        elif self._children(first, i) and closer:
            self.stack.append((self.indents[first], closer, q))
        else:
            self.emit(closer, end)
        return i

    def _inline_ruby(self, first: int, i: int, mark: int, code: int, closer: str) -> int:
        """`%p= f.label :email`: the element's content is the code's output."""
        last = self._run_on(i)
        stop = self.lines[last][1]
        self.emit("<%=", mark)
        self.copy_code(code, stop)
        self.emit(" %>", stop)
        if self._children(first, last):
            self.stack.append((self.indents[first], "<% end %>" + closer, code))
        else:
            if erb_opens_block(self.src[code:stop].strip()):
                self.emit("<% end %>", stop)
            self.emit(closer, stop)
        return last

    def _attribute(self, attr: TagAttr) -> None:
        """` name="value"`, ` checked`, or the Ruby that computes it written as ERB."""
        if attr.code is not None:
            a, b = attr.code
            if attr.name in _BOOLEAN:  # `checked: @user.news?`: written only when true
                self.emit(" <% if ", attr.src)
                self.copy_code(a, b)
                self.emit(f" %>{attr.name}<% end %>", b)
                return
            self.emit(f' {attr.name}="<%= ', attr.src)
            self.copy_code(a, b)
            self.emit(' %>"', b)
            return
        if attr.value is None or attr.value is False:
            return
        if attr.value is True:
            self.emit(" " + attr.name, attr.src)
            return
        self.emit(f' {attr.name}="{_escape(attr.value)}"', attr.src)

    def _bracket_end(self, q: int) -> int:
        """The offset of the bracket that closes the one at `q`, over lines if need be (HamlError if none)."""
        s = self.src
        limit = min(len(s), q + _MAX_SPAN)
        closers = {"{": "}", "(": ")", "[": "]"}
        stack: list[str] = [closers[s[q]]]
        j = q + 1
        while j < limit:
            c = s[j]
            top = stack[-1]
            if top in "\"'":
                if c == "\\":
                    j += 2
                    continue
                if c == top:
                    stack.pop()
                elif top == '"' and s.startswith("#{", j):
                    stack.append("}")
                    j += 1
            elif c in "\"'":
                stack.append(c)
            elif c in closers:
                stack.append(closers[c])
            elif c == top:
                stack.pop()
                if not stack:
                    return j
            elif c in ")]}":
                break  # a bracket closed that is not the one open
            j += 1
        raise HamlError(q, f"this '{s[q]}' is never closed: Haml cannot render the view")

    def _ruby_attributes(
        self, start: int, end: int, attrs: list[TagAttr], loose: list[tuple[int, int]]
    ) -> None:
        """`{type: "email", :name => "x", "data-x" => 1, data: {y: 2}, **more}`, read as Ruby."""
        inner = self.src[start:end]
        if not inner.strip():
            return
        tree = parse_snippet("ruby", f"f({inner})", _PARSE_SECONDS)
        args = _arguments(tree)
        if args is None:
            loose.append((start, end))  # code the grammar cannot read: it may write any attribute
            return
        chars = _Chars(inner, start, 2)
        for node in args:
            if node.type == "comment":
                continue
            if node.type != "pair":
                loose.append(chars.span(node))
                continue
            self._pair(node, chars, "", attrs, loose)

    def _pair(
        self, node: Any, chars: _Chars, prefix: str, attrs: list[TagAttr], loose: list[tuple[int, int]]
    ) -> None:
        """One `key: value` pair; `data: {...}` and `aria: {...}` give hyphenated attributes."""
        key_node, value = node.child_by_field_name("key"), node.child_by_field_name("value")
        key = literal(key_node)
        if not isinstance(key, str) or value is None:
            loose.append(chars.span(node))
            return
        name = (prefix + key.replace("_", "-")) if prefix else key
        src = chars.span(key_node)[0]
        if not prefix and key in _NESTED and value.type == "hash":
            for inner in value.named_children:
                if inner.type == "pair":
                    self._pair(inner, chars, key + "-", attrs, loose)
                else:
                    loose.append(chars.span(inner))
            return
        read = _value(value)
        if read is None:
            attrs.append(TagAttr(name, src, code=chars.span(value)))
        else:
            attrs.append(TagAttr(name, src, read))

    def _html_attributes(
        self, start: int, end: int, attrs: list[TagAttr], loose: list[tuple[int, int]]
    ) -> None:
        """`(type="email" name=@name checked)`: quoted text, a Ruby name, or a bare name (true)."""
        s, j = self.src, start
        while j < end:
            if s[j].isspace():
                j += 1
                continue
            m = _HTML_NAME.match(s, j, end)
            if m is None:
                j += 1
                continue
            name, j = m.group(), m.end()
            k = j
            while k < end and s[k] in " \t":
                k += 1
            if k >= end or s[k] != "=":
                attrs.append(TagAttr(name, m.start(), True))
                continue
            k += 1
            while k < end and s[k].isspace():
                k += 1
            if k < end and s[k] in "\"'":
                close = s.find(s[k], k + 1, end)
                close = end if close < 0 else close
                text = s[k + 1 : close]
                if s[k] == '"' and "#{" in text:
                    attrs.append(TagAttr(name, m.start(), code=(k, close + 1)))
                else:
                    attrs.append(TagAttr(name, m.start(), text))
                j = close + 1
                continue
            stop = k
            while stop < end and not s[stop].isspace():
                stop += 1
            if stop > k:
                attrs.append(self.ruby_attribute(name, m.start(), k, stop))
            j = stop

    def ruby_attribute(self, name: str, src: int, start: int, end: int) -> TagAttr:
        """An attribute whose value is Ruby (`checked=true`, `name=@field`): a literal's value, or code."""
        code = self.src[start:end]
        args = _arguments(parse_snippet("ruby", f"f({code})", _PARSE_SECONDS)) if code.strip() else None
        read = _value(args[0]) if args is not None and len(args) == 1 else None
        return TagAttr(name, src, read) if read is not None else TagAttr(name, src, code=(start, end))


@dataclass
class _Chars:
    """Character offsets in the Haml text of a snippet's byte offsets (tree-sitter counts bytes)."""

    text: str
    origin: int
    prefix: int
    """Bytes written before the text in the parsed snippet (`f(`)."""

    def __post_init__(self) -> None:
        widths = [len(c.encode("utf-8", "surrogatepass")) for c in self.text]
        self._ascii = all(w == 1 for w in widths)
        self._starts = list(accumulate(widths, initial=0)) if not self._ascii else []

    def at(self, byte: int) -> int:
        b = max(0, byte - self.prefix)
        if self._ascii:
            return self.origin + min(b, len(self.text))
        return self.origin + bisect_right(self._starts, b) - 1

    def span(self, node: Any) -> tuple[int, int]:
        return self.at(node.start_byte), self.at(node.end_byte)


def _arguments(tree: Any | None) -> list[Any] | None:
    """The arguments of the `f(...)` an attribute hash was parsed as; None when it is no Ruby."""
    if tree is None or tree.root_node.has_error:
        return None
    call = tree.root_node.named_children[0] if tree.root_node.named_children else None
    args = call.child_by_field_name("arguments") if call is not None and call.type == "call" else None
    if args is None:
        return None
    out: list[Any] = []
    for node in args.named_children:
        out.extend(node.named_children if node.type == "hash" else [node])  # `f({a: 1})`
    return out


def _value(node: Any) -> str | bool | None:
    """An attribute's literal value (False: left out); None when Ruby code computes it."""
    if node.type == "nil":
        return False
    if node.type == "array":
        items = [literal(n) for n in node.named_children]
        if all(isinstance(item, str) for item in items):
            return " ".join(str(item) for item in items)
        return None
    read = literal(node)
    if read is True or read is False or isinstance(read, str):
        return read
    return None


def merged(shortcuts: list[TagAttr], attrs: list[TagAttr], name: str, joiner: str) -> list[TagAttr]:
    """`.a.b{class: "c"}` -> one `class="a b c"` (ids joined by `_`); code keeps the hash's own."""
    given = [a for a in attrs if a.name == name]
    if any(a.code is not None for a in given):
        return given
    parts = [str(a.value) for a in [*shortcuts, *given] if isinstance(a.value, str) and a.value]
    if not parts:
        return []
    src = (shortcuts or given)[0].src
    return [TagAttr(name, src, joiner.join(parts))]


def no_erb(text: str) -> str:
    """Text with each `<%` made `< `, which as ERB would open a tag: same length, same offsets."""
    return text.replace("<%", "< ")


def _multiline(text: str, start: int, end: int) -> bool:
    """Whether a line ends in ` |` (Haml's multiline mark), a block's `do |a, b |` aside."""
    line = text[start:end].rstrip()
    return len(line) > 1 and line.endswith(" |") and _BLOCK_WITH_SPACES.search(line) is None


def _unpiped(text: str, lines: list[tuple[int, int]], multi: list[bool]) -> str:
    """The text with the `|` that ends each multiline line blanked (offsets unchanged)."""
    if not any(multi):
        return text
    chars = list(text)
    for (start, end), piped in zip(lines, multi, strict=True):
        if piped:
            chars[text.rindex("|", start, end)] = " "
    return "".join(chars)


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;")


def _branch(s: str, at: int) -> bool:
    """Whether a `-` line's Ruby continues the block above (`- else`, `- elsif x`, `- when 1`)."""
    while at < len(s) and s[at] in " \t":
        at += 1
    return _BRANCH.match(s, at) is not None


def _interpolation_end(s: str, start: int, end: int) -> int:
    """The offset of the `}` closing an interpolation opened before `start`, or -1 on the line."""
    depth = 0
    for j in range(start, end):
        if s[j] == "{":
            depth += 1
        elif s[j] == "}":
            if depth == 0:
                return j
            depth -= 1
    return -1


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end without its line break) of every line."""
    spans: list[tuple[int, int]] = []
    start = 0
    while True:
        brk = text.find("\n", start)
        if brk < 0:
            if start < len(text):
                spans.append((start, len(text)))
            return spans
        end = brk - 1 if brk > start and text[brk - 1] == "\r" else brk
        spans.append((start, end))
        start = brk + 1


def _indent(text: str, start: int, end: int) -> int:
    """How many blanks a line starts with; -1 for a line of blanks only."""
    j = start
    while j < end and text[j] in " \t":
        j += 1
    return -1 if j == end else j - start
