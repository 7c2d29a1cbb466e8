"""A long JSON reviewed list (`init --update --reviewed`) is read in linear time (codereview28 F3).

Each item's line was counted from the file's start: 7.2 s at 10,000 items (3 MB), 90 s
at 40,000, where the same rows as CSV took 0.2 s. The list below is written for this test,
in the shape `cnsnt explain-column --format json` gives.
"""

from __future__ import annotations

import json
from pathlib import Path

from cnsnt.policy.taxonomy import load_taxonomy
from cnsnt.starter.reviewed import read_reviewed
from tests.hostile.growth import assert_linear

TAXONOMY = load_taxonomy()


def test_a_long_json_list_is_read_in_linear_time(tmp_path: Path) -> None:
    def make(n: int) -> Path:
        items = [
            {
                "column": f"table_{i // 10}.column_{i}",
                "location": f"db/schema.sql:{i + 1}:3",
                "personal": i % 3 == 0,
                "category": None,
                "confidence": "low",
                "table": "",
                "reason": f"name 'column_{i}' is technical",
            }
            for i in range(n)
        ]
        path = tmp_path / f"review{n}.json"
        path.write_text(json.dumps(items, indent=2), encoding="utf-8")
        return path

    def read(path: Path) -> None:
        assert read_reviewed(path, path.name, TAXONOMY)

    assert_linear(read, make, 2_000)
