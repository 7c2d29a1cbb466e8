"""What the HTML and JSON form readers share: consent words, names, the evidence of a file."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath
from typing import Protocol

from cnsnt.evidence import Evidence, FieldRole, Form, FormField, SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.sources.base import printable_path

#: HTML's void elements, which have no end tag: what every reader of markup, and every
#: writer of it from another syntax (Haml, Slim, Pug), closes at once.
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    | {"track", "wbr", "param", "keygen"}
)

#: Values of a radio button that answer "no": a "no" ticked by default gives no consent.
NO_VALUES = frozenset({"", "0", "n", "no", "false", "off", "nein", "non", "nem", "hayır", "нет"})
#: Words that make a checkbox (or a boolean) a consent control, in several languages.
#: Matched against the name, id and label with camelCase and `_-.[]` turned into spaces.
#: Linear: fixed words (at most one optional or wildcard character), tried once per offset.
_CONSENT = re.compile(
    r"consent|agree|accept|\bterms\b|\btos\b|privacy|gdpr|dsgvo|rgpd|lopd|newsletter|"
    r"opt ?in\b|optin|subscri|marketing|"
    r"acconsent|consens|informativa|privacit|pubblicit|"  # it
    r"einwillig|einverst|zustimm|datenschutz|rundbrief|werbung|"  # de
    r"acept|aceit|consentim|privacidad|bolet[ií]n|publicidad|"  # es, pt
    r"consentement|j.?accepte|infolettre|"  # fr
    r"hozz[aá]j[aá]rul|elfogad|adatkezel|h[ií]rlev[eé]l|"  # hu
    r"accepto|butllet[ií]|"  # ca
    r"kvkk|onay|aydınlatma|b[uü]lten|gizlilik|"  # tr
    r"toestemming|nieuwsbrief|akkoord|"  # nl
    r"zgod[aęy]|wyra[zż]am|biuletyn|prywatno|"  # pl
    r"соглас|рассылк",  # ru
    re.IGNORECASE,
)

#: Linear: zero-width, one character looked at on each side.
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
#: Linear: one possessive class run.
_SEPARATORS = re.compile(r"[\s_\-.\[\]]++")


def words(text: str) -> str:
    """`newsletterRegister`, `opt_in[]` -> `newsletter register`, `opt in`: for word matching."""
    return _SEPARATORS.sub(" ", _CAMEL.sub(" ", text)).strip().lower()


def looks_like_consent(*texts: str | None) -> bool:
    """True when a name, id or label reads like a consent / opt-in / terms control."""
    return any(_CONSENT.search(words(t)) for t in texts if t)


def class_field(
    form: str,
    name: str,
    control: str,
    location: Location,
    source: str,
    label: str | None,
    required: bool,
    checked: bool,
    help_text: str | None = None,
    default: str | None = None,
) -> FormField:
    """A field a form class declares (Django, WTForms, Symfony).

    A hidden one is technical; a box or radio whose name, label or help reads like
    consent is consent.
    """
    role = FieldRole.INPUT
    if control == "hidden":
        role = FieldRole.TECHNICAL
    elif control in ("checkbox", "radio") and looks_like_consent(name, label, help_text):
        role = FieldRole.CONSENT
    return FormField(
        form=form,
        name=name,
        control=control,
        location=location,
        source=source,
        role=role,
        label=label,
        required=required,
        checked=checked,
        default=default,
    )


def form_stem(path: Path) -> str:
    """A file's stem up to its first dot: `register.html.twig` -> `register`.

    A name that is not UTF-8 keeps its bytes as escapes (reports cannot encode them raw).
    """
    name = printable_path(path.name)
    return name.split(".", 1)[0] or name


#: Suffixes of a page or component file whose stem `index` is its folder's page: the file
#: tells nothing of its form (`pages/Admin/CadastroUsuarios/index.tsx`), its folder does.
_INDEX_SUFFIXES = frozenset(
    {".tsx", ".jsx", ".js", ".ts", ".mjs", ".cjs", ".mts", ".cts", ".vue", ".html", ".htm"}
)


#: Folders that are a framework's or a web server's root, not a feature: an `index` file
#: in one keeps its own name (`templates/index`, as before codereview24 F10). The template
#: roots of `names.TEMPLATE_ROOTS`, the web roots of `starter.folders.WEB_ROOTS` (a test
#: keeps them in), and the source roots apps are kept in.
INDEX_ROOTS = frozenset(
    {
        *("views", "templates", "template", "pages", "routes", "live", "app", "src", "www", "web"),
        *("public", "static", "wwwroot", "htdocs", "public_html", "dist", "build", "components"),
    }
)


def index_folder(shown: str) -> str | None:
    """The feature folder an `index.tsx`/`index.jsx`/`index.vue`/`index.html` stands for, else None.

    Only a file named `index` with one of those suffixes, and only when it is in a folder
    of the project that is no root: a top-level `index.html`, and `templates/index.html`
    or `pages/index.tsx`, keep their names (the framework's root page, not a feature's).
    """
    path = PurePosixPath(shown)
    if path.stem != "index" or path.suffix.lower() not in _INDEX_SUFFIXES:
        return None
    folder = path.parent.name
    return folder if folder not in ("", ".", "..") and folder.lower() not in INDEX_ROOTS else None


def file_form_name(path: Path, shown: str) -> str:
    """The name of a file's forms that have none of their own: its stem, an `index` file's folder."""
    return index_folder(shown) or form_stem(path)


def shorten(text: str, limit: int = 80) -> str:
    """Collapse whitespace and cut long markup for messages."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


#: Said of a hidden field whose name cnsnt cannot read: a note (info), not a warning.
HIDDEN_UNNAMED = (
    "; a hidden field, which the page fills, not the person, so it is taken for technical "
    "as every hidden field is"
)


def unnamed_problem(field: FormField, why: str) -> SourceProblem:
    """The warning every field without a readable name gets, so it is never silent.

    A hidden one gets a note (info) instead: a hidden field with a name is technical
    (never audited as personal data), so not knowing its name hides nothing more.
    """
    where = f"{field.location.line}:{field.location.column}"
    hidden = field.control == "hidden"
    # a read-only control with no name at all shows the page's value (a key, a code) and a
    # browser sends nothing of it: output, not input
    shown = field.readonly and why.startswith("has no name") and not hidden
    note = HIDDEN_UNNAMED if hidden else SHOWN_UNNAMED if shown else ""
    return SourceProblem(
        f"field at {where} {why}{note}",
        field.location,
        field.source,
        severity=Severity.INFO if hidden or shown else Severity.WARNING,
        nameless=field if why.startswith("has no name") else None,
        fix=SHOWN_FIX if shown else nameless_fix(field),
    )


#: Said of a read-only control with no name: a note (info), not a warning.
SHOWN_UNNAMED = "; read-only, it shows a value the page filled in: output, not input"
SHOWN_FIX = "nothing to do unless a script sends it; then declare it under the name the script uses"


def nameless_fix(field: FormField) -> str:
    """Declare it by its id's key if it has one (a script reading it by id sends it), else `FORM.NAME`."""
    keys = field.id_keys
    if keys:
        return f"declare it in the policy as {keys[0]} (its id; or the name a script sends it under)"
    return f"declare it in the policy as {field.form}.NAME"


#: Controls `readonly` does not hold: a browser lets the person change them all the same
#: (buttons and hidden inputs hold nothing a person types either).
NOT_READONLY = frozenset(
    {"submit", "button", "reset", "image", "checkbox", "radio", "file", "select", "hidden", "color", "range"}
)
#: Roles of controls whose missing name hides nothing a person sends: no CN001 for them.
SENDS_NOTHING = frozenset({FieldRole.BUTTON, FieldRole.DISABLED})

#: Which control of a group a field is: a consent box beside a plain input makes it consent.
ROLE_RANK = {
    FieldRole.CONSENT: 0,
    FieldRole.INPUT: 1,
    FieldRole.SEARCH: 2,
    FieldRole.HONEYPOT: 3,
    FieldRole.TECHNICAL: 4,
    FieldRole.DISABLED: 5,
    FieldRole.BUTTON: 6,
}


class GroupedControl(Protocol):
    """What the HTML and the React readers know of a control, for the field its group makes."""

    name: str | None
    raw: str | None
    control: str
    role: FieldRole
    label: str | None
    label_hint: bool
    """The label is only a placeholder or a `title` (`FormField.label_hint`)."""
    group_label: str | None
    """The label of the group a radio or checkbox is an option of: its fieldset's legend, its
    `role="radiogroup"`'s `aria-labelledby`, its `RadioGroup`'s label; None when none is known."""
    required: bool
    checked: bool
    checked_conditionally: bool
    default: str | None
    readonly: bool
    """`readonly`: the person cannot change the value the page filled in."""
    control_id: str | None
    """The id of a control with no name at all (a script reading it by id sends it), else None."""


def grouped_field(form: str, group: Sequence[GroupedControl], location: Location, source: str) -> FormField:
    """One field from the controls submitted under one name (a radio group, if/else twins).

    `location` is where the group's first control stands.
    """
    role = min((c.role for c in group), key=lambda r: ROLE_RANK[r])
    main = next(c for c in group if c.role is role)
    first = group[0]
    checked = [c for c in group if c.checked]
    label = _field_label(group)
    # the label is a placeholder's when only placeholders in the group give that text
    said = [c for c in group if c.label == label]
    return FormField(
        form=form,
        name=first.name,
        control=main.control,
        location=location,
        source=source,
        role=role,
        label=label,
        label_hint=label is not None and bool(said) and all(c.label_hint for c in said),
        required=any(c.required for c in group),
        checked=bool(checked),
        checked_conditionally=bool(checked) and all(c.checked_conditionally for c in checked),
        default=next((c.default for c in group if c.default is not None), None),
        raw=first.raw,
        readonly=all(c.readonly for c in group if c.role is role),
        control_id=first.control_id if first.name is None else None,
    )


def _field_label(group: Sequence[GroupedControl]) -> str | None:
    """What names the field: a radio's or a checkbox group's own label names an option.

    `<input type=radio name=permission> Administrator` is one answer to the question its
    fieldset's legend (or group heading) asks; without one, the field has only its name. A
    single checkbox's own label ("I agree to receive newsletters") is the field's label; so
    are if/else twins of one box (the same label twice). A box submitted as a list
    (`roles[]`) is one option of a group, however many the template writes.
    """
    options = [c for c in group if c.control in ("radio", "checkbox")]
    grouped = any(c.control == "radio" for c in options) or (
        len({c.label for c in options}) > 1 or any((c.name or "").endswith("[]") for c in options)
    )
    group_label = next((c.group_label for c in group if c.group_label), None)
    if grouped:
        return group_label
    return next((c.label for c in group if c.label), None) or group_label


def form_evidence(forms: Sequence[Form], problems: Iterable[SourceProblem]) -> Evidence:
    """The evidence of one form file, with the counts the summary shows."""
    return Evidence(
        forms=list(forms),
        problems=list(problems),
        audited={"forms"},
        counts={
            "form_files": 1,
            "forms": len(forms),
            "form_fields": sum(len(f.fields) for f in forms),
        },
    )
