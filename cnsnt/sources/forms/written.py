"""Text written from a view of another syntax (Haml, Slim, Pug), and where its offsets were in the view.

A view that writes no HTML is read by writing out the markup or ERB it renders, piece by
piece, and reading that. Each piece remembers the view's offset it came from and how many
of its characters are the view's own (copied as they stand), so a finding in the written
text is placed at the view's line and column.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from cnsnt.sources.base import LineIndex

#: A carriage return that ends a line by itself (classic Mac OS). Linear: one fixed character.
_LONE_CR = re.compile(r"\r(?!\n)")


def lone_breaks(source: str) -> str:
    r"""A view's text with each line ended by a `\r` alone ended by `\n`: same length, same offsets.

    Pug, Haml and Slim read such a file as lines (Pug's lexer turns `\r` into `\n`); read
    by `\n` alone it was one line, and every field in it was lost.
    """
    return _LONE_CR.sub("\n", source) if "\r" in source else source


@dataclass
class WrittenText:
    """The text written from a view (`source`), with the view offset of each piece."""

    text: str
    source: str
    _outs: list[int]
    """Where each piece starts in `text`, in order."""
    _srcs: list[int]
    """Where each piece came from in `source`."""
    _spans: list[int]
    """How many of each piece's first characters are `source`'s own, one for one."""
    _lines: LineIndex | None = field(default=None, init=False, repr=False, compare=False)

    def source_offset(self, offset: int) -> int:
        """The view's offset a written offset came from (the start of its piece, or its own character)."""
        i = bisect_right(self._outs, offset) - 1
        if i < 0:
            return 0
        return self._srcs[i] + min(offset - self._outs[i], self._spans[i])

    def line_col(self, offset: int) -> tuple[int, int]:
        """The view's 1-based line and column of a written offset."""
        return self.source_line_col(self.source_offset(offset))

    def source_line_col(self, offset: int) -> tuple[int, int]:
        """The view's 1-based line and column of one of its own offsets."""
        if self._lines is None:
            self._lines = LineIndex(self.source)
        return self._lines.line_col(offset)
