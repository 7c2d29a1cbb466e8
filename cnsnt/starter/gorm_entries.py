"""Go model files of a Go project (GORM, xorm, bun, ent, Beego), and the `schemas` entries init proposes.

A model file imports GORM (`gorm.io/gorm`, `github.com/jinzhu/gorm`) or tags its fields
for it (`gorm:"..."`; many model files import nothing of GORM's). Models embed structs
of other packages and the `AutoMigrate` call that names them is elsewhere again
(`database/`, `initialize/`), so one entry holds them all: `<their common folder>/**/*.go`.
When that folder is the project itself, `**/*.go` unless a `vendor/` folder is there
(its copy of GORM is no model): then each top folder gets its own glob. The reader
passes over Go files that say nothing of GORM.
"""

from __future__ import annotations

import os
from pathlib import Path

from cnsnt.sources.schemas.go_kinds import go_kind


def go_model_kind(path: Path, head: str) -> str | None:
    """`gorm`, `xorm`, `bun`, `ent` or `beego` for a Go file (not a test) that maps tables with them."""
    if path.suffix != ".go" or path.name.endswith("_test.go"):
        return None
    return go_kind(head)


def gorm_patterns(paths: list[Path], root: Path) -> list[str]:
    """Globs (relative, POSIX) that read every model file and the calls that migrate them."""
    if not paths:
        return []
    common = Path(os.path.commonpath([str(p.parent) for p in paths]))
    if common != root:
        rel = common.relative_to(root).as_posix()
        nested = any(p.parent != common for p in paths)
        return [f"{rel}/{'**/' if nested else ''}*.go"]
    if not (root / "vendor").is_dir():
        return ["**/*.go"]
    out: set[str] = set()
    for path in paths:
        parts = path.relative_to(root).parts
        out.add(f"{parts[0]}/**/*.go" if len(parts) > 1 else parts[0])
    return sorted(out)


def gorm_note(patterns: list[str]) -> str:
    """How the reader will name the tables (it decides the same way)."""
    return (
        f"GORM models in {', '.join(patterns)}: names as GORM's default NamingStrategy writes them "
        "(CreditCard -> credit_cards, UserID -> user_id) unless TableName() or the NamingStrategy "
        "in the code says otherwise; the structs named in AutoMigrate are the tables when the "
        "entry holds that call"
    )


#: How each of the other Go ORMs' readers names tables, for the note beside its entries.
_NAMING = {
    "xorm": "xorm models in {}: the structs a Sync or RegisterModel call names (else every struct "
    "with xorm tags), named by the mapper the code sets (xorm's SnakeMapper unless SetMapper "
    "says GonicMapper or SameMapper) unless TableName() or a tag word says otherwise",
    "bun": "bun models in {}: the structs that embed bun.BaseModel, named by its table: tag, else "
    "as bun does (the struct name in snake_case, pluralised; columns in snake_case)",
    "ent": "ent schemas in {}: the schema types' tables as ent's code generator names them "
    "(the type name pluralised in snake_case) unless an entsql.Annotation names the table; "
    "edges give the foreign-key columns ent adds (user_pets)",
    "beego": "Beego ORM models in {}: the structs RegisterModel names, named as Beego's snakeString "
    "writes them (AuthUser -> auth_user, ID -> i_d; a rel(fk) field Author -> author_id) unless "
    "TableName() or column(...) says otherwise",
}


def go_note(kind: str, patterns: list[str]) -> str:
    """The note beside the entries of one Go ORM: how its reader names the tables."""
    if kind == "gorm":
        return gorm_note(patterns)
    return _NAMING[kind].format(", ".join(patterns))
