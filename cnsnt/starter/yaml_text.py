"""Write YAML text by hand where comments must sit beside values: safe scalars and comments.

Policies are untrusted and so are the names in them (a column may be called
anything a database allows): every scalar goes through `scalar`, which emits
a plain scalar only when it cannot be read as anything else, and every comment
through `comment`, which keeps it on one printable line.
"""

from __future__ import annotations

import json
import re

# Linear: one pass, no nested quantifiers.
_PLAIN = re.compile(r"[^\W\d][\w.*?\- ]*+")
_RESERVED = frozenset({"null", "true", "false", "yes", "no", "on", "off", "y", "n", "~"})
COMMENT_COLUMN = 40


def scalar(value: str) -> str:
    """A YAML scalar that reads back as exactly `value`."""
    if _PLAIN.fullmatch(value) and not value.endswith(" ") and value.lower() not in _RESERVED:
        return value
    return json.dumps(value, ensure_ascii=False)


def comment(text: str) -> str:
    """One printable line: whitespace collapsed, control and format characters dropped."""
    flat = " ".join(text.split())
    return "".join(ch for ch in flat if ch.isprintable())


def line(indent: int, body: str, note: str | None = None) -> str:
    """`body` at `indent`, with `# note` aligned at COMMENT_COLUMN when given."""
    text = " " * indent + body
    if not note:
        return text
    pad = max(COMMENT_COLUMN - len(text), 1)
    return f"{text}{' ' * pad}# {comment(note)}"
