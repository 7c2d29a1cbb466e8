"""PHP files that declare Symfony FormType classes, as `cnsnt init` proposes them.

A `.php` file is proposed when it declares a class that extends `AbstractType` (directly
or through the project's own bases) and adds fields (`symfony_forms.holds_form_type`, the
reader's own test); a file whose text names neither `AbstractType` in an `extends` nor a
`FormBuilderInterface` with `->add(` is passed over unparsed. Tests (`tests/`) and
`vendor/` (never walked) are not the product's forms.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.sources.base import SKIP_DIRS, SourceContext, read_text
from cnsnt.sources.forms.symfony_forms import holds_form_type, may_hold_form_type

#: Folders whose PHP is no form of the product (beside `SKIP_DIRS`, which `init` never walks).
_NOT_FORMS_DIRS = frozenset({"test", "tests", "vendor"})
#: The context one survey shares, so each base class's file is parsed once.
_CONTEXT: ContextVar[SourceContext | None] = ContextVar("cnsnt_symfony_forms", default=None)


@contextmanager
def symfony_forms_survey(root: Path) -> Iterator[None]:
    """Share one parse of each file among the files one `cnsnt init` looks at."""
    token = _CONTEXT.set(SourceContext(base_dir=root))
    try:
        yield
    finally:
        _CONTEXT.reset(token)


def symfony_form_file(path: Path, root: Path, head: str) -> bool:
    """A PHP file of the project that declares a Symfony form type adding fields (`head`: its first bytes)."""
    rel = path.relative_to(root)
    if {p.lower() for p in rel.parts[:-1]} & (_NOT_FORMS_DIRS | SKIP_DIRS):
        return False
    if not may_hold_form_type(head):
        return False
    ctx = _CONTEXT.get() or SourceContext(base_dir=root)
    try:
        text = read_text(path, ctx.shown(path), limits=ctx.limits)
    except SourceError:
        return False
    return holds_form_type(path, text, ctx)
