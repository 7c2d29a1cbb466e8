"""A form field's kind weighs its control and what its name word qualifies (review31 D3 of R31b).

`BooleanField('Foreign Born')` was a date of birth, `RadioField('Housing Score')` a street
address, `nomeBuffet` and 'Program Name' a person's name; init then gave the columns they
fill those kinds. Inputs written for these tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from cnsnt.classify import classify_field, type_holds
from cnsnt.model import Confidence
from cnsnt.starter.column_kinds import FieldKind, given_kinds
from cnsnt.starter.form_columns import Fill
from cnsnt.starter.run import draft_new


@pytest.mark.parametrize(
    ("name", "label", "control"),
    [
        ("foreign_born", "Foreign Born", "checkbox"),  # a yes/no holds no date
        ("housing", "Housing Score", "radio"),  # one of the form's answers: no street
        ("nomeBuffet", None, "text"),
        ("nome", "Nome da máquina", "text"),  # the label says whose name the field is
        ("name", "Program Name", "text"),
        ("event_name", "Name of the event", "text"),
        ("demirbas_adi", None, "text"),
    ],
)
def test_no_kind_the_control_or_the_qualified_word_cannot_hold(name, label, control):
    verdict = classify_field(name, label, control, ("pt",) if name.startswith("nome") else ())
    assert verdict.personal and verdict.category is None, verdict


@pytest.mark.parametrize(
    ("name", "label", "control", "category"),
    [
        ("name", "Name", "text", "user.name"),
        ("name", "Your name", "text", "user.name"),
        ("nome", "Seu nome", "text", "user.name"),
        ("nome", "Nome do responsável", "text", "user.name"),  # a person's word: a person's name
        ("name", "Patient name", "text", "user.name"),
        ("name", "Name (required)", "text", "user.name"),
        ("title", "Title", "select", "user.name"),  # Mr, Ms: a choice can be one
        ("birth_year", "Year of birth", "select", "user.demographic.date_of_birth"),
        ("birth_date", "Date of birth", "date", "user.demographic.date_of_birth"),
        ("diabetic", "Diabetic", "checkbox", "user.health"),
        ("country", "Country", "select", "user.contact.address.country"),
    ],
)
def test_what_a_control_can_hold_keeps_its_kind(name, label, control, category):
    written = ("pt",) if name == "nome" else ()
    assert classify_field(name, label, control, written).category == category


def test_a_field_gives_its_column_no_kind_the_column_type_cannot_hold():
    filled = {"f.born": Fill("client.born", "the only column of the schema named like it")}
    kinds = {"f.born": FieldKind("user.demographic.date_of_birth", Confidence.HIGH, "label 'Born'")}
    assert given_kinds(filled, kinds, {"client.born": "BOOLEAN"}) == {}
    assert set(given_kinds(filled, kinds, {"client.born": "DATE"})) == {"client.born"}
    assert type_holds("user.contact.address.street", "text")
    assert not type_holds("user.name", "boolean") and not type_holds("user.contact.address.street", "date")



def test_a_number_with_decimals_is_given_no_identifier():
    """review32 D6: a field named `vat` (a tax number) filled `invoices.vat decimal(10,2)`,
    an amount; a number with decimals holds a sum or a measure, never an id or a phone."""
    filled = {"f.vat": Fill("invoices.vat", "the only column of the schema named like it")}
    kinds = {"f.vat": FieldKind("user.government_id", Confidence.MEDIUM, "name 'vat'")}
    assert given_kinds(filled, kinds, {"invoices.vat": "DECIMAL(10,2)"}) == {}
    assert set(given_kinds(filled, kinds, {"invoices.vat": "VARCHAR(20)"})) == {"invoices.vat"}
    assert set(given_kinds(filled, kinds, {"invoices.vat": "NUMERIC(11)"})) == {"invoices.vat"}  # digits only
    for kept in ("user.financial", "user.health"):
        assert type_holds(kept, "decimal(10,2)") and type_holds(kept, "float")
    assert not type_holds("user.contact.phone_number", "double precision")


SCHEMA = """\
CREATE TABLE client (id INTEGER PRIMARY KEY, last_name TEXT, ssn TEXT, foreign_born BOOLEAN, housing INTEGER);
CREATE TABLE program (id INTEGER PRIMARY KEY, name TEXT, budget NUMERIC);
"""
FORMS = """\
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, StringField


class ClientForm(FlaskForm):
    last_name = StringField('Last Name')
    foreign_born = BooleanField('Foreign Born')
    housing = RadioField('Housing Score', choices=[('1', 'In crisis'), ('5', 'Thriving')])


class ProgramForm(FlaskForm):
    name = StringField('Program Name')
"""


def test_init_files_no_date_of_birth_street_or_name_from_those_words(tmp_path: Path) -> None:
    (tmp_path / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    (tmp_path / "forms.py").write_text(FORMS, encoding="utf-8")
    data: dict[str, Any] = YAML(typ="safe").load(draft_new(tmp_path).text)["data"]
    category = {
        key: entry["category"]
        for entry in data.values()
        for key in (entry.get("columns") or []) + (entry.get("form_fields") or [])
    }
    assert category["client.foreign_born"] == "user"  # was user.demographic.date_of_birth
    assert category["client.housing"] == "user"  # was user.contact.address.street
    assert category["program.name"] == "user"  # the form field: was user.name
    assert category["client.last_name"] == "user.name.last"
