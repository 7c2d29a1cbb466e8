"""Two modules' form classes of one name are two forms, each with its own keys (review24 D11).

A Django project with a `RegistroForm` in `apps/paciente/forms.py` and another in
`apps/profesional_salud/forms.py` (a patient's and a professional's sign-up) gave both
the key `registro.email`: the policy could not tell them apart. The modules below are
written here; the layout follows the review's project.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.collect import collect_evidence
from cnsnt.evidence import Evidence
from cnsnt.matching import AliasIndex, PolicyIndex
from cnsnt.policy.loader import load_policy
from tests.unit.test_symfony_forms import write

REGISTRO = """\
from django import forms


class RegistroForm(forms.Form):
    email = forms.EmailField()
    password = forms.CharField(widget=forms.PasswordInput)
"""
POLICY = 'cnsnt: 1\nsources:\n  forms:\n    - {path: "**/forms.py"}\n    - {path: "**/forms/*.py"}\n'


def _evidence(root: Path, policy: str = POLICY) -> Evidence:
    write(root, "cnsnt.yaml", policy)
    return collect_evidence(load_policy(root / "cnsnt.yaml"))


def _keys(evidence: Evidence) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for form in evidence.forms:
        out.setdefault(form.source, []).extend(f.key for f in form.fields)
    return out


def test_two_apps_form_classes_of_one_name_are_named_by_their_app(tmp_path: Path) -> None:
    write(tmp_path, "apps/paciente/forms.py", REGISTRO)
    write(tmp_path, "apps/profesional_salud/forms.py", REGISTRO)
    keys = _keys(_evidence(tmp_path))
    assert keys == {
        "apps/paciente/forms.py": ["paciente/registro.email", "paciente/registro.password"],
        "apps/profesional_salud/forms.py": ["profesional_salud/registro.email", "profesional_salud/registro.password"],
    }


def test_a_single_form_class_keeps_its_name(tmp_path: Path) -> None:
    write(tmp_path, "apps/paciente/forms.py", REGISTRO)
    write(tmp_path, "apps/profesional_salud/forms.py", REGISTRO.replace("RegistroForm", "AltaForm"))
    keys = _keys(_evidence(tmp_path))
    assert keys["apps/paciente/forms.py"] == ["registro.email", "registro.password"]
    assert keys["apps/profesional_salud/forms.py"] == ["alta.email", "alta.password"]


def test_same_app_folder_names_take_every_folder_and_a_forms_package_is_skipped(tmp_path: Path) -> None:
    write(tmp_path, "clinic/users/forms/registro.py", REGISTRO)
    write(tmp_path, "shop/users/forms.py", REGISTRO)
    keys = _keys(_evidence(tmp_path))
    assert keys["clinic/users/forms/registro.py"][0] == "clinic/users/registro.email"
    assert keys["shop/users/forms.py"][0] == "shop/users/registro.email"


def test_the_old_key_still_names_both_forms(tmp_path: Path) -> None:
    write(tmp_path, "apps/paciente/forms.py", REGISTRO)
    write(tmp_path, "apps/profesional_salud/forms.py", REGISTRO)
    policy = POLICY + (
        "data:\n  email:\n    label: E-mail\n    category: user.contact.email\n"
        "    form_fields: [registro.email]\n"
    )
    evidence = _evidence(tmp_path, policy)
    index = PolicyIndex(load_policy(tmp_path / "cnsnt.yaml"), AliasIndex(evidence.fields))
    emails = [f for f in evidence.fields if f.name == "email"]
    assert len(emails) == 2
    assert all([d.name for d in index.data_for_field(f)] == ["email"] for f in emails)
