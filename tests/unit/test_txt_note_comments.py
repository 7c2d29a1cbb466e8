"""`//` note lines in `.txt` SQL files are comments, not statements (trial39, trial40).

A clinic kept its T-SQL views and procedures as `View y SP/*.txt`, each headed by a note
such as `//view historial preclinica` (SergioPerezFigueroa/Proyecto-Uroanalisis, commit
58de98b). Added under `queries:` as init's note says, the audit could not parse a view so
headed ("the DIV here has no second operand", CN001) and lost its columns. The files here
are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.queries.reader import read_queries
from cnsnt.sources.schemas.ddl import read_ddl
from cnsnt.sql.note_comments import blank_note_lines
from cnsnt.sql.query_text import query_statements

VIEW = (
    "//recent donors, for the front desk\n"
    "CREATE VIEW clinic.RecentDonors\nAS\nSELECT DonorID, GivenName, Phone\nFROM clinic.Donors\n"
)
PROCEDURE = (
    "\n  // add a donor\n"
    "CREATE PROCEDURE clinic.SP_ADD_DONOR\n  @DonorID INT,\n  @GivenName NVARCHAR(100)\nAS\n"
    "INSERT INTO clinic.Donors (DonorID, GivenName) VALUES (@DonorID, @GivenName)\n"
    "//\n"
)


SCHEMA = "CREATE TABLE clinic.Donors (DonorID INT PRIMARY KEY, GivenName NVARCHAR(100), Phone NVARCHAR(40));\n"


def _read(path: Path) -> tuple[list[str], list[tuple[str, ...]]]:
    schema = path.parent / "schema.sql"
    schema.write_text(SCHEMA, encoding="utf-8")
    schema_spec = SourceSpec("schemas", "schema.sql", path.parent, Location("cnsnt.yaml", 5), dialect="tsql")
    tables = read_ddl(schema, schema_spec, SourceContext(base_dir=path.parent)).tables
    ctx = SourceContext(base_dir=path.parent, tables=list(tables))
    spec = SourceSpec("queries", path.name, path.parent, Location("cnsnt.yaml", 9), dialect="tsql", format="sql")
    evidence = read_queries(path, spec, ctx)
    return [p.message for p in evidence.problems], [tuple(sorted(u.column for u in q.uses)) for q in evidence.queries]


def test_a_view_headed_by_a_note_line_in_a_txt_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "clinic.RecentDonors.txt"
    path.write_text(VIEW, encoding="utf-8")
    problems, _ = _read(path)
    assert problems == []  # was: cannot parse ... the DIV here has no second operand (CN001)


def test_note_lines_anywhere_in_a_procedure_are_comments(tmp_path: Path) -> None:
    path = tmp_path / "clinic.SP_ADD_DONOR.txt"
    path.write_text(PROCEDURE, encoding="utf-8")
    problems, reads = _read(path)
    assert problems == []
    assert reads == [("clinic.Donors.DonorID", "clinic.Donors.GivenName")]


def test_a_sql_file_keeps_its_slashes_an_error(tmp_path: Path) -> None:
    path = tmp_path / "views.sql"  # a script a database client runs: `//` is no comment there
    path.write_text(VIEW, encoding="utf-8")
    problems, _ = _read(path)
    assert problems and "cannot parse" in problems[0]


def test_init_counts_a_view_headed_by_a_note_line_as_a_query() -> None:
    assert query_statements(VIEW, notes=True) == (1, 1)


def test_blanking_keeps_lines_and_columns_and_leaves_other_slashes() -> None:
    text = "SELECT a // b FROM t\n  //note\n\t// another\nSELECT 'x//y' FROM t2 -- //\n"
    out = "".join(blank_note_lines(iter([text[:25], text[25:26], text[26:]])))
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    assert out.splitlines() == ["SELECT a // b FROM t", " " * 8, "\t          ", "SELECT 'x//y' FROM t2 -- //"]


def test_a_slash_split_between_chunks_is_still_a_note() -> None:
    out = "".join(blank_note_lines(iter(["SELECT 1;\n/", "/x\nSELECT 2;\n", "/", "y\n"])))
    assert out == "SELECT 1;\n   \nSELECT 2;\n/y\n"


def test_blanking_stays_linear_on_hostile_text() -> None:
    from tests.hostile.growth import assert_linear

    def run(chunks: list[str]) -> object:
        return sum(map(len, blank_note_lines(iter(chunks))))

    # long blank runs before a `//`, one-character chunks of slashes, a line that never ends
    assert_linear(run, lambda n: [" \t" * n + "//x\n", *("/" * n), "SELECT 1" * n], 20_000)


def test_a_note_line_ends_at_a_lone_carriage_return(tmp_path: Path) -> None:
    """Old Mac line breaks (`\\r` alone): a note ends at its line's end, not at the file's."""
    path = tmp_path / "clinic.SP_ADD_DONOR.txt"
    path.write_bytes(PROCEDURE.replace("\n", "\r").encode("utf-8"))
    problems, reads = _read(path)
    assert problems == []
    assert reads == [("clinic.Donors.DonorID", "clinic.Donors.GivenName")]  # was: [], all blanked
    assert "".join(blank_note_lines(iter(["//a\rSELECT 1\r\n//b\r", "\nSELECT 2"]))) == (
        "   \rSELECT 1\r\n   \r\nSELECT 2"
    )
