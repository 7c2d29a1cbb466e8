"""The type a Razor view's model directive names: C#'s `@model`, VB.NET's `@ModelType`.

`read_type` tells three answers apart, because they call for different things: one class a
form fills (`App.Models.Patient` -> `Patient`, followed to its table); a type that is no
one object (a built-in such as `dynamic`, a list `IEnumerable<Patient>`, an array, a tuple:
nothing to follow, nothing to say); and text that is no type at all (`IEnumerable<Patient`
left open), which the reader reports instead of reading it as "no model" in silence.

The type grammar is the small part of C#'s (and VB.NET's) that a type is written in:
dotted names with `global::` (`Global.`), generic arguments `<...>` (`(Of ...)`), `?`,
array ranks `[,]` (`(,)`), tuples and C#'s pointers. It is read by hand over a few tokens:
a directive is one line, so no grammar library is needed.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Types that are no object of their own (a page model's `string Referrer` is a plain field):
#: C#'s built-in types and the framework's value types a property is declared with.
PLAIN = frozenset(
    {
        "bool", "byte", "sbyte", "char", "decimal", "double", "float", "int", "uint", "long", "ulong",
        "short", "ushort", "string", "object", "dynamic", "nint", "nuint",
        "Boolean", "Byte", "Char", "Decimal", "Double", "Single", "Int16", "Int32", "Int64", "String",
        "Object", "DateTime", "DateTimeOffset", "DateOnly", "TimeOnly", "TimeSpan", "Guid", "Uri",
        "IFormFile", "IFormFileCollection",
    }
)  # fmt: skip
#: VB.NET's own names of built-in types (`Integer`, `Date`), besides the framework's; VB
#: names are compared without case.
_PLAIN_VB = frozenset(
    name.lower()
    for name in PLAIN | {"Integer", "UInteger", "Short", "UShort", "Long", "ULong", "SByte", "Date"}
)
#: How deep generic arguments and tuples nest before the type is given up (real types: a few).
_NESTING = 16
#: One-character tokens of a type (`::` is read as one token of its own).
_PUNCTUATION = frozenset(".<>,()[]?*")


@dataclass(frozen=True)
class ModelType:
    """What a model directive's type is."""

    readable: bool
    """False for text that is no type (`IEnumerable<Patient`, an empty directive)."""
    name: str | None = None
    """The simple name of the one class a form fills (`Patient`); None for a built-in type,
    a list, an array, a tuple, another generic type, or text that is no type."""


class _Unreadable(Exception):
    """The text stops being a type here."""


def read_type(written: str, *, vb: bool = False) -> ModelType:
    """Read a model directive's argument (`App.Models.Patient?`, `IEnumerable(Of Patient)`).

    The directive may end with a comment, as the Razor compiler allows: C#'s `//` and a
    `;`, VB's `'`, and Razor's `@* ... *@` in both (`@model Patient; @* the patient *@`).
    """
    text = written.split("@*", 1)[0]
    text = text.split("'", 1)[0] if vb else text.split("//", 1)[0].strip().removesuffix(";")
    tokens = _tokens(text)
    if not tokens:
        return ModelType(readable=False)
    reader = _Reader(tokens, vb)
    try:
        name = reader.type(0)
    except _Unreadable:
        return ModelType(readable=False)
    if not reader.at_end():
        return ModelType(readable=False)
    plain = name is not None and (name.lower() in _PLAIN_VB if vb else name in PLAIN)
    return ModelType(readable=True, name=None if plain else name)


def _tokens(text: str) -> list[str] | None:
    """The words and punctuation of a type; None when a character can be in no type."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isalnum() or ch in "_@":  # `@class`: a C# keyword used as a name
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            if not text[i:j].removeprefix("@").isidentifier():
                return None
            out.append(text[i:j])
            i = j
        elif text.startswith("::", i):
            out.append("::")
            i += 2
        elif ch in _PUNCTUATION:
            out.append(ch)
            i += 1
        else:
            return None
    return out


class _Reader:
    """A recursive reading of one type's tokens; `_Unreadable` where they stop being one."""

    def __init__(self, tokens: list[str], vb: bool) -> None:
        self.tokens, self.vb, self.i = tokens, vb, 0

    def at_end(self) -> bool:
        return self.i == len(self.tokens)

    def _peek(self, ahead: int = 0) -> str:
        at = self.i + ahead
        return self.tokens[at] if at < len(self.tokens) else ""

    def _is(self, token: str, ahead: int = 0) -> bool:
        found = self._peek(ahead)
        return found.lower() == token.lower() if self.vb else found == token

    def _take(self, token: str) -> bool:
        if self._is(token):
            self.i += 1
            return True
        return False

    def _expect(self, token: str) -> None:
        if not self._take(token):
            raise _Unreadable

    def _word(self) -> str:
        word = self._peek()
        if not word or word[0] in _PUNCTUATION or word == "::":
            raise _Unreadable
        self.i += 1
        return word

    def type(self, depth: int) -> str | None:
        """One type; the simple name when it is one named class (`Patient`, `Patient?`), else None."""
        if depth > _NESTING:
            raise _Unreadable
        name = None
        if self._is("("):
            self._tuple(depth)
        else:
            name = self._name(depth)
        while True:
            if self._take("?"):
                continue  # nullable: the same object
            if self._rank():
                name = None  # an array: many objects
            elif not self.vb and self._take("*"):
                name = None  # a pointer
            else:
                return name

    def _rank(self) -> bool:
        """An array's `[]`, `[,]` (VB: `()`, `(,)`), taken when it is there."""
        opener, closer = ("(", ")") if self.vb else ("[", "]")
        ahead = 1
        if not self._is(opener):
            return False
        while self._is(",", ahead):
            ahead += 1
        if not self._is(closer, ahead):
            return False
        self.i += ahead + 1
        return True

    def _name(self, depth: int) -> str | None:
        """`global::A.B<C>.D` (VB: `Global.A.B(Of C).D`): the last part, None when generic."""
        root = ("Global", ".") if self.vb else ("global", "::")
        if self._is(root[0]) and self._is(root[1], 1):
            self.i += 2
        last = self._word()
        generic = self._arguments(depth)
        while self._take("."):
            last = self._word()
            generic = self._arguments(depth) or generic
        return None if generic else last

    def _arguments(self, depth: int) -> bool:
        """A generic's arguments, `<A, B>` (VB: `(Of A, B)`), taken when they are there."""
        if self.vb:
            if not (self._is("(") and self._is("Of", 1)):
                return False
            self.i += 2
            closer = ")"
        elif self._take("<"):
            closer = ">"
        else:
            return False
        self.type(depth + 1)
        while self._take(","):
            self.type(depth + 1)
        self._expect(closer)
        return True

    def _tuple(self, depth: int) -> None:
        """`(int, string)`, `(Patient p, Nurse n)` (VB: `(p As Patient, n As Nurse)`): no one object."""
        self._expect("(")
        self._element(depth)
        self._expect(",")
        self._element(depth)
        while self._take(","):
            self._element(depth)
        self._expect(")")

    def _element(self, depth: int) -> None:
        if self.vb:
            if self._is("As", 1):
                self._word()
                self.i += 1
            self.type(depth + 1)
            return
        self.type(depth + 1)
        if self._peek() not in ("", ",", ")") and self._peek()[0] not in _PUNCTUATION:
            self._word()  # the element's name
