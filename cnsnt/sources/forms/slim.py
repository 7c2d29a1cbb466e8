"""Slim views read as the ERB they render, as Haml views are (`haml`), with the Slim file's positions kept.

Slim is Haml without the `%`: `input type="email" name="email" required=true`, `form
action="/signup" method="post"`, `= f.email_field :email`, `- if x`; a tag's attributes
are `name="text"` or `name=ruby_code` until the first word that is none, the rest of the
line its text (`label for="email" E-mail`); wrapped in `(...)`, `[...]` or `{...}`, a
bare name is a boolean (`input(type="checkbox" checked)`). `li: a href="/" Home` nests a
tag on its parent's line; `| text` writes text (its nested lines too); `/` comments and
`javascript:`-style embedded engines are no markup; a line starting with `<` is HTML.
rdv-service-public keeps 332 of its views in Slim (review28 D2).

Every line is translated once by `haml.Translator`'s loop; only a line's reading differs.
"""

from __future__ import annotations

import re

from cnsnt.sources.forms.haml import BLANK, TEXT, HamlView, TagAttr, Translator, no_erb

#: A tag's name at a line's start (`input`, `svg:rect`; `li:` nests the next tag). Linear:
#: possessive runs, each `:` part starting at a fixed character, in an atomic group.
_TAG = re.compile(r"[A-Za-z][\w-]*+(?>(?::[A-Za-z][\w-]*+)*)")
#: A class or id after `.`/`#`. Linear: one possessive class run.
_SHORTCUT = re.compile(r"[\w-]++")
#: An attribute's name and its `=` (`name=`, `data-role=`, `@click=`). Linear: a try starts
#: only where a name starts (lookbehind), then a possessive run and a fixed `=`.
_ATTRIBUTE = re.compile(r"(?<![\w:@.-])([\w:@.-]++)=")
#: An embedded engine's line (`javascript:`, `ruby:`, `markdown:`): its nested lines are no
#: markup. Linear: a try starts only where a word starts (lookbehind), then possessive runs.
_ENGINE = re.compile(r"(?<![\w-])[\w-]++:[ \t]*+$")
#: Modifiers after an output `=`: `==` (unescaped), `=>`, `=<`, `='` (white space).
_OUTPUT_MARKS = "=<>'"


def translate_slim(source: str) -> HamlView:
    """The ERB a Slim view renders, line for line; HamlError when a bracket is never closed."""
    return SlimTranslator(source).run()


class SlimTranslator(Translator):
    """Haml's translation loop, reading each line as Slim."""

    run_on = (",", "\\")  # `= f.input \` runs on, as Ruby's own line continuation
    pipes = False  # `|` starts Slim's text; no line runs on with it

    def _line(self, i: int, at: int, end: int) -> tuple[int, str | None]:
        s = self.src
        c = s[at]
        if c == "/":
            if s.startswith("/!", at):  # an HTML comment, which the page keeps
                self.emit("<!--", at)
                self.emit(no_erb(s[at + 2 : end].replace("--", "- ")), at + 2, verbatim=True)
                self.emit(" -->", end)
            else:  # a code comment (or `/[if IE]`): nothing of it is rendered
                self.emit(" " * (end - at), at)
            return i, BLANK
        if c == "-":
            return self._ruby(i, at, at + 1, output=False), None
        if c == "=":
            code = at + 1
            while code < end and s[code] in _OUTPUT_MARKS:
                code += 1
            return self._ruby(i, at, code, output=True), None
        if c in "|'":
            self._text(at + 2 if s.startswith(" ", at + 1) else at + 1, end)
            return i, TEXT
        if c == "<":
            self._text(at, end)  # HTML written as it is
            return i, None
        if _ENGINE.match(s, at, end):
            self.emit(" " * (end - at), at)
            return i, BLANK
        if s.startswith("doctype", at):
            self.emit(" " * (end - at), at)
            return i, None
        if _TAG.match(s, at) or (c in ".#" and _SHORTCUT.match(s, at + 1)):
            return self._slim_element(i, at, end), None
        self._text(at, end)  # `*{...}` dynamic tags and what Slim would refuse: text
        return i, None

    def _slim_element(self, i: int, at: int, end: int) -> int:
        """`input type="email" name=@name`, `.field#x`, `li: a href="/" Home`, then its content."""
        s = self.src
        closers: list[str] = []
        q, last = at, i
        while True:
            name, q = self._head(q, end)
            attrs: list[TagAttr] = []
            classes, ids, loose, q, tag_last = self._shortcuts_and_attributes(q, end, attrs)
            last = max(last, tag_last)
            end = self.lines[last][1]
            closing = q < end and s[q] == "/"
            if closing:
                q += 1
            void = self._start_tag(name, at, q, (classes, ids, attrs), loose, closing)
            closer = "" if void else f"</{name}>"
            if s.startswith(": ", q) and (nested := self._skip(q + 1, end)) < end and _starts_tag(s, nested):
                closers.append(closer)  # `li: a href="/" Home`: the next tag on this line
                q = at = nested
                continue
            break
        inner = self._skip(q, end)
        after = "".join(reversed(closers))
        if inner < end and s[inner] == "=":
            code = inner + 1
            while code < end and s[code] in _OUTPUT_MARKS:
                code += 1
            return self._inline_ruby(i, last, inner, code, closer + after)
        if inner < end:
            self._text(inner, end)
            self.emit(closer + after, end)
        elif self._children(i, last) and (closer or after):
            self.stack.append((self.indents[i], closer + after, q))
        else:
            self.emit(closer + after, end)
        return last

    def _head(self, q: int, end: int) -> tuple[str, int]:
        """The tag's name (`div` for a bare `.class`) and the offset after it and its `<`/`>` marks."""
        m = _TAG.match(self.src, q, end)
        name, q = (m.group(), m.end()) if m else ("div", q)
        return name, q

    def _shortcuts_and_attributes(
        self, q: int, end: int, attrs: list[TagAttr]
    ) -> tuple[list[TagAttr], list[TagAttr], list[tuple[int, int]], int, int]:
        """`.a#b`, a wrapper `(...)`, then `name=value` pairs up to the first word that is none.

        Also where the tag's content starts, and the tag's last line (a wrapper may run on).
        """
        s = self.src
        classes: list[TagAttr] = []
        ids: list[TagAttr] = []
        loose: list[tuple[int, int]] = []
        while q < end and s[q] in ".#" and (m := _SHORTCUT.match(s, q + 1)) is not None:
            (classes if s[q] == "." else ids).append(TagAttr(m.group(), q, m.group()))
            q = m.end()
        while q < end and s[q] in "<>":
            q += 1  # white space around the tag
        last = self.line_of(q)
        if q < len(s) and s[q] in "([{":  # `input(type="checkbox" checked)`: over lines if need be
            close = self._bracket_end(q)
            self._html_attributes(q + 1, close, attrs, loose)
            q = close + 1
            last = self.line_of(q)
            end = self.lines[last][1]
        while True:
            j = self._skip(q, end)
            if s.startswith("*", j) and j + 1 < end and not s[j + 1].isspace():  # `*attrs`: a splat
                stop = self._code_end(j + 1, end)
                loose.append((j + 1, stop))
                q = stop
                continue
            m = _ATTRIBUTE.match(s, j, end)
            if m is None or m.end() >= end or s[m.end()].isspace():
                break
            stop = self._code_end(m.end(), end)
            value = s[m.end() : stop]
            if value[:1] in "\"'" and len(value) > 1 and value[-1] == value[0] and "#{" not in value:
                attrs.append(TagAttr(m.group(1), j, value[1:-1]))
            else:
                attrs.append(self.ruby_attribute(m.group(1), j, m.end(), stop))
            q = stop
        return classes, ids, loose, q, last

    def _code_end(self, q: int, end: int) -> int:
        """Where a Ruby value at `q` ends: a blank outside its strings and brackets, or the line's end."""
        s = self.src
        stack: list[str] = []
        closers = {"(": ")", "[": "]", "{": "}"}
        j = q
        while j < end:
            c = s[j]
            top = stack[-1] if stack else ""
            if top in ("'", '"'):
                if c == "\\":
                    j += 2
                    continue
                if c == top:
                    stack.pop()
                    if not stack and s[q] in "\"'":
                        return j + 1  # a quoted value ends at its quote (`class="x": input`)
                elif top == '"' and s.startswith("#{", j):
                    stack.append("}")  # an interpolation, whose own strings may hold quotes
                    j += 2
                    continue
            elif c in "\"'":
                stack.append(c)
            elif c in closers:
                stack.append(closers[c])
            elif stack and c == top:
                stack.pop()
            elif not stack and (c.isspace() or c in ")]}"):
                return j
            j += 1
        return min(j, end)

    def _skip(self, q: int, end: int) -> int:
        while q < end and self.src[q] in " \t":
            q += 1
        return q


def _starts_tag(s: str, q: int) -> bool:
    return _TAG.match(s, q) is not None or (s[q] in ".#" and _SHORTCUT.match(s, q + 1) is not None)

