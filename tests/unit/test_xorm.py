"""xorm models read with tree-sitter-go: registered structs, mappers, tag words, extends, types, problems."""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import ForeignKey
from cnsnt.model import Severity
from cnsnt.sources.schemas.reader import detect
from cnsnt.sources.schemas.xorm_models import gonic_name, snake_name, split_tag
from tests.unit.schema_entry import column, names, read_entry, table, where, write_files

ENGINE = """\
package db

import (
	"xorm.io/xorm"
	"xorm.io/xorm/names"
)

var x *xorm.Engine

func Init() {
	x.SetMapper(names.GonicMapper{})
}

func RegisterModel(bean any) {}

func Sync() error {
	return x.Sync(tables...)
}
"""

MODELS = """\
package models

import (
	"time"

	"example.com/forge/db"
	"example.com/forge/timeutil"
)

type Status string

type Base struct {
	ID          int64              `xorm:"pk autoincr"`
	CreatedUnix timeutil.TimeStamp `xorm:"INDEX created"`
}

type User struct {
	Base      `xorm:"extends"`
	LowerName string    `xorm:"UNIQUE NOT NULL 'lower_name'"`
	FullName  string    `xorm:"VARCHAR(255) comment('as written by the person')"`
	Email     string    `xorm:"NOT NULL DEFAULT '' INDEX"`
	Passwd    string    `xorm:"-"`
	HTTPHome  string
	Birthday  time.Time `xorm:"DATE"`
	Status    Status
	Settings  map[string]string `xorm:"JSON TEXT"`
	Avatar    []byte
	Nickname  string `xorm:"COMMENT 'shown name'"`
	internal  string
}

type EmailAddress struct {
	ID    int64
	Owner *User
	Email string `xorm:"UNIQUE NOT NULL"`
}

func (EmailAddress) TableName() string {
	return tableEmail
}

const tableEmail = "email_address"

type Draft struct {
	ID   int64  `xorm:"pk"`
	Body string `xorm:"TEXT"`
}

type UserWithEmail struct {
	User         `xorm:"extends"`
	EmailAddress `xorm:"extends"`
}

func init() {
	db.RegisterModel(new(User), func() error { return nil })
	db.RegisterModel(new(EmailAddress))
}
"""

STEP = """\
package migrations

import "xorm.io/xorm"

func addNickname(x *xorm.Engine) error {
	type User struct {
		Nickname string
	}
	return x.Sync(new(User))
}

type Ghost struct {
	Secret string `xorm:"VARCHAR(9)"`
}
"""


def _forge(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {"models/db/engine.go": ENGINE, "models/user.go": MODELS, "models/migrations/v1.go": STEP},
    )


def test_registered_structs_are_the_tables_named_by_the_gonic_mapper(tmp_path: Path):
    _forge(tmp_path)
    ev = read_entry(tmp_path, "models/**/*.go", fmt="xorm")
    # Draft has tags but is not registered; UserWithEmail joins two tables; the step's structs are history
    assert [t.name for t in ev.tables] == ["user", "email_address"]
    assert names(ev, "user") == [
        "id", "created_unix", "lower_name", "full_name", "email", "http_home", "birthday", "status",
        "settings", "avatar", "shown name",
    ]  # fmt: skip
    assert column(ev, "user.id").primary_key
    assert where(column(ev, "user.id")) == ("models/user.go", 13)  # the extended struct's field
    assert column(ev, "user.lower_name").type == "varchar(255)"
    assert column(ev, "user.full_name").type == "varchar(255)"
    assert column(ev, "user.full_name").comment == "as written by the person"
    assert column(ev, "user.birthday").type == "date"
    assert column(ev, "user.status").type == "varchar(255)"  # `type Status string`, followed
    assert column(ev, "user.settings").type == "text"  # the last type word wins, as in xorm
    assert column(ev, "user.avatar").type == "blob"
    assert column(ev, "user.created_unix").type is None


def test_untagged_int64_id_is_the_key_and_a_struct_field_takes_the_other_tables_key(tmp_path: Path):
    _forge(tmp_path)
    ev = read_entry(tmp_path, "models/**/*.go", fmt="xorm")
    assert names(ev, "email_address") == ["id", "owner", "email"]  # TableName() returns a constant
    assert column(ev, "email_address.id").primary_key
    assert column(ev, "email_address.owner").type == "bigint"
    assert table(ev, "email_address").foreign_keys == (ForeignKey(("owner",), "user", ("id",)),)


def test_what_cannot_be_read_is_a_warning_at_its_place(tmp_path: Path):
    _forge(tmp_path)
    ev = read_entry(tmp_path, "models/**/*.go", fmt="xorm")
    found = {(p.location.path, p.location.line, p.location.column): p.message for p in ev.problems}
    assert all(p.severity == Severity.WARNING for p in ev.problems)
    assert "timeutil.TimeStamp: the type is not defined" in found[("models/user.go", 14, 2)]
    assert "COMMENT 'shown name'" in found[("models/user.go", 28, 2)]
    assert "tables...: cnsnt cannot tell which models" in found[("models/db/engine.go", 17, 16)]
    assert "1 Go file in migration folders" in found[("models/migrations/v1.go", 1, 1)]
    assert len(found) == 4


def test_without_registration_every_tagged_struct_is_a_table_by_the_snake_mapper(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "model/user.go": 'package model\n\ntype UserID struct {\n\tID int64 `xorm:"pk"`\n'
            '\tHomeURL string `xorm:"homeurl"`\n\tOrgID int64\n}\n\n'
            "type Plain struct {\n\tName string\n}\n",
        },
    )
    ev = read_entry(tmp_path, "model/*.go", fmt="xorm")
    assert [t.name for t in ev.tables] == ["user_i_d"]  # SnakeMapper, xorm's default
    assert names(ev, "user_i_d") == ["i_d", "homeurl", "org_i_d"]  # `ID` too
    assert column(ev, "user_i_d.org_i_d").type == "bigint"


def test_a_registering_call_in_a_migrations_folder_names_the_models(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "server/model/repo.go": "package model\n\ntype Repo struct {\n\tID int64 `xorm:\"pk autoincr 'id'\"`\n}\n\n"
            'type Feed struct {\n\tName string `xorm:"name"`\n}\n',
            "server/store/migration/all.go": 'package migration\n\nimport "example.com/server/model"\n\n'
            "var all = []any{new(model.Repo)}\n\nfunc sync(s Session) {\n\tfor _, b := range all {\n"
            "\t\ts.Sync(b)\n\t}\n}\n",
        },
    )
    ev = read_entry(tmp_path, "server/**/*.go", fmt="xorm")
    assert [t.name for t in ev.tables] == ["repo"]  # Feed is a query's rows, not a table


def test_detected_from_the_tags_and_a_plain_go_file_goes_with_them(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "m/user.go": 'package m\n\ntype User struct {\n\tID int64 `xorm:"pk"`\n\tKind Kind\n}\n',
            "m/kind.go": "package m\n\ntype Kind int16\n",
        },
    )
    assert detect(tmp_path / "m/user.go") == "xorm"
    ev = read_entry(tmp_path, "m/*.go")
    assert column(ev, "user.kind").type == "int"
    assert not ev.problems


def test_names_and_tag_words_as_xorm_writes_them():
    assert gonic_name("UserID") == "user_id"
    assert gonic_name("HTTPLib") == "http_lib"
    assert gonic_name("IDa") == "i_da"
    assert gonic_name("MyREalFunkYLONgNAME") == "my_r_eal_funk_ylo_ng_name"  # xorm's own test case
    assert snake_name("UserID") == "user_i_d"
    words = split_tag("VARCHAR(255) UNIQUE(s) comment('a, b') 'x y'")
    assert words is not None
    assert [(w.name, w.params) for w in words] == [
        ("VARCHAR", ["255"]), ("UNIQUE", ["s"]), ("comment", ["'a, b'"]), ("'x y'", []),
    ]  # fmt: skip
    assert split_tag("pk, autoincr") is None


def test_a_list_filled_by_append_names_the_registered_models(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "db/models.go": 'package db\n\nimport "xorm.io/xorm"\n\nvar (\n\tx *xorm.Engine\n\tlegacy []any\n)\n\n'
            "func init() {\n\tlegacy = append(legacy, new(User))\n}\n\n"
            "func Sync() error {\n\treturn x.Sync2(legacy...)\n}\n\n"
            'type User struct {\n\tID int64\n\tName string `xorm:"UNIQUE"`\n}\n\n'
            'type Draft struct {\n\tBody string `xorm:"TEXT"`\n}\n',
        },
    )
    ev = read_entry(tmp_path, "db/*.go", fmt="xorm")
    assert [t.name for t in ev.tables] == ["user"]  # Draft is tagged but not registered
    assert not ev.problems


def test_a_file_two_entries_of_other_formats_match_is_read_by_both(tmp_path: Path):
    """Gogs tags its older structs for xorm and GORM: each entry reads the tables of its ORM."""
    from cnsnt.collect import collect_evidence
    from cnsnt.policy.loader import load_policy

    write_files(
        tmp_path,
        {
            "db/models.go": 'package db\n\nimport "gorm.io/gorm"\n\nfunc up(db *gorm.DB, x Engine) {\n'
            "\tdb.AutoMigrate(&Token{})\n\tx.Sync2(new(Repo))\n}\n\n"
            'type Token struct {\n\tID int64 `gorm:"primaryKey"`\n}\n\n'
            'type Repo struct {\n\tID int64 `xorm:"pk" gorm:"primaryKey"`\n\tOwnerEmail string\n}\n',
            "cnsnt.yaml": "cnsnt: 1\nsources:\n  schemas:\n    - {path: 'db/*.go', format: gorm}\n"
            "    - {path: 'db/models.go', format: xorm}\n",
        },
    )
    evidence = collect_evidence(load_policy(tmp_path / "cnsnt.yaml"), jobs=1)
    assert sorted(t.name for t in evidence.tables) == ["repo", "tokens"]
