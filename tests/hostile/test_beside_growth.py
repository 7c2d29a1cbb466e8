"""`explain-column --beside-personal` finds the tables beside a declared column in linear time (fix30c).

The join tables linked to them too (fix32b).

The filter asks, for every column, whether a data entry declares it, and keeps the tables
and forms where one does. A starter policy declares thousands of columns by name: each
look-up must be one dict probe (`PolicyIndex`), not a pass over the policy's patterns or
over the tables already found. The tables, forms and policy are made here.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify import TableReading, read_tables
from cnsnt.engine import classify
from cnsnt.evidence import Column, Evidence, ForeignKey, Form, FormField, Table
from cnsnt.matching import AliasIndex, PolicyIndex
from cnsnt.model import Location
from cnsnt.policy.loader import load_policy
from cnsnt.starter.beside import personal_forms, personal_tables, picking_tables
from tests.hostile.growth import assert_linear

HERE = Location("s.sql", 1, 1)
COLUMNS = tuple(f"c{j}" for j in range(12))


def test_finding_the_tables_and_forms_beside_a_declared_one_grows_linearly(tmp_path: Path) -> None:
    def make(n: int) -> tuple[Evidence, PolicyIndex]:
        tables = [
            Table(
                f"t{i}", HERE, "s.sql",
                columns=tuple(Column(f"t{i}", name, HERE, "s.sql") for name in ("id", "email", "note", "flag", *COLUMNS)),
            )
            for i in range(n)
        ]
        forms = [
            Form(f"f{i}", HERE, "f.html", fields=tuple(
                FormField(f"f{i}", name, "text", HERE, "f.html") for name in ("email", "topic", "body")
            ))
            for i in range(n)
        ]
        # every other table and form has its email declared, one line each, as init writes them
        columns = "".join(f"      - t{i}.email\n" for i in range(0, n, 2))
        fields = "".join(f"      - f{i}.email\n" for i in range(0, n, 2))
        path = tmp_path / f"cnsnt-{n}.yaml"
        path.write_text(
            "cnsnt: 1\nsources: {}\ndata:\n  email:\n    category: user.contact.email\n"
            f"    columns:\n{columns}    form_fields:\n{fields}ignore: ['*.flag']\n",
            encoding="utf-8",
        )
        evidence = Evidence(tables=tables, forms=forms)
        return evidence, PolicyIndex(load_policy(path), AliasIndex(evidence.fields))

    def beside(made: tuple[Evidence, PolicyIndex]) -> None:
        evidence, index = made
        tables = personal_tables(evidence, index)
        forms = personal_forms(evidence.fields, index)
        assert len(tables) == len(forms) == (len(evidence.tables) + 1) // 2

    beside(make(10))
    assert_linear(beside, make, 1500)


def test_finding_the_join_tables_beside_a_declared_one_grows_linearly() -> None:
    """`picking_tables` reads each table's keys once: one look-up per key, not a pass over the tables."""
    def make(n: int) -> tuple[Evidence, TableReading, frozenset[str]]:
        tables = [Table("members", HERE, "s.sql", columns=(
            Column("members", "id", HERE, "s.sql", primary_key=True), Column("members", "email", HERE, "s.sql"),
        ))]  # fmt: skip
        for i in range(n):
            tables.append(Table(f"needs{i}", HERE, "s.sql", columns=(
                Column(f"needs{i}", "id", HERE, "s.sql", primary_key=True), Column(f"needs{i}", "label", HERE, "s.sql"),
            )))  # fmt: skip
            tables.append(Table(
                f"member_needs{i}", HERE, "s.sql",
                columns=tuple(Column(f"member_needs{i}", c, HERE, "s.sql", type="INTEGER")
                              for c in ("member_id", f"needs{i}_id")),
                foreign_keys=(ForeignKey(("member_id",), "members"), ForeignKey((f"needs{i}_id",), f"needs{i}")),
            ))  # fmt: skip
        evidence = Evidence(tables=tables)
        reading = read_tables(evidence.tables)
        classify(evidence, reading)
        return evidence, reading, frozenset({"members"})

    def picks(made: tuple[Evidence, TableReading, frozenset[str]]) -> None:
        evidence, reading, around = made
        found = picking_tables(reading, evidence.classified, around)
        assert len(found) == (len(evidence.tables) - 1) // 2

    picks(make(10))
    assert_linear(picks, make, 200)
