"""A `<label for>` that names no element labels the control right after it (review26 D5).

A Beego driver form had `<label for="cf">Codice Fiscale</label>` before
`<input id="condcf" name="condcf">`: the typo left the national id "kind unknown".
The fixtures are written here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import read_form


def labels(tmp_path: Path, name: str, text: str) -> dict[str, str | None]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return {f.name: f.label for form in read_form(path).forms for f in form.fields if f.name}


DRIVER = (
    '<form method="post">\n'
    '<label for="cf">Codice Fiscale</label><input id="condcf" name="condcf">\n'
    '<label for="nome">Nome</label>\n  <input id="condnome" name="condnome" placeholder="Mario">\n'
    '<label for="tel">Telefono</label><input type="hidden" name="tok"><input name="tel2">\n'
    "</form>\n"
)


def test_a_label_whose_for_names_no_element_labels_the_next_control(tmp_path: Path) -> None:
    got = labels(tmp_path, "driver.html", DRIVER)
    assert got["condcf"] == "Codice Fiscale"
    assert got["condnome"] == "Nome"  # before its placeholder
    assert got["tel2"] == "Telefono"  # a hidden field between is seen by nobody
    assert got["tok"] is None


@pytest.mark.parametrize(
    "name, wrap",
    [
        ("driver.tmpl", '{{define "main"}}\n%s{{end}}\n'),
        ("driver.html.twig", "{%% block body %%}\n%s{%% endblock %%}\n"),
        ("driver.html.erb", "<%% if @driver %%>\n%s<%% end %%>\n"),
    ],
)
def test_templates_read_the_same(tmp_path: Path, name: str, wrap: str) -> None:
    got = labels(tmp_path, name, wrap % DRIVER)
    assert got["condcf"] == "Codice Fiscale" and got["condnome"] == "Nome"


def test_only_a_label_that_names_nothing(tmp_path: Path) -> None:
    got = labels(
        tmp_path,
        "only.html",
        "<form>\n"
        # names an element that is no control: it labels nothing here
        '<label for="help">Nome</label><div id="help"></div><input name="a1">\n'
        # names a later control: that one's label, not the next control's
        '<label for="b2">Email</label><input name="b1"><input id="b2" name="b2">\n'
        # another label stands between: the control is that label's
        '<label for="gone">Telefono</label><label>Marca <input name="c1"></label>\n'
        '<label for="also-gone">Cognome</label><label for="d1">Modello</label><input id="d1" name="d1">\n'
        "</form>\n"
        # the next control is in another form
        '<label for="nowhere">Nome</label>\n<form><input name="e1"></form>\n',
    )
    assert got["a1"] is None
    assert got["b1"] is None and got["b2"] == "Email"
    assert got["c1"] == "Marca"
    assert got["d1"] == "Modello"
    assert got["e1"] is None


def test_a_templated_for_is_left_alone(tmp_path: Path) -> None:
    got = labels(
        tmp_path, "t.html.twig", '<form><label for="{{ field_id }}">Nome</label><input name="x1"></form>\n'
    )
    assert got["x1"] is None
