r"""Doctrine's docblock annotations (`@ORM\\Column(type="string", length=255)`), read by hand.

The annotation text inside a PHP `/** ... */` comment is a small language of its own
(Doctrine Annotations: `@Name(key=value, ...)`, strings in double quotes, `{...}` arrays
with `key=value` or `"key": value`, nested `@Name(...)`): tree-sitter-php sees only a
comment, so this module tokenizes it. A broken ORM annotation is an `AnnotationError` at
its offset in the comment; other annotations (`@var`, `@Assert\\...`) are passed over.

It also holds `PhpClass` and `Prop`, what one class maps: PHP attributes, annotations,
YAML and XML mapping files all give these, and one builder makes tables from them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: The mapping annotations and attributes read (the last part of their name).
ORM_NAMES = frozenset(
    {
        "Entity",
        "MappedSuperclass",
        "Embeddable",
        "Table",
        "Column",
        "Id",
        "ManyToOne",
        "OneToOne",
        "OneToMany",
        "ManyToMany",
        "JoinColumn",
        "JoinColumns",
        "InverseJoinColumn",
        "JoinTable",
        "Embedded",
        "InheritanceType",
        "DiscriminatorColumn",
    }
)
#: Name prefixes that mean Doctrine's mapping namespace (`ORM\\Column`, `Mapping\\Column`, `Column`).
ORM_PREFIXES = frozenset({"", "orm", "mapping", "doctrine\\orm\\mapping"})
#: Positional arguments: the parameter each stands for, in order.
POSITIONAL: dict[str, tuple[str, ...]] = {
    "Table": ("name", "schema"),
    "Column": ("name", "type", "length"),
    "JoinColumn": ("name", "referencedColumnName"),
    "InverseJoinColumn": ("name", "referencedColumnName"),
    "ManyToOne": ("targetEntity",),
    "OneToOne": ("targetEntity", "mappedBy", "inversedBy"),
    "OneToMany": ("mappedBy", "targetEntity"),
    "ManyToMany": ("targetEntity", "mappedBy", "inversedBy"),
    "JoinTable": ("name", "schema", "joinColumns", "inverseJoinColumns"),
    "JoinColumns": ("value",),
    "Embedded": ("class", "columnPrefix"),
    "InheritanceType": ("value",),
    "DiscriminatorColumn": ("name", "type", "length"),
    "Entity": ("repositoryClass",),
}


class Unknown:
    """A value cnsnt cannot know statically (a constant, a computed expression)."""

    def __repr__(self) -> str:
        return "Unknown"


UNKNOWN = Unknown()


@dataclass(frozen=True)
class ClassRef:
    """`User::class` or a class name in a string: the short name of a class."""

    name: str


@dataclass
class Attr:
    """One mapping attribute or annotation: its short name, arguments and place in the file."""

    name: str
    args: dict[str, Any] = field(default_factory=dict)
    offset: int = 0
    """Byte offset in the file (set by the reader); line and column come from it."""

    def get(self, key: str) -> Any:
        """The argument named `key`, by name or by its position; None when absent."""
        if key in self.args:
            return self.args[key]
        names = POSITIONAL.get(self.name, ())
        if key in names:
            return self.args.get(str(names.index(key)))
        if key == "value":
            return self.args.get("0")
        return None


#: Class-level mapping -> the kind of class it makes.
ENTITY_KINDS = {"Entity": "entity", "MappedSuperclass": "mapped", "Embeddable": "embeddable"}


def short_name(name: str) -> str:
    r"""`App\\Entity\\User` -> `User`."""
    return name.rstrip("\\").rsplit("\\", 1)[-1]


def is_orm(name: str) -> bool:
    """Whether an annotation or attribute name is one of Doctrine's mapping ones."""
    prefix, _, last = name.lstrip("\\").rpartition("\\")
    return last in ORM_NAMES and prefix.casefold() in ORM_PREFIXES


class AnnotationError(Exception):
    """A mapping annotation that cannot be read, at a character offset in the comment."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


_PUNCT = "(){}=:,"
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_\\")
#: How deeply arrays and annotations may nest (real ones: 3 or 4).
_MAX_DEPTH = 50


@dataclass
class _Token:
    kind: str  # "punct", "string", "number", "name", "at"
    text: str
    offset: int


class _Parser:
    def __init__(self, text: str, start: int) -> None:
        self.text = text
        self.pos = start

    def _skip_space(self) -> None:
        text = self.text
        while self.pos < len(text) and (
            text[self.pos].isspace() or (text[self.pos] == "*" and not text.startswith("*/", self.pos))
        ):
            self.pos += 1

    def _end(self) -> int:
        """Where the text ends for the parser: the comment's `*/` (or its last character)."""
        self._skip_space()
        return self.pos

    def _peek(self) -> _Token | None:
        saved = self.pos
        token = self._next()
        self.pos = saved
        return token

    def _next(self) -> _Token | None:
        self._skip_space()
        text = self.text
        if self.pos >= len(text) or text.startswith("*/", self.pos):
            return None  # the end of the comment
        start = self.pos
        char = text[start]
        if char in _PUNCT:
            self.pos += 1
            return _Token("punct", char, start)
        if char == '"':
            out: list[str] = []
            i = start + 1
            while i < len(text):
                if text[i] == '"':
                    if i + 1 < len(text) and text[i + 1] == '"':  # "" is an escaped quote
                        out.append('"')
                        i += 2
                        continue
                    self.pos = i + 1
                    return _Token("string", "".join(out), start)
                out.append(text[i])
                i += 1
            raise AnnotationError("unterminated string", start)
        if char == "@":
            self.pos += 1
            return _Token("at", "@", start)
        if char in _NAME_CHARS or char in "-.+":
            i = start
            while i < len(text):
                if text[i] in _NAME_CHARS or text[i] in "-.+":
                    i += 1
                elif text.startswith("::", i):
                    i += 2
                else:
                    break
            self.pos = i
            word = text[start:i]
            kind = "number" if word[0] in "-+.0123456789" else "name"
            return _Token(kind, word, start)
        raise AnnotationError(f"unexpected character {char!r}", start)

    def _expect(self, punct: str) -> _Token:
        token = self._next()
        if token is None or token.kind != "punct" or token.text != punct:
            offset = token.offset if token is not None else self._end()
            raise AnnotationError(f"expected {punct!r}", offset)
        return token

    def annotation(self, depth: int = 0) -> Attr:
        """`@Name` or `@Name(...)`, the `@` already read."""
        start = self.pos - 1
        token = self._next()
        if token is None or token.kind != "name":
            raise AnnotationError("expected an annotation name after '@'", start)
        attr = Attr(short_name(token.text), offset=start)
        after = self.pos
        if self.pos < len(self.text) and self.text[self.pos] == "(":
            self.pos += 1
            attr.args = self._values(")", depth + 1)
        else:
            self.pos = after
        return attr

    def _values(self, close: str, depth: int) -> dict[str, Any]:
        if depth > _MAX_DEPTH:
            raise AnnotationError("annotation nested too deeply", self.pos)
        out: dict[str, Any] = {}
        index = 0
        while True:
            token = self._peek()
            if token is None:
                raise AnnotationError(f"missing {close!r}", self._end())
            if token.kind == "punct" and token.text == close:
                self._next()
                return out
            key: str | None = None
            if token.kind in ("name", "string"):
                saved = self.pos
                self._next()
                following = self._peek()
                if following is not None and following.kind == "punct" and following.text in "=:":
                    self._next()
                    key = token.text
                else:
                    self.pos = saved
            value = self._value(depth)
            if key is None:
                key = str(index)
                index += 1
            out[key] = value
            token = self._next()
            if token is None:
                raise AnnotationError(f"missing {close!r}", self._end())
            if token.kind == "punct" and token.text == close:
                return out
            if not (token.kind == "punct" and token.text == ","):
                raise AnnotationError(f"expected ',' or {close!r}", token.offset)

    def _value(self, depth: int) -> Any:
        token = self._next()
        if token is None:
            raise AnnotationError("missing value", self._end())
        if token.kind == "string":
            return token.text
        if token.kind == "number":
            try:
                return int(token.text)
            except ValueError:
                try:
                    return float(token.text)
                except ValueError:
                    return UNKNOWN
        if token.kind == "at":
            return self.annotation(depth + 1)
        if token.kind == "punct" and token.text == "{":
            values = self._values("}", depth + 1)
            if all(k.isdigit() for k in values):
                return list(values.values())
            return values
        if token.kind == "name":
            lowered = token.text.casefold()
            if lowered in ("true", "false"):
                return lowered == "true"
            if lowered == "null":
                return None
            if lowered.endswith("::class"):
                return ClassRef(short_name(token.text[: -len("::class")]))
            return UNKNOWN
        raise AnnotationError(f"unexpected {token.text!r}", token.offset)


def docblock_annotations(text: str) -> list[Attr]:
    """The Doctrine mapping annotations of one docblock (offsets are in `text`).

    Raises `AnnotationError` for a mapping annotation that cannot be read.
    """
    found: list[Attr] = []
    i = 0
    while True:
        i = text.find("@", i)
        if i < 0:
            return found
        before = text[i - 1] if i > 0 else " "
        j = i + 1
        while j < len(text) and text[j] in _NAME_CHARS:
            j += 1
        name = text[i + 1 : j]
        if not (before.isspace() or before in "*/") or not name or not is_orm(name):
            i = max(j, i + 1)
            continue
        parser = _Parser(text, i + 1)
        found.append(parser.annotation())
        i = parser.pos


# -- what one class maps (PHP attributes, annotations, YAML and XML give the same)

@dataclass
class Prop:
    """One property and the mapping written on it."""

    name: str
    attrs: list[Attr]
    php_type: str | None
    line: int
    column: int
    shown: str

    def first(self, name: str) -> Attr | None:
        """The first mapping attribute of that name."""
        return next((a for a in self.attrs if a.name == name), None)

    def all(self, name: str) -> list[Attr]:
        """Every mapping attribute of that name (several `JoinColumn`s)."""
        return [a for a in self.attrs if a.name == name]


@dataclass
class PhpClass:
    """A class (or trait) with the mapping of its class and of its properties."""

    name: str
    shown: str
    line: int
    column: int
    attrs: list[Attr] = field(default_factory=list)
    parent: str | None = None
    traits: list[str] = field(default_factory=list)
    props: list[Prop] = field(default_factory=list)
    parent_full: str | None = None
    """The parent's fully qualified name, as the file's `use` statements resolve it."""

    @property
    def kind(self) -> str | None:
        """`entity`, `mapped` (superclass), `embeddable`, or None for a plain class or trait."""
        return next((ENTITY_KINDS[a.name] for a in self.attrs if a.name in ENTITY_KINDS), None)

    def first(self, name: str) -> Attr | None:
        """The first class-level mapping attribute of that name."""
        return next((a for a in self.attrs if a.name == name), None)
