"""A script whose parse is all nested errors is placed in linear time (sweep36).

Finding where a broken file's error is asked tree-sitter for each ERROR node's previous
sibling, which it finds from the root down: quadratic on `<div><div>...</div></div>` in a
Sequelize model. The texts are made here.
"""

from __future__ import annotations

from tests.hostile.growth import assert_linear
from tests.hostile.harness import _read

HEAD = 'const { DataTypes } = require("sequelize");\nsequelize.define("Member", {'


def _read_model(text: str) -> object:
    return _read("schemas", "member.js", text.encode(), "sequelize")


def test_nested_tags_in_a_model_read_linearly() -> None:
    _read_model("x")  # grammar loaded before timing
    assert_linear(_read_model, lambda n: HEAD + "<div>" * n + "</div>" * n + "});", 4_000)


def test_the_broken_model_is_still_reported() -> None:
    evidence = _read_model(HEAD + "<div>" * 50 + "</div>" * 50 + "});")
    assert not isinstance(evidence, tuple)
    assert [p.message.split(":")[0] for p in evidence.problems] == ["JavaScript/TypeScript syntax error (cannot parse from here)"]
