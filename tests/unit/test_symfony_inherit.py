"""Symfony form types that inherit their fields from the project's form types.

The fixture tree (`tests/fixtures/forms/symfony_inherit/`) is written for these tests: a
clinic's `PatientForm` with three fields and its children, in the shapes Kimai's API and
admin forms have (see its README).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from cnsnt.evidence import Evidence
from cnsnt.model import Severity
from cnsnt.starter.discover import Found, survey
from tests.conftest import FIXTURES
from tests.starter.test_init_symfony_forms import audit
from tests.unit.test_symfony_forms import problems, read, write

TREE = FIXTURES / "forms" / "symfony_inherit"


def clinic(tmp_path: Path) -> Path:
    shutil.copytree(TREE / "src", tmp_path / "src")
    return tmp_path


def fields(ev: Evidence) -> list[tuple[str, str, bool, str, int]]:
    """(key, control, required, file, line) of every field read."""
    return [
        (f.key, f.control, f.required, f.location.path or "", f.location.line or 0)
        for form in ev.forms
        for f in form.fields
    ]


BASE = "src/Form/PatientForm.php"


def test_a_child_with_no_build_form_reads_its_parents_fields_where_the_parent_adds_them(tmp_path):
    ev = read(clinic(tmp_path), "src/Form/Api/PatientApiForm.php")
    assert [(f.name, f.location.line, f.kind) for f in ev.forms] == [("patient_api_form", 7, "symfony")]
    assert fields(ev) == [
        ("patient_api_form.fullName", "text", True, BASE, 15),
        ("patient_api_form.email", "email", True, BASE, 16),
        ("patient_api_form.phone", "tel", False, BASE, 17),
    ]
    assert ev.problems == []


def test_a_child_calling_parent_build_form_gets_the_parents_fields_first_then_removes_and_adds(tmp_path):
    ev = read(clinic(tmp_path), "src/Form/PatientSignupForm.php")
    assert fields(ev) == [
        ("patient_signup_form.fullName", "text", True, BASE, 15),
        ("patient_signup_form.email", "email", True, BASE, 16),
        ("patient_signup_form.newsletter", "checkbox", False, "src/Form/PatientSignupForm.php", 14),
    ]
    # only calls parent::buildForm and removes one (no `->add(` in its text): read too
    ev = read(tmp_path, "src/Form/PatientAdminForm.php")
    assert [key for key, *_ in fields(ev)] == ["patient_admin_form.fullName", "patient_admin_form.phone"]
    assert ev.problems == []


def test_a_missing_parent_leaves_the_childs_own_fields_read_and_says_which_parent(tmp_path):
    ev = read(clinic(tmp_path), "src/Form/ReferralForm.php")
    assert fields(ev) == [("referral_form.referrerEmail", "email", True, "src/Form/ReferralForm.php", 14)]
    assert [p[:4] for p in problems(ev)] == [("src/Form/ReferralForm.php", 13, 9, Severity.WARNING)]
    message = ev.problems[0].message
    assert (
        "`parent::buildForm($builder, $options)` runs code of Acme\\ReferralBundle\\Form\\BaseReferralType"
        in message
    )
    assert "cannot find in the project: the fields it adds are not read" in message
    # no call of the missing base's code: nothing is missed, an info names it
    own = """<?php
namespace App\\Form;
use Acme\\ReferralBundle\\Form\\BaseReferralType;
use Symfony\\Component\\Form\\FormBuilderInterface;
class InsuranceForm extends BaseReferralType {
    public function buildForm(FormBuilderInterface $builder, array $options): void {
        $builder->add('policyNumber');
    }
}
"""
    ev = read(tmp_path, "src/Form/InsuranceForm.php", own)
    assert [key for key, *_ in fields(ev)] == ["insurance_form.policyNumber"]
    assert [p[:4] for p in problems(ev)] == [("src/Form/InsuranceForm.php", 5, 1, Severity.INFO)]
    assert (
        "extends Acme\\ReferralBundle\\Form\\BaseReferralType, which cnsnt cannot find"
        in ev.problems[0].message
    )
    # through a project base whose own base is missing: the base's call is where fields are lost
    write(
        tmp_path,
        "src/Form/Api/ReferralApiForm.php",
        "<?php\nnamespace App\\Form\\Api;\n"
        "use App\\Form\\ReferralForm;\nfinal class ReferralApiForm extends ReferralForm {}\n",
    )
    ev = read(tmp_path, "src/Form/Api/ReferralApiForm.php")
    assert [key for key, *_ in fields(ev)] == ["referral_api_form.referrerEmail"]
    assert [p[:4] for p in problems(ev)] == [("src/Form/ReferralForm.php", 13, 9, Severity.WARNING)]


def test_a_build_form_of_no_form_builder_under_a_missing_base_is_still_not_read(tmp_path):
    """Drupal's `buildForm(array $form, ...)` is no Symfony form type: not read, a warning as before."""
    drupal = """<?php
namespace Drupal\\clinic\\Form;
use Drupal\\Core\\Form\\FormBase;
use Drupal\\Core\\Form\\FormBuilderInterface;
class IntakeForm extends FormBase {
    public function buildForm(array $form, FormStateInterface $form_state, FormBuilderInterface $b = null) {
        $form['name'] = ['#type' => 'textfield'];
        $b->add('x');
        return $form;
    }
}
"""
    ev = read(tmp_path, "IntakeForm.php", drupal)
    assert ev.forms == []
    assert [p[1:4] for p in problems(ev)] == [(5, 1, Severity.WARNING)]
    assert "whether it is a Symfony form type is not known" in ev.problems[0].message


def test_a_childs_add_of_a_parents_field_replaces_it_where_it_stood(tmp_path):
    clinic(tmp_path)
    child = """<?php
namespace App\\Form;
use Symfony\\Component\\Form\\Extension\\Core\\Type\\TextareaType;
use Symfony\\Component\\Form\\FormBuilderInterface;
class PatientNoteForm extends PatientForm {
    public function buildForm(FormBuilderInterface $builder, array $options): void {
        parent::buildForm($builder, $options);
        $builder->add('email', TextareaType::class, ['required' => false]);
        if ($options['x']) {
            $builder->add('note');
        } else {
            $builder->add('note', TextareaType::class);
        }
    }
}
"""
    ev = read(tmp_path, "src/Form/PatientNoteForm.php", child)
    assert [(key, control, line) for key, control, _, _, line in fields(ev)] == [
        ("patient_note_form.fullName", "text", 15),
        ("patient_note_form.email", "textarea", 8),  # the child's, in the parent's place
        ("patient_note_form.phone", "tel", 17),
        ("patient_note_form.note", "text", 10),  # the same method's first (if/else)
    ]


def test_an_inherited_get_block_prefix_names_the_child(tmp_path):
    write(
        tmp_path,
        "src/Form/VisitForm.php",
        """<?php
namespace App\\Form;
use Symfony\\Component\\Form\\AbstractType;
use Symfony\\Component\\Form\\FormBuilderInterface;
class VisitForm extends AbstractType {
    public function buildForm(FormBuilderInterface $builder, array $options): void { $builder->add('reason'); }
    public function getBlockPrefix(): string { return 'visit'; }
}
""",
    )
    child = """<?php
namespace App\\Form;
use Symfony\\Component\\Form\\FormBuilderInterface;
class VisitApiForm extends VisitForm {
    public function buildForm(FormBuilderInterface $builder, array $options): void {
        parent::buildForm($builder, $options);
        $builder->add('notes');
    }
}
"""
    ev = read(tmp_path, "src/Form/VisitApiForm.php", child)
    assert [(f.name, [x.key for x in f.fields]) for f in ev.forms] == [
        ("visit", ["visit.reason", "visit.notes"])
    ]


def test_a_cycle_of_bases_ends_and_is_no_form(tmp_path):
    write(tmp_path, "src/Form/AForm.php", "<?php\nnamespace App\\Form;\nclass AForm extends BForm {}\n")
    ev = read(tmp_path, "src/Form/BForm.php", "<?php\nnamespace App\\Form;\nclass BForm extends AForm {}\n")
    assert (ev.forms, ev.problems) == ([], [])


def test_init_proposes_the_inheriting_files_and_the_audit_reads_them_through_the_glob(tmp_path):
    clinic(tmp_path)
    found, _ = survey(tmp_path)
    assert [f for f in found if f.kind == "forms"] == [Found("forms", "src/Form/**/*.php")]
    read_fields, cn001 = audit(tmp_path, 'sources:\n  forms:\n    - {path: "src/Form/**/*.php"}\n')
    keys = [key for key, _, _ in read_fields]
    assert "patient_api_form.email" in keys and "patient_admin_form.phone" in keys
    assert ("patient_api_form.email", "email", BASE) in read_fields
    assert len(keys) == 3 + 3 + 3 + 2 + 1  # patient, api, signup, admin, referral
    assert cn001 == [("src/Form/ReferralForm.php", 13)]


def test_init_parses_no_class_for_its_bases_in_a_project_with_no_form_type(tmp_path, monkeypatch):
    """Laravel or WordPress classes extend others too: with no file that looks like a form type, none is parsed."""
    import cnsnt.starter.symfony_form_entries as entries

    def parsed(*_: object) -> bool:
        raise AssertionError("parsed")

    write(
        tmp_path, "app/Models/Invoice.php", "<?php\nnamespace App\\Models;\nclass Invoice extends Model {}\n"
    )
    write(tmp_path, "app/Models/Model.php", "<?php\nnamespace App\\Models;\nabstract class Model {}\n")
    monkeypatch.setattr(entries, "holds_form_type", parsed)
    found, _ = survey(tmp_path)
    assert [f for f in found if f.kind == "forms"] == []
