"""Blazor's Razor components (`.razor`): which element is a form, a control or a label.

A Blazor page draws its forms with components, not `<input>`s: the built-in
`<EditForm Model="@patient">` with `<InputText @bind-Value="patient.Email">`,
`<InputCheckbox>`, `<InputDate>`, `<InputSelect>`, `<InputRadioGroup>`..., and UI
libraries' (Radzen's `<RadzenTemplateForm>`, `<RadzenTextBox Name="Phone" @bind-Value=...>`,
MudBlazor's `<MudTextField @bind-Value=... Label="E-mail">`). A component's name is
PascalCase, with no `-`: the words of the name say what it is, as for the custom elements
of other templates (`components.element_kind`), the library's prefix (`Input`, `Radzen`,
`Mud`) left out. A form is a name that ends in `Form` (`EditForm`, `RadzenTemplateForm`,
`MudForm`); a control is named by its `Name`, else the member its `@bind-Value` binds
(`bindings.BLAZOR_BIND`).

A component that binds a value but whose name says no control (a project's own
`<AddressEditor @bind-Value=...>`, `<AllergyList @bind-Value=...>`) is reported (CN001)
rather than read to nothing; a grid's, a tab set's, a tree's or a list view's
(`<MudList>`, `<SfListView>`) bound selection is no field.
"""

from __future__ import annotations

import re

from cnsnt.sources.forms.bindings import BLAZOR_BIND, path_segments
from cnsnt.sources.forms.control_words import CONTROL_WORDS, Kind, element_kind, name_words
from cnsnt.sources.forms.html_page import Attr

#: Words of the components that show or pick among many rows, not one field of a form
#: (a list view is told by `_list_view`: `list` also ends a field's name, `SfDropDownList`).
_NOT_FIELD_WORDS = frozenset(
    {"grid", "datagrid", "table", "tabs", "tab", "tree", "pager", "accordion", "steps", "carousel"}
    | {"splitter", "scheduler", "chart", "dialog", "datalist"}
)
#: Words before `Form` that still make a form (`RadzenTemplateForm`, `EditForm`, `SfDataForm`).
_FORM_WORDS = frozenset({"edit", "template", "data"})
#: Blazor's built-in input components and the control each draws (`InputRadio` is one
#: option of an `InputRadioGroup`, which is the field).
_BUILT_INS = {
    "InputText": Kind("control", "text"), "InputTextArea": Kind("control", "textarea", True),
    "InputNumber": Kind("control", "number"), "InputDate": Kind("control", "date"),
    "InputCheckbox": Kind("control", "checkbox", True), "InputSelect": Kind("control", "select", True),
    "InputRadioGroup": Kind("control", "radio", True, True), "InputRadio": Kind("control", "radio", True),
    "InputFile": Kind("control", "file"),
}  # fmt: skip
#: UI libraries' prefixes that make `<PrefixForm>` a form (`MudForm`, `TelerikForm`, `SfForm`);
#: a project's own `<LoginForm />` is a component drawn elsewhere, no form here.
_LIBRARY_PREFIXES = frozenset({"mud", "radzen", "sf", "dx", "telerik", "fluent", "bit", "ant", "blazorise"})
#: Attributes that say what a form fills: `<EditForm Model="@patient">`, Radzen's `Data=`.
_FORM_OBJECT = ("model", "data")
#: A component's start tag (a capital letter after `<`), its name. Linear: a fixed `<`, a
#: capital, one possessive word run.
_COMPONENT_TAG = re.compile(r"<([A-Z]\w*+)")
#: A native control's start tag (`<input`, `<select`, `<textarea`, any case). Linear: a
#: fixed `<`, one of three fixed words, a word boundary.
_NATIVE_TAG = re.compile(r"<(?:input|select|textarea)\b", re.IGNORECASE)
#: How far a sniffed start tag is read for its attributes.
_SNIFF_TAG = 2000


def component(written: str) -> bool:
    """Whether a tag's name, as written, is a Razor component's (`InputText`, not `input`)."""
    return written[:1].isupper() and "-" not in written


def component_kind(written: str) -> Kind | None:
    """What a Razor component's name makes it: a form, a control, a label; None for none.

    `RadzenTextBox` -> a text control, `InputCheckbox` -> a checkbox, `EditForm` -> a form,
    `RadzenCheckBoxList` -> a group of boxes, `RadzenDataGrid` -> None.
    """
    if written in _BUILT_INS:
        return _BUILT_INS[written]
    parts = name_words(written)
    if len(parts) < 2:
        return None
    library_form = len(parts) == 2 and parts[0] in _LIBRARY_PREFIXES
    if parts[-1] == "form" and (parts[-2] in _FORM_WORDS or library_form):
        return Kind("form")  # `EditForm`, `MudForm`, `RadzenTemplateForm`, `SfDataForm`
    if parts[-1] == "form":
        return None  # `<LoginForm />`: the project's component, its form drawn in its own file
    if parts[-1] == "list" and parts[-2] in ("checkbox", "radio"):
        # `RadzenCheckBoxList`, `RadzenRadioButtonList`: one field, its items the options
        return Kind("control", parts[-2], structural=True, group=True)
    if parts[-1] == "list" and CONTROL_WORDS.get(parts[-2]) == "select":
        # Syncfusion's and Telerik's `DropDownList`, a `ComboBoxList`: the list is the options
        return Kind("control", "select", structural=True)
    return element_kind("-".join(parts))


def label_component(written: str) -> bool:
    """A label component that names its control by `Component` (Radzen's `<RadzenLabel>`)."""
    kind = component_kind(written)
    return kind is not None and kind.role == "label"


def unread_binding(written: str, attrs: dict[str, Attr], text: str) -> str | None:
    """A component's value binding no field is read from (`@bind-Value="x.Address"`), or None.

    None for a component read as a control or a form, for one whose name says it shows
    rows or a selection (a grid, tabs, a tree, a list view), and for one that binds no
    value. Any other component that binds a value is returned, to be said (CN001): its
    name may be a label's or a menu's, but what it binds is a field cnsnt does not read.
    `text` is the page's source, for the attribute's name as written.
    """
    bound = next((a for a in attrs.values() if a.name in BLAZOR_BIND and a.raw), None)
    if bound is None:
        return None
    kind = component_kind(written)
    if kind is not None and kind.role in ("control", "form"):
        return None
    parts = name_words(written)
    if any(w in _NOT_FIELD_WORDS for w in parts) or _list_view(parts):
        return None
    return f'{written} {text[bound.start : bound.start + len(bound.name)]}="{bound.raw}"'


def _list_view(parts: list[str]) -> bool:
    """Whether a component's name words make it a list view: its bound value is a selected row.

    `SfListView`, `TelerikListView`, `ListView`; a library's bare list (`MudList`) or data
    list (`RadzenDataList`). A project's `<AllergyList>` is not one: what it binds may be a
    field.
    """
    if "list" not in parts:
        return False
    at = parts.index("list")
    if parts[at + 1 : at + 2] == ["view"]:
        return True
    if at != len(parts) - 1:
        return False
    rest = parts[1:at] if parts[0] in _LIBRARY_PREFIXES else parts[:at]
    return rest in ([], ["data"])


def form_object(attrs: dict[str, Attr]) -> str | None:
    """The object a Blazor form fills: `<EditForm Model="@patient">` is `patient`.

    Only a plain `@name` or `@(a.b)` path is read (its last segment).
    """
    for name in _FORM_OBJECT:
        attr = attrs.get(name)
        if attr is None or attr.raw is None:
            continue
        value = attr.raw.strip()
        if value.startswith("@(") and value.endswith(")"):
            value = value[2:-1]
        parts = path_segments(value.lstrip("@").strip())
        return parts[-1] if parts else None
    return None


def draws_control(head: str) -> bool:
    """Whether a `.razor` file draws a control (sniffed by `cnsnt init`).

    A component whose name makes it a control and whose start tag names it or binds a
    value (`<InputText @bind-Value=...>`, `<RadzenTextBox Name=...>`), or a native control
    bound with `@bind` (`<input @bind="patient.Email">`, `<select @bind-value=...>`).
    """
    for m in _NATIVE_TAG.finditer(head):
        end = head.find(">", m.end(), m.end() + _SNIFF_TAG)
        if "@bind" in head[m.end() : end if end >= 0 else m.end() + _SNIFF_TAG].lower():
            return True
    kinds: dict[str, bool] = {}
    for m in _COMPONENT_TAG.finditer(head):
        name = m.group(1)
        if name not in kinds:
            kind = component_kind(name)
            kinds[name] = kind is not None and kind.role in ("control", "form")
        if not kinds[name]:
            continue
        end = head.find(">", m.end(), m.end() + _SNIFF_TAG)
        tag = head[m.end() : end if end >= 0 else m.end() + _SNIFF_TAG].lower()
        if "@bind" in tag or "name=" in tag or name.lower().endswith("form"):
            return True
    return False
