"""A DDL file's long search path costs its length once, not once per name looked up.

`SET search_path TO s0, s1, ...` with thousands of schemas, then thousands of tables
whose keys and ALTERs name tables found on it (or on none of it), read in linear time:
each unqualified name was looked for schema by schema along the whole path (codereview38c).
"""

from __future__ import annotations

import pytest

from cnsnt.sql.ddl import parse_ddl
from tests.hostile.growth import assert_linear


def _path(n: int) -> str:
    return "SET search_path TO " + ", ".join(f"ward_{i}" for i in range(n)) + ";\n"


def _keys_found(n: int) -> str:
    """Every table's key names the first table, which stands in the path's first schema."""
    return _path(n) + "".join(f"CREATE TABLE bed_{i} (id int, ward_bed int REFERENCES bed_0(id));\n" for i in range(n))


def _names_not_found(n: int) -> str:
    """Keys and ALTERs of tables defined nowhere: the whole path was walked for each."""
    return _path(n) + "CREATE TABLE nurses (id int);\n" + "".join(
        f"ALTER TABLE rota_{i} ADD CONSTRAINT rota_fk FOREIGN KEY (nurse) REFERENCES shift_{i}(id);\n"
        for i in range(n)
    )


def _read(text: str) -> int:
    return len(parse_ddl(text, "postgres").tables)


@pytest.mark.parametrize("make", [_keys_found, _names_not_found])
def test_a_long_search_path_is_read_in_linear_time(make: object) -> None:
    assert callable(make)
    assert_linear(_read, make, 500)


def test_the_tables_stay_where_the_path_puts_them() -> None:
    result = parse_ddl(_keys_found(3), "postgres")
    assert [(t.schema, t.name, [(k.ref_schema, k.ref_table) for k in t.foreign_keys]) for t in result.tables] == [
        ("ward_0", "bed_0", [("ward_0", "bed_0")]),
        ("ward_0", "bed_1", [("ward_0", "bed_0")]),
        ("ward_0", "bed_2", [("ward_0", "bed_0")]),
    ]
