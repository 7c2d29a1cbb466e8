"""A bug reading one Go ORM model is an error at that struct; the entry's other models are still read.

The readers share `GoIndex.guard` (go_models.py); each is checked here by breaking its
per-model step for one struct.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cnsnt.sources.schemas import beego_models, bun_models, gorm_models, xorm_models
from tests.unit.schema_entry import read_entry, write_files

# Two models per ORM, written for this test; `Broken` is the one whose step fails (line 5).
_FILES = {
    "beego": (
        'package m\n\nimport "github.com/beego/beego/v2/client/orm"\n\n'
        "type Broken struct {\n\tId int\n}\n\ntype Kept struct {\n\tId int\n}\n\n"
        "func init() {\n\torm.RegisterModel(new(Broken), new(Kept))\n}\n"
    ),
    "bun": (
        'package m\n\nimport "github.com/uptrace/bun"\n\n'
        "type Broken struct {\n\tbun.BaseModel\n\tID int64 `bun:\",pk\"`\n}\n\n"
        "type Kept struct {\n\tbun.BaseModel\n\tID int64 `bun:\",pk\"`\n}\n"
    ),
    "xorm": (
        'package m\n\nimport "xorm.io/xorm"\n\n'
        "type Broken struct {\n\tID int64 `xorm:\"pk\"`\n}\n\n"
        "type Kept struct {\n\tID int64 `xorm:\"pk\"`\n}\n\n"
        "func sync(x *xorm.Engine) {\n\tx.Sync(new(Broken), new(Kept))\n}\n"
    ),
    "gorm": (
        'package m\n\nimport "gorm.io/gorm"\n\n'
        "type Broken struct {\n\tgorm.Model\n}\n\ntype Kept struct {\n\tgorm.Model\n}\n"
    ),
}
_STEPS: dict[str, tuple[Any, str]] = {
    "beego": (beego_models.BeegoMapper, "_model"),
    "bun": (bun_models.BunMapper, "_model"),
    "xorm": (xorm_models.XormMapper, "_table"),
    "gorm": (gorm_models.Mapper, "_table"),
}


@pytest.mark.parametrize("fmt", sorted(_FILES))
def test_a_failing_model_is_an_error_at_its_struct_and_the_others_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    mapper, step = _STEPS[fmt]
    original = getattr(mapper, step)

    def failing(self: Any, struct: Any, *args: Any) -> Any:
        if struct.name == "Broken":
            raise ValueError("boom")
        return original(self, struct, *args)

    monkeypatch.setattr(mapper, step, failing)
    write_files(tmp_path, {"m/models.go": _FILES[fmt]})
    ev = read_entry(tmp_path, "m/*.go", fmt)
    assert [t.name.casefold() for t in ev.tables] in (["kept"], ["kepts"])
    [problem] = ev.problems
    assert problem.severity is None and problem.location is not None
    assert (problem.location.path, problem.location.line) == ("m/models.go", 5)
    assert problem.message.startswith("internal error while reading model Broken (ValueError: boom)")
