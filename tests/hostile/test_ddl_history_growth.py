"""A dump's or a migrations folder's history costs its length, not its length times its tables.

Three shapes were quadratic (hard38's note): an unqualified name whose table is not in
the default schema was looked for among every table; each `RENAME TO` rebuilt the table
dict and walked every table's keys; each `DROP TABLE ... CASCADE` (and each DROP without
it, at the end of the file) walked every table's keys.
"""

from __future__ import annotations

import pytest

from cnsnt.sql.ddl import parse_ddl
from cnsnt.sql.migrations import MigrationFile, replay_migrations
from tests.hostile.growth import assert_linear


def _unqualified_elsewhere(n: int) -> str:
    """Tables made in `clinic`, then changed by their bare names: each name was a scan of all."""
    made = "".join(f"CREATE TABLE clinic.visit_{i} (id int);\n" for i in range(n))
    return made + "".join(f"ALTER TABLE visit_{i} ADD COLUMN nurse_note text;\n" for i in range(n))


def _renames(n: int) -> str:
    """SQLite's rebuild of every table: each rename rebuilt the dict and walked every key."""
    made = "".join(f"CREATE TABLE ward_{i} (id int, prev int REFERENCES ward_0(id));\n" for i in range(n))
    return made + "".join(
        f"CREATE TABLE new_ward_{i} (id int, beds int);\nDROP TABLE ward_{i};\n"
        f"ALTER TABLE new_ward_{i} RENAME TO ward_{i};\n"
        for i in range(n)
    )


def _cascades(n: int) -> str:
    """Every table dropped with CASCADE: each drop walked every table's keys."""
    made = "".join(f"CREATE TABLE bay_{i} (id int, next int REFERENCES bay_{i + 1}(id));\n" for i in range(n))
    return made + "".join(f"DROP TABLE bay_{i} CASCADE;\n" for i in range(0, n, 2))


def _read_dump(text: str) -> int:
    return len(parse_ddl(text, "postgres").tables)


def _read_folder(text: str) -> int:
    lines = text.splitlines(keepends=True)
    files = [MigrationFile(f"V{i + 1}__step.sql", "".join(lines[i : i + 50])) for i in range(0, len(lines), 50)]
    return len(replay_migrations(files, "postgres").tables)


@pytest.mark.parametrize(("make", "n"), [(_unqualified_elsewhere, 2000), (_renames, 400), (_cascades, 800)])
@pytest.mark.parametrize("read", [_read_dump, _read_folder])
def test_a_long_history_is_read_in_linear_time(make: object, n: int, read: object) -> None:
    assert callable(make) and callable(read)
    assert_linear(read, make, n)


def test_the_history_still_ends_where_it_did() -> None:
    dump = parse_ddl(_renames(3) + _unqualified_elsewhere(2) + _cascades(3), "postgres")
    tables = {(t.schema, t.name): [(k.ref_table, k.columns) for k in t.foreign_keys] for t in dump.tables}
    assert [name for _, name in tables] == ["ward_0", "ward_1", "ward_2", "visit_0", "visit_1", "bay_1"]
    assert tables[("clinic", "visit_0")] == []
    assert tables[(None, "bay_1")] == []  # its key to bay_2 went with the CASCADE
    assert [c.name for c in next(t for t in dump.tables if t.name == "visit_1").columns] == ["id", "nurse_note"]


def _savepoints(n: int) -> str:
    """Many savepoints, each rolled back to again and again: each ROLLBACK TO scanned them all."""
    made = "BEGIN;\n" + "".join(f"SAVEPOINT ward_{i};\nSET search_path TO ward_{i};\n" for i in range(n))
    return made + "".join(f"ROLLBACK TO SAVEPOINT ward_{n - 1};\nRELEASE SAVEPOINT night_{i};\n" for i in range(n))


@pytest.mark.parametrize("read", [_read_dump, _read_folder])
def test_many_savepoints_are_read_in_linear_time(read: object) -> None:
    assert callable(read)
    assert_linear(read, _savepoints, 1000)
    assert parse_ddl(_savepoints(3) + "CREATE TABLE beds (id int);\n", "postgres").tables[0].schema == "ward_1"
