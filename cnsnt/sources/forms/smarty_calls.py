"""Smarty function tags read as calls: `{input type="email" name="email" required=true}`.

A Smarty project draws its controls with functions of its own as often as with tags
(paheko writes `{input type="email" name="email" label="Adresse e-mail" required=true}`,
CMS Made Simple `{cms_textarea name="content"}`). Smarty passes a function its
arguments as `key=value` pairs. A value is a literal (a quoted string, a number,
`true`, a bare word), or code that runs when the page does: a variable
(`$user.email`), a constant (`Account::ASSET`), a call, an array, a double-quoted
string that prints a variable or a tag (`"field_$i"`, `"{$prefix}_x"`), and any value sent through modifiers
(`"t[%d]"|args:$i`) or joined to another by an operator. `read_call` reads a tag's
pairs in one pass over its text (quotes, brackets and modifiers respected) and says of
each value whether it is a literal, known when the template is written, or code.

A bare word is the word itself (`name=no` names a field `no`, as Smarty 3 and 4 pass it),
but where a boolean is meant (`required=yes`, `checked=off`: `FLAG_KEYS`, a box's
`default=`) `Argument.flag` reads it as Smarty 2 did: `yes`, `on`, `true` are true.
`true`, `false` and `null` are PHP's constants in every Smarty (`Argument.constant`).

`function_control` says which functions are named like a control, by the words of
their names (`control_words`, the vocabulary UI-library components are read with).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cnsnt.sources.forms.control_words import CONTROL_WORDS, NOT_CONTROL_WORDS, STRUCTURAL, name_words

#: The words of a function's name that say it draws a control, whatever its other words:
#: a word that names only a type (`date`, `url`, `file`, `time`) is no control alone
#: (PrestaShop's `{url entity='module' name='x'}` builds a link; `{date_format}` prints).
_DRAWING_WORDS = frozenset({
    "input", "select", "textarea", "checkbox", "radio", "toggle", "switch", "dropdown",
    "multiselect", "combobox", "autocomplete", "textfield", "datepicker", "timepicker",
    "inputswitch",
})  # fmt: skip
#: Bare words Smarty 2 read as booleans (and `null`) in any argument, with the literal they
#: stand for; read so only where a boolean is meant (`Argument.flag`).
_BARE_CONSTANTS = {
    "true": "true", "false": "false", "yes": "true", "no": "false", "on": "true",
    "off": "false", "null": "",
}  # fmt: skip
#: Bare words that are PHP constants, not text, in every Smarty version.
_PHP_CONSTANTS = frozenset({"true", "false", "null"})
#: Arguments of a control function that mean a boolean: a bare `yes`, `on`, `no`, `off` there is one.
FLAG_KEYS = frozenset({"required", "checked", "disabled", "readonly"})
#: Characters that join a value to the next operand (`$a + 1`, `$x == 2`, `$a ? 1 : 2`).
_OPERATORS = frozenset("+-*/%?:!<>=&|.^~")
#: A function's or an argument's name. Linear: one possessive run after a fixed class.
_NAME = re.compile(r"[A-Za-z_][\w-]*+")
#: A number. Linear: possessive digit runs around one optional dot.
_NUMBER = re.compile(r"-?\d++(?:\.\d++)?")
#: A bare word, a constant or a namespaced name (`Entities\Account::ASSET`). Linear: one
#: possessive run.
_WORD = re.compile(r"[\w\\:]++")
#: A modifier's name (`|escape`, `|@count`). Linear: one possessive run.
_MODIFIER = re.compile(r"@?[\w]++")


@dataclass(frozen=True)
class Argument:
    """One `key=value` argument of a function tag."""

    code: str
    """The value as written (quotes kept)."""
    value: str | None
    """The literal's value (quotes and escapes taken off), None when the value is code."""
    start: int
    """Offset of the argument's key in the tag's text."""
    bare: bool = False
    """The value is written without quotes: a word (`no`, `email`) or a number."""

    @property
    def literal(self) -> bool:
        """The value is known when the template is written."""
        return self.value is not None

    @property
    def flag(self) -> str | None:
        """The value where a boolean is meant (`required=yes`), as Smarty 2 read a bare word.

        A bare `yes`, `on` or `true` reads `true`; `no`, `off` or `false`, `false`; `null`
        empty; any other value as it is.
        """
        if self.bare and self.value is not None:
            return _BARE_CONSTANTS.get(self.value.lower(), self.value)
        return self.value

    @property
    def constant(self) -> bool:
        """A bare `true`, `false` or `null`: a PHP constant, no text (`name=null` names nothing)."""
        return self.bare and (self.value or "").lower() in _PHP_CONSTANTS


@dataclass(frozen=True)
class FunctionCall:
    """A Smarty function tag: its name and arguments."""

    name: str
    """The function's name as written (`input`, `cms_textarea`)."""
    arguments: dict[str, Argument]
    """By key lower-cased; the first of a key written twice."""
    unread: tuple[str, ...] = ()
    """Pieces that are no `key=value` pair (a positional argument), as written."""


def function_control(name: str) -> tuple[str, bool] | None:
    """The control a function named so draws, and whether its name fixes the kind; else None.

    `input` -> text, `textarea` -> textarea (fixed), `email_input` -> email,
    `cms_textarea` -> textarea (fixed); `input_label`, `url`, `csrf_field`, `linkbutton`
    -> None. The kind is fixed for a checkbox, radio, select or textarea: a `type=`
    argument changes the others.
    """
    parts = name_words(name)
    if not any(w in _DRAWING_WORDS for w in parts) or any(w in NOT_CONTROL_WORDS for w in parts):
        return None
    found = [CONTROL_WORDS[w] for w in parts if w in CONTROL_WORDS]
    structural = [STRUCTURAL[c] for c in found if c in STRUCTURAL]
    specific = [c for c in found if c != "text"]
    return (structural[0], True) if structural else (specific[0] if specific else "text", False)


def read_call(code: str) -> FunctionCall | None:
    """The function tag `code` (`{input name="x"}`, braces included) as a call, None when it is none.

    A tag that starts with no name (`{$x}`, `{/if}`, `{* ... *}`) or whose name is
    followed by something other than a blank or the end (`{foo.bar}`, `{f(x)}`) is no
    function tag.
    """
    body = code[1:-1] if code.startswith("{") and code.endswith("}") else code
    m = _NAME.match(body)
    if m is None or "-" in m.group(0) or (m.end() < len(body) and not body[m.end()].isspace()):
        return None
    reader = _Reader(body)
    arguments, unread = reader.arguments(m.end())
    return FunctionCall(m.group(0), arguments, tuple(unread))


class _Reader:
    """One pass over a tag's body; every method moves forward from the offset it is given."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)

    def _blank(self, pos: int) -> int:
        while pos < self.n and self.text[pos].isspace():
            pos += 1
        return pos

    def arguments(self, pos: int) -> tuple[dict[str, Argument], list[str]]:
        """The `key=value` pairs from `pos` on; a bare key is a flag (`nocache`): true."""
        s = self.text
        arguments: dict[str, Argument] = {}
        unread: list[str] = []
        while (pos := self._blank(pos)) < self.n:
            key = _NAME.match(s, pos)
            after = self._blank(key.end()) if key else pos
            if key is not None and s.startswith("=", after) and not s.startswith("==", after):
                start = self._blank(after + 1)
                end, value = self.value(start)
                bare = value is not None and value == s[start:end]  # no quotes taken off
                arguments.setdefault(key.group(0).lower(), Argument(s[start:end], value, pos, bare))
                pos = max(end, after + 1)
            elif key is not None and (key.end() == self.n or s[key.end()].isspace()):
                arguments.setdefault(key.group(0).lower(), Argument(key.group(0), "true", pos))
                pos = key.end()
            else:
                end, _ = self.value(pos)
                end = max(end, pos + 1)
                unread.append(s[pos:end])
                pos = end
        return arguments, unread

    def value(self, pos: int) -> tuple[int, str | None]:
        """End of the value at `pos`, and its literal value (None: code, known only at run time)."""
        end, literal = self._operand(pos)
        while end < self.n:
            if self.text[end] == "|":  # a modifier: `"t[%d]"|args:$i`
                end, literal = self._modifier(end + 1), None
                continue
            nxt = self._blank(end)
            if nxt < self.n and self.text[nxt] in _OPERATORS:
                while nxt < self.n and self.text[nxt] in _OPERATORS:
                    nxt += 1
                end, literal = self._operand(self._blank(nxt))[0], None
                continue
            break
        return end, literal

    def _modifier(self, pos: int) -> int:
        m = _MODIFIER.match(self.text, pos)
        end = m.end() if m else pos
        while end < self.n and self.text[end] == ":":  # `|truncate:30:"..."`
            end = self._operand(end + 1)[0]
        return end

    def _operand(self, pos: int) -> tuple[int, str | None]:
        s = self.text
        if pos >= self.n:
            return pos, None
        c = s[pos]
        if c in "'\"":
            end, inner = self._quoted(pos)
            if c == "'":
                return end, inner.replace("\\'", "'").replace("\\\\", "\\")
            # Smarty prints `$var`, `` `$var` `` and tags (`{$var}`, `{translate 'x'}`) inside
            # double quotes
            printed = "$" in inner or "`" in inner or "{" in inner
            return end, None if printed else inner.replace('\\"', '"').replace("\\\\", "\\")
        if c == "$":
            return self._variable(pos + 1), None
        if c in "[(":
            return self._balanced(pos), None
        number = _NUMBER.match(s, pos)
        if number is not None:
            return number.end(), number.group(0)
        word = _WORD.match(s, pos)
        if word is None:  # `!$x`, `@x`: code; read up to the next blank
            end = pos + 1
            while end < self.n and not s[end].isspace():
                end += 1
            return end, None
        end, text = word.end(), word.group(0)
        if end < self.n and s[end] == "(":  # a call: `foo($x)`
            return self._balanced(end), None
        if "::" in text or "\\" in text or text.endswith(":"):
            return end, None  # a constant (`Account::ASSET`)
        return end, text  # the word itself: `Argument.flag` reads it where a boolean is meant

    def _quoted(self, pos: int) -> tuple[int, str]:
        """End of the string starting at `pos`, and what it holds (escapes kept)."""
        s, quote, end = self.text, self.text[pos], pos + 1
        while end < self.n and s[end] != quote:
            end += 2 if s[end] == "\\" else 1
        return min(end + 1, self.n), s[pos + 1 : min(end, self.n)]

    def _variable(self, pos: int) -> int:
        """End of `$user.email`, `$row->name()`, `$list[$i].x`, `$smarty.post.x` (after the `$`)."""
        s, end = self.text, pos
        while end < self.n:
            c = s[end]
            if c.isalnum() or c in "_.@":
                end += 1
            elif s.startswith("->", end):
                end += 2
            elif c in "[(":
                end = self._balanced(end)
            else:
                break
        return end

    def _balanced(self, pos: int) -> int:
        """End of the bracket opened at `pos` (quotes respected); the text's end if never closed."""
        s, depth, end = self.text, 0, pos
        while end < self.n:
            c = s[end]
            if c in "'\"":
                end = self._quoted(end)[0]
                continue
            if c in "[(":
                depth += 1
            elif c in "])":
                depth -= 1
                if depth == 0:
                    return end + 1
            end += 1
        return end
