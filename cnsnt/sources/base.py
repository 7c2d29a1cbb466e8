"""What every evidence source shares: finding its files, reading them safely, naming them.

A reader is a function `(path, spec, ctx) -> Evidence`. It raises `SourceError`
when the whole file is unusable; a part it cannot parse becomes a
`SourceProblem` in the returned evidence while the rest still counts.
"""

from __future__ import annotations

import bisect
import codecs
import contextlib
import fnmatch
import glob
import os
import re
import signal
import stat
import threading
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any, BinaryIO, Protocol, TypeVar

from cnsnt.errors import SourceError
from cnsnt.evidence import Evidence, SourceProblem, Table
from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec

#: Files larger than this are not loaded whole (query logs are streamed instead). Reading a
#: schema or form costs about 100x its size in memory (sqlglot tokens, positioned YAML
#: nodes for JSON), so 20 MB is about 2 GB at most; real schema dumps and forms are smaller.
MAX_TEXT_BYTES = 20_000_000
#: How much of a file's head is looked at to tell text from binary.
SNIFF_BYTES = 8192
#: The fix of a source path that finds no file (CN001).
_FIX_PATH = "fix the path (relative to the policy's directory) or remove the entry from sources:"
#: Signatures of common binary formats that may carry a text suffix (`logo.sql`, `dump.sql.gz` renamed).
_BINARY_MAGIC = (
    b"\x89PNG", b"\x1f\x8b", b"PK\x03\x04", b"%PDF-", b"\x7fELF", b"GIF8", b"\xff\xd8\xff",
    b"BZh91", b"\xfd7zXZ", b"7z\xbc\xaf", b"SQLite format 3\x00", b"\x28\xb5\x2f\xfd",
)


@dataclass(frozen=True)
class Limits:
    """Bounds on what one audit reads; each hit is a CN001 naming the limit (docs/untrusted-input.md: Limits).

    They keep a hostile or broken file from hanging the audit or eating the
    machine's memory; every other source is still audited.
    """

    file_bytes: int = MAX_TEXT_BYTES
    """`--max-file-size`: files read whole (schemas, forms) larger than this are refused."""
    statement_bytes: int = 1_000_000
    """`--max-statement-size`: a longer SQL statement is reported, not parsed (parsing costs ~180x)."""
    source_seconds: float = 600.0
    """`--source-timeout`: time budget for one source file (0: none)."""
    depth: int = 256
    """`--max-depth`: deepest JSON nesting and HTML element nesting read."""
    allow_outside: bool = False
    """`--allow-outside`: read sources (and symlink targets) outside the policy's directory."""


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
    limits: Limits = field(default_factory=Limits)
    chunk_chars: int = 1 << 20
    """How much of a streamed file is decoded at once (tests vary it: results never depend on it)."""
    log_ranges: int = 0
    """Byte ranges a `lines` log is cut into (0: automatic; tests vary it: results never depend on it)."""
    deadline: Deadline | None = None
    """The time budget of the source being read (set by `collect` for each file)."""
    memo: dict[str, object] = field(default_factory=dict)
    """What readers share within one audit (the macro files templates import, read once)."""

    def check_time(self, what: str = "") -> None:
        """Raise SourceError when the current source's time budget is spent."""
        if self.deadline is not None:
            self.deadline.check(what)

    def shown(self, path: Path) -> str:
        """The path as reports show it: POSIX, relative to the policy when below it."""
        try:
            rel = Path(os.path.relpath(path.resolve(), self.base_dir.resolve())).as_posix()
        except (ValueError, OSError, RuntimeError):  # another drive; a symlink loop
            return printable_path(path.as_posix())
        # A sibling directory reads well as ../x; a long climb is clearer absolute.
        return printable_path(path.resolve().as_posix() if rel.startswith("../../") else rel)


def printable_path(text: str) -> str:
    """A file name that is not valid UTF-8 (POSIX names are bytes), with its bytes escaped.

    Python keeps such bytes as lone surrogates, which no report format can encode.
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


Reader = Callable[[Path, SourceSpec, SourceContext], Evidence]


# --------------------------------------------------------------------------- finding files

#: Directories that hold other people's code, build output or caches: `cnsnt init` looks
#: for sources outside them, and a template's import is not looked for in them.
SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".venv",
        "venv",
        "env",
        ".tox",
        ".nox",
        "__pycache__",
        "node_modules",
        "bower_components",
        "vendor",
        "dist",
        "build",
        "target",
        "site-packages",
        ".mypy_cache",
        ".ruff_cache",
        ".pytest_cache",
        ".idea",
        ".vscode",
        # Tests, fixtures and documentation show forms and tables, but not the product's own.
        "test",
        "tests",
        "spec",
        "specs",
        "__tests__",
        "fixtures",
        "testdata",
        "doc",
        "docs",
        "third_party",
        "thirdparty",
        "external",
        "externals",
    }
)


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "not a regular file"


def not_regular(path: Path) -> str | None:
    """Why `path` is not a regular file cnsnt may open (None when it is); never opens it."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    return f"{_kind_of(mode)}, not a regular file: cnsnt reads regular files only"


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def outside_problem(path: Path, root: Path, allow_outside: bool) -> str | None:
    """Why `path` (links resolved) may not be read: it leaves the project root."""
    if allow_outside:
        return None
    try:
        real = path.resolve()
    except (OSError, RuntimeError):
        return "cannot resolve the path (a symlink loop?)"
    if _inside(real, root):
        return None
    link = " through a symlink" if _inside(Path(os.path.abspath(path)), root) else ""
    return (
        f"is outside the project (the policy's directory){link}: not read "
        "(pass --allow-outside to read it)"
    )


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _walk_glob(full: str, root: Path | None, problems: list[str]) -> list[Path]:
    """`glob.glob(recursive=True)` semantics, but a directory is entered once per `**`.

    `glob` follows directory symlinks under `**` without remembering where it
    has been: two links back to their directory make it exponential. Here each
    (device, inode) is listed once per walk, and directories that resolve
    outside `root` are not entered (reported instead).
    """
    anchor, parts = _split_magic(full)
    found: list[Path] = []

    def listing(directory: Path) -> list[os.DirEntry[str]]:
        try:
            with os.scandir(directory) as it:
                return sorted(it, key=lambda e: e.name)
        except OSError:
            return []

    def enter(directory: Path) -> bool:
        if root is None:
            return True
        try:
            real = directory.resolve()
        except (OSError, RuntimeError):
            return False
        if _inside(real, root):
            return True
        problems.append(printable_path(directory.as_posix()))
        return False

    def step(directory: Path, i: int) -> None:
        if i == len(parts):
            found.append(directory)
            return
        part = parts[i]
        if part == "**":
            seen: set[tuple[int, int]] = set()
            stack = [directory]
            order: list[Path] = []
            while stack:
                d = stack.pop()
                try:
                    st = os.stat(d)
                except OSError:
                    continue
                if (st.st_dev, st.st_ino) in seen or not enter(d):
                    continue
                seen.add((st.st_dev, st.st_ino))
                order.append(d)
                subdirs = [
                    Path(e.path) for e in listing(d) if not _hidden(e.name) and _is_dir(e)
                ]
                stack.extend(reversed(subdirs))
            if i + 1 == len(parts):
                # A trailing `**` matches every file and directory below, like glob.
                for d in order:
                    found.append(d)
                    found.extend(Path(e.path) for e in listing(d) if not _hidden(e.name) and not _is_dir(e))
                return
            for d in order:
                step(d, i + 1)
            return
        if glob.has_magic(part):
            for entry in listing(directory):
                if _hidden(entry.name) and not _hidden(part):
                    continue
                if not fnmatch.fnmatch(entry.name, part):
                    continue
                if i + 1 == len(parts):
                    found.append(Path(entry.path))
                elif _is_dir(entry) and enter(Path(entry.path)):
                    step(Path(entry.path), i + 1)
            return
        nxt = directory / part
        if i + 1 == len(parts):
            if os.path.lexists(nxt):
                found.append(nxt)
        elif nxt.is_dir():
            step(nxt, i + 1)

    if anchor.is_dir():
        step(anchor, 0)
    return sorted(set(found))


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _split_magic(full: str) -> tuple[Path, list[str]]:
    """The longest literal directory prefix of a pattern, and the parts after it."""
    path = Path(full)
    parts = list(path.parts)
    literal: list[str] = []
    for part in parts:
        if glob.has_magic(part):
            break
        literal.append(part)
    rest = parts[len(literal):]
    if not rest:  # pragma: no cover - callers pass patterns with magic
        return path.parent, [path.name]
    return Path(*literal) if literal else Path("."), ["**" if p == "**" else p for p in rest]


def expand(
    spec: SourceSpec, ctx: SourceContext | None = None
) -> tuple[list[Path], list[SourceProblem]]:
    """The files a source entry names (globs with `**`), sorted; none is a CN001 problem.

    Only regular files are returned: a FIFO, device or socket named by a
    source is a problem, never opened. With `ctx`, files (links resolved)
    must lie below the policy's directory unless `--allow-outside`.
    """
    pattern = spec.pattern
    full = pattern if os.path.isabs(pattern) else str(spec.base_dir / pattern)
    root: Path | None = None
    if ctx is not None and not ctx.limits.allow_outside:
        root = ctx.base_dir.resolve()
    problems: list[SourceProblem] = []

    def refuse(path: Path, why: str) -> None:
        if os.path.islink(path):  # named as written: its target may be a loop or elsewhere
            shown = printable_path(os.path.relpath(os.path.abspath(path), ctx.base_dir.resolve())
                                   if ctx is not None else path.as_posix())
        else:
            shown = ctx.shown(path) if ctx is not None else path.as_posix()
        sep = " " if why.startswith("is ") else ": "
        problems.append(SourceProblem(f"'{shown}'{sep}{why}", spec.location, source=pattern))

    if glob.has_magic(pattern):
        anchor = _split_magic(full)[0]
        if root is not None and anchor.is_dir() and outside_problem(anchor, root, False):
            return [], [SourceProblem(f"'{pattern}' {outside_problem(anchor, root, False)}",
                                      spec.location, source=pattern)]
        outside_dirs: list[str] = []
        candidates = _walk_glob(full, root, outside_dirs)
        for d in sorted(set(outside_dirs)):
            if ctx is not None:
                d = printable_path(Path(os.path.relpath(d, ctx.base_dir)).as_posix())
            problems.append(
                SourceProblem(
                    f"directory '{d}' is outside the project (the policy's directory) through a "
                    "symlink: not searched (pass --allow-outside to read it)",
                    spec.location, source=pattern,
                )
            )
        paths: list[Path] = []
        for p in candidates:
            try:
                mode = os.stat(p).st_mode
            except OSError:
                if os.path.islink(p):  # glob used to drop these silently
                    refuse(p, "is a broken or looping symlink: not read")
                continue
            if stat.S_ISDIR(mode):
                continue
            why = None if stat.S_ISREG(mode) else not_regular(p)
            if why is None and root is not None:
                why = outside_problem(p, root, False)
            if why is not None:
                refuse(p, why)
                continue
            paths.append(p)
        if not paths and not problems:
            return [], [
                SourceProblem(f"'{pattern}' matches no file", spec.location, source=pattern, fix=_FIX_PATH)
            ]
        return paths, problems
    path = Path(full)
    if path.is_dir():
        return [], [
            SourceProblem(
                f"'{pattern}' is a directory",
                spec.location,
                source=pattern,
                fix=f"use a glob such as '{pattern}/**/*'",
            )
        ]
    if not path.exists():
        what = "is a broken or looping symlink: not read" if path.is_symlink() else "does not exist"
        return [], [SourceProblem(f"'{pattern}' {what}", spec.location, source=pattern, fix=_FIX_PATH)]
    why = not_regular(path)
    if why is None and root is not None:
        why = outside_problem(path, root, False)
    if why is not None:
        return [], [SourceProblem(f"'{pattern}' {why}" if why.startswith("is ") else
                                  f"'{pattern}': {why}", spec.location, source=pattern)]
    return [path], []


# --------------------------------------------------------------------------- reading files


def open_source(path: Path, shown: str) -> BinaryIO:
    """Open a source for reading: regular files only, and never block on a FIFO.

    `os.stat` refuses FIFOs, devices and sockets before any open; `O_NONBLOCK`
    keeps a file swapped for a FIFO after that check from hanging the open,
    and `fstat` on the opened descriptor checks again.
    """
    where = Location(shown)
    why = not_regular(path)
    if why is not None:
        raise SourceError(why, where)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", where) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise SourceError(
                f"{_kind_of(mode)}, not a regular file: cnsnt reads regular files only", where
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def wide_encoding(head: bytes) -> str | None:
    """`utf-32` or `utf-16` when text starts with that encoding's BOM, else None."""
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return None


def sniff(head: bytes, shown: str) -> tuple[str, int]:
    """(encoding, BOM length) of a file from its first bytes; binary files raise SourceError.

    One decision for every reader: UTF-32 or UTF-16 with a BOM, UTF-8 (BOM dropped),
    and binary when a known binary signature or a NUL byte is in the first 8 KB.
    """
    wide = wide_encoding(head)
    if wide is not None:
        return wide, 0
    bom = 3 if head.startswith(b"\xef\xbb\xbf") else 0
    if head.startswith(_BINARY_MAGIC) or b"\x00" in head[bom:SNIFF_BYTES]:
        raise SourceError("binary file, not text", Location(shown))
    return "utf-8", bom


class Readable(Protocol):
    """Anything with a binary `read(n)`."""

    def read(self, n: int, /) -> bytes:
        """Up to n bytes; b"" at the end."""


def decoded_chunks(fh: Readable, shown: str, chunk: int = 1 << 20) -> Iterator[str]:
    """Decoded text of an open source, piece by piece, with one decoding rule for all readers.

    UTF-8 (BOM dropped) and UTF-16 with a BOM; bytes that are not valid
    UTF-8 switch the rest of the file to Windows-1252, which never fails, so
    an old Latin-1 dump still gets audited.
    """
    head = fh.read(SNIFF_BYTES)
    encoding, bom = sniff(head, shown)
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    fallback = codecs.getincrementaldecoder("cp1252")(errors="replace")
    use_fallback = False
    data = head[bom:]
    lines, last = 0, 0  # line breaks yielded so far, and characters after the last one
    while True:
        block = fh.read(chunk)
        final = not block
        data += block
        if use_fallback:
            text = fallback.decode(data, final)
        else:
            state = decoder.getstate()
            try:
                text = decoder.decode(data, final)
            except UnicodeDecodeError as exc:
                if encoding != "utf-8":
                    place = _undecodable_place(encoding, state, data, exc.start, lines, last)
                    raise SourceError(f"not valid {encoding.upper()} text", Location(shown, *place)) from None
                use_fallback = True
                text = fallback.decode(data, final)
        data = b""
        if text:
            breaks = text.count("\n")
            lines, last = lines + breaks, len(text) - text.rfind("\n") - 1 if breaks else last + len(text)
            yield text
        if final:
            return


def _undecodable_place(
    encoding: str, state: tuple[bytes, int], data: bytes, start: int, lines: int, last: int
) -> tuple[int, int]:
    """Line and column of the first byte a wide encoding cannot decode (`start`: in its buffer + `data`).

    The block before it is decoded again from the same state: a half surrogate pair in a
    UTF-16 file is reported where it is, not as the whole file.
    """
    decoder = codecs.getincrementaldecoder(encoding)()
    decoder.setstate(state)
    try:
        before = decoder.decode(data[: max(0, start - len(state[0]))])
    except UnicodeDecodeError:  # pragma: no cover - the bytes before `start` decoded once already
        before = ""
    breaks = before.count("\n")
    column = len(before) - before.rfind("\n") if breaks else last + len(before) + 1
    return lines + breaks + 1, column


def read_text(path: Path, shown: str, *, limits: Limits) -> str:
    """Read a text source whole; missing, unreadable, binary or huge files raise SourceError.

    Decoding is `decoded_chunks`' (shared by every reader). `limits` is required so
    that no reader can skip `--max-file-size` (`limits.file_bytes`): pass `ctx.limits`.
    """
    max_bytes = limits.file_bytes
    where = Location(shown)
    with open_source(path, shown) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > max_bytes:
            raise SourceError(
                f"file is too large to load ({size:,} bytes; the limit is {max_bytes:,}, "
                "set with --max-file-size)",
                where,
            )
        try:
            # The file may grow while read: read at most one byte more than the limit.
            return "".join(decoded_chunks(_Capped(fh, max_bytes, shown), shown))
        except OSError as exc:
            raise SourceError(f"cannot read: {exc.strerror or exc}", where) from None


def read_once(path: Path, ctx: SourceContext, kind: str) -> str | None:
    """A file other readers draw from (a partial, a fragment), read once per audit.

    None when it cannot be read: the caller says what it could not follow, and the file's
    own reader reports why it is unreadable. `kind` keeps each reader's entries apart.
    """
    key = f"{kind}:{path}"
    if key not in ctx.memo:
        ctx.memo[key] = None
        with contextlib.suppress(SourceError):
            ctx.memo[key] = read_text(path, ctx.shown(path), limits=ctx.limits)
    text = ctx.memo[key]
    return text if isinstance(text, str) else None


def template_files(root: Path, suffixes: tuple[str, ...], limit: int) -> list[Path]:
    """The files under `root` ending in one of `suffixes` (lower case), sorted, at most `limit`.

    Where other readers look for the templates that include a partial or call a fragment:
    hidden folders and `SKIP_DIRS` are passed over, links to folders are not followed (no
    loops), and a huge tree stops at `limit`. Each caller checks a file is inside the
    project (`outside_problem`) before reading it with `read_once`.
    """
    out: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
        for name in sorted(files):
            if name.lower().endswith(suffixes):
                out.append(Path(folder, name))
                if len(out) >= limit:
                    return out
    return out


class _Capped:
    """A reader that refuses to return more than `limit` bytes (a file growing while read)."""

    def __init__(self, fh: BinaryIO, limit: int, shown: str) -> None:
        self.fh, self.left, self.shown = fh, limit, shown

    def read(self, n: int) -> bytes:
        data = self.fh.read(min(n, self.left + 1))
        self.left -= len(data)
        if self.left < 0:
            raise SourceError("file grew past the size limit while read", Location(self.shown))
        return data


def text_lines(path: Path, shown: str, chunk: int = 1 << 20) -> Generator[str, None, None]:
    """Lines (ends kept, split on newlines only) of a streamed source, decoded as `decoded_chunks`."""
    with open_source(path, shown) as fh:
        rest = ""
        for text in decoded_chunks(fh, shown, chunk):
            text = rest + text
            lines = text.split("\n")
            rest = lines.pop()
            for line in lines:
                yield line + "\n"
        if rest:
            yield rest


def source_encoding(path: Path, shown: str) -> str:
    """`utf-32`, `utf-16` or `utf-8` by the shared rule (binary raises SourceError)."""
    with open_source(path, shown) as fh:
        return sniff(fh.read(SNIFF_BYTES), shown)[0]


class Deadline:
    """A per-source time budget that long loops check (`--source-timeout`)."""

    def __init__(self, seconds: float, shown: str) -> None:
        self.shown = shown
        self.seconds = seconds
        self.end = time.monotonic() + seconds if seconds > 0 else None

    def check(self, what: str = "") -> None:
        """Raise SourceError naming the limit when the budget is spent."""
        if self.end is not None and time.monotonic() > self.end:
            raise SourceError(budget_message(self.seconds, what), Location(self.shown))


def budget_message(seconds: float, what: str = "") -> str:
    """The CN001 text of a spent time budget."""
    doing = f" while {what}" if what else ""
    return (
        f"time budget of {seconds:g} s for this source spent{doing}; the rest of it was not "
        "audited (raise it with --source-timeout)"
    )


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


#: The characters that open or close a JSON string or container (one at a time: linear).
_JSON_SYNTAX = re.compile(r'[\[\]{}"\\]')


def json_brackets(text: str) -> Iterator[tuple[int, int]]:
    """Each `[`/`{` and `]`/`}` of a JSON text outside its strings: (offset, depth it opens or leaves).

    The JSON readers' one way to find where a document nests (`json` recurses and gives up
    with no position): an opening bracket gives the depth it opens, a closing one the depth
    left outside it.
    """
    depth, in_string, escaped = 0, False, -1
    for m in _JSON_SYNTAX.finditer(text):
        at, char = m.start(), m.group()
        if at == escaped:
            continue
        if in_string:
            if char == "\\":
                escaped = at + 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in ("[", "{"):
            depth += 1
            yield at, depth
        else:
            depth -= 1
            yield at, depth


#: Brackets of any language (one character at a time: linear).
_BRACKETS = re.compile(r"[(\[{)\]}]")


def deepest_bracket(text: str) -> tuple[int, int]:
    """(depth, offset) of the first bracket that opens a text's deepest level of (), [] and {}.

    Strings and comments are not told apart: a hint of where a file nests deepest, for a
    reader that met nesting too deep for Python's recursion and cannot say where.
    """
    depth = deepest = where = 0
    for m in _BRACKETS.finditer(text):
        if m.group() in "([{":
            depth += 1
            if depth > deepest:
                deepest, where = depth, m.start()
        elif depth:
            depth -= 1
    return deepest, where


def json_deepest_opening(text: str) -> tuple[int, int]:
    """Line and column of the bracket that opens a JSON text's deepest level (the first, if several)."""
    deepest, where = 0, 0
    for at, depth in json_brackets(text):
        if depth > deepest and text[at] in "[{":
            deepest, where = depth, at
    return line_col(text, where)


def stop_pool(pool: Executor) -> None:
    """Ctrl-C: end the workers now and drop queued work, so cnsnt exits within a second.

    Leaving the `with` block alone would wait for every queued batch to finish. The
    workers are ended before `shutdown`, which forgets them (ended after it, none
    was), and `shutdown` then waits for the executor's thread, which sees them gone:
    left running into the interpreter's exit, it closed its wake-up pipe while the exit
    wrote to it ("Exception ignored ... Bad file descriptor").
    """
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)


_T = TypeVar("_T")
#: How long a wait for a worker's result lasts before Ctrl-C is checked again.
_WAIT_SLICE = 0.1


class WorkerPool:
    """Worker processes that Ctrl-C stops cleanly, within a second.

    KeyboardInterrupt, raised wherever the main thread is when SIGINT comes, could land
    inside the executor's or its queue's `with lock:` and leave the lock held: the
    executor's thread then waited for it forever, and so did the exit, which joins that
    thread (about one interrupt in twenty hung). While the pool runs, SIGINT only
    notes the interrupt; `submit` and `result` raise it from here, between the executor's
    calls, and leaving the block stops the workers.
    """

    def __init__(
        self,
        jobs: int,
        initializer: Callable[..., object] | None = None,
        initargs: tuple[Any, ...] = (),
    ) -> None:
        self._options = (jobs, initializer, initargs)
        self._pool: ProcessPoolExecutor | None = None
        self._interrupted = False
        self._previous: Callable[[int, FrameType | None], object] | int | None = None
        self._noting = False

    def __enter__(self) -> WorkerPool:
        if (
            threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGINT) is signal.default_int_handler
        ):
            self._previous = signal.signal(signal.SIGINT, self._note)
            self._noting = True
        jobs, initializer, initargs = self._options
        self._pool = ProcessPoolExecutor(max_workers=jobs, initializer=initializer, initargs=initargs)
        return self

    def _note(self, signum: int, frame: FrameType | None) -> None:
        self._interrupted = True

    def _check(self) -> None:
        if self._interrupted:
            raise KeyboardInterrupt

    def submit(self, fn: Callable[..., _T], *args: object) -> Future[_T]:
        """Queue one call for the workers."""
        self._check()
        assert self._pool is not None, "used outside its with block"
        return self._pool.submit(fn, *args)

    def result(self, future: Future[_T]) -> _T:
        """The call's result, waiting in slices so that Ctrl-C is seen between them."""
        while True:
            self._check()
            try:
                return future.result(timeout=_WAIT_SLICE)
            except TimeoutError:
                continue

    def results(
        self,
        futures: Sequence[Future[_T]],
        weights: Sequence[int],
        progress: Callable[[str, int, int], None] | None = None,
        desc: str = "",
        total: int | None = None,
    ) -> list[_T]:
        """The calls' results in order, told to `progress` as they come.

        Progress counts the summed weight of the calls done (the bytes of the log
        ranges read, the statements of the batches analysed) out of `total`, by
        default all of their weight.
        """
        out: list[_T] = []
        done = 0
        total = sum(weights) if total is None else total
        for future, weight in zip(futures, weights, strict=True):
            out.append(self.result(future))
            done += weight
            if progress is not None:
                progress(desc, done, total)
        return out

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        try:
            if self._pool is not None:
                if kind is not None or self._interrupted:
                    stop_pool(self._pool)  # the queued batches would all run first
                else:
                    self._pool.shutdown(wait=True)
        finally:
            if self._noting:
                signal.signal(signal.SIGINT, self._previous)
        if kind is None:
            self._check()  # Ctrl-C while the last results came in
class BudgetSpent(BaseException):
    """The time budget's alarm went off.

    A BaseException, so that no reader's `except Exception` (kept so one odd
    statement cannot stop a log) swallows it.
    """


@contextlib.contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Interrupt the block after `seconds` with `BudgetSpent` (POSIX main thread only).

    The alarm also stops work the readers cannot check themselves (a regular
    expression, the stdlib HTML parser); elsewhere `Deadline.check` in the
    readers' loops is the budget.
    """
    if (
        seconds <= 0
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise BudgetSpent()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
