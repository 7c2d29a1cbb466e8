"""Flyway's configuration files, read on hostile input in linear time (review40b).

A `.properties` value continued over many lines (each ending in `\\`) was joined one line
at a time onto the whole value so far, and each line's continuation was told by stripping
the whole value's end: quadratic, 16 s of CPU for a 2 MB `flyway.conf` (the read cap).
"""

from __future__ import annotations

from cnsnt.sources.schemas.java_properties import parse_properties
from tests.hostile.growth import assert_linear


def _continued(n: int) -> str:
    return "flyway.defaultSchema=" + "a\\\n" * n + "b\n"


def test_a_value_continued_over_many_lines_reads_in_linear_time() -> None:
    assert parse_properties(_continued(3))["flyway.defaultSchema"].value == "aaab"
    assert_linear(parse_properties, _continued, 20_000)
