"""Write output files atomically: a reader sees the old file or the new one, never half."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from cnsnt.errors import OutputError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fail(path: Path, exc: OSError | str) -> OutputError:
    reason = exc if isinstance(exc, str) else (exc.strerror or str(exc))
    return OutputError(f"cannot write {path}: {reason}")


def _write_in_place(path: Path, text: str, *, sync: bool = True) -> None:
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            if sync:  # a device or pipe has nothing to sync (fsync fails on /dev/null: EINVAL)
                os.fsync(handle.fileno())
    except OSError as exc:
        raise _fail(path, exc) from None


def write_atomic(path: Path, text: str) -> None:
    """Write text (UTF-8) to `path` via a temporary file in the same directory and a rename.

    A symlink is written through (its target is replaced, the link kept); a
    device or pipe such as /dev/stdout is written directly, since it cannot be
    renamed over. The file keeps its mode, or gets the usual umask mode.

    Permissions are respected as a shell redirection would: an existing file the
    user may not write (a read-only report) is refused, never replaced behind its
    back. A writable file in a directory where no temporary file can be created is
    rewritten in place (truncated and written; not atomic, as nothing else can be).
    """
    if path.exists() and not path.is_file() and not path.is_dir():
        # before resolving links: /dev/stdout on a pipe resolves to a name that is no path
        _write_in_place(path, text, sync=False)
        return
    path = path.resolve() if path.is_symlink() else path
    if path.is_dir():
        raise _fail(path, "it is a directory")
    exists = path.is_file()
    if exists and not os.access(path, os.W_OK):
        raise _fail(path, "the file is read-only (change its mode or remove it first)")
    try:
        mode = stat.S_IMODE(path.stat().st_mode) if exists else 0o666 & ~_umask()
    except OSError:
        mode = 0o666 & ~_umask()
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        if exists:
            _write_in_place(path, text)  # a writable file in a read-only directory
            return
        raise _fail(path, exc) from None
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise _fail(path, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
