"""Which Go ORM a `.go` file maps its tables with, from its text: GORM, xorm, bun, ent or Beego.

A file names its ORM by importing it or by tagging a field for it. GORM comes first:
Gogs tags its older structs for xorm and GORM at once while GORM creates them. An ent
schema is a struct embedding `ent.Schema` (or a mixin's `mixin.Schema`) in a file that
imports `entgo.io/ent`; ent's generated code (`ent/user.go`, `ent/migrate/schema.go`)
is not one. A Beego ORM model file imports Beego's `orm` package or tags its fields
`orm:"..."` with words only Beego writes (`size(20)`, `rel(fk)`). A file that names
none of them is None.
"""

from __future__ import annotations

from cnsnt.sources.schemas.beego_models import uses_beego
from cnsnt.sources.schemas.gorm_models import imports_gorm
from cnsnt.sources.schemas.xorm_models import uses_xorm

#: The Go ORMs cnsnt reads, as `format:` names them.
GO_KINDS = ("gorm", "xorm", "bun", "ent", "beego")
#: bun's import path.
BUN_IMPORT = '"github.com/uptrace/bun"'


def uses_bun(text: str) -> bool:
    """Whether a Go file imports bun and tags a field for it (or embeds `bun.BaseModel`)."""
    return BUN_IMPORT in text and ('bun:"' in text or "bun.BaseModel" in text)


def is_ent_schema(text: str) -> bool:
    """Whether a Go file is an ent schema (or mixin): imports ent and embeds `ent.Schema`/`mixin.Schema`."""
    return (
        '"entgo.io/ent' in text
        and ("ent.Schema" in text or "mixin.Schema" in text)
        and ("Fields()" in text or "Edges()" in text or "Annotations()" in text or "Mixin()" in text)
    )


def go_kind(text: str) -> str | None:
    """`gorm`, `xorm`, `bun`, `ent` or `beego` for a Go file's text; None when it names none of them."""
    if imports_gorm(text) or 'gorm:"' in text:
        return "gorm"
    if uses_xorm(text):
        return "xorm"
    if uses_bun(text):
        return "bun"
    if is_ent_schema(text):
        return "ent"
    if uses_beego(text):
        return "beego"
    return None
