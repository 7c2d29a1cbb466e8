"""A statement of a schema file that cnsnt does not know is reported (CN001), never skipped
without a word, while what real dumps hold (SET, LOCK, INSERT, GRANT, COPY data...) stays
silent. The rule is in `cnsnt.sql.ddl_known`."""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.api import audit_path
from cnsnt.evidence import Evidence, SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.ddl import read_ddl
from cnsnt.starter.discover import Found, discover
from tests.conftest import corpus_path
from tests.unit.schema_entry import read_entry, write_files

NOT_UNDERSTOOD = "statement not understood, skipped"


def read_sql(tmp_path: Path, text: str, dialect: str | None) -> Evidence:
    path = tmp_path / "schema.sql"
    path.write_text(text, encoding="utf-8", newline="")
    spec = SourceSpec("schemas", path.name, tmp_path, Location("cnsnt.yaml", 3, 5), dialect=dialect)
    return read_ddl(path, spec, SourceContext(base_dir=tmp_path))


def unknown(ev: Evidence) -> list[SourceProblem]:
    return [p for p in ev.problems if p.message.startswith(NOT_UNDERSTOOD)]


def where(p: SourceProblem) -> tuple[str, int | None, int | None]:
    return (p.location.path, p.location.line, p.location.column)


@pytest.mark.parametrize("dialect", [None, "mysql", "postgres", "sqlite", "tsql", "oracle"])
def test_a_misspelt_object_kind_is_reported_where_it_stands(tmp_path: Path, dialect: str | None):
    ev = read_sql(
        tmp_path,
        "CREATE TABLE a (id int);\n\n  CREATE TABL users (id int, email text);\nCREATE TABLE b (id int);\n",
        dialect,
    )
    assert sorted(t.name for t in ev.tables) == ["a", "b"]  # the others still count
    [problem] = unknown(ev)
    assert where(problem) == ("schema.sql", 3, 3)
    assert problem.severity is None  # a misspelt TABLE: a table may be lost, an error
    assert problem.message.startswith(f"{NOT_UNDERSTOOD}: `CREATE TABL users …`")


def test_a_misspelt_statement_word_is_a_warning_unless_it_names_a_table(tmp_path: Path):
    ev = read_sql(
        tmp_path,
        "CREATE TABLE a (id int);\nSELEC * FROM;\nCRATE TABLE users (email text);\nALTER TABEL a ADD c int;\n",
        "postgres",
    )
    got = [(where(p), p.severity, p.message) for p in unknown(ev)]
    assert got == [
        (("schema.sql", 2, 1), Severity.WARNING, f"{NOT_UNDERSTOOD}: `SELEC * FROM`"),
        (("schema.sql", 3, 1), None, f"{NOT_UNDERSTOOD}: `CRATE TABLE users …`"),
        (("schema.sql", 4, 1), None, f"{NOT_UNDERSTOOD}: `ALTER TABEL a ADD …`"),
    ]


def test_the_message_never_quotes_a_value(tmp_path: Path):
    """Nor a comment between the words it shows: only the words' own text, spaced once."""
    ev = read_sql(
        tmp_path,
        "INSRT INTO users VALUES ('ann@example.com', 42);\n'bob@example.com', 7;\n"
        "INSRT /* carl@example.com */ INTO users VALUES (1);\n"
        "INSRT -- dora@example.com\n  INTO\tusers VALUES (1);\n",
        "mysql",
    )
    messages = [p.message for p in unknown(ev)]
    assert messages == [
        f"{NOT_UNDERSTOOD}: `INSRT INTO users VALUES …`",
        f"{NOT_UNDERSTOOD}: a statement that starts with a literal value",
        f"{NOT_UNDERSTOOD}: `INSRT INTO users VALUES …`",
        f"{NOT_UNDERSTOOD}: `INSRT INTO users VALUES …`",
    ]
    assert not any("example.com" in m for m in messages)


MYSQL_DUMP = """\
-- MySQL dump 10.13
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
SET NAMES utf8mb4;
DROP DATABASE IF EXISTS shop;
CREATE DATABASE IF NOT EXISTS shop;
USE shop;
DROP TABLE IF EXISTS `customer`;
CREATE TABLE `customer` (`id` int NOT NULL, `email` varchar(80), PRIMARY KEY (`id`)) ENGINE=InnoDB;
LOCK TABLES `customer` WRITE;
/*!40000 ALTER TABLE `customer` DISABLE KEYS */;
INSERT INTO `customer` VALUES (1,'ann@example.com');
/*!40000 ALTER TABLE `customer` ENABLE KEYS */;
UNLOCK TABLES;
CREATE UNIQUE INDEX customer_email ON customer (email);
CREATE DEFINER=`root`@`localhost` TRIGGER t BEFORE INSERT ON customer FOR EACH ROW SET NEW.id = 1;
CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY DEFINER VIEW v AS SELECT id FROM customer;
DELIMITER ;;
CREATE PROCEDURE p() BEGIN SELECT 1; END ;;
DELIMITER ;
GRANT SELECT ON shop.* TO 'app'@'%';
START TRANSACTION;
UPDATE customer SET email = NULL WHERE id = 2;
DELETE FROM customer WHERE id = 3;
COMMIT;
FLUSH PRIVILEGES;
SELECT 'done' AS status;
"""

PG_DUMP = """\
SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;
COMMENT ON EXTENSION pgcrypto IS 'cryptographic functions';
CREATE SCHEMA app;
CREATE TYPE app.mood AS ENUM ('sad', 'ok');
CREATE DOMAIN app.year AS integer CHECK (VALUE >= 1901);
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated := now();
    RETURN NEW;
END;
$$;
ALTER FUNCTION app.touch() OWNER TO postgres;
CREATE SEQUENCE app.person_id_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE app.person (id integer NOT NULL, email text, updated timestamp);
ALTER TABLE app.person OWNER TO postgres;
ALTER SEQUENCE app.person_id_seq OWNED BY app.person.id;
COPY app.person (id, email, updated) FROM stdin;
1\tann@example.com\t2024-01-01 00:00:00
2\tbob's /* odd; text\t\\N
\\.

CREATE TABLE app.visit (person_id integer REFERENCES app.person (id), at timestamp);
CREATE INDEX visit_at ON app.visit USING btree (at);
CREATE TRIGGER touch BEFORE UPDATE ON app.person FOR EACH ROW EXECUTE FUNCTION app.touch();
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT ALL ON SCHEMA public TO PUBLIC;
BEGIN;
VACUUM ANALYZE app.person;
END;
"""

TSQL_SCRIPT = """\
USE [shop]
GO
IF NOT EXISTS (SELECT * FROM sys.objects WHERE name = 'person')
BEGIN
CREATE TABLE [dbo].[person] ([id] int NOT NULL, [email] nvarchar(80))
END
GO
SET ANSI_NULLS ON
GO
CREATE NONCLUSTERED INDEX [ix_email] ON [dbo].[person] ([email])
GO
EXEC sp_addextendedproperty 'MS_Description', 'people', 'SCHEMA', 'dbo'
GO
PRINT 'done'
GO
"""


@pytest.mark.parametrize(
    ("text", "dialect", "tables"),
    [
        (MYSQL_DUMP, "mysql", ["customer", "v"]),
        (PG_DUMP, "postgres", ["person", "visit"]),
        (TSQL_SCRIPT, "tsql", ["person"]),
    ],
    ids=["mysql", "postgres", "tsql"],
)
def test_what_a_real_dump_holds_stays_silent(tmp_path: Path, text: str, dialect: str, tables: list[str]):
    ev = read_sql(tmp_path, text, dialect)
    assert sorted(t.name for t in ev.tables) == tables
    assert [p.message for p in unknown(ev)] == []
    # nothing else: the DELIMITER block's procedure, skipped here for its tables, is read
    # by the stored-code reader (its statements audited as queries), no gap to report
    assert [p.message for p in ev.problems] == []


def test_copy_rows_are_data_not_statements(tmp_path: Path):
    """The rows of `COPY ... FROM stdin` are neither reported nor glued to what follows."""
    ev = read_sql(tmp_path, PG_DUMP, "postgres")
    visit = next(t for t in ev.tables if t.name == "visit")
    assert [c.name for c in visit.columns] == ["person_id", "at"]
    assert (
        visit.location.line
        == PG_DUMP.split("\n").index(
            "CREATE TABLE app.visit (person_id integer REFERENCES app.person (id), at timestamp);"
        )
        + 1
    )


def test_copy_rows_without_their_end_line_are_an_error_at_the_copy(tmp_path: Path):
    r"""Rows run to `\.`; a file that ends before it may have lost its statements in them."""
    text = "CREATE TABLE a (id int);\n  COPY a (id, email) FROM stdin;\n1\tann@example.com\nCREATE TABLE x (id int);\n"
    ev = read_sql(tmp_path, text, "postgres")
    assert [t.name for t in ev.tables] == ["a"]
    assert [(where(p), p.severity) for p in ev.problems] == [(("schema.sql", 2, 3), None)]
    assert "example.com" not in ev.problems[0].message
    assert "CREATE TABLE x" not in ev.problems[0].message
    assert ev.problems[0].message.startswith("COPY ... FROM stdin without its")


def test_without_a_dialect_a_routine_body_is_reported_with_the_hint(tmp_path: Path):
    """Generic SQL knows no dollar quotes: the body's pieces are not understood (warnings)."""
    ev = read_sql(tmp_path, PG_DUMP, None)
    problems = unknown(ev)
    assert problems, "the pieces of the $$ body should be reported"
    assert all(p.severity is Severity.WARNING for p in problems)
    assert all(p.message.endswith("set `dialect:` on this source") for p in problems)
    assert unknown(read_sql(tmp_path, PG_DUMP, "postgres")) == []


def test_init_picks_the_dialect_that_understands_every_statement(tmp_path: Path):
    """Generic SQL reads this file's tables but not its function: PostgreSQL reads both."""
    (tmp_path / "dump.sql").write_text(PG_DUMP.split("COPY")[0], encoding="utf-8")
    assert discover(tmp_path) == [Found("schemas", "dump.sql", dialect="postgres")]


def test_audit_reports_cn001_at_the_statement(tmp_path: Path):
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources:\n  schemas: [{path: schema.sql, dialect: mysql}]\n"
    )
    (tmp_path / "schema.sql").write_text(
        "CREATE TABLE a (id int);\nCREATE TABL users (email text);\nALTER IGNOR TABLE a ADD email text;\n"
    )
    found = [f for f in audit_path(tmp_path).findings if f.rule == "CN001"]
    assert [(f.location.line, f.location.column, f.severity) for f in found] == [
        (2, 1, Severity.ERROR),  # a misspelt TABLE: a table may be lost
        (3, 1, Severity.ERROR),  # TABLE among its first words
    ]
    assert [f.location.path for f in found] == ["schema.sql", "schema.sql"]
    assert "`CREATE TABL users …`" in found[0].message
    assert "`ALTER IGNOR TABLE a …`" in found[1].message


# Every real dump of the shared corpus, read in its own dialect (INDEX.md).
CORPUS_DIALECTS = [
    ("foodsharing/initial.sql", "mysql"),
    ("gepi/structure_gepi.sql", "mysql"),
    ("gibbon/gibbon.sql", "mysql"),
    ("i-educar/07-tables.sql", "postgres"),
    ("instantcms/base.sql", "mysql"),
    ("mayor/intezmeny.sql", "mysql"),
    ("mimic-iv/create.sql", "postgres"),
    ("musicbrainz/CreateTables.sql", "postgres"),
    ("mysql-test_db/employees.sql", "mysql"),
    ("mysql-test_db/sakila-mv-schema.sql", "mysql"),
    ("omop-cdm/OMOPCDM_bigquery_5.4_ddl.sql", "bigquery"),
    ("omop-cdm/OMOPCDM_snowflake_5.4_ddl.sql", "snowflake"),
    ("omop-cdm/OMOPCDM_sql_server_5.4_ddl.sql", "tsql"),
    ("opencart/opencart.sql", "mysql"),
    ("openstamanager/2_0.sql", "mysql"),
    ("oracle-hr/hr_create.sql", "oracle"),
    ("orfeo/create_db_mssql.sql", "tsql"),
    ("orfeo/create_db_oracle.sql", "oracle"),
    ("orfeo/create_db_postgres.sql", "postgres"),
    ("pagila/pagila-schema.sql", "postgres"),
    ("synapse/full.sql.postgres", "postgres"),
    ("synapse/full.sql.sqlite", "sqlite"),
]


@pytest.mark.parametrize(("relpath", "dialect"), CORPUS_DIALECTS, ids=[c[0] for c in CORPUS_DIALECTS])
def test_no_real_dump_has_a_statement_not_understood(relpath: str, dialect: str):
    path = corpus_path(f"schemas/{relpath}")
    spec = SourceSpec("schemas", path.name, path.parent, Location("cnsnt.yaml", 3, 5), dialect=dialect)
    ev = read_ddl(path, spec, SourceContext(base_dir=path.parent))
    assert [(where(p), p.message) for p in unknown(ev)] == []


ORACLE_TRIGGER = """\
CREATE TABLE person (id NUMBER, name VARCHAR2(80));
CREATE OR REPLACE TRIGGER person_bi BEFORE INSERT ON person FOR EACH ROW
DECLARE
  v_count NUMBER := 0;
  v_row person%ROWTYPE;
  c_all CURSOR IS SELECT id FROM person;
BEGIN
  :new.id := person_seq.nextval;
  v_count := v_count + 1;
  dbms_output.put_line('inserted');
END;
/
"""


def test_the_pieces_of_a_routine_body_are_no_statements(tmp_path: Path):
    """PL/SQL split on `;` gives declarations, assignments and calls: not typos."""
    ev = read_sql(tmp_path, ORACLE_TRIGGER, "oracle")
    assert [t.name for t in ev.tables] == ["person"]
    assert [p.message for p in ev.problems] == []
    # a misspelt statement after it still is one
    ev = read_sql(tmp_path, ORACLE_TRIGGER + "UPDTE person SET name = NULL;\n", "oracle")
    assert [(where(p), p.message) for p in unknown(ev)] == [
        (("schema.sql", 13, 1), f"{NOT_UNDERSTOOD}: `UPDTE person SET name …`")
    ]


ORACLE_PACKAGE = """\
CREATE TABLE loan (id RAW(32), person_id RAW(32), amount NUMBER);
/
CREATE OR REPLACE PACKAGE BODY loans AS
  CURSOR c_open IS
    SELECT id FROM loan WHERE amount > 0;
  PROCEDURE add_loan(p_person RAW, p_amount NUMBER);
  FUNCTION open_count RETURN NUMBER IS
    l_id RAW(32);
  BEGIN
    OPEN c_open;
    FETCH c_open INTO l_id;
    CLOSE c_open;
    log_count(l_id);
    RETURN 1;
  END open_count;
END loans;
/
SELEC * FROM loan;
CREATE OR REPLACE TRIGGER loan_bi BEFORE INSERT ON loan FOR EACH ROW
DECLARE
  CURSOR c_all IS SELECT 1 FROM dual;
  l_rec RAW(32);
BEGIN
  l_rec := SYS_GUID();
END;
"""


def test_an_oracle_pl_sql_unit_runs_to_its_slash(tmp_path: Path):
    """Cut at `;`, a package body or a trigger is pieces up to its `/` (or, without one, up
    to the end of the file, as SQL*Plus reads it): none is reported, what follows the `/` is."""
    ev = read_sql(tmp_path, ORACLE_PACKAGE, "oracle")
    assert [t.name for t in ev.tables] == ["loan"]
    assert [(where(p), p.message) for p in ev.problems] == [
        (("schema.sql", 18, 1), f"{NOT_UNDERSTOOD}: `SELEC * FROM loan`")
    ]


ORACLE_PROCEDURE = """\
CREATE TABLE person (id NUMBER, name VARCHAR2(80));
CREATE OR REPLACE PROCEDURE purge_person(p_id NUMBER) IS
  v_count NUMBER := 0;
BEGIN
  v_count := 1;
  NULL;
  <<outer_loop>>
  LOOP
    EXIT outer_loop WHEN v_count > 3;
    v_count := v_count + 1;
  END LOOP outer_loop;
  CASE v_count
    WHEN 1 THEN v_count := 2;
    WHEN 2 THEN NULL;
  END CASE;
  DELETE FROM person WHERE id = p_id;
EXCEPTION
  WHEN NO_DATA_FOUND THEN
    NULL;
  WHEN OTHERS THEN
    RAISE;
END purge_person;
"""


def test_a_unit_without_its_slash_runs_to_the_end_of_the_file(tmp_path: Path):
    """A one-procedure Oracle file with no `/` line at all: its pieces are no statements."""
    ev = read_sql(tmp_path, ORACLE_PROCEDURE, "oracle")
    assert [t.name for t in ev.tables] == ["person"]
    assert [(where(p), p.message) for p in ev.problems] == []
    # what stands before the unit is still judged; so is what follows a statement no unit
    # holds (DDL), and a transaction's BEGIN or a body in quotes (PostgreSQL) opens no unit
    text = "SELEC 1 FROM dual;\n" + ORACLE_PROCEDURE + "SELEC 2 FROM dual;\nGRANT SELECT ON person TO app;\n"
    tail = (
        "SELEC 3 FROM dual;\nBEGIN;\nSELEC 4 FROM dual;\n"
        "CREATE FUNCTION f() RETURNS int AS 'SELECT 1; SELECT 2';\nSELEC 5 FROM dual;\n"
    )
    ev = read_sql(tmp_path, text + tail, "oracle")
    lines = text.count("\n")
    assert [where(p)[1] for p in unknown(ev)] == [1, lines + 1, lines + 3, lines + 5]


def test_client_and_vendor_statements_are_known(tmp_path: Path):
    """sqlcmd lines are client commands (said so), T-SQL and Firebird objects are objects."""
    text = (
        ':setvar DatabaseName "shop"\n:on error exit\nGO\nUSE [$(DatabaseName)];\nGO\n'
        "CREATE TABLE [dbo].[person] ([id] int, [email] nvarchar(80));\nGO\n"
        "ALTER AUTHORIZATION ON SCHEMA::[sales] TO [dbo];\nGO\n"
    )
    ev = read_sql(tmp_path, text, "tsql")
    assert [t.name for t in ev.tables] == ["person"]
    assert [(where(p), p.message) for p in ev.problems] == [
        (
            ("schema.sql", 1, 1),
            'sqlcmd commands skipped (:setvar DatabaseName "shop" and 1 more line): '
            "a client command, not SQL",
        ),
    ]
    ev = read_sql(tmp_path, "CREATE GENERATOR gen_person_id;\nCREATE TABLE person (id integer);\n", None)
    assert unknown(ev) == []


SQLYOG_DUMP = """\
CREATE TABLE `member` (`id` int, `email` varchar(80));

/*!50003 DROP FUNCTION IF EXISTS `split_string` */;
DELIMITER $$

/*!50003 CREATE DEFINER=`root`@`localhost` FUNCTION `split_string`(s VARCHAR(255), pos INT)
    RETURNS varchar(255) DETERMINISTIC
RETURN
    TRIM(SUBSTRING_INDEX(s, ',', pos)) */$$
DELIMITER ;

DROP TABLE IF EXISTS `team`;
CREATE TABLE `team` (`id` int, `name` varchar(80));
"""


def test_a_sqlyog_routine_over_lines_ends_at_its_delimiter(tmp_path: Path):
    """`/*!50003 CREATE FUNCTION ...` over several lines, closed by `*/$$`: one routine,
    not a `$$` glued to the next statement."""
    ev = read_sql(tmp_path, SQLYOG_DUMP, "mysql")
    assert sorted(t.name for t in ev.tables) == ["member", "team"]
    assert [(where(p)[1], p.message.split(" (")[0]) for p in ev.problems] == [
        (6, "stored routine or trigger in a 'DELIMITER $$' block skipped")
    ]


def test_init_picks_the_dialect_that_skips_least_when_none_reads_all(tmp_path: Path):
    """A typo no dialect understands: of the dialects that read every table, the one that
    understands the rest (the function in dollar quotes) is picked, not the first."""
    (tmp_path / "dump.sql").write_text(PG_DUMP.split("COPY")[0] + "SELEC 1;\n", encoding="utf-8")
    assert discover(tmp_path) == [Found("schemas", "dump.sql", dialect="postgres")]


def test_migrations_report_what_they_do_not_know_and_units_end_with_their_file(tmp_path: Path):
    """The replay of a migrations folder applies the same rule; an unterminated PL/SQL
    unit stops at the end of its file, so a typo in the next file is still reported."""
    write_files(
        tmp_path,
        {
            "m/V1__init.sql": "CREATE TABLE person (id NUMBER);\n/\n"
            "CREATE OR REPLACE TRIGGER person_bi BEFORE INSERT ON person FOR EACH ROW\n"
            "DECLARE\n  l_id RAW(32);\n  CURSOR c_all IS SELECT id FROM person;\n"
            "BEGIN\n  l_id := SYS_GUID();\nEND;\n",
            "m/V2__more.sql": "ALTER TABLE person ADD (email VARCHAR2(80));\nCREATE TABL visit (id NUMBER);\n",
        },
    )
    ev = read_entry(tmp_path, "m/*.sql", dialect="oracle")
    assert [c.name for c in ev.tables[0].columns] == ["id", "email"]
    assert [(where(p), p.severity, p.message) for p in unknown(ev)] == [
        (("m/V2__more.sql", 2, 1), None, f"{NOT_UNDERSTOOD}: `CREATE TABL visit …`")
    ]


@pytest.mark.parametrize(
    ("piece", "reported"),
    [
        ("v_total NUMBER := 0", False),
        ("r_member member%ROWTYPE", False),
        ("v_email member.email%TYPE", False),
        ("v_total := v_total + 1", False),
        (":new.id := member_seq.nextval", False),
        ("audit_pkg.log_change('member')", False),
        ("NULL", False),
        ("<<retry>> v_total := 0", False),
        ("WHEN OTHERS THEN RAISE", False),
        ("WHEN NO_DATA_FOUND OR TOO_MANY_ROWS THEN v_total := 0", False),
        ("NULL v_total", True),
        ("<<retry v_total := 0", True),
        ("WHEN OTHERS RAISE", True),
        ("SELEC a % b FROM member", True),
        ("UPDTE member SET a := 1", True),
        ("INSRT INTO member VALUES (1)", True),
    ],
)
def test_routine_body_pieces_are_told_from_typos(tmp_path: Path, piece: str, reported: bool):
    """Outside a SQL*Plus unit (no `/` here), the shape of a piece still tells it apart."""
    ev = read_sql(tmp_path, f"CREATE TABLE member (id int);\n{piece};\n", "oracle")
    assert [where(p)[1] for p in unknown(ev)] == ([2] if reported else [])


@pytest.mark.parametrize(
    ("dialect", "statement"),
    [
        ("snowflake", "CREATE PASSWORD POLICY pw_policy PASSWORD_MIN_LENGTH = 12"),
        ("snowflake", "CREATE AUTHENTICATION POLICY auth_policy MFA_ENROLLMENT = REQUIRED"),
        (
            "snowflake",
            "CREATE AGGREGATION POLICY agg AS () RETURNS AGGREGATION_CONSTRAINT -> NO_AGGREGATION_CONSTRAINT()",
        ),
        (
            "snowflake",
            "CREATE PROJECTION POLICY proj AS () RETURNS PROJECTION_CONSTRAINT -> PROJECTION_CONSTRAINT(ALLOW => true)",
        ),
        ("snowflake", "CREATE COMPUTE POOL pool MIN_NODES = 1 MAX_NODES = 1 INSTANCE_FAMILY = CPU_X64_XS"),
        (
            "snowflake",
            "CREATE DATA METRIC FUNCTION dmf(arg_t TABLE(arg_c STRING)) RETURNS NUMBER AS 'SELECT 1'",
        ),
        ("snowflake", "CREATE IMAGE REPOSITORY images"),
        (
            "snowflake",
            "CREATE GIT REPOSITORY repo API_INTEGRATION = git_api ORIGIN = 'https://example.org/r.git'",
        ),
        ("snowflake", "CREATE NOTEBOOK nb"),
        ("snowflake", "CREATE STREAMLIT app ROOT_LOCATION = '@stage/app' MAIN_FILE = 'app.py'"),
        ("snowflake", "CREATE SEMANTIC VIEW sales TABLES (orders)"),
        ("postgres", "ALTER ROUTINE app.touch() OWNER TO postgres"),
        ("postgres", "DROP ROUTINE IF EXISTS app.touch()"),
        ("oracle", "CREATE PROPERTY GRAPH people VERTEX TABLES (person)"),
    ],
)
def test_vendor_objects_are_known(tmp_path: Path, dialect: str, statement: str):
    """Valid DDL of the dialects cnsnt reads is no CN001 (it would fail CI on a correct schema)."""
    ev = read_sql(tmp_path, f"CREATE TABLE person (id int);\n{statement};\n", dialect)
    assert [t.name for t in ev.tables] == ["person"]
    assert [(where(p), p.message) for p in unknown(ev)] == []


def test_the_parser_s_creatable_kinds_are_known(tmp_path: Path):
    """What the dialect's sqlglot parser creates is a kind of object, even if not listed."""
    from cnsnt.sql.ddl_known import OBJECT_WORDS

    assert "SINK" not in OBJECT_WORDS  # a kind RisingWave's sqlglot parser creates
    ev = read_sql(tmp_path, "CREATE TABLE person (id int);\nCREATE SINK s FROM person;\n", "risingwave")
    assert unknown(ev) == []


def test_a_migration_unit_without_a_slash_ends_with_its_file(tmp_path: Path):
    """No `/` in the whole file: the unit is its pieces up to the file's end, not past it."""
    write_files(tmp_path, {"m/V1__proc.sql": ORACLE_PROCEDURE, "m/V2__more.sql": "SELEC 1 FROM dual;\n"})
    ev = read_entry(tmp_path, "m/*.sql", dialect="oracle")
    assert [(where(p), p.message) for p in unknown(ev)] == [
        (("m/V2__more.sql", 1, 1), f"{NOT_UNDERSTOOD}: `SELEC …`")
    ]
