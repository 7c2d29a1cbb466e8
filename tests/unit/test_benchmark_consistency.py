"""The consistency benchmark predicts a column's label from the other projects' labels."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "consistency.py"


def _consistency() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cnsnt_bench_consistency", _PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _row(project: str, column: str, personal: bool) -> dict[str, object]:
    return {"project": project, "path": "schema.sql", "dialect": "postgres", "language": "en",
            "table": "members", "table_comment": None, "column": column,
            "type": "integer" if column == "id" else "varchar(80)", "comment": None,
            "primary_key": column == "id", "references": None, "personal": personal}


def test_each_column_is_predicted_by_the_other_projects_majority_only() -> None:
    """`members.status` is in two projects, personal in one: predicted from the other one, it
    is missed in the first and a false alarm in the second (with a project's own label
    counted, both would tie, "not personal"). A name no other project has (`shoe_size`) is
    left out of the key's figures."""
    bench = _consistency()
    data = []
    for project in ("p1", "p2", "p3"):
        data += [_row(project, "id", False), _row(project, "email", True)]
    data += [_row("p1", "status", True), _row("p2", "status", False)]
    data.append(_row("p1", "shoe_size", True))
    rows = [bench.Row(d) for d in data]
    bench.evaluate(rows)
    line = bench._consensus(rows, "table.column")
    assert "8 columns" in line
    assert "3 keys in 2+ projects (0.33 labelled differently" in line
    assert "other projects' majority 0.750 / 0.750" in line


def test_the_classifier_is_scored_by_how_many_projects_share_a_name() -> None:
    bench = _consistency()
    data = [_row("p1", "email", True), _row("p2", "email", True), _row("p3", "email", True),
            _row("p1", "zq_flag", False), _row("p2", "zq_flag", False), _row("p1", "shoe_size", True)]
    rows = [bench.Row(d) for d in data]
    bench.evaluate(rows)
    three, two, one = bench._by_spread(rows)
    assert three.split()[-1] == "3" and two.split()[-1] == "2" and one.split()[-1] == "1"
    assert one.split()[-2] == "1"  # shoe_size, the one personal column no other project names
