"""DDL shapes met in real schema files that used to lose tables, columns or keys.

Each fixture is a small file written for the test, in the shape a sweep over public
schema dumps found to be lost (see benchmarks/ddl_sweep.py).
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import Evidence
from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.ddl import read_ddl
from cnsnt.sql.ddl import parse_ddl
from cnsnt.starter.discover import Found, discover


def read(tmp_path: Path, data: str | bytes, dialect: str | None = None) -> Evidence:
    path = tmp_path / "schema.sql"
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8", newline="")
    spec = SourceSpec(
        kind="schemas", pattern=path.name, base_dir=tmp_path, location=Location("cnsnt.yaml", 3, 5), dialect=dialect
    )
    return read_ddl(path, spec, SourceContext(base_dir=tmp_path))


# -- Joomla `#__` table prefix

JOOMLA = """CREATE TABLE IF NOT EXISTS `#__club_members` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `member_email` varchar(120) NOT NULL,
  `team_id` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id`),
  KEY `idx_team` (`team_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
#______________ a comment line of underscores
CREATE TABLE #__club_teams (id int NOT NULL, coach_name varchar(80), PRIMARY KEY (id));
ALTER TABLE `#__club_members` ADD CONSTRAINT fk_team FOREIGN KEY (`team_id`) REFERENCES `#__club_teams` (`id`);
"""


def test_joomla_prefix_is_dropped_from_quoted_and_bare_table_names():
    result = parse_ddl(JOOMLA, "mysql")
    assert [p.message for p in result.problems] == []
    names = {t.name: t for t in result.tables}
    assert set(names) == {"club_members", "club_teams"}
    members = names["club_members"]
    assert [c.name for c in members.columns] == ["id", "member_email", "team_id"]
    assert [c.name for c in members.columns if c.primary_key] == ["id"]
    assert [(k.columns, k.ref_table) for k in members.foreign_keys] == [(("team_id",), "club_teams")]
    assert [c.name for c in names["club_teams"].columns] == ["id", "coach_name"]


def test_joomla_prefix_offsets_point_at_the_original_text():
    result = parse_ddl(JOOMLA, "mysql")
    email = next(c for t in result.tables for c in t.columns if c.name == "member_email")
    assert JOOMLA[email.offset :].startswith("`member_email`")


def test_joomla_prefix_in_postgres_and_tsql_quotes():
    pg = parse_ddl('CREATE TABLE "#__club_guests" ("guest_name" varchar(80));', "postgres")
    ms = parse_ddl("CREATE TABLE [#__club_guests] ([guest_name] nvarchar(80));", "tsql")
    for result in (pg, ms):
        assert [(t.name, [c.name for c in t.columns]) for t in result.tables] == [("club_guests", ["guest_name"])]


def test_tsql_temporary_tables_still_do_not_count():
    result = parse_ddl("CREATE TABLE #scratch (person_name nvarchar(80))\nGO\n", "tsql")
    assert result.tables == ()


def test_a_tsql_temporary_tables_drop_or_alter_leaves_the_real_table_of_its_name_alone():
    """`#users` is the session's scratch, never `users`: sqlglot drops the `#` from the name,
    so `DROP TABLE #users` dropped the real table and `ALTER TABLE #users` altered it (review40b)."""
    script = (
        "CREATE TABLE users (id int, email nvarchar(200))\nGO\n"
        "SELECT id INTO #users FROM users\nGO\n"
        "ALTER TABLE #users ADD phone nvarchar(20)\nGO\n"
        "ALTER TABLE ##users DROP COLUMN email\nGO\n"
        "DROP TABLE #users\nGO\n"
        "DROP TABLE IF EXISTS ##users\nGO\n"
    )
    result = parse_ddl(script, "tsql")
    assert [p.message for p in result.problems] == []
    assert [(t.name, [c.name for c in t.columns]) for t in result.tables] == [("users", ["id", "email"])]


# -- byte-order marks

SSDT = (
    "CREATE TABLE [dbo].[Visit] (\n"
    "    [VisitID]   INT IDENTITY (1, 1) NOT NULL,\n"
    "    [PatientID] INT NOT NULL,\n"
    "    CONSTRAINT [PK_Visit] PRIMARY KEY CLUSTERED ([VisitID] ASC),\n"
    "    CONSTRAINT [FK_Visit_Patient] FOREIGN KEY ([PatientID]) REFERENCES [dbo].[Patient] ([PatientID])\n"
    ");\n"
)


def test_a_utf8_bom_does_not_hide_the_first_create_table(tmp_path: Path):
    ev = read(tmp_path, b"\xef\xbb\xbf" + SSDT.encode(), "tsql")
    assert [p.message for p in ev.problems] == []
    (visit,) = ev.tables
    assert [c.name for c in visit.columns] == ["VisitID", "PatientID"]
    assert visit.columns[0].primary_key
    assert [(k.columns, k.ref_table) for k in visit.foreign_keys] == [(("PatientID",), "Patient")]
    assert (visit.location.line, visit.location.column) == (1, 1)


def test_a_bom_inside_concatenated_files_is_a_blank():
    text = "CREATE TABLE a (x int);\n\ufeffCREATE TABLE b (guest_email varchar(80));\n"
    result = parse_ddl(text, None)
    assert [t.name for t in result.tables] == ["a", "b"]
    assert text[result.tables[1].columns[0].offset :].startswith("guest_email")


def test_init_reads_a_database_project_file_with_a_bom(tmp_path: Path):
    tables = tmp_path / "dbo" / "Tables"
    tables.mkdir(parents=True)
    (tables / "Visit.sql").write_bytes(b"\xef\xbb\xbf" + SSDT.encode())
    assert discover(tmp_path) == [Found("schemas", "dbo/Tables/Visit.sql", dialect="tsql")]


def test_init_reads_a_utf16_schema_as_the_audit_does(tmp_path: Path):
    (tmp_path / "schema.sql").write_bytes(b"\xff\xfe" + SSDT.encode("utf-16-le"))
    assert discover(tmp_path) == [Found("schemas", "schema.sql", dialect="tsql")]


# -- primary keys sqlglot keeps in other shapes


def primary(result_sql: str, dialect: str | None) -> dict[str, list[str]]:
    result = parse_ddl(result_sql, dialect)
    assert [p.message for p in result.problems] == []
    return {t.name: [c.name for c in t.columns if c.primary_key] for t in result.tables}


def test_tsql_clustered_primary_key_constraint_marks_its_columns():
    sql = (
        "CREATE TABLE [dbo].[Enrolment] ([StudentID] INT NOT NULL, [CourseID] INT NOT NULL, [Grade] INT,\n"
        "  CONSTRAINT [PK_Enrolment] PRIMARY KEY CLUSTERED ([StudentID] ASC, [CourseID] DESC)\n"
        ") ON [PRIMARY]\nGO\n"
    )
    assert primary(sql, "tsql") == {"Enrolment": ["StudentID", "CourseID"]}


def test_tsql_nonclustered_primary_key_added_by_alter():
    sql = (
        "CREATE TABLE [dbo].[Guest] ([GuestID] INT NOT NULL, [GuestName] NVARCHAR(80))\nGO\n"
        "ALTER TABLE [dbo].[Guest] ADD CONSTRAINT [PK_Guest] PRIMARY KEY NONCLUSTERED ([GuestID] ASC)\n"
        "WITH (PAD_INDEX = OFF) ON [PRIMARY]\nGO\n"
    )
    assert primary(sql, "tsql") == {"Guest": ["GuestID"]}


def test_primary_key_columns_with_a_sort_order():
    assert primary("CREATE TABLE t (a int, b int, PRIMARY KEY (a ASC, b DESC));", None) == {"t": ["a", "b"]}


def test_column_primary_key_clustered_is_kept_when_the_statement_is_recovered():
    sql = "CREATE TABLE Member (MemberID INT IDENTITY(1,1) PRIMARY KEY CLUSTERED, FullName NVARCHAR(80))\nGO\n"
    assert primary(sql, "tsql") == {"Member": ["MemberID"]}


def test_tsql_masked_and_encrypted_columns_are_kept_when_the_statement_is_recovered(tmp_path: Path):
    """SQL Server's Dynamic Data Masking and Always Encrypted mark the most sensitive columns;
    the `=` in their options made the token reader take them for module options and drop them."""
    ev = read(tmp_path, (
        "CREATE TABLE dbo.Patient (\n"
        "  Id INT NOT NULL,\n"
        "  [Ssn] CHAR(9) MASKED WITH (FUNCTION = 'default()') NULL,\n"
        "  Email NVARCHAR(100) MASKED WITH (FUNCTION = 'email()'),\n"
        "  Diagnosis NVARCHAR(200) ENCRYPTED WITH (COLUMN_ENCRYPTION_KEY = CEK1,\n"
        "    ENCRYPTION_TYPE = Randomized, ALGORITHM = 'AEAD_AES_256_CBC_HMAC_SHA_256')\n"
        ")\nGO\n"
    ), "tsql")
    (table,) = ev.tables
    assert [(c.name, c.type, c.location.line) for c in table.columns] == [
        ("Id", "INTEGER", 2), ("Ssn", "CHAR(9)", 3), ("Email", "NVARCHAR(100)", 4), ("Diagnosis", "NVARCHAR(200)", 5),
    ]
    assert ev.problems == []
    # an fts5 option is still no column
    fts = read(tmp_path, "CREATE VIRTUAL TABLE f USING fts5(email, body, tokenize = 'porter');", "sqlite")
    assert [c.name for c in fts.tables[0].columns] == ["email", "body"]


def test_tsql_alter_with_one_add_for_several_columns_read_from_tokens(tmp_path: Path):
    """T-SQL's `ALTER TABLE t ADD a ..., b ...` names ADD once: read from tokens (sqlglot
    gives up on MASKED), only the first column was kept and the rest dropped without a word,
    with the keys the statement adds."""
    ev = read(tmp_path, (
        "CREATE TABLE t (id INT)\nGO\n"
        "ALTER TABLE t ADD ssn CHAR(9) MASKED WITH (FUNCTION = 'default()') NULL, phone VARCHAR(20),\n"
        "  CONSTRAINT pk_t PRIMARY KEY (id)\nGO\n"
    ), "tsql")
    assert [(c.name, c.primary_key) for c in ev.tables[0].columns] == [
        ("id", True), ("ssn", False), ("phone", False)
    ]
    assert ev.problems == []
    # the keys an ALTER read from tokens adds along with its columns were lost too
    ev = read(tmp_path, (
        "CREATE TABLE t (a int, b int);\n"
        "ALTER TABLE t ADD (e int, f varchar(9)), ADD CONSTRAINT fk FOREIGN KEY (e) REFERENCES x (id);\n"
    ), "mysql")
    assert [c.name for c in ev.tables[0].columns] == ["a", "b", "e", "f"]
    assert [(k.columns, k.ref_table, k.ref_columns) for k in ev.tables[0].foreign_keys] == [(("e",), "x", ("id",))]


# -- MySQL backslash escapes read by a dialect without them

ESCAPED = (
    "CREATE TABLE guest (\n"
    "  guest_name varchar(80) NOT NULL COMMENT 'the guest\\'s name',\n"
    "  guest_email varchar(120) NOT NULL COMMENT 'where we write',\n"
    "  phone varchar(20) COMMENT 'the guest\\'s phone',\n"
    "  id int NOT NULL,\n"
    "  PRIMARY KEY (id)\n"
    ");\n"
)


def test_backslash_escaped_quotes_are_reported_when_the_dialect_has_none():
    # the quotes pair up wrongly but evenly: columns hide inside strings, and nothing failed
    result = parse_ddl(ESCAPED, "postgres")
    (problem,) = result.problems
    assert problem.may_hold_schema
    assert "backslash" in problem.message and "MySQL" in problem.message
    assert ESCAPED[problem.offset :].startswith("'the guest\\'")


def test_backslash_escaped_quotes_read_as_mysql_lose_nothing():
    result = parse_ddl(ESCAPED, "mysql")
    assert result.problems == ()
    assert [c.name for c in result.tables[0].columns] == ["guest_name", "guest_email", "phone", "id"]


def test_init_picks_mysql_for_backslash_escaped_comments(tmp_path: Path):
    (tmp_path / "schema.sql").write_text(ESCAPED)
    assert discover(tmp_path) == [Found("schemas", "schema.sql", dialect="mysql")]


def test_a_string_ending_in_a_backslash_before_a_comma_is_no_problem():
    result = parse_ddl("CREATE TABLE f (folder varchar(20) DEFAULT 'C:\\', owner_name varchar(80));", "postgres")
    assert result.problems == ()
    assert [c.name for c in result.tables[0].columns] == ["folder", "owner_name"]


# -- ALTER TABLE ... ADD INDEX adds no column


def test_alter_add_index_is_no_lost_column_in_any_dialect():
    sql = (
        "CREATE TABLE calls (id int, caller_name varchar(40), started datetime);\n"
        "ALTER TABLE calls ADD INDEX ( caller_name );\n"
        "ALTER TABLE calls ADD UNIQUE KEY uk_started (started), ADD INDEX idx_caller (caller_name);\n"
        "ALTER TABLE calls ADD COLUMN caller_phone varchar(20);\n"
    )
    for dialect in (None, "mysql", "postgres"):
        result = parse_ddl(sql, dialect)
        assert [p.message for p in result.problems if p.may_hold_schema] == [], dialect
        assert [c.name for c in result.tables[0].columns] == ["id", "caller_name", "started", "caller_phone"]



def test_tsql_default_constraint_added_by_alter_is_no_column():
    """SQL Azure upgrade scripts: `ADD DEFAULT (N'') FOR [data]` gives a column a default."""
    sql = (
        "CREATE TABLE [updates] ([id] int NOT NULL, [data] nvarchar(max));\n"
        "ALTER TABLE [updates] ADD DEFAULT (N'') FOR [data];\n"
        "ALTER TABLE [updates] ADD [phone] nvarchar(20);\n"
    )
    assert [c.name for c in parse_ddl(sql, "tsql").tables[0].columns] == ["id", "data", "phone"]


def test_ostickets_table_prefix_placeholder_is_dropped():
    sql = (
        "CREATE TABLE `%TABLE_PREFIX%staff` (\n  `staff_id` int NOT NULL,\n  `firstname` varchar(32),\n"
        "  PRIMARY KEY (`staff_id`)\n);\n"
        "ALTER TABLE `%TABLE_PREFIX%staff` ADD `phone` varchar(24) AFTER `firstname`;\n"
    )
    result = parse_ddl(sql, "mysql")
    assert result.problems == ()
    assert [(t.name, [c.name for c in t.columns]) for t in result.tables] == [
        ("staff", ["staff_id", "firstname", "phone"])
    ]
    assert sql[result.tables[0].columns[2].offset :].startswith("`phone`")


# -- MySQL backquotes read by a dialect without them

BACKQUOTED = (
    "CREATE TABLE surname_variants (\n"
    "  id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,\n"
    "  `key` VARCHAR(255) NOT NULL,\n"
    "  holder_name VARCHAR(40),\n"
    "  INDEX idx_key (`key`)\n"
    ") ENGINE=InnoDB;\n"
)


def test_a_backquoted_column_in_a_dialect_without_backquotes_is_reported():
    # the element starting with '`' is no column to the reader: it must not vanish silently
    result = parse_ddl(BACKQUOTED, "postgres")
    (problem,) = result.problems
    assert problem.may_hold_schema and "'`'" in problem.message
    assert BACKQUOTED[problem.offset :].startswith("`key`")


def test_a_backquote_where_every_column_was_read_still_says_the_dialect_is_wrong():
    result = parse_ddl("CREATE TABLE guest (id int, guest_phone varchar(20), INDEX i (`guest_phone`));\n", None)
    assert [c.name for c in result.tables[0].columns] == ["id", "guest_phone"]
    assert [p.may_hold_schema for p in result.problems] == [True]
    assert "MySQL" in result.problems[0].message


def test_bracketed_columns_read_as_generic_sql_are_reported_not_dropped():
    sql = "CREATE TABLE guest ([id] int NOT NULL, [guest_name] nvarchar(40), note ntext) ON [PRIMARY]\n"
    (problem,) = parse_ddl(sql, None).problems
    assert problem.may_hold_schema and "2 elements" in problem.message
    assert sql[problem.offset :].startswith("[id]")
    tsql = parse_ddl(sql, "tsql")
    assert tsql.problems == ()
    assert [c.name for c in tsql.tables[0].columns] == ["id", "guest_name", "note"]


def test_init_picks_mysql_for_a_reserved_word_in_backquotes(tmp_path: Path):
    (tmp_path / "schema.sql").write_text(BACKQUOTED)
    assert discover(tmp_path) == [Found("schemas", "schema.sql", dialect="mysql")]
    result = parse_ddl(BACKQUOTED, "mysql")
    assert [c.name for c in result.tables[0].columns] == ["id", "key", "holder_name"]


def test_mysql_inline_indexes_read_as_generic_sql_are_no_columns():
    sql = "CREATE TABLE token (id int, client varchar(10), INDEX IDX_45 (client), KEY k2 (id, client), PRIMARY KEY (id));"
    for dialect in (None, "mysql"):
        result = parse_ddl(sql, dialect)
        assert [c.name for c in result.tables[0].columns] == ["id", "client"], dialect


# -- tables a stored procedure creates

PROCEDURES = """DELIMITER $$
DROP PROCEDURE IF EXISTS `create_visit_table`$$
CREATE DEFINER=`root`@`localhost` PROCEDURE `create_visit_table` () BEGIN
    CREATE TABLE IF NOT EXISTS visit (
        Id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        PatientName VARCHAR(80) NOT NULL,
        Notes TEXT
    ) ENGINE=InnoDB;
    CREATE TEMPORARY TABLE scratch (n int);
    SELECT 'done; really' AS msg;
END$$
DELIMITER ;
CREATE TABLE after_block (id int);
"""


def test_a_procedure_that_creates_a_table_gives_the_table():
    result = parse_ddl(PROCEDURES, "mysql")
    assert [t.name for t in result.tables] == ["visit", "after_block"]
    visit = result.tables[0]
    assert [(c.name, c.primary_key) for c in visit.columns] == [
        ("Id", True), ("PatientName", False), ("Notes", False)
    ]
    assert PROCEDURES[visit.columns[1].offset :].startswith("PatientName")
    (problem,) = result.problems
    assert not problem.may_hold_schema and "CREATE TABLE statement it runs is read" in problem.message


def test_a_tsql_migrations_temporary_table_leaves_the_real_table_of_its_name_alone():
    from cnsnt.sql.migrations import MigrationFile, replay_migrations

    files = [
        MigrationFile("V1__users.sql", "CREATE TABLE users (id int, email nvarchar(200));\n"),
        MigrationFile("V2__fix.sql", "SELECT id INTO #users FROM users;\nALTER TABLE #users ADD phone nvarchar(20);\n"
                      "ALTER TABLE #users DROP COLUMN id;\nDROP TABLE #users;\n"),
    ]
    result = replay_migrations(files, "tsql")
    assert [(t.name, [c.name for c in t.columns]) for t in result.tables] == [("users", ["id", "email"])]
