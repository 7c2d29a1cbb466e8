"""A React component full of bare `&` inside elements is read in linear time (sweep36).

tree-sitter wraps each bare `&` of JSX text in an ERROR node; asking each for its parent
(which tree-sitter finds from the root down) was quadratic on `<a>&<a>&...`. The texts
are made here.
"""

from __future__ import annotations

import pytest

from tests.hostile.growth import assert_linear
from tests.hostile.harness import _read


def _read_jsx(text: str) -> object:
    return _read("forms", "Signup.jsx", text.encode())


@pytest.mark.parametrize("unit", ["<b>&", "{&", "(&"])
def test_bare_ampersands_in_nested_elements_read_linearly(unit: str) -> None:
    _read_jsx("x")  # grammar loaded before timing
    assert_linear(
        _read_jsx, lambda n: "export default function Signup() { return <form>" + unit * n + "</form> }", 3_000
    )


def test_a_bare_ampersand_in_a_label_is_still_text() -> None:
    text = (
        "export default function Signup() {\n  return <form>\n"
        '    <label htmlFor="terms">Terms & Conditions</label>\n'
        '    <input type="checkbox" id="terms" name="terms" />\n  </form>;\n}\n'
    )
    evidence = _read_jsx(text)
    assert not isinstance(evidence, tuple)
    assert not evidence.problems
    [field] = [f for form in evidence.forms for f in form.fields]
    assert field.name == "terms"
