r"""Java `.properties` text (`flyway.conf`, Spring Boot's `application.properties`), as Java reads it.

`java.util.Properties.load`: a key runs to its first unescaped `=`, `:` or blank; `#` and
`!` open comment lines; a line ending in an odd number of backslashes goes on in the
next (its leading blanks dropped); `\t`, `\n`, `\uXXXX` and a backslash before any
other character are escapes. The last definition of a key holds. One pass, linear.
"""

from __future__ import annotations

from dataclasses import dataclass

_BLANKS = " \t\f"
_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "f": "\f"}


@dataclass(frozen=True)
class Property:
    """A value and where its key stands (1-based line and column)."""

    value: str
    line: int
    column: int


def parse_properties(text: str) -> dict[str, Property]:
    """The keys of a `.properties` text and their values (escapes read)."""
    found: dict[str, Property] = {}
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        number = i + 1
        raw = lines[i]
        logical = raw.lstrip(_BLANKS)
        column = len(raw) - len(logical) + 1
        i += 1
        if not logical or logical[0] in "#!":
            continue
        # joined once: adding each line to the value so far was quadratic. The run of
        # backslashes before a joined line's is even, so the last line alone tells.
        pieces = [logical]
        while _continues(pieces[-1]) and i < len(lines):
            pieces[-1] = pieces[-1][:-1]
            pieces.append(lines[i].lstrip(_BLANKS))
            i += 1
        if _continues(pieces[-1]):
            pieces[-1] = pieces[-1][:-1]
        logical = "".join(pieces)
        key, value = _split(logical)
        found[key] = Property(value, number, column)
    return found


def _continues(line: str) -> bool:
    """Whether a line ends in an odd number of backslashes (the next line goes on with it)."""
    count = len(line) - len(line.rstrip("\\"))
    return count % 2 == 1


def _split(line: str) -> tuple[str, str]:
    """A logical line's key and value, each unescaped."""
    at = 0
    while at < len(line) and line[at] not in "=:" + _BLANKS:
        at += 2 if line[at] == "\\" else 1
    key = line[:at]
    rest = line[at:].lstrip(_BLANKS)
    if rest[:1] in ("=", ":"):
        rest = rest[1:].lstrip(_BLANKS)
    return _unescape(key), _unescape(rest)


def _unescape(text: str) -> str:
    r"""`\t` and the like, `\uXXXX`, and a backslash that keeps the character after it."""
    if "\\" not in text:
        return text
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch != "\\" or i + 1 >= len(text):
            out.append(ch)
            i += 1
            continue
        nxt = text[i + 1]
        digits = text[i + 2 : i + 6]
        if nxt == "u" and len(digits) == 4 and all(c in "0123456789abcdefABCDEF" for c in digits):
            out.append(chr(int(digits, 16)))
            i += 6
            continue
        out.append(_ESCAPES.get(nxt, nxt))
        i += 2
    return "".join(out)
