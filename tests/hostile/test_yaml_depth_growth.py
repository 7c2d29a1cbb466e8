"""YAML nested too deep is placed without reading all of its nesting (codereview37).

PyYAML's scanner looks over every flow level opened in the last 1,024 characters at each
token: finding the deepest opening of `[` x 20,000 (a 40 KB changelog) took 40 s, about
2 ms a level, and a policy of the 5 MB allowed would not end for hours. The place is the
first collection 1,000 levels deep (`yaml_nodes.ENOUGH`): the work stops there.
"""

from __future__ import annotations

import pytest

from cnsnt.errors import SourceError
from cnsnt.policy.yaml_nodes import ENOUGH
from cnsnt.sources.schemas.liquibase_yaml import yaml_nodes
from tests.hostile.growth import assert_linear

HEAD = "databaseChangeLog:\n  - changeSet:\n      id: 1\n      comment: "


def _changelog(n: int) -> str:
    return HEAD + "[" * n + "]" * n + "\n"


def _refused(text: str) -> tuple[int | None, int | None]:
    with pytest.raises(SourceError) as info:
        yaml_nodes(text, "changelog.yaml")
    assert info.value.location is not None
    return info.value.location.line, info.value.location.column


def test_a_changelog_nested_deep_in_flow_lists_is_placed_in_bounded_time() -> None:
    assert_linear(_refused, _changelog, 2_500)  # 20,000 levels: under the harness's ceiling


def test_the_place_is_the_first_collection_enough_levels_deep() -> None:
    # the document's mapping, its list, the item's mapping and the changeSet's are four
    # levels: the `[` number ENOUGH - 4 is the first ENOUGH levels deep
    assert _refused(_changelog(20_000)) == (4, len("      comment: ") + ENOUGH - 4)
