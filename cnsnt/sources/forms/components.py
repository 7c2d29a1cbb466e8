"""Controls drawn by UI-library components: `<x-text-input>`, `<v-checkbox>`, `<mat-select>`.

Most forms today are written with a component library whose controls are custom
elements (a tag name with a `-`, as the HTML spec names them): Laravel's Blade
components (`<x-text-input name="email">`, `<x-checkbox>`, `<x-jet-input>`,
`<x-forms.input>`), Vue libraries (Vuetify's `<v-text-field v-model="form.email">`,
Element's `<el-input>`, Quasar's `<q-toggle>`, BootstrapVue's `<b-form-checkbox>`,
Naive UI's and Ant Design Vue's `<n-input>` / `<a-checkbox>`), Angular libraries
(Material's `<mat-checkbox formControlName="newsletter">`, PrimeNG's `<p-dropdown>`,
NG-ZORRO's `<nz-select>` and `<label nz-checkbox>`, Ionic's `<ion-toggle>`) and web
components (`<sl-input name="email">`). `Components` tells the form reader
(`html_form`) which of the custom elements it meets is a control, a label or a form:

- a control: the words of its name (split at `-`, `.`, `_` and camel case) hold a
  control word of `phoenix.CONTROL_WORDS` (or one of the few more component libraries
  use: `dropdown`, `autocomplete`, `text-field`, ...), or it is one of a form library's
  field components (`<x-form.group.text>`, `<x-form.group.country>`, `<x-form.input.money>`:
  `form` then `group`, `input`, `field` or `control`, then the kind), and no word of
  something else (`label`, `error`, `hint`, `button`, `option`, `icon`, a `wrapper` or `container`),
  and it is given a name or binds a value (`name`, `v-model`, `formControlName`,
  `[(ngModel)]`, `wire:model`, `x-model`, `[formControl]`). A component with no name
  and no binding submits nothing cnsnt can see: `<mat-datepicker-toggle>`, a table's
  selection `<mat-checkbox [checked]>`, `<mat-autocomplete #panel>`. So does a group's
  member (`<mat-radio-button value="pro">` in a `<mat-radio-group formControlName>`,
  which is the field). Its kind: checkbox, switch and toggle are a checkbox, radio a
  radio, select, dropdown, autocomplete and combobox a select, textarea a textarea;
  else its `type` attribute, else the word (`password`, `email`, `date`), else text;
- a label: a name with `label` (`<x-input-label for="email" :value="__('Email')">`,
  Jetstream's `<x-label for="terms">` around the checkbox): read as a `<label>`, its
  text the `value` it is given (a literal, or the literal of `__('...')`), else its content;
- a form: a name of a library prefix and `form` (`<v-form>`, `<el-form>`, `<q-form>`,
  `<b-form>`, `<n-form>`, `<a-form>`, Blade's `<x-form>`), when no form is open;
- a form field's box: a name ending in `form-field`, `form-item` or `form-group`
  (`<mat-form-field>`, `<el-form-item>`, `<b-form-group>`), or an `item` (`<ion-item>`,
  `<q-item>`): its `label` (`<el-form-item label="E-mail">`), else the label component
  inside it (`<mat-label>`, `<ion-label>`), labels the controls it holds, a native
  `<input matInput>` too.

A control's label is its `label` attribute (a literal, or the string a `:label` /
`[label]` binds), else for a checkbox or radio its content (libraries put the label
inside: `<mat-checkbox ...>Send me offers</mat-checkbox>`), else what labels a native
control (a `<label for>`, its box's label, a placeholder). A group (`<mat-radio-group>`,
`<v-radio-group>`) is one field whose options are its members: its own `label` or
`aria-label` is the field's (a radio's own label names an option, `common.grouped_field`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from cnsnt.evidence import SourceProblem
from cnsnt.model import Severity
from cnsnt.sources.forms import blazor
from cnsnt.sources.forms.bindings import binding
from cnsnt.sources.forms.common import shorten
from cnsnt.sources.forms.control_words import Kind, element_kind
from cnsnt.sources.forms.html_page import BUTTON_TYPES, Control, Page, Tag, first_string_literal

#: Attributes that name a component's field or bind its value, beside `bindings.binding`.
_NAMING = frozenset(
    {"name", ":name", "v-bind:name", "[name]", "[attr.name]", "[formcontrol]", ":model-value"}
    | {"v-bind:model-value", "[(value)]"}
)
_LABEL_BINDINGS = (":label", "v-bind:label", "[label]")
_VALUE_ATTRS = (":value", "v-bind:value", "[value]")
#: Calls that translate a literal: Laravel's `__('Email')`, `trans()`, vue-i18n's `$t()`.
_TRANSLATE = frozenset({"__", "trans", "trans_choice", "$t", "t", "$tc", "translate", "lang", "@lang"})
#: Longest content read as a checkbox component's label (longer is a wrapper's markup).
_LABEL_SPAN = 2000
#: Custom elements tracked while open (their end tags close a form, a label, a control).
_MAX_OPEN = 512
#: A custom element's start tag, its name (a `-` in it). Linear: a fixed `<` and letter, then
#: possessive runs that a required `-` ends.
_CUSTOM_TAG = re.compile(r"<([A-Za-z][\w.]*+-[\w.-]*+)")
#: What names or binds a component's value in its start tag, for the sniff (lower-cased).
_SNIFF_NAMING = (
    "name=",
    "v-model",
    "formcontrol",
    "ngmodel",
    "ng-model",
    "wire:model",
    "x-model",
    "model-value",
)
#: How far a sniffed start tag is read for its attributes.
_SNIFF_TAG = 2000


class Components:
    """The custom elements of one page met by the reader's walk: controls, labels, forms.

    The reader asks `opening` at each start tag and `closing` at each end tag; both are
    constant work per tag (the answers for a name are kept), so the walk stays linear.
    """

    def __init__(self, page: Page) -> None:
        self.page = page
        self.controls: dict[int, Kind] = {}
        """Start of each custom element read as a control -> its kind."""
        self.types: dict[int, str] = {}
        """Start of each such control -> its control type (`type` attribute considered)."""
        self.label_values: dict[str, str] = {}
        """`for` -> text of a label component given its text (`:value="__('Email')"`)."""
        self.name_labels: dict[str, str] = {}
        """A control's name -> the text of a label component naming it (`<RadzenLabel Component=...>`)."""
        self._inner: dict[int, tuple[int, int]] = {}
        self._open: list[tuple[str, int, int, str]] = []
        """Open elements tracked: (end-tag name, start, end of the start tag, its role)."""
        self._containers: list[tuple[int, int, str]] = []
        """(start, end, text of the label inside) of each form-field box with a label."""
        self._sorted = True
        self._boxes: list[int] = []
        self._box_labels: dict[int, str] = {}
        self._open_names: Counter[str] = Counter()
        self._kinds: dict[str, Kind | None] = {}

    def _kind(self, tag: Tag) -> Kind | None:
        written = self._written(tag)
        if written not in self._kinds:
            razor = self.page.blazor and blazor.component(written)
            self._kinds[written] = blazor.component_kind(written) if razor else element_kind(written)
        return self._kinds[written]

    def _written(self, tag: Tag) -> str:
        """The tag's name as written (case kept: `RadzenTextBox`)."""
        return self.page.text[tag.start + 1 : tag.start + 1 + len(tag.tag)]

    def opening(self, tag: Tag, in_form: bool) -> str:
        """The element a start tag stands for: `input`, `label`, `form`, else its own name.

        `in_form` says a form is open (a form component inside it is no new form).
        """
        name = tag.tag
        if "-" in name or (self.page.blazor and blazor.component(self._written(tag))):
            kind = self._kind(tag)  # `<v-text-field>`, Blazor's `<InputText>`
            if kind is None and self.page.blazor:
                self._unread_binding(tag)
        elif name == "label":  # NG-ZORRO's `<label nz-checkbox formControlName="remember">`
            kind = self._directive(tag)
        else:
            return name
        if kind is None or (kind.role == "form" and in_form):
            return name
        if kind.role == "container":
            self._track(name, tag, "container")
            text = self.page.attr_text(tag, "label") or _bound_text(tag, _LABEL_BINDINGS)
            if not text and self.page.blazor:  # Radzen's `<RadzenFormField Text="E-mail">`
                text = self.page.attr_text(tag, "text")
            if text:  # `<el-form-item label="E-mail">`, `<b-form-group label=...>`
                self._box_labels[tag.start] = text
            return name
        if kind.role == "control":
            if not self._named(tag):
                return name  # no name, no binding: nothing submitted that cnsnt can see
            self.controls[tag.start] = kind
            typed = (tag.literal("type") or "").strip().lower()
            self.types[tag.start] = kind.control if kind.structural else typed or kind.control
        elif kind.role == "label":
            self._label_value(tag)
        self._track(name, tag, kind.role)
        return "input" if kind.role == "control" else kind.role

    def closing(self, name: str, start: int) -> str:
        """The element an end tag closes: `form`/`label` for a component's, empty for a control's."""
        if not self._open_names[name]:
            return name
        while self._open:
            open_name, begin, inner, role = self._open.pop()
            self._open_names[open_name] -= 1
            if role == "container":
                self._boxes.pop()
                if begin in self._box_labels:
                    self._containers.append((begin, start, self._box_labels[begin]))
                    self._sorted = False
            if open_name != name:
                continue
            if role == "control":
                self._inner[begin] = (inner, start)
                return ""
            if role == "label" and self._boxes and self._boxes[-1] not in self._box_labels:
                text = self.page.region_text(inner, start) if inner < start <= inner + _LABEL_SPAN else None
                if text:  # `<mat-form-field><mat-label>E-mail</mat-label>`
                    self._box_labels[self._boxes[-1]] = text
            return name if role == "container" else role
        return name

    def box_label(self, ctrl: Control) -> str | None:
        """The label of the form-field box (`<mat-form-field>`) a control stands in (not a button's)."""
        pos = ctrl.start
        if ctrl.control == "button" or ctrl.control in BUTTON_TYPES:
            return None
        if not self._sorted:  # recorded as each box ends: sorted by start once, when asked
            self._containers.sort()
            self._sorted = True
        idx = bisect_right(self._containers, (pos, len(self.page.text) + 1, "")) - 1
        if idx >= 0 and self._containers[idx][1] > pos:
            return self._containers[idx][2]
        return None

    def label(self, tag: Tag) -> str | None:
        """A control component's own label: `label`, a bound `:label` literal, a checkbox's content."""
        kind = self.controls.get(tag.start)
        if kind is None:
            return None
        page = self.page
        text = page.attr_text(tag, "label") or _bound_text(tag, _LABEL_BINDINGS)
        if text or kind.group or kind.control not in ("checkbox", "radio"):
            return text
        inner = self._inner.get(tag.start)
        if inner is None or not inner[0] < inner[1] <= inner[0] + _LABEL_SPAN:
            return None
        return page.region_text(*inner)

    def group_label(self, tag: Tag) -> str | None:
        """A group component's label (`<v-radio-group label="Plan">`): the question its options answer."""
        kind = self.controls.get(tag.start)
        if kind is None or not kind.group:
            return None
        return (
            self.page.attr_text(tag, "label")
            or _bound_text(tag, _LABEL_BINDINGS)
            or self.page.attr_text(tag, "aria-label")
        )

    def _track(self, name: str, tag: Tag, role: str) -> None:
        if len(self._open) >= _MAX_OPEN:  # never closed: the oldest is forgotten
            old = self._open.pop(0)
            self._open_names[old[0]] -= 1
            if old[3] == "container":
                self._boxes.pop(0)
        self._open.append((name, tag.start, tag.end, role))
        self._open_names[name] += 1
        if role == "container":
            self._boxes.append(tag.start)

    def _directive(self, tag: Tag) -> Kind | None:
        """A `<label>` made a checkbox or radio by a library's directive (`nz-checkbox`)."""
        for attr in tag.attrs:
            if "-" in attr and not attr.startswith(("data-", "aria-")):
                kind = element_kind(attr)
                if kind is not None and kind.role == "control" and kind.control in ("checkbox", "radio"):
                    return kind if self._named(tag) else None
        return None

    def _unread_binding(self, tag: Tag) -> None:
        """A Blazor component that binds a value but is no control cnsnt knows: said (CN001)."""
        bound = blazor.unread_binding(self._written(tag), tag.attrs, self.page.text)
        if bound is None:
            return
        page = self.page
        page.problems.append(SourceProblem(
            f"component <{shorten(bound, 80)}> binds a value, but its name says no control cnsnt "
            "reads; the field it fills is not audited",
            page.location(tag.start), page.shown, severity=Severity.WARNING,
            fix="check the field by hand, or declare it under the form's key in the policy",
        ))

    def _named(self, tag: Tag) -> bool:
        return any(a in _NAMING for a in tag.attrs) or binding(tag.attrs, self.page.text) is not None

    def _label_value(self, tag: Tag) -> None:
        """`<x-input-label for="email" :value="__('Email')" />`: the text it is given, by `for`.

        Radzen's `<RadzenLabel Text="Phone" Component="Phone1" />` names its control's `Name`.
        """
        if self.page.blazor and "component" in tag.attrs:
            target, text = tag.literal("component"), self.page.attr_text(tag, "text")
            if target and text:
                self.name_labels.setdefault(target.strip(), text)
            return
        target = tag.literal("for")
        if not target:
            return
        text = self.page.attr_text(tag, "value") or _bound_text(tag, _VALUE_ATTRS)
        if text:
            self.label_values.setdefault(target, text)


def _bound_text(tag: Tag, names: tuple[str, ...]) -> str | None:
    """The text a bound attribute gives: `'E-mail'`, `__('Email')`, `$t("Send me offers")`."""
    for name in names:
        attr = tag.attrs.get(name)
        if attr is None or attr.raw is None:
            continue
        code = attr.raw.strip()
        head, paren, _ = code.partition("(")
        quoted = code[:1] in ("'", '"')
        if not quoted and not (paren and head.strip() in _TRANSLATE):
            continue
        literal = first_string_literal(code)
        if literal is not None and any(ch.isalnum() for ch in literal):
            return " ".join(literal.split())
    return None


def draws_component_control(head: str) -> bool:
    """Whether a template's text draws a control with a component (sniffed by `cnsnt init`).

    A custom element whose name makes it a control and whose start tag names it or binds
    a value: `<v-text-field v-model="form.email">`, `<x-text-input name="email">`. A
    `<v-btn>`, a `<mat-checkbox [checked]>` binding no field or a `<v-text-field>` bound to
    nothing draws none.
    """
    kinds: dict[str, bool] = {}
    for m in _CUSTOM_TAG.finditer(head):
        name = m.group(1)
        if name not in kinds:
            kind = element_kind(name)
            kinds[name] = kind is not None and kind.role == "control"
        if not kinds[name]:
            continue
        end = head.find(">", m.end(), m.end() + _SNIFF_TAG)
        tag = head[m.end() : end if end >= 0 else m.end() + _SNIFF_TAG].lower()
        if any(mark in tag for mark in _SNIFF_NAMING):
            return True
    return False
