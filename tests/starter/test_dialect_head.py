"""`cnsnt init` rules out a dialect from a large file's head: same choice as reading it whole.

The files are written here; each is larger than four heads, so the head is read first.
The head is made small (`HEAD`) so that the files are too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.sql.ddl import parse_ddl_head
from cnsnt.starter import discover
from cnsnt.starter.discover import _sql_kind

HEAD = 2048


@pytest.fixture(autouse=True)
def _small_head(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(discover, "HEAD_CHARS", HEAD)


#: Standard SQL every dialect reads: a head that tells no dialect apart.
_PLAIN_TABLE = "CREATE TABLE plain_{n} (id INT, label VARCHAR(20));\n"
#: MySQL only: backticks.
_MYSQL_TABLE = (
    "CREATE TABLE `people_{n}` (\n  `email` VARCHAR(100),\n  `name` VARCHAR(20)\n) ENGINE=InnoDB;\n"
)
_MYSQL_ROW = "INSERT INTO `people_0` (`email`, `name`) VALUES ('someone{n}@example.org', 'Brien {n}');\n"


def _fill(parts: list[str], line: str, chars: int) -> None:
    n = 0
    while sum(map(len, parts)) < chars:
        parts.append(line.format(n=n))
        n += 1


def _whole(path: Path, monkeypatch: pytest.MonkeyPatch) -> object:
    """The choice made reading every dialect on the whole file (no head)."""
    with monkeypatch.context() as patch:
        patch.setattr(discover, "_head_skips", lambda text, dialect: False)
        return _sql_kind(path)


def _read_whole(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """Records the dialects the whole file is read in."""
    seen: list[str | None] = []
    real = discover._tables

    def tables(text: str, dialect: str | None) -> object:
        seen.append(dialect)
        return real(text, dialect)

    monkeypatch.setattr(discover, "_tables", tables)
    return seen


def test_a_mysql_dump_is_read_whole_in_mysql_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parts = [_MYSQL_TABLE.format(n=n) for n in range(3)]
    _fill(parts, _MYSQL_ROW, 5 * HEAD)
    path = tmp_path / "dump.sql"
    path.write_text("".join(parts), encoding="utf-8")
    expected = _whole(path, monkeypatch)
    seen = _read_whole(monkeypatch)
    got = _sql_kind(path)
    assert got == expected
    assert got is not None and got[:2] == ("schemas", "mysql") and len(got[2]) == 3
    assert seen == ["mysql"]  # the default dialect skips the head's first table: never read whole


def test_a_head_every_dialect_reads_leaves_the_choice_to_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parts: list[str] = []
    _fill(parts, _PLAIN_TABLE, 5 * HEAD)  # the head tells nothing ...
    parts.append(_MYSQL_TABLE.format(n=0))  # ... a MySQL table after it decides
    path = tmp_path / "schema.sql"
    path.write_text("".join(parts), encoding="utf-8")
    expected = _whole(path, monkeypatch)
    seen = _read_whole(monkeypatch)
    got = _sql_kind(path)
    assert got == expected
    assert got is not None and got[:2] == ("schemas", "mysql")
    assert seen == [None, "mysql"]


def test_when_no_dialect_reads_it_whole_the_readings_of_all_decide(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parts = [_MYSQL_TABLE.format(n=0)]
    _fill(parts, _PLAIN_TABLE, 5 * HEAD)
    parts.append("CREATE TABLE broken (\n  ,\n  CONSTRAINT pk PRIMARY KEY (id)\n);\n")  # no dialect reads it
    path = tmp_path / "schema.sql"
    path.write_text("".join(parts), encoding="utf-8")
    assert _sql_kind(path) == _whole(path, monkeypatch)


def test_a_short_text_has_no_head() -> None:
    text = _PLAIN_TABLE.format(n=1) * 10
    assert parse_ddl_head(text, None, HEAD) is None


def test_the_head_ends_at_a_statement_and_keeps_the_problems_before_its_last() -> None:
    parts = [_MYSQL_TABLE.format(n=0)]
    _fill(parts, _PLAIN_TABLE, 5 * HEAD)
    head = parse_ddl_head("".join(parts), None, HEAD)
    assert head is not None
    assert 0 < head.statements < len(parts)
    assert [p.offset for p in head.problems] == [0]  # the backticked table, at the start
    assert head.problems[0].may_hold_schema


def test_a_head_cut_inside_a_string_is_not_judged() -> None:
    parts = ["INSERT INTO notes VALUES ('"]  # a string that runs past the cut ...
    _fill(parts, "line {n};\n", 3 * HEAD)
    parts.append("');\n")  # ... and ends here
    _fill(parts, _PLAIN_TABLE, 6 * HEAD)
    assert parse_ddl_head("".join(parts), None, HEAD) is None


def test_copies_of_a_file_are_judged_once_per_dialect_their_path_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for folder in ("ca", "en", "mysql"):
        (tmp_path / "tables" / folder).mkdir(parents=True)
        (tmp_path / "tables" / folder / "data.sql").write_text(_MYSQL_TABLE.format(n=0), encoding="utf-8")
    judged: list[object] = []
    real = discover._text_kind

    def text_kind(text: str, hint: discover.Hint | None) -> object:
        judged.append(hint)
        return real(text, hint)

    monkeypatch.setattr(discover, "_text_kind", text_kind)
    found, _ = discover.survey(tmp_path)
    assert judged == [None, discover.Hint("mysql")]  # ca/ and en/ share one judgement
    assert {f.dialect for f in found if f.kind == "schemas"} == {"mysql"}
