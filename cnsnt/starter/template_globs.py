"""Templates with forms proposed as one glob per folder tree (`templates/**/*.html.twig`).

`init` proposed a template one entry per file unless every sibling of its suffix held a
form: schulddossier's `templates/` was 63 entries (48 in `templates/Dossier/`). A glob
also takes the templates without a form (layouts, partials, mails), which the audit
then reads too. Most read to nothing, or to a stray `<button>` (a form fragment of its
button alone, which no rule looks at); but a partial may draw controls the sniff of
`init` does not see (a Twig macro, `form_widget(other.x)`), which the glob would add
to the audit as fields, some of them CN001 warnings. So a glob is proposed only when
each file it takes beside the forms reads, as the audit reads it, to no field but
buttons and no problem; where one does not, the tree is tried folder by folder below
(`folder_globs.chosen_globs`), and the forms of a folder no glob fits keep the
one-entry-per-folder rule.

Plain `.php` (code beside the pages), `.vue` and `.svelte` (components) are left to that
rule: a glob of them takes whatever code the folder holds.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from cnsnt.evidence import FieldRole
from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import expand
from cnsnt.starter.folder_globs import chosen_globs, reaches_out
from cnsnt.starter.survey_context import read_as_form, survey_context

#: Suffixes of templates no glob is proposed for (see the module's docstring).
_NOT_GLOBBED = frozenset({".php", ".vue", ".svelte"})
#: Inner suffixes a glob keeps: `*.html.twig` leaves a folder's `*.txt.twig` mails out.
_INNER = frozenset({".html", ".blade"})


def glob_suffix(path: Path) -> str | None:
    """The end of a glob for a template (`.html.twig`, `.blade.php`, `.html`), or None: no glob."""
    suffixes = path.suffixes
    if len(suffixes) > 1 and suffixes[-2].lower() in _INNER:
        return "".join(suffixes[-2:])
    return None if path.suffix.lower() in _NOT_GLOBBED else path.suffix


def template_globs(pages: list[Path], root: Path) -> tuple[list[str], list[Path]]:
    """(globs, pages no glob takes) for the templates `init` found forms in.

    A glob takes two pages at least, never reaches above the project's folders, and
    takes no other file that the audit would read something from (`_quiet`).
    """
    by_suffix: dict[str, list[Path]] = defaultdict(list)
    left: list[Path] = []
    for page in pages:
        suffix = glob_suffix(page)
        if suffix is None:
            left.append(page)
        else:
            by_suffix[suffix].append(page)
    ctx = survey_context(root)
    quiet: dict[Path, bool] = {}

    def fits(pattern: str, mine: list[Path]) -> bool:
        if len(mine) < 2 or reaches_out(pattern):
            return False
        spec = SourceSpec(kind="forms", pattern=pattern, base_dir=root, location=Location(pattern))
        taken, problems = expand(spec, ctx)
        if problems:
            return False
        ours = {p.resolve() for p in mine}
        for path in taken:
            if path.resolve() in ours:
                continue
            if path not in quiet:
                quiet[path] = _quiet(path, root)
            if not quiet[path]:
                return False
        return True

    globs: list[str] = []
    for suffix in sorted(by_suffix):
        kept, loose = chosen_globs(by_suffix[suffix], root, suffix, fits, split=True)
        globs.extend(kept)
        left.extend(loose)
    return globs, sorted(left)


def _quiet(path: Path, root: Path) -> bool:
    """Whether the audit reads nothing from a file but buttons: no field, no CN001 problem."""
    evidence = read_as_form(path, root)
    if evidence is None:
        return False  # the audit reports it as a CN001 problem; no glob takes it
    return not evidence.problems and all(f.role is FieldRole.BUTTON for f in evidence.fields)
