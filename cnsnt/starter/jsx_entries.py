"""React components (`.jsx`, `.tsx`, `.js`/`.ts` holding JSX) that draw forms, as `cnsnt init` proposes them.

A component file is proposed when its JSX draws a form control or a form library's
binder (`jsx_form.has_form_controls`, the reader's own parse). Storybook stories,
tests and declaration files show components but are not the product's forms; their
folders (`__tests__`, `node_modules`, `build`, `dist`) are never walked. Minified
bundles (`*.min.js`, or kilobytes to a line) are vendored build output: parsing
thousands of them cost a PHP panel's `init` 47 of its 53 s and found no form.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.sources.forms.jsx_form import JSX_SUFFIXES, has_form_controls

__all__ = ["JSX_SUFFIXES", "jsx_form_file", "minified", "named_not_product", "not_product"]
#: Name parts of files that show components rather than being the product's (`jquery.min.js`: a bundle).
_NOT_PRODUCT = frozenset({"stories", "story", "test", "spec", "cy", "e2e", "mock", "d", "min"})
#: A head whose lines average more characters than this is minified build output, not source:
#: written JSX keeps lines short, a bundled library puts kilobytes on one line.
_MINIFIED_LINE = 300
#: Folders of stories, mocks, end-to-end tests and build output (beside `SKIP_DIRS`).
_NOT_PRODUCT_DIRS = frozenset(
    {
        "__mocks__",
        "__stories__",
        "stories",
        "storybook",
        "storybook-static",
        "e2e",
        "cypress",
        "playwright",
        "coverage",
        "out",
    }
)


def jsx_form_file(path: Path, head: str) -> bool:
    """A component file whose JSX draws a form control (stories, tests and builds are not)."""
    return not not_product(path, head) and has_form_controls(head, path.name)


def not_product(path: Path, head: str) -> bool:
    """A story, test, mock or build output, or a minified bundle: no page of the product's."""
    # a vendored bundle (`public/assets/plugins/...`): parsing it finds no product form
    return named_not_product(path) or minified(head)


def named_not_product(path: Path) -> bool:
    """A story, test, mock or build output by its name or folder (`Signup.stories.tsx`, `__mocks__/`)."""
    parts = path.name.lower().split(".")
    if any(part in _NOT_PRODUCT for part in parts[1:-1]):
        return True
    return any(part.lower() in _NOT_PRODUCT_DIRS for part in path.parts[:-1])


def minified(head: str) -> bool:
    """Whether a script's head is minified: lines of hundreds of characters on average."""
    lines = head.count("\n") + 1
    return len(head) > 4 * _MINIFIED_LINE and len(head) / lines > _MINIFIED_LINE
