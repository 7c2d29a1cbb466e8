"""`init` proposes a form whose every field is of unknown kind as one `form.*` pattern."""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import Evidence, FieldRole, Form, FormField
from cnsnt.model import Location
from cnsnt.policy.model import Policy
from cnsnt.starter.fields import undeclared

WHERE = Location("form.html", 1, 1)


def _form(name: str, fields: list[tuple[str | None, str, FieldRole]]) -> Form:
    return Form(
        name,
        WHERE,
        "form.html",
        tuple(FormField(name, f, control, WHERE, "form.html", role=role) for f, control, role in fields),
    )


def _found(*forms: Form) -> dict[str, tuple[str, int]]:
    policy = Policy(path="cnsnt.yaml", base_dir=Path("."))
    found = undeclared(policy, Evidence(forms=list(forms)))
    return {f.key: (f.category, f.covers) for f in found.fields}


INPUT = FieldRole.INPUT


def test_a_form_of_unknown_fields_is_one_pattern() -> None:
    settings = _form(
        "settings-alerts",
        [
            ("alert_active", "checkbox", INPUT),
            ("alert_staff", "checkbox", INPUT),
            ("alert_lead", "text", INPUT),
        ],
    )
    got = _found(settings)
    assert got == {"settings-alerts.*": ("user", 3)}


def test_a_form_with_a_known_field_or_a_consent_control_keeps_its_fields() -> None:
    known = _form(
        "ticket", [("topic", "text", INPUT), ("priority", "text", INPUT), ("email", "email", INPUT)]
    )
    consent = _form(
        "poll",
        [
            ("answer1", "text", INPUT),
            ("answer2", "text", INPUT),
            ("answer3", "text", INPUT),
            ("newsletter", "checkbox", FieldRole.CONSENT),
        ],
    )
    small = _form("search", [("q", "text", INPUT), ("page", "text", INPUT)])
    got = _found(known, consent, small)
    assert "ticket.*" not in got and got["ticket.email"] == ("user.contact.email", 1)
    assert {"poll.answer1", "poll.answer2", "poll.answer3"} <= set(got) and "poll.*" not in got
    assert "search.q" in got and "search.*" not in got


def test_a_nameless_button_keeps_no_form_apart_and_a_pattern_counts_each_name_once() -> None:
    settings = _form(
        "settings-tickets",
        [
            ("default_sla", "text", INPUT),
            ("max_open", "text", INPUT),
            ("reopen_mode", "radio", INPUT),
            ("reopen_mode", "radio", INPUT),
            (None, "button", FieldRole.BUTTON),
        ],
    )
    nameless_input = _form(
        "queue-filter",
        [("status", "text", INPUT), ("sort", "text", INPUT), ("page", "text", INPUT), (None, "text", INPUT)],
    )
    got = _found(settings, nameless_input)
    assert got["settings-tickets.*"] == ("user", 3)
    assert "queue-filter.*" not in got and "queue-filter.status" in got
