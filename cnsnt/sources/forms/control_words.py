"""What the words of a component's or a template function's name say about the control it draws.

UI-library components (`<v-text-field>`, `<mat-checkbox>`: `components`) and a Smarty
project's own functions (`{input}`, `{cms_textarea}`: `smarty_calls`) are read as
controls by their names, with one vocabulary: the control words of Phoenix's function
components (`phoenix.CONTROL_WORDS`) and the few more component libraries use, the
words of what is no control itself (a label, an error, a button, an option, a wrapper),
and the pairs of words that make one (`text-field`, `check_box`, `date-picker`).
"""

from __future__ import annotations

from cnsnt.sources.forms.common import words
from cnsnt.sources.forms.phoenix import CONTROL_WORDS as PHOENIX_CONTROL_WORDS
from cnsnt.sources.forms.phoenix import NOT_CONTROL_WORDS as PHOENIX_NOT_CONTROL_WORDS

#: Control words of component libraries beyond Phoenix's (`phoenix.CONTROL_WORDS`).
MORE_CONTROL_WORDS = {
    "dropdown": "select", "autocomplete": "select", "combobox": "select", "multiselect": "select",
    "textfield": "text", "datepicker": "date", "calendar": "date", "datetime": "date",
    "time": "time", "timepicker": "time", "slider": "range", "color": "color", "otp": "text",
    "inputswitch": "checkbox", "cascader": "select", "upload": "file", "optiongroup": "radio",
}  # fmt: skip
#: Each control word and the control type it names.
CONTROL_WORDS = {**PHOENIX_CONTROL_WORDS, **MORE_CONTROL_WORDS}
#: Words of what is no control itself: a label, a message, a button, a list's option, a wrapper.
NOT_CONTROL_WORDS = PHOENIX_NOT_CONTROL_WORDS | {
    "button", "btn", "option", "options", "icon", "wrapper", "container", "item", "message",
    "messages", "description", "addon", "prefix", "suffix", "trigger", "panel", "menu", "list",
    "link", "layout", "slot", "modal", "dialog",
}  # fmt: skip
#: Two words that make one: `text-field`, `radio-button`, `date-picker`, `input-switch`.
PAIRS = {
    ("text", "field"): "textfield", ("radio", "button"): "radio", ("date", "picker"): "datepicker",
    ("time", "picker"): "timepicker", ("input", "switch"): "inputswitch", ("check", "box"): "checkbox",
    ("button", "toggle"): "radio", ("btn", "toggle"): "radio", ("multi", "select"): "multiselect",
    ("combo", "box"): "combobox", ("drop", "down"): "dropdown", ("auto", "complete"): "autocomplete",
    ("option", "group"): "optiongroup",
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
