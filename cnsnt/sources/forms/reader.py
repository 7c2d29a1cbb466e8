"""The reader registered for `sources.forms`: pick the HTML or the JSON reader for a file.

`format: jsonschema` or a `.json` file goes to the JSON-Schema reader (which also
reads angular-schema-form files and FHIR Questionnaires), everything else to the
HTML/template reader, but `format: jsx` or a `.jsx`/`.tsx`/`.js`/`.ts` file (React
components) goes to the JSX reader, and `format: python-forms` or a `.py` file (Django
and WTForms form classes) to the Python form reader; `format: symfony-forms` or a `.php`
file that declares a class extending Symfony's `AbstractType` (a FormType), directly or
through the project's form types (`class TagApiForm extends TagForm {}`: the file is
parsed and its bases followed), to the Symfony form reader (other `.php` files are
templates). Haml, Slim and Pug (Jade) views, which write no HTML, are written out as the
markup they draw and read by the HTML reader (`indented_views`, `pug`); `format: pug`,
`haml` or `slim` reads a view of another suffix so. A XAML view
(`template_formats`), which no reader reads, is a CN001 error rather than an HTML file read
to nothing.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.evidence import Evidence
from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext, read_text
from cnsnt.sources.forms.html_form import read_html_forms
from cnsnt.sources.forms.jsonschema_form import read_jsonschema_form
from cnsnt.sources.forms.jsx_form import JSX_SUFFIXES, read_jsx_forms
from cnsnt.sources.forms.pug import PUG_SUFFIXES, read_pug_forms
from cnsnt.sources.forms.python_forms import read_python_forms
from cnsnt.sources.forms.symfony_forms import declares_form_type, may_hold_form_type, read_symfony_forms
from cnsnt.sources.forms.template_formats import xaml_view

#: The `format:` of Python form classes (Django forms, WTForms, Flask-WTF).
PYTHON_FORMS = "python-forms"
#: The `format:` of Symfony FormType classes (PHP).
SYMFONY_FORMS = "symfony-forms"
#: The `format:` of a Pug view of another suffix (Express renders `.html` with Pug when told to).
PUG = "pug"


def read_forms(path: Path, spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """Read one form file with the reader its `format` or suffix calls for."""
    fmt = (spec.format or "").lower()
    if not fmt and xaml_view(path):
        # read as HTML, a WPF view's bound controls gave nothing (review36 R36a D8)
        raise SourceError(
            "a XAML view: a format cnsnt does not read; its form fields are not audited",
            Location(ctx.shown(path), 1, 1),
        )
    if fmt == PUG or (not fmt and path.suffix.lower() in PUG_SUFFIXES):
        return read_pug_forms(path, spec, ctx)
    if fmt == "jsonschema" or (not fmt and path.suffix.lower() == ".json"):
        return read_jsonschema_form(path, spec, ctx)
    if fmt == "jsx" or (not fmt and path.suffix.lower() in JSX_SUFFIXES):
        return read_jsx_forms(path, spec, ctx)
    if fmt == PYTHON_FORMS or (not fmt and path.suffix.lower() == ".py"):
        return read_python_forms(path, spec, ctx)
    if fmt == SYMFONY_FORMS or (not fmt and path.suffix.lower() == ".php" and _form_type(path, ctx)):
        return read_symfony_forms(path, spec, ctx)
    return read_html_forms(path, spec, ctx)


def _form_type(path: Path, ctx: SourceContext) -> bool:
    """Whether a `.php` file declares a Symfony form type rather than being a template.

    Its text sniffed; a file that only extends another class is parsed and its bases
    followed (a form type may take all its fields from the project's base).
    """
    try:
        text = read_text(path, ctx.shown(path), limits=ctx.limits)
    except SourceError:
        return False  # the template reader says why it cannot be read
    return may_hold_form_type(text) or declares_form_type(path, text, ctx)
