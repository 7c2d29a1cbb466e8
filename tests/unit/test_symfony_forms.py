"""Symfony FormType classes, read from PHP with tree-sitter-php.

The fixtures are written here, in the shapes of a small shop's profile, address and
newsletter forms.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.evidence import Evidence, Form, FormField
from cnsnt.model import Severity
from cnsnt.sources.forms.symfony_forms import block_prefix


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def read(tmp_path: Path, name: str, text: str | None = None, fmt: str | None = None) -> Evidence:
    """Read a PHP file as a forms source whose policy sits in tmp_path (the project root)."""
    from cnsnt.model import Location
    from cnsnt.policy.model import SourceSpec
    from cnsnt.sources.base import SourceContext
    from cnsnt.sources.forms.reader import read_forms

    path = write(tmp_path, name, text) if text is not None else tmp_path / name
    spec = SourceSpec("forms", name, tmp_path, Location("cnsnt.yaml", 1, 1), format=fmt)
    return read_forms(path, spec, SourceContext(base_dir=tmp_path))


def forms(ev: Evidence) -> dict[str, Form]:
    return {f.name: f for f in ev.forms}


def row(f: FormField) -> tuple[object, ...]:
    return (
        f.key,
        f.control,
        f.role.value,
        f.required,
        f.checked,
        f.label,
        f.location.line,
        f.location.column,
    )


def problems(ev: Evidence) -> list[tuple[str | None, int | None, int | None, Severity, str]]:
    return [(p.location.path, p.location.line, p.location.column, p.severity, p.message) for p in ev.problems]


PROFILE = """\
<?php

namespace App\\Form;

use Symfony\\Component\\Form\\AbstractType;
use Symfony\\Component\\Form\\Extension\\Core\\Type\\CheckboxType;
use Symfony\\Component\\Form\\Extension\\Core\\Type\\ChoiceType;
use Symfony\\Component\\Form\\Extension\\Core\\Type\\EmailType;
use Symfony\\Component\\Form\\Extension\\Core\\Type\\HiddenType;
use Symfony\\Component\\Form\\Extension\\Core\\Type\\PasswordType;
use Symfony\\Component\\Form\\Extension\\Core\\Type\\RepeatedType;
use Symfony\\Component\\Form\\Extension\\Core\\Type\\SubmitType;
use Symfony\\Component\\Form\\Extension\\Core\\Type\\TextareaType;
use Symfony\\Component\\Form\\FormBuilderInterface;

class UserProfileType extends AbstractType
{
    public function buildForm(FormBuilderInterface $builder, array $options): void
    {
        $builder->add('email', EmailType::class, ['label' => 'form.email']);
        $builder->add('plainPassword', RepeatedType::class, ['type' => PasswordType::class]);
        $builder->add('newsletter', CheckboxType::class, [
            'label' => 'Send me the newsletter',
            'data' => true,
            'required' => false,
        ]);
        $builder->add('gender', ChoiceType::class, ['expanded' => true, 'mapped' => false]);
        $builder->add('bio', TextareaType::class, ['required' => false, 'attr' => ['placeholder' => 'About you']]);
        $builder->add('referrer', HiddenType::class);
        $builder->add('nickname');
        $builder->add('save', SubmitType::class);
    }
}
"""


def test_a_profile_type_reads_each_field_with_symfonys_control_and_defaults(tmp_path):
    ev = read(tmp_path, "src/Form/UserProfileType.php", PROFILE)
    assert list(forms(ev)) == ["user_profile"]
    form = forms(ev)["user_profile"]
    assert (form.kind, form.location.line) == ("symfony", 16)
    assert [row(f) for f in form.fields] == [
        ("user_profile.email", "email", "input", True, False, "form.email", 20, 19),
        ("user_profile.plainPassword", "password", "input", True, False, None, 21, 19),
        ("user_profile.newsletter", "checkbox", "consent", False, True, "Send me the newsletter", 22, 19),
        ("user_profile.gender", "radio", "input", True, False, None, 27, 19),
        ("user_profile.bio", "textarea", "input", False, False, None, 28, 19),
        ("user_profile.referrer", "hidden", "technical", True, False, None, 29, 19),
        ("user_profile.nickname", "text", "input", True, False, None, 30, 19),
    ]
    assert ev.problems == []
    assert ev.counts == {"form_files": 1, "forms": 1, "form_fields": 7}


def test_chained_adds_keep_their_order_and_each_stands_at_its_add(tmp_path):
    text = """<?php
use Symfony\\Component\\Form\\Extension\\Core\\Type\\TelType;
final class AddressForm extends \\Symfony\\Component\\Form\\AbstractType {
    public function buildForm(FormBuilderInterface $builder, array $options): void {
        $builder
            ->add('street')
            ->add('phone', TelType::class, ['required' => false])
            ->add('country', CountryType::class);
        $builder->remove('street');
    }
}
"""
    ev = read(tmp_path, "AddressForm.php", text.replace("FormBuilderInterface", "Builder"))
    assert [row(f) for f in ev.forms[0].fields] == [
        ("address_form.phone", "tel", "input", False, False, None, 7, 15),
        ("address_form.country", "select", "input", True, False, None, 8, 15),
    ]


def test_block_prefix_names_the_form_and_get_block_prefix_overrides_it(tmp_path):
    assert block_prefix("UserProfileType") == "user_profile"
    assert block_prefix("SelfRegistrationForm") == "self_registration_form"
    assert block_prefix("HTMLEditorType") == "html_editor"
    text = PROFILE.replace(
        "    public function buildForm",
        "    public function getBlockPrefix(): string\n    {\n        return 'profile';\n    }\n\n"
        "    public function buildForm",
    )
    assert list(forms(read(tmp_path, "UserProfileType.php", text))) == ["profile"]


def test_a_field_named_at_runtime_or_typed_at_runtime_is_a_cn001_warning_at_its_add(tmp_path):
    text = """<?php
use Symfony\\Component\\Form\\AbstractType;
class SettingsType extends AbstractType {
    public function buildForm(FormBuilderInterface $builder, array $options): void {
        foreach ($options['names'] as $name) {
            $builder->add($name, TextType::class);
        }
        $builder->add('value', $options['type']);
    }
}
"""
    ev = read(tmp_path, "SettingsType.php", text)
    assert [row(f) for f in ev.forms[0].fields] == [
        ("settings.value", "text", "input", True, False, None, 8, 19)
    ]
    assert [(line, col, sev) for _, line, col, sev, _ in problems(ev)] == [
        (6, 23, Severity.WARNING),
        (8, 32, Severity.WARNING),
    ]
    assert "computed at runtime" in ev.problems[0].message and "$name" in ev.problems[0].message


def test_bases_traits_helpers_and_a_project_types_parent_are_followed(tmp_path):
    write(
        tmp_path,
        "src/Form/Type/YesNoType.php",
        """<?php
namespace App\\Form\\Type;
use Symfony\\Component\\Form\\AbstractType;
use Symfony\\Component\\Form\\Extension\\Core\\Type\\CheckboxType;
final class YesNoType extends AbstractType {
    public function getParent(): string { return CheckboxType::class; }
}
""",
    )
    write(
        tmp_path,
        "src/Form/ContactTrait.php",
        """<?php
namespace App\\Form;
trait ContactTrait {
    protected function addContact(FormBuilderInterface $builder): void {
        $builder->add('phone', PhoneNumberType::class);
    }
}
""",
    )
    write(
        tmp_path,
        "src/Form/BaseCustomerType.php",
        """<?php
namespace App\\Form;
use Symfony\\Component\\Form\\AbstractType;
abstract class BaseCustomerType extends AbstractType {
    use ContactTrait;
    public function buildForm(FormBuilderInterface $builder, array $options): void {
        $builder->add('name');
        $this->addContact($builder);
    }
}
""",
    )
    ev = read(
        tmp_path,
        "src/Form/CustomerType.php",
        """<?php
namespace App\\Form;
use App\\Form\\Type\\YesNoType;
class CustomerType extends BaseCustomerType {
    public function buildForm(FormBuilderInterface $builder, array $options): void {
        parent::buildForm($builder, $options);
        $builder->add('marketing', YesNoType::class, ['data' => true, 'required' => false]);
    }
}
""",
    )
    assert [(f.key, f.control, f.checked, f.location.path) for f in ev.forms[0].fields] == [
        ("customer.name", "text", False, "src/Form/BaseCustomerType.php"),
        ("customer.phone", "tel", False, "src/Form/ContactTrait.php"),
        ("customer.marketing", "checkbox", True, "src/Form/CustomerType.php"),
    ]
    assert forms(read(tmp_path, "src/Form/BaseCustomerType.php")) == {}  # abstract: no form of its own
    bundle = (
        "<?php\nuse Acme\\UserBundle\\BaseProfileType;\nclass ProfileType extends BaseProfileType {\n"
        + (
            "    public function buildForm(FormBuilderInterface $builder, array $options): void {\n"
            "        $builder->add('email');\n    }\n}\n"
        )
    )
    ev = read(tmp_path, "src/Form/ProfileType.php", bundle)  # its own fields read, the base named
    assert [f.key for f in ev.forms[0].fields] == ["profile.email"]
    assert [(p[1], p[2], p[3]) for p in problems(ev)] == [(3, 1, Severity.INFO)]
    assert "extends Acme\\UserBundle\\BaseProfileType, which cnsnt cannot find" in ev.problems[0].message


def test_a_broken_file_is_a_cn001_error_at_its_place_and_the_other_files_are_still_read(tmp_path):
    broken = PROFILE.replace(
        "$builder->add('bio', TextareaType::class", "$builder->add('bio' TextareaType::class"
    )
    write(tmp_path, "src/Form/UserProfileType.php", broken)
    write(tmp_path, "src/Form/AddressType.php", PROFILE.replace("UserProfileType", "AddressType"))
    ev = read(tmp_path, "src/Form/UserProfileType.php")
    assert [(p[0], p[1], p[2], p[3]) for p in problems(ev)] == [
        ("src/Form/UserProfileType.php", 28, 23, None)
    ]
    assert ev.problems[0].message.startswith("PHP syntax error")
    assert "user_profile.email" in {f.key for f in ev.forms[0].fields}  # what parsed is read
    write(
        tmp_path,
        "cnsnt.yaml",
        "cnsnt: 1\ncontroller: {name: A, contact: a@example.com}\n"
        'sources:\n  forms: [{path: "src/Form/*.php"}]\n',
    )
    out = tmp_path / "report.json"
    CliRunner().invoke(app, ["audit", str(tmp_path), "--format", "json", "-o", str(out)])
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["summary"]["sources"]["forms"] == 2
    cn001 = [
        (f["location"]["path"], f["location"]["line"]) for f in report["findings"] if f["rule"] == "CN001"
    ]
    assert cn001 == [("src/Form/UserProfileType.php", 28)]


def test_audit_reports_a_pre_ticked_newsletter_box_of_a_form_type(tmp_path):
    write(tmp_path, "src/Form/UserProfileType.php", PROFILE)
    write(
        tmp_path,
        "cnsnt.yaml",
        "cnsnt: 1\ncontroller: {name: A, contact: a@example.com}\n"
        'sources:\n  forms: [{path: "src/Form/*.php"}]\n'
        "purposes:\n  news:\n    description: News.\n    basis: consent\n"
        "    consent: {form_fields: [user_profile.newsletter]}\n"
        "data:\n  email: {label: E-mail, category: user.contact.email, form_fields: [user_profile.email], "
        "purposes: [news], retention: P1Y}\n",
    )
    out = tmp_path / "report.json"
    CliRunner().invoke(
        app, ["audit", str(tmp_path), "--format", "json", "-o", str(out)], catch_exceptions=False
    )
    found = [f for f in json.loads(out.read_text(encoding="utf-8"))["findings"] if f["rule"] == "CN203"]
    assert [(f["message"], f["location"]) for f in found] == [
        (
            "consent control user_profile.newsletter is checked by default",
            {"path": "src/Form/UserProfileType.php", "line": 22, "column": 19},
        )
    ]


def test_a_php_template_still_goes_to_the_template_reader_and_the_format_is_accepted(tmp_path):
    from cnsnt.policy.loader import load_policy

    ev = read(tmp_path, "signup.php", '<form><input type="email" name="email"></form>\n')
    assert [f.key for f in ev.forms[0].fields] == ["signup.email"]
    assert [f.name for f in read(tmp_path, "profile.inc", PROFILE, fmt="symfony-forms").forms] == [
        "user_profile"
    ]
    write(
        tmp_path,
        "cnsnt.yaml",
        "cnsnt: 1\ncontroller: {name: A, contact: a@example.com}\n"
        'sources:\n  forms: [{path: "*.inc", format: symfony-forms}]\n',
    )
    assert load_policy(tmp_path / "cnsnt.yaml").sources[0].format == "symfony-forms"


def test_init_proposes_the_folders_of_form_types(tmp_path):
    from cnsnt.starter.discover import Found, survey

    write(tmp_path, "src/Form/UserProfileType.php", PROFILE)
    write(tmp_path, "src/Form/AddressType.php", PROFILE.replace("UserProfileType", "AddressType"))
    write(tmp_path, "src/Form/Admin/RoleType.php", PROFILE.replace("UserProfileType", "RoleType"))
    write(tmp_path, "src/Controller/HomeController.php", "<?php\nclass HomeController {}\n")
    write(tmp_path, "tests/Form/FakeType.php", PROFILE.replace("UserProfileType", "FakeType"))
    write(tmp_path, "vendor/acme/Form/VendorType.php", PROFILE.replace("UserProfileType", "VendorType"))
    found, _ = survey(tmp_path)
    assert [f for f in found if f.kind == "forms"] == [Found("forms", "src/Form/**/*.php")]
    result = CliRunner().invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    policy = (tmp_path / "cnsnt.yaml").read_text(encoding="utf-8")
    assert "user_profile.email" in policy and "role.email" in policy


def test_same_input_same_output(tmp_path):
    assert read(tmp_path, "UserProfileType.php", PROFILE) == read(tmp_path, "UserProfileType.php", PROFILE)


def test_a_project_types_configure_options_defaults_apply_where_the_add_sets_none(tmp_path):
    write(
        tmp_path,
        "src/Form/Type/YesNoType.php",
        """<?php
namespace App\\Form\\Type;
use Symfony\\Component\\Form\\AbstractType;
use Symfony\\Component\\Form\\Extension\\Core\\Type\\CheckboxType;
use Symfony\\Component\\OptionsResolver\\OptionsResolver;
class YesNoType extends AbstractType {
    public function configureOptions(OptionsResolver $resolver): void {
        $resolver->setDefaults(['required' => false, 'label' => 'yes.no', 'choices' => $this->choices()]);
        $resolver->setDefault('data', true);
    }
    public function getParent(): string { return CheckboxType::class; }
}
""",
    )
    write(
        tmp_path,
        "src/Form/Type/ConsentType.php",
        """<?php
namespace App\\Form\\Type;
use Symfony\\Component\\Form\\AbstractType;
class ConsentType extends AbstractType {
    public function configureOptions(OptionsResolver $resolver): void {
        $resolver->setDefaults(['label' => 'consent', 'required' => $this->strict]);
    }
    public function getParent(): string { return YesNoType::class; }
}
""",
    )
    ev = read(
        tmp_path,
        "src/Form/SignupType.php",
        """<?php
namespace App\\Form;
use App\\Form\\Type\\ConsentType;
use App\\Form\\Type\\YesNoType;
use Symfony\\Component\\Form\\AbstractType;
class SignupType extends AbstractType {
    public function buildForm(FormBuilderInterface $builder, array $options): void {
        $builder->add('newsletter', YesNoType::class);
        $builder->add('terms', YesNoType::class, ['required' => true, 'label' => 'terms', 'data' => false]);
        $builder->add('marketing', ConsentType::class);
    }
}
""",
    )
    assert [(f.key, f.control, f.required, f.checked, f.label) for f in ev.forms[0].fields] == [
        ("signup.newsletter", "checkbox", False, True, "yes.no"),
        ("signup.terms", "checkbox", True, False, "terms"),
        # ConsentType's own label wins over YesNoType's; its `required` is computed: unknown
        ("signup.marketing", "checkbox", True, True, "consent"),
    ]
    assert [(p[1], p[2], p[3]) for p in problems(ev)] == [(10, 19, Severity.WARNING)]
    assert ev.problems[0].message == (
        "field `marketing` takes its `required` from the default App\\Form\\Type\\ConsentType sets in "
        "configureOptions, computed at runtime: it is read as required (Symfony's default)"
    )
