"""React components with forms proposed as one glob per folder (`components/dialogs/*.tsx`).

`cnsnt init` named a component file one entry at a time unless every sibling of its
suffix drew a form: documenso got 201 `- {path: "apps/remix/app/components/dialogs/x.tsx"}`
lines, and a dialog added the next month was not audited until someone ran `init
--update --sources` (review28 D8). A folder holding two proposed components or more is
now one glob, when each other file the glob takes is one init did not leave out on
purpose (a story, test or mock, a library, a copy: any file it judged and did not
propose) and reads, as the audit reads it, to no field but buttons and no problem. A
confirmation dialog beside the forms reads to its buttons; a story would add its
fields, so its folder keeps one entry per file.
"""

from __future__ import annotations

import glob
from collections import defaultdict
from collections.abc import Callable, Collection
from pathlib import Path

from cnsnt.evidence import FieldRole
from cnsnt.starter.folder_globs import links
from cnsnt.starter.jsx_entries import minified, named_not_product
from cnsnt.starter.survey_context import read_as_form

#: Suffixes of files that are components by their name; a glob of `*.js` or `*.ts`
#: would take a folder's every script.
COMPONENT_SUFFIXES = frozenset({".tsx", ".jsx"})
#: A file of minified shape smaller than this (bytes) is read to see whether a glob may take it.
_SMALL = 64 * 1024


def component_globs(
    components: list[Path],
    root: Path,
    siblings: dict[Path, list[Path]],
    judged: Collection[Path],
    sniff: Callable[[Path], str],
) -> tuple[list[str], list[Path]]:
    """(globs, components no glob takes) for the component files init proposes.

    `siblings`: the walked files of each folder; `judged`: the files init found to be a
    source of some kind (proposed or left out), so that any of them not in `components`
    was left out on purpose.
    """
    by_folder: dict[tuple[Path, str], list[Path]] = defaultdict(list)
    left: list[Path] = []
    for path in components:
        if path.suffix in COMPONENT_SUFFIXES:
            by_folder[(path.parent, path.suffix)].append(path)
        else:
            left.append(path)
    globs: list[str] = []
    for (folder, suffix), mine in sorted(by_folder.items()):
        ours = set(mine)
        others = [p for p in siblings.get(folder, []) if p.suffix == suffix and p not in ours]
        if len(mine) > 1 and not links(folder, suffix) and all(
            _quiet(p, root, judged, sniff) for p in others
        ):
            rel = folder.relative_to(root).as_posix()
            globs.append(f"*{suffix}" if rel == "." else f"{glob.escape(rel)}/*{suffix}")
        else:
            left.extend(mine)
    return globs, sorted(left)


def _quiet(path: Path, root: Path, judged: Collection[Path], sniff: Callable[[Path], str]) -> bool:
    """Whether a glob may take a file init does not propose: not left out on purpose, read to nothing.

    A story, test or mock is refused by its name. A file of minified shape (an inline SVG
    logo's long lines) is read like the others when it is small; a larger one would cost
    every audit a bundle's parse.
    """
    if path in judged or named_not_product(path.relative_to(root)):
        return False
    head = sniff(path)
    if minified(head) and len(head.encode("utf-8", "surrogatepass")) >= _SMALL:
        return False
    evidence = read_as_form(path, root)
    if evidence is None:
        return False  # the audit would report it (CN001): no glob takes it
    return not evidence.problems and all(f.role is FieldRole.BUTTON for f in evidence.fields)
