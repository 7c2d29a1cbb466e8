"""GORM model files of a Go project, and the `schemas` entries `cnsnt init` proposes for them.

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

from cnsnt.sources.schemas.gorm_models import imports_gorm

#: A field tag for GORM, as written in a struct.
_TAG = 'gorm:"'


def gorm_kind(path: Path, head: str) -> str | None:
    """`gorm` for a Go file (not a test) that imports GORM or tags a field for it, else None."""
    if path.suffix != ".go" or path.name.endswith("_test.go"):
        return None
    return "gorm" if imports_gorm(head) or _TAG in head else None


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
