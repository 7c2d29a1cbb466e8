"""Static mock-up pages beside the application's templates: left out by init, and said.

A biobank's Flask app draws its forms with Jinja templates and WTForms classes, and keeps
four hand-drawn pages in `temps/` (trial39, kid-kodi/BioBank): whole HTML documents with
no template code and no script, whose forms post to `index.html` or to nowhere, with
boxes of empty names. Proposed as forms, they put 38 nameless fields (CN001) and a draft's
`prelevement.sexe` into the starter. The folder's name says little (`temps` is French for
time, and short for templates), so the page itself is the evidence; a page is a mock-up
when all of these hold:

- it has no template code (`{{`, `{%`, `<%`, `<?`, Thymeleaf's `th:` attributes): nothing
  renders it (a Spring app's `login.html` posts by `th:action`, its scripts in a layout);
- it is a whole document (`<!DOCTYPE html>` or `<html>`), not a fragment a script
  draws (CTFd's `assets/create.html`, a challenge form loaded into a page);
- it has no `<script>`: nothing on it can send a form but the browser (a hospital's
  `doctor.html`, no action either, is serialized and sent by its `js/doctor.js`);
- each of its forms posts to no route: no action, an empty one, `#`, or another static
  page (`index.html`), and no host receives it (Netlify's `data-netlify` form is sent).

Never a page in a `templates` folder (Flask's, Django's, Spring's): a view renders it, and
a form with no action posts to that view's own route (a `contact.html` that needs no template
code). And only beside other forms (templates, form classes): a project of static pages alone
keeps them, they are its forms. Pages under a web root are `discover._static_pages`'.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.sources.base import Limits, read_text
from cnsnt.sources.forms.html_page import Outline
from cnsnt.starter.listing import first_few

#: The suffixes of the pages judged.
PAGE_SUFFIXES = (".html", ".htm")
#: Marks of template code (Jinja/Twig/Handlebars/Go, ERB/EJS, PHP), as `discover` has them.
TEMPLATE_MARKS = ("{{", "{%", "<%", "<?")
#: Largest page read: a hand-drawn mock-up is small; a larger one is kept, unread.
MAX_BYTES = 256 * 1024
#: The folder a framework renders pages from (Flask, Django, Spring Boot, Jinja's loaders).
RENDERED_FOLDER = "templates"
#: Actions that post nowhere: the page itself.
_NOWHERE = frozenset({"", "#"})


def _static_target(action: str | None) -> bool:
    """Whether a form's action posts to no route: none, the page itself, or a static page."""
    if action is None or action.strip() in _NOWHERE:
        return True
    target = action.strip().lower()
    return "?" not in target and ":" not in target and target.endswith(PAGE_SUFFIXES)


def mockup_page(path: Path) -> bool:
    """Whether a page is a static mock-up (the module's four tests); unreadable or large: no."""
    if path.suffix.lower() not in PAGE_SUFFIXES:
        return False
    try:
        text = read_text(path, path.name, limits=Limits(file_bytes=MAX_BYTES))
    except (OSError, SourceError):
        return False
    if any(mark in text for mark in TEMPLATE_MARKS):
        return False
    page = Outline(text)
    posts_nowhere = bool(page.actions) and all(map(_static_target, page.actions))
    return page.document and not page.templated and not page.hosted and not page.scripts and posts_nowhere


def _rendered(path: Path, root: Path | None) -> bool:
    """Whether a page lies in a `templates` folder under `root` (a view renders it)."""
    parts = path.relative_to(root).parts if root is not None and path.is_relative_to(root) else path.parts
    return any(part.casefold() == RENDERED_FOLDER for part in parts[:-1])


def static_mockups(
    forms: Sequence[Path],
    others: bool,
    judged: Callable[[Path], bool] = mockup_page,
    root: Path | None = None,
) -> list[Path]:
    """The mock-up pages among the form files, when some other form is the application's.

    `others`: forms of another kind exist (Symfony form types), which count as the
    application's too. `root`: the project, under which a `templates` folder is looked for.
    """
    pages = [path for path in forms if not _rendered(path, root) and judged(path)]
    if not pages or (len(pages) == len(forms) and not others):
        return []
    return pages


def mockups_note(paths: Sequence[Path], root: Path) -> str:
    """The note on the mock-up pages left out: their folders and the first few pages."""
    folders = first_few(sorted({p.parent.relative_to(root).as_posix() for p in paths}))
    shown = first_few(sorted(p.relative_to(root).as_posix() for p in paths))
    count = len(paths)
    return (
        f"left out {count} static mock-up page{'s' if count != 1 else ''} in {folders} ({shown}): "
        "whole HTML pages with no template code and no script, whose forms post to no route "
        "(no action, or another .html page such as index.html), beside the templates and form "
        "classes that draw the application's forms; add them under sources: forms: to audit them"
    )
