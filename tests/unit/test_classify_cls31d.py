"""cls31d: what the classifier missed on three freshly labelled projects (fr, de, pl).

Every schema here is written for these tests (a child's health sheet in a Django app whose
model names glue their words, ...), read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify import classify_tables
from cnsnt.classify.classifier import _TOKENIZER
from cnsnt.evidence import Classification, Table
from tests.unit.schema_entry import read_entry, write_files


def _tables(tmp_path: Path, ddl: str) -> list[Table]:
    write_files(tmp_path, {"schema.sql": ddl})
    return list(read_entry(tmp_path, "schema.sql").tables)


def _verdicts(tmp_path: Path, ddl: str) -> dict[str, Classification]:
    return classify_tables(_tables(tmp_path, ddl))


# -- item 1: a glued name whose last word is a plural


def test_a_glued_plural_last_word_is_split() -> None:
    """`recordillnesses` (Django's table for `RecordIllnesses`) is `record` + `illness`, as
    `recordillness` is; a particle before a plural is no word (`is` + `merets`)."""
    assert _TOKENIZER.words("camp_recordillnesses", ("en",))[-2:] == ("record", "illness")
    assert _TOKENIZER.words("ismerets", ("hu",)) == ("ismerets",)


def test_yes_no_columns_of_a_table_named_for_a_childs_illnesses_are_health_data(tmp_path: Path) -> None:
    """`camp_recordillnesses(record_id, roseola, croup)`: the illnesses a child has had, each
    a yes/no no term names, under the child's registration file (Art. 9)."""
    ddl = """
    CREATE TABLE camp_child (id INT PRIMARY KEY, first_name VARCHAR(80), last_name VARCHAR(80),
      birth_date DATE);
    CREATE TABLE camp_record (id INT PRIMARY KEY, child_id INT REFERENCES camp_child(id),
      school VARCHAR(80));
    CREATE TABLE camp_recordillnesses (id INT PRIMARY KEY,
      record_id INT UNIQUE REFERENCES camp_record(id), roseola BOOLEAN, croup BOOLEAN);
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("camp_recordillnesses.roseola", "camp_recordillnesses.croup"):
        assert got[key].personal and got[key].category == "user.health", got[key]
    assert not got["camp_recordillnesses.record_id"].personal
