"""Table verdicts on a schema of many tables with several keys each grow about linearly.

A row keyed to a record and to a record under it hangs on one record (`tables._beneath`):
its first version searched four keys deep from every key of every table, 1.3 s at 250
tables and 30 s at 2,000 (against 0.1 s and 1.1 s before it). The schema is written here.
"""

from __future__ import annotations

import random
from pathlib import Path

from cnsnt.classify import classify_tables
from cnsnt.evidence import Table
from tests.hostile.growth import assert_linear
from tests.unit.schema_entry import read_entry, write_files


def test_many_tables_with_many_keys_grow_linearly(tmp_path: Path) -> None:
    def make(n: int) -> list[Table]:
        pick = random.Random(n)
        lines = [
            "CREATE TABLE people (id int PRIMARY KEY, first_name varchar(50), last_name varchar(50),"
            " email varchar(100));"
        ]
        for i in range(n):
            keys = []
            for j in range(6):
                target = pick.randrange(-1, i) if i else -1
                ref = "people" if target < 0 else f"t{target}"
                keys.append(f"k{j}_id int REFERENCES {ref}(id)")
            lines.append(f"CREATE TABLE t{i} (id int PRIMARY KEY, {', '.join(keys)}, note text);")
        root = tmp_path / str(n)
        root.mkdir()
        write_files(root, {"schema.sql": "\n".join(lines)})
        return list(read_entry(root, "schema.sql").tables)

    assert_linear(classify_tables, make, 250)
