"""err37: a UTF-16 or UTF-32 source that cannot be decoded is reported where it cannot, not as a whole file."""

from __future__ import annotations

import io

import pytest

from cnsnt.errors import SourceError
from cnsnt.sources.base import decoded_chunks


@pytest.mark.parametrize("chunk", [1 << 20, 4096, 7, 3])  # the place never depends on how the file is cut
@pytest.mark.parametrize(("encoding", "half"), [("utf-16-le", b"\x00\xd8"), ("utf-32-le", b"\x00\xd8\x00\x00")])
def test_half_a_surrogate_pair_is_reported_at_its_line_and_column(chunk: int, encoding: str, half: bytes):
    before = "\ufeff" + "-- the loyalty tables\n" * 600 + "CREATE TABLE members (\n  email text,\n  note tex"
    data = before.encode(encoding) + half + "t\n);\n".encode(encoding)
    with pytest.raises(SourceError) as info:
        "".join(decoded_chunks(io.BytesIO(data), "db/members.sql", chunk))
    assert info.value.location is not None
    assert (info.value.location.line, info.value.location.column) == (603, len("  note tex") + 1)
