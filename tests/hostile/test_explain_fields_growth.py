"""`explain-column '*'` on many tables and forms grows about linearly (codereview29 F6).

Every table has an `email` column and every form `email` inputs, so each such field met
every column so named, and the look-up kept its found columns in a list it scanned for
each one: 54.6 s at 1,200 tables and 200 forms where the columns alone took 7 s, 10 min
33 s at 3,000 and 500. The schema and forms are written here.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.api import column_verdicts
from tests.hostile.growth import assert_linear


def test_listing_the_form_fields_of_many_forms_grows_linearly(tmp_path: Path) -> None:
    def make(n: int) -> Path:
        root = tmp_path / str(n)
        (root / "db").mkdir(parents=True)
        (root / "forms").mkdir()
        (root / "db" / "schema.sql").write_text(
            "".join(
                f"CREATE TABLE t{i} (id int PRIMARY KEY, customer_id int, email varchar(100), "
                f"note{i} varchar(200), flarn{i} varchar(20));\n"
                for i in range(n)
            ),
            encoding="utf-8",
        )
        for i in range(n // 3):
            inputs = "".join(f'<input name="fld{j}_{i}">' for j in range(4)) + '<input name="email">' * 8
            (root / "forms" / f"form{i}.html").write_text(
                f'<form action="/f{i}" method="post">{inputs}</form>\n', encoding="utf-8"
            )
        (root / "cnsnt.yaml").write_text(
            "cnsnt: 1\nsources:\n  schemas: [{path: db/schema.sql, dialect: mysql}]\n"
            "  forms: [{path: forms/*.html}]\n",
            encoding="utf-8",
        )
        return root

    def explain(root: Path) -> None:
        rows, schema_problems, form_problems = column_verdicts("*", root)
        assert len(rows) > len(list(root.glob("forms/*.html"))) and not schema_problems and not form_problems

    explain(make(12))  # the imports, out of the timing
    assert_linear(explain, make, 150, factor=4)
