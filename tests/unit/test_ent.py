"""ent schemas read with tree-sitter-go: tables, fields, mixins, edges as entc places their keys, problems."""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import ForeignKey
from cnsnt.model import Severity
from cnsnt.sources.schemas.ent_schema import snake, table_name
from cnsnt.sources.schemas.reader import detect
from tests.unit.schema_entry import column, names, read_entry, table, where, write_files

USER = """\
package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/mixin"
)

type User struct {
	ent.Schema
}

func (User) Mixin() []ent.Mixin {
	return []ent.Mixin{
		mixin.Time{},
		AuditMixin{},
		other.Tenant{},
	}
}

func (User) Fields() []ent.Field {
	fields := []ent.Field{
		field.String("email").Unique().Comment("login"),
		field.String("full_name").StorageKey("name"),
		field.Text("bio").Optional(),
		field.String("password").Sensitive(),
		field.String("tax_code").SchemaType(map[string]string{dialect.Postgres: "CHAR(16)"}),
	}
	fields = append(fields, field.Time("birth_date"), field.Enum("role").Values("a", "b"))
	for _, name := range extra {
		fields = append(fields, field.String(name))
	}
	return fields
}

func (User) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("pets", Pet.Type),
		edge.To("card", Card.Type).Unique(),
		edge.To("friends", User.Type),
		edge.To("spouse", User.Type).Unique(),
		edge.To("manager", User.Type).Unique(),
	}
}

func (User) Annotations() []schema.Annotation {
	return []schema.Annotation{entsql.Annotation{Table: "accounts"}}
}
"""

OTHERS = """\
package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/mixin"
)

type AuditMixin struct {
	mixin.Schema
}

func (AuditMixin) Fields() []ent.Field {
	return []ent.Field{field.String("created_by")}
}

type Pet struct {
	ent.Schema
}

func (Pet) Fields() []ent.Field {
	return []ent.Field{field.String("name"), field.Int("owner_ref").Optional()}
}

func (Pet) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("owner", User.Type).Ref("pets").Unique(),
		edge.To("groups", Group.Type),
	}
}

type Card struct {
	ent.Schema
}

func (Card) Fields() []ent.Field {
	return []ent.Field{field.UUID("id", uuid.UUID{}), field.String("number")}
}

func (Card) Edges() []ent.Edge {
	return []ent.Edge{edge.From("holder", User.Type).Ref("card").Unique()}
}

type Group struct {
	ent.Schema
}

func (Group) Edges() []ent.Edge {
	return []ent.Edge{edge.From("pets", Pet.Type).Ref("groups")}
}

type privateHelper struct {
	ent.Schema
}
"""


def _zoo(tmp_path: Path) -> None:
    write_files(tmp_path, {"ent/schema/user.go": USER, "ent/schema/others.go": OTHERS})


def test_schema_types_are_tables_with_mixins_fields_and_types(tmp_path: Path):
    _zoo(tmp_path)
    ev = read_entry(tmp_path, "ent/schema/*.go", fmt="ent")
    assert [t.name for t in ev.tables] == [
        "pets",
        "cards",
        "groups",
        "accounts",
        "pet_groups",
        "user_friends",
    ]
    assert names(ev, "accounts") == [
        "id",
        "create_time",
        "update_time",
        "created_by",
        "email",
        "name",
        "bio",
        "password",
        "tax_code",
        "birth_date",
        "role",
        "user_spouse",
        "user_manager",
    ]  # fmt: skip: `user_card` is in cards (the inverse side of an O2O)
    assert column(ev, "accounts.id").primary_key and column(ev, "accounts.id").type == "bigint"
    assert column(ev, "accounts.email").type == "varchar"
    assert column(ev, "accounts.email").comment == "login"
    assert column(ev, "accounts.bio").type == "text"
    assert column(ev, "accounts.tax_code").type == "char(16)"
    assert column(ev, "accounts.birth_date").type == "timestamp with time zone"
    assert "Sensitive" in (column(ev, "accounts.password").comment or "")
    assert where(column(ev, "accounts.created_by")) == ("ent/schema/others.go", 15)
    assert column(ev, "cards.id").type == "uuid"


def test_edges_give_the_keys_entc_generates(tmp_path: Path):
    _zoo(tmp_path)
    ev = read_entry(tmp_path, "ent/schema/*.go", fmt="ent")
    # O2M with an inverse: the "many" side holds <assoc owner>_<assoc edge>
    assert names(ev, "pets")[-1] == "user_pets"
    assert ForeignKey(("user_pets",), "accounts", ("id",)) in table(ev, "pets").foreign_keys
    # O2O with an inverse: the inverse side holds it, typed as the other key
    assert ForeignKey(("user_card",), "accounts", ("id",)) in table(ev, "cards").foreign_keys
    assert "user_card" not in names(ev, "accounts")
    # M2M: a join table named <assoc type>_<assoc edge>; a self-reference names its second column by the edge
    assert names(ev, "pet_groups") == ["pet_id", "group_id"]
    assert names(ev, "user_friends") == ["user_id", "friend_id"]
    assert table(ev, "user_friends").foreign_keys == (
        ForeignKey(("user_id",), "accounts", ("id",)),
        ForeignKey(("friend_id",), "accounts", ("id",)),
    )
    # M2O without inverse: the owner holds <type>_<edge>
    assert ForeignKey(("user_manager",), "accounts", ("id",)) in table(ev, "accounts").foreign_keys


def test_what_cannot_be_read_is_a_warning_at_its_place(tmp_path: Path):
    _zoo(tmp_path)
    ev = read_entry(tmp_path, "ent/schema/*.go", fmt="ent")
    found = {(p.location.path, p.location.line, p.location.column): p.message for p in ev.problems}
    assert all(p.severity == Severity.WARNING for p in ev.problems)
    assert "mixin other.Tenant{} is not a struct of this entry" in found[("ent/schema/user.go", 21, 3)]
    assert "inside for statement is not read" in found[("ent/schema/user.go", 35, 27)]
    assert len(found) == 2


def test_detected_as_ent_and_generated_code_passed_over(tmp_path: Path):
    _zoo(tmp_path)
    write_files(
        tmp_path,
        {
            "ent/user.go": '// Code generated by ent, DO NOT EDIT.\n\npackage ent\n\nimport "entgo.io/ent"\n\n'
            "type User struct {\n\tent.Schema\n}\n\nfunc (User) Fields() {}\n",
        },
    )
    assert detect(tmp_path / "ent/schema/user.go") == "ent"
    ev = read_entry(tmp_path, "ent/**/*.go", fmt="ent")
    assert len([t for t in ev.tables if t.name == "accounts"]) == 1


def test_names_as_entc_writes_them():
    assert snake("UserInfo") == "user_info"
    assert snake("HTTPCode") == "http_code"
    assert table_name("CardInfo") == "card_infos"
    assert table_name("Person") == "people"
