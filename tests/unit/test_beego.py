"""Beego ORM models read with tree-sitter-go: registered structs, Beego's snake_case names, tags, rel(fk)."""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import ForeignKey
from cnsnt.model import Severity
from cnsnt.sources.schemas.beego_models import parse_tag, snake_string, uses_beego
from cnsnt.sources.schemas.reader import detect
from tests.unit.schema_entry import column, names, read_entry, table, where, write_files

# A fleet manager's models (written for this test; the shape of review26's Italian Beego app).
MODELS = """\
package models

import (
	"time"

	"github.com/astaxie/beego/orm"
)

type AuthUser struct {
	ID       int       `orm:"auto"`
	IDkey    string    `orm:"size(64)"`
	First    string    `orm:"size(20)"`
	Email    string    `orm:"size(80);unique"`
	ResetKey string    `orm:"null;column(reset)"`
	Note     string    `orm:"type(text);description(free text)"`
	Created  time.Time `orm:"auto_now_add;type(date)"`
	Secret   string    `orm:"-"`
	internal string
}

type Conducente struct {
	Id            int
	Nome          string  `orm:"size(20)"`
	CodiceFiscale string  `orm:"size(16)"`
	Stipendio     float64 `orm:"digits(12);decimals(2)"`
	Utente        *AuthUser `orm:"rel(fk)"`
	Incidenti     []*Incidente `orm:"reverse(many)"`
	Patenti       []*Patente `orm:"rel(m2m)"`
}

type Incidente struct {
	Id         int64       `orm:"pk;auto"`
	Conducente *Conducente `orm:"rel(fk);column(driver)"`
	Luogo      string
}

type Patente struct {
	ID int
}

func (p *Patente) TableName() string {
	return "patenti"
}

type Riga struct {
	Totale int `orm:"column(totale)"`
}

func init() {
	orm.RegisterModel(new(AuthUser), new(Conducente), new(Incidente))
	orm.RegisterModelWithPrefix("fleet_", new(Patente))
}
"""


def test_registered_structs_are_tables_named_by_beegos_snake_string(tmp_path: Path) -> None:
    write_files(tmp_path, {"models/models.go": MODELS})
    ev = read_entry(tmp_path, "models/*.go", "beego")
    assert [t.name for t in ev.tables] == ["auth_user", "conducente", "incidente", "fleet_patenti"]  # not Riga
    # every capital split, as Beego's snakeString does (`ID` -> `i_d`); `column(...)` overrides
    assert names(ev, "auth_user") == ["i_d", "i_dkey", "first", "email", "reset", "note", "created"]
    assert column(ev, "auth_user.i_d").primary_key and column(ev, "auth_user.i_d").type == "integer"
    assert column(ev, "auth_user.i_dkey").type == "varchar(64)"
    assert column(ev, "auth_user.reset").type == "varchar(255)"
    assert column(ev, "auth_user.note").type == "longtext" and column(ev, "auth_user.note").comment == "free text"
    assert column(ev, "auth_user.created").type == "date"
    assert where(column(ev, "auth_user.email")) == ("models/models.go", 13)
    # rel(fk) -> `<field>_id` with the target's key type; reverse and m2m hold no column here
    assert names(ev, "conducente") == ["id", "nome", "codice_fiscale", "stipendio", "utente_id"]
    assert column(ev, "conducente.id").primary_key  # Beego's implied key: an integer `Id`
    assert column(ev, "conducente.stipendio").type == "numeric(12, 2)"
    assert column(ev, "conducente.utente_id").type == "integer"
    assert list(table(ev, "conducente").foreign_keys) == [ForeignKey(("utente_id",), "auth_user", ("i_d",))]
    assert list(table(ev, "incidente").foreign_keys) == [ForeignKey(("driver",), "conducente", ("id",))]
    assert column(ev, "incidente.luogo").type == "varchar(255)"
    assert column(ev, "fleet_patenti.i_d").primary_key  # `ID` is the implied key too (lowercased `id`)
    assert not ev.problems


def test_without_a_registering_call_every_tagged_struct_is_a_table(tmp_path: Path) -> None:
    text = MODELS[: MODELS.index("func init()")]
    write_files(tmp_path, {"models/models.go": text})
    ev = read_entry(tmp_path, "models/*.go")
    assert [t.name for t in ev.tables] == ["auth_user", "conducente", "incidente", "patenti", "riga"]


def test_what_cannot_be_read_is_a_warning_at_its_place(tmp_path: Path) -> None:
    text = (
        'package m\n\nimport (\n\t"github.com/beego/beego/v2/client/orm"\n\t"example.com/money"\n)\n\n'
        "type Order struct {\n\tId int\n\tTotal money.Amount\n\tBuyer *Buyer `orm:\"rel(fk)\"`\n}\n\n"
        "func init() {\n\torm.RegisterModelWithPrefix(prefix(), new(Order))\n}\n"
    )
    write_files(tmp_path, {"m/order.go": text})
    ev = read_entry(tmp_path, "m/*.go")
    assert names(ev, "order") == ["id", "total", "buyer_id"]
    messages = sorted((p.location.line if p.location else 0, p.message) for p in ev.problems)
    assert all(p.severity is Severity.WARNING for p in ev.problems)
    assert [line for line, _ in messages] == [10, 11, 15]
    assert "money.Amount" in messages[0][1] and "buyer_id is read without its foreign key" in messages[1][1]
    assert "cannot evaluate this table prefix" in messages[2][1]


def test_detected_from_the_import_or_beegos_tag_words(tmp_path: Path) -> None:
    write_files(tmp_path, {"m/a.go": MODELS, "m/plain.go": "package models\n\nfunc f() {}\n"})
    assert detect(tmp_path / "m/a.go") == "beego"
    ev = read_entry(tmp_path, "m/*.go")
    assert len(ev.tables) == 4 and not ev.problems
    assert uses_beego('type A struct {\n\tName string `orm:"size(20)"`\n}\n')
    assert not uses_beego('type A struct {\n\tName string `orm:"name" json:"name"`\n}\n')  # GoFrame's


def test_names_and_tags_as_beego_reads_them() -> None:
    assert snake_string("AuthUser") == "auth_user"
    assert snake_string("ID") == "i_d"
    assert snake_string("IDkey") == "i_dkey"
    assert snake_string("_Private") == "_private"
    assert snake_string("CodiceFiscale") == "codice_fiscale"
    assert parse_tag("size(20);null;column(nome)") == {"size": "20", "null": "", "column": "nome"}
    assert parse_tag("default(a;b)") == {"default": "a", "b)": ""}  # Beego splits on every `;` too
