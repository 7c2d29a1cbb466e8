"""Forms in HTML files and server templates: controls, names, labels and roles, with line:column.

`read_html_forms` is the reader: it walks the tag events of a `Page`
(`html_page`, where template syntax is blanked and the markup parsed), adds the
controls that partials and helpers render (`widgets`), then finds each
control's label and role (consent, technical, honeypot, button), decides
whether a `checked` is printed only under a template condition, and merges
controls that submit the same name into one field per form.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cnsnt.evidence import Evidence, FieldRole, Form, FormField, SourceProblem
from cnsnt.model import Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import Limits, SourceContext, read_text
from cnsnt.sources.forms import (
    blade_includes,
    blade_objects,
    blazor,
    razor_models,
    search_forms,
    thymeleaf_fragments,
)
from cnsnt.sources.forms.bindings import binding, form_object, glimmer_binding, shown_object
from cnsnt.sources.forms.blade_helpers import blade_helper, parse_php, unread_blade_helper
from cnsnt.sources.forms.common import (
    NO_VALUES,
    NOT_READONLY,
    SENDS_NOTHING,
    VOID_ELEMENTS,
    form_evidence,
    grouped_field,
    looks_like_consent,
    shorten,
    unnamed_problem,
    words,
)
from cnsnt.sources.forms.components import Components
from cnsnt.sources.forms.heex_markup import component_element, sveltekit_action
from cnsnt.sources.forms.html_page import BUTTON_TYPES, Attr, Control, FormTag, Label, Page, Tag, flat
from cnsnt.sources.forms.indented_views import indented_view, read_view
from cnsnt.sources.forms.inline import attach_inline_ignores
from cnsnt.sources.forms.macros import MAX_EXPANSIONS, MacroCalls, macro_file
from cnsnt.sources.forms.phoenix import (
    FORM_COMPONENTS,
    Helper,
    component_control,
    field_name,
    field_owner,
    from_assigns,
    helper_call,
    helper_name,
    let_name,
    name_value,
    upload_name,
)
from cnsnt.sources.forms.rails_helpers import (
    block_builder,
    named_explicitly,
    nested_builder,
    parse_ruby,
    rails_helper,
    receiver,
)
from cnsnt.sources.forms.rails_objects import page_object
from cnsnt.sources.forms.smarty_calls import read_call
from cnsnt.sources.forms.svelte_script import script_bodies, starting_booleans
from cnsnt.sources.forms.symfony_views import TemplateNames, rendered_form_note, template_names, whole_form
from cnsnt.sources.forms.templates import (
    BRANCH,
    CLOSE,
    COMMENT,
    EXPR,
    IF,
    OPEN,
    RENDER,
    SMARTY_FUNCTION,
    Token,
)
from cnsnt.sources.forms.widgets import helper_control, rendered_control

#: Template tokens that print nothing themselves: conditions' tags and comments.
_SILENT = frozenset({IF, BRANCH, CLOSE, COMMENT})
#: ARIA roles of an element that groups the options of one question.
_GROUP_ROLES = frozenset({"radiogroup", "group"})
#: How much of the element an `aria-labelledby` points at is read for a group's label.
_HEADING_CHARS = 2000
_NO_DEFAULT = BUTTON_TYPES | {"checkbox", "radio", "file", "password"}
# Linear: each try starts at a quote, a blank or a fixed word, reads at most one
# possessive blank run (which the next quote or word ends), then fixed words.
_REQUIRED_IN_CODE = re.compile(r"['\"]\s*+required\b")
_CHECKED_IN_CODE = re.compile(r"['\"]\s*+checked\b")
#: Attributes that bind `checked` to an expression: Vue, Angular, Alpine, Thymeleaf, AngularJS.
_CHECKED_BINDINGS = frozenset(
    {":checked", "v-bind:checked", "x-bind:checked", "[checked]", "[attr.checked]"}
    | {"th:checked", "data-th-checked", "ng-checked"}
)
_TRUE_VALUES = frozenset({"true", "${true}", "!0", "1", "'checked'", "'true'"})
_FALSE_VALUES = frozenset({"", "false", "${false}", "!1", "0", "null", "undefined", "''"})
#: A Django or WTForms bound field's name printed whole: `{{ form.email.name }}`,
#: `{{ signup_form.email.html_name }}` (a form variable, its field, the field's name).
#: Linear: one word run each side of fixed dots, possessive blank runs.
_BOUND_FIELD_NAME = re.compile(
    r"\{\{\s*+\w*?form\w*+\.(\w++)\.(?:html_name|name)\s*+\}\}", re.IGNORECASE
)
#: Blade's `@checked(...)` / `@required(...)` directives. Linear: fixed words, one possessive
#: blank run, a fixed `(`.
_BLADE_FLAG = re.compile(r"@(checked|required)\s*+\(")
_HIDDEN_CLASS = re.compile(
    r"(?:^|\s)(?:d-none|hidden|hide|is-hidden|u-hidden|visually-hidden|visuallyhidden|"
    r"sr-only|screen-reader-text|invisible|display-none)(?=\s|$)",
    re.IGNORECASE,
)
_HIDDEN_STYLE = re.compile(
    r"display\s*+:\s*+none|visibility\s*+:\s*+hidden|(?:left|top)\s*+:\s*+-\d{3,}+", re.IGNORECASE
)
_HONEYPOT_WORDS = re.compile(
    r"honey|hpot|\bhp\b|bot ?field|no ?bots?\b|anti ?spam|spam ?trap|captcha ?trap"
)
_TRAP_NAMES = frozenset({"website", "url", "homepage", "home page", "web site", "web", "fax"})


def _asp_name(value: str) -> str:
    """ASP.NET names a control after the property path: `Model.Address.City` -> `Address.City`."""
    value = value.strip().lstrip("@")
    return value[6:] if value.startswith("Model.") else value


def _hidden_styled(tag: Tag) -> bool:
    style = tag.literal("style") or ""
    cls = tag.literal("class") or ""
    return (
        bool(_HIDDEN_CLASS.search(cls) or _HIDDEN_STYLE.search(style))
        or "hidden" in tag.attrs
        or (tag.literal("aria-hidden") or "").lower() == "true"
    )


def _is_honeypot(ctrl: Control, tag: Tag) -> bool:
    """Honeypot traps: hidden from people by style, skipped by keyboard, tempting to bots."""
    near = ctrl.ancestors[-3:]
    marks = [ctrl.name, ctrl.raw, tag.attrs["id"].raw if "id" in tag.attrs else None]
    marks += [t.attrs["class"].raw for t in (tag, *near[-2:]) if "class" in t.attrs]
    if any(_HONEYPOT_WORDS.search(words(m)) for m in marks if m):
        return True
    own = _hidden_styled(tag)
    hidden = own or any(_hidden_styled(t) for t in near)
    tab_negative = (tag.literal("tabindex") or "").strip() == "-1"
    name = words(ctrl.name or "")
    trap = name in _TRAP_NAMES or (name.endswith(" confirm") and own)
    autocomplete_off = (tag.literal("autocomplete") or "").lower() in ("off", "nope", "no")
    return (hidden and (tab_negative or trap)) or (own and autocomplete_off)


def _blade_flags(text: str, tag: Tag) -> dict[str, str]:
    """Blade's `@checked(expr)` / `@required(expr)` in a start tag: directive -> `expr`."""
    flags: dict[str, str] = {}
    pos, end = tag.start, tag.end
    while (m := _BLADE_FLAG.search(text, pos, end)) is not None:
        depth, i = 1, m.end()
        while i < end and depth:
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            i += 1
        flags.setdefault(m.group(1), " ".join(text[m.end() : i - 1].split()).lower())
        pos = i
    return flags


def _bound_field_name(raw: str) -> str | None:
    """`name="{{ form.email.name }}"`: the field a Django or WTForms form variable names."""
    m = _BOUND_FIELD_NAME.fullmatch(raw.strip())
    return m.group(1) if m else None


def _redirect_field(control: str, raw: str) -> str | None:
    """`<input type="hidden" name="{{ redirect_field_name }}">`: where to go after logging in.

    Django's `LoginView` and allauth's login, signup and logout views give their templates
    `redirect_field_name`, the name of the field that carries the redirect target
    (`REDIRECT_FIELD_NAME`, `next` unless a view says otherwise): a technical hidden
    field, named `next` here.
    """
    code = raw.strip()
    if control != "hidden" or not (code.startswith("{{") and code.endswith("}}")):
        return None
    return "next" if code[2:-2].strip() == "redirect_field_name" else None


def _brace_checked(ctrl: Control, checked: Attr) -> None:
    """Svelte's and HEEx's `checked={...}`: `{true}` ticks the box, `{false}` does not, code chooses."""
    code = " ".join((checked.raw or "").split()).strip("{} ").lower()
    if code in _FALSE_VALUES or code == "nil":
        return
    ctrl.checked = True
    if code in _TRUE_VALUES:
        ctrl.checked_at = checked.start
    else:
        ctrl.checked_conditionally = True


def _bound_checked(ctrl: Control, tag: Tag, blade: dict[str, str]) -> None:
    """A `checked` a framework binds (`:checked="true"`, `@checked(old('x', true))`).

    A constant true ticks the box for everyone; an expression is the template choosing,
    like `{% if x %}checked{% endif %}`; a constant false ticks nothing.
    """
    bound = [(a.value, a.start) for a in tag.attrs.values() if a.name in _CHECKED_BINDINGS]
    if "checked" in blade:
        bound.append((blade["checked"], tag.start))
    for value, start in bound:
        code = " ".join((value or "").split()).lower()
        if code in _FALSE_VALUES:
            continue
        ctrl.checked = True
        if code in _TRUE_VALUES:
            ctrl.checked_at = start
            ctrl.checked_conditionally = False
            return
        ctrl.checked_conditionally = True


@dataclass
class _Blade:
    """Where a Blade template's `@include`s are resolved, and how deep they are read."""

    ctx: SourceContext
    path: Path
    """The source file read (for a printed partial: the file it was included from, first)."""
    root: Path | None
    """The `resources/views` folder view names start from; None when there is none."""
    depth: int = 0
    budget: list[int] = field(default_factory=lambda: [blade_includes.MAX_EXPANSIONS])
    """Partials left to print for the whole source file, shared with nested includes."""
    spent_reported: list[bool] = field(default_factory=lambda: [False])
    chain: tuple[Path, ...] = ()
    """The partials being printed around this one (a partial that includes itself stops)."""


@dataclass
class _Thymeleaf:
    """Where a Thymeleaf template's fragment calls are resolved, and how deep they are read."""

    ctx: SourceContext
    path: Path
    """The template read (for a printed fragment: the fragment's file)."""
    depth: int = 0
    budget: list[int] = field(default_factory=lambda: [thymeleaf_fragments.MAX_EXPANSIONS])
    """Fragments left to print for the whole source file, shared with nested calls."""
    chain: tuple[tuple[Path, str], ...] = ()
    """The fragments being printed around this one (a fragment that calls itself stops)."""


@dataclass(frozen=True)
class _FragmentSite:
    """A tag calling a fragment (`th:replace`, `th:insert`), in the form it sits in."""

    tag: Tag
    form: int | None
    attr: str
    value: str
    host_control: bool
    """The tag is a control (`<input th:replace=...>`): the fragment draws it."""


class _Reader:
    """Turn a `Page` into forms and fields."""

    def __init__(self, page: Page, calls: MacroCalls | None = None) -> None:
        self.page = page
        self.calls = calls
        """Resolves `{{ form.input('email') }}` to the macro it calls (None: no macros read)."""
        self.expanding = False
        self.spent_reported = False
        """True for a macro body expanded for a call (its offsets are not its file's)."""
        self.forms: list[FormTag] = []
        self.controls: list[Control] = []
        self.labels: list[Label] = []
        self.legends: dict[int, str] = {}
        """Fieldset start -> its legend's text (a radio group's label)."""
        self.max_depth = Limits().depth
        """Open elements kept (`--max-depth`): a control remembers its ancestors."""
        self.too_deep = False
        self._radio_groups: dict[int, str | None] = {}
        self._ids: dict[str, Tag] = {}
        """Element id -> the first element with it (what `aria-labelledby` points at)."""
        self._inner_ends: dict[int, int] = {}
        """Start of an element with an id -> where its content ends (its end tag)."""
        self._headings: dict[int, str | None] = {}
        self.helper_labels: dict[str, str] = {}
        """A label helper's text by the field it names: Phoenix's `label f, :email, "E-mail"`,
        Rails' `f.label :email`, Laravel's `Form::label('email', ...)`."""
        self._block_texts: dict[tuple[int, int], str | None] = {}
        self._svelte_known: dict[str, bool] | None = None
        """Svelte: the booleans the component's script starts its variables as (read once)."""
        self.custom = Components(page)
        """UI-library components (`<x-text-input>`, `<v-checkbox>`): controls, labels, forms."""
        self.blade: _Blade | None = None
        """A Blade template: its `@include`s draw controls (None: not Blade)."""
        self.partial = False
        """A partial printed for an include: `<label for="x">` labels the control named x."""
        self.smarty_functions: dict[str, list[int]] = {}
        """A Smarty project's own functions read as controls: name -> where each call is."""
        self.thymeleaf: _Thymeleaf | None = None
        """A Thymeleaf template: its `th:replace`/`th:insert` calls draw controls (None: not one)."""
        self.fragment_sites: list[_FragmentSite] = []
        self.whole_forms: list[tuple[int, str, str]] = []
        """Where a whole Symfony form is rendered (`{{ form_widget(form) }}`), the call, the variable."""
        self._twig_names: TemplateNames | None = None
        """The template's bound and form-function variables (read once, on the first unnamed call)."""
        self.collecting_get: dict[str, tuple[str, int]] = {}
        """Forms sent by GET that ask for contact details, by name: what they ask for, and where
        the first such form starts (unnamed forms of a file share its name)."""
        self.sites: tuple[Path, ...] = ()
        """The templates that include this Blade partial (it has no form of its own)."""

    def read(self) -> tuple[list[Form], list[SourceProblem]]:
        """Parse, collect controls and labels, decide roles and conditions, merge by name."""
        page = self.page
        self._walk(page.tag_events())
        self.controls = [c for c in self.controls if not self._named_by_caller(c)]
        self._leave_to_fragment_calls()
        self._rendered()
        self._note_smarty_functions()
        self._included()
        self._fragments()
        sites = self.sites = self._includers()
        dropped = [c for c in self.controls if _named_by_site(c)] if sites else []
        if dropped:  # named (or reported) at each include, in its form
            self.controls = [c for c in self.controls if not _named_by_site(c)]
            assert self.blade is not None  # sites are found only for a Blade template
            self._note_sites(self.blade, dropped, sites)
        self.controls.sort(key=lambda c: c.start)
        self._finish()
        return self._forms(), page.problems

    def _includers(self) -> tuple[Path, ...]:
        """The templates that include this Blade partial (none when it has a form of its own)."""
        blade = self.blade
        if blade is None or blade.root is None or self.expanding or self.forms:
            return ()
        return blade_includes.includers(blade.root, blade.ctx).get(blade.path, ())

    def _note_sites(self, blade: _Blade, dropped: list[Control], sites: tuple[Path, ...]) -> None:
        """Say where the controls a partial's includes name are read: a warning when not all are.

        When the audit reads every including template, nothing is said (each include names
        them, or warns). Outside an audit (which templates are read is not known) a note.
        """
        ctx, page = blade.ctx, self.page
        read = ctx.memo.get(blade_includes.FORMS_READ)
        known = read is not None
        unread = [p for p in sites if not isinstance(read, frozenset) or p not in read]
        if known and not unread:
            return
        names = ", ".join(sorted({shorten(c.raw or "", 40) for c in dropped}))
        files = [ctx.shown(p) for p in unread]
        listed = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
        many = len(dropped) > 1
        controls = f"{len(dropped)} control{'s' if many else ''} of this partial " + (
            "take their name" if many else "takes its name"
        )
        said = f"{controls} from the templates that include it ({names})"
        if known:
            message = (
                f"{said}; {len(unread)} of the {len(sites)} including templates are not read as "
                f"sources ({listed}): the fields they name are not read"
            )
            fix = "add the including templates to sources: forms (resources/views/**/*.blade.php)"
        else:
            message = f"{said}: each is read at its includes, as a field of the including form ({listed})"
            fix = None
        page.problems.append(SourceProblem(
            message, page.location(dropped[0].start), page.shown,
            severity=Severity.WARNING if known else Severity.INFO, fix=fix,
        ))

    def _named_by_caller(self, ctrl: Control) -> bool:
        """A macro's `<input name="{{ name }}">`: a field of each call, not of its file.

        Each call reads it (or reports it unread); the file defining the macro does not.
        """
        attr = ctrl.tag.attrs.get("name") if ctrl.tag is not None else None
        if ctrl.tag is not None and self.page.sigils and ctrl.name is None:
            # a Phoenix function component's `<input name={@name}>`: named by each caller
            attr = attr or ctrl.tag.attrs.get("field")
            return attr is not None and attr.templated and from_assigns(attr.raw or "")
        return ctrl.name is None and attr is not None and attr.templated and self._in_macro(ctrl.start)

    def _in_macro(self, offset: int) -> bool:
        """`offset` is in the body of a macro this file defines (not in an expanded body)."""
        return self.calls is not None and not self.expanding and self.calls.found.in_macro(offset)

    def _walk(self, events: list[tuple[bool, str, int, int]]) -> None:
        page = self.page
        stack: list[Tag] = []
        open_labels: list[Label] = []
        current: int | None = None
        select: Control | None = None
        textarea: Control | None = None
        legend_start: int | None = None
        for is_start, name, start, end in events:
            if not is_start:
                name = self.custom.closing(name, start)  # `</v-form>`, `</x-input-label>`
                if page.components.get(start) in FORM_COMPONENTS:
                    name = "form"  # `</.simple_form>`
                if name == "form" and current is not None:
                    self.forms[current].end = start
                    current = None
                elif name == "label" and open_labels:
                    open_labels.pop().inner_end = start
                elif name == "select":
                    select = None
                elif name == "legend" and legend_start is not None:
                    fieldset = next((t for t in reversed(stack) if t.tag == "fieldset"), None)
                    text = page.region_text(legend_start, start)
                    if fieldset is not None and text:
                        self.legends.setdefault(fieldset.start, text)
                    legend_start = None
                elif name == "textarea" and textarea is not None and textarea.tag is not None:
                    begin = textarea.tag.end
                    if page.markup[begin:start].strip() and not page.tokens_in(begin, start):
                        textarea.default = page.text[begin:start].strip("\r\n")
                    textarea = None
                for idx in range(len(stack) - 1, -1, -1):
                    if stack[idx].tag == name:
                        if "id" in stack[idx].attrs:
                            self._inner_ends.setdefault(stack[idx].start, start)
                        del stack[idx:]
                        break
                continue
            tag = page.tag(name, start, end)
            page.tag_spans.append((start, end))
            element_id = tag.literal("id") if "id" in tag.attrs else None
            if element_id:
                self._ids.setdefault(element_id.strip(), tag)
            if start in page.components:  # HEEx `<.simple_form>`, `<.text_input field=...>`
                named = "field" in tag.attrs or "name" in tag.attrs or "upload" in tag.attrs
                name = tag.tag = component_element(page.components[start], named)
            else:  # `<x-text-input name=...>`, `<v-form>`, `<x-input-label for=...>`
                name = tag.tag = self.custom.opening(tag, current is not None)
            replaced = self._fragment_site(tag, current)
            if name == "form" and current is None:
                fid = tag.literal("id")
                own = (
                    (fid or "").strip() or (tag.literal("name") or "").strip()
                    or (sveltekit_action(tag.literal("action")) if page.svelte else "")
                )
                self.forms.append(FormTag(
                    own or page.stem, start, len(page.text), fid, bool(own),
                    blazor.form_object(tag.attrs) if page.blazor else form_object(tag.attrs),
                    search_forms.get_method(tag.literal("method")), tag.literal("action"),
                ))
                current = len(self.forms) - 1
            elif name == "legend":
                legend_start = end
            elif name == "label":
                label = Label(tag, end)
                self.labels.append(label)
                open_labels.append(label)
            elif name in ("input", "select", "textarea", "button") and not replaced:
                ctrl = self._control(tag, current, tuple(stack), open_labels)
                self.controls.append(ctrl)
                if open_labels and open_labels[-1].first_control is None:
                    open_labels[-1].first_control = start
                if name == "select":
                    select = ctrl
                elif name == "textarea":
                    textarea = ctrl
            elif (
                name == "option"
                and select is not None
                and select.default is None
                and "selected" in tag.attrs
                and not page.conditions.innermost(start)
            ):
                select.default = tag.literal("value") or None
            if name not in VOID_ELEMENTS:
                if len(stack) < self.max_depth:
                    stack.append(tag)
                elif not self.too_deep:
                    self.too_deep = True
                    page.problems.append(SourceProblem(
                        f"elements nest deeper than the depth limit ({self.max_depth}, "
                        "--max-depth); deeper elements are read as if at that depth",
                        page.location(start), page.shown, severity=Severity.WARNING,
                    ))

    def _control(
        self, tag: Tag, form: int | None, stack: tuple[Tag, ...], labels: list[Label]
    ) -> Control:
        page = self.page
        kind = tag.tag
        control = kind
        if kind == "input":  # no type, or an empty one, is a text box
            component = page.components.get(tag.start)  # `<.password_input>`: its name says
            typed = component_control(component, True) if component else None
            control = (tag.literal("type") or "").strip().lower() or typed or "text"
            control = self.custom.types.get(tag.start, control)  # `<v-checkbox>`: its words say
        ctrl = Control(
            tag.start,
            control,
            None,
            None,
            form,
            tag,
            stack,
            labels[-1] if labels else None,
            id=tag.attrs["id"].raw if "id" in tag.attrs else None,
        )
        name_attr = tag.attrs.get("name")
        asp_for = tag.attrs.get("asp-for")
        bound = binding(tag.attrs, page.text)
        if bound is None and page.glimmer:
            bound = glimmer_binding(tag.attrs)
        in_tag = page.tokens_in(tag.start, tag.end)
        in_values = [(a.vstart, a.vend) for a in tag.attrs.values() if a.value is not None]
        # template code between attributes; a condition's own tags print nothing (what they
        # guard is markup the parser sees), so they cannot set a name
        loose = [
            t for t in in_tag
            if t.kind not in _SILENT and not any(a <= t.start < b for a, b in in_values)
        ]
        if name_attr is not None and name_attr.raw is not None and name_attr.raw.strip():
            if not name_attr.templated:
                ctrl.name = (name_attr.value or "").strip()
            else:
                ctrl.raw = flat(name_attr.raw or "")
                ctrl.name = page.resolve(name_attr) or (
                    name_value(name_attr.raw or "") if page.heex else None  # `{@form[:email].name}`
                ) or _bound_field_name(name_attr.raw or "") or _redirect_field(control, name_attr.raw or "")
                if ctrl.name is None:
                    ctrl.why = f"has a name cnsnt cannot read ({shorten(ctrl.raw)})"
        elif asp_for is not None and asp_for.raw is not None and asp_for.raw.strip():
            ctrl.raw = f'asp-for="{asp_for.raw}"'
            if asp_for.templated:
                ctrl.why = f"has a name cnsnt cannot read ({shorten(ctrl.raw)})"
            else:
                ctrl.name = _asp_name(asp_for.value or "")
        elif page.heex and tag.start in page.components and "field" in tag.attrs:
            ctrl.raw = flat(f'field={tag.attrs["field"].raw or ""}')
            ctrl.name = field_name(tag.attrs["field"].raw or "")  # `field={@form[:email]}`
            if ctrl.name is not None:  # `<.inputs_for :let={af} field={f[:address]}>`: `address[city]`
                ctrl.name = _nested_field(page, tag, stack, ctrl.name)
            if ctrl.name is None:
                ctrl.why = f"has a name cnsnt cannot read ({shorten(ctrl.raw)})"
        elif page.heex and page.components.get(tag.start) == "live_file_input" and "upload" in tag.attrs:
            ctrl.raw = flat(f"upload={tag.attrs['upload'].raw or ''}")
            ctrl.name = upload_name(tag.attrs["upload"].raw or "")  # `upload={@uploads.avatar}`
            if ctrl.name is None:
                ctrl.why = f"has a name cnsnt cannot read ({shorten(ctrl.raw)})"
        elif bound is not None:  # formControlName, [(ngModel)], v-model, wire:model, th:field
            ctrl.raw = bound.raw
            ctrl.name = bound.name
            ctrl.id = ctrl.id or bound.id
            if ctrl.name is None:
                ctrl.why = f"has a name cnsnt cannot read ({shorten(ctrl.raw)})"
        elif loose and kind != "button" and control not in BUTTON_TYPES:
            ctrl.raw = flat(page.text[loose[0].start : loose[0].end])
            ctrl.why = (
                f"has no readable name (template code in the tag may set it: {shorten(ctrl.raw)})"
            )
        elif kind != "button" and control not in BUTTON_TYPES:
            ident = tag.literal("id")
            ctrl.raw = f'id="{ident}"' if ident else None
            ctrl.control_id = ident or None
            ctrl.why = "has no name" + (f" ({ctrl.raw})" if ctrl.raw else "") + (
                ", so a browser does not submit it unless a script does"
            )
        blade = _blade_flags(page.text, tag)
        ctrl.required = (
            "required" in tag.attrs
            or (tag.literal("aria-required") or "").lower() == "true"
            or any(_REQUIRED_IN_CODE.search(page.text[t.start : t.end]) for t in loose)
            or blade.get("required", "false") not in _FALSE_VALUES
        )
        type_attr = tag.attrs.get("type")
        checkable = control in ("checkbox", "radio") or (
            type_attr is not None and type_attr.templated
        )
        if kind == "input" and checkable:
            value = tag.literal("value")
            counts = not (control == "radio" and value is not None and value.strip().lower()
                          in NO_VALUES)
            checked = tag.attrs.get("checked")
            if (page.svelte or page.heex or page.glimmer) and checked is not None and checked.templated:
                _brace_checked(ctrl, checked)  # `checked={agreed}`: a boolean the code sets
            elif checked is not None and counts:
                ctrl.checked = True
                ctrl.checked_at = checked.start
                ctrl.checked_conditionally = page.printed_conditionally(checked.start, tag.start)
            elif counts and any(_CHECKED_IN_CODE.search(page.text[t.start : t.end]) for t in loose):
                ctrl.checked = ctrl.checked_conditionally = True
            elif counts:
                _bound_checked(ctrl, tag, blade)
        if kind == "input" and control == "checkbox" and page.svelte and not ctrl.checked:
            self._svelte_checked(ctrl, tag)
        if kind == "input" and control not in _NO_DEFAULT:
            value = tag.literal("value")
            ctrl.default = value if value else None
        ctrl.disabled = self._stated(tag, "disabled") or self._in_disabled_fieldset(stack)
        ctrl.readonly = control not in NOT_READONLY and self._stated(tag, "readonly")
        return ctrl

    def _stated(self, tag: Tag, attribute: str) -> bool:
        """A boolean attribute written in the tag for every visit: `readonly`, `disabled="disabled"`.

        One a template prints under a condition (`{% if locked %}disabled{% endif %}`) or
        computes (`disabled="@Model.Locked"`, `:disabled="busy"`) may be off: the control
        stays a field.
        """
        attr = tag.attrs.get(attribute)
        return (
            attr is not None
            and not attr.templated
            and not self.page.printed_conditionally(attr.start, tag.start)
        )

    def _in_disabled_fieldset(self, stack: tuple[Tag, ...]) -> bool:
        """Inside `<fieldset disabled>` (outside its legend): the browser disables every control."""
        for idx, tag in enumerate(stack):
            if tag.tag == "fieldset" and self._stated(tag, "disabled"):
                return not any(t.tag == "legend" for t in stack[idx + 1 :])
        return False

    def _svelte_checked(self, ctrl: Control, tag: Tag) -> None:
        """`bind:checked={newsletter}` with `let newsletter = $state(true)`: ticked for everyone."""
        attr = tag.attrs.get("bind:checked")
        if attr is None:
            return
        path = (attr.raw or attr.name.partition(":")[2]).strip().strip("{}").strip()
        if self._svelte_known is None:
            self._svelte_known = starting_booleans(script_bodies(self.page.text))
        if self._svelte_known.get(path):
            ctrl.checked = True
            ctrl.checked_at = attr.start

    # -- controls rendered by partials, widgets and helpers

    def _rendered(self) -> None:
        page = self.page
        builders: list[tuple[str, int]] = []  # `b` of each open `collection_check_boxes ... do |b|`
        nested: list[tuple[str, str, int]] = []  # `a`, `address` of each open `f.fields_for :address do |a|`
        depth = 0
        for tok in page.tokens:
            if tok.name.startswith("erb"):
                depth += 1 if tok.kind in (OPEN, IF) else -1 if tok.kind == CLOSE else 0
                while builders and builders[-1][1] > depth:
                    builders.pop()
                while nested and nested[-1][2] > depth:
                    nested.pop()
            # Rails' `<%= f.collection_check_boxes(:ids, ...) do |b| %>` opens a block and is a field
            block = tok.kind == OPEN and tok.name == "erb:block" and page.code.startswith("<%=", tok.start)
            if tok.kind not in (RENDER, EXPR) and not block:
                continue
            if page.inside_tag(tok.start) or page.in_comment(tok.start):
                continue  # printed into a tag, or into a comment no browser renders
            code = page.code[tok.start : tok.end]
            if block:
                self._rails_block(tok, code, depth, builders, nested)
                continue
            drawn = self._drawn(tok.start, code)
            if drawn is None and self.calls is not None and self.calls.spent and not self.expanding:
                self._report_spent(tok.start)
            if drawn is not None:
                if self._in_macro(tok.start):
                    drawn = [c for c in drawn if c.name is not None]  # named by the outer calls
                self.controls.extend(drawn)
                continue
            if tok.kind != RENDER:
                continue
            # Phoenix's `<%= text_input f, :email %>`, `{label(f, :email, "E-mail")}`; Rails'
            # `<%= f.check_box :news, checked: true %>` (the scanner's reading when Ruby's
            # grammar cannot read the call)
            ruby = parse_ruby(code) if tok.name == "erb" else None
            php = parse_php(code) if tok.name == "blade" else None  # `{!! Form::checkbox(...) !!}`
            helper = (
                helper_call(code) if tok.name == "phoenix"
                else rails_helper(ruby) if ruby
                else blade_helper(php) if php
                else None
            )
            if helper is not None and ruby is not None:
                _nest(ruby, helper, nested)
            if helper is not None and helper.control == "label":
                if helper.field and helper.label:
                    self.helper_labels.setdefault(helper.field, helper.label)
                continue
            if (
                helper is not None
                and ruby is not None
                and helper.field is None
                and receiver(ruby) in {name for name, _ in builders}
            ):
                continue  # `b.check_box` draws one item of the collection helper's field
            if helper is not None:
                ctrl = helper_control(tok.start, helper)
                if helper.note is not None:
                    self.page.problems.append(SourceProblem(
                        helper.note, self.page.location(tok.start), self.page.shown,
                        severity=Severity.INFO,
                        fix="check the macro's body (`Form::macro(...)`): if it names the field "
                        "otherwise, declare that name in the policy",
                    ))
            elif tok.name == "phoenix" or ruby is not None or php is not None:
                ctrl = None
            elif tok.name == "blade":
                ctrl = unread_blade_helper(tok.start, code)
            else:
                ctrl = rendered_control(tok, code)
            if ctrl is None:
                continue
            call = read_call(code) if tok.name == SMARTY_FUNCTION else None
            if call is not None:
                self.smarty_functions.setdefault(call.name, []).append(tok.start)
            self._add_rendered(tok, ctrl)

    def _note_smarty_functions(self) -> None:
        """Once per file: the Smarty functions read as controls by their names were a guess."""
        if not self.smarty_functions:
            return
        names = sorted(self.smarty_functions, key=lambda n: self.smarty_functions[n][0])
        calls = sum(len(starts) for starts in self.smarty_functions.values())
        written = ", ".join(f"{{{n}}}" for n in names)
        one = len(names) == 1
        read = "1 call in this file is" if calls == 1 else f"{calls} calls in this file are"
        self.page.problems.append(SourceProblem(
            f"{written} {'is no Smarty function' if one else 'are no Smarty functions'} cnsnt knows "
            f"(the project's own?): {read} read as form controls by {'its' if one else 'their'} "
            "name, each field named by its name= argument, typed by type= and labelled by label= "
            "(a guess)",
            self.page.location(min(starts[0] for starts in self.smarty_functions.values())),
            self.page.shown,
            severity=Severity.INFO,
            fix=f"check the plugin (`smarty_function_{names[0]}`, or what `registerPlugin` names "
            f"'{names[0]}'): if it submits its field under another name, declare that name in the policy",
        ))

    def _template_names(self) -> TemplateNames:
        """The page's bound and form-function variables, read once (not once per call)."""
        if self._twig_names is None:
            self._twig_names = template_names(self.page.text)
        return self._twig_names

    def _add_rendered(self, tok: Token, ctrl: Control) -> None:
        """Keep a control a helper or partial renders, in the form around it."""
        ctrl.raw = ctrl.raw or flat(self.page.text[tok.start : tok.end])
        if ctrl.name is None and self._in_macro(tok.start):
            return  # drawn where the macro is called, and read (or reported) there
        unnamed = ctrl.name is None and ctrl.why is None
        whole = whole_form(ctrl.raw, self._template_names()) if unnamed else None
        if whole is not None:  # `{{ form_widget(form) }}`: the form type's fields, read in PHP
            self.whole_forms.append((tok.start, ctrl.raw, whole))
            return
        if ctrl.name is None and ctrl.why is None:
            ctrl.why = (
                f"is rendered by a partial or helper ({shorten(ctrl.raw)}) "
                "whose name cnsnt cannot read"
            )
        for idx, form in enumerate(self.forms):
            if form.start <= tok.start < form.end:
                ctrl.form = idx
        self.controls.append(ctrl)

    def _rails_block(
        self,
        tok: Token,
        code: str,
        depth: int,
        builders: list[tuple[str, int]],
        nested: list[tuple[str, str, int]],
    ) -> None:
        """A Rails helper that opens a block: `<%= f.collection_radio_buttons(:kind, ...) do |b| %>`.

        The helper's field is the control; a collection helper's builder (`b`) draws its
        items inside the block, read as that field rather than reported one by one. A
        nested builder (`f.fields_for :address do |a|`) draws no control: its block's
        builder fills the associated object (`_nest`).
        """
        ruby = parse_ruby(code)
        if ruby is None:
            return
        association = nested_builder(ruby)
        if association is not None:
            nested.append((*association, depth))
            return
        helper = rails_helper(ruby)
        if helper is None or helper.control == "label":
            return
        _nest(ruby, helper, nested)
        builder = block_builder(ruby)
        if builder is not None:
            builders.append((builder, depth))
        self._add_rendered(tok, helper_control(tok.start, helper))

    def _report_spent(self, start: int) -> None:
        """Once per file: macro calls past the expansion bound were not read."""
        if self.spent_reported:
            return
        self.spent_reported = True
        self.page.problems.append(SourceProblem(
            f"more than {MAX_EXPANSIONS} macro calls (nested ones included) in this file: "
            "the fields drawn by the calls from here on are not read",
            self.page.location(start), self.page.shown, severity=Severity.WARNING,
        ))

    def _drawn(self, start: int, code: str) -> list[Control] | None:
        """The controls a macro call draws, read from the body its arguments print.

        None when `code` calls no macro cnsnt found (the caller goes on as before).
        """
        expansion = self.calls.expand(code) if self.calls is not None else None
        if expansion is None:
            return None
        body = Page(expansion.text, expansion.path, expansion.shown)
        reader = _Reader(body, expansion.calls)
        reader.expanding = True
        reader.max_depth = self.max_depth
        reader._read_body()
        call = flat(self.page.text[start : start + len(code)])

        def why(c: Control) -> str:
            return (
                f"is drawn by the macro {expansion.callee} ({shorten(call)}) "
                f"whose name cnsnt cannot read ({shorten(c.raw or '')})"
            )

        return self._placed(start, call, reader.controls, why)

    def _read_body(self) -> None:
        """Read a macro's or partial's printed body: its controls, labelled, not yet merged."""
        self._walk(self.page.tag_events())
        self._rendered()
        self._included()
        self._fragments()
        self.controls.sort(key=lambda c: c.start)
        self._finish()

    def _placed(
        self, start: int, call: str, controls: list[Control], why: Callable[[Control], str]
    ) -> list[Control]:
        """A body's controls placed at the call or include at `start`, in the form around it.

        A control with no name at all is reported where the body is written, not at each use.
        """
        form = next((i for i, f in enumerate(self.forms) if f.start <= start < f.end), None)
        drawn = []
        for c in controls:
            if c.name is None and c.role is not FieldRole.BUTTON and (
                c.why is None or c.why.startswith("has no name")
            ):
                continue  # nameless in the body itself: reported where the body is written
            label = c.label if c.label and any(ch.isalnum() for ch in c.label) else None
            drawn.append(Control(
                start, c.control, c.name, call, form, label=label, group_label=c.group_label,
                required=c.required,
                checked=c.checked, checked_conditionally=c.checked_conditionally,
                default=c.default, role=c.role, why=why(c) if c.name is None else None, id=c.id,
                disabled=c.disabled, readonly=c.readonly, placed=True,
            ))
        return drawn

    def _included(self) -> None:
        """The controls of the partials a Blade template `@include`s, each at its include."""
        blade, page = self.blade, self.page
        if blade is None or "@" not in page.markup:
            return
        for inc in blade_includes.find_includes(page.markup, page.text):
            if not (page.in_comment(inc.start) or page.inside_tag(inc.start)):
                self.controls.extend(self._include(blade, inc))

    def _include(self, blade: _Blade, inc: blade_includes.Include) -> list[Control]:
        """What one include draws; a partial cnsnt cannot find or read is a warning here."""
        page, ctx = self.page, blade.ctx
        site = flat(page.text[inc.start : inc.end])
        found = self._partial(blade, inc)
        if isinstance(found, str):
            # in a form it may draw the form's fields (a warning); outside one, a page's
            # layout, menu or mail part most often (a note)
            in_form = any(f.start <= inc.start < f.end for f in self.forms)
            if found:
                page.problems.append(SourceProblem(
                    f"@{inc.directive} ({shorten(site)}){found}: the fields it draws are not read",
                    page.location(inc.start), page.shown,
                    severity=Severity.WARNING if in_form else Severity.INFO,
                    fix="check the view's name; if it draws fields, declare them in the policy "
                    "as FORM.NAME",
                ))
            return []
        path, text = found
        markup, decided = blade_includes.printed(text, inc.data, inc.computed)
        body = Page(markup, path, ctx.shown(path))
        reader = _Reader(body)
        reader.expanding = reader.partial = True
        reader.max_depth = self.max_depth
        reader.blade = _Blade(
            ctx, path, blade.root, blade.depth + 1, blade.budget, blade.spent_reported,
            (*blade.chain, blade.path),
        )
        reader._read_body()
        # the one message that partials beyond the budget go unread, wherever it was said
        page.problems.extend(
            replace(p, location=page.location(inc.start), source=page.shown)
            for p in body.problems if _BUDGET_SPENT in p.message
        )
        if reader.forms:
            return []  # a partial with a form of its own: read in its own file
        # the include's fields: the controls it names; the partial's own names, its own
        # includes' literal ones too, are its own file's fields (counted once); a name
        # neither decides, a wrapper partial's passed on as code among them, is reported here
        drawn = [
            c for c in reader.controls
            if (c.placed and c.name is None) or _named_by_site(c) or _decided(c, decided)
        ]

        def why(c: Control) -> str:
            given = [f"'{k}' => {inc.computed[k]}" for k in inc.computed if f"${k}" in (c.raw or "")]
            return (
                f"is drawn by the partial {inc.shown_view} ({shorten(site)}), where it "
                + (c.why or f"has a name cnsnt cannot read ({shorten(c.raw or '')})")
                + (f"; the include gives its name as code ({', '.join(given)})" if given else "")
            )

        return self._placed(inc.start, site, drawn, why)

    def _partial(self, blade: _Blade, inc: blade_includes.Include) -> tuple[Path, str] | str:
        """The file and text of the partial an include names, else why not ('': nothing to say)."""
        ctx = blade.ctx
        if not inc.readable or not inc.views:
            return " names its view in code cnsnt cannot read"
        root = blade.root
        paths = (blade_includes.resolve_view(v, root, ctx) for v in inc.views) if root else iter(())
        path = next((p for p in paths if p is not None), None)
        if path is None:
            where = ctx.shown(root) if root else "a resources/views folder"
            views = " or ".join(repr(v) for v in inc.views)
            package = any("::" in v for v in inc.views)
            return f": cnsnt cannot find the view {views} in {where}" + (
                " (a package's view: only a copy in its vendor/ folder there is read)" if package else ""
            )
        if path in blade.chain or path == blade.path:
            return ""  # a tree drawn by a partial including itself: read once, at the outer include
        if blade.depth >= blade_includes.MAX_DEPTH:
            return f": partials nest deeper than {blade_includes.MAX_DEPTH} levels (one includes itself?)"
        if blade.budget[0] <= 0:
            if blade.spent_reported[0]:
                return ""
            blade.spent_reported[0] = True
            return (
                f": more than {blade_includes.MAX_EXPANSIONS} {_BUDGET_SPENT} in this file; "
                "this one and those after it"
            )
        text = blade_includes.load(path, ctx)
        if text is None:
            return f": cnsnt cannot read the view's file {ctx.shown(path)}"
        blade.budget[0] -= 1 + len(text) // blade_includes.PRINT_UNIT
        return path, text

    # -- Thymeleaf fragments

    def _fragment_site(self, tag: Tag, form: int | None) -> bool:
        """Note a tag that calls a fragment; True when the fragment takes a control's place."""
        if self.thymeleaf is None:
            return False
        found = thymeleaf_fragments.call_of({k: a.raw for k, a in tag.attrs.items() if a.raw is not None})
        if found is None:
            return False
        attr, value = found
        host = tag.tag in ("input", "select", "textarea", "button")
        self.fragment_sites.append(_FragmentSite(tag, form, attr, value, host))
        return host and attr in thymeleaf_fragments.REPLACING

    def _fragments(self) -> None:
        """The controls the fragments a Thymeleaf template calls draw, each at its call.

        Only calls in a form, or in a control's place, are read: a page's layout, menu or
        footer (`th:replace="~{fragments/layout :: layout (~{::body})}"`) is read in its own file.
        """
        th = self.thymeleaf
        if th is None:
            return
        for site in self.fragment_sites:
            if site.form is None and not site.host_control:
                continue
            if self.page.in_comment(site.tag.start):
                continue
            self.controls.extend(self._fragment(th, site))

    def _fragment(self, th: _Thymeleaf, site: _FragmentSite) -> list[Control]:
        """What one fragment call draws; a call cnsnt cannot follow is a warning here."""
        page = self.page
        written = page.text[site.tag.start : site.tag.end]
        call = thymeleaf_fragments.parse_call(site.value)
        found = self._fragment_body(th, call) if call is not None else " (no fragment expression)"
        shown_call = f'{site.attr}="{shorten(flat(site.value), 80)}"'
        if isinstance(found, str):
            if found:
                page.problems.append(SourceProblem(
                    f"{'the control' if site.host_control else 'the element'} at "
                    f"{page.location(site.tag.start).line}:{page.location(site.tag.start).column} "
                    f"is drawn by a fragment cnsnt does not follow ({shown_call}){found}: "
                    "the fields it draws are not read",
                    page.location(site.tag.start), page.shown, severity=Severity.WARNING,
                    fix="check the fragment; if it draws fields, declare them in the policy as FORM.NAME",
                ))
            return []
        assert call is not None
        path, text, fragment, elements = found
        given, code = thymeleaf_fragments.bind(fragment, call)
        markup = thymeleaf_fragments.printed(text, elements, fragment, given)
        body = Page(markup, path, th.ctx.shown(path), origin=(fragment.line, fragment.column))
        reader = _Reader(body)
        reader.expanding = reader.partial = True
        reader.max_depth = self.max_depth
        reader.thymeleaf = _Thymeleaf(
            th.ctx, path, th.depth + 1, th.budget, (*th.chain, (path, fragment.name))
        )
        reader._read_body()
        site_text = flat(written)

        def why(c: Control) -> str:
            given_as_code = [f"{k} = {v}" for k, v in code.items() if f"${{{k}}}" in (c.raw or "")]
            return (
                f"is drawn by the fragment {call.shown} ({shown_call}), where it "
                + (c.why or f"has a name cnsnt cannot read ({shorten(c.raw or '')})")
                + (f"; the call gives its name as code ({', '.join(given_as_code)})" if given_as_code else "")
            )

        return self._placed(site.tag.start, site_text, reader.controls, why)

    def _fragment_body(
        self, th: _Thymeleaf, call: thymeleaf_fragments.Call
    ) -> tuple[Path, str, thymeleaf_fragments.Fragment, list[thymeleaf_fragments.Element]] | str:
        """The file, text and fragment a call names, else why not ('': nothing to say)."""
        ctx = th.ctx
        if call.template is None:
            return " (its template is chosen at runtime)"
        if call.fragment is None:
            return " (a whole template or a markup selector, not a th:fragment name)"
        path = thymeleaf_fragments.resolve(call, th.path, ctx)
        if path is None:
            roots = thymeleaf_fragments.templates_root(th.path, ctx.base_dir)
            where = ctx.shown(roots[0]) if roots else "the templates folder"
            return f" (cnsnt cannot find the template '{call.template}' in {where})"
        if (path, call.fragment) in th.chain:
            return ""  # a fragment that calls itself: read once, at the outer call
        if th.depth >= thymeleaf_fragments.MAX_DEPTH:
            return f" (fragments nest deeper than {thymeleaf_fragments.MAX_DEPTH} levels)"
        if th.budget[0] <= 0:
            return f" (more than {thymeleaf_fragments.MAX_EXPANSIONS} fragment calls in this file)"
        text = thymeleaf_fragments.load(path, ctx)
        if text is None:
            return f" (cnsnt cannot read the template's file {ctx.shown(path)})"
        elements, fragments = self._template(ctx, path, text)
        fragment = fragments.get(call.fragment)
        if fragment is None:
            return f" ({ctx.shown(path)} declares no th:fragment '{call.fragment}')"
        th.budget[0] -= 1 + (fragment.end - fragment.start) // blade_includes.PRINT_UNIT
        return path, text, fragment, elements

    @staticmethod
    def _template(
        ctx: SourceContext, path: Path, text: str
    ) -> tuple[list[thymeleaf_fragments.Element], dict[str, thymeleaf_fragments.Fragment]]:
        """A fragment file's elements and fragments, parsed once per audit."""
        key = f"thymeleaf:parsed:{path}"
        known = ctx.memo.get(key)
        if isinstance(known, tuple):
            return known
        parsed = thymeleaf_fragments.read_template(Page(text, path, ctx.shown(path)))
        ctx.memo[key] = parsed
        return parsed

    def _leave_to_fragment_calls(self) -> None:
        """A fragment's `th:field="*{__${name}__}"`: a field of each call, not of its file.

        Each call names it (or reports it unread); the file declaring the fragment says
        only whether the templates calling it are read too.
        """
        th = self.thymeleaf
        if th is None or self.expanding:
            return
        left: dict[str, list[Control]] = {}
        kept = []
        for c in self.controls:
            fragment = _parameter_named(c)
            if fragment is None:
                kept.append(c)
            else:
                left.setdefault(fragment, []).append(c)
        if not left:
            return
        self.controls = kept
        ctx, page = th.ctx, self.page
        roots = thymeleaf_fragments.templates_root(th.path, ctx.base_dir)
        read = ctx.memo.get(blade_includes.FORMS_READ)
        for fragment, controls in left.items():
            sites: tuple[Path, ...] = ()
            if roots:
                sites = thymeleaf_fragments.callers(roots[0], ctx).get((th.path.resolve(), fragment), ())
            unread = [p for p in sites if not isinstance(read, frozenset) or p not in read]
            if read is not None and sites and not unread:
                continue
            names = ", ".join(sorted({shorten(c.raw or "", 40) for c in controls}))
            said = (
                f"{len(controls)} control{'s' if len(controls) > 1 else ''} of the fragment "
                f"'{fragment}' take{'' if len(controls) > 1 else 's'} the name a th:replace/th:insert "
                f"call gives ({names})"
            )
            files = [ctx.shown(p) for p in unread]
            listed = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
            if not sites:
                message = (
                    f"{said}; no template calls it with a fragment expression cnsnt reads: it draws no field"
                )
                severity, fix = Severity.INFO, None
            elif read is not None:
                message = (
                    f"{said}; {len(unread)} of the {len(sites)} calling templates are not read as "
                    f"sources ({listed}): the fields they name are not read"
                )
                severity = Severity.WARNING
                fix = "add the calling templates to sources: forms (templates/**/*.html)"
            else:
                message = f"{said}: each is read at its calls, as a field of the calling form ({listed})"
                severity, fix = Severity.INFO, None
            page.problems.append(SourceProblem(
                message, page.location(controls[0].start), page.shown, severity=severity, fix=fix,
            ))

    # -- second pass: labels, roles, conditional checks

    def _finish(self) -> None:
        page = self.page
        by_for: dict[str, str] = dict(self.custom.label_values)  # `<x-input-label :value=...>`
        by_asp: dict[str, str] = {}
        for label in self.labels:
            end = label.inner_end if label.inner_end is not None else label.inner_start
            text = page.region_text(label.inner_start, end)
            for_attr = label.tag.attrs.get("for")
            if text and for_attr is not None and for_attr.raw:
                by_for.setdefault(for_attr.raw, text)
            asp = label.tag.literal("asp-for")
            if asp:
                by_asp.setdefault(asp, text or _asp_name(asp))
        form_ids = {f.id: i for i, f in enumerate(self.forms) if f.id}
        astray = self._astray_labels()
        label_starts = [label.inner_start for label in self.labels]
        label_blocks = self._label_blocks() if self.page.phoenix else []
        self._radio_groups = self._index_fieldsets()
        for ctrl in self.controls:
            tag = ctrl.tag
            if tag is None:  # drawn by a macro or helper: a `<label for>` of this page may name it
                hinted = ctrl.label if ctrl.label_hint else None  # a helper's `placeholder:`
                if ctrl.label is None and ctrl.id:
                    ctrl.label = by_for.get(ctrl.id)
                if ctrl.label is None:
                    ctrl.label = astray.get(ctrl.start)
                if ctrl.name is not None:  # Phoenix's `label f, :email` (before a placeholder)
                    ctrl.label = self.helper_labels.get(ctrl.name) or ctrl.label
                    if ctrl.control in ("checkbox", "radio"):  # names the field, not one option
                        ctrl.group_label = self.helper_labels.get(ctrl.name) or ctrl.group_label
                if ctrl.label is None:  # `<label><%= f.check_box :terms %> I agree</label>`
                    ctrl.label = self._label_around(ctrl.start, label_starts) or self._label_block(
                        ctrl.start, label_blocks
                    )
                ctrl.label_hint = hinted is not None and ctrl.label == hinted
                # a consent box is known by the label it takes here (`label f, :sms, "SMS consent"`)
                checkable = ctrl.control in ("checkbox", "radio")
                if ctrl.role is FieldRole.INPUT and checkable and looks_like_consent(
                    ctrl.label, ctrl.group_label
                ):
                    ctrl.role = FieldRole.CONSENT
                continue
            owner = tag.literal("form")
            if owner and owner in form_ids:
                ctrl.form = form_ids[owner]
            ctrl.group_label = (  # `<mat-radio-group aria-label=...>` is its own group
                self.custom.group_label(tag) or self._legend(ctrl) or self._group_heading(ctrl)
            )
            ctrl.label = (
                self.custom.label(tag)
                or (by_for.get(ctrl.id) if ctrl.id else None)
                or (by_for.get(ctrl.name) if self.partial and ctrl.name and not ctrl.id else None)
                or self._wrapping_text(ctrl)
                or self.custom.box_label(ctrl)
                or (self.custom.name_labels.get(ctrl.name) if ctrl.name else None)  # `<RadzenLabel>`
                or by_asp.get(tag.literal("asp-for") or "")
                or (page.attr_text(tag, "label") if tag.start in page.components else None)
                or page.attr_text(tag, "aria-label")
                or astray.get(ctrl.start)
            )
            if ctrl.label is None:  # example text or an instruction, weighed as such
                ctrl.label = page.attr_text(tag, "placeholder") or page.attr_text(tag, "title")
                ctrl.label_hint = ctrl.label is not None
            ctrl.role = self._role(ctrl, tag)
        for ctrl in self.controls:
            if ctrl.checked and ctrl.checked_at is not None and not ctrl.checked_conditionally:
                ctrl.checked_conditionally = self._alternative(ctrl)

    def _astray_labels(self) -> dict[int, str]:
        """The text of each `<label for>` that names no element, by the control right after it.

        `<label for="cf">Codice Fiscale</label><input id="condcf">`: the `for` is a typo (or
        an id renamed since) and the label still stands before its control, which a person
        reads it as labelling (review26 D5). Only a literal `for` that no element's id (in
        a partial, no control's name) has; the control is the next one that a person sees,
        in the same form, with no other label between.
        """
        page = self.page
        ids = set(self._ids) | {c.id.strip() for c in self.controls if c.id}
        names = {c.name for c in self.controls if c.name} if self.partial else set()
        seen = [c for c in self.controls if c.control != "hidden"]
        starts = [c.start for c in seen]
        label_starts = sorted(label.tag.start for label in self.labels)
        found: dict[int, str] = {}
        for label in self.labels:
            target = (label.tag.literal("for") or "").strip()
            if not target or target in ids or target in names or label.inner_end is None:
                continue
            at = bisect_right(starts, label.inner_end)
            if at == len(seen):
                continue
            ctrl = seen[at]
            later = bisect_right(label_starts, label.tag.start)
            if later < len(label_starts) and label_starts[later] < ctrl.start:
                continue  # another label stands between: it is the control's
            if ctrl.wrapping is not None or self._form_at(label.tag.start) != ctrl.form:
                continue
            text = page.region_text(label.inner_start, label.inner_end)
            if text:
                found.setdefault(ctrl.start, text)
        return found

    def _form_at(self, offset: int) -> int | None:
        """The form whose span holds `offset`, None outside every form."""
        for i, form in enumerate(self.forms):
            if form.start <= offset < form.end:
                return i
        return None

    def _label_blocks(self) -> list[tuple[int, int]]:
        """The stretches Phoenix's `<%= label f, :terms do %>...<% end %>` wraps, by start."""
        blocks: list[tuple[int, int]] = []
        opened: list[int] = []  # each open block's body start; -1 for a block that is no label
        for tok in self.page.tokens:
            if tok.kind in (OPEN, IF):
                code = self.page.code[tok.start : tok.end]
                opened.append(tok.end if helper_name(code) == "label" else -1)
            elif tok.kind == CLOSE and opened:
                start = opened.pop()
                if start >= 0:
                    blocks.append((start, tok.start))
        return sorted(blocks)

    def _label_block(self, pos: int, blocks: list[tuple[int, int]]) -> str | None:
        """The text of the label helper's block a helper draws its control in."""
        idx = bisect_right(blocks, (pos, len(self.page.text))) - 1
        if idx < 0 or blocks[idx][1] <= pos:
            return None
        return self._region(blocks[idx])

    def _label_around(self, pos: int, starts: list[int]) -> str | None:
        """The text of the `<label>` a helper draws its control in: `<label>{checkbox(f, :x)} Yes</label>`."""
        idx = bisect_right(starts, pos) - 1
        if idx < 0:
            return None
        label = self.labels[idx]
        if label.inner_end is None or label.inner_end <= pos:
            return None
        return self._region((label.inner_start, label.inner_end))

    def _region(self, span: tuple[int, int]) -> str | None:
        """The text of a label or label block, read once however many controls it holds.

        Reading it again for each control was quadratic: 20,000 controls in one `<label>`
        (or Phoenix helpers in one) took 35 s.
        """
        if span not in self._block_texts:
            self._block_texts[span] = self.page.region_text(*span)
        return self._block_texts[span]

    def _legend(self, ctrl: Control) -> str | None:
        """A radio button's own label says "Yes"; the group's question is its fieldset legend."""
        if ctrl.control not in ("radio", "checkbox"):
            return None
        fieldset = next((t for t in reversed(ctrl.ancestors) if t.tag == "fieldset"), None)
        if fieldset is None or fieldset.start not in self.legends:
            return None
        if self._radio_groups.get(id(fieldset)) == ctrl.key:
            return self.legends[fieldset.start]
        return None

    def _group_heading(self, ctrl: Control) -> str | None:
        """A radio's or checkbox's group named by ARIA: `<div role="radiogroup" aria-labelledby="h">`.

        Each group is read once, however many options it holds; the text an id points at
        is read up to `_HEADING_CHARS` characters.
        """
        if ctrl.control not in ("radio", "checkbox"):
            return None
        group = next((t for t in reversed(ctrl.ancestors) if _aria_group(t)), None)
        if group is None or self._radio_groups.get(id(group)) != ctrl.key:
            return None  # no group, or one that holds other fields too
        if group.start not in self._headings:
            page = self.page
            text = page.attr_text(group, "aria-label")
            for ref in (group.literal("aria-labelledby") or "").split():
                target = self._ids.get(ref)
                end = self._inner_ends.get(target.start) if target is not None else None
                if target is not None and end is not None:
                    text = page.region_text(target.end, min(end, target.end + _HEADING_CHARS)) or text
                    break
            self._headings[group.start] = text
        return self._headings[group.start]

    def _index_fieldsets(self) -> dict[int, str | None]:
        """Fieldset or ARIA group (by identity) -> the key its controls share, all radios or boxes.

        Built once per page, in one pass over the controls and their ancestors: checking
        every control for every radio was radios x controls x depth (minutes on 44 KB).
        A fieldset whose controls are mixed maps to a value no key equals.
        """
        mixed = "\0mixed"
        groups: dict[int, str | None] = {}
        for c in self.controls:
            value = c.key if c.control in ("radio", "checkbox") else mixed
            for t in c.ancestors:
                if (t.tag == "fieldset" and t.start in self.legends) or _aria_group(t):
                    seen = groups.setdefault(id(t), value)
                    if seen != value:
                        groups[id(t)] = mixed
        return groups

    def _wrapping_text(self, ctrl: Control) -> str | None:
        label = ctrl.wrapping
        if label is None:
            return None
        if label.inner_end is not None:
            return self._region((label.inner_start, label.inner_end))
        # never closed: its text runs to the first control in it (the same for each of them)
        return self._region((label.inner_start, label.first_control or ctrl.start))

    def _role(self, ctrl: Control, tag: Tag) -> FieldRole:
        if tag.tag == "button" or ctrl.control in BUTTON_TYPES:
            return FieldRole.BUTTON
        if ctrl.control == "hidden":
            return FieldRole.TECHNICAL
        if ctrl.disabled:
            return FieldRole.DISABLED
        if _is_honeypot(ctrl, tag):
            return FieldRole.HONEYPOT
        if ctrl.control in ("checkbox", "radio") and looks_like_consent(
            ctrl.name, ctrl.raw, ctrl.id, ctrl.label, ctrl.group_label
        ):
            return FieldRole.CONSENT
        return FieldRole.INPUT

    def _alternative(self, ctrl: Control) -> bool:
        """The template picks between this checked control and its twin in another branch."""
        conditions = self.page.conditions
        branch = conditions.innermost(ctrl.start)
        if branch is None or ctrl.key is None:
            return False
        for start, end, _ in conditions.siblings(branch):
            if any(o.key == ctrl.key and start <= o.start < end for o in self.controls):
                return True
        return False

    # -- forms

    def _forms(self) -> list[Form]:
        page = self.page
        queries = self._mark_queries()
        groups: dict[str, list[Control]] = {}
        starts: dict[str, int] = {}
        # the object the forms of a name fill: one only (two objects under one name: none)
        models: dict[str, set[str | None]] = {}
        for form in self.forms:
            groups.setdefault(form.name, [])
            starts.setdefault(form.name, form.start)
            models.setdefault(form.name, set()).add(form.model)
        for ctrl in self.controls:
            name = self.forms[ctrl.form].name if ctrl.form is not None else page.stem
            groups.setdefault(name, []).append(ctrl)
            starts.setdefault(name, ctrl.start)
        # the file's name, unless a `<form id=...>` of the file gives it as its own
        by_file = page.stem not in {form.name for form in self.forms if form.named}
        # an ERB builder's controls (outside any `<form>` tag) fill its `model:` object, a
        # Blade template's Laravel helpers their `Form::model($x)` (a partial's: its includers')
        hows: dict[str, str] = {}  # how a form's object was named, when no binding says it
        if page.stem in groups and not models.get(page.stem, set()) - {None}:
            obj = page_object(page.tokens, page.code) if page.tokens else None
            if obj is None and self.blade is not None:
                obj = blade_objects.page_object(page)
                if obj is None and self.sites:
                    obj = blade_objects.includers_object(self.sites, self.blade.ctx)
            posted = blade_objects.page_target(page) if obj is None and self.blade is not None else None
            if posted is None and obj is None and self.blade is not None and self.sites:
                posted = blade_objects.includers_target(self.sites, self.blade.ctx)
            if posted is not None:  # a create form's `Form::open(['route' => 'alumnos.store'])`
                obj, hows[page.stem] = posted
            if obj is not None:
                models[page.stem] = {obj}
        forms: list[Form] = []
        for name in sorted(groups, key=lambda n: starts[n]):
            fields = []
            for group in _merge(groups[name]):
                fld = self._field(name, group)
                fields.append(fld)
                why = group[0].why
                if fld.name is None and why and fld.role not in SENDS_NOTHING:
                    page.problems.append(unnamed_problem(fld, why))
            reasons = {queries.get(c.start, "") for c in groups[name] if c.role is FieldRole.SEARCH} - {""}
            self._note_query(name, fields, reasons, self._search_start(groups[name], starts[name]))
            if name in self.collecting_get:
                asked, at = self.collecting_get[name]
                self._note_collecting_get(name, asked, at)
            forms.append(
                Form(
                    name, page.location(starts[name]), page.shown, tuple(fields),
                    file_named=by_file and name == page.stem,
                    model=next(iter(models[name])) if len(models.get(name, ())) == 1 else None,
                    model_how=hows.get(name),
                )
            )
        if self.whole_forms and not self.expanding:
            start, call, variable = self.whole_forms[0]
            more = len(self.whole_forms) - 1
            variables = tuple(dict.fromkeys(v for _, _, v in self.whole_forms))
            page.problems.append(
                rendered_form_note(call, variable, page.location(start), page.shown, more, variables)
            )
        return forms

    def _mark_queries(self) -> dict[int, str]:
        """Give the controls of search and filter forms the role `search`; what made each one so.

        A `<form method="get">` or a Rails form helper given `method: :get` whose controls
        look like a query (`search_forms.get_form_collects`; one that asks for contact
        details collects, and `collecting_get` says so), a Rails `search_form_for` block,
        a name that is a ransack predicate (`email_cont`; `status_in` only beside an
        unambiguous one in the same form), or a Livewire list's live search and filters
        outside any `<form>` (`search_forms.live_queries`). Keyed by the control's start.
        """
        page = self.page
        spans = search_forms.erb_search_spans(page.tokens, page.code) if page.tokens else []
        why: dict[int, str] = {}
        by_form: dict[int | None, list[Control]] = {}
        by_span: dict[int, list[Control]] = {}
        for ctrl in self.controls:
            by_form.setdefault(ctrl.form, []).append(ctrl)
            span = next((i for i, s in enumerate(spans) if s[0] <= ctrl.start < s[1]), None)
            if span is not None:
                by_span.setdefault(span, []).append(ctrl)
        for index, controls in by_form.items():
            form = self.forms[index] if index is not None else None
            if form is None or not form.query:
                continue
            asked = search_forms.get_form_collects(controls, (form.id, form.name, form.action))
            if asked is None:
                why.update((c.start, 'method="get"') for c in controls)
            else:
                self.collecting_get.setdefault(form.name, (asked, form.start))
        for index, controls in by_span.items():
            start, _, what, opening = spans[index]
            if what == "method: :get":
                asked = search_forms.get_form_collects(controls, (opening,))
                if asked is not None:
                    name = self.forms[controls[0].form].name if controls[0].form is not None else page.stem
                    self.collecting_get.setdefault(name, (asked, start))
                    continue
            for c in controls:
                why.setdefault(c.start, what)
        outside = by_form.get(None, [])
        live = [c for c in outside if c.tag is not None and search_forms.live_bound(c.tag.attrs)]
        for c in search_forms.live_queries(live):
            why.setdefault(c.start, "wire:model.live")
        for controls in by_form.values():
            strict = [c for c in controls if c.name and search_forms.ransack_name(c.name)]
            if not strict:
                continue
            for c in controls:
                if c.name and search_forms.ransack_name(c.name, strict=False):
                    why.setdefault(c.start, "a ransack predicate")
        for ctrl in self.controls:
            if ctrl.role is FieldRole.INPUT and ctrl.start in why:
                ctrl.role = FieldRole.SEARCH
        return why

    def _search_start(self, controls: list[Control], start: int) -> int:
        """Where a search form's note points: the `<form>` tag of its first search control.

        Unnamed forms of one file share the file's name, so the name's first form (a
        posting one, perhaps) is not where the search is (trial38b).
        """
        first = next((c for c in controls if c.role is FieldRole.SEARCH), None)
        if first is None:
            return start
        return self.forms[first.form].start if first.form is not None else first.start

    def _note_query(self, form: str, fields: list[FormField], why: set[str], start: int) -> None:
        """One note per search form: its fields are a query, not collected (never silent)."""
        searched = [f for f in fields if f.role is FieldRole.SEARCH and f.name]
        if not searched:
            return
        page = self.page
        reasons = sorted(why) or ["a search form"]
        names = ", ".join(f.name or "" for f in searched[:5]) + (
            f" and {len(searched) - 5} more" if len(searched) > 5 else ""
        )
        many = len(searched) > 1
        page.problems.append(SourceProblem(
            f"form '{form}' is a search or filter form ({', '.join(reasons)}): "
            f"{'its fields' if many else 'its field'} {names} {'are' if many else 'is'} a query over "
            "data, not collected from the person (GDPR Art. 13): no CN101, and cnsnt init proposes "
            f"{'them' if many else 'it'} in no data entry",
            page.location(start), page.shown, severity=Severity.INFO,
            fix="nothing to do; if the form stores what people type, declare its fields in a data entry",
        ))

    def _note_collecting_get(self, form: str, asked: str, start: int) -> None:
        """A form sent by GET that asks for contact details is read as collecting: say why."""
        page = self.page
        page.problems.append(SourceProblem(
            f"form '{form}' is sent by GET (method=\"get\") but is no search or filter form: it asks "
            f"for {asked}, so its fields are read as collected from the person (the data reaches "
            "the server and its logs all the same)",
            page.location(start), page.shown, severity=Severity.INFO,
            fix="nothing to do; if it only looks records up, give its box type=\"search\" or the "
            "name q, or name the form for a search (id=\"search-...\")",
        ))

    def _field(self, form: str, group: list[Control]) -> FormField:
        field = grouped_field(form, group, self.page.location(group[0].start), self.page.shown)
        tag = group[0].tag
        shown = shown_object(tag.attrs, field.name) if tag is not None else None
        return replace(field, shown_from=shown) if shown is not None else field


#: Says that the partials of a file were more than cnsnt prints (found in nested readers' problems).
_BUDGET_SPENT = "partials (nested ones included)"


def _named_by_site(ctrl: Control) -> bool:
    """A partial's control whose name is template code (`{{ $input_name }}`) it cannot read alone."""
    return ctrl.tag is not None and ctrl.name is None and (ctrl.why or "").startswith(
        "has a name cnsnt cannot read"
    )


def _parameter_named(ctrl: Control) -> str | None:
    """The fragment whose parameter names this control (`th:field="*{__${name}__}"`), or None."""
    if ctrl.tag is None or ctrl.name is not None or not ctrl.raw or "${" not in ctrl.raw:
        return None
    for tag in (ctrl.tag, *reversed(ctrl.ancestors)):
        declared = thymeleaf_fragments.fragment_of(
            {k: a.raw for k, a in tag.attrs.items() if a.raw is not None}
        )
        if declared is not None:
            name, params = declared
            return name if any(f"${{{p}}}" in ctrl.raw.replace(" ", "") for p in params) else None
    return None


def _decided(ctrl: Control, spans: list[tuple[int, int]]) -> bool:
    """A printed partial's control whose name the include's data printed."""
    attr = ctrl.tag.attrs.get("name") if ctrl.tag is not None and ctrl.name is not None else None
    return attr is not None and any(a < attr.vend and attr.vstart < b for a, b in spans)


def _aria_group(tag: Tag) -> bool:
    """`<div role="radiogroup">`: an element that groups the options of one question."""
    return "role" in tag.attrs and (tag.literal("role") or "").strip() in _GROUP_ROLES


def _merge(controls: list[Control]) -> list[list[Control]]:
    """Controls of one form grouped by submitted name (radio groups, if/else twins), in order."""
    groups: list[list[Control]] = []
    by_key: dict[str, list[Control]] = {}
    for ctrl in controls:
        key = ctrl.key
        if key is None:
            groups.append([ctrl])
        elif key in by_key:
            by_key[key].append(ctrl)
        else:
            by_key[key] = [ctrl]
            groups.append(by_key[key])
    return groups


def _fill_view_object(
    forms: list[Form], problems: list[SourceProblem], view: razor_models.ViewObject
) -> tuple[list[Form], list[SourceProblem]]:
    """The forms given the object a Razor view names (`@model`), and the problem of one unread."""
    model, members = view.model, view.members
    if model is not None:
        forms = [f if f.model is not None else replace(f, model=model, members=members) for f in forms]
    return forms, problems if view.problem is None else [*problems, view.problem]


def read_html_forms(path: Path, spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """Read the forms of one HTML file or server template (a Reader)."""
    text = read_text(path, ctx.shown(path), limits=ctx.limits)
    fmt = getattr(spec, "format", None)  # an entry's `format: haml`; callers reading a lone file give none
    if indented_view(path, fmt):  # Haml, Slim: read as the ERB it renders, at the view's places
        view = read_view(path, text, ctx.shown(path), fmt)
        return read_markup(path, view.text, ctx, view.line_col)
    return read_markup(path, text, ctx)


def read_markup(
    path: Path,
    text: str,
    ctx: SourceContext,
    positions: Callable[[int], tuple[int, int]] | None = None,
    unread: Sequence[SourceProblem] = (),
) -> Evidence:
    """The forms of one file's markup: its own, or written from another syntax (Pug, Haml) with `positions`.

    `unread`: what the writing of the markup found unreadable, reported with the rest.
    """
    shown = ctx.shown(path)
    page = Page(text, path, shown, positions=positions)
    page.problems.extend(unread)
    reader = _Reader(page, MacroCalls(macro_file(page.code, page.tokens, path, shown), ctx))
    reader.max_depth = ctx.limits.depth
    if blade_includes.is_blade(path):
        reader.blade = _Blade(ctx, path.resolve(), blade_includes.views_root(path, ctx.base_dir))
    elif path.suffix.lower() in (".html", ".htm") and ("th:" in text or "data-th-" in text):
        reader.thymeleaf = _Thymeleaf(ctx, path.resolve())
    forms, problems = reader.read()
    if forms:  # `@model Patient`: every form of the view fills it (`asp-for` is relative to it)
        forms, problems = _fill_view_object(forms, problems, razor_models.view_object(page, path, ctx))
    forms, notes = attach_inline_ignores(text, shown, forms)
    return form_evidence(forms, [*problems, *notes])


def _nested_field(page: Page, tag: Tag, stack: tuple[Tag, ...], name: str) -> str:
    """A HEEx field inside `<.inputs_for :let={af} field={f[:address]}>` -> `address[city]`.

    Phoenix posts it as `user[address][city]`: the attribute of the associated object, which
    `init` files with that object's table (`form_columns.object_field`), and which a field
    of the same name of another object (`site[city]`) is not. The innermost `inputs_for`
    whose `:let` variable the field is read from names the object; a field of another
    variable (the outer form's `f[:shift]`) keeps its own name.
    """
    around = [outer for outer in reversed(stack) if page.components.get(outer.start) == "inputs_for"]
    owner = field_owner(tag.attrs["field"].raw or "") if around else None  # parsed only inside one
    if owner is None:
        return name
    for outer in around:
        let, field = outer.attrs.get(":let"), outer.attrs.get("field")
        if let is None or field is None or let_name(let.raw or "") != owner:
            continue
        association = field_name(field.raw or "")
        return f"{association}[{name}]" if association is not None else name
    return name


def _nest(ruby: Any, helper: Helper, nested: list[tuple[str, str, int]]) -> None:
    """`a.text_field :street` inside `f.fields_for :address do |a|` -> `address[street]`.

    Rails posts it under the associated object (`user[address_attributes][street]`): it is
    named `address[street]`, the attribute of that object, as a Phoenix field inside
    `<.inputs_for>` is, so `init` files it with that object's table
    (`form_columns.object_field`). The innermost open block that binds the call's receiver
    names the object; a field of the outer builder (`f.text_field :email` inside the block)
    and one given its own `name:` keep their names.
    """
    if helper.field is None or not nested:
        return
    owner = receiver(ruby)
    if owner is None:
        return
    for variable, association, _ in reversed(nested):
        if variable == owner:
            if not named_explicitly(ruby):
                helper.field = f"{association}[{helper.field}]"
            return
