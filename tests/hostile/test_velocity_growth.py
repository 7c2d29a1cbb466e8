"""Velocity templates full of open brackets are scanned in linear time (trial36).

A reference or directive may open a bracket every few characters (`#if(#if(...`,
`$a($a(...`, `${${...`): scanning from each to the scan limit was quadratic. The texts are
made here.
"""

from __future__ import annotations

import pytest

from cnsnt.sources.forms.templates import Scanner
from tests.hostile.growth import assert_linear


def _scan(text: str) -> int:
    return len(Scanner(text, smarty=False, razor=False, velocity=True).run())


@pytest.mark.parametrize("unit", ["#if(", "$a(", "$a[", "${", "$!{a", '#foreach("', "#elseif($x.get("])
def test_unclosed_velocity_brackets_scan_linearly(unit: str) -> None:
    assert_linear(_scan, lambda n: unit * n, 2_000)


def test_a_closed_condition_is_still_one_token_after_unclosed_ones() -> None:
    text = "#if(" * 50 + "\n#if($user.active)<input name=\"email\">#end"
    tokens = Scanner(text, smarty=False, razor=False, velocity=True).run()
    assert [(text[t.start : t.end], t.kind) for t in tokens] == [("#if($user.active)", "if"), ("#end", "close")]
