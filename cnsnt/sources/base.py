"""What every evidence source shares: finding its files, reading them safely, naming them.

A reader is a function `(path, spec, ctx) -> Evidence`. It raises `SourceError`
when the whole file is unusable; a part it cannot parse becomes a
`SourceProblem` in the returned evidence while the rest still counts.
"""

from __future__ import annotations

import bisect
import glob
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.evidence import Evidence, SourceProblem, Table
from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec

#: Files larger than this are not loaded whole (query logs are streamed instead).
MAX_TEXT_BYTES = 200_000_000


@dataclass
class SourceContext:
    """Settings for one audit's sources."""

    base_dir: Path
    """Report paths are relative to this (the policy's directory)."""
    dialect: str | None = None
    """`--dialect`: overrides the dialect of every SQL source."""
    jobs: int = 0
    """Parallel workers for query analysis (0: all cores)."""
    tables: list[Table] = field(default_factory=list)
    """Tables already collected (query sources resolve columns against them)."""
    progress: Callable[[str, int, int], None] | None = None
    """Progress callback (description, done, total), set only on a terminal."""
    policy_purposes: Sequence[str] = ()
    sample: int = 0
    """`--sample N`: values read per doubtful text column of live databases (0: none)."""
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def shown(self, path: Path) -> str:
        """The path as reports show it: POSIX, relative to the policy when below it."""
        try:
            rel = Path(os.path.relpath(path.resolve(), self.base_dir.resolve())).as_posix()
        except ValueError:
            return path.as_posix()
        # A sibling directory reads well as ../x; a long climb is clearer absolute.
        return path.resolve().as_posix() if rel.startswith("../../") else rel


Reader = Callable[[Path, SourceSpec, SourceContext], Evidence]


def expand(spec: SourceSpec) -> tuple[list[Path], list[SourceProblem]]:
    """The files a source entry names (globs with `**`), sorted; none is a CN001 problem."""
    pattern = spec.pattern
    full = pattern if os.path.isabs(pattern) else str(spec.base_dir / pattern)
    if glob.has_magic(pattern):
        paths = sorted(Path(p) for p in glob.glob(full, recursive=True) if Path(p).is_file())
        if not paths:
            return [], [
                SourceProblem(f"'{pattern}' matches no file", spec.location, source=pattern)
            ]
        return paths, []
    path = Path(full)
    if path.is_dir():
        return [], [
            SourceProblem(
                f"'{pattern}' is a directory; use a glob such as '{pattern}/**/*'",
                spec.location,
                source=pattern,
            )
        ]
    if not path.exists():
        return [], [SourceProblem(f"'{pattern}' does not exist", spec.location, source=pattern)]
    return [path], []


def read_text(path: Path, shown: str, max_bytes: int = MAX_TEXT_BYTES) -> str:
    """Read a text source; missing, unreadable, binary or huge files raise SourceError.

    UTF-8 (with or without BOM) and UTF-16 with BOM are read as such; other
    bytes fall back to Windows-1252, which never fails, so an old Latin-1 dump
    still gets audited.
    """
    where = Location(shown)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", where) from None
    if size > max_bytes:
        raise SourceError(f"file is too large to load ({size:,} bytes)", where)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", where) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise SourceError("not valid UTF-16 text", where) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if b"\x00" in raw[:8192]:
        raise SourceError("binary file, not text", where)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset (one lookup; see LineIndex for many)."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


class LineIndex:
    """Offsets <-> 1-based line:column for one text, in O(log n) per lookup.

    Readers that place thousands of columns or fields use this; `line_col`
    rescans the text on every call.
    """

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1

    def offset(self, line: int, column: int) -> int:
        """Character offset of a 1-based line and 0-based column (html.parser's getpos)."""
        return self.starts[line - 1] + column
