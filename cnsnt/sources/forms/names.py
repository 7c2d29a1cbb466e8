"""Forms named after their files are renamed by their paths when two files share a name.

A template form with no id or name of its own is named by its file's stem (SPEC §1). In
a Rails app every `_form.html.erb`, `new`, `edit` is then the same form: one policy key
`_form.first_name` declared the fields of every `_form`, and a new `_form` collecting a
first name was "declared" already. Once every form is read, a file-named form whose name
another file's form has too is renamed by its path, the way its framework names the
template: below the outermost `views`/`templates`/`template`/`pages`/`routes`/`live` folder,
without suffixes (`app/views/partners/children/_form.html.erb` -> `partners/children/_form`);
else, or when that name is still taken, by its path in the project
(`admin/templates/signup`), and last by its whole shown path. A form keeps its old name
as its fields' `alias`, so a policy written with it still matches (the audit says which
keys to write instead). A form declared as a class in code (a Django or WTForms
`RegistroForm`) whose name another module's class form has is renamed by its app
folder, the folder of its module (`apps/paciente/forms.py` -> `paciente/registro`; a
`forms/` package folder is skipped), else by every folder (`apps/paciente/registro`),
else by its module's path: two apps' sign-up forms are two forms, whatever fields they
share. A form whose id or name is its own keeps it when every file gives the forms of
that id the same fields: two files' `<form id="search">` with a `q` are one form to the
policy, as their author named them. An id that files give forms with different fields
(`<form id="action">` on a race's and a race class's page) says what a form does, not
which form it is: those forms are named as forms with no id of their own are, by their
file's stem when no other form has it (`<form id="form">` in `PaymentForm.jsx` ->
`PaymentForm`), else by their paths.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from cnsnt.evidence import Evidence, Form, SourceProblem
from cnsnt.sources.forms.common import file_form_name, index_folder

#: Folders that hold a framework's templates; a template is named by its path below them
#: (Rails' and Laravel's `views/`, Django's, Flask's and Symfony's `templates/`, phpBB's
#: `template/`, Razor's and Next.js's `pages/`, SvelteKit's and Remix's `routes/`, Phoenix
#: LiveView's `live/`).
TEMPLATE_ROOTS = frozenset({"views", "templates", "template", "pages", "routes", "live"})


def _parts(shown: str) -> tuple[list[str], str]:
    """The folders of a shown path and its file's stem (up to the first dot)."""
    path = PurePosixPath(shown)
    folders = [p for p in path.parent.parts if p not in ("/", ".")]
    if index_folder(shown) is not None and folders:  # `Admin/CadastroUsuarios/index.tsx`: its folder
        return folders[:-1], folders[-1]
    return folders, path.name.split(".", 1)[0] or path.name


def template_name(shown: str) -> str:
    """`app/views/partners/children/_form.html.erb` -> `partners/children/_form`.

    The path below the outermost template folder, without suffixes; a file in no such
    folder is named by its path in the project.
    """
    folders, stem = _parts(shown)
    for n, folder in enumerate(folders):
        if folder.lower() in TEMPLATE_ROOTS:
            return "/".join([*folders[n + 1 :], stem])
    return "/".join([*folders, stem])


def project_name(shown: str) -> str:
    """`admin/templates/signup.html` -> `admin/templates/signup`: the path without suffixes."""
    folders, stem = _parts(shown)
    return "/".join([*folders, stem])


#: The names tried in turn until one is no other file's form's name.
_NAMERS: tuple[Callable[[str], str], ...] = (template_name, project_name, lambda shown: shown)

#: The names tried in turn for a form whose own id is generic (`<form id="form">` in many
#: files with different fields): its file's name first (`PaymentForm`, an `index` file's
#: folder), as a form with no id of its own is named, then its paths.
_GENERIC_NAMERS: tuple[Callable[[str], str], ...] = (
    lambda shown: file_form_name(Path(shown), shown),
    *_NAMERS,
)

#: Forms declared as classes in code (a Django or WTForms `RegistroForm`): named by the class.
CLASS_KINDS = frozenset({"django", "wtforms"})
#: A folder of form modules (`app/forms/registro.py`) says less than the app folder above it.
_FORM_FOLDERS = frozenset({"forms", "form"})


def _app_folders(shown: str) -> list[str]:
    """`apps/paciente/forms.py` -> `apps`, `paciente`; `blog/forms/comment.py` -> `blog`."""
    folders, _ = _parts(shown)
    while folders and folders[-1].lower() in _FORM_FOLDERS:
        folders = folders[:-1]
    return folders


#: The names tried in turn for a class form whose name another file's class form has: its
#: app folder (`paciente/registro`), every folder (`apps/paciente/registro`), its module's path.
_CLASS_NAMERS: tuple[Callable[[str, str], str], ...] = (
    lambda shown, name: "/".join([*_app_folders(shown)[-1:], name]),
    lambda shown, name: "/".join([*_app_folders(shown), name]),
    lambda shown, name: f"{project_name(shown)}/{name}",
)


def qualify_form_names(evidence: Evidence) -> None:
    """Rename the file-named forms whose name another file's form has, by their paths.

    Names compare case-insensitively, as policy keys match. Deterministic: a form's new
    name depends on its path and on which names the other forms hold, not on reading order.
    """
    sources: dict[str, set[str]] = {}
    classes: dict[str, set[str]] = {}
    for form in evidence.forms:
        sources.setdefault(form.name.casefold(), set()).add(form.source)
        if form.kind in CLASS_KINDS:
            classes.setdefault(form.name.casefold(), set()).add(form.source)
    shared = {name for name, where in sources.items() if len(where) > 1}
    generic = _generic_names(evidence.forms, shared)
    # two modules' `RegistroForm` are two forms (a patient's and a doctor's sign-up), whatever
    # their fields: each is named by its app folder
    written = {
        (form.name.casefold(), form.source): form.name
        for form in evidence.forms
        if form.kind in CLASS_KINDS and len(classes[form.name.casefold()]) > 1
    }
    moving = {
        (form.name.casefold(), form.source)
        for form in evidence.forms
        if form.name.casefold() in shared and (form.file_named or form.name.casefold() in generic)
    } | set(written)
    _alias_index_forms(evidence, moving)
    if not moving:
        return
    kept: dict[str, set[str]] = {}
    for form in evidence.forms:
        if (form.name.casefold(), form.source) not in moving:
            kept.setdefault(form.name.casefold(), set()).add(form.source)
    # a generic id names no more than a file does: such a form tries its file's name first
    namers = {
        key: _GENERIC_NAMERS if key[0] in generic and key not in written else _NAMERS for key in moving
    }
    level = dict.fromkeys(moving, 0)
    while True:
        names = {
            key: _CLASS_NAMERS[n](key[1], written[key]) if key in written else namers[key][n](key[1])
            for key, n in level.items()
        }
        holders: dict[str, set[str]] = {}
        for (_, source), name in names.items():
            holders.setdefault(name.casefold(), set()).add(source)
        clashes = [
            key
            for key, name in names.items()
            if level[key] < len(namers[key]) - 1
            and (
                name.casefold() == key[0]  # no folder: the old name, which other files' forms have
                or len(holders[name.casefold()]) > 1
                or bool(kept.get(name.casefold(), set()) - {key[1]})
            )
        ]
        if not clashes:
            break
        for key in clashes:
            level[key] += 1
    _rename(evidence, names)


def _generic_names(forms: list[Form], shared: set[str]) -> set[str]:
    """The shared ids and names that several files give forms whose fields differ.

    vereinsverwaltung's race, race class and template pages all open `<form name="action"
    id="action">`: one id, three unrelated forms. Such an id says what the form does, not
    which form it is, so it names no more than a file's stem does. An id that files give
    forms with the same fields (a search box in every list page) is one form, as its
    author named it, and is kept.
    """
    fields: dict[str, dict[str, set[str]]] = {}
    for form in forms:
        name = form.name.casefold()
        if form.file_named or name not in shared:
            continue
        mine = fields.setdefault(name, {}).setdefault(form.source, set())
        mine.update(f.name.casefold() for f in form.fields if f.name is not None)
    return {
        name
        for name, by_source in fields.items()
        if len(by_source) > 1 and len({frozenset(names) for names in by_source.values()}) > 1
    }


def _named_by_folder(form: Form) -> bool:
    """Whether the form is named after the feature folder of its `index` file."""
    return form.file_named and index_folder(form.source) == form.name


#: The name an `index` file's forms had before they were named by their folder.
_INDEX = "index"


def _alias_index_forms(evidence: Evidence, moving: set[tuple[str, str]]) -> None:
    """Keep `index` as the old name of the forms named by their `index` file's folder.

    A policy written before forms in `Admin/CadastroUsuarios/index.tsx` were named
    `CadastroUsuarios` declares `index.email`: it still names the field, and CN402 says
    which key to write instead, as for any renamed form. Forms that are renamed by their
    paths below get the same old name there.
    """
    forms: list[Form] = []
    for form in evidence.forms:
        renaming = (form.name.casefold(), form.source) in moving
        if form.alias is not None or renaming or not _named_by_folder(form):
            forms.append(form)
            continue
        fields = tuple(dataclasses.replace(f, alias=_INDEX) for f in form.fields)
        forms.append(dataclasses.replace(form, alias=_INDEX, fields=fields))
    evidence.forms = forms


def _rename(evidence: Evidence, names: dict[tuple[str, str], str]) -> None:
    """Give the forms (and their fields and unnamed-control warnings) their new names."""
    renamed: dict[str, dict[str, str]] = {}
    forms: list[Form] = []
    for form in evidence.forms:
        new = names.get((form.name.casefold(), form.source))
        if new is None:
            forms.append(form)
            continue
        renamed.setdefault(form.source, {})[form.name] = new
        # an `index` file's form had the name `index` before it was named by its folder
        old = _INDEX if _named_by_folder(form) else form.name
        fields = tuple(dataclasses.replace(f, form=new, alias=old) for f in form.fields)
        forms.append(dataclasses.replace(form, name=new, alias=old, fields=fields))
    evidence.forms = forms
    evidence.problems = [_renamed_problem(p, renamed.get(p.source, {})) for p in evidence.problems]


def _renamed_problem(problem: SourceProblem, renamed: dict[str, str]) -> SourceProblem:
    """A warning on a control cnsnt cannot name says to declare it under the form's new name."""
    message, fix, nameless = problem.message, problem.fix, problem.nameless
    for old, new in renamed.items():
        # `old.NAME`, or a nameless control's key by its id (`old.illnessExtra`)
        message = message.replace(f"in the policy as {old}.", f"in the policy as {new}.")
        if fix is not None:
            fix = fix.replace(f"in the policy as {old}.", f"in the policy as {new}.")
        if nameless is not None and nameless.form == old:
            nameless = dataclasses.replace(nameless, form=new, alias=old)
    if message == problem.message and fix == problem.fix and nameless is problem.nameless:
        return problem
    return dataclasses.replace(problem, message=message, fix=fix, nameless=nameless)
