"""Form evidence from JSON: cnsnt.sources.forms.jsonschema_form (JSON Schema, angular-schema-form, FHIR).

Corpus files under ../shared/corpus/forms are real third-party files (see each SOURCES.md;
the tests skip when it is absent);
the facts asserted here were read from them by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cnsnt.errors import SourceError
from cnsnt.evidence import Evidence, FieldRole, Form, FormField
from cnsnt.model import Location, Severity
from tests.conftest import read_form, read_form_corpus

read = read_form
corpus = read_form_corpus


def write(tmp_path: Path, name: str, data: object | str) -> Evidence:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, indent=2), encoding="utf-8")
    return read(path)


def only_form(ev: Evidence) -> Form:
    assert len(ev.forms) == 1, [f.name for f in ev.forms]
    return ev.forms[0]


def by_name(form: Form) -> dict[str | None, FormField]:
    return {f.name: f for f in form.fields}


def where(f: FormField) -> tuple[int | None, int | None]:
    return f.location.line, f.location.column


# ---------------------------------------------------------------- angular-schema-form


def test_simple_required_list_labels_and_ui_control():
    ev = corpus("angular-schema-form/simple.json")
    form = only_form(ev)
    assert form.name == "simple" and form.kind == "jsonschema"
    assert [f.name for f in form.fields] == ["name", "date", "age", "email", "comment"]
    fields = by_name(form)
    assert [n for n, f in fields.items() if f.required] == ["name", "email", "comment"]
    assert fields["email"].label == "Email" and fields["email"].control == "string"
    assert fields["age"].control == "number"
    assert fields["comment"].control == "textarea"  # from the form entry
    assert where(fields["email"]) == (24, 7)  # the file has a tab: columns still right
    assert ev.counts == {"form_files": 1, "forms": 1, "form_fields": 5}
    assert ev.audited == {"forms"} and ev.problems == []


def test_sink_nested_objects_arrays_and_a_pre_ticked_terms_boolean():
    form = only_form(corpus("angular-schema-form/sink.json"))
    assert [f.name for f in form.fields] == [
        "name", "invitation", "favorite", "shoesizeLeft", "shoesizeRight", "attributes.eyecolor",
        "attributes.haircolor", "attributes.shoulders.left", "attributes.shoulders.right",
        "things", "dislike", "soul", "soulserial", "date", "radio", "radio2", "radiobuttons",
    ]
    fields = by_name(form)
    soul = fields["soul"]
    assert soul.role is FieldRole.CONSENT and soul.control == "checkbox"
    assert soul.checked and soul.default == "true" and soul.label == "Terms Of Service"
    assert where(soul) == (94, 7)
    eyecolor = fields["attributes.eyecolor"]
    assert eyecolor.required and eyecolor.default == "pink"
    assert not fields["attributes.haircolor"].required
    assert fields["shoesizeLeft"].required and fields["shoesizeLeft"].default == "42"
    assert fields["attributes.shoulders.left"].label == "Left shoulder"  # form title wins
    assert fields["things"].control == "array"


def test_user_dotted_keys_draft3_required_and_the_requried_typo():
    ev = corpus("angular-schema-form/user.json")
    form = only_form(ev)
    fields = by_name(form)
    assert list(fields) == [
        "providedContactInfo.email", "providedPersonInfo.nin",
        "providedPersonInfo.name.firstName", "_userInvalidMessage", "paymentPeriod",
        "providedContactInfo.mobilePhone", "providedPersonInfo.name.lastName", "some",
    ]
    assert all(f.required for n, f in fields.items() if n != "some")
    assert not fields["some"].required
    assert fields["providedPersonInfo.nin"].label == "Fødselsnummer"
    assert fields["_userInvalidMessage"].role is FieldRole.TECHNICAL  # "type": "hidden"
    (typo,) = ev.problems
    assert typo.severity is Severity.WARNING
    assert (typo.location.line, typo.location.column) == (39, 9)
    assert "'requried'" in typo.message and "did you mean 'required'" in typo.message


def test_claims_travel_norwegian_labels_from_wizard_steps():
    form = only_form(corpus("angular-schema-form/claims-travel.json"))
    assert len(form.fields) == 17 and all(f.required for f in form.fields)
    fields = by_name(form)
    assert fields["mainCause"].label == "Hva har skjedd med gjenstanden(e)?"
    assert fields["question24"].control == "boolean"
    assert fields["question24"].role is FieldRole.INPUT
    assert fields["insuredEvent_1"].control == "object"


# ---------------------------------------------------------------- JSON Forms


def test_jsonforms_data_schema():
    form = only_form(corpus("jsonforms-react-seed/schema.json"))
    assert form.name == "schema"
    assert [f.name for f in form.fields] == [
        "name", "description", "done", "due_date", "rating", "recurrence", "recurrence_interval",
    ]
    assert [f.name for f in form.fields if f.required] == ["name", "due_date"]
    assert by_name(form)["description"].label == "Long Description"
    assert by_name(form)["done"].role is FieldRole.INPUT  # a boolean, but not consent-like


def test_jsonforms_ui_schema_is_reported_not_skipped():
    ev = corpus("jsonforms-react-seed/uischema.json")
    assert ev.forms == [] and ev.counts["forms"] == 0 and ev.counts["form_files"] == 1
    (problem,) = ev.problems
    assert problem.severity is Severity.WARNING and "UI schema" in problem.message
    assert problem.location == Location("uischema.json", 1, 1)


# ---------------------------------------------------------------- FHIR Questionnaire


def test_fhir_registration_items_by_link_id_groups_not_fields():
    form = only_form(corpus("android-fhir/new-patient-registration-paginated.json"))
    assert form.name == "client-registration-sample" and form.kind == "fhir-questionnaire"
    fields = by_name(form)
    assert list(fields) == [
        "PR-name-text", "PR-name-family", "patient-0-birth-date", "patient-0-gender",
        "PR-telecom-system", "PR-telecom-value", "PR-address-city", "PR-address-country",
        "PR-active",
    ]
    assert fields["patient-0-birth-date"].control == "date"
    assert fields["patient-0-birth-date"].label == "Date of Birth"
    assert fields["patient-0-birth-date"].required and not fields["patient-0-gender"].required
    system = fields["PR-telecom-system"]
    assert system.role is FieldRole.TECHNICAL and system.default == "phone"  # hidden, initial
    assert where(fields["PR-name-text"]) == (76, 15)


def test_fhir_prior_authorization_nested_groups():
    form = only_form(corpus("android-fhir/Questionnaire-OutpatientPriorAuthorizationRequest.json"))
    assert form.name == "OutpatientPriorAuthorizationRequest"
    assert len(form.fields) == 28
    fields = by_name(form)
    assert fields["2.4"].label == "Medicare ID" and fields["2.4"].required
    assert fields["4.2.5.2"].label == "Address2" and not fields["4.2.5.2"].required
    assert "1" not in fields and "3.5" not in fields  # groups
    assert fields["4.1"].control == "boolean"
    assert where(fields["2.4"]) == (176, 11)


# ---------------------------------------------------------------- schemas written here


def test_refs_arrays_of_objects_id_and_allof(tmp_path):
    schema = {
        "$id": "https://example.org/schemas/person.schema.json",
        "definitions": {
            "addr": {
                "type": "object",
                "properties": {"city": {"type": "string", "title": "City"}},
                "required": ["city"],
            }
        },
        "type": "object",
        "properties": {
            "home": {"$ref": "#/definitions/addr"},
            "kids": {"type": "array", "items": {"properties": {"name": {"type": "string"}}}},
            "gdpr_consent": {"type": "boolean", "default": True},
            "self": {"$ref": "#"},
            "ext": {"$ref": "other.json#/x"},
        },
        "allOf": [{"properties": {"extra": {"type": ["string", "null"]}}}],
    }
    ev = write(tmp_path, "p.json", schema)
    form = only_form(ev)
    assert form.name == "person"
    fields = by_name(form)
    assert list(fields) == ["home.city", "kids.name", "gdpr_consent", "extra"]
    assert fields["home.city"].required and fields["home.city"].label == "City"
    assert fields["gdpr_consent"].checked and fields["gdpr_consent"].role is FieldRole.CONSENT
    assert fields["extra"].control == "string"
    (problem,) = ev.problems
    assert "cannot follow $ref 'other.json#/x'" in problem.message


def test_fields_under_dependencies_and_true_schemas_are_read(tmp_path):
    # react-jsonschema-form's dynamic forms: fields shown once another one is filled in
    schema = {
        "type": "object",
        "properties": {
            "pets": {"type": "string", "enum": ["No", "Yes"]},
            "card": {"type": "number"},
            "notes": True,  # any value: still a field
            "never": False,  # no value is valid: nothing is submitted
        },
        "dependencies": {
            "card": {"properties": {"billing_address": {"type": "string"}}},
            "pets": {
                "oneOf": [
                    {"properties": {"pets": {"enum": ["No"]}}},
                    {"properties": {"pets": {"enum": ["Yes"]}, "pet_age": {"type": "number"}}},
                ]
            },
            "notes": ["card"],  # a property dependency: no fields of its own
        },
        "dependentSchemas": {"card": {"properties": {"card_holder": {"type": "string"}}}},
    }
    form = only_form(write(tmp_path, "pay.json", schema))
    fields = by_name(form)
    assert list(fields) == ["pets", "card", "notes", "billing_address", "pet_age", "card_holder"]
    assert fields["notes"].control == "any"
    text = (tmp_path / "pay.json").read_text().splitlines()
    line, column = where(fields["pet_age"])
    assert line is not None and column is not None
    assert text[line - 1][column - 1 :].startswith('"pet_age"')


def test_invalid_json_is_a_source_error_with_line_and_column(tmp_path):
    with pytest.raises(SourceError) as info:
        write(tmp_path, "bad.json", '{"a": 1,\n  "b": [1,}\n')
    assert info.value.location == Location("bad.json", 2, 11)
    assert "invalid JSON" in info.value.message


@pytest.mark.parametrize("levels", [300, 5000])
def test_json_nested_too_deep_is_a_source_error_at_the_bracket_one_level_too_deep(tmp_path, levels):
    # 5,000 levels were too deep for json.loads itself: the error named no line or column
    text = '{"title": "\\\\ \\" [{ in a string", "properties": {\n"a": ' + '{"properties": {"a": ' * levels + "{}" + "}}" * levels + "}}\n"
    with pytest.raises(SourceError) as info:
        write(tmp_path, "deep.json", text)
    assert "depth limit (256, --max-depth)" in info.value.message
    assert info.value.location is not None
    line, column = info.value.location.line, info.value.location.column
    assert line == 2 and column is not None
    opened = text.splitlines()[1][: column - 1]
    assert opened.count("{") == 256 - 2 and text.splitlines()[1][column - 1] == "{"


@pytest.mark.parametrize("data", [[1, 2], {"name": "package", "version": "1.0"}, "42"])
def test_json_that_is_no_form_is_reported(tmp_path, data):
    ev = write(tmp_path, "x.json", data)
    assert ev.forms == []
    assert [p.severity for p in ev.problems] == [Severity.WARNING]


def test_format_jsonschema_reads_any_suffix(tmp_path):
    path = tmp_path / "signup.schema"
    path.write_text('{"properties": {"email": {"type": "string"}}}', encoding="utf-8")
    form = only_form(read(path, "jsonschema"))
    assert form.name == "signup" and [f.name for f in form.fields] == ["email"]


def test_fhir_item_without_link_id_is_reported(tmp_path):
    data = {"resourceType": "Questionnaire", "item": [{"type": "boolean", "text": "I consent"}]}
    ev = write(tmp_path, "q.json", data)
    (fld,) = only_form(ev).fields
    assert fld.name is None and fld.role is FieldRole.CONSENT and fld.control == "checkbox"
    assert len(ev.problems) == 1 and ev.problems[0].fix == "declare it in the policy as q.NAME"


def test_an_object_property_known_only_by_its_parts_is_walked_into(tmp_path):
    """`"contact": {"allOf": [{"properties": {"fax": ...}}]}` (no `type`) was one `contact`
    field of unknown type: `contact.fax` was never audited."""
    schema = {
        "type": "object",
        "properties": {
            "contact": {"allOf": [{"properties": {"fax": {"type": "string"}}}], "required": ["fax"]},
            "payer": {
                "oneOf": [
                    {"properties": {"iban": {"type": "string"}}},
                    {"properties": {"card_number": {"type": "string"}}},
                ]
            },
            "notes": {},
        },
    }
    fields = by_name(only_form(write(tmp_path, "signup.json", schema)))
    assert list(fields) == ["contact.fax", "payer.iban", "payer.card_number", "notes"]
    assert fields["contact.fax"].required and fields["notes"].control == "any"
