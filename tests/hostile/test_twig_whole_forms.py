"""A Twig template with many unnamed `form_row(x)` calls is read in linear time (CR27b F3).

Each unnamed call used to scan the whole template twice (its `{% for %}`/`{% set %}`
variables and the variables given to `form_start`/`form()`): 1.5 s at 1,000 calls,
9.1 s at 4,000. The template below is written for this test.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import read_form
from tests.hostile.growth import assert_linear


def test_many_unnamed_form_rows_grow_linearly(tmp_path: Path) -> None:
    def make(n: int) -> Path:
        path = tmp_path / f"big{n}.html.twig"
        rows = "".join(f"{{{{ form_row(x{i}) }}}}\n" for i in range(n))
        path.write_text(f"<form>\n{rows}</form>\n", encoding="utf-8")
        return path

    assert_linear(read_form, make, 400)
