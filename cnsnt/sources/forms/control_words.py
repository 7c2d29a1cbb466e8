"""What the words of a component's or a template function's name say about the control it draws.

UI-library components (`<v-text-field>`, `<mat-checkbox>`: `components`) and a Smarty
project's own functions (`{input}`, `{cms_textarea}`: `smarty_calls`) are read as
controls by their names, with one vocabulary: the control words of Phoenix's function
components (`phoenix.CONTROL_WORDS`) and the few more component libraries use, the
words of what is no control itself (a label, an error, a button, an option, a wrapper),
and the pairs of words that make one (`text-field`, `check_box`, `date-picker`).
"""

from __future__ import annotations

from dataclasses import dataclass

from cnsnt.sources.forms.common import words
from cnsnt.sources.forms.phoenix import CONTROL_WORDS as PHOENIX_CONTROL_WORDS
from cnsnt.sources.forms.phoenix import NOT_CONTROL_WORDS as PHOENIX_NOT_CONTROL_WORDS

#: Control words of component libraries beyond Phoenix's (`phoenix.CONTROL_WORDS`).
MORE_CONTROL_WORDS = {
    "dropdown": "select", "autocomplete": "select", "combobox": "select", "multiselect": "select",
    "textfield": "text", "datepicker": "date", "calendar": "date", "datetime": "date",
    "time": "time", "timepicker": "time", "slider": "range", "color": "color", "otp": "text",
    "inputswitch": "checkbox", "cascader": "select", "upload": "file", "optiongroup": "radio",
    "textbox": "text", "numeric": "number", "listbox": "select",
}  # fmt: skip
#: Each control word and the control type it names.
CONTROL_WORDS = {**PHOENIX_CONTROL_WORDS, **MORE_CONTROL_WORDS}
#: Words of what is no control itself: a label, a message, a button, a list's option, a wrapper.
NOT_CONTROL_WORDS = PHOENIX_NOT_CONTROL_WORDS | {
    "button", "btn", "option", "options", "icon", "wrapper", "container", "item", "message",
    "messages", "description", "addon", "prefix", "suffix", "trigger", "panel", "menu", "list",
    "link", "layout", "slot", "modal", "dialog",
}  # fmt: skip
#: Two words that make one: `text-field`, `radio-button`, `date-picker`, `input-switch`,
#: Blazor's `TextBox`, `TextArea`, `ListBox` (`RadzenTextBox`).
PAIRS = {
    ("text", "field"): "textfield", ("radio", "button"): "radio", ("date", "picker"): "datepicker",
    ("time", "picker"): "timepicker", ("input", "switch"): "inputswitch", ("check", "box"): "checkbox",
    ("button", "toggle"): "radio", ("btn", "toggle"): "radio", ("multi", "select"): "multiselect",
    ("combo", "box"): "combobox", ("drop", "down"): "dropdown", ("auto", "complete"): "autocomplete",
    ("option", "group"): "optiongroup", ("text", "box"): "textbox", ("text", "area"): "textarea",
    ("list", "box"): "listbox",
}  # fmt: skip
#: The kind of control a word names that no `type` attribute changes.
STRUCTURAL = {"checkbox": "checkbox", "radio": "radio", "select": "select", "textarea": "textarea"}


def name_words(written: str) -> list[str]:
    """`x-forms.input` -> x forms input; `p-inputSwitch` -> p inputswitch (pairs joined)."""
    out: list[str] = []
    for word in words(written).split():
        if out and (out[-1], word) in PAIRS:
            out[-1] = PAIRS[(out[-1], word)]
        else:
            out.append(word)
    return out


#: A form library's namespace of field components (Akaunting's `<x-form.group.text>`,
#: `<x-form.group.money>`, `<x-form.input.text>`): each is a field, whatever the last word.
_FORM_NAMESPACES = frozenset({"form", "forms"})
_FIELD_NAMESPACES = frozenset({"group", "input", "inputs", "field", "fields", "control", "controls"})


@dataclass(frozen=True)
class Kind:
    """What a custom element's name makes it: a control (of `control` type), a label or a form."""

    role: str
    """`control`, `label`, `form`, or `container` (a form field's box, which a label names)."""
    control: str = ""
    """The control's type for a control, from the name's words (`checkbox`, `select`, `text`)."""
    structural: bool = False
    """The words name the kind whatever `type` says (a checkbox, radio, select, textarea)."""
    group: bool = False
    """A group of boxes or radio buttons (`<mat-radio-group>`): its content is its members."""


def element_kind(written: str) -> Kind | None:
    """What a custom element's name makes it, None when it is none of a control, label, form.

    `written` is the tag's name as written (case kept, for camel-case words).
    """
    parts = name_words(written)
    if len(parts) < 2:
        return None
    rest = parts[1:]  # the library's prefix (`x`, `v`, `mat`) says nothing
    if "label" in rest:
        return Kind("label")
    if rest[-2:] in (["form", "field"], ["form", "item"], ["form", "group"]) or rest == ["item"]:
        return Kind("container")  # `<mat-form-field>`: its `<mat-label>` names the control inside
    if rest == ["form"]:
        return Kind("form")
    if any(w in NOT_CONTROL_WORDS for w in rest):
        return None
    found = [CONTROL_WORDS[w] for w in rest if w in CONTROL_WORDS]
    if not found:
        if len(rest) > 2 and rest[0] in _FORM_NAMESPACES and rest[1] in _FIELD_NAMESPACES:
            return Kind("control", "text")  # `<x-form.group.country name="country">`
        return None
    structural = [STRUCTURAL[c] for c in found if c in STRUCTURAL]
    specific = [c for c in found if c != "text"]
    control = structural[0] if structural else specific[0] if specific else "text"
    return Kind("control", control, bool(structural), "group" in rest or "optiongroup" in rest)
