"""A column of no known kind takes the kind of the form field that fills it (review30 D2).

`personel.ptckn` is "a fact about the person, kind unknown"; the field that fills it is
labelled 'TCKN', a national id. init filed the field under the national id and the
column under "Other details": one datum in two entries. Inputs written for these tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from cnsnt.api import explain_column
from cnsnt.starter.run import draft_new

SCHEMA = (
    "CREATE TABLE personel (id INTEGER PRIMARY KEY, ptckn TEXT, piban TEXT, pnot TEXT, tckn TEXT);\n"
)
FORM = (
    '<form method="post" action="/personel">\n'
    '  <label for="ptckn">TCKN</label> <input id="ptckn" name="ptckn">\n'
    '  <label for="piban">IBAN</label> <input id="piban" name="piban">\n'
    '  <label for="tckn">IBAN</label> <input id="tckn" name="tckn">\n'
    "</form>\n"
)
NATIONAL_ID = "user.government_id.national_identification_number"


def _project(root: Path, forms: dict[str, str]) -> None:
    (root / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    (root / "templates").mkdir()
    for name, text in forms.items():
        (root / "templates" / name).write_text(text, encoding="utf-8")


def _entry(data: dict[str, Any], key: str) -> dict[str, Any]:
    return next(d for d in data.values() if key in (d.get("columns") or []) + (d.get("form_fields") or []))


def _data(root: Path) -> tuple[str, dict[str, Any]]:
    text = draft_new(root).text
    data: dict[str, Any] = YAML(typ="safe").load(text)["data"]
    return text, data


def test_the_column_takes_the_kind_of_the_field_that_fills_it(tmp_path: Path) -> None:
    _project(tmp_path, {"personel_ekle.html": FORM})
    text, data = _data(tmp_path)
    entry = _entry(data, "personel.ptckn")
    assert entry["category"] == NATIONAL_ID
    assert "personel_ekle.ptckn" in entry["form_fields"]
    assert _entry(data, "personel.piban")["category"] == "user.financial.bank_account"
    said = next(line for line in text.splitlines() if "- personel.ptckn" in line)
    assert "filled by the form field 'personel_ekle.ptckn'" in said
    assert "label 'TCKN' means a national id" in said
    # a column of no kind no field of a known kind fills stays as it was
    assert _entry(data, "personel.pnot")["category"] == "user"


def test_a_column_of_a_known_kind_keeps_it(tmp_path: Path) -> None:
    # `tckn` is a national id by its own name; the field labelled 'IBAN' does not change it
    _project(tmp_path, {"personel_ekle.html": FORM})
    _, data = _data(tmp_path)
    assert _entry(data, "personel.tckn")["category"] == NATIONAL_ID


def test_fields_of_two_kinds_give_the_column_none(tmp_path: Path) -> None:
    other = FORM.replace(">TCKN<", ">Telefon<")
    _project(tmp_path, {"personel_ekle.html": FORM, "personel_duzenle.html": other})
    _, data = _data(tmp_path)
    assert _entry(data, "personel.ptckn")["category"] == "user"
    assert _entry(data, "personel.piban")["category"] == "user.financial.bank_account"


def test_explain_column_says_what_init_does(tmp_path: Path) -> None:
    _project(tmp_path, {"personel_ekle.html": FORM})
    (tmp_path / "cnsnt.yaml").write_text(draft_new(tmp_path).text, encoding="utf-8")
    column = "\n".join(explain_column("personel.ptckn", tmp_path))
    assert f"cnsnt init files it with that field, as {NATIONAL_ID}" in column
    assert "filled by the form field 'personel_ekle.ptckn'" in column
    field = "\n".join(explain_column("personel_ekle.ptckn", tmp_path))
    assert f"cnsnt init files that column with it, as {NATIONAL_ID}" in field
    assert "filled by" not in "\n".join(explain_column("personel.pnot", tmp_path))
