"""Python modules that declare Django or WTForms form classes, as `cnsnt init` proposes them.

A `.py` file is proposed when its `ast` holds a form class (`python_forms.holds_form_class`,
the reader's own test, bases followed into the project's modules); a file that names
none of Django, WTForms, Flask-WTF or django-allauth is passed over unparsed. Tests,
migrations and installed packages (`tests/`, `migrations/`, `site-packages/`, `venv/`)
are not the product's forms.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.sources.base import SKIP_DIRS, read_text
from cnsnt.sources.forms.python_forms import HINTS, holds_form_class
from cnsnt.starter.survey_context import survey_context

#: Folders whose Python is no form of the product (beside `SKIP_DIRS`, which `init` never walks).
_NOT_FORMS_DIRS = frozenset({"migrations", "site-packages", "venv", ".venv", "test", "tests"})


def python_form_file(path: Path, root: Path, head: str) -> bool:
    """A Python module of the project that declares a form class (`head`: its first bytes)."""
    rel = path.relative_to(root)
    if {p.lower() for p in rel.parts[:-1]} & (_NOT_FORMS_DIRS | SKIP_DIRS):
        return False
    name = path.name.lower()
    if name.startswith("test_") or name.endswith("_test.py") or name == "conftest.py":
        return False
    if not any(hint in head for hint in HINTS):
        return False
    ctx = survey_context(root)
    try:
        text = read_text(path, ctx.shown(path), limits=ctx.limits)
    except SourceError:
        return False
    return holds_form_class(path, text, ctx)
