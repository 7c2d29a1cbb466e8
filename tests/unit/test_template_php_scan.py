"""The PHP block scanner: strings, comments and `?>` (it skips plain runs with regular expressions)."""

from __future__ import annotations

import pytest

from cnsnt.sources.forms.template_php import _php_code


@pytest.mark.parametrize(
    ("code", "end", "strings"),
    [
        # a `?>` inside a string does not end the block; the one after `;` does
        ("echo 'a?>b'; ?> x", 15, [(5, 10, "'", 0)]),
        # an escaped quote stays inside its string; depth counts the open bracket
        ('f("a\\"b", \'c\') ?>', 17, [(2, 7, '"', 1), (10, 12, "'", 1)]),
        # a line comment ends at `?>`, a block comment does not
        ("x // c ?> y", 9, []),
        ("/* ?> */ y ?>", 13, []),
        # `#[` is a PHP attribute, not a comment
        ("#[Attr] ?>", 10, []),
        # a string left open runs to the end, and so does a backslash that ends the text
        ("f('a", 4, [(2, 4, "'", 1)]),
        ("f('a\\", 5, [(2, 5, "'", 1)]),
        ("a; b", 4, []),
    ],
)
def test_php_code_finds_the_end_and_the_strings(
    code: str, end: int, strings: list[tuple[int, int, str, int]]
) -> None:
    assert _php_code(code, 0) == (end, strings)


def test_php_code_starts_where_it_is_told() -> None:
    text = "<p>'x'</p><?php echo \"<b>\"; ?>"
    assert _php_code(text, 15) == (len(text), [(21, 25, '"', 0)])


class _Scanned(str):
    """Text that adds up how many characters its `find` calls read (to a hit, else to the end)."""

    read = 0

    def find(self, sub: str, start: int | None = None, end: int | None = None) -> int:  # type: ignore[override]
        first = start or 0
        found = super().find(sub, start, end)
        stop = (len(self) if end is None else end) if found < 0 else found + len(sub)
        _Scanned.read += max(stop - first, 0)
        return found


def test_line_comments_of_a_file_without_a_closing_tag_are_read_once() -> None:
    """Each `//` comment looked for `?>` to the end of the text: a PHP file with no `?>`
    (the usual kind) and a comment on every line took 4 s for 480 KB, growing with the square."""
    text = _Scanned("<?php\n" + "$a = 1; // a comment\n" * 2000)
    _Scanned.read = 0
    assert _php_code(text, 5) == (len(text), [])
    assert _Scanned.read <= 3 * len(text)
    assert _php_code("x // c ?> y", 0) == (9, [])  # a `?>` on the comment's line still ends it
