r"""Text that is safe to show: no control or bidirectional-override characters reach a reader.

Policies, forms and queries are untrusted. A description written as a YAML escape
(`"\e[2J"`, `"\u202e"`) would otherwise clear a terminal, set its title, or make
"Acme DTL" display as "Acme LTD". Reports escape such characters visibly
(`printable`); customer notices drop them (`strip_unsafe`), since a notice has no
reader who could make sense of an escape. Tab and line feed are kept: they are
legitimate in both, but for a line that must stay one (`printable(text, lines=False)`).
"""

from __future__ import annotations

import json
import re
from typing import Any

#: C0 controls but tab and line feed, DEL and C1, the bidi marks, embeddings, overrides
#: and isolates (U+061C, U+200E/F, U+202A-E, U+2066-9), and lone surrogates.
#: Linear: one character class, each match is one character.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


#: What `printable` keeps but a one-line message may not hold: a line feed, and the line
#: and paragraph separators a terminal or an editor breaks at (the other breaks, `\r`,
#: `\x0b`, `\x0c`, `\x1c`-`\x1e` and U+0085, are unsafe already). Linear: one character class.
_BREAKS = re.compile("[\n\u2028\u2029]")


def printable(text: str, lines: bool = True) -> str:
    r"""Show unsafe characters as escapes (`\x1b`, `\u202e`): for reports and messages.

    `lines=False`: for a line that must stay one (a row of `explain-column`, a note on a
    reviewed list, naming a form field a page chose): a line break in it is shown as
    `\n` (`\u2028`, `\u2029`), so a name cannot print a line of its own (codereview29 F7).
    """
    shown = UNSAFE.sub(lambda m: _escape(m.group()), text)
    if lines:
        return shown
    return _BREAKS.sub(lambda m: "\\n" if m.group() == "\n" else _escape(m.group()), shown)


def strip_unsafe(text: str) -> str:
    """Drop unsafe characters: for customer-facing text (notices)."""
    return UNSAFE.sub("", text)


def has_unsafe(text: str) -> bool:
    """Whether the text holds a character `printable` would escape."""
    return UNSAFE.search(text) is not None


def strip_unsafe_data(value: Any) -> Any:
    """`strip_unsafe` on every string (keys too) of JSON-like data."""
    if isinstance(value, str):
        return strip_unsafe(value)
    if isinstance(value, dict):
        return {strip_unsafe_data(k): strip_unsafe_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [strip_unsafe_data(v) for v in value]
    return value


def json_dumps(value: Any, **options: Any) -> str:
    r"""`json.dumps` with unsafe characters written as `\uXXXX` escapes.

    JSON already escapes C0 controls; this also escapes C1 controls, bidi controls
    and lone surrogates that `ensure_ascii=False` would write raw. The data is
    unchanged for a JSON reader; a terminal or an editor shows the escape.
    """
    text = json.dumps(value, **options)
    return UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


#: The first characters a spreadsheet runs a cell as a formula for (CSV injection, OWASP):
#: `=`, `+`, `-`, `@`, and a tab or a carriage return some read past before one.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(text: str) -> str:
    """A CSV cell no spreadsheet runs as a formula: a leading quote before `=`, `+`, `-`, `@`, a tab."""
    return "'" + text if text[:1] in _FORMULA_STARTS else text


def from_spreadsheet_cell(text: str) -> str:
    """A cell `spreadsheet_cell` wrote, as it was: the quote before a formula start taken off."""
    return text[1:] if text[:1] == "'" and text[1:2] in _FORMULA_STARTS else text
