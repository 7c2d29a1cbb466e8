"""GORM models read with tree-sitter-go: tables, columns, keys, naming, which structs are tables, problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.evidence import ForeignKey
from cnsnt.model import Severity
from cnsnt.sources.schemas.gorm_naming import db_name, table_name, tag_settings
from cnsnt.sources.schemas.reader import detect
from tests.unit.schema_entry import column, names, read_entry, table, where, write_files

BASE = """\
package common

import "time"

// Audited is embedded by the shop's models.
type Audited struct {
	CreatedAt time.Time
	UpdatedAt time.Time
	CreatedBy string `gorm:"size:64"`
}
"""

MODELS = """\
package shop

import (
	"database/sql"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"example.com/shop/common"
)

const TableNameLedger = "ledger"

type Customer struct {
	gorm.Model
	FullName    string         `gorm:"size:120;not null;comment:'as on the ID card'"`
	Email       string         `gorm:"column:e_mail;uniqueIndex"`
	Phone       sql.NullString
	Nickname    *string
	Photo       []byte
	BirthDate   *time.Time
	Balance     float64 `gorm:"type:decimal;precision:10;scale:2"`
	Vip         bool
	Password    string `gorm:"-"`
	cache       string
	HTTPReferer string
	Tier        Tier
	CompanyID   uint
	Company     Company
	Cards       []Card
	Languages   []Language `gorm:"many2many:customer_languages;"`
	Friends     []*Customer `gorm:"many2many:customer_friends"`
	Home        Address    `gorm:"embedded;embeddedPrefix:home_"`
	ReferrerID  *uint
	Referrer    *Customer `gorm:"foreignKey:ReferrerID"`
	Passport    Passport
	Notes       []Note `gorm:"polymorphic:Owner;"`
}

type Tier string

type Address struct {
	Street string
	City   string
}

type Company struct {
	ID   int
	Name string
}

type Card struct {
	gorm.Model
	Number     string `gorm:"size:19"`
	CustomerID uint
}

type Passport struct {
	ID         uuid.UUID `gorm:"type:uuid;primary_key"`
	Number     string
	CustomerID uint
}

type Language struct {
	Code string `gorm:"primaryKey;size:8"`
	Name string
}

type Note struct {
	ID        uint
	Body      string
	OwnerID   uint
	OwnerType string
}

type Ledger struct {
	common.Audited
	ID     uint `gorm:"primaryKey"`
	Amount int64
}

func (Ledger) TableName() string { return TableNameLedger }

type Person struct {
	ID   uint
	Name string
}

func (p *Person) TableName() string {
	return "app_" + "people"
}

// A row read with sqlx: no table of GORM's.
type Row struct {
	ID   int    `db:"id"`
	Name string `db:"name"`
}
"""


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    write_files(tmp_path, {"common/audited.go": BASE, "shop/models.go": MODELS})
    return tmp_path


def test_columns_types_and_tags_of_a_model(shop: Path):
    ev = read_entry(shop, "**/*.go", "gorm")
    assert names(ev, "customers") == [
        "id", "created_at", "updated_at", "deleted_at", "full_name", "e_mail", "phone", "nickname",
        "photo", "birth_date", "balance", "vip", "http_referer", "tier", "company_id",
        "home_street", "home_city", "referrer_id",
    ]  # fmt: skip
    types = {c.name: c.type for c in table(ev, "customers").columns}
    assert types["id"] == "bigint" and types["deleted_at"] == "timestamp"
    assert types["full_name"] == "varchar(120)" and types["e_mail"] == "text" and types["phone"] == "text"
    assert types["photo"] == "blob" and types["birth_date"] == "timestamp" and types["vip"] == "boolean"
    assert types["balance"] == "decimal(10,2)" and types["tier"] == "text"  # `type Tier string`
    assert column(ev, "customers.full_name").comment == "as on the ID card"
    assert column(ev, "customers.id").primary_key
    assert not column(ev, "customers.e_mail").primary_key
    assert where(column(ev, "customers.e_mail")) == ("shop/models.go", 18)
    assert table(ev, "customers").location.line == 15


def test_tables_by_gorms_naming_and_table_name_methods(shop: Path):
    ev = read_entry(shop, "**/*.go", "gorm")
    assert [t.name for t in ev.tables] == [
        "customers", "companies", "cards", "passports", "languages", "notes", "ledger", "app_people",
        "customer_languages", "customer_friends",
    ]  # fmt: skip
    # a struct only ever embedded is its users' columns, not a table; the sqlx row is none
    assert names(ev, "ledger") == ["created_at", "updated_at", "created_by", "id", "amount"]
    assert where(column(ev, "ledger.created_by")) == ("common/audited.go", 9)
    assert column(ev, "passports.id").type == "uuid" and column(ev, "passports.id").primary_key
    assert column(ev, "languages.code").primary_key and column(ev, "languages.code").type == "varchar(8)"
    assert ev.counts["schema_files"] == 2


def test_relations_as_gorm_guesses_them(shop: Path):
    ev = read_entry(shop, "**/*.go", "gorm")
    assert table(ev, "customers").foreign_keys == (
        ForeignKey(("company_id",), "companies", ("id",)),  # belongs-to: CompanyID beside Company
        ForeignKey(("referrer_id",), "customers", ("id",)),  # foreignKey:ReferrerID, to itself
    )
    assert table(ev, "cards").foreign_keys == (ForeignKey(("customer_id",), "customers", ("id",)),)  # has-many
    assert table(ev, "passports").foreign_keys == (ForeignKey(("customer_id",), "customers", ("id",)),)  # has-one
    assert table(ev, "notes").foreign_keys == ()  # polymorphic: no single target
    assert names(ev, "customer_languages") == ["customer_id", "language_code"]
    assert table(ev, "customer_languages").foreign_keys == (
        ForeignKey(("customer_id",), "customers", ("id",)),
        ForeignKey(("language_code",), "languages", ("code",)),
    )
    assert column(ev, "customer_languages.language_code").type == "varchar(8)"
    # a self-reference names the other side after the field
    assert names(ev, "customer_friends") == ["customer_id", "friend_id"]


def test_nothing_unresolvable_in_a_clean_entry_and_the_computed_table_name_is_followed(shop: Path):
    ev = read_entry(shop, "**/*.go", "gorm")
    assert ev.problems == []


def test_go_naming():
    assert db_name("UserID") == "user_id"
    assert db_name("ID") == "id"
    assert db_name("HTTPServer") == "http_server"
    assert db_name("CreatedAt") == "created_at"
    assert db_name("OAuth2Token") == "o_auth2_token"
    assert db_name("APIKey") == "api_key"
    assert db_name("already_snake") == "already_snake"
    assert table_name("Person") == "people"
    assert table_name("CreditCard") == "credit_cards"
    assert table_name("Category") == "categories"
    assert table_name("UserStatus") == "user_statuses"
    assert table_name("Address") == "addresses"
    assert tag_settings("size:100;not null;column:e_mail;comment:a\\;b;default:x:y") == {
        "SIZE": "100",
        "NOT NULL": "NOT NULL",
        "COLUMN": "e_mail",
        "COMMENT": "a;b",
        "DEFAULT": "x:y",
    }


MIGRATE = """\
package db

import (
	"gorm.io/gorm"

	"example.com/app/models"
)

var all = []interface{}{&models.Order{}}

func Migrate(db *gorm.DB) error {
	if err := db.AutoMigrate(new(models.User), all...); err != nil {
		return err
	}
	for _, m := range []any{models.Item{}} {
		_ = db.AutoMigrate(&m)
	}
	return db.Migrator().CreateTable(&models.Audit{})
}
"""

APP_MODELS = """\
package models

type User struct {
	ID    uint
	Email string
}

type Order struct {
	ID     uint
	UserID uint
	User   User
}

type Item struct{ ID uint }

type Audit struct{ ID uint }

// What a handler binds: tagged for GORM, never migrated.
type UserRequest struct {
	Email string `json:"email" gorm:"comment:sign-in address"`
}

type Report struct {
	ID uint
}

func (Report) TableName() string { return "reports_view" }
"""


def test_an_entry_that_migrates_structs_has_those_as_its_tables(tmp_path: Path):
    write_files(tmp_path, {"db/migrate.go": MIGRATE, "models/models.go": APP_MODELS})
    ev = read_entry(tmp_path, "**/*.go", "gorm")
    assert sorted(t.name for t in ev.tables) == ["audits", "items", "orders", "users"]
    assert table(ev, "orders").foreign_keys == (ForeignKey(("user_id",), "users", ("id",)),)
    assert ev.problems == []


def test_without_the_migration_tagged_and_named_structs_are_tables(tmp_path: Path):
    write_files(tmp_path, {"models/models.go": APP_MODELS})
    ev = read_entry(tmp_path, "models/*.go", "gorm")
    # `User` is untagged and no model points at it (`Order` is untagged too)
    assert sorted(t.name for t in ev.tables) == ["reports_view", "user_requests"]


def test_what_cannot_be_resolved_is_a_warning_at_its_place(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "m.go": """\
package m

import (
	"fmt"

	"gorm.io/gorm"
	"example.com/lib"
)

type Order struct {
	lib.Base
	ID       uint
	Shipment Shipment
	Tags     []Tag
	Money    Money
	Seller   Seller
}

type Shipment struct {
	ID uint
}

func (Order) TableName() string { return fmt.Sprintf("orders_%d", 2024) }

func Up(db *gorm.DB, extra []any) {
	db.AutoMigrate(&Order{}, extra...)
}
""",
        },
    )
    ev = read_entry(tmp_path, "*.go", "gorm")
    assert [t.name for t in ev.tables] == ["orders", "shipments"]
    assert names(ev, "orders") == ["id", "money", "seller"]
    got = [(p.location.line, p.location.column, p.severity, p.message) for p in ev.problems]
    warning = Severity.WARNING
    assert got == [
        (26, 27, warning,
         "extra...: the models this helper migrates are named where it is called; cnsnt does not follow them there"),
        (23, 42, warning,
         "Order.TableName() returns fmt.Sprintf(\"orders_%d\", 2024): cnsnt cannot evaluate it; GORM's default "
         "name is used in its place"),
        (11, 2, warning, "embedded lib.Base is not a struct of this entry's files: its columns are not read"),
        (15, 2, warning, "Money Money: the type is not defined in this entry's files; read as a column of unknown type"),
        (16, 2, warning,
         "Seller Seller: the type is not defined in this entry's files; read as a column of unknown type"),
        (13, 2, warning,
         "Order.Shipment (has-one or belongs-to relation): no field OrderID / ShipmentID holds its key; its "
         "foreign key is not read"),
        (14, 2, warning,
         "Order.Tags (has-many relation): Tag is not a model of this entry's files; its foreign key is not read"),
    ]  # fmt: skip


def test_migrated_lists_are_followed_through_parameters_of_their_type(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "entity.go": """\
package entity

type Tables map[string]interface{}

var Entities = Tables{
	"users":  &User{},
	"albums": &Album{},
}

func (list Tables) Migrate(db *gorm.DB) {
	for _, e := range list {
		db.AutoMigrate(e)
	}
}

func Extra(db *gorm.DB, more func() any) {
	db.AutoMigrate(more())
}

type User struct {
	ID    uint
	Email string `gorm:"size:255"`
}

type Album struct{ ID uint }

type UserForm struct {
	Email string `gorm:"size:255"`
}
""",
        },
    )
    ev = read_entry(tmp_path, "*.go", "gorm")
    # `more()` cannot be followed: tagged structs count too, the form among them
    assert [t.name for t in ev.tables] == ["users", "albums", "user_forms"]
    assert [(p.location.line, p.message) for p in ev.problems] == [
        (17, "more(): cnsnt cannot tell which models this argument names")
    ]


def test_outer_fields_hide_embedded_ones_and_named_slices_are_relations(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "m.go": """\
package m

type Base struct {
	ID    uint
	Notes string
	Items []Item
}

type Item struct {
	ID      uint
	BasketID uint
}

type Items []*Item

type Basket struct {
	Base
	Notes int    `gorm:"column:note_count"`
	Items Items  `gorm:"foreignKey:BasketID"`
	Label string `gorm:"size:40"`
}
""",
        },
    )
    ev = read_entry(tmp_path, "*.go", "gorm")
    assert [t.name for t in ev.tables] == ["items", "baskets"]
    assert names(ev, "baskets") == ["id", "note_count", "label"]
    assert table(ev, "items").foreign_keys == (ForeignKey(("basket_id",), "baskets", ("id",)),)
    assert ev.problems == []


def test_a_model_embedded_in_an_untagged_response_struct_is_still_a_table(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "m.go": """\
package m

type Base struct {
	ID uint `gorm:"primaryKey"`
}

type User struct {
	Base
	Email string `gorm:"size:200"`
}

type UserWithToken struct {
	User
	Token string `json:"token"`
}
""",
        },
    )
    ev = read_entry(tmp_path, "*.go", "gorm")
    assert [t.name for t in ev.tables] == ["users"]
    assert names(ev, "users") == ["id", "email"]


def test_naming_strategy_literals_are_followed(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "db.go": """\
package app

import (
	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

const prefix = "app_"

var config = &gorm.Config{NamingStrategy: schema.NamingStrategy{TablePrefix: prefix, SingularTable: true}}

type UserProfile struct {
	ID    uint
	Roles []Role `gorm:"many2many:profile_roles"`
}

type Role struct {
	ID uint `gorm:"primaryKey"`
}
""",
        },
    )
    ev = read_entry(tmp_path, "*.go", "gorm")
    assert [t.name for t in ev.tables] == ["app_user_profile", "app_role", "app_profile_roles"]


def test_a_broken_file_is_reported_and_the_rest_still_read(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "a.go": "package m\n\ntype A struct {\n\tID uint `gorm:\"primaryKey\"`\n\tName string\n}\n",
            "b.go": "package m\n\nimport \"gorm.io/gorm\"\n\ntype B struct {\n\tgorm.Model\n\tName string = \n}\n",
        },
    )
    ev = read_entry(tmp_path, "*.go", "gorm")
    assert names(ev, "as") == ["id", "name"]
    broken = [p for p in ev.problems if p.severity is None]
    assert len(broken) == 1 and broken[0].location.path == "b.go" and broken[0].location.line == 7
    assert broken[0].message.startswith("Go syntax error")


def test_go_files_without_gorm_are_passed_over_unparsed(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "models.go": "package m\n\ntype A struct {\n\tID uint `gorm:\"primaryKey\"`\n}\n",
            "handler.go": "package m\n\nfunc Handle() {}\n",
            "models_test.go": "package m\n\ntype T struct {\n\tID uint `gorm:\"primaryKey\"`\n}\n",
            "rows.go": "package m\n\ntype Row struct {\n\tID int `db:\"id\"`\n}\n",
        },
    )
    ev = read_entry(tmp_path, "*.go")
    assert detect(tmp_path / "handler.go") == "gorm"
    assert [t.name for t in ev.tables] == ["as"]
    assert ev.counts["schema_files"] == 1
    assert ev.problems == []


def test_an_entry_without_models_says_so(tmp_path: Path):
    write_files(tmp_path, {"rows.go": "package m\n\n// gorm is not used here\ntype Row struct {\n\tID int `db:\"id\"`\n}\n"})
    ev = read_entry(tmp_path, "*.go", "gorm")
    assert ev.tables == []
    assert [p.severity for p in ev.problems] == [Severity.WARNING]
    assert "no GORM model" in ev.problems[0].message


def test_same_input_same_evidence(shop: Path):
    first = read_entry(shop, "**/*.go", "gorm")
    second = read_entry(shop, "**/*.go", "gorm")
    assert first.tables == second.tables and first.problems == second.problems
