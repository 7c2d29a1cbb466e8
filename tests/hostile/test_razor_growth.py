"""Razor templates full of open brackets are scanned in linear time (session 36).

`@if(`, `@(`, `@{`, `@a(` may open a bracket every few characters; scanning each from its
opening to the scan limit was quadratic (3,000 `@if(` took seconds). The texts are made here.
"""

from __future__ import annotations

import pytest

from cnsnt.sources.forms.templates import Scanner
from tests.hostile.growth import assert_linear


def _scan(text: str) -> int:
    return len(Scanner(text, smarty=False, razor=True).run())


@pytest.mark.parametrize("unit", [" @if(", " @(", " @{", " @a(", " @a[", " @foreach(\""])
def test_unclosed_razor_brackets_scan_linearly(unit: str) -> None:
    assert_linear(_scan, lambda n: unit * n, 2_000)


def test_a_closed_condition_is_still_read_after_unclosed_ones() -> None:
    text = " @if(" * 50 + "\n@if (Model.Active) { <input name=\"email\"> }"
    tokens = Scanner(text, smarty=False, razor=True).run()
    assert [(text[t.start : t.end], t.kind) for t in tokens] == [
        ("@if (Model.Active) {", "if"), ("}", "close")]
