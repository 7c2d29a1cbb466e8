"""`cnsnt init` files a form field with the column it fills (review24 D6).

A Thymeleaf `th:field="*{randevuTarih}"` of `th:object="${randevu}"` fills
`randevular.randevu_tarih`; a Django ModelForm of `Informe` fills `informe_informe`'s
columns. The starter put the column in `behavior` and the field in `form_input` ("kind
unknown"), so the data map said "collected in: -". Fixtures written for these tests
(the names follow the review's two projects).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.sources.forms.bindings import shown_object
from cnsnt.sources.forms.html_page import Attr
from cnsnt.starter.form_columns import normal
from cnsnt.starter.run import draft_new

POM = "<project><parent><artifactId>spring-boot-starter-parent</artifactId></parent></project>\n"
RANDEVU = (
    "package demo;\nimport javax.persistence.*;\n"
    '@Entity @Table(name="randevular") public class Randevu {\n'
    "  @Id Long randevuID; String randevuSoyisim; String randevuTarih; String randevuSaat;\n"
    "  @ManyToOne Hasta hasta; }\n"
)
HASTA = (
    "package demo;\nimport javax.persistence.*;\n"
    '@Entity @Table(name="hastalar") public class Hasta {\n'
    "  @Id Long id; String hastaAd; String hastaSoyad; String hastaNotu; }\n"
)
FORM = (
    '<form th:action="@{/kaydet}" th:object="${randevu}" method="post">\n'
    '  <input type="text" th:field="*{randevuSoyisim}">\n'
    '  <input type="text" th:field="*{randevuTarih}">\n'
    '  <input type="text" th:field="*{randevuSaat}">\n'
    "</form>\n"
)


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _spring(root: Path, form: str = FORM) -> None:
    _write(
        root,
        {
            "pom.xml": POM,
            "src/main/java/demo/Randevu.java": RANDEVU,
            "src/main/java/demo/Hasta.java": HASTA,
            "src/main/resources/templates/add-appointment.html": form,
        },
    )


def _data(root: Path) -> dict[str, Any]:
    text = draft_new(root).text
    data: dict[str, Any] = YAML(typ="safe").load(text)["data"]
    return data


def _entry_of(data: dict[str, Any], key: str) -> str:
    return next(name for name, d in data.items() if key in (d.get("columns") or []) + (d.get("form_fields") or []))


def test_names_compare_without_case_or_separators() -> None:
    assert normal("randevuTarih") == normal("randevu_tarih") == normal("Randevu-Tarih") == "randevutarih"


def test_a_thymeleaf_field_goes_into_the_entry_of_the_column_its_object_fills(tmp_path: Path) -> None:
    _spring(tmp_path)
    data = _data(tmp_path)
    assert _entry_of(data, "add-appointment.randevuTarih") == _entry_of(data, "randevular.randevu_tarih")
    assert _entry_of(data, "add-appointment.randevuSaat") == _entry_of(data, "randevular.randevu_saat")
    assert _entry_of(data, "add-appointment.randevuSoyisim") == _entry_of(data, "randevular.randevu_soyisim")
    text = draft_new(tmp_path).text
    said = next(line for line in text.splitlines() if "- add-appointment.randevuTarih" in line)
    assert "fills the column 'randevular.randevu_tarih'" in said
    assert "the form fills 'randevu', kept in the table 'randevular'" in said


def test_the_data_map_shows_where_the_joined_datum_is_collected(tmp_path: Path) -> None:
    _spring(tmp_path)
    (tmp_path / "cnsnt.yaml").write_text(draft_new(tmp_path).text, encoding="utf-8")
    out = tmp_path / "map.json"
    result = CliRunner().invoke(app, ["inventory", str(tmp_path), "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    entry = next(d for d in data["data"] if "randevular.randevu_tarih" in [p["key"] for p in d["stored"]])
    assert "add-appointment.randevuTarih" in [p["key"] for p in entry["collected"]]


def test_a_field_of_unknown_kind_joins_the_only_column_named_like_it(tmp_path: Path) -> None:
    # no th:object: the name alone, one column in the schema, in a table about people
    _spring(tmp_path, FORM.replace(' th:object="${randevu}"', "").replace("*{", "${r."))
    data = _data(tmp_path)
    assert _entry_of(data, "add-appointment.randevuTarih") == _entry_of(data, "randevular.randevu_tarih")
    text = draft_new(tmp_path).text
    said = next(line for line in text.splitlines() if "- add-appointment.randevuTarih" in line)
    assert "the only column of the schema named like it" in said


def test_a_name_two_tables_have_joins_nothing(tmp_path: Path) -> None:
    _spring(tmp_path, FORM.replace(' th:object="${randevu}"', ""))
    _write(tmp_path, {"src/main/java/demo/Hasta.java": HASTA.replace("String hastaNotu;", "String randevuTarih;")})
    data = _data(tmp_path)
    field = _entry_of(data, "add-appointment.randevuTarih")
    assert field != _entry_of(data, "randevular.randevu_tarih")
    assert field != _entry_of(data, "hastalar.randevu_tarih")


def test_the_bound_object_settles_a_name_two_tables_have(tmp_path: Path) -> None:
    _spring(tmp_path)
    _write(tmp_path, {"src/main/java/demo/Hasta.java": HASTA.replace("String hastaNotu;", "String randevuTarih;")})
    data = _data(tmp_path)
    assert _entry_of(data, "add-appointment.randevuTarih") == _entry_of(data, "randevular.randevu_tarih")


INFORME_MODELS = """\
from django.db import models


class Paciente(models.Model):
    dni = models.CharField(max_length=8)
    nombre = models.CharField(max_length=50)
    obs = models.TextField()


class Informe(models.Model):
    paciente = models.ForeignKey(Paciente, on_delete=models.CASCADE)
    nombre = models.CharField(max_length=100)
    fecha_informe = models.DateField()


class InformeTemporal(models.Model):
    paciente = models.ForeignKey(Paciente, on_delete=models.CASCADE)
    nombre = models.CharField(max_length=100)
"""
INFORME_FORMS = """\
from django import forms

from .models import Informe


class InformeForm(forms.ModelForm):
    class Meta:
        model = Informe
        fields = ["nombre", "fecha_informe"]
"""


def test_a_django_model_form_field_goes_into_the_entry_of_its_models_column(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "manage.py": "import django\n",
            "informe/__init__.py": "",
            "informe/models.py": INFORME_MODELS,
            "informe/forms.py": INFORME_FORMS,
        },
    )
    data = _data(tmp_path)
    # `nombre` is in two tables: only the form's model tells which
    assert _entry_of(data, "informe.nombre") == _entry_of(data, "informe_informe.nombre")
    assert _entry_of(data, "informe.fecha_informe") == _entry_of(data, "informe_informe.fecha_informe")
    # the column's category wins; what the field's name alone says stays in its comment
    said = next(line for line in draft_new(tmp_path).text.splitlines() if "- informe.nombre" in line)
    assert "fills the column 'informe_informe.nombre' (the form fills 'Informe'" in said
    assert "(alone: name 'nombre'" in said


def test_a_model_form_whose_model_is_imported_under_another_name_fills_that_models_table(
    tmp_path: Path,
) -> None:
    """`from .models import Informe as Report` then `model = Report`: the form fills
    `informe_informe`, not a table named after the alias (trial36)."""
    forms = INFORME_FORMS.replace("import Informe", "import Informe as Report").replace(
        "model = Informe", "model = Report"
    )
    _write(
        tmp_path,
        {
            "manage.py": "import django\n",
            "informe/__init__.py": "",
            "informe/models.py": INFORME_MODELS,
            "informe/forms.py": forms,
        },
    )
    data = _data(tmp_path)
    assert _entry_of(data, "informe.nombre") == _entry_of(data, "informe_informe.nombre")
    said = next(line for line in draft_new(tmp_path).text.splitlines() if "- informe.nombre" in line)
    assert "fills the column 'informe_informe.nombre' (the form fills 'Informe'" in said


def test_explain_column_says_which_column_a_field_fills(tmp_path: Path) -> None:
    from cnsnt.api import explain_column

    _spring(tmp_path)
    said = "\n".join(explain_column("add-appointment.randevuTarih", tmp_path))
    assert "kind unknown" in said
    assert "fills the column 'randevular.randevu_tarih'" in said
    assert "cnsnt init files it with that column, as user.behavior" in said


#: A patient's profile page (trial38b): plain `name=` controls, each shown from the object the
#: page edits, with no `th:object` on the form; two tables keep an `eposta`.
PROFILE = (
    '<form action="/hasta/guncelle" method="post">\n'
    '  <input type="hidden" name="randevuID" th:value="${randevu.randevuNo}">\n'
    '  <input type="email" name="eposta" th:value="${hasta.eposta}">\n'
    '  <input type="text" name="hastaAd" th:value="${hasta.hastaAd}">\n'
    "</form>\n"
)
DOKTOR = (
    "package demo;\nimport javax.persistence.*;\n"
    '@Entity @Table(name="doktorlar") public class Doktor {\n'
    "  @Id Long id; String doktorAd; String eposta; }\n"
)


def test_a_field_the_page_shows_from_an_objects_property_fills_its_column(tmp_path: Path) -> None:
    _spring(tmp_path, PROFILE)
    _write(tmp_path, {
        "src/main/java/demo/Hasta.java": HASTA.replace("String hastaNotu;", "String hastaNotu; String eposta;"),
        "src/main/java/demo/Doktor.java": DOKTOR,
    })
    text = draft_new(tmp_path).text
    data: dict[str, Any] = YAML(typ="safe").load(text)["data"]
    assert _entry_of(data, "add-appointment.eposta") == _entry_of(data, "hastalar.eposta")
    said = next(line for line in text.splitlines() if "- add-appointment.eposta" in line)
    assert "fills the column 'hastalar.eposta' (the page shows it from 'hasta.eposta'" in said
    assert "fills the column 'hastalar.hasta_ad'" in next(
        line for line in text.splitlines() if "- add-appointment.hastaAd" in line
    )


def test_only_a_value_of_the_same_named_property_names_the_object() -> None:
    def attrs(value: str) -> dict[str, Attr]:
        return {"th:value": Attr("th:value", value, value, 0, 0, len(value), False)}

    assert shown_object(attrs("${hasta.eposta}"), "eposta") == "hasta"
    assert shown_object(attrs("${hasta.hasta_ad}"), "hastaAd") == "hasta"
    assert shown_object(attrs("${randevu.randevuNo}"), "randevuID") is None
    assert shown_object(attrs("${hasta.adres.sehir}"), "sehir") is None
    assert shown_object(attrs("${#dates.format(hasta.dogum)}"), "dogum") is None
    assert shown_object(attrs("${hasta.eposta}"), None) is None
