"""Compressed `lines` logs: streamed, and a damaged stream still audits what it holds."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from cnsnt.evidence import Evidence, Table
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.queries.compressed import compression, open_log
from cnsnt.sources.queries.reader import read_queries
from cnsnt.sources.schemas.ddl import read_ddl

SCHEMA = """
CREATE TABLE customers (id INT PRIMARY KEY, email TEXT, name TEXT, allergies TEXT);
CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, total NUMERIC);
"""

LOG = "".join(
    f"SELECT email FROM customers WHERE id = {i}\n"
    f"SELECT total FROM orders WHERE customer_id = {i}\n"
    for i in range(500)
)


@pytest.fixture
def tables(tmp_path: Path) -> list[Table]:
    path = tmp_path / "schema.sql"
    path.write_text(SCHEMA)
    spec = SourceSpec("schemas", path.name, tmp_path, Location("cnsnt.yaml"), "postgres")
    return read_ddl(path, spec, SourceContext(base_dir=tmp_path)).tables


def read(path: Path, tables: list[Table], fmt: str | None = "lines") -> Evidence:
    ctx = SourceContext(base_dir=path.parent, tables=list(tables))
    spec = SourceSpec("queries", path.name, path.parent, Location("cnsnt.yaml", 3),
                      "postgres", format=fmt)
    return read_queries(path, spec, ctx)


def summary(ev: Evidence) -> list[tuple[int | None, int, str]]:
    return [(q.location.line, q.calls, q.text) for q in ev.queries]


def test_gzip_log_reads_like_the_plain_log(tmp_path: Path, tables: list[Table]) -> None:
    plain = tmp_path / "q.log"
    plain.write_text(LOG)
    packed = tmp_path / "q.log.gz"
    packed.write_bytes(gzip.compress(LOG.encode()))
    assert compression(packed) == "gzip" and compression(plain) is None
    a, b = read(plain, tables), read(packed, tables)
    assert summary(a) == summary(b)
    assert [(line, calls) for line, calls, _ in summary(b)] == [(1, 500), (2, 500)]
    assert b.counts["statements"] == 1000 and b.problems == []


def test_gzip_log_with_a_bom_reads_like_the_plain_log(tmp_path: Path, tables: list[Table]) -> None:
    """The BOM was looked for in the compressed bytes: inside a `.gz` it stayed in the first
    statement, which then did not parse (a CN001, its columns lost)."""
    plain = tmp_path / "q.log"
    plain.write_text(LOG, encoding="utf-8-sig")
    packed = tmp_path / "q.log.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    a, b = read(plain, tables), read(packed, tables)
    assert summary(a) == summary(b)
    assert [(line, calls) for line, calls, _ in summary(b)] == [(1, 500), (2, 500)]
    assert b.problems == []


STDERR_LOG = "".join(
    f"2024-01-01 10:00:0{i}.000 UTC [12{i}] app@shop LOG:  statement: SELECT email FROM customers WHERE id = {i}\n"
    for i in range(5)
)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
@pytest.mark.parametrize(("text", "fmt"), [(LOG, "lines"), (STDERR_LOG, None)])
def test_gzip_log_in_utf16_reads_like_the_plain_log(
    tmp_path: Path, tables: list[Table], encoding: str, text: str, fmt: str | None
) -> None:
    """A plain UTF-16 log was decoded, the same text gzipped was not: its format went
    undetected and it was "binary", or each line was a CN001 (`lines`)."""
    data = ("\ufeff" if encoding.endswith("-be") else "") + text
    plain = tmp_path / "q.log"
    plain.write_bytes(data.encode(encoding))
    packed = tmp_path / "q.log.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    a, b = read(plain, tables, fmt), read(packed, tables, fmt)
    assert summary(b) == summary(a) and summary(a)
    assert b.problems == [] and b.counts["statements"] == a.counts["statements"]


def test_open_log_reads_utf16_in_a_gzip_stream_as_utf8_and_seeks_back(tmp_path: Path) -> None:
    packed = tmp_path / "q.gz"
    packed.write_bytes(gzip.compress("one\nzwei é\nthree\n".encode("utf-16")))
    with open_log(packed) as fh:
        assert fh.encoding == "utf-16"
        assert list(fh) == [b"one\n", "zwei é\n".encode(), b"three\n"]
        fh.seek(4)
        assert fh.readline() == "zwei é\n".encode() and fh.tell() == 12
        assert fh.read() == b"three\n" and fh.problem is None


def test_truncated_gzip_reports_and_keeps_what_was_read(tmp_path: Path,
                                                        tables: list[Table]) -> None:
    data = gzip.compress(LOG.encode())
    packed = tmp_path / "cut.log.gz"
    packed.write_bytes(data[: len(data) * 2 // 3])
    ev = read(packed, tables)
    assert ev.counts["statements"] > 0
    assert ev.counts["statements"] < 1000
    assert len(ev.queries) == 2
    [problem] = ev.problems
    assert problem.severity is Severity.WARNING
    assert "gzip stream is truncated or corrupt" in problem.message
    assert f"the {ev.counts['statements']:,} lines before" in problem.message


def test_zstd_log_when_zstandard_is_installed(tmp_path: Path, tables: list[Table]) -> None:
    zstandard = pytest.importorskip("zstandard", reason="optional extra cnsnt[zstd] not installed")
    packed = tmp_path / "q.log.zst"
    packed.write_bytes(zstandard.ZstdCompressor().compress(LOG.encode()))
    assert compression(packed) == "zstd"
    ev = read(packed, tables)
    assert [(line, calls) for line, calls, _ in summary(ev)] == [(1, 500), (2, 500)]


def test_open_log_seeks_back_in_a_gzip_stream(tmp_path: Path) -> None:
    packed = tmp_path / "q.gz"
    packed.write_bytes(gzip.compress(b"one\ntwo\nthree\n"))
    with open_log(packed) as fh:
        assert list(fh) == [b"one\n", b"two\n", b"three\n"]
        fh.seek(4)
        assert fh.readline() == b"two\n"
        assert fh.problem is None
