"""Form files kept twice, byte for byte: `init` proposes one of each.

AsgardCMS's `module:publish` copies every module's Vue components from
`Modules/User/Assets/js/components/` into the web root, `public/modules/user/js/components/`.
Both were proposed, so each form was read twice: jodak94/daen's starter listed 15
password keys and its CN001 warnings twice, half of them at the copies. A file with the
same name and bytes as another form file is left out when it sits in a web root, build or
demo folder and its twin does not (the source the copy was made from is kept), and a note
says how many and where. Twins that are both outside such folders are two pages:
SisMed's `Views/Pacientes/Adicionar.cshtml` and `Views/MonitoramentoPacentes/Adicionar.cshtml`
(one pasted from the other) post to two controllers, and both are proposed, named by
their paths as forms sharing a stem are. A file with no twin is never left out, and a
copy that differs by one byte is a file of its own, and so is a page of another name
that holds the same text (two routes' pages drawn alike are two pages).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from pathlib import Path

from cnsnt.starter.folders import BUILD_DIRS, WEB_ROOTS, demo_folder, in_folder
from cnsnt.starter.listing import first_few

#: Folders a copy is served or built in: its twin elsewhere is the source kept (so is a
#: demo folder's twin: `cnsnt.starter.folders.demo_folder`, not a package named `sample/`).
COPY_FOLDERS = WEB_ROOTS | BUILD_DIRS


def _in_copy_folder(path: Path, root: Path) -> bool:
    """Whether a file lies in a web root, a build output or a demo folder."""
    return in_folder(path, root, COPY_FOLDERS) or demo_folder(path, root) is not None


def _digest(path: Path) -> bytes | None:
    try:
        return hashlib.sha256(path.read_bytes()).digest()
    except OSError:
        return None  # unreadable: no twin to compare; the reader says what is wrong with it


def form_copies(paths: list[Path], root: Path) -> dict[Path, Path]:
    """Each left-out copy -> the file kept in its place.

    Only files of the same name and size are hashed, so a tree of distinct forms reads no file.
    """
    by_size: dict[tuple[str, int], list[Path]] = defaultdict(list)
    for path in paths:
        try:
            by_size[(path.name, path.stat().st_size)].append(path)
        except OSError:
            continue
    left: dict[Path, Path] = {}
    for same_size in by_size.values():
        if len(same_size) < 2:
            continue
        by_digest: dict[bytes, list[Path]] = defaultdict(list)
        for path in same_size:
            digest = _digest(path)
            if digest is not None:
                by_digest[digest].append(path)
        for twins in by_digest.values():
            if len(twins) < 2:
                continue
            copies = [p for p in twins if _in_copy_folder(p, root)]
            sources = sorted(
                (p for p in twins if p not in copies), key=lambda p: p.relative_to(root).as_posix()
            )
            if copies and sources:  # else two pages that look alike, or copies of no source here
                left.update((path, sources[0]) for path in copies)
    return left


def copies_note(left: dict[Path, Path], root: Path) -> str:
    """Where the left-out copies are, the first three folders named, and one copy with its source."""
    folders = sorted({p.parent.relative_to(root).as_posix() for p in left})
    shown = first_few(folders)
    copy, kept = min(
        (p.relative_to(root).as_posix(), k.relative_to(root).as_posix())
        for p, k in left.items()
    )
    n = len(left)
    return (
        f"left out {n} form file{'s' if n != 1 else ''} in {shown}: byte-identical "
        f"cop{'ies' if n != 1 else 'y'} of form files proposed from elsewhere ({copy} is "
        f"{kept}), which would list each form twice; add them under sources: to audit them"
    )
