"""A WTForms form names no model: init files it with the one table its fields are named like.

A hospital's Flask app keeps a SQLAlchemy model and a WTForms class per blueprint
(shirwac62/Hospital-Management, commit ff090cc: `PatientForm` with `pat_full_name`,
`pat_address`, `pat_insurance_no`, `pat_ph_no`, the columns of `Patient`; `MedicationForm`
with `code`, `name`, `brand`, `description`, those of `Medication`). WTForms has no
`Meta.model`, so every field was filed "no column found: its form names no object", and the
medication's `name` was proposed as a person's name. The files here are written for these
tests, with those facts.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.starter.run import draft_new

MODELS = """\
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Patient(db.Model):
    patient_id = db.Column(db.Integer, primary_key=True)
    pat_full_name = db.Column(db.String(80), nullable=False)
    pat_address = db.Column(db.String(200))
    pat_insurance_no = db.Column(db.Integer)
    pat_ph_no = db.Column(db.Integer)


class Nurse(db.Model):
    nurse_id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(80))
    nurse_address = db.Column(db.String(200))


class Medication(db.Model):
    medication_id = db.Column(db.Integer, primary_key=True)
    code = db.Column(db.String(20))
    name = db.Column(db.String(80))
    brand = db.Column(db.String(80))
"""
FORMS = """\
from flask_wtf import FlaskForm
from wtforms import IntegerField, StringField, SubmitField, TextAreaField


class PatientForm(FlaskForm):
    pat_full_name = StringField('Full name')
    pat_address = StringField('Address')
    pat_insurance_no = IntegerField('Insurance No')
    pat_ph_no = IntegerField('Phone No')
    submit = SubmitField('Add patient')


class MedicationForm(FlaskForm):
    code = StringField('Code')
    name = StringField('Name')
    brand = StringField('Brand')
    submit = SubmitField('Add medication')


class FeedbackForm(FlaskForm):
    visitor_email = StringField('Your e-mail')
    remarks = TextAreaField('Anything to add?')
"""


def _policy(root: Path) -> dict[str, str]:
    """Each form field's policy line: key -> its comment."""
    (root / "app").mkdir()
    (root / "app" / "__init__.py").write_text("", encoding="utf-8")
    (root / "app" / "models.py").write_text(MODELS, encoding="utf-8")
    (root / "app" / "forms.py").write_text(FORMS, encoding="utf-8")
    lines: dict[str, str] = {}
    for line in draft_new(root).text.splitlines():
        item, _, comment = line.partition("#")
        key = item.strip().removeprefix("- ")
        if item.strip().startswith("- ") and "[app/forms.py:" in comment:
            lines[key] = comment.strip()
    return lines


def test_a_wtforms_form_is_filed_with_the_table_its_fields_are_named_like(tmp_path: Path) -> None:
    lines = _policy(tmp_path)
    assert lines["patient.pat_address"].startswith(
        "name 'pat_address' means a postal address (en); fills the column 'patient.pat_address' (the "
        "WTForms form names no model; 4 of its 4 fields are named like columns of the table 'patient')"
    )
    assert "fills the column 'patient.pat_full_name'" in lines["patient.pat_full_name"]


def test_a_field_of_a_things_form_takes_its_columns_verdict(tmp_path: Path) -> None:
    lines = _policy(tmp_path)
    # `name` is in two tables (`nurse`, `medication`): its form's other fields tell which
    assert lines["medication.name"].startswith("fills 'medication.name' (the WTForms form names no model")
    assert "which cnsnt finds about a thing, not a person" in lines["medication.name"]


def test_an_unlinked_wtforms_form_says_so(tmp_path: Path) -> None:
    lines = _policy(tmp_path)
    assert lines["feedback.visitor_email"].endswith(
        "no column found: a WTForms form names no model, and no one table has columns named like "
        "most of its fields [app/forms.py:21]"
    )
