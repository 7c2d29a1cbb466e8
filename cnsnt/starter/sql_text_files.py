"""Text files that hold SQL queries: named in a note, never proposed (review33 R33b).

A project kept its statements as `SQL_Statements/*.txt` (14 files: `INSERT
ArtikelBestellung.txt`...). init proposes no `.txt` file, as most are prose, licences or
requirements, and it passed that folder over without a word; the audit read its 65
statements once the folder was added by hand under `queries:`. So a `.txt` file whose
statements are mostly queries (SELECT, INSERT, UPDATE, DELETE: `cnsnt.sql.query_text`) is
named, with the entry to add. Cheap: only files up to `MAX_BYTES`, at most `PER_FOLDER`
of a folder, and no parse of a file holding no query word.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.sources.base import Limits, read_text
from cnsnt.sql.query_text import holds_queries
from cnsnt.starter.listing import first_few

#: The suffix of the text files looked at.
TEXT_SUFFIX = ".txt"
#: Files of a folder read at most (in name order): one folder of queries is named as one.
PER_FOLDER = 3
#: Largest file read: a query sheet is small; a larger `.txt` is data or a log.
MAX_BYTES = 64 * 1024


def _small_text(path: Path) -> str | None:
    """A small file's text, decoded as every source is, else None: too big, binary, unreadable."""
    try:
        return read_text(path, path.name, limits=Limits(file_bytes=MAX_BYTES))
    except (OSError, SourceError):
        return None


def _folder_of_queries(paths: Sequence[Path]) -> bool:
    """Whether one of the first few small `.txt` files of a folder holds SQL queries."""
    read = 0
    for path in sorted(paths):
        if read == PER_FOLDER:
            return False
        text = _small_text(path)
        if text is None:
            continue
        read += 1
        if holds_queries(text):
            return True
    return False


def sql_text_notes(files: Sequence[Path], root: Path) -> list[str]:
    """A note per folder whose `.txt` files look like SQL queries, with the entry to add."""
    by_folder: dict[Path, list[Path]] = defaultdict(list)
    for path in files:
        if path.suffix.lower() == TEXT_SUFFIX:
            by_folder[path.parent].append(path)
    notes: list[str] = []
    for folder, paths in sorted(by_folder.items()):
        if not _folder_of_queries(paths):
            continue
        names = sorted(p.relative_to(root).as_posix() for p in paths)
        if len(paths) == 1:
            pattern, what = names[0], names[0]
        else:
            home = folder.relative_to(root).as_posix()
            pattern = "*.txt" if home == "." else f"{home}/*.txt"
            what = f"{pattern} ({len(paths)} files: {first_few(names)})"
        verb = "looks" if len(paths) == 1 else "look"
        notes.append(
            f"{what} {verb} like SQL queries: add {'it' if len(paths) == 1 else 'them'} under "
            f"sources: queries: with format: sql if {'it is' if len(paths) == 1 else 'they are'} "
            f"(- {{path: {json.dumps(pattern, ensure_ascii=False)}, format: sql}}, with the "
            "dialect of your database); init proposes no .txt file itself"
        )
    return notes
