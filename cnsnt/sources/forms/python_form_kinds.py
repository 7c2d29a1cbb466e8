"""Which classes of Django and WTForms are forms, fields and widgets, and the control each renders.

The tables of the Python form reader (`python_forms`): the `<input type>` (or
`select`, `textarea`) the framework's own widget renders for each field class, so
fields read from Python look like those read from HTML.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Form bases of the frameworks, by the framework's top packages.
DJANGO = "django"
WTFORMS = "wtforms"
_PACKAGES = {"django": DJANGO, "allauth": DJANGO, "wtforms": WTFORMS, "flask_wtf": WTFORMS}

_DJANGO_ROOTS = frozenset({"Form", "ModelForm", "BaseForm", "BaseModelForm"})
_WTFORMS_ROOTS = frozenset({"Form", "BaseForm", "FlaskForm", "SecureForm"})


@dataclass(frozen=True)
class Known:
    """A field a framework's own form declares (`UserCreationForm`'s `password1`)."""

    name: str
    control: str
    required: bool = True
    label: str | None = None


#: Forms of `django.contrib.auth.forms` and django-allauth with the fields they declare.
KNOWN_FORMS: dict[str, tuple[Known, ...]] = {
    "UserCreationForm": (
        Known("username", "text"),
        Known("password1", "password", label="Password"),
        Known("password2", "password", label="Password confirmation"),
    ),
    "AuthenticationForm": (Known("username", "text"), Known("password", "password")),
    "PasswordResetForm": (Known("email", "email", label="Email"),),
    "SetPasswordForm": (Known("new_password1", "password"), Known("new_password2", "password")),
    "PasswordChangeForm": (
        Known("old_password", "password"),
        Known("new_password1", "password"),
        Known("new_password2", "password"),
    ),
    # django-allauth (allauth.account.forms)
    "SignupForm": (
        Known("email", "email", label="Email"),
        Known("username", "text", label="Username"),
        Known("password1", "password", label="Password"),
        Known("password2", "password", label="Password (again)"),
    ),
    "LoginForm": (
        Known("login", "text"),
        Known("password", "password"),
        Known("remember", "checkbox", required=False, label="Remember Me"),
    ),
    "ResetPasswordForm": (Known("email", "email", label="Email"),),
    "AddEmailForm": (Known("email", "email", label="Email"),),
}
KNOWN_FORMS["BaseUserCreationForm"] = KNOWN_FORMS["UserCreationForm"]
KNOWN_FORMS["AdminPasswordChangeForm"] = (
    Known("password1", "password", label="Password"),
    Known("password2", "password", label="Password (again)"),
)
KNOWN_FORMS["UserChangeForm"] = ()  # its one declared field, `password`, shows the hash: no input


@dataclass(frozen=True)
class KnownMeta:
    """The `class Meta` of a ModelForm of `django.contrib.auth.forms`, which a subclass inherits.

    Its `model` is Django's own `auth.User`; `no_input` names fields the form declares
    that render no control (`UserChangeForm.password`, a `ReadOnlyPasswordHashField`).
    """

    fields: str | tuple[str, ...]
    no_input: tuple[str, ...] = ()


#: ModelForms of `django.contrib.auth.forms` and their Meta (django/contrib/auth/forms.py).
KNOWN_META: dict[str, KnownMeta] = {
    "BaseUserCreationForm": KnownMeta(("username",)),
    "UserCreationForm": KnownMeta(("username",)),
    "UserChangeForm": KnownMeta("__all__", no_input=("password",)),
}

#: Django form field class -> the control its default widget renders.
DJANGO_FIELDS: dict[str, str] = {
    "Field": "text",
    "CharField": "text",
    "RegexField": "text",
    "SlugField": "text",
    "UUIDField": "text",
    "GenericIPAddressField": "text",
    "DurationField": "text",
    "DateField": "text",  # DateInput renders type="text"
    "DateTimeField": "text",
    "TimeField": "text",
    "SplitDateTimeField": "text",
    "ComboField": "text",
    "MultiValueField": "text",
    "EmailField": "email",
    "URLField": "url",
    "IntegerField": "number",
    "FloatField": "number",
    "DecimalField": "number",
    "BooleanField": "checkbox",
    "NullBooleanField": "select",
    "ChoiceField": "select",
    "TypedChoiceField": "select",
    "ModelChoiceField": "select",
    "MultipleChoiceField": "select",
    "TypedMultipleChoiceField": "select",
    "ModelMultipleChoiceField": "select",
    "FilePathField": "select",
    "FileField": "file",
    "ImageField": "file",
    "JSONField": "textarea",
}

#: Django widget class -> the control it renders.
DJANGO_WIDGETS: dict[str, str] = {
    "TextInput": "text",
    "DateInput": "text",
    "DateTimeInput": "text",
    "TimeInput": "text",
    "SplitDateTimeWidget": "text",
    "EmailInput": "email",
    "URLInput": "url",
    "NumberInput": "number",
    "PasswordInput": "password",
    "HiddenInput": "hidden",
    "MultipleHiddenInput": "hidden",
    "SplitHiddenDateTimeWidget": "hidden",
    "Textarea": "textarea",
    "CheckboxInput": "checkbox",
    "Select": "select",
    "SelectMultiple": "select",
    "NullBooleanSelect": "select",
    "SelectDateWidget": "select",
    "RadioSelect": "radio",
    "CheckboxSelectMultiple": "checkbox",
    "FileInput": "file",
    "ClearableFileInput": "file",
}

#: WTForms (and Flask-WTF) field class -> the control its default widget renders;
#: `submit` is a button (no field), `formfield`/`fieldlist` nest fields cnsnt does not read.
WTFORMS_FIELDS: dict[str, str] = {
    "Field": "text",
    "StringField": "text",
    "TextField": "text",
    "TextAreaField": "textarea",
    "PasswordField": "password",
    "HiddenField": "hidden",
    "BooleanField": "checkbox",
    "SelectField": "select",
    "SelectMultipleField": "select",
    "QuerySelectField": "select",
    "QuerySelectMultipleField": "select",
    "RadioField": "radio",
    "SubmitField": "submit",
    "DateField": "date",
    "DateTimeField": "datetime",
    "DateTimeLocalField": "datetime-local",
    "TimeField": "time",
    "MonthField": "month",
    "WeekField": "week",
    "IntegerField": "number",
    "DecimalField": "number",
    "FloatField": "number",
    "IntegerRangeField": "range",
    "DecimalRangeField": "range",
    "EmailField": "email",
    "TelField": "tel",
    "URLField": "url",
    "SearchField": "search",
    "ColorField": "color",
    "FileField": "file",
    "MultipleFileField": "file",
    "RecaptchaField": "hidden",
    "FormField": "formfield",
    "FieldList": "fieldlist",
}

#: WTForms widget class -> control (`widget=TextArea()`).
WTFORMS_WIDGETS: dict[str, str] = {
    "TextInput": "text",
    "TextArea": "textarea",
    "PasswordInput": "password",
    "HiddenInput": "hidden",
    "CheckboxInput": "checkbox",
    "Select": "select",
    "RadioInput": "radio",
    "FileInput": "file",
    "EmailInput": "email",
    "TelInput": "tel",
    "DateInput": "date",
    "NumberInput": "number",
    "URLInput": "url",
}

#: Validators that make a WTForms field required.
WTFORMS_REQUIRED = frozenset({"DataRequired", "InputRequired", "Required", "data_required", "input_required"})

#: Django model field class -> the control of the form field a ModelForm makes of it.
MODEL_FIELDS: dict[str, str] = {
    "CharField": "text",
    "SlugField": "text",
    "TextField": "textarea",
    "EmailField": "email",
    "URLField": "url",
    "BooleanField": "checkbox",
    "NullBooleanField": "select",
    "IntegerField": "number",
    "BigIntegerField": "number",
    "SmallIntegerField": "number",
    "PositiveIntegerField": "number",
    "PositiveBigIntegerField": "number",
    "PositiveSmallIntegerField": "number",
    "FloatField": "number",
    "DecimalField": "number",
    "DateField": "text",
    "DateTimeField": "text",
    "TimeField": "text",
    "DurationField": "text",
    "FileField": "file",
    "ImageField": "file",
    "FilePathField": "select",
    "ForeignKey": "select",
    "OneToOneField": "select",
    "ManyToManyField": "select",
    "JSONField": "textarea",
    "PhoneNumberField": "tel",
}
#: Model fields a ModelForm never shows.
MODEL_NOT_EDITABLE = frozenset({"AutoField", "BigAutoField", "SmallAutoField", "GeneratedField"})

#: Fields of Django's `auth.User` a ModelForm of it may list (others are text).
AUTH_USER_FIELDS: dict[str, str] = {
    "username": "text",
    "first_name": "text",
    "last_name": "text",
    "email": "email",
    "password": "password",
    "is_staff": "checkbox",
    "is_active": "checkbox",
    "is_superuser": "checkbox",
    "last_login": "text",
    "date_joined": "text",
}

#: Words in the name of a field class no table knows (a third-party `PhoneNumberField`).
_NAME_CONTROLS = (
    ("captcha", "hidden"),
    ("email", "email"),
    ("phone", "tel"),
    ("tel", "tel"),
    ("password", "password"),
    ("boolean", "checkbox"),
    ("checkbox", "checkbox"),
    ("choice", "select"),
    ("select", "select"),
    ("file", "file"),
    ("image", "file"),
    ("url", "url"),
    ("textarea", "textarea"),
)


def framework_of(dotted_name: str) -> str | None:
    """`django` or `wtforms` for a dotted name outside the project, by its top package."""
    return _PACKAGES.get(dotted_name.partition(".")[0])


def is_form_root(dotted_name: str) -> str | None:
    """The framework whose form base `dotted_name` is (`django.forms.Form`), or None."""
    framework = framework_of(dotted_name)
    last = dotted_name.rpartition(".")[2]
    if framework == DJANGO and (last in _DJANGO_ROOTS or last in KNOWN_FORMS):
        return DJANGO if ".forms" in dotted_name or dotted_name.startswith("allauth.") else None
    if framework == WTFORMS and last in _WTFORMS_ROOTS:
        return WTFORMS
    return None


def field_control(framework: str, dotted_name: str) -> str | None:
    """The control of a framework's field class (`django.forms.EmailField` -> `email`), or None."""
    last = dotted_name.rpartition(".")[2]
    if framework_of(dotted_name) != framework:
        return None
    if framework == DJANGO:
        return DJANGO_FIELDS.get(last) if ".forms" in dotted_name else None
    return WTFORMS_FIELDS.get(last)


def widget_control(dotted_name: str) -> str | None:
    """The control a framework's widget class renders (`forms.Textarea` -> `textarea`), or None."""
    last = dotted_name.rpartition(".")[2]
    framework = framework_of(dotted_name)
    if framework == DJANGO:
        return DJANGO_WIDGETS.get(last)
    if framework == WTFORMS:
        return WTFORMS_WIDGETS.get(last)
    return None


def control_by_name(class_name: str) -> str:
    """The control of a field class no table knows, from the words of its name; else text."""
    lowered = class_name.lower()
    return next((control for word, control in _NAME_CONTROLS if word in lowered), "text")
