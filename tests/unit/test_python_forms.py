"""Django forms and WTForms / Flask-WTF form classes, read from Python with `ast`.

The fixtures are written here, in the shapes of a Django shop's sign-up, profile and
contact forms and a Flask forum's registration form.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.evidence import Evidence, FieldRole, Form, FormField
from cnsnt.model import Severity
from cnsnt.sources.forms.python_forms import form_name


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def read(tmp_path: Path, name: str, text: str) -> Evidence:
    """Read a Python file as a forms source whose policy sits in tmp_path (the project root)."""
    from cnsnt.model import Location
    from cnsnt.policy.model import SourceSpec
    from cnsnt.sources.base import SourceContext
    from cnsnt.sources.forms.reader import read_forms

    path = write(tmp_path, name, text)
    spec = SourceSpec("forms", name, tmp_path, Location("cnsnt.yaml", 1, 1))
    return read_forms(path, spec, SourceContext(base_dir=tmp_path))


def forms(ev: Evidence) -> dict[str, Form]:
    return {f.name: f for f in ev.forms}


def fields(form: Form) -> dict[str | None, FormField]:
    return {f.name: f for f in form.fields}


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


def problems(ev: Evidence) -> list[tuple[str | None, int | None, int | None, str]]:
    return [(p.location.path, p.location.line, p.location.column, p.message) for p in ev.problems]


DJANGO_SIGNUP = """\
from django import forms
from django.utils.translation import gettext_lazy as _


class SignupForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    password = forms.CharField(widget=forms.PasswordInput)
    bio = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    newsletter = forms.BooleanField(initial=True, required=False, label=_("Send me offers"))
    terms = forms.BooleanField(label="I accept the terms")
    next = forms.CharField(widget=forms.HiddenInput())
    country = forms.ChoiceField(choices=[("it", "Italy")], widget=forms.RadioSelect)
    born = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    partner_offers_opt_in = forms.BooleanField(required=False, widget=forms.CheckboxInput(attrs={"checked": True}))
    topics = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple, required=False)
"""


def test_django_fields_render_as_their_widgets_with_required_label_and_ticks(tmp_path):
    ev = read(tmp_path, "forms.py", DJANGO_SIGNUP)
    (form,) = ev.forms
    assert (form.name, form.kind, form.location.line, form.location.column) == ("signup", "django", 5, 1)
    assert [row(f) for f in form.fields] == [
        ("signup.email", "email", "input", True, False, "E-mail", 6, 5),
        ("signup.password", "password", "input", True, False, None, 7, 5),
        ("signup.bio", "textarea", "input", False, False, None, 8, 5),
        ("signup.newsletter", "checkbox", "consent", False, True, "Send me offers", 9, 5),
        # Django's default: a BooleanField without required=False must be ticked
        ("signup.terms", "checkbox", "consent", True, False, "I accept the terms", 10, 5),
        ("signup.next", "hidden", "technical", True, False, None, 11, 5),
        ("signup.country", "radio", "input", True, False, None, 12, 5),
        ("signup.born", "date", "input", False, False, None, 13, 5),
        ("signup.partner_offers_opt_in", "checkbox", "consent", False, True, None, 14, 5),
        ("signup.topics", "checkbox", "input", False, False, None, 15, 5),
    ]
    assert ev.problems == []


def test_form_names_follow_the_class():
    assert [form_name(n) for n in ("SignupForm", "ContactUsForm", "Form", "Profile", "HTMLForm")] == [
        "signup",
        "contact_us",
        "form",
        "profile",
        "html",
    ]


def test_bases_and_field_classes_of_other_project_modules_are_followed(tmp_path):
    write(tmp_path, "core/__init__.py", "")
    write(
        tmp_path,
        "core/forms.py",
        "from django import forms\n\n\n"
        "class LowercaseEmailField(forms.EmailField):\n    pass\n\n\n"
        "class BaseContactForm(forms.Form):\n    name = forms.CharField(max_length=60)\n",
    )
    write(tmp_path, "shop/__init__.py", "")
    ev = read(
        tmp_path,
        "shop/forms.py",
        "from core.forms import BaseContactForm, LowercaseEmailField\n\n\n"
        "class ContactForm(BaseContactForm):\n    email = LowercaseEmailField()\n"
        "    message = BaseContactForm.declared\n",
    )
    (form,) = ev.forms
    assert [row(f) for f in form.fields] == [
        ("contact.name", "text", "input", True, False, None, 9, 5),
        ("contact.email", "email", "input", True, False, None, 5, 5),
    ]
    assert form.fields[0].location.path == "core/forms.py"
    assert form.fields[1].location.path == "shop/forms.py"


MODELS = """\
from django.db import models


class Stamped(models.Model):
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class Customer(Stamped):
    name = models.CharField("Full name", max_length=100)
    bio = models.TextField(blank=True)
    newsletter = models.BooleanField(default=True, verbose_name="Newsletter")
    city = models.ForeignKey("City", on_delete=models.CASCADE)
    secret = models.CharField(max_length=10, editable=False)
"""


def test_model_form_takes_meta_fields_from_the_apps_models(tmp_path):
    write(tmp_path, "shop/models.py", MODELS)
    ev = read(
        tmp_path,
        "shop/forms.py",
        "from django import forms\n\nfrom .models import Customer\n\n\n"
        "class ProfileForm(forms.ModelForm):\n"
        "    phone = forms.CharField(required=False)\n\n"
        "    class Meta:\n"
        "        model = Customer\n"
        '        fields = ("name", "bio", "newsletter", "city")\n'
        '        widgets = {"name": forms.Textarea}\n'
        '        labels = {"bio": _("About you")}\n\n\n'
        "class EverythingForm(forms.ModelForm):\n"
        "    class Meta:\n"
        "        model = Customer\n"
        '        fields = "__all__"\n'
        '        exclude = ["city"]\n',
    )
    profile, everything = ev.forms
    assert [row(f) for f in profile.fields] == [
        ("profile.name", "textarea", "input", True, False, "Full name", 11, 19),
        ("profile.bio", "textarea", "input", False, False, "About you", 11, 27),
        # a model BooleanField(default=True) is a box ticked in advance, and optional
        ("profile.newsletter", "checkbox", "consent", False, True, "Newsletter", 11, 34),
        ("profile.city", "select", "input", True, False, None, 11, 48),
        ("profile.phone", "text", "input", False, False, None, 7, 5),
    ]
    # `__all__`: every editable field where the model declares it (auto and not editable ones left out)
    assert [(f.name, f.location.path, f.location.line) for f in everything.fields] == [
        ("name", "shop/models.py", 12),
        ("bio", "shop/models.py", 13),
        ("newsletter", "shop/models.py", 14),
    ]
    assert ev.problems == []


def test_a_model_that_cannot_be_found_gives_text_fields_or_a_warning(tmp_path):
    ev = read(
        tmp_path,
        "forms.py",
        "from django import forms\nfrom django.contrib.auth.models import User\n"
        "from payments.models import Card\n\n\n"
        "class CardForm(forms.ModelForm):\n    class Meta:\n        model = Card\n"
        '        fields = ["holder", "number"]\n\n\n'
        "class AllCardForm(forms.ModelForm):\n    class Meta:\n        model = Card\n"
        '        fields = "__all__"\n\n\n'
        "class UserForm(forms.ModelForm):\n    class Meta:\n        model = User\n"
        '        fields = ["first_name", "email"]\n',
    )
    assert [[row(f) for f in form.fields] for form in ev.forms] == [
        [
            ("card.holder", "text", "input", False, False, None, 9, 19),
            ("card.number", "text", "input", False, False, None, 9, 29),
        ],
        [
            ("user.first_name", "text", "input", False, False, None, 21, 19),
            ("user.email", "email", "input", False, False, None, 21, 33),
        ],
    ]
    assert problems(ev) == [
        (
            "forms.py",
            15,
            18,
            'form AllCardForm takes every field of model `Card` (`fields = "__all__"` or only `exclude`), '
            "which cnsnt cannot find in the project: its fields are not read",
        )
    ]
    assert [p.fix for p in ev.problems] == ["list the fields in Meta.fields, or in the policy by hand"]
    assert all(p.severity is Severity.WARNING for p in ev.problems)


def test_a_field_of_a_model_base_that_cannot_be_read_is_kept_or_named(tmp_path):
    """A model whose base cnsnt cannot read (`AbstractBaseUser`, a third-party `TimeStampedModel`)
    may declare more fields: one that Meta.fields lists is a text field, not dropped as if
    Django had no such field; `__all__` is a warning at its place."""
    write(
        tmp_path,
        "app/models.py",
        "from django.db import models\n"
        "from django.contrib.auth.models import AbstractBaseUser\n"
        "from model_utils.models import TimeStampedModel\n\n\n"
        "class User(AbstractBaseUser):\n    email = models.EmailField(unique=True)\n\n\n"
        "class Lead(TimeStampedModel):\n    name = models.CharField(max_length=50)\n",
    )
    ev = read(
        tmp_path,
        "app/forms.py",
        "from django import forms\n\nfrom .models import Lead, User\n\n\n"
        "class AccountForm(forms.ModelForm):\n    class Meta:\n        model = User\n"
        '        fields = ["email", "password", "nickname"]\n\n\n'
        "class LeadForm(forms.ModelForm):\n    class Meta:\n        model = Lead\n"
        '        fields = "__all__"\n',
    )
    account, lead = ev.forms
    assert [(f.name, f.control) for f in account.fields] == [
        ("email", "email"),
        ("password", "text"),
        ("nickname", "text"),
    ]
    assert [f.name for f in lead.fields] == ["name"]
    assert [(line, col, message.split(":")[0]) for _, line, col, message in problems(ev)] == [
        (
            15,
            18,
            "form LeadForm takes every field of model `Lead`, a base of which cnsnt cannot find in the project",
        ),
    ]


def test_init_methods_add_tick_and_remove_fields_and_computed_names_are_named(tmp_path):
    ev = read(
        tmp_path,
        "forms.py",
        "from django import forms\n\n\n"
        "class JoinForm(forms.Form):\n"
        "    email = forms.EmailField()\n"
        "    marketing = forms.BooleanField(required=False)\n"
        "    nickname = forms.CharField()\n\n"
        "    def __init__(self, *args, extra=(), **kwargs):\n"
        "        super().__init__(*args, **kwargs)\n"
        '        self.fields["phone"] = forms.CharField(required=False, label="Phone")\n'
        '        self.fields["marketing"].initial = True\n'
        '        self.fields["email"].required = False\n'
        '        del self.fields["nickname"]\n'
        "        for name in extra:\n"
        "            self.fields[name] = forms.CharField()\n"
        "            self.fields[name].initial = True\n",
    )
    (form,) = ev.forms
    assert [row(f) for f in form.fields] == [
        ("join.email", "email", "input", False, False, None, 5, 5),
        ("join.marketing", "checkbox", "consent", False, True, None, 6, 5),
        ("join.phone", "text", "input", False, False, "Phone", 11, 9),
    ]
    assert [(line, col) for _, line, col, _ in problems(ev)] == [(16, 13), (17, 13)]
    assert "`self.fields[name]`, a name computed at runtime" in problems(ev)[0][3]


FLASK = """\
from flask_babelplus import lazy_gettext as _
from flask_wtf import FlaskForm
from wtforms import BooleanField, FormField, HiddenField, PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, InputRequired


class RegisterForm(FlaskForm):
    username = StringField(_("Username"), validators=[DataRequired()])
    email = StringField("Email address", validators=[DataRequired(), Email()])
    password = PasswordField(label="Password", validators=[InputRequired()])
    about = StringField("About", render_kw={"type": "textarea"})
    accept_tos = BooleanField(_("I accept the Terms of Service"), validators=[DataRequired()], default=True)
    newsletter = BooleanField("Newsletter")
    token = HiddenField()
    address = FormField(object)
    submit = SubmitField("Register")
    if True:
        invite = StringField("Invite code")


def build():
    class Dynamic(FlaskForm):
        pass
    setattr(Dynamic, "x", StringField("x"))
"""


def test_wtforms_fields_labels_validators_and_defaults(tmp_path):
    ev = read(tmp_path, "auth/forms.py", FLASK)
    (form,) = ev.forms
    assert (form.name, form.kind) == ("register", "wtforms")
    assert [row(f) for f in form.fields] == [
        ("register.username", "text", "input", True, False, "Username", 8, 5),
        ("register.email", "text", "input", True, False, "Email address", 9, 5),
        ("register.password", "password", "input", True, False, "Password", 10, 5),
        ("register.about", "textarea", "input", False, False, "About", 11, 5),
        ("register.accept_tos", "checkbox", "consent", True, True, "I accept the Terms of Service", 12, 5),
        ("register.newsletter", "checkbox", "consent", False, False, "Newsletter", 13, 5),
        ("register.token", "hidden", "technical", False, False, None, 14, 5),
    ]
    assert [(line, col, message.split(" ", 3)[:3]) for _, line, col, message in problems(ev)] == [
        (15, 15, ["`FormField(...)`", "nests", "fields"]),
        (18, 18, ["`StringField(...)`", "inside", "`if`"]),
        (24, 27, ["`StringField(...)`", "in", "a"]),
    ]
    assert all(p.severity is Severity.WARNING for p in ev.problems)


def test_a_truthy_default_ticks_a_box_as_the_framework_renders_it(tmp_path):
    """WTForms' BooleanField ticks any truthy default (`default="checked"`, a common idiom);
    Django's CheckboxInput any initial but False, None and "" (`initial=1`); a falsy one none."""
    ev = read(
        tmp_path,
        "forms.py",
        "from django import forms\nfrom flask_wtf import FlaskForm\nfrom wtforms import BooleanField\n\n\n"
        "class ProfileForm(forms.Form):\n"
        "    newsletter = forms.BooleanField(initial=1, required=False)\n"
        "    offers = forms.BooleanField(initial='', required=False)\n\n\n"
        "class RegisterForm(FlaskForm):\n"
        "    newsletter = BooleanField('Newsletter', default='checked')\n"
        "    offers = BooleanField('Offers', default=0)\n",
    )
    ticked = {f.key: f.checked for form in ev.forms for f in form.fields}
    assert ticked == {
        "profile.newsletter": True,
        "profile.offers": False,
        "register.newsletter": True,
        "register.offers": False,
    }


def test_a_checked_attribute_of_any_value_but_false_ticks_the_box(tmp_path):
    """Django's widget attrs and WTForms' `render_kw` render any `checked` but False as the
    attribute: `attrs={"checked": ""}` (found in real forms) ticks the box as `"checked"` does."""
    ev = read(
        tmp_path,
        "forms.py",
        "from django import forms\nfrom flask_wtf import FlaskForm\nfrom wtforms import BooleanField\n\n\n"
        "class ProfileForm(forms.Form):\n"
        "    newsletter = forms.BooleanField(required=False, widget=forms.CheckboxInput(attrs={'checked': ''}))\n"
        "    offers = forms.BooleanField(required=False, widget=forms.CheckboxInput(attrs={'checked': False}))\n\n\n"
        "class RegisterForm(FlaskForm):\n"
        "    newsletter = BooleanField('Newsletter', render_kw={'checked': 'on'})\n",
    )
    ticked = {f.key: f.checked for form in ev.forms for f in form.fields}
    assert ticked == {"profile.newsletter": True, "profile.offers": False, "register.newsletter": True}


def test_a_base_that_cannot_be_found_is_named_and_the_own_fields_still_read(tmp_path):
    ev = read(
        tmp_path,
        "forms.py",
        "from django import forms\nfrom registration.forms import RegistrationForm\n\n"
        "BaseForm = make_base()\n\n\n"
        "class SignupForm(RegistrationForm):\n    company = forms.CharField()\n\n\n"
        "class OtherForm(BaseForm):\n    phone = forms.CharField()\n\n\n"
        "class NotAForm(object):\n    limit = 3\n",
    )
    assert [f.key for form in ev.forms for f in form.fields] == ["signup.company", "other.phone"]
    assert [(line, col, msg[:60]) for _, line, col, msg in problems(ev)] == [
        (7, 18, "base class `RegistrationForm` of form SignupForm cannot be f"),
        (11, 17, "base class `BaseForm` of form OtherForm cannot be found in t"),
    ]


def test_django_auth_and_allauth_bases_lend_their_fields(tmp_path):
    ev = read(
        tmp_path,
        "forms.py",
        "from allauth.account.forms import SignupForm\n"
        "from django.contrib.auth.forms import UserCreationForm\n\n\n"
        "class MySignupForm(SignupForm):\n    marketing = forms.BooleanField(initial=True)\n\n\n"
        "class RegisterForm(UserCreationForm):\n    pass\n",
    )
    assert [[f.name for f in form.fields] for form in ev.forms] == [
        ["email", "username", "password1", "password2", "marketing"],
        ["username", "password1", "password2"],
    ]


#: A cookiecutter-django `users/forms.py`: Django's auth forms subclassed for the
#: project's user model, their Meta subclassed too (the shape of SME-PortalCadastroAluno's).
AUTH_SUBCLASSES = """\
from django.contrib.auth import get_user_model, forms

User = get_user_model()


class UserChangeForm(forms.UserChangeForm):
    class Meta(forms.UserChangeForm.Meta):
        model = User


class UserCreationForm(forms.UserCreationForm):
    class Meta(forms.UserCreationForm.Meta):
        model = User
"""


def test_a_subclass_of_user_change_form_takes_the_fields_its_meta_inherits(tmp_path):
    """`UserChangeForm.Meta` has `fields = "__all__"` (its `password` shows the hash, no
    input); `UserCreationForm.Meta` `fields = ("username",)`. `get_user_model()` is the
    model the settings name, found in the project."""
    write(tmp_path, "manage.py", 'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")\n')
    write(tmp_path, "config/settings.py", 'AUTH_USER_MODEL = "users.User"\n')
    write(
        tmp_path,
        "users/models.py",
        "from django.contrib.auth.models import AbstractUser\nfrom django.db import models\n\n\n"
        "class User(AbstractUser):\n    cpf = models.CharField('CPF', max_length=11)\n"
        "    token = models.CharField(max_length=9, editable=False)\n",
    )
    ev = read(tmp_path, "users/forms.py", AUTH_SUBCLASSES)
    found = forms(ev)
    assert sorted(found) == ["user_change", "user_creation"]
    change = fields(found["user_change"])
    assert "password" not in change and "token" not in change
    assert {"username", "email", "first_name", "cpf"} <= set(change)
    assert change["cpf"].label == "CPF" and change["email"].control == "email"
    assert [f.name for f in found["user_creation"].fields] == ["username", "password1", "password2"]
    assert ev.problems == []


def test_a_user_change_form_whose_model_cannot_be_found_is_a_warning_at_its_meta(tmp_path):
    write(tmp_path, "manage.py", 'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")\n')
    write(tmp_path, "config/settings.py", 'AUTH_USER_MODEL = "accounts.Member"\n')
    ev = read(tmp_path, "users/forms.py", AUTH_SUBCLASSES)
    assert [form.name for form in ev.forms] == ["user_creation"]
    assert problems(ev) == [
        (
            "users/forms.py",
            7,
            16,
            'form UserChangeForm takes every field of model `User` (`fields = "__all__"` inherited '
            "from the Meta of django.contrib.auth's form), which cnsnt cannot find in the project: "
            "its fields are not read",
        )
    ]
    assert ev.problems[0].severity is Severity.WARNING
    assert ev.problems[0].fix == "list the fields in Meta.fields, or in the policy by hand"


def test_a_user_change_form_of_django_s_own_user_and_an_unknown_auth_form_are_never_dropped(tmp_path):
    ev = read(
        tmp_path,
        "forms.py",
        "from django.contrib.auth.forms import UserChangeForm, SomeNewForm\n\n\n"
        "class StaffForm(UserChangeForm):\n    pass\n\n\n"
        "class NewForm(SomeNewForm):\n    pass\n\n\n"
        "class NickForm(SomeNewForm):\n    nick = forms.CharField()\n",
    )
    assert [form.name for form in ev.forms] == ["staff", "nick"]
    staff = fields(forms(ev)["staff"])
    assert "password" not in staff and {"username", "email", "is_staff"} <= set(staff)
    assert [(line, msg) for _, line, _, msg in problems(ev)] == [
        (8, "base class `SomeNewForm` of form NewForm is a form of django whose fields cnsnt does not "
            "know: the fields it declares are not read"),
        (12, "base class `SomeNewForm` of form NickForm is a form of django whose fields cnsnt does "
             "not know: the fields it declares are not read"),
    ]


def test_django_s_idiom_for_a_custom_user_adds_to_the_fields_of_user_creation_form(tmp_path):
    ev = read(
        tmp_path,
        "forms.py",
        "from django.contrib.auth.forms import UserCreationForm\n\n\n"
        "class SignupForm(UserCreationForm):\n"
        "    class Meta(UserCreationForm.Meta):\n"
        '        fields = UserCreationForm.Meta.fields + ("email",)\n',
    )
    assert [f.name for f in ev.forms[0].fields] == ["username", "email", "password1", "password2"]
    assert ev.problems == []


def test_a_syntax_error_is_a_source_problem_at_its_place(tmp_path):
    from cnsnt.errors import SourceError

    try:
        read(tmp_path, "forms.py", "from django import forms\n\nclass A(forms.Form):\n    x = (\n")
    except SourceError as exc:
        assert exc.location is not None and (exc.location.path, exc.location.line) == ("forms.py", 4)
        assert exc.message.endswith("no form of this file was read")
    else:
        raise AssertionError("no SourceError")


def test_same_input_same_output(tmp_path):
    first = read(tmp_path, "forms.py", FLASK + DJANGO_SIGNUP.replace("from django", "from django", 1))
    second = read(tmp_path, "forms.py", FLASK + DJANGO_SIGNUP)
    assert first == second


def test_audit_reports_a_pre_ticked_box_of_a_django_form(tmp_path):
    write(tmp_path, "app/forms.py", DJANGO_SIGNUP)
    write(
        tmp_path,
        "cnsnt.yaml",
        "cnsnt: 1\ncontroller: {name: A, contact: a@example.com}\n"
        'sources:\n  forms: [{path: "app/forms.py"}]\n'
        "purposes:\n  news:\n    description: News.\n    basis: consent\n"
        "    consent: {form_fields: [signup.newsletter]}\n"
        "data:\n  email: {label: E-mail, category: user.contact.email, form_fields: [signup.email], "
        "purposes: [news], retention: P1Y}\n",
    )
    out = tmp_path / "report.json"
    CliRunner().invoke(
        app, ["audit", str(tmp_path), "--format", "json", "-o", str(out)], catch_exceptions=False
    )
    found = [f for f in json.loads(out.read_text(encoding="utf-8"))["findings"] if f["rule"] == "CN203"]
    assert [(f["message"], f["location"]) for f in found] == [
        (
            "consent control signup.newsletter is checked by default",
            {"path": "app/forms.py", "line": 9, "column": 5},
        ),
        (
            "consent control signup.partner_offers_opt_in is checked by default",
            {"path": "app/forms.py", "line": 14, "column": 5},
        ),
    ]


def test_time_is_linear_in_classes_and_fields(tmp_path):
    from tests.hostile.growth import assert_linear

    def many(n: int) -> str:
        head = "from django import forms\n\n"
        body = "".join(
            f"class F{i}Form(forms.Form):\n    a{i} = forms.CharField()\n    b{i} = forms.BooleanField()\n"
            f"    def __init__(self):\n        self.fields['c'] = forms.CharField()\n"
            for i in range(n)
        )
        return head + body

    ev = read(tmp_path, "small.py", many(3))
    assert [len(f.fields) for f in ev.forms] == [3, 3, 3]
    assert_linear(lambda text: read(tmp_path, "g.py", text), many, 400)


def test_consent_roles_of_django_and_wtforms_fields(tmp_path):
    ev = read(tmp_path, "forms.py", FLASK)
    roles = {f.name: f.role for f in ev.forms[0].fields}
    assert roles["accept_tos"] is FieldRole.CONSENT and roles["username"] is FieldRole.INPUT


def test_an_overridden_django_field_keeps_its_place_and_a_plain_mixin_is_no_missing_base(tmp_path):
    write(
        tmp_path,
        "core/mixins.py",
        "class PhoneMixin(object):\n    def __init__(self):\n        for name in NAMES:\n"
        "            self.fields[name] = make()\n",
    )
    ev = read(
        tmp_path,
        "forms.py",
        "from django import forms\nfrom django.contrib.auth.forms import AuthenticationForm\n"
        "from core.mixins import PhoneMixin\n\n\n"
        "class LoginForm(PhoneMixin, AuthenticationForm):\n"
        '    username = forms.EmailField(label="Email address")\n\n\n'
        "class OtherLoginForm(PhoneMixin, AuthenticationForm):\n    pass\n",
    )
    assert [[(f.name, f.control, f.location.line) for f in form.fields] for form in ev.forms] == [
        [("username", "email", 7), ("password", "password", 6)],
        [("username", "text", 10), ("password", "password", 10)],
    ]
    # the mixin's runtime names: said once, where the mixin writes them, for both forms
    assert problems(ev) == [
        (
            "core/mixins.py",
            4,
            13,
            "a field of form PhoneMixin is added as `self.fields[name]`, a name computed at runtime: "
            "it is not read",
        )
    ]


def test_a_plain_mixins_fields_are_no_django_form_fields_but_a_form_bases_are(tmp_path):
    """Django's form metaclass collects fields only from bases that are forms (with
    `declared_fields`): a plain mixin's `email` is no field of the form (its `x = None` still
    removes one), a base form's `phone` is; WTForms collects a mixin's fields too (`dir(cls)`)."""
    ev = read(
        tmp_path,
        "forms.py",
        "from django import forms\nimport wtforms\n\n\n"
        "class ContactMixin:\n    email = forms.EmailField()\n    nickname = None\n\n\n"
        "class BaseProfileForm(forms.Form):\n    phone = forms.CharField()\n    nickname = forms.CharField()\n\n\n"
        "class SignupForm(ContactMixin, forms.Form):\n    name = forms.CharField()\n\n\n"
        "class ProfileForm(ContactMixin, BaseProfileForm):\n    bio = forms.CharField()\n\n\n"
        "class NewsletterMixin(object):\n    topic = wtforms.StringField()\n\n\n"
        "class NewsletterForm(NewsletterMixin, wtforms.Form):\n    email = wtforms.EmailField()\n",
    )
    assert {name: [f.name for f in form.fields] for name, form in forms(ev).items()} == {
        "base_profile": ["phone", "nickname"],
        "signup": ["name"],
        "profile": ["phone", "bio"],
        "newsletter": ["topic", "email"],
    }
    assert problems(ev) == []  # the mixin's field call is read (Django's answer), not unknown


def test_format_python_forms_reads_a_file_of_any_name_and_the_policy_accepts_it(tmp_path):
    from cnsnt.policy.loader import load_policy
    from tests.conftest import read_form

    path = write(tmp_path, "signup_forms.inc", DJANGO_SIGNUP)
    assert [f.name for f in read_form(path, fmt="python-forms").forms] == ["signup"]
    write(
        tmp_path,
        "cnsnt.yaml",
        "cnsnt: 1\ncontroller: {name: A, contact: a@example.com}\n"
        'sources:\n  forms: [{path: "*.inc", format: python-forms}]\n',
    )
    assert load_policy(tmp_path / "cnsnt.yaml").sources[0].format == "python-forms"
