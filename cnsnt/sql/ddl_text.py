"""Plain-text helpers the DDL passes share: lines with offsets, keyword sets, quotes.

Kept apart so the line scanner, the statement splitter and the schema builder agree
on what a line is and on where a statement ends, without importing one another.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def keywords(text: str) -> frozenset[str]:
    """A keyword set written as one string."""
    return frozenset(text.split())


#: A line that ends a statement: `;`, then at most a comment. Linear: a try starts at `;`
#: and reads the blanks after it (possessive; the next `;` ends them) and a comment to `$`.
ENDS_STATEMENT = re.compile(r";\s*+(?:(?:--|#).*+)?$")


def lines(text: str) -> Iterator[tuple[int, str]]:
    r"""(offset, line) pairs split on `\n` only, the way `line_col` counts lines."""
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl + 1
        yield pos, text[pos:end]
        pos = end


def shorten(s: str, limit: int = 60) -> str:
    """Text as a message quotes it: whitespace runs folded, at most `limit` characters."""
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


#: sqlglot's token repr in its error descriptions (which quote user text). Linear: a try
#: starts at the fixed prefix; the text stops at `, line: <digit>` or at the next token
#: repr, so two tries never read the same text; the tail is one possessive run to `>`.
TOKEN_REPR = re.compile(
    r"<Token token_type: [\w.]++, text: ((?>(?:(?!, line: \d|<Token )[^\n])*)), line: \d++[^>\n]*+>"
)
