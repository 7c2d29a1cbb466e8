"""Twig templates that render a whole Symfony form: `{{ form_widget(form) }}`.

Symfony's CRUD generator writes a `<form action=...>{{ form_widget(form) }}</form>` (or
`{{ form(form) }}`, `{{ form_start(form) }}...{{ form_end(form) }}`) in every `new`, `edit`
and `show` view. Such a template holds no field: the form type's `buildForm()` adds them
in PHP, and the Symfony form reader reads them there (`symfony_forms`). So a whole-form
render is no field of the template, and no warning of its own: each template gets one
note (`SourceProblem.rendered_form`), and `settle_rendered_forms` drops a template's note
when the audit reads the form type it renders (named like the template's folder, file or
form variable: CR27b F5), and keeps one warning for the audit naming the rest, which says
to add their form types (one thing to do, one finding; review32 D4: 168 of 169 warnings
were these).

A call renders the whole form when its argument is a bare variable (`form`, `edit_form`,
`delete_form`), not a child (`form.email`, read as that field), bound by no `{% for %}`
or `{% set %}` of the template (a loop's `field` is a child cnsnt cannot name), and named
like a form (`form`, `...form`, `...Form`) or given to `form_start`, `form_end`,
`form_enctype`, `form_rest`, `form_errors` or `form()` in the same template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

from cnsnt.evidence import Evidence, SourceProblem
from cnsnt.model import Location, Severity

#: `form_widget(form)` / `form_row(edit_form, {...})`: the bare variable rendered.
#: Linear: a try starts only where no word character or dot precedes (lookbehind), at one
#: of two fixed words; the blanks and the name are possessive runs.
_WHOLE_CALL = re.compile(r"(?<![\w.])(?:form_widget|form_row)\s*+\(\s*+(\w++)\s*+[,)]")
#: The form-view functions that take a whole form, and the variable they are given.
#: Linear: as `_WHOLE_CALL`.
_FORM_FUNCTION = re.compile(
    r"(?<![\w.])(?:form_start|form_end|form_enctype|form_rest|form_errors|form)\s*+\(\s*+(\w++)\s*+[,)]"
)
#: Variables a template binds itself: `{% for field in ... %}`, `{% for k, v in %}`,
#: `{% set field = ... %}`. Linear: a try starts at a fixed `{%`; every run is possessive.
_BOUND = re.compile(r"\{%[-~]?+\s*+(?:for\s++(?>(?:\w++\s*+,\s*+)?)(\w++)\s++in\b|set\s++(\w++)\s*+=)")


@dataclass(frozen=True)
class TemplateNames:
    """What a template says of its variables, read once per template (CR27b F3: per call was quadratic)."""

    bound: frozenset[str]
    """Variables the template binds itself (`{% for field in ... %}`, `{% set x = ... %}`)."""
    given: frozenset[str]
    """Variables given to `form_start`, `form_end`, `form()` and the other whole-form functions."""


def template_names(template: str) -> TemplateNames:
    """The bound and form-function variables of a whole template (one pass of each pattern)."""
    return TemplateNames(
        frozenset(a or b for a, b in _BOUND.findall(template)),
        frozenset(_FORM_FUNCTION.findall(template)),
    )


def whole_form(call: str, names: TemplateNames) -> str | None:
    """The form variable a `form_widget(...)` call renders whole, else None.

    `call`: the call's text; `names`: what its template binds and gives to form functions.
    """
    m = _WHOLE_CALL.search(call)
    if m is None:
        return None
    name = m.group(1)
    if name in names.bound:
        return None
    if name.lower().endswith("form"):
        return name
    return name if name in names.given else None


def rendered_form_note(
    call: str, variable: str, where: Location, shown: str, more: int, variables: tuple[str, ...] = ()
) -> SourceProblem:
    """The note of a template that renders a whole Symfony form (`more`: its other such calls)."""
    others = f" (and {more} more call{'s' if more != 1 else ''} in this template)" if more else ""
    return SourceProblem(
        f"{call} renders the whole Symfony form '{variable}'{others}: its fields are added in PHP "
        "by a form type's buildForm(), and this audit reads no Symfony form type",
        where,
        shown,
        severity=Severity.WARNING,
        fix="add the project's form types (the .php files whose classes extend AbstractType, "
        "such as src/Form/**/*.php) to sources.forms: their fields are read there",
        rendered_form=True,
        rendered_variables=variables or (variable,),
    )


#: Words of a template's path or variable that name no form type: a CRUD view's action, a
#: templates folder, the generic `form`.
_GENERIC = frozenset({"", "new", "edit", "show", "index", "delete", "create", "update", "list",
                      "search", "filter", "templates", "views", "view", "form", "forms"})  # fmt: skip


def _plain(name: str) -> str:
    """A name to compare: lower case, letters and digits only (`user_profile` = `UserProfile`)."""
    return "".join(c for c in name.lower() if c.isalnum())


def _form_names(note: SourceProblem) -> set[str]:
    """The form types a template may render, by what Symfony projects name after them.

    The template's folder (`templates/user_profile/edit.html.twig`, Symfony 2's
    `Resources/views/Classi/new.html.twig`), its file (`templates/contact.html.twig`)
    and its form variables less `form` (`contact_form`, `contactForm`): each named like
    the form type's block prefix (`UserProfileType` -> `user_profile`).
    """
    path = PurePosixPath(note.location.path or note.source)
    words = {path.parent.name, path.name.partition(".")[0]}
    words |= {v.removesuffix("_form").removesuffix("Form") for v in note.rendered_variables}
    return {_plain(w) for w in words} - _GENERIC


def settle_rendered_forms(evidence: Evidence) -> None:
    """Drop the whole-form notes of templates whose form type was read; keep one for the rest.

    A template's fields are read where its form type adds them, when the audit reads that
    type: named like the template's folder, file or form variable (`_form_names`). The
    others say once, for the audit, how many templates render a form cnsnt did not read
    (CR27b F5: one form type read used to silence every template's note).
    """
    notes = [p for p in evidence.problems if p.rendered_form]
    if not notes:
        return
    rest = [p for p in evidence.problems if not p.rendered_form]
    read = {_plain(form.name) for form in evidence.forms if form.kind == "symfony"}
    if read:
        notes = [p for p in notes if not _form_names(p) & read]
    if notes:
        notes.sort(key=lambda p: (p.location.path or "", p.location.line or 0, p.location.column or 0))
        files = sorted({p.source for p in notes})
        first = notes[0]
        if read:
            first = replace(
                first,
                message=first.message.replace(
                    "this audit reads no Symfony form type",
                    "this audit reads no form type named like the template's folder, file or form variable",
                ),
                fix="add the form type each template renders to sources.forms (such as src/Form/**/*.php): "
                "its fields are read there",
            )
        if len(files) > 1:
            shown = ", ".join(files[1:4]) + (", ..." if len(files) > 4 else "")
            more = f"{len(files) - 1} more templates do so too ({shown})"
            first = replace(first, message=f"{first.message}; {more}")
        rest.append(first)
    evidence.problems = rest
