"""`cnsnt explain-column PATTERN`: every column's verdict in one run (review27).

A reviewer judging 100 columns ran `explain-column` 100 times, 2 s each. A pattern
(`'customers.*'`, `'*'`) lists each matching column's verdict: as lines, or as CSV or
JSON to compare with one's own labels. The schemas are written here.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app

runner = CliRunner()
ENV = {"COLUMNS": "100", "NO_COLOR": "1"}
SCHEMA = """\
CREATE TABLE kimlik (id INT PRIMARY KEY, ad TEXT, soyad TEXT, tc_kimlik_no CHAR(11));
CREATE TABLE notlar (id INT PRIMARY KEY, sahip INT REFERENCES kimlik (id), metin TEXT, created_at TIMESTAMP);
CREATE TABLE "=HYPERLINK(1)" ("-cmd" TEXT, "@x" TEXT);
"""


def _project(root: Path) -> Path:
    (root / "s.sql").write_text(SCHEMA, encoding="utf-8")
    (root / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources: {schemas: [{path: s.sql, dialect: postgres}]}\n", encoding="utf-8"
    )
    return root


def run(*args: str):
    return runner.invoke(app, ["explain-column", *args], env=ENV, catch_exceptions=False)


def test_a_pattern_lists_each_columns_verdict_under_its_tables(tmp_path: Path) -> None:
    result = run("notlar.*", str(_project(tmp_path)))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("table 'notlar' linked to people: 'sahip' references 'kimlik'")
    assert [line.split()[0] for line in lines[1:]] == [
        "notlar.id", "notlar.sahip", "notlar.metin", "notlar.created_at"
    ]
    assert "notlar.metin [s.sql:2]: personal, user.content.private" in lines[3]
    assert "notlar.created_at [s.sql:2]: not personal" in lines[4]


def test_csv_and_json_give_a_row_per_column_and_agree(tmp_path: Path) -> None:
    root = _project(tmp_path)
    as_csv = run("*", str(root), "--format", "csv")
    assert as_csv.exit_code == 0, as_csv.output
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert len(rows) == 10  # every column of the three tables
    as_json = json.loads(run("*", str(root), "--format", "json").stdout)
    # the same columns (a CSV cell that starts like a formula gets a leading quote)
    assert [r["column"].lstrip("'") for r in rows] == [r["column"] for r in as_json]
    by_column = {r["column"]: r for r in rows}
    assert by_column["kimlik.tc_kimlik_no"]["personal"] == "true"
    assert by_column["kimlik.tc_kimlik_no"]["category"].startswith("user.government_id")
    assert by_column["kimlik.tc_kimlik_no"]["location"] == "s.sql:1:63"
    assert by_column["kimlik.id"]["personal"] == "false"
    assert next(r for r in as_json if r["column"] == "kimlik.ad")["personal"] is True
    # the same run, byte for byte
    assert run("*", str(root), "--format", "csv").stdout == as_csv.stdout


def test_csv_cells_are_never_spreadsheet_formulas(tmp_path: Path) -> None:
    """A schema is untrusted: a column named `-cmd` in a table `=HYPERLINK(1)` must not run
    as a formula where the CSV is opened."""
    result = run("*", str(_project(tmp_path)), "--format", "csv")
    cells = [c for row in csv.reader(io.StringIO(result.stdout)) for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]
    assert "'=HYPERLINK(1).-cmd" in cells


def test_a_pattern_that_names_no_column_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["explain-column", "nothing.*", str(_project(tmp_path))], env=ENV)
    assert result.exit_code == 2
    assert "no column or form field matches 'nothing.*'" in result.output
    bad = runner.invoke(app, ["explain-column", "*", str(tmp_path), "--format", "xml"], env=ENV)
    assert bad.exit_code == 2 and "unknown format 'xml'" in bad.output


def test_json_and_csv_escape_what_a_terminal_or_a_spreadsheet_would_run(tmp_path: Path) -> None:
    """codereview25 F2, F7: a column name holding U+009B (a terminal's escape) and U+202E (a
    right-to-left override) is written as `\\u` escapes in JSON; a table name starting with a
    tab before `=` is quoted in CSV."""
    (tmp_path / "s.sql").write_text(
        'CREATE TABLE "\t=HYPERLINK(1)" (id INT, "a\u009bb\u202ec" TEXT);\n', encoding="utf-8"
    )
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources: {schemas: [{path: s.sql, dialect: postgres}]}\n", encoding="utf-8"
    )
    as_json = run("*", str(tmp_path), "--format", "json").stdout
    assert "\u009b" not in as_json and "\u202e" not in as_json
    assert "\\u009b" in as_json and "\\u202e" in as_json
    cells = [c for row in csv.reader(io.StringIO(run("*", str(tmp_path), "--format", "csv").stdout)) for c in row]
    assert not [c for c in cells if c[:1] in ("\t", "=")]


def test_problems_reading_the_sources_are_said_on_stderr(tmp_path: Path) -> None:
    """A statement cnsnt cannot read hides its columns: the listing says so on stderr, so that
    CSV and JSON on stdout stay whole, and no skip is silent."""
    (tmp_path / "s.sql").write_text(
        "CREATE TABLE t (id INT, email TEXT;\nCREATE TABLE u (id INT PRIMARY KEY, phone TEXT);\n",
        encoding="utf-8",
    )
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources: {schemas: [{path: s.sql, dialect: postgres}]}\n", encoding="utf-8"
    )
    result = run("*", str(tmp_path), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "1 problem reading the schema sources" in result.stderr
    assert list(csv.DictReader(io.StringIO(result.stdout)))  # the CSV is whole
    clean = tmp_path / "clean"
    clean.mkdir()
    assert run("*", str(_project(clean)), "--format", "csv").stderr == ""


def test_verdict_and_confidence_list_only_the_columns_to_check_first(tmp_path: Path) -> None:
    """A reviewer checks the unsure verdicts first: `--verdict not-personal --confidence low`
    lists the likeliest misses, the same rows the whole listing gives those values."""
    root = _project(tmp_path)
    every = list(csv.DictReader(io.StringIO(run("*", str(root), "--format", "csv").stdout)))
    unsure = run("*", str(root), "--format", "csv", "--verdict", "not-personal", "--confidence", "low")
    assert unsure.exit_code == 0, unsure.output
    expected = [r for r in every if r["personal"] == "false" and r["confidence"] == "low"]
    assert expected and len(expected) < len(every)
    assert list(csv.DictReader(io.StringIO(unsure.stdout))) == expected
    personal = json.loads(run("*", str(root), "--format", "json", "--verdict", "personal").stdout)
    assert [r["column"] for r in personal] == [r["column"] for r in every if r["personal"] == "true"]
    # a single column with a filter is listed like a pattern: here, none matches
    none = run("kimlik.soyad", str(root), "--confidence", "low")
    assert none.exit_code == 0 and none.stdout == ""
    assert "none of the 1 column 'kimlik.soyad' names has that verdict" in none.stderr
    for option, value in (("--confidence", "unsure"), ("--verdict", "maybe")):
        bad = runner.invoke(app, ["explain-column", "*", str(root), option, value], env=ENV)
        assert bad.exit_code == 2 and f"unknown {option[2:]} {value!r}" in bad.output


def test_init_counts_the_unsure_columns_it_left_out_and_names_the_command(tmp_path: Path) -> None:
    """init says how many columns it left out unsure; the command it names lists as many."""
    (tmp_path / "s.sql").write_text(SCHEMA, encoding="utf-8")
    init = runner.invoke(app, ["init", str(tmp_path)], env=ENV, catch_exceptions=False)
    assert init.exit_code == 0, init.output
    said = " ".join(init.stderr.split())
    command = f"cnsnt explain-column '*' {tmp_path.as_posix()} --undecided --verdict not-personal --confidence low"
    assert command in said  # the project's path, so that it runs from where init ran
    count = int(re.search(r"(\d+) columns? left out as not personal, unsure", said).group(1))
    listed = run(
        "*", str(tmp_path), "--format", "json", "--undecided", "--verdict", "not-personal", "--confidence", "low"
    )
    assert count == len(json.loads(listed.stdout)) > 0


#: Tables about no person first in the file, then a person's own table and one linked to it.
ORDERED = """\
CREATE TABLE settings (id INTEGER PRIMARY KEY, theme TEXT, per_page INTEGER);
CREATE TABLE products (id INTEGER PRIMARY KEY, title TEXT,
  price NUMERIC);
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT,
  status TEXT, is_active BOOLEAN);
CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id),
  state TEXT);
"""


def _ordered(root: Path) -> Path:
    (root / "db").mkdir()
    (root / "db" / "schema.sql").write_text(ORDERED, encoding="utf-8")
    (root / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources: {schemas: [{path: db/schema.sql, dialect: postgres}]}\n", encoding="utf-8"
    )
    return root


def test_text_names_each_columns_line_and_lists_tables_about_people_first(tmp_path: Path) -> None:
    """review33 R33a D7.4: the text list gave no file:line, and a person's own table came
    wherever the schema put it; the unsure columns a reviewer should check first are there."""
    result = run("*", str(_ordered(tmp_path)), "--verdict", "not-personal", "--confidence", "low")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    tables = [line.split("'")[1] for line in lines if line.startswith("table ")]
    assert tables == ["users", "orders", "settings", "products"]  # people, linked, then the rest
    assert "  users.status [db/schema.sql:5]: not personal (low) because " in result.stdout
    assert "  orders.state [db/schema.sql:7]: not personal (low) because " in result.stdout
    assert "  settings.per_page [db/schema.sql:1]: not personal (low) because " in result.stdout
    columns = [line.split()[0] for line in lines if line.startswith("  ")]
    assert columns.index("users.status") < columns.index("users.is_active")  # source order within


def test_csv_and_json_list_the_rows_in_the_texts_order_with_their_fields(tmp_path: Path) -> None:
    """Other tools read them: no location is added to a field, new keys come after the others; the rows come
    in the text's order, people's tables first (review34 R34a D8: the CSV is what a reviewer
    opens in a spreadsheet), each group in the sources' order."""
    root = _ordered(tmp_path)
    rows = list(csv.DictReader(io.StringIO(run("*", str(root), "--format", "csv").stdout)))
    columns = [r["column"] for r in rows]
    assert columns[:2] == ["users.id", "users.name"]
    assert columns[-6:] == [
        "settings.id", "settings.theme", "settings.per_page", "products.id", "products.title", "products.price"
    ]
    assert rows[-6]["location"] == "db/schema.sql:1:24"
    as_json = json.loads(run("*", str(root), "--format", "json").stdout)
    assert [r["column"] for r in as_json] == [r["column"] for r in rows]
    assert list(as_json[0]) == [
        "column", "location", "personal", "category", "confidence", "table", "reason", "type", "comment",
        "references", "note",
    ]


def test_a_view_two_files_define_is_one_row_at_the_later_definition(tmp_path: Path) -> None:
    """review35 R35b D7: `CREATE VIEW v` in one patch and `CREATE OR REPLACE VIEW v` in a later one
    gave two rows per column (the unsure list too); the CSV's column cell is the key --reviewed reads."""
    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "a.sql").write_text(
        "CREATE TABLE t (id int, x int); CREATE VIEW v AS SELECT id, sum(x) AS total FROM t GROUP BY id;\n"
    )
    (tmp_path / "db" / "b.sql").write_text("CREATE OR REPLACE VIEW v AS SELECT id, sum(x) AS total FROM t GROUP BY id;\n")
    (tmp_path / "cnsnt.yaml").write_text(
        'cnsnt: 1\nsources:\n  schemas:\n    - {path: "db/a.sql"}\n    - {path: "db/b.sql"}\n', encoding="utf-8"
    )
    result = run("v.*", str(tmp_path), "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["column"], r["location"]) for r in rows] == [("v.id", "db/b.sql:1:36"), ("v.total", "db/b.sql:1:50")]
