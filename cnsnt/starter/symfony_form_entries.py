"""PHP files that declare Symfony FormType classes, as `cnsnt init` proposes them.

A `.php` file is proposed when it declares a class that extends `AbstractType` (directly
or through the project's own bases) and adds fields, its own or its bases'
(`symfony_forms.holds_form_type`, the reader's own test). A file whose text names
neither `AbstractType` in an `extends` nor a `FormBuilderInterface` with `->add(` may
still take all its fields from a base (`class TagApiForm extends TagForm {}`): when it
extends a class, it is parsed after the walk, and only in a project where some file
looked like a form type; other files are passed over unparsed. Tests (`tests/`) and
`vendor/` (never walked) are not the product's forms.

The files are proposed as one entry per form folder tree (`symfony_form_globs`), as
Doctrine's entities are: a form's traits, bases and nested types live beside it, and a
glob takes the form types added later. The entry has no `format:`: the forms reader
sends each `.php` file that declares a form type to the Symfony reader and the others
(a PHP template with an HTML form) to the template reader, so what the glob also takes
is read as it would be alone.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.sources.base import SKIP_DIRS, SourceContext, read_text
from cnsnt.sources.forms.symfony_forms import holds_form_type, may_hold_form_type, may_inherit_form_type
from cnsnt.starter.folder_globs import chosen_globs, covers, reaches_out, spelt
from cnsnt.starter.survey_context import survey_context

#: Folders whose PHP is no form of the product (beside `SKIP_DIRS`, which `init` never walks).
_NOT_FORMS_DIRS = frozenset({"test", "tests", "vendor"})
#: A glob may take at most this many `.php` files per form type file it takes: a tree
#: that is mostly other code (`src/**/*.php` because one form type sits in `src/`) is
#: proposed folder by folder instead. Kimai's `src/Form/**` takes 174 files for 57 forms.
_OTHER_PER_FORM = 3


#: The survey memo's mark that a file's text looked like a form type (`may_hold_form_type`).
_SNIFFED = "symfony:sniffed"
#: The survey memo's list of files that may take a form type's fields from a base.
_INHERITING = "symfony:inheriting"


def symfony_form_file(path: Path, root: Path, head: str) -> bool:
    """A PHP file of the project that declares a Symfony form type adding fields (`head`: its first bytes).

    Only a file whose text looks like a form type (`may_hold_form_type`); one that only
    extends a class may take all it has from a base: it is kept for `inherited_form_files`.
    """
    if not _ours(path, root):
        return False
    ctx = survey_context(root)
    if not may_hold_form_type(head):
        if may_inherit_form_type(head):
            inheriting = ctx.memo.setdefault(_INHERITING, [])
            assert isinstance(inheriting, list)
            inheriting.append(path)
        return False
    ctx.memo[_SNIFFED] = True
    return _holds_form_type(path, ctx)


def inherited_form_files(root: Path, taken: set[Path]) -> list[Path]:
    """The files `symfony_form_file` kept that declare a form type adding fields, their bases followed.

    `taken`: files the survey found another kind for (a PHP template). Parsed only when a
    file of the project looked like a form type: a project with none (Laravel, WordPress)
    has no base to inherit from, and its classes are left unparsed.
    """
    ctx = survey_context(root)
    inheriting = ctx.memo.get(_INHERITING)
    if not ctx.memo.get(_SNIFFED) or not isinstance(inheriting, list):
        return []
    return [path for path in inheriting if path not in taken and _holds_form_type(path, ctx)]


def _ours(path: Path, root: Path) -> bool:
    rel = path.relative_to(root)
    return not {p.lower() for p in rel.parts[:-1]} & (_NOT_FORMS_DIRS | SKIP_DIRS)


def _holds_form_type(path: Path, ctx: SourceContext) -> bool:
    try:
        text = read_text(path, ctx.shown(path), limits=ctx.limits)
    except SourceError:
        return False
    return holds_form_type(path, text, ctx)


def symfony_form_globs(forms: list[Path], php: list[Path], root: Path) -> tuple[list[str], list[Path]]:
    """(globs, form files no glob takes) for the form type files of a project.

    `php`: every `.php` file `init` walked (what a glob would also take). A glob takes
    two form files at least, never reaches above the project's folders (`**/*.php` would
    read `vendor/`), and reads few other files (`_OTHER_PER_FORM`); the files of a glob
    that does not are left to the one-entry-per-folder rule.
    """
    if not forms:
        return [], []

    def fits(pattern: str, mine: list[Path]) -> bool:
        taken = sum(1 for p in php if covers(pattern, p.relative_to(root).as_posix()))
        return len(mine) > 1 and not reaches_out(pattern) and taken <= (1 + _OTHER_PER_FORM) * len(mine)

    return chosen_globs(forms, root, spelt(forms, ".php"), fits)
