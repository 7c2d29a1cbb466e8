"""Compressed logs (`.gz`, `.zst`) read as streams, never decompressed to disk or memory.

Compression is told by the file's name (`.gz`, `.zst`) and checked against its
magic bytes. A truncated or
corrupt stream does not raise: reading stops where the data ends and
`LogStream.problem` says why, so everything before the damage is still audited.
zstd needs the optional `zstandard` package (`pip install cnsnt[zstd]`).
UTF-16 or UTF-32 text inside (with its BOM, by the rule every reader shares) is
decoded on the fly: the readers get UTF-8 bytes, as they do from a plain log's copy.
"""

from __future__ import annotations

import codecs
import gzip
import io
import os
import stat
import zlib
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from cnsnt.errors import SourceError
from cnsnt.model import Location
from cnsnt.sources.base import open_source, wide_encoding

_GZIP = b"\x1f\x8b"
_ZSTD = b"\x28\xb5\x2f\xfd"


#: Suffixes of compressed logs. Only these are decompressed: gzip bytes saved as `.log`
#: are a binary file, reported as such (never decompressed behind the user's back).
_SUFFIXES = frozenset({".gz", ".gzip", ".zst", ".zstd"})


def compression(path: Path | str) -> str | None:
    """`"gzip"`, `"zstd"` or None: a `.gz`/`.zst` name and the format's first bytes.

    Opened without blocking and only when it is a regular file, so a FIFO or device
    named `x.log.gz` never hangs here (the reader then refuses it).
    """
    if Path(path).suffix.lower() not in _SUFFIXES:
        return None
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        head = os.read(fd, 4)
    finally:
        os.close(fd)
    if head.startswith(_GZIP):
        return "gzip"
    if head.startswith(_ZSTD):
        return "zstd"
    return None


def _zstd_reader(raw: IO[bytes], shown: str) -> IO[bytes]:
    try:
        import zstandard
    except ImportError:
        raise SourceError(
            "zstd-compressed log: install the optional 'zstandard' package "
            "(pip install 'cnsnt[zstd]') or decompress it first",
            Location(shown),
        ) from None
    reader = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True)
    return io.BufferedReader(reader, 1 << 20)


def _errors() -> tuple[type[BaseException], ...]:
    found: list[type[BaseException]] = [EOFError, zlib.error, gzip.BadGzipFile, OSError]
    try:
        import zstandard

        found.append(zstandard.ZstdError)
    except ImportError:
        pass
    return tuple(found)


class _Utf8(io.RawIOBase):
    """A decompressed UTF-16/32 stream as UTF-8 bytes, its BOM dropped; bad code units replaced."""

    def __init__(self, inner: IO[bytes], encoding: str) -> None:
        self._inner = inner
        self._decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        self._pending = memoryview(b"")
        self._ended = False
        self._pos = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        while not self._pending and not self._ended:
            chunk = self._inner.read(1 << 16)
            self._ended = not chunk
            self._pending = memoryview(self._decoder.decode(chunk, self._ended).encode("utf-8"))
        n = min(len(b), len(self._pending))
        b[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        self._pos += n
        return n

    def tell(self) -> int:
        return self._pos

    def close(self) -> None:
        try:
            self._inner.close()
        finally:
            super().close()


class LogStream:
    """A binary log, plain or decompressed on the fly; damage ends it quietly.

    Iterating yields lines with their newline, like a file opened in `rb`.
    After a read stopped early, `problem` holds the reason.
    """

    def __init__(self, path: Path | str, shown: str | None = None) -> None:
        self.kind = compression(path)
        self.problem: str | None = None
        self.encoding: str | None = None
        """`utf-16` or `utf-32` when the decompressed text is, and is read as UTF-8."""
        # Regular files only, opened without blocking: a FIFO or device is a CN001, never a hang.
        self._raw: IO[bytes] = open_source(Path(path), shown or str(path))
        self._fh: IO[bytes]
        self._label = shown or str(path)
        self._bad = _errors()
        try:
            self._fh = self._open()
        except BaseException:
            self._raw.close()
            raise

    def _open(self) -> IO[bytes]:
        """The decompressed stream from the start of the file, as UTF-8 if it is UTF-16/32."""
        if self.kind is None:
            return self._raw
        if self.kind == "gzip":
            fh: IO[bytes] = gzip.GzipFile(fileobj=self._raw, mode="rb")  # type: ignore[assignment]
        else:
            fh = _zstd_reader(self._raw, self._label)
        try:
            head = fh.peek(4)[:4]  # type: ignore[attr-defined]
        except self._bad:
            return fh  # damage at the start: reading it says so
        self.encoding = wide_encoding(head)
        if self.encoding is None:
            return fh
        return io.BufferedReader(_Utf8(fh, self.encoding), 1 << 20)

    def _failed(self, exc: BaseException) -> None:
        what = {"gzip": "gzip", "zstd": "zstd"}.get(self.kind or "", "file")
        detail = str(exc) or type(exc).__name__
        self.problem = f"{what} stream is truncated or corrupt ({detail})"

    def readline(self, limit: int = -1) -> bytes:
        """One line (with its newline); b"" at the end or after damage."""
        if self.problem:
            return b""
        try:
            return self._fh.readline(limit)
        except self._bad as exc:
            self._failed(exc)
            return b""

    def read(self, size: int = -1) -> bytes:
        """Up to `size` bytes; b"" at the end or after damage."""
        if self.problem:
            return b""
        if self.kind is None:
            return self._fh.read(size)
        # One decompressor step at a time, so damage keeps what came before it.
        parts: list[bytes] = []
        want = size if size >= 0 else -1
        try:
            while want != 0:
                chunk = self._fh.read1(65536 if want < 0 else min(want, 65536))  # type: ignore[attr-defined]
                if not chunk:
                    break
                parts.append(chunk)
                if want > 0:
                    want -= len(chunk)
        except self._bad as exc:
            self._failed(exc)
        return b"".join(parts)

    def seek(self, offset: int) -> None:
        """Go to a decompressed offset (forward is cheap; back restarts the stream)."""
        try:
            if self.kind != "zstd" and self.encoding is None:
                self._fh.seek(offset)
                return
            pos = self._fh.tell()
            if offset < pos:  # zstd readers and decoded text only go forward: start again
                self._fh.close()
                self._raw.seek(0)
                self._fh, pos = self._open(), 0
            while pos < offset:
                chunk = self._fh.read(min(1 << 20, offset - pos))
                if not chunk:
                    return
                pos += len(chunk)
        except self._bad as exc:
            self._failed(exc)

    def tell(self) -> int:
        """The decompressed offset."""
        return self._fh.tell()

    def __iter__(self) -> Iterator[bytes]:
        if self.kind is None:
            return iter(self._fh)  # a plain file iterates in C
        return self._guarded()

    def _guarded(self) -> Iterator[bytes]:
        if self.problem:
            return
        try:
            yield from self._fh
        except self._bad as exc:
            self._failed(exc)

    def close(self) -> None:
        """Close the decompressor and the file."""
        try:
            if self._fh is not self._raw:
                self._fh.close()
        finally:
            self._raw.close()

    def __enter__(self) -> LogStream:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def open_log(path: Path | str, shown: str | None = None) -> LogStream:
    """Open a log for streaming, decompressing gzip and zstd on the fly."""
    return LogStream(path, shown)


def text_lines(stream: LogStream, encoding: str = "utf-8") -> Any:
    """The stream as text (for csv/json readers); bad bytes are replaced."""
    return io.TextIOWrapper(_Raw(stream), encoding=encoding, errors="replace", newline="")


class _Raw(io.RawIOBase):
    """Adapter so TextIOWrapper can read a LogStream."""

    def __init__(self, stream: LogStream) -> None:
        self._s = stream

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        data = self._s.read(len(b))
        n = len(data)
        b[:n] = data
        return n
