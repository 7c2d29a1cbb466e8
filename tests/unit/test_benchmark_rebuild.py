"""The classifier benchmark rebuilds each labelled table as the labeller recorded it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "classifier.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cnsnt_bench_classifier", _PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _row(table: str, column: str, references: str | None) -> dict[str, object]:
    return {"project": "p", "path": "schema.sql", "table": table, "column": column, "type": "int",
            "comment": None, "primary_key": column == "ID", "references": references}


def test_a_schema_qualified_reference_names_the_table_not_a_column() -> None:
    """`lid.Afdeling` is the table `Afdeling` of the schema `lid` where the project has a
    table of that name, not the column `Afdeling` of a table `lid`; `users.id` stays
    `users` when no table is named `users.id`."""
    bench = _bench()
    rows = [bench.Row(d) for d in (
        _row("lid.Afdeling", "ID", None),
        _row("lid.Lid", "ID", None),
        _row("lid.Lid", "AfdelingID", "lid.Afdeling"),
        _row("users", "ID", None),
        _row("notes", "user_id", "users.id"),
    )]
    tables = {t.name: t for t in bench._tables(rows)["p"]}
    assert [k.ref_table for k in tables["lid.Lid"].foreign_keys] == ["lid.Afdeling"]
    assert [k.ref_table for k in tables["notes"].foreign_keys] == ["users"]
