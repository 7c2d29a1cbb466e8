"""A form field's control narrows its category only where the category is impossible for it;
a name word names a thing only beside a word known to name one (code review CR27 F1, F4, F10).

The forms31 change erased a checkbox's `smoker`, a `type="month"` card expiry, a postcode
select and an e-mail radio, read `son_name` and 'Nome do cuidador' as a thing's name, and
gave no integer column the country a 'País' select fills it with. Inputs written for these
tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from cnsnt.classify import classify_field, type_holds
from cnsnt.cli import app
from cnsnt.model import Confidence
from cnsnt.starter.column_kinds import FieldKind, given_kinds
from cnsnt.starter.form_columns import Fill
from cnsnt.starter.run import draft_new


@pytest.mark.parametrize(
    ("name", "label", "control", "written", "category", "confidence"),
    [
        # a yes/no about one's health, from a weak word
        ("smoker", "Smoker", "checkbox", (), "user.health", Confidence.MEDIUM),
        ("organ_donor", "Organ donor", "checkbox", (), "user.health", Confidence.MEDIUM),
        # a strong health term since review31 (mobility aids): a yes/no keeps it, sure
        ("wheelchair", "Wheelchair user", "checkbox", (), "user.health", Confidence.HIGH),
        # a card's expiry month is the card's
        ("card_expiry", "Card expiry", "month", (), "user.financial.credit_card", Confidence.HIGH),
        ("validade_cartao", "Validade do cartão", "month", ("pt",), "user.financial.credit_card", Confidence.HIGH),
        # what a list offers only at times: kept, unsure
        ("postcode", "Postcode", "select", (), "user.contact.address.postal_code", Confidence.LOW),
        ("cep", "CEP", "select", ("pt",), "user.contact.address.postal_code", Confidence.LOW),
        ("email", "Email", "radio", (), "user.contact.email", Confidence.LOW),
        ("phone", "Phone", "radio", (), "user.contact.phone_number", Confidence.LOW),
        # what a list commonly offers: as sure as before
        ("country", "Country", "select", (), "user.contact.address.country", Confidence.MEDIUM),
        ("gender", "Gender", "radio", (), "user.demographic.gender", Confidence.HIGH),
    ],
)
def test_a_control_keeps_what_it_can_hold(name, label, control, written, category, confidence):
    verdict = classify_field(name, label, control, written)
    assert (verdict.category, verdict.confidence) == (category, confidence), verdict


def test_a_list_offering_a_contact_detail_says_so():
    verdict = classify_field("email", "Email", "radio")
    assert verdict.reason.endswith("though a radio offers it as one of its options"), verdict


@pytest.mark.parametrize(
    ("name", "label", "control"),
    [
        ("name", "Name", "checkbox"),
        ("email", "Email me", "checkbox"),  # a consent to be e-mailed, no address
        ("address", "Same address", "checkbox"),
        ("insurance", "Insurance", "checkbox"),  # a yes/no is no insurance number
        ("street", "Street", "date"),
        ("email", "Email", "date"),
        ("street", "Street", "select"),  # a street and number are typed
        ("ssn", "SSN", "select"),
        ("password", "Password", "radio"),
        ("housing", "Housing Score", "radio"),
    ],
)
def test_a_control_still_rules_out_what_it_cannot_hold(name, label, control):
    verdict = classify_field(name, label, control)
    assert verdict.personal and verdict.category is None, verdict


FORM = """\
<form action="/signup" method="post">
<label><input type="checkbox" name="smoker"> Smoker</label>
<label for="ce">Card expiry</label><input type="month" id="ce" name="card_expiry">
<label for="z">Postcode</label><select id="z" name="postcode"><option>1000</option></select>
</form>
"""


def test_explain_column_gives_the_fields_their_categories(tmp_path: Path) -> None:
    (tmp_path / "signup.html").write_text(FORM, encoding="utf-8")
    (tmp_path / "cnsnt.yaml").write_text('cnsnt: 1\nsources: {forms: [{path: "*.html"}]}\n', encoding="utf-8")
    verdicts = {}
    for field in ("smoker", "card_expiry", "postcode"):
        result = CliRunner().invoke(
            app, ["explain-column", f"signup.{field}", str(tmp_path)], env={"COLUMNS": "200", "NO_COLOR": "1"}
        )
        assert result.exit_code == 0, result.output
        verdicts[field] = next(line.strip() for line in result.stdout.splitlines() if "verdict:" in line)
    assert verdicts == {
        "smoker": "verdict: personal, user.health (medium confidence)",
        "card_expiry": "verdict: personal, user.financial.credit_card (high confidence)",
        "postcode": "verdict: personal, user.contact.address.postal_code (low confidence)",
    }


@pytest.mark.parametrize(
    ("name", "label", "written"),
    [
        ("son_name", "Son name", ()),
        ("daughter_name", "Daughter name", ()),
        ("referee_name", "Referee name", ()),
        ("legal_name", "Legal Name", ()),
        ("nome_marido", "Nome do marido", ("pt",)),
        ("nome_avo", "Nome da avó", ("pt",)),
        ("nome_bebe", "Nome do bebê", ("pt",)),
        ("nome_cuidador", "Nome do cuidador", ("pt",)),
        ("nome_acompanhante", "Nome do acompanhante", ("pt",)),
    ],
)
def test_a_name_beside_a_word_of_no_known_thing_stays_a_persons(name, label, written):
    verdict = classify_field(name, label, "text", written)
    assert verdict.category == "user.name", verdict


@pytest.mark.parametrize(
    ("name", "label", "written", "thing"),
    [
        ("nomeBuffet", None, ("pt",), "buffet"),
        ("nome", "Nome da máquina", ("pt",), "maquina"),
        ("name", "Program Name", (), "program"),
        ("product_name", "Product name", (), "product"),
    ],
)
def test_a_things_name_says_it_is_a_things_on_a_personal_field(name, label, written, thing):
    verdict = classify_field(name, label, "text", written)
    assert verdict.personal and verdict.category is None
    assert verdict.reason.startswith(f"field '{name}' is the name of a thing ('{thing}'), not of a person;")
    assert "filled in by a person" in verdict.reason


def test_a_coded_place_fits_an_integer_column():
    for place in ("country", "state", "city"):
        assert type_holds(f"user.contact.address.{place}", "integer")
    assert type_holds("user.demographic.gender", "integer")
    assert not type_holds("user.contact.address.street", "integer")
    assert not type_holds("user.contact.address.country", "boolean")
    filled = {"cadastro.pais": Fill("pessoa.pais", "the only column of the schema named like it")}
    kinds = {"cadastro.pais": FieldKind("user.contact.address.country", Confidence.MEDIUM, "label 'País'")}
    assert set(given_kinds(filled, kinds, {"pessoa.pais": "INTEGER"})) == {"pessoa.pais"}


SCHEMA = "CREATE TABLE pessoa (id INTEGER PRIMARY KEY, nome TEXT, pais INTEGER, sexo INTEGER);\n"
PAGE = """\
<form action="/pessoa" method="post">
<label for="n">Nome</label><input id="n" name="nome">
<label for="p">País</label><select id="p" name="pais"><option value="76">Brasil</option></select>
<label for="s">Sexo</label><select id="s" name="sexo"><option value="1">Feminino</option></select>
</form>
"""


def test_init_gives_an_integer_column_the_place_its_select_fills_it_with(tmp_path: Path) -> None:
    (tmp_path / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "cadastro.html").write_text(PAGE, encoding="utf-8")
    data: dict[str, Any] = YAML(typ="safe").load(draft_new(tmp_path).text)["data"]
    category = {key: entry["category"] for entry in data.values() for key in entry.get("columns") or []}
    assert category["pessoa.pais"] == "user.contact.address.country"  # was `user`, unsure
    assert category["pessoa.sexo"] == "user.demographic.gender"  # as a gender select always did


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("vessel_name", "Vessel name"),
        ("nome_corso", "Nome del corso"),
        ("nombre_vehiculo", "Nombre del vehículo"),
        ("document_name", "Document name"),
        ("gemi_adi", "Gemi adı"),
    ],
)
def test_kinds_of_things_in_the_languages_name_a_thing(name, label):
    """code review CR27b F6: the words a name word qualifies as a thing's are kinds of things in
    the 12 languages, not one project's words (`vessel_name` was a person's name)."""
    verdict = classify_field(name, label, "text", ())
    assert verdict.category is None and "the name of a thing" in verdict.reason, verdict
