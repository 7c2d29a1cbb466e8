"""A schema file replayed whole: its DROP TABLE and ALTER TABLE ... DROP [COLUMN] apply (review37 D2).

A dump that ends with its own update history (`DROP TABLE notes;`, `ALTER TABLE members
DROP nickname;`) no longer has what it drops; in both formats, `ddl` and `migrations`,
and in every dialect cnsnt names, as that dialect writes it.
"""

from __future__ import annotations

import pytest

from cnsnt.sql.ddl import parse_ddl
from cnsnt.sql.migrations import MigrationFile, replay_migrations

#: The reviewer's repro, the columns without `COLUMN` as MySQL and PostgreSQL allow.
REPRO = """\
CREATE TABLE members (id int PRIMARY KEY, email varchar(100), nickname varchar(20));
CREATE TABLE member_notes (id int PRIMARY KEY, member_id int REFERENCES members(id), comment text);
DROP TABLE member_notes;
ALTER TABLE members DROP nickname;
"""


def ddl_columns(text: str, dialect: str) -> dict[str, list[str]]:
    result = parse_ddl(text, dialect)
    return {t.name: [c.name for c in t.columns] for t in result.tables}


def replayed_columns(text: str, dialect: str) -> dict[str, list[str]]:
    result = replay_migrations([MigrationFile("V1__all.sql", text)], dialect)
    return {t.name: [c.name for c in t.columns] for t in result.tables}


def ddl_messages(text: str, dialect: str) -> list[tuple[int, str, bool]]:
    result = parse_ddl(text, dialect)
    return [(text.count("\n", 0, p.offset) + 1, p.message, p.may_hold_schema) for p in result.problems]


@pytest.mark.parametrize("read", [ddl_columns, replayed_columns], ids=["ddl", "migrations"])
@pytest.mark.parametrize("dialect", ["mysql", "postgres"])
def test_the_reviewers_repro_drops_the_table_and_the_column(read, dialect):
    assert read(REPRO, dialect) == {"members": ["id", "email"]}
    assert ddl_messages(REPRO, dialect) == []


# Each dialect's own ways of writing a DROP: IF EXISTS, CASCADE, schema-qualified and quoted names.
FORMS = {
    "mysql": """\
CREATE TABLE `doc` (`id` int, `groupid` int, `kindid` int, `fileid` int, `label` varchar(20));
CREATE TABLE `doc_flags` (`id` int, `docid` int);
CREATE TABLE `doc_notes` (`id` int, `docid` int, `note` text);
CREATE TABLE `keep` (`id` int, `docid` int REFERENCES `doc_notes` (`id`));
ALTER TABLE `doc` DROP `groupid`, DROP COLUMN `kindid`, DROP fileid, ADD `title` varchar(40);
DROP TABLE `doc_flags`, shop.`doc_notes`;
DROP TEMPORARY TABLE IF EXISTS `scratch`;
""",
    "postgres": """\
CREATE TABLE public.doc (id int, groupid int, kindid int, fileid int, label varchar(20));
CREATE TABLE doc_flags (id int, docid int);
CREATE TABLE "doc_notes" (id int, docid int, note text);
CREATE TABLE keep (id int, docid int REFERENCES doc_notes (id));
ALTER TABLE ONLY public.doc DROP groupid, DROP COLUMN IF EXISTS kindid CASCADE, DROP "fileid";
ALTER TABLE doc ADD title varchar(40);
DROP TABLE IF EXISTS public.doc_flags, "doc_notes" CASCADE;
""",
    "sqlite": """\
CREATE TABLE doc (id int, groupid int, kindid int, fileid int, label varchar(20));
CREATE TABLE doc_flags (id int, docid int);
CREATE TABLE doc_notes (id int, docid int, note text);
CREATE TABLE keep (id int, docid int REFERENCES doc_notes (id));
ALTER TABLE doc DROP COLUMN groupid;
ALTER TABLE "doc" DROP COLUMN "kindid";
ALTER TABLE doc DROP COLUMN fileid;
ALTER TABLE doc ADD COLUMN title varchar(40);
DROP TABLE IF EXISTS main.doc_flags;
DROP TABLE "doc_notes";
""",
    "tsql": """\
CREATE TABLE [dbo].[doc] ([id] int, [groupid] int, [kindid] int, [fileid] int, [label] nvarchar(20));
CREATE TABLE dbo.doc_flags (id int, docid int);
CREATE TABLE dbo.doc_notes (id int, docid int, note nvarchar(max));
CREATE TABLE dbo.keep (id int, docid int REFERENCES dbo.doc_notes (id));
ALTER TABLE [dbo].[doc] DROP COLUMN [groupid], kindid;
ALTER TABLE dbo.doc DROP COLUMN IF EXISTS fileid;
ALTER TABLE dbo.doc ADD title nvarchar(40);
DROP TABLE IF EXISTS [dbo].[doc_flags], dbo.doc_notes;
""",
    "oracle": """\
CREATE TABLE doc (id NUMBER, groupid NUMBER, kindid NUMBER, fileid NUMBER, label VARCHAR2(20));
CREATE TABLE doc_flags (id NUMBER, docid NUMBER);
CREATE TABLE "DOC_NOTES" (id NUMBER, docid NUMBER, note CLOB);
CREATE TABLE keep (id NUMBER, docid NUMBER REFERENCES doc_notes (id));
ALTER TABLE doc DROP (groupid, kindid) CASCADE CONSTRAINTS;
ALTER TABLE doc DROP COLUMN "FILEID";
ALTER TABLE doc ADD title VARCHAR2(40);
ALTER TABLE doc DROP PRIMARY KEY;
DROP TABLE doc_flags;
DROP TABLE hr.doc_notes CASCADE CONSTRAINTS PURGE;
""",
}


@pytest.mark.parametrize("read", [ddl_columns, replayed_columns], ids=["ddl", "migrations"])
@pytest.mark.parametrize("dialect", sorted(FORMS))
def test_each_dialects_drops_apply(read, dialect):
    tables = read(FORMS[dialect], dialect)
    assert {k.lower(): [c.lower() for c in v] for k, v in tables.items()} == {
        "doc": ["id", "label", "title"],
        "keep": ["id", "docid"],
    }


@pytest.mark.parametrize("dialect", sorted(FORMS))
def test_a_reference_to_a_dropped_table_goes_with_it(dialect):
    result = parse_ddl(FORMS[dialect], dialect)
    keep = next(t for t in result.tables if t.name.lower() == "keep")
    assert keep.foreign_keys == ()
    assert [p.message for p in result.problems] == []


def test_a_dropped_column_takes_its_foreign_key():
    text = (
        "CREATE TABLE towns (id int PRIMARY KEY);\n"
        "CREATE TABLE people (id int, townid int REFERENCES towns (id), name text);\n"
        "ALTER TABLE people DROP townid;\n"
    )
    (people,) = [t for t in parse_ddl(text, "postgres").tables if t.name == "people"]
    assert [c.name for c in people.columns] == ["id", "name"]
    assert people.foreign_keys == ()


def test_a_clean_up_before_the_create_is_no_finding_and_the_table_stays():
    """pg_dump --clean and mysqldump drop each table before creating it."""
    text = "DROP TABLE members;\nDROP TABLE IF EXISTS notes;\nCREATE TABLE members (id int, email text);\n"
    assert ddl_columns(text, "postgres") == {"members": ["id", "email"]}
    assert ddl_messages(text, "postgres") == []


def test_a_table_dropped_and_created_again_is_the_new_one():
    text = (
        "CREATE TABLE members (id int, nickname text);\n"
        "DROP TABLE members;\n"
        "CREATE TABLE members (id int, email text);\n"
    )
    assert ddl_columns(text, "mysql") == {"members": ["id", "email"]}


def test_dropping_what_the_file_never_defines_is_a_warning_at_its_line():
    """A user replaying a dump expects to hear of it: the table or column may be in another file."""
    text = (
        "CREATE TABLE members (id int, email text);\n"
        "DROP TABLE old_notes;\n"
        "ALTER TABLE members DROP nickname;\n"
        "ALTER TABLE other DROP COLUMN x;\n"
        "ALTER TABLE members DROP COLUMN IF EXISTS gone;\n"
        "DROP TABLE IF EXISTS older_notes;\n"
    )
    assert ddl_columns(text, "mysql") == {"members": ["id", "email"]}
    assert ddl_messages(text, "mysql") == [
        (2, "DROP TABLE old_notes: this file defines no such table; nothing dropped", False),
        (
            3,
            "ALTER TABLE members DROP nickname: table 'members' has no column 'nickname' before it in "
            "this file; nothing dropped",
            False,
        ),
        (4, "ALTER TABLE other DROP x: no table 'other' is defined before it in this file; nothing dropped", False),
    ]


def test_in_migrations_dropping_what_no_earlier_migration_made_is_a_warning():
    text = "CREATE TABLE members (id int);\nALTER TABLE members DROP nickname;\nDROP TABLE notes;\n"
    result = replay_migrations([MigrationFile("V1__all.sql", text)], "mysql")
    assert [(p.message, p.may_hold_schema) for p in result.problems] == [
        (
            "ALTER TABLE members DROP COLUMN nickname: no earlier migration gives table 'members' "
            "a column 'nickname'",
            False,
        ),
        ("DROP TABLE notes: no earlier migration creates it", False),
    ]


@pytest.mark.parametrize("read", [ddl_messages, None], ids=["ddl", "migrations"])
def test_a_drop_sqlglot_cannot_parse_is_reported_and_nothing_is_lost(read):
    """SQLite refuses `DROP c` without COLUMN; sqlglot keeps it as an opaque command."""
    text = "CREATE TABLE members (id int, nickname text);\nALTER TABLE members DROP nickname;\n"
    expected = (
        "ALTER TABLE members DROP nickname: could not be parsed (sqlglot keeps it only as an opaque "
        "command), so the columns it drops are still read"
    )
    if read is None:
        result = replay_migrations([MigrationFile("V1__all.sql", text)], "sqlite")
        assert [p.message for p in result.problems] == [expected]
        assert [c.name for c in result.tables[0].columns] == ["id", "nickname"]
    else:
        assert read(text, "sqlite") == [(2, expected, False)]
        assert ddl_columns(text, "sqlite") == {"members": ["id", "nickname"]}


def test_other_drops_change_no_table():
    text = (
        "CREATE TABLE members (id int PRIMARY KEY, email varchar(100), KEY idx (email));\n"
        "DROP INDEX idx ON members;\nDROP PROCEDURE members;\nDROP TRIGGER members;\n"
        "ALTER TABLE members DROP INDEX idx, DROP PRIMARY KEY;\n"
    )
    assert ddl_columns(text, "mysql") == {"members": ["id", "email"]}
    assert ddl_messages(text, "mysql") == []


def test_an_alter_sqlglot_cannot_parse_whole_drops_what_its_tokens_name_in_tsql():
    """T-SQL mixes columns and constraints in one DROP list; sqlglot keeps it as a command."""
    text = (
        "CREATE TABLE m (a int, b int, c int CONSTRAINT df_c DEFAULT 0, e int);\n"
        "ALTER TABLE m DROP COLUMN a, b, CONSTRAINT df_c;\n"
    )
    result = parse_ddl(text, "tsql")
    (m,) = result.tables
    assert [(c.name, c.default) for c in m.columns] == [("c", None), ("e", None)]
    assert result.problems == ()


def test_an_alter_sqlglot_cannot_parse_whole_says_which_columns_stay():
    text = "CREATE TABLE m (a int, b int, c int);\nALTER TABLE m DROP PRIMARY KEY, DROP COLUMN a, COLUMN b;\n"
    assert ddl_columns(text, "mysql") == {"m": ["a", "b", "c"]}
    assert ddl_messages(text, "mysql") == [
        (
            2,
            "ALTER TABLE m could not be parsed (sqlglot keeps it only as an opaque command), so the "
            "columns it drops (a, b) are still read",
            False,
        )
    ]
