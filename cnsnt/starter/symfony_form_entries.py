"""PHP files that declare Symfony FormType classes, as `cnsnt init` proposes them.

A `.php` file is proposed when it declares a class that extends `AbstractType` (directly
or through the project's own bases) and adds fields (`symfony_forms.holds_form_type`, the
reader's own test); a file whose text names neither `AbstractType` in an `extends` nor a
`FormBuilderInterface` with `->add(` is passed over unparsed. Tests (`tests/`) and
`vendor/` (never walked) are not the product's forms.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.sources.base import SKIP_DIRS, read_text
from cnsnt.sources.forms.symfony_forms import holds_form_type, may_hold_form_type
from cnsnt.starter.survey_context import survey_context

#: Folders whose PHP is no form of the product (beside `SKIP_DIRS`, which `init` never walks).
_NOT_FORMS_DIRS = frozenset({"test", "tests", "vendor"})


def symfony_form_file(path: Path, root: Path, head: str) -> bool:
    """A PHP file of the project that declares a Symfony form type adding fields (`head`: its first bytes)."""
    rel = path.relative_to(root)
    if {p.lower() for p in rel.parts[:-1]} & (_NOT_FORMS_DIRS | SKIP_DIRS):
        return False
    if not may_hold_form_type(head):
        return False
    ctx = survey_context(root)
    try:
        text = read_text(path, ctx.shown(path), limits=ctx.limits)
    except SourceError:
        return False
    return holds_form_type(path, text, ctx)
