"""The streaming statement splitter: T-SQL `GO` batches."""

from __future__ import annotations

from cnsnt.sql.statements import split_statements, sqlplus_script

TSQL = "SELECT email FROM users\nGO\nSELECT id\nFROM users\n  go 2\nSELECT go FROM t;\n"


def test_go_lines_end_tsql_batches():
    found = [(s.line, s.text) for s in split_statements([TSQL], "tsql")]
    assert found == [(1, "SELECT email FROM users"), (3, "SELECT id\nFROM users"), (6, "SELECT go FROM t")]


def test_go_split_across_chunks_is_the_same():
    chunks = [TSQL[i : i + 5] for i in range(0, len(TSQL), 5)]
    assert [s.text for s in split_statements(chunks, "tsql")] == [
        s.text for s in split_statements([TSQL], "tsql")
    ]


def test_go_is_only_a_separator_in_tsql():
    texts = [s.text for s in split_statements(["SELECT 1\nGO\n;"], "postgres")]
    assert texts == ["SELECT 1\nGO"]


#: What Oracle SQL Developer and APEX exports look like: SQL*Plus settings, a package
#: body whose inner `;` end PL/SQL statements, a `/` line after it, an anonymous block.
ORACLE = (
    "REM INSERTING into PEOPLE\n"
    "SET DEFINE OFF;\n"
    "prompt --install/people\n"
    "CREATE OR REPLACE PACKAGE BODY \"PEOPLE_PKG\" AS\n"
    "  PROCEDURE touch(p_id NUMBER) IS\n"
    "  BEGIN\n"
    "    UPDATE people SET seen_at = SYSDATE WHERE id = p_id;\n"
    "  END;\n"
    "END PEOPLE_PKG;\n"
    "/\n"
    "declare\n"
    "  l_name people.name%type := 'a/b';\n"
    "begin\n"
    "  insert into people (name) values (l_name);\n"
    "end;\n"
    "/\n"
    "SELECT email FROM people WHERE id = 1 / 2;\n"
    "/\n"
    "SET TRANSACTION READ ONLY;\n"
    "@@install_more.sql\n"
)


def test_oracle_plsql_blocks_end_at_the_slash_line_not_at_each_semicolon():
    found = [(s.line, s.plsql_block, s.sqlplus_setting, s.text.split("\n")[0]) for s in split_statements([ORACLE], "oracle")]
    assert found == [
        (2, False, True, "SET DEFINE OFF;"),
        (3, False, True, "prompt --install/people"),
        (4, True, False, 'CREATE OR REPLACE PACKAGE BODY "PEOPLE_PKG" AS'),
        (11, True, False, "declare"),
        (17, False, False, "SELECT email FROM people WHERE id = 1 / 2"),
        (19, False, False, "SET TRANSACTION READ ONLY"),
        (20, False, False, "@@install_more.sql"),
    ]
    assert [s.meta_command for s in split_statements([ORACLE], "oracle")] == [True, True, False, False, False, False, True]
    block = next(s for s in split_statements([ORACLE], "oracle") if s.line == 4)
    assert block.text.endswith("END PEOPLE_PKG;") and block.slash


def test_oracle_split_across_chunks_is_the_same():
    whole = list(split_statements([ORACLE], "oracle"))
    for step in (1, 3, 7):
        chunks = [ORACLE[i : i + step] for i in range(0, len(ORACLE), step)]
        assert list(split_statements(chunks, "oracle")) == whole


def test_other_dialects_keep_semicolons_and_transactions():
    """`BEGIN;` and T-SQL's `DECLARE @x` are statements, and only Oracle knows `/` lines."""
    assert [s.text for s in split_statements(["BEGIN;\nDELETE FROM t;\nCOMMIT;\n"], "oracle")] == [
        "BEGIN", "DELETE FROM t", "COMMIT"
    ]
    assert [s.text for s in split_statements(["DECLARE @n INT;\nSELECT @n;\n"], "oracle")] == [
        "DECLARE @n INT", "SELECT @n"
    ]
    assert [s.text for s in split_statements(["begin\n x := 1;\nend;\n"], "postgres")] == [
        "begin\n x := 1", "end"
    ]


def test_sqlplus_script_needs_evidence_no_other_dialect_has():
    assert sqlplus_script("SET DEFINE OFF;\nInsert into PEOPLE (ID) values (1);\n")
    assert sqlplus_script("begin\n  null;\nend;\n/\n")
    assert not sqlplus_script("SET client_encoding = 'UTF8';\nINSERT INTO people VALUES (1);\n")
    assert not sqlplus_script("SET NAMES utf8;\nBEGIN;\nINSERT INTO people VALUES (1);\nCOMMIT;\n")


def test_an_editionable_plsql_unit_is_one_block():
    """SQL Developer exports `CREATE OR REPLACE EDITIONABLE PACKAGE BODY`: five words before
    the unit's kind, still one block to its `/` line."""
    text = (
        'CREATE OR REPLACE EDITIONABLE PACKAGE BODY "PEOPLE_PKG" AS\n'
        "  PROCEDURE purge IS BEGIN DELETE FROM people WHERE gone = 1; END purge;\n"
        "END PEOPLE_PKG;\n/\nSELECT 1 FROM dual;\n"
    )
    found = [(s.line, s.plsql_block) for s in split_statements([text], "oracle")]
    assert found == [(1, True), (5, False)]


#: A pg_dump data section, written for these tests: rows hold `;`, quotes and `--`.
PG_DUMP_DATA = (
    "SET client_encoding = 'UTF8';\n"
    'COPY public.people (id, email, "fullName") FROM stdin;\n'
    "1\tann@example.org\tAnn O'Neil\n"
    "2\tbob@example.org\t-- not a comment; nor a statement\n"
    "\\.\n"
    "\n"
    "COPY public.empty (id) FROM stdin;\n"
    "\\.\n"
    "SELECT pg_catalog.setval('public.people_id_seq', 2, true);\n"
)


def test_copy_from_stdin_rows_are_data_not_statements() -> None:
    found = [(s.line, s.text, s.meta_command) for s in split_statements([PG_DUMP_DATA], "postgres")]
    assert found == [
        (1, "SET client_encoding = 'UTF8'", False),
        (2, 'COPY public.people (id, email, "fullName") FROM stdin', False),
        (7, "COPY public.empty (id) FROM stdin", False),
        (9, "SELECT pg_catalog.setval('public.people_id_seq', 2, true)", False),
    ]
    # the same wherever the file's chunks are cut, a row longer than a chunk included
    text = PG_DUMP_DATA.replace("Ann O'Neil", "A" * 300)
    whole = list(split_statements([text], "postgres"))
    for size in (1, 5, 64, 65, 200):
        assert list(split_statements([text[i : i + size] for i in range(0, len(text), size)], "postgres")) == whole


def test_a_comment_never_closed_between_statements_is_one_flagged_statement() -> None:
    text = "SELECT 1;\n-- note\n  /* SELECT 2;\nSELECT 3;\n"
    found = list(split_statements([text], "postgres"))
    assert [(s.line, s.column, s.text, s.comment_unended) for s in found] == [
        (1, 1, "SELECT 1", False), (3, 3, "", True)
    ]
    for size in (1, 2, 7):
        assert list(split_statements([text[i : i + size] for i in range(0, len(text), size)], "postgres")) == found
    # inside a statement it is the statement's text (whose parse then fails), as before
    assert [s.comment_unended for s in split_statements(["SELECT 1 /* x\n;", "SELECT 2;"], None)] == [False]
    assert [s.comment_unended for s in split_statements(["SELECT 1; /* x */ /*/"], None)] == [False, True]


def test_copy_without_its_end_line_is_one_flagged_statement() -> None:
    found = list(split_statements(["SELECT 1;\nCOPY t (a) FROM stdin;\nx\ny;\n"], None))
    assert [(s.line, s.text, s.copy_unended) for s in found] == [
        (1, "SELECT 1", False), (2, "COPY t (a) FROM stdin", False), (2, "", True)
    ]
    # psql's `\copy ... from stdin` reads its rows from the script too
    found = list(split_statements(["\\copy t (a) from stdin\nx; y\n\\.\nSELECT 3;\n"], "postgres"))
    assert [(s.line, s.text, s.meta_command) for s in found] == [
        (1, "\\copy t (a) from stdin", True), (4, "SELECT 3", False)
    ]
    # COPY from a file and a `FROM stdin` inside a string read no rows
    texts = [s.text for s in split_statements(["COPY t FROM '/x.csv';\nCOPY t (a) TO stdout;\nSELECT 'FROM stdin';\nSELECT 2;\n"], None)]
    assert texts == ["COPY t FROM '/x.csv'", "COPY t (a) TO stdout", "SELECT 'FROM stdin'", "SELECT 2"]


def test_a_custom_delimiter_alone_is_no_statement() -> None:
    """mysqldump's `/*!50003 CREATE ... END */;;`: comments, then the delimiter alone;
    it made an empty statement at line 0, recorded as a query at 0:0."""
    text = (
        "DELIMITER ;;\n"
        "/*!50003 CREATE*/ /*!50003 TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN END */;;\n"
        "DELIMITER $$\n"
        "$$\n"
        "CREATE PROCEDURE p() BEGIN SELECT 1; END$$\n"
        "DELIMITER ;\n"
        "SELECT 2;\n"
    )
    got = [(s.line, s.text) for s in split_statements([text], "mysql", routines=True)]
    assert got == [(5, "CREATE PROCEDURE p() BEGIN SELECT 1; END"), (7, "SELECT 2")]
