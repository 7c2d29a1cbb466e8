"""Text blanked in place: what a reader leaves out keeps every later line and column where it was.

The SQL, ERB, HEEx and Thymeleaf readers each hide spans (a routine's body, an `INTO`
clause, markup between forms) before handing the rest to a parser; its positions must
still be the file's.
"""

from __future__ import annotations


def blanks(text: str) -> str:
    """`text` as spaces, its line breaks kept (carriage returns and line feeds)."""
    return "".join(ch if ch in "\r\n" else " " for ch in text)
