"""A Django admin's form: what it shows is not collected, and its fields take their columns' verdicts.

review34 R34a D7: an article admin's `ModelForm` (`fields = "__all__"`) proposed the
read-only `slug` and view counter as fields people fill in, and filed `titolo` as a
person's name and `slug` as a user name, while the form's other fields took the verdict
of `articoli_articolo` (about a thing) and went under `ignore:`. Fixtures written here,
in the shape of a volunteers' association's news app.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from cnsnt.api import explain_column
from cnsnt.starter.run import draft_new
from tests.unit.test_python_forms import read

MODELS = """\
from django.db import models


class Articolo(models.Model):
    nome = models.CharField(max_length=255)
    slug = models.SlugField()
    corpo = models.TextField()
    estratto = models.CharField(max_length=1024, blank=True)
    visualizzazioni = models.PositiveIntegerField(default=0)
    creazione = models.DateTimeField(auto_now_add=True)
    modifica = models.DateTimeField(auto_now=True)
    codice = models.CharField(max_length=8, editable=False)
"""
FORMS = """\
from django import forms

from .models import Articolo


class ArticoloForm(forms.ModelForm):
    class Meta:
        model = Articolo
        fields = '__all__'
"""
ADMIN = """\
from django.contrib import admin

from .forms import ArticoloForm
from .models import Articolo


@admin.register(Articolo)
class ArticoloAdmin(admin.ModelAdmin):
    form = ArticoloForm
    readonly_fields = ('slug', 'visualizzazioni')
"""


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _project(root: Path, admin: str = ADMIN) -> None:
    _write(
        root,
        {
            "manage.py": "import django\n",
            "articoli/__init__.py": "",
            "articoli/models.py": MODELS,
            "articoli/forms.py": FORMS,
            "articoli/admin.py": admin,
        },
    )


def _names(root: Path) -> list[str]:
    ev = read(root, "articoli/forms.py", FORMS)
    return [f.name or "" for form in ev.forms for f in form.fields]


def test_an_admins_read_only_fields_and_fields_django_never_puts_in_a_model_form_are_not_read(
    tmp_path: Path,
) -> None:
    _project(tmp_path)
    # slug and visualizzazioni are read-only in the admin; auto_now(_add) and editable=False
    # fields are in no ModelForm: all shown, none collected
    assert _names(tmp_path) == ["nome", "corpo", "estratto"]


def test_an_admins_fieldsets_fields_and_exclude_choose_the_forms_fields(tmp_path: Path) -> None:
    fieldsets = ADMIN.replace(
        "    readonly_fields = ('slug', 'visualizzazioni')\n",
        "    readonly_fields = ('visualizzazioni',)\n"
        "    fieldsets = (\n"
        "        (None, {'fields': (('nome', 'corpo'),)}),\n"
        "        (_('Informazioni'), {'fields': ('visualizzazioni',), 'classes': ('collapse',)}),\n"
        "    )\n",
    )
    _project(tmp_path, fieldsets)
    assert _names(tmp_path) == ["nome", "corpo"]
    _project(tmp_path, ADMIN.replace("readonly_fields = ('slug', 'visualizzazioni')", "exclude = ['corpo']"))
    assert _names(tmp_path) == ["nome", "slug", "estratto", "visualizzazioni"]
    # two admins of one form: a field either collects is a field
    two = ADMIN + (
        "\n\nclass BozzaAdmin(admin.ModelAdmin):\n    form = ArticoloForm\n    fields = ['slug', 'nome']\n"
    )
    _project(tmp_path, two)
    assert _names(tmp_path) == ["nome", "slug", "corpo", "estratto"]


def test_a_form_no_admin_uses_keeps_its_fields_and_a_computed_setting_is_said(tmp_path: Path) -> None:
    _project(tmp_path, ADMIN.replace("form = ArticoloForm", "form = forms.ModelForm"))
    assert _names(tmp_path) == ["nome", "slug", "corpo", "estratto", "visualizzazioni"]
    computed = ADMIN.replace("('slug', 'visualizzazioni')", "BASE + ('slug',)")
    _project(tmp_path, computed)
    ev = read(tmp_path, "articoli/forms.py", FORMS)
    assert [f.name for f in ev.forms[0].fields] == ["nome", "slug", "corpo", "estratto", "visualizzazioni"]
    [problem] = ev.problems
    assert (problem.location.path, problem.location.line, problem.location.column) == ("articoli/admin.py", 10, 23)
    assert problem.message == (
        "`readonly_fields` of admin ArticoloAdmin is no literal: the fields of form ArticoloForm are read "
        "as if it were absent"
    )


def _policy(root: Path) -> tuple[dict[str, Any], list[str]]:
    text = draft_new(root).text
    policy: dict[str, Any] = YAML(typ="safe").load(text)
    return policy, text.splitlines()


def test_init_files_a_model_forms_fields_with_the_verdict_of_the_column_each_fills(tmp_path: Path) -> None:
    _project(tmp_path)
    policy, lines = _policy(tmp_path)
    ignore = policy.get("ignore") or []
    fields = [k for d in (policy.get("data") or {}).values() for k in d.get("form_fields") or []]
    # no read-only or automatic field at all
    assert not [k for k in fields + ignore if k.split(".")[-1] in ("slug", "visualizzazioni", "creazione")]
    # `nome` (a person's name by its word alone) fills an article's name: under ignore:
    # with its siblings, not in the `name` entry
    assert {"articolo.nome", "articolo.corpo", "articolo.estratto"} <= set(ignore)
    assert "articolo.nome" not in fields
    said = next(line for line in lines if "- articolo.nome" in line)
    assert "fills 'articoli_articolo.nome' (the form fills 'Articolo'" in said
    assert "which cnsnt finds about a thing, not a person" in said
    # explain-column says what init does with it
    explained = "\n".join(explain_column("articolo.nome", tmp_path))
    assert "cnsnt init writes it under ignore:" in explained


def test_a_field_named_like_a_column_without_its_form_saying_so_keeps_its_kind(tmp_path: Path) -> None:
    plain = FORMS.replace("forms.ModelForm", "forms.Form").replace(
        "    class Meta:\n        model = Articolo\n        fields = '__all__'\n",
        "    nome = forms.CharField()\n    corpo = forms.CharField()\n",
    )
    _project(tmp_path, "")
    _write(tmp_path, {"articoli/forms.py": plain})
    policy, _ = _policy(tmp_path)
    fields = [k for d in (policy.get("data") or {}).values() for k in d.get("form_fields") or []]
    assert "articolo.nome" in fields  # paired by its name alone: its own kind still holds
