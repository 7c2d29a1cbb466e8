"""`cnsnt init` names `.txt` files that hold SQL queries, never proposes them (review33 R33b).

A project kept its statements as `SQL_Statements/*.txt`; init neither proposed nor
mentioned them. The files here are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.sql.query_text import holds_queries, query_statements
from cnsnt.starter.discover import survey
from cnsnt.starter.run import draft_new
from cnsnt.starter.sql_text_files import MAX_BYTES, PER_FOLDER

SCHEMA = "CREATE TABLE members (id INT PRIMARY KEY, first_name VARCHAR(50), email VARCHAR(100));\n"
#: A statement file as the project wrote them: a transaction, `?` placeholders, `--x--` notes.
INSERT = "START TRANSACTION;\nINSERT INTO members (id, first_name, email)\nVALUES (?,\t--id--\n?, ?);\nCOMMIT;\n"
SELECT = "SELECT first_name, email\nFROM members\nWHERE id = ?;\n"
PROSE = "Notes: select a member, then update the order or delete it.\n"


def _write(root: Path, name: str, text: str) -> None:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")


def _notes(root: Path) -> list[str]:
    return [n for n in survey(root)[1] if "like SQL queries" in n]


def test_a_folder_of_sql_text_files_is_named_with_the_entry_to_add(tmp_path: Path) -> None:
    _write(tmp_path, "db/schema.sql", SCHEMA)
    _write(tmp_path, "SQL_Statements/INSERT Member.txt", INSERT)
    _write(tmp_path, "SQL_Statements/SELECT Member.txt", SELECT)
    _write(tmp_path, "requirements.txt", "flask>=2\nrequests\n")
    _write(tmp_path, "NOTES.txt", PROSE)
    draft = draft_new(tmp_path)
    assert [f.pattern for f in draft.sources] == ["db/schema.sql"]  # no .txt proposed
    assert (
        "# SQL_Statements/*.txt (2 files: SQL_Statements/INSERT Member.txt, SQL_Statements/SELECT "
        "Member.txt) look like SQL queries: add them under sources: queries: with format: sql if "
        'they are (- {path: "SQL_Statements/*.txt", format: sql}, with the dialect of your database)'
    ) in draft.text
    assert draft.text.count("like SQL queries") == 1  # not requirements.txt, not the notes


def test_one_file_is_named_as_itself(tmp_path: Path) -> None:
    _write(tmp_path, "queries.txt", SELECT + "UPDATE members SET email = ? WHERE id = ?;\n")
    [note] = _notes(tmp_path)
    assert note.startswith("queries.txt looks like SQL queries: add it under sources: queries:")
    assert '{path: "queries.txt", format: sql}' in note


def test_text_that_is_not_mostly_queries_is_not_named(tmp_path: Path) -> None:
    _write(tmp_path, "a/schema.txt", SCHEMA + "CREATE TABLE t (a INT);\nINSERT INTO t VALUES (1);\n")
    _write(tmp_path, "b/readme.txt", PROSE + "Select one; update another; delete none.\n")
    _write(tmp_path, "c/licence.txt", "MIT License\n\nPermission is hereby granted...\n")
    assert _notes(tmp_path) == []


def test_it_stays_cheap_a_few_small_files_a_folder(tmp_path: Path) -> None:
    for i in range(PER_FOLDER):
        _write(tmp_path, f"notes/{i}.txt", PROSE)
    _write(tmp_path, "notes/z.txt", SELECT)  # past the files read
    _write(tmp_path, "big/queries.txt", SELECT * (MAX_BYTES // len(SELECT) + 1))  # too big to read
    assert _notes(tmp_path) == []


def test_queries_are_told_from_framing_and_failures() -> None:
    assert query_statements(INSERT) == (1, 1)  # START TRANSACTION and COMMIT count neither way
    assert query_statements("WITH x AS (SELECT 1) SELECT * FROM x UNION SELECT 2;") == (1, 1)
    assert query_statements("SELECT id FROM t;\nthis is not sql at all;\nwhat ever;") == (3, 1)
    assert not holds_queries("SELECT id FROM t;\nthis is not sql at all;\nwhat ever;")
    assert query_statements("flask>=2\n") == (0, 0)  # no query word: not parsed


TODO = "Select a user from the list;\nUpdate the profile page;\nDelete old entries from the archive;\n"


def test_a_to_do_list_of_sentences_that_start_with_query_words_is_not_named(tmp_path: Path) -> None:
    """sqlglot reads `Select a user from the list` and `Delete old entries from the archive`
    as SQL: the list was named as queries (codereview28 F11)."""
    assert query_statements(TODO) == (3, 0)
    more = "Select the colour of each button;\nDelete the old backups from my laptop;\nSelect one from the menu;\n"
    assert query_statements(more)[1] == 0
    _write(tmp_path, "notes/todo.txt", TODO)
    _write(tmp_path, "notes/more.txt", more)
    assert _notes(tmp_path) == []


def test_each_shape_of_query_counts() -> None:
    text = (
        "SELECT first_name FROM members WHERE id = ?;\n"
        "select m.email from members m join orders o on o.member_id = m.id;\n"
        "INSERT INTO members (id, email) VALUES (?, ?);\n"
        "insert into archive select * from members;\n"
        "UPDATE members SET email = ? WHERE id = ?;\n"
        "delete from members where id = ?;\n"
        "SELECT now();\n"  # a query of no table: judged, not counted
    )
    assert query_statements(text) == (7, 6)


#: A T-SQL procedure and a view as a project kept them, one per `.txt` file (trial39: a
#: clinic's `Views and SP/*.txt`, passed over in silence: neither is a plain query).
PROCEDURE = (
    "CREATE PROCEDURE clinic.SP_ADD_DONOR\n  @DonorID INT,\n  @GivenName NVARCHAR(100),\n"
    "  @Phone NVARCHAR(40)\nAS\nDECLARE @known INT = (SELECT count(*) FROM clinic.Donors WHERE DonorID = @DonorID)\n"
    "IF @known > 0 BEGIN\n  SELECT 0 AS Done, 'exists' AS Msg\nEND ELSE BEGIN\n"
    "  INSERT INTO clinic.Donors VALUES (@DonorID, @GivenName, @Phone)\nEND\n"
)
VIEW = "CREATE VIEW clinic.RecentDonors\nAS\nSELECT DonorID, GivenName, Phone\nFROM clinic.Donors\n"


def test_views_and_routines_that_run_queries_count(tmp_path: Path) -> None:
    assert query_statements(PROCEDURE) == (1, 1)
    assert query_statements(VIEW) == (1, 1)
    assert query_statements("CREATE VIEW v AS SELECT 1;\n") == (1, 0)  # reads no table
    assert query_statements("CREATE PROCEDURE p AS BEGIN SELECT 1 AS ok END\n") == (1, 0)  # runs none on a table
    _write(tmp_path, "Views and SP/clinic.SP_ADD_DONOR.txt", PROCEDURE)
    _write(tmp_path, "Views and SP/clinic.RecentDonors.txt", VIEW)
    [note] = _notes(tmp_path)
    assert note.startswith(
        "Views and SP/*.txt (2 files: Views and SP/clinic.RecentDonors.txt, Views and "
        "SP/clinic.SP_ADD_DONOR.txt) look like SQL queries"
    )
