"""Hostile Haml views are translated in linear time and never raise but a clear HamlError.

Deep indentation, brackets never closed, interpolations never closed and a 1 MB line cost
time in proportion to the view; an unclosed bracket is the one error, named at its offset.
The views are made here.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from cnsnt.sources.forms.haml import HamlError, translate
from cnsnt.sources.forms.indented_views import view_markup
from cnsnt.sources.forms.slim import translate_slim
from tests.hostile.growth import assert_linear


def _translate(text: str) -> int:
    try:
        return len(translate(text).text)
    except HamlError as exc:
        return exc.offset


def _nested(depth: int) -> str:
    return "".join(" " * i + "%div\n" for i in range(depth)) + " " * depth + '%input{name: "x"}\n'


def _deep(n: int) -> str:
    """Nesting whose text grows with n (a depth d takes d^2/2 characters of indentation)."""
    return _nested(int((100 * n) ** 0.5))


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "%a{\n" * n,  # a hash never closed: the first one is the error
        lambda n: "%a{x: 1,\n" * n,  # runs on over every line
        lambda n: "%p " + "#{" * n + "\n",  # interpolations never closed
        lambda n: "%p " + "#{a}" * n + "\n",
        lambda n: '%input{name: "x"}' + "(" * n,
        lambda n: "= f.text_field :x,\n" * n,
        lambda n: "- if x\n" * n,
        lambda n: "%p\n" + "\n" * n + "  %input\n",  # blank lines between a line and its child
        lambda n: '%input{name: "' + "x" * (40 * n) + '"}\n',  # one long line
        _deep,
    ],
)
def test_hostile_views_translate_linearly(make: object) -> None:
    assert_linear(_translate, make, 500)  # type: ignore[arg-type]


def test_a_megabyte_line_is_read() -> None:
    line = "%p " + "word " * 200_000 + "\n" + '%input{name: "after"}\n'
    assert '<input name="after">' in translate(line).text


def test_deep_indentation_is_closed_in_order() -> None:
    html = translate(_nested(3000)).text
    assert html.count("<div>") == html.count("</div>") == 3000
    assert html.rstrip().endswith("</div>")


def test_random_views_translate_or_raise_a_haml_error() -> None:
    """Pieces of Haml syntax in random order: a translation or a HamlError, never another exception."""
    pieces = ['%input{', '}', '(', ')', '[', ']', '"', "'", "#{", "\n", "  ", "\t", "- ", "= ", "-#", "/ ",
              ":javascript", "\\", ".x", "#y", "%p", "=", "!=", "&", "~", ",", " do |f|", "\r\n", "é", "\0"]
    rng = random.Random(38)
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))
        try:
            translate(text)
        except HamlError as exc:
            assert 0 <= exc.offset < len(text)
        view_markup(Path("v.haml"), text)  # the sniff never raises


def _translate_slim(text: str) -> int:
    try:
        return len(translate_slim(text).text)
    except HamlError as exc:
        return exc.offset


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "input(\n" * n,  # a wrapper never closed
        lambda n: "ul: " * n + "li\n",  # inline tags on one line
        lambda n: 'input name="x" ' * n + "\n",  # attributes, then text
        lambda n: "p " + 'a=(b "' * n + "\n",  # a Ruby value never closed on its line
        lambda n: "| text\n" + "  more #{x}\n" * n,  # a text block
        lambda n: "javascript:\n" + '  var x = "<input>";\n' * n,
    ],
)
def test_hostile_slim_views_translate_linearly(make: object) -> None:
    assert_linear(_translate_slim, make, 500)  # type: ignore[arg-type]


def test_random_slim_views_translate_or_raise_a_haml_error() -> None:
    pieces = ["input", " ", "(", ")", "[", "]", "{", "}", '"', "'", "#{", "\n", "  ", "- ", "= ", "/ ", "/!",
              "javascript:", "|", ".x", "#y", ": ", "name=", "=", "*", ",", " do |f|", "é", "\0", "<"]
    rng = random.Random(39)
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))
        try:
            translate_slim(text)
        except HamlError as exc:
            assert 0 <= exc.offset < len(text)
        view_markup(Path("v.slim"), text)
