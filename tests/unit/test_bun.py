"""bun models read with tree-sitter-go: BaseModel tables, tag options, embedding, relations, problems."""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import ForeignKey
from cnsnt.model import Severity
from cnsnt.sources.schemas.bun_models import parse_tag, underscore
from cnsnt.sources.schemas.reader import detect
from tests.unit.schema_entry import column, names, read_entry, table, where, write_files

MODELS = """\
package models

import (
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"
)

type Timestamps struct {
	CreatedAt time.Time `bun:",nullzero,notnull,default:current_timestamp"`
	UpdatedAt time.Time
}

type User struct {
	bun.BaseModel `bun:"table:accounts.users,alias:u"`

	ID        int64  `bun:",pk,autoincrement"`
	Email     string `bun:"email,notnull,unique"`
	FullName  string `bun:"type:varchar(120)"`
	HomeURL   string
	PublicKey []byte
	Secret    string `bun:"-"`
	Score     float64 `bun:",scanonly"`
	Settings  map[string]any
	Ref       uuid.UUID
	Timestamps
	Address   Address `bun:"embed:home_"`
	Profile   *Profile `bun:"rel:has-one,join:id=user_id"`
	Posts     []*Post  `bun:"rel:has-many"`
}

type Address struct {
	Street string
	City   string
}

type Profile struct {
	bun.BaseModel

	ID     int64 `bun:",pk"`
	UserID int64
	Bio    string
}

type Post struct {
	bun.BaseModel `bun:"posts"`

	ID       int64 `bun:",pk"`
	UserID   int64
	Author   *User   `bun:"rel:belongs-to"`
	AuthorID int64
	Editor   *Editor `bun:"rel:belongs-to,join:editor_id=id"`
	Mood     Mood
}

type Mood int16

type PostRow struct {
	Title string `bun:"title"`
	Count int    `bun:"count"`
}
"""


def _blog(tmp_path: Path) -> None:
    write_files(tmp_path, {"models/user.go": MODELS})


def test_base_model_structs_are_tables_with_bun_names_and_types(tmp_path: Path):
    _blog(tmp_path)
    ev = read_entry(tmp_path, "models/*.go", fmt="bun")
    assert [t.key for t in ev.tables] == ["accounts.users", "profiles", "posts"]
    assert names(ev, "accounts.users") == [
        "id", "email", "full_name", "home_url", "public_key", "settings", "ref", "created_at",
        "updated_at", "home_street", "home_city",
    ]  # fmt: skip
    assert column(ev, "accounts.users.id").primary_key
    assert column(ev, "accounts.users.email").type == "varchar"
    assert column(ev, "accounts.users.full_name").type == "varchar(120)"
    assert column(ev, "accounts.users.public_key").type == "blob"
    assert column(ev, "accounts.users.ref").type == "uuid"
    assert column(ev, "accounts.users.created_at").type == "timestamp"
    assert where(column(ev, "accounts.users.created_at")) == ("models/user.go", 11)
    assert column(ev, "posts.mood").type == "smallint"  # `type Mood int16`, followed


def test_relations_give_the_foreign_keys_bun_joins_on(tmp_path: Path):
    _blog(tmp_path)
    ev = read_entry(tmp_path, "models/*.go", fmt="bun")
    assert table(ev, "profiles").foreign_keys == (ForeignKey(("user_id",), "users", ("id",), "accounts"),)
    assert table(ev, "posts").foreign_keys == (
        ForeignKey(("user_id",), "users", ("id",), "accounts"),  # has-many: <model>_<pk>
        ForeignKey(("author_id",), "users", ("id",), "accounts"),  # belongs-to: <field>_<pk>
    )


def test_what_cannot_be_read_is_a_warning_at_its_place(tmp_path: Path):
    _blog(tmp_path)
    ev = read_entry(tmp_path, "models/*.go", fmt="bun")
    found = {(p.location.path, p.location.line, p.location.column): p.message for p in ev.problems}
    assert all(p.severity == Severity.WARNING for p in ev.problems)
    assert "Editor is not a model of this entry's files" in found[("models/user.go", 53, 2)]
    assert (
        "1 struct with bun tags (the first: PostRow) not read as tables" in found[("models/user.go", 59, 6)]
    )
    assert len(found) == 2


def test_detected_from_the_import_and_the_tags(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "m/a.go": 'package m\n\nimport "github.com/uptrace/bun"\n\ntype A struct {\n'
            '\tbun.BaseModel\n\tID int64 `bun:",pk"`\n}\n',
            "m/plain.go": "package m\n\nfunc f() {}\n",
        },
    )
    assert detect(tmp_path / "m/a.go") == "bun"
    ev = read_entry(tmp_path, "m/*.go")
    assert [t.name for t in ev.tables] == ["as"]
    assert not ev.problems


def test_names_and_tags_as_bun_reads_them():
    assert underscore("UserProfile") == "user_profile"
    assert underscore("UserID") == "user_id"
    assert underscore("HTTPServer") == "http_server"
    tag = parse_tag('email,notnull,type:decimal(10,2),default:"a,b"')
    assert tag.name == "email"
    assert tag.options == {"notnull": "", "type": "decimal(10,2)", "default": '"a,b"'}
    assert parse_tag(",pk").options == {"pk": ""}
