"""`init` reads each form field in the forms' own languages and in light of what the form is about."""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import Evidence, Form, FormField
from cnsnt.model import Location
from cnsnt.policy.model import Policy
from cnsnt.starter.fields import undeclared

WHERE = Location("form.html", 1, 1)


def _form(name: str, fields: list[tuple[str, str]]) -> Form:
    return Form(
        name,
        WHERE,
        "form.html",
        tuple(FormField(name, field, control, WHERE, "form.html") for field, control in fields),
    )


def _categories(*forms: Form) -> dict[str, str]:
    policy = Policy(path="cnsnt.yaml", base_dir=Path("."))
    found = undeclared(policy, Evidence(forms=list(forms)))
    return {f.key: f.category for f in found.fields}


def test_a_spanish_forms_fields_are_read_in_spanish() -> None:
    """`nif` and `telefono` are Spanish words too, whichever vocabulary file lists them first."""
    alta = _form(
        "alta",
        [
            ("nombre", "text"),
            ("apellidos", "text"),
            ("nif", "text"),
            ("telefono", "text"),
            ("correo", "text"),
            ("direccion", "text"),
            ("fecha_nacimiento", "date"),
        ],
    )
    got = _categories(alta)
    assert got["alta.nif"] == "user.government_id.national_identification_number"
    assert got["alta.telefono"] == "user.contact.phone_number"
    assert got["alta.apellidos"] == "user.name.last"


def test_a_name_in_a_registration_form_is_the_persons_and_in_a_department_form_the_departments() -> None:
    registration = _form("registration_form", [("name", "text"), ("email", "email")])
    department = _form("department", [("name", "text"), ("email", "email")])
    got = _categories(registration, department)
    assert got["registration_form.name"] == "user.name"
    assert got["department.name"] == "user"  # personal (filled in), kind unknown
    assert got["department.email"] == "user.contact.email"
