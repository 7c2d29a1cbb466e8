"""Pug templates are read in linear time, however deep or long (the texts are made here).

The Pug reader writes out markup line by line: an element nested a thousand levels deep,
a 1 MB line of attributes or of inline tags, attribute lists and interpolations that never
close must each cost work in proportion to the text, and never the Python stack.
"""

from __future__ import annotations

import tempfile
from math import isqrt
from pathlib import Path

from cnsnt.sources.base import Limits, SourceContext
from cnsnt.sources.forms.pug import pug_markup, read_pug_forms
from tests.hostile.growth import assert_linear
from tests.hostile.harness import _spec


def _read(text: str) -> int:
    """Fields read from `text` as a Pug view (the whole reader: markup, then the HTML reader)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "v.pug"
        path.write_text(text, encoding="utf-8")
        ctx = SourceContext(base_dir=Path(tmp), limits=Limits(source_seconds=0))
        evidence = read_pug_forms(path, _spec("forms", "v.pug"), ctx)
        return sum(len(f.fields) for f in evidence.forms)


def _markup(text: str) -> int:
    return len(pug_markup(text).text)


def _deep(levels: int) -> str:
    return "".join(" " * i + "div\n" for i in range(levels))


def test_deep_nesting_is_read_without_recursion() -> None:
    deep = "form(method='post')\n" + "".join(" " * (i + 1) + "div\n" for i in range(1000))
    deep += " " * 1001 + "input(name='email')\n"
    assert _read(deep) == 1
    # a text of n characters nests about sqrt(2 n) levels: the work grows with the text
    assert_linear(_markup, lambda n: _deep(isqrt(2 * n)), 20_000)


def test_a_one_megabyte_line_of_attributes_is_linear() -> None:
    assert_linear(_markup, lambda n: "input(" + "a='1' " * n + "name='x')\n", 20_000)
    big = "form\n  input(" + "data-x='1' " * 100_000 + "name='email')\n"
    assert len(big) > 1_000_000 and _read(big) == 1


def test_a_one_megabyte_line_of_text_and_inline_tags_is_linear() -> None:
    assert_linear(_markup, lambda n: "p " + "#[b x] #{y} " * n + "\n", 5_000)
    assert_linear(_markup, lambda n: "p " + "#[a(" * n + "\n", 10_000)
    assert_linear(_markup, lambda n: "p " + "#[" * n + "]" * n + "\n", 10_000)
    assert_linear(_markup, lambda n: "p " + "#{" * n + "\n", 10_000)


def test_attribute_lists_that_never_close_are_linear() -> None:
    assert_linear(_markup, lambda n: "input(name='a'\n" * n, 2_000)
    assert_linear(_markup, lambda n: ("input(name='" + "x" * 2_000 + "\n") * n, 100)
    assert_linear(_markup, lambda n: ("input(a=" + "'x" * 40 + "\n") * n, 1_000)
    assert_linear(_markup, lambda n: "+m(" * n, 10_000)
    assert_linear(_markup, lambda n: "input(a=(" * n + "\n", 10_000)


def test_a_line_of_case_branches_expanded_into_one_another_is_linear() -> None:
    assert_linear(_markup, lambda n: "case x\n  " + "when 'a': " * n + "input(name='a')\n", 10_000)


def test_attribute_strings_of_interpolations_never_closed_are_linear() -> None:
    assert_linear(_markup, lambda n: "input(name='" + "#{a" * n + "')\n", 10_000)


def test_slashes_that_open_no_regular_expression_are_linear() -> None:
    """Each `/` where a value starts is looked at as a regular expression to its line's end: once per line."""
    assert_linear(_markup, lambda n: "input(" + "a=/[ " * n + "name='x')\n", 5_000)
    assert_linear(_markup, lambda n: "input(" + "a=/x/ " * n + "name='x')\n", 5_000)
    assert_linear(_markup, lambda n: "+m(" + "a=/[ " * n + ")\n", 5_000)
