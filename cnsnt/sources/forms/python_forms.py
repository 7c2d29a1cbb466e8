"""Form classes in Python: Django forms and WTForms / Flask-WTF, read with `ast` (never imported).

A Django template that prints `{{ form.as_p }}` or `{% crispy form %}` holds no field:
they are declared in `forms.py`. This reader reads them there.

Forms. A top-level class is a form when its bases lead, through classes of the same
file or of the project's modules (`python_modules`), to `django.forms.Form`,
`ModelForm` (`from django import forms` / `from django.forms import Form`),
`django.contrib.auth`'s forms, django-allauth's forms, `wtforms.Form` or
`flask_wtf.FlaskForm`. The form is named after its class, without a trailing `Form`,
in snake case, as its template's file would name an HTML form: `SignupForm` ->
`signup`, `ContactUsForm` -> `contact_us` (a field key is `signup.email`). It stands at
the class line; each field at its assignment's line and column.

Fields, and the control each renders (the framework's default widget):

- Django: `CharField`, `SlugField`, `RegexField`, `UUIDField`, and `DateField`,
  `DateTimeField`, `TimeField` (Django's `DateInput` renders `type="text"`) text;
  `EmailField` email; `URLField` url; `IntegerField`, `FloatField`, `DecimalField`
  number; `BooleanField` checkbox; `ChoiceField`, `TypedChoiceField`, `ModelChoiceField`,
  `MultipleChoiceField`, `ModelMultipleChoiceField`, `NullBooleanField` select;
  `FileField`, `ImageField` file; `JSONField` textarea.
- WTForms: `StringField` text; `TextAreaField` textarea; `PasswordField` password;
  `HiddenField` hidden; `BooleanField` checkbox; `SelectField`, `SelectMultipleField`
  select; `RadioField` radio; `EmailField`, `TelField`, `URLField`, `SearchField` email,
  tel, url, search; `IntegerField`, `DecimalField`, `FloatField` number; `DateField`,
  `DateTimeLocalField`, `TimeField` date, datetime-local, time (WTForms 3 renders them
  so); `FileField`, `MultipleFileField` file; Flask-WTF's `RecaptchaField` hidden.

`widget=` changes the control: `forms.Textarea` textarea, `PasswordInput` password,
`HiddenInput` hidden, `RadioSelect` radio, `CheckboxSelectMultiple` checkbox,
`EmailInput` email, ... and `attrs={"type": "date"}` the type. A field class of the
project (`class LowercaseEmailField(forms.EmailField)`) renders as its framework base;
a third-party one (`PhoneNumberField`) by the words of its name, else text. A
WTForms `SubmitField` is a button, no field; a hidden field (CSRF, captcha) is technical.

Required: Django's default is required (`required=False` makes it optional, so a
`BooleanField()` without it must be ticked to submit the form); WTForms' when a
`DataRequired()`/`InputRequired()` validator is given. Label: `label=` or (WTForms) the
first positional argument, a literal or the literal inside `_("...")`/`gettext_lazy`.
Pre-ticked: `initial=True` (Django), `default=True` (WTForms), `attrs`/`render_kw`
with `checked`, `self.fields["x"].initial = True` or `self.initial["x"] = True` in a method.

ModelForm: `class Meta: model = Profile; fields = [...]` adds the model's fields in that
order (then the declared ones): the model is followed to the project's `models.py`
(control from the model field: `TextField` textarea, `BooleanField` checkbox, optional,
pre-ticked by `default=True`; a relation a select; `blank=True` optional;
`verbose_name` the label; not editable and auto fields left out), or is `auth.User`;
a model cnsnt cannot find gives text fields. `fields = "__all__"` takes every field of a
found model; `exclude`, `widgets` and `labels` apply. Fields added in a method
(`self.fields["phone"] = forms.CharField(...)`) count; `del self.fields["x"]` and
`self.fields.pop("x")` remove one; `x = None` in a subclass too. A form a Django admin
uses (`form = X` in a `ModelAdmin`) keeps only the fields the admin collects: not its
`readonly_fields` or `exclude`, and only those its `fields`/`fieldsets` list
(`django_admin`).

Not read, each a CN001 warning at its line and column: a field built in a loop, under
`if`, in a function or outside a form class; `self.fields[name]` with a computed name;
a base class cnsnt cannot find (its fields are unknown); `fields = "__all__"` or a
`fields` that is no literal when the model cannot be found; WTForms' `FormField` and
`FieldList`. A syntax error is a CN001 error at its place.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from cnsnt.evidence import Evidence, Form, FormField, SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext, read_text
from cnsnt.sources.django_settings import auth_user_model
from cnsnt.sources.forms.common import class_field, form_evidence
from cnsnt.sources.forms.django_admin import admins_of
from cnsnt.sources.forms.python_form_kinds import (
    AUTH_USER_FIELDS,
    DJANGO,
    DJANGO_FIELDS,
    KNOWN_FORMS,
    KNOWN_META,
    MODEL_FIELDS,
    MODEL_NOT_EDITABLE,
    WTFORMS,
    WTFORMS_FIELDS,
    WTFORMS_REQUIRED,
    KnownMeta,
    control_by_name,
    field_control,
    framework_of,
    is_form_root,
    widget_control,
)
from cnsnt.sources.python_modules import ClassRef, Project, PyModule
from cnsnt.sources.schemas.common import (
    assigned_field,
    dotted,
    is_django_field,
    literal_value,
    nested_too_deep,
    parse_python,
    string_value,
)

#: Linear: zero-width, one character looked at on each side.
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
#: Where an unread field call stands, by the statement around it.
_WHERE = {
    ast.For: "inside `for`",
    ast.AsyncFor: "inside `for`",
    ast.While: "inside `while`",
    ast.If: "inside `if`",
    ast.Try: "inside `try`",
    ast.With: "inside `with`",
    ast.FunctionDef: "in a function",
    ast.AsyncFunctionDef: "in a function",
    ast.Lambda: "in a function",
    ast.ListComp: "in a comprehension",
    ast.DictComp: "in a comprehension",
    ast.GeneratorExp: "in a comprehension",
}
#: Bases that are no form and hold no field (`class AddressMixin(object)`).
_BUILTINS = frozenset({"object", "dict", "Exception", "Generic", "Protocol"})
#: How deep project classes are followed (bases of bases, field classes of field classes).
_MAX_DEPTH = 16
#: How a form of the project takes every field of its model.
_ALL_OR_EXCLUDE = ' (`fields = "__all__"` or only `exclude`)'
#: The fix of a ModelForm whose model fields are not all read.
_LIST_FIELDS = "list the fields in Meta.fields, or in the policy by hand"
#: The key under which `_meta` notes a Meta inherited from a ModelForm of django.contrib.auth.
_AUTH_META = "\0auth"
#: Text, sniffed, that a file holding a form class contains (a cheap first look).
HINTS = ("django", "wtforms", "flask_wtf", "allauth")


def form_name(class_name: str) -> str:
    """`SignupForm` -> `signup`, `ContactUsForm` -> `contact_us`, `Form` -> `form`."""
    stem = class_name[:-4] if class_name.endswith("Form") and len(class_name) > 4 else class_name
    return _CAMEL.sub("_", stem).lower().strip("_") or "form"


@dataclass(frozen=True)
class _Field:
    """A field as the form will render it."""

    name: str
    control: str
    location: Location
    label: str | None = None
    required: bool = False
    checked: bool = False
    help: str | None = None
    default: str | None = None


def read_python_forms(path: Path, spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """Read the Django and WTForms form classes of one Python file (a Reader)."""
    shown = ctx.shown(path)
    text = read_text(path, shown, limits=ctx.limits)
    tree = parse_python(text, shown, "no form of this file was read")
    project = Project(ctx)
    mod = project.module(path, tree)
    if mod is None:  # pragma: no cover - the tree was given
        return form_evidence([], [])
    reader = _Reader(project, mod, ctx)
    forms = reader.read()
    return form_evidence(forms, reader.problems)


def holds_form_class(path: Path, text: str, ctx: SourceContext) -> bool:
    """Whether a Python file declares a Django or WTForms form class (what `cnsnt init` proposes)."""
    if not any(hint in text for hint in HINTS):
        return False
    try:
        tree = parse_python(text, ctx.shown(path))
    except Exception:  # noqa: BLE001 - a file that does not parse holds no form cnsnt proposes
        return False
    project = Project(ctx)
    mod = project.module(path, tree)
    if mod is None:  # pragma: no cover - the tree was given
        return False
    reader = _Reader(project, mod, ctx)
    return any(reader.framework(mod, node)[0] for node in mod.classes.values())


class _Reader:
    """The forms of one module, with what could not be read."""

    def __init__(self, project: Project, mod: PyModule, ctx: SourceContext) -> None:
        self.project = project
        self.mod = mod
        self.ctx = ctx
        self.problems: list[SourceProblem] = []
        self.read_calls: set[int] = set()
        self._frameworks: dict[int, tuple[str | None, list[ast.expr]]] = {}

    # ------------------------------------------------------------------ names

    def warn(self, message: str, node: ast.AST, mod: PyModule | None = None, fix: str | None = None) -> None:
        """A CN001 warning at a node of this file (or of `mod`), each said once; `fix` what to do."""
        shown = (mod or self.mod).shown
        where = Location(shown, getattr(node, "lineno", 1), getattr(node, "col_offset", 0) + 1)
        problem = SourceProblem(message, where, shown, severity=Severity.WARNING, fix=fix)
        if shown != self.mod.shown:  # a base in another module: said once per audit, not per form file
            said = self.ctx.memo.setdefault("pyforms:said", set())
            assert isinstance(said, set)
            if problem in said:
                return
            said.add(problem)
        if problem not in self.problems:
            self.problems.append(problem)

    def where(self, mod: PyModule, node: ast.AST) -> Location:
        """The 1-based place of a node."""
        return Location(mod.shown, getattr(node, "lineno", 1), getattr(node, "col_offset", 0) + 1)

    def framework(
        self, mod: PyModule, node: ast.ClassDef, depth: int = 0
    ) -> tuple[str | None, list[ast.expr]]:
        """The framework whose form the class is (or None), and the bases that cannot be found."""
        key = id(node)
        if key in self._frameworks:
            return self._frameworks[key]
        self._frameworks[key] = (None, [])  # a cycle of bases is no form
        found: str | None = None
        missing: list[ast.expr] = []
        for base in node.bases:
            ref = self.project.resolve(mod, base)
            if ref is None:
                if not (isinstance(base, ast.Name) and base.id in _BUILTINS):
                    missing.append(base)
                continue
            if ref.node is not None and ref.module is not None:
                if depth < _MAX_DEPTH:
                    sub, sub_missing = self.framework(ref.module, ref.node, depth + 1)
                    found = found or sub
                    if sub is not None or not sub_missing:
                        continue
                missing.append(base)
                continue
            root = is_form_root(ref.outside or "")
            if root is not None:
                found = found or root
            elif ref.last.endswith("Form") and framework_of(ref.outside or "") is None:
                missing.append(base)  # a third-party form (`RegistrationForm`): its fields are unknown
            elif ref.last.endswith("Form") and _framework_form(ref.outside or ""):
                found = found or DJANGO  # a form of Django or allauth cnsnt has no table of
                missing.append(base)
        result = (found, missing)
        self._frameworks[key] = result
        return result

    def field_class(self, mod: PyModule, func: ast.expr) -> tuple[str, str] | None:
        """(framework, control) of a field class a call names; None when it is no field class."""
        ref = self.project.resolve(mod, func)
        if ref is None:
            last = dotted(func).rpartition(".")[2]
            return None if not last.endswith("Field") else ("", control_by_name(last))
        return self._field_ref(ref, 0)

    def _field_ref(self, ref: ClassRef, depth: int) -> tuple[str, str] | None:
        if ref.outside is not None:
            framework = framework_of(ref.outside) or ""
            control = field_control(framework, ref.outside) if framework else None
            if control is not None:
                return framework, control
            if ref.last.endswith("Field") and not ref.outside.startswith("django.db"):
                return framework, control_by_name(ref.last)
            return None
        if ref.node is None or ref.module is None or depth > _MAX_DEPTH:
            return None
        for base in ref.node.bases:
            parent = self.project.resolve(ref.module, base)
            found = self._field_ref(parent, depth + 1) if parent is not None else None
            if found is not None:
                framework, control = found
                if parent is not None and parent.last == "Field":  # a field of its own kind
                    control = control_by_name(ref.last)
                elif ref.last in DJANGO_FIELDS or ref.last in WTFORMS_FIELDS:
                    control = DJANGO_FIELDS.get(ref.last) or WTFORMS_FIELDS[ref.last]
                return framework, control
        return ("", control_by_name(ref.last)) if ref.last.endswith("Field") else None

    # ------------------------------------------------------------------ forms

    def read(self) -> list[Form]:
        """Every form class of the module, then the field calls it did not read."""
        forms: list[Form] = []
        for node in self.mod.tree.body:
            if not isinstance(node, ast.ClassDef):
                continue
            try:
                form = self._form(node)
            except RecursionError:  # an expression nested deeper than the reader recurses
                self.problems.append(nested_too_deep(node, self.mod.shown, "this class's form is not read"))
                self.read_calls.update(id(n) for n in ast.walk(node))  # reported: no warning per call
                continue
            if form is not None:
                forms.append(form)
        try:
            self._unread_calls()
        except RecursionError:
            lost = "its field calls are not named"
            self.problems.append(nested_too_deep(self.mod.tree, self.mod.shown, lost))
        return forms

    def _form(self, node: ast.ClassDef) -> Form | None:
        framework, missing = self.framework(self.mod, node)
        before = set(self.read_calls)
        own = list(self._own_fields(self.mod, node, framework))
        if framework is None:
            frameworks = {f for f, _ in own if f}
            if not missing or not frameworks:
                self.read_calls = before  # no form: its field calls are named as unread
                return None
            framework = sorted(frameworks)[0]
        for base in missing:
            ref = self.project.resolve(self.mod, base)
            where = (
                f"is a form of {ref.outside.partition('.')[0]} whose fields cnsnt does not know"
                if ref is not None and ref.outside is not None and _framework_form(ref.outside)
                else "cannot be found in the project"
            )
            self.warn(
                f"base class `{ast.unparse(base)}` of form {node.name} {where}: "
                "the fields it declares are not read",
                base,
                fix=f"list the fields it declares in the policy by hand, as {form_name(node.name)}.NAME",
            )
        name = form_name(node.name)
        fields = self._declared(self.mod, node, framework, frozenset())
        if framework == DJANGO:
            fields = self._model_form(node, fields)
            self._methods(self.mod, node, fields, frozenset())
            fields = self._admin_view(node, fields)
        out = [self._evidence(name, f) for f in fields.values()]
        if not out:
            return None
        # the model it fills (`Meta.model = Informe`): init files its fields with that table's columns
        meta_model = self._meta(self.mod, node).get("model") if framework == DJANGO else None
        model = _model_class_name(*meta_model) if meta_model is not None else None
        return Form(name, self.where(self.mod, node), self.mod.shown, tuple(out), kind=framework, model=model)

    def _admin_view(self, node: ast.ClassDef, fields: dict[str, _Field]) -> dict[str, _Field]:
        """The fields one of the form's Django admins collects (`django_admin`); all when none uses it."""
        admins = admins_of(self.project, self.mod, node)
        if not admins:
            return fields
        for admin in admins:
            for setting, value in admin.unread:
                self.warn(
                    f"`{setting}` of admin {admin.name} is no literal: the fields of form {node.name} "
                    "are read as if it were absent",
                    value,
                    admin.module,
                    fix="list the names literally, or ignore the fields the admin does not collect",
                )
        return {name: f for name, f in fields.items() if any(a.keeps(name) for a in admins)}

    def _evidence(self, form: str, f: _Field) -> FormField:
        return class_field(
            form, f.name, f.control, f.location, self.mod.shown, f.label, f.required, f.checked, f.help,
            f.default,
        )

    def _own_fields(
        self, mod: PyModule, node: ast.ClassDef, framework: str | None
    ) -> Iterator[tuple[str, _Field | None]]:
        """(framework, field) for each `name = Field(...)` of a class body; None for `name = None`."""
        for stmt in node.body:
            found = assigned_field(stmt, _any_call)
            if found is None:
                removed = _assigned_none(stmt)
                if removed is not None:  # `name = None` removes an inherited field
                    yield "", _Field(removed.id, "", self.where(mod, removed))
                continue
            target, value = found
            made = self._field_call(mod, value, target.id, self.where(mod, target), framework)
            if made is not None:
                yield made

    def _declared(
        self, mod: PyModule, node: ast.ClassDef, framework: str, seen: frozenset[int]
    ) -> dict[str, _Field]:
        """The declared fields of a form: its bases' (farthest first), then its own.

        Django's form metaclass collects fields only from bases that are forms (that have
        `declared_fields`: `DeclarativeFieldsMetaclass` in django/forms/forms.py), so a plain
        mixin's `email = forms.EmailField()` is no field of the form (its `x = None` still
        removes one); WTForms collects every field attribute of the class (`dir(cls)`), a
        mixin's too.
        """
        fields: dict[str, _Field] = {}
        for base in reversed(node.bases):
            ref = self.project.resolve(mod, base)
            if ref is None:
                continue
            if ref.node is not None and ref.module is not None:
                if id(ref.node) in seen or len(seen) >= _MAX_DEPTH:
                    continue
                if framework == DJANGO and self.framework(ref.module, ref.node) == (None, []):
                    for _, f in self._own_fields(ref.module, ref.node, framework):  # its calls are read
                        if f is not None and not f.control:
                            fields.pop(f.name, None)
                    continue
                fields.update(self._declared(ref.module, ref.node, framework, seen | {id(node)}))
            elif ref.outside is not None and is_form_root(ref.outside) and ref.last in KNOWN_FORMS:
                at = self.where(mod, node)
                for known in KNOWN_FORMS[ref.last]:
                    fields[known.name] = _Field(known.name, known.control, at, known.label, known.required)
        for _, f in self._own_fields(mod, node, framework):
            if f is None:
                continue
            if not f.control or framework == WTFORMS:  # WTForms orders fields as they were made
                fields.pop(f.name, None)
            if f.control:
                fields[f.name] = f  # Django keeps an overridden field where its base declared it
        return fields

    def _field_call(
        self, mod: PyModule, call: ast.Call, name: str, at: Location, framework: str | None
    ) -> tuple[str, _Field | None] | None:
        """A field a call in a class body makes (None when the call is no field)."""
        kind = self.field_class(mod, call.func)
        if kind is None:
            return None
        self.read_calls.add(id(call))
        found, control = kind
        framework = found or framework or ""
        if control in ("formfield", "fieldlist"):
            self.warn(
                f"`{ast.unparse(call.func)}(...)` nests fields under `{name}-...` names cnsnt does not "
                "read",
                call,
                mod,
                fix=f"declare them in the policy by hand, as {name}-NAME fields",
            )
            return framework, None
        if control == "submit":
            return framework, None  # a button, no field
        kwargs = {k.arg: k.value for k in call.keywords if k.arg}
        help_text = string_value(kwargs.get("help_text")) or string_value(kwargs.get("description"))
        if framework == WTFORMS:
            label = string_value(call.args[0]) if call.args else string_value(kwargs.get("label"))
            required = _wtforms_required(kwargs.get("validators"))
            initial = kwargs.get("default")
            attrs = _literal_dict(kwargs.get("render_kw"))
        else:
            label = string_value(kwargs.get("label"))
            required_value = literal_value(kwargs.get("required"))
            required = required_value if isinstance(required_value, bool) else "required" not in kwargs
            initial = kwargs.get("initial")
            attrs = {}
        widget = kwargs.get("widget")
        if widget is not None:
            widget_kind, widget_attrs = self._widget(mod, widget)
            control = widget_kind or control
            attrs = {**attrs, **widget_attrs}
        control, checked, required = _apply_attrs(control, attrs, required)
        value = literal_value(initial)
        checked = checked or (value is True if control == "radio" else _ticks(control, value, framework))
        default = None if value is None or isinstance(value, bool | dict | list | tuple | set) else str(value)
        return framework, _Field(name, control, at, label, bool(required), checked, help_text, default)

    def _widget(self, mod: PyModule, widget: ast.expr) -> tuple[str | None, dict[str, object]]:
        """The control a `widget=` renders and its literal `attrs`."""
        func = widget.func if isinstance(widget, ast.Call) else widget
        attrs = (
            _literal_dict(next((k.value for k in widget.keywords if k.arg == "attrs"), None))
            if isinstance(widget, ast.Call)
            else {}
        )
        ref = self.project.resolve(mod, func)
        for _ in range(_MAX_DEPTH):
            if ref is None:
                return None, attrs
            if ref.outside is not None:
                return widget_control(ref.outside), attrs
            if ref.node is None or ref.module is None or not ref.node.bases:
                return None, attrs
            ref = self.project.resolve(ref.module, ref.node.bases[0])
        return None, attrs

    # ------------------------------------------------------------------ ModelForm

    def _meta(
        self, mod: PyModule, node: ast.ClassDef, depth: int = 0
    ) -> dict[str, tuple[PyModule, ast.expr]]:
        """The settings of a form's `class Meta`, its own or inherited (`class Meta(Base.Meta)`)."""
        out: dict[str, tuple[PyModule, ast.expr]] = {}
        meta = next((s for s in node.body if isinstance(s, ast.ClassDef) and s.name == "Meta"), None)
        if meta is not None:
            for item in meta.body:
                if (
                    isinstance(item, ast.Assign)
                    and len(item.targets) == 1
                    and isinstance(item.targets[0], ast.Name)
                ):
                    out[item.targets[0].id] = (mod, item.value)
        parents = (
            [b.value for b in meta.bases if isinstance(b, ast.Attribute) and b.attr == "Meta"]
            if meta is not None
            else list(node.bases)
        )
        for parent in parents:
            ref = self.project.resolve(mod, parent)
            if ref is not None and ref.node is not None and ref.module is not None and depth < _MAX_DEPTH:
                for key, value in self._meta(ref.module, ref.node, depth + 1).items():
                    out.setdefault(key, value)
            elif ref is not None and _auth_meta(ref) is not None:
                out.setdefault(_AUTH_META, (mod, parent))  # Django's own Meta: `_model_form` reads it
        return out

    def _model_form(self, node: ast.ClassDef, declared: dict[str, _Field]) -> dict[str, _Field]:
        """A ModelForm's fields: those `Meta.fields` takes from the model, then the declared ones."""
        meta = self._meta(self.mod, node)
        inherited = meta.get(_AUTH_META)
        known = _auth_meta(self.project.resolve(*inherited)) if inherited is not None else None
        if known is not None and inherited is not None and "fields" not in meta:
            meta["fields"] = (inherited[0], _known_fields(known, inherited[1]))
        else:
            known = None if known is None else KnownMeta((), known.no_input)  # its own fields win
        if "model" not in meta and inherited is None:
            return declared
        if "model" in meta:
            model_mod, model_expr = meta["model"]
            model, complete = self._model_fields(model_mod, model_expr)
            model_name = ast.unparse(model_expr)
        else:  # the Meta of django.contrib.auth's form: Django's own `auth.User`
            model, complete, model_name = _auth_user(self.where(self.mod, node)), True, "auth.User"
        no_input = set(known.no_input) - set(declared) if known is not None else set()
        where_fields = meta.get("fields")
        exclude = set()
        if "exclude" in meta:
            excluded = literal_value(meta["exclude"][1])
            if isinstance(excluded, list | tuple) and all(isinstance(x, str) for x in excluded):
                exclude = set(excluded)
            else:
                self.warn(
                    f"`exclude` of form {node.name} is not a literal list: cnsnt keeps every field",
                    meta["exclude"][1],
                    meta["exclude"][0],
                )
        names: list[tuple[str, Location]] = []
        if where_fields is None and "exclude" not in meta:
            return declared
        fields_mod, fields_expr = where_fields if where_fields is not None else (self.mod, meta["exclude"][1])
        listed = self._listed(fields_mod, fields_expr) if where_fields is not None else "__all__"
        if listed == "__all__":
            if model is None:
                self.warn(
                    f"form {node.name} takes every field of model `{model_name}`"
                    f"{_inherited_all(known) or _ALL_OR_EXCLUDE}, which cnsnt cannot find in the project: "
                    "its fields are not read",
                    fields_expr,
                    fields_mod,
                    fix=_LIST_FIELDS,
                )
                return declared
            if not complete:
                self.warn(
                    f"form {node.name} takes every field of model `{model_name}`"
                    f"{_inherited_all(known)}, a base of which cnsnt cannot find in the project: the "
                    "fields that base declares are not read",
                    fields_expr,
                    fields_mod,
                    fix=_LIST_FIELDS,
                )
            names = [(n, f.location) for n, f in model.items() if n not in no_input]
        elif isinstance(listed, list | tuple) and all(isinstance(x, str) for x in listed):
            elements = fields_expr.elts if isinstance(fields_expr, ast.List | ast.Tuple) else []
            for i, field_name in enumerate(listed):
                at = (
                    self.where(fields_mod, elements[i])
                    if i < len(elements)
                    else self.where(fields_mod, fields_expr)
                )
                names.append((field_name, at))
        else:
            self.warn(
                f"`fields` of form {node.name} is not a literal list of names: the model fields it "
                "takes are not read",
                fields_expr,
                fields_mod,
                fix="write Meta.fields as a list of names, or list the fields in the policy by hand",
            )
            return declared
        widgets = self._meta_map(meta.get("widgets"))
        labels = self._meta_map(meta.get("labels"))
        out: dict[str, _Field] = {}
        for field_name, at in names:
            if field_name in exclude:
                continue
            if field_name in declared:
                out[field_name] = declared[field_name]
                continue
            base = model.get(field_name) if model is not None else None
            made = replace(base, location=at) if base is not None else _Field(field_name, "text", at)
            if model is not None and base is None and complete:
                continue  # not a model field: Django raises; nothing to render
            if field_name in widgets:
                widget_mod, widget_expr = widgets[field_name]
                control, attrs = self._widget(widget_mod, widget_expr)
                control, checked, required = _apply_attrs(control or made.control, attrs, made.required)
                made = replace(made, control=control, checked=made.checked or checked, required=required)
            if field_name in labels:
                made = replace(made, label=string_value(labels[field_name][1]) or made.label)
            out[field_name] = made
        for field_name, f in declared.items():
            out.setdefault(field_name, f)
        return out

    def _listed(self, mod: PyModule, expr: ast.expr, depth: int = 0) -> object:
        """The value of `Meta.fields`: a literal, or Django's idiom for a custom user model.

        Django's documentation subclasses `UserCreationForm.Meta` with
        `fields = UserCreationForm.Meta.fields + ("email",)`.
        """
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add) and depth < _MAX_DEPTH:
            left, right = self._listed(mod, expr.left, depth + 1), self._listed(mod, expr.right, depth + 1)
            if isinstance(left, list | tuple) and isinstance(right, list | tuple):
                return (*left, *right)
            return None
        if (
            isinstance(expr, ast.Attribute)
            and expr.attr == "fields"
            and isinstance(expr.value, ast.Attribute)
            and expr.value.attr == "Meta"
        ):
            known = _auth_meta(self.project.resolve(mod, expr.value.value))
            if known is not None:
                return known.fields
        return literal_value(expr)

    def _meta_map(self, found: tuple[PyModule, ast.expr] | None) -> dict[str, tuple[PyModule, ast.expr]]:
        """`widgets = {"bio": forms.Textarea}` -> bio: (module, expression)."""
        if found is None:
            return {}
        mod, node = found
        if not isinstance(node, ast.Dict):
            return {}
        return {
            k.value: (mod, v)
            for k, v in zip(node.keys, node.values, strict=True)
            if isinstance(k, ast.Constant) and isinstance(k.value, str)
        }

    def _model_fields(self, mod: PyModule, expr: ast.expr) -> tuple[dict[str, _Field] | None, bool]:
        """A Django model's form fields (None when the model cannot be found), and whether all are known.

        They are not when a base cnsnt cannot read (`TimeStampedModel`, `PermissionsMixin`) may declare more.
        """
        if _is_user_model(mod, expr):
            return self._user_model(mod, expr)
        ref = self.project.resolve(mod, expr)
        if ref is None:
            return None, False
        if ref.outside is not None:
            if ref.outside.startswith("django.contrib.auth") and ref.last in ("User", "AbstractUser"):
                return _auth_user(self.where(mod, expr)), True
            return None, False
        if ref.node is None or ref.module is None:
            return None, False
        fields: dict[str, _Field] = {}
        complete = self._model_class(ref.module, ref.node, fields, frozenset())
        return fields, complete

    def _user_model(self, mod: PyModule, expr: ast.expr) -> tuple[dict[str, _Field] | None, bool]:
        """The fields of `get_user_model()`: the model `AUTH_USER_MODEL` names, else Django's `auth.User`.

        The settings are read as the Django readers read them (`django_settings`); the
        model `"users.User"` is looked for as `users/models.py` (or a `models` package)
        from the form's folder up. None when the settings name a model cnsnt cannot find.
        """
        stated = auth_user_model([mod.path], self.ctx).stated
        if stated is None:
            return _auth_user(self.where(mod, expr)), True
        app, name = stated
        models = self.project.find_module(mod, 0, f"{app}.models")
        ref = self.project.resolve_name(models, name, 0) if models is not None else None
        if ref is None or ref.node is None or ref.module is None:
            return None, False
        fields: dict[str, _Field] = {}
        return fields, self._model_class(ref.module, ref.node, fields, frozenset())

    def _model_class(
        self, mod: PyModule, node: ast.ClassDef, fields: dict[str, _Field], seen: frozenset[int]
    ) -> bool:
        """Add a model's fields (its bases' first); whether every base's fields are known."""
        complete = True
        for base in node.bases:
            ref = self.project.resolve(mod, base)
            if ref is not None and ref.outside is not None and ref.last == "AbstractUser":
                fields.update(_auth_user(self.where(mod, node)))
            elif _followed(ref, seen):
                assert ref is not None and ref.module is not None and ref.node is not None
                complete = self._model_class(ref.module, ref.node, fields, seen | {id(node)}) and complete
            elif ref is None:
                complete = complete and isinstance(base, ast.Name) and base.id in _BUILTINS
            elif ref.outside is not None:  # `models.Model` declares no field; `TimeStampedModel` may
                complete = complete and ref.outside.startswith("django.db.models") and ref.last == "Model"
        for stmt in node.body:
            found = assigned_field(stmt, is_django_field)
            if found is None:
                continue
            target, call = found
            made = _model_field(target.id, call, self.where(mod, target))
            if made is not None:
                fields.pop(target.id, None)
                fields[target.id] = made
        return complete

    # ------------------------------------------------------------------ methods

    def _methods(
        self, mod: PyModule, node: ast.ClassDef, fields: dict[str, _Field], seen: frozenset[int]
    ) -> None:
        """What the form's methods (and its project bases') do to `self.fields` and `self.initial`."""
        for base in node.bases:
            ref = self.project.resolve(mod, base)
            if _followed(ref, seen):
                assert ref is not None and ref.module is not None and ref.node is not None
                self._methods(ref.module, ref.node, fields, seen | {id(node)})
        for stmt in node.body:
            if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
                for inner in ast.walk(stmt):
                    self._method_statement(mod, node, inner, fields)

    def _method_statement(
        self, mod: PyModule, form: ast.ClassDef, node: ast.AST, fields: dict[str, _Field]
    ) -> None:
        if isinstance(node, ast.Delete):
            for target in node.targets:
                key = _fields_key(target)
                if isinstance(key, str):
                    fields.pop(key, None)
            return
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "pop":
            if _is_self_attr(node.func.value, "fields") and node.args:
                key = string_value(node.args[0])
                if key is not None:
                    fields.pop(key, None)
            return
        if not isinstance(node, ast.Assign):
            return
        for target in node.targets:
            key = _fields_key(target)
            if key is not None:  # self.fields[...] = ...
                value = node.value
                made = (
                    self._field_call(
                        mod, value, key if isinstance(key, str) else "?", self.where(mod, target), DJANGO
                    )
                    if isinstance(value, ast.Call)
                    else None
                )
                if not isinstance(key, str):
                    self.warn(
                        f"a field of form {form.name} is added as `{ast.unparse(target)}`, a name computed "
                        "at runtime: it is not read",
                        target,
                        mod,
                        fix=f"declare it in the policy by hand, as {form_name(form.name)}.NAME",
                    )
                elif made is not None and made[1] is not None:
                    fields[key] = made[1]
                continue
            if isinstance(target, ast.Attribute):
                key = _fields_key(target.value)
                if (
                    key is None
                    and isinstance(target.value, ast.Subscript)
                    and _is_self_attr(target.value.value, "initial")
                ):
                    continue
                self._set_attribute(mod, form, target, key, node.value, fields)
            elif isinstance(target, ast.Subscript) and _is_self_attr(target.value, "initial"):
                key = string_value(target.slice)
                if key in fields and _ticks(fields[key].control, literal_value(node.value), DJANGO):
                    fields[key] = replace(fields[key], checked=True)

    def _set_attribute(
        self,
        mod: PyModule,
        form: ast.ClassDef,
        target: ast.Attribute,
        key: str | ast.expr | None,
        value: ast.expr,
        fields: dict[str, _Field],
    ) -> None:
        """`self.fields["x"].initial = True` and its kin (`required`, `label`, `widget`)."""
        if key is None or target.attr not in ("initial", "required", "label", "widget"):
            return
        if not isinstance(key, str):
            if target.attr in ("initial", "required"):
                self.warn(
                    f"`{ast.unparse(target)}` of form {form.name} sets a field cnsnt cannot name "
                    "without running the code: whether it is ticked or required is not read",
                    target,
                    mod,
                )
            return
        if key not in fields:
            return
        f = fields[key]
        if target.attr == "initial":
            fields[key] = replace(f, checked=f.checked or _ticks(f.control, literal_value(value), DJANGO))
        elif target.attr == "required":
            required = literal_value(value)
            fields[key] = replace(f, required=required if isinstance(required, bool) else f.required)
        elif target.attr == "label":
            fields[key] = replace(f, label=string_value(value) or f.label)
        else:
            control, attrs = self._widget(mod, value)
            control, checked, required = _apply_attrs(control or f.control, attrs, f.required)
            fields[key] = replace(f, control=control, checked=f.checked or checked, required=required)

    # ------------------------------------------------------------------ the rest

    def _unread_calls(self) -> None:
        """Every framework field call of the module this reader did not read, named (CN001)."""
        stack: list[tuple[ast.AST, str]] = [(self.mod.tree, "outside a form class")]
        while stack:
            node, where = stack.pop()
            if isinstance(node, ast.Call) and id(node) not in self.read_calls:
                last = dotted(node.func).rpartition(".")[2]
                if last in DJANGO_FIELDS or last in WTFORMS_FIELDS or last.endswith("Field"):
                    kind = self.field_class(self.mod, node.func)
                    if kind is not None and kind[0] and kind[1] != "submit":
                        self.warn(
                            f"`{ast.unparse(node.func)}(...)` {where} is not read as a form field: cnsnt "
                            "reads forms without running them, so whether and under which name it exists "
                            "is not known",
                            node,
                        )
            inner = _WHERE.get(type(node), where)
            if isinstance(node, ast.ClassDef):
                inner = "in a class body" if where == "outside a form class" else where
            stack.extend((child, inner) for child in reversed(list(ast.iter_child_nodes(node))))


def _any_call(call: ast.Call) -> bool:
    return True


def _assigned_none(stmt: ast.stmt) -> ast.Name | None:
    """The target of `name = None` in a class body."""
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
        value = stmt.value
        return stmt.targets[0] if isinstance(value, ast.Constant) and value.value is None else None
    return None


def _followed(ref: ClassRef | None, seen: frozenset[int]) -> bool:
    """Whether a base is a class of the project not yet climbed through (and not too deep)."""
    return (
        ref is not None
        and ref.node is not None
        and ref.module is not None
        and id(ref.node) not in seen
        and len(seen) < _MAX_DEPTH
    )


def _fields_key(node: ast.expr) -> str | ast.expr | None:
    """`self.fields["x"]` -> "x"; `self.fields[name]` -> the name's expression; else None."""
    if isinstance(node, ast.Subscript) and _is_self_attr(node.value, "fields"):
        key = string_value(node.slice)
        return key if key is not None else node.slice
    return None


def _is_self_attr(node: ast.expr, attr: str) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == attr
        and isinstance(node.value, ast.Name)
        and (node.value.id == "self")
    )


def _literal_dict(node: ast.expr | None) -> dict[str, object]:
    value = literal_value(node)
    return {str(k): v for k, v in value.items()} if isinstance(value, dict) else {}


def _apply_attrs(control: str, attrs: dict[str, object], required: bool) -> tuple[str, bool, bool]:
    """A widget's `attrs` (or WTForms' `render_kw`): `type`, `checked`, `required`."""
    kind = attrs.get("type")
    if isinstance(kind, str) and kind:
        control = kind.lower()
    # both frameworks render any `checked` but False as the attribute (`checked=""` ticks too)
    checked = "checked" in attrs and attrs["checked"] is not False
    if attrs.get("required") is True or attrs.get("required") == "required":
        required = True
    return control, checked and control in ("checkbox", "radio"), required


def _ticks(control: str, value: object, framework: str) -> bool:
    """Whether a checkbox's literal initial value ticks it, as the framework renders it.

    Django's `CheckboxInput` ticks any value but False, None and "" (`initial=1`); WTForms'
    `BooleanField` any truthy one (`default="checked"`, a common idiom).
    """
    if control != "checkbox" or value is None or isinstance(value, dict | list | tuple | set):
        return False
    return bool(value) if framework == WTFORMS else not (value is False or value == "")


def _wtforms_required(node: ast.expr | None) -> bool:
    """Whether a WTForms `validators=[...]` list holds `DataRequired()` or `InputRequired()`."""
    if not isinstance(node, ast.List | ast.Tuple):
        return False
    for item in node.elts:
        func = item.func if isinstance(item, ast.Call) else item
        if dotted(func).rpartition(".")[2] in WTFORMS_REQUIRED:
            return True
    return False


def _framework_form(outside: str) -> bool:
    """A form class of Django's or allauth's forms modules (`django.contrib.auth.forms.X`)."""
    return framework_of(outside) == DJANGO and (".forms" in outside or outside.startswith("allauth."))


def _model_class_name(mod: PyModule, expr: ast.expr) -> str | None:
    """The class a ModelForm's `Meta.model` names, as its model module writes it.

    `from cotisations.models import Facture as Invoice` then `model = Invoice` fills
    `Facture`'s table: the alias is undone, so init finds the columns (Re2o, trial36).
    """
    if isinstance(expr, ast.Attribute):
        return expr.attr
    if not isinstance(expr, ast.Name):
        return None
    imported = mod.imports.get(expr.id)
    return imported[2] if imported is not None and imported[2] else expr.id


def _is_user_model(mod: PyModule, expr: ast.expr) -> bool:
    """`get_user_model()`, or a module-level name bound to it (`User = get_user_model()`)."""
    if isinstance(expr, ast.Call):
        return dotted(expr.func).endswith("get_user_model")
    if not isinstance(expr, ast.Name) or expr.id in mod.classes or expr.id in mod.imports:
        return False
    return any(
        isinstance(stmt, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == expr.id for t in stmt.targets)
        and isinstance(stmt.value, ast.Call)
        and dotted(stmt.value.func).endswith("get_user_model")
        for stmt in mod.tree.body
    )


def _auth_meta(ref: ClassRef | None) -> KnownMeta | None:
    """The Meta a ModelForm of `django.contrib.auth.forms` gives its subclasses (None for others)."""
    if ref is None or ref.outside is None or not ref.outside.startswith("django.contrib.auth"):
        return None
    return KNOWN_META.get(ref.last)


def _known_fields(known: KnownMeta, at: ast.expr) -> ast.expr:
    """Django's `Meta.fields` of an auth form as the expression a subclass would write, placed at `at`."""
    made: ast.expr = (
        ast.Constant(known.fields)
        if isinstance(known.fields, str)
        else ast.Tuple([ast.Constant(n) for n in known.fields], ast.Load())
    )
    for child in ast.walk(made):
        ast.copy_location(child, at)
    return made


def _inherited_all(known: KnownMeta | None) -> str:
    """Said of a form whose `fields = "__all__"` is Django's (`UserChangeForm.Meta`), else nothing."""
    if known is not None and known.fields == "__all__":
        return ' (`fields = "__all__"` inherited from the Meta of django.contrib.auth\'s form)'
    return ""


def _auth_user(at: Location) -> dict[str, _Field]:
    return {
        name: _Field(name, control, at, required=name in ("username", "password"))
        for name, control in AUTH_USER_FIELDS.items()
    }


def _model_field(name: str, call: ast.Call, at: Location) -> _Field | None:
    """The form field a ModelForm makes of a model field; None for one it never shows."""
    kind = dotted(call.func).rpartition(".")[2]
    kwargs = {k.arg: k.value for k in call.keywords if k.arg}
    if kind in MODEL_NOT_EDITABLE or literal_value(kwargs.get("editable")) is False:
        return None
    if literal_value(kwargs.get("auto_now")) is True or literal_value(kwargs.get("auto_now_add")) is True:
        return None
    control = MODEL_FIELDS.get(kind) or control_by_name(kind)
    if "choices" in kwargs and control != "checkbox":
        control = "select"
    relation = kind in ("ForeignKey", "OneToOneField", "ManyToManyField")
    label = string_value(kwargs.get("verbose_name"))
    if label is None and call.args and not relation:
        label = string_value(call.args[0])
    boolean = control == "checkbox"
    required = not boolean and literal_value(kwargs.get("blank")) is not True
    checked = _ticks(control, literal_value(kwargs.get("default")), DJANGO)
    return _Field(name, control, at, label, required, checked, string_value(kwargs.get("help_text")))
