"""Template formats cnsnt has no reader for, in whole or in part, so that none is passed over in silence.

The form reader reads a template as HTML with template code around it. That holds for
Jinja, Twig, ERB, EJS, Handlebars, Mustache, Liquid... but not for the indentation
languages that write no HTML at all: Haml (`%input{name: "email"}`), Slim (`input
type="email" name="email"`) and Pug. Read as HTML, such a file gives nothing:
demarches-simplifiees.fr's 759 Haml views, its sign-up form among them, were neither
proposed by `cnsnt init` nor named (review28 D2). All three are read now, each written out
as the markup it draws (`haml`, `slim`, `pug`); the note and the CN001 that named them
went with them (codereview38b: no format was left for them, and no test could reach them).

XAML views (WPF, WinUI, .NET MAUI; Avalonia's `.axaml`) are no HTML either: a desktop
app's form binds its controls to a view model's properties (`<TextBox Text="{Binding
Path=Imie}"/>`), which no form posts by name (review36 R36a D8).

JSP, FreeMarker and Velocity templates are HTML with code: their `<input>` is read as in
any template. The controls their frameworks' tag libraries and macros draw are not:
Spring's `<form:input path="email"/>`, Struts' `<s:textfield name="phone"/>`, FreeMarker's
`<@spring.formInput "user.email"/>`, Velocity's `#springFormInput("user.email" "")`.
"""

from __future__ import annotations

import re
from pathlib import Path

#: Suffixes of HTML template formats whose tag libraries or macros draw controls cnsnt does not read.
TAG_LIBRARY_FORMATS = {
    ".jsp": "JSP",
    ".jspf": "JSP",
    ".ftl": "FreeMarker",
    ".ftlh": "FreeMarker",
    ".vm": "Velocity",
}
#: A control drawn by a tag library or macro: JSP's `<form:input`, `<s:textfield`, `<html:text`,
#: `<h:inputText` (any prefix, then a control's name: `<s:text>` is a message, not a control);
#: FreeMarker's `<@spring.formInput`; Velocity's `#springFormInput`. A hidden field is none.
#: Linear: each branch starts at a fixed character (`<`, `#`), then possessive runs and
#: fixed words; nothing is retried inside a run.
TAG_CONTROL = re.compile(
    r"<[A-Za-z][\w.-]*+:(?:input(?!Hidden)\w*+|select\w*+|textarea|textfield|password|checkbox\w*+"
    r"|radio\w*+|file|multibox|combobox)\b"
    r"|<html:text\b"
    r"|<@(?:\w++\.)?form(?:Input|PasswordInput|Textarea|SingleSelect|MultiSelect|RadioButtons|Checkboxes"
    r"|Checkbox)\b"
    r"|#springForm(?:Input|PasswordInput|Textarea|SingleSelect|MultiSelect|RadioButtons|Checkboxes"
    r"|Checkbox)\b"
)


def tag_library_format(path: Path) -> str | None:
    """The name of the HTML template format whose tag libraries cnsnt does not read (`JSP`), or None."""
    return TAG_LIBRARY_FORMATS.get(path.suffix.lower())


def tag_controls(text: str) -> list[str]:
    """The tag-library or macro controls a JSP, FreeMarker or Velocity template draws (`<form:input`)."""
    return [m.group() for m in TAG_CONTROL.finditer(text)]


#: Suffixes of XAML views (WPF, UWP, WinUI, .NET MAUI; Avalonia's `.axaml`).
XAML_SUFFIXES = frozenset({".xaml", ".axaml"})
#: A XAML control's property that holds what the user enters, bound to a view model
#: (`Text="{Binding Path=Imie, ...}"`, `IsChecked="{x:Bind Vm.News}"`), with the binding's
#: inside. `ItemsSource` (a list's options) is none. Linear: each try starts at a fixed
#: word after a word boundary; the runs are possessive and end at a fixed character.
XAML_BOUND = re.compile(
    r"\b(?:Text|SelectedItem|SelectedValue|SelectedDate|IsChecked|IsToggled|IsOn|Value|Date|Time)"
    r"\s*+=\s*+\"\{(?:Binding|x:Bind)\b([^}\"]*+)"
)


#: How a XAML input control's element name ends (`TextBox`, `xctk:IntegerUpDown`, MAUI's
#: `Entry`): a `TextBlock` or a `Label` shows a value, nobody enters one.
XAML_INPUTS = (
    "TextBox", "PasswordBox", "ComboBox", "DatePicker", "TimePicker", "CheckBox", "RadioButton",
    "Slider", "UpDown", "Entry", "Editor", "Picker", "Switch", "ToggleButton", "ListBox",
)  # fmt: skip
#: How far back from a bound property its element's `<` is looked for (a tag's attributes).
_TAG_REACH = 4000
#: A binding's property path as a view model names it (`Imie`, `ViewModel.Newsletter`,
#: `Items[0].Name`): anything else (a space, a line break, a control character) is no
#: field name, and a note must not print it (codereview30 F3). Linear: one class, anchored.
_BINDING_PATH = re.compile(r"[\w.\[\]]+")


def xaml_view(path: Path) -> bool:
    """Whether a file is a XAML view (`Views/NowyKlientView.xaml`)."""
    return path.suffix.lower() in XAML_SUFFIXES


def xaml_bindings(text: str) -> list[str]:
    """The properties a XAML view binds its input controls to (`Imie` of `{Binding Path=Imie}`), in order."""
    out: list[str] = []
    for m in XAML_BOUND.finditer(text):
        start = text.rfind("<", max(0, m.start() - _TAG_REACH), m.start())
        # `<Text="{Binding Name}"/>` has no element name before its property: no control
        words = text[start + 1 : m.start()].split(None, 1) if start >= 0 else []
        element = words[0] if words else ""
        if not element.endswith(XAML_INPUTS):
            continue
        parts = [p.strip() for p in m.group(1).split(",")]
        given = (p.split("=", 1)[1].strip() for p in parts if p.replace(" ", "").startswith("Path="))
        path = next(given, None)
        if path is None and parts and parts[0] and "=" not in parts[0]:
            path = parts[0]
        if path and _BINDING_PATH.fullmatch(path):
            out.append(path)
    return out
