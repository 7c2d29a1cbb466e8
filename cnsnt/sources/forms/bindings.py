"""The field a framework binding fills, for a control written without a `name`.

Angular, AngularJS, Vue, Livewire, Alpine, Thymeleaf and Svelte templates often bind a
control to a field of the submitted model instead of naming it: `formControlName="email"`,
`[(ngModel)]="user.email"`, AngularJS's `ng-model="vm.user.email"`,
`v-model.trim="form.email"`, `wire:model.live="email"`, `x-model="email"`,
`th:field="*{email}"`, `bind:value={form.email}`, Vue 3's `v-model:value="form.email"`
(Ant Design Vue's controls), Blazor's `@bind-Value="patient.Email"`. That binding is
the field's name as far as the data goes, so the reader (`html_form`) names the
control after it when no `name` attribute does. Svelte's `bind:value` alone is
short for `bind:value={value}`: the variable named like the property.

Only plain values are read: a literal control name, or a dotted property path.
Anything else (a call, an index, a ternary, template code) is kept as written
so the reader reports "a name cnsnt cannot read" rather than guess one.
Attribute names arrive lower-cased from `html_page.Page.tag`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cnsnt.sources.forms.html_page import Attr

#: Bindings whose value is a JavaScript property path; the field is its last segment.
#: Each may carry modifiers after a dot (`v-model.trim`, `wire:model.live.debounce.500ms`).
_PATH_PREFIXES = ("v-model", "wire:model", "x-model")
_NG_MODEL = frozenset({"[(ngmodel)]", "[ngmodel]"})
#: AngularJS (1.x) binds with a directive attribute, also written `data-ng-model`.
_NG1_MODEL = frozenset({"ng-model", "data-ng-model"})
_TH_FIELD = frozenset({"th:field", "data-th-field"})
#: Svelte's two-way bindings of a control's value: `bind:value={email}`, `bind:group={plan}`.
_SVELTE_BIND = frozenset({"bind:value", "bind:checked", "bind:group", "bind:files"})
#: Blazor's two-way bindings of a value: `<input @bind="patient.Email">`, a component's
#: `@bind-Value="@(person.Phone)"` (MudBlazor's `@bind-Checked`, `@bind-Date`, `@bind-Text`...).
#: Not `@bind-Value:event` (a modifier) nor `@bind-SelectedIndex` (a tab's, a grid's state).
BLAZOR_BIND = frozenset(
    {"@bind", "@bind-value", "@bind-checked", "@bind-date", "@bind-time", "@bind-text"}
    | {"@bind-selectedvalue", "@bind-selectedvalues", "@bind-values"}
)

_Read = Callable[[str], "str | None"]


@dataclass(frozen=True)
class Binding:
    """A control's framework binding: the attribute as written and the name it gives."""

    raw: str
    """The attribute as written (`formControlName="email"`), for messages and the field's raw."""
    name: str | None
    """The submitted field's name; None when the value is no plain name or path."""
    id: str | None = None
    """The `id` the framework renders with it (Thymeleaf's `th:field`), if any."""


def binding(attrs: dict[str, Attr], text: str) -> Binding | None:
    """The first framework binding among a tag's attributes, or None.

    `text` is the page's source, for the attribute name as written (attrs are lower-cased).
    """
    for attr in attrs.values():
        if attr.name in _SVELTE_BIND:
            return _svelte_binding(attr, text)
        if attr.name in BLAZOR_BIND and attr.raw is not None and attr.raw.strip():
            return _blazor_binding(attr, text)
        reader = _reader(attr.name)
        if reader is None or attr.raw is None or not attr.raw.strip():
            continue
        written = text[attr.start : attr.start + len(attr.name)]
        raw = f'{written}="{attr.raw}"'
        name = None if attr.templated or attr.value is None else reader(attr.value.strip())
        # Thymeleaf renders `id` from the name too (a plain path keeps it as is)
        rendered_id = name if attr.name in _TH_FIELD else None
        return Binding(raw, name, rendered_id)
    return None


#: Ember's bound control values: `<input value={{this.email}} {{on 'input' ...}}>`, its
#: `<Input @value={{this.email}} />` and `<Input @type="checkbox" @checked={{this.news}} />`.
_GLIMMER_VALUES = ("@value", "value")
_GLIMMER_CHECKS = ("@checked", "checked")


def glimmer_binding(attrs: dict[str, Attr]) -> Binding | None:
    """The property an Ember template binds a control's value to (its last segment).

    An Ember app submits no form: an action reads the property the control shows
    (`value={{this.email}}`) and sends it, so the property is the field. Only a value
    that is one plain path (`{{this.email}}`, `{{@user.email}}`) names one.
    """
    kind = next((a.value for key in ("type", "@type") if (a := attrs.get(key)) and a.value), "")
    # a box's or radio's value is its option: the property is the one its `checked` shows
    keys = _GLIMMER_CHECKS if kind.strip().lower() in ("checkbox", "radio") else _GLIMMER_VALUES
    for key in keys:
        attr = attrs.get(key)
        if attr is None or attr.raw is None:
            continue
        value = attr.raw.strip()
        if not (value.startswith("{{") and value.endswith("}}")):
            continue
        path = value[2:-2].strip()
        if path in ("true", "false", "null", "undefined") or path[:1].isdigit() or path[:1] in "\"'":
            continue  # a literal binds no property
        path = path.lstrip("@").removeprefix("this.")
        return Binding(f"{key}={value}", _last_segment(path) if path else None)
    return None


def _svelte_binding(attr: Attr, text: str) -> Binding:
    """Svelte's `bind:value={form.email}` (or `bind:value`, short for `bind:value={value}`)."""
    written = text[attr.start : attr.start + len(attr.name)]
    if attr.raw is None:  # the shorthand binds the variable named like the property
        return Binding(written, attr.name.partition(":")[2])
    value = attr.raw.strip()
    inner = value[1:-1].strip() if value.startswith("{") and value.endswith("}") else None
    quoted = attr.vstart > 0 and text[attr.vstart - 1] in "\"'"
    raw = f'{written}="{attr.raw}"' if quoted else f"{written}={attr.raw}"
    return Binding(raw, _last_segment(inner) if inner else None)


def _blazor_binding(attr: Attr, text: str) -> Binding:
    """Blazor's `@bind-Value="patient.Email"` (or `"@patient.Email"`, `"@(person.Phone)"`): `Email`.

    Razor marks the C# expression with `@` or `@(...)`; the member it names is the field.
    """
    written = text[attr.start : attr.start + len(attr.name)]
    value = (attr.raw or "").strip()
    if value.startswith("@(") and value.endswith(")"):
        value = value[2:-1].strip()
    elif value.startswith("@"):
        value = value[1:]
    return Binding(f'{written}="{attr.raw}"', _last_segment(value))


def _reader(attr: str) -> _Read | None:
    """How the value of the attribute named `attr` gives a name, or None when it binds none."""
    if attr == "formcontrolname":
        return _literal
    if attr == "[formcontrolname]":
        return _quoted
    if attr in _NG_MODEL or attr in _NG1_MODEL:
        return _last_segment
    if attr in _TH_FIELD:
        return _spring_path
    if attr == "v-model" or attr.startswith(("v-model.", "v-model:")):  # Vue 3's `v-model:value`
        return _vue_path
    for prefix in _PATH_PREFIXES:
        if attr == prefix or attr.startswith(prefix + "."):
            return _last_segment
    return None


def _literal(value: str) -> str | None:
    """`formControlName="email"`: the control's name in its FormGroup, as written."""
    return value if value and not any(c.isspace() for c in value) else None


def _quoted(value: str) -> str | None:
    """`[formControlName]="'email'"`: a quoted string literal, else an expression."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return _literal(value[1:-1])
    return None


def path_segments(value: str) -> list[str] | None:
    """`user.email` / `user?.email` -> its identifiers; None unless a plain property path."""
    parts = [p.strip() for p in value.replace("?.", ".").split(".")]
    if not parts or not all(p.replace("$", "_").isidentifier() for p in parts):
        return None
    return parts


def _last_segment(value: str) -> str | None:
    """`[(ngModel)]`, `ng-model`, `v-model`, `wire:model`, `x-model`: the path's last segment."""
    parts = path_segments(value)
    return parts[-1] if parts else None


def _vue_path(value: str) -> str | None:
    """Vue's `v-model`: the path's last segment, but the ref's own name before its `.value`.

    A template unwraps only top-level refs, so refs kept in an object are bound through
    their `.value` (`v-model="account.email.value"`): the field is `email`. Named `value`,
    every such field of a form was one (mealie's sign-up page: six fields, one `value`).
    """
    parts = path_segments(value)
    if not parts:
        return None
    return parts[-2] if len(parts) > 1 and parts[-1] == "value" else parts[-1]


def _spring_path(value: str) -> str | None:
    """`th:field`: the name Thymeleaf renders, Spring's bind path under the form object.

    `*{email}` (a selection on `th:object`) renders `name="email"`, `*{address.city}`
    `address.city`; `${user.email}` names the model attribute first, which the name
    leaves out (`email`), as ASP.NET leaves out `Model.` (`_asp_name`).
    """
    if len(value) < 3 or value[1] != "{" or value[-1] != "}" or value[0] not in "*$":
        return None
    parts = path_segments(value[2:-1])
    if parts is None:
        return None
    if value[0] == "$":
        parts = parts[1:]
    return ".".join(parts) or None


_TH_OBJECT = ("th:object", "data-th-object")
_TH_VALUE = ("th:value", "data-th-value")


def shown_object(attrs: dict[str, Attr], name: str | None) -> str | None:
    """The object whose same-named property a control shows (Thymeleaf's `th:value`).

    `<input name="nome" th:value="${paciente.nome}">` shows `paciente`'s `nome`.

    An edit form of plain `name=` controls, with no `th:object`, fills each from the
    object it edits, and the controller binds them back to it by name (Spring's
    `@ModelAttribute`): the control fills that object's property (trial38b). Only a plain
    `${object.property}` whose property is the control's name (without case, `_` or
    `-`) says so: `${consulta.id}` in `name="consultaId"` is another object's key.
    """
    if name is None:
        return None
    for key in _TH_VALUE:
        attr = attrs.get(key)
        if attr is None or attr.templated or attr.value is None:
            continue
        value = attr.value.strip()
        if not value.startswith("${") or not value.endswith("}"):
            return None
        parts = path_segments(value[2:-1])
        if parts is None or len(parts) != 2 or _squeezed(parts[1]) != _squeezed(name):
            return None
        return parts[0]
    return None


def _squeezed(name: str) -> str:
    """A name without case, `_` or `-`, as Spring binds `data_nascimento` and `dataNascimento` alike."""
    return name.replace("_", "").replace("-", "").casefold()


def form_object(attrs: dict[str, Attr]) -> str | None:
    """The object a `<form>` fills: Thymeleaf's `th:object="${randevu}"` is `randevu`.

    Its `th:field="*{randevuTarih}"` controls are that object's properties, so `init`
    can file them with the column the object's table keeps them in. Only a plain
    `${name}` or `${a.b}` (the last segment) is read; anything else is no object.
    """
    for name in _TH_OBJECT:
        attr = attrs.get(name)
        if attr is None or attr.templated or attr.value is None:
            continue
        value = attr.value.strip()
        if len(value) < 4 or not value.startswith("${") or not value.endswith("}"):
            return None
        parts = path_segments(value[2:-1])
        return parts[-1] if parts else None
    return None
